"""The notice's title: heading candidates above the body, the heading chosen among them (a
heading broken over lines, an issuer line over it, a heading just under a forum's lead-in), and a
title found in the text when the page has no heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..normalize import compact_normalized
from .agencies import agency_list, CJK, is_agency_name
from .infolines import InfoLine, read_info_line
from .lines import (ENUM_START, PageLines, despread, heading_candidate, is_body_line, is_breadcrumb,
                    is_section_heading, question_headline, without_site)
from .model import CleanPage
from .rules import page_rules
from .signature import MAX_SIGNERS


_ACCOUNT_PREFIX = re.compile(r"^(?P<name>[^|丨\s]{2,16})\s*[|丨]\s*")
_HEADLINE_MIN = 4  # characters of a headline left after an account's name (重要通知)


_TAG_PREFIX = re.compile(r"^(?:【[^】]{1,6}】\s*)+")  # 【通告】 before a title (a repost may add its own: 【通告】【通告】)


_SPACE_IN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def clean_title(line: str) -> str:
    """A heading line as a title: a 【tag】, a column tag (快资讯:, 通知 |) or a document number
    (XX通告2019年第13号) before it dropped, blanks between CJK characters removed."""
    r = page_rules()
    line = line.strip()
    if line.startswith("【") and line.endswith("】") and line.count("【") == 1:
        line = line[1:-1]  # 【关于…的通知】: a headline an aggregator prints in brackets
    line = r.title_lead_marks.sub("", line)
    line = r.title_lead_marks.sub("", _TAG_PREFIX.sub("", line))  # 【导语】:关于…
    line = r.column_tag.sub("", line)
    account = _ACCOUNT_PREFIX.match(line)
    if account and is_agency_name(account["name"]):
        # 某市医保 | 年底医保系统停机…: the account's (or the site's) name before its post's headline
        rest = r.title_lead_marks.sub("", line[account.end():]).strip()
        line = rest if len(rest) >= _HEADLINE_MIN else line
    line = without_site(line)
    line = r.doc_number_prefix.sub("", line)
    if line.startswith("《") and line.endswith("》") and line.count("《") == 1:
        line = line[1:-1]  # 《关于…的通告》: a heading printed as the name of the document
    return _SPACE_IN_CJK.sub("", line).strip()


class _Candidate(NamedTuple):
    """A line above the body that may be the notice's heading."""

    at: int  # its index in the page's lines
    followed: bool  # an info line comes next (来源:… 时间:… under a headline)
    after_breadcrumb: bool = False  # a breadcrumb line (首页 > 通知 > 正文) stands right above it
    opening: bool = False  # the page's first line (a WeChat-style headline over its text)


@dataclass(slots=True)
class _Head:
    """What the lines above the body hold: info lines, heading candidates, where the body starts."""

    infos: list[InfoLine] = field(default_factory=list)
    candidates: list[_Candidate] = field(default_factory=list)
    body_start: int = 0


# An aggregator's page title glued into the text: 【…】 long enough not to be a tag (【温馨提示】) and
# holding no sentence or label punctuation (【来源:…】).
_GLUED_PAGE_TITLE = re.compile(r"【(?P<title>[^】。;:\n]{10,60})】")


_RELEASED_TITLE_CHARS = 300  # the opening sentences, where a page without a heading names its document


def title_of_released_document(page: CleanPage) -> None:
    """A page without a heading that opens by saying a body released a document (某局印发了《关于…的
    通告》) takes the document's name as its title; else a page title an aggregator glued into the
    text in 【】 (…先行垫付。【系统停机期间怎么报销?】如需就诊…) is the title."""
    m = page_rules().released_title.search(page.body_text, 0, _RELEASED_TITLE_CHARS)
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


def unrelated_title(page: CleanPage) -> bool:
    """Whether the title shares almost no words (CJK pairs) with the text under it (a headline that
    is no notice heading: 关于… and …的通知 always stand)."""
    title = page.title or ""
    if title.startswith("关于") or title.endswith(page_rules().title_words):
        return False  # the notice's own heading form, however short its text
    pairs = {title[i:i + 2] for i in range(len(title) - 1) if CJK.match(title, i) and CJK.match(title, i + 1)}
    rest = page.body_text[len(title):] if page.body_text.startswith(title) else page.body_text
    if len(pairs) < _UNRELATED_MIN_PAIRS or len(rest) < _UNRELATED_MIN_TEXT:
        return False
    return sum(1 for p in pairs if p in rest) / len(pairs) < _UNRELATED_SHARE


