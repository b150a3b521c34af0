"""Reading the clause around each time expression: its kind, estimate, component and scope.

For every resolved expression this module reads its clause: the text from the previous expression
(or the sentence start) up to it (``before``, where labels such as ``恢复服务时间:`` sit) and from it
to the next expression (or the sentence end) (``after``, where ``起,暂停...`` sits), plus the heading
line above when the expression opens a line, or in a flattened table row the header cell over it
(``业务类别 | 停机时间 | 恢复时间``; the heading over the table when the header is lost). From these it
decides:

* ``kind``: a deadline prefix (``延长至``) first; then ``resume`` for a point saying until when a stop
  lasts (``暂停办理,至7月3日9时止``, ``开始停机,7月3日9时结束``); ``other`` for a time given up
  (``原定6月28日的停机``); then a deadline suffix (``前``, unless a resume word follows it: ``7月3日前恢复``
  is an end, or a stop word follows a range: ``14日18时至17日8时前暂停``, or its sub-clause goes on to a
  resume word: ``7月3日8时前完成切换并恢复服务``); else the first kind cue after the
  expression, else the last one before it; else ``resume`` for a point from which business runs
  normally (``3月8日起,各项业务正常办理``; ``3月8日8:00开放``); else a cue in the heading; ``other`` when none. A time
  that ends its line with nothing after it reads on into the next line when that line opens with a
  cue (``3月8日8时起`` / ``恢复办理``), unless it is a list item or a label line;
* ``is_estimate`` (预计, 逐步, 如遇提前或延后), ``component`` (支付端, 税务 ...; in a general stop not
  a name inside the list of its businesses: ``转移接续、异地就医备案、零星报销等各项经办业务``), ``open_end``;
* for the downtime choice (:mod:`pipeline.times.downtime`): whether the clause stops the core
  business (``core``), stops one part only (``partial``: 征缴, 核定, online channels), is a
  province-level component (异地就医 settlement alone, not one item of a list; later sub-clauses
  without a stop cue, such as a request to settle before the stop, are not read for this), or is THE
  stop-time section (``一、停机切换时间``, ``维护时间``).

Cue words: ``rules/time_cues.yaml`` (:mod:`pipeline.times.cues`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .cues import time_cues
from .grammar import Expression
from .resolve import Resolved, sentence_bounds

__all__ = ["TimeClause", "read_time_clauses"]

_CUE_WINDOW = 4  # characters after a kind cue searched for 期间/准备 (停机切换期间 is a period)
_PARENS = re.compile(r"\([^()]*\)|“|”|‘|’")  # bracketed asides (含本地和异地) and quotes
_EXCEPT = re.compile(r"除[^，。；;,\n]{1,30}?外")  # 除...外 names what is NOT done
_ONLINE_BEFORE = 4  # characters before a weak core word searched for an online word (线上医保业务)
_ITEM_END = "、,，;；:：。\n"  # what closes an item of an enumeration (A、B、C等业务)
# What may stand before an expression that opens its line under a heading: a list mark, and a
# lead word (自2019年8月23日8时30分起 under 三、恢复办理业务时间安排).
_LIST_MARK = re.compile(r"^[ ]*(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.,]|[①-⑩])?[ ]*(?:自|从|于|定于|将于)?[ ]*$")


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
    online: bool = False  # a partial stop of online channels only (关闭网上业务大厅、App; no counter)
    list_last: Resolved | None = None  # the last day of a list of days it opens (7月1日、2日暂停)
    aftermath: bool = False  # the clause speaks of crowding after a resumption (办理高峰, 恢复正常秩序)
    superseded: bool = False  # a time given up (原定6月28日的停机): no candidate for the downtime


class _Cue(NamedTuple):
    """A kind cue that acts, at ``at`` in the segment it was read from."""

    at: int
    kind: str


def _cues(segment: str, text: str, offset: int) -> Iterator[_Cue]:
    """The kind cues in ``segment`` (at ``offset`` in ``text``) that act, in order."""
    r = time_cues()
    excepted = [(x.start(), x.end()) for x in _EXCEPT.finditer(segment)]
    for m in r.cue.finditer(segment):
        if any(a <= m.start() < b for a, b in excepted):
            continue  # 除继续暂停办理工伤住院结算外: the exception, not the action
        start, end = offset + m.start(), offset + m.end()
        follow = text[end:end + _CUE_WINDOW]
        if follow.startswith(r.ignore_right_after) or r.ignore_near_after.search(follow):
            continue  # 停机期间, 恢复后, 上线准备: a period or a later moment, not an action
        if text[max(0, start - 2):start].endswith(r.ignore_before):
            continue  # 以上暂停业务, 待系统恢复: refers back
        yield _Cue(m.start(), r.cue_kind[m.group()])


_UNTIL_LOOK = 40  # characters before a point searched for the stop it ends
_SENTENCE_MARK = re.compile(r"[。；;!?！？]")  # not a line break: a poster breaks its sentences
_STARTED_BEFORE = re.compile(r"(?:起|开始)[ ]?,[ ]?$")  # the sub-clause before began a span


def _ends_a_stop(text: str, expr: Expression) -> bool:
    """True for a point that says until when a stop lasts: after 至/到 (暂停办理,至7月3日9时止; 停机至
    7月3日) or before 止/结束 (开始停机,7月3日9时结束), its sentence having stopped something before it,
    or the sub-clause right before it having begun a span (7月1日18时开始,7月3日9时结束,期间暂停)."""
    if expr.right is not None:
        return False
    r = time_cues()
    lead = text[max(0, expr.start - _UNTIL_LOOK):expr.start]
    marks = list(_SENTENCE_MARK.finditer(lead))
    lead = lead[marks[-1].end():] if marks else lead
    if not (r.until_before.search(lead) or r.until_after.match(text, expr.end)):
        return False
    if r.until_after.match(text, expr.end) and _STARTED_BEFORE.search(lead):
        # 7月1日18时开始,7月3日9时结束,期间暂停: the end of the span begun just before, a stop after it
        m = _SENTENCE_MARK.search(text, expr.end)
        lead += text[expr.end:m.start() if m else len(text)]
    return any(r.cue_kind[m.group()] == "suspension" for m in r.cue.finditer(lead))


def _kind(expr: Expression, before: str, after: str, heading: str, text: str, period_label: bool) -> str:
    """Kind of the expression from its clause (see the module docstring).

    ``period_label``: ``before`` ends in a label naming the stop period (停机期间(...)).
    """
    r = time_cues()
    if period_label:
        return "suspension"  # 停机期间(9月30日18:00至10月8日8:00)
    if r.deadline_prefix.search(text[max(0, expr.start - 6):expr.start]):
        return "deadline"  # 延长至2022年5月31日, 截至...
    if _ends_a_stop(text, expr):
        return "resume"  # 暂停办理业务,至7月3日9时止
    if _superseded(text, expr):
        return "other"  # 原定6月28日的停机: a time given up, neither a stop nor an end
    suffix = r.deadline_suffix.match(text, expr.end)
    if suffix and not text.startswith(r.not_deadline_after, expr.end):
        follow = next(_cues(text[suffix.end():suffix.end() + _CUE_WINDOW], text, suffix.end()), None)
        if follow is not None and follow.kind in ("resume", "go_live"):
            return follow.kind  # 预计7月3日前恢复: resumed by then, an end of the stop
        back = _back_by_then(text, suffix.end()) if follow is None or follow.kind == "deadline" else None
        if back is not None:
            return back  # 7月3日8时前完成切换并恢复服务: the switch done and business back by then
        if follow is not None and follow.kind == "suspension" and expr.right is not None:
            return follow.kind  # 6月14日18时至17日8时前暂停: 前 closes a stop window, no deadline
        return "deadline"  # 10月11日前 (but 6月20日前后 is "around")
    # The cue words are one alternation, longest first, read by finditer: two cues never start at
    # one position, so the first cue after the expression is the nearest one. The label of the next
    # cell (停机时间:18:00 恢复时间:8:00) names the next expression, not this one.
    label = _NEXT_LABEL.search(after)
    if label is not None:
        after = after[:label.start()]
    first_after = next(_cues(after, text, expr.end), None)
    if first_after is not None:
        return "other" if first_after.kind == "announce" else first_after.kind
    cues_before = list(_cues(before, text, expr.start - len(before)))
    if cues_before and not _normal_again_after_a_break(before, after, expr):
        return "other" if cues_before[-1].kind == "announce" else cues_before[-1].kind
    if expr.right is None and (_FROM_ON.match(after) and r.normal_again.search(after)
                               or r.normal_again.match(after.lstrip(" ,"))):
        return "resume"  # 3月8日起,各项业务正常办理 / 3月8日8:00开放: business is back from this point
    return next((c.kind for c in _cues(heading, heading, 0) if c.kind != "announce"), "other")


# A label ending the words after an expression, set off by a blank or a bar: the next cell's label
# (停机时间:6月14日18:00 恢复时间:6月17日8:00 read on one line).
_NEXT_LABEL = re.compile(r"(?<=[ |])[^ ,;，；。\n|]{1,8}(?:时间|日期)[ ]?:?[ ]?$")
_SUPERSEDED_LOOK = 4  # characters before an expression searched for 原定 (a time given up)


def _superseded(text: str, expr: Expression) -> bool:
    """True for a time given up: 原定 (原计划) right before it (原定于6月28日恢复的业务推迟至…)."""
    return time_cues().superseded.search(text, max(0, expr.start - _SUPERSEDED_LOOK), expr.start) is not None


_FROM_ON = re.compile(r"[ ]?(?:起|开始|以后|之后|后)")  # 3月8日起, 8:00后: from this point on


def _normal_again_after_a_break(before: str, after: str, expr: Expression) -> bool:
    """True for a point opening a sub-clause of its own (after a comma) whose words say business
    runs normally from it (暂停办理,3月9日起各项业务正常办理): the stop cue of the earlier
    sub-clause is not its kind, the point is the resumption. A cue in the point's own sub-clause
    before it (暂停办理3月9日起...) keeps its reading."""
    r = time_cues()
    if expr.right is not None or r.subclause_open.search(before) is None:
        return False
    stop = _SUBCLAUSE_END.search(after)
    own = after[:stop.start() if stop else len(after)]
    return r.normal_again.search(own) is not None if _FROM_ON.match(own) else r.normal_again.match(own.lstrip()) is not None

_SUBCLAUSE_END = re.compile(r"[,;，；。\n]")


def _back_by_then(text: str, at: int) -> str | None:
    """The kind of a resume or go-live cue in the sub-clause from ``at`` (after a deadline suffix),
    if any: 前完成切换并恢复服务 says the stop is over by then. None otherwise."""
    end = _SUBCLAUSE_END.search(text, at)
    segment = text[at:end.start() if end else len(text)]
    return next((c.kind for c in _cues(segment, text, at) if c.kind in ("resume", "go_live")), None)
_SUBCLAUSE = re.compile(r"[^,;，；]+")
_SUBCLAUSE_BREAK = re.compile(r"([,;，；])")


def _stop_part(after: str) -> str:
    """``after`` without the later sub-clauses that stop nothing (a request, a workaround).

    In ``11月25日18时暂停,在外地住院的参保人请在此之前办理出院结算`` the second sub-clause asks for
    something before the stop; its 结算 says nothing of what stops. The first sub-clause stays (it
    holds the cue nearest the expression), and so does every later one with a stop cue.
    """
    r = time_cues()
    parts = _SUBCLAUSE_BREAK.split(after)
    kept = [parts[0]]
    for sep, part in zip(parts[1::2], parts[2::2]):
        if any(r.cue_kind[m.group()] == "suspension" for m in r.cue.finditer(part)):
            kept += [sep, part]
    return "".join(kept)


def _drop_kept_open(segment: str) -> str:
    """The segment with its keep-open sub-clauses blanked (same length, so offsets hold)."""
    keep = time_cues().keep_open
    if not keep.search(segment):
        return segment  # most segments keep nothing open
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


def _component(before: str, after: str, skip_list_items: bool = False) -> str | None:
    """The component named nearest before the expression, else first after it.

    With ``skip_list_items`` (a general stop), a name inside a list of its businesses
    (转移接续、异地就医备案、零星报销等各项经办业务) is not the component. At one position the
    component listed first in the rules wins.
    """
    r = time_cues()
    before, after = _drop_kept_open(before), _drop_kept_open(after)
    # Most clauses name no component: one search of all the patterns at once answers for them
    # (this saves about a tenth of the times stage).
    if not r.any_component.search(before) and not r.any_component.search(after):
        return None
    last_before: tuple[int, str] | None = None  # (position, name)
    first_after: tuple[int, str] | None = None
    for component in r.components:
        for m in component.pattern.finditer(before):
            if skip_list_items and _list_item(before, m.start(), m.end()):
                continue
            if last_before is None or m.start() > last_before[0]:
                last_before = (m.start(), component.name)
        for m in component.pattern.finditer(after):
            if skip_list_items and _list_item(after, m.start(), m.end()):
                continue
            if first_after is None or m.start() < first_after[0]:
                first_after = (m.start(), component.name)
            break
    if last_before:
        return last_before[1]
    return first_after[1] if first_after else None


_NAME_BREAK = re.compile(r"[、,，;；。:：\n]")


def _system_name(segment: str, m: re.Match[str]) -> str:
    """The name before a stop that opens with 系统 (自助缴费系统暂时停止运行): the words since the last
    break, which say whose system stops; '' for any other stop."""
    if not m.group().startswith("系统"):
        return ""
    breaks = list(_NAME_BREAK.finditer(segment, 0, m.start()))
    return segment[breaks[-1].end() if breaks else 0:m.start()]


def _has_core(segment: str) -> bool:
    """True when the segment stops the core business (see time_cues.yaml)."""
    r = time_cues()
    for pattern in r.core_strong:
        for m in pattern.finditer(segment):
            named = m.group() + _system_name(segment, m)
            if not r.partial.search(named) and not r.online.search(named):
                return True
    if r.partial.search(segment):
        return False
    # 停止所有线上医保业务: core words right after an online word name the online part only.
    return any(not r.online.search(segment, max(0, m.start() - _ONLINE_BEFORE), m.start())
               for m in r.core_weak.finditer(segment))


def _province(segment: str) -> bool:
    """True when the clause is about a province-level component only (异地就医 settlement).

    The component's phrases are blanked; a phrase that is one item of a list does not count (see
    time_cues.yaml). What is left must not stop the core business.
    """
    segment = _drop_kept_open(segment)
    spans = [m.span() for p in time_cues().province for m in p.finditer(segment)
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


def _line_start(text: str, end: int) -> int | None:
    """Start of the line that ends at ``end``, or None when it is longer than :data:`_LINE_LOOK`."""
    lo = max(0, end - _LINE_LOOK)
    newline = text.rfind("\n", lo, end)
    if newline < 0 and lo > 0:
        return None
    return newline + 1


def _heading(text: str, start: int) -> str:
    """The short line above ``start`` when the expression opens its line, else ''."""
    line_start = _line_start(text, start)
    if line_start is None:  # a long line: only a label right before it (停机时间:) can head it
        prefix = text[start - _LINE_LOOK:start]
        return prefix if prefix.rstrip().endswith(":") else ""
    lead = text[line_start:start]
    if lead.rstrip().endswith(":"):
        return lead  # a label on the same line: 停机时间:
    if not _LIST_MARK.match(lead):
        return ""
    prev_end = line_start - 1
    while prev_end > 0:
        prev_start = _line_start(text, prev_end)
        if prev_start is None:
            return ""  # a long line above: running text, not a heading
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


def _lines_up(text: str, line_start: int, count: int) -> list[str]:
    """The ``count`` lines above the line starting at ``line_start``, nearest first, stripped."""
    out: list[str] = []
    end = line_start - 1
    while len(out) < count and end > 0:
        begin = _line_start(text, end)
        if begin is None:  # a long line above: its last characters end the lines read
            out.append(text[end - _LINE_LOOK:end].strip())
            break
        out.append(text[begin:end].strip())
        end = begin - 1
    return out


def _header_cell(header: str, row: str, sep: str, row_offset: int, index: int) -> str | None:
    """The cell of ``header`` over the time at ``row_offset`` of ``row`` (the ``index``-th of the row).

    ``row_offset`` counts from the line's start; ``row`` is the line stripped.
    """
    cells = _cells(header)
    if sep == "|":
        column = row.count("|", 0, row_offset)
        return cells[column] if column < len(cells) and _TIME_LABEL.match(cells[column]) else None
    labels = [c for c in cells if _TIME_LABEL.match(c)]
    return labels[index] if index < len(labels) else None


def _is_header(line: str) -> bool:
    """True for a table header line: two cells or more, a time label among them, no digits."""
    cells = _cells(line)
    return len(cells) >= 2 and any(_TIME_LABEL.match(c) for c in cells) and not any(ch.isdigit() for ch in line)


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
    line_start = _line_start(text, start)
    line_end = text.find("\n", start, start + _LINE_LOOK)
    if line_start is None or (line_end < 0 and start + _LINE_LOOK < len(text)):
        return None  # a line longer than any table row
    row = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    sep = "|" if "|" in row else " "
    if sep not in row or row.endswith(_SENTENCE_LINE_END):
        return None
    for line in _lines_up(text, line_start, _TABLE_ROWS_UP):
        if not line:
            continue
        if sep not in line or line.endswith(_SENTENCE_LINE_END):  # the line above the block
            heading = len(line) <= _MAX_TABLE_HEADING and not line.endswith(_SENTENCE_LINE_END)
            return line if heading else None
        if _is_header(line):
            return _header_cell(line, row, sep, start - line_start, index)
    return None


# Between two items of a list of days (6日、7日; 15日全天及16日上午: a whole day named as one item).
_LIST_JOIN = re.compile(r"[ ]?(?:全天|全日)?[ ]?[、和及][ ]?")
_OPEN_TAIL = re.compile(r"[ ]?(?:起|开始)?[ ]?,?[ ]?")  # between a point and its open end: 起,至...


class _Segments(NamedTuple):
    """Where an expression's clause lies: the words before it and after it, and its heading."""

    before: str
    after: str
    heading: str
    item: str  # the item line above a clause made of a label alone (1、...业务 over 暂停时间: ...)
    list_last: Resolved | None  # the last day of the list of days this expression opens (7月1日、2日)


