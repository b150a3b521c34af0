"""Inline SVG charts for the HTML report: timeline, city x service matrix, histogram.

Every function returns markup as a string; every text that came from data goes through
:func:`esc`. An element that stands for a number carries class ``ev`` and a ``<title>`` holding
its evidence (the browser shows it on hover, the report's script opens it on click); an optional
``data-mark`` names the exact words to highlight. Geometry is in CSS pixels: charts keep their
size and the page scrolls them (``.scroll`` containers), so labels never shrink into each other
however many rows there are.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "esc",
    "clip",
    "Bar",
    "TimelineRow",
    "MatrixCell",
    "timeline",
    "matrix",
    "histogram",
    "time_ticks",
    "nice_edges",
]

LABEL_W = 250  # px, label column of the timeline and the matrix
ROW_H = 22  # px per timeline / matrix row
PLOT_W = 860  # px, time axis of the timeline
CELL_W = 50  # px per matrix column
FONT_PX = 12  # label font size; LABEL_W holds about (LABEL_W - 16) / FONT_PX CJK characters
KIND_LABELS = {
    "downtime": "停机",
    "suspension": "暂停",
    "resume": "恢复",
    "deadline": "截止",
    "go_live": "上线",
    "other": "其他",
}


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


def _mark(mark: str | None) -> str:
    """The ``data-mark`` attribute (words to highlight in the evidence view), if any."""
    return f' data-mark="{esc(mark)}"' if mark else ""


# ---------------------------------------------------------------------------------------------
# Time axis


# Candidate tick steps, smallest first; the first giving at most the wanted number of ticks wins.
_STEPS: tuple[tuple[str, int], ...] = (
    ("hour", 1),
    ("hour", 3),
    ("hour", 6),
    ("hour", 12),
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("day", 14),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("month", 12),
    ("month", 24),
    ("month", 60),
)


def _step_seconds(unit: str, n: int) -> float:
    """Approximate length of a step, to count ticks."""
    return n * {"hour": 3600, "day": 86400, "month": 30.44 * 86400}[unit]


def _add_months(d: dt.datetime, months: int) -> dt.datetime:
    """First of the month ``months`` after ``d``'s month."""
    m = d.month - 1 + months
    return d.replace(year=d.year + m // 12, month=m % 12 + 1, day=1, hour=0, minute=0, second=0, microsecond=0)


def time_ticks(lo: dt.datetime, hi: dt.datetime, max_ticks: int = 10) -> list[tuple[dt.datetime, str]]:
    """Round tick times between ``lo`` and ``hi`` (aware datetimes) with short labels."""
    span = max((hi - lo).total_seconds(), 1.0)
    unit, n = next(((u, k) for u, k in _STEPS if span / _step_seconds(u, k) <= max_ticks), _STEPS[-1])
    if unit == "hour":
        t = lo.replace(minute=0, second=0, microsecond=0)
        t = t.replace(hour=t.hour - t.hour % n)
        step = dt.timedelta(hours=n)
    elif unit == "day":
        t = lo.replace(hour=0, minute=0, second=0, microsecond=0)
        if n == 7:  # weeks start on Monday
            t -= dt.timedelta(days=t.weekday())
        step = dt.timedelta(days=n)
    else:
        t = _add_months(lo, 0)
        t = _add_months(t, -((t.month - 1) % min(n, 12)))
        step = None
    ticks: list[tuple[dt.datetime, str]] = []
    prev_year = None
    while t <= hi and len(ticks) < 100:
        if t >= lo:
            if unit == "hour":
                label = t.strftime("%m-%d %H:%M")
            elif unit == "day":
                label = t.strftime("%Y-%m-%d") if prev_year != t.year else t.strftime("%m-%d")
            else:
                label = t.strftime("%Y-%m") if n < 12 else t.strftime("%Y")
            prev_year = t.year
            ticks.append((t, label))
        t = t + step if step is not None else _add_months(t, n)
    return ticks


def nice_edges(values: Sequence[float], max_bins: int = 12) -> list[float]:
    """Bin edges on round numbers (1, 2, 2.5, 5 x 10^k) covering ``values``."""
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        width = max(1.0, abs(lo) / 10)
        return [math.floor(lo / width) * width, math.floor(lo / width) * width + width]
    raw = (hi - lo) / max_bins
    mag = 10 ** math.floor(math.log10(raw))
    width = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / width) * width
    edges = [start]
    while edges[-1] <= hi:
        edges.append(round(edges[-1] + width, 10))
    return edges


