"""Raw store, part files and publication on a filesystem given by URL (fsspec's in-memory one here;
the S3 server on loopback is in ``test_flows_prefect.py``)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.parse import iter_inputs
from pipeline.publish import TablesMismatch, verify_remote
from pipeline.records import TZ, RawDocument
from pipeline.scrape.rawstore import FetchLog, RawStore, compact, is_raw_store, iter_documents, load_state, read_log

ROOT = Path(__file__).resolve().parent.parent
NOTICES = sorted((ROOT / "tests" / "gold" / "extra").glob("*.txt"))


@pytest.fixture()
def memory_url() -> Iterator[str]:
    import fsspec

    url = f"memory://notices-{uuid.uuid4().hex[:8]}"
    yield url
    fs = fsspec.filesystem("memory")
    if fs.exists(url[len("memory://"):]):
        fs.rm(url[len("memory://"):], recursive=True)


def _store_pages(raw: str, files: list[Path]) -> None:
    store = RawStore(raw)
    log = FetchLog(raw, "run1", batch_rows=2, batch_seconds=3600)
    for i, f in enumerate(files):
        sha, rel, _ = store.put_blob(f.read_bytes(), ".txt")
        log.add({"source": "s", "kind": "detail", "method": "GET", "url": f"http://a.gov.cn/{i}.html",
                 "final_url": f"http://a.gov.cn/{i}.html", "status": 200, "outcome": "stored",
                 "content_type": "text/plain; charset=utf-8", "sha256": sha, "stored_path": rel,
                 "fetched_at": dt.datetime(2021, 9, 24, 10, i, tzinfo=TZ)})
    log.flush()


def test_raw_store_at_a_url_is_written_compacted_and_read(memory_url: str) -> None:
    raw = f"{memory_url}/raw"
    assert not is_raw_store(raw)
    _store_pages(raw, NOTICES[:3])
    assert is_raw_store(raw) and len(read_log(raw)) == 3
    assert compact(raw) == 3 and len(read_log(raw)) == 3
    assert len(load_state(raw)) == 3
    docs = list(iter_documents(raw))
    assert [d.data for d in docs] == [f.read_bytes() for f in NOTICES[:3]]
    assert all(d.source_path and d.source_path.startswith(f"{raw}/blobs/") for d in docs)
    # notices parse reads a raw store given by URL like a local one
    assert [d.data for d in iter_inputs([raw]) if isinstance(d, RawDocument)] == [d.data for d in docs]
    [missing] = list(iter_inputs([f"{memory_url}/nothing"]))
    assert missing.reason == "not_found"


def test_parts_published_at_a_url_match_the_single_writer(memory_url: str, tmp_path: Path) -> None:
    import fsspec

    from flows.batches import plan_batches
    from flows.tasks import parse_refs
    from pipeline.parts import PartsPublisher
    from pipeline.records import Reject
    from pipeline.store import parse_paths

    raw, out = f"{memory_url}/raw", f"{memory_url}/parsed"
    _store_pages(raw, NOTICES[:6])
    plan = plan_batches(iter_inputs([raw]), 2, "test")
    publisher = PartsPublisher(out)
    current = -1
    for item in plan.items:
        if isinstance(item, Reject):
            publisher.add_reject(item)
            continue
        index, position = item.batch, item.position
        if index != current:
            publisher.begin_part(parse_refs(plan.batches[index], "t", None, f"{memory_url}/parts"))
            current = index
        publisher.add_document(position)
    summary = publisher.publish()
    plain = parse_paths([raw], tmp_path / "plain")
    assert summary.counts == plain.counts and plain.counts["notices"] == 6
    fs = fsspec.filesystem("memory")
    base = out[len("memory://"):]
    manifest = verify_remote(fs, base)
    assert manifest is not None and manifest["counts"] == plain.counts
    assert not fs.glob(f"{base}/.publish-*")
    for name in ("notices", "windows", "services", "contacts"):
        with fs.open(f"{base}/{name}.parquet") as fh:
            assert pq.read_table(fh).to_pylist() == pq.read_table(tmp_path / "plain" / f"{name}.parquet").to_pylist()
    # a table replaced behind the manifest's back is refused
    fs.pipe_file(f"{base}/windows.parquet", fs.cat_file(f"{base}/contacts.parquet"))
    with pytest.raises(TablesMismatch, match="windows.parquet"):
        verify_remote(fs, base)
    assert json.loads(fs.cat_file(f"{base}/_manifest.json"))["run_id"] == summary.run_id


def test_cached_parts_that_are_gone_are_not_complete(tmp_path: Path) -> None:
    from flows.batches import plan_batches
    from flows.tasks import parse_refs
    from pipeline.parts import parts_complete

    batch = plan_batches(iter_inputs([str(NOTICES[0])]), 10, "test").batches[0]
    result = parse_refs(batch, "t", None, str(tmp_path / "parts"))
    assert parts_complete(result)
    (Path(result.location) / "windows.parquet").unlink()
    assert not parts_complete(result)


def test_a_read_from_a_store_is_asked_again_before_the_page_counts_as_lost(memory_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import fsspec

    from pipeline import fsurl

    monkeypatch.setattr(fsurl, "READ_RETRY_DELAY", 0.0)
    fsurl.put_bytes(f"{memory_url}/blob.txt", b"page")
    memory = fsspec.filesystem("memory")
    real_cat = type(memory).cat_file
    failures = iter([ConnectionResetError("reset by the store"), FileNotFoundError("not visible yet")])

    def flaky_cat(self: object, path: str, *args: object, **kwargs: object) -> bytes:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real_cat(self, path, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(type(memory), "cat_file", flaky_cat)
    assert fsurl.read_bytes(f"{memory_url}/blob.txt") == b"page"  # two failures, then the third read
    with pytest.raises(FileNotFoundError):
        fsurl.read_bytes(f"{memory_url}/gone.txt")  # missing on every attempt: still FileNotFoundError
