"""The comparison table behind the report: one row per distinct outage notice.

Row grain
---------
One row per outage notice that is not a repost: ``notices.is_outage_notice`` is true and
``duplicate_of`` is null (a repost whose original is missing from the folder is kept, so that
every event is counted exactly once; its reposts are counted in ``n_reposts``). A city with
several notices (a 2020 and a 2021 switchover, say) has several rows, ordered by downtime start.
``city_key`` names the place a row is compared under: the city, else the province for a
province-level notice, else ``未知地区``. Rows are ordered by province, then city (province-level
rows first), then time, then ``notice_id``, so the order is stable across runs.

Columns are listed in :data:`COMPARISON` (an Arrow schema, checked on write); the nested
``service_detail``/``contact_detail`` columns keep the evidence sentence of every number so the
HTML report (and an analyst with the parquet) can audit it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..durations import duration_hours, end_moment
from .taxonomy import service_taxonomy

__all__ = [
    "UNKNOWN_PLACE",
    "ParsedTables",
    "comparison_schema",
    "load_parsed",
    "rows_of",
    "build_comparison",
    "sentence_around",
]

log = logging.getLogger(__name__)

UNKNOWN_PLACE = "未知地区"
TABLE_NAMES = ("notices", "windows", "services", "contacts", "rejects")

# Window kinds that give a service's suspension period before the headline `downtime` (which
# is the last resort, applied separately).
_SERVICE_WINDOW_KINDS = ("suspension",)
# Characters that end a sentence in the cleaned body (full-width forms are normalized away,
# but a few survive, e.g. 。 and ；).
_SENTENCE_END = re.compile(
    r"""
    [。；;!?！？]   # sentence punctuation
    | \n            # a line break ends a paragraph
    """,
    re.VERBOSE,
)
_SENTENCE_LIMIT = 240  # characters of context shown around an evidence span at most
# County-level names shorter than this are generic words too (城区, 郊区, 矿区) and are not
# searched in free text.
_MIN_COUNTY_NAME = 3


# Columns the report reads from each table; everything else (body_text above all) stays on disk.
# The body of a notice is read apart, in batches, only for the notices compared (see iter_bodies).
COLUMNS: dict[str, tuple[str, ...]] = {
    "notices": (
        "notice_id", "url", "source_path", "site", "title", "publisher", "published_at",
        "province", "city", "adcode", "domain", "is_outage_notice", "duplicate_of", "flags",
    ),
    "windows": (
        "notice_id", "window_id", "kind", "component", "start", "end", "start_precision",
        "end_precision", "is_estimate", "services", "span_start", "span_end", "evidence", "open_end",
    ),
    "services": ("notice_id", "service", "action", "start", "end", "span_start", "span_end", "evidence"),
    "contacts": (
        "notice_id", "organization", "department", "note", "phone", "kind", "span_start", "span_end", "evidence",
    ),
    "rejects": ("source", "stage", "reason", "detail"),
}
_BATCH_ROWS = 1024  # notices turned into Python objects at a time (rows of a batch are freed after it)


class NoticeCounts(NamedTuple):
    """How many pages a parsed folder holds, how many are outage notices, how many of those reposts."""

    pages: int
    outage: int
    reposts: int


@dataclass
class ParsedTables:
    """The tables of a parsed folder as Arrow tables of the :data:`COLUMNS` the report uses.

    Rows become Python dicts only a batch of notices at a time (:func:`rows_of`), so a report of
    10,000 notices never holds every window, service and contact as dicts at once. ``services``
    holds only the suspended-service rows (the only ones compared); ``counts()`` still gives the
    row count of every table as read. A missing table is an empty table.
    """

    notices: Any = None  # pyarrow.Table (no body_text: see iter_bodies)
    windows: Any = None
    services: Any = None
    contacts: Any = None
    rejects: Any = None
    missing: list[str] = field(default_factory=list)  # tables whose file was absent
    folder: Path | None = None  # where body_text is read from
    rows_read: dict[str, int] = field(default_factory=dict)
    # Filled by build_comparison: the evidence sentence of each window of a compared notice, in the
    # notice's window order (the timeline shows them; the bodies are not kept to make them again).
    window_sentences: dict[str, list[str]] = field(default_factory=dict)
    _index: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict, repr=False)

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {name: self.rows_read.get(name, 0) for name in TABLE_NAMES}

    def drop(self, *names: str) -> None:
        """Free the rows of the tables ``names`` (their schema and ``counts()`` stay)."""
        for name in names:
            setattr(self, name, getattr(self, name).schema.empty_table())
            self._index.pop(name, None)

    def index(self, name: str) -> dict[str, list[tuple[int, int]]]:
        """Row ranges ``(start, stop)`` of table ``name`` by notice_id (built once).

        Ranges, not row numbers: the writer keeps a notice's rows together, so each notice has one
        range and 10,000 notices cost 10,000 entries rather than one per window or service.
        """
        if name not in self._index:
            out: dict[str, list[tuple[int, int]]] = {}
            ids = getattr(self, name).column("notice_id").to_pylist()
            start = 0
            for k in range(1, len(ids) + 1):
                if k == len(ids) or ids[k] != ids[start]:
                    out.setdefault(ids[start] or "", []).append((start, k))
                    start = k
            self._index[name] = out
        return self._index[name]

    def notice_counts(self) -> NoticeCounts:
        """Pages parsed, outage notices among them, reposts among those."""
        outage = self.notices.column("is_outage_notice").to_pylist()
        dup = self.notices.column("duplicate_of").to_pylist()
        return NoticeCounts(len(outage), sum(1 for o in outage if o), sum(1 for o, d in zip(outage, dup) if o and d))

    def iter_bodies(self, batch_rows: int | None = None) -> Iterator[list[str]]:
        """``body_text`` of the notices, a batch of rows (default :data:`_BATCH_ROWS`) at a time, in table order.

        Read from ``folder``'s notices file; tables built by hand may instead carry the column
        (or have no bodies at all: evidence is then shown without its sentence).
        """
        size = batch_rows or _BATCH_ROWS
        total = self.notices.num_rows
        if "body_text" in self.notices.column_names or self.folder is None or "notices" in self.missing:
            column = self.notices.column("body_text") if "body_text" in self.notices.column_names else None
            for lo in range(0, total, size):
                n = min(size, total - lo)
                yield [b or "" for b in column.slice(lo, n).to_pylist()] if column is not None else [""] * n
            return
        import pyarrow.parquet as pq

        path = self.folder / "notices.parquet"
        done = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=size, columns=["notice_id", "body_text"]):
            ids = batch.column(0).to_pylist()
            if ids != self.notices.column("notice_id").slice(done, len(ids)).to_pylist():
                raise RuntimeError(f"{path} changed while the report was being built")
            done += len(ids)
            yield [b or "" for b in batch.column(1).to_pylist()]
        if done != total:
            raise RuntimeError(f"{path} changed while the report was being built")


def rows_of(
    table: Any, index: dict[str, list[tuple[int, int]]], nids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``table`` of each notice in ``nids`` as dicts (table order), made in one go."""
    wanted = list(dict.fromkeys(nids))
    picks = [k for nid in wanted for start, stop in index.get(nid, ()) for k in range(start, stop)]
    dicts = iter(table.take(picks).to_pylist() if picks else [])
    return {nid: [next(dicts) for start, stop in index.get(nid, ()) for _ in range(start, stop)] for nid in wanted}


