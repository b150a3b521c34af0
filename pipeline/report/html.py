"""The self-contained HTML report: inline CSS, inline SVG charts, a small inline script.

Nothing is loaded from anywhere: no fonts, images, scripts or styles by URL. A Content Security
Policy in the page says so to the browser too (``default-src 'none'``), and allows only this
module's own script, by its hash, so markup that slipped into a notice could not run even if it
were not escaped (it always is: every data value goes through :func:`charts.esc`). Source URLs
are shown as plain links (``http``/``https`` only) that the reader may follow.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

from ..records import TZ
from .charts import Bar, MatrixCell, TimelineRow, clip, esc, histogram, iter_matrix, iter_timeline
from ..ruledata import service_codes, service_headings, service_taxonomy
from .compare import ParsedTables, rows_of, sentence_around

__all__ = ["render_html", "iter_html", "fmt_time", "fmt_num"]

_BASIS_LABELS = {
    "service": "本条写明的时段",
    "window": "所属暂停时段",
    "downtime": "停机时段",
    "none": "未写明时段",
}
_TITLE_CHARS = 12  # visible characters of a notice title in the table (the rest on hover)
_PUBLISHER_CHARS = 10
_REJECTS_SHOWN = 200  # rejects listed one by one; the rest are only counted
_BATCH_ROWS = 1024  # timeline rows whose windows are turned into dicts at a time


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


def _row_label(row: dict[str, Any]) -> str:
    """Place plus the month of the downtime, so several notices of one city stay apart."""
    when = row["downtime_start"] or row["downtime_end"] or row["published_at"]
    return f"{_place(row)} {when.astimezone(TZ).strftime('%Y-%m') if when else ''}".strip()


def _who(row: dict[str, Any]) -> str:
    """Header line of an evidence tooltip: the row's label (the evidence view adds the title)."""
    return _row_label(row)


def _downtime_text(row: dict[str, Any]) -> str:
    """The headline window in words, with its hours."""
    start = fmt_time(row["downtime_start"], row["downtime_start_precision"]) or "?"
    if row["downtime_end"] is not None:
        end = fmt_time(row["downtime_end"], row["downtime_end_precision"])
    else:
        end = f"未定({row['downtime_open_end']})" if row.get("downtime_open_end") else "未定"
    hours = f" = {fmt_num(row['downtime_hours'])} 小时" if row["downtime_hours"] is not None else ""
    est = " (预计)" if row["downtime_is_estimate"] else ""
    return f"停机 {start} → {end}{hours}{est}"


def _evidence_tip(row: dict[str, Any], what: str, sentences: Sequence[str | None]) -> str:
    """Tooltip text: who, what number, then the evidence sentences (one per line)."""
    lines = [_who(row), what]
    lines += [f"「{s}」" for s in sentences if s]
    if len(lines) == 2:
        lines.append("(正文中没有对应语句 / no sentence in the text)")
    return "\n".join(lines)


def _timeline_rows(
    rows: Sequence[dict[str, Any]], tables: ParsedTables, anchors: dict[str, str]
) -> tuple[list[TimelineRow], int]:
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
    # Staged windows first so the headline bar is drawn on top of them.
    if len(sentences) != len(windows):  # not made by build_comparison: the evidence alone
        sentences = [sentence_around(None, None, None, w.get("evidence")) for w in windows]
    wins = sorted(zip(windows, sentences), key=lambda ws: (ws[0].get("kind") == "downtime", str(ws[0].get("window_id"))))
    for w, sentence in wins:
        if w.get("start") is None and w.get("end") is None:
            undated += 1
            continue
        if w.get("kind") == "downtime":
            what = _downtime_text(r)
        else:
            what = f"{w.get('kind')}: {fmt_time(w.get('start'), w.get('start_precision')) or '…'} → " \
                   f"{fmt_time(w.get('end'), w.get('end_precision')) or '…'}"
            if w.get("component"):
                what += f" [{w['component']}]"
            if w.get("is_estimate"):
                what += " (预计)"
        bars.append(
            Bar(
                kind=str(w.get("kind") or "other"),
                start=w.get("start"),
                end=w.get("end"),
                tooltip=_evidence_tip(r, what, [sentence]),
                mark=w.get("evidence"),
                window_id=str(w.get("window_id") or ""),
                is_estimate=bool(w.get("is_estimate")),
            )
        )
    out.append(TimelineRow(_row_label(r), _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]]), nid, anchors[nid], bars))
    return undated


