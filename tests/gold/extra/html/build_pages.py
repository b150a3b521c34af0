"""Build HTML versions of four extra-corpus notices, in the page styles of ../shared/FIXTURES.md.

Run from the repo root: ``python tests/gold/extra/html/build_pages.py``. The pages are committed;
this script documents how they were made (the ``.txt`` notice's lines -> a site template, UTF-8 or
GBK) so that they can be rebuilt when a notice changes. ``tests/test_corpora.py`` checks that
each page parses to the same title, publisher, date and place as its ``.txt`` copy.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/gold: the shared page builder
from pagebuild import notice_lines, paragraphs, write_pages  # noqa: E402

HERE = Path(__file__).parent
EXTRA = HERE.parent


def _lines(name: str, start: str, stop: str) -> list[str]:
    return notice_lines(EXTRA / f"{name}.txt", start, stop)


_paragraphs = paragraphs


def _table(rows: list[list[str]]) -> str:
    cells = ("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return '<table border="1" cellspacing="0" cellpadding="4">\n' + "\n".join(cells) + "\n</table>"


def yanbian() -> str:
    """TRS government page, UTF-8, meta block with attribute order varied, phone list as a table."""
    lines = _lines("yanbian-2021", "全州各参保单位", "【关闭窗口】")
    k = lines.index("咨询电话:")
    rows: list[list[str]] = []
    for ln in lines[k + 1:]:
        if ln.startswith("给参保群众"):
            break
        parts = ln.split()
        if len(parts) == 1:  # a second number belongs to the agency above it
            rows[-1].append(parts[0])
        else:
            rows.append(parts)
    tail = lines[lines.index(next(ln for ln in lines if ln.startswith("给参保群众"))):]
    body = _paragraphs(lines[: k + 1]) + "\n" + _table(rows) + "\n" + _paragraphs(tail[:1])
    sign = "".join(f'<p style="text-align:right">{html.escape(ln)}</p>' for ln in tail[1:])
    title = "延边州医疗保障局关于医保信息系统切换期间暂停办理医保业务的通告"
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="SiteName" content="延边朝鲜族自治州人民政府">
<meta content="yanbian.gov.cn" name="SiteDomain">
<meta name="SiteIDCode" content="2224000001">
<meta name="ColumnName" content="通知公告">
<meta content="{html.escape(title)}" name="ArticleTitle">
<meta name="PubDate" content="2021-11-15 09:12">
<meta name="ContentSource" content="延边朝鲜族自治州医疗保障局">
<title>{html.escape(title)}_延边朝鲜族自治州人民政府</title>
</head><body>
<div class="top">吉林省人民政府 | 延边朝鲜族自治州人民政府 | <a href="#">无障碍</a> | <a href="#">长者模式</a></div>
<div class="crumb">首页 &gt; <a href="../../">政务公开</a> &gt; <a href="../">通知公告</a></div>
<div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">发布时间:2021-11-15 09:12&nbsp;&nbsp; 来源:延边朝鲜族自治州医疗保障局&nbsp;&nbsp; 浏览次数:3862 【字号:大 中 小】 【打印本页】</div>
<div class=TRS_Editor><style>.TRS_Editor P{{line-height:2;font-size:12pt}}</style>
{body}
{sign}
</div>
<div class="close"><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">主办:延边朝鲜族自治州人民政府办公室 地址:延吉市友谊路2666号 邮编:133000<br>吉ICP备05000311号 吉公网安备22240102000001号</div>
</body></html>
"""


def taihe() -> str:
    """County information-disclosure page (gov.cn template), GBK with the charset only in http-equiv,
    the title marked with TitleStart comments and the 索引号 metadata table above it."""
    text_lines = [ln.strip() for ln in (EXTRA / "taihe-county-2021.txt").read_text(encoding="utf-8").splitlines()]
    start = next(k for k, ln in enumerate(text_lines) if ln.startswith("全县参保群众"))
    lines = [ln for ln in text_lines[start:] if ln]
    body, sign = lines[:-2], lines[-2:]
    title = "太和县医疗保障局关于医保信息系统切换上线期间暂停部分医保业务的公告"
    meta = _table([["索引号:", "11341222003220518K/202110-00031", "发布机构:", "太和县医疗保障局"],
                   ["主题分类:", "卫生、体育", "生成日期:", "2021-10-26"],
                   ["文号:", "", "", ""]])
    return f"""<!-- saved from url=(0071)https://www.taihe.gov.cn/public/6603841/37285901.html -->
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="2021-10-26 16:48">
<meta name="ContentSource" content="太和县医疗保障局">
<title>{html.escape(title)}-太和县人民政府</title>
<script src="/js/jquery.min.js"></script>
</head><body>
<div class="head">太和县人民政府 信息公开</div>
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/public">信息公开</a> &gt; 医疗保障局</div>
<div class="xxgk_table">{meta}</div>
<div class="wztit"><!--TitleStart-->{html.escape(title)}<!--TitleEnd--></div>
<div class="wzinfo">发布日期:2021-10-26 信息来源:太和县医疗保障局 浏览次数:<span id="hits">1236</span></div>
<input type="hidden" id="artid" value="37285901">
<div class="pages_content" id="UCAP-CONTENT">
{_paragraphs(body)}
{"".join(f'<p align="right">{html.escape(ln)}</p>' for ln in sign)}
</div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="foot">版权所有:太和县人民政府办公室 皖ICP备05017795号</div>
</body></html>
"""


