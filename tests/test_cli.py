"""The `notices` command: parse, eval and their exit codes; Prefect stays out of their import path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main

from conftest import CORPUS, PAGES


def test_parse_writes_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse", str(CORPUS / "seeds"), str(PAGES / "xinzhou-2021.gbk.html"), "--out", str(tmp_path)])
    assert code == 0
    notices = pd.read_parquet(tmp_path / "notices.parquet")
    assert len(notices) == 3
    assert "parsed into" in capsys.readouterr().out


def test_eval_json_and_floor_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS / "seeds"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 2 and out["scores"]["title"] == 1.0
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"title": 1.0, "phones": 1.01}}), encoding="utf-8")
    assert main(["eval", str(CORPUS / "seeds"), "--check-floors", str(floors)]) == 1
    assert "phones" in capsys.readouterr().out


def test_record_floors_never_lowers_without_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"title": 2.0}}), encoding="utf-8")
    assert main(["eval", str(CORPUS / "seeds"), "--record-floors", str(floors)]) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["title"] == 2.0
    assert main(["eval", str(CORPUS / "seeds"), "--record-floors", str(floors), "--allow-lower"]) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["title"] < 1.0 + 1e-9


def test_eval_missing_folder_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "/no/such/folder"]) == 2
    assert "no such folder" in capsys.readouterr().out


def test_bad_config_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "notices.yaml"
    cfg.write_text("parsed_dirr: out\n", encoding="utf-8")
    assert main(["run", "--config", str(cfg), "--no-prefect"]) == 2
    assert "parsed_dirr" in capsys.readouterr().err


def test_parse_eval_report_do_not_import_prefect() -> None:
    code = (
        "import sys\n"
        "from pipeline.cli import build_parser\n"
        "import pipeline.parse, pipeline.evaluate, pipeline.store\n"
        "build_parser()\n"
        "assert 'prefect' not in sys.modules, 'prefect imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("env", "pool"), [({}, "jemalloc"), ({"ARROW_DEFAULT_MEMORY_POOL": "system"}, "system")],
                         ids=["command-default", "user-setting-wins"])
def test_command_chooses_arrow_allocator(env: dict[str, str], pool: str) -> None:
    import os

    clean = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    code = "import pipeline.cli, pyarrow; print(pyarrow.default_memory_pool().backend_name)"
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == pool


def test_the_library_never_imports_the_prefect_layer() -> None:
    """Only the command line may import flows/ (lazily, for the commands that orchestrate)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "pipeline"
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path == root / "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            offenders += [f"{path.relative_to(root)}: {n}" for n in names if n == "flows" or n.startswith("flows.")]
    assert not offenders