def scan_head(page_lines: PageLines, hint_title: str) -> _Head:
    """Read the lines above the body: info lines, heading candidates, and the first body line."""
    head = _Head(body_start=len(page_lines.lines))
    last_is_candidate = False  # the last line with content (chrome and info lines aside) is a candidate
    after_breadcrumb = False  # the last line with content was a breadcrumb
    seen = False  # a line with content (chrome too) came before
    for i, raw in enumerate(page_lines.lines):
        line = despread(raw.strip())  # 最 新 通 告 reads as 最新通告
        if not line:
            continue
        if not seen and _page_label(line):
            continue  # 本页所在栏目: a label of the page over its headline, read like chrome
        opening, seen = not seen, True
        if page_lines.chrome(i):
            after_breadcrumb = page_rules().breadcrumb.search(line) is not None
            if opening and not after_breadcrumb:
                seen = False  # a navigation bar over the page leaves the headline the page's first line
            continue
        info = page_lines.info(i)
        if info is not None:
            head.infos.append(info)
            if last_is_candidate:
                head.candidates[-1] = head.candidates[-1]._replace(followed=True)
            if opening:
                seen = False  # a credit opening the page (转自某某公众号) leaves the headline the page's first line
            continue
        if _issuer_only(line):
            last_is_candidate = False
            if opening:
                seen = False  # the issuer's line over the page (a red header) leaves the headline the page's first line
            continue  # and a headline under it still stands right under a breadcrumb over it
        # A headline put as a question ends like a sentence; the info line under it shows it heads
        # the page (…您关心吗? / 时间:2022-05-20 来源:…).
        question = question_headline(line) and _info_follows(page_lines, i)
        question = question or _half_before_comma(page_lines, i, line) or (
            question_headline(line) and last_is_candidate and _first_half_above(page_lines, i))  # 某某系统切 / 换会影响哪些功能?
        if not question and is_body_line(line) and not (hint_title and compact_normalized(line) == hint_title):
            head.body_start = i
            break
        # 重要通知 alone opening the page, or right under its breadcrumb (首页 > 通知公告 > 正文)
        last_is_candidate = question or heading_candidate(line) or ((opening or after_breadcrumb) and _short_notice_heading(line))
        if last_is_candidate:
            previous = head.candidates[-1] if head.candidates else None
            if previous is not None and (
                    previous.at == i - 1 and _first_half_above(page_lines, i)  # a headline broken in two
                    or compact_normalized(page_lines.lines[previous.at]) == compact_normalized(line)):  # printed twice
                head.candidates[-1] = previous._replace(at=i)  # one candidate, at its last line
            else:
                head.candidates.append(_Candidate(i, followed=False, after_breadcrumb=after_breadcrumb, opening=opening))
        after_breadcrumb = False
    return head


def _half_before_comma(page_lines: PageLines, i: int, line: str) -> bool:
    """``青禾医保本周末暂停结算,`` over ``去医院看病要注意这几点!`` and an info line: the first half of a
    headline broken after its comma, not a sentence of the text."""
    if not line.endswith(",") or len(line) > _HEADING_PART_MAX or i + 1 >= len(page_lines.lines):
        return False
    lower = page_lines.lines[i + 1].strip()
    return (heading_candidate(lower) or question_headline(lower)) and _first_half_above(page_lines, i + 1)


_PAGE_LABEL_MAX = 12  # characters of a label opening the page (本页所在栏目:)


def _page_label(line: str) -> bool:
    """A short line ending with a colon that opens the page and greets no one (本页所在栏目:, not
    各参保单位:): a label of the page's own, not the first line of the text."""
    return (len(line) <= _PAGE_LABEL_MAX and line.endswith(":") and CJK.search(line) is not None
            and not line.startswith(page_rules().addressee_openers))


_SHORT_HEADING_MIN = 4  # characters of a bare notice heading opening the page (重要通知)
_SHORT_HEADING_MAX = 6  # characters from which a heading ending with a notice word says more than the word


def _short_notice_heading(line: str) -> bool:
    """``重要通知`` alone on the page's first line: a short heading ending with a notice word."""
    return len(line) >= _SHORT_HEADING_MIN and clean_title(line).endswith(page_rules().title_words) and not is_body_line(line)


def _info_follows(page_lines: PageLines, i: int) -> bool:
    """True when the next line with content (chrome and a copy of line ``i`` aside) is an info line."""
    this = compact_normalized(page_lines.lines[i])
    for j in range(i + 1, len(page_lines.lines)):
        if page_lines.lines[j].strip() and not page_lines.chrome(j) and compact_normalized(page_lines.lines[j]) != this:
            return page_lines.info(j) is not None
    return False


