"""The ``notices`` command line.

Commands: ``parse``, ``eval``, ``report``, ``run`` (and ``scrape``/``serve`` when their parts are
installed). Heavy imports (pyarrow, Prefect) happen inside the handlers, so ``notices --help`` and
``notices parse`` start fast; Prefect is imported only by the orchestration commands.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported by the handlers that print, not at start-up
    from rich.console import Console
    from rich.progress import Progress

    from .store import RunSummary

from . import __version__
from .errors import ConfigError

__all__ = ["main", "build_parser"]


# Arrow's allocator for the commands: jemalloc hands freed pages back, so a long parse run's peak
# memory stays flat (bench/README.md: 158 -> 169 MB from x100 to x300, 188 -> 195 MB with Arrow's
# default, mimalloc). Read once, when pyarrow is first imported (the handlers import it later);
# an ARROW_DEFAULT_MEMORY_POOL set by the user wins.
ARROW_MEMORY_POOL = "jemalloc"
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_MEMORY_POOL)


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=False)


def _progress(total: int | None, label: str) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


def _count_inputs(paths: Sequence[str]) -> int | None:
    from .parse import INPUT_SUFFIXES

    n = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            if (path / "fetch_log.parquet").exists() or (path / "fetch_log").exists():
                return None
            n += sum(1 for c in path.rglob("*") if c.is_file() and c.suffix.lower() in INPUT_SUFFIXES)
        else:
            n += 1
    return n


def _print_summary(summary: RunSummary, console: Console) -> None:
    from rich.table import Table

    table = Table(title=f"parsed into {summary.out_dir}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, str(count))
    console.print(table)
    console.print(f"outage notices: {summary.outages}   duplicates (reposts): {summary.duplicates}")
    if summary.rejects_by_reason:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary.rejects_by_reason.items()))
        console.print(f"rejects by reason: {reasons}")


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse files, folders or raw stores into the tables."""
    from .config import load_settings
    from .store import parse_paths

    budget = load_settings().parse_time_budget  # notices.yaml may set it
    console = _console()
    total = _count_inputs(args.paths)
    with _progress(total, "parsing") as bar:
        task = bar.add_task("", total=total)
        summary = parse_paths(args.paths, args.out, time_budget=budget,
                              progress=lambda src: bar.update(task, advance=1, description=Path(src).name))
    _print_summary(summary, console)
    failed = summary.rejects_by_reason.get("parser_error", 0)
    if failed and failed == sum(summary.rejects_by_reason.values()) and not summary.counts.get("notices"):
        print(f"notices: every input ({failed}) failed with a parser error; see rejects.parquet in {args.out}",
              file=sys.stderr)
        return 1
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the parser against gold labels."""
    from rich.table import Table

    from .evaluate import SCALARS, SETS, GoldError, evaluate
    from .floors import FloorsError, check_floors, default_floors_file, find_corpus, record_floors

    console = _console()
    gold = Path(args.gold_dir)
    texts = Path(args.texts) if args.texts else None
    try:
        if args.half and (args.record_floors is not None or args.check_floors is not None):
            raise GoldError("floors hold a whole corpus: --half goes without --record-floors/--check-floors")
        report = evaluate(gold, texts=texts, half=args.half)
    except GoldError as exc:
        print(f"notices eval: {exc}", file=sys.stderr)
        return 2
    scores = report.scores()
    if args.json:
        print(json.dumps({"files": report.files, "scores": scores, "misses": report.misses, "errors": report.errors},
                         ensure_ascii=False, indent=2))
    else:
        which = f" ({args.half} half)" if args.half else ""
        table = Table(title=f"{report.files} gold notices in {gold}{which}")
        for col in ("field", "n", "precision", "recall", "score"):
            table.add_column(col, justify="right" if col != "field" else "left")
        for k in SCALARS:
            right, total = report.scalars[k]
            score = f"{scores[k]:.3f} ({right}/{total} exact)" if k in scores else "n/a (not in gold)"
            table.add_row(k, str(total), "", "", score)
        for k in SETS:
            p, r, f = report.prf(k)
            tp, fp, fn = report.sets[k]
            table.add_row(k, str(tp + fn), f"{p:.3f}", f"{r:.3f}", f"{f:.3f} F1")
        console.print(table)
        if args.verbose:
            for name, lines in report.misses.items():
                console.print(f"[bold]{name}")
                for line in lines:
                    console.print(f"  {line}", markup=False)
        for name, err in report.errors.items():
            console.print(f"[red]{name}: {err}", markup=False)
    for option in ("record_floors", "check_floors"):
        if getattr(args, option) == "":  # the option without a file: the project's floors file
            setattr(args, option, str(default_floors_file()))
    try:
        if args.record_floors:
            name = args.corpus or find_corpus(args.record_floors, gold)
            floors = record_floors(report, args.record_floors, name, gold, texts, allow_lower=args.allow_lower)
            console.print(f"floors of corpus {name} written to {args.record_floors}: {floors}")
        if args.check_floors:
            name = args.corpus or find_corpus(args.check_floors, gold)
            problems = check_floors(report, args.check_floors, name, gold, texts)
            for problem in problems:
                console.print(f"[red]below floor: {problem}", markup=False)
            return 1 if problems else 0
    except FloorsError as exc:
        print(f"notices eval: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Build the comparative report from parsed tables."""
    from .publish import TablesMismatch
    from .report import build_report

    try:
        paths = build_report(Path(args.parsed_dir), Path(args.out) if args.out else None)
    except TablesMismatch as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 1
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """The whole pipeline on the configured sources, or on the bundled samples."""
    from .config import load_settings
    from .runner import run_pipeline

    settings = load_settings(args.config, sources=args.sources, parsed_dir=args.out, raw_dir=args.raw)
    orchestrate = args.prefect
    if orchestrate is None:  # the main Prefect flow when Prefect is installed (extra `flows`)
        import importlib.util

        orchestrate = importlib.util.find_spec("prefect") is not None
    summary = run_pipeline(settings, orchestrate=orchestrate, runner=args.runner, dask_address=args.dask_address)
    console = _console()
    _print_summary(summary.parse, console)
    run = getattr(summary, "run", None)  # the Prefect flow's run summary, when orchestrated
    if run is not None:
        console.print(run.to_text(), markup=False, highlight=False)
    for name, path in summary.report.items():
        console.print(f"{name}: {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``notices`` command."""
    parser = argparse.ArgumentParser(
        prog="notices",
        description="Turn Chinese government service-outage notices into audited tables and reports.",
    )
    parser.add_argument("--version", action="version", version=f"notice-pipeline {__version__}")
    parser.add_argument("-v", "--log-level", default="WARNING", help="logging level (DEBUG, INFO, WARNING)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse local files, folders or a raw store into parquet tables")
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files, folders of them, or a raw store folder")
    p.add_argument("--out", required=True, help="output folder for the tables")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("eval", help="score the parser against gold labels (*.json, with their texts)")
    p.add_argument("gold_dir", help="folder of gold labels (*.json); their texts beside them unless --texts")
    p.add_argument("--texts", metavar="TEXT_DIR", help="folder of the texts (<id>.txt or <id>.html per label)")
    p.add_argument("--half", choices=("tune", "check"),
                   help="score only one half of the corpus, split by a hash of the id: fix rules on tune, score check")
    p.add_argument("--verbose", action="store_true", help="list every notice's misses")
    p.add_argument("--json", action="store_true", help="print scores and misses as JSON")
    p.add_argument("--check-floors", nargs="?", const="", metavar="FILE",
                   help="exit 1 when a score is below its corpus's floor (default: tests/accuracy_floors.json)")
    p.add_argument("--record-floors", nargs="?", const="", metavar="FILE",
                   help="write the current scores as the corpus's floors (default file as above)")
    p.add_argument("--corpus", help="the corpus's name in the floors file (default: found from GOLD_DIR)")
    p.add_argument("--allow-lower", action="store_true", help="let --record-floors lower a floor")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("report", help="comparative report (HTML, Markdown, parquet) from parsed tables")
    p.add_argument("parsed_dir")
    p.add_argument("--out", help="output folder (default: the parsed folder)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("run", help="the whole pipeline: sources (or bundled samples) -> parsed/ -> report")
    p.add_argument("--config", help="project settings file (default: notices.yaml if present)")
    p.add_argument("--sources", help="sources file to scrape (default: from config; none: bundled samples)")
    p.add_argument("--raw", help="raw store folder")
    p.add_argument("--out", help="output folder (default: parsed)")
    p.add_argument("--prefect", action=argparse.BooleanOptionalAction, default=None,
                   help="run as a Prefect flow (default: when Prefect is installed)")
    p.add_argument("--runner", choices=["default", "dask"], default="default", help="Prefect task runner")
    p.add_argument("--dask-address", help="tcp://HOST:PORT of a Dask scheduler (default: a local cluster)")
    p.set_defaults(func=cmd_run)

    for module in ("pipeline.scrape.cli", "flows.cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``notices`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=getattr(logging, str(args.log_level).upper(), logging.WARNING),
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"notices: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("notices: interrupted; earlier outputs are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
