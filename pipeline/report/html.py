"""The self-contained HTML report: inline CSS, HTML charts, a small inline script.

Nothing is loaded from anywhere: no fonts, images, scripts or styles by URL. A Content Security
Policy in the page says so to the browser too (``default-src 'none'``), and allows only this
module's own script, by its hash, so markup that slipped into a notice could not run even if it
were not escaped (it always is: every data value goes through :func:`charts.esc`). Source URLs
are shown as plain links (``http``/``https`` only) that the reader may follow.

The page reads on a phone (390 px) as on a wide screen: the page itself never scrolls sideways;
the timeline, the matrix and the table scroll inside their own boxes with the city column kept in
view. Filters (province, domain, year, flag) and a city search narrow every section at once.
A value the notice does not state is shown as 未注明; the plausibility flags of each notice
(``notices.flags``) are shown beside its row and counted at the top.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

from ..durations import end_moment
from ..flags import flag_info
from ..records import TZ
from .charts import clip, esc, histogram
from .compare import ParsedTables, rows_of, sentence_around
from .matrix import MatrixCell, MatrixRow, iter_matrices
from .taxonomy import DOMAIN_LABELS, domain_label, service_label, service_taxonomy
from .timeline import Bar, TimelineRow, iter_aligned, iter_calendar, row_year

__all__ = ["render_html", "iter_html", "fmt_time", "fmt_num", "NA"]

NA = "未注明"  # shown where the notice does not state a value
_BASIS_LABELS = {
    "service": "本条写明的时段",
    "window": "所属暂停时段",
    "downtime": "停机时段",
    "none": "未写明时段",
}
_KIND_LABELS = {"downtime": "停机", "suspension": "暂停", "resume": "恢复", "deadline": "截止", "go_live": "上线", "other": "其他"}
_TITLE_CHARS = 12  # visible characters of a notice title in the table (the rest on hover)
_PUBLISHER_CHARS = 10
_REJECTS_SHOWN = 200  # rejects listed one by one; the rest are only counted
_BATCH_ROWS = 1024  # timeline rows whose windows are turned into dicts at a time
_IMPLAUSIBLE = frozenset({"long_downtime", "end_before_start"})  # flags that make a duration doubtful


def _asset(name: str) -> str:
    """Text of ``pipeline/report/assets/<name>``."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def fmt_time(d: dt.datetime | None, precision: str | None = None) -> str:
    """Local (Asia/Shanghai) time as 2021-10-21 18:00, or the bare date at day precision."""
    if d is None:
        return ""
    d = d.astimezone(TZ)
    if precision == "day" or (precision is None and d.hour == 0 and d.minute == 0):
        return d.strftime("%Y-%m-%d")
    return d.strftime("%Y-%m-%d %H:%M")


def fmt_num(v: float | None, digits: int = 1) -> str:
    """A number for display: no needless decimals, empty for None."""
    if v is None:
        return ""
    r = round(v, digits)
    return f"{r:.0f}" if r == int(r) else f"{r:.{digits}f}"


def _place(row: dict[str, Any]) -> str:
    """The label a row is shown under: city, province (全省), or unknown."""
    if row["level"] == "province":
        return f"{row['city_key']}(全省)"
    return row["city_key"]


def _when(row: dict[str, Any]) -> dt.datetime | None:
    return row["downtime_start"] or row["downtime_end"] or row["published_at"]


def _row_label(row: dict[str, Any]) -> str:
    """Place plus the month of the downtime, so several notices of one city stay apart."""
    when = _when(row)
    return f"{_place(row)} {when.astimezone(TZ).strftime('%Y-%m') if when else ''}".strip()


def _year(row: dict[str, Any]) -> str:
    when = _when(row)
    return str(when.astimezone(TZ).year) if when else ""


def _flag_words(row: dict[str, Any]) -> str:
    """The row's flags in words, for a tooltip (empty when none)."""
    info = flag_info()
    return "; ".join(f"{info[f].zh} ({f})" if f in info else f for f in row["flags"])


