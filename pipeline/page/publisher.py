"""The publisher: info lines and hints first, then a 来源 line after the body, the issuer line over
the heading, the title, a body sentence, a self-reference; a fuller name wins over a short one.
Also the evidence spans of the title and publisher, and :func:`expand_publisher` (省医保局 to its
full name once the place is known)."""

from __future__ import annotations

import re
from typing import NamedTuple


from ..cuescan import iter_matches
from .agencies import agency_list, CJK, is_agency_name, split_run_together
from .infolines import InfoLine
from .model import CleanPage, PageHints
from .rules import page_rules


def set_aside_host_credit(page: CleanPage) -> tuple[str, str] | None:
    """A ``来源:`` naming a government or its general office (某市人民政府, 某市政府办公室) credits the
    portal that posts the notices of all its bureaus: it is set aside (returned) so that an issuer
    named in the heading, title, signature or opening sentences comes first, and is kept when none is."""
    evidence = page.publisher_evidence or ""
    if page.publisher and evidence.startswith("来源:") and page.publisher.endswith(page_rules().host_bodies):
        host = (page.publisher, evidence)
        page.publisher = page.publisher_evidence = None
        return host
    return None


# Where a publisher_evidence of each kind stands in the body: "find" from the start (the title,
# the opening sentences), "rfind" from the end (the signature); other kinds (来源, 作者, 转自 info
# lines and <meta>) stand outside the body.
_PUBLISHER_IN_BODY = {"title": "find", "fuller": "find", "body": "find", "signature": "rfind"}


def locate_evidence(page: CleanPage) -> None:
    """The body spans of the title and publisher evidence (the date's are set where it is read)."""
    body = page.body_text
    if page.title and body.startswith(page.title):
        page.title_span = (0, len(page.title))
    if page.publisher_evidence:
        kind, _, words = page.publisher_evidence.partition(":")
        how = _PUBLISHER_IN_BODY.get(kind)
        at = -1 if how is None or not words else (body.rfind(words) if how == "rfind" else body.find(words))
        if at >= 0:
            page.publisher_span = (at, at + len(words))


def apply_infos(page: CleanPage, infos: list[InfoLine], hints: PageHints) -> None:
    """Publisher and date from the info lines and the HTML hints, best first."""
    credit = _credited_publisher(infos, hints)
    if credit is not None:
        page.publisher, page.publisher_evidence = credit
    for info in infos:
        if info.date and page.published_at is None:
            page.published_at, page.published_evidence = info.date, info.date_evidence
        if info.host_stamp and page.host_stamp is None:
            page.host_stamp = info.host_stamp
    if page.published_at is None and hints.published is not None:
        page.published_at, page.published_evidence = hints.published, "meta:PubDate"


def _credited_publisher(infos: list[InfoLine], hints: PageHints) -> tuple[str, str] | None:
    """The first agency an 作者 field credits, else the first a 来源 field (or meta tag) credits,
    with its evidence."""
    authors = [i.author for i in infos if i.author] + ([hints.author] if hints.author else [])
    sources = [i.publisher for i in infos if i.publisher] + ([hints.publisher] if hints.publisher else [])
    for label, names in (("作者", authors), ("来源", sources)):
        for name in names:
            if is_agency_name(name):
                return name, f"{label}:{name}"
    return None


def publisher_from_text(page: CleanPage, tail_sources: list[str], issuer: str | None,
                        host: tuple[str, str] | None) -> str | None:
    """When the info lines and the signature named no issuer (or a body's own division), the next
    best source: a 来源 line after the body, the issuer line over the heading (``issuer``), the title,
    a body sentence, a self-reference, last a host portal's credit set aside (``host``).

    Returns the issuer a body sentence names (or None), also when the publisher was known: a fuller
    name there may complete it.
    """
    if _internal_division(page):
        page.publisher = page.publisher_evidence = None  # 来源:办公室: the body named in the heading issues
    if page.publisher is None:
        _publisher_from_tail(page, tail_sources)
    if page.publisher is None and issuer:
        page.publisher, page.publisher_evidence = issuer, f"header:{issuer}"
    if page.publisher is None:
        _publisher_from_title(page)
    body = _body_issuer(page) if page.publisher is None or _longer_name_in_head(page.body_text, page.publisher) else None
    if page.publisher is None and body is not None:
        page.publisher, page.publisher_evidence = body.name, f"body:{body.evidence}"
    if page.publisher is None:
        named = _self_named_in_title(page)
        if named:
            page.publisher, page.publisher_evidence = named, f"title:{named}"
    if page.publisher is None and host is not None:
        page.publisher, page.publisher_evidence = host
    return body.name if body else None


