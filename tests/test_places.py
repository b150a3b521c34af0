"""Case tables for place resolution, and the schema of ``rules/divisions.csv``.

Rows are ``(text, title, publisher, expected)`` with ``expected = (province, city)``; texts are
normalized notice text (half-width, simplified). Grouped by origin: real notices (lines from the
corpus and seeds), rules (each signal on its own), traps (words that look like places but are
not), bugs caught, and known failures (``xfail(strict=True)``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.places import area_code_for, cities_for_area_code, division, locate
from pipeline.ruledata import load_csv, load_yaml

Expected = tuple[str | None, str | None]


def case(text: str, expected: Expected, id: str, *, title: str | None = None,
         publisher: str | None = None, xfail: str | None = None) -> Any:
    """One table row with a readable id (and an xfail mark for known failures)."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, title, publisher, expected, id=id, marks=marks)


NONE: Expected = (None, None)

# --- real notices (constructions of the dev notices in our own words; lines of the seeds) --------
REAL = [
    case("中国政府网 山西省政府 忻州市政府\n按照省医疗保障局统一安排部署,经市政府同意,忻州市目前在用的医保信息系统",
         ("山西省", "忻州市"), "xinzhou-header-chrome-and-body"),
    case("按照省医疗保障局统一安排部署", ("山西省", "忻州市"), "xinzhou-publisher",
         publisher="忻州市医疗保障局"),
    case("(一)9月14日零时起,全州医保经办服务大厅暂停办理个人医保经办业务",
         ("新疆维吾尔自治区", "巴音郭楞蒙古自治州"), "bazhou-short-name-in-title",
         title="巴州关于国家医疗保障信息平台系统切换停机的通告"),
    case("注:全市职工医保以及余姚、奉化、宁海、象山的居民医保参保人不受影响。",
         ("浙江省", "宁波市"), "ningbo-county-list"),
    case("四、咨询电话\n市本级 0818-3091543\n通川区 0818-2149082\n达川区 0818-2100366\n万源市 0818-8622262\n"
         "渠 县 0818-7215885\n开江县 0818-2809116\n停机期间,四川医保APP等省本级医保公共服务暂停办理",
         ("四川省", "达州市"), "dazhou-county-phone-list"),
    case("停机影响业务范围:\n全市基本养老保险、工伤保险\n停机期间,如有疑问,可拨打0531-12345市民热线",
         ("山东省", "济南市"), "jinan-area-code-only"),
    case("9月3日,省医保局发布消息,省医保中心将停用省直医保业务系统", ("山西省", None),
         "shanxi-shengzhi-province-publisher", publisher="山西省医疗保障局"),
    case("时间:2021-09-05 来源:山西省人民政府门户网站\n省医保中心将停用省直医保业务系统,暂停“山西医保”微信公众号",
         ("山西省", None), "shanxi-shengzhi-no-metadata"),
    case("全市使用ITS大厅端、扣缴客户端办税的渠道。", ("北京市", "北京市"), "beijing-tax-municipality-publisher",
         publisher="国家税务总局北京市税务局"),
    case("本市医保核心系统将切换到湖北省医疗保障信息平台;切换安排将在天门日报、天门电视台、天门市政府网站和"
         "天门市医保局公众号等媒体公布", ("湖北省", "天门市"), "tianmen-direct-county-level-city"),
    case("今天下午5点起郑州全市暂停办理所有医保业务", ("河南省", "郑州市"), "zhengzhou-traditional-publisher",
         publisher="鄭州市醫療保障局"),
    case("根据国家和省医保局部署,今天0时起至10月30日24时,本市停止运行原厦门市医保信息系统",
         ("福建省", "厦门市"), "xiamen-former-system-name"),
    case("9月21日8时起,泰州市医疗保险信息系统正式切换至国家医疗保障信息平台",
         ("江苏省", "泰州市"), "taizhou-jiangsu"),
    case("我市(包括市本级、内五区及长望浏宁地区)医保业务系统将统一切换到湖南省医疗保障信息平台",
         ("湖南省", "长沙市"), "changsha-alias-changwangliuning"),
    case("根据《公告》,11月19日17时起,郑州全市(除巩义外)各级医保经办机构暂停办理所有医保业务",
         ("河南省", "郑州市"), "zhengzhou-excluded-county-still-zhengzhou"),
    case("各参保单位、参保人员:\n根据《自治区医保局关于做好全区医疗保障信息系统切换上线工作的通知》",
         ("广西壮族自治区", "桂林市"), "guilin-publisher-short-name", publisher="桂林医保"),
    case("因业务需要,本中心将在12月25日至次年1月9日进行年度结算", ("江西省", "南昌市"),
         "nanchang-housing-fund-publisher", publisher="南昌住房公积金管理中心"),
]

