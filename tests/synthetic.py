"""Synthetic parsed folders for the report tests and the benchmarks.

Builds the five tables of a parsed folder (``pipeline.schema`` schemas, real parquet files) from a
few lines of Python per notice, keeping every fact's evidence consistent with ``body_text``
(``body_text[span_start:span_end] == evidence``). Scenarios:

* :func:`two_cities` - 忻州市 and 桂林市 with hand-checkable numbers (see ``EXPECTED``), a second
  桂林 notice, a repost and a page that is not an outage notice;
* :func:`many_cities` - ``n`` notices over real cities (300 by default), seeded and reproducible;
* :func:`missing_values` - no downtime end, no publication date, no city, no downtime at all;
* :func:`hostile` - markup, quotes, ``&``, ``|``, newlines and a 2,000-character title in every
  text field;
* :func:`only_rejects` - a folder holding nothing but rejects.

``write_parsed(corpus, folder)`` writes a corpus; ``tables=`` limits which files are written.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.records import TZ
from pipeline.ruledata import service_codes

__all__ = [
    "Corpus",
    "NoticeBuilder",
    "EXPECTED",
    "HOSTILE",
    "two_cities",
    "many_cities",
    "missing_values",
    "hostile",
    "only_rejects",
    "write_parsed",
    "ts",
]

HOSTILE = "<script>alert(1)</script>"


def ts(text: str) -> dt.datetime:
    """``'2021-10-21 18:00'`` (or a bare date) as an Asia/Shanghai datetime."""
    fmt = "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d"
    return dt.datetime.strptime(text, fmt).replace(tzinfo=TZ)


def _cn(d: dt.datetime) -> str:
    """A date-time the way notices write it: 2021年10月21日18:00."""
    return f"{d.year}年{d.month}月{d.day}日{d.hour}:{d.minute:02d}"


@dataclass
class NoticeBuilder:
    """One notice being built: text grows sentence by sentence, facts point into it."""

    corpus: "Corpus"
    row: dict[str, Any]
    parts: list[str] = field(default_factory=list)
    length: int = 0
    n_windows: int = 0

    @property
    def notice_id(self) -> str:
        """The notice's id."""
        return str(self.row["notice_id"])

    def say(self, text: str) -> tuple[int, int]:
        """Append a sentence to the body; return its span."""
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.row["body_text"] = "".join(self.parts)
        return start, self.length

    def window(
        self,
        kind: str,
        start: dt.datetime | None,
        end: dt.datetime | None,
        text: str | None = None,
        *,
        services: list[str] | None = None,
        is_estimate: bool = False,
        component: str | None = None,
        open_end: str | None = None,
        span: tuple[int, int] | None = None,
    ) -> dict[str, Any]:
        """Add a window row; its evidence is ``text`` (a new sentence) or the sentence at ``span``."""
        if span is None:
            if text is None:
                text = f"{_cn(start) if start else ''}至{_cn(end) if end else (open_end or '另行通知')}"
            span = self.say(text)
        row = {
            "notice_id": self.notice_id,
            "window_id": f"{self.notice_id}-w{self.n_windows:02d}",
            "kind": kind,
            "component": component,
            "start": start,
            "end": end,
            "start_precision": "minute" if start else None,
            "end_precision": "minute" if end else None,
            "is_estimate": is_estimate,
            "services": list(services or []),
            "span_start": span[0],
            "span_end": span[1],
            "evidence": self.row["body_text"][span[0] : span[1]],
            "open_end": open_end,
        }
        self.n_windows += 1
        self.corpus.windows.append(row)
        return row

    def service(
        self,
        service: str,
        action: str = "suspended",
        text: str | None = None,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        span: tuple[int, int] | None = None,
        instruction: str | None = None,
    ) -> dict[str, Any]:
        """Add a services row (evidence: a new sentence ``text`` or the sentence at ``span``)."""
        if span is None:
            span = self.say(text or f"暂停{service}业务。")
        row = {
            "notice_id": self.notice_id,
            "service": service,
            "action": action,
            "start": start,
            "end": end,
            "audience": None,
            "instruction": instruction,
            "span_start": span[0],
            "span_end": span[1],
            "evidence": self.row["body_text"][span[0] : span[1]],
            "component": None,
        }
        self.corpus.services.append(row)
        return row

    def contact(
        self,
        phone: str,
        organization: str | None = None,
        text: str | None = None,
        *,
        kind: str = "landline",
        note: str | None = None,
    ) -> dict[str, Any]:
        """Add a contacts row whose evidence is the phone number inside a new sentence."""
        sentence = text or f"{organization or '咨询电话'}:{phone}"
        start, _ = self.say(sentence)
        offset = sentence.find(phone)
        span = (start + offset, start + offset + len(phone)) if offset >= 0 else (start, start + len(sentence))
        row = {
            "notice_id": self.notice_id,
            "organization": organization,
            "department": None,
            "note": note,
            "phone": phone,
            "phone_e164": None if kind == "hotline" else "+86" + phone.lstrip("0").replace("-", ""),
            "kind": kind,
            "span_start": span[0],
            "span_end": span[1],
            "evidence": self.row["body_text"][span[0] : span[1]],
            "extension": None,
        }
        self.corpus.contacts.append(row)
        return row


