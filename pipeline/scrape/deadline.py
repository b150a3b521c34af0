"""One overall deadline for every socket operation of a request: connect, TLS, headers, body.

httpx's timeouts are per operation: a read timeout restarts with every byte, so a server that sends
its headers one byte at a time holds a request as long as it likes. Here the network backend under
httpx's connection pool bounds each connect, read and write by what is left until the deadline of
the request the calling thread is making (:func:`deadline`), and raises httpcore's own timeout
errors past it, which httpx turns into ``httpx.TimeoutException`` as for any timeout.

The deadline is kept per thread: the crawl runs sources in threads, each with one request at a time.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

__all__ = ["deadline", "DeadlineTransport", "install", "DeadlineExpired"]

_local = threading.local()


class DeadlineExpired(Exception):
    """Marker mixed into the timeout errors raised when the overall deadline (not a per-operation
    timeout) ended the request."""


class _ConnectExpired(httpcore.ConnectTimeout, DeadlineExpired):
    pass


class _ReadExpired(httpcore.ReadTimeout, DeadlineExpired):
    pass


class _WriteExpired(httpcore.WriteTimeout, DeadlineExpired):
    pass


@contextlib.contextmanager
def deadline(at: float) -> Iterator[None]:
    """Bound every socket operation of this thread's requests by ``at`` (``time.monotonic()``)."""
    previous = getattr(_local, "at", None)
    _local.at = at
    try:
        yield
    finally:
        _local.at = previous


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to what is left before this thread's deadline; raise ``expired`` past it."""
    at = getattr(_local, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise expired("total_timeout passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, _ReadExpired))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, _WriteExpired))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout, _ConnectExpired)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """Wraps a network backend so that its connections keep the deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _left(timeout, _ConnectExpired), local_address,
                                               socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout, _ConnectExpired), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(transport: httpx.BaseTransport) -> bool:
    """Make an ``httpx.HTTPTransport`` (direct or through a proxy) keep the deadline; False for
    other transports (a test's mock transport has no sockets).

    httpx does not take a network backend, so this reaches into the transport's connection pool
    (``_pool._network_backend``, httpx 0.27-0.28 with httpcore 1.x); ``tests/test_scrape_http.py``
    fails if a new release moves it."""
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(transport, httpx.HTTPTransport) or inner is None:
        return False
    if not isinstance(inner, _Backend):
        pool._network_backend = _Backend(inner)  # type: ignore[union-attr]
    return True


class DeadlineTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` keeping the calling thread's :func:`deadline`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not install(self):
            raise RuntimeError("httpx's transport has no connection pool backend to bound; see deadline.install")