def _matrix(rows: Sequence[dict[str, Any]], anchors: dict[str, str]) -> Iterator[str]:
    """The city x service grid, rows in table order, in pieces."""
    labels = []
    cells: dict[tuple[int, str], MatrixCell] = {}
    for i, r in enumerate(rows):
        labels.append((_row_label(r), _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]]), r["notice_id"], anchors[r["notice_id"]]))
        for d in r["service_detail"]:
            hours = f"{fmt_num(d['hours'])} 小时" if d["hours"] is not None else "时长未知"
            period = f"{fmt_time(d['start']) or '?'} → {fmt_time(d['end']) or '?'}"
            what = f"{service_headings().get(d['service'], d['service'])} ({d['service']}) 暂停: {hours}, {period}; 依据: {_BASIS_LABELS.get(d['basis'].split('+')[0], d['basis'])}"
            cells[(i, d["service"])] = MatrixCell(d["hours"], _evidence_tip(r, what, [d["evidence"], d["window_evidence"]]))
    extra = sorted({c for r in rows for c in r["services_suspended"]} - set(service_codes()))
    # Every taxonomy column is shown (an empty column is a finding too); unknown codes go last.
    columns = [(s.code, s.heading) for s in service_taxonomy()] + [(c, c) for c in extra]
    return iter_matrix(labels, columns, cells)


def _histograms(rows: Sequence[dict[str, Any]]) -> str:
    """Distributions of downtime hours and lead days, with what each leaves out."""
    hours = [(r["downtime_hours"], _row_label(r)) for r in rows if r["downtime_hours"] is not None]
    lead = [(r["lead_days"], _row_label(r)) for r in rows if r["lead_days"] is not None]
    parts = []
    for values, unit, label, missing in (
        (hours, "小时 hours", "停机时长", "缺少开始或结束时间"),
        (lead, "天 days (发布 → 停机开始)", "提前天数", "缺少发布日期或停机开始"),
    ):
        left_out = len(rows) - len(values)
        med = f"中位数 median {fmt_num(statistics.median(v for v, _ in values))}" if values else ""
        note = f"; {left_out} 份{missing}, 未计入" if left_out else ""
        parts.append(
            f'<figure class="hist-fig"><figcaption>{esc(label)} ({len(values)} 份公告; {esc(med)}{esc(note)})'
            f"</figcaption>{histogram(values, unit=unit, label=label)}</figure>"
        )
    return f'<div class="hists">{"".join(parts)}</div>'


def _source_cell(row: dict[str, Any]) -> str:
    """The source as a link (http/https only) or as text."""
    url = row.get("url") or ""
    shown = clip(row.get("site") or url or row.get("source_path") or "", 30)
    if url.lower().startswith(("http://", "https://")):
        return (
            f'<a class="source" href="{esc(url)}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer" '
            f'title="{esc(url)}">{esc(shown)}</a>'
        )
    return f'<span title="{esc(url or row.get("source_path") or "")}">{esc(shown)}</span>'


def _num_td(value: float | int | None, text: str, tip: str, mark: str | None = None, key: str = "") -> str:
    """A sortable numeric cell that opens its evidence on click."""
    v = "" if value is None else f"{value}"
    m = f' data-mark="{esc(mark)}"' if mark else ""
    return (
        f'<td class="num ev" data-k="{esc(key)}" data-v="{esc(v)}" title="{esc(tip)}"{m} tabindex="0">{esc(text)}</td>'
    )