@dataclass
class Corpus:
    """Rows of the five tables of a parsed folder."""

    notices: list[dict[str, Any]] = field(default_factory=list)
    windows: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)

    def notice(
        self,
        notice_id: str,
        *,
        province: str | None,
        city: str | None,
        adcode: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        published_at: dt.datetime | None = None,
        url: str | None = None,
        is_outage_notice: bool = True,
        duplicate_of: str | None = None,
        body: str = "",
    ) -> NoticeBuilder:
        """Start a notice; add its facts through the returned builder."""
        row: dict[str, Any] = {
            "notice_id": notice_id,
            "url": url,
            "source_path": f"raw/{notice_id}.html",
            "site": url.split("/")[2] if url and "://" in url else None,
            "title": title,
            "publisher": publisher,
            "published_at": published_at,
            "province": province,
            "city": city,
            "adcode": adcode,
            "domain": "medical_insurance",
            "is_outage_notice": is_outage_notice,
            "body_text": "",
            "duplicate_of": duplicate_of,
            "parser_version": "synthetic",
            "content_hash": f"hash-{notice_id}",
            "raw_sha256": None,
            "encoding": "utf-8",
        }
        self.notices.append(row)
        builder = NoticeBuilder(self, row)
        if body:
            builder.say(body)
        return builder

    def reject(self, source: str, reason: str = "not_a_notice", stage: str = "classify", detail: str = "") -> None:
        """Add a rejects row."""
        self.rejects.append(
            {"source": source, "stage": stage, "reason": reason, "detail": detail or reason, "at": ts("2024-01-01 00:00")}
        )


