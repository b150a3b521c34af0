"""Polite HTTP fetching: one request in, one ``Response`` value out, never an exception.

What "polite" means here (scrapy's defaults, STYLE.md):
- an identifying User-Agent (``CrawlSettings.ua()``);
- per host (host:port) at most ``per_host_concurrency`` requests in flight and ``delay`` seconds
  between the starts of two requests;
- retries with exponential backoff only on 408/429/5xx and timeouts (and on a 403 that carries
  Retry-After, which is a server saying "later", not "never"); Retry-After is honoured, and one
  longer than ``max_retry_after`` ends the retries instead of being shortened;
- redirects followed by hand, at most ``max_redirects``, each hop checked by the caller's
  ``hop_check`` (allow prefixes, robots.txt) and loops detected;
- bodies streamed and content-decoded here, so the DECODED size is bounded (gzip bombs stop at
  ``max_bytes``);
- one budget of ``total_timeout`` seconds per URL: every attempt, redirect hop and retry pause of
  a fetch comes out of it, and each socket operation (connect, headers, body) is cut to what is
  left of it (:mod:`.deadline`), so a server trickling its headers a byte at a time cannot hold a
  request past it. Waiting for the host's politeness slot is not counted.

Failures are values: ``Response.reason`` holds a short stable code (``timeout``, ``too_large``,
``truncated``, ``redirect_loop``, ``too_many_redirects``, ``not_allowed``,
``robots_disallowed``, ``connect_error``, ``bad_encoding`` ...); HTTP statuses are left to
``classify``.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping

import httpx

from .deadline import DeadlineExpired, DeadlineTransport, deadline, install
from .settings import CrawlSettings
from .urls import MAX_URL_LENGTH, canonical_url, host_key

__all__ = ["Fetcher", "Response", "HostGate", "RETRY_STATUSES", "parse_retry_after"]

log = logging.getLogger(__name__)

# Statuses worth another try later (scrapy RETRY_HTTP_CODES plus the rest of 5xx).
RETRY_STATUSES = frozenset({408, 429} | set(range(500, 600)))
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

# Content-Disposition filename, RFC 6266: filename*=charset''pct-encoded beats filename="...".
_FILENAME_STAR = re.compile(
    rb"""filename\*\s*=\s*
        ([\w-]+)'[\w-]*'      # charset and (ignored) language
        ([^;\s]+)             # percent-encoded name""",
    re.VERBOSE | re.IGNORECASE,
)
_FILENAME = re.compile(
    rb"""filename\s*=\s*
        (?:"([^"]*)"          # quoted name (may hold raw GBK or UTF-8 bytes)
        |([^;\s]+))           # or a bare token""",
    re.VERBOSE | re.IGNORECASE,
)

# Callback deciding whether a redirect target may be requested: None = yes, else a reason code.
HopCheck = Callable[[str], "str | None"]


@dataclass(slots=True)
class Response:
    """What one fetch (retries and redirects included) ended with."""

    url: str
    final_url: str
    method: str = "GET"
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names, last value wins
    body: bytes | None = None  # decoded body; None unless read completely
    reason: str | None = None  # transport-level failure code; None when a response was read
    detail: str = ""
    elapsed_ms: int = 0
    attempts: int = 0
    redirects: list[str] = field(default_factory=list)
    filename: str | None = None  # from Content-Disposition, decoded

    @property
    def content_type(self) -> str | None:
        """The Content-Type header, verbatim."""
        return self.headers.get("content-type")


class HostGate:
    """Per-host concurrency limit and start-to-start delay, shared by every thread."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextlib.contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        """Wait for a free slot and the host's delay, then hold the slot while the body runs."""
        with self._lock:
            sem = self._slots.setdefault(host, threading.Semaphore(self._per_host))
        with sem:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, 0.0))
                self._next_start[host] = start + delay
            if start > now:
                time.sleep(start - now)
            yield


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


# Characters no file name keeps: separators, Windows' reserved ones, control characters.
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_MAX_NAME_BYTES = 255  # a file name's length limit on common file systems


