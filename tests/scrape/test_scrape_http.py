"""The polite fetcher: retries, Retry-After, redirects, size bounds, decoding (httpx MockTransport)."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from typing import Callable

import httpx
import pytest

from pipeline.scrape.http import (Fetcher, HostGate, Response, _Decoder, _TooLarge,
                                  content_disposition_filename, parse_retry_after)
from pipeline.scrape.settings import CrawlSettings

FAST = CrawlSettings(delay=0.0, backoff=0.001, max_backoff=0.01, retries=2, max_retry_after=0.05,
                     max_bytes=10_000, trust_env=False)


def _r(status: int, body: bytes | str = b"", headers: dict[str, str] | None = None) -> httpx.Response:
    """A response streamed like a network one (httpx reads plain-bytes content up front)."""
    data = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, headers=headers, content=iter([data]))


def _fetch(handler: Callable[[httpx.Request], httpx.Response], url: str = "http://h.example/a",
           cfg: CrawlSettings = FAST, **kw) -> tuple[Response, list[httpx.Request]]:  # type: ignore[no-untyped-def]
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    with Fetcher(cfg, transport=httpx.MockTransport(record)) as fetcher:
        return fetcher.fetch(url, **kw), seen


def _sequence(*specs: tuple[int, dict]) -> Callable[[httpx.Request], httpx.Response]:
    """Answers (status, _r kwargs) in order, the last one repeated; fresh objects each time
    (a response body can be streamed only once)."""
    queue = list(specs)

    def handler(request: httpx.Request) -> httpx.Response:
        status, kwargs = queue.pop(0) if len(queue) > 1 else queue[0]
        return _r(status, **kwargs)
    return handler


# --- retries -------------------------------------------------------------------------------------
RETRIES = [
    # (answers in order, expected final status, requests made)
    pytest.param([503, 200], 200, 2, id="503-then-ok"),
    pytest.param([429, 429, 429, 200], 429, 3, id="429-gives-up-after-retries"),
    pytest.param([408, 200], 200, 2, id="408-then-ok"),
    pytest.param([500, 502, 200], 200, 3, id="5xx-twice"),
    pytest.param([404, 200], 404, 1, id="404-not-retried"),
    pytest.param([403, 200], 403, 1, id="403-without-retry-after-not-retried"),
    pytest.param([412, 200], 412, 1, id="412-not-retried"),
]


@pytest.mark.parametrize(("statuses", "final", "count"), RETRIES)
def test_retry_only_on_retryable_statuses(statuses: list[int], final: int, count: int) -> None:
    resp, seen = _fetch(_sequence(*[(s, {"body": "x"}) for s in statuses]))
    assert (resp.status, len(seen), resp.attempts) == (final, count, count)


def test_retry_after_honoured_and_bounded() -> None:
    cfg = CrawlSettings(delay=0.0, retries=2, max_retry_after=1.0, trust_env=False)
    start = time.monotonic()
    resp, seen = _fetch(_sequence((403, {"headers": {"Retry-After": "1"}}), (200, {"body": "ok"})), cfg=cfg)
    assert resp.status == 200 and len(seen) == 2
    assert time.monotonic() - start >= 0.95
    resp, seen = _fetch(_sequence((503, {"headers": {"Retry-After": "3600"}}), (200, {})), cfg=cfg)
    assert resp.status == 503 and len(seen) == 1
    assert "exceeds max_retry_after" in resp.detail


def test_timeout_is_retried_then_reported() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    resp, seen = _fetch(slow)
    assert resp.reason == "timeout" and len(seen) == 3


def test_connect_error_not_retried() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    resp, seen = _fetch(refuse)
    assert resp.reason == "connect_error" and len(seen) == 1


# --- redirects -----------------------------------------------------------------------------------
def _redirects(table: dict[str, str]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        target = table.get(request.url.path)
        if target:
            return _r(302, headers={"Location": target})
        return _r(200, f"page {request.url.path}")
    return handler


def test_redirect_followed_and_final_url_kept() -> None:
    resp, _ = _fetch(_redirects({"/a": "https://h.example:8443/b"}))
    assert resp.status == 200 and resp.final_url == "https://h.example:8443/b"
    assert resp.redirects == ["https://h.example:8443/b"]


def test_redirect_loop_detected() -> None:
    resp, seen = _fetch(_redirects({"/a": "/b", "/b": "/a"}))
    assert resp.reason == "redirect_loop" and len(seen) == 2


def test_redirect_bound() -> None:
    chain = {f"/{i}": f"/{i + 1}" for i in range(20)}
    resp, seen = _fetch(_redirects(chain), url="http://h.example/0")
    assert resp.reason == "too_many_redirects" and len(seen) == FAST.max_redirects + 1


def test_redirect_hop_checked() -> None:
    resp, seen = _fetch(_redirects({"/a": "http://evil.example/x"}),
                        hop_check=lambda url: None if url.startswith("http://h.example/") else "not_allowed")
    assert resp.reason == "not_allowed" and len(seen) == 1
    assert resp.final_url == "http://evil.example/x"


def test_redirect_to_other_scheme_refused() -> None:
    resp, _ = _fetch(_redirects({"/a": "file:///etc/passwd"}))
    assert resp.reason == "not_allowed"


# --- bodies --------------------------------------------------------------------------------------
def test_gzip_bomb_stopped_by_decoded_size() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < FAST.max_bytes
    resp, _ = _fetch(lambda r: _r(200, bomb, {"Content-Encoding": "gzip"}))
    assert resp.reason == "too_large" and resp.body is None


def test_declared_length_over_limit_not_read() -> None:
    resp, _ = _fetch(lambda r: _r(200, b"x" * 20_000, {"Content-Length": "20000"}))
    assert resp.reason == "too_large" and "Content-Length" in resp.detail


@pytest.mark.parametrize(("encoding", "payload"), [
    pytest.param("gzip", gzip.compress("停机公告".encode() * 10), id="gzip"),
    pytest.param("deflate", zlib.compress("停机公告".encode() * 10), id="deflate-zlib"),
    pytest.param("deflate", zlib.compress("停机公告".encode() * 10)[2:-4], id="deflate-raw"),
    pytest.param("identity", "停机公告".encode() * 10, id="identity"),
    pytest.param("gzip", gzip.compress("停机公告".encode() * 5) + gzip.compress("停机公告".encode() * 5), id="gzip-two-members"),
])
def test_content_encoding_undone(encoding: str, payload: bytes) -> None:
    resp, _ = _fetch(lambda r: _r(200, payload, {"Content-Encoding": encoding}))
    assert resp.body == "停机公告".encode() * 10


def test_unknown_content_encoding_is_an_error() -> None:
    resp, _ = _fetch(lambda r: _r(200, b"xx", {"Content-Encoding": "br"}))
    assert resp.reason == "bad_encoding"


def test_decoder_members_split_across_chunks() -> None:
    body = gzip.compress(b"a" * 50) + gzip.compress(b"b" * 50) + b"\0\0"
    decoder = _Decoder("gzip", 1000)
    for i in range(0, len(body), 7):
        decoder.feed(body[i:i + 7])
    assert decoder.result() == b"a" * 50 + b"b" * 50


def test_decoder_limit_exact() -> None:
    decoder = _Decoder("gzip", 100)
    decoder.feed(gzip.compress(b"a" * 100))
    assert decoder.result() == b"a" * 100
    decoder = _Decoder("gzip", 100)
    with pytest.raises(_TooLarge):
        decoder.feed(gzip.compress(b"a" * 101))
        decoder.result()


def test_request_headers_identify_and_condition() -> None:
    _, seen = _fetch(lambda r: _r(304), headers={"If-None-Match": '"abc"'})
    assert seen[0].headers["user-agent"].startswith("notice-pipeline/")
    assert seen[0].headers["if-none-match"] == '"abc"'
    assert seen[0].headers["accept-encoding"] == "gzip, deflate"


def test_post_form_sent() -> None:
    _, seen = _fetch(lambda r: _r(200, "<datastore/>"), method="POST", form={"columnid": "1234"})
    assert seen[0].method == "POST" and seen[0].content == b"columnid=1234"


# --- helpers -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    pytest.param("120", 120.0, id="seconds"),
    pytest.param("Wed, 21 Oct 2015 07:28:00 GMT", 10.0, id="http-date"),
    pytest.param("soon", None, id="garbage"),
    pytest.param(None, None, id="absent"),
])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    from email.utils import parsedate_to_datetime

    now = parsedate_to_datetime("Wed, 21 Oct 2015 07:27:50 GMT").timestamp()
    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param(b'attachment; filename="' + "停机安排.pdf".encode("gbk") + b'"', "停机安排.pdf", id="gbk-bytes"),
    pytest.param(b'attachment; filename="' + "停机安排.pdf".encode() + b'"', "停机安排.pdf", id="utf8-bytes"),
    pytest.param(b"attachment; filename*=UTF-8''%E5%81%9C%E6%9C%BA.doc; filename=x.doc", "停机.doc", id="rfc5987"),
    pytest.param(b"attachment; filename=%E5%81%9C%E6%9C%BA.xls", "停机.xls", id="percent-encoded-plain"),
    pytest.param(b"inline", None, id="no-name"),
])
def test_content_disposition_filename(raw: bytes, expected: str | None) -> None:
    assert content_disposition_filename([(b"Content-Disposition", raw)]) == expected


def test_host_gate_limits_concurrency_and_spaces_starts() -> None:
    gate = HostGate(per_host=1)
    starts: list[float] = []
    active = [0]
    peak = [0]
    lock = threading.Lock()

    def work() -> None:
        with gate.slot("h.example", delay=0.05):
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
                starts.append(time.monotonic())
            time.sleep(0.01)
            with lock:
                active[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(5)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    starts.sort()
    assert peak[0] == 1
    # The gate schedules the k-th start at least k delays after the first could begin, and a
    # sleep never ends early; a late wake-up of one thread (a busy machine) may bring the next
    # start closer to it, so the spacing is checked against the schedule, not start to start.
    assert all(at >= begun + k * 0.05 for k, at in enumerate(starts)), [at - begun for at in starts]
