"""The ``notices scrape``, ``notices sources`` and ``notices fetch`` subcommands.

``pipeline/cli.py`` (the lead's) calls ``register(subparsers)``; ``main(argv)`` runs the
subcommand alone (``python -m pipeline.scrape ...``). Heavy imports stay inside the handler.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run", "main", "cmd_sources", "cmd_fetch"]


def register(subparsers: Any, parents: list[argparse.ArgumentParser] | None = None) -> None:
    """Add the ``scrape`` subcommand to an argparse subparsers object; ``parents`` carry the
    command's common options (-v/-q/--log-level)."""
    parser = subparsers.add_parser(
        "scrape",
        parents=parents or [],
        help="crawl the configured sources into a raw store",
        description="Crawl the sources in FILE politely and incrementally; store raw pages "
                    "and a fetch log in DIR (see docs/scraping.md).",
    )
    _add_arguments(parser)
    parser.set_defaults(func=run)

    parser = subparsers.add_parser(
        "sources", parents=parents or [],
        help="list the configured sources (name, place, list style, start URL, allow prefixes)",
        description="List the sources of the sources file: the one given, else `sources` of notices.yaml.",
    )
    _source_file_arguments(parser)
    parser.set_defaults(func=cmd_sources)

    parser = subparsers.add_parser(
        "fetch", parents=parents or [],
        help="show what the crawler makes of one page: style, links kept and dropped, the body it would parse",
        description="Fetch one page the way a crawl does (robots.txt, allow prefixes, the polite fetcher) and "
                    "print its list style and why, what the crawler does with each link and why it drops the "
                    "others, and what the parser makes of the page. Writes nothing. Exit 1 when the crawler "
                    "would not get the page.",
    )
    parser.add_argument("url", help="the page: a list page (column) or a notice")
    _source_file_arguments(parser)
    parser.add_argument("--source", metavar="NAME",
                        help="take allow prefixes, keywords, style and encoding from this source (default: the "
                             "source whose allow prefixes cover URL, else the whole host with the default settings)")
    parser.add_argument("--style", choices=("trs", "hanweb", "next_link", "links"),
                        help="read the page as this style instead of the source's or the detected one")
    parser.add_argument("--lines", type=int, default=30, metavar="N",
                        help="lines of the parsed body to print (default 30; 0 prints all)")
    parser.set_defaults(func=cmd_fetch)


def _source_file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", metavar="FILE", help="sources YAML file (default: `sources` of notices.yaml)")
    parser.add_argument("--config", metavar="FILE", help="project settings file (default: notices.yaml if present)")


def _sources_file(args: argparse.Namespace, required: bool) -> Any:
    """The SourcesFile of --sources, else of the project settings; None when there is none and it is
    not ``required``."""
    from pipeline.config import load_settings

    from .errors import ConfigError
    from .sources import load_sources

    path = args.sources or load_settings(args.config).sources
    if not path:
        if required:
            raise ConfigError("no sources file configured: pass --sources FILE or set `sources` in notices.yaml")
        return None
    return load_sources(path)


def cmd_sources(args: argparse.Namespace) -> int:
    """Handler of ``notices sources``: one block per configured source."""
    sources_file = _sources_file(args, required=True)
    print(f"{len(sources_file.sources)} sources")
    for source in sources_file.sources:
        place = " ".join(p for p in (source.province, source.city) if p)
        print(f"{source.name}  {place}  style: {source.style or 'detected from the first page'}")
        for url in source.start_urls:
            print(f"  start  {url}")
        for prefix in source.allow:
            print(f"  allow  {prefix}")
        if source.overrides:
            print("  settings  " + ", ".join(f"{k}={v}" for k, v in sorted(source.overrides.items())))
        if source.notes:
            print(f"  notes  {' '.join(source.notes.split())}")
    return 0


