"""Properties of the services extractor on generated text (hypothesis, bounded).

Whatever the text: no exception, every span points at its evidence, every code, action and
audience comes from the allowed sets, the output is deterministic, and attaching facts to any
windows keeps window services within the taxonomy. Texts are built from the extractor's own cue
words mixed with punctuation, digits, item markers and noise, so the rules actually fire.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.records import AUDIENCES, SERVICE_ACTIONS, TZ, WINDOW_KINDS, ServiceFact, TimeWindow
from pipeline.ruledata import RulesError
from pipeline.ruledata import service_codes
from pipeline.services.rules import service_rules
from pipeline.services import attach_services, extract_services

CUE_WORDS = [
    "暂停", "停止", "停办", "无法", "不能", "恢复", "上线", "启用", "先行垫付", "自费", "提前", "前", "截至", "待系统恢复后",
    "不受影响", "正常办理", "预受理", "除", "外", "仅限", "限制", "参保人员", "参保单位", "定点医药机构", "经办机构",
    "医保业务", "所有业务", "联网结算", "刷卡", "住院", "门诊", "购药", "药店", "异地就医", "备案", "异地就医备案",
    "缴费", "征缴", "参保登记", "转移接续", "生育保险", "个人账户", "网厅", "APP", "小程序", "手工报销", "对账",
    "支付确认", "期间", "时间", "线上线下", "为确保", "否则", "《", "》", "【", "】", "支付端",
]
GLUE = [",", "、", "。", ";", ":", "(", ")", "\n", " ", "1.", "(一)", "一、", "18:00", "9月30日", "2021年", "?!", "的", "等"]

cue_text = st.lists(st.sampled_from(CUE_WORDS + GLUE), min_size=0, max_size=40).map("".join)
noise_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=200)
any_text = st.one_of(cue_text, noise_text, st.tuples(cue_text, noise_text, cue_text).map("".join))

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(text: str, facts: list[ServiceFact]) -> None:
    for f in facts:
        assert 0 <= f.span_start < f.span_end <= len(text)
        assert f.evidence == text[f.span_start:f.span_end]
        assert f.service in service_codes()
        assert f.action in SERVICE_ACTIONS
        assert f.audience is None or f.audience in AUDIENCES
        assert f.instruction is None or f.action in ("workaround", "deadline")


@FAST
@given(any_text)
def test_never_raises_and_spans_are_valid(text: str) -> None:
    _valid(text, extract_services(text, []))


@FAST
@given(cue_text)
def test_deterministic(text: str) -> None:
    assert extract_services(text, []) == extract_services(text, [])


@st.composite
def text_and_windows(draw: st.DrawFn) -> tuple[str, list[TimeWindow]]:
    text = draw(cue_text)
    windows = []
    for _ in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, max(0, len(text) - 1)))
        e = draw(st.integers(s, len(text)))
        start = draw(st.one_of(st.none(), st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2024, 1, 1))))
        end = draw(st.one_of(st.none(), st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2024, 1, 1))))
        windows.append(TimeWindow(
            kind=draw(st.sampled_from(WINDOW_KINDS)),
            start=start.replace(tzinfo=TZ) if start else None,
            end=end.replace(tzinfo=TZ) if end else None,
            start_precision="minute" if start else None,
            end_precision="minute" if end else None,
            span_start=s,
            span_end=e,
            evidence=text[s:e],
            component=draw(st.sampled_from([None, "支付端", "中心端"])),
        ))
    return text, sorted(windows, key=lambda w: w.span_start)


@FAST
@given(text_and_windows())
def test_windows_never_break_it(case: tuple[str, list[TimeWindow]]) -> None:
    text, windows = case
    facts = extract_services(text, windows)
    _valid(text, facts)
    stamps = {w.start for w in windows} | {w.end for w in windows} | {None}
    assert all(f.start in stamps and f.end in stamps for f in facts), "times come from the windows"
    attach_services(windows, facts)
    codes = {f.service for f in facts}
    for w in windows:
        assert set(w.services) <= codes
        assert len(w.services) == len(set(w.services))


def test_rules_compile_and_cover_the_taxonomy() -> None:
    rules = service_rules()
    named = {code for cue in rules.objects for code in cue.codes}
    assert set(service_codes()) - {"general"} <= named
    assert rules.general, "generic stops are listed"
    assert {a.action for a in rules.actions} >= {*SERVICE_ACTIONS, "open"} - {"workaround"}


def test_a_bad_rules_entry_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.services import rules as module

    good = module.load_yaml("services.yaml")
    actions = module.load_yaml("service_actions.yaml")
    bad = dict(good, compounds=[{"pattern": "([unclosed", "codes": ["filing"]}])
    monkeypatch.setattr(module, "load_yaml", lambda name: bad if name == "services.yaml" else actions)
    with pytest.raises(RulesError, match="bad regex"):
        module.service_rules.__wrapped__()
    bad = dict(good, compounds=[{"pattern": "x", "codes": ["not_a_code"]}])
    with pytest.raises(RulesError, match="service codes"):
        module.service_rules.__wrapped__()
