"""Run every benchmark, then print one table of the figures against the targets.

Each script runs in its own process (so one's imports and memory do not colour another's) and
writes ``bench/out/<name>.json``; this script reads them back. No pass/fail: it prints figures.

    .venv/bin/python bench/run_all.py [--quick] [--scale 1,10,100] [--only parse,memory,...] [--summary]

``--scale`` is passed to the scripts that take corpus scales (parse, memory, compare); the others
keep their defaults. ``--quick`` is a smoke run of everything (about a minute).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

from benchlib import BENCH_DIR, OUT_DIR, base_parser, machine_info, print_table, write_result

# name -> script; order: cheap first, so a smoke run shows problems early.
SCRIPTS = {
    "parse": "bench_parse.py",
    "memory": "bench_memory.py",
    "compare": "bench_compare.py",
    "profile": "profile_parse.py",
    "scrape": "bench_scrape.py",
    "flow": "bench_flow.py",
    "stages": "bench_stages.py",
    "scaling": "bench_scaling.py",
}
TAKES_SCALE = ("parse", "memory", "compare")


def _load(out: Path, name: str) -> dict[str, Any] | None:
    path = out / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("results")


def _largest(runs: list[dict[str, Any]], **match: Any) -> dict[str, Any] | None:
    chosen = [r for r in runs if all(r.get(k) == v for k, v in match.items())]
    return max(chosen, key=lambda r: r["scale"]) if chosen else None


class SummaryRow(NamedTuple):
    """One line of the summary table."""

    figure: str
    measured: str
    target: str
    met: str


def _yes(ok: bool) -> str:
    return "yes" if ok else "no"


def _parse_rows(parse: dict[str, Any]) -> list[SummaryRow]:
    rows = []
    for fmt, target in (("txt", 300), ("html", 100)):
        r = _largest(parse["runs"], format=fmt)
        if r:
            rows.append(SummaryRow(f"parse {fmt} in -> records, one core (x{r['scale']})",
                                   f"{r['notices_per_s']:.0f} notices/s, {r['mb_per_s']:.2f} MB/s",
                                   f">= {target}/s", _yes(r["notices_per_s"] >= target)))
    return rows


def _memory_rows(memory: dict[str, Any]) -> list[SummaryRow]:
    runs = memory["runs"]
    at100 = next((r for r in runs if r["scale"] == 100), runs[-1])
    return [
        SummaryRow(f"peak RSS, parse_paths (x{at100['scale']})", f"{at100['peak_rss_mb']:.0f} MB", "< 400 MB",
                   _yes(at100["peak_rss_mb"] < 400)),
        SummaryRow("peak RSS by scale", ", ".join(f"x{r['scale']}: {r['peak_rss_mb']:.0f}" for r in runs),
                   "flat beyond one batch", "see memory.json"),
    ]


def _compare_rows(compare: dict[str, Any]) -> list[SummaryRow]:
    if not compare.get("speed"):
        return [SummaryRow("comparison with the glue", "skipped", ">= 10x", compare["skipped"][:40])]
    r = max(compare["speed"], key=lambda x: x["scale"])
    rows = [SummaryRow(f"speed-up over jionlp + cpca glue (x{r['scale']})",
                       f"{r['speedup']}x ({r['ours_notices_per_s']:.0f} vs {r['glue_notices_per_s']:.0f}/s)",
                       ">= 10x", _yes(r["speedup"] >= 10))]
    accs = compare.get("accuracy") or []
    for acc in accs if isinstance(accs, list) else [accs]:
        corpus = Path(acc["gold"]).name  # a corpus name (older results: its gold folder)
        fields = acc.get("fields", {})
        for k in ("downtime_start", "datetimes", "services_suspended", "phones", "city"):
            if k in fields:
                rows.append(SummaryRow(f"accuracy {k} ({corpus})",
                                       f"ours {fields[k]['ours']:.3f} / glue {fields[k]['glue']:.3f}", "-", "-"))
    return rows


def _flow_rows(flow: dict[str, Any]) -> list[SummaryRow]:
    if "overhead_share" not in flow:
        return [SummaryRow("Prefect overhead", "skipped", "<= 10%", "flows not there")]
    met = _yes(flow["overhead_share"] <= 0.1) if flow["notices"] >= 10_000 else "n/a: smoke run"
    return [SummaryRow(f"Prefect overhead ({flow['notices']} notices)",
                       f"{100 * flow['overhead_share']:.1f}% ({flow['overhead_s']:+.1f} s)", "<= 10% at 10,000", met)]


def _scrape_rows(scrape: dict[str, Any]) -> list[SummaryRow]:
    return [SummaryRow(f"scrape, {r['sites']} loopback sites, delay {r['delay_s']:g} s (x{r['scale']})",
                       f"{r['pages_per_s']:.1f} pages/s", "-", "-") for r in scrape["runs"]]


def summarize(out: Path) -> list[SummaryRow]:
    """(figure, measured, target, met?) rows from the JSON files of the benchmarks that ran."""
    rows: list[SummaryRow] = []
    parse = _load(out, "parse")
    if parse and parse.get("runs"):
        rows += _parse_rows(parse)
    memory = _load(out, "memory")
    if memory and memory.get("runs"):
        rows += _memory_rows(memory)
    compare = _load(out, "compare")
    if compare and (compare.get("speed") or compare.get("skipped")):
        rows += _compare_rows(compare)
    flow = _load(out, "flow")
    if flow and ("overhead_share" in flow or flow.get("skipped")):
        rows += _flow_rows(flow)
    scrape = _load(out, "scrape")
    if scrape and scrape.get("runs"):
        rows += _scrape_rows(scrape)
    return rows


def main() -> None:
    p = base_parser(__doc__.splitlines()[0], default_scales="")
    p.add_argument("--only", default="", help=f"comma-separated subset of {', '.join(SCRIPTS)}")
    p.add_argument("--summary", action="store_true", help="run nothing: print the summary of the JSON already in --out")
    args = p.parse_args()
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(SCRIPTS)
    unknown = [n for n in names if n not in SCRIPTS]
    if unknown:
        raise SystemExit(f"unknown benchmark {unknown[0]!r}; known: {', '.join(SCRIPTS)}")
    out = Path(args.out)
    timings: dict[str, float] = {}
    for name in [] if args.summary else names:
        cmd = [sys.executable, str(BENCH_DIR / SCRIPTS[name]), "--out", str(out)]
        if args.quick:
            cmd.append("--quick")
        if args.scale and name in TAKES_SCALE:
            cmd += ["--scale", args.scale]
        print(f"\n=== {name}: {' '.join(cmd[1:])}", flush=True)
        start = time.perf_counter()
        code = subprocess.run(cmd, check=False).returncode
        timings[name] = round(time.perf_counter() - start, 1)
        if code != 0:
            print(f"=== {name} exited with {code}", flush=True)
    m = machine_info()
    print(f"\nmachine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gb']} GiB RAM, Python {m['python']}, "
          f"commit {m['commit']}, parser {m['parser_version']}")
    rows = summarize(out)
    print_table(["figure", "measured", "target", "met"], rows, title="summary (figures from bench/out/*.json)")
    write_result("summary", args, {"rows": rows, "script_seconds": timings}, out)


if __name__ == "__main__":
    main()