# --- one signal at a time ---------------------------------------------------------------------
RULES = [
    case("切换到湖北省医疗保障信息平台", ("湖北省", None), "province-inside-platform-name-no-city"),
    case("请登录广西壮族自治区医保网上服务大厅办理", ("广西壮族自治区", None), "region-inside-hall-name-no-city"),
    case("我市医保业务暂停,咨询电话0728-5221234", ("湖北省", None), "shared-area-code-gives-province-only"),
    case("宁海县医疗保障局将暂停办理", ("浙江省", "宁波市"), "county-publisher-gives-its-city",
         publisher="宁海县医疗保障局"),
    case("恩施州医疗保障局关于暂停医保业务的公告", ("湖北省", "恩施土家族苗族自治州"), "autonomous-prefecture-x-zhou"),
    case("仙桃市医保局定于10月1日起暂停业务", ("湖北省", "仙桃市"), "direct-county-level-city-xiantao"),
    case("济源市医疗保障局关于系统切换的通告", ("河南省", "济源市"), "direct-county-level-city-jiyuan"),
    case("海南州医保局关于停机的公告", ("青海省", "海南藏族自治州"), "hainan-prefecture-not-province"),
    case("海南省医疗保障局关于省本级停机的公告", ("海南省", None), "hainan-province-level"),
    case("吉林市医疗保障局关于系统切换的通告", ("吉林省", "吉林市"), "jilin-city"),
    case("医保系统将暂停服务", ("吉林省", None), "jilin-province-publisher", publisher="吉林省医疗保障局"),
    case("上海医保系统将于周末停机维护", ("上海市", "上海市"), "municipality-short-name"),
    case("朝阳区、海淀区、西城区医保中心暂停办理业务", ("北京市", "北京市"), "beijing-districts"),
    case("朝阳区、南关区、宽城区医保经办机构暂停办理业务", ("吉林省", "长春市"), "changchun-districts-same-name-chaoyang"),
    case("鼓楼区医保中心暂停办理业务", NONE, "same-name-district-alone-is-ambiguous"),
    case("福建省福州市鼓楼区医保中心暂停办理业务", ("福建省", "福州市"), "same-name-district-with-city"),
    case("我区医保系统暂停服务", NONE, "same-name-district-publisher-is-a-tie", publisher="鼓楼区医疗保障局"),
    case("我区医保系统暂停服务,南京市医保局统一部署", ("江苏省", "南京市"), "same-name-district-publisher-with-city",
         publisher="鼓楼区医疗保障局"),
    case("乾安县医疗保障局:我县医保系统暂停服务", ("吉林省", "松原市"), "opencc-rewritten-county-name",
         publisher="乾安县医疗保障局"),
    case("襄樊市医疗保险管理处关于暂停业务的通知", ("湖北省", "襄阳市"), "old-city-name-xiangfan"),
    case("奉化市医保中心、余姚市医保中心暂停办理", ("浙江省", "宁波市"), "old-county-name-fenghua-shi"),
    case("全省各市州医保部门:长沙市、株洲市、湘潭市医保局暂停办理业务,湖南省医疗保障局", ("湖南省", None),
         "province-notice-listing-cities"),
    case("全市医保业务暂停。如有疑问请联系南宁市医保局", ("广西壮族自治区", "桂林市"), "publisher-beats-body",
         publisher="桂林市医疗保障局"),
    case("山西大同的参保人可先行垫付", ("山西省", "大同市"), "risky-short-name-after-its-province"),
    case("开封医保经办机构暂停办理业务", ("河南省", "开封市"), "risky-short-name-with-cue"),
    case("长治市医疗保障局关于停机的公告", ("山西省", "长治市"), "risky-short-name-full-form"),
    case("忻州市场监督管理局与医保局联合发布", ("山西省", "忻州市"), "city-name-before-shichang"),
    case("我县医保信息系统将停机切换,请到宁海县医疗保障局服务大厅咨询", ("浙江省", "宁波市"),
         "county-notice-with-county-cue"),
    case("省医保中心将停用省直医保业务系统。咨询电话:0351-4040123、0351-4040456", ("山西省", None),
         "province-notice-with-capital-phone-numbers"),
    case("全省各市医保咨询电话:太原市0351-4040123,大同市0352-2040123,朔州市0349-2040123,忻州市0350-3032798",
         ("山西省", None), "province-wide-phone-list-names-no-city"),
    case("广西壮族自治区医疗保障局:自治区本级及区直单位参保人员暂停办理", ("广西壮族自治区", None),
         "region-level-notice"),
    case("咨询电话0350—3032798,全市暂停办理", ("山西省", "忻州市"), "area-code-with-em-dash"),
]

