"""Text normalization: what changes, and that it is idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import compact, normalize_text

CASES = [
    pytest.param("２０２１年１０月２１日１８：００", "2021年10月21日18:00", id="full-width-digits-colon"),
    pytest.param("（一）停机时间，", "(一)停机时间,", id="full-width-brackets-comma"),
    pytest.param("關(guān)于長沙市醫(yī)療保障", "关于长沙市医疗保障", id="pinyin-debris-traditional"),
    pytest.param("系統(tǒng)停機", "系统停机", id="pinyin-debris-two-syllables"),
    pytest.param("(ITS)税务系统", "(ITS)税务系统", id="ascii-abbreviation-kept"),
    # bugs caught: stacked debris of a text converted twice came off one group per pass
    pytest.param("醫(yī)(yī)療(liáo)", "医疗", id="pinyin-debris-stacked"),
    pytest.param("系统(ITS)(xì)", "系统(ITS)(xì)", id="group-after-abbreviation-kept"),
    pytest.param("中(zhōng)(ITS)(ā)", "中(ITS)(ā)", id="stack-stops-at-abbreviation"),
    pytest.param("醫療保險業務範圍", "医疗保险业务范围", id="traditional-to-simplified"),
    pytest.param("2021 年12 月 31日", "2021年12月31日", id="stray-spaces-in-date"),
    pytest.param("于 11月8日8:00 在", "于 11月8日8:00 在", id="spaces-around-date-kept"),
    pytest.param("8 :00 至 9: 30", "8:00 至 9:30", id="spaces-in-clock"),
    # Found by rewriting labelled texts with blanks around every number (tests/rewrites.py)
    pytest.param("31 日 20 时 30 分", "31日20时30分", id="spaces-between-day-hour-minute"),
    pytest.param("下午 5 时至晚上 8 点", "下午5时至晚上8点", id="spaces-after-a-part-of-day"),
    pytest.param("凌晨 0:00", "凌晨0:00", id="variant-spaces-before-a-clock"),
    pytest.param("上午 12345 热线", "上午 12345 热线", id="near-miss-a-number-after-a-part-of-day"),
    pytest.param("1月5日 10个工作日内", "1月5日 10个工作日内", id="near-miss-a-count-after-a-day"),
    pytest.param("a\u3000b\u00a0c\u200bd", "a b cd", id="odd-spaces-and-zero-width"),
    pytest.param("\t \n\t  一、时间\n\n\n\n二、范围  ", "一、时间\n\n二、范围", id="blank-lines-and-tabs"),
    pytest.param("忻州市医保中心    0350-3032798综合科", "忻州市医保中心 0350-3032798综合科", id="layout-blanks-to-one"),
    pytest.param("第一行\r\n第二行", "第一行\n第二行", id="crlf"),
    # a blank line after every line sets nothing apart: read single-spaced (tests/rewrites.py)
    pytest.param("某市医疗保障局\n\n关于系统\n\n停机的通告\n\n正文。", "某市医疗保障局\n关于系统\n停机的通告\n正文。", id="double-spaced-text"),
    pytest.param("某市医疗保障局\n\n关于系统停机的通告\n正文。\n\n特此通告。", "某市医疗保障局\n\n关于系统停机的通告\n正文。\n\n特此通告。",
                 id="near-miss-some-blank-lines-set-lines-apart"),
    pytest.param("标题\n\n正文。\n\n完", "标题\n\n正文。\n\n完", id="near-miss-three-lines-stay-as-they-are"),
    # a post's symbol before a list number (tests/rewrites.py symbol_bullets)
    pytest.param("● 一、暂停时间\n▶ 1.门诊结算;\n● ● (二)恢复时间", "一、暂停时间\n1.门诊结算;\n(二)恢复时间", id="bullets-before-list-numbers"),
    pytest.param("● 温馨提示\n★重要", "● 温馨提示\n★重要", id="near-miss-a-bullet-before-words-stays"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("關于醫(yī)療 年月日时0123456789:：，。\n\t（）ABCāé")), max_size=80))
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["醫", "關", "a", "(", ")", "(ā)", "(yī)", "(ab)", "(ITS)", " ", "\n", "（", "）"]),
                max_size=20).map("".join))
def test_idempotent_on_bracket_stacks(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_compact_ignores_blanks_and_punctuation() -> None:
    assert compact("忻州市医疗保障局 关于…停机公告!") == compact("忻州市醫療保障局關于停機公告")
    assert compact(None) == ""
