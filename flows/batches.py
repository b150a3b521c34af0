"""Parse batches: which documents go to which parse task, and the cache key of each batch.

No Prefect here: this is plain planning code, tested on its own.

Documents are taken in the order ``pipeline.parse.iter_inputs`` yields them (folders sorted, raw
stores sorted by source and URL), which is also the order ``notices parse`` writes them, so the flow
writes the same tables. Batches travel to the tasks as small references (path, URL, hashes), never
as page bytes; the task reads the bytes itself.

Batch boundaries are content-defined (like rsync, restic or FastCDC chunking): a batch ends after a
document whose *identity* (URL, or file path) hashes to 0 modulo about the target size. A boundary
therefore depends on the document it follows, not on its position, so a new or changed page changes
the key of the batch it lands in and every other batch keeps its key (and its cached result);
cutting every N documents would shift every batch after an insertion. Two bounds keep task sizes
even: boundaries are ignored until a batch holds a quarter of the target (no one-page tasks), and a
batch is cut at four times the target (rare; only the batches up to the next boundary shift then).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pipeline

from pipeline import fsurl
from pipeline.records import RawDocument, Reject

__all__ = ["DocRef", "Batch", "PlannedBatch", "ParsePlan", "iter_batches", "plan_batches", "is_boundary", "batch_key",
           "code_fingerprint"]

log = logging.getLogger(__name__)

MIN_FACTOR = 0.25  # boundaries count once a batch holds this share of the target
MAX_FACTOR = 4  # a batch is cut at MAX_FACTOR x the target even without a boundary (rare: about e**-4)
CACHE_FORMAT = "2"  # bump when the cached BatchResult changes shape

# Packages of ``pipeline`` that do not parse (fetching, reports, CLI): edits there keep the cache.
_NOT_PARSER = ("scrape", "report", "cli.py", "runner.py", "evaluate.py", "config.py")


@dataclass(frozen=True, slots=True)
class DocRef:
    """Where one document's bytes are and what the fetch knew about them (no bytes)."""

    source: str  # as in RawDocument.source (the rejects table names it)
    path: str  # file to read: the input file, or the raw store's blob or text file
    digest: str  # sha256 of the bytes at ``path`` when planned
    url: str | None = None
    content_type: str | None = None
    fetched_at: dt.datetime | None = None
    sha256: str | None = None  # the raw store's hash of the fetched bytes (a PDF's, for its text)

    @property
    def identity(self) -> str:
        """What stays the same when the page changes: its URL, else its file path."""
        return self.url or self.path

    @property
    def key(self) -> str:
        """Everything the parse result depends on besides the parser: the bytes and the metadata
        that is copied into the tables (path, URL, content type, raw hash)."""
        parts = (self.digest, self.path, self.url or "", self.content_type or "", self.sha256 or "")
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    @classmethod
    def of(cls, doc: RawDocument) -> DocRef:
        """The reference of a document read by ``iter_inputs`` (its bytes are hashed, then dropped)."""
        return cls(
            source=doc.source,
            path=doc.source_path or doc.source,
            digest=hashlib.sha256(doc.data).hexdigest(),
            url=doc.url,
            content_type=doc.content_type,
            fetched_at=doc.fetched_at,
            sha256=doc.sha256,
        )

    def load(self) -> RawDocument:
        """The document with its bytes, read now (a local path or an fsspec URL); raises OSError
        when the file is gone."""
        data = fsurl.read_bytes(self.path)
        return RawDocument(
            source=self.source,
            data=data,
            url=self.url,
            source_path=self.path,
            content_type=self.content_type,
            fetched_at=self.fetched_at,
            sha256=self.sha256,
        )


@dataclass(frozen=True, slots=True)
class Batch:
    """Documents parsed by one task; ``key`` names its cached result."""

    index: int
    docs: tuple[DocRef, ...]
    key: str


@dataclass(frozen=True, slots=True)
class PlannedBatch:
    """A batch as the plan yields it, with the inputs that failed to read just before it:
    ``(position, reject)``, the reject coming before document ``position`` of the batch.
    ``batch`` is None only for the read failures after the last document."""

    batch: Batch | None
    rejects: tuple[tuple[int, Reject], ...] = ()


