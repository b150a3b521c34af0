"""Loading of the rule and dictionary files in ``pipeline/rules/`` (loaded once, cached).

Every YAML file there has a top-level ``meta`` mapping with ``source`` (where the data came from)
and ``fields`` (what its keys mean); every CSV file opens with ``#`` comment lines saying the same.
``tests/test_rules_files.py`` checks all of them.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["rules_dir", "load_yaml", "load_csv", "RulesError", "ServiceCode", "service_taxonomy", "service_codes",
           "service_headings"]


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


@dataclass(frozen=True, slots=True)
class ServiceCode:
    """One code of the service taxonomy (``codes`` of ``rules/services.yaml``)."""

    code: str  # inpatient
    heading: str  # 住院: the short Chinese name the report heads its column with
    label: str  # what the code covers


_CODE_KEYS = {"label", "heading", "words", "patterns"}


@functools.cache
def service_taxonomy() -> tuple[ServiceCode, ...]:
    """The service taxonomy, in the order of ``codes`` in ``rules/services.yaml`` (the one place it is
    written): the extractor's codes and row order, the report's columns, the tests' allowed codes."""
    codes = load_yaml("services.yaml").get("codes")
    where = f"{rules_dir() / 'services.yaml'}: codes"
    if not isinstance(codes, dict) or not codes:
        raise RulesError(f"{where}: must be a mapping of taxonomy code -> entry")
    out = []
    for code, entry in codes.items():
        if not isinstance(code, str) or not code.isidentifier() or not code.islower():
            raise RulesError(f"{where}: code {code!r} must be a lower-case identifier (inpatient, cross_region)")
        if not isinstance(entry, dict):
            raise RulesError(f"{where}.{code}: must be a mapping with {', '.join(sorted(_CODE_KEYS))}")
        unknown = sorted(set(entry) - _CODE_KEYS)
        if unknown:
            raise RulesError(f"{where}.{code}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_CODE_KEYS))})")
        for key in ("label", "heading"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise RulesError(f"{where}.{code}: needs a non-empty string {key!r}")
        out.append(ServiceCode(code, entry["heading"].strip(), entry["label"].strip()))
    return tuple(out)


def service_codes() -> tuple[str, ...]:
    """The taxonomy's codes in order (:func:`service_taxonomy`)."""
    return tuple(s.code for s in service_taxonomy())


def service_headings() -> dict[str, str]:
    """Code -> its short Chinese heading (:func:`service_taxonomy`)."""
    return {s.code: s.heading for s in service_taxonomy()}
