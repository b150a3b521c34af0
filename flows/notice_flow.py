"""The Prefect flows: ``notice_pipeline`` (scrape -> parse -> report) and its stages as flows.

Flows stay thin: they plan, submit the tasks of ``flows.tasks`` and collect their states. What runs
where:

- The task runner is chosen per run (``runner`` parameter: ``default`` = threads in the flow
  process, ``dask`` = prefect-dask's DaskTaskRunner on ``dask_address`` or on a local cluster) and
  opened inside the flow, so a served deployment honours it too (a deployment loads the flow from
  its entrypoint, where ``with_options`` would be lost).
- Crawl tasks: one per source, at most one at a time per host (politeness is per host).
- Parse tasks: one per batch (``flows.batches``), cached by the batch's content and parser version.
- Writing: each parse task writes its batch's part files (``pipeline.parts``) and returns per-notice
  repost keys; the flow takes them in input order, resolves reposts over the keys, merges the parts
  column-wise and publishes the tables with one manifest, so the tables are the same as
  ``notices parse`` writes, and replaced atomically.
- Failures: a failed source, batch or page is recorded (rejects table, run log) and the run goes
  on; the run ends with a :class:`~flows.summary.RunReport`, published as a Markdown artifact.

``run_flow`` is what ``notices run --prefect`` calls; ``build_deployment`` / ``serve_pipeline`` are
behind ``notices serve``.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime as dt
import logging
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from pipeline.config import Settings, load_settings
from pipeline.errors import ConfigError
from pipeline.parse import ParseOutcome
from pipeline.records import TZ, Reject
from pipeline.runner import PipelineResult
from pipeline.store import RunSummary

# Absolute imports: prefect.yaml's entrypoint loads this file as a script (module ``notice_flow``),
# where relative imports would load second copies of these modules under another name.
from flows.batches import Batch, PlannedBatch, iter_batches
from flows.summary import ChangeCounter, ParseStats, RunReport, ScrapeStats, publish_report_artifacts
from flows.tasks import build_report_task, crawl_source_task, parse_batch

__all__ = ["notice_pipeline", "scrape", "parse", "report", "run_flow", "build_deployment", "serve_pipeline",
           "FlowResult", "RUNNERS", "ARTIFACT_KEY", "api_server", "open_task_runner", "check_runner",
           "short_dask_logs"]

log = logging.getLogger(__name__)

RUNNERS = ("default", "dask")
THREADS = 4  # threads of the default runner (crawl tasks wait on the network; parsing holds the GIL)
THREAD_WINDOW = 0  # parse batches in flight ahead of the one taken in, on threads (see parse_window)
DASK_WINDOW = 8  # ... on Dask when the scheduler cannot say how many worker threads it has
MIN_DASK_WINDOW = 2  # ... and at least this many on Dask
# Dask keeps its last messages and transitions for debugging, 1000 of each by default: every message
# that submits a parse task holds the batch's document references (~100 KB), in the client and, for a
# cluster started in this process, in the scheduler's sends to each worker; at 1000 batches (200,000
# documents) that was most of the flow process's growth. A few are enough to debug with.
DASK_LOG_LENGTH = 50
EPHEMERAL_STARTUP_SECONDS = 90  # a temporary Prefect server takes 10-30 s to start on this class of machine
QUEUE_DRAIN_SECONDS = 300.0  # at most this long to send a run's queued events and logs before the server stops
ARTIFACT_KEY = "notice-pipeline-run"
DEPLOYMENT_NAME = "serve"  # `notices serve`; prefect.yaml deploys "work-pool", so neither overwrites the other


@dataclasses.dataclass
class FlowResult(PipelineResult):
    """``PipelineResult`` plus the run summary of the flow."""

    run: RunReport | None = None


# --- task runners -----------------------------------------------------------------------------


def check_runner(runner: str, dask_address: str | None) -> None:
    """Raise ConfigError for an unknown runner, or a Dask address without the Dask runner."""
    if runner not in RUNNERS:
        raise ConfigError(f"unknown runner {runner!r} (known: {', '.join(RUNNERS)})")
    if dask_address and runner != "dask":
        raise ConfigError("a Dask address needs the dask runner (--runner dask)")


@contextlib.contextmanager
def open_task_runner(runner: str, dask_address: str | None = None) -> Iterator[TaskRunner[Any]]:
    """The started task runner of a run: threads, or Dask (at ``dask_address``, else a local cluster
    of one single-threaded worker process per core, since parsing is CPU-bound Python)."""
    check_runner(runner, dask_address)
    if runner == "default":
        threads: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=THREADS)
        with threads:
            yield threads
        return
    from prefect_dask import DaskTaskRunner

    if dask_address:
        dask = DaskTaskRunner(address=dask_address)
    else:
        dask = DaskTaskRunner(cluster_kwargs={"processes": True, "threads_per_worker": 1, "dashboard_address": ":0"})
    with short_dask_logs(), dask:
        yield dask


@contextlib.contextmanager
def short_dask_logs() -> Iterator[None]:
    """Dask's debugging logs (messages sent, transitions, events) at :data:`DASK_LOG_LENGTH`
    entries for the clients and schedulers started in the block (they read it when they start)."""
    import dask

    with dask.config.set({"distributed.admin.low-level-log-length": DASK_LOG_LENGTH}):
        yield


def _state_message(future: PrefectFuture[Any]) -> str:
    """Why a task did not complete, in one line."""
    state = future.state
    return f"{state.name}: {state.message or 'no message'}".replace("\n", " ")[:500]


# --- stages -----------------------------------------------------------------------------------


def run_scrape(settings: Settings, runner: TaskRunner[Any], rejects: list[Reject]) -> ScrapeStats:
    """Crawl every source of ``settings.sources`` into ``settings.raw_dir``, one task per source and
    one source at a time per host; a source whose task fails is added to ``rejects``."""
    from pipeline.scrape.rawstore import compact, is_raw_store, new_run_id
    from pipeline.scrape.settings import CrawlSettings
    from pipeline.scrape.sources import load_sources

    logger = get_run_logger()
    assert settings.sources, "run_scrape needs a sources file"
    sources_file = load_sources(settings.sources, CrawlSettings.from_project(settings))  # the file's settings win
    raw_dir = str(settings.raw_dir)
    run_id = new_run_id()
    stats = ScrapeStats(sources=len(sources_file.sources))
    by_host: dict[str, collections.deque[Any]] = collections.defaultdict(collections.deque)
    for source in sources_file.sources:
        by_host[urlsplit(source.start_urls[0]).netloc].append(source)

    running: dict[PrefectFuture[Any], tuple[str, Any]] = {}

    def start(host: str) -> None:
        source = by_host[host].popleft()
        params = {"source": source, "raw_dir": raw_dir, "settings": sources_file.settings, "run_id": run_id}
        running[runner.submit(crawl_source_task, params)] = (host, source)

    for host in list(by_host):
        start(host)
    while running:
        future = next(as_completed(list(running)))
        host, source = running.pop(future)
        future.wait()  # sets the final state; before that ``state`` asks the API, which may lag behind
        if future.state.is_completed():
            result = future.result()
            stats.results.append(result)
            stats.requests += result.requests
            stats.list_pages += result.list_pages
            stats.pages_stored += result.stored
            stats.pages_unchanged += result.unchanged
            stats.fetch_failures.update(result.failures)
        else:
            why = _state_message(future)
            stats.sources_failed[source.name] = why
            logger.error("source %s failed, the run goes on without it: %s", source.name, why)
            rejects.append(Reject(source.start_urls[0], "fetch", "source_failed", f"source {source.name}: {why}"))
        if by_host[host]:
            start(host)
    if is_raw_store(raw_dir):
        compact(raw_dir)  # once, after every source wrote its log parts
    logger.info("scrape: %d sources, %d requests, %d pages fetched (%d new or changed), fetch failures %s",
                stats.sources, stats.requests, stats.pages_fetched, stats.pages_stored, dict(stats.fetch_failures))
    return stats


def parse_window(runner: TaskRunner[Any]) -> int:
    """How many parse batches may be submitted ahead of the one being taken in.

    Taking a batch in is cheap (its keys and rejects; the rows stay in its part files), so this
    only bounds the results waiting in the flow process. On threads none: parsing is Python
    holding the one interpreter lock, so a second batch on another thread gains nothing and the
    threads fighting for the lock cost CPU (measured before part files, with the writer in this
    process: parse stage 18.6 s with two batches ahead, 13.1 s with none). Dask workers are other
    processes: two batches per worker thread, so that no worker idles between two batches."""
    if isinstance(runner, ThreadPoolTaskRunner):
        return THREAD_WINDOW
    try:
        return max(MIN_DASK_WINDOW, 2 * sum(runner.client.nthreads().values()))  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - a scheduler that cannot say gets the default
        log.warning("cannot count the Dask worker threads (%s): %d parse batches in flight", exc, DASK_WINDOW)
        return DASK_WINDOW


def default_parts_dir() -> str:
    """Where part files go when ``parts_dir`` is not set: beside Prefect's persisted results
    (``PREFECT_RESULTS_LOCAL_STORAGE_PATH``), since they are what a cached result points to."""
    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH

    return str(Path(PREFECT_RESULTS_LOCAL_STORAGE_PATH.value()).expanduser() / "notice-parts")


def run_parse(inputs: list[str], out_dir: str, batch_size: int, runner: TaskRunner[Any],
              extra_rejects: list[Reject] | None = None,
              time_budget: float | None = Settings.parse_time_budget, parts_dir: str | None = None) -> ParseStats:
    """Parse ``inputs`` (files, folders, raw stores; local or URLs) into the tables of ``out_dir``:
    batches as tasks on ``runner``, each writing its own part files under ``parts_dir``; this
    process takes the batches' small results in input order, resolves reposts over their keys and
    publishes the merged tables (``pipeline.parts.PartsPublisher``).

    Memory stays flat with the number of documents: batches are planned as they are submitted
    (:func:`~flows.batches.iter_batches`), a few ahead of the one taken in (:func:`parse_window`),
    and a batch's future and result are dropped once taken in; what grows is the repost index
    (about 250 bytes per notice, ``pipeline.dedup``) and the set of ids already written (a 64-bit
    number each)."""
    from pipeline import parse as parser
    from pipeline.parts import PartResult, PartsPublisher, parts_complete

    logger = get_run_logger()
    token = uuid.uuid4().hex
    parts_root = parts_dir or default_parts_dir()
    planned = iter_batches(parser.iter_inputs(inputs), batch_size, parser.PARSER_VERSION)
    window = parse_window(runner)
    in_flight: collections.deque[tuple[PlannedBatch, PrefectFuture[PartResult] | None]] = collections.deque()
    counter = ChangeCounter(out_dir)
    stats = ParseStats(summary=RunSummary(out_dir=Path(out_dir)))

    def params(batch: Batch) -> dict[str, Any]:
        return {"batch": batch, "run_token": token, "time_budget": time_budget, "parts_dir": parts_root}

    def submit_through(count: int) -> None:
        """Plan and submit batches until ``count`` of them are in flight (or the plan is done)."""
        while len(in_flight) < count:
            item = next(planned, None)
            if item is None:
                return
            in_flight.append((item, runner.submit(parse_batch, params(item.batch)) if item.batch else None))

    def take(batch: Batch, future: PrefectFuture[PartResult]) -> PartResult | str:
        """The result of ``batch``, waiting for it, or why it failed."""
        future.wait()  # sets the final state; before that ``state`` asks the API, which may lag behind
        if future.state.is_completed() and future.result().computed_by != token and \
                not parts_complete(future.result()):
            logger.warning("parse batch %d: cached, but its part files are gone; parsing it again", batch.index)
            future = runner.submit(parse_batch.with_options(refresh_cache=True), params(batch))
            future.wait()
        if not future.state.is_completed():
            stats.batches_failed += 1
            why = _state_message(future)
            logger.error("parse batch %d (%d documents) failed, its documents are rejected: %s",
                         batch.index, len(batch.docs), why)
            return why
        result = future.result()
        if result.computed_by == token:
            stats.batches_computed += 1
            stats.seconds_parsing += result.seconds
        else:
            stats.batches_cached += 1
        return result

    publisher = PartsPublisher(out_dir)
    try:
        for reject in extra_rejects or []:
            publisher.add_reject(reject)
        while True:
            submit_through(window + 1)  # the next batch, and ``window`` more that run while it is taken in
            if not in_flight:
                break
            item, future = in_flight.popleft()
            rejects = collections.deque(item.rejects)
            batch = item.batch
            if batch is None or future is None:  # read failures after the last document
                for _, reject in rejects:
                    publisher.add_reject(reject)
                continue
            stats.documents += len(batch.docs)
            stats.batches += 1
            result = take(batch, future)
            del future  # Prefect's future holds the task's state and result: done with them
            if isinstance(result, PartResult):
                publisher.begin_part(result)
            for position, ref in enumerate(batch.docs):
                while rejects and rejects[0][0] == position:
                    publisher.add_reject(rejects.popleft()[1])
                if not isinstance(result, PartResult):
                    publisher.add_reject(Reject(ref.source, "extract", "batch_failed",
                                                f"parse batch {batch.index} failed: {result}"))
                    continue
                kept = publisher.add_document(position)
                if kept is not None:
                    counter.add_entry(kept.url, kept.source_path, kept.content_hash, kept.is_outage)
            for _, reject in rejects:  # read failures after the last document of the last batch
                publisher.add_reject(reject)
            del result, item, batch
        started = time.perf_counter()
        stats.summary = publisher.publish()
        stats.seconds_publishing = time.perf_counter() - started
    except BaseException:
        publisher.abort()
        raise
    stats.new_notices, stats.changed_notices = counter.new, counter.changed
    logger.info("parse: %d documents in %d batches (%d computed, %d cached, %d failed); %d outage notices "
                "(%d new, %d changed); tables merged and published in %.1f s", stats.documents, stats.batches,
                stats.batches_computed, stats.batches_cached, stats.batches_failed, stats.summary.outages,
                stats.new_notices, stats.changed_notices, stats.seconds_publishing)
    for reason, n in sorted(stats.summary.rejects_by_reason.items()):
        logger.info("rejects: %s x%d", reason, n)
    return stats


def run_report(parsed_dir: str) -> tuple[dict[str, str], str | None]:
    """Build the report in the flow process (it reads the tables just written here); a failure
    is returned as a message, not raised."""
    from pipeline import fsurl

    if fsurl.is_url(parsed_dir):
        why = f"the report is built from a local parsed folder; {parsed_dir} is a URL (the tables are published there)"
        get_run_logger().warning("report skipped: %s", why)
        return {}, why
    state = build_report_task(parsed_dir, return_state=True)
    if state.is_completed():
        return state.result(), None
    why = f"{state.name}: {state.message or ''}".strip()
    get_run_logger().error("report failed, the tables are written: %s", why)
    return {}, why


def _inputs(settings: Settings) -> list[str]:
    """What the parse stage reads: the raw store when sources are configured, else the samples."""
    if settings.sources:
        return [str(settings.raw_dir)]
    samples = Path(settings.samples_dir)
    if not samples.is_dir():
        raise ConfigError(f"no sources configured and no sample folder {samples} (run from the project folder, "
                          "or set sources)")
    return [str(samples)]


# --- flows ------------------------------------------------------------------------------------


@flow(name="notice-pipeline", description="Scrape the sources, parse the raw store into tables, build the report.")
def notice_pipeline(settings: Settings | None = None, runner: str = "default",
                    dask_address: str | None = None) -> RunReport:
    """The whole pipeline: scrape (when sources are configured), parse, report.

    ``settings`` defaults to ``load_settings()`` (``notices.yaml`` of the working folder). ``runner``
    is ``default`` or ``dask`` (with ``dask_address``, or a local cluster). The run completes even
    when sources, batches or the report failed; those are in the returned summary, the rejects
    table, the run log and the ``notice-pipeline-run`` artifact.
    """
    settings = settings or load_settings()
    run = RunReport(started_at=dt.datetime.now(TZ), runner=runner)
    rejects: list[Reject] = []
    inputs = _inputs(settings)
    with open_task_runner(runner, dask_address) as task_runner:
        if settings.sources:
            started = time.perf_counter()
            run.scrape = run_scrape(settings, task_runner, rejects)
            run.stage_seconds["scrape"] = time.perf_counter() - started
        started = time.perf_counter()
        run.parse = run_parse(inputs, str(settings.parsed_dir), settings.parse_batch_size, task_runner, rejects,
                              settings.parse_time_budget, settings.parts_dir)
        run.stage_seconds["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    run.report, run.report_error = run_report(str(settings.parsed_dir))
    run.stage_seconds["report"] = time.perf_counter() - started
    run.finish()
    create_markdown_artifact(markdown=run.to_markdown(), key=ARTIFACT_KEY,
                             description="What the notice pipeline run fetched, parsed, cached and failed")
    publish_report_artifacts(run)
    get_run_logger().info("%s", run.to_text())
    return run


@flow(name="notice-scrape", description="Crawl every source of a sources file into the raw store.")
def scrape(settings: Settings | None = None, runner: str = "default", dask_address: str | None = None) -> ScrapeStats:
    """The scrape stage alone (failed sources are in ``sources_failed``)."""
    settings = settings or load_settings()
    if not settings.sources:
        raise ConfigError("no sources file configured (set 'sources' or pass --sources)")
    with open_task_runner(runner, dask_address) as task_runner:
        return run_scrape(settings, task_runner, [])


@flow(name="notice-parse", description="Parse files, folders or raw stores into the parquet tables.")
def parse(inputs: list[str], out_dir: str, batch_size: int = Settings.parse_batch_size, runner: str = "default",
          dask_address: str | None = None, parts_dir: str | None = None) -> ParseStats:
    """The parse stage alone: ``notices parse`` as a flow, batched and cached; ``parts_dir``: where
    the workers write their part files (default :func:`default_parts_dir`)."""
    with open_task_runner(runner, dask_address) as task_runner:
        return run_parse(list(inputs), out_dir, batch_size, task_runner, parts_dir=parts_dir)


@flow(name="notice-report", description="Build the comparative report from parsed tables.")
def report(parsed_dir: str) -> dict[str, str]:
    """The report stage alone."""
    paths, error = run_report(parsed_dir)
    if error:
        raise RuntimeError(f"report failed: {error}")
    return paths


# --- entry points -----------------------------------------------------------------------------


@contextlib.contextmanager
def api_server(quiet: bool = False) -> Iterator[str | None]:
    """Make sure the run has one Prefect API: the configured one, else one temporary server.

    Without ``PREFECT_API_URL`` Prefect starts a temporary server per *process*, so every Dask
    worker would start its own (10-30 s each) and report to it. Starting it here and setting its
    URL in the settings, which travel with every task, gives the flow and the workers one server.
    The temporary server sends no telemetry; with ``quiet`` its own log (sqlite lock retries and
    the like, about a server that is gone when the command ends) is not printed either.
    """
    from prefect.settings import (PREFECT_API_URL, PREFECT_LOGGING_SERVER_LEVEL, PREFECT_SERVER_ANALYTICS_ENABLED,
                                  PREFECT_SERVER_EPHEMERAL_ENABLED, temporary_settings)

    url = PREFECT_API_URL.value()
    if url or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield url
        return
    from prefect.server.api.server import SubprocessASGIServer

    server_settings: dict[Any, Any] = {PREFECT_SERVER_ANALYTICS_ENABLED: False}
    if quiet:
        server_settings[PREFECT_LOGGING_SERVER_LEVEL] = "CRITICAL"
    with temporary_settings(updates=server_settings):  # the server process takes them from its environment
        server = SubprocessASGIServer()  # Prefect's own temporary-server singleton, stopped at exit
        with _quiet_loggers(quiet, "prefect"):  # "Starting temporary server ..."
            server.start(timeout=EPHEMERAL_STARTUP_SECONDS)
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        _send_queued_events_and_logs()
        with _quiet_loggers(quiet, "prefect"):  # "Stopping temporary server ..."
            server.stop()


def _send_queued_events_and_logs(timeout: float = QUEUE_DRAIN_SECONDS) -> None:
    """Hand what Prefect still queues in this process (task events, run logs) to the temporary
    server while it is up. Left to Prefect's own exit hook, after the server is gone, the drain of a
    long run's queue waited forever (a 10,010-notice run had its tables and report written, then did
    not exit in 8 minutes); bounded here, whatever is not sent in time is dropped with the server."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    started = time.perf_counter()
    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=timeout, at_exit=False)
    log.info("queued Prefect events and logs sent in %.1f s", time.perf_counter() - started)


