"""Service extraction (placeholder until the services issue lands)."""

from __future__ import annotations

from .records import ServiceFact, TimeWindow

__all__ = ["extract_services", "attach_services"]


def extract_services(text: str, windows: list[TimeWindow]) -> list[ServiceFact]:
    """One fact per (service, action) the notice states."""
    return []


def attach_services(windows: list[TimeWindow], facts: list[ServiceFact]) -> None:
    """Fill ``TimeWindow.services`` with the codes each window applies to."""
