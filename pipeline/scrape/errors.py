"""The scraper's small exception vocabulary (one place, like scrapy's ``exceptions.py``).

``ConfigError`` is the pipeline's own (:mod:`pipeline.errors`): one class for every bad setting,
sources file or rules file, so a caller catches one thing.
"""

from __future__ import annotations

from ..errors import ConfigError

__all__ = ["ScrapeError", "ConfigError"]


class ScrapeError(Exception):
    """Base of the scraper's own errors."""
