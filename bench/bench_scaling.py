"""Scaling of the Prefect flow on Dask: notices/s against workers and corpus size, flow memory.

For each corpus size (mixed text and HTML, ``scaled_corpus.py``) and each number of Dask worker
processes (one thread each, ``LocalCluster`` on loopback), a fresh process starts a temporary
Prefect server and the cluster, runs the parse flow once on the 1x corpus (server, workers and
rules warmed up, not timed), then times the ``notice-parse`` flow from the text files to the
published tables (``flows.notice_flow.parse``: parse tasks on the workers write part files, the
flow publishes) and, apart, the report. Each run has its own Prefect home and part folder, so no
run finds another's cache. Peak memory is the flow process's own (``ru_maxrss``; the workers are
other processes).

Draws ``bench/scaling.png`` (matplotlib, extra ``bench``) from the figures and writes them to
``bench/out/scaling.json``. The machine's load average is recorded beside them: on a shared
machine, wall-clock figures of parallel runs count everyone's load.

    .venv/bin/python bench/bench_scaling.py [--notices 1000,10000,20000] [--workers 1,2] [--quick]
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchlib import BENCH_DIR, base_parser, machine_info, peak_rss_mb, print_table, write_result
from scaled_corpus import build_corpus, source_notices

BATCH = 200  # Settings.parse_batch_size


@contextlib.contextmanager
def external_cluster(workers: int, tmp: Path) -> Iterator[str]:
    """A ``dask scheduler`` and ``dask worker`` processes of their own on loopback (as in a
    multi-machine run, docs/prefect.md), with Dask's debugging logs as short as the flow's; yields
    the scheduler's address."""
    from flows.notice_flow import DASK_LOG_LENGTH

    env = {**os.environ, "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH": str(DASK_LOG_LENGTH)}
    dask = str(Path(sys.executable).with_name("dask"))
    info = tmp / "scheduler.json"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(info)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists():
            if time.monotonic() > deadline or procs[0].poll() is not None:
                raise RuntimeError("the dask scheduler did not start")
            time.sleep(0.2)
        procs.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(info), "--nworkers", str(workers),
                                       "--nthreads", "1", "--no-dashboard"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        from distributed import Client

        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        with Client(address) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def child(corpus: str, warm: str, out: str, workers: str, scheduler: str = "in-process") -> None:
    """Subprocess body: one timed flow run on a fresh cluster of ``workers`` processes."""
    started = time.perf_counter()
    from distributed import LocalCluster

    from flows.notice_flow import api_server, parse, short_dask_logs
    from pipeline.report import build_report

    # in-process: the scheduler runs in this process, as when the flow starts its own cluster (no
    # --dask-address), with the flow's setting of Dask's debugging logs; external: scheduler and
    # workers are processes of their own and the flow connects to them (--dask-address).
    cluster = (external_cluster(int(workers), Path(out).parent) if scheduler == "external" else
               LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=None))
    with api_server(quiet=True), short_dask_logs(), cluster as running:
        address = running if isinstance(running, str) else running.scheduler_address
        parse([warm], out + "-warm", batch_size=BATCH, runner="dask", dask_address=address,
              parts_dir=out + "-warm-parts")
        setup_s = time.perf_counter() - started
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        stats = parse([corpus], out, batch_size=BATCH, runner="dask", dask_address=address, parts_dir=out + "-parts")
        seconds = time.perf_counter() - t0
        flow_cpu = time.process_time() - cpu0
    flow_peak = peak_rss_mb()  # the flow's own peak, before the report (which `notices report` measures)
    t1 = time.perf_counter()
    build_report(Path(out))
    report_s = time.perf_counter() - t1
    print(json.dumps({"workers": int(workers), "scheduler": scheduler, "seconds": round(seconds, 2), "flow_cpu_s": round(flow_cpu, 2),
                      "report_s": round(report_s, 2), "setup_s": round(setup_s, 1), "peak_rss_mb": flow_peak,
                      "peak_rss_with_report_mb": peak_rss_mb(),
                      "publish_s": round(stats.seconds_publishing, 2), "batches": stats.batches,
                      "counts": stats.summary.counts, "load_avg": os.getloadavg()}))


