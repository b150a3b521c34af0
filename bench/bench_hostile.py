"""Seconds per MB of ``parse_document`` on hostile shapes: does any stage grow faster than its input?

Each shape of ``tests/hostile.py`` (digit and letter runs, one huge line of numbers, dates or
services, deep HTML nesting, long runs of one CJK character ...) is parsed at two sizes, four times
apart, with no time budget, on one core. A linear stage keeps its seconds per MB; ``growth`` is the
ratio of the two (1.0 = linear, 4.0 = quadratic). The last column is what a run does with the larger
document under the default budget (``parse_time_budget``): parsed, or rejected and why.

    .venv/bin/python bench/bench_hostile.py [--sizes 100000,400000] [--only digit_run,...] [--quick]
"""

from __future__ import annotations

import sys
import time
from typing import Any

from benchlib import REPO, base_parser, pin_to_one_core, print_table, write_result

sys.path.insert(0, str(REPO / "tests"))  # the shapes live with the tests that use them


def _parse_seconds(data: bytes, suffix: str, budget: float | None) -> tuple[float, str]:
    """CPU seconds to parse ``data`` and the outcome (``parsed``, or the reject's stage/reason)."""
    from pipeline.errors import Rejected
    from pipeline.parse import parse_document
    from pipeline.records import RawDocument

    doc = RawDocument(source=f"hostile{suffix}", data=data, source_path=f"hostile{suffix}")
    started = time.process_time()
    try:
        parse_document(doc, budget)
        outcome = "parsed"
    except Rejected as exc:
        outcome = f"{exc.stage}/{exc.reason}"
    return time.process_time() - started, outcome


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0], default_scales="1")
    parser.add_argument("--sizes", default="100000,400000", help="two document sizes in characters")
    parser.add_argument("--only", help="comma-separated shape names")
    args = parser.parse_args()
    from hostile import SHAPES, document

    from pipeline.config import Settings

    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes = [s // 4 for s in sizes]
    cpu = pin_to_one_core()
    warm = document(SHAPES[0], 1000)
    _parse_seconds(warm, ".txt", None)  # rule loading, kept out of the figures
    only = set(args.only.split(",")) if args.only else None
    rows: list[list[Any]] = []
    results: list[dict[str, Any]] = []
    for shape in SHAPES:
        if only and shape.name not in only:
            continue
        per_mb = []
        for size in sizes:
            data = document(shape, size)
            seconds, _ = _parse_seconds(data, shape.suffix, None)
            per_mb.append(seconds / (len(data) / 1e6))
        data = document(shape, sizes[-1])
        budget_seconds, outcome = _parse_seconds(data, shape.suffix, Settings.parse_time_budget)
        growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("nan")
        rows.append([shape.name, *(f"{v:.2f}" for v in per_mb), f"{growth:.2f}", outcome])
        results.append({"shape": shape.name, "what": shape.what, "sizes": sizes,
                        "seconds_per_mb": per_mb, "growth": growth,
                        "outcome_with_budget": outcome, "seconds_with_budget": budget_seconds})
        print(f"  {shape.name}: {', '.join(f'{v:.2f}' for v in per_mb)} s/MB", file=sys.stderr, flush=True)
    headers = ["shape", *(f"s/MB at {s // 1000}k chars" for s in sizes), "growth", "with budget"]
    print_table(headers, rows, title=f"parse_document on hostile shapes, one core (cpu {cpu}); "
                                     f"budget {Settings.parse_time_budget:g} CPU s per document")
    write_result("hostile", args, results)


if __name__ == "__main__":
    main()
