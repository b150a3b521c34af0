"""Service extraction: what a notice suspends, for whom, and what people are told to do.

Pipeline (each step its own module): :mod:`pipeline.services.clauses` splits the body into clauses
and phrases, :mod:`pipeline.services.cues` finds cue words (rules in ``rules/services.yaml`` and
``rules/service_actions.yaml``, compiled by :mod:`pipeline.services.rules` and scanned quickly by
:mod:`pipeline.cuescan`), :mod:`pipeline.services.reading` decides which action governs
which service, and :mod:`pipeline.services.timing` ties facts to the notice's time rows.

Row conventions (SPEC.md "services.parquet"):

* a deadline (finish it before the stop) or a workaround (pay first, settle later) gives its own
  row AND a ``suspended`` row: the service is down meanwhile. A resumption gives only its
  ``resumed`` row: a resume alone states no stop (SPEC lists deadlines and workarounds only);
* a service the notice explicitly keeps open (不受影响, 正常办理, 除...外) loses its ``suspended``
  rows unless some clause stops that very service directly (a stop verb governing its own cue
  word, not a settlement expanded by place nor a row implied by a deadline/workaround);
  a keep-open of one step of a service (入院 is admission: ``steps`` in ``rules/services.yaml``)
  drops only the rows of that step, so 入院不受影响 leaves a deferred 出院结算 suspended;
* one row per (service, action, clause); ``evidence`` is the phrase run from the object to the
  action word, ``text[span_start:span_end]``.
"""

from __future__ import annotations

import logging

from ..records import ServiceFact, TimeWindow
from ..ruledata import service_codes
from .clauses import Clause, phrase_index, split_clauses
from .cues import CueMap, find_cues
from .reading import Reading, read_service_clauses
from .rules import service_rules
from .timing import FactTime, WindowIndex, attach, clause_time

__all__ = ["extract_services", "attach_services"]

log = logging.getLogger(__name__)

# Actions that also mean the service is down meanwhile (SPEC: deadline and workaround; a resumption
# alone states no stop).
_IMPLIES_STOP = ("deadline", "workaround")
_WITH_INSTRUCTION = ("deadline", "workaround")
_INSTRUCTION_MAX = 60  # characters kept of an instruction
_INSTRUCTION_MIN = 6  # a shorter cue phrase (2021年9月13日19时前) borrows the rest of the clause
_TRIM = " \t\u3000,:;。、"


def extract_services(text: str, windows: list[TimeWindow]) -> list[ServiceFact]:
    """Service facts of a notice body.

    Args:
        text: the notice's ``body_text`` after :func:`pipeline.normalize.normalize_text`
            (simplified, half-width).
        windows: the time rows of the same text (:func:`pipeline.times.extract_windows`); may be
            empty, in which case every fact's ``start``/``end`` is None.

    Returns:
        One :class:`ServiceFact` per (service, action, clause), in text order. Never raises on odd
        text: nothing found is ``[]``.
    """
    if not text or not text.strip():
        return []
    rules = service_rules()
    clauses = split_clauses(text)
    cues = find_cues(text, rules)
    readings = read_service_clauses(text, clauses, cues, rules)
    facts = _facts(text, readings, cues, WindowIndex(windows or []), rules.steps)
    log.debug("services: %d clauses, %d readings, %d facts", len(clauses), len(readings), len(facts))
    return facts


def attach_services(windows: list[TimeWindow], facts: list[ServiceFact]) -> None:
    """Fill ``TimeWindow.services`` with the codes each window applies to (in place).

    A window takes the services of the facts whose clause states it (its span lies inside the
    fact's evidence) or that were tied to it (same start, end and component) and whose action fits
    its kind (resume rows take resumptions, deadline rows deadlines, other rows stops); the
    ``downtime`` row takes every suspended service that is untimed or starts before it ends.
    """
    attach(windows, facts)


