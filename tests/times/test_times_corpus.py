"""Accuracy of the temporal extractor on the dev corpus (gold ``datetimes`` and ``downtime``).

Stands in for ``notices eval`` on the time fields: each ``tests/corpus/dev/*.txt`` is normalized,
page-header lines (``发布时间:``, ``时间:2021-..``, ``来源:``, ``更新时间``, ``最后更新``, ``发表于``) are
dropped as the cleaner does, and :func:`pipeline.times.extract_windows` runs with the gold
publication date. Gold mapping (SPEC): ``datetimes`` = starts and ends of the non-downtime rows,
``downtime`` = the downtime row, written ``YYYY-MM-DDTHH:MM`` for hour/minute precision and
``YYYY-MM-DD`` for day precision.

Run ``.venv/bin/python tests/times/test_times_corpus.py`` for the per-file report.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.normalize import normalize_text
from pipeline.records import TZ, TimeWindow
from pipeline.times import extract_windows

DEV = Path(__file__).parents[1] / "corpus" / "dev"

# Floors from the times brief; raise them as the extractor improves.
FLOOR_DATETIMES_F1 = 0.95
FLOOR_DOWNTIME_START = 0.9
FLOOR_DOWNTIME_END = 0.9

_HEADER_LINE = re.compile(
    r"""发布时间[:]        # 发布时间:2021年09月24日
      | ^[ ]*时间:[ ]*\d    # 时间:2021-10-11
      | 来源[:]             # ... 来源:桂林市医疗保障局
      | 更新时间 | 最后更新 | 发表于 | 访问量 | 浏览量""",
    re.VERBOSE,
)


def prepare(raw: str) -> str:
    """Normalized text without the page-header lines the cleaner removes."""
    text = normalize_text(raw)
    return "\n".join(line for line in text.split("\n") if not _HEADER_LINE.search(line))


def fmt(value: dt.datetime | None, precision: str | None) -> str | None:
    """Gold format of a moment: minute resolution unless the precision is a day."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%d") if precision == "day" else value.strftime("%Y-%m-%dT%H:%M")


def gold_published(gold: dict) -> dt.datetime | None:
    """The gold publication date as a tz-aware midnight."""
    if not gold.get("published"):
        return None
    return dt.datetime.fromisoformat(gold["published"]).replace(tzinfo=TZ)


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


@dataclass
class Score:
    """Summed counts over the corpus, with the per-file misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    start_ok: int = 0
    end_ok: int = 0
    files: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_corpus(folder: Path = DEV) -> Score:
    """Score every gold file in ``folder``."""
    score = Score()
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = prepare(gold_path.with_suffix(".txt").read_text(encoding="utf-8"))
        rows = extract_windows(text, gold_published(gold), outage=True)
        points, start, end = predicted(rows)
        want = set(gold.get("datetimes") or [])
        down = gold.get("downtime") or {}
        score.files += 1
        score.tp += len(points & want)
        score.fp += len(points - want)
        score.fn += len(want - points)
        score.start_ok += start == down.get("start")
        score.end_ok += end == down.get("end")
        name = gold_path.stem
        if points - want:
            score.misses.append(f"{name}: extra {sorted(points - want)}")
        if want - points:
            score.misses.append(f"{name}: missing {sorted(want - points)}")
        if start != down.get("start"):
            score.misses.append(f"{name}: downtime start {start} != {down.get('start')}")
        if end != down.get("end"):
            score.misses.append(f"{name}: downtime end {end} != {down.get('end')}")
    return score


@pytest.fixture(scope="module")
def corpus_score() -> Score:
    return score_corpus()


def test_dev_corpus_has_gold() -> None:
    assert len(list(DEV.glob("*.json"))) >= 20


def test_datetimes_f1_floor(corpus_score: Score) -> None:
    assert corpus_score.f1 >= FLOOR_DATETIMES_F1, "\n".join(corpus_score.misses)


def test_downtime_start_floor(corpus_score: Score) -> None:
    assert corpus_score.start_ok / corpus_score.files >= FLOOR_DOWNTIME_START, "\n".join(corpus_score.misses)


def test_downtime_end_floor(corpus_score: Score) -> None:
    assert corpus_score.end_ok / corpus_score.files >= FLOOR_DOWNTIME_END, "\n".join(corpus_score.misses)


def test_rows_hold_their_evidence() -> None:
    for txt in sorted(DEV.glob("*.txt")):
        text = prepare(txt.read_text(encoding="utf-8"))
        for w in extract_windows(text, None):
            assert w.evidence == text[w.span_start:w.span_end], txt.name
            if w.start and w.end:
                assert w.start <= w.end, (txt.name, w)


if __name__ == "__main__":
    s = score_corpus()
    print("\n".join(s.misses))
    print(f"files {s.files}  datetimes F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})  "
          f"downtime start {s.start_ok}/{s.files}  end {s.end_ok}/{s.files}")
