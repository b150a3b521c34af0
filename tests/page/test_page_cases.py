"""The page reader on its own: title, publisher and publication date of page texts (cases written
in our words), body lines kept and dropped, signature spans skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize import normalize_text
from pipeline.page import PageHints, clean_page, expand_publisher
from pipeline.parse import parse_document
from pipeline.records import RawDocument


def _parse(path: Path, content_type: str | None = None):  # type: ignore[no-untyped-def]
    return parse_document(RawDocument(source=str(path), data=path.read_bytes(), source_path=str(path), content_type=content_type))


CLEAN_CASES = [
    # (page text, title, publisher, published date or None)
    pytest.param("关于系统停机的通告\n发布时间:2021年09月24日\n来源:天门网\n打印:\n字体:\n为进一步加强建设,现通知如下:\n一、时间",
                 "关于系统停机的通告", None, "2021-09-24", id="host-news-site-is-not-publisher"),
    pytest.param("停机时间:2022年2月26日0时至3月20日24时\n停机影响业务范围:\n全市基本养老保险所有业务;",
                 None, None, None, id="停机时间-is-not-an-info-line"),
    pytest.param("唐山医保什么时候停机(年底医保哪天停止结算)\n来源: 更新时间:2022-09-28 10:41:07\nThe Beginning\n为做好年终结转,现将有关事项通告如下:",
                 "唐山医保什么时候停机(年底医保哪天停止结算)", None, None, id="aggregator-update-stamp-untrusted"),
    pytest.param("标题一行的公告\n发表于 2021-11-26 09:17:42 | 显示全部楼层 |阅读模式\n正文第一句话写得比较长,说明停机安排。",
                 "标题一行的公告", None, None, id="forum-post-stamp-untrusted"),
    pytest.param("注意!郴州8月30日至9月8日暂停医保经办业务\n来源:某某新闻网 作者:郴州市医疗保障局 编辑:李明 2021-08-23 10:12:05\n为提供更好的医保服务,现将有关事项公告如下:",
                 "注意!郴州8月30日至9月8日暂停医保经办业务", "郴州市医疗保障局", "2021-08-23", id="author-is-publisher-not-outlet"),
    pytest.param("一、暂停办理业务时间\n2019年8月22日20时至2019年8月27日8时。\n特此通告。\n国家税务总局北京市税务局\n2019年8月14日",
                 None, "国家税务总局北京市税务局", "2019-08-14", id="signature-block"),
    pytest.param("南昌公积金暂停服务通知\n南昌公积金暂停服务通知\n关于年度结算暂停服务的通知\n各住房公积金缴存单位和职工:\n根据业务需要,现通知如下:\n特此通知\n南昌住房公积金管理中心\n【南昌公积金暂停服务通知】2023年12月15日\n相关经验推荐",
                 "关于年度结算暂停服务的通知", "南昌住房公积金管理中心", "2023-12-15", id="own-heading-over-aggregator-title"),
    pytest.param("桂林医保关于切换国家医保信息平台停机的通告\n来源: 最后更新:22-09-14 05:32:16\n导读:本文为大家整理桂林医保关于...\n为落实有关工作部署,现通告如下:",
                 "桂林医保关于切换国家医保信息平台停机的通告", "桂林医保", None, id="issuer-before-关于-in-title"),
    pytest.param("巴州关于系统切换停机的通告\n巴州关于系统切换停机的通告\n一、业务停办范围和时间安排",
                 "巴州关于系统切换停机的通告", None, None, id="place-before-关于-is-not-an-issuer"),
    pytest.param("12月30日:因年度处理需要,实时交易系统将在2015年12月31日21:00至次日凌晨4:00暂停结算服务。",
                 None, None, "2015-12-30", id="news-dateline-is-publication"),
    pytest.param("请注意!\n4月24日0时至5月8日9时\n全市医保网上服务\n将暂停\n按工作安排,深圳市社会保险信息系统将在这段时间停机切换。",
                 None, None, None, id="wechat-teaser-has-no-title"),
    pytest.param("关于遵义市暂停业务办理的公告\n根据贵州省医疗保障局的安排,遵义市人社局、遵义市医保局定于12月28日12:00至次年1月2日8:00停机迁移,现将有关事项公告如下:",
                 "关于遵义市暂停业务办理的公告", "遵义市人社局、遵义市医保局", None, id="joint-issuers-in-opening-sentence"),
]

# Bugs caught by the extra corpus (tests/gold/extra), each with a variant found in neither corpus.
CLEAN_CASES_BUGS = [
    pytest.param("德州论坛 › 民生话题 › 查看内容\n德州医保3月停机切换,注意了!\n查看: 8721 | 回复: 36\n楼主 小管家 发表于 2022-03-04 09:26:31 | 只看该作者\n转自德州医保公众号:\n\n德州市医疗保障局关于系统切换的公告\n\n3月11日18时起全市医保系统停机。\n\n德州市医疗保障局\n2022年3月4日\n\n回复 支持(12) 反对(0)\n沙发 老王 发表于 2022-03-04 10:02:18\n收到,谢谢分享!",
                 "德州市医疗保障局关于系统切换的公告", "德州市医疗保障局", "2022-03-04", id="forum-counter-repost-credit-and-replies"),
    pytest.param("某市医保停机啦\n浏览:356 / 评论:2\n发表于 2023-06-01 08:00\n某市医疗保障局关于医保系统升级暂停服务的通知\n\n6月10日8时至6月11日20时系统升级,暂停医保结算。\n\n某市医疗保障局\n2023年6月1日\n2楼 网友甲 发表于 2023-06-01 09:15\n停机期间怎么报销?\n3楼 网友乙\n先垫付。",
                 "某市医疗保障局关于医保系统升级暂停服务的通知", "某市医疗保障局", "2023-06-01", id="variant-forum-floor-numbers-end-the-body"),
    pytest.param("湖州市住房公积金管理中心关于暂停办理业务的公告\n\n定于二〇二三年十二月二十九日十六时起暂停办理全部业务。\n\n特此公告。\n\n湖州市住房公积金管理中心\n二〇二三年十二月二十五日",
                 "湖州市住房公积金管理中心关于暂停办理业务的公告", "湖州市住房公积金管理中心", "2023-12-25", id="chinese-numeral-signature-date"),
    pytest.param("关于社保系统升级的通知\n\n10月1日起暂停办理社保业务。\n\n某县社会保险事业管理局\n二○二一年九月三十日",
                 "关于社保系统升级的通知", "某县社会保险事业管理局", "2021-09-30", id="variant-signature-with-circle-zero"),
    pytest.param("济源产城融合示范区社会保险中心\n关于全省社会保险信息系统集中升级期间暂停办理社保业务的公告\n\n各参保单位:\n现将有关事项公告如下:",
                 "关于全省社会保险信息系统集中升级期间暂停办理社保业务的公告", "济源产城融合示范区社会保险中心", None, id="issuer-line-over-关于-heading"),
    pytest.param("某市人民政府\n\n关于系统停机的通告\n\n各参保单位:\n现将有关事项通告如下:",
                 "关于系统停机的通告", None, None, id="variant-blank-line-splits-issuer-from-heading"),
    pytest.param("湖南省医疗保障局\n首页 > 通知公告\n湖南省医疗保障事务中心关于切换上线期间暂停医保业务的公告\n发布时间:2021-10-25 10:30 来源:省医疗保障事务中心 作者: 点击量:5217\n\n各参保单位:现就有关事项公告如下:\n一、暂停业务时间",
                 "湖南省医疗保障事务中心关于切换上线期间暂停医保业务的公告", "湖南省医疗保障事务中心", "2021-10-25", id="fuller-name-in-title-over-short-source"),
    pytest.param("关于暂停缴存业务的通知\n来源:住房公积金管理中心\n\n各缴存单位:12月30日起暂停业务。\n\n某市住房公积金管理中心\n2023年12月20日",
                 "关于暂停缴存业务的通知", "某市住房公积金管理中心", "2023-12-20", id="variant-fuller-name-in-signature"),
    pytest.param("临夏州医保信息系统停机切换 这些业务暂停办理\n2021-08-20 07:58  来源:每日甘肃网-临夏新闻  编辑:马某某\n\n每日甘肃网临夏讯 记者从临夏州医疗保障局了解到,8月20日17时起全州医保系统停机。",
                 "临夏州医保信息系统停机切换这些业务暂停办理", "临夏州医疗保障局", "2021-08-20", id="news-relay-记者从X了解到"),
    pytest.param("某市公积金系统升级 周末暂停服务\n2022-05-06 09:00 来源:某某晚报\n\n据某市住房公积金管理中心消息,5月7日至8日系统升级,暂停办理公积金业务。",
                 "某市公积金系统升级周末暂停服务", "某市住房公积金管理中心", "2022-05-06", id="variant-news-relay-据X消息"),
    pytest.param("太和县人民政府 信息公开\n索引号:11341222003220518K/202110-00031  发布机构:太和县医疗保障局  生成日期:2021-10-26\n主题分类:卫生、体育  文号:\n\n太和县医疗保障局关于暂停部分医保业务的公告\n发布日期:2021-10-26 信息来源:太和县医疗保障局\n\n全县参保群众:\n现将切换期间有关事项公告如下:",
                 "太和县医疗保障局关于暂停部分医保业务的公告", "太和县医疗保障局", "2021-10-26", id="govcn-information-disclosure-block"),
    pytest.param("某市政府信息公开\n索引号:000014349/2022-01234  主题分类:社会保障  发文字号:某人社〔2022〕5号\n成文日期:2022-03-01  公开方式:主动公开\n关于社保系统切换的通告\n\n3月5日起暂停办理社保业务。",
                 "关于社保系统切换的通告", None, "2022-03-01", id="variant-disclosure-block-without-publisher"),
]


# Bugs caught by the second extra corpus (tests/gold/extra2), each with a variant found in neither corpus.
CLEAN_CASES_BUGS_2 = [
    pytest.param("职工医保个人账户家庭共济6月1日起实施 这些问题您关心吗？\n时间：2022-05-20 09:31　来源：鞍山市医疗保障局　【字号 大 中 小】【打印】\n按照《办法》要求，我市自2022年6月1日起实施家庭共济政策。市医疗保障局整理解答如下：\n问：什么是个人账户家庭共济？",
                 "职工医保个人账户家庭共济6月1日起实施这些问题您关心吗?", "鞍山市医疗保障局", "2022-05-20", id="question-headline-over-info-line"),
    pytest.param("医保系统停机期间如何报销？\n2023-03-01 10:00\n\n3月4日至5日系统停机，费用先行垫付。",
                 "医保系统停机期间如何报销?", None, "2023-03-01", id="variant-question-headline-over-bare-stamp"),
    pytest.param("医保卡还能用吗？\n近日，不少市民询问医保卡的使用问题。\n问：停机期间能刷卡吗？",
                 None, None, None, id="variant-question-without-info-line-is-body"),
    pytest.param("【重要提醒】年终结转，这两天医保刷不了卡！\n景德镇医保 2022-12-28 17:30 发表于江西\n点击上方蓝字 关注我们\n⏰ 暂停时间\n2022年12月31日(周六)18时—2023年1月1日(周日)24时\n⛔ 暂停内容\n1. 全市医保联网结算暂停；\n来源：景德镇市医疗保障局\n编辑：小医\n往期推荐\n● 2023年城乡居民医保缴费开始啦",
                 "年终结转,这两天医保刷不了卡!", "景德镇市医疗保障局", "2022-12-28", id="wechat-emoji-heading-and-source-after-body"),
    pytest.param("周末公积金暂停办理！\n某市公积金 2023-06-01 09:00\n● 停机时间\n2023-06-03 08:00-2023-06-04 20:00\n■ 影响业务\n1. 公积金提取、贷款业务暂停办理。\n文章来源：某市住房公积金管理中心\n阅读原文 | 阅读 1.2万 | 在看 36",
                 "周末公积金暂停办理!", "某市住房公积金管理中心", "2023-06-01", id="variant-symbol-heading-iso-range"),
    pytest.param("某某论坛 › 民生热点 › 医保要停机了！赶紧看\n查看: 100 | 回复: 2 [复制链接]\n网友 楼主 发表于 2022-1-4 09:12:35 | 只看该作者\n刚在医保局网站看到的，转过来给大家提个醒：\n某市医疗保障局关于医保信息系统切换期间暂停医保服务的公告\n全市各参保单位：\n现将有关事项公告如下：\n某市医疗保障局\n2022年1月4日",
                 "某市医疗保障局关于医保信息系统切换期间暂停医保服务的公告", "某市医疗保障局", "2022-01-04", id="notice-heading-over-forum-thread-title"),
    pytest.param("社保停办几天?(2022社保系统升级时间)\n来源:网络整理 更新时间:2022-10-08 14:25:33\n导读:很多朋友还不清楚社保系统升级期间怎么办理业务,今天小编为大家整理了公告原文,希望对大家有所帮助。\nThe Beginning\n某县社会保险中心关于系统升级暂停业务的通知\n各参保单位:\n现将有关事项通知如下:",
                 "某县社会保险中心关于系统升级暂停业务的通知", "某县社会保险中心", None, id="variant-notice-heading-over-aggregator-title"),
    pytest.param("某市医疗保障局关于转发系统切换安排的通知\n各县区医保局:\n现将省局文件转发给你们,请遵照执行。\n关于医保信息平台切换上线的通知\n各市医保局:",
                 "某市医疗保障局关于转发系统切换安排的通知", "某市医疗保障局", None, id="variant-worded-title-keeps-over-forwarded-heading"),
    pytest.param("某市人力资源和社会保障局关于系统上线期间暂停社保业务的公告\n发布时间：2022年07月18日　来源：本站　浏览：6731次\n各参保单位：\n现将有关事项公告如下：",
                 "某市人力资源和社会保障局关于系统上线期间暂停社保业务的公告", "某市人力资源和社会保障局", "2022-07-18", id="source-本站-is-not-a-publisher"),
    pytest.param("关于医保系统切换的通知\n来源:本院 日期:2021-11-20\n各位患者:\n11月25日起暂停医保结算。\n某某人民医院\n2021年11月20日",
                 "关于医保系统切换的通知", "某某人民医院", "2021-11-20", id="variant-source-本院-gives-way-to-signature"),
    pytest.param("系统维护通知｜6月25日晚至27日社保业务暂停办理\n张家口人社 2021-06-24 18:05\n张家口市人力资源和社会保障局温馨提示：\n因河北省社会保险信息系统集中维护升级，现将全市社保业务暂停办理安排告知如下：\n一、维护时间",
                 "系统维护通知|6月25日晚至27日社保业务暂停办理", "张家口市人力资源和社会保障局", "2021-06-24", id="lead-line-X温馨提示-names-the-issuer"),
    pytest.param("周末公积金暂停办理\n某市公积金 2023-06-01 09:00\n某市住房公积金管理中心提醒：\n6月3日至4日系统升级，暂停办理公积金业务。",
                 "周末公积金暂停办理", "某市住房公积金管理中心", "2023-06-01", id="variant-lead-line-X提醒"),
    pytest.param("周末公积金暂停办理\n2023-06-01 09:00\n温馨提示：\n6月3日至4日系统升级，暂停办理公积金业务。",
                 "周末公积金暂停办理", None, "2023-06-01", id="variant-lead-温馨提示-without-agency"),
]


# Rules from the tuning half of the real corpus (tests/gold/real), written anew: invented bodies,
# places and dates, each rule with a variant found in no corpus and a near miss where it must not fire.
CLEAN_CASES_REAL = [
    # the issuer on its own line over a 关于 heading is the publisher; the title is the 关于 line
    pytest.param("某市医疗保障局\n关于医保平台停机切换的通告\n各参保单位:\n现将有关事项通告如下:",
                 "关于医保平台停机切换的通告", "某市医疗保障局", None, id="issuer-line-is-publisher-not-title"),
    pytest.param("甲县国家税务局 甲县地方税务局\n关于启用新缴库系统的公告\n尊敬的纳税人:\n现将有关情况公告如下:",
                 "关于启用新缴库系统的公告", "甲县国家税务局、甲县地方税务局", None, id="variant-joint-issuers-on-one-line"),
    # a 关于 heading broken over lines is joined up to the line that ends it
    pytest.param("国家税务总局乙市税务局\n关于电子发票平台\n停机维护的通告\n根据上级部署,现将有关事项通告如下:",
                 "关于电子发票平台停机维护的通告", "国家税务总局乙市税务局", None, id="heading-broken-over-two-lines"),
    pytest.param("关于社保缴费系统、\n\n医保结算系统暂停服务的通知\n\n各参保单位:\n现通知如下:",
                 "关于社保缴费系统、医保结算系统暂停服务的通知", None, None, id="variant-broken-heading-with-blank-lines"),
    pytest.param("关于停机一事说明如下。\n暂停服务的通知\n各单位:\n现通知如下:",
                 "暂停服务的通知", None, None, id="near-miss-关于-sentence-is-no-heading-part"),
    pytest.param("某某百科\n某省税务局通告2020年第5号 某省税务局关于系统升级暂停服务的通告\n为做好升级工作,现将有关事项通告如下:",
                 "某省税务局关于系统升级暂停服务的通告", "某省税务局", None, id="document-number-before-headline-on-its-line"),
    # a column or repost tag before a headline is not part of it
    pytest.param("快讯 | 丙市公积金周末系统升级暂停服务\n2023-05-05 10:00 来源:某某网\n\n记者从丙市住房公积金管理中心获悉,5月6日至7日暂停办理业务。",
                 "丙市公积金周末系统升级暂停服务", "丙市住房公积金管理中心", "2023-05-05", id="column-tag-before-headline"),
    pytest.param("原标题:周末医保系统升级,这些业务暂停\n某市医保 2022-09-01 18:00\n\n9月3日至4日系统升级。",
                 "周末医保系统升级,这些业务暂停", None, "2022-09-01", id="variant-原标题-tag"),
    pytest.param("医保提醒:周末系统升级暂停服务\n2023-05-05 10:00\n\n5月6日至7日暂停办理业务。",
                 "医保提醒:周末系统升级暂停服务", None, "2023-05-05", id="near-miss-a-headline-word-is-no-column-tag"),
    # the issuer named in a lead or body sentence
    pytest.param("丁区医保答疑\n2022-04-01 09:00\n\n丁区医疗保障局就参保群众关心的停机问题作出解答,一起来看。\n问:何时停机?",
                 "丁区医保答疑", "丁区医疗保障局", "2022-04-01", id="issuer-answers-questions"),
    pytest.param("公积金年度结息\n\n为做好年度结息工作,戊市住房公积金管理中心(含各管理部)将于6月30日下午暂停柜台业务。",
                 "公积金年度结息", "戊市住房公积金管理中心", None, id="variant-issuer-subject-of-将于"),
    pytest.param("暂停窗口业务\n日期:2020-02-01\n\n1月31日,省交通运输厅发布关于暂停窗口业务的紧急通知,全省窗口暂停受理。",
                 "暂停窗口业务", "省交通运输厅", "2020-02-01", id="variant-issuer-发布关于"),
    pytest.param("医保缴费提醒\n2022-10-14 20:00 来源:某某网\n\n14日,记者从己市人社局、己市医保局获悉,缴费期顺延。",
                 "医保缴费提醒", "己市人社局、己市医保局", "2022-10-14", id="joint-issuers-in-news-relay"),
    pytest.param("医保停机提醒\n2022-10-14 20:00\n\n请广大参保人员留意市医疗保障局发布的后续通知。",
                 "医保停机提醒", None, "2022-10-14", id="near-miss-clause-ending-in-agency-is-no-issuer"),
    # joint issuers stacked in the signature; the signature after 特此公告 when a repost goes on
    pytest.param("关于延长缴费期的通知\n各区县:\n缴费期延长至3月31日。\n甲市医疗保障局\n\n甲市财政局\n\n国家税务总局甲市税务局\n\n2022年12月20日\n\n扫一扫在手机打开当前页",
                 "关于延长缴费期的通知", "甲市医疗保障局、甲市财政局、国家税务总局甲市税务局", "2022-12-20", id="joint-issuers-stacked-in-signature"),
    pytest.param("关于系统切换停机的公告\n各参保人:\n10月22日20时起暂停医保结算。\n特此公告。\n乙市医疗保障局\n2021年10月14日\n系统切换期间常见问题解答\n一、能办理哪些业务?\n答:线上查询不受影响。\n二、急诊怎么办?\n答:先行垫付。",
                 "关于系统切换停机的公告", "乙市医疗保障局", "2021-10-14", id="variant-signature-after-closing-with-faq-below"),
    pytest.param("关于系统升级的通知\n各单位:\n6月1日起暂停办理。\n特此通知。\n某某医院信息科制作\n2023年5月30日",
                 "关于系统升级的通知", None, "2023-05-30", id="near-miss-a-credit-line-is-no-signer"),
    # a name with Latin letters is no agency; a fuller name in a body sentence wins over a short one
    pytest.param("XYZ体育医疗保障局关于停机的公告\n各参保人:\n现将有关事项公告如下:",
                 "XYZ体育医疗保障局关于停机的公告", None, None, id="latin-letters-are-no-agency-name"),
    pytest.param("丙省税务局关于发票系统停机升级的通告\n发布时间:2019-07-25\n国家税务总局丙省税务局将于2019年8月17日零时起对发票系统进行升级。",
                 "丙省税务局关于发票系统停机升级的通告", "国家税务总局丙省税务局", "2019-07-25", id="fuller-name-in-a-body-sentence"),
    # the headline under a breadcrumb, a post's opening headline, a bare notice heading
    pytest.param("某某网首页 > 本地新闻 > 正文\n\n某市医保系统昨夜故障三小时\n\n昨晚8时许,多家医院无法刷医保卡结算,系统于11时恢复。",
                 "某市医保系统昨夜故障三小时", None, None, id="headline-under-breadcrumb"),
    pytest.param("当前位置:某某资讯 > 社保\n周末社保系统升级 这些业务暂停\n受系统升级影响,本周六至周日暂停办理社保业务,下周一恢复。",
                 "周末社保系统升级这些业务暂停", None, None, id="variant-headline-under-当前位置"),
    pytest.param("预计下周一起逐步恢复各项公积金业务\n按照系统升级工作安排,全市公积金系统将于本周五18时起停机,暂停办理所有公积金业务。",
                 "预计下周一起逐步恢复各项公积金业务", None, None, id="post-headline-opening-the-page"),
    pytest.param("紧急通知\n\n各参保单位:\n因系统升级,10月22日起暂停办理医保业务。",
                 "紧急通知", None, None, id="variant-bare-notice-heading-opening-the-page"),
    pytest.param("停机时间:下周五18时至下周一8时\n按照系统升级工作安排,全市公积金系统将于本周五18时起停机,暂停办理所有公积金业务。",
                 None, None, None, id="near-miss-opening-line-with-a-colon-is-no-headline"),
    pytest.param("欢迎来到某某汽车网!\n按照系统升级工作安排,全市车管业务系统将于本周五18时起停机,暂停办理所有车驾管业务。",
                 None, None, None, id="near-miss-site-greeting-is-chrome"),
    # the publication date from a news dateline or a lead sentence, never from a stated time
    pytest.param("某某网3月2日讯 记者获悉,2022年3月5日起系统升级。",
                 None, None, "2022-03-02", id="outlet-dateline-讯"),
    pytest.param("某某官网5月6日电 为方便群众办事,2021年5月8日起窗口暂停受理。",
                 None, None, "2021-05-06", id="variant-outlet-dateline-电"),
    pytest.param("(资料图)\n29日,记者从某市医保局获悉,2023年1月31日22时起系统停机。",
                 None, "某市医保局", "2023-01-29", id="lead-day-with-reporting-verb"),
    pytest.param("30日,记者从某市社保局获悉,2023年2月3日起系统升级。",
                 None, "某市社保局", "2023-01-30", id="variant-lead-day-in-the-month-before"),
    pytest.param("12日,系统开始升级,2023年3月14日恢复。",
                 None, None, None, id="near-miss-lead-day-without-reporting-verb"),
    pytest.param("关于系统升级的通告\n将于2023年6月26日18:00\n各纳税人:\n现将有关事项通告如下:",
                 "关于系统升级的通告", None, None, id="near-miss-将于-date-line-is-no-stamp"),
    pytest.param("某市医保卡停用\nxx.example.com2016-12-22 11:29:35来源:某某网我来说两句\n某某网讯 医保卡12月1日起停用。",
                 "某市医保卡停用", None, "2016-12-22", id="info-label-glued-after-a-stamp"),
    # a 来源/作者 value opening with a date (issue 20: it raised IndexError)
    pytest.param("关于系统停机的通知\n来源:2021-10-20 10:05 作者:2021年10月20日\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, "2021-10-20", id="source-value-opening-with-a-date"),
]


# Round 2 (issue 13 section 3, "Title, issuer, date"): general issuer and date forms, written anew,
# each with variants (traditional characters, full-width digits, blanks, debris) and a near miss.
CLEAN_CASES_ROUND2 = [
    # agencies outside the 局/中心/厅 endings: customs, the central bank, hospitals
    pytest.param("关于报关系统切换的公告\n各报关企业:\n11月2日17时至3日8时系统切换,暂停受理报关。\n特此公告。\n某港海关\n2019年10月28日",
                 "关于报关系统切换的公告", "某港海关", "2019-10-28", id="customs-signature"),
    pytest.param("各报关企业:\n11月2日17时至3日8时系统切换,暂停受理报关。\n某港海關\n8 ~! f1 h\" |( Y1\n二〇一九年十月二十八日* E `' P- r I1",
                 None, "某港海关", "2019-10-28", id="variant-customs-signature-with-forum-debris-traditional"),
    pytest.param("各位患者:\n6月1日起暂停医保结算。\n某某人民医院 2023年5月30日",
                 None, "某某人民医院", "2023-05-30", id="variant-signer-and-date-on-one-line"),
    pytest.param("各位患者:\n6月1日起暂停医保结算。\n办理截止日期为2023年5月30日",
                 None, None, None, id="near-miss-date-after-words-is-no-signature"),
    pytest.param("国庆支付系统升级\n\n央行官网今日发布公告,9月30日起支付系统停运升级。",
                 "国庆支付系统升级", "央行", None, id="central-bank-by-its-short-name"),
    pytest.param("国庆支付系统升级\n\n據中國人民銀行官方微信消息,9月30日起支付系统停运升级。",
                 "国庆支付系统升级", "中国人民银行", None, id="variant-据X官方微信消息-traditional"),
    pytest.param("国庆支付系统升级\n\n中心提醒广大用户,9月30日起支付系统停运升级。",
                 "国庆支付系统升级", None, None, id="near-miss-a-bare-ending-names-no-one"),
    # the issuer named in a lead sentence: dated relays, reminders, answers, dated releases
    pytest.param("医保系统切换\n\n记者２６日从某市医疗保障局获悉,12月28日起系统切换。",
                 "医保系统切换", "某市医疗保障局", None, id="relay-记者26日从X获悉-full-width"),
    pytest.param("医保系统切换\n\n记者12月3日自某县医疗保障局了解到,系统将切换。",
                 "医保系统切换", "某县医疗保障局", None, id="variant-relay-with-month-and-day"),
    pytest.param("公积金年度结息安排\n\n某市住房公积金管理中心提醒广大缴存职工,6月30日系统结息暂停业务。",
                 "公积金年度结息安排", "某市住房公积金管理中心", None, id="lead-X提醒广大"),
    pytest.param("公积金年度结息安排\n\n近日,某区税务局特别提示纳税人,月底系统升级。",
                 "公积金年度结息安排", "某区税务局", None, id="variant-lead-X特别提示"),
    pytest.param("公积金年度结息安排\n\n请缴存职工留意某市住房公积金管理中心提醒的事项。",
                 "公积金年度结息安排", None, None, id="near-miss-reminder-inside-a-clause"),
    pytest.param("停机期间怎么就医\n\n针对停机期间如何就医,某区医疗保障局对此进行了解答。",
                 "停机期间怎么就医", "某区医疗保障局", None, id="issuer-对此进行了解答"),
    pytest.param("社保系统升级\n\n某县人力资源和社会保障局于12月20日发布公告,月底系统升级。",
                 "社保系统升级", "某县人力资源和社会保障局", None, id="issuer-于X月X日发布"),
    # a page date long after the signed date is a later stamp; a few days after, it stands
    pytest.param("关于暂停缴费业务的通知\n发布时间:2023-08-10\n各单位:\n7月1日起暂停缴费。\n某市医疗保障服务中心\n2022年6月28日",
                 "关于暂停缴费业务的通知", "某市医疗保障服务中心", "2022-06-28", id="page-date-a-year-after-the-signature"),
    pytest.param("关于暂停缴费业务的通知\n发布时间:2022-06-30\n各单位:\n7月1日起暂停缴费。\n某市医疗保障服务中心\n2022年 6 月 28 日",
                 "关于暂停缴费业务的通知", "某市医疗保障服务中心", "2022-06-30", id="near-miss-page-date-days-after-the-signature"),
    # a lead opened by a reporter's credit still dates the report
    pytest.param("本报讯(记者 王某 通讯员 李某)28日,记者从某市医保局获悉,2023年1月2日起系统切换。",
                 None, "某市医保局", "2022-12-28", id="lead-date-after-a-reporter-credit"),
    pytest.param("本报讯（记者　王某）１２月２８日，某市医保局发布公告，2023年1月2日起系统切换。",
                 None, "某市医保局", "2022-12-28", id="variant-credit-full-width-with-month"),
    pytest.param("本报讯(记者 王某)28日,系统开始切换,2023年1月2日恢复。",
                 None, None, None, id="near-miss-credit-and-day-without-reporting-verb"),
    pytest.param("某某网12月30日讯 记者获悉,2023年1月3日起系统升级。",
                 None, None, "2022-12-30", id="variant-dateline-in-the-year-before-the-event"),
    # joint issuers before 关于 in the title
    pytest.param("甲市医疗保障局、甲市财政局关于延长缴费期的通知\n各区县:\n缴费期延长至3月31日。",
                 "甲市医疗保障局、甲市财政局关于延长缴费期的通知", "甲市医疗保障局、甲市财政局", None, id="joint-issuers-before-关于"),
    pytest.param("乙县国家税务局、乙县地方税务局关于金税三期上线的公告\n尊敬的纳税人:\n现将有关事项公告如下:",
                 "乙县国家税务局、乙县地方税务局关于金税三期上线的公告", "乙县国家税务局、乙县地方税务局", None,
                 id="variant-joint-tax-bureaus-before-关于"),
    pytest.param("停机、切换关于系统升级的说明\n各单位:\n现说明如下:",
                 "停机、切换关于系统升级的说明", None, None, id="near-miss-words-before-关于-name-no-body"),
    # a heading run into its salutation on one line (a page that lost its line breaks)
    pytest.param("某市住房公积金管理中心关于年度结算暂停业务的通知各县(市、区)管理部、各科室: 根据有关规定,12月26日至31日暂停对外办理业务。",
                 "某市住房公积金管理中心关于年度结算暂停业务的通知", "某市住房公积金管理中心", None, id="heading-run-into-salutation"),
    pytest.param("關於金稅系統升級的公告 尊敬的納稅人:因系統升級,10月8日暫停辦稅服務。",
                 "关于金税系统升级的公告", None, None, id="variant-run-in-heading-traditional-with-blank"),
    pytest.param("关于系统升级的通知各单位已经收到,请按要求做好准备,10月8日起暂停办理业务。",
                 None, None, None, id="near-miss-notice-word-in-a-sentence"),
    # a 来源 crediting a bureau's own channel credits the bureau; an outlet's channel credits no one
    pytest.param("关于系统停机的通知\n来源:某市医疗保障局微信公众号 2021-10-20\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "某市医疗保障局", "2021-10-20", id="source-a-bureau-account"),
    pytest.param("关于系统停机的通知\n文章来源：某县人社局官网　发布时间：２０２１－１０－２０\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "某县人社局", "2021-10-20", id="variant-source-a-bureau-site-full-width"),
    pytest.param("关于系统停机的通知\n来源:某某日报微信公众号 2021-10-20\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, "2021-10-20", id="near-miss-source-an-outlet-account"),
    pytest.param("关于系统停机的通知\n时间:2021-10-20 来源:某省人民政府门户网站\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, "2021-10-20", id="near-miss-source-a-government-portal"),
    # publication dates under other labels and in Chinese numerals
    pytest.param("关于系统停机的通知\n发文日期:2021年10月20日\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, "2021-10-20", id="date-label-发文日期"),
    pytest.param("关于系统停机的通知\n发布日期：二〇二一年十月二十日\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, "2021-10-20", id="variant-date-in-chinese-numerals"),
    pytest.param("关于系统停机的通知\n发稿日期 : 2021 - 10 - 20  作者:某区医疗保障局\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "某区医疗保障局", "2021-10-20", id="variant-发稿日期-with-blanks"),
    pytest.param("关于系统停机的通知\n停机日期:2021年10月20日至22日\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", None, None, id="near-miss-a-stop-date-line"),
]


# Round 3 (issue 13 section 3, "Title, issuer, date"): more general forms, written anew, with
# variants and near misses.
CLEAN_CASES_ROUND3 = [
    # a bullet or colon left before a headline, a site's or channel's suffix after it
    pytest.param("• 某市公积金中心系统升级暂停部分业务\n2017-06-20 来源:某某网\n\n记者获悉,6月24日起系统升级。",
                 "某市公积金中心系统升级暂停部分业务", None, "2017-06-20", id="bullet-before-headline"),
    pytest.param("【导读】:关于暂停某县医保业务办理的通告\n各参保单位:\n现将有关事项通告如下:",
                 "关于暂停某县医保业务办理的通告", None, None, id="variant-tag-and-colon-before-headline"),
    pytest.param("某市住房公积金管理中心年度结息部分业务将暂停_某市频道_某省\n2017-06-20 来源:某某网\n\n记者获悉,6月30日结息。",
                 "某市住房公积金管理中心年度结息部分业务将暂停", None, "2017-06-20", id="channel-suffix-after-headline"),
    pytest.param("關於暫停辦理業務的通知 - 某县人民政府网\n各單位:\n現將有關事項通知如下:",
                 "关于暂停办理业务的通知", None, None, id="variant-site-suffix-traditional"),
    pytest.param("社保系统升级停办几天-一文看懂办理安排\n2022-10-08 09:00\n\n10月9日起系统升级。",
                 "社保系统升级停办几天-一文看懂办理安排", None, "2022-10-08", id="near-miss-a-dash-before-no-site-name"),
    pytest.param("关于2022-2023年度结息暂停业务的通知\n各单位:\n现将有关事项通知如下:",
                 "关于2022-2023年度结息暂停业务的通知", None, None, id="near-miss-a-year-range-is-no-suffix"),
    # the signature names the issuer; a 来源 line may name the bureau whose site hosts the text
    pytest.param("关于暂停申报业务的通告\n来源:某市医疗保障局 时间:2022-06-29\n各参保单位:\n7月1日起暂停申报。\n某市医疗保障服务中心\n2022年6月29日",
                 "关于暂停申报业务的通告", "某市医疗保障服务中心", "2022-06-29", id="signature-over-host-source"),
    pytest.param("关于暂停申报业务的通告\n信息来源:某县人社局\n各参保单位:\n7月1日起暂停申报。\n某县社会保险事业管理中心\n二〇二二年六月二十九日",
                 "关于暂停申报业务的通告", "某县社会保险事业管理中心", "2022-06-29", id="variant-signature-in-chinese-numerals-over-source"),
    pytest.param("关于暂停申报业务的通告\n来源:某市医疗保障局\n各参保单位:\n7月1日起暂停申报。\n特此通告。\n2022年6月29日",
                 "关于暂停申报业务的通告", "某市医疗保障局", "2022-06-29", id="near-miss-signature-without-a-name-keeps-source"),
    # a news lead with its full date, and more release verbs
    pytest.param("2021年3月5日,某市医疗保障局发布公告,3月8日起系统切换。",
                 None, "某市医疗保障局", "2021-03-05", id="lead-with-a-full-date"),
    pytest.param("2021 年 3 月 5 日，某区税务局发出通知，3月8日起电子税务局暂停服务。",
                 None, "某区税务局", "2021-03-05", id="variant-lead-with-blanks-发出通知"),
    pytest.param("5日,某县医保局提醒参保群众,2021年3月8日起系统切换。",
                 None, "某县医保局", "2021-03-05", id="variant-lead-day-提醒"),
    pytest.param("2021年3月5日,系统开始切换,3月8日恢复。",
                 None, None, None, id="near-miss-full-date-without-a-release-verb"),
    # the issuer named in a news lead or body sentence: a spokesman, the bureau's own channel,
    # joint releases, answers without 就…
    pytest.param("社保系统升级\n某某网讯 乙市人力资源和社会保障局相关负责人表示,12月30日起系统升级。",
                 "社保系统升级", "乙市人力资源和社会保障局", None, id="spokesman-of-the-bureau"),
    pytest.param("社保系统升级\n\n近日,乙县医疗保障局工作人员介绍,年底系统升级。",
                 "社保系统升级", "乙县医疗保障局", None, id="variant-staff-of-the-bureau"),
    pytest.param("社保系统升级\n\n丙市医疗保障局官方微信公众号消息,12月30日起系统升级。",
                 "社保系统升级", "丙市医疗保障局", None, id="bureau-channel-消息"),
    pytest.param("社保系统升级\n\n丙市医疗保障局、丙市财政局联合发布通知,12月30日起系统升级。",
                 "社保系统升级", "丙市医疗保障局、丙市财政局", None, id="joint-release-联合发布"),
    pytest.param("停机怎么看病\n\n针对市民关心的问题,丁区医疗保障局进行了解答。",
                 "停机怎么看病", "丁区医疗保障局", None, id="answers-without-就"),
    pytest.param("停机怎么看病\n\n请市民多关注医保局相关负责人表示的内容,年底系统升级。",
                 "停机怎么看病", None, None, id="near-miss-a-bare-ending-before-负责人"),
    # joint issuers stacked over a 关于 heading; a bracketed 来源 line after the text
    pytest.param("戊市人力资源和社会保障局\n戊市医疗保障局\n关于系统升级的通知\n各单位:\n12月30日起系统升级。",
                 "关于系统升级的通知", "戊市人力资源和社会保障局、戊市医疗保障局", None, id="issuers-stacked-over-关于"),
    pytest.param("關於系統升級的通知\n各單位:\n12月30日起系統升級。\n(來源:戊市醫療保障局)",
                 "关于系统升级的通知", "戊市医疗保障局", None, id="bracketed-source-after-the-text-traditional"),
    pytest.param("关于系统升级的通知\n各单位:\n12月30日起系统升级。\n来源:请以官方发布为准,如有疑问请致电。",
                 "关于系统升级的通知", None, None, id="near-miss-a-source-sentence"),
    # a stamp-style date under the signer; a name printed as a document's; a released document
    pytest.param("关于系统升级的通知\n各单位:\n12月30日起系统升级。\n国家税务总局己市税务局\n2021.12.01",
                 "关于系统升级的通知", "国家税务总局己市税务局", "2021-12-01", id="dotted-signature-date"),
    pytest.param("关于系统升级的通知\n各单位:\n12月30日起系统升级。\n己市住房公积金管理中心\n２０２１－１２－０１",
                 "关于系统升级的通知", "己市住房公积金管理中心", "2021-12-01", id="variant-full-width-dashed-signature-date"),
    pytest.param("关于系统升级的通知\n各单位:\n12月30日起系统升级。\n办理时限\n2021.12.01",
                 "关于系统升级的通知", None, None, id="near-miss-a-stamp-under-no-agency"),
    pytest.param("《关于医保系统升级暂停服务的通告》\n各参保单位:\n12月30日起系统升级。",
                 "关于医保系统升级暂停服务的通告", None, None, id="heading-in-book-title-marks"),
    pytest.param("各参保单位:\n庚市医疗保障局印发了《关于医保系统切换期间暂停业务的通告》,12月30日起系统升级。",
                 "关于医保系统切换期间暂停业务的通告", "庚市医疗保障局", None, id="title-only-in-a-released-document"),
    pytest.param("各参保单位:\n根据《国务院办公厅关于元旦假期安排的通知》,12月30日起系统升级。",
                 None, None, None, id="near-miss-a-cited-document-is-no-title"),
    # info fields in brackets, a byline of a body beside the stamp, more labels of the issuer
    pytest.param("关于系统停机的通知\n【发布时间：2021-10-20】【来源：辛市医疗保障局】【字体：大 中 小】\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "辛市医疗保障局", "2021-10-20", id="bracketed-info-fields"),
    pytest.param("关于系统停机的通知\n[来源:辛市医疗保障局][时间:2021/10/20]\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "辛市医疗保障局", "2021-10-20", id="variant-square-bracketed-info-fields"),
    pytest.param("关于系统停机的通知\n辛市医疗保障局 发布于 2021-10-20\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "辛市医疗保障局", "2021-10-20", id="byline-body-beside-stamp"),
    pytest.param("关于系统停机的通知\n2021年10月20日 10:05 辛县社会保险事业管理中心\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "辛县社会保险事业管理中心", "2021-10-20", id="variant-byline-stamp-first"),
    pytest.param("周末医保停机\n辛市医保 2022-12-28 17:30 发表于某省\n各单位:\n现将有关事项通知如下:",
                 "周末医保停机", None, "2022-12-28", id="near-miss-an-account-name-on-the-byline"),
    pytest.param("周末医保停机\n张某 2022-12-28 17:30\n各单位:\n现将有关事项通知如下:",
                 "周末医保停机", None, "2022-12-28", id="near-miss-a-person-on-the-byline"),
    pytest.param("关于系统停机的通知\n发布者：辛市医疗保障局 发布时间：2021-10-20\n各单位:\n现将有关事项通知如下:",
                 "关于系统停机的通知", "辛市医疗保障局", "2021-10-20", id="label-发布者"),
    # a signature date with 印发 after it; a signature followed by an appended attachment
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n壬市医疗保障局\n2021年10月20日印发",
                 "关于系统停机的通知", "壬市医疗保障局", "2021-10-20", id="signature-date-印发"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n壬市医疗保障局\n2021年10月20日\n附件1\n停机期间业务办理指南\n一、门诊如何结算\n门诊费用先行垫付。\n二、住院如何结算\n住院费用先行垫付。",
                 "关于系统停机的通知", "壬市医疗保障局", "2021-10-20", id="signature-before-an-appended-attachment"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n附件:\n停机期间业务办理指南\n一、截止日期为2021年10月20日\n门诊费用先行垫付。\n二、住院如何结算\n住院费用先行垫付。",
                 "关于系统停机的通知", None, None, id="near-miss-a-date-in-the-attachment-is-no-signature"),
    # a body that calls itself 我院/本中心 and is named in the headline
    pytest.param("这三天医保刷卡暂停,来癸市老年病医院就诊要注意这些!\n发布时间:2022-03-01 08:47:51\n为方便患者了解停机期间在我院就医流程,现将有关事项告知如下:",
                 "这三天医保刷卡暂停,来癸市老年病医院就诊要注意这些!", "癸市老年病医院", "2022-03-01", id="hospital-calls-itself-我院"),
    pytest.param("癸县住房公积金管理中心周末系统升级\n2023-05-05 10:00\n\n因系统升级,本中心5月6日至7日暂停办理业务。",
                 "癸县住房公积金管理中心周末系统升级", "癸县住房公积金管理中心", "2023-05-05", id="variant-centre-calls-itself-本中心"),
    pytest.param("到癸市人民医院就诊的患者请注意\n2022-03-01 08:47\n停机期间,请参保人先行垫付费用,医保部门将统一安排补结算。",
                 "到癸市人民医院就诊的患者请注意", None, "2022-03-01", id="near-miss-a-hospital-in-the-headline-without-我院"),
    # a signature followed by a list of contacts
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n寅市医疗保障局\n2021年10月20日\n各区咨询电话:\n甲区 0123-1234567\n乙区 0123-1234568\n丙区 0123-1234569\n丁区 0123-1234560",
                 "关于系统停机的通知", "寅市医疗保障局", "2021-10-20", id="signature-over-a-contact-list"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n寅县社会保险事业管理局\n二〇二一年十月二十日\n服务网点:\n城关网点:人民路1号\n东关网点:东大街2号\n西关网点:西大街3号\n南关网点:南大街4号\n北关网点:北大街5号",
                 "关于系统停机的通知", "寅县社会保险事业管理局", "2021-10-20", id="variant-signature-over-service-points"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n办理截止时间:\n2021年10月20日\n各区咨询电话:\n甲区 0123-1234567\n乙区 0123-1234568\n丙区 0123-1234569\n丁区 0123-1234560",
                 "关于系统停机的通知", None, None, id="near-miss-a-deadline-over-a-contact-list"),
    # signature dates in brackets, with a weekday or a note, 日 dropped; a seal note after the signer
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n卯市医疗保障局\n(2021年10月20日)",
                 "关于系统停机的通知", "卯市医疗保障局", "2021-10-20", id="signature-date-in-brackets"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n卯市醫療保障局（蓋章）\n2021年10月20日 星期三",
                 "关于系统停机的通知", "卯市医疗保障局", "2021-10-20", id="variant-seal-note-and-weekday-traditional"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n卯县医疗保障局\n2021年10月20日（此件主动公开）",
                 "关于系统停机的通知", "卯县医疗保障局", "2021-10-20", id="variant-disclosure-note-after-the-date"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n卯县医疗保障局\n2021年10月20",
                 "关于系统停机的通知", "卯县医疗保障局", "2021-10-20", id="variant-signature-date-without-日"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n截止时间为2021年10月20日(星期三)",
                 "关于系统停机的通知", None, None, id="near-miss-a-deadline-with-its-weekday"),
    # a news report: a reporters' byline under the headline, a dateline with the outlet's place
    pytest.param("医保系统将停机\n巳市日报记者 张某\n12月1日,记者从巳市医疗保障局获悉,2021年12月30日起系统升级。",
                 "医保系统将停机", "巳市医疗保障局", "2021-12-01", id="reporter-byline-under-headline"),
    pytest.param("医保系统将停机\n文/图 记者 张某、王某 通讯员 李某\n12月1日,记者从巳市医疗保障局获悉,2021年12月30日起系统升级。",
                 "医保系统将停机", "巳市医疗保障局", "2021-12-01", id="variant-several-reporters"),
    pytest.param("医保系统将停机\n巳市讯(记者 张某)12月1日,巳市医疗保障局发布公告,2021年12月30日起系统升级。",
                 "医保系统将停机", "巳市医疗保障局", "2021-12-01", id="place-讯-and-credit-before-the-lead"),
    pytest.param("医保系统将停机\n本报12月1日讯 巳县医疗保障局发布公告,2021年12月30日起系统升级。",
                 "医保系统将停机", "巳县医疗保障局", "2021-12-01", id="issuer-right-after-a-dateline"),
    pytest.param("医保系统将停机\n某某社北京12月1日电 巳县医疗保障局近日发布,2021年12月30日起系统升级。",
                 "医保系统将停机", "巳县医疗保障局", "2021-12-01", id="variant-issuer-after-电"),
    pytest.param("医保系统将停机\n记者张某报道\n请大家留意市医疗保障局发布的后续通知,2021年12月30日起系统升级。",
                 "医保系统将停机", None, None, id="near-miss-byline-with-a-verb-and-a-clause"),
    # a signer's name broken by a blank is one name
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n国家税务总局 午市税务局\n2021年10月20日",
                 "关于系统停机的通知", "国家税务总局午市税务局", "2021-10-20", id="parent-body-and-office-split-by-a-blank"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n午县 医疗保障局 午县 财政局\n2021年10月20日",
                 "关于系统停机的通知", "午县医疗保障局、午县财政局", "2021-10-20", id="variant-places-split-from-two-bodies"),
    pytest.param("关于延长缴费期的通知\n各单位:\n缴费期延长至3月31日。\n午市医保局 午市财政局 午市税务局\n2021年10月20日",
                 "关于延长缴费期的通知", "午市医保局、午市财政局、午市税务局", "2021-10-20", id="three-short-signers-on-one-line-are-no-navigation-bar"),
    pytest.param("关于系统停机的通知\n各单位:\n10月22日起暂停。\n请 午市医疗保障局\n2021年10月20日",
                 "关于系统停机的通知", None, "2021-10-20", id="near-miss-a-clause-word-is-no-name-part"),
    # a 来源 naming a body's own division gives way to the body named in the title
    pytest.param("国家税务总局未省税务局关于系统升级暂停服务的通告\n发布时间:2022-12-28 信息来源:纳税服务处\n尊敬的纳税人:\n现将有关事项通告如下:",
                 "国家税务总局未省税务局关于系统升级暂停服务的通告", "国家税务总局未省税务局", "2022-12-28", id="division-source-gives-way-to-title-issuer"),
    pytest.param("未市医疗保障局关于系统切换的公告\n【来源：办公室】【时间：2022-12-28】\n各参保单位:\n现将有关事项公告如下:",
                 "未市医疗保障局关于系统切换的公告", "未市医疗保障局", "2022-12-28", id="variant-办公室-in-brackets"),
    pytest.param("关于系统升级暂停服务的通告\n发布时间:2022-12-28 信息来源:纳税服务处\n尊敬的纳税人:\n现将有关事项通告如下:",
                 "关于系统升级暂停服务的通告", "纳税服务处", "2022-12-28", id="near-miss-division-source-alone-stays"),
    # an aggregator's page title glued into the text in 【】 is the title of a page without one
    pytest.param("一、住院怎么报销?\n出院结算可在系统开机后补办。\n【系统停止服务期间申市参保群众报销怎么办?】如确需就诊的,先行垫付费用,待系统开机后补办报销手续。",
                 "系统停止服务期间申市参保群众报销怎么办?", None, None, id="glued-page-title-in-brackets"),
    pytest.param("一、門診怎麼結算?\n停機期間先行墊付,開機後補辦。【申縣醫保系統停機期間就醫指南】住院患者可正常出院。",
                 "申县医保系统停机期间就医指南", None, None, id="variant-glued-title-mid-line-traditional"),
    pytest.param("一、门诊怎么结算?\n【温馨提示】停机期间先行垫付,开机后补办。\n【来源:申市医疗保障局官方网站】",
                 None, "申市医疗保障局", None, id="near-miss-a-tag-and-a-source-in-brackets"),
    # an aggregator's summary line over its headline points at the text
    pytest.param("3月22日起申市医保卡停用,3月22日至4月3日暂停刷卡结算,详情见正文。\n\n申市医保卡升级什么时候结束\n\n2022年3月22日起,申市医保平台将切换至国家平台。",
                 "申市医保卡升级什么时候结束", None, None, id="summary-line-over-headline"),
    pytest.param("申县公积金系统升级期间暂停办理业务,详见下文\n申县公积金周末暂停办理\n6月3日至4日系统升级,暂停办理公积金业务。",
                 "申县公积金周末暂停办理", None, None, id="variant-summary-详见下文"),
    pytest.param("申市医保卡3月22日停用,具体安排详见附件。\n2022年3月22日起,申市医保平台将切换至国家平台,暂停刷卡结算。",
                 None, None, None, id="near-miss-a-sentence-pointing-at-an-attachment"),
    # a title sharing no words with the text under it is another page's (a sidebar link)
    pytest.param("申省妇幼保健院入园体检预约挂号流程\n更新时间:2022-09-20 19:04:28\n一、元旦放假安排\n申市住房公积金管理中心自2022年1月1日至1月3日停止对外办公和受理业务,1月4日正常办公。\n二、系统维护\n因系统维护,2022年1月1日0时至1月3日24时暂停公积金线上、线下所有业务。",
                 None, None, None, id="unrelated-title-is-another-pages"),
    pytest.param("申市公积金元旦系统维护通知\n更新时间:2022-09-20 19:04:28\n一、元旦放假安排\n申市住房公积金管理中心自2022年1月1日至1月3日停止对外办公和受理业务,1月4日正常办公。\n二、系统维护\n因系统维护,2022年1月1日0时至1月3日24时暂停公积金线上、线下所有业务。",
                 "申市公积金元旦系统维护通知", None, None, id="near-miss-a-related-title-stays"),
    # a bank's branch signs a payment-system notice
    pytest.param("关于支付系统升级暂停服务的公告\n尊敬的客户:\n10月1日0时至8时暂停网上银行服务。\n某某银行辰市分行\n2021年9月28日",
                 "关于支付系统升级暂停服务的公告", "某某银行辰市分行", "2021-09-28", id="bank-branch-signature"),
    pytest.param("关于支付系统升级暂停服务的公告\n尊敬的客户:\n10月1日0时至8时暂停网上银行服务。\n辰市农商银行城东支行\n2021年9月28日",
                 "关于支付系统升级暂停服务的公告", "辰市农商银行城东支行", "2021-09-28", id="variant-sub-branch-signature"),
    # a news headline opening with the bureau that speaks
    pytest.param("卯市医保局:10月22日起医保系统停机\n发布时间:2021-10-20\n各单位:\n10月22日起暂停。",
                 "卯市医保局:10月22日起医保系统停机", "卯市医保局", "2021-10-20", id="headline-speaker-before-colon"),
    pytest.param("医保提醒:10月22日起医保系统停机\n发布时间:2021-10-20\n各单位:\n10月22日起暂停。",
                 "医保提醒:10月22日起医保系统停机", None, "2021-10-20", id="near-miss-a-column-before-colon"),
    # a WeChat post: the account's name before the headline, the bureau on the byline
    pytest.param("丑市医保 | 年底医保系统停机,这些业务暂停办理\n原创 丑市医保 丑市医疗保障局 2022-12-28 17:30 发表于某省\n为做好年度结转,现将有关事项告知如下:",
                 "年底医保系统停机,这些业务暂停办理", "丑市医疗保障局", "2022-12-28", id="wechat-account-prefix-and-byline"),
    pytest.param("年底医保系统停机,这些业务暂停办理\n丑县医疗保障局 丑县医保 2022年12月28日 17:30 某省\n为做好年度结转,现将有关事项告知如下:",
                 "年底医保系统停机,这些业务暂停办理", "丑县医疗保障局", "2022-12-28", id="variant-byline-bureau-first-with-place"),
    pytest.param("年底提醒丨年底医保系统停机,这些业务暂停办理\n丑市医保 丑市人社 2022-12-28 17:30\n为做好年度结转,现将有关事项告知如下:",
                 "年底提醒丨年底医保系统停机,这些业务暂停办理", None, "2022-12-28", id="near-miss-a-column-word-before-丨-and-accounts-only"),
    # round 4 (generalizing): a signature written date first, the agency under it
    pytest.param("关于医保结算暂停的通知\n各定点机构:\n5月10日至12日暂停结算。\n特此通知。\n2023年5月6日\n亥市医疗保障局",
                 "关于医保结算暂停的通知", "亥市医疗保障局", "2023-05-06", id="date-over-signing-agency"),
    pytest.param("关于办税系统停机的通告\n3月5日至6日停机升级。\n2022年3月1日\n亥市税务局\n亥市财政局",
                 "关于办税系统停机的通告", "亥市税务局、亥市财政局", "2022-03-01", id="variant-date-over-two-joint-signers"),
    pytest.param("关于办税系统停机的通告\n3月5日至6日停机升级。\n2022年3月1日\n升级后请及时更新客户端。",
                 "关于办税系统停机的通告", None, "2022-03-01", id="near-miss-date-over-a-sentence"),
    # a signature without a date, after the closing formula or a finished sentence
    pytest.param("关于门诊收费暂停的通知\n尊敬的患者:\n6月3日22时至次日6时暂停门诊收费。\n午州第二人民医院",
                 "关于门诊收费暂停的通知", "午州第二人民医院", None, id="undated-hospital-signature"),
    pytest.param("关于公积金业务暂停的通知\n来源:午城新闻网\n9月10日至11日暂停办理。\n特此通知。\n省住房资金管理中心",
                 "关于公积金业务暂停的通知", "省住房资金管理中心", None, id="variant-undated-signature-after-closing-beats-portal"),
    pytest.param("关于公积金业务暂停的通知\n9月10日至11日暂停办理。下列网点照常营业:\n午县公积金管理部\n未县公积金管理部",
                 "关于公积金业务暂停的通知", None, None, id="near-miss-list-of-service-points-at-the-end"),
    # the body right after 关于 that acts in the title issues the notice
    pytest.param("关于申市医疗保障局暂停医保经办业务的通知\n各参保单位:\n7月1日至3日暂停。",
                 "关于申市医疗保障局暂停医保经办业务的通知", "申市医疗保障局", None, id="title-subject-body-acts"),
    pytest.param("关于申县医保局系统切换期间业务安排的公告\n各参保单位:\n7月1日至3日暂停。",
                 "关于申县医保局系统切换期间业务安排的公告", "申县医保局", None, id="variant-title-subject-short-name"),
    pytest.param("关于转发申省医疗保障局暂停业务的通知\n各参保单位:\n7月1日至3日暂停。",
                 "关于转发申省医疗保障局暂停业务的通知", None, None, id="near-miss-title-forwards-another-body"),
    pytest.param("关于电子税务局升级暂停服务的通告\n纳税人:\n7月1日至3日暂停。",
                 "关于电子税务局升级暂停服务的通告", None, None, id="near-miss-title-names-a-system-called-局"),
    # a 来源 naming a government or its general office credits the portal: a named issuer comes first
    pytest.param("酉市医疗保障局关于结算系统停机的通知\n来源:酉市人民政府办公室  发布日期:2023-03-02\n3月4日停机。",
                 "酉市医疗保障局关于结算系统停机的通知", "酉市医疗保障局", "2023-03-02", id="government-office-source-gives-way-to-title-issuer"),
    pytest.param("结算系统停机的通知\n来源:酉县政府  发布日期:2023-03-02\n日前,酉县人力资源和社会保障局发布了《关于结算系统停机的通知》,3月4日停机。",
                 "结算系统停机的通知", "酉县人力资源和社会保障局", "2023-03-02", id="variant-government-source-gives-way-to-body-sentence"),
    pytest.param("结算系统停机的通知\n来源:酉市人民政府  发布日期:2023-03-02\n3月4日停机,请相互转告。",
                 "结算系统停机的通知", "酉市人民政府", "2023-03-02", id="near-miss-government-source-kept-when-no-issuer-named"),
    # a repost label before the body on a stamp line is no part of its name
    pytest.param("医保结算三日后暂停\n转自:戌市医疗保障局 2023-06-20\n6月23日起暂停结算。",
                 "医保结算三日后暂停", "戌市医疗保障局", "2023-06-20", id="repost-label-on-a-stamp-line"),
    pytest.param("医保结算三日后暂停\n摘自:戌县人力资源和社会保障局  2023年6月20日 09:30\n6月23日起暂停结算。",
                 "医保结算三日后暂停", "戌县人力资源和社会保障局", "2023-06-20", id="variant-摘自-label-and-written-date"),
    pytest.param("医保结算三日后暂停\n转自:戌市医保 2023-06-20\n6月23日起暂停结算。",
                 "医保结算三日后暂停", None, "2023-06-20", id="near-miss-repost-of-an-account"),
    # the issuer in brackets before 关于
    pytest.param("【亥州医疗保障局】关于结算暂停的通知\n2023-06-20\n6月23日起暂停结算。",
                 "【亥州医疗保障局】关于结算暂停的通知", "亥州医疗保障局", "2023-06-20", id="bracketed-issuer-before-关于"),
    pytest.param("【通知】关于结算暂停的安排\n2023-06-20\n6月23日起暂停结算。",
                 "关于结算暂停的安排", None, "2023-06-20", id="near-miss-bracketed-column-word"),
    # a body sentence in which the bureau decides
    pytest.param("关于结算暂停的通知\n2023-06-20\n戌市医疗保障局决定,6月23日起暂停结算。",
                 "关于结算暂停的通知", "戌市医疗保障局", "2023-06-20", id="body-bureau-decides"),
    pytest.param("关于结算暂停的通知\n2023-06-20\n根据戌省医疗保障局决定,6月23日起暂停结算。",
                 "关于结算暂停的通知", None, "2023-06-20", id="near-miss-decision-of-a-higher-body-cited"),
    # a short name in brackets after the credited body's full name
    pytest.param("关于结算暂停的通知\n来源:戌市人力资源和社会保障局(社保中心)  2023-06-20\n6月23日起暂停结算。",
                 "关于结算暂停的通知", "戌市人力资源和社会保障局", "2023-06-20", id="source-with-bracketed-short-name"),
    pytest.param("关于结算暂停的通知\n来源:戌县医疗保障局(医保服务中心)  2023-06-20\n6月23日起暂停结算。",
                 "关于结算暂停的通知", "戌县医疗保障局", "2023-06-20", id="variant-full-width-brackets"),
    pytest.param("关于结算暂停的通知\n来源:戌市日报(记者站)  2023-06-20\n6月23日起暂停结算。",
                 "关于结算暂停的通知", None, "2023-06-20", id="near-miss-an-outlet-before-the-brackets"),
    # a portal's disclosure fields printed after the text credit the issuer
    pytest.param("关于结算暂停的通知\n6月23日起暂停结算。\n发布单位:戌市医疗保障局  发布日期:2023-06-20",
                 "关于结算暂停的通知", "戌市医疗保障局", None, id="issuing-body-field-after-the-text"),
    pytest.param("关于结算暂停的通知\n6月23日起暂停结算。\n【来源:戌县医疗保障局】 编辑:某某",
                 "关于结算暂停的通知", "戌县医疗保障局", None, id="variant-source-and-editor-after-the-text"),
    pytest.param("关于结算暂停的通知\n6月23日起暂停结算。\n来源:戌市医疗保障局 咨询电话0716-1234567",
                 "关于结算暂停的通知", None, None, id="near-miss-source-word-in-a-body-line-with-a-phone"),
    # an undated signature under a contact line
    pytest.param("关于办税系统升级的公告\n7月1日至3日暂停服务。咨询电话:027-12366\n国家税务总局戌省税务局",
                 "关于办税系统升级的公告", "国家税务总局戌省税务局", None, id="undated-signature-under-a-contact-line"),
    pytest.param("关于办税系统升级的公告\n7月1日至3日暂停服务。\n服务热线 12366\n戌市税务局",
                 "关于办税系统升级的公告", "戌市税务局", None, id="variant-undated-signature-under-a-hotline"),
    pytest.param("关于办税系统升级的公告\n7月1日至3日暂停服务。下列办税厅照常办理\n戌县办税服务厅",
                 "关于办税系统升级的公告", None, None, id="near-miss-agency-under-an-unfinished-line"),
    # a WeChat repost credits the account and, after 作者, the body that wrote the post
    pytest.param("七月起结算暂停三天\n以下文章来源于戌城医保,作者戌市医疗保障局\n7月1日至3日暂停结算。",
                 "七月起结算暂停三天", "戌市医疗保障局", None, id="wechat-repost-author-is-the-body"),
    pytest.param("七月起结算暂停三天\n以下文章来源于戌城人社 ,作者戌县人力资源和社会保障局\n7月1日至3日暂停结算。",
                 "七月起结算暂停三天", "戌县人力资源和社会保障局", None, id="variant-repost-credit-blank-and-full-width-comma"),
    pytest.param("七月起结算暂停三天\n以下文章来源于戌城医保,作者小戌\n7月1日至3日暂停结算。",
                 "七月起结算暂停三天", None, None, id="near-miss-repost-author-is-a-person"),
    # a seal note after the signing body
    pytest.param("关于结算暂停的通知\n7月1日至3日暂停结算。\n戌市医疗保障局(印)\n2023年6月28日",
                 "关于结算暂停的通知", "戌市医疗保障局", "2023-06-28", id="seal-note-印-after-the-signature"),
]


@pytest.mark.parametrize("title, expected", [
    pytest.param("乙省医疗保障局乙省医疗保障服务中心关于结算暂停的通知", "乙省医疗保障局、乙省医疗保障服务中心", id="two-issuers-run-together"),
    pytest.param("丙市税务局 丙市财政局关于结算暂停的通知", "丙市税务局、丙市财政局", id="variant-two-issuers-with-a-blank"),
    pytest.param("国家税务总局丙市税务局关于结算暂停的通知", "国家税务总局丙市税务局", id="near-miss-parent-body-name"),
    pytest.param("丙市住房公积金管理中心城南分中心关于结算暂停的通知", "丙市住房公积金管理中心城南分中心", id="near-miss-a-branch-of-the-body"),
])
def test_title_issuers_run_together_are_split(title: str, expected: str) -> None:
    assert clean_page(f"{title}\n6月23日起暂停结算。").publisher == expected


@pytest.mark.parametrize("name, province, city, expected", [
    pytest.param("市住房公积金管理中心", "江苏省", "无锡市", "无锡市住房公积金管理中心", id="bare-city-centre"),
    pytest.param("州医保局", "湖北省", "恩施土家族苗族自治州", "恩施土家族苗族自治州医疗保障局", id="variant-bare-prefecture-bureau"),
    pytest.param("省人社厅", "河北省", None, "河北省人社厅", id="variant-bare-province-department"),
    pytest.param("市场监督管理局", "江苏省", "无锡市", "市场监督管理局", id="near-miss-市场-is-no-level"),
    pytest.param("市民卡服务中心", "江苏省", "无锡市", "市民卡服务中心", id="near-miss-市民卡"),
    pytest.param("市医保局", "江苏省", None, "市医保局", id="near-miss-no-city-known"),
])
def test_bare_publisher_is_completed_with_the_place(name: str, province: str | None, city: str | None, expected: str) -> None:
    assert expand_publisher(name, province, city) == expected


def test_page_sources_are_agencies_only() -> None:
    page = clean_page(normalize_text("关于系统停机的通知\n来源:嘉兴日报 作者:嘉兴市医疗保障局\n各单位:\n现将有关事项通知如下:"))
    assert page.sources == ["嘉兴市医疗保障局"]
    assert clean_page(normalize_text("关于系统停机的通知\n来源:嘉兴日报\n各单位:\n现将有关事项通知如下:")).sources == []


def test_dateline_under_a_title_is_skipped_at_its_place() -> None:
    """The dateline's skip span points at its words also when a title stands above it."""
    page = clean_page(normalize_text("医保结算暂停公告\n12月30日:因年度处理需要,系统将在2015年12月31日21:00起暂停结算。"))
    assert page.published_at is not None and page.published_at.date().isoformat() == "2015-12-30"
    assert [page.body_text[s:e] for s, e in page.skip_spans] == ["12月30日"]
    assert page.published_span is not None and page.body_text[slice(*page.published_span)].startswith("12月30日")


