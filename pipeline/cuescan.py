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

A regex cue is searched only in a text holding its *required literals* (:func:`required_literals`):
sets of words, derived from the pattern's own parse tree, such that every text the pattern matches
in holds a word of each set (``(?:先行|先)?(?:全额)?垫付`` needs 垫付; ``(?:征缴|税务)[^,。]{0,10}?对账``
needs 征缴 or 税务, and 对账). The regex engine skips to such words itself, but a hundred searches
per text still cost a hundred calls: :class:`CueSet` finds every cue's words in the same
Aho-Corasick pass as its word lists and searches only the cues whose words are all there (about
20 of 115 in a typical notice). One pass, not two: the automaton's cost is per character of the
text (pyahocorasick reads the children of a node one by one, and the root has some 270), not per
word found. :class:`Gated` does the same for a single cue with ``in`` (the page's relay
sentences, which open with a lazy CJK run no engine can skip through). The result is the same by
construction: a cue whose words are missing cannot match (tests/test_cuescan.py checks it over the
corpora and generated text).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence, Set
from typing import Any, Generic, NamedTuple, TypeVar, overload

import ahocorasick
import regex

__all__ = ["Cue", "Match", "compile_cue", "prefiltered", "spans", "matches", "iter_matches", "WordLists",
           "CueSet", "CueWords", "WordCount", "Needs", "required_literals", "Gated", "gated"]

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

    def __init__(self, lists: Mapping[K, Sequence[str]], literals: Iterable[str] = ()) -> None:
        """``literals``: words (in a list or not) whose presence :meth:`found_and_present` reports from the same pass."""
        self.keys = list(lists)  # what the lists stand for (their regexes' patterns, cue numbers), in order
        members: dict[str, list[int]] = {}
        for k, words in enumerate(lists.values()):
            for word in words:
                if word and k not in members.setdefault(word, []):
                    members[word].append(k)
        wanted = {word for word in literals if word}
        for word in wanted:
            members.setdefault(word, [])
        self._automaton: ahocorasick.Automaton | None = None
        if members:
            self._automaton = ahocorasick.Automaton()
            for word, ks in members.items():
                self._automaton.add_word(word, (len(word), tuple(ks), word if word in wanted else None))
            self._automaton.make_automaton()

    def spans(self, text: str) -> dict[K, list[tuple[int, int]]]:
        """For each list's key, :func:`spans` of its alternation over ``text`` (empty lists included)."""
        return dict(zip(self.keys, self.lists(text)))

    def lists(self, text: str) -> list[list[tuple[int, int]]]:
        """:meth:`spans` as a list, in the order of ``keys``."""
        found, _ = self._found(text)
        return [found.get(k, []) for k in range(len(self.keys))]

    def found(self, text: str) -> dict[K, list[tuple[int, int]]]:
        """:meth:`spans` of the lists with a word in ``text`` only."""
        return self.found_and_present(text)[0]

    def found_and_present(self, text: str) -> tuple[dict[K, list[tuple[int, int]]], set[str]]:
        """:meth:`found`, and the ``literals`` that ``text`` holds, from one pass."""
        found, present = self._found(text)
        keys = self.keys
        return {keys[k]: spans for k, spans in found.items()}, present

    def _found(self, text: str) -> tuple[dict[int, list[tuple[int, int]]], set[str]]:
        """List number -> its spans, for the lists with a word in ``text``; and the literals in ``text``."""
        longest: dict[int, dict[int, int]] = {}  # per list found: start -> longest length
        present: set[str] = set()
        if self._automaton is not None:
            # Occurrences come ordered by their end, so of two words starting at one position the
            # longer comes later: the last one written per start is the longest.
            for end, (n, ks, literal) in self._automaton.iter(text):
                if literal is not None:
                    present.add(literal)
                for k in ks:
                    longest.setdefault(k, {})[end - n + 1] = n
        return {k: [(s, s + n) for s, n in sorted(starts.items())] for k, starts in longest.items()}, present


class CueWords(NamedTuple):
    """What the one automaton pass of a :class:`CueSet` finds in a text (:meth:`CueSet.read`)."""

    lists: dict[int, list[tuple[int, int]]]  # cue number -> spans, for the word-list cues found
    present: set[str]  # the required literals of the regex cues (and of ``also``) that the text holds


