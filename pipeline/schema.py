"""Arrow schemas of the output tables (SPEC.md), checked on every write, and their data dictionary.

SPEC columns come first, in SPEC order; columns after them are this project's additions. Every
column carries its description in the parquet field metadata (key ``description``, the text of
:data:`DESCRIPTIONS`; docs/data-dictionary.md is made of the same texts). Code columns (a closed or
short set of values: ``kind``, ``action``, ``domain``, ``stage``, ``reason`` ...) are stored
dictionary-encoded, so pandas reads them as categoricals and duckdb/polars as enums of strings;
where the set is closed (:data:`CODES`) the dictionary holds every allowed value, used or not, and
the allowed values travel with the file (also listed in the field metadata, key ``allowed``).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from .records import AUDIENCES, CONTACT_KINDS, DOMAINS, PRECISIONS, REJECT_STAGES, SERVICE_ACTIONS, WINDOW_KINDS

__all__ = ["SCHEMAS", "TS", "NOTICES", "WINDOWS", "SERVICES", "CONTACTS", "REJECTS", "DESCRIPTIONS", "CODES",
           "CODE_COLUMNS", "STORAGE", "documented", "storage", "encode_codes", "description"]

TS = pa.timestamp("us", tz="Asia/Shanghai")
_STR = pa.string()

_EVIDENCE = [
    pa.field("span_start", pa.int32(), nullable=False),
    pa.field("span_end", pa.int32(), nullable=False),
    pa.field("evidence", _STR, nullable=False),
]

_NOTICES = pa.schema(
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

_WINDOWS = pa.schema(
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

_SERVICES = pa.schema(
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

_CONTACTS = pa.schema(
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

_REJECTS = pa.schema(
    [
        pa.field("source", _STR, nullable=False),
        pa.field("stage", _STR, nullable=False),
        pa.field("reason", _STR, nullable=False),
        pa.field("detail", _STR, nullable=False),
        pa.field("at", TS, nullable=False),
    ]
)

# --- the data dictionary -----------------------------------------------------------------------

_SPAN = {
    "span_start": "offset of the evidence in notices.body_text (characters, from 0)",
    "span_end": "offset just after the evidence: body_text[span_start:span_end] == evidence",
    "evidence": "the exact words of the notice this row was read from",
}

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "notices": {
        "notice_id": "stable id: the same text from the same page (URL, else file) gets the same id in every run",
        "url": "where the page was fetched; null for local files",
        "source_path": "the file it was parsed from (a raw-store blob for crawled pages), as given on the command line",
        "site": "host the page was found on (from url); null for local files",
        "title": "notice title, without site chrome",
        "publisher": "issuing body (来源, signature, 关于...的通告), e.g. 桂林市医疗保障局; never the hosting site or a news outlet",
        "published_at": "publication date as a timestamp (Asia/Shanghai): the stated time of day when the page gives "
                        "one (info line, meta), else 00:00 of the stated date; null when no publication date is found",
        "province": "province-level division named by the notice, e.g. 山西省",
        "city": "prefecture-level division (or municipality, league, 州) named by the notice, e.g. 忻州市",
        "adcode": "6-digit administrative division code of city (of province when no city)",
        "domain": "which public service the notice is about",
        "is_outage_notice": "true for a service-outage notice; other pages keep their row with false",
        "body_text": "cleaned, normalized main text; every span of every table points into it",
        "duplicate_of": "notice_id of the original when this notice is a repost, else null; filter with "
                        "duplicate_of IS NULL to count each event once",
        "flags": "plausibility warnings for an analyst (codes, meanings and thresholds in pipeline/rules/flags.yaml; "
                 "`notices audit` counts them): no_downtime, long_downtime, end_before_start, "
                 "year_far_from_published, published_after_start, chrome_title, site_as_publisher, "
                 "area_code_mismatch, truncated, and more; empty when nothing looks wrong",
        "parser_version": "release and rules version of the parser that wrote the row",
        "content_hash": "hash of the normalized text (16 hex digits of sha256): equal texts, equal hashes",
        "raw_sha256": "sha256 of the raw bytes parsed (of the PDF for attachment text)",
        "encoding": "character encoding the raw bytes were decoded with (gb18030 for GBK/GB2312 pages)",
        **{
            column: text.format(what=what)
            for name, what in (("title", "the title"), ("publisher", "the publisher"), ("published", "published_at"))
            for column, text in (
                (f"{name}_span_start", "offset in body_text of the words {what} was read from; null when they stood "
                                       "outside the body (an info line above it, an HTML meta tag)"),
                (f"{name}_span_end", "offset just after those words (body_text[start:end] is the evidence)"),
                (f"{name}_evidence", "the words {what} was read from: body_text[start:end] when there is a span, "
                                     "else the words as read (来源:..., meta:PubDate)"),
            )
        },
    },
    "windows": {
        "notice_id": "the notice (notices.notice_id)",
        "window_id": "notice_id plus the row's position among the notice's windows (-w00, -w01 ...)",
        "kind": "what the time is: downtime (the one headline outage of an outage notice), suspension, resume, "
                "deadline, go_live, other",
        "component": "the part of the system named, if any: 支付端, 中心端, 数字人社系统 ...",
        "start": "when it starts (Asia/Shanghai); null when open",
        "end": "when it ends (Asia/Shanghai); null when open (至切换工作结束) or a point in time",
        "start_precision": "how precise start is: day, hour or minute",
        "end_precision": "how precise end is: day, hour or minute",
        "is_estimate": "true when the notice hedges the time (预计, 如遇提前或延后)",
        "services": "service codes (services.service) this window applies to",
        **_SPAN,
        "open_end": "the words of an open end (至切换工作结束, 另行通知), else null",
    },
    "services": {
        "notice_id": "the notice (notices.notice_id)",
        "service": "service code from the taxonomy of SPEC.md (general, inpatient, outpatient, pharmacy ...)",
        "action": "what happens to the service: suspended, restricted, deadline (finish before the stop), "
                  "resumed, workaround",
        "start": "when it applies from, if stated (Asia/Shanghai)",
        "end": "when it applies until, if stated (Asia/Shanghai)",
        "audience": "who is addressed: insured, employer, institution, agency; null when everyone",
        "instruction": "what people are told to do (先行垫付, 提前购药, 纸质备案 ...), if stated",
        **_SPAN,
        "component": "the part of the system the clause names, if any",
    },
    "contacts": {
        "notice_id": "the notice (notices.notice_id)",
        "organization": "the body the number belongs to, e.g. 忻州市医保中心",
        "department": "department, if stated (综合科, 征缴科 ...)",
        "note": "what the number is for, if stated (居民, 职工, 24小时值班 ...)",
        "phone": "normalized number: landline 0350-3032798 (the city's area code added to local numbers), "
                 "mobile 18906112333, hotline 12393",
        "phone_e164": "E.164 form, e.g. +863503032798; null for short hotlines",
        "kind": "landline, mobile or hotline",
        **_SPAN,
        "extension": "extension (转 123), if stated",
    },
    "rejects": {
        "source": "the input: file path or URL (a source name for a failed crawl task)",
        "stage": "where it stopped: fetch, decode, clean, classify, extract, write",
        "reason": "short stable code: empty, binary, undecodable, not_a_notice, http_404, timeout, robots_disallowed ...",
        "detail": "human-readable explanation",
        "at": "when it was recorded (Asia/Shanghai)",
    },
    "comparison": {
        "notice_id": "the outage notice this row compares (one row per distinct outage notice; reposts are "
                     "counted in n_reposts, not given rows)",
        "city_key": "the place the row is compared under: city, else province, else 未知地区",
        "level": "city, province (a province-level notice) or unknown",
        "province": "as in notices.province",
        "city": "as in notices.city",
        "adcode": "as in notices.adcode",
        "title": "as in notices.title",
        "publisher": "as in notices.publisher",
        "domain": "as in notices.domain",
        "published_at": "as in notices.published_at",
        "downtime_start": "start of the headline downtime window",
        "downtime_end": "end of the headline downtime window; null when open or not stated",
        "downtime_start_precision": "day, hour or minute",
        "downtime_end_precision": "day, hour or minute",
        "downtime_open_end": "words of an open end of the downtime (至切换工作结束 ...), else null",
        "downtime_hours": "hours between downtime_start and downtime_end",
        "lead_days": "days from published_at to downtime_start; negative when published after the stop",
        "downtime_is_estimate": "the downtime window is hedged (预计 ...)",
        "has_estimate": "any window of the notice is hedged",
        "end_missing": "the notice has a downtime but no stated end",
        "n_windows": "number of windows rows of the notice",
        "n_estimated_windows": "number of hedged windows",
        "services_suspended": "service codes suspended, in taxonomy order",
        "n_services_suspended": "number of services suspended",
        "hours_": "hours the service of the column's code is suspended; null when it is not suspended or the "
                  "period is unknown",
        "service_detail": "per suspended service: service, start, end, hours, basis (where the period came from: "
                          "service, window, downtime, a '+'-joined mix, or none), evidence and window_evidence "
                          "(the sentences stating it)",
        "n_contacts": "distinct phone numbers",
        "contact_orgs": "organizations of the numbers, in order of appearance",
        "n_contact_orgs": "number of contact_orgs",
        "counties_covered": "county-level divisions of the notice's city named in the notice",
        "n_counties": "number of counties_covered",
        "contact_detail": "per distinct number: phone, kind, organization, department, note, evidence sentence",
        "url": "as in notices.url",
        "site": "as in notices.site",
        "source_path": "as in notices.source_path",
        "n_reposts": "reposts of this notice among the parsed pages",
        "repost_ids": "notice_id of each repost",
        "notices_in_city": "outage notices compared under the same city_key",
        "downtime_evidence": "the sentence the downtime was read from",
        "flags": "the notice's plausibility flags (notices.flags); the report marks doubtful durations with them",
    },
}

# Closed sets of codes (SPEC.md): the dictionary of these columns holds every allowed value.
CODES: dict[str, dict[str, tuple[str, ...]]] = {
    "notices": {"domain": DOMAINS},
    "windows": {"kind": WINDOW_KINDS, "start_precision": PRECISIONS, "end_precision": PRECISIONS},
    "services": {"action": SERVICE_ACTIONS, "audience": AUDIENCES},
    "contacts": {"kind": CONTACT_KINDS},
    "rejects": {"stage": REJECT_STAGES},
    "comparison": {"level": ("city", "province", "unknown"), "domain": DOMAINS,
                   "downtime_start_precision": PRECISIONS, "downtime_end_precision": PRECISIONS},
}
# Code columns whose values are open-ended (new reason codes, the service taxonomy of the rules
# file): dictionary-encoded with the values of the rows written.
_OPEN_CODES: dict[str, tuple[str, ...]] = {"services": ("service",), "rejects": ("reason",)}
CODE_COLUMNS: dict[str, tuple[str, ...]] = {
    t: tuple(CODES.get(t, {})) + _OPEN_CODES.get(t, ()) for t in DESCRIPTIONS
}
_CODE_TYPE = pa.dictionary(pa.int32(), pa.string())


def description(table: str, column: str) -> str:
    """The description of ``table.column`` (``hours_<code>`` columns share one)."""
    texts = DESCRIPTIONS[table]
    if column not in texts and column.startswith("hours_"):
        return texts["hours_"]
    return texts[column]


def documented(table: str, schema: pa.Schema) -> pa.Schema:
    """``schema`` with each field's description (and allowed values) in its metadata and the code
    columns dictionary-encoded."""
    fields = []
    for f in schema:
        meta = {"description": description(table, f.name)}
        allowed = CODES.get(table, {}).get(f.name)
        if allowed:
            meta["allowed"] = ", ".join(allowed)
        kind = _CODE_TYPE if f.name in CODE_COLUMNS.get(table, ()) else f.type
        fields.append(pa.field(f.name, kind, nullable=f.nullable, metadata=meta))
    return pa.schema(fields, metadata={"table": table})


def storage(schema: pa.Schema) -> pa.Schema:
    """``schema`` with plain strings for the dictionary columns (what rows are first converted to)."""
    return pa.schema([pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type,
                               nullable=f.nullable, metadata=f.metadata) for f in schema], metadata=schema.metadata)


def encode_codes(table_name: str, table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` (plain strings) with its code columns dictionary-encoded as in ``schema``: closed
    sets against every allowed value (a value outside the set raises ValueError), open ones against
    the values present."""
    import pyarrow.compute as pc

    columns: list[Any] = []
    for f in schema:
        column = table.column(f.name)
        if pa.types.is_dictionary(f.type):
            allowed = CODES.get(table_name, {}).get(f.name)
            if allowed:
                dictionary = pa.array(allowed, pa.string())
                indices = pc.index_in(column, value_set=dictionary)
                if indices.null_count != column.null_count:
                    raise ValueError(f"{table_name}.{f.name} has values outside {allowed}")
                column = pa.chunked_array(
                    [pa.DictionaryArray.from_arrays(chunk.cast(pa.int32()), dictionary) for chunk in indices.chunks],
                    type=f.type)
            else:
                column = column.cast(f.type)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