def _fmt_num(v: float) -> str:
    """A number without needless decimals."""
    return f"{v:.0f}" if abs(v - round(v)) < 1e-9 else f"{v:g}"


# ---------------------------------------------------------------------------------------------
# Timeline


@dataclass
class Bar:
    """One window drawn on a timeline row."""

    kind: str
    start: dt.datetime | None
    end: dt.datetime | None
    tooltip: str
    mark: str | None = None
    window_id: str = ""
    is_estimate: bool = False


@dataclass
class TimelineRow:
    """One notice on the timeline: a label, its downtime bar and its staged windows."""

    label: str
    tooltip: str
    nid: str
    anchor: str  # id of the notice's row in the table
    bars: list[Bar] = field(default_factory=list)


def timeline(rows: Sequence[TimelineRow]) -> str:
    """Axis and rows of every notice's windows on one time axis (the page scrolls long ones)."""
    points = [t for r in rows for b in r.bars for t in (b.start, b.end) if t is not None]
    if not points:
        return '<p class="empty">没有可绘制的时间窗口 (no dated windows).</p>'
    lo, hi = min(points), max(points)
    if any(b.start is not None and b.end is None and b.kind == "downtime" for r in rows for b in r.bars):
        hi = hi + max((hi - lo) * 0.06, dt.timedelta(days=2))  # room for open-ended bars
    pad = max((hi - lo) * 0.02, dt.timedelta(hours=6))
    lo, hi = lo - pad, hi + pad
    span = (hi - lo).total_seconds()

    def x(t: dt.datetime) -> float:
        return LABEL_W + (t - lo).total_seconds() / span * PLOT_W

    width = LABEL_W + PLOT_W + 16
    ticks = time_ticks(lo, hi, max_ticks=9)
    axis = [f'<svg class="axis" width="{width}" height="26" viewBox="0 0 {width} 26" role="presentation">']
    for t, label in ticks:
        axis.append(
            f'<line x1="{x(t):.1f}" y1="18" x2="{x(t):.1f}" y2="26" class="tick"/>'
            f'<text x="{x(t):.1f}" y="13" text-anchor="middle" class="tick-label">{esc(label)}</text>'
        )
    axis.append("</svg>")

    height = len(rows) * ROW_H + 4
    body = [
        f'<svg class="chart timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="各地停机时间线 timeline of {len(rows)} notices">',
        '<defs><linearGradient id="fade" x1="0" x2="1" y1="0" y2="0">'
        '<stop offset="0" stop-color="#b91c1c" stop-opacity="0.9"/>'
        '<stop offset="1" stop-color="#b91c1c" stop-opacity="0.05"/></linearGradient></defs>',
    ]
    for t, _ in ticks:
        body.append(f'<line x1="{x(t):.1f}" y1="0" x2="{x(t):.1f}" y2="{height}" class="grid"/>')
    label_chars = (LABEL_W - 16) // FONT_PX
    for i, r in enumerate(rows):
        y = i * ROW_H + 2
        body.append(f'<g class="trow" data-nid="{esc(r.nid)}">')
        if i % 2:
            body.append(f'<rect class="band" x="0" y="{y}" width="{width}" height="{ROW_H}"/>')
        body.append(
            f'<a href="#{esc(r.anchor)}" class="ev tlabel">{_title(r.tooltip)}'
            f'<text x="8" y="{y + 15}" class="label">{esc(clip(r.label, label_chars))}</text></a>'
        )
        for b in r.bars:
            body.append(_bar(b, x, y, lo, hi))
        body.append("</g>")
    body.append("</svg>")
    return f'<div class="scroll"><div class="axis-wrap">{"".join(axis)}</div>{"".join(body)}</div>'


