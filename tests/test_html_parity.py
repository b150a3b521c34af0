"""Every page layout scores like its text: each field's HTML score within 0.01 of its text score.

For every labeled corpus of ``parity.CORPORA`` and every layout (``../shared/tools/wrap_html.py``
as shipped, each of its templates on every notice, and the families of ``tests/layouts``), the
notices are wrapped into pages in ``tmp_path`` and scored against the same gold labels as their
texts (see tests/parity.py). A failure lists, per notice, what the pages lose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import layouts
from parity import CORPORA, TOLERANCE, Parity, layout_missing, layout_names, measure

# Layouts that crawl a loopback site rather than write pages: end-to-end, so marked slow.
_CRAWLED = {"pdf_attachment"}


def _cases() -> list[object]:
    cases = []
    for corpus in CORPORA:
        for layout in layout_names(include_absent=True):
            marks = [pytest.mark.slow] if layout in _CRAWLED else []
            cases.append(pytest.param(corpus, layout, marks=marks, id=f"{corpus.name}-{layout}"))
    return cases


def _report(p: Parity) -> str:
    lines = [f"{p.corpus} in {p.layout}: " + "; ".join(p.gaps())]
    for name, lost in sorted(p.lost().items()):
        lines.append(f"  {name}: " + "; ".join(lost))
    return "\n".join(lines)


@pytest.mark.parametrize(("corpus", "layout"), _cases())
def test_pages_score_like_their_text(corpus, layout: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if why := corpus.missing():
        pytest.skip(f"corpus {corpus.name} not here: {why}")
    if why := layout_missing(layout):
        pytest.skip(f"layout {layout} cannot run: {why}")
    p = measure(corpus, layout, tmp_path)
    assert p.notices > 0, f"no labeled notice in {corpus.gold}"
    assert not p.gaps(TOLERANCE), _report(p)


@pytest.mark.slow
def test_attachment_only_page_is_no_notice_of_its_own(tmp_path: Path) -> None:
    """The detail page that only links the PDF adds no outage notice beside the PDF's."""
    corpus = next(c for c in CORPORA if c.name == "extra")
    measure(corpus, "pdf_attachment", tmp_path)
    crawled = layouts.FAMILIES["pdf_attachment"].last  # type: ignore[attr-defined]
    assert crawled is not None and crawled.detail_outcomes
    assert len(crawled.by_name) == len(crawled.detail_outcomes)
    outage = {name: got for name, got in crawled.detail_outcomes.items() if got[0]}
    assert not outage, outage
