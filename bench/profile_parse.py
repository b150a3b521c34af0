"""Where ``parse_document`` spends its time: a pyinstrument profile over the scaled text corpus.

Builds the corpus at ``--scale`` (default 10x), warms up, then profiles one pass of
``parse_document`` over it (one core). Prints three views of the same samples:

* by pipeline module: every sample charged to the innermost frame in ``pipeline/`` on its stack,
  so a library call (``re``, OpenCC, lxml) counts for the stage that made it;
* top functions by self time (time spent in the function's own code);
* top functions by total time (with callees, each function counted once per stack).

The full call tree goes to ``bench/out/profile.html`` (open it in a browser).

    .venv/bin/python bench/profile_parse.py [--scale 10] [--format txt|html] [--top 25]
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchlib import REPO, base_parser, pin_to_one_core, print_table, scales_from, write_result
from bench_parse import load_documents, parse_all, warm_up
from scaled_corpus import build_corpus

try:
    from pyinstrument import Profiler
except ImportError:  # optional dependency group "bench"
    Profiler = None  # type: ignore[assignment,misc]

PIPELINE_DIR = str(REPO / "pipeline")


def _label(frame: Any) -> str:
    """``module.py:function`` with a path short enough to read."""
    path = frame.file_path or "?"
    if path.startswith(str(REPO)):
        path = path[len(str(REPO)) + 1:]
    elif "site-packages/" in path:
        path = path.split("site-packages/", 1)[1]
    elif "/lib/python" in path:
        path = "stdlib/" + path.split("/lib/python", 1)[1].split("/", 1)[-1]
    return f"{path}:{frame.function}"


def aggregate(root: Any) -> dict[str, dict[str, float]]:
    """Self time and once-per-stack total time per function, and time per innermost pipeline module."""
    self_time: dict[str, float] = defaultdict(float)
    total_time: dict[str, float] = defaultdict(float)
    by_module: dict[str, float] = defaultdict(float)

    def walk(frame: Any, on_stack: frozenset[str], owner: str) -> None:
        if frame.is_synthetic:  # [self] / [await] leaves: their time is the parent's own
            return
        label = _label(frame)
        if label not in on_stack:
            total_time[label] += frame.time
        path = frame.file_path or ""
        if path.startswith(PIPELINE_DIR):
            owner = path[len(PIPELINE_DIR) + 1:]
        own = frame.total_self_time
        self_time[label] += own
        by_module[owner] += own
        for child in frame.children:
            walk(child, on_stack | {label}, owner)

    walk(root, frozenset(), "(outside pipeline/)")
    return {"self": dict(self_time), "total": dict(total_time), "by_module": dict(by_module)}


def _top(table: dict[str, float], n: int, whole: float) -> list[tuple[str, str, str]]:
    rows = sorted(table.items(), key=lambda kv: kv[1], reverse=True)[:n]
    return [(name, f"{sec:.3f}", f"{100 * sec / whole:.1f}%") for name, sec in rows]


def main() -> None:
    p = base_parser(__doc__.splitlines()[0], default_scales="10")
    p.add_argument("--format", choices=("txt", "html"), default="txt", help="profile text or HTML input (default txt)")
    p.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    p.add_argument("--interval", type=float, default=0.0005, help="sampling interval in seconds (default 0.0005)")
    args = p.parse_args()
    if Profiler is None:
        print("skipped: pyinstrument is not installed (pip install -e '.[bench]')")
        write_result("profile", args, {"skipped": "pyinstrument not installed"})
        return
    scale = scales_from(args)[-1]
    pin_to_one_core()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp_name:
        tmp = Path(tmp_name)
        warm_up(tmp)
        folder = tmp / "corpus"
        build_corpus(folder, scale, args.format)
        docs = load_documents(folder)
        profiler = Profiler(interval=args.interval)
        profiler.start()
        parse_all(docs)
        session = profiler.stop()
    root = session.root_frame()
    whole = root.time if root else 0.0
    print(f"profiled parse_document over {len(docs)} {args.format} notices (x{scale}): {whole:.2f} s sampled "
          f"(profiler overhead included; use bench_parse.py for throughput)")
    agg = aggregate(root) if root else {"self": {}, "total": {}, "by_module": {}}
    print_table(["pipeline module (incl. library calls it makes)", "s", "share"], _top(agg["by_module"], args.top, whole),
                title="time by innermost pipeline module")
    print_table(["function", "self s", "share"], _top(agg["self"], args.top, whole), title="top functions by self time")
    print_table(["function", "total s", "share"], _top(agg["total"], args.top, whole), title="top functions by total time")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    results = {
        "scale": scale,
        "format": args.format,
        "documents": len(docs),
        "sampled_s": round(whole, 3),
        "by_module": _top(agg["by_module"], 40, whole),
        "top_self": _top(agg["self"], 40, whole),
        "top_total": _top(agg["total"], 40, whole),
    }
    print(f"call tree: {out / 'profile.html'}; figures written to {write_result('profile', args, results)}")


if __name__ == "__main__":
    main()