def _table(rows: Sequence[dict[str, Any]], anchors: dict[str, str]) -> Iterator[str]:
    """The sortable comparison table, a row at a time."""
    head = [
        ("idx", "num", "#"),
        ("place", "text", "城市"),
        ("province", "text", "省份"),
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
    ]
    out = ['<table id="cmp" class="cmp"><thead><tr>']
    for key, kind, label in head:
        out.append(f'<th data-key="{key}" data-type="{kind}" aria-sort="none" tabindex="0" title="点击排序 click to sort">{esc(label)}</th>')
    out.append("</tr></thead><tbody>")
    yield "".join(out)
    for i, r in enumerate(rows, 1):
        nid = r["notice_id"]
        down_tip = _evidence_tip(r, _downtime_text(r), [r["downtime_evidence"]])
        start_s = fmt_time(r["downtime_start"], r["downtime_start_precision"])
        end_s = fmt_time(r["downtime_end"], r["downtime_end_precision"])
        if r["downtime_end"] is None and r["downtime_start"] is not None:
            end_s = f"未定({r['downtime_open_end']})" if r.get("downtime_open_end") else "未定"
        pub_s = fmt_time(r["published_at"])
        lead_what = (
            f"提前 {fmt_num(r['lead_days'])} 天: 发布 {pub_s} → 停机开始 {start_s}"
            if r["lead_days"] is not None
            else f"提前天数未知: 发布日期 {pub_s or '缺失'}, 停机开始 {start_s or '缺失'}"
        )
        svc_lines = [
            f"{service_headings().get(d['service'], d['service'])}: {fmt_num(d['hours']) + ' 小时' if d['hours'] is not None else '时长未知'} 「{d['evidence']}」"
            for d in r["service_detail"]
        ]
        svc_tip = "\n".join([_who(r), f"暂停 {r['n_services_suspended']} 项服务"] + svc_lines)
        phone_lines = [
            f"{c['phone']} {c.get('organization') or ''} {c.get('note') or ''} 「{c['evidence']}」".replace("  ", " ")
            for c in r["contact_detail"]
        ]
        phone_tip = "\n".join([_who(r), f"{r['n_contacts']} 个不同的电话号码"] + phone_lines)
        county_tip = "\n".join(
            [_who(r), f"涉及 {r['n_counties']} 个区县 (联系人或正文中点名的区县)", "、".join(r["counties_covered"]) or "(无)"]
            + ([f"联系单位 {r['n_contact_orgs']} 个: " + "、".join(r["contact_orgs"])] if r["contact_orgs"] else [])
        )
        flags = []
        if r["downtime_is_estimate"]:
            flags.append("预计")
        elif r["has_estimate"]:
            flags.append("部分预计")
        if r["end_missing"]:
            flags.append("无结束")
        if r["downtime_start"] is None and r["downtime_end"] is None:
            flags.append("无停机时间")
        if r["lead_days"] is not None and r["lead_days"] < 0:
            flags.append("事后发布")
        if r["n_reposts"]:
            flags.append(f"转载×{r['n_reposts']}")
        repost_tip = ("转载: " + ", ".join(r["repost_ids"])) if r["repost_ids"] else ""
        out = [f'<tr id="{esc(anchors[nid])}" data-nid="{esc(nid)}">']
        out.append(f'<td class="num" data-v="{i}">{i}</td>')
        out.append(f'<td data-v="{esc(_place(r))}" title="{esc(_place(r))}">{esc(clip(_place(r), 10))}</td>')
        out.append(f'<td data-v="{esc(r["province"] or "")}">{esc(r["province"] or "")}</td>')
        out.append(f'<td data-v="{esc(r["title"] or "")}" title="{esc(r["title"] or "")}">{esc(clip(r["title"], _TITLE_CHARS))}</td>')
        out.append(
            f'<td data-v="{esc(r["publisher"] or "")}" title="{esc(r["publisher"] or "")}">{esc(clip(r["publisher"], _PUBLISHER_CHARS))}</td>'
        )
        out.append(f'<td data-v="{esc(r["published_at"].isoformat() if r["published_at"] else "")}">{esc(pub_s)}</td>')
        out.append(
            f'<td class="ev" data-k="start" data-v="{esc(r["downtime_start"].isoformat() if r["downtime_start"] else "")}" '
            f'title="{esc(down_tip)}" tabindex="0">{esc(start_s)}</td>'
        )
        out.append(
            f'<td class="ev" data-k="end" data-v="{esc(r["downtime_end"].isoformat() if r["downtime_end"] else "")}" '
            f'title="{esc(down_tip)}" tabindex="0">{esc(end_s)}</td>'
        )
        out.append(_num_td(r["downtime_hours"], fmt_num(r["downtime_hours"]), down_tip, key="hours"))
        out.append(_num_td(r["lead_days"], fmt_num(r["lead_days"]), _evidence_tip(r, lead_what, [r["downtime_evidence"]]), key="lead"))
        out.append(_num_td(r["n_services_suspended"], str(r["n_services_suspended"]), svc_tip, key="services"))
        out.append(_num_td(r["n_contacts"], str(r["n_contacts"]), phone_tip, key="contacts"))
        out.append(_num_td(r["n_counties"], str(r["n_counties"]), county_tip, key="counties"))
        out.append(f'<td data-v="{esc(" ".join(flags))}" title="{esc(repost_tip)}">{esc(" ".join(flags))}</td>')
        out.append(f'<td data-v="{esc(r.get("url") or "")}">{_source_cell(r)}</td>')
        out.append("</tr>")
        yield "".join(out)
    yield "</tbody></table>"