PAGE_STAMPS_AFTER_THE_STOP = [
    # (text, publication date): a page stamp dated after the stop began is a repost stamp
    pytest.param("周末公积金暂停\n2023-01-31\n\n因系统维护,2022年1月1日0时起至2022年1月3日24时止暂停全部业务。", None,
                 id="bare-stamp-after-the-stop"),
    pytest.param("周末公积金暂停\n发布时间:2021-12-28\n\n因系统维护,2022年1月1日0时起至2022年1月3日24时止暂停全部业务。", "2021-12-28",
                 id="near-miss-stamp-before-the-stop"),
    pytest.param("关于暂停业务的通知\n\n因系统维护,2022年1月1日0时起至2022年1月3日24时止暂停全部业务。\n\n某市住房公积金管理中心\n2022年1月5日",
                 "2022-01-05", id="variant-signature-after-the-stop-stays"),
    # round 3: once the page stamp is dropped, the date the text gives (signature, news lead) stands
    pytest.param("关于暂停业务的通知\n发布时间:2022-01-02\n\n因系统维护,2022年1月1日0时起至2022年1月3日24时止暂停全部业务。\n\n某县住房公积金管理中心\n2021年12月29日",
                 "2021-12-29", id="repost-stamp-gives-way-to-the-signature"),
    pytest.param("周末医保停机\n2023-03-09 08:00\n\n3月2日,某市医疗保障局发出通知,2023年3月4日0时至3月6日24时暂停医保结算。",
                 "2023-03-02", id="variant-repost-stamp-gives-way-to-the-lead-date"),
    pytest.param("周末医保停机\n2023-03-09 08:00\n\n因系统切换,2023年3月4日0时至3月6日24时暂停医保结算。\n某市医疗保障局\n2024年3月1日",
                 None, id="near-miss-a-signature-long-after-every-time"),
    # a page crediting the notice to its issuer and dated after the signature reposts it
    pytest.param("关于年终结算暂停联网结算的通知\n发布时间:2019-12-26 来源:某市医疗保障局\n\n12月31日17时起至2020年1月3日9时止暂停联网结算。\n\n某市医疗保障局\n2019年12月25日",
                 "2019-12-25", id="crediting-page-dated-after-the-signature"),
    pytest.param("关于年终结算暂停联网结算的通知\n发布时间:2019-12-26 来源:本网\n\n12月31日17时起至2020年1月3日9时止暂停联网结算。\n\n某市医疗保障局\n2019年12月25日",
                 "2019-12-26", id="near-miss-the-issuers-own-page-keeps-its-date"),
]


