"""Page layouts of our own for the parity test (tests/parity.py): one module per family.

Each family turns a notice text (and its gold label, for the facts a page may state) into a page
the way a kind of site does, with that kind of site's chrome and its traps; ``FAMILIES`` maps a
family's name to an object whose ``wrap(src, out)`` writes the pages of every notice in ``src``
and returns the predictor that parses them. Written from ../shared/FIXTURES.md and what the CMSs
named in each module put on their pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from . import forum, guangdong, hanweb, open_gov, wechat, word_export
from .common import Family, Predictor
from .pdf_attachment import PdfFamily


class Wrapper(Protocol):
    name: str

    def wrap(self, src: Path, out: Path) -> Predictor: ...


FAMILIES: dict[str, Wrapper] = {
    "hanweb": Family("hanweb", hanweb.build),
    "guangdong": Family("guangdong", guangdong.build),
    "word_export": Family("word_export", word_export.build),
    "open_gov": Family("open_gov", open_gov.build),
    "wechat": Family("wechat", wechat.build),
    "forum": Family("forum", forum.build),
    "pdf_attachment": PdfFamily(),
}
