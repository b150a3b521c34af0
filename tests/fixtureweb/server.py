"""The loopback fixture web: one real HTTP server per site, fault injection, an access log.

Each site runs its own ``ThreadingHTTPServer`` on 127.0.0.1 with port 0, so every site is its own
host (``127.0.0.1:PORT``) with its own robots.txt, and redirects between sites are redirects
between hosts (our stand-in for http <-> https). Bodies may contain ``{{origin:SITE}}`` and
``{{hostport:SITE}}`` placeholders, filled in when served.

Static routes answer conditional requests like real servers: an ETag (when the site sends
them) and Last-Modified, 304 on a match.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

__all__ = ["Access", "Route", "Reply", "Site", "WebServer"]

_PLACEHOLDER = re.compile(rb"\{\{(origin|hostport):([a-z0-9_-]+)\}\}")


@dataclass(slots=True)
class Access:
    """One request as the server saw it; logged on arrival, ``status`` filled in when answered
    (0 while the handler is still busy, e.g. sleeping for a slow-page fault)."""

    site: str
    method: str
    path: str  # path only, percent-encoded as sent
    query: str
    headers: dict[str, str]  # lower-case names
    status: int
    body: bytes
    at: float  # arrival time (time.time())

    @property
    def target(self) -> str:
        """Path plus query, as requested."""
        return f"{self.path}?{self.query}" if self.query else self.path


@dataclass(slots=True)
class Reply:
    """A dynamic answer."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Route:
    """What a path serves, and how it misbehaves.

    ``fault`` names a behaviour: ``status_then_ok`` (``fail_status`` with Retry-After for the
    first ``fail_times`` requests), ``slow`` (sleep ``sleep`` s before answering, always),
    ``slow_once``, ``truncate`` (Content-Length larger than the body sent), ``huge`` (``size``
    bytes streamed with no Content-Length), ``gzip_bomb`` (``size`` zero bytes gzip-compressed),
    ``redirect`` (``status`` with Location ``location``), ``trickle_headers`` (status line and
    ``size`` bytes of headers sent one byte every ``sleep`` s, then the body) or ``trickle_body``
    (the body one byte every ``sleep`` s), or None. ``handler`` makes the route
    dynamic. ``expect`` is what a correct crawl logs for it: ``(outcome, reason)``.
    """

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    fault: str | None = None
    fail_status: int = 503
    fail_times: int = 1
    retry_after: str = "1"
    sleep: float = 0.0
    size: int = 0
    location: str = ""
    handler: Callable[["Request"], Reply] | None = None
    expect: tuple[str, str | None] | None = None
    kind: str = "detail"  # list / detail / attachment (for the expectations)
    queries: tuple[str, ...] = ()  # the query strings it is expected under (default: none)
    last_modified: float = 1_632_000_000.0  # seconds since the epoch
    hits: int = 0


@dataclass(frozen=True, slots=True)
class Request:
    """What a dynamic handler gets."""

    method: str
    path: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]
    headers: dict[str, str]


@dataclass(slots=True)
class Site:
    """One host of the fixture web."""

    name: str
    routes: dict[str, Route]  # by path (query ignored)
    etags: bool = True  # some servers only send Last-Modified
    conditional: bool = True  # False: never answers 304 (ignores If-None-Match/If-Modified-Since)
    server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self.server is not None, "site not started"
        return self.server.server_address[1]


