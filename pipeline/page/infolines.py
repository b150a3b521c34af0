"""Page info lines: ``来源:``, ``作者:``, ``发布时间:``, a repost credit (``转自…``) and a bare stamp
line under the title, read into an :class:`InfoLine`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..cuescan import iter_matches
from .agencies import is_agency_name, without_aside, without_channel
from .rules import page_rules
from .stamps import cn_date, parse_stamp, STAMP


# A time range (2022年12月31日(周六)18时—2023年1月1日24时, 2022-12-31 18:00-20:00): a line holding
# one states when something happens, so it is never a page's info line.
_TIME_RANGE = re.compile(
    r"""(?:\d\s*[日号时点]|\d:\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})  # a day, clock or ISO date ends
        (?:\s*\([^()]{1,4}\))?                       # a weekday: (周六)
        (?:\s*\d{1,2}\s*[时点]|\s*\d{1,2}:\d{2})?       # then a clock: 18时, 18:00
        \s*(?:[-—–~]+|至|到)\s*                        # a range mark
        \d                                           # the other end opens with a digit""",
    re.VERBOSE,
)


@dataclass(slots=True)
class InfoLine:
    publisher: str | None = None
    publisher_evidence: str | None = None
    author: str | None = None
    date: dt.datetime | None = None
    date_evidence: str | None = None
    host_stamp: dt.datetime | None = None
    account: str | None = None  # an account's name on a byline (某某医保 2022-12-28): tells the place


_BLANK_CREDIT_MAX = 60  # characters of an info line whose label has a blank for its colon


def read_info_line(line: str) -> InfoLine | None:
    """Parse a page info line (来源, 作者, 发布时间 ...); None when the line is not one.

    Steps: a repost credit (转自…); a line stating a time range is never one; a bare stamp line;
    a labelled line read field by field, then an unlabelled stamp inside it.
    """
    r = page_rules()
    credit = _repost_credit(line)
    if credit is not None:
        return credit
    if "|" in line or "丨" in line or "\t" in line:
        line = r.credit_cell.sub(r"\g<label>:", line)  # 发布机构 | 某市医疗保障局: a disclosure table's cells
    elif len(line) <= _BLANK_CREDIT_MAX and r.credit_blank.match(line):
        line = r.credit_blank.sub(r"\g<label>:", line, count=1)  # 来源 青禾日报网 2031-05-08: a poster's style
    labels = list(iter_matches(r.label_re, line, 1))
    stamp = STAMP.search(line)
    if (labels or stamp) and _TIME_RANGE.search(line):
        return None  # 2022年12月31日18时—2023年1月1日24时 under a heading states the stop, not the page
    if not labels:
        return _bare_stamp_line(line) if stamp else None
    if len(line) > 160 or any(w in line for w in r.info_line_stop_words):
        return None
    info = InfoLine()
    for i, lm in enumerate(labels):
        end = labels[i + 1].start(1) if i + 1 < len(labels) else len(line)
        _read_field(info, lm.group("label"), line[lm.end(1):end].strip(" |:："))
    if info.date is None and info.host_stamp is None and stamp:
        _read_unlabelled_stamp(info, line, stamp)
    return info


def _repost_credit(line: str) -> InfoLine | None:
    """``转自德州医保公众号``: credits where a repost came from, like a 来源 line."""
    for pattern in page_rules().repost:
        m = pattern.match(line)
        if m:
            name = without_channel(m["name"])
            return InfoLine(publisher=name, publisher_evidence=f"转自:{name}")
    return None


def _bare_stamp_line(line: str) -> InfoLine | None:
    """A bare stamp line right under the title: ``2020-04-30 17:07`` (no words stating a time)."""
    r = page_rules()
    if len(line) > 40 or any(w in line for w in r.stamp_line_stop_words):
        return None
    stamped = parse_stamp(line)
    if stamped is None:
        return None
    info = InfoLine(date=stamped, date_evidence=line)
    byline = _byline_agency(line)
    if byline:
        info.publisher, info.publisher_evidence = byline, f"来源:{byline}"
    else:
        info.account = _byline_account(line)
    return info


def _byline_agency(line: str) -> str | None:
    """``某市医疗保障局 2021-10-20``, ``2021年10月20日 10:05 某市医疗保障局 发布``: the body named beside a
    bare stamp under the title, when its name ends like a formal body (an account's name, 某某医保, does not)."""
    r = page_rules()
    # a label before the name (转自:某市医疗保障局 2023-06-28) is a word of its own
    words = [w for w in re.split(r"[\s:：]+", STAMP.sub(" ", line)) if w and w not in r.byline_verbs]
    bodies = [w for w in words if is_agency_name(w) and w.endswith(r.formal_endings)]
    # one formal body among the words (a WeChat byline: 原创 某市医保 某市医疗保障局 2022-12-28 发表于某省)
    return bodies[0] if len(bodies) == 1 else None


def _byline_account(line: str) -> str | None:
    """``某市医保 2022-12-28 18:00 发表于某省``: the one account name (ending like an agency, not like a
    formal body) beside a bare stamp under the title; it names no issuer but tells the place."""
    r = page_rules()
    words = {w for w in re.split(r"[\s:：]+", STAMP.sub(" ", line)) if w and w not in r.byline_verbs}
    accounts = [w for w in words if is_agency_name(w) and not w.endswith(r.formal_endings)]
    return accounts[0] if len(accounts) == 1 else None


def _read_field(info: InfoLine, label: str, value: str) -> None:
    """One labelled field of an info line into ``info``: issuer, author, page date or host stamp."""
    r = page_rules()
    if label in r.source or label in r.author:
        # The value stops at the first blank (a date or another field may follow).
        # none when the value opens with a date (来源:2021-10-20); a bracket or bar ends it (【来源:X】【字体…】)
        words = re.split(r"[\s【】\[\]|]+", STAMP.split(value)[0].strip("【】[]| "))
        name = without_channel(without_aside(re.sub(r"\d.*$", "", words[0]).strip())) if words else ""
        if label in r.source and name:
            info.publisher, info.publisher_evidence = name, f"{label}:{name}"
        elif name:
            info.author = name
    elif label in r.trusted or label in r.untrusted:
        value_dt = parse_stamp(value) or cn_date(value)
        if value_dt is None:
            return
        if label in r.untrusted:
            info.host_stamp = value_dt
        else:
            info.date, info.date_evidence = value_dt, f"{label}:{value.split()[0] if value.split() else value}"


def _read_unlabelled_stamp(info: InfoLine, line: str, stamp: re.Match[str]) -> None:
    """An unlabelled stamp inside an info line (来源:红网 作者:... 2021-08-23 11:45:39) is the page's
    date unless a host-stamp label (更新时间) stands right before it."""
    before = line[: stamp.start()]
    if not any(lbl in before[-6:] for lbl in page_rules().untrusted):
        info.date, info.date_evidence = parse_stamp(stamp.group(0)), stamp.group(0)
