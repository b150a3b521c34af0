"""Hanweb (大汉) detail page: ``div.bt-content`` > ``div#con_con``, title between template comments.

Traps: a 'today is' date in the top bar, the info line's hit counter, a font-size switch, a related
links list whose titles and stamps carry other dates, a footer with a phone, site code, ICP and
public-security numbers and a visitor counter. Paragraphs are ``<p>`` with a styled ``<span>``
inside and ``&nbsp;`` indents; Hanweb's RSS markers and ``<meta name="ContentStart">`` sit inside
the body container.
"""

from __future__ import annotations

from .common import TODAY, Gold, Page, cells, esc, heading, info_line, lines, meta_block, nav_bar, related_list


def _paragraph(line: str) -> str:
    row = cells(line)
    if len(row) > 1:  # a flattened table row: back into a table of its own
        tds = "".join(f'<td style="border:1px solid #000">{esc(c)}</td>' for c in row)
        return f'<table class="bt-table" border="1" cellspacing="0"><tbody><tr>{tds}</tr></tbody></table>'
    return (f'<p style="text-indent:2em;line-height:1.75;"><span style="font-family:仿宋;font-size:16pt;">'
            f'&nbsp;&nbsp;{esc(line)}</span></p>')


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    body = "\n".join(_paragraph(ln) for ln in lines(text))
    return Page("utf-8", f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
{meta_block(gold, "市医疗保障局")}
<title>{esc(title)} - 市医疗保障局</title>
<script type="text/javascript" src="/script/jquery.js"></script>
</head>
<body>
<div class="bt-top"><span class="bt-date">{TODAY}</span> <a href="javascript:void(0)">无障碍浏览</a> <a href="/col/col12/">繁體版</a></div>
<div class="bt-head"><img src="/images/logo.png" alt="市医疗保障局"></div>
{nav_bar()}
<div class="bt-position">当前位置:<a href="/">首页</a> &gt; <a href="/col/col1234/index.html">通知公告</a></div>
<div class="bt-article">
<div class="bt-title"><!--<$[标题名称]>begin-->{esc(title)}<!--<$[标题名称]>end--></div>
<div class="bt-info">{esc(info_line(gold, date_label="发布日期", source_label="信息来源"))} 字号:[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="bt-content"><div id="con_con">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{body}
<!--ZJEG_RSS.content.end--><meta name="ContentEnd">
</div></div>
<div class="bt-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
{related_list(cls="bt-relate")}
<div class="bt-foot">主办单位:市医疗保障局 联系电话:0773-2825612 地址:中山北路18号<br>
网站标识码:4503000017 桂ICP备12003344号-1 桂公网安备 45030202000001号 您是本站第<span>1234567</span>位访客</div>
</body></html>""")
