"""What the check corpora's tests share (tests/corpus/extra, tests/corpus/extra2).

Each check corpus is a folder of notices (``*.txt``) with gold labels (``*.json``) and HTML copies
of some of them; its test file lists the known misses and the pages. :class:`CheckCorpus` parses a
notice once, builds the per-field cases (a known miss is a strict xfail) and runs the comparisons.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import SCALARS, SETS, notice_to_gold
from pipeline.normalize import compact, normalize_text
from pipeline.parse import parse_document
from pipeline.records import Notice, RawDocument
from pipeline.ruledata import service_codes

SERVICE_CODES = set(service_codes())  # the taxonomy (rules/services.yaml codes)
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")
PHONE = re.compile(r"^(0\d{2,3}-\d{5,8}|1\d{10}|1\d{4})$")  # landline (incl. 96xxxx), mobile, 12xxx hotline
FIELDS = (*SCALARS, *SETS, "is_outage_notice")
HTML_FIELDS = ("title", "publisher", "published", "province", "city")


def parse_file(path: Path) -> Notice:
    return parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path)))


def gold_value(gold: dict[str, Any], field: str) -> Any:
    """The gold of ``field`` in the form notice_to_gold gives it."""
    if field in SETS:
        return {normalize_text(v) for v in gold[field]}
    if field.startswith("downtime_"):
        return (gold["downtime"] or {}).get(field.removeprefix("downtime_"))
    return gold.get(field)


class CheckCorpus:
    """One check corpus: its folder, known misses of text notices and of HTML pages."""

    def __init__(self, folder: Path, known_misses: dict[tuple[str, str], str],
                 html_misses: dict[tuple[str, str], str]) -> None:
        self.folder = folder
        self.known_misses = known_misses
        self.html_misses = html_misses
        self.names = sorted(p.stem for p in folder.glob("*.txt"))
        self.gold = functools.cache(self._gold)
        self.ours = functools.cache(self._ours)

    def _gold(self, name: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8"))
        return data

    def _ours(self, name: str) -> tuple[dict[str, Any], bool]:
        notice = parse_file(self.folder / f"{name}.txt")
        return notice_to_gold(notice), notice.is_outage_notice

    def field_cases(self) -> list[Any]:
        """(notice, field) for every labeled field; a known miss is a strict xfail."""
        cases = []
        for name in self.names:
            gold = self.gold(name)
            for field in FIELDS:
                if field == "domain" and "domain" not in gold:
                    continue
                reason = self.known_misses.get((name, field))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(name, field, marks=marks, id=f"{name}-{field}"))
        return cases

    def check_field(self, name: str, field: str) -> None:
        ours, is_outage = self.ours(name)
        want = gold_value(self.gold(name), field)
        if field == "is_outage_notice":
            assert is_outage == want
        elif field in SETS:
            got = set(ours[field])
            assert got == want, f"missing {sorted(want - got)}; extra {sorted(got - want)}"
        elif field in ("title", "publisher", "province", "city"):
            assert compact(ours[field]) == compact(want), (ours[field], want)
        else:
            assert ours[field] == want

    def html_cases(self, pages: list[Any]) -> list[Any]:
        """(page, encoding, field) for every HTML page; a known miss is a strict xfail."""
        cases = []
        for param in pages:
            page, encoding = param.values
            for field in HTML_FIELDS:
                reason = self.html_misses.get((page, field))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(page, encoding, field, marks=marks, id=f"{param.id}-{field}"))
        return cases

    def check_html(self, page: str, encoding: str, field: str) -> None:
        """The HTML page gives the same metadata as its text copy."""
        html_notice = parse_file(self.folder / "html" / page)
        text_notice = parse_file(self.folder / f"{page.split('.')[0]}.txt")
        assert html_notice.encoding == encoding
        if field == "published":
            got = html_notice.published_at.date() if html_notice.published_at else None
            want = text_notice.published_at.date() if text_notice.published_at else None
            assert got == want
        else:
            assert getattr(html_notice, field) == getattr(text_notice, field)