def _downtime_text(row: dict[str, Any]) -> str:
    """The headline window in words, with its hours."""
    start = fmt_time(row["downtime_start"], row["downtime_start_precision"]) or NA
    if row["downtime_end"] is not None:
        end = fmt_time(row["downtime_end"], row["downtime_end_precision"])
        if row["downtime_end_precision"] == "day":
            end += " (含当日)"
    else:
        end = f"未定({row['downtime_open_end']})" if row.get("downtime_open_end") else NA
    hours = f" = {fmt_num(row['downtime_hours'])} 小时" if row["downtime_hours"] is not None else ""
    est = " (预计)" if row["downtime_is_estimate"] else ""
    doubt = " ⚠ " + _flag_words(row) if set(row["flags"]) & _IMPLAUSIBLE else ""
    return f"停机 {start} → {end}{hours}{est}{doubt}"


def _evidence_tip(row: dict[str, Any], what: str, sentences: Sequence[str | None]) -> str:
    """Tooltip text: who, what number, then the evidence sentences (one per line)."""
    lines = [_row_label(row), what]
    lines += [f"「{s}」" for s in sentences if s]
    if len(lines) == 2:
        lines.append("(正文中没有对应语句 / no sentence in the text)")
    return "\n".join(lines)


def _timeline_rows(rows: Sequence[dict[str, Any]], tables: ParsedTables, anchors: dict[str, str]) -> tuple[list[TimelineRow], int]:
    """Timeline rows ordered by downtime start, and how many windows had no date to draw."""
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    ordered = sorted(rows, key=lambda r: (r["downtime_start"] or r["downtime_end"] or far, r["city_key"], r["notice_id"]))
    out: list[TimelineRow] = []
    undated = 0
    for lo in range(0, len(ordered), _BATCH_ROWS):
        batch = ordered[lo : lo + _BATCH_ROWS]
        windows = rows_of(tables.windows, tables.index("windows"), [r["notice_id"] for r in batch])
        for r in batch:
            undated += _timeline_row(r, windows[r["notice_id"]], tables.window_sentences.get(r["notice_id"], []), anchors, out)
    return out, undated


def _timeline_row(
    r: dict[str, Any], windows: list[dict[str, Any]], sentences: list[str], anchors: dict[str, str], out: list[TimelineRow]
) -> int:
    """Append the timeline row of comparison row ``r``; the number of its windows without a date."""
    undated = 0
    nid = r["notice_id"]
    bars: list[Bar] = []
    if len(sentences) != len(windows):  # not made by build_comparison: the evidence alone
        sentences = [sentence_around(None, None, None, w.get("evidence")) for w in windows]
    resumes = [w["start"] for w in windows if w.get("kind") == "resume" and w.get("start") is not None
               and w.get("start_precision") == "day"]
    wins = sorted(zip(windows, sentences), key=lambda ws: (ws[0].get("kind") == "downtime", str(ws[0].get("window_id"))))
    for w, sentence in wins:
        if w.get("start") is None and w.get("end") is None:
            undated += 1
            continue
        kind = str(w.get("kind") or "other")
        if kind == "downtime":
            what = _downtime_text(r)
        else:
            what = f"{_KIND_LABELS.get(kind, kind)} ({kind}): {fmt_time(w.get('start'), w.get('start_precision')) or '…'} → " \
                   f"{fmt_time(w.get('end'), w.get('end_precision')) or '…'}"
            if w.get("component"):
                what += f" [{w['component']}]"
            if w.get("services"):
                what += " · " + "、".join(f"{service_label(c)} {c}" for c in w["services"])
            if w.get("is_estimate"):
                what += " (预计)"
        end = w.get("end")
        bars.append(
            Bar(
                kind=kind,
                start=w.get("start"),
                end=end,
                tooltip=_evidence_tip(r, what, [sentence]),
                mark=w.get("evidence"),
                window_id=str(w.get("window_id") or ""),
                is_estimate=bool(w.get("is_estimate")),
                end_moment=end_moment(end, w.get("end_precision"), resumes) if end is not None else None,
            )
        )
    out.append(TimelineRow(_row_label(r), _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]]), nid,
                           anchors[nid], bars, flags=_flag_words(r)))
    return undated


