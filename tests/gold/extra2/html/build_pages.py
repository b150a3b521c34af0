"""Build HTML versions of four extra2 notices, in the page styles of ../shared/FIXTURES.md.

Run from the repo root: ``python tests/gold/extra2/html/build_pages.py``. The pages are committed;
this script documents how they were made (the ``.txt`` notice's lines -> a site template, UTF-8 or
GBK) so that they can be rebuilt when a notice changes. ``tests/test_corpora.py`` checks that
each page parses to the same title, publisher, date and place as its ``.txt`` copy.

The four templates differ from those of ``tests/gold/extra/html``: a TRS page whose time and phone
lists are real ``<table>`` rows and whose meta block gives ``PubDate`` in another format; a gov.cn
information-disclosure page in GBK with the charset only in ``http-equiv`` and the title only between
``TitleStart`` comments; a hospital page (Hanweb ``div#con_con``) in GB2312 whose ``<title>`` names
the hospital; a news portal (``div#Content``) in UTF-8 with the outlet as source and the bureau as
author.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/gold: the shared page builder
from pagebuild import notice_lines, paragraphs, write_pages  # noqa: E402

HERE = Path(__file__).parent
CORPUS = HERE.parent


def _lines(name: str, start: str, stop: str) -> list[str]:
    return notice_lines(CORPUS / f"{name}.txt", start, stop)


_p = paragraphs


def _table(rows: list[list[str]]) -> str:
    cells = ("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in row) + "</tr>" for row in rows)
    return '<table border="1" cellspacing="0" cellpadding="4" width="100%">\n' + "\n".join(cells) + "\n</table>"


def _body_with_tables(lines: list[str]) -> str:
    """Paragraphs, except that runs of ``a | b | c`` lines become one table (as the CMS stored them)."""
    out: list[str] = []
    rows: list[list[str]] = []
    for ln in lines:
        if " | " in ln:
            rows.append(ln.split(" | "))
            continue
        if rows:
            out.append(_table(rows))
            rows = []
        out.append(_p([ln]))
    if rows:
        out.append(_table(rows))
    return "\n".join(out)


def haerbin() -> str:
    """TRS city portal, UTF-8: meta block (attribute order varied), stop times and phones as tables."""
    lines = _lines("haerbin-2021", "全市各参保单位", "附件")
    body, sign = lines[:-2], lines[-2:]
    title = "哈尔滨市医疗保障局关于医保信息系统切换上线期间暂停部分医保服务的公告"
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta charset="utf-8">
<meta content="哈尔滨市人民政府" name="SiteName">
<meta name="SiteDomain" content="www.harbin.gov.cn">
<meta name="SiteIDCode" content="2301000001">
<meta name="ColumnName" content="通知公告">
<meta name="ColumnType" content="通知公告">
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta content="2021-11-08 16:20" name="PubDate">
<meta name="ContentSource" content="哈尔滨市医疗保障局">
<meta name="Keywords" content="医保,停机,切换">
<title>{html.escape(title)}_哈尔滨市人民政府</title>
<script>var _hmt = _hmt || [];</script>
</head><body>
<div class="top">哈尔滨市人民政府 | <a href="../../">哈尔滨市医疗保障局</a> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a></div>
<div class="crumb">当前位置：<a href="../../../">首页</a> &gt; <a href="../../">政务公开</a> &gt; <a href="../">通知公告</a></div>
<div class="detail">
<h1>{html.escape(title)}</h1>
<div class="info">发布时间：2021年11月08日&nbsp;&nbsp;来源：哈尔滨市医疗保障局&nbsp;&nbsp;浏览次数：<span id="visit">5210</span>&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】【<a href="javascript:window.print()">打印</a>】</div>
<div class=TRS_Editor><style type="text/css">.TRS_Editor P{{margin-top:5px;line-height:1.8;font-size:12pt}}</style>
{_body_with_tables(body)}
{"".join(f'<p style="text-align:right">{html.escape(ln)}</p>' for ln in sign)}
<p>附件：<a href="./W020211108573012345678.png">停机安排一览表_20211105093012.png</a></p>
</div>
<div class="btns"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">主办：哈尔滨市人民政府办公厅　承办：哈尔滨市医疗保障局<br>黑ICP备05003817号　黑公网安备23010202000173号</div>
</body></html>
"""


