"""Is a page a service-outage notice, and which domain is it about (rules/classify.yaml)."""

from __future__ import annotations

import functools
import re
from typing import Any

from .ruledata import load_yaml

__all__ = ["classify"]

_TITLE_WEIGHT = 3


@functools.cache
def _rules() -> dict[str, Any]:
    data = load_yaml("classify.yaml")
    out = data["outage"]
    domains = {
        code: (re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True)))), cues)
        for code, cues in data["domains"].items()
    }
    return {
        "stop": re.compile("|".join(map(re.escape, out["stop"]))),
        "system": re.compile("|".join(map(re.escape, out["system"]))),
        "min_score": out["min_score"],
        "domains": domains,
        "domain_min": data["domain_min_score"],
    }


def _score(pattern: re.Pattern[str], text: str, title: str) -> int:
    return len(pattern.findall(text)) + _TITLE_WEIGHT * len(pattern.findall(title))


def classify(body: str, title: str | None = None, *, has_times: bool = True) -> tuple[bool, str]:
    """``(is_outage_notice, domain)`` from cue words in the title and body."""
    r = _rules()
    title = title or ""
    stops = _score(r["stop"], body, title)
    systems = _score(r["system"], body, title)
    is_outage = stops >= r["min_score"] and systems >= 1 and has_times
    best, best_score = "other", 0
    for code, (pattern, weights) in r["domains"].items():
        total = sum(weights[m] for m in pattern.findall(body)) + _TITLE_WEIGHT * sum(
            weights[m] for m in pattern.findall(title)
        )
        if total > best_score:
            best, best_score = code, total
    if best_score < r["domain_min"]:
        best = "other"
    return is_outage, best
