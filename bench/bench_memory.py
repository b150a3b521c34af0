"""Peak memory (RSS) of ``parse_paths`` over a folder as the corpus grows.

For each scale, writes a mixed corpus (text files and HTML pages, alternating) and parses it into
parquet with ``pipeline.store.parse_paths`` in a fresh subprocess, which reports its ``ru_maxrss``
(peak resident set size) and its RSS after the imports and one warm-up parse (the fixed cost every
run pays). A flat peak across scales means the run streams; growth beyond the writer's batch
(``pipeline.store.BATCH_ROWS`` rows per table) would be a leak: the default scales go one step
past 100x so the plateau after the first full batch shows. Arrow's allocator counts too: the child
uses the one the ``notices`` command sets (``pipeline.cli.ARROW_MEMORY_POOL``, jemalloc); set
``ARROW_DEFAULT_MEMORY_POOL=mimalloc`` (Arrow's own default) or ``system`` to compare.

    .venv/bin/python bench/bench_memory.py [--scale 1,10,100,300] [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import base_parser, current_rss_mb, peak_rss_mb, print_table, scales_from, write_result
from scaled_corpus import build_corpus

TARGET_MB = 400.0  # peak RSS at the 100x scale (bench.md target)


def child(corpus: str, out: str) -> None:
    """Subprocess body: warm up, parse the folder into parquet, print one JSON line of figures."""
    import os

    from pipeline.cli import ARROW_MEMORY_POOL

    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_MEMORY_POOL)  # before pyarrow loads
    import pyarrow as pa

    from pipeline.errors import Rejected
    from pipeline.parse import parse_document
    from pipeline.records import RawDocument
    from pipeline.store import BATCH_ROWS, parse_paths

    files = sorted(Path(corpus).iterdir())
    for suffix in (".txt", ".html"):  # one of each, so both code paths are loaded before the baseline
        first = next((p for p in files if p.suffix == suffix), None)
        if first is None:
            continue
        try:
            parse_document(RawDocument(source=str(first), data=first.read_bytes(), source_path=str(first)))
        except Rejected:
            pass
    base = current_rss_mb()
    start = time.perf_counter()
    summary = parse_paths([corpus], out)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "rss_after_warmup_mb": base,
        "peak_rss_mb": peak_rss_mb(),
        "seconds": round(seconds, 2),
        "counts": summary.counts,
        "duplicates": summary.duplicates,
        "batch_rows": BATCH_ROWS,
        "arrow_pool": pa.default_memory_pool().backend_name,  # ARROW_DEFAULT_MEMORY_POOL chooses it
    }))


def run_scale(tmp: Path, scale: int) -> dict[str, Any]:
    """Build the corpus of one scale and measure it in a fresh interpreter."""
    corpus = tmp / f"x{scale}"
    stats = build_corpus(corpus, scale, "mixed")
    out = tmp / f"x{scale}-parsed"
    proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"child for x{scale} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    parquet_mb = sum(p.stat().st_size for p in out.glob("*.parquet")) / 1e6
    return {"scale": scale, "files": stats["files"], "input_mb": round(stats["bytes"] / 1e6, 2),
            "parquet_mb": round(parquet_mb, 2), **figures}


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    p = base_parser(__doc__.splitlines()[0], default_scales="1,10,100,300")
    args = p.parse_args()
    scales = scales_from(args)
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp_name:
        for scale in scales:
            run = run_scale(Path(tmp_name), scale)
            runs.append(run)
            print(f"  x{scale}: {run['files']} files, peak {run['peak_rss_mb']:.0f} MB, {run['seconds']:.1f} s", flush=True)
    first = runs[0]["peak_rss_mb"]
    rows = [(f"x{r['scale']}", r["files"], r["input_mb"], r["parquet_mb"], r["seconds"], r["rss_after_warmup_mb"],
             r["peak_rss_mb"], f"{r['peak_rss_mb'] - first:+.1f}", r["duplicates"]) for r in runs]
    print_table(["scale", "files", "input MB", "parquet MB", "s", "RSS after warm-up MB", "peak RSS MB",
                 "vs smallest", "reposts"], rows, title="parse_paths over a folder (txt + html), fresh process per scale")
    largest = runs[-1]
    verdict = "met" if largest["peak_rss_mb"] < TARGET_MB else "NOT met"
    print(f"target: peak < {TARGET_MB:.0f} MB at the largest scale (x{largest['scale']}): {verdict}; "
          f"growth from x{runs[0]['scale']} to x{largest['scale']}: {largest['peak_rss_mb'] - first:+.1f} MB "
          f"(writer batch: {largest['batch_rows']} rows per table; Arrow memory pool: {largest['arrow_pool']})")
    results = {"target_peak_mb": TARGET_MB, "runs": runs}
    print(f"figures written to {write_result('memory', args, results)}")


if __name__ == "__main__":
    main()