class Slot(NamedTuple):
    """Where a planned document is: its batch's index and its position in that batch."""

    batch: int
    position: int


@dataclass(slots=True)
class ParsePlan:
    """The inputs in order: rejects found while reading, and the slot of each document."""

    items: list[Reject | Slot] = field(default_factory=list)
    batches: list[Batch] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Number of documents handed to the parser."""
        return sum(len(b.docs) for b in self.batches)


def is_boundary(identity: str, spacing: int) -> bool:
    """True when a batch may end after the document called ``identity`` (about 1 in ``spacing``)."""
    if spacing <= 1:
        return True
    digest = hashlib.sha256(identity.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % spacing == 0


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the parser's Python source. ``PARSER_VERSION`` covers the rules files and the
    release number; this also catches code edited in a checkout without a version bump, so that
    a served deployment never hands out results of the code it replaced."""
    root = Path(pipeline.__file__).parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in _NOT_PARSER:
            continue
        h.update(str(rel).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def batch_key(docs: Iterable[DocRef], parser_version: str) -> str:
    """Cache key of a batch: the parser version and code, and every document's key, in order."""
    head = f"parse-batch\x1f{CACHE_FORMAT}\x1f{parser_version}\x1f{code_fingerprint()}"
    h = hashlib.sha256(head.encode("utf-8"))
    for doc in docs:
        h.update(b"\x1e" + doc.key.encode("ascii"))
    return h.hexdigest()


def iter_batches(items: Iterable[RawDocument | Reject], target: int, parser_version: str) -> Iterator[PlannedBatch]:
    """Group the documents of ``items`` (as yielded by ``iter_inputs``) into batches of about
    ``target`` documents with stable, content-defined boundaries (see module docstring), lazily:
    each batch is yielded as soon as its last document is read, so the flow submits it while the
    inputs after it are still being read, and holds only the batches in flight (a boundary depends
    only on the documents before it, so the batches and their keys are those of the whole plan).

    The read failures of ``items`` ride with the batch they come before (``PlannedBatch.rejects``);
    those after the last document come last, in a ``PlannedBatch`` without a batch."""
    target = max(1, int(target))
    min_size = max(1, int(target * MIN_FACTOR))
    spacing = max(1, target - min_size + 1)  # mean batch size: min_size - 1 + spacing = target
    current: list[DocRef] = []
    rejects: list[tuple[int, Reject]] = []
    index = documents = 0
    for item in items:
        if isinstance(item, Reject):
            rejects.append((len(current), item))
            continue
        ref = DocRef.of(item)
        current.append(ref)
        full = len(current) >= MAX_FACTOR * target
        if full or (len(current) >= min_size and is_boundary(ref.identity, spacing)):
            docs = tuple(current)
            yield PlannedBatch(Batch(index, docs, batch_key(docs, parser_version)), tuple(rejects))
            index, documents = index + 1, documents + len(docs)
            current, rejects = [], []
    if current:
        docs = tuple(current)
        yield PlannedBatch(Batch(index, docs, batch_key(docs, parser_version)), tuple(rejects))
        index, documents = index + 1, documents + len(docs)
    elif rejects:
        yield PlannedBatch(None, tuple(rejects))
    log.info("planned %d documents in %d batches (target %d)", documents, index, target)


def plan_batches(items: Iterable[RawDocument | Reject], target: int, parser_version: str) -> ParsePlan:
    """The whole plan of :func:`iter_batches` at once, each input in its place (for tests and
    benchmarks; the flow takes the batches as they come)."""
    plan = ParsePlan()
    for planned in iter_batches(items, target, parser_version):
        rejects = list(planned.rejects)
        size = len(planned.batch.docs) if planned.batch is not None else 0
        for position in range(size + 1):
            while rejects and rejects[0][0] == position:
                plan.items.append(rejects.pop(0)[1])
            if position < size:
                plan.items.append(Slot(len(plan.batches), position))
        if planned.batch is not None:
            plan.batches.append(planned.batch)
    return plan
