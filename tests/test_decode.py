"""Bytes to text: declared charsets verified against the bytes; bad input gets a stable reason."""

from __future__ import annotations

import codecs
import gzip

import pytest

from pipeline.decode import decode_bytes, declared_charsets
from pipeline.errors import Rejected

TEXT = "关于桂林市医疗保障信息系统切换的通告:2020年5月15日18:00起暂停"
HTML_GBK_META = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>{TEXT}</body></html>'
HTML_UTF8_META = f'<html><head><meta charset="utf-8"></head><body>{TEXT}</body></html>'

DECODES = [
    # (bytes, content-type header, expected encoding, expected substring)
    pytest.param(TEXT.encode("utf-8"), None, "utf-8", TEXT, id="plain-utf8"),
    pytest.param(TEXT.encode("gbk"), None, "gb18030", TEXT, id="plain-gbk-undeclared"),
    pytest.param(HTML_GBK_META.encode("gbk"), None, "gb18030", TEXT, id="gbk-meta-http-equiv"),
    pytest.param(HTML_GBK_META.encode("gbk"), "text/html; charset=utf-8", "gb18030", TEXT, id="header-lies-utf8-over-gbk"),
    pytest.param(HTML_UTF8_META.encode("utf-8"), "text/html; charset=gbk", "utf-8", TEXT, id="header-lies-gbk-over-utf8"),
    pytest.param("醫療保障 㵪".encode("gb18030"), None, "gb18030", "醫療保障 㵪", id="gb18030-only-char"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), None, "utf-8", TEXT, id="utf8-bom"),
    pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None, "utf-16", TEXT, id="utf16-bom"),
    pytest.param("長沙市醫療保障".encode("big5"), "text/html; charset=big5", "big5hkscs", "長沙市醫療保障", id="big5-declared"),
    pytest.param(TEXT.encode("utf-8")[:-1], None, "utf-8", TEXT[:-1], id="truncated-utf8-tail-tolerated"),
]


@pytest.mark.parametrize("data, header, encoding, expected", DECODES)
def test_decodes(data: bytes, header: str | None, encoding: str, expected: str) -> None:
    text, enc = decode_bytes(data, header)
    assert enc == encoding
    assert expected in text


REJECTS = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"  \n\t\n", "empty", id="only-blanks"),
    pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "binary", id="zip-docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "binary", id="ole-doc-xls"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary", id="png"),
    pytest.param(gzip.compress(TEXT.encode()), "binary", id="gzip"),
    pytest.param(b"abc\x00def\x00" * 50, "binary", id="nul-bytes"),
    pytest.param(bytes(range(0x80, 0x100)) * 40, "undecodable", id="high-byte-garbage"),
]


@pytest.mark.parametrize("data, reason", REJECTS)
def test_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as info:
        decode_bytes(data, None, "sample")
    assert info.value.stage == "decode"
    assert info.value.reason == reason
    assert info.value.detail


def test_declared_charsets_header_first_and_gb_family_is_gb18030() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'
    assert declared_charsets(data, "text/html; charset=UTF-8") == ["utf-8", "gb18030"]
    assert declared_charsets(b"<meta charset='x-unknown-thing'>") == []


# --- undeclared encodings of whole notices (tests/gold/extra): our own texts, five encodings ---

from pathlib import Path  # noqa: E402

import opencc  # noqa: E402

from pipeline.parse import parse_document  # noqa: E402
from pipeline.records import RawDocument  # noqa: E402

EXTRA = Path(__file__).resolve().parent / "gold" / "extra"
NOTICES = sorted(p.stem for p in EXTRA.glob("*.txt"))


def _traditional(text: str) -> str:
    """The notice in traditional characters, as a Big5 site writes it (Big5 with the HKSCS
    additions, which hold 〇; a character neither holds is dropped)."""
    return opencc.OpenCC("s2t").convert(text).encode("big5hkscs", errors="ignore").decode("big5hkscs")


# (how the bytes are made, the encoding decode_bytes must report)
ENCODINGS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "gbk": (lambda t: t.encode("gbk", errors="ignore"), "gb18030"),
    "big5": (lambda t: _traditional(t).encode("big5hkscs"), "big5hkscs"),
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("name", NOTICES)
def test_undeclared_notice_bytes_decode_to_the_notice(name: str, encoding: str) -> None:
    text = (EXTRA / f"{name}.txt").read_text(encoding="utf-8")
    make, expected = ENCODINGS[encoding]
    data = make(text)
    got, enc = decode_bytes(data, None, name)
    assert enc == expected
    assert got == data.decode(expected)


@pytest.mark.parametrize("name", NOTICES)
def test_undeclared_big5_notice_is_read_like_its_text(name: str) -> None:
    """Big5 once came out as GB18030 mojibake and was classed not a notice."""
    text = (EXTRA / f"{name}.txt").read_text(encoding="utf-8")
    plain = parse_document(RawDocument(source=f"{name}.txt", data=text.encode("utf-8"), source_path=f"{name}.txt"))
    big5 = parse_document(RawDocument(source=f"{name}.txt", data=_traditional(text).encode("big5hkscs"),
                                      source_path=f"{name}.txt"))
    assert big5.encoding == "big5hkscs"
    assert big5.is_outage_notice == plain.is_outage_notice
    assert (big5.province, big5.city) == (plain.province, plain.city)


def test_undeclared_gbk_is_not_asked_of_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Common GBK text reads as GB2312 characters: no detection is needed (nor run)."""
    from pipeline import decode

    monkeypatch.setattr(decode, "_detected", lambda *a, **k: pytest.fail("detector called"))
    text = (EXTRA / f"{NOTICES[0]}.txt").read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gbk", errors="ignore"))[1] == "gb18030"


@pytest.mark.parametrize("data", [
    pytest.param(b"abc\x00def\x00" * 50, id="nul-garbage-is-no-utf16"),
    pytest.param(bytes(range(0x80, 0x100)) * 40, id="high-bytes-stay-undecodable"),
])
def test_detector_takes_no_garbage(data: bytes) -> None:
    with pytest.raises(Rejected):
        decode_bytes(data, None, "garbage")
