"""Is a page a service-outage notice, and which domain is it about (rules/classify.yaml).

A page is an outage notice when enough stop and system cue words appear (title counts triple) AND
the page itself announces a stop with a date or time (:func:`announces_stop`): one sentence holds a
hard stop word and a time expression; or a stop-time heading (``一、停机时间``) is followed by a line
with a time; or a sentence dates a work (``定于3月29日18:00至4月1日8:00开展切换工作``) and another
stops something during it (``切换期间...暂停使用``). Meeting reports, policy news and recruitment
pages share the cue words but announce no stop of their own; a meeting report must announce
directly, in one sentence that is not reported speech (a mark such as 会议要求 covers the rest of its
paragraph). A sanction on a condition (对未按期完成改造的…将暂缓开通) is no announced stop, nor is news
of an unplanned failure (系统突然瘫痪). A stop sentence opening with 届时 or 其间 takes the time of
the sentence before it; a heading may be a poster line (▍暂停时间). A guide that stops something
during the period of a stop (停机期间,…暂停) is a notice even without a date: the caller leaves its
downtime unknown. A stop line beside a poster line of times, and a table whose header has a stop-time
cell over a row with a time, announce too. Stop words that announce no outage are left out of a
sentence first: a policy ceasing, a registration closing, an old card or number retired, a stop told
as past in a sentence that resumes; a denied stop (不停机), a weekly closure (每周六暂停), a window
closing at its deadline (逾期…不再受理), a road closed, an old site, system or permit left for a new
one; and a sentence whose stop has an epidemic or a policy as its cause. A page in a commentator's
voice, a fraud warning, or news of a work already done (顺利完成切换, in the title or the lead)
announces nothing. Last, a system must be the cause of the stop (:func:`_system_is_the_cause`): a work
on one (切换, 升级, 机房) anywhere, or a system named in the title or in a stop sentence outside the
clauses that keep it open. A hall closed for a holiday, a move, new opening hours or a power cut of its
building, a loan paused by policy: no outage notice, though such pages name a system as the channel to
use meanwhile; and a page titled as one of those kinds (放假, 搬迁, 调整) needs the work itself.
Poster lines and a line ending on a colon are read with the next line when nothing else announced; a
press conference's words are the announcement; a title dated by a past day (昨, 上周) or naming a report
of a past period heads news; a page without a title is read with its first short line as one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from .cuescan import WordLists
from .records import DOMAINS
from .ruledata import RulesError, load_yaml

__all__ = ["classify", "announces_stop", "announced_in_body", "Verdict"]

_TITLE_WEIGHT = 3
# Sentences end at 。!? and ; (normalized half-width forms and the full-width ones) and at line breaks;
# a comma does not end one, since "10月28日18时起,服务大厅暂停办理" states time and stop apart.
_SENTENCE_END = re.compile(r"[。!?;！？；\n]")


class Verdict(NamedTuple):
    """What :func:`classify` says of a page."""

    is_outage_notice: bool
    domain: str


class DomainCues(NamedTuple):
    """One domain's cue words, each with its weight."""

    weights: dict[str, int]


