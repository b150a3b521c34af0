"""Finding phone-number candidates in text and normalizing them with ``phonenumbers``.

A candidate is only a shape (``0350-3032798``, ``2886097``, ``12345`` ...); whether it is a phone
(cues, traps, groups) is decided in :mod:`pipeline.contacts.extract`. Normalization validates with the
``phonenumbers`` library (region CN): every E.164 value produced here is valid, and a number that
phonenumbers does not find valid gets no E.164 form (or, when its shape is weak, is dropped).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import phonenumbers

from ..cuescan import iter_matches, prefiltered
from .rules import contact_rules

__all__ = ["Candidate", "Normalized", "Phone", "AreaSplit", "find_candidates", "masked_spans",
           "normalize_candidate", "normalize_landline", "split_compact", "ascii_digits", "is_date_like"]

log = logging.getLogger(__name__)

# Full-width digits may survive when a caller skips normalize_text; phonenumbers and the
# output want ASCII.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_D = "[0-9０-９]"
NUMBER_FIRST = "[0-9０-９(+]"  # the first character of every number shape below
_D29 = "[2-9２-９]"
_DASH = "[-‐‑–—―－﹣]"
# Area codes: 010 and 02x (3 digits), else 0 + [3-9] + 2 digits.
_AREA = f"(?:[0０](?:[1１][0０]|[2２]{_D}|[3-9３-９]{_D}{{2}}))"

_NUMBER_PATTERN = rf"""
    (?<![0-9０-９A-Za-z._\-+])                 # not inside a longer number, word or decimal
    (?:
      # 1. area code + separator + subscriber (or a short hotline: 0531-12345)
      (?P<landline>
        (?: [((] [ ]? (?P<area1>{_AREA}) [ ]? [))] [ ]? (?:{_DASH}[ ]?)?   # (0350)3032798
          | (?P<area2>{_AREA}) [ ]{{0,2}} (?:{_DASH}|[ ]) [ ]{{0,2}}      # 0350-3032798, 0350 3032798
        )
        (?: (?P<sub>{_D29}{_D}{{6,7}})
          | (?P<sub44>{_D29}{_D}{{3}}[ \-]{_D}{{4}})                   # 021-6321 1234
          | (?P<areashort>[1１]{_D}{{4}} | [9９][5-6５-６]{_D}{{3,4}}) )
      )
    | # 2. mobile, optionally after +86 / (+86)
      (?P<mobile>
        (?: [((]? \+? 86 [))]? [ \-]? )?
        (?P<mob>[1１][3-9３-９]{_D} (?:[ \-]?{_D}{{4}}){{2}})
      )
    | # 3. nationwide service numbers 400/800-xxx-xxxx
      (?P<tollfree>[48４８][0０]{{2}} [ \-]? {_D}{{3}} [ \-]? {_D}{{4}})
    | # 4. area code glued to the subscriber: 03503032798 (phonenumbers splits it)
      (?P<compact>[0０]{_D}{{9,11}})
    | # 5. short service numbers: 12345, 95518, 96123
      (?P<short>[1１]{_D}{{4}} | [9９][5-6５-６]{_D}{{3,4}})       # (listed in the rules or cued)
    | # 6. local number without area code
      (?P<local>{_D29}{_D}{{6,7}})
    )
    (?:                                        # optional extension (landlines only, checked later)
      [ ]? (?P<extword>EXTWORDS) [ ]? (?P<ext>{_D}{{1,5}})
    | {_DASH} (?P<ext2>{_D}{{1,4}})
    )?
    (?![0-9０-９A-Za-z])                       # the number ends here
    (?!\.[0-9])                                # and is not the integer part of a decimal
    """


@functools.cache
def _number_regex() -> re.Pattern[str]:
    """The candidate regex (built once: extension words come from rules/contacts.yaml)."""
    ext_words = "|".join(re.escape(w) for w in sorted(contact_rules().extension_words, key=len,
                                                       reverse=True))
    # Every shape opens with a digit, a bracket or +; group 1 is the number (see cuescan.prefiltered).
    return prefiltered(_NUMBER_PATTERN.replace("EXTWORDS", ext_words), NUMBER_FIRST, re.VERBOSE)


# Spans where digits are never phones: URLs, e-mail addresses, domains, file names.
# Every repeat that may start a match is bounded (an e-mail local part has at most 64 characters,
# a domain label 63, a domain 253): tried at every letter or digit, an unbounded run made the scan
# quadratic in a long run of digits or letters (100 KB of digits: ~100 s; bench/bench_hostile.py).
_MASK_PATTERN = r"""
      (?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+=%]+    # URL with a scheme
    | www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'*+=%]+                # URL without a scheme
    | [A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,63}   # e-mail address
    | (?:[A-Za-z0-9\-]{1,63}\.){1,8}(?:com|cn|net|org|gov|edu|info|top|cc|hk)\b
      (?:/[A-Za-z0-9\-._~:/?#\[\]@!$&'*+=%]*)?                # bare domain (rswb.gx12333.net)
    | [A-Za-z0-9_\-]{1,255}\.(?:jpe?g|png|gif|bmp|webp|pdf|docx?|xlsx?|wps|zip|rar|s?html?|php|aspx?|jsp)\b
                                                              # file name (image, attachment, page)
    """
# Every form above starts with a character of this class (case-sensitive, so the engine can skip to
# such characters in C); group 1 is the mask (see cuescan.prefiltered).
MASK_FIRST = r"(?-i:[A-Za-z0-9._%+\-])"
_MASK = prefiltered(_MASK_PATTERN, MASK_FIRST, re.VERBOSE | re.IGNORECASE)

# 8-digit runs that read as a date 19xx/20xx-MM-DD (20210315).
_DATE8 = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_NON_DIGIT = re.compile(r"\D")


@dataclass(slots=True)
class Candidate:
    """A number-shaped match: its span, its form and its digits (ASCII)."""

    start: int
    end: int
    form: str  # landline, area_short, mobile, tollfree, compact, short, local
    digits: str  # the main number, digits only (area code included when written)
    area: str | None = None  # area code as written, with its leading 0
    extension: str | None = None


def ascii_digits(text: str) -> str:
    """Digits of ``text`` only, full-width ones mapped to ASCII."""
    return _NON_DIGIT.sub("", text.translate(_DIGITS))


def is_date_like(digits: str) -> bool:
    """True for an 8-digit run that reads as a date (20210315)."""
    return len(digits) == 8 and _DATE8.fullmatch(digits) is not None


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, domains, e-mail addresses and file names (no phone inside them)."""
    return [m.span(1) for m in iter_matches(_MASK, text, 1)]


def find_candidates(text: str) -> list[Candidate]:
    """Every number-shaped match in ``text``, left to right, outside masked spans."""
    masks = masked_spans(text)
    found: list[Candidate] = []
    for m in iter_matches(_number_regex(), text, 1):
        start, end = m.span(1)
        if any(s < end and start < e for s, e in masks):
            continue
        cand = _candidate(m)
        if cand is not None:
            found.append(cand)
    return found


def _candidate(m: re.Match[str]) -> Candidate | None:
    """Turn a regex match into a Candidate (extensions only kept on landlines)."""
    if m.group("landline"):
        return _landline_candidate(m)
    start, end = m.span(1)  # group 1 is the number (see _number_regex)
    ext = m.group("ext") or m.group("ext2")
    if ext and not (m.group("compact") or m.group("local")):
        # An extension after a mobile, toll-free or short number is not one: drop the tail
        # rather than the number (the boundary check still holds at the number's own end).
        for name in ("mobile", "tollfree", "short"):
            if m.group(name):
                end = m.end(name)
        ext = None
    extension = ascii_digits(ext) if ext else None
    for form, group, keeps_extension in _UNCODED_FORMS:
        if m.group(form):
            return Candidate(start, end, form, ascii_digits(m.group(group)),
                             extension=extension if keeps_extension else None)
    return None


# The shapes written without an area code: (form, group holding the digits, keeps an extension).
_UNCODED_FORMS = (("mobile", "mob", False), ("tollfree", "tollfree", False), ("compact", "compact", True),
                  ("short", "short", False), ("local", "local", True))


def _landline_candidate(m: re.Match[str]) -> Candidate:
    """A landline written with its area code (or a short hotline after one: 0531-12345)."""
    start, end = m.span(1)
    ext = m.group("ext") or m.group("ext2")
    area = ascii_digits(m.group("area1") or m.group("area2"))
    if m.group("areashort"):
        if ext:  # 0531-12345-12: not a hotline shape, cut the tail off
            end = m.end("areashort")
        return Candidate(start, end, "area_short", area + ascii_digits(m.group("areashort")), area=area)
    subscriber = ascii_digits(m.group("sub") or m.group("sub44"))
    return Candidate(start, end, "landline", area + subscriber, area=area,
                     extension=ascii_digits(ext) if ext else None)


def _parse(number: str) -> phonenumbers.PhoneNumber | None:
    """``phonenumbers.parse`` in region CN, or None when it cannot parse."""
    try:
        return phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return None


def _e164(num: phonenumbers.PhoneNumber) -> str:
    """E.164 form of a parsed number."""
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


class Phone(NamedTuple):
    """A number in its written form (``0350-3032798``) and its E.164 form (None when not valid)."""

    phone: str
    e164: str | None


class Normalized(NamedTuple):
    """A candidate accepted as a number: written form, E.164 form and kind (landline, mobile, hotline)."""

    phone: str
    e164: str | None
    kind: str


class AreaSplit(NamedTuple):
    """A glued landline cut into its area code (with the 0) and its subscriber number."""

    area: str
    subscriber: str


# A national number as written in China: the national prefix 0, then a digit other than 0 (00 is
# the international call prefix), then digits only.
_NATIONAL_FORM = re.compile(r"0[1-9][0-9]+")


def normalize_landline(area: str, subscriber: str) -> Phone:
    """``0350-3032798`` and its E.164 form (None when phonenumbers does not find it valid)."""
    digits = area + subscriber
    if _NATIONAL_FORM.fullmatch(digits):
        # What phonenumbers.parse(digits, "CN") gives, without its costly general path (about a
        # quarter of the contacts stage): the national prefix 0 is dropped and the rest is the
        # national number. parse keeps the 0 when the rest has no possible length, but then neither
        # form is valid. Checked against parse in tests/test_perf_equivalence.py.
        nsn = digits[1:]
        num = phonenumbers.PhoneNumber(country_code=86, national_number=int(nsn))
        return Phone(f"{area}-{subscriber}", "+86" + nsn if phonenumbers.is_valid_number(num) else None)
    parsed = _parse(digits)
    e164 = _e164(parsed) if parsed is not None and phonenumbers.is_valid_number(parsed) else None
    return Phone(f"{area}-{subscriber}", e164)


def split_compact(digits: str) -> AreaSplit | None:
    """Area code and subscriber of a glued landline (03503032798), if phonenumbers knows it."""
    num = _parse(digits)
    if num is None or not phonenumbers.is_valid_number(num):
        return None
    if phonenumbers.number_type(num) not in (phonenumbers.PhoneNumberType.FIXED_LINE,
                                             phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None
    nsn = phonenumbers.national_significant_number(num)
    width = phonenumbers.length_of_geographical_area_code(num)
    if width <= 0:
        return None
    return AreaSplit("0" + nsn[:width], nsn[width:])


def _valid(digits: str, types: tuple[int, ...] | None = None) -> phonenumbers.PhoneNumber | None:
    """The parsed number when phonenumbers finds it valid (and of one of ``types``), else None."""
    num = _parse(digits)
    if num is None or not phonenumbers.is_valid_number(num):
        return None
    if types is not None and phonenumbers.number_type(num) not in types:
        return None
    return num


_MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _landline(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized:
    # Written with its area code and a separator, the shape alone makes it a phone: keep it even
    # when phonenumbers' tables do not know the range (no E.164 form then).
    assert cand.area is not None
    phone = normalize_landline(cand.area, cand.digits[len(cand.area):])
    return Normalized(phone.phone, phone.e164, "landline")


def _area_short(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    assert cand.area is not None
    short = cand.digits[len(cand.area):]
    return Normalized(f"{cand.area}-{short}", None, "hotline") if is_short(short) else None


def _compact(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    split = split_compact(cand.digits)
    if split is None:
        return None
    phone = normalize_landline(split.area, split.subscriber)
    return Normalized(phone.phone, phone.e164, "landline") if phone.e164 else None


def _mobile(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    num = _valid(cand.digits, _MOBILE_TYPES)
    return Normalized(cand.digits, _e164(num), "mobile") if num is not None else None


def _tollfree(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    num = _valid(cand.digits)
    if num is None:
        return None
    d = cand.digits
    return Normalized(f"{d[:3]}-{d[3:6]}-{d[6:]}", _e164(num), "hotline")


def _short(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    return Normalized(cand.digits, None, "hotline") if is_short(cand.digits) else None


def _local(cand: Candidate, area_code: str | None, is_short: Callable[[str], bool]) -> Normalized | None:
    if is_date_like(cand.digits):
        return None
    if not area_code:
        return Normalized(cand.digits, None, "landline")
    phone = normalize_landline(area_code, cand.digits)
    return Normalized(phone.phone, phone.e164, "landline") if phone.e164 else None


# How each candidate form is normalized.
_NORMALIZERS: dict[str, Callable[[Candidate, str | None, Callable[[str], bool]], Normalized | None]] = {
    "landline": _landline, "area_short": _area_short, "compact": _compact, "mobile": _mobile,
    "tollfree": _tollfree, "short": _short, "local": _local,
}


def normalize_candidate(cand: Candidate, area_code: str | None,
                        is_short_number: Callable[[str], bool]) -> Normalized | None:
    """The normalized number of a candidate, or None when it is not a valid number.

    ``area_code`` (with its leading 0) completes local numbers; without it a local number is kept
    as its bare digits with no E.164 form. Short hotlines never get an E.164 form.
    """
    normalizer = _NORMALIZERS.get(cand.form)
    if normalizer is None:
        log.debug("unknown candidate form %s", cand.form)
        return None
    return normalizer(cand, area_code, is_short_number)
