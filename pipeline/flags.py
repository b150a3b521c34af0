"""Plausibility flags: what in a parsed notice looks wrong, for analysts and for finding mistakes.

``notice_flags(notice)`` gives the codes stored in ``notices.flags``; ``check_notice(notice)``
gives each with a short detail saying what tripped it (``notices audit`` prints those). A flag is
a warning, not a verdict: the record is kept as parsed. The codes, their labels, thresholds and
the words some flags look for are in ``rules/flags.yaml`` (loaded once, checked on load); this
module holds one plain check per code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .cuescan import Cue, compile_cue
from .durations import duration_hours
from .records import Notice, TimeWindow
from .ruledata import RulesError, load_yaml

__all__ = ["Flag", "FlagInfo", "FlagRules", "flag_rules", "flag_info", "check_notice", "notice_flags"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_DAY_H = 24.0


@dataclass(frozen=True, slots=True)
class Flag:
    """One flag raised on a notice, with what tripped it."""

    code: str
    detail: str


@dataclass(frozen=True, slots=True)
class FlagInfo:
    """What a flag code means (``rules/flags.yaml``)."""

    code: str
    zh: str
    en: str
    means: str


@dataclass(frozen=True, slots=True)
class FlagRules:
    """The compiled contents of ``rules/flags.yaml``."""

    info: tuple[FlagInfo, ...]
    long_downtime_hours: float
    year_far: dt.timedelta
    year_far_kinds: frozenset[str]
    chrome_title: tuple[re.Pattern[str], ...]
    section_titles: frozenset[str]
    site_names: tuple[re.Pattern[str], ...]
    spam_words: tuple[str, ...]
    body_chrome: Cue  # the file's patterns as one alternation (one search per line)
    truncation_cues: tuple[str, ...]
    open_endings: tuple[re.Pattern[str], ...]
    complete_endings: frozenset[str]
    closing_lines: tuple[re.Pattern[str], ...]
    truncated_min_chars: int
    short_body_chars: int
    title_overlap_min: float
    year_pattern: re.Pattern[str]


def _patterns(data: dict[str, object], key: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The regexes of list ``key``, compiled; a bad one is a RulesError naming it."""
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
        raise RulesError(f"flags.yaml: {key} must be a list of patterns")
    out = []
    for p in items:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise RulesError(f"flags.yaml: {key}: bad pattern {p!r}: {exc}") from exc
    return tuple(out)