class CueSet:
    """Many cues scanned over one text together: :func:`spans` of every cue that is found.

    The cues whose pattern is a plain word list (a key of ``words``, with its words, longest first)
    are found in the one pass of :class:`WordLists`; the others are searched one after the other,
    each only when the text holds its required literals (found for all of them in the same pass, with
    those of the ``also`` cues, which the caller searches itself: :meth:`present`, :meth:`Gated.admitted`).
    Only the cues found come back, so the caller reads a few hits instead of asking a hundred cues.
    """

    def __init__(self, cues: Sequence[Cue], words: Mapping[str, Sequence[str]], also: Sequence[Gated] = ()) -> None:
        self.cues = tuple(cues)
        self._searched = tuple((i, cue, required_literals(cue.pattern, cue.flags))
                               for i, cue in enumerate(self.cues) if cue.pattern not in words)
        # ``also``: cues the caller searches itself, whose words the same pass finds (see present).
        needs = [needs for _, _, needs in self._searched] + [g.needs for g in also]
        literals = {w for n in needs for words in n for w in words}
        self._lists = WordLists({i: words[cue.pattern] for i, cue in enumerate(self.cues) if cue.pattern in words},
                                literals=literals)

    def read(self, text: str) -> CueWords:
        """The word-list cues found in ``text`` and the required literals it holds, from one pass."""
        return CueWords(*self._lists.found_and_present(text))

    def present(self, text: str) -> set[str]:
        """The required literals of the cues (and of ``also``) that ``text`` holds."""
        return self.read(text).present

    def scan(self, text: str, skip: Set[int] = frozenset(), words: CueWords | None = None) -> dict[int, list[tuple[int, int]]]:
        """Cue number (its place in ``cues``) -> :func:`spans` of it, for the cues found in ``text``;
        the cues numbered in ``skip`` are not looked for. ``words``: :meth:`read` of ``text``, when
        the caller has it already."""
        if words is None:
            words = self.read(text)
        found: dict[int, list[tuple[int, int]]] = {i: s for i, s in words.lists.items() if i not in skip}
        present = words.present
        for i, cue, needs in self._searched:
            if i in skip:
                continue
            for needed in needs:
                if needed.isdisjoint(present):
                    break  # a set none of whose words is in the text: the cue cannot match
            else:
                hits = spans(cue, text)
                if hits:
                    found[i] = hits
        return found


class Gated(NamedTuple):
    """A cue with its required literals (:func:`gated`): searched only in a text :meth:`admits`."""

    cue: Cue
    needs: Needs

    def admits(self, text: str) -> bool:
        """False when ``text`` lacks a word of some set of ``needs``: the cue cannot match in it."""
        return all(any(w in text for w in s) for s in self.needs)

    def admitted(self, present: Set[str]) -> bool:
        """:meth:`admits`, told which words a text holds (:meth:`CueSet.present` of a set given this cue)."""
        return all(not words.isdisjoint(present) for words in self.needs)


def gated(cue: Cue) -> Gated:
    """``cue`` with its :func:`required_literals` (for a cue searched in one short text: ``in`` finds them)."""
    return Gated(cue, required_literals(cue.pattern, cue.flags))


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


# --- required literals: the words a cue regex cannot match without ---------------------------------

Needs = tuple[frozenset[str], ...]  # every set must have a member in a text the cue can match in

_EXACT_MAX = 64  # strings an exact set may hold before it is given up (a class times a class ...)
_CLASS_MAX = 8  # characters of a class read as single-character literals ([省市县])
_NEEDS_KEPT = 2  # sets kept per pattern: the most selective ones


class _Shape(NamedTuple):
    """What is known of a part of a pattern: ``exact``, every string it can match (None: too many or
    unbounded); ``needs``, sets each of which has a member in every text the part matches in."""

    exact: frozenset[str] | None
    needs: Needs


_UNKNOWN = _Shape(None, ())
_ZERO_WIDTH = _Shape(frozenset({""}), ())


def required_literals(pattern: str, flags: int = 0) -> Needs:
    """Sets of literal words such that every text ``pattern`` matches in holds a word of each set.

    Derived from the pattern's own parse tree (the standard library's ``re._parser``: the regex
    module reads re's syntax, and the rules are checked by re first). A word counts where the text
    must hold it: in the match or in a positive lookaround (``(?=办理)``). Read bottom up:

    * a literal character is its own exact set; a class of a few literal characters ([省市]) the set
      of them; any other class, ``.``, a backreference: nothing known;
    * a sequence joins the exact sets of neighbouring parts (``先?垫付``: {先垫付, 垫付}, kept as {垫付}
      since a text holding 先垫付 holds 垫付) and keeps what every part needs;
    * an alternation needs the union of its branches' most selective sets; nothing if a branch needs nothing;
    * a repeat with a minimum of 0 needs nothing; with 1 or more, what its body needs;
    * a lookaround or anchor matches no characters; a negative lookaround needs nothing;
    * case-insensitive matching (flag or inline group): nothing known.

    The ``_NEEDS_KEPT`` most selective sets are returned (longest shortest word, then fewest words);
    ``()`` means no prefilter: the pattern is searched in every text. The parser is private to the
    standard library: should it fail on a pattern or change, this returns ``()``, which is always
    right, only slower (tests/test_cuescan.py checks that the rules' cues get their sets).
    """
    try:
        # Private modules of the standard library (no stubs): used here only, "no prefilter" if they fail.
        sre: Any = importlib.import_module("re._constants")
        sre_parse: Any = importlib.import_module("re._parser")

        tree = sre_parse.parse(pattern, flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE))
        if tree.state.flags & re.IGNORECASE:
            return ()
        return _most_selective(_needs(_sequence(list(tree), sre)), _NEEDS_KEPT)
    except Exception:  # noqa: BLE001 - whatever the private parser does: no prefilter, never a wrong one
        return ()


