"""Arrow schemas of the output tables (SPEC.md), checked on every write.

SPEC columns come first, in SPEC order; columns after them are this project's additions.
"""

from __future__ import annotations

import pyarrow as pa

__all__ = ["SCHEMAS", "TS", "NOTICES", "WINDOWS", "SERVICES", "CONTACTS", "REJECTS"]

TS = pa.timestamp("us", tz="Asia/Shanghai")
_STR = pa.string()

_EVIDENCE = [
    pa.field("span_start", pa.int32(), nullable=False),
    pa.field("span_end", pa.int32(), nullable=False),
    pa.field("evidence", _STR, nullable=False),
]

NOTICES = pa.schema(
    [
        pa.field("notice_id", _STR, nullable=False),
        pa.field("url", _STR),
        pa.field("source_path", _STR),
        pa.field("site", _STR),
        pa.field("title", _STR),
        pa.field("publisher", _STR),
        pa.field("published_at", TS),
        pa.field("province", _STR),
        pa.field("city", _STR),
        pa.field("adcode", _STR),
        pa.field("domain", _STR, nullable=False),
        pa.field("is_outage_notice", pa.bool_(), nullable=False),
        pa.field("body_text", _STR, nullable=False),
        pa.field("duplicate_of", _STR),
        pa.field("flags", pa.list_(_STR), nullable=False),  # plausibility warnings (pipeline/flags.py)
        pa.field("parser_version", _STR, nullable=False),
        # additions
        pa.field("content_hash", _STR, nullable=False),
        pa.field("raw_sha256", _STR),
        pa.field("encoding", _STR),
        # Evidence of title, publisher and publication date: spans into body_text, null when the
        # words stood outside it (an info line above the body, an HTML <meta>); the evidence is
        # body_text[start:end] when there is a span, else the words as read (来源:XX医保局, meta:PubDate).
        *[
            f
            for name in ("title", "publisher", "published")
            for f in (
                pa.field(f"{name}_span_start", pa.int32()),
                pa.field(f"{name}_span_end", pa.int32()),
                pa.field(f"{name}_evidence", _STR),
            )
        ],
    ]
)

WINDOWS = pa.schema(
    [
        pa.field("notice_id", _STR, nullable=False),
        pa.field("window_id", _STR, nullable=False),
        pa.field("kind", _STR, nullable=False),
        pa.field("component", _STR),
        pa.field("start", TS),
        pa.field("end", TS),
        pa.field("start_precision", _STR),
        pa.field("end_precision", _STR),
        pa.field("is_estimate", pa.bool_(), nullable=False),
        pa.field("services", pa.list_(_STR), nullable=False),
        *_EVIDENCE,
        # additions
        pa.field("open_end", _STR),
    ]
)

SERVICES = pa.schema(
    [
        pa.field("notice_id", _STR, nullable=False),
        pa.field("service", _STR, nullable=False),
        pa.field("action", _STR, nullable=False),
        pa.field("start", TS),
        pa.field("end", TS),
        pa.field("audience", _STR),
        pa.field("instruction", _STR),
        *_EVIDENCE,
        # additions
        pa.field("component", _STR),
    ]
)

CONTACTS = pa.schema(
    [
        pa.field("notice_id", _STR, nullable=False),
        pa.field("organization", _STR),
        pa.field("department", _STR),
        pa.field("note", _STR),
        pa.field("phone", _STR, nullable=False),
        pa.field("phone_e164", _STR),
        pa.field("kind", _STR, nullable=False),
        *_EVIDENCE,
        # additions
        pa.field("extension", _STR),
    ]
)

REJECTS = pa.schema(
    [
        pa.field("source", _STR, nullable=False),
        pa.field("stage", _STR, nullable=False),
        pa.field("reason", _STR, nullable=False),
        pa.field("detail", _STR, nullable=False),
        pa.field("at", TS, nullable=False),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "notices": NOTICES,
    "windows": WINDOWS,
    "services": SERVICES,
    "contacts": CONTACTS,
    "rejects": REJECTS,
}
