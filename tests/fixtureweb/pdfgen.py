"""A minimal text-PDF writer for fixtures (no dependency): a real text layer, CJK included.

Each character is written as its Unicode code point through an Identity-H Type0 font, with a
ToUnicode CMap mapping every code back to its character, which is what text extractors read.
No glyphs are embedded (viewers show boxes); extraction is all the tests need.
"""

from __future__ import annotations

__all__ = ["text_pdf", "text_pdf_pages", "scanned_pdf"]


def _obj(num: int, body: bytes) -> bytes:
    return b"%d 0 obj\n" % num + body + b"\nendobj\n"


def _tounicode(chars: list[str]) -> bytes:
    """A ToUnicode CMap with one bfchar entry per distinct character (100 per block)."""
    codes = sorted({ord(c) for c in chars if ord(c) <= 0xFFFF})
    lines = [
        b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
        b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange",
    ]
    for start in range(0, len(codes), 100):
        block = codes[start:start + 100]
        lines.append(b"%d beginbfchar" % len(block))
        lines += [b"<%04X> <%04X>" % (c, c) for c in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble(objects: list[bytes]) -> bytes:
    """Header, numbered objects, xref table and trailer (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += _obj(num, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines``."""
    return text_pdf_pages([lines])


def text_pdf_pages(pages: list[list[str]]) -> bytes:
    """A PDF of one page per item of ``pages``, each page's text layer holding its lines."""
    # Objects: 1 catalog, 2 page tree, 3 font, 4 CID font, 5 ToUnicode, 6 descriptor, then a page
    # object and its content stream per page.
    first = 7
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoticeSans /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoticeSans "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 6 0 R /DW 1000 >>",
        _stream(_tounicode(list("".join(line for page in pages for line in page)))),
        b"<< /Type /FontDescriptor /FontName /NoticeSans /Flags 4 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    for i, lines in enumerate(pages):
        content = [b"BT", b"/F1 10 Tf", b"14 TL", b"40 800 Td"]
        for line in lines:
            hexed = "".join(f"{ord(c):04X}" for c in line if ord(c) <= 0xFFFF)
            content.append(b"<" + hexed.encode() + b"> Tj T*")
        content.append(b"ET")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (first + 2 * i + 1))
        objects.append(_stream(b"\n".join(content)))
    return _assemble(objects)


def scanned_pdf() -> bytes:
    """A one-page PDF with no text layer (as a scan looks to an extractor)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b"0 0 0 rg 40 40 100 100 re f"),
    ]
    return _assemble(objects)