@dataclass(frozen=True, slots=True)
class ClassifyRules:
    """Everything the classifier reads from ``rules/classify.yaml``, compiled."""

    stop: re.Pattern[str]  # outage.stop: stop cue words, counted
    system: re.Pattern[str]  # outage.system: what stops (one is needed)
    min_score: int
    domains: dict[str, DomainCues]  # in the order listed (ties go to the first)
    domain_words: WordLists[str]  # the cue words of every domain, found in one pass (see _domain)
    domain_min: int
    hard_stop: re.Pattern[str]  # announce.stop
    time: re.Pattern[str]  # announce.time: any time expression
    heading: re.Pattern[str]  # a stop-time heading line
    heading_reach: int  # how many lines after a heading its time may stand
    headline_max: int  # the first line taken as title when the page has none: at most this long
    attribution: re.Pattern[str]  # 据介绍, 据悉: a news attribution before a back reference
    poster_line_max: int  # a line this short that ends no sentence is a poster line, read with the next
    press: re.Pattern[str]  # 新闻发布会: a press conference announces, its speech is not reported
    reported: re.Pattern[str]  # reported speech of a meeting
    condition: re.Pattern[str]  # a sanction on a condition
    holiday: re.Pattern[str]
    system_named: re.Pattern[str]
    work: re.Pattern[str]  # works whose period a notice names
    period: re.Pattern[str]  # 切换期间, 升级工作期间: group 1 is the work
    report_title: re.Pattern[str]
    back_reference: re.Pattern[str]  # 届时, 其间 opening a sentence: the time of the one before
    unplanned: re.Pattern[str]  # a failure reported, not a stop announced
    hypothetical: re.Pattern[str]  # 如遇: a failure only supposed
    stop_period: re.Pattern[str]  # 停机期间: the period of a stop, named without its date
    attachment_line: re.Pattern[str]  # 附件:….pdf: a file name, not a sentence of the page
    meeting_reported: re.Pattern[str]  # reported_speech and the speech verbs of a meeting page
    table_cells: re.Pattern[str]  # what parts the cells of a table row on one line
    time_line: re.Pattern[str]  # a poster line of times only
    time_line_needs: re.Pattern[str]  # ... holding a clock time or a range
    not_a_stop: re.Pattern[str]  # 原办法停止执行, 报名系统关闭, 原号码停止使用
    keep_open: re.Pattern[str]  # 正常, 可通过: a clause keeping a channel open
    resume: re.Pattern[str]
    past_stop: re.Pattern[str]  # 此前暂停的, 暂停办理的: a stop told as past, before a resume word
    commentary: re.Pattern[str]
    commentary_min_marks: int
    cause: re.Pattern[str]  # a work on a system (切换, 升级) or another cause of a stop (机房, 上线)
    not_a_cause: re.Pattern[str]  # 为维护…权益: a work word naming no work
    channel: re.Pattern[str]  # 电子税务局, 自助终端: channels, systems named like system_named
    fraud: re.Pattern[str]
    fraud_min_marks: int
    completed: re.Pattern[str]  # 顺利完成切换: news of a work done
    policy_cause: re.Pattern[str]  # 疫情防控: a stop caused by a policy, not a system
    future: re.Pattern[str]  # 定于, 将于: a sentence announcing what comes
    past_title: re.Pattern[str]  # 昨, 上周: a title dated by a past day
    report_of_past_title: re.Pattern[str]  # 运行情况, 工作总结: a title naming a report of a past period
    past_title_unless: re.Pattern[str]  # 起, 将: ... unless the stop still runs or is to come
    near_miss_title: re.Pattern[str]  # 放假, 搬迁, 工作时间: a kind of page that closes halls without a system
    stopping_work: re.Pattern[str]  # 切换, 割接: works that stop a system while they run
    schedule: re.Pattern[str]  # 定于, 将于: a work put on the calendar
    range_joiner: re.Pattern[str]  # 至, 到, —: the two ends of a range
    go_live: re.Pattern[str]  # 启用, 投入使用: a system put to use
    go_live_past: tuple[str, ...]  # 已 before a go-live in its clause: told as past
    go_live_as_time: tuple[str, ...]  # 后 after a go-live: the time of something else
    retired_for_new: re.Pattern[str]  # 原系统停止使用: an old system left for a new one
    retired_items: re.Pattern[str]  # 第一代社保卡停止使用: an old card or number retired
    not_a_system: re.Pattern[str]  # 配电系统, 供水管网: a building's or a utility's plant
    cut_cues: re.Pattern[str]  # 展开全文, …: the rest of the page was cut
    cut_open_ending: re.Pattern[str]  # a last line ending on a comma or 将于2025年
    cut_min_chars: int
    cut_closing_line: re.Pattern[str]  # a signature or contact line, which ends a page unpunctuated


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One regex matching any of ``words`` (longest first, so 暂停办理 wins over 暂停)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching any of the regexes ``patterns``."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@functools.cache
def _rules() -> ClassifyRules:
    """Compile the classification rules once."""
    data = load_yaml("classify.yaml")
    unknown = sorted(set(data["domains"]) - set(DOMAINS))
    if unknown:
        raise RulesError(f"classify.yaml: domains: {unknown} are not domain values of the notices table {DOMAINS}")
    out = data["outage"]
    ann = data["announce"]
    return ClassifyRules(
        # every hard stop of announce.stop (无法登录, 不能使用) counts as a stop cue too
        stop=_alternation(list(dict.fromkeys(out["stop"] + ann["stop"]))),
        system=re.compile("|".join(map(re.escape, out["system"]))),
        min_score=out["min_score"],
        domains={code: DomainCues(cues) for code, cues in data["domains"].items()},
        domain_words=WordLists({code: list(cues) for code, cues in data["domains"].items()}),
        domain_min=data["domain_min_score"],
        hard_stop=_alternation(ann["stop"]),
        time=_any_of(ann["time"]),
        heading=re.compile(ann["heading"]),
        heading_reach=ann["heading_reach"],
        poster_line_max=ann["poster_line_max"],
        headline_max=ann["headline_max"],
        attribution=re.compile(r"\s*(?:" + _alternation(ann["attribution"]).pattern + r")\s*[,:]?"),
        press=_alternation(ann["press"]),
        reported=_alternation(ann["reported_speech"]),
        condition=_any_of(ann["condition"]),
        holiday=_alternation(ann["holiday"]),
        system_named=_alternation(ann["system_named"]),
        work=_alternation(ann["work"]),
        period=re.compile("(" + "|".join(map(re.escape, ann["work"])) + r")(?:工作)?(?:"
                          + "|".join(map(re.escape, ann["period_words"])) + ")"),
        report_title=_alternation(ann["report_title"]),
        back_reference=re.compile(r"\s*(?:" + _alternation(ann["back_reference"]).pattern + ")"),
        unplanned=_alternation(ann["unplanned"]),
        hypothetical=_alternation(ann["hypothetical"]),
        stop_period=_alternation(ann["stop_period"]),
        attachment_line=re.compile(ann["attachment_line"], re.MULTILINE),
        meeting_reported=_alternation(ann["reported_speech"] + ann["meeting_speech"]),
        table_cells=re.compile(ann["table_cells"]),
        time_line=re.compile(ann["time_line"]),
        time_line_needs=re.compile(ann["time_line_needs"]),
        not_a_stop=_any_of(ann["not_a_stop"]),
        keep_open=_alternation(ann["keep_open"]),
        resume=_alternation(ann["resume"]),
        past_stop=_any_of(ann["past_stop"]),
        commentary=_alternation(ann["commentary"]),
        commentary_min_marks=ann["commentary_min_marks"],
        cause=_alternation(ann["cause"] + ann["work"]),
        not_a_cause=_any_of(ann["not_a_cause"]),
        channel=_alternation(ann["channel"]),
        fraud=_alternation(ann["fraud"]),
        fraud_min_marks=ann["fraud_min_marks"],
        completed=re.compile(f"(?:{_alternation(ann['completed']).pattern})(?![后以之])"  # not 切换完成后
                             f"|{_any_of(ann['completed_patterns']).pattern}"),
        policy_cause=_alternation(ann["policy_cause"]),
        future=_alternation(ann["future"]),
        past_title=_alternation(ann["past_title"]),
        report_of_past_title=_alternation(ann["report_of_past_title"]),
        past_title_unless=_alternation(ann["past_title_unless"] + ann["future"]),
        near_miss_title=_alternation(ann["near_miss_title"]),
        stopping_work=_alternation(ann["stopping_work"]),
        schedule=_alternation(ann["schedule"]),
        range_joiner=re.compile(ann["range_joiner"]),
        go_live=_alternation(ann["go_live"]),
        go_live_past=tuple(ann["go_live_past"]),
        go_live_as_time=tuple(ann["go_live_as_time"]),
        retired_for_new=_any_of(ann["retired_for_new"]),
        retired_items=_any_of(ann["retired_items"]),
        not_a_system=_any_of(ann["not_a_system"]),
        cut_cues=re.compile("(?:" + _alternation(data["cut_off"]["cut_cues"]).pattern + r")\s*$"),
        cut_open_ending=re.compile(data["cut_off"]["cut_open_ending"]),
        cut_min_chars=data["cut_off"]["cut_min_chars"],
        cut_closing_line=re.compile(data["cut_off"]["cut_closing_line"]),
    )


