"""Prefect tasks: thin wrappers over the library's plain functions.

Granularity follows the measured cost of a task (about 15 ms in the flow process plus 50-60 ms of
server time): one crawl task per source (a source's requests are serialized by the per-host delay
anyway), one parse task per batch of documents (``flows.batches``), one report task. Only the crawl
task, which does network I/O, is retried; parsing is a pure function of the bytes and is cached
instead, under the batch key (document hashes + parser version), in persisted results.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import time
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from pipeline.config import Settings
from pipeline.parse import ParseOutcome, parse_many
from pipeline.records import Reject

from .batches import Batch, DocRef

if TYPE_CHECKING:  # the scraper imports httpx: only the crawl task needs it, at run time
    from pipeline.scrape.crawl import SourceResult
    from pipeline.scrape.settings import CrawlSettings
    from pipeline.scrape.sources import Source

__all__ = ["crawl_source_task", "parse_batch", "build_report_task", "BatchResult", "parse_refs",
           "pack_outcomes", "unpack_outcomes", "CRAWL_RETRIES"]

log = logging.getLogger(__name__)

CRAWL_RETRIES = 2  # extra attempts of a whole source after its task crashed (requests retry on their own)
CRAWL_RETRY_DELAYS: list[float] = [10, 60]  # seconds before each of those attempts
PACK_LEVEL = 1  # zlib level of packed outcomes: higher levels shrink them little more at twice the time


@dataclass
class BatchResult:
    """The outcomes of one batch, in document order, and which run computed them.

    The outcomes travel and are cached packed (:func:`pack_outcomes`): a pickle compressed about
    ten times, so the persisted result is a small blob rather than Prefect's base64 of a
    cloudpickle of thousands of dataclasses, and a result waiting in the flow process holds
    no object graph."""

    key: str
    payload: bytes = b""  # the packed outcomes
    computed_by: str = ""  # run token of the run that parsed it; another token means a cache hit
    seconds: float = 0.0  # parser time

    @property
    def outcomes(self) -> list[ParseOutcome]:
        """The outcomes, unpacked (anew at each access: keep the list)."""
        return unpack_outcomes(self.payload)


def pack_outcomes(outcomes: list[ParseOutcome]) -> bytes:
    """Outcomes as compact bytes: the standard pickle (the classes are importable, so cloudpickle's
    by-value code is not needed) compressed at zlib's fastest level (1.25 MB -> 0.12 MB for 200
    notices, in ~20 ms)."""
    return zlib.compress(pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def unpack_outcomes(payload: bytes) -> list[ParseOutcome]:
    """The outcomes of :func:`pack_outcomes` bytes (written by this project's own tasks only)."""
    if not payload:
        return []
    outcomes: list[ParseOutcome] = pickle.loads(zlib.decompress(payload))  # noqa: S301 - our own cache
    return outcomes


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


def parse_refs(batch: Batch, run_token: str, time_budget: float | None = Settings.parse_time_budget) -> BatchResult:
    """Parse every document of ``batch`` (the body of :func:`parse_batch`); ``time_budget``: CPU
    seconds per document (None: no limit)."""
    started = time.perf_counter()
    outcomes = [_parse_one(ref, time_budget) for ref in batch.docs]
    seconds = time.perf_counter() - started
    return BatchResult(batch.key, pack_outcomes(outcomes), computed_by=run_token, seconds=seconds)


def _batch_cache_key(context: Any, parameters: dict[str, Any]) -> str:
    """The batch's own key: its documents' hashes and the parser version (not the run token), and the
    time budget (a ``too_slow`` reject under one budget is no answer under another)."""
    budget = parameters.get("time_budget")
    return f"parse-batch-{parameters['batch'].key}" + (f"-budget{budget:g}" if budget is not None else "")


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
def parse_batch(batch: Batch, run_token: str, time_budget: float | None = Settings.parse_time_budget) -> BatchResult:
    """Parse one batch of documents, read from the paths in their references."""
    return parse_refs(batch, run_token, time_budget)


@task(name="build-report", cache_policy=NO_CACHE, persist_result=False)
def build_report_task(parsed_dir: str) -> dict[str, str]:
    """Build the comparative report from the parsed tables; report name -> path."""
    from pathlib import Path

    from pipeline.report import build_report

    return {name: str(path) for name, path in build_report(Path(parsed_dir)).items()}
