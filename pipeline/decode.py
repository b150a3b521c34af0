"""Bytes to text: honour the declared charset, but verify it against the bytes.

Order of evidence: a byte-order mark; then whether the bytes are valid UTF-8 (GBK text is almost
never valid UTF-8, so a header saying utf-8 over GBK bytes is caught); then the charset the HTTP
header or the page's ``<meta>`` declares; then GB18030 (a superset of GB2312 and GBK, which is how
those labels are decoded).

Bytes that declare nothing are not always GB: Big5 bytes are valid GB18030 too (and read as
mojibake: rare characters, few of them in GB2312), and UTF-16 without a byte-order mark is full of
NUL bytes. charset-normalizer, a library made to detect encodings, is asked in those cases only:
when undeclared bytes read as GB18030 mojibake, when NUL or control bytes make them look binary,
and when nothing decodes them cleanly. Its answer is taken when it names a Chinese or Unicode
encoding that decodes the bytes strictly into text. Bytes that nothing decodes cleanly are rejected
as ``undecodable``; empty and binary files get their own reasons.
"""

from __future__ import annotations

import codecs
import functools
import re

from .errors import Rejected

__all__ = ["decode_bytes", "declared_charsets", "looks_like_html"]

# Labels that mean "some GB encoding": all decoded as GB18030, their common superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_BIG5_FAMILY = {"big5", "big5-hkscs", "cp950", "x-x-big5"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""",  # <meta charset=..> or http-equiv content
    re.IGNORECASE,
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)

# File signatures of formats that are not text (PDF, ZIP/Office, OLE/.doc/.xls, images, gzip).
_BINARY_MAGIC = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
)
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])  # control bytes that text does not hold
_MAX_REPLACEMENT_SHARE = 0.002  # share of U+FFFD tolerated when decoding with errors="replace"

# What the detector may answer: Unicode without a byte-order mark, and the Chinese encodings (a
# single-byte encoding such as cp1252 decodes any bytes, garbage included, so none is taken).
_UNICODE_WIDE = frozenset({"utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32-be", "utf-32"})
_DETECTABLE = _UNICODE_WIDE | {"utf-8", "gb18030", "big5hkscs"}
# Undeclared bytes read as GB18030 are mojibake when fewer of their Chinese characters than this
# are GB2312's (the 6,763 common simplified characters; Big5 bytes land mostly outside them).
_MIN_GB2312_SHARE = 0.8
_MIN_CJK_TO_JUDGE = 10  # Chinese characters needed before a reading is judged
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # never in text, a sign of a wrong decoding


def _canonical(label: str | None) -> str | None:
    """Python codec name for a charset label, GB family mapped to gb18030; None if unknown."""
    if not label:
        return None
    low = label.strip().lower()
    if low in _GB_FAMILY:
        return "gb18030"
    if low in _BIG5_FAMILY:
        return "big5hkscs"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def declared_charsets(data: bytes, content_type: str | None = None) -> list[str]:
    """Charsets declared by the HTTP header and the page's meta tags, in that order."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (c := _canonical(m.group(1))):
            found.append(c)
    for meta in _META_CHARSET.finditer(data[:4096]):
        c = _canonical(meta.group(1).decode("ascii", "ignore"))
        if c and c not in found:
            found.append(c)
    return found


def looks_like_html(data: bytes | str) -> bool:
    """True when the start of the document is markup."""
    head = data[:2048].lower() if isinstance(data, bytes) else data[:2048].lower().encode("utf-8", "ignore")
    return any(tag in head for tag in (b"<html", b"<!doctype html", b"<body", b"<head", b"<div", b"<meta", b"<p>"))


_TEXT_LOOKALIKES = frozenset({"nul bytes", "control bytes"})  # binary kinds UTF-16/32 text shares


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "nul bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > 0.05:
        return "control bytes"
    return None


def _strict(data: bytes, enc: str) -> str | None:
    """Strict decode; a multi-byte character cut off at the very end (a truncated page) is dropped."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and "end of data" in str(exc.reason):
            try:
                return data[: exc.start].decode(enc)
            except UnicodeDecodeError:
                return None
        return None