def _score(pattern: re.Pattern[str], text: str, title: str) -> int:
    return len(pattern.findall(text)) + _TITLE_WEIGHT * len(pattern.findall(title))


_NOTHING = re.compile(r"(?!)")  # matches no text
_CLAUSE_END = re.compile(r"[,，:：]")


def _without_false_stops(sentence: str, r: ClassifyRules) -> str:
    """The sentence without the stop words that announce no outage.

    Cut at a sanction on a condition (对未按期完成改造的…将暂缓开通: it falls on some, if they fail);
    a policy ceasing, a registration window closing, an old card or number retired (announce.not_a_stop)
    removed; and in a sentence that resumes something (恢复), the stops told as past or as an
    attribute (此前暂停的窗口业务…恢复办理) removed.
    """
    condition = r.condition.search(sentence)
    if condition:
        sentence = sentence[: condition.start()]
    sentence = _without_retired_systems(r.not_a_stop.sub("", sentence), r)
    if r.resume.search(sentence):
        sentence = r.past_stop.sub("", sentence)
    return sentence


def _puts_a_system_to_use(sentence: str, r: ClassifyRules) -> bool:
    """The sentence puts a system to use (启用, 上线), not as past (已上线, 已于3月1日上线: 已 in its clause)
    nor as the time of something else (新系统上线后,原证书停止使用)."""
    return any(not any(w in _CLAUSE_END.split(sentence[: m.start()])[-1] for w in r.go_live_past)
               and not sentence.startswith(r.go_live_as_time, m.end()) for m in r.go_live.finditer(sentence))