def _bar(b: Bar, x: Callable[[dt.datetime], float], y: int, lo: dt.datetime, hi: dt.datetime) -> str:
    """One window: a bar for a range, a marker for a point, a fading bar for an open end."""
    attrs = (
        f'class="ev win {esc(b.kind)}{" est" if b.is_estimate else ""}" data-kind="{esc(b.kind)}" '
        f'data-wid="{esc(b.window_id)}"{_mark(b.mark)}'
    )
    head = b.kind == "downtime"
    top, h = (y + 4, 11) if head else (y + 15, 5)
    tip = _title(b.tooltip)
    if b.start is not None and b.end is not None and b.end > b.start:
        x0, x1 = x(b.start), x(b.end)
        w = max(x1 - x0, 3.0)  # a short window stays visible
        return f'<g {attrs} data-open="none">{tip}<rect x="{x0:.1f}" y="{top}" width="{w:.1f}" height="{h}" rx="2"/></g>'
    if head and b.start is not None and b.end is None:
        # Open end: the bar fades out to the right edge and ends in an arrow.
        x0, x1 = x(b.start), x(hi)
        return (
            f'<g {attrs} data-open="end">{tip}<rect x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 12):.1f}" '
            f'height="{h}" rx="2" fill="url(#fade)" class="open"/>'
            f'<path d="M{x0 + max(x1 - x0, 12) - 1:.1f},{top - 2} l6,{h / 2 + 2:.1f} l-6,{h / 2 + 2:.1f}z" class="arrow"/></g>'
        )
    if head and b.start is None and b.end is not None:
        x0, x1 = x(lo), x(b.end)
        return (
            f'<g {attrs} data-open="start">{tip}<rect x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 12):.1f}" '
            f'height="{h}" rx="2" class="open-start"/></g>'
        )
    t = b.start if b.start is not None else b.end
    assert t is not None
    cx = x(t)
    # A point in time (a resume, a deadline): a small triangle pointing at the moment.
    return (
        f'<g {attrs} data-open="point">{tip}<path d="M{cx:.1f},{top - 1} l-4.5,{h + 4} h9z" class="point"/></g>'
    )


# ---------------------------------------------------------------------------------------------
# Matrix


@dataclass
class MatrixCell:
    """A suspended service of one notice: hours if known, and the tooltip with its evidence."""

    hours: float | None
    tooltip: str
    mark: str | None = None


def _heat(hours: float | None, top: float) -> tuple[str, str]:
    """Fill and text colour for a suspension of ``hours`` (log scale up to ``top``)."""
    if hours is None:
        return "#fbbf24", "#3b2500"
    f = min(1.0, math.log1p(max(hours, 0)) / math.log1p(max(top, 1)))
    # From a pale orange to a deep red, in five steps so the legend can show them.
    ramp = ["#fde5c8", "#fcb57a", "#f07c43", "#d1432a", "#8f1d14"]
    k = min(len(ramp) - 1, int(f * len(ramp)))
    return ramp[k], ("#1f1300" if k < 2 else "#ffffff")


