"""Text of text PDFs, with pypdf (pure Python, BSD, actively maintained).

pypdf is optional: without it, or for a scanned PDF (no text layer), attachments are stored and
logged but no text is extracted (``extract_pdf_text`` returns None).

A printed notice is wrapped at the page's width, anywhere in a sentence (``2021年10`` / ``月21日``),
and carries a page number at each page's foot: :func:`join_wrapped_lines` puts each paragraph back
on one line and drops the page numbers, so the text reads like the notice's own.
"""

from __future__ import annotations

import functools
import io
import logging
import re

from ..ruledata import load_yaml

__all__ = ["extract_pdf_text", "join_wrapped_lines", "pdf_available", "MIN_TEXT_CHARS"]

log = logging.getLogger(__name__)

# Fewer non-blank characters than this over the whole file means "no text layer" (a scan).
MIN_TEXT_CHARS = 20
# Pages read at most: notices are short; a 500-page annex is not a notice.
MAX_PAGES = 50
# A line this close to the longest lines' width (in Chinese-character widths) fills its line.
FULL_LINE_SLACK = 1.0
# Lines that must fill the width before the text counts as wrapped (a text whose longest line is
# just its longest paragraph is left alone).
MIN_FULL_LINES = 3


@functools.cache
def _line_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Page-number lines and numbered-item openings (rules/page.yaml: pdf_page_numbers, html.list_marker)."""
    page = load_yaml("page.yaml")
    return (re.compile("|".join(f"(?:{p})" for p in page["pdf_page_numbers"])),
            re.compile(page["html"]["list_marker"]))


_ENDS_SENTENCE = tuple("。；;：:！!？?")


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
    text = join_wrapped_lines("\n\n".join(page.rstrip().lstrip("\r\n") for page in pages)).strip()
    if sum(1 for ch in text if not ch.isspace()) < MIN_TEXT_CHARS:
        return None
    return text


def _indent(line: str) -> float:
    """Width of the blanks a line opens with (a full-width space is one character, a space half)."""
    blanks = line[: len(line) - len(line.lstrip())]
    return sum(1.0 if ch == "\u3000" else 0.5 for ch in blanks if ch != "\n")


def _width(line: str) -> float:
    """Printed width in Chinese-character widths (a digit or a Latin letter is half of one)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in line.strip())


def join_wrapped_lines(text: str) -> str:
    """Paragraphs back on one line each, page numbers dropped (see the module docstring).

    A line as wide as the text's widest lines was cut by the page's edge: the next line (across a
    page break) goes on after it, unless it is indented (where the text indents its paragraphs'
    first lines) or opens a numbered item right after a finished sentence.
    """
    page_number, item = _line_rules()
    lines = [ln for ln in text.split("\n") if not page_number.match(ln)]
    widths = [_width(ln) + _indent(ln) for ln in lines]
    full = max(widths, default=0.0) - FULL_LINE_SLACK
    if full <= 0 or sum(1 for w in widths if w >= full) < MIN_FULL_LINES:
        return "\n".join(lines)
    indents = any(_indent(ln) and ln.strip() for ln in lines)
    out: list[str] = []
    cut: str | None = None  # the previous line when it filled its width: its cut, " " or ""
    for line, width in zip(lines, widths):
        stripped = line.strip()
        if not stripped:
            if cut is None:  # a blank line inside a paragraph is a page break: skip it
                out.append("")
            continue
        after_sentence = bool(out) and out[-1].endswith(_ENDS_SENTENCE)
        opens = (indents and _indent(line) > 0) or (after_sentence and item.match(stripped) is not None)
        if cut is not None and not opens:
            out[-1] += cut + stripped
        else:
            out.append(stripped)
        # A blank at the cut (between two fields of an info line) stays a blank.
        cut = (" " if line != line.rstrip() else "") if width >= full else None
    return "\n".join(out)
