"""``kill -9`` of ``notices parse`` at random moments: do the tables ever mix two runs?

A folder holds run A's tables (ten sample pages); ``notices parse`` of all the sample pages (run B)
is started on it and SIGKILLed at a random moment from 0.6 to 1.4 times its usual duration (where
the tables are written and published), ``--kills`` times, each time on a fresh copy of A. After each
kill the folder is classified: ``old`` (A's tables, checked against the manifest), ``new`` (B's),
``refused`` (the manifest names tables that are not all in place: readers refuse; the next writer's
``recover`` finishes B, checked here), or ``mixed`` (readable tables from two runs: the failure this
guards against; must be 0). Prints the counts. The deterministic kills at each step of publishing
are in ``tests/test_publish_kill.py``.

    .venv/bin/python bench/bench_kill.py [--kills 20] [--seed 1] [--quick]
"""

from __future__ import annotations

import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import REPO, base_parser, print_table, write_result

SAMPLES = REPO / "raw" / "samples"


def _parse(inputs: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("NOTICES_CRASH_AT", "NOTICES_CONFIG")}
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "parse", str(inputs), "--out", str(out)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _ids(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Notice ids of the notices table, and those the services table points at."""
    import pyarrow.parquet as pq

    notices = frozenset(pq.read_table(folder / "notices.parquet", columns=["notice_id"]).column(0).to_pylist())
    services = frozenset(pq.read_table(folder / "services.parquet", columns=["notice_id"]).column(0).to_pylist())
    return notices, services


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0], default_scales="1")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from pipeline.publish import TablesMismatch, recover, verify

    kills = 4 if args.quick else args.kills
    rng = random.Random(args.seed)
    counts: collections.Counter[str] = collections.Counter()
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmp:
        base = Path(tmp)
        small = base / "in-a"
        small.mkdir()
        for page in sorted(SAMPLES.iterdir())[:10]:
            shutil.copy(page, small / page.name)
        for name, inputs in (("a", small), ("b", SAMPLES)):
            started = time.perf_counter()
            if _parse(inputs, base / name).wait() != 0:
                raise SystemExit(f"run {name} failed")
            duration = time.perf_counter() - started
        old, new = _ids(base / "a"), _ids(base / "b")
        for k in range(kills):
            out = base / f"kill-{k}"
            shutil.copytree(base / "a", out)
            proc = _parse(SAMPLES, out)
            time.sleep(rng.uniform(0.6, 1.4) * duration)
            proc.send_signal(signal.SIGKILL)
            if proc.wait() == 0:
                counts["finished before the kill"] += 1
            try:
                verify(out)
            except TablesMismatch:
                counts["refused"] += 1
                recover(out)
                verify(out)
                if _ids(out) != new:
                    counts["recover gave something else"] += 1
                continue
            state = _ids(out)
            counts["old" if state == old else "new" if state == new else "mixed"] += 1
            shutil.rmtree(out)
    rows: list[list[Any]] = [[k, v] for k, v in sorted(counts.items())]
    print_table(["state after the kill", "kills"], rows,
                title=f"{kills} SIGKILLs of notices parse (run of {duration:.1f} s), seed {args.seed}")
    write_result("kill", args, {"kills": kills, "run_seconds": duration, "states": dict(counts)})
    if counts["mixed"] or counts["recover gave something else"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
