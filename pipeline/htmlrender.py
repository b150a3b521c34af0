"""An element's text as a browser lays it out: the rendering step of :mod:`pipeline.htmlclean`.

- Source whitespace collapses to one blank, and a source line break between two Chinese
  characters is nothing (CSS segment-break rules: Word and other editors wrap their HTML source
  inside sentences); ``<pre>`` and ``white-space: pre`` keep their breaks.
- Inline runs stay together: a date cut into ``<span>``s (Word, WeChat) is one date.
- Blocks, ``<br>`` and table rows break lines; the cells of one row share a line, two blanks
  apart (a phone table keeps one organisation per line, also when each cell holds a ``<p>``).
- Sibling ``<section>``s that cut a paragraph into sentences (a WeChat post) go back on one line.
- ``display: none`` and ``hidden`` hide an element; ``visibility: hidden`` does not (WeChat's
  ``#js_content`` carries it until the page's script reveals it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

__all__ = ["Layout", "is_hidden", "render"]


@dataclass(frozen=True, slots=True)
class Layout:
    """Tags by how they lay out (``rules/page.yaml`` html), and what opens a numbered item."""

    drop: frozenset[str]  # not shown: script, style, nav ...
    block: frozenset[str]  # break lines
    cell: frozenset[str]  # table cells
    pre: frozenset[str]  # keep their line breaks
    list_marker: re.Pattern[str]


_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)  # not visibility:hidden: WeChat's body has it
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre", re.IGNORECASE)


def is_hidden(el: etree._Element) -> bool:
    """True when the element's style or ``hidden`` attribute keeps it from showing."""
    style = el.get("style")
    return bool(style and _HIDDEN.search(style)) or el.get("hidden") is not None


# Source whitespace shows as one blank; a run holding a line break is first marked _SOFT, and a
# _SOFT between two Chinese characters shows as nothing (CSS segment-break rules: Word and other
# editors wrap their HTML source inside sentences, between characters or between tags).
_SOURCE_BLANKS = re.compile(r"[ \t\n\r\f]+")
_SOFT = "\x00"
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # CJK, its punctuation, full-width forms
_SOFT_RUN = re.compile(rf"[ {_SOFT}]*{_SOFT}[ {_SOFT}]*")
_SOFT_IN_CJK = re.compile(rf"(?<=[{_WIDE}])[ {_SOFT}]*{_SOFT}[ {_SOFT}]*(?=[{_WIDE}])")


def _blank(m: re.Match[str]) -> str:
    return _SOFT if "\n" in m.group(0) else " "


def _collapse(text: str) -> str:
    """Source whitespace of an HTML text node as it shows, before :func:`_resolve_soft`."""
    return _SOURCE_BLANKS.sub(_blank, text)


def _resolve_soft(text: str) -> str:
    """Marked wraps: nothing between two Chinese characters, one blank elsewhere."""
    if _SOFT not in text:
        return text
    return _SOFT_RUN.sub(" ", _SOFT_IN_CJK.sub("", text))


def _keeps_breaks(el: etree._Element, rules: Layout) -> bool:
    """True for ``<pre>`` and elements styled ``white-space: pre*``: their line breaks show."""
    if el.tag in rules.pre:
        return True
    style = el.get("style")
    return bool(style and _PRE_STYLE.search(style))


_CLAUSE_ENDS = frozenset("，,、；;")  # not a colon: 各参保单位： and 转自…： lead a paragraph
_SENTENCE_ENDS = frozenset("。.！!？?…")
# A line break with the blanks around it, and any further breaks (blank lines) after it.
_LINE_BREAKS = re.compile(r"[ \t\r\f\v\xa0]*\n[ \t\r\f\v\xa0\n]*")


def _line_break(m: re.Match[str]) -> str:
    """One line break, or one blank line where the page had two or more."""
    return "\n\n" if m.group(0).count("\n") > 2 else "\n"


