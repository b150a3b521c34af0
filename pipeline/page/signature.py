"""The signature: agency lines over a date at the end of the body (or after 特此公告); it gives
the publisher and the publication date, and its date span is skipped by the time extractor."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import NamedTuple

from .agencies import agency_list, CJK
from .model import CleanPage, TextDate
from .rules import page_rules
from .stamps import CN_DIGIT, written_date


_SIGNATURE_DATE = re.compile(
    rf"""^(?:【[^】]*】)?\s*                                  # an aggregator's 【page title】
        (?:(?P<signer>[\u3400-\u9fff()()、\s]{{2,80}}?)\s*)?  # the signer on the same line
        [(\[]?\s*                                             # (2019年8月14日)
        (?P<date>
          (?P<y>(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}})\s*年\s*     # 2019, 二〇一九
          (?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月\s*  # 8, 十二
          (?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:日|号|(?=\s*[)\]]?\s*$))  # 14日, 14号, 二十五日 (日 dropped at the end)
        )\s*[)\]]?
        (?:\s*(?:星期|周)[一二三四五六日天])?                    # 星期三
        (?:\s*(?:印发|发布|公布|签发))?                       # 2019年8月14日印发
        (?:\s*\([^()\n]{{1,20}}\))?                          # (此件主动公开)
        (?:\s*[^\u3400-\u9fff\d\s][^\u3400-\u9fff]{{0,60}})?\s*$""",
    re.VERBOSE,
)


# A signature date written as a stamp (2021.12.01, 2021-12-01): one only when an agency line stands
# right over it (a bare stamp at the end of a page is often the host's).
# Converter or scraper debris after it (2014.11.24* E `' $) is passed over, as after a written date.
_SIGNATURE_STAMP = re.compile(
    r"^(?P<date>(?P<y>(?:19|20)\d{2})\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2}))"
    r"(?:\s*[^\u3400-\u9fff\d\s.\-/:][^\u3400-\u9fff]{0,60})?\s*$"
)


def read_signature(page: CleanPage) -> str | None:
    """The signature: agency lines over a date line, at the end of the body or right after the
    closing formula (特此公告) when more text follows it; the date span is skipped.

    Returns the signing agencies' names (several joined with 、), also when the publisher was already
    known, or None.
    """
    lines = page.body_text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))  # line starts
    # debris lines (no CJK) aside, but for a stamp-style date (2021.12.01)
    content = [i for i, line in enumerate(lines) if CJK.search(line) or _SIGNATURE_STAMP.match(line.strip())]
    blocks = _signature_blocks(lines, content)
    for n, block in enumerate(blocks):
        for i in reversed(block):
            found = _dated_signature_at(lines, content, i, far=n == len(blocks) - 1)
            if found is not None:
                start = offsets[i] + lines[i].index(found.date["date"])
                return _sign(page, found.date, (start, start + len(found.date["date"])), found.signers)
    return _undated_signature(page, lines, content)


def _signature_blocks(lines: list[str], content: list[int]) -> list[list[int]]:
    """Where a signature may stand, nearest the end first (indexes of lines with content): the last
    lines, the lines after the closing formula when text goes on, the lines over an attachment
    heading, and last the lines further up (see :func:`_dated_signature_at`)."""
    blocks = [content[-_SIGNATURE_LINES:]]  # the last lines with content
    closings = [k for k, i in enumerate(content) if page_rules().closing.match(lines[i].strip())]
    if closings and closings[-1] + _SIGNATURE_LINES < len(content):  # text goes on after 特此公告
        blocks.append(content[closings[-1] + 1:closings[-1] + _SIGNATURE_LINES])
    appended = [k for k, i in enumerate(content) if k and _APPENDED.match(lines[i].strip())]
    if appended:  # an attachment printed after the signature (附件1 / its text)
        blocks.append(content[max(0, appended[0] - _SIGNATURE_LINES):appended[0]])
    # Further up, a date line under an agency line is a signature too (contacts or a list of
    # service points printed after it).
    blocks.append(content[-_SIGNATURE_REACH:-_SIGNATURE_LINES])
    return blocks


class _DatedSignature(NamedTuple):
    """A signature date line and the agency lines that sign with it (the signer on the date's line last)."""

    date: re.Match[str]
    signers: list[str]


def _dated_signature_at(lines: list[str], content: list[int], i: int, far: bool) -> _DatedSignature | None:
    """Line ``i`` as a signature's date line with its signers, or None. ``far``: in the block further
    up, where only an agency line over the date (or a signer on its line) makes it a signature."""
    m = _SIGNATURE_DATE.match(lines[i].strip()) or _stamp_under_agency(lines, content, i)
    signer = m.groupdict().get("signer") if m else None
    if not m or (signer and not agency_list(signer)):
        return None  # 截止日期为2023年6月1日 is none
    above = [lines[j] for j in content if j < i][-MAX_SIGNERS:]
    agency_over = bool(above and agency_list(above[-1]))
    if far and not signer and not agency_over:
        return None
    if not signer and not agency_over:
        above = _signers_below(lines, content, i) or above
    return _DatedSignature(m, above + ([signer] if signer else []))


def _undated_signature(page: CleanPage, lines: list[str], content: list[int]) -> str | None:
    """A signature without a date: agency lines ending the body right after the closing formula
    (特此通知), a finished sentence or a contact line (咨询电话:…); like a dated one, it outranks a ``来源:`` credit.
    Contact lines printed under the signature (咨询电话:…, at most two) and a date without its year
    (6月28日, which gives no publication date) are passed over."""
    content = content[:len(content) - _trailing_contacts(lines, content)]
    if len(content) > 1 and _MONTH_DAY_LINE.match(lines[content[-1]].strip()):
        content = content[:-1]  # 6月28日 under the signer: no year to read, the signer stands
    names: list[str] = []
    for i in reversed(content[-MAX_SIGNERS - 1:]):
        name = agency_list(lines[i])
        if name is None:
            break
        names.insert(0, name)
    if not names or len(names) > MAX_SIGNERS or len(names) >= len(content):
        return None  # none, a list of service points, or nothing but names
    last_sentence = lines[content[-len(names) - 1]].strip()
    if not (page_rules().closing.match(last_sentence) or last_sentence.endswith(_SENTENCE_ENDS) or page_rules().contact_end.search(last_sentence)):
        return None
    name = "、".join(names)
    if page.publisher is None or (page.publisher_evidence or "").startswith("来源:"):
        page.publisher, page.publisher_evidence = name, f"signature:{name}"
    return name


_SENTENCE_ENDS = ("。", "!", "!", "…", ";")


_MONTH_DAY_LINE = re.compile(r"^\d{1,2}\s*月\s*\d{1,2}\s*[日号]$")  # a signature's date without its year


def _trailing_contacts(lines: list[str], content: list[int]) -> int:
    """How many contact lines end the body under a signature: one or two, else none (more is a
    contact list, not a signature's)."""
    rules = page_rules()
    n = 0
    while n < len(content) - 1 and rules.contact_line.match(lines[content[-1 - n]].strip()):
        n += 1
    return n if n <= rules.contact_lines_max else 0



def _signers_below(lines: list[str], content: list[int], i: int) -> list[str]:
    """A signature written date first (``2023年5月6日`` over ``某市医疗保障局``): the agency lines
    after the date line ``i`` when they, and nothing else, end the body."""
    below = [lines[j] for j in content if j > i]
    if 0 < len(below) <= MAX_SIGNERS and all(agency_list(line) for line in below):
        return below
    return []


_SIGNATURE_REACH = 14  # lines with content from the end within which an agency over a date signs


def _stamp_under_agency(lines: list[str], content: list[int], i: int) -> re.Match[str] | None:
    """Line ``i`` as a stamp-style signature date (2021.12.01) when an agency line stands right over it."""
    m = _SIGNATURE_STAMP.match(lines[i].strip())
    before = [j for j in content if j < i]
    return m if m and before and agency_list(lines[before[-1]]) else None


_SIGNATURE_LINES = 4  # lines with content in a signature block (agencies and the date)


_APPENDED = re.compile(r"^附件\s*\d{0,2}\s*[:：]?$")  # the heading of an attachment printed after the notice


MAX_SIGNERS = 3  # agency lines stacked over a signature date (joint issuers)


def _sign(page: CleanPage, m: re.Match[str], span: tuple[int, int], above: list[str]) -> str | None:
    """Read a signature date (``span`` in the body) and the agency lines stacked right over it
    (``above``: the lines with content before it, at most three)."""
    page.skip_spans.append(span)
    when = written_date(m)
    if when is None:
        return None
    if page.published_at is None or _restamped(page, when):
        page.published_at, page.published_evidence = when, m["date"]
        page.published_span = span
    elif page.published_span is None:
        page.text_date = TextDate(when, m["date"], span)
    names: list[str] = []
    for line in reversed(above):  # nearest first
        name = agency_list(line)
        if name is None:
            break
        names.insert(0, name)
    if not names:
        return None
    name = "、".join(names)
    if page.publisher is None or (page.publisher_evidence or "").startswith("来源:"):
        page.publisher, page.publisher_evidence = name, f"signature:{name}"
    return name


_RESTAMP_DAYS = 30  # a page date this long after the notice's signed date is the host's later stamp


def _restamped(page: CleanPage, signed: dt.datetime) -> bool:
    """Whether the page's date (an info line or meta date above the body) is a host's stamp put on
    long after the notice was signed (a page re-published or moved a year later), or a reposting
    page's date after it: the signed date is then the publication date."""
    if page.published_at is None or page.published_span is not None:
        return False
    late = (page.published_at.date() - signed.date()).days
    # A page crediting the text to an issuing body (来源:某市医疗保障局) posted it after it was signed:
    # the signed date is the notice's; a page of the issuer's own (来源:本网, none) keeps its date.
    return late > _RESTAMP_DAYS or (late > 0 and bool(page.sources))