def _without_retired_systems(sentence: str, r: ClassifyRules) -> str:
    """The sentence without an old system left for a new one (原网上申报系统停止使用,请使用新版…), unless the
    same sentence puts the new one to use (新系统自9月1日起上线运行,原系统同时停止使用): then the old one
    stops on the date the new one starts. And without an old card or number retired (第一代社保卡停止使用),
    unless the sentence names a work on a system (因平台升级,…医保电子凭证停止使用) or puts one to use."""
    if _puts_a_system_to_use(sentence, r):
        return sentence
    sentence = r.retired_for_new.sub("", sentence)
    return sentence if r.work.search(sentence) else r.retired_items.sub("", sentence)


def _names_a_stopping_system(sentence: str, r: ClassifyRules) -> bool:
    """A system or a work on one (年终结息) outside the clauses that keep a channel open
    (放假期间网上业务可正常办理)."""
    return any((r.system_named.search(clause) or r.work.search(clause)) and not r.keep_open.search(clause)
               for clause in _CLAUSE_END.split(sentence))


def _states_stop(sentence: str, r: ClassifyRules, reported: re.Pattern[str] | None) -> bool:
    """A sentence (false stops left out, see _without_false_stops) that states a stop of its own.

    Not reported speech (``reported``: the marks in force; None when an earlier sentence of the same
    paragraph opened reported speech), not a holiday office closure, not news of a failure.
    """
    if not r.hard_stop.search(sentence):
        return False
    if reported is None or reported.search(sentence):
        return False  # 会议强调,...11月1日前停止使用旧系统: what a meeting said, not an announcement
    if r.holiday.search(sentence) and not _names_a_stopping_system(sentence, r):
        return False  # 春节放假期间(2月10日至17日)暂停对外办公: office hours, no system stops
    if r.unplanned.search(sentence) and not r.hypothetical.search(sentence):
        return False  # 3月2日上午系统突然瘫痪,无法结算: news of a failure, not a planned stop
    if r.policy_cause.search(sentence) and not r.work.search(sentence):
        return False  # 因疫情防控需要,2月3日起暂停受理签注: a policy stops it, no system
    return True


def _announcing_sentence(sentence: str, r: ClassifyRules, reported: re.Pattern[str] | None) -> bool:
    """A sentence that states a stop (see _states_stop) and when."""
    if not (r.hard_stop.search(sentence) and r.time.search(sentence)):
        return False  # most sentences: no need to look for false stops
    sentence = _without_false_stops(sentence, r)
    return bool(r.time.search(sentence)) and _states_stop(sentence, r, reported)


def _attribution_end(sentence: str, r: ClassifyRules) -> int:
    """Where a sentence's news attribution (据介绍, 据悉) ends: a back reference may follow it."""
    m = r.attribution.match(sentence)
    return m.end() if m else 0


