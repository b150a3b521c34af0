"""Accuracy floors: one file, one entry per gold corpus, each tied to its corpus hash.

``tests/accuracy_floors.json`` holds, for each corpus (``dev``, ``extra``, ``extra2``, ``seeds``,
``samples``, later ``real``), where its gold labels and texts are (paths relative to the repository
root, the folder above the floors file's ``tests/``), the sha256 over labels and texts when the
floors were recorded, and one floor per field. ``notices eval --check-floors`` fails below a floor
or when the corpus changed since; ``--record-floors`` raises floors, and lowers one only with
``--allow-lower``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .evaluate import EvalReport, corpus_hash

__all__ = ["FloorsError", "CorpusEntry", "repo_root", "load_floors", "corpus_entry", "find_corpus",
           "check_floors", "record_floors", "default_floors_file"]

FLOORS_NAME = Path("tests") / "accuracy_floors.json"
NOTE = ("Accuracy floors of `notices eval`, one entry per gold corpus; CI fails below them. Paths are relative "
        "to the repository root. Raise with --record-floors; lowering one needs --allow-lower.")


class FloorsError(ValueError):
    """A floors file that cannot be read, or a corpus it has no entry for."""


@dataclass(frozen=True)
class CorpusEntry:
    """One corpus of the floors file, its folders resolved against the repository root."""

    name: str
    gold: Path
    texts: Path | None
    corpus_sha256: str | None
    floors: dict[str, float]


def default_floors_file() -> Path:
    """``tests/accuracy_floors.json`` of the working folder, else of the checkout this package runs from."""
    here = Path.cwd() / FLOORS_NAME
    if here.exists():
        return here
    return Path(__file__).resolve().parent.parent / FLOORS_NAME


def repo_root(floors_file: str | Path) -> Path:
    """The repository root of a floors file: the nearest folder above it holding ``pyproject.toml``."""
    path = Path(floors_file).resolve()
    for folder in path.parents:
        if (folder / "pyproject.toml").exists():
            return folder
    return path.parent


def load_floors(floors_file: str | Path) -> dict[str, Any]:
    """The floors file's content (``{"corpora": {}}`` when it does not exist yet)."""
    path = Path(floors_file)
    if not path.exists():
        return {"note": NOTE, "corpora": {}}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise FloorsError(f"cannot read floors file {path}: {exc}") from exc
    if not isinstance(data.get("corpora"), dict):
        raise FloorsError(f"floors file {path} has no 'corpora' object (one entry per corpus)")
    return data


def corpus_entry(floors_file: str | Path, name: str) -> CorpusEntry:
    """The entry of corpus ``name``, its folders resolved against the repository root."""
    data = load_floors(floors_file)
    raw = data["corpora"].get(name)
    if raw is None:
        known = ", ".join(sorted(data["corpora"])) or "none"
        raise FloorsError(f"no floors for corpus {name!r} in {floors_file} (corpora: {known}); "
                          f"record them with --record-floors")
    if not isinstance(raw, dict) or not isinstance(raw.get("gold"), str):
        raise FloorsError(f"corpus {name!r} of {floors_file} names no gold folder ('gold')")
    root = repo_root(floors_file)
    texts = raw.get("texts")
    return CorpusEntry(name, (root / raw["gold"]).resolve(), (root / texts).resolve() if texts else None,
                       raw.get("corpus_sha256"), dict(raw.get("floors", {})))


def find_corpus(floors_file: str | Path, gold_dir: str | Path) -> str:
    """The corpus whose gold folder is ``gold_dir`` (or whose text folder is, for gold beside its texts,
    as ``../shared/corpus/dev`` ships), else the folder's name (``tests/gold/real`` -> ``real``)."""
    data = load_floors(floors_file)
    target = Path(gold_dir).resolve()
    names = sorted(data["corpora"])
    entries = [corpus_entry(floors_file, n) for n in names if isinstance(data["corpora"][n].get("gold"), str)]
    for entry in entries:
        if entry.gold == target:
            return entry.name
    for entry in entries:
        if entry.texts == target:
            return entry.name
    return target.name


def check_floors(report: EvalReport, floors_file: str | Path, name: str, gold_dir: str | Path,
                 texts: str | Path | None = None) -> list[str]:
    """Why the corpus ``name`` fails its floors (empty list: all hold)."""
    entry = corpus_entry(floors_file, name)
    problems: list[str] = []
    if entry.corpus_sha256 and entry.corpus_sha256 != corpus_hash(gold_dir, texts):
        problems.append(
            f"corpus {name!r} changed since its floors were recorded (labels or texts): re-record them with "
            f"`notices eval GOLD_DIR [--texts DIR] --record-floors FILE --corpus {name}` and review the diff"
        )
    scores = report.scores()
    for field_name, floor in entry.floors.items():
        if scores.get(field_name, 0.0) + 1e-9 < floor:
            problems.append(f"{name} {field_name}: {scores.get(field_name, 0.0):.3f} < floor {floor:.3f}")
    return problems


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to the repository root (``../shared/...`` for a folder beside it)."""
    return Path(os.path.relpath(path.resolve(), root)).as_posix()


def record_floors(report: EvalReport, floors_file: str | Path, name: str, gold_dir: str | Path,
                  texts: str | Path | None = None, *, allow_lower: bool = False) -> dict[str, float]:
    """Write the current scores as the floors of corpus ``name``; a floor only goes down with ``allow_lower``.

    The other corpora's entries are kept as they are.
    """
    path = Path(floors_file)
    if not path.parent.is_dir():
        raise FloorsError(f"no folder for the floors file {path}")
    data = load_floors(path)
    root = repo_root(path)
    old_floors: dict[str, float] = data["corpora"].get(name, {}).get("floors", {})
    new: dict[str, float] = {}
    for field_name, score in report.scores().items():
        value = round(score - 0.0005, 3)  # a hair below, so float noise never trips the gate
        if field_name in old_floors and value < old_floors[field_name] and not allow_lower:
            value = old_floors[field_name]
        new[field_name] = max(value, 0.0)
    data["note"] = NOTE
    data["corpora"][name] = {
        "gold": _relative(Path(gold_dir), root),
        "texts": _relative(Path(texts), root) if texts is not None else None,
        "files": report.files,
        "corpus_sha256": corpus_hash(gold_dir, texts),
        "floors": new,
    }
    data["corpora"] = dict(sorted(data["corpora"].items()))
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return new