def foshan() -> str:
    """Hospital repost (Hanweb-style div#zoom), GB2312 declared in a meta charset."""
    lines = _lines("foshan-2019", "各参保人", "上一篇")
    body, sign = lines[:-2], lines[-2:]
    title = "关于2019年度医保年终结算期间暂停联网结算的通知"
    return f"""<!DOCTYPE html>
<html><head><meta charset="gb2312">
<title>{html.escape(title)}--佛山市第一人民医院</title>
</head><body>
<div class="top"><span>佛山市第一人民医院</span></div>
<div class="nav"><a href="/">首页</a> | <a href="/yygk">医院概况</a> | <a href="/ksdh">科室导航</a> | <a href="/jyzn">就医指南</a> | <a href="/ybfw">医保服务</a> | <a href="/xwzx">新闻中心</a> | <a href="/lxwm">联系我们</a></div>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/ybfw">医保服务</a> &gt; 医保公告</div>
<div class="bt-title"><h2>{html.escape(title)}</h2></div>
<div class="bt-info">发布时间:2019-12-26 来源:佛山市医疗保障局 阅读:<span>2156</span>次</div>
<div id="zoom">
{_paragraphs(body)}
{"".join(f'<p align="right">{html.escape(ln)}</p>' for ln in sign)}
</div>
<div class="pre-next"><p>上一篇:<a href="./t20191220_1.html">关于调整我院门诊部分科室诊室位置的通知</a></p><p>下一篇:<a href="./t20191227_2.html">2020年元旦假期门诊安排</a></p></div>
<div class="footer">版权所有:佛山市第一人民医院 粤ICP备11069830号<br>地址:佛山市禅城区岭南大道北81号 邮编:528000</div>
</body></html>
"""


def chongqing() -> str:
    """News portal repost (div.article-con), UTF-8, the outlet as 来源, related-news box after it."""
    lines = _lines("chongqing-gjj-2020", "华龙网讯", "【责任编辑")
    body, sign = lines[:-2], lines[-2:]
    title = "重庆市住房公积金管理中心关于2020年度住房公积金结息暂停办理业务的公告"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<meta name="keywords" content="公积金,结息,重庆">
<meta name="description" content="因年度结息,6月30日至7月1日上午全市住房公积金业务将暂停办理。">
<title>{html.escape(title)}_重庆_华龙网</title>
</head><body>
<div class="topbar"><a href="https://www.cqnews.net/">华龙网首页</a> <a href="#">重庆</a> <a href="#">民生</a> <a href="#">登录</a></div>
<div class="crumb"><a href="https://www.cqnews.net/">华龙网首页</a> &gt; <a href="#">重庆</a> &gt; <a href="#">民生</a> &gt; 正文</div>
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-info"><span class="time">2020-06-23 16:45:12</span> <span class="source">来源: 华龙网</span></div>
<div class="article-con">
{_paragraphs(body, "")}
{"".join(f'<p style="text-align:right">{html.escape(ln)}</p>' for ln in sign)}
</div>
<div class="editor">【责任编辑:张某某】</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="#">重庆公积金新政出炉 二孩家庭贷款额度可上浮</a></li><li><a href="#">2020年重庆住房公积金缴存基数上限调整为26466元</a></li></ul></div>
<div class="footer">华龙网版权所有 渝ICP备06002403号</div>
</body></html>
"""


PAGES: dict[str, tuple[Callable[[], str], str]] = {
    "yanbian-2021.utf8.html": (yanbian, "utf-8"),
    "taihe-county-2021.gbk.html": (taihe, "gbk"),
    "foshan-2019.gbk.html": (foshan, "gbk"),
    "chongqing-gjj-2020.utf8.html": (chongqing, "utf-8"),
}


def main() -> None:
    write_pages(HERE, PAGES)


if __name__ == "__main__":
    main()