# --- traps: words that only look like places --------------------------------------------------
TRAPS = [
    case("北京时间2021年10月21日18时起,我市医保系统暂停服务", NONE, "beijing-time"),
    case("请到中山路医保服务大厅办理,或到北京路分中心", NONE, "street-names"),
    case("药品开封后请尽快使用", NONE, "kaifeng-unsealed"),
    case("大理石地面湿滑,请注意安全", NONE, "dali-marble"),
    case("确保长治久安", NONE, "changzhi-in-idiom"),
    case("学习了普通化学知识", NONE, "tonghua-inside-putonghuaxue"),
    case("定于近期召开江北片区工作会议", NONE, "kaijiang-across-word-boundary"),
    case("可延长办理时限至12月31日", NONE, "yanchang-extend"),
    case("比如,参保人可以先行垫付", NONE, "biru-for-example"),
    case("会同有关部门做好解释工作", NONE, "huitong-jointly"),
    case("市场监督管理局提醒", NONE, "shichang-alone"),
    case("大同市场经营户", NONE, "datong-shichang"),
    case("河南平顶山市医保局", ("河南省", "平顶山市"), "henan-pingdingshan-not-nanping"),
    case("来源:天门网", NONE, "host-site-name-not-a-place"),
    case("城区、郊区、矿区的参保人员", NONE, "generic-district-words"),
    case("2021-10-11 时间 0350年", NONE, "digits-that-are-not-phones"),
    case("", NONE, "empty-text"),
    case("各医保定点医药机构、医保定点零售药店暂停医保结算,医保定点医疗机构做好解释", NONE, "baoding-in-yibao-dingdian"),
    case("新平台上线后,城乡居民和职工的资金安全不受影响,确保平安顺利、稳定安全,顺延安排", NONE,
         "names-straddling-two-words"),
]

