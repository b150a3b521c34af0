"""Place resolution: province, prefecture-level city, adcode and area code of a notice.

Notices rarely say plainly where they apply, so several signals are scored per candidate city
(strongest first): the publisher's name, the title, the city's full or short name in the body,
phone numbers carrying the city's area code, several counties of one city, and mentions of its
province. The data come from ``rules/divisions.csv`` (every province, prefecture-level and
county-level division with short and old names, adcodes and area codes; built by
``scripts/build_divisions.py``) and ``rules/place_aliases.yaml`` (aliases that cannot be derived,
words that only look like places, cue words and the weights of the signals).

The dictionary matcher is built once, on first use; matching is leftmost-longest over the text,
so 河南平顶山 reads as 河南 + 平顶山 (not 南平) and a phrase listed as ``not_places`` (北京时间)
hides the place name inside it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any, NamedTuple

from .cuescan import WordCount
from .normalize import normalize_text
from .records import Place
from .ruledata import load_csv, load_yaml

__all__ = ["Division", "locate", "area_code_for", "division", "cities_for_area_code"]


_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
# Endings that make an old name a full name (襄樊市, 奉化市, 铜仁地区) rather than a short one.

_PHONE = re.compile(
    r"""
    (?P<num>
      (?:\(0|0)\d{2,3}   # area code, perhaps in brackets (a literal start keeps the search fast)
      \)?
      (?P<sep>[-\s—–]?)   # optional separator
      \d{5,8}            # local number (5 digits only for a 123xx hotline after a dash)
    )
    (?!\d)               # not the head of a longer number
    """,
    re.VERBOSE,
)
# A single space between two CJK characters is layout residue (渠 县): dropped before matching.
_CJK_GAP = re.compile(
    r"""
    [ \t\u3000]                            # one space (matched first: cheap to search for)
    (?<=[\u4e00-\u9fff][ \t\u3000])       # after a CJK character
    (?=[\u4e00-\u9fff])                    # before a CJK character
    """,
    re.VERBOSE,
)
_THREE_DIGIT_CODES = ("010", "020", "021", "022", "023", "024", "025", "026", "027", "028", "029")


@dataclass(frozen=True, slots=True)
class Division:
    """One row of ``divisions.csv``: a province, prefecture-level city or county."""

    adcode: str
    name: str
    level: str  # province / city / county
    kind: str  # 省, 自治区, 直辖市, 市, 自治州, 地区, 盟, 省直辖县级, 区, 县 ...
    short_names: tuple[str, ...]
    old_names: tuple[str, ...]
    city_adcode: str
    city_name: str
    province_adcode: str
    province_name: str
    area_code: str | None
    other_area_codes: tuple[str, ...]

    @property
    def is_municipality(self) -> bool:
        """北京, 天津, 上海, 重庆: one row that is both province and city."""
        return self.kind == "直辖市"

    @property
    def is_city(self) -> bool:
        """True for a prefecture-level unit (or municipality), the level ``locate`` resolves to."""
        return self.level == "city" or self.is_municipality


@dataclass(frozen=True, slots=True)
class _Form:
    """One reading of a surface string: which division, at which level, how it is written."""

    adcode: str
    level: str  # province / city / county (a municipality reads as city)
    full: bool
    risky: bool


@dataclass(slots=True)
class _Hit:
    """A dictionary match in one text."""

    surface: str
    start: int
    end: int
    forms: tuple[_Form, ...]


@dataclass(slots=True)
class _Index:
    """Everything built once from the rule files."""

    divisions: dict[str, Division]
    forms: dict[str, tuple[_Form, ...]]
    lengths: dict[str, tuple[int, ...]]  # first two characters -> lengths of surfaces, longest first
    first_chars: re.Pattern[str]
    code_cities: dict[str, tuple[str, ...]]
    rules: dict[str, Any]
    weights: dict[str, float]
    cue_after: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    firm_suffixes: tuple[str, ...]  # 南京银行, 四川大学: a firm's or school's name, not a place
    product_names: re.Pattern[str]  # “某某医保”公众号: a quoted product name (body only)
    city_cues: tuple[str, ...]
    province_cues: tuple[str, ...]
    city_cue_count: WordCount  # counts city_cues in one pass
    province_cue_count: WordCount
    county_cues: tuple[str, ...]
    province_issuer_openers: tuple[str, ...]  # 省医疗保障局: a province-level body without its name


@dataclass(slots=True)
class _Tally:
    """Scores of candidate cities and the reasons behind them."""

    scores: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    why: defaultdict[str, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))
    # cities named by the publisher or title, or by several of their counties: such a city is the
    # notice's own; names and phone numbers in the body may also be a list of many cities
    strong: set[str] = field(default_factory=set)
    provinces: Counter[str] = field(default_factory=Counter)
    province_first: dict[str, int] = field(default_factory=dict)

    def add(self, adcode: str, weight: float, label: str, *, strong: bool = False) -> None:
        """Credit a city with a weight and a reason."""
        if weight <= 0:
            return
        self.scores[adcode] += weight
        self.why[adcode].append((weight, label))
        if strong:
            self.strong.add(adcode)

    def province(self, adcode: str, order: int, n: int = 1) -> None:
        """Count an explicit mention of a province."""
        self.provinces[adcode] += n
        self.province_first.setdefault(adcode, order)


def _split(value: str) -> tuple[str, ...]:
    """'a|b' -> ('a', 'b'); empty -> ()."""
    return tuple(v for v in value.split("|") if v)


@functools.cache
def _index() -> _Index:
    """Build the divisions table, the surface-form dictionary and the area-code map (once)."""
    rules = load_yaml("place_aliases.yaml")
    divisions = _load_divisions()
    forms = _surface_forms(divisions, rules)
    lengths, first_chars = _prefix_matcher(forms)
    return _Index(
        divisions=divisions, forms=forms, lengths=lengths, first_chars=first_chars,
        code_cities=_code_cities(divisions),
        rules=rules, weights={k: float(v) for k, v in rules["weights"].items()},
        cue_after=tuple(rules["cue_after"]), street_suffixes=tuple(rules["street_suffixes"]),
        firm_suffixes=tuple(rules["firm_suffixes"]),
        product_names=re.compile("|".join(f"(?:{p})" for p in rules["product_names"])),
        city_cues=tuple(rules["city_cues"]), province_cues=tuple(rules["province_cues"]),
        city_cue_count=WordCount(rules["city_cues"]), province_cue_count=WordCount(rules["province_cues"]),
        county_cues=tuple(rules["county_cues"]),
        province_issuer_openers=tuple(rules["province_issuer_openers"]),
    )


def _load_divisions() -> dict[str, Division]:
    """The rows of ``divisions.csv`` by adcode."""
    divisions: dict[str, Division] = {}
    for row in load_csv("divisions.csv"):
        d = Division(
            adcode=row["adcode"], name=row["name"], level=row["level"], kind=row["kind"],
            short_names=_split(row["short_names"]), old_names=_split(row["old_names"]),
            city_adcode=row["city_adcode"], city_name=row["city_name"],
            province_adcode=row["province_adcode"], province_name=row["province_name"],
            area_code=row["area_code"] or None, other_area_codes=_split(row["other_area_codes"]),
        )
        divisions[d.adcode] = d
    return divisions


def _surface_forms(divisions: dict[str, Division], rules: dict[str, Any]) -> dict[str, tuple[_Form, ...]]:
    """Every way a division is written (full, short, old names, aliases) to its readings.

    A phrase listed as ``not_places`` maps to no reading: it is matched, then ignored.
    """
    generic = set(rules["generic_names"])
    risky = set(rules["risky_short_names"])
    raw: dict[str, list[_Form]] = defaultdict(list)

    def add(surface: str, d: Division, *, full: bool) -> None:
        if len(surface) < 2 or surface in generic:
            return
        level = "city" if d.is_city else d.level
        form = _Form(d.adcode, level, full, (not full) and surface in risky)
        if form not in raw[surface]:
            raw[surface].append(form)

    for d in divisions.values():
        add(d.name, d, full=True)
        for s in d.short_names:
            add(s, d, full=False)
            if d.kind == "自治州" and not s.endswith("州"):
                add(s + "州", d, full=False)  # 恩施州, 湘西州, 巴州 is in the table already
        for o in d.old_names:
            add(o, d, full=o.endswith(tuple(rules["full_name_suffixes"])))
    for surface, adcode in rules["aliases"].items():
        add(str(surface), divisions[str(adcode)], full=False)

    # The matcher reads normalized text, and OpenCC rewrites a few names (乾安县 -> 干安县): index
    # the rewritten forms too. One call over all surfaces keeps the build fast.
    surfaces = list(raw)
    rewritten = normalize_text("\n".join(surfaces)).split("\n")
    if len(rewritten) == len(surfaces):
        for orig, new in zip(surfaces, rewritten):
            if new != orig and len(new) >= 2 and new not in raw:
                raw[new] = raw[orig]

    forms: dict[str, tuple[_Form, ...]] = {}
    for surface, fs in raw.items():
        # A surface naming both a city and counties elsewhere (朝阳) reads at its highest level.
        top = min(_LEVEL_RANK[f.level] for f in fs)
        forms[surface] = tuple(f for f in fs if _LEVEL_RANK[f.level] == top)
    for phrase in rules["not_places"]:
        forms[str(phrase)] = ()  # matched, then ignored
    return forms


def _prefix_matcher(forms: dict[str, tuple[_Form, ...]]) -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    """The lengths of the surfaces by their first two characters, and where a surface may start.

    Every surface has 2+ characters: two character classes find the candidate positions in C
    (a possible first character followed by a possible second one), and the two-character prefix
    table rejects most of those with one dict lookup.
    """
    by_prefix: dict[str, set[int]] = defaultdict(set)
    for surface in forms:
        by_prefix[surface[:2]].add(len(surface))
    lengths = {pre: tuple(sorted(ls, reverse=True)) for pre, ls in by_prefix.items()}
    first_chars = re.compile(
        "[" + "".join(re.escape(c) for c in sorted({p[0] for p in lengths})) + "]"  # a first character
        + "(?=[" + "".join(re.escape(c) for c in sorted({p[1] for p in lengths})) + "])"  # then a second
    )
    return lengths, first_chars


def _code_cities(divisions: dict[str, Division]) -> dict[str, tuple[str, ...]]:
    """The cities (adcodes) that dial each area code."""
    code_cities: dict[str, list[str]] = defaultdict(list)
    for d in divisions.values():
        if d.is_city:
            for code in (d.area_code, *d.other_area_codes):
                if code:
                    code_cities[code].append(d.adcode)
    return {k: tuple(v) for k, v in code_cities.items()}


def _scan(ix: _Index, text: str, own_firm: bool = False) -> list[_Hit]:
    """Leftmost-longest dictionary matches in ``text`` that pass the context checks; ``own_firm``:
    ``text`` is the issuer's own name, where a firm's or school's place counts (see :func:`_in_context`)."""
    hits: list[_Hit] = []
    taken = 0
    lengths, forms = ix.lengths.get, ix.forms.get
    for i in [m.start() for m in ix.first_chars.finditer(text)]:
        if i < taken:
            continue
        for n in lengths(text[i : i + 2], ()):
            surface = text[i : i + n]
            fs = forms(surface)
            if fs is None:
                continue
            taken = i + n
            if fs and _in_context(ix, text, surface, i, i + n, fs, own_firm):
                hits.append(_Hit(surface, i, i + n, fs))
            break
    return hits


