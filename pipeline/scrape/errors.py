"""The scraper's small exception vocabulary (one place, like scrapy's ``exceptions.py``)."""

from __future__ import annotations

from ..errors import ConfigError as _PipelineConfigError

__all__ = ["ScrapeError", "ConfigError"]


class ScrapeError(Exception):
    """Base of the scraper's own errors."""


class ConfigError(ScrapeError, _PipelineConfigError):
    """The sources file or a setting is wrong; the message names the key and the entry.

    A kind of ``pipeline.errors.ConfigError``, so that whoever catches the pipeline's (the ``notices``
    command: one line, exit 2) catches the scraper's too."""
