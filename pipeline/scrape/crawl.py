"""The crawl loop: list pages -> detail pages matching the keywords -> attachments.

``crawl`` runs every source (in parallel threads, politeness shared per host) and returns a
``CrawlSummary``; ``crawl_source`` runs one source on its own (one Prefect task per source).
Both are incremental: each request is conditional on the last good fetch of its URL, and a page
whose bytes did not change (304, or the same sha256) is logged ``unchanged`` and not stored again.
"""

from __future__ import annotations

import collections
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

import httpx

from .verdict import Verdict, classify, sniff_suffix
from .http import Fetcher, Response
from .listing import (Link, attachment_links, decode_page, hanweb_requests, parse_hanweb_data,
                      parse_hanweb_shell, parse_links, parse_next_link, parse_trs, title_matches)
from .pdf import extract_pdf_text
from .rawstore import (OK_OUTCOMES, FetchLog, RawStore, UrlState, compact, load_state, new_run_id,
                       state_key)
from .robots import RobotsCache
from .settings import CrawlSettings, ProjectSettings
from .sources import Source, SourcesFile, load_sources
from .urls import MAX_URL_LENGTH

__all__ = ["crawl", "crawl_source", "CrawlSummary", "SourceResult", "CrawlContext"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SourceResult:
    """What crawling one source did."""

    name: str
    requests: int = 0  # fetch-log rows with a request behind them (robots included)
    list_pages: int = 0  # list pages read (stored or unchanged)
    stored: int = 0  # new versions of detail pages and attachments
    unchanged: int = 0  # detail pages and attachments already in the store
    failures: collections.Counter[str] = field(default_factory=collections.Counter)  # by reason
    stored_urls: list[str] = field(default_factory=list)

    def add(self, other: "SourceResult") -> None:
        """Add another result's counts into this one."""
        self.requests += other.requests
        self.list_pages += other.list_pages
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.failures.update(other.failures)
        self.stored_urls += other.stored_urls


@dataclass(slots=True)
class CrawlSummary:
    """What a crawl of several sources did."""

    run_id: str
    raw_dir: str
    results: list[SourceResult] = field(default_factory=list)

    @property
    def total(self) -> SourceResult:
        """All sources added up."""
        total = SourceResult(name="total")
        for result in self.results:
            total.add(result)
        return total


@dataclass(slots=True)
class _Page:
    """A page whose bytes are in the store (fetched now or unchanged since last time)."""

    url: str
    final_url: str
    body: bytes
    content_type: str | None
    suffix: str


class CrawlContext:
    """What sources crawled together share: store, log, HTTP client, robots, history."""

    def __init__(self, raw_dir: str | Path, settings: CrawlSettings, run_id: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.store = RawStore(raw_dir)
        self.run_id = run_id or new_run_id()
        self.log = FetchLog(raw_dir, self.run_id, settings.log_batch_rows, settings.log_batch_seconds)
        self.fetcher = Fetcher(settings, transport=transport)
        self.robots = RobotsCache(self.fetcher, settings)
        self.state: dict[str, UrlState] = load_state(raw_dir)
        self.lock = threading.Lock()
        self.seen: set[str] = set()  # state keys requested this run

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is requested in this run."""
        with self.lock:
            if key in self.seen:
                return False
            self.seen.add(key)
            return True

    def close(self) -> None:
        """Write the buffered log rows and close connections."""
        self.log.flush()
        self.fetcher.close()


class _SourceCrawl:
    """Crawls one source within a context."""

    def __init__(self, ctx: CrawlContext, source: Source, settings: CrawlSettings) -> None:
        self.ctx = ctx
        self.source = source
        self.cfg = settings
        self.result = SourceResult(name=source.name)

    # --- the walk -------------------------------------------------------------------------
    def run(self) -> SourceResult:
        """List pages, then matching detail pages and their attachments."""
        found: dict[str, tuple[Link, str]] = {}
        if self.source.style == "hanweb":
            self._walk_hanweb(found)
        else:
            self._walk_lists(found)
        details = [(link, ref) for link, ref in found.values()
                   if title_matches(link.title, self.cfg.keywords)]
        if len(details) > self.cfg.max_details:
            log.info("%s: %d detail links, only the first %d fetched (max_details)",
                     self.source.name, len(details), self.cfg.max_details)
        for link, referer in details[: self.cfg.max_details]:
            page = self._request(link.url, "detail", title=link.title, referer=referer)
            if page is not None and self.cfg.attachments and page.suffix == ".html":
                self._attachments(page)
        return self.result

    def _walk_lists(self, found: dict[str, tuple[Link, str]]) -> None:
        """TRS / next_link / links styles: a queue of list pages, bounded by max_pages."""
        queue = collections.deque((url, True) for url in self.source.start_urls)
        queued = set(self.source.start_urls)
        fetched = 0
        while queue and fetched < self.cfg.max_pages:
            url, first = queue.popleft()
            fetched += 1
            page = self._request(url, "list")
            if page is None:
                continue
            text = decode_page(page.body, page.content_type, self.source.encoding)
            if self.source.style == "trs":
                listing = parse_trs(text, page.final_url, first)
            elif self.source.style == "next_link":
                listing = parse_next_link(text, page.final_url)
            else:
                listing = parse_trs(text, page.final_url, False)  # plain links, no pagination
            for link in listing.items:
                found.setdefault(link.url, (link, page.final_url))
            for nxt in listing.pages:
                if nxt not in queued:
                    queued.add(nxt)
                    queue.append((nxt, False))
        if queue:
            log.info("%s: max_pages=%d reached, %d list pages left", self.source.name,
                     self.cfg.max_pages, len(queue))

    def _walk_hanweb(self, found: dict[str, tuple[Link, str]]) -> None:
        """Hanweb: each start URL is a column shell; items come from dataproxy.jsp POSTs."""
        fetched = 0
        for start in self.source.start_urls:
            if fetched >= self.cfg.max_pages:
                break
            fetched += 1
            shell = self._request(start, "list")
            if shell is None:
                continue
            text = decode_page(shell.body, shell.content_type, self.source.encoding)
            for link in parse_links(text, shell.final_url):  # some shells inline page 1
                found.setdefault(link.url, (link, shell.final_url))
            query = parse_hanweb_shell(text, shell.final_url)
            if query is None:
                log.warning("%s: %s is not a Hanweb column shell (no columnid/unitid)",
                            self.source.name, start)
                continue
            record = 1
            while fetched < self.cfg.max_pages:
                fetched += 1
                url = hanweb_requests(query, record)
                page = self._request(url, "list", method="POST", form=query.form)
                if page is None:
                    break
                data = decode_page(page.body, page.content_type, self.source.encoding)
                links, total = parse_hanweb_data(data, page.final_url)
                for link in links:
                    found.setdefault(link.url, (link, shell.final_url))
                record += 3 * query.perpage
                if total is None or record > total or not links:
                    break

    def _attachments(self, page: _Page) -> None:
        """Fetch the files a detail page links to."""
        text = decode_page(page.body, page.content_type, self.source.encoding)
        for link in attachment_links(text, page.final_url)[: self.cfg.max_attachments]:
            self._request(link.url, "attachment", title=link.title, referer=page.final_url)

    # --- one request ----------------------------------------------------------------------
    def _hop_check(self, url: str) -> str | None:
        """May a redirect go to ``url``? None = yes, else the reason code."""
        if not self.source.allows(url):
            return "not_allowed"
        return self.ctx.robots.check(url, on_fetch=self._log_robots)

    def _request(self, url: str, kind: str, *, title: str | None = None, referer: str | None = None,
                 method: str = "GET", form: Mapping[str, str] | None = None) -> _Page | None:
        """Check, fetch, classify, store and log one URL; the page when its bytes are stored."""
        form_text = urlencode(sorted(form.items())) if form else None
        key = state_key(url, form_text)
        if not self.ctx.claim(key):
            return None
        base_row: dict[str, Any] = {
            "source": self.source.name, "kind": kind, "method": method, "url": url,
            "final_url": url, "title": title, "referer": referer, "form": form_text,
        }
        if len(url) > MAX_URL_LENGTH:
            base_row["url"] = base_row["final_url"] = url[:MAX_URL_LENGTH]  # the log keeps its head
            self._log(base_row, Verdict("skipped", "url_too_long", f"{len(url)} characters > {MAX_URL_LENGTH}"))
            return None
        if not self.source.allows(url):
            self._log(base_row, Verdict("skipped", "not_allowed", "outside the source's allow prefixes"))
            return None
        refused = self.ctx.robots.check(url, on_fetch=self._log_robots)
        if refused:
            outcome = "skipped" if refused == "robots_disallowed" else "error"
            self._log(base_row, Verdict(outcome, refused, "robots.txt"))
            return None
        prev = self.ctx.state.get(key)
        if prev is not None and not self.ctx.store.has(prev.stored_path):
            prev = None  # the old blob is gone: ask for the full page
        headers: dict[str, str] = {}
        if prev is not None and method == "GET":
            if prev.etag:
                headers["If-None-Match"] = prev.etag
            if prev.last_modified:
                headers["If-Modified-Since"] = prev.last_modified
        resp = self.ctx.fetcher.fetch(
            url, settings=self.cfg, method=method, form=form, headers=headers,
            hop_check=self._hop_check, delay=self.ctx.robots.delay_for(url, self.cfg.delay),
        )
        verdict = classify(resp, kind, hint=self.source.encoding)
        row = dict(base_row, **_response_columns(resp))
        if verdict.outcome == "unchanged":
            return self._unchanged(row, resp, prev, key)
        if not verdict.ok:
            self._log(row, verdict)
            return None
        body = resp.body or b""
        suffix = sniff_suffix(body, resp.content_type)
        sha, rel, _ = self.ctx.store.put_blob(body, suffix)  # the blob first, then its log row
        text_path = prev.text_path if prev is not None and prev.sha256 == sha else None
        if kind == "attachment" and suffix == ".pdf" and self.cfg.pdf_text and text_path is None:
            text = extract_pdf_text(body)
            if text:
                text_path = self.ctx.store.put_text(sha, text)
        row.update(sha256=sha, stored_path=rel, bytes=len(body), text_path=text_path)
        if prev is not None and prev.sha256 == sha:
            verdict = Verdict("unchanged", None, "same sha256 as the stored version")
        self._log(row, verdict)
        self._remember(key, row)
        return _Page(url, resp.final_url, body, resp.content_type, suffix)

    def _unchanged(self, row: dict[str, Any], resp: Response, prev: UrlState | None,
                   key: str) -> _Page | None:
        """A 304: log it against the stored version and hand that version back."""
        body = self.ctx.store.read(prev.stored_path) if prev is not None else None
        if prev is None or body is None:
            self._log(row, Verdict("error", "bad_304", "304 Not Modified to an unconditional request"))
            return None
        row.update(
            sha256=prev.sha256, stored_path=prev.stored_path, bytes=len(body),
            content_type=row["content_type"] or prev.content_type,
            etag=row["etag"] or prev.etag, last_modified=row["last_modified"] or prev.last_modified,
            text_path=prev.text_path, filename=row["filename"] or prev.filename,
        )
        self._log(row, Verdict("unchanged", None, "304 Not Modified"))
        self._remember(key, row)
        suffix = prev.stored_path.rsplit(".", 1)[-1]
        return _Page(row["url"], resp.final_url, body, row["content_type"], "." + suffix)

    def _remember(self, key: str, row: dict[str, Any]) -> None:
        """Make this fetch the URL's last good one (for later sources in the same run)."""
        with self.ctx.lock:
            self.ctx.state[key] = UrlState(
                sha256=row["sha256"], stored_path=row["stored_path"], etag=row.get("etag"),
                last_modified=row.get("last_modified"), content_type=row.get("content_type"),
                text_path=row.get("text_path"), filename=row.get("filename"),
            )

    def _log_robots(self, resp: Response, outcome: str) -> None:
        """Log a robots.txt fetch made on behalf of this source."""
        reason = None
        if outcome == "error":
            reason = resp.reason or f"http_{resp.status}"
        detail = resp.detail or (f"HTTP {resp.status}" if resp.status else "")
        row = {"source": self.source.name, "kind": "robots", "method": "GET", "url": resp.url,
               **_response_columns(resp)}
        self._log(row, Verdict(outcome, reason, detail))

    def _log(self, row: dict[str, Any], verdict: Verdict) -> None:
        """Write the row with its verdict and count it."""
        row.update(outcome=verdict.outcome, reason=verdict.reason, detail=verdict.detail or None)
        self.ctx.log.add(row)
        result = self.result
        if row.get("status") is not None or row.get("attempts"):
            result.requests += 1
        kind = row["kind"]
        if verdict.outcome in OK_OUTCOMES:
            if kind == "list":
                result.list_pages += 1
            elif verdict.outcome == "stored":
                result.stored += 1
                result.stored_urls.append(row["url"])
            else:
                result.unchanged += 1
            log.debug("%s %s %s", verdict.outcome, kind, row["url"])
        elif verdict.outcome != "fetched":
            result.failures[verdict.reason or verdict.outcome] += 1
            level = logging.INFO if verdict.outcome in ("skipped", "not_found") else logging.WARNING
            log.log(level, "%s %s %s: %s %s", verdict.outcome, kind, row["url"], verdict.reason,
                    verdict.detail)


def _response_columns(resp: Response) -> dict[str, Any]:
    """Log columns taken from a Response."""
    return {
        "final_url": resp.final_url, "status": resp.status, "content_type": resp.content_type,
        "etag": resp.headers.get("etag"), "last_modified": resp.headers.get("last-modified"),
        "elapsed_ms": resp.elapsed_ms, "attempts": resp.attempts, "filename": resp.filename,
    }


def _base(settings: CrawlSettings | ProjectSettings | None) -> CrawlSettings | None:
    """CrawlSettings as given, or made from the project's settings object."""
    if settings is None or isinstance(settings, CrawlSettings):
        return settings
    return CrawlSettings.from_project(settings)


def _split(sources: SourcesFile | Iterable[Source] | str | Path,
           settings: CrawlSettings | None) -> tuple[tuple[Source, ...], CrawlSettings]:
    """Sources and the base settings, whichever form the sources came in."""
    if isinstance(sources, (str, Path)):
        sources = load_sources(sources, settings)
        return sources.sources, sources.settings
    if isinstance(sources, SourcesFile):
        return sources.sources, settings or sources.settings
    return tuple(sources), settings or CrawlSettings()


def crawl(
    sources: SourcesFile | Iterable[Source] | str | Path,
    raw_dir: str | Path,
    settings: CrawlSettings | ProjectSettings | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    run_id: str | None = None,
    transport: httpx.BaseTransport | None = None,
    compact_log: bool = True,
) -> CrawlSummary:
    """Crawl every source into the raw store at ``raw_dir``.

    ``sources`` is a sources file (path or parsed) or Source objects. ``settings`` is the base
    layer under the file's ``settings:`` block (a CrawlSettings, or the project's
    ``pipeline.config.Settings``, whose ``delay``/``max_pages``/``request_timeout`` are taken);
    ``overrides`` are CLI flags and
    win over everything, per-source keys included. Sources run in parallel threads
    (``concurrency``) while per-host delay and concurrency stay global. Fetch failures are
    logged, counted and never raised; the fetch log is compacted at the end.
    """
    source_list, base = _split(sources, _base(settings))
    top = base.merged(overrides or {}, where="command line")
    ctx = CrawlContext(raw_dir, top, run_id=run_id, transport=transport)
    summary = CrawlSummary(run_id=ctx.run_id, raw_dir=str(raw_dir))
    try:
        jobs = [_SourceCrawl(ctx, src, src.settings(base, overrides)) for src in source_list]
        workers = max(1, min(top.concurrency, len(jobs)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crawl") as pool:
            summary.results = list(pool.map(lambda job: job.run(), jobs))
    finally:
        ctx.close()
    if compact_log:
        compact(raw_dir)
    return summary


def crawl_source(
    source: Source,
    raw_dir: str | Path,
    settings: CrawlSettings | ProjectSettings | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    run_id: str | None = None,
    compact_log: bool = False,
) -> SourceResult:
    """Crawl one source into ``raw_dir`` (for one Prefect task per source).

    Safe to run for several sources at once on the same raw directory (threads or processes):
    blobs are content-addressed and each run writes its own log parts. Call
    ``pipeline.scrape.rawstore.compact(raw_dir)`` once afterwards, or pass ``compact_log``.
    """
    base = _base(settings) or CrawlSettings()
    ctx = CrawlContext(raw_dir, base.merged(overrides or {}, where="command line"), run_id=run_id)
    try:
        result = _SourceCrawl(ctx, source, source.settings(base, overrides)).run()
    finally:
        ctx.close()
    if compact_log:
        compact(raw_dir)
    return result
