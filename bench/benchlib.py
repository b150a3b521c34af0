"""Helpers shared by the benchmark scripts: arguments, machine facts, CPU pinning, JSON output.

Every script prints its figures and writes them, with the machine they came from, to
``bench/out/<name>.json`` (git-ignored) so that ``run_all.py`` can put them in one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
SHARED = REPO.parent / "shared"  # published notices beside the checkout, read there, never copied in
FLOORS_FILE = REPO / "tests" / "accuracy_floors.json"  # names each gold corpus with its gold and text folders

__all__ = [
    "BENCH_DIR",
    "REPO",
    "OUT_DIR",
    "SHARED",
    "FLOORS_FILE",
    "gold_corpus",
    "base_parser",
    "scales_from",
    "machine_info",
    "pin_to_one_core",
    "peak_rss_mb",
    "current_rss_mb",
    "write_result",
    "print_table",
    "timed",
    "Clock",
]


def gold_corpus(name: str) -> tuple[Path, Path | None]:
    """(gold folder, text folder or None for texts beside the labels) of a corpus of the floors file."""
    from pipeline.floors import corpus_entry

    entry = corpus_entry(FLOORS_FILE, name)
    return entry.gold, entry.texts


def base_parser(description: str, default_scales: str = "1,10,100") -> argparse.ArgumentParser:
    """Arguments every script takes: ``--scale``, ``--quick``, ``--out``."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--scale", default=default_scales,
                   help=f"comma-separated corpus scales, copies of each bundled notice (default {default_scales})")
    p.add_argument("--quick", action="store_true", help="smoke run: the smallest scale only, fewer repeats")
    p.add_argument("--out", default=str(OUT_DIR), help="folder for the JSON figures (default bench/out)")
    return p


def scales_from(args: argparse.Namespace) -> list[int]:
    """The scales to run: ``--scale`` parsed, or just the first one with ``--quick``."""
    scales = [int(s) for s in str(args.scale).split(",") if s.strip()]
    if not scales or any(s < 1 for s in scales):
        raise SystemExit(f"--scale needs positive integers, got {args.scale!r}")
    return scales[:1] if args.quick else scales


def _cpu_model() -> str:
    """CPU model name from /proc/cpuinfo (Linux), else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    """Total RAM in GiB from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _git_commit() -> str | None:
    """Short hash of the checked-out commit, with ``+dirty`` when the tree has changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+dirty" if dirty else "")


def machine_info() -> dict[str, Any]:
    """The facts a reader needs to compare figures with their own machine."""
    try:
        from pipeline.parse import PARSER_VERSION
    except ImportError:  # the figures still say where they came from
        PARSER_VERSION = None
    return {
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": _git_commit(),
        "parser_version": PARSER_VERSION,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def pin_to_one_core() -> int | None:
    """Run this process (and its threads) on one CPU, so 'per core' figures mean what they say."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss; KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def current_rss_mb() -> float | None:
    """Resident set size now (Linux /proc), to tell the import baseline from the run's growth."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


class Clock:
    """Wall and CPU seconds of a ``with timed() as clock:`` block (frozen at the block's end)."""

    def __init__(self) -> None:
        self._wall0 = time.perf_counter()
        self._cpu0 = time.process_time()
        self._wall1: float | None = None
        self._cpu1: float | None = None

    def stop(self) -> None:
        self._wall1 = time.perf_counter()
        self._cpu1 = time.process_time()

    def wall(self) -> float:
        """Elapsed wall seconds."""
        return (self._wall1 if self._wall1 is not None else time.perf_counter()) - self._wall0

    def cpu(self) -> float:
        """CPU seconds of this process: what one core spent, whatever else the machine was running."""
        return (self._cpu1 if self._cpu1 is not None else time.process_time()) - self._cpu0


@contextmanager
def timed() -> Iterator[Clock]:
    """``with timed() as clock: ...`` then ``clock.wall()`` and ``clock.cpu()``."""
    clock = Clock()
    try:
        yield clock
    finally:
        clock.stop()


def write_result(name: str, args: argparse.Namespace, results: Any, out: str | Path | None = None) -> Path:
    """Write ``{"machine", "args", "results"}`` to ``<out>/<name>.json`` and return the path."""
    folder = Path(out or getattr(args, "out", None) or OUT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    payload = {"benchmark": name, "machine": machine_info(), "args": vars(args), "results": results}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> None:
    """A plain aligned text table (no colours: the output is meant to be pasted)."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_NUMBER.match(row[i]) for row in cells[1:]) for i in range(len(headers))]
    if title:
        print(f"\n{title}")
    for k, row in enumerate(cells):
        print("  ".join(_pad(c, w, right=numeric[i]) for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))


_NUMBER = re.compile(r"^[-+]?[\d.,]*[x%]?$")  # figures (1.5, 220, 3.7x, 12%) are right-aligned


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap
