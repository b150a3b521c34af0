"""Faster forms in the services extractor give exactly what their plain definitions give.

The services stage was sped up without changing one output. Where a regex was rewritten, a search
clause by clause became one pass over the text, or per-clause work is shared between rows, the
plain definition is kept here and both run on the corpora and on generated text: any difference
is a bug in the fast form.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.services import clauses as service_clauses
from pipeline.services import extract as services
from pipeline.services import reading as service_reading
from pipeline.normalize import normalize_text
from pipeline.records import ServiceFact
from pipeline.services.clauses import split_clauses
from pipeline.services.cues import CueMap, find_cues
from pipeline.services.reading import Reading, read_service_clauses
from pipeline.ruledata import service_codes
from pipeline.services.rules import service_rules
from pipeline.services.timing import WindowIndex
from pipeline.times import extract_windows

from corpora import labeled_text_paths

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXTS = [normalize_text(p.read_text(encoding="utf-8")) for p in labeled_text_paths() if p.suffix == ".txt"]

# Text built from what the clause splitter reads: clause ends, separators, clock colons, brackets,
# item markers, blanks.
_clause_text = st.lists(st.sampled_from(["。", ";", "\n", "!", "?", ",", ":", "18:00", "1:", ":3", "(", ")", "(一)",
                                         "一、", "2.", "①", " ", "\u3000", "\t", "医保", "暂停", "9",
                                         "\u0663", "²", "⑳"]),
                        max_size=30).map("".join)


def test_corpus_texts_are_here() -> None:
    assert len(TEXTS) >= 60, "the checks below ran on the corpora"


# --- phrase separators: one class first, one pass per text ----------------------------------------

_PLAIN_SEP = re.compile(r",|(?<!\d):(?!\d)")


def _plain_phrases(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The definition: separators searched within the clause, none inside a bracket pair."""
    zones = service_clauses.bracket_zones(text, start, end)
    cuts = [m.start() for m in _PLAIN_SEP.finditer(text, start, end)
            if not any(s <= m.start() < e for s, e in zones)]
    out, left = [], start
    for cut in cuts:
        if cut > left:
            out.append((left, cut))
        left = cut + 1
    if end > left:
        out.append((left, end))
    return tuple(out) or ((start, end),)


def _phrases_agree(text: str) -> None:
    assert service_clauses._separators(text) == [m.start() for m in _PLAIN_SEP.finditer(text)]
    for c in split_clauses(text):
        assert c.phrases == _plain_phrases(text, c.start, c.end), text[c.start:c.end]
        assert service_clauses._phrases(text, c.start, c.end) == c.phrases
        assert c.phrase_starts == tuple(p[0] for p in c.phrases)
        # the marker match runs only on clauses opening with a character a marker can start with
        assert c.marker_level == service_clauses._marker(text, c.start, c.end), text[c.start:c.end]


def test_phrases_corpus() -> None:
    for text in TEXTS:
        _phrases_agree(text)


@FAST
@given(_clause_text)
def test_phrases_generated(text: str) -> None:
    _phrases_agree(text)


# --- rows: the parts shared by the rows of one clause and cue -------------------------------------

def _plain_audience(r: Reading, cues: CueMap) -> str | None:
    """The definition: the nearest audience word before the action, else the first after it."""
    inside = [h for h in cues.audiences if r.clause.start <= h.start < r.clause.end]
    before = [h for h in inside if h.start < r.cue.start]
    if before:
        return before[-1].label
    after = [h for h in inside if h.start >= r.cue.start]
    return after[0].label if after else None


def _plain_row(text: str, r: Reading, action: str, cues: CueMap, windows: WindowIndex) -> ServiceFact:
    """The definition: every part of a row computed for that row alone."""
    s, e = services._trim(text, *r.span)
    named = services._component(r.clause, cues)
    when = services._when(r, action, named, windows)
    return ServiceFact(service=r.code, action=action, span_start=s, span_end=e, evidence=text[s:e],
                       start=when.start, end=when.end, audience=_plain_audience(r, cues),
                       instruction=services._instruction(text, r, action), component=when.component or named)


def _plain_facts(text: str, readings: list[Reading], cues: CueMap, windows: WindowIndex,
                 steps: dict[str, str]) -> list[ServiceFact]:
    """The definition of services._facts, each row built on its own."""
    kept_open: dict[str, set[str | None]] = {}
    for r in readings:
        if r.action == "open":
            kept_open.setdefault(r.code, set()).add(steps.get(text[r.obj.start:r.obj.end]))
    stopped_directly = {r.code for r in readings if r.strong}
    seen: set[tuple[str, str, int]] = set()
    facts: list[ServiceFact] = []
    for r in readings:
        if r.action == "open":
            continue
        for action in [r.action, "suspended"] if r.action in services._IMPLIES_STOP else [r.action]:
            if (action == "suspended" and r.code not in stopped_directly
                    and services._kept_open(text, r, kept_open, steps)):
                continue
            key = (r.code, action, r.clause.start)
            if key not in seen:
                seen.add(key)
                facts.append(_plain_row(text, r, action, cues, windows))
    order = {code: i for i, code in enumerate(service_codes())}
    facts.sort(key=lambda f: (f.span_start, order.get(f.service, 99), f.action))
    return facts


def _rows_agree(text: str) -> int:
    rules = service_rules()
    index = WindowIndex(extract_windows(text, None))
    cues = find_cues(text, rules)
    readings = read_service_clauses(text, split_clauses(text), cues, rules)
    facts = services._facts(text, readings, cues, index, rules.steps)
    assert facts == _plain_facts(text, readings, cues, index, rules.steps)
    return len(facts)


def test_rows_corpus() -> None:
    assert sum(_rows_agree(text) for text in TEXTS) > 500, "the corpus notices state services"


# --- clauses that can give no reading are not read ----------------------------------------------

def _readings_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = service_rules()
    clauses, cues = split_clauses(text), find_cues(text, rules)
    fast = read_service_clauses(text, clauses, cues, rules)
    with monkeypatch.context() as m:  # the definition: every clause with a cue is read
        m.setattr(service_reading, "_reads_nothing", lambda *args: False)
        plain = read_service_clauses(text, clauses, cues, rules)
    assert fast == plain


def test_skipped_clauses_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    skipped = 0
    for text in TEXTS:
        _readings_agree(text, monkeypatch)
        cues = find_cues(text)
        skipped += sum(service_reading._reads_nothing(c, cues.within("actions", c.start, c.end),
                                                      cues.within("objects", c.start, c.end), None, cues.exceptions)
                       for c in split_clauses(text))
    assert skipped > 50, "the corpora have clauses that are skipped"


_reading_text = st.lists(st.sampled_from(["暂停", "医保结算", "住院", "门诊", "不受影响", "除", "外", "(", ")", ":", "\n",
                                          "一、", "停机时间", "9:00", ",", "。", "先行垫付", "恢复", "异地就医", "、",
                                          "除门诊结算外"]),
                         max_size=30).map("".join)


@FAST
@given(_reading_text)
def test_skipped_clauses_generated(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _readings_agree(text, monkeypatch)


SKIP_CASES = [
    pytest.param("除门诊结算外。其他业务暂停。", id="exception-zone-without-verb"),
    pytest.param("一、暂停办理:\n住院结算\n门诊结算", id="heading-without-object"),
    pytest.param("停机时间:\n9:00住院结算", id="schedule-row"),
]


@pytest.mark.parametrize("text", SKIP_CASES)
def test_skipped_clauses_cases(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_agree(text, monkeypatch)
    assert read_service_clauses(text, split_clauses(text), find_cues(text), service_rules()), "the case has readings"
