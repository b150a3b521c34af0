"""Page text to notice body: drop site chrome, find the title, info line and signature.

Works on normalized text, one line at a time, for plain-text notices and for the text the HTML
cleaner renders alike, so a page and its text copy give the same body. The body that comes out is
``title`` + the lines after the title (or after the chrome when there is no title), cut at the
footer. Header stamps are read for publisher and date but are not part of the body; the signature
stays in the body and its date span is returned in ``skip_spans`` so that the time extractor does not
count the publication date as a stated time.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .cuescan import compile_cue, iter_matches, prefiltered
from .normalize import compact, compact_normalized
from .records import TZ
from .ruledata import load_yaml

__all__ = ["CleanPage", "clean_page", "PageHints", "parse_stamp", "parse_meta_date", "is_agency_name",
           "expand_publisher", "line_kind",
           "TextDate", "use_text_date"]


@dataclass(slots=True)
class PageHints:
    """What the HTML cleaner (or a fetch) already knows about the page."""

    title: str | None = None
    publisher: str | None = None  # e.g. <meta name="ContentSource">
    author: str | None = None
    published: dt.datetime | None = None  # e.g. <meta name="PubDate">
    site_name: str | None = None


@dataclass(slots=True)
class CleanPage:
    """The body of a notice and the metadata found around it."""

    body_text: str
    title: str | None = None
    publisher: str | None = None
    publisher_evidence: str | None = None  # where it was read: 来源:X, signature:X, body:<sentence> ...
    published_at: dt.datetime | None = None
    published_evidence: str | None = None  # the info line, the signature date, meta:PubDate ...
    # Offsets into body_text of the words that gave the title, publisher and publication date;
    # None when they stood outside the body (an info line above it, an HTML <meta>).
    title_span: tuple[int, int] | None = None
    publisher_span: tuple[int, int] | None = None
    published_span: tuple[int, int] | None = None
    host_stamp: dt.datetime | None = None  # a repost/update stamp of the hosting site
    # The date the text itself gives (its signature, a news lead) when a page stamp above the body
    # was preferred: the publication date if that stamp turns out to be a repost's (see parse.py).
    text_date: TextDate | None = None
    # Issuing bodies credited by the page's 来源/作者/转自 lines and meta tags (agency names only),
    # the chosen publisher among them or not: where they sit tells the notice's place.
    sources: list[str] = field(default_factory=list)
    skip_spans: list[tuple[int, int]] = field(default_factory=list)


class TextDate(NamedTuple):
    """A publication date read in the body, with the words and the body span that gave it."""

    when: dt.datetime
    evidence: str
    span: tuple[int, int]


def use_text_date(page: CleanPage) -> bool:
    """Replace the page's publication date by the date its text gives (a repost's stamp was
    dropped); False when the text gives none."""
    if page.text_date is None:
        return False
    page.published_at, page.published_evidence, page.published_span = page.text_date
    page.text_date = None
    return True


class _AnyOf:
    """Whether a line matches any of a list of patterns (``re.search``), tested in two passes.

    Patterns anchored at the line start (``^`` first, no top-level ``|``) are joined into one regex
    tried at the start only; the others into one cue regex (:func:`pipeline.cuescan.compile_cue`)
    searched through the line. A line is one line: ``^`` holds only at its start.
    """

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p for p in patterns if p.startswith("^") and not _top_level_or(p)]
        floating = [p for p in patterns if p not in anchored]
        self._start = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self._anywhere = compile_cue("|".join(f"(?:{p})" for p in floating)) if floating else None

    def search(self, line: str) -> bool:
        """True when some pattern matches ``line`` (re.search semantics; an empty match counts)."""
        if self._start is not None and self._start.match(line) is not None:
            return True
        return self._anywhere is not None and self._anywhere.search(line) is not None


def _top_level_or(pattern: str) -> bool:
    """True when ``pattern`` has a ``|`` outside every group and class (``^a|b`` is not anchored)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _PageRules:
    """The text part of ``rules/page.yaml``, compiled."""

    chrome: _AnyOf  # page chrome lines (navigation, share bars, counters)
    footer: _AnyOf  # where the page's footer starts
    trusted: frozenset[str]  # labels of the page's own date (发布时间)
    untrusted: frozenset[str]  # labels of a host's stamp (更新时间)
    source: frozenset[str]  # labels of the issuer (来源)
    author: frozenset[str]
    label_re: re.Pattern[str]  # any info label with its colon (group 1: the match)
    agency_suffixes: tuple[str, ...]  # longest first
    standalone: frozenset[str]  # agencies named by an ending alone (央行)
    channels: tuple[str, ...]  # a bureau's own channels (官网, 微信公众号), longest first
    formal_endings: tuple[str, ...]  # agency_endings: how a body's formal name ends (局, 中心, 海关 ...)
    channel_hosts: tuple[str, ...]  # 政府: its portal hosts every department's notices
    outlets: tuple[str, ...]
    title_words: tuple[str, ...]
    table_header: re.Pattern[str]
    repost: list[re.Pattern[str]]
    relays: list[regex.Pattern[str]]
    not_publishers: frozenset[str]
    doc_number: re.Pattern[str]
    tail_source: re.Pattern[str]
    body_published: re.Pattern[str]  # X发布了《...》 in the opening sentences
    body_issuers: re.Pattern[str]  # A、B将于...公告如下
    info_line_stop_words: tuple[str, ...]  # a labelled line holding one states an action
    stamp_line_stop_words: tuple[str, ...]  # a bare date line holding one states a time
    dateline: re.Pattern[str]  # 本报讯 12月30日:, 东南网12月22日讯 at the body's start
    lead_date: re.Pattern[str]  # 29日,记者从…获悉: a lead sentence's bare date
    bare_publisher: re.Pattern[str]  # 省医保局: level (group 1) and body (group 2), checked by is_agency_name
    column_tag: re.Pattern[str]  # 快资讯: / 通知 | before a headline
    title_lead_marks: re.Pattern[str]  # • or : left before a headline
    title_site_suffix: re.Pattern[str]  # _某某频道_某省 after a headline
    released_title: re.Pattern[str]  # 印发了《关于…的通告》: a released document's name (group title)
    run_in_heading: re.Pattern[str]  # …的通知各单位:… : a heading run into its salutation on one line
    breadcrumb: re.Pattern[str]  # 首页 > 通知公告 > 正文: a chrome line that a headline follows
    closing: re.Pattern[str]  # 特此公告: the closing formula a signature follows
    doc_number_prefix: re.Pattern[str]  # XX通告2019年第13号 before a headline on its line
    name_breakers: tuple[str, ...]  # words of a clause, never of an agency's name
    byline_verbs: tuple[str, ...]  # 发布于: words beside a body and a stamp on a byline
    parent_bodies: frozenset[str]  # 国家税务总局: the head of a body's name (国家税务总局某市税务局)
    division_endings: tuple[str, ...]  # 处, 科, 室: how a body's internal division's name ends
    self_names: dict[str, tuple[str, ...]]  # 我院 -> (医院,): how a body calls itself, the endings of its name
    name_lead_verbs: tuple[str, ...]  # 来 in 来某某医院就诊: a verb before a name in a headline
    bare_levels: dict[str, str]  # 省 -> province, 市 -> city
    bare_expand: dict[str, str]  # 医保局 -> 医疗保障局
    release_verbs: tuple[str, ...]  # 转发, 印发: a verb putting out another body's document
    host_bodies: tuple[str, ...]  # 人民政府: how a body posting every bureau's notices on its portal ends
    subject_verbs: tuple[str, ...]  # 暂停 in 关于某市医疗保障局暂停…: an action after the title's subject


