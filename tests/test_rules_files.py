"""Every rules file says where its data came from and what its fields mean, and loads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.ruledata import RulesError, load_csv, load_yaml, rules_dir

YAML_FILES = sorted(p.name for p in rules_dir().glob("*.yaml"))
CSV_FILES = sorted(p.name for p in rules_dir().glob("*.csv"))


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_rules_have_provenance(name: str) -> None:
    data = load_yaml(name)
    assert isinstance(data["meta"]["source"], str) and len(data["meta"]["source"]) > 20
    assert data["meta"]["fields"]
    assert len(data) > 1, "a rules file holds more than its meta block"


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_rules_have_provenance(name: str) -> None:
    text = (rules_dir() / name).read_text(encoding="utf-8")
    assert text.startswith("#")
    assert load_csv(name), "a data file holds rows"


def test_page_rules_are_valid_regexes() -> None:
    import re

    data = load_yaml("page.yaml")
    html = data["html"]
    for pattern in (data["chrome_lines"] + data["footer_markers"] + data["pdf_page_numbers"]
                    + html["extra_chrome"] + [html["list_marker"]]):
        re.compile(pattern)
    for labels in html["metadata_table"].values():
        assert labels and all(isinstance(w, str) and w for w in labels)


def test_a_rules_file_without_provenance_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ruledata

    (tmp_path / "bare.yaml").write_text(yaml.safe_dump({"words": ["a"]}), encoding="utf-8")
    (tmp_path / "bare.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(ruledata, "rules_dir", lambda: tmp_path)
    with pytest.raises(RulesError, match="meta"):
        ruledata.load_yaml.__wrapped__("bare.yaml")
    with pytest.raises(RulesError, match="source"):
        ruledata.load_csv.__wrapped__("bare.csv")


# --- keys and value types are checked on load, naming the file and the key -------------------

from pipeline.errors import ConfigError  # noqa: E402
from pipeline.ruledata import CSV_COLUMNS, RULE_KEYS  # noqa: E402


def test_every_rules_file_has_its_keys_listed() -> None:
    assert sorted(RULE_KEYS) == YAML_FILES
    assert sorted(CSV_COLUMNS) == CSV_FILES
    assert issubclass(RulesError, ConfigError)


def _copy_rules(tmp_path: Path) -> Path:
    for p in rules_dir().iterdir():
        if p.is_file():
            (tmp_path / p.name).write_bytes(p.read_bytes())
    return tmp_path


def _edited_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, edit: Callable[[dict[str, Any]], None]) -> None:
    """Load the rules from a copy of the rules folder whose ``name`` went through ``edit``."""
    from pipeline import ruledata

    folder = _copy_rules(tmp_path)
    data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    edit(data)
    (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(ruledata, "rules_dir", lambda: folder)


def _first_key(name: str) -> str:
    """The first top-level key of rules file ``name`` other than ``meta``."""
    return next(k for k in yaml.safe_load((rules_dir() / name).read_text(encoding="utf-8")) if k != "meta")


@pytest.mark.parametrize("name", YAML_FILES)
def test_a_renamed_key_is_refused_naming_file_and_key(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ruledata

    key = _first_key(name)
    _edited_yaml(tmp_path, monkeypatch, name, lambda data: data.update({key + "_renamed": data.pop(key)}))
    with pytest.raises(RulesError, match=rf"{name}.*(missing key '{key}'|unknown key '{key}_renamed')"):
        ruledata.load_yaml.__wrapped__(name)


@pytest.mark.parametrize("name", YAML_FILES)
def test_a_mistyped_value_is_refused_naming_the_key(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ruledata

    key = _first_key(name)
    _edited_yaml(tmp_path, monkeypatch, name, lambda data: data.update({key: 12345}))  # no top-level value is a bare number
    with pytest.raises(RulesError, match=rf"{name}: {key}: expected"):
        ruledata.load_yaml.__wrapped__(name)


@pytest.mark.parametrize("name", CSV_FILES)
def test_a_renamed_column_is_refused(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ruledata

    folder = _copy_rules(tmp_path)
    text = (folder / name).read_text(encoding="utf-8")
    column = CSV_COLUMNS[name][1]
    lines = text.splitlines()
    header = next(i for i, ln in enumerate(lines) if not ln.startswith("#"))
    lines[header] = lines[header].replace(column, column + "_renamed", 1)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(ruledata, "rules_dir", lambda: folder)
    with pytest.raises(RulesError, match=rf"{name}: missing column '{column}'"):
        ruledata.load_csv.__wrapped__(name)


def test_a_nested_key_is_named_with_its_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import ruledata

    def rename(data: dict[str, Any]) -> None:
        data["codes"]["inpatient"]["wordz"] = data["codes"]["inpatient"].pop("words")

    _edited_yaml(tmp_path, monkeypatch, "services.yaml", rename)
    with pytest.raises(RulesError, match=r"services.yaml: codes\.inpatient: unknown key 'wordz'"):
        ruledata.load_yaml.__wrapped__("services.yaml")