# --- bugs caught ------------------------------------------------------------------------------
BUGS = [
    case("台州市医疗保障局关于系统切换的公告", ("浙江省", "台州市"), "taizhou-zhejiang-not-jiangsu"),
    case("渠 县 0818-7215885\n宣汉县 0818-5201826", ("四川省", "达州市"), "space-inside-county-name"),
    case("全州各级医保经办机构暂停办理业务", NONE, "quanzhou-means-whole-prefecture"),
    # extra2: the capital's area code alone does not make a province's own notice a city notice
    case("元旦假期全区各办税服务厅按规定休息。\n自治区税务局纳税服务中心:0951-5190621", ("宁夏回族自治区", None),
         "province-heading-capital-area-code", title="国家税务总局宁夏回族自治区税务局关于系统升级暂停服务的通告",
         publisher="纳税服务处"),
    # real (tune half): 公安 in 公安局/公安厅 is an agency word, not 公安县 of 荆州
    case("全省暂停窗口业务", NONE, "gongan-bureau-is-no-county", publisher="省公安厅交通安全管理局"),
    case("市公安局出入境管理支队暂停办证", NONE, "variant-city-gongan-bureau"),
    case("全县医保业务暂停", ("湖北省", "荆州市"), "near-miss-gongan-county-full-name", publisher="公安县医疗保障局"),
    case("咨询电话:0571-87654321、0571-87654322", ("浙江省", None), "variant-province-title-two-capital-phones",
         title="浙江省医疗保障局关于医保信息系统升级的公告"),
    case("全市医保经办机构暂停办理业务。咨询电话:0571-87654321", ("浙江省", "杭州市"),
         "variant-province-title-city-notice-keeps-area-code", title="关于浙江省医保信息系统升级期间暂停业务的公告"),
]

# --- round 2 (issue 13 section 3, "Places"): written anew, each rule with variants and a near miss
ROUND2 = [
    # a firm's or school's name holding a place (南京银行, 四川大学) is not the notice's place
    case("各受托银行(南京银行、宁波银行)网点暂停办理公积金业务", NONE, "bank-names-are-no-places"),
    case("苏州农商银行、江苏银行营业网点同步暂停", NONE, "variant-rural-bank-and-province-bank"),
    case("南京市各银行网点暂停办理公积金业务", ("江苏省", "南京市"), "near-miss-city-then-its-banks"),
    # a quoted app or account name counts only when nothing else names a city
    case("咨询请关注“苏州医保”公众号。全市暂停医保结算,无锡市各定点医院同步暂停。", ("江苏省", "无锡市"),
         "account-name-gives-way-to-a-city"),
    case("全市暂停医保结算,无锡市各定点医院同步暂停,进度可在“苏州人社”手机APP查询", ("江苏省", "无锡市"),
         "variant-app-name-after-the-text"),
    case("停机安排请关注“苏州医保”公众号。", ("江苏省", "苏州市"), "near-miss-the-app-is-all-there-is"),
    # province-level notices: 省直/省本级 and a province's issuer, cities only as examples
    case("省直单位参保人员暂停办理,咨询电话0571-87654321", ("浙江省", None), "province-cue-with-capital-phone"),
    case("全省暂停办理,杭州市、宁波市参保人员可先行垫付", ("浙江省", None), "variant-province-issuer-cities-as-examples",
         publisher="浙江省医疗保障局"),
    case("省本级医保业务暂停,杭州市等地照常办理", ("浙江省", None), "variant-省本级-and-a-city-mentioned"),
]

# --- round 3 (issue 13 section 3, "Places"): written anew, with variants and near misses
ROUND3 = [
    # a province's body named without its province (省…厅, 自治区…局) speaks for a province
    case("全省暂停窗口业务,大连市、沈阳市参保人员可先行垫付", ("辽宁省", None), "bare-province-issuer-no-city",
         publisher="省公安厅交通安全管理局"),
    case("全省医保系统切换,期间暂停医保结算。我省参保人员请于切换前办理。", NONE, "variant-bare-province-bureau",
         publisher="省医疗保障局"),
    case("全区医保系统切换,南宁市参保人员可先行垫付", ("广西壮族自治区", None), "variant-bare-region-bureau",
         publisher="自治区医疗保障局"),
    case("全市医保系统切换,大连市参保人员请注意。", ("辽宁省", "大连市"), "near-miss-a-bare-city-bureau",
         publisher="市医疗保障局"),
    # a system or app named after another place is the product's, not the notice's
    case("全市医保业务暂停,可通过我的南京APP查询,无锡市各定点医院同步暂停。", ("江苏省", "无锡市"),
         "city-named-app-without-quotes"),
    case("本市医保业务暂停,原“广州医保”系统停用,深圳市参保人可先行垫付。", ("广东省", "深圳市"),
         "variant-quoted-system-name"),
    case("原“广州医保”系统停用。", ("广东省", "广州市"), "near-miss-the-system-is-all-there-is"),
]

