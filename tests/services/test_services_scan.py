"""The clause helpers of the services extractor give exactly what their plain definitions give.

``pipeline.services.clauses`` finds clause ends, item markers and brackets with faster forms of its
regexes; they are checked against their plain definitions (the character loop of brackets, the list
of marker regexes tried in order) on the corpora and on generated text.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.services.clauses import bracket_zones, split_clauses

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

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
