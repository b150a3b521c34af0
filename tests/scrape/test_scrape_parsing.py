"""Pure parsing pieces of the scraper: URLs, list pages, decoding, page classification."""

from __future__ import annotations

import pytest

from pipeline.scrape.verdict import classify, sniff_suffix
from pipeline.scrape.http import Response
from pipeline.scrape.listing import (attachment_links, decode_page, hanweb_requests, parse_hanweb_data,
                                     parse_hanweb_shell, parse_next_link, parse_trs, title_matches)
from pipeline.scrape.urls import canonical_url, resolve

BASE = "http://rsj.example/tzgg/index.html"

# --- URLs ---------------------------------------------------------------------------------------
RESOLVE = [
    # real notice pages (FIXTURES.md URL shapes)
    pytest.param("./202509/t20250924_1351817.html", "http://rsj.example/tzgg/202509/t20250924_1351817.html", id="trs-dot-slash"),
    pytest.param("../../art/2021/9/24/art_1234_5678.html", "http://rsj.example/art/2021/9/24/art_1234_5678.html", id="hanweb-up-up"),
    pytest.param("//www.gov.cn/zhengce/content_5.htm", "http://www.gov.cn/zhengce/content_5.htm", id="protocol-relative"),
    pytest.param("HTTPS://RSJ.Example:443/a/#top", "https://rsj.example/a/", id="case-port-fragment"),
    pytest.param("/attach/停机清单.doc", "http://rsj.example/attach/%E5%81%9C%E6%9C%BA%E6%B8%85%E5%8D%95.doc", id="chinese-path"),
    # bugs and attacks
    pytest.param("/tzgg/../private/x.html", "http://rsj.example/private/x.html", id="dot-dot-absolute-path"),
    pytest.param("/tzgg/%2e%2e/private/x.html", "http://rsj.example/private/x.html", id="encoded-dot-dot"),
    pytest.param("../../../../etc/passwd", "http://rsj.example/etc/passwd", id="climb-above-root"),
    pytest.param("javascript:void(0)", None, id="javascript"),
    pytest.param("mailto:a@b.example", None, id="mailto"),
    pytest.param("ftp://files.example/a.pdf", None, id="ftp"),
    pytest.param("#", None, id="fragment-only"),
    pytest.param("http://a.example:99999/x", None, id="bad-port"),
]


@pytest.mark.parametrize(("href", "expected"), RESOLVE)
def test_resolve(href: str, expected: str | None) -> None:
    assert resolve(BASE, href) == expected


def test_canonical_url_is_idempotent() -> None:
    for param in RESOLVE:
        expected = param.values[1]
        if isinstance(expected, str):
            assert canonical_url(expected) == expected


# --- decoding -----------------------------------------------------------------------------------
GBK_PAGE = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>系统停机公告</body></html>'
DECODE = [
    pytest.param(GBK_PAGE.encode("gb18030"), "text/html; charset=utf-8", None, id="header-lies-utf8-over-gbk"),
    pytest.param(GBK_PAGE.encode("gb18030"), None, None, id="meta-only-gbk"),
    pytest.param(GBK_PAGE.replace("gb2312", "utf-8").encode(), "text/html; charset=gbk", None, id="header-lies-gbk-over-utf8"),
    pytest.param(b"\xef\xbb\xbf" + GBK_PAGE.encode(), "text/html; charset=gbk", None, id="bom-wins"),
    pytest.param(GBK_PAGE.encode("gb18030"), None, "gb18030", id="hint"),
]


@pytest.mark.parametrize(("body", "content_type", "hint"), DECODE)
def test_decode_page(body: bytes, content_type: str | None, hint: str | None) -> None:
    assert "系统停机公告" in decode_page(body, content_type, hint)


# --- list pages ---------------------------------------------------------------------------------
TRS_PAGE = """<ul>
<li><a href="./202109/t20210924_1.html" title="关于医保系统停机切换的公告">关于医保系统停机...</a><span>2021-09-24</span></li>
<!-- <li><a href="./202001/t20200101_9.html" title="系统停机旧公告">decoy</a></li> -->
<li><a href="./202109/t20210920_2.html">关于开展年度认证的通知</a></li>
</ul>
<script>var countPage = 3//共多少页
createPageHTML(3, 0, "index", "html");</script>"""


