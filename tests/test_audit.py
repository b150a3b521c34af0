"""``notices audit PARSED_DIR``: flag counts and examples of a parsed folder, and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.audit import audit
from pipeline.cli import main
from pipeline.store import parse_paths

# Notices written for this test: one clean, one cut off, one with a sidebar title, one that is no notice.
TEXTS = {
    "clean.txt": "某某市医疗保障局关于系统切换暂停医保业务的通告\n2021年10月21日18时至2021年10月31日22时,全市暂停医保业务。\n"
    "特此公告。\n某某市医疗保障局\n2021年10月11日",
    "cut.txt": "某某市医疗保障局关于系统切换暂停医保业务的通告\n2021年10月21日18时至2021年10月31日22时,全市暂停医保业务。参保人员可先行垫付,待",
    "long.txt": "某某市住房公积金管理中心关于系统升级暂停业务的通告\n2021年10月1日至2021年12月31日,暂停办理公积金提取业务。\n"
    "特此公告。\n某某市住房公积金管理中心\n2021年9月20日",
    "news.txt": "某某市召开医保工作会议\n会议强调要做好医保基金监管工作,提高服务水平。",
}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    (root / "in").mkdir()
    for name, text in TEXTS.items():
        (root / "in" / name).write_text(text, encoding="utf-8")
    parse_paths([root / "in"], root / "out")
    return root / "out"


def test_counts_match_the_flags_column(parsed: Path) -> None:
    report = audit(parsed)
    column = pq.read_table(parsed / "notices.parquet", columns=["flags"]).column("flags").to_pylist()
    assert report.notices == len(TEXTS)
    assert sum(report.counts.values()) == sum(len(f) for f in column)
    assert report.counts["truncated"] == 1 and report.counts["long_downtime"] == 1
    assert report.flagged == sum(1 for f in column if f)
    assert not report.computed


def test_examples_say_what_tripped_the_flag(parsed: Path) -> None:
    report = audit(parsed)
    (cut,) = report.examples["truncated"]
    assert cut.source == "cut.txt" and "待" in cut.detail
    (long,) = report.examples["long_downtime"]
    assert long.source == "long.txt" and "2,208 h (92 days)" in long.detail  # Oct 1 to Dec 31 counts Dec 31 whole


def test_cli_prints_a_line_per_flag_and_examples(parsed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(parsed)]) == 0
    out = capsys.readouterr().out
    assert f"{len(TEXTS)} notices in {parsed}" in out
    for code in ("no_downtime", "truncated", "long_downtime", "area_code_mismatch"):
        assert any(line.startswith(code + " ") for line in out.splitlines()), code  # every flag has its line
    assert "cut.txt" in out and "long.txt" in out


def test_cli_json(parsed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(parsed), "--json", "--examples", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["flags"]["truncated"]["count"] == 1
    assert data["flags"]["truncated"]["examples"][0]["source"] == "cut.txt"


def test_missing_folder_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    for target in (tmp_path / "absent", tmp_path):  # no folder; a folder without notices.parquet
        run = subprocess.run([sys.executable, "-m", "pipeline.cli", "audit", str(target)], capture_output=True, text=True)
        assert run.returncode == 2
        assert run.stdout == ""
        assert len(run.stderr.strip().splitlines()) == 1 and str(target) in run.stderr


def test_folder_written_before_flags_existed(parsed: Path, tmp_path: Path) -> None:
    import shutil

    for name in ("windows", "contacts", "services", "rejects"):
        shutil.copy(parsed / f"{name}.parquet", tmp_path / f"{name}.parquet")
    old = pq.read_table(parsed / "notices.parquet")
    pq.write_table(old.drop_columns(["flags"]), tmp_path / "notices.parquet")
    report = audit(tmp_path)
    assert report.computed
    assert report.counts == audit(parsed).counts