def _in_context(ix: _Index, text: str, surface: str, start: int, end: int, fs: tuple[_Form, ...],
                own_firm: bool = False) -> bool:
    """False for a street name (北京路) or a risky short name without a cue (开封 in 开封后). A firm or
    school named after a place (南京银行, 郑州大学) serves many places, but when it issues the notice
    (``own_firm``: the text is the publisher's name, 郑州大学第一附属医院) its place is the notice's."""
    after = text[end : end + 6]
    if after.startswith(ix.street_suffixes) or (after.startswith(ix.firm_suffixes) and not own_firm):
        return False
    if surface.endswith("市") and after.startswith("场"):
        # XX市场监督管理局 / 大同市场: the 市 belongs to 市场, so only the stem is a name
        stem = ix.forms.get(surface[:-1]) or ()
        return bool(stem) and not any(f.risky for f in stem)
    if not any(f.risky for f in fs):
        return True
    if after.startswith(ix.cue_after):
        return True
    before = text[max(0, start - 8) : start]
    for f in fs:  # the division's own province right before it: 河南开封
        prov = ix.divisions[ix.divisions[f.adcode].province_adcode]
        if any(before.endswith(p) for p in (prov.name, *prov.short_names)):
            return True
    return False


def _city_of(ix: _Index, f: _Form) -> str | None:
    """Adcode of the prefecture-level unit a form points to (None for a province)."""
    if f.level == "province":
        return None
    return ix.divisions[f.adcode].city_adcode


