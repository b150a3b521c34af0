"""Typed records passed between the pipeline's stages.

Every extracted fact keeps its evidence: ``span_start``/``span_end`` are character offsets into
the notice's ``body_text`` (as stored) and ``evidence == body_text[span_start:span_end]``.
Timestamps are timezone-aware (Asia/Shanghai). Field names follow SPEC.md; extra fields are
additions, never renames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")

# Allowed values (SPEC.md); tests check records against these.
WINDOW_KINDS = ("downtime", "suspension", "resume", "deadline", "go_live", "other")
PRECISIONS = ("day", "hour", "minute")
SERVICE_ACTIONS = ("suspended", "restricted", "deadline", "resumed", "workaround")
AUDIENCES = ("insured", "employer", "institution", "agency")
CONTACT_KINDS = ("landline", "mobile", "hotline")
# SPEC's five, then the four that issue 21 added (traffic police, exit-entry, real-estate registry,
# government service halls); values are added, never renamed.
DOMAINS = ("medical_insurance", "social_insurance", "housing_fund", "tax", "traffic", "exit_entry", "real_estate",
           "gov_service", "other")
REJECT_STAGES = ("fetch", "decode", "clean", "classify", "extract", "write")


@dataclass(slots=True)
class TimeWindow:
    """One time expression of the body (a point or a range), or the derived headline downtime."""

    kind: str
    start: dt.datetime | None
    end: dt.datetime | None
    start_precision: str | None
    end_precision: str | None
    span_start: int
    span_end: int
    evidence: str
    is_estimate: bool = False
    component: str | None = None
    services: list[str] = field(default_factory=list)
    open_end: str | None = None  # the words of an open end: 至切换工作结束, 另行通知 ...


@dataclass(slots=True)
class ServiceFact:
    """One (service, action) the notice states, with when, for whom and what to do."""

    service: str
    action: str
    span_start: int
    span_end: int
    evidence: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    audience: str | None = None
    instruction: str | None = None
    component: str | None = None


@dataclass(slots=True)
class Contact:
    """One phone number, normalized, with the body it belongs to."""

    phone: str
    phone_e164: str | None
    kind: str
    span_start: int
    span_end: int
    evidence: str
    organization: str | None = None
    department: str | None = None
    note: str | None = None
    extension: str | None = None


@dataclass(slots=True)
class Place:
    """Where a notice applies. ``city`` is None for province-level notices."""

    province: str | None = None
    city: str | None = None
    adcode: str | None = None
    area_code: str | None = None  # telephone area code of the city, e.g. 0350
    evidence: str | None = None  # the words that decided it


@dataclass(slots=True)
class Evidence:
    """The words a notice-level value was read from, and where they stand in ``body_text``."""

    text: str
    span_start: int | None = None  # None: the words stood outside body_text
    span_end: int | None = None


@dataclass(slots=True)
class RawDocument:
    """Bytes of one page or file, with what the fetch knew about it."""

    source: str  # file path or URL (for the rejects table)
    data: bytes
    url: str | None = None
    source_path: str | None = None
    content_type: str | None = None  # the HTTP Content-Type header, if fetched
    fetched_at: dt.datetime | None = None
    sha256: str | None = None


@dataclass(slots=True)
class Notice:
    """A parsed notice and everything extracted from it."""

    notice_id: str
    url: str | None
    source_path: str | None
    site: str | None
    title: str | None
    publisher: str | None
    published_at: dt.datetime | None
    province: str | None
    city: str | None
    adcode: str | None
    domain: str
    is_outage_notice: bool
    body_text: str
    parser_version: str
    duplicate_of: str | None = None
    content_hash: str = ""  # fingerprint of the body, for duplicate detection
    raw_sha256: str | None = None
    encoding: str | None = None
    windows: list[TimeWindow] = field(default_factory=list)
    services: list[ServiceFact] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    # Evidence of title, publisher and publication date: spans into body_text (None when the words
    # stood outside it: an info line above the body, an HTML <meta>) and the words themselves
    # (body_text[start:end] when there is a span, else the words as read, e.g. 来源:XX医保局, meta:PubDate).
    title_evidence: Evidence | None = None
    publisher_evidence: Evidence | None = None
    published_evidence: Evidence | None = None
    flags: list[str] = field(default_factory=list)  # plausibility warnings (pipeline/flags.py)


@dataclass(slots=True)
class Reject:
    """Something that could not be turned into records, and why."""

    source: str
    stage: str
    reason: str
    detail: str
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(TZ))
