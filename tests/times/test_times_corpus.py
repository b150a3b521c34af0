"""The temporal extractor on every labeled text at hand: its rows keep their evidence and order.

The accuracy of the time fields (gold ``datetimes`` and ``downtime``) is gated with the whole parser
by ``test_corpora.py``; this runs :func:`pipeline.times.extract_windows` alone on each labeled text
(ours, and the dev notices read from ``../shared`` when it is there), normalized and without the
page-header lines the cleaner drops, and checks what must hold of any row.

Run ``.venv/bin/python tests/test_times_corpus.py`` for the per-file rows against the gold.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pipeline.normalize import normalize_text
from pipeline.records import TZ, TimeWindow
from pipeline.times import extract_windows

from corpora import CORPORA, labeled_text_paths

_HEADER_LINE = re.compile(
    r"""发布时间[:]        # 发布时间:2021年09月24日
      | ^[ ]*时间:[ ]*\d    # 时间:2021-10-11
      | 来源[:]             # ... 来源:桂林市医疗保障局
      | 更新时间 | 最后更新 | 发表于 | 访问量 | 浏览量""",
    re.VERBOSE,
)
TEXTS = labeled_text_paths()


def prepare(raw: str) -> str:
    """Normalized text without the page-header lines the cleaner removes."""
    text = normalize_text(raw)
    return "\n".join(line for line in text.split("\n") if not _HEADER_LINE.search(line))


def fmt(value: dt.datetime | None, precision: str | None) -> str | None:
    """Gold format of a moment: minute resolution unless the precision is a day."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%d") if precision == "day" else value.strftime("%Y-%m-%dT%H:%M")


def predicted(rows: list[TimeWindow]) -> tuple[set[str], str | None, str | None]:
    """(datetimes set, downtime start, downtime end) in gold format."""
    points: set[str] = set()
    start = end = None
    for w in rows:
        if w.kind == "downtime":
            start, end = fmt(w.start, w.start_precision), fmt(w.end, w.end_precision)
            continue
        for v, p in ((w.start, w.start_precision), (w.end, w.end_precision)):
            s = fmt(v, p)
            if s:
                points.add(s)
    return points, start, end


def test_labeled_texts_are_here() -> None:
    assert len([p for p in TEXTS if p.suffix == ".txt"]) >= 55


@pytest.mark.parametrize("path", [p for p in TEXTS if p.suffix == ".txt"], ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_rows_hold_their_evidence(path) -> None:  # type: ignore[no-untyped-def]
    text = prepare(path.read_text(encoding="utf-8"))
    for w in extract_windows(text, None):
        assert w.evidence == text[w.span_start:w.span_end]
        if w.start and w.end:
            assert w.start <= w.end, w


if __name__ == "__main__":
    for pair in (pair for c in CORPORA if c.available for pair in c.pairs if pair.text.suffix == ".txt"):
        path = pair.text
        gold = json.loads(pair.gold.read_text(encoding="utf-8"))
        published = dt.datetime.fromisoformat(gold["published"]).replace(tzinfo=TZ) if gold.get("published") else None
        points, start, end = predicted(extract_windows(prepare(path.read_text(encoding="utf-8")), published, outage=True))
        want = set(gold.get("datetimes") or [])
        print(f"{path.parent.name}/{path.stem}: downtime {start} .. {end}; extra {sorted(points - want)}; "
              f"missing {sorted(want - points)}")