def _score_header(ix: _Index, tally: _Tally, text: str, label: str, weight: float) -> _Names:
    """Score the publisher or title; return what it names (a city or county, a province)."""
    hits = _scan(ix, text, own_firm=label == "publisher")
    w = ix.weights
    # joint issuers (甲市医疗保障局、乙市医疗保障局): the first named leads, the others count less
    lead_end = text.find("、") if label == "publisher" else -1
    cities: dict[str, float] = {}
    surfaces: dict[str, str] = {}
    has_province = False
    for order, h in enumerate(hits):
        provs = [f for f in h.forms if f.level == "province"]
        for f in provs:
            tally.province(f.adcode, order)
            has_province = True
        local = [f for f in h.forms if f.level != "province"]
        if not local:
            continue
        share = 1.0 / len({_city_of(ix, f) for f in local})
        for f in local:
            city = _city_of(ix, f)
            assert city is not None
            factor = w["county_in_header"] if f.level == "county" else 1.0
            if 0 <= lead_end < h.start:
                factor *= w["joint_issuer"]
            if weight * factor * share > cities.get(city, 0.0):
                cities[city] = weight * factor * share
                surfaces[city] = h.surface
            if f.adcode == city and ix.divisions[city].is_municipality:
                tally.province(city, order)  # 北京市 itself (not a district: 朝阳区 is also in 长春)
    for city, value in cities.items():
        # the publisher is short and says who spoke; for a title the name found is enough
        shown = text if label == "publisher" else surfaces[city]
        tally.add(city, value, f"{label}:{shown}", strong=True)
    return _Names(city=bool(cities), province=has_province)


