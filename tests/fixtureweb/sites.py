"""The sites of the fixture web, built from FIXTURES.md shapes and notices written for the project.

The notices are our own (the check corpora, the bundled samples) and the two seeds; texts published
by others (``../shared``) are never served from here.

Sites (each its own host):

- ``rsj``: TRS static list, UTF-8, three pages whose count exists only in script, decoys in
  comments, a robots.txt disallowing ``/tzgg/private/``, links outside ``allow``.
- ``ybj``: Hanweb column shell + ``dataproxy.jsp`` XML (50 records, 2 data requests), no
  robots.txt (404), the original of a notice reposted by ``hospital``, an attachment-only notice
  (text PDF, scanned PDF, a .doc with a lying Content-Type and GBK file name, an .xls that is a
  200 "文件不存在" page).
- ``gjj``: GBK pages whose HTTP header says utf-8 (charset only in the meta), "下一页" links,
  the third list page a real 404, Last-Modified but no ETag.
- ``hospital``: a hospital's repost of the ``ybj`` notice, own chrome, 来源 naming the publisher.
- ``hard``: anti-bot answers, Retry-After, soft 404, timeouts, truncation, redirects (to
  ``secure``), a redirect loop, a huge page, a gzip bomb, a real 404, a 500.
- ``secure``: the "https" twin of ``hard`` (a redirect target on another port).
- ``outside``: never linked inside any ``allow``; must get no request at all.

Every linked route carries ``expect``: what a correct crawl logs for it, or ``NEVER`` when it
must not be requested.
"""

from __future__ import annotations

import html
from pathlib import Path
from string import Template
from urllib.parse import quote

from .pdfgen import scanned_pdf, text_pdf
from .server import Reply, Request, Route, Site

__all__ = ["build_sites", "NEVER", "STORED", "NOTICE_DIRS", "notice_text"]

HERE = Path(__file__).parent
GOLD = HERE.parent / "gold"
# Where the texts of our notices are, searched in order: the check corpora, the seeds, the samples.
NOTICE_DIRS = (GOLD / "extra", GOLD / "extra2", GOLD / "seeds", HERE.parent.parent / "raw" / "samples")
TEMPLATES = HERE / "templates"

NEVER = ("never", None)  # must not be requested
STORED = ("stored", None)

_BOMB_SIZE = 32 * 1024 * 1024  # decoded bytes of the gzip bomb
_HUGE_SIZE = 2_000_000  # bytes of the huge page (tests cap max_bytes at 1 MB)


def notice_text(notice_id: str) -> str:
    """Text of one of our notices, by id."""
    for folder in NOTICE_DIRS:
        path = folder / f"{notice_id}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(notice_id)