@contextlib.contextmanager
def _quiet_loggers(quiet: bool, *names: str) -> Iterator[None]:
    """With ``quiet``, the loggers ``names`` pass warnings and errors only while in the block."""
    if not quiet:
        yield
        return
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logging.WARNING, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def run_flow(settings: Settings, *, runner: str = "default", dask_address: str | None = None,
             quiet: bool = False) -> FlowResult:
    """Run ``notice_pipeline`` once, now (``notices run --prefect``); returns its results.

    ``quiet`` (the command's default without ``-v``): when the run needs a temporary server, the
    Prefect loggers show warnings and errors only. Their INFO lines (flow-run names, a "View at"
    link to a server that is gone when the command ends, the summary the command prints anyway)
    add nothing then; failures of pages, batches and sources are logged as errors and still show.
    With a configured server nothing is hidden.
    """
    from prefect.settings import PREFECT_API_URL

    check_runner(runner, dask_address)
    _inputs(settings)  # a configuration error is reported now, not after a server has started
    quiet = quiet and not PREFECT_API_URL.value()
    with api_server(quiet=quiet) as url, _quiet_loggers(quiet, "prefect"):
        log.debug("Prefect API %s", url)
        run = notice_pipeline(settings=settings, runner=runner, dask_address=dask_address)
    assert run.parse is not None
    scrape_summary = None
    if run.scrape is not None:
        from pipeline.scrape.crawl import CrawlSummary

        scrape_summary = CrawlSummary(run_id="", raw_dir=str(settings.raw_dir), results=list(run.scrape.results))
    return FlowResult(parse=run.parse.summary, report={k: Path(v) for k, v in run.report.items()},
                      scrape=scrape_summary, run=run)


