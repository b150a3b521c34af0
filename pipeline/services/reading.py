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
phrase around them but only *name its scope* for the codes in ``aside_scope_codes``.
A bare settlement (联网结算, 医保刷卡) expands to the services of the places it is at
(定点医药机构 -> inpatient, outpatient, pharmacy) unless the same action names specific ones
(住院医疗费用联网结算, 异地就医联网结算).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .clauses import Clause, bracket_zones, phrase_index
from .cues import CueMap, Hit
from .rules import SETTLEMENT, ServiceRules

__all__ = ["Reading", "read_service_clauses"]

_STOPS = ("suspended", "restricted")  # direct statements that a service is (partly) unavailable
_MAIN = ("suspended", "restricted", "open", "resumed", "deadline")  # actions a trailing list continues


# Not frozen: built per clause and cue of every notice, and a frozen dataclass costs about four
# times as much to build; nothing changes one after it is made.
@dataclass(slots=True)
class Reading:
    """One service the clause says something about, and what."""

    code: str
    action: str  # a ServiceFact action or "open"
    strong: bool  # a direct stop of this very service (not expanded, not implied)
    clause: Clause
    cue: Hit
    obj: Hit
    span: tuple[int, int]  # evidence: the phrases from the object to the cue


# An action or object of one clause, and whether it sits in a bracketed aside. A plain tuple:
# several are made per clause read, and a tuple costs a fraction of a record to build.
_Item = tuple[Hit, bool]