def _paragraphs(text: str) -> str:
    """Corpus text as the <p> paragraphs of an article body."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line)


def _render(template: str, **values: str) -> str:
    return Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(**values)


def _cn_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{year}年{month}月{day}日"


def _detail(template: str, notice_id: str, title: str, pubdate: str, publisher: str,
            site_name: str, attachments: str = "", body: str | None = None) -> str:
    """A detail page of ``template`` around one of our notices."""
    return _render(
        template, title=html.escape(title), pubdate=pubdate, pubdate_cn=_cn_date(pubdate),
        pubdate_nbsp=_cn_date(pubdate).replace("月", "月&nbsp;"), publisher=publisher,
        site_name=site_name, body=body if body is not None else _paragraphs(notice_text(notice_id)),
        attachments=attachments,
    )


def _li(href: str, title: str, date: str) -> str:
    return f'    <li><a href="{href}" title="{html.escape(title)}" target="_blank">{html.escape(title)}</a><span>{date}</span></li>'


def _page(body: str, kind: str = "detail", expect: tuple[str, str | None] = STORED, **kw) -> Route:  # type: ignore[no-untyped-def]
    return Route(body=body.encode("utf-8"), kind=kind, expect=expect, **kw)


# --- rsj: TRS ---------------------------------------------------------------------------------
def _rsj() -> Site:
    name = "忻州市人民政府"
    notices = {
        # path: (corpus id, title, date, publisher)
        "/tzgg/202110/t20211011_1001.html": ("xinzhou-2021", "忻州市医疗保障局关于切换国家医疗保障信息平台系统停机公告", "2021-10-11", "忻州市医疗保障局"),
        "/tzgg/202109/t20210905_0905.html": ("datong-2021", "大同市医疗保障局关于医保信息平台切换上线期间暂停医保服务的公告", "2021-10-20", "大同市医疗保障局"),
        "/tzgg/202202/t20220220_0220.html": ("zibo-2022", "淄博市医疗保障局关于全市医保信息系统升级期间暂停医保结算服务的公告", "2022-05-16", "淄博市医疗保障局"),
        "/tzgg/202109/t20210915_0915.html": ("nantong-gjj-2021", "南通公积金系统升级 9月18日至20日暂停服务", "2021-09-14", "南通市住房公积金管理中心"),
        "/tzgg/202111/t20211119_1119.html": ("wuhu-2021", "10月29日下午5点起 我市医保业务暂停办理 11月8日起陆续恢复", "2021-10-26", "芜湖市医疗保障局"),
    }
    routes: dict[str, Route] = {}
    for path, (nid, title, date, publisher) in notices.items():
        routes[path] = _page(_detail("trs_detail.html", nid, title, date, publisher, name))
    items = [
        [  # index.html
            _li("./202110/t20211011_1001.html", notices["/tzgg/202110/t20211011_1001.html"][1], "2021-10-11"),
            _li("./202110/t20211008_1000.html", "关于开展2021年度社会保险待遇资格认证的通知", "2021-10-08"),
            _li("./private/t20210901_0001.html", "内部系统切换安排", "2021-09-01"),
            _li("{{origin:outside}}/news/t1.html", "医保系统升级公告(转载)", "2021-09-30"),
            _li("../zwgk/t20210930_0002.html", "社保系统暂停服务的通知", "2021-09-30"),
        ],
        [  # index_1.html
            _li("./202109/t20210905_0905.html", notices["/tzgg/202109/t20210905_0905.html"][1], "2021-10-20"),
            _li("//{{hostport:rsj}}/tzgg/202202/t20220220_0220.html", notices["/tzgg/202202/t20220220_0220.html"][1], "2022-05-16"),
            '    <li><a href="javascript:void(0)">系统切换专题</a> <a href="mailto:ybj@example.gov.cn">系统邮箱</a></li>',
        ],
        [  # index_2.html
            _li("/tzgg/202109/t20210915_0915.html", notices["/tzgg/202109/t20210915_0915.html"][1], "2021-09-14"),
            _li("./202111/t20211119_1119.html", notices["/tzgg/202111/t20211119_1119.html"][1], "2021-10-26"),
        ],
    ]
    for index, lis in enumerate(items):
        path = "/tzgg/index.html" if index == 0 else f"/tzgg/index_{index}.html"
        body = _render("trs_list.html", site_name=name, items="\n".join(lis), current=str(index),
                       count="3", decoy_title="医保系统停机公告(已撤回)")
        routes[path] = _page(body, kind="list")
    routes["/tzgg/202110/t20211008_1000.html"] = _page("<html><body>资格认证</body></html>", expect=NEVER)
    routes["/tzgg/202001/t20200102_9998.html"] = _page("<html><body>decoy</body></html>", expect=NEVER)
    routes["/tzgg/private/t20210901_0001.html"] = _page("<html><body>private</body></html>",
                                                       expect=("skipped", "robots_disallowed"))
    routes["/zwgk/t20210930_0002.html"] = _page("<html><body>zwgk</body></html>",
                                                expect=("skipped", "not_allowed"))
    routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /tzgg/private/\n",
                                  content_type="text/plain", kind="robots", expect=("fetched", None))
    return Site("rsj", routes)


# --- ybj: Hanweb ------------------------------------------------------------------------------
_YBJ_NOTICES = {
    "/art/2020/4/30/art_1234_70001.html": ("guilin-2020", "关于桂林市医疗保障信息系统切换的通告", "2020-04-30", "桂林市医疗保障局"),
    "/art/2021/12/6/art_1234_70002.html": ("xiantao-2021", "仙桃市医疗保障局关于国家医保信息平台上线切换期间暂停医保服务的公告", "2021-12-06", "仙桃市医疗保障局"),
    "/art/2021/10/25/art_1234_70003.html": ("hunan-shengben-2021", "湖南省医疗保障事务中心关于省本级医保信息系统切换上线期间暂停医保业务的公告", "2021-10-25", "湖南省医疗保障事务中心"),
}
_ATTACH_ONLY = "/art/2021/9/1/art_1234_70004.html"
_PDF = "/picture/0/s21090100001.pdf"
_SCAN = "/picture/0/s21090100002.pdf"
_DOC = "/attach/0/" + quote("停机业务清单.doc")
_XLS = "/attach/0/" + quote("定点机构名单.xls")


def _ybj_records() -> list[tuple[str, str, str]]:
    """The 50 records of the column: three notices and the attachment-only one among fillers."""
    records = [(f"/art/2021/{1 + i % 12}/{1 + i % 28}/art_1234_{60000 + i}.html",
                f"关于公布2021年第{i + 1}批定点医药机构名单的通知", f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}")
               for i in range(46)]
    real = [(path, title, date) for path, (_, title, date, _) in _YBJ_NOTICES.items()]
    real.append((_ATTACH_ONLY, "关于医保信息系统升级期间暂停业务的公告", "2021-09-01"))
    for position, record in zip((1, 16, 29, 47), real):  # the last one only in the 2nd request
        records.insert(position, record)
    return records


def _dataproxy(request: Request) -> Reply:
    """POST /module/web/jpage/dataproxy.jsp?startrecord=..&endrecord=..&perpage=.."""
    if request.method != "POST" or request.form.get("columnid") != ["1234"]:
        return Reply(200, b"<datastore><totalrecord>0</totalrecord><recordset></recordset></datastore>",
                     {"Content-Type": "text/xml;charset=UTF-8"})
    records = _ybj_records()
    start = int(request.query.get("startrecord", ["1"])[0])
    end = int(request.query.get("endrecord", ["45"])[0])
    rows = "".join(
        f'<record><![CDATA[<li><a href="{path}" title="{html.escape(title)}" target="_blank">{html.escape(title)}</a><span class="bt-data-time">{date}</span></li>]]></record>\n'
        for path, title, date in records[start - 1:end]
    )
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{len(records)}</totalrecord>'
           f'<totalpage>{-(-len(records) // 15)}</totalpage><recordset>\n{rows}</recordset></datastore>')
    return Reply(200, xml.encode("utf-8"), {"Content-Type": "text/xml;charset=UTF-8"})


def _ybj() -> Site:
    name = "桂林市医疗保障局"
    routes: dict[str, Route] = {
        "/col/col1234/index.html": _page(_render("hanweb_shell.html", site_name=name), kind="list",
                                         queries=("uid=5678&pageNum=1",)),
        "/module/web/jpage/dataproxy.jsp": Route(
            handler=_dataproxy, kind="list", expect=STORED,
            queries=("startrecord=1&endrecord=45&perpage=15", "startrecord=46&endrecord=90&perpage=15")),
    }
    for path, (nid, title, date, publisher) in _YBJ_NOTICES.items():
        routes[path] = _page(_detail("hanweb_detail.html", nid, title, date, publisher, name))
    attachments = (
        '<div class="bt-attach">附件:<br>'
        f'<a href="{_PDF}">医保信息系统升级停机安排.pdf</a><br>'
        f'<a href="/attach/0/停机业务清单.doc">停机业务清单.doc</a><br>'
        f'<a href="/attach/0/定点机构名单.xls">定点机构名单.xls</a><br>'
        f'<a href="{_SCAN}">盖章件.pdf</a></div>'
    )
    routes[_ATTACH_ONLY] = _page(_detail(
        "hanweb_detail.html", "", "关于医保信息系统升级期间暂停业务的公告", "2021-09-01", name, name,
        attachments=attachments, body="<p>各参保单位、参保人员:</p><p>具体安排详见附件。</p>"))
    pdf_lines = [line.strip() for line in notice_text("ganzhou-2021").splitlines() if line.strip()][:12]
    gbk_name = "医保信息系统升级停机安排.pdf".encode("gbk").decode("latin-1")
    routes[_PDF] = Route(body=text_pdf(pdf_lines), content_type="application/octet-stream",
                         headers={"Content-Disposition": f'attachment; filename="{gbk_name}"'},
                         kind="attachment", expect=STORED)
    routes[_SCAN] = Route(body=scanned_pdf(), content_type="application/pdf", kind="attachment",
                          expect=STORED)
    doc_name = "停机业务清单.doc".encode("gbk").decode("latin-1")
    routes[_DOC] = Route(body=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "停机业务清单".encode("utf-16-le"),
                         content_type="text/html",  # lies
                         headers={"Content-Disposition": f'attachment; filename="{doc_name}"'},
                         kind="attachment", expect=STORED)
    routes[_XLS] = _page("<html><head><title>提示</title></head><body><div class=error>文件不存在!</div>"
                         "<a href=/>返回首页</a></body></html>", kind="attachment",
                         expect=("not_found", "soft_404"))
    # no /robots.txt route: a 404 allows everything
    return Site("ybj", routes)


# --- gjj: GBK, header lies --------------------------------------------------------------------
def _gjj() -> Site:
    name = "湖州市住房公积金管理中心"
    lying = "text/html; charset=utf-8"
    notices = {
        "/xxgk/tzgg/content_0001.htm": ("huzhou-gjj-2023", "湖州市住房公积金管理中心关于年度结算及系统升级期间暂停办理业务的公告", "2023-12-25", name),
        "/xxgk/tzgg/content_0002.htm": ("luoyang-2016", "洛阳市人力资源和社会保障局关于城乡居民基本医疗保险信息系统切换期间暂停医保结算的通知", "2016-12-27", "洛阳市人力资源和社会保障局"),
    }
    routes: dict[str, Route] = {}
    for path, (nid, title, date, publisher) in notices.items():
        page = _detail("gov_gbk_detail.html", nid, title, date, publisher, name)
        routes[path] = Route(body=page.encode("gb18030"), content_type=lying, kind="detail", expect=STORED)

    def row(href: str, title: str, date: str) -> str:
        return f"<tr><td class=t><a href={href} target=_blank>{title}</a></td><td class=d>{date}</td></tr>"

    pages = [
        ([row("content_0001.htm", notices["/xxgk/tzgg/content_0001.htm"][1], "2023-12-25"),
          row("content_0003.htm", "关于2023年度住房公积金缴存基数调整的通知", "2023-06-30")],
         '<a href="list_2.html">下一页</a> <a href="list_3.html">尾页</a>'),
        ([row("content_0002.htm", notices["/xxgk/tzgg/content_0002.htm"][1], "2016-12-27")],
         '<a href="list.html">上一页</a> <a href="list_3.html">下一页</a>'),
    ]
    for index, (rows, pager) in enumerate(pages):
        path = "/xxgk/tzgg/list.html" if index == 0 else f"/xxgk/tzgg/list_{index + 1}.html"
        body = _render("gov_gbk_list.html", site_name=name, items="\n".join(rows), pager=pager)
        routes[path] = Route(body=body.encode("gb18030"), content_type=lying, kind="list", expect=STORED)
    routes["/xxgk/tzgg/content_0003.htm"] = Route(body=b"<html></html>", expect=NEVER)
    routes["/xxgk/tzgg/list_3.html"] = Route(status=404, body="<html><body>404 Not Found</body></html>".encode(),
                                             kind="list", expect=("not_found", "http_404"))
    routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /admin/\n", content_type="text/plain",
                                  kind="robots", expect=("fetched", None))
    return Site("gjj", routes, etags=False)


# --- hospital: repost -------------------------------------------------------------------------
def _hospital() -> Site:
    title = _YBJ_NOTICES["/art/2020/4/30/art_1234_70001.html"][1]
    path = "/ybzl/2020/0430/c123a4567/page.htm"
    routes = {
        "/ybzl/index.htm": _page(_render("hospital_list.html", items=_li(path, title, "2020-04-30")), kind="list"),
        path: _page(_detail("hospital_detail.html", "guilin-2020", title, "2020-04-30", "桂林市医疗保障局", "校医院")),
        "/robots.txt": Route(body=b"User-agent: *\nDisallow:\n", content_type="text/plain", kind="robots",
                             expect=("fetched", None)),
    }
    return Site("hospital", routes)


# --- hard: the hard cases ---------------------------------------------------------------------
def _hard() -> tuple[Site, Site]:
    def notice(nid: str, title: str, date: str = "2021-08-20", publisher: str = "医疗保障局") -> bytes:
        return _detail("plain_detail.html", nid, title, date, publisher, "").encode("utf-8")

    soft404 = ("<html><head><title>提示信息</title></head><body><div class=\"error\">"
               "<img src=\"/images/404.png\"><p>抱歉,您访问的页面不存在或已被删除!</p>"
               "<a href=\"/\">返回首页</a></div></body></html>").encode()
    challenge = ("<html><head><script>document.cookie=('__jsl_clearance=1632000000.123|0|'+"
                 "(function(){return 'abc'})()+';max-age=3600;path=/');"
                 "location.href=location.pathname+location.search</script></head><body></body></html>").encode()
    antibot = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
               "<script type=\"text/javascript\" r=\"m\">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=21354;"
               "$_ts.cd=\"qEhvrpAlGlGcr\";</script><script src=\"/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js\" r=\"m\"></script>"
               "</head><body></body></html>").encode()
    cases: list[tuple[str, str, Route]] = [
        ("antibot412.html", "医保系统停机公告(一)", Route(status=412, body=antibot,
            headers={"Set-Cookie": "FSSBBIl1UgzbN7N80S=Kx3vT0; Path=/; expires=Wed, 01 Jan 2031 00:00:00 GMT; HttpOnly"},
            expect=("blocked", "blocked"))),
        ("challenge.html", "医保系统停机公告(二)", Route(body=challenge, expect=("blocked", "blocked"))),
        ("busy503.html", "大理州医保系统切换暂停服务的通告", Route(body=notice("dali-2022", "大理州医保系统切换暂停服务的通告"),
            fault="status_then_ok", fail_status=503, expect=STORED)),
        ("busy429.html", "恩施州医保系统停机公告", Route(body=notice("enshi-2021", "恩施州医保系统停机公告"),
            fault="status_then_ok", fail_status=429, expect=STORED)),
        ("busy403.html", "泉州社保系统升级暂停业务公告", Route(body=notice("quanzhou-shebao-2021", "泉州社保系统升级暂停业务公告"),
            fault="status_then_ok", fail_status=403, expect=STORED)),
        ("gone.html", "医保系统停机公告(已删除)", Route(body=soft404, expect=("not_found", "soft_404"))),
        ("slow.html", "医保系统升级公告(慢)", Route(body=notice("foshan-2019", "佛山医保年终结算公告"), fault="slow",
            sleep=1.5, expect=("error", "timeout"))),
        ("slow_once.html", "临夏州医保系统切换停机公告", Route(body=notice("linxia-2021", "临夏州医保系统切换停机公告"),
            fault="slow_once", sleep=1.5, expect=STORED)),
        ("truncated.html", "医保系统升级公告(截断)", Route(body=notice("dezhou-2022", "德州医保系统升级公告"),
            fault="truncate", expect=("error", "truncated"))),
        ("moved.html", "天津市税务局系统升级暂停服务的通告", Route(fault="redirect", status=301,
            location="{{origin:secure}}/gg/moved.html", expect=STORED)),
        ("loop_a.html", "医保系统停机公告(循环)", Route(fault="redirect", status=302, location="/gg/loop_b.html",
            expect=("error", "redirect_loop"))),
        ("huge.html", "医保系统停机公告(超大)", Route(fault="huge", size=_HUGE_SIZE, expect=("error", "too_large"))),
        ("bomb.html", "医保系统停机公告(压缩)", Route(fault="gzip_bomb", size=_BOMB_SIZE, expect=("error", "too_large"))),
        ("offsite.html", "医保系统停机公告(外链)", Route(fault="redirect", status=302, location="{{origin:outside}}/x.html",
            expect=("skipped", "not_allowed"))),
        ("missing.html", "医保系统停机公告(404)", Route(status=404, body=b"<html><body>Not Found</body></html>",
            expect=("not_found", "http_404"))),
        ("broken500.html", "医保系统停机公告(500)", Route(status=500, body=b"<html><body>Internal Error</body></html>",
            expect=("error", "http_500"))),
    ]
    routes: dict[str, Route] = {}
    items = []
    for file, title, route in cases:
        routes[f"/gg/{file}"] = route
        items.append(_li(file, title, "2021-08-20"))
    routes["/gg/loop_b.html"] = Route(fault="redirect", status=302, location="/gg/loop_a.html", expect=None)
    list_page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>公告</title></head><body>"
                 "<ul class=\"tzgg_content\">\n" + "\n".join(items) + "\n</ul></body></html>")
    routes["/gg/index.html"] = _page(list_page, kind="list")
    routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /admin/\n", content_type="text/plain",
                                  kind="robots", expect=("fetched", None))
    secure = Site("secure", {
        "/gg/moved.html": Route(body=notice("tianjin-tax-2021", "国家税务总局天津市税务局关于电子税务局等系统升级暂停服务的通告",
                                            "2021-06-16", "国家税务总局天津市税务局"), expect=None),
    })
    return Site("hard", routes), secure


def _outside() -> Site:
    return Site("outside", {
        # linked from rsj (logged as skipped there), and the target of hard's offsite redirect
        "/news/t1.html": Route(body=b"<html><body>outside</body></html>", expect=("skipped", "not_allowed")),
        "/x.html": Route(body=b"<html><body>outside</body></html>", expect=None),
    })


def build_sites() -> list[Site]:
    """Fresh Site objects (routes count their hits, so every web gets its own)."""
    hard, secure = _hard()
    return [_rsj(), _ybj(), _gjj(), _hospital(), hard, secure, _outside()]
