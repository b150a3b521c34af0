"""The comparative report: comparison values, escaping, offline HTML, Markdown, odd folders.

Parsed folders are built by ``tests/synthetic.py`` (real parquet files with the pipeline's
schemas); the browser behaviour is in ``test_report_browser.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import synthetic  # tests/synthetic.py (pytest puts tests/ on sys.path)
from bs4 import BeautifulSoup

from pipeline.report import REPORT_FILES, build_report
from pipeline.report.charts import nice_edges, time_ticks
from pipeline.report.compare import build_comparison, comparison_schema, load_parsed, sentence_around
from pipeline.report.markdown import md_cell

TZ = synthetic.TZ


def _build(corpus: synthetic.Corpus, tmp_path: Path, **kw: Any) -> tuple[dict[str, Path], list[dict[str, Any]]]:
    """Write ``corpus``, build its report, return the paths and the comparison rows."""
    parsed = synthetic.write_parsed(corpus, tmp_path / "parsed", **kw)
    paths = build_report(parsed)
    rows = pq.read_table(paths["comparison"]).to_pylist()
    return paths, rows


def _one(soup: BeautifulSoup, selector: str) -> Any:
    """The element ``selector`` matches (it must exist)."""
    el = soup.select_one(selector)
    assert el is not None, selector
    return el


def _attr(el: Any, name: str) -> str:
    """An attribute of a parsed element as one string ('' when absent)."""
    return str(el.get(name) or "")


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows keyed by notice_id."""
    return {r["notice_id"]: r for r in rows}


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[dict[str, Any]]]:
    """The two-city report."""
    return _build(synthetic.two_cities(), tmp_path_factory.mktemp("two"))


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[dict[str, Any]], synthetic.Corpus]:
    """The 300-city report."""
    corpus = synthetic.many_cities(300)
    paths, rows = _build(corpus, tmp_path_factory.mktemp("many"))
    return paths, rows, corpus


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[dict[str, Any]]]:
    """The hostile report."""
    return _build(synthetic.hostile(), tmp_path_factory.mktemp("hostile"))


# --- comparison values (synthetic.EXPECTED holds the hand-checked figures) ------------------

EXPECTED_CASES = [
    pytest.param(nid, column, value, id=f"{nid}-{column}")
    for nid, columns in synthetic.EXPECTED.items()
    for column, value in columns.items()
]


@pytest.mark.parametrize(("nid", "column", "expected"), EXPECTED_CASES)
def test_two_cities_values(two: Any, nid: str, column: str, expected: Any) -> None:
    assert _by_id(two[1])[nid][column] == expected


def test_files_written_and_nothing_left_over(two: Any) -> None:
    paths, _ = two
    assert sorted(p.name for p in paths.values()) == sorted(REPORT_FILES)
    folder = paths["html"].parent
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".tmp-")]


def test_out_dir_is_separate_when_given(tmp_path: Path) -> None:
    parsed = synthetic.write_parsed(synthetic.two_cities(), tmp_path / "parsed")
    paths = build_report(parsed, tmp_path / "report")
    assert all(p.parent == tmp_path / "report" and p.exists() for p in paths.values())
    assert not (parsed / "report.html").exists()


def test_schema_of_comparison(two: Any) -> None:
    table = pq.read_table(two[0]["comparison"])
    assert table.schema.equals(comparison_schema(), check_metadata=False)


def test_grain_one_row_per_distinct_outage_notice(two: Any) -> None:
    rows = two[1]
    # The repost and the non-outage page are not rows; 桂林's two events are.
    assert [r["notice_id"] for r in rows] == ["xinzhou-2021", "guilin-2020", "guilin-2021"]
    assert [r["notices_in_city"] for r in rows] == [1, 2, 2]
    assert _by_id(rows)["guilin-2021"]["repost_ids"] == ["guilin-2021-repost"]


def test_service_detail_keeps_evidence(two: Any) -> None:
    detail = {d["service"]: d for d in _by_id(two[1])["xinzhou-2021"]["service_detail"]}
    assert detail["inpatient"]["basis"] == "service"
    assert detail["pharmacy"]["basis"] == "window"
    assert detail["pharmacy"]["evidence"] == "参保人请提前购药。"
    assert "定点零售药店暂停刷卡购药" in detail["pharmacy"]["window_evidence"]
    assert detail["general"]["basis"] == "downtime"