# --- round 4: a city's service app named without the city's name stands for it
ROUND4 = [
    # (like a short name, one lone mention in the body is too weak)
    case("因平台切换,7月1日至3日社保服务暂停。", ("广东省", "广州市"), "city-app-without-city-name",
         title="“穗好办”社保服务暂停的通知"),
    case("全市暂停通过苏周到APP办理医保业务,苏周到APP将于7月4日恢复。", ("江苏省", "苏州市"), "variant-city-app-unquoted-twice"),
    case("7月1日至3日暂停通过“苏服办”APP办理医保业务。", NONE, "near-miss-a-province-app-names-no-city"),
    # joint issuers of two cities: the first named leads
    case("两市医保系统同步切换,7月1日至3日暂停结算。", ("陕西省", "西安市"), "joint-issuers-first-leads",
         publisher="西安市医疗保障局、咸阳市医疗保障局"),
    case("两地医保系统同步切换,7月1日至3日暂停结算。", ("江苏省", "无锡市"), "variant-joint-issuers-other-order",
         publisher="无锡市医疗保障局、常州市医疗保障局"),
    case("系统切换,7月1日至3日暂停结算。常州市参保人员请留意,常州市各定点医院同步暂停。", ("江苏省", "常州市"),
         "near-miss-the-text-speaks-for-the-second", publisher="无锡市医疗保障局、常州市医疗保障局"),
]


ROUND6 = [
    # the issuer's own name: a firm or school named after a place (a university hospital, a city
    # bank) issuing the notice is of that place, though the same name in the text names none
    case("门诊信息系统7月1日升级,期间暂停挂号。", ("河南省", "郑州市"), "issuer-a-university-hospital",
         publisher="郑州大学第二附属医院"),
    case("网上银行7月1日凌晨系统升级,期间暂停服务。", ("江苏省", "苏州市"), "variant-issuer-a-city-bank",
         publisher="苏州银行"),
    case("7月1日至3日暂停办理公积金业务,郑州大学第二附属医院职工请提前办理。", NONE,
         "near-miss-the-hospital-named-in-the-text-only"),
]


def test_round2_table() -> None:
    assert len(ROUND2) >= 9


@pytest.mark.parametrize("text, sources, publisher, expected", [
    # the issuer's place in a 来源 line counts when the publisher names none
    pytest.param("全市医保系统暂停服务。", ["嘉兴市医疗保障局"], None, ("浙江省", "嘉兴市"), id="source-stands-for-publisher"),
    pytest.param("全市医保系统暂停服务。", ["溫州市醫療保障局"], "市医疗保障服务中心", ("浙江省", "温州市"),
                 id="variant-source-beside-a-bare-publisher-traditional"),
    pytest.param("全省医保系统暂停服务,杭州市参保人可先行垫付。", ["浙江省医疗保障局"], None, ("浙江省", None),
                 id="variant-province-source-no-city"),
    pytest.param("全市医保系统暂停服务,杭州市参保人可先行垫付。", [], None, ("浙江省", "杭州市"), id="near-miss-no-source"),
])
def test_source_place_counts(text: str, sources: list[str], publisher: str | None, expected: Expected) -> None:
    place = locate(text, publisher=publisher, sources=sources)
    assert (place.province, place.city) == expected, place.evidence


