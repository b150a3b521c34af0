"""The ``scrape`` subcommand: registration, flags as the top settings layer, summary, errors."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml
from fixtureweb import FixtureWeb, fixture_web  # noqa: F401 - registers the fixture

from pipeline.scrape import cli
from pipeline.scrape.rawstore import read_log


def _write(config: dict, tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def test_register_adds_scrape(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="notices")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["scrape", "--sources", "s.yaml", "--raw", "r", "--only", "a", "--only", "b",
                              "--max-pages", "2", "--delay", "0.5", "--no-attachments"])
    assert args.func is cli.run
    assert args.only == ["a", "b"]
    assert cli._overrides(args) == {"max_pages": 2, "delay": 0.5, "attachments": False}


def test_scrape_prints_summary(fixture_web: FixtureWeb, tmp_path: Path,  # noqa: F811 - the fixture
                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(fixture_web.sources_config(delay=5.0), tmp_path)
    code = cli.main(["--sources", str(path), "--raw", str(tmp_path / "raw"), "--only", "gjj",
                     "--delay", "0", "--max-pages", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "gjj" in out and "total" in out and "stored" in out
    lists = [r for r in read_log(tmp_path / "raw") if r["kind"] == "list"]
    assert len(lists) == 1  # --max-pages 1 beat the file
    assert {a.site for a in fixture_web.requests()} == {"gjj"}  # --only


@pytest.mark.parametrize(("config", "flags", "message"), [
    pytest.param({"sources": [{"name": "a", "city": "x", "start_urls": ["http://a.example/"],
                               "allow": ["http://a.example/"], "colour": 1}]}, [], "'colour'", id="bad-file"),
    pytest.param({"sources": [{"name": "a", "city": "x", "start_urls": ["http://a.example/"],
                               "allow": ["http://a.example/"]}]}, ["--max-pages", "-1"], "'max_pages'", id="bad-flag"),
])
def test_config_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], config: dict,
                              flags: list[str], message: str) -> None:
    path = _write(config, tmp_path)
    assert cli.main(["--sources", str(path), "--raw", str(tmp_path / "raw"), *flags]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "raw").exists()
