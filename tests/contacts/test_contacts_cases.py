"""Case tables for the contacts extractor: which phones a text holds, and whose they are.

Rows are ``(text, area_code, expected)``; texts are normalized notice text (half-width,
simplified) unless a row says otherwise. Grouped by origin: real notices (lines taken from the
corpus and seeds), number forms, traps (things that look like numbers but are not phones),
attribution, bugs caught, and known failures (``xfail(strict=True)``).
"""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest

from pipeline.contacts import extract_contacts
from pipeline.places import locate
from pipeline.records import CONTACT_KINDS


def case(text: str, area: str | None, expected: Any, id: str, *, xfail: str | None = None) -> Any:
    """One table row with a readable id (and an xfail mark for known failures)."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, area, expected, id=id, marks=marks)


# --- phones found: real notices ---------------------------------------------------------------
REAL = [
    case("忻州市医保中心    0350-3032798综合科", "0350", ["0350-3032798"], "xinzhou-glued-department"),
    case("五台山风景区社保中心0350-8759100", "0350", ["0350-8759100"], "xinzhou-org-glued-to-number"),
    case("河曲县医保中心    0350-7227910(居民)\n\n0350-7228686(职工)", "0350",
         ["0350-7227910", "0350-7228686"], "xinzhou-bracket-notes"),
    case("代县医保中心      0350-5228558\n\n0350-6100995", "0350", ["0350-5228558", "0350-6100995"],
         "xinzhou-second-number-own-line"),
    case("市本级业务联系电话:职工医疗(生育)保险待遇业务:2886097;城乡居民医疗保险待遇业务:2883019;"
         "定点机构管理业务:2886087。", "0773", ["0773-2886097", "0773-2883019", "0773-2886087"],
         "guilin-bare-locals-get-area-code"),
    case("四、咨询电话\n市本级 0818-3091543\n通川区 0818-2149082\n渠 县 0818-7215885", "0818",
         ["0818-3091543", "0818-2149082", "0818-7215885"], "dazhou-county-list"),
    case("停机期间,如有疑问,可拨打0531-12345市民热线进行咨询。", "0531", ["0531-12345"],
         "jinan-hotline-with-area-code"),
    case("有疑问的 , 请拨打0791-12345或12329住房公积金服务热线 , 谢谢配合 。", "0791",
         ["0791-12345", "12329"], "nanchang-two-hotlines"),
    case("如需帮助,可咨询主管税务机关或拨打12366纳税服务热线。", "010", ["12366"],
         "beijing-tax-hotline"),
    case("广西“数字人社”网上服务大厅(网址:http://rswb.gx12333.net)、“桂林人社”微信公众号", "0773", [],
         "guilin-url-12333-not-hotline"),
    case("《自治区医保局关于做好全区医疗保障信息系统切换上线工作的通知》(桂医保发〔2020〕21号)", "0773", [],
         "guilin-document-number"),
    case("每月186.45元(含大病医疗补助费5元和", "0574", [], "ningbo-money"),
    case("查看 12653 回复 0\n发表于 2021-11-26 09:17:42 | 显示全部楼层", "0724", [],
         "jingmen-forum-counts-and-timestamp"),
    case("1.2021年9月23日8:00起,暂停为用人单位核定", "0728", [], "tianmen-list-number-and-date"),
    case("时间:2021-10-11       大    中    小", "0350", [], "xinzhou-header-date"),
    case("分中心原来的网站、手机客户端、公众号和12329热线等外部渠道,12月28日起全部停用",
         "0791", ["12329"], "nanchang-hotline-as-channel"),
]

# --- phones found: number forms ---------------------------------------------------------------
FORMS = [
    case("咨询电话:0350-3032798", None, ["0350-3032798"], "dashed-landline"),
    case("电话(0350)3032798", None, ["0350-3032798"], "bracketed-area-code"),
    case("电话(0350)-3032798", None, ["0350-3032798"], "bracketed-area-code-and-dash"),
    case("电话 0350 3032798", None, ["0350-3032798"], "space-after-area-code"),
    case("电话03503032798", None, ["0350-3032798"], "area-code-glued"),
    case("电话0350—3032798", None, ["0350-3032798"], "em-dash"),
    case("电话:010-84501234", None, ["010-84501234"], "beijing-three-digit-code"),
    case("电话:021-63211234", None, ["021-63211234"], "shanghai-eight-digits"),
    case("电话:021-6321 1234", None, ["021-63211234"], "eight-digits-split-four-four"),
    case("电话:0300-2345678", None, ["0300-2345678"], "landline-unknown-to-phonenumbers-kept"),
    case("联系电话:2886097", "0773", ["0773-2886097"], "local-gets-city-code"),
    case("联系电话:2886097", "773", ["0773-2886097"], "city-code-without-leading-zero"),
    case("联系电话:2886097", None, ["2886097"], "local-without-known-code-stays-bare"),
    case("电话:63211234", "021", ["021-63211234"], "local-eight-digits"),
    case("市医保局:2886097\n市社保中心:2883019", "0773", ["0773-2886097", "0773-2883019"],
         "bare-locals-after-named-bodies"),
    case("电话:0350-3031029;咨询:3032386", None, ["0350-3031029", "0350-3032386"],
         "local-takes-code-of-notice-landlines"),
    case("0350-3032798/3032386", None, ["0350-3032798", "0350-3032386"], "slash-group"),
    case("电话:0350-3032798、3032386", None, ["0350-3032798", "0350-3032386"], "enumeration-group"),
    case("请拨打0350-3032798或3032386", None, ["0350-3032798", "0350-3032386"], "or-group"),
    case("0350-3032798 / 3033232 / 3032386", "0773",
         ["0350-3032798", "0350-3033232", "0350-3032386"], "group-code-beats-city-code"),
    case("0350-3032798;0350-3033232", None, ["0350-3032798", "0350-3033232"], "semicolon-list"),
    case("0350-3032798转801", None, ["0350-3032798"], "extension-zhuan"),
    case("0350-3032798-801", None, ["0350-3032798"], "extension-dash"),
    case("手机:18906112333", None, ["18906112333"], "mobile"),
    case("189-0611-2333", None, ["18906112333"], "mobile-dashed"),
    case("+86 18906112333", None, ["18906112333"], "mobile-country-code"),
    case("联系人:张三 13800138000", None, ["13800138000"], "mobile-after-name"),
    case("拨打12393医保服务热线", None, ["12393"], "hotline-12393"),
    case("人社服务热线12333", None, ["12333"], "hotline-name-before"),
    case("12345市长热线", None, ["12345"], "hotline-12345"),
    case("服务热线:0771-12393", None, ["0771-12393"], "hotline-with-area-code"),
    case("010-12345", None, ["010-12345"], "hotline-with-three-digit-code"),
    case("拨打95518咨询", None, ["95518"], "unlisted-short-number-with-cue"),
    case("服务热线:400-800-1234", None, ["400-800-1234"], "toll-free-400"),
    case("服务热线:400 800 1234", None, ["400-800-1234"], "toll-free-spaced"),
    case("０３５０－３０３２７９８", None, ["0350-3032798"], "full-width-unnormalized"),
    case("咨询电话:\n市本级 3091543\n通川区 2149082", "0818", ["0818-3091543", "0818-2149082"],
         "bare-locals-under-cue-heading"),
    case("同一号码:0350-3032798。如有疑问请拨打0350-3032798。", None, ["0350-3032798"],
         "repeated-number-once"),
    # a list of numbers run into one line (tests/rewrites.py joined_paragraphs): a place that opens
    # the next label with a measure word's character (个旧市) is no unit after the number before it
    case("五、咨询电话 青禾州医保局:0873-3100001 青禾市医保局:3100002 个旧市医保局:3100003", None,
         ["0873-3100001", "0873-3100002", "0873-3100003"], "run-together-list-next-label-is-no-unit"),
    case("共3725088 个参保人", None, [], "near-miss-a-count-with-a-blank-before-its-unit"),
]

# --- nothing found: traps ---------------------------------------------------------------------
TRAPS = [
    case("联系电话:20210315", "021", [], "date-eight-digits"),
    case("于2021年3月15日起暂停", "0350", [], "date-with-units"),
    case("2021-11-27 08:48:59", "0350", [], "timestamp"),
    case("11:45:39", None, [], "clock-time"),
    case("1.10月11日前", None, [], "list-number-glued-to-date"),
    case("桂医保发〔2020〕21号", None, [], "document-number"),
    case("第12345号", None, [], "ordinal-serial"),
    case("邮编 034000", None, [], "postcode"),
    case("邮编:034000,电话:0350-3032798", None, ["0350-3032798"], "postcode-then-phone"),
    case("邮编:0350302", "0350", [], "postcode-like-local"),
    case("身份证号:110101199003071234", None, [], "id-number"),
    case("身份证号:11010119900307123X", None, [], "id-number-with-x"),
    case("每月221.67元", None, [], "money-decimal"),
    case("咨询电话:参保人数达1234567人", "0350", [], "count-with-unit"),
    case("本次共涉及2886097名参保人", "0773", [], "count-without-cue"),
    case("共计2886097", "0773", [], "bare-seven-digits-without-cue"),
    case("编号2886097", "0773", [], "serial-number"),
    case("电话3032798.5", "0350", [], "decimal-number"),
    case("电话:2886097%", "0773", [], "percentage"),
    case("共95518人", None, [], "unlisted-short-number-count"),
    case("13800138000元", None, [], "mobile-shaped-money"),
    case("网址:http://rswb.gx12333.net", None, [], "url-with-scheme"),
    case("rswb.gx12333.net", None, [], "bare-domain"),
    case("www.12333.gov.cn", None, [], "www-domain"),
    case("E-mail:28860970@qq.com", "0350", [], "email"),
    case("附件:20210315123456.jpg", None, [], "image-file-name"),
    case("账号:6222021234567890123", None, [], "bank-account"),
    case("开户行账号:35021234567", "0350", [], "bank-account-eleven-digits"),
    case("QQ:28860970", "0350", [], "qq-number"),
    case("联系电话:123456789012", None, [], "twelve-digits"),
    case("12345678", None, [], "eight-digits-starting-with-one"),
    case("浏览次数:12345", None, [], "page-counter"),
    case("截至目前共2886097", "0773", [], "bare-local-after-words-not-a-body"),
    case("", None, [], "empty-text"),
    case("   \n ", None, [], "blank-text"),
]

PHONE_ROWS = REAL + FORMS + TRAPS + [
    # --- bugs caught ---
    case("0350-3032798人事科", None, ["0350-3032798"], "bug-unit-char-in-department-name"),
    case("电话:0350-3032798 通川区 0818-2149082", None, ["0350-3032798", "0818-2149082"],
         "bug-two-rows-on-one-line"),
    # a unit character (人, 个) that starts a hotline's own name is not a quantity; a count stays one
    case("如有疑问,可拨打12333人社服务热线,或致电市社会保险中心22522333、22519050咨询。", "0595",
         ["12333", "0595-22522333", "0595-22519050"], "bug-quanzhou-hotline-name-starts-with-ren"),
    case("请拨打12366个税服务热线", None, ["12366"], "bug-hotline-name-starts-with-ge"),
    case("可拨打12333人社咨询电话", None, ["12333"], "bug-hotline-service-phone-name-after-number"),
    case("12333 人社热线", None, ["12333"], "bug-hotline-name-after-a-space"),
    case("共12333人拨打热线", None, [], "bug-count-calling-a-hotline-stays-a-count"),
    case("累计12333人次通过热线咨询", None, [], "bug-count-of-calls-stays-a-count"),
    case("参保人数达1234567人,热线电话", "0350", [], "bug-count-then-comma-then-hotline-word"),
    # a phone table copied one cell per line under a cue heading: org, then its numbers alone
    case("各区县医保经办机构咨询电话\n单位\n电话1\n电话2\n市医保中心\n3183012\n3183026\n张店区\n"
         "2181503\n淄川区\n5183366", "0533",
         ["0533-3183012", "0533-3183026", "0533-2181503", "0533-5183366"],
         "bug-zibo-table-one-cell-per-line"),
    case("联系电话\n序号\n单位名称\n联系电话\n1\n市社保中心\n2886097\n2\n临桂区医保局\n5582233\n"
         "13800138000", "0773", ["0773-2886097", "0773-5582233", "13800138000"],
         "bug-table-one-cell-per-line-with-serial-column"),
    case("咨询电话:\n\n市医保中心\n\n3183012\n\n高新区\n\n3588066", "0533",
         ["0533-3183012", "0533-3588066"], "bug-cell-per-line-table-with-blank-lines"),
    case("咨询电话\n停机期间各经办窗口暂停办理业务。\n2886097", "0773", [],
         "bug-running-text-line-closes-the-cue-block"),
    case("咨询电话\n市医保中心\n五、其他事项\n2886097", "0773", [],
         "bug-new-section-heading-closes-the-cue-block"),
    # real-corpus rules (round 2), in our own words
    # an app, account or platform name holding digits is no phone
    case("车主可下载“交管12123”APP在线处理违法记录。", None, [], "app-name-in-quotes-then-app"),
    case("届时交管12123APP、12123语音服务平台暂停服务。", None, [], "app-and-voice-platform-names"),
    case("关注广西税务12366微信公众号获取办税提醒。", None, [], "variant-account-name-with-hotline-digits"),
    case("可通过“掌上12333”小程序查询。咨询电话:12333", None, ["12333"], "variant-app-name-then-the-line-itself"),
    case("请拨打12345热线平台反映诉求。", None, ["12345"], "near-miss-hotline-platform-is-a-line"),
    # a trap word of the sentence before does not reach a number after the sentence end
    case("请各网点及时回复。 4、12329服务热线做好解答准备。", None, ["12329"], "trap-word-stops-at-sentence-end"),
    case("请回复12329至短信平台", None, [], "near-miss-trap-word-in-the-same-sentence"),
    # a bank's or insurer's 95xxx service line needs no cue word; an unlisted 96xxx still does
    case("缴费可通过建设银行95533或工商银行95588办理。", None, ["95533", "95588"], "bank-95xxx-lines-without-cue"),
    case("本期共95012份问卷收回,网点编号96118。", None, [], "near-miss-95xxx-count-and-96xxx-without-cue"),
    # a number on a footer line of the website is not the notice's
    case("咨询电话:0771-5551234\n主办单位:某市人民政府办公室 联系电话:0771-5550000 桂ICP备12345678号", "0771",
         ["0771-5551234"], "footer-line-number-is-the-sites"),
    case("技术支持:0771-5559876", "0771", ["0771-5559876"], "near-miss-technical-support-line-kept"),
    # --- known failures ---
    case("电话:0350-3032798/86", None, ["0350-3032798", "0350-3032786"], "abbreviated-second-number",
         xfail="short tails (/86 = last digits replaced) are not expanded"),
    case("电话:零三五零-三零三二七九八", None, ["0350-3032798"], "chinese-numeral-digits",
         xfail="numbers written in Chinese numerals are not read"),
    case("联系电话:20210315", "021", ["021-20210315"], "shanghai-number-shaped-like-a-date",
         xfail="8-digit locals that read as a date are always taken for dates"),
]


@pytest.mark.parametrize("text, area_code, expected", PHONE_ROWS)
def test_phones(text: str, area_code: str | None, expected: list[str]) -> None:
    found = extract_contacts(text, area_code)
    assert [c.phone for c in found] == expected
    for c in found:
        assert c.evidence == text[c.span_start:c.span_end]
        assert c.kind in CONTACT_KINDS
        if c.phone_e164 is not None:
            assert phonenumbers.is_valid_number(phonenumbers.parse(c.phone_e164))


# --- attribution: organization, department, note, kind, E.164, extension ------------------------
def fields(**kw: Any) -> dict[str, Any]:
    """Expected fields of one contact (only those given are compared)."""
    return kw


ATTRIBUTION_ROWS = [
    # real notices
    case("忻州市医保中心    0350-3032798综合科\n\n0350-3033232征缴科", "0350",
         [fields(phone="0350-3032798", organization="忻州市医保中心", department="综合科"),
          fields(phone="0350-3033232", organization="忻州市医保中心", department="征缴科")],
         "real-department-after-number-and-carried-org"),
    case("渠 县 0818-7215885", "0818", [fields(organization="渠县", department=None)],
         "real-space-inside-county-name"),
    case("市本级 0818-3091543", "0818", [fields(organization="市本级")], "real-city-level"),
    case("河曲县医保中心    0350-7227910(居民)", "0350",
         [fields(organization="河曲县医保中心", note="居民", department=None)], "real-bracket-note"),
    case("偏关县医保中心    0350-8956009\n\n0350-7659887\n\n岢岚县医保中心    0350-4533119", "0350",
         [fields(organization="偏关县医保中心"), fields(organization="偏关县医保中心"),
          fields(organization="岢岚县医保中心")], "real-lone-line-belongs-to-row-above"),
    case("市本级业务联系电话:职工医疗(生育)保险待遇业务:2886097", "0773",
         [fields(phone="0773-2886097", organization="市本级", note="职工医疗(生育)保险待遇业务",
                 phone_e164="+867732886097", kind="landline")], "real-sentence-owner-and-label-note"),
    case("如需帮助,可咨询主管税务机关或拨打12366纳税服务热线。", None,
         [fields(phone="12366", kind="hotline", phone_e164=None, note="纳税服务热线",
                 organization="主管税务机关")], "real-hotline-name-after-number"),
    case("可拨打0531-12345市民热线进行咨询。", None,
         [fields(phone="0531-12345", kind="hotline", phone_e164=None, note="市民热线")],
         "real-area-hotline-note"),
    case("铁路分中心官方网站、12329热线等外部渠道停用。如有疑问,请拨打12329住房公积金服务热线。", None,
         [fields(phone="12329", note="住房公积金服务热线", organization=None)],
         "real-best-mention-is-the-call"),
    # constructed
    case("参保登记0531-86001234", None, [fields(note="参保登记", organization=None)],
         "label-before-number-is-note"),
    case("忻州市医保中心综合科0350-3032798", None,
         [fields(organization="忻州市医保中心", department="综合科")], "org-and-department-label"),
    case("市医保局参保登记窗口:0350-3032798", None,
         [fields(organization="市医保局", department="参保登记窗口")], "org-and-window-label"),
    case("0350-3032798(综合科)", None, [fields(department="综合科", note=None)],
         "bracket-department"),
    case("联系电话:0350-3032798(市医保中心)", None, [fields(organization="市医保中心")],
         "bracket-organization"),
    case("24小时值班电话:0350-3032798", None, [fields(note="24小时值班")], "note-24-hours"),
    case("传真:0350-3032798", None, [fields(note="传真")], "note-fax"),
    case("0773-2886097(工作日)", None, [fields(note="工作日")], "note-working-days"),
    case("由忻州市医保中心负责解释,咨询电话:0350-3032798", None,
         [fields(organization="忻州市医保中心")], "sentence-owner-before-label"),
    case("忻州市医保中心:\n0350-3032798\n0350-3033232", None,
         [fields(organization="忻州市医保中心"), fields(organization="忻州市医保中心")],
         "heading-line-names-owner"),
    case("3  宁武县医保中心  0350-4722786", None, [fields(organization="宁武县医保中心")],
         "table-row-serial-number"),
    case("单位名称:宁武县 联系电话:0350-4722786", None, [fields(organization="宁武县")],
         "name-before-cue-in-the-same-cell"),
    case("五 台 县 0350-8759051", None, [fields(organization="五台县")],
         "spaced-out-county-name"),
    case("地址:忻州市七一北路12号 电话:0350-3032798", None,
         [fields(organization=None, note=None)], "address-is-not-a-note"),
    case("全国统一医保服务热线12393", None, [fields(note="全国统一医保服务热线")],
         "hotline-name-before-number"),
    case("参保人员在系统切换期间如需办理业务可拨打0350-3032798", None,
         [fields(organization=None, note=None)], "running-text-is-not-a-note"),
    case("0350-3032798转801", None, [fields(extension="801", evidence="0350-3032798转801")],
         "extension-kept"),
    case("手机:18906112333", None,
         [fields(kind="mobile", phone_e164="+8618906112333")], "mobile-e164"),
    case("电话:0300-2345678", None, [fields(phone="0300-2345678", phone_e164=None)],
         "landline-unknown-to-phonenumbers-has-no-e164"),
    case("咨询电话:0350-3032798", None,
         [fields(kind="landline", phone_e164="+863503032798")], "landline-e164"),
    case("联系电话:2886097", None, [fields(phone="2886097", phone_e164=None)],
         "bare-local-has-no-e164"),
    case("拨打12393", None, [fields(note="医保服务热线", kind="hotline")],
         "hotline-listed-name-when-text-names-none"),
    case("0350-3032798/3032386(居民)", None,
         [fields(phone="0350-3032798"), fields(phone="0350-3032386", note="居民")],
         "group-member-own-note"),
    case("代县医保中心 0350-5228558/6100995", None,
         [fields(organization="代县医保中心"), fields(organization="代县医保中心")],
         "group-shares-organization"),
    case("医保服务热线(12393)", None, [fields(note="医保服务热线", kind="hotline")],
         "number-in-brackets-after-its-name"),
    case("市本级(0818-3091543)", None, [fields(organization="市本级")],
         "number-in-brackets-after-its-owner"),
    case("联系电话:0735-2222222(白天)、0735-2333333(夜间)", None,
         [fields(note="白天"), fields(note="夜间")], "two-numbers-two-notes"),
    # bugs caught
    case("请于工作日前往办理(咨询电话:0735-2222222)。", None, [fields(note=None)],
         "bug-sentence-before-bracketed-cue-became-note"),
    case("电话:0350-3032798 传真:0350-3032386", None,
         [fields(note=None), fields(note="传真")], "bug-next-label-taken-as-suffix-note"),
    case("参保单位可通过电话0350-3032798或手机13800138000联系。", None,
         [fields(note=None), fields(kind="mobile")], "bug-clause-before-cue-became-note"),
    case("铁路分中心的12329热线停用。\n\n如有疑问,请拨打0791-12345。", None,
         [fields(phone="12329"), fields(phone="0791-12345", organization=None)],
         "bug-list-owner-leaked-into-later-sentence"),
    case("各县医保经办机构、手机客户端停用,咨询:2886097", "0773",
         [fields(phone="0773-2886097")], "bug-shouji-kehuduan-is-not-a-cue-but-zixun-is"),
    case("咨询电话\n单位\n电话1\n电话2\n市医保中心\n3183012\n3183026\n张店区\n2181503", "0533",
         [fields(phone="0533-3183012", organization="市医保中心"),
          fields(phone="0533-3183026", organization="市医保中心"),
          fields(phone="0533-2181503", organization="张店区")], "bug-cell-per-line-table-owner-above"),
    case("联系电话\n序号\n单位名称\n联系电话\n1\n市社保中心\n2886097\n2\n临桂区医保局\n5582233", "0773",
         [fields(organization="市社保中心"), fields(organization="临桂区医保局")],
         "bug-cell-per-line-table-serial-cells-carry-no-owner"),
    case("拨打12333人社服务热线", None, [fields(phone="12333", note="人社服务热线", kind="hotline")],
         "bug-hotline-glued-name-starting-with-unit-is-its-note"),
]


@pytest.mark.parametrize("text, area_code, expected", ATTRIBUTION_ROWS)
def test_attribution(text: str, area_code: str | None, expected: list[dict[str, Any]]) -> None:
    found = extract_contacts(text, area_code)
    assert len(found) == len(expected)
    for contact, want in zip(found, expected):
        got = {key: getattr(contact, key) for key in want}
        assert got == want


@pytest.mark.parametrize("text, publisher, expected", [
    pytest.param("三亚市:88362705\n儋州市:23882163", "海南省医疗保障局", ["0898-23882163", "0898-88362705"],
                 id="hainan-province-notice-bare-numbers"),
    pytest.param("省社保中心咨询电话:65396210", "海南省人力资源和社会保障厅", ["0898-65396210"],
                 id="variant-hainan-social-security-office"),
])
def test_province_level_place_lends_its_single_area_code(text: str, publisher: str, expected: list[str]) -> None:
    # bug caught (extra2 hainan-2021): a province whose cities all dial one code gives bare numbers that code
    place = locate(text, publisher=publisher)
    assert place.city is None
    assert sorted(c.phone for c in extract_contacts(text, place.area_code)) == expected


def test_table_is_big_enough() -> None:
    assert len(PHONE_ROWS) + len(ATTRIBUTION_ROWS) >= 60
