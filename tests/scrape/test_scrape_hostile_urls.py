"""URLs and names from a page are hostile: traversal links, a 100 KB link, a traversal file name.

The ``allow`` check decoded only ``%2e``: ``..%2f``, ``..%5c``, ``..;/`` and ``%252e%252e`` under an
allowed folder were requested, and reach other folders on IIS and Tomcat hosts. A traversal
``Content-Disposition`` name went verbatim into the ``filename`` column, and a 100 KB link was
logged ``not_allowed`` with the detail "URL too long".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtureweb import FAST_SETTINGS, Route, Site
from fixtureweb.server import WebServer

from pipeline.scrape.crawl import crawl
from pipeline.scrape.http import content_disposition_filename, safe_filename
from pipeline.scrape.rawstore import read_log
from pipeline.scrape.sources import parse_sources, url_allowed
from pipeline.scrape.urls import MAX_URL_LENGTH, canonical_url, hostile_path

TRAVERSALS = [
    "/tzgg/..%2fprivate/a.html", "/tzgg/..%2Fprivate/a.html", "/tzgg/..%5cprivate/b.html", "/tzgg/..\\private/b2.html",
    "/tzgg/..;/private/c.html", "/tzgg/%2e%2e;/private/c2.html", "/tzgg/%252e%252e/private/d.html",
    "/tzgg/%25252e%25252e/private/d2.html", "/tzgg/.%252e/private/d3.html", "/tzgg/%u002e%u002e/private/e.html",
    "/tzgg/a%2fb/../../private/f.html",
]


@pytest.mark.parametrize("path", [*TRAVERSALS, "/tzgg/%00x.html", "/tzgg/%0d%0aSet-Cookie:x.html"])
def test_a_disguised_traversal_is_refused_before_the_allow_check(path: str) -> None:
    url = "http://rsj.example" + path
    assert canonical_url(url) is None
    assert not url_allowed(url, ("http://rsj.example/tzgg/",))


@pytest.mark.parametrize(("url", "canonical"), [
    ("http://rsj.example/tzgg/../private/x.html", "http://rsj.example/private/x.html"),  # resolved, then checked
    ("http://rsj.example/tzgg/%2e%2e/private/x.html", "http://rsj.example/private/x.html"),
    ("http://rsj.example/tzgg/list.jsp;jsessionid=AB12", "http://rsj.example/tzgg/list.jsp;jsessionid=AB12"),
    ("http://rsj.example/tzgg/100%25.pdf", "http://rsj.example/tzgg/100%25.pdf"),
    ("http://rsj.example/tzgg/停机.doc", "http://rsj.example/tzgg/%E5%81%9C%E6%9C%BA.doc"),
])
def test_ordinary_paths_are_kept(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
    assert hostile_path(canonical.split("rsj.example", 1)[1]) is None
    assert url_allowed(url, ("http://rsj.example/tzgg/",)) == canonical.startswith("http://rsj.example/tzgg/")


@pytest.mark.parametrize(("raw", "expected"), [
    (b'attachment; filename="../../etc/passwd"', "passwd"),
    (b'attachment; filename="..\\\\..\\\\windows\\\\win.ini"', "win.ini"),
    (b"attachment; filename*=UTF-8''..%2F..%2F%E5%81%9C%E6%9C%BA.pdf", "停机.pdf"),
    (b'attachment; filename="%2e%2e%2f%2e%2e%2fx.doc"', "x.doc"),
    (b'attachment; filename=".."', None),
    (b'attachment; filename="/"', None),
    (b'attachment; filename="a\x01b:c?.pdf"', "a_b_c_.pdf"),
    (b'attachment; filename=".htaccess"', "htaccess"),
])
def test_content_disposition_name_is_a_safe_base_name(raw: bytes, expected: str | None) -> None:
    assert content_disposition_filename([(b"Content-Disposition", raw)]) == expected


def test_a_long_name_keeps_its_extension_within_255_bytes() -> None:
    name = safe_filename("停" * 300 + ".pdf")
    assert name is not None and name.endswith(".pdf") and len(name.encode("utf-8")) <= 255


LIST = """<html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul>
<li><a href="/tzgg/t1.html">医保系统停机公告</a></li>
{traversals}
<li><a href="/tzgg/{long}">系统升级停机公告(长)</a></li>
</ul></body></html>"""
DETAIL = """<html><head><meta charset="utf-8"><title>医保系统停机公告</title></head><body><div id="zoom">
<p>因系统升级,2021年10月20日18时至22日8时暂停医保结算业务。</p>
<p>附件:<a href="/tzgg/file.pdf">停机业务清单.pdf</a></p></div></body></html>"""
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_crawl_requests_no_disguised_traversal_and_logs_a_long_url(tmp_path: Path) -> None:
    items = "\n".join(f'<li><a href="{p}">医保系统停机公告{i}</a></li>' for i, p in enumerate(TRAVERSALS))
    long_tail = "a" * 100_000 + ".html"
    routes = {
        "/tzgg/index.html": Route(body=LIST.format(traversals=items, long=long_tail).encode(), kind="list"),
        "/tzgg/t1.html": Route(body=DETAIL.encode()),
        "/tzgg/file.pdf": Route(body=PDF, content_type="application/pdf",
                                headers={"Content-Disposition": 'attachment; filename="../../../evil.pdf"'}),
        "/private/a.html": Route(body=b"secret"),
    }
    web = WebServer([Site("iis", routes)]).start()
    try:
        config = {"settings": FAST_SETTINGS, "sources": [{
            "name": "iis", "city": "忻州市", "style": "links", "start_urls": [web.url("iis", "/tzgg/index.html")],
            "allow": [web.url("iis", "/tzgg/")]}]}
        crawl(parse_sources(config), tmp_path / "raw")
        requested = [a.path for a in web.requests("iis")]
    finally:
        web.stop()

    assert set(requested) == {"/robots.txt", "/tzgg/index.html", "/tzgg/t1.html", "/tzgg/file.pdf"}, requested
    rows = read_log(tmp_path / "raw")
    long_rows = [r for r in rows if r["reason"] == "url_too_long"]
    assert len(long_rows) == 1 and long_rows[0]["outcome"] == "skipped"
    assert len(long_rows[0]["url"]) <= MAX_URL_LENGTH
    refused = [r["url"] for r in rows if r["reason"] == "not_allowed"]  # ../.. resolved, then outside allow
    assert all("/tzgg/" not in url for url in refused), refused
    attachment = next(r for r in rows if r["kind"] == "attachment")
    assert attachment["filename"] == "evil.pdf"
