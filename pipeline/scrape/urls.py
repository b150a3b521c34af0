"""URL canonicalization: one spelling per page, so allow checks and dedupe can trust it."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

__all__ = ["canonical_url", "resolve", "origin", "host_key", "hostile_path", "MAX_URL_LENGTH"]

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Longest URL requested, in characters: servers refuse longer ones (Apache 8,190, IIS 4,096 by
# default) and a page linking to one is hostile or broken. Longer ones are logged url_too_long.
MAX_URL_LENGTH = 8192
# Percent-decoding rounds looked through: a server or proxy may decode again (%252e -> %2e -> .).
_DECODE_ROUNDS = 4
_IIS_UNICODE = re.compile(r"%u[0-9a-f]{4}", re.IGNORECASE)  # %u002e: IIS's own escape
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Characters left as they are when re-quoting a path or query (RFC 3986 reserved + '%').
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


def hostile_path(path: str) -> str | None:
    """Why ``path`` could mean another folder to some server than it seems to, or None.

    Allow prefixes are checked on the path as written; servers decode it again and differ in what
    they take for a separator (IIS: ``\\``; Tomcat: ``..;``), so a path is refused when any
    decoding of it holds a separator or a dot segment that the written form does not: an encoded
    slash or backslash (``..%2f``, ``..%5c``), a backslash, a dot segment with parameters
    (``..;/``), a double-encoded dot segment (``%252e%252e``), IIS ``%u`` escapes, control characters.
    """
    decoded = path
    for _ in range(_DECODE_ROUNDS):
        more = unquote(decoded)
        if more == decoded:
            break
        decoded = more
    else:
        if unquote(decoded) != decoded:
            return "percent-encoded more than 4 times"
    if "\\" in decoded:
        return "a backslash (a separator to IIS)"
    if decoded.count("/") != path.count("/"):
        return "an encoded separator (%2f)"
    if _IIS_UNICODE.search(path):
        return "an IIS %u escape"
    if _CONTROL.search(decoded):
        return "a control character"
    for segment in decoded.split("/"):
        bare = segment.split(";", 1)[0]
        if bare in (".", "..") and (bare != segment or segment not in path.split("/")):
            return "a disguised dot segment (..;, %252e%252e)"
    return None


def canonical_url(url: str) -> str | None:
    """Absolute http(s) URL with lower-case scheme and host, no default port, no fragment,
    dot segments resolved and unsafe characters percent-encoded; None for anything else,
    including a path that decodes to another folder than it reads (:func:`hostile_path`)."""
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
    if hostile_path(path) is not None:
        return None
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
