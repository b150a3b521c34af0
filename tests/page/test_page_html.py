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
