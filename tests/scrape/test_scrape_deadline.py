"""One deadline per URL: connect, headers, body, redirects and retries all within ``total_timeout``.

Real loopback servers (``tests/fixtureweb``) that trickle their headers or body one byte at a time:
each byte restarts httpx's read timeout, so before the overall deadline one attempt lasted as long
as the server liked and the retries multiplied it (101.6 s for one URL with ``total_timeout: 10``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fixtureweb import Route, Site
from fixtureweb.server import WebServer

from pipeline.scrape.http import Fetcher
from pipeline.scrape.settings import CrawlSettings

PAGE = "<html><body><p>系统升级停机公告</p></body></html>".encode()
TOTAL = 1.5  # seconds: total_timeout of the tests
SLACK = 1.0  # seconds allowed past it (thread scheduling, closing the connection)


@pytest.fixture(scope="module")
def web() -> Iterator[WebServer]:
    routes = {
        # ~2,000 header bytes at 20 ms each: 40 s of headers, every byte within read_timeout
        "/trickle-headers": Route(body=PAGE, fault="trickle_headers", sleep=0.02, size=2000),
        "/trickle-body": Route(body=PAGE * 40, fault="trickle_body", sleep=0.02),
        "/slow": Route(body=PAGE, fault="slow", sleep=0.6),
        "/busy": Route(body=PAGE, fault="status_then_ok", fail_times=100, retry_after="1"),
        "/ok": Route(body=PAGE),
    }
    server = WebServer([Site("trickle", routes)]).start()
    try:
        yield server
    finally:
        server.stop()


def _settings(**kw: float) -> CrawlSettings:
    base = dict(delay=0.0, retries=3, backoff=0.2, max_backoff=0.5, connect_timeout=1.0, read_timeout=1.0,
                total_timeout=TOTAL, trust_env=False)
    return CrawlSettings(**{**base, **kw})  # type: ignore[arg-type]


def _timed_fetch(web: WebServer, path: str, cfg: CrawlSettings) -> tuple[float, object]:
    with Fetcher(cfg) as fetcher:
        started = time.monotonic()
        resp = fetcher.fetch(web.url("trickle", path))
        return time.monotonic() - started, resp


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_trickling_server_is_cut_at_total_timeout_retries_included(web: WebServer, path: str) -> None:
    web.clear_log()
    elapsed, resp = _timed_fetch(web, path, _settings())
    assert resp.reason == "timeout", resp  # type: ignore[attr-defined]
    assert "total_timeout" in resp.detail  # type: ignore[attr-defined]
    assert elapsed < TOTAL + SLACK, f"{elapsed:.2f}s for one URL with total_timeout {TOTAL}s"
    assert resp.body is None  # type: ignore[attr-defined]


def test_read_timeouts_and_retries_share_one_budget(web: WebServer) -> None:
    """Each attempt times out on its own read timeout; the retries stop when the budget is spent."""
    web.clear_log()
    elapsed, resp = _timed_fetch(web, "/slow", _settings(read_timeout=0.3, retries=10))
    assert resp.reason == "timeout"  # type: ignore[attr-defined]
    assert elapsed < TOTAL + SLACK
    attempts = len(web.requests("trickle"))
    assert 2 <= attempts < 10, attempts  # retried, but not ten times


def test_retry_pauses_come_out_of_the_budget(web: WebServer) -> None:
    web.clear_log()
    elapsed, resp = _timed_fetch(web, "/busy", _settings(retries=50))
    assert resp.status == 503  # type: ignore[attr-defined]
    assert elapsed < TOTAL + SLACK
    assert "total_timeout" in resp.detail  # type: ignore[attr-defined]
    assert len(web.requests("trickle")) == 2  # Retry-After 1 s: a third try would end past 1.5 s


def test_a_normal_page_is_unaffected(web: WebServer) -> None:
    elapsed, resp = _timed_fetch(web, "/ok", _settings())
    assert resp.status == 200 and resp.body == PAGE  # type: ignore[attr-defined]


def test_the_deadline_does_not_leak_to_the_next_request(web: WebServer) -> None:
    """A fetcher whose URL timed out fetches the next URL with a whole new budget."""
    with Fetcher(_settings()) as fetcher:
        first = fetcher.fetch(web.url("trickle", "/trickle-headers"))
        second = fetcher.fetch(web.url("trickle", "/ok"))
    assert first.reason == "timeout" and second.status == 200