class _County(NamedTuple):
    """A county named in the body: its share of the hit (1 / cities it may belong to), and
    whether it was written in full (渠县, not 渠)."""

    share: float
    full: bool


@dataclass(slots=True)
class _BodyNames:
    """The place names of a body, by the city they point to."""

    mentions: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # city -> weights
    surfaces: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # city -> as written
    counties: defaultdict[str, dict[str, _County]] = field(default_factory=lambda: defaultdict(dict))


def _score_body(ix: _Index, tally: _Tally, text: str) -> None:
    """Score city names, counties, province mentions and area codes in the body."""
    found = _body_names(ix, tally, text)
    w = ix.weights
    cap = int(w["body_cap"])
    for city, values in found.mentions.items():
        top = sorted(values, reverse=True)[:cap]
        surface = Counter(found.surfaces[city]).most_common(1)[0][0]
        tally.add(city, sum(top), f"body:{surface}x{len(values)}")
    _score_counties(ix, tally, found.counties, text)
    _score_area_codes(ix, tally, text)


def _body_names(ix: _Index, tally: _Tally, text: str) -> _BodyNames:
    """Read the place names of the body: provinces are counted on the tally, cities and counties
    gathered by city."""
    w = ix.weights
    found = _BodyNames()
    for order, h in enumerate(_scan(ix, text)):
        levels = {f.level for f in h.forms}
        if "province" in levels:
            for f in h.forms:
                tally.province(f.adcode, 1000 + order)
        elif "city" in levels:
            share = 1.0 / len(h.forms)
            # a short name followed by an agency word (郑州全市, 开封医保) reads as surely as a full one
            cued = text.startswith(ix.cue_after, h.end)
            for f in h.forms:
                found.mentions[f.adcode].append((w["body_full"] if f.full or cued else w["body_short"]) * share)
                found.surfaces[f.adcode].append(h.surface)
                if ix.divisions[f.adcode].is_municipality:
                    tally.province(f.adcode, 1000 + order)
        else:
            share = 1.0 / len({_city_of(ix, f) for f in h.forms})
            for f in h.forms:
                city = _city_of(ix, f)
                assert city is not None
                county = ix.divisions[f.adcode].name
                prev = found.counties[city].get(county, _County(0.0, False))
                found.counties[city][county] = _County(max(share, prev.share), f.full or prev.full)
    return found


