"""report.html in a real browser: charts render, nothing is fetched, evidence and sorting work.

Runs headless Chromium (the distribution's, ``/usr/bin/chromium``; install it with
``apt-get install -y chromium``) through Playwright's Python API. Screenshots of each scenario go
to ``test-artifacts/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import build_report
import synthetic  # tests/synthetic.py (pytest puts tests/ on sys.path)

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
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LOCAL_SCHEMES = ("file:", "data:", "about:")

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A report page plus what it did: requests made, dialogs raised, script errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []


def _open(browser: Any, corpus: synthetic.Corpus, folder: Path, name: str) -> Iterator[Opened]:
    """Build the report of ``corpus`` and open it in a fresh page."""
    synthetic.write_parsed(corpus, folder / "parsed")
    html = build_report(folder / "parsed")["html"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    opened = Opened(page)
    page.on("request", lambda r: opened.requests.append(r.url))
    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    yield opened
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"report-{name}.png"), full_page=True)
    page.close()


@pytest.fixture(scope="module")
def two(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """The two-city report, open."""
    yield from _open(browser, synthetic.two_cities(), tmp_path_factory.mktemp("two"), "2-cities")


@pytest.fixture(scope="module")
def many(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """The 300-city report, open."""
    yield from _open(browser, synthetic.many_cities(300), tmp_path_factory.mktemp("many"), "300-cities")


@pytest.fixture(scope="module")
def hostile(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """The hostile report, open."""
    yield from _open(browser, synthetic.hostile(), tmp_path_factory.mktemp("hostile"), "hostile")


def _dated_windows(corpus: synthetic.Corpus) -> int:
    """Windows of distinct outage notices that have a date to draw."""
    ids = {n["notice_id"] for n in corpus.notices}
    kept = {
        n["notice_id"]
        for n in corpus.notices
        if n["is_outage_notice"] and not (n["duplicate_of"] and n["duplicate_of"] in ids)
    }
    return sum(1 for w in corpus.windows if w["notice_id"] in kept and (w["start"] or w["end"]))


def _box(page: Any, selector: str) -> dict[str, float]:
    """Bounding box of the first element matching ``selector`` (it must exist)."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


# --- rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["two", "many", "hostile"])
def test_charts_render_with_size(name: str, request: pytest.FixtureRequest) -> None:
    opened: Opened = request.getfixturevalue(name)
    page = opened.page
    for selector in ("#tl-cal svg.timeline", "svg.matrix", "svg.hist"):
        box = _box(page, selector)
        assert box["width"] > 100 and box["height"] > 10, selector
    bar = _box(page, "#tl-cal g.win.downtime rect")
    assert bar["width"] >= 3 and bar["height"] > 5
    assert opened.errors == []


@pytest.mark.parametrize(
    ("name", "corpus"),
    [("two", synthetic.two_cities), ("many", lambda: synthetic.many_cities(300)), ("hostile", synthetic.hostile)],
)
def test_one_bar_per_dated_window(name: str, corpus: Any, request: pytest.FixtureRequest) -> None:
    page = request.getfixturevalue(name).page
    expected = _dated_windows(corpus())
    assert page.locator("#tl-cal g.win").count() == expected
    assert page.locator("#tl-rel g.win").count() == expected  # the aligned view draws the same


def test_duplicates_drawn_once(two: Opened) -> None:
    labels = two.page.locator("#tl-cal a.tlabel text").all_text_contents()
    assert labels == ["桂林市 2020-05", "忻州市 2021-10", "桂林市 2021-11"]
    assert two.page.locator("#cmp tbody tr").count() == 3


def test_no_request_leaves_the_machine(two: Opened, many: Opened, hostile: Opened) -> None:
    for opened in (two, many, hostile):
        outside = [u for u in opened.requests if not u.startswith(LOCAL_SCHEMES)]
        assert outside == []
        assert opened.requests  # the page itself was recorded


def test_hostile_text_stays_text(hostile: Opened) -> None:
    page = hostile.page
    assert hostile.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    # The markup of the title shows as characters in the table.
    title_cell = page.locator("#cmp tbody td[title^='<script>']").first
    assert title_cell.inner_text().startswith("<script>al")
    assert page.evaluate("document.querySelectorAll('[onmouseover],[onerror]').length") == 0
    # The javascript: URL is not a link.
    assert page.evaluate("Array.from(document.links).filter(a => a.protocol === 'javascript:').length") == 0


# --- labels stay apart ------------------------------------------------------------------------


def _overlaps(boxes: list[dict[str, float]], axis: str) -> list[tuple[int, int]]:
    """Pairs of neighbouring boxes (sorted along ``axis``) that overlap."""
    key, size = ("x", "width") if axis == "x" else ("y", "height")
    boxes = sorted(boxes, key=lambda b: b[key])
    return [(i, i + 1) for i in range(len(boxes) - 1) if boxes[i][key] + boxes[i][size] > boxes[i + 1][key] + 0.5]


