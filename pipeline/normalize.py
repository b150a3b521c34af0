"""Text normalization applied once, before any extraction.

The normalized text is what is stored as ``notices.body_text``; every span in the tables points
into it, so offsets stay honest by construction. Steps, in order:

1. Unicode: full-width ASCII (digits, letters, ``：``, ``（）``, ``，``) to half-width, ideographic
   and no-break spaces to plain spaces, zero-width characters dropped.
2. Debris of bad traditional converters: the pinyin in brackets after a character
   (``醫(yī)療`` -> ``醫療``).
3. Traditional to simplified characters (OpenCC ``t2s``).
4. Whitespace: stray spaces inside dates (``2021 年12 月 31日``, ``二〇二三年 十二月``), leading and
   trailing blanks, runs of blanks inside a line (one space keeps a table's column break), runs of
   empty lines; a text with a blank line after every line is read single-spaced.
5. A symbol before a list number opening a line (``● 一、``, ``▶ 1.``) is dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

__all__ = ["normalize_text", "to_simplified", "compact", "compact_normalized", "compact_lines"]

# Full-width forms FF01-FF5E map to ASCII 21-7E; 3000 is the ideographic space.
_FULLWIDTH: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20,
                   0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None,
                   0x2028: 0x0A, 0x2029: 0x0A, 0x000D: None, 0x000B: 0x0A, 0x000C: 0x0A})
# Other control characters (C0 but tab and line feed, DEL, C1) never reach the body text, wherever
# they stand (the decoder only samples the first 8 KiB for binary junk; a PostgreSQL text column
# refuses NUL): those that separate lines (FS, GS, RS, NEL) become line breaks, the rest go.
_FULLWIDTH.update({cp: None for cp in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0xA0)]})
_FULLWIDTH.update({0x1C: 0x0A, 0x1D: 0x0A, 0x1E: 0x0A, 0x85: 0x0A})
# A character the table maps: str.translate looks every character of a CJK text up in the table
# (slow), so each mapped character the text holds (a few at most) is replaced on its own instead.
# Replacing one character at a time is the same as translating: no character maps to another
# mapped character (the outputs are ASCII, a space, a line break or nothing).
_FULLWIDTH_CHAR = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FULLWIDTH)) + "]")
_FULLWIDTH_STR: dict[str, str] = {chr(k): "" if v is None else chr(v) for k, v in _FULLWIDTH.items()}

_CJK = r"\u3400-\u9fff\uf900-\ufaff"

# Pinyin syllables with tone marks, in ASCII or full-width brackets, glued after a CJK character.
_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}"
_PINYIN_DEBRIS = re.compile(
    rf"""\(                        # opening bracket (full-width already mapped); a literal first
                                  # lets the engine skip to brackets
        (?<=[{_CJK}]\()           # right after a Chinese character
        {_SYLLABLE}\)             # one syllable, tone-marked (checked by _drop_pinyin)
        (?:\({_SYLLABLE}\))*      # stacked debris of repeated conversions: 中(ā)(ā)
    """,
    re.VERBOSE,
)
_PINYIN_GROUP = re.compile(r"\([^()]*\)")
_HAS_TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")

# Spaces between a number and a date/time unit, or a unit and the next number. Every form opens
# with its first blank (a class the engine skips to quickly); the lookbehinds then check that
# blank together with the character before it.
_DATE_SPACES = re.compile(
    r"""[ \t]                                          # the first blank of the run
        (?: (?<=\d[ \t])[ \t]*(?=[年月日时時点點分号號])   # 2021 年, 12 月
          | (?<=[年月][ \t])[ \t]*(?=\d)                  # 年 12, 月 31
          | (?<=[〇○零一二三四五六七八九十][ \t])[ \t]*(?=[年月日时時点點])   # 二〇二三 年
          | (?<=[年月][ \t])[ \t]*(?=[〇○零一二三四五六七八九十]{1,3}[月日号號])  # 年 十二月
          | (?<=\d[ \t])[ \t]*(?=[:：]\d)                 # 8 :00
          | (?<=\d[:：][ \t])[ \t]*(?=\d)                 # 8: 00
          | (?<=[时時点點][ \t])[ \t]*(?=\d{1,2}[ \t]*分)   # 20时 30分 (30 分 too)
          | (?<=[日号號][ \t])[ \t]*(?=\d{1,2}[ \t]*[时時点點])  # 31日 20时
          | (?<=(?:上午|下午|中午|晚上|凌晨|早上|傍晚|夜间|晚间|早晨)[ \t])[ \t]*(?=\d{1,2}[ \t]*[时時点點:：])  # 下午 5时
        )
    """,
    re.VERBOSE,
)
# Layout blanks: one space keeps the column break. A run of two or more, or a lone tab.
_BLANK_RUN = re.compile(
    r"""[ \t]          # a blank (a class first: the engine skips to it)
        (?: [ \t]+     # more blanks: the whole run
          | (?<=\t)    # or the blank alone, when it is a tab
        )""",
    re.VERBOSE,
)
_BLANK_RUNS = re.compile(r"\n{3,}")
# A symbol a post's editor puts before a list number (● 一、, ▶ 1., ✅ (二)): dropped, so the number
# opens its line as in the notice.
_BULLETS = "●•·▪■□◆◇▶►▼★☆※◎▍✅✔➤👉→"
_BULLET_CHAR = re.compile(f"[{_BULLETS}]")
_BULLET_BEFORE_NUMBER = re.compile(
    rf"^(?:[{_BULLETS}][ ]?)+(?=[一二三四五六七八九十]{{1,3}}、|\([一二三四五六七八九十\d]{{1,2}}\)|\d{{1,2}}[.、](?!\d)|[①-⑳])", re.M)


@functools.cache
def _converter() -> Any:  # an opencc.OpenCC (the library has no type hints)
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified characters (OpenCC t2s)."""
    if not text:
        return text
    return str(_converter().convert(text))


def _to_halfwidth(text: str) -> str:
    """``text.translate(_FULLWIDTH)``, one mapped character at a time (see _FULLWIDTH_CHAR)."""
    for char in set(_FULLWIDTH_CHAR.findall(text)):
        text = text.replace(char, _FULLWIDTH_STR[char])
    return text


def _drop_pinyin(match: re.Match[str]) -> str:
    """Drop the tone-marked groups after a character up to the first plain one, which is kept with
    all that follows it: brackets of plain ASCII words are abbreviations (ITS), and a group after one
    no longer follows a character. Dropping the whole stack at once keeps the function idempotent."""
    groups = _PINYIN_GROUP.findall(match.group(0))
    for k, group in enumerate(groups):
        if not _HAS_TONE.search(group):
            return "".join(groups[k:])
    return ""


def normalize_text(text: str) -> str:
    """Normalize notice text (see module docstring). Idempotent."""
    if not text:
        return ""
    text = _to_halfwidth(text)
    text = unicodedata.normalize("NFC", text)
    text = _PINYIN_DEBRIS.sub(_drop_pinyin, text)
    text = to_simplified(text)
    text = _DATE_SPACES.sub("", text)
    # Blanks at a line's end and start go (as ``[ \t]+$`` and ``^[ \t]+`` in MULTILINE mode would
    # remove them): stripping each line is faster than the two regexes over the whole text. Most
    # texts hold no such blank and no three line breaks in a row: a few substring tests (what
    # each pass needs to change anything) skip those passes.
    if (" \n" in text or "\t\n" in text or text.endswith((" ", "\t"))
            or text.startswith((" ", "\t")) or "\n " in text or "\n\t" in text):
        text = "\n".join([line.strip(" \t") for line in text.split("\n")])
    text = _BLANK_RUN.sub(" ", text)
    if _BULLET_CHAR.search(text):
        text = _BULLET_BEFORE_NUMBER.sub("", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    text = text.strip()
    if "\n\n" in text:
        text = _single_spaced(text)
    return text


_DOUBLE_SPACED_MIN_LINES = 4  # lines with content of a text whose every break is a blank line


def _single_spaced(text: str) -> str:
    """A text with a blank line after every line (each paragraph of a page copied with its margin)
    has no blank line that sets anything apart: such a text is read single-spaced, so that a
    heading broken over two lines, a signer over its date or an issuer over the heading stay
    together as they do in the single-spaced copy. Any other text keeps its blank lines."""
    lines = text.split("\n")
    if len(lines) < 2 * _DOUBLE_SPACED_MIN_LINES - 1 or any(lines[1::2]) or not all(lines[0::2]):
        return text
    return "\n".join(lines[0::2])


_NOT_WORD = re.compile(rf"[^{_CJK}0-9A-Za-z]+")


def compact(text: str | None) -> str:
    """Normalized text without spaces and punctuation, for comparing titles and names."""
    if not text:
        return ""
    return _NOT_WORD.sub("", normalize_text(text))


def compact_normalized(text: str) -> str:
    """:func:`compact` of text that is already normalized (skips normalizing it again)."""
    return _NOT_WORD.sub("", text)


def compact_lines(lines: list[str]) -> list[str]:
    """:func:`compact` of each line, the whole text converted at once (one OpenCC call, not one a
    line). The steps :func:`compact` depends on keep line breaks where they are; should a line
    hold a character that becomes a break (U+2028), each line is compacted on its own."""
    text = "\n".join(lines)
    text = _PINYIN_DEBRIS.sub(_drop_pinyin, unicodedata.normalize("NFC", _to_halfwidth(text)))
    out = [_NOT_WORD.sub("", line) for line in to_simplified(text).split("\n")]
    return out if len(out) == len(lines) else [compact(line) for line in lines]


TEXT_RUN_MIN = 300  # characters from which a line is text run together (a page that lost its line breaks)


def is_text_run(line: str) -> bool:
    """A line long enough to be paragraphs run together: never page chrome, a footer or a website's
    contact line as a whole, even when it opens with an aggregator's lead-in (导读:本文将…) or holds
    the page's footer words."""
    return len(line) >= TEXT_RUN_MIN