# Service-hours rules, one case each: (services rows, windows rows, expected hours, expected basis).
_T = synthetic.ts
SERVICE_HOUR_CASES = [
    pytest.param(
        [("pharmacy", _T("2021-01-01 00:00"), _T("2021-01-01 12:00")), ("pharmacy", _T("2021-01-01 06:00"), _T("2021-01-02 00:00"))],
        [],
        24.0,
        "service",
        id="overlapping-periods-counted-once",
    ),
    pytest.param(
        [("pharmacy", _T("2021-01-01 00:00"), _T("2021-01-01 10:00")), ("pharmacy", _T("2021-01-03 00:00"), _T("2021-01-03 10:00"))],
        [],
        20.0,
        "service",
        id="separate-periods-added",
    ),
    pytest.param([("pharmacy", _T("2021-01-02 00:00"), None)], [], 48.0, "service+downtime", id="end-from-downtime"),
    pytest.param([("pharmacy", None, None)], [], 72.0, "downtime", id="downtime-fallback"),
    pytest.param(
        [("pharmacy", None, None)],
        [("suspension", _T("2021-01-01 00:00"), _T("2021-01-01 06:00"), ["pharmacy"])],
        6.0,
        "window",
        id="suspension-window-naming-it",
    ),
    pytest.param(
        [("pharmacy", None, None)],
        [("deadline", None, _T("2020-12-31 17:00"), ["pharmacy"])],
        72.0,
        "downtime",
        id="deadline-is-not-the-period",
    ),
    pytest.param([("pharmacy", _T("2021-01-05 00:00"), None)], [], None, "service+downtime", id="start-after-end-no-hours"),
]


@pytest.mark.parametrize(("facts", "windows", "hours", "basis"), SERVICE_HOUR_CASES)
def test_service_hours_rules(tmp_path: Path, facts: list[Any], windows: list[Any], hours: float | None, basis: str) -> None:
    c = synthetic.Corpus()
    n = c.notice("n", province="湖南省", city="长沙市", adcode="430100", published_at=_T("2020-12-25"))
    n.window("downtime", _T("2021-01-01 00:00"), _T("2021-01-04 00:00"), "1月1日至1月4日暂停业务。")
    for kind, start, end, services in windows:
        n.window(kind, start, end, services=services)
    for service, start, end in facts:
        n.service(service, start=start, end=end)
    rows = build_comparison(load_parsed(synthetic.write_parsed(c, tmp_path)))
    assert rows[0]["hours_pharmacy"] == hours
    assert rows[0]["service_detail"][0]["basis"] == basis


# --- missing values and odd folders -----------------------------------------------------------


@pytest.fixture(scope="module")
def missing(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[dict[str, Any]]]:
    """The report of notices lacking one thing each."""
    return _build(synthetic.missing_values(), tmp_path_factory.mktemp("missing"))


MISSING_CASES = [
    pytest.param("open-end", {"downtime_hours": None, "end_missing": True, "lead_days": 9.75, "downtime_open_end": "另行通知"}, id="no-end"),
    pytest.param("no-published", {"lead_days": None, "downtime_hours": 48.0, "published_at": None}, id="no-published"),
    pytest.param("province-level", {"city_key": "山西省", "level": "province", "city": None, "downtime_hours": 159.0}, id="no-city"),
    pytest.param("nowhere", {"city_key": "未知地区", "level": "unknown", "downtime_start": None, "lead_days": None}, id="no-place"),
    pytest.param("no-downtime", {"downtime_start": None, "downtime_hours": None, "end_missing": False, "n_windows": 0}, id="no-downtime"),
]


@pytest.mark.parametrize(("nid", "expected"), MISSING_CASES)
def test_missing_values(missing: Any, nid: str, expected: dict[str, Any]) -> None:
    row = _by_id(missing[1])[nid]
    assert {k: row[k] for k in expected} == expected


def test_missing_values_shown_in_html(missing: Any) -> None:
    soup = BeautifulSoup(missing[0]["html"].read_text(encoding="utf-8"), "lxml")
    open_bar = soup.select('#tl-cal g.win.downtime[data-open="end"]')
    assert len(open_bar) == 1 and "另行通知" in open_bar[0].get_text()
    assert len(soup.select('#tl-cal g.win.downtime[data-open="start"]')) == 1
    labels = [t.text for t in soup.select("#tl-cal a.tlabel text")]
    assert "山西省(全省) 2021-09" in labels and any(lab.startswith("未知地区") for lab in labels)
    assert "未定(另行通知)" in _one(soup, '#cmp tr[data-nid="open-end"]').text