def _matrix_rows(rows: Sequence[dict[str, Any]], anchors: dict[str, str]) -> list[MatrixRow]:
    """The matrix's rows (table order), each with its suspended services and their evidence."""
    out = []
    for r in rows:
        cells = {}
        for d in r["service_detail"]:
            hours = f"{fmt_num(d['hours'])} 小时" if d["hours"] is not None else "时长未知"
            period = f"{fmt_time(d['start']) or NA} → {fmt_time(d['end']) or NA}"
            what = (f"{service_label(d['service'])} ({d['service']}) 暂停: {hours}, {period}; "
                    f"依据: {_BASIS_LABELS.get(d['basis'].split('+')[0], d['basis'])}")
            cells[d["service"]] = MatrixCell(d["hours"], _evidence_tip(r, what, [d["evidence"], d["window_evidence"]]))
        out.append(MatrixRow(_row_label(r), _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]]),
                             r["notice_id"], anchors[r["notice_id"]], r["domain"], cells))
    return out


def _histograms(rows: Sequence[dict[str, Any]]) -> str:
    """Distributions of downtime hours and lead days, with what each leaves out."""
    doubtful = [r for r in rows if set(r["flags"]) & _IMPLAUSIBLE and r["downtime_hours"] is not None]
    hours = [(r["downtime_hours"], _row_label(r)) for r in rows
             if r["downtime_hours"] is not None and not set(r["flags"]) & _IMPLAUSIBLE]
    lead = [(r["lead_days"], _row_label(r)) for r in rows if r["lead_days"] is not None]
    parts = []
    for values, unit, label, missing, extra in (
        (hours, "小时 hours", "停机时长", "缺少开始或结束时间",
         f"; {len(doubtful)} 份标记为时长可疑 (⚠), 未计入" if doubtful else ""),
        (lead, "天 days (发布 → 停机开始)", "提前天数", "缺少发布日期或停机开始", ""),
    ):
        left_out = len(rows) - len(values) - (len(doubtful) if extra else 0)
        med = f"中位数 median {fmt_num(statistics.median(v for v, _ in values))}" if values else ""
        note = f"; {left_out} 份{missing}, 未计入" if left_out else ""
        parts.append(
            f'<figure class="hist-fig"><figcaption>{esc(label)} ({len(values)} 份公告; {esc(med)}{esc(note)}{esc(extra)})'
            f"</figcaption>{histogram(values, unit=unit, label=label)}</figure>"
        )
    return f'<div class="hists">{"".join(parts)}</div><p class="note">分布图包含全部公告, 不随筛选变化。</p>'


def _source_cell(row: dict[str, Any]) -> str:
    """The source as a link (http/https only) or as text."""
    url = row.get("url") or ""
    shown = clip(row.get("site") or url or row.get("source_path") or "", 30)
    if url.lower().startswith(("http://", "https://")):
        return (
            f'<a class="source" href="{esc(url)}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer" '
            f'title="{esc(url)}">{esc(shown)}</a>'
        )
    if not shown:
        return f'<span class="na">{NA}</span>'
    return f'<span title="{esc(url or row.get("source_path") or "")}">{esc(shown)}</span>'


def _num_td(value: float | int | None, text: str, tip: str, key: str, extra: str = "") -> str:
    """A sortable numeric cell that opens its evidence on click (未注明 when there is no value)."""
    v = "" if value is None else f"{value}"
    shown = esc(text) if value is not None else f'<span class="na">{NA}</span>'
    return f'<td class="num ev{extra}" data-k="{esc(key)}" data-v="{esc(v)}" title="{esc(tip)}" tabindex="0">{shown}</td>'


def _text_td(value: str | None, limit: int, key: str) -> str:
    """A text cell clipped on screen, whole in its tooltip; 未注明 when empty."""
    if not value:
        return f'<td class="c-{key}" data-k="{key}" data-v=""><span class="na">{NA}</span></td>'
    return f'<td class="c-{key}" data-k="{key}" data-v="{esc(value)}" title="{esc(value)}">{esc(clip(value, limit))}</td>'


