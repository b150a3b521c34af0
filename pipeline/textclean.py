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
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from .cuescan import compile_cue, iter_matches, prefiltered
from .normalize import compact
from .records import TZ
from .ruledata import load_yaml

__all__ = ["CleanPage", "clean_page", "PageHints", "parse_stamp", "parse_meta_date", "is_agency_name",
           "expand_publisher", "line_kind"]


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
    skip_spans: list[tuple[int, int]] = field(default_factory=list)


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
    dateline: re.Pattern[str]  # 本报讯 12月30日: at the body's start
    bare_publisher: re.Pattern[str]  # 省医保局: level (group 1) and body (group 2)
    bare_levels: dict[str, str]  # 省 -> province, 市 -> city
    bare_expand: dict[str, str]  # 医保局 -> 医疗保障局


@functools.cache
def _rules() -> _PageRules:
    """Compile the page rules once."""
    data = load_yaml("page.yaml")
    labels = data["info_labels"]
    # {agency}: a lazy run of CJK ending like an issuing body (is_agency_name checks it after).
    agency = r"[\u3400-\u9fff]{2,24}?(?:" + "|".join(map(re.escape, data["agency_endings"])) + ")"
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
        # A label starts the line or follows a blank/bar, and is followed by a colon (or, for the
        # forum stamp 发表于, a blank). Every match starts with a label's first character: the
        # engine skips to those (group 1 is the match; see cuescan.prefiltered).
        label_re=prefiltered(
            r"(?:^|(?<=[\s|]))(?P<label>" + "|".join(map(re.escape, all_labels)) + r")(?:\s*[:：]|(?<=发表于)\s)",
            "[" + "".join(sorted({re.escape(label[0]) for label in all_labels})) + "]",
        ),
        agency_suffixes=tuple(sorted(data["agency_suffixes"], key=len, reverse=True)),
        outlets=tuple(data["outlet_markers"]),
        title_words=tuple(data["notice_title_words"]),
        table_header=re.compile("|".join(map(re.escape, data["table_header_words"]))),
        repost=[re.compile(p) for p in data["repost_lines"]],
        relays=[compile_cue(p.replace("{agency}", f"(?P<name>{agency})")) for p in data["news_relays"]],
        not_publishers=frozenset(data["not_publishers"]),
        doc_number=re.compile("|".join(f"(?:{p})" for p in data["document_number_lines"])),
        # A 来源 line after the body (a WeChat post credits its source at the end): the label
        # opens the line and a single name fills the rest of it.
        tail_source=re.compile(
            r"^(?:" + "|".join(map(re.escape, sorted(labels["source"], key=len, reverse=True)))
            + r")\s*[:：]\s*(?P<name>[^\s:：,。;]{2,30})\s*$"
        ),
        body_published=re.compile(rf"(?:^|[,。;:\n])(?P<name>{agency})发布(?:了)?(?:《|消息|公告|通告|通知)"),
        body_issuers=re.compile(
            rf"(?:^|[,。;:\n])(?P<names>{agency}(?:、{agency})*)(?:将于|定于|决定于?)[^。]*?(?:公告|通告|通知)如下"
        ),
        info_line_stop_words=tuple(data["info_line_stop_words"]),
        stamp_line_stop_words=tuple(data["stamp_line_stop_words"]),
        dateline=re.compile(rf"^(?:{'|'.join(map(re.escape, data['dateline_prefixes']))})?\s*(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\s*[::]"),
        bare_publisher=re.compile(rf"^({'|'.join(map(re.escape, bare['levels']))})({'|'.join(map(re.escape, bare['bodies']))})$"),
        bare_levels=dict(bare["levels"]),
        bare_expand=dict(bare["expand"]),
    )