@functools.cache
def _rules() -> _PageRules:
    """Compile the page rules once."""
    data = load_yaml("page.yaml")
    labels = data["info_labels"]
    # {agency}: a lazy run of CJK ending like an issuing body (is_agency_name checks it after).
    # An agency known by an ending alone (央行) is tried first.
    agency = (r"(?:" + "".join(f"{re.escape(a)}|" for a in data["standalone_agencies"])
              + r"[\u3400-\u9fff]{2,24}?(?:" + "|".join(map(re.escape, data["agency_endings"])) + "))")
    channel = "(?:" + "|".join(map(re.escape, sorted(data["agency_channels"], key=len, reverse=True))) + ")"
    bare = data["bare_publishers"]
    all_labels = sorted(
        {x for group in labels.values() for x in group}, key=len, reverse=True
    )  # longest first so 发布时间 wins over 时间
    return _PageRules(
        # One matcher per list: a line is tested once, not once per pattern.
        chrome=_AnyOf(data["chrome_lines"]),
        footer=_AnyOf(data["footer_markers"]),
        trusted=frozenset(labels["trusted_date"]),
        untrusted=frozenset(labels["untrusted_date"]),
        source=frozenset(labels["source"]),
        author=frozenset(labels["author"]),
        # A label starts the line or follows a blank, a bar, a bracket (【来源:…】) or a digit (a stamp
        # glued to it: …11:29:35来源:),
        # and is followed by a colon (or, for the
        # forum stamp 发表于, a blank). Every match starts with a label's first character: the
        # engine skips to those (group 1 is the match; see cuescan.prefiltered).
        label_re=prefiltered(
            r"(?:^|(?<=[\s|\d【】\[\]]))(?P<label>" + "|".join(map(re.escape, all_labels)) + r")(?:\s*[:：]|(?<=发表于)\s)",
            "[" + "".join(sorted({re.escape(label[0]) for label in all_labels})) + "]",
        ),
        agency_suffixes=tuple(sorted(data["agency_suffixes"], key=len, reverse=True)),
        standalone=frozenset(data["standalone_agencies"]),
        channels=tuple(sorted(data["agency_channels"], key=len, reverse=True)),
        formal_endings=tuple(data["agency_endings"]),
        channel_hosts=tuple(data["channel_hosts"]),
        outlets=tuple(data["outlet_markers"]),
        title_words=tuple(data["notice_title_words"]),
        table_header=re.compile("|".join(map(re.escape, data["table_header_words"]))),
        repost=[re.compile(p) for p in data["repost_lines"]],
        relays=[
            compile_cue(p.replace("{agency}", f"(?P<name>{agency})").replace("{agencies}", f"(?P<name>{agency}(?:、{agency})*)")
                        .replace("{channel}", channel))
            for p in data["news_relays"]
        ],
        not_publishers=frozenset(data["not_publishers"]),
        doc_number=re.compile("|".join(f"(?:{p})" for p in data["document_number_lines"])),
        # A 来源 (or 发布单位) line after the body (a WeChat post credits its source at the end, a
        # portal prints its disclosure fields there): the label opens the line, a single name follows,
        # other labelled fields may come after a blank (发布日期:…).
        tail_source=re.compile(
            r"^[(\[【]?\s*(?:" + "|".join(map(re.escape, sorted(labels["source"] + labels["author"], key=len, reverse=True)))
            + r")\s*[:：]\s*(?P<name>[^\s:：,。;()\[\]【】]{2,30})\s*[)\]】]?"
            + r"(?:\s+(?:" + "|".join(map(re.escape, all_labels)) + r")\s*[:：][^。;]*)?\s*$"
        ),
        body_published=re.compile(rf"(?:^|[,。;:\n]|(?<=[讯电])\s)\s*(?P<name>{agency})发布(?:了)?(?:《|消息|公告|通告|通知)"),
        body_issuers=re.compile(
            rf"(?:^|[,。;:\n])(?P<names>{agency}(?:、{agency})*)(?:将于|定于|决定于?)[^。]*?(?:公告|通告|通知)如下"
        ),
        info_line_stop_words=tuple(data["info_line_stop_words"]),
        stamp_line_stop_words=tuple(data["stamp_line_stop_words"]),
        dateline=re.compile(
            rf"^(?:{'|'.join(map(re.escape, data['dateline_prefixes']))}|[\u3400-\u9fff]{{2,12}}?(?=\d))?"
            rf"\s*(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\s*(?:[::]|{'|'.join(map(re.escape, data['dateline_endings']))})"
        ),
        # a reporter's credit may open the lead: 本报讯(记者 张三 通讯员 李四)12月28日,记者从…获悉
        lead_date=re.compile(
            rf"^(?:(?:[\u3400-\u9fff]{{0,12}}?(?:{'|'.join(map(re.escape, data['dateline_prefixes']))}))?\s*\([^()\n]{{1,30}}\)\s*)?"
            rf"(?:(?:(?P<y>(?:19|20)\d{{2}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*)?(?P<d>\d{{1,2}})\s*日\s*,[^。\n]{{0,60}}?(?:{'|'.join(map(re.escape, data['lead_date_verbs']))})"
        ),
        bare_publisher=re.compile(
            rf"^({'|'.join(map(re.escape, sorted(bare['levels'], key=len, reverse=True)))})"
            rf"(?!{'|'.join(map(re.escape, bare['not_bodies']))})([\u3400-\u9fff]{{2,30}})$"
        ),
        run_in_heading=re.compile(
            rf"^(?P<heading>[^。:,;!?\n]{{4,80}}?(?:{'|'.join(map(re.escape, data['notice_title_words']))}))\s*"
            rf"(?=(?:{'|'.join(map(re.escape, data['addressee_openers']))})[^。:,;!?\n]{{1,40}}:)"
        ),
        title_lead_marks=re.compile(data["title_lead_marks"]),
        title_site_suffix=_site_suffix_pattern(data["title_site_suffixes"]),
        released_title=re.compile(
            rf"(?:{'|'.join(map(re.escape, sorted(data['title_release_verbs'], key=len, reverse=True)))})"
            rf"《(?P<title>[^《》\n]{{6,80}}?(?:{'|'.join(map(re.escape, data['notice_title_words']))}))》"
        ),
        column_tag=re.compile(rf"^(?:{'|'.join(map(re.escape, data['title_column_tags']))})\s*[:|丨]\s*(?=\S{{6}})"),
        name_breakers=tuple(data["agency_name_breakers"]),
        byline_verbs=tuple(data["byline_verbs"]),
        parent_bodies=frozenset(data["parent_bodies"]),
        division_endings=tuple(data["division_endings"]),
        self_names={k: tuple(v) for k, v in data["self_references"]["words"].items()},
        name_lead_verbs=tuple(data["self_references"]["lead_verbs"]),
        breadcrumb=re.compile("|".join(f"(?:{p})" for p in data["breadcrumb_lines"])),
        closing=re.compile("|".join(f"(?:{p})" for p in data["closing_lines"])),
        doc_number_prefix=re.compile(
            "(?:" + "|".join(f"(?:{p.removesuffix('$')})" for p in data["document_number_lines"]) + r")\s+(?=\S{6})"
        ),
        bare_levels=dict(bare["levels"]),
        bare_expand=dict(bare["expand"]),
        release_verbs=tuple(data["title_release_verbs"]),
        subject_verbs=tuple(data["title_subject_verbs"]),
        host_bodies=tuple(data["host_bodies"]),
    )


def _site_suffix_pattern(spec: dict[str, list[str]]) -> re.Pattern[str]:
    """``…暂停_某某频道_某省``: a separator, a part ending with a site word, short parts after it."""
    seps = sorted(spec["separators"], key=len, reverse=True)
    sep = "(?:" + "|".join(map(re.escape, seps)) + ")"
    bare = "".join(sorted({re.escape(c) for s in seps for c in s.strip()}))
    part = rf"[^{bare}\s]{{1,14}}?"
    words = "(?:" + "|".join(map(re.escape, spec["words"])) + ")"
    return re.compile(rf"(?<=\S){sep}\s*{part}{words}(?:\s*{sep}\s*[^{bare}\s]{{1,10}})*\s*$")


