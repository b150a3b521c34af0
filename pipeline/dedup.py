"""Reposts: the same notice text on several pages is one notice and its duplicates.

Two notices are the same text when their compacted bodies hash alike, or when most of their long
sentences are shared (a repost adds or loses a line of chrome, a converter changes punctuation) AND
they state the same facts (place, times, phones). The second condition keeps apart the notices that
several cities write from one provincial template: same sentences, other city, other dates. Of a
group, the original is the copy on a government site, then the earliest published, then the first
seen; the others get ``duplicate_of`` = the original's ``notice_id``.

The index keeps about 250 bytes per notice, in flat arrays of fixed-width integers (sentence keys,
content hash, facts hash, publication time) and one byte string of all the ids, and builds its
lookup tables only in :meth:`resolve`, so a run's memory does not grow by kilobytes per notice as
it would with per-notice sets and a dict of lists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .normalize import compact_normalized

if TYPE_CHECKING:
    from .records import Notice

__all__ = ["DuplicateIndex", "NoticeKey", "notice_key", "sentence_keys", "facts_signature"]

_SENTENCES = re.compile(r"[。;!?\n]+")
_HEX16 = re.compile(r"[0-9a-f]{16}")  # the pipeline's content hashes: 16 lowercase hex digits
MIN_SENTENCE_CHARS = 12  # shorter sentences (headings, 特此通告) say nothing about identity
MAX_KEYS = 24  # sentence keys kept per notice: memory stays flat however large the corpus
SHARED_SHARE = 0.6  # share of the smaller notice's sentences that must be shared
MIN_SHARED = 3

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_ONE_US = dt.timedelta(microseconds=1)
_UNPUBLISHED = 2**63 - 1  # sorts after every publication time, like the far future it stands for


def sentence_keys(body: str) -> frozenset[int]:
    """Hashes of the longest sentences of ``body`` (compacted, so punctuation and blanks do not matter)."""
    parts = [compact_normalized(s) for s in _SENTENCES.split(body)]
    # Longest first, ties by text: a set's order changes with the process's string hashing, and
    # which sentences make the cut must not.
    parts = sorted({p for p in parts if len(p) >= MIN_SENTENCE_CHARS}, key=lambda p: (-len(p), p))[:MAX_KEYS]
    return frozenset(int.from_bytes(hashlib.blake2b(p.encode(), digest_size=8).digest(), "big") for p in parts)


def facts_signature(city: str | None, times: list[str], phones: list[str]) -> str:
    """What a notice states, in one string: its city, stated times and phone numbers."""
    return "|".join([city or "", ",".join(sorted(set(times))), ",".join(sorted(set(phones)))])


def _facts64(facts: str) -> int:
    """A facts signature as a signed 64-bit integer, the same in every process (``hash()`` of a
    string is not: workers of a cluster compute keys the flow compares)."""
    return int.from_bytes(hashlib.blake2b(facts.encode(), digest_size=8).digest(), "big", signed=True)


def _hash64(content_hash: str) -> int:
    """A content hash as an unsigned 64-bit integer: the pipeline's 16 hex digits read as a number
    (exact), any other string hashed to 64 bits."""
    if _HEX16.fullmatch(content_hash):
        return int(content_hash, 16)
    return int.from_bytes(hashlib.blake2b(content_hash.encode(), digest_size=8).digest(), "big")


def _micros(published: dt.datetime | None) -> int:
    """Publication time in microseconds since 1970 (naive times read as UTC); unknown sorts last."""
    if published is None:
        return _UNPUBLISHED
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.timezone.utc)
    return (published - _EPOCH) // _ONE_US


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stable sort order of ``values`` and the start and end (in that order) of each run of equal values.

    Positions are 32-bit when they fit (they do below two billion sentence keys): at 100,000
    notices (two million keys) the transient peak of :meth:`DuplicateIndex.resolve` is 49 MB
    instead of 59."""
    index = np.int32 if len(values) < 2**31 else np.int64
    order = np.argsort(values, kind="stable").astype(index)
    if not len(order):
        return order, np.zeros(0, index), np.zeros(0, index)
    ordered = values[order]
    first = np.concatenate(([True], ordered[1:] != ordered[:-1]))  # a run starts here
    del ordered
    starts = np.flatnonzero(first).astype(index)
    del first
    ends = np.append(starts[1:], index(len(order)))
    return order, starts, ends


@dataclass(frozen=True, slots=True)
class NoticeKey:
    """What the repost index keeps of one notice (about 250 bytes), computed where the notice is
    parsed: a cluster's workers send these to the flow instead of the notices' rows."""

    notice_id: str
    content: int  # the content hash as an unsigned 64-bit integer
    gov: bool  # published on a government site
    published: int  # microseconds since 1970; unknown sorts last
    facts: int  # stable 64-bit hash of the facts signature
    sentences: tuple[int, ...]  # sentence keys (at most MAX_KEYS)

    @classmethod
    def of(cls, notice_id: str, content_hash: str, body: str, site: str | None, published: dt.datetime | None,
           facts: str = "") -> NoticeKey:
        """The key of one notice's fields (see :meth:`DuplicateIndex.add`)."""
        return cls(notice_id, _hash64(content_hash), bool(site and (site.endswith(".gov.cn") or ".gov." in site)),
                   _micros(published), _facts64(facts), tuple(sorted(sentence_keys(body))))


