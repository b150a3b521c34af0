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
from dataclasses import dataclass, field

__all__ = ["Clause", "split_clauses", "bracket_zones", "phrase_index"]

# Clause ends: sentence punctuation and line breaks (the text is normalized to half-width).
_CLAUSE_END = re.compile(
    r"""  [。;；\n!?！？]            # one class first, so the engine skips to candidates quickly
        (?: (?<=[。;；\n])           # full stop, semicolon, line break: always an end
          | (?<![?!].)(?![?!])       # a lone ! or ?; a run like ?! is mis-decoded text (山西医?!蔽...)
        )
    """,
    re.VERBOSE,
)

# Phrase separators inside a clause: commas, and colons that are not part of a clock time. The
# plain form is ``,|(?<!\d):(?!\d)``; opening with one class lets the engine skip to candidates.
_PHRASE_SEP = re.compile(
    r"""  [,:]               # a comma (full-width ones are normalized to this) or a colon ...
          (?<!\d:)           # ... but not a colon right after a digit (18:00) ...
          (?!(?<=:)\d)       # ... nor a colon right before one: a colon of a label (暂停时间:)
    """,
    re.VERBOSE,
)

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
# What a marker can start with, besides a digit: most clauses start with none, and this test is
# cheaper than the match. A superset (str.isdigit holds for every \d character, and more), so the
# match alone decides.
_MARKER_FIRST = frozenset("一二三四五六七八九十(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

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


# Not frozen: records built per clause of every notice, and a frozen dataclass costs about four
# times as much to build; nothing changes one after it is made (the phrases are filled once, when
# first read).
@dataclass(slots=True)
class Clause:
    """One sentence of the body, with its phrases and the item blocks around it."""

    start: int
    end: int
    marker_level: int | None  # level of the item marker it starts with, if any
    # (start, end, head_end) of the enclosing item blocks, innermost first; head_end is where the
    # block's first sub-item starts (its heading and intro end there)
    blocks: tuple[tuple[int, int, int], ...]
    ends_with_colon: bool  # a label or list head (停机影响业务范围:)
    # The phrases are cut only when read: most clauses name no cue and are never read, and the
    # cut (bracket zones, one tuple per phrase) was ~a quarter of split_clauses. The text and the
    # separators of the whole text (shared by the clauses of one text) are kept for it.
    _text: str = field(repr=False, compare=False)
    _seps: list[int] = field(repr=False, compare=False)
    _phrases: tuple[tuple[int, int], ...] | None = field(default=None, repr=False, compare=False)
    _starts: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def phrases(self) -> tuple[tuple[int, int], ...]:
        """Comma/colon parts of the clause, not split inside brackets (see :func:`_phrases`)."""
        if self._phrases is None:
            self._phrases = _phrases(self._text, self.start, self.end, self._seps)
        return self._phrases

    @property
    def phrase_starts(self) -> tuple[int, ...]:
        """Start of each phrase, for bisection."""
        if self._starts is None:
            phrases = self.phrases
            self._starts = (phrases[0][0],) if len(phrases) == 1 else tuple([p[0] for p in phrases])
        return self._starts


def bracket_zones(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Insides of ``(...)`` pairs within ``text[start:end]`` (one level, same line), in order."""
    end = len(text) if end is None else end
    if text.find("(", start, end) < 0:  # most clauses have no bracket: skip the regex
        return []
    return [m.span(1) for m in _BRACKET.finditer(text, start, end)]


def _in_zones(pos: int, zones: list[tuple[int, int]]) -> bool:
    """True when ``pos`` lies inside one of the (sorted, disjoint) zones."""
    return any(s <= pos < e for s, e in zones)


def _separators(text: str) -> list[int]:
    """Positions of every phrase separator of ``text``, found in one pass.

    The same as a search clause by clause: the lookbehind sees before a clause's start either way,
    and the character after a clause's end (a blank or a clause end) is no digit.
    """
    return [m.start() for m in _PHRASE_SEP.finditer(text)]


def _phrases(text: str, start: int, end: int, seps: list[int] | None = None) -> tuple[tuple[int, int], ...]:
    """Comma/colon parts of ``text[start:end]``, not splitting inside brackets.

    ``seps`` are the separators of the whole text (:func:`_separators`), when the caller has them.
    """
    if seps is None:
        seps = [m.start() for m in _PHRASE_SEP.finditer(text, start, end)]
        inside = seps
    else:
        inside = seps[bisect.bisect_left(seps, start):bisect.bisect_left(seps, end)]
    if not inside:
        return ((start, end),)  # a one-phrase clause (a heading, a short line): no brackets to read
    zones = bracket_zones(text, start, end)
    cuts = [cut for cut in inside if not (zones and _in_zones(cut, zones))]
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
    m = _MARKER.match(text, pos, end)
    return _LEVEL[m.lastgroup] if m is not None and m.lastgroup else None


def split_clauses(text: str) -> list[Clause]:
    """Clauses of ``text`` in order, blank ones dropped."""
    raw: list[tuple[int, int, int | None, tuple[int, ...]]] = []  # start, end, level, open block ids
    blocks: list[list[int]] = []  # [start, end, head_end] of every item block, by id (-1: unset)
    stack: list[tuple[int, int]] = []  # (level, block id) of the open item blocks
    left = 0
    bounds = [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    open_ids: tuple[int, ...] = ()  # ids of the open blocks, innermost first
    for cut in bounds:
        if cut == left:  # two ends in a row (a blank line): nothing between them
            left = cut + 1
            continue
        part = text[left:cut]
        s = left + len(part) - len(part.lstrip(_BLANKS))
        e = left + len(part.rstrip(_BLANKS))
        left = cut + 1
        if e <= s:
            continue
        first = text[s]
        level = _marker(text, s, e) if first in _MARKER_FIRST or first.isdigit() else None
        if level is not None:
            while stack and stack[-1][0] >= level:
                blocks[stack.pop()[1]][1] = s  # a sibling or outer item closes the block
            if stack and blocks[stack[-1][1]][2] < 0:
                blocks[stack[-1][1]][2] = s  # the parent's first sub-item ends its head
            blocks.append([s, len(text), -1])
            stack.append((level, len(blocks) - 1))
            open_ids = tuple(b for _, b in reversed(stack))
        raw.append((s, e, level, open_ids))
    # (start, end, head_end) of each block, and the blocks of each set of open ids: the clauses of
    # one item share them, so each tuple is built once
    final = [(b0, b1, b2 if b2 >= 0 else b1) for b0, b1, b2 in blocks]
    block_sets: dict[tuple[int, ...], tuple[tuple[int, int, int], ...]] = {}
    seps = _separators(text)
    clauses = []
    for s, e, level, ids in raw:
        around = block_sets.get(ids)
        if around is None:
            around = block_sets[ids] = tuple(final[b] for b in ids)
        # by position (start, end, marker_level, blocks, ends_with_colon, _text, _seps): keywords
        # cost twice as much, on every clause of every notice
        clauses.append(Clause(s, e, level, around, text[e - 1] == ":", text, seps))
    return clauses


def phrase_index(clause: Clause, pos: int) -> int:
    """Index of the phrase of ``clause`` holding ``pos`` (separators count with the next phrase)."""
    starts = clause._starts  # called per cue and row: the property only on the first call
    if starts is None:
        starts = clause.phrase_starts
    if len(starts) == 1:  # a one-phrase clause: no search
        return 0
    i = bisect.bisect_right(starts, pos) - 1
    return i if i > 0 else 0