# Machine-style stamps: 2021-10-11, 2021/10/11 17:07, 2021年09月24日, 22-09-15 04:51:58.
_STAMP = re.compile(
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
_CN_DIGIT = "〇○零一二三四五六七八九"
_SIGNATURE_DATE = re.compile(
    rf"""^(?:【[^】]*】)?\s*                                  # an aggregator's 【page title】
        (?:(?P<signer>[\u3400-\u9fff()()、\s]{{2,80}}?)\s*)?  # the signer on the same line
        [(\[]?\s*                                             # (2019年8月14日)
        (?P<date>
          (?P<y>(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})\s*年\s*     # 2019, 二〇一九
          (?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月\s*  # 8, 十二
          (?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:日|(?=\s*[)\]]?\s*$))  # 14日, 二十五日 (日 dropped at the end)
        )\s*[)\]]?
        (?:\s*(?:星期|周)[一二三四五六日天])?                    # 星期三
        (?:\s*(?:印发|发布|公布|签发))?                       # 2019年8月14日印发
        (?:\s*\([^()\n]{{1,20}}\))?                          # (此件主动公开)
        (?:\s*[^\u3400-\u9fff\d\s][^\u3400-\u9fff]{{0,60}})?\s*$""",
    re.VERBOSE,
)
# A signature date written as a stamp (2021.12.01, 2021-12-01): one only when an agency line stands
# right over it (a bare stamp at the end of a page is often the host's).
_SIGNATURE_STAMP = re.compile(
    r"^(?P<date>(?P<y>(?:19|20)\d{2})\s*[.\-/]\s*(?P<m>\d{1,2})\s*[.\-/]\s*(?P<d>\d{1,2}))\s*$"
)
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
_ENUM_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[条章节])")
_ACCOUNT_PREFIX = re.compile(r"^(?P<name>[^|丨\s]{2,16})\s*[|丨]\s*(?=\S{6})")
_TAG_PREFIX = re.compile(r"^【[^】]{1,6}】\s*")  # 【通告】 before a title
_SPACE_IN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_SENTENCE_END = ("。", ";", ":", ",", "、", ";", "?")
_PHONE_DIGITS = re.compile(r"\d{5,}")
_SECTION_HEADING_MAX = 10  # characters after the leading symbols of a post's section heading
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _cn_number(word: str) -> int | None:
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
    rf"^\s*(?P<y>[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>[一二三四五六七八九十]{{1,2}})\s*月\s*(?P<d>[一二三四五六七八九十]{{1,3}})\s*日"
)


def _cn_date(value: str) -> dt.datetime | None:
    """A labelled date in Chinese numerals (发文日期:二〇二三年十二月二十五日), or None."""
    m = _CN_DATE.match(value)
    return _written_date(m) if m else None


def _written_date(m: re.Match[str]) -> dt.datetime | None:
    """The date of a match with groups y, m, d in digits or Chinese numerals, or None if absurd."""
    year, month, day = _cn_number(m["y"]), _cn_number(m["m"]), _cn_number(m["d"])
    if year is None or month is None or day is None:
        return None
    try:
        return dt.datetime(year, month, day, tzinfo=TZ)
    except ValueError:
        return None


def parse_stamp(text: str) -> dt.datetime | None:
    """A machine-style date(-time) stamp to an aware datetime, or None if absent or absurd."""
    m = _STAMP.search(text)
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
    dateparser, which converts time zones correctly there (tests/test_meta_dates.py). dateparser
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


def is_agency_name(name: str | None) -> bool:
    """True for an issuing body's name (ends like an agency, is not a news outlet or website)."""
    if not name:
        return False
    r = _rules()
    name = name.strip()
    if not 2 <= len(name) <= 40 or not _CJK.search(name) or _LATIN.search(name):
        return False  # too short or long, or with Latin letters (UedBet体育医疗保障局 is spam debris)
    if any(marker in name for marker in r.outlets):
        return False
    if name in r.not_publishers:
        return False  # 来源:本站 names the host itself, not an issuer
    if name in r.standalone:
        return True
    return name.endswith(r.agency_suffixes) and name not in r.agency_suffixes  # 中心 alone names no one


def _is_chrome(line: str) -> bool:
    r = _rules()
    if r.chrome.search(line):
        return True
    if not _CJK.search(line) and not re.search(r"\d", line):
        return True  # punctuation or latin debris only
    if line.count("_") >= 5 and not any(p in line for p in "。,;:"):
        return True  # spam keyword line: a_b_c_d_e_f
    if "|" in line and r.table_header.search(line):
        return False  # a table's header row: 业务类别 | 停机时间 | 恢复时间
    tokens = line.split()
    if len(tokens) >= 3 and not _PHONE_DIGITS.search(line) and not any(p in line for p in "。,;:"):
        if all(len(t) <= 8 for t in tokens) and not _agency_list(line):
            return True  # navigation bar: 网站首页 医院概况 医疗服务 ... (not joint signers: 某市医保局 某市财政局 …)
    return False


def line_kind(line: str) -> str | None:
    """How :func:`clean_page` reads one normalized line on its own: ``chrome`` (site chrome it drops),
    ``footer`` (a marker that ends the body), ``info`` (a page info line: 来源, 发布时间 ...) or None
    (text). The HTML cleaner weighs a page's blocks with it."""
    if _is_chrome(line):
        return "chrome"
    if _rules().footer.search(line):
        return "footer"
    if _read_info_line(line) is not None:
        return "info"
    return None


@dataclass(slots=True)
class _Info:
    publisher: str | None = None
    publisher_evidence: str | None = None
    author: str | None = None
    date: dt.datetime | None = None
    date_evidence: str | None = None
    host_stamp: dt.datetime | None = None


def _read_info_line(line: str) -> _Info | None:
    """Parse a page info line (来源, 作者, 发布时间 ...); None when the line is not one.

    Steps: a repost credit (转自…); a line stating a time range is never one; a bare stamp line;
    a labelled line read field by field, then an unlabelled stamp inside it.
    """
    r = _rules()
    credit = _repost_credit(line)
    if credit is not None:
        return credit
    labels = list(iter_matches(r.label_re, line, 1))
    stamp = _STAMP.search(line)
    if (labels or stamp) and _TIME_RANGE.search(line):
        return None  # 2022年12月31日18时—2023年1月1日24时 under a heading states the stop, not the page
    if not labels:
        return _bare_stamp_line(line) if stamp else None
    if len(line) > 160 or any(w in line for w in r.info_line_stop_words):
        return None
    info = _Info()
    for i, lm in enumerate(labels):
        end = labels[i + 1].start(1) if i + 1 < len(labels) else len(line)
        _read_field(info, lm.group("label"), line[lm.end(1):end].strip(" |:："))
    if info.date is None and info.host_stamp is None and stamp:
        _read_unlabelled_stamp(info, line, stamp)
    return info


def _repost_credit(line: str) -> _Info | None:
    """``转自德州医保公众号``: credits where a repost came from, like a 来源 line."""
    for pattern in _rules().repost:
        m = pattern.match(line)
        if m:
            name = _without_channel(m["name"])
            return _Info(publisher=name, publisher_evidence=f"转自:{name}")
    return None


def _bare_stamp_line(line: str) -> _Info | None:
    """A bare stamp line right under the title: ``2020-04-30 17:07`` (no words stating a time)."""
    r = _rules()
    if len(line) > 40 or any(w in line for w in r.stamp_line_stop_words):
        return None
    stamped = parse_stamp(line)
    if stamped is None:
        return None
    info = _Info(date=stamped, date_evidence=line)
    byline = _byline_agency(line)
    if byline:
        info.publisher, info.publisher_evidence = byline, f"来源:{byline}"
    return info


def _byline_agency(line: str) -> str | None:
    """``某市医疗保障局 2021-10-20``, ``2021年10月20日 10:05 某市医疗保障局 发布``: the body named beside a
    bare stamp under the title, when its name ends like a formal body (an account's name, 某某医保, does not)."""
    r = _rules()
    # a label before the name (转自:某市医疗保障局 2023-06-28) is a word of its own
    words = [w for w in re.split(r"[\s:：]+", _STAMP.sub(" ", line)) if w and w not in r.byline_verbs]
    bodies = [w for w in words if is_agency_name(w) and w.endswith(r.formal_endings)]
    # one formal body among the words (a WeChat byline: 原创 某市医保 某市医疗保障局 2022-12-28 发表于某省)
    return bodies[0] if len(bodies) == 1 else None


def _read_field(info: _Info, label: str, value: str) -> None:
    """One labelled field of an info line into ``info``: issuer, author, page date or host stamp."""
    r = _rules()
    if label in r.source or label in r.author:
        # The value stops at the first blank (a date or another field may follow).
        # none when the value opens with a date (来源:2021-10-20); a bracket or bar ends it (【来源:X】【字体…】)
        words = re.split(r"[\s【】\[\]|]+", _STAMP.split(value)[0].strip("【】[]| "))
        name = _without_channel(_without_aside(re.sub(r"\d.*$", "", words[0]).strip())) if words else ""
        if label in r.source and name:
            info.publisher, info.publisher_evidence = name, f"{label}:{name}"
        elif name:
            info.author = name
    elif label in r.trusted or label in r.untrusted:
        value_dt = parse_stamp(value) or _cn_date(value)
        if value_dt is None:
            return
        if label in r.untrusted:
            info.host_stamp = value_dt
        else:
            info.date, info.date_evidence = value_dt, f"{label}:{value.split()[0] if value.split() else value}"


