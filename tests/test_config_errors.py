"""A configuration error is one line on stderr and exit 2, never a traceback: the real command on
many bad ``notices.yaml`` and sources files.

Before: 16 of 77 bad configurations gave a traceback (the scraper's own ConfigError, path settings
of the wrong type, non-UTF-8 bytes, non-string keys) and 7 bad values were accepted silently
(``delay: .nan`` removed the politeness delay, ``.inf`` crashed after the first request,
``total_timeout: .nan`` disabled the deadline, ``read_timeout: 0`` failed every request).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

GOOD_SOURCE = {"name": "a", "city": "忻州市", "start_urls": ["http://127.0.0.1:9/tzgg/"],
               "allow": ["http://127.0.0.1:9/tzgg/"]}


def _sources(settings: dict | None = None, **entry: object) -> str:
    doc: dict = {"sources": [{**GOOD_SOURCE, **entry}]}
    if settings is not None:
        doc["settings"] = settings
    return yaml.safe_dump(doc, allow_unicode=True)


def _with_key(key: object, where: str = "entry") -> str:
    """A sources file with a non-string key (yaml.safe_dump would write it quoted or refuse it)."""
    good = _sources()
    if where == "top":
        return good + f"{key}: 1\n"
    if where == "settings":
        return f"settings:\n  {key}: 1\n" + good
    return good.replace("  name: a\n", f"  name: a\n  {key}: 1\n")


# (id, notices.yaml text or bytes, sources file text or bytes or None, extra argv, words the message names)
CASES: list[tuple[str, str | bytes | None, str | bytes | None, list[str], list[str]]] = [
    # --- notices.yaml: types of path settings
    ("parsed_dir-number", "parsed_dir: 5\n", None, [], ["parsed_dir", "5"]),
    ("raw_dir-list", "raw_dir: [a, b]\n", None, [], ["raw_dir"]),
    ("samples_dir-mapping", "samples_dir: {a: 1}\n", None, [], ["samples_dir"]),
    ("samples_dir-empty", "samples_dir: ''\n", None, [], ["samples_dir"]),
    ("sources-number", "sources: 5\n", None, [], ["sources"]),
    ("schedule_cron-number", "schedule_cron: 5\n", None, [], ["schedule_cron"]),
    ("parsed_dir-is-a-file", "parsed_dir: afile.txt\n", None, [], ["parsed_dir", "not a folder"]),
    # --- notices.yaml: numbers finite and in range
    ("delay-nan", "delay: .nan\n", None, [], ["delay"]),
    ("delay-inf", "delay: .inf\n", None, [], ["delay"]),
    ("delay-1e400", "delay: 1e400\n", None, [], ["delay"]),
    ("delay-negative", "delay: -1\n", None, [], ["delay"]),
    ("delay-string", "delay: soon\n", None, [], ["delay"]),
    ("request_timeout-zero", "request_timeout: 0\n", None, [], ["request_timeout"]),
    ("request_timeout-nan", "request_timeout: .nan\n", None, [], ["request_timeout"]),
    ("parse_batch_size-zero", "parse_batch_size: 0\n", None, [], ["parse_batch_size"]),
    ("parse_batch_size-float", "parse_batch_size: 1.5\n", None, [], ["parse_batch_size"]),
    ("parse_batch_size-bool", "parse_batch_size: true\n", None, [], ["parse_batch_size"]),
    ("max_pages-negative", "max_pages: -3\n", None, [], ["max_pages"]),
    ("parse_time_budget-inf", "parse_time_budget: .inf\n", None, [], ["parse_time_budget"]),
    ("parse_time_budget-text", "parse_time_budget: abc\n", None, [], ["parse_time_budget"]),
    # --- notices.yaml: the file itself
    ("unknown-key", "paresd_dir: x\n", None, [], ["paresd_dir"]),
    ("non-string-key", "1: 2\n", None, [], ["1"]),
    ("bool-key", "true: 2\n", None, [], ["True"]),
    ("not-a-mapping", "[a, b]\n", None, [], ["mapping"]),
    ("bad-yaml", "parsed_dir: [unclosed\n", None, [], ["notices.yaml"]),
    ("not-utf8", b"parsed_dir: \xff\xfeout\n", None, [], ["UTF-8"]),
    ("gbk-bytes", "parsed_dir: 输出\n".encode("gbk"), None, [], ["UTF-8"]),
    # --- the sources file
    ("sources-missing", "sources: nope.yaml\n", None, [], ["nope.yaml"]),
    ("sources-flag-missing", None, None, ["--sources", "missing.yaml"], ["missing.yaml"]),
    ("sources-is-a-folder", "sources: afolder\n", None, [], ["afolder"]),
    ("sources-not-utf8", "sources: s.yaml\n", b"sources:\n  - name: \xff\xfe\n", [], ["UTF-8"]),
    ("sources-bad-yaml", "sources: s.yaml\n", "sources: [\n", [], ["s.yaml", "YAML"]),
    ("sources-a-list", "sources: s.yaml\n", "- a\n- b\n", [], ["mapping"]),
    ("sources-empty-list", "sources: s.yaml\n", "sources: []\n", [], ["sources"]),
    ("sources-top-int-key", "sources: s.yaml\n", _with_key(1, "top"), [], ["1"]),
    ("sources-settings-int-key", "sources: s.yaml\n", _with_key(5, "settings"), [], ["5"]),
    ("sources-entry-int-key", "sources: s.yaml\n", _with_key(7), [], ["7"]),
    ("sources-entry-date-key", "sources: s.yaml\n", _with_key("2021-10-20"), [], ["2021"]),
    ("sources-settings-delay-nan", "sources: s.yaml\n", "settings:\n  delay: .nan\n" + _sources(), [], ["delay"]),
    ("sources-settings-delay-inf", "sources: s.yaml\n", "settings:\n  delay: .inf\n" + _sources(), [], ["delay"]),
    ("sources-total_timeout-nan", "sources: s.yaml\n", "settings:\n  total_timeout: .nan\n" + _sources(), [],
     ["total_timeout"]),
    ("sources-read_timeout-zero", "sources: s.yaml\n", _sources({"read_timeout": 0}), [], ["read_timeout"]),
    ("sources-connect_timeout-negative", "sources: s.yaml\n", _sources({"connect_timeout": -1}), [],
     ["connect_timeout"]),
    ("sources-max_backoff-huge", "sources: s.yaml\n", _sources({"max_backoff": 1e10}), [], ["max_backoff"]),
    ("sources-retries-float", "sources: s.yaml\n", _sources({"retries": 1.5}), [], ["retries"]),
    ("sources-unknown-setting", "sources: s.yaml\n", _sources({"dealy": 1}), [], ["dealy"]),
    ("sources-entry-delay-nan", "sources: s.yaml\n", _sources().replace("  name: a\n", "  name: a\n  delay: .nan\n"),
     [], ["delay"]),
    ("sources-entry-max_bytes-zero", "sources: s.yaml\n", _sources(max_bytes=0), [], ["max_bytes"]),
    ("sources-bad-name", "sources: s.yaml\n", _sources(name="A B"), [], ["name"]),
    ("sources-bad-style", "sources: s.yaml\n", _sources(style="wordpress"), [], ["style"]),
    ("sources-bad-ipv6-url", "sources: s.yaml\n", _sources(start_urls=["http://[::1/x"]), [], ["start_urls"]),
    ("sources-start-outside-allow", "sources: s.yaml\n", _sources(start_urls=["http://127.0.0.1:9/other/"]), [],
     ["allow"]),
    ("project-delay-nan-with-sources", "sources: s.yaml\ndelay: .nan\n", _sources(), [], ["delay"]),
    ("raw_dir-is-a-file", "sources: s.yaml\nraw_dir: afile.txt\n", _sources(), [], ["raw_dir"]),
]


def _prepare(tmp_path: Path, notices: str | bytes | None, sources: str | bytes | None) -> None:
    (tmp_path / "afile.txt").write_text("not a folder", encoding="utf-8")
    (tmp_path / "afolder").mkdir(exist_ok=True)
    (tmp_path / "raw" / "samples").mkdir(parents=True, exist_ok=True)
    samples = REPO / "raw" / "samples"
    for page in sorted(samples.iterdir())[:2]:
        (tmp_path / "raw" / "samples" / page.name).write_bytes(page.read_bytes())
    for name, content in (("notices.yaml", notices), ("s.yaml", sources)):
        if content is not None:
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (tmp_path / name).write_bytes(data)


def _run(tmp_path: Path, notices: str | bytes | None, sources: str | bytes | None, argv: list[str],
         prefect: bool = False) -> subprocess.CompletedProcess[str]:
    """``notices run`` in a process of its own."""
    _prepare(tmp_path, notices, sources)
    cmd = [sys.executable, "-m", "pipeline.cli", "run", *([] if prefect else ["--no-prefect"]), *argv]
    env = {k: v for k, v in os.environ.items() if k != "NOTICES_CONFIG"}
    return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)


def _assert_one_line_config_error(proc: subprocess.CompletedProcess[str], words: list[str], tmp_path: Path) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "configuration error" in lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert not (tmp_path / "parsed").exists()  # nothing ran


def _run_in_process(tmp_path: Path, notices: str | bytes | None, sources: str | bytes | None, argv: list[str],
                    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> subprocess.CompletedProcess[str]:
    """``notices run`` through the command's entry point (``pipeline.cli.main``) in this process:
    the same code as the console script, without a Python start-up per case."""
    from pipeline.cli import main

    _prepare(tmp_path, notices, sources)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTICES_CONFIG", raising=False)
    capfd.readouterr()
    code = main(["run", "--no-prefect", *argv])
    out, err = capfd.readouterr()
    return subprocess.CompletedProcess(["notices", "run"], code, out, err)


@pytest.mark.parametrize(("notices", "sources", "argv", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_config_is_one_line_and_exit_2(tmp_path: Path, notices: str | bytes | None, sources: str | bytes | None,
                                           argv: list[str], words: list[str], monkeypatch: pytest.MonkeyPatch,
                                           capfd: pytest.CaptureFixture[str]) -> None:
    proc = _run_in_process(tmp_path, notices, sources, argv, monkeypatch, capfd)
    _assert_one_line_config_error(proc, words, tmp_path)


@pytest.mark.parametrize("case", ["parsed_dir-number", "delay-nan", "not-utf8", "sources-missing",
                                  "sources-entry-int-key", "sources-read_timeout-zero"])
def test_bad_config_in_a_process_of_its_own(tmp_path: Path, case: str) -> None:
    """A few of the cases through the installed command line, in a fresh process."""
    _, notices, sources, argv, words = next(c for c in CASES if c[0] == case)
    _assert_one_line_config_error(_run(tmp_path, notices, sources, argv), words, tmp_path)


def test_a_good_config_still_runs(tmp_path: Path) -> None:
    proc = _run(tmp_path, "delay: 0.5\nparse_time_budget: 5\nparsed_dir: parsed\n", None, [])
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "parsed" / "notices.parquet").exists()


@pytest.mark.slow
@pytest.mark.parametrize("case", ["sources-missing", "sources-settings-delay-nan", "parsed_dir-number"])
def test_with_prefect_the_error_comes_before_the_flow(tmp_path: Path, case: str) -> None:
    pytest.importorskip("prefect")
    _, notices, sources, argv, words = next(c for c in CASES if c[0] == case)
    proc = _run(tmp_path, notices, sources, argv, prefect=True)
    _assert_one_line_config_error(proc, words, tmp_path)


def test_scrape_command_config_error_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("settings:\n  delay: .nan\n" + _sources(), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "scrape", "--sources", "s.yaml", "--raw", "raw"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "delay" in proc.stderr