class _QuietServer(ThreadingHTTPServer):
    """A threading server that does not print tracebacks when a client hangs up (the crawler
    gives up on slow or huge pages, tests kill it mid-request)."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class WebServer:
    """All sites, started together; thread-safe access log."""

    def __init__(self, sites: list[Site]) -> None:
        self.sites = {site.name: site for site in sites}
        self.log: list[Access] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._changed = threading.Condition(self._lock)

    # --- lifecycle ------------------------------------------------------------------------
    def start(self) -> "WebServer":
        """Bind every site to a free loopback port and serve in daemon threads."""
        for site in self.sites.values():
            handler = type(f"Handler_{site.name}", (_Handler,), {"site": site, "web": self})
            server = _QuietServer(("127.0.0.1", 0), handler)
            site.server = server
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"fixtureweb-{site.name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        """Shut every server down."""
        for site in self.sites.values():
            if site.server is not None:
                site.server.shutdown()
                site.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    # --- addresses ------------------------------------------------------------------------
    def origin(self, site: str) -> str:
        """``http://127.0.0.1:PORT`` of a site."""
        return f"http://127.0.0.1:{self.sites[site].port}"

    def url(self, site: str, path: str) -> str:
        """Absolute URL of ``path`` on ``site``."""
        return self.origin(site) + path

    def fill(self, body: bytes) -> bytes:
        """Replace the ``{{origin:SITE}}`` / ``{{hostport:SITE}}`` placeholders."""
        def sub(match: re.Match[bytes]) -> bytes:
            site = match.group(2).decode()
            hostport = f"127.0.0.1:{self.sites[site].port}".encode()
            return b"http://" + hostport if match.group(1) == b"origin" else hostport
        return _PLACEHOLDER.sub(sub, body)

    # --- access log -----------------------------------------------------------------------
    def record(self, access: Access) -> None:
        with self._changed:
            self.log.append(access)
            self._changed.notify_all()

    def requests(self, site: str | None = None) -> list[Access]:
        """A snapshot of the access log (one site or all)."""
        with self._lock:
            return [a for a in self.log if site is None or a.site == site]

    def wait_for_requests(self, count: int, timeout: float = 30.0) -> bool:
        """Block until the log holds ``count`` requests (True) or ``timeout`` passes (False)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.log) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()


class _Handler(BaseHTTPRequestHandler):
    """Serves one site's routes; the subclass per site sets ``site`` and ``web``."""

    site: Site
    web: WebServer
    _access: Access
    protocol_version = "HTTP/1.1"
    server_version = "FixtureWeb/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass  # the access log is self.web.log

    def do_GET(self) -> None:
        self._serve(b"")

    def do_HEAD(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length) if length else b"")

    # --- dispatch -------------------------------------------------------------------------
    def _serve(self, body_in: bytes) -> None:
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        route = self.site.routes.get(parts.path)
        access = Access(self.site.name, self.command, parts.path, parts.query, headers, 0, body_in,
                        time.time())
        self.web.record(access)
        self._access = access
        status = 0
        try:
            if route is None:
                status = self._send(404, _NOT_FOUND, {"Content-Type": "text/html; charset=utf-8"})
            else:
                with self.web._lock:
                    route.hits += 1
                    hit = route.hits
                status = self._route(route, hit, parts, headers, body_in)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size limits): expected in these tests
        finally:
            access.status = status

    def _route(self, route: Route, hit: int, parts, headers: dict[str, str], body_in: bytes) -> int:  # type: ignore[no-untyped-def]
        fault = route.fault
        if fault == "status_then_ok" and hit <= route.fail_times:
            return self._send(route.fail_status, b"<html><body>busy</body></html>",
                              {"Content-Type": "text/html", "Retry-After": route.retry_after})
        if fault == "slow" or (fault == "slow_once" and hit == 1):
            time.sleep(route.sleep)
        if fault == "redirect":
            return self._send(route.status, b"", {"Location": self.web.fill(route.location.encode()).decode()})
        if fault == "huge":
            return self._stream_huge(route)
        if fault in ("trickle_headers", "trickle_body"):
            return self._trickle(route, fault)
        if fault == "gzip_bomb":
            bomb = _gzip_bomb(route.size)
            return self._send(200, bomb, {"Content-Type": route.content_type, "Content-Encoding": "gzip"})
        if route.handler is not None:
            request = Request(self.command, parts.path, parse_qs(parts.query),
                              parse_qs(body_in.decode("latin-1")), headers)
            reply = route.handler(request)
            return self._send(reply.status, self.web.fill(reply.body), reply.headers)
        body = self.web.fill(route.body)
        out = {"Content-Type": route.content_type, **route.headers}
        if route.status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = formatdate(route.last_modified, usegmt=True)
            out["Last-Modified"] = modified
            if self.site.etags:
                out["ETag"] = etag
            if self.site.conditional and _not_modified(headers, etag if self.site.etags else None, route.last_modified):
                return self._send(304, b"", {k: v for k, v in out.items() if k != "Content-Type"})
        if fault == "truncate":
            out["Content-Length"] = str(len(body) + 5000)
            return self._send(route.status, body, out, length_given=True)
        return self._send(route.status, body, out)

    def _send(self, status: int, body: bytes, headers: dict[str, str], length_given: bool = False) -> int:
        self._access.status = status  # before the client can see the answer
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if not length_given:
            self.send_header("Content-Length", str(len(body)))
        if length_given:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)
            self.wfile.flush()
        return status

    def _trickle(self, route: Route, fault: str) -> int:
        """Headers (``trickle_headers``) or body (``trickle_body``) one byte every ``route.sleep`` s."""
        self._access.status = 200
        self.close_connection = True
        body = self.web.fill(route.body)
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: {route.content_type}\r\nContent-Length: {len(body)}\r\n"
                f"Connection: close\r\nX-Padding: {'a' * route.size}\r\n\r\n").encode()
        slow, fast = (head, body) if fault == "trickle_headers" else (body, head)
        if fault == "trickle_body":
            self.wfile.write(fast)
        for i in range(len(slow)):
            self.wfile.write(slow[i:i + 1])
            self.wfile.flush()
            time.sleep(route.sleep)
        if fault == "trickle_headers":
            self.wfile.write(fast)
        self.wfile.flush()
        return 200

    def _stream_huge(self, route: Route) -> int:
        """``route.size`` bytes of an endless page, close-delimited (no Content-Length)."""
        self._access.status = 200
        self.send_response(200)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = ("<p>" + "系统升级停机公告附表。" * 20 + "</p>\n").encode()
        sent = 0
        self.wfile.write(b"<html><head><title>big</title></head><body>")
        while sent < route.size:
            self.wfile.write(chunk)
            sent += len(chunk)
        self.wfile.write(b"</body></html>")
        return 200


def _not_modified(headers: dict[str, str], etag: str | None, last_modified: float) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    inm = headers.get("if-none-match")
    if inm is not None:
        return etag is not None and etag in [t.strip() for t in inm.split(",")]
    ims = headers.get("if-modified-since")
    if ims:
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(ims).timestamp() >= int(last_modified)
        except (TypeError, ValueError):
            return False
    return False


_BOMBS: dict[int, bytes] = {}


def _gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about 1000:1), cached."""
    if size not in _BOMBS:
        _BOMBS[size] = gzip.compress(b"\0" * size, compresslevel=9)
    return _BOMBS[size]


_NOT_FOUND = ("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
              "<p>您访问的页面不存在</p></body></html>").encode()
