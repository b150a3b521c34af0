"""Guangdong intensive-platform (集约化平台) detail page: ``div.article-content`` > ``div.zw``.

The body's lines come several to a ``<p>``, joined by ``<br>`` (three lines a paragraph), the way
the platform's editor stores pasted text. Traps: a meta block in reversed attribute order, the
info line with a share bar, a 'today is' date, a related-notices list with other dates and a
footer with a phone, a site code and an ICP number.
"""

from __future__ import annotations

from .common import TODAY, Gold, Page, esc, heading, lines, meta_block, related_list


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    ls = lines(text)
    groups = [ls[i:i + 3] for i in range(0, len(ls), 3)]
    body = "\n".join("<p>" + "<br>\n".join(esc(ln) for ln in g) + "</p>" for g in groups)
    info = []
    if gold.get("published"):
        info.append(f'<span class="time">发布时间:{gold["published"]} 11:06:24</span>')
    if gold.get("publisher"):
        info.append(f'<span class="source">来源:{esc(gold["publisher"])}</span>')
    info.append('<span class="share">分享:<a>微信</a><a>微博</a></span>')
    return Page("utf-8", f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{meta_block(gold, "市人民政府门户网站", reverse=True)}
<title>{esc(title)}_通知公告_市人民政府门户网站</title>
<link rel="stylesheet" href="/css/common.css"></head>
<body>
<div class="header"><div class="top-bar"><span>{TODAY}</span><a href="/">长者模式</a></div>
<div class="logo"><a href="/">市人民政府门户网站</a></div></div>
<div class="main-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></div>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<div class="article">
<div class="article-title"><h1>{esc(title)}</h1></div>
<div class="article-info">{''.join(info)}</div>
<div class="article-content"><div class="zw">
{body}
</div></div>
<div class="article-foot"><a href="javascript:window.print();">【打印】</a><a href="javascript:window.close();">【关闭】</a></div>
</div>
{related_list(cls="related-news")}
<div class="footer"><p>主办:市人民政府办公室 承办:市政务服务数据管理局 联系电话:0757-83381234</p>
<p>网站标识码:4406000001 粤ICP备05088032号 粤公网安备 44060402000123号</p></div>
</body></html>""")
