"""``notices run`` without orchestration: scrape (if sources are configured), parse, report.

The Prefect flow in ``flows/`` runs the same steps as tasks. This module is library code and never
imports the Prefect layer: the command line (``pipeline.cli``) chooses between this plain path and
``flows.notice_flow.run_flow``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import ConfigError
from .store import RunSummary

__all__ = ["run_pipeline", "PipelineResult"]

log = logging.getLogger(__name__)


@dataclass
class PipelineResult:
    """What a whole run produced."""

    parse: RunSummary
    report: dict[str, Path] = field(default_factory=dict)
    scrape: object | None = None


def run_pipeline(settings: Settings, progress: Callable[[str], None] | None = None) -> PipelineResult:
    """Run the pipeline as configured, as plain functions; ``progress`` is called once per parsed input."""
    from .report import build_report
    from .store import parse_paths

    scrape_summary = None
    if settings.sources:
        from .scrape.crawl import crawl

        scrape_summary = crawl(settings.sources, settings.raw_dir, settings=settings)
        inputs = [settings.raw_dir]
    else:
        samples = Path(settings.samples_dir)
        if not samples.is_dir():
            raise ConfigError(
                f"no sources configured and no sample folder {samples} (run from the project folder, or set sources)"
            )
        inputs = [str(samples)]
    summary = parse_paths(inputs, settings.parsed_dir, progress=progress)
    report = build_report(Path(settings.parsed_dir))
    return PipelineResult(parse=summary, report=report, scrape=scrape_summary)
