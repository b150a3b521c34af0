"""The accuracy gate: scores on the gold corpus never drop below the recorded floors."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate import check_floors, corpus_hash, evaluate

from conftest import CORPUS, ROOT

FLOORS = ROOT / "tests" / "accuracy_floors.json"


def test_dev_corpus_scores_hold_their_floors() -> None:
    report = evaluate(CORPUS / "dev")
    assert report.files == 22
    problems = check_floors(report, FLOORS, CORPUS / "dev")
    assert not problems, "\n".join(problems)


def test_floors_cover_every_field_and_name_the_corpus() -> None:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert data["corpus_sha256"] == corpus_hash(CORPUS / "dev")
    for field in ("province", "city", "title", "publisher", "published", "downtime_start", "downtime_end",
                  "datetimes", "services_suspended", "phones"):
        assert field in data["floors"], field


def test_seeds_score_too() -> None:
    report = evaluate(CORPUS / "seeds")
    scores = report.scores()
    assert report.files == 2
    for field in ("province", "city", "title", "publisher", "published"):
        assert scores[field] == 1.0, (field, report.misses)
