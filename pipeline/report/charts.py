"""Inline SVG charts for the HTML report: timeline, city x service matrix, histogram.

Every function returns markup as a string; every text that came from data goes through
:func:`esc`. An element that stands for a number carries class ``ev`` and a ``<title>`` holding
its evidence (the browser shows it on hover, the report's script opens it on click); an optional
``data-mark`` names the exact words to highlight. Geometry is in CSS pixels: charts keep their
size and the page scrolls them (``.scroll`` containers), so labels never shrink into each other
however many rows there are.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

__all__ = [
    "esc",
    "clip",
    "Bar",
    "TimelineRow",
    "MatrixCell",
    "timeline",
    "iter_timeline",
    "matrix",
    "iter_matrix",
    "histogram",
    "time_ticks",
    "nice_edges",
]

LABEL_W = 250  # px, label column of the timeline and the matrix
ROW_H = 22  # px per timeline / matrix row
PLOT_W = 980  # px, time axis of the timeline
CELL_W = 58  # px per matrix column
FONT_PX = 12  # label font size; LABEL_W holds about (LABEL_W - 16) / FONT_PX CJK characters


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


_OPEN_PX = 64  # px drawn for an open end (or open start): a fading stub, not a made-up date
_BREAK_PX = 18  # px between two parts of a broken calendar axis
_MIN_PART_PX = 130  # px at least for each part of a broken axis
_MAX_PARTS = 6  # at most this many parts: the widest gaps are cut first
_GAP_SHARE = 0.06  # a gap longer than this share of the whole span (and than 3 days) is cut out
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)  # origin of the aligned view


@dataclass
class _Part:
    """One continuous stretch of a (possibly broken) time axis and where it sits in pixels."""

    lo: dt.datetime
    hi: dt.datetime
    px0: float
    px1: float

    def x(self, t: dt.datetime) -> float:
        """Pixel of ``t`` inside this part."""
        span = max((self.hi - self.lo).total_seconds(), 1.0)
        return self.px0 + (t - self.lo).total_seconds() / span * (self.px1 - self.px0)


def _parts(times: list[tuple[dt.datetime, dt.datetime]], px0: float, px1: float, *, broken: bool) -> list[_Part]:
    """Split the covered time into parts separated by long empty gaps (calendar view only)."""
    times = sorted(times)
    lo = min(s for s, _ in times)
    hi = max(e for _, e in times)
    whole = max(hi - lo, dt.timedelta(hours=1))
    clusters: list[list[dt.datetime]] = []
    if broken:
        # Gaps between merged intervals, widest first; cut those that are long enough.
        merged: list[list[dt.datetime]] = []
        for s, e in times:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        gaps = sorted(
            ((merged[k + 1][0] - merged[k][1], k) for k in range(len(merged) - 1)), reverse=True
        )
        cuts = sorted(
            k for g, k in gaps[: _MAX_PARTS - 1] if g > max(whole * _GAP_SHARE, dt.timedelta(days=3))
        )
        start = 0
        for k in cuts + [len(merged) - 1]:
            clusters.append([merged[start][0], max(m[1] for m in merged[start : k + 1])])
            start = k + 1
    else:
        clusters = [[lo, hi]]
    padded = []
    for s, e in clusters:
        pad = max((e - s) * 0.04, dt.timedelta(hours=12) if broken else dt.timedelta(hours=1), whole * 0.01)
        padded.append((s - pad, e + pad))
    avail = (px1 - px0) - _BREAK_PX * (len(padded) - 1)
    floor = min(_MIN_PART_PX, avail / len(padded))
    total = sum((e - s).total_seconds() for s, e in padded)
    parts = []
    x = px0
    for s, e in padded:
        w = floor + (avail - floor * len(padded)) * (e - s).total_seconds() / total
        parts.append(_Part(s, e, x, x + w))
        x += w + _BREAK_PX
    return parts


def _aligned_ticks(lo: dt.datetime, hi: dt.datetime, max_ticks: int) -> list[tuple[dt.datetime, str]]:
    """Ticks of the aligned view: days (or hours) before and after the downtime start."""
    span_h = max((hi - lo).total_seconds() / 3600, 1.0)
    steps_h = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2160, 4320, 8760]
    step = next((s for s in steps_h if span_h / s <= max_ticks), steps_h[-1])
    first = math.ceil((lo - _EPOCH).total_seconds() / 3600 / step) * step
    ticks = []
    h = first
    while _EPOCH + dt.timedelta(hours=h) <= hi:
        if h == 0:
            label = "停机开始"
        elif step >= 24:
            label = f"{h // 24:+d} 天"
        else:
            label = f"{h:+d} 小时"
        ticks.append((_EPOCH + dt.timedelta(hours=h), label))
        h += step
    return ticks


def timeline(rows: Sequence[TimelineRow], *, aligned: bool = False, view_id: str = "tl", twin_of: str | None = None) -> str:
    """Every notice's windows on one time axis (the markup of :func:`iter_timeline` as one string)."""
    return "".join(iter_timeline(rows, aligned=aligned, view_id=view_id, twin_of=twin_of))


