"""Reading the words around a phone number: organization, department and note.

Labels come from the text right before a number (``忻州市医保中心``, ``渠 县``, ``参保登记``), suffixes
from the text glued after it (``综合科``, ``(居民)``, ``纳税服务热线``), owners from the sentence
(``请咨询主管税务机关或拨打12366``) or from a heading line above a list of numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .rules import CJK, ContactRules

__all__ = ["Attribution", "Suffix", "clean_label", "classify_label", "parse_suffix", "sentence_org",
           "heading_org"]

_SPACES = re.compile(r"\s+")
# List markers at the start of a label: 1. 2、 (一) 一、 ①
_LIST_MARKER = re.compile(
    r"""^(?: [0-9]{1,2}[.、)]
           | [(][一二三四五六七八九十0-9]{1,3}[)]
           | [一二三四五六七八九十]{1,3}[、.]
           | [①-⑳] )""",
    re.VERBOSE,
)
# The serial number cell of a flattened table row: "3  宁武县医保中心  0350-4722786"
_SERIAL = re.compile(r"^\s*[0-9]{1,3}\s+")
# Wrapping punctuation that never belongs to a name.
_EDGE_PUNCT = "【】[]“”\"'‘’《》<>·•*#-—:;,.、(  "
_DIGIT = re.compile(r"[0-9]")
_ALL_CJK = re.compile(rf"^[{CJK}]+$")
_CJK_CHAR = re.compile(rf"[{CJK}]")
# A bracketed note or department glued after the number: (居民), (综合科)
_BRACKET = re.compile(r"^[ ]*[((]([^()()\n]{1,16})[))]")
# Where a suffix clause ends: punctuation or a line break (":" there means a label follows).
_CLAUSE_END = re.compile(r"[\n,。;、/!?:]")

# Longest label kept as a note (职工医疗(生育)保险待遇业务 is 14); longer ones are running text.
_MAX_NOTE = 16


@dataclass(slots=True)
class Attribution:
    """What the words around one number say about it."""

    organization: str | None = None
    department: str | None = None
    note: str | None = None


class Suffix(NamedTuple):
    """What the words glued after a number say, and where those words end."""

    attribution: Attribution
    end: int


def clean_label(raw: str, rules: ContactRules) -> str:
    """The name-like core of a label: no spaces, list markers, call words or trailing cues."""
    label = _SERIAL.sub("", raw)
    label = _SPACES.sub("", label)
    previous = None
    while label != previous:
        previous = label
        label = _LIST_MARKER.sub("", label).strip(_EDGE_PUNCT)
        label = rules.call_words.sub("", label)
        label = rules.tail_cues.sub("", label)
    return label


def _ends_with(text: str, suffixes: tuple[str, ...]) -> bool:
    """True when ``text`` ends with one of ``suffixes`` (non-empty words) and is longer than it."""
    # Dropping the first character keeps exactly the suffixes shorter than text; one C-level
    # endswith over the tuple replaces a Python loop (~10% of the contacts stage; checked in
    # tests/test_perf_equivalence.py).
    return text[1:].endswith(suffixes)


def _is_org(label: str, rules: ContactRules) -> bool:
    """True when a whole label names a body: 忻州市医保中心, 通川区, 市本级, 渠县."""
    if _ends_with(label, rules.org_suffixes):
        return True
    if len(label) <= 10 and _ALL_CJK.match(label) and _ends_with(label, rules.place_suffixes):
        return not any(w in label for w in rules.note_words)
    return len(label) >= 3 and _ends_with(label, rules.label_org_suffixes)


def classify_label(label: str, rules: ContactRules) -> Attribution:
    """Organization, department or note named by a cleaned label."""
    if not label or len(label) > 24:
        return Attribution()
    if _is_org(label, rules):
        return Attribution(organization=label)
    if _ends_with(label, rules.department_suffixes):
        department = _department_label(label, rules)
        if department is not None:
            return department
    mention = rules.org_suffix.search(label)
    if mention is not None and mention.end() < len(label):
        head, rest = label[: mention.end()], label[mention.end():]
        return Attribution(organization=head, note=rest or None)
    if len(label) > _MAX_NOTE or rules.sentence_word.search(label):
        return Attribution()  # a piece of running text, not a label
    if _DIGIT.search(label) and not any(w in label for w in rules.note_words):
        return Attribution()  # an address, a time or a serial number, not a label
    return Attribution(note=label)


def _department_label(label: str, rules: ContactRules) -> Attribution | None:
    """A label ending in a department: the longest head naming a body is its organization.

    ``忻州市医保中心综合科`` -> 忻州市医保中心 / 综合科; a short label alone is a department.
    """
    for cut in range(len(label) - 1, 1, -1):
        head, tail = label[:cut], label[cut:]
        if len(tail) <= 8 and _is_org(head, rules):
            return Attribution(organization=head, department=tail)
    return Attribution(department=label) if len(label) <= 8 else None


def parse_suffix(text: str, start: int, limit: int, rules: ContactRules, *, last: bool = True) -> Suffix:
    """Department or note glued after a number (``综合科``, ``(居民)``, ``纳税服务热线``).

    ``limit`` is where the next number (``last`` False) or the line ends. Returns what was found
    and where the consumed words end (``start`` when nothing was).
    """
    window = text[start:limit]
    bracket = _BRACKET.match(window)
    if bracket:
        return Suffix(_bracket_attribution(_SPACES.sub("", bracket.group(1)), rules), start + bracket.end())
    hotline = rules.glued_hotline.match(window)
    if hotline:
        # A bare 热线 says nothing; the caller falls back to the hotline's listed name.
        name = hotline.group(1)
        return Suffix(Attribution(note=name if len(name) > 2 else None), start + hotline.end())
    dept = rules.glued_department.match(window)
    if dept:
        return Suffix(Attribution(department=dept.group(1)), start + dept.end())
    end = _CLAUSE_END.search(window)
    if end is not None and end.group(0) == ":":
        return Suffix(Attribution(), start)  # "传真:" labels the next number, not this one
    if end is None and not last:
        return Suffix(Attribution(), start)  # words running up to the next number are its label
    clause = window[: end.start()] if end else window
    core = _SPACES.sub("", clause)
    if core and len(core) <= 10 and any(w in core for w in rules.note_words):
        return Suffix(Attribution(note=core), start + len(clause))
    return Suffix(Attribution(), start)


def _bracket_attribution(inner: str, rules: ContactRules) -> Attribution:
    """What a bracket glued after a number names: a body, a department or a note."""
    if _is_org(inner, rules):
        return Attribution(organization=inner)
    if _ends_with(inner, rules.department_suffixes) and len(inner) <= 8:
        return Attribution(department=inner)
    return Attribution(note=inner)


def sentence_org(text: str, lo: int, hi: int, rules: ContactRules) -> str | None:
    """The last named body in ``text[lo:hi]`` (nearest before the number), or None."""
    last = None
    for m in rules.org_suffix.finditer(text, lo, hi):
        last = m
    if last is None:
        return None
    left = last.start()
    while left > lo and last.start() - left < 10 and _CJK_CHAR.match(text[left - 1]):
        left -= 1
    head = text[left: last.start()]
    # Cut the name after the last stop word on its left (请咨询主管税务机关 -> 主管税务机关).
    stops = list(rules.org_stop.finditer(head))
    if stops:
        head = head[stops[-1].end():]
    name = head + last.group(0)
    if last.group(0).endswith("本级") and not head:
        return name
    return name if len(name) >= 3 else None


def heading_org(line: str, rules: ContactRules) -> str | None:
    """The body named by a line without numbers that heads a list (``忻州市医保中心:``)."""
    label = clean_label(line, rules)
    if not label or len(label) > 20:
        return None
    found = classify_label(label, rules)
    if found.organization and not found.note and not found.department:
        return found.organization
    return None