def _score_counties(ix: _Index, tally: _Tally, counties: dict[str, dict[str, _County]], text: str) -> None:
    """Several counties of one city speak for it; one county written in full, a little (more with
    a county cue such as 我县 when it is the only one named)."""
    w = ix.weights
    own_county = len(counties) == 1 and any(c in text for c in ix.county_cues)
    for city, found in counties.items():
        if len(found) >= 2:
            value = min(sum(c.share for c in found.values()), w["county_cap"]) * w["county"]
            tally.add(city, value, "counties:" + ",".join(list(found)[:6]), strong=True)
            continue
        (county, one), = found.items()
        if one.full and own_county:
            # 我县/全县 and one county named: a county's own notice, for its prefecture
            tally.add(city, w["county_own"] * one.share, f"county:{county}+cue", strong=True)
        elif one.full:
            tally.add(city, w["county_single"] * one.share, f"county:{county}")


def _score_area_codes(ix: _Index, tally: _Tally, text: str) -> None:
    """Credit the cities whose area code leads the phone numbers in the body."""
    w = ix.weights
    numbers: dict[str, set[str]] = defaultdict(set)
    for m in _PHONE.finditer(text):
        if m.start() and text[m.start() - 1] in "0123456789.":
            continue  # the tail of a longer number or a decimal
        digits = re.sub(r"\D", "", m["num"])
        size = 3 if digits.startswith(_THREE_DIGIT_CODES) else 4
        code, local = digits[:size], digits[size:]
        if code not in ix.code_cities:
            continue
        hotline = len(local) == 5 and local.startswith("12") and m["sep"] in ("-", "—", "–")
        if not (7 <= len(local) <= 8 or hotline):
            continue
        numbers[code].add(local)
    for code, locals_ in numbers.items():
        cities = ix.code_cities[code]
        value = min(len(locals_), w["area_code_cap"]) * w["area_code"] / len(cities)
        for city in cities:
            tally.add(city, value, f"area_code:{code}x{len(locals_)}")


def _evidence(tally: _Tally, city: str, limit: int = 3) -> str:
    """The strongest reasons for a city, joined with '+'."""
    reasons = sorted(tally.why[city], key=lambda r: -r[0])
    seen: list[str] = []
    for _, label in reasons:
        if label not in seen:
            seen.append(label)
    return "+".join(seen[:limit])


def _best_province(ix: _Index, tally: _Tally) -> str | None:
    """The most mentioned province (the earliest first on ties)."""
    if not tally.provinces:
        return None
    return min(tally.provinces, key=lambda p: (-tally.provinces[p], tally.province_first[p]))


