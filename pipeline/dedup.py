"""Reposts: the same notice text on several pages is one notice and its duplicates.

Two notices are the same text when their compacted bodies hash alike, or when most of their long
sentences are shared (a repost adds or loses a line of chrome, a converter changes punctuation) AND
they state the same facts (place, times, phones). The second condition keeps apart the notices that
several cities write from one provincial template: same sentences, other city, other dates. Of a
group, the original is the copy on a government site, then the earliest published, then the first
seen; the others get ``duplicate_of`` = the original's ``notice_id``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from .normalize import compact_normalized

__all__ = ["DuplicateIndex", "sentence_keys", "facts_signature"]

_SENTENCES = re.compile(r"[。;!?\n]+")
MIN_SENTENCE_CHARS = 12  # shorter sentences (headings, 特此通告) say nothing about identity
MAX_KEYS = 24  # sentence keys kept per notice: memory stays flat however large the corpus
SHARED_SHARE = 0.6  # share of the smaller notice's sentences that must be shared
MIN_SHARED = 3


def sentence_keys(body: str) -> frozenset[int]:
    """Hashes of the longest sentences of ``body`` (compacted, so punctuation and blanks do not matter)."""
    parts = [compact_normalized(s) for s in _SENTENCES.split(body)]
    parts = sorted({p for p in parts if len(p) >= MIN_SENTENCE_CHARS}, key=len, reverse=True)[:MAX_KEYS]
    return frozenset(int.from_bytes(hashlib.blake2b(p.encode(), digest_size=8).digest(), "big") for p in parts)


def facts_signature(city: str | None, times: list[str], phones: list[str]) -> str:
    """What a notice states, in one string: its city, stated times and phone numbers."""
    return "|".join([city or "", ",".join(sorted(set(times))), ",".join(sorted(set(phones)))])


@dataclass(slots=True)
class _Entry:
    notice_id: str
    order: int
    gov: bool
    published: dt.datetime | None
    keys: frozenset[int]
    facts: int


@dataclass
class DuplicateIndex:
    """Collects a small fingerprint per notice; :meth:`resolve` maps duplicates to their original."""

    entries: list[_Entry] = field(default_factory=list)
    by_hash: dict[str, list[int]] = field(default_factory=dict)
    by_key: dict[int, list[int]] = field(default_factory=dict)

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
        idx = len(self.entries)
        keys = sentence_keys(body)
        gov = bool(site and (site.endswith(".gov.cn") or ".gov." in site))
        self.entries.append(_Entry(notice_id, idx, gov, published, keys, hash(facts)))
        self.by_hash.setdefault(content_hash, []).append(idx)
        for k in keys:
            self.by_key.setdefault(k, []).append(idx)

    def _find(self, parent: list[int], i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def resolve(self) -> dict[str, str]:
        """``{notice_id: original_id}`` for every duplicate."""
        n = len(self.entries)
        parent = list(range(n))

        def union(a: int, b: int) -> None:
            ra, rb = self._find(parent, a), self._find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for group in self.by_hash.values():
            for other in group[1:]:
                union(group[0], other)
        for i, entry in enumerate(self.entries):
            if len(entry.keys) < MIN_SHARED:
                continue
            counts: dict[int, int] = {}
            for k in entry.keys:
                for j in self.by_key.get(k, ()):
                    if j > i:
                        counts[j] = counts.get(j, 0) + 1
            for j, shared in counts.items():
                if self.entries[j].facts != entry.facts:
                    continue  # a sibling from the same template (other city or dates), not a repost
                smaller = min(len(entry.keys), len(self.entries[j].keys))
                if shared >= MIN_SHARED and shared >= SHARED_SHARE * smaller:
                    union(i, j)
        groups: dict[int, list[int]] = {}
        for i in range(n):
            groups.setdefault(self._find(parent, i), []).append(i)
        far_future = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
        mapping: dict[str, str] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            original = min(
                members,
                key=lambda m: (
                    not self.entries[m].gov,
                    self.entries[m].published or far_future,
                    self.entries[m].order,
                ),
            )
            oid = self.entries[original].notice_id
            for m in members:
                if m != original and self.entries[m].notice_id != oid:
                    mapping[self.entries[m].notice_id] = oid
        return mapping