_ITEM_LINE = re.compile(r"^[ ]*(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.]|[①-⑩])")
_LABEL_ONLY = re.compile(r"^[^\d,，;；。]{0,10}(?:时间|日期|时段)(?:[ ]?:[ ]?|[ ])$")  # 暂停时间:, or a blank for the colon
_BARE_AFTER = re.compile(r"^[ ]?(?:起|开始)?[ ]?[。;；]?$")
_NEXT_LINE_CUE = 8  # characters of the next line in which its kind cue must start (各项业务恢复)
_BLANK_LINES = 2  # blank lines passed over between a time ending its line and the line of its verb


def _item_line(text: str, start: int, before: str, after: str) -> str:
    """The numbered line above a clause that is a label alone (暂停时间: 2021年12月14日17:30起), else ''."""
    if not _LABEL_ONLY.match(before) or not _BARE_AFTER.match(after):
        return ""
    lines = [ln for ln in _lines_up(text, text.rfind("\n", 0, start) + 1, 3) if ln]
    return lines[0] if lines and _ITEM_LINE.match(lines[0]) else ""


_LINE_LABEL = re.compile(r"时间|日期|时段|[:|]")  # a label line (恢复时间:), not a verb line


def _verb_line(text: str, end: int, line_end: int, after_to: int, bounds: list[int]) -> str | None:
    """The clause of a time that ends its line, read on into the next line when that line opens with a
    kind cue (3月8日8时起 / 恢复办理。; up to two blank lines between are passed over): a poster or a
    reflowed page broke the sentence. Not a list item (二、恢复时间), nor a label line (恢复时间:):
    those start clauses of their own. None otherwise."""
    start = line_end + 1
    for _ in range(_BLANK_LINES):  # a poster may leave a blank line between a time and its verb
        if text.startswith("\n", start):
            start += 1
    k = bisect.bisect_right(bounds, start)
    stop = min((bounds[k] - 1) if k < len(bounds) else len(text), after_to)
    line = text[start:stop]
    if not line.strip() or _ITEM_LINE.match(line) or _LINE_LABEL.search(line):
        return None
    r = time_cues()
    opens = r.cue.search(line, 0, _NEXT_LINE_CUE) or r.normal_again.search(line, 0, _NEXT_LINE_CUE)
    return text[end:stop] if opens is not None else None