def iter_timeline(
    rows: Sequence[TimelineRow], *, aligned: bool = False, view_id: str = "tl", twin_of: str | None = None
) -> Iterator[str]:
    """Every notice's windows on one time axis; rows scroll under a sticky axis. Yields the markup in pieces.

    The calendar view cuts long empty stretches out of the axis (a zigzag marks each cut) so that
    notices years apart stay readable. ``aligned=True`` instead puts each row's downtime start at
    zero (rows without one: their earliest date), to compare durations and staging.

    ``twin_of``: id of another view of the same rows; this view then carries no tooltips of its
    own (``data-twin`` keys let the page's script borrow the twin's), which halves the page size.
    """
    if aligned:
        shifted = []
        for r in rows:
            times = [t for b in r.bars for t in (b.start, b.end) if t is not None]
            heads = [b.start for b in r.bars if b.kind == "downtime" and b.start is not None]
            origin = heads[0] if heads else (min(times) if times else None)
            bars = [
                Bar(
                    b.kind,
                    None if b.start is None or origin is None else _EPOCH + (b.start - origin),
                    None if b.end is None or origin is None else _EPOCH + (b.end - origin),
                    b.tooltip,
                    b.mark,
                    b.window_id,
                    b.is_estimate,
                )
                for b in r.bars
            ]
            shifted.append(TimelineRow(r.label, r.tooltip, r.nid, r.anchor, bars))
        rows = shifted
    intervals = []
    for r in rows:
        for b in r.bars:
            if b.start is not None or b.end is not None:
                s = b.start if b.start is not None else b.end
                e = b.end if b.end is not None else b.start
                assert s is not None and e is not None
                intervals.append((min(s, e), max(s, e)))
    if not intervals:
        yield '<p class="empty">没有可绘制的时间窗口 (no dated windows).</p>'
        return
    has_open = any(b.kind == "downtime" and (b.start is None) != (b.end is None) for r in rows for b in r.bars)
    reserve = _OPEN_PX + 8 if has_open else 8
    parts = _parts(intervals, LABEL_W + reserve, LABEL_W + PLOT_W - reserve, broken=not aligned)
    starts = [p.lo for p in parts]

    def x(t: dt.datetime) -> float:
        k = max(0, bisect.bisect_right(starts, t) - 1)
        return parts[k].x(t)

    width = LABEL_W + PLOT_W + 16
    axis = [f'<svg class="axis" width="{width}" height="26" viewBox="0 0 {width} 26" role="presentation">']
    ticks: list[tuple[dt.datetime, str]] = []
    for p in parts:
        room = max(1, int((p.px1 - p.px0) // 80))  # a label needs about 80 px
        ticks += _aligned_ticks(p.lo, p.hi, room) if aligned else time_ticks(p.lo, p.hi, max_ticks=room)
    for t, label in ticks:
        axis.append(
            f'<line x1="{x(t):.1f}" y1="18" x2="{x(t):.1f}" y2="26" class="tick"/>'
            f'<text x="{x(t):.1f}" y="13" text-anchor="middle" class="tick-label">{esc(label)}</text>'
        )
    height = len(rows) * ROW_H + 4
    body = [
        f'<svg class="chart timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="各地停机时间线 timeline of {len(rows)} notices">',
        f'<defs><linearGradient id="{view_id}-fade" x1="0" x2="1" y1="0" y2="0">'
        '<stop offset="0" stop-color="#b91c1c" stop-opacity="0.9"/>'
        '<stop offset="1" stop-color="#b91c1c" stop-opacity="0.05"/></linearGradient>'
        f'<linearGradient id="{view_id}-fadein" x1="0" x2="1" y1="0" y2="0">'
        '<stop offset="0" stop-color="#b91c1c" stop-opacity="0.05"/>'
        '<stop offset="1" stop-color="#b91c1c" stop-opacity="0.9"/></linearGradient></defs>',
    ]
    for p, q in zip(parts, parts[1:]):
        # A cut in the axis: a zigzag in the axis and a pale band through the rows.
        mid = (p.px1 + q.px0) / 2
        axis.append(f'<path d="M{mid - 5:.1f},26 l4,-8 l2,4 l4,-8" class="cut"/>')
        body.append(f'<rect x="{p.px1 + 2:.1f}" y="0" width="{_BREAK_PX - 4}" height="{height}" class="cut-band"/>')
    axis.append("</svg>")
    for t, _ in ticks:
        body.append(f'<line x1="{x(t):.1f}" y1="0" x2="{x(t):.1f}" y2="{height}" class="grid{" zero" if aligned and t == _EPOCH else ""}"/>')
    label_chars = (LABEL_W - 16) // FONT_PX
    # The head and the axis first, then the rows one by one (a page of 10,000 notices is never
    # held as one string).
    yield f'<div class="scroll"><div class="axis-wrap">{"".join(axis)}</div>'
    yield from body
    del axis, body, intervals
    key = 0  # the same running number in every view of these rows: the twin key
    for i, r in enumerate(rows):
        y = i * ROW_H + 2
        row = [f'<g class="trow" data-nid="{esc(r.nid)}">']
        if i % 2:
            row.append(f'<rect class="band" x="0" y="{y}" width="{width}" height="{ROW_H}"/>')
        tip = "" if twin_of else _title(r.tooltip)
        row.append(
            f'<a href="#{esc(r.anchor)}" class="ev tlabel" data-t="r{i}"{_twin(twin_of)}>{tip}'
            f'<text x="8" y="{y + 15}" class="label">{esc(clip(r.label, label_chars))}</text></a>'
        )
        for b in r.bars:
            if b.start is not None or b.end is not None:
                row.append(_bar(b, x, y, view_id, f"b{key}", twin_of))
                key += 1
        row.append("</g>")
        yield "".join(row)
    yield "</svg></div>"


def _twin(twin_of: str | None) -> str:
    """The ``data-twin`` attribute naming the view that holds this element's tooltip."""
    return f' data-twin="{esc(twin_of)}"' if twin_of else ""


def _bar(
    b: Bar, x: Callable[[dt.datetime], float], y: int, view_id: str, key: str, twin_of: str | None
) -> str:
    """One window: a bar for a range, a marker for a point, a fading stub for an open end."""
    attrs = (
        f'class="ev win {esc(b.kind)}{" est" if b.is_estimate else ""}" data-kind="{esc(b.kind)}" '
        f'data-wid="{esc(b.window_id)}" data-t="{key}"{_twin(twin_of)}{"" if twin_of else _mark(b.mark)}'
    )
    head = b.kind == "downtime"
    top, h = (y + 4, 11) if head else (y + 15, 5)
    tip = "" if twin_of else _title(b.tooltip)
    if b.start is not None and b.end is not None and b.end > b.start:
        x0, x1 = x(b.start), x(b.end)
        w = max(x1 - x0, 3.0)  # a short window stays visible
        return f'<g {attrs} data-open="none">{tip}<rect x="{x0:.1f}" y="{top}" width="{w:.1f}" height="{h}" rx="2"/></g>'
    if head and b.start is not None and b.end is None:
        # Open end: a stub fading out to the right, ending in an arrow.
        x0 = x(b.start)
        return (
            f'<g {attrs} data-open="end">{tip}<rect x="{x0:.1f}" y="{top}" width="{_OPEN_PX}" height="{h}" rx="2" '
            f'fill="url(#{view_id}-fade)" class="open"/>'
            f'<path d="M{x0 + _OPEN_PX:.1f},{top - 2} l6,{h / 2 + 2:.1f} l-6,{h / 2 + 2:.1f}z" class="arrow"/></g>'
        )
    if head and b.start is None and b.end is not None:
        x1 = x(b.end)
        return (
            f'<g {attrs} data-open="start">{tip}<rect x="{x1 - _OPEN_PX:.1f}" y="{top}" width="{_OPEN_PX}" '
            f'height="{h}" rx="2" fill="url(#{view_id}-fadein)" class="open"/></g>'
        )
    t = b.start if b.start is not None else b.end
    assert t is not None
    cx = x(t)
    # A point in time (a resume, a deadline): a small triangle pointing at the moment.
    return f'<g {attrs} data-open="point">{tip}<path d="M{cx:.1f},{top - 1} l-4.5,{h + 4} h9z" class="point"/></g>'


# ---------------------------------------------------------------------------------------------
# Matrix


@dataclass
class MatrixCell:
    """A suspended service of one notice: hours if known, and the tooltip with its evidence."""

    hours: float | None
    tooltip: str
    mark: str | None = None


# From a pale orange to a deep red in equal steps of log(hours), so the legend can name them.
_RAMP = ("#fde5c8", "#fcb57a", "#f07c43", "#d1432a", "#8f1d14")
_UNKNOWN_FILL = "#fbbf24"


def _heat(hours: float | None, top: float) -> tuple[str, str]:
    """Fill and text class (``ink-dark``/``ink-light``) for a suspension of ``hours``."""
    if hours is None:
        return _UNKNOWN_FILL, "ink-dark"
    f = min(1.0, math.log1p(max(hours, 0)) / math.log1p(max(top, 1)))
    k = min(len(_RAMP) - 1, int(f * len(_RAMP)))
    return _RAMP[k], ("ink-dark" if k < 2 else "ink-light")


def _ramp_floor(k: int, top: float) -> float:
    """Smallest hours shown in ramp step ``k``."""
    return math.expm1(k / len(_RAMP) * math.log1p(max(top, 1)))


def matrix(
    row_labels: Sequence[tuple[str, str, str, str]],
    columns: Sequence[tuple[str, str]],
    cells: dict[tuple[int, str], MatrixCell],
) -> str:
    """City x service grid (the markup of :func:`iter_matrix` as one string)."""
    return "".join(iter_matrix(row_labels, columns, cells))


def iter_matrix(
    row_labels: Sequence[tuple[str, str, str, str]],
    columns: Sequence[tuple[str, str]],
    cells: dict[tuple[int, str], MatrixCell],
) -> Iterator[str]:
    """City x service grid, yielded in pieces. ``row_labels``: (label, tooltip, nid, anchor); ``columns``: (code, head)."""
    if not row_labels:
        yield '<p class="empty">没有停机公告 (no outage notices).</p>'
        return
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
        f'role="img" aria-label="城市 x 服务 矩阵">',
        # Empty cells are one patterned rectangle, not a rectangle each (300 x 14 of them).
        f'<defs><pattern id="mgrid" x="{LABEL_W}" y="1" width="{CELL_W}" height="{ROW_H}" patternUnits="userSpaceOnUse">'
        f'<rect x="2" y="2" width="{CELL_W - 4}" height="{ROW_H - 4}" class="empty-cell"/></pattern></defs>',
    ]
    # Bands and the empty-cell grid go under the rows.
    body += [
        f'<rect class="band" x="0" y="{i * ROW_H + 1}" width="{width}" height="{ROW_H}"/>'
        for i in range(1, len(row_labels), 2)
    ]
    body.append(
        f'<rect x="{LABEL_W}" y="1" width="{CELL_W * len(columns)}" height="{len(row_labels) * ROW_H}" fill="url(#mgrid)"/>'
    )
    legend = ['<svg class="legend" width="640" height="24" viewBox="0 0 640 24" role="presentation">']
    keys = [(_UNKNOWN_FILL, "时长未知"), (_RAMP[0], f"< {_fmt_num(round(_ramp_floor(1, top)))} 小时")] + [
        (_RAMP[k], f"≥ {_fmt_num(round(_ramp_floor(k, top)))} 小时") for k in range(1, len(_RAMP))
    ]
    for k, (fill, name) in enumerate(keys):
        legend.append(f'<rect x="{k * 100}" y="4" width="16" height="14" rx="2" fill="{fill}"/>'
                      f'<text x="{k * 100 + 22}" y="16" class="tick-label">{esc(name)}</text>')
    legend.append("</svg>")
    yield f'<div class="scroll"><div class="axis-wrap">{"".join(head)}</div>'
    yield "".join(body)
    del body
    label_chars = (LABEL_W - 16) // FONT_PX
    for i, (label, tooltip, nid, anchor) in enumerate(row_labels):
        y = i * ROW_H + 1
        row = [f'<g class="mrow" data-nid="{esc(nid)}">']
        row.append(
            f'<a href="#{esc(anchor)}" class="ev tlabel">{_title(tooltip)}'
            f'<text x="8" y="{y + 15}" class="label">{esc(clip(label, label_chars))}</text></a>'
        )
        for j, (code, _) in enumerate(columns):
            x0 = LABEL_W + j * CELL_W + 2
            cell = cells.get((i, code))
            if cell is None:
                continue
            fill, ink = _heat(cell.hours, top)
            text = _fmt_num(round(cell.hours)) if cell.hours is not None else "●"
            row.append(
                f'<g class="ev cell" data-service="{esc(code)}"{_mark(cell.mark)}>{_title(cell.tooltip)}'
                f'<rect x="{x0}" y="{y + 2}" width="{CELL_W - 4}" height="{ROW_H - 4}" rx="2" fill="{fill}"/>'
                f'<text x="{x0 + (CELL_W - 4) / 2:.1f}" y="{y + 15}" text-anchor="middle" class="cell-text {ink}">'
                f'{esc(text)}</text></g>'
            )
        row.append("</g>")
        yield "".join(row)
    yield f'</svg></div><div class="legend-wrap">{"".join(legend)}</div>'


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
