"""The `notices` command: parse, eval and their exit codes; Prefect stays out of their import path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main

from conftest import PAGES, SEEDS, SHARED, needs_shared


def test_parse_writes_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse", str(SEEDS), str(PAGES / "xinzhou-2021.gbk.html"), "--out", str(tmp_path)])
    assert code == 0
    notices = pd.read_parquet(tmp_path / "notices.parquet")
    assert len(notices) == 3
    assert "parsed into" in capsys.readouterr().out


def _floors(path: Path, corpora: dict[str, dict[str, object]]) -> Path:
    path.write_text(json.dumps({"corpora": corpora}), encoding="utf-8")
    return path


def test_eval_json_and_floor_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(SEEDS), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 2 and out["scores"]["title"] == 1.0
    floors = _floors(tmp_path / "floors.json", {"seeds": {"gold": str(SEEDS), "floors": {"title": 1.0, "phones": 1.01}}})
    assert main(["eval", str(SEEDS), "--check-floors", str(floors)]) == 1
    assert "seeds phones" in capsys.readouterr().out


def test_eval_per_code_scores_each_service_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(SEEDS), "--json", "--per-code"]) == 0
    per_code = json.loads(capsys.readouterr().out)["services_per_code"]
    gold = set().union(*(json.loads(p.read_text(encoding="utf-8"))["services_suspended"] for p in SEEDS.glob("*.json")))
    assert set(per_code) >= gold
    inpatient = per_code["inpatient"]
    assert inpatient["tp"] + inpatient["fn"] == 2 and inpatient["f1"] == 1.0  # both seeds stop inpatient settlement
    assert main(["eval", str(SEEDS), "--per-code"]) == 0
    assert "services_suspended per code" in capsys.readouterr().out


def test_record_floors_keeps_each_corpus_and_never_lowers_without_flag(tmp_path: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "seeds": {"gold": str(SEEDS), "floors": {"title": 2.0}},
        "other": {"gold": "elsewhere", "floors": {"city": 0.5}},
    })
    assert main(["eval", str(SEEDS), "--record-floors", str(floors)]) == 0
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["corpora"]["seeds"]["floors"]["title"] == 2.0
    assert data["corpora"]["other"] == {"gold": "elsewhere", "floors": {"city": 0.5}}
    assert len(data["corpora"]["seeds"]["corpus_sha256"]) == 64 and data["corpora"]["seeds"]["files"] == 2
    assert main(["eval", str(SEEDS), "--record-floors", str(floors), "--allow-lower"]) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["corpora"]["seeds"]["floors"]["title"] < 1.0 + 1e-9
    assert main(["eval", str(SEEDS), "--check-floors", str(floors)]) == 0


def test_floors_paths_resolve_against_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Recorded paths are relative to the root above the floors file, so checks run from anywhere."""
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "pyproject.toml").write_text("", encoding="utf-8")
    gold = repo / "tests" / "gold" / "seeds"
    gold.parent.mkdir()
    import shutil

    shutil.copytree(SEEDS, gold)
    floors = repo / "tests" / "accuracy_floors.json"
    monkeypatch.chdir(repo)
    assert main(["eval", "tests/gold/seeds", "--record-floors", str(floors)]) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["corpora"]["seeds"]["gold"] == "tests/gold/seeds"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["eval", str(gold), "--check-floors", str(floors)]) == 0
    (gold / "guilin-2020.json").write_text((gold / "guilin-2020.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert main(["eval", str(gold), "--check-floors", str(floors)]) == 1
    assert "changed since its floors were recorded" in capsys.readouterr().out


def test_check_floors_of_an_unknown_corpus_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    floors = _floors(tmp_path / "floors.json", {})
    assert main(["eval", str(SEEDS), "--check-floors", str(floors)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no floors for corpus 'seeds'" in err[0]


def test_eval_joins_gold_with_texts_of_another_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    for name in ("guilin-2020", "xinzhou-2021"):
        (gold / f"{name}.json").write_bytes((SEEDS / f"{name}.json").read_bytes())
    (texts / "guilin-2020.txt").write_bytes((SEEDS / "guilin-2020.txt").read_bytes())
    (texts / "xinzhou-2021.gbk.html").write_bytes((PAGES / "xinzhou-2021.gbk.html").read_bytes())  # a page of that id
    assert main(["eval", str(gold), "--texts", str(texts), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 2 and out["scores"]["title"] == 1.0
    (texts / "guilin-2020.txt").unlink()
    assert main(["eval", str(gold), "--texts", str(texts)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "guilin-2020" in err[0] and "xinzhou-2021" not in err[0]


@pytest.mark.parametrize("folder", ["/no/such/folder", "EMPTY"])
def test_eval_missing_or_empty_folder_is_one_clear_line(folder: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path) if folder == "EMPTY" else folder
    assert main(["eval", target]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and target in err[0]


@needs_shared
def test_eval_of_the_shared_dev_corpus_as_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    """Gold beside its text, as ../shared ships it, still scores; its floors entry is found by folder."""
    assert main(["eval", str(SHARED / "corpus" / "dev"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == 22


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
