"""The ``notices`` command line.

Commands: ``parse``, ``eval``, ``report``, ``audit``, ``run`` (and ``scrape``/``serve`` when their parts are
installed). Heavy imports (pyarrow, Prefect) happen inside the handlers, so ``notices --help`` and
``notices parse`` start fast; Prefect is imported only by the orchestration commands.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich is imported by the handlers that print, not at start-up
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from .evaluate import EvalReport
    from .store import RunSummary

from . import __version__
from .errors import ConfigError

__all__ = ["main", "build_parser"]

PROGRESS_SECONDS = 10.0  # without a terminal, a progress line at most this often
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
OUTPUT_FORMATS = ("parquet", "csv")

# Arrow's allocator for the commands: jemalloc hands freed pages back, so a long parse run's peak
# memory stays flat (bench/README.md: 158 -> 169 MB from x100 to x300, 188 -> 195 MB with Arrow's
# default, mimalloc). Read once, when pyarrow is first imported (the handlers import it later);
# an ARROW_DEFAULT_MEMORY_POOL set by the user wins.
ARROW_MEMORY_POOL = "jemalloc"
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_MEMORY_POOL)


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=False)


class CommandError(Exception):
    """A mistake of the user's (missing input, a flag that does not fit): one line on stderr, exit 2."""


