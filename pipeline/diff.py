"""What changed between two parsed folders (``notices diff OLD NEW``): a regression check after a
rule change.

Notices are matched by their page: the URL, else the input path (``source_path``), else the
``notice_id``. The id itself is no good key across a rule change: it hashes the normalized text,
so a change of normalization would show every notice as removed and added again. For each notice
on both sides the diff lists the notice fields that changed (``notice_id`` and ``parser_version``
aside: they change with every release) and the rows of ``windows``, ``services`` and ``contacts``
that only one side has (rows are compared whole, without ``notice_id`` and the positional
``window_id``). Rejects are compared by (source, stage, reason).
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["FolderDiff", "NoticeDiff", "RowChange", "diff_folders", "render_text", "DETAIL_TABLES"]

DETAIL_TABLES = ("windows", "services", "contacts")
_IGNORED = {"notices": {"notice_id", "parser_version"}, "windows": {"notice_id", "window_id"},
            "services": {"notice_id"}, "contacts": {"notice_id"}}
_SHOW = 80  # characters of a changed value shown


@dataclass
class RowChange:
    """A row of a detail table that only one side has."""

    table: str
    side: str  # "-" (only in OLD) or "+" (only in NEW)
    row: dict[str, Any]


@dataclass
class NoticeDiff:
    """What changed in one notice present on both sides."""

    key: str
    title: str | None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # column -> (old, new)
    rows: list[RowChange] = field(default_factory=list)


@dataclass
class FolderDiff:
    """Every difference between two parsed folders."""

    old: str
    new: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (old rows, new rows)
    added: list[tuple[str, str | None]] = field(default_factory=list)  # (key, title)
    removed: list[tuple[str, str | None]] = field(default_factory=list)
    changed: list[NoticeDiff] = field(default_factory=list)
    rejects_added: dict[str, int] = field(default_factory=dict)  # "source stage/reason" -> count
    rejects_removed: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when the two folders hold the same notices, rows and rejects."""
        return not (self.added or self.removed or self.changed or self.rejects_added or self.rejects_removed)

    def to_json(self) -> dict[str, Any]:
        """The diff as plain JSON values."""
        return {
            "old": self.old, "new": self.new, "counts": {k: list(v) for k, v in self.counts.items()},
            "added": [{"key": k, "title": t} for k, t in self.added],
            "removed": [{"key": k, "title": t} for k, t in self.removed],
            "changed": [{"key": c.key, "title": c.title,
                         "fields": {k: [_plain(o), _plain(n)] for k, (o, n) in c.fields.items()},
                         "rows": [{"table": r.table, "side": r.side, "row": {k: _plain(v) for k, v in r.row.items()}}
                                  for r in c.rows]}
                        for c in self.changed],
            "rejects_added": self.rejects_added, "rejects_removed": self.rejects_removed,
        }


def _plain(value: Any) -> Any:
    """A JSON-friendly value (timestamps as ISO 8601)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read(folder: Path, table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` in ``folder`` (none when the file is absent)."""
    import pyarrow.parquet as pq

    path = folder / f"{table}.parquet"
    return pq.read_table(path).to_pylist() if path.is_file() else []


def _key(notice: dict[str, Any]) -> str:
    """The page a notice came from: URL, else input path, else its id."""
    return str(notice.get("url") or notice.get("source_path") or notice["notice_id"])


def _signature(row: dict[str, Any], table: str) -> str:
    """A row without its ids, as a comparable string."""
    return json.dumps({k: _plain(v) for k, v in row.items() if k not in _IGNORED[table]}, sort_keys=True,
                      ensure_ascii=False)


