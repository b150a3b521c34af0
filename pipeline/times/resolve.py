"""Turning scanned expressions into datetimes: years, relative days, range right sides, 24时.

Year of a date written without one, in order:

1. the right side of a range takes the left side's year, month and day, rolling over when it would
   go backwards (``12月31日...至1月1日`` is the next year, ``15日18:00—17日8:00`` the same month);
2. a full date earlier in the same sentence, else one in the sentence before (a notice writes its
   year once and the dates right after take it), else the median of all full dates in the text
   (signature dates included; the median resists one old background date), else the publication
   date; the year is the one that puts the date nearest that anchor, so ``1月3日`` near
   ``2015年12月31日`` is 2016, and ``12月28日`` after ``2024年1月10日`` is 2023 (the nanchang trap:
   the nearest-preceding-year rule would say 2024);
   with only the publication date to go by, the date is the next one on or after it (a notice
   announces what is coming), unless it falls in the :data:`RECENT_PAST_DAYS` before it;
   with a publication date, full dates further than :data:`ANCHOR_SPAN_DAYS` from it (a cited
   regulation of years before) are no anchor;
3. a weekday tag (``(星期五)``) moves the date to the neighbouring year (±1) that fits it, or, when
   none fits, to the year near a full date set aside as background that does (a page stamped years
   after the notice, which wrote its year once); with no
   full date nor publication, a year named alone (``2023年度结转``) bounds it: a weekday picks the
   one fitting year within a year of it, an untagged date takes the one year named; else a weekday
   gives a year only when one year of :data:`PLAUSIBLE_YEARS` fits (never the year the parser runs);
4. 去年/今年/明年 before a date count from the publication date (else the year anchor), 次年/翌年
   from the date before it; a two-digit year (``15年3月2日``) is 2015. A date written with a year of
   any of these forms anchors the year-less dates after it in its sentence, as a full date does
   (``15年3月2日起暂停,3月5日恢复``).

A day written without its month (``自15日18时至22日8时``, the ``3日`` of ``2日、3日``) takes the
month of the date before it in its sentence (the next month when the day would go back).

Relative days: ``今天/今晚/明日/昨日`` count from the publication date, and so do weekdays of a
counted week (``本周六``, ``下周一``: that weekday of the publication's week, or of the next); ``次日/翌日/当日/当晚`` from the
last date before them, in their sentence or an earlier one (``1月12日停机。次日恢复。``; else the
publication date, except a bare 当日 without a clock, which then says nothing). Relative months before a stated day
(``本月26日``, ``下月5日``) take their month from the publication date, else from the year anchor of
rule 2; ``次月/当月/同月`` from the date before them in the same sentence, as ``次日``. Without an anchor:
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
# With a publication date, a full date further than this from it is background (a cited rule):
# it gives no year to a year-less date of the notice.
ANCHOR_SPAN_DAYS = 400
# Years a weekday alone may point to (星期一 beside 12月28日): the span of the notices we know of,
# with room on both sides. Several fitting years leave the date unresolved.
PLAUSIBLE_YEARS = range(2000, 2036)
# A year-less date anchored on the publication date may be this many days before it (a recent
# event recalled); otherwise it is the next one on or after the publication.
RECENT_PAST_DAYS = 45
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


# A year named alone: 2023年度, 2023年医保年度结转 (not the year of a full date: 2023年12月29日).
# The year of a document number (医保发〔2023〕5号, [2023]) counts as one named alone.
_YEAR_ALONE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年(?![\d一二三四五六七八九十元]{1,3}月|\d)|[〕\]](?=\d{1,4}号))")


def _year_mentions(text: str) -> list[int]:
    """The distinct years named alone in ``text``, from :data:`PLAUSIBLE_YEARS`, sorted."""
    return sorted({y for m in _YEAR_ALONE.finditer(text) if (y := int(m.group(1))) in PLAUSIBLE_YEARS})


def _anchoring(full: list[tuple[int, dt.date]], published: dt.date | None) -> list[tuple[int, dt.date]]:
    """The full dates that may give a year to a year-less date: with a publication date, those
    within :data:`ANCHOR_SPAN_DAYS` of it (a cited regulation of years before, 根据2016年12月1日起
    施行的办法, says nothing of the year of 7月1日 in a notice published in 2023)."""
    if published is None:
        return full
    span = dt.timedelta(days=ANCHOR_SPAN_DAYS)
    return [(off, d) for off, d in full if abs(d - published) <= span]


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
    """The one year of :data:`PLAUSIBLE_YEARS` in which every tagged month-day falls on its weekday;
    None when no year or several fit (the year is never taken from the day the parser runs)."""
    tagged = [s for s in sides if s.weekday is not None and s.month and s.day and s.year is None]
    if not tagged:
        return None
    fitting = [y for y in PLAUSIBLE_YEARS
               if all((d := _date(y, s.month, s.day)) is not None and d.weekday() == s.weekday  # type: ignore[arg-type]
                      for s in tagged)]
    return fitting[0] if len(fitting) == 1 else None


def _year_on_or_after(month: int, day: int, published: dt.date, weekday: int | None) -> int | None:
    """The year of the first month-day on or after ``published`` less :data:`RECENT_PAST_DAYS`: a
    notice announces what is coming (a date six months ahead is not six months past), though it may
    recall the last few weeks. A weekday tag that fits a neighbouring year instead moves it there."""
    earliest = published - dt.timedelta(days=RECENT_PAST_DAYS)
    year = next((y for y in (earliest.year, earliest.year + 1)
                 if (d := _date(y, month, day)) is not None and d >= earliest), None)
    if year is None or weekday is None:
        return year
    fitting = [y for y in (year, year + 1, year - 1) if (d := _date(y, month, day)) is not None and d.weekday() == weekday]
    return fitting[0] if fitting else year


def _month_end(left_day: dt.date | None, right: Side) -> dt.date | None:
    """The last day of the month a range's right side names (至本月底, 至次月末, 至10月底, 至年底):
    a written month in the left day's year (the next year when it would go back, or after 明年),
    else the left day's month moved by ``rel_month``."""
    if left_day is None:
        return None
    if right.month is not None and right.rel_year:  # 至明年2月底
        year, month = left_day.year + right.rel_year, right.month
    elif right.month is not None:
        year, month = left_day.year + (right.month < left_day.month), right.month
    else:
        months = left_day.year * 12 + left_day.month - 1 + (right.rel_month or 0)
        year, month = months // 12, months % 12 + 1
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


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
        self.published = published.astimezone(TZ).date() if published else None
        every_full = _full_dates(text)
        self.full = _anchoring(every_full, self.published)
        # full dates set aside as background: a weekday tag that fits none of the anchored years may
        # still fit theirs (a repost stamped years later over a notice that writes its year once)
        self.background = sorted({d for _, d in every_full} - {d for _, d in self.full})
        self.full_offsets = [off for off, _ in self.full]
        dates = sorted(d for _, d in self.full)
        self.median = dates[len(dates) // 2] if dates else None  # upper median: notices look ahead
        sides = [e.left for e in exprs] + [e.right for e in exprs if e.right]
        self.weekday_year = None if (self.median or self.published) else _weekday_year(sides)
        self.mentions = [] if (self.median or self.published) else _year_mentions(text)
        self.previous: tuple[int, dt.date] | None = None  # last resolved date and its offset
        # last date whose year was written with it, in any form (15年3月2日, 明年1月3日), and its offset
        self.written_year: tuple[int, dt.date] | None = None

    def _sentence_start(self, pos: int) -> int:
        return self.bounds[bisect.bisect_right(self.bounds, pos) - 1]

    def _sentence_full_date(self, pos: int) -> dt.date | None:
        """The last date written with its year before ``pos`` in the sentence of ``pos``."""
        i = bisect.bisect_left(self.full_offsets, pos) - 1
        if i >= 0 and self.full_offsets[i] >= self._sentence_start(pos):
            return self.full[i][1]
        return None

    def _sentence_written_year(self, pos: int) -> dt.date | None:
        """The last date of the sentence of ``pos`` written with a year of any form (15年3月2日,
        明年1月3日) before ``pos``: it anchors the year-less dates after it (15年3月2日起暂停,3月5日恢复)."""
        w = self.written_year
        return w[1] if w is not None and self._sentence_start(w[0]) == self._sentence_start(pos) else None

    def _anchor(self, pos: int) -> dt.date | None:
        """Year anchor for a year-less date at ``pos``."""
        return self._sentence_full_date(pos) or self.median or self.published

    def _same_sentence(self, pos: int) -> bool:
        """True when the previous resolved date is in the sentence of ``pos``."""
        return self.previous is not None and self._sentence_start(self.previous[0]) == self._sentence_start(pos)

    def _relative_year(self, side: Side, previous: dt.date | None) -> int | None:
        """Year of a side written with 去年/今年/明年 (from the publication, else the year anchor) or
        次年/翌年 (from the date before)."""
        base = previous if side.rel_year_to_previous and previous is not None else None
        base = base or self.published or self._anchor(side.start)
        return None if base is None else base.year + (side.rel_year or 0)

    def _year(self, side: Side) -> int | None:
        """Year of a month-day written without one (see the module docstring)."""
        assert side.month is not None and side.day is not None
        if side.rel_year is not None:
            return self._relative_year(side, self.previous[1] if self._same_sentence(side.start) and self.previous else None)
        anchor = (self._sentence_full_date(side.start) or self._sentence_written_year(side.start)
                  or self._previous_sentence_full_date(side.start) or self.median)
        if anchor is not None:
            year = _nearest_year(side.month, side.day, anchor, side.weekday)
        elif self.published is not None:
            year = _year_on_or_after(side.month, side.day, self.published, side.weekday)
        else:
            return self._year_from_mentions(side) or self.weekday_year
        return self._background_weekday_year(side, year)

    def _background_weekday_year(self, side: Side, year: int | None) -> int | None:
        """``year``, unless the date's weekday tag does not fall in it and does fall near a full date
        set aside as background (3月5日(星期五) under a page stamped 2029 in a text that wrote
        2027年3月5日 once): then that date's year."""
        if side.weekday is None or year is None or not self.background:
            return year
        day = _date(year, side.month, side.day)  # type: ignore[arg-type]
        if day is None or day.weekday() == side.weekday:
            return year
        for background in self.background:
            other = _nearest_year(side.month, side.day, background, side.weekday)  # type: ignore[arg-type]
            d = _date(other, side.month, side.day) if other is not None else None  # type: ignore[arg-type]
            if d is not None and d.weekday() == side.weekday:
                return other
        return year

    def _previous_sentence_full_date(self, pos: int) -> dt.date | None:
        """The last date written with its year in the sentence right before the sentence of ``pos``
        (…将于2027年8月14日下午暂停。手机渠道于8月14日15:00后停办…): a notice writes its year once and
        the dates after it take it, before a date elsewhere in the text does."""
        k = bisect.bisect_right(self.bounds, pos) - 1
        j = k - 1
        while j > 0 and self.bounds[j + 1] - self.bounds[j] <= 1:
            j -= 1  # the line break after a full stop ends an empty sentence
        if j < 0:
            return None
        i = bisect.bisect_left(self.full_offsets, self.bounds[k]) - 1
        if i >= 0 and self.full_offsets[i] >= self.bounds[j]:
            return self.full[i][1]
        return None

    def _year_from_mentions(self, side: Side) -> int | None:
        """With no full date nor publication, the years the text names alone (2023年度结转, 2023年医保
        年度) bound the year: a weekday tag picks the one fitting year within a year of them
        (12月29日(星期五) and 1月2日(星期二) around 2023 are 2023 and 2024); an untagged date takes the
        one year named, if only one is."""
        if not self.mentions:
            return None
        if side.weekday is None:
            return self.mentions[0] if len(self.mentions) == 1 else None
        years = range(self.mentions[0] - 1, self.mentions[-1] + 2)
        fitting = [y for y in years if (d := _date(y, side.month, side.day)) is not None  # type: ignore[arg-type]
                   and d.weekday() == side.weekday]
        return fitting[0] if len(fitting) == 1 else None

    def _bare_day(self, side: Side) -> dt.date | None:
        """A day written without its month (15日18时, 6日、7日): the month of the date before it in
        its sentence, or the next month when the day would go back. A date in an earlier sentence
        gives no month (measured: bare days read that way were mostly wrong on the real corpus), nor
        does the publication (办理时限为15日18时至20日18时)."""
        if self.previous is None or side.day is None or not self._same_sentence(side.start):
            return None
        before = self.previous[1]
        day = _date(before.year, before.month, side.day)
        if day is not None and day < before:
            nxt = before.replace(day=1) + dt.timedelta(days=32)
            day = _date(nxt.year, nxt.month, side.day)
        return day

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
            same = self._same_sentence(side.start)
            return self._month_day(side, self.previous[1] if same and self.previous else None)
        if side.rel_week is not None:  # 下周一: a day of the publication's week, or of a later one
            if self.published is None or side.weekday is None:
                return None
            monday = self.published - dt.timedelta(days=self.published.weekday())
            return monday + dt.timedelta(days=7 * side.rel_week + side.weekday)
        if side.rel is not None:
            if side.rel_to_previous and self.previous is not None:
                return self.previous[1] + dt.timedelta(days=side.rel_offset or 0)
            if self.published is None or (side.bare and side.rel_to_previous):
                return None  # a bare 当日 with no date before it says nothing
            return self.published + dt.timedelta(days=side.rel_offset or 0)
        if side.bare_day:
            return self._bare_day(side)
        if side.month is None or side.day is None:
            return None
        year = side.year if side.year is not None else self._year(side)
        return None if year is None else _date(year, side.month, side.day)

    def right_day(self, left_day: dt.date | None, left: Side, right: Side) -> dt.date | None:
        """Calendar day of a range's right side, filling what it omits from the left side."""
        if right.month_end:  # 至本月底, 至10月末, 至年底
            return _month_end(left_day, right)
        if right.rel_month is not None:  # 本月26日至下月5日; 10月28日至次月3日
            return self._month_day(right, left_day)
        if right.rel is not None:
            if right.rel_to_previous and left_day is not None:
                return left_day + dt.timedelta(days=right.rel_offset or 0)
            return self.day_of(right)
        if right.year is not None and right.month is not None and right.day is not None:
            return _date(right.year, right.month, right.day)
        if right.rel_year is not None and right.month is not None and right.day is not None:
            year = self._relative_year(right, left_day)  # 本月31日至明年1月3日
            return None if year is None else _date(year, right.month, right.day)
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
            if (expr.left.year is not None or expr.left.rel_year is not None) and \
                    _anchoring([self.previous], self.published) and left_day.year >= ANCHOR_MIN_YEAR:
                self.written_year = self.previous  # background dates (a cited old rule) anchor nothing
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