def _inside(pos: int, zones: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``zones``."""
    for s, e in zones:
        if s <= pos < e:
            return True
    return False


def _within(hits: list[Hit], start: int, end: int) -> list[Hit]:
    """Hits starting inside ``[start, end)``."""
    return [h for h in hits if start <= h.start < end]


class _ClauseReader:
    """Reads one clause; collects (object, action) pairs."""

    def __init__(self, text: str, clause: Clause, cues: CueMap, rules: ServiceRules) -> None:
        self.text, self.clause, self.cues, self.rules = text, clause, cues, rules
        self.pairs: list[tuple[_Item, Hit]] = []
        self.last: Hit | None = None

    def read(self, carry: Hit | None, actions: list[Hit], objects: list[Hit]) -> None:
        """Assign the clause's objects (``objects``) to its actions (see the module docstring)."""
        c = self.clause
        zones = [(s, e, "exception") for s, e in self.cues.exceptions if c.start <= s < c.end]
        if self.text.find("(", c.start, c.end) >= 0:  # most clauses have no bracket
            zones += [(s, e, "aside") for s, e in bracket_zones(self.text, c.start, c.end)
                      if not any(zs <= s < ze for zs, ze, _ in zones)]
        asides: list[tuple[int, int]] = []
        for s, e, kind in sorted(zones):
            own = _within(actions, s, e)
            inner = _within(objects, s, e)
            if own:  # a self-contained aside: read it on its own
                self._read_items([(h, False) for h in sorted(own + inner, key=lambda h: h.start)], None)
            elif kind == "exception":  # 除 X 外 with no verb of its own: X stays open
                cue = Hit(s, e, "action", "open")
                self.pairs.extend(((o, False), cue) for o in inner)
            else:
                asides.append((s, e))
                continue
            actions = [a for a in actions if a not in own]
            objects = [o for o in objects if o not in inner]
        if asides:
            items = [(h, _inside(h.start, asides)) for h in actions + objects]
        else:  # most clauses have no aside
            items = [(h, False) for h in actions + objects]
        items.sort(key=lambda i: (i[0].start, i[0].kind != "action"))
        self._read_items(items, carry)

    def _read_items(self, items: list[_Item], carry: Hit | None) -> None:
        """The left-to-right pass over one clause (or self-contained aside)."""
        pending: list[_Item] = []
        current: Hit | None = None
        mask_from: int | None = None  # phrases from this index on are a workaround's instruction
        cue_phrase = -1  # phrase of that workaround cue
        last: Hit | None = None
        phrase: int | None = None
        for item in items:
            hit = item[0]
            ph = phrase_index(self.clause, hit.start)
            if ph != phrase:
                current, phrase = None, ph
            if mask_from is not None and ph >= mask_from:
                # Only a new stop or keep-open in a later phrase ends the instruction part.
                if hit.kind == "action" and hit.label in ("suspended", "restricted", "open") and ph > cue_phrase:
                    mask_from = None
                else:
                    continue
            if hit.kind == "action":
                if hit.label == "workaround" and not pending and last is not None and last.label in _STOPS:
                    # 市外住院,不能联网结算的由参保人员先行垫付: the workaround is for what just stopped.
                    pending = [p for p, a in self.pairs if a is last]
                self.pairs.extend((p, hit) for p in pending)
                pending = []
                current = hit if hit.scope == "both" else None
                if hit.label == "workaround":
                    # 提前 (scope both) still governs the rest of its own phrase; 垫付 does not.
                    cue_phrase, mask_from = ph, ph + 1 if hit.scope == "both" else ph
                last = hit
            elif current is not None:
                self.pairs.append((item, current))
            else:
                pending.append(item)
        if pending:
            if last is not None and mask_from is None and last.label in _MAIN:
                self.pairs.extend((p, last) for p in pending)
            elif last is None and carry is not None:
                self.pairs.extend((p, carry) for p in pending)
        self.last = last or self.last

    def readings(self) -> list[Reading]:
        """Expand the (object, action) pairs into per-code readings."""
        out: list[Reading] = []
        # Looked up once per reading below; recomputed per pair they made a long clause quadratic
        # in its number of pairs (bench/bench_hostile.py, services_line).
        specific = {id(cue) for (obj, aside), cue in self.pairs
                    if not aside and self.rules.settlement_specific.intersection(obj.codes)}
        kinds_at: dict[tuple[int, int], set[str]] = {}
        for item, cue in self.pairs:
            obj, aside = item
            codes, expanded = self._codes(item, cue, specific, kinds_at)
            for code in codes:
                if aside and code in self.rules.aside_scope_codes:
                    continue
                strong = cue.label in _STOPS and not expanded
                out.append(Reading(code, cue.label, strong, self.clause, cue, obj, self._span(obj, cue)))
        return out

    def _codes(self, item: _Item, cue: Hit, specific: set[int],
               kinds_at: dict[tuple[int, int], set[str]]) -> tuple[tuple[str, ...], bool]:
        """Codes an object stands for, and whether they come from a settlement expansion.

        ``specific``: ids of the cues paired (outside an aside) with a specific settlement;
        ``kinds_at``: place kinds per span, filled as they are asked for."""
        obj = item[0]
        if SETTLEMENT not in obj.codes:
            return obj.codes, False
        if id(cue) in specific:
            return (), True  # 住院医疗费用联网结算: the same action names which settlement
        c = self.clause
        p0, p1 = c.phrases[phrase_index(c, obj.start)]
        kinds = self._kinds(p0, p1, kinds_at)
        if not kinds:
            kinds = self._kinds(c.start, c.end, kinds_at)
        if "mixed" in kinds or {"medical", "pharmacy"} <= kinds:
            kind = "mixed"
        elif kinds:
            kind = kinds.pop()
        else:
            kind = "none"
        return self.rules.expansion[kind], True

    def _kinds(self, start: int, end: int, kinds_at: dict[tuple[int, int], set[str]]) -> set[str]:
        """Labels of the place cues in ``[start, end)`` (a copy: the caller may pop from it)."""
        found = kinds_at.get((start, end))
        if found is None:
            found = kinds_at[(start, end)] = {h.label for h in self.cues.within("places", start, end)}
        return set(found)

    def _span(self, obj: Hit, cue: Hit) -> tuple[int, int]:
        """Evidence span: the phrases from the object to the cue (the object's clause if apart)."""
        c = self.clause
        if not (c.start <= cue.start < c.end):
            return c.start, c.end
        a, b = phrase_index(c, obj.start), phrase_index(c, cue.start)
        if a > b:  # phrase_index grows with the position: the same as taking min and max first
            a, b = b, a
        return c.phrases[a][0], c.phrases[b][1]


_HEADING_MAX = 30  # characters of a numbered line that can be a heading (三、暂停办理的业务)


def _is_heading(clause: Clause) -> bool:
    """A list head: ends with a colon, or is a short line opening with an item marker."""
    return clause.ends_with_colon or (clause.marker_level is not None and clause.end - clause.start <= _HEADING_MAX)


def _is_table_row(text: str, clause: Clause) -> bool:
    """A line of a flattened table: cells separated by ``|`` or a tab."""
    return text.find("|", clause.start, clause.end) >= 0 or text.find("\t", clause.start, clause.end) >= 0


def _schedule_header(text: str, clause: Clause, rules: ServiceRules) -> Hit | None:
    """The stop a stop-time header (一、停机安排, 业务类别 | 停机时间 | 恢复时间) lends its rows, if it is one."""
    if not (_is_heading(clause) or _is_table_row(text, clause)):
        return None
    m = rules.schedule_header.search(text, clause.start, clause.end)
    return Hit(m.start(), m.end(), "action", "suspended") if m is not None else None


def _reads_nothing(clause: Clause, actions: list[Hit], objects: list[Hit], lent: Hit | None,
                   exceptions: list[tuple[int, int]]) -> bool:
    """Whether reading the clause can give no reading and leave no action to carry.

    Without objects no pair is made; a heading is still read, as its last stop may carry. Objects
    without any action pair only with a lent stop or, in a 除...外 zone, as kept open.
    """
    if not objects:
        return not _is_heading(clause)
    if actions or lent is not None:
        return False
    for s, _ in exceptions:  # most notices have none
        if clause.start <= s < clause.end:
            return False
    return True


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
    carry: Hit | None = None
    carry_level: int | None = None  # marker level of the heading, else of its first listed item
    carry_rows = ""  # "": a list; "time": schedule rows under a heading; "table": under a table header
    action_starts = [h.start for h in cues.actions]
    object_starts = [h.start for h in cues.objects]
    for clause in clauses:
        level = clause.marker_level
        if carry_rows == "table" and carry is not None and not _is_table_row(text, clause):
            carry = None  # the table is over
        if carry is not None and level is not None:
            if carry_level is None:
                carry_level = level
            elif level < carry_level:
                carry = None  # an outer item: the list is over
        s, e = clause.start, clause.end
        actions = cues.actions[bisect_left(action_starts, s):bisect_left(action_starts, e)]
        objects = cues.objects[bisect_left(object_starts, s):bisect_left(object_starts, e)]
        if not actions and not objects:
            # Most lines name nothing: no reading, and only a colon line or a header changes the carry.
            header = _schedule_header(text, clause, rules)
            if header is not None and _is_heading(clause):
                carry, carry_level, carry_rows = header, (level + 1 if level is not None else None), "time"
            elif header is not None and carry is None:  # a table header, not inside a heading's schedule
                carry, carry_level, carry_rows = header, None, "table"
            elif clause.ends_with_colon:
                carry = None
            continue
        lent = carry
        if carry_rows and lent is not None and rules.schedule_time.search(text, s, e) is None:
            lent = None  # a schedule lends its stop to rows that state a time only
        if _reads_nothing(clause, actions, objects, lent, cues.exceptions):
            if clause.ends_with_colon or actions:
                carry = None
            continue
        reader = _ClauseReader(text, clause, cues, rules)
        reader.read(lent, actions, objects)
        readings = reader.readings()
        out.extend(readings)
        last = reader.last
        if _is_heading(clause) and last is not None and last.label in _STOPS and not readings:
            carry, carry_level, carry_rows = last, (level + 1 if level is not None else None), ""
        elif clause.ends_with_colon or actions:
            carry = None
    return out
