"""The comparative report across cities: ``comparison.parquet``, ``report.html``, ``report.md``.

``build_report(parsed_dir)`` reads the parsed tables, builds one comparison row per distinct
outage notice (:mod:`.compare` documents the grain and the columns), and writes the three files
atomically. Only the standard library is imported here; pyarrow is imported when a report is built.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["build_report", "REPORT_FILES"]

log = logging.getLogger(__name__)

REPORT_FILES = ("comparison.parquet", "report.html", "report.md")
_PARQUET_ROWS = 1024  # comparison rows per row group of comparison.parquet


def _write_atomic(path: Path, data: bytes | Iterable[str]) -> None:
    """Write ``data`` (bytes, or text pieces written as UTF-8 as they come) to a temporary file
    beside ``path``, then move it into place."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as text:
                text.writelines(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_report(parsed_dir: Path, out_dir: Path | None = None) -> dict[str, Path]:
    """Build the cross-city report from the tables in ``parsed_dir``.

    Args:
        parsed_dir: folder holding ``notices.parquet``, ``windows.parquet``, ``services.parquet``,
            ``contacts.parquet`` and ``rejects.parquet`` (any of them may be missing: it then
            counts as empty, so a folder with only rejects still gets a report saying so).
        out_dir: where to write; defaults to ``parsed_dir``. Created if needed.

    Returns:
        ``{"comparison": path, "html": path, "markdown": path}``.

    Each file is written to a temporary file in ``out_dir`` and moved into place with
    ``os.replace``, so a reader never sees half a report.

    Raises :class:`pipeline.publish.TablesMismatch` when the tables do not all belong to the run
    their manifest names (checked before and after reading them), so no report mixes two runs.
    """
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..publish import TablesMismatch, verify
    from ..records import TZ
    from .compare import build_comparison, comparison_schema, load_parsed
    from .html import iter_html
    from .markdown import render_markdown

    parsed_dir = Path(parsed_dir)
    out = Path(out_dir) if out_dir is not None else parsed_dir
    out.mkdir(parents=True, exist_ok=True)
    before = verify(parsed_dir)
    tables = load_parsed(parsed_dir)
    after = verify(parsed_dir)
    if (before or {}).get("run_id") != (after or {}).get("run_id"):
        raise TablesMismatch(f"{parsed_dir}: the tables were replaced while the report read them; build it again")
    rows = build_comparison(tables)
    tables.drop("services", "contacts")  # the pages need the windows (timeline) and the counts only
    now = dt.datetime.now(TZ)
    log.info("report: %d comparison rows from %s (%s)", len(rows), parsed_dir, tables.counts())

    buf = io.BytesIO()
    schema = comparison_schema()
    # A row group per 1,024 rows: the rows are never all in Arrow and in dicts at once.
    with pq.ParquetWriter(buf, schema) as writer:
        for lo in range(0, len(rows), _PARQUET_ROWS):
            writer.write_table(pa.Table.from_pylist(rows[lo : lo + _PARQUET_ROWS], schema=schema))
    paths = {
        "comparison": out / "comparison.parquet",
        "html": out / "report.html",
        "markdown": out / "report.md",
    }
    _write_atomic(paths["comparison"], buf.getvalue())
    del buf
    # The page is written as it is made (a row at a time): it is ~90 MB at 10,000 notices.
    _write_atomic(paths["html"], iter_html(rows, tables, generated_at=now))
    _write_atomic(paths["markdown"], render_markdown(rows, tables, generated_at=now).encode("utf-8"))
    return paths
