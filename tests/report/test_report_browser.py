"""report.html in a real browser, at phone (390 px) and desktop (1400 px) width.

Runs headless Chromium (the distribution's, ``/usr/bin/chromium``; install it with
``apt-get install -y chromium``) through Playwright's Python API. Checks that the page never
scrolls sideways, that the timeline's bars are drawn and can be brought into view, that filters and
the city search narrow every section, that nothing is fetched, and that evidence, sorting, views
and zoom work. Screenshots of each scenario are kept in an artifacts folder named at the end of
the test run (``REPORT_ARTIFACTS`` chooses it; default ``test-artifacts/``, git-ignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import build_report
import synthetic  # tests/synthetic.py (pytest puts tests/ on sys.path)
from conftest import ARTIFACTS_KEY

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "about:")
# Not under pytest's basetemp: nested pytest runs of other tests prune old basetemps mid-session.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"  # git-ignored
WIDTHS = (390, 1400)  # a phone, a desktop

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="session")
def artifacts(request: pytest.FixtureRequest) -> Path:
    """The folder screenshots go to (named in the run's summary)."""
    folder = Path(os.environ.get("REPORT_ARTIFACTS") or ARTIFACTS)
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[ARTIFACTS_KEY] = folder
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A report page plus what it did: requests made, dialogs raised, script errors."""

    def __init__(self, page: Any, width: int) -> None:
        self.page = page
        self.width = width
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report.html of each scenario, built once."""
    out = {}
    for name, corpus in (("two", synthetic.two_cities), ("many", lambda: synthetic.many_cities(300)),
                         ("hostile", synthetic.hostile), ("missing", synthetic.missing_values)):
        folder = tmp_path_factory.mktemp(name)
        synthetic.write_parsed(corpus(), folder / "parsed")
        out[name] = build_report(folder / "parsed")["html"]
    return out


def _open(browser: Any, html: Path, width: int, shot: Path) -> Iterator[Opened]:
    """Open ``html`` in a fresh page ``width`` px wide; a full-page screenshot when done."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    opened = Opened(page, width)
    page.on("request", lambda r: opened.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    yield opened
    page.screenshot(path=str(shot), full_page=shot.stem.startswith("report-2"))  # the 300-city page is too long
    page.close()


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def many(request: pytest.FixtureRequest, browser: Any, reports: dict[str, Path], artifacts: Path) -> Iterator[Opened]:
    """The 300-city report, open at each width."""
    yield from _open(browser, reports["many"], request.param, artifacts / f"report-300-{request.param}px.png")


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def two(request: pytest.FixtureRequest, browser: Any, reports: dict[str, Path], artifacts: Path) -> Iterator[Opened]:
    """The two-city report, open at each width."""
    yield from _open(browser, reports["two"], request.param, artifacts / f"report-2-cities-{request.param}px.png")


@pytest.fixture(scope="module")
def hostile(browser: Any, reports: dict[str, Path], artifacts: Path) -> Iterator[Opened]:
    """The hostile report, open at desktop width."""
    yield from _open(browser, reports["hostile"], 1400, artifacts / "report-hostile.png")


def _box(page: Any, selector: str) -> dict[str, float]:
    """Bounding box of the first element matching ``selector`` (it must exist and be shown)."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _page_overflow(page: Any) -> int:
    """How many px the page is wider than the window (0: no sideways scroll)."""
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def _visible(page: Any, selector: str) -> int:
    return int(page.evaluate(f"Array.from(document.querySelectorAll({selector!r})).filter(e => e.offsetParent !== null).length"))


def _reset(page: Any) -> None:
    page.locator("#f-reset").click()


# --- layout at both widths --------------------------------------------------------------------


def test_page_never_scrolls_sideways(many: Opened, two: Opened) -> None:
    for opened in (many, two):
        page = opened.page
        assert _page_overflow(page) == 0
        for view in ("tl-rel", "tl-cal"):  # both timeline views, at every zoom
            page.locator(f"button.view[data-view='{view}']").click()
            for zoom in ("40", "1"):
                page.locator(f"button[data-zoom='{zoom}']").click()
                assert _page_overflow(page) == 0, (view, zoom)
        assert opened.errors == []


def test_wide_parts_scroll_in_their_own_box_with_the_city_in_view(many: Opened) -> None:
    page = many.page
    width = many.width
    for box_sel, city_sel in (("#tl-cal .tl-box", "#tl-cal .tl-row .tl-label"), (".mx-box", ".mx tbody th.mx-city"),
                              (".table-wrap", "#cmp tbody td:first-child")):
        box = page.locator(box_sel).first
        assert box.evaluate("b => b.getBoundingClientRect().right") <= width + 0.5, box_sel
        if box_sel.startswith("#tl"):
            page.locator("button[data-zoom='12']").click()  # at 1x the timeline fits its box
        scrollable = box.evaluate("b => b.scrollWidth - b.clientWidth")
        if box_sel == ".mx-box" and width > 1000:
            assert scrollable <= 0  # fourteen services fit a desktop
            continue
        assert scrollable > 0, box_sel
        city = page.locator(city_sel).first
        before = city.bounding_box()
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        after = city.bounding_box()
        assert before is not None and after is not None
        assert abs(after["x"] - before["x"]) < 1, f"{box_sel}: the city column moved"  # sticky
        box.evaluate("b => { b.scrollLeft = 0; }")
        page.locator("button[data-zoom='1']").click()


def test_timeline_bars_are_drawn_and_reachable(many: Opened, artifacts: Path) -> None:
    page = many.page
    page.locator("button[data-zoom='1']").click()
    bars = page.locator("#tl-cal .w.downtime")
    assert bars.count() > 250
    for k in (0, bars.count() // 2, bars.count() - 1):  # first, middle, last
        bar = bars.nth(k)
        bar.scroll_into_view_if_needed()  # scrolls the page and the bar's own box
        box = bar.bounding_box()
        assert box is not None and box["width"] >= 3 and box["height"] >= 8, k
        assert 0 <= box["x"] and box["x"] + min(box["width"], 20) <= many.width, k  # inside the viewport
    # Zoomed in, a bar at the end of the year is brought into view by scrolling its box.
    page.locator("button[data-zoom='12']").click()
    late = page.locator("#tl-cal .tl-year").first.locator(".w.downtime").last
    late.scroll_into_view_if_needed()
    box = late.bounding_box()
    assert box is not None and box["width"] >= 3 and 0 <= box["x"] < many.width
    scrolled = late.evaluate("b => b.closest('.tl-box').scrollLeft")
    assert scrolled > 0
    label = late.evaluate("b => b.closest('.tl-row').querySelector('.tl-label').getBoundingClientRect().left")
    assert label >= 0  # the city label stays in view beside it
    page.locator("#timeline-sec").screenshot(path=str(artifacts / f"report-300-timeline-zoomed-{many.width}px.png"))
    page.locator("button[data-zoom='1']").click()
    page.locator("#tl-cal .tl-year").first.screenshot(path=str(artifacts / f"report-300-year-panel-{many.width}px.png"))


def test_axis_labels_do_not_overlap(many: Opened) -> None:
    page = many.page
    for view in ("tl-cal", "tl-rel"):
        page.locator(f"button.view[data-view='{view}']").click()
        for zoom in ("1", "4", "40"):
            page.locator(f"button[data-zoom='{zoom}']").click()
            for axis in range(page.locator(f"#{view} .tl-axis").count()):
                spans = sorted(page.locator(f"#{view} .tl-axis").nth(axis).evaluate(
                    "a => Array.from(a.querySelectorAll('.tick > span')).filter(e => e.offsetParent !== null)"
                    ".map(e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; })"))
                assert len(spans) >= 3, (view, zoom, axis)
                clash = [(a, b) for a, b in zip(spans, spans[1:]) if a[1] > b[0] + 1]
                assert clash == [], (view, zoom, axis)
    page.locator("button[data-zoom='1']").click()
    page.locator("button.view[data-view='tl-cal']").click()


def test_a_filter_narrows_every_section(many: Opened, artifacts: Path) -> None:
    page = many.page
    _reset(page)
    total = _visible(page, "#cmp tbody tr")
    assert total == 300
    page.locator("#f-domain").select_option("housing_fund")
    rows = _visible(page, "#cmp tbody tr")
    assert 0 < rows < total
    assert _visible(page, "#tl-cal .tl-row") == rows
    assert _visible(page, ".mx tbody tr") == rows
    assert _visible(page, ".mx-domain") == 1  # only the housing-fund matrix is left
    assert page.locator("#f-count").inner_text() == f"显示 {rows} / 300 份公告"
    domains = page.evaluate("Array.from(document.querySelectorAll('#cmp tbody tr')).filter(r => !r.hidden).map(r => r.dataset.domain)")
    assert set(domains) == {"housing_fund"}
    page.locator("#f-year").select_option("2020")
    both = _visible(page, "#cmp tbody tr")
    assert both <= rows
    assert _visible(page, "#tl-cal .tl-year") == (1 if both else 0)  # one year's panel
    page.screenshot(path=str(artifacts / f"report-300-filtered-{many.width}px.png"))
    _reset(page)
    page.locator("#flag-summary .flagchip[data-flag='long_downtime']").click()  # the counts at the top filter too
    flagged = page.evaluate("Array.from(document.querySelectorAll('#cmp tbody tr')).filter(r => !r.hidden).map(r => r.dataset.flags)")
    assert flagged and set(flagged) == {"long_downtime"}
    _reset(page)
    assert _visible(page, "#cmp tbody tr") == 300


def test_city_search(many: Opened) -> None:
    page = many.page
    _reset(page)
    city = page.locator("#cmp tbody tr").nth(7).get_attribute("data-place") or ""
    name = city.split()[0]
    page.locator("#f-q").fill(name)
    hits = page.evaluate("Array.from(document.querySelectorAll('#cmp tbody tr')).filter(r => !r.hidden).map(r => r.dataset.place)")
    assert hits and all(name in h for h in hits) and len(hits) < 300
    shown = page.evaluate("Array.from(document.querySelectorAll('#tl-cal .tl-row')).filter(r => r.offsetParent !== null).length")
    assert shown == len(hits)
    first = page.locator("#tl-cal .tl-row:not([hidden]) .tl-label").first
    assert name in first.inner_text() or name in (first.get_attribute("title") or "")
    page.locator("#f-q").fill("没有这个城市")
    assert _visible(page, "#cmp tbody tr") == 0 and _visible(page, "#tl-cal .tl-year") == 0
    _reset(page)


@pytest.mark.parametrize("many", [390], indirect=True, ids=["390px"])
def test_phone_shows_a_whole_year_without_scrolling(many: Opened) -> None:
    page = many.page
    page.locator("button[data-zoom='1']").click()
    box = page.locator("#tl-cal .tl-box").first
    assert box.evaluate("b => b.scrollWidth - b.clientWidth") <= 1
    label = _box(page, "#tl-cal .tl-label")
    assert label["width"] <= 110  # the label column leaves the plot most of the screen
    assert page.locator("#tl-cal .tl").first.get_attribute("data-density") == "y"  # quarters only


# --- rendering and safety ---------------------------------------------------------------------


def _dated_windows(corpus: synthetic.Corpus) -> int:
    """Windows of distinct outage notices that have a date to draw."""
    ids = {n["notice_id"] for n in corpus.notices}
    kept = {
        n["notice_id"]
        for n in corpus.notices
        if n["is_outage_notice"] and not (n["duplicate_of"] and n["duplicate_of"] in ids)
    }
    return sum(1 for w in corpus.windows if w["notice_id"] in kept and (w["start"] or w["end"]))


def test_one_mark_per_dated_window(many: Opened) -> None:
    page = many.page
    corpus = synthetic.many_cities(300)
    assert page.locator("#tl-cal .w, #tl-cal .p").count() == _dated_windows(corpus)
    starts = {n["notice_id"] for n in corpus.notices}
    no_start = {w["notice_id"] for w in corpus.windows if w["kind"] == "downtime" and w["start"] is None} & starts
    assert no_start
    assert page.locator("#tl-rel .tl-row").count() == 300 - len(no_start)  # nothing made up for them
    assert page.locator("#tl-rel .missing-start a").count() == len(no_start)


def test_duplicates_drawn_once(two: Opened) -> None:
    labels = two.page.locator("#tl-cal .tl-label span").all_text_contents()
    assert labels == ["桂林市", "忻州市", "桂林市"]
    assert two.page.locator("#tl-cal .tl-year").evaluate_all("ps => ps.map(p => p.dataset.year)") == ["2020", "2021"]
    assert two.page.locator("#cmp tbody tr").count() == 3


def test_no_request_leaves_the_machine(two: Opened, many: Opened, hostile: Opened) -> None:
    for opened in (two, many, hostile):
        outside = [u for u in opened.requests if not u.startswith(LOCAL_SCHEMES)]
        assert outside == []
        assert opened.requests  # the page itself was recorded


def test_hostile_text_stays_text(hostile: Opened) -> None:
    page = hostile.page
    assert hostile.dialogs == [] and hostile.errors == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    title_cell = page.locator("#cmp tbody td.c-title[title^='<script>']").first
    assert title_cell.inner_text().startswith("<script>al")
    assert page.evaluate("document.querySelectorAll('[onmouseover],[onerror]').length") == 0
    assert page.evaluate("Array.from(document.links).filter(a => a.protocol === 'javascript:').length") == 0
    page.locator("#f-q").fill("<script>")  # searching markup finds the city whose name holds it
    assert _visible(page, "#cmp tbody tr") == 1
    _reset(page)


# --- evidence ---------------------------------------------------------------------------------


def test_hover_shows_evidence_as_tooltip(two: Opened) -> None:
    bar = two.page.locator("#tl-cal .w.downtime[data-wid='xinzhou-2021-w00']")
    tip = bar.get_attribute("title") or ""
    assert "2021年10月21日18:00至2021年10月31日22:00,全市暂停医保业务。" in tip
    assert "244 小时" in tip


def test_click_on_bar_opens_evidence(two: Opened) -> None:
    page = two.page
    page.locator("button[data-zoom='12']").click()  # a two-day window is a few px wide on a phone: zoom in
    bar = page.locator("#tl-cal .w.suspension").first
    bar.scroll_into_view_if_needed()
    bar.click()
    page.locator("button[data-zoom='1']").click()
    panel = page.locator("#evidence")
    assert panel.is_visible()
    assert "定点零售药店暂停刷卡购药" in panel.inner_text()
    assert page.locator("#evidence mark").first.inner_text().startswith("2021年10月22日")
    page.locator("#evidence button.close").click()
    assert not panel.is_visible()


def test_click_on_number_opens_evidence(two: Opened) -> None:
    page = two.page
    row = page.locator("#cmp tbody tr[data-nid='xinzhou-2021']")
    row.locator("td[data-k='hours']").click()
    text = page.locator("#evidence").inner_text()
    assert "244 小时" in text and "全市暂停医保业务" in text
    assert "忻州市医疗保障局关于医保信息系统切换期间暂停业务的公告" in text  # the notice's title, from its row
    row.locator("td[data-k='services']").click()
    text = page.locator("#evidence").inner_text()
    assert "住院 inpatient: 86 小时" in text and "暂停办理出入院结算" in text
    row.locator("td[data-k='contacts']").click()
    assert "0350-8822001" in page.locator("#evidence").inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("#evidence").is_visible()


def test_matrix_cell_evidence(two: Opened) -> None:
    page = two.page
    page.locator(".mx td.cell[data-service='pharmacy']").first.click()
    text = page.locator("#evidence").inner_text()
    assert "药店 (pharmacy)" in text and "48 小时" in text and "定点零售药店暂停刷卡购药" in text
    page.keyboard.press("Escape")


# --- sorting and views ------------------------------------------------------------------------


def _column(page: Any, key: str) -> list[str]:
    """``data-v`` of one column, top to bottom."""
    return page.locator(f"#cmp tbody td[data-k='{key}']").evaluate_all("tds => tds.map(td => td.dataset.v)")


def test_sorting_by_hours(many: Opened) -> None:
    page = many.page
    head = page.locator("#cmp th[data-key='hours']")
    head.click()
    assert head.get_attribute("aria-sort") == "ascending"
    values = _column(page, "hours")
    known = [float(v) for v in values if v]
    assert known == sorted(known) and known
    assert all(v == "" for v in values[len(known) :])  # blanks last
    head.click()
    assert head.get_attribute("aria-sort") == "descending"
    known = [float(v) for v in _column(page, "hours") if v]
    assert known == sorted(known, reverse=True)
    page.locator("#cmp th[data-key='idx']").click()


def test_sorting_by_city_text(two: Opened) -> None:
    page = two.page
    page.locator("#cmp th[data-key='place']").click()
    places = page.locator("#cmp tbody td[data-k='place']").all_inner_texts()
    assert places == ["桂林市", "桂林市", "忻州市"]  # Chinese collation: gui < xin
    page.locator("#cmp th[data-key='idx']").click()
    assert page.locator("#cmp tbody td[data-k='idx']").all_inner_texts() == ["1", "2", "3"]


def test_aligned_view_toggle(two: Opened, artifacts: Path) -> None:
    page = two.page
    page.locator("button.view[data-view='tl-rel']").click()
    assert page.locator("#tl-rel").is_visible() and not page.locator("#tl-cal").is_visible()
    assert "停机开始" in (page.locator("#tl-rel .tl-axis").text_content() or "")
    # The aligned view borrows its tooltips and evidence from the calendar view.
    page.locator("button[data-zoom='4']").click()
    bar = page.locator("#tl-rel .w.suspension").first
    bar.scroll_into_view_if_needed()
    bar.hover()
    assert "定点零售药店暂停刷卡购药" in (bar.get_attribute("title") or "")
    bar.click()
    assert "定点零售药店暂停刷卡购药" in page.locator("#evidence").inner_text()
    assert page.locator("#evidence mark").count() == 1
    page.locator("#timeline-sec").screenshot(path=str(artifacts / f"report-2-cities-aligned-{two.width}px.png"))
    page.keyboard.press("Escape")
    page.locator("button[data-zoom='1']").click()
    page.locator("button.view[data-view='tl-cal']").click()
    assert page.locator("#tl-cal").is_visible()


def test_section_screenshots(many: Opened, artifacts: Path) -> None:
    """Close-ups of the 300-city sections for a person to check (asserts they were written)."""
    page = many.page
    _reset(page)
    shots = {"top": "header", "matrix": "#matrix-sec .mx-domain", "dist": "#dist-sec", "table": "#table-sec"}
    for name, selector in shots.items():
        path = artifacts / f"report-300-{name}-{many.width}px.png"
        page.locator(selector).first.screenshot(path=str(path))
        assert path.stat().st_size > 5000
    page.locator("button.view[data-view='tl-rel']").click()
    page.locator("#tl-rel .tl-box").screenshot(path=str(artifacts / f"report-300-aligned-{many.width}px.png"))
    page.locator("button.view[data-view='tl-cal']").click()
    assert re.search(r"300", page.locator(".cards").inner_text())
