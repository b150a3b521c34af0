"""``notices audit``: how many notices of a parsed folder raise each plausibility flag, with examples.

Counts come from the ``flags`` column as written by the parse. Examples are re-checked with the
current rules (:func:`pipeline.flags.check_notice`) to say what tripped each flag; a flag stored
by an older parse that the current rules no longer raise is marked so. A folder written before
flags existed has no ``flags`` column: its flags are then computed here from the tables.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .flags import check_notice, flag_info
from .records import Contact, Notice, TimeWindow

__all__ = ["AuditExample", "AuditReport", "audit", "render_audit"]

log = logging.getLogger(__name__)

_NOTICE_COLUMNS = ("notice_id", "url", "source_path", "site", "title", "publisher", "published_at", "province",
                   "city", "adcode", "domain", "is_outage_notice", "duplicate_of", "parser_version")
_WINDOW_COLUMNS = ("notice_id", "kind", "start", "end", "start_precision", "end_precision", "is_estimate",
                   "component", "services", "span_start", "span_end", "evidence", "open_end")
_CONTACT_COLUMNS = ("notice_id", "phone", "phone_e164", "kind", "span_start", "span_end", "evidence",
                    "organization", "department", "note", "extension")


@dataclass
class AuditExample:
    """One flagged notice shown as an example."""

    notice_id: str
    source: str
    place: str
    detail: str


@dataclass
class AuditReport:
    """Flag counts of a parsed folder and a few examples of each."""

    folder: Path
    notices: int = 0
    outage_notices: int = 0
    flagged: int = 0  # notices with at least one flag
    counts: Counter[str] = field(default_factory=Counter)
    outage_counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[AuditExample]] = field(default_factory=dict)
    computed: bool = False  # True: the folder had no flags column, flags were computed here

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``--json``)."""
        return {
            "folder": str(self.folder),
            "notices": self.notices,
            "outage_notices": self.outage_notices,
            "flagged": self.flagged,
            "computed": self.computed,
            "flags": {
                code: {
                    "count": self.counts.get(code, 0),
                    "outage_notices": self.outage_counts.get(code, 0),
                    "examples": [vars(e) for e in self.examples.get(code, [])],
                }
                for code in flag_info()
                if self.counts.get(code) or code in self.examples
            },
        }