def _flags_td(row: dict[str, Any]) -> str:
    """The plausibility flags (warnings) and the notes (estimate, reposts) of a row, as chips."""
    info = flag_info()
    chips = [
        f'<span class="flag" data-flag="{esc(f)}" title="{esc(info[f].means if f in info else f)} ({esc(f)})">'
        f'⚠ {esc(info[f].zh if f in info else f)}</span>'
        for f in row["flags"]
    ]
    notes = []
    if row["downtime_is_estimate"]:
        notes.append("预计")
    elif row["has_estimate"]:
        notes.append("部分预计")
    if row["n_reposts"]:
        notes.append(f"转载×{row['n_reposts']}")
    repost_tip = ("转载: " + ", ".join(row["repost_ids"])) if row["repost_ids"] else ""
    chips += [f'<span class="chip" title="{esc(repost_tip)}">{esc(n)}</span>' for n in notes]
    return f'<td class="c-flags" data-k="flags" data-v="{esc(" ".join(row["flags"]))}">{"".join(chips)}</td>'


_HEAD = (
    ("place", "text", "城市"),
    ("province", "text", "省份"),
    ("domain", "text", "领域"),
    ("title", "text", "标题"),
    ("publisher", "text", "发布单位"),
    ("published", "text", "发布日期"),
    ("start", "text", "停机开始"),
    ("end", "text", "停机结束"),
    ("hours", "num", "时长(小时)"),
    ("lead", "num", "提前(天)"),
    ("services", "num", "暂停服务"),
    ("contacts", "num", "电话"),
    ("counties", "num", "区县"),
    ("flags", "text", "标记"),
    ("source", "text", "来源"),
    ("idx", "num", "#"),
)


def _table(rows: Sequence[dict[str, Any]], anchors: dict[str, str]) -> Iterator[str]:
    """The sortable comparison table, a row at a time; each row carries what the filters read."""
    out = ['<table id="cmp" class="cmp"><thead><tr>']
    for key, kind, label in _HEAD:
        out.append(f'<th data-key="{key}" data-type="{kind}" aria-sort="none" tabindex="0" title="点击排序 click to sort">{esc(label)}</th>')
    out.append("</tr></thead><tbody>")
    yield "".join(out)
    for i, r in enumerate(rows, 1):
        yield _table_row(i, r, anchors[r["notice_id"]])
    yield "</tbody></table>"


def _end_shown(r: dict[str, Any]) -> str:
    """The downtime end as shown: 未定 (with its words) when a start has no end."""
    if r["downtime_end"] is None and r["downtime_start"] is not None:
        return f"未定({r['downtime_open_end']})" if r.get("downtime_open_end") else "未定"
    return fmt_time(r["downtime_end"], r["downtime_end_precision"])


def _lead_what(r: dict[str, Any], pub_s: str, start_s: str) -> str:
    """What the lead time is made of (or why it is unknown)."""
    if r["lead_days"] is not None:
        return f"提前 {fmt_num(r['lead_days'])} 天: 发布 {pub_s} → 停机开始 {start_s}"
    return f"提前天数未知: 发布日期 {pub_s or NA}, 停机开始 {start_s or NA}"


def _services_tip(r: dict[str, Any]) -> str:
    """Each suspended service with its hours and its sentence."""
    lines = [
        f"{service_label(d['service'])} {d['service']}: {fmt_num(d['hours']) + ' 小时' if d['hours'] is not None else '时长未知'} 「{d['evidence']}」"
        for d in r["service_detail"]
    ]
    return "\n".join([_row_label(r), f"暂停 {r['n_services_suspended']} 项服务"] + lines)


def _phones_tip(r: dict[str, Any]) -> str:
    """Each distinct phone number with its owner and its sentence."""
    lines = [
        f"{c['phone']} {c.get('organization') or ''} {c.get('note') or ''} 「{c['evidence']}」".replace("  ", " ")
        for c in r["contact_detail"]
    ]
    return "\n".join([_row_label(r), f"{r['n_contacts']} 个不同的电话号码"] + lines)


def _counties_tip(r: dict[str, Any]) -> str:
    """The counties named, then the contact organizations."""
    return "\n".join(
        [_row_label(r), f"涉及 {r['n_counties']} 个区县 (联系人或正文中点名的区县)", "、".join(r["counties_covered"]) or "(无)"]
        + ([f"联系单位 {r['n_contact_orgs']} 个: " + "、".join(r["contact_orgs"])] if r["contact_orgs"] else [])
    )


