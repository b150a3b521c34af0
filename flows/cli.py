"""``notices serve``: serve the pipeline flow as a Prefect deployment on the configured schedule.

``pipeline.cli`` calls :func:`register` for every command line; Prefect is imported only inside the
handler, so ``notices parse``, ``eval`` and ``report`` never pay for it.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve ``notice_pipeline`` with a cron schedule until interrupted."""
    from pipeline.config import load_settings

    settings = load_settings(args.config, sources=args.sources, raw_dir=args.raw, parsed_dir=args.out,
                             schedule_cron=args.cron, timezone=args.timezone)
    from .notice_flow import serve_pipeline  # Prefect from here on

    print(f"serving deployment notice-pipeline/{args.name}: {settings.schedule_cron} ({settings.timezone}), "
          f"runner {args.runner}; Ctrl-C stops (schedules are paused on exit)")
    serve_pipeline(settings, name=args.name, runner=args.runner, dask_address=args.dask_address, limit=args.limit)
    return 0


def register(subparsers: Any, parents: list[argparse.ArgumentParser] | None = None) -> None:
    """Add ``serve`` to the ``notices`` subcommands (``parents``: the common -v/-q options)."""
    p = subparsers.add_parser(
        "serve",
        parents=parents or [],
        help="serve the pipeline as a Prefect deployment on a cron schedule (needs PREFECT_API_URL)",
        description="Serve the notice-pipeline flow as a Prefect deployment whose schedule comes from the "
                    "settings (schedule_cron, timezone; default daily 06:00 Asia/Shanghai). Needs a running "
                    "Prefect server: see docs/prefect.md.",
    )
    p.add_argument("--config", help="project settings file (default: notices.yaml if present)")
    p.add_argument("--sources", help="sources file to scrape (default: from config; none: bundled samples)")
    p.add_argument("--raw", help="raw store folder")
    p.add_argument("--out", help="output folder (default: parsed)")
    p.add_argument("--cron", help="cron schedule, overrides schedule_cron (e.g. '0 6 * * *')")
    p.add_argument("--timezone", help="time zone of the schedule, overrides timezone (e.g. Asia/Shanghai)")
    p.add_argument("--name", default="serve",
                   help="deployment name (default: serve; prefect.yaml deploys work-pool, so the two never overwrite each other)")
    p.add_argument("--runner", choices=["default", "dask"], default="default", help="Prefect task runner of each run")
    p.add_argument("--dask-address", help="tcp://HOST:PORT of a Dask scheduler (default: a local cluster per run)")
    p.add_argument("--limit", type=int, default=1, help="runs at once (default 1: a late run waits for the last)")
    p.set_defaults(func=cmd_serve)
