"""Place resolution (placeholder until the divisions table lands)."""

from __future__ import annotations

from .records import Place

__all__ = ["locate"]


def locate(text: str, *, title: str | None = None, publisher: str | None = None) -> Place:
    """Province, city, adcode and area code of a notice from its own words."""
    return Place()
