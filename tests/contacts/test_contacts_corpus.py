"""Accuracy of the contacts extractor on the dev corpus (gold ``phones``), and attribution on the
达州 county list.

Each ``tests/corpus/dev/*.txt`` is normalized and passed to :func:`extract_contacts` with the area
code of its gold city, taken from the small table below until the place resolver feeds it.
Gold mapping (SPEC): ``phones`` = the distinct ``contacts.phone`` values. Scored as micro
precision/recall/F1 over (notice, phone) pairs.

Run ``.venv/bin/python tests/contacts/test_contacts_corpus.py`` for the per-file report and timing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.contacts import extract_contacts
from pipeline.normalize import normalize_text
from pipeline.places import area_code_for

DEV = Path(__file__).parents[1] / "corpus" / "dev"

# Floor from the contacts brief; raise it as the extractor improves.
FLOOR_PHONES_F1 = 0.98

def area_code(city: str | None) -> str | None:
    """The city's telephone area code from the divisions table (pipeline/rules/divisions.csv)."""
    return area_code_for(city) if city else None


def score_corpus(folder: Path = DEV) -> dict:
    """Per-file found/missed/extra phones and micro P/R/F1 over the folder."""
    tp = fp = fn = 0
    files = {}
    for txt in sorted(folder.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        text = normalize_text(txt.read_text(encoding="utf-8"))
        found = {c.phone for c in extract_contacts(text, area_code(gold.get("city")))}
        want = set(gold.get("phones") or [])
        tp += len(found & want)
        fp += len(found - want)
        fn += len(want - found)
        files[txt.stem] = {"missed": sorted(want - found), "extra": sorted(found - want)}
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "files": files}


def test_every_dev_city_has_an_area_code() -> None:
    for path in DEV.glob("*.json"):
        city = json.loads(path.read_text(encoding="utf-8")).get("city")
        assert city is None or area_code(city), path.name


def test_phones_f1_floor() -> None:
    result = score_corpus()
    wrong = {k: v for k, v in result["files"].items() if v["missed"] or v["extra"]}
    assert result["f1"] >= FLOOR_PHONES_F1, wrong


# 达州: each county-level name on its line -> its number (one written 渠 县 with a space).
DAZHOU = {
    "市本级": "0818-3091543",
    "通川区": "0818-2149082",
    "达川区": "0818-2100366",
    "万源市": "0818-8622262",
    "宣汉县": "0818-5201826",
    "大竹县": "0818-6234361",
    "渠县": "0818-7215885",
    "开江县": "0818-2809116",
}


@pytest.mark.parametrize("county, phone", list(DAZHOU.items()), ids=list(DAZHOU))
def test_dazhou_county_owns_its_number(county: str, phone: str) -> None:
    text = normalize_text((DEV / "dazhou-2023.txt").read_text(encoding="utf-8"))
    owners = {c.phone: c.organization for c in extract_contacts(text, "0818")}
    assert owners.get(phone) == county


def test_no_contact_without_evidence_on_corpus() -> None:
    for txt in sorted(DEV.glob("*.txt")):
        text = normalize_text(txt.read_text(encoding="utf-8"))
        for c in extract_contacts(text, None):
            assert c.evidence and c.evidence == text[c.span_start:c.span_end], txt.name


if __name__ == "__main__":
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]
    report = score_corpus()
    for name, row in report["files"].items():
        if row["missed"] or row["extra"]:
            print(f"{name}: missed {row['missed']} extra {row['extra']}")
    print(f"phones P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f} "
          f"(tp={report['tp']} fp={report['fp']} fn={report['fn']})")
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            extract_contacts(text, "0350")
    per_notice = (time.perf_counter() - start) / (rounds * len(texts))
    print(f"{per_notice * 1000:.2f} ms per notice ({len(texts)} notices x {rounds})")
