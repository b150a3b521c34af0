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
from dataclasses import dataclass

__all__ = ["Clause", "split_clauses", "bracket_zones", "phrase_index"]

# Clause ends: sentence punctuation and line breaks (the text is normalized to half-width).
_CLAUSE_END = re.compile(
    r"""  [。;；\n]                   # full stop, semicolon, line break
        | (?<![?!])[!?！？](?![?!])   # a lone ! or ?; a run like ?! is mis-decoded text (山西医?!蔽...)
    """,
    re.VERBOSE,
)

# Phrase separators inside a clause: commas, and colons that are not part of a clock time.
_PHRASE_SEP = re.compile(
    r"""  ,                  # comma (full-width ones are normalized to this)
        | (?<!\d):(?!\d)     # colon of a label (暂停时间:), not the one inside 18:00
    """,
    re.VERBOSE,
)

# Item markers at the start of a clause, with their nesting level (lower = outer).
_MARKERS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"[一二三四五六七八九十]{1,3}、"), 1),              # 一、
    (re.compile(r"\([一二三四五六七八九十]{1,3}\)"), 2),            # (一)
    (re.compile(r"\d{1,2}[.、]"), 3),                                # 1. or 1、 (also 1.10月11日: glued date)
    (re.compile(r"\d(?=[\u4e00-\u9fff])(?![年月日时点号])"), 3),     # 1如非急需 (no separator)
    (re.compile(r"[①-⑳]|\(\d{1,2}\)"), 4),                          # ① or (1)
)

_SKIP_BLANKS = re.compile(r"[ \t\u3000]*")


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence of the body, with its phrases and the item blocks around it."""

    start: int
    end: int
    phrases: tuple[tuple[int, int], ...]
    marker_level: int | None  # level of the item marker it starts with, if any
    # (start, end, head_end) of the enclosing item blocks, innermost first; head_end is where the
    # block's first sub-item starts (its heading and intro end there)
    blocks: tuple[tuple[int, int, int], ...]
    ends_with_colon: bool  # a label or list head (停机影响业务范围:)


def bracket_zones(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Insides of ``(...)`` pairs within ``text[start:end]`` (one level, same line), in order."""
    end = len(text) if end is None else end
    zones: list[tuple[int, int]] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            opened = i + 1  # an unclosed earlier bracket is dropped: the innermost pair wins
        elif ch == ")" and opened is not None:
            zones.append((opened, i))
            opened = None
        elif ch == "\n":
            opened = None
    return zones


def _in_zones(pos: int, zones: list[tuple[int, int]]) -> bool:
    """True when ``pos`` lies inside one of the (sorted, disjoint) zones."""
    i = bisect.bisect_right([z[0] for z in zones], pos) - 1
    return i >= 0 and zones[i][0] <= pos < zones[i][1]


def _phrases(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Comma/colon parts of ``text[start:end]``, not splitting inside brackets."""
    zones = bracket_zones(text, start, end)
    cuts = [m.start() for m in _PHRASE_SEP.finditer(text, start, end) if not _in_zones(m.start(), zones)]
    out: list[tuple[int, int]] = []
    left = start
    for cut in cuts:
        if cut > left:
            out.append((left, cut))
        left = cut + 1
    if end > left:
        out.append((left, end))
    return tuple(out) or ((start, end),)


def _marker(text: str, pos: int, end: int) -> int | None:
    """Level of an item marker starting at ``pos``, if any."""
    for regex, level in _MARKERS:
        m = regex.match(text, pos, end)
        if m:
            return level
    return None


def split_clauses(text: str) -> list[Clause]:
    """Clauses of ``text`` in order, blank ones dropped."""
    raw: list[tuple[int, int, int | None, tuple[int, ...]]] = []  # start, end, level, open block ids
    blocks: list[list[int]] = []  # [start, end, head_end] of every item block, by id (-1: unset)
    stack: list[tuple[int, int]] = []  # (level, block id) of the open item blocks
    left = 0
    bounds = [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    for cut in bounds:
        s = _SKIP_BLANKS.match(text, left, cut).end()  # type: ignore[union-attr]
        e = cut
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        left = cut + 1
        if e <= s:
            continue
        level = _marker(text, s, e)
        if level is not None:
            while stack and stack[-1][0] >= level:
                blocks[stack.pop()[1]][1] = s  # a sibling or outer item closes the block
            if stack and blocks[stack[-1][1]][2] < 0:
                blocks[stack[-1][1]][2] = s  # the parent's first sub-item ends its head
            blocks.append([s, len(text), -1])
            stack.append((level, len(blocks) - 1))
        raw.append((s, e, level, tuple(b for _, b in reversed(stack))))
    return [
        Clause(
            start=s,
            end=e,
            phrases=_phrases(text, s, e),
            marker_level=level,
            blocks=tuple((blocks[b][0], blocks[b][1], blocks[b][2] if blocks[b][2] >= 0 else blocks[b][1])
                         for b in ids),
            ends_with_colon=text[e - 1] == ":",
        )
        for s, e, level, ids in raw
    ]


def phrase_index(clause: Clause, pos: int) -> int:
    """Index of the phrase of ``clause`` holding ``pos`` (separators count with the next phrase)."""
    starts = [p[0] for p in clause.phrases]
    return max(0, bisect.bisect_right(starts, pos) - 1)