def matrix(
    row_labels: Sequence[tuple[str, str, str, str]],
    columns: Sequence[tuple[str, str]],
    cells: dict[tuple[int, str], MatrixCell],
) -> str:
    """City x service grid. ``row_labels``: (label, tooltip, nid, anchor); ``columns``: (code, head)."""
    if not row_labels:
        return '<p class="empty">没有停机公告 (no outage notices).</p>'
    width = LABEL_W + CELL_W * len(columns) + 8
    top = max([c.hours for c in cells.values() if c.hours is not None] or [1.0])
    counts = {code: sum(1 for (_, c) in cells if c == code) for code, _ in columns}
    head = [f'<svg class="axis" width="{width}" height="40" viewBox="0 0 {width} 40" role="presentation">']
    for j, (code, label) in enumerate(columns):
        cx = LABEL_W + j * CELL_W + CELL_W / 2
        head.append(
            f'<g class="mhead"><title>{esc(code)}: {counts[code]} 份公告暂停此项</title>'
            f'<text x="{cx:.1f}" y="15" text-anchor="middle" class="col-label">{esc(label)}</text>'
            f'<text x="{cx:.1f}" y="32" text-anchor="middle" class="col-count">{counts[code]}</text></g>'
        )
    head.append("</svg>")
    height = len(row_labels) * ROW_H + 2
    body = [
        f'<svg class="chart matrix" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="城市 x 服务 矩阵">'
    ]
    label_chars = (LABEL_W - 16) // FONT_PX
    for i, (label, tooltip, nid, anchor) in enumerate(row_labels):
        y = i * ROW_H + 1
        body.append(f'<g class="mrow" data-nid="{esc(nid)}">')
        if i % 2:
            body.append(f'<rect class="band" x="0" y="{y}" width="{width}" height="{ROW_H}"/>')
        body.append(
            f'<a href="#{esc(anchor)}" class="ev tlabel">{_title(tooltip)}'
            f'<text x="8" y="{y + 15}" class="label">{esc(clip(label, label_chars))}</text></a>'
        )
        for j, (code, _) in enumerate(columns):
            x0 = LABEL_W + j * CELL_W + 2
            cell = cells.get((i, code))
            if cell is None:
                body.append(f'<rect x="{x0}" y="{y + 2}" width="{CELL_W - 4}" height="{ROW_H - 4}" class="empty-cell"/>')
                continue
            fill, ink = _heat(cell.hours, top)
            text = _fmt_num(round(cell.hours)) if cell.hours is not None else "●"
            body.append(
                f'<g class="ev cell" data-service="{esc(code)}"{_mark(cell.mark)}>{_title(cell.tooltip)}'
                f'<rect x="{x0}" y="{y + 2}" width="{CELL_W - 4}" height="{ROW_H - 4}" rx="2" fill="{fill}"/>'
                f'<text x="{x0 + (CELL_W - 4) / 2:.1f}" y="{y + 15}" text-anchor="middle" class="cell-text" '
                f'fill="{ink}">{esc(text)}</text></g>'
            )
        body.append("</g>")
    body.append("</svg>")
    legend = ['<svg class="legend" width="520" height="24" viewBox="0 0 520 24" role="presentation">']
    for k, (hours, name) in enumerate([(None, "时长未知"), (6, "≈6 h"), (48, "≈2 天"), (top ** 0.8, ""), (top, f"{_fmt_num(round(top))} h")]):
        fill, _ = _heat(hours, top)
        legend.append(f'<rect x="{k * 100}" y="4" width="16" height="14" rx="2" fill="{fill}"/>'
                      f'<text x="{k * 100 + 22}" y="16" class="tick-label">{esc(name)}</text>')
    legend.append("</svg>")
    return (
        f'<div class="scroll"><div class="axis-wrap">{"".join(head)}</div>{"".join(body)}</div>'
        f'<div class="legend-wrap">{"".join(legend)}</div>'
    )


# ---------------------------------------------------------------------------------------------
# Histogram


def histogram(
    values: Sequence[tuple[float, str]],
    *,
    unit: str,
    label: str,
    width: int = 540,
    height: int = 230,
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
        f'<svg class="chart hist" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(label)}">'
    ]
    for c in sorted({0, most, most // 2} if most > 1 else {0, most}):
        yy = top + ph - c / most * ph
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" class="grid"/>'
                   f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" class="tick-label">{c}</text>')
    for k, who in enumerate(bins):
        if not who:
            continue
        h = len(who) / most * ph
        x0 = left + k * bw
        names = "、".join(who[:30]) + (f" … (+{len(who) - 30})" if len(who) > 30 else "")
        tip = f"{label} {_fmt_num(edges[k])}–{_fmt_num(edges[k + 1])} {unit}: {len(who)} 份公告\n{names}"
        out.append(
            f'<g class="ev bin">{_title(tip)}<rect x="{x0 + 1:.1f}" y="{top + ph - h:.1f}" '
            f'width="{max(bw - 2, 1):.1f}" height="{max(h, 1):.1f}"/>'
            f'<text x="{x0 + bw / 2:.1f}" y="{top + ph - h - 3:.1f}" text-anchor="middle" class="count">{len(who)}</text></g>'
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