# Machine-style stamps: 2021-10-11, 2021/10/11 17:07, 2021年09月24日, 22-09-15 04:51:58.
_STAMP = re.compile(
    r"""(?P<y>\d(?<!\d\d)(?:\d{3}|\d))   # year: four or two digits, not the tail of a longer number
                                     # (a digit first, so the engine can skip to digits)
        \s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?   # date
        (?:\s*(?P<H>\d{1,2})[:时](?P<M>\d{2})(?::(?P<S>\d{2}))?)?                     # optional clock
        (?!\d)""",
    re.VERBOSE,
)
# A signature date line: 2019年8月14日 alone (optionally after a bracketed page title), or the same
# date in Chinese numerals as official documents print it (二〇二三年十二月二十五日).
_CN_DIGIT = "〇○零一二三四五六七八九"
_SIGNATURE_DATE = re.compile(
    rf"""^(?:【[^】]*】)?\s*                                  # an aggregator's 【page title】
        (?P<date>
          (?P<y>(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})年           # 2019, 二〇一九
          (?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})月        # 8, 十二
          (?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日        # 14, 二十五
        )\s*$""",
    re.VERBOSE,
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
# News dateline at the very start of the body: "12月30日:" or "本报讯 12月30日,".
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
_ENUM_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[条章节])")
_TAG_PREFIX = re.compile(r"^【[^】]{1,6}】\s*")  # 【通告】 before a title
_SPACE_IN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_SENTENCE_END = ("。", ";", ":", ",", "、", ";", "?")
_PHONE_DIGITS = re.compile(r"\d{5,}")
_SECTION_HEADING_MAX = 10  # characters after the leading symbols of a post's section heading
_CJK = re.compile(r"[\u3400-\u9fff]")


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
    if not 2 <= len(name) <= 40 or not _CJK.search(name):
        return False
    if any(marker in name for marker in r.outlets):
        return False
    if name in r.not_publishers:
        return False  # 来源:本站 names the host itself, not an issuer
    return name.endswith(r.agency_suffixes)


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
        if all(len(t) <= 8 for t in tokens):
            return True  # navigation bar: 网站首页 医院概况 医疗服务 ...
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
    """Parse a page info line (来源, 作者, 发布时间 ...); None when the line is not one."""
    r = _rules()
    for pattern in r.repost:
        m = pattern.match(line)
        if m:  # 转自德州医保公众号: credits where a repost came from, like a 来源 line
            name = m["name"]
            return _Info(publisher=name, publisher_evidence=f"转自:{name}")
    labels = list(iter_matches(r.label_re, line, 1))
    stamp = _STAMP.search(line)
    if (labels or stamp) and _TIME_RANGE.search(line):
        return None  # 2022年12月31日18时—2023年1月1日24时 under a heading states the stop, not the page
    if not labels:
        # A bare stamp line right under the title: "2020-04-30 17:07".
        if stamp and len(line) <= 40 and not any(w in line for w in r.stamp_line_stop_words):
            stamped = parse_stamp(line)
            return _Info(date=stamped, date_evidence=line) if stamped else None
        return None
    if len(line) > 160 or any(w in line for w in r.info_line_stop_words):
        return None
    info = _Info()
    for i, lm in enumerate(labels):
        label = lm.group("label")
        end = labels[i + 1].start(1) if i + 1 < len(labels) else len(line)
        value = line[lm.end(1):end].strip(" |:：")
        if label in r.source or label in r.author:
            # The value stops at the first blank (a date or another field may follow).
            # (nothing before it when the value opens with a date: 来源:2021-10-20 10:05)
            words = _STAMP.split(value)[0].split()
            name = words[0] if words else ""
            name = re.sub(r"\d.*$", "", name).strip()
            if label in r.source and name:
                info.publisher, info.publisher_evidence = name, f"{label}:{name}"
            elif name:
                info.author = name
        elif label in r.trusted or label in r.untrusted:
            value_dt = parse_stamp(value)
            if value_dt is None:
                continue
            if label in r.untrusted:
                info.host_stamp = value_dt
            else:
                info.date, info.date_evidence = value_dt, f"{label}:{value.split()[0] if value.split() else value}"
    if info.date is None and info.host_stamp is None and stamp:
        # An unlabelled stamp inside an info line (来源:红网 作者:... 2021-08-23 11:45:39).
        before = line[: stamp.start()]
        if not any(lbl in before[-6:] for lbl in r.untrusted):
            info.date, info.date_evidence = parse_stamp(stamp.group(0)), stamp.group(0)
    return info


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
    line = _TAG_PREFIX.sub("", line.strip())
    return _SPACE_IN_CJK.sub("", line).strip()