def _comma_between(text: str, a: int, b: int, bounds: list[int]) -> int | None:
    """The last comma between two expressions (ending at ``a``, starting at ``b``) of one sentence."""
    same_sentence = bounds[bisect.bisect_right(bounds, b) - 1] <= a
    comma = text.rfind(",", a, b) if b > a and same_sentence else -1
    return comma if comma >= 0 else None


def _segments(text: str, resolved: list[Resolved], i: int, bounds: list[int]) -> _Segments:
    """The clause of the ``i``-th expression: from the previous expression (or the sentence start) to
    the next one (or the sentence end). Between two expressions of one sentence, the words after the
    last comma open the next one's clause (...恢复,异地就医结算10月20日恢复): they are its subject or
    label, not the previous one's."""
    e = resolved[i].expr
    last = i  # an item of a list of days (5月6日、7日暂停) reads the clause after the whole list
    while last + 1 < len(resolved) and _LIST_JOIN.fullmatch(text, resolved[last].expr.end,
                                                             resolved[last + 1].expr.start):
        last += 1
    last_end = resolved[last].expr.end
    before_from, after_to = 0, len(text)
    if i > 0:
        previous_end = resolved[i - 1].expr.end
        comma = _comma_between(text, previous_end, e.start, bounds)
        before_from = previous_end if comma is None else comma + 1
    if last + 1 < len(resolved):
        next_start = resolved[last + 1].expr.start
        comma = _comma_between(text, last_end, next_start, bounds)
        after_to = next_start if comma is None else comma
    s_start = bounds[bisect.bisect_right(bounds, e.start) - 1]
    k = bisect.bisect_right(bounds, last_end)
    s_end = (bounds[k] if k < len(bounds) else len(text) + 1) - 1
    before = text[max(s_start, before_from):e.start]
    after = text[e.end:max(e.end, min(s_end, after_to))]
    if _BARE_AFTER.match(after) and text.startswith("\n", s_end):
        after = _verb_line(text, e.end, s_end, after_to, bounds) or after
    line_start = text.rfind("\n", 0, e.start) + 1
    in_row = sum(1 for x in resolved[:i] if x.expr.start >= line_start)  # times before it on its line
    label = _table_label(text, e.start, in_row)
    heading = label if label is not None else _heading(text, e.start)
    opens = last > i and not (i > 0 and _LIST_JOIN.fullmatch(text, resolved[i - 1].expr.end, e.start))
    return _Segments(before, after, heading, _item_line(text, e.start, before, after),
                     resolved[last] if opens else None)