def _by_notice(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for row in rows:
        out[row["notice_id"]].append(row)
    return out


def _only(rows: list[dict[str, Any]], extra: collections.Counter[str], table: str, side: str) -> list[RowChange]:
    """The rows of ``rows`` counted in ``extra`` (rows one side has more often), in table order."""
    out = []
    for row in rows:
        signature = _signature(row, table)
        if extra[signature] > 0:
            extra[signature] -= 1
            out.append(RowChange(table, side, row))
    return out


def diff_folders(old: str | Path, new: str | Path) -> FolderDiff:
    """Compare the tables of two parsed folders (see module docstring)."""
    old, new = Path(old), Path(new)
    result = FolderDiff(str(old), str(new))
    tables = {side: {t: _read(folder, t) for t in ("notices", *DETAIL_TABLES, "rejects")}
              for side, folder in (("old", old), ("new", new))}
    for table in tables["old"]:
        result.counts[table] = (len(tables["old"][table]), len(tables["new"][table]))
    notices = {side: {_key(n): n for n in tables[side]["notices"]} for side in tables}
    details = {side: {t: _by_notice(tables[side][t]) for t in DETAIL_TABLES} for side in tables}
    result.added = [(k, n.get("title")) for k, n in notices["new"].items() if k not in notices["old"]]
    result.removed = [(k, n.get("title")) for k, n in notices["old"].items() if k not in notices["new"]]
    for key, before in notices["old"].items():
        after = notices["new"].get(key)
        if after is None:
            continue
        change = NoticeDiff(key, after.get("title") or before.get("title"))
        for column in before.keys() | after.keys():
            if column not in _IGNORED["notices"] and before.get(column) != after.get(column):
                change.fields[column] = (before.get(column), after.get(column))
        for table in DETAIL_TABLES:
            rows_old = details["old"][table].get(before["notice_id"], [])
            rows_new = details["new"][table].get(after["notice_id"], [])
            count_old = collections.Counter(_signature(r, table) for r in rows_old)
            count_new = collections.Counter(_signature(r, table) for r in rows_new)
            change.rows += _only(rows_old, count_old - count_new, table, "-")
            change.rows += _only(rows_new, count_new - count_old, table, "+")
        if change.fields or change.rows:
            result.changed.append(change)
    rejects = {side: collections.Counter(f"{r['source']} {r['stage']}/{r['reason']}" for r in tables[side]["rejects"])
               for side in tables}
    result.rejects_added = dict(sorted((rejects["new"] - rejects["old"]).items()))
    result.rejects_removed = dict(sorted((rejects["old"] - rejects["new"]).items()))
    result.changed.sort(key=lambda c: c.key)
    result.added.sort()
    result.removed.sort()
    return result


def _short(value: Any) -> str:
    text = repr(_plain(value))
    return text if len(text) <= _SHOW else text[: _SHOW - 3] + "..."


def _pair(before: Any, after: Any) -> str:
    """``old -> new``; for long texts, the stretch around their first difference."""
    if isinstance(before, str) and isinstance(after, str) and max(len(before), len(after)) > _SHOW:
        at = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
        lo = max(0, at - 20)
        return f"at {at}: ...{before[lo:lo + 60]!r}... -> ...{after[lo:lo + 60]!r}..."
    return f"{_short(before)} -> {_short(after)}"


def _describe(change: RowChange) -> str:
    """One line for a detail row: what it says and its evidence."""
    r = change.row
    if change.table == "windows":
        what = f"{r.get('kind')} {_plain(r.get('start'))} .. {_plain(r.get('end'))}"
    elif change.table == "services":
        what = f"{r.get('service')} {r.get('action')} {_plain(r.get('start'))} .. {_plain(r.get('end'))}"
    else:
        what = f"{r.get('phone')} {r.get('organization') or ''}".rstrip()
    return f"{change.side} {change.table[:-1]}: {what}  [{r.get('evidence', '')}]"


def render_text(diff: FolderDiff, limit: int = 20) -> str:
    """The diff for a terminal: counts, then each added, removed and changed notice (at most
    ``limit`` of each kind; 0 = all)."""
    if diff.empty:
        return f"no differences between {diff.old} and {diff.new}"

    def cut(items: list[Any]) -> list[Any]:
        return items if not limit else items[:limit]

    lines = [f"{diff.old} -> {diff.new}",
             f"notices: {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed",
             "rows: " + ", ".join(f"{t} {a} -> {b}" for t, (a, b) in diff.counts.items())]
    for label, items in (("added", diff.added), ("removed", diff.removed)):
        for key, title in cut(items):
            lines.append(f"{label}: {key}  {title or ''}".rstrip())
        if len(items) > len(cut(items)):
            lines.append(f"  ... {len(items) - len(cut(items))} more {label}")
    for change in cut(diff.changed):
        lines.append(f"changed: {change.key}  {change.title or ''}".rstrip())
        for column, (before, after) in sorted(change.fields.items()):
            lines.append(f"  {column}: {_pair(before, after)}")
        lines += [f"  {_describe(row)}" for row in change.rows]
    if len(diff.changed) > len(cut(diff.changed)):
        lines.append(f"  ... {len(diff.changed) - len(cut(diff.changed))} more changed")
    for label, counts in (("rejects added", diff.rejects_added), ("rejects removed", diff.rejects_removed)):
        for what, n in counts.items():
            lines.append(f"{label}: {what}" + (f" x{n}" if n > 1 else ""))
    return "\n".join(lines)
