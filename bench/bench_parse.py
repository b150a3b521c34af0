"""Parse throughput on one core: text in, records out, and HTML in, records out.

For each scale, writes the scaled corpus (``scaled_corpus.py``) as ``.txt`` and as ``.html`` pages
into a temporary folder, reads every file into memory (disk is not what is measured), then times
``parse_document`` over the documents in one process pinned to one CPU. The rule files are loaded
and the matchers built by one warm-up parse before any timing; that start-up cost is printed apart.

    .venv/bin/python bench/bench_parse.py [--scale 1,10,100] [--quick] [--repeat N]
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import base_parser, pin_to_one_core, print_table, scales_from, timed, write_result
from scaled_corpus import build_corpus

from pipeline.errors import Rejected
from pipeline.parse import parse_document
from pipeline.records import RawDocument

TARGETS = {"txt": 300.0, "html": 100.0}  # notices per second on one core (bench.md targets)


def load_documents(folder: Path) -> list[RawDocument]:
    """Every file of ``folder`` as a RawDocument, bytes already in memory."""
    return [RawDocument(source=str(p), data=p.read_bytes(), source_path=str(p)) for p in sorted(folder.iterdir())]


def parse_all(docs: list[RawDocument]) -> dict[str, int]:
    """Parse every document; count notices, outage notices, facts and rejects."""
    counts = {"notices": 0, "outages": 0, "windows": 0, "services": 0, "contacts": 0, "rejected": 0}
    for doc in docs:
        try:
            n = parse_document(doc)
        except Rejected:
            counts["rejected"] += 1
            continue
        counts["notices"] += 1
        counts["outages"] += n.is_outage_notice
        counts["windows"] += len(n.windows)
        counts["services"] += len(n.services)
        counts["contacts"] += len(n.contacts)
    return counts


def warm_up(tmp: Path) -> float:
    """One parse of a text and of a page, so rule loading is not in the timed loops; seconds."""
    folder = tmp / "warm"
    build_corpus(folder / "txt", 1, "txt")
    build_corpus(folder / "html", 1, "html")
    docs = load_documents(folder / "txt")[:1] + load_documents(folder / "html")[:1]
    start = time.perf_counter()
    parse_all(docs)
    return time.perf_counter() - start


def measure(docs: list[RawDocument], repeat: int) -> dict[str, Any]:
    """Best of ``repeat`` timed passes over ``docs`` (best: the least disturbed by the machine)."""
    best = float("inf")
    counts: dict[str, int] = {}
    for _ in range(repeat):
        with timed() as elapsed:
            counts = parse_all(docs)
        best = min(best, elapsed())
    size = sum(len(d.data) for d in docs)
    return {
        "documents": len(docs),
        "bytes": size,
        "seconds": round(best, 3),
        "notices_per_s": round(len(docs) / best, 1),
        "mb_per_s": round(size / 1e6 / best, 3),
        "ms_per_notice": round(1000 * best / len(docs), 2),
        **counts,
    }


def main() -> None:
    p = base_parser(__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=None, help="timed passes per measurement, best kept (default 3; 1 with --quick)")
    p.add_argument("--formats", default="txt,html", help="which inputs to time: txt, html or both")
    args = p.parse_args()
    scales = scales_from(args)
    repeat = args.repeat or (1 if args.quick else 3)
    cpu = pin_to_one_core()
    results: dict[str, Any] = {"pinned_cpu": cpu, "repeat": repeat, "targets_notices_per_s": TARGETS, "runs": []}
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp_name:
        tmp = Path(tmp_name)
        results["warmup_s"] = round(warm_up(tmp), 3)
        print(f"pinned to CPU {cpu}; warm-up (rule loading, first parse of a text and a page): {results['warmup_s']:.2f} s")
        for scale in scales:
            for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
                folder = tmp / f"x{scale}-{fmt}"
                build_corpus(folder, scale, fmt)
                docs = load_documents(folder)
                run = {"scale": scale, "format": fmt, **measure(docs, repeat)}
                results["runs"].append(run)
                print(f"  x{scale} {fmt}: {run['notices_per_s']:.0f} notices/s, {run['mb_per_s']:.2f} MB/s", flush=True)
    rows = [(f"x{r['scale']}", r["format"], r["documents"], f"{r['bytes'] / 1e6:.2f}", r["seconds"], r["notices_per_s"],
             r["mb_per_s"], r["ms_per_notice"], r["outages"], r["rejected"],
             "yes" if r["notices_per_s"] >= TARGETS[r["format"]] else "NO") for r in results["runs"]]
    print_table(["scale", "input", "docs", "MB", "s", "notices/s", "MB/s", "ms/notice", "outages", "rejected",
                 "target met"], rows, title="parse_document on one core (best of %d)" % repeat)
    print(f"targets: txt >= {TARGETS['txt']:.0f} notices/s, html >= {TARGETS['html']:.0f} pages/s")
    print(f"figures written to {write_result('parse', args, results)}")


if __name__ == "__main__":
    main()