def _row_open(r: dict[str, Any], anchor: str) -> str:
    """The ``<tr>`` with what the filters and the search read."""
    search = " ".join(x for x in (r["city_key"], r["province"], r["city"]) if x)
    return (
        f'<tr id="{esc(anchor)}" data-nid="{esc(r["notice_id"])}" data-province="{esc(r["province"] or "")}" '
        f'data-domain="{esc(r["domain"] or "")}" data-year="{_year(r)}" data-flags="{esc(" ".join(r["flags"]))}" '
        f'data-place="{esc(search)}">'
    )


def _notice_tds(r: dict[str, Any], pub_s: str) -> list[str]:
    """The place, province, domain, title, publisher and publication date cells."""
    flag_mark = f'<b class="fl" title="{esc(_flag_words(r))}">⚠</b>' if r["flags"] else ""
    return [
        f'<td class="c-place" data-k="place" data-v="{esc(_place(r))}" title="{esc(_place(r))}">'
        f'{flag_mark}{esc(clip(_place(r), 10))}</td>',
        _text_td(r["province"], 10, "province"),
        f'<td data-k="domain" data-v="{esc(r["domain"] or "")}" title="{esc(r["domain"] or NA)}">'
        f'{esc(domain_label(r["domain"]))}</td>',
        _text_td(r["title"], _TITLE_CHARS, "title"),
        _text_td(r["publisher"], _PUBLISHER_CHARS, "publisher"),
        f'<td data-k="published" data-v="{esc(r["published_at"].isoformat() if r["published_at"] else "")}">'
        f'{esc(pub_s) if pub_s else f"<span class=na>{NA}</span>"}</td>',
    ]


def _downtime_tds(r: dict[str, Any], pub_s: str) -> list[str]:
    """The downtime start, end, hours and lead-time cells, each opening the downtime's sentence."""
    down_tip = _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]])
    start_s = fmt_time(r["downtime_start"], r["downtime_start_precision"])
    out = [
        f'<td class="ev" data-k="{key}" data-v="{esc(value.isoformat() if value else "")}" '
        f'title="{esc(down_tip)}" tabindex="0">{esc(shown) if shown else f"<span class=na>{NA}</span>"}</td>'
        for key, value, shown in (("start", r["downtime_start"], start_s), ("end", r["downtime_end"], _end_shown(r)))
    ]
    doubtful = bool(set(r["flags"]) & _IMPLAUSIBLE)
    hours_text = fmt_num(r["downtime_hours"]) + (" ⚠" if doubtful else "")
    out.append(_num_td(r["downtime_hours"], hours_text, down_tip, "hours", " doubt" if doubtful else ""))
    lead_tip = _evidence_tip(r, _lead_what(r, pub_s, start_s), [r["downtime_evidence"]])
    out.append(_num_td(r["lead_days"], fmt_num(r["lead_days"]), lead_tip, "lead"))
    return out


def _table_row(i: int, r: dict[str, Any], anchor: str) -> str:
    """Row ``i`` of the comparison table."""
    pub_s = fmt_time(r["published_at"])
    out = [_row_open(r, anchor), *_notice_tds(r, pub_s), *_downtime_tds(r, pub_s)]
    out.append(_num_td(r["n_services_suspended"], str(r["n_services_suspended"]), _services_tip(r), "services"))
    out.append(_num_td(r["n_contacts"], str(r["n_contacts"]), _phones_tip(r), "contacts"))
    out.append(_num_td(r["n_counties"], str(r["n_counties"]), _counties_tip(r), "counties"))
    out.append(_flags_td(r))
    out.append(f'<td data-k="source" data-v="{esc(r.get("url") or "")}">{_source_cell(r)}</td>')
    out.append(f'<td class="num" data-k="idx" data-v="{i}">{i}</td>')
    out.append("</tr>")
    return "".join(out)


