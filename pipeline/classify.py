"""Is a page a service-outage notice, and which domain is it about (rules/classify.yaml).

A page is an outage notice when enough stop and system cue words appear (title counts triple) AND
the page itself announces a stop with a date or time (:func:`announces_stop`): one sentence holds a
hard stop word and a time expression; or a stop-time heading (``一、停机时间``) is followed by a line
with a time; or a sentence dates a work (``定于3月29日18:00至4月1日8:00开展切换工作``) and another
stops something during it (``切换期间...暂停使用``). Meeting reports, policy news and recruitment
pages share the cue words but announce no stop of their own; a meeting report must announce
directly, in one sentence that is not reported speech (a mark such as 会议要求 covers the rest of its
paragraph). A sanction on a condition (对未按期完成改造的…将暂缓开通) is no announced stop.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .ruledata import load_yaml

__all__ = ["classify", "announces_stop"]

_TITLE_WEIGHT = 3
# Sentences end at 。!? and ; (normalized half-width forms and the full-width ones) and at line breaks;
# a comma does not end one, since "10月28日18时起,服务大厅暂停办理" states time and stop apart.
_SENTENCE_END = re.compile(r"[。!?;！？；\n]")


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One regex matching any of ``words`` (longest first, so 暂停办理 wins over 暂停)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@functools.cache
def _rules() -> dict[str, Any]:
    """Compile the classification rules once."""
    data = load_yaml("classify.yaml")
    out = data["outage"]
    ann = data["announce"]
    domains = {
        code: (_alternation(list(cues)), cues)
        for code, cues in data["domains"].items()
    }
    return {
        "stop": re.compile("|".join(map(re.escape, out["stop"]))),
        "system": re.compile("|".join(map(re.escape, out["system"]))),
        "min_score": out["min_score"],
        "domains": domains,
        "domain_min": data["domain_min_score"],
        "hard_stop": _alternation(ann["stop"]),
        "time": re.compile("|".join(f"(?:{p})" for p in ann["time"])),
        "heading": re.compile(ann["heading"]),
        "reported": _alternation(ann["reported_speech"]),
        "condition": re.compile("|".join(f"(?:{p})" for p in ann["condition"])),
        "holiday": _alternation(ann["holiday"]),
        "system_named": _alternation(ann["system_named"]),
        "work": _alternation(ann["work"]),
        # 切换期间, 升级工作期间, 停机时段: a sentence naming the period of a work
        "period": re.compile("(" + "|".join(map(re.escape, ann["work"])) + r")(?:工作)?(?:"
                             + "|".join(map(re.escape, ann["period_words"])) + ")"),
        "report_title": _alternation(ann["report_title"]),
    }


def _score(pattern: re.Pattern[str], text: str, title: str) -> int:
    return len(pattern.findall(text)) + _TITLE_WEIGHT * len(pattern.findall(title))


def _announcing_sentence(sentence: str, r: dict[str, Any], reported: bool = False) -> bool:
    """A sentence that states a stop and when: not reported speech, not a holiday office closure.

    ``reported`` says an earlier sentence of the same paragraph opened reported speech.
    """
    condition = r["condition"].search(sentence)
    if condition:  # ...,对未按期完成改造的机构,将暂缓开通: a sanction on a condition stops nothing
        sentence = sentence[: condition.start()]
    if not (r["hard_stop"].search(sentence) and r["time"].search(sentence)):
        return False
    if reported or r["reported"].search(sentence):
        return False  # 会议强调,...11月1日前停止使用旧系统: what a meeting said, not an announcement
    if r["holiday"].search(sentence) and not r["system_named"].search(sentence):
        return False  # 春节放假期间(2月10日至17日)暂停对外办公: office hours, no system stops
    return True


def announces_stop(body: str, title: str | None = None) -> bool:
    """True when the page itself announces a stop with a date or time (see module docstring)."""
    r = _rules()
    if any(_announcing_sentence(s, r) for s in _SENTENCE_END.split(title or "")):
        return True
    for paragraph in body.split("\n"):
        # 会议要求,一是抓好接口改造。各机构要在11月15日前完成…: the mark covers the list that follows
        reported = False
        for s in _SENTENCE_END.split(paragraph):
            reported = reported or bool(r["reported"].search(s))
            if _announcing_sentence(s, r, reported):
                return True
    if r["report_title"].search(title or "") or r["reported"].search(body):
        return False  # a meeting report: only a direct announcement counts
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    for line, following in zip(lines, lines[1:]):
        if r["heading"].match(line) and r["time"].search(following):
            return True  # 一、暂停办理时间 / 2022年3月31日18:00至4月1日8:00
    # Split only here: most notices have returned above, at their announcing sentence.
    sentences = _SENTENCE_END.split(title or "") + _SENTENCE_END.split(body)
    dated_works = {w for s in sentences if r["time"].search(s) for w in r["work"].findall(s)}
    for s in sentences:
        if r["hard_stop"].search(s) and not r["holiday"].search(s):
            if any(m.group(1) in dated_works for m in r["period"].finditer(s)):
                return True  # 定于...开展切换工作 / 切换期间,...暂停使用
    return False


def classify(body: str, title: str | None = None, *, has_times: bool = True) -> tuple[bool, str]:
    """``(is_outage_notice, domain)`` from cue words in the title and body.

    ``body`` is the normalized notice body (title line first), ``title`` the page title. The page
    is an outage notice when stop words score at least ``min_score``, a system word appears, the
    caller found times (``has_times``) and :func:`announces_stop` holds. The domain is the one whose
    weighted cue words score highest (title triple), ``other`` below ``domain_min_score``.
    """
    r = _rules()
    title = title or ""
    stops = _score(r["stop"], body, title)
    # One system word is enough: a search, not a count of them all (their score is at least 1).
    has_system = r["system"].search(body) is not None or r["system"].search(title) is not None
    is_outage = stops >= r["min_score"] and has_system and has_times and announces_stop(body, title)
    best, best_score = "other", 0
    for code, (pattern, weights) in r["domains"].items():
        total = sum(weights[m] for m in pattern.findall(body)) + _TITLE_WEIGHT * sum(
            weights[m] for m in pattern.findall(title)
        )
        if total > best_score:
            best, best_score = code, total
    if best_score < r["domain_min"]:
        best = "other"
    return is_outage, best
