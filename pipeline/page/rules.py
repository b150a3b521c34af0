"""The text part of ``rules/page.yaml``, compiled once: chrome and footer lines, info labels,
agency endings, title and dateline words (see the file for where each list came from)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..cuescan import Gated, compile_cue, gated, prefiltered
from ..ruledata import load_yaml


class _AnyOf:
    """Whether a line matches any of a list of patterns (``re.search``), tested in two passes.

    Patterns anchored at the line start (``^`` first, no top-level ``|``) are joined into one regex
    tried at the start only; the others into one cue regex (:func:`pipeline.cuescan.compile_cue`)
    searched through the line. A line is one line: ``^`` holds only at its start.
    """

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p for p in patterns if p.startswith("^") and not _top_level_or(p)]
        floating = [p for p in patterns if p not in anchored]
        self._start = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self._anywhere = compile_cue("|".join(f"(?:{p})" for p in floating)) if floating else None

    def search(self, line: str) -> bool:
        """True when some pattern matches ``line`` (re.search semantics; an empty match counts)."""
        if self._start is not None and self._start.match(line) is not None:
            return True
        return self._anywhere is not None and self._anywhere.search(line) is not None


def _top_level_or(pattern: str) -> bool:
    """True when ``pattern`` has a ``|`` outside every group and class (``^a|b`` is not anchored)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _PageRules:
    """The text part of ``rules/page.yaml``, compiled."""

    chrome: _AnyOf  # page chrome lines (navigation, share bars, counters)
    footer: _AnyOf  # where the page's footer starts (a forum's post stamps included)
    post_stamp: _AnyOf  # a forum post's stamp: the page's first dates the post, later ones replies
    trusted: frozenset[str]  # labels of the page's own date (发布时间)
    untrusted: frozenset[str]  # labels of a host's stamp (更新时间)
    source: frozenset[str]  # labels of the issuer (来源)
    author: frozenset[str]
    label_re: re.Pattern[str]  # any info label with its colon (group 1: the match)
    credit_cell: re.Pattern[str]  # 来源 | X, 发布机构<tab>X: an issuer's label set off by a bar or tab
    credit_blank: re.Pattern[str]  # 来源 某某日报网: an issuer's label opening its line, a blank for its colon
    agency_suffixes: tuple[str, ...]  # longest first
    standalone: frozenset[str]  # agencies named by an ending alone (央行)
    channels: tuple[str, ...]  # a bureau's own channels (官网, 微信公众号), longest first
    formal_endings: tuple[str, ...]  # agency_endings: how a body's formal name ends (局, 中心, 海关 ...)
    channel_hosts: tuple[str, ...]  # 政府: its portal hosts every department's notices
    outlets: tuple[str, ...]
    title_words: tuple[str, ...]
    site_name_endings: tuple[str, ...]  # 网页, 官网: how a line naming a website ends
    contact_line: re.Pattern[str]  # a contact line under a signature (咨询电话:0379-1234567, 联系人:张三)
    contact_lines_max: int  # at most this many contact lines under a signature
    contact_end: re.Pattern[str]  # a sentence ending on a phone number (咨询电话:0716-1234567)
    table_header: re.Pattern[str]
    repost: list[re.Pattern[str]]
    relays: list[Gated]  # news_relays, each searched only in a head holding its required words
    not_publishers: frozenset[str]
    doc_number: re.Pattern[str]
    tail_source: re.Pattern[str]
    body_published: Gated  # X发布了《...》 in the opening sentences
    body_issuers: Gated  # A、B将于...公告如下
    info_line_stop_words: tuple[str, ...]  # a labelled line holding one states an action
    stamp_line_stop_words: tuple[str, ...]  # a bare date line holding one states a time
    dateline: re.Pattern[str]  # 本报讯 12月30日:, 东南网12月22日讯 at the body's start
    lead_date: re.Pattern[str]  # 29日,记者从…获悉: a lead sentence's bare date
    bare_publisher: re.Pattern[str]  # 省医保局: level (group 1) and body (group 2), checked by is_agency_name
    column_tag: re.Pattern[str]  # 快资讯: / 通知 | before a headline
    title_lead_marks: re.Pattern[str]  # • or : left before a headline
    title_site_suffix: re.Pattern[str]  # _某某频道_某省 after a headline
    released_title: re.Pattern[str]  # 印发了《关于…的通告》: a released document's name (group title)
    run_in_heading: re.Pattern[str]  # …的通知各单位:… : a heading run into its salutation on one line
    run_in_info: re.Pattern[str]  # 来源:青禾日报网 2031-05-08 09:12:40 opening a run of text
    addressee_openers: tuple[str, ...]  # 各, 尊敬的: how a salutation (各参保单位:) opens
    breadcrumb: re.Pattern[str]  # 首页 > 通知公告 > 正文: a chrome line that a headline follows
    field_line: re.Pattern[str]  # 停机时间:2022年2月26日…: a labelled fact, never a headline
    closing: re.Pattern[str]  # 特此公告: the closing formula a signature follows
    doc_number_prefix: re.Pattern[str]  # XX通告2019年第13号 before a headline on its line
    name_breakers: tuple[str, ...]  # words of a clause, never of an agency's name
    byline_verbs: tuple[str, ...]  # 发布于: words beside a body and a stamp on a byline
    parent_bodies: frozenset[str]  # 国家税务总局: the head of a body's name (国家税务总局某市税务局)
    division_endings: tuple[str, ...]  # 处, 科, 室: how a body's internal division's name ends
    self_names: dict[str, tuple[str, ...]]  # 我院 -> (医院,): how a body calls itself, the endings of its name
    name_lead_verbs: tuple[str, ...]  # 来 in 来某某医院就诊: a verb before a name in a headline
    bare_levels: dict[str, str]  # 省 -> province, 市 -> city
    bare_expand: dict[str, str]  # 医保局 -> 医疗保障局
    release_verbs: tuple[str, ...]  # 转发, 印发: a verb putting out another body's document
    host_bodies: tuple[str, ...]  # 人民政府: how a body posting every bureau's notices on its portal ends
    subject_verbs: tuple[str, ...]  # 暂停 in 关于某市医疗保障局暂停…: an action after the title's subject
    issuer_notice_title: re.Pattern[str]  # 某市医疗保障局(紧急)通告: an issuer's name and a notice word