def _source_for(url: str, args: argparse.Namespace) -> tuple[Any, Any]:
    """(Source, base CrawlSettings) to fetch ``url`` with."""
    import dataclasses
    from urllib.parse import urlsplit

    from .errors import ConfigError
    from .settings import CrawlSettings
    from .sources import Source

    sources_file = _sources_file(args, required=bool(args.source))
    settings = sources_file.settings if sources_file else CrawlSettings()
    if args.source:
        [source] = sources_file.only([args.source])
    else:
        source = next((s for s in sources_file.sources if s.allows(url)), None) if sources_file else None
    if source is None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"not an http(s) URL: {url}")
        source = Source(name="fetch", start_urls=(url,), allow=(f"{parts.scheme}://{parts.netloc}/",), city="-")
    if args.style:
        source = dataclasses.replace(source, style=args.style)
    return source, settings


def cmd_fetch(args: argparse.Namespace) -> int:
    """Handler of ``notices fetch URL``."""
    from .probe import DROPPED, probe

    source, settings = _source_for(args.url, args)
    result = probe(args.url, source, settings)
    print(f"url      {result.url}")
    print(f"source   {result.source} (allow: {', '.join(source.allow)})")
    if not result.allowed:
        print("verdict  skipped / not_allowed: the URL is outside the source's allow prefixes; the crawler "
              "does not request it")
        return 1
    if result.robots:
        print(f"verdict  skipped / {result.robots}: robots.txt keeps the crawler out of this URL")
        return 1
    print(f"fetch    HTTP {result.status}, {result.content_type or 'no content type'}, {result.size} bytes, "
          f"{result.elapsed_ms} ms" + (f", final URL {result.final_url}" if result.final_url != result.url else ""))
    print(f"verdict  {result.outcome}" + (f" / {result.reason}" if result.reason else "")
          + (f": {result.detail}" if result.detail and not result.fetched else ""))
    if not result.fetched:
        return 1
    print(f"style    {result.style} ({result.style_evidence})")
    if result.hanweb_request:
        print(f"data     POST {result.hanweb_request}")
    kept = [link for link in result.links if link.action != DROPPED]
    dropped = [link for link in result.links if link.action == DROPPED]
    print(f"links    {len(kept)} followed, {len(dropped)} dropped")
    for link in kept + dropped:
        what = link.action if link.action != DROPPED else f"dropped ({link.reason})"
        print(f"  {what:<28} {link.url}  {link.title}".rstrip())
    if result.notice is not None:
        n = result.notice
        print(f"parsed   {'an outage notice' if n.is_outage_notice else 'not an outage notice'}; "
              f"title {n.title!r}; publisher {n.publisher!r}; published {n.published_at}; "
              f"place {' '.join(p for p in (n.province, n.city) if p) or '-'}; domain {n.domain}")
        print(f"         {len(n.windows)} windows, {len(n.services)} services, {len(n.contacts)} contacts")
        lines = n.body_text.splitlines()
        shown = lines if args.lines <= 0 else lines[: args.lines]
        print(f"body     ({len(shown)} of {len(lines)} lines)")
        for line in shown:
            print(f"  | {line}")
    if result.reject is not None:
        r = result.reject
        print(f"parsed   rejected at {r.stage}: {r.reason} ({r.detail})")
    return 0


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
    # -v shows dropped pages, -vv every request (the scraper's loggers, set by the main command's
    # -v/-q; on its own, ``main`` below sets them). A bad file or flag raises ConfigError before
    # any request; the command prints it as one error line.
    sources_file = load_sources(args.sources)
    sources = sources_file.only(args.only)
    overrides = _overrides(args)
    for source in sources:  # reject bad flag values before any request
        source.settings(sources_file.settings, overrides)
    if Path(args.raw).exists() and not Path(args.raw).is_dir():
        raise ConfigError(f"--raw {args.raw} exists and is not a folder")
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
    from .errors import ConfigError

    parser = argparse.ArgumentParser(prog="notices scrape")
    _add_arguments(parser)
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log each dropped page (-v) or every request (-vv)")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    if args.verbose:
        logging.getLogger("pipeline.scrape").setLevel(logging.DEBUG if args.verbose > 1 else logging.INFO)
    try:
        return run(args)
    except ConfigError as exc:  # one line, never wrapped: scripts read it
        print(f"notices: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
