"""pipeline.cuescan finds what its definitions say, on the rules' own cues, the corpora and generated text.

- ``spans``: a cue's match at every start position (overlapping), non-empty, found by the regex
  module as re finds it;
- ``iter_matches``/``matches``: finditer's non-empty matches;
- ``WordLists``: for every word list, the spans of its alternation (longest word first), from one
  Aho-Corasick pass;
- ``prefiltered``: the same matches as the bare pattern, when the first-character class is right
  (contacts' number shapes and masks, the page's info labels);
- ``required_literals``: a text a rules pattern matches in holds a word of every set it gives (the
  services cues, the page's relay sentences), and the rules' cues do get sets.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.contacts import numbers
from pipeline.contacts.rules import contact_rules
from pipeline.cuescan import (CueSet, Gated, WordLists, compile_cue, gated, iter_matches, matches, prefiltered,
                              required_literals, spans)
from pipeline.normalize import normalize_text
from pipeline.page.rules import page_rules
from pipeline.ruledata import load_yaml
from pipeline.services.rules import service_rules

from corpora import labeled_text_paths

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _rule_patterns() -> list[tuple[str, int]]:
    """Every regex pattern of the two services rules files (word lists as their alternation)."""
    svc, act = load_yaml("services.yaml"), load_yaml("service_actions.yaml")
    pats: list[str] = [e["pattern"] for e in svc["compounds"]] + [e["pattern"] for e in svc["general"]]
    pats += svc["settlement"]["patterns"]
    for entry in svc["codes"].values():
        pats += entry.get("patterns") or []
    for entry in act["actions"] + act["before_neutral"]:
        pats += entry.get("patterns") or []
    pats += [e["pattern"] for e in act["neutral"]]
    out = [(p, 0) for p in pats] + [(act["title_line"], re.MULTILINE)]
    out += [("|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True)), 0) for ws in _word_lists() if ws]
    return out


def _word_lists() -> list[list[Any]]:
    svc, act = load_yaml("services.yaml"), load_yaml("service_actions.yaml")
    words: list[list[Any]] = [e.get("words") or [] for e in svc["codes"].values()]
    words += [e.get("words") or [] for e in act["actions"]]
    return words + list(svc["places"].values()) + list(act["audiences"].values()) + [act["components"]]


PATTERNS = _rule_patterns()
TEXTS = [normalize_text(p.read_text(encoding="utf-8")) for p in labeled_text_paths() if p.suffix == ".txt"]
# Generated text from the rules' characters and words (and pieces of them), so cues fire often.
ALPHABET = sorted({ch for p, _ in PATTERNS for ch in p if "\u4e00" <= ch <= "\u9fff"} | set("0123456789:,。;()\n 、前"))
WORDS = sorted({w[:k] for ws in _word_lists() for w in ws for k in (1, 2, len(w))})
rule_text = st.one_of(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60),
                      st.lists(st.sampled_from(WORDS + list(",。\n()前后")), max_size=30).map("".join))


def test_corpus_texts_are_here() -> None:
    assert len(TEXTS) >= 60 and len(PATTERNS) >= 80, "the checks below ran on the corpora and the rules"


def _plain_matches(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags) if m.end() > m.start()]


def _every_start(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    """The definition of spans, with re: the match at each start position, empty ones skipped."""
    regex = re.compile(pattern, flags)
    return [m.span() for i in range(len(text)) if (m := regex.match(text, i)) and m.end() > i]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS, ids=[f"rule{i}" for i in range(len(PATTERNS))])
def test_rule_cues_on_the_corpora(pattern: str, flags: int) -> None:
    cue = compile_cue(pattern, flags)
    for text in TEXTS:
        assert spans(cue, text) == _every_start(pattern, text, flags)
        assert matches(cue, text) == _plain_matches(pattern, text, flags)


@FAST
@given(st.sampled_from(PATTERNS), rule_text)
def test_rule_cues_on_generated_text(case: tuple[str, int], text: str) -> None:
    pattern, flags = case
    cue = compile_cue(pattern, flags)
    assert spans(cue, text) == _every_start(pattern, text, flags)
    assert matches(cue, text) == _plain_matches(pattern, text, flags)


def test_nothing_found_is_empty() -> None:
    cue = compile_cue("(?:费用)?结算申报")
    assert spans(cue, "") == [] and matches(cue, "") == []
    assert spans(cue, "暂停门诊结算") == []
    assert spans(cue, "费用结算申报") == [(0, 6), (2, 6)]  # every start: the overlapping one too


# --- word lists: one automaton pass, each list's alternation -------------------------------------

CUE_SET = service_rules().cue_set


def _cue_set_agrees(text: str) -> None:
    found = CUE_SET.scan(text)
    for i, cue in enumerate(CUE_SET.cues):
        assert found.get(i, []) == _every_start(cue.pattern, text), cue.pattern


def test_cue_set_corpus() -> None:
    """Every cue of the services tables, word lists in one pass and the rest searched, as spans finds it."""
    assert len(CUE_SET.cues) >= 100
    for text in TEXTS:
        _cue_set_agrees(text)


@FAST
@given(rule_text)
def test_cue_set_generated(text: str) -> None:
    _cue_set_agrees(text)


def test_cue_set_skips_what_it_is_told_to() -> None:
    cues = CueSet([compile_cue("医保卡|社保卡"), compile_cue("(?:费用)?结算"), compile_cue("医保")], {"医保卡|社保卡": ["医保卡", "社保卡"]})
    assert cues.scan("医保卡结算") == {0: [(0, 3)], 1: [(3, 5)], 2: [(0, 2)]}
    assert cues.scan("医保卡结算", skip={0, 1}) == {2: [(0, 2)]}
    assert cues.scan("") == {}


def test_word_lists_keep_the_longest_word_of_each_list() -> None:
    lists = WordLists({"a": ["医保", "医保卡"], "b": ["医保"], "c": []})
    assert lists.spans("医保卡,医保") == {"a": [(0, 3), (4, 6)], "b": [(0, 2), (4, 6)], "c": []}
    assert lists.found("医保卡,医保") == {"a": [(0, 3), (4, 6)], "b": [(0, 2), (4, 6)]}


# --- prefiltered: hand-written first-character classes -------------------------------------------

def _number_pattern() -> str:
    words = "|".join(re.escape(w) for w in sorted(contact_rules().extension_words, key=len, reverse=True))
    return numbers._NUMBER_PATTERN.replace("EXTWORDS", words)


PREFILTERED = [
    (_number_pattern(), numbers.NUMBER_FIRST, re.VERBOSE),
    (numbers._MASK_PATTERN, numbers.MASK_FIRST, re.VERBOSE | re.IGNORECASE),
]
_phoneish = st.lists(st.sampled_from(list("0123456789０１２３４５６７８９()（）+-— 转分机.,:@/abwWcnomg") +
                                     ["www.", "http://", ".com", ".cn", "12333", "0350-", "(0771)", "+86"]),
                     max_size=30).map("".join)


def _prefiltered_agree(text: str) -> None:
    for pattern, first, flags in PREFILTERED:
        got = [m.span(1) for m in iter_matches(prefiltered(pattern, first, flags), text, 1)]
        assert got == _plain_matches(pattern, text, flags), pattern[:40]


def test_prefiltered_corpus() -> None:
    for text in TEXTS:
        _prefiltered_agree(text)


@FAST
@given(st.one_of(_phoneish, rule_text))
def test_prefiltered_generated(text: str) -> None:
    _prefiltered_agree(text)


# --- WordCount: the sum of str.count over the words ------------------------------------------------

from pipeline.cuescan import WordCount  # noqa: E402
from pipeline.places import _index as places_index  # noqa: E402

COUNT_LISTS = [places_index().city_cues, places_index().province_cues, places_index().county_cues,
               ("市", "市市", "全市"), ("aba", "a"), ("市", "市"), ("ab", "", "b")]
_count_text = st.lists(st.sampled_from(sorted({w[:k] for ws in COUNT_LISTS for w in ws for k in range(1, len(w) + 1)})
                                       + ["a", "b", "。", "\n"]), max_size=20).map("".join)


def _counts_agree(text: str) -> None:
    for words in COUNT_LISTS:
        assert WordCount(words).count(text) == sum(text.count(w) for w in words), (words, text)


def test_word_count_corpus() -> None:
    for text in TEXTS:
        _counts_agree(text)


@FAST
@given(_count_text)
def test_word_count_generated(text: str) -> None:
    _counts_agree(text)


# --- required literals: every text a pattern matches in holds a word of each set -------------------

def _page_gates() -> list[Gated]:
    r = page_rules()
    return [r.body_published, r.body_issuers, *r.relays]


# The rules' patterns, the page's relay sentences, and the gates of the services rules (neutral
# cues, title line, domain conditions), with the flags they are compiled with.
LITERAL_CASES: list[tuple[str, int]] = list(dict.fromkeys(
    PATTERNS + [(g.cue.pattern, g.cue.flags & re.MULTILINE) for g in [*_page_gates(), *service_rules().gates.values()]]))
LITERAL_NEEDS = [required_literals(p, f) for p, f in LITERAL_CASES]
# Generated text from the words the sets hold (and their first characters), the rules' characters
# and separators, so that the patterns match often.
_needed_words = sorted({w[:k] for needs in LITERAL_NEEDS for words in needs for w in words for k in (1, len(w))})
literal_text = st.one_of(rule_text, st.lists(st.sampled_from(_needed_words + ALPHABET[:400] + list(",。:\n、记者市局")),
                                              max_size=40).map("".join))


def _holds_needs(pattern: str, flags: int, needs: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether the claim holds on ``text``: no match, or a word of every set in the text. True if it matched."""
    if re.search(pattern, text, flags) is None:
        return False
    missing = [sorted(words) for words in needs if not any(w in text for w in words)]
    assert not missing, (pattern[:60], missing)
    return True


