"""The fast scanning of the services extractor gives exactly what the plain regexes give.

``pipeline.service_scan`` compiles cue regexes with a first-character prefilter, and
``service_clauses`` finds clause ends, item markers and brackets with faster forms of its
regexes. Speed must not change a single span: every rules pattern is checked against its plain
form on both labeled corpora and on generated text, and the clause helpers against their plain
definitions (the character loop of brackets, the list of marker regexes tried in order).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.ruledata import load_yaml
from pipeline.service_clauses import bracket_zones, split_clauses
from pipeline.service_rules import service_rules
from pipeline.service_scan import compile_cue, first_chars, matches, spans

from corpora import own_text_paths, shared_text_paths

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain_spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    """The definition: the plain pattern's match at every start position, empty ones skipped."""
    regex = re.compile(pattern, flags)
    out = []
    for i in range(len(text) + 1):
        m = regex.match(text, i)
        if m and m.end() > m.start():
            out.append(m.span())
    return out


def _plain_matches(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags) if m.end() > m.start()]


def _rule_patterns() -> list[tuple[str, int]]:
    """Every regex pattern of the two services rules files (words lists as their alternation)."""
    svc, act = load_yaml("services.yaml"), load_yaml("service_actions.yaml")
    pats: list[str] = [e["pattern"] for e in svc["compounds"]] + [e["pattern"] for e in svc["general"]]
    pats += svc["settlement"]["patterns"]
    for entry in svc["codes"].values():
        pats += entry.get("patterns") or []
    for entry in act["actions"] + act["before_neutral"]:
        pats += entry.get("patterns") or []
    pats += [e["pattern"] for e in act["neutral"]]
    out = [(p, 0) for p in pats] + [(act["title_line"], re.MULTILINE)]
    words: list[list[Any]] = [e.get("words") or [] for e in svc["codes"].values()]
    words += [e.get("words") or [] for e in act["actions"]]
    words += list(svc["places"].values()) + list(act["audiences"].values()) + [act["components"]]
    out += [("|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True)), 0) for ws in words if ws]
    return out


PATTERNS = _rule_patterns()
CORPUS_TEXTS = [normalize_text(p.read_text(encoding="utf-8"))
                for p in own_text_paths() + shared_text_paths() if p.suffix == ".txt"]
# Generated text built from the characters the rules care about, so the patterns fire often.
ALPHABET = sorted({ch for p, _ in PATTERNS for ch in p if "\u4e00" <= ch <= "\u9fff"} | set("0123456789:,。;()\n 、前"))
rule_text = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)


# --- the prefilter: which patterns get one ------------------------------------------------------

FIRST_CHARS = [
    pytest.param("(?:费用)?结算申报", "结费", id="optional-prefix"),
    pytest.param("(?:先行|可先)?(?:全额)?垫付", "先全可垫", id="stacked-optional-prefixes"),
    pytest.param("(?<!待遇)核定", "核", id="lookbehind-is-zero-width"),
    pytest.param(r"(?:\d{1,2}日|停机)前", r"\d停", id="digit-category-kept-as-class"),
    pytest.param("医保费|社保费|缴费", None, id="word-list-engine-finds-it"),
    pytest.param("[省市]外就医", None, id="leading-class-engine-finds-it"),
    pytest.param("[^,]{0,3}?对账", None, id="negated-class-unbounded"),
    pytest.param(".对账", None, id="any-char-unbounded"),
    pytest.param("(?:对账)?", None, id="can-match-empty"),
]


@pytest.mark.parametrize(("pattern", "expected"), FIRST_CHARS)
def test_first_chars(pattern: str, expected: str | None) -> None:
    assert first_chars(pattern) == expected


def test_slow_rule_patterns_get_a_prefilter() -> None:
    rules = service_rules()
    prefiltered = [c.regex for c in (*rules.objects, *rules.actions, *rules.general)
                   if c.regex.pattern.startswith("[") and "(?<=(?=(" in c.regex.pattern]
    assert len(prefiltered) >= 5, "optional-prefix patterns (住院备案, 垫付, 结算申报 ...) are prefiltered"


# --- identical spans -----------------------------------------------------------------------------

@pytest.mark.parametrize(("pattern", "flags"), PATTERNS, ids=[f"rule{i}" for i in range(len(PATTERNS))])
def test_rule_pattern_spans_equal_plain_on_the_corpora(pattern: str, flags: int) -> None:
    regex = compile_cue(pattern, flags)
    for text in CORPUS_TEXTS:
        assert spans(regex, text) == _plain_spans(pattern, text, flags)
        assert matches(regex, text) == _plain_matches(pattern, text, flags)


@FAST
@given(st.sampled_from(PATTERNS), rule_text)
def test_rule_pattern_spans_equal_plain_on_generated_text(case: tuple[str, int], text: str) -> None:
    pattern, flags = case
    regex = compile_cue(pattern, flags)
    assert spans(regex, text) == _plain_spans(pattern, text, flags)
    assert matches(regex, text) == _plain_matches(pattern, text, flags)


def test_nothing_found_is_empty() -> None:
    regex = compile_cue("(?:费用)?结算申报")
    assert spans(regex, "") == [] and matches(regex, "") == []
    assert spans(regex, "暂停门诊结算") == []


# --- clause helpers ------------------------------------------------------------------------------

def _plain_brackets(text: str) -> list[tuple[int, int]]:
    """The definition: a bracket opened again drops the earlier one; a line break drops it too."""
    zones, opened = [], None
    for i, ch in enumerate(text):
        if ch == "(":
            opened = i + 1
        elif ch == ")" and opened is not None:
            zones.append((opened, i))
            opened = None
        elif ch == "\n":
            opened = None
    return zones


bracket_text = st.text(alphabet=st.sampled_from(list("()\n医,a")), max_size=30)


@FAST
@given(bracket_text)
def test_bracket_zones_equal_the_character_loop(text: str) -> None:
    assert bracket_zones(text) == _plain_brackets(text)


_PLAIN_END = re.compile(r"[。;；\n]|(?<![?!])[!?！？](?![?!])")
_PLAIN_MARKERS = (
    (re.compile(r"[一二三四五六七八九十]{1,3}、"), 1),
    (re.compile(r"\([一二三四五六七八九十]{1,3}\)"), 2),
    (re.compile(r"\d{1,2}[.、]"), 3),
    (re.compile(r"\d(?=[\u4e00-\u9fff])(?![年月日时点号])"), 3),
    (re.compile(r"[①-⑳]|\(\d{1,2}\)"), 4),
)
clause_text = st.lists(st.sampled_from(["。", ";", "\n", "!", "?", "?!", "一、", "(二)", "3.", "4如", "5月", "①", "(6)",
                                        " ", "医保", ",", ":"]), max_size=20).map("".join)


@FAST
@given(clause_text)
def test_clauses_end_and_open_as_the_plain_rules_say(text: str) -> None:
    clauses = split_clauses(text)
    for c in clauses:  # a clause never holds a clause end, and its level is the first marker that matches
        assert not _PLAIN_END.search(text, c.start, c.end)
        level = next((lvl for rx, lvl in _PLAIN_MARKERS if rx.match(text, c.start, c.end)), None)
        assert c.marker_level == level
    ends = [m.start() for m in _PLAIN_END.finditer(text)]
    assert len(clauses) <= len(ends) + 1


def test_corpus_texts_are_here() -> None:
    assert len(CORPUS_TEXTS) >= 40, "the span checks above ran on both corpora"
