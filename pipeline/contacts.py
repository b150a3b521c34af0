"""Phone-number extraction (placeholder until the contacts issue lands)."""

from __future__ import annotations

from .records import Contact

__all__ = ["extract_contacts"]


def extract_contacts(text: str, area_code: str | None = None) -> list[Contact]:
    """Every phone number in ``text``, normalized, with the body it belongs to."""
    return []
