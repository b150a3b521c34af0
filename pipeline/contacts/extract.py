"""Phone-number extraction: every number of a notice, normalized, with the body it belongs to.

Steps: find number shapes (:mod:`pipeline.contacts.numbers`), keep those that are phones (traps,
cues, groups), normalize them with ``phonenumbers``, then read the words around each one for its
organization, department and note (:mod:`pipeline.contacts.labels`). Rules and word lists live in
``rules/contacts.yaml``.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..normalize import is_text_run
from ..records import Contact
from .labels import (Attribution, classify_label, clean_label, heading_org, parse_suffix,
                     sentence_org)
from .numbers import Candidate, Normalized, find_candidates, normalize_candidate, split_compact
from .rules import CJK, ContactRules, contact_rules

__all__ = ["extract_contacts"]

log = logging.getLogger(__name__)

# Text between two numbers of one group: 0350-3032798/3032386, 3032798、3032386, ... 或 ...
# Where a sentence starts (a bare local number needs a phone cue in its own sentence).
_SENTENCE_ENDS = "。!?\n"
# Where a clause starts (a mention asking to call the number has its cue in the same clause).
_CLAUSE_BREAK = re.compile(r"[,;。!?\n]")
# Hard separators inside a line: the label before a number starts after the last one.
_CLAUSE_SEP = re.compile(r"[。;!?]")
_CLAUSE_ENDS = "。;!?"
# Separators between the parts of a label (市本级业务联系电话:职工...业务:2886097).
_LABEL_SEP = re.compile(r"[:,]")
_CJK_CHAR = re.compile(f"[{CJK}]")
# How far before a number its sentence or label is looked for, in characters (bounds the work
# per number on one long line).
_LOOK_BACK = 400
# How far before a number a trap word (邮编, 账号 ...) still counts, in characters.
_TRAP_WINDOW = 12
# How close a cue must be to an unlisted short number (95518, 96123), in characters.
_SHORT_CUE_WINDOW = 6
# A serial-number cell of a table copied one cell per line (1, 2, 12).
_SERIAL_CELL = re.compile(r"[0-9]{1,3}[.、]?")
# Sentence punctuation: a line holding it is running text, never a table cell.
_CELL_BREAK = re.compile(r"[。,;!?]")
# Longest table cell, in characters (淄博高新技术产业开发区医保中心 is 15).
_MAX_CELL = 24

# Forms a following unit (元, 人 ...) turns into a quantity; area-coded numbers never are.
_UNIT_FORMS = ("local", "short", "mobile")
_AREA_FORMS = ("landline", "area_short")


@dataclass(slots=True)
class _Found:
    """A candidate accepted as a phone, with its normalized form and where it sits."""

    cand: Candidate
    phone: str
    e164: str | None
    kind: str
    line: int
    leader: _Found | None = None  # first number of its group (0350-3032798/3032386)
    call: bool = False  # a phone cue stands in its own clause: the text asks to call it
    attribution: Attribution = field(default_factory=Attribution)


def extract_contacts(text: str, area_code: str | None = None) -> list[Contact]:
    """Every phone number in ``text``, normalized, with the body it belongs to.

    ``text`` is the notice's normalized ``body_text``; spans point into it. ``area_code`` is the
    city's telephone code (``0773``, with or without the leading 0). Local numbers written without
    an area code (``2886097``) get the code of the number they are grouped with
    (``0350-3032798/3032386``), else ``area_code``, else the code most used by the notice's own
    landlines; when none is known, ``phone`` is the bare digits and ``phone_e164`` is None.
    Short hotlines (12393, or ``0531-12345`` when written with an area code) have no E.164 form.
    Each distinct ``phone`` is reported once (its best-attributed mention). Never raises on odd
    text; returns ``[]`` when nothing is found.
    """
    if not text:
        return []
    rules = contact_rules()
    candidates = find_candidates(text)
    if not candidates:
        return []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    area = _area_code(area_code) or _dominant_area(candidates)
    found = _accept(text, candidates, line_starts, area, rules)
    _attribute(text, found, line_starts, rules)
    return _best_per_phone(found, text)


def _area_code(code: str | None) -> str | None:
    """An area code with its leading 0 (``773`` -> ``0773``), or None when it is not one."""
    if not code:
        return None
    digits = re.sub(r"\D", "", code)
    if not 2 <= len(digits) <= 4:
        return None
    return digits if digits.startswith("0") else "0" + digits


def _dominant_area(candidates: list[Candidate]) -> str | None:
    """The area code most written on the notice's own landlines, or None."""
    counts: Counter[str] = Counter()
    for cand in candidates:
        if cand.form in _AREA_FORMS and cand.area:
            counts[cand.area] += 1
        elif cand.form == "compact":
            split = split_compact(cand.digits)
            if split:
                counts[split.area] += 1
    return counts.most_common(1)[0][0] if counts else None