def _rejects(tables: ParsedTables) -> str:
    """What could not be parsed: counts by stage and reason, then the first ones in full."""
    n_rejects = tables.rejects.num_rows
    if not n_rejects:
        return "<p>没有被拒绝的文件 (no rejects).</p>"
    counts = Counter(
        (stage or "", reason or "")
        for stage, reason in zip(tables.rejects.column("stage").to_pylist(), tables.rejects.column("reason").to_pylist())
    )
    out = ['<table class="small"><thead><tr><th>阶段 stage</th><th>原因 reason</th><th>数量</th></tr></thead><tbody>']
    for (stage, reason), n in counts.most_common():
        out.append(f"<tr><td>{esc(stage)}</td><td>{esc(reason)}</td><td class=\"num\">{n}</td></tr>")
    out.append("</tbody></table>")
    out.append(f"<details><summary>逐条 (前 {min(n_rejects, _REJECTS_SHOWN)} 条)</summary>")
    out.append('<table class="small"><thead><tr><th>来源 source</th><th>阶段</th><th>原因</th><th>说明 detail</th></tr></thead><tbody>')
    for r in tables.rejects.slice(0, _REJECTS_SHOWN).to_pylist():
        out.append(
            f"<tr><td>{esc(clip(r.get('source'), 80))}</td><td>{esc(r.get('stage'))}</td><td>{esc(r.get('reason'))}</td>"
            f"<td>{esc(clip(r.get('detail'), 200))}</td></tr>"
        )
    out.append("</tbody></table></details>")
    return "".join(out)


def _summary(rows: Sequence[dict[str, Any]], tables: ParsedTables) -> str:
    """The figures at the top of the page."""
    n_pages, n_outage, reposts = tables.notice_counts()
    places = {(r["province"], r["city_key"]) for r in rows}
    hours = [r["downtime_hours"] for r in rows if r["downtime_hours"] is not None]
    lead = [r["lead_days"] for r in rows if r["lead_days"] is not None]
    cards = [
        (len(rows), "份停机公告 (去重后)", "distinct outage notices; one row each"),
        (len(places), "个地区", "cities, or provinces for province-level notices"),
        (reposts, "份转载已合并", "reposts counted once"),
        (n_pages - n_outage, "份非停机页面", "pages parsed that are not outage notices"),
        (tables.rejects.num_rows, "个文件被拒绝", "files that could not be parsed (see the end)"),
        (fmt_num(statistics.median(hours)) if hours else "–", "小时 停机时长中位数", "median downtime hours"),
        (fmt_num(statistics.median(lead)) if lead else "–", "天 提前发布中位数", "median lead time in days"),
    ]
    return '<div class="cards">' + "".join(
        f'<div class="card" title="{esc(tip)}"><b>{esc(v)}</b><span>{esc(label)}</span></div>' for v, label, tip in cards
    ) + "</div>"


