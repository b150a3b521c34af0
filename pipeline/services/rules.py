"""Compiled cue tables of the services extractor (``rules/services.yaml``, ``rules/service_actions.yaml``).

The YAML files hold the words; this module turns them into regexes once (``functools.cache``) and
validates them, so a malformed user extension fails loudly at load time rather than silently at
match time. Word lists become one alternation each, longest word first. Every cue regex is scanned
as :func:`pipeline.cuescan.spans` does, at every start position; :mod:`pipeline.services.cues` picks
among the overlapping candidates. All the cues of the action, object, generic-stop, place, audience
and component tables form one :class:`~pipeline.cuescan.CueSet` (``ServiceRules.cue_set``, each
table's place in it in ``ServiceRules.tables``), so one scan of a text finds them all: the word lists
(and patterns that are plain words) in one Aho-Corasick pass, the other regexes one by one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from ..cuescan import Cue, CueSet, Gated, compile_cue, gated
from ..records import AUDIENCES, SERVICE_ACTIONS
from ..ruledata import RulesError, load_yaml, service_codes

__all__ = ["ObjectCue", "ActionCue", "GeneralCue", "InclusiveAside", "Venue", "ServiceRules", "service_rules"]

ACTION_TYPES = (*SERVICE_ACTIONS, "open")  # `open`: the notice keeps the service running
SCOPES = ("before", "both")
PLACE_KINDS = ("mixed", "medical", "pharmacy")
SETTLEMENT = "settlement"  # pseudo-code of a bare settlement cue, expanded by place


@dataclass(frozen=True, slots=True)
class ObjectCue:
    """A regex naming one or more services (or the settlement pseudo-code)."""

    regex: Cue
    codes: tuple[str, ...]
    priority: int  # compounds 1, plain words 0: higher is matched first
    when: re.Pattern[str] | None = None  # the cue counts only in a notice whose text this matches ...
    unless: re.Pattern[str] | None = None  # ... and this does not (a compound's domain condition)

    def applies(self, matches: Callable[[re.Pattern[str]], bool]) -> bool:
        """Whether the cue counts in a notice (its domain condition holds); ``matches`` tells whether
        the notice's text matches a pattern (the finder asks each distinct pattern once per text)."""
        if self.when is not None and not matches(self.when):
            return False
        return self.unless is None or not matches(self.unless)


@dataclass(frozen=True, slots=True)
class ActionCue:
    """A regex of an action word with what it does and which objects it governs."""

    regex: Cue
    action: str
    scope: str


@dataclass(frozen=True, slots=True)
class GeneralCue:
    """A regex of a generic stop; ``check_specific`` drops matches holding a specific service."""

    regex: Cue
    check_specific: bool
    own_business: bool = False  # right after a service cue it is that service's business (提前还款业务受理)


@dataclass(frozen=True, slots=True)
class InclusiveAside:
    """An aside opening with one of ``words`` (含, 包括) names covered lines; only ``scope_codes`` are ignored in it."""

    words: tuple[str, ...]
    scope_codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Venue:
    """Words after a service word that make it the name of a place (``venue`` of services.yaml)."""

    after: re.Pattern[str]  # matched right after an object: the object names a venue
    join: re.Pattern[str]  # what may join an object to a venue-named one (和, 、): a shared venue
    exempt: frozenset[str]  # codes that are places by nature (online_channels: 网上服务大厅)


@dataclass(frozen=True, slots=True)
class DefinedTerms:
    """Definitions of what a term covers (社保(包括养老保险、失业保险)): ``patterns`` with groups term and lines."""

    patterns: tuple[re.Pattern[str], ...]
    terms: dict[str, str]  # a word written for a term -> the term (社会保险 -> 社保)
    lines: tuple[tuple[str, str], ...]  # (word inside a definition, the code of that line)