def _without_aside(name: str) -> str:
    """``某市人力资源和社会保障局(社保中心)`` -> ``某市人力资源和社会保障局``: a short name or unit in
    brackets after a body's full name; a name that is no body without it is left as it is."""
    m = re.fullmatch(r"(?P<name>[^()()]{2,40})[((][^()()]{1,20}[))]", name)
    return m["name"] if m and is_agency_name(m["name"]) else name


def _without_channel(name: str) -> str:
    """``某市医疗保障局微信公众号`` -> ``某市医疗保障局``: a credit to a bureau's own channel credits
    the bureau. An account's own name (德州医保公众号), an outlet's channel or a bare channel is left
    as it is: the bureau's formal name must stand before the channel word. A government's portal
    (某省人民政府门户网站) hosts every department's notices: it credits the host, not an issuer."""
    r = _rules()
    for channel in r.channels:
        stem = name[: -len(channel)]
        if (name.endswith(channel) and stem.endswith(r.formal_endings) and not stem.endswith(r.channel_hosts)
                and is_agency_name(stem)):
            return stem
    return name


def _read_unlabelled_stamp(info: _Info, line: str, stamp: re.Match[str]) -> None:
    """An unlabelled stamp inside an info line (来源:红网 作者:... 2021-08-23 11:45:39) is the page's
    date unless a host-stamp label (更新时间) stands right before it."""
    before = line[: stamp.start()]
    if not any(lbl in before[-6:] for lbl in _rules().untrusted):
        info.date, info.date_evidence = parse_stamp(stamp.group(0)), stamp.group(0)


def _heading_candidate(line: str) -> bool:
    if not 6 <= len(line) <= 90:
        return False
    if line.endswith(_SENTENCE_END) or _ENUM_START.match(line):
        return False
    if _section_heading(line):
        return False
    return bool(_CJK.search(line))


def _section_heading(line: str) -> bool:
    """``⏰ 暂停时间``, ``● 温馨提示``: a short line led by an emoji or symbol heads a section of a post."""
    rest = line.lstrip()
    led = False
    while rest and (unicodedata.category(rest[0]).startswith("S") or rest[0] in "\ufe0f\u200d"):
        rest, led = rest[1:].lstrip(), True  # the symbols, with emoji joiners and variation selectors
    return led and len(rest) <= _SECTION_HEADING_MAX


def _question_headline(line: str) -> bool:
    """``…这些问题您关心吗?``: a headline put as a question (no colon or full stop inside it)."""
    if not 6 <= len(line) <= 90 or not line.endswith("?") or _ENUM_START.match(line):
        return False
    return not any(p in line for p in "。:;!") and bool(_CJK.search(line))


def _is_body_line(line: str) -> bool:
    if _ENUM_START.match(line):
        return True
    if len(line) >= 60:
        return True
    return line.endswith(_SENTENCE_END) and len(line) >= 6


def _clean_title(line: str) -> str:
    """A heading line as a title: a 【tag】, a column tag (快资讯:, 通知 |) or a document number
    (XX通告2019年第13号) before it dropped, blanks between CJK characters removed."""
    r = _rules()
    line = r.title_lead_marks.sub("", line.strip())
    line = r.title_lead_marks.sub("", _TAG_PREFIX.sub("", line))  # 【导语】:关于…
    line = r.column_tag.sub("", line)
    account = _ACCOUNT_PREFIX.match(line)
    if account and is_agency_name(account["name"]):
        line = line[account.end():]  # 某市医保 | 年底医保系统停机…: the account's name before its post's headline
    line = r.title_site_suffix.sub("", line)
    line = r.doc_number_prefix.sub("", line)
    if line.startswith("《") and line.endswith("》") and line.count("《") == 1:
        line = line[1:-1]  # 《关于…的通告》: a heading printed as the name of the document
    return _SPACE_IN_CJK.sub("", line).strip()


class _PageLines:
    """A page's lines with their chrome and info-line readings, each made once.

    The lines above the body are read by several steps (the head scan, the look-ahead under a
    question headline, the body scan from the title on, the lines kept above a title-less body);
    reading each line once per page keeps clean_page about a quarter faster on the corpora.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self._chrome: dict[int, bool] = {}
        self._info: dict[int, _Info | None] = {}

    def chrome(self, j: int) -> bool:
        """Whether line ``j`` (stripped, with content) is page chrome."""
        if j not in self._chrome:
            self._chrome[j] = _is_chrome(self.lines[j].strip())
        return self._chrome[j]

    def info(self, j: int) -> _Info | None:
        """Line ``j`` read as an info line (来源, 发布时间 ...), or None when it is not one."""
        if j not in self._info:
            self._info[j] = _read_info_line(self.lines[j].strip())
        return self._info[j]


class _Candidate(NamedTuple):
    """A line above the body that may be the notice's heading."""

    at: int  # its index in the page's lines
    followed: bool  # an info line comes next (来源:… 时间:… under a headline)
    after_breadcrumb: bool = False  # a breadcrumb line (首页 > 通知 > 正文) stands right above it
    opening: bool = False  # the page's first line (a WeChat-style headline over its text)


@dataclass(slots=True)
class _Head:
    """What the lines above the body hold: info lines, heading candidates, where the body starts."""

    infos: list[_Info] = field(default_factory=list)
    candidates: list[_Candidate] = field(default_factory=list)
    body_start: int = 0


@dataclass(slots=True)
class _Body:
    """The body lines kept from the title on, and what was read between them."""

    kept: list[str] = field(default_factory=list)
    infos: list[_Info] = field(default_factory=list)  # info lines between the title and the text
    tail_sources: list[str] = field(default_factory=list)  # 来源:X lines after the text


def clean_page(text: str, hints: PageHints | None = None) -> CleanPage:
    """Split normalized page text into the notice body and its metadata (see module docstring).

    Steps: scan the head for info lines and heading candidates, choose the title, keep the body
    lines from the title on (chrome, info lines and footer out), then read the publisher and the
    publication date from what was found.
    """
    hints = hints or PageHints()
    page_lines = _PageLines(_split_run_in_heading(text))
    lines = page_lines.lines
    hint_title = compact(hints.title) if hints.title else ""
    head = _scan_head(page_lines, hint_title)
    late = _late_heading(page_lines, head.body_start, _rules().title_words)
    title_idx = _choose_title(lines, head.candidates, hint_title, _rules().title_words, late)
    issuer = None
    if title_idx is None:
        title = None
        first = head.body_start
        opening = _lines_above_body(page_lines, first)
    else:
        heading = _heading_at(page_lines, title_idx)
        title, issuer = heading.title, heading.issuer
        first = title_idx + 1
        opening = [title, ""]
    title_forms = {compact_normalized(lines[c.at]) for c in head.candidates} | ({compact_normalized(title)} if title else set())
    body = _scan_body(page_lines, first, title, title_forms, opening)
    page = CleanPage(body_text="\n".join(body.kept), title=title)
    if title is None:
        _title_of_released_document(page)
    elif _unrelated_title(page):
        page.title = None  # a sidebar link or another page's title over the text: the line stays in the body
    _read_metadata(page, head.infos + body.infos, hints, body.tail_sources, issuer)
    return page


# An aggregator's page title glued into the text: 【…】 long enough not to be a tag (【温馨提示】) and
# holding no sentence or label punctuation (【来源:…】).
_GLUED_PAGE_TITLE = re.compile(r"【(?P<title>[^】。;:\n]{10,60})】")
_RELEASED_TITLE_CHARS = 300  # the opening sentences, where a page without a heading names its document


def _title_of_released_document(page: CleanPage) -> None:
    """A page without a heading that opens by saying a body released a document (某局印发了《关于…的
    通告》) takes the document's name as its title; else a page title an aggregator glued into the
    text in 【】 (…先行垫付。【系统停机期间怎么报销?】如需就诊…) is the title."""
    m = _rules().released_title.search(page.body_text, 0, _RELEASED_TITLE_CHARS)
    if m:
        page.title = _SPACE_IN_CJK.sub("", m["title"]).strip()
        page.title_span = m.span("title")
        return
    m = _GLUED_PAGE_TITLE.search(page.body_text)
    if m:
        page.title = _SPACE_IN_CJK.sub("", m["title"]).strip()
        page.title_span = m.span("title")


_UNRELATED_SHARE = 0.15  # share of a title's CJK pairs found in the text below it, under which it is another page's
_UNRELATED_MIN_PAIRS = 4  # pairs a title needs to be judged
_UNRELATED_MIN_TEXT = 80  # characters the text below needs


