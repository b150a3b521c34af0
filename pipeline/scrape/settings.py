"""Crawl settings: every default in one flat place, with its unit.

Layering (STYLE.md): the defaults below < the ``settings:`` block of the sources file < CLI
flags. Some keys may also be set per source (``PER_SOURCE_KEYS``); a CLI flag still wins over
those, so ``--delay 0`` really means no delay anywhere.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from .errors import ConfigError

__all__ = ["CrawlSettings", "DEFAULT_KEYWORDS", "PER_SOURCE_KEYS", "package_version"]

# Title words that mark a list item as a possible outage notice (any one suffices).
DEFAULT_KEYWORDS: tuple[str, ...] = ("停机", "切换", "升级", "暂停", "系统")

# Where the User-Agent points people who want to know who is crawling them.
DEFAULT_CONTACT_URL = "https://notice-pipeline.invalid/about-the-crawler"


def package_version() -> str:
    """Installed version of notice-pipeline (``0.0.0`` when run from a bare checkout)."""
    from importlib import metadata

    try:
        return metadata.version("notice-pipeline")
    except metadata.PackageNotFoundError:
        return "0.0.0"


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    """How politely and how far to crawl. Field defaults are the project defaults."""

    # --- identity -------------------------------------------------------------------------
    contact_url: str = DEFAULT_CONTACT_URL  # goes into the User-Agent after '+'
    user_agent: str = ""  # "" = notice-pipeline/<version> (+<contact_url>)

    # --- politeness -----------------------------------------------------------------------
    delay: float = 1.0  # seconds between two requests to the same host (start to start)
    max_crawl_delay: float = 30.0  # seconds; cap on a robots.txt Crawl-delay we agree to honour
    per_host_concurrency: int = 1  # requests in flight per host at once
    concurrency: int = 4  # sources crawled in parallel (threads); hosts stay polite anyway
    retries: int = 3  # extra attempts after a 408/429/5xx/timeout (403 only with Retry-After)
    backoff: float = 1.0  # seconds before the first retry; doubles each attempt
    max_backoff: float = 30.0  # seconds; cap on one backoff sleep
    max_retry_after: float = 120.0  # seconds; a longer Retry-After ends the retries instead

    # --- limits ---------------------------------------------------------------------------
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds of silence allowed while reading
    total_timeout: float = 60.0  # seconds for one URL: connect, headers, body, redirects, retries and their pauses
    max_redirects: int = 5  # hops followed per request
    max_bytes: int = 20 * 1024 * 1024  # bytes of DECODED body kept; past it: too_large
    max_pages: int = 10  # list pages (or Hanweb data requests) per source
    max_details: int = 200  # detail pages per source and run
    max_attachments: int = 20  # attachments per detail page

    # --- what to follow -------------------------------------------------------------------
    keywords: tuple[str, ...] = DEFAULT_KEYWORDS  # title words; empty = every item
    attachments: bool = True  # fetch attachments linked from detail pages
    pdf_text: bool = True  # extract the text of text PDFs (needs pypdf)

    # --- environment ----------------------------------------------------------------------
    trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY from the environment

    # --- fetch log ------------------------------------------------------------------------
    log_batch_rows: int = 20  # rows buffered before a log part file is written
    log_batch_seconds: float = 5.0  # seconds; a part is also written when this old

    def ua(self) -> str:
        """The User-Agent header: explicit, else ``notice-pipeline/<version> (+<contact_url>)``."""
        return self.user_agent or f"notice-pipeline/{package_version()} (+{self.contact_url})"

    @classmethod
    def from_project(cls, project: "ProjectSettings") -> "CrawlSettings":
        """The crawl-related keys of the project settings (``pipeline.config.Settings``:
        ``delay``, ``max_pages``, ``request_timeout``) over the defaults."""
        values: dict[str, Any] = {}
        for ours, theirs in (("delay", "delay"), ("max_pages", "max_pages"), ("read_timeout", "request_timeout")):
            value = getattr(project, theirs, None)
            if value is not None:
                values[ours] = value
        return cls().merged(values, where="project settings")

    def merged(self, overrides: Mapping[str, Any], where: str = "settings") -> "CrawlSettings":
        """A copy with ``overrides`` applied; unknown keys and bad values raise ``ConfigError``."""
        if not overrides:
            return self
        clean = {key: check_value(key, value, where) for key, value in overrides.items()}
        return dataclasses.replace(self, **clean)


class ProjectSettings(Protocol):
    """What ``from_project`` reads from the project's settings object (any attribute may lack).

    Read-only properties, so that a frozen settings dataclass conforms."""

    @property
    def delay(self) -> float: ...

    @property
    def max_pages(self) -> int: ...


_FIELDS: dict[str, Any] = {f.name: f for f in dataclasses.fields(CrawlSettings)}

# Keys a single source may override (the rest are crawler-wide).
PER_SOURCE_KEYS = frozenset(
    {"delay", "max_pages", "max_details", "max_attachments", "keywords", "attachments",
     "pdf_text", "retries", "max_bytes", "total_timeout", "read_timeout"}
)


# Counts where 0 would stall the crawl rather than mean "none".
_AT_LEAST_ONE = frozenset({"per_host_concurrency", "concurrency", "log_batch_rows", "max_bytes"})
# Durations where 0 would fail every request rather than mean "none".
_POSITIVE_SECONDS = frozenset({"connect_timeout", "read_timeout", "total_timeout"})
# Longest duration accepted, in seconds (a day; time.sleep overflows on huge values).
MAX_SECONDS = 86400.0


def check_value(key: str, value: Any, where: str) -> Any:
    """Validate one setting against the field's type; return it in its canonical form."""
    fld = _FIELDS.get(key)
    if fld is None:
        known = ", ".join(sorted(_FIELDS))
        raise ConfigError(f"{where}: unknown key {key!r} (known: {known})")
    default = fld.default
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key!r} must be true or false, got {value!r}")
        return value
    if isinstance(default, int):
        low = 1 if key in _AT_LEAST_ONE else 0
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ConfigError(f"{where}: {key!r} must be a whole number >= {low}, got {value!r}")
        return value
    if isinstance(default, float):
        # NaN passes every comparison (delay .nan silently removed the delay), inf overflows sleep
        positive = key in _POSITIVE_SECONDS
        if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                or value < 0 or (positive and value == 0) or value > MAX_SECONDS):
            raise ConfigError(f"{where}: {key!r} must be a number of seconds {'>' if positive else '>='} 0 "
                              f"and <= {MAX_SECONDS:g}, got {value!r}")
        return float(value)
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings, got {value!r}")
        return tuple(value)
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key!r} must be a string, got {value!r}")
    return value