# --- known failures ---------------------------------------------------------------------------
KNOWN_FAILURES = [
    case("请到宁海县医疗保障局办理", ("浙江省", "宁波市"), "lone-county-in-body",
         xfail="a single county named once in the body is too weak on purpose (false hits)"),
    case("哈市医保中心暂停办理业务", ("黑龙江省", "哈尔滨市"), "colloquial-hashi",
         xfail="colloquial 哈市/呼市 are not aliases: 哈市/呼市 occur inside ordinary phrases"),
]


@pytest.mark.parametrize("text,title,publisher,expected", REAL + RULES + TRAPS + BUGS + ROUND2 + ROUND3 + ROUND4 + ROUND6 + KNOWN_FAILURES)
def test_locate(text: str, title: str | None, publisher: str | None, expected: Expected) -> None:
    place = locate(text, title=title, publisher=publisher)
    assert (place.province, place.city) == expected, place.evidence


def test_case_table_is_large_enough() -> None:
    assert len(REAL + RULES + TRAPS + BUGS + KNOWN_FAILURES) >= 40


# --- the record a resolved city gets ----------------------------------------------------------
def test_city_fields_and_evidence() -> None:
    place = locate("按照省医疗保障局统一安排部署", publisher="忻州市医疗保障局")
    assert (place.adcode, place.area_code) == ("140900", "0350")
    assert place.evidence == "publisher:忻州市医疗保障局"


def test_county_and_area_code_evidence() -> None:
    place = locate("市本级 0818-3091543\n通川区 0818-2149082\n达川区 0818-2100366")
    assert place.city == "达州市"
    assert "counties:通川区,达川区" in (place.evidence or "")
    assert "area_code:0818x3" in (place.evidence or "")


def test_municipality_is_province_and_city() -> None:
    place = locate("全市", publisher="国家税务总局北京市税务局")
    assert (place.province, place.city, place.adcode, place.area_code) == ("北京市", "北京市", "110000", "010")


def test_province_level_has_no_city_code() -> None:
    place = locate("省直医保业务系统停机", publisher="山西省医疗保障局")
    assert (place.province, place.city, place.adcode, place.area_code) == ("山西省", None, None, None)
    assert place.evidence == "publisher:山西省医疗保障局"


@pytest.mark.parametrize("publisher", ["海南省医疗保障局", "海南省人力资源和社会保障厅"])
def test_province_level_keeps_the_code_all_its_cities_share(publisher: str) -> None:
    # extra2 hainan-2021: the whole province dials 0898, so bare numbers of a province notice get it
    place = locate("全省医保业务暂停办理。咨询电话:65396210", publisher=publisher)
    assert (place.province, place.city, place.adcode, place.area_code) == ("海南省", None, None, "0898")


def test_nothing_found_is_an_empty_place() -> None:
    place = locate("系统将于今晚停机维护。")
    assert (place.province, place.city, place.adcode, place.area_code, place.evidence) == (None,) * 5


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("忻州市县区省医保局开封北京时间0123456789-、 巴州天门全我本")), max_size=80))
def test_locate_never_raises_and_is_consistent(text: str) -> None:
    place = locate(text)
    if place.city is not None:
        assert place.province is not None
        assert place.adcode is not None and re.fullmatch(r"\d{6}", place.adcode)
        assert place.area_code is None or re.fullmatch(r"0\d{2,3}", place.area_code)
    assert place.city is None or place.evidence


# --- lookups for the contacts and report code -------------------------------------------------
@pytest.mark.parametrize("key,expected", [
    ("忻州市", "0350"), ("忻州", "0350"), ("140900", "0350"), ("429006", "0728"), ("宁海县", "0574"),
    ("桂林市医疗保障局", "0773"), ("北京市", "010"), ("110105", "010"), ("巴音郭楞蒙古自治州", "0996"),
    ("鼓楼区", None), ("不存在的地方", None), ("", None),
    ("海南省", "0898"), ("460000", "0898"), ("海南", "0898"), ("山西省", None), ("140000", None),
], ids=lambda v: str(v))
def test_area_code_for(key: str, expected: str | None) -> None:
    assert area_code_for(key) == expected


