"""List-page parsers, one per style, and the small decoding they need.

Every parser is a pure function of (page text, page URL) and never raises on odd markup:
nothing found is an empty result.

- ``trs``: static TRS lists. Items are ``<a href>`` in the page; the page count exists only in
  script (``var countPage = 3``, ``createPageHTML(3, 0, "index", "html")``), so the other pages
  (``index_1.html`` ... ``index_{N-1}.html``) are derived from the first. Items inside HTML
  comments are decoys and ignored (the HTML parser keeps comments out of the tree).
- ``hanweb``: the column page is a shell; its items come from POSTs to
  ``/module/web/jpage/dataproxy.jsp?startrecord=..&endrecord=..&perpage=..`` answering XML
  ``<datastore><totalrecord>N</totalrecord><recordset><record><![CDATA[<li>..]]>``.
- ``next_link``: items plus a "下一页" link (or ``rel=next``) to the next page.
- ``links``: items of the start pages only.

A source that names no style gets the one :func:`detect_style` reads from its first list page,
checking in this order: a Hanweb column shell (``jpage``/``dataproxy.jsp`` with a ``columnid`` and
``unitid``), a TRS page count in script (``createPageHTML(N, ...)``, ``countPage = N``), a
next-page link (``下一页``, ``rel=next``), else plain links.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

from .markers import ATTACHMENT_EXTS, NEXT_PAGE_TEXT
from .urls import resolve

__all__ = [
    "Link", "ListPage", "HanwebQuery", "decode_page", "parse_links", "parse_trs", "parse_next_link",
    "parse_hanweb_shell", "parse_hanweb_data", "hanweb_requests", "attachment_links",
    "title_matches", "StyleGuess", "detect_style",
]

# charset in a Content-Type header or a <meta> tag.
_CHARSET = re.compile(
    rb"""charset\s*=\s*["']?      # charset= with optional quote
        ([\w.:-]+)                 # the name""",
    re.VERBOSE | re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?   # <meta charset=... or <meta http-equiv content=...charset=
        ([\w.:-]+)""",
    re.VERBOSE | re.IGNORECASE,
)

# TRS page count: var countPage = 3 (comments may follow), or createPageHTML(3, 0, "index", "html").
_COUNT_PAGE = re.compile(
    r"""\bcountPage\s*=\s*      # var countPage =
        (\d+)                    # number of pages""",
    re.VERBOSE,
)
_CREATE_PAGE = re.compile(
    r"""createPageHTML\(\s*
        (\d+)\s*,\s*             # number of pages
        (\d+)\s*,\s*             # index of this page (0 = first)
        ["']([\w-]+)["']\s*,\s*  # file name prefix, usually "index"
        ["'](\w+)["']            # extension, usually "html"
    """,
    re.VERBOSE,
)

