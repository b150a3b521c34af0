"""Turning scanned expressions into datetimes: years, relative days, range right sides, 24时.

Year of a date written without one, in order:

1. the right side of a range takes the left side's year, month and day, rolling over when it would
   go backwards (``12月31日...至1月1日`` is the next year, ``15日18:00—17日8:00`` the same month);
2. a full date earlier in the same sentence, else the median of all full dates in the text
   (signature dates included; the median resists one old background date), else the publication
   date; the year is the one that puts the date nearest that anchor, so ``1月3日`` near
   ``2015年12月31日`` is 2016, and ``12月28日`` after ``2024年1月10日`` is 2023 (the nanchang trap:
   the nearest-preceding-year rule would say 2024);
3. a weekday tag (``(星期五)``) moves the date to the neighbouring year (±1) that fits it, and alone
   picks the latest fitting year when nothing else gives one.

Relative days: ``今天/今晚/明日`` count from the publication date; ``次日/翌日/当日`` from the date
before them in the same sentence (else the publication date). Relative months before a stated day
(``本月26日``, ``下月5日``) take their month from the publication date, else from the year anchor of
rule 2; ``次月/当月`` from the date before them in the same sentence, as ``次日``. Without an anchor:
unresolved (None).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..records import TZ
from .grammar import FULL_DATE, Expression, Side, cn_int

__all__ = ["Resolved", "resolve_all", "sentence_bounds"]

# Full dates before this year (birth dates, old regulations) are background: they give no year to
# a year-less date of the notice.
ANCHOR_MIN_YEAR = 1990
_SENTENCE_END = re.compile(r"[。；;!?！？\n]")


@dataclass(slots=True)
class Resolved:
    """An expression with its resolved ends (None where unresolved) and precisions."""

    expr: Expression
    start: dt.datetime | None
    end: dt.datetime | None
    start_precision: str | None
    end_precision: str | None


def sentence_bounds(text: str) -> list[int]:
    """Sorted offsets where sentences start (0 and each position after a sentence end)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _full_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of every date with a year in the text."""
    out = []
    for m in FULL_DATE.finditer(text):
        if m.group("y"):
            y, mo, d = cn_int(m.group("y")), cn_int(m.group("m")), cn_int(m.group("d"))
        else:
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if y is None or mo is None or d is None or not ANCHOR_MIN_YEAR <= y <= 2099:
            continue
        day = _date(y, mo, d)
        if day is not None:
            out.append((m.start(), day))
    return out


def _nearest_year(month: int, day: int, anchor: dt.date, weekday: int | None) -> int | None:
    """The year putting month-day nearest ``anchor``; a weekday tag may move it to a fitting year."""
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _date(y, month, day)
        if d is not None:
            options.append((abs((d - anchor).days), y, d))
    if not options:
        return None
    options.sort()
    best = options[0]
    if weekday is not None and best[2].weekday() != weekday:
        fitting = [o for o in options if o[2].weekday() == weekday]
        if fitting:
            best = fitting[0]
    return best[1]


def _weekday_year(sides: list[Side]) -> int | None:
    """Latest year (up to this one) in which every tagged month-day falls on its weekday."""
    tagged = [s for s in sides if s.weekday is not None and s.month and s.day and s.year is None]
    if not tagged:
        return None
    for y in range(dt.date.today().year, 1994, -1):
        if all((d := _date(y, s.month, s.day)) is not None and d.weekday() == s.weekday  # type: ignore[arg-type]
               for s in tagged):
            return y
    return None


def _at(day: dt.date, side: Side) -> tuple[dt.datetime, str]:
    """Datetime and precision of a side on ``day`` (24时 is the next day's 00:00)."""
    if side.hour is None:
        return dt.datetime(day.year, day.month, day.day, tzinfo=TZ), "day"
    base = dt.datetime(day.year, day.month, day.day, tzinfo=TZ)
    value = base + dt.timedelta(hours=side.hour, minutes=side.minute or 0)
    return value, "minute" if side.minute is not None else "hour"


class _Resolver:
    """Holds the year context of one text while its expressions are resolved in order."""

    def __init__(self, text: str, exprs: list[Expression], published: dt.datetime | None) -> None:
        self.text = text
        self.bounds = sentence_bounds(text)
        self.full = _full_dates(text)
        self.full_offsets = [off for off, _ in self.full]
        self.published = published.astimezone(TZ).date() if published else None
        dates = sorted(d for _, d in self.full)
        self.median = dates[len(dates) // 2] if dates else None  # upper median: notices look ahead
        sides = [e.left for e in exprs] + [e.right for e in exprs if e.right]
        self.weekday_year = None if (self.median or self.published) else _weekday_year(sides)
        self.previous: tuple[int, dt.date] | None = None  # last resolved date and its offset

    def _sentence_start(self, pos: int) -> int:
        return self.bounds[bisect.bisect_right(self.bounds, pos) - 1]

    def _anchor(self, pos: int) -> dt.date | None:
        """Year anchor for a year-less date at ``pos``."""
        start = self._sentence_start(pos)
        i = bisect.bisect_left(self.full_offsets, pos) - 1  # last full date before pos
        if i >= 0 and self.full_offsets[i] >= start:
            return self.full[i][1]
        return self.median or self.published

    def _month_day(self, side: Side, previous: dt.date | None) -> dt.date | None:
        """Day of a relative-month side (本月26日): ``previous`` anchors 次月/当月, else publication."""
        base = previous if side.rel_to_previous and previous is not None else None
        base = base or self.published or self._anchor(side.start)
        if base is None or side.day is None:
            return None
        months = base.year * 12 + base.month - 1 + (side.rel_month or 0)
        return _date(months // 12, months % 12 + 1, side.day)

    def day_of(self, side: Side) -> dt.date | None:
        """Calendar day of a left side (or a self-standing right side); None if unresolved."""
        if side.rel_month is not None:
            same = self.previous is not None \
                and self._sentence_start(self.previous[0]) == self._sentence_start(side.start)
            return self._month_day(side, self.previous[1] if same and self.previous else None)
        if side.rel is not None:
            if side.rel_to_previous and self.previous is not None \
                    and self._sentence_start(self.previous[0]) == self._sentence_start(side.start):
                return self.previous[1] + dt.timedelta(days=side.rel_offset or 0)
            if self.published is None:
                return None
            return self.published + dt.timedelta(days=side.rel_offset or 0)
        if side.month is None or side.day is None:
            return None
        year = side.year
        if year is None:
            anchor = self._anchor(side.start)
            if anchor is not None:
                year = _nearest_year(side.month, side.day, anchor, side.weekday)
            elif self.weekday_year is not None:
                year = self.weekday_year
        if year is None:
            return None
        return _date(year, side.month, side.day)

    def right_day(self, left_day: dt.date | None, left: Side, right: Side) -> dt.date | None:
        """Calendar day of a range's right side, filling what it omits from the left side."""
        if right.rel_month is not None:  # 本月26日至下月5日; 10月28日至次月3日
            return self._month_day(right, left_day)
        if right.rel is not None:
            if right.rel_to_previous and left_day is not None:
                return left_day + dt.timedelta(days=right.rel_offset or 0)
            return self.day_of(right)
        if right.year is not None and right.month is not None and right.day is not None:
            return _date(right.year, right.month, right.day)
        if right.month is not None and right.day is not None:
            if left_day is None:
                return self.day_of(right)
            day = _date(left_day.year, right.month, right.day)
            if day is not None and day < left_day:
                day = _date(left_day.year + 1, right.month, right.day)  # 12月31日至1月1日
            return day
        if left_day is None:
            return None
        if right.day is not None:  # 15日18:00—17日8:00
            day = _date(left_day.year, left_day.month, right.day)
            if day is not None and day < left_day:
                nxt = left_day.replace(day=1) + dt.timedelta(days=32)
                day = _date(nxt.year, nxt.month, right.day)
            return day
        # Clock only: same day, or the next one when the clock goes backwards (22:00至5:00).
        if left.hour is not None and right.hour is not None and \
                (right.hour, right.minute or 0) < (left.hour, left.minute or 0):
            return left_day + dt.timedelta(days=1)
        return left_day

    def resolve(self, expr: Expression) -> Resolved:
        """Resolve one expression, remembering its date for a following 次日."""
        left_day = self.day_of(expr.left)
        start = end = None
        sp = ep = None
        if left_day is not None:
            start, sp = _at(left_day, expr.left)
            self.previous = (expr.left.start, left_day)
        if expr.right is not None:
            right_day = self.right_day(left_day, expr.left, expr.right)
            if right_day is not None:
                end, ep = _at(right_day, expr.right)
                self.previous = (expr.right.start, right_day)
            if start is not None and end is not None and end < start:
                end, ep = None, None  # a range cannot run backwards: keep the start only
        return Resolved(expr, start, end, sp, ep)


def resolve_all(text: str, exprs: list[Expression], published: dt.datetime | None) -> list[Resolved]:
    """Resolve every expression of ``text`` in order (see the module docstring)."""
    r = _Resolver(text, exprs, published)
    return [r.resolve(e) for e in exprs]