def _unrelated_title(page: CleanPage) -> bool:
    """Whether the title shares almost no words (CJK pairs) with the text under it (a headline that
    is no notice heading: 关于… and …的通知 always stand)."""
    title = page.title or ""
    if title.startswith("关于") or title.endswith(_rules().title_words):
        return False  # the notice's own heading form, however short its text
    pairs = {title[i:i + 2] for i in range(len(title) - 1) if _CJK.match(title, i) and _CJK.match(title, i + 1)}
    rest = page.body_text[len(title):] if page.body_text.startswith(title) else page.body_text
    if len(pairs) < _UNRELATED_MIN_PAIRS or len(rest) < _UNRELATED_MIN_TEXT:
        return False
    return sum(1 for p in pairs if p in rest) / len(pairs) < _UNRELATED_SHARE


def _split_run_in_heading(text: str) -> str:
    """A page that ran the notice's heading and its text into one line (``某中心关于…的通知各县管理部:
    根据…``): the first line with content that is not chrome is split before the salutation."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _is_chrome(stripped):
            continue
        m = _rules().run_in_heading.match(stripped)
        if m and len(stripped) > m.end():
            lines[i] = m["heading"] + "\n" + stripped[m.end():]
            return "\n".join(lines)
        return text
    return text


def _scan_head(page_lines: _PageLines, hint_title: str) -> _Head:
    """Read the lines above the body: info lines, heading candidates, and the first body line."""
    head = _Head(body_start=len(page_lines.lines))
    last_is_candidate = False  # the last line with content (chrome and info lines aside) is a candidate
    after_breadcrumb = False  # the last line with content was a breadcrumb
    seen = False  # a line with content (chrome too) came before
    for i, raw in enumerate(page_lines.lines):
        line = raw.strip()
        if not line:
            continue
        opening, seen = not seen, True
        if page_lines.chrome(i):
            after_breadcrumb = _rules().breadcrumb.search(line) is not None
            continue
        info = page_lines.info(i)
        if info is not None:
            head.infos.append(info)
            if last_is_candidate:
                head.candidates[-1] = head.candidates[-1]._replace(followed=True)
            continue
        # A headline put as a question ends like a sentence; the info line under it shows it heads
        # the page (…您关心吗? / 时间:2022-05-20 来源:…).
        question = _question_headline(line) and _info_follows(page_lines, i)
        if not question and _is_body_line(line) and not (hint_title and compact_normalized(line) == hint_title):
            head.body_start = i
            break
        last_is_candidate = question or _heading_candidate(line) or (opening and _short_notice_heading(line))
        if last_is_candidate:
            head.candidates.append(_Candidate(i, followed=False, after_breadcrumb=after_breadcrumb, opening=opening))
        after_breadcrumb = False
    return head


_SHORT_HEADING_MIN = 4  # characters of a bare notice heading opening the page (重要通知)


def _short_notice_heading(line: str) -> bool:
    """``重要通知`` alone on the page's first line: a short heading ending with a notice word."""
    return len(line) >= _SHORT_HEADING_MIN and _clean_title(line).endswith(_rules().title_words) and not _is_body_line(line)


def _info_follows(page_lines: _PageLines, i: int) -> bool:
    """True when the next line with content (chrome aside) is an info line."""
    for j in range(i + 1, len(page_lines.lines)):
        if page_lines.lines[j].strip() and not page_lines.chrome(j):
            return page_lines.info(j) is not None
    return False


class _Heading(NamedTuple):
    """The notice's heading and the issuer printed on its own line over it (or None)."""

    title: str
    issuer: str | None


def _heading_at(page_lines: _PageLines, idx: int) -> _Heading:
    """The heading that ends on line ``idx``: a ``关于…`` heading broken over up to three lines is
    joined; the issuer line over it (joint issuers joined with 、) is the issuer, not the title."""
    start = _heading_start(page_lines, idx)
    title = "".join(_clean_title(page_lines.lines[j]) for j in range(start, idx + 1) if page_lines.lines[j].strip())
    return _Heading(title, _issuer_line_above(page_lines, start, title))


_HEADING_PARTS = 3  # lines above the last line of a broken heading that may still belong to it
_HEADING_PART_MAX = 40  # characters in one such line


def _heading_start(page_lines: _PageLines, idx: int) -> int:
    """The first line of a heading broken over lines (``关于增值税发票系统`` / ``停机升级的通告``).

    Walking up from the line ending the heading, the lines with content (blank lines between are
    allowed) are parts of it until one starts with 关于; a line that is long, ends a sentence,
    opens an enumeration, is chrome or an info line, or ends like a title itself stops the walk.
    """
    if "关于" in page_lines.lines[idx]:
        return idx
    title_words = _rules().title_words
    parts = 0
    for j in range(idx - 1, -1, -1):
        line = page_lines.lines[j].strip()
        if not line:
            continue
        parts += 1
        if (parts > _HEADING_PARTS or len(line) > _HEADING_PART_MAX or line.endswith(("。", ":", "!", "?"))
                or _ENUM_START.match(line) or page_lines.chrome(j) or page_lines.info(j) is not None
                or _clean_title(line).endswith(title_words)):
            return idx
        if line.startswith("关于"):
            return j
    return idx


def _lines_above_body(page_lines: _PageLines, first: int) -> list[str]:
    """Without a title, the non-chrome lines above the body are kept (they may state times)."""
    kept = []
    for j in range(first):
        line = page_lines.lines[j].strip()
        if line and not page_lines.chrome(j) and page_lines.info(j) is None:
            kept.append(line)
    return kept


def _scan_body(
    page_lines: _PageLines, first: int, title: str | None, title_forms: set[str], opening: list[str]
) -> _Body:
    """Keep the body lines from ``first`` on, after ``opening`` (the title, or lines above the body).

    Until the text begins, info lines are read, the title repeated under itself is dropped and a
    document number is kept; once it has begun, a footer marker ends it and a 来源 line credits the
    issuer. Chrome is dropped throughout, and a repost site's 【page title】 glued into a line.
    """
    r = _rules()
    body = _Body(kept=list(opening))
    started = bool(opening) and title is None
    title_form = compact_normalized(title) if title else ""
    lines = page_lines.lines
    for j in range(first, len(lines)):
        line = lines[j].strip()
        if not line:
            if body.kept and body.kept[-1] != "":
                body.kept.append("")
            continue
        if started and r.footer.search(line):
            break
        if page_lines.chrome(j):
            continue
        if started:
            source = r.tail_source.match(line)
            if source:  # 来源:景德镇市医疗保障局 after a post's text credits its issuer
                body.tail_sources.append(_without_channel(source["name"]))
                continue
        elif _read_header_line(line, page_lines.info(j), title_form, body):
            continue
        line = _strip_bracketed_title(line, title_forms)
        if line:
            started = True
            body.kept.append(line)
    while body.kept and body.kept[-1] == "":
        body.kept.pop()
    return body


def _read_header_line(line: str, info: _Info | None, title_form: str, body: _Body) -> bool:
    """A line between the title and the text: True when it was an info line (``info``), the repeated
    title or a document number (kept: 宁税发〔2021〕12号, an info line may come next)."""
    if info is not None:
        body.infos.append(info)
        return True
    if not title_form:
        return False
    if compact_normalized(line) == title_form:
        return True
    if _rules().doc_number.match(line):
        body.kept.append(line)
        return True
    return False


def _read_metadata(
    page: CleanPage, infos: list[_Info], hints: PageHints, tail_sources: list[str], issuer: str | None
) -> None:
    """Publisher and publication date, best source first, and the evidence spans of all three."""
    _apply_infos(page, infos, hints)
    host = _set_aside_host_credit(page)
    credited = [i.author for i in infos] + [i.publisher for i in infos] + [hints.author, hints.publisher] + tail_sources
    page.sources = list(dict.fromkeys(n for n in credited if n and is_agency_name(n)))
    signer = _read_signature(page)
    _read_dateline(page)
    if _internal_division(page):
        page.publisher = page.publisher_evidence = None  # 来源:办公室: the body named in the heading issues
    if page.publisher is None:
        _publisher_from_tail(page, tail_sources)
    if page.publisher is None and issuer:
        page.publisher, page.publisher_evidence = issuer, f"header:{issuer}"
    if page.publisher is None:
        _publisher_from_title(page)
    body = _body_issuer(page) if page.publisher is None or _longer_name_in_head(page.body_text, page.publisher) else None
    if page.publisher is None and body is not None:
        page.publisher, page.publisher_evidence = body.name, f"body:{body.evidence}"
    if page.publisher is None:
        named = _self_named_in_title(page)
        if named:
            page.publisher, page.publisher_evidence = named, f"title:{named}"
    if page.publisher is None and host is not None:
        page.publisher, page.publisher_evidence = host
    _prefer_fuller_name(page, [issuer, _title_issuer(page.title), signer, body.name if body else None])
    _locate_evidence(page)


