"""The `notices` command: parse, eval and their exit codes; Prefect stays out of their import path."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import build_parser, main

from conftest import PAGES, SAMPLES, SEEDS, SHARED, needs_shared


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


# --- missing input, one error format, one verbosity scheme, progress, file modes -----------------

NOTICES = str(Path(sys.executable).parent / "notices")


def _notices(*args: str, cwd: Path | None = None, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """The command as typed in a shell (no terminal)."""
    def set_umask() -> None:
        if umask is not None:
            import os

            os.umask(umask)

    return subprocess.run([NOTICES, *args], capture_output=True, text=True, cwd=cwd, timeout=300,
                          preexec_fn=set_umask)


@pytest.mark.parametrize("command", [["parse", "/nonexistent", "--out", "{out}"], ["report", "/nonexistent"],
                                     ["report", "/nonexistent", "--out", "{out}"]],
                         ids=["parse", "report", "report-out"])
def test_missing_input_is_one_error_line_and_writes_nothing(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _notices(*[c.format(out=out) for c in command])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("notices: error: no such")
    assert "/nonexistent" in result.stderr and result.stdout == ""
    assert not out.exists() and not Path("/nonexistent").exists()


def test_report_on_a_folder_without_tables_is_an_error(tmp_path: Path) -> None:
    result = _notices("report", str(tmp_path))
    assert result.returncode == 2 and result.stderr.startswith("notices: error: no parsed tables")
    assert list(tmp_path.iterdir()) == []


def test_parse_with_one_missing_path_keeps_the_earlier_tables(tmp_path: Path) -> None:
    assert main(["parse", str(SEEDS), "--out", str(tmp_path)]) == 0
    before = (tmp_path / "notices.parquet").read_bytes()
    assert main(["parse", str(SEEDS), str(tmp_path / "gone.txt"), "--out", str(tmp_path)]) == 2
    assert (tmp_path / "notices.parquet").read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["--log-level", "LOUD", "parse", "x", "--out", "y"], "argument --log-level: invalid level 'LOUD'"),
    (["parse", "x", "--out", "y", "--log-level", "chatty"], "argument --log-level: invalid level 'chatty'"),
    (["parse", "x"], "the following arguments are required: --out"),
    (["frobnicate"], "argument COMMAND: invalid choice"),
    (["scrape", "--sources", "/nonexistent.yaml", "--raw", "{tmp}"], "/nonexistent.yaml: cannot read sources file"),
    (["eval", "{tmp}"], "no gold labels"),
    (["audit", "{tmp}/nothing"], "nothing"),
], ids=["level-before", "level-after", "missing-option", "unknown-command", "scrape-sources", "eval-empty",
        "audit-missing"])
def test_errors_have_one_prefix_on_stderr(args: list[str], message: str, tmp_path: Path) -> None:
    result = _notices(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("notices: error: ") and message in line


def test_every_argument_of_every_command_has_a_help_line() -> None:
    parser = build_parser()
    commands = {"notices": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update({f"notices {name}": p for name, p in action.choices.items()})
    missing = [f"{name} {a.option_strings or a.dest}" for name, p in commands.items() for a in p._actions
               if not isinstance(a, argparse._SubParsersAction) and not (a.help and a.help.strip())]
    assert not missing
    assert {"parse", "eval", "report", "run", "scrape", "serve", "diff", "sources", "fetch"} <= \
        {name.split()[-1] for name in commands}


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbosity_flags_work_before_and_after_the_command(where: str, tmp_path: Path) -> None:
    flags = ["-vv"]
    args = ["parse", str(SEEDS), "--out", str(tmp_path)]
    result = _notices(*(flags + args if where == "before" else args + flags))
    assert result.returncode == 0
    assert "DEBUG pipeline." in result.stderr  # this program's DEBUG log (log lines: LEVEL logger: message)
    quiet = _notices(*(["-q"] + args if where == "before" else args + ["-q"]))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_long_work_without_a_terminal_prints_progress_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import pipeline.cli

    monkeypatch.setattr(pipeline.cli, "PROGRESS_SECONDS", 0.0)  # a line per input instead of one per 10 s
    inputs = sum(1 for f in SAMPLES.iterdir() if f.suffix in (".txt", ".html", ".htm"))
    assert main(["parse", str(SAMPLES), "--out", str(tmp_path)]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("notices: parsing")]
    assert lines[0] == f"notices: parsing 1/{inputs} inputs, 0 s"
    assert lines[-1].startswith(f"notices: parsing {inputs}/{inputs} inputs")


def test_output_files_are_readable_by_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _notices("parse", str(SEEDS), "--out", str(out), "--format", "csv", umask=0o022).returncode == 0
    assert _notices("report", str(out), umask=0o022).returncode == 0
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir() if p.is_file()}
    assert {"notices.parquet", "_manifest.json", "report.html", "report.md", "comparison.parquet",
            "notices.csv"} <= set(modes)
    assert set(modes.values()) == {0o644}, modes


def _run_patched(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``notices parse`` on the seed notices in a fresh process, after ``code`` patched the library."""
    script = f"import sys\n{code}\nfrom pipeline.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.run([sys.executable, "-c", script, "parse", str(SEEDS), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)


def test_a_broken_rules_file_stops_parse_naming_file_and_key(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for p in (Path(__file__).parents[1] / "pipeline" / "rules").iterdir():
        (rules / p.name).write_bytes(p.read_bytes())
    text = (rules / "time_cues.yaml").read_text(encoding="utf-8")
    (rules / "time_cues.yaml").write_text(text.replace("\nkind_priority:", "\nkind_order:"), encoding="utf-8")
    done = _run_patched(f"import pipeline.ruledata as r, pathlib\nr.rules_dir = lambda: pathlib.Path({str(rules)!r})",
                        tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("notices: error: ") and "time_cues.yaml" in done.stderr and "kind_priority" in done.stderr
    assert not (tmp_path / "out" / "notices.parquet").exists()  # nothing half-written


def test_parse_fails_when_every_input_fails_with_a_parser_error(tmp_path: Path) -> None:
    done = _run_patched("import pipeline.parse as p\ndef broken(*a, **k):\n    raise RuntimeError('boom')\n"
                        "p.extract_windows = broken", tmp_path)
    assert done.returncode == 1
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("notices:")]
    assert len(lines) == 1 and "every input (2) failed with a parser error" in lines[0]
    assert (tmp_path / "out" / "rejects.parquet").exists()  # the rejects are recorded all the same
