"""Lines a page ran together, split back before the page is read: a heading run into its
salutation or its info line (``…的通知各单位:``, ``…的通告 发布时间: 2031-05-08 …``), an info line run
into the text, a list entry's date after the headline (``…的通知 2021-10-14``) and a signature run
into the end of the text (``…特此公告。 某市医疗保障局 2022年3月4日``). The splits put a line break
where a blank stood wherever they can, so offsets into the page's text are kept."""

from __future__ import annotations

import re

from ..normalize import compact_normalized, is_text_run
from .agencies import agency_list, CJK, is_agency_name
from .infolines import read_info_line
from .lines import heading_candidate, is_body_line, is_chrome, question_headline
from .rules import page_rules
from .stamps import CN_DIGIT
from .title import clean_title


def split_run_in_heading(text: str) -> str:
    """A page that ran the notice's heading and its text into one line (``某中心关于…的通知各县管理部:
    根据…``, ``…的通告 发布时间: 2031-05-08 …``): the first such line above the text (chrome, info
    lines and short lines aside: a repost's credit or the site's name may open the page) is split
    before the salutation or the info line's first label, and after that label's date; a long line
    opening with an info line run into the text (``来源:青禾日报网 2031-05-08 09:12:40 青禾银行今日…``) is
    split after its stamp."""
    lines = text.split("\n")
    r = page_rules()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        m = r.run_in_heading.match(stripped)
        info = r.run_in_info.match(stripped) if m is None and is_text_run(stripped) else None
        body = m is None and info is None and is_body_line(stripped)
        if (m is None and info is None and not body) or is_chrome(stripped) or read_info_line(stripped) is not None:
            continue  # a short line, chrome or an info line: the text has not begun
        if m and len(stripped) > m.end():
            rest = stripped[m.end():]
            stamp = r.run_in_info.match(rest)
            if stamp:  # …的通告 发布时间: 2031-05-08 青禾市税务局通告…: the info line's date on a line of its own
                rest = rest[:stamp.end()] + "\n" + rest[stamp.end():].lstrip()
            lines[i] = m["heading"] + "\n" + rest
            return "\n".join(lines)
        if info:  # 来源:青禾日报网 2031-05-08 09:12:40 青禾银行今日发布公告…: the info line on a line of its own
            lines[i] = stripped[:info.end()] + "\n" + stripped[info.end():].lstrip()
            return "\n".join(lines)
        if body or is_body_line(stripped):
            return text  # the text has begun (a short line over it, 青禾科技网, may be the site's)
    return text


_STAMP_TOKENS = 2  # blank-separated tokens a date stamp after a headline may take (2021-10-14 09:30)


_STAMP_LINES_AFTER_TEXT = 3  # lines with content after the first text line still looked at (a heading under a lead-in)


def split_dated_headings(text: str) -> str:
    """A list page's entry copied as the headline, its date after it (``…的通知 2021-10-14``): each
    line above the text (and a few lines into it, where a heading may stand under a site's lead-in)
    that is a heading followed by a blank and a date stamp alone is broken at that blank, so the
    heading stands on its own and the stamp is read as the page's info line (offsets are kept: the
    blank becomes the line break)."""
    lines = text.split("\n")
    changed = False
    after_text: int | None = None  # content lines seen since the first text line
    for i, line in enumerate(lines):
        stripped = line.strip()
        dated = bool(stripped) and stripped[-1] in _STAMP_ENDS
        if not stripped or (dated or after_text is not None) and is_chrome(stripped):
            continue
        if after_text is not None:
            after_text += 1
            if after_text > _STAMP_LINES_AFTER_TEXT:
                break
        cut = _stamp_cut(line) if dated else None
        if cut is not None and after_text is not None and not clean_title(line[:cut]).endswith(page_rules().title_words):
            cut = None  # inside the text only a notice's own heading (…的通告) is split from its date
        if cut is not None:
            lines[i] = line[:cut] + "\n" + line[cut + 1:]
            changed = True
        elif (after_text is None and is_body_line(stripped) and not is_chrome(stripped)
              and read_info_line(stripped) is None):
            after_text = 0
    return "\n".join(lines) if changed else text


_BLANKS = re.compile(r"\s+")
_STAMP_ENDS = frozenset("0123456789日号)]】")  # how a line ending with a date stamp ends


def _stamp_cut(line: str) -> int | None:
    """Where the blank before a date stamp ending ``line`` starts, when what stands before it is a
    heading (a question too); else None. A byline (某市医保 2023-12-28, 某局 发布于 2021-10-20) is
    no heading."""
    whole = read_info_line(line.strip())
    if whole is not None and (whole.publisher or whole.author or whole.account):
        return None
    blanks = [m for m in _BLANKS.finditer(line.rstrip()) if m.start() > 0][-_STAMP_TOKENS:]
    for m in reversed(blanks):
        stamp, before = line[m.end():].strip(), line[:m.start()].strip()
        if not stamp[:1].isdigit() and stamp[:1] not in "[(【":
            continue
        info = read_info_line(stamp)
        if (info is not None and info.date is not None and info.publisher is None and info.author is None
                and compact_normalized(info.date_evidence or "") == compact_normalized(stamp)
                and "。" not in before and not before.startswith(page_rules().addressee_openers)
                and (question_headline(before) or heading_candidate(before) and not is_body_line(before))
                and read_info_line(before) is None and agency_list(before) is None):
            return m.start()
    return None


# A signature run into the end of the text's last line (a page that lost its line breaks): blank-
# separated signers, then a blank and a written date, end the line.
_RUN_IN_SIGNATURE_DATE = re.compile(
    rf"""[ \t\u3000]+(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日
        |[{CN_DIGIT}]{{4}}年[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日)[ \t\u3000]*$""",
    re.VERBOSE,
)
_TOKEN = re.compile(r"[^ \t\u3000]+")
_RUN_IN_SIGNERS = 4  # blank-separated names of joint signers at most


_RUN_IN_AFTER = ("特此公告", "特此通告", "特此通知")  # the closing formula before run-in signers


def split_run_in_signature(text: str) -> str:
    """Each line ending with a signature run into it (``…特此公告。 某市医疗保障局 2022年3月4日``,
    ``…服务热线:12333 某局 某局 2022年3月4日``) broken before the signers and before the date, as the
    signature stands when the page keeps its lines; the blanks become the line breaks, so offsets are
    kept. The signers are the blank-separated words before the date that each name a body, after a
    full stop, the closing formula or anything but a CJK character (a phone number, its bracket)."""
    out: list[str] = []
    for line in text.split("\n"):
        date = _RUN_IN_SIGNATURE_DATE.search(line)
        if date is not None:
            tokens = [m.span() for m in _TOKEN.finditer(line, 0, date.start())]
            k = 0  # the trailing words that each name a body
            while k < min(_RUN_IN_SIGNERS, len(tokens) - 1) and is_agency_name(line[slice(*tokens[-k - 1])]):
                k += 1
            before = line[:tokens[-k - 1][1]] if k else ""
            if k and (before.endswith(_RUN_IN_AFTER) or not CJK.match(before[-1:] or "字")):
                a, b = tokens[-k][0] - 1, date.start()
                line = line[:a] + "\n" + line[a + 1:b] + "\n" + line[b + 1:]
        out.append(line)
    return "\n".join(out)