def safe_filename(name: str) -> str | None:
    """A server's file name reduced to a safe base name: the last path part (``/`` and ``\\``),
    no control or reserved characters, no leading dots or blanks, at most 255 bytes of UTF-8; None
    when nothing is left (``..``, ``/``)."""
    base = re.split(r"[/\\]", name)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip().lstrip(".").strip()
    if len(base.encode("utf-8")) > _MAX_NAME_BYTES:  # cut the stem, keep a short extension
        stem, dot, ext = base.rpartition(".")
        tail = dot + ext if dot and stem and len(ext) < 16 else ""
        head = stem if tail else base
        room = _MAX_NAME_BYTES - len(tail.encode("utf-8"))
        base = head.encode("utf-8")[:room].decode("utf-8", "ignore") + tail
    return base or None


def content_disposition_filename(raw_headers: list[tuple[bytes, bytes]]) -> str | None:
    """The file name of a Content-Disposition header, GBK or UTF-8 bytes decoded, as a safe base
    name (:func:`safe_filename`: a traversal such as ``../../x.pdf`` keeps only ``x.pdf``)."""
    from urllib.parse import unquote_to_bytes

    for name, value in raw_headers:
        if name.lower() != b"content-disposition":
            continue
        star = _FILENAME_STAR.search(value)
        if star:
            data, charset = unquote_to_bytes(star.group(2)), star.group(1).decode("ascii")
            return safe_filename(_decode_name(data, charset))
        plain = _FILENAME.search(value)
        if plain:
            data = plain.group(1) if plain.group(1) is not None else plain.group(2)
            # Servers also percent-encode plain filenames (IE habit).
            if b"%" in data:
                data = unquote_to_bytes(data.decode("latin-1"))
            return safe_filename(_decode_name(data, "utf-8"))
    return None


