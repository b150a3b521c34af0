"""Every labeled corpus scores the same when its texts are written the way other copies write them.

For every corpus of ``parity.CORPORA`` and every rewrite of ``rewrites.REWRITES`` (blanks around
numbers, full-width digits, half-width punctuation, numeric dates, clock times, a blank line after
every line, the signer and date on one line, a breadcrumb above, page actions below ...), each
field's score on the rewritten texts must stay within ``parity.TOLERANCE`` of its score on the
texts. A failure lists, per notice, what the rewrite loses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parity import CORPORA, TOLERANCE
from rewrites import REWRITES, measure, rewrite_text


@pytest.mark.parametrize("name", list(REWRITES))
@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_rewritten_texts_score_like_the_texts(corpus, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if why := corpus.missing():
        pytest.skip(f"corpus {corpus.name} not here: {why}")
    p = measure(corpus, name, tmp_path)
    assert p.notices > 0, f"no labeled notice in {corpus.gold}"
    lost = "\n".join(f"  {notice}: " + "; ".join(lines) for notice, lines in sorted(p.lost().items()))
    assert not p.gaps(TOLERANCE), f"{corpus.name} rewritten {name}: " + "; ".join(p.gaps()) + "\n" + lost


REWRITE_CASES = [
    # (rewrite, text, title kept, rewritten)
    pytest.param("spaced_numbers", "通知\n2031年1月2日8时30分起暂停", "通知", "通知\n 2031 年 1 月 2 日 8 时 30 分起暂停", id="spaced"),
    pytest.param("dotted_dates", "2031年1月2日起暂停\n2031年1月2日 8:00起暂停\n2031年1月2日8时起", "2031年1月2日起暂停",
                 "2031年1月2日起暂停\n2031.1.2 8:00起暂停\n2031.1.2 8时起", id="numeric-dates-keep-the-title-line"),
    pytest.param("dashed_dates", "题目\n截至2031年1月2日\n2、下一项", "题目", "题目\n截至2031-1-2\n2、下一项", id="no-line-joined"),
    pytest.param("signature_on_one_line", "正文。\n某市医疗保障局\n2031年1月2日", None, "正文。\n某市医疗保障局 2031年1月2日\n",
                 id="signer-and-date"),
    pytest.param("clock_times", "8时30分起", None, "8:30起", id="clock"),
    pytest.param("chinese_numeral_dates", "2031年10月21日18时30分起", None, "二〇三一年十月二十一日十八时三十分起", id="chinese-numerals"),
    pytest.param("weekdays", "2031年10月21日起,2031年10月22日(星期三)止", None, "2031年10月21日(星期二)起,2031年10月22日(星期三)止",
                 id="weekday-added-where-missing"),
    pytest.param("twelve_hour_clock", "21日17时至22日8点", None, "21日下午5时至22日上午8点", id="twelve-hour-clock"),
]


@pytest.mark.parametrize(("name", "text", "title", "expected"), REWRITE_CASES)
def test_rewrites_change_only_their_form(name: str, text: str, title: str | None, expected: str) -> None:
    assert rewrite_text(name, text, {"title": title}) == expected
