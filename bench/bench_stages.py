"""Where end-to-end time goes: read, parse, move results, dedup, write, report, stage by stage.

Runs the parse + report path of the flow in ONE process pinned to one core, without Prefect (its
overhead is ``bench_flow.py``'s figure), timing each stage with its own clock:

- ``read``: listing the inputs, reading and hashing every document, planning batches
  (``plan_batches(iter_inputs(...))``), plus the re-read of each document by its parse task;
- ``parse``: ``parse_many`` on each document;
- ``move``: what the results cost to travel from a worker to the process that writes them:
  ``funnel`` packs every batch's records (pickle + zlib) and unpacks them in the flow;
  ``parts`` returns only per-notice keys and reject rows (the rows stay in part files);
- ``dedup``: building the repost index and resolving it;
- ``write``: turning records into rows and parquet (``funnel``: the flow's ``TableWriter``;
  ``parts``: each batch's part files, then the flow's columnar merge and publication);
- ``report``: ``build_report`` on the published tables.

``--design funnel`` is the path before part files (every row through the flow's writer),
``--design parts`` the current one; both write the same tables (checked at the end of each run
when both run). A fresh process per corpus size and design, so one run's memory does not colour
another's.

    .venv/bin/python bench/bench_stages.py [--notices 10000,100000] [--design funnel,parts] [--quick]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchlib import base_parser, peak_rss_mb, pin_to_one_core, print_table, write_result
from scaled_corpus import build_corpus, source_notices

STAGES = ("read", "parse", "move", "dedup", "write", "report")
BATCH = 200  # the flow's default parse batch size (Settings.parse_batch_size)


class Timers:
    """CPU seconds per stage of a process pinned to one core (the machine may be shared: wall
    time would count other jobs' load; the wall total is printed beside)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def add(self, stage: str, since: float) -> float:
        now = time.process_time()
        self.seconds[stage] += now - since
        return now


def _patch_dedup(timers: Timers) -> None:
    """Count the repost index's own time under ``dedup`` (and out of ``write``)."""
    from pipeline import dedup

    def wrap(method: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                timers.seconds["dedup"] += time.process_time() - t0
                timers.seconds["_inner_dedup"] += time.process_time() - t0

        return timed

    # add() calls add_key(): only the outer one is timed.
    dedup.DuplicateIndex.add_key = wrap(dedup.DuplicateIndex.add_key)  # type: ignore[method-assign]
    dedup.DuplicateIndex.resolve = wrap(dedup.DuplicateIndex.resolve)  # type: ignore[method-assign]
    dedup.NoticeKey.of = classmethod(wrap(dedup.NoticeKey.of.__func__))  # type: ignore[method-assign]


def run_funnel(corpus: str, out: str, timers: Timers) -> dict[str, int]:
    """Every record through one writer: the flow before part files (a batch's records pickled and
    zlib-packed by the worker, unpacked by the flow, written by its ``TableWriter``)."""
    import pickle
    import zlib

    from flows.batches import plan_batches
    from pipeline.parse import PARSER_VERSION, iter_inputs, parse_many
    from pipeline.records import Reject
    from pipeline.store import TableWriter

    t = time.process_time()
    plan = plan_batches(iter_inputs([corpus]), BATCH, PARSER_VERSION)
    t = timers.add("read", t)
    with TableWriter(out) as writer:
        current, outcomes = -1, None
        for item in plan.items:
            if isinstance(item, Reject):
                writer.add_reject(item)
                continue
            index, position = item.batch, item.position
            if index != current:
                t = time.process_time()
                docs = [ref.load() for ref in plan.batches[index].docs]
                t = timers.add("read", t)
                parsed = list(parse_many(docs))
                t = timers.add("parse", t)
                payload = zlib.compress(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL), 1)
                del parsed
                outcomes = pickle.loads(zlib.decompress(payload))
                t = timers.add("move", t)
                current = index
            assert outcomes is not None
            t = time.process_time()
            outcome = outcomes[position]
            if outcome.notice is not None:
                writer.add_notice(outcome.notice)
            if outcome.reject is not None:
                writer.add_reject(outcome.reject)
            timers.add("write", t)
        t = time.process_time()
    timers.add("write", t)  # close: flush, resolve (counted as dedup), notices table, publish
    return dict(writer.summary.counts)


def run_parts(corpus: str, out: str, timers: Timers) -> dict[str, int]:
    """Part files per batch, keys to the flow, dedup over keys, columnar merge: the current flow
    (``flows.tasks.parse_refs`` and ``flows.notice_flow.run_parse`` without Prefect)."""
    import pickle

    from flows.batches import plan_batches
    from flows.tasks import part_name
    from pipeline.parse import PARSER_VERSION, iter_inputs, parse_many
    from pipeline.parts import PartsPublisher, write_parts
    from pipeline.records import Reject

    t = time.process_time()
    plan = plan_batches(iter_inputs([corpus]), BATCH, PARSER_VERSION)
    t = timers.add("read", t)
    parts_dir = Path(out).parent / (Path(out).name + "-parts")
    publisher = PartsPublisher(out)
    current = -1
    for item in plan.items:
        if isinstance(item, Reject):
            publisher.add_reject(item)
            continue
        index, position = item.batch, item.position
        if index != current:
            batch = plan.batches[index]
            t = time.process_time()
            docs = [ref.load() for ref in batch.docs]
            t = timers.add("read", t)
            parsed = list(parse_many(docs))
            t = timers.add("parse", t)
            result = write_parts(parsed, str(parts_dir / part_name(batch, None)), batch.key)  # the worker's part files
            del parsed
            t = timers.add("write", t)
            result = pickle.loads(pickle.dumps(result))  # the small result travels to the flow
            t = timers.add("move", t)
            publisher.begin_part(result)
            current = index
        t = time.process_time()
        publisher.add_document(position)
        timers.add("write", t)
    t = time.process_time()
    summary = publisher.publish()  # resolve (counted as dedup), merge, publish
    timers.add("write", t)
    return dict(summary.counts)


def child(design: str, corpus: str, out: str) -> None:
    """Subprocess body: one design on one corpus; one JSON line of figures."""
    pin_to_one_core()
    timers = Timers()
    _patch_dedup(timers)
    import flows.tasks  # noqa: F401  (imports, Prefect's among them, are start-up, not a stage)
    from pipeline.report import build_report

    started, wall = time.process_time(), time.perf_counter()
    counts = (run_funnel if design == "funnel" else run_parts)(corpus, out, timers)
    t = time.process_time()
    build_report(Path(out))
    timers.add("report", t)
    total = time.process_time() - started
    wall = time.perf_counter() - wall
    seconds = dict(timers.seconds)
    inner = seconds.pop("_inner_dedup", 0.0)
    seconds["write"] = seconds.get("write", 0.0) - inner  # the index's time inside the writer is dedup's
    print(json.dumps({"design": design, "seconds": {s: round(seconds.get(s, 0.0), 2) for s in STAGES},
                      "total_s": round(total, 2), "wall_s": round(wall, 2), "counts": counts, "peak_rss_mb": peak_rss_mb()}))


def tables_equal(a: Path, b: Path) -> bool:
    """The rows of the five tables alike (the time a reject was recorded aside), column by column."""
    import pyarrow.parquet as pq

    for name in ("notices", "windows", "services", "contacts", "rejects"):
        ta, tb = pq.read_table(a / f"{name}.parquet"), pq.read_table(b / f"{name}.parquet")
        if ta.column_names != tb.column_names or ta.num_rows != tb.num_rows:
            return False
        # Values, not Arrow's equality: a code column's dictionary may list its codes in another order.
        if any(ta.column(c).to_pylist() != tb.column(c).to_pylist() for c in ta.column_names if c != "at"):
            return False
    return True


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return
    p = base_parser(__doc__.splitlines()[0], default_scales="0")
    p.add_argument("--notices", default="10000,100000", help="corpus sizes, comma-separated (default 10000,100000)")
    p.add_argument("--design", default="funnel,parts", help="funnel, parts or both (default both)")
    args = p.parse_args()
    per_copy = len(source_notices())
    sizes = [1000] if args.quick else [int(n) for n in args.notices.split(",")]
    designs = args.design.split(",")
    runs: list[dict[str, Any]] = []
    for size in sizes:
        scale = -(-size // per_copy)
        with tempfile.TemporaryDirectory(prefix="bench-stages-") as tmp_name:
            tmp = Path(tmp_name)
            stats = build_corpus(tmp / "corpus", scale, "mixed")
            print(f"corpus: {stats['files']} notices ({stats['bytes'] / 1e6:.1f} MB), x{scale}", flush=True)
            for design in designs:
                proc = subprocess.run([sys.executable, __file__, "--child", design, str(tmp / "corpus"),
                                       str(tmp / f"out-{design}")], capture_output=True, text=True, check=False,
                                      env={**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "jemalloc"})
                if proc.returncode != 0:
                    raise SystemExit(f"{design} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
                run = json.loads(proc.stdout.strip().splitlines()[-1])
                run.update(notices=stats["files"], input_mb=round(stats["bytes"] / 1e6, 1),
                           notices_per_s=round(stats["files"] / run["total_s"], 1))  # per CPU second
                runs.append(run)
                print(f"  {design}: {run['total_s']:.1f} CPU s ({run['wall_s']:.1f} s wall), {run['notices_per_s']} notices "
                      "per CPU s", flush=True)
            if len(designs) == 2:
                same = tables_equal(tmp / f"out-{designs[0]}", tmp / f"out-{designs[1]}")
                print(f"  same tables: {same}", flush=True)
                for run in runs[-2:]:
                    run["same_tables"] = same
    rows = []
    for r in runs:
        total = r["total_s"]
        cells = [f"{r['seconds'][s]:.1f} ({100 * r['seconds'][s] / total:.0f}%)" for s in STAGES]
        rows.append((r["notices"], r["design"], *cells, f"{total:.1f}", r["notices_per_s"], r["wall_s"], r["peak_rss_mb"]))
    print_table(["notices", "design", *(f"{s} s" for s in STAGES), "CPU s", "notices/CPU s", "wall s", "peak MB"],
                rows, title="parse + report on one core, CPU seconds by stage (share of the total)")
    print(f"figures written to {write_result('stages', args, {'runs': runs, 'batch': BATCH})}")


if __name__ == "__main__":
    main()