class _OpenEnd(NamedTuple):
    """The open end of a point (至切换工作结束, 另行通知) and its clause with the words hidden."""

    words: str | None
    masked_after: str


def _open_end(text: str, expr: Expression, after: str) -> _OpenEnd:
    """The open end of a point (a range has none): right after it, else anywhere in its clause.

    ``至新系统上线时止`` says until when, not what happens: it is hidden from the kind cues.
    """
    if expr.right is not None:
        return _OpenEnd(None, after)
    r = time_cues()
    tail = _OPEN_TAIL.match(text, expr.end)
    at = tail.end() if tail else expr.end
    masked = after
    m = r.open_end_right_after.match(text, at)
    if m and m.end() - expr.end <= len(after):
        a, b = m.start() - expr.end, m.end() - expr.end
        masked = after[:a] + " " * (b - a) + after[b:]
    if m is None:
        m = r.open_end_in_clause.search(after)
    return _OpenEnd(m.group().strip(" ,|") if m else None, masked)


def _is_section(before: str, heading: str) -> bool:
    """True when the label or heading introduces THE stop time (一、停机切换时间, 维护时间:).

    时间及范围 / 范围和时间安排 headings list staged stops; they are not THE stop time.
    """
    r = time_cues()
    label = before + "\n" + heading
    return r.section.search(label) is not None and not any(w in label for w in r.not_section_words)