@dataclass(frozen=True, slots=True)
class ChannelBusiness:
    """When a stop is one channel's (平台中涉及的社保业务暂停, APP升级,其间不能办理业务, 刷脸渠道的资格认证暂停)."""

    join: re.Pattern[str]  # what joins a channel and a generic stop as two items (网厅及所有业务): both stop
    located: re.Pattern[str]  # between the two, places the business on the channel (平台中涉及的)
    named_line: re.Pattern[str]  # in the generic words, names a line of business (医保业务): the line's, not the channel's
    adjacent: re.Pattern[str]  # what may stand between a channel and a service placed on it (an aside, 的)
    offline: re.Pattern[str]  # a counter or office named in the clause: the business stops there too


@dataclass(frozen=True, slots=True)
class ServiceRules:
    """Every compiled table the extractor needs."""

    objects: tuple[ObjectCue, ...]
    general: tuple[GeneralCue, ...]
    settlement_specific: frozenset[str]
    expansion: dict[str, tuple[str, ...]]
    places: tuple[tuple[Cue, str], ...]
    aside_scope_codes: frozenset[str]
    inclusive_aside: InclusiveAside
    online_qualifier: re.Pattern[str]  # an object's list item opening with it is stopped online only
    defined_terms: DefinedTerms | None
    before_neutral: tuple[ActionCue, ...]
    neutral: tuple[Cue, ...]
    actions: tuple[ActionCue, ...]
    exception: re.Pattern[str]
    title_line: re.Pattern[str]
    audiences: tuple[tuple[Cue, str], ...]
    components: Cue | None
    cue_set: CueSet  # every cue of the tables above that is scanned at every start, numbered as in ``tables``
    gates: dict[Cue, Gated]  # the neutral cues, title line and domain conditions, each with its required literals:
    # searched only in a text holding them (found in cue_set's pass: CueSet.present, Gated.admitted)
    tables: CueTables  # where each table's cues sit in ``cue_set``
    conditional_objects: tuple[int, ...]  # the numbers (in ``objects``) of the cues with a domain condition
    steps: dict[str, str]  # cue word -> the step of its service it names (入院 -> admission)
    schedule_header: re.Pattern[str]  # a stop-time header (停机时间): its rows inherit the stop
    schedule_time: re.Pattern[str]  # a date or clock time, which such a row must state
    venue: Venue  # a service word naming a place, not a service
    general_after_object: re.Pattern[str]  # what may stand between an object and a generic stop that is its business
    own_predicate: re.Pattern[str]  # a later phrase saying this states its own objects' fate, not the last action's
    channel_business: ChannelBusiness  # generic business named with a channel is that channel's business


# Pattern text -> its words, for every word-list regex built (filled while the rules are compiled).
_Lists = dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class CueTables:
    """Where the cues of each table sit in ``ServiceRules.cue_set``: the cue numbered ``i`` in
    ``cue_set`` is cue ``i - table.start`` of the table whose range holds ``i``."""

    before_neutral: range
    actions: range
    objects: range
    general: range
    places: range
    audiences: range
    components: range  # the one word list of components, or none


def _cue_set(tables: dict[str, list[Cue]], lists: _Lists, gates: dict[Cue, Gated]) -> tuple[CueSet, CueTables]:
    """One :class:`~pipeline.cuescan.CueSet` of the tables' cues, in the tables' order, and where each table
    sits; the words of ``gates`` are found in its pass too."""
    cues: list[Cue] = []
    ranges: dict[str, range] = {}
    for name, table in tables.items():
        ranges[name] = range(len(cues), len(cues) + len(table))
        cues.extend(table)
    return CueSet(cues, lists, also=list(gates.values())), CueTables(**ranges)


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a rules-file regex (Python re syntax), naming the file entry when it is malformed."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RulesError(f"{where}: bad regex {pattern!r}: {exc}") from exc


def _cue(pattern: str, where: str, flags: int = 0) -> Cue:
    """A rules-file regex scanned through whole texts (:func:`pipeline.cuescan.compile_cue`)."""
    _compile(pattern, where, flags)  # the rules are written for re: it has the last word on syntax
    try:
        return compile_cue(pattern, flags)
    except regex.error as exc:
        raise RulesError(f"{where}: bad regex {pattern!r}: {exc}") from exc