_TITLE_ISSUER = re.compile(r"^[【\[]?(?P<name>[\u3400-\u9fff()()、 ]{2,80}?)[】\]]?\s*关于")  # 【某局】关于…


_TITLE_SPEAKER = re.compile(r"^(?P<name>[\u3400-\u9fff]{2,30})\s*:\s*(?=\S{6})")


def title_issuer(title: str | None) -> str | None:
    """``桂林医保关于...的通告``: the words before 关于, when they name an issuing body, or several
    (``甲市医疗保障局、甲市财政局关于…``, ``A局 B局关于…``: joined with 、); the body a title made of
    a name and a notice word names (``某市医疗保障局紧急通知``); a news headline's speaker."""
    m = _TITLE_ISSUER.match(title or "") or page_rules().issuer_notice_title.match(title or "")
    if m:  # 某局关于…的通告, 某局紧急通知
        names = agency_list(m["name"])
        return split_run_together(names) if names else names
    m = _TITLE_SPEAKER.match(title or "")  # 某市医保局:10月22日起医保系统停机 (a news headline's speaker)
    return m["name"] if m and is_agency_name(m["name"]) and m["name"].endswith(page_rules().formal_endings) else None


def _internal_division(page: CleanPage) -> bool:
    """Whether the publisher was read from a 来源/作者 field naming a body's own division (纳税服务处,
    办公室, 综合科: a short name ending like a division) while the title names the issuing body."""
    r = page_rules()
    name, evidence = page.publisher, page.publisher_evidence or ""
    if not name or not evidence.startswith(("来源:", "作者:")) or len(name) > _DIVISION_NAME_MAX:
        return False
    return name.endswith(r.division_endings) and title_issuer(page.title) is not None


_DIVISION_NAME_MAX = 6  # characters of a division's own name (纳税服务处, 综合科)


def _publisher_from_tail(page: CleanPage, names: list[str]) -> None:
    """The issuer credited by a ``来源:`` line after the body (a post's footer)."""
    for name in names:
        if is_agency_name(name):
            page.publisher, page.publisher_evidence = name, f"来源:{name}"
            return


def _title_subject(title: str | None) -> str | None:
    """``关于某市医疗保障局暂停医保业务的通知``: a body named right after 关于 as the one acting (an
    action word follows its name) issues the notice; a national body or a forwarded document
    (关于转发省医保局…, 关于国家医保局…) does not."""
    r = page_rules()
    if not title or "关于" not in title:
        return None
    rest = title[title.index("关于") + 2:]
    for m in re.finditer("|".join(map(re.escape, r.formal_endings)), rest[:_TITLE_SUBJECT_MAX]):
        name, after = rest[:m.end()], rest[m.end():]
        if not after.startswith(r.subject_verbs):
            continue
        if (is_agency_name(name) and _TITLE_SUBJECT_PLACED.search(name) and "、" not in name
                and not name.startswith(("国家", *r.release_verbs)) and not any(w in name for w in r.name_breakers)):
            return name
        return None
    return None


# a body of a place (某市…局, 某县…中心), not a system called like one (电子税务局, 网上服务大厅)
_TITLE_SUBJECT_PLACED = re.compile(r"[\u3400-\u9fff][省市县区州盟旗]")


_TITLE_SUBJECT_MAX = 30  # characters after 关于 within which the acting body's name ends


def _publisher_from_title(page: CleanPage) -> None:
    """The issuer named before 关于 in the title, or as the acting body right after it."""
    name = title_issuer(page.title) or _title_subject(page.title)
    if name:
        page.publisher, page.publisher_evidence = name, f"title:{name}"


