"""Text of text PDFs, with pypdf (pure Python, BSD, actively maintained).

pypdf is optional: without it, or for a scanned PDF (no text layer), attachments are stored and
logged but no text is extracted (``extract_pdf_text`` returns None).
"""

from __future__ import annotations

import io
import logging

__all__ = ["extract_pdf_text", "pdf_available", "MIN_TEXT_CHARS"]

log = logging.getLogger(__name__)

# Fewer non-blank characters than this over the whole file means "no text layer" (a scan).
MIN_TEXT_CHARS = 20
# Pages read at most: notices are short; a 500-page annex is not a notice.
MAX_PAGES = 50


def pdf_available() -> bool:
    """True when pypdf can be imported."""
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


def extract_pdf_text(data: bytes) -> str | None:
    """The text of a text PDF (pages joined by blank lines), or None (scan, broken, no pypdf)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        log.info("pypdf not installed: PDF text not extracted")
        return None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # most "encrypted" notices only forbid printing
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    # pypdf signals damaged files with its own errors, but malformed objects also surface as
    # these built-in ones from its parser.
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            NotImplementedError, RecursionError) as exc:
        log.info("PDF text extraction failed: %s: %s", type(exc).__name__, exc)
        return None
    text = "\n\n".join(page.strip() for page in pages).strip()
    if sum(1 for ch in text if not ch.isspace()) < MIN_TEXT_CHARS:
        return None
    return text