def clean_page(text: str, hints: PageHints | None = None) -> CleanPage:
    """Split normalized page text into the notice body and its metadata (see module docstring)."""
    hints = hints or PageHints()
    r = _rules()
    lines = text.split("\n")
    # The lines above the body are read by two passes (the head scan, then the body scan from the
    # title on): each line's chrome and info-line readings are computed once, for this page only.
    chrome_of: dict[int, bool] = {}
    info_of: dict[int, _Info | None] = {}

    def is_chrome(j: int, line: str) -> bool:
        if j not in chrome_of:
            chrome_of[j] = _is_chrome(line)
        return chrome_of[j]

    def info_line(j: int, line: str) -> _Info | None:
        if j not in info_of:
            info_of[j] = _read_info_line(line)
        return info_of[j]

    def info_follows(i: int) -> bool:
        """True when the next line with content (chrome aside) is an info line."""
        for j in range(i + 1, len(lines)):
            nxt = lines[j].strip()
            if nxt and not is_chrome(j, nxt):
                return info_line(j, nxt) is not None
        return False

    infos: list[_Info] = []
    candidates: list[tuple[int, bool]] = []  # (line index, followed by an info line)
    hint_title = compact(hints.title) if hints.title else ""
    body_start = len(lines)
    last_candidate: int | None = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if is_chrome(i, line):
            continue
        info = info_line(i, line)
        if info is not None:
            infos.append(info)
            if last_candidate is not None:
                candidates[-1] = (last_candidate, True)
            continue
        # A headline put as a question ends like a sentence; the info line under it shows it heads
        # the page (…您关心吗? / 时间:2022-05-20 来源:…).
        question = _question_headline(line) and info_follows(i)
        if not question and _is_body_line(line) and not (hint_title and compact(line) == hint_title):
            body_start = i
            break
        if question or _heading_candidate(line):
            candidates.append((i, False))
            last_candidate = i
        else:
            last_candidate = None

    late = _late_heading(lines, body_start, r.title_words, is_chrome)
    title_idx = _choose_title(lines, candidates, hint_title, r.title_words, late)
    kept: list[str] = []
    title = None
    if title_idx is not None:
        title = _clean_title(lines[title_idx])
        issuer = _issuer_line_above(lines, title_idx, title)
        if issuer:
            title = issuer + title
        kept.append(title)
        kept.append("")
        first = title_idx + 1
    else:
        first = min(body_start, len(lines))
        # Without a title, keep the non-chrome lines above the body (they may state times).
        for j in range(0, first):
            line = lines[j].strip()
            if line and not is_chrome(j, line) and info_line(j, line) is None:
                kept.append(line)
    body_started = bool(kept) and title_idx is None
    title_form = compact(title) if title else ""
    # The title forms serve only _strip_bracketed_title on a line holding 【: built on first need.
    title_forms: set[str] | None = None
    tail_sources: list[str] = []
    for j in range(first, len(lines)):
        line = lines[j].strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if body_started and r.footer.search(line):
            break
        if is_chrome(j, line):
            continue
        if not body_started:
            info = info_line(j, line)
            if info is not None:
                infos.append(info)
                continue
        if not body_started and title and compact(line) == title_form:
            continue  # the title repeated under itself
        if not body_started and title and r.doc_number.match(line):
            kept.append(line)  # 宁税发〔2021〕12号 under the title: the info line may come next
            continue
        if body_started:
            source = r.tail_source.match(line)
            if source:  # 来源:景德镇市医疗保障局 after a post's text credits its issuer
                tail_sources.append(source["name"])
                continue
        if title_forms is None and "【" in line:
            title_forms = {compact(lines[i]) for i, _ in candidates} | ({title_form} if title else set())
        line = _strip_bracketed_title(line, title_forms or set())
        if not line:
            continue
        body_started = True
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    body = "\n".join(kept)
    page = CleanPage(body_text=body, title=title)
    _apply_infos(page, infos, hints)
    signer = _read_signature(page)
    _read_dateline(page)
    if page.publisher is None:
        _publisher_from_tail(page, tail_sources)
    if page.publisher is None:
        _publisher_from_title(page)
    if page.publisher is None:
        _publisher_from_body(page)
    _prefer_fuller_name(page, [_title_issuer(page.title), signer])
    _locate_evidence(page)
    return page


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
    candidates: list[tuple[int, bool]],
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
        return None
    chosen = _ranked_title(lines, candidates, hint_title, title_words)
    if late is not None and (chosen is None or not _clean_title(lines[chosen]).endswith(title_words)):
        return late
    return chosen


