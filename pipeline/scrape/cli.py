"""The ``notices scrape`` subcommand.

``pipeline/cli.py`` (the lead's) calls ``register(subparsers)``; ``main(argv)`` runs the
subcommand alone (``python -m pipeline.scrape ...``). Heavy imports stay inside the handler.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run", "main"]


def register(subparsers: Any) -> None:
    """Add the ``scrape`` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "scrape",
        help="crawl the configured sources into a raw store",
        description="Crawl the sources in FILE politely and incrementally; store raw pages "
                    "and a fetch log in DIR (see docs/scraping.md).",
    )
    _add_arguments(parser)
    parser.set_defaults(func=run)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", required=True, metavar="FILE", help="sources YAML file")
    parser.add_argument("--raw", required=True, metavar="DIR", help="raw store directory")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="crawl only this source (repeatable)")
    parser.add_argument("--max-pages", type=int, metavar="N", help="list pages per source")
    parser.add_argument("--max-details", type=int, metavar="N", help="detail pages per source")
    parser.add_argument("--delay", type=float, metavar="SECONDS",
                        help="seconds between requests to one host (overrides the file)")
    parser.add_argument("--concurrency", type=int, metavar="N", help="sources crawled at once")
    parser.add_argument("--no-attachments", action="store_true", help="do not fetch attachments")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log each dropped page (-v) or every request (-vv)")


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """CLI flags that were given, as setting overrides (the top layer)."""
    pairs = {"max_pages": args.max_pages, "max_details": args.max_details, "delay": args.delay,
             "concurrency": args.concurrency}
    out = {key: value for key, value in pairs.items() if value is not None}
    if args.no_attachments:
        out["attachments"] = False
    return out


def run(args: argparse.Namespace) -> int:
    """Handler of ``notices scrape``: crawl, print a summary; 0 on success, 2 on a config error."""
    from rich.console import Console
    from rich.table import Table

    from .crawl import crawl
    from .errors import ConfigError
    from .sources import load_sources

    console = Console()
    if args.verbose:
        if not logging.getLogger().handlers:
            logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
        # The scraper's own loggers only: -v shows dropped pages, -vv every request.
        logging.getLogger("pipeline.scrape").setLevel(logging.DEBUG if args.verbose > 1 else logging.INFO)
    try:
        sources_file = load_sources(args.sources)
        sources = sources_file.only(args.only)
        overrides = _overrides(args)
        for source in sources:  # reject bad flag values before any request
            source.settings(sources_file.settings, overrides)
        if Path(args.raw).exists() and not Path(args.raw).is_dir():
            raise ConfigError(f"--raw {args.raw} exists and is not a folder")
    except ConfigError as exc:  # one line, never wrapped: scripts read it
        print(f"notices scrape: configuration error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    summary = crawl(sources, args.raw, sources_file.settings, overrides=overrides)

    table = Table(title=f"scrape run {summary.run_id} -> {args.raw}")
    for column in ("source", "requests", "list pages", "stored", "unchanged", "failures"):
        table.add_column(column, justify="left" if column in ("source", "failures") else "right")
    for result in [*summary.results, summary.total]:
        failures = ", ".join(f"{reason} {count}" for reason, count in sorted(result.failures.items()))
        table.add_row(result.name, str(result.requests), str(result.list_pages), str(result.stored),
                      str(result.unchanged), failures or "-",
                      style="bold" if result.name == "total" else None)
    console.print(table)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``scrape`` without the main CLI (``python -m pipeline.scrape``)."""
    parser = argparse.ArgumentParser(prog="notices scrape")
    _add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
