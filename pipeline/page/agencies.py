"""Names of issuing bodies: whether a name is an agency's, a line naming one or several (joint
issuers), and the asides and channel words around a name (``(社保中心)``, ``微信公众号``)."""

from __future__ import annotations

import re

from .rules import page_rules


CJK = re.compile(r"[\u3400-\u9fff]")


# Latin letters (UedBet体育医疗保障局 is spam debris) or a label's separator (来源|某市医疗保障局)
_NOT_IN_NAME = re.compile(r"[A-Za-z|丨:：]")


def is_agency_name(name: str | None) -> bool:
    """True for an issuing body's name (ends like an agency, is not a news outlet or website)."""
    if not name:
        return False
    r = page_rules()
    name = name.strip()
    if not 2 <= len(name) <= 40 or not CJK.search(name) or _NOT_IN_NAME.search(name):
        return False  # too short or long, or with Latin letters or a separator
    if any(marker in name for marker in r.outlets):
        return False
    if name in r.not_publishers:
        return False  # 来源:本站 names the host itself, not an issuer
    if name in r.standalone:
        return True
    return name.endswith(r.agency_suffixes) and name not in r.agency_suffixes  # 中心 alone names no one


def without_aside(name: str) -> str:
    """``某市人力资源和社会保障局(社保中心)`` -> ``某市人力资源和社会保障局``: a short name or unit in
    brackets after a body's full name; a name that is no body without it is left as it is."""
    m = re.fullmatch(r"(?P<name>[^()()]{2,40})[((][^()()]{1,20}[))]", name)
    return m["name"] if m and is_agency_name(m["name"]) else name


def without_channel(name: str) -> str:
    """``某市医疗保障局微信公众号`` -> ``某市医疗保障局``: a credit to a bureau's own channel credits
    the bureau. An account's own name (德州医保公众号), an outlet's channel or a bare channel is left
    as it is: the bureau's formal name must stand before the channel word. A government's portal
    (某省人民政府门户网站) hosts every department's notices: it credits the host, not an issuer."""
    r = page_rules()
    for channel in r.channels:
        stem = name[: -len(channel)]
        if (name.endswith(channel) and stem.endswith(r.formal_endings) and not stem.endswith(r.channel_hosts)
                and is_agency_name(stem)):
            return stem
    return name


_SEAL_NOTE = re.compile(r"\((?:盖章|公章|章|印章|签章|印|签印)\)\s*$")  # 某市医疗保障局(盖章) in a signature


def agency_list(line: str) -> str | None:
    """A line naming one issuing body, or several (``A局 B局``, ``A局、B局``: joined with 、); else None."""
    names = _rejoin_name_parts(re.split(r"\s+", _SEAL_NOTE.sub("", line.strip())))
    names = [n for part in names for n in part.split("、") if n]
    return "、".join(names) if names and all(is_agency_name(n) for n in names) else None


def _rejoin_name_parts(words: list[str]) -> list[str]:
    """Words of a line split by blanks, a name broken by a blank put back together: a place alone
    (某市 医疗保障局) or a parent body (国家税务总局 某市税务局) goes with the word after it."""
    r = page_rules()
    out: list[str] = []
    carry = ""
    for word in (w for w in words if w):
        if carry:
            word, carry = carry + word, ""
        part = not is_agency_name(word) and len(word) <= _NAME_PART_MAX and not any(b in word for b in r.name_breakers)
        if "、" not in word and (word in r.parent_bodies or part):
            carry = word
            continue
        out.append(word)
    if carry:
        out.append(carry)
    return out


_NAME_PART_MAX = 8  # characters of a place or a prefix broken off a body's name by a blank


def split_run_together(name: str) -> str:
    """``甲省医疗保障局甲省医疗保障服务中心`` (two bodies whose separating blank was lost) ->
    ``甲省医疗保障局、甲省医疗保障服务中心``: split where a formal ending is followed by a second
    body's name opening with the same place (a parent body's name, 国家税务总局…, is not split)."""
    if "、" in name:
        return name
    r = page_rules()
    for m in re.finditer("|".join(map(re.escape, r.formal_endings)), name):
        first, second = name[:m.end()], name[m.end():]
        if (len(second) >= 4 and second[:2] == first[:2] and first not in r.parent_bodies
                and is_agency_name(first) and is_agency_name(second)):
            return f"{first}、{second}"
    return name
