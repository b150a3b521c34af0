"""Paired parse speed: the working tree's code against a base commit's, interleaved on one core.

On a shared machine the same code's ``bench_parse.py`` rate moves by a fifth from minute to minute,
more than most speed changes gain, so two runs minutes apart cannot tell a 3% gain from noise. Here
two worker processes, one importing the working tree's ``pipeline`` and one the base commit's
(``git archive`` of it, rules files included, into a temporary folder), pinned to the same CPU,
parse the same text notices in alternation, ten at a time, the one going first switching each
batch. A round is one pass over the corpus by a fresh pair of workers sharing one hash seed (the
round's number): one process can be a few percent faster than another running the same code (its
hash seed lays out its sets and dicts), so no pair is kept for two rounds. Per round the ratio of
the two workers' CPU seconds is kept. A slow minute of the machine falls on both alike: the median
ratio of the rounds moves by 1-2% between runs instead of 20%. Below 1: the working tree is faster.

The workers count notices, outage notices and facts per batch; a difference stops the run (it is
no substitute for ``notices diff`` on the parsed tables, only a guard against timing unequal work).

    .venv/bin/python bench/bench_ab.py [--base main] [--scale 3] [--rounds 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from benchlib import REPO, base_parser, print_table, scales_from, write_result
from scaled_corpus import build_corpus

BATCH = 10  # notices per timed batch: short enough that both sides of a pair see the same machine


def _worker(folder: str) -> None:
    """Parse batches of ``folder``'s notices as told on stdin (``start end``), answering CPU seconds and counts."""
    from bench_parse import load_documents, parse_all

    import pipeline

    docs = load_documents(Path(folder))
    parse_all(docs)  # warm-up: rule loading is not timed
    print(json.dumps({"pipeline": str(Path(pipeline.__file__).parent), "documents": len(docs)}), flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        cpu = time.process_time()
        counts = parse_all(docs[start:end])
        print(json.dumps({"cpu": time.process_time() - cpu, "counts": counts}), flush=True)


class _Side:
    """One worker process: the code under ``root`` (its ``pipeline`` package first on the path)."""

    def __init__(self, name: str, root: Path, folder: Path, cpu: int, seed: int) -> None:
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONHASHSEED": str(seed)}
        self.name = name
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", str(folder)], env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        os.sched_setaffinity(self.proc.pid, {cpu})
        hello = self._read()
        if not hello["pipeline"].startswith(str(root)):
            raise SystemExit(f"{name}: imported {hello['pipeline']}, not the code under {root}")
        self.documents: int = hello["documents"]

    def _read(self) -> dict[str, Any]:
        stdout: IO[str] | None = self.proc.stdout
        line = stdout.readline() if stdout is not None else ""
        if not line:
            raise SystemExit(f"{self.name}: the worker stopped")
        result: dict[str, Any] = json.loads(line)
        return result

    def parse(self, start: int, end: int) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{start} {end}\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


def _export(commit: str, dest: Path) -> None:
    """The ``pipeline`` package of ``commit`` (code and rules) written under ``dest``."""
    tar = subprocess.run(["git", "archive", commit, "pipeline"], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as archive:
        archive.extractall(dest, filter="data")


def _round(base_root: Path, head_root: Path, folder: Path, cpu: int, number: int) -> tuple[int, float, float]:
    """One pass over the corpus by a fresh pair of workers, in batches, the side going first switching
    each batch; the number of notices and the CPU seconds of each side."""
    sides = [("base", base_root), ("head", head_root)]
    started = [_Side(name, root, folder, cpu, seed=number) for name, root in sides[::1 if number % 2 else -1]]
    try:
        base, head = sorted(started, key=lambda side: side.name)
        return (base.documents, *_pass(base, head, base.documents, number))
    finally:
        for side in started:
            side.close()


def _pass(base: _Side, head: _Side, documents: int, first: int) -> tuple[float, float]:
    """One pass over the corpus in batches, the side going first switching each batch; CPU seconds of each."""
    spent = {"base": 0.0, "head": 0.0}
    for n, start in enumerate(range(0, documents, BATCH)):
        pair = (base, head) if (n + first) % 2 == 0 else (head, base)
        results = {side.name: side.parse(start, min(start + BATCH, documents)) for side in pair}
        if results["base"]["counts"] != results["head"]["counts"]:
            raise SystemExit(f"notices {start}-{start + BATCH}: base {results['base']['counts']} != head {results['head']['counts']}")
        for name, result in results.items():
            spent[name] += result["cpu"]
    return spent["base"], spent["head"]


def main() -> None:
    p = base_parser(__doc__.splitlines()[0], default_scales="3")
    p.add_argument("--base", default="main", help="the commit (or branch) to compare the working tree against (default main)")
    p.add_argument("--rounds", type=int, default=8, help="passes over the corpus (default 8; 3 with --quick)")
    p.add_argument("--worker", metavar="FOLDER", help=argparse.SUPPRESS)  # internal: run as one side
    args = p.parse_args()
    if args.worker:
        _worker(args.worker)
        return
    scale = scales_from(args)[-1]
    rounds = 3 if args.quick else args.rounds
    cpu = min(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="bench-ab-") as tmp_name:
        tmp = Path(tmp_name)
        build_corpus(tmp / "corpus", scale, "txt")
        _export(args.base, tmp / "base")
        runs = [_round(tmp / "base", REPO, tmp / "corpus", cpu, number=r) for r in range(rounds)]
    docs = runs[0][0]
    passes = [(b, h) for _, b, h in runs]
    ratios = [h / b for b, h in passes]
    rows = [(r + 1, f"{docs / b:.0f}", f"{docs / h:.0f}", f"{h / b:.3f}") for r, (b, h) in enumerate(passes)]
    print_table(["round", "base notices/s", "head notices/s", "head/base CPU"], rows,
                title=f"{docs} text notices (x{scale}), base {args.base} against the working tree, batches of {BATCH}")
    median = statistics.median(ratios)
    print(f"median head/base CPU ratio {median:.3f} (rounds {min(ratios):.3f} to {max(ratios):.3f}): "
          f"the working tree is {abs(1 - median):.1%} {'faster' if median < 1 else 'slower'}")
    results = {"base": args.base, "scale": scale, "documents": docs, "rounds": rounds, "batch": BATCH,
               "base_cpu_s": [round(b, 4) for b, _ in passes], "head_cpu_s": [round(h, 4) for _, h in passes],
               "median_ratio": round(median, 4)}
    print(f"figures written to {write_result('ab', args, results)}")


if __name__ == "__main__":
    main()
