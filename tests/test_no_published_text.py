"""No file of the repository holds published notice text: no run of 30 characters of ../shared/corpus.

The texts in ``../shared/corpus/`` (dev and real) were published by others; the project reads them
from there and keeps only what it wrote. This test indexes every 30-character window of those texts
(as they are, nothing normalized) and scans every tracked file for any of them, so that a copied
sentence cannot creep back into a case table, a docstring, a fixture or a sample. Allowed:

- the two seed notices the project started from (``../shared/seeds``): their windows are not indexed;
- the ``title`` and ``url`` of a gold label (``tests/gold/**/*.json``): a label names the notice it
  labels and where it was found, as a citation names a document, and the title is what
  ``notices eval`` scores (a repost's page may print its own URL);
- windows of blanks only (a long indentation run is nobody's text).

Skips when ``../shared`` is absent (CI always has it).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from corpora import ROOT, SHARED, SHARED_CORPUS, SHARED_MISSING

WINDOW = 30

pytestmark = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=SHARED_MISSING)


class Hit(NamedTuple):
    """A tracked file's line holding a window of a published text."""

    path: str
    line: int
    source: str  # the shared text it comes from, e.g. dev/tianmen-2021
    text: str


def _windows(text: str) -> Iterator[str]:
    for i in range(len(text) - WINDOW + 1):
        yield text[i:i + WINDOW]


def published_windows() -> dict[str, str]:
    """Every 30-character window of the shared texts (seed texts and their windows left out) -> its text."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    allowed = {w for text in seeds for w in _windows(text)}
    index: dict[str, str] = {}
    for path in sorted(SHARED_CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text in seeds:
            continue
        source = f"{path.parent.name}/{path.stem}"
        for w in _windows(text):
            if w not in allowed and not w.isspace():
                index.setdefault(w, source)
    return index


def tracked_files() -> list[Path]:
    """Files git tracks in the checkout (what a commit carries)."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in out.decode("utf-8").split("\0") if name and (ROOT / name).is_file()]


def readable_text(path: Path) -> str | None:
    """The file as text (UTF-8, else GB18030 for the GBK pages), or None for binary files."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


CITATION_KEYS = ("title", "url")


def without_gold_title(path: Path, text: str) -> str:
    """A gold label with its ``title`` and ``url`` values blanked (the allowed citations)."""
    if path.suffix != ".json" or "gold" not in path.relative_to(ROOT).parts:
        return text
    label = json.loads(text)
    for key in CITATION_KEYS:
        value = label.get(key)
        if value:
            quoted = json.dumps(value, ensure_ascii=False)
            text = text.replace(f'"{key}": {quoted}', f'"{key}": ' + " " * len(quoted))
    return text


def scan(files: list[Path], index: dict[str, str]) -> list[Hit]:
    hits: list[Hit] = []
    for path in files:
        text = readable_text(path)
        if text is None:
            continue
        text = without_gold_title(path, text)
        seen_lines: set[int] = set()
        for i, w in enumerate(_windows(text)):
            source = index.get(w)
            if source is None:
                continue
            line = text.count("\n", 0, i) + 1
            if line not in seen_lines:
                seen_lines.add(line)
                hits.append(Hit(str(path.relative_to(ROOT)), line, source, w))
    return hits


@pytest.fixture(scope="module")
def index() -> dict[str, str]:
    return published_windows()


def test_the_index_holds_the_published_texts(index: dict[str, str]) -> None:
    sources = set(index.values())
    assert len(sources) >= 100  # dev and real, the seeds left out
    assert not {s for s in sources if s.endswith(("guilin-2020", "xinzhou-2021"))}


def test_a_copied_sentence_is_found(index: dict[str, str], tmp_path: Path) -> None:
    """The scan sees a run of 30 characters of a shared text inside other text, and only from 30 on."""
    text = (SHARED_CORPUS / "dev" / "tianmen-2021.txt").read_text(encoding="utf-8")
    start = next(i for i in range(len(text)) if text[i:i + WINDOW] in index)
    run = text[start:start + WINDOW]
    copied = tmp_path / "copied.py"
    copied.write_text(f'CASE = "前缀{run}后缀"\n', encoding="utf-8")
    short = tmp_path / "short.py"
    short.write_text(f'CASE = "前缀{run[:-1]}"\n', encoding="utf-8")
    hits = []
    for path in (copied, short):
        for i, w in enumerate(_windows(path.read_text(encoding="utf-8"))):
            if w in index:
                hits.append(path.name)
    assert hits == ["copied.py"]


def test_no_tracked_file_holds_published_text(index: dict[str, str]) -> None:
    files = tracked_files()
    assert len(files) > 100
    hits = scan(files, index)
    report = "\n".join(f"{h.path}:{h.line}: 30+ characters of ../shared/corpus/{h.source}: {h.text!r}" for h in hits)
    assert not hits, f"{len(hits)} lines hold published text (rewrite them in our own words, or read them from ../shared):\n{report}"
