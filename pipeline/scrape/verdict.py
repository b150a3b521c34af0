"""Deciding what a fetched answer is: a page to store, or a blocked / not-found / failed fetch.

Pure functions of the ``Response``; the outcome vocabulary is the fetch log's:
``stored`` (keep it), ``unchanged`` (304), ``blocked``, ``not_found``, ``error``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .http import Response
from .listing import decode_page
from .markers import (BINARY_MAGIC, CHALLENGE_MARKUP, CHALLENGE_MAX_CHARS, HTML_SNIFF,
                      SOFT_404_MAX_CHARS, SOFT_404_TEXT)

__all__ = ["Verdict", "classify", "sniff_suffix", "visible_text"]

# Markup that is not visible text: scripts, styles, comments, then any tag.
_INVISIBLE = re.compile(
    r"""<script\b.*?</script\s*>   # inline scripts
      | <style\b.*?</style\s*>     # inline CSS
      | <!--.*?-->                 # comments (decoy items, saved-from lines)""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
_ENTITY_SPACE = re.compile(r"&nbsp;|&#160;|\s+", re.IGNORECASE)

# File suffixes a binary attachment URL may have (decides whether an HTML answer is suspect).
_BINARY_EXTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Outcome and reason code of a fetch, with a readable detail."""

    outcome: str
    reason: str | None
    detail: str = ""

    @property
    def ok(self) -> bool:
        """True when the body is worth storing."""
        return self.outcome == "stored"


def sniff_suffix(body: bytes, content_type: str | None) -> str:
    """Suffix for the stored file, from the bytes first (headers lie), then the header."""
    for magic, suffix in BINARY_MAGIC:
        if body.startswith(magic):
            return suffix
    head = body[:1024].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<datastore"):
        return ".xml"
    if any(marker in head for marker in HTML_SNIFF):
        return ".html"
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return ".html"
    if kind.startswith("text/") or _is_text(body[:4096]):
        return ".txt"
    return ".bin"


def _is_text(sample: bytes) -> bool:
    """True when a sample decodes as UTF-8 or GB18030 without control bytes."""
    if b"\x00" in sample:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            sample.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


def visible_text(html_text: str) -> str:
    """Rough visible text of an HTML page (scripts, styles, comments and tags removed)."""
    text = _TAG.sub(" ", _INVISIBLE.sub(" ", html_text))
    return _ENTITY_SPACE.sub(" ", text).strip()


def classify(resp: Response, kind: str, hint: str | None = None) -> Verdict:
    """What to do with a fetch of a ``kind`` page (list/detail/attachment)."""
    if resp.reason is not None:
        outcome = "skipped" if resp.reason in ("not_allowed", "robots_disallowed", "url_too_long") else "error"
        return Verdict(outcome, resp.reason, resp.detail)
    status = resp.status or 0
    if status == 304:
        return Verdict("unchanged", None, "304 Not Modified")
    if status == 412:
        return Verdict("blocked", "blocked", "HTTP 412 anti-bot answer (cookie script)")
    if status in (401, 403):
        return Verdict("blocked", f"http_{status}", resp.detail or f"HTTP {status}")
    if status in (404, 410):
        return Verdict("not_found", f"http_{status}", f"HTTP {status}")
    if status in (301, 302, 303, 307, 308):
        return Verdict("error", "bad_redirect", f"HTTP {status} without a usable Location")
    if not 200 <= status < 300:
        return Verdict("error", f"http_{status}", resp.detail or f"HTTP {status}")
    body = resp.body or b""
    if not body.strip():
        return Verdict("error", "empty", f"HTTP {status} with an empty body")
    suffix = sniff_suffix(body, resp.content_type)
    if suffix != ".html":
        return Verdict("stored", None)
    text = decode_page(body, resp.content_type, hint)
    visible = visible_text(text)
    lowered = text.lower()
    if len(visible) <= CHALLENGE_MAX_CHARS and "<script" in lowered and any(
            marker in text for marker in CHALLENGE_MARKUP):
        return Verdict("blocked", "blocked", "200 page holding only a JavaScript cookie challenge")
    if len(visible) <= SOFT_404_MAX_CHARS:
        for marker in SOFT_404_TEXT:
            if marker in visible:
                return Verdict("not_found", "soft_404", f"200 page saying {marker!r}")
    if kind == "attachment" and not visible and urlsplit(resp.final_url).path.lower().endswith(_BINARY_EXTS):
        return Verdict("not_found", "soft_404", "HTML page with no text instead of a file")
    return Verdict("stored", None)