def jiujiang() -> str:
    """gov.cn information-disclosure page, GBK with the charset only in http-equiv, title between
    TitleStart comments, the 索引号 table above it and no h1."""
    lines = _lines("jiujiang-2017", "各县(市、区)", "主办")
    body, sign = lines[:-2], lines[-2:]
    title = "九江市医疗保险管理局关于2017年度医疗保险年终结算期间暂停联网结算业务的通知"
    meta = _table([["索引号：", "014424580/2017-01268", "信息分类：", "社会保障"],
                   ["发布机构：", "九江市医疗保险管理局", "生成日期：", "2017-12-25"],
                   ["文号：", "九医保字〔2017〕41号", "主题词：", ""]])
    return f"""<!-- saved from url=(0062)http://xxgk.jiujiang.gov.cn/bmgkxx/ylbxj/201712/t20171225_2098.html -->
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="2017-12-25 15:36">
<meta name="ContentSource" content="九江市医疗保险管理局">
<title>九江市人民政府信息公开</title>
<script src="/js/jquery-1.8.3.min.js"></script>
</head><body>
<div class="head">九江市人民政府信息公开</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/bmgkxx">部门信息公开</a> &gt; 市医疗保险管理局</div>
<div class="xxgk_table">{meta}</div>
<div class="wztit"><!--TitleStart-->{html.escape(title)}<!--TitleEnd--></div>
<div class="wzinfo">发布日期：2017-12-25&nbsp;&nbsp;信息来源：九江市医疗保险管理局&nbsp;&nbsp;浏览次数：<span id="hits">2046</span></div>
<input type="hidden" id="docid" value="2098">
<div class="pages_content" id="UCAP-CONTENT">
{_p(body)}
{"".join(f'<p align="right">{html.escape(ln)}</p>' for ln in sign)}
</div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="foot">主办：九江市人民政府办公厅　赣ICP备05004396号　网站标识码：3604000036</div>
</body></html>
"""


def baoji() -> str:
    """Hospital repost (Hanweb div#con_con), GB2312 in a meta charset; the <title> names the hospital
    and the hospital's own note follows the notice inside the same container."""
    lines = _lines("baoji-2021", "各参保单位", "上一篇")
    title = "关于宝鸡市医疗保障信息系统切换上线期间暂停医保服务的公告"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta charset="gb2312">
<title>宝鸡市中心医院-{html.escape(title)}</title>
</head><body>
<div class="top"><img src="/images/logo.png" alt="宝鸡市中心医院"></div>
<div class="nav"><a href="/">首页</a> | <a href="/yygk">医院概况</a> | <a href="/ksdh">科室导航</a> | <a href="/zjjs">专家介绍</a> | <a href="/jyzn">就医指南</a> | <a href="/ybfw">医保服务</a> | <a href="/xwzx">新闻中心</a> | <a href="/lxwm">联系我们</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/ybfw">医保服务</a> &gt; 医保公告</div>
<div class="con_title"><h2>{html.escape(title)}</h2></div>
<div class="con_info">发布时间：2021-10-15&nbsp;&nbsp;来源：宝鸡市医疗保障局&nbsp;&nbsp;点击：<span id="click">1532</span></div>
<div id="con_con">
{_p(lines)}
</div>
<div class="pre-next"><p>上一篇：<a href="./20211012_1.html">我院举办2021年“世界镇痛日”义诊活动</a></p><p>下一篇：<a href="./20211018_2.html">关于调整我院部分专家门诊出诊时间的通知</a></p></div>
<div class="footer">版权所有：宝鸡市中心医院　地址：宝鸡市渭滨区姜谭路8号　邮编：721008　陕ICP备05004512号</div>
</body></html>
"""


def wuhu() -> str:
    """News portal (div#Content), UTF-8, the outlet as 来源 and the bureau as 作者, related links after."""
    lines = _lines("wuhu-2021", "按照国家和省", "相关阅读")
    title = "10月29日下午5点起 我市医保业务暂停办理 11月8日起陆续恢复"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<meta name="keywords" content="芜湖,医保,停机">
<meta name="description" content="按照国家和省医疗保障局统一部署,我市医保信息系统将于近期切换至国家医疗保障信息平台。">
<title>{html.escape(title)} - 芜湖新闻网</title>
</head><body>
<div class="topbar"><a href="/">芜湖新闻网首页</a> <a href="#">本地</a> <a href="#">民生</a> <a href="#">政务</a> <a href="#">视频</a> <a href="#">专题</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/ms/">民生</a> &gt; 正文</div>
<h1 class="title">{html.escape(title)}</h1>
<div class="source"><span>2021-10-26 08:40:12</span>　<span>来源：芜湖日报</span>　<span>作者：芜湖市医疗保障局</span>　<span>编辑：汪晓</span></div>
<div id="Content">
{_p(lines, "")}
</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="#">芜湖城乡居民医保2022年度个人缴费标准公布 每人320元</a></li><li><a href="#">我市新增12家医保定点药店 名单公布</a></li></ul></div>
<div class="footer">芜湖新闻网版权所有　皖ICP备06007203号</div>
</body></html>
"""


PAGES: dict[str, tuple[Callable[[], str], str]] = {
    "haerbin-2021.utf8.html": (haerbin, "utf-8"),
    "jiujiang-2017.gbk.html": (jiujiang, "gbk"),
    "baoji-2021.gbk.html": (baoji, "gbk"),
    "wuhu-2021.utf8.html": (wuhu, "utf-8"),
}


def main() -> None:
    write_pages(HERE, PAGES)


if __name__ == "__main__":
    main()
