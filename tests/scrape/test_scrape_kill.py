"""Killing the scraper mid-run (SIGKILL, after N requests) and running it again loses nothing and
duplicates nothing."""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixtureweb import FixtureWeb

from pipeline.scrape.crawl import crawl
from pipeline.scrape.rawstore import iter_documents, read_log
from pipeline.scrape.sources import parse_sources

QUICK = ["rsj", "ybj", "gjj", "hospital"]
REPO = Path(__file__).resolve().parents[2]


def _start_scraper(config: dict, raw: Path, tmp: Path) -> subprocess.Popen[bytes]:
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.scrape", "--sources", str(path), "--raw", str(raw)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _blob_files(raw: Path) -> list[Path]:
    return [p for p in (raw / "blobs").rglob("*") if p.is_file() and not p.name.startswith(".tmp-")]


def _documents(raw: Path) -> set[tuple[str, str | None]]:
    return {(d.url or "", d.sha256) for d in iter_documents(raw)}


def _assert_no_duplicates(raw: Path) -> None:
    rows = read_log(raw)
    assert len(rows) == len({r["request_id"] for r in rows})
    stored = collections.Counter((r["url"], r["sha256"]) for r in rows if r["outcome"] == "stored")
    assert set(stored.values()) <= {1}, [k for k, v in stored.items() if v > 1]
    blobs = _blob_files(raw)
    assert len(blobs) == len({p.name for p in blobs})
    assert {str(p.relative_to(raw)) for p in blobs} == {r["stored_path"] for r in rows if r["stored_path"]}


@pytest.mark.parametrize("kill_after", [6, 12, 20], ids=lambda n: f"after-{n}-requests")
def test_killed_run_then_rerun_matches_a_clean_run(tmp_path: Path, kill_after: int) -> None:
    with FixtureWeb() as web:
        # A clean crawl into its own store, as the reference.
        config = web.sources_config(only=QUICK, delay=0.02, log_batch_rows=3)
        clean = tmp_path / "clean"
        crawl(parse_sources(config), clean)
        web.clear_log()

        raw = tmp_path / "raw"
        proc = _start_scraper(config, raw, tmp_path)
        try:
            started = web.wait_for_requests(kill_after, timeout=60)
        finally:
            proc.kill()  # SIGKILL: no cleanup handlers run
            proc.wait(timeout=30)
        assert started, "scraper never got going"
        assert proc.returncode != 0, "the scraper finished before it was killed"
        crawl(parse_sources(config), raw)

    _assert_no_duplicates(raw)
    assert _documents(raw) == _documents(clean)
    stored_urls = {r["url"] for r in read_log(raw) if r["outcome"] == "stored"}
    assert stored_urls >= web.notice_urls(QUICK)


def test_kill_keeps_earlier_runs_rows(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    with FixtureWeb() as web:
        config = web.sources_config(only=QUICK, delay=0.02, log_batch_rows=3)
        crawl(parse_sources(config), raw)
        before = {r["request_id"] for r in read_log(raw)}
        path = "/tzgg/202111/t20211119_1119.html"
        web.set_body("rsj", path, web.sites["rsj"].routes[path].body + b"<!-- v2 -->")
        web.clear_log()
        proc = _start_scraper(config, raw, tmp_path)
        try:
            started = web.wait_for_requests(12, timeout=60)
        finally:
            proc.kill()
            proc.wait(timeout=30)
        assert started
        crawl(parse_sources(config), raw)
        url = web.url("rsj", path)

    rows = read_log(raw)
    assert before <= {r["request_id"] for r in rows}
    _assert_no_duplicates(raw)
    versions = [r["sha256"] for r in rows if r["url"] == url and r["outcome"] == "stored"]
    assert len(versions) == 2 and versions[0] != versions[1]