def locate(text: str, *, title: str | None = None, publisher: str | None = None, sources: Sequence[str] = ()) -> Place:
    """Province, city, adcode and area code of a notice, from its own words.

    ``text`` is the notice's body after :func:`pipeline.normalize.normalize_text`; ``title`` and
    ``publisher`` come from the page metadata (normalized here too). Signals, strongest first:
    the publisher's name, the title, the city's full or short name in the body, phone numbers
    with the city's area code, several counties of one city, and province mentions (which also
    break ties). A province-level body as publisher, province-level cues (省直, 省医保中心)
    with only weak city evidence, or a title/publisher naming a province and no city while only
    area codes point at a city (0951 of a 自治区 office), give a province and no city; such a
    Place carries the province's area code when all its cities dial one (海南 0898), else none. Municipalities have
    province = city. ``sources``: issuing bodies credited by the page's 来源/作者 lines besides the
    publisher; without a publisher the first stands for it, else each names a city almost as surely.
    A system, app or account named in quotes (“某某医保”公众号) names a city only when nothing else does. ``Place.evidence`` says
    what decided it; nothing found is an empty Place.
    """
    ix = _index()  # broken rule files raise RulesError, naming the file and the key
    body = _CJK_GAP.sub("", text or "")
    products = [m.group(0) for m in ix.product_names.finditer(body)]
    body = ix.product_names.sub(" ", body) if products else body
    pub = normalize_text(publisher).strip() if publisher else ""
    ttl = normalize_text(title).strip() if title else ""
    others = [s for s in (normalize_text(s).strip() for s in sources) if s and s != pub]
    if not pub and others:
        pub = others.pop(0)  # the issuer credited by the 来源 line stands for the publisher
    tally = _Tally()
    pub_names = _score_header(ix, tally, pub, "publisher", ix.weights["publisher"]) if pub else _NAMES_NOTHING
    if pub.startswith(ix.province_issuer_openers) and not pub_names.city:
        pub_names = _Names(city=False, province=True)  # 省公安厅…: a province's body, its name left out
    for source in others:
        _score_header(ix, tally, source, "source", ix.weights["source"])
    title_names = _score_header(ix, tally, ttl, "title", ix.weights["title"]) if ttl else _NAMES_NOTHING
    _score_body(ix, tally, body)
    if products and not tally.scores:  # nothing else names a city: the app is the city's own
        _score_body(ix, tally, "\n".join(products))
    _add_province_bonus(ix, tally)
    cues = _Cues(city=ix.city_cue_count.count(body + ttl), province=ix.province_cue_count.count(body + ttl + pub))
    best = max(tally.scores, key=lambda c: tally.scores[c], default=None)
    reason = _no_city_reason(ix, tally, best, _Headings(pub, pub_names, title_names), cues)
    if not reason and best is not None:
        d = ix.divisions[best]
        return Place(province=d.province_name, city=d.name, adcode=d.adcode,
                     area_code=d.area_code, evidence=_evidence(tally, best))
    return _province_place(ix, tally, reason, cues)


class _Names(NamedTuple):
    """What a heading (the publisher or the title) names."""

    city: bool  # a city or a county
    province: bool


_NAMES_NOTHING = _Names(city=False, province=False)


class _Headings(NamedTuple):
    """The publisher as written and what it and the title name."""

    publisher: str
    publisher_names: _Names
    title_names: _Names


class _Cues(NamedTuple):
    """Counts of city-level (市医保局, 全市) and province-level (省直, 全省) cue words."""

    city: int
    province: int


def _add_province_bonus(ix: _Index, tally: _Tally) -> None:
    """Credit each candidate city with the mentions of its own province (capped)."""
    w = ix.weights
    for city in list(tally.scores):
        own = ix.divisions[city].province_adcode
        n = min(tally.provinces.get(own, 0), int(w["province_bonus_cap"]))
        if n and not ix.divisions[city].is_municipality:
            tally.add(city, n * w["province_bonus"], f"province:{ix.divisions[own].name}x{n}")


def _no_city_reason(ix: _Index, tally: _Tally, best: str | None, headings: _Headings, cues: _Cues) -> str:
    """Why the notice has a province and no city (empty when the best city stands)."""
    w = ix.weights
    best_score = tally.scores[best] if best else 0.0
    pub, title = headings.publisher_names, headings.title_names
    if pub.province and not pub.city and not title.city:
        return f"publisher:{headings.publisher}"
    if best is None or best_score < w["city_threshold"]:
        return "no city"
    if _area_code_only(tally, best, headings, cues):
        return "province heading, area code only"
    if cues.province and not cues.city and best not in tally.strong and best_score < w["strong_city"]:
        return "province cues"
    rivals = [tally.scores[c] for c in tally.scores if c != best]
    if best not in tally.strong and any(score >= w["ambiguity_ratio"] * best_score for score in rivals):
        return "several cities"  # a list of cities, none backed by more than mentions
    if any(abs(score - best_score) < 1e-9 for score in rivals):
        return "tie"  # a same-name district (鼓楼区医疗保障局) and nothing to tell which
    return ""


