"""``notices run`` without orchestration: scrape (if sources are configured), parse, report.

The Prefect flow in ``flows/`` runs the same steps as tasks; this plain path is what the flow's tasks
call and what runs when Prefect is not wanted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import ConfigError
from .store import RunSummary

__all__ = ["run_pipeline", "PipelineResult", "check_config"]

log = logging.getLogger(__name__)


@dataclass
class PipelineResult:
    """What a whole run produced."""

    parse: RunSummary
    report: dict[str, Path] = field(default_factory=dict)
    scrape: object | None = None


def check_config(settings: Settings) -> None:
    """Raise ConfigError for what the run would trip over later: the sources file (read and
    validated whole, with the crawl settings it yields), the sample folder, output folders that are
    files. Called before anything runs, so that an orchestrated run fails before its flow starts."""
    for key in ("parsed_dir", *(("raw_dir",) if settings.sources else ())):
        path = Path(getattr(settings, key))
        if path.exists() and not path.is_dir():
            raise ConfigError(f"setting {key!r}: {path} exists and is not a folder")
    if settings.sources:
        from .scrape.settings import CrawlSettings
        from .scrape.sources import load_sources

        load_sources(settings.sources, CrawlSettings.from_project(settings))
    elif not Path(settings.samples_dir).is_dir():
        raise ConfigError(
            f"no sources configured and no sample folder {settings.samples_dir} (run from the project folder, "
            "or set sources)"
        )


def run_pipeline(
    settings: Settings, *, orchestrate: bool | None = False, runner: str = "default", dask_address: str | None = None
) -> PipelineResult:
    """Run the pipeline as configured; with ``orchestrate`` it runs as the Prefect flow.

    Configuration errors are raised (ConfigError) before anything starts."""
    check_config(settings)
    if orchestrate:
        from flows.pipeline import run_flow  # Prefect only on this path

        return run_flow(settings, runner=runner, dask_address=dask_address)
    from .report import build_report
    from .store import parse_paths

    scrape_summary = None
    if settings.sources:
        from .scrape.crawl import crawl

        scrape_summary = crawl(settings.sources, settings.raw_dir, settings=settings)
        inputs = [settings.raw_dir]
    else:
        inputs = [str(settings.samples_dir)]
    summary = parse_paths(inputs, settings.parsed_dir, time_budget=settings.parse_time_budget)
    report = build_report(Path(settings.parsed_dir))
    return PipelineResult(parse=summary, report=report, scrape=scrape_summary)
