"""What the page builders of the extra corpora share (``tests/gold/*/html/build_pages.py``).

Each builder puts a ``.txt`` notice's lines into a site template and writes the page beside it; the
pages are committed, and a builder is run by hand (from the repo root) when its notice changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

Builder = Callable[[], str]
INDENT = ' style="text-indent:2em"'


def notice_lines(path: Path, start: str, stop: str) -> list[str]:
    """Stripped non-empty lines of the notice at ``path`` from the line starting with ``start`` up to ``stop``."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    i = next(k for k, ln in enumerate(lines) if ln.startswith(start))
    j = next(k for k, ln in enumerate(lines) if ln.startswith(stop) and k > i)
    return [ln for ln in lines[i:j] if ln]


def paragraphs(lines: list[str], style: str = INDENT) -> str:
    """One ``<p>`` a line."""
    return "\n".join(f"<p{style}>{html.escape(ln)}</p>" for ln in lines)


def write_pages(folder: Path, pages: dict[str, tuple[Builder, str]]) -> None:
    """Write each page (file name -> builder and encoding) into ``folder``."""
    for name, (build, encoding) in pages.items():
        (folder / name).write_bytes(build().encode(encoding))