class _Progress:
    """Progress of long work: a transient bar on a terminal, else a plain line on stderr every
    :data:`PROGRESS_SECONDS` (logs and CI output show the run is alive without drowning in bars)."""

    def __init__(self, total: int | None, label: str, show: bool = True) -> None:
        self.total, self.label, self.show = total, label, show
        self.done = 0
        self._bar: Progress | None = None
        self._task: Any = None
        self._started = self._last = 0.0

    def __enter__(self) -> _Progress:
        self._started = self._last = time.monotonic()
        if self.show and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn(f"[bold]{self.label}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TextColumn("{task.description}"), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("", total=self.total)
        return self

    def advance(self, item: str = "") -> None:
        """One more input done (``item`` names it)."""
        self.done += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=Path(item).name)
            return
        now = time.monotonic()
        if self.show and now - self._last >= PROGRESS_SECONDS:
            self._last = now
            of = f"/{self.total}" if self.total else ""
            print(f"notices: {self.label} {self.done}{of} inputs, {now - self._started:.0f} s", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


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


def _existing(paths: Sequence[str]) -> None:
    """Raise CommandError naming the first of ``paths`` that does not exist."""
    for p in paths:
        if not Path(p).exists():
            raise CommandError(f"no such file or folder: {p}")


def _write_csv(out_dir: str | Path, fmt: str, console: Console) -> None:
    """With ``--format csv``, a CSV beside each table of ``out_dir``."""
    if fmt != "csv":
        return
    from .export import write_csv

    for path in write_csv(out_dir):
        console.print(f"csv: {path}", markup=False, highlight=False, soft_wrap=True)  # a path scripts read: never wrapped


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse files, folders or raw stores into the tables."""
    from .config import load_settings
    from .store import parse_paths

    _existing(args.paths)  # before anything is written: earlier tables stay as they are
    budget = load_settings().parse_time_budget  # notices.yaml may set it
    console = _console()
    with _Progress(_count_inputs(args.paths), "parsing", show=not args.quiet) as progress:
        summary = parse_paths(args.paths, args.out, time_budget=budget, progress=progress.advance)
    if not args.quiet:
        _print_summary(summary, console)
    failed = summary.rejects_by_reason.get("parser_error", 0)
    if failed and failed == sum(summary.rejects_by_reason.values()) and not summary.counts.get("notices"):
        print(f"notices: error: every input ({failed}) failed with a parser error; see rejects.parquet in {args.out}",
              file=sys.stderr)
        return 1
    _write_csv(args.out, args.format, console)
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
        print(f"notices: error: {exc}", file=sys.stderr)
        return 2
    scores = report.scores()
    if args.json:
        out = {"files": report.files, "scores": scores, "misses": report.misses, "errors": report.errors}
        if args.per_code:
            out["services_per_code"] = {code: dict(zip(("tp", "fp", "fn", "f1"), (*report.per_code[code],
                                                   report.code_prf(code)[2]))) for code in _code_order(report)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
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
        if args.per_code:
            console.print(_per_code_table(report))
        if args.verbose:
            for name, lines in report.misses.items():
                console.print(f"[bold]{name}")
                for line in lines:
                    console.print(f"  {line}", markup=False)
        for name, err in report.errors.items():
            console.print(f"{name}: {err}", style="red", markup=False)
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
                console.print(f"below floor: {problem}", style="red", markup=False)
            return 1 if problems else 0
    except FloorsError as exc:
        print(f"notices: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _code_order(report: EvalReport) -> list[str]:
    """The service codes scored, in taxonomy order (codes the taxonomy lacks last)."""
    from .ruledata import service_codes

    known = [c for c in service_codes() if c in report.per_code]
    return known + sorted(set(report.per_code) - set(known))


def _per_code_table(report: EvalReport) -> Table:
    """services_suspended scored code by code (a code counts once per notice)."""
    from rich.table import Table

    table = Table(title="services_suspended per code")
    for col in ("code", "gold n", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "code" else "left")
    for code in _code_order(report):
        tp, fp, fn = report.per_code[code]
        p, r, f = report.code_prf(code)
        table.add_row(code, str(tp + fn), str(tp), str(fp), str(fn), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}")
    return table


def cmd_report(args: argparse.Namespace) -> int:
    """Build the comparative report from parsed tables."""
    from .publish import TablesMismatch
    from .report import REPORT_INPUTS, build_report

    parsed = Path(args.parsed_dir)
    if not parsed.is_dir():
        raise CommandError(f"no such folder: {parsed}")
    if not any((parsed / name).is_file() for name in REPORT_INPUTS):
        raise CommandError(f"no parsed tables in {parsed} (write them with `notices parse ... --out {parsed}`)")
    try:
        paths = build_report(parsed, Path(args.out) if args.out else None)
    except TablesMismatch as exc:
        print(f"notices: error: {exc}", file=sys.stderr)
        return 1
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Counts and examples of each plausibility flag in a parsed folder."""
    from .audit import audit, render_audit

    try:
        report = audit(Path(args.parsed_dir), examples=args.examples)
    except FileNotFoundError as exc:
        print(f"notices: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_audit(report))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """The whole pipeline on the configured sources, or on the bundled samples."""
    from .config import load_settings

    settings = load_settings(args.config, sources=args.sources, parsed_dir=args.out, raw_dir=args.raw)
    orchestrate = args.prefect
    if orchestrate is None:  # the main Prefect flow when Prefect is installed (extra `flows`)
        import importlib.util

        orchestrate = importlib.util.find_spec("prefect") is not None
    console = _console()
    if orchestrate:
        # The command line chooses the Prefect layer; the library (pipeline.runner) never imports it.
        from .runner import check_config

        check_config(settings)  # before a server starts
        from flows.notice_flow import run_flow

        flow = run_flow(settings, runner=args.runner, dask_address=args.dask_address, quiet=args.verbose < 1)
        if flow.run is not None and not args.quiet:
            print(flow.run.to_text())  # the one summary (report paths included), lines unwrapped
    else:
        if args.runner != "default" or args.dask_address:
            raise CommandError("--runner and --dask-address choose the Prefect task runner: drop --no-prefect")
        from .runner import run_pipeline

        with _Progress(None, "parsing", show=not args.quiet) as progress:
            result = run_pipeline(settings, progress=progress.advance)
        if not args.quiet:
            _print_summary(result.parse, console)
            for name, path in result.report.items():
                console.print(f"{name}: {path}", markup=False, highlight=False, soft_wrap=True)
    _write_csv(settings.parsed_dir, args.format, console)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """What changed between two parsed folders."""
    from .diff import diff_folders, render_text
    from .report import REPORT_INPUTS

    for folder in (args.old, args.new):
        if not Path(folder).is_dir():
            raise CommandError(f"no such folder: {folder}")
        if not (Path(folder) / REPORT_INPUTS[0]).is_file():
            raise CommandError(f"no notices table in {folder} (write it with `notices parse ... --out {folder}`)")
    diff = diff_folders(args.old, args.new)
    if args.json:
        print(json.dumps(diff.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(render_text(diff, limit=args.limit))
    return 1 if args.exit_code and not diff.empty else 0


def _log_level(value: str) -> str:
    """A logging level name, validated (argparse type)."""
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"invalid level {value!r} (choose from {', '.join(LOG_LEVELS)})")
    return level


def _verbosity_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """-v/-q/--log-level, on the main parser (``default`` 0/None) and on every subcommand
    (``argparse.SUPPRESS``, so that ``notices -v parse`` and ``notices parse -v`` both count)."""
    parser.add_argument("-v", "--verbose", action="count", default=default,
                        help="more output: -v shows progress and this program's INFO log, -vv its DEBUG log")
    parser.add_argument("-q", "--quiet", action="count", default=default,
                        help="less output: no summary or progress, only warnings and errors (-qq: errors only)")
    parser.add_argument("--log-level", type=_log_level, default=None if default == 0 else default, metavar="LEVEL",
                        help=f"level of every logger, libraries included ({', '.join(LOG_LEVELS)}); "
                             "overrides -v/-q")


class _Parser(argparse.ArgumentParser):
    """argparse with the command's one error format: ``notices: error: ...`` on one line."""

    def error(self, message: str) -> Any:  # argparse's signature returns NoReturn
        self.exit(2, f"notices: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``notices`` command."""
    parser = _Parser(
        prog="notices",
        description="Turn Chinese government service-outage notices into audited tables and reports.",
        epilog="Errors go to stderr as `notices: error: ...`; exit codes: 0 done, 1 a check failed, "
               "2 a usage, input or configuration error.",
    )
    parser.add_argument("--version", action="version", version=f"notice-pipeline {__version__}")
    _verbosity_options(parser, 0)
    common = _Parser(add_help=False)
    _verbosity_options(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", parents=[common], help="parse local files, folders or a raw store into parquet tables")
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files, folders of them, or a raw store folder")
    p.add_argument("--out", required=True, help="output folder for the tables")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="parquet",
                   help="parquet (default), or csv: a UTF-8 CSV beside each parquet table, for spreadsheets")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("eval", parents=[common],  # -v/--verbose (common) lists every notice's misses
                       help="score the parser against gold labels (*.json, with their texts)")
    p.add_argument("gold_dir", help="folder of gold labels (*.json); their texts beside them unless --texts")
    p.add_argument("--texts", metavar="TEXT_DIR", help="folder of the texts (<id>.txt or <id>.html per label)")
    p.add_argument("--half", choices=("tune", "check"),
                   help="score only one half of the corpus, split by a hash of the id: fix rules on tune, score check")
    p.add_argument("--per-code", action="store_true", help="score services_suspended code by code")
    p.add_argument("--json", action="store_true", help="print scores and misses as JSON")
    p.add_argument("--check-floors", nargs="?", const="", metavar="FILE",
                   help="exit 1 when a score is below its corpus's floor (default: tests/accuracy_floors.json)")
    p.add_argument("--record-floors", nargs="?", const="", metavar="FILE",
                   help="write the current scores as the corpus's floors (default file as above)")
    p.add_argument("--corpus", help="the corpus's name in the floors file (default: found from GOLD_DIR)")
    p.add_argument("--allow-lower", action="store_true", help="let --record-floors lower a floor")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("report", parents=[common],
                       help="comparative report (HTML, Markdown, parquet) from parsed tables")
    p.add_argument("parsed_dir", help="folder with the tables of `notices parse` or `notices run`")
    p.add_argument("--out", help="output folder (default: the parsed folder)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("audit", parents=[common], help="counts and examples of each plausibility flag in parsed tables")
    p.add_argument("parsed_dir", help="folder of parsed tables (notices.parquet)")
    p.add_argument("--examples", type=int, default=5, metavar="N", help="examples shown per flag (default 5)")
    p.add_argument("--json", action="store_true", help="print counts and examples as JSON")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("run", parents=[common],
                       help="the whole pipeline: sources (or bundled samples) -> parsed/ -> report")
    p.add_argument("--config", help="project settings file (default: notices.yaml if present)")
    p.add_argument("--sources", help="sources file to scrape (default: from config; none: bundled samples)")
    p.add_argument("--raw", help="raw store folder")
    p.add_argument("--out", help="output folder (default: parsed)")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="parquet",
                   help="parquet (default), or csv: also a UTF-8 CSV beside each table")
    p.add_argument("--prefect", action=argparse.BooleanOptionalAction, default=None,
                   help="run as a Prefect flow (default: when Prefect is installed)")
    p.add_argument("--runner", choices=["default", "dask"], default="default", help="Prefect task runner")
    p.add_argument("--dask-address", help="tcp://HOST:PORT of a Dask scheduler (default: a local cluster)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("diff", parents=[common],
                       help="what changed between two parsed folders (notices added, removed, fields and rows changed)",
                       description="Compare the tables of two parsed folders, e.g. before and after a rule change. "
                                   "Notices are matched by URL, else input path. Prints 'no differences' or a summary "
                                   "with every changed field and row.")
    p.add_argument("old", help="parsed folder before (e.g. the tables of the last release)")
    p.add_argument("new", help="parsed folder after")
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help="notices listed per kind (added, removed, changed); 0 lists all (default 20)")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when there are differences (for CI checks)")
    p.set_defaults(func=cmd_diff)

    for module in ("pipeline.scrape.cli", "flows.cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        mod.register(sub, parents=[common])
    return parser


def _configure_logging(args: argparse.Namespace) -> None:
    """One handler on stderr (log lines read ``LEVEL logger: message``; the command's own errors are the
    ``notices: error: ...`` lines). ``--log-level`` sets every logger; otherwise -v/-q move this program's
    loggers (``pipeline``, ``flows``) from WARNING to INFO/DEBUG or ERROR/CRITICAL, libraries stay at WARNING."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.log_level:
        logging.getLogger().setLevel(args.log_level)
        return
    level = logging.WARNING - 10 * args.verbose + 10 * args.quiet
    for name in ("pipeline", "flows"):
        logging.getLogger(name).setLevel(min(max(level, logging.DEBUG), logging.CRITICAL))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``notices`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args)
    try:
        return int(args.func(args) or 0)
    except (CommandError, ConfigError) as exc:  # one line, never wrapped: scripts read it
        print(f"notices: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except OSError as exc:  # a folder that cannot be written, a disk that is full
        print(f"notices: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("notices: interrupted; earlier outputs are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`notices audit DIR | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