def _direct_announcement(body: str, title: str, r: ClassifyRules, reported: re.Pattern[str]) -> bool:
    """One sentence of the title or body states a stop and its time (see _announcing_sentence).

    ``reported``: the reported-speech marks of the page. A sentence opening with a back reference
    (届时, 其间) is read with the sentence before it, whose time it refers to
    (自11月29日17时起进行系统切换。届时,停止受理报关业务).
    """
    if any(_announcing_sentence(s, r, reported) for s in _SENTENCE_END.split(title)):
        return True
    previous = ""
    for paragraph in body.split("\n"):
        # 会议要求,一是抓好接口改造。各机构要在11月15日前完成…: the mark covers the list that follows
        marks: re.Pattern[str] | None = reported
        for s in _SENTENCE_END.split(paragraph):
            if marks is not None and marks.search(s):
                marks = None
            if _announcing_sentence(s, r, marks):
                return True
            if previous and r.back_reference.match(s, _attribution_end(s, r)) \
                    and _announcing_sentence(f"{previous},{s}", r, marks):
                return True
            previous = s if s.strip() else previous
    return False


_LINE_DONE = re.compile(r"[。!?;！？；:：]$")
# A line that opens a list item starts no continuation; a field of the page (发布时间:…, 来源:…) is
# neither continued nor a continuation.
_LINE_OPENS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.]"
                              r"|[▍■□●◆◇▶►▼★☆※◎【\[])")
_FIELD_LINE = re.compile(r"^[\u3400-\u9fff]{1,6}\s*[:：]")


def _broken_line_announcement(lines: list[str], title: str, r: ClassifyRules, reported: re.Pattern[str]) -> bool:
    """A sentence broken across two lines (…定于11月3日18时至11月6日8时停 / 机切换,其间暂停…) states a
    stop and its time once joined: a line of some length that does not end a sentence, read with the
    next line when that one opens no list item or field. The first line (the title) is not joined to
    what follows it."""
    for line, following in zip(lines[1:], lines[2:]):
        if (len(line) < 10 or line == title.strip() or _LINE_DONE.search(line) or _LINE_OPENS_ITEM.match(following)
                or _FIELD_LINE.match(line) or _FIELD_LINE.match(following)):
            continue
        joined = _SENTENCE_END.split(line)[-1] + _SENTENCE_END.split(following)[0]
        if _announcing_sentence(joined, r, reported):
            return True
    return False


def _is_time_line(line: str, r: ClassifyRules) -> bool:
    """A poster line of times only, with a clock time or a range (2025年3月8日 20:00; 4月1日至4月3日)."""
    return bool(r.time_line.match(line) and r.time.search(line) and r.time_line_needs.search(line))


def _stop_beside_time_line(lines: list[str], r: ClassifyRules, reported: re.Pattern[str]) -> bool:
    """A stop line without a time next to a poster time line (the line before or after it)."""
    for i, line in enumerate(lines):
        if not r.hard_stop.search(line):
            continue
        stop = _without_false_stops(line, r)
        if r.time.search(stop) or not _states_stop(stop, r, reported):
            continue
        if (i > 0 and _is_time_line(lines[i - 1], r)) or (i + 1 < len(lines) and _is_time_line(lines[i + 1], r)):
            return True
    return False


def _poster_lines_joined(lines: list[str], title: str, r: ClassifyRules) -> str:
    """The body with poster lines read as one sentence: a short line that ends no sentence
    (announce.poster_line_max characters: 因系统升级 / 6月1日20:00 / 至 / 6月2日8:00 / 社保网厅 / 暂停服务), or a
    line ending on a colon that opens a list (以下业务暂停: / 养老保险待遇申领:5月6日至15日), is joined to
    the next line. A field of the page (来源:…), the title line and a bare date (a signature's 2022年6月29日,
    no poster time line: announce.time_line_needs) are left on their own. Empty when no line joins."""
    def joins(line: str, following: str) -> bool:
        if not following or line == title.strip() or _FIELD_LINE.match(line) or _FIELD_LINE.match(following):
            return False
        if r.time_line.match(following) and not r.time_line_needs.search(following):
            return False  # a bare date: a signature's
        return line.endswith((":", "：")) or (len(line) <= r.poster_line_max and not _LINE_DONE.search(line))

    marks = [joins(line, following) for line, following in zip(lines, [*lines[1:], ""])]
    if not any(marks):
        return ""  # no poster line: the sentences were all read as they stand
    return "".join(line + ("," if mark else "\n") for line, mark in zip(lines, marks))


