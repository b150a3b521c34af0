"""Every labeled corpus, scored like ``notices eval`` and checked notice by notice, field by field.

The corpora (``tests/corpora.py``): ``dev`` (22 published notices the rules were written against;
texts read from ``../shared/corpus/dev``), ``extra`` and ``extra2`` (notices written for the project
to catch over-fitting, labeled before any rule was fixed against them), ``seeds`` (the two notices the
project started from), ``samples`` (the bundled samples of ``notices run``, written for the project)
and ``real`` (published notices of ``../shared/corpus/real``, once their labels are in
``tests/gold/real``). Texts from ``../shared`` are never copied here: their tests skip, with that
reason, when it is absent (CI always has it).

For each corpus:
- its labels are well formed (SPEC's gold format, codes from the taxonomy, every phone in the text);
- its scores hold the floors recorded for it in ``tests/accuracy_floors.json``, and the corpus hash
  recorded there is the hash of these labels and texts (the accuracy gate);
- the parser agrees with each label field by field; each known miss is a strict xfail naming the
  module and the rule, so a fix shows up as an XPASS and its row goes;
- its HTML pages give the same metadata as their text copies.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pipeline.evaluate import SCALARS, SETS, corpus_hash, evaluate
from pipeline.floors import check_floors, corpus_entry, load_floors

from corpora import (BY_NAME, CORPORA, DATETIME, DEV, DOMAINS, EXTRA, EXTRA2, FIELDS, FLOORS_FILE, PHONE,
                     SERVICE_CODES, Corpus, plain_text)


def _corpus(name: str) -> Corpus:
    corpus = BY_NAME[name]
    if not corpus.available:
        pytest.skip(corpus.skip_reason)
    return corpus


def _params(each) -> list:  # type: ignore[no-untyped-def]
    """``each(corpus)`` for every corpus at hand; one skipped case for a corpus that is not."""
    out = []
    for corpus in CORPORA:
        if corpus.available:
            out.extend(each(corpus))
        else:
            out.append(pytest.param(corpus.name, None, None, id=f"{corpus.name}-absent",
                                    marks=pytest.mark.skip(reason=corpus.skip_reason)))
    return out


NAMES = [c.name for c in CORPORA]
NOTICES = _params(lambda c: [pytest.param(c.name, n, None, id=f"{c.name}-{n}") for n in c.ids])


# --- the labels are well formed ----------------------------------------------------------------------

@pytest.mark.parametrize("name, notice, _", NOTICES)
def test_gold_label_is_well_formed(name: str, notice: str, _: None) -> None:
    corpus = _corpus(name)
    gold = corpus.label(notice)
    text = plain_text(corpus.text_path(notice))
    assert gold["id"] == notice
    assert set(gold["services_suspended"]) <= SERVICE_CODES
    assert len(set(gold["services_suspended"])) == len(gold["services_suspended"])
    for value in gold["datetimes"] + [v for v in (gold["downtime"] or {}).values() if v]:
        assert DATETIME.match(value), value
        dt.datetime.fromisoformat(value)
    for phone in gold["phones"]:
        assert PHONE.match(phone), phone
        assert phone.split("-")[-1] in text.replace("-", ""), phone  # every number is in the text
    if gold["published"]:
        dt.date.fromisoformat(gold["published"])
    if gold.get("is_outage_notice") is False:
        assert gold["downtime"] is None and gold["services_suspended"] == []
    assert gold.get("domain", "other") in DOMAINS
    if corpus.written_by_us:  # our own notices: a notice's length, its judgment calls written down
        assert 350 <= len(text) <= 4000, len(text)  # a page cleaned of its chrome may be a little shorter
        assert len(gold["label_notes"]) > 200
        assert len(set(gold["datetimes"])) == len(gold["datetimes"])
        assert "is_outage_notice" in gold


@pytest.mark.parametrize("name", [c.name for c in CORPORA if c.written_by_us])
def test_weekdays_match_the_dates(name: str) -> None:
    """A '(星期五)' / '(周五)' after a date agrees with the year the label resolves it to."""
    corpus = _corpus(name)
    days = "一二三四五六日"
    pattern = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*\((?:星期|周)(.)\)")
    for notice in corpus.ids:
        gold = corpus.label(notice)
        years = {v[:4] for v in gold["datetimes"]} | ({gold["published"][:4]} if gold["published"] else set())
        for m in pattern.finditer(plain_text(corpus.text_path(notice))):
            year, month, day, weekday = m.groups()
            fits = [y for y in ([year] if year else sorted(years))
                    if days[dt.date(int(y), int(month), int(day)).weekday()] == weekday]
            assert fits, f"{notice}: {m.group(0)}"


@pytest.mark.parametrize("name", NAMES)
def test_known_misses_name_real_fields(name: str) -> None:
    corpus = _corpus(name)
    fields = set(FIELDS)
    for notice, field in corpus.known_misses:
        assert notice in corpus.ids, notice
        assert field in fields, field
    for page, field in corpus.html_misses:
        assert page in {p.page for p in corpus.html_pages}, page
        assert field in fields, field


def test_check_corpora_mix() -> None:
    """The check corpora cover every first-round domain, non-notices and province-level notices."""
    for corpus in (EXTRA, EXTRA2):
        golds = [corpus.label(n) for n in corpus.ids]
        assert len(golds) >= 24
        assert {"medical_insurance", "social_insurance", "housing_fund", "tax"} <= {g.get("domain") for g in golds}
        assert sum(not g["is_outage_notice"] for g in golds) >= 3
        assert sum(g["city"] is None for g in golds) >= 2
    golds = [EXTRA2.label(n) for n in EXTRA2.ids]
    assert sum(g["downtime"] is not None and g["downtime"]["end"] is None for g in golds) >= 1  # open end


def test_extra2_is_new() -> None:
    """No notice of extra2 shares its id or its city with the dev or the first extra corpus."""
    older = [*DEV.gold.glob("*.json"), *EXTRA.gold.glob("*.json")]
    old_cities = {json.loads(p.read_text(encoding="utf-8"))["city"] for p in older} - {None}
    assert not {p.stem for p in older} & set(EXTRA2.ids)
    assert not {EXTRA2.label(n)["city"] for n in EXTRA2.ids} & old_cities


# --- the accuracy gate: scores hold each corpus's floors ----------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_corpus_holds_its_floors(name: str) -> None:
    corpus = _corpus(name)
    report = evaluate(corpus.gold, texts=corpus.texts)
    assert report.files == len(corpus.ids)
    assert not report.errors, report.errors
    problems = check_floors(report, FLOORS_FILE, name, corpus.gold, corpus.texts)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_floors_belong_to_this_corpus(name: str) -> None:
    """The floors file names this corpus's folders and the hash of its labels and texts."""
    corpus = _corpus(name)
    entry = corpus_entry(FLOORS_FILE, name)
    assert entry.gold == corpus.gold.resolve()
    assert entry.texts == (corpus.texts.resolve() if corpus.texts else None)
    assert entry.corpus_sha256 == corpus_hash(corpus.gold, corpus.texts), (
        "labels or texts changed: re-run `notices eval` and re-record the floors")
    for field in (*SCALARS, *SETS):
        if field not in ("domain", "is_outage_notice"):  # scored only where the labels state them
            assert field in entry.floors, field


def test_floors_file_has_no_stray_corpus() -> None:
    assert set(load_floors(FLOORS_FILE)["corpora"]) <= set(NAMES)


# --- notice by notice ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, notice, field", _params(lambda c: c.field_cases()))
def test_notice_field(name: str, notice: str, field: str) -> None:
    _corpus(name).check_field(notice, field)


# --- HTML pages give the same metadata as their text copies ---------------------------------------------

@pytest.mark.parametrize("name, page, field", _params(lambda c: c.html_cases()))
def test_html_page_matches_text_copy(name: str, page: str, field: str) -> None:
    _corpus(name).check_html(page, field)


@pytest.mark.parametrize("name", [c.name for c in CORPORA if c.html_pages])
def test_html_pages_are_built_from_the_text_copies(name: str) -> None:
    """Every page named exists, and a build script beside it knows it."""
    corpus = _corpus(name)
    for page in corpus.html_pages:
        path = corpus.page_path(page.page)
        assert path.is_file(), page.page
        script = next(path.parent.glob("build_*.py"), None)
        assert script is not None and f'"{page.page}"' in script.read_text(encoding="utf-8"), page.page
