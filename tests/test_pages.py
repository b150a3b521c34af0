"""HTML pages and their plain-text copies give the same body and metadata; page chrome is dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalize import normalize_text
from pipeline.parse import parse_document
from pipeline.records import RawDocument
from pipeline.textclean import clean_page

from conftest import CORPUS, PAGES


def _parse(path: Path, content_type: str | None = None):  # type: ignore[no-untyped-def]
    return parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path), content_type=content_type))


SEED_PAGES = [
    pytest.param("xinzhou-2021", "utf8", None, "utf-8", id="xinzhou-trs-utf8"),
    pytest.param("xinzhou-2021", "gbk", None, "gb18030", id="xinzhou-govcn-gbk-meta-only"),
    pytest.param("xinzhou-2021", "gbk", "text/html; charset=utf-8", "gb18030", id="xinzhou-gbk-lying-header"),
    pytest.param("guilin-2020", "utf8", None, "utf-8", id="guilin-hospital-repost-utf8"),
    pytest.param("guilin-2020", "gbk", None, "gb18030", id="guilin-hanweb-gbk"),
]


@pytest.mark.parametrize("seed, variant, header, encoding", SEED_PAGES)
def test_html_matches_text_copy(seed: str, variant: str, header: str | None, encoding: str) -> None:
    text_notice = _parse(CORPUS / "seeds" / f"{seed}.txt")
    page_notice = _parse(PAGES / f"{seed}.{variant}.html", header)
    assert page_notice.encoding == encoding
    assert page_notice.body_text == text_notice.body_text
    for field in ("title", "publisher", "province", "city"):
        assert getattr(page_notice, field) == getattr(text_notice, field), field
    assert page_notice.published_at.date() == text_notice.published_at.date()


@pytest.mark.parametrize("seed", ["xinzhou-2021", "guilin-2020"])
def test_seed_metadata(seed: str) -> None:
    gold = json.loads((CORPUS / "seeds" / f"{seed}.json").read_text(encoding="utf-8"))
    n = _parse(CORPUS / "seeds" / f"{seed}.txt")
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


CLEAN_CASES = [
    # (page text, title, publisher, published date or None)
    pytest.param("关于系统停机的通告\n发布时间:2021年09月24日\n来源:天门网\n打印:\n字体:\n为进一步加强建设,现通知如下:\n一、时间",
                 "关于系统停机的通告", None, "2021-09-24", id="host-news-site-is-not-publisher"),
    pytest.param("停机时间:2022年2月26日0时至3月20日24时\n停机影响业务范围:\n全市基本养老保险所有业务;",
                 None, None, None, id="停机时间-is-not-an-info-line"),
    pytest.param("唐山市医保停机时间(唐山医保年底什么时候停止结算)\n来源: 更新时间:2022-09-29 09:37:35\nThe Beginning\n为做好年终结转工作,现就有关事项通告如下:",
                 "唐山市医保停机时间(唐山医保年底什么时候停止结算)", None, None, id="aggregator-update-stamp-untrusted"),
    pytest.param("标题一行的公告\n发表于 2021-11-27 08:48:59 | 显示全部楼层 |阅读模式\n正文第一句话写得比较长,说明停机安排。",
                 "标题一行的公告", None, None, id="forum-post-stamp-untrusted"),
    pytest.param("公告!郴州于8月31日至9月9日暂停医保相关经办业务\n来源:红网时刻 作者:郴州市医疗保障局 编辑:何雨杏 2021-08-23 11:45:39\n为提供更加高效优质的医保服务,现公告如下:",
                 "公告!郴州于8月31日至9月9日暂停医保相关经办业务", "郴州市医疗保障局", "2021-08-23", id="author-is-publisher-not-outlet"),
    pytest.param("一、暂停办理业务时间\n2019年8月21日20时至2019年8月26日8时。\n特此通告。\n国家税务总局北京市税务局\n2019年8月14日",
                 None, "国家税务总局北京市税务局", "2019-08-14", id="signature-block"),
    pytest.param("南昌公积金暂停服务通知\n南昌公积金暂停服务通知\n关于年度结算暂停服务的通知\n各住房公积金缴存单位和职工:\n根据业务需要,现通知如下:\n特此通知\n南昌住房公积金管理中心\n【南昌公积金暂停服务通知】2023年12月15日\n相关经验推荐",
                 "关于年度结算暂停服务的通知", "南昌住房公积金管理中心", "2023-12-15", id="own-heading-over-aggregator-title"),
    pytest.param("桂林医保关于停机切换上线国家医疗保障信息平台的通告\n来源: 最后更新:22-09-15 04:51:58\n导读:本文将主要为大家提供桂林医保关于...\n为深入贯彻落实党中央决策部署,现通告如下:",
                 "桂林医保关于停机切换上线国家医疗保障信息平台的通告", "桂林医保", None, id="issuer-before-关于-in-title"),
    pytest.param("巴州关于系统切换停机的通告\n巴州关于系统切换停机的通告\n一、业务停办范围和时间安排",
                 "巴州关于系统切换停机的通告", None, None, id="place-before-关于-is-not-an-issuer"),
    pytest.param("12月30日:因医保信息系统年度处理需要,医保实时交易系统将于2015年12月31日22:00至2016年1月1日凌晨5:00期间暂时停止结算服务。",
                 None, None, "2015-12-30", id="news-dateline-is-publication"),
    pytest.param("注意啦!\n4月24日0时至5月8日9时\n全市医保网上服务\n将暂停\n根据工作部署,深圳市社会保险信息系统定于2023年4月24日0时至5月8日9时停机,切换上线。",
                 None, None, None, id="wechat-teaser-has-no-title"),
    pytest.param("关于遵义市暂停业务办理的公告\n按照贵州省医疗保障局的部署和安排,遵义市人社局、遵义市医保局将于2019年12月28日12:00至2020年1月2日8:00期间进行停机迁移,现将有关事项公告如下:",
                 "关于遵义市暂停业务办理的公告", "遵义市人社局、遵义市医保局", None, id="joint-issuers-in-opening-sentence"),
]


@pytest.mark.parametrize("text, title, publisher, published", CLEAN_CASES)
def test_clean_page(text: str, title: str | None, publisher: str | None, published: str | None) -> None:
    page = clean_page(normalize_text(text))
    assert page.title == title
    assert page.publisher == publisher
    assert (page.published_at.date().isoformat() if page.published_at else None) == published
    for start, end in page.skip_spans:
        assert 0 <= start < end <= len(page.body_text)


def test_signature_date_span_is_skipped() -> None:
    page = clean_page("一、时间\n2019年8月21日20时起暂停。\n国家税务总局北京市税务局\n2019年8月14日")
    assert [page.body_text[s:e] for s, e in page.skip_spans] == ["2019年8月14日"]
