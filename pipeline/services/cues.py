"""Finding the cue words of the services extractor in a notice body.

Order matters, and is fixed here: deferrals (待...后) first, then neutral spans and title lines
(they are then ignored), then the other action words, then service objects (compounds before plain words), then generic stops,
places, audiences. Among overlapping candidates of one kind the higher priority, then the longer,
then the earlier match wins, and a chosen span is consumed: an object cannot reuse the 备案 inside
电话备案 (an action), nor cross_region the 异地就医 inside 异地就医备案 (a filing).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..cuescan import matches
from .rules import ActionCue, DefinedTerms, ServiceRules, service_rules

__all__ = ["Hit", "CueMap", "find_cues"]


@dataclass(slots=True)
class Hit:
    """One cue found in the text."""

    start: int
    end: int
    kind: str  # action | object | place | audience | component
    label: str  # action type, first service code, place kind, audience or component word
    codes: tuple[str, ...] = ()  # for objects: every code named (settlement for bare settlement)
    scope: str = "both"  # for actions: before | both


_KINDS = ("actions", "objects", "places", "audiences", "components")


@dataclass(slots=True)
class CueMap:
    """Every cue of one text, sorted by position within each list."""

    actions: list[Hit]
    objects: list[Hit]
    places: list[Hit]
    audiences: list[Hit]
    components: list[Hit]
    exceptions: list[tuple[int, int]]  # insides of 除...外
    _starts: dict[str, list[int]] = field(init=False, repr=False)  # kind -> the starts of its hits

    def __post_init__(self) -> None:
        self._starts = {kind: [h.start for h in getattr(self, kind)] for kind in _KINDS}

    def within(self, kind: str, start: int, end: int) -> list[Hit]:
        """Hits of list ``kind`` (actions, objects ...) starting in ``[start, end)``, by bisection."""
        starts = self._starts[kind]
        return getattr(self, kind)[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


class _What(NamedTuple):
    """What a candidate's Hit is made of, besides its span."""

    kind: str
    label: str
    codes: tuple[str, ...]
    scope: str


class _Candidate(NamedTuple):
    """A cue match before selection. The fields are in the order candidates are chosen by: higher
    priority first, then longer, then earlier, then the cue listed first in the rules (a cue gives one
    candidate per start, so the order is total)."""

    minus_priority: int
    minus_length: int
    start: int
    order: int
    end: int
    what: _What


def _select(cands: list[_Candidate], taken: bytearray) -> list[Hit]:
    """Greedy choice: priority, then length, then position; a chosen span is consumed."""
    chosen: list[Hit] = []
    for c in sorted(cands):
        if taken.find(1, c.start, c.end) >= 0:  # some position of it already taken
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(Hit(c.start, c.end, c.what.kind, c.what.label, c.what.codes, c.what.scope))
    return sorted(chosen, key=lambda h: h.start)


def _neutral_mask(found: _Found, rules: ServiceRules, taken: bytearray) -> bytearray:
    """Positions inside neutral spans and title lines (not overlapping ``taken``), plus ``taken``."""
    mask = bytearray(taken)
    text = found.text
    for regex in (*rules.neutral, rules.title_line):
        if not rules.gates[regex].admitted(found.present):
            continue  # its words are not in the text: it cannot match
        for s, e in matches(regex, text):
            if not any(taken[s:e]):
                mask[s:e] = b"\x01" * (e - s)
    return mask


class _Found:
    """Every cue of every table found in one text, from one scan (:class:`~pipeline.cuescan.CueSet`)."""

    def __init__(self, text: str, rules: ServiceRules) -> None:
        self.text = text
        words = rules.cue_set.read(text)  # the word-list cues, and the required literals of the others
        self.present = words.present
        self.spans = rules.cue_set.scan(text, skip=_inactive(text, rules, self.present), words=words)

    def of(self, table: range) -> dict[int, list[tuple[int, int]]]:
        """Cue number within ``table`` (a range of :class:`~pipeline.services.rules.CueTables`) -> its spans."""
        return {i - table.start: found for i, found in self.spans.items() if i in table}


def _inactive(text: str, rules: ServiceRules, present: set[str]) -> set[int]:
    """Numbers (in ``rules.cue_set``) of the object cues whose domain condition fails in ``text``
    (``present``: the required literals the text holds)."""
    holds: dict[str, bool] = {}  # domain condition pattern -> whether the text matches it (20 cues share 6)

    def matches(condition: re.Pattern[str]) -> bool:
        if condition.pattern not in holds:
            holds[condition.pattern] = (rules.gates[condition].admitted(present)
                                        and condition.search(text) is not None)
        return holds[condition.pattern]

    start = rules.tables.objects.start
    return {start + n for n in rules.conditional_objects if not rules.objects[n].applies(matches)}


def _actions(found: _Found, table: range, cues: Sequence[ActionCue], taken: bytearray) -> list[Hit]:
    """Action cues on free positions, longest first."""
    cands = [_Candidate(0, s - e, s, n, e, what)
             for n, cue_spans in found.of(table).items()
             for what in [_What("action", cues[n].action, (), cues[n].scope)]
             for s, e in cue_spans]
    return _select(cands, taken)


