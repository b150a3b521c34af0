"""Accuracy against gold labels (SPEC.md "Gold files").

Each gold label ``<id>.json`` is joined with the text of the same id: ``<id>.txt`` (or an HTML page
``<id>.html``, ``<id>.<encoding>.html``) beside it, or in a separate text folder, so labels we wrote
can live in the project while the texts published by others stay outside it (``../shared``). The
text is parsed like any input and compared with its label. Scalars (province, city, title,
publisher, published, downtime start/end, domain) score exact matches (titles and names compared
without blanks and punctuation, after the same normalization the pipeline applies); sets
(datetimes, services_suspended, phones) score micro precision/recall/F1.
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

__all__ = ["evaluate", "parse_to_gold", "EvalReport", "notice_to_gold", "corpus_hash", "gold_pairs", "GoldPair",
           "GoldError", "SCALARS", "SETS", "TEXT_SUFFIXES"]

SCALARS = ("province", "city", "title", "publisher", "published", "downtime_start", "downtime_end", "domain",
           "is_outage_notice")
SETS = ("datetimes", "services_suspended", "phones")
TEXT_SUFFIXES = (".txt", ".html", ".htm")  # what a gold label's text can be, as `notices parse` reads


class GoldError(ValueError):
    """A gold folder that cannot be scored: missing, empty, or a label whose text is not found."""


@dataclass(frozen=True)
class GoldPair:
    """One gold label and the text it labels."""

    id: str
    gold: Path
    text: Path


def _texts_by_id(folder: Path) -> dict[str, list[Path]]:
    """Text files of ``folder`` by id: the name before the first dot (``a-2021.gbk.html`` is ``a-2021``)."""
    out: dict[str, list[Path]] = {}
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            out.setdefault(path.name.split(".", 1)[0], []).append(path)
    return out


HALVES = ("tune", "check")


def half_of(notice_id: str) -> str:
    """The half of a labeled corpus an id belongs to, fixed once by a hash of the id.

    Rules are fixed from what the ``tune`` half shows; the ``check`` half is only scored, so the gap
    between the two is how much the rules still fit cases (tests/gold/real/README.md).
    """
    return HALVES[int(hashlib.sha256(notice_id.encode("utf-8")).hexdigest(), 16) % 2]


def gold_pairs(gold_dir: str | Path, texts: str | Path | None = None, half: str | None = None) -> list[GoldPair]:
    """Every ``*.json`` of ``gold_dir`` with its text, from ``texts`` or else beside it.

    ``half`` (``tune`` or ``check``) keeps only the labels of that half (:func:`half_of`).

    A text of the same id: ``<id>.txt`` first, else the one HTML page of that id. Raises
    :class:`GoldError` naming the folder when it is missing or holds no label, and naming the ids
    whose text is not found (or ambiguous), so no label is silently left out of a score.
    """
    gold_dir = Path(gold_dir)
    text_dir = Path(texts) if texts is not None else gold_dir
    if not gold_dir.is_dir():
        raise GoldError(f"gold folder not found: {gold_dir}")
    if not text_dir.is_dir():
        raise GoldError(f"text folder not found: {text_dir}")
    labels = sorted(gold_dir.glob("*.json"))
    if not labels:
        raise GoldError(f"no gold labels (*.json) in {gold_dir}")
    if half is not None:
        if half not in HALVES:
            raise GoldError(f"unknown half {half!r} (expected one of {', '.join(HALVES)})")
        labels = [label for label in labels if half_of(label.stem) == half]
    by_id = _texts_by_id(text_dir)
    pairs: list[GoldPair] = []
    missing: list[str] = []
    for label in labels:
        found = sorted(by_id.get(label.stem, []))
        plain = [p for p in found if p.name == f"{label.stem}.txt"]
        if plain or len(found) == 1:
            pairs.append(GoldPair(label.stem, label, (plain or found)[0]))
        else:
            missing.append(label.stem if not found else f"{label.stem} (ambiguous: {', '.join(p.name for p in found)})")
    if missing:
        hint = "" if texts is not None else " (give the folder of their texts with --texts)"
        raise GoldError(f"no text in {text_dir} for gold {', '.join(missing)}{hint}")
    return pairs


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
        "is_outage_notice": n.is_outage_notice,
        "datetimes": sorted(datetimes),
        "services_suspended": sorted({s.service for s in n.services if s.action == "suspended"}),
        "phones": sorted({c.phone for c in n.contacts}),
    }


def _gold_fields(gold: dict[str, Any]) -> dict[str, Any]:
    down = gold.get("downtime") or {}
    out = {k: gold.get(k) for k in ("province", "city", "title", "publisher", "published")}
    out["downtime_start"] = down.get("start")
    out["downtime_end"] = down.get("end")
    for optional in ("domain", "is_outage_notice"):  # scored only where the label states them
        if optional in gold:
            out[optional] = gold[optional]
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
    per_code: dict[str, list[int]] = field(default_factory=dict)  # service code -> [tp, fp, fn] of services_suspended

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
        return _prf(*self.sets[name])

    def code_prf(self, code: str) -> tuple[float, float, float]:
        """Precision, recall, F1 of one service code in ``services_suspended`` (counted once per notice)."""
        return _prf(*self.per_code[code])


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def corpus_hash(gold_dir: str | Path, texts: str | Path | None = None) -> str:
    """sha256 over every gold label and its text (names and bytes), wherever the texts live."""
    h = hashlib.sha256()
    for pair in gold_pairs(gold_dir, texts):
        for path in (pair.gold, pair.text):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def parse_to_gold(path: Path) -> dict[str, Any]:
    """This project's parser, as a gold-format predictor (the default of :func:`evaluate`)."""
    notice = parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path)))
    return notice_to_gold(notice)


def _count_codes(per_code: dict[str, list[int]], gold: set[str], ours: set[str]) -> None:
    """Add one notice's services to the per-code [tp, fp, fn] counts."""
    for code in gold | ours:
        acc = per_code.setdefault(code, [0, 0, 0])
        acc[0 if code in gold and code in ours else 1 if code in ours else 2] += 1


def evaluate(gold_dir: str | Path, predict: Callable[[Path], dict[str, Any]] = parse_to_gold,
             texts: str | Path | None = None, half: str | None = None) -> EvalReport:
    """Run ``predict`` on the text of every gold label of ``gold_dir`` and score it.

    Texts come from ``texts`` when given, else from beside the labels (:func:`gold_pairs`, which
    raises :class:`GoldError` for a missing folder or text). ``predict`` returns the gold format
    (see :func:`notice_to_gold`); the benchmark passes other extractors here so that every tool is
    scored by the same code.
    """
    pairs = gold_pairs(gold_dir, texts, half)
    report = EvalReport(
        scalars={k: (0, 0) for k in SCALARS}, sets={k: [0, 0, 0] for k in SETS}
    )
    for pair in pairs:
        txt, gold_path = pair.text, pair.gold
        gold = _gold_fields(json.loads(gold_path.read_text(encoding="utf-8")))
        report.files += 1
        name = pair.id
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
            if k == "services_suspended":
                _count_codes(report.per_code, g, o)
        if lines:
            report.misses[name] = lines
    return report