def _pattern_cue(pattern: str, where: str, lists: _Lists) -> Cue:
    """A rules-file regex scanned at every start position (:func:`~pipeline.cuescan.spans`).

    A pattern of plain words (``工伤认定|劳动能力鉴定``) none of which begins another matches at a start
    the one word found there, as the word lists do: its words join the one pass over the text.
    """
    cue = _cue(pattern, where)
    words = pattern.split("|")
    if all(w and re.escape(w) == w for w in words) and not any(
            a != b and b.startswith(a) for a in words for b in words):
        lists[cue.pattern] = tuple(words)
    return cue


def _words_regex(words: list[str], where: str, lists: _Lists) -> Cue | None:
    """One cue regex of literal words, longest first (so a start yields its longest word).

    The words are recorded in ``lists`` under its pattern (see :class:`~pipeline.cuescan.WordLists`).
    """
    clean = sorted({w for w in words if isinstance(w, str) and w}, key=len, reverse=True)
    if not clean:
        return None
    regex = _cue("|".join(re.escape(w) for w in clean), where)
    lists[regex.pattern] = tuple(clean)
    return regex


def _as_list(value: Any, where: str) -> list[Any]:
    """A YAML list or nothing; anything else is a rules error."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise RulesError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _codes(value: Any, where: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Validated service codes of a rules entry (``extra``: pseudo-codes allowed there too)."""
    codes = tuple(_as_list(value, where))
    bad = [c for c in codes if c not in service_codes() and c not in extra]
    if bad or not codes:
        raise RulesError(f"{where}: unknown or missing service codes {bad or codes}")
    return codes


def _objects(data: dict[str, Any], lists: _Lists) -> tuple[ObjectCue, ...]:
    """Compound cues (priority 1) then every code's words and patterns (priority 0)."""
    cues: list[ObjectCue] = []
    for i, entry in enumerate(_as_list(data.get("compounds"), "services.yaml compounds")):
        where = f"services.yaml compounds[{i}]"
        when, unless = (_compile(entry[k], f"{where}.{k}") if entry.get(k) else None for k in ("when", "unless"))
        cues.append(ObjectCue(_pattern_cue(entry["pattern"], where, lists), _codes(entry.get("codes"), where, (SETTLEMENT,)), 1,
                              when, unless))
    codes = data["codes"]  # checked by service_taxonomy (ruledata): every code a mapping
    for code in service_codes():
        entry = codes[code]
        where = f"services.yaml codes.{code}"
        when = _compile(entry["when"], f"{where}.when") if entry.get("when") else None
        words = _words_regex(_as_list(entry.get("words"), where), where, lists)
        if words is not None:
            cues.append(ObjectCue(words, (code,), 0, when))
        for pattern in _as_list(entry.get("patterns"), where):
            cues.append(ObjectCue(_pattern_cue(pattern, where, lists), (code,), 0, when))
    settlement = data.get("settlement") or {}
    when = _compile(settlement["when"], "services.yaml settlement.when") if settlement.get("when") else None
    for pattern in _as_list(settlement.get("patterns"), "services.yaml settlement"):
        cues.append(ObjectCue(_pattern_cue(pattern, "services.yaml settlement", lists), (SETTLEMENT,), 0, when))
    return tuple(cues)