def _ranked_title(
    lines: list[str], candidates: list[tuple[int, bool]], hint_title: str, title_words: tuple[str, ...]
) -> int | None:
    """The best of the heading candidates above the body (see :func:`_choose_title`)."""
    if hint_title:
        for idx, _ in reversed(candidates):
            if compact(lines[idx]) == hint_title:
                return idx
    worded = [idx for idx, _ in candidates if _clean_title(lines[idx]).endswith(title_words)]
    if worded:
        return worded[-1]
    headed = [idx for idx, followed in candidates if followed]
    if headed:
        return headed[-1]
    return None


_LATE_HEADING_WINDOW = 3  # lines with content, from the first body line on, still in the header area


def _late_heading(
    lines: list[str],
    body_start: int,
    title_words: tuple[str, ...],
    is_chrome: Callable[[int, str], bool],
) -> int | None:
    """The notice's own heading just below a site's or forum's lead-in, or None.

    A forum post or an aggregator copy puts a line of its own (刚在医保局网站看到的,转过来…:, 导读:…)
    between the page title and the notice, which then opens with its heading (…关于…的公告). A
    heading ending with a notice word among the first lines of the body is that heading.
    """
    seen = 0
    for j in range(body_start, len(lines)):
        line = lines[j].strip()
        if not line or is_chrome(j, line):
            continue
        if _ENUM_START.match(line) or seen >= _LATE_HEADING_WINDOW:
            return None  # the notice's own sections have begun
        seen += 1
        if _heading_candidate(line) and _clean_title(line).endswith(title_words):
            return j
    return None


def _issuer_line_above(lines: list[str], idx: int, title: str) -> str | None:
    """The issuer printed on its own line right over a ``关于...`` heading (a red-header layout)."""
    if not title.startswith("关于") or idx == 0:
        return None
    above = lines[idx - 1].strip()  # directly above: a blank line in between breaks the heading
    if not is_agency_name(above) or _is_chrome(above) or _read_info_line(above) is not None:
        return None  # an info line (2020-04-30 17:07 来源:桂林市医疗保障局) is no red header
    return above


def _strip_bracketed_title(line: str, title_forms: set[str]) -> str:
    """Drop a repost site's 【page title】 glued into the text."""

    if "【" not in line:  # most lines hold no bracketed title
        return line.strip()

    def repl(m: re.Match[str]) -> str:
        return "" if compact(m.group(1)) in title_forms else m.group(0)

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
    """The signature at the end: an agency line and a date line; the date span is skipped.

    Returns the signing agency's name (also when the publisher was already known), or None.
    """
    body = page.body_text
    lines = body.split("\n")
    tail: list[int] = []  # the last four lines with content, read from the end (the body can be long)
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            tail.insert(0, i)
            if len(tail) == 4:
                break
    for i in reversed(tail):
        m = _SIGNATURE_DATE.match(lines[i].strip())
        if not m:
            continue
        offset = sum(len(line) + 1 for line in lines[:i])  # where line i starts in the body
        start = offset + lines[i].index(m["date"])
        page.skip_spans.append((start, start + len(m["date"])))
        year, month, day = _cn_number(m["y"]), _cn_number(m["m"]), _cn_number(m["d"])
        if year is None or month is None or day is None:
            return None
        try:
            when = dt.datetime(year, month, day, tzinfo=TZ)
        except ValueError:
            return None
        if page.published_at is None:
            page.published_at, page.published_evidence = when, m["date"]
            page.published_span = (start, start + len(m["date"]))
        prev = [j for j in tail if j < i]
        name = lines[prev[-1]].strip() if prev else ""
        if not is_agency_name(name):
            return None
        if page.publisher is None:
            page.publisher, page.publisher_evidence = name, f"signature:{name}"
        return name
    return None


