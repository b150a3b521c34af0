"""Prefect's orchestration overhead: the same parse run plain and as the Prefect flow.

Writes a mixed corpus (text files and HTML pages) of about ``--notices`` notices (default 10,000),
then runs the pipeline on it twice, each in a fresh subprocess: ``run_pipeline(settings)`` (plain
parse + report) and ``run_flow(settings)`` (the same steps as the Prefect
flow ``flows.notice_flow.run_flow``). Each child first does one run on the 1x corpus, so imports, the
ephemeral Prefect API server and its database migrations are paid before the timed run (they are
printed apart). The overhead is ``(flow - plain) / flow`` of the timed runs' wall time.

Prefect state goes to a temporary ``PREFECT_HOME``, so the run touches no one's Prefect profile.
Skips with a message when the flows are not there.

    .venv/bin/python bench/bench_flow.py [--notices 10000] [--runner default|dask] [--quick]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import base_parser, peak_rss_mb, print_table, write_result
from scaled_corpus import build_corpus, source_notices

TARGET_SHARE = 0.10  # Prefect overhead at most 10% of the wall time of a 10,000-notice flow (issue 19)


def child(mode: str, warm: str, corpus: str, out: str, runner: str) -> None:
    """Subprocess body: warm-up run on ``warm``, timed run on ``corpus``; one JSON line of figures."""
    start = time.perf_counter()
    from pipeline.config import load_settings
    from pipeline.runner import run_pipeline

    if mode == "flow":
        import flows.notice_flow  # noqa: F401  (import cost of Prefect counted in import_s)
    import_s = time.perf_counter() - start

    def run(folder: str, parsed: str) -> tuple[float, Any]:
        settings = load_settings(None, samples_dir=folder, parsed_dir=parsed, sources=None)
        t0 = time.perf_counter()
        if mode == "flow":
            from flows.notice_flow import run_flow

            result: Any = run_flow(settings, runner=runner)
        else:
            result = run_pipeline(settings)
        return time.perf_counter() - t0, result

    warm_s, _ = run(warm, out + "-warm")
    seconds, result = run(corpus, out)
    counts = getattr(getattr(result, "parse", None), "counts", None)
    print(json.dumps({"mode": mode, "import_s": round(import_s, 2), "warmup_s": round(warm_s, 2),
                      "seconds": round(seconds, 2), "counts": counts, "peak_rss_mb": peak_rss_mb()}))


def _run_child(mode: str, warm: Path, corpus: Path, out: Path, runner: str, env: dict[str, str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(warm), str(corpus), str(out), runner],
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 7 and sys.argv[1] == "--child":
        child(*sys.argv[2:7])
        return
    p = base_parser(__doc__.splitlines()[0], default_scales="0")
    p.add_argument("--notices", type=int, default=10_000, help="size of the timed corpus (default 10000)")
    p.add_argument("--runner", choices=("default", "dask"), default="default", help="Prefect task runner")
    args = p.parse_args()
    try:
        import flows.notice_flow  # noqa: F401
        from flows.notice_flow import run_flow  # noqa: F401
    except ImportError as exc:
        print(f"skipped: the Prefect flows are not there yet ({exc}); rerun when flows.notice_flow.run_flow exists")
        write_result("flow", args, {"skipped": str(exc)})
        return
    per_copy = len(source_notices())
    scale = int(args.scale) if str(args.scale) != "0" else -(-args.notices // per_copy)
    if args.quick:
        scale = 1
    results: dict[str, Any] = {"target_share": TARGET_SHARE, "runner": args.runner}
    with tempfile.TemporaryDirectory(prefix="bench-flow-") as tmp_name:
        tmp = Path(tmp_name)
        warm, corpus = tmp / "warm", tmp / "corpus"
        build_corpus(warm, 1, "mixed")
        stats = build_corpus(corpus, scale, "mixed")
        results.update(scale=scale, notices=stats["files"], input_mb=round(stats["bytes"] / 1e6, 2))
        env = {**os.environ, "PREFECT_HOME": str(tmp / "prefect-home"), "PREFECT_LOGGING_LEVEL": "WARNING"}
        print(f"corpus: {stats['files']} notices ({stats['bytes'] / 1e6:.1f} MB), x{scale}; running plain, then as a flow",
              flush=True)
        plain = _run_child("plain", warm, corpus, tmp / "out-plain", args.runner, env)
        print(f"  plain: {plain['seconds']:.1f} s", flush=True)
        flow = _run_child("flow", warm, corpus, tmp / "out-flow", args.runner, env)
        print(f"  flow:  {flow['seconds']:.1f} s", flush=True)
    share = (flow["seconds"] - plain["seconds"]) / flow["seconds"] if flow["seconds"] else 0.0
    results.update(plain=plain, flow=flow, overhead_s=round(flow["seconds"] - plain["seconds"], 2),
                   overhead_share=round(share, 3))
    rows = [(r["mode"], r["import_s"], r["warmup_s"], r["seconds"], round(results["notices"] / r["seconds"], 1),
             r["peak_rss_mb"]) for r in (plain, flow)]
    print_table(["run", "import s", "warm-up run (1x) s", "timed run s", "notices/s", "peak RSS MB"], rows,
                title=f"parse + report of {results['notices']} notices, plain vs Prefect flow (runner: {args.runner})")
    verdict = "met" if share <= TARGET_SHARE else "NOT met"
    print(f"orchestration overhead: {results['overhead_s']:+.1f} s = {100 * share:.1f}% of the flow's wall time "
          f"(target <= {100 * TARGET_SHARE:.0f}%: {verdict})")
    print(f"figures written to {write_result('flow', args, results)}")


if __name__ == "__main__":
    main()