def _set_aside_host_credit(page: CleanPage) -> tuple[str, str] | None:
    """A ``来源:`` naming a government or its general office (某市人民政府, 某市政府办公室) credits the
    portal that posts the notices of all its bureaus: it is set aside (returned) so that an issuer
    named in the heading, title, signature or opening sentences comes first, and is kept when none is."""
    evidence = page.publisher_evidence or ""
    if page.publisher and evidence.startswith("来源:") and page.publisher.endswith(_rules().host_bodies):
        host = (page.publisher, evidence)
        page.publisher = page.publisher_evidence = None
        return host
    return None


# Where a publisher_evidence of each kind stands in the body: "find" from the start (the title,
# the opening sentences), "rfind" from the end (the signature); other kinds (来源, 作者, 转自 info
# lines and <meta>) stand outside the body.
_PUBLISHER_IN_BODY = {"title": "find", "fuller": "find", "body": "find", "signature": "rfind"}


def _locate_evidence(page: CleanPage) -> None:
    """The body spans of the title and publisher evidence (the date's are set where it is read)."""
    body = page.body_text
    if page.title and body.startswith(page.title):
        page.title_span = (0, len(page.title))
    if page.publisher_evidence:
        kind, _, words = page.publisher_evidence.partition(":")
        how = _PUBLISHER_IN_BODY.get(kind)
        at = -1 if how is None or not words else (body.rfind(words) if how == "rfind" else body.find(words))
        if at >= 0:
            page.publisher_span = (at, at + len(words))


def _choose_title(
    lines: list[str],
    candidates: list[_Candidate],
    hint_title: str,
    title_words: tuple[str, ...],
    late: int | None = None,
) -> int | None:
    """The notice's own heading among the lines above the body, or None.

    Ranked: the page's own title (``hint_title``), then the last heading ending with a notice word,
    then the last heading with an info line under it. A site's or forum's title for the page (no
    notice word) gives way to the notice's own heading (``late``, see :func:`_late_heading`).
    """
    if not candidates:
        return late
    chosen = _ranked_title(lines, candidates, hint_title, title_words)
    if late is not None and (chosen is None or not _clean_title(lines[chosen]).endswith(title_words)):
        return late
    return chosen


def _ranked_title(
    lines: list[str], candidates: list[_Candidate], hint_title: str, title_words: tuple[str, ...]
) -> int | None:
    """The best of the heading candidates above the body (see :func:`_choose_title`)."""
    if hint_title:
        for c in reversed(candidates):
            if compact_normalized(lines[c.at]) == hint_title:
                return c.at
    worded = [c.at for c in candidates if _clean_title(lines[c.at]).endswith(title_words)]
    if worded:
        return worded[-1]
    headed = [c.at for c in candidates if c.followed]
    if headed:
        return headed[-1]
    crumbed = [c.at for c in candidates if c.after_breadcrumb]
    if crumbed:
        return crumbed[-1]
    if len(candidates) == 1 and candidates[0].opening and not any(p in _clean_title(lines[candidates[0].at]) for p in "。:"):
        return candidates[0].at  # the page's first line and the only heading: a post's headline
    return None


_LATE_HEADING_WINDOW = 3  # lines with content, from the first body line on, still in the header area


def _late_heading(page_lines: _PageLines, body_start: int, title_words: tuple[str, ...]) -> int | None:
    """The notice's own heading just below a site's or forum's lead-in, or None.

    A forum post or an aggregator copy puts a line of its own (刚在医保局网站看到的,转过来…:, 导读:…)
    between the page title and the notice, which then opens with its heading (…关于…的公告). A
    heading ending with a notice word among the first lines of the body is that heading.
    """
    seen = 0
    lines = page_lines.lines
    for j in range(body_start, len(lines)):
        line = lines[j].strip()
        if not line or page_lines.chrome(j):
            continue
        if _ENUM_START.match(line) or seen >= _LATE_HEADING_WINDOW:
            return None  # the notice's own sections have begun
        seen += 1
        if _heading_candidate(line) and _clean_title(line).endswith(title_words):
            return j
    return None


def _issuer_line_above(page_lines: _PageLines, idx: int, title: str) -> str | None:
    """The issuer printed on its own line right over a ``关于...`` heading (a red-header layout; a
    blank line in between breaks the heading); joint issuers on that line (``A局 B局``) or stacked on
    the lines right over it (up to three) are joined with 、."""
    if not title.startswith("关于"):
        return None
    names: list[str] = []
    for j in range(idx - 1, max(idx - 1 - _MAX_SIGNERS, -1), -1):  # joint issuers stacked line by line
        above = page_lines.lines[j]
        if page_lines.chrome(j) or _read_info_line(above.strip()) is not None:
            break  # an info line (2020-04-30 17:07 来源:桂林市医疗保障局) is no red header
        name = _agency_list(above)
        if name is None:
            break
        names.insert(0, name)
    return "、".join(names) or None


_SEAL_NOTE = re.compile(r"\((?:盖章|公章|章|印章|签章|印|签印)\)\s*$")  # 某市医疗保障局(盖章) in a signature


def _agency_list(line: str) -> str | None:
    """A line naming one issuing body, or several (``A局 B局``, ``A局、B局``: joined with 、); else None."""
    names = _rejoin_name_parts(re.split(r"\s+", _SEAL_NOTE.sub("", line.strip())))
    names = [n for part in names for n in part.split("、") if n]
    return "、".join(names) if names and all(is_agency_name(n) for n in names) else None


def _rejoin_name_parts(words: list[str]) -> list[str]:
    """Words of a line split by blanks, a name broken by a blank put back together: a place alone
    (某市 医疗保障局) or a parent body (国家税务总局 某市税务局) goes with the word after it."""
    r = _rules()
    out: list[str] = []
    carry = ""
    for word in (w for w in words if w):
        if carry:
            word, carry = carry + word, ""
        part = not is_agency_name(word) and len(word) <= _NAME_PART_MAX and not any(b in word for b in r.name_breakers)
        if "、" not in word and (word in r.parent_bodies or part):
            carry = word
            continue
        out.append(word)
    if carry:
        out.append(carry)
    return out


_NAME_PART_MAX = 8  # characters of a place or a prefix broken off a body's name by a blank


def _strip_bracketed_title(line: str, title_forms: set[str]) -> str:
    """Drop a repost site's 【page title】 glued into the text."""
    if "【" not in line:
        return line

    def repl(m: re.Match[str]) -> str:
        return "" if compact_normalized(m.group(1)) in title_forms else m.group(0)

    return re.sub(r"【([^】]{6,90})】", repl, line).strip()


def _apply_infos(page: CleanPage, infos: list[_Info], hints: PageHints) -> None:
    """Publisher and date from the info lines and the HTML hints, best first."""
    authors = [i.author for i in infos if i.author] + ([hints.author] if hints.author else [])
    sources = [i.publisher for i in infos if i.publisher] + ([hints.publisher] if hints.publisher else [])
    for name in authors:
        if is_agency_name(name):
            page.publisher, page.publisher_evidence = name, f"作者:{name}"
            break
    if page.publisher is None:
        for name in sources:
            if is_agency_name(name):
                page.publisher, page.publisher_evidence = name, f"来源:{name}"
                break
    for info in infos:
        if info.date and page.published_at is None:
            page.published_at, page.published_evidence = info.date, info.date_evidence
        if info.host_stamp and page.host_stamp is None:
            page.host_stamp = info.host_stamp
    if page.published_at is None and hints.published is not None:
        page.published_at, page.published_evidence = hints.published, "meta:PubDate"


