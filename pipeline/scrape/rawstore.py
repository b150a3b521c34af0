"""The raw store: fetched bytes named by their sha256, plus a parquet fetch log.

Layout of a raw directory::

    RAW/
      RAWSTORE             marker file (format version); ``is_raw_store`` looks for it
      blobs/ab/<sha256>.<ext>   bytes exactly as received, content-encoding undone; the name
                           comes from the hash and a sniffed suffix, never from the URL
      text/<sha256>.txt    text extracted from a text PDF whose blob has that sha256
      fetch_log.parquet    compacted log, one row per request
      log/part-*.parquet   log rows written since the last compaction

The raw directory may be a local folder or the URL of any fsspec filesystem (``s3://bucket/raw``),
so that crawl and parse tasks on several machines share one store. On a store, writes of whole
objects are atomic by themselves; the log lock is local only (compaction is run once, by the flow,
after every crawl task ended; a reader that meets a part file deleted by a compaction reads again).

Crash safety: a blob is written (temp file + ``os.replace``) before its log row; log rows are
buffered and written as small part files, each atomically; compaction merges the parts into
``fetch_log.parquet`` atomically under a lock and only then deletes them. Every row carries a
``request_id``, and readers drop duplicate ids, so a crash between replace and delete duplicates
nothing. A page whose row was lost is fetched again next run, hashes to the same blob (already
there, not written twice) and gets its row then.

The readers (``is_raw_store``, ``iter_documents``, ``iter_failures``, ``read_log``) import
pyarrow only when called, and never httpx or prefect.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .. import fsurl
from ..records import TZ, RawDocument, Reject

__all__ = [
    "RawStore", "FetchLog", "UrlState", "LOG_COLUMNS", "OK_OUTCOMES", "MARKER",
    "is_raw_store", "iter_documents", "iter_failures", "read_log", "compact", "state_key",
    "new_run_id",
]

log = logging.getLogger(__name__)

MARKER = "RAWSTORE"
_FORMAT = "notice-pipeline raw store v1\n"
LOG_FILE = "fetch_log.parquet"
_PARTS = "log"
_LOCK = ".log.lock"
_STALE_TMP_SECONDS = 3600  # temp files older than this are leftovers of a killed run

# Outcomes of a row; the first two mean "the page's bytes are in the store".
OK_OUTCOMES = ("stored", "unchanged")
OUTCOMES = OK_OUTCOMES + ("fetched", "blocked", "not_found", "skipped", "error")
KINDS = ("robots", "list", "detail", "attachment")

# (column, pyarrow type name) of the fetch log, in order. Types are names so this module
# needs no pyarrow at import.
LOG_COLUMNS: tuple[tuple[str, str], ...] = (
    ("request_id", "string"),  # unique per row; readers dedupe on it
    ("run_id", "string"),
    ("source", "string"),  # source name from the sources file
    ("kind", "string"),  # robots / list / detail / attachment
    ("method", "string"),
    ("url", "string"),  # as requested (canonical)
    ("final_url", "string"),  # after redirects
    ("status", "int32"),  # last HTTP status; null when no answer
    ("content_type", "string"),  # header verbatim (carried over on 304)
    ("etag", "string"),
    ("last_modified", "string"),
    ("fetched_at", "timestamp"),  # tz-aware, Asia/Shanghai
    ("sha256", "string"),  # of the stored bytes (also on 'unchanged' rows)
    ("stored_path", "string"),  # relative to the raw dir
    ("bytes", "int64"),
    ("elapsed_ms", "int64"),
    ("attempts", "int32"),
    ("outcome", "string"),  # stored / unchanged / fetched / blocked / not_found / skipped / error
    ("reason", "string"),  # short stable code: http_404, timeout, too_large, soft_404 ...
    ("detail", "string"),  # human-readable
    ("title", "string"),  # link title on the list page
    ("referer", "string"),  # page the link was found on
    ("filename", "string"),  # Content-Disposition file name (attachments)
    ("text_path", "string"),  # extracted text of a PDF, relative to the raw dir
    ("form", "string"),  # url-encoded POST form (Hanweb data requests)
)


def new_run_id() -> str:
    """A sortable, unique id for one crawl run."""
    return dt.datetime.now(TZ).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def state_key(url: str, form: str | None = None) -> str:
    """Key a request's history is kept under (POSTs differ by their form)."""
    return url if not form else f"{url}\n{form}"


