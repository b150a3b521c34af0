"""Splitting a notice body into clauses, phrases, bracketed asides and numbered item blocks.

A *clause* is a sentence: text between 。 ; ! ? or a line break. A *phrase* is a comma- or
colon-delimited part of a clause (commas inside brackets do not split). An *aside* is the inside
of a bracket pair on one line. Item markers (一、 (一) 1. ①) at the start of a clause open blocks;
a clause knows the blocks it sits in, innermost first, so a fact can be tied to the time stated at
the head of its item. All offsets index the text as given.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from ..cuescan import compile_cue

__all__ = ["Clause", "Phrase", "Block", "split_clauses", "bracket_zones", "phrase_index"]

# Clause ends: full stop, semicolon, line break; a lone ! or ? (a run like ?! is mis-decoded text,
# 山西医?!蔽...); the blank before an item marker (a page that ran its paragraphs into one line keeps
# a blank between them: …暂停办理的业务 (一)…). The text is normalized to half-width.
_CLAUSE_END = compile_cue(
    r"[。;；\n]|(?<![?!])[!?！？](?![?!])"
    r"|[ ](?=[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、](?![\d.、])|[①-⑳])")

# Phrase separators inside a clause: commas, and colons that are not part of a clock time (18:00).
_PHRASE_SEP = re.compile(r",|(?<!\d):(?!\d)")

# Item markers at the start of a clause; the group that matches gives the nesting level (lower =
# outer). Alternatives are tried in this order, so 1. is level 3 before (1) is tried as level 4.
_MARKER = re.compile(
    r"""  (?P<l1>[一二三四五六七八九十]{1,3}、)               # 一、
        | (?P<l2>\([一二三四五六七八九十]{1,3}\))             # (一)
        | (?P<l3>\d{1,2}[.、]                                 # 1. or 1、 (also 1.10月11日: glued date)
                | \d(?=[\u4e00-\u9fff])(?![年月日时点号]))      # 1如非急需 (no separator)
        | (?P<l4>[①-⑳]|\(\d{1,2}\))                           # ① or (1)
    """,
    re.VERBOSE,
)
_LEVEL = {"l1": 1, "l2": 2, "l3": 3, "l4": 4}

_BLANKS = " \t\u3000"  # trimmed around a clause

# The inside of a bracket pair on one line. A bracket opened again before it closes drops the
# earlier one (the innermost pair wins), and an unclosed one is dropped at the line's end.
_BRACKET = re.compile(
    r"""  \(               # opening bracket (full-width ones are normalized to this)
          ([^()\n]*)       # the inside: no other bracket, no line break
          \)               # closing bracket
    """,
    re.VERBOSE,
)


class Phrase(NamedTuple):
    """A comma/colon part of a clause."""

    start: int
    end: int


class Block(NamedTuple):
    """A numbered item: from its marker to the next sibling or outer item (or the text's end)."""

    start: int
    end: int
    head_end: int  # where its first sub-item starts (its heading and intro end there); else its end


@dataclass(slots=True)
class Clause:
    """One sentence of the body, with its phrases and the item blocks around it."""

    start: int
    end: int
    marker_level: int | None  # level of the item marker it starts with, if any
    blocks: tuple[Block, ...]  # the enclosing item blocks, innermost first
    ends_with_colon: bool  # a label or list head (停机影响业务范围:)
    # The phrases are cut when first read: most clauses name no cue and are never read, and cutting
    # every clause's phrases costs a tenth of the services stage on the labeled corpora.
    text: str = field(repr=False, compare=False)
    _phrases: tuple[Phrase, ...] | None = field(default=None, repr=False, compare=False)
    _phrase_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Comma/colon parts of the clause, not split inside brackets."""
        if self._phrases is None:
            self._phrases = _phrases(self.text, self.start, self.end)
            self._phrase_starts = tuple(p.start for p in self._phrases)
        return self._phrases

    @property
    def phrase_starts(self) -> tuple[int, ...]:
        """Start of each phrase, for bisection."""
        if self._phrases is None:
            self.phrases  # noqa: B018 -- cuts them
        return self._phrase_starts


def bracket_zones(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Insides of ``(...)`` pairs within ``text[start:end]`` (one level, same line), in order."""
    end = len(text) if end is None else end
    if text.find("(", start, end) < 0:  # most clauses have none
        return []
    return [m.span(1) for m in _BRACKET.finditer(text, start, end)]


def _phrases(text: str, start: int, end: int) -> tuple[Phrase, ...]:
    """Comma/colon parts of ``text[start:end]``, not splitting inside brackets."""
    cuts = [m.start() for m in _PHRASE_SEP.finditer(text, start, end)]
    zones = bracket_zones(text, start, end)
    if zones:
        cuts = [cut for cut in cuts if not any(s <= cut < e for s, e in zones)]
    out: list[Phrase] = []
    left = start
    for cut in cuts:
        if cut > left:
            out.append(Phrase(left, cut))
        left = cut + 1
    if end > left:
        out.append(Phrase(left, end))
    return tuple(out) or (Phrase(start, end),)


def _marker(text: str, pos: int, end: int) -> int | None:
    """Level of an item marker starting at ``pos``, if any."""
    m = _MARKER.match(text, pos, end)
    return _LEVEL[m.lastgroup] if m is not None and m.lastgroup else None


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank sentence, blanks around it trimmed."""
    left = 0
    for cut in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        s, e = left, cut
        left = cut + 1
        while s < e and text[s] in _BLANKS:
            s += 1
        while e > s and text[e - 1] in _BLANKS:
            e -= 1
        if e > s:
            yield s, e


@dataclass(slots=True)
class _OpenBlock:
    """An item block while the clauses are read: its end and head end are known later."""

    start: int
    level: int
    end: int
    head_end: int | None = None

    def block(self) -> Block:
        return Block(self.start, self.end, self.head_end if self.head_end is not None else self.end)


class _Sentence(NamedTuple):
    """A clause before its item blocks are closed."""

    start: int
    end: int
    level: int | None
    around: tuple[_OpenBlock, ...]  # innermost first


_CN_NUMERALS = "一二三四五六七八九"


def _marker_number(marker: str) -> int | None:
    """The number an item marker counts (一、 -> 1, (二) -> 2, 3. -> 3, ④ -> 4), if it can be read."""
    digits = "".join(c for c in marker if c.isdigit() and c.isascii())
    if digits:
        return int(digits)
    if marker[:1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(marker[0]) - ord("①") + 1
    word = marker.strip("()、")
    if len(word) == 1 and word in _CN_NUMERALS:
        return _CN_NUMERALS.index(word) + 1
    return None


def _nested_restart(text: str, m: re.Match[str], parent: _OpenBlock | None, previous_end: int | None) -> bool:
    """Whether an item marker that by its kind stands at or outside the open block ``parent`` is
    the first item of a list inside it: the list restarts at 1 right after the parent's heading, and
    that heading ends with a colon or counts the same kind past 1 (``(二)暂停办理业务范围:`` over
    ``1.税务登记类``, ``2.暂停的业务`` over ``1.门诊结算``), as an office numbers its levels in its
    own order."""
    if parent is None or parent.head_end is not None or previous_end is None:
        return False
    if _marker_number(m[0]) != 1:
        return False
    heading_marker = _MARKER.match(text, parent.start)
    return text[previous_end - 1] == ":" or (
        heading_marker is not None and heading_marker.lastgroup == m.lastgroup
        and (_marker_number(heading_marker[0]) or 0) >= 2)


_NEXT_HEADING_MAX = 20  # characters of an item that, numbered as the heading's next sibling, heads it


@dataclass(slots=True)
class _Nested:
    """A kind of item marker an office numbered inside a heading of the same or a deeper kind."""

    level: int
    block: _OpenBlock  # the heading's block
    last: int  # the last number counted inside it
    heading_number: int | None  # the number of the heading itself

    def continued_by(self, text: str, s: int, e: int, number: int | None) -> bool:
        """Whether the item ``text[s:e]`` numbered ``number`` is the next one of the inner list (not
        the outer list going on: a number out of the inner count, or the heading's next sibling
        when it is short and unpunctuated like a heading)."""
        if number is not None and number != self.last + 1:
            return False
        sibling = number is not None and self.heading_number is not None and number == self.heading_number + 1
        punctuated = text[e - 1] in "。;,、" or text[e:e + 1] in ("。", ";", ",", "、")  # an item, not a heading
        return not (sibling and e - s <= _NEXT_HEADING_MAX and not punctuated)


def _open_blocks(text: str) -> list[_Sentence]:
    """Every sentence with the item blocks it opens or sits in (closed as later items open).

    An item's level comes from its kind of marker (一、 outside (一) outside 1. outside (1)), except
    where a text nests its lists in an order of its own: a kind that restarts at 1 right under a
    heading of the same or a deeper kind (see :func:`_nested_restart`) is one level inside that
    heading for as long as the heading's block is open.
    """
    out: list[_Sentence] = []
    stack: list[_OpenBlock] = []  # the open item blocks, outermost first
    nested: dict[str, _Nested] = {}  # a kind of marker read inside a block
    previous_end: int | None = None
    for s, e in _sentences(text):
        m = _MARKER.match(text, s, e)
        level = _LEVEL[m.lastgroup] if m is not None and m.lastgroup else None
        if m is not None and m.lastgroup is not None and level is not None:
            kind, number = m.lastgroup, _marker_number(m[0])
            inner = nested.get(kind)
            if inner is not None and any(b is inner.block for b in stack) and inner.continued_by(text, s, e, number):
                level, inner.last = inner.level, number or inner.last + 1
            elif stack and level <= stack[-1].level and _nested_restart(text, m, stack[-1], previous_end):
                level = stack[-1].level + 1
                heading = _MARKER.match(text, stack[-1].start)
                nested[kind] = _Nested(level, stack[-1], 1, _marker_number(heading[0]) if heading else None)
            else:
                nested.pop(kind, None)
        previous_end = e
        if level is not None:
            while stack and stack[-1].level >= level:
                stack.pop().end = s  # a sibling or outer item closes the block
            if stack and stack[-1].head_end is None:
                stack[-1].head_end = s  # the parent's first sub-item ends its head
            stack.append(_OpenBlock(s, level, len(text)))
        out.append(_Sentence(s, e, level, tuple(reversed(stack))))
    return out


def split_clauses(text: str) -> list[Clause]:
    """Clauses of ``text`` in order, blank ones dropped."""
    return [
        Clause(
            start=sentence.start,
            end=sentence.end,
            marker_level=sentence.level,
            blocks=tuple(b.block() for b in sentence.around),
            ends_with_colon=text[sentence.end - 1] == ":",
            text=text,
        )
        for sentence in _open_blocks(text)
    ]


def phrase_index(clause: Clause, pos: int) -> int:
    """Index of the phrase of ``clause`` holding ``pos`` (a separator counts with the phrase before it)."""
    return max(bisect.bisect_right(clause.phrase_starts, pos) - 1, 0)
