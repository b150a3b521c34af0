"""The timeline of the HTML report: every notice's windows, one row each, in plain HTML and CSS.

Two views of the same rows:

* calendar (:func:`iter_calendar`): one panel per year (a notice sits in the year its downtime
  starts), each on its own January-to-January axis, stretched a little when a window runs over
  the year's edge (at most :data:`SPILL_DAYS`; beyond that the bar is clipped and says so);
* aligned (:func:`iter_aligned`): each notice's downtime start at zero, to compare durations and
  staging. A notice without a downtime start is left out and named: it has no zero to align on.

Positions are percentages of the plot width, so the page's script can zoom (widen the plot) and
the layout fits any screen without recomputing: a phone shows a whole year, zoomed in it scrolls
sideways inside the panel's box with the city column kept in view. Axis ticks carry a level
(1: every quarter, 2: every month, 3: the 11th and 21st) that the script shows as room allows.
Tick labels follow one calendar rule: the first of January reads ``YYYY年``, the first of any other
month ``M月``, the 11th and 21st ``D日``; the aligned view counts days (``+7 天``).

An element that stands for a fact carries class ``ev``, a ``title`` with its evidence (shown on
hover, opened on click), and ``data-mark`` naming the words to highlight. The aligned view holds no
tooltips of its own: ``data-twin`` and ``data-t`` let the script borrow them from the calendar view.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..records import TZ
from .charts import clip, esc

__all__ = ["Bar", "TimelineRow", "Tick", "iter_calendar", "iter_aligned", "month_ticks", "day_ticks", "row_year",
           "SPILL_DAYS", "ALIGNED_BEFORE_DAYS", "ALIGNED_AFTER_DAYS"]

SPILL_DAYS = 31  # a year panel's axis reaches this far into the years before and after, at most
ALIGNED_BEFORE_DAYS = 30  # the aligned axis shows at most this long before the downtime start ...
ALIGNED_AFTER_DAYS = 62  # ... and at most this long after it (past the 60-day plausibility limit);
# the axis ends after the longest downtime within that limit, and longer windows are clipped (and say so)
LABEL_CHARS = 14  # visible characters of a row label (the rest in its tooltip)


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
    end_moment: dt.datetime | None = None  # where a day-precision end is drawn (the end of that day)


@dataclass
class TimelineRow:
    """One notice on the timeline: a label, its downtime bar and its staged windows."""

    label: str
    tooltip: str
    nid: str
    anchor: str  # id of the notice's row in the table
    bars: list[Bar] = field(default_factory=list)
    flags: str = ""  # the plausibility flags, as words for the label's mark (empty: none)

    @property
    def downtime_start(self) -> dt.datetime | None:
        """Start of the headline window, if stated."""
        return next((b.start for b in self.bars if b.kind == "downtime" and b.start is not None), None)


@dataclass(frozen=True, slots=True)
class Tick:
    """A tick of an axis: where (percent of the plot), its label and its level (1 always shown)."""

    pct: float
    label: str
    level: int


def _end(b: Bar) -> dt.datetime | None:
    """Where a bar's end is drawn."""
    return b.end_moment or b.end


def _times(r: TimelineRow) -> list[dt.datetime]:
    return [t for b in r.bars for t in (b.start, _end(b)) if t is not None]


def row_year(r: TimelineRow) -> int | None:
    """The year a row is filed under: its downtime start, else its downtime end, else its first date."""
    for b in r.bars:
        if b.kind == "downtime" and (b.start or b.end):
            return (b.start or b.end).astimezone(TZ).year  # type: ignore[union-attr]
    times = _times(r)
    return min(times).astimezone(TZ).year if times else None


