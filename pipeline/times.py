"""Temporal extraction (placeholder until the times issue lands)."""

from __future__ import annotations

import datetime as dt

from .records import TimeWindow

__all__ = ["extract_windows"]


def extract_windows(text: str, published: dt.datetime | None = None, *, outage: bool = True, skip: object = ()) -> list[TimeWindow]:
    """Every time expression of ``text`` as a window, plus the headline downtime when ``outage``."""
    return []
