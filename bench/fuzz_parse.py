"""Fuzz ``parse_document`` with generated notices and count what must never happen.

Documents are drawn reproducibly (``--seed``) from the pieces of ``tests/hostile.py``: notice-like
lines, info lines with dates, numbers, brackets, chrome and control characters, as text and as
HTML, plus the hostile shapes at small sizes. Each must parse or be rejected with a reason code;
every span must slice to its evidence and no control character may reach ``body_text``. Prints
the counts; ``problems`` must be 0 (the property tests in ``tests/test_parse_properties.py`` run the
same checks on fewer documents in CI).

    .venv/bin/python bench/fuzz_parse.py [--documents 4000] [--seed 20] [--quick]
"""

from __future__ import annotations

import collections
import random
import re
import sys
import time
import traceback
from typing import Any

from benchlib import REPO, base_parser, print_table, write_result

sys.path.insert(0, str(REPO / "tests"))  # the generators live with the tests that use them

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0], default_scales="1")
    parser.add_argument("--documents", type=int, default=4000, help="generated documents (default 4000)")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    import hostile
    from test_parse_properties import as_html

    from pipeline.errors import Rejected
    from pipeline.parse import parse_document
    from pipeline.records import RawDocument
    from pipeline.store import SchemaViolation, _check_rows, notice_rows

    rng = random.Random(args.seed)
    total = args.documents // 10 if args.quick else args.documents
    outcomes: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    spans = 0
    slowest = 0.0
    started = time.perf_counter()
    for i in range(total):
        kind = i % 10
        if kind < 5:
            data, suffix = "\n".join(hostile.random_notice(rng)).encode("utf-8"), ".txt"
        elif kind < 9:
            data, suffix = as_html(hostile.random_notice(rng)).encode("utf-8"), ".html"
        else:
            shape = rng.choice(hostile.SHAPES)
            data, suffix = hostile.document(shape, rng.randint(100, 20_000)), shape.suffix
        doc = RawDocument(source=f"fuzz-{i}{suffix}", data=data, source_path=f"fuzz-{i}{suffix}")
        t0 = time.perf_counter()
        try:
            notice = parse_document(doc)
        except Rejected as exc:
            outcomes[f"rejected {exc.reason}"] += 1
            continue
        except Exception:  # noqa: BLE001 - what the fuzzer is for
            problems.append(f"fuzz-{i}: {traceback.format_exc(limit=3)}")
            continue
        finally:
            slowest = max(slowest, time.perf_counter() - t0)
        outcomes["parsed (outage notice)" if notice.is_outage_notice else "parsed (not a notice)"] += 1
        body = notice.body_text
        if _CONTROL.search(body):
            problems.append(f"fuzz-{i}: control character in body_text")
        try:
            for table, rows in notice_rows(notice).items():
                _check_rows(table, rows)
        except SchemaViolation as exc:
            problems.append(f"fuzz-{i}: {exc}")
        for item in [*notice.windows, *notice.services, *notice.contacts]:
            spans += 1
            if body[item.span_start:item.span_end] != item.evidence:
                problems.append(f"fuzz-{i}: span {item.span_start}:{item.span_end} is not its evidence")
    seconds = time.perf_counter() - started
    rows: list[list[Any]] = [[k, v] for k, v in sorted(outcomes.items())]
    rows += [["spans checked", spans], ["problems", len(problems)], ["slowest document (ms)", f"{slowest * 1000:.0f}"],
             ["seconds", f"{seconds:.1f}"]]
    print_table(["outcome", "count"], rows, title=f"{total} generated documents (seed {args.seed})")
    for problem in problems[:10]:
        print(problem)
    write_result("fuzz", args, {"documents": total, "outcomes": dict(outcomes), "spans": spans,
                                "problems": problems, "slowest_ms": slowest * 1000, "seconds": seconds})
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