def _names_part(segment: str) -> bool:
    """True when the segment names one part of the business or an online channel."""
    r = time_cues()
    return bool(r.partial.search(segment) or r.online.search(segment))


def _without_labels(segment: str) -> str:
    """The segment with its stop-time labels blanked (停机切换时间: says when, not what stops)."""
    return time_cues().section.sub(lambda m: " " * len(m.group()), segment)


def _is_core(scope: str, seg: _Segments) -> bool:
    """True when the clause stops the core business.

    A stop-time label (一、医保系统停机切换时间(一)...) counts only when the clause's own words name no
    part of the business (暂时关闭...缴费功能 is a partial stop under it); a clause made of a label
    alone reads its item line (1、...参保登记、核定业务 over 暂停时间: ...). A point with nothing before
    it takes the heading's word.
    """
    own = _without_labels(scope)
    if _has_core(own):
        return True
    if own != scope and _has_core(scope) and not _names_part(own + "\n" + seg.item):
        return True  # (with no label blanked, scope is own: no core, as just read)
    return not seg.before.strip(" (),、.") and _has_core(seg.heading) and not _names_part(seg.item)


_SUB_BREAK = re.compile(r"[,;，；]")


def _aftermath(before: str, after: str) -> bool:
    """True when the expression's own sub-clause (no comma between) speaks of crowding after a
    resumption (预计7月10日前后恢复正常秩序); a later sub-clause (7月3日恢复,届时可能出现办理高峰) does not
    make the resumption itself one."""
    own = _SUB_BREAK.split(before)[-1] + _SUB_BREAK.split(after)[0]
    return time_cues().aftermath.search(own) is not None