def _rejects(tables: ParsedTables) -> str:
    """What could not be parsed: counts by stage and reason, then the first ones in full."""
    n_rejects = tables.rejects.num_rows
    if not n_rejects:
        return "<p>没有被拒绝的文件 (no rejects).</p>"
    counts = Counter(
        (stage or "", reason or "")
        for stage, reason in zip(tables.rejects.column("stage").to_pylist(), tables.rejects.column("reason").to_pylist())
    )
    out = ['<div class="scroll"><table class="small"><thead><tr><th>阶段 stage</th><th>原因 reason</th><th>数量</th></tr></thead><tbody>']
    for (stage, reason), n in counts.most_common():
        out.append(f"<tr><td>{esc(stage)}</td><td>{esc(reason)}</td><td class=\"num\">{n}</td></tr>")
    out.append("</tbody></table></div>")
    out.append(f"<details><summary>逐条 (前 {min(n_rejects, _REJECTS_SHOWN)} 条)</summary>")
    out.append('<div class="scroll"><table class="small"><thead><tr><th>来源 source</th><th>阶段</th><th>原因</th><th>说明 detail</th></tr></thead><tbody>')
    for r in tables.rejects.slice(0, _REJECTS_SHOWN).to_pylist():
        out.append(
            f"<tr><td>{esc(clip(r.get('source'), 80))}</td><td>{esc(r.get('stage'))}</td><td>{esc(r.get('reason'))}</td>"
            f"<td>{esc(clip(r.get('detail'), 200))}</td></tr>"
        )
    out.append("</tbody></table></div></details>")
    return "".join(out)


def _summary(rows: Sequence[dict[str, Any]], tables: ParsedTables) -> str:
    """The figures at the top of the page, then the flags counted."""
    notices = tables.notice_counts()
    places = {(r["province"], r["city_key"]) for r in rows}
    hours = [r["downtime_hours"] for r in rows if r["downtime_hours"] is not None and not set(r["flags"]) & _IMPLAUSIBLE]
    lead = [r["lead_days"] for r in rows if r["lead_days"] is not None]
    flagged = sum(1 for r in rows if r["flags"])
    cards = [
        (len(rows), "份停机公告 (去重后)", "distinct outage notices; one row each"),
        (len(places), "个地区", "cities, or provinces for province-level notices"),
        (notices.reposts, "份转载已合并", "reposts counted once"),
        (notices.pages - notices.outage, "份非停机页面", "pages parsed that are not outage notices"),
        (tables.rejects.num_rows, "个文件被拒绝", "files that could not be parsed (see the end)"),
        (flagged, "份有可疑标记", "notices raising at least one plausibility flag (listed below)"),
        (fmt_num(statistics.median(hours)) if hours else "–", "小时 停机时长中位数", "median downtime hours (doubtful ones left out)"),
        (fmt_num(statistics.median(lead)) if lead else "–", "天 提前发布中位数", "median lead time in days"),
    ]
    out = ['<div class="cards">'] + [
        f'<div class="card" title="{esc(tip)}"><b>{esc(v)}</b><span>{esc(label)}</span></div>' for v, label, tip in cards
    ] + ["</div>"]
    counts = Counter(f for r in rows for f in r["flags"])
    if counts:
        info = flag_info()
        order = [c for c in info if c in counts] + sorted(set(counts) - set(info))
        out.append('<div class="flag-summary" id="flag-summary"><span class="lbl">可疑标记 flags:</span>')
        for c in order:
            zh, means = (info[c].zh, info[c].means) if c in info else (c, "")
            out.append(f'<button type="button" class="flagchip" data-flag="{esc(c)}" title="{esc(means)} · 点击只看这些公告">'
                       f'{esc(zh)} <code>{esc(c)}</code> <b>{counts[c]}</b></button>')
        out.append("</div>")
    return "".join(out)


def _options(values: Sequence[tuple[str, str]], all_label: str) -> str:
    return f'<option value="">{esc(all_label)}</option>' + "".join(
        f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in values
    )


