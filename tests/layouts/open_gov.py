"""An open-government (政府信息公开) page: the 索引号 metadata table above the notice.

The table states 索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期 and 有效性 in label/value
cells: the publisher and the dates are hints, the table is no part of the body. The body
container (``div.wzcon#j-show-body``) is not one of the known CMS selectors. Traps: the index
number and document number (digits that look like dates and phones), a related-documents list with
other dates, a footer with a phone, site code and ICP number.
"""

from __future__ import annotations

from .common import TODAY, Gold, Page, cells, esc, heading, lines, related_list


def _paragraph(line: str) -> str:
    row = cells(line)
    if len(row) > 1:
        return "<table class=\"bg\" border=\"1\"><tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr></table>"
    return f'<p style="text-indent: 2em;">{esc(line)}</p>'


def _metadata(gold: Gold, title: str) -> str:
    published = gold.get("published") or ""
    year = (published or "2026")[:4]
    rows = [
        ("索引号:", f"11340000MB0123456X/{year}-00217", "主题分类:", "卫生、体育"),
        ("发布机构:", esc(gold.get("publisher") or ""), "成文日期:", published),
        ("标题:", esc(title), None, None),
        ("文号:", f"医保发〔{year}〕17号", "发布日期:", published),
        ("有效性:", "有效", "", ""),
    ]
    out = []
    for a, b, c, d in rows:
        if c is None:
            out.append(f'<tr><th>{a}</th><td colspan="3">{b}</td></tr>')
        else:
            out.append(f"<tr><th>{a}</th><td>{b}</td><th>{c}</th><td>{d}</td></tr>")
    return '<div class="xxgk-info"><table class="xxgk_table">\n' + "\n".join(out) + "\n</table></div>"


def build(text: str, gold: Gold) -> Page:
    title = heading(gold)
    body = "\n".join(_paragraph(ln) for ln in lines(text))
    return Page("utf-8", f"""<!DOCTYPE html>
<html><head><meta charset="UTF-8">
<title>{esc(title)}-信息公开-市人民政府</title>
<script src="/js/jquery.min.js"></script></head>
<body>
<div class="xxgk-head"><div class="today">{TODAY}</div><div class="xxgk-logo">市人民政府 信息公开</div>
<div class="xxgk-search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/tzgg/">通知公告</a></div>
<div class="xxgk-detail">
{_metadata(gold, title)}
<div class="wz-title"><h1>{esc(title)}</h1></div>
<div class="wzcon" id="j-show-body">
{body}
</div>
<div class="wz-tools"><span>【字体:<a>大</a> <a>中</a> <a>小</a>】</span><a href="javascript:window.print()">【打印】</a></div>
</div>
{related_list(cls="xgwj")}
<div class="footer">市人民政府办公室主办 联系电话:0551-62601234 网站标识码:3400000001 皖ICP备05002136号</div>
</body></html>""")
