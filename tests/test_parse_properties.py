"""Whole-document properties of ``parse_document`` on generated notices (hypothesis, bounded).

Whatever a page says, parsing it never raises anything but :class:`Rejected` (a reason code); a
notice's rows fit the tables' schema, every span slices to its evidence, and no control character
but a line break or a tab reaches ``body_text``. The generated notices mix lines a real page has
(titles, info lines with 来源/作者/发布时间, stops with dates and times, phone lines, services, a
signature) with chrome, brackets, stray numbers and control characters, as text and as HTML.
"""

from __future__ import annotations

import html
import re

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import Rejected
from pipeline.parse import parse_document
from pipeline.records import RawDocument
from pipeline.store import _check_rows, notice_rows

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

DATES = st.sampled_from(hostile.DATES)
NUMBERS = st.sampled_from(hostile.NUMBERS)
WORDS = st.sampled_from(hostile.WORDS)
CONTROLS = st.sampled_from(hostile.CONTROLS)
PIECE = st.one_of(*[WORDS] * 9, DATES, DATES, NUMBERS, NUMBERS, CONTROLS)  # controls rare (see hostile.random_notice)
LINE = st.lists(PIECE, min_size=0, max_size=14).map("".join)
INFO_LINE = st.tuples(st.sampled_from(hostile.INFO_LABELS),
                      st.one_of(DATES, WORDS, st.just("")), st.one_of(DATES, WORDS, st.just(""))).map("".join)
NOTICE_LINES = st.lists(st.one_of(LINE, LINE, INFO_LINE), min_size=1, max_size=25)
BOUNDED = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_html(lines: list[str]) -> str:
    title = html.escape(lines[0])
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><div class='nav'>首页 &gt; 通知公告</div><div id='zoom'><h1>{title}</h1>{body}</div></body></html>")


def _check(data: bytes, suffix: str) -> None:
    doc = RawDocument(source=f"generated{suffix}", data=data, source_path=f"generated{suffix}")
    try:
        notice = parse_document(doc)
    except Rejected:
        return  # refused with a reason code: fine
    body = notice.body_text
    assert not _CONTROL.search(body), repr(_CONTROL.search(body))
    for table, rows in notice_rows(notice).items():
        _check_rows(table, rows)  # the schema, closed value sets, span/evidence lengths, start <= end
    for item in [*notice.windows, *notice.services, *notice.contacts]:
        assert 0 <= item.span_start <= item.span_end <= len(body)
        assert body[item.span_start:item.span_end] == item.evidence


@BOUNDED
@given(lines=NOTICE_LINES)
def test_generated_text_notice_never_raises(lines: list[str]) -> None:
    _check("\n".join(lines).encode("utf-8"), ".txt")


@BOUNDED
@given(lines=NOTICE_LINES)
def test_generated_html_notice_never_raises(lines: list[str]) -> None:
    _check(as_html(lines).encode("utf-8"), ".html")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(("关于系统升级停机的公告\n" + text).encode("utf-8"), ".txt")


HEAD = "关于医保信息系统升级停机的公告\n"
STOP = "因系统升级,2021年10月20日18时至10月22日8时暂停医保结算业务。咨询电话:0350-3032798\n"


@pytest.mark.parametrize("info", [
    "来源:2021-10-20 10:05", "作者:2021-10-20 10:05", "来源:2021-10-20", "来源: 2021年10月20日 作者:",
    "来源:", "作者: ", "来源:  2021-10-20 10:05 作者:2021-10-20", "来源:10:05",
])
def test_a_source_or_author_value_opening_with_a_date_is_no_error(info: str) -> None:
    """``来源:2021-10-20 10:05`` raised IndexError in the info-line reader: the notice was lost."""
    notice = parse_document(RawDocument(source="x.txt", data=(HEAD + info + "\n" + STOP).encode(), source_path="x.txt"))
    assert notice.is_outage_notice
    assert notice.publisher is None or not notice.publisher[0].isdigit()


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_control_characters_after_the_first_8_kib_never_reach_the_body(control: str) -> None:
    filler = "本次升级涉及的业务说明。\n" * 1200  # ~14 KB of UTF-8 before the control characters
    text = HEAD + STOP + filler + f"停{control}机{control * 3}结束\n"
    assert len(text.encode("utf-8")) > 8192
    notice = parse_document(RawDocument(source="x.txt", data=text.encode("utf-8"), source_path="x.txt"))
    assert not _CONTROL.search(notice.body_text)
    assert "停机结束" in notice.body_text or "停\n机" in notice.body_text