def comparison_schema() -> Any:
    """Arrow schema of ``comparison.parquet``."""
    import pyarrow as pa

    from ..schema import TS, documented

    s = pa.string()
    i = pa.int32()
    f = pa.float64()
    service_detail = pa.struct(
        [
            ("service", s),
            ("start", TS),
            ("end", TS),
            ("hours", f),
            # where the period came from: service, window, downtime, or a '+'-joined mix when one
            # side came from the service row and the other from its window; none if unknown
            ("basis", s),
            ("evidence", s),  # the sentence stating the suspension
            ("window_evidence", s),  # the sentence the period came from, if not the same
        ]
    )
    contact_detail = pa.struct(
        [("phone", s), ("kind", s), ("organization", s), ("department", s), ("note", s), ("evidence", s)]
    )
    fields = [
        pa.field("notice_id", s, nullable=False),
        pa.field("city_key", s, nullable=False),
        pa.field("level", s, nullable=False),  # city | province | unknown
        pa.field("province", s),
        pa.field("city", s),
        pa.field("adcode", s),
        pa.field("title", s),
        pa.field("publisher", s),
        pa.field("domain", s),
        pa.field("published_at", TS),
        pa.field("downtime_start", TS),
        pa.field("downtime_end", TS),
        pa.field("downtime_start_precision", s),
        pa.field("downtime_end_precision", s),
        pa.field("downtime_open_end", s),  # words of an open end (至切换工作结束 ...)
        pa.field("downtime_hours", f),
        pa.field("lead_days", f),  # (downtime_start - published_at) in days; negative = published late
        pa.field("downtime_is_estimate", pa.bool_(), nullable=False),
        pa.field("has_estimate", pa.bool_(), nullable=False),  # any window of the notice is an estimate
        pa.field("end_missing", pa.bool_(), nullable=False),
        pa.field("n_windows", i, nullable=False),
        pa.field("n_estimated_windows", i, nullable=False),
        pa.field("services_suspended", pa.list_(s), nullable=False),
        pa.field("n_services_suspended", i, nullable=False),
        # hours each taxonomy service is suspended, for every code of the taxonomy (null: not suspended)
        *[pa.field(f"hours_{s.code}", f) for s in service_taxonomy()],
        pa.field("service_detail", pa.list_(service_detail), nullable=False),
        pa.field("n_contacts", i, nullable=False),  # distinct phone numbers
        pa.field("contact_orgs", pa.list_(s), nullable=False),
        pa.field("n_contact_orgs", i, nullable=False),
        pa.field("counties_covered", pa.list_(s), nullable=False),
        pa.field("n_counties", i, nullable=False),
        pa.field("contact_detail", pa.list_(contact_detail), nullable=False),
        pa.field("url", s),
        pa.field("site", s),
        pa.field("source_path", s),
        pa.field("n_reposts", i, nullable=False),
        pa.field("repost_ids", pa.list_(s), nullable=False),
        pa.field("notices_in_city", i, nullable=False),
        pa.field("downtime_evidence", s),
        pa.field("flags", pa.list_(s), nullable=False),  # the notice's plausibility flags (notices.flags)
    ]
    return documented("comparison", pa.schema(fields))  # descriptions (schema.DESCRIPTIONS) and code columns


