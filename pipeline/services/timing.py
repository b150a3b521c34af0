"""Tying service facts to the time rows of the same notice, and windows back to services.

A clause's time is its own time expression (a window whose span lies inside the clause) or, when it
states none, the nearest window before it inside the innermost item block that has one (the
``二、医保结算业务暂停服务时间`` heading's time for the lines of that item). Which window kinds fit
depends on the action: a resumption takes resume/go-live rows, a deadline deadline rows, anything
else the stop rows. Windows come from ``pipeline.times``; with none every time stays unset.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from ..records import ServiceFact, TimeWindow
from .clauses import Block, Clause, phrase_index

__all__ = ["FactTime", "WindowIndex", "clause_time", "attach"]

# Window kinds that suit each action, best first; "downtime" is a derived row and comes last.
_FIT = {
    "resumed": ("resume", "go_live"),
    "deadline": ("deadline",),
}
_STOP_KINDS = ("suspension", "other", "downtime")
_END_KINDS = ("resume", "go_live")
# The same as sets, without the derived "downtime" row: the kinds a clause's fact can be tied to
_FIT_KINDS = {action: frozenset(kinds) - {"downtime"} for action, kinds in _FIT.items()}
_STOP_FIT = frozenset(_STOP_KINDS) - {"downtime"}


@dataclass(slots=True)
class FactTime:
    """When a fact applies, and the component of the window it was tied to."""

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    component: str | None = None


class WindowIndex:
    """The time rows of one notice, sorted by position, for fast lookups by span and component."""

    def __init__(self, windows: list[TimeWindow]) -> None:
        self.windows = sorted((w for w in windows if w.kind != "downtime"), key=lambda w: w.span_start)
        self.starts = [w.span_start for w in self.windows]
        self.by_component: dict[str, list[TimeWindow]] = {}
        for w in self.windows:
            if w.component:
                self.by_component.setdefault(w.component, []).append(w)

    def __bool__(self) -> bool:
        return bool(self.windows)

    def between(self, start: int, end: int) -> list[TimeWindow]:
        """Windows starting in ``[start, end)``, in text order."""
        return self.windows[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


def _fit_kinds(action: str) -> frozenset[str]:
    """The window kinds that suit a fact of ``action`` (never the derived downtime row)."""
    return _FIT_KINDS.get(action, _STOP_FIT)


def _nearest(cands: list[TimeWindow], at: int) -> TimeWindow:
    """The window nearest before position ``at`` (or holding it), else the first after it."""
    before = [w for w in cands if w.span_start <= at]
    return before[-1] if before else cands[0]


class _Tie(NamedTuple):
    """The window a clause is tied to, and the item block it was found in."""

    window: TimeWindow | None
    block: Block | None


def _tied(clause: Clause, action: str, at: int, component: str | None, index: WindowIndex) -> _Tie:
    """The window a clause is tied to, and the item block it sits in.

    Order: a window of the clause up to the action word's phrase (the nearest); a window of the
    component the clause names (支付端); the nearest window before the clause in its innermost
    item block; a window in the heading part of an enclosing block (never one of a sibling item).
    """
    inner = clause.blocks[0] if clause.blocks else None
    # The clause's own time precedes the action word or sits in its phrase (18:00起,暂停...);
    # a date later in the clause belongs to something else (长处方可延长至12月31日).
    limit = clause.phrases[phrase_index(clause, at)].end if clause.start <= at < clause.end else clause.end
    own = [w for w in index.between(clause.start, limit) if w.span_end <= limit]
    kinds = _fit_kinds(action)
    fitting = [w for w in own if w.kind in kinds]
    if fitting:
        return _Tie(_nearest(fitting, at), inner)
    if own:  # the clause's own time, whatever the time reader called it
        return _Tie(_nearest(own, at), inner)
    if component is not None:
        named = [w for w in index.by_component.get(component, []) if w.kind in kinds]
        if named:
            return _Tie(named[0], inner)
    for i, block in enumerate(clause.blocks):
        stop = clause.start if i == 0 else min(block.head_end, clause.start)
        before = [w for w in index.between(block.start, stop) if w.kind in kinds]
        if before:
            return _Tie(before[-1], block)
    return _Tie(None, None)


def clause_time(clause: Clause, action: str, at: int, component: str | None, index: WindowIndex) -> FactTime:
    """Start, end and component of a fact of ``action`` whose action word is at ``at``."""
    tie = _tied(clause, action, at, component, index)
    w, block = tie.window, tie.block
    if w is None:
        return FactTime()
    if action == "resumed":
        return FactTime(start=w.start or w.end, component=w.component)
    if action == "deadline":
        return FactTime(end=w.end or w.start, component=w.component)
    if w.kind in _END_KINDS:  # a stop stated under a resume line lasts until then
        return FactTime(end=w.start, component=w.component)
    if w.kind == "deadline":  # a stop stated under a deadline starts when it passes
        return FactTime(start=w.end or w.start, component=w.component)
    end = w.end
    if end is None and block is not None:
        # 暂停结算业务时间:...; 恢复结算业务时间:... -- the stop ends at its block's resume row.
        later = [r for r in index.between(w.span_end, block.end) if r.kind in _END_KINDS
                 and r.start is not None and (w.start is None or r.start > w.start)]
        if later:
            end = later[0].start
    return FactTime(start=w.start, end=end, component=w.component)


def attach(windows: list[TimeWindow], facts: list[ServiceFact]) -> None:
    """Fill ``TimeWindow.services`` (see ``pipeline.services.attach_services``)."""
    by_time: dict[tuple[object, object, object], list[ServiceFact]] = {}
    for f in facts:
        if f.start is not None:
            by_time.setdefault((f.start, f.end, f.component), []).append(f)
            if f.end is not None:
                by_time.setdefault((f.start, None, f.component), []).append(f)
    ordered = sorted(facts, key=lambda f: f.span_start)
    starts = [f.span_start for f in ordered]
    longest = max((f.span_end - f.span_start for f in facts), default=0)
    for w in windows:
        if w.kind == "downtime":
            cands = facts
        else:
            near = ordered[bisect.bisect_left(starts, w.span_start - longest):bisect.bisect_right(starts, w.span_start)]
            cands = near + by_time.get((w.start, w.end, w.component), [])
        codes: list[str] = []
        for f in sorted(cands, key=lambda f: f.span_start):
            if f.service not in codes and _applies(w, f):
                codes.append(f.service)
        w.services = codes


def _applies(w: TimeWindow, f: ServiceFact) -> bool:
    """Whether fact ``f`` belongs to window ``w``."""
    if w.kind == "downtime":
        if f.action != "suspended":
            return False
        if f.start is None or w.start is None:
            return True
        return w.end is None or f.start < w.end
    wanted = _FIT.get(f.action, _STOP_KINDS)
    if f.action in ("workaround",):
        wanted = _STOP_KINDS
    if w.kind not in wanted:
        return False
    inside = f.span_start <= w.span_start and w.span_end <= f.span_end
    same_time = f.start is not None and f.start == w.start and (f.end == w.end or w.end is None)
    return inside or (same_time and f.component == w.component)
