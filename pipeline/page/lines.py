"""One line of a page on its own: chrome, footer or info line (:func:`line_kind`), the shapes of a
heading, a section heading and a body line, and :class:`PageLines` (each line read once)."""

from __future__ import annotations

import re
import unicodedata

from ..normalize import is_text_run
from .agencies import agency_list, CJK
from .infolines import InfoLine, read_info_line
from .rules import page_rules


ENUM_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[条章节])")


_SENTENCE_END = ("。", ";", ":", ",", "、", ";", "?")


_PHONE_DIGITS = re.compile(r"\d{5,}")


_SEPARATOR_TOKENS = frozenset("-–—|｜/")  # a blank-separated token that only separates the others

_SECTION_HEADING_MAX = 10  # characters after the leading symbols of a post's section heading


# A line spread over the page's width, one blank between its characters (当 前 位 置 :, 分 享).
_SPREAD = re.compile(r"^(?:\S )+\S$")


def despread(line: str) -> str:
    """``line`` without the blanks of a spread line (当 前 位 置 : -> 当前位置:); any other line as it is."""
    return line.replace(" ", "") if _SPREAD.match(line) else line


def is_chrome(line: str) -> bool:
    if is_text_run(line):
        return False
    line = despread(line)
    r = page_rules()
    if r.chrome.search(line):
        return True
    if not CJK.search(line) and not re.search(r"\d", line):
        return True  # punctuation or latin debris only
    if line.count("_") >= 5 and not any(p in line for p in "。,;:"):
        return True  # spam keyword line: a_b_c_d_e_f
    if "|" in line and r.table_header.search(line):
        return False  # a table's header row: 业务类别 | 停机时间 | 恢复时间
    # (a separator between two parts is a headline with its site's name: 重要通知 - 某市人民政府网)
    tokens = [t for t in line.split() if t not in _SEPARATOR_TOKENS]
    if len(tokens) >= 3 and not _PHONE_DIGITS.search(line) and not any(p in line for p in "。,;:"):
        if all(len(t) <= 8 for t in tokens) and not agency_list(line):
            return True  # navigation bar: 网站首页 医院概况 医疗服务 ... (not joint signers: 某市医保局 某市财政局 …)
    return False


def is_breadcrumb(line: str) -> bool:
    """True when ``line`` is a breadcrumb (首页 > 通知公告 > 正文), wherever the page puts it: never a title."""
    return page_rules().breadcrumb.search(despread(line)) is not None


_LEAD_TAGS = re.compile(r"^(?:【[^】]{1,6}】\s*)+")  # 【通告】 put before a heading


def is_section_heading(line: str) -> bool:
    """True when ``line`` heads a part of a text, never the text: it opens with a list number (一、 (二)
    3. 第四条; also after a 【tag】) or is a post's short section heading led by a symbol (💡 温馨提示)."""
    line = without_lead_tags(line)
    return ENUM_START.match(line) is not None or _section_heading(line)


def without_lead_tags(line: str) -> str:
    """``line`` without the 【tags】 a site or a repost puts before a heading (【通告】【转载】)."""
    return _LEAD_TAGS.sub("", line.strip())


def line_kind(line: str) -> str | None:
    """How :func:`clean_page` reads one normalized line on its own: ``chrome`` (site chrome it drops),
    ``footer`` (a marker that ends the body), ``info`` (a page info line: 来源, 发布时间 ...) or None
    (text). The HTML cleaner weighs a page's blocks with it."""
    if is_chrome(line):
        return "chrome"
    if page_rules().footer.search(line) and not is_text_run(line):
        return "footer"
    if read_info_line(line) is not None:
        return "info"
    return None


# A page's <title> names the issuing body after the headline: …的通知 - 某市医疗保障局, …公告_某局.
_ISSUER_AFTER = re.compile(r"^(?P<head>.{6,})\s*(?:_|\||｜| - | – | — )\s*(?P<tail>[^_|｜]{2,60})$")


def without_site(line: str) -> str:
    """A headline without the site's or the issuing body's name a page's <title> puts after it
    (…的通知_某市人民政府门户网站, …的通知 - 某市医疗保障局); any other line as it is."""
    line = page_rules().title_site_suffix.sub("", line) or line
    m = _ISSUER_AFTER.match(line)
    if m and agency_list(m["tail"]) is not None:
        return m["head"]
    return line


def heading_candidate(line: str) -> bool:
    if not 6 <= len(line) <= 90:
        return False
    if line.endswith(_SENTENCE_END) or ENUM_START.match(line):
        return False
    # a headline with its site's or issuer's name after it (…的通知_某市人民政府门户网站, … - 某市医疗
    # 保障局: a page's <title> copied as the first line) is read without it; the site's name alone is none
    line = without_site(line)
    if _section_heading(line) or _site_name(line):
        return False
    return bool(CJK.search(line))


def _site_name(line: str) -> bool:
    """``某市社保个人服务网页(某市社保网上服务网页)``: a line naming a website (a page title an
    aggregator left over the text), its bracketed aside aside."""
    return _ASIDE_END.sub("", line).endswith(page_rules().site_name_endings)


_ASIDE_END = re.compile(r"\s*[((][^()()]*[))]\s*$")


def _section_heading(line: str) -> bool:
    """``⏰ 暂停时间``, ``● 温馨提示``: a short line led by an emoji or symbol heads a section of a post."""
    rest = line.lstrip()
    led = False
    while rest and (unicodedata.category(rest[0]).startswith("S") or rest[0] in "\ufe0f\u200d"):
        rest, led = rest[1:].lstrip(), True  # the symbols, with emoji joiners and variation selectors
    return led and len(rest) <= _SECTION_HEADING_MAX


def question_headline(line: str) -> bool:
    """``…这些问题您关心吗?``: a headline put as a question (no colon or full stop inside it)."""
    if not 6 <= len(line) <= 90 or not line.endswith("?") or ENUM_START.match(line):
        return False
    return not any(p in line for p in "。:;!") and bool(CJK.search(line))


def is_body_line(line: str) -> bool:
    if ENUM_START.match(line):
        return True
    if len(line) >= 60:
        return True
    return line.endswith(_SENTENCE_END) and len(line) >= 6


class PageLines:
    """A page's lines with their chrome and info-line readings, each made once.

    The lines above the body are read by several steps (the head scan, the look-ahead under a
    question headline, the body scan from the title on, the lines kept above a title-less body);
    reading each line once per page keeps clean_page about a quarter faster on the corpora.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self._chrome: dict[int, bool] = {}
        self._info: dict[int, InfoLine | None] = {}

    def chrome(self, j: int) -> bool:
        """Whether line ``j`` (stripped, with content) is page chrome."""
        if j not in self._chrome:
            self._chrome[j] = is_chrome(self.lines[j].strip())
        return self._chrome[j]

    def info(self, j: int) -> InfoLine | None:
        """Line ``j`` read as an info line (来源, 发布时间 ...), or None when it is not one."""
        if j not in self._info:
            self._info[j] = read_info_line(self.lines[j].strip())
        return self._info[j]
