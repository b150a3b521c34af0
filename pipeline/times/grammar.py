"""Grammar of the time expressions in notices: finds points and ranges, keeps their parts unresolved.

The scanner works on normalized text (simplified, half-width). It returns :class:`Expression`
records holding the raw parts of each side (year, month, day, relative day, weekday, part of day,
hour, minute) and the span; resolving years and relative days is :mod:`pipeline.times.resolve`'s job.

Forms covered: ``2021年10月19日``, ``10月19日``, ``19日`` (only as the right side of a range),
``2021-10-11`` / ``2021/10/11`` / ``2021.10.11``, Chinese numerals (``二〇二一年十月二十一日``,
``十八时``, ``元月5日``), relative days (``今天``, ``今晚``, ``明日``, ``次日``, ``第二天``, ``即日``), weekday tags (``(星期五)``, ``(周五)``),
parts of the day (``上午``, ``下午``, ``凌晨``, ``下半夜`` ...), clocks (``18时``, ``8点``, ``18:00``,
``17点30分``, ``18:00时``, ``8点半``, ``零时``, ``24时``), and ranges joined by ``至 到 直至 直到 — – - ~``
(optionally after ``起``/``开始`` and a comma) whose right side may omit the year, the month, the day or the date.
Also: dotted and slashed ranges whose right end is a month.day (``2018.1.1~1.4``); a month.day
opening a point before its weekday, a clock, 起 or 前 (``6.30(周五)``, ``12.31 18:00``, ``12.30前``;
a range of two bare month.days, ``3.4-3.6``, is no date: decimals are written so); compressed day
ranges (``4月12-19日``) and lists (``1月5、6、7日``); a day without its month in a range with a clock (``自15日18时至22日8时``) or
in a list after a date (``2日、3日``); two-digit and relative years (``15年3月2日``, ``明年1月3日``);
the right end of a range taking the left end's afternoon (``下午1点到3点``); a relative day written
alone when a mark, a part of day or a cue word follows it (``今日发布``, ``当晚恢复``; not
``今日头条``); relative months before a day (``本月26日``, ``下月5日``, ``次月3日``, ``同月25日``); a part of day without a
clock before the joining word (``6月25日晚至27日``); two cells of a flattened table row
(``2021年11月12日17:00 | 2021年11月22日8:30``, or one blank left of a tab) as a range when the right
cell states its month and does not go back; the last day of a month as a range's right end
(``至本月底``, ``至10月末``, ``至次月底``, ``至年底``; alone, ``7月底`` is no point); a weekday of the
publication's week or the next (``本周六``, ``下周一``; as a tag too: ``(本周六)``); the ratio sign as
a clock's colon (``18∶00``); a line break after 年 or 月 inside a date. A clock with no date before it (office hours
``9:00-17:00``) is not a point and is not returned; nor is a recurring date (``每年4月1日至次年3月31日``,
``每月15日前``, ``当年7月1日至次年6月30日``, a year-less ``1月1日至12月31日``), which is a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cues import time_cues

__all__ = ["Side", "Expression", "scan", "cn_int", "FULL_DATE"]

# Chinese numerals used in dates and clocks; 两 appears in 两点, 廿/卅 in older texts.
_CN = "零〇○一二两三四五六七八九十廿卅"
_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(word: str) -> int | None:
    """Value of an ASCII or Chinese numeral up to 99 (or a digit-by-digit year); None if not one."""
    if not word:
        return None
    if word.isdigit():
        return int(word)
    if word == "元":  # 元月: the first month
        return 1
    if all(ch in _CN_DIGIT for ch in word) and len(word) >= 3:  # 二〇二一: read digit by digit
        return int("".join(str(_CN_DIGIT[ch]) for ch in word))
    word = word.replace("廿", "二十").replace("卅", "三十")
    if "十" in word:
        tens, _, units = word.partition("十")
        if len(tens) > 1 or len(units) > 1:
            return None
        t = _CN_DIGIT.get(tens, -1) if tens else 1
        u = _CN_DIGIT.get(units, -1) if units else 0
        if t < 0 or u < 0:
            return None
        return t * 10 + u
    if len(word) == 1 and word in _CN_DIGIT:
        return _CN_DIGIT[word]
    return None


# --- pieces, compiled into the patterns below -------------------------------------------------

_NUM2 = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"   # month, day, hour, minute: 1-2 digits or 零..三十一
_YEAR = rf"(?:(?:19|20)\d{{2}}|[{_CN}]{{4}})"  # 2021, 二〇二一
_WEEKDAY = r"""
    (?P<{g}>
      [ ]?\(?[ ]?                            # optional opening bracket (normalized to ASCII)
      (?:本|这|下)?(?:星期|周|礼拜)[一二三四五六日天]   # 星期五, 周五, 礼拜天, (本周六)
      [ ]?\)?                                # optional closing bracket
    )"""
# 下班后/上班前 (after or before office hours) set no clock but may stand before 至 (6月28日下班后至…).
_PART = r"(?P<{g}>上午|下午|中午|凌晨|清晨|早晨|早上|傍晚|晚上|晚间|夜间|夜里|深夜|午夜|下半夜|上半夜|下班后|下班前|上班前|上班后|晚|早)"
# A clock: 18:00(:00)(时), 18时30分, 8点半, 18时整, 零时. The hour must not be glued to a preceding digit.
_CLOCK = rf"""
    (?P<@G@h>\d{{1,2}}|[{_CN}]{{1,3}})          # hour
    (?:
        [ ]?[:∶][ ]?(?P<@G@mi>[0-5]\d)(?:[:∶][0-5]\d)?  # :MM, :MM:SS (∶ in official texts; 20 : 00 from a PDF)
        (?:[时点](?!\d))?                         # 18:00时, 0:00时 (odd but real)
      | [时点]                                    # 18时, 8点
        (?:
            (?P<@G@mi2>\d{{1,2}}|[{_CN}]{{1,3}})分   # 30分
          | (?P<@G@half>半)                          # 8点半
          | 整                                         # 18时整
        )?
    )"""
_REL = r"(?P<{g}>今天|今日|今晚|今早|今夜|明天|明日|明晚|明早|后天|昨天|昨日|前天|次日|翌日|第二天|第二日|当天|当日|同日|当晚|本日|即日)"
# A relative month before a day (本月26日, 下月5日, 次月10日): the day is stated, the month is not.
_REL_MONTH = r"(?P<{g}>本月|当月|同月|下月|次月|上月)"
# A week counted from the publication before a weekday (本周六, 下周一): a day of that week.
_REL_WEEK = r"(?P<{g}>本|这|下个|下)"
# A month's last day as the right end of a range (至本月底, 至10月末, 至年底); never a point alone.
_MONTH_END = r"""(?P<{g}>(?P<{g}ny>明年|次年|翌年)?(?:(?P<{g}m>\d{{1,2}}|[零〇○一二两三四五六七八九十]{{1,3}})|本|当|次|下)?月[底末]
                    |(?:本|今)?年[底末])"""
# A relative year before a month-day (去年12月28日, 明年1月3日); 次年/翌年 count from the date before.
_REL_YEAR = r"(?P<{g}>去年|今年|明年|前年|次年|翌年)"
# What may join two sides, as a lookahead: a compressed range leaves the left day without 日
# (4月12-19日, 9月19—21日), and so does a compressed list of two days (1月5、6日).
_JOIN_AHEAD = r"(?=(?:[ ]?、[ ]?\d{1,2})*[ ]?(?:-|—{1,2}|–|~|－|至|到|、)[ ]?\d{1,2}[日号])"
# A day of a compressed list after its first (the 15 of 1月14、15、16日): it reads as a bare day.
_LIST_AHEAD = r"(?=(?:[ ]?、[ ]?\d{1,2})*[ ]?、[ ]?\d{1,2}[日号])"


# A clock standing alone on the line after its date (a poster: 2031年12月20日\n18:00\n至...): read
# with the date. Only a clock with its minutes or 时/点 opening that line.
POSTER_CLOCK = r"[ ]?(?:上午|下午|晚上|凌晨)?[ ]?\d{1,2}(?:[:∶][0-5]\d|[时点](?:[0-5]?\d分|整)?)(?![\d分])"


# What may stand right before a numeric date's year: no digit or dot (a version 1.2021.3), but a list
# number opening its line may (1.2021-9-22 8:00起).
_ISO_OPEN = r"(?:(?<![\d.])|(?<=\n\d\.)|(?<=\n\d\d\.))"


def _side(g: str, *, date_required: bool) -> str:
    """Pattern of one side of an expression: date (or relative day), weekday, part of day, clock."""
    date = rf"""
        (?:
            (?:(?P<{g}y>{_YEAR})年\n?                                 # optional year: 2021年,
              |(?<!\d)(?P<{g}y2>\d{{2}})年                             # 21年,
              |{_REL_YEAR.format(g=g + "ry")})?                       # 去年, 明年
            (?P<{g}m>{_NUM2}|元)月\n?                                 # month (元月: January; a line may break after it)
            (?P<{g}d>{_NUM2})(?:[日号]|{_JOIN_AHEAD})                 # day (4月12-19日: no 日)
          | {_ISO_OPEN}(?P<{g}iy>(?:19|20)\d{{2}})(?P<{g}sep>[-/.])    # ISO-like 2021-10-11,
            (?P<{g}im>\d{{1,2}})(?P={g}sep)(?P<{g}id>\d{{1,2}})        # 2021/10/11, 2021.10.11
            (?![\d]|\.\d)                                               # not a version number
          | {_REL_MONTH.format(g=g + "rm")}(?P<{g}rmd>{_NUM2})[日号]   # 本月26日, 下月5日
          | {_REL.format(g=g + "rel")}                                 # 今天, 次日 ...
          | {_REL_WEEK.format(g=g + "rw")}(?:星期|周|礼拜)(?P<{g}rwd>[一二三四五六日天])  # 下周一
        )"""
    tail = rf"""
        {_WEEKDAY.format(g=g + "wd")}?                               # (星期五)
        (?:[ ]?\((?:今天|今日|明天|明日|后天)\))?                      # 12月29日(今天)18时
        (?:\)(?=[ ]?(?:上午|下午|晚上|凌晨)?[ ]?\d{{1,2}}[时点:∶]))?     # 周五(12月29日)18时: the date's bracket
        [ ]?(?P<{g}same>当天|当日|当晚)?[ ]?                          # 10月28日当天18时, 当晚8点
        (?:\n(?={POSTER_CLOCK}))?                                    # a poster: the clock on the next line
        (?:{_PART.format(g=g + "part")})?                           # 下午, 凌晨
        (?:{_CLOCK.replace('@G@', g)})?                                   # 17时30分, 18:00
    """
    if date_required:
        # A left side may be a bare day (15日18时至22日8时, 6日、7日): scan keeps it only with a
        # clock, a range's right day or as an item of a list of days.
        return rf"""
            (?:
                {date}
              | (?<![\d第每])(?P<{g}dd>{_NUM2})(?:[日号]|(?<=、\d){_LIST_AHEAD}|(?<=、\d\d){_LIST_AHEAD})  # 15日: month from before
              | (?<![\d.])(?P<{g}pm>\d{{1,2}})(?P<{g}psep>[./])(?P<{g}pd>\d{{1,2}})(?![\d.%])  # 6.30(周五): a month.day
                (?=[ ]?\(?[ ]?(?:星期|周)[一二三四五六日天]                 # only before its weekday,
                  |[ ](?:上午|下午|晚上|凌晨|中午)?\d{{1,2}}[:∶时点]          # a clock (12.31 18:00),
                  |[ ]?(?:起|前|之前|以前)(?![\d.]))                           # or 起, 前 (12.30前); a range of
                                                                              # two bare month.days is no date (3.4-3.6)
            )
            {tail}
        """
    # A right side may also be a month.day after a dotted left side (2018.1.1~1.4), a bare day
    # (17日) or a bare clock (8:00).
    return rf"""
        (?:
            {date}
          | (?P<{g}pm>\d{{1,2}})(?P<{g}psep>[./])(?P<{g}pd>\d{{1,2}})(?![\d.])   # 1.4 after 2018.1.1~
          | (?P<{g}dd>{_NUM2})[日号]                                   # 17日: month from the left
          | {_MONTH_END.format(g=g + "me")}                              # 本月底, 10月末, 年底
        )?
        {tail}
    """


# The left side of any expression needs a date (or a relative day); a bare clock is not a point.
# The leading lookahead lets the engine skip fast over characters that cannot open a date.
POINT = re.compile(rf"(?=[\d{_CN}今明后次翌第当本上下去前昨同这元即])(?<!\d)" + _side("L", date_required=True), re.VERBOSE)

# What may join two sides: 至 到 直至 直到 — – - ~, after an optional 起/开始, a comma and blanks.
_CONNECTOR = re.compile(
    r"""[ ]?(?:起|开始)?[ ]?[,]?[ ]?       # 起至, 开始至, 起,至
        (?:(?:直至|直到|至|到|—{1,2}|–|-|~|－)  # the joining word or dash (开始,直到7月3日)
          |\n[ ]?(?:至|到|—{1,2}|–|~|－)[ ]?\n  # or one standing alone on its line (a poster)
          |\n[ ]?(?:直至|直到|至|到))            # or a word opening the next line (18:00\n至8日)
        (?:[ ]?\n)?[ ]?""",  # a line may break after the word too (至\n6月17日)
    re.VERBOSE,
)

# Two cells of a table row (停机时间 | 恢复时间): a bar, or the one blank normalization leaves of a
# tab or a run of blanks. Joins two sides only when the right one states its month (see scan).
_CELL_BREAK = re.compile(
    r"""[ ]?\|[ ]?       # a bar between cells, blanks around it optional
      | [ ]              # a layout gap (tab, two spaces) normalized to one blank
    """,
    re.VERBOSE,
)

# A recurring date (每年4月1日, 每月15日前) is a rule, not a point; its right side may count from the
# next year or month (每年4月1日至次年3月31日).
_RECURRING = re.compile(r"(?:每年|每月|每个月|每逢)的?[ ]?$")
_NEXT_PERIOD = re.compile(r"(?:次年|翌年|当年|次月|当月)(?=\d|[一二三四五六七八九十])")

# The right side of a range; every part optional, but at least one date part or a clock must match.
RIGHT = re.compile(_side("R", date_required=False), re.VERBOSE)

# A full date with a year, for year context (signature dates included).
FULL_DATE = re.compile(
    rf"""(?=[\d{_CN}])                                          # fast skip (see POINT)
        (?:(?P<y>{_YEAR})年(?P<m>{_NUM2}|元)月(?P<d>{_NUM2})(?:[日号]|(?=\s*[—–\-~～至到]\s*{_NUM2}\s*[日号]))  # 2031年4月10—12日
          |{_ISO_OPEN}(?P<iy>(?:19|20)\d{{2}})(?P<sep>[-/.])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?![\d]|\.\d))""",
    re.VERBOSE,
)

_PART_WORDS = {"上午": "am", "早晨": "am", "早上": "am", "清晨": "am", "早": "am", "中午": "noon",
               "凌晨": "night", "下半夜": "night", "下午": "pm", "傍晚": "pm", "晚上": "pm",
               "晚间": "pm", "夜间": "pm", "夜里": "pm", "深夜": "pm", "上半夜": "pm", "晚": "pm",
               "午夜": "midnight"}
_REL_OFFSET = {"今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今夜": 0, "本日": 0, "即日": 0, "明天": 1,
               "明日": 1, "明晚": 1, "明早": 1, "后天": 2, "昨天": -1, "昨日": -1, "前天": -2}
_REL_TO_PREVIOUS = {"次日": 1, "翌日": 1, "第二天": 1, "第二日": 1, "当天": 0, "当日": 0, "同日": 0,
                    "当晚": 0}  # counted from the date before
_EVENING_WORDS = ("今晚", "明晚", "今夜", "当晚")  # a clock after them is in the evening
# Months after the anchor month; 次月/当月/同月 count from the date before (as 次日), the others
# from the publication.
_REL_MONTH_OFFSET = {"本月": 0, "下月": 1, "上月": -1, "次月": 1, "当月": 0, "同月": 0}
_REL_MONTH_TO_PREVIOUS = ("次月", "当月", "同月")
# Years after the anchor year; 次年/翌年 count from the date before, the others from the publication.
_REL_YEAR_OFFSET = {"去年": -1, "今年": 0, "明年": 1, "前年": -2, "次年": 1, "翌年": 1}
_REL_YEAR_TO_PREVIOUS = ("次年", "翌年")
_REL_WEEK_OFFSET = {"本": 0, "这": 0, "下": 1, "下个": 1}
_AFTERNOON = ("下午", "傍晚", "晚上", "晚间", "夜间", "晚")  # carried to a range's bare right clock
# A written year is kept from 1900 on: birth-date bounds (1986年7月4日至2004年7月4日) are stated points.
MIN_YEAR, MAX_YEAR = 1900, 2099
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(slots=True)
class Side:
    """Unresolved parts of one side of an expression (any may be None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel: str | None = None  # the relative-day word: 今天, 次日 ...
    rel_offset: int | None = None  # days after the anchor
    rel_to_previous: bool = False  # 次日/当日 count from the previous date, 今天/明日 from publication
    rel_month: int | None = None  # 本月26日: months after the anchor's month (day in ``day``)
    rel_year: int | None = None  # 明年1月3日: years after the anchor's year (month and day given)
    rel_year_to_previous: bool = False  # 次年 counts from the previous date, 明年 from publication
    part: str | None = None  # the part-of-day word as written: 下午, 晚上
    dotted: bool = False  # a month.day right side (1.4 in 2018.1.1~1.4)
    month_end: bool = False  # the last day of a month (至本月底: rel_month 0; 至10月末: month 10)
    rel_week: int | None = None  # 本周六/下周一: weeks after the publication's week (day in ``weekday``)
    iso_sep: str | None = None  # the separator of an ISO-like date (2018.1.1: '.')
    bare: bool = False  # a relative day with no clock nor 起/至 after it (今日发布)
    weekday: int | None = None  # 0 = Monday
    hour: int | None = None
    minute: int | None = None
    start: int = 0
    end: int = 0

    @property
    def bare_day(self) -> bool:
        """True for a day written without its month (15日): the month comes from the date before."""
        return self.day is not None and self.month is None and self.rel_month is None

    @property
    def has_date(self) -> bool:
        """True when a day (absolute or relative) is given."""
        return self.day is not None or self.rel is not None or self.month_end

    @property
    def has_clock(self) -> bool:
        """True when a clock time is given."""
        return self.hour is not None


@dataclass(slots=True)
class Expression:
    """One time expression: a point (``right`` None) or a range, with its span in the text."""

    left: Side
    right: Side | None
    start: int
    end: int
    open_end: str | None = None


def _num(value: str | None) -> int | None:
    return cn_int(value) if value else None


def _clock(m: re.Match[str], g: str) -> tuple[int | None, int | None]:
    """Hour and minute of the clock group ``g`` with the part of day applied; None if invalid."""
    hour = _num(m.group(g + "h"))
    if hour is None:
        part = m.group(g + "part")
        if part == "中午":
            return 12, None
        if part == "午夜":
            return 24, None
        return None, None
    minute = _num(m.group(g + "mi") or m.group(g + "mi2"))
    if m.group(g + "half"):
        minute = 30
    part = _PART_WORDS.get(m.group(g + "part") or "")
    rel = m.group(g + "rel")  # both sides have the group
    if part is None and (rel in _EVENING_WORDS or m.group(g + "same") == "当晚"):
        part = "pm"  # 今晚8点, 8月28日当晚8点
    if part == "pm" and 1 <= hour <= 11:
        hour += 12  # 下午5点 = 17:00; 下午17:00 stays
    elif part == "pm" and hour == 12 and m.group(g + "part") not in ("中午",):
        hour = 24  # 晚上12点 = midnight at the end of the day
    elif part == "noon" and 1 <= hour <= 3:
        hour += 12  # 中午1点
    elif part == "night" and hour == 12:
        hour = 0  # 凌晨12点
    if hour > 24 or (minute is not None and minute > 59) or (hour == 24 and minute):
        return None, None
    return hour, minute


def _read_side(m: re.Match[str], g: str) -> Side | None:
    """Build a Side from the groups prefixed ``g``; None when a part is out of range."""
    s = Side(start=m.start(), end=m.end())
    if m.group(g + "m"):
        s.year, s.month, s.day = _num(m.group(g + "y")), _num(m.group(g + "m")), _num(m.group(g + "d"))
        if m.group(g + "y2"):  # 15年3月2日: 2015
            s.year = 2000 + int(m.group(g + "y2")) if int(m.group(g + "y2")) < 70 else 1900 + int(m.group(g + "y2"))
        elif m.group(g + "ry"):
            s.rel_year = _REL_YEAR_OFFSET[m.group(g + "ry")]
            s.rel_year_to_previous = m.group(g + "ry") in _REL_YEAR_TO_PREVIOUS
    elif m.group(g + "iy"):
        s.year, s.month, s.day = int(m.group(g + "iy")), int(m.group(g + "im")), int(m.group(g + "id"))
        s.iso_sep = m.group(g + "sep")
    elif g + "pm" in m.re.groupindex and m.group(g + "pm"):
        s.month, s.day, s.dotted, s.iso_sep = int(m.group(g + "pm")), int(m.group(g + "pd")), True, m.group(g + "psep")
    elif m.group(g + "rm"):
        word = m.group(g + "rm")
        s.rel_month, s.day = _REL_MONTH_OFFSET[word], _num(m.group(g + "rmd"))
        s.rel_to_previous = word in _REL_MONTH_TO_PREVIOUS
    elif m.group(g + "rel"):
        s.rel = m.group(g + "rel")
        if s.rel in _REL_TO_PREVIOUS:
            s.rel_offset, s.rel_to_previous = _REL_TO_PREVIOUS[s.rel], True
        else:
            s.rel_offset = _REL_OFFSET[s.rel]
    elif m.group(g + "rw"):
        s.rel = m.string[m.start(g + "rw"):m.end(g + "rwd")]  # 下周一, without its clock
        s.rel_week = _REL_WEEK_OFFSET[m.group(g + "rw")]
        s.weekday = _WEEKDAYS[m.group(g + "rwd")]
    elif g + "me" in m.re.groupindex and m.group(g + "me"):
        s.month_end = True
        word = m.group(g + "me")
        if m.group(g + "mem"):
            s.month = _num(m.group(g + "mem"))
            s.rel_year = 1 if m.group(g + "meny") else None  # 至明年2月底
        elif "年" in word:
            s.month = 12
        else:
            s.rel_month = 1 if word[0] in "次下" else 0
    elif g + "dd" in m.re.groupindex and m.group(g + "dd"):
        s.day = _num(m.group(g + "dd"))
    if s.month is not None and not 1 <= s.month <= 12:
        return None
    if s.day is not None and not 1 <= s.day <= 31:
        return None
    if s.year is not None and not MIN_YEAR <= s.year <= MAX_YEAR:
        return None
    s.part = m.group(g + "part")
    wd = m.group(g + "wd")
    if wd and s.rel_week is None:
        s.weekday = _WEEKDAYS.get(wd.strip(" ()")[-1])
    s.hour, s.minute = _clock(m, g)
    if m.group(g + "h") and s.hour is None:
        s.end = m.start(g + "h")  # 25时, 18:75: not a clock; the date stands alone
    return s


def _trim_end(m: re.Match[str], g: str, side: Side) -> int:
    """End of the side without trailing blanks, nor a part of day that set no clock."""
    end = min(side.end, m.end())
    if side.hour is None and m.group(g + "part") and m.end(g + "part") == end:
        end = m.start(g + "part")
    while end > m.start() and m.string[end - 1] == " ":
        end -= 1
    return end


def _right_side(text: str, at: int) -> Side | None:
    """The right side of a range starting at ``at``, or None when none is there."""
    r = RIGHT.match(text, at)
    if r is None or r.end() <= r.start():
        return None
    right = _read_side(r, "R")
    if right is None or not (right.has_date or right.has_clock):
        return None
    # A dash before a bare number is arithmetic or a phone, not a range (8:00-17).
    right.end = _trim_end(r, "R", right)
    return right if right.end > right.start else None


def _not_before(left: Side, right: Side) -> bool:
    """True unless ``right`` is plainly an earlier day than ``left`` (a December-January pair is not)."""
    if left.month is None or left.day is None or right.month is None or right.day is None:
        return False
    if left.year is not None and right.year is not None:
        return (right.year, right.month, right.day) >= (left.year, left.month, left.day)
    return (right.month, right.day) >= (left.month, left.day) or (left.month == 12 and right.month == 1)


def _cell_right(text: str, left: Side) -> Side | None:
    """The next cell of a table row as a range's right side (停机时间 | 恢复时间), else None.

    Only a cell that states its own month and does not go back in time: a bare clock in the next
    cell is the clock of the date (2021年11月12日 | 17:00), not the end of a range.
    """
    c = _CELL_BREAK.match(text, left.end)
    if c is None:
        return None
    right = _right_side(text, c.end())
    return right if right is not None and _not_before(left, right) else None


# What makes a relative day without a clock part of a range or a start: 今天0时, 今日起, 明日至.
_REL_FOLLOW = re.compile(r"[ ]?(?:0时|零时|起|开始|至|到)")
# A relative day written alone is a day when a mark, a part of day or a cue word of its clause
# follows it (今日发布, 当晚恢复, 今天(21日)); else it is part of a name or a phrase (今日头条).
_REL_ALONE = re.compile(r"[ ]?(?:[,，。、;；:：(（]|从|" + _PART.format(g="relpart") + ")")  # 记者今天从…获悉
_REL_CUE_WINDOW = 4  # characters after a relative day searched for a cue word
# Between two items of a list of days (5月6日、7日): the left one's month goes to a bare day.
_LIST_JOIN = re.compile(r"[ ]?[、和及][ ]?$")


def _rel_alone(text: str, at: int) -> bool:
    """True when a relative day without a clock ending at ``at`` is followed by a mark, a part of
    day or, within a few characters, a cue word of the notice's clauses (发布, 暂停, 恢复)."""
    return _REL_ALONE.match(text, at) is not None or time_cues().cue.search(text, at, at + _REL_CUE_WINDOW) is not None


# What makes a day written without its month act as a time: 15日起, 15日开始, 15日恢复 (a cue word
# right after it); 15日内 (within 15 days) and 15日后 are durations and do not qualify.
_BARE_DAY_FROM = re.compile(r"[ ]?(?:起|开始)")


def _bare_day_acts(text: str, left: Side) -> bool:
    """True when a cue word or 起/开始 follows a day written alone (5日恢复, 15日起暂停)."""
    at = left.end + (1 if text.startswith(" ", left.end) else 0)
    return _BARE_DAY_FROM.match(text, left.end) is not None or time_cues().cue.match(text, at) is not None


def _keeps_bare_day(text: str, left: Side, right: Side | None, previous: Expression | None) -> bool:
    """True when a day written without its month (15日) is a time: it has a clock (15日18时), it
    opens a range to another day (15日至22日), it is an item of a list after a date (6日、7日), or
    a cue word follows it after a date (5月2日暂停,5日恢复).

    A day opening a news lead (14日,记者从…获悉) is not kept: it is the report's date, which the
    real corpus labels both ways (luoyang-yibao-2022 lists it, luoyang-yibao-2023 takes it for the
    publication stamp, as dev ningbo-2015 does).
    """
    if left.has_clock or (right is not None and right.day is not None):
        return True
    return previous is not None and (_LIST_JOIN.search(text, previous.end, left.start) is not None
                                     or _bare_day_acts(text, left))


def _carry_part(left: Side, right: Side) -> None:
    """The right end of a range takes the left end's afternoon (下午1点到3点, 晚上8点至12点, 今晚8点至12点)."""
    evening = left.part in _AFTERNOON or (left.part is None and left.rel in _EVENING_WORDS)
    if right.hour is None or right.part or right.has_date or not evening:
        return
    if left.hour is not None and 1 <= right.hour <= 12 and right.hour + 12 > left.hour:
        right.hour += 12


def _is_rule(text: str, left: Side, right: Side | None) -> bool:
    """True for a range stated for every year, not a point: 当年7月1日至次年6月30日, or a year-less
    1月1日至12月31日 (the calendar year)."""
    if right is None or left.year is not None or left.rel_year is not None:
        return False
    if right.rel_year_to_previous and text.endswith("当年", 0, left.start):
        return True
    whole_year = (left.month, left.day, right.month, right.day) == (1, 1, 12, 31)
    return whole_year and right.year is None and right.rel_year is None


def _range_right(text: str, m: re.Match[str], left: Side, recurring: bool) -> Side | None:
    """The right side of the range opened by ``left``, if any: after a joining word, else in the
    next table cell."""
    # 6月25日晚至27日: a part of day without a clock is cut from the side but may precede 至.
    c = _CONNECTOR.match(text, left.end)
    if c is None and left.hour is None and m.group("Lpart"):
        c = _CONNECTOR.match(text, m.end("Lpart"))
    if c is None:
        return _cell_right(text, left)
    at = c.end()
    if recurring and (nxt := _NEXT_PERIOD.match(text, at)):
        at = nxt.end()  # 每年4月1日至次年3月31日
    right = _right_side(text, at)
    if right is not None and right.dotted and right.iso_sep != left.iso_sep:
        return None  # 1.4 is a month.day only after a date written the same way (2018.1.1~1.4)
    return right


def scan(text: str) -> list[Expression]:
    """Every point or range in ``text``, left to right, unresolved. Never raises."""
    out: list[Expression] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = POINT.search(text, pos)
        if m is None:
            break
        left = _read_side(m, "L")
        if left is None:
            pos = m.start() + 1
            continue
        left.end = _trim_end(m, "L", left)
        if left.rel and not left.has_clock and not _REL_FOLLOW.match(text, left.end):
            if not _rel_alone(text, left.end):
                pos = m.end()
                continue
            left.bare = True  # 今日发布: a day; 当日 needs a date before it in its sentence (resolve)
        recurring = _RECURRING.search(text, max(0, left.start - 6), left.start) is not None
        right = _range_right(text, m, left, recurring)
        if left.bare_day and not _keeps_bare_day(text, left, right, out[-1] if out else None):
            pos = m.end()
            continue
        expr = Expression(left=left, right=None, start=left.start, end=left.end)
        if right is not None:
            _carry_part(left, right)
            expr.right, expr.end = right, right.end
        pos = expr.end
        if recurring or _is_rule(text, left, right):
            continue  # a rule of every year or month gives no point
        out.append(expr)
        while (more := _same_day_clocks(text, out[-1]) or _clause_clock(text, out[-1])) is not None:
            out.append(more)  # 7月1日8:30—12:00、14:00—17:30: the second window is on the same day
            pos = more.end
    return out


# Between two clock ranges of one day (8:30—12:00、14:00—17:30; 上午9时至12时及下午2时至5时). After a
# comma the second range would head a clause of its own (see clauses._segments): not joined.
_CLOCKS_JOIN = re.compile(r"[ ]?[、和及][ ]?")


def _same_day_clocks(text: str, previous: Expression) -> Expression | None:
    """A clock range right after a range of clocks on one stated day, joined by 、 (和, 及): the
    same day's second window (its left side takes the day's date). None when there is none."""
    left, right = previous.left, previous.right
    if right is None or right.has_date or not left.has_date or not left.has_clock:
        return None
    j = _CLOCKS_JOIN.match(text, previous.end)
    if j is None:
        return None
    first = _right_side(text, j.end())
    if first is None or first.has_date or not first.has_clock:
        return None
    c = _CONNECTOR.match(text, first.end)
    second = _right_side(text, c.end()) if c is not None else None
    if second is None or second.has_date or not second.has_clock:
        return None
    same_day = replace(left, hour=first.hour, minute=first.minute, part=first.part, weekday=None,
                       start=first.start, end=first.end)
    _carry_part(same_day, second)
    return Expression(left=same_day, right=second, start=first.start, end=second.end)


# A clock opening a later sub-clause of the sentence of a dated point with a clock (6月5日17时起网厅
# 暂停,18时起窗口暂停; 上午9时起暂停,下午3时恢复): the same day's later moment. The gap holds no
# digit (no other number or date between), the clock may follow a framing word (自, 于, 至) and must
# be followed by 起/开始 or a cue word of the notice's clauses (恢复, 暂停).
_CLAUSE_GAP = re.compile(r"[^\d。!?！？\n]{0,60}?[,;，；][ ]?(?:自|从|于|将于|至|到)?[ ]?(?=(?:"
                         + _PART.format(g="gappart") + r")?[ ]?\d)")
_CLAUSE_CLOCK_FOLLOW = re.compile(r"[ ]?(?:起|开始)")


def _clause_clock(text: str, previous: Expression) -> Expression | None:
    """A dateless clock opening the sub-clause after ``previous`` (a point with a date and a clock),
    on the same day and later than it; None when there is none."""
    left = previous.left
    if previous.right is not None or not left.has_clock or left.hour is None or \
            not (left.has_date or left.rel):
        return None
    gap = _CLAUSE_GAP.match(text, previous.end)
    if gap is None:
        return None
    clock = _right_side(text, gap.end())
    if clock is None or clock.has_date or not clock.has_clock or clock.hour is None:
        return None
    at = clock.end + (1 if text.startswith(" ", clock.end) else 0)
    if _CLAUSE_CLOCK_FOLLOW.match(text, clock.end) is None and time_cues().cue.match(text, at) is None:
        return None
    _carry_part(left, clock)
    if (clock.hour, clock.minute or 0) <= (left.hour, left.minute or 0):
        return None  # 22时起停机,6时恢复: the next morning is not stated; left unread
    same_day = replace(left, hour=clock.hour, minute=clock.minute, part=clock.part, weekday=None,
                       start=clock.start, end=clock.end)
    return Expression(left=same_day, right=None, start=clock.start, end=clock.end)
