"""The second extra corpus (tests/corpus/extra2): new notices nobody tuned on, scored like the dev corpus.

Round 2 of the over-fitting check: other cities, layouts and years than ``dev`` and ``extra`` (times
only in a table, WeChat posts, a two-city notice, batches by district, 2017-2019 year-end notices,
English system names, a go-live without a stop). Three checks, as in ``test_extra_corpus.py``:
- the corpus itself is well formed (every label in SPEC's gold format, codes from the taxonomy);
- the scores hold floors recorded a hair below the current scores (raise them as fixes land);
- notice by notice and field by field, the parser agrees with the gold label; each known miss is an
  ``xfail(strict=True)`` naming the module and the rule that is missing, so a fix shows up as an
  XPASS and its row moves out of ``KNOWN_MISSES``.
The HTML versions in ``extra2/html`` must give the same metadata as their ``.txt`` copies.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pipeline.evaluate import SCALARS, SETS, corpus_hash, evaluate
from pipeline.normalize import normalize_text

from checkcorpus import DATETIME, PHONE, SERVICE_CODES, CheckCorpus
from conftest import CORPUS

EXTRA2 = CORPUS / "extra2"
HTML = EXTRA2 / "html"
NOTICES = sorted(p.stem for p in EXTRA2.glob("*.txt"))

# Floors: scores of `notices eval tests/corpus/extra2` after the fixes this corpus prompted (2026-11-22,
# commit 273693d), rounded down; the corpus hash ties them to these labels. Before any fix (commit
# c244c69) they were: city 0.923, title 0.846, publisher 0.807, published 0.961, downtime start
# 0.692, downtime end 0.923, datetimes 0.972, services 0.946, phones 0.915. Raise them (never above
# what passes) as fixes land and KNOWN_MISSES rows XPASS.
CORPUS_SHA256 = "6e8d43fd5b52b63aff58d501f476e5a3c01d45ef2e13f12617ee1b64c636155e"
FLOORS = {
    "province": 1.0,
    "city": 0.961,
    "title": 1.0,
    "publisher": 0.961,
    "published": 1.0,
    "downtime_start": 0.961,
    "downtime_end": 1.0,
    "domain": 1.0,
    "datetimes": 0.995,
    "services_suspended": 0.995,
    "phones": 0.99,
}

# (notice, field) -> why the parser misses it (module: rule). Rows marked DEBATABLE are judgment
# calls explained in the notice's label_notes; the others are plain extractor gaps.
KNOWN_MISSES: dict[tuple[str, str], str] = {
    # textclean: titles, info lines, publishers
    ("ningxia-tax-2022", "publisher"): "DEBATABLE label: '信息来源:纳税服务处' is an internal division; gold takes the bureau of the title prefix and signature",
    # places
    ("xian-xianyang-2019", "city"): "DEBATABLE label: a joint notice of two cities; gold takes the first issuer 西安市, the pipeline gives null",
    # times
    ("kashi-shebao-2018", "datetimes"): "DEBATABLE label: '自即日起至9月14日' - gold resolves 即日 to the publication date 2018-09-05 (as zhengzhou-2021 resolves 今天)",
    ("suzhou-2022", "downtime_start"): "DEBATABLE label: three district batches; gold starts at the first batch (3-18 18:00), the pipeline at the last and largest (4-01 18:00)",
    # services
    ("ningxia-tax-2022", "services_suspended"): "DEBATABLE label: premium payment stops only through the online channels (restricted, shenzhen-2023); also the regular 1月19日 filing deadline is read as a finish-before-the-stop deadline",
    # contacts
    ("shanghai-2018", "phones"): "DEBATABLE label: the 6-digit service number 962218 written without area code; gold applies SPEC's local-number rule (021-962218)",
    # classify
}

HTML_PAGES = [
    pytest.param("haerbin-2021.utf8.html", "utf-8", id="haerbin-trs-utf8-tables"),
    pytest.param("jiujiang-2017.gbk.html", "gb18030", id="jiujiang-govcn-gbk-titlestart"),
    pytest.param("baoji-2021.gbk.html", "gb18030", id="baoji-hospital-gb2312"),
    pytest.param("wuhu-2021.utf8.html", "utf-8", id="wuhu-news-portal-utf8"),
]
HTML_MISSES: dict[tuple[str, str], str] = {
}


CHECK = CheckCorpus(EXTRA2, KNOWN_MISSES, HTML_MISSES)
_gold = CHECK.gold


# --- the corpus is well formed -------------------------------------------------------------------

@pytest.mark.parametrize("name", NOTICES)
def test_gold_label_is_well_formed(name: str) -> None:
    gold = _gold(name)
    text = (EXTRA2 / f"{name}.txt").read_text(encoding="utf-8")
    assert 400 <= len(text) <= 2500, len(text)
    assert gold["id"] == name
    assert len(gold["label_notes"]) > 200
    assert set(gold["services_suspended"]) <= SERVICE_CODES
    assert len(set(gold["services_suspended"])) == len(gold["services_suspended"])
    assert len(set(gold["datetimes"])) == len(gold["datetimes"])
    for value in gold["datetimes"] + [v for v in (gold["downtime"] or {}).values() if v]:
        assert DATETIME.match(value), value
        dt.datetime.fromisoformat(value)
    for phone in gold["phones"]:
        assert PHONE.match(phone), phone
        assert phone.split("-")[-1] in normalize_text(text), phone  # every number is in the text
    if gold["published"]:
        dt.date.fromisoformat(gold["published"])
    if not gold["is_outage_notice"]:
        assert gold["downtime"] is None and gold["services_suspended"] == []
    assert gold.get("domain", "other") in {"medical_insurance", "social_insurance", "housing_fund", "tax", "other"}


def test_corpus_size_and_mix() -> None:
    golds = [_gold(n) for n in NOTICES]
    assert len(golds) >= 24
    domains = {g.get("domain") for g in golds}
    assert {"medical_insurance", "social_insurance", "housing_fund", "tax"} <= domains
    assert sum(not g["is_outage_notice"] for g in golds) >= 3
    assert sum(g["city"] is None for g in golds) >= 2  # province-level notices
    assert sum(g["downtime"] is not None and g["downtime"]["end"] is None for g in golds) >= 1  # open end


def test_corpus_is_new() -> None:
    """No notice of this corpus shares its name or its city with the dev or the first extra corpus."""
    older = [*CORPUS.joinpath("dev").glob("*.json"), *CORPUS.joinpath("extra").glob("*.json")]
    old_cities = {json.loads(p.read_text(encoding="utf-8"))["city"] for p in older} - {None}
    assert not {p.stem for p in older} & set(NOTICES)
    assert not {_gold(n)["city"] for n in NOTICES} & old_cities


def test_weekdays_match_the_dates() -> None:
    """A '(星期五)' / '(周五)' after a date agrees with the year the label resolves it to."""
    days = "一二三四五六日"
    pattern = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\((?:星期|周)(.)\)")
    for name in NOTICES:
        gold = _gold(name)
        years = {v[:4] for v in gold["datetimes"]} | ({gold["published"][:4]} if gold["published"] else set())
        for m in pattern.finditer(normalize_text((EXTRA2 / f"{name}.txt").read_text(encoding="utf-8"))):
            year, month, day, weekday = m.groups()
            fits = [y for y in ([year] if year else sorted(years))
                    if days[dt.date(int(y), int(month), int(day)).weekday()] == weekday]
            assert fits, f"{name}: {m.group(0)}"


def test_known_misses_name_real_fields() -> None:
    fields = set(SCALARS) | set(SETS) | {"is_outage_notice"}
    for name, field in KNOWN_MISSES:
        assert name in NOTICES, name
        assert field in fields, field


# --- scores --------------------------------------------------------------------------------------

def test_extra2_corpus_holds_its_floors() -> None:
    report = evaluate(EXTRA2)
    assert report.files == len(NOTICES)
    assert not report.errors, report.errors
    scores = report.scores()
    low = {k: round(scores[k], 3) for k, floor in FLOORS.items() if scores[k] + 1e-9 < floor}
    assert not low, f"below the floor: {low}"


def test_floors_belong_to_these_labels() -> None:
    assert corpus_hash(EXTRA2) == CORPUS_SHA256, "labels changed: re-run the eval and re-record FLOORS"


# --- notice by notice ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, field", CHECK.field_cases())
def test_notice_field(name: str, field: str) -> None:
    CHECK.check_field(name, field)


# --- HTML pages give the same metadata as their text copies ---------------------------------------

@pytest.mark.parametrize("page, encoding, field", CHECK.html_cases(HTML_PAGES))
def test_html_page_matches_text_copy(page: str, encoding: str, field: str) -> None:
    CHECK.check_html(page, encoding, field)


def test_html_pages_are_built_from_the_text_copies() -> None:
    """Every page named above exists, and the build script knows each one."""
    script = (HTML / "build_pages.py").read_text(encoding="utf-8")
    for param in HTML_PAGES:
        page = param.values[0]
        assert (HTML / page).is_file(), page
        assert f'"{page}"' in script, page