def _rows_by_notice(path: Path, columns: tuple[str, ...], ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of the table at ``path`` of the notices ``ids`` (columns it lacks are None)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    out: dict[str, list[dict[str, Any]]] = {}
    if not ids or not path.exists():
        return out
    pf = pq.ParquetFile(path)
    have = [c for c in columns if c in pf.schema_arrow.names]
    wanted = list(ids)
    for batch in pf.iter_batches(batch_size=16384, columns=have):
        picked = batch.filter(pc.is_in(batch.column("notice_id"), value_set=_array(wanted)))
        for row in picked.to_pylist():
            out.setdefault(row["notice_id"], []).append({c: row.get(c) for c in columns})
    return out


def _array(values: list[str]) -> Any:
    import pyarrow as pa

    return pa.array(values, pa.string())


def _notice(row: dict[str, Any], windows: list[dict[str, Any]], contacts: list[dict[str, Any]]) -> Notice:
    """A :class:`Notice` rebuilt from its table rows (enough for the flag checks)."""
    return Notice(
        notice_id=row["notice_id"],
        url=row.get("url"),
        source_path=row.get("source_path"),
        site=row.get("site"),
        title=row.get("title"),
        publisher=row.get("publisher"),
        published_at=row.get("published_at"),
        province=row.get("province"),
        city=row.get("city"),
        adcode=row.get("adcode"),
        domain=row.get("domain") or "other",
        is_outage_notice=bool(row.get("is_outage_notice")),
        body_text=row.get("body_text") or "",
        parser_version=row.get("parser_version") or "",
        duplicate_of=row.get("duplicate_of"),
        windows=[
            TimeWindow(
                kind=w["kind"], start=w["start"], end=w["end"], start_precision=w["start_precision"],
                end_precision=w["end_precision"], span_start=w["span_start"] or 0, span_end=w["span_end"] or 0,
                evidence=w["evidence"] or "", is_estimate=bool(w["is_estimate"]), component=w["component"],
                services=list(w["services"] or []), open_end=w["open_end"],
            )
            for w in windows
        ],
        contacts=[
            Contact(
                phone=c["phone"], phone_e164=c["phone_e164"], kind=c["kind"], span_start=c["span_start"] or 0,
                span_end=c["span_end"] or 0, evidence=c["evidence"] or "", organization=c["organization"],
                department=c["department"], note=c["note"], extension=c["extension"],
            )
            for c in contacts
        ],
    )


def _source(row: dict[str, Any]) -> str:
    """The file name or URL a notice came from."""
    path = row.get("source_path")
    return Path(path).name if path else (row.get("url") or "")


def _place(row: dict[str, Any]) -> str:
    return row.get("city") or row.get("province") or "未注明"


def audit(parsed_dir: Path, examples: int = 5) -> AuditReport:
    """Count each flag over the notices of ``parsed_dir`` and pick up to ``examples`` of each.

    Raises FileNotFoundError when the folder or its ``notices.parquet`` is missing.
    """
    import pyarrow.parquet as pq

    folder = Path(parsed_dir)
    path = folder / "notices.parquet"
    if not folder.is_dir():
        raise FileNotFoundError(f"no such folder: {folder}")
    if not path.is_file():
        raise FileNotFoundError(f"no notices.parquet in {folder} (run `notices parse ... --out {folder}` first)")
    pf = pq.ParquetFile(path)
    names = pf.schema_arrow.names
    report = AuditReport(folder=folder, computed="flags" not in names)
    meta_cols = [c for c in _NOTICE_COLUMNS if c in names]
    read_cols = meta_cols + (["flags"] if not report.computed else ["body_text"])
    rows: dict[str, dict[str, Any]] = {}
    stored: dict[str, list[str]] = {}
    for batch in pf.iter_batches(batch_size=4096, columns=read_cols):
        for row in batch.to_pylist():
            nid = row["notice_id"]
            rows[nid] = row
            stored[nid] = list(row.get("flags") or [])
    if report.computed:
        # No flags column: compute them (every notice needs its windows and contacts).
        log.warning("%s has no flags column (written before flags existed): computing them now", path)
        ids = set(rows)
        wins = _rows_by_notice(folder / "windows.parquet", _WINDOW_COLUMNS, ids)
        cons = _rows_by_notice(folder / "contacts.parquet", _CONTACT_COLUMNS, ids)
        for nid, row in rows.items():
            stored[nid] = [f.code for f in check_notice(_notice(row, wins.get(nid, []), cons.get(nid, [])))]
            row.pop("body_text", None)
    report.notices = len(rows)
    report.outage_notices = sum(1 for r in rows.values() if r.get("is_outage_notice"))
    for nid, codes in stored.items():
        if codes:
            report.flagged += 1
        report.counts.update(codes)
        if rows[nid].get("is_outage_notice"):
            report.outage_counts.update(codes)
    # Examples: the first notices (table order) raising each flag, outage notices first.
    picks: dict[str, list[str]] = {}
    order = sorted(rows, key=lambda nid: not rows[nid].get("is_outage_notice"))
    for nid in order:
        for code in stored[nid]:
            if len(picks.setdefault(code, [])) < examples:
                picks[code].append(nid)
    wanted = {nid for ids in picks.values() for nid in ids}
    bodies = _rows_by_notice(path, ("notice_id", "body_text"), wanted)
    wins = _rows_by_notice(folder / "windows.parquet", _WINDOW_COLUMNS, wanted)
    cons = _rows_by_notice(folder / "contacts.parquet", _CONTACT_COLUMNS, wanted)
    details: dict[str, dict[str, str]] = {}
    for nid in wanted:
        row = dict(rows[nid], body_text=(bodies.get(nid) or [{}])[0].get("body_text"))
        details[nid] = {f.code: f.detail for f in check_notice(_notice(row, wins.get(nid, []), cons.get(nid, [])))}
    for code in flag_info():
        if code in picks:
            report.examples[code] = [
                AuditExample(nid, _source(rows[nid]), _place(rows[nid]),
                             details[nid].get(code, "(stored by the parse; the current rules do not raise it)"))
                for nid in picks[code]
            ]
    unknown = sorted(set(report.counts) - set(flag_info()))
    for code in unknown:  # a flag of a newer or older parser: counted, shown without labels
        report.examples[code] = [AuditExample(nid, _source(rows[nid]), _place(rows[nid]), "(flag unknown to these rules)")
                                 for nid in picks.get(code, [])]
    return report


def render_audit(report: AuditReport) -> str:
    """The audit as plain text: one line per flag, then its examples."""
    info = flag_info()
    lines = [
        f"{report.notices} notices in {report.folder} ({report.outage_notices} outage notices); "
        f"{report.flagged} raise at least one flag"
        + (" [flags computed now: the folder predates the flags column]" if report.computed else ""),
        "",
        f"{'flag':<26}{'notices':>8}{'outage':>8}  meaning",
    ]
    codes = list(info) + sorted(set(report.counts) - set(info))
    for code in codes:
        i = info.get(code)
        label = f"{i.zh} - {i.means}" if i else "(unknown flag)"
        lines.append(f"{code:<26}{report.counts.get(code, 0):>8}{report.outage_counts.get(code, 0):>8}  {label}")
    for code in codes:
        shown = report.examples.get(code)
        if not shown:
            continue
        lines += ["", f"{code} ({report.counts.get(code, 0)}):"]
        for e in shown:
            lines.append(f"  {e.notice_id}  {e.source}  [{e.place}]  {e.detail}")
    return "\n".join(lines)