@functools.cache
def _gb2312_hanzi() -> frozenset[str]:
    """The Chinese characters of GB2312 (rows 16-87: lead bytes 0xB0-0xF7)."""
    chars = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _reads_as_mojibake(text: str) -> bool:
    """True when the Chinese characters of ``text`` are mostly outside GB2312 (see _MIN_GB2312_SHARE)."""
    cjk = _CJK.findall(text)
    if len(cjk) < _MIN_CJK_TO_JUDGE:
        return False
    common = _gb2312_hanzi()
    return sum(1 for ch in cjk if ch in common) < _MIN_GB2312_SHARE * len(cjk)


_CJK = re.compile(r"[\u3400-\u9fff]")


def _detected(data: bytes, allowed: frozenset[str] = _DETECTABLE) -> tuple[str, str] | None:
    """charset-normalizer's reading of ``data`` when it names an ``allowed`` encoding that decodes
    the bytes strictly into text (no control characters), else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    enc = _canonical(best.encoding) if best is not None else None
    if enc is None or enc not in allowed:
        return None
    text = _strict(data, enc)
    if text is None or _CONTROL_CHARS.search(text):
        return None
    return text, enc


def _by_bom(data: bytes) -> tuple[str, str] | None:
    """The text when ``data`` opens with a byte-order mark; Rejected when the bytes then fail."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise Rejected("decode", "undecodable", f"byte-order mark says {enc} but: {exc}") from exc
    return None


def _unless_binary(data: bytes, source: str) -> tuple[str, str] | None:
    """None for bytes that look like text; the UTF-16/32 reading of bytes whose NUL or control
    bytes are those of wide Unicode without a byte-order mark; Rejected (binary) otherwise."""
    kind = _binary_kind(data)
    if not kind:
        return None
    wide = _detected(data, _UNICODE_WIDE) if kind in _TEXT_LOOKALIKES else None
    if wide is None:
        raise Rejected("decode", "binary", f"{source or 'document'} is binary ({kind}), not text or HTML")
    return wide


def _strict_reading(data: bytes, candidates: list[str], declared: bool) -> tuple[str, str] | None:
    """The first of ``candidates`` that decodes the bytes strictly; undeclared bytes that read as
    GB18030 mojibake go to the detector, whose reading wins when it has one."""
    for enc in candidates:
        text = _strict(data, enc)
        if text is not None:
            if enc == "gb18030" and not declared and _reads_as_mojibake(text):
                return _detected(data) or (text, enc)
            return text, enc
    return _detected(data)


def _tolerant_reading(data: bytes, candidates: list[str], source: str) -> tuple[str, str]:
    """The reading with fewest bad bytes, if few enough (a truncated page); Rejected otherwise."""
    best: tuple[float, str, str] | None = None
    for enc in candidates:
        text = data.decode(enc, errors="replace")
        share = text.count("\ufffd") / max(len(text), 1)
        if best is None or share < best[0]:
            best = (share, text, enc)
    assert best is not None
    if best[0] <= _MAX_REPLACEMENT_SHARE:
        return best[1], best[2]
    raise Rejected(
        "decode",
        "undecodable",
        f"{source or 'document'}: not valid in any of {', '.join(candidates)}"
        f" ({best[0]:.1%} undecodable bytes at best)",
    )


def decode_bytes(data: bytes, content_type: str | None = None, source: str = "") -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)`` or raise :class:`Rejected` (stage decode)."""
    if not data or not data.strip():
        raise Rejected("decode", "empty", f"{source or 'document'} is empty")
    found = _by_bom(data) or _unless_binary(data, source)
    if found is not None:
        return found
    declared = declared_charsets(data, content_type)
    # Not UTF-8 whatever the header says: then the other declared charsets, then GB18030.
    candidates = [c for c in declared if c != "utf-8"] + ["gb18030"]
    found = _strict_reading(data, list(dict.fromkeys(["utf-8"] + candidates)), bool(declared))
    if found is not None:
        return found
    # Last resort: a few bad bytes (a truncated page) are tolerated, garbage is not.
    return _tolerant_reading(data, list(dict.fromkeys(candidates + ["utf-8"])), source)
