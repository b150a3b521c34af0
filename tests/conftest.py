"""Shared test fixtures: paths of the bundled corpus and fixture pages."""

from __future__ import annotations

import re
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


def every_start(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans a cue regex (group 1 in a lookahead) finds by definition: group 1 matched at every
    start position, non-empty; the plain form the fast scans of service_scan are checked against."""
    out = []
    for i in range(len(text)):
        m = regex.match(text, i)
        if m is not None and m.start(1) == i and m.end(1) > i:
            out.append(m.span(1))
    return out


# Where the browser test keeps its screenshots (set by its `artifacts` fixture), named at the end
# of the run so a person can open them.
ARTIFACTS_KEY = pytest.StashKey[Path]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    folder = config.stash.get(ARTIFACTS_KEY, None)
    if folder is not None and folder.is_dir():
        terminalreporter.write_line(f"report screenshots: {folder}")