def _heading_then_time(lines: list[str], r: ClassifyRules) -> bool:
    """A stop-time heading with a time on one of the next few non-empty lines (一、暂停办理时间 /
    3月31日18:00...; announce.heading_reach lines, since a table flattened one cell a line puts its
    other header cells between: 业务类型 / 暂停时间 / 恢复时间 / 联网结算 / 11月1日18:00).

    A table's header row counts when one of its cells is such a heading (业务  暂停时间  恢复时间).
    """
    return any(any(r.heading.match(cell.strip()) for cell in r.table_cells.split(line))
               and any(r.time.search(following) for following in lines[i + 1: i + 1 + r.heading_reach])
               for i, line in enumerate(lines))


def _dated_work_then_period(body: str, title: str, r: ClassifyRules) -> bool:
    """One sentence dates a work (定于...开展切换工作), another stops something in its period (切换期间...暂停)."""
    sentences = _SENTENCE_END.split(title) + _SENTENCE_END.split(body)
    dated_works = {w for s in sentences if r.time.search(s) for w in r.work.findall(s)}
    return any(
        r.hard_stop.search(s) and not r.holiday.search(s) and _states_stop(_without_false_stops(s, r), r, r.reported)
        and any(m.group(1) in dated_works for m in r.period.finditer(s))
        for s in sentences
    )


def _scheduled_stopping_work(body: str, title: str, r: ClassifyRules) -> bool:
    """A sentence puts a work that stops a system on the calendar over a range of times
    (定于11月1日18时至3日8时进行系统切换): the stop is the work itself, stated or not. A deadline
    (11月底前完成切换) has no range; a denied stop (不停机) is left out first."""
    for s in _SENTENCE_END.split(title) + _SENTENCE_END.split(body):
        if not (r.schedule.search(s) and r.stopping_work.search(s)):
            continue
        s = _without_false_stops(s, r)
        times = list(r.time.finditer(s))
        ranged = len(times) >= 2 and r.range_joiner.search(s, times[0].end(), times[-1].start())
        if ranged and r.stopping_work.search(s) and not r.holiday.search(s) and not r.unplanned.search(s):
            return True
    return False


def _stop_in_stop_period(body: str, r: ClassifyRules) -> bool:
    """A sentence stops something during the period of a stop (停机期间,线上渠道暂停服务): a guide to an
    outage, announced even when the page gives no date."""
    for s in _SENTENCE_END.split(body):
        period = r.stop_period.search(s)
        if period and r.hard_stop.search(s, period.end()) and not r.holiday.search(s):
            return True
    return False


def _guide_to_a_titled_work(body: str, title: str, r: ClassifyRules) -> bool:
    """A guide whose title names a work on a system (社保系统升级期间业务安排) and whose body stops
    something in that work's period (升级期间,…暂停受理): announced without a date (downtime unknown).
    When the title names the period itself (社保系统升级期间业务办理指南), any stop of the body is in it
    (一、暂停办理的业务). Without such a title a work period alone (系统切换期间暂停联网结算) is not enough."""
    if not (r.work.search(title) and _names_a_system(title, r)):
        return False
    titled_period = bool(r.period.search(title))
    for s in _SENTENCE_END.split(body):
        period = r.period.search(s)
        if (titled_period or period) and r.hard_stop.search(s, period.end() if period else 0) \
                and not r.holiday.search(s) and _states_stop(_without_false_stops(s, r), r, r.reported):
            return True
    return False


def _names_a_system(clause: str, r: ClassifyRules) -> bool:
    """The clause names a system (announce.system_named) or a channel (announce.channel), not a building's
    or a utility's plant (announce.not_a_system: 配电系统)."""
    clause = r.not_a_system.sub("", clause)
    return bool(r.system_named.search(clause) or r.channel.search(clause))


