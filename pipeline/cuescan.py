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
alternation, longest word first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

import ahocorasick
import regex

__all__ = ["Cue", "Match", "compile_cue", "prefiltered", "spans", "matches", "iter_matches", "WordLists",
           "WordCount"]

Cue = re.Pattern[str] | regex.Pattern[str]  # what the scans take: either engine's compiled pattern
Match = re.Match[str] | regex.Match[str]


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


class WordLists:
    """Several lists of literal words scanned in one pass, with :func:`spans`'s result for each.

    For one list, :func:`spans` of its alternation (longest word first) gives, at every position
    where a word of the list starts, the longest such word. The automaton reports every
    occurrence of every word of every list (overlapping ones included); keeping, per list and
    start, the longest gives the same spans.
    """

    def __init__(self, lists: Mapping[str, Sequence[str]]) -> None:
        self.keys = list(lists)  # what the lists stand for (their regexes' patterns), in order
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

    def spans(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """For each list's key, :func:`spans` of its alternation over ``text`` (empty lists included)."""
        return dict(zip(self.keys, self.lists(text)))

    def lists(self, text: str) -> list[list[tuple[int, int]]]:
        """:meth:`spans` as a list, in the order of ``keys``."""
        longest: list[dict[int, int]] = [{} for _ in self.keys]  # per list: start -> longest length
        if self._automaton is not None:
            for end, (n, ks) in self._automaton.iter(text):
                start = end - n + 1
                for k in ks:
                    if longest[k].get(start, 0) < n:
                        longest[k][start] = n
        return [[(s, s + n) for s, n in sorted(found.items())] for found in longest]


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
