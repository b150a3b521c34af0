"""HTML pages and their plain-text copies give the same body and metadata; page chrome is dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.parse import parse_document
from pipeline.records import RawDocument

from conftest import PAGES, SEEDS


def _parse(path: Path, content_type: str | None = None):  # type: ignore[no-untyped-def]
    return parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path), content_type=content_type))


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


SEED_PAGES = [
    pytest.param("xinzhou-2021", "utf8", None, "utf-8", id="xinzhou-trs-utf8"),
    pytest.param("xinzhou-2021", "gbk", None, "gb18030", id="xinzhou-govcn-gbk-meta-only"),
    pytest.param("xinzhou-2021", "gbk", "text/html; charset=utf-8", "gb18030", id="xinzhou-gbk-lying-header"),
    pytest.param("guilin-2020", "utf8", None, "utf-8", id="guilin-hospital-repost-utf8"),
    pytest.param("guilin-2020", "gbk", None, "gb18030", id="guilin-hanweb-gbk"),
]


@pytest.mark.parametrize("seed, variant, header, encoding", SEED_PAGES)
def test_html_matches_text_copy(seed: str, variant: str, header: str | None, encoding: str) -> None:
    text_notice = _parse(SEEDS / f"{seed}.txt")
    page_notice = _parse(PAGES / f"{seed}.{variant}.html", header)
    assert page_notice.encoding == encoding
    # The same lines; blank lines are layout (the page sets paragraphs apart by CSS margins, which
    # a browser's text shows as nothing between two <p>s, the text copy by empty lines).
    assert _lines(page_notice.body_text) == _lines(text_notice.body_text)
    for field in ("title", "publisher", "province", "city"):
        assert getattr(page_notice, field) == getattr(text_notice, field), field
    assert page_notice.published_at.date() == text_notice.published_at.date()


@pytest.mark.parametrize("seed", ["xinzhou-2021", "guilin-2020"])
def test_seed_metadata(seed: str) -> None:
    gold = json.loads((SEEDS / f"{seed}.json").read_text(encoding="utf-8"))
    n = _parse(SEEDS / f"{seed}.txt")
    assert n.title == gold["title"]
    assert n.publisher == gold["publisher"]
    assert n.published_at.date().isoformat() == gold["published"]


def test_chrome_is_not_in_the_body() -> None:
    n = _parse(PAGES / "xinzhou-2021.utf8.html")
    for chrome in ("当前位置", "中国政府网", "版权所有", "打印本页", "关闭本页", "大 中 小", "ICP备", "附件:"):
        assert chrome not in n.body_text, chrome
    # a phone table keeps one organisation per line
    assert "忻州市医保中心 0350-3032798综合科" in n.body_text.split("\n")
    assert "0350-6100995" in n.body_text.split("\n")
    hospital = _parse(PAGES / "guilin-2020.utf8.html")
    for chrome in ("设为首页", "网站首页", "桂林理工大学医院", "关闭窗口", "医保专栏"):
        assert chrome not in hospital.body_text, chrome


_BODY = ("<p>某市医疗保障局关于医保信息系统切换期间暂停医保服务的公告</p>"
         "<p>发布时间:2021-06-19 来源:某市医疗保障局</p><p>各参保单位、参保人员:</p>"
         "<p>因系统切换,6月26日18:00至7月2日8:00全市医保业务暂停办理。现将有关事项公告如下:</p>"
         "<p>一、暂停服务时间</p><p>6月26日18:00至7月2日8:00。</p>")


def _page(head: str, heading: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><div class='nav'>首页 | 政务公开</div>"
            f"{heading}<div id='zoom' class='zhengwen'>{_BODY}</div></body></html>").encode("utf-8")


NOT_TITLES = [
    # (head, heading): what a template prints where the title goes that is no title
    pytest.param("<title>您当前的位置:首页 &gt; 政务公开 &gt; 通知公告_某市医保局</title>"
                 "<meta name='ArticleTitle' content='您当前的位置:首页 &gt; 政务公开 &gt; 通知公告'>",
                 "<h1 class='title'>您当前的位置:首页 &gt; 政务公开 &gt; 通知公告</h1>", id="breadcrumb-in-meta-and-h1"),
    pytest.param("<title>某市人力资源和社会保障局 &gt; 通知公告</title>",
                 "<h2 class='title'>【通告】某市人力资源和社会保障局 &gt; 通知公告</h2>", id="one-step-breadcrumb"),
    pytest.param("<title>一、暂停服务时间-人民医院</title>", "<h2 class='title'>【通告】一、暂停服务时间</h2>",
                 id="numbered-section-heading"),
    pytest.param("<title>温馨提示</title>", "<h1>💡 温馨提示</h1>", id="a-posts-symbol-led-section-heading"),
]


@pytest.mark.parametrize("head, heading", NOT_TITLES)
def test_breadcrumb_or_section_heading_is_not_the_pages_title(head: str, heading: str) -> None:
    n = parse_document(RawDocument(source="page.html", data=_page(head, heading), content_type="text/html"))
    assert n.title == "某市医疗保障局关于医保信息系统切换期间暂停医保服务的公告"
    assert n.published_at is not None and n.published_at.date().isoformat() == "2021-06-19"
    assert n.publisher == "某市医疗保障局"


def test_a_headline_in_the_title_place_is_the_title() -> None:
    """Near miss: a real headline in h1 (no list number, no breadcrumb) stays the title."""
    page = _page("<title>医保系统切换公告</title>", "<h1>某市医保系统切换这几天暂停结算</h1>")
    n = parse_document(RawDocument(source="page.html", data=page, content_type="text/html"))
    assert n.title == "某市医保系统切换这几天暂停结算"
