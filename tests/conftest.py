"""Shared test fixtures: paths of the gold corpora, the seeds and the fixture pages.

Where each labeled corpus lives is in ``corpora.py``; texts published by others are read from
``../shared`` (``SHARED``) and never copied into the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtureweb import fixture_web  # noqa: F401  (the loopback fixture web, tests/fixtureweb)

from corpora import GOLD, ROOT, SAMPLES, SHARED, SHARED_MISSING, needs_shared  # noqa: F401  (re-exported)

PAGES = ROOT / "tests" / "fixtures" / "pages"
SEEDS = GOLD / "seeds"  # the two seed notices with their gold labels (their texts may be in the repository)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder of the two seed notices with their gold labels."""
    return SEEDS


def every_start(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans a cue regex (group 1 in a lookahead) finds by definition: group 1 matched at every
    start position, non-empty; the plain form the fast scans of service_scan are checked against."""
    out = []
    for i in range(len(text)):
        m = regex.match(text, i)
        if m is not None and m.start(1) == i and m.end(1) > i:
            out.append(m.span(1))
    return out
