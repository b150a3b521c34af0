"""The table writer (``pipeline.store.TableWriter``): batch sizes and staging never change the tables.

Bad inputs, schema violations, crashes and reposts through ``parse_paths`` are in
``test_parse_robustness.py``; here the writer's batching, its staged notices and the null check.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.parse import iter_inputs, parse_many
from pipeline.records import RawDocument
from pipeline.schema import SCHEMAS
from pipeline.store import TABLES, SchemaViolation, TableWriter, _check_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "raw" / "samples"  # holds reposts, so duplicate_of is filled in


def _write(out: Path, batch_rows: int) -> dict[str, object]:
    docs = [d for d in iter_inputs([SAMPLES]) if isinstance(d, RawDocument)]
    with TableWriter(out, batch_rows=batch_rows) as writer:
        for outcome in parse_many(docs):
            if outcome.notice is not None:
                writer.add_notice(outcome.notice)
            if outcome.reject is not None:
                writer.add_reject(outcome.reject)
    return {t: pq.read_table(out / f"{t}.parquet").drop_columns(["at"] if t == "rejects" else []) for t in TABLES}


def test_batch_size_changes_no_table(tmp_path: Path) -> None:
    one_batch = _write(tmp_path / "big", 100_000)
    many = _write(tmp_path / "small", 3)  # notices staged one per batch, every other table 3 rows a batch
    assert one_batch["notices"].column("duplicate_of").drop_null().to_pylist()  # the samples hold reposts
    for table in TABLES:
        # Open code columns (service, reason) are dictionary-encoded per row group with the values
        # present: the same values in the same first-seen order once the chunks are unified.
        assert many[table].unify_dictionaries().combine_chunks().equals(
            one_batch[table].unify_dictionaries().combine_chunks()), table
    assert not list((tmp_path / "small").glob(".tmp-*"))



def test_folders_are_read_in_sorted_path_order(tmp_path: Path) -> None:
    """Folders are walked one at a time, in the order ``sorted(rglob)`` gives (part by part: a-b.txt
    after a/…, a folder's files before the next name), so batches and tables keep their order."""
    for rel in ("a-b.txt", "a/b.txt", "a/b/c.txt", "a.txt", "a0.html", "A.txt", "a b.txt", "ab/c.txt",
                "b/.hidden.txt", ".h/x.txt", "z.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("停机公告", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)  # not entered, as rglob
    read = [d.source_path for d in iter_inputs([tmp_path]) if isinstance(d, RawDocument)]
    expected = [str(p) for p in sorted(tmp_path.rglob("*")) if p.is_file() and p.suffix in (".txt", ".html")
                and not p.name.startswith(".")]
    assert read == expected and len(read) == 9


def test_no_notices_gives_empty_tables_of_the_schema(tmp_path: Path) -> None:
    with TableWriter(tmp_path) as writer:
        pass
    for table in TABLES:
        assert pq.read_table(tmp_path / f"{table}.parquet").schema.equals(SCHEMAS[table]), table
        assert pq.read_metadata(tmp_path / f"{table}.parquet").num_rows == 0


ROW = {"source": "a.txt", "stage": "fetch", "reason": "unreadable", "detail": "", "at": None}


@pytest.mark.parametrize(("rows", "message"), [
    pytest.param([ROW], "rejects.at is null in 1 row(s)", id="null-in-required-column"),
    pytest.param([{k: v for k, v in ROW.items() if k != "at"}], "rejects.at is null in 1 row(s)", id="missing-key"),
    pytest.param([ROW, {**ROW, "source": None}], "rejects.source is null in 1 row(s)", id="first-required-column-first"),
])
def test_check_rows_names_the_null_column(rows: list[dict[str, object]], message: str) -> None:
    with pytest.raises(SchemaViolation, match=message.replace("(", r"\(").replace(")", r"\)")):
        _check_rows("rejects", rows)


def test_check_rows_of_nothing_is_an_empty_table() -> None:
    assert _check_rows("windows", []).schema.equals(SCHEMAS["windows"])


def test_title_publisher_and_date_keep_their_evidence(tmp_path: Path) -> None:
    """Every title, publisher and publication date has evidence; a span points at exactly its words."""
    from conftest import GOLD, PAGES, SAMPLES

    with TableWriter(tmp_path) as writer:
        for outcome in parse_many(d for d in iter_inputs([SAMPLES, GOLD / "extra", PAGES])
                                  if isinstance(d, RawDocument)):
            if outcome.notice is not None:
                writer.add_notice(outcome.notice)
    rows = pq.read_table(tmp_path / "notices.parquet").to_pylist()
    assert len(rows) >= 50
    located = {"title": 0, "publisher": 0, "published": 0}
    for row in rows:
        for name, value in (("title", row["title"]), ("publisher", row["publisher"]), ("published", row["published_at"])):
            start, end, evidence = row[f"{name}_span_start"], row[f"{name}_span_end"], row[f"{name}_evidence"]
            if value is None:
                assert (start, end, evidence) == (None, None, None), (row["source_path"], name)
                continue
            assert evidence, (row["source_path"], name)
            assert (start is None) == (end is None)
            if start is not None:
                assert row["body_text"][start:end] == evidence, (row["source_path"], name)
                located[name] += 1
    # titles open the body; signatures, titles and opening sentences name publishers; signature
    # dates and datelines date notices (info lines above the body and <meta> have no span)
    assert located["title"] == sum(1 for r in rows if r["title"])
    assert located["publisher"] >= 10 and located["published"] >= 5