@pytest.mark.parametrize("text, published", PAGE_STAMPS_AFTER_THE_STOP)
def test_page_stamp_after_the_stop_is_no_publication_date(text: str, published: str | None, tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    n = _parse(path)
    assert (n.published_at.date().isoformat() if n.published_at else None) == published



# Round 6 (issue 13 section 3: the issuer in a lead or body sentence, on its own line over the
# heading, in a title made of its name and a notice word, after a bar-set 来源 label). Our own
# words, invented bodies; near misses where a rule must not fire.
CLEAN_CASES_ROUND6 = [
    pytest.param("经青禾市医疗保障局研究决定,2024年3月9日至3月10日暂停医保结算。",
                 None, "青禾市医疗保障局", None, id="经-before-the-acting-bureau-is-not-its-name"),
    pytest.param("由青禾市税务局决定,电子税务局于2024年3月9日停机。",
                 None, "青禾市税务局", None, id="variant-由-before-the-deciding-bureau"),
    pytest.param("据青禾市住房公积金管理中心通知,5月1日至5月3日暂停办理公积金业务。",
                 None, "青禾市住房公积金管理中心", None, id="据X通知-relays-the-bureau"),
    pytest.param("据青禾市社会保险事业管理中心发布的公告,社保系统6月1日起升级。",
                 None, "青禾市社会保险事业管理中心", None, id="variant-据X发布的公告"),
    pytest.param("据青禾日报消息,6月1日起社保系统升级。",
                 None, None, None, id="near-miss-据-a-newspaper-is-no-issuer"),
    pytest.param("青禾市医疗保障局通告\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾市医疗保障局通告", "青禾市医疗保障局", None, id="title-made-of-issuer-and-notice-word"),
    pytest.param("青禾市住房公积金管理中心紧急通知\n因系统切换,2024年1月1日至1月2日暂停办理公积金业务。",
                 "青禾市住房公积金管理中心紧急通知", "青禾市住房公积金管理中心", None, id="variant-issuer-紧急通知-title"),
    pytest.param("医保系统切换的紧急通知\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "医保系统切换的紧急通知", None, None, id="near-miss-notice-title-naming-no-body"),
    pytest.param("青禾市医疗保障局\n医保系统切换暂停结算的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "医保系统切换暂停结算的公告", "青禾市医疗保障局", None, id="issuer-line-over-a-notice-heading-without-关于"),
    pytest.param("青禾市人力资源和社会保障局 青禾市税务局\n社保费征缴系统停机的通告\n2024年1月1日至1月2日系统停机。",
                 "社保费征缴系统停机的通告", "青禾市人力资源和社会保障局、青禾市税务局", None, id="variant-joint-issuers-over-a-notice-heading"),
    pytest.param("青禾市人民政府门户网站\n医保系统切换暂停结算的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "医保系统切换暂停结算的公告", None, None, id="near-miss-a-site-name-over-the-heading-is-no-issuer"),
    pytest.param("医保系统切换暂停结算的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n来源 | 青禾市医疗保障局",
                 "医保系统切换暂停结算的公告", "青禾市医疗保障局", None, id="tail-来源-set-off-by-a-bar"),
    pytest.param("医保系统切换暂停结算的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n文章来源丨青禾市医保局微信公众号",
                 "医保系统切换暂停结算的公告", "青禾市医保局", None, id="variant-tail-来源-full-width-bar-and-channel"),
    pytest.param("医保系统切换暂停结算的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n来源 | 青禾新闻网",
                 "医保系统切换暂停结算的公告", None, None, id="near-miss-tail-来源-an-outlet"),
    # a lead or body sentence in which the bureau announces (news reports and reposts)
    pytest.param("青禾市医疗保障局5月8日晚间发布公告,5月10日至5月12日暂停医保结算。",
                 None, "青禾市医疗保障局", None, id="bureau-date-and-time-of-day-发布"),
    pytest.param("青禾市税务局于近日下发通知,电子税务局6月1日停机升级。",
                 None, "青禾市税务局", None, id="variant-bureau-于近日-下发"),
    pytest.param("青禾市住房公积金管理中心在其官网发布通知,6月1日至6月2日暂停业务。",
                 None, "青禾市住房公积金管理中心", None, id="variant-bureau-在其官网-发布"),
    pytest.param("青禾市社会保险事业管理中心发文称,社保系统6月1日升级。",
                 None, "青禾市社会保险事业管理中心", None, id="variant-bureau-发文称"),
    pytest.param("青禾市医疗保障局消息:医保系统6月1日至6月2日切换。",
                 None, "青禾市医疗保障局", None, id="bureau-消息-colon"),
    pytest.param("青禾市医疗保障局介绍,医保系统6月1日至6月2日切换,期间暂停结算。",
                 None, "青禾市医疗保障局", None, id="variant-bureau-介绍-comma"),
    pytest.param("青禾市人民医院有关负责人告诉记者,6月1日门诊系统升级。",
                 None, "青禾市人民医院", None, id="variant-负责人告诉记者"),
    pytest.param("为保障系统平稳切换,青禾市医疗保障局特别提醒:6月1日至6月2日暂停结算。",
                 None, "青禾市医疗保障局", None, id="variant-提醒-colon-after-a-clause"),
    pytest.param("近日,从青禾市医疗保障局传来消息,医保系统6月1日切换。",
                 None, "青禾市医疗保障局", None, id="variant-从X传来消息"),
    pytest.param("医院排起长队。青禾市医疗保障局表示,现场垫付的患者可以补刷卡。",
                 None, None, None, id="near-miss-a-bureau-quoted-in-a-news-report"),
    pytest.param("5月2日,青禾市税务局发布停机通告。青禾市医疗保障局特别提示:医保系统5月6日升级。",
                 None, "青禾市税务局", None, id="near-miss-a-later-提示-does-not-outrank-an-earlier-发布"),
    pytest.param("关于医保系统切换的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n特此公告\n青禾市医疗保障局\n2023年12月20号",
                 "关于医保系统切换的公告", "青禾市医疗保障局", "2023-12-20", id="signature-date-with-号"),
    pytest.param("关于医保系统切换的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n请于2023年12月30号前办结。",
                 "关于医保系统切换的公告", None, None, id="near-miss-a-号-date-in-a-sentence-is-no-signature"),
    # a disclosure table's cells (发布机构 | X) and a 发布人 field credit the issuer; other labels in
    # a bar-separated row stay a table's header
    pytest.param("关于医保系统切换的公告\n索引号 | 000000/2024-00001 | 发布机构 | 青禾市医疗保障局\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "关于医保系统切换的公告", "青禾市医疗保障局", None, id="disclosure-table-发布机构-cell"),
    pytest.param("关于医保系统切换的公告\n来源丨青禾市医疗保障局  发布时间:2023-12-20\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "关于医保系统切换的公告", "青禾市医疗保障局", "2023-12-20", id="variant-来源-bar-on-the-info-line"),
    pytest.param("关于医保系统切换的公告\n发布时间:2023-12-20 发布人:青禾市医疗保障局\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "关于医保系统切换的公告", "青禾市医疗保障局", "2023-12-20", id="variant-发布人-field"),
    pytest.param("关于医保系统切换的公告\n发布时间:2023-12-20 发布人:王小明\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "关于医保系统切换的公告", None, "2023-12-20", id="near-miss-发布人-a-person"),
    # an undated signature with contact lines printed under it
    pytest.param("关于医保系统切换的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n特此公告。\n青禾市医疗保障局\n咨询电话:0000-1234567",
                 "关于医保系统切换的公告", "青禾市医疗保障局", None, id="undated-signature-over-a-contact-line"),
    pytest.param("关于医保系统切换的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n特此公告。\n青禾市住房公积金管理中心\n联系人:王小明\n联系电话:0000-7654321",
                 "关于医保系统切换的公告", "青禾市住房公积金管理中心", None, id="variant-undated-signature-over-two-contact-lines"),
    pytest.param("关于医保系统切换的公告\n因系统切换,2024年1月1日至1月2日暂停医保结算。\n各经办网点:\n青禾市东区医保服务站\n电话:0000-1111111\n电话:0000-2222222\n电话:0000-3333333",
                 "关于医保系统切换的公告", None, None, id="near-miss-a-service-point-over-a-contact-list"),
    # the issuer printed on its own line right under the heading
    pytest.param("关于医保系统切换的公告\n\n青禾市医疗保障局\n\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "关于医保系统切换的公告", "青禾市医疗保障局", None, id="issuer-line-under-the-heading"),
    pytest.param("关于社保系统切换的通告\n青禾市人力资源和社会保障局 青禾市税务局\n发布日期:2023-12-20\n2024年1月1日至1月2日社保系统停机。",
                 "关于社保系统切换的通告", "青禾市人力资源和社会保障局、青禾市税务局", "2023-12-20", id="variant-joint-issuers-under-the-heading-over-an-info-line"),
    pytest.param("关于医保系统切换的公告\n各定点医药机构:\n因系统切换,2024年1月1日至1月2日暂停医保结算,急需就医可前往:\n青禾市第一人民医院\n青禾市第二人民医院",
                 "关于医保系统切换的公告", None, None, id="near-miss-bodies-listed-in-the-text-are-no-issuer-line"),
    # a signature whose date gives no year: the signer stands, the date gives no publication date
    pytest.param("关于医保系统切换的公告\n因系统切换,1月1日至1月2日暂停医保结算。\n特此公告。\n青禾市医疗保障局\n12月20日",
                 "关于医保系统切换的公告", "青禾市医疗保障局", None, id="signature-over-a-date-without-year"),
    pytest.param("关于医保系统切换的公告\n因系统切换,1月1日至1月2日暂停医保结算。\n青禾市医疗保障局\n12月20号",
                 "关于医保系统切换的公告", "青禾市医疗保障局", None, id="variant-signature-over-a-号-date-without-year"),
    pytest.param("关于医保系统切换的公告\n因系统切换,暂停医保结算,恢复时间为:\n1月3日",
                 "关于医保系统切换的公告", None, None, id="near-miss-a-date-line-after-a-colon-has-no-signer"),
    # a line naming a website over the text is an aggregator's page title, never the heading
    pytest.param("青禾市社保个人网上服务网页(青禾社保网上服务网页)\n\n某某讯 青禾社保系统将于下月暂停服务,请参保单位及时申报。",
                 None, None, None, id="site-name-line-is-no-heading"),
    pytest.param("青禾市住房公积金管理中心官网\n关于公积金系统升级的通知\n各缴存单位:\n系统将于下月升级。",
                 "关于公积金系统升级的通知", None, None, id="variant-site-name-over-a-heading"),
    pytest.param("青禾社保网上服务网页暂停访问\n\n因系统升级,社保网上服务网页于下月暂停访问,请参保单位及时申报。",
                 "青禾社保网上服务网页暂停访问", None, None, id="near-miss-a-headline-about-a-website"),
    # the headline under a breadcrumb with one separator (首页 » 通知公告) or opening with 位置:
    pytest.param("首页 » 通知公告\n青禾医保系统这三天暂停结算\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾医保系统这三天暂停结算", None, None, id="headline-under-a-one-step-breadcrumb"),
    pytest.param("网站首页 → 信息公开\n青禾医保系统这三天暂停结算\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾医保系统这三天暂停结算", None, None, id="variant-breadcrumb-with-an-arrow"),
    pytest.param("位置:首页 > 政务公开\n青禾医保系统这三天暂停结算\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾医保系统这三天暂停结算", None, None, id="variant-breadcrumb-opening-with-位置"),
    # a navigation bar is no breadcrumb, but it leaves the line under it the page's first line: a
    # headline there is the title (found by rewriting: a bar copied over a notice lost its title)
    pytest.param("首页 机构概况 政务公开 办事服务\n青禾医保系统这三天暂停结算\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾医保系统这三天暂停结算", None, None, id="a-navigation-bar-over-the-headline"),
    pytest.param("首页 机构概况 政务公开 办事服务\n停机时间:2024年1月1日至1月2日\n因系统切换,暂停医保结算。",
                 None, None, None, id="near-miss-a-navigation-bar-is-no-breadcrumb"),
]


# Found by parsing the scaled benchmark corpus as text and as pages (bench/scaled_corpus.py).
CLEAN_CASES_PAGES = [
    pytest.param("【通告】【通告】 关于医保系统切换期间暂停服务的通告\n各参保单位:\n现将有关事项通告如下:",
                 "关于医保系统切换期间暂停服务的通告", None, None, id="a-repost-tag-over-the-sites-own-tag"),    # Found by rewriting labelled texts as a copy from a page would give them (tests/rewrites.py):
    # a breadcrumb copied above the text, blanks inside dates
    pytest.param("当前位置:首页 > 通知公告 > 正文\n紧急通知\n\n尊敬的参保人:\n因系统升级,医保结算暂停。",
                 "紧急通知", None, None, id="bare-notice-heading-under-a-breadcrumb"),
    pytest.param("当前位置:首页 > 通知公告 > 正文\n暂停服务时间:2024年3月1日0时至3月3日24时\n暂停服务范围:\n全市医保结算业务;",
                 None, None, None, id="near-miss-a-field-line-under-a-breadcrumb-is-no-headline"),
    pytest.param("首页 > 通知公告\n切换时段:3月1日0时至3月3日24时\n因系统切换,医保结算暂停。",
                 None, None, None, id="variant-a-时段-field-line-under-a-breadcrumb"),
    pytest.param("青禾市医保系统升级暂停服务\n某某官网 10月30日电 据青禾市医疗保障局消息,系统将于2021年11月1日升级。",
                 "青禾市医保系统升级暂停服务", "青禾市医疗保障局", "2021-10-30", id="dateline-with-a-blank-before-its-date"),
    # a label of the page opening it (栏目:) is no text line; a line spread over the page's width
    # (当 前 位 置 :, 最 新 通 告) reads like its compact form
    pytest.param("本页所在栏目:\n\n青禾医保这几天暂停结算\n\n来源:青禾新闻网 作者:青禾市医疗保障局 2023-08-23 11:45:39\n为做好系统切换,现将有关事项公告如下:\n停止服务时间:8月31日23时起。",
                 "青禾医保这几天暂停结算", "青禾市医疗保障局", "2023-08-23", id="a-page-label-over-the-headline"),
    pytest.param("各参保单位:\n因系统切换,8月31日起暂停医保结算。",
                 None, None, None, id="near-miss-a-salutation-opening-the-page-is-text"),
    pytest.param("当 前 位 置 :\n\n青禾医保这几天暂停结算\n\n来源:青禾新闻网 作者:青禾市医疗保障局 2023-08-23 11:45:39\n为做好系统切换,现将有关事项公告如下:",
                 "青禾医保这几天暂停结算", "青禾市医疗保障局", "2023-08-23", id="a-spread-breadcrumb-label"),
    pytest.param("最 新 通 告\n青禾市医保系统将于6月26日暂停服务\n来源:青禾市医疗保障局 2023-06-20\n系统将暂停服务。",
                 "青禾市医保系统将于6月26日暂停服务", "青禾市医疗保障局", "2023-06-20", id="a-spread-column-label-over-the-headline"),
    pytest.param("最新通告\n青禾市医保系统将于6月26日暂停服务\n来源:青禾市医疗保障局 2023-06-20\n系统将暂停服务。",
                 "青禾市医保系统将于6月26日暂停服务", "青禾市医疗保障局", "2023-06-20", id="a-bare-notice-word-gives-way-to-a-headline-with-its-info-line"),
    pytest.param("紧 急 通 知\n\n各参保单位:\n系统将于2031年6月26日暂停服务。",
                 "紧急通知", None, None, id="a-spread-bare-heading-alone-is-the-title"),
    # a page's <title> copied as the first line: the headline with the site's name after it
    pytest.param("南通公积金系统升级 9月18日至20日暂停服务_青禾市人民政府门户网站\n为做好系统升级,9月18日至20日暂停办理公积金业务。",
                 "南通公积金系统升级 9月18日至20日暂停服务", None, None, id="a-headline-with-its-sites-name-after-it"),
    pytest.param("青禾市人民政府门户网站\n为做好系统升级,9月18日至20日暂停办理公积金业务。",
                 None, None, None, id="near-miss-the-sites-name-alone-is-no-headline"),
    pytest.param("青禾市医疗保障局关于停机切换\n国家医疗保障信息平台的通告\n各参保单位:\n系统将于9月18日至20日切换。",
                 "青禾市医疗保障局关于停机切换国家医疗保障信息平台的通告", "青禾市医疗保障局", None,
                 id="a-heading-broken-after-its-issuer-and-关于"),
    pytest.param("青禾市人民政府门户网站关于\n国家医疗保障信息平台的通告\n各参保单位:\n系统将于9月18日至20日切换。",
                 "国家医疗保障信息平台的通告", None, None, id="near-miss-no-issuer-before-关于"),
    pytest.param("关于系统升级暂停服务的通知 - 青禾市医疗保障局\n各参保单位:\n系统将于9月18日至20日升级。",
                 "关于系统升级暂停服务的通知", None, None, id="a-headline-with-its-issuer-after-it"),
    pytest.param("重要通知 - 青禾市人民政府网\n\n尊敬的参保人:\n因系统升级,医保结算暂停。",
                 "重要通知", None, None, id="variant-a-bare-heading-and-its-site-is-no-navigation-bar"),
    pytest.param("系统维护通知|6月25日晚至27日社保业务暂停办理\n各参保单位:\n系统将于6月25日晚升级。",
                 "系统维护通知|6月25日晚至27日社保业务暂停办理", None, None, id="near-miss-a-bar-inside-a-headline-stays"),
    # a repost's credit opening the page (转自…) leaves the headline the page's first line, and a
    # heading run into its salutation under it is still split
    pytest.param("转自微信公众号“民生速递”\n青禾医保系统这三天暂停结算\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 "青禾医保系统这三天暂停结算", None, None, id="a-repost-credit-over-the-headline"),
    pytest.param("转自微信公众号“民生速递”\n青禾市住房公积金管理中心关于年度结算工作的通知各管理部: 根据有关规定,现将有关事项通知如下:",
                 "青禾市住房公积金管理中心关于年度结算工作的通知", "青禾市住房公积金管理中心", None,
                 id="variant-a-run-in-heading-under-a-repost-credit"),
    # ... and with numeric dates: the year of a lead's bare date from a numeric one, a stamp-style
    # signature date with converter debris after it
    pytest.param("青禾医保平台将短时停机\n29日,记者从青禾市医疗保障局获悉,2031.1.31 22时至2031.2.1 5时,全市医保信息平台将短时停机。",
                 "青禾医保平台将短时停机", "青禾市医疗保障局", "2031-01-29", id="lead-day-takes-its-year-from-a-numeric-date"),
    pytest.param("青禾医保平台将短时停机\n29日,记者从青禾市医疗保障局获悉,二〇三一年一月三十一日二十二时起,全市医保信息平台将短时停机。",
                 "青禾医保平台将短时停机", "青禾市医疗保障局", "2031-01-29", id="variant-lead-day-takes-its-year-from-chinese-numerals"),
    pytest.param("关于系统升级的通知\n系统将于2031年1月1日升级。\n特此通知。\n青禾市医疗保障局\n2030.12.30* E `' $ P",
                 "关于系统升级的通知", "青禾市医疗保障局", "2030-12-30", id="stamp-style-signature-date-with-debris"),
    # a list page's entry copied as the headline: its date after it is the page's stamp, not part of
    # the title and not a time the notice states
    pytest.param("青禾市医疗保障局关于系统切换暂停服务的通告 2025-03-02\n各参保单位:\n系统将于2031年3月9日20时起切换。",
                 "青禾市医疗保障局关于系统切换暂停服务的通告", "青禾市医疗保障局", "2025-03-02", id="a-list-entrys-date-after-the-headline"),
    pytest.param("首页 > 通知公告\n青禾医保结算这两天暂停 2025年3月2日 10:15\n因系统切换,3月9日至10日暂停医保结算。",
                 "青禾医保结算这两天暂停", None, "2025-03-02", id="variant-a-chinese-date-and-time-after-a-headline-under-a-breadcrumb"),
    pytest.param("停机期间看病怎么报销? 2025-03-02\n系统将于2031年3月9日20时起切换,期间先垫付。",
                 "停机期间看病怎么报销?", None, "2025-03-02", id="variant-a-question-headline-with-its-date"),
    # a headline a red header (or a narrow column) broke in two, without 关于 to join it by
    pytest.param("青禾市住房公积金中心年度结息\n期间暂停部分柜台业务\n\n各缴存单位:\n系统将于3月9日结息。",
                 "青禾市住房公积金中心年度结息期间暂停部分柜台业务", None, None, id="a-headline-broken-in-two"),
    pytest.param("首页 > 新闻中心\n青禾医保本周末暂停结算,\n去医院看病要注意这几点!\n发布时间:2025-03-02 09:10\n系统将于3月8日切换。",
                 "青禾医保本周末暂停结算,去医院看病要注意这几点!", None, "2025-03-02", id="variant-broken-after-its-comma"),
    pytest.param("关于青禾市医保信息系统\n切换期间业务安排的布告\n\n系统将于3月9日切换。",
                 "关于青禾市医保信息系统切换期间业务安排的布告", None, None, id="variant-a-关于-headline-ending-with-布告"),
    pytest.param("青禾县住房公积金管理中\n心关于暂停办理业务的通告\n\n各缴存单位:\n系统将于3月9日升级。",
                 "青禾县住房公积金管理中心关于暂停办理业务的通告", "青禾县住房公积金管理中心", None, id="variant-the-issuers-name-broken-before-关于"),
    pytest.param("青禾医保系统停机期\n间怎样报销医疗费用?\n门诊就医\n停机期间请先垫付。",
                 "青禾医保系统停机期间怎样报销医疗费用?", None, None, id="variant-a-question-headline-broken-in-two"),
    # the issuer's line over a news-style headline is no half of it and no title; a headline printed
    # twice (the page's title and again over the text) is one
    pytest.param("首页 > 新闻中心\n青禾市人力资源和社会保障局\n青禾社保系统升级在即!这些问题看过来\n\n0\n分享至\n系统将于3月9日停机。",
                 "青禾社保系统升级在即!这些问题看过来", None, None, id="an-issuer-line-over-a-news-headline"),
    pytest.param("青禾医保本周末暂停结算\n青禾医保本周末暂停结算\n因系统切换,3月8日至9日暂停医保结算。",
                 "青禾医保本周末暂停结算", None, None, id="a-headline-printed-twice"),
    pytest.param("停机期间看病怎么报销?\n停机期间看病怎么报销?\n发布时间:2025-03-02\n系统将于3月9日切换,期间先垫付。",
                 "停机期间看病怎么报销?", None, "2025-03-02", id="variant-a-question-headline-printed-twice"),
    pytest.param("青禾市医疗保障局\n青禾市医疗保障局\n关于系统切换暂停服务的通告\n各参保单位:\n系统将于3月9日切换。",
                 "关于系统切换暂停服务的通告", "青禾市医疗保障局", None, id="variant-an-issuer-header-printed-twice-names-it-once"),
    # a page that lost its line breaks (tests/rewrites.py joined_paragraphs): the signature at the
    # end of the run is read, an aggregator's lead-in opening the run does not make it chrome
    pytest.param("关于系统切换暂停服务的通告\n各参保单位: 系统将于3月9日切换,期间暂停医保结算。 特此通告。 青禾市医疗保障局 2025年3月2日",
                 "关于系统切换暂停服务的通告", "青禾市医疗保障局", "2025-03-02", id="a-signature-run-into-the-text"),
    pytest.param("关于系统切换暂停服务的通告\n各参保单位: 系统将于3月9日切换。 咨询电话:0000-1234567(服务中心) 青禾市医疗保障局 青禾市财政局 2025年3月2日",
                 "关于系统切换暂停服务的通告", "青禾市医疗保障局、青禾市财政局", "2025-03-02", id="variant-joint-signers-run-in-after-a-phone"),
    pytest.param("关于系统切换暂停服务的通告\n各参保单位: 系统将于3月9日切换,请于 2025年3月2日",
                 "关于系统切换暂停服务的通告", None, None, id="near-miss-a-date-ending-a-sentence-is-no-signature"),
    pytest.param("青禾科技网\n首页 > 通知 > 正文\n青禾市税务局关于电子税务局升级暂停服务的通告 发布时间: 2025-06-11 青禾市税务局通告2025年第3号 为提升系统运行效率,电子税务局将于8月1日升级。",
                 "青禾市税务局关于电子税务局升级暂停服务的通告", "青禾市税务局", "2025-06-11", id="a-heading-run-into-its-info-line-and-text"),
    pytest.param("青禾银行周末暂停跨行转账\n\n来源:青禾日报网 2025-08-15 10:05:31 青禾银行网站今日发布公告," + "支付系统将于国庆期间升级,期间暂停跨行汇款业务。" * 12,
                 "青禾银行周末暂停跨行转账", "青禾银行", "2025-08-15", id="an-info-line-run-into-the-text"),
    pytest.param("青禾医保平台将短时停机\n青禾网 10月30号电 据青禾市医疗保障局消息,系统将于2021年11月1号升级。",
                 "青禾医保平台将短时停机", "青禾市医疗保障局", "2021-10-30", id="a-dateline-with-号"),
    pytest.param("【关于系统切换暂停服务的通告】\n各参保单位:\n系统将于3月9日切换。",
                 "关于系统切换暂停服务的通告", None, None, id="a-headline-in-an-aggregators-brackets"),
    pytest.param("【重要通知】\n各参保单位:\n系统将于3月9日切换。",
                 "重要通知", None, None, id="variant-a-short-headline-in-brackets"),
    pytest.param("青禾市人民政府 | • 青禾公积金系统升级暂停部分业务\n因系统升级,3月9日暂停办理公积金业务。",
                 "青禾公积金系统升级暂停部分业务", None, None, id="the-sites-name-and-a-bullet-before-the-headline"),
    pytest.param("最新通告\n\n青禾省税务局\n\n拟于2031年6月26日18:00\n\n至6月27日8:00\n\n对发票系统进行升级",
                 "最新通告", "青禾省税务局", None, id="a-posters-date-line-with-拟于-is-no-page-stamp"),
    pytest.param("青禾医保系统停机公告\n来源 青禾日报网\n系统将于3月9日停机。",
                 "青禾医保系统停机公告", None, None, id="a-source-label-with-a-blank-for-its-colon"),
    pytest.param("停机时间 2025年3月9日0时至3月12日24时\n停机期间暂停医保结算。",
                 None, None, None, id="a-field-line-with-a-blank-for-its-colon-is-no-headline"),
    pytest.param("青禾医保系统停机五小时\n青禾资讯网\n[导读]:记者了解到,系统昨天停机。",
                 "青禾医保系统停机五小时", None, None, id="near-miss-the-sites-name-under-a-headline-is-no-second-half"),
    pytest.param("医保政策专栏\n青禾市医保系统切换期间暂停结算\n发布时间:2025-03-02\n系统将于3月9日切换。",
                 "青禾市医保系统切换期间暂停结算", None, "2025-03-02", id="near-miss-a-short-column-name-over-a-headline"),
]


@pytest.mark.parametrize("text, title, publisher, published", CLEAN_CASES + CLEAN_CASES_BUGS + CLEAN_CASES_BUGS_2 + CLEAN_CASES_REAL
                         + CLEAN_CASES_ROUND2 + CLEAN_CASES_ROUND3 + CLEAN_CASES_ROUND6 + CLEAN_CASES_PAGES)
def test_clean_page(text: str, title: str | None, publisher: str | None, published: str | None) -> None:
    page = clean_page(normalize_text(text))
    assert page.title == title
    assert page.publisher == publisher
    assert (page.published_at.date().isoformat() if page.published_at else None) == published
    for start, end in page.skip_spans:
        assert 0 <= start < end <= len(page.body_text)


BODY_LINES = [
    # (page text, lines that must be in the body, text that must not be) - extra2 bugs and variants
    pytest.param("【重要提醒】医保刷不了卡！\n景德镇医保 2022-12-28 17:30\n⏰ 暂停时间\n2022年12月31日(周六)18时—2023年1月1日(周日)24时\n1. 联网结算暂停。\n来源：景德镇市医疗保障局\n往期推荐\n● 2023年城乡居民医保缴费开始啦",
                 ["2022年12月31日(周六)18时—2023年1月1日(周日)24时"], ["来源", "往期推荐", "2023年城乡居民"], id="range-line-under-emoji-heading-stays"),
    pytest.param("周末公积金暂停办理\n2023-06-01 09:00\n● 停机时间\n2023-06-03 08:00-2023-06-04 20:00\n1. 业务暂停办理。",
                 ["2023-06-03 08:00-2023-06-04 20:00"], [], id="variant-iso-range-line-stays"),
    pytest.param("国家税务总局某省税务局关于系统升级暂停服务的通告\n国家税务总局某省税务局通告2021年第6号\n发布日期：2021-12-28　信息来源：纳税服务处　【打印】【关闭】\n为提升系统运行效率，现将有关事项通告如下：",
                 ["国家税务总局某省税务局通告2021年第6号"], ["发布日期", "2021-12-28"], id="info-line-under-document-number"),
    pytest.param("某市医疗保障局关于系统切换的通知\n某医保发〔2022〕3号\n发布日期:2022-03-01 来源:某市医疗保障局\n各定点医药机构:\n现将有关事项通知如下:",
                 ["某医保发〔2022〕3号"], ["发布日期", "2022-03-01"], id="variant-info-line-under-bracketed-document-number"),
    pytest.param("关于医保系统切换的公告\n各定点医药机构:\n现将切换安排通知如下:\n时间 | 地点 | 业务\n1月1日 | 市民中心 | 医保结算",
                 ["时间 | 地点 | 业务"], [], id="near-miss-a-table-header-with-a-date-label-stays"),    pytest.param("国家税务总局某省税务局关于系统升级暂停服务的通告\n国家税务总局某省税务局通告 2023 年第 2 号\n发布日期:2023-06-20 信息来源:纳税服务处\n为提升系统运行效率,现将有关事项通告如下:",
                 ["国家税务总局某省税务局通告 2023年第 2号"], ["发布日期", "2023-06-20"], id="info-line-under-a-spaced-document-number"),
    pytest.param("关于医保系统升级的通知\n系统将于6月1日20时至6月2日8时升级。\n特此通知。\n某市医疗保障局\n2024年5月20日\n【打印本页】【关闭窗口】\n上一篇:关于2024年度缴费的通知\n下一篇:6月3日起恢复办理",
                 ["2024年5月20日"], ["打印本页", "关闭窗口", "上一篇", "6月3日起恢复办理"], id="a-row-of-bracketed-page-actions-ends-the-body"),
    pytest.param("关于医保系统升级的通知\n系统将于6月1日20时至6月2日8时升级。\n[打印] [关闭]\n相关链接 6月3日起恢复办理",
                 [], ["[打印]", "6月3日起恢复办理"], id="variant-square-bracketed-page-actions"),
    pytest.param("关于医保系统升级的通知\n6月1日起关闭旧版网上服务大厅,打印功能迁移至新版。\n请参保人留意。",
                 ["6月1日起关闭旧版网上服务大厅,打印功能迁移至新版。", "请参保人留意。"], [], id="near-miss-a-sentence-about-closing-and-printing-stays"),
    pytest.param("青禾医保停机通告\n导读:本文将为大家整理青禾医保停机通告,详情见正文~ " + "系统将于3月9日切换,期间暂停医保结算,请参保人合理安排就医。" * 12,
                 ["导读:本文将为大家整理青禾医保停机通告,详情见正文~ " + "系统将于3月9日切换,期间暂停医保结算,请参保人合理安排就医。" * 12],
                 [], id="a-run-of-text-opening-with-a-lead-in-is-no-chrome"),
    pytest.param("关于医保系统切换的通告\n各参保单位:\n医保结算恢复时间 2025-03-12\n请合理安排就医。",
                 ["医保结算恢复时间 2025-03-12"], [], id="near-miss-a-dated-line-in-the-text-is-no-headline"),
    pytest.param("导读:小编整理了青禾医保停机的公告原文。\n青禾市医疗保障局关于系统切换的通告 2025-03-02\n各参保单位:\n系统将于3月9日切换。",
                 ["青禾市医疗保障局关于系统切换的通告"], ["2025-03-02"], id="a-dated-heading-under-a-lead-in"),
]


@pytest.mark.parametrize("text, present, absent", BODY_LINES)
def test_body_lines(text: str, present: list[str], absent: list[str]) -> None:
    body = clean_page(normalize_text(text)).body_text
    for line in present:
        assert line in body.split("\n"), line
    for fragment in absent:
        assert fragment not in body, fragment


SKIPPED_SIGNATURES = [
    pytest.param("一、时间\n2019年8月21日20时起暂停。\n国家税务总局北京市税务局\n2019年8月14日", ["2019年8月14日"], id="arabic"),
    pytest.param("一、时间\n二〇二二年三月三十一日起暂停。\n某某社会保险中心\n二〇二二年三月二十五日", ["二〇二二年三月二十五日"], id="chinese-numerals"),
]


@pytest.mark.parametrize("text, spans", SKIPPED_SIGNATURES)
def test_signature_date_span_is_skipped(text: str, spans: list[str]) -> None:
    page = clean_page(text)
    assert [page.body_text[s:e] for s, e in page.skip_spans] == spans


FORUM_REPLIES_CUT = [
    # (page text, a reply line that must not be in the body)
    pytest.param("关于停机的公告\n\n3月11日起停机。\n\n回复 支持(12) 反对(0)\n沙发 老王 发表于 2022-03-04 10:02:18\n收到", "收到", id="sofa"),
    pytest.param("关于停机的公告\n\n3月11日起停机。\n#2 网友 发表于 2022-03-04 10:02\n谢谢分享", "谢谢分享", id="hash-floor"),
    pytest.param("关于停机的公告\n\n3月11日起停机。\n网友甲 发表于 2022-03-04 10:02\n请问药店能刷卡吗?", "请问药店能刷卡吗?", id="bare-reply-stamp"),
]


@pytest.mark.parametrize("text, reply", FORUM_REPLIES_CUT)
def test_forum_replies_end_the_body(text: str, reply: str) -> None:
    page = clean_page(normalize_text(text))
    assert "3月11日起停机。" in page.body_text
    assert reply not in page.body_text
    assert "发表于" not in page.body_text


THREAD_UNDER_PAGE_TITLE = [
    # (thread title line under the page's title, the post's stamp): a page that prints the notice's
    # title over a forum thread; the stamp under the thread's title dates the post, it is no reply
    pytest.param("某市医保3月停机切换,这几天看病买药注意了!", "楼主 小管家 发表于 2022-03-04 09:26:31 | 只看该作者", id="headline-with-!"),
    pytest.param("某市医保信息系统停机切换期间暂停相关业务", "发表于 2021-11-25 08:48:59 | 显示全部楼层 |阅读模式", id="headline-bare"),
    pytest.param("医保停机期间还能刷卡买药吗?", "网友 发表于 2022-1-4 09:12:35", id="headline-question"),
]


@pytest.mark.parametrize("thread_title, stamp", THREAD_UNDER_PAGE_TITLE)
def test_post_stamp_under_a_thread_title_is_no_reply(thread_title: str, stamp: str) -> None:
    text = (f"某市医疗保障局关于医保系统切换的公告\n{thread_title}\n{stamp}\n转自某市医保公众号:\n"
            "3月11日18时至3月18日8时全市医保系统停机。\n\n回复 支持(2) 反对(0)\n沙发 老王 发表于 2022-03-04 10:02:18\n收到,谢谢")
    page = clean_page(normalize_text(text), PageHints(title="某市医疗保障局关于医保系统切换的公告"))
    assert page.title == "某市医疗保障局关于医保系统切换的公告"
    assert "3月11日18时至3月18日8时全市医保系统停机。" in page.body_text
    assert "收到,谢谢" not in page.body_text  # the reply's stamp (the second) still ends the body
    assert "发表于" not in page.body_text


def test_table_header_rows_stay_in_the_body() -> None:
    page = clean_page(normalize_text(
        "关于系统停机的公告\n一、停机安排\n业务类别 | 停机时间 | 恢复时间\n医保经办服务 | 2021年11月12日17:00 | 2021年11月22日8:30\n"
        "二、咨询电话\n单位 | 电话\n市医疗保障服务热线 | 12393"))
    lines = page.body_text.split("\n")
    assert "业务类别 | 停机时间 | 恢复时间" in lines
    assert "单位 | 电话" in lines
    nav = clean_page("网站首页 | 医院概况 | 医疗服务 | 联系我们\n关于系统停机的公告\n一、2021年11月12日起暂停办理。")
    assert "网站首页" not in nav.body_text


BYLINE_ACCOUNTS = [
    # (page text, account names read from the byline under the title)
    pytest.param("医保系统切换这几天暂停结算\n青禾医保 2023-12-28 18:00 发表于某省\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 ["青禾医保"], id="wechat-byline-account"),
    pytest.param("医保系统切换这几天暂停结算\n原创 青禾医保 青禾市医疗保障局 2023-12-28\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 [], id="near-miss-a-formal-body-on-the-byline-is-the-issuer"),
    pytest.param("医保系统切换这几天暂停结算\n网络整理 2023-12-28\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                 [], id="near-miss-a-compiler-credit-is-no-account"),
]


@pytest.mark.parametrize("text, accounts", BYLINE_ACCOUNTS)
def test_byline_accounts(text: str, accounts: list[str]) -> None:
    page = clean_page(normalize_text(text))
    assert page.accounts == accounts
    assert page.publisher == ("青禾市医疗保障局" if "青禾市医疗保障局" in text else None)


def test_byline_account_tells_the_place(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text("医保系统切换这几天暂停结算\n洛阳医保 2023-12-28 18:00 发表于河南\n因系统切换,2024年1月1日至1月2日暂停医保结算。",
                    encoding="utf-8")
    notice = _parse(path)
    assert (notice.province, notice.city, notice.publisher) == ("河南省", "洛阳市", None)