_KIND_LEGEND = (
    ("downtime", "停机 (downtime)"),
    ("downtime est", "预计停机 (estimate)"),
    ("suspension", "暂停 (suspension)"),
    ("go_live", "上线 (go live)"),
    ("resume", "恢复 (resume)"),
    ("deadline", "截止 (deadline)"),
    ("other", "其他 (other)"),
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
    as it is made: at 10,000 notices the page is ~90 MB and is never held whole."""
    css = _asset("report.css")
    script = _asset("report.js")
    anchors = {r["notice_id"]: f"n{i}" for i, r in enumerate(rows, 1)}
    when = (generated_at or dt.datetime.now(TZ)).astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    legend = "".join(
        f'<span class="key"><svg width="22" height="12" role="presentation"><rect class="win-key {k}" x="1" y="2" '
        f'width="20" height="8" rx="2"/></svg>{esc(label)}</span>'
        for k, label in _KIND_LEGEND
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
<title>医保/社保系统切换停机: 各地对比</title>
<style>{css}</style>
</head>
<body>
<header><h1>系统切换停机: 各地对比 <small>Service outages across cities</small></h1>
<p class="note">生成于 {esc(when)} (Asia/Shanghai)。所有时间为北京时间。</p>
{_summary(rows, tables)}{missing}
</header>
<main>"""
    if rows:
        tl_rows, undated = _timeline_rows(rows, tables, anchors)
        drawn = sum(len(r.bars) for r in tl_rows)
        yield f"""
<section id="timeline-sec"><h2>时间线 Timeline</h2>
<p class="note">每行一份公告, 按停机开始排序; 粗条为停机, 细条为分阶段的时段, 三角为时间点 (恢复、截止等)。
渐隐箭头表示停机结束时间未定; 日历视图中很长的空白时段被截去 (锯齿处)。共 {len(tl_rows)} 行, {drawn} 个时间窗口{f", {undated} 个没有日期的时段未画出" if undated else ""}。
悬停或点击查看原文依据。</p>
<div class="legend-row">{legend}</div>
<div class="tabs" role="group" aria-label="时间轴 time axis">
<button type="button" class="view" data-view="tl-cal" aria-pressed="true">日历时间 calendar</button>
<button type="button" class="view" data-view="tl-rel" aria-pressed="false">对齐停机开始 aligned on downtime start</button>
</div>
<div id="tl-cal" class="tl-view">"""
        yield from iter_timeline(tl_rows, view_id="cal")
        yield """</div>
<div id="tl-rel" class="tl-view" hidden>"""
        yield from iter_timeline(tl_rows, aligned=True, view_id="rel", twin_of="tl-cal")
        del tl_rows  # the tooltips of every window: not needed past the timeline
        yield """</div>
</section>
<section id="matrix-sec"><h2>城市 × 服务 City × service</h2>
<p class="note">格中数字为该项服务暂停的小时数 (本条写明的时段, 否则其所属暂停时段, 否则停机时段); ● 表示暂停但时长未知。
表头下方数字为暂停该项的公告数。</p>
"""
        yield from _matrix(rows, anchors)
        yield f"""
</section>
<section id="dist-sec"><h2>分布 Distributions</h2>{_histograms(rows)}</section>
<section id="table-sec"><h2>对比表 Comparison table</h2>
<p class="note">点击表头排序; 点击数字查看依据。同一城市的多份公告各占一行; 转载只计一次。</p>
<div class="table-wrap">"""
        yield from _table(rows, anchors)
        yield """</div>
</section>"""
    else:
        yield '<section><h2>没有停机公告</h2><p class="empty">这个解析目录里没有可比较的停机公告 (no outage notices to compare).</p></section>'
    yield f"""
<section id="rejects-sec"><h2>未能解析的文件 Rejects</h2>{_rejects(tables)}</section>
<section id="about"><h2>口径 Definitions</h2><ul class="note">
<li>每行 = 一份去重后的停机公告 (<code>is_outage_notice</code> 为真且不是转载); 同一城市的多份公告各占一行。</li>
<li>停机时长 = 停机窗口的结束 − 开始 (小时); 任一端缺失则留空。提前天数 = 停机开始 − 发布时间 (天); 负数表示停机开始后才发布。</li>
<li>服务暂停时长: 服务条目自己写明的起止, 否则它所属的暂停时段, 否则停机时段; 同一服务多条时段取并集。</li>
<li>电话 = 不同号码数; 区县 = 联系人或正文点名的本市 (省级公告为本省) 区县。</li>
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