def _month_start(t: dt.datetime, months: int = 0) -> dt.datetime:
    m = t.month - 1 + months
    return t.replace(year=t.year + m // 12, month=m % 12 + 1, day=1, hour=0, minute=0, second=0, microsecond=0)


def month_ticks(lo: dt.datetime, hi: dt.datetime, year: int) -> list[Tick]:
    """Ticks of a calendar axis from ``lo`` to ``hi`` (local times): the first of every month
    (level 1 each quarter, else 2; January reads as its year) and the 11th and 21st (level 3).
    ``year`` is the panel's year (kept for callers; the labels do not depend on it)."""
    span = (hi - lo).total_seconds()
    ticks = []
    t = _month_start(lo)
    while t <= hi:
        if t >= lo:
            label = f"{t.year}年" if t.month == 1 else f"{t.month}月"
            ticks.append(Tick((t - lo).total_seconds() / span * 100, label, 1 if t.month % 3 == 1 else 2))
        for day in (11, 21):
            d = t.replace(day=day)
            if lo <= d <= hi:
                ticks.append(Tick((d - lo).total_seconds() / span * 100, f"{day}日", 3))
        t = _month_start(t, 1)
    return ticks


_DAY_STEPS = (1, 2, 7, 14, 30, 60, 90, 180)


def day_ticks(lo_h: float, hi_h: float) -> list[Tick]:
    """Ticks of the aligned axis from ``lo_h`` to ``hi_h`` hours after the downtime start: whole
    days, a round step at level 1 (about six across) and a finer one at level 2."""
    span_d = max((hi_h - lo_h) / 24, 1.0)
    k = next((i for i, s in enumerate(_DAY_STEPS) if span_d / s <= 7), len(_DAY_STEPS) - 1)
    coarse = _DAY_STEPS[k]
    fine = _DAY_STEPS[k - 1] if k else coarse
    ticks = []
    for d in range(math.ceil(lo_h / 24 / fine) * fine, math.floor(hi_h / 24) + 1, fine):
        label = "停机开始" if d == 0 else (f"+{d} 天" if d > 0 else f"−{-d} 天")
        ticks.append(Tick((d * 24 - lo_h) / (hi_h - lo_h) * 100, label, 1 if d % coarse == 0 else 2))
    return ticks


def _pct(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".") + "%"


class _Axis:
    """Maps times onto percentages of a plot running from ``lo`` to ``hi``."""

    def __init__(self, lo: float, hi: float) -> None:
        self.lo, self.hi = lo, hi

    def pct(self, x: float) -> tuple[float, bool]:
        """Percent of ``x`` and whether it had to be clipped to the plot."""
        p = (x - self.lo) / (self.hi - self.lo) * 100
        return min(100.0, max(0.0, p)), not (0 <= p <= 100)


def _bar(b: Bar, axis: _Axis, pos: dict[str, float | None], key: str, twin_of: str | None) -> str:
    """One window: a bar for a range, a marker for a point, a fading stub for an open end.

    ``pos`` holds the window's ``start``/``end`` on the axis's scale (None when not stated)."""
    classes = ["ev", "w", b.kind] + (["est"] if b.is_estimate else [])
    attrs = f' data-kind="{esc(b.kind)}" data-wid="{esc(b.window_id)}" data-t="{key}"'
    if twin_of:
        attrs += f' data-twin="{esc(twin_of)}"'
    else:
        attrs += f' title="{esc(b.tooltip)}"' + (f' data-mark="{esc(b.mark)}"' if b.mark else "")
    s, e = pos["start"], pos["end"]
    if s is not None and e is not None and e > s:
        p0, c0 = axis.pct(s)
        p1, c1 = axis.pct(e)
        classes += (["clip-l"] if c0 else []) + (["clip-r"] if c1 else [])
        style = f"left:{_pct(p0)};width:{_pct(max(p1 - p0, 0.0))}"
        open_ = "none"
    elif b.kind == "downtime" and s is not None and e is None:
        p0, c0 = axis.pct(s)
        classes += ["open-end"] + (["clip-l"] if c0 else [])
        style = f"left:{_pct(p0)}"
        open_ = "end"
    elif b.kind == "downtime" and s is None and e is not None:
        p1, c1 = axis.pct(e)
        classes += ["open-start"] + (["clip-r"] if c1 else [])
        style = f"left:{_pct(p1)}"
        open_ = "start"
    else:
        t = s if s is not None else e
        assert t is not None
        p, c = axis.pct(t)
        classes = [c for c in classes if c != "w"] + ["p"] + (["clip"] if c else [])
        style = f"left:{_pct(p)}"
        open_ = "point"
    return f'<span class="{" ".join(classes)}" style="{style}" data-open="{open_}"{attrs} tabindex="0"></span>'


def _head(ticks: Sequence[Tick], corner: str) -> str:
    """The sticky head of a panel: the corner over the labels and the axis with its ticks."""
    marks = "".join(
        f'<span class="tick l{t.level}" style="left:{_pct(t.pct)}"><span>{esc(t.label)}</span></span>' for t in ticks
    )
    return f'<div class="tl-head"><div class="tl-corner">{esc(corner)}</div><div class="tl-axis">{marks}</div></div>'


def _grid(ticks: Sequence[Tick], zero: float | None = None) -> str:
    """Vertical grid lines under the rows, one per tick (shown with its tick's level)."""
    lines = "".join(f'<i class="gl l{t.level}" style="left:{_pct(t.pct)}"></i>' for t in ticks)
    if zero is not None:
        lines += f'<i class="gl zero" style="left:{_pct(zero)}"></i>'
    return f'<div class="tl-grid">{lines}</div>'


def _label(r: TimelineRow, key: str, twin_of: str | None) -> str:
    """The row's label: a link to the notice's table row, with its tooltip (and a flag mark)."""
    mark = f'<b class="fl" title="{esc(r.flags)}">⚠</b>' if r.flags else ""
    tip = f' data-twin="{esc(twin_of)}"' if twin_of else f' title="{esc(r.tooltip)}"'
    place, _, month = r.label.rpartition(" ") if r.label[-7:-3].isdigit() else (r.label, "", "")
    return (f'<a class="tl-label ev" href="#{esc(r.anchor)}" data-t="{key}"{tip}>{mark}'
            f'<span>{esc(clip(place, LABEL_CHARS))}</span>' + (f' <small class="mo">{esc(month)}</small>' if month else "") + "</a>")


def _epoch(t: dt.datetime) -> float:
    return t.timestamp()


def iter_calendar(rows: Sequence[TimelineRow]) -> Iterator[str]:
    """The calendar view: a panel per year, rows ordered by downtime start. Yields markup in pieces."""
    by_year: dict[int, list[tuple[int, TimelineRow]]] = {}
    for i, r in enumerate(rows):
        y = row_year(r)
        if y is not None and any(b.start or b.end for b in r.bars):
            by_year.setdefault(y, []).append((i, r))
    if not by_year:
        yield '<p class="empty">没有可绘制的时间窗口 (no dated windows).</p>'
        return
    key = 0  # running number of the bars, the same in every view of these rows (the twin key)
    keys: dict[int, int] = {}
    for i, r in enumerate(rows):  # number the bars in row order, so the aligned view finds them
        keys[i] = key
        key += sum(1 for b in r.bars if b.start is not None or b.end is not None)
    for year in sorted(by_year):
        members = by_year[year]
        y0 = dt.datetime(year, 1, 1, tzinfo=TZ)
        y1 = dt.datetime(year + 1, 1, 1, tzinfo=TZ)
        times = [t.astimezone(TZ) for _, r in members for t in _times(r)]
        lo = max(min(times + [y0]), y0 - dt.timedelta(days=SPILL_DAYS))
        hi = min(max(times + [y1]), y1 + dt.timedelta(days=SPILL_DAYS))
        lo, hi = _month_start(lo), (_month_start(hi, 1) if hi > _month_start(hi) else hi)
        ticks = month_ticks(lo, hi, year)
        axis = _Axis(lo.timestamp(), hi.timestamp())
        yield (f'<section class="tl-year" data-year="{year}"><h3>{year} 年 <small>(<span class="n">{len(members)}</span> 份公告)</small></h3>'
               f'<div class="scroll tl-box"><div class="tl" data-density="m">'
               f'{_head(ticks, "城市 · 月份")}<div class="tl-body">{_grid(ticks)}')
        for i, r in members:
            yield _row(r, axis, _epoch, keys[i], f"r{i}", None)
        yield "</div></div></div></section>"


def _row(
    r: TimelineRow, axis: _Axis, to: Callable[[dt.datetime], float], first_key: int, label_key: str, twin_of: str | None
) -> str:
    """One row: its label and its bars (``to`` turns a time into the axis's unit)."""
    out = [f'<div class="tl-row" data-nid="{esc(r.nid)}">', _label(r, label_key, twin_of), '<div class="tl-plot">']
    # Staged windows first so the headline bar is drawn on top of them.
    dated = [b for b in r.bars if b.start is not None or b.end is not None]
    for n, b in sorted(enumerate(dated), key=lambda nb: nb[1].kind == "downtime"):
        end = _end(b)
        pos = {"start": to(b.start) if b.start is not None else None, "end": to(end) if end is not None else None}
        out.append(_bar(b, axis, pos, f"b{first_key + n}", twin_of))
    out.append("</div></div>")
    return "".join(out)


def _hours_after(origin: dt.datetime) -> Callable[[dt.datetime], float]:
    return lambda t: (t - origin).total_seconds() / 3600


def iter_aligned(rows: Sequence[TimelineRow], *, twin_of: str) -> Iterator[str]:
    """The aligned view: every row with a downtime start, shifted so that start is at zero.

    Rows without a downtime start are named below the panel, not drawn: there is no zero to put
    them at, and any other anchor would make up a time the notice does not state."""
    keys: dict[int, int] = {}
    key = 0
    for i, r in enumerate(rows):
        keys[i] = key
        key += sum(1 for b in r.bars if b.start is not None or b.end is not None)
    drawn = [(i, r) for i, r in enumerate(rows) if r.downtime_start is not None]
    left_out = [r for r in rows if r.downtime_start is None and any(b.start or b.end for b in r.bars)]
    if not drawn:
        yield '<p class="empty">没有写明停机开始时间的公告, 无法对齐 (no downtime start to align on).</p>'
    else:
        offsets, ends = [], []
        for _, r in drawn:
            origin = r.downtime_start
            assert origin is not None
            offsets += [(t - origin).total_seconds() / 3600 for t in _times(r)]
            ends += [(_end(b) - origin).total_seconds() / 3600 for b in r.bars  # type: ignore[operator]
                     if b.kind == "downtime" and _end(b) is not None]
        lo_h = max(min(offsets + [-24.0]), -ALIGNED_BEFORE_DAYS * 24.0)
        within = [e for e in ends if e <= ALIGNED_AFTER_DAYS * 24.0]
        hi_h = max(within + [24.0]) + 48.0  # two days past the longest plausible downtime
        lo_h, hi_h = math.floor(lo_h / 24) * 24.0, math.ceil(hi_h / 24) * 24.0
        ticks = day_ticks(lo_h, hi_h)
        axis = _Axis(lo_h, hi_h)
        zero = (0 - lo_h) / (hi_h - lo_h) * 100
        yield (f'<div class="scroll tl-box"><div class="tl aligned" data-density="m">'
               f'{_head(ticks, "城市 · 距停机开始")}<div class="tl-body">{_grid(ticks, zero)}')
        for i, r in drawn:
            origin = r.downtime_start
            assert origin is not None
            yield _row(r, axis, _hours_after(origin), keys[i], f"r{i}", twin_of)
        yield "</div></div></div>"
    if left_out:
        links = "、".join(f'<a href="#{esc(r.anchor)}" data-nid="{esc(r.nid)}">{esc(r.label)}</a>' for r in left_out)
        yield (f'<p class="note missing-start">{len(left_out)} 份公告没有写明停机开始时间, 不参与对齐 '
               f'(不虚构开始时间; 日历视图中画出其已知的时间): {links}</p>')
