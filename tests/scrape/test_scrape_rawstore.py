"""The raw store and its fetch log: content-addressed blobs, atomic parts, compaction, readers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.records import TZ
from pipeline.scrape.rawstore import (LOG_FILE, FetchLog, RawStore, compact, is_raw_store,
                                      iter_documents, iter_failures, load_state, read_log)


def _row(url: str, outcome: str = "stored", kind: str = "detail", **kw: Any) -> dict[str, Any]:
    row = {"source": "s", "kind": kind, "method": "GET", "url": url, "final_url": url, "status": 200,
           "outcome": outcome, "content_type": "text/html; charset=utf-8",
           "fetched_at": dt.datetime(2021, 9, 24, 10, 0, tzinfo=TZ)}
    row.update(kw)
    return row


def test_blob_named_by_hash_and_written_once(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha, rel, new = store.put_blob(b"<html>a</html>", ".html")
    assert new and rel == f"blobs/{sha[:2]}/{sha}.html"
    assert store.put_blob(b"<html>a</html>", ".html") == (sha, rel, False)
    assert (tmp_path / rel).read_bytes() == b"<html>a</html>"
    assert not list(tmp_path.rglob(".tmp-*"))


@pytest.mark.parametrize("suffix", ["/../../etc/passwd", "../x", ".h/tml", "", ".."], ids=repr)
def test_blob_suffix_cannot_escape(tmp_path: Path, suffix: str) -> None:
    _, rel, _ = RawStore(tmp_path).put_blob(b"x", suffix)
    assert rel.endswith(".bin") and (tmp_path / rel).resolve().is_relative_to(tmp_path.resolve())


def test_store_marker(tmp_path: Path) -> None:
    assert not is_raw_store(tmp_path)
    RawStore(tmp_path / "raw")
    assert is_raw_store(tmp_path / "raw")
    assert read_log(tmp_path) == []


def test_log_batches_are_atomic_parts(tmp_path: Path) -> None:
    RawStore(tmp_path)
    log = FetchLog(tmp_path, "run1", batch_rows=2, batch_seconds=3600)
    log.add(_row("http://a.example/1"))
    assert read_log(tmp_path) == []  # still buffered
    log.add(_row("http://a.example/2"))
    assert len(list((tmp_path / "log").glob("part-*.parquet"))) == 1
    log.add(_row("http://a.example/3"))
    log.flush()
    rows = read_log(tmp_path)
    assert [r["url"] for r in rows] == ["http://a.example/1", "http://a.example/2", "http://a.example/3"]
    assert {r["run_id"] for r in rows} == {"run1"}
    assert rows[0]["fetched_at"].tzinfo is not None


def test_compaction_keeps_every_row_once(tmp_path: Path) -> None:
    RawStore(tmp_path)
    for run in ("r1", "r2"):
        log = FetchLog(tmp_path, run, batch_rows=1)
        for i in range(3):
            log.add(_row(f"http://a.example/{run}/{i}"))
        assert compact(tmp_path) == (3 if run == "r1" else 6)
    assert not list((tmp_path / "log").glob("part-*"))
    # A crash after the replace and before the deletes leaves a part whose rows are also in the
    # compacted file: simulate it by writing the same rows again as a part.
    import shutil

    shutil.copy(tmp_path / LOG_FILE, tmp_path / "log" / "part-again.parquet")
    assert len(read_log(tmp_path)) == 6
    assert compact(tmp_path) == 6


def test_load_state_is_last_good_fetch_with_existing_blob(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    sha1, rel1, _ = store.put_blob(b"v1", ".txt")
    sha2, rel2, _ = store.put_blob(b"v2", ".txt")
    log = FetchLog(tmp_path, "r", batch_rows=100)
    url = "http://a.example/n"
    log.add(_row(url, sha256=sha1, stored_path=rel1, etag='"1"'))
    log.add(_row(url, sha256=sha2, stored_path=rel2, etag='"2"',
                 fetched_at=dt.datetime(2021, 9, 25, tzinfo=TZ)))
    log.add(_row(url, outcome="error", reason="timeout", fetched_at=dt.datetime(2021, 9, 26, tzinfo=TZ)))
    log.flush()
    assert load_state(tmp_path)[url].etag == '"2"'
    (tmp_path / rel2).unlink()  # a lost blob: fall back to the older version still on disk
    assert load_state(tmp_path)[url].sha256 == sha1


def test_readers(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    log = FetchLog(tmp_path, "r", batch_rows=100)
    day = dt.datetime(2021, 9, 24, tzinfo=TZ)
    old_sha, old_rel, _ = store.put_blob(b"<html>old</html>", ".html")
    new_sha, new_rel, _ = store.put_blob(b"<html>new</html>", ".html")
    pdf_sha, pdf_rel, _ = store.put_blob(b"%PDF-1.4 text", ".pdf")
    text_rel = store.put_text(pdf_sha, "停机公告")
    scan_sha, scan_rel, _ = store.put_blob(b"%PDF-1.4 scan", ".pdf")
    log.add(_row("http://a.example/n", sha256=old_sha, stored_path=old_rel, fetched_at=day))
    log.add(_row("http://a.example/n", outcome="unchanged", sha256=new_sha, stored_path=new_rel,
                 final_url="https://a.example/n", fetched_at=day + dt.timedelta(days=1)))
    log.add(_row("http://a.example/n", outcome="not_found", reason="http_404", status=404,
                 fetched_at=day + dt.timedelta(days=2)))  # gone now: the stored version still counts
    log.add(_row("http://a.example/a.pdf", kind="attachment", sha256=pdf_sha, stored_path=pdf_rel,
                 text_path=text_rel, content_type="application/octet-stream"))
    log.add(_row("http://a.example/s.pdf", kind="attachment", sha256=scan_sha, stored_path=scan_rel))
    log.add(_row("http://a.example/list", kind="list", sha256=old_sha, stored_path=old_rel))
    log.add(_row("http://a.example/b", outcome="blocked", reason="blocked", status=412, detail="cookie script"))
    log.add(_row("http://a.example/c", outcome="error", reason="timeout", status=None))
    log.add(_row("http://a.example/c", outcome="error", reason="http_503", status=503,
                 fetched_at=day + dt.timedelta(days=3)))
    log.add(_row("http://a.example/robots.txt", kind="robots", outcome="fetched", status=404))
    log.flush()

    docs = {d.url: d for d in iter_documents(tmp_path)}
    assert set(docs) == {"https://a.example/n", "http://a.example/a.pdf"}
    assert docs["https://a.example/n"].data == b"<html>new</html>"
    assert docs["https://a.example/n"].sha256 == new_sha
    assert docs["http://a.example/a.pdf"].data.decode() == "停机公告"
    assert docs["http://a.example/a.pdf"].content_type == "text/plain; charset=utf-8"
    rejects = {r.source: r for r in iter_failures(tmp_path)}
    assert set(rejects) == {"http://a.example/b", "http://a.example/c"}
    assert rejects["http://a.example/b"].reason == "blocked" and "cookie script" in rejects["http://a.example/b"].detail
    assert rejects["http://a.example/c"].reason == "http_503"  # the latest attempt
    assert all(r.stage == "fetch" and r.at.tzinfo for r in rejects.values())


def test_reader_imports_stay_light() -> None:
    code = ("import sys, pipeline.scrape.rawstore, pipeline.scrape; "
            "print(sorted(m for m in ('httpx', 'pyarrow', 'prefect', 'bs4') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_store_readable_when_the_lock_cannot_be_opened(tmp_path: Path) -> None:
    """A read-only copy: readers go on without the lock (a folder in its place stands in for an
    unwritable file, which root could still open)."""
    store = RawStore(tmp_path / "raw")
    log = FetchLog(store.root, "r", batch_rows=1)
    sha, rel, _ = store.put_blob(b"<html>x</html>", ".html")
    log.add(_row("http://a.example/n", sha256=sha, stored_path=rel))
    (store.root / ".log.lock").unlink()
    (store.root / ".log.lock").mkdir()
    assert [d.url for d in iter_documents(store.root)] == ["http://a.example/n"]
    with pytest.raises(OSError):
        compact(store.root)  # a writer still needs the lock
