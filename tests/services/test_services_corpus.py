"""The services extractor through the whole parser on every labeled text at hand: consistent rows.

The accuracy of ``services_suspended`` is gated with the whole parser by ``test_corpora.py`` (each
corpus's floors, each known miss a strict xfail); this checks what must hold of any notice's service
rows, on the labeled texts we wrote and the dev notices read from ``../shared`` when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.records import Notice

from corpora import labeled_text_paths, parse_file

TEXTS = labeled_text_paths()


@pytest.fixture(scope="module")
def parsed() -> list[Notice]:
    return [parse_file(p) for p in TEXTS]


def test_labeled_texts_are_here() -> None:
    assert len(TEXTS) >= 55


def test_rows_through_the_parser_are_consistent(parsed: list[Notice]) -> None:
    for notice in parsed:
        for f in notice.services:
            assert notice.body_text[f.span_start:f.span_end] == f.evidence
            if f.start is not None and f.end is not None:
                assert f.start <= f.end, (notice.source_path, f)


def test_downtime_window_lists_the_suspended_services(parsed: list[Notice]) -> None:
    for notice in parsed:
        untimed = {f.service for f in notice.services if f.action == "suspended" and f.start is None}
        for w in notice.windows:
            if w.kind == "downtime":
                assert untimed <= set(w.services), (Path(notice.source_path).name, untimed - set(w.services))