def prefer_fuller_name(page: CleanPage, others: list[str | None]) -> None:
    """``来源:省医疗保障事务中心`` gives way to ``湖南省医疗保障事务中心`` from the title or signature.

    A notice names its issuer in full in the heading or signature and in short in its info line;
    a candidate that ends with the chosen name and is longer is the same body, named in full.
    """
    if not page.publisher:
        return
    for name in others:
        if name and len(name) > len(page.publisher) and name.endswith(page.publisher):
            page.publisher, page.publisher_evidence = name, f"fuller:{name}"
            return


def _self_named_in_title(page: CleanPage) -> str | None:
    """A body that calls itself 我院/本院 (我局, 本中心) in its text and is named in the headline
    (…来某某医院就诊要注意这些): the body named there, ending as the self-reference says."""
    r = page_rules()
    if not page.title:
        return None
    endings = {e for word, ends in r.self_names.items() if word in page.body_text for e in ends}
    for ending in sorted(endings, key=len, reverse=True):
        for m in re.finditer(rf"[\u3400-\u9fff]{{2,30}}?{re.escape(ending)}", page.title):
            name = m.group(0)
            if name.startswith(r.name_lead_verbs) and is_agency_name(name[1:]):
                name = name[1:]
            if is_agency_name(name) and name != ending and not any(w in name for w in r.name_breakers):
                return name
    return None


_HEAD_CHARS = 800  # the opening sentences, where a body sentence names the issuer


class _Named(NamedTuple):
    """An issuer read from the text and the words that name it."""

    name: str
    evidence: str


def _body_issuer(page: CleanPage) -> _Named | None:
    """An issuer named in the opening sentences: ``X发布了《...公告》``, ``记者从X获悉``, ``X就…作出解答``,
    ``A、B将于...公告如下`` (see page.yaml news_relays)."""
    head = page.body_text[:_HEAD_CHARS]
    # Every pattern opens with a start-or-separator group the engine cannot skip through quickly:
    # it is searched only when the head holds the words it needs (发布《, 记者, 如下: cuescan.Gated).
    r = page_rules()
    m = r.body_published.cue.search(head) if r.body_published.admits(head) else None
    if m and _named_in_body(m["name"]):
        return _Named(m["name"], m.group(0).strip(",。;: "))
    for relay_cue in r.relays:
        if not relay_cue.admits(head):
            continue
        for relay in iter_matches(relay_cue.cue, head):  # 记者从X获悉: a news report relaying the bureau
            if _named_in_body(relay["name"]):
                return _Named(relay["name"], relay.group(0).strip(",。;:?! "))
    m = r.body_issuers.cue.search(head) if r.body_issuers.admits(head) else None
    if m and _named_in_body(m["names"]):
        return _Named(m["names"], m["names"])
    return None


def _longer_name_in_head(body: str, name: str) -> bool:
    """Whether the opening sentences write ``name`` after more characters of a name (国家税务总局 +
    陕西省税务局): only then may a body sentence name the issuer more fully."""
    at = body.find(name, 0, _HEAD_CHARS)
    while at >= 0:
        if at > 0 and CJK.match(body, at - 1):
            return True
        at = body.find(name, at + 1, _HEAD_CHARS)
    return False


def _named_in_body(names: str) -> bool:
    """True when a name read from a body sentence (one body, or several joined with 、) names issuing
    bodies, not a clause that happens to end like one (请留意市医保局)."""
    breakers = page_rules().name_breakers
    return all(is_agency_name(n) and not any(w in n for w in breakers) for n in names.split("、"))


def expand_publisher(name: str | None, province: str | None, city: str | None) -> str | None:
    """``省医保局`` (a notice's own shorthand) to ``山西省医疗保障局`` once the place is known."""
    if not name:
        return name
    r = page_rules()
    m = r.bare_publisher.match(name)
    if not m or not is_agency_name(m.group(2)):
        return name
    place = province if r.bare_levels[m.group(1)] == "province" else city
    if not place:
        return name
    return place + r.bare_expand.get(m.group(2), m.group(2))