def _objects(found: _Found, rules: ServiceRules, taken: bytearray) -> list[Hit]:
    """Service objects outside neutral and action spans (cues whose domain condition fails were not looked for)."""
    cands: list[_Candidate] = []
    for n, cue_spans in found.of(rules.tables.objects).items():
        cue = rules.objects[n]
        what = _What("object", cue.codes[0], cue.codes, "both")
        cands.extend(_Candidate(-cue.priority, s - e, s, n, e, what) for s, e in cue_spans)
    return _select(cands, taken)


_GENERAL = _What("object", "general", ("general",), "both")


def _general(found: _Found, rules: ServiceRules, taken: bytearray, objects: list[Hit]) -> list[Hit]:
    """Generic stops; with check_specific a match holding a specific object does not count."""
    cands: list[_Candidate] = []
    starts = [o.start for o in objects]  # objects are sorted by start
    ends = {o.end for o in objects}
    for order, cue_spans in found.of(rules.tables.general).items():
        cue = rules.general[order]
        for s, e in cue_spans:
            inside = objects[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
            if cue.check_specific and any(o.end <= e for o in inside):
                continue
            if cue.own_business and _after_object(found.text, s, ends, rules):
                continue
            cands.append(_Candidate(order, s - e, s, order, e, _GENERAL))  # an earlier cue first
    return _select(cands, taken)


def _after_object(text: str, start: int, ends: set[int], rules: ServiceRules) -> bool:
    """Whether a service object ends right before ``start`` (allowing the linking words of
    ``general_after_object``): 提前还款业务受理, 自助终端所有功能 name that service's business, not all of it."""
    if start in ends:
        return True
    m = rules.general_after_object.search(text, max(0, start - 3), start)
    return m is not None and m.end() == start and m.start() in ends


def _venues(text: str, objects: list[Hit], rules: ServiceRules) -> list[Hit]:
    """Objects that only name a venue (劳动能力鉴定机构, 不动产登记中心, 社保卡服务网点) dropped; an object
    joined by 和/、 to a venue-named one (工伤认定和劳动能力鉴定机构) names the same venue."""
    venue = rules.venue
    kept: list[Hit] = []
    drop_next: int | None = None  # start of the venue-named object after the one being read
    for obj in reversed(objects):
        if obj.label in venue.exempt:
            kept.append(obj)
            drop_next = None
            continue
        is_venue = venue.after.match(text, obj.end) is not None or (
            drop_next is not None and venue.join.fullmatch(text, obj.end, drop_next) is not None)
        drop_next = obj.start if is_venue else None
        if not is_venue:
            kept.append(obj)
    return kept[::-1]


def _definitions(text: str, defined: DefinedTerms) -> list[tuple[int, str, tuple[str, ...]]]:
    """(end, term, codes) of every definition of a term in ``text`` (社保(包括养老保险、失业保险)), in text order."""
    found = []
    for pattern in defined.patterns:
        for m in pattern.finditer(text):
            term = defined.terms.get(m.group("term"))
            codes = tuple(dict.fromkeys(code for word, code in defined.lines if word in m.group("lines")))
            if term is not None and codes:
                found.append((m.end(), term, codes))
    return sorted(found)


def _add_defined_lines(text: str, defined: DefinedTerms, general: list[Hit]) -> None:
    """A generic stop naming a term the notice defined earlier (各项社保业务) also names the term's lines."""
    definitions = _definitions(text, defined) if general else []
    for hit in general:
        words = text[hit.start:hit.end]
        named = {term for word, term in defined.terms.items() if word in words}
        extra = [code for end, term, codes in definitions if end <= hit.start and term in named for code in codes]
        if extra:
            hit.codes = tuple(dict.fromkeys((*hit.codes, *extra)))


def _labelled(found: _Found, table: range, labels: Sequence[str], kind: str) -> list[Hit]:
    """Place or audience words (``labels``: the label of each cue of ``table``), longest first, each position used once."""
    cands = [_Candidate(0, s - e, s, n, e, what)
             for n, cue_spans in found.of(table).items() for what in [_What(kind, labels[n], (), "both")]
             for s, e in cue_spans]
    return _select(cands, bytearray(len(found.text)))


def find_cues(text: str, rules: ServiceRules | None = None) -> CueMap:
    """All cues of ``text`` (see the module docstring for the order)."""
    rules = rules or service_rules()
    found = _Found(text, rules)
    tables = rules.tables
    first = bytearray(len(text))
    early = _actions(found, tables.before_neutral, rules.before_neutral, first)
    neutral = _neutral_mask(found, rules, first)
    taken = bytearray(neutral)
    actions = sorted(early + _actions(found, tables.actions, rules.actions, taken), key=lambda h: h.start)
    objects = _venues(text, _objects(found, rules, taken), rules)
    general_taken = bytearray(neutral)
    for a in actions:
        general_taken[a.start:a.end] = b"\x01" * (a.end - a.start)
    general = _general(found, rules, general_taken, objects)
    if rules.defined_terms is not None:
        _add_defined_lines(text, rules.defined_terms, general)
    components = [Hit(s, e, "component", text[s:e]) for s, e in found.of(tables.components).get(0, [])]
    exceptions = [m.span("zone") for m in rules.exception.finditer(text) if not any(neutral[slice(*m.span("zone"))])]
    return CueMap(
        actions=actions,
        objects=sorted(objects + general, key=lambda h: (h.start, h.end)),
        places=_labelled(found, tables.places, [kind for _, kind in rules.places], "place"),
        audiences=_labelled(found, tables.audiences, [audience for _, audience in rules.audiences], "audience"),
        components=components,
        exceptions=exceptions,
    )
