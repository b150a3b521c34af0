"""Loading of the rule and dictionary files in ``pipeline/rules/`` (loaded once, cached).

Every YAML file there has a top-level ``meta`` mapping with ``source`` (where the data came from)
and ``fields`` (what its keys mean); every CSV file opens with ``#`` comment lines saying the same.
``tests/test_rules_files.py`` checks all of them.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["rules_dir", "load_yaml", "load_csv", "RulesError"]


class RulesError(ValueError):
    """A rules file is missing, malformed or lacks its provenance header."""


def rules_dir() -> Path:
    """Folder holding the packaged rule files."""
    return Path(str(resources.files("pipeline") / "rules"))


@functools.cache
def load_yaml(name: str) -> dict[str, Any]:
    """Parse ``rules/<name>`` (YAML) once; it must carry ``meta.source`` and ``meta.fields``."""
    path = rules_dir() / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"cannot load rules file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{path}: top level must be a mapping")
    meta = data.get("meta")
    if not isinstance(meta, dict) or not meta.get("source") or not meta.get("fields"):
        raise RulesError(f"{path}: needs a 'meta' mapping with 'source' and 'fields'")
    return data


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``rules/<name>`` (CSV after its ``#`` provenance lines) as dicts, read once."""
    path = rules_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"cannot load rules file {path}: {exc}") from exc
    lines = text.splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    if not any("source" in ln.lower() for ln in header):
        raise RulesError(f"{path}: needs '#' header lines naming its source")
    body = "\n".join(ln for ln in lines if not ln.startswith("#"))
    return tuple(dict(row) for row in csv.DictReader(io.StringIO(body)))
