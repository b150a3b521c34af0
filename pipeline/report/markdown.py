"""report.md: the comparison as Markdown tables, for a terminal or a repository browser."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Sequence
from typing import Any

from ..records import TZ
from ..ruledata import service_codes, service_headings
from .compare import ParsedTables

__all__ = ["render_markdown", "md_cell"]

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


def render_markdown(rows: Sequence[dict[str, Any]], tables: ParsedTables, *, generated_at: dt.datetime | None = None) -> str:
    """The Markdown report for the comparison ``rows`` (see :mod:`.compare`)."""
    when = (generated_at or dt.datetime.now(TZ)).astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    n_pages, n_outage, reposts = tables.notice_counts()
    hours = [r["downtime_hours"] for r in rows if r["downtime_hours"] is not None]
    lead = [r["lead_days"] for r in rows if r["lead_days"] is not None]
    lines = [
        "# 系统切换停机: 各地对比 (service outages across cities)",
        "",
        f"Generated {when} (Asia/Shanghai). One row per distinct outage notice; reposts counted once.",
        "",
        f"- notices compared: {len(rows)} (reposts folded: {reposts}; pages that are not outage notices: "
        f"{n_pages - n_outage}; rejects: {tables.rejects.num_rows})",
        f"- places: {len({(r['province'], r['city_key']) for r in rows})}",
        f"- median downtime: {_n(statistics.median(hours)) + ' h' if hours else 'n/a'} "
        f"({len(rows) - len(hours)} without start or end)",
        f"- median lead time: {_n(statistics.median(lead)) + ' days' if lead else 'n/a'} "
        f"({len(rows) - len(lead)} without publication date or start)",
    ]
    if tables.missing:
        lines.append(f"- missing tables: {', '.join(tables.missing)}")
    lines.append("")
    if not rows:
        lines += ["No outage notices to compare.", ""]
    else:
        lines += ["## Per notice", ""]
        body = []
        for r in rows:
            end = _t(r["downtime_end"], r["downtime_end_precision"])
            if r["downtime_end"] is None and r["downtime_start"] is not None:
                end = "open" + (f" ({r['downtime_open_end']})" if r.get("downtime_open_end") else "")
            flags = [f for f, on in (("estimate", r["downtime_is_estimate"]), (f"reposts:{r['n_reposts']}", r["n_reposts"])) if on]
            body.append(
                [
                    md_cell(_place(r)),
                    md_cell(r["province"]),
                    md_cell(r["publisher"], 30),
                    md_cell(_t(r["published_at"], "day")),
                    md_cell(_t(r["downtime_start"], r["downtime_start_precision"])),
                    md_cell(end),
                    _n(r["downtime_hours"]),
                    _n(r["lead_days"]),
                    md_cell(", ".join(r["services_suspended"]), 120),
                    str(r["n_contacts"]),
                    str(r["n_counties"]),
                    md_cell(" ".join(flags)),
                    md_cell(r.get("url") or r.get("source_path"), 80),
                    md_cell(r["notice_id"], 40),
                ]
            )
        lines += _table(
            ["city", "province", "publisher", "published", "downtime start", "downtime end", "hours", "lead days",
             "services suspended", "phones", "counties", "flags", "source", "notice_id"],
            body,
            "llllllrrlrrlll",
        )
        lines += ["", "## Service suspension hours (city x service)", "",
                  "Hours each service is suspended (its own period, else its window, else the downtime); "
                  "`?` = suspended, hours unknown; blank = not suspended.", ""]
        codes, headings = service_codes(), service_headings()
        used = [c for c in codes if any(c in r["services_suspended"] for r in rows)]
        extra = sorted({c for r in rows for c in r["services_suspended"]} - set(codes))
        cols = used + extra
        if cols:
            mrows = []
            for r in rows:
                hours_by = {d["service"]: d["hours"] for d in r["service_detail"]}
                when_s = _t(r["downtime_start"], "day")[:7]
                mrows.append(
                    [md_cell(f"{_place(r)} {when_s}".strip())]
                    + [("?" if hours_by[c] is None else _n(hours_by[c])) if c in hours_by else "" for c in cols]
                )
            lines += _table(["city"] + [f"{headings.get(c, c)} ({c})" for c in cols], mrows, "l" + "r" * len(cols))
        else:
            lines.append("No suspended services were found.")
        lines += ["", "## Contacts", ""]
        crow = []
        for r in rows:
            phones = ", ".join(c["phone"] for c in r["contact_detail"])
            crow.append([md_cell(_place(r)), str(r["n_contacts"]), md_cell(phones, 120),
                         md_cell("、".join(r["contact_orgs"]), 80), md_cell("、".join(r["counties_covered"]), 80)])
        lines += _table(["city", "phones", "numbers", "organizations", "counties named"], crow, "lrlll")
    if tables.rejects.num_rows:
        lines += ["", "## Rejects", ""]
        counts: dict[tuple[str, str], int] = {}
        for stage, reason in zip(tables.rejects.column("stage").to_pylist(), tables.rejects.column("reason").to_pylist()):
            k = (stage or "", reason or "")
            counts[k] = counts.get(k, 0) + 1
        lines += _table(["stage", "reason", "files"], [[md_cell(s), md_cell(x), str(n)] for (s, x), n in sorted(counts.items())], "llr")
    lines.append("")
    return "\n".join(lines)
