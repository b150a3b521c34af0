"""Fast scanning for cue regexes: every start position's match, with a first-character prefilter.

The services extractor needs, for each cue regex, its match at *every* start position (overlapping
candidates; :mod:`pipeline.services.cues` picks among them). Searching again from the last match's
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

Plain word lists (most cue tables) need no regex at all: :class:`WordLists` finds, in one pass over
the text, what :func:`spans` gives for each list's alternation.

Most cue regexes need a word of their own (``(?:暂停|停止)[^,。]{0,10}?时间`` needs 时间), and most
notices lack most of those words. :func:`required_words` reads them off the pattern once; a text
holding none of them cannot match, and is not scanned (a substring test is far cheaper than a
scan of the whole text by the regex engine).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["compile_cue", "spans", "matches", "iter_matches", "first_chars", "required_words", "finite_words",
           "WordLists"]

log = logging.getLogger(__name__)

try:  # the pattern parser behind `re` (Python 3.11+); without it there is no prefilter
    # private modules, so typeshed has no stubs for them
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
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


def _required_in(seq: Iterable[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """Words one of which every match of ``seq`` holds; None when no such list is known.

    Runs of literal characters are words; a group, a repeat of at least one, or a positive
    lookaround holds what its body holds; an alternation holds one of its branches' words when
    every branch has some. Of the parts of a sequence (each one must match), the one with the
    fewest, then the longest, words is kept.
    """
    parts: list[tuple[str, ...]] = []
    run = ""
    for op, av in seq:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            parts.append((run,))
            run = ""
        found = _required_item(op, av)
        if found:
            parts.append(found)
    if run:
        parts.append((run,))
    return min(parts, key=lambda words: (len(words), -min(map(len, words)))) if parts else None


def _required_item(op: Any, av: Any) -> tuple[str, ...] | None:
    """:func:`_required_in` of one parsed item (None for classes, anchors, negative lookarounds ...)."""
    if op is _c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _required_in(av[3])  # (group, add, del, body)
    if op is _c.BRANCH:
        words: list[str] = []
        for branch in av[1]:
            found = _required_in(branch)
            if found is None:
                return None  # this branch can match without any known word
            words += found
        return tuple(dict.fromkeys(words))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _, body = av
        return _required_in(body) if low >= 1 else None
    if op is _c.ASSERT:  # a positive lookahead/lookbehind: its text is in the string too
        return _required_in(av[1])  # (direction, body)
    return None


_MAX_REQUIRED = 8  # more alternative words than this: testing them all costs about a scan

# (pattern, flags) -> required_words of the regex. Keyed by the pattern's text, not the compiled
# regex: hashing a compiled regex hashes its whole program every time, and this is asked once per
# regex and text.
_REQUIRED: dict[tuple[str, int], tuple[str, ...] | None] = {}


def required_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which is in any string ``regex`` matches, or None when none are known.

    The pattern itself decides (read once per regex): a string holding none of the words cannot
    match anywhere. Case-insensitive patterns and long word lists give None.
    """
    key = (regex.pattern, regex.flags)
    try:
        return _REQUIRED[key]
    except KeyError:
        words = _REQUIRED[key] = _read_required(regex)
        return words


def _read_required(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """:func:`required_words` read off the pattern (uncached)."""
    if _p is None or regex.flags & re.IGNORECASE:
        return None
    try:
        words = _required_in(_p.parse(regex.pattern, regex.flags).data)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    return words if words and len(words) <= _MAX_REQUIRED else None


def _reach(seq: Iterable[tuple[Any, Any]]) -> int:
    """How far past a match's start the engine may read to match ``seq``; raises :class:`_Unbounded`.

    Lookarounds count as if they consumed their body (an upper bound: a lookahead reads that far
    from where it stands, a lookbehind less), so every required word a match holds lies before
    its start plus this reach.
    """
    total = 0
    for op, av in seq:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY):
            total += 1
        elif op is _c.AT:
            continue
        elif op is _c.SUBPATTERN:
            total += _reach(av[3])
        elif op is _c.BRANCH:
            total += max([_reach(branch) for branch in av[1]], default=0)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] != _c.MAXREPEAT:
            total += av[1] * _reach(av[2])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            total += _reach(av[1])
        else:  # an unbounded repeat, a back reference ...
            raise _Unbounded(op)
    return total


# (pattern, flags) -> reach of the regex, or None when unbounded (same keying as _REQUIRED)
_REACH: dict[tuple[str, int], int | None] = {}


def _read_reach(regex: re.Pattern[str]) -> int | None:
    """:func:`_reach` of a compiled regex, or None when it has no bound."""
    if _p is None:
        return None
    try:
        return _reach(_p.parse(regex.pattern, regex.flags).data)
    except (_Unbounded, re.error, AttributeError, TypeError, ValueError):
        return None


def _scan_from(regex: re.Pattern[str], text: str) -> int:
    """Where a scan of ``text`` for ``regex`` may start: -1 when it cannot match at all.

    A text lacking every word ``regex`` requires cannot match (scanning it is pointless). When it
    has some, no match starts before the earliest place from which the first occurrence of one
    of them is within the regex's reach (:func:`_reach`): the text before it need not be scanned.
    Searching from there gives the same matches: a match does not depend on where the search
    started (``^`` and lookbehinds see the whole text).
    """
    key = (regex.pattern, regex.flags)
    try:
        words = _REQUIRED[key]
    except KeyError:
        words = required_words(regex)
    if words is None:
        return 0
    first = -1  # end of the earliest occurrence of any required word
    for word in words:  # a plain loop: a generator costs more than the few tests
        if word[-1] not in text:  # one character is found far faster than an absent word
            continue
        # once one is found, only an occurrence ending before it matters: look only up to there
        at = text.find(word) if first < 0 else text.find(word, 0, first - 1)
        if at >= 0:
            first = at + len(word)
    if first < 0:
        return -1
    try:
        reach = _REACH[key]
    except KeyError:
        reach = _REACH[key] = _read_reach(regex)
    return first - reach if reach is not None and first > reach else 0


