"""Hostile document shapes: inputs made to find work that grows faster than the input.

Each shape is a function of a size in characters giving the text of one document (``.txt`` or
``.html``): a normal notice head (so every stage runs: it is an outage notice with times, a phone
and a service) followed by a long run of one pattern. Used by ``tests/test_hostile_inputs.py``
(each shape parses within the time budget) and ``bench/bench_hostile.py`` (seconds per MB).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["HEAD", "Shape", "SHAPES", "document", "DATES", "NUMBERS", "WORDS", "CONTROLS", "INFO_LABELS",
           "random_notice"]

# A short outage notice: title, a stop with times, a service and a phone.
HEAD = ("关于医保信息系统升级停机的公告\n"
        "因系统升级,2021年10月20日18时至10月22日8时暂停医保结算业务。咨询电话:0350-3032798\n")


@dataclass(frozen=True, slots=True)
class Shape:
    """A hostile shape: what it is, its suffix, and its text for a size in characters."""

    name: str
    what: str
    suffix: str
    make: Callable[[int], str]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _deep_html(size: int) -> str:
    depth = max(1, size // 11)
    return ("<html><head><title>关于医保信息系统升级停机的公告</title></head><body>" + "<div>" * depth
            + HEAD.replace("\n", "<br>") + "</div>" * depth + "</body></html>")


def _deep_table(size: int) -> str:
    depth = max(1, size // 30)
    return ("<html><body><p>" + HEAD.replace("\n", "</p><p>") + "</p>"
            + "<table><tr><td>" * depth + "电话0350-3032798" + "</td></tr></table>" * depth + "</body></html>")


def _many_cells(size: int) -> str:
    row = "<tr><td>忻州市医保中心</td><td>0350-3032798</td><td>2021年10月20日</td></tr>"
    return ("<html><body><p>" + HEAD.replace("\n", "</p><p>") + "</p><table>"
            + _repeat(row, size) + "</table></body></html>")


SHAPES: tuple[Shape, ...] = (
    Shape("digit_run", "one run of digits", ".txt", lambda n: HEAD + "1" * n),
    Shape("letter_run", "one run of ASCII letters inside a sentence", ".txt", lambda n: HEAD + "说明" + "a" * n + "。"),
    Shape("alnum_dots", "a1.a1.a1... (domain-like)", ".txt", lambda n: HEAD + _repeat("a1.", n)),
    Shape("dash_digits", "0350-0350-0350-... (landline-like)", ".txt", lambda n: HEAD + _repeat("0350-", n)),
    Shape("email_like", "x@x@x@... and a long local part", ".txt", lambda n: HEAD + _repeat("ab@cd.", n)),
    Shape("numbers_one_line", "one line of cued numbers (咨询电话3032798,)", ".txt",
          lambda n: HEAD + _repeat("咨询电话3032798,", n)),
    Shape("bare_numbers_line", "one line of bare local numbers (某单位3032798、)", ".txt",
          lambda n: HEAD + _repeat("某单位3032798、", n)),
    Shape("stops_one_line", "one line of stops with phones (暂停医保结算,电话0350-3032798;)", ".txt",
          lambda n: HEAD + _repeat("暂停医保结算,电话0350-3032798;", n)),
    Shape("services_one_line", "one clause of services, no punctuation", ".txt",
          lambda n: HEAD + _repeat("暂停办理医保结算业务和社保缴费", n)),
    Shape("services_lines", "many short service lines", ".txt", lambda n: HEAD + _repeat("暂停办理医保结算业务和社保缴费。\n", n)),
    Shape("dates_one_line", "one line of dates (2021年10月20日18时至)", ".txt",
          lambda n: HEAD + _repeat("2021年10月20日18时至", n)),
    Shape("labels_one_line", "one line of labelled times (停机时间:2021-10-20 )", ".txt",
          lambda n: HEAD + _repeat("停机时间:2021-10-20 ", n)),
    Shape("cjk_run_ting", "one run of 停", ".txt", lambda n: HEAD + "停" * n),
    Shape("cjk_run_ri", "one run of 日", ".txt", lambda n: HEAD + "日" * n),
    Shape("cjk_run_yi", "one run of 医", ".txt", lambda n: HEAD + "医" * n),
    Shape("brackets", "one run of opening brackets", ".txt", lambda n: HEAD + "(" * (n // 2) + "【" * (n // 2)),
    Shape("info_labels", "来源:来源:来源:... (info-line labels)", ".txt", lambda n: HEAD + _repeat("来源:", n)),
    Shape("long_url", "one URL of n characters", ".txt", lambda n: HEAD + "http://a.cn/" + "a1" * (n // 2)),
    Shape("short_lines", "many one-character lines", ".txt", lambda n: HEAD + _repeat("停\n", n)),
    Shape("control_chars", "control characters everywhere", ".txt", lambda n: HEAD + _repeat("停\x00机\x07\x1b", n)),
    Shape("html_deep_divs", "HTML nested <div> n/11 deep", ".html", _deep_html),
    Shape("html_deep_tables", "HTML nested tables n/30 deep", ".html", _deep_table),
    Shape("html_many_cells", "HTML phone table of n/60 rows", ".html", _many_cells),
)


def document(shape: Shape, size: int) -> bytes:
    """The shape's text at ``size`` characters, UTF-8."""
    return shape.make(size).encode("utf-8")


