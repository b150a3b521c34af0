"""Clause-level reading: which action governs which service object.

Within a clause, items (action cues and objects) are read left to right:

* an object before any action waits (it is the subject, 参保人员...购药的, 个人账户无法使用);
* an action takes the waiting objects (scope ``before``/``both``) and, with scope ``both``, the
  objects after it in its own phrase (暂停 X、Y); a workaround with nothing waiting takes the
  objects of the stop just before it (X不能联网结算的由参保人员先行垫付);
* after a workaround cue (先行垫付) the rest of the clause is the instruction: the services named
  there (按规定报销, 医保结算) are what people do later, not what stops; a deferral or 提前 still
  governs its own phrase (上线后再进行对账处理, 提前购药);
* objects still waiting at the end of the clause take the clause's last action (list heads:
  暂停...业务,包括 A、B) or, failing that, the stop of a preceding list heading (停机影响业务范围:
  or 三、暂停办理的业务, then lines of services).

Bracketed asides and 除...外 zones holding their own action are read on their own (the luan
``(城乡居民参保缴费不受影响)``); a 除...外 zone without one stays open; other asides are part of the
phrase around them but only *name its scope* for the codes in ``aside_scope_codes``; an aside that
opens with an inclusion word (``inclusive_aside`` in ``rules/services.yaml``: 含, 包括) names lines the
object covers (医疗保险(含生育保险) covers maternity), so only its ``scope_codes`` (general) are ignored.
A bare settlement (联网结算, 医保刷卡) expands to the services of the places it is at
(定点医药机构 -> inpatient, outpatient, pharmacy) unless the same action names specific ones
in the same list item (住院医疗费用联网结算, 异地就医联网结算). A settlement both here and away (本地和异地联网结算, a compound
of services.yaml whose codes hold ``settlement``) gives its own codes (cross_region) and expands too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .clauses import Clause, bracket_zones, phrase_index
from .cues import CueMap, Hit
from .rules import SETTLEMENT, ServiceRules

__all__ = ["Reading", "read_service_clauses"]

_STOPS = ("suspended", "restricted")  # direct statements that a service is (partly) unavailable
_MAIN = ("suspended", "restricted", "open", "resumed", "deadline")  # actions a trailing list continues
_ENDS_INSTRUCTION = ("suspended", "restricted", "open")  # in a later phrase, they end a workaround's instruction
_CHANNELS = "online_channels"
_GENERAL = "general"
# What separates the items of a list: an online qualifier binds within one item (or the words after the verb).
_ITEM_SEPARATORS = ("、", ",", ";", ":", "(", ")")
_ITEM_JOINS = (*_ITEM_SEPARATORS, "和", "及", "与", "或")  # what separates two items of a list


@dataclass(slots=True)
class Reading:
    """One service the clause says something about, and what."""

    code: str
    action: str  # a ServiceFact action or "open"
    strong: bool  # a direct stop of this very service (not expanded, not implied)
    clause: Clause
    cue: Hit
    obj: Hit
    span: tuple[int, int]  # evidence (start, end): the phrases from the object to the cue


class _Pair(NamedTuple):
    """An object and the action that governs it."""

    obj: Hit
    cue: Hit
    aside: str | None  # the kind of bracketed aside the object is in (aside | inclusive), None outside one


class _Zone(NamedTuple):
    """A 除...外 zone or a bracketed aside of a clause."""

    start: int
    end: int
    kind: str  # exception | aside | inclusive (an aside opening with 含, 包括 ...)


class _Codes(NamedTuple):
    """The codes an object stands for."""

    codes: tuple[str, ...]
    expanded: bool  # from a bare settlement, expanded by place


@dataclass(slots=True)
class _Pass:
    """State of the left-to-right pass over one clause."""

    pending: list[Hit] = field(default_factory=list)  # objects waiting for an action
    current: Hit | None = None  # an action (scope both) taking the objects after it in its phrase
    phrase: int | None = None  # the phrase of the item read last
    mask_from: int | None = None  # phrases from this index on are a workaround's instruction
    cue_phrase: int = -1  # the phrase of that workaround cue
    last: Hit | None = None  # the last action read
    asides: list[_Zone] = field(default_factory=list)  # the clause's scope-naming asides


def _zone_at(pos: int, zones: list[_Zone]) -> str | None:
    """The kind of the zone of ``zones`` that holds ``pos``, if any."""
    return next((z.kind for z in zones if z.start <= pos < z.end), None)


def _within(hits: list[Hit], start: int, end: int) -> list[Hit]:
    """Hits starting inside ``[start, end)``."""
    return [h for h in hits if start <= h.start < end]


class _ClauseReader:
    """Reads one clause; collects (object, action) pairs."""

    def __init__(self, text: str, clause: Clause, cues: CueMap, rules: ServiceRules) -> None:
        self.text, self.clause, self.cues, self.rules = text, clause, cues, rules
        self.pairs: list[_Pair] = []
        self.last: Hit | None = None

    def read(self, carry: Hit | None, actions: list[Hit], objects: list[Hit]) -> None:
        """Assign the clause's objects (``objects``) to its actions (see the module docstring)."""
        asides: list[_Zone] = []
        for zone in self._zones():
            own = _within(actions, zone.start, zone.end)
            inner = _within(objects, zone.start, zone.end)
            if own:  # a self-contained aside: read it on its own
                self._read_items(sorted(own + inner, key=lambda h: h.start), [], None)
            elif zone.kind == "exception":  # 除 X 外 with no verb of its own: X stays open
                cue = Hit(zone.start, zone.end, "action", "open")
                self.pairs.extend(_Pair(o, cue, None) for o in inner)
            else:
                asides.append(zone)
                continue
            actions = [a for a in actions if a not in own]
            objects = [o for o in objects if o not in inner]
        hits = sorted(actions + objects, key=lambda h: (h.start, h.kind != "action"))
        self._read_items(hits, asides, carry)

    def _zones(self) -> list[_Zone]:
        """The clause's 除...外 zones, then its bracketed asides outside them, in text order."""
        c = self.clause
        zones = [_Zone(s, e, "exception") for s, e in self.cues.exceptions if c.start <= s < c.end]
        inclusive = self.rules.inclusive_aside.words
        zones += [_Zone(s, e, "inclusive" if self.text.startswith(inclusive, s) else "aside")
                  for s, e in bracket_zones(self.text, c.start, c.end)
                  if not any(z.start <= s < z.end for z in zones)]
        return sorted(zones)

    def _read_items(self, hits: list[Hit], asides: list[_Zone], carry: Hit | None) -> None:
        """The left-to-right pass over one clause (or self-contained aside)."""
        state = _Pass(asides=asides)
        for hit in hits:
            ph = phrase_index(self.clause, hit.start)
            if ph != state.phrase:
                state.current, state.phrase = None, ph
            if _in_instruction(state, hit, ph):
                continue
            if hit.kind == "action":
                self._take_action(state, hit, ph)
            elif state.current is not None:
                self._pair([hit], state.current, asides)
            else:
                state.pending.append(hit)
        self._close(state, carry)
        self.last = state.last or self.last

    def _pair(self, objects: list[Hit], cue: Hit, asides: list[_Zone]) -> None:
        """``cue`` governs ``objects``."""
        self.pairs.extend(_Pair(o, cue, _zone_at(o.start, asides) if asides else None) for o in objects)

    def _take_action(self, state: _Pass, hit: Hit, ph: int) -> None:
        """An action takes the objects waiting before it; with scope both, those after it in its phrase."""
        if hit.label == "workaround" and not state.pending and state.last is not None and state.last.label in _STOPS:
            # 市外住院,不能联网结算的由参保人员先行垫付: the workaround is for what just stopped.
            state.pending = [p.obj for p in self.pairs if p.cue is state.last]
        self._pair(state.pending, hit, state.asides)
        state.pending = []
        state.current = hit if hit.scope == "both" else None
        if hit.label == "workaround":
            # 提前 (scope both) still governs the rest of its own phrase; 垫付 does not.
            state.cue_phrase = ph
            state.mask_from = ph + 1 if hit.scope == "both" else ph
        state.last = hit

    def _close(self, state: _Pass, carry: Hit | None) -> None:
        """Objects still waiting take the clause's last action or, with none, the lent stop."""
        if not state.pending:
            return
        if state.last is not None and state.mask_from is None and state.last.label in _MAIN:
            self._pair(self._list_tail(state.pending, state.last), state.last, state.asides)
        elif state.last is None and carry is not None:
            self._pair(state.pending, carry, state.asides)

    def _list_tail(self, pending: list[Hit], last: Hit) -> list[Hit]:
        """The waiting objects a clause's last action takes: not those of a later phrase with a predicate of its own.

        暂停...业务,包括 A、B lists what stops; in 暂停提取业务,恢复后贷款将优先办理 or ...,贷款月还款额不变 the later
        phrase says what happens to its own objects (``own_predicate`` in rules/service_actions.yaml).
        """
        c, cue_phrase = self.clause, phrase_index(self.clause, last.start)
        keep = []
        for obj in pending:
            ph = phrase_index(c, obj.start)
            phrase = c.phrases[ph]
            if ph > cue_phrase and self.rules.own_predicate.search(self.text, phrase.start, phrase.end):
                continue
            keep.append(obj)
        return keep

    def readings(self) -> list[Reading]:
        """Expand the (object, action) pairs into per-code readings."""
        out: list[Reading] = []
        # Looked up once per clause: per pair they made a long clause quadratic in its number of
        # pairs (bench/bench_hostile.py, services_line).
        specific: dict[int, list[Hit]] = {}  # cue id -> the specific objects it governs outside asides
        for p in self.pairs:
            if not p.aside and SETTLEMENT not in p.obj.codes and self.rules.settlement_specific.intersection(p.obj.codes):
                specific.setdefault(id(p.cue), []).append(p.obj)
        kinds_at: dict[tuple[int, int], set[str]] = {}
        channel_business, on_channel = self._channel_business()
        for pair in self.pairs:
            obj, cue = pair.obj, pair.cue
            if id(obj) in channel_business:
                continue
            found = self._codes(pair, specific, kinds_at)
            online = cue.label in _STOPS and (id(obj) in on_channel or self._online_only(obj, cue))
            span = self._span(obj, cue)
            for code in found.codes:
                if self._scope_only(pair.aside, code):
                    continue
                if online and code != _CHANNELS:  # 暂停互联网补换驾驶证: the counter still issues licences
                    out.append(Reading(code, "restricted", False, self.clause, cue, obj, span))
                    continue
                strong = cue.label in _STOPS and not found.expanded
                out.append(Reading(code, cue.label, strong, self.clause, cue, obj, span))
            if online:
                out.append(Reading(_CHANNELS, cue.label, True, self.clause, cue, obj, span))
        return out

    def _channel_business(self) -> tuple[set[int], set[int]]:
        """Objects stopped on a channel only: ids of the generic objects that are a channel's business (平台中涉及的社保
        业务暂停服务), and of the specific ones placed on a channel (自助终端以及刷脸渠道的资格认证服务暂停: restricted).

        Both are stopped by the verb that stops a channel named before them, not joined to it as a list item, in a
        clause naming no counter or office (``channel_business`` in rules/services.yaml); a generic one is placed on
        the channel or names no line of business, a specific one follows the channel's aside or 的 (手机银行缴费渠道 is a
        channel's name) or is placed on it.
        """
        channels: dict[int, list[Hit]] = {}  # stop cue id -> the channel objects it governs
        others: list[_Pair] = []
        for p in self.pairs:
            if p.cue.label not in _STOPS or p.aside:
                continue
            if p.obj.codes == (_CHANNELS,):
                channels.setdefault(id(p.cue), []).append(p.obj)
            else:
                others.append(p)
        generic: set[int] = set()
        specific: set[int] = set()
        if not channels or not others:
            return generic, specific
        rule = self.rules.channel_business
        if rule.offline.search(self.text, self.clause.start, self.clause.end):
            return generic, specific
        for p in others:
            before = [c for c in channels.get(id(p.cue), ()) if c.end <= p.obj.start]
            if not before:
                continue
            between = self.text[before[-1].end:p.obj.start]
            if rule.join.search(between):
                continue
            located = rule.located.search(between) is not None
            if p.obj.codes == (_GENERAL,):
                if located or not rule.named_line.search(self.text, p.obj.start, p.obj.end):
                    generic.add(id(p.obj))
            elif located or (between and not rule.adjacent.sub("", between)):
                specific.add(id(p.obj))
        return generic, specific

    def _online_only(self, obj: Hit, cue: Hit) -> bool:
        """Whether the object's own list item names it as done online (网上异地就医备案, 互联网补换驾驶证)."""
        start = cue.end if self.clause.start <= cue.end <= obj.start else self.clause.start
        item = self.text[start:obj.start]
        cut = max(item.rfind(sep) for sep in _ITEM_SEPARATORS) + 1
        return self.rules.online_qualifier.match(item, cut) is not None

    def _scope_only(self, aside: str | None, code: str) -> bool:
        """Whether ``code``, named inside an aside of this kind, only names the scope of the object around it."""
        if aside == "inclusive":
            return code in self.rules.inclusive_aside.scope_codes
        return aside is not None and code in self.rules.aside_scope_codes

    def _codes(self, pair: _Pair, specific: dict[int, list[Hit]], kinds_at: dict[tuple[int, int], set[str]]) -> _Codes:
        """Codes an object stands for, and whether they come from a settlement expansion.

        ``specific``: cue id -> the specific services it governs outside asides;
        ``kinds_at``: place kinds per span, filled as they are asked for."""
        obj = pair.obj
        if SETTLEMENT not in obj.codes:
            return _Codes(obj.codes, False)
        named = tuple(code for code in obj.codes if code != SETTLEMENT)  # 本地和异地联网结算: cross_region too
        if any(self._same_item(other, obj) for other in specific.get(id(pair.cue), ())):
            return _Codes(named, True)  # 住院医疗费用联网结算: the same item names which settlement
        return _Codes(named + self.rules.expansion[self._place_kind(obj, kinds_at)], True)

    def _same_item(self, specific: Hit, settlement: Hit) -> bool:
        """Whether a specific service names which settlement the same action governs: one list item of
        a phrase (住院医疗费用联网结算; not 医保结算系统、异地就医平台, two items), or a subject phrase before
        it naming where (州外就医的,不能直接结算); a list after a settlement in a later phrase (暂停实时结算,
        包括本地、异地的门诊) does not narrow it."""
        a, b = phrase_index(self.clause, specific.start), phrase_index(self.clause, settlement.start)
        if a != b:
            return a < b
        first, second = sorted((specific, settlement), key=lambda h: h.start)
        return not any(sep in self.text[first.end:second.start] for sep in _ITEM_JOINS)

    def _kinds(self, start: int, end: int, kinds_at: dict[tuple[int, int], set[str]]) -> set[str]:
        """Place kinds of the place words in ``[start, end)``, asked once per span."""
        if (start, end) not in kinds_at:
            kinds_at[start, end] = {h.label for h in self.cues.within("places", start, end)}
        return set(kinds_at[start, end])

    def _place_kind(self, obj: Hit, kinds_at: dict[tuple[int, int], set[str]]) -> str:
        """Where a bare settlement happens: the place words of its phrase, else of its clause, else of the notice.

        A clause naming no place (暂停全市医保结算系统) settles at every place the notice speaks of: a notice that names
        pharmacies anywhere (停机期间如何购药, 定点药店) widens it to them; the notice's places never narrow it.
        """
        c = self.clause
        phrase = c.phrases[phrase_index(c, obj.start)]
        kinds = self._kinds(phrase.start, phrase.end, kinds_at)
        if not kinds:
            kinds = self._kinds(c.start, c.end, kinds_at)
        if not kinds:
            return "mixed" if self._kinds(0, len(self.text), kinds_at) & {"mixed", "pharmacy"} else "none"
        if "mixed" in kinds or {"medical", "pharmacy"} <= kinds:
            return "mixed"
        return kinds.pop() if kinds else "none"

    def _span(self, obj: Hit, cue: Hit) -> tuple[int, int]:
        """Evidence span: the phrases from the object to the cue (the object's clause if apart)."""
        c = self.clause
        if not (c.start <= cue.start < c.end):
            return c.start, c.end
        a, b = sorted((phrase_index(c, obj.start), phrase_index(c, cue.start)))
        return c.phrases[a].start, c.phrases[b].end


