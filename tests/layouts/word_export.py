"""A Word document pasted into a government CMS (GB2312 page): ``MsoNormal`` paragraphs.

What Word's HTML export looks like: digits and words in separate ``<span>``s (``lang=EN-US`` for
the digits), ``&nbsp;`` padding for the first-line indent, ``<o:p></o:p>`` closing each
paragraph and empty ``<o:p>&nbsp;</o:p>`` paragraphs between them, list numbers inside
``<![if !supportLists]>`` blocks, ``MsoNormalTable`` tables with a ``<p>`` in every cell, and the
source wrapped at about 76 columns, between two Chinese characters, inside a paragraph. Page
chrome around it: breadcrumb, 'today is' date, related links with dates, a footer phone and ICP.
"""

from __future__ import annotations

import re

from .common import TODAY, Gold, Page, cells, esc, heading, lines, nav_bar, related_list, runs

_SPAN = "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{}</span>"
_DIGITS = "<span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\"'>{}</span>"
_LIST = re.compile(r"^(\d{1,2}[.、．])\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _spans(text: str) -> str:
    return "".join((_DIGITS if run[0].isdigit() else _SPAN).format(esc(run)) for run in runs(text))


def _paragraph(line: str) -> str:
    row = cells(line)
    if len(row) > 1:
        tds = "".join(f"<td width=189 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
                      f"<p class=MsoNormal>{_spans(c)}<span lang=EN-US><o:p></o:p></span></p></td>" for c in row)
        return (f"<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"
                f"<tr style='mso-yfti-irow:0'>{tds}</tr></table>")
    m = _LIST.match(line)
    if m:  # a numbered paragraph: Word's list number sits in a downlevel-revealed conditional
        return (f"<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                f"<![if !supportLists]><span lang=EN-US>{esc(m.group(1))}<span style='font:7.0pt \"Times New Roman\"'>"
                f"&nbsp;&nbsp;&nbsp; </span></span><![endif]>{_spans(line[m.end():])}<span lang=EN-US><o:p></o:p></span></p>")
    return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
            f"<span lang=EN-US>&nbsp;&nbsp;&nbsp;&nbsp;</span>{_spans(line)}<span lang=EN-US><o:p></o:p></span></p>")


def _wrap_source(markup: str, width: int = 76) -> str:
    """Break source lines the way Word does: after ``width`` columns, between two Chinese characters."""
    out, col, in_tag = [], 0, False
    for i, ch in enumerate(markup):
        out.append(ch)
        col = 0 if ch == "\n" else col + 1
        in_tag = (in_tag or ch == "<") and ch != ">"
        nxt = markup[i + 1] if i + 1 < len(markup) else ""
        if col >= width and not in_tag and _CJK.match(ch) and _CJK.match(nxt):
            out.append("\r\n")
            col = 0
    return "".join(out)


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    empty = "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    body = f"\n{empty}\n".join(_paragraph(ln) for ln in lines(text))
    word = _wrap_source(f"<div class=WordSection1 style='layout-grid:15.6pt'>\n{body}\n</div>")
    date = f"<span>日期:{gold['published']}</span>" if gold.get("published") else ""
    return Page("gb18030", f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{esc(title)}</title>
<style>.content p.MsoNormal{{margin:0cm;}}</style></head>
<body>
<div class="topbar"><span id="today">{TODAY}</span> | <a href="/">设为首页</a> | <a href="/">加入收藏</a></div>
{nav_bar()}
<div class="location">您现在的位置:<a href="/">首页</a> &gt;&gt; <a href="/tzgg/">通知公告</a></div>
<div class="detail">
<h2 class="detail-title">{esc(title)}</h2>
<div class="detail-info">{date}<span>点击数:<script>document.write(hits)</script>562</span></div>
<div class="content" id="fontzoom">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author><o:Created>2021-01-05T02:11:00Z</o:Created></o:DocumentProperties></xml><![endif]-->
{word}
</div>
</div>
{related_list()}
<div class="foot">版权所有:市医疗保障局 技术支持:市信息中心 电话:0351-5551234<br>备案号:晋ICP备10021532号 网站标识码:1401000022</div>
</body></html>""")