def _cannot_match(regex: re.Pattern[str], text: str) -> bool:
    """True when ``text`` lacks every word ``regex`` requires (so scanning it is pointless)."""
    return _scan_from(regex, text) < 0


_MAX_FINITE = 100  # more words than this: the pattern is kept as a regex


def _language(seq: Iterable[tuple[Any, Any]]) -> list[str]:
    """Every string a parsed pattern of literals, literal classes, groups, alternations and bounded
    repeats matches; raises :class:`_Unbounded` for anything else or past :data:`_MAX_FINITE` strings."""
    out = [""]
    for op, av in seq:
        if op is _c.LITERAL:
            parts = [chr(av)]
        elif op is _c.IN and all(item_op is _c.LITERAL for item_op, _ in av):  # [省市县]
            parts = [chr(ch) for _, ch in av]
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            parts = _language(av[3])
        elif op is _c.BRANCH:
            parts = [w for branch in av[1] for w in _language(branch)]
        elif op is _c.MAX_REPEAT and av[1] <= 3:  # greedy (?:...)? or {m,n}; a lazy one may prefer less
            body = _language(av[2])
            parts, rep = [], [""]
            for count in range(av[1] + 1):
                if count >= av[0]:
                    parts += rep
                rep = [a + b for a in rep for b in body]
        else:
            raise _Unbounded(op)
        out = [a + b for a in out for b in parts]
        if len(out) > _MAX_FINITE:
            raise _Unbounded(op)
    return out


def finite_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The words of a pattern that is a plain word list in disguise, or None.

    ``(?:先行|先)?垫付`` matches 先行垫付, 先垫付 and 垫付 only. When, at any position, the engine
    takes the longest of them that starts there, :func:`spans` of the pattern is what
    :class:`WordLists` gives for the word list, without a scan of its own. That holds when, on each
    word followed by a character no word holds, the engine matches the whole word: the words that
    can match at a position are the prefixes of the longest one there, the same set as on that
    word alone, and the engine's order among them does not depend on the text after them.
    """
    if _p is None or flags & re.IGNORECASE:
        return None
    try:
        words = sorted({w for w in _language(_p.parse(pattern, flags).data) if w}, key=len, reverse=True)
        regex = re.compile(pattern, flags)
    except (_Unbounded, re.error, AttributeError, TypeError, ValueError):
        return None
    for word in words:
        m = regex.match(word + "\x00")  # NUL: in no word
        if m is None or m.end() != len(word):
            return None
    return tuple(words) or None


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
    begin = _scan_from(regex, text)
    if begin < 0:
        return out
    search = regex.search
    m = search(text, begin)
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
    begin = _scan_from(regex, text)
    if begin < 0:
        return
    search = regex.search
    m = search(text, begin)
    while m is not None:
        s, e = m.span(1)
        if e > s:
            yield m
            m = search(text, e)
        else:
            m = search(text, s + 1)


class WordLists:
    """Several lists of literal words scanned in one pass, with :func:`spans`'s result for each.

    For one list, :func:`spans` of its alternation (longest word first) gives, at every position
    where a word of the list starts, the longest such word. All words starting at one position
    are prefixes of each other, so they are all prefixes of the longest word of *any* list that
    starts there. One regex of every word finds that longest word at each position, and a table
    built here gives, for each word, the longest word of every list that is a prefix of it.

    The regex is the words' trie (``医(?:保(?:卡|费)?|疗机构)``): the engine follows one branch
    per character instead of trying every word in turn.
    """

    def __init__(self, lists: Mapping[re.Pattern[str], Sequence[str]]) -> None:
        self.keys = list(lists)  # the regexes the lists stand for, in order
        self.patterns = [regex.pattern for regex in self.keys]
        words = sorted({w for ws in lists.values() for w in ws if w})
        # word -> (list number, length of that list's longest word that is a prefix of it)
        self.table: dict[str, tuple[tuple[int, int], ...]] = {}
        for word in words:
            found = []
            for i, ws in enumerate(lists.values()):
                best = max((len(w) for w in ws if w and word.startswith(w)), default=0)
                if best:
                    found.append((i, best))
            self.table[word] = tuple(found)
        self.regex = compile_cue(_trie(words)) if words else None

    def spans(self, text: str) -> dict[re.Pattern[str], list[tuple[int, int]]]:
        """For each list's regex, :func:`spans` of that regex over ``text`` (empty lists included)."""
        return dict(zip(self.keys, self.lists(text)))

    def by_pattern(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """:meth:`spans` keyed by each regex's pattern text (cheap to hash, unlike a compiled regex)."""
        return dict(zip(self.patterns, self.lists(text)))

    def lists(self, text: str) -> list[list[tuple[int, int]]]:
        """:meth:`spans` as a list, in the order of ``keys``."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.keys]
        if self.regex is not None:
            table = self.table
            for s, e in spans(self.regex, text):
                for k, n in table[text[s:e]]:
                    out[k].append((s, s + n))
        return out


_Node = dict[str, "_Node"]  # a trie node: next character -> node ("" marks a word's end)


def _trie(words: Iterable[str]) -> str:
    """A regex matching, at a position, the longest of ``words`` that starts there."""
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: _Node) -> str:
        alts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
        # A word ending here is the fallback: the greedy ? tries the longer words first.
        return body + "?" if "" in node else body

    return branch(root)
