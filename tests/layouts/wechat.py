"""A mirror of a WeChat official-account article: ``#js_content``, one ``<section>`` per sentence.

As WeChat serves it: ``#js_content`` carries ``visibility: hidden`` (the page's script reveals
it), every sentence sits in its own ``<section>`` with the text cut into ``<span>``s where digits
meet words (a date spans several), empty ``<section><br></section>`` spacers between paragraphs.
Chrome: a 'today is' date in the mirror's bar, the account name and post time line, the 'read more' bar with read and like counts, a
follow-us QR block, a 往期推荐 list with other dates, and the mirror site's footer with a phone
and an ICP number.
"""

from __future__ import annotations

from .common import RELATED, TODAY, Gold, Page, esc, heading, lines, runs, sentences

_SECTION = '<section style="margin: 0px 8px; line-height: 1.75em;">{}</section>'
_SPAN = '<span style="font-size: 15px; color: rgb(62, 62, 62);">{}</span>'


def _paragraph(line: str) -> str:
    out = []
    for sentence in sentences(line):
        out.append(_SECTION.format("".join(_SPAN.format(esc(r)) for r in runs(sentence))))
    return "\n".join(out)


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    spacer = '<section style="margin: 0px 8px;"><br></section>'
    body = f"\n{spacer}\n".join(_paragraph(ln) for ln in lines(text))
    stamp = f'{gold["published"]} 17:30' if gold.get("published") else ""
    past = "\n".join(f'<p><a href="https://mp.weixin.qq.com/s/{i}x{i}">● {esc(t)}</a> {d}</p>'
                     for i, (t, d) in enumerate(RELATED[:3]))
    return Page("utf-8", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0">
<meta property="og:title" content="{esc(title)}">
<meta property="og:site_name" content="微信公众平台">
<title>{esc(title)}</title>
<script>var ct = "1672219800"; var nickname = "医保服务";</script></head>
<body id="activity-detail" class="zh_CN">
<div class="mirror-bar"><span>{TODAY}</span> <a href="/">公众号文章聚合</a> &gt; <a href="/gov/">政务</a></div>
<div id="js_article" class="rich_media">
<div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">
          {esc(title)}
        </h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">医保服务</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{stamp}</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
{body}
<p style="display: none;"><mp-style-type data-value="3"></mp-style-type></p>
</div>
<div class="rich_media_tool" id="js_toobar3"><a id="js_view_source" href="javascript:void(0);">阅读原文</a>
<span>阅读 1.2万</span> <span>在看 36</span> <span>赞 105</span></div>
<div class="qr_code_pc"><img src="/qr.png"><p>微信扫一扫<br>关注该公众号</p></div>
</div></div></div>
<div class="mirror-related"><h3>往期推荐</h3>{past}</div>
<div class="mirror-foot">本站内容转载自微信公众号,版权归原作者所有,如有侵权请致电 0791-86891234 删除。 赣ICP备19001234号-2</div>
</body></html>""")