def build_deployment(settings: Settings, *, name: str = DEPLOYMENT_NAME, runner: str = "default",
                     dask_address: str | None = None) -> Any:
    """The ``notice_pipeline`` deployment with the cron schedule of ``settings`` (in its time zone)."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    check_runner(runner, dask_address)
    try:
        schedule = Cron(settings.schedule_cron, timezone=settings.timezone)
    except ValueError as exc:
        raise ConfigError(f"schedule_cron {settings.schedule_cron!r} / timezone {settings.timezone!r}: {exc}") from exc
    return notice_pipeline.to_deployment(
        name=name,
        schedule=schedule,
        # Paths as given (relative ones stay relative): the served runs work in the folder `notices serve`
        # was started in, so their inputs have the same paths, and their parse batches the same cache
        # keys, as `notices run` there (see flows.batches.DocRef.key).
        parameters={"settings": dataclasses.asdict(settings), "runner": runner, "dask_address": dask_address},
        description=f"notice pipeline, {settings.schedule_cron} ({settings.timezone})",
        tags=["notice-pipeline"],
        entrypoint_type=EntrypointType.MODULE_PATH,  # importable from any folder, unlike a file path
    )


def serve_pipeline(settings: Settings, *, name: str = DEPLOYMENT_NAME, runner: str = "default",
                   dask_address: str | None = None, limit: int | None = 1) -> None:
    """Serve the deployment until interrupted (``notices serve``); runs start on schedule or from the UI."""
    from prefect import serve
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise ConfigError("serving needs a Prefect server that outlives this command (schedules never fire on a "
                          "temporary one): start `prefect server start` and set PREFECT_API_URL (docs/prefect.md)")
    serve(build_deployment(settings, name=name, runner=runner, dask_address=dask_address), limit=limit)
