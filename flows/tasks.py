"""Prefect tasks: thin wrappers over the library's plain functions.

Granularity follows the measured cost of a task (about 15 ms in the flow process plus 50-60 ms of
server time): one crawl task per source (a source's requests are serialized by the per-host delay
anyway), one parse task per batch of documents (``flows.batches``), one report task. Only the crawl
task, which does network I/O, is retried; parsing is a pure function of the bytes and is cached
instead, under the batch key (document hashes + parser version): the task writes the batch's part
files of the tables (``pipeline.parts``) and returns only their place and the per-notice keys,
which Prefect persists.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import TYPE_CHECKING, Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from pipeline.config import Settings
from pipeline import fsurl
from pipeline.parse import ParseOutcome, parse_many
from pipeline.parts import PartResult, write_parts
from pipeline.records import Reject

from .batches import Batch, DocRef

if TYPE_CHECKING:  # the scraper imports httpx: only the crawl task needs it, at run time
    from pipeline.scrape.crawl import SourceResult
    from pipeline.scrape.settings import CrawlSettings
    from pipeline.scrape.sources import Source

__all__ = ["crawl_source_task", "parse_batch", "build_report_task", "parse_refs", "part_name", "CRAWL_RETRIES"]

log = logging.getLogger(__name__)

CRAWL_RETRIES = 2  # extra attempts of a whole source after its task crashed (requests retry on their own)
CRAWL_RETRY_DELAYS: list[float] = [10, 60]  # seconds before each of those attempts


def _parse_one(ref: DocRef, time_budget: float | None = Settings.parse_time_budget) -> ParseOutcome:
    """Read and parse one document; every failure becomes a reject, none escapes."""
    try:
        doc = ref.load()
    except OSError as exc:
        return ParseOutcome(None, Reject(ref.source, "fetch", "unreadable", f"{type(exc).__name__}: {exc}"))
    if hashlib.sha256(doc.data).hexdigest() != ref.digest:
        # The batch key promised other bytes; parsing these would cache them under the wrong key.
        return ParseOutcome(None, Reject(ref.source, "fetch", "changed_during_run",
                                         f"{ref.path} changed between planning and parsing; parsed next run"))
    try:
        return next(parse_many([doc], time_budget))
    except Exception as exc:  # noqa: BLE001 - an extractor bug must cost one page, not the batch and the run
        log.exception("parser error on %s", ref.source)
        return ParseOutcome(None, Reject(ref.source, "extract", "parser_error", f"{type(exc).__name__}: {exc}"))


def part_name(batch: Batch, time_budget: float | None) -> str:
    """The batch's cache key, which also names its part folder: its documents' hashes and the
    parser version (not the run token), and the time budget (a ``too_slow`` reject under one
    budget is no answer under another)."""
    return f"parse-batch-{batch.key}" + (f"-budget{time_budget:g}" if time_budget is not None else "")


def parse_refs(batch: Batch, run_token: str, time_budget: float | None, parts_dir: str) -> PartResult:
    """Parse every document of ``batch`` and write its part files under ``parts_dir`` (the body of
    :func:`parse_batch`); ``time_budget``: CPU seconds per document (None: no limit)."""
    started = time.perf_counter()
    outcomes = [_parse_one(ref, time_budget) for ref in batch.docs]
    seconds = time.perf_counter() - started
    result = write_parts(outcomes, fsurl.join(parts_dir, part_name(batch, time_budget)), batch.key)
    result.computed_by, result.seconds = run_token, seconds
    return result


def _batch_cache_key(context: Any, parameters: dict[str, Any]) -> str:
    """:func:`part_name` of the task's batch (where its parts are written is not part of the key)."""
    return part_name(parameters["batch"], parameters.get("time_budget"))


@task(
    name="crawl-source",
    task_run_name="crawl-{source.name}",
    retries=CRAWL_RETRIES,
    retry_delay_seconds=CRAWL_RETRY_DELAYS,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def crawl_source_task(source: Source, raw_dir: str, settings: CrawlSettings, run_id: str) -> SourceResult:
    """Crawl one source into the raw store (``pipeline.scrape.crawl.crawl_source``); fetch
    failures are logged in the store and counted in the result, never raised."""
    from pipeline.scrape.crawl import crawl_source

    return crawl_source(source, raw_dir, settings, run_id=run_id)


@task(
    name="parse-batch",
    task_run_name="parse-batch-{batch.index}",
    cache_key_fn=_batch_cache_key,
    persist_result=True,
    cache_result_in_memory=False,  # each result is read once; Prefect's in-memory cache would keep them all
)
def parse_batch(batch: Batch, run_token: str, time_budget: float | None, parts_dir: str) -> PartResult:
    """Parse one batch of documents, read from the paths in their references, into part files."""
    return parse_refs(batch, run_token, time_budget, parts_dir)


@task(name="build-report", cache_policy=NO_CACHE, persist_result=False)
def build_report_task(parsed_dir: str) -> dict[str, str]:
    """Build the comparative report from the parsed tables; report name -> path."""
    from pathlib import Path

    from pipeline.report import build_report

    return {name: str(path) for name, path in build_report(Path(parsed_dir)).items()}
