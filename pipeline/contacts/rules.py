"""Word lists of ``rules/contacts.yaml`` turned into compiled regexes, built once and cached."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..ruledata import load_yaml

__all__ = ["ContactRules", "contact_rules", "CJK"]

CJK = r"\u3400-\u9fff\uf900-\ufaff"


@dataclass(frozen=True, slots=True)
class ContactRules:
    """Everything the contacts extractor reads from ``rules/contacts.yaml``, ready to use."""

    hotline_names: dict[str, str]  # short number -> its name (note when the text names none)
    short_patterns: tuple[re.Pattern[str], ...]  # unlisted short numbers (need a cue)
    org_suffixes: tuple[str, ...]
    label_org_suffixes: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    department_suffixes: tuple[str, ...]
    note_words: tuple[str, ...]
    phone_cue: re.Pattern[str]  # any phone cue word
    call_words: re.Pattern[str]  # call words at the start of a label
    tail_cues: re.Pattern[str]  # cue and call words at the end of a label
    sentence_word: re.Pattern[str]  # words showing a label is running text, not a name
    org_suffix: re.Pattern[str]  # the suffix of a named body, searched in running text
    org_stop: re.Pattern[str]  # stop words cutting a body's name on its left
    trap_prefix: re.Pattern[str]  # words making a following number a non-phone
    trap_units: frozenset[str]
    unit_exceptions: tuple[str, ...]
    extension_words: tuple[str, ...]
    glued_hotline: re.Pattern[str]  # a hotline's name right after its number: 纳税服务热线
    group_gap: re.Pattern[str]  # what may stand between two numbers of one group: 、, 或
    glued_department: re.Pattern[str]  # a department right after a number: 综合科
    glued_service_name: re.Pattern[str]  # a line's name right after its number: 人社服务热线
    service_name_breaker: re.Pattern[str]  # words making that glued run a sentence: 拨打, 次
    table_cell_words: frozenset[str]  # header cells of a table copied one cell per line
    glued_product_name: re.Pattern[str]  # an app or account name right after its number: APP, 公众号
    product_name_breaker: re.Pattern[str]  # words making that glued run a line's name: 热线
    cue_free_short: tuple[re.Pattern[str], ...]  # unlisted short numbers kept without a cue (95xxx)
    chrome_line: re.Pattern[str]  # words of a website's footer or chrome

    def needs_no_cue(self, digits: str) -> bool:
        """True for a short number kept without a cue: a listed hotline or a 95xxx service line."""
        return digits in self.hotline_names or any(p.fullmatch(digits) for p in self.cue_free_short)

    def is_short_number(self, digits: str) -> bool:
        """True for a listed hotline or an allowed short-number shape (95518, 96123)."""
        return digits in self.hotline_names or any(p.fullmatch(digits) for p in self.short_patterns)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first (so the most specific wins)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def contact_rules() -> ContactRules:
    """The contacts rules, loaded and compiled once."""
    data = load_yaml("contacts.yaml")
    org_suffixes = tuple(data["org_suffixes"])
    return ContactRules(
        hotline_names={str(h["number"]): str(h["name"]) for h in data["hotlines"]},
        short_patterns=tuple(re.compile(p) for p in data["short_number_patterns"]),
        org_suffixes=org_suffixes,
        label_org_suffixes=tuple(data["label_org_suffixes"]),
        place_suffixes=tuple(data["place_suffixes"]),
        department_suffixes=tuple(data["department_suffixes"]),
        note_words=tuple(data["note_words"]),
        phone_cue=re.compile(_alternation(data["phone_cues"])),
        call_words=re.compile(rf"^(?:{_alternation(data['call_words'])})+"),
        tail_cues=re.compile(
            rf"(?:{_alternation(data['label_tail_cues'] + data['call_words'])})+[:为是]?$"),
        sentence_word=re.compile(_alternation(data["label_sentence_words"])),
        org_suffix=re.compile(_alternation(org_suffixes)),
        org_stop=re.compile(_alternation(data["org_stop_words"])),
        trap_prefix=re.compile(_alternation(data["trap_prefixes"])),
        trap_units=frozenset(str(data["trap_unit_chars"])),
        unit_exceptions=tuple(data.get("trap_unit_exceptions", ())),
        extension_words=tuple(data["extension_words"]),
        glued_hotline=re.compile(rf"^[ ]*([{CJK}]{{0,12}}?(?:{_alternation(data['hotline_endings'])}))"),
        group_gap=re.compile(rf"[ ]*(?:[/、,;]|{_alternation(data['group_joiners'])})?[ ]*"),
        # Short, and the clause must end right after it (not 进行咨询处理...).
        glued_department=re.compile(
            rf"^[ ]*([{CJK}]{{1,6}}?(?:{_alternation(data['department_suffixes'])}))(?![{CJK}])"),
        # Contiguous CJK only: a comma or a space ends the run (1234567人,热线... is a count).
        glued_service_name=re.compile(
            rf"[ ]?[{CJK}]{{0,10}}?(?:{_alternation(data['service_name_endings'])})"),
        service_name_breaker=re.compile(_alternation(data["service_name_breakers"])),
        table_cell_words=frozenset(data["table_cell_words"]),
        # A closing quote may stand between (“交管12123”APP); contiguous CJK or Latin letters only.
        glued_product_name=re.compile(
            rf"[”\"」』》]?[ ]?[{CJK}]{{0,8}}?(?:{_alternation(data['product_name_endings'])})"),
        product_name_breaker=re.compile(_alternation(data["product_name_breakers"])),
        cue_free_short=tuple(re.compile(p) for p in data["cue_free_short_patterns"]),
        chrome_line=re.compile(_alternation(data["chrome_line_words"])),
    )
