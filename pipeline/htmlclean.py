"""HTML page to page text plus hints: the main content without site chrome.

lxml parses the page (libxml2's HTML parser survives unquoted attributes, junk before ``<head>``,
duplicate ids). The body container is found by the CMS selectors of ``rules/page.yaml`` (TRS, gov.cn,
Hanweb ...) or, failing those, by text density. The text is rendered with a line break at every block
and table row (cells of one row stay on one line, so a phone table keeps one organisation per line),
then handed to :func:`pipeline.textclean.clean_page` like a plain-text notice, with the page's meta
block (``ArticleTitle``, ``PubDate``, ``ContentSource``) as hints.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .errors import Rejected
from .ruledata import RulesError, load_yaml
from .textclean import PageHints, parse_meta_date

__all__ = ["HtmlPage", "html_to_page"]


@dataclass(slots=True)
class HtmlPage:
    """Rendered text of the parts of a page that matter, and the hints from its head."""

    text: str
    hints: PageHints
    container: str | None  # which selector found the body, or "density"


@dataclass(frozen=True, slots=True)
class _Rules:
    """The HTML part of ``rules/page.yaml``, compiled."""

    # (xpath as written, compiled, the id or class its matches carry), in the file's order
    containers: list[tuple[str, etree.XPath, str | None]]
    titles: list[etree.XPath]
    drop: frozenset[str]
    block: frozenset[str]
    cell: frozenset[str]
    info_hint: re.Pattern[str]  # a word an info line above the body holds (发布时间, 来源:)


@functools.cache
def _rules() -> _Rules:
    html = load_yaml("page.yaml")["html"]
    if any(not w or any(ch.isspace() for ch in w) for w in html["info_hints"]):
        raise RulesError("page.yaml html.info_hints: a hint must be a word without blanks (lines are read as written)")
    return _Rules(
        containers=[(x, etree.XPath(x), _attribute_word(x)) for x in html["container_xpaths"]],
        titles=[etree.XPath(x) for x in html["title_xpaths"]],
        drop=frozenset(html["drop_tags"]),
        block=frozenset(html["block_tags"]),
        cell=frozenset(html["cell_tags"]),
        info_hint=re.compile("|".join(map(re.escape, sorted(html["info_hints"], key=len, reverse=True)))),
    )


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


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s*[-_|–—]+\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Runs of anything but CJK: deleting them leaves the CJK characters to count (no list of matches).
_NON_CJK = re.compile(r"[^\u3400-\u9fff]+")


# A line break with the blanks around it, and any further breaks (blank lines) after it.
_LINE_BREAKS = re.compile(r"[ \t\r\f\v\xa0]*\n[ \t\r\f\v\xa0\n]*")


def _line_break(m: re.Match[str]) -> str:
    """One line break, or one blank line where the page had two or more."""
    return "\n\n" if m.group(0).count("\n") > 2 else "\n"


def _render(root: etree._Element, rules: _Rules) -> str:
    """Text of ``root`` with line breaks at blocks and rows, cells separated by two spaces."""
    out: list[str] = []
    drop = rules.drop
    block = rules.block
    cell = rules.cell

    def walk(el: etree._Element) -> None:
        # Each lxml property read builds a new Python object: tag, text and tail are read once.
        tail = el.tail
        tag = el.tag
        if not isinstance(tag, str):  # comment or processing instruction: skip it, keep its tail
            if tail:
                out.append(tail)
            return
        tag = tag.lower()
        style = el.get("style")
        if tag in drop or (style and _HIDDEN.search(style)) or el.get("hidden") is not None:
            if tail:
                out.append(tail)
            return
        is_block = tag in block
        if is_block:
            out.append("\n")
        elif tag in cell:
            out.append("  ")
        text = el.text
        if text:
            out.append(text)
        for child in el:
            walk(child)
        if is_block:
            out.append("\n")
        if tail:
            out.append(tail)

    walk(root)
    text = "".join(out)
    text = _LINE_BREAKS.sub(_line_break, text)
    return text.strip()


def _cjk_count(text: str) -> int:
    """Number of CJK characters in ``text``."""
    return len(_NON_CJK.sub("", text))


def _text_len(el: etree._Element) -> int:
    """Number of CJK characters in the text of ``el``."""
    return _cjk_count(el.text_content() or "")


def _by_density(body: etree._Element) -> etree._Element | None:
    """The element that collects most of the page's running (non-link) Chinese text."""
    scores: dict[etree._Element, float] = {}
    for el in body.iter("p", "div", "td", "span", "font", "section", "li"):
        own = (el.text or "") + "".join((c.tail or "") for c in el)
        n = _cjk_count(own)
        if n < 10:
            continue
        parent = el.getparent() if el.tag in ("p", "span", "font", "li") else el
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 2
    if not scores:
        return None
    best = max(scores, key=lambda e: scores[e] - 3 * sum(_text_len(a) for a in e.iter("a")))
    return best


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