def test_folder_with_only_rejects(tmp_path: Path) -> None:
    paths, rows = _build(synthetic.only_rejects(), tmp_path, tables=("rejects",))
    assert rows == []
    html = paths["html"].read_text(encoding="utf-8")
    assert "没有停机公告" in html and "http_404" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the reject's detail, escaped
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "No outage notices to compare." in md and "| fetch | http\\_404 | 1 |" in md


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "parsed").mkdir()
    paths = build_report(tmp_path / "parsed")
    assert pq.read_table(paths["comparison"]).num_rows == 0
    assert "缺少的表" in paths["html"].read_text(encoding="utf-8")


def test_empty_tables(tmp_path: Path) -> None:
    paths, rows = _build(synthetic.Corpus(), tmp_path)
    assert rows == [] and "没有停机公告" in paths["html"].read_text(encoding="utf-8")


# --- hostile text -----------------------------------------------------------------------------


def test_no_markup_from_data(hostile: Any) -> None:
    html = hostile[0]["html"].read_text(encoding="utf-8")
    assert html.count("<script") == 1  # the report's own script, nothing from data
    assert "alert(" not in html.split("<script>", 1)[1].split("</script>", 1)[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    soup = BeautifulSoup(html, "lxml")
    assert soup.find_all("img") == [] and "<b onmouseover" not in html
    handlers = [(el.name, a) for el in soup.find_all(True) for a in el.attrs if a.lower().startswith("on")]
    assert handlers == []
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and not scripts[0].get("src")


def test_long_title_is_clipped_on_screen_kept_on_hover(hostile: Any) -> None:
    soup = BeautifulSoup(hostile[0]["html"].read_text(encoding="utf-8"), "lxml")
    cell = _one(soup, '#cmp tr[data-nid="hostile-1"] td:nth-of-type(4)')
    assert len(cell.text) <= 12
    title = _attr(cell, "title")
    assert len(title) > 2000 and title.startswith("<script>alert(1)</script>\"引号\"")


_RESOURCE_ATTRS = ("src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href")


def test_no_outside_resources(hostile: Any, two: Any, many: Any) -> None:
    for paths in (hostile[0], two[0], many[0]):
        html = paths["html"].read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        rows = pq.read_table(paths["comparison"]).to_pylist()
        sources = {r["url"] for r in rows if r["url"]}
        assert soup.find_all(["link", "iframe", "object", "embed", "img", "video", "audio", "source"]) == []
        for el in soup.find_all(True):
            for attr in _RESOURCE_ATTRS:
                assert attr not in el.attrs, (el.name, attr)
            if el.get("href") is None:
                continue
            href = _attr(el, "href")
            if el.name == "a" and "source" in (el.get("class") or []):
                assert href in sources and href.lower().startswith(("http://", "https://"))
            else:
                assert href.startswith("#"), href
        # CSS may only point inside the page (gradients), never at a URL.
        assert re.findall(r"url\(\s*['\"]?(?!#)", html) == []
        assert "@import" not in html
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and "default-src 'none'" in _attr(csp, "content")


def test_javascript_url_is_not_a_link(hostile: Any) -> None:
    soup = BeautifulSoup(hostile[0]["html"].read_text(encoding="utf-8"), "lxml")
    assert not [a for a in soup.find_all("a") if _attr(a, "href").lower().startswith("javascript")]


def test_markdown_escapes_cells(hostile: Any) -> None:
    md = hostile[0]["markdown"].read_text(encoding="utf-8")
    table = [ln for ln in md.splitlines() if ln.startswith("| ") and "hostile-1" in ln]
    assert len(table) == 1  # newlines in the title did not split the row
    unescaped_pipes = re.findall(r"(?<!\\)\|", table[0])
    assert len(unescaped_pipes) == 15  # 14 columns
    assert "<script>" not in md and "\\<script\\>" in md


# --- 300 cities -------------------------------------------------------------------------------


def test_300_cities_rows_and_bars(many: Any) -> None:
    paths, rows, corpus = many
    assert len(rows) == 300
    assert len({r["notice_id"] for r in rows}) == 300
    html = paths["html"].read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    kept = {r["notice_id"] for r in rows}
    dated = sum(1 for w in corpus.windows if w["notice_id"] in kept and (w["start"] or w["end"]))
    assert len(soup.select("#tl-cal g.win")) == dated
    assert len(soup.select("svg.matrix g.mrow")) == 300
    assert len(soup.select("#cmp tbody tr")) == 300
    assert len(html.encode()) < 6_000_000  # a page a browser opens at once


def test_300_cities_markdown_has_every_row(many: Any) -> None:
    paths, rows, _ = many
    md = paths["markdown"].read_text(encoding="utf-8")
    for r in rows:
        assert md_cell(r["notice_id"], 40) in md


def test_300_cities_reposts_counted_once(many: Any) -> None:
    _, rows, corpus = many
    reposts = [n for n in corpus.notices if n["duplicate_of"]]
    assert reposts and sum(r["n_reposts"] for r in rows) == len(reposts)


def test_300_cities_lead_and_hours_match_windows(many: Any) -> None:
    _, rows, corpus = many
    published = {n["notice_id"]: n["published_at"] for n in corpus.notices}
    downtime = {w["notice_id"]: w for w in corpus.windows if w["kind"] == "downtime"}
    for r in rows:
        w = downtime[r["notice_id"]]
        if w["end"] is not None:
            assert r["downtime_hours"] == round((w["end"] - w["start"]).total_seconds() / 3600, 2)
        if published[r["notice_id"]] is not None:
            assert r["lead_days"] == round((w["start"] - published[r["notice_id"]]).total_seconds() / 86400, 2)
        else:
            assert r["lead_days"] is None


# --- memory: what is read, and a batch at a time ---------------------------------------------


def test_body_text_is_not_loaded_whole(two: Any) -> None:
    tables = load_parsed(two[0]["comparison"].parent)
    assert "body_text" not in tables.notices.column_names
    assert set(tables.services.column("action").to_pylist()) == {"suspended"}
    # counts() still tells the rows of every table as written, not as kept
    assert tables.counts() == {n: pq.ParquetFile(two[0]["comparison"].parent / f"{n}.parquet").metadata.num_rows
                               for n in ("notices", "windows", "services", "contacts", "rejects")}


def test_tables_built_by_hand_with_bodies(two: Any) -> None:
    """Tables carrying body_text themselves (no folder) compare the same as a folder's."""
    folder = two[0]["comparison"].parent
    tables = load_parsed(folder)
    tables.notices = pq.read_table(folder / "notices.parquet")
    tables.folder = None
    assert build_comparison(tables) == two[1]


def _strip_time(text: str) -> str:
    """A report without its generation time."""
    return re.sub(r"(生成于|Generated) \d{4}-\d\d-\d\d \d\d:\d\d", "", text)


def test_batch_size_does_not_change_the_report(many: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.report import compare, html

    monkeypatch.setattr(compare, "_BATCH_ROWS", 7)  # batches end inside a city's notices
    monkeypatch.setattr(html, "_BATCH_ROWS", 5)
    paths = build_report(many[0]["comparison"].parent, tmp_path)
    assert pq.read_table(paths["comparison"]).equals(pq.read_table(many[0]["comparison"]))
    for name in ("html", "markdown"):
        assert _strip_time(paths[name].read_text(encoding="utf-8")) == _strip_time(many[0][name].read_text(encoding="utf-8"))


def test_table_without_an_added_column(tmp_path: Path) -> None:
    """A windows file written before ``open_end`` existed: the column reads as null."""
    folder = synthetic.write_parsed(synthetic.missing_values(), tmp_path / "parsed")
    windows = pq.read_table(folder / "windows.parquet")
    pq.write_table(windows.drop_columns(["open_end"]), folder / "windows.parquet")
    paths = build_report(folder)
    row = _by_id(pq.read_table(paths["comparison"]).to_pylist())["open-end"]
    assert row["end_missing"] is True and row["downtime_open_end"] is None


# --- helpers ----------------------------------------------------------------------------------

SENTENCE_CASES = [
    pytest.param("第一句。第二句有证据,到此为止。第三句。", "证据", "第二句有证据,到此为止。", id="middle-sentence"),
    pytest.param("证据在开头;后面。", "证据", "证据在开头;", id="first-sentence"),
    pytest.param("行一\n证据在第二行\n行三", "证据", "证据在第二行", id="line-break"),
    pytest.param("前" * 500 + "证据" + "后" * 500, "证据", None, id="clipped-long-context"),
]


@pytest.mark.parametrize(("body", "evidence", "expected"), SENTENCE_CASES)
def test_sentence_around(body: str, evidence: str, expected: str | None) -> None:
    start = body.index(evidence)
    got = sentence_around(body, start, start + len(evidence), evidence)
    if expected is None:
        assert evidence in got and got.startswith("…") and got.endswith("…") and len(got) <= 242
    else:
        assert got == expected


@pytest.mark.parametrize(
    ("body", "span", "evidence"),
    [
        pytest.param("", (0, 2), "证据", id="empty-body"),
        pytest.param("abc", (5, 9), "证据", id="span-outside"),
        pytest.param("另外的字", (0, 2), "证据", id="span-not-evidence"),
        pytest.param(None, (None, None), "证据", id="nothing"),
    ],
)
def test_sentence_around_falls_back_to_evidence(body: Any, span: Any, evidence: str) -> None:
    assert sentence_around(body, span[0], span[1], evidence) == evidence


MD_CELLS = [
    pytest.param("a|b", "a\\|b", id="pipe"),
    pytest.param("一行\n二行", "一行 二行", id="newline"),
    pytest.param("<script>", "\\<script\\>", id="html"),
    pytest.param("*x* [l](u)", "\\*x\\* \\[l\\](u)", id="emphasis-and-link"),
    pytest.param(None, "", id="none"),
    pytest.param("长" * 100, "长" * 59 + "…", id="clipped"),
]


@pytest.mark.parametrize(("value", "expected"), MD_CELLS)
def test_md_cell(value: Any, expected: str) -> None:
    assert md_cell(value) == expected


def test_nice_edges_cover_values() -> None:
    for values in ([38.0, 38.0], [0.5, 700.0], [-3.0, 29.5], [1.0, 2.0, 3.0]):
        edges = nice_edges(values)
        assert edges[0] <= min(values) and edges[-1] > max(values) and len(edges) <= 14


def test_time_ticks_choose_a_readable_step() -> None:
    lo = dt.datetime(2021, 10, 1, tzinfo=TZ)
    for days, at_most in ((2, 10), (30, 10), (400, 10), (1600, 10)):
        ticks = time_ticks(lo, lo + dt.timedelta(days=days), max_ticks=at_most)
        assert 1 <= len(ticks) <= at_most + 1
        assert all(lo <= t <= lo + dt.timedelta(days=days) for t, _ in ticks)
        assert len({label for _, label in ticks}) == len(ticks)


# --- the taxonomy lives in the rules file ---------------------------------------------------

def test_a_code_added_to_the_rules_file_is_a_report_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding a code means editing rules/services.yaml only: the extractor names it, the report shows it."""
    from pipeline import ruledata
    from pipeline.services import rules as service_rules_module
    from pipeline.services.cues import find_cues

    data = ruledata.load_yaml("services.yaml")
    codes = dict(data["codes"], test_code={"label": "a code added by this test", "heading": "测试业务",
                                           "words": ["测试业务"]})
    patched = dict(data, codes=codes)
    real = ruledata.load_yaml
    fake = lambda name: patched if name == "services.yaml" else real(name)  # noqa: E731
    monkeypatch.setattr(ruledata, "load_yaml", fake)
    monkeypatch.setattr(service_rules_module, "load_yaml", fake)
    ruledata.service_taxonomy.cache_clear()
    try:
        rules = service_rules_module.service_rules.__wrapped__()
        cues = find_cues("全市暂停测试业务。", rules)
        assert [o.codes for o in cues.objects] == [("test_code",)]

        corpus = synthetic.Corpus()
        x = corpus.notice("test-code-2021", province="山西省", city="忻州市", adcode="140900",
                          published_at=synthetic.ts("2021-10-11 09:00"))
        x.window("downtime", synthetic.ts("2021-10-21 18:00"), synthetic.ts("2021-10-22 18:00"),
                 "2021年10月21日18:00至2021年10月22日18:00暂停测试业务。", services=["test_code"])
        x.service("test_code", start=synthetic.ts("2021-10-21 18:00"), end=synthetic.ts("2021-10-22 18:00"),
                  span=(0, len(x.row["body_text"])))
        paths, rows = _build(corpus, tmp_path)
        assert comparison_schema().names[-1] != "hours_test_code"  # in taxonomy order, not appended
        assert "hours_test_code" in comparison_schema().names
        assert _by_id(rows)[x.notice_id]["hours_test_code"] == 24
        assert "测试业务 (test_code)" in paths["markdown"].read_text(encoding="utf-8")
        soup = BeautifulSoup(paths["html"].read_text(encoding="utf-8"), "lxml")
        heads = [el.get_text(strip=True) for el in soup.select(".col-label")]
        assert heads[-1] == "测试业务" and len(heads) == len(synthetic.service_codes())  # the matrix's last column
    finally:
        ruledata.service_taxonomy.cache_clear()
