"""Every input parses in about linear time, or is rejected (``too_slow``, ``too_large``), and the run goes on.

The shapes (``tests/hostile.py``) once made a stage quadratic: a 100,000-character run of digits
took ~100 s in the phone-mask scan, one long line of numbers or dates re-read the line for every
number. At that size each now parses in well under a second; were one quadratic again, it would
overrun the time budget and come back ``too_slow``, which these tests refuse. How the time grows
with the size is measured by ``bench/bench_hostile.py``, not here.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hostile import SHAPES, document

from pipeline.config import Settings
from pipeline.errors import Rejected
from pipeline.parse import MAX_BODY_CHARS, parse_document, parse_many
from pipeline.records import RawDocument

REPO = Path(__file__).resolve().parents[1]
SIZE = 60_000  # characters: 30-40 s (digit run) for the quadratic scans this guards against


def _doc(data: bytes, suffix: str = ".txt") -> RawDocument:
    return RawDocument(source=f"hostile{suffix}", data=data, source_path=f"hostile{suffix}")


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_hostile_shape_parses_within_the_budget(shape) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(document(shape, SIZE), shape.suffix)
    try:
        notice = parse_document(doc, Settings.parse_time_budget)
    except Rejected as exc:
        assert exc.reason != "too_slow", exc.detail
        assert exc.reason in ("binary", "empty_body"), exc  # refused for what it is, not for its cost
        return
    body = notice.body_text
    for item in [*notice.windows, *notice.services, *notice.contacts]:
        assert body[item.span_start:item.span_end] == item.evidence


def test_past_the_budget_a_document_is_rejected_too_slow_and_the_run_goes_on() -> None:
    docs = [_doc(document(SHAPES[0], 2_000)), _doc(document(SHAPES[1], 2_000))]
    outcomes = list(parse_many(docs, time_budget=0.0))
    assert len(outcomes) == 2
    assert [(o.notice, o.reject.reason) for o in outcomes] == [(None, "too_slow")] * 2  # type: ignore[union-attr]
    assert "parse_time_budget" in outcomes[0].reject.detail  # type: ignore[union-attr]
    assert [o.reject.reason if o.reject else "parsed"  # type: ignore[union-attr]
            for o in parse_many(docs, time_budget=None)] == ["parsed", "parsed"]


def test_the_budget_counts_the_parsing_threads_own_time() -> None:
    """In worker threads (Prefect's thread runner, a Dask worker) the budget holds per document."""
    docs = [_doc(document(SHAPES[0], 2_000)) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        strict = list(pool.map(lambda d: next(parse_many([d], 0.0)), docs))
        loose = list(pool.map(lambda d: next(parse_many([d], 60.0)), docs))
    assert {o.reject.reason for o in strict if o.reject} == {"too_slow"}
    assert all(o.notice is not None for o in loose)


def test_a_body_too_long_for_a_notice_is_rejected_too_large() -> None:
    text = "关于系统升级停机的公告\n" + "停机升级说明。\n" * (MAX_BODY_CHARS // 7 + 10)
    with pytest.raises(Rejected) as info:
        parse_document(_doc(text.encode("utf-8")), None)
    assert (info.value.stage, info.value.reason) == ("clean", "too_large")


def test_parse_time_budget_comes_from_notices_yaml(tmp_path: Path) -> None:
    """The setting reaches ``notices parse``: a zero budget rejects every page, exit 0."""
    (tmp_path / "notices.yaml").write_text("parse_time_budget: 0\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(REPO / "raw" / "samples"),
                           "--out", str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rejects = pq.read_table(out / "rejects.parquet").to_pylist()
    assert rejects and {r["reason"] for r in rejects} == {"too_slow"}
    assert pq.read_table(out / "notices.parquet").num_rows == 0
