"""Parquet output: schema-checked, written in batches, replaced atomically.

Rows are buffered and written in batches to temporary files inside the output folder (so memory
stays flat however many notices there are); the notices wait in a compressed Arrow stream, since
their ``duplicate_of`` is known only at the end. On :meth:`TableWriter.close` the duplicates are
resolved, the notices table is written from that stream, and the five tables are published as one
unit by :func:`pipeline.publish.publish`: fsynced, hashed into ``_manifest.json``, which is swapped
in first (the commit point), then moved into place. Readers check the tables against the manifest
(:func:`pipeline.publish.verify`). A crash before the commit leaves the previous tables untouched;
after it, the next writer finishes the move (:func:`pipeline.publish.recover`); stale temporary
folders are removed by the next run.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .dedup import DuplicateIndex, notice_key
from .publish import publish, recover
from .records import (
    AUDIENCES,
    CONTACT_KINDS,
    DOMAINS,
    PRECISIONS,
    REJECT_STAGES,
    SERVICE_ACTIONS,
    TZ,
    WINDOW_KINDS,
    Evidence,
    Notice,
    Reject,
)
from .filemode import make_readable
from .schema import SCHEMAS, STORAGE, encode_codes

__all__ = ["TableWriter", "RunSummary", "SchemaViolation", "parse_paths", "notice_rows", "write_table", "TABLES"]

log = logging.getLogger(__name__)

TABLES = ("notices", "windows", "services", "contacts", "rejects")
BATCH_ROWS = 2000  # rows buffered per table before a batch is written
# ... except notices, whose rows carry the body text (~10x the bytes of another table's row):
# a quarter of the batch keeps the buffer, its Arrow copy and the row groups read back for the
# duplicates to the size of the other tables' batches.
NOTICE_BATCH_SHARE = 0.25
_TMP_PREFIX = ".tmp-"
_STAGED_NOTICES = "notices.arrows"  # Arrow stream of the notice rows until close (see TableWriter._open)
_STAGE_OPTIONS = pa.ipc.IpcWriteOptions(compression="zstd")  # body texts: ~4x less temporary disk

# Columns whose values must come from a closed set (SPEC.md).
_ALLOWED: dict[str, dict[str, tuple[str | None, ...]]] = {
    "notices": {"domain": DOMAINS},
    "windows": {"kind": WINDOW_KINDS, "start_precision": PRECISIONS + (None,), "end_precision": PRECISIONS + (None,)},
    "services": {"action": SERVICE_ACTIONS, "audience": AUDIENCES + (None,)},
    "contacts": {"kind": CONTACT_KINDS},
    "rejects": {"stage": REJECT_STAGES},
}


class SchemaViolation(ValueError):
    """Rows that do not fit the table's schema."""


@dataclass
class RunSummary:
    """What a parse run wrote."""

    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)
    outages: int = 0
    duplicates: int = 0
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    run_id: str = ""


# Columns that may not be null, per table, in schema order.
_REQUIRED: dict[str, tuple[str, ...]] = {t: tuple(f.name for f in s if not f.nullable) for t, s in SCHEMAS.items()}


