"""Fast scanning for cue regexes: every start position's match, with a first-character prefilter.

The services extractor needs, for each cue regex, its match at *every* start position (overlapping
candidates; :mod:`pipeline.service_cues` picks among them). Searching again from the last match's
start + 1 gives exactly that. What makes it slow is a pattern whose first character Python's
engine cannot tell in advance (it opens with an optional group, ``(?:费用)?结算申报``, or a digit
class): the engine then tries a full match at every position of the text. Such a pattern is
compiled with a *first-character prefilter* the engine understands: a character class of every
character a non-empty match can start with, followed by a lookbehind that re-reads the pattern
from that character::

    [费结](?<=(?=((?:费用)?结算申报))(?s:.))

The class lets the engine skip to candidate positions in C; group 1 holds the cue's match, the same
span the bare pattern gives there. Patterns the analysis cannot bound (a negated class, ``.``) are
compiled as they are, ``(pattern)``. Either way group 1 is the cue (so a rules pattern cannot use
numbered back references); empty matches never count.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["compile_cue", "spans", "matches", "iter_matches", "first_chars"]

log = logging.getLogger(__name__)

try:  # the pattern parser behind `re` (Python 3.11+); without it there is no prefilter
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters
    _p = None

# Class escapes of the categories a first character may belong to (\d: a date's digits).
_CATEGORY = {} if _p is None else {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


class _Unbounded(Exception):
    """The first character of a match cannot be listed as a plain class."""


def _class_items(items: list[tuple[Any, Any]], out: set[str]) -> None:
    """Add the members of a parsed class ``[...]`` (literals, ranges, categories) to ``out``."""
    for op, av in items:
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORY:
            out.add(_CATEGORY[av])
        else:  # a negated class or an unknown item: too wide to be worth it
            raise _Unbounded(op)


def _first(seq: Iterable[tuple[Any, Any]], out: set[str]) -> bool:
    """Add what a match of ``seq`` can start with to ``out``; True when ``seq`` can match empty."""
    for op, av in seq:
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
            return False
        if op is _c.IN:
            _class_items(av, out)
            return False
        if op is _c.SUBPATTERN:
            if av[1] & re.IGNORECASE:  # (group, add_flags, del_flags, body); case variants not listed
                raise _Unbounded(op)
            if not _first(av[3], out):
                return False
        elif op is _c.BRANCH:
            if not any([_first(branch, out) for branch in av[1]]):  # every branch, no short cut
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, body = av
            if not _first(body, out) and low > 0:
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the first character comes from what follows
        else:  # `.`, a negated literal, a back reference ...
            raise _Unbounded(op)
    return True


def _engine_knows(seq: list[tuple[Any, Any]]) -> bool:
    """Whether the engine finds the first character itself: a literal, a class, or literal branches."""
    while seq and seq[0][0] is _c.SUBPATTERN and not seq[0][1][1]:
        seq = seq[0][1][3].data  # a plain group around the start
    if not seq:
        return False
    op, av = seq[0]
    if op is _c.BRANCH:
        return all(branch.data and branch.data[0][0] is _c.LITERAL for branch in av[1])
    return op in (_c.LITERAL, _c.IN)


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A class body holding every first character of a non-empty match, or None when not needed."""
    if _p is None:
        return None
    out: set[str] = set()
    try:
        parsed = _p.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE or _engine_knows(parsed.data):
            return None  # a word list (医保费|社保费) is already fast; a prefilter only adds a lookbehind
        if _first(parsed.data, out):
            return None  # it can match empty: keep the engine's own handling of empty matches
    except (_Unbounded, re.error, AttributeError, TypeError, ValueError):
        return None
    return "".join(sorted(out)) or None


def compile_cue(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled for :func:`spans` and :func:`matches`: group 1 is the cue.

    A prefilter is added where the engine cannot find the first character itself and the
    pattern cannot match empty. Raises ``re.error`` when the pattern itself is malformed.
    """
    bare = re.compile(f"({pattern})", flags)
    first = first_chars(pattern, flags)
    if first is None:
        return bare
    fast = (
        f"[{first}]"              # a character a match can start with: the engine skips to it in C
        f"(?<=(?=({pattern}))"    # back on that character, the cue itself (group 1) ...
        r"(?s:.))"                # ... from the one character the class consumed
    )
    try:
        return re.compile(fast, flags)
    except re.error:  # e.g. a lookbehind the engine refuses inside; the bare form is still right
        log.debug("no prefilter for %r", pattern)
        return bare


def spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Group 1 of ``regex`` (from :func:`compile_cue`) at every start position where it matches.

    finditer would skip the overlapping matches; searching again from the last start + 1 keeps
    them (the whole text stays visible, so lookbehinds see what precedes the position).
    """
    out: list[tuple[int, int]] = []
    search = regex.search
    m = search(text)
    while m is not None:
        s, e = m.span(1)
        if e > s:
            out.append((s, e))
        m = search(text, s + 1)
    return out


def matches(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Group 1 of ``regex`` (from :func:`compile_cue`) at the non-overlapping matches, as finditer."""
    return [m.span(1) for m in iter_matches(regex, text)]


def iter_matches(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The non-empty, non-overlapping matches of group 1 of ``regex``, as finditer finds them.

    For a regex from :func:`compile_cue` (or any regex whose group 1 is the match), so callers
    read ``m.span(1)`` and named groups from the match objects.
    """
    search = regex.search
    m = search(text)
    while m is not None:
        s, e = m.span(1)
        if e > s:
            yield m
            m = search(text, e)
        else:
            m = search(text, s + 1)
