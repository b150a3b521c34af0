"""The cue words of ``rules/time_cues.yaml``, checked and compiled once into :class:`TimeCues`.

Every key of the file is required and no other is allowed (besides ``meta``); a missing or unknown
key, a value of the wrong shape or a bad regular expression is a :class:`~pipeline.ruledata.RulesError`
naming the file and the key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..ruledata import RulesError, load_yaml, rules_dir

__all__ = ["TimeCues", "Component", "time_cues", "check_time_cues", "FILE"]

FILE = "time_cues.yaml"

# key -> shape: "words" (a list of strings), "patterns" (a list of regexes), "word" (one string),
# "open_end" (a mapping of two regexes), "components" (a list of [regex, name] pairs), "durations" (a
# list of regexes, each with the groups n and unit).
_SHAPES = {
    "issuer_endings": "words", "kinds": "kinds", "kind_priority": "words", "deadline_suffix": "words", "deadline_prefix": "words",
    "not_deadline_after": "words", "ignore_after": "words", "ignore_before": "words", "estimate": "words",
    "open_end_patterns": "open_end", "period_label_patterns": "patterns", "switch_cues": "words",
    "section_patterns": "patterns", "not_section_words": "words", "core_strong_patterns": "patterns",
    "core_weak_patterns": "patterns", "partial_scope": "words", "online_scope": "words", "counter_scope": "words", "keep_open": "words",
    "normal_again": "words", "until_before": "words", "until_after": "words", "aftermath": "words", "superseded": "words",
    "point_openers": "words", "stamp_labels": "words",
    "duration_patterns": "durations",
    "province_component_patterns": "patterns", "province_component_name": "word", "components": "components",
}
_KINDS = ("suspension", "resume", "go_live", "deadline", "announce")
_OPEN_END_KEYS = ("right_after", "in_clause")


class Component(NamedTuple):
    """A component of the system a clause may name (支付端, 税务), found by ``pattern``."""

    pattern: re.Pattern[str]
    name: str


@dataclass(frozen=True, slots=True)
class TimeCues:
    """Everything the clause reader takes from ``rules/time_cues.yaml``, ready to use."""

    issuer_endings: tuple[str, ...]  # of a line naming an issuer, over a signature date
    cue: re.Pattern[str]  # every kind cue word, longest first
    cue_kind: dict[str, str]  # cue word -> its kind (the earlier kind of kind_priority when listed twice)
    ignore_right_after: tuple[str, ...]  # one-character words right after a cue: 前, 后
    ignore_near_after: re.Pattern[str]  # longer words shortly after a cue: 期间, 准备
    ignore_before: tuple[str, ...]  # words right before a cue making it refer back
    deadline_suffix: re.Pattern[str]  # matched right after an expression
    deadline_prefix: re.Pattern[str]  # searched in the few characters before an expression
    not_deadline_after: tuple[str, ...]  # 前后: "around", not "before"
    estimate: re.Pattern[str]
    open_end_right_after: re.Pattern[str]  # 至切换工作结束, right after the expression
    open_end_in_clause: re.Pattern[str]  # 恢复时间另行通知, anywhere in the clause
    period_label: re.Pattern[str]  # any of the period label patterns
    switch: re.Pattern[str]
    section: re.Pattern[str]  # any of the section patterns
    not_section_words: tuple[str, ...]
    core_strong: tuple[re.Pattern[str], ...]
    core_weak: re.Pattern[str]  # any of the weak core patterns
    partial: re.Pattern[str]
    online: re.Pattern[str]
    counter: re.Pattern[str]  # counters and offices (柜台, 窗口)
    keep_open: re.Pattern[str]
    normal_again: re.Pattern[str]  # 正常办理: in a point's clause without a kind cue, a resumption
    until_before: re.Pattern[str]  # 至, right before a point after a stop: the stop ends there
    until_after: re.Pattern[str]  # 止, 结束, right after such a point
    aftermath: re.Pattern[str]  # 办理高峰, 恢复正常秩序: crowding after a resumption, not its end
    superseded: re.Pattern[str]  # 原定: a time given up, searched right before an expression
    subclause_open: re.Pattern[str]  # a comma then 自/于/预计: ``before`` ends where a point opens a sub-clause
    stamp_label: re.Pattern[str]  # 发布日期: a page's own stamp follows
    duration: tuple[re.Pattern[str], ...]  # 停机约48小时: the length of a stop after its start (n, unit)
    province: tuple[re.Pattern[str], ...]
    province_name: str
    components: tuple[Component, ...]
    any_component: re.Pattern[str]  # matches where any component pattern matches (a gate)


def _where(key: str) -> str:
    return f"{rules_dir() / FILE}: {key}"


def _words(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise RulesError(f"{_where(key)}: must be a non-empty list of non-empty strings")
    return value


def _regex(pattern: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RulesError(f"{_where(key)}: bad regex {pattern!r}: {exc}") from exc


def _patterns(value: Any, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_regex(p, key) for p in _words(value, key))


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first (停止运行 before 停止)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching wherever any of ``patterns`` matches (for a yes/no search)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _check_word(value: Any, key: str) -> None:
    if not (isinstance(value, str) and value):
        raise RulesError(f"{_where(key)}: must be a non-empty string")


def _check_kinds(value: Any, key: str) -> None:
    if not isinstance(value, dict) or set(value) != set(_KINDS):
        raise RulesError(f"{_where(key)}: must map exactly the kinds {', '.join(_KINDS)} to words")
    for kind, words in value.items():
        _words(words, f"{key}.{kind}")


def _check_open_end(value: Any, key: str) -> None:
    if not isinstance(value, dict) or set(value) != set(_OPEN_END_KEYS):
        raise RulesError(f"{_where(key)}: must map exactly {', '.join(_OPEN_END_KEYS)} to a regex")
    for name, pattern in value.items():
        if not isinstance(pattern, str):
            raise RulesError(f"{_where(key)}.{name}: must be a regex string")
        _regex(pattern, f"{key}.{name}")


def _check_durations(value: Any, key: str) -> None:
    for pattern in _patterns(value, key):
        if not {"n", "unit"} <= set(pattern.groupindex):
            raise RulesError(f"{_where(key)}: {pattern.pattern!r} must have the groups n and unit")


def _check_components(value: Any, key: str) -> None:
    pairs = isinstance(value, list) and value and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p) for p in value)
    if not pairs:
        raise RulesError(f"{_where(key)}: must be a non-empty list of [regex, name] pairs")
    for pattern, _ in value:
        _regex(pattern, key)


_CHECKS = {"words": _words, "patterns": _patterns, "word": _check_word, "kinds": _check_kinds,
           "open_end": _check_open_end, "components": _check_components, "durations": _check_durations}


def check_time_cues(data: dict[str, Any]) -> None:
    """Raise RulesError unless ``data`` holds exactly the keys of the file, each of its shape."""
    keys = set(data) - {"meta"}
    for key in sorted(set(_SHAPES) - keys):
        raise RulesError(f"{_where(key)}: missing")
    for key in sorted(keys - set(_SHAPES)):
        raise RulesError(f"{_where(key)}: unknown key (known: {', '.join(sorted(_SHAPES))})")
    for key, shape in _SHAPES.items():
        _CHECKS[shape](data[key], key)
    if sorted(data["kind_priority"]) != sorted(_KINDS):
        raise RulesError(f"{_where('kind_priority')}: must list each of {', '.join(_KINDS)} once")


@functools.cache
def time_cues() -> TimeCues:
    """The rules of the clause reader, checked and compiled once."""
    data = load_yaml(FILE)
    check_time_cues(data)
    cue_kind: dict[str, str] = {}
    for kind in data["kind_priority"]:  # earlier kinds win when one word is listed twice
        for word in data["kinds"][kind]:
            cue_kind.setdefault(word, kind)
    return TimeCues(
        issuer_endings=tuple(data["issuer_endings"]),
        cue=re.compile(_alternation(list(cue_kind))),
        cue_kind=cue_kind,
        ignore_right_after=tuple(w for w in data["ignore_after"] if len(w) == 1),
        ignore_near_after=re.compile(_alternation([w for w in data["ignore_after"] if len(w) > 1])),
        ignore_before=tuple(data["ignore_before"]),
        deadline_suffix=re.compile(rf"[ ]?(?:{_alternation(data['deadline_suffix'])})"),
        deadline_prefix=re.compile(rf"(?:{_alternation(data['deadline_prefix'])})[ ]?(?:到|至)?[ ]?$"),
        not_deadline_after=tuple(data["not_deadline_after"]),
        estimate=re.compile(_alternation(data["estimate"])),
        open_end_right_after=re.compile(data["open_end_patterns"]["right_after"]),
        open_end_in_clause=re.compile(data["open_end_patterns"]["in_clause"]),
        period_label=_any(data["period_label_patterns"]),
        switch=re.compile(_alternation(data["switch_cues"])),
        section=_any(data["section_patterns"]),
        not_section_words=tuple(data["not_section_words"]),
        core_strong=_patterns(data["core_strong_patterns"], "core_strong_patterns"),
        core_weak=_any(data["core_weak_patterns"]),
        partial=re.compile(_alternation(data["partial_scope"])),
        online=re.compile(_alternation(data["online_scope"])),
        counter=re.compile(_alternation(data["counter_scope"])),
        keep_open=re.compile(_alternation(data["keep_open"])),
        normal_again=re.compile(_alternation(data["normal_again"])),
        until_before=re.compile(rf"(?:{_alternation(data['until_before'])})[ ]?$"),
        until_after=re.compile(rf"[ ]?(?:{_alternation(data['until_after'])})"),
        aftermath=re.compile(_alternation(data["aftermath"])),
        superseded=re.compile(_alternation(data["superseded"])),
        subclause_open=re.compile(rf"[,;，；][ ]?(?:{_alternation(data['point_openers'])})?[ ]?$"),
        stamp_label=re.compile(rf"(?:{_alternation(data['stamp_labels'])})[ ]?[:：]?[ ]?"),
        duration=_patterns(data["duration_patterns"], "duration_patterns"),
        province=_patterns(data["province_component_patterns"], "province_component_patterns"),
        province_name=data["province_component_name"],
        components=tuple(Component(re.compile(p), name) for p, name in data["components"]),
        any_component=re.compile("|".join(f"(?:{p})" for p, _ in data["components"])),
    )