@dataclass(slots=True)
class UrlState:
    """What the last good fetch of a URL left behind (for conditional requests and dedupe)."""

    sha256: str
    stored_path: str
    etag: str | None
    last_modified: str | None
    content_type: str | None
    text_path: str | None
    filename: str | None


def _pa_schema() -> Any:
    """The pyarrow schema of the fetch log."""
    import pyarrow as pa

    types = {
        "string": pa.string(), "int32": pa.int32(), "int64": pa.int64(),
        "timestamp": pa.timestamp("us", tz="Asia/Shanghai"),
    }
    return pa.schema([(name, types[kind]) for name, kind in LOG_COLUMNS])


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder and ``os.replace``."""
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class _Root:
    """A raw directory: a local folder (``pathlib``, as before) or a folder of an fsspec filesystem."""

    def __init__(self, raw_dir: str | Path) -> None:
        self.url = str(raw_dir).rstrip("/")
        self.remote = fsurl.is_url(self.url)
        self.path = fsurl.local_path(raw_dir)
        if self.remote:
            self.fs, base = fsurl.filesystem(self.url)
            self.base = base.rstrip("/")

    def full(self, rel: str) -> str:
        """The file's path, or URL on a store (what documents name as ``source_path``)."""
        return f"{self.url}/{rel}" if self.remote else str(self.path / rel)

    def is_file(self, rel: str) -> bool:
        if self.remote:
            return bool(self.fs.isfile(f"{self.base}/{rel}"))
        return (self.path / rel).is_file()

    def read(self, rel: str) -> bytes:
        """The file's bytes; FileNotFoundError when it is not there."""
        if self.remote:
            data: bytes = self.fs.cat_file(f"{self.base}/{rel}")
            return data
        return (self.path / rel).read_bytes()

    def write(self, rel: str, data: bytes) -> None:
        """Write a whole file atomically."""
        if self.remote:
            self.fs.pipe_file(f"{self.base}/{rel}", data)
        else:
            (self.path / rel).parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(self.path / rel, data)

    def unlink(self, rel: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            if self.remote:
                self.fs.rm_file(f"{self.base}/{rel}")
            else:
                (self.path / rel).unlink()

    def log_parts(self) -> list[str]:
        """The log part files, relative, sorted (by run and sequence)."""
        if self.remote:
            found = self.fs.glob(f"{self.base}/{_PARTS}/part-*.parquet")
            return sorted(f"{_PARTS}/{f.rsplit('/', 1)[-1]}" for f in found)
        return sorted(f"{_PARTS}/{p.name}" for p in (self.path / _PARTS).glob("part-*.parquet"))

    def stored_files(self) -> set[str] | None:
        """Every stored blob and text, relative, on a store (one listing instead of a request per
        file); None locally, where asking each file is cheap."""
        if not self.remote:
            return None
        found: set[str] = set()
        for sub in ("blobs", "text"):
            prefix = f"{self.base}/"
            found.update(f[len(prefix):] if f.startswith(prefix) else f for f in self.fs.find(f"{self.base}/{sub}"))
        return found


@contextlib.contextmanager
def _locked(raw_dir: Path | _Root, exclusive: bool) -> Iterator[None]:
    """Hold the log lock (shared for readers, exclusive for compaction); works across threads
    and processes because each call opens its own file description. None on a store (see the
    module docstring)."""
    if isinstance(raw_dir, _Root):
        if raw_dir.remote:
            yield
            return
        raw_dir = raw_dir.path
    try:
        fh = open(raw_dir / _LOCK, "a+b")
    except OSError:
        if exclusive:
            raise
        # A read-only copy of a store: nobody can be compacting it, read without the lock.
        yield
        return
    with fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class RawStore:
    """Writes blobs and texts under a raw directory (created on first use; a path or a URL)."""

    def __init__(self, raw_dir: str | Path) -> None:
        self._root = _Root(raw_dir)
        self.root = self._root.path  # the local folder (meaningless on a store)
        if not self._root.is_file(MARKER):
            self._root.write(MARKER, _FORMAT.encode())
        if not self._root.remote:
            for sub in ("blobs", "text", _PARTS):
                (self.root / sub).mkdir(parents=True, exist_ok=True)
            (self.root / _LOCK).touch(exist_ok=True)
            self._sweep_temp_files()

    def _sweep_temp_files(self) -> None:
        """Delete temp files a killed run left behind (old ones only: a live run may own new ones)."""
        cutoff = time.time() - _STALE_TMP_SECONDS
        for tmp in self.root.rglob(".tmp-*"):
            with contextlib.suppress(FileNotFoundError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()

    def put_blob(self, data: bytes, suffix: str) -> tuple[str, str, bool]:
        """Store ``data`` once; return (sha256, path relative to root, newly written)."""
        sha = hashlib.sha256(data).hexdigest()
        if not suffix.startswith(".") or not suffix[1:].isalnum():
            suffix = ".bin"  # suffixes come from a fixed sniffing table; never trust others
        rel = f"blobs/{sha[:2]}/{sha}{suffix}"
        if self._root.is_file(rel):
            return sha, rel, False
        self._root.write(rel, data)
        return sha, rel, True

    def put_text(self, sha: str, text: str) -> str:
        """Store text extracted from the blob ``sha``; return its path relative to root."""
        rel = f"text/{sha}.txt"
        if not self._root.is_file(rel):
            self._root.write(rel, text.encode("utf-8"))
        return rel

    def read(self, rel: str) -> bytes | None:
        """Bytes of a stored file, or None when it is gone."""
        try:
            return self._root.read(rel)
        except (FileNotFoundError, IsADirectoryError):
            return None

    def has(self, rel: str | None) -> bool:
        """True when the stored file ``rel`` exists."""
        return bool(rel) and self._root.is_file(str(rel))


class FetchLog:
    """Buffered, thread-safe writer of log rows: small atomic part files per batch."""

    def __init__(self, raw_dir: str | Path, run_id: str, batch_rows: int = 20,
                 batch_seconds: float = 5.0) -> None:
        self._root = _Root(raw_dir)
        self.run_id = run_id
        self._batch_rows = max(1, batch_rows)
        self._batch_seconds = batch_seconds
        self._rows: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._seq = 0
        self._last_flush = time.monotonic()

    def add(self, row: dict[str, Any]) -> None:
        """Queue one row (missing columns become null); write a part when the batch is full."""
        full = {name: row.get(name) for name, _ in LOG_COLUMNS}
        full["request_id"] = full["request_id"] or uuid.uuid4().hex
        full["run_id"] = self.run_id
        if full["fetched_at"] is None:
            full["fetched_at"] = dt.datetime.now(TZ)
        with self._lock:
            self._rows.append(full)
            due = (len(self._rows) >= self._batch_rows
                   or time.monotonic() - self._last_flush >= self._batch_seconds)
            if due:
                self._flush_locked()

    def flush(self) -> None:
        """Write the buffered rows now."""
        with self._lock:
            self._flush_locked()

    def _flush_locked(self) -> None:
        self._last_flush = time.monotonic()
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=_pa_schema())
        sink = io.BytesIO()
        pq.write_table(table, sink)
        self._seq += 1
        name = f"part-{self.run_id}-{self._seq:05d}-{uuid.uuid4().hex[:6]}.parquet"
        self._root.write(f"{_PARTS}/{name}", sink.getvalue())
        self._rows = []


def is_raw_store(path: str | Path) -> bool:
    """True when ``path`` (a folder or a URL) is a directory written by the scraper."""
    try:
        return _Root(path).is_file(MARKER)
    except (OSError, ValueError, ImportError):
        return False


def _read_tables(root: _Root, parts: list[str] | None = None) -> list[Any]:
    """The compacted log and the part files (all when ``parts`` is None), as pyarrow tables.
    The caller holds the lock."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _pa_schema()
    files = []
    if root.is_file(LOG_FILE):
        files.append(LOG_FILE)
    files += root.log_parts() if parts is None else parts
    tables = []
    for file in files:
        table = pq.read_table(io.BytesIO(root.read(file)))
        # Old files may lack columns added later: add them as nulls, keep the column order.
        for name in schema.names:
            if name not in table.column_names:
                table = table.append_column(name, pa.nulls(len(table), schema.field(name).type))
        tables.append(table.select(schema.names).cast(schema))
    return tables


def read_log(raw_dir: str | Path) -> list[dict[str, Any]]:
    """All fetch-log rows (compacted + parts), duplicates by request_id dropped, oldest first."""
    root = _Root(raw_dir)
    if not root.is_file(MARKER):
        return []
    with _locked(root, exclusive=False):
        try:
            tables = _read_tables(root)
        except FileNotFoundError:  # a store has no lock: a compaction removed a part meanwhile
            tables = _read_tables(root)
    rows: dict[str, dict[str, Any]] = {}
    for table in tables:
        for row in table.to_pylist():
            rows.setdefault(row["request_id"], row)
    # Stable sort: rows with the same timestamp keep their file order (parts are named by run
    # and sequence, so that order is the order they were written).
    return sorted(rows.values(), key=lambda r: r["fetched_at"])


def compact(raw_dir: str | Path) -> int:
    """Merge the part files into ``fetch_log.parquet`` atomically; return the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = _Root(raw_dir)
    with _locked(root, exclusive=True):
        parts = root.log_parts()
        if not parts:
            return pq.read_metadata(io.BytesIO(root.read(LOG_FILE))).num_rows if root.is_file(LOG_FILE) else 0
        merged = pa.concat_tables(_read_tables(root, parts))
        # Drop duplicate request ids (a crash after a replace and before the deletes).
        seen: set[str] = set()
        keep = []
        for i, rid in enumerate(merged.column("request_id").to_pylist()):
            if rid not in seen:
                seen.add(rid)
                keep.append(i)
        merged = merged.take(pa.array(keep, pa.int64()))
        sink = io.BytesIO()
        pq.write_table(merged, sink)
        root.write(LOG_FILE, sink.getvalue())
        for part in parts:
            root.unlink(part)
        return merged.num_rows


def load_state(raw_dir: str | Path) -> dict[str, UrlState]:
    """Per state key, the last good fetch whose stored file still exists."""
    root = _Root(raw_dir)
    stored = root.stored_files()
    state: dict[str, UrlState] = {}
    for row in read_log(raw_dir):
        if row["outcome"] not in OK_OUTCOMES or not row["stored_path"]:
            continue
        if not (row["stored_path"] in stored if stored is not None else root.is_file(row["stored_path"])):
            continue
        state[state_key(row["url"], row["form"])] = UrlState(
            sha256=row["sha256"], stored_path=row["stored_path"], etag=row["etag"],
            last_modified=row["last_modified"], content_type=row["content_type"],
            text_path=row["text_path"], filename=row["filename"],
        )
    return state


def _latest_good(rows: list[dict[str, Any]], kinds: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Per URL of the given kinds, the newest row whose bytes are in the store."""
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:  # oldest first, so later rows win
        if row["kind"] in kinds and row["outcome"] in OK_OUTCOMES and row["stored_path"]:
            latest[row["url"]] = row
    return latest


def iter_documents(raw_dir: str | Path) -> Iterator[RawDocument]:
    """The latest stored version of every detail page and text attachment, as RawDocuments.

    ``url`` is the final URL (after redirects), ``content_type`` the logged header (the decoder
    may honour its charset), ``source_path`` the stored file: the blob, or for a text PDF the
    extracted text (then ``content_type`` is ``text/plain; charset=utf-8`` and ``sha256`` is
    still the PDF's). Binary attachments without text are not yielded.
    """
    root = _Root(raw_dir)
    latest = _latest_good(read_log(raw_dir), ("detail", "attachment"))
    for url in sorted(latest, key=lambda u: (latest[u]["source"] or "", u)):
        row = latest[url]
        rel, content_type = row["stored_path"], row["content_type"]
        if row["kind"] == "attachment":
            if row["text_path"]:
                rel, content_type = row["text_path"], "text/plain; charset=utf-8"
            elif not rel.endswith((".html", ".txt")):
                continue  # a binary attachment: recorded, no text to parse
        path = root.full(rel)
        try:
            data = root.read(rel)
        except FileNotFoundError:
            log.warning("stored file %s of %s is missing", path, url)
            continue
        yield RawDocument(
            source=row["final_url"] or url, data=data, url=row["final_url"] or url,
            source_path=path, content_type=content_type, fetched_at=row["fetched_at"],
            sha256=row["sha256"],
        )


def iter_failures(raw_dir: str | Path) -> Iterator[Reject]:
    """One fetch-stage Reject per URL that never got stored and whose latest attempt failed."""
    rows = read_log(raw_dir)
    good = {row["url"] for row in rows if row["outcome"] in OK_OUTCOMES}
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["outcome"] != "fetched":
            latest[state_key(row["url"], row["form"])] = row
    for key in sorted(latest):
        row = latest[key]
        if row["outcome"] in OK_OUTCOMES or row["url"] in good:
            continue
        detail = row["detail"] or ""
        context = f"{row['kind']} page of source {row['source']}"
        if row["status"] is not None:
            context += f", HTTP {row['status']}"
        yield Reject(
            source=row["url"], stage="fetch", reason=row["reason"] or row["outcome"],
            detail=f"{context}: {detail}" if detail else context,
            at=row["fetched_at"] or dt.datetime.now(TZ),
        )