def _in_instruction(state: _Pass, hit: Hit, ph: int) -> bool:
    """Whether ``hit`` lies in a workaround's instruction part; a new stop or keep-open in a later phrase ends it."""
    if state.mask_from is None or ph < state.mask_from:
        return False
    if hit.kind == "action" and hit.label in _ENDS_INSTRUCTION and ph > state.cue_phrase:
        state.mask_from = None
        return False
    return True


_HEADING_MAX = 30  # characters of a numbered line that can be a heading (三、暂停办理的业务)


def _is_heading(clause: Clause) -> bool:
    """A list head: ends with a colon, or is a short line opening with an item marker."""
    return clause.ends_with_colon or (clause.marker_level is not None and clause.end - clause.start <= _HEADING_MAX)


def _is_table_row(text: str, clause: Clause) -> bool:
    """A line of a flattened table: cells separated by ``|`` or a tab."""
    line = text[clause.start:clause.end]
    return "|" in line or "\t" in line


def _schedule_header(text: str, clause: Clause, rules: ServiceRules) -> Hit | None:
    """The stop a stop-time header (一、停机安排, 业务类别 | 停机时间 | 恢复时间) lends its rows, if it is one."""
    if not (_is_heading(clause) or _is_table_row(text, clause)):
        return None
    m = rules.schedule_header.search(text, clause.start, clause.end)
    return Hit(m.start(), m.end(), "action", "suspended") if m is not None else None