def _read_signature(page: CleanPage) -> str | None:
    """The signature: agency lines over a date line, at the end of the body or right after the
    closing formula (特此公告) when more text follows it; the date span is skipped.

    Returns the signing agencies' names (several joined with 、), also when the publisher was already
    known, or None.
    """
    lines = page.body_text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))  # line starts
    # debris lines (no CJK) aside, but for a stamp-style date (2021.12.01)
    content = [i for i, line in enumerate(lines) if _CJK.search(line) or _SIGNATURE_STAMP.match(line.strip())]
    blocks = [content[-_SIGNATURE_LINES:]]  # the last lines with content
    closings = [k for k, i in enumerate(content) if _rules().closing.match(lines[i].strip())]
    if closings and closings[-1] + _SIGNATURE_LINES < len(content):  # text goes on after 特此公告
        blocks.append(content[closings[-1] + 1:closings[-1] + _SIGNATURE_LINES])
    appended = [k for k, i in enumerate(content) if k and _APPENDED.match(lines[i].strip())]
    if appended:  # an attachment printed after the signature (附件1 / its text)
        blocks.append(content[max(0, appended[0] - _SIGNATURE_LINES):appended[0]])
    # Further up, a date line under an agency line is a signature too (contacts or a list of
    # service points printed after it).
    blocks.append(content[-_SIGNATURE_REACH:-_SIGNATURE_LINES])
    for n, block in enumerate(blocks):
        for i in reversed(block):
            m = _SIGNATURE_DATE.match(lines[i].strip()) or _stamp_under_agency(lines, content, i)
            if not m or (m.groupdict().get("signer") and not _agency_list(m["signer"])):
                continue  # 截止日期为2023年6月1日 is none
            above = [lines[j] for j in content if j < i][-_MAX_SIGNERS:]
            signer = m.groupdict().get("signer")
            if n == len(blocks) - 1 and not signer and not (above and _agency_list(above[-1])):
                continue  # far from the end, only an agency line over it makes a date a signature
            start = offsets[i] + lines[i].index(m["date"])
            if not signer and not (above and _agency_list(above[-1])):
                above = _signers_below(lines, content, i) or above
            return _sign(page, m, (start, start + len(m["date"])), above + ([signer] if signer else []))
    return _undated_signature(page, lines, content)


def _undated_signature(page: CleanPage, lines: list[str], content: list[int]) -> str | None:
    """A signature without a date: agency lines ending the body right after the closing formula
    (特此通知), a finished sentence or a contact line (咨询电话:…); like a dated one, it outranks a ``来源:`` credit."""
    names: list[str] = []
    for i in reversed(content[-_MAX_SIGNERS - 1:]):
        name = _agency_list(lines[i])
        if name is None:
            break
        names.insert(0, name)
    if not names or len(names) > _MAX_SIGNERS or len(names) >= len(content):
        return None  # none, a list of service points, or nothing but names
    last_sentence = lines[content[-len(names) - 1]].strip()
    if not (_rules().closing.match(last_sentence) or last_sentence.endswith(_SENTENCE_ENDS) or _CONTACT_END.search(last_sentence)):
        return None
    name = "、".join(names)
    if page.publisher is None or (page.publisher_evidence or "").startswith("来源:"):
        page.publisher, page.publisher_evidence = name, f"signature:{name}"
    return name


_SENTENCE_ENDS = ("。", "!", "!", "…", ";")
_CONTACT_END = re.compile(r"(?:电话|热线|咨询)[^\n]{0,12}?[::]?\s*[\d\-—()() 、,]{5,}$")  # 咨询电话:0716-1234567


def _signers_below(lines: list[str], content: list[int], i: int) -> list[str]:
    """A signature written date first (``2023年5月6日`` over ``某市医疗保障局``): the agency lines
    after the date line ``i`` when they, and nothing else, end the body."""
    below = [lines[j] for j in content if j > i]
    if 0 < len(below) <= _MAX_SIGNERS and all(_agency_list(line) for line in below):
        return below
    return []


_SIGNATURE_REACH = 14  # lines with content from the end within which an agency over a date signs


def _stamp_under_agency(lines: list[str], content: list[int], i: int) -> re.Match[str] | None:
    """Line ``i`` as a stamp-style signature date (2021.12.01) when an agency line stands right over it."""
    m = _SIGNATURE_STAMP.match(lines[i].strip())
    before = [j for j in content if j < i]
    return m if m and before and _agency_list(lines[before[-1]]) else None


_SIGNATURE_LINES = 4  # lines with content in a signature block (agencies and the date)
_APPENDED = re.compile(r"^附件\s*\d{0,2}\s*[:：]?$")  # the heading of an attachment printed after the notice
_MAX_SIGNERS = 3  # agency lines stacked over a signature date (joint issuers)


def _sign(page: CleanPage, m: re.Match[str], span: tuple[int, int], above: list[str]) -> str | None:
    """Read a signature date (``span`` in the body) and the agency lines stacked right over it
    (``above``: the lines with content before it, at most three)."""
    page.skip_spans.append(span)
    when = _written_date(m)
    if when is None:
        return None
    if page.published_at is None or _restamped(page, when):
        page.published_at, page.published_evidence = when, m["date"]
        page.published_span = span
    elif page.published_span is None:
        page.text_date = TextDate(when, m["date"], span)
    names: list[str] = []
    for line in reversed(above):  # nearest first
        name = _agency_list(line)
        if name is None:
            break
        names.insert(0, name)
    if not names:
        return None
    name = "、".join(names)
    if page.publisher is None or (page.publisher_evidence or "").startswith("来源:"):
        page.publisher, page.publisher_evidence = name, f"signature:{name}"
    return name


_RESTAMP_DAYS = 30  # a page date this long after the notice's signed date is the host's later stamp


def _restamped(page: CleanPage, signed: dt.datetime) -> bool:
    """Whether the page's date (an info line or meta date above the body) is a host's stamp put on
    long after the notice was signed (a page re-published or moved a year later), or a reposting
    page's date after it: the signed date is then the publication date."""
    if page.published_at is None or page.published_span is not None:
        return False
    late = (page.published_at.date() - signed.date()).days
    # A page crediting the text to an issuing body (来源:某市医疗保障局) posted it after it was signed:
    # the signed date is the notice's; a page of the issuer's own (来源:本网, none) keeps its date.
    return late > _RESTAMP_DAYS or (late > 0 and bool(page.sources))


def _read_dateline(page: CleanPage) -> None:
    """A news dateline opening the body (``12月30日:``, ``东南网12月22日讯``) is the publication stamp:
    its span is skipped, and it gives the date when no other is known (year from the text). A lead
    sentence's bare date (``29日,记者从…获悉``) gives it too, then only when no other is known."""
    r = _rules()
    start = _first_line_start(page)
    end = page.body_text.find("\n", start)
    line = page.body_text[start:] if end < 0 else page.body_text[start:end]
    m = r.dateline.match(line)
    if m:
        page.skip_spans.append((start + m.start("m"), start + m.end("d") + 1))
    else:
        if len(line) < _LEAD_MIN and end >= 0:  # a caption such as (资料图) over the lead
            start = end + 1
            while page.body_text.startswith("\n", start):
                start += 1
            end = page.body_text.find("\n", start)
            line = page.body_text[start:] if end < 0 else page.body_text[start:end]
        m = r.lead_date.match(line)
        if not m:
            return
    if page.published_at is not None and (page.published_span is not None or page.text_date is not None):
        return
    when = _lead_when(page.body_text, start, m)
    if when is None:
        return
    span = (start + m.start(), start + m.end())
    if page.published_at is not None:  # a page stamp above the body: the lead's date stands by
        page.text_date = TextDate(when, m.group(0), span)
        return
    if m.re is r.lead_date:
        page.skip_spans.append((start + m.start(), start + m.end("d") + 1))
    page.published_at, page.published_evidence = when, m.group(0)
    page.published_span = span


def _lead_when(body: str, start: int, m: re.Match[str]) -> dt.datetime | None:
    """The date of a dateline or lead match: in full when it states its year (2021年3月5日,…发布),
    else completed from the text (see :func:`_date_from_text`)."""
    if m.groupdict().get("y"):
        try:
            return dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=TZ)
        except ValueError:
            return None
    return _date_from_text(body, start + m.end(), m["m"], m["d"])


_LEAD_MIN = 10  # characters of a first body line that can be a lead; a shorter one is a caption


def _first_line_start(page: CleanPage) -> int:
    """Where the first body line under the title (or the body's first line) starts."""
    body = page.body_text
    if not page.title:
        return 0
    start = body.find("\n") + 1
    while start and start < len(body) and body[start] == "\n":
        start += 1
    return start if start else len(body)


_FULL_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?")


