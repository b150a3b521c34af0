"""Dates written by machines and in official documents: page stamps (``2021-10-11 17:07``), meta and
HTTP header dates, and dates in Chinese numerals (``二〇二三年十二月二十五日``)."""

from __future__ import annotations

import datetime as dt
import re

from ..records import TZ


# Machine-style stamps: 2021-10-11, 2021/10/11 17:07, 2021年09月24日, 22-09-15 04:51:58.
STAMP = re.compile(
    r"""(?<!\d)(?P<y>\d{4}|\d{2})   # year: four or two digits, not the tail of a longer number
        \s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?   # date
        (?:\s*(?P<H>\d{1,2})[:时](?P<M>\d{2})(?::(?P<S>\d{2}))?)?                     # optional clock
        (?!\d)""",
    re.VERBOSE,
)


# A signature date line: 2019年8月14日 alone (optionally after a bracketed page title), or the same
# date in Chinese numerals as official documents print it (二〇二三年十二月二十五日). The signer may
# stand before it on the same line when a page ran the lines together (某市医疗保障局 2023年6月1日);
# a forum's anti-copy debris after it (no CJK, not opening with a digit) is ignored.
CN_DIGIT = "〇○零一二三四五六七八九"


def cn_number(word: str) -> int | None:
    """A year written digit by digit (二〇二三) or a month/day (十二, 二十五) in Chinese numerals."""
    if word.isdigit():
        return int(word)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
    if "十" not in word:
        if not all(c in digits for c in word):
            return None
        return int("".join(str(digits[c]) for c in word))
    tens, _, ones = word.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in digits) or (ones and ones not in digits):
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


_CN_DATE = re.compile(
    rf"^\s*(?P<y>[{CN_DIGIT}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月\s*(?P<d>[一二三四五六七八九十]{{1,3}})\s*日"
)


def cn_date(value: str) -> dt.datetime | None:
    """A labelled date in Chinese numerals (发文日期:二〇二三年十二月二十五日), or None."""
    m = _CN_DATE.match(value)
    return written_date(m) if m else None


def written_date(m: re.Match[str]) -> dt.datetime | None:
    """The date of a match with groups y, m, d in digits or Chinese numerals, or None if absurd."""
    year, month, day = cn_number(m["y"]), cn_number(m["m"]), cn_number(m["d"])
    if year is None or month is None or day is None:
        return None
    try:
        return dt.datetime(year, month, day, tzinfo=TZ)
    except ValueError:
        return None


def parse_stamp(text: str) -> dt.datetime | None:
    """A machine-style date(-time) stamp to an aware datetime, or None if absent or absurd."""
    m = STAMP.search(text)
    if not m:
        return None
    year = int(m["y"])
    if year < 100:
        year += 2000
    try:
        value = dt.datetime(
            year, int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0), tzinfo=TZ
        )
    except ValueError:
        return None
    if not 1990 <= value.year <= dt.date.today().year + 1:
        return None
    return value


_SIMPLE_STAMP = re.compile(r"^\s*\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$")


def parse_meta_date(value: str | None) -> dt.datetime | None:
    """A machine date from a page's meta block or an HTTP header, in Asia/Shanghai.

    Plain stamps (``2025-07-14 01:59``) go through :func:`parse_stamp`; other machine formats (ISO
    8601 with an offset, RFC 1123 ``Mon, 23 Aug 2021 11:45:39 GMT``, ``August 23, 2021``) through
    dateparser, which converts time zones correctly there (tests/page/test_stamps.py). dateparser
    finds none of the notice-style Chinese dates in running text, so it is used nowhere else.
    """
    if not value or not value.strip():
        return None
    if _SIMPLE_STAMP.match(value):
        return parse_stamp(value)
    import dateparser  # imported lazily: only pages with unusual meta dates need it

    parsed = dateparser.parse(
        value.strip(),
        languages=["en", "zh"],
        settings={"TIMEZONE": "Asia/Shanghai", "TO_TIMEZONE": "Asia/Shanghai", "RETURN_AS_TIMEZONE_AWARE": True},
    )
    if parsed is None or not 1990 <= parsed.year <= dt.date.today().year + 1:
        return None
    return parsed.astimezone(TZ)
