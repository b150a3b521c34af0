"""The tables of a run change as one unit: ``notices parse`` SIGKILLed at each step of publishing.

Before, the five tables were renamed one by one and the manifest last: a crash between two renames
left new notices beside old services, contacts and manifest (3,868 service rows pointing at absent
notices), and ``notices report`` reported the mix with exit 0. Now, whatever step the kill hits,
the folder holds either the previous run's tables, or the new run's, or a manifest that readers
check and refuse (exit 1, a clear message); the next run, or :func:`pipeline.publish.recover`,
finishes the move.

The kill is real: the parse process SIGKILLs itself at the named step (``NOTICES_CRASH_AT``, see
``pipeline/publish.py``), so no cleanup handler runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.publish import TablesMismatch, recover, verify
from pipeline.store import parse_paths

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "raw" / "samples"
TABLES = ("notices", "windows", "services", "contacts", "rejects")


def _cli(*argv: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NOTICES_CRASH_AT", "NOTICES_CONFIG")}
    if crash_at:
        env["NOTICES_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *argv], cwd=REPO, capture_output=True, text=True,
                          timeout=300, env=env)


def _report(folder: Path, capfd: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``notices report FOLDER`` through the command's entry point: exit code and stderr."""
    capfd.readouterr()
    code = main(["report", str(folder)])
    return code, capfd.readouterr().err


def _content(folder: Path) -> dict[str, list[dict]]:
    """The rows of each table (a reject's time stamp left out: it differs between runs)."""
    out = {}
    for name in TABLES:
        rows = pq.read_table(folder / f"{name}.parquet").to_pylist()
        out[name] = [{k: v for k, v in r.items() if k != "at"} for r in rows]
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Run A (six sample pages), and run B (fourteen) parsed without interruption."""
    base = tmp_path_factory.mktemp("runs")
    pages = sorted(SAMPLES.iterdir())
    for name, count in (("in-a", 6), ("in-b", 14)):
        (base / name).mkdir()
        for page in pages[:count]:
            shutil.copy(page, base / name / page.name)
    for name, inputs in (("a", base / "in-a"), ("b", base / "in-b")):
        proc = _cli("parse", str(inputs), "--out", str(base / name))
        assert proc.returncode == 0, proc.stderr
    assert _cli("report", str(base / "a")).returncode == 0
    return {"a": base / "a", "b": base / "b", "inputs_b": base / "in-b"}


@pytest.mark.slow
@pytest.mark.parametrize("step, readable", [
    ("staged", "a"),        # staged and renamed, not committed: the old tables stand
    ("committed", None),    # the new manifest is in, no table moved yet
    ("moved-1", None),      # new notices beside old windows, services, contacts, rejects
    ("moved-3", None),
    ("moved-5", "b"),       # every table moved, the staging folder not removed yet
])
def test_a_kill_while_publishing_never_gives_a_mixed_report(tmp_path: Path, runs: dict[str, Path], step: str,
                                                             readable: str | None,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parsed"
    shutil.copytree(runs["a"], out)
    report_before = (out / "report.html").read_bytes()

    proc = _cli("parse", str(runs["inputs_b"]), "--out", str(out), crash_at=step)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr[-2000:])

    code, err = _report(out, capfd)
    if readable is None:
        assert code == 1
        assert "do not belong together" in err and "Traceback" not in err
        assert (out / "report.html").read_bytes() == report_before  # the last good report stays
        with pytest.raises(TablesMismatch):
            verify(out)
    else:
        assert code == 0, err
        assert verify(out) is not None
        assert _content(out) == _content(runs[readable])

    # The next run finishes or replaces the interrupted one, and matches an uninterrupted run.
    parse_paths([runs["inputs_b"]], out)
    assert verify(out) is not None
    assert _content(out) == _content(runs["b"])
    assert not [p.name for p in out.iterdir() if p.name.startswith((".tmp-", ".publish-"))]


@pytest.mark.slow
def test_recover_finishes_an_interrupted_publication(tmp_path: Path, runs: dict[str, Path],
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parsed"
    shutil.copytree(runs["a"], out)
    proc = _cli("parse", str(runs["inputs_b"]), "--out", str(out), crash_at="moved-2")
    assert proc.returncode == -signal.SIGKILL
    with pytest.raises(TablesMismatch, match="services.parquet"):  # notices and windows are new already
        verify(out)
    recover(out)
    assert verify(out) is not None
    assert _content(out) == _content(runs["b"])
    assert _report(out, capfd)[0] == 0
