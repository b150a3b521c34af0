"""report.md: the comparison as Markdown tables, for a terminal or a repository browser."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Sequence
from typing import Any

from ..records import TZ
from ..flags import flag_info
from .compare import ParsedTables
from .taxonomy import domain_label, service_taxonomy

__all__ = ["render_markdown", "md_cell"]

NA = "未注明"  # a value the notice does not state
_CELL_CHARS = 60  # a Markdown cell longer than this is cut (the parquet and the HTML keep it all)
# Characters that Markdown would read as markup inside a table cell; each gets a backslash so a
# title holding `|`, `<script>`, `*` or `[x](y)` shows as the text it is.
_MD_SPECIAL = re.compile(
    r"""
    ( [\\|`*_\[\]<>#~] )   # backslash, cell separator, code, emphasis, links, raw HTML, headings, strike
    """,
    re.VERBOSE,
)


def md_cell(value: object, limit: int = _CELL_CHARS) -> str:
    """A value safe inside a Markdown table cell: one line, specials escaped, cut to ``limit``."""
    if value is None:
        return ""
    text = " ".join(str(value).split())  # newlines and tabs would end the row
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text)


def _t(d: dt.datetime | None, precision: str | None = None) -> str:
    """Local time, minutes unless the precision is a day."""
    if d is None:
        return ""
    d = d.astimezone(TZ)
    return d.strftime("%Y-%m-%d") if precision == "day" else d.strftime("%Y-%m-%d %H:%M")


def _n(v: float | None) -> str:
    """Number without needless decimals."""
    if v is None:
        return ""
    r = round(v, 1)
    return f"{r:.0f}" if r == int(r) else f"{r:.1f}"


def _place(r: dict[str, Any]) -> str:
    """City, or province (全省)."""
    return f"{r['city_key']}(全省)" if r["level"] == "province" else r["city_key"]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> list[str]:
    """A Markdown table; ``align`` has one of l/r per column."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _flag_counts(rows: Sequence[dict[str, Any]]) -> list[str]:
    """How many compared notices raise each plausibility flag."""
    counts: dict[str, int] = {}
    for r in rows:
        for f in r["flags"]:
            counts[f] = counts.get(f, 0) + 1
    if not counts:
        return ["", "No plausibility flags raised.", ""]
    info = flag_info()
    order = [c for c in info if c in counts] + sorted(set(counts) - set(info))
    body = [[md_cell(c), md_cell(info[c].zh if c in info else ""), str(counts[c])] for c in order]
    return ["", "## Plausibility flags", ""] + _table(["flag", "标记", "notices"], body, "llr")


def _matrices(rows: Sequence[dict[str, Any]]) -> list[str]:
    """One city x service table per domain, with the services suspended in that domain."""
    lines: list[str] = []
    taxonomy = [s.code for s in service_taxonomy()]
    labels = {s.code: s.label for s in service_taxonomy()}
    domains: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        domains.setdefault(r["domain"] or "", []).append(r)
    for domain, members in domains.items():
        found = {c for r in members for c in r["services_suspended"]}
        cols = [c for c in taxonomy if c in found] + sorted(found - set(taxonomy))
        lines += [f"### {md_cell(domain_label(domain))} ({md_cell(domain or 'unknown')}, {len(members)} notices)", ""]
        if not cols:
            lines += ["No suspended services were found.", ""]
            continue
        mrows = []
        for r in members:
            hours_by = {d["service"]: d["hours"] for d in r["service_detail"]}
            when_s = _t(r["downtime_start"], "day")[:7]
            mrows.append(
                [md_cell(f"{_place(r)} {when_s}".strip())]
                + [("?" if hours_by[c] is None else _n(hours_by[c])) if c in hours_by else "" for c in cols]
            )
        lines += _table(["city"] + [f"{labels.get(c, c)} ({c})" for c in cols], mrows, "l" + "r" * len(cols)) + [""]
    return lines


def render_markdown(rows: Sequence[dict[str, Any]], tables: ParsedTables, *, generated_at: dt.datetime | None = None) -> str:
    """The Markdown report for the comparison ``rows`` (see :mod:`.compare`)."""
    when = (generated_at or dt.datetime.now(TZ)).astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    lines = _summary(rows, tables, when)
    if not rows:
        lines += ["No outage notices to compare.", ""]
    else:
        lines += ["## Per notice", ""]
        lines += _notice_table(rows)
        lines += _flag_counts(rows)
        lines += ["", "## Service suspension hours (city x service, per domain)", "",
                  "Hours each service is suspended (its own period, else its window, else the downtime); "
                  "`?` = suspended, hours unknown; blank = not suspended. Each domain lists the services "
                  "suspended in it.", ""]
        lines += _matrices(rows)
        lines += ["", "## Contacts", ""]
        lines += _contacts_table(rows)
    lines += _rejects_table(tables)
    lines.append("")
    return "\n".join(lines)


def _summary(rows: Sequence[dict[str, Any]], tables: ParsedTables, when: str) -> list[str]:
    """The heading and the summary list: counts, places, median downtime and lead time."""
    counts = tables.notice_counts()
    hours = [r["downtime_hours"] for r in rows if r["downtime_hours"] is not None]
    lead = [r["lead_days"] for r in rows if r["lead_days"] is not None]
    lines = [
        "# 系统切换停机: 各地对比 (service outages across cities)",
        "",
        f"Generated {when} (Asia/Shanghai). One row per distinct outage notice; reposts counted once; "
        f"{NA} = not stated in the notice.",
        "",
        f"- notices compared: {len(rows)} (reposts folded: {counts.reposts}; pages that are not outage notices: "
        f"{counts.pages - counts.outage}; rejects: {tables.rejects.num_rows})",
        f"- places: {len({(r['province'], r['city_key']) for r in rows})}",
        f"- median downtime: {_n(statistics.median(hours)) + ' h' if hours else 'n/a'} "
        f"({len(rows) - len(hours)} without start or end)",
        f"- median lead time: {_n(statistics.median(lead)) + ' days' if lead else 'n/a'} "
        f"({len(rows) - len(lead)} without publication date or start)",
    ]
    if tables.missing:
        lines.append(f"- missing tables: {', '.join(tables.missing)}")
    lines.append("")
    return lines


def _end_cell(r: dict[str, Any]) -> str:
    """The downtime end as written, ``open`` (with its words) when a start has no end."""
    if r["downtime_end"] is None and r["downtime_start"] is not None:
        return "open" + (f" ({r['downtime_open_end']})" if r.get("downtime_open_end") else "")
    return _t(r["downtime_end"], r["downtime_end_precision"])


def _notice_marks(r: dict[str, Any]) -> list[str]:
    """The row's flags, then ``estimate`` and ``reposts:N`` where they apply."""
    extra = (("estimate", r["downtime_is_estimate"]), (f"reposts:{r['n_reposts']}", r["n_reposts"]))
    return list(r["flags"]) + [f for f, on in extra if on]


def _notice_table(rows: Sequence[dict[str, Any]]) -> list[str]:
    """One line per compared notice."""
    body = [
        [
            md_cell(_place(r)),
            md_cell(r["province"]),
            md_cell(r["domain"]),
            md_cell(r["publisher"], 30) or NA,
            md_cell(_t(r["published_at"], "day")) or NA,
            md_cell(_t(r["downtime_start"], r["downtime_start_precision"])) or NA,
            md_cell(_end_cell(r)) or NA,
            _n(r["downtime_hours"]) or NA,
            _n(r["lead_days"]) or NA,
            md_cell(", ".join(r["services_suspended"]), 120),
            str(r["n_contacts"]),
            str(r["n_counties"]),
            md_cell(" ".join(_notice_marks(r))),
            md_cell(r.get("url") or r.get("source_path"), 80),
            md_cell(r["notice_id"], 40),
        ]
        for r in rows
    ]
    return _table(
        ["city", "province", "domain", "publisher", "published", "downtime start", "downtime end", "hours",
         "lead days", "services suspended", "phones", "counties", "flags", "source", "notice_id"],
        body,
        "lllllllrrlrrlll",
    )


def _contacts_table(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Phone numbers, organizations and counties named, per notice."""
    crow = []
    for r in rows:
        phones = ", ".join(c["phone"] for c in r["contact_detail"])
        crow.append([md_cell(_place(r)), str(r["n_contacts"]), md_cell(phones, 120),
                     md_cell("、".join(r["contact_orgs"]), 80), md_cell("、".join(r["counties_covered"]), 80)])
    return _table(["city", "phones", "numbers", "organizations", "counties named"], crow, "lrlll")


def _rejects_table(tables: ParsedTables) -> list[str]:
    """Rejected files counted by stage and reason (nothing when there are none)."""
    if not tables.rejects.num_rows:
        return []
    counts: dict[tuple[str, str], int] = {}
    for stage, reason in zip(tables.rejects.column("stage").to_pylist(), tables.rejects.column("reason").to_pylist()):
        k = (stage or "", reason or "")
        counts[k] = counts.get(k, 0) + 1
    return ["", "## Rejects", ""] + _table(
        ["stage", "reason", "files"], [[md_cell(s), md_cell(x), str(n)] for (s, x), n in sorted(counts.items())], "llr")
