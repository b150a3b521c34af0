"""The run summary: what one run fetched, parsed, cached and failed, as figures and as text.

The flow fills a :class:`RunReport`, publishes ``to_markdown()`` as a Prefect artifact, and the CLI
prints ``to_text()``. :func:`publish_report_artifacts` adds the report's artifacts (a link to
``report.html`` and a table of downtime per city); it imports Prefect when called, so this module
stays importable without it.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import logging
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.records import TZ, Notice
from pipeline.store import RunSummary

__all__ = ["RunReport", "ParseStats", "ScrapeStats", "ChangeCounter", "NOT_FAILURES", "downtime_by_city",
           "publish_report_artifacts", "REPORT_LINK_KEY", "DOWNTIME_TABLE_KEY"]

log = logging.getLogger(__name__)

# Reject reasons that are verdicts, not failures: a parsed page that announces no outage.
NOT_FAILURES = frozenset({"not_a_notice"})
REPORT_LINK_KEY = "notice-pipeline-report"  # Prefect artifact: link to report.html
DOWNTIME_TABLE_KEY = "notice-pipeline-downtime"  # Prefect artifact: downtime per city
_DOUBTFUL = frozenset({"long_downtime", "end_before_start"})  # flags that keep a duration out of the sums


@dataclass
class ScrapeStats:
    """What the scrape stage did (all sources of the run)."""

    sources: int = 0
    sources_failed: dict[str, str] = field(default_factory=dict)  # source name -> why its task failed
    requests: int = 0
    list_pages: int = 0
    pages_stored: int = 0  # new or changed detail pages and attachments
    pages_unchanged: int = 0
    fetch_failures: collections.Counter[str] = field(default_factory=collections.Counter)  # by reason
    results: list[Any] = field(default_factory=list)  # the SourceResult of every source that ran

    @property
    def pages_fetched(self) -> int:
        """Detail pages and attachments whose bytes are in the store after this run."""
        return self.pages_stored + self.pages_unchanged


@dataclass
class ParseStats:
    """What the parse stage did."""

    summary: RunSummary
    documents: int = 0
    batches: int = 0
    batches_computed: int = 0
    batches_cached: int = 0
    batches_failed: int = 0
    new_notices: int = 0  # outage notices from a page (URL or file) not in the previous tables
    changed_notices: int = 0  # outage notices whose page was there before with another text
    seconds_parsing: float = 0.0  # parser time inside the computed batches (not the cached ones)
    seconds_publishing: float = 0.0  # repost resolution, merge of the part files and publication


@dataclass
class RunReport:
    """Everything one run of the pipeline flow did."""

    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    scrape: ScrapeStats | None = None  # None: no sources configured (bundled samples parsed)
    parse: ParseStats | None = None
    report: dict[str, str] = field(default_factory=dict)  # report name -> path
    report_error: str | None = None
    runner: str = "default"
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failures(self) -> dict[str, int]:
        """Failures by reason: the rejects table (fetch failures included) plus failed tasks."""
        counts: collections.Counter[str] = collections.Counter()
        if self.parse is not None:
            for reason, n in self.parse.summary.rejects_by_reason.items():
                if reason not in NOT_FAILURES:
                    counts[reason] += n
        if self.report_error:
            counts["report_failed"] += 1
        return dict(sorted(counts.items()))

    def _rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs shared by the text and Markdown renderings."""
        rows: list[tuple[str, str]] = []
        s, p = self.scrape, self.parse
        if s is not None:
            failed = f" ({len(s.sources_failed)} failed: {', '.join(sorted(s.sources_failed))})" if s.sources_failed else ""
            rows.append(("sources", f"{s.sources}{failed}"))
            rows.append(("requests", str(s.requests)))
            rows.append(("pages fetched", f"{s.pages_fetched} ({s.pages_stored} new or changed, {s.pages_unchanged} unchanged)"))
            if s.fetch_failures:
                rows.append(("fetch failures this run", _counts(s.fetch_failures)))
        else:
            rows.append(("sources", "none configured: bundled samples parsed"))
        if p is not None:
            rows.append(("documents parsed", str(p.documents)))
            rows.append(("parse batches", f"{p.batches} ({p.batches_computed} computed, {p.batches_cached} cached, "
                                          f"{p.batches_failed} failed)"))
            rows.append(("outage notices", f"{p.summary.outages} ({p.new_notices} new, {p.changed_notices} changed, "
                                           f"{p.summary.duplicates} reposts)"))
            rows.append(("rows written", ", ".join(f"{t} {n}" for t, n in p.summary.counts.items())))
        failures = self.failures
        rows.append(("failures by reason", _counts(failures) if failures else "none"))
        if self.report:
            rows.append(("report", ", ".join(f"{k}: {v}" for k, v in self.report.items())))
        if self.report_error:
            rows.append(("report failed", self.report_error))
        if self.stage_seconds:
            rows.append(("seconds", ", ".join(f"{k} {v:.1f}" for k, v in self.stage_seconds.items())))
        return rows

    def to_text(self) -> str:
        """Plain-text summary for the terminal."""
        rows = self._rows()
        width = max(len(label) for label, _ in rows)
        head = f"notice pipeline run ({self.runner} runner)"
        return "\n".join([head] + [f"  {label.ljust(width)}  {value}" for label, value in rows])

    def to_markdown(self) -> str:
        """Markdown summary for the Prefect artifact."""
        lines = [f"# Notice pipeline run ({self.runner} runner)", "",
                 f"Started {self.started_at.isoformat(timespec='seconds')}"
                 + (f", finished {self.finished_at.isoformat(timespec='seconds')}" if self.finished_at else ""),
                 "", "| | |", "|---|---|"]
        lines += [f"| {label} | {value.replace('|', '/')} |" for label, value in self._rows()]
        failures = self.failures
        if failures:
            lines += ["", "## Failures by reason", "", "| reason | count |", "|---|---:|"]
            lines += [f"| {reason} | {n} |" for reason, n in failures.items()]
        return "\n".join(lines) + "\n"

    def finish(self) -> RunReport:
        """Stamp the end time; returns self."""
        self.finished_at = dt.datetime.now(TZ)
        return self


