"""Properties of the temporal extractor on random and mutated notice text (hypothesis, bounded).

Whatever the text: no exception, every span inside the text, ``evidence == text[span]``,
``start <= end`` when both exist, tz-aware datetimes, allowed kinds and precisions, at most one
downtime row (none when ``outage`` is False).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.records import PRECISIONS, TZ, WINDOW_KINDS, TimeWindow
from pipeline.times import extract_windows

from corpora import labeled_text_paths

NOTICES = [normalize_text(p.read_text(encoding="utf-8")) for p in labeled_text_paths() if p.suffix == ".txt"]

# Pieces that stress the grammar: units, connectors, numerals, cue words, brackets, digits.
PIECES = ["年", "月", "日", "号", "时", "点", "分", "半", ":", "至", "到", "—", "-", "~", "起", "前", "止",
          "(星期五)", "(周一)", "上午", "下午", "凌晨", "晚上", "今天", "次日", "明日", "零时", "24时",
          "二〇二一", "十二", "三十一", "2021", "12", "31", "0", "00", "18:00", "暂停", "恢复", "上线",
          "截至", "预计", "停机时间:", "一、", "(一)", "\n", ",", "。", ";", "〔2020〕", "221.67元",
          "http://a.cn/2021/10/11/", "除", "外", "异地就医", "所有业务", " "]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PUBLISHED = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31))
                      .map(lambda d: d.replace(tzinfo=TZ)))


def check(text: str, rows: list[TimeWindow], outage: bool) -> None:
    """The invariants every result must hold."""
    downs = [w for w in rows if w.kind == "downtime"]
    assert len(downs) <= (1 if outage else 0)
    for w in rows:
        assert w.kind in WINDOW_KINDS
        assert 0 <= w.span_start <= w.span_end <= len(text)
        assert w.evidence == text[w.span_start:w.span_end]
        assert w.start is not None or w.end is not None
        for value, precision in ((w.start, w.start_precision), (w.end, w.end_precision)):
            if value is None:
                assert precision is None
            else:
                assert value.tzinfo is not None and precision in PRECISIONS
        if w.start is not None and w.end is not None:
            assert w.start <= w.end


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), PUBLISHED, st.booleans())
def test_random_pieces(text: str, published: dt.datetime | None, outage: bool) -> None:
    check(text, extract_windows(text, published, outage=outage), outage)


@SETTINGS
@given(st.text(max_size=200), PUBLISHED)
def test_arbitrary_unicode(text: str, published: dt.datetime | None) -> None:
    check(text, extract_windows(text, published), True)


@SETTINGS
@given(st.sampled_from(NOTICES), st.integers(min_value=0), st.integers(min_value=0, max_value=60),
       st.lists(st.sampled_from(PIECES), max_size=6).map("".join), PUBLISHED)
def test_mutated_notices(notice: str, at: int, cut: int, insert: str, published: dt.datetime | None) -> None:
    """A real notice with a slice replaced by grammar pieces."""
    at %= len(notice) + 1
    text = notice[:at] + insert + notice[at + cut:]
    check(text, extract_windows(text, published), True)


@SETTINGS
@given(st.sampled_from(NOTICES), st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=40)),
                                          max_size=3))
def test_skip_spans_anywhere(notice: str, spans: list[tuple[int, int]]) -> None:
    """Arbitrary skip spans (even past the end) never break the result, and are honoured."""
    skip = [(a % (len(notice) + 1), a % (len(notice) + 1) + n) for a, n in spans]
    rows = extract_windows(notice, None, skip=skip)
    check(notice, rows, True)
    for w in rows:
        if w.kind != "downtime":
            assert not any(w.span_start < b and a < w.span_end for a, b in skip)