def _read(path: Path, name: str) -> Any:
    """The :data:`COLUMNS` of table ``name`` from ``path``; a column the file lacks is all null.

    Services are read a batch at a time and only the suspended rows kept (the only ones
    compared, see _service_detail), so the whole table is never in memory.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from ..schema import SCHEMAS

    # ParquetFile rather than read_table: read_table loads pyarrow.dataset (~50 MB of RSS).
    pf = pq.ParquetFile(path)
    have = set(pf.schema_arrow.names)
    columns = [c for c in COLUMNS[name] if c in have]
    if name == "services" and "action" in have:
        batches = [
            b.filter(pc.fill_null(pc.equal(b.column("action"), "suspended"), False))
            for b in pf.iter_batches(batch_size=16384, columns=columns)
        ]
        schema = pa.schema([pf.schema_arrow.field(c) for c in columns])
        table = pa.Table.from_batches(batches, schema=schema) if batches else schema.empty_table()
    else:
        table = pf.read(columns=columns)
    for c in COLUMNS[name]:
        if c not in have:
            table = table.append_column(SCHEMAS[name].field(c), pa.nulls(table.num_rows, SCHEMAS[name].field(c).type))
    return table.select(list(COLUMNS[name]))


def load_parsed(parsed_dir: Path) -> ParsedTables:
    """Read the five tables of ``parsed_dir`` (the columns the report uses); an absent file is an empty table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..schema import SCHEMAS

    out = ParsedTables(folder=Path(parsed_dir))
    for name in TABLE_NAMES:
        path = Path(parsed_dir) / f"{name}.parquet"
        if path.exists():
            out.rows_read[name] = pq.ParquetFile(path).metadata.num_rows
            table = _read(path, name)
        else:
            out.missing.append(name)
            out.rows_read[name] = 0
            table = pa.schema([SCHEMAS[name].field(c) for c in COLUMNS[name]]).empty_table()
        setattr(out, name, table)
    return out