def _local(t: dt.datetime | None) -> str:
    return t.astimezone(TZ).strftime("%Y-%m-%d %H:%M") if t is not None else ""


def downtime_by_city(comparison: str | Path) -> list[dict[str, Any]]:
    """Downtime per city from ``comparison.parquet``: one row per place (city, or province for a
    province-level notice), in the report's order, with its notices, their hours (sum and longest,
    doubtful durations left out and counted apart), the first start and last end, and flags."""
    import pyarrow.parquet as pq

    columns = ["province", "city_key", "domain", "downtime_start", "downtime_end", "downtime_hours", "flags"]
    rows = pq.read_table(comparison, columns=columns).to_pylist()
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["province"] or "", r["city_key"])
        c = out.setdefault(key, {"city": r["city_key"], "province": r["province"] or "", "domains": [], "notices": 0,
                                 "hours_total": 0.0, "hours_longest": None, "doubtful": 0, "no_hours": 0,
                                 "first_start": None, "last_end": None, "flagged": 0})
        c["notices"] += 1
        if r["domain"] and r["domain"] not in c["domains"]:
            c["domains"].append(r["domain"])
        flags = set(r["flags"] or [])
        c["flagged"] += bool(flags)
        hours = r["downtime_hours"]
        if hours is None:
            c["no_hours"] += 1
        elif flags & _DOUBTFUL:
            c["doubtful"] += 1
        else:
            c["hours_total"] += hours
            c["hours_longest"] = max(hours, c["hours_longest"] or 0.0)
        if r["downtime_start"] is not None and (c["first_start"] is None or r["downtime_start"] < c["first_start"]):
            c["first_start"] = r["downtime_start"]
        if r["downtime_end"] is not None and (c["last_end"] is None or r["downtime_end"] > c["last_end"]):
            c["last_end"] = r["downtime_end"]
    return [
        dict(c, domains=", ".join(c["domains"]), hours_total=round(c["hours_total"], 1),
             first_start=_local(c["first_start"]), last_end=_local(c["last_end"]))
        for c in out.values()
    ]