def _date_from_text(body: str, pos: int, month: str | None, day: str) -> dt.datetime | None:
    """The date of a dateline or lead: its year (and month, when it states none) from the first full
    date after ``pos``, which it precedes: a bare day later than that date's day falls in the month
    before, a month later than that date's month in the year before (12月28日 … 2023年1月2日)."""
    full = _FULL_MONTH.search(body, pos)
    if not full:
        return None
    year, mon = int(full["y"]), int(month) if month else int(full["m"])
    if month is None and full["d"] and int(day) > int(full["d"]):
        year, mon = (year, mon - 1) if mon > 1 else (year - 1, 12)
    elif month is not None and mon > int(full["m"]):
        year -= 1
    try:
        return dt.datetime(year, mon, int(day), tzinfo=TZ)
    except ValueError:
        return None


_TITLE_ISSUER = re.compile(r"^[【\[]?(?P<name>[\u3400-\u9fff()()、 ]{2,80}?)[】\]]?\s*关于")  # 【某局】关于…
_TITLE_SPEAKER = re.compile(r"^(?P<name>[\u3400-\u9fff]{2,30})\s*:\s*(?=\S{6})")


def _title_issuer(title: str | None) -> str | None:
    """``桂林医保关于...的通告``: the words before 关于, when they name an issuing body, or several
    (``甲市医疗保障局、甲市财政局关于…``, ``A局 B局关于…``: joined with 、)."""
    m = _TITLE_ISSUER.match(title or "")
    if m:
        names = _agency_list(m["name"])
        return _split_run_together(names) if names else names
    m = _TITLE_SPEAKER.match(title or "")  # 某市医保局:10月22日起医保系统停机 (a news headline's speaker)
    return m["name"] if m and is_agency_name(m["name"]) and m["name"].endswith(_rules().formal_endings) else None


def _split_run_together(name: str) -> str:
    """``甲省医疗保障局甲省医疗保障服务中心`` (two bodies whose separating blank was lost) ->
    ``甲省医疗保障局、甲省医疗保障服务中心``: split where a formal ending is followed by a second
    body's name opening with the same place (a parent body's name, 国家税务总局…, is not split)."""
    if "、" in name:
        return name
    r = _rules()
    for m in re.finditer("|".join(map(re.escape, r.formal_endings)), name):
        first, second = name[:m.end()], name[m.end():]
        if (len(second) >= 4 and second[:2] == first[:2] and first not in r.parent_bodies
                and is_agency_name(first) and is_agency_name(second)):
            return f"{first}、{second}"
    return name


def _internal_division(page: CleanPage) -> bool:
    """Whether the publisher was read from a 来源/作者 field naming a body's own division (纳税服务处,
    办公室, 综合科: a short name ending like a division) while the title names the issuing body."""
    r = _rules()
    name, evidence = page.publisher, page.publisher_evidence or ""
    if not name or not evidence.startswith(("来源:", "作者:")) or len(name) > _DIVISION_NAME_MAX:
        return False
    return name.endswith(r.division_endings) and _title_issuer(page.title) is not None


_DIVISION_NAME_MAX = 6  # characters of a division's own name (纳税服务处, 综合科)


def _publisher_from_tail(page: CleanPage, names: list[str]) -> None:
    """The issuer credited by a ``来源:`` line after the body (a post's footer)."""
    for name in names:
        if is_agency_name(name):
            page.publisher, page.publisher_evidence = name, f"来源:{name}"
            return


def _title_subject(title: str | None) -> str | None:
    """``关于某市医疗保障局暂停医保业务的通知``: a body named right after 关于 as the one acting (an
    action word follows its name) issues the notice; a national body or a forwarded document
    (关于转发省医保局…, 关于国家医保局…) does not."""
    r = _rules()
    if not title or "关于" not in title:
        return None
    rest = title[title.index("关于") + 2:]
    for m in re.finditer("|".join(map(re.escape, r.formal_endings)), rest[:_TITLE_SUBJECT_MAX]):
        name, after = rest[:m.end()], rest[m.end():]
        if not after.startswith(r.subject_verbs):
            continue
        if (is_agency_name(name) and _TITLE_SUBJECT_PLACED.search(name) and "、" not in name
                and not name.startswith(("国家", *r.release_verbs)) and not any(w in name for w in r.name_breakers)):
            return name
        return None
    return None


# a body of a place (某市…局, 某县…中心), not a system called like one (电子税务局, 网上服务大厅)
_TITLE_SUBJECT_PLACED = re.compile(r"[\u3400-\u9fff][省市县区州盟旗]")
_TITLE_SUBJECT_MAX = 30  # characters after 关于 within which the acting body's name ends


def _publisher_from_title(page: CleanPage) -> None:
    """The issuer named before 关于 in the title, or as the acting body right after it."""
    name = _title_issuer(page.title) or _title_subject(page.title)
    if name:
        page.publisher, page.publisher_evidence = name, f"title:{name}"


def _prefer_fuller_name(page: CleanPage, others: list[str | None]) -> None:
    """``来源:省医疗保障事务中心`` gives way to ``湖南省医疗保障事务中心`` from the title or signature.

    A notice names its issuer in full in the heading or signature and in short in its info line;
    a candidate that ends with the chosen name and is longer is the same body, named in full.
    """
    if not page.publisher:
        return
    for name in others:
        if name and len(name) > len(page.publisher) and name.endswith(page.publisher):
            page.publisher, page.publisher_evidence = name, f"fuller:{name}"
            return


def _self_named_in_title(page: CleanPage) -> str | None:
    """A body that calls itself 我院/本院 (我局, 本中心) in its text and is named in the headline
    (…来某某医院就诊要注意这些): the body named there, ending as the self-reference says."""
    r = _rules()
    if not page.title:
        return None
    endings = {e for word, ends in r.self_names.items() if word in page.body_text for e in ends}
    for ending in sorted(endings, key=len, reverse=True):
        for m in re.finditer(rf"[\u3400-\u9fff]{{2,30}}?{re.escape(ending)}", page.title):
            name = m.group(0)
            if name.startswith(r.name_lead_verbs) and is_agency_name(name[1:]):
                name = name[1:]
            if is_agency_name(name) and name != ending and not any(w in name for w in r.name_breakers):
                return name
    return None


_HEAD_CHARS = 800  # the opening sentences, where a body sentence names the issuer


class _Named(NamedTuple):
    """An issuer read from the text and the words that name it."""

    name: str
    evidence: str


def _body_issuer(page: CleanPage) -> _Named | None:
    """An issuer named in the opening sentences: ``X发布了《...公告》``, ``记者从X获悉``, ``X就…作出解答``,
    ``A、B将于...公告如下`` (see page.yaml news_relays)."""
    head = page.body_text[:_HEAD_CHARS]
    # Each regex needs a word of its own (发布, 如下): without it the search cannot succeed and is
    # skipped (both open with a start-or-separator group the engine cannot skip through quickly).
    r = _rules()
    m = r.body_published.search(head) if "发布" in head else None
    if m and _named_in_body(m["name"]):
        return _Named(m["name"], m.group(0).strip(",。;: "))
    for pattern in r.relays:
        for relay in iter_matches(pattern, head):  # 记者从X获悉: a news report relaying the bureau
            if _named_in_body(relay["name"]):
                return _Named(relay["name"], relay.group(0).strip(",。;:?! "))
    m = r.body_issuers.search(head) if "如下" in head else None
    if m and _named_in_body(m["names"]):
        return _Named(m["names"], m["names"])
    return None


def _longer_name_in_head(body: str, name: str) -> bool:
    """Whether the opening sentences write ``name`` after more characters of a name (国家税务总局 +
    陕西省税务局): only then may a body sentence name the issuer more fully."""
    at = body.find(name, 0, _HEAD_CHARS)
    while at >= 0:
        if at > 0 and _CJK.match(body, at - 1):
            return True
        at = body.find(name, at + 1, _HEAD_CHARS)
    return False


def _named_in_body(names: str) -> bool:
    """True when a name read from a body sentence (one body, or several joined with 、) names issuing
    bodies, not a clause that happens to end like one (请留意市医保局)."""
    breakers = _rules().name_breakers
    return all(is_agency_name(n) and not any(w in n for w in breakers) for n in names.split("、"))


def expand_publisher(name: str | None, province: str | None, city: str | None) -> str | None:
    """``省医保局`` (a notice's own shorthand) to ``山西省医疗保障局`` once the place is known."""
    if not name:
        return name
    r = _rules()
    m = r.bare_publisher.match(name)
    if not m or not is_agency_name(m.group(2)):
        return name
    place = province if r.bare_levels[m.group(1)] == "province" else city
    if not place:
        return name
    return place + r.bare_expand.get(m.group(2), m.group(2))
