"""The labeled corpora the tests score, and what they share.

Gold labels we wrote live in ``tests/gold/<corpus>/``. Texts we wrote sit beside them (``extra``,
``extra2``, ``seeds``) or in the bundled samples (``raw/samples`` for ``samples``); texts published
by others are read from ``../shared`` beside the checkout (``dev``, and ``real`` once its labels are
in ``tests/gold/real``) and never copied into the repository. :class:`Corpus` says where each part
is, which fields the parser is known to miss (each a strict xfail naming why) and which HTML pages
must give the same metadata as their text copies.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import SCALARS, SETS, GoldPair, gold_pairs, notice_to_gold
from pipeline.normalize import compact, normalize_text
from pipeline.parse import parse_document
from pipeline.records import Notice, RawDocument

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SAMPLES = ROOT / "raw" / "samples"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
FLOORS_FILE = ROOT / "tests" / "accuracy_floors.json"

SHARED_MISSING = ("../shared (the published notices, read from beside the checkout and never copied into it) "
                  "is absent; CI always has it")
needs_shared = pytest.mark.skipif(not (SHARED_CORPUS / "dev").is_dir(), reason=SHARED_MISSING)

SERVICE_CODES = {  # SPEC "Service taxonomy (codes)", both rounds: the contract, not the rule file's current state
    "general", "contribution", "enrollment", "inpatient", "outpatient", "pharmacy", "cross_region", "filing",
    "reimbursement", "transfer", "maternity", "personal_account", "online_channels", "institution_settlement",
    "withdrawal", "loan", "tax_filing", "tax_payment", "invoice", "pension", "unemployment", "work_injury",
    "card_services", "permits",
}
DOMAINS = {"medical_insurance", "social_insurance", "housing_fund", "tax", "traffic", "exit_entry", "real_estate",
           "gov_service", "other"}
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")
PHONE = re.compile(r"^(0\d{2,3}-\d{5,8}|1\d{10}|[19]\d{4})$")  # landline (incl. 96xxxx), mobile, 12xxx hotline, 95xxx bank line
FIELDS = (*SCALARS, *SETS)  # SCALARS holds is_outage_notice
HTML_FIELDS = ("title", "publisher", "published", "province", "city")


def parse_file(path: Path) -> Notice:
    return parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path)))


def plain_text(path: Path) -> str:
    """The normalized text of a notice file: a ``.txt`` as it is, a page as the parser cleans it."""
    if path.suffix == ".txt":
        return normalize_text(path.read_text(encoding="utf-8"))
    return parse_file(path).body_text


def gold_value(gold: dict[str, Any], name: str) -> Any:
    """The gold of field ``name`` in the form notice_to_gold gives it."""
    if name in SETS:
        return {normalize_text(v) for v in gold[name]}
    if name.startswith("downtime_"):
        return (gold["downtime"] or {}).get(name.removeprefix("downtime_"))
    return gold.get(name)


@dataclass(frozen=True)
class HtmlPage:
    """An HTML page of a notice whose text copy is in the corpus: same metadata expected."""

    page: str  # file name, in the corpus's html/ folder or its text folder
    encoding: str
    id: str  # readable test id (site style)
    copy_of: str  # id of the text copy


@dataclass
class Corpus:
    """One labeled corpus: where its labels and texts are, and what the parser is known to miss."""

    name: str
    gold: Path
    texts: Path | None = None  # None: beside the labels
    shared: bool = False  # texts from ../shared (skipped when it is absent)
    written_by_us: bool = False  # our own notices: stricter form checks (length, notes, weekdays)
    per_notice: bool = True  # every (notice, field) a test; False: the corpus is held by its floors only
    known_misses: dict[tuple[str, str], str] = field(default_factory=dict)
    html_pages: list[HtmlPage] = field(default_factory=list)
    html_misses: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def text_dir(self) -> Path:
        return self.texts if self.texts is not None else self.gold

    @property
    def available(self) -> bool:
        return self.gold.is_dir() and any(self.gold.glob("*.json")) and self.text_dir.is_dir()

    @property
    def skip_reason(self) -> str:
        if self.shared and not self.text_dir.is_dir():
            return SHARED_MISSING
        return f"corpus {self.name} has no labels in {self.gold} yet"

    @functools.cached_property
    def pairs(self) -> list[GoldPair]:
        return gold_pairs(self.gold, self.texts)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.pairs]

    def text_path(self, notice: str) -> Path:
        return next(p.text for p in self.pairs if p.id == notice)

    def label(self, notice: str) -> dict[str, Any]:
        return _label(self.gold / f"{notice}.json")

    def parsed(self, notice: str) -> tuple[dict[str, Any], bool]:
        """(parser output in gold format, is_outage_notice), parsed once per run."""
        return _parsed(self.text_path(notice))

    def field_cases(self) -> list[Any]:
        """(notice, field) for every labeled field; a known miss is a strict xfail."""
        cases: list[Any] = []
        if not self.per_notice:
            return cases
        for notice in self.ids:
            gold = self.label(notice)
            for name in FIELDS:
                if name == "domain" and "domain" not in gold:
                    continue
                if name == "is_outage_notice" and name not in gold:
                    continue
                reason = self.known_misses.get((notice, name))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(self.name, notice, name, marks=marks, id=f"{self.name}-{notice}-{name}"))
        return cases

    def check_field(self, notice: str, name: str) -> None:
        ours, is_outage = self.parsed(notice)
        want = gold_value(self.label(notice), name)
        if name == "is_outage_notice":
            assert is_outage == want
        elif name in SETS:
            got = set(ours[name])
            assert got == want, f"missing {sorted(want - got)}; extra {sorted(got - want)}"
        elif name in ("title", "publisher", "province", "city"):
            assert compact(ours[name]) == compact(want), (ours[name], want)
        else:
            assert ours[name] == want

    def html_cases(self) -> list[Any]:
        """(corpus, page, field) for every HTML page; a known miss is a strict xfail."""
        cases = []
        for page in self.html_pages:
            for name in HTML_FIELDS:
                reason = self.html_misses.get((page.page, name))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(self.name, page.page, name, marks=marks, id=f"{self.name}-{page.id}-{name}"))
        return cases

    def page(self, page: str) -> HtmlPage:
        return next(p for p in self.html_pages if p.page == page)

    def page_path(self, page: str) -> Path:
        beside = self.gold / "html" / page
        return beside if beside.exists() else self.text_dir / page

    def check_html(self, page: str, name: str) -> None:
        """The HTML page gives the same metadata as its text copy."""
        info = self.page(page)
        html_notice = parse_file(self.page_path(page))
        text_notice = parse_file(self.text_path(info.copy_of))
        assert html_notice.encoding == info.encoding
        if name == "published":
            got = html_notice.published_at.date() if html_notice.published_at else None
            want = text_notice.published_at.date() if text_notice.published_at else None
            assert got == want
        else:
            assert getattr(html_notice, name) == getattr(text_notice, name)


@functools.cache
def _label(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _parsed(path: Path) -> tuple[dict[str, Any], bool]:
    notice = parse_file(path)
    return notice_to_gold(notice), notice.is_outage_notice


# --- the corpora ------------------------------------------------------------------------------------
# Known misses: (notice, field) -> why the parser misses it (module: rule). Rows marked DEBATABLE are
# judgment calls explained in the notice's label_notes; the others are plain extractor gaps. A fix
# shows up as an XPASS, and its row goes.

DEV = Corpus(
    "dev", GOLD / "dev", SHARED_CORPUS / "dev", shared=True,
    known_misses={
        ("jinan-2022", "services_suspended"): "services: a work-injury settlement that names no place reads as outpatient (one extra code); the 养老/失业 lines' business stopped by a list under a heading is not read as pension/unemployment",
        ("guilin-2020", "services_suspended"): "services: the 社保 lines (养老保险、失业保险、工伤保险) named in an aside of a resume schedule row are not read as pension/unemployment/work_injury",
        ("zunyi-2019", "services_suspended"): "DEBATABLE label: the settlement of 工伤 costs is read from a list of five insurance lines' business (work_injury); the extractor reads the lines as scope only",
    },
)

EXTRA = Corpus(
    "extra", GOLD / "extra", written_by_us=True,
    known_misses={
    },
    html_pages=[
        HtmlPage("yanbian-2021.utf8.html", "utf-8", "yanbian-trs-utf8", "yanbian-2021"),
        HtmlPage("taihe-county-2021.gbk.html", "gb18030", "taihe-govcn-gbk-http-equiv", "taihe-county-2021"),
        HtmlPage("foshan-2019.gbk.html", "gb18030", "foshan-hospital-gb2312", "foshan-2019"),
        HtmlPage("chongqing-gjj-2020.utf8.html", "utf-8", "chongqing-news-portal-utf8", "chongqing-gjj-2020"),
    ],
)

EXTRA2 = Corpus(
    "extra2", GOLD / "extra2", written_by_us=True,
    known_misses={
        # page: titles, info lines, publishers
        # places
        # times
        ("suzhou-2022", "downtime_start"): "DEBATABLE label: three district batches; gold starts at the first batch (3-18 18:00), the pipeline at the last and largest (4-01 18:00)",
        # services
        ("ningxia-tax-2022", "services_suspended"): "DEBATABLE label: premium payment stops only through the online channels (restricted, shenzhen-2023)",
        ("dalian-tax-2018", "services_suspended"): "services: the withholding of tax (扣缴, 代扣代缴) is not read as tax_payment",
        # contacts
        ("shanghai-2018", "phones"): "DEBATABLE label: the 6-digit service number 962218 written without area code; gold applies SPEC's local-number rule (021-962218)",
    },
    html_pages=[
        HtmlPage("haerbin-2021.utf8.html", "utf-8", "haerbin-trs-utf8-tables", "haerbin-2021"),
        HtmlPage("jiujiang-2017.gbk.html", "gb18030", "jiujiang-govcn-gbk-titlestart", "jiujiang-2017"),
        HtmlPage("baoji-2021.gbk.html", "gb18030", "baoji-hospital-gb2312", "baoji-2021"),
        HtmlPage("wuhu-2021.utf8.html", "utf-8", "wuhu-news-portal-utf8", "wuhu-2021"),
    ],
)

SEEDS = Corpus(
    "seeds", GOLD / "seeds",
    known_misses={
        ("guilin-2020", "services_suspended"): "services: as dev guilin-2020 (pension, unemployment, work_injury in a resume row's aside)",
    },
)

# The bundled samples of `notices run` (raw/samples/README.md): notices written for the project, scored
# before any rule was fixed against them; the seeds' text and HTML forms there are scored as ``seeds``.
SAMPLES_CORPUS = Corpus(
    "samples", GOLD / "samples", SAMPLES, written_by_us=True,
    known_misses={
        # services of notices the classifier used to reject
        ("changchun-zhengwu-2025", "services_suspended"): "services: 暂停受理 of the service desks reads as filing (one extra code)",
        ("handan-yibao-2022", "services_suspended"): "services: the numbered items under the '▍暂停内容' heading are not read one by one (pharmacy, cross_region); the lead's 相关业务暂停办理 reads as general",
        # services
        ("kunming-yibao-2021", "services_suspended"): "services: the deadline to settle care under an 异地就医备案 before the stop is not read as cross_region; 经办机构暂停办理 reads as general though the lead says 部分医保服务",
        ("kunming-yibao-2021-hospital-repost", "services_suspended"): "services: as kunming-yibao-2021 (the same notice)",
        ("leshan-shebaoka-2020", "services_suspended"): "services: the card's online channels named after its 挂失/补换 stop are not read as online_channels",
        ("mudanjiang-yibao-2015", "services_suspended"): "services: 医疗费用审核报销 is no reimbursement cue (现金/零星/手工报销 are)",
        ("nanyang-shebao-2023", "services_suspended"): "services: 缴费基数核定 reads as contribution as well as enrollment",
        ("shantou-shebao-2019", "services_suspended"): "DEBATABLE label: '暂停办理相关社会保险业务' followed by the list is not general in gold; the pipeline reads it as general",
        ("weifang-yibao-2021", "services_suspended"): "services: the workaround '先行自付,凭票据...手工报销' gives a suspended reimbursement row (xinzhou-2021 convention: not a stop)",
        ("weifang-yibao-2021-news-repost", "services_suspended"): "services: as weifang-yibao-2021 (the same notice)",
        ("yinchuan-yibao-2023", "services_suspended"): "DEBATABLE label: enrollment stops only through the online channels while the windows keep it (restricted); the pipeline gives suspended",
    },
)

# The real corpus is the unsaturated signal of the accuracy work (tests/gold/real/README.md): its
# per-notice misses are the backlog, not known failures, so it is held by its floors and not notice
# by notice.
REAL = Corpus("real", GOLD / "real", SHARED_CORPUS / "real", shared=True, per_notice=False)

CORPORA = [DEV, EXTRA, EXTRA2, SEEDS, SAMPLES_CORPUS, REAL]
BY_NAME = {c.name: c for c in CORPORA}


def own_text_paths() -> list[Path]:
    """Texts we wrote that carry labels: the check corpora, the seeds (allowed in the repository)."""
    return [p.text for c in CORPORA if not c.shared and c.available for p in c.pairs if p.text.suffix == ".txt"]


def shared_text_paths() -> list[Path]:
    """Texts of the labeled shared corpora present beside the checkout (none when ../shared is absent)."""
    return [p.text for c in CORPORA if c.shared and c.available for p in c.pairs]


def labeled_text_paths() -> list[Path]:
    """Every labeled text at hand: ours, then those read from ../shared when it is there."""
    return own_text_paths() + shared_text_paths()
