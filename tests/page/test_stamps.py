"""Machine dates of meta blocks and headers: where dateparser is used, it is measured to be right."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.records import TZ
from pipeline.page import parse_meta_date

CASES = [
    pytest.param("2025-07-14 01:59", dt.datetime(2025, 7, 14, 1, 59, tzinfo=TZ), id="trs-pubdate"),
    pytest.param("2021-10-11", dt.datetime(2021, 10, 11, tzinfo=TZ), id="date-only"),
    pytest.param("2021/10/11 09:30:05", dt.datetime(2021, 10, 11, 9, 30, 5, tzinfo=TZ), id="slashes-seconds"),
    pytest.param("2021年09月24日", dt.datetime(2021, 9, 24, tzinfo=TZ), id="chinese-stamp"),
    pytest.param("2021-08-23T11:45:39+08:00", dt.datetime(2021, 8, 23, 11, 45, 39, tzinfo=TZ), id="iso-offset"),
    pytest.param("2021-08-23T03:45:39Z", dt.datetime(2021, 8, 23, 11, 45, 39, tzinfo=TZ), id="iso-utc-to-shanghai"),
    pytest.param("Mon, 23 Aug 2021 11:45:39 GMT", dt.datetime(2021, 8, 23, 19, 45, 39, tzinfo=TZ), id="rfc1123-gmt"),
    pytest.param("August 23, 2021", dt.datetime(2021, 8, 23, tzinfo=TZ), id="english-month"),
    pytest.param("", None, id="empty"),
    pytest.param("not a date", None, id="words"),
    pytest.param("1800-01-01", None, id="absurd-year"),
]


@pytest.mark.parametrize("value, expected", CASES)
def test_parse_meta_date(value: str, expected: dt.datetime | None) -> None:
    got = parse_meta_date(value)
    assert got == expected
    if got is not None:
        assert got.utcoffset() == dt.timedelta(hours=8)
