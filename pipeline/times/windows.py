"""Reading the clause around each time expression, and choosing the notice's headline downtime.

For every resolved expression this module reads its clause: the text from the previous expression
(or the sentence start) up to it (``before``, where labels such as ``恢复服务时间:`` sit) and from it
to the next expression (or the sentence end) (``after``, where ``起,暂停...`` sits), plus the heading
line above when the expression opens a line, or in a flattened table row the header cell over it
(``业务类别 | 停机时间 | 恢复时间``; the heading over the table when the header is lost). From these it
decides:

* ``kind``: a deadline suffix/prefix (``前``, ``延长至``) first; else the first kind cue after the
  expression, else the last one before it, else one in the heading; ``other`` when none;
* ``is_estimate`` (预计, 逐步, 如遇提前或延后), ``component`` (支付端, 税务 ...; in a general stop not
  a name inside the list of its businesses: ``转移接续、异地就医备案、零星报销等各项经办业务``), ``open_end``;
* for the downtime choice: whether the clause stops the core business (``core``), stops one part
  only (``partial``: 征缴, 核定, online channels), is a province-level component (异地就医 settlement
  alone, not one item of a list; later sub-clauses without a stop cue, such as a request to settle
  before the stop, are not read for this), or is THE stop-time section (``一、停机切换时间``,
  ``维护时间``).

The downtime start is the earliest stop from the first non-empty pool of: stop-time sections
(not a section point that only resumes or goes live, nor a partial stop), core suspensions, any suspension, clauses
naming a system switch, any range (never a deadline, never a province-level component). A pool
holding only unanchored expressions (今天0时 without a publication date) gives start None. Two
refinements, because the headline is when the system stops for the public:

* a closed window that ends before a longer core stop (or stop-time section) begins is a staged
  pause (a one-night data pre-migration) and is passed over for the next choice;
* a day-precision start takes the clock of a stop stated on the same day (``6月30日至7月1日上午``
  restating ``6月30日16:00至7月1日12:00``; ``1月1日`` and ``12月31日24时``), from its pool first.

The end is the latest resume, go-live or suspension-range end (tax-side collection included; the
chosen start's own range end too) that is not before the start and not more than
:data:`MAX_DOWNTIME_DAYS` after it. On one calendar day a stated clock beats a bare date
(``9月9日`` and ``9月9日9时`` -> 09:00).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any

from ..records import TimeWindow
from ..ruledata import load_yaml
from .resolve import Resolved, sentence_bounds

__all__ = ["TimeClause", "read_time_clauses", "choose_downtime", "MAX_DOWNTIME_DAYS"]

MAX_DOWNTIME_DAYS = 120  # an "end" further than this after the start is a claim period, not downtime
_CUE_WINDOW = 4  # characters after a kind cue searched for 期间/准备 (停机切换期间 is a period)
_PARENS = re.compile(r"\([^()]*\)|“|”|‘|’")  # bracketed asides (含本地和异地) and quotes
_EXCEPT = re.compile(r"除[^，。；;,\n]{1,30}?外")  # 除...外 names what is NOT done
_ITEM_END = "、,，;；:：。\n"  # what closes an item of an enumeration (A、B、C等业务)
_LIST_MARK = re.compile(r"^[ ]*(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.,]|[①-⑩])?[ ]*$")


@dataclass(slots=True)
class TimeClause:
    """One expression with what its clause says about it."""

    res: Resolved
    kind: str
    before: str
    after: str
    heading: str
    is_estimate: bool = False
    component: str | None = None
    open_end: str | None = None
    core: bool = False
    province: bool = False
    section: bool = False
    switch: bool = False  # the clause speaks of a system switch (切换, 迁移, 升级)
    partial: bool = False  # a stop of one part only (征缴, 核定, 网上渠道), not of the core business


@functools.cache
def _rules() -> dict[str, Any]:
    """Cue words and compiled patterns from ``rules/time_cues.yaml``."""
    data = load_yaml("time_cues.yaml")
    cue_kind: dict[str, str] = {}
    for kind in data["kind_priority"]:  # earlier kinds win when one word is listed twice
        for word in data["kinds"][kind]:
            cue_kind.setdefault(word, kind)
    words = sorted(cue_kind, key=len, reverse=True)  # longest first: 停止运行 before 停止
    single_after = [w for w in data["ignore_after"] if len(w) == 1]
    multi_after = [w for w in data["ignore_after"] if len(w) > 1] + ["准备"]

    def alt(items: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    def any_of(patterns: list[str]) -> re.Pattern[str]:
        # One pass instead of one per pattern: it finds a match wherever any of them would, so
        # "no match" here means none of the patterns matches (a gate before the per-pattern loops).
        return re.compile("|".join(f"(?:{p})" for p in patterns))

    return {
        "cue_re": re.compile(alt(words)),
        "cue_kind": cue_kind,
        "ignore_after_single": tuple(single_after),
        "ignore_after_multi": re.compile(alt(multi_after)),  # searched in the few characters after a cue
        "ignore_before": tuple(data["ignore_before"]),
        "deadline_suffix": re.compile(rf"[ ]?(?:{alt(data['deadline_suffix'])})"),
        "deadline_prefix": re.compile(rf"(?:{alt(data['deadline_prefix'])})[ ]?(?:到|至)?[ ]?$"),
        "estimate_re": re.compile(alt(data["estimate"])),
        "open_end": [re.compile(p) for p in data["open_end_patterns"]],
        "section": [re.compile(p) for p in data["section_patterns"]],
        "any_section": any_of(data["section_patterns"]),
        "period_label": [re.compile(p) for p in data["period_label_patterns"]],
        "any_period_label": any_of(data["period_label_patterns"]),
        "switch_re": re.compile(alt(data["switch_cues"])),
        "strong": [re.compile(p) for p in data["core_strong_patterns"]],
        "any_strong": any_of(data["core_strong_patterns"]),
        "weak": [re.compile(p) for p in data["core_weak_patterns"]],
        "any_weak": any_of(data["core_weak_patterns"]),
        "partial_re": re.compile(alt(data["partial_scope"])),
        "online_re": re.compile(alt(data["online_scope"])),
        "province": [re.compile(p) for p in data["province_component_patterns"]],
        "any_province": any_of(data["province_component_patterns"]),
        "province_name": data["province_component_name"],
        "components": [(re.compile(p), name) for p, name in data["components"]],
        "any_component": any_of([p for p, _ in data["components"]]),
        "keep_open_re": re.compile("|".join(map(re.escape, data["keep_open"]))),
    }


def _cues(segment: str, text: str, offset: int) -> Iterator[tuple[int, str]]:
    """(position, kind) of the kind cues in ``segment`` (at ``offset`` in ``text``) that act, in order.

    A generator: a reader that needs only the first cue stops the scan there.
    """
    r = _rules()
    single_after, multi_after, ignore_before = r["ignore_after_single"], r["ignore_after_multi"], r["ignore_before"]
    excepted = [(x.start(), x.end()) for x in _EXCEPT.finditer(segment)] if "除" in segment else []
    for m in r["cue_re"].finditer(segment):
        if excepted and any(a <= m.start() < b for a, b in excepted):
            continue  # 除继续暂停办理工伤住院结算外: the exception, not the action
        start, end = offset + m.start(), offset + m.end()
        follow = text[end:end + _CUE_WINDOW]
        if follow.startswith(single_after) or multi_after.search(follow):
            continue  # 停机期间, 恢复后, 上线准备: a period or a later moment, not an action
        if text[max(0, start - 2):start].endswith(ignore_before):
            continue  # 以上暂停业务, 待系统恢复: refers back
        yield m.start(), r["cue_kind"][m.group()]


def _kind(c: TimeClause, text: str, period_label: bool | None = None) -> str:
    """Kind of the expression from its clause (see the module docstring).

    ``period_label``: whether ``c.before`` holds a period label, when the caller knows already.
    """
    r = _rules()
    expr = c.res.expr
    if period_label is None:
        period_label = r["any_period_label"].search(c.before) is not None
    if period_label:
        return "suspension"  # 停机期间(9月30日18:00至10月8日8:00)
    if r["deadline_suffix"].match(text, expr.end) and not text.startswith("前后", expr.end):
        return "deadline"  # 10月11日前 (but 6月20日前后 is "around")
    if r["deadline_prefix"].search(text[max(0, expr.start - 6):expr.start]):
        return "deadline"
    # The cue words are one alternation, longest first, read by finditer: two cues never start at
    # one position, so the first cue after the expression is the nearest one.
    after = next(_cues(c.after, text, expr.end), None)
    if after is not None:
        return "other" if after[1] == "announce" else after[1]
    before = list(_cues(c.before, text, expr.start - len(c.before)))
    if before:
        kind = before[-1][1]
        return "other" if kind == "announce" else kind
    head = next((k for _, k in _cues(c.heading, c.heading, 0) if k != "announce"), None)
    return head or "other"


_SUBCLAUSE = re.compile(r"[^,;，；]+")
_SUBCLAUSE_BREAK = re.compile(r"([,;，；])")


def _stop_part(after: str) -> str:
    """``after`` without the later sub-clauses that stop nothing (a request, a workaround).

    In ``11月25日18时暂停,在外地住院的参保人请在此之前办理出院结算`` the second sub-clause asks for
    something before the stop; its 结算 says nothing of what stops. The first sub-clause stays (it
    holds the cue nearest the expression), and so does every later one with a stop cue.
    """
    r = _rules()
    parts = _SUBCLAUSE_BREAK.split(after)
    kept = [parts[0]]
    for sep, part in zip(parts[1::2], parts[2::2]):
        if any(r["cue_kind"][m.group()] == "suspension" for m in r["cue_re"].finditer(part)):
            kept += [sep, part]
    return "".join(kept)


def _drop_kept_open(segment: str) -> str:
    """The segment with its keep-open sub-clauses blanked (same length, so offsets hold)."""
    keep = _rules()["keep_open_re"]
    if not keep.search(segment):
        return segment
    return _SUBCLAUSE.sub(lambda m: " " * len(m.group()) if keep.search(m.group()) else m.group(), segment)


def _list_item(segment: str, start: int, end: int) -> bool:
    """True when ``segment[start:end]`` sits in an item of a 、-list (A、B、C等): a part, not the subject.

    A lone ``异地就医直接结算等业务`` is no list: 等 alone does not make one.
    """
    left = start
    while left > 0 and segment[left - 1] not in _ITEM_END:
        left -= 1
    right = end
    while right < len(segment) and segment[right] not in _ITEM_END:
        right += 1
    return segment[left - 1:left] == "、" or segment[right:right + 1] == "、"


def _component(c: TimeClause, skip_list_items: bool = False) -> str | None:
    """The component named nearest before the expression, else first after it.

    With ``skip_list_items`` (a general stop), a name inside a list of its businesses
    (转移接续、异地就医备案、零星报销等各项经办业务) is not the component.
    """
    best_before: tuple[int, str] | None = None
    best_after: tuple[int, str] | None = None
    r = _rules()
    before, after = _drop_kept_open(c.before), _drop_kept_open(c.after)
    # Most segments name no component: the per-pattern scans run only on a segment where one of
    # the patterns matches (the alternation matches exactly there).
    in_before, in_after = r["any_component"].search(before), r["any_component"].search(after)
    if not in_before and not in_after:
        return None
    for pattern, name in r["components"]:
        for m in pattern.finditer(before) if in_before else ():
            if skip_list_items and _list_item(before, m.start(), m.end()):
                continue
            if best_before is None or m.start() > best_before[0]:
                best_before = (m.start(), name)
        for m2 in pattern.finditer(after) if in_after else ():
            if skip_list_items and _list_item(after, m2.start(), m2.end()):
                continue
            if best_after is None or m2.start() < best_after[0]:
                best_after = (m2.start(), name)
            break
    if best_before:
        return best_before[1]
    return best_after[1] if best_after else None


def _has_core(segment: str) -> bool:
    """True when the segment stops the core business (see time_cues.yaml)."""
    r = _rules()
    if r["any_strong"].search(segment):  # the per-pattern matches only where one matches at all
        for pattern in r["strong"]:
            for m in pattern.finditer(segment):
                if not r["partial_re"].search(m.group()) and not r["online_re"].search(m.group()):
                    return True
    if r["partial_re"].search(segment):
        return False
    return r["any_weak"].search(segment) is not None


def _province(segment: str) -> bool:
    """True when the clause is about a province-level component only (异地就医 settlement).

    The component's phrases are blanked; a phrase that is one item of a list does not count (see
    time_cues.yaml). What is left must not stop the core business.
    """
    r = _rules()
    segment = _drop_kept_open(segment)
    if not r["any_province"].search(segment):
        return False
    spans = [m.span() for p in r["province"] for m in p.finditer(segment)
             if not _list_item(segment, m.start(), m.end())]
    if not spans:
        return False
    chars = list(segment)
    for a, b in spans:
        chars[a:b] = " " * (b - a)  # blanks, not removal: no new words form across the gap
    return not _has_core("".join(chars))


# Characters of its own line read before (and after) an expression for a label, a list marker or
# a table row. Unbounded, every expression of one long line re-read the line: quadratic in its
# length (bench/bench_hostile.py, dates_line). Table rows and labels are far shorter.
_LINE_LOOK = 400


def _heading(text: str, start: int) -> str:
    """The short line above ``start`` when the expression opens its line, else ''."""
    lo = max(0, start - _LINE_LOOK)
    newline = text.rfind("\n", lo, start)
    if newline < 0 and lo > 0:  # a long line: only a label right before it (停机时间:) can head it
        prefix = text[lo:start]
        return prefix if prefix.rstrip().endswith(":") else ""
    line_start = newline + 1
    if not _LIST_MARK.match(text[line_start:start]) and not text[line_start:start].rstrip().endswith(":"):
        return ""
    if text[line_start:start].rstrip().endswith(":"):
        return text[line_start:start]  # a label on the same line: 停机时间:
    prev_end = line_start - 1
    while prev_end > 0:
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].strip()
        if line:
            return line if len(line) <= 40 and not line.endswith(("。", ";", "；")) else ""
        prev_end = prev_start - 1
    return ""


_TIME_LABEL = re.compile(r"^[^\d|]{0,8}(?:时间|日期|时段)$")  # a header cell: 停机时间, 恢复日期
_TABLE_ROWS_UP = 12  # lines searched up from a row for its table header
_MAX_TABLE_HEADING = 20  # characters of a heading line over a table (一、停机安排)
_SENTENCE_LINE_END = ("。", ";", "；", "!", "！", "?", "？")


def _cells(line: str) -> list[str]:
    """Cells of a flattened table line: split on bars, else on the blanks left of column gaps."""
    parts = line.split("|") if "|" in line else line.split(" ")
    return [p.strip() for p in parts if p.strip()]


def _table_label(text: str, start: int, index: int) -> str | None:
    """The header cell over the expression at ``start`` in a flattened table row, else None.

    Rows of ``业务类别 | 停机时间 | 恢复时间`` have no verb: the column says what their times are. The
    table is the block of lines above that hold the row's cell separator (a bar, else a blank; empty
    lines between rows are passed over); its header is the nearest of them whose cells are labels,
    one at least a time label, with no digits. With bars the column is the cell index; with blanks
    (a cell may hold one: ``2021年11月12日 17:00``) the ``index``-th time of the row goes under the
    ``index``-th time label. Rows whose header is lost (a cleaner took it for a menu) take the short
    heading line right above their block (``一、停机安排``).
    """
    lo = max(0, start - _LINE_LOOK)
    newline = text.rfind("\n", lo, start)
    line_end = text.find("\n", start, start + _LINE_LOOK)
    if (newline < 0 and lo > 0) or (line_end < 0 and start + _LINE_LOOK < len(text)):
        return None  # a line longer than any table row
    line_start = newline + 1
    row = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    sep = "|" if "|" in row else " "
    if sep not in row or row.endswith(_SENTENCE_LINE_END):
        return None
    end = line_start - 1
    for _ in range(_TABLE_ROWS_UP):
        if end <= 0:
            return None
        newline = text.rfind("\n", max(0, end - _LINE_LOOK), end)
        if newline < 0 and end > _LINE_LOOK:
            return None  # a long line above: running text, and too long for a heading
        begin = newline + 1
        line = text[begin:end].strip()
        end = begin - 1
        if not line:
            continue
        if sep not in line or line.endswith(_SENTENCE_LINE_END):  # the line above the block
            heading = len(line) <= _MAX_TABLE_HEADING and not line.endswith(_SENTENCE_LINE_END)
            return line if heading else None
        cells = _cells(line)
        labels = [c for c in cells if _TIME_LABEL.match(c)]
        if len(cells) < 2 or not labels or any(ch.isdigit() for ch in line):
            continue
        if sep == "|":
            column = row.count("|", 0, start - line_start)
            return cells[column] if column < len(cells) and _TIME_LABEL.match(cells[column]) else None
        return labels[index] if index < len(labels) else None
    return None


_OPEN_TAIL = re.compile(r"[ ]?(?:起|开始)?[ ]?,?[ ]?")  # between a point and its open end: 起,至...


def read_time_clauses(text: str, resolved: list[Resolved], bounds: list[int] | None = None) -> list[TimeClause]:
    """Read the clause of every resolved expression (kind, estimate, component, scope flags).

    ``bounds`` are the text's :func:`sentence_bounds` when the caller has them already.
    """
    r = _rules()
    if bounds is None:
        bounds = sentence_bounds(text)
    starts = [x.expr.start for x in resolved]  # ascending: the scanner reads left to right
    out: list[TimeClause] = []
    # Between two expressions, the words after the last comma open the next one's clause
    # (...恢复,异地就医结算10月20日恢复): they are its subject or label, not the previous one's.
    cuts: list[tuple[int, int]] = []  # (end of i's after, start of (i+1)'s before)
    for i in range(len(resolved) - 1):
        a, b = resolved[i].expr.end, resolved[i + 1].expr.start
        same_sentence = bounds[bisect.bisect_right(bounds, b) - 1] <= a
        comma = text.rfind(",", a, b) if b > a and same_sentence else -1
        cuts.append((comma, comma + 1) if comma >= 0 else (b, a))
    for i, res in enumerate(resolved):
        e = res.expr
        prev_end = cuts[i - 1][1] if i else 0
        next_start = cuts[i][0] if i + 1 < len(resolved) else len(text)
        s_start = bounds[bisect.bisect_right(bounds, e.start) - 1]
        k = bisect.bisect_right(bounds, e.end)
        s_end = (bounds[k] if k < len(bounds) else len(text) + 1) - 1
        before = text[max(s_start, prev_end):e.start]
        after = text[e.end:max(e.end, min(s_end, next_start))]
        line_start = text.rfind("\n", 0, e.start) + 1
        in_row = i - bisect.bisect_left(starts, line_start, 0, i)  # times before it on its line
        label = _table_label(text, e.start, in_row)
        heading = label if label is not None else _heading(text, e.start)
        c = TimeClause(res=res, kind="other", before=before, after=after, heading=heading)
        masked = after
        if e.right is None:
            tail = _OPEN_TAIL.match(text, e.end)
            at = tail.end() if tail else e.end
            m = r["open_end"][0].match(text, at)  # 起至切换工作结束: right after the expression
            if m and m.end() - e.end <= len(after):
                # 至新系统上线时止 says until when, not what happens: hide it from the kind cues.
                masked = after[:m.start() - e.end] + " " * (m.end() - m.start()) + after[m.end() - e.end:]
            if m is None:
                m = r["open_end"][1].search(after)  # 恢复时间另行通知: anywhere in the clause
            if m:
                c.open_end = m.group().strip(" ,|")
        c.after = masked
        period_label = r["any_period_label"].search(before) is not None  # read by the kind and the section test
        c.kind = _kind(c, text, period_label)
        c.after = after
        both = before + after
        scope = _PARENS.sub("", both)
        c.is_estimate = bool(r["estimate_re"].search(both))
        c.core = _has_core(scope) or (not before.strip(" (),、.") and _has_core(c.heading))
        c.province = _province(_PARENS.sub("", before + _stop_part(after)))
        c.partial = c.kind == "suspension" and not c.core \
            and bool(r["partial_re"].search(scope) or r["online_re"].search(scope))
        c.component = _component(c, skip_list_items=c.core and not c.province)
        if c.province and r["province_name"] in scope:
            c.component = r["province_name"]
        label = before + "\n" + c.heading
        # 时间及范围 / 范围和时间安排 headings list staged stops; they are not THE stop time.
        c.section = (r["any_section"].search(label) is not None and "范围" not in label) or period_label
        c.switch = bool(r["switch_re"].search(both))
        out.append(c)
    return out


def _start_key(c: TimeClause) -> tuple[dt.date, bool, dt.datetime]:
    """Earliest day first; on one day a stated clock before a bare date, earliest clock first."""
    s = c.res.start
    assert s is not None
    return (s.date(), c.res.start_precision == "day", s)


def _end_points(c: TimeClause) -> list[tuple[dt.datetime, str]]:
    """The moments of this clause that can end the downtime."""
    res = c.res
    if c.province or c.kind in ("deadline", "other") and not c.section:
        return []
    if res.expr.right is not None:
        if c.kind in ("suspension", "resume", "go_live") or c.section:
            return [(res.end, res.end_precision or "day")] if res.end else []
        return []
    if c.kind in ("resume", "go_live") and res.start is not None:
        return [(res.start, res.start_precision or "day")]
    return []


def _pick(pools: list[list[TimeClause]], excluded: list[TimeClause]) -> tuple[TimeClause | None, list[TimeClause]]:
    """The earliest stop of the first pool that still has a clause (see the module docstring)."""
    for pool in pools:
        pool = [c for c in pool if not any(c is x for x in excluded)]
        if not pool:
            continue
        resolved = [c for c in pool if c.res.start is not None]
        # A pool of unanchored stops only (今天0时 with no publication date): start unknown.
        return (min(resolved, key=_start_key) if resolved else pool[0]), pool
    return None, []


_Point = tuple[TimeClause, dt.datetime, str]


def _downtime_end(start: dt.datetime | None, own: list[TimeClause],
                  points: list[_Point]) -> tuple[TimeClause | None, dt.datetime | None, str | None]:
    """The latest end point not before ``start`` nor too far after it; ``own`` adds its range ends."""
    points = list(points)
    for c in own:
        if c.res.end is not None and not any(c is p for p, _, _ in points):
            points.append((c, c.res.end, c.res.end_precision or "day"))  # the chosen range's own end
    ends = []
    for c, moment, precision in points:
        if start is not None and (moment < start or moment - start > dt.timedelta(days=MAX_DOWNTIME_DAYS)):
            continue
        ends.append(((moment.date(), precision != "day", moment), c, moment, precision))
    if not ends:
        return None, None, None
    _, clause, end, precision = max(ends, key=lambda t: t[0])
    return clause, end, precision


def _staged_pause(chosen: TimeClause, usable: list[TimeClause], points: list[_Point]) -> bool:
    """True when ``chosen`` is a closed window that ends before a longer main stop begins.

    A one-night pause for a data pre-migration (10月22日18时至次日8时) before the core stop
    (10月26日0时起…全部暂停) is a stage: the public loses the system at the main stop.
    """
    start, end = chosen.res.start, chosen.res.end
    if chosen.res.expr.right is None or start is None or end is None:
        return False
    for main in usable:
        m_start = main.res.start
        if main is chosen or m_start is None or m_start < end or main.kind != "suspension" \
                or not (main.core or main.section):
            continue
        _, m_end, _ = _downtime_end(m_start, [main], points)
        if m_end is None or m_end - m_start > end - start:  # an open main stop is the long one
            return True
    return False


def _same_day_clock(chosen: TimeClause, pools: list[list[TimeClause]], excluded: list[TimeClause]) -> TimeClause:
    """A clock-precision stop on the day of a day-precision ``chosen`` (the same stop, stated exactly).

    ``6月30日至7月1日上午`` restates ``6月30日16:00至7月1日12:00``; ``1月1日至1月2日`` restates
    ``2016年12月31日24时`` (24时 is 1月1日 00:00). The chosen pool is searched first, then any stop.
    """
    start = chosen.res.start
    if start is None or chosen.res.start_precision != "day":
        return chosen
    for pool in pools:
        same = [c for c in pool if c.res.start is not None and c.res.start_precision != "day"
                and c.res.start.date() == start.date() and not any(c is x for x in excluded)]
        if same:
            return min(same, key=_start_key)
    return chosen


def choose_downtime(text: str, clauses: list[TimeClause]) -> TimeWindow | None:
    """The headline downtime window of the notice (see the module docstring); None if no stop."""
    usable = [c for c in clauses if not c.province and c.kind != "deadline"]
    pools = [
        # A section point that resumes or goes live (切换上线时间:11月8日8:00) is not the stop, nor
        # is a partial stop listed first in the section (一、停机时间 (一)17日起暂停缴费核定业务).
        [c for c in usable if c.section and not c.partial
         and (c.res.expr.right is not None or c.kind not in ("resume", "go_live"))],
        [c for c in usable if c.kind == "suspension" and c.core],
        [c for c in usable if c.kind == "suspension"],
        [c for c in usable if c.switch and c.kind == "other"],
        [c for c in usable if c.res.expr.right is not None],
        # Last resort, so that an outage notice keeps its one downtime row: a province-level stop.
        [c for c in clauses if c.kind == "suspension" or (c.kind != "deadline" and c.res.expr.right is not None)],
    ]
    points = [(c, m, p) for c in clauses for m, p in _end_points(c)]
    excluded: list[TimeClause] = []
    chosen, pool = _pick(pools, excluded)
    while chosen is not None and _staged_pause(chosen, usable, points):
        excluded.append(chosen)
        chosen, pool = _pick(pools, excluded)
    own = [chosen] if chosen is not None else []
    if chosen is not None:
        stops = [c for c in usable if c.kind == "suspension" or c.section]
        chosen = _same_day_clock(chosen, [pool, stops], excluded)
        own.append(chosen)
    start = chosen.res.start if chosen is not None else None
    start_precision = chosen.res.start_precision if chosen is not None else None
    end_clause, end, end_precision = _downtime_end(start, own, points)
    if start is None and end is None:
        return None
    anchor = chosen if start is not None or end_clause is None else end_clause
    assert anchor is not None
    e = anchor.res.expr
    is_estimate = bool((end_clause and end_clause.is_estimate) or (chosen and chosen.is_estimate))
    open_end = chosen.open_end if (chosen is not None and end is None) else None
    return TimeWindow(
        kind="downtime", start=start, end=end, start_precision=start_precision if start else None,
        end_precision=end_precision if end else None, span_start=e.start, span_end=e.end,
        evidence=text[e.start:e.end], is_estimate=is_estimate, component=None, services=[], open_end=open_end,
    )