def _system_is_the_cause(body: str, title: str, r: ClassifyRules) -> bool:
    """A system is the cause of the page's stop: SPEC's notice announces that a system stops, switches
    or is upgraded.

    The page names a work on a system or another cause (announce.work, announce.cause: 切换, 机房)
    outside the phrases that deny a stop or name no work (不停机, 为维护…权益); or, unless its title
    names a kind of page that closes halls without a system (announce.near_miss_title: 放假, 搬迁),
    its title names a system or a channel beside a stop word (outage.stop) or a go-live word (启用),
    or a sentence that stops something names one outside the clauses that keep it open
    (暂停办理业务,网上经办系统正常运行 names none). A hall closed for a holiday, a move or a power cut
    of its building, a loan paused by policy: no system is the cause, though the page names one as a
    channel to use meanwhile.
    """
    def cause_left(s: str) -> bool:
        return bool(r.cause.search(r.not_a_cause.sub("", _without_retired_systems(r.not_a_stop.sub("", s), r))))

    if any(r.cause.search(s) and cause_left(s) for s in _SENTENCE_END.split(f"{title}\n{body}")):
        return True
    if r.near_miss_title.search(title):
        return False  # 关于国庆假期服务安排的通知: a holiday page needs a work on a system
    if _names_a_system(title, r) and (r.stop.search(title) or r.go_live.search(title)):
        return True  # 关于医保系统暂停服务的通告; not 关于开展税务系统练兵比武的通知 (系统: the bureaus)
    for sentence in _SENTENCE_END.split(body):
        if not (r.hard_stop.search(sentence) and _names_a_system(sentence, r)):
            continue  # most sentences: no need to look for false stops
        stop = _without_false_stops(sentence, r)
        if r.hard_stop.search(stop) and any(_names_a_system(clause, r) and not r.keep_open.search(clause)
                                            for clause in _CLAUSE_END.split(stop)):
            return True
    return False


def _commentary(body: str, r: ClassifyRules) -> bool:
    """A page in a commentator's voice (你是否…, 试想…): distinct marks of it, at least the minimum."""
    return len(set(r.commentary.findall(body))) >= r.commentary_min_marks


def _fraud_warning(body: str, title: str, r: ClassifyRules) -> bool:
    """A warning against swindlers (谨防冒充…诈骗): a mark in the title, or enough distinct ones in the body."""
    return bool(r.fraud.search(title)) or len(set(r.fraud.findall(body))) >= r.fraud_min_marks


def _news_of_work_done(body: str, title: str, r: ClassifyRules) -> bool:
    """News of a work already done (顺利完成切换, 平稳上线, 业务已全面恢复) in the title or the lead sentence,
    neither of which announces anything to come (定于, 将于); or a resume notice (a title that resumes and
    names no stop); or news under a title dated by a past day (全市医保结算昨晚暂停12小时), unless it holds a
    start or a future word (昨起暂停: a stop still running), or under a title naming a report of a past period
    (一季度全市公积金运行情况, 年度工作总结)."""
    if (r.past_title.search(title) and not r.past_title_unless.search(title)) or r.report_of_past_title.search(title):
        return True  # 上周社保系统升级 部分市民办事受影响, 一季度运行情况: the stop is over
    if r.resume.search(title) and not r.stop.search(title) and not r.future.search(title):
        return True  # 关于恢复办理医保业务的公告: a resume notice, its stop is past (not 预计…逐步恢复)
    # the first sentence that is neither the title nor a field line (the rest are not read: a tenth of the stage)
    lead = next((s for s in _SENTENCE_END.split(body)
                 if s.strip() and s.strip() != title.strip() and not _FIELD_LINE.match(s.strip())), None)
    return any(r.completed.search(s) and not r.future.search(s) for s in (title, lead) if s is not None)