def _line_text(text: str, line_starts: list[int], n: int) -> str:
    """The text of line ``n``."""
    end = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
    return text[line_starts[n]:end]


def _line_of(pos: int, line_starts: list[int]) -> int:
    """Index of the line holding offset ``pos``."""
    return bisect.bisect_right(line_starts, pos) - 1


def _trapped(text: str, cand: Candidate, line_start: int, rules: ContactRules) -> bool:
    """True when a trap word (邮编, 账号 ...) stands shortly before the number, after any cue."""
    lo = max(line_start, cand.start - _TRAP_WINDOW)
    window = text[lo:cand.start]
    # A trap word counts in the number's own sentence only (…及时回复。 5、12329服务热线).
    window = window[max(window.rfind(end) for end in _CLAUSE_ENDS) + 1:]
    traps = list(rules.trap_prefix.finditer(window))
    if not traps:
        return False
    cues = list(rules.phone_cue.finditer(window))
    return not cues or traps[-1].start() > cues[-1].start()


_NEXT_LABEL = re.compile(r" +[\u3400-\u9fff]{2,20}[:：]")  # a blank, then the next number's label


def _unit_follows(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a unit (元, 人, 号, 年 ...) follows the number: a quantity, date or serial."""
    rest = text[cand.end:cand.end + 3].lstrip(" ")
    if not rest or rest[0] not in rules.trap_units:
        return False
    if text.startswith(" ", cand.end) and _NEXT_LABEL.match(text, cand.end):
        return False  # 3100002 个旧市医保局:3100003: the next label of a run-together list, not a unit
    if any(rest.startswith(w) for w in rules.unit_exceptions):
        return False
    # 12333人社服务热线: the 人 starts the line's own name, not a head count (12333人).
    return not _service_name_follows(text, cand, rules)


def _product_name_follows(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when an app, account or platform name is glued after the number (``“交管12123”APP``)."""
    name = rules.glued_product_name.match(text, cand.end)
    return name is not None and rules.product_name_breaker.search(name.group(0)) is None


def _service_name_follows(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a service line's name is glued right after the number (``人社服务热线``)."""
    name = rules.glued_service_name.match(text, cand.end)
    return name is not None and rules.service_name_breaker.search(name.group(0)) is None


def _cue_lines(text: str, line_starts: list[int], candidates: list[Candidate],
               rules: ContactRules) -> set[int]:
    """Lines with numbers under a heading that holds a phone cue (``咨询电话:``) and no number.

    The block stays open over lines that hold numbers and over table cells without one (an
    organization, a department, a header cell such as 单位 or 序号): a phone table copied one
    cell per line puts each agency on its own line above its numbers. Any other line closes it.
    """
    lines = text.split("\n")
    has_number = {_line_of(c.start, line_starts) for c in candidates}
    inside: set[int] = set()
    open_block = False
    for idx, line in enumerate(lines):
        if not line.strip():
            continue
        if idx in has_number:
            if open_block:
                inside.add(idx)
            continue
        if rules.phone_cue.search(line) is not None:
            open_block = True
        elif open_block:
            open_block = _table_cell(line, rules)
    return inside


def _table_cell(line: str, rules: ContactRules) -> bool:
    """True for a line that reads as one cell of a phone table: a serial, header or name cell."""
    cell = line.strip()
    if _SERIAL_CELL.fullmatch(cell):
        return True
    if len(cell) > _MAX_CELL or _CELL_BREAK.search(cell):
        return False  # running text, not a cell
    label = clean_label(cell, rules)
    if not label or label in rules.table_cell_words:
        return True
    found = classify_label(label, rules)
    return found.organization is not None or found.department is not None


def _accept(text: str, candidates: list[Candidate], line_starts: list[int], area: str | None,
            rules: ContactRules) -> list[_Found]:
    """The candidates that are phones, normalized, with their group leaders."""
    cue_lines = _cue_lines(text, line_starts, candidates, rules)
    chrome_lines: set[int] = set()  # lines with a website's footer words, but for paragraphs run together
    for m in rules.chrome_line.finditer(text):
        n = _line_of(m.start(), line_starts)
        if not is_text_run(_line_text(text, line_starts, n)):
            chrome_lines.add(n)
    found: list[_Found] = []
    for cand in candidates:
        line = _line_of(cand.start, line_starts)
        if _trapped(text, cand, line_starts[line], rules):
            log.debug("trap word before %r", text[cand.start:cand.end])
            continue
        if cand.form in _UNIT_FORMS and _unit_follows(text, cand, rules):
            continue
        if cand.form in _UNIT_FORMS and _product_name_follows(text, cand, rules):
            continue  # 交管12123APP, 12366微信公众号: the number is part of a name
        if line in chrome_lines:
            continue  # 主办单位:…  电话:…: the website's number, not the notice's
        leader = _group_leader(text, cand, line, found, rules)
        in_cue_block = line in cue_lines
        norm = _normalize_supported(text, cand, leader, in_cue_block, line_starts[line], area, rules)
        if norm is None:
            continue
        call = leader.call if leader else _cue_in_clause(text, cand, rules) or in_cue_block
        found.append(_Found(cand, norm.phone, norm.e164, norm.kind, line, leader=leader, call=call))
    return found


def _normalize_supported(text: str, cand: Candidate, leader: _Found | None, in_cue_block: bool,
                         line_start: int, area: str | None, rules: ContactRules) -> Normalized | None:
    """The normalized number when its shape, or the words around a weak shape, make it a phone.

    A bare local number (2886097) needs a group leader, a cue or a named owner; an unlisted short
    number (96123) needs a cue right beside it; every other shape stands on its own.
    """
    if cand.form == "local":
        cue = in_cue_block or _cue_before(text, cand, rules)
        supported = (leader is not None or cue or _cue_after(text, cand, rules)
                     or _named_owner_before(text, cand, line_start, rules))
        if not supported:
            return None
        own_area = _area_of(leader) if leader is not None else None
        return normalize_candidate(cand, own_area or area, rules.is_short_number)
    if cand.form == "short" and not rules.needs_no_cue(cand.digits) and not _short_cue(text, cand, rules):
        return None
    return normalize_candidate(cand, area, rules.is_short_number)


def _named_owner_before(text: str, cand: Candidate, line_start: int, rules: ContactRules) -> bool:
    """True when the label right before a bare number names a body (``市医保局:2886097``)."""
    lo = max(line_start, cand.start - _LOOK_BACK)  # a label is short: bounded, like _sentence_start
    return _label_attribution(text, lo, cand.start, rules).organization is not None


def _area_of(item: _Found) -> str | None:
    """Area code of a found landline (``0350-3032798`` -> ``0350``), else None."""
    head, sep, _ = item.phone.partition("-")
    return head if item.kind == "landline" and sep and head.startswith("0") else None


def _group_leader(text: str, cand: Candidate, line: int, found: list[_Found],
                  rules: ContactRules) -> _Found | None:
    """The first number of the group ``cand`` continues (same line, only a separator between)."""
    if not found:
        return None
    prev = found[-1]
    if prev.line != line or not rules.group_gap.fullmatch(text[prev.cand.end:cand.start]):
        return None
    return prev.leader or prev


def _cue_before(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a phone cue stands earlier in the number's sentence."""
    start = _sentence_start(text, cand.start)
    return rules.phone_cue.search(text, start, cand.start) is not None


def _cue_in_clause(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a phone cue stands in the number's own clause (after the last , ; or 。)."""
    start = max(_sentence_start(text, cand.start), cand.start - 40)
    cut = None
    for m in _CLAUSE_BREAK.finditer(text, start, cand.start):
        cut = m.end()
    return rules.phone_cue.search(text, cut if cut is not None else start, cand.start) is not None


def _cue_after(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a phone cue follows right after the number (``2886097(咨询电话)``)."""
    return rules.phone_cue.search(text[cand.end:cand.end + _SHORT_CUE_WINDOW]) is not None


def _short_cue(text: str, cand: Candidate, rules: ContactRules) -> bool:
    """True when a cue stands right before or after an unlisted short number."""
    before = text[max(0, cand.start - _SHORT_CUE_WINDOW):cand.start]
    return rules.phone_cue.search(before) is not None or _cue_after(text, cand, rules)


def _sentence_start(text: str, pos: int) -> int:
    """Offset where the sentence holding ``pos`` starts, at most :data:`_LOOK_BACK` before it."""
    lo = max(0, pos - _LOOK_BACK)
    # The last sentence end before pos: one rfind per end character instead of a finditer loop
    # (~10% of the contacts stage; the plain form, a finditer over [。!?\n], is checked in
    # tests/test_perf_equivalence.py). No end in the window: the window's start (not the text's:
    # every number of one long line would read the whole line before it, quadratic in its length).
    return max(lo - 1, *(text.rfind(end, lo, pos) for end in _SENTENCE_ENDS)) + 1


def _attribute(text: str, found: list[_Found], line_starts: list[int], rules: ContactRules) -> None:
    """Fill organization, department and note of every found number, in text order."""
    by_line: dict[int, list[_Found]] = {}
    for item in found:
        by_line.setdefault(item.line, []).append(item)
    carry = _Carry()
    for idx, line in enumerate(text.split("\n")):
        items = by_line.get(idx)
        if not items:
            if line.strip():
                carry.line = line
            continue
        line_org = _attribute_line(text, items, line_starts[idx], line_starts[idx] + len(line), carry, rules)
        if line_org:
            carry.body, carry.line = line_org, None


@dataclass(slots=True)
class _Carry:
    """The body of the list the current lines belong to, for a number alone on its line."""

    body: str | None = None
    # The last line without numbers, when it came after the last carried body: its heading is
    # read only when a number needs it (most lines never carry, and heading_org is costly).
    line: str | None = None

    def heading(self, rules: ContactRules) -> str | None:
        """The carried body, reading the pending heading line first."""
        if self.line is not None:
            self.body, self.line = heading_org(self.line, rules), None
        return self.body


def _attribute_line(text: str, items: list[_Found], line_start: int, line_end: int, carry: _Carry,
                    rules: ContactRules) -> str | None:
    """Attribute the numbers of one line; the first body named on it, if any."""
    pos = line_start
    line_org: str | None = None
    for n, item in enumerate(items):
        last = n + 1 == len(items)
        limit = line_end if last else items[n + 1].cand.start
        own = Attribution()
        if item.leader is None:
            own = _own_attribution(text, item, pos, line_start if n == 0 else None, carry, rules)
        glued, pos = parse_suffix(text, item.cand.end, limit, rules, last=last)
        base = item.leader.attribution if item.leader is not None else own
        item.attribution = Attribution(
            organization=base.organization or glued.organization,
            department=glued.department or base.department,
            note=glued.note or base.note,
        )
        if item.kind == "hotline" and item.attribution.note is None:
            item.attribution.note = _hotline_name(item.phone, rules)
        line_org = line_org or item.attribution.organization
    return line_org


def _own_attribution(text: str, item: _Found, label_start: int, line_start: int | None, carry: _Carry,
                     rules: ContactRules) -> Attribution:
    """What the words before a group's first number say: its label, its sentence, or the list above.

    ``line_start`` is given for the line's first number only: only it can stand alone on its line
    (slicing the line up to every number made one long line quadratic).
    """
    own = _label_attribution(text, label_start, item.cand.start, rules)
    if own.organization is None:
        sentence = _sentence_start(text, item.cand.start)
        own.organization = sentence_org(text, sentence, item.cand.start, rules)
    if own.organization is None and line_start is not None and not text[line_start:item.cand.start].strip():
        # A number alone on its line continues the list above it (a flattened table puts an
        # agency's second number on its own line).
        own.organization = carry.heading(rules)
    return own


def _label_attribution(text: str, lo: int, hi: int, rules: ContactRules) -> Attribution:
    """What the label right before a number (after the last separator) names."""
    prefix = text[lo:hi]
    cut = None
    for m in _CLAUSE_SEP.finditer(prefix):
        cut = m.end()
    if cut is not None:
        prefix = prefix[cut:]
    opening = max(prefix.rfind("("), prefix.rfind("("))
    if opening > max(prefix.rfind(")"), prefix.rfind(")")):
        inside = prefix[opening + 1:]
        # "...办理(咨询电话:" - the label is inside the bracket; "代县医保局(" - it is before it.
        prefix = inside if inside.strip() else prefix[:opening]
    parts = [p for p in _LABEL_SEP.split(prefix) if p.strip()]
    if not parts:
        return Attribution()
    for chunk in reversed(_label_chunks(parts[-1])):
        label = clean_label(chunk, rules)
        if label:
            return classify_label(label, rules)
    return Attribution()


def _label_chunks(segment: str) -> list[str]:
    """Space-separated chunks of a label, single characters rejoined (``渠 县`` is one name).

    ``宁武县医保中心 联系电话`` gives two chunks; the caller reads the last one that is not a cue.
    """
    chunks: list[str] = []
    joining = False
    for token in segment.split():
        single = len(token) == 1 and _CJK_CHAR.match(token) is not None
        if single and joining:
            chunks[-1] += token
        else:
            chunks.append(token)
        joining = single
    return chunks


def _hotline_name(phone: str, rules: ContactRules) -> str | None:
    """The listed name of a hotline (``0531-12345`` -> the 12345 line's name)."""
    return rules.hotline_names.get(phone.rsplit("-", 1)[-1])


def _best_per_phone(found: list[_Found], text: str) -> list[Contact]:
    """One Contact per distinct phone: the mention saying most about it (first on ties)."""
    best: dict[str, _Found] = {}
    for item in found:
        current = best.get(item.phone)
        if current is None or _score(item) > _score(current):
            best[item.phone] = item
    ordered = sorted(best.values(), key=lambda f: f.cand.start)
    return [_contact(item, text) for item in ordered]


def _score(item: _Found) -> int:
    """How much a mention says about its number: a call cue first, then owner, department, note.

    The cue weighs most because a mention inside "please call" text is the contact itself,
    while other mentions may only name the line (``12329热线等外部渠道...停用``).
    """
    att = item.attribution
    return (4 * item.call + 2 * (att.organization is not None) + (att.department is not None)
            + (att.note is not None))


def _contact(item: _Found, text: str) -> Contact:
    """The public record of a found number."""
    cand = item.cand
    return Contact(
        phone=item.phone,
        phone_e164=item.e164,
        kind=item.kind,
        span_start=cand.start,
        span_end=cand.end,
        evidence=text[cand.start:cand.end],
        organization=item.attribution.organization,
        department=item.attribution.department,
        note=item.attribution.note,
        extension=cand.extension,
    )