def _filters(rows: Sequence[dict[str, Any]]) -> str:
    """The filter bar: city search, province, domain, year and flag."""
    provinces = sorted({r["province"] for r in rows if r["province"]})
    domains = [d for d in DOMAIN_LABELS if any(r["domain"] == d for r in rows)]
    domains += sorted({r["domain"] for r in rows if r["domain"] and r["domain"] not in DOMAIN_LABELS})
    years = sorted({_year(r) for r in rows if _year(r)})
    info = flag_info()
    present = {f for r in rows for f in r["flags"]}
    flags = [("any", "有标记 any flag"), ("none", "无标记 no flag")] + [
        (c, f"{info[c].zh} {c}") for c in info if c in present
    ] + [(c, c) for c in sorted(present - set(info))]
    return (
        '<div class="filters" id="filters" role="search">'
        '<label class="q">城市 <input type="search" id="f-q" placeholder="搜索城市或省份 search a city" autocomplete="off"></label>'
        f'<label>省份 <select id="f-province">{_options([(p, p) for p in provinces], "全部省份")}</select></label>'
        f'<label>领域 <select id="f-domain">{_options([(d, f"{domain_label(d)} {d}") for d in domains], "全部领域")}</select></label>'
        f'<label>年份 <select id="f-year">{_options([(y, y) for y in years], "全部年份")}</select></label>'
        f'<label>标记 <select id="f-flag">{_options(flags, "全部")}</select></label>'
        '<button type="button" id="f-reset">清除筛选</button>'
        f'<output id="f-count" aria-live="polite">显示 {len(rows)} / {len(rows)} 份公告</output>'
        "</div>"
    )


_KIND_LEGEND = (
    ("w downtime", "停机 (downtime)"),
    ("w downtime est", "预计停机 (estimate)"),
    ("w suspension", "暂停 (suspension)"),
    ("w go_live", "上线 (go live)"),
    ("p resume", "恢复 (resume)"),
    ("p deadline", "截止 (deadline)"),
    ("w other", "其他 (other)"),
)


