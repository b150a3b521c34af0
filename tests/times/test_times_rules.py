"""The times rules file is checked on load: a missing, unknown or misshapen key is one clear error."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pipeline.ruledata import RulesError, load_yaml
from pipeline.times.cues import FILE, check_time_cues, time_cues


def _data() -> dict[str, Any]:
    return copy.deepcopy(load_yaml(FILE))


def test_the_shipped_file_passes() -> None:
    check_time_cues(_data())
    assert time_cues().cue_kind["暂停"] == "suspension"


def test_a_missing_key_is_named() -> None:
    data = _data()
    del data["section_patterns"]
    with pytest.raises(RulesError, match=r"time_cues\.yaml: section_patterns: missing"):
        check_time_cues(data)


def test_a_renamed_key_is_named() -> None:
    data = _data()
    data["estimates"] = data.pop("estimate")
    with pytest.raises(RulesError, match=r"estimate: missing"):
        check_time_cues(data)
    data["estimate"] = data["estimates"]
    with pytest.raises(RulesError, match=r"estimates: unknown key"):
        check_time_cues(data)


@pytest.mark.parametrize(("key", "value", "message"), [
    ("core_weak_patterns", ["经办(业务"], "core_weak_patterns: bad regex"),
    ("keep_open", "不受影响", "keep_open: must be a non-empty list"),
    ("keep_open", [], "keep_open: must be a non-empty list"),
    ("province_component_name", ["异地就医"], "province_component_name: must be a non-empty string"),
    ("kinds", {"suspension": ["暂停"]}, "kinds: must map exactly the kinds"),
    ("open_end_patterns", ["至(?:结束)"], "open_end_patterns: must map exactly right_after, in_clause"),
    ("components", [["支付端"]], r"components: must be a non-empty list of \[regex, name\] pairs"),
    ("kind_priority", ["deadline", "resume"], "kind_priority: must list each of"),
    ("duration_patterns", ["停机(\\d+)小时"], "duration_patterns: .* must have the groups n and unit"),
], ids=["bad-regex", "string-for-list", "empty-list", "list-for-string", "kinds-incomplete", "open-end-as-list",
        "component-without-name", "priority-incomplete", "duration-without-groups"])
def test_a_misshapen_value_is_named(key: str, value: object, message: str) -> None:
    data = _data()
    data[key] = value
    with pytest.raises(RulesError, match=message):
        check_time_cues(data)


def test_a_bad_kind_word_list_names_the_kind() -> None:
    data = _data()
    data["kinds"]["resume"] = [""]
    with pytest.raises(RulesError, match=r"kinds\.resume: must be a non-empty list"):
        check_time_cues(data)
