"""URL canonicalization: one spelling per page, so allow checks and dedupe can trust it."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

__all__ = ["canonical_url", "resolve", "origin", "host_key"]

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Characters left as they are when re-quoting a path or query (RFC 3986 reserved + '%').
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


def canonical_url(url: str) -> str | None:
    """Absolute http(s) URL with lower-case scheme and host, no default port, no fragment,
    dot segments resolved and unsafe characters percent-encoded; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # bad port or IPv6 literal
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # '%2e' is a dot to most servers: decode it first so '/tzgg/%2e%2e/x' cannot slip past an
    # allow prefix while meaning '/x'.
    path = (parts.path or "/").replace("%2e", ".").replace("%2E", ".")
    # posixpath.normpath resolves '..' without ever climbing above '/', which is what RFC 3986
    # asks for; it drops a trailing slash, so put that back.
    normal = posixpath.normpath(path)
    if normal.startswith("//"):
        normal = "/" + normal.lstrip("/")
    if path.endswith("/") and normal != "/":
        normal += "/"
    return urlunsplit((
        scheme,
        netloc,
        quote(normal, safe=_SAFE_PATH),
        quote(parts.query, safe=_SAFE_QUERY),
        "",
    ))


def resolve(base: str, href: str) -> str | None:
    """``href`` as found in a page at ``base`` -> canonical absolute URL, or None."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    lowered = href.lower()
    if lowered.startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    return canonical_url(urljoin(base, href))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a canonical URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def host_key(url: str) -> str:
    """The key politeness is counted under: host and port (one server, one queue)."""
    return urlsplit(url).netloc
