"""Accuracy against gold labels (SPEC.md "Gold files"), and the floors CI holds.

Each ``*.txt`` in the gold folder is parsed like any input and compared with the ``*.json`` beside
it. Scalars (province, city, title, publisher, published, downtime start/end, domain) score exact
matches (titles and names compared without blanks and punctuation, after the same normalization the
pipeline applies); sets (datetimes, services_suspended, phones) score micro precision/recall/F1.
A gold file without a key (e.g. ``domain``) does not count for that field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Rejected
from .normalize import compact, normalize_text
from .parse import parse_document
from .records import Notice, RawDocument, TimeWindow

__all__ = ["evaluate", "parse_to_gold", "EvalReport", "notice_to_gold", "corpus_hash", "check_floors", "SCALARS", "SETS"]

SCALARS = ("province", "city", "title", "publisher", "published", "downtime_start", "downtime_end", "domain")
SETS = ("datetimes", "services_suspended", "phones")


def _fmt(value: Any, precision: str | None) -> str | None:
    if value is None:
        return None
    if precision in ("hour", "minute"):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.strftime("%Y-%m-%d")


def _downtime(windows: list[TimeWindow]) -> TimeWindow | None:
    return next((w for w in windows if w.kind == "downtime"), None)


def notice_to_gold(n: Notice) -> dict[str, Any]:
    """A parsed notice in the gold format (SPEC: how gold maps onto the tables)."""
    down = _downtime(n.windows)
    datetimes: set[str] = set()
    for w in n.windows:
        if w.kind == "downtime":
            continue
        for value, prec in ((w.start, w.start_precision), (w.end, w.end_precision)):
            text = _fmt(value, prec)
            if text:
                datetimes.add(text)
    return {
        "province": n.province,
        "city": n.city,
        "title": n.title,
        "publisher": n.publisher,
        "published": n.published_at.strftime("%Y-%m-%d") if n.published_at else None,
        "downtime_start": _fmt(down.start, down.start_precision) if down else None,
        "downtime_end": _fmt(down.end, down.end_precision) if down else None,
        "domain": n.domain,
        "datetimes": sorted(datetimes),
        "services_suspended": sorted({s.service for s in n.services if s.action == "suspended"}),
        "phones": sorted({c.phone for c in n.contacts}),
    }


def _gold_fields(gold: dict[str, Any]) -> dict[str, Any]:
    down = gold.get("downtime") or {}
    out = {k: gold.get(k) for k in ("province", "city", "title", "publisher", "published")}
    out["downtime_start"] = down.get("start")
    out["downtime_end"] = down.get("end")
    if "domain" in gold:
        out["domain"] = gold["domain"]
    for k in SETS:
        out[k] = sorted(set(gold.get(k) or []))
    return out


def _same(field_name: str, ours: Any, gold: Any) -> bool:
    if field_name in ("title", "publisher", "province", "city"):
        return compact(ours) == compact(gold)
    return ours == gold


@dataclass
class EvalReport:
    """Per-field scores and per-notice misses."""

    scalars: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (right, total)
    sets: dict[str, list[int]] = field(default_factory=dict)  # field -> [tp, fp, fn]
    misses: dict[str, list[str]] = field(default_factory=dict)  # notice -> lines
    errors: dict[str, str] = field(default_factory=dict)
    files: int = 0

    def scores(self) -> dict[str, float]:
        """Accuracy for scalars, F1 for sets; a scalar no gold file states has no score."""
        out: dict[str, float] = {}
        for k, (right, total) in self.scalars.items():
            if total:
                out[k] = right / total
        for k, (tp, fp, fn) in self.sets.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            out[k] = 2 * p * r / (p + r) if p + r else 0.0
        return out

    def prf(self, name: str) -> tuple[float, float, float]:
        """Precision, recall, F1 of a set field."""
        tp, fp, fn = self.sets[name]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def corpus_hash(gold_dir: Path) -> str:
    """sha256 over the gold folder's ``.txt`` and ``.json`` files (names and bytes)."""
    h = hashlib.sha256()
    for path in sorted(gold_dir.glob("*")):
        if path.suffix in (".txt", ".json"):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def parse_to_gold(path: Path) -> dict[str, Any]:
    """This project's parser, as a gold-format predictor (the default of :func:`evaluate`)."""
    notice = parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path)))
    return notice_to_gold(notice)


