"""Plausibility flags (``pipeline/flags.py``, ``rules/flags.yaml``): one case table per flag.

Notices are built by hand (texts written for these tests) so that each row shows exactly what
trips a flag and what must not. The parse and write path, and the rules file's checks on load,
are at the end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from pipeline.durations import duration_hours
from pipeline.flags import check_notice, flag_info, flag_rules, notice_flags
from pipeline.records import TZ, Contact, Notice, TimeWindow
from pipeline.ruledata import RulesError

SIGNED = "特此公告。\n某某市医疗保障局\n2021年10月11日"
# A body long enough to be a notice (short_body counts what stands beside the title).
BODY = ("为做好医保信息系统切换工作,全市医保业务暂停办理。暂停期间参保人员在定点医疗机构发生的费用先行垫付,"
        "系统恢复后再办理报销;请各参保单位提前完成缴费,由此带来的不便敬请谅解。")


def t(text: str) -> dt.datetime:
    """'2021-10-21 18:00' or '2021-10-21' in Asia/Shanghai."""
    fmt = "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d"
    return dt.datetime.strptime(text, fmt).replace(tzinfo=TZ)


def win(kind: str, start: str | None, end: str | None, precision: str = "minute", evidence: str = "某时至某时") -> TimeWindow:
    """A window; ``precision`` applies to both ends (``day`` for bare dates)."""
    return TimeWindow(
        kind=kind,
        start=t(start) if start else None,
        end=t(end) if end else None,
        start_precision=precision if start else None,
        end_precision=precision if end else None,
        span_start=0,
        span_end=len(evidence),
        evidence=evidence,
    )


def notice(**kw: Any) -> Notice:
    """A clean outage notice of 忻州市 (no flag), with ``kw`` replacing its fields."""
    base: dict[str, Any] = {
        "notice_id": "n1",
        "url": "http://ybj.example.gov.cn/a.html",
        "source_path": None,
        "site": "ybj.example.gov.cn",
        "title": "忻州市医疗保障局关于医保信息系统切换暂停业务的公告",
        "publisher": "忻州市医疗保障局",
        "published_at": t("2021-10-11"),
        "province": "山西省",
        "city": "忻州市",
        "adcode": "140900",
        "domain": "medical_insurance",
        "is_outage_notice": True,
        "body_text": "忻州市医疗保障局关于医保信息系统切换暂停业务的公告\n" + BODY + "\n" + SIGNED,
        "parser_version": "test",
        "windows": [win("downtime", "2021-10-21 18:00", "2021-10-31 22:00")],
    }
    base.update(kw)
    return Notice(**base)


def landline(phone: str, evidence: str) -> Contact:
    return Contact(phone=phone, phone_e164=None, kind="landline", span_start=0, span_end=len(evidence), evidence=evidence)


def codes(n: Notice) -> list[str]:
    return notice_flags(n)


def test_a_clean_notice_raises_nothing() -> None:
    assert codes(notice()) == []


# --- one table per flag: (notice, raised?) --------------------------------------------------------

CASES: dict[str, list[Any]] = {
    "no_downtime": [
        pytest.param(notice(windows=[]), True, id="no-window"),
        pytest.param(notice(windows=[win("downtime", None, None)]), True, id="downtime-without-dates"),
        pytest.param(notice(windows=[win("downtime", None, "2021-10-31 22:00")]), False, id="end-only-is-a-downtime"),
        pytest.param(notice(windows=[], is_outage_notice=False), False, id="not-an-outage-notice"),
    ],
    "long_downtime": [
        pytest.param(notice(windows=[win("downtime", "2021-10-01", "2021-12-15", "day")]), True, id="76-days"),
        pytest.param(notice(windows=[win("downtime", "2021-10-01", "2021-11-29", "day")]), False, id="60-days-whole-days"),
        pytest.param(notice(windows=[win("downtime", "2021-10-01", "2021-11-30", "day")]), True, id="61-days-whole-days"),
        pytest.param(notice(windows=[win("downtime", "2021-10-01", None)]), False, id="open-end"),
    ],
    "end_before_start": [
        pytest.param(notice(windows=[win("downtime", "2021-10-21 18:00", "2021-10-20 08:00")]), True, id="downtime"),
        pytest.param(notice(windows=[win("downtime", "2021-10-21 18:00", "2021-10-31 22:00"),
                                     win("suspension", "2021-10-25", "2021-10-23", "day")]), True, id="a-stage"),
        pytest.param(notice(windows=[win("downtime", "2021-10-21", "2021-10-21", "day")]), False, id="one-day"),
    ],
    "year_far_from_published": [
        pytest.param(notice(windows=[win("downtime", "2022-10-21 18:00", "2022-10-31 22:00")]), True, id="next-year"),
        pytest.param(notice(published_at=t("2020-10-11")), True, id="published-a-year-before"),
        pytest.param(notice(windows=[win("downtime", "2021-10-21 18:00", "2021-10-31 22:00"),
                                     win("other", "2001-01-01", None, "day")]), False, id="history-in-other-is-fine"),
        pytest.param(notice(published_at=None), False, id="no-publication-date"),
    ],
    "published_after_start": [
        pytest.param(notice(published_at=t("2021-10-25")), True, id="days-after"),
        pytest.param(notice(published_at=t("2021-10-21")), False, id="same-day-date-only"),
        pytest.param(notice(published_at=t("2021-10-21 19:30")), True, id="an-hour-after-a-clock-start"),
        pytest.param(notice(published_at=t("2021-10-21 19:30"), windows=[win("downtime", "2021-10-21", "2021-10-31", "day")]),
                     False, id="same-day-as-a-whole-day-start"),
    ],
    "chrome_title": [
        pytest.param(notice(title="• 某市公积金中心系统升级暂停部分业务"), True, id="bullet"),
        pytest.param(notice(title="首页 > 通知公告 > 正文"), True, id="breadcrumb"),
        pytest.param(notice(title="某市公积金年度结息部分业务将暂停_某市频道_某省"), True, id="channel-suffix"),
        pytest.param(notice(title="通知公告"), True, id="section-name"),
        pytest.param(notice(title="原标题:某市医保系统将升级"), True, id="original-title-label"),
        pytest.param(notice(title="某市新闻网首页 | 本地 | 民生 | 政务 | 视频"), True, id="navigation-bar"),
        pytest.param(notice(title="通知 | 某市社保系统6月下旬暂停服务"), False, id="one-bar-is-a-headline"),
        pytest.param(notice(title="关于暂停办理住房公积金业务的通知"), False, id="a-notice-title"),
        pytest.param(notice(title=None), False, id="no-title"),
    ],
    "site_as_publisher": [
        pytest.param(notice(publisher="某某新闻网"), True, id="news-site"),
        pytest.param(notice(publisher="某市日报"), True, id="newspaper"),
        pytest.param(notice(publisher="ybj.example.gov.cn"), True, id="the-host"),
        pytest.param(notice(publisher="某市住房公积金管理中心"), False, id="a-bureau"),
        pytest.param(notice(publisher="国家税务总局某市税务局"), False, id="tax-bureau"),
    ],
    "area_code_mismatch": [
        pytest.param(notice(contacts=[landline("0351-1234567", "咨询电话:0351-1234567")]), True, id="taiyuan-code-in-xinzhou"),
        pytest.param(notice(contacts=[landline("0350-1234567", "咨询电话:0350-1234567"),
                                      landline("0351-7654321", "省中心:0351-7654321")]), False, id="one-dials-the-city"),
        pytest.param(notice(contacts=[landline("0350-1234567", "咨询电话:1234567")]), False, id="local-number-code-added"),
        pytest.param(notice(city=None, adcode=None, contacts=[landline("0351-1234567", "电话:0351-1234567")]), False,
                     id="province-level"),
    ],
    "truncated": [
        pytest.param(notice(body_text="公告\n全市医保业务暂停办理,参保人员可先行垫付,待"), True, id="mid-sentence"),
        pytest.param(notice(body_text="公告\n全市医保业务暂停办理,参保人员可先行垫付,"), True, id="on-a-comma"),
        pytest.param(notice(body_text="公告\n三、恢复办理时间\n2021年"), True, id="date-cut-at-year"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务。展开全文"), True, id="cue"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务,详见附件:\n打印本页\n关闭窗口"), True, id="cut-before-chrome"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务。\n某某市医疗保障局\n2021年10月11日"), False, id="signed"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务。\n咨询电话:0350-1234567"), False, id="contact-line"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务。\n(记者 张某)"), False, id="byline"),
        pytest.param(notice(body_text="公告\n给您带来不便,敬请谅解"), False, id="closing-formula"),
    ],
    "year_not_stated": [
        pytest.param(notice(published_at=None, body_text="公告\n10月21日18时至31日22时暂停业务。"), True, id="no-year-anywhere"),
        pytest.param(notice(published_at=None, body_text="公告\n2021年10月21日18时至31日22时暂停业务。"), False, id="year-in-text"),
        pytest.param(notice(body_text="公告\n10月21日18时至31日22时暂停业务。"), False, id="publication-date-gives-it"),
    ],
    "title_unrelated": [
        pytest.param(notice(title="妇幼保健院入园体检预约挂号流程"), True, id="sidebar-link"),
        pytest.param(notice(title="医保信息系统切换期间业务暂停"), False, id="same-words"),
        pytest.param(notice(title="妇幼保健院入园体检预约挂号流程", body_text="公告\n暂停业务。"), False,
                     id="bare-body-is-short-body-instead"),
    ],
    "spam_text": [
        pytest.param(notice(publisher="XyzBet体育医疗保障局"), True, id="gambling-brand"),
        pytest.param(notice(title="某市医保系统升级 棋牌游戏"), True, id="spam-title"),
    ],
    "short_body": [
        pytest.param(notice(body_text="忻州市医疗保障局关于医保信息系统切换暂停业务的公告\n医保停机,请注意!"), True, id="title-and-a-line"),
        pytest.param(notice(), False, id="a-notice"),
    ],
    "chrome_in_body": [
        pytest.param(notice(body_text="公告\n暂停办理全部业务。\n责任编辑:某某\n" + SIGNED), True, id="editor-line"),
        pytest.param(notice(body_text="公告\n暂停办理全部业务。\n用微信扫一扫,分享到朋友圈\n" + SIGNED), True, id="share"),
    ],
}
FLAG_CASES = [pytest.param(code, *p.values, id=f"{code}-{p.id}") for code, params in CASES.items() for p in params]


@pytest.mark.parametrize(("code", "n", "raised"), FLAG_CASES)
def test_flag_cases(code: str, n: Notice, raised: bool) -> None:
    found = {f.code: f.detail for f in check_notice(n)}
    assert (code in found) is raised, found
    if raised:
        assert found[code], "a flag says what tripped it"


def test_every_flag_has_cases_and_labels() -> None:
    info = flag_info()
    assert set(CASES) == set(info)
    for code, i in info.items():
        assert i.zh and i.en and i.means, code
    spec = ("no_downtime", "long_downtime", "end_before_start", "year_far_from_published", "published_after_start",
            "chrome_title", "site_as_publisher", "area_code_mismatch", "truncated")
    assert list(info)[: len(spec)] == list(spec)  # SPEC's flags first, in SPEC's order


def test_flags_come_in_rules_order() -> None:
    n = notice(title="通知公告", publisher="某某新闻网", windows=[])
    assert codes(n) == ["no_downtime", "chrome_title", "site_as_publisher"]


# --- durations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "precision", "resumes", "hours"),
    [
        pytest.param("2021-10-01", "2021-10-07", "day", [], 168.0, id="day-range-counts-the-last-day"),
        pytest.param("2021-10-01 18:00", "2021-10-07 08:00", "minute", [], 134.0, id="clock-times"),
        pytest.param("2021-10-01", "2021-10-08", "day", ["2021-10-08"], 168.0, id="resume-day-ends-at-its-start"),
        pytest.param("2021-10-07", "2021-10-07", "day", [], 24.0, id="one-whole-day"),
        pytest.param("2021-10-07", "2021-10-06", "day", [], None, id="backwards"),
    ],
)
def test_duration_hours(start: str, end: str, precision: str, resumes: list[str], hours: float | None) -> None:
    assert duration_hours(t(start), t(end), precision, [t(r) for r in resumes]) == hours


# --- parse and write -------------------------------------------------------------------------------


def test_parsed_notices_carry_flags(tmp_path: Path) -> None:
    from pipeline.store import parse_paths

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.txt").write_text(
        "某某市医疗保障局关于系统切换暂停医保业务的通告\n2021年10月21日18时至2021年10月31日22时,全市暂停医保业务。"
        "暂停期间参保人员在定点医疗机构发生的费用先行垫付,系统恢复后再办理报销;请各参保单位提前完成缴费,参保人员可先行垫付,待",
        encoding="utf-8",
    )
    parse_paths([tmp_path / "in"], tmp_path / "out")
    table = pq.read_table(tmp_path / "out" / "notices.parquet")
    assert table.schema.field("flags").type.value_type.equals(table.schema.field("title").type)
    assert table.column("flags").to_pylist() == [["truncated"]]


def test_a_window_ending_before_it_starts_is_kept_and_flagged(tmp_path: Path) -> None:
    from pipeline.store import TableWriter

    n = notice(windows=[win("downtime", "2021-10-21 18:00", "2021-10-20 08:00")])
    n.flags = notice_flags(n)
    with TableWriter(tmp_path) as writer:
        assert writer.add_notice(n)
    assert pq.read_table(tmp_path / "notices.parquet").column("flags").to_pylist() == [["end_before_start"]]
    assert pq.read_table(tmp_path / "windows.parquet").num_rows == 1


# --- the rules file --------------------------------------------------------------------------------


def _load_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, change: Any) -> None:
    import yaml

    from pipeline import flags, ruledata

    data = yaml.safe_load((ruledata.rules_dir() / "flags.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "flags.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(ruledata, "rules_dir", lambda: tmp_path)
    ruledata.load_yaml.cache_clear()
    flags.flag_rules.cache_clear()
    try:
        flags.flag_rules()
    finally:
        monkeypatch.undo()
        ruledata.load_yaml.cache_clear()
        flags.flag_rules.cache_clear()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(lambda d: d["flags"].pop("truncated"), "missing \\['truncated'\\]", id="a-code-missing"),
        pytest.param(lambda d: d["flags"].update(odd={"zh": "x", "en": "x", "means": "x"}), "unknown \\['odd'\\]", id="unknown-code"),
        pytest.param(lambda d: d["chrome_title"].append("(unclosed"), "bad pattern", id="bad-regex"),
        pytest.param(lambda d: d.update(long_downtime_days="sixty"), "long_downtime_days", id="threshold-not-a-number"),
        pytest.param(lambda d: d["flags"]["truncated"].pop("zh"), "flags.truncated: missing key .zh.", id="label-missing"),
        pytest.param(lambda d: d.pop("meta"), "meta", id="no-provenance"),
    ],
)
def test_a_broken_rules_file_is_refused(change: Any, message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=message):
        _load_with(monkeypatch, tmp_path, change)


def test_rules_load_once() -> None:
    assert flag_rules() is flag_rules()