def test_required_literals_on_the_corpora() -> None:
    matched = 0
    for (pattern, flags), needs in zip(LITERAL_CASES, LITERAL_NEEDS):
        for text in TEXTS:
            matched += _holds_needs(pattern, flags, needs, text)
    assert matched >= 1000, "the claim was checked where the patterns match"


@FAST
@given(st.sampled_from(range(len(LITERAL_CASES))), literal_text)
def test_required_literals_on_generated_text(n: int, text: str) -> None:
    pattern, flags = LITERAL_CASES[n]
    _holds_needs(pattern, flags, LITERAL_NEEDS[n], text)


def test_rule_cues_get_required_literals() -> None:
    """The parser (a private module of the standard library) still reads every searched cue of the
    services tables and the page's relay sentences: a fallback to no prefilter would show here."""
    searched = [cue for i, cue in enumerate(CUE_SET.cues) if i not in CUE_SET._lists.keys]  # not word lists
    assert all(required_literals(cue.pattern, cue.flags) for cue in searched)
    assert all(g.needs for g in _page_gates()) and all(g.needs for g in service_rules().gates.values())


def test_required_literals_by_construction() -> None:
    assert required_literals("(?:先行|先)?(?:全额)?垫付") == (frozenset({"垫付"}),)
    assert required_literals(r"(?:征缴|税务)[^,。;:\n]{0,10}?对账") == (frozenset({"对账"}), frozenset({"征缴", "税务"}))
    assert required_literals("线下(?=办理|受理)") == (frozenset({"线下"}), frozenset({"办理", "受理"}))  # a lookahead's words
    assert required_literals("[省市]外就医") == (frozenset({"省外就医", "市外就医"}),)  # a small class: its characters
    assert required_literals("刷卡(?:业务|服务)") == (frozenset({"刷卡业务", "刷卡服务"}),)  # {业务, 服务} implied by it
    assert required_literals("(?<!不)影响|无") == (frozenset({"影响", "无"}),)  # a branch: the union
    assert required_literals("a(?!b)c") == (frozenset({"ac"}),)  # a negative lookaround needs nothing, joins its neighbours
    # nothing known: an optional part only, a branch needing nothing, a case-insensitive pattern, a bad pattern
    assert required_literals("(?:费用)?") == ()
    assert required_literals(r"结算|\d+") == ()
    assert required_literals("app", re.IGNORECASE) == () and required_literals("(?i:app)") == ()
    assert required_literals("(") == ()


def test_gated_admits_only_texts_with_the_words() -> None:
    gate = gated(compile_cue("记者(?:从|自)[^,。]{2,10}?(?:获悉|得知)"))
    assert gate.admits("记者从某市医保局获悉") and gate.admits("记者自...得知")  # the words, not a match
    assert not gate.admits("记者在某市医保局获悉") and not gate.admits("")
    assert gated(compile_cue(r"\d+")).admits("")  # no words needed: every text is searched


def test_cue_set_searches_only_where_the_words_are() -> None:
    also = gated(compile_cue("另行通知"))
    cues = CueSet([compile_cue("(?:先行|先)?垫付"), compile_cue(r"\d+时")], {}, also=[also])
    assert cues.scan("请先行垫付,10时") == {0: [(1, 5), (3, 5)], 1: [(6, 9), (7, 9)]}
    assert cues.scan("请先行") == {}
    assert cues.present("垫付时间另行通知") == {"垫付", "时", "另行通知"}  # the words of every cue, also's too
    assert also.admitted(cues.present("另行通知")) and not also.admitted(cues.present("另行"))