def _area_code_only(tally: _Tally, best: str, headings: _Headings, cues: _Cues) -> bool:
    """A city known only from the area code of its phones (0951 of the capital, where a provincial
    office sits) is no city of its own when the heading names a province and no city."""
    pub, title = headings.publisher_names, headings.title_names
    if pub.city or title.city or cues.city or not (pub.province or title.province):
        return False
    return all(label.startswith(("area_code:", "province:")) for _, label in tally.why[best])


def _province_place(ix: _Index, tally: _Tally, reason: str, cues: _Cues) -> Place:
    """The Place of a notice without a city of its own: its province (a municipality is both), or
    an empty Place when no province stands out either."""
    prov = _best_province(ix, tally) or _majority_province(ix, tally)
    if prov is None:
        return Place(evidence=None)
    pd = ix.divisions[prov]
    if tally.provinces.get(prov):
        evidence = f"province:{pd.name}x{tally.provinces[prov]}"
    else:  # named by its cities only (0728 -> 仙桃, 潜江, 天门)
        names = [ix.divisions[c].name for c in tally.scores if ix.divisions[c].province_adcode == prov]
        evidence = "cities:" + ",".join(names[:4])
    if pd.is_municipality:
        return Place(province=pd.name, city=pd.name, adcode=pd.adcode, area_code=pd.area_code, evidence=evidence)
    if reason.startswith("publisher:"):
        evidence = reason
    elif cues.province:
        evidence += f"+cues:{cues.province}"
    return Place(province=pd.name, city=None, adcode=None, area_code=_province_area_code(prov), evidence=evidence)


def _majority_province(ix: _Index, tally: _Tally) -> str | None:
    """The province holding most of weak or split city evidence, when it holds more than half
    (0728 -> 仙桃, 潜江, 天门 -> 湖北; 鼓楼区 -> 南京, 徐州, 福州, 开封 -> no majority)."""
    if not tally.scores:
        return None
    totals: dict[str, float] = defaultdict(float)
    for c, value in tally.scores.items():
        totals[ix.divisions[c].province_adcode] += value
    top, value = max(totals.items(), key=lambda kv: kv[1])  # the first of the largest, as most_common
    return top if value > 0.5 * sum(totals.values()) else None


@functools.cache
def _province_area_code(adcode: str) -> str | None:
    """The one area code every city of a province dials (海南 0898), or None when they differ."""
    ix = _index()
    codes = {code for d in ix.divisions.values() if d.is_city and d.province_adcode == adcode
             for code in (d.area_code, *d.other_area_codes)}
    return codes.pop() if len(codes) == 1 and None not in codes else None


def _code_of(ix: _Index, adcode: str) -> str | None:
    """Area code of a division: its own, its city's, or (a province) the one all its cities share."""
    d = ix.divisions[adcode]
    if d.level == "province" and not d.is_municipality:
        return _province_area_code(adcode)
    return d.area_code or (ix.divisions[d.city_adcode].area_code if d.city_adcode else None)


def division(adcode: str) -> Division | None:
    """The row of ``divisions.csv`` with this adcode (province, city or county), or None."""
    return _index().divisions.get(adcode)


def cities_for_area_code(code: str) -> tuple[Division, ...]:
    """Cities (prefecture-level units) that dial this area code (0728 -> 仙桃, 潜江, 天门)."""
    ix = _index()
    return tuple(ix.divisions[a] for a in ix.code_cities.get(code, ()))


def area_code_for(city_or_adcode: str) -> str | None:
    """Area code of a city or county, given by adcode (429006) or name (忻州市, 桂林, 宁海县).

    A longer name is scanned for the first place in it (桂林市医疗保障局 -> 0773). A province has
    the code all its cities share (海南 -> 0898), else none. None when the name is unknown or
    ambiguous between cities with different codes.
    """
    ix = _index()
    key = (city_or_adcode or "").strip()
    if key in ix.divisions:
        return _code_of(ix, key)
    forms = ix.forms.get(key)
    if not forms:
        hits = [h for h in _scan(ix, normalize_text(key)) if h.forms]
        forms = hits[0].forms if hits else ()
    codes = {_code_of(ix, _city_of(ix, f) or f.adcode) for f in forms}
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None