def test_trs_items_pages_and_comment_decoys() -> None:
    page = parse_trs(TRS_PAGE, BASE, first=True)
    assert [link.url for link in page.items] == ["http://rsj.example/tzgg/202109/t20210924_1.html",
                                                 "http://rsj.example/tzgg/202109/t20210920_2.html"]
    assert page.items[0].title == "关于医保系统停机切换的公告"  # title attribute beats cut text
    assert page.pages == ["http://rsj.example/tzgg/index_1.html", "http://rsj.example/tzgg/index_2.html"]
    assert parse_trs(TRS_PAGE, BASE, first=False).pages == []


def test_trs_count_page_only() -> None:
    page = parse_trs("<script>var countPage = 2//共多少页</script>", BASE, first=True)
    assert page.pages == ["http://rsj.example/tzgg/index_1.html"]


def test_next_link() -> None:
    text = '<a href="list_1.html">上一页</a><a href="list_3.html">下一页</a><a href="list_9.html">尾页</a>'
    assert parse_next_link(text, "http://g.example/tz/list_2.html").pages == ["http://g.example/tz/list_3.html"]
    assert parse_next_link('<a rel="next" href="p2">更多</a>', "http://g.example/tz/").pages == ["http://g.example/tz/p2"]
    assert parse_next_link("<p>no pager</p>", "http://g.example/tz/").pages == []


HANWEB_SHELL = """<div id="5678"><script type="text/xml"><datastore></datastore></script></div>
<script>$('#5678').jpage({ perPage: 20, proxyUrl: "/module/web/jpage/dataproxy.jsp", webid: 3, columnid: 1234, unitid: 5678 });</script>"""
HANWEB_XML = """<datastore><totalrecord>47</totalrecord><recordset>
<record><![CDATA[<li><a href="/art/2021/9/24/art_1234_1.html" title="系统切换停机公告">系统切换停机公告</a><span>2021-09-24</span></li>]]></record>
<record>&lt;li&gt;&lt;a href="/art/2021/9/1/art_1234_2.html"&gt;医保升级&lt;/a&gt;&lt;/li&gt;</record>
</recordset></datastore>"""


def test_hanweb_shell_and_data() -> None:
    query = parse_hanweb_shell(HANWEB_SHELL, "http://y.example/col/col1234/index.html?uid=5678&pageNum=1")
    assert query is not None
    assert query.form["columnid"] == "1234" and query.form["unitid"] == "5678" and query.form["webid"] == "3"
    assert query.perpage == 20
    assert hanweb_requests(query, 61) == "http://y.example/module/web/jpage/dataproxy.jsp?startrecord=61&endrecord=120&perpage=20"
    links, total = parse_hanweb_data(HANWEB_XML, "http://y.example/module/web/jpage/dataproxy.jsp")
    assert total == 47
    assert [link.title for link in links] == ["系统切换停机公告", "医保升级"]
    assert parse_hanweb_shell("<p>plain page</p>", "http://y.example/list.html") is None
    assert parse_hanweb_data("<html>error</html>", "http://y.example/") == ([], None)


def test_attachment_links() -> None:
    text = """<a href="/picture/0/a.PDF">公告.pdf</a> <a href="/module/download/downfile.jsp?classid=0&filename=b.xls&x=1">名单</a>
    <a href="/art/2021/9/1/art_1.html">相关新闻</a> <a href="/files/get?id=9">停机安排.docx</a>"""
    found = [link.url.rsplit("/", 1)[1] for link in attachment_links(text, "http://y.example/art/x.html")]
    assert found == ["a.PDF", "downfile.jsp?classid=0&filename=b.xls&x=1", "get?id=9"]


@pytest.mark.parametrize(("title", "expected"), [
    pytest.param("关于医疗保障信息系统停机切换的通告", True, id="stop-and-switch"),
    pytest.param("关于2021年度定点医药机构名单的通知", False, id="no-keyword"),
    pytest.param("", False, id="empty"),
])
def test_title_matches(title: str, expected: bool) -> None:
    assert title_matches(title, ("停机", "切换", "升级", "暂停", "系统")) is expected


# --- classification -------------------------------------------------------------------------------
def _resp(status: int, body: bytes = b"", content_type: str | None = "text/html", url: str = "http://h.example/a.html",
          reason: str | None = None) -> Response:
    headers = {"content-type": content_type} if content_type else {}
    return Response(url=url, final_url=url, status=status, headers=headers, body=body, reason=reason)


