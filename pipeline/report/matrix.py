"""The city x service matrix of the HTML report: one table per domain, with that domain's services.

A medical-insurance notice and a housing-fund notice suspend different things; putting them in one
grid would compare unlike with unlike and leave most cells empty. Each domain therefore gets its
own table whose columns are only the services suspended by its notices, in taxonomy order (codes
the taxonomy does not know go last). Every column head shows the Chinese label, the code and how
many of the domain's notices suspend it. The tables are plain HTML: they scroll sideways inside
their box with the city column kept in view.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .charts import clip, esc
from .taxonomy import ServiceCode, domain_label

__all__ = ["MatrixCell", "MatrixRow", "iter_matrices", "RAMP", "UNKNOWN_FILL"]

LABEL_CHARS = 14  # visible characters of a row label
# From a pale orange to a deep red in equal steps of log(hours), so the legend can name them.
RAMP = ("#fde5c8", "#fcb57a", "#f07c43", "#d1432a", "#8f1d14")
UNKNOWN_FILL = "#fbbf24"


@dataclass
class MatrixCell:
    """A suspended service of one notice: hours if known, and the tooltip with its evidence."""

    hours: float | None
    tooltip: str
    mark: str | None = None


@dataclass
class MatrixRow:
    """One notice of the matrix: its label, tooltip, ids, domain and suspended services."""

    label: str
    tooltip: str
    nid: str
    anchor: str
    domain: str | None
    cells: dict[str, MatrixCell]


def _fmt(v: float) -> str:
    return f"{v:.0f}" if abs(v - round(v)) < 1e-9 else f"{v:g}"


def _heat(hours: float | None, top: float) -> tuple[str, str]:
    """Fill and text class (``ink-dark``/``ink-light``) for a suspension of ``hours``."""
    if hours is None:
        return UNKNOWN_FILL, "ink-dark"
    f = min(1.0, math.log1p(max(hours, 0)) / math.log1p(max(top, 1)))
    k = min(len(RAMP) - 1, int(f * len(RAMP)))
    return RAMP[k], ("ink-dark" if k < 2 else "ink-light")


def _ramp_floor(k: int, top: float) -> float:
    """Smallest hours shown in ramp step ``k``."""
    return math.expm1(k / len(RAMP) * math.log1p(max(top, 1)))


def _legend(top: float) -> str:
    keys = [(UNKNOWN_FILL, "暂停, 时长未知"), (RAMP[0], f"< {_fmt(round(_ramp_floor(1, top)))} 小时")] + [
        (RAMP[k], f"≥ {_fmt(round(_ramp_floor(k, top)))} 小时") for k in range(1, len(RAMP))
    ]
    return '<p class="legend-row">' + "".join(
        f'<span class="key"><i class="swatch" style="background:{fill}"></i>{esc(name)}</span>' for fill, name in keys
    ) + "</p>"


def iter_matrices(rows: Sequence[MatrixRow], taxonomy: Sequence[ServiceCode], domains: Sequence[str]) -> Iterator[str]:
    """A table per domain (in ``domains`` order, then any other), yielded in pieces."""
    if not rows:
        yield '<p class="empty">没有停机公告 (no outage notices).</p>'
        return
    top = max([c.hours for r in rows for c in r.cells.values() if c.hours is not None] or [1.0])
    yield _legend(top)
    order = {d: i for i, d in enumerate(domains)}
    groups: dict[str, list[MatrixRow]] = {}
    for r in rows:
        groups.setdefault(r.domain or "", []).append(r)
    labels = {s.code: s.label for s in taxonomy}
    known = [s.code for s in taxonomy]
    for domain in sorted(groups, key=lambda d: (order.get(d, len(order)), d)):
        members = groups[domain]
        found = {c for r in members for c in r.cells}
        columns = [c for c in known if c in found] + sorted(found - set(known))
        counts = {c: sum(1 for r in members if c in r.cells) for c in columns}
        yield (f'<section class="mx-domain" data-domain="{esc(domain)}"><h3>{esc(domain_label(domain))} '
               f'<code>{esc(domain or "未注明")}</code> <small>(<span class="n">{len(members)}</span> 份公告, '
               f'{len(columns)} 项服务)</small></h3>')
        if not columns:
            yield '<p class="empty">这些公告没有写明暂停的服务 (no suspended services found).</p></section>'
            continue
        head = ['<div class="scroll mx-box"><table class="mx"><thead><tr><th class="mx-city" scope="col">城市</th>']
        for c in columns:
            head.append(
                f'<th scope="col" data-service="{esc(c)}" title="{esc(labels.get(c, c))} ({esc(c)}): {counts[c]} 份公告暂停此项">'
                f'<span class="zh">{esc(labels.get(c, c))}</span><code>{"_<wbr>".join(esc(c).split("_"))}</code>'
                f'<span class="cnt">{counts[c]}</span></th>'
            )
        head.append("</tr></thead><tbody>")
        yield "".join(head)
        for r in members:
            out = [f'<tr data-nid="{esc(r.nid)}"><th class="mx-city" scope="row">'
                   f'<a class="ev" href="#{esc(r.anchor)}" title="{esc(r.tooltip)}">{esc(clip(r.label, LABEL_CHARS))}</a></th>']
            for c in columns:
                cell = r.cells.get(c)
                if cell is None:
                    out.append("<td></td>")
                    continue
                fill, ink = _heat(cell.hours, top)
                text = _fmt(round(cell.hours)) if cell.hours is not None else "●"
                mark = f' data-mark="{esc(cell.mark)}"' if cell.mark else ""
                out.append(f'<td class="ev cell {ink}" data-service="{esc(c)}" style="background:{fill}" '
                           f'title="{esc(cell.tooltip)}"{mark} tabindex="0">{esc(text)}</td>')
            out.append("</tr>")
            yield "".join(out)
        yield "</tbody></table></div></section>"