def _read_clause(text: str, res: Resolved, seg: _Segments) -> TimeClause:
    """What the clause ``seg`` says about the expression ``res``."""
    r = time_cues()
    e = res.expr
    open_end = _open_end(text, e, seg.after)
    period_label = r.period_label.search(seg.before) is not None  # 停机期间(...): a section too
    kind = _kind(e, seg.before, open_end.masked_after, seg.heading, text, period_label)
    both = seg.before + seg.after
    scope = _PARENS.sub("", both)
    core = _is_core(scope, seg)
    province = _province(_PARENS.sub("", seg.before + _stop_part(seg.after)))
    component = _component(seg.before, seg.after, skip_list_items=core and not province)
    if province and r.province_name in scope:
        component = r.province_name
    return TimeClause(
        res=res, kind=kind, before=seg.before, after=seg.after, heading=seg.heading,
        is_estimate=bool(r.estimate.search(both)), component=component, open_end=open_end.words,
        core=core, province=province, section=period_label or _is_section(seg.before, seg.heading),
        switch=bool(r.switch.search(both)),
        partial=kind == "suspension" and not core and _names_part(scope + "\n" + seg.item),
        online=kind == "suspension" and not core and r.online.search(scope) is not None
        and r.counter.search(scope) is None,
        list_last=seg.list_last, aftermath=_aftermath(seg.before, seg.after), superseded=_superseded(text, e),
    )


