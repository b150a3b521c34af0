"""Place resolution on every labeled text at hand (gold ``province`` and ``city``), in isolation.

The accuracy of the whole parser is gated by ``test_corpora.py``; this checks the place resolver on
its own. Each labeled ``*.txt`` (the corpora of ``corpora.py``: ours, and the dev notices read from
``../shared`` when it is there) is normalized and passed to :func:`locate` twice: with the gold
``title`` and ``publisher`` (as the orchestrator passes the cleaner's metadata), and with neither
(the body alone). The first must reach the floor; the second is kept above a looser floor, so that
the body-only signals do not quietly decay.

Run ``.venv/bin/python tests/test_places_corpus.py`` for the per-file report and timing.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from pipeline.normalize import normalize_text
from pipeline.places import locate

from corpora import CORPORA

FLOOR_WITH_METADATA = 0.95  # from the places brief
FLOOR_BODY_ONLY = 0.90  # body alone: a regression guard, raise it as signals improve


def score(with_metadata: bool) -> dict[str, Any]:
    """Per-file results and province/city accuracy over the labeled texts at hand."""
    files: list[dict[str, Any]] = []
    for corpus in (c for c in CORPORA if c.available and c.per_notice):  # real: held by its floors
        for pair in corpus.pairs:
            if pair.text.suffix != ".txt":
                continue
            txt = pair.text
            gold = json.loads(pair.gold.read_text(encoding="utf-8"))
            text = normalize_text(txt.read_text(encoding="utf-8"))
            meta = {"title": gold.get("title"), "publisher": gold.get("publisher")} if with_metadata else {}
            place = locate(text, **meta)
            files.append({
                "file": f"{corpus.name}/{txt.stem}",
                "gold": (gold.get("province"), gold.get("city")),
                "got": (place.province, place.city),
                "evidence": place.evidence,
            })
    n = len(files)
    return {
        "files": files,
        "n": n,
        "province": sum(f["gold"][0] == f["got"][0] for f in files) / n,
        "city": sum(f["gold"][1] == f["got"][1] for f in files) / n,
    }


@pytest.fixture(scope="module")
def with_metadata() -> dict[str, Any]:
    return score(True)


@pytest.fixture(scope="module")
def body_only() -> dict[str, Any]:
    return score(False)


def test_corpus_is_there(with_metadata: dict[str, Any]) -> None:
    assert with_metadata["n"] >= 55  # extra, extra2, seeds (and dev beside ../shared)


@pytest.mark.parametrize("field", ["province", "city"])
def test_accuracy_with_title_and_publisher(with_metadata: dict[str, Any], field: str) -> None:
    wrong = [f for f in with_metadata["files"] if f["gold"] != f["got"]]
    assert with_metadata[field] >= FLOOR_WITH_METADATA, wrong


@pytest.mark.parametrize("field", ["province", "city"])
def test_accuracy_body_only(body_only: dict[str, Any], field: str) -> None:
    wrong = [f for f in body_only["files"] if f["gold"] != f["got"]]
    assert body_only[field] >= FLOOR_BODY_ONLY, wrong


def test_every_city_has_evidence(with_metadata: dict[str, Any]) -> None:
    for f in with_metadata["files"]:
        if f["got"][1] is not None:
            assert f["evidence"], f


def main() -> None:
    """Print both runs file by file, the accuracies and the time per notice."""
    for label, flag in (("with title+publisher", True), ("body only", False)):
        result = score(flag)
        print(f"== {label}: province {result['province']:.3f}  city {result['city']:.3f}  (n={result['n']})")
        for f in result["files"]:
            mark = "ok " if f["gold"] == f["got"] else "BAD"
            print(f"  {mark} {f['file']:32} {f['got']}  {f['evidence']}")
    texts = [normalize_text(pair.text.read_text(encoding="utf-8"))
             for c in CORPORA if c.available for pair in c.pairs if pair.text.suffix == ".txt"]
    locate(texts[0])
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for t in texts:
            locate(t)
    per = (time.perf_counter() - start) / (rounds * len(texts)) * 1000
    print(f"locate: {per:.3f} ms per notice (mean {sum(map(len, texts)) / len(texts):.0f} chars)")


if __name__ == "__main__":
    main()
