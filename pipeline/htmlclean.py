"""HTML page to page text plus hints: the main content without site chrome.

lxml parses the page (libxml2's HTML parser survives unquoted attributes, junk before ``<head>``,
duplicate ids) into plain ``etree`` elements: ``lxml.html``'s element classes would add a Python
call for every element the walks below touch, and nothing here uses their methods.
:func:`html_to_page` then runs these steps:

1. The head: the government-site meta block (``ArticleTitle``, ``PubDate``, ``ContentSource``) and
   the ``<title>``.
2. An open-government metadata block (索引号, 发布机构, 成文日期 ...) gives publisher and date hints;
   it is no part of the body and is left out of everything below.
3. The body container is chosen by what a notice holds. Every line the page would show is weighed:
   running text counts its Chinese characters, more when it states a date or time, a stop word, a
   list number or the title's words; link text (navigation, related links), site chrome and footers
   (the text cleaner's own rules, ``rules/page.yaml``) count against; info lines, headings and
   Latin debris count nothing. Of the elements holding most (75%) of the page's running text, the
   heaviest is the container: a table laid out one row per line is taken whole, a footer, related
   links or the replies under a forum post are left out. A CMS selector of ``rules/page.yaml`` (TRS,
   gov.cn, Hanweb ...) inside it that holds nearly all of that weight is taken instead; a page with
   no running text (only an attachment link) takes the CMS container as it is.
4. The title: meta, ``<!--TitleStart-->`` comments, a heading outside the body, or the head title.
5. Info lines (来源, 发布时间 ...) outside the container.
6. The container is rendered as a browser lays it out (:mod:`pipeline.htmlrender`): inline runs
   stay together (a date split across ``<span>``s is one date), blocks, ``<br>`` and table rows
   break lines, the cells of one row share a line.
7. Assembled: a title cut into sentence pieces is put back on one line; a heading over a text that
   carries its own title line further down is dropped; the title goes on top when the content
   lacks it; then the info lines and the content.

The text goes to :func:`pipeline.page.clean_page` like a plain-text notice, with the hints.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, cast

import lxml.html
from lxml import etree

from .cuescan import Cue, compile_cue
from .errors import Rejected
from .htmlrender import Layout, is_hidden, render
from .normalize import compact, compact_lines
from .ruledata import RulesError, load_yaml
from .page import PageHints, is_breadcrumb, is_section_heading, line_kind, parse_meta_date, parse_stamp

__all__ = ["HtmlPage", "html_to_page"]


@dataclass(slots=True)
class HtmlPage:
    """Rendered text of the parts of a page that matter, and the hints from its head."""

    text: str
    hints: PageHints
    container: str | None  # the selector that found the body, "weight", or None (whole body)


@dataclass(frozen=True, slots=True)
class _Rules:
    """The HTML part of ``rules/page.yaml`` (and the cue words of ``classify.yaml``), compiled."""

    # (xpath as written, compiled, the id or class its matches carry), in the file's order
    containers: list[tuple[str, etree.XPath, str | None]]
    titles: list[etree.XPath]
    layout: Layout  # what the renderer needs: dropped, block, cell and pre tags, the list marker
    extra_chrome: re.Pattern[str]
    stop_words: re.Pattern[str]  # classify.yaml outage.stop
    times: Cue  # classify.yaml announce.time
    meta_marker: tuple[str, ...]
    meta_publisher: tuple[str, ...]
    meta_date: tuple[str, ...]
    meta_value: re.Pattern[str]  # a metadata label, its colon and value
    info_hint: re.Pattern[str]  # a word an info line above the body holds (发布时间, 来源:)


@functools.cache
def _rules() -> _Rules:
    page = load_yaml("page.yaml")
    html = page["html"]
    classify = load_yaml("classify.yaml")
    table = html["metadata_table"]
    if any(not w or any(ch.isspace() for ch in w) for w in html["info_hints"]):
        raise RulesError("page.yaml html.info_hints: a hint must be a word without blanks (lines are read as written)")
    labels = sorted({w for group in page["info_labels"].values() for w in group}
                    | {w for group in table.values() for w in group}, key=len, reverse=True)
    return _Rules(
        containers=[(x, etree.XPath(x), _attribute_word(x)) for x in html["container_xpaths"]],
        titles=[etree.XPath(x) for x in html["title_xpaths"]],
        layout=Layout(drop=frozenset(html["drop_tags"]), block=frozenset(html["block_tags"]),
                      cell=frozenset(html["cell_tags"]), pre=frozenset(html["pre_tags"]),
                      list_marker=re.compile(html["list_marker"])),
        extra_chrome=re.compile("|".join(f"(?:{p})" for p in html["extra_chrome"])),
        stop_words=re.compile("|".join(map(re.escape, classify["outage"]["stop"]))),
        times=compile_cue("|".join(f"(?:{p})" for p in classify["announce"]["time"])),
        meta_marker=tuple(table["marker"]),
        meta_publisher=tuple(table["publisher"]),
        meta_date=tuple(table["date"]),
        # 发布机构: 太和县医疗保障局 (the value ends at a wide gap, a line end or the next label)
        meta_value=re.compile(
            r"(?P<label>" + "|".join(map(re.escape, labels)) + r")\s*[:：]?\s*"
            r"(?P<value>.*?)\s*(?=\s{2}|\n|$|(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：])"
        ),
        info_hint=re.compile("|".join(map(re.escape, sorted(html["info_hints"], key=len, reverse=True)))),
    )


# --- the tree ---------------------------------------------------------------------------------------

# The same libxml2 HTML parser and options as ``lxml.html.document_fromstring``, without its
# element classes (each element read from the tree through ``lxml.html`` calls their Python lookup).
_HTML_PARSER = etree.HTMLParser()
# What ``lxml.html``'s ``text_content()`` computes: the text of the element and its descendants.
_string_value = etree.XPath("string()", smart_strings=False)


def _text_content(el: etree._Element) -> str:
    """Text of ``el`` and everything under it (not its tail), as ``text_content()`` gives it."""
    return cast(str, _string_value(el))  # string() with smart_strings off: a str


# --- CMS selectors --------------------------------------------------------------------------------

# Selectors by id (//*[@id='zoom']) or by class token
# (//*[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]): group 1 is the id or token.
_ATTRIBUTE_SELECTOR = re.compile(
    r"""//\*\[@id='([A-Za-z0-9_-]+)'\]
      | //\*\[contains\(concat\('[ ]',[ ]normalize-space\(@class\),[ ]'[ ]'\),[ ]'[ ]([A-Za-z0-9_-]+)[ ]'\)\]
    """,
    re.VERBOSE,
)


def _attribute_word(xpath: str) -> str | None:
    """The id or class token a selector looks for; None for other selectors (//article)."""
    m = _ATTRIBUTE_SELECTOR.fullmatch(xpath)
    return (m.group(1) or m.group(2)) if m else None


# Character references that can spell a letter, digit, _ or - of an id or class token: any numeric
# one, and the three HTML5 names (html.entities.html5) whose value holds such a character.
_WORD_REFS = ("&#", "&fjlig;", "&lowbar;", "&UnderBar;")


def _may_match(word: str | None, html_text: str) -> bool:
    """False when a selector's id or class token is not in the page source, so it matches nothing.

    Attribute values are copied from the source as written (case kept), so an element carrying
    the word has it in the source, unless a character reference spells part of it: pages holding
    such a reference are always searched. Each selector walks the whole tree; a substring test is
    far cheaper (the plain loop over every selector is checked in tests/test_perf_equivalence.py).
    """
    if word is None or word in html_text:
        return True
    return any(ref in html_text for ref in _WORD_REFS)


_SITE_SUFFIX = re.compile(r"\s*[-_|–—]+\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _cjk_count(text: str) -> int:
    """Number of CJK characters in ``text``."""
    return len(_CJK.findall(text))


# --- step 2: the open-government metadata block ------------------------------------------------------

META_SHARE = 0.6  # least share of a metadata block's Chinese characters in its labels and values
META_MIN_LABELS = 3  # labels a metadata block names at least
META_MAX_CHARS = 800  # characters of the longest metadata block


@dataclass(slots=True)
class _Metadata:
    """What an open-government metadata block states, and the elements it occupies."""

    elements: set[etree._Element] = field(default_factory=set)
    publisher: str | None = None
    published: str | None = None


def _metadata(body: etree._Element, rules: _Rules) -> _Metadata:
    """The 索引号 / 发布机构 / 成文日期 block(s) of the page: label cells with values beside them.

    A table, list or div whose text names a marker label (索引号) and at least two more labels,
    and is mostly labels and their values (not a notice that mentions 索引号, nor a page part that
    holds the block and the notice); the outermost such element is the block.
    """
    found = _Metadata()
    for el in body.iter("table", "ul", "dl", "div"):
        if el in found.elements or any(a in found.elements for a in el.iterancestors()):
            continue
        values = _metadata_values(el, rules)
        if values is None:
            continue
        found.elements.add(el)
        found.publisher = found.publisher or next((values[k] for k in rules.meta_publisher if values.get(k)), None)
        found.published = found.published or next(
            (values[k] for k in rules.meta_date if values.get(k) and parse_stamp(values[k])), None)
    return found


def _metadata_values(el: etree._Element, rules: _Rules) -> dict[str, str] | None:
    """Label -> value of ``el`` when it is a metadata block (see :func:`_metadata`), else None."""
    raw = _text_content(el)
    if len(raw) > META_MAX_CHARS or not any(m in raw for m in rules.meta_marker):
        return None
    text = _render(el, rules, frozenset())
    matches = list(rules.meta_value.finditer(text))
    values = {m.group("label"): m.group("value").strip() for m in matches}
    if len(values) < META_MIN_LABELS or not any(k in rules.meta_marker for k in values):
        return None
    if sum(_cjk_count(m.group(0)) for m in matches) < META_SHARE * _cjk_count(text):
        return None  # mostly other text: a page part holding the block and more, or a notice naming them
    return values


# --- step 3: weighing the page's lines ----------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2"})  # page headings: their lines weigh nothing
TIME_BONUS = 10  # weight of each date or time stated on a line
STOP_BONUS = 10  # weight of each stop word (暂停, 切换 ...)
LIST_BONUS = 5  # weight of a line opening a numbered item
TITLE_BONUS = 2  # weight of each of the title's character pairs a line repeats
MAX_HITS = 5  # hits of one kind counted per line
CHROME_PENALTY = 30  # weight against a chrome or footer line, on top of its characters
SELECTOR_SHARE = 0.9  # a CMS selector's element is taken when it holds this share of the best weight
DOMINANT_SHARE = 0.75  # the body holds at least this share of the page's positive weight
MIN_BODY_WEIGHT = 10.0  # the heaviest element weighs less: the page holds no running text
EXPAND_MARGIN = 2.0  # an enclosing element must outweigh the one inside by more than this to be taken


@dataclass(slots=True)
class _Line:
    """Text of one line being collected, and how much of it sits inside links."""

    parts: list[str] = field(default_factory=list)
    linked: int = 0

    def add(self, text: str, in_link: bool) -> None:
        self.parts.append(text)
        if in_link:
            self.linked += len(text.strip())


class _Weight(NamedTuple):
    """What the lines under an element weigh."""

    net: float  # all lines' weights
    positive: float  # the positive weights only: how much of the page's running text it holds
    depth: int  # how deep the element sits (the innermost of equals is taken)


class _Weigher:
    """Walks a body once, weighs each line, and sums the weights under every block element."""

    def __init__(self, rules: _Rules, title: str | None, skip: set[etree._Element]) -> None:
        self.rules = rules
        self.skip = skip
        self.pairs = _char_pairs(title or "")
        self.title = _word_chars(title or "")
        self.totals: dict[etree._Element, _Weight] = {}
        self.line = _Line()
        self.net = 0.0  # running sums over the lines weighed so far
        self.positive = 0.0

    def weigh(self, text: str, linked: int, heading: bool = False) -> float:
        """Weight of one line (see the module docstring); the page's title and headings weigh
        nothing: the title is read on its own, and a heading over the body is no part of it."""
        line = " ".join(unicodedata.normalize("NFKC", text).split())
        if not line or heading or self._is_title(line):
            return 0.0
        n = _cjk_count(line)
        if linked * 2 >= len(line.replace(" ", "")):
            return -float(max(n, 2))  # mostly link text: a menu, related links, pagination
        kind = line_kind(line)
        if kind == "footer" or self.rules.extra_chrome.search(line) or (kind == "chrome" and n):
            return -float(n + CHROME_PENALTY)
        if kind == "info" or not n:
            return 0.0  # an info line, or Latin and digit debris (a forum's anti-copy junk)
        weight = float(n)
        weight += TIME_BONUS * min(MAX_HITS, len(self.rules.times.findall(line)))
        weight += STOP_BONUS * min(MAX_HITS, len(self.rules.stop_words.findall(line)))
        if self.rules.layout.list_marker.match(line):
            weight += LIST_BONUS
        if self.pairs:
            weight += TITLE_BONUS * min(MAX_HITS, len(_char_pairs(line) & self.pairs))
        return weight

    def _is_title(self, line: str) -> bool:
        """True when ``line`` is the page's title (compared only when the lengths allow it)."""
        n = len(self.title)
        # ``line`` is NFKC already (see weigh): its word characters are _word_chars(line)
        return bool(n) and n // 2 <= len(line) <= 2 * n + 10 and _NOT_WORD.sub("", line) == self.title

    def flush(self, heading: bool = False) -> None:
        """Weigh the line collected so far, which ends here, into the running sums."""
        line = self.line
        if not line.parts:
            return  # nothing collected since the last break (most breaks follow another)
        self.line = _Line()
        text = "".join(line.parts)
        if text and not text.isspace():
            weight = self.weigh(text, line.linked, heading)
            self.net += weight
            self.positive += max(weight, 0.0)

    def walk(self, el: etree._Element, in_link: bool = False, depth: int = 0) -> None:
        """Weigh the lines of ``el``; record the sums of a block or cell element's lines."""
        # Each lxml property read builds a new Python object: tag, text and tail are read once.
        tag, tail = el.tag, el.tail
        if not isinstance(tag, str) or tag.lower() in self.rules.layout.drop or is_hidden(el):
            if tail:
                self.line.add(tail, in_link)
            return
        tag = tag.lower()
        breaks = tag in self.rules.layout.block or tag in self.rules.layout.cell or el in self.skip
        if breaks:
            self.flush()
        net, positive = self.net, self.positive
        if el not in self.skip:
            linked = in_link or tag == "a"
            text = el.text
            if text:
                self.line.add(text, linked)
            for child in el:
                self.walk(child, linked, depth + 1)
        if breaks:
            if el in self.skip:
                self.line = _Line()  # a metadata block weighs nothing
            else:
                self.flush(tag in _HEADINGS)
            self.totals[el] = _Weight(self.net - net, self.positive - positive, depth)
        if tail:
            self.line.add(tail, in_link)


_NOT_WORD = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,}")  # a run of Chinese characters that holds a pair


def _word_chars(text: str) -> str:
    """Chinese characters, digits and letters of ``text`` (full-width forms folded): the page's
    own lines compared with its title, both in the page's script."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def _char_pairs(text: str) -> set[str]:
    """Pairs of adjacent Chinese characters in ``text``."""
    return {run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


def _choose_container(body: etree._Element, html_text: str, rules: _Rules, weigher: _Weigher
                      ) -> tuple[etree._Element | None, str | None]:
    """The element holding the notice (step 3 of the module docstring) and how it was found."""
    weigher.walk(body)
    totals = weigher.totals
    # Elements holding most of the page's running text; of them the heaviest, and of elements
    # within a stray short line of that, the innermost.
    enough = DOMINANT_SHARE * weigher.positive
    held = [e for e, w in totals.items() if w.positive >= enough]
    top = max((totals[e].net for e in held), default=0.0)
    if top < MIN_BODY_WEIGHT:  # no running text (a page that only links an attachment): the CMS's
        return _first_selected(body, html_text, rules, lambda el: True)  # container, if any
    best = max((e for e in held if totals[e].net >= top - EXPAND_MARGIN), key=lambda e: totals[e].depth)
    share = SELECTOR_SHARE * totals[best].net
    found = _first_selected(body, html_text, rules,
                            lambda el: el in totals and totals[el].net >= share and _inside(el, best))
    return found if found[0] is not None else (best, "weight")


def _first_selected(body: etree._Element, html_text: str, rules: _Rules, accept: Callable[[etree._Element], bool]
                    ) -> tuple[etree._Element | None, str | None]:
    """The first element a CMS selector finds (selectors in the file's order) that ``accept``s."""
    for xpath, finder, word in rules.containers:
        if _may_match(word, html_text):
            for el in finder(body):
                if accept(el):
                    return el, xpath
    return None, None


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    """True when ``el`` is a descendant of ``ancestor`` (or the element itself)."""
    return el is ancestor or any(a is ancestor for a in el.iterancestors())


# --- step 4: the title --------------------------------------------------------------------------------

def _meta(doc: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in doc.iter("meta"):
        name = (m.get("name") or m.get("property") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if name and content and name not in found:
            found[name] = content
    return found


def _comment_title(doc: etree._Element) -> str | None:
    """Text between ``<!--TitleStart-->`` and ``<!--TitleEnd-->`` comments, if the template has them."""
    raw = etree.tostring(doc, encoding="unicode")
    m = re.search(r"<!--\s*TitleStart\s*-->(.*?)<!--\s*TitleEnd\s*-->", raw, re.DOTALL | re.IGNORECASE)
    if not m:
        return None
    text = lxml.html.fragment_fromstring(m.group(1), create_parent="div").text_content().strip()
    return text or None


def _heading_title(body: etree._Element, container: etree._Element | None, rules: _Rules) -> str | None:
    """The first heading (h1, .title, h2) of a plausible length that does not enclose the body; a
    template that prints its breadcrumb in the title's place (首页 > 通知公告) has no heading, and a
    numbered heading (一、停机时间) heads a section of the text, not the page."""
    for finder in rules.titles:
        for el in finder(body):
            text = " ".join(_text_content(el).split())
            if 6 <= len(text) <= 120 and (container is None or el not in container.iterancestors()) \
                    and _may_title(text):
                return text
    return None


def _head_title(head_title: str, site: str) -> str | None:
    """The longest part of ``<title>`` that is not the site's name (``标题_栏目_站名``)."""
    parts = [p for p in _SITE_SUFFIX.split(head_title) if p]
    parts = [p for p in parts if p != site] or parts
    return max(parts, key=len) if parts else None


# --- step 5: info lines -------------------------------------------------------------------------------

_INFO_TAGS = frozenset({"div", "span", "p", "td", "li"})  # elements that may hold an info line


def _info_lines(body: etree._Element, container: etree._Element,
                skip: frozenset[etree._Element] = frozenset()) -> list[str]:
    """Short lines with an info hint (来源, 发布时间 ...) in ``body`` outside ``container``, in page order.

    Every div, span, p, td or li is read, except the container, its subtree and its ancestors, and
    the ``skip`` elements (a metadata block) with their subtrees. An element whose text holds no
    hint is not descended into: a descendant's text is a piece of its text, so none of them holds
    one either (the plain walk over every element is checked in tests/test_perf_equivalence.py).
    """
    ancestors = set(container.iterancestors())
    found: list[str] = []
    hint = _rules().info_hint

    def visit(el: etree._Element) -> None:
        if el is container or el in skip:
            return
        if el.tag in _INFO_TAGS and el not in ancestors:
            raw = _text_content(el)
            # The hint words hold no blanks, so the raw text holds one iff the collapsed one does.
            if not hint.search(raw):
                return
            text = " ".join(raw.split())
            if len(text) <= 160 and text not in found:
                if not any(text in seen or seen in text for seen in found):
                    found.append(text)
        for child in el:
            visit(child)

    visit(body)
    return found


# --- step 6: rendering (pipeline/htmlrender.py) ------------------------------------------------------

def _render(root: etree._Element, rules: _Rules, skip: frozenset[etree._Element]) -> str:
    """Text of ``root`` with line breaks at blocks and rows, cells separated by two spaces."""
    return render(root, rules.layout, skip)


# --- assembling ---------------------------------------------------------------------------------------

_TITLE_MIN = 6  # characters of the shortest title put above the content
MAX_INFO_LINES = 3  # info lines from outside the container put above it


def _parse(html_text: str, source: str) -> etree._Element:
    """The document tree; Rejected when libxml2 cannot make one."""
    try:
        doc = etree.fromstring(html_text, _HTML_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise Rejected("clean", "unparsable_html", f"{source or 'page'}: {exc}") from exc
    if doc is None:
        raise Rejected("clean", "unparsable_html", f"{source or 'page'}: Document is empty")
    return doc


@dataclass(frozen=True, slots=True)
class _Head:
    """What the page's ``<head>`` says."""

    meta: dict[str, str]  # meta name (lower case) -> content, the first of each name
    title: str  # the <title> text

    @property
    def article_title(self) -> str | None:
        return self.meta.get("articletitle") or None


def _read_head(doc: etree._Element) -> _Head:
    """Step 1: the meta block and the ``<title>``."""
    title_el = doc.find(".//title")
    return _Head(_meta(doc), _text_content(title_el).strip() if title_el is not None else "")


def _title(marked: str | None, body: etree._Element, head: _Head, container: etree._Element | None,
           rules: _Rules) -> str | None:
    """Step 4: the title the page marks (meta, template comments), a heading, or the head title;
    none of them when it is a breadcrumb or a numbered heading (see :func:`_heading_title`): the
    text's own heading is read then."""
    if marked and _may_title(marked):
        return marked
    title = _heading_title(body, container, rules)
    if title is None and head.title:
        title = _head_title(head.title, head.meta.get("sitename", ""))
    return title if title is not None and _may_title(title) else None


def _may_title(text: str) -> bool:
    """False for a breadcrumb (首页 > 通知公告) or a numbered heading (一、停机时间) put where a title goes."""
    return not is_breadcrumb(text) and not is_section_heading(text)


def _assemble(title: str | None, info_lines: list[str], content: str) -> str:
    """The page text: the title when the content lacks it and it reads as one (a head title's
    leftover such as 医疗保障局 stays a hint only), the info lines, the content."""
    want = compact(title)
    if title and want:
        lines = content.split("\n")
        packed = compact_lines(lines)
        lines, packed = _join_split_title(want, lines, packed)
        lines, packed = _drop_heading_copy(want, lines, packed)
        content = "\n".join(lines).strip("\n")
        if len(title) >= _TITLE_MIN and not any(want in p for p in packed):
            info_lines = [title] + info_lines[:MAX_INFO_LINES]
            return "\n".join(info_lines + [content])
    return "\n".join(info_lines[:MAX_INFO_LINES] + [content])


_TITLE_PIECES = 3  # lines a title may be cut into (sentence sections: 公告! / 郴州于…)


def _join_split_title(want: str, lines: list[str], packed: list[str]) -> tuple[list[str], list[str]]:
    """The title (``want``, compacted) put back on one line where consecutive lines spell it."""
    if any(want in p for p in packed):
        return lines, packed
    for i in range(len(lines)):
        got = ""
        for k in range(i, min(i + _TITLE_PIECES, len(lines))):
            got += packed[k]
            if not got or not want.startswith(got):
                break
            if got == want and k > i:
                joined = "".join(line.strip() for line in lines[i:k + 1])
                return lines[:i] + [joined] + lines[k + 1:], packed[:i] + [want] + packed[k + 1:]
    return lines, packed


def _drop_heading_copy(want: str, lines: list[str], packed: list[str]) -> tuple[list[str], list[str]]:
    """Without the first line when it is the title and a later line holds the title too (a page
    heading over a text that carries its own title line, further down or with a tag such as
    【重要提醒】): the text's own line is the one to read."""
    first = next((i for i, p in enumerate(packed) if p), None)
    if first is None or packed[first] != want or not any(want in p for p in packed[first + 1:]):
        return lines, packed
    return lines[first + 1:], packed[first + 1:]


def _hints(head: _Head, metadata: _Metadata, title: str | None) -> PageHints:
    """What the head and the metadata block say about the notice (the meta block first)."""
    meta = head.meta
    return PageHints(
        title=title,
        publisher=meta.get("contentsource") or None,
        author=meta.get("author") or metadata.publisher or None,
        published=parse_meta_date(meta.get("pubdate")) or parse_meta_date(metadata.published),
        site_name=meta.get("sitename") or None,
    )


def html_to_page(html_text: str, source: str = "") -> HtmlPage:
    """Render a notice page to text and hints (see module docstring); raise Rejected if unusable."""
    rules = _rules()
    doc = _parse(html_text, source)
    head = _read_head(doc)
    body = doc.find("body")
    if body is None:
        body = doc
    metadata = _metadata(body, rules)
    skip = frozenset(metadata.elements)
    marked = head.article_title or _comment_title(doc)
    weigher = _Weigher(rules, marked or head.title, set(skip))
    container, how = _choose_container(body, html_text, rules, weigher)
    title = _title(marked, body, head, container, rules)
    info_lines = _info_lines(body, container, skip) if container is not None else []
    content = _render(container if container is not None else body, rules, skip)
    return HtmlPage(text=_assemble(title, info_lines, content), hints=_hints(head, metadata, title), container=how)