_SPAN_BEGUN = re.compile(r"[ ]?(?:起|开始)[ ]?,[ ]?")  # between the two points of 18时开始,9时结束


def _span_starts(text: str, clauses: list[TimeClause]) -> None:
    """Give the start of a span written in two sub-clauses (7月1日18时开始,7月3日9时结束,期间暂停服务)
    the stop its end's clause states: the stop words follow the end, not the start."""
    r = time_cues()
    for a, b in zip(clauses, clauses[1:]):
        ea, eb = a.res.expr, b.res.expr
        if a.kind != "other" or ea.right is not None or b.kind != "resume" or eb.right is not None:
            continue
        if not _SPAN_BEGUN.fullmatch(text, ea.end, eb.start) or not r.until_after.match(text, eb.end):
            continue
        if any(r.cue_kind[m.group()] == "suspension" for m in r.cue.finditer(b.after)):
            a.kind, a.core = "suspension", b.core


def read_time_clauses(text: str, resolved: list[Resolved]) -> list[TimeClause]:
    """Read the clause of every resolved expression (kind, estimate, component, scope flags)."""
    bounds = sentence_bounds(text)
    clauses = [_read_clause(text, res, _segments(text, resolved, i, bounds)) for i, res in enumerate(resolved)]
    _span_starts(text, clauses)
    return clauses