ARTICLE = ("<html><body><div class=TRS_Editor>" + "<p>2021年9月30日18:00起暂停医保业务。</p>" * 60
           + "</div><script>document.cookie='x=1'</script></body></html>").encode()
CLASSIFY = [
    # what real sites answer
    pytest.param(_resp(200, ARTICLE), "detail", ("stored", None), id="article-with-cookie-script"),
    pytest.param(_resp(304), "detail", ("unchanged", None), id="not-modified"),
    pytest.param(_resp(412, b"<script>$_ts=window['$_ts'];</script>"), "detail", ("blocked", "blocked"), id="412-script"),
    pytest.param(_resp(200, b"<html><script>document.cookie='__jsl_clearance=1';location.reload()</script></html>"),
                 "detail", ("blocked", "blocked"), id="200-cookie-challenge"),
    pytest.param(_resp(200, "<html><body><p>抱歉,您访问的页面不存在!</p></body></html>".encode()), "detail",
                 ("not_found", "soft_404"), id="soft-404"),
    pytest.param(_resp(200, "<html><body>文件不存在</body></html>".encode("gb18030"), "text/html; charset=gbk",
                       url="http://h.example/a.xls"), "attachment", ("not_found", "soft_404"), id="xls-file-missing-gbk"),
    pytest.param(_resp(200, b"<html><body></body></html>", url="http://h.example/a.xls"), "attachment",
                 ("not_found", "soft_404"), id="xls-empty-html"),
    pytest.param(_resp(200, b"%PDF-1.4 ...", "text/html"), "attachment", ("stored", None), id="pdf-with-lying-type"),
    pytest.param(_resp(404), "detail", ("not_found", "http_404"), id="404"),
    pytest.param(_resp(410), "detail", ("not_found", "http_410"), id="410"),
    pytest.param(_resp(403), "detail", ("blocked", "http_403"), id="403"),
    pytest.param(_resp(503), "detail", ("error", "http_503"), id="503-after-retries"),
    pytest.param(_resp(200, b"   "), "detail", ("error", "empty"), id="empty-body"),
    pytest.param(_resp(200, reason="timeout"), "detail", ("error", "timeout"), id="timeout"),
    pytest.param(_resp(301, reason="not_allowed"), "detail", ("skipped", "not_allowed"), id="redirect-off-allow"),
    # guards against false alarms: a long notice that mentions a missing page is still a notice
    pytest.param(_resp(200, ("<html><body>" + "<p>如页面不存在请刷新。系统停机通知正文。</p>" * 200 + "</body></html>").encode()),
                 "detail", ("stored", None), id="long-page-quoting-404-words"),
]


@pytest.mark.parametrize(("resp", "kind", "expected"), CLASSIFY)
def test_classify(resp: Response, kind: str, expected: tuple[str, str | None]) -> None:
    verdict = classify(resp, kind)
    assert (verdict.outcome, verdict.reason) == expected


@pytest.mark.parametrize(("body", "content_type", "suffix"), [
    pytest.param(b"%PDF-1.7", "application/octet-stream", ".pdf", id="pdf"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "text/html", ".ole", id="doc-lying-html"),
    pytest.param(b"PK\x03\x04rest", None, ".zip", id="docx"),
    pytest.param(b"<!DOCTYPE html><html>", "application/octet-stream", ".html", id="html-lying-binary"),
    pytest.param(b'<?xml version="1.0"?><datastore>', "text/xml", ".xml", id="hanweb-xml"),
    pytest.param("停机公告 正文".encode("gb18030"), "text/plain", ".txt", id="gbk-text"),
    pytest.param(b"\x00\x01\x02\x03", None, ".bin", id="binary"),
])
def test_sniff_suffix(body: bytes, content_type: str | None, suffix: str) -> None:
    assert sniff_suffix(body, content_type) == suffix


# --- PDF text -----------------------------------------------------------------------------------
def test_pdf_text() -> None:
    from fixtureweb.pdfgen import scanned_pdf, text_pdf

    from pipeline.scrape.pdf import extract_pdf_text

    lines = ["关于医保信息系统升级停机的公告", "2021年9月30日18:00至10月5日15:00暂停服务。"]
    assert extract_pdf_text(text_pdf(lines)) == "\n".join(lines)
    assert extract_pdf_text(scanned_pdf()) is None  # no text layer
    assert extract_pdf_text(b"%PDF-1.4 garbage") is None
    assert extract_pdf_text(text_pdf(lines)[:200]) is None  # cut off