def _expansion(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Place kind (or ``none``) -> the codes a bare settlement stands for."""
    raw = (data.get("settlement") or {}).get("expansion") or {}
    out = {kind: _codes(raw.get(kind), f"services.yaml settlement.expansion.{kind}")
           for kind in (*PLACE_KINDS, "none")}
    return out


def _actions(data: dict[str, Any], key: str, lists: _Lists) -> tuple[ActionCue, ...]:
    """Action cues of service_actions.yaml (list ``key``), validated."""
    cues: list[ActionCue] = []
    for i, entry in enumerate(_as_list(data.get(key), f"service_actions.yaml {key}")):
        where = f"service_actions.yaml {key}[{i}]"
        action, scope = entry.get("type"), entry.get("scope", "both")
        if action not in ACTION_TYPES or scope not in SCOPES:
            raise RulesError(f"{where}: type must be one of {ACTION_TYPES}, scope one of {SCOPES}")
        words = _words_regex(_as_list(entry.get("words"), where), where, lists)
        if words is not None:
            cues.append(ActionCue(words, action, scope))
        for pattern in _as_list(entry.get("patterns"), where):
            cues.append(ActionCue(_pattern_cue(pattern, where, lists), action, scope))
    return tuple(cues)


def _steps(data: dict[str, Any]) -> dict[str, str]:
    """Cue word -> step name (``steps`` of services.yaml), validated."""
    raw = data.get("steps") or {}
    if not isinstance(raw, dict):
        raise RulesError("services.yaml steps: expected a mapping of step -> words")
    out: dict[str, str] = {}
    for step, words in raw.items():
        for word in _as_list(words, f"services.yaml steps.{step}"):
            if not isinstance(word, str) or not word or word in out:
                raise RulesError(f"services.yaml steps.{step}: bad or repeated word {word!r}")
            out[word] = str(step)
    return out


def _inclusive_aside(data: dict[str, Any]) -> InclusiveAside:
    """``inclusive_aside`` of services.yaml, validated."""
    raw = data.get("inclusive_aside")
    where = "services.yaml inclusive_aside"
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: expected a mapping with words and scope_codes")
    words = tuple(_as_list(raw.get("words"), f"{where}.words"))
    if not words or not all(isinstance(w, str) and w for w in words):
        raise RulesError(f"{where}.words: expected a list of non-empty words")
    return InclusiveAside(words, frozenset(_codes(raw.get("scope_codes"), f"{where}.scope_codes")))


def _defined_terms(data: dict[str, Any]) -> DefinedTerms | None:
    """``defined_terms`` of services.yaml (optional), validated."""
    raw = data.get("defined_terms")
    if raw is None:
        return None
    where = "services.yaml defined_terms"
    patterns = tuple(_compile(p, f"{where}.patterns") for p in _as_list(raw.get("patterns"), f"{where}.patterns"))
    for pattern in patterns:
        if not {"term", "lines"} <= set(pattern.groupindex):
            raise RulesError(f"{where}.patterns: {pattern.pattern!r} needs named groups 'term' and 'lines'")
    terms = {word: term for term, words in raw["terms"].items() for word in _as_list(words, f"{where}.terms.{term}")}
    lines = tuple((word, code) for code in raw["lines"]
                  for word in _as_list(raw["lines"][code], f"{where}.lines.{code}") if _codes([code], f"{where}.lines"))
    return DefinedTerms(patterns, terms, lines)


def _venue(data: dict[str, Any]) -> Venue:
    """``venue`` of services.yaml, validated."""
    raw = data.get("venue")
    where = "services.yaml venue"
    if not isinstance(raw, dict) or not raw.get("after") or not raw.get("join"):
        raise RulesError(f"{where}: expected a mapping with after, join and exempt")
    return Venue(_compile(raw["after"], f"{where}.after"), _compile(raw["join"], f"{where}.join"),
                 frozenset(_codes(raw.get("exempt"), f"{where}.exempt")))


def _channel_business(data: dict[str, Any]) -> ChannelBusiness:
    """``channel_business`` of services.yaml, validated."""
    raw = data.get("channel_business")
    where = "services.yaml channel_business"
    keys = ("join", "located", "named_line", "adjacent", "offline")
    if not isinstance(raw, dict) or not all(raw.get(k) for k in keys):
        raise RulesError(f"{where}: expected a mapping with {', '.join(keys)}")
    join, located, named_line, adjacent, offline = (_compile(raw[k], f"{where}.{k}") for k in keys)
    return ChannelBusiness(join, located, named_line, adjacent, offline)


@functools.cache
def service_rules() -> ServiceRules:
    """Load and compile both services rules files once."""
    svc = load_yaml("services.yaml")
    act = load_yaml("service_actions.yaml")
    settlement = svc.get("settlement") or {}
    lists: _Lists = {}
    places = []
    for kind in PLACE_KINDS:
        regex = _words_regex(_as_list((svc.get("places") or {}).get(kind), f"places.{kind}"), f"places.{kind}", lists)
        if regex is not None:
            places.append((regex, kind))
    general = tuple(
        GeneralCue(_pattern_cue(e["pattern"], f"services.yaml general[{i}]", lists), bool(e.get("check_specific")),
                   bool(e.get("own_business")))
        for i, e in enumerate(_as_list(svc.get("general"), "services.yaml general"))
    )
    audiences = []
    for audience, words in (act.get("audiences") or {}).items():
        if audience not in AUDIENCES:
            raise RulesError(f"service_actions.yaml audiences: unknown audience {audience!r}")
        regex = _words_regex(_as_list(words, f"audiences.{audience}"), f"audiences.{audience}", lists)
        if regex is not None:
            audiences.append((regex, audience))
    exception = _compile(act["exception"], "service_actions.yaml exception")
    if "zone" not in exception.groupindex:
        raise RulesError("service_actions.yaml exception: needs a named group 'zone'")
    components = _words_regex(_as_list(act.get("components"), "components"), "components", lists)
    objects = _objects(svc, lists)
    before_neutral, actions = _actions(act, "before_neutral", lists), _actions(act, "actions", lists)
    neutral = tuple(_cue(e["pattern"], f"service_actions.yaml neutral[{i}]")
                    for i, e in enumerate(_as_list(act.get("neutral"), "neutral")))
    title_line = _compile(act["title_line"], "service_actions.yaml title_line", re.MULTILINE)
    conditions = [c for cue in objects for c in (cue.when, cue.unless) if c is not None]
    gates: dict[Cue, Gated] = {c: gated(c) for c in (*neutral, title_line, *conditions)}
    cue_set, tables = _cue_set({
        "before_neutral": [cue.regex for cue in before_neutral],
        "actions": [cue.regex for cue in actions],
        "objects": [cue.regex for cue in objects],
        "general": [cue.regex for cue in general],
        "places": [regex for regex, _ in places],
        "audiences": [regex for regex, _ in audiences],
        "components": [components] if components is not None else [],
    }, lists, gates)
    return ServiceRules(
        objects=objects,
        general=general,
        settlement_specific=frozenset(_codes(settlement.get("specific"), "services.yaml settlement.specific")),
        expansion=_expansion(svc),
        places=tuple(places),
        aside_scope_codes=frozenset(_codes(svc.get("aside_scope_codes"), "services.yaml aside_scope_codes")),
        inclusive_aside=_inclusive_aside(svc),
        online_qualifier=_compile(svc["online_qualifier"], "services.yaml online_qualifier"),
        defined_terms=_defined_terms(svc),
        neutral=neutral,
        before_neutral=before_neutral,
        actions=actions,
        exception=exception,
        title_line=title_line,
        audiences=tuple(audiences),
        components=components,
        cue_set=cue_set,
        gates=gates,
        tables=tables,
        conditional_objects=tuple(n for n, cue in enumerate(objects) if cue.when is not None or cue.unless is not None),
        steps=_steps(svc),
        schedule_header=_compile(act["schedule_header"], "service_actions.yaml schedule_header"),
        schedule_time=_compile(act["schedule_time"], "service_actions.yaml schedule_time"),
        venue=_venue(svc),
        general_after_object=_compile(svc["general_after_object"], "services.yaml general_after_object"),
        own_predicate=_compile(act["own_predicate"], "service_actions.yaml own_predicate"),
        channel_business=_channel_business(svc),
    )
