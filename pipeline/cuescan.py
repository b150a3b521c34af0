"""Scanning text for cue words and cue regexes: the one place every stage scans from.

Two questions are asked of a cue:

* :func:`spans`: where does it match at *every* start position (overlapping candidates; the
  services extractor picks among them, :mod:`pipeline.services.cues`)? Searching again from the
  last match's start + 1 gives exactly that.
* :func:`matches` / :func:`iter_matches`: its non-overlapping matches, as ``finditer`` finds them,
  without the empty ones.

Cue regexes are compiled by :func:`compile_cue` with the ``regex`` module (re's syntax, and the same
matches in its re-compatible version 0). Unlike ``re``, it finds the literal words a pattern cannot
match without and skips to them: ``(?:先行|先)?(?:全额)?垫付`` is searched for 垫付 instead of being tried
at every position of the text, which is what makes scanning a notice for a hundred cues cheap.

Plain word lists (most cue tables) need no regex at all: :class:`WordLists` finds, in one pass of an
Aho-Corasick automaton (pyahocorasick) over the text, what :func:`spans` gives for each list's
alternation, longest word first. :class:`CueSet` scans a whole table of cues (word lists and regexes)
over a text at once and returns only the cues found, with their spans.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Mapping, Sequence, Set
from typing import Generic, TypeVar, overload

import ahocorasick
import regex

__all__ = ["Cue", "Match", "compile_cue", "prefiltered", "spans", "matches", "iter_matches", "WordLists",
           "CueSet", "WordCount"]

Cue = re.Pattern[str] | regex.Pattern[str]  # what the scans take: either engine's compiled pattern
Match = re.Match[str] | regex.Match[str]
K = TypeVar("K", bound=Hashable)  # what a word list of WordLists stands for


def compile_cue(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``pattern`` (re syntax; re's flags) compiled for fast scanning; raises ``regex.error`` if malformed."""
    return regex.compile(pattern, flags | regex.VERSION0)


