"""Strings and selectors that classify fetched pages, kept in one module (trafilatura-style).

Lists are matched as plain substrings of the page's visible text (or raw markup where said).
Where order matters it is said; elsewhere any match counts.
"""

from __future__ import annotations

__all__ = [
    "SOFT_404_TEXT", "SOFT_404_MAX_CHARS", "CHALLENGE_MARKUP", "CHALLENGE_MAX_CHARS",
    "ATTACHMENT_EXTS", "NEXT_PAGE_TEXT", "BINARY_MAGIC", "HTML_SNIFF",
]

# Visible text of "page not found" answers served with status 200 (soft 404s), seen on CMSs
# of government sites (TRS, Hanweb, 大汉, 拓尔思 error templates) and their file servers.
SOFT_404_TEXT: tuple[str, ...] = (
    "您访问的页面不存在",
    "您所访问的页面不存在",
    "页面不存在",
    "页面未找到",
    "文件不存在",
    "该信息已删除",
    "信息不存在或已删除",
    "404 Not Found",
    "404 - 找不到文件或目录",
)
# A real notice can quote such words; only a page with little text is a soft 404.
SOFT_404_MAX_CHARS = 1500

# Markup of JavaScript anti-bot challenges (瑞数 / 加速乐 / 安全狗 style): the page sets a
# cookie from script and reloads; there is no article in it.
CHALLENGE_MARKUP: tuple[str, ...] = (
    "document.cookie",
    "__jsl_clearance",
    "_$",  # 瑞数 obfuscated runtime names
)
# A challenge page has almost no visible text; a long page that merely uses cookies is fine.
CHALLENGE_MAX_CHARS = 200

# Link targets treated as attachments on detail pages (lower-case, with the dot).
ATTACHMENT_EXTS: tuple[str, ...] = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".txt", ".zip", ".rar",
)

# Link texts of "next page" controls (exact text after stripping blanks).
NEXT_PAGE_TEXT: tuple[str, ...] = ("下一页", "下页", "下一页>", "下一页>>", "后一页", "next", "Next", ">", ">>")

# First bytes of binary formats -> file suffix used in the raw store. Order matters only in
# that longer magics come first where one is a prefix of another.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", ".pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".ole"),  # .doc/.xls/.wps (OLE2 compound file)
    (b"PK\x03\x04", ".zip"),  # .docx/.xlsx/.ofd are zip containers too
    (b"Rar!\x1a\x07", ".rar"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF8", ".gif"),
)

# Lower-case markup that says "this is HTML", looked for near the start of a body.
HTML_SNIFF: tuple[bytes, ...] = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta",
                                 b"<script", b"<title", b"<div", b"<!--")
