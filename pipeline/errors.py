"""The pipeline's small exception vocabulary.

Extractors never raise on odd text; these are for whole documents that cannot go on, and carry the
stable reason code written to ``rejects.parquet``.
"""

from __future__ import annotations

__all__ = ["Rejected", "ConfigError"]


class Rejected(Exception):
    """A document dropped at ``stage`` for ``reason`` (a short stable code), with a human detail."""

    def __init__(self, stage: str, reason: str, detail: str) -> None:
        super().__init__(f"{stage}/{reason}: {detail}")
        self.stage = stage
        self.reason = reason
        self.detail = detail


class ConfigError(ValueError):
    """A settings, sources or rules file is wrong; the message names the file and the key."""