def draw(runs: list[dict[str, Any]], path: Path, note: str) -> None:
    """Notices/s against workers and against corpus size, and the flow's peak memory."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted({r["notices"] for r in runs})
    workers = sorted({r["workers"] for r in runs})
    fig, (by_workers, by_size, memory) = plt.subplots(1, 3, figsize=(15, 4.6))
    for size in sizes:
        rs = sorted((r for r in runs if r["notices"] == size), key=lambda r: r["workers"])
        by_workers.plot([r["workers"] for r in rs], [r["notices_per_s"] for r in rs], marker="o", label=f"{size:,} notices")
    by_workers.set(xlabel="Dask worker processes (1 thread each)", ylabel="notices/s (wall, to published tables)",
                   xticks=workers, title="against workers", ylim=(0, None))
    by_workers.legend()
    for w in workers:
        rs = sorted((r for r in runs if r["workers"] == w), key=lambda r: r["notices"])
        by_size.plot([r["notices"] for r in rs], [r["notices_per_s"] for r in rs], marker="o", label=f"{w} worker(s)")
        # Runs of an earlier version of this script took their peak after the report only.
        flow_only = [r for r in rs if "peak_rss_with_report_mb" in r]
        memory.plot([r["notices"] for r in flow_only], [r["peak_rss_mb"] for r in flow_only], marker="o",
                    label=f"{w} worker(s), flow")
        memory.plot([r["notices"] for r in rs], [r.get("peak_rss_with_report_mb", r["peak_rss_mb"]) for r in rs],
                    marker="x", linestyle=":", label=f"{w} worker(s), flow + report")
    by_size.set(xscale="log", xlabel="corpus size (notices)", ylabel="notices/s", title="against corpus size",
                ylim=(0, None))
    by_size.legend()
    memory.axhline(400, color="red", linestyle="--", linewidth=1, label="target 400 MB")
    memory.set(xscale="log", xlabel="corpus size (notices)", ylabel="peak RSS of the flow process (MB)",
               title="flow process memory",
               ylim=(0, max(450, *(r.get("peak_rss_with_report_mb", r["peak_rss_mb"]) * 1.1 for r in runs))))
    memory.legend()
    fig.suptitle(note, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    if len(sys.argv) == 7 and sys.argv[1] == "--child":
        child(*sys.argv[2:7])
        return
    p = base_parser(__doc__.splitlines()[0], default_scales="0")
    p.add_argument("--notices", default="1000,10000,20000", help="corpus sizes (default 1000,10000,20000)")
    p.add_argument("--workers", default="1,2", help="numbers of Dask worker processes (default 1,2)")
    p.add_argument("--picture", default=str(BENCH_DIR / "scaling.png"), help="where to draw the picture")
    p.add_argument("--redraw", metavar="JSON", help="only draw the picture from the figures of an earlier run")
    p.add_argument("--scheduler", choices=["in-process", "external"], default="in-process",
                   help="where the Dask scheduler runs: in the flow's process (a LocalCluster, as when the flow "
                        "starts its own) or in a process of its own beside the workers (default in-process)")
    args = p.parse_args()
    if args.redraw:
        saved = json.loads(Path(args.redraw).read_text(encoding="utf-8"))["results"]
        draw(saved["runs"], Path(args.picture), saved["note"])
        print(f"picture: {args.picture}")
        return
    per_copy = len(source_notices())
    sizes = [200] if args.quick else [int(n) for n in args.notices.split(",")]
    workers = [int(w) for w in args.workers.split(",")]
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as tmp_name:
        tmp = Path(tmp_name)
        build_corpus(tmp / "warm", 1, "mixed")
        for size in sizes:
            scale = -(-size // per_copy)
            corpus = tmp / f"corpus-{size}"
            stats = build_corpus(corpus, scale, "mixed")
            for w in workers:
                run_dir = tmp / f"run-{size}-{w}"
                run_dir.mkdir()  # Prefect's temporary server does not create its home's parents
                env = {**os.environ, "PREFECT_HOME": str(run_dir / "prefect-home"), "PREFECT_LOGGING_LEVEL": "WARNING",
                       "ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}
                proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(tmp / "warm"),
                                       str(run_dir / "out"), str(w), args.scheduler], capture_output=True, text=True, env=env,
                                      check=False)
                if proc.returncode != 0:
                    raise SystemExit(f"{size} notices, {w} workers failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
                run = json.loads(proc.stdout.strip().splitlines()[-1])
                run.update(notices=stats["files"], notices_per_s=round(stats["files"] / run["seconds"], 1))
                runs.append(run)
                print(f"{stats['files']} notices, {w} worker(s): {run['seconds']:.1f} s = {run['notices_per_s']} "
                      f"notices/s, flow peak {run['peak_rss_mb']:.0f} MB (load average {run['load_avg'][0]:.1f})",
                      flush=True)
                shutil.rmtree(run_dir, ignore_errors=True)
    for size in sorted({r["notices"] for r in runs}):
        by_w = {r["workers"]: r for r in runs if r["notices"] == size}
        if 1 in by_w and 2 in by_w:
            for r in by_w.values():
                r["speedup_2_vs_1"] = round(by_w[1]["seconds"] / by_w[2]["seconds"], 2)
    rows = [(r["notices"], r["workers"], r["seconds"], r["notices_per_s"], r.get("speedup_2_vs_1", ""),
             r["flow_cpu_s"], r["publish_s"], r["report_s"], r["peak_rss_mb"], f"{r['load_avg'][0]:.1f}") for r in runs]
    print_table(["notices", "workers", "flow s", "notices/s", "2 vs 1", "flow CPU s", "publish s", "report s",
                 "flow peak MB", "load avg"], rows, title="notice-parse flow on a local Dask cluster (wall clock)")
    info = machine_info()
    loads = [r["load_avg"][0] for r in runs]
    note = (f"{info.get('nproc')} cores ({info.get('cpu', '')}), shared with other jobs: load average "
            f"{min(loads):.1f}-{max(loads):.1f} during the runs; wall clock, batches of {BATCH}")
    # The figures first: a run of 100k notices takes most of an hour, and the picture needs an extra.
    print(f"figures written to {write_result('scaling', args, {'runs': runs, 'note': note})}")
    draw(runs, Path(args.picture), note)
    print(f"picture: {args.picture}")


if __name__ == "__main__":
    main()
