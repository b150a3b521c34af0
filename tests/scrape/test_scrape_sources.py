"""The sources file and the settings layers: strict validation with errors naming key and entry."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.scrape.errors import ConfigError
from pipeline.scrape.settings import PER_SOURCE_KEYS, CrawlSettings
from pipeline.scrape.sources import _SOURCE_KEYS, load_sources, parse_sources

REPO = Path(__file__).resolve().parents[2]


def _entry(**changes: Any) -> dict[str, Any]:
    entry = {"name": "xinzhou-ybj", "city": "忻州市", "start_urls": ["https://a.example/tzgg/index.html"],
             "allow": ["https://a.example/tzgg/"]}
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not None}


# (sources mapping, words the error must contain)
BAD = [
    pytest.param({"sources": [_entry(colour="red")]}, ["'colour'", "xinzhou-ybj"], id="unknown-key"),
    pytest.param({"sources": [_entry(max_pages=-1)]}, ["'max_pages'", "xinzhou-ybj"], id="negative-pages"),
    pytest.param({"sources": [_entry(max_pages="ten")]}, ["'max_pages'"], id="pages-not-number"),
    pytest.param({"sources": [_entry(delay=True)]}, ["'delay'"], id="delay-bool"),
    pytest.param({"sources": [_entry(style="frames")]}, ["'style'", "trs"], id="unknown-style"),
    pytest.param({"sources": [_entry(encoding="klingon")]}, ["'encoding'"], id="unknown-encoding"),
    pytest.param({"sources": [_entry(city=None)]}, ["'city' or 'province'"], id="no-place"),
    pytest.param({"sources": [_entry(start_urls=[])]}, ["'start_urls'"], id="no-start-urls"),
    pytest.param({"sources": [_entry(start_urls=["ftp://a.example/x"])]}, ["'start_urls'", "ftp"], id="ftp-start"),
    pytest.param({"sources": [_entry(allow=["/tzgg/"])]}, ["'allow'"], id="relative-allow"),
    pytest.param({"sources": [_entry(start_urls=["https://b.example/x.html"])]}, ["not under any 'allow'"],
                 id="start-outside-allow"),
    pytest.param({"sources": [_entry(name="Xin Zhou")]}, ["'name'"], id="bad-name"),
    pytest.param({"sources": [_entry(), _entry()]}, ["used twice"], id="duplicate-name"),
    pytest.param({"sources": [_entry(keywords=[""])]}, ["'keywords'"], id="empty-keyword"),
    pytest.param({"sources": [_entry(concurrency=2)]}, ["'concurrency'"], id="crawler-wide-key-per-source"),
    pytest.param({"settings": {"retires": 3}, "sources": [_entry()]}, ["'retires'", "settings"], id="settings-typo"),
    pytest.param({"settings": {"per_host_concurrency": 0}, "sources": [_entry()]}, [">= 1"], id="zero-concurrency"),
    pytest.param({"sources": []}, ["non-empty list"], id="no-sources"),
    pytest.param({"source": [_entry()]}, ["'source'"], id="top-level-typo"),
    pytest.param(["not", "a", "mapping"], ["mapping"], id="top-level-list"),
]


@pytest.mark.parametrize(("data", "words"), BAD)
def test_bad_sources_are_clear_errors(data: Any, words: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        parse_sources(data)
    for word in words:
        assert word in str(info.value)


def test_layers_defaults_file_source_cli() -> None:
    data = {"settings": {"delay": 2.0, "retries": 1},
            "sources": [_entry(delay=5.0, keywords="停机"), _entry(name="other")]}
    parsed = parse_sources(data)
    first, second = parsed.sources
    assert CrawlSettings().delay == 1.0
    assert first.settings(parsed.settings).delay == 5.0
    assert second.settings(parsed.settings).delay == 2.0
    assert first.settings(parsed.settings).retries == 1
    assert first.settings(parsed.settings).keywords == ("停机",)
    assert first.settings(parsed.settings, {"delay": 0.0}).delay == 0.0  # CLI wins over the source


def test_defaults_have_units_and_polite_values() -> None:
    cfg = CrawlSettings()
    assert cfg.delay >= 1.0 and cfg.per_host_concurrency == 1 and cfg.retries <= 3
    assert re.fullmatch(r"notice-pipeline/\S+ \(\+\S+\)", cfg.ua())
    text = (REPO / "pipeline" / "scrape" / "settings.py").read_text(encoding="utf-8")
    for fld in dataclasses.fields(CrawlSettings):
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(f"{fld.name}:"))
        assert "#" in line, f"{fld.name} has no comment"


def test_only_selects_sources() -> None:
    parsed = parse_sources({"sources": [_entry(), _entry(name="b")]})
    assert [s.name for s in parsed.only(["b"])] == ["b"]
    with pytest.raises(ConfigError, match="'c'"):
        parsed.only(["c"])


def test_sample_sources_file_loads_and_documents_every_key() -> None:
    path = REPO / "sources.yaml"
    parsed = load_sources(path)
    assert {s.style for s in parsed.sources} == {"trs", "hanweb", "next_link", "links"}
    text = path.read_text(encoding="utf-8")
    comments = "\n".join(ln.split("#", 1)[1] for ln in text.splitlines() if "#" in ln)
    for key in sorted(_SOURCE_KEYS - PER_SOURCE_KEYS):
        assert re.search(rf"\b{key}\b", comments), f"source key {key} undocumented"
    for key in PER_SOURCE_KEYS:
        assert key in comments, f"per-source key {key} undocumented"
    for fld in dataclasses.fields(CrawlSettings):
        assert re.search(rf"^\s*{fld.name}:.*#", text, re.MULTILINE), f"setting {fld.name} undocumented"


def test_yaml_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="s.yaml"):
        load_sources(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.yaml")


def test_project_settings_are_the_base_layer() -> None:
    from types import SimpleNamespace

    project = SimpleNamespace(delay=3.0, max_pages=7, request_timeout=9.0, parsed_dir="parsed")
    cfg = CrawlSettings.from_project(project)
    assert (cfg.delay, cfg.max_pages, cfg.read_timeout) == (3.0, 7, 9.0)
    parsed = parse_sources({"settings": {"delay": 0.5}, "sources": [_entry()]}, cfg)
    assert parsed.settings.delay == 0.5 and parsed.settings.max_pages == 7  # the file sits above
    with pytest.raises(ConfigError, match="project settings"):
        CrawlSettings.from_project(SimpleNamespace(delay="slow"))
