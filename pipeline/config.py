"""Settings: defaults here (one flat place, units in comments) < project file < CLI flags.

The project file is ``notices.yaml`` in the working folder (or the path in ``$NOTICES_CONFIG``);
every key is optional and unknown keys are an error naming the key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    """Every setting of the pipeline, with its default."""

    sources: str | None = None  # path of the sources file (YAML); None: parse the bundled samples
    samples_dir: str = "raw/samples"  # bundled sample notices, parsed when no sources are configured
    raw_dir: str = "raw/store"  # where the scraper keeps raw pages and its fetch log
    parsed_dir: str = "parsed"  # where the tables and the report are written
    schedule_cron: str = "0 6 * * *"  # when `notices serve` runs the pipeline (cron, in `timezone`)
    timezone: str = "Asia/Shanghai"  # time zone of the schedule
    parse_batch_size: int = 200  # documents per Prefect parse task (orchestration cost per task ~15 ms)
    parse_time_budget: float = 10.0  # CPU seconds one document may take to parse; past it: reject too_slow
    request_timeout: float = 20.0  # seconds per HTTP request
    delay: float = 1.0  # seconds between requests to one host
    max_pages: int = 50  # list pages per source and run


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the project file (if any), then ``overrides`` that are not None."""
    settings = Settings()
    path = path or os.environ.get("NOTICES_CONFIG") or ("notices.yaml" if Path("notices.yaml").exists() else None)
    known = {f.name: f for f in fields(Settings)}
    if path:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping of settings")
        for key, value in data.items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
            expected = type(getattr(settings, key)) if getattr(settings, key) is not None else str
            if value is not None and expected in (int, float) and not isinstance(value, (int, float)):
                raise ConfigError(f"{path}: setting {key!r} must be a number, got {value!r}")
        settings = replace(settings, **data)
    clean = {k: v for k, v in overrides.items() if v is not None}
    for key in clean:
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
    return replace(settings, **clean)