@pytest.mark.parametrize("name", ["two", "many"])
def test_labels_do_not_overlap(name: str, request: pytest.FixtureRequest) -> None:
    page = request.getfixturevalue(name).page
    js = "sel => Array.from(document.querySelectorAll(sel)).map(e => { const b = e.getBBox(); return {x: b.x, y: b.y, width: b.width, height: b.height}; })"
    for view in ("#tl-cal", "#tl-rel"):
        assert _overlaps(page.evaluate(js, f"{view} svg.axis text"), "x") == []
        assert _overlaps(page.evaluate(js, f"{view} a.tlabel text"), "y") == []
        labels = page.evaluate(js, f"{view} a.tlabel text")
        assert all(b["x"] + b["width"] <= 250 for b in labels)  # inside the label column
    assert _overlaps(page.evaluate(js, "svg.matrix a.tlabel text"), "y") == []
    assert _overlaps(page.evaluate(js, ".axis-wrap svg.axis text.col-label"), "x") == []
    for hist in page.locator("svg.hist").all():
        ticks = hist.evaluate("h => Array.from(h.querySelectorAll('text.tick-label')).filter(t => t.getAttribute('text-anchor') === 'middle').map(e => { const b = e.getBBox(); return {x: b.x, y: b.y, width: b.width, height: b.height}; })")
        assert _overlaps(ticks, "x") == []


def test_long_timeline_scrolls_inside_its_box(many: Opened) -> None:
    page = many.page
    box = _box(page, "#tl-cal .scroll")
    chart = _box(page, "#tl-cal svg.timeline")
    assert chart["height"] > 300 * 20  # one readable row per notice ...
    assert box["height"] < 1000  # ... inside a box that scrolls


# --- evidence ---------------------------------------------------------------------------------


def test_hover_shows_evidence_as_tooltip(two: Opened) -> None:
    page = two.page
    bar = page.locator("#tl-cal g.win.downtime[data-wid='xinzhou-2021-w00']")
    bar.hover()
    tip = bar.locator("title").text_content() or ""
    assert "2021年10月21日18:00至2021年10月31日22:00,全市暂停医保业务。" in tip
    assert "244 小时" in tip


def test_click_on_bar_opens_evidence(two: Opened) -> None:
    page = two.page
    page.locator("#tl-cal g.win.suspension").first.click()
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
    row.locator("td[data-k='services']").click()
    text = page.locator("#evidence").inner_text()
    assert "住院: 86 小时" in text and "暂停办理出入院结算" in text
    row.locator("td[data-k='contacts']").click()
    assert "0350-8822001" in page.locator("#evidence").inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("#evidence").is_visible()


def test_matrix_cell_evidence(two: Opened) -> None:
    page = two.page
    page.locator("svg.matrix g.cell[data-service='pharmacy']").first.click()
    text = page.locator("#evidence").inner_text()
    assert "48 小时" in text and "定点零售药店暂停刷卡购药" in text


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


def test_sorting_by_city_text(two: Opened) -> None:
    page = two.page
    page.locator("#cmp th[data-key='place']").click()
    places = page.locator("#cmp tbody tr td:nth-child(2)").all_inner_texts()
    assert places == ["桂林市", "桂林市", "忻州市"]  # Chinese collation: gui < xin
    page.locator("#cmp th[data-key='idx']").click()
    assert page.locator("#cmp tbody tr td:nth-child(1)").all_inner_texts() == ["1", "2", "3"]


def test_aligned_view_toggle(two: Opened) -> None:
    page = two.page
    page.locator("button.view[data-view='tl-rel']").click()
    assert page.locator("#tl-rel").is_visible() and not page.locator("#tl-cal").is_visible()
    assert "停机开始" in (page.locator("#tl-rel svg.axis").text_content() or "")
    # The aligned view borrows its tooltips and evidence from the calendar view.
    bar = page.locator("#tl-rel g.win.suspension").first
    bar.hover()
    assert "定点零售药店暂停刷卡购药" in (bar.locator("title").text_content() or "")
    bar.click()
    assert "定点零售药店暂停刷卡购药" in page.locator("#evidence").inner_text()
    assert page.locator("#evidence mark").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#timeline-sec").screenshot(path=str(ARTIFACTS / "report-2-cities-aligned.png"))
    page.locator("button.view[data-view='tl-cal']").click()
    assert page.locator("#tl-cal").is_visible()


def test_section_screenshots(many: Opened) -> None:
    """Close-ups of the 300-city charts for a person to check (asserts they were written)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = many.page
    shots = {"timeline": "#timeline-sec", "matrix": "#matrix-sec", "dist": "#dist-sec", "table": "#table-sec"}
    for name, selector in shots.items():
        path = ARTIFACTS / f"report-300-{name}.png"
        page.locator(selector).screenshot(path=str(path))
        assert path.stat().st_size > 5000
    page.locator("button.view[data-view='tl-rel']").click()
    page.locator("#timeline-sec").screenshot(path=str(ARTIFACTS / "report-300-aligned.png"))
    page.locator("button.view[data-view='tl-cal']").click()
    assert re.search(r"300", page.locator(".cards").inner_text())