def _read_dateline(page: CleanPage) -> None:
    """A news dateline ``12月30日:`` opening the body is the publication stamp (year from the text)."""
    body = page.body_text
    first_line_start = 0
    if page.title:
        first_line_start = body.find("\n", 0) + 1
        while first_line_start < len(body) and body[first_line_start] == "\n":
            first_line_start += 1
    m = _rules().dateline.match(body, first_line_start)
    if not m:
        return
    span = (first_line_start + m.start("m"), first_line_start + m.end("d") + 1)
    page.skip_spans.append(span)
    if page.published_at is not None:
        return
    year_m = _FULL_DATE.search(body, m.end())
    if not year_m:
        return
    try:
        when = dt.datetime(int(year_m.group(1)), int(m["m"]), int(m["d"]), tzinfo=TZ)
    except ValueError:
        return
    page.published_at, page.published_evidence = when, m.group(0)
    page.published_span = m.span()


_TITLE_ISSUER = re.compile(r"^(?P<name>[\u3400-\u9fff()()]{2,30}?)\s*关于")


def _title_issuer(title: str | None) -> str | None:
    """``桂林医保关于...的通告``: the words before 关于, when they name an issuing body."""
    m = _TITLE_ISSUER.match(title or "")
    return m["name"] if m and is_agency_name(m["name"]) else None


def _publisher_from_tail(page: CleanPage, names: list[str]) -> None:
    """The issuer credited by a ``来源:`` line after the body (a post's footer)."""
    for name in names:
        if is_agency_name(name):
            page.publisher, page.publisher_evidence = name, f"来源:{name}"
            return


def _publisher_from_title(page: CleanPage) -> None:
    """The issuer named before 关于 in the title."""
    name = _title_issuer(page.title)
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


def _publisher_from_body(page: CleanPage) -> None:
    """An issuer named in the opening sentences: ``X发布了《...公告》``, ``A、B将于...公告如下``."""
    head = page.body_text[:800]
    # Each regex needs a word of its own (发布, 如下): without it the search cannot succeed and is
    # skipped (both open with a start-or-separator group the engine cannot skip through quickly).
    r = _rules()
    m = r.body_published.search(head) if "发布" in head else None
    if m:
        page.publisher, page.publisher_evidence = m["name"], f"body:{m.group(0).strip(',。;:')}"
        return
    for pattern in r.relays:
        for relay in iter_matches(pattern, head):  # 记者从X获悉: a news report relaying the bureau
            if is_agency_name(relay["name"]):
                page.publisher, page.publisher_evidence = relay["name"], f"body:{relay.group(0).strip(',。;:')}"
                return
    m = r.body_issuers.search(head) if "如下" in head else None
    if m:
        page.publisher, page.publisher_evidence = m["names"], f"body:{m['names']}"


def expand_publisher(name: str | None, province: str | None, city: str | None) -> str | None:
    """``省医保局`` (a notice's own shorthand) to ``山西省医疗保障局`` once the place is known."""
    if not name:
        return name
    r = _rules()
    m = r.bare_publisher.match(name)
    if not m:
        return name
    place = province if r.bare_levels[m.group(1)] == "province" else city
    if not place:
        return name
    return place + r.bare_expand.get(m.group(2), m.group(2))