def _cut_off(body: str, r: ClassifyRules) -> bool:
    """The body ends cut off: on a cue that the rest was cut (展开全文), on an open ending (a comma,
    将于2025年), or on a CJK character after a line of some length that is no signature or contact."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if len(lines) < 2:
        return False  # a title alone is no cut body
    last = lines[-1]
    if r.cut_cues.search(last) or r.cut_open_ending.search(last):
        return True
    return (len(last) >= r.cut_min_chars and "\u3400" <= last[-1] <= "\u9fff"
            and not r.cut_closing_line.search(last))


def _title_announces_a_system_stop(title: str, r: ClassifyRules) -> bool:
    """The title names a system or channel and its stop (关于医保信息系统停机切换的通告), and is no kind
    of page that closes halls without a system (放假) nor news of a work done (顺利完成)."""
    return bool((r.hard_stop.search(title) or r.stopping_work.search(title)) and _names_a_system(title, r)
                and not r.near_miss_title.search(title) and not r.completed.search(title))


def announces_stop(body: str, title: str | None = None) -> bool:
    """True when the page itself announces a stop with a date or time (see module docstring)."""
    r = _rules()
    title = title or ""
    body = r.attachment_line.sub("", body)  # file names of attachments are no sentences of the page
    if _commentary(body, r) or _fraud_warning(body, title, r) or _news_of_work_done(body, title, r):
        return False  # a commentary retells a notice, a fraud warning a swindler's claim, news a past stop
    if r.press.search(f"{title}\n{body}"):
        meeting, reported = False, _NOTHING  # a press conference: what its speakers say is the announcement
    else:
        meeting = bool(r.report_title.search(title) or r.reported.search(body))
        reported = r.meeting_reported if meeting else r.reported
    if _direct_announcement(body, title, r, reported):
        return True
    if meeting:
        return False  # a meeting report: only a direct announcement counts
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if (_heading_then_time(lines, r) or _stop_beside_time_line(lines, r, reported)
            or _broken_line_announcement(lines, title, r, reported) or _guide_to_a_titled_work(body, title, r)
            or _dated_work_then_period(body, title, r) or _stop_in_stop_period(body, r)
            or _scheduled_stopping_work(body, title, r)
            # a page cut off before its stop sentence: its title announces the stop (downtime unknown)
            or (_title_announces_a_system_stop(title, r) and _cut_off(body, r))):
        return True
    joined = _poster_lines_joined(lines, title, r)  # empty when no line joins: nothing new to read
    return bool(joined) and (_direct_announcement(joined, "", r, reported) or _dated_work_then_period(joined, title, r))


def announced_in_body(body: str, title: str | None) -> bool:
    """True when the body itself, without its title line, announces a stop.

    For a page whose times give no window: an undated guide or a notice whose dates have no year
    still announces in its text; a page that is only a dated headline and an attachment link does not.
    """
    title = (title or _headline(body, _rules())).strip()
    text = "\n".join(line for line in body.split("\n") if not title or line.strip() != title)
    # an undated guide stops something in the period of the work its title names: the title says which
    return announces_stop(text) or _guide_to_a_titled_work(text, title, _rules())


def _domain(body: str, title: str, r: ClassifyRules) -> str:
    """The domain whose weighted cue words score highest (title triple); ``other`` below the minimum.

    The words of all domains are found in one pass over the body and one over the title, not in a
    regex scan per domain (a fifth of the classify stage)."""
    in_body, in_title = r.domain_words.lists(body), r.domain_words.lists(title)
    best, best_score = "other", 0
    for (code, cues), body_spans, title_spans in zip(r.domains.items(), in_body, in_title):
        total = _weight(body, body_spans, cues.weights) + _TITLE_WEIGHT * _weight(title, title_spans, cues.weights)
        if total > best_score:
            best, best_score = code, total
    return best if best_score >= r.domain_min else "other"


def _weight(text: str, spans: list[tuple[int, int]], weights: dict[str, int]) -> int:
    """The summed weights of the words that ``findall`` of the domain's words (longest first) finds in ``text``.

    ``spans`` holds the longest word at each start (:meth:`WordLists.lists`); findall takes them left
    to right, each starting at or after the end of the one taken before.
    """
    total, free = 0, 0
    for s, e in spans:
        if s >= free:
            total += weights[text[s:e]]
            free = e
    return total


def _headline(body: str, r: ClassifyRules) -> str:
    """The body's first line when the page gave no title (a question or a cry the cleaner would not take:
    系统升级期间如何就医?): short (announce.headline_max characters), no field and no salutation (各参保单位:)."""
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    if len(first) > r.headline_max or _FIELD_LINE.match(first) or first.endswith((":", "：", ",", "。")):
        return ""
    return first


def classify(body: str, title: str | None = None, *, has_times: bool = True) -> Verdict:
    """Whether the page is an outage notice, and its domain, from cue words in the title and body.

    ``body`` is the normalized notice body (title line first), ``title`` the page title. The page
    is an outage notice when stop words score at least ``min_score``, a system word appears, the
    caller found times (``has_times``) and :func:`announces_stop` holds. The domain is the one whose
    weighted cue words score highest (title triple), ``other`` below ``domain_min_score``.
    """
    r = _rules()
    title = title or _headline(body, r)
    stops = _score(r.stop, body, title)
    # One system word is enough: a search, not a count of them all (their score is at least 1).
    has_system = r.system.search(body) is not None or r.system.search(title) is not None
    # A business stopped by policy alone (因缴费基数尚未公布,7月1日起暂停缴费) names no system: no outage.
    is_outage = (stops >= r.min_score and has_system and has_times and _system_is_the_cause(body, title, r)
                 and announces_stop(body, title))
    return Verdict(is_outage, _domain(body, title, r))
