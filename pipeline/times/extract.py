"""Temporal extraction: every time expression of a notice as a window, plus its headline downtime.

Pipeline: :func:`pipeline.times.grammar.scan` finds points and ranges, :mod:`pipeline.times.resolve`
fills years and relative days, :mod:`pipeline.times.clauses` reads each clause (kind, estimate,
component), :mod:`pipeline.times.downtime` picks the downtime. Cue words live in ``rules/time_cues.yaml``.

Row conventions:

* a point has ``start`` set and ``end`` None, EXCEPT a deadline (``10月11日前``, ``截至...``, ``延长至...``):
  its moment is the end of the allowed period, so it goes in ``end`` and ``start`` is None;
* a range has both ends (``start <= end``); an open end (``起至切换工作结束``, ``另行通知``) leaves
  ``end`` None and keeps the words in ``open_end``; a range whose left side cannot be anchored
  (``今天0时至10月30日24时`` with no publication date) keeps only its ``end``;
* a relative day that cannot be anchored gives no row; neither does an expression inside ``skip``
  or inside a detected publication stamp (:func:`stamp_spans`), though those dates still give
  years to the rest of the text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence

from ..records import TimeWindow
from .clauses import TimeClause, read_time_clauses
from .cues import time_cues
from .downtime import choose_downtime
from .grammar import POSTER_CLOCK, scan
from .resolve import resolve_all

__all__ = ["extract_windows", "stamp_spans"]

log = logging.getLogger(__name__)

_CN_YEAR, _CN_NUM = "[〇零○一二三四五六七八九]{4}", "[一二三四五六七八九十]{1,3}"
_FULL_DATE_TEXT = (r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"            # 2023年12月25日
                   r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"          # 2023-12-25, 2023.12.25
                   rf"|{_CN_YEAR}年{_CN_NUM}月{_CN_NUM}日)")              # 二〇二三年十二月二十五日
# A signature date: a line holding only a full date, maybe after a 【title】 repeat (nanchang).
_SIGNATURE = re.compile(
    rf"""^[ \t]*
        (?:【[^】\n]{{0,80}}】)?[ \t]*      # an aggregator's bracketed title glued before the date
        (?P<date>{_FULL_DATE_TEXT})        # the date itself, no clock
        [ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)
# A leading item stamp: the text opens with a date and a colon (12月30日:因医保信息系统...).
# A page's own stamp after its label (发布日期:2021-12-28 09:30, 发布时间:2021年12月28日).
_PAGE_STAMP = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:[ ]?\d{1,2}:\d{2}(?::\d{2})?)?")


_LEADING_STAMP = re.compile(
    r"""\A[ \t\n]*
        (?P<date>(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号])   # 12月30日 (12月30号) or 2015年12月30日
        [ \t]*:""",
    re.VERBOSE,
)
# Addresses and file names hold digit runs that look like dates (/2021/10/11/, 图片_20210315.png).
_URL = re.compile(r"(?:https?://|www\.)[^\s,，。;；)）\"'<>]+", re.IGNORECASE)
_FILE_EXT = re.compile(r"\.(?:png|jpe?g|gif|bmp|pdf|docx?|xlsx?|wps|zip|rar|html?)\b", re.IGNORECASE)
_FILE_NAME_CHAR = re.compile(r"[\w.\-]")
_MAX_FILE_NAME = 80  # characters searched back from an extension


