"""`notices run` as a user types it, output captured: the default path (a Prefect flow on a
temporary server) prints one summary, no server chatter, no tracebacks; errors keep one format."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTICES = str(Path(sys.executable).parent / "notices")


def _folder(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "raw" / "samples", work / "raw" / "samples")
    return work


def _env(tmp_path: Path) -> dict[str, str]:
    """No server configured, a private Prefect home (as on a fresh machine)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home")}


@pytest.mark.slow
def test_default_run_prints_one_summary_and_no_server_chatter(tmp_path: Path) -> None:
    work = _folder(tmp_path)
    out = subprocess.run([NOTICES, "run"], cwd=work, env=_env(tmp_path), capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stderr == "", out.stderr[-3000:]  # no telemetry, no lock tracebacks, no server log
    assert out.stdout.count("notice pipeline run") == 1
    assert out.stdout.count("documents parsed") == 1
    assert "View at" not in out.stdout and "Traceback" not in out.stdout
    assert "0 failed" in out.stdout and "parsed/report.html" in out.stdout
    assert pq.read_metadata(work / "parsed" / "notices.parquet").num_rows == 27


def test_plain_run_without_a_terminal_prints_the_summary_only(tmp_path: Path) -> None:
    work = _folder(tmp_path)
    out = subprocess.run([NOTICES, "run", "--no-prefect"], cwd=work, env=_env(tmp_path), capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert "outage notices: 26" in out.stdout and "duplicates (reposts): 4" in out.stdout and "report.html" in out.stdout
    quiet = subprocess.run([NOTICES, "run", "--no-prefect", "-q"], cwd=work, env=_env(tmp_path),
                           capture_output=True, text=True, timeout=300)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
