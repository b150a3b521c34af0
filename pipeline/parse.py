"""The orchestrator: raw bytes in, a :class:`~pipeline.records.Notice` with its facts out.

Stages, in order: decode (bytes to text) -> clean (HTML or plain text to body, title, publisher,
date) -> normalize -> places -> classify -> times -> contacts -> services -> flags (plausibility warnings on the result). Each stage is a plain
function in its own module; no stage imports this one. A document that cannot go on raises
:class:`~pipeline.errors.Rejected` with its stage and reason; :func:`parse_many` turns that into a
``Reject`` row and goes on with the next document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from . import __version__
from .classify import announced_in_body, classify
from .config import Settings
from .contacts import extract_contacts
from .decode import decode_bytes, looks_like_html
from .errors import ConfigError, Rejected
from .flags import notice_flags
from .htmlclean import html_to_page
from .normalize import compact_normalized, normalize_text
from .places import locate
from .records import Evidence, Notice, RawDocument, Reject, TimeWindow
from .ruledata import rules_dir
from .services import attach_services, extract_services
from .page import CleanPage, PageHints, clean_page, expand_publisher, use_text_date
from .times import extract_windows

__all__ = ["PARSER_VERSION", "parse_document", "parse_many", "iter_inputs", "ParseOutcome", "INPUT_SUFFIXES",
           "TimeBudget"]

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".shtml")
MAX_INPUT_BYTES = 20 * 1024 * 1024  # bytes; larger files are rejected as too_large
# characters of body text left after cleaning; more is no notice (real ones have a few thousand)
# and is rejected too_large before the extractors, which bounds the work of every stage between
# two checks of the time budget
MAX_BODY_CHARS = 1_000_000
HOST_STAMP_SLACK_DAYS = 45  # a "publication" date this long after every stated time is a repost stamp


def _rules_fingerprint() -> str:
    """Short hash of the rule files, so that a rules change is a new parser version."""
    h = hashlib.sha256()
    for path in sorted(rules_dir().glob("*")):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:8]


PARSER_VERSION = f"{__version__}+rules.{_rules_fingerprint()}"



class TimeBudget:
    """CPU seconds one document may take, checked between the stages of :func:`parse_document`.

    Counted in the parsing thread's own CPU time (``time.thread_time``), so other threads (a
    Prefect or Dask worker's) and a busy machine do not count against the document. Every stage is
    linear in its input (bench/bench_hostile.py) and inputs are bounded (:data:`MAX_INPUT_BYTES`),
    so a stage cannot run away between two checks; past the budget the document is rejected with
    reason ``too_slow`` and the run goes on. ``None`` or ``inf`` seconds: no limit.
    """

    __slots__ = ("seconds", "_start")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._start = time.thread_time()

    def check(self, stage: str, after: str) -> None:
        """Raise ``Rejected(stage, "too_slow")`` when the budget is spent (``after``: the step just done)."""
        if self.seconds is None:
            return
        spent = time.thread_time() - self._start
        if spent > self.seconds:
            raise Rejected(stage, "too_slow", f"{spent:.1f} CPU s after {after}, over the budget of "
                                              f"{self.seconds:g} s per document (parse_time_budget)")


@dataclass(slots=True)
class ParseOutcome:
    """One input's result: a notice, or a reject, and sometimes both (a parsed non-notice page)."""

    notice: Notice | None
    reject: Reject | None


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host or None


def _identity(doc: RawDocument) -> str:
    """What distinguishes one copy of a text from another: the page's URL, or the file's name."""
    if doc.url:
        parts = urlsplit(doc.url)
        return f"{parts.hostname}{parts.path}?{parts.query}"
    name = os.path.basename(doc.source_path or doc.source)
    return f"file:{name}"


def _evidence(page: CleanPage, words: str | None, span: tuple[int, int] | None) -> Evidence | None:
    """Evidence of a notice-level value: its words in the body when ``span`` is known, else as read."""
    if span is not None:
        return Evidence(page.body_text[span[0]:span[1]], span[0], span[1])
    return Evidence(words) if words else None


def _latest_time(windows: list[TimeWindow]) -> dt.datetime | None:
    values = [t for w in windows for t in (w.start, w.end) if t is not None]
    return max(values) if values else None