_INFO_TAGS = frozenset({"div", "span", "p", "td", "li"})  # elements that may hold an info line


def _info_lines(body: etree._Element, container: etree._Element) -> list[str]:
    """Short lines with an info hint (来源, 发布时间 ...) in ``body`` outside ``container``, in page order.

    Every div, span, p, td or li is read, except the container, its subtree and its ancestors.
    An element whose text holds no hint is not descended into: a descendant's text is a piece of
    its text, so none of them holds one either (the plain walk over every element is checked in
    tests/test_perf_equivalence.py).
    """
    ancestors = set(container.iterancestors())
    found: list[str] = []
    hint = _rules().info_hint

    def visit(el: etree._Element) -> None:
        if el is container:
            return
        if el.tag in _INFO_TAGS and el not in ancestors:
            raw = el.text_content()
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


def html_to_page(html_text: str, source: str = "") -> HtmlPage:
    """Render a notice page to text and hints (see module docstring); raise Rejected if unusable."""
    rules = _rules()
    try:
        doc = lxml.html.document_fromstring(html_text)
    except (etree.ParserError, ValueError) as exc:
        raise Rejected("clean", "unparsable_html", f"{source or 'page'}: {exc}") from exc
    meta = _meta(doc)
    head_title_el = doc.find(".//title")
    head_title = head_title_el.text_content().strip() if head_title_el is not None else ""
    body = doc.find("body")
    if body is None:
        body = doc

    title = meta.get("articletitle") or _comment_title(doc)
    container = None
    how = None
    for xpath, finder, word in rules.containers:
        if not _may_match(word, html_text):
            continue
        sized = [(el, size) for el in finder(body) if (size := _text_len(el)) >= 20]
        if sized:
            container = max(sized, key=lambda pair: pair[1])[0]  # the first of the largest
            how = xpath
            break
    if container is None:
        container = _by_density(body)
        how = "density" if container is not None else None
    if title is None:
        for finder in rules.titles:
            for el in finder(body):
                text = " ".join(el.text_content().split())
                if 6 <= len(text) <= 120 and (container is None or el not in container.iterancestors()):
                    title = text
                    break
            if title:
                break
    if title is None and head_title:
        parts = [p for p in _SITE_SUFFIX.split(head_title) if p]
        site = meta.get("sitename", "")
        parts = [p for p in parts if p != site] or parts
        title = max(parts, key=len) if parts else None

    # Info lines: short lines with 来源/发布时间 outside the container, above it in the page.
    info_lines: list[str] = []
    if container is not None:
        info_lines = _info_lines(body, container)
        content = _render(container, rules)
    else:
        content = _render(body, rules)

    parts = [title] if title else []
    parts += info_lines[:3]
    parts.append(content)
    hints = PageHints(
        title=title,
        publisher=meta.get("contentsource") or None,
        author=meta.get("author") or None,
        published=parse_meta_date(meta.get("pubdate")),
        site_name=meta.get("sitename") or None,
    )
    return HtmlPage(text="\n".join(parts), hints=hints, container=how)
