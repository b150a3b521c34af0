"""Every rules file says where its data came from and what its fields mean, and loads."""

from __future__ import annotations

from pathlib import Path

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