def _facts(text: str, readings: list[Reading], cues: CueMap, windows: WindowIndex,
           steps: dict[str, str]) -> list[ServiceFact]:
    """Rows from readings: implied stops added, keep-open overrides applied, one per clause."""
    kept_open = _kept_open_steps(text, readings, steps)
    stopped_directly = {r.code for r in readings if r.strong}
    seen: set[tuple[str, str, int]] = set()  # (code, action, clause start): one row each
    facts: list[ServiceFact] = []
    for r in readings:
        for action in _row_actions(r):
            if action == "suspended" and r.code not in stopped_directly and _kept_open(text, r, kept_open, steps):
                continue
            if (r.code, action, r.clause.start) in seen:
                continue
            seen.add((r.code, action, r.clause.start))
            facts.append(_fact(text, r, action, cues, windows))
    order = {code: i for i, code in enumerate(service_codes())}  # rows of one span: taxonomy order
    facts.sort(key=lambda f: (f.span_start, order.get(f.service, 99), f.action))
    return facts


def _kept_open_steps(text: str, readings: list[Reading], steps: dict[str, str]) -> dict[str, set[str | None]]:
    """Code -> the steps the notice keeps open (None: the whole service); 入院不受影响 keeps admission open only."""
    kept_open: dict[str, set[str | None]] = {}
    for r in readings:
        if r.action == "open":
            kept_open.setdefault(r.code, set()).add(steps.get(text[r.obj.start:r.obj.end]))
    return kept_open


def _row_actions(r: Reading) -> list[str]:
    """The row actions of a reading: its own, plus ``suspended`` where it implies a stop; none for a keep-open."""
    if r.action == "open":
        return []
    return [r.action, "suspended"] if r.action in _IMPLIES_STOP else [r.action]


def _kept_open(text: str, r: Reading, kept_open: dict[str, set[str | None]], steps: dict[str, str]) -> bool:
    """Whether the notice keeps open what ``r`` stops: the whole service, or the step it names."""
    open_steps = kept_open.get(r.code)
    if not open_steps:
        return False
    return None in open_steps or steps.get(text[r.obj.start:r.obj.end]) in open_steps


def _fact(text: str, r: Reading, action: str, cues: CueMap, windows: WindowIndex) -> ServiceFact:
    """One row for reading ``r`` as ``action``: evidence, time, audience, instruction, component."""
    s, e = _trim(text, *r.span)
    named = _component(r.clause, cues)
    when = _when(r, action, named, windows)
    return ServiceFact(
        service=r.code,
        action=action,
        span_start=s,
        span_end=e,
        evidence=text[s:e],
        start=when.start,
        end=when.end,
        audience=_audience(r, cues),
        instruction=_instruction(text, r, action),
        component=when.component or named,
    )


def _when(r: Reading, action: str, component: str | None, windows: WindowIndex) -> FactTime:
    """Times of a row; a stop implied by a deadline starts when the deadline passes."""
    if not windows:
        return FactTime()
    if action == "suspended" and r.action == "deadline":
        t = clause_time(r.clause, r.action, r.cue.start, component, windows)
        return FactTime(start=t.end, component=t.component)
    return clause_time(r.clause, action, r.cue.start, component, windows)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Span without surrounding blanks and separators (kept non-empty)."""
    s0, e0 = s, e
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e > s else (s0, e0)


def _audience(r: Reading, cues: CueMap) -> str | None:
    """Audience from the clause subject: the nearest audience word before the action, else the first after it."""
    inside = cues.within("audiences", r.clause.start, r.clause.end)
    before = [h for h in inside if h.start < r.cue.start]
    if before:
        return before[-1].label
    after = [h for h in inside if h.start >= r.cue.start]
    return after[0].label if after else None


def _instruction(text: str, r: Reading, action: str) -> str | None:
    """What people are told to do, for workaround and deadline rows.

    A workaround's instruction starts at its cue (先行垫付医疗费用); a deadline's follows its cue
    (10月19日17时前 -> 办理出院结算手续). Both run to the end of the phrase, or of the clause when
    the phrase holds too little.
    """
    c, cue = r.clause, r.cue
    if action not in _WITH_INSTRUCTION or r.action != action or not (c.start <= cue.start < c.end):
        return None
    begin = cue.start if action == "workaround" else cue.end
    p_end = c.phrases[phrase_index(c, cue.start)].end
    words = text[begin:p_end].strip(_TRIM)
    if len(words) < _INSTRUCTION_MIN:
        words = text[begin:c.end].strip(_TRIM)
    return words[:_INSTRUCTION_MAX] or None


def _component(clause: Clause, cues: CueMap) -> str | None:
    """A component word (支付端) stated in the clause, if any."""
    inside = cues.within("components", clause.start, clause.end)
    return inside[0].label if inside else None