def _sub_level(clause: Clause) -> int | None:
    """The marker level of the items under a numbered heading (unknown for an unnumbered one)."""
    return clause.marker_level + 1 if clause.marker_level is not None else None


@dataclass(slots=True)
class _Carry:
    """The stop a list heading or a stop-time header lends to the lines under it."""

    cue: Hit | None = None
    level: int | None = None  # marker level of the heading's items, else of its first listed item
    # "": a list; "time": schedule rows under a heading; "table": under a table header; "semicolon":
    # the parts of a list that runs on after a semicolon (暂停办理 A、B;C、D;E等业务)
    rows: str = ""
    after_semicolon: bool = False  # the clause read last ended with a semicolon

    def lend(self, cue: Hit, level: int | None, rows: str) -> None:
        self.cue, self.level, self.rows = cue, level, rows

    def end_before(self, text: str, clause: Clause) -> None:
        """A table ends at a line that is no table row, a list at an outer item."""
        if self.cue is None:
            return
        if self.rows == "semicolon" and not self.after_semicolon:
            self.cue = None  # the sentence is over
        elif self.rows == "table" and not _is_table_row(text, clause):
            self.cue = None  # the table is over
        elif clause.marker_level is not None:
            if self.level is None:
                self.level = clause.marker_level
            elif clause.marker_level < self.level:
                self.cue = None  # an outer item: the list is over

    def lent_to(self, text: str, clause: Clause, rules: ServiceRules) -> Hit | None:
        """The stop lent to a line; a schedule lends its stop to rows that state a time only."""
        if (self.rows in ("time", "table") and self.cue is not None
                and rules.schedule_time.search(text, clause.start, clause.end) is None):
            return None
        return self.cue

    def after_bare_line(self, text: str, clause: Clause, rules: ServiceRules) -> None:
        """A line naming no cue: only a stop-time header or a colon line changes the carry."""
        self.after_semicolon = text.startswith(";", clause.end)
        header = _schedule_header(text, clause, rules)
        if header is not None and _is_heading(clause):
            self.lend(header, _sub_level(clause), "time")
        elif header is not None and self.cue is None:  # a table header, not inside a heading's schedule
            self.lend(header, None, "table")
        elif clause.ends_with_colon:
            self.cue = None

    def after_line(self, text: str, clause: Clause, last: Hit | None, readings: list[Reading],
                   actions: list[Hit]) -> None:
        """A heading whose stop took no object lends it, as does a stop whose list runs on past a
        semicolon; a colon line or a line with actions ends the carry."""
        self.after_semicolon = text.startswith(";", clause.end)
        if _is_heading(clause) and last is not None and last.label in _STOPS and not readings:
            self.lend(last, _sub_level(clause), "")
        elif (self.after_semicolon and last is not None and last.label in _STOPS and last.scope == "both"
              and any(r.cue is last and r.obj.start > last.start for r in readings)):
            self.lend(last, None, "semicolon")
        elif self.rows == "semicolon" and self.cue is not None and any(r.cue is self.cue for r in readings):
            pass  # a part of the list took the stop (its asides may hold actions of their own): it runs on
        elif clause.ends_with_colon or actions:
            self.cue = None