def _repost_stamp(clean: CleanPage, published: dt.datetime, windows: list[TimeWindow]) -> bool:
    """True when the publication date is a repost or update stamp: it falls long after every stated
    time, or it is a page stamp (read above the body: an info line, a bare stamp, a meta date) dated
    after the day the headline stop began."""
    latest = _latest_time(windows)
    if latest is not None and published - latest > dt.timedelta(days=HOST_STAMP_SLACK_DAYS):
        return True
    downtime = next((w for w in windows if w.kind == "downtime" and w.start is not None), None)
    page_stamp = clean.published_span is None
    return page_stamp and downtime is not None and downtime.start is not None and published.date() > downtime.start.date()


def parse_document(doc: RawDocument, time_budget: float | None = Settings.parse_time_budget) -> Notice:
    """Parse one document; raise :class:`Rejected` when it cannot be turned into a notice.

    ``time_budget``: CPU seconds the document may take (see :class:`TimeBudget`); past it the
    document is rejected ``too_slow``. None: no limit.
    """
    budget = TimeBudget(time_budget)
    if len(doc.data) > MAX_INPUT_BYTES:
        raise Rejected("decode", "too_large", f"{len(doc.data)} bytes > {MAX_INPUT_BYTES}")
    text, encoding = decode_bytes(doc.data, doc.content_type, doc.source)
    budget.check("decode", "decoding")
    name = (doc.source_path or doc.url or doc.source).lower()
    is_html = name.endswith((".html", ".htm", ".shtml")) or "html" in (doc.content_type or "").lower()
    if not name.endswith(".txt") and looks_like_html(text):
        is_html = True
    hints = None
    if is_html:
        page = html_to_page(text, doc.source)
        budget.check("clean", "reading the HTML")
        text = page.text
        h = page.hints
        hints = PageHints(
            title=normalize_text(h.title) if h.title else None,
            publisher=normalize_text(h.publisher) if h.publisher else None,
            author=normalize_text(h.author) if h.author else None,
            published=h.published,
            site_name=h.site_name,
        )
    normal = normalize_text(text)
    budget.check("clean", "normalizing")
    clean = clean_page(normal, hints)
    budget.check("clean", "removing page chrome")
    body = clean.body_text
    core = compact_normalized(body)
    if len(core) < 10:
        raise Rejected("clean", "empty_body", f"{doc.source}: no text left after removing page chrome")
    if len(body) > MAX_BODY_CHARS:
        raise Rejected("clean", "too_large", f"{len(body)} characters of body text > {MAX_BODY_CHARS}")

    place = locate(body, title=clean.title, publisher=clean.publisher, sources=clean.sources + clean.accounts)
    budget.check("extract", "places")
    publisher = expand_publisher(clean.publisher, place.province, place.city)
    published = clean.published_at
    is_outage, domain = classify(body, clean.title)
    budget.check("classify", "classifying")
    windows = extract_windows(body, published, outage=is_outage, skip=clean.skip_spans)
    budget.check("extract", "times")
    if published is not None and _repost_stamp(clean, published, windows):
        log.info("%s: date %s is after the stop or every stated time: a repost stamp, not the publication",
                 doc.source, published)
        published = None
        if use_text_date(clean) and clean.published_at is not None \
                and not _repost_stamp(clean, clean.published_at, windows):
            published = clean.published_at  # the date its signature or lead gives
        windows = extract_windows(body, published, outage=is_outage, skip=clean.skip_spans)
        budget.check("extract", "times")
    if is_outage and not windows and not announced_in_body(body, clean.title):
        is_outage = False  # no window, and only the headline announces: a link to the notice, not one
    contacts = extract_contacts(body, place.area_code)
    budget.check("extract", "contacts")
    services = extract_services(body, windows) if is_outage else []
    attach_services(windows, services)
    budget.check("extract", "services")

    content_hash = hashlib.sha256(core.encode("utf-8")).hexdigest()[:16]
    notice_id = hashlib.sha256(f"{_identity(doc)}\n{content_hash}".encode()).hexdigest()[:16]
    notice = Notice(
        notice_id=notice_id,
        url=doc.url,
        source_path=doc.source_path,
        site=_site(doc.url),
        title=clean.title,
        publisher=publisher,
        published_at=published,
        province=place.province,
        city=place.city,
        adcode=place.adcode,
        domain=domain,
        is_outage_notice=is_outage,
        body_text=body,
        parser_version=PARSER_VERSION,
        content_hash=content_hash,
        raw_sha256=doc.sha256 or hashlib.sha256(doc.data).hexdigest(),
        encoding=encoding,
        windows=windows,
        services=services,
        contacts=contacts,
        title_evidence=_evidence(clean, clean.title, clean.title_span) if clean.title else None,
        publisher_evidence=_evidence(clean, clean.publisher_evidence, clean.publisher_span) if publisher else None,
        published_evidence=_evidence(clean, clean.published_evidence, clean.published_span) if published else None,
    )
    notice.flags = notice_flags(notice)
    return notice


