"""The scraper's small exception vocabulary (one place, like scrapy's ``exceptions.py``)."""

from __future__ import annotations

__all__ = ["ScrapeError", "ConfigError"]


class ScrapeError(Exception):
    """Base of the scraper's own errors."""


class ConfigError(ScrapeError, ValueError):
    """The sources file or a setting is wrong; the message names the key and the entry."""