def read_service_clauses(text: str, clauses: list[Clause], cues: CueMap, rules: ServiceRules) -> list[Reading]:
    """Readings of every clause, carrying list-heading actions across lines.

    A heading (a line ending in a colon, or a short numbered line) that states a stop with no
    object of its own (停机影响业务范围:, 三、暂停办理的业务) lends that stop to the following lines
    that have objects but no action, until a line with its own action, another heading, or an
    item marker outside the listed items. A stop-time header (a heading or a table header row naming
    停机时间, 暂停服务时间, 停机安排; ``schedule_header`` in ``rules/service_actions.yaml``) lends the
    stop only to the lines that also state a time (schedule rows); a table header's rows end at the
    first line that is no table row.
    """
    out: list[Reading] = []
    carry = _Carry()
    for clause in clauses:
        carry.end_before(text, clause)
        actions = cues.within("actions", clause.start, clause.end)
        objects = cues.within("objects", clause.start, clause.end)
        if not actions and not objects:
            carry.after_bare_line(text, clause, rules)
            continue
        if not objects and not _is_heading(clause):  # nothing to pair, and no heading stop to carry
            carry.after_line(text, clause, None, [], actions)
            continue
        reader = _ClauseReader(text, clause, cues, rules)
        reader.read(carry.lent_to(text, clause, rules), actions, objects)
        readings = reader.readings()
        out.extend(readings)
        carry.after_line(text, clause, reader.last, readings, actions)
    return out