def _decode_name(data: bytes, charset: str) -> str:
    """Bytes of a file name: the declared charset, else UTF-8, else GB18030 (GBK servers)."""
    for enc in (charset, "utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


class _TooLarge(Exception):
    """The decoded body passed max_bytes."""


class _Deadline(Exception):
    """The request took longer than total_timeout."""


class _Budget:
    """What is left of a URL's ``total_timeout``: spent by attempts, hops and retry pauses."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.left = seconds

    def spend(self, seconds: float) -> None:
        self.left -= seconds


class _Decoder:
    """Undo Content-Encoding chunk by chunk without ever producing more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise zlib.error(f"stacked content-encodings not supported: {encoding}")
        self._coding = codings[0] if codings else ""
        if self._coding not in ("", "gzip", "x-gzip", "deflate"):
            raise zlib.error(f"unsupported content-encoding: {self._coding}")
        self._zobj = self._new_zobj()
        self._first = True

    def _new_zobj(self) -> "zlib._Decompress | None":
        if self._coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self._coding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)
        return None

    def _emit(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise _TooLarge()
        self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        """Decode one chunk of the raw body."""
        if self._zobj is None:
            self._emit(chunk)
            return
        if self._first and self._coding == "deflate":
            self._first = False
            # "deflate" is zlib-wrapped by the RFC but raw deflate from many servers.
            if chunk and (chunk[0] & 0x0F) != 8:
                self._zobj = zlib.decompressobj(-zlib.MAX_WBITS)
        zobj = self._zobj
        data = chunk
        while data:
            if zobj.eof:
                if not data.strip(b"\x00"):  # padding after the last gzip member
                    break
                fresh = self._new_zobj()  # another gzip member follows
                if fresh is None:
                    break
                self._zobj = zobj = fresh
            room = self._limit - self._size + 1  # one byte more than allowed reveals overflow
            self._emit(zobj.decompress(data, room))
            data = zobj.unconsumed_tail or (zobj.unused_data if zobj.eof else b"")

    def result(self) -> bytes:
        """The decoded body (after flushing the decompressor)."""
        if self._zobj is not None:
            self._emit(self._zobj.flush())
        return b"".join(self._parts)


class Fetcher:
    """Sends polite requests with one shared httpx client. Thread-safe."""

    def __init__(self, settings: CrawlSettings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.gate = HostGate(settings.per_host_concurrency)
        if transport is None:  # ours keeps one deadline per request; a test's mock has no sockets
            transport = DeadlineTransport(trust_env=settings.trust_env)
        self._client = httpx.Client(
            headers={
                "User-Agent": settings.ua(),
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "zh-CN,zh;q=0.9",
                # Only codings _Decoder can bound; no brotli (not installed, not needed).
                "Accept-Encoding": "gzip, deflate",
            },
            follow_redirects=False,
            trust_env=settings.trust_env,
            transport=transport,
        )
        for mounted in getattr(self._client, "_mounts", {}).values():  # proxies from the environment
            if mounted is not None:
                install(mounted)

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        settings: CrawlSettings | None = None,
        method: str = "GET",
        form: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        hop_check: HopCheck | None = None,
        delay: float | None = None,
    ) -> Response:
        """Fetch ``url`` with retries; the returned Response says how it ended.

        ``settings`` overrides the fetcher's (per-source limits), ``headers`` are extra request
        headers (conditional ones), ``hop_check`` vets each redirect target, ``delay`` overrides
        the per-host delay (robots.txt Crawl-delay).
        """
        cfg = settings or self.settings
        wait_between = cfg.delay if delay is None else delay
        started = time.monotonic()
        budget = _Budget(cfg.total_timeout)
        attempt = 0
        while True:
            attempt += 1
            resp = self._follow(url, cfg, method, form, headers or {}, hop_check, wait_between, budget)
            resp.attempts = attempt
            pause = self._retry_pause(resp, attempt, cfg)
            if pause is None:
                break
            if pause >= budget.left:
                resp.detail = (f"{resp.detail}; " if resp.detail else "") + (
                    f"not retried: a {pause:.1f}s pause would pass total_timeout {cfg.total_timeout:g}s for the URL")
                break
            log.info("retry %s in %.2fs after %s", url, pause, resp.reason or resp.status)
            time.sleep(pause)
            budget.spend(pause)
        resp.elapsed_ms = int((time.monotonic() - started) * 1000)
        return resp

    def _retry_pause(self, resp: Response, attempt: int, cfg: CrawlSettings) -> float | None:
        """Seconds to wait before the next attempt, or None when this answer is final."""
        retry_after = parse_retry_after(resp.headers.get("retry-after"))
        retryable = (
            resp.reason == "timeout"
            or (resp.reason is None and resp.status in RETRY_STATUSES)
            or (resp.reason is None and resp.status == 403 and retry_after is not None)
        )
        if not retryable or attempt > cfg.retries:
            return None
        if retry_after is not None:
            if retry_after > cfg.max_retry_after:
                resp.detail = (f"Retry-After {retry_after:.0f}s exceeds max_retry_after "
                               f"{cfg.max_retry_after:.0f}s; not retried")
                return None
            return retry_after
        return min(cfg.max_backoff, cfg.backoff * 2 ** (attempt - 1))

    def _follow(
        self,
        url: str,
        cfg: CrawlSettings,
        method: str,
        form: Mapping[str, str] | None,
        headers: Mapping[str, str],
        hop_check: HopCheck | None,
        delay: float,
        budget: _Budget,
    ) -> Response:
        """One attempt: the request and its redirect chain."""
        chain = [url]
        current = url
        while True:
            resp = self._send(current, cfg, method, form, headers, delay, budget)
            resp.url, resp.redirects = url, chain[1:]
            location = resp.headers.get("location")
            if resp.reason is not None or resp.status not in _REDIRECTS or not location:
                return resp
            try:
                target = canonical_url(str(httpx.URL(current).join(location)))
            except httpx.InvalidURL:  # too long, bad characters
                target = None
            if target is None:
                resp.reason, resp.detail = "not_allowed", f"redirect to a URL that is not allowed: {location[:200]!r}"
                return resp
            if len(target) > MAX_URL_LENGTH:
                resp.reason, resp.detail = "url_too_long", f"redirect to {len(target)} characters > {MAX_URL_LENGTH}"
                return resp
            if target in chain:
                resp.reason, resp.detail = "redirect_loop", " -> ".join(chain + [target])
                return resp
            if len(chain) - 1 >= cfg.max_redirects:
                resp.reason = "too_many_redirects"
                resp.detail = f"more than {cfg.max_redirects} redirects: " + " -> ".join(chain)
                return resp
            refused = hop_check(target) if hop_check else None
            if refused:
                resp.reason, resp.detail = refused, f"redirect to {target}"
                resp.final_url = target
                return resp
            if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                method, form = "GET", None
            chain.append(target)
            current = target

    def _send(
        self,
        url: str,
        cfg: CrawlSettings,
        method: str,
        form: Mapping[str, str] | None,
        headers: Mapping[str, str],
        delay: float,
        budget: _Budget,
    ) -> Response:
        """One HTTP exchange, body streamed into a bounded decoder, within what is left of ``budget``."""
        resp = Response(url=url, final_url=url, method=method)
        if len(url) > MAX_URL_LENGTH:
            resp.reason, resp.detail = "url_too_long", f"{len(url)} characters > {MAX_URL_LENGTH}"
            return resp
        if budget.left <= 0:
            resp.reason, resp.detail = "timeout", f"total_timeout {cfg.total_timeout:g}s for the URL spent"
            return resp
        timeout = httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout, pool=cfg.total_timeout)
        with self.gate.slot(host_key(url), delay):
            began = time.monotonic()
            until = began + budget.left
            try:
                with deadline(until), self._client.stream(method, url, headers=dict(headers),
                                                          data=dict(form) if form else None, timeout=timeout) as http:
                    resp.status = http.status_code
                    resp.headers = {k.lower(): v for k, v in http.headers.items()}
                    resp.filename = content_disposition_filename(http.headers.raw)
                    if http.status_code in _REDIRECTS or http.status_code == 304 or method == "HEAD":
                        return resp
                    self._read_body(http, resp, cfg, until)
            except httpx.TimeoutException as exc:
                if isinstance(exc.__cause__, DeadlineExpired) or time.monotonic() >= until:
                    resp.reason, resp.detail = "timeout", f"not complete within total_timeout {cfg.total_timeout:g}s"
                else:
                    resp.reason, resp.detail = "timeout", f"{type(exc).__name__} after {cfg.read_timeout}s"
            except _Deadline:
                resp.reason, resp.detail = "timeout", f"body not complete within total_timeout {cfg.total_timeout:g}s"
            except _TooLarge:
                resp.reason, resp.detail = "too_large", f"decoded body over {cfg.max_bytes} bytes"
            except zlib.error as exc:
                resp.reason, resp.detail = "bad_encoding", str(exc)
            except httpx.RemoteProtocolError as exc:
                # h11 raises this when the peer closes before Content-Length bytes arrived.
                truncated = resp.status is not None
                resp.reason = "truncated" if truncated else "protocol_error"
                resp.detail = str(exc)
            except httpx.ConnectError as exc:
                resp.reason, resp.detail = "connect_error", str(exc)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                resp.reason, resp.detail = "not_allowed", str(exc)
            except httpx.TransportError as exc:
                resp.reason, resp.detail = "network_error", f"{type(exc).__name__}: {exc}"
            finally:
                budget.spend(time.monotonic() - began)
        return resp

    def _read_body(self, http: httpx.Response, resp: Response, cfg: CrawlSettings, deadline: float) -> None:
        """Stream the raw body through a bounded decoder into ``resp.body``."""
        declared = http.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cfg.max_bytes:
            resp.reason = "too_large"
            resp.detail = f"Content-Length {declared} over {cfg.max_bytes} bytes"
            return
        decoder = _Decoder(http.headers.get("content-encoding", ""), cfg.max_bytes)
        for chunk in http.iter_raw():
            decoder.feed(chunk)
            if time.monotonic() > deadline:
                raise _Deadline()
        resp.body = decoder.result()
