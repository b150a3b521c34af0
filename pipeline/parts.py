"""Part files: each parse task writes its own slice of the tables; the flow merges and publishes.

A worker that parsed a batch writes the rows of its notices into one parquet file per table
(``notices``, ``windows``, ``services``, ``contacts``) in the batch's part folder, named by the
batch's cache key, and returns only a :class:`PartResult`: per notice its repost key
(:class:`pipeline.dedup.NoticeKey`, ~250 bytes) and what the run summary counts, and the batch's
reject rows (few and small). No row of the four notice tables travels back to the flow as a
record.

The flow (:class:`PartsPublisher`), taking the documents in input order as ``TableWriter`` does:

1. drops a notice whose id an earlier batch already wrote (``repeated_input``, as ``TableWriter``);
2. resolves reposts across all parts from the keys alone (``DuplicateIndex.add_key``);
3. merges the parts table by table, columnar (Arrow record batches, no Python row objects),
   filling ``duplicate_of`` and leaving out the dropped notices, into a staging folder;
4. publishes the five tables as one unit with their manifest (:mod:`pipeline.publish`).

The published tables are row for row those ``notices parse`` writes for the same inputs.

Part folders are content-addressed (batch key = documents' hashes + parser version + time
budget) and immutable, so they double as the parse cache: a batch whose part folder holds its
files is not parsed again, on any machine that sees the folder. They live under ``parts_dir``
(a local folder, or a URL such as ``s3://bucket/parts`` that every worker can reach).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import fsurl
from .dedup import DuplicateIndex, NoticeKey, notice_key
from .publish import PUBLISH_PREFIX, publish, publish_remote, recover, recover_remote
from .records import TZ, Reject
from .schema import SCHEMAS
from .store import _TMP_PREFIX, BATCH_ROWS, RunSummary, SchemaViolation, _check_rows, notice_rows, reject_row

__all__ = ["PartNotice", "PartResult", "write_parts", "parts_complete", "PartsPublisher", "NOTICE_TABLES"]

log = logging.getLogger(__name__)

NOTICE_TABLES = ("notices", "windows", "services", "contacts")  # written by the workers, per batch
PART_FORMAT = "1"  # bump when the part files or PartResult change shape


@dataclass(frozen=True, slots=True)
class PartNotice:
    """One notice of a batch, as the flow needs it: no rows, just its key and counted facts."""

    position: int  # the document's position in its batch
    key: NoticeKey
    label: str  # source_path or URL or id: what a rejects row names
    url: str | None
    source_path: str | None
    content_hash: str
    is_outage: bool
    repeated: bool = False  # the same id came earlier in this batch: not in the part files

    @property
    def notice_id(self) -> str:
        return self.key.notice_id


@dataclass
class PartResult:
    """What a parse task returns: where its part files are, and the small per-notice facts."""

    key: str  # the batch's cache key (names the part folder)
    location: str  # the part folder (local path or URL)
    files: dict[str, int] = field(default_factory=dict)  # table -> bytes of its part file (tables with rows)
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows in its part file
    notices: list[PartNotice] = field(default_factory=list)
    rejects: list[tuple[int, Reject]] = field(default_factory=list)  # (document position, reject), in order
    computed_by: str = ""  # run token of the run that parsed it; another token means a cache hit
    seconds: float = 0.0  # parser time


def write_parts(outcomes: Iterable[Any], location: str, key: str) -> PartResult:
    """Write the rows of ``outcomes`` (ParseOutcomes in document order) as part files in
    ``location``; a notice that breaks the schema becomes a reject, as in ``TableWriter``."""
    result = PartResult(key=key, location=location)
    arrows: dict[str, list[pa.Table]] = {t: [] for t in NOTICE_TABLES}
    seen: set[str] = set()
    for position, outcome in enumerate(outcomes):
        n = outcome.notice
        if n is not None:
            label = n.source_path or n.url or n.notice_id
            if n.notice_id in seen:
                result.notices.append(PartNotice(position, notice_key(n), label, n.url, n.source_path,
                                                 n.content_hash, n.is_outage_notice, repeated=True))
            else:
                try:
                    checked = {t: _check_rows(t, rows) for t, rows in notice_rows(n).items()}
                except SchemaViolation as exc:
                    result.rejects.append((position, Reject(label, "write", "schema", str(exc))))
                else:
                    seen.add(n.notice_id)
                    for table, arrow in checked.items():
                        if arrow.num_rows:
                            arrows[table].append(arrow)
                    result.notices.append(PartNotice(position, notice_key(n), label, n.url, n.source_path,
                                                     n.content_hash, n.is_outage_notice))
        if outcome.reject is not None:
            result.rejects.append((position, outcome.reject))
    for table, pieces in arrows.items():
        if not pieces:
            continue
        merged = pa.concat_tables(pieces)
        sink = io.BytesIO()
        pq.write_table(merged, sink)
        data = sink.getvalue()
        fsurl.put_bytes(fsurl.join(location, f"{table}.parquet"), data)
        result.files[table] = len(data)
        result.rows[table] = merged.num_rows
    return result


def parts_complete(result: PartResult) -> bool:
    """True when every part file ``result`` names is there with its size (a cached result whose
    files were deleted is not)."""
    try:
        if fsurl.is_url(result.location):
            fs, base = fsurl.filesystem(result.location)
            return all(fs.size(f"{base.rstrip('/')}/{t}.parquet") == size for t, size in result.files.items())
        folder = fsurl.local_path(result.location)
        return all((folder / f"{t}.parquet").stat().st_size == size for t, size in result.files.items())
    except (OSError, FileNotFoundError):
        return False


_HEX_ID = re.compile(r"[0-9a-f]{16}")


def _compact_id(notice_id: str) -> int | str:
    """A notice id as the publisher remembers it: the 64-bit number a 16-hex-digit id spells (as
    ``pipeline.parse`` makes them: no string object kept per notice), other ids as they are."""
    return int(notice_id, 16) if _HEX_ID.fullmatch(notice_id) else notice_id


@dataclass
class _Part:
    result: PartResult
    drop: set[str] = field(default_factory=set)  # ids an earlier batch wrote: left out of the merge
    by_position: dict[int, PartNotice] = field(default_factory=dict)
    rejects_at: dict[int, list[Reject]] = field(default_factory=dict)


class PartsPublisher:
    """The flow's side: documents in input order in, five published tables out (module docstring)."""

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = str(out_dir)
        self.remote = fsurl.is_url(self.out_dir)
        self.run_id = uuid.uuid4().hex[:12]
        if self.remote:
            fs, base = fsurl.filesystem(self.out_dir)
            recover_remote(fs, base)
            for stale in fs.glob(f"{base.rstrip('/')}/{_TMP_PREFIX}*"):
                fs.rm(stale, recursive=True)
        else:
            local = fsurl.local_path(self.out_dir)
            local.mkdir(parents=True, exist_ok=True)
            recover(local)
            for stale in local.glob(_TMP_PREFIX + "*"):
                fsurl.remove_tree(stale) if stale.is_dir() else stale.unlink(missing_ok=True)
        # On a store, tables are written where publish_remote takes them from (renames are copies there).
        prefix = PUBLISH_PREFIX if self.remote else _TMP_PREFIX
        self.staging = fsurl.join(self.out_dir, f"{prefix}{self.run_id}")
        self.parts: list[_Part] = []
        self._seen: set[int | str] = set()  # ids written so far (see _compact_id)
        self._dups = DuplicateIndex()
        self._rejects: list[dict[str, Any]] = []
        self._reject_handle: Any = None
        self._reject_writer: pq.ParquetWriter | None = None
        self.summary = RunSummary(out_dir=Path(self.out_dir), counts={t: 0 for t in (*NOTICE_TABLES, "rejects")},
                                  run_id=self.run_id)

    # --- documents, in input order ---------------------------------------------------------------

    def add_reject(self, r: Reject) -> None:
        """One reject row (a plan's read failure, a failed batch's document, a run's own)."""
        self._rejects.append(reject_row(r))
        self.summary.rejects_by_reason[r.reason] = self.summary.rejects_by_reason.get(r.reason, 0) + 1
        if len(self._rejects) >= BATCH_ROWS:
            self._flush_rejects()

    def begin_part(self, result: PartResult) -> None:
        """The next batch's result; its documents follow through :meth:`add_document`."""
        if self.parts:
            self._trim(self.parts[-1])
        part = _Part(result, by_position={n.position: n for n in result.notices})
        for position, reject in result.rejects:
            part.rejects_at.setdefault(position, []).append(reject)
        self.parts.append(part)

    def add_document(self, position: int) -> PartNotice | None:
        """Document ``position`` of the current batch: its notice (returned when written) and rejects."""
        part = self.parts[-1]
        kept = None
        entry = part.by_position.get(position)
        if entry is not None:
            seen_as = _compact_id(entry.notice_id)
            if entry.repeated or seen_as in self._seen:
                if not entry.repeated:
                    part.drop.add(entry.notice_id)
                self.add_reject(Reject(entry.label, "write", "repeated_input",
                                       f"same text from the same source already parsed as {entry.notice_id}"))
            else:
                self._seen.add(seen_as)
                self._dups.add_key(entry.key)
                if entry.is_outage:
                    self.summary.outages += 1
                kept = entry
        for reject in part.rejects_at.get(position, ()):
            self.add_reject(reject)
        return kept

    @staticmethod
    def _trim(part: _Part) -> None:
        """Forget a batch's keys and rejects once its documents are taken in: the merge needs only
        where its files are and which ids to leave out (memory stays flat with the corpus)."""
        part.result.notices = []
        part.result.rejects = []
        part.by_position = {}
        part.rejects_at = {}

    # --- publication -----------------------------------------------------------------------------

    def _flush_rejects(self) -> None:
        if not self._rejects:
            return
        arrow = _check_rows("rejects", self._rejects)
        if self._reject_writer is None:
            self._reject_handle = fsurl.open_file(fsurl.join(self.staging, "rejects.parquet"), "wb")
            self._reject_writer = pq.ParquetWriter(self._reject_handle, SCHEMAS["rejects"])
        self._reject_writer.write_table(arrow)
        self.summary.counts["rejects"] += len(self._rejects)
        self._rejects = []

    def _merge(self, table: str, mapping: dict[str, str]) -> None:
        """One table from the parts, in batch order: dropped notices left out, ``duplicate_of``
        filled in (notices); Arrow columns all the way."""
        schema = SCHEMAS[table]
        dup_keys = pa.array(list(mapping), pa.string()) if mapping else None
        dup_values = pa.array(list(mapping.values()), pa.string()) if mapping else None
        with fsurl.open_file(fsurl.join(self.staging, f"{table}.parquet"), "wb") as handle, \
                pq.ParquetWriter(handle, schema) as writer:
            for part in self.parts:
                if table not in part.result.files:
                    continue
                with fsurl.open_file(fsurl.join(part.result.location, f"{table}.parquet")) as source:
                    rows = pq.ParquetFile(source).read()
                if rows.schema != schema:
                    rows = rows.cast(schema)
                if part.drop:
                    rows = rows.filter(pc.invert(pc.is_in(rows.column("notice_id"), pa.array(sorted(part.drop)))))
                if table == "notices" and dup_keys is not None:
                    found = pc.take(dup_values, pc.index_in(rows.column("notice_id"), value_set=dup_keys))
                    idx = schema.get_field_index("duplicate_of")
                    rows = rows.set_column(idx, schema.field(idx), pc.coalesce(found, rows.column(idx)))
                writer.write_table(rows)
                self.summary.counts[table] += rows.num_rows
            if self.summary.counts[table] == 0:
                writer.write_table(schema.empty_table())

    def publish(self) -> RunSummary:
        """Resolve reposts over the keys, merge the parts, publish the five tables as one unit."""
        if self.parts:
            self._trim(self.parts[-1])
        mapping = self._dups.resolve()
        self.summary.duplicates = len(mapping)
        for table in NOTICE_TABLES:
            self._merge(table, mapping)
        self._flush_rejects()
        if self._reject_writer is None:
            with fsurl.open_file(fsurl.join(self.staging, "rejects.parquet"), "wb") as handle:
                pq.write_table(SCHEMAS["rejects"].empty_table(), handle)
        else:
            self._reject_writer.close()
            self._reject_handle.close()
        manifest = {
            "written_at": dt.datetime.now(TZ).isoformat(timespec="seconds"),
            "counts": {t: self.summary.counts[t] for t in (*NOTICE_TABLES, "rejects")},
            "outages": self.summary.outages,
            "duplicates": self.summary.duplicates,
            "rejects_by_reason": self.summary.rejects_by_reason,
        }
        names = (*NOTICE_TABLES, "rejects")
        if self.remote:
            fs, base = fsurl.filesystem(self.out_dir)
            staging = fsurl.filesystem(self.staging)[1]
            publish_remote(fs, staging, base, self.run_id, {t: f"{t}.parquet" for t in names}, manifest)
        else:
            staging_path = fsurl.local_path(self.staging)
            publish(staging_path, fsurl.local_path(self.out_dir), self.run_id,
                    {t: staging_path / f"{t}.parquet" for t in names}, manifest)
        return self.summary

    def abort(self) -> None:
        """Drop the staging folder; the published tables stay as they were."""
        if self._reject_writer is not None:
            self._reject_writer.close()
            self._reject_handle.close()
            self._reject_writer = None
        fsurl.remove_tree(self.staging)