def _issuer_only(line: str) -> bool:
    """``某市医疗保障局`` (or joint issuers) alone on a line: each a body's formal name, never a title."""
    names = [n for word in line.split() for n in word.split("、") if n]
    return bool(names) and all(is_agency_name(n) and n.endswith(page_rules().formal_endings) for n in names)


class _Heading(NamedTuple):
    """The notice's heading and the issuer printed on its own line over it (or None)."""

    title: str
    issuer: str | None


def heading_at(page_lines: PageLines, idx: int) -> _Heading:
    """The heading that ends on line ``idx``: a ``关于…`` heading broken over up to three lines is
    joined; the issuer line over it (joint issuers joined with 、) is the issuer, not the title."""
    start = _heading_start(page_lines, idx)
    title = "".join(clean_title(page_lines.lines[j]) for j in range(start, idx + 1) if page_lines.lines[j].strip())
    return _Heading(title, _issuer_line_above(page_lines, start, title))


_HEADING_PARTS = 3  # lines above the last line of a broken heading that may still belong to it


_HEADING_PART_MAX = 40  # characters in one such line


def _heading_start(page_lines: PageLines, idx: int) -> int:
    """The first line of a heading broken over lines (``关于增值税发票系统`` / ``停机升级的通告``).

    Walking up from the line ending the heading, the lines with content (blank lines between are
    allowed) are parts of it until one starts with 关于 (or, right above, names the issuer before
    its 关于: 某市医疗保障局关于停机切换 / 国家医疗保障信息平台的通告); a line that is long, ends a sentence,
    opens an enumeration, is chrome or an info line, or ends like a title itself stops the walk.
    """
    if "关于" in page_lines.lines[idx]:
        # 某县住房公积金管理中 / 心关于暂停办理业务的通告: the issuer's name broken before its 关于
        head = page_lines.lines[idx].strip().partition("关于")[0]
        if (head and idx > 0 and not is_agency_name(head)
                and _issuer_about(page_lines.lines[idx - 1].strip() + page_lines.lines[idx].strip())
                and _first_half_above(page_lines, idx)):
            return idx - 1
        return idx
    title_words = page_rules().title_words
    parts = 0
    for j in range(idx - 1, -1, -1):
        line = page_lines.lines[j].strip()
        if not line:
            continue
        parts += 1
        if (parts > _HEADING_PARTS or len(line) > _HEADING_PART_MAX or line.endswith(("。", ":", "!", "?"))
                or ENUM_START.match(line) or page_lines.chrome(j) or page_lines.info(j) is not None
                or clean_title(line).endswith(title_words)):
            break
        if line.startswith("关于") or (j == idx - 1 and _issuer_about(line)):
            return j
    return idx - 1 if _first_half_above(page_lines, idx) else idx


_HALF_MIN = 6  # characters of the first line of a headline broken in two
_HALF_SHARE = 0.5  # its length against the second line's, at least (a red header breaks a full first line)


def _first_half_above(page_lines: PageLines, idx: int) -> bool:
    """Whether the line right over line ``idx`` (no blank between) is the first half of a headline
    broken in two (``青禾市住房公积金中心年度结息`` / ``期间暂停部分柜台业务``): about as long as the line
    under it (a red header breaks a full first line; a column's name or a label over a headline is
    shorter), and neither a sentence, a label ending with a notice word (紧急通知), a list item, a
    document number, nor the issuer over a heading that ends with a notice word; the line under it is
    no site's name."""
    if idx == 0:
        return False
    upper, lower = page_lines.lines[idx - 1].strip(), page_lines.lines[idx].strip()
    if not upper or len(upper) < _HALF_MIN or len(upper) > _HEADING_PART_MAX or len(upper) < _HALF_SHARE * len(lower):
        return False
    if lower.startswith("关于") or _issuer_about(lower):
        return False  # the line under opens a heading of its own (某市医疗保障局关于…的公告)
    r = page_rules()
    if without_site(upper) != upper:
        return False  # a page's <title> copied with its site's name after it: a whole headline
    if upper.partition("关于")[0].endswith(r.site_name_endings):
        return False  # 某市人民政府门户网站关于: a site's name, no issuer, before 关于
    if compact_normalized(upper) == compact_normalized(lower):
        return False  # the headline printed twice
    if _issuer_only(upper) or clean_title(lower).endswith(r.title_words) and agency_list(upper) is not None:
        return False  # 某市医疗保障局 over a headline: the issuer's line (see _issuer_line_above)
    if without_site(f"{upper} - {lower}") == upper:
        return False  # 某某保险网 under a headline: the site's (or the issuer's) name, as a page's <title> puts it
    if upper.endswith(",") and not _info_follows(page_lines, idx):
        return False  # a headline broken after its comma has its info line under it
    return not (upper.endswith(("。", ":", "!", "?", ";", "、")) or page_lines.chrome(idx - 1)
                or page_lines.info(idx - 1) is not None or is_section_heading(upper) or is_breadcrumb(upper)
                or clean_title(upper).endswith(r.title_words) or r.doc_number.match(upper)
                or not heading_candidate(upper.rstrip(",")))