def prefiltered(pattern: str, first: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled by re behind a first-character class the caller vouches for; group 1 is the match.

    ``first`` is a class (``[0-9(+]``) holding the first character of every non-empty match. The
    engine skips to such characters in C, and the lookbehind re-reads ``pattern`` from there::

        [0-9(+](?<=(?=(pattern))(?s:.))

    For a hand-written pattern that opens with a lookbehind or an optional part, which neither
    engine can skip through (contacts' number shapes: 4x faster than re, 2x than regex). The caller's
    tests check the class against the bare pattern.
    """
    return re.compile(rf"(?:{first})(?<=(?=({pattern}))(?s:.))", flags)


def spans(cue: Cue, text: str) -> list[tuple[int, int]]:
    """The match of ``cue`` at every start position where it matches (non-empty), in order.

    finditer would skip the overlapping matches; searching again from the last start + 1 keeps
    them (the whole text stays visible, so lookbehinds see what precedes the position).
    """
    out: list[tuple[int, int]] = []
    search = cue.search
    m = search(text)
    while m is not None:
        s, e = m.span()
        if e > s:
            out.append((s, e))
        m = search(text, s + 1)
    return out


def matches(cue: Cue, text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty, non-overlapping matches of ``cue``, as finditer finds them."""
    return [m.span() for m in iter_matches(cue, text)]


@overload
def iter_matches(cue: re.Pattern[str], text: str, group: int = 0) -> Iterator[re.Match[str]]: ...
@overload
def iter_matches(cue: regex.Pattern[str], text: str, group: int = 0) -> Iterator[regex.Match[str]]: ...
def iter_matches(cue: Cue, text: str, group: int = 0) -> Iterator[Match]:
    """The matches of ``cue`` whose ``group`` is non-empty, non-overlapping, as finditer finds them.

    ``group`` 0 is the whole match; 1 for a :func:`prefiltered` cue, whose match is its group 1.
    """
    search = cue.search
    m = search(text)
    while m is not None:
        s, e = m.span(group)
        if e > s:
            yield m
            m = search(text, e)
        else:
            m = search(text, s + 1)


class WordLists(Generic[K]):
    """Several lists of literal words scanned in one pass, with :func:`spans`'s result for each.

    For one list, :func:`spans` of its alternation (longest word first) gives, at every position
    where a word of the list starts, the longest such word. The automaton reports every
    occurrence of every word of every list (overlapping ones included); keeping, per list and
    start, the longest gives the same spans.
    """

    def __init__(self, lists: Mapping[K, Sequence[str]]) -> None:
        self.keys = list(lists)  # what the lists stand for (their regexes' patterns, cue numbers), in order
        members: dict[str, list[int]] = {}
        for k, words in enumerate(lists.values()):
            for word in words:
                if word and k not in members.setdefault(word, []):
                    members[word].append(k)
        self._automaton: ahocorasick.Automaton | None = None
        if members:
            self._automaton = ahocorasick.Automaton()
            for word, ks in members.items():
                self._automaton.add_word(word, (len(word), tuple(ks)))
            self._automaton.make_automaton()

    def spans(self, text: str) -> dict[K, list[tuple[int, int]]]:
        """For each list's key, :func:`spans` of its alternation over ``text`` (empty lists included)."""
        return dict(zip(self.keys, self.lists(text)))

    def lists(self, text: str) -> list[list[tuple[int, int]]]:
        """:meth:`spans` as a list, in the order of ``keys``."""
        found = self._found(text)
        return [found.get(k, []) for k in range(len(self.keys))]

    def found(self, text: str) -> dict[K, list[tuple[int, int]]]:
        """:meth:`spans` of the lists with a word in ``text`` only."""
        keys = self.keys
        return {keys[k]: spans for k, spans in self._found(text).items()}

    def _found(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """List number -> its spans, for the lists with a word in ``text``."""
        longest: dict[int, dict[int, int]] = {}  # per list found: start -> longest length
        if self._automaton is not None:
            # Occurrences come ordered by their end, so of two words starting at one position the
            # longer comes later: the last one written per start is the longest.
            for end, (n, ks) in self._automaton.iter(text):
                for k in ks:
                    longest.setdefault(k, {})[end - n + 1] = n
        return {k: [(s, s + n) for s, n in sorted(starts.items())] for k, starts in longest.items()}


class CueSet:
    """Many cues scanned over one text together: :func:`spans` of every cue that is found.

    The cues whose pattern is a plain word list (a key of ``words``, with its words, longest first)
    are found in the one pass of :class:`WordLists`; the others are searched one after the other.
    Only the cues found come back, so the caller reads a few hits instead of asking a hundred cues.
    """

    def __init__(self, cues: Sequence[Cue], words: Mapping[str, Sequence[str]]) -> None:
        self.cues = tuple(cues)
        self._lists = WordLists({i: words[cue.pattern] for i, cue in enumerate(self.cues) if cue.pattern in words})
        self._searched = tuple((i, cue) for i, cue in enumerate(self.cues) if cue.pattern not in words)

    def scan(self, text: str, skip: Set[int] = frozenset()) -> dict[int, list[tuple[int, int]]]:
        """Cue number (its place in ``cues``) -> :func:`spans` of it, for the cues found in ``text``;
        the cues numbered in ``skip`` are not looked for."""
        found: dict[int, list[tuple[int, int]]] = {i: s for i, s in self._lists.found(text).items() if i not in skip}
        for i, cue in self._searched:
            if i not in skip:
                hits = spans(cue, text)
                if hits:
                    found[i] = hits
        return found


class WordCount:
    """``sum(text.count(w) for w in words)`` in one Aho-Corasick pass.

    ``str.count`` counts a word's occurrences left to right, each starting after the last one
    counted; the automaton reports every occurrence ordered by its end, so per word the same
    greedy rule gives the same count (overlapping repeats such as 市市 in 市市市 included).
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = tuple(words)
        self._automaton: ahocorasick.Automaton | None = None
        if any(self.words):
            self._automaton = ahocorasick.Automaton()
            for i, word in enumerate(dict.fromkeys(w for w in self.words if w)):
                self._automaton.add_word(word, (i, len(word), self.words.count(word)))
            self._automaton.make_automaton()

    def count(self, text: str) -> int:
        """Occurrences of any of the words in ``text``, as the sum of ``text.count`` over them."""
        if "" in self.words:  # "".count("") is len+1: keep str's definition for the odd empty word
            return sum(text.count(w) for w in self.words)
        if self._automaton is None:
            return 0
        next_start: dict[int, int] = {}
        n = 0
        for end, (i, length, times) in self._automaton.iter(text):
            start = end - length + 1
            if start >= next_start.get(i, 0):
                n += times  # a word listed twice counts twice, as in the sum
                next_start[i] = end + 1
        return n