def test_division_and_cities_for_area_code() -> None:
    row = division("140900")
    assert row is not None and (row.name, row.province_name, row.area_code) == ("忻州市", "山西省", "0350")
    county = division("511725")
    assert county is not None and (county.name, county.city_name) == ("渠县", "达州市")
    assert division("999999") is None
    assert {d.name for d in cities_for_area_code("0728")} == {"仙桃市", "潜江市", "天门市"}
    assert cities_for_area_code("0000") == ()


# --- divisions.csv schema ---------------------------------------------------------------------
ROWS = load_csv("divisions.csv")
BY_CODE = {r["adcode"]: r for r in ROWS}
PROVINCES = {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市",
             "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
             "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省",
             "青海省", "宁夏回族自治区", "新疆维吾尔自治区"}


def test_divisions_adcodes_unique_and_six_digits() -> None:
    codes = [r["adcode"] for r in ROWS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)


def test_divisions_all_31_provinces() -> None:
    assert {r["name"] for r in ROWS if r["level"] == "province"} == PROVINCES


def test_divisions_prefecture_count() -> None:
    cities = [r for r in ROWS if r["level"] == "city"]
    assert 330 <= len(cities) <= 400
    kinds = Counter(r["kind"] for r in cities)
    assert kinds["自治州"] == 30 and kinds["盟"] == 3 and kinds["地区"] >= 7


def test_divisions_parents_exist() -> None:
    for r in ROWS:
        prov = BY_CODE.get(r["province_adcode"])
        assert prov is not None and prov["level"] == "province" and prov["name"] == r["province_name"], r
        if r["level"] == "county" or r["level"] == "city":
            city = BY_CODE.get(r["city_adcode"])
            assert city is not None and city["name"] == r["city_name"], r
            assert city["level"] == "city" or city["kind"] == "直辖市", r
            assert city["province_adcode"] == r["province_adcode"], r


def test_divisions_area_codes() -> None:
    for r in ROWS:
        if r["level"] != "province" or r["kind"] == "直辖市":
            assert re.fullmatch(r"0\d{2,3}", r["area_code"]), r
        for other in filter(None, r["other_area_codes"].split("|")):
            assert re.fullmatch(r"0\d{2,3}", other), r


@pytest.mark.parametrize("adcode,name,area_code", [
    ("140900", "忻州市", "0350"), ("511700", "达州市", "0818"), ("450300", "桂林市", "0773"),
    ("429006", "天门市", "0728"), ("110000", "北京市", "010"), ("652800", "巴音郭楞蒙古自治州", "0996"),
    ("370100", "济南市", "0531"), ("321200", "泰州市", "0523"), ("331000", "台州市", "0576"),
    ("520300", "遵义市", "0851"), ("419001", "济源市", "0391"),
], ids=lambda v: str(v))
def test_divisions_spot_checks(adcode: str, name: str, area_code: str) -> None:
    assert (BY_CODE[adcode]["name"], BY_CODE[adcode]["area_code"]) == (name, area_code)


def test_divisions_short_and_old_names() -> None:
    assert "巴州" in BY_CODE["652800"]["short_names"].split("|")
    assert "忻州" in BY_CODE["140900"]["short_names"].split("|")
    assert "广西" in BY_CODE["450000"]["short_names"].split("|")
    assert "襄樊市" in BY_CODE["420600"]["old_names"].split("|")
    assert "奉化市" in BY_CODE["330213"]["old_names"].split("|")
    for r in ROWS:
        for n in filter(None, (r["short_names"] + "|" + r["old_names"]).split("|")):
            assert len(n) >= 2, r


def test_place_aliases_point_at_divisions() -> None:
    rules = load_yaml("place_aliases.yaml")
    for surface, adcode in rules["aliases"].items():
        assert str(adcode) in BY_CODE, surface
    assert set(rules["weights"]) >= {"publisher", "title", "body_full", "city_threshold"}