def _issuer_about(line: str) -> bool:
    """``某市医疗保障局关于停机切换``: the first line of a heading that names its issuer before 关于."""
    head, about, _ = line.partition("关于")
    return bool(about) and agency_list(head) is not None


def choose_title(
    lines: list[str],
    candidates: list[_Candidate],
    hint_title: str,
    title_words: tuple[str, ...],
    late: int | None = None,
) -> int | None:
    """The notice's own heading among the lines above the body, or None.

    Ranked: the page's own title (``hint_title``), then the last heading ending with a notice word,
    then the last heading with an info line under it. A site's or forum's title for the page (no
    notice word) gives way to the notice's own heading (``late``, see :func:`late_heading`).
    """
    if not candidates:
        return late
    chosen = _ranked_title(lines, candidates, hint_title, title_words)
    if late is not None and (chosen is None or not clean_title(lines[chosen]).endswith(title_words)):
        return late
    return chosen


def _ranked_title(
    lines: list[str], candidates: list[_Candidate], hint_title: str, title_words: tuple[str, ...]
) -> int | None:
    """The best of the heading candidates above the body (see :func:`choose_title`)."""
    if hint_title:
        for c in reversed(candidates):
            if compact_normalized(lines[c.at]) == hint_title:
                return c.at
    worded = [c.at for c in candidates if clean_title(lines[c.at]).endswith(title_words)]
    # A bare notice word (紧急通知, 最新通告: a column's or a poster's label) gives way to a headline
    # that says what happens, with an info line under it.
    full = [at for at in worded if len(clean_title(lines[at])) >= _SHORT_HEADING_MAX]
    if full:
        return full[-1]
    headed = [c.at for c in candidates if c.followed]
    if headed:
        return headed[-1]
    if worded:
        return worded[-1]
    crumbed = [c.at for c in candidates if c.after_breadcrumb and not page_rules().field_line.match(lines[c.at].strip())]
    if crumbed:
        return crumbed[-1]
    only = lines[candidates[0].at]
    if (len(candidates) == 1 and candidates[0].opening and not any(p in clean_title(only) for p in "。:")
            and not page_rules().field_line.match(only.strip())):
        return candidates[0].at  # the page's first line and the only heading: a post's headline
    return None


_LATE_HEADING_WINDOW = 3  # lines with content, from the first body line on, still in the header area


def late_heading(page_lines: PageLines, body_start: int, title_words: tuple[str, ...]) -> int | None:
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
        if ENUM_START.match(line) or seen >= _LATE_HEADING_WINDOW:
            return None  # the notice's own sections have begun
        seen += 1
        if heading_candidate(line) and clean_title(line).endswith(title_words):
            return j
    return None


def _issuer_line_above(page_lines: PageLines, idx: int, title: str) -> str | None:
    """The issuer printed on its own line right over a ``关于...`` heading (a red-header layout; a
    blank line in between breaks the heading); joint issuers on that line (``A局 B局``) or stacked on
    the lines right over it (up to three) are joined with 、. A heading ending with a notice word
    (``…暂停结算的公告``) takes its issuer line as well."""
    if not title.startswith("关于") and not title.endswith(page_rules().title_words):
        return None
    names: list[str] = []
    for j in range(idx - 1, max(idx - 1 - MAX_SIGNERS, -1), -1):  # joint issuers stacked line by line
        above = page_lines.lines[j]
        if page_lines.chrome(j) or read_info_line(above.strip()) is not None:
            break  # an info line (2020-04-30 17:07 来源:桂林市医疗保障局) is no red header
        name = agency_list(above)
        if name is None:
            break
        names[:0] = [n for n in name.split("、") if n not in names]  # a header printed twice names no one twice
    return "、".join(names) or None
