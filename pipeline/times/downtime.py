"""Choosing the notice's headline downtime from its read clauses (:mod:`pipeline.times.clauses`).

The downtime start is the earliest stop from the first non-empty pool of: stop-time sections
(not a section point that only resumes or goes live, nor a partial stop), core suspensions,
suspensions that are not partial (a counter stop before an online-only or payment-only one), any
suspension, clauses naming a system switch, any range (never a deadline, never a province-level
component). A pool holding only unanchored expressions (今天0时 without a publication date) gives
start None. Two refinements, because the headline is when the system stops for the public:

* a closed window that ends before a longer core stop (or stop-time section) begins is a staged
  pause (a one-night data pre-migration) and is passed over for the next choice;
* a day-precision start takes the clock of a stop stated on the same day (``6月30日至7月1日上午``
  restating ``6月30日16:00至7月1日12:00``; ``1月1日`` and ``12月31日24时``), from its pool first.

The end is the latest resume, go-live or suspension-range end (tax-side collection included; the
chosen start's own range end too, and the last day of a list of days it opens: ``7月1日、2日暂停``)
that is not before the start, not more than :data:`MAX_DOWNTIME_DAYS` after it, and not a
resumption whose own sub-clause speaks of the crowding after it (``预计7月10日前后恢复正常秩序``).
On one calendar day a stated clock beats a bare date (``9月9日`` and ``9月9日9时`` -> 09:00). A time
given up (``原定6月28日的停机``) is neither start nor end. When no end is stated and the start is a
point with a clock, a length stated in its sentence ends it (``20时起停机,停机约48小时``: start plus
48 hours, an estimate; ``duration_patterns`` in the rules file).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..records import TimeWindow
from .clauses import TimeClause
from .cues import time_cues
from .grammar import cn_int

__all__ = ["choose_downtime", "MAX_DOWNTIME_DAYS"]

MAX_DOWNTIME_DAYS = 120  # an "end" further than this after the start is a claim period, not downtime


class EndPoint(NamedTuple):
    """A moment that can end the downtime, with the clause stating it."""

    clause: TimeClause
    moment: dt.datetime
    precision: str


class _Pick(NamedTuple):
    """The chosen start clause (None when no pool has one) and the pool it came from."""

    clause: TimeClause | None
    pool: list[TimeClause]


def _start_key(c: TimeClause) -> tuple[dt.date, bool, dt.datetime]:
    """Earliest day first; on one day a stated clock before a bare date, earliest clock first."""
    s = c.res.start
    assert s is not None
    return (s.date(), c.res.start_precision == "day", s)


def _end_points(c: TimeClause) -> list[EndPoint]:
    """The moments of this clause that can end the downtime."""
    res = c.res
    if c.province or c.kind in ("deadline", "other") and not c.section:
        return []
    if res.expr.right is not None:
        if (c.kind in ("suspension", "resume", "go_live") or c.section) and res.end:
            return [EndPoint(c, res.end, res.end_precision or "day")]
        return []
    if c.kind in ("resume", "go_live") and res.start is not None and not c.aftermath:
        return [EndPoint(c, res.start, res.start_precision or "day")]
    return []


def _pools(clauses: list[TimeClause], usable: list[TimeClause]) -> list[list[TimeClause]]:
    """The start candidates, most telling first (see the module docstring)."""
    return [
        # A section point that resumes or goes live (切换上线时间:11月8日8:00) is not the stop, nor
        # is a partial stop listed first in the section (一、停机时间 (一)17日起暂停缴费核定业务).
        [c for c in usable if c.section and not c.partial
         and (c.res.expr.right is not None or c.kind not in ("resume", "go_live"))],
        [c for c in usable if c.kind == "suspension" and c.core],
        # A stop of the main business before a partial one (online channels, one kind of payment).
        [c for c in usable if c.kind == "suspension" and not c.partial],
        [c for c in usable if c.kind == "suspension"],
        [c for c in usable if c.switch and c.kind == "other"],
        [c for c in usable if c.res.expr.right is not None],
        # Last resort, so that an outage notice keeps its one downtime row: a province-level stop.
        [c for c in clauses if c.kind == "suspension" or (c.kind != "deadline" and c.res.expr.right is not None)],
    ]


def _is_in(c: TimeClause, clauses: list[TimeClause]) -> bool:
    """True when ``c`` itself (not an equal clause) is in ``clauses``."""
    return any(c is x for x in clauses)


def _pick(pools: list[list[TimeClause]], excluded: list[TimeClause]) -> _Pick:
    """The earliest stop of the first pool that still has a clause (see the module docstring)."""
    for pool in pools:
        pool = [c for c in pool if not _is_in(c, excluded)]
        if not pool:
            continue
        resolved = [c for c in pool if c.res.start is not None]
        # A pool of unanchored stops only (今天0时 with no publication date): start unknown.
        return _Pick(min(resolved, key=_start_key) if resolved else pool[0], pool)
    return _Pick(None, [])


def _downtime_end(start: dt.datetime | None, own: list[TimeClause], points: list[EndPoint]) -> EndPoint | None:
    """The latest end point after ``start`` (see :func:`_after_start`) and not too far after it;
    ``own`` adds its range ends."""
    points = list(points)
    for c in own:
        if c.res.end is not None and not any(c is p.clause for p in points):
            points.append(EndPoint(c, c.res.end, c.res.end_precision or "day"))  # the chosen range's own end
        last = c.list_last  # 7月1日、2日暂停: the stop lasts to the last day of the list
        if c.kind == "suspension" and last is not None and last.start is not None:
            points.append(EndPoint(c, last.start, last.start_precision or "day"))
    ends = [p for p in points if start is None
            or _after_start(start, p) and p.moment - start <= dt.timedelta(days=MAX_DOWNTIME_DAYS)]
    if not ends:
        return None
    return max(ends, key=lambda p: (p.moment.date(), p.precision != "day", p.moment))


def _after_start(start: dt.datetime, p: EndPoint) -> bool:
    """True when ``p`` may end a stop begun at ``start``: later, or at the same moment only when
    written as a relative day (4月8日停机,当晚恢复). A date written out at the very moment the
    stop begins (3月6日起暂停窗口业务,3月6日起网上业务正常办理) says what stays open, not an end."""
    return start < p.moment or (start == p.moment and p.clause.res.expr.left.rel is not None)


def _staged_pause(chosen: TimeClause, usable: list[TimeClause], points: list[EndPoint]) -> bool:
    """True when ``chosen`` is a closed window that ends before a longer main stop begins.

    A one-night pause for a data pre-migration (10月22日18时至次日8时) before the core stop
    (10月26日0时起…全部暂停) is a stage: the public loses the system at the main stop.
    """
    start, end = chosen.res.start, chosen.res.end
    if chosen.res.expr.right is None or start is None or end is None:
        return False
    for main in usable:
        m_start = main.res.start
        if main is chosen or m_start is None or m_start < end or main.kind != "suspension" \
                or not (main.core or main.section):
            continue
        m_end = _downtime_end(m_start, [main], points)
        if m_end is None or m_end.moment - m_start > end - start:  # an open main stop is the long one
            return True
    return False


def _same_day_clock(chosen: TimeClause, pools: list[list[TimeClause]], excluded: list[TimeClause]) -> TimeClause:
    """A clock-precision stop on the day of a day-precision ``chosen`` (the same stop, stated exactly).

    ``6月30日至7月1日上午`` restates ``6月30日16:00至7月1日12:00``; ``1月1日至1月2日`` restates
    ``2016年12月31日24时`` (24时 is 1月1日 00:00). The chosen pool is searched first, then any stop.
    A stop of the online channels (closing at 17时 on the day the counters close) is another stop,
    not the same one stated exactly.
    """
    start = chosen.res.start
    if start is None or chosen.res.start_precision != "day":
        return chosen
    for pool in pools:
        same = [c for c in pool if c.res.start is not None and c.res.start_precision != "day"
                and c.res.start.date() == start.date() and not c.online and not _is_in(c, excluded)]
        if same:
            return min(same, key=_start_key)
    return chosen


class _Start(NamedTuple):
    """The clause giving the downtime start, and the clauses whose range ends may end it."""

    clause: TimeClause | None
    own: list[TimeClause]


def _choose_start(clauses: list[TimeClause], usable: list[TimeClause], points: list[EndPoint]) -> _Start:
    """The start clause: the first pick that is no staged pause, then its clock stated elsewhere."""
    pools = _pools(clauses, usable)
    excluded: list[TimeClause] = []
    chosen, pool = _pick(pools, excluded)
    while chosen is not None and _staged_pause(chosen, usable, points):
        excluded.append(chosen)
        chosen, pool = _pick(pools, excluded)
    if chosen is None:
        return _Start(None, [])
    stops = [c for c in usable if c.kind == "suspension" or c.section]
    exact = _same_day_clock(chosen, [pool, stops], excluded)
    return _Start(exact, [chosen, exact])


def choose_downtime(text: str, clauses: list[TimeClause]) -> TimeWindow | None:
    """The headline downtime window of the notice (see the module docstring); None if no stop."""
    clauses = [c for c in clauses if not c.superseded]  # 原定6月28日: a time given up
    usable = [c for c in clauses if not c.province and c.kind != "deadline"]
    points = [p for c in clauses for p in _end_points(c)]
    chosen, own = _choose_start(clauses, usable, points)
    if chosen is None or chosen.res.start is None:
        end = _downtime_end(None, own, points)
        if end is None:
            return None
        # No start: the row stands at the end's expression (the open end of a chosen point is kept
        # only when no end was found, so none here).
        return _row(text, end.clause, None, None, end, is_estimate=end.clause.is_estimate
                    or bool(chosen and chosen.is_estimate), open_end=None)
    end = _downtime_end(chosen.res.start, own, points)
    length = _stated_length(text, chosen) if end is None and chosen.open_end is None else None
    if length is not None:  # 18时起停机,停机约48小时: the end is the start plus the stated length
        return _row(text, chosen, chosen.res.start, chosen.res.start_precision,
                    EndPoint(chosen, chosen.res.start + length.span, chosen.res.start_precision or "hour"),
                    is_estimate=chosen.is_estimate or length.estimate, open_end=None, evidence_end=length.end)
    return _row(text, chosen, chosen.res.start, chosen.res.start_precision, end,
                is_estimate=chosen.is_estimate or bool(end and end.clause.is_estimate),
                open_end=chosen.open_end if end is None else None)


class _Length(NamedTuple):
    """The length of a stop stated after its start (停机约48小时), where its words end, and whether
    it is an estimate (约, 预计)."""

    span: dt.timedelta
    end: int
    estimate: bool


_SENTENCE_END = re.compile(r"[。；;!?！？\n]")
_UNIT_HOURS = {"小时": 1, "天": 24, "日": 24}


def _stated_length(text: str, chosen: TimeClause) -> _Length | None:
    """The length stated after a point start that has a clock, in its sentence or the next one
    (``20时起停机。停机约48小时。``; see duration_patterns)."""
    e = chosen.res.expr
    if e.right is not None or chosen.res.start is None or chosen.res.start_precision == "day":
        return None
    stop = _SENTENCE_END.search(text, e.end)
    if stop is not None:
        stop = _SENTENCE_END.search(text, stop.end())
    sentence = text[e.end:stop.start() if stop else len(text)]
    r = time_cues()
    for pattern in r.duration:
        m = pattern.search(sentence)
        n = cn_int(m.group("n")) if m else None
        if m and n:
            return _Length(dt.timedelta(hours=n * _UNIT_HOURS[m.group("unit")]), e.end + m.end(),
                           r.estimate.search(sentence, 0, m.end()) is not None)
    return None


def _row(text: str, anchor: TimeClause, start: dt.datetime | None, start_precision: str | None,
         end: EndPoint | None, *, is_estimate: bool, open_end: str | None,
         evidence_end: int | None = None) -> TimeWindow:
    """The downtime row, its evidence the expression of ``anchor`` (up to ``evidence_end`` when the
    end comes from a length stated after it)."""
    e = anchor.res.expr
    span_end = evidence_end or e.end
    return TimeWindow(
        kind="downtime", start=start, end=end.moment if end else None, start_precision=start_precision,
        end_precision=end.precision if end else None, span_start=e.start, span_end=span_end,
        evidence=text[e.start:span_end], is_estimate=is_estimate, component=None, services=[], open_end=open_end,
    )
