"""Shared test fixtures: paths of the gold corpora, the seeds and the fixture pages.

Where each labeled corpus lives is in ``corpora.py``; texts published by others are read from
``../shared`` (``SHARED``) and never copied into the repository.
"""

from __future__ import annotations

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