def write_parsed(corpus: Corpus, folder: Path, tables: tuple[str, ...] | None = None) -> Path:
    """Write the corpus as parquet files (``pipeline.schema`` schemas) into ``folder``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.schema import SCHEMAS

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in SCHEMAS.items():
        if tables is not None and name not in tables:
            continue
        pq.write_table(pa.Table.from_pylist(getattr(corpus, name), schema=schema), folder / f"{name}.parquet")
    return folder


# Hand-checked figures of two_cities(), by notice_id (the tests compare against these).
EXPECTED: dict[str, dict[str, Any]] = {
    "xinzhou-2021": {
        "downtime_hours": 244.0,  # 10-21 18:00 -> 10-31 22:00
        "lead_days": 10.38,  # published 10-11 09:00 -> 10-21 18:00 = 10 d 9 h
        "services_suspended": ["general", "contribution", "inpatient", "pharmacy"],
        "hours_general": 244.0,  # no period of its own: the downtime window
        "hours_contribution": 244.0,  # a deadline row plus a suspended row without dates
        "hours_inpatient": 86.0,  # its own start/end: 10-21 18:00 -> 10-25 08:00
        "hours_pharmacy": 48.0,  # the suspension window naming it: 10-22 00:00 -> 10-24 00:00
        "n_contacts": 3,  # four rows, one number repeated
        "n_contact_orgs": 3,
        "counties_covered": ["五台县", "原平市"],  # divisions (adcode) order
        "n_reposts": 0,
    },
    "guilin-2021": {
        "downtime_hours": 470.0,  # 11-30 18:00 -> 12-20 08:00
        "lead_days": None,  # no publication date
        "services_suspended": ["inpatient", "outpatient", "pharmacy"],
        "hours_inpatient": 278.0,  # the suspension window in the same sentence: -> 12-12 08:00
        "n_contacts": 1,
        "n_reposts": 1,
        "downtime_is_estimate": True,
    },
    "guilin-2020": {
        "downtime_hours": 62.0,  # 05-22 18:00 -> 05-25 08:00
        "lead_days": 2.75,  # published 05-20 00:00 -> 05-22 18:00
        "services_suspended": [],
        "n_contacts": 0,
    },
}


def two_cities() -> Corpus:
    """忻州 (one notice) and 桂林 (a 2020 and a 2021 notice, the latter reposted), plus a non-notice."""
    c = Corpus()
    x = c.notice(
        "xinzhou-2021",
        province="山西省",
        city="忻州市",
        adcode="140900",
        title="忻州市医疗保障局关于医保信息系统切换期间暂停业务的公告",
        publisher="忻州市医疗保障局",
        published_at=ts("2021-10-11 09:00"),
        url="http://ybj.sxxz.gov.cn/tzgg/202110/t20211011_1.html",
        body="为做好国家医疗保障信息平台上线工作,现将有关事项公告如下。",
    )
    down = x.window(
        "downtime",
        ts("2021-10-21 18:00"),
        ts("2021-10-31 22:00"),
        "2021年10月21日18:00至2021年10月31日22:00,全市暂停医保业务。",
        services=["general"],
    )
    x.service("general", span=(down["span_start"], down["span_end"]))
    x.service(
        "inpatient",
        text="2021年10月21日18:00至2021年10月25日8:00暂停办理出入院结算。",
        start=ts("2021-10-21 18:00"),
        end=ts("2021-10-25 08:00"),
    )
    pharmacy = x.window(
        "suspension",
        ts("2021-10-22 00:00"),
        ts("2021-10-24 00:00"),
        "2021年10月22日0:00至2021年10月24日0:00定点零售药店暂停刷卡购药。",
        services=["pharmacy"],
    )
    x.service("pharmacy", text="参保人请提前购药。", instruction="提前购药")
    del pharmacy
    deadline_span = x.say("请参保单位于2021年10月19日17:00前完成缴费。")
    x.window("deadline", None, ts("2021-10-19 17:00"), span=deadline_span)
    x.service("contribution", "deadline", span=deadline_span, end=ts("2021-10-19 17:00"))
    x.service("contribution", span=deadline_span)
    x.window("resume", ts("2021-11-01 08:00"), None, "2021年11月1日8:00起恢复办理。")
    x.say("五台县参保人可到县医保中心窗口咨询。")
    x.contact("0350-3032798", "忻州市医保中心")
    x.contact("0350-3032798", "忻州市医保中心", "如有疑问请拨打0350-3032798咨询。")
    x.contact("0350-8822001", "原平市医保中心")
    x.contact("12393", "忻州市医疗保障局", kind="hotline")

    g = c.notice(
        "guilin-2021",
        province="广西壮族自治区",
        city="桂林市",
        adcode="450300",
        title="桂林医保关于停机切换上线国家医疗保障信息平台的通告",
        publisher="桂林医保",
        published_at=None,
        url="http://ybj.guilin.gov.cn/tzgg/2021/1.html",
        body="现就停机切换国家医疗保障信息平台有关事项通告如下。",
    )
    g.window(
        "downtime",
        ts("2021-11-30 18:00"),
        ts("2021-12-20 08:00"),
        "预计2021年11月30日18:00至2021年12月20日8:00完成切换。",
        is_estimate=True,
    )
    settle = g.say("2021年11月30日18:00至2021年12月12日8:00期间,暂停全市定点医药机构医保结算。")
    g.window("suspension", ts("2021-11-30 18:00"), ts("2021-12-12 08:00"), span=settle, services=["inpatient", "outpatient", "pharmacy"])
    for code in ("inpatient", "outpatient", "pharmacy"):
        g.service(code, span=settle)
    g.window("resume", ts("2021-12-12 08:00"), None, "2021年12月12日8:00起,全市恢复医保结算服务。")
    g.window("resume", ts("2021-12-20 08:00"), None, "2021年12月20日8:00起恢复城乡居民缴费。")
    g.contact("0773-2886097", "桂林市医保中心")

    old = c.notice(
        "guilin-2020",
        province="广西壮族自治区",
        city="桂林市",
        adcode="450300",
        title="桂林市医疗保障局关于系统升级暂停业务的通知",
        publisher="桂林市医疗保障局",
        published_at=ts("2020-05-20"),
        url="http://ybj.guilin.gov.cn/tzgg/2020/2.html",
    )
    old.window("downtime", ts("2020-05-22 18:00"), ts("2020-05-25 08:00"), "2020年5月22日18:00至5月25日8:00系统升级。")

    repost = c.notice(
        "guilin-2021-repost",
        province="广西壮族自治区",
        city="桂林市",
        adcode="450300",
        title="转载:桂林医保关于停机切换上线国家医疗保障信息平台的通告",
        publisher="桂林医保",
        url="http://news.example.cn/a/1.html",
        duplicate_of="guilin-2021",
    )
    repost.window("downtime", ts("2021-11-30 18:00"), ts("2021-12-20 08:00"), "2021年11月30日18:00至2021年12月20日8:00。")

    c.notice(
        "guilin-news",
        province="广西壮族自治区",
        city="桂林市",
        adcode="450300",
        title="桂林市医保局召开工作会议",
        is_outage_notice=False,
        body="会议强调要做好医保工作。",
    )
    c.reject("raw/broken.html", "undecodable", "decode", "no encoding fits")
    return c


_FALLBACK_PLACES = [("山西省", "忻州市", "140900"), ("广西壮族自治区", "桂林市", "450300"), ("湖南省", "长沙市", "430100")]


def _real_cities() -> list[tuple[str, str, str]]:
    """(province, city, adcode) of every prefecture-level division, if the divisions table is there."""
    from pipeline.ruledata import RulesError, load_csv

    try:
        rows = load_csv("divisions.csv")
    except RulesError:
        return list(_FALLBACK_PLACES)
    cities = [(r["province_name"], r["name"], r["adcode"]) for r in rows if r.get("level") == "city"]
    return cities or list(_FALLBACK_PLACES)


def many_cities(n: int = 300, seed: int = 7, *, notices_per_city: int = 1) -> Corpus:
    """``n`` cities (real names when the divisions table is present), each with ``notices_per_city``
    outage notices of random but plausible shape: 1-30 day downtimes in 2019-2023, staged windows,
    0-6 suspended services, 0-5 phone numbers; about 5% lack a downtime end, 5% a publication date,
    3% are province-level, and every 50th notice is reposted once."""
    rng = random.Random(seed)
    places = _real_cities()
    rng.shuffle(places)
    while len(places) < n:  # more cities than the country has: number the extra ones
        k = len(places)
        places.append(("合成省", f"合成{k}市", f"9{k:05d}"))
    codes = list(service_codes())
    c = Corpus()
    base = ts("2019-06-01 00:00")
    k = 0
    for i in range(n):
        province, city, adcode = places[i]
        for j in range(notices_per_city):
            k += 1
            nid = f"syn-{i:04d}-{j}"
            start = base + dt.timedelta(days=rng.randrange(0, 4 * 365), hours=rng.choice([0, 8, 12, 17, 18, 20]))
            hours = rng.choice([12, 24, 36, 48, 62, 72, 96, 120, 168, 240, 336, 480, 720])
            end = start + dt.timedelta(hours=hours)
            published = start - dt.timedelta(days=rng.randrange(0, 30), hours=rng.randrange(0, 12))
            province_level = rng.random() < 0.03
            b = c.notice(
                nid,
                province=province,
                city=None if province_level else city,
                adcode=None if province_level else adcode,
                title=f"{city if not province_level else province}医疗保障局关于医保信息系统切换暂停服务的公告",
                publisher=f"{city if not province_level else province}医疗保障局",
                published_at=None if rng.random() < 0.05 else published,
                url=f"http://ybj.example.gov.cn/{nid}.html",
                body="为做好医保信息平台切换工作,现将有关事项公告如下。",
            )
            missing_end = rng.random() < 0.05
            b.window("downtime", start, None if missing_end else end, open_end="切换工作结束" if missing_end else None,
                     is_estimate=rng.random() < 0.2)
            stages = rng.randrange(0, 4)
            for s in range(stages):
                ws = start + dt.timedelta(hours=rng.randrange(0, max(1, hours)))
                we = ws + dt.timedelta(hours=rng.randrange(1, max(2, hours // 2)))
                b.window(rng.choice(["suspension", "suspension", "go_live", "other"]), ws, we)
            b.window("resume", end, None)
            for code in rng.sample(codes, rng.randrange(0, 7)):
                if rng.random() < 0.3:
                    ss = start + dt.timedelta(hours=rng.randrange(0, max(1, hours // 2)))
                    b.service(code, start=ss, end=ss + dt.timedelta(hours=rng.randrange(6, 200)))
                else:
                    b.service(code)
            for p in range(rng.randrange(0, 6)):
                b.contact(f"0{rng.randrange(310, 999)}-{rng.randrange(2000000, 8999999)}", f"{city}医保中心第{p}科")
            if k % 50 == 0:
                d = c.notice(nid + "-repost", province=province, city=city, adcode=adcode, title="转载", duplicate_of=nid)
                d.window("downtime", start, end)
    return c


def missing_values() -> Corpus:
    """Notices lacking, in turn: a downtime end, a publication date, a city, any place, any downtime."""
    c = Corpus()
    a = c.notice("open-end", province="湖南省", city="长沙市", adcode="430100", title="长沙医保切换公告",
                 published_at=ts("2021-06-01"))
    a.window("downtime", ts("2021-06-10 18:00"), None, "2021年6月10日18:00起暂停业务,恢复时间另行通知。",
             open_end="另行通知")
    a.service("general", text="暂停全部医保业务。")
    b = c.notice("no-published", province="湖北省", city="天门市", adcode="429006", title="天门医保公告")
    b.window("downtime", ts("2021-07-01 00:00"), ts("2021-07-03 00:00"), "7月1日至7月3日暂停。")
    p = c.notice("province-level", province="山西省", city=None, title="山西省医保局公告",
                 published_at=ts("2021-09-05"))
    p.window("downtime", ts("2021-09-15 17:00"), ts("2021-09-22 08:00"), "9月15日17:00至9月22日8:00全省暂停。")
    u = c.notice("nowhere", province=None, city=None, title=None, publisher=None)
    u.window("downtime", None, ts("2021-08-01 08:00"), "8月1日8:00前完成切换。")
    c.notice("no-downtime", province="湖南省", city="郴州市", adcode="431000", title="郴州医保公告",
             published_at=ts("2021-05-01"), body="系统将择期切换。")
    return c


def hostile() -> Corpus:
    """Markup, quotes, ``&``, ``|`` and newlines in every text field; a 2,000-character title."""
    c = Corpus()
    long_title = HOSTILE + '"引号"\'单引号\' & 和 | 竖线\n换行' + "长" * 2000
    h = c.notice(
        "hostile-1",
        province="河北省",
        city=f"唐山市{HOSTILE}",
        adcode="130200",
        title=long_title,
        publisher=f'{HOSTILE}<b onmouseover="alert(2)">发布</b> & "单位" | x',
        published_at=ts("2019-12-01"),
        url='javascript:alert(3)//"><script>alert(4)</script>',
        body=f"正文{HOSTILE}开始。",
    )
    h.window(
        "downtime",
        ts("2019-12-10 18:00"),
        ts("2019-12-12 08:00"),
        f'2019年12月10日18:00至12月12日8:00暂停<img src=x onerror="alert(5)"> & "业务" | 详见 http://evil.example.com/x.js',
    )
    h.service("general", text=f"暂停业务{HOSTILE}。")
    h.contact("0315-2345678", f"唐山市医保中心{HOSTILE}", f"电话:0315-2345678 <a href=\"http://evil.example.com\">x</a>")
    s = c.notice(
        "hostile-2",
        province="河北省",
        city="保定市",
        adcode="130600",
        title="正常标题 & more",
        publisher="保定市医疗保障局",
        published_at=ts("2019-12-02"),
        url="http://ybj.baoding.gov.cn/a?x=1&y=\"2\"",
    )
    s.window("downtime", ts("2019-12-11 18:00"), ts("2019-12-13 08:00"), "12月11日18:00至13日8:00暂停。")
    return c


def only_rejects() -> Corpus:
    """Nothing parsed: three rejects, one with markup in its detail."""
    c = Corpus()
    c.reject("raw/a.html", "empty", "clean")
    c.reject("raw/b.bin", "binary", "decode")
    c.reject("http://example.com/c.html", "http_404", "fetch", f"404 {HOSTILE}")
    return c
