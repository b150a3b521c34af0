"""Case table for the temporal extractor: ``(text, published, expected)`` rows with readable ids.

Groups, by where the rows come from:

* ``REAL_*``: phrasings of the dev corpus notices (ids name the notice), in our own words and with
  moved dates, so that no published sentence is copied here (the seeds' own lines are kept);
* ``FORM_*``: every grammar form of the brief (dates, clocks, parts of day, numerals, ranges);
* ``TRAP_*``: text that holds digits but no time point (document numbers, money, phones, URLs);
* ``BUG_*``: mistakes caught while building the extractor;
* ``KNOWN_FAILURES``: what it still gets wrong, as ``xfail(strict=True)``.

Moments are written as the gold does: ``YYYY-MM-DDTHH:MM`` for hour/minute precision,
``YYYY-MM-DD`` for a bare date. ``points`` is the sorted set of starts and ends of the non-downtime
rows; ``downtime`` is ``(start, end)`` of the downtime row.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize import normalize_text
from pipeline.records import TZ, TimeWindow
from pipeline.times import extract_windows
from pipeline.times.extract import stamp_spans


def _pub(day: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(day).replace(tzinfo=TZ) if day else None


def _fmt(value: dt.datetime | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%Y-%m-%d") if precision == "day" else value.strftime("%Y-%m-%dT%H:%M")


def run(text: str, published: str | None = None, **kw: object) -> tuple[str, list[TimeWindow]]:
    """Normalize like the pipeline, then extract."""
    body = normalize_text(text)
    return body, extract_windows(body, _pub(published), **kw)  # type: ignore[arg-type]


def points(text: str, published: str | None = None) -> list[str]:
    """Sorted gold-style moments of the non-downtime rows."""
    _, rows = run(text, published)
    out = set()
    for w in rows:
        if w.kind != "downtime":
            out |= {s for s in (_fmt(w.start, w.start_precision), _fmt(w.end, w.end_precision)) if s}
    return sorted(out)


def downtime(text: str, published: str | None = None) -> tuple[str | None, str | None] | None:
    """(start, end) of the downtime row, None when there is none."""
    _, rows = run(text, published)
    down = [w for w in rows if w.kind == "downtime"]
    assert len(down) <= 1
    if not down:
        return None
    return _fmt(down[0].start, down[0].start_precision), _fmt(down[0].end, down[0].end_precision)


def kinds(text: str, published: str | None = None) -> list[tuple[str, str]]:
    """(evidence, kind) of the non-downtime rows in text order."""
    _, rows = run(text, published)
    return [(w.evidence, w.kind) for w in rows if w.kind != "downtime"]


P = pytest.param

# --- points: real phrasings -------------------------------------------------------------------
REAL_POINTS = [
    P("2021年10月21日18时起,停止使用忻州市在用的医保信息系统", None, ["2021-10-21T18:00"], id="xinzhou-18shi"),
    P("预计2021年10月31日22时起,正式启用新医保系统", None, ["2021-10-31T22:00"], id="xinzhou-estimate"),
    P("2021年10月19日17时完成征缴对账。10月20日,对未缴费单位名单进行作废处理", None,
      ["2021-10-19T17:00", "2021-10-20"], id="xinzhou-bare-date-after-full"),
    P("1.10月11日前定点医药机构9月发生的医疗费用单据报经办机构。2021年10月14日", None,
      ["2021-10-11", "2021-10-14"], id="xinzhou-list-number-glued"),
    P("2.10月21日定点医药机构打印留存10月份发生的医疗费用单据。2021年10月19日", None,
      ["2021-10-19", "2021-10-21"], id="xinzhou-list-number-2"),
    P("2020年5月15日18:00—5月21日8:00。", None, ["2020-05-15T18:00", "2020-05-21T08:00"], id="guilin-range-full"),
    P("支付端:2020年5月15日18:00—17日8:00;", None, ["2020-05-15T18:00", "2020-05-17T08:00"], id="guilin-range-day-only"),
    P("从4月30日起至切换工作结束,暂停受理现金报销。2020年5月15日", None, ["2020-04-30", "2020-05-15"],
      id="guilin-open-end"),
    P("(一)2021年9月14日零时起,全州暂停办理个人医疗保障经办业务", None, ["2021-09-14T00:00"], id="bazhou-lingshi"),
    P("(二)2021年9月11日零时起至9月18日止,暂停参保缴费", None, ["2021-09-11T00:00", "2021-09-18"],
      id="bazhou-qi-zhi-zhi"),
    P("(一)2021年9月13日19时前,完成人员新增", None, ["2021-09-13T19:00"], id="bazhou-deadline-19shi"),
    P("暂停业务办理时间:2021年10月22日(星期五)18时;恢复业务办理时间:2021年11月22日(星期一)8时。", None,
      ["2021-10-22T18:00", "2021-11-22T08:00"], id="changsha-weekday-labels"),
    P("停止服务时间:8月30日(星期一)22时起。恢复服务时间:9月8日(星期三)9时起。", "2021-08-23",
      ["2021-08-30T22:00", "2021-09-08T09:00"], id="chenzhou-colon-label"),
    P("2023年12月30日17时至2024年1月2日18时", None, ["2023-12-30T17:00", "2024-01-02T18:00"], id="dazhou-year-cross"),
    P("停机时间:2022年2月26日0时至3月20日24时", None, ["2022-02-26T00:00", "2022-03-21T00:00"], id="jinan-24shi"),
    P("(一)11月26日18:00时起,暂停缴费核定。2021年12月10日", None, ["2021-11-26T18:00", "2021-12-10"],
      id="jingmen-18-00-shi"),
    P("(二)11月28日0:00时起,暂停征收。2021年12月10日", None, ["2021-11-28T00:00", "2021-12-10"],
      id="jingmen-0-00-shi"),
    P("2021年8月22日18:00至2021年8月27日08:00,暂停受理", None, ["2021-08-22T18:00", "2021-08-27T08:00"],
      id="lanzhou-leading-zero"),
    P("本市定于 11月8日8:00 起用新平台。2021 年11月8日(星期一)8:00,启用", None,
      ["2021-11-08T08:00"], id="luan-stray-spaces"),
    P("长处方的用药周期最长可到2021 年12 月 30日", None, ["2021-12-30"], id="luan-spaces-in-date"),
    P("2023年12月27日(周三)17:00起暂停;2024年1月9日(周二)09:00起恢复", None,
      ["2023-12-27T17:00", "2024-01-09T09:00"], id="nanchang-zhou-weekday"),
    P("于2015年12月31日21:00至2016年1月1日凌晨4:00期间暂停结算", None,
      ["2015-12-31T21:00", "2016-01-01T04:00"], id="ningbo-lingchen"),
    P("将于2015年12月30日17点30分至2016年1月2日18点暂停", None, ["2015-12-30T17:30", "2016-01-02T18:00"],
      id="ningbo-dian-fen"),
    P("9月6日17时起,暂停办理征缴业务,9月15日17时系统停机,9月22日8时上线启用新系统。", "2021-09-05",
      ["2021-09-06T17:00", "2021-09-15T17:00", "2021-09-22T08:00"], id="shanxi-year-from-published"),
    P("请注意!\n4月23日0时至5月7日9时\n将暂停\n定于2023年4月23日0时至5月7日9时停机", None,
      ["2023-04-23T00:00", "2023-05-07T09:00"], id="shenzhen-year-from-later-date"),
    P("自2021年9月15日18时至9月22日8时,全市医保部门暂停所有业务", None,
      ["2021-09-15T18:00", "2021-09-22T08:00"], id="taizhou-zi-zhi"),
    P("2019年12月31日17时至2020年1月6日8时,暂停联网结算", None, ["2019-12-31T17:00", "2020-01-06T08:00"],
      id="tangshan-year-end"),
    P("1.2021年9月23日8:00起,暂停出具核定单", None, ["2021-09-23T08:00"], id="tianmen-list-number-dot"),
    P("今天0时至10月29日24时,本市停止运行旧医保信息系统。2020年7月1日至2021年6月30日", None,
      ["2020-07-01", "2021-06-30", "2021-10-30T00:00"], id="xiamen-unanchored-today"),
    P("今天下午5点起郑州全市暂停办理所有医保业务 11月28日逐步恢复", "2021-11-19",
      ["2021-11-19T17:00", "2021-11-28"], id="zhengzhou-headline-relative"),
    P("将于2019年12月27日12:00至2020年1月3日8:00期间停机迁移", None,
      ["2019-12-27T12:00", "2020-01-03T08:00"], id="zunyi-range"),
    P("入院在2019年12月27日之前、出院在2020年1月3日以内的", None, ["2019-12-27", "2020-01-03"],
      id="zunyi-bare-dates"),
    P("2021年11月23日(星期二)18:00至2021年12月5日(星期日)8:00期间,暂停结算", None,
      ["2021-11-23T18:00", "2021-12-05T08:00"], id="guilin2021-weekday-both-sides"),
    P("2019年8月22日20时至2019年8月27日8时。", None, ["2019-08-22T20:00", "2019-08-27T08:00"], id="beijing-tax"),
]

# --- points: grammar forms --------------------------------------------------------------------
FORM_POINTS = [
    # a month.day without its year, as a poster dots it: before a clock, in a range, before 起/前
    P("2031.12.31 18:00至1.3 8:00暂停结算", None, ["2031-12-31T18:00", "2032-01-03T08:00"], id="dotted-full-date-to-dotted-month-day"),
    P("2031年12月1日发布。12.31 18:00起暂停结算,1.3 8:00恢复", None, ["2031-12-01", "2031-12-31T18:00", "2032-01-03T08:00"],
      id="dotted-month-day-before-a-clock"),
    P("2031年12月1日发布。请于12.30前办结业务", None, ["2031-12-01", "2031-12-30"], id="dotted-month-day-before-前"),
    P("2031年12月1日发布。贷款利率3.25至3.5%不变", None, ["2031-12-01"], id="near-miss-a-decimal-range-is-no-date"),
    P("2031年12月1日发布。服务费上调1.5倍", None, ["2031-12-01"], id="near-miss-a-decimal-is-no-date"),
    P("2021年10月19日起暂停", None, ["2021-10-19"], id="ymd"),
    P("10月19日起暂停", "2021-10-01", ["2021-10-19"], id="md-published"),
    P("10月19号起暂停", "2021-10-01", ["2021-10-19"], id="md-hao"),
    P("2021年10月19日17时起", None, ["2021-10-19T17:00"], id="shi"),
    P("2021年10月19日17点起", None, ["2021-10-19T17:00"], id="dian"),
    P("2021年10月19日17:00起", None, ["2021-10-19T17:00"], id="colon"),
    P("2021年10月19日17:30:00起", None, ["2021-10-19T17:30"], id="colon-seconds"),
    P("2021年10月19日17时30分起", None, ["2021-10-19T17:30"], id="shi-fen"),
    P("2021年10月19日17点30分起", None, ["2021-10-19T17:30"], id="dian-fen"),
    P("2021年10月19日17点半起", None, ["2021-10-19T17:30"], id="dian-ban"),
    P("2021年10月19日18时整起", None, ["2021-10-19T18:00"], id="shi-zheng"),
    P("2021年10月19日18:00时起", None, ["2021-10-19T18:00"], id="colon-plus-shi"),
    P("2021年10月19日零时起", None, ["2021-10-19T00:00"], id="lingshi"),
    P("2021年10月19日0时起", None, ["2021-10-19T00:00"], id="0shi"),
    P("2021年10月19日零点起", None, ["2021-10-19T00:00"], id="lingdian"),
    P("2021年10月19日24时起", None, ["2021-10-20T00:00"], id="24shi-next-day"),
    P("2021年12月31日24时起", None, ["2022-01-01T00:00"], id="24shi-new-year"),
    P("2021年10月19日24:00起", None, ["2021-10-20T00:00"], id="24-00"),
    P("2021年10月19日上午9时起", None, ["2021-10-19T09:00"], id="shangwu"),
    P("2021年10月19日下午5点起", None, ["2021-10-19T17:00"], id="xiawu-5"),
    P("2021年10月19日下午17:00起", None, ["2021-10-19T17:00"], id="xiawu-17-stays"),
    P("2021年10月19日晚上8点起", None, ["2021-10-19T20:00"], id="wanshang"),
    P("2021年10月19日晚8点起", None, ["2021-10-19T20:00"], id="wan"),
    P("2021年10月19日凌晨2时起", None, ["2021-10-19T02:00"], id="lingchen"),
    P("2021年10月19日中午12时起", None, ["2021-10-19T12:00"], id="zhongwu-12"),
    P("2021年10月19日中午1点起", None, ["2021-10-19T13:00"], id="zhongwu-1"),
    P("2021年10月19日下半夜2点起", None, ["2021-10-19T02:00"], id="xiabanye"),
    P("2021年10月19日傍晚6点起", None, ["2021-10-19T18:00"], id="bangwan"),
    P("2021年10月19日晚上12点起", None, ["2021-10-20T00:00"], id="wanshang-12-midnight"),
    P("2021年10月22日(星期五)18时起", None, ["2021-10-22T18:00"], id="weekday-xingqi"),
    P("2021年10月22日(周五)18时起", None, ["2021-10-22T18:00"], id="weekday-zhou"),
    P("2021年10月22日星期五18时起", None, ["2021-10-22T18:00"], id="weekday-no-brackets"),
    P("2021年10月22日(礼拜五) 18:00起", None, ["2021-10-22T18:00"], id="weekday-libai-space"),
    P("2021年10月24日(星期日)起", None, ["2021-10-24"], id="weekday-ri"),
    P("2021年10月24日(星期天)起", None, ["2021-10-24"], id="weekday-tian"),
    P("二〇二一年十月二十一日十八时起", None, ["2021-10-21T18:00"], id="cn-numerals"),
    P("二零二一年十二月三十一日起", None, ["2021-12-31"], id="cn-ling-year"),
    P("2021年十月一日八时起", None, ["2021-10-01T08:00"], id="cn-mixed"),
    P("2021年10月1日二十四时起", None, ["2021-10-02T00:00"], id="cn-24"),
    P("2021年10月1日八时三十分起", None, ["2021-10-01T08:30"], id="cn-shi-fen"),
    P("2021年10月1日两点起", None, ["2021-10-01T02:00"], id="cn-liang"),
    P("2021-10-11起暂停", None, ["2021-10-11"], id="iso-dash"),
    P("2021/10/11起暂停", None, ["2021-10-11"], id="iso-slash"),
    P("2021.10.11起暂停", None, ["2021-10-11"], id="iso-dot"),
    P("2021-10-11 08:30起暂停", None, ["2021-10-11T08:30"], id="iso-with-clock"),
    P("2021年09月05日起暂停", None, ["2021-09-05"], id="zero-padded"),
    P("２０２１年１０月１９日１７时起", None, ["2021-10-19T17:00"], id="fullwidth-digits"),
    P("2021 年 10 月 19 日 17 时起", None, ["2021-10-19T17:00"], id="stray-spaces"),
    P("2021年10月19日 17:00起", None, ["2021-10-19T17:00"], id="space-before-clock"),
    P("2021年10月28日当天18时起暂停", None, ["2021-10-28T18:00"], id="dangtian-clock"),
    P("今晚8点起暂停", "2021-12-20", ["2021-12-20T20:00"], id="jinwan"),
    P("今天0时起暂停", "2021-10-26", ["2021-10-26T00:00"], id="jintian-0shi"),
    P("今日18时起暂停", "2021-10-26", ["2021-10-26T18:00"], id="jinri"),
    P("明日上午9时恢复", "2021-10-26", ["2021-10-27T09:00"], id="mingri"),
    P("明天起暂停办理", "2021-10-26", ["2021-10-27"], id="mingtian-qi"),
    P("后天8时恢复", "2021-10-26", ["2021-10-28T08:00"], id="houtian"),
    P("今天下午5点起暂停", None, [], id="jintian-unanchored"),
    P("今年12月31日前完成", "2021-10-26", ["2021-12-31"], id="jinnian-month-day"),
]

RANGES = [
    P("2021年12月1日至7日暂停", None, ["2021-12-01", "2021-12-07"], id="day-only-right"),
    P("2021年12月1日—12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="emdash"),
    P("2021年12月1日——12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="double-emdash"),
    P("2021年12月1日–12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="endash"),
    P("2021年12月1日-12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="hyphen"),
    P("2021年12月1日~12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="tilde"),
    P("2021年12月1日～12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="fullwidth-tilde"),
    P("2021年12月1日到12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="dao"),
    P("2021年12月1日起至12月7日止暂停", None, ["2021-12-01", "2021-12-07"], id="qi-zhi-zhi"),
    P("2021年12月1日起到12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="qi-dao"),
    P("2021年12月1日开始至12月7日暂停", None, ["2021-12-01", "2021-12-07"], id="kaishi-zhi"),
    P("2021年12月31日至1月3日暂停", None, ["2021-12-31", "2022-01-03"], id="year-rollover"),
    P("12月31日18时至1月4日8时暂停", "2021-12-20", ["2021-12-31T18:00", "2022-01-04T08:00"],
      id="year-rollover-no-year"),
    P("2021年10月28日22:00至29日6:00暂停", None, ["2021-10-28T22:00", "2021-10-29T06:00"], id="overnight-day"),
    P("2021年10月30日18:00至11月2日8:00暂停", None, ["2021-10-30T18:00", "2021-11-02T08:00"], id="month-cross"),
    P("2021年10月30日18:00—2日8:00暂停", None, ["2021-10-30T18:00", "2021-11-02T08:00"],
      id="day-only-next-month"),
    P("2021年10月28日8:00-12:00系统维护", None, ["2021-10-28T08:00", "2021-10-28T12:00"], id="clock-only-right"),
    P("2021年10月28日22:00至次日6:00暂停", None, ["2021-10-28T22:00", "2021-10-29T06:00"], id="ciri"),
    P("2021年10月28日22:00至凌晨6:00暂停", None, ["2021-10-28T22:00", "2021-10-29T06:00"],
      id="overnight-clock"),
    P("2021年11月5日(周五)晚上10点至次日凌晨6点,系统停机维护", None, ["2021-11-05T22:00", "2021-11-06T06:00"],
      id="wanshang-ciri-lingchen"),
    P("2022年1月1日(周六)零点至1月3日(周一)24点暂停", None, ["2022-01-01T00:00", "2022-01-04T00:00"],
      id="lingdian-24dian"),
    P("2021.10.11 08:00至2021.10.12 18:00暂停", None, ["2021-10-11T08:00", "2021-10-12T18:00"], id="iso-range"),
    P("2021年12月24日18:00至12月31日8:00(共7天)暂停", None, ["2021-12-24T18:00", "2021-12-31T08:00"],
      id="range-with-aside"),
    P("4月24日0时至5月8日9时,2023年4月24日至4月30日期间", None,
      ["2023-04-24", "2023-04-24T00:00", "2023-04-30", "2023-05-08T09:00"], id="shenzhen-bare-and-clock"),
]

YEARS = [
    P("2024年1月9日恢复。外部渠道自12月27日全部停用,2024年1月9日起启用。", "2023-12-15",
      ["2023-12-27", "2024-01-09"], id="nanchang-year-trap"),
    P("2024年1月1日至1月9日暂停扣款,延后至1月10日进行补扣。", None, ["2024-01-01", "2024-01-09", "2024-01-10"],
      id="nanchang-after-full-date"),
    P("12月29日18时起暂停业务,1月2日8时恢复。", "2023-12-15", ["2023-12-29T18:00", "2024-01-02T08:00"],
      id="published-rollover"),
    P("1月1日至1月3日暂停办理。", "2023-12-15", ["2024-01-01", "2024-01-03"], id="published-next-year"),
    P("9月3日,省医保局发布消息。9月6日17时起暂停。", "2021-09-05", ["2021-09-03", "2021-09-06T17:00"],
      id="date-before-published"),
    P("于2015年12月31日21:00至2016年1月1日4:00暂停。1月3日18点恢复", None,
      ["2015-12-31T21:00", "2016-01-01T04:00", "2016-01-03T18:00"], id="after-rollover"),
    P("10月29日24时起上线。2020年7月1日至2021年6月30日的费用,报销期限延长至2022年5月30日。", None,
      ["2020-07-01", "2021-06-30", "2021-10-30T00:00", "2022-05-30"], id="xiamen-median-year"),
    P("11月8日8:00起用新平台。2021年10月30日(星期六)18:00停用旧系统。", None,
      ["2021-10-30T18:00", "2021-11-08T08:00"], id="year-from-later-full-date"),
    P("3月21日0时恢复。2022年2月26日0时起停机。", None, ["2022-02-26T00:00", "2022-03-21T00:00"],
      id="year-from-following"),
    P("10月30日(星期六)18:00起暂停,11月8日(星期一)8:00上线。", "2022-10-20",
      ["2021-10-30T18:00", "2021-11-08T08:00"], id="weekday-overrides-published-year"),
    P("8月31日(星期二)23时起暂停。", "2021-08-23", ["2021-08-31T23:00"], id="weekday-agrees"),
    P("10月30日18:00起暂停,11月8日8:00上线。", None, [], id="no-year-anywhere"),
    P("根据2019年12月31日的文件,2021年9月10日至9月17日暂停,9月21日恢复", None,
      ["2019-12-31", "2021-09-10", "2021-09-17", "2021-09-21"], id="local-full-date-wins-over-median"),
    P("2021年12月31日18时起暂停,2022年1月4日恢复。\n注:1月3日前完成结算。", None,
      ["2021-12-31T18:00", "2022-01-03", "2022-01-04"], id="rollover-median"),
    # a notice writes its year once and the dates after it take it (tests/rewrites.py years_once):
    # the full date of the sentence before wins over a date elsewhere on the page, a weekday tag that
    # fits no year near a late repost stamp fits the year the text wrote, and a compressed day range
    # with its year anchors the dates after it
    P("青禾市公积金中心2030年5月1日起暂停夜间服务。\n为做好系统迁移,中心将于2027年8月14日下午暂停柜台业务。\n手机渠道于8月14日15:00后停办,8月16日9:00恢复。",
      None, ["2027-08-14", "2027-08-14T15:00", "2027-08-16T09:00", "2030-05-01"], id="year-from-the-sentence-before"),
    P("2027年3月5日18时起系统切换。\n停办时间:3月5日(星期五)18时;复办时间:3月8日(星期一)8时。", "2029-06-01",
      ["2027-03-05T18:00", "2027-03-08T08:00"], id="weekday-fits-the-written-year-not-a-late-stamp"),
    P("2027年4月10—12日,办事大厅装修。\n从4月13日(星期二)起恢复办理。", None,
      ["2027-04-10", "2027-04-12", "2027-04-13"], id="a-compressed-day-range-anchors-the-year"),
]

TRAPS = [
    P("根据《通知》(桂医保发〔2020〕21号)文件精神", None, [], id="doc-number"),
    P("医保发[2021]36号", None, [], id="doc-number-square"),
    P("每月186.45元(含大病医疗补助费5元)", None, [], id="money"),
    P("咨询电话0350-3032798、0818-2149082", None, [], id="landline"),
    P("拨打12393或12345热线,手机18906112333", None, [], id="hotlines"),
    P("网址:http://www.a.gov.cn/2021/10/11/art_1.html", None, [], id="url-with-date-path"),
    P("见附件 微信图片_20210315093000.png", None, [], id="image-file-name"),
    P("附件:2021.10.11通知.pdf", None, [], id="file-name-with-dotted-date"),
    P("版本1.10.2升级", None, [], id="version-number"),
    P("2022年3月应发放的待遇提前至2月发放", None, [], id="month-only"),
    P("定点医药机构9月发生的费用,10月份发生的医疗费用", None, [], id="month-and-yuefen"),
    P("为做好2019年城镇基本医疗保险年终结转工作", None, [], id="year-only"),
    P("2020医保年度发生的医疗费用", None, [], id="medical-year"),
    P("拟于2021年11月上旬上线,11月下旬全面运行", None, [], id="month-parts"),
    P("每天8:30-17:30办理,每日8:00-12:00,14:30-17:30", None, [], id="office-hours"),
    P("工作时间:上午9:00至下午5:00", None, [], id="office-hours-parts"),
    P("共10月3个月,累计3个工作日", None, [], id="durations"),
    P("今日头条报道,明日方舟", "2021-10-26", [], id="relative-day-words"),
    P("宝宝0-1岁 宝宝1-3岁 查看 11777 回复 0", None, [], id="forum-chrome"),
    P("第1.10条 第12月报", None, [], id="not-a-date"),
    P("2021年13月40日", None, [], id="impossible-date"),
    P("2021年2月30日起", None, [], id="invalid-day"),
    P("2021年10月19日25时起", None, ["2021-10-19"], id="invalid-clock-keeps-date"),
    P("编号20211019170000", None, [], id="compact-digits"),
    P("2022年第1号公告,2022年1-3月,1—3月", None, [], id="issue-number-and-month-range"),
    P("冲销时间截至今年12月底", "2021-10-26", [], id="fuzzy-month-end"),
]

BUGS = [
    P("请于6月20日前后完成。", "2021-06-01", ["2021-06-20"], id="qianhou-is-not-a-deadline-but-a-point"),
    P("2021年10月19日25时起", None, ["2021-10-19"], id="bad-clock-date-survives"),
    P("停止服务时间:8月30日(星期一)22时起。", "2021-08-23", ["2021-08-30T22:00"], id="colon-before-date"),
    P("9月28日18时起,省异地就医结算系统暂停服务;9月30日18时起,全市医保系统停机", "2021-09-01",
      ["2021-09-28T18:00", "2021-09-30T18:00"], id="sentence-boundary-semicolon"),
    # round 2 (extra corpus): a range with a written year on both sides keeps both (liuzhou birth dates)
    P("(二)年龄35周岁以下(1986年7月4日至2004年7月4日期间出生);", "2022-07-04", ["1986-07-04", "2004-07-04"],
      id="birth-date-range-keeps-both-years"),
    P("1958年12月31日以前参加工作的人员,请于2023年3月10日前提交材料", None, ["1958-12-31", "2023-03-10"],
      id="old-written-year-is-a-point"),
    P("1986年7月4日以后出生的,7月10日前报名", "2022-07-01", ["1986-07-04", "2022-07-10"],
      id="old-date-lends-no-year"),
    # round 3 (extra2 corpus): relative months (zhuhai headline), a part of day before 至 (zhangjiakou),
    # recurring rules (shanghai), table rows whose cells hold the two ends (haerbin)
    P("珠海医保系统切换 本月26日起暂停结算十日", "2021-11-22", ["2021-11-26"], id="benyue-day-from-publication"),
    P("下月3日起恢复办理", "2022-12-20", ["2023-01-03"], id="xiayue-rolls-into-next-year"),
    P("上月26日至本月3日的费用", "2022-01-10", ["2021-12-26", "2022-01-03"], id="shangyue-to-benyue-range"),
    P("2021年10月28日起至次月3日暂停", None, ["2021-10-28", "2021-11-03"], id="ciyue-counts-from-the-left-side"),
    P("本月26日起暂停结算", None, [], id="benyue-without-anchor-gives-nothing"),
    P("系统维护通知|6月25日晚至27日社保业务暂停办理", "2021-06-24", ["2021-06-25", "2021-06-27"],
      id="part-of-day-without-clock-before-zhi"),
    P("3月8日上午至10日下午停机", "2022-03-01", ["2022-03-08", "2022-03-10"], id="parts-of-day-on-both-sides"),
    P("本市医保年度为每年4月1日至次年3月31日。", "2018-03-29", [], id="recurring-yearly-range"),
    P("每年的7月1日调整缴费基数", "2022-03-01", [], id="recurring-meinian-de"),
    P("每月15日前缴费。2022年3月20日起暂停。", None, ["2022-03-20"], id="recurring-monthly-deadline"),
    P("停机时间 | 恢复时间\n2022年3月5日18:00 | 2022年3月7日8:00", None, ["2022-03-05T18:00", "2022-03-07T08:00"],
      id="table-cells-joined-by-bar"),
    P("2021年11月12日 | 2021年11月2日", None, ["2021-11-02", "2021-11-12"], id="table-cells-going-back-stay-points"),
    P("12月30日 | 1月2日", "2021-12-01", ["2021-12-30", "2022-01-02"], id="table-cells-across-new-year"),
    P("2021年11月12日 | 17:00", None, ["2021-11-12"], id="table-bare-clock-cell-is-no-range-end"),
]


# round 4 (real corpus, tune half): forms the hidden notices held. Our own sentences; each rule has
# a variant no corpus holds and a near miss where it must not fire.
GRAMMAR_4 = [
    # dotted and tilde ranges: the right end written month.day like the left
    P("税控系统于2022.3.5~3.7停机升级", None, ["2022-03-05", "2022-03-07"], id="dotted-tilde-range"),
    P("2023/11/20-11/22暂停办理登记", None, ["2023-11-20", "2023-11-22"], id="variant-slashed-range"),
    P("2022年3月5日-3.7升级", None, ["2022-03-05"], id="nearmiss-month-day-after-a-chinese-date"),
    # a list of days after a date: each day a point, month from the date
    P("定于8月2日、3日暂停对外办理", "2022-07-25", ["2022-08-02", "2022-08-03"], id="listed-day-after-a-date"),
    P("9月8日、9日和12日窗口休息", "2022-09-01", ["2022-09-08", "2022-09-09", "2022-09-12"],
      id="variant-three-listed-days"),
    P("8月2日起受理,3日内办结", "2022-07-25", ["2022-08-02"], id="nearmiss-a-duration-after-a-comma"),
    # a day without its month: the month of the date before it in the sentence
    P("9月10日起试运行,自15日18时至17日6时停机", "2022-09-01", ["2022-09-10", "2022-09-15T18:00", "2022-09-17T06:00"],
      id="bare-day-range-month-from-before"),
    P("11月28日起试运行,自30日22时至2日6时停机", "2022-11-20", ["2022-11-28", "2022-11-30T22:00", "2022-12-02T06:00"],
      id="variant-bare-day-range-into-next-month"),
    P("办理时限为15日18时至20日18时", "2022-09-01", [], id="nearmiss-bare-days-with-no-date-before"),
    # compressed day ranges
    P("6月3-5日暂停办理", "2022-05-30", ["2022-06-03", "2022-06-05"], id="compressed-day-range"),
    P("11月28—30日系统迁移", "2022-11-20", ["2022-11-28", "2022-11-30"], id="variant-compressed-with-long-dash"),
    P("6月3-5个工作日内办结", "2022-05-30", [], id="nearmiss-compressed-needs-a-day-word"),
    # 同月 like 当月
    P("2月20日暂停,同月25日恢复", "2023-02-10", ["2023-02-20", "2023-02-25"], id="tongyue-from-the-date-before"),
    # bare relative days
    P("市医保局今日发布通告", "2023-04-06", ["2023-04-06"], id="bare-jinri-is-the-publication-day"),
    P("系统昨天下午已恢复", "2023-04-06", ["2023-04-05"], id="variant-bare-zuotian"),
    P("请关注今日头条号", "2023-04-06", [], id="nearmiss-jinri-in-a-name"),
    P("后天恢复办理", "2021-10-26", ["2021-10-28"], id="bare-houtian-before-a-cue"),
    P("今天小编整理了就医指南", "2023-04-06", [], id="nearmiss-jintian-in-a-phrase"),
    P("业务当日办结", "2023-04-06", [], id="nearmiss-dangri-without-a-date-before"),
    P("请于3月29日15:00前办完当日的业务", "2024-03-20", ["2024-03-29T15:00"], id="nearmiss-dangri-restates-its-date"),
    # the year: a two-digit year, 去年/今年/明年, the next date after the publication, never today's year
    P("22年5月6日起暂停", None, ["2022-05-06"], id="two-digit-year"),
    P("去年11月3日起试点", "2023-02-01", ["2022-11-03"], id="qunian-sets-the-year"),
    P("明年1月2日恢复", "2023-12-10", ["2024-01-02"], id="variant-mingnian-sets-the-year"),
    P("今年6月1日起执行", "2023-12-10", ["2023-06-01"], id="nearmiss-jinnian-stays-in-the-past"),
    P("7月1日起暂停办理", "2023-12-15", ["2024-07-01"], id="month-day-is-the-next-after-publication"),
    P("11月20日印发的通知", "2023-12-15", ["2023-11-20"], id="nearmiss-a-recent-past-date-stays"),
    P("3月29日(星期一)起暂停", None, [], id="weekday-alone-fits-several-years"),
    P("本月30日18时至明年1月2日8时停机", "2022-12-20", ["2022-12-30T18:00", "2023-01-02T08:00"],
      id="mingnian-on-the-right-side"),
    # the right end takes the left end's afternoon
    P("5月9日下午2点到4点暂停", "2023-05-01", ["2023-05-09T14:00", "2023-05-09T16:00"], id="afternoon-carried-right"),
    P("5月9日晚上9点至12点停机", "2023-05-01", ["2023-05-09T21:00", "2023-05-10T00:00"], id="variant-evening-to-midnight"),
    P("5月9日下午2点至次日8点停机", "2023-05-01", ["2023-05-09T14:00", "2023-05-10T08:00"],
      id="nearmiss-right-side-with-its-own-day"),
    # a range for every year is a rule
    P("年度为当年10月1日至次年9月30日", "2023-05-01", [], id="dangnian-to-cinian-is-a-rule"),
    P("上一年度(1月1日至12月31日)的还款额", "2023-05-01", [], id="variant-yearless-calendar-year"),
    P("2023年1月1日至12月31日试行", None, ["2023-01-01", "2023-12-31"], id="nearmiss-calendar-year-with-its-year"),
]


# round 5 (issue 13, time grammar): variants of each form in our own words, with near misses.
GRAMMAR_5 = [
    # dotted and tilde ranges
    P("系统于2019.12.30～2020.1.2停机", None, ["2019-12-30", "2020-01-02"], id="dotted-range-across-new-year"),
    P("系統將於２０２２．３．５～３．７停機升級", None, ["2022-03-05", "2022-03-07"], id="variant-dotted-fullwidth-traditional"),
    P("2022.03.05 18:00~03.07 08:00停机", None, ["2022-03-05T18:00", "2022-03-07T08:00"], id="variant-dotted-with-clocks"),
    P("2022/3/5至3/7暂停", None, ["2022-03-05", "2022-03-07"], id="variant-slashed-with-zhi"),
    P("3.4-3.6暂停", "2023-03-01", [], id="nearmiss-dotted-without-a-year-is-no-date"),
    # lists of days after a date
    P("定于8月2日、3日、4日暂停", "2022-07-25", ["2022-08-02", "2022-08-03", "2022-08-04"], id="three-listed-days"),
    P("8月30日、31日及9月1日暂停", "2022-07-25", ["2022-08-30", "2022-08-31", "2022-09-01"],
      id="variant-listed-days-into-next-month"),
    P("8月2日(周二)、3日(周三)暂停", "2022-07-25", ["2022-08-02", "2022-08-03"], id="variant-listed-days-with-weekdays"),
    P("8月2日和3日暂停", "2022-07-25", ["2022-08-02", "2022-08-03"], id="variant-listed-days-with-he"),
    # a day without its month
    P("9月30日18时起停机,于3日8时恢复", "2022-09-20", ["2022-09-30T18:00", "2022-10-03T08:00"],
      id="bare-day-after-a-comma-goes-to-next-month"),
    P("9月1日通知:自15日18时至22日8时停机", "2023-09-01", ["2023-09-01", "2023-09-15T18:00", "2023-09-22T08:00"],
      id="variant-bare-day-range-after-a-colon"),
    P("9月10日起试运行。\n15日18时至17日6时停机", "2022-09-01", ["2022-09-10"], id="nearmiss-bare-days-in-the-next-sentence"),
    # 同月/当月/次月
    P("2月20日暂停,当月25日恢复", "2023-02-10", ["2023-02-20", "2023-02-25"], id="dangyue-from-the-date-before"),
    P("12月28日暂停,次月3日恢复", "2023-12-10", ["2023-12-28", "2024-01-03"], id="variant-ciyue-into-next-year"),
    # bare relative days and weeks, anchored on the publication
    P("系統已於昨日恢復正常", "2023-04-06", ["2023-04-05"], id="bare-zuori-traditional"),
    P("记者今天从市医保局获悉", "2023-04-06", ["2023-04-06"], id="news-jintian-cong"),
    P("今晚20时至明早8时停机", "2023-04-06", ["2023-04-06T20:00", "2023-04-07T08:00"], id="jinwan-to-mingzao"),
    P("本周六18时起暂停", "2023-03-01", ["2023-03-04T18:00"], id="benzhou-weekday-from-publication"),
    P("下周一8时恢复", "2023-03-01", ["2023-03-06T08:00"], id="variant-xiazhou-weekday"),
    P("定于2023年3月4日(本周六)18时起暂停", None, ["2023-03-04T18:00"], id="benzhou-weekday-as-a-tag"),
    P("预计下周即可恢复,每周一正常办理", "2023-03-01", [], id="nearmiss-a-week-without-its-day-and-every-monday"),
    P("本周六18时起暂停", None, [], id="nearmiss-benzhou-without-publication"),
    # the year
    P("12月28日(星期一)起暂停,1月4日(星期一)恢复", None, [], id="weekdays-fitting-several-years-fix-nothing"),
    P("1月2日恢复", "2023-12-28", ["2024-01-02"], id="january-after-a-december-publication"),
    P("12月30日暂停", "2024-01-02", ["2023-12-30"], id="variant-december-before-a-january-publication"),
    # the right end takes the left end's part of day
    P("5月9日上午9点至11点暂停", "2023-05-01", ["2023-05-09T09:00", "2023-05-09T11:00"], id="morning-stays-morning"),
    P("5月9日晚8时至11时停机", "2023-05-01", ["2023-05-09T20:00", "2023-05-09T23:00"], id="variant-wan-carried-right"),
    P("5月9日(周二)下午1点至3点停机", "2023-05-01", ["2023-05-09T13:00", "2023-05-09T15:00"],
      id="variant-afternoon-after-a-weekday"),
    P("5月9日晚上10点至2点停机", "2023-05-01", ["2023-05-09T22:00", "2023-05-10T02:00"], id="evening-to-small-hours"),
    P("5月9日下午1:00-3:00停机", "2023-05-01", ["2023-05-09T13:00", "2023-05-09T15:00"], id="variant-afternoon-colon-clocks"),
    # compressed day ranges
    P("9月19—21日暂停", "2023-09-01", ["2023-09-19", "2023-09-21"], id="compressed-long-dash"),
    P("9 月 19 - 21 日暂停", "2023-09-01", ["2023-09-19", "2023-09-21"], id="variant-compressed-with-blanks"),
    P("2023年9月19~21日暂停", None, ["2023-09-19", "2023-09-21"], id="variant-compressed-tilde-with-year"),
    # month-end words as the right end of a range
    P("自10月19日起至本月底", "2021-10-01", ["2021-10-19", "2021-10-31"], id="month-end-words"),
    P("2月10日至月末暂停", "2024-02-01", ["2024-02-10", "2024-02-29"], id="variant-yuemo-in-a-leap-year"),
    P("11月20日至次月底暂停受理", "2023-11-01", ["2023-11-20", "2023-12-31"], id="variant-ciyue-di"),
    P("12月1日至明年2月底", "2023-11-20", ["2023-12-01", "2024-02-29"], id="variant-mingnian-month-end"),
    P("2023年11月20日至年底", None, ["2023-11-20", "2023-12-31"], id="variant-niandi"),
    P("7月底前完成,月末结账", "2023-06-01", [], id="nearmiss-month-end-alone-is-no-point"),
    # clocks and layout
    P("3月4日18∶00至3月6日8∶00", "2023-03-01", ["2023-03-04T18:00", "2023-03-06T08:00"], id="ratio-sign-colon"),
    P("2022年3月\n5日18:00起停机", None, ["2022-03-05T18:00"], id="line-break-inside-a-date"),
    P("2022年3月5日18:00至\n3月7日8:00停机", None, ["2022-03-05T18:00", "2022-03-07T08:00"], id="line-break-after-zhi"),
    P("缴费期为3月\n5个工作日内办结", "2023-03-01", [], id="nearmiss-line-break-after-a-month-alone"),
]


# Round 3 of issue 13 (time grammar): a day without its month acting after a date, 次日/当日 in the
# sentence after their date, ranges joined by 直到/直至 after a comma. Own wording, invented dates.
GRAMMAR_6 = [
    P("5月2日、3日、4日暂停办理业务,5日恢复。", "2020-05-01",
      ["2020-05-02", "2020-05-03", "2020-05-04", "2020-05-05"], id="bare-day-with-a-resume-cue"),
    P("9月27日18时起暂停受理,30日起恢复受理", "2024-09-20", ["2024-09-27T18:00", "2024-09-30"],
      id="bare-day-with-qi-after-a-date"),
    P("11月29日停機,12日 恢復辦理", "2019-11-20", ["2019-11-29", "2019-12-12"],
      id="variant-bare-day-traditional-blank-next-month"),
    P("3月8日起暂停,请在15日内办理完毕", "2023-03-01", ["2023-03-08"], id="nearmiss-bare-day-within-days"),
    P("3月8日起暂停,15日后另行安排", "2023-03-01", ["2023-03-08"], id="nearmiss-bare-day-after-days"),
    P("30日起恢复受理", "2024-09-20", [], id="nearmiss-bare-day-with-no-date-before"),
    P("2024年1月12日18时系统停机。次日8时恢复。", None, ["2024-01-12T18:00", "2024-01-13T08:00"],
      id="ciri-in-the-next-sentence"),
    P("2024年1月12日发布。\n当日起暂停办理", None, ["2024-01-12"], id="variant-dangri-qi-on-the-next-line"),
    P("从6月30日晚间开始,直到7月3日早上8点,暂停服务。", "2023-06-28", ["2023-06-30", "2023-07-03T08:00"],
      id="range-kaishi-comma-zhidao"),
    P("6月30日17时起,直至7月3日8时", "2023-06-28", ["2023-06-30T17:00", "2023-07-03T08:00"],
      id="variant-range-qi-comma-zhizhi"),
    P("直到7月3日8时才能办理", "2023-06-28", ["2023-07-03T08:00"], id="nearmiss-zhidao-alone-is-a-point"),
    P("4月9日8:30—12:00、14:00—17:30暂停挂号", "2025-04-01",
      ["2025-04-09T08:30", "2025-04-09T12:00", "2025-04-09T14:00", "2025-04-09T17:30"],
      id="second-clock-range-of-the-same-day"),
    P("2025年4月9日上午9时至11时及下午3时至5时停机", None,
      ["2025-04-09T09:00", "2025-04-09T11:00", "2025-04-09T15:00", "2025-04-09T17:00"],
      id="variant-second-clock-range-with-its-part-of-day"),
    P("4月9日9:00-12:00,工作日9:00-17:00照常办理", "2025-04-01", ["2025-04-09T09:00", "2025-04-09T12:00"],
      id="nearmiss-office-hours-after-a-comma"),
    P("4月9日9:00-12:00、下午暂停", "2025-04-01", ["2025-04-09T09:00", "2025-04-09T12:00"],
      id="nearmiss-part-of-day-alone-after-a-clock-range"),
    # years: a cited regulation of years before is no anchor; a year named alone is one; 元月
    P("依据2016年12月1日起施行的办法,本站定于7月1日至3日停机。", "2023-06-28",
      ["2016-12-01", "2023-07-01", "2023-07-03"], id="cited-old-date-gives-no-year"),
    P("按2022年12月20日通知要求,定于1月3日停机。", "2023-01-01", ["2022-12-20", "2023-01-03"],
      id="nearmiss-recent-full-date-still-anchors"),
    P("因2031年度结转,定于12月29日17时至1月2日8时停机。", None, ["2031-12-29T17:00", "2032-01-02T08:00"],
      id="year-named-alone-anchors"),
    P("2030年医保年度切换,定于12月28日(星期六)18时至1月3日(星期五)8时停机。", None,
      ["2030-12-28T18:00", "2031-01-03T08:00"], id="variant-weekdays-around-a-named-year"),
    P("2021年、2022年两个年度的数据,于12月29日停机迁移。", None, [], id="nearmiss-two-named-years-no-weekday"),
    P("定于2029年12月30日17时至2030年元月2日8时停机", None, ["2029-12-30T17:00", "2030-01-02T08:00"],
      id="yuanyue-is-january"),
    P("元月5日起暂停受理", "2027-12-20", ["2028-01-05"], id="variant-yuanyue-opens-a-point"),
    P("某医保发〔2031〕7号 定于12月29日停机", None, ["2031-12-29"], id="document-number-year-anchors"),
    P("第2031号文件,定于12月29日停机", None, [], id="nearmiss-number-is-no-year"),
    # 即日 (the day of the notice); a date in brackets after a weekday keeps the clock after it
    P("自即日起至2026年3月14日,暂停受理转移业务", "2026-03-02", ["2026-03-02", "2026-03-14"], id="jiri-is-the-publication-day"),
    P("即日起暫停受理,3月14日恢復", "2026-03-02", ["2026-03-02", "2026-03-14"], id="variant-jiri-traditional"),
    P("即日起暂停受理", None, [], id="nearmiss-jiri-without-a-publication"),
    P("周六(3月14日)20时起系统停机", "2026-03-02", ["2026-03-14T20:00"], id="date-in-brackets-then-its-clock"),
    P("3月14日(今天)下午6点起系统停机", "2026-03-14", ["2026-03-14T18:00"], id="variant-today-aside-then-clock"),
    P("(截止3月14日)共办理20件", "2026-03-02", ["2026-03-14"], id="nearmiss-bracket-then-a-count"),
    # a year-less month.day before its weekday (poster style); a joining dash alone on its line
    P("5.8(周一)18:00-5.10(周三)8:00系统停机", "2028-05-01", ["2028-05-08T18:00", "2028-05-10T08:00"],
      id="dotted-month-day-before-its-weekday"),
    P("5/8 星期一 18:00起停机", "2028-05-01", ["2028-05-08T18:00"], id="variant-slashed-month-day-before-weekday"),
    P("版本5.8已发布,周一起启用", "2028-05-01", [], id="nearmiss-version-number-before-a-weekday-word"),
    P("5月8日18:00\n—\n5月10日8:00\n系统停机", "2028-05-01", ["2028-05-08T18:00", "2028-05-10T08:00"],
      id="dash-alone-on-its-line-joins-a-range"),
    P("5月8日18:00起停机\n- 5月10日8:00恢复", "2028-05-01", ["2028-05-08T18:00", "2028-05-10T08:00"],
      id="nearmiss-list-bullet-dash-is-no-join"),
    # the evening of 今晚/当晚 carried to a bare right clock; 当晚 after a date sets the evening
    P("今晚8点至12点暂停服务", "2029-03-06", ["2029-03-06T20:00", "2029-03-07T00:00"], id="tonight-carried-to-the-right-end"),
    P("今晚9時至11時暫停服務", "2029-03-06", ["2029-03-06T21:00", "2029-03-06T23:00"], id="variant-tonight-traditional"),
    P("3月9日当晚8点起暂停,次日早上8点恢复", "2029-03-06", ["2029-03-09T20:00", "2029-03-10T08:00"],
      id="dangwan-after-a-date-is-evening"),
    P("今天上午8点至12点暂停服务", "2029-03-06", ["2029-03-06T08:00", "2029-03-06T12:00"],
      id="nearmiss-morning-is-not-carried"),
]


# Round 5: classes a fit to the tuning notices misses, in our own words (places, dates invented).
GRAMMAR_7 = [
    # a range broken across lines around its joining word (a reflowed page, a poster)
    P("2030年6月14日18:00\n至6月17日8:00暂停业务", None, ["2030-06-14T18:00", "2030-06-17T08:00"],
      id="joining-word-opens-the-next-line"),
    P("2030年6月14日18:00至\n6月17日8:00暂停业务", None, ["2030-06-14T18:00", "2030-06-17T08:00"],
      id="variant-joining-word-ends-its-line"),
    P("2030年6月14日18時\n到2030年6月17日8時,暫停全部業務", None, ["2030-06-14T18:00", "2030-06-17T08:00"],
      id="variant-dao-opens-the-next-line-traditional"),
    P("6月14日前完成申报。\n至6月20日止可补缴", "2030-06-01", ["2030-06-14", "2030-06-20"],
      id="nearmiss-zhi-after-a-sentence-end-joins-nothing"),
    # blanks around the colon of a clock (text taken from a PDF) and full-width digits
    P("12 月 31 日 20 : 00 至 1 月 2 日 8 : 00暂停所有医保业务", "2030-12-20",
      ["2030-12-31T20:00", "2031-01-02T08:00"], id="blanks-around-the-clock-colon"),
    P("１２月３１日２０：００至１月２日８：００暂停所有医保业务", "2030-12-20",
      ["2030-12-31T20:00", "2031-01-02T08:00"], id="variant-full-width-digits-and-colon"),
    P("十二月三十一日二十二时三十分起暂停,一月二日八时恢复", "2030-12-20",
      ["2030-12-31T22:30", "2031-01-02T08:00"], id="variant-chinese-numerals-across-the-year-end"),
    # a whole day (全天) as one item of a list of days
    P("6月15日全天及6月16日上午暂停办理所有业务", "2030-06-10", ["2030-06-15", "2030-06-16"],
      id="whole-day-item-of-a-list"),
    P("6月15日(星期六)全天、16日(星期日)全天停机", "2030-06-10", ["2030-06-15", "2030-06-16"],
      id="variant-whole-days-with-weekdays"),
    # weekdays alone are office hours or a weekly rule, not points
    P("办公时间:周一至周五9:00-17:00,6月15日起暂停", "2030-06-10", ["2030-06-15"],
      id="nearmiss-office-hours-by-weekday"),
    P("每周五18时至周一8时系统例行维护", "2030-06-10", [], id="nearmiss-weekly-weekend-window"),
    # a compressed list of days leaves 日 on the last one only (1月5、6日)
    P("6月14、15日暂停所有业务", "2030-06-10", ["2030-06-14", "2030-06-15"], id="compressed-list-of-two-days"),
    P("6月14、15、16日暂停所有业务", "2030-06-10", ["2030-06-14", "2030-06-15", "2030-06-16"],
      id="variant-compressed-list-of-three-days"),
    P("1月5、6號暫停辦理", "2030-01-01", ["2030-01-05", "2030-01-06"], id="variant-compressed-list-hao-traditional"),
    P("14、15日暂停", "2030-05-20", [], id="nearmiss-compressed-list-without-a-month"),
    # a duration states no moment
    P("6月14日20时起停机,停机约48小时,热线24小时服务", "2030-06-10", ["2030-06-14T20:00"],
      id="nearmiss-durations-are-no-clock"),
    # 0:00 / 24:00 / 零时 / 二十四时 / 次日凌晨
    P("6月14日零时至二十四时暂停所有医保业务", "2030-06-10", ["2030-06-14T00:00", "2030-06-15T00:00"],
      id="lingshi-to-ershisishi-one-day"),
    P("6月14日晚22时至次日凌晨4时暂停所有业务", "2030-06-10", ["2030-06-14T22:00", "2030-06-15T04:00"],
      id="evening-to-early-next-day"),
]


# round 7: issue 13 section 3, time grammar, invented places and dates
GRAMMAR_8 = [
    # a year written in any form anchors the year-less dates after it in its sentence
    P("31年3月2日起暂停办理公积金业务,3月5日恢复", None, ["2031-03-02", "2031-03-05"],
      id="two-digit-year-anchors-the-next-date"),
    P("31年12月30日18时起停机,1月2日8时恢复", None, ["2031-12-30T18:00", "2032-01-02T08:00"],
      id="variant-two-digit-year-anchor-rolls-over-new-year"),
    P("明年1月2日起暂停办理,1月5日恢复", "2031-12-20", ["2032-01-02", "2032-01-05"],
      id="variant-relative-year-anchors-the-next-date"),
    P("31年3月2日起暂停办理。另,3月5日召开会议", None, ["2031-03-02"],
      id="nearmiss-written-year-anchors-its-own-sentence-only"),
    # 同日 counts from the date before it, as 当日
    P("2031年3月2日18时起暂停,同日20时恢复", None, ["2031-03-02T18:00", "2031-03-02T20:00"],
      id="tongri-same-day-clock"),
    P("2031年3月2日18時起暫停,同日22時恢復", None, ["2031-03-02T18:00", "2031-03-02T22:00"],
      id="variant-tongri-traditional"),
    P("本市同日发布通知", "2031-03-02", [], id="nearmiss-tongri-without-a-date-before"),
    # forms that already read right (kept as rows)
    P("２０３１年１２月２０日１８时起暂停办理全部业务，２３日８时恢复", None, ["2031-12-20T18:00", "2031-12-23T08:00"],
      id="fullwidth-digits-bare-day-end"),
    P("2031 年 12 月 20 日 18 时起暂停办理全部业务, 23 日 8 时恢复", None, ["2031-12-20T18:00", "2031-12-23T08:00"],
      id="blanks-inside-dates-bare-day-end"),
    P("2031年3月\n2日18时起暂停办理", None, ["2031-03-02T18:00"], id="line-break-after-the-month"),
    P("2031.3.2 18:00-3.4 8:00暂停办理", None, ["2031-03-02T18:00", "2031-03-04T08:00"], id="dotted-range-with-clocks"),
    P("2031年3月2日夜间22时至3日凌晨6时暂停", None, ["2031-03-02T22:00", "2031-03-03T06:00"],
      id="night-to-bare-day-early-morning"),
    P("2031年12月30日起暂停办理,次月3日恢复", None, ["2031-12-30", "2032-01-03"], id="cimonth-after-a-full-date"),
    P("12月28日(星期一)18时起系统停机。关于2020年度医保结转的通知", None, ["2020-12-28T18:00"],
      id="weekday-fits-the-one-year-named"),
    P("记者昨日从市医保局获悉,该市医保系统将于明日起停机", "2031-09-10", ["2031-09-09", "2031-09-11"],
      id="news-relative-days-on-the-publication"),
    P("2031年3月6日(周四)18:00—3月9日(周日)8:00暂停", None, ["2031-03-06T18:00", "2031-03-09T08:00"],
      id="weekday-tags-on-both-ends"),
    # found by rewriting labelled texts with numeric dates (tests/rewrites.py): a list number may
    # open the line right before the year; a version number may not
    P("通知如下:\n1.2031-9-22 8:00起,暂停出具核定单。", None, ["2031-09-22T08:00"], id="list-number-before-a-numeric-date"),
    P("通知如下:\n12.2031.9.22 8:00起,暂停出具核定单。", None, ["2031-09-22T08:00"], id="variant-two-digit-list-number"),
    P("系统版本1.2031.3.4升级后可用", None, [], id="near-miss-a-version-number-is-no-date"),
    P("2031年10月22日18时至第二天8时暂停医保结算", None, ["2031-10-22T18:00", "2031-10-23T08:00"], id="第二天-as-次日"),
]


@pytest.mark.parametrize(("text", "published", "expected"), REAL_POINTS + FORM_POINTS + RANGES + YEARS + TRAPS + BUGS
                         + GRAMMAR_4 + GRAMMAR_5 + GRAMMAR_6 + GRAMMAR_7
                         + GRAMMAR_8)
def test_points(text: str, published: str | None, expected: list[str]) -> None:
    assert points(text, published) == expected


# --- kinds ------------------------------------------------------------------------------------
KINDS = [
    P("2021年9月14日零时起,全州暂停办理经办业务", None, [("2021年9月14日零时", "suspension")], id="zanting"),
    P("2021年9月14日零时起,停止使用旧系统", None, [("2021年9月14日零时", "suspension")], id="tingzhi"),
    P("2020年5月6日8:00起,停办城镇职工医疗保险转移业务", None, [("2020年5月6日8:00", "suspension")], id="tingban"),
    P("2020年5月6日8:00起,暂时冻结基金收入户", None, [("2020年5月6日8:00", "suspension")], id="dongjie"),
    P("9月15日17时省直医保业务系统停机", "2021-09-05", [("9月15日17时", "suspension")], id="tingji"),
    P("外部渠道自12月28日全部停用", "2023-12-15", [("12月28日", "suspension")], id="tingyong"),
    P("2021年10月1日起,窗口关闭", None, [("2021年10月1日", "suspension")], id="guanbi"),
    P("2023年4月23日0时至5月7日9时全市参保登记业务无法办理", None,
      [("2023年4月23日0时至5月7日9时", "suspension")], id="wufa-banli"),
    P("2021年10月6日15:00起,各项医保业务逐步恢复办理", None, [("2021年10月6日15:00", "resume")], id="huifu"),
    P("恢复服务时间:9月8日(星期三)9时起。", "2021-08-23", [("9月8日(星期三)9时", "resume")], id="huifu-label"),
    P("2019年8月27日8时起,以上暂停业务恢复办理", None, [("2019年8月27日8时", "resume")], id="yishang-zanting-huifu"),
    P("(四)12月9日8:00时起,除工伤住院结算继续暂停办理外,其余社保业务恢复办理。", "2021-11-20",
      [("12月9日8:00时", "resume")], id="chu-zanting-wai-huifu"),
    P("9月22日8时上线启用新系统", "2021-09-05", [("9月22日8时", "go_live")], id="shangxian"),
    P("我市将于11月8日8:00在全市范围内启用全新的平台", "2021-10-20", [("11月8日8:00", "go_live")], id="qiyong"),
    P("2021年12月1日起开通线上服务", None, [("2021年12月1日", "go_live")], id="kaitong"),
    P("2021年10月11日前报经办机构", None, [("2021年10月11日", "deadline")], id="qian"),
    P("请于8月20日20:00之前完成缴费", "2021-08-10", [("8月20日20:00", "deadline")], id="zhiqian"),
    P("2021年10月28日以前出院的患者", None, [("2021年10月28日", "deadline")], id="yiqian"),
    P("报销期限延长至2022年5月31日", None, [("2022年5月31日", "deadline")], id="yanchang-zhi"),
    P("截至2021年9月30日,共办理", None, [("2021年9月30日", "deadline")], id="jiezhi"),
    P("2021年10月19日17时完成征缴对账", None, [("2021年10月19日17时", "deadline")], id="wancheng"),
    P("2021年10月20日,对未缴费单位名单进行作废处理", None, [("2021年10月20日", "other")], id="other"),
    P("9月3日,省医保局发布消息,省医保中心将停用省直医保业务系统", "2021-09-05", [("9月3日", "other")],
      id="announce-date-is-other"),
    P("停机期间(2021年9月30日18:00至10月8日8:00),参保人先行垫付", None,
      [("2021年9月30日18:00至10月8日8:00", "suspension")], id="tingji-qijian-label"),
    P("2021年9月30日18:00起暂停;待系统恢复后补办", None, [("2021年9月30日18:00", "suspension")],
      id="dai-huifu-hou-ignored"),
    P("自2021年10月21日18时起至新系统上线时止,暂停业务。", None, [("2021年10月21日18时", "suspension")],
      id="open-end-words-hide-their-cue"),
    P("预计6月20日前后上线。", "2021-06-01", [("6月20日", "go_live")], id="qianhou-not-deadline"),
    P("一、停机切换时间\n2021年10月21日18时至10月31日22时。", None,
      [("2021年10月21日18时至10月31日22时", "suspension")], id="kind-from-heading"),
    # round 3 (extra2 corpus): table rows have no verb; the header cell over them types them (haerbin)
    P("业务类别 | 停机时间 | 恢复时间\n异地就医直接结算 | 2021年11月11日18:00 | 另行通知", None,
      [("2021年11月11日18:00", "suspension")], id="kind-from-table-header-cell"),
    P("业务 | 停机时间 | 恢复时间\n网上大厅 | 另行通知 | 2022年3月9日8:00", None,
      [("2022年3月9日8:00", "resume")], id="kind-from-the-cell-index-column"),
    P("停机时间 恢复时间\n2022年3月5日 18:00 2022年3月7日 8:00", None,
      [("2022年3月5日 18:00 2022年3月7日 8:00", "suspension")], id="kind-from-blank-separated-header"),
    P("一、停机安排\n经办服务 | 2022年3月5日18:00 | 2022年3月7日8:00", None,
      [("2022年3月5日18:00 | 2022年3月7日8:00", "suspension")], id="kind-from-heading-over-headerless-table"),
    P("一、停机安排\n\n经办服务 2022年3月5日 18:00 2022年3月7日 8:00\n\n网上大厅 2022年3月6日 0:00 2022年3月7日 8:00", None,
      [("2022年3月5日 18:00 2022年3月7日 8:00", "suspension"), ("2022年3月6日 0:00 2022年3月7日 8:00", "suspension")],
      id="kind-from-heading-over-headerless-html-table"),
    P("6月1日至6月30日前完成申报", "2030-05-20", [("6月1日至6月30日", "deadline")],
      id="nearmiss-qian-closing-a-filing-range-is-a-deadline"),
    P("6月1日至6月30日前暂停申报", "2030-05-20", [("6月1日至6月30日", "suspension")],
      id="qian-closing-a-stop-range-keeps-the-stop"),
    P("6月30日前暂停申报", "2030-05-20", [("6月30日", "deadline")], id="nearmiss-qian-after-a-point-stays-a-deadline"),
    P("6月13日8时前完成切換並恢復服務", "2030-06-10", [("6月13日8时", "resume")], id="qian-done-and-back-is-a-resume"),
    P("6月13日前完成结算", "2030-06-10", [("6月13日", "deadline")], id="nearmiss-qian-done-alone-is-a-deadline"),
    P("6月14日18时前可正常刷卡结算", "2030-06-10", [("6月14日18时", "deadline")],
      id="nearmiss-normal-until-a-moment-is-a-deadline"),
    P("6月14日18时停机恢复时间待定", "2030-06-10", [("6月14日18时", "suspension")],
      id="nearmiss-a-label-glued-to-the-words-is-read"),
    P("因系统升级,本月申报期限延长到2031年10月24日", None, [("2031年10月24日", "deadline")], id="延长到-is-a-deadline"),
    P("2031年10月24日18时起暂不办理医保业务。", None, [("2031年10月24日18时", "suspension")], id="暂不办理-is-a-stop"),
]


@pytest.mark.parametrize(("text", "published", "expected"), KINDS)
def test_kinds(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert kinds(text, published) == expected


# --- downtime ---------------------------------------------------------------------------------
DOWNTIME = [
    P("一、停机时间\n2023年12月30日17时至2024年1月2日18时\n二、停机范围", None,
      ("2023-12-30T17:00", "2024-01-02T18:00"), id="section-heading"),
    P("(一)暂停办理业务时间\n2019年8月22日20时至2019年8月27日8时。\n三、恢复\n2019年8月27日8时起,以上暂停业务恢复办理", None,
      ("2019-08-22T20:00", "2019-08-27T08:00"), id="section-subheading"),
    P("停机时间:2022年2月26日0时至3月20日24时\n业务恢复办理时间:\n3月21日0时,各项业务服务全面恢复正常。", None,
      ("2022-02-26T00:00", "2022-03-21T00:00"), id="section-label-24shi"),
    P("(一)2020年5月6日8:00起,停办所有大厅受理征缴业务。\n(二)2020年5月10日8:00起,停办所有网厅业务。\n"
      "(三)2020年5月15日18:00起,全市暂停办理医保业务。\n2020年5月21日8:00恢复。", None,
      ("2020-05-15T18:00", "2020-05-21T08:00"), id="skip-contribution-and-online-stops"),
    P("1.2021年9月23日8:00起,暂停出具医保核定单,单位网上申报系统同时暂停。\n"
      "2.2021年9月27日18:00起,税务局暂停医疗保险费征收。\n3.2021年10月1日18:00起,暂停医疗保障业务,"
      "暂停定点医疗机构医保结算。\n2021年10月6日15:00起,各项医保业务逐步恢复办理", None,
      ("2021-10-01T18:00", "2021-10-06T15:00"), id="tianmen-core-stop"),
    P("2021年8月16日18:00至2021年8月27日08:00暂停省内省外异地就医直结业务;\n"
      "2021年8月22日18:00至2021年8月27日08:00,全市暂停办理全部医保业务。\n"
      "2021年8月21日20:00至2021年9月2日8:00,税务部门暂停征缴业务。", None,
      ("2021-08-22T18:00", "2021-09-02T08:00"), id="lanzhou-province-out-tax-end-in"),
    P("于2015年12月31日21:00至2016年1月1日凌晨4:00期间暂停实时交易结算服务。\n"
      "全省各地将于2015年12月30日17点30分至2016年1月2日18点暂停省内异地就医联网结算。", None,
      ("2015-12-31T21:00", "2016-01-01T04:00"), id="ningbo-province-component-longer"),
    P("2021年10月30日(星期六)18:00,停用原医保信息系统。2021年11月8日(星期一)8:00,启用新的平台。\n"
      "其中:省异地就医管理系统自2021年10月28日(星期四)18:00起开始切换上线准备,本市同步暂停异地就医服务。",
      None, ("2021-10-30T18:00", "2021-11-08T08:00"), id="luan-earlier-province-stop"),
    P("2023年12月26日(周二)起暂停公积金贷款发放和保证金解付;\n2023年12月27日(周三)17:00起暂停各网点"
      "及线上渠道的业务受理和查询;\n2024年1月9日(周二)09:00起恢复全部渠道的公积金业务受理", None,
      ("2023-12-27T17:00", "2024-01-09T09:00"), id="nanchang-loan-stop-is-partial"),
    P("公告!某市8月30日至9月8日暂停医保经办业务\n一、暂停服务时间\n停止服务时间:8月30日(星期一)22时起。\n"
      "恢复服务时间:9月8日(星期三)9时起。", "2021-08-23", ("2021-08-30T22:00", "2021-09-08T09:00"),
      id="clock-beats-bare-date"),
    P("今天0时至10月29日24时,本市停止运行旧医保信息系统。新平台预计10月30日上线。2021年6月30日", None,
      (None, "2021-10-30T00:00"), id="xiamen-unanchored-start"),
    P("今天下午5点起郑州全市暂停办理所有医保业务 11月28日逐步恢复\n11月19日17时起暂停办理所有医保业务;"
      "11月21日18时起暂停刷卡。11月28日8时起,逐步恢复刷卡;业务恢复时间另行通知。", "2021-11-19",
      ("2021-11-19T17:00", "2021-11-28T08:00"), id="zhengzhou-latest-stated-resume"),
    P("2021年11月23日18:00至2021年12月5日8:00期间,全市定点医药机构暂停医保结算。\n"
      "(三)2021年12月13日8:00起,恢复居民医保缴费业务。", None,
      ("2021-11-23T18:00", "2021-12-13T08:00"), id="latest-resume-contribution"),
    P("9月30日18:00起暂停所有医保业务,恢复时间另行通知。", "2021-09-01", ("2021-09-30T18:00", None),
      id="open-end"),
    P("2021年10月30日18:00起暂停所有业务。报销期限延长至2022年5月31日。", None, ("2021-10-30T18:00", None),
      id="deadline-is-not-an-end"),
    P("2021年10月30日18:00起暂停所有业务。2021年11月8日起恢复。2023年1月1日起恢复新功能。", None,
      ("2021-10-30T18:00", "2021-11-08"), id="far-resume-ignored"),
    P("系统切换期间(12月24日18:00—12月31日8:00),参保人先行垫付。2021年12月20日", None,
      ("2021-12-24T18:00", "2021-12-31T08:00"), id="period-label"),
    P("2020年1月1日零时起,全市医保业务系统切换至新系统。请于2019年12月31日前完成结算。", None,
      ("2020-01-01T00:00", None), id="switch-fallback"),
    P("请于2021年10月11日前完成结算。", None, None, id="deadline-only-no-downtime"),
    P("一、系统切换时间\n2021年11月5日18:00至11月12日8:00\n二、注意事项\n2021年11月1日起暂停办理缴费。", None,
      ("2021-11-05T18:00", "2021-11-12T08:00"), id="section-qiehuan-shijian"),
    P("新系统切换上线时间:2021年11月12日8:00。2021年11月5日18时起全市暂停医保经办业务。", None,
      ("2021-11-05T18:00", "2021-11-12T08:00"), id="go-live-section-is-not-the-start"),
    P("2021年12月24日18:00至12月31日8:00。在此期间暂停联网结算。", None,
      ("2021-12-24T18:00", "2021-12-31T08:00"), id="range-fallback-keeps-its-end"),
    P("為做好系統切換工作,6月25日(星期六)18時至6月27日(星期一)8時,全市醫保定點醫藥機構暫停醫保結算服務。"
      "6月27日8時起恢復正常。", "2022-06-20", ("2022-06-25T18:00", "2022-06-27T08:00"), id="traditional-characters"),
    P("关于暂停医保业务的公告\n我市将于2021年11月20日切换上线新平台。\n一、暂停业务时间\n"
      "2021年11月17日18:00至11月20日8:00,暂停全市医保经办业务。\n(二)11月16日18:00起,暂停异地就医备案业务。\n"
      "11月20日8:00起,恢复全市医保业务。\n特此公告。\n某某市医疗保障局\n2021年11月10日", None,
      ("2021-11-17T18:00", "2021-11-20T08:00"), id="full-notice-with-signature"),
    P("2021年9月15日零时起,全州暂停经办业务。2021年9月11日零时起至9月18日止,暂停缴费业务。"
      "预计2021年10月1日零时起,各项医保业务逐步恢复办理。", None, ("2021-09-15T00:00", "2021-10-01T00:00"),
      id="bazhou-earlier-contribution-stop"),
    # bugs caught
    P("我局于2023年3月10日18:00-3月13日9:00对医保业务系统进行升级,期间暂停办理省本级参保登记、个人账户支取等业务,"
      "省内异地就医直接结算不受影响。", None, ("2023-03-10T18:00", "2023-03-13T09:00"),
      id="kept-open-province-part-is-not-the-component"),
    P("2021年10月28日18:00起,暂停省内异地就医直接结算服务,至10月31日18:00恢复。", None,
      ("2021-10-28T18:00", "2021-10-31T18:00"), id="only-a-province-level-stop-still-gives-one-downtime"),
    # round 2 (extra corpus): on the stop's day, a clock restates a day-precision lead (chongqing-gjj, luoyang)
    P("因年度结息,6月30日至7月1日上午全市住房公积金业务将暂停办理。定于6月30日16:00至7月1日12:00暂停办理归集、"
      "提取、贷款等业务。7月1日12:00后恢复正常办理。", "2020-06-23", ("2020-06-30T16:00", "2020-07-01T12:00"),
      id="lead-day-range-restated-with-clocks"),
    P("一、2016年12月31日24时起,原系统停止运行,暂停住院和门诊即时结算。新系统于2017年1月3日上午8时开通运行。\n"
      "二、系统切换期间(1月1日至1月2日)出院的,先行记账。", "2016-12-27", ("2017-01-01T00:00", "2017-01-03T08:00"),
      id="24shi-is-the-day-of-the-bracketed-period"),
    P("因系统升级,3月4日至3月6日暂停社保业务。具体为3月4日(星期五)18:00至3月6日(星期日)8:00暂停办理参保登记、"
      "转移接续等业务,3月6日8:00后恢复。", "2022-03-01", ("2022-03-04T18:00", "2022-03-06T08:00"),
      id="variant-social-insurance-restated-with-clocks"),
    P("2022年5月10日起,暂停全市医保经办业务。5月11日18时起,系统停机。5月16日恢复。", None,
      ("2022-05-10", "2022-05-16"), id="a-clock-on-another-day-is-another-stop"),
    # round 2: a short closed pause before the main stop is a stage (datong)
    P("一、暂停服务时间\n(一)10月22日(星期五)18时至次日8时,全市医保信息系统进行数据预迁移,其间定点医药机构暂停医保联网结算。\n"
      "(二)自2021.10.26(星期二)凌晨0时起,全市医保信息系统停机切换,医保经办及定点医药机构医保结算全部暂停。\n"
      "(三)新系统预计于11月2日(星期二)8时上线。", "2021-10-20", ("2021-10-26T00:00", "2021-11-02T08:00"),
      id="one-night-pre-migration-is-a-stage"),
    P("(一)2022年6月10日20时至次日6时,系统数据预迁移,暂停医保结算。(二)2022年6月15日18时起,全市医保经办业务全部暂停。"
      "(三)预计6月20日8时上线。", None, ("2022-06-15T18:00", "2022-06-20T08:00"), id="variant-stage-before-open-stop"),
    P("2022年6月10日18时至次日8时,暂停全市医保结算。6月20日起暂停缴费业务。", None,
      ("2022-06-10T18:00", "2022-06-11T08:00"), id="a-later-partial-stop-makes-no-stage"),
    # round 2: 异地就医 inside the list of a general stop is not the subject (hunan-shengben, yanbian)
    P("(一)经办业务:2021年10月29日18:00起,服务大厅暂停办理参保登记、缴费核定、转移接续、异地就医备案、零星报销等各项"
      "经办业务。\n(二)结算业务:2021年10月31日18:00起,定点医疗机构的医保直接结算暂停。\n(三)预计11月8日起逐步恢复上述业务。",
      None, ("2021-10-29T18:00", "2021-11-08"), id="yidi-filing-in-a-list-of-a-general-stop"),
    P("2022年4月8日18:00起,暂停门诊、住院、异地就医结算等医保业务;4月9日18:00起,暂停缴费业务。4月12日8:00恢复。", None,
      ("2022-04-08T18:00", "2022-04-12T08:00"), id="variant-yidi-settlement-in-a-list"),
    P("2022年4月8日18:00起,暂停异地就医直接结算等业务;4月9日18:00起,暂停全市医保经办业务。4月12日8:00恢复。", None,
      ("2022-04-09T18:00", "2022-04-12T08:00"), id="deng-alone-makes-no-list"),
    P("(二)自11月25日18时起,暂停我州参保人员异地就医直接结算,跨省及省内异地住院费用不能联网结算。\n(三)自11月26日18时起,"
      "全州医保经办业务及定点医药机构的医保联网结算全部暂停。新系统预计于12月3日8时上线。", "2021-11-15",
      ("2021-11-26T18:00", "2021-12-03T08:00"), id="kuasheng-yidi-settlement-is-province-level"),
    # round 3 (extra2 corpus): times only in a flattened table (haerbin; its header line was lost)
    P("一、停机安排\n医保经办服务(含网上办事大厅) | 2021年11月12日17:00 | 2021年11月22日8:30\n定点医药机构联网结算 | "
      "2021年11月13日0:00 | 2021年11月21日8:00\n省内及跨省异地就医直接结算 | 2021年11月11日18:00 | 另行通知", None,
      ("2021-11-12T17:00", "2021-11-22T08:30"), id="table-rows-without-header"),
    P("各项安排如下:\n业务 | 停机时间 | 恢复时间\n缴费业务 | 2022年3月1日18:00 | 2022年3月9日8:00\n全部经办业务 | "
      "2022年3月3日18:00 | 2022年3月8日8:00", None, ("2022-03-03T18:00", "2022-03-09T08:00"),
      id="variant-table-with-header-and-a-partial-row"),
    P("停机时间 恢复时间\n2022年3月5日 18:00 2022年3月7日 8:00", None, ("2022-03-05T18:00", "2022-03-07T08:00"),
      id="variant-html-table-cells-as-blanks"),
    # round 3: a partial stop listed first in the stop-time section is not the headline (hainan, xiangxi)
    P("一、暂停服务时间\n(一)6月22日(星期二)18:00起,暂停办理参保登记、人员增减和缴费核定业务。\n(二)6月25日(星期五)18:00起,"
      "全省暂停办理各项医保经办业务。\n(三)7月1日8:00起各项经办业务全面恢复。", "2021-06-18",
      ("2021-06-25T18:00", "2021-07-01T08:00"), id="partial-stop-first-in-section"),
    P("一、停机时间\n(一)2022年5月10日18时起,网上服务大厅和APP暂停服务。\n(二)2022年5月12日18时起至5月16日8时,"
      "全市医保经办业务和联网结算暂停。", None, ("2022-05-12T18:00", "2022-05-16T08:00"),
      id="variant-online-stop-first-in-section"),
    P("一、停机时间\n2022年5月10日18时起,暂停缴费业务。5月20日8时恢复。", None, ("2022-05-10T18:00", "2022-05-20T08:00"),
      id="a-partial-stop-alone-is-still-the-stop"),
    # round 3: a request after the 异地 stop (请在此之前办理出院结算) does not make it core (zhuhai)
    P("珠海医保系统将于11月26日18时起停机,全市医保经办业务暂停办理,预计12月6日8时起逐步恢复。此外,异地就医直接结算"
      "将提前于11月25日18时暂停,在外地住院的参保人请尽量在此之前办理出院结算。", "2021-11-22",
      ("2021-11-26T18:00", "2021-12-06T08:00"), id="yidi-stop-followed-by-a-request"),
    P("2022年8月1日起,异地就医直接结算暂停,请参保人提前办理出院结算;8月2日18时起全市医保业务暂停,8月5日8时恢复。", None,
      ("2022-08-02T18:00", "2022-08-05T08:00"), id="variant-yidi-stop-then-request"),
    P("2022年8月1日18时起,异地就医直接结算暂停,全市医保经办业务同步暂停。8月2日18时起暂停缴费业务。8月5日8时恢复。", None,
      ("2022-08-01T18:00", "2022-08-05T08:00"), id="a-second-stop-subclause-keeps-it-core"),
    # round 3: maintenance and upgrade times are stop-time sections (zhangjiakou)
    P("系统维护通知|6月25日晚至27日社保业务暂停办理\n一、维护时间\n2021年6月25日(周五)20:00至6月27日(周日)24:00。\n"
      "二、维护结束后系统将于6月28日(周一)8:30恢复对外服务。", "2021-06-24", ("2021-06-25T20:00", "2021-06-28T08:30"),
      id="weihu-time-section"),
    P("关于系统升级的通知:9月3日起社保业务暂停办理\n一、系统升级时间\n2022年9月3日8:00至9月4日20:00\n"
      "二、9月5日8:30恢复对外服务。", None, ("2022-09-03T08:00", "2022-09-05T08:30"), id="variant-shengji-time-section"),
    # found by rewriting labelled texts with other offices' words (tests/rewrites.py): 停运 and 割接
    # head the stop time as 停机 and 切换 do; a payment system's stop is partial under any verb
    P("一、医保系统停运时间\n(一)2031年10月15日20时起,先关闭青禾医保的缴费功能。\n"
      "(二)2031年10月22日20时起,全市医保系统停止运行。", None, ("2031-10-22T20:00", None), id="停运-heads-the-stop-time"),
    P("系统割接时间\n2031年3月2日18时至3月4日8时\n割接期间暂停医保结算。", None, ("2031-03-02T18:00", "2031-03-04T08:00"),
      id="割接-heads-the-stop-time"),
    P("1、2031年12月30日18时起,青禾市社保缴费终端和自助缴费系统暂时停止运行。\n"
      "2、2031年12月31日18时起,青禾市医保结算系统暂停运行。", None, ("2031-12-31T18:00", None),
      id="a-payment-systems-stop-is-partial-whatever-the-verb"),
    P("2031年10月20日18时起暂停缴费申报。\n2031年10月22日18时起暂停办理所有涉税事项。", None, ("2031-10-22T18:00", None),
      id="all-matters-is-the-core-business"),
]


# round 4 (real corpus, tune half): the headline is the stop of the main business.
DOWNTIME_4 = [
    P("3月1日、2日,交管APP升级,其间不能办理业务。3月5日起暂停在窗口办理驾驶证业务。", "2023-02-27",
      ("2023-03-05", None), id="a-counter-stop-before-an-online-one"),
    P("3月1日起暂停网上缴费。3月2日起暂停办理医保业务。", "2023-02-27", ("2023-03-02", None),
      id="variant-payment-first"),
    P("3月1日起暂停办理业务,网上渠道同步关闭。", "2023-02-27", ("2023-03-01", None),
      id="nearmiss-one-stop-of-both"),
    P("一、停机切换时间(一)2024年5月10日18时起,暂停医保缴费功能;(二)2024年5月12日18时起,暂停定点医药机构医保结算业务。",
      None, ("2024-05-12T18:00", None), id="partial-stop-under-a-stop-time-label"),
    P("一、停机切换时间 2024年5月10日18时起,暂停医保经办业务。", None, ("2024-05-10T18:00", None),
      id="nearmiss-core-stop-under-the-label"),
    P("1月8日18时起个人网厅停止所有线上社保业务;1月10日18时起,经办机构暂停所有社保业务办理,预计1月15日8时恢复。",
      "2024-01-02", ("2024-01-10T18:00", "2024-01-15T08:00"), id="online-business-words-are-a-part"),
    P("1月8日18时起,柜台和网上社保业务全部暂停,1月15日8时恢复。", "2024-01-02",
      ("2024-01-08T18:00", "2024-01-15T08:00"), id="nearmiss-counters-and-online"),
    P("1、9月1日0时-9月10日24时,暂停跨省转入业务受理。2、9月5日0时-9月10日24时,暂停所有渠道提取业务。", "2024-08-20",
      ("2024-09-05T00:00", "2024-09-11T00:00"), id="transfer-in-is-a-part"),
    P("2023年12月27日至12月30日,各网点暂停对外办理业务。系统关闭时间:2023年12月27日16时至2024年1月2日9时,"
      "关闭网上大厅、手机App等线上渠道。", None, ("2023-12-27", "2024-01-02T09:00"), id="online-clock-is-not-the-counter-clock"),
    P("2023年12月27日至12月30日,暂停办理业务。2023年12月27日16时至12月30日,柜台和网上大厅关闭。", None,
      ("2023-12-27T16:00", "2023-12-30"), id="nearmiss-same-day-clock-of-the-same-stop"),
    P("1、居民医保参保登记、核定业务\n暂停时间: 2024年3月4日17:00起\n2、定点医药机构联网结算业务\n"
      "暂停时间: 2024年3月8日18:00起\n恢复时间: 2024年3月15日8:00后恢复", None, ("2024-03-08T18:00", "2024-03-15T08:00"),
      id="item-line-over-a-bare-label"),
    P("2024年6月1日22时至6月2日6时停机维护,6月2日7时重启服务。", None, ("2024-06-01T22:00", "2024-06-02T07:00"),
      id="restart-is-a-resumption"),
    P("一、暂停时间\n2024年8月16日17时起暂停办理各项涉税业务。\n二、恢复办理时间\n自2024年8月23日8时30分起,全省各级税务机关",
      None, ("2024-08-16T17:00", "2024-08-23T08:30"), id="heading-over-a-line-opened-by-zi"),
    P("4月8日停机,当晚恢复。", "2024-04-01", ("2024-04-08", "2024-04-08"), id="dangwan-resumes-the-same-day"),
]


# round 5 (issue 13, headline downtime): variants of each rule in our own words, with near misses.
HEADLINE_5 = [
    # the main business stops, not an earlier partial stop (online, one way of paying, a deadline)
    P("3月1日18时起关闭网上服务大厅和手机APP。3月3日18时起,全市医保经办窗口暂停办理业务,3月8日8时恢复。", "2023-02-20",
      ("2023-03-03T18:00", "2023-03-08T08:00"), id="online-channels-close-first"),
    P("自2023年3月1日起暂停微信缴费;2023年3月3日18时起全市社保业务暂停办理,3月8日恢复。", None,
      ("2023-03-03T18:00", "2023-03-08"), id="variant-one-way-of-paying-first"),
    P("自3月1日起,各银行网点暂停代收医保费。3月3日18时至3月8日8时,暂停所有医保业务。", "2023-02-20",
      ("2023-03-03T18:00", "2023-03-08T08:00"), id="variant-bank-collection-first"),
    P("请参保单位在3月2日17时前办结业务。自3月3日起,医保系统停机切换,预计3月8日恢复。", "2023-02-20",
      ("2023-03-03", "2023-03-08"), id="variant-finish-before-the-stop"),
    P("3月1日起网上办税服务厅暂停使用,3月3日起办税服务厅暂停办理各类涉税业务,3月8日起恢复正常。", "2023-02-20",
      ("2023-03-03", "2023-03-08"), id="variant-tax-online-hall-first"),
    P("自3月1日起,各银行网点暂停办理公积金业务。3月5日起暂停网上缴存。", "2023-02-20", ("2023-03-01", None),
      id="nearmiss-bank-branches-stop-all-business"),
    P("6月29日18时起暂停银行缴存;6月30日17时起暂停柜台业务;7月3日9时恢复。", "2023-06-20",
      ("2023-06-30T17:00", "2023-07-03T09:00"), id="variant-bank-deposit-first"),
    P("6月29日18时起暂停提取业务;6月30日17时起,全面暂停;7月3日9时恢复。", "2023-06-20",
      ("2023-06-30T17:00", "2023-07-03T09:00"), id="variant-withdrawal-first-then-quanmian"),
    P("6月29日18时起暂停提取业务,6月30日恢复;7月1日起暂停缴存业务。", "2023-06-20", ("2023-06-29T18:00", "2023-06-30"),
      id="nearmiss-partial-stops-only-the-earliest"),
    # business runs normally again from a date: an end, never a start
    P("3月3日18时起暂停办理。3月8日起各项业务正常办理。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08"),
      id="normal-again-from-a-date-is-the-end"),
    P("3月8日起业务照常办理。3月3日起暂停。", "2023-02-20", ("2023-03-03", "2023-03-08"),
      id="variant-normal-again-written-first"),
    P("3月3日18時起暫停服務。3月8日8時起,可正常辦理各項業務。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="variant-normal-again-traditional"),
    P("3月3日18时起暂停服务。3月8日8时起,各项业务正常开展。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="variant-normal-again-kaizhan"),
    P("3月3日18时起,门诊业务正常办理,住院结算暂停。3月8日恢复。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08"),
      id="nearmiss-a-kept-open-part-beside-a-stop"),
    P("3月3日18时起系统停机,届时将无法正常办理业务。3月8日恢复。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08"),
      id="nearmiss-cannot-run-normally-is-a-stop"),
    P("3月3日至3月5日窗口正常办理,3月6日18时起暂停全部业务,3月9日恢复。", "2023-02-20", ("2023-03-06T18:00", "2023-03-09"),
      id="nearmiss-a-range-kept-open-is-no-end"),
    # the end is the real resumption, not a guess at crowding after it
    P("3月3日18时至3月6日8时停机,期间进行测试,3月7日8时测试完成后恢复正常。", "2023-02-20",
      ("2023-03-03T18:00", "2023-03-07T08:00"), id="resumption-after-a-test"),
    P("3月3日18时至3月6日8时停机。系统恢复初期(3月6日至3月9日)可能出现排队,敬请谅解。", "2023-02-20",
      ("2023-03-03T18:00", "2023-03-06T08:00"), id="crowding-in-the-first-days-is-no-end"),
    P("3月3日18时至3月6日8时停机。3月6日8时恢复后,预计3月10日前业务量较大,请错峰办理。", "2023-02-20",
      ("2023-03-03T18:00", "2023-03-06T08:00"), id="variant-crowding-deadline"),
    # a resume word on the line after its time
    P("3月3日18时起暂停。\n3月8日8时起\n恢复办理。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="resume-word-on-the-next-line"),
    P("3月3日18时起,暂停全部业务。3月8日8时\n恢复正常。", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="variant-resume-line-after-a-bare-time"),
    P("3月3日18时起暂停全部业务\n3月8日8时起\n各项业务正常办理", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="variant-poster-lines-normal-again"),
    P("一、暂停时间\n3月3日18时\n二、恢复时间\n3月8日8时", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="nearmiss-the-next-line-is-a-heading"),
    P("停机时间:3月3日18时\n恢复时间:3月8日8时", "2023-02-20", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="nearmiss-the-next-line-is-a-label"),
    # the end written as until when the stop lasts, or as a verb of reopening
    P("2023年6月30日17时起暂停办理业务,至7月3日9时止。", None, ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="until-a-point-after-a-stop-ends-it"),
    P("2023年6月30日17时开始停机,7月3日9时结束。", None, ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="variant-a-point-then-jieshu"),
    P("2023年6月30日17時起停機,預計停機至7月3日9時。", None, ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="variant-tingji-zhi-traditional"),
    P("6月30日17时起停止服务\n直至7月3日9时为止", "2023-06-20", ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="variant-zhizhi-on-a-poster-line"),
    P("2023年6月30日17时起暂停办理业务。集中缴费期至7月31日止。", None, ("2023-06-30T17:00", None),
      id="nearmiss-until-in-a-sentence-without-a-stop"),
    P("2023年6月30日17时起暂停办理业务,报销期限延长至7月31日。", None, ("2023-06-30T17:00", None),
      id="nearmiss-extended-until-is-a-deadline"),
    P("2023年6月30日17时起暂停办理业务,7月3日9时起重新受理。", None, ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="chongxin-shouli-reopens"),
    P("2023年6月30日17时起暂停办理业务,7月3日9时起开放。", None, ("2023-06-30T17:00", "2023-07-03T09:00"),
      id="variant-open-again-from-a-point"),
    P("6月30日17时起停机,7月3日恢复。跨年住院的,7月10日为其重新办理入院登记。", "2023-06-20",
      ("2023-06-30T17:00", "2023-07-03"), id="nearmiss-redoing-a-registration-is-no-resumption"),
    # news-report phrasing
    P("记者从市医保局获悉,3月3日18时至8日8时,全市医保系统停机升级。", "2023-02-28", ("2023-03-03T18:00", "2023-03-08T08:00"),
      id="news-report-lead"),
    P("据介绍,本次升级从3月3日晚上8点开始,到3月4日早上8点结束。", "2023-02-28", ("2023-03-03T20:00", "2023-03-04T08:00"),
      id="variant-news-from-until"),
]


# Round 3 of issue 13 (headline downtime): resumptions stated in other words, lists of days.
HEADLINE_6 = [
    P("6月30日、7月1日停机维护,7月3日起正常处理各项业务。", "2023-06-28", ("2023-06-30", "2023-07-03"),
      id="normal-processing-again-is-an-end"),
    P("9月25日18:00起暂停处理涉税事务;10月8日8:00起,办税服务厅照常处理业务。", "2015-09-20",
      ("2015-09-25T18:00", "2015-10-08T08:00"), id="variant-tax-hall-handles-as-usual"),
    P("从6月30日晚间开始,直到7月3日早上8点,暂停服务。", "2023-06-28", ("2023-06-30", "2023-07-03T08:00"),
      id="from-the-evening-until-a-morning"),
    P("2024年1月12日18时系统停机。次日8时恢复。", None, ("2024-01-12T18:00", "2024-01-13T08:00"),
      id="resume-on-the-next-day-in-its-own-sentence"),
    P("5月2日暂停办理业务,5日恢复。", "2020-05-01", ("2020-05-02", "2020-05-05"), id="resume-on-a-bare-day"),
    P("10月8日起可正常处理,9月25日18时起暂停处理", "2015-09-20", ("2015-09-25T18:00", "2015-10-08"),
      id="variant-resumption-stated-first"),
    P("8月2日、3日、4日系统停机,暂停办理各项业务。", "2022-07-25", ("2022-08-02", "2022-08-04"),
      id="list-of-days-ends-on-its-last-day"),
    P("8月2日和8月3日暫停辦理全部業務", "2022-07-25", ("2022-08-02", "2022-08-03"),
      id="variant-list-of-two-days-traditional"),
    P("8月2日、3日照常办理,8月5日起暂停办理全部业务", "2022-07-25", ("2022-08-05", None),
      id="nearmiss-list-of-open-days-is-no-stop"),
    P("于8月2日18时开始,8月4日9时结束,期间暂停服务", "2022-07-25", ("2022-08-02T18:00", "2022-08-04T09:00"),
      id="span-begun-and-ended-in-two-sub-clauses"),
    P("系统升级自8月2日起,8月4日止,升级期间暫停辦理業務", "2022-07-25", ("2022-08-02", "2022-08-04"),
      id="variant-span-qi-zhi-traditional"),
    P("征求意见于8月2日18时开始,8月4日9时结束,期间欢迎提出建议", "2022-07-25", None,
      id="nearmiss-span-without-a-stop"),
    # crowding after the resumption is no end of the downtime
    P("9月5日18时起系统停机,9月9日8时恢复。恢复后可能出现办理高峰,预计9月16日前后恢复正常秩序。", "2027-09-01",
      ("2027-09-05T18:00", "2027-09-09T08:00"), id="order-back-after-crowding-is-no-end"),
    P("9月5日18時起系統停機,9月9日8時恢復;預計9月12日起排隊情況恢復正常", "2027-09-01",
      ("2027-09-05T18:00", "2027-09-09T08:00"), id="variant-queues-back-to-normal-traditional"),
    P("9月5日18时起系统停机,9月9日8时恢复办理,届时可能出现办理高峰", "2027-09-01",
      ("2027-09-05T18:00", "2027-09-09T08:00"), id="nearmiss-crowding-in-a-later-sub-clause"),
    # 前 before a resume word: resumed by then (an end), not a deadline; a time given up (原定)
    P("4月10日起暂停办理,预计4月14日前恢复。", "2028-04-01", ("2028-04-10", "2028-04-14"), id="resumed-before-a-day-is-an-end"),
    P("4月10日17時起暫停辦理,4月14日之前恢復上線", "2028-04-01", ("2028-04-10T17:00", "2028-04-14"),
      id="variant-zhiqian-resume-traditional"),
    P("4月10日起暂停办理,请于4月14日前完成申报", "2028-04-01", ("2028-04-10", None), id="nearmiss-deadline-stays-a-deadline"),
    P("原定4月8日的停机调整为4月10日18时至4月12日8时。", "2028-04-01", ("2028-04-10T18:00", "2028-04-12T08:00"),
      id="time-given-up-is-no-start"),
    P("因系统升级,原计划于4月12日恢复的业务推迟至4月14日恢复", "2028-04-01", (None, "2028-04-14"),
      id="variant-planned-resumption-given-up"),
    # after/before office hours stand before 至 as a part of day
    P("4月10日下班后至4月12日上班前暂停办理业务", "2028-04-01", ("2028-04-10", "2028-04-12"),
      id="office-hours-words-before-zhi"),
    P("自4月10日下班后暂停辦理,4月12日上班後恢復", "2028-04-01", ("2028-04-10", "2028-04-12"),
      id="variant-office-hours-words-traditional"),
    # the electronic tax bureau is an online channel: its earlier stop is not the headline
    P("5月20日起暂停电子税务局发票开具;5月23日17时起办税服务厅暂停办理业务,5月26日8时恢复。", "2030-05-10",
      ("2030-05-23T17:00", "2030-05-26T08:00"), id="electronic-tax-bureau-is-online"),
    P("5月20日起电子税务局、办税服务厅全部暂停办理,5月26日8时恢复。", "2030-05-10", ("2030-05-20", "2030-05-26T08:00"),
      id="nearmiss-online-and-counter-together-is-core"),
    # a resume word on a later line after a blank one still binds to its time (poster spacing)
    P("6月12日18时起暂停办理。\n6月15日8:00\n\n恢复办理", "2030-06-01", ("2030-06-12T18:00", "2030-06-15T08:00"),
      id="resume-word-after-a-blank-line"),
    P("6月12日18時起暫停辦理。\n6月15日8:00起\n\n\n全面恢復各項業務", "2030-06-01", ("2030-06-12T18:00", "2030-06-15T08:00"),
      id="variant-resume-after-two-blank-lines-traditional"),
    P("6月12日18时起暂停办理。\n6月15日8:00\n\n二、恢复办理注意事项", "2030-06-01", ("2030-06-12T18:00", None),
      id="nearmiss-numbered-heading-after-a-blank-line"),
]


# Round 5: the headline of staged notices, windows stated in a table row or a poster line, open ends,
# year ends and weekends without years, a start and an end in separate sentences.
HEADLINE_7 = [
    P("第一阶段(6月3日—6月9日):暂停缴费业务;第二阶段(6月10日18时—6月13日8时):暂停全部医保业务。",
      "2030-05-28", ("2030-06-10T18:00", "2030-06-13T08:00"), id="staged-second-stage-is-the-headline"),
    P("分两批进行:第一批6月3日起暂停转移接续业务,第二批6月10日18时起全面停机,6月13日8时恢复。",
      "2030-05-28", ("2030-06-10T18:00", "2030-06-13T08:00"), id="variant-staged-in-batches"),
    P("先于6月8日17时起暂停网上业务大厅,后于6月10日18时起暂停所有窗口业务,6月13日8时起恢复。",
      "2030-05-28", ("2030-06-10T18:00", "2030-06-13T08:00"), id="variant-staged-first-online-then-counters"),
    P("第一阶段:6月1日20时至22时,系统停机测试;第二阶段:6月10日18时至6月13日8时,系统停机切换。",
      "2030-05-28", ("2030-06-10T18:00", "2030-06-13T08:00"), id="variant-short-test-stop-before-the-switch"),
    P("时间:6月10日18:00—6月13日8:00\n内容:暂停医保经办业务", "2030-05-28",
      ("2030-06-10T18:00", "2030-06-13T08:00"), id="poster-time-line"),
    P("项目 | 时间\n暂停全部业务 | 6月10日18:00至6月13日8:00\n恢复办理 | 6月13日8:00起", "2030-05-28",
      ("2030-06-10T18:00", "2030-06-13T08:00"), id="variant-table-row"),
    P("★停机时间★\n6月10日(周一)18:00\n至\n6月13日(周四)8:00", "2030-05-28",
      ("2030-06-10T18:00", "2030-06-13T08:00"), id="variant-poster-joining-word-alone"),
    P("6月10日18时起暂停所有医保业务,暂停至另行通知。", "2030-05-28", ("2030-06-10T18:00", None),
      id="open-end-until-further-notice"),
    P("自6月10日起暫停辦理全部業務,恢復時間另行通知。", "2030-05-28", ("2030-06-10", None),
      id="variant-open-end-traditional"),
    P("6月10日18时起暂停所有医保业务,直至系统切换完成。", "2030-05-28", ("2030-06-10T18:00", None),
      id="variant-open-end-until-the-switch-is-done"),
    P("6月14日起暂停办理,待疫情结束后恢复。", "2030-06-10", ("2030-06-14", None), id="variant-open-end-until-an-event"),
    P("6月14日起暂停办理,恢复时间另行通知。请于6月13日前办理完毕。", "2030-06-10", ("2030-06-14", None),
      id="nearmiss-open-end-and-an-earlier-deadline"),
    P("12月31日18时至1月3日8时暂停所有医保业务。", "2030-12-28", ("2030-12-31T18:00", "2031-01-03T08:00"),
      id="year-end-without-years"),
    P("1月1日至1月3日暂停所有医保业务。", "2030-12-28", ("2031-01-01", "2031-01-03"),
      id="variant-new-year-days-announced-in-december"),
    P("5月10日周五18时至13日周一8时系统停机", "2030-05-08", ("2030-05-10T18:00", "2030-05-13T08:00"),
      id="weekend-with-weekdays-bare-right-day"),
    P("本周五18时至下周一8时系统停机。", "2024-05-08", ("2024-05-10T18:00", "2024-05-13T08:00"),
      id="variant-weekend-relative-weeks"),
    P("6月15日(星期六)全天暂停所有医保业务。", "2030-06-10", ("2030-06-15", None), id="whole-day-is-a-start"),
    P("分别于6月15日20时至24时、6月22日20时至24时暂停所有医保业务。", "2030-06-10",
      ("2030-06-15T20:00", "2030-06-23T00:00"), id="two-separate-nightly-windows"),
    P("6月14日24时起暂停所有医保业务,6月16日0时恢复", "2030-06-10", ("2030-06-15T00:00", "2030-06-16T00:00"),
      id="24shi-start-and-0shi-end"),
    P("6月14日18时开始暂停所有业务。6月17日8时结束停机。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="end-of-the-stop-named-as-such"),
    P("停机开始:6月14日18时。停机结束:6月17日8时。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="variant-end-of-the-stop-as-a-label"),
    P("6月14日18時起系統停機,6月17日8時維護結束。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="variant-maintenance-over-traditional"),
    P("6月14日18时起暂停所有业务。6月17日停机结束后,请于6月20日前补录", "2030-06-10", ("2030-06-14T18:00", None),
      id="nearmiss-after-the-stop-ends-is-no-end"),
    P("2030年6月14日18:00\n至6月17日8:00暂停业务", None, ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="range-broken-before-its-joining-word"),
    P("6月15日全天及6月16日上午暂停办理所有业务", "2030-06-10", ("2030-06-15", "2030-06-16"),
      id="whole-day-opens-a-list-of-days"),
    P("6月14日18时至6月17日8时前暂停所有医保业务", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="qian-closing-a-stop-range"),
    P("1月5、6號暫停辦理,7號恢復", "2030-01-01", ("2030-01-05", "2030-01-07"), id="compressed-list-then-a-resume"),
    # the end of a stop in a sentence of its own, in words a fit to the tuning notices lacked
    P("6月14日18时起暂停所有医保业务。6月17日上午8:00后可正常办理。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="hou-then-normal-again-is-an-end"),
    P("6月14日18时起暂停所有医保业务。6月17日8:00开放所有业务。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="open-right-after-a-point-is-an-end"),
    P("6月14日18时起暂停所有医保业务。系统预计6月17日8时前完成切换并恢复服务。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="switch-done-and-back-by-then"),
    P("6月14日18時起暫停全部醫保業務。6月17日8時系統切換完成,恢復各項業務。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="variant-switch-done-traditional"),
    P("6月14日18时起暂停所有医保业务。6月17日8点起可以正常刷卡结算。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="variant-can-swipe-normally-again"),
    P("6月14日18时起暂停所有医保业务。6月17日8时起解除暂停。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="variant-stop-lifted"),
    P("6月14日18时起系统停机,6月17日8时开机。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="variant-switched-on-again"),
    P("6月14日18时起暂停所有医保业务。请于6月13日前完成申报,系统恢复后补录。", "2030-06-10",
      ("2030-06-14T18:00", None), id="nearmiss-deadline-then-resume-in-the-next-sub-clause"),
    P("6月14日18时旧系统关停,6月17日8时新系统启用。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="old-system-shut-down-new-one-on"),
    P("6月14日(周五)18时起,医保业务“停办”,6月17日(周一)8时“复办”。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="variant-stop-and-restart-of-business-quoted"),
    P("6月14日18時起閉廳,6月17日8時開廳。", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="variant-hall-closed-and-reopened-traditional"),
    # a stop stated as a length after its start: the end is the start plus the length
    P("6月14日20时起停机,停机约48小时,热线24小时服务", "2030-06-10", ("2030-06-14T20:00", "2030-06-16T20:00"),
      id="length-in-hours-after-the-start"),
    P("6月14日20時起停機維護,預計持續兩天。", "2030-06-10", ("2030-06-14T20:00", "2030-06-16T20:00"),
      id="variant-length-in-days-chinese-numeral-traditional"),
    P("6月14日20时起暂停服务。为期10小时。", "2030-06-10", ("2030-06-14T20:00", "2030-06-15T06:00"),
      id="variant-length-in-the-next-sentence"),
    P("6月14日20时起停机,停机期间24小时热线服务", "2030-06-10", ("2030-06-14T20:00", None),
      id="nearmiss-a-period-then-a-service-length"),
    P("6月14日20时起停机,24小时内恢复", "2030-06-10", ("2030-06-14T20:00", None), id="nearmiss-within-a-length"),
    P("6月14日20时起停机,停机后3天内补录", "2030-06-10", ("2030-06-14T20:00", None),
      id="nearmiss-a-length-after-the-stop"),
    P("6月14日起暂停所有业务,预计持续3天", "2030-06-10", ("2030-06-14", None),
      id="nearmiss-days-after-a-bare-date-are-ambiguous"),
    P("6月14日20时起停机,6月16日8时恢复,停机约36小时", "2030-06-10", ("2030-06-14T20:00", "2030-06-16T08:00"),
      id="nearmiss-a-stated-end-beats-a-length"),
    P("6月14日20时起停机,恢复时间另行通知,预计停机48小时", "2030-06-10", ("2030-06-14T20:00", None),
      id="nearmiss-an-open-end-beats-a-length"),
    # two labelled cells read on one line: the second label names the second time only
    P("停机时间 6月14日18:00 恢复时间 6月17日8:00", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="two-label-cells-on-one-line"),
    P("暫停時間:6月14日18:00 | 恢復時間:6月17日8:00", "2030-06-10", ("2030-06-14T18:00", "2030-06-17T08:00"),
      id="variant-two-label-cells-with-a-bar-traditional"),
    P("医保系统将于6月14日18时开始停机。\n\n预计6月17日8时恢复正常。", "2030-06-10",
      ("2030-06-14T18:00", "2030-06-17T08:00"), id="start-and-resume-in-separate-paragraphs"),
]


# round 7: issue 13 section 3, headline downtime, invented places and dates
HEADLINE_8 = [
    P("为做好系统升级,自2031年3月5日12时起网上办事大厅暂停服务;3月6日18时起全市医保经办业务全部暂停,3月9日8时恢复。",
      "2031-03-01", ("2031-03-06T18:00", "2031-03-09T08:00"), id="online-hall-first-then-all-business"),
    P("線上渠道自2031年3月5日起暫停,2031年3月6日18時至3月9日8時所有業務暫停辦理。", "2031-03-01",
      ("2031-03-06T18:00", "2031-03-09T08:00"), id="variant-online-first-traditional"),
    P("请于2031年3月5日17时前办结相关业务。2031年3月6日18时至3月9日8时系统停机切换。", "2031-03-01",
      ("2031-03-06T18:00", "2031-03-09T08:00"), id="deadline-before-the-stop-is-no-start"),
    P("2031年3月6日起暂停办理社保业务,\n3月9日起照常受理。", "2031-03-01", ("2031-03-06", "2031-03-09"),
      id="normal-again-on-the-next-line-is-the-end"),
    P("2031年3月6日18时起暂停全部医保业务,预计于3月9日8时\n起恢复办理。", "2031-03-01",
      ("2031-03-06T18:00", "2031-03-09T08:00"), id="resume-word-on-the-line-after-its-time"),
    P("| 停机时间 | 2031年12月20日18:00—12月23日8:00 |", None, ("2031-12-20T18:00", "2031-12-23T08:00"),
      id="range-in-a-table-cell"),
    P("据介绍,2031年12月20日18时至23日8时,全市医保系统将停机升级。", None, ("2031-12-20T18:00", "2031-12-23T08:00"),
      id="news-report-compressed-range"),
    P("31年3月2日起暂停办理公积金业务,3月5日恢复。", None, ("2031-03-02", "2031-03-05"),
      id="two-digit-year-start-with-a-yearless-end"),
    P("2031年3月2日22时起系统停机,同日23时30分恢复。", None, ("2031-03-02T22:00", "2031-03-02T23:30"),
      id="tongri-resume-is-the-end"),
    # a point opening its own sub-clause that says business runs normally from it is the end, even
    # after a stop cue in the sub-clause before it
    P("因系统升级,全市医保业务暂停办理,3月9日起各项业务正常办理。", "2031-03-01", (None, "2031-03-09"),
      id="normal-again-after-a-comma-is-the-end"),
    P("全市公积金业务暂停办理,3月9日起开放。", "2031-03-01", (None, "2031-03-09"),
      id="variant-open-again-after-a-comma"),
    P("因系统升级,全市醫保業務暫停辦理;\n自3月9日起各項業務照常辦理。", "2031-03-01", (None, "2031-03-09"),
      id="variant-normal-again-after-a-semicolon-traditional"),
    P("全市公积金业务暂停办理,3月9日起暂停网上业务。", "2031-03-01", ("2031-03-09", None),
      id="nearmiss-a-stop-cue-after-the-point-keeps-it-a-stop"),
    # a resumption dated at the very moment the stop begins says what stays open, not an end
    P("2031年3月6日起暂停窗口业务,3月6日起网上业务正常办理。", "2031-03-01", ("2031-03-06", None),
      id="keep-open-from-the-start-day-is-no-end"),
    P("2031年3月6日停机,当晚恢复。", "2031-03-01", ("2031-03-06", "2031-03-06"),
      id="nearmiss-relative-same-day-resume-still-ends"),
    # a clock opening a later sub-clause of a dated point's sentence is the same day's later moment
    P("2031年3月6日17时30分起,网上服务大厅暂停服务;18时起全市各服务大厅暂停办理业务。3月9日8时全面恢复。",
      "2031-03-01", ("2031-03-06T18:00", "2031-03-09T08:00"), id="online-first-then-counters-by-a-bare-clock"),
    P("2031年3月6日上午9时起暂停办理,下午3时恢复。", None, ("2031-03-06T09:00", "2031-03-06T15:00"),
      id="bare-clock-resume-takes-the-afternoon"),
    P("2031年3月6日晚8點起停機,11點恢復。", None, ("2031-03-06T20:00", "2031-03-06T23:00"),
      id="variant-bare-clock-resume-evening-traditional"),
    P("2031年3月6日22时起停机,6时恢复。", None, ("2031-03-06T22:00", None),
      id="nearmiss-an-earlier-bare-clock-is-not-read"),
    P("2031年3月6日9时起暂停,办公时间9:00-17:00。", None, ("2031-03-06T09:00", None),
      id="nearmiss-office-hours-are-no-clause-clock"),
    P("2031年3月6日18时起暂停,24小时内恢复。", None, ("2031-03-06T18:00", None),
      id="nearmiss-a-length-is-no-clause-clock"),
    # a poster: a date alone on its line, its clock on the next one, 至 on a line between
    P("停机时间\n2031年12月20日\n18:00\n至\n2031年12月23日\n8:00\n全部业务暂停", None,
      ("2031-12-20T18:00", "2031-12-23T08:00"), id="poster-date-and-clock-on-separate-lines"),
    P("暫停時間\n2031年12月20日\n下午6時\n至\n12月23日\n上午8時", None,
      ("2031-12-20T18:00", "2031-12-23T08:00"), id="variant-poster-parts-of-day-traditional"),
    P("2031年12月20日18:00至12月23日\n8:00暂停办理", None, ("2031-12-20T18:00", "2031-12-23T08:00"),
      id="line-break-between-date-and-clock"),
    P("2031年12月20日\n8时起暂停办理", None, ("2031-12-20T08:00", None), id="date-line-over-its-clock-is-no-signature"),
    P("2031年12月20日18时起暂停办理。\n特此公告。\n某某市医疗保障局\n2031年12月10日\n18项业务清单见附件", None,
      ("2031-12-20T18:00", None), id="nearmiss-signature-date-over-a-count-stays-a-stamp"),
    # a label's colon written as a blank (tests/rewrites.py label_blanks): the item line above a label
    # alone still names what stops
    P("青禾医保停机切换安排\n1、城乡居民医保参保登记业务\n暂停时间 2031年12月14日17:30起\n2、定点医药机构医保结算业务\n暂停时间 2031年12月22日18:00起\n恢复时间 2031年12月31日23:00后恢复",
      None, ("2031-12-22T18:00", "2031-12-31T23:00"), id="a-label-with-a-blank-for-its-colon-reads-its-item-line"),
    P("青禾医保系统切换安排\n一、停机时段\n2031年3月6日18时至3月9日8时\n二、有关事项\n网上服务大厅于2031年3月5日12时起暂停服务。",
      None, ("2031-03-06T18:00", "2031-03-09T08:00"), id="a-停机时段-heading-names-the-stop-as-停机时间-does"),
]


@pytest.mark.parametrize(("text", "published", "expected"), DOWNTIME + DOWNTIME_4 + HEADLINE_5 + HEADLINE_6
                         + HEADLINE_7 + HEADLINE_8)
def test_downtime(text: str, published: str | None, expected: tuple[str | None, str | None] | None) -> None:
    assert downtime(text, published) == expected


def test_no_downtime_row_when_not_an_outage() -> None:
    _, rows = run("2021年10月21日18时起暂停所有业务。", outage=False)
    assert [w.kind for w in rows] == ["suspension"]


# --- other fields -----------------------------------------------------------------------------
def _one(text: str, published: str | None = None) -> TimeWindow:
    _, rows = run(text, published)
    return [w for w in rows if w.kind != "downtime"][0]


FIELDS = [
    P("预计2021年10月31日22时起,正式启用新医保系统", "is_estimate", True, id="estimate-yuji"),
    P("2021年10月6日15:00起,各项医保业务逐步恢复办理", "is_estimate", True, id="estimate-zhubu"),
    P("2021年10月6日15:00起,各项医保业务恢复办理", "is_estimate", False, id="not-estimate"),
    P("其中,支付端:2020年5月15日18:00—17日8:00", "component", "支付端", id="component-zhifuduan"),
    P("中心端:2020年5月15日18:00—21日8:00", "component", "中心端", id="component-zhongxinduan"),
    P("2021年9月27日18:00起,市税务局、银行暂停医疗保险费征收", "component", "税务", id="component-tax"),
    P("2021年8月15日18:00至8月26日8:00暂停省内、省外异地就医直结业务", "component", "异地就医", id="component-yidi"),
    P("2020年5月15日18:00起数字人社系统停机", "component", "数字人社系统", id="component-shuzi-renshe"),
    P("2021年10月29日18:00起,暂停办理参保登记、异地就医备案、零星报销等各项经办业务", "component", None,
      id="component-not-from-a-list-item-of-a-general-stop"),
    P("2021年11月25日18时起,跨省及省内异地住院费用不能联网结算", "component", None, id="component-kuasheng-no-yidi-word"),
    P("2021年11月25日18时起,暂停异地就医直接结算,跨省异地住院费用不能联网结算", "component", "异地就医",
      id="component-yidi-settlement"),
    P("2020年5月6日8:00起至系统切换工作结束,暂时冻结收入户", "open_end", "至系统切换工作结束", id="open-end-words"),
    P("2021年9月30日18:00起暂停所有医保业务,恢复时间另行通知。", "open_end", "恢复时间另行通知",
      id="open-end-lingxing-tongzhi"),
    P("业务类别 | 停机时间 | 恢复时间\n异地就医直接结算 | 2021年11月11日18:00 | 另行通知", "open_end", "另行通知",
      id="open-end-in-the-next-table-cell"),
]


@pytest.mark.parametrize(("text", "attr", "expected"), FIELDS)
def test_fields(text: str, attr: str, expected: object) -> None:
    assert getattr(_one(text), attr) == expected


def test_deadline_point_goes_in_end() -> None:
    w = _one("请于2021年9月5日18时前完成缴费")
    assert (w.kind, w.start, w.end, w.end_precision) == (
        "deadline", None, dt.datetime(2021, 9, 5, 18, tzinfo=TZ), "hour")


def test_end_from_a_stated_length_is_an_estimate_with_its_words() -> None:
    _, rows = run("6月14日20时起停机,停机约48小时。", "2030-06-10")
    down = [w for w in rows if w.kind == "downtime"][0]
    assert down.is_estimate and down.evidence == "6月14日20时起停机,停机约48小时"
    assert [w.evidence for w in rows if w.kind != "downtime"] == ["6月14日20时"]  # a length is no point


def test_point_has_start_only_and_precisions() -> None:
    w = _one("2021年9月5日18时30分起暂停")
    assert (w.start, w.end, w.start_precision, w.end_precision) == (
        dt.datetime(2021, 9, 5, 18, 30, tzinfo=TZ), None, "minute", None)


# --- skip spans and publication stamps --------------------------------------------------------
STAMPS = [
    P("青禾市税务局通告2025年第6号 发布日期:2025-12-28 信息来源:纳税服务处 为提升系统运行效率,现将有关事项通告如下:",
      ["2025-12-28"], id="a-labelled-page-stamp-run-into-the-text"),
    P("停机时间:2025-12-31 20:00至2026-01-04 08:00", [], id="near-miss-a-stop-times-label-is-no-page-stamp"),
    P("特此通告。\n国家税务总局北京市税务局\n2019年8月14日", ["2019年8月14日"], id="signature-line"),
    P("特此通知\n南昌住房公积金管理中心\n【南昌公积金暂停服务通知】2023年12月15日\n\n相关经验推荐",
      ["2023年12月15日"], id="signature-after-bracketed-title"),
    P("12月29日:因系统年度处理需要,将于2015年12月31日21:00暂停。", ["12月29日"], id="leading-stamp"),
    P("12月29号:因系统年度处理需要,将于2015年12月31号21:00暂停。", ["12月29号"], id="variant-leading-stamp-with-号"),
    P("一、停机时间\n2023年12月30日17时至2024年1月2日18时\n二、范围\n" + "正文。\n" * 10, [], id="range-line-is-not-a-stamp"),
    P("(二)2021年9月14日", [], id="list-marked-date-is-not-a-stamp"),
    # round 2 (extra corpus): signature dates in Chinese numerals (huzhou-gjj, jiyuan-shebao)
    P("特此公告。\n\n湖州市住房公积金管理中心\n二〇二三年十二月二十五日", ["二〇二三年十二月二十五日"], id="cn-numeral-signature"),
    P("特此公告。\n某某县社会保险中心\n二零二二年三月二十五日\n", ["二零二二年三月二十五日"], id="cn-ling-signature"),
    P("二〇二二年三月三十一日十八时起暂停。\n" + "正文。\n" * 10, [], id="cn-numeral-date-with-clock-is-not-a-stamp"),
]


@pytest.mark.parametrize(("text", "expected"), STAMPS)
def test_stamp_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in stamp_spans(text)] == expected


def test_stamp_dates_give_no_row_but_lend_their_year() -> None:
    text = "12月30日:将于12月31日22:00至1月1日凌晨5:00暂停。\n特此通告\n某某市医疗保障局\n2015年12月30日"
    assert points(text) == ["2015-12-31T22:00", "2016-01-01T05:00"]


def test_cn_numeral_signature_gives_no_row_but_lends_its_year() -> None:
    text = "定于十二月二十九日十六时起暂停办理全部业务。\n特此公告。\n某某市住房公积金管理中心\n二〇二三年十二月二十五日"
    assert points(text) == ["2023-12-29T16:00"]


def test_caller_skip_spans_are_honoured() -> None:
    text = "2021年10月19日17时起暂停。2021年10月11日"
    body, rows = run(text, skip=[(text.index("2021年10月11日"), len(text))])
    assert [w.evidence for w in rows if w.kind != "downtime"] == ["2021年10月19日17时"]


# --- known failures ---------------------------------------------------------------------------
KNOWN_FAILURES = [
    # a window repeated every night of a range is a rule of the range, not a point of its own
    P("3月4日至5日每天22时至次日6时停机", "2023-03-01", ["2023-03-04", "2023-03-05"], id="nightly-window-inside-a-range"),
]


@pytest.mark.parametrize(("text", "published", "expected"),
                         [pytest.param(*p.values, id=p.id, marks=pytest.mark.xfail(strict=True))
                          for p in KNOWN_FAILURES])
def test_known_failures(text: str, published: str | None, expected: list[str]) -> None:
    assert points(text, published) == expected