def _either(patterns: tuple[re.Pattern[str], ...]) -> Cue:
    """One cue regex matching where any of ``patterns`` would (one search per line instead of one
    per pattern; each keeps its own anchors, as a group of the alternation). Compiled as a cue
    (:func:`pipeline.cuescan.compile_cue`), which skips to the literal words the patterns need."""
    return compile_cue("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _words(data: dict[str, object], key: str) -> tuple[str, ...]:
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
        raise RulesError(f"flags.yaml: {key} must be a list of words")
    return tuple(items)


def _number(data: dict[str, object], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RulesError(f"flags.yaml: {key} must be a non-negative number")
    return float(value)


@functools.cache
def flag_rules() -> FlagRules:
    """``rules/flags.yaml``, checked and compiled (once)."""
    data = load_yaml("flags.yaml")
    table = data.get("flags")
    if not isinstance(table, dict) or not table:
        raise RulesError("flags.yaml: 'flags' must map each code to its labels")
    info = []
    for code, entry in table.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("zh", "en", "means")):
            raise RulesError(f"flags.yaml: flag {code!r} needs zh, en and means")
        info.append(FlagInfo(str(code), entry["zh"], entry["en"], entry["means"]))
    codes = {i.code for i in info}
    if codes != set(_CHECKS):
        missing, extra = sorted(set(_CHECKS) - codes), sorted(codes - set(_CHECKS))
        raise RulesError(f"flags.yaml: flags must be exactly the implemented codes (missing {missing}, unknown {extra})")
    kinds = data.get("year_far_kinds")
    endings = data.get("complete_endings")
    if not isinstance(kinds, list) or not isinstance(endings, str):
        raise RulesError("flags.yaml: year_far_kinds must be a list and complete_endings a string")
    year = data.get("year_pattern")
    if not isinstance(year, str):
        raise RulesError("flags.yaml: year_pattern must be a pattern")
    (year_re,) = _patterns({"year_pattern": [year]}, "year_pattern")
    return FlagRules(
        info=tuple(info),
        long_downtime_hours=_number(data, "long_downtime_days") * _DAY_H,
        year_far=dt.timedelta(days=_number(data, "year_far_days")),
        year_far_kinds=frozenset(str(k) for k in kinds),
        chrome_title=_patterns(data, "chrome_title"),
        section_titles=frozenset(_words(data, "section_titles")),
        site_names=_patterns(data, "site_names", re.IGNORECASE),
        spam_words=tuple(w.lower() for w in _words(data, "spam_words")),
        body_chrome=_either(_patterns(data, "body_chrome", re.IGNORECASE)),
        truncation_cues=_words(data, "truncation_cues"),
        open_endings=_patterns(data, "open_endings"),
        complete_endings=frozenset(endings),
        closing_lines=_patterns(data, "closing_lines"),
        truncated_min_chars=int(_number(data, "truncated_min_chars")),
        short_body_chars=int(_number(data, "short_body_chars")),
        title_overlap_min=_number(data, "title_overlap_min"),
        year_pattern=year_re,
    )


def flag_info() -> dict[str, FlagInfo]:
    """Every flag code with its labels, in the rules file's order."""
    return {i.code: i for i in flag_rules().info}


# --- helpers ------------------------------------------------------------------------------------


def _downtime(n: Notice) -> TimeWindow | None:
    """The headline window (the earliest-starting one if a parser gave several)."""
    downs = [w for w in n.windows if w.kind == "downtime"]
    if not downs:
        return None
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return min(downs, key=lambda w: w.start or far)


def _resume_days(n: Notice) -> list[dt.datetime]:
    """Day-precision starts of the notice's resume windows (ends that are not whole days)."""
    return [w.start for w in n.windows if w.kind == "resume" and w.start is not None and w.start_precision == "day"]


def _day(t: dt.datetime | None) -> str:
    return t.strftime("%Y-%m-%d") if t is not None else "?"


def _when(t: dt.datetime | None) -> str:
    if t is None:
        return "?"
    return t.strftime("%Y-%m-%d") if (t.hour, t.minute) == (0, 0) else t.strftime("%Y-%m-%d %H:%M")


def _clip(text: str, limit: int = 40) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _visible_chars(text: str) -> int:
    """Characters of ``text`` that are not blanks (str.split's blanks are exactly re's ``\\s``)."""
    return sum(map(len, text.split()))


def _after_title(n: Notice) -> str:
    """The body without its first line when that line is the title (the body repeats it)."""
    body = n.body_text
    if n.title:
        head, _, rest = body.lstrip().partition("\n")
        if head.strip() == n.title.strip() or n.title.strip() in head:
            return rest
    return body


# --- the checks: one per code, each returns a detail or None ---------------------------------------


def _no_downtime(n: Notice, r: FlagRules) -> str | None:
    if not n.is_outage_notice:
        return None
    down = _downtime(n)
    if down is None:
        return "outage notice without a downtime window"
    if down.start is None and down.end is None:
        return f"downtime without dates: {_clip(down.evidence)}"
    return None


def _long_downtime(n: Notice, r: FlagRules) -> str | None:
    down = _downtime(n)
    if down is None:
        return None
    hours = duration_hours(down.start, down.end, down.end_precision, _resume_days(n))
    if hours is None or hours <= r.long_downtime_hours:
        return None
    return f"{_when(down.start)} -> {_when(down.end)} = {hours:,.0f} h ({hours / _DAY_H:.0f} days)"


def _end_before_start(n: Notice, r: FlagRules) -> str | None:
    for w in n.windows:
        if w.start is not None and w.end is not None and w.end < w.start:
            return f"{w.kind} {_when(w.start)} -> {_when(w.end)}: {_clip(w.evidence)}"
    return None


def _year_far(n: Notice, r: FlagRules) -> str | None:
    pub = n.published_at
    if pub is None:
        return None
    far = [
        (abs(t - pub), w, t)
        for w in n.windows
        if w.kind in r.year_far_kinds
        for t in (w.start, w.end)
        if t is not None and abs(t - pub) >= r.year_far
    ]
    if not far:
        return None
    _, w, t = max(far, key=lambda x: x[0])
    return f"published {_day(pub)}, {w.kind} {_day(t)}: {_clip(w.evidence)}"


def _published_after_start(n: Notice, r: FlagRules) -> str | None:
    down = _downtime(n)
    pub = n.published_at
    if down is None or down.start is None or pub is None:
        return None
    # A date without a clock time (or a downtime starting on a whole day) compares by day.
    by_day = (pub.hour, pub.minute, pub.second) == (0, 0, 0) or down.start_precision == "day"
    late = pub.date() > down.start.date() if by_day else pub > down.start
    return f"published {_when(pub)}, downtime from {_when(down.start)}" if late else None


def _matching(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """``text`` and the first of ``patterns`` it matches, or None."""
    for p in patterns:
        if p.search(text):
            return f"{_clip(text)} (matches {p.pattern})"
    return None


def _chrome_title(n: Notice, r: FlagRules) -> str | None:
    title = (n.title or "").strip()
    if not title:
        return None
    if title in r.section_titles:
        return f"section name as title: {title}"
    return _matching(title, r.chrome_title)


def _site_as_publisher(n: Notice, r: FlagRules) -> str | None:
    pub = (n.publisher or "").strip()
    if not pub:
        return None
    if n.site and n.site.lower() in pub.lower():
        return f"publisher names the host {n.site}: {_clip(pub)}"
    return _matching(pub, r.site_names)


def _area_code_mismatch(n: Notice, r: FlagRules) -> str | None:
    from .places import cities_for_area_code

    if not n.city or not n.adcode:
        return None
    written: list[str] = []
    for c in n.contacts:
        if c.kind != "landline" or "-" not in c.phone:
            continue
        code = c.phone.split("-", 1)[0]
        # Local numbers get the city's code added by the parser; only a code written out counts.
        if code in c.evidence.replace(" ", "") and code not in written:
            written.append(code)
    if not written:
        return None
    for code in written:
        if any(d.adcode == n.adcode for d in cities_for_area_code(code)):
            return None
    others = {code: "/".join(d.name for d in cities_for_area_code(code)) or "?" for code in written}
    return f"{n.city}; phones dial " + ", ".join(f"{k} ({v})" for k, v in others.items())


_TAIL_CHARS = 2000  # the end of a body the last-line check reads (page chrome after it is short)


def _last_line(n: Notice, r: FlagRules) -> str:
    """The last line of the body that is not page chrome."""
    lines = [ln.strip() for ln in n.body_text[-_TAIL_CHARS:].splitlines() if ln.strip()]
    while lines and r.body_chrome.search(lines[-1]):
        lines.pop()
    return lines[-1] if lines else ""


def _truncated(n: Notice, r: FlagRules) -> str | None:
    last = _last_line(n, r)
    if not last:
        return None
    tail = _clip(last[-20:], 24)
    for cue in r.truncation_cues:
        if last.endswith(cue):
            return f"ends on {cue!r}: …{tail}"
    for p in r.open_endings:
        if p.search(last):
            return f"ends mid-sentence: …{tail}"
    if last[-1] in r.complete_endings or any(p.search(last) for p in r.closing_lines):
        return None
    if len(last) >= r.truncated_min_chars and _CJK.match(last[-1]):
        return f"ends without punctuation: …{tail}"
    return None


def _year_not_stated(n: Notice, r: FlagRules) -> str | None:
    down = _downtime(n)
    if down is None or n.published_at is not None or (down.start is None and down.end is None):
        return None
    if r.year_pattern.search(n.body_text):
        return None
    return f"downtime {_when(down.start)} -> {_when(down.end)}, no year in the text and no publication date"


def _bigrams(text: str) -> set[str]:
    """Pairs of adjacent Chinese characters in ``text`` (read from its runs of two or more)."""
    return {run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


def _short_body(n: Notice, r: FlagRules) -> str | None:
    size = _visible_chars(_after_title(n))
    return f"{size} characters beside the title" if size < r.short_body_chars else None


def _title_unrelated(n: Notice, r: FlagRules) -> str | None:
    title = n.title or ""
    pieces = _bigrams(title)
    rest = _after_title(n)
    if len(pieces) < 4 or _visible_chars(rest) < r.short_body_chars:  # a bare body is short_body
        return None
    share = sum(1 for p in pieces if p in rest) / len(pieces)
    return f"{share:.0%} of the title's words in the body: {_clip(title)}" if share < r.title_overlap_min else None


def _spam_text(n: Notice, r: FlagRules) -> str | None:
    for field, value in (("title", n.title), ("publisher", n.publisher)):
        low = (value or "").lower()
        for word in r.spam_words:
            if word in low:
                return f"{field} holds {word!r}: {_clip(value or '')}"
    return None


def _chrome_in_body(n: Notice, r: FlagRules) -> str | None:
    search = r.body_chrome.search
    hits = [ln for ln in (raw.strip() for raw in n.body_text.splitlines()) if ln and search(ln)]
    if not hits:
        return None
    return f"{len(hits)} line(s), e.g. {_clip(hits[0], 30)}"


_CHECKS: dict[str, Callable[[Notice, FlagRules], str | None]] = {
    "no_downtime": _no_downtime,
    "long_downtime": _long_downtime,
    "end_before_start": _end_before_start,
    "year_far_from_published": _year_far,
    "published_after_start": _published_after_start,
    "chrome_title": _chrome_title,
    "site_as_publisher": _site_as_publisher,
    "area_code_mismatch": _area_code_mismatch,
    "truncated": _truncated,
    "year_not_stated": _year_not_stated,
    "title_unrelated": _title_unrelated,
    "spam_text": _spam_text,
    "short_body": _short_body,
    "chrome_in_body": _chrome_in_body,
}


def check_notice(n: Notice) -> list[Flag]:
    """Every flag ``n`` raises, in the rules file's order, each with what tripped it."""
    rules = flag_rules()
    out = []
    for info in rules.info:
        detail = _CHECKS[info.code](n, rules)
        if detail is not None:
            out.append(Flag(info.code, detail))
    return out


def notice_flags(n: Notice) -> list[str]:
    """The flag codes of ``n`` (the ``notices.flags`` column)."""
    return [f.code for f in check_notice(n)]
