"""A news dateline (``东南网12月22日讯``) or a lead's bare date (``29日,记者从…获悉``) opening the body:
the publication date when no other is known, its year completed from the text."""

from __future__ import annotations

import datetime as dt
import re

from ..records import TZ
from .model import CleanPage, TextDate
from .rules import page_rules
from .stamps import CN_DIGIT, cn_number


def read_dateline(page: CleanPage) -> None:
    """A news dateline opening the body (``12月30日:``, ``东南网12月22日讯``) is the publication stamp:
    its span is skipped, and it gives the date when no other is known (year from the text). A lead
    sentence's bare date (``29日,记者从…获悉``) gives it too, then only when no other is known."""
    r = page_rules()
    start = _first_line_start(page)
    end = page.body_text.find("\n", start)
    line = page.body_text[start:] if end < 0 else page.body_text[start:end]
    m = r.dateline.match(line)
    if m:
        page.skip_spans.append((start + m.start("m"), start + m.end("d") + 1))
    else:
        if len(line) < _LEAD_MIN and end >= 0:  # a caption such as (资料图) over the lead
            start = end + 1
            while page.body_text.startswith("\n", start):
                start += 1
            end = page.body_text.find("\n", start)
            line = page.body_text[start:] if end < 0 else page.body_text[start:end]
        m = r.lead_date.match(line)
        if not m:
            return
    if page.published_at is not None and (page.published_span is not None or page.text_date is not None):
        return
    when = _lead_when(page.body_text, start, m)
    if when is None:
        return
    span = (start + m.start(), start + m.end())
    if page.published_at is not None:  # a page stamp above the body: the lead's date stands by
        page.text_date = TextDate(when, m.group(0), span)
        return
    if m.re is r.lead_date:
        page.skip_spans.append((start + m.start(), start + m.end("d") + 1))
    page.published_at, page.published_evidence = when, m.group(0)
    page.published_span = span


def _lead_when(body: str, start: int, m: re.Match[str]) -> dt.datetime | None:
    """The date of a dateline or lead match: in full when it states its year (2021年3月5日,…发布),
    else completed from the text (see :func:`_date_from_text`)."""
    if m.groupdict().get("y"):
        try:
            return dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=TZ)
        except ValueError:
            return None
    return _date_from_text(body, start + m.end(), m["m"], m["d"])


_LEAD_MIN = 10  # characters of a first body line that can be a lead; a shorter one is a caption


def _first_line_start(page: CleanPage) -> int:
    """Where the first body line under the title (or the body's first line) starts."""
    body = page.body_text
    if not page.title:
        return 0
    start = body.find("\n") + 1
    while start and start < len(body) and body[start] == "\n":
        start += 1
    return start if start else len(body)


# A date stating its year: 2023年1月(31日), with numbers only (2023.1.31, 2023-01-31, 2023/1/31) or
# in Chinese numerals (二〇二三年一月三十一日).
_FULL_MONTH = re.compile(rf"""(?<![\d.{CN_DIGIT}])(?P<y>(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}})
    (?: \s*年\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月(?:\s*(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日)?
      | (?P<sep>[-/.])(?P<nm>\d{{1,2}})(?P=sep)(?P<nd>\d{{1,2}})(?!\d|\.\d)
    )""", re.VERBOSE)


def _date_from_text(body: str, pos: int, month: str | None, day: str) -> dt.datetime | None:
    """The date of a dateline or lead: its year (and month, when it states none) from the first full
    date after ``pos``, which it precedes: a bare day later than that date's day falls in the month
    before, a month later than that date's month in the year before (12月28日 … 2023年1月2日)."""
    full = _FULL_MONTH.search(body, pos)
    if not full:
        return None
    full_year, full_month = cn_number(full["y"]), cn_number(full["m"] or full["nm"])
    full_day = cn_number(full["d"] or full["nd"]) if (full["d"] or full["nd"]) else None
    if full_year is None or full_month is None:
        return None
    year, mon = full_year, int(month) if month else full_month
    if month is None and full_day and int(day) > full_day:
        year, mon = (year, mon - 1) if mon > 1 else (year - 1, 12)
    elif month is not None and mon > full_month:
        year -= 1
    try:
        return dt.datetime(year, mon, int(day), tzinfo=TZ)
    except ValueError:
        return None