def sentence_around(body: str | None, start: int | None, end: int | None, evidence: str | None) -> str:
    """The sentence of ``body`` holding ``body[start:end]``, clipped to a readable length.

    Falls back to ``evidence`` itself when the span does not point at it (odd input never raises).
    """
    ev = evidence or ""
    if not body or start is None or end is None or not (0 <= start <= end <= len(body)) or body[start:end] != ev:
        return ev
    lo = max(0, start - _SENTENCE_LIMIT)
    left = lo  # no sentence end within reach: start the context there
    for stop in _SENTENCE_END.finditer(body, lo, start):
        left = stop.end()
    if end > start and _SENTENCE_END.match(body, end - 1):
        right = end  # the evidence closes its own sentence
    else:
        m = _SENTENCE_END.search(body, end, min(len(body), end + _SENTENCE_LIMIT))
        right = m.end() if m else min(len(body), end + _SENTENCE_LIMIT)
    # Keep the evidence whole; trim the context around it evenly.
    room = max(0, _SENTENCE_LIMIT - (end - start))
    left = max(left, start - room // 2)
    right = min(right, end + room - (start - left))
    text = body[left:right].strip()
    prefix = "…" if left > 0 and body[left - 1] not in "。；;!?！？\n" else ""
    suffix = "…" if right < len(body) and body[right - 1] not in "。；;!?！？\n" else ""
    return f"{prefix}{text}{suffix}" if text else ev


class _Sentences:
    """``sentence_around`` for one body, each distinct sentence made and kept once.

    A notice names a dozen services in one sentence and its windows repeat the downtime's words;
    sharing the string objects keeps ~60% of the evidence text of 10,000 notices out of memory.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.made: dict[tuple[Any, Any, Any], str] = {}
        self.pool: dict[str, str] = {}

    def __call__(self, row: dict[str, Any]) -> str:
        """The sentence around ``row``'s evidence span."""
        key = (row.get("span_start"), row.get("span_end"), row.get("evidence"))
        if key not in self.made:
            text = sentence_around(self.body, *key)
            self.made[key] = self.pool.setdefault(text, text)
        return self.made[key]


def _union_hours(intervals: Iterable[tuple[dt.datetime, dt.datetime]]) -> float | None:
    """Total hours covered by the intervals (overlaps counted once)."""
    spans = sorted((s, e) for s, e in intervals if s is not None and e is not None and e >= s)
    if not spans:
        return None
    total = dt.timedelta(0)
    cur_s, cur_e = spans[0]
    for s, e in spans[1:]:
        if s > cur_e:
            total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    total += cur_e - cur_s
    return round(total.total_seconds() / 3600, 2)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether the evidence spans of two rows overlap (same sentence, or one inside the other)."""
    try:
        return int(a["span_start"]) < int(b["span_end"]) and int(b["span_start"]) < int(a["span_end"])
    except (KeyError, TypeError, ValueError):
        return False


def _window_for_service(fact: dict[str, Any], windows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The suspension window a suspended-service row belongs to: stated in the same words, else
    naming the service. Deadlines and resumes are points around the outage, not its period."""
    timed = [
        w
        for w in windows
        if w.get("kind") in _SERVICE_WINDOW_KINDS and (w.get("start") is not None or w.get("end") is not None)
    ]
    for pick in (lambda w: _overlaps(w, fact), lambda w: fact.get("service") in (w.get("services") or [])):
        found = [w for w in timed if pick(w)]
        if found:
            return min(found, key=lambda w: abs(int(w["span_start"]) - int(fact["span_start"])))
    return None


def _resume_days(windows: list[dict[str, Any]]) -> list[dt.datetime]:
    """Day-precision starts of a notice's resume windows: ends on those days are not whole days."""
    return [w["start"] for w in windows if w.get("kind") == "resume" and w.get("start") is not None
            and w.get("start_precision") == "day"]


def _end_precisions(windows: list[dict[str, Any]]) -> dict[dt.datetime, str]:
    """Precision of each end a window states (a service row's end is one of them, or a clock time)."""
    out: dict[dt.datetime, str] = {}
    for w in windows:
        if w.get("end") is not None and w.get("end_precision"):
            out.setdefault(w["end"], w["end_precision"])
    return out


class _Period(NamedTuple):
    """The suspension period of one suspended-service row, and where each side came from."""

    start: dt.datetime | None
    end: dt.datetime | None
    basis: str  # service, window, downtime, a '+'-joined mix, or none
    window_evidence: list[str]  # sentences the period was filled from, when not the row's own


def _suspended_by_service(facts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The suspended-service rows of a notice by service code, in taxonomy order."""
    by_service: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        if f.get("action") == "suspended" and f.get("service"):
            by_service[f["service"]].append(f)
    order = {s.code: i for i, s in enumerate(service_taxonomy())}
    return {c: by_service[c] for c in sorted(by_service, key=lambda c: (order.get(c, len(order)), c))}


def _fact_period(
    fact: dict[str, Any], windows: list[dict[str, Any]], downtime: dict[str, Any] | None, sentence: _Sentences
) -> _Period:
    """The row's own period; each missing side filled from its window, then from the downtime."""
    start, end = fact.get("start"), fact.get("end")
    used = ["service"] if start is not None or end is not None else []
    window_evidence: list[str] = []
    if start is None or end is None:
        for source, name in ((_window_for_service(fact, windows), "window"), (downtime, "downtime")):
            if source is None:
                continue
            took = False
            if start is None and source.get("start") is not None:
                start, took = source["start"], True
            if end is None and source.get("end") is not None:
                end, took = source["end"], True
            if took:
                used.append(name)
                if not _overlaps(source, fact):
                    window_evidence.append(sentence(source))
            if start is not None and end is not None:
                break
    return _Period(start, end, "+".join(used) or "none", window_evidence)


def _service_entry(
    service: str, periods: list[_Period], first: dict[str, Any], windows: list[dict[str, Any]], sentence: _Sentences
) -> dict[str, Any]:
    """The ``service_detail`` entry of one service from the periods of its rows."""
    precisions = _end_precisions(windows)
    resumes = _resume_days(windows)
    intervals = [(p.start, end_moment(p.end, precisions.get(p.end), resumes))
                 for p in periods if p.start is not None and p.end is not None and p.end >= p.start]
    known_starts = [p.start for p in periods if p.start is not None]
    known_ends = [p.end for p in periods if p.end is not None]
    window_evidence = [ev for p in periods for ev in p.window_evidence]
    return {
        "service": service,
        "start": min(known_starts) if known_starts else None,
        "end": max(known_ends) if known_ends else None,
        "hours": _union_hours(intervals),
        "basis": _strongest_basis([p.basis for p in periods]),
        "evidence": sentence(first),
        "window_evidence": window_evidence[0] if window_evidence else None,
    }


def _service_detail(
    facts: list[dict[str, Any]], windows: list[dict[str, Any]], downtime: dict[str, Any] | None, sentence: _Sentences
) -> list[dict[str, Any]]:
    """One entry per suspended service: its period (service row, else its window, else downtime).

    Hours count a day-precision end as the whole day (pipeline/durations.py)."""
    out = []
    for service, rows in _suspended_by_service(facts).items():
        periods = [_fact_period(f, windows, downtime, sentence) for f in rows]
        out.append(_service_entry(service, periods, rows[0], windows, sentence))
    return out


def _strongest_basis(bases: list[str]) -> str:
    """The most direct source among the rows of one service (service > window > downtime > none)."""
    for b in ("service", "window", "downtime"):
        for basis in bases:
            if basis.startswith(b):
                return basis
    return "none"


class _County(NamedTuple):
    """A county-level name to look for in a notice, and the division it stands for."""

    name: str  # the name searched (current or old)
    canonical: str  # the division's current name
    city: str  # its city's name


def _county_index() -> dict[str, list[_County]]:
    """County-level divisions by city adcode, city name and province name."""
    from ..ruledata import RulesError, load_csv

    try:
        rows = load_csv("divisions.csv")
    except RulesError as exc:
        log.warning("no divisions table, counties are not counted: %s", exc)
        return {}
    index: dict[str, list[_County]] = defaultdict(list)
    for r in rows:
        if r.get("level") != "county":
            continue
        names = [r.get("name") or ""] + [n for n in (r.get("old_names") or "").split("|") if n]
        for name in names:
            if len(name) < _MIN_COUNTY_NAME:
                continue
            entry = _County(name, r.get("name") or name, r.get("city_name") or "")
            for key in (r.get("city_adcode"), r.get("city_name"), r.get("province_name")):
                if key:
                    index[key].append(entry)
    return index


def _counties(notice: dict[str, Any], texts: list[str], index: dict[str, list[_County]]) -> list[str]:
    """County-level divisions of the notice's city (or province) named in ``texts``."""
    if notice.get("city"):
        candidates = index.get(notice.get("adcode") or "") or index.get(notice["city"]) or []
    elif notice.get("province"):
        candidates = index.get(notice["province"]) or []
    else:
        candidates = []
    found: list[str] = []
    blob = "\n".join(t for t in texts if t)
    for county in candidates:
        if county.canonical not in found and county.name in blob:
            found.append(county.canonical)
    return found


def _pick_downtime(windows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The headline window (SPEC: exactly one; if a parser gave several, the earliest-starting)."""
    downs = [w for w in windows if w.get("kind") == "downtime"]
    if len(downs) > 1:
        log.warning("notice %s has %d downtime windows; using the earliest", downs[0].get("notice_id"), len(downs))
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return min(downs, key=lambda w: (w.get("start") or far, str(w.get("window_id")))) if downs else None


def _sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Province, city (province-level first), time, id; missing values last."""
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    when = row["downtime_start"] or row["published_at"] or far
    return (
        row["province"] is None,
        row["province"] or "",
        row["city"] is not None,
        row["city_key"],
        when,
        row["notice_id"],
    )


def build_comparison(tables: ParsedTables) -> list[dict[str, Any]]:
    """Comparison rows (dicts matching :func:`comparison_schema`) from the parsed tables.

    Notices are read a batch at a time with their bodies; the evidence sentences of their windows
    are left in ``tables.window_sentences`` for the timeline.
    """
    all_ids = tables.notices.column("notice_id").to_pylist()
    dups = tables.notices.column("duplicate_of").to_pylist()
    outage = tables.notices.column("is_outage_notice").to_pylist()
    ids = set(all_ids)
    reposts: dict[str, list[str]] = defaultdict(list)
    for nid, dup in zip(all_ids, dups):
        if dup:
            reposts[dup].append(nid)
    kept = [k for k, (o, dup) in enumerate(zip(outage, dups)) if o and not (dup and dup in ids)]
    del all_ids, dups, outage, ids
    county_index = _county_index() if kept else {}
    rows: list[dict[str, Any]] = []
    tables.window_sentences = {}
    done = 0
    for batch_bodies in tables.iter_bodies():
        lo, hi = done, done + len(batch_bodies)
        done = hi
        here = kept[bisect.bisect_left(kept, lo) : bisect.bisect_left(kept, hi)]
        if here:
            _compare_batch(tables, here, [batch_bodies[k - lo] for k in here], reposts, county_index, rows)
    per_city: dict[str, int] = defaultdict(int)
    for r in rows:
        per_city[(r["province"] or "") + "/" + r["city_key"]] += 1
    for r in rows:
        r["notices_in_city"] = per_city[(r["province"] or "") + "/" + r["city_key"]]
    rows.sort(key=_sort_key)
    return rows


def _compare_batch(
    tables: ParsedTables,
    picks: list[int],
    bodies: list[str],
    reposts: dict[str, list[str]],
    county_index: dict[str, list[_County]],
    rows: list[dict[str, Any]],
) -> None:
    """Append the comparison rows of the notices at rows ``picks`` of ``tables.notices``."""
    notices = tables.notices.take(picks).to_pylist()
    nids = [n["notice_id"] for n in notices]
    windows = rows_of(tables.windows, tables.index("windows"), nids)
    services = rows_of(tables.services, tables.index("services"), nids)
    contacts = rows_of(tables.contacts, tables.index("contacts"), nids)
    for n, body in zip(notices, bodies):
        sentence = _Sentences(body)
        nid = n["notice_id"]
        wins = windows.get(nid, [])
        tables.window_sentences[nid] = [sentence(w) for w in wins]
        down = _pick_downtime(wins)
        detail = _service_detail(services.get(nid, []), wins, down, sentence)
        notice_contacts = contacts.get(nid, [])
        rows.append({
            **_place_columns(n),
            **_downtime_columns(down, wins, n.get("published_at"), sentence),
            **_service_columns(detail),
            **_contact_columns(notice_contacts, sentence),
            **_county_columns(n, notice_contacts, body, county_index),
            "url": n.get("url"),
            "site": n.get("site"),
            "source_path": n.get("source_path"),
            "n_reposts": len(reposts.get(nid, [])),
            "repost_ids": sorted(reposts.get(nid, [])),
            "notices_in_city": 0,
            "downtime_evidence": sentence(down) if down else None,
            "flags": list(n.get("flags") or []),
        })


def _place_columns(n: dict[str, Any]) -> dict[str, Any]:
    """The notice's identity, place and publication columns."""
    city, province = n.get("city"), n.get("province")
    return {
        "notice_id": n["notice_id"],
        "city_key": city or province or UNKNOWN_PLACE,
        "level": "city" if city else ("province" if province else "unknown"),
        "province": province,
        "city": city,
        "adcode": n.get("adcode"),
        "title": n.get("title"),
        "publisher": n.get("publisher"),
        "domain": n.get("domain"),
        "published_at": n.get("published_at"),
    }


def _downtime_columns(
    down: dict[str, Any] | None, wins: list[dict[str, Any]], published: dt.datetime | None, sentence: _Sentences
) -> dict[str, Any]:
    """The headline downtime's columns and the window counts."""
    start = down.get("start") if down else None
    end = down.get("end") if down else None
    end_precision = down.get("end_precision") if down else None
    lead = None
    if start is not None and published is not None:
        lead = round((start - published).total_seconds() / 86400, 2)
    return {
        "downtime_start": start,
        "downtime_end": end,
        "downtime_start_precision": down.get("start_precision") if down else None,
        "downtime_end_precision": end_precision,
        "downtime_open_end": down.get("open_end") if down else None,
        "downtime_hours": duration_hours(start, end, end_precision, _resume_days(wins)),
        "lead_days": lead,
        "downtime_is_estimate": bool(down and down.get("is_estimate")),
        "has_estimate": any(bool(w.get("is_estimate")) for w in wins),
        "end_missing": down is not None and end is None,
        "n_windows": len(wins),
        "n_estimated_windows": sum(1 for w in wins if w.get("is_estimate")),
    }


def _service_columns(detail: list[dict[str, Any]]) -> dict[str, Any]:
    """The suspended services, the hours of each taxonomy code and their detail."""
    hours_by_service = {d["service"]: d["hours"] for d in detail}
    return {
        "services_suspended": [d["service"] for d in detail],
        "n_services_suspended": len(detail),
        **{f"hours_{s.code}": hours_by_service.get(s.code) for s in service_taxonomy()},
        "service_detail": detail,
    }


def _contact_columns(contacts: list[dict[str, Any]], sentence: _Sentences) -> dict[str, Any]:
    """Distinct phone numbers (the first row of each, with its sentence) and organizations."""
    phones: dict[str, dict[str, Any]] = {}
    for c in contacts:
        phone = c.get("phone")
        if phone and phone not in phones:
            phones[phone] = {
                "phone": phone,
                "kind": c.get("kind"),
                "organization": c.get("organization"),
                "department": c.get("department"),
                "note": c.get("note"),
                "evidence": sentence(c),
            }
    orgs: list[str] = []
    for c in contacts:
        org = (c.get("organization") or "").strip()
        if org and org not in orgs:
            orgs.append(org)
    return {
        "n_contacts": len(phones),
        "contact_orgs": orgs,
        "n_contact_orgs": len(orgs),
        "contact_detail": list(phones.values()),
    }


def _county_columns(
    n: dict[str, Any], contacts: list[dict[str, Any]], body: str, county_index: dict[str, list[_County]]
) -> dict[str, Any]:
    """County-level divisions named by the contacts or the body."""
    contact_texts = [" ".join(str(c.get(k) or "") for k in ("organization", "department", "note", "evidence"))
                     for c in contacts]
    counties = _counties(n, contact_texts + [body], county_index)
    return {"counties_covered": counties, "n_counties": len(counties)}