def _check_rows(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows to an Arrow table of the table's schema; raise SchemaViolation on any mismatch."""
    schema = SCHEMAS[table]
    if not rows:
        return schema.empty_table()  # nothing to convert or check (and 60 us saved per empty table)
    try:
        arrow = pa.Table.from_pylist(rows, schema=STORAGE[table])  # code columns as strings until checked
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaViolation(f"{table}: {exc}") from exc
    for name in _REQUIRED[table]:
        # A row's value is null in Arrow exactly when it is None or missing (no pandas NaN
        # conversion here), and the dicts are cheaper to ask than each column.
        nulls = sum(1 for r in rows if r.get(name) is None)
        if nulls:
            raise SchemaViolation(f"{table}.{name} is null in {nulls} row(s)")
    for column, allowed in _ALLOWED.get(table, {}).items():
        bad = {r.get(column) for r in rows} - set(allowed)
        if bad:
            raise SchemaViolation(f"{table}.{column} has values outside {allowed}: {sorted(map(str, bad))}")
    # A window ending before it starts is kept: the notice's end_before_start flag marks it.
    for r in rows:
        if "evidence" in r and r.get("span_end", 0) - r.get("span_start", 0) != len(r["evidence"]):
            raise SchemaViolation(f"{table}: evidence length does not match its span in {r.get('notice_id')}")
    return encode_codes(table, arrow, schema)


def _evidence_columns(name: str, ev: Evidence | None) -> dict[str, Any]:
    """``<name>_span_start``, ``<name>_span_end``, ``<name>_evidence`` of a notice-level value."""
    return {
        f"{name}_span_start": ev.span_start if ev else None,
        f"{name}_span_end": ev.span_end if ev else None,
        f"{name}_evidence": ev.text if ev else None,
    }


def notice_rows(n: Notice) -> dict[str, list[dict[str, Any]]]:
    """The rows one notice contributes to each table."""
    notice = {
        "notice_id": n.notice_id,
        "url": n.url,
        "source_path": n.source_path,
        "site": n.site,
        "title": n.title,
        "publisher": n.publisher,
        "published_at": n.published_at,
        "province": n.province,
        "city": n.city,
        "adcode": n.adcode,
        "domain": n.domain,
        "is_outage_notice": n.is_outage_notice,
        "body_text": n.body_text,
        "duplicate_of": n.duplicate_of,
        "flags": list(n.flags),
        "parser_version": n.parser_version,
        "content_hash": n.content_hash,
        "raw_sha256": n.raw_sha256,
        "encoding": n.encoding,
        **_evidence_columns("title", n.title_evidence),
        **_evidence_columns("publisher", n.publisher_evidence),
        **_evidence_columns("published", n.published_evidence),
    }
    windows = [
        {
            "notice_id": n.notice_id,
            "window_id": f"{n.notice_id}-w{i:02d}",
            "kind": w.kind,
            "component": w.component,
            "start": w.start,
            "end": w.end,
            "start_precision": w.start_precision,
            "end_precision": w.end_precision,
            "is_estimate": bool(w.is_estimate),
            "services": list(w.services),
            "span_start": w.span_start,
            "span_end": w.span_end,
            "evidence": w.evidence,
            "open_end": w.open_end,
        }
        for i, w in enumerate(n.windows)
    ]
    services = [
        {
            "notice_id": n.notice_id,
            "service": s.service,
            "action": s.action,
            "start": s.start,
            "end": s.end,
            "audience": s.audience,
            "instruction": s.instruction,
            "span_start": s.span_start,
            "span_end": s.span_end,
            "evidence": s.evidence,
            "component": s.component,
        }
        for s in n.services
    ]
    contacts = [
        {
            "notice_id": n.notice_id,
            "organization": c.organization,
            "department": c.department,
            "note": c.note,
            "phone": c.phone,
            "phone_e164": c.phone_e164,
            "kind": c.kind,
            "span_start": c.span_start,
            "span_end": c.span_end,
            "evidence": c.evidence,
            "extension": c.extension,
        }
        for c in n.contacts
    ]
    return {"notices": [notice], "windows": windows, "services": services, "contacts": contacts}


def reject_row(r: Reject) -> dict[str, Any]:
    """The rejects-table row of a reject."""
    return {"source": r.source, "stage": r.stage, "reason": r.reason, "detail": r.detail, "at": r.at}


def write_table(path: Path, table: pa.Table) -> None:
    """Write one parquet file atomically (temporary file beside it, then ``os.replace``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=".parquet", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        make_readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class TableWriter:
    """Streams notices and rejects into the five tables of ``out_dir`` (see module docstring)."""

    def __init__(self, out_dir: str | Path, batch_rows: int = BATCH_ROWS) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)  # a publication a crash interrupted after its commit point
        for stale in self.out_dir.glob(_TMP_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
        self.run_id = uuid.uuid4().hex[:12]
        self.tmp = self.out_dir / f"{_TMP_PREFIX}{self.run_id}"
        self.tmp.mkdir()
        self.batch_rows = batch_rows
        self._limits = {t: batch_rows for t in TABLES}
        self._limits["notices"] = max(1, int(batch_rows * NOTICE_BATCH_SHARE))
        self._buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._writers: dict[str, pq.ParquetWriter | pa.ipc.RecordBatchStreamWriter] = {}
        self._seen: set[str] = set()
        self._dups = DuplicateIndex()
        self.summary = RunSummary(out_dir=self.out_dir, counts={t: 0 for t in TABLES}, run_id=self.run_id)
        self._closed = False

    def _flush(self, table: str) -> None:
        rows = self._buffers[table]
        if not rows:
            return
        arrow = _check_rows(table, rows)
        if table not in self._writers:
            self._writers[table] = self._open(table)
        self._writers[table].write_table(arrow)
        self.summary.counts[table] += len(rows)
        rows.clear()
        del arrow
        pa.default_memory_pool().release_unused()  # the batch's buffers back to the system, not kept

    def _open(self, table: str) -> pq.ParquetWriter | pa.ipc.RecordBatchStreamWriter:
        """The writer of a table's batches: parquet, except notices, staged as an Arrow stream.

        The notices table is written at close, once ``duplicate_of`` is known. Reading a
        parquet file back to fill that column cost ~70 MB of resident memory (the reader's
        buffers and thread pools), the run's peak; a compressed Arrow stream reads back batch by
        batch for a few MB."""
        if table == "notices":
            return pa.ipc.new_stream(str(self.tmp / _STAGED_NOTICES), SCHEMAS[table], options=_STAGE_OPTIONS)
        return pq.ParquetWriter(self.tmp / f"{table}.parquet", SCHEMAS[table])

    def add_notice(self, n: Notice) -> bool:
        """Queue one notice's rows; False (and a reject row) if they break the schema or repeat an id."""
        if n.notice_id in self._seen:
            self.add_reject(Reject(n.source_path or n.url or n.notice_id, "write", "repeated_input",
                                   f"same text from the same source already parsed as {n.notice_id}"))
            return False
        rows = notice_rows(n)
        try:
            for table, table_rows in rows.items():
                _check_rows(table, table_rows)  # validate before queueing, so a bad notice is dropped whole
        except SchemaViolation as exc:
            self.add_reject(Reject(n.source_path or n.url or n.notice_id, "write", "schema", str(exc)))
            return False
        self._seen.add(n.notice_id)
        self._dups.add_key(notice_key(n))
        if n.is_outage_notice:
            self.summary.outages += 1
        for table, table_rows in rows.items():
            self._buffers[table].extend(table_rows)
            if len(self._buffers[table]) >= self._limits[table]:
                self._flush(table)
        return True

    def add_reject(self, r: Reject) -> None:
        """Queue one reject row."""
        self._buffers["rejects"].append(reject_row(r))
        self.summary.rejects_by_reason[r.reason] = self.summary.rejects_by_reason.get(r.reason, 0) + 1
        if len(self._buffers["rejects"]) >= self.batch_rows:
            self._flush("rejects")

    def close(self) -> RunSummary:
        """Resolve duplicates, then publish the tables and their manifest as one unit."""
        for table in TABLES:
            self._flush(table)
        for w in self._writers.values():
            w.close()
        mapping = self._dups.resolve()
        self.summary.duplicates = len(mapping)
        final: dict[str, Path] = {}
        for table in TABLES:
            part = self.tmp / f"{table}.parquet"
            if table == "notices" and (self.tmp / _STAGED_NOTICES).exists():
                self._write_notices(part, mapping)
            if not part.exists():
                pq.write_table(SCHEMAS[table].empty_table(), part)
            final[table] = part
        for leftover in self.tmp.iterdir():  # the staged notices stream: not a table
            if leftover not in final.values():
                leftover.unlink()
        manifest = {
            "written_at": dt.datetime.now(TZ).isoformat(timespec="seconds"),
            "counts": self.summary.counts,
            "outages": self.summary.outages,
            "duplicates": self.summary.duplicates,
            "rejects_by_reason": self.summary.rejects_by_reason,
        }
        publish(self.tmp, self.out_dir, self.run_id, final, manifest)
        self._closed = True
        return self.summary

    def _write_notices(self, part: Path, mapping: dict[str, str]) -> None:
        """Write the staged notices batch by batch into ``part``, ``duplicate_of`` filled in."""
        schema = SCHEMAS["notices"]
        idx = schema.get_field_index("duplicate_of")
        id_idx = schema.get_field_index("notice_id")
        with pa.memory_map(str(self.tmp / _STAGED_NOTICES)) as source, pq.ParquetWriter(part, schema) as writer:
            for batch in pa.ipc.open_stream(source):
                table = pa.Table.from_batches([batch], schema)
                if mapping:
                    ids = batch.column(id_idx).to_pylist()
                    old = batch.column(idx).to_pylist()
                    new = pa.array([mapping.get(i, o) for i, o in zip(ids, old)], pa.string())
                    table = table.set_column(idx, schema.field(idx), new)
                writer.write_table(table)

    def abort(self) -> None:
        """Drop everything written by this run; earlier outputs stay as they were."""
        for w in self._writers.values():
            w.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        self._closed = True

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._closed:
            return
        if exc_type is None:
            self.close()
        else:
            self.abort()


def parse_paths(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    progress: Callable[[str], None] | None = None,
    time_budget: float | None = None,
) -> RunSummary:
    """Parse files, folders or raw stores into the tables of ``out_dir``; the run never stops on one input.

    ``time_budget``: CPU seconds per document (default: ``Settings.parse_time_budget``)."""
    from .config import Settings
    from .parse import iter_inputs, parse_many
    from .records import RawDocument

    def documents() -> Iterator[RawDocument]:
        for item in iter_inputs(paths):
            if isinstance(item, RawDocument):
                yield item
            else:
                writer.add_reject(item)
                if progress:
                    progress(item.source)

    with TableWriter(out_dir) as writer:
        budget = Settings.parse_time_budget if time_budget is None else time_budget
        for outcome in parse_many(documents(), budget):
            if outcome.notice is not None:
                writer.add_notice(outcome.notice)
            if outcome.reject is not None:
                writer.add_reject(outcome.reject)
            if progress:
                src = outcome.notice.source_path if outcome.notice else outcome.reject.source  # type: ignore[union-attr]
                progress(src or "")
    return writer.summary