@functools.cache
def page_rules() -> _PageRules:
    """Compile the page rules once."""
    data = load_yaml("page.yaml")
    labels = data["info_labels"]
    # {agency}: a lazy run of CJK ending like an issuing body (is_agency_name checks it after).
    # An agency known by an ending alone (央行) is tried first.
    agency = (r"(?:" + "".join(f"{re.escape(a)}|" for a in data["standalone_agencies"])
              + r"[\u3400-\u9fff]{2,24}?(?:" + "|".join(map(re.escape, data["agency_endings"])) + "))")
    channel = "(?:" + "|".join(map(re.escape, sorted(data["agency_channels"], key=len, reverse=True))) + ")"
    bare = data["bare_publishers"]
    all_labels = sorted(
        {x for group in labels.values() for x in group}, key=len, reverse=True
    )  # longest first so 发布时间 wins over 时间
    return _PageRules(
        # One matcher per list: a line is tested once, not once per pattern.
        chrome=_AnyOf(data["chrome_lines"]),
        footer=_AnyOf(data["footer_markers"] + data["post_stamps"]),
        post_stamp=_AnyOf(data["post_stamps"]),
        trusted=frozenset(labels["trusted_date"]),
        untrusted=frozenset(labels["untrusted_date"]),
        source=frozenset(labels["source"]),
        author=frozenset(labels["author"]),
        # A label starts the line or follows a blank, a bar, a bracket (【来源:…】) or a digit (a stamp
        # glued to it: …11:29:35来源:),
        # and is followed by a colon (or, for the
        # forum stamp 发表于, a blank). Every match starts with a label's first character: the
        # engine skips to those (group 1 is the match; see cuescan.prefiltered).
        label_re=prefiltered(
            r"(?:^|(?<=[\s|\d【】\[\]]))(?P<label>" + "|".join(map(re.escape, all_labels)) + r")(?:\s*[:：]|(?<=发表于)\s)",
            "[" + "".join(sorted({re.escape(label[0]) for label in all_labels})) + "]",
        ),
        # A source or author label set off from its value by a bar or a tab (来源 | X, a disclosure
        # table's 发布机构 | X) is read like one with a colon; other labels are not (时间 | 地点 heads a table).
        credit_cell=re.compile(
            r"(?:^|(?<=[\s|丨]))(?P<label>" + "|".join(map(re.escape, sorted(labels["source"] + labels["author"], key=len, reverse=True)))
            + r")\s*[|丨\t]\s*"
        ),
        # ... and so is one opening its line with a blank for the colon (来源 某某日报网, a poster's style)
        credit_blank=re.compile(
            r"^(?P<label>" + "|".join(map(re.escape, sorted(labels["source"] + labels["author"], key=len, reverse=True)))
            + r")[ ]+(?=[^\s|丨:：])"
        ),
        agency_suffixes=tuple(sorted(data["agency_suffixes"], key=len, reverse=True)),
        standalone=frozenset(data["standalone_agencies"]),
        channels=tuple(sorted(data["agency_channels"], key=len, reverse=True)),
        formal_endings=tuple(data["agency_endings"]),
        channel_hosts=tuple(data["channel_hosts"]),
        outlets=tuple(data["outlet_markers"]),
        title_words=tuple(data["notice_title_words"]),
        site_name_endings=tuple(data["site_name_endings"]),
        contact_line=re.compile(rf"^(?:{'|'.join(map(re.escape, data['signature_contact_labels']))})\s*[:：]?[^。;\n]{{1,40}}$"),
        contact_lines_max=data["signature_contact_lines_max"],
        contact_end=re.compile(rf"(?:{'|'.join(map(re.escape, data['contact_sentence_words']))})[^\n]{{0,12}}?[::]?\s*[\d\-—()() 、,]{{5,}}$"),
        table_header=re.compile("|".join(map(re.escape, data["table_header_words"]))),
        repost=[re.compile(p) for p in data["repost_lines"]],
        # Each relay opens with a separator and a lazy run of CJK ({agency}), which no engine can
        # skip through: the search tries every separator of the head. Its required words (记者, 获悉,
        # 消息 ...: cuescan.required_literals) tell first whether it can match at all.
        relays=[
            gated(compile_cue(p.replace("{agency}", f"(?P<name>{agency})").replace("{agencies}", f"(?P<name>{agency}(?:、{agency})*)")
                              .replace("{channel}", channel)))
            for p in data["news_relays"]
        ],
        not_publishers=frozenset(data["not_publishers"]),
        doc_number=re.compile("|".join(f"(?:{p})" for p in data["document_number_lines"])),
        # A 来源 (or 发布单位) line after the body (a WeChat post credits its source at the end, a
        # portal prints its disclosure fields there): the label opens the line, a single name follows,
        # other labelled fields may come after a blank (发布日期:…). A post may set the label off by a
        # bar (来源 | 某市医疗保障局).
        tail_source=re.compile(
            r"^[(\[【]?\s*(?:" + "|".join(map(re.escape, sorted(labels["source"] + labels["author"], key=len, reverse=True)))
            + r")\s*[:：|丨]\s*(?P<name>[^\s:：|丨,。;()\[\]【】]{2,30})\s*[)\]】]?"
            + r"(?:\s+(?:" + "|".join(map(re.escape, all_labels)) + r")\s*[:：][^。;]*)?\s*$"
        ),
        body_published=gated(re.compile(rf"(?:^|[,。;:\n]|(?<=[讯电])\s)\s*(?P<name>{agency})发布(?:了)?(?:《|消息|公告|通告|通知)")),
        body_issuers=gated(re.compile(
            rf"(?:^|[,。;:\n])(?P<names>{agency}(?:、{agency})*)(?:将于|定于|决定于?)[^。]*?(?:公告|通告|通知)如下"
        )),
        info_line_stop_words=tuple(data["info_line_stop_words"]),
        stamp_line_stop_words=tuple(data["stamp_line_stop_words"]),
        dateline=re.compile(
            rf"^(?:{'|'.join(map(re.escape, data['dateline_prefixes']))}|[\u3400-\u9fff]{{2,12}}?(?=\s?\d))?"
            rf"\s*(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})[日号]\s*(?:[::]|{'|'.join(map(re.escape, data['dateline_endings']))})"
        ),
        # a reporter's credit may open the lead: 本报讯(记者 张三 通讯员 李四)12月28日,记者从…获悉
        lead_date=re.compile(
            rf"^(?:(?:[\u3400-\u9fff]{{0,12}}?(?:{'|'.join(map(re.escape, data['dateline_prefixes']))}))?\s*\([^()\n]{{1,30}}\)\s*)?"
            rf"(?:(?:(?P<y>(?:19|20)\d{{2}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*)?(?P<d>\d{{1,2}})\s*[日号]\s*,[^。\n]{{0,60}}?(?:{'|'.join(map(re.escape, data['lead_date_verbs']))})"
        ),
        bare_publisher=re.compile(
            rf"^({'|'.join(map(re.escape, sorted(bare['levels'], key=len, reverse=True)))})"
            rf"(?!{'|'.join(map(re.escape, bare['not_bodies']))})([\u3400-\u9fff]{{2,30}})$"
        ),
        addressee_openers=tuple(data["addressee_openers"]),
        run_in_heading=re.compile(
            rf"^(?P<heading>[^。:,;!?\n]{{4,80}}?(?:{'|'.join(map(re.escape, data['notice_title_words']))}))\s*"
            rf"(?=(?:{'|'.join(map(re.escape, data['addressee_openers']))})[^。:,;!?\n]{{1,40}}:"
            # or its info line's first label after a blank (…的通告 发布时间:2031-05-08 …: a page run into one line)
            rf"|(?<=\s)(?:{'|'.join(map(re.escape, sorted(labels['trusted_date'] + labels['source'], key=len, reverse=True)))})\s*[:：])"
        ),
        # a page's info line run into the text (after its heading, or opening a long line): its label
        # and value, ending with its date stamp (发布时间: 2031-05-08 …, 来源:青禾日报网 2031-05-08 09:12:40 …)
        run_in_info=re.compile(
            rf"^(?:(?:{'|'.join(map(re.escape, all_labels))})\s*[:：][^\n:：]{{0,40}}?\s*)?"
            r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?=\s)"
        ),
        title_lead_marks=re.compile(data["title_lead_marks"]),
        title_site_suffix=_site_suffix_pattern(data["title_site_suffixes"]),
        released_title=re.compile(
            rf"(?:{'|'.join(map(re.escape, sorted(data['title_release_verbs'], key=len, reverse=True)))})"
            rf"《(?P<title>[^《》\n]{{6,80}}?(?:{'|'.join(map(re.escape, data['notice_title_words']))}))》"
        ),
        column_tag=re.compile(rf"^(?:{'|'.join(map(re.escape, data['title_column_tags']))})\s*[:|丨]\s*(?=\S{{6}})"),
        name_breakers=tuple(data["agency_name_breakers"]),
        byline_verbs=tuple(data["byline_verbs"]),
        parent_bodies=frozenset(data["parent_bodies"]),
        division_endings=tuple(data["division_endings"]),
        self_names={k: tuple(v) for k, v in data["self_references"]["words"].items()},
        name_lead_verbs=tuple(data["self_references"]["lead_verbs"]),
        breadcrumb=re.compile("|".join(f"(?:{p})" for p in data["breadcrumb_lines"])),
        field_line=re.compile(  # 停机时间:…, or a blank for the colon before the value's digits (停机时间 2022年…)
            rf"^[\u3400-\u9fff]{{0,6}}(?:{'|'.join(map(re.escape, data['field_label_endings']))})(?:\s*[:：]|\s+(?=\d))"),
        closing=re.compile("|".join(f"(?:{p})" for p in data["closing_lines"])),
        doc_number_prefix=re.compile(
            "(?:" + "|".join(f"(?:{p.removesuffix('$')})" for p in data["document_number_lines"]) + r")\s+(?=\S{6})"
        ),
        bare_levels=dict(bare["levels"]),
        bare_expand=dict(bare["expand"]),
        release_verbs=tuple(data["title_release_verbs"]),
        subject_verbs=tuple(data["title_subject_verbs"]),
        issuer_notice_title=re.compile(
            rf"^(?P<name>[\u3400-\u9fff()()、 ]{{2,80}}?)\s*(?:{'|'.join(map(re.escape, data['title_issuer_qualifiers']))})?"
            rf"(?:{'|'.join(map(re.escape, data['notice_title_words']))})$"
        ),
        host_bodies=tuple(data["host_bodies"]),
    )


def _site_suffix_pattern(spec: dict[str, list[str]]) -> re.Pattern[str]:
    """``…暂停_某某频道_某省``: a separator, a part ending with a site word, short parts after it."""
    seps = sorted(spec["separators"], key=len, reverse=True)
    sep = "(?:" + "|".join(map(re.escape, seps)) + ")"
    bare = "".join(sorted({re.escape(c) for s in seps for c in s.strip()}))
    part = rf"[^{bare}\s]{{1,14}}?"
    words = "(?:" + "|".join(map(re.escape, spec["words"])) + ")"
    return re.compile(rf"(?<=\S){sep}\s*{part}{words}(?:\s*{sep}\s*[^{bare}\s]{{1,10}})*\s*$")
