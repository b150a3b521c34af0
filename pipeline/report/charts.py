"""Markup helpers of the HTML report and its histograms (inline SVG).

Every text that came from data goes through :func:`esc`. A histogram bar stands for a number: it
carries class ``ev`` and a ``<title>`` holding who is in it (the browser shows it on hover, the
report's script opens it on click). A histogram is drawn for a 420 px box and scales with its
container (``viewBox``), so it fits a phone and stays sharp on a wide screen. The timeline and the
matrix are HTML (``timeline.py``, ``matrix.py``).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

__all__ = ["esc", "clip", "histogram", "nice_edges"]

def esc(value: object) -> str:
    """Text or attribute value, HTML-escaped (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def clip(text: str | None, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis; newlines become spaces."""
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: max(1, limit - 1)] + "…"


def _title(text: str) -> str:
    """An SVG ``<title>`` (the hover tooltip)."""
    return f"<title>{esc(text)}</title>"


def _nice(raw: float) -> float:
    """Smallest round number (1, 2, 2.5, 5 x 10^k) at least ``raw``."""
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw - 1e-12)


def nice_edges(values: Sequence[float], max_bins: int = 12) -> list[float]:
    """Bin edges on round numbers (1, 2, 2.5, 5 x 10^k) covering ``values``."""
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        # One value: three bins with it in the middle one, so the bar reads as a bar.
        width = _nice(max(1.0, abs(lo) / 10))
        start = math.floor(lo / width) * width - width
        return [round(start + k * width, 10) for k in range(4)]
    width = _nice((hi - lo) / max_bins)
    start = math.floor(lo / width) * width
    edges = [start]
    while edges[-1] <= hi:
        edges.append(round(edges[-1] + width, 10))
    return edges


def _fmt_num(v: float) -> str:
    """A number without needless decimals."""
    return f"{v:.0f}" if abs(v - round(v)) < 1e-9 else f"{v:g}"


# ---------------------------------------------------------------------------------------------
# Histogram


def histogram(
    values: Sequence[tuple[float, str]],
    *,
    unit: str,
    label: str,
    width: int = 420,
    height: int = 220,
) -> str:
    """Bars counting ``values`` ((value, who) pairs) per round-numbered bin; each bar lists who."""
    if not values:
        return f'<p class="empty">{esc(label)}: 没有数据 (no values).</p>'
    nums = [v for v, _ in values]
    edges = nice_edges(nums)
    bins: list[list[str]] = [[] for _ in range(len(edges) - 1)]
    for v, who in values:
        k = min(len(bins) - 1, max(0, int((v - edges[0]) // (edges[1] - edges[0]))))
        bins[k].append(who)
    left, right, top, bottom = 40, 12, 16, 36
    pw, ph = width - left - right, height - top - bottom
    most = max(len(b) for b in bins)
    bw = pw / len(bins)
    out = [
        f'<svg class="chart hist" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(label)}">'
    ]
    for c in sorted({0, most, most // 2} if most > 1 else {0, most}):
        yy = top + ph - c / most * ph
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" class="grid"/>'
                   f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" class="tick-label">{c}</text>')
    for k, members in enumerate(bins):
        if not members:
            continue
        h = len(members) / most * ph
        x0 = left + k * bw
        names = "、".join(members[:30]) + (f" … (+{len(members) - 30})" if len(members) > 30 else "")
        tip = f"{label} {_fmt_num(edges[k])}–{_fmt_num(edges[k + 1])} {unit}: {len(members)} 份公告\n{names}"
        out.append(
            f'<g class="ev bin">{_title(tip)}<rect x="{x0 + 1:.1f}" y="{top + ph - h:.1f}" '
            f'width="{max(bw - 2, 1):.1f}" height="{max(h, 1):.1f}"/>'
            f'<text x="{x0 + bw / 2:.1f}" y="{top + ph - h - 3:.1f}" text-anchor="middle" class="count">{len(members)}</text></g>'
        )
    # Edge labels: as many as fit without touching (about 44 px each).
    every = max(1, math.ceil(44 / bw))
    for k, e in enumerate(edges):
        if k % every:
            continue
        xx = left + k * bw
        out.append(f'<line x1="{xx:.1f}" y1="{top + ph}" x2="{xx:.1f}" y2="{top + ph + 4}" class="tick"/>'
                   f'<text x="{xx:.1f}" y="{top + ph + 16}" text-anchor="middle" class="tick-label">{esc(_fmt_num(e))}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{height - 4}" text-anchor="middle" class="axis-title">{esc(unit)}</text>')
    out.append("</svg>")
    return "".join(out)
