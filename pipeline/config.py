"""Settings: defaults here (one flat place, units in comments) < project file < CLI flags.

The project file is ``notices.yaml`` in the working folder (or the path in ``$NOTICES_CONFIG``);
every key is optional and unknown keys are an error naming the key.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

__all__ = ["Settings", "load_settings", "check_setting", "one_line"]


@dataclass(frozen=True)
class Settings:
    """Every setting of the pipeline, with its default."""

    sources: str | None = None  # path of the sources file (YAML); None: parse the bundled samples
    samples_dir: str = "raw/samples"  # bundled sample notices, parsed when no sources are configured
    raw_dir: str = "raw/store"  # where the scraper keeps raw pages and its fetch log
    parsed_dir: str = "parsed"  # where the tables and the report are written
    parts_dir: str | None = None  # where Prefect parse tasks write part files (None: beside Prefect's results)
    schedule_cron: str = "0 6 * * *"  # when `notices serve` runs the pipeline (cron, in `timezone`)
    timezone: str = "Asia/Shanghai"  # time zone of the schedule
    parse_batch_size: int = 200  # documents per Prefect parse task (orchestration cost per task ~15 ms)
    parse_time_budget: float = 10.0  # CPU seconds one document may take to parse; past it: reject too_slow
    request_timeout: float = 20.0  # seconds per HTTP request
    delay: float = 1.0  # seconds between requests to one host
    max_pages: int = 50  # list pages per source and run


# Ranges of the numeric settings: (lowest, lowest allowed itself, highest). Seconds stop at a day
# (time.sleep overflows on larger values); NaN and infinities are never allowed.
_DAY = 86400.0
_RANGES: dict[str, tuple[float, bool, float]] = {
    "parse_batch_size": (1, True, math.inf),
    "max_pages": (0, True, math.inf),
    "request_timeout": (0.0, False, _DAY),  # 0 would fail every request
    "delay": (0.0, True, _DAY),
    "parse_time_budget": (0.0, True, _DAY),
}


_OPTIONAL_PATHS = ("sources", "parts_dir")  # path settings that may be unset


def check_setting(key: str, value: Any, where: str) -> Any:
    """``value`` if it is right for setting ``key`` (type and range), else ConfigError naming the key."""
    default = getattr(Settings, key)
    if key in _OPTIONAL_PATHS and value is None:
        return value
    if isinstance(default, str) or key in _OPTIONAL_PATHS:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: setting {key!r} must be a non-empty string (a path or a name), got {value!r}")
        return value
    low, inclusive, high = _RANGES[key]
    kind = "a whole number" if isinstance(default, int) else "a number"
    numeric = int if isinstance(default, int) else (int, float)
    if isinstance(value, bool) or not isinstance(value, numeric) or not math.isfinite(value):
        raise ConfigError(f"{where}: setting {key!r} must be {kind}, got {value!r}")
    if value < low or (value == low and not inclusive) or value > high:
        bound = f"{'>=' if inclusive else '>'} {low:g}" + (f" and <= {high:g}" if math.isfinite(high) else "")
        raise ConfigError(f"{where}: setting {key!r} must be {bound}, got {value!r}")
    return float(value) if isinstance(default, float) else value


def one_line(message: object) -> str:
    """A message on one line (YAML errors span several, with a caret under the column)."""
    return " ".join(str(message).split())


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the project file (if any), then ``overrides`` that are not None.

    Every value is checked against its setting's type and range; any problem is a ConfigError
    naming the file and the key."""
    settings = Settings()
    path = path or os.environ.get("NOTICES_CONFIG") or ("notices.yaml" if Path("notices.yaml").exists() else None)
    known = {f.name: f for f in fields(Settings)}
    if path:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except UnicodeDecodeError as exc:
            raise ConfigError(f"cannot read config {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read config {path}: {one_line(exc)}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping of settings")
        for key in data:
            if not isinstance(key, str) or key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        settings = replace(settings, **{k: check_setting(k, v, str(path)) for k, v in data.items()})
    clean = {k: v for k, v in overrides.items() if v is not None}
    for key in clean:
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
    return replace(settings, **{k: check_setting(k, v, "command line") for k, v in clean.items()})
