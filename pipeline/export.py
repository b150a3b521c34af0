"""CSV copies of the tables, for analysts who live in spreadsheets (``--format csv``).

One ``<table>.csv`` beside each ``<table>.parquet`` of a folder: UTF-8 with a byte-order mark (so
spreadsheet programs read the Chinese text right), a header row, timestamps in ISO 8601 with their
``+08:00`` offset, list columns joined with ``; `` and nested columns (the report's
``service_detail``/``contact_detail``) as JSON. The parquet files stay the reference: a CSV has no
types, and a spreadsheet may change what it opens.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .filemode import make_readable

__all__ = ["write_csv", "CSV_TABLES", "LIST_SEPARATOR"]

CSV_TABLES = ("notices", "windows", "services", "contacts", "rejects", "comparison")
LIST_SEPARATOR = "; "


def _cell(value: Any) -> Any:
    """A list or struct value as one CSV cell."""
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            return json.dumps(value, ensure_ascii=False, default=str)
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def write_csv(folder: str | Path) -> list[Path]:
    """Write ``<table>.csv`` beside each table of :data:`CSV_TABLES` in ``folder``; the CSVs written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    written = []
    for name in CSV_TABLES:
        source = folder / f"{name}.parquet"
        if not source.is_file():
            continue
        table = pq.read_table(source)
        frame = table.to_pandas()
        for field in table.schema:
            if pa.types.is_list(field.type) or pa.types.is_struct(field.type):
                frame[field.name] = [_cell(v) for v in table.column(field.name).to_pylist()]
            elif pa.types.is_timestamp(field.type):
                frame[field.name] = [None if v is None else v.isoformat() for v in table.column(field.name).to_pylist()]
        target = folder / f"{name}.csv"
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                frame.to_csv(fh, index=False)
            make_readable(tmp)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
