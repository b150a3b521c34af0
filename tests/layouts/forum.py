"""A forum repost (Discuz! thread, GBK): the notice pasted into the first post, replies under it.

Thread chrome: a 'today is' date, breadcrumb, the thread's view and reply counters, the poster's sidebar (user name,
post and credit counts), 楼主 with a 发表于 stamp, the post text as lines joined by ``<br />``
inside ``td.t_f``, then replies (沙发, 板凳, 3#) with their own 发表于 stamps, a phone number and a
date of their own, related threads with other dates, the reply box and a footer with an ICP number and the forum's phone.
"""

from __future__ import annotations

from .common import TODAY, Gold, Page, esc, heading, lines, related_list

_REPLIES = [
    ("沙发", "老李2019", "2026-11-21 10:02", "谢谢楼主,我打了0816-2222333问过,说是11月30日前去办就行。"),
    ("板凳", "涪城小王", "2026-11-21 11:47", "顶一个,家里有病人的注意提前拿药。"),
    ("3#", "路人甲", "2026-11-22 08:15", "收藏了,12月5日以后再来看看恢复没有。"),
]


def _post(floor: str, user: str, stamp: str, body: str, pid: int) -> str:
    return f"""<div id="post_{pid}"><table id="pid{pid}" class="plhin" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div class="pi"><div class="authi"><a href="home.php?mod=space&amp;uid={pid}9" class="xw1">{esc(user)}</a></div></div>
<dl class="pil cl"><dt>主题</dt><dd>12</dd><dt>帖子</dt><dd>345</dd><dt>积分</dt><dd>1234</dd></dl></td>
<td class="plc"><div class="pi"><strong><a href="#pid{pid}">{floor}</a></strong>
<div class="pti"><div class="authi"><em id="authorposton{pid}">发表于 {stamp}</em> <span class="pipe">|</span> <a>只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{pid}">
{body}
</td></tr></table></div></div></div>
<div class="po hin"><a class="fastre">回复</a> <a>支持(3)</a> <a>反对(0)</a></div></td></tr></table></div>"""


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    post = "<br />\r\n".join(f'<font size="3">{esc(ln)}</font>' for ln in lines(text))
    first = _post('<em>楼主</em>', "涪城老张", "2026-11-20 09:12:35", post, 1)
    replies = "\n".join(_post(f, u, s, esc(b), i + 2) for i, (f, u, s, b) in enumerate(_REPLIES))
    return Page("gb18030", f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{esc(title)} - 民生热点 - 市民论坛 -  Powered by Discuz!</title>
<meta name="keywords" content="{esc(title)}" />
<meta name="generator" content="Discuz! X3.4" /></head>
<body id="nv_forum" class="pg_viewthread">
<div id="toptb" class="cl"><span>{TODAY}</span> <a href="member.php?mod=register">立即注册</a> <a href="member.php?mod=logging">登录</a></div>
<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">市民论坛</a> <em>&rsaquo;</em> <a href="forum.php">论坛</a> <em>&rsaquo;</em> <a href="forum-12-1.html">民生热点</a> <em>&rsaquo;</em> <a href="thread-98765-1-1.html">{esc(title)}</a></div></div>
<div id="postlist" class="pl bm">
<table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">15621</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">42</span></div></td>
<td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{esc(title)}</span></h1> <span class="xg1"><a href="javascript:;">[复制链接]</a></span></td></tr></table>
{first}
{replies}
</div>
{related_list(cls="relatedthread")}
<div id="f_pst" class="pl bm bmw"><textarea name="message" id="fastpostmessage"></textarea><button>发表回复</button></div>
<div id="ft" class="wp cl"><p>市民论坛 客服电话:0816-2345678 <a href="https://beian.miit.gov.cn/">蜀ICP备12345678号-1</a></p><p>Powered by Discuz! X3.4 &copy; 2001-2026 Tencent Cloud.</p></div>
</body></html>""")