# Hanweb ids in the shell page or its URL: columnid=1234 / col/col1234, unitid=5678 / uid=5678,
# webid=3, perpage=15.
_HW_COLUMN = re.compile(r"""(?:columnid\s*[=:]\s*["']?|/col/col)(\d+)""", re.VERBOSE | re.IGNORECASE)
_HW_UNIT = re.compile(r"""(?:unitid\s*[=:]\s*["']?|[?&]uid=)(\d+)""", re.VERBOSE | re.IGNORECASE)
_HW_WEB = re.compile(r"""webid\s*[=:]\s*["']?(\d+)""", re.VERBOSE | re.IGNORECASE)
_HW_PERPAGE = re.compile(r"""perpage\s*[=:]\s*["']?(\d+)""", re.VERBOSE | re.IGNORECASE)
# Hanweb XML answer: total count and each record (CDATA or escaped HTML).
_HW_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
_HW_RECORD = re.compile(
    r"""<record>\s*
        (?:<!\[CDATA\[(.*?)\]\]>   # the usual CDATA-wrapped <li>
        |(.*?))                    # or escaped markup
        \s*</record>""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

# Encodings whose superset decodes them all (GBK pages are decoded as GB18030).
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
             "iso-8859-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}


@dataclass(frozen=True, slots=True)
class Link:
    """A link found on a page: canonical URL and its title (title attribute, else text)."""

    url: str
    title: str


@dataclass(slots=True)
class ListPage:
    """What one list page yielded."""

    items: list[Link] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # further list pages to fetch


@dataclass(frozen=True, slots=True)
class HanwebQuery:
    """The parameters of a Hanweb column's data requests."""

    endpoint: str  # absolute URL of dataproxy.jsp, without query
    form: dict[str, str]
    perpage: int = 15


def _codec(name: bytes | str | None) -> str | None:
    """Normalized codec name (GBK -> GB18030), or None for an unknown one."""
    if not name:
        return None
    text = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        canonical = codecs.lookup(text.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSET.get(canonical, canonical)


def decode_page(body: bytes, content_type: str | None = None, hint: str | None = None) -> str:
    """Text of an HTML/XML page: BOM, then the source's hint, then header and meta when they
    agree; when they disagree (a header saying utf-8 over GBK bytes) the bytes decide."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, "replace")
    header_m = _CHARSET.search(content_type.encode("latin-1", "ignore")) if content_type else None
    header = _codec(header_m.group(1)) if header_m else None
    meta_m = _META_CHARSET.search(body[:4096])
    meta = _codec(meta_m.group(1)) if meta_m else None
    candidates: list[str] = []
    if hint and _codec(hint):
        candidates.append(_codec(hint) or "utf-8")
    if header and (meta is None or meta == header):
        candidates.append(header)
    elif meta and header is None:
        candidates.append(meta)
    candidates += ["utf-8"] + [c for c in (meta, header) if c] + ["gb18030"]
    for enc in candidates:
        try:
            return body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("gb18030", "replace")


def title_matches(title: str, keywords: tuple[str, ...]) -> bool:
    """True when any keyword occurs in ``title`` (every title matches an empty list)."""
    return not keywords or any(word in title for word in keywords)


def _soup(text: str) -> BeautifulSoup:
    """BeautifulSoup tree of a page (lxml parser: fast and forgiving)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "lxml")


def _anchor_title(anchor: Tag) -> str:
    """Title attribute, else the link text, whitespace collapsed."""
    title = anchor.get("title") or anchor.get_text(" ", strip=True) or ""
    return " ".join(str(title).split())


def parse_links(text: str, page_url: str) -> list[Link]:
    """Every ``<a href>`` of the page (outside comments), resolved, first occurrence kept."""
    links: dict[str, Link] = {}
    for anchor in _soup(text).find_all("a", href=True):
        url = resolve(page_url, str(anchor["href"]))
        if url and url not in links and url != page_url:
            links[url] = Link(url, _anchor_title(anchor))
    return list(links.values())


def parse_trs(text: str, page_url: str, first: bool) -> ListPage:
    """A TRS static list page; on the first page, also the URLs of pages 2..N."""
    page = ListPage(items=parse_links(text, page_url))
    if not first:
        return page
    count, prefix, ext = 0, "index", "html"
    made = _CREATE_PAGE.search(text)
    if made:
        count, prefix, ext = int(made.group(1)), made.group(3), made.group(4)
    else:
        counted = _COUNT_PAGE.search(text)
        if counted:
            count = int(counted.group(1))
    parts = urlsplit(page_url)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    for index in range(1, count):
        page.pages.append(urlunsplit((parts.scheme, parts.netloc, f"{folder}{prefix}_{index}.{ext}", "", "")))
    return page


def parse_next_link(text: str, page_url: str) -> ListPage:
    """Items plus the next page: ``rel=next`` or an anchor reading 下一页 / 下页 / > ..."""
    soup = _soup(text)
    page = ListPage(items=parse_links(text, page_url))
    for anchor in soup.find_all("a", href=True):
        rel: str | list[str] = anchor.get("rel") or []  # bs4 gives rel as a list of tokens
        label = anchor.get_text("", strip=True)
        if "next" in rel or label in NEXT_PAGE_TEXT:
            url = resolve(page_url, str(anchor["href"]))
            if url and url != page_url:
                page.pages.append(url)
                break
    return page


@dataclass(frozen=True, slots=True)
class StyleGuess:
    """The list style of a page and what gave it away."""

    style: str
    evidence: str


_HW_SCRIPT = re.compile(r"jpage|dataproxy\.jsp", re.IGNORECASE)


def detect_style(text: str, page_url: str) -> StyleGuess:
    """The list style of the page ``text`` at ``page_url`` (see the module docstring for the order)."""
    script = _HW_SCRIPT.search(text)
    if script and parse_hanweb_shell(text, page_url) is not None:
        return StyleGuess("hanweb", f"Hanweb column shell: {script.group(0)} with columnid and unitid")
    made = _CREATE_PAGE.search(text) or _COUNT_PAGE.search(text)
    if made:
        return StyleGuess("trs", f"TRS page count in script: {made.group(0).strip()}")
    following = parse_next_link(text, page_url).pages
    if following:
        return StyleGuess("next_link", f"next-page link to {following[0]}")
    return StyleGuess("links", "no page count, column shell or next-page link: the start pages only")


def parse_hanweb_shell(text: str, page_url: str) -> HanwebQuery | None:
    """The data-request parameters of a Hanweb column shell page, or None if it is not one."""
    column = _HW_COLUMN.search(text) or _HW_COLUMN.search(page_url)
    unit = _HW_UNIT.search(text) or _HW_UNIT.search(page_url)
    if not column or not unit:
        return None
    web = _HW_WEB.search(text)
    per = _HW_PERPAGE.search(text)
    parts = urlsplit(page_url)
    endpoint = urlunsplit((parts.scheme, parts.netloc, "/module/web/jpage/dataproxy.jsp", "", ""))
    form = {
        "col": "1", "appid": "1", "webid": web.group(1) if web else "1", "path": "/",
        "columnid": column.group(1), "sourceContentType": "1", "unitid": unit.group(1),
        "webname": "", "permissiontype": "0",
    }
    perpage = int(per.group(1)) if per and 0 < int(per.group(1)) <= 100 else 15
    return HanwebQuery(endpoint=endpoint, form=form, perpage=perpage)


def hanweb_requests(query: HanwebQuery, start: int) -> str:
    """URL of the data request starting at record ``start`` (3 pages per request, like jpage)."""
    end = start + 3 * query.perpage - 1
    return f"{query.endpoint}?startrecord={start}&endrecord={end}&perpage={query.perpage}"


def parse_hanweb_data(text: str, page_url: str) -> tuple[list[Link], int | None]:
    """Items of a dataproxy.jsp XML answer and its ``totalrecord`` (None when absent)."""
    total_m = _HW_TOTAL.search(text)
    links: dict[str, Link] = {}
    for match in _HW_RECORD.finditer(text):
        fragment = match.group(1) if match.group(1) is not None else html.unescape(match.group(2) or "")
        for link in parse_links(fragment, page_url):
            links.setdefault(link.url, link)
    return list(links.values()), int(total_m.group(1)) if total_m else None


def attachment_links(text: str, page_url: str) -> list[Link]:
    """Links of a detail page that point at files (.pdf, .doc, .xls ...), by path, query or text."""
    found: list[Link] = []
    for link in parse_links(text, page_url):
        parts = urlsplit(link.url)
        where = (parts.path.lower(), parts.query.lower(), link.title.lower())
        if any(part.endswith(ext) or f"{ext}&" in part for part in where for ext in ATTACHMENT_EXTS):
            found.append(link)
    return found
