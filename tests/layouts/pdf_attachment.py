"""A notice whose text is only in a PDF attachment: the detail page holds a link and nothing else.

The path the pipeline really takes: a loopback site (tests/fixtureweb) serves a list page, one
detail page per notice (title, info line, ``附件:`` and a link to a ``.pdf``, site chrome) and the
PDFs; the scraper crawls it into a raw store (following attachments, extracting the PDF's text
layer), and the parser reads the raw store as ``notices parse RAW`` does. A notice is predicted
from the document of its PDF.

The PDFs look like printed notices: the text wrapped at a fixed width (a date or a number may be
cut at a line's end), paragraphs indented by two characters, 30 lines to a page, a page number (``- 2 -``) at every page's foot, the
file served as ``application/octet-stream`` with a GBK file name.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from fixtureweb import FAST_SETTINGS, Route, Site
from fixtureweb.pdfgen import text_pdf_pages
from fixtureweb.server import WebServer

from pipeline.errors import Rejected
from pipeline.evaluate import notice_to_gold
from pipeline.parse import iter_inputs, parse_many
from pipeline.records import RawDocument
from pipeline.scrape.crawl import crawl
from pipeline.scrape.sources import parse_sources

from .common import TODAY, Gold, Predictor, esc, heading, lines, nav_bar, related_list

WIDTH = 30.0  # characters of a full line (a Chinese character is 1, a digit or letter 0.5)
LINES_PER_PAGE = 30


def _width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2E80 else 1.0


INDENT = "\u3000\u3000"  # a paragraph's first line is indented by two characters


def wrap_line(line: str, width: float = WIDTH, indent: str = INDENT) -> list[str]:
    """Cut a paragraph into printed lines of at most ``width``, anywhere (as a justified page
    does), its first line indented."""
    out, current, used = [], indent, float(len(indent))
    for ch in line:
        if used + _width(ch) > width:
            out.append(current)
            current, used = "", 0.0
        if ch.isspace() and not current:
            continue  # a blank at the cut is not printed at the next line's start
        current += ch
        used += _width(ch)
    out.append(current)
    return out


def pdf_pages(text: str) -> list[list[str]]:
    """The notice as printed pages: wrapped lines (the title line not indented: it is centred),
    a page number at each page's foot."""
    paragraphs = lines(text)
    printed = [piece for i, ln in enumerate(paragraphs) for piece in wrap_line(ln, indent="" if i == 0 else INDENT)]
    pages = [printed[i:i + LINES_PER_PAGE] for i in range(0, len(printed), LINES_PER_PAGE)] or [[]]
    return [page + ["", f"- {n} -"] for n, page in enumerate(pages, start=1)]


def detail_page(gold: Gold, pdf_href: str, pdf_name: str) -> str:
    """A detail page whose body is only the attachment link."""
    title = heading(gold, "关于系统切换期间暂停业务的通知")
    info = f"发布日期:{gold['published']}" if gold.get("published") else "发布日期:"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="top">{TODAY}</div>{nav_bar()}
<div class="position">当前位置:<a href="../">首页</a> &gt; <a href="./">通知公告</a></div>
<div class="article"><h1>{esc(title)}</h1><div class="info">{esc(info)}</div>
<div class="TRS_Editor"><p>附件:<a href="{pdf_href}">{esc(pdf_name)}</a></p></div></div>
{related_list()}
<div class="footer">版权所有:市医疗保障局 联系电话:0351-5551234 晋ICP备10021532号</div></body></html>"""


class Crawled:
    """The crawl of one staged corpus and the parse of its raw store."""

    def __init__(self) -> None:
        self.by_name: dict[str, dict[str, Any] | Rejected] = {}  # notice -> prediction or why none
        self.detail_outcomes: dict[str, tuple[bool | None, str | None]] = {}  # notice -> (outage?, reject)

    def predict(self, txt: Path) -> dict[str, Any]:
        got = self.by_name.get(txt.stem)
        if got is None:
            raise Rejected("fetch", "not_crawled", f"no document from the PDF of {txt.stem}")
        if isinstance(got, Rejected):
            raise got
        return got


def _site(src: Path) -> tuple[Site, dict[str, str], dict[str, str]]:
    """The site's routes; the PDF and detail paths of every notice."""
    routes: dict[str, Route] = {}
    items, pdfs, details = [], {}, {}
    for i, txt in enumerate(sorted(src.glob("*.txt"))):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        name = txt.stem
        detail = f"/tzgg/202611/t20261120_{i:04d}.html"
        pdf = f"/tzgg/202611/P02026112{i:04d}.pdf"
        pdf_name = f"{heading(gold, '停机公告')}.pdf"
        routes[detail] = Route(body=detail_page(gold, pdf, pdf_name).encode("utf-8"))
        routes[pdf] = Route(body=text_pdf_pages(pdf_pages(txt.read_text(encoding="utf-8"))),
                            content_type="application/octet-stream", kind="attachment",
                            headers={"Content-Disposition":
                                     f'attachment; filename="{pdf_name.encode("gbk", "replace").decode("latin-1")}"'})
        items.append(f'<li><a href="./202611/t20261120_{i:04d}.html">{esc(heading(gold))}</a><span>2026-11-20</span></li>')
        pdfs[pdf], details[detail] = name, name
    routes["/tzgg/index.html"] = Route(body=("<html><body><ul>" + "\n".join(items) + "</ul></body></html>").encode(),
                                       kind="list")
    return Site("pdfsite", routes), pdfs, details


def crawl_and_parse(src: Path, raw: Path) -> Crawled:
    """Serve the staged notices on loopback, crawl them into ``raw``, parse the raw store."""
    site, pdfs, details = _site(src)
    web = WebServer([site])
    web.start()
    try:
        config = {"settings": {**FAST_SETTINGS, "keywords": [], "max_details": 1000},
                  "sources": [{"name": "pdfsite", "city": "全国", "style": "links",
                               "start_urls": [web.url("pdfsite", "/tzgg/index.html")],
                               "allow": [web.url("pdfsite", "/tzgg/")]}]}
        crawl(parse_sources(config), raw)
        origin = web.origin("pdfsite")
    finally:
        web.stop()
    out = Crawled()
    docs = [d for d in iter_inputs([raw]) if isinstance(d, RawDocument)]
    for doc, outcome in zip(docs, parse_many(docs)):
        path = (doc.url or "").removeprefix(origin)
        if path in pdfs:
            if outcome.notice is not None:
                out.by_name[pdfs[path]] = notice_to_gold(outcome.notice)
            elif outcome.reject is not None:
                out.by_name[pdfs[path]] = Rejected(outcome.reject.stage, outcome.reject.reason, outcome.reject.detail)
        elif path in details:
            outage = outcome.notice.is_outage_notice if outcome.notice is not None else None
            out.detail_outcomes[details[path]] = (outage, outcome.reject.reason if outcome.reject else None)
    return out


class PdfFamily:
    """The family object tests/parity.py drives (``wrap`` crawls instead of writing pages)."""

    name = "pdf_attachment"

    def __init__(self) -> None:
        self.last: Crawled | None = None

    def wrap(self, src: Path, out: Path) -> Predictor:
        out.mkdir(parents=True, exist_ok=True)
        self.last = crawl_and_parse(src, Path(tempfile.mkdtemp(dir=out)))
        return self.last.predict