def notice_key(n: Notice) -> NoticeKey:
    """The repost key of a parsed notice: its body's sentences and the facts it states (city,
    times other than downtime, phones)."""
    times = [t.isoformat() for w in n.windows if w.kind != "downtime" for t in (w.start, w.end) if t is not None]
    facts = facts_signature(n.city, times, [c.phone for c in n.contacts])
    return NoticeKey.of(n.notice_id, n.content_hash, n.body_text, n.site, n.published_at, facts)


class DuplicateIndex:
    """Collects a small fingerprint per notice; :meth:`resolve` maps duplicates to their original."""

    def __init__(self) -> None:
        self._ids = bytearray()  # every notice's id (UTF-8), one after the other: no string object per notice
        self._id_ends = array("q")  # end of each id in ``_ids``
        self._gov = bytearray()
        self._published = array("q")
        self._facts = array("q")  # stable hash of the facts signature (a signed machine word)
        self._content = array("Q")
        self._keys = array("Q")  # every notice's sentence keys, one after the other
        self._key_ends = array("q")  # end of each notice's keys in ``_keys``

    def __len__(self) -> int:
        return len(self._id_ends)

    def notice_id(self, i: int) -> str:
        """The id of the ``i``-th notice added."""
        return self._ids[self._id_ends[i - 1] if i else 0:self._id_ends[i]].decode("utf-8")

    def add(
        self,
        notice_id: str,
        content_hash: str,
        body: str,
        site: str | None,
        published: dt.datetime | None,
        facts: str = "",
    ) -> None:
        """Remember one notice; ``facts`` summarizes what it states (see :func:`facts_signature`)."""
        self.add_key(NoticeKey.of(notice_id, content_hash, body, site, published, facts))

    def add_key(self, key: NoticeKey) -> None:
        """Remember one notice by its key (computed here or by the worker that parsed it)."""
        self._ids += key.notice_id.encode("utf-8")
        self._id_ends.append(len(self._ids))
        self._gov.append(key.gov)
        self._published.append(key.published)
        self._facts.append(key.facts)
        self._content.append(key.content)
        self._keys.extend(key.sentences)
        self._key_ends.append(len(self._keys))

    def resolve(self) -> dict[str, str]:
        """``{notice_id: original_id}`` for every duplicate."""
        n = len(self)
        parent = np.arange(n, dtype=np.int64)

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = int(parent[i])
            return i

        def union(a: int, b: int) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        # Same compacted body: every copy joins the first one seen.
        order, starts, ends = _runs(np.frombuffer(self._content, dtype=np.uint64))
        for s, e in zip(starts.tolist(), ends.tolist()):
            first = int(order[s])
            for other in order[s + 1:e].tolist():
                union(first, other)

        # Shared sentences: for each notice, count the sentence keys it shares with every later one.
        keys = np.frombuffer(self._keys, dtype=np.uint64)
        key_ends = np.frombuffer(self._key_ends, dtype=np.int64)
        sizes = np.diff(key_ends, prepend=0)
        order, starts, ends = _runs(keys)
        # Owners of one key, ascending (the sort is stable); int32 and freed early: this is the
        # transient peak of the index, about 30 bytes per key.
        owners_sorted = np.repeat(np.arange(n, dtype=np.int32), sizes)[order]
        run_of = np.empty(len(keys), dtype=np.int32)  # position in ``_keys`` -> its run of equal keys
        run_of[order] = np.repeat(np.arange(len(starts), dtype=np.int32), ends - starts)
        del order
        shared_run = (ends - starts >= 2)[run_of]  # does the key at this position occur elsewhere?
        facts = np.frombuffer(self._facts, dtype=np.int64)
        for i in range(n):
            lo, hi = int(key_ends[i]) - int(sizes[i]), int(key_ends[i])
            if hi - lo < MIN_SHARED or not shared_run[lo:hi].any():
                continue
            runs = run_of[lo:hi][shared_run[lo:hi]]
            others = np.concatenate([owners_sorted[starts[r]:ends[r]] for r in runs.tolist()])
            later, shared = np.unique(others[others > i], return_counts=True)
            smaller = np.minimum(sizes[i], sizes[later])
            match = (shared >= MIN_SHARED) & (shared >= SHARED_SHARE * smaller) & (facts[later] == facts[i])
            # a match with other facts is a sibling from the same template (other city or dates), not a repost
            for j in later[match].tolist():
                union(i, j)

        groups: dict[int, list[int]] = {}
        for i in range(n):
            groups.setdefault(find(i), []).append(i)
        mapping: dict[str, str] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            original = min(members, key=lambda m: (not self._gov[m], self._published[m], m))
            oid = self.notice_id(original)
            for m in members:
                mid = self.notice_id(m)
                if m != original and mid != oid:
                    mapping[mid] = oid
        return mapping