NOTICES = documented("notices", _NOTICES)
WINDOWS = documented("windows", _WINDOWS)
SERVICES = documented("services", _SERVICES)
CONTACTS = documented("contacts", _CONTACTS)
REJECTS = documented("rejects", _REJECTS)

SCHEMAS: dict[str, pa.Schema] = {
    "notices": NOTICES,
    "windows": WINDOWS,
    "services": SERVICES,
    "contacts": CONTACTS,
    "rejects": REJECTS,
}
# The same tables with plain strings for the code columns: rows are converted to these first.
STORAGE: dict[str, pa.Schema] = {name: storage(schema) for name, schema in SCHEMAS.items()}


def _type_name(kind: pa.DataType) -> str:
    """A column type as the data dictionary names it."""
    if pa.types.is_dictionary(kind):
        return "category (string)"
    if pa.types.is_timestamp(kind):
        return f"timestamp ({kind.tz})"
    if pa.types.is_list(kind):
        inner = kind.value_type
        return "list of struct" if pa.types.is_struct(inner) else f"list of {_type_name(inner)}"
    return {"string": "string", "bool": "bool", "int32": "int32", "double": "float64"}.get(str(kind), str(kind))


def markdown_table(name: str, schema: pa.Schema) -> str:
    """The data-dictionary table of ``schema`` (docs/data-dictionary.md holds these verbatim)."""
    lines = ["| column | type | meaning |", "|---|---|---|"]
    for f in schema:
        if f.name.startswith("hours_") and name == "comparison":  # one column per service code: one row
            if lines[-1].startswith("| hours_<code> |"):
                continue
            lines.append(f"| hours_<code> | {_type_name(f.type)} | {description(name, f.name)}; one column per "
                         "service code, in taxonomy order (hours_general, hours_inpatient ...) |")
            continue
        meaning = (f.metadata or {}).get(b"description", b"").decode("utf-8")
        allowed = (f.metadata or {}).get(b"allowed")
        if allowed:
            meaning += f" (values: {allowed.decode('utf-8')})"
        null = "" if f.nullable else ", never null"
        lines.append(f"| {f.name} | {_type_name(f.type)}{null} | {meaning.replace('|', '/')} |")
    return "\n".join(lines)