# --- pieces of generated notices (tests/test_parse_properties.py, bench/fuzz_parse.py) ----------
DATES = [
    "2021-10-20 10:05", "2021-10-20", "2021年10月20日", "2021年10月20日18时", "10月22日8:00", "10月20日(星期五)18:00",
    "2022/3/1", "20211020", "2021.10.20", "12月31日24时", "次日8时", "2021年13月45日", "0000-00-00", "9999年",
    "18:00-次日08:00", "当日17时30分",
]
NUMBERS = ["0350-3032798", "12393", "3032798", "18906112333", "400-800-1234", "(0773)2886097", "0", "1", "100",
           "99999999999999999999", "3.5", "-1", "+86"]
WORDS = [
    "关于", "医保", "信息系统", "升级", "停机", "的公告", "通知", "暂停", "办理", "医保结算", "社保缴费", "恢复",
    "公积金", "税务", "网上办理", "期间", "至", "起", "前", "后", "咨询电话:", "联系电话", "如有疑问,请拨打",
    "市医疗保障局", "忻州市医保中心", "综合科", "渠 县", "各参保单位", "特此公告", "先行垫付", "异地就医",
    "住院", "门诊", "除", "外", "。", ",", ";", ":", "、", "|", "\t", " ", "(", ")", "【", "】", "《", "》",
    "〔2021〕", "第", "号", "一、", "(一)", "1.", "①", "来源:", "作者:", "发布时间:", "更新时间:", "浏览次数:",
    "首页 > 通知公告", "打印本页", "关闭窗口", "【字体:大 中 小】", "分享到:", "上一篇", "下一篇",
    "http://www.example.gov.cn/a.html", "a@b.cn", "附件:", ".pdf", "转自", "省", "市", "县",
]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x85", "\x9f", "\r",
            "\u2028", "\ufeff", "\u200b"]
INFO_LABELS = ["来源:", "作者:", "发布时间:", "来源: ", "作者:", "发布日期:"]


def random_notice(rng: random.Random, max_lines: int = 25) -> list[str]:
    """The lines of a generated notice (the mix of tests/test_parse_properties.py, drawn by ``rng``)."""
    # Control characters are rare: a NUL or many controls in the first 8 KiB make the page binary
    # (rejected before any stage), which would leave little for the rest of the pipeline.
    pools = [WORDS] * 9 + [DATES, DATES, NUMBERS, NUMBERS, CONTROLS]
    lines = []
    for _ in range(rng.randint(1, max_lines)):
        if rng.random() < 1 / 3:
            lines.append(rng.choice(INFO_LABELS) + rng.choice([*DATES, *WORDS, ""]) + rng.choice([*DATES, *WORDS, ""]))
        else:
            lines.append("".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 14))))
    return lines