def _needs(shape: _Shape) -> Needs:
    """Everything ``shape`` needs, its exact set included (unless it may match the empty string)."""
    if shape.exact is not None and "" not in shape.exact:
        return (*shape.needs, _shortest(shape.exact))
    return shape.needs


def _shortest(words: frozenset[str]) -> frozenset[str]:
    """``words`` without those holding another of them: a text holding 先垫付 holds 垫付."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _most_selective(needs: Needs, keep: int) -> Needs:
    """The ``keep`` most selective sets: longest shortest word first, then fewest words. Left out: a
    set that a set kept already implies ({业务} after {刷卡业务}: each word of it holds one), and after
    the first, a set with a one-character word (a comma, 前: in nearly every text, and each of its
    occurrences costs a step of the literal pass)."""
    kept: list[frozenset[str]] = []
    for s in sorted({s for s in needs if s}, key=lambda s: (-min(map(len, s)), len(s), sorted(s))):
        if len(kept) == keep or kept and min(map(len, s)) < 2:
            break
        if not any(all(any(w in k for w in s) for k in before) for before in kept):
            kept.append(s)
    return tuple(kept)


def _sequence(items: list[tuple[Any, Any]], sre: Any) -> _Shape:
    """A sequence of parsed items: neighbouring exact sets joined, every item's needs kept."""
    run: frozenset[str] = frozenset({""})  # the exact strings of the current stretch of exact items
    exact = True  # every item exact and every join small enough: ``run`` is the sequence's exact set
    needs: list[frozenset[str]] = []
    for op, av in items:
        item = _item(op, av, sre)
        needs.extend(item.needs)
        if item.exact is not None and len(run) * len(item.exact) <= _EXACT_MAX:
            run = frozenset(a + b for a in run for b in item.exact)
            continue
        exact = False
        if "" not in run:
            needs.append(_shortest(run))
        run = item.exact if item.exact is not None else frozenset({""})
    if exact:
        return _Shape(run, tuple(needs))
    if "" not in run:
        needs.append(_shortest(run))
    return _Shape(None, tuple(needs))


def _item(op: Any, av: Any, sre: Any) -> _Shape:
    """One parsed item (an opcode and its argument, as ``re._parser`` gives them)."""
    if op is sre.LITERAL:
        return _Shape(frozenset({chr(av)}), ())
    if op is sre.IN:  # a class: a few literal characters, else unknown (ranges, negation, \d)
        chars = frozenset(chr(v) for o, v in av if o is sre.LITERAL)
        return _Shape(chars, ()) if len(chars) == len(av) and 0 < len(chars) <= _CLASS_MAX else _UNKNOWN
    if op is sre.SUBPATTERN:  # a group: (group number, flags added, flags removed, body)
        _, add_flags, _, body = av
        return _UNKNOWN if add_flags & re.IGNORECASE else _sequence(list(body), sre)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), sre)
    if op is sre.BRANCH:  # (None, branches)
        shapes = [_sequence(list(b), sre) for b in av[1]]
        exact: frozenset[str] | None = None
        if all(s.exact is not None for s in shapes):
            exact = frozenset().union(*(s.exact for s in shapes if s.exact is not None))
            exact = exact if len(exact) <= _EXACT_MAX else None
        best = [_most_selective(_needs(s), 1) for s in shapes]
        needs = (_shortest(frozenset().union(*(b[0] for b in best))),) if all(best) else ()
        return _Shape(exact, needs)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):  # (min, max, body)
        low, high, body = av
        inner = _sequence(list(body), sre)
        if low == high == 1:
            return inner
        if low == 0:
            return _Shape(inner.exact | {""}, ()) if high == 1 and inner.exact is not None else _UNKNOWN
        return _Shape(None, _needs(inner))
    if op is sre.ASSERT:  # a positive lookaround: no characters matched, its words in the text
        return _Shape(frozenset({""}), _needs(_sequence(list(av[1]), sre)))
    if op in (sre.ASSERT_NOT, sre.AT):
        return _ZERO_WIDTH
    return _UNKNOWN