class _Renderer:
    """Text of an element laid out in lines (see the module docstring)."""

    def __init__(self, rules: Layout, skip: frozenset[etree._Element]) -> None:
        self.rules = rules
        self.skip = skip

    def render(self, root: etree._Element) -> str:
        out: list[str] = []
        self.walk(root, out, False)
        return _LINE_BREAKS.sub(_line_break, _resolve_soft("".join(out))).strip()

    @staticmethod
    def text(value: str, pre: bool) -> str:
        """``value`` as it shows (see :func:`_collapse`)."""
        return value if pre else _collapse(value)

    def walk(self, el: etree._Element, out: list[str], pre: bool) -> None:
        # Each lxml property read builds a new Python object: tag, text and tail are read once.
        tail = el.tail
        tag = el.tag
        if not isinstance(tag, str) or el in self.skip:  # a comment, or a block left out: keep the tail
            if tail:
                out.append(self.text(tail, pre))
            return
        tag = tag.lower()
        if tag in self.rules.drop or is_hidden(el):
            if tail:
                out.append(self.text(tail, pre))
            return
        inner_pre = pre or _keeps_breaks(el, self.rules)
        if tag in self.rules.cell:
            out.append("  " + self.cell(el, inner_pre))
        else:
            is_block = tag in self.rules.block
            if is_block:
                out.append("\n")
            text = el.text
            if text:
                out.append(self.text(text, inner_pre))
            self.children(el, out, inner_pre)
            if is_block:
                out.append("\n")
        if tail:
            out.append(self.text(tail, pre))

    def children(self, el: etree._Element, out: list[str], pre: bool) -> None:
        """The children of ``el`` in order; sibling ``<section>``s that cut one paragraph into
        sentences (a WeChat post's layout) are put back on one line (see :meth:`_continues`)."""
        kids = list(el)
        spaced = any(self._sentence_section(k) == "" for k in kids)
        prev: str | None = None  # text of the previous sentence section, while one may continue it
        for child in kids:
            text = self._sentence_section(child)
            if text is None:
                prev = None
                self.walk(child, out, pre)
                continue
            if not text:  # a spacer between paragraphs
                out.append("\n\n")
                prev = None
            elif prev is not None and self._continues(prev, text, spaced):
                while out and not out[-1].strip(" \t\r\n\f\v\xa0" + _SOFT):
                    out.pop()  # the break after the previous sentence
                out += [text, "\n"]
                prev = text
            else:
                out += ["\n", text, "\n"]
                prev = text
            if child.tail:
                out.append(self.text(child.tail, pre))

    def _sentence_section(self, el: etree._Element) -> str | None:
        """The text of a ``<section>`` holding no block but ``<br>`` ("" for a spacer), else None."""
        tag = el.tag
        if not isinstance(tag, str) or tag.lower() != "section" or el in self.skip or is_hidden(el):
            return None
        for d in el.iterdescendants():
            dtag = d.tag
            if isinstance(dtag, str) and dtag.lower() in self.rules.block and dtag.lower() != "br":
                return None
        buf: list[str] = []
        if el.text:
            buf.append(self.text(el.text, False))
        for child in el:
            self.walk(child, buf, False)
        return _resolve_soft("".join(buf)).strip(" \t\r\n\f\v\xa0\u200b")

    def _continues(self, prev: str, text: str, spaced: bool) -> bool:
        """True when section ``text`` goes on the line of the section before it: the one before
        ends a clause (，、；), or ends a sentence while spacers set the paragraphs apart, and
        ``text`` opens no numbered item."""
        if self.rules.list_marker.match(text):
            return False
        last = prev[-1]
        return last in _CLAUSE_ENDS or (spaced and last in _SENTENCE_ENDS)

    def cell(self, el: etree._Element, pre: bool) -> str:
        """A table cell's text: on the row's line when it is one line (a ``<p>`` in a cell is one)."""
        buf: list[str] = []
        text = el.text
        if text:
            buf.append(self.text(text, pre))
        for child in el:
            self.walk(child, buf, pre)
        joined = "".join(buf)
        inner = joined.strip(" \t\r\n\f\v\xa0")
        return inner if "\n" not in inner else joined


def render(root: etree._Element, layout: Layout, skip: frozenset[etree._Element] = frozenset()) -> str:
    """Text of ``root`` with line breaks at blocks and rows, cells separated by two spaces; the
    ``skip`` elements (and what they hold) left out."""
    return _Renderer(layout, skip).render(root)