def parse_many(docs: Iterable[RawDocument],
               time_budget: float | None = Settings.parse_time_budget) -> Iterator[ParseOutcome]:
    """Parse documents one by one; a failure becomes a reject and the run goes on.

    ``time_budget``: CPU seconds per document (:func:`parse_document`)."""
    for doc in docs:
        try:
            notice = parse_document(doc, time_budget)
        except Rejected as exc:
            log.warning("rejected %s: %s/%s: %s", doc.source, exc.stage, exc.reason, exc.detail)
            yield ParseOutcome(None, Reject(doc.source, exc.stage, exc.reason, exc.detail))
            continue
        except ConfigError:
            raise  # a broken rules file fails every document alike: stop the run, naming file and key
        except Exception as exc:  # noqa: BLE001 - an extractor bug costs this page, not the run
            log.exception("parser error on %s", doc.source)
            yield ParseOutcome(None, Reject(doc.source, "extract", "parser_error", f"{type(exc).__name__}: {exc}"))
            continue
        reject = None
        if not notice.is_outage_notice:
            reject = Reject(doc.source, "classify", "not_a_notice", "parsed, but no service outage is announced")
        yield ParseOutcome(notice, reject)


def _read_file(path: Path) -> RawDocument | Reject:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return Reject(str(path), "fetch", "too_large", f"{size} bytes > {MAX_INPUT_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        return Reject(str(path), "fetch", "unreadable", f"{type(exc).__name__}: {exc}")
    return RawDocument(source=str(path), data=data, source_path=str(path))


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[RawDocument | Reject]:
    """Documents from files, folders (recursively, sorted) and raw stores written by the scraper;
    a raw store may also be given as the URL of an fsspec filesystem (``s3://bucket/raw``)."""
    for p in paths:
        if "://" in str(p) and not str(p).startswith("file://"):
            raw_store = _raw_store_module()
            if raw_store is not None and raw_store.is_raw_store(p):
                yield from raw_store.iter_failures(p)
                yield from raw_store.iter_documents(p)
            else:
                yield Reject(str(p), "fetch", "not_found",
                             "no raw store at this URL (only raw stores are read from URLs)")
            continue
        path = Path(p)
        if not path.exists():
            yield Reject(str(path), "fetch", "not_found", "no such file or folder")
            continue
        if path.is_dir():
            raw_store = _raw_store_module()
            if raw_store is not None and raw_store.is_raw_store(path):
                yield from raw_store.iter_failures(path)
                yield from raw_store.iter_documents(path)
                continue
            for child in _files_sorted(path):
                if child.suffix.lower() in INPUT_SUFFIXES and not child.name.startswith("."):
                    yield _read_file(child)
            continue
        if path.suffix.lower() not in INPUT_SUFFIXES:
            yield Reject(str(path), "fetch", "unsupported_type", f"expected one of {', '.join(INPUT_SUFFIXES)}")
            continue
        yield _read_file(path)


def _files_sorted(folder: Path) -> Iterator[Path]:
    """The files under ``folder`` in the order of ``sorted(folder.rglob("*"))`` (paths compared part
    by part: a folder's own files and subfolders by name, each subfolder's contents right after it;
    symlinked folders not entered), holding the names of the folders being walked, not a path
    object per file of the tree (30 MB at 100,000 files, kept for the whole run)."""
    for name in sorted(os.listdir(folder)):
        child = folder / name
        if child.is_dir() and not child.is_symlink():
            yield from _files_sorted(child)
        elif child.is_file():
            yield child


def _raw_store_module() -> ModuleType | None:
    """The scraper's raw-store reader, if installed (kept out of the import path otherwise)."""
    try:
        from .scrape import rawstore
    except ImportError:
        return None
    return rawstore