def _not_text_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and file names (searched back from the extension: no regex backtracking)."""
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    for m in _FILE_EXT.finditer(text):
        start = m.start()
        while start > max(0, m.start() - _MAX_FILE_NAME) and _FILE_NAME_CHAR.match(text[start - 1]):
            start -= 1
        spans.append((start, m.end()))
    return spans


_SIGNATURE_TAIL_LINES = 6  # a signature date sits among the last lines, or under an issuer line


_POSTER_CLOCK_LINE = re.compile(POSTER_CLOCK)


def stamp_spans(text: str) -> list[tuple[int, int]]:
    """Spans of publication stamps in ``text``: the signature date, a leading ``12月30日:`` and a
    page's labelled stamp run into the text (``发布日期:2021-12-28``).

    A signature date is a line holding only a full date (no clock; digits or Chinese numerals as in
    ``二〇二三年十二月二十五日``), either among the last few non-empty lines or right under a line
    naming an issuer (``...医疗保障局``; endings in ``rules/time_cues.yaml``), unless the next line
    opens with its clock (a poster: ``2031年12月20日`` then ``18:00``). These dates are
    the publication, not facts of the notice; the gold leaves them out of ``datetimes``.
    """
    spans: list[tuple[int, int]] = []
    m = _LEADING_STAMP.match(text)
    if m:
        spans.append((m.start("date"), m.end("date")))
    for label in time_cues().stamp_label.finditer(text):  # 发布日期:2021-12-28 run into the text
        stamp = _PAGE_STAMP.match(text, label.end())
        if stamp:
            spans.append(stamp.span())
    lines: list[tuple[int, str]] = []  # (offset, line) of the non-blank lines
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    tail_from = lines[-_SIGNATURE_TAIL_LINES][0] if len(lines) >= _SIGNATURE_TAIL_LINES else 0
    issuer_endings = time_cues().issuer_endings
    previous = ""
    for start, line in lines:
        sm = _SIGNATURE.match(line)
        if sm and (start >= tail_from or previous.strip().endswith(issuer_endings)) and \
                not _POSTER_CLOCK_LINE.match(text, start + len(line) + 1):
            spans.append((start + sm.start("date"), start + sm.end("date")))
        previous = line
    return spans


def _overlaps(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _unanchored_bare(c: TimeClause) -> bool:
    """True for a day written alone (当日, 15日) that nothing before it dates: it is no time at all,
    unlike 今天0时 without a publication date, which still marks the stop."""
    left = c.res.expr.left
    return c.res.start is None and c.res.end is None and (left.bare or left.bare_day)


def _restates(c: TimeClause) -> bool:
    """True for a bare 当日/当天 that names the day of the date before it (3月29日15:00前完成当日的
    业务): it reads in the clause, but is no point of its own."""
    left = c.res.expr.left
    return left.bare and left.rel_to_previous and not left.rel_offset and c.res.expr.right is None


def _row(text: str, c: TimeClause) -> TimeWindow | None:
    """The window of one read expression; None when it cannot be anchored in time."""
    e, res = c.res.expr, c.res
    if res.start is None and res.end is None:
        log.debug("unanchored time expression %r", text[e.start:e.end])
        return None
    start, end, sp, ep = res.start, res.end, res.start_precision, res.end_precision
    if c.kind == "deadline" and e.right is None:
        start, end, sp, ep = None, start, None, sp  # a deadline ends the allowed period
    return TimeWindow(
        kind=c.kind, start=start, end=end, start_precision=sp, end_precision=ep,
        span_start=e.start, span_end=e.end, evidence=text[e.start:e.end],
        is_estimate=c.is_estimate, component=c.component, services=[],
        open_end=c.open_end if end is None else None,
    )


def extract_windows(text: str, published: dt.datetime | None = None, *, outage: bool = True,
                    skip: Sequence[tuple[int, int]] = (), detect_stamps: bool = True) -> list[TimeWindow]:
    """Every time expression of ``text`` as a window, plus the headline downtime when ``outage``.

    ``text`` is the normalized body (title line first). ``published`` (tz-aware or None) anchors
    relative days (今天, 明日) and years when the text has no full date. Expressions inside ``skip``
    (and, with ``detect_stamps``, inside :func:`stamp_spans`) give no row but still lend their year.
    Rows are in text order; the ``downtime`` row, if any, comes last. Never raises on odd text.
    """
    if not text:
        return []
    spans = list(skip) + (stamp_spans(text) if detect_stamps else []) + _not_text_spans(text)
    clauses = read_time_clauses(text, resolve_all(text, scan(text), published))
    # Expressions inside a stamp, a URL or ``skip``: no row, and no say in the downtime either.
    kept = [c for c in clauses if not _overlaps(c.res.expr.start, c.res.expr.end, spans) and not _unanchored_bare(c)]
    rows = [row for c in kept if not _restates(c) and (row := _row(text, c)) is not None]
    if outage:
        # Stamps are not facts of the notice; unanchored expressions still count (xiamen 今天0时).
        downtime = choose_downtime(text, kept)
        if downtime is not None:
            rows.append(downtime)
    return rows