def _csp_hash(script: str) -> str:
    """``'sha256-…'`` source of an inline script for the Content Security Policy."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(rows: Sequence[dict[str, Any]], tables: ParsedTables, *, generated_at: dt.datetime | None = None) -> str:
    """The whole report page for the comparison ``rows`` (see :mod:`.compare`) of ``tables``."""
    return "".join(iter_html(rows, tables, generated_at=generated_at))


def iter_html(
    rows: Sequence[dict[str, Any]], tables: ParsedTables, *, generated_at: dt.datetime | None = None
) -> Iterator[str]:
    """The report page of :func:`render_html` in pieces (a row or a section each), to be written
    as it is made: at 10,000 notices the page is tens of MB and is never held whole."""
    css = _asset("report.css")
    script = _asset("report.js")
    anchors = {r["notice_id"]: f"n{i}" for i, r in enumerate(rows, 1)}
    when = (generated_at or dt.datetime.now(TZ)).astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    legend = "".join(
        f'<span class="key"><i class="key-{"-".join(k.split())}"></i>{esc(label)}</span>' for k, label in _KIND_LEGEND
    )
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    missing = f"<p class=\"note\">缺少的表: {esc(', '.join(tables.missing))}</p>" if tables.missing else ""
    yield f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>系统切换停机: 各地对比</title>
<style>{css}</style>
</head>
<body>
<header><h1>系统切换停机: 各地对比 <small>Service outages across cities</small></h1>
<p class="note">生成于 {esc(when)} (Asia/Shanghai)。所有时间为北京时间; 未注明 = 公告没有写明。</p>
{_summary(rows, tables)}{missing}
</header>
<main>"""
    if rows:
        yield _filters(rows)
        tl_rows, undated = _timeline_rows(rows, tables, anchors)
        drawn = sum(len(r.bars) for r in tl_rows)
        years = {row_year(r) for r in tl_rows} - {None}
        yield f"""
<section id="timeline-sec"><h2>时间线 Timeline</h2>
<p class="note">每行一份公告; 日历视图按停机开始的年份分面板 ({len(years)} 个年份), 每个面板内按停机开始排序。
粗条为停机, 细条为分阶段的时段, 三角为时间点 (恢复、截止等); 只写到日期的结束按整天画 (至10月7日 = 到10月7日24时)。
渐隐箭头表示停机结束时间未定; 超出面板的时段在边缘截断 (带箭头)。⚠ = 有可疑标记。共 {len(tl_rows)} 行, {drawn} 个时间窗口{f", {undated} 个没有日期的时段未画出" if undated else ""}。
悬停或点击查看原文依据; 用缩放按钮放大, 在框内左右滚动。</p>
<div class="legend-row">{legend}</div>
<div class="tl-tools">
<div class="tabs" role="group" aria-label="时间轴 time axis">
<button type="button" class="view" data-view="tl-cal" aria-pressed="true">日历 (按年) calendar</button>
<button type="button" class="view" data-view="tl-rel" aria-pressed="false">对齐停机开始 aligned</button>
</div>
<div class="tabs zoom" role="group" aria-label="缩放 zoom">缩放
<button type="button" data-zoom="1" aria-pressed="true">1×</button><button type="button" data-zoom="2" aria-pressed="false">2×</button><button type="button" data-zoom="4" aria-pressed="false">4×</button><button type="button" data-zoom="12" aria-pressed="false">12×</button><button type="button" data-zoom="40" aria-pressed="false">40×</button>
</div>
</div>
<div id="tl-cal" class="tl-view">"""
        yield from iter_calendar(tl_rows)
        yield """</div>
<div id="tl-rel" class="tl-view" hidden>"""
        yield from iter_aligned(tl_rows, twin_of="tl-cal")
        del tl_rows  # the tooltips of every window: not needed past the timeline
        yield """</div>
</section>
<section id="matrix-sec"><h2>城市 × 服务 City × service</h2>
<p class="note">每个领域一张表, 列为该领域公告中暂停过的服务 (中文名与代码)。格中数字为该项服务暂停的小时数
(本条写明的时段, 否则其所属暂停时段, 否则停机时段); ● 表示暂停但时长未知。表头数字为暂停该项的公告数。</p>
"""
        yield from iter_matrices(_matrix_rows(rows, anchors), service_taxonomy(), list(DOMAIN_LABELS))
        yield f"""
</section>
<section id="dist-sec"><h2>分布 Distributions</h2>{_histograms(rows)}</section>
<section id="table-sec"><h2>对比表 Comparison table</h2>
<p class="note">点击表头排序; 点击数字查看依据。同一城市的多份公告各占一行; 转载只计一次。⚠ 为可疑标记 (悬停看说明)。</p>
<div class="table-wrap scroll">"""
        yield from _table(rows, anchors)
        yield """</div>
</section>"""
    else:
        yield '<section><h2>没有停机公告</h2><p class="empty">这个解析目录里没有可比较的停机公告 (no outage notices to compare).</p></section>'
    yield f"""
<section id="rejects-sec"><h2>未能解析的文件 Rejects</h2>{_rejects(tables)}</section>
<section id="about"><h2>口径 Definitions</h2><ul class="note">
<li>每行 = 一份去重后的停机公告 (<code>is_outage_notice</code> 为真且不是转载); 同一城市的多份公告各占一行。</li>
<li>停机时长 = 停机窗口的结束 − 开始 (小时); 只写到日期的结束算到当天结束 (10月1日至10月7日 = 168 小时), 恢复办理的那一天除外;
任一端缺失则为未注明。提前天数 = 停机开始 − 发布时间 (天); 负数表示停机开始后才发布。</li>
<li>服务暂停时长: 服务条目自己写明的起止, 否则它所属的暂停时段, 否则停机时段; 同一服务多条时段取并集。</li>
<li>电话 = 不同号码数; 区县 = 联系人或正文点名的本市 (省级公告为本省) 区县。</li>
<li>可疑标记 (<code>notices.flags</code>): 停机过长或结束早于开始的时长标 ⚠, 不计入时长的中位数和分布; <code>notices audit</code> 列出每种标记的例子。</li>
</ul></section>
</main>
<aside id="evidence" class="evidence" hidden aria-live="polite">
<button type="button" class="close" aria-label="关闭 close">×</button>
<h3 class="ev-what"></h3><div class="ev-text"></div>
</aside>
<script>{script}</script>
</body>
</html>
"""
