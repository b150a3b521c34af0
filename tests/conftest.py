"""Shared test fixtures: paths of the bundled corpus and fixture pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtureweb import fixture_web  # noqa: F401  (the loopback fixture web, tests/fixtureweb)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
PAGES = ROOT / "tests" / "fixtures" / "pages"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """Folder of the dev notices with their gold labels."""
    return CORPUS / "dev"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder of the two seed notices with their gold labels."""
    return CORPUS / "seeds"
