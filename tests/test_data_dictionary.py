"""The data documents itself: field descriptions in the parquet files, code columns as categories,
docs/data-dictionary.md made of the same descriptions, and the tables still load in pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.report.compare import comparison_schema
from pipeline.schema import CODE_COLUMNS, CODES, DESCRIPTIONS, SCHEMAS, markdown_table

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("notices", "windows", "services", "contacts", "rejects", "comparison")


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples (and a reject) parsed, and their report, as a user makes them."""
    out = tmp_path_factory.mktemp("parsed")
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / "empty.txt").write_bytes(b"")
    assert main(["parse", str(ROOT / "raw" / "samples"), str(inputs), "--out", str(out), "-q"]) == 0
    assert main(["report", str(out)]) == 0
    return out


@pytest.mark.parametrize("table", TABLES)
def test_every_field_carries_its_description(parsed: Path, table: str) -> None:
    schema = pq.read_schema(parsed / f"{table}.parquet")
    for field in schema:
        assert field.metadata and field.metadata[b"description"].decode().strip(), field.name
    written = {f.name: f.metadata[b"description"].decode() for f in schema}
    documented = {k: v for k, v in DESCRIPTIONS[table].items() if k != "hours_"}
    assert documented.items() <= written.items()


@pytest.mark.parametrize("table", TABLES)
def test_code_columns_are_dictionary_encoded_with_every_allowed_value(parsed: Path, table: str) -> None:
    arrow = pq.read_table(parsed / f"{table}.parquet")
    frame = pd.read_parquet(parsed / f"{table}.parquet")
    assert CODE_COLUMNS[table]
    for column in CODE_COLUMNS[table]:
        assert pa.types.is_dictionary(arrow.schema.field(column).type), column
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        allowed = CODES.get(table, {}).get(column)
        if allowed:  # the allowed values travel with the file, used or not
            assert list(frame[column].cat.categories) == list(allowed), column
            assert arrow.schema.field(column).metadata[b"allowed"].decode() == ", ".join(allowed)


def test_tables_still_load_and_join_in_pandas(parsed: Path) -> None:
    notices = pd.read_parquet(parsed / "notices.parquet")
    windows = pd.read_parquet(parsed / "windows.parquet")
    rejects = pd.read_parquet(parsed / "rejects.parquet")
    assert len(notices) == 27 and str(notices.published_at.dtype) == "datetime64[us, Asia/Shanghai]"
    events = notices[notices.is_outage_notice & notices.duplicate_of.isna()]
    assert len(events) == 22  # the four reposts left out, as docs/data-dictionary.md shows
    downtime = windows[windows.kind == "downtime"].merge(events[["notice_id", "city"]], on="notice_id")
    assert len(downtime) == len(events)
    assert windows.kind.value_counts()["downtime"] == 26  # reposts have their own rows
    empty = rejects[rejects.source.str.endswith("empty.txt")]
    assert empty.reason.tolist() == ["empty"] and empty.stage.tolist() == ["decode"]
    assert set(rejects.reason) == {"empty", "not_a_notice"}
    comparison = pd.read_parquet(parsed / "comparison.parquet")
    assert len(comparison) == len(events) and set(comparison.level) <= {"city", "province", "unknown"}


def test_a_value_outside_a_closed_set_is_refused(tmp_path: Path) -> None:
    from pipeline.schema import encode_codes

    plain = pa.table({"stage": ["fetch", "parse"]})
    schema = pa.schema([SCHEMAS["rejects"].field("stage")])
    with pytest.raises(ValueError, match="rejects.stage"):
        encode_codes("rejects", plain, schema)


def test_the_data_dictionary_page_is_made_of_the_schema_descriptions() -> None:
    page = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for table, schema in {**SCHEMAS, "comparison": comparison_schema()}.items():
        assert markdown_table(table, schema) in page, f"docs/data-dictionary.md: the {table} table is out of date"
    for topic in ("duplicate_of IS NULL", "SET TimeZone = 'Asia/Shanghai'", "published_at` is a timestamp"):
        assert topic in page