def evaluate(gold_dir: str | Path, predict: Callable[[Path], dict[str, Any]] = parse_to_gold) -> EvalReport:
    """Run ``predict`` on every ``*.txt`` of ``gold_dir`` and score it against its ``*.json``.

    ``predict`` returns the gold format (see :func:`notice_to_gold`); the benchmark passes other
    extractors here so that every tool is scored by the same code.
    """
    gold_dir = Path(gold_dir)
    report = EvalReport(
        scalars={k: (0, 0) for k in SCALARS}, sets={k: [0, 0, 0] for k in SETS}
    )
    for txt in sorted(gold_dir.glob("*.txt")):
        gold_path = txt.with_suffix(".json")
        if not gold_path.exists():
            continue
        gold = _gold_fields(json.loads(gold_path.read_text(encoding="utf-8")))
        report.files += 1
        name = txt.stem
        try:
            ours = predict(txt)
        except Rejected as exc:
            report.errors[name] = f"{exc.stage}/{exc.reason}: {exc.detail}"
            ours = {k: None for k in SCALARS} | {k: [] for k in SETS}
        lines: list[str] = []
        for k in SCALARS:
            if k not in gold:
                continue
            right, total = report.scalars[k]
            ok = _same(k, ours.get(k), gold[k])
            report.scalars[k] = (right + ok, total + 1)
            if not ok:
                lines.append(f"{k}: got {ours.get(k)!r}, want {gold[k]!r}")
        for k in SETS:
            g = {normalize_text(x) for x in gold[k]}
            o = set(ours.get(k) or [])
            tp, fp, fn = len(g & o), len(o - g), len(g - o)
            acc = report.sets[k]
            acc[0] += tp
            acc[1] += fp
            acc[2] += fn
            if fp or fn:
                lines.append(f"{k}: missing {sorted(g - o)}; extra {sorted(o - g)}")
        if lines:
            report.misses[name] = lines
    return report


def check_floors(report: EvalReport, floors_path: str | Path, gold_dir: str | Path) -> list[str]:
    """Fields whose score is below the floor recorded in ``floors_path`` (empty list: all hold)."""
    data = json.loads(Path(floors_path).read_text(encoding="utf-8"))
    problems: list[str] = []
    recorded = data.get("corpus_sha256")
    if recorded and recorded != corpus_hash(Path(gold_dir)):
        problems.append(
            "the gold corpus changed since the floors were recorded: re-record them with "
            "`notices eval GOLD_DIR --record-floors FILE` and review the diff"
        )
    scores = report.scores()
    for name, floor in data.get("floors", {}).items():
        if scores.get(name, 0.0) + 1e-9 < floor:
            problems.append(f"{name}: {scores.get(name, 0.0):.3f} < floor {floor:.3f}")
    return problems


def record_floors(report: EvalReport, floors_path: str | Path, gold_dir: str | Path, *, allow_lower: bool = False) -> dict[str, float]:
    """Write the current scores as floors; a floor only goes down with ``allow_lower``."""
    path = Path(floors_path)
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    old_floors: dict[str, float] = old.get("floors", {})
    new: dict[str, float] = {}
    for name, score in report.scores().items():
        value = round(score - 0.0005, 3)  # a hair below, so float noise never trips the gate
        if name in old_floors and value < old_floors[name] and not allow_lower:
            value = old_floors[name]
        new[name] = max(value, 0.0)
    payload = {
        "note": "Accuracy floors for `notices eval` on the gold corpus; CI fails below them. "
        "Raise with --record-floors; lowering needs --allow-lower.",
        "corpus": str(gold_dir),
        "corpus_sha256": corpus_hash(Path(gold_dir)),
        "floors": new,
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return new