def publish_report_artifacts(run: RunReport) -> None:
    """Publish the report as Prefect artifacts of the current flow run: a link to ``report.html``
    and a table of downtime per city (nothing when the report was not built)."""
    from prefect.artifacts import create_link_artifact, create_table_artifact

    html, comparison = run.report.get("html"), run.report.get("comparison")
    if not html or not comparison:
        return
    create_link_artifact(link=Path(html).resolve().as_uri(), link_text="report.html", key=REPORT_LINK_KEY,
                         description="The comparative report of this run (self-contained; opens offline)")
    create_table_artifact(table=downtime_by_city(comparison), key=DOWNTIME_TABLE_KEY,
                          description="Downtime per city (hours: sum and longest, doubtful durations counted apart)")


def _counts(counts: dict[str, int] | collections.Counter[str]) -> str:
    """``reason n, reason n`` sorted by reason."""
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def _digest64(*parts: str) -> int:
    """A stable 64-bit digest of ``parts`` (BLAKE2b): a fixed 8 bytes per previous notice instead
    of its URL and hash strings (two different pages sharing a digest: about 1 in 10**9 at 100k)."""
    return int.from_bytes(hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest(), "big")


class ChangeCounter:
    """Counts new and changed outage notices against the tables of the previous run.

    The previous run's pages are kept as two sorted arrays of 64-bit digests (page identity, and
    identity with content hash), 16 bytes per previous notice whatever the length of its URL."""

    def __init__(self, parsed_dir: str | Path) -> None:
        from pipeline import fsurl

        self.pages = np.empty(0, dtype=np.uint64)  # digests of the previous pages' identities
        self.versions = np.empty(0, dtype=np.uint64)  # ... of their identity and content hash
        self.new = 0
        self.changed = 0
        path = fsurl.join(parsed_dir, "notices.parquet")
        if not fsurl.exists(path):
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            with fsurl.open_file(path) as fh:
                table = pq.ParquetFile(fh).read(columns=["url", "source_path", "content_hash"])
        except (OSError, pa.ArrowInvalid, KeyError) as exc:
            log.warning("cannot read the previous %s (%s): every notice counts as new", path, exc)
            return
        pages, versions = array("Q"), array("Q")
        for batch in table.to_batches():
            for url, source_path, content_hash in zip(*(column.to_pylist() for column in batch.columns)):
                identity = url or source_path or ""
                pages.append(_digest64(identity))
                versions.append(_digest64(identity, content_hash or ""))
        self.pages = np.unique(np.frombuffer(pages, dtype=np.uint64))
        self.versions = np.unique(np.frombuffer(versions, dtype=np.uint64))

    def add(self, notice: Notice) -> None:
        """Count one written notice (only outage notices count)."""
        self.add_entry(notice.url, notice.source_path, notice.content_hash, notice.is_outage_notice)

    def add_entry(self, url: str | None, source_path: str | None, content_hash: str, is_outage: bool) -> None:
        """Count one written notice by the fields that identify it."""
        if not is_outage:
            return
        identity = url or source_path or ""
        if not _contains(self.pages, _digest64(identity)):
            self.new += 1
        elif not _contains(self.versions, _digest64(identity, content_hash)):
            self.changed += 1


def _contains(sorted_values: np.ndarray, value: int) -> bool:
    """``value`` is in the sorted array."""
    i = int(np.searchsorted(sorted_values, np.uint64(value)))
    return i < len(sorted_values) and int(sorted_values[i]) == value
