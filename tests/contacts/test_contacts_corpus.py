"""The contacts extractor on every labeled text at hand, and attribution on the 达州 county list.

The accuracy of ``phones`` is gated with the whole parser by ``test_corpora.py``; this checks the
contacts extractor on its own: every labeled city has an area code to complete local numbers with,
every number keeps its evidence, and on the 达州 notice (dev, read from ``../shared``) each county
owns its own number.

Run ``.venv/bin/python tests/contacts/test_contacts_corpus.py`` for the per-file report and timing.
"""

from __future__ import annotations

import json
import time

import pytest

from pipeline.contacts import extract_contacts
from pipeline.normalize import normalize_text
from pipeline.places import area_code_for

from corpora import CORPORA, DEV, labeled_text_paths, needs_shared

TEXTS = [p for p in labeled_text_paths() if p.suffix == ".txt"]


def area_code(city: str | None) -> str | None:
    """The city's telephone area code from the divisions table (pipeline/rules/divisions.csv)."""
    return area_code_for(city) if city else None


def test_every_labeled_city_has_an_area_code() -> None:
    for corpus in CORPORA:
        for path in corpus.gold.glob("*.json"):
            city = json.loads(path.read_text(encoding="utf-8")).get("city")
            assert city is None or area_code(city), path.name


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


@needs_shared
@pytest.mark.parametrize("county, phone", list(DAZHOU.items()), ids=list(DAZHOU))
def test_dazhou_county_owns_its_number(county: str, phone: str) -> None:
    text = normalize_text((DEV.text_dir / "dazhou-2023.txt").read_text(encoding="utf-8"))
    owners = {c.phone: c.organization for c in extract_contacts(text, "0818")}
    assert owners.get(phone) == county


def test_no_contact_without_evidence_on_corpus() -> None:
    assert len(TEXTS) >= 55
    for txt in TEXTS:
        text = normalize_text(txt.read_text(encoding="utf-8"))
        for c in extract_contacts(text, None):
            assert c.evidence and c.evidence == text[c.span_start:c.span_end], txt.name


if __name__ == "__main__":
    for corpus in (c for c in CORPORA if c.available):
        for pair in corpus.pairs:
            gold = json.loads(pair.gold.read_text(encoding="utf-8"))
            if pair.text.suffix != ".txt":
                continue
            found = {c.phone for c in extract_contacts(normalize_text(pair.text.read_text(encoding="utf-8")),
                                                       area_code(gold.get("city")))}
            want = set(gold.get("phones") or [])
            if found != want:
                print(f"{corpus.name}/{pair.id}: missed {sorted(want - found)} extra {sorted(found - want)}")
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in TEXTS]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            extract_contacts(text, "0350")
    per_notice = (time.perf_counter() - start) / (rounds * len(texts))
    print(f"{per_notice * 1000:.2f} ms per notice ({len(texts)} notices x {rounds})")
