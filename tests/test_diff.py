"""`notices diff OLD NEW` and `--format csv`, driven through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "raw" / "samples"
EDITED, REMOVED, ADDED = "yangzhou-gjj-2017.txt", "wuxi-traffic-2020.txt", "new-akesu.txt"


@pytest.fixture(scope="module")
def before_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The samples parsed, then one notice edited (the time business resumes), one deleted, one
    added, and parsed again from the same folder: (inputs, OLD, NEW)."""
    work = tmp_path_factory.mktemp("diff")
    inputs = work / "in"
    shutil.copytree(SAMPLES, inputs, ignore=shutil.ignore_patterns("README.md"))
    assert main(["parse", str(inputs), "--out", str(work / "old"), "-q"]) == 0
    edited = inputs / EDITED
    text = edited.read_text(encoding="utf-8")
    assert "7月3日(星期一)上午8:30起恢复" in text
    edited.write_text(text.replace("7月3日(星期一)上午8:30起恢复", "7月3日(星期一)上午9:30起恢复"), encoding="utf-8")
    (inputs / REMOVED).unlink()
    shutil.copy(ROOT / "tests" / "gold" / "extra" / "akesu-shebao-2022.txt", inputs / ADDED)
    assert main(["parse", str(inputs), "--out", str(work / "new"), "-q"]) == 0
    return inputs, work / "old", work / "new"


def test_same_tables_have_no_differences(before_after: tuple[Path, Path, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, old, _ = before_after
    assert main(["diff", str(old), str(old), "--exit-code"]) == 0
    assert capsys.readouterr().out.strip() == f"no differences between {old} and {old}"


def test_diff_lists_added_removed_and_changed_notices(before_after: tuple[Path, Path, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    inputs, old, new = before_after
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "notices: 1 added, 1 removed, 1 changed" in out
    assert f"added: {inputs / ADDED}" in out
    assert f"removed: {inputs / REMOVED}" in out
    assert f"changed: {inputs / EDITED}" in out
    assert "  body_text: " in out and "content_hash" in out
    assert "+ window: resume 2017-07-03T09:30:00+08:00" in out
    assert "- window: resume 2017-07-03T08:30:00+08:00" in out
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1


def test_diff_as_json_names_every_changed_row(before_after: tuple[Path, Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    inputs, old, new = before_after
    assert main(["diff", str(old), str(new), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    [changed] = diff["changed"]
    assert changed["key"] == str(inputs / EDITED)
    sides = {(r["table"], r["side"]) for r in changed["rows"]}
    assert {("windows", "-"), ("windows", "+")} <= sides
    for row in changed["rows"]:  # every changed row keeps its evidence
        assert row["row"]["evidence"]
    assert diff["counts"]["notices"] == [27, 27]


def test_diff_of_a_missing_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nope"), str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("notices: error: no such folder")
    assert main(["diff", str(tmp_path), str(tmp_path)]) == 2
    assert "no notices table" in capsys.readouterr().err


def test_format_csv_writes_a_csv_beside_each_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLES), "--out", str(tmp_path), "--format", "csv"]) == 0
    assert f"csv: {tmp_path / 'notices.csv'}" in capsys.readouterr().out
    for name in ("notices", "windows", "services", "contacts", "rejects"):
        csv = pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert list(csv.columns) == table.column_names and len(csv) == table.num_rows
    assert (tmp_path / "notices.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    windows = pd.read_csv(tmp_path / "windows.csv", encoding="utf-8-sig", keep_default_na=False)
    parquet = pq.read_table(tmp_path / "windows.parquet").to_pylist()
    assert windows["services"].tolist() == ["; ".join(r["services"]) for r in parquet]
    assert windows["start"].iloc[0] == parquet[0]["start"].isoformat()  # ISO 8601 with +08:00


def test_run_format_csv_includes_the_comparison(tmp_path: Path) -> None:
    cfg = tmp_path / "notices.yaml"
    cfg.write_text(f"samples_dir: {SAMPLES}\nparsed_dir: {tmp_path / 'parsed'}\n", encoding="utf-8")
    assert main(["run", "--config", str(cfg), "--no-prefect", "--format", "csv", "-q"]) == 0
    comparison = pd.read_csv(tmp_path / "parsed" / "comparison.csv", encoding="utf-8-sig")
    assert len(comparison) == pq.read_metadata(tmp_path / "parsed" / "comparison.parquet").num_rows
    assert json.loads(comparison["service_detail"].iloc[0])[0]["service"]
