"""Faster forms of hot-path code give exactly what their plain definitions give.

The parse hot path was sped up without changing a single output (bench/README.md). Where a regex
was rewritten so that the engine can skip to candidate characters, or a per-character loop was
replaced, the plain definition is kept here and both are run on the bundled corpora (raw and
normalized) and on generated text: any difference is a bug in the fast form.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import normalize
from pipeline.contacts import numbers as contact_numbers

from corpora import labeled_text_paths

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

RAW_TEXTS = [p.read_text(encoding="utf-8") for p in labeled_text_paths() if p.suffix == ".txt"]
RAW_TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw" / "samples").glob("*.txt"))]
TEXTS = [normalize.normalize_text(t) for t in RAW_TEXTS]

# Characters that exercise the rewritten regexes: blanks, digits, date units, brackets, full-width
# forms, pinyin, URLs and phone shapes.
_ALPHABET = list("關于醫(yī)療 年月日时点号〇二十0123456789:：，。,;\n\t\r\x0b\x0c（）()ABCwh.@/-_+āéー\u3000\u00a0\u200b０１")
_text = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120)
# Phone-like text: digit runs of every length among separators, brackets, extension words, URLs.
_phoneish = st.lists(
    st.one_of(st.from_regex(r"[0-9]{1,12}", fullmatch=True),
              st.sampled_from(["-", " ", "(", ")", "(0", "+86", "转", "分机", "www.", ".cn", ".com/a", "@", "电话:",
                               "元", ".", "/", "http://", "a", "０３５０", "—", "年", "日"])),
    max_size=14,
).map("".join)


# --- normalize ------------------------------------------------------------------------------------

_CJK = normalize._CJK
_PLAIN_PINYIN = re.compile(
    rf"(?<=[{_CJK}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{{1,6}}\)")
_NUMERALS = "〇○零一二三四五六七八九十"
_PLAIN_DATE_SPACES = re.compile(
    rf"""(?<=\d)[ \t]+(?=[年月日时時点點分号號])
      | (?<=[年月])[ \t]+(?=\d)
      | (?<=[{_NUMERALS}])[ \t]+(?=[年月日时時点點])
      | (?<=[年月])[ \t]+(?=[{_NUMERALS}]{{1,3}}[月日号號])
      | (?<=\d)[ \t]+(?=[:：]\d)
      | (?<=\d[:：])[ \t]+(?=\d)
      | (?<=[时時点點])[ \t]+(?=\d{{1,2}}[ \t]*分)
      | (?<=[日号號])[ \t]+(?=\d{{1,2}}[ \t]*[时時点點])
      | (?<=上午|下午|中午|晚上|凌晨|早上|傍晚|夜间|晚间|早晨)[ \t]+(?=\d{{1,2}}[ \t]*[时時点點:：])
    """,
    re.VERBOSE,
)


def _plain_pinyin(text: str) -> str:
    """Tone-marked bracket groups right after a character dropped one at a time, to a fixpoint."""
    while True:
        dropped = _PLAIN_PINYIN.sub(lambda m: "" if normalize._HAS_TONE.search(m.group(0)) else m.group(0), text)
        if dropped == text:
            return text
        text = dropped


def _plain_normalize(text: str) -> str:
    """normalize_text as first written: one translate and plainly written regexes."""
    if not text:
        return ""
    text = text.translate(normalize._FULLWIDTH)
    text = unicodedata.normalize("NFC", text)
    text = _plain_pinyin(text)
    text = normalize.to_simplified(text)
    text = _PLAIN_DATE_SPACES.sub("", text)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[ \t]{2,}|\t", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip()
    lines = text.split("\n")
    if len(lines) >= 7 and all(lines[0::2]) and not any(lines[1::2]):  # double-spaced: read single-spaced
        text = "\n".join(lines[0::2])
    return text


@pytest.mark.parametrize("i", range(len(RAW_TEXTS)))
def test_normalize_corpus(i: int) -> None:
    assert normalize.normalize_text(RAW_TEXTS[i]) == _plain_normalize(RAW_TEXTS[i])


@FAST
@given(_text)
def test_normalize_generated(text: str) -> None:
    assert normalize.normalize_text(text) == _plain_normalize(text)


# --- contacts: sentence starts and suffix tests ---------------------------------------------------------

from pipeline.contacts import extract as contacts  # noqa: E402
from pipeline.contacts import labels as contact_labels  # noqa: E402
from pipeline.contacts.rules import contact_rules  # noqa: E402

_CONTACT_RULES = contact_rules()
_SUFFIX_LISTS = {name: getattr(_CONTACT_RULES, name)
                 for name in ("org_suffixes", "label_org_suffixes", "place_suffixes", "department_suffixes")}
_PLAIN_SENTENCE_END = re.compile(r"[。!?\n]")


def _plain_sentence_start(text: str, pos: int) -> int:
    best = max(0, pos - 400)  # the look-back window's start when no end stands in it
    for m in _PLAIN_SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        best = m.end()
    return best


def _plain_ends_with(text: str, suffixes: tuple[str, ...]) -> str | None:
    best = None
    for suffix in suffixes:
        if len(text) > len(suffix) and text.endswith(suffix):
            if best is None or len(suffix) > len(best):
                best = suffix
    return best


def _contacts_agree(text: str) -> None:
    for pos in range(0, len(text) + 1, max(1, len(text) // 97)):
        assert contacts._sentence_start(text, pos) == _plain_sentence_start(text, pos), pos
    for line in text.split("\n")[:60]:
        label = contact_labels.clean_label(line, _CONTACT_RULES)
        for cut in range(0, min(len(label), 12)):
            head = label[:len(label) - cut]
            for suffixes in _SUFFIX_LISTS.values():
                assert contact_labels._ends_with(head, suffixes) == bool(_plain_ends_with(head, suffixes))


def test_suffix_lists_hold_no_empty_word() -> None:
    # The fast _ends_with relies on it: an empty suffix would make every longer text "end with" one.
    for name, words in _SUFFIX_LISTS.items():
        assert all(words), name


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_contact_readings_corpus(i: int) -> None:
    _contacts_agree(TEXTS[i])


_suffix_text = st.lists(st.one_of(st.sampled_from(sorted({w for ws in _SUFFIX_LISTS.values() for w in ws})),
                                  st.sampled_from(list("市县区医保局中心科。!?\n 0123"))), max_size=12).map("".join)


@FAST
@given(st.one_of(_text, _suffix_text))
def test_contact_readings_generated(text: str) -> None:
    _contacts_agree(text)
    for suffixes in _SUFFIX_LISTS.values():
        assert contact_labels._ends_with(text, suffixes) == bool(_plain_ends_with(text, suffixes))


from pipeline import htmlclean  # noqa: E402


# --- HTML pages: info lines outside the body container -------------------------------------------------

import lxml.html  # noqa: E402

_PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html"))


def _plain_info_lines(body: object, container: object) -> list[str]:
    """The info-line scan as first written: every element, its ancestors walked each time."""
    found: list[str] = []
    for el in body.iter("div", "span", "p", "td", "li"):  # type: ignore[attr-defined]
        if el is container or container in el.iterancestors() or el in container.iterancestors():  # type: ignore[attr-defined]
            continue
        text = " ".join(el.text_content().split())
        if len(text) <= 160 and htmlclean._rules().info_hint.search(text) and text not in found:
            if not any(text in seen or seen in text for seen in found):
                found.append(text)
    return found


def _info_lines_agree(html_text: str) -> None:
    doc = lxml.html.document_fromstring(html_text)
    body = doc.find("body")
    body = doc if body is None else body
    for container in body.iter():
        if isinstance(container.tag, str):
            assert htmlclean._info_lines(body, container) == _plain_info_lines(body, container)


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_info_lines_pages(path: Path) -> None:
    _info_lines_agree(path.read_bytes().decode("gbk" if ".gbk." in path.name else "utf-8"))


_html_piece = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<td>", "<li>", "<b>", "</b>",
                               "<table><tr>", "</tr></table>", "<!-- c -->", "来源:", "市医保局", "发布时间:2021-10-11",
                               "作者:", "日期 :", "正文一段", " ", "\n", "x" * 170])


@FAST
@given(st.lists(_html_piece, min_size=1, max_size=30).map("".join))
def test_info_lines_generated(fragment: str) -> None:
    _info_lines_agree(f"<html><body>{fragment}</body></html>")


# --- HTML pages: container selectors skipped when their id or class is not in the source ----------------

from html.entities import html5  # noqa: E402

_WORD_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def test_word_refs_cover_every_reference_spelling_a_word_character() -> None:
    spelling = {f"&{name}" for name, value in html5.items() if any(c in _WORD_CHARS for c in value)}
    assert spelling == set(htmlclean._WORD_REFS[1:])


def _pages_agree(html_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = htmlclean.html_to_page(html_text)
    with monkeypatch.context() as m:
        m.setattr(htmlclean, "_may_match", lambda word, text: True)
        plain = htmlclean.html_to_page(html_text)
    assert (fast.text, fast.hints, fast.container) == (plain.text, plain.hints, plain.container)


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_container_gate_pages(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pages_agree(path.read_bytes().decode("gbk" if ".gbk." in path.name else "utf-8"), monkeypatch)


_container_piece = st.sampled_from(
    ['<div id="zoom">', '<div id="zo&#111;m">', '<div class="a TRS&lowbar;Editor">', '<div class="bt-content">',
     '<div id="con&UnderBar;con">', '<div id="Content">', '<article>', '<div class="TRS_Editor x">', "</div>",
     "</article>", "<p>", "</p>", "本市医疗保障信息系统将于6月1日停机切换升级", "来源:市医保局", "zoom", " ", "&amp;"])


@FAST
@given(st.lists(_container_piece, min_size=1, max_size=24).map("".join))
def test_container_gate_generated(fragment: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _pages_agree(f"<html><head><title>通知</title></head><body>{fragment}</body></html>", monkeypatch)


# --- contacts: landlines validated without phonenumbers.parse --------------------------------------------

import phonenumbers  # noqa: E402

from pipeline.places import _index as _places_index  # noqa: E402

_AREA_CODES = sorted({d.area_code for d in _places_index().divisions.values() if d.area_code}
                     | {"010", "020", "021", "0350", "0773", "0898", "0999", "01", "0", "00", "001", "0000", "03", "099"})


def _plain_landline(area: str, subscriber: str) -> tuple[str, str | None]:
    try:
        num = phonenumbers.parse(area + subscriber, "CN")
    except phonenumbers.NumberParseException:
        num = None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164) \
        if num is not None and phonenumbers.is_valid_number(num) else None
    return f"{area}-{subscriber}", e164


@pytest.mark.parametrize("area", _AREA_CODES[::7] + ["0", "00", "001", "01", "03"])
def test_landline_area_codes(area: str) -> None:
    for subscriber in ("2886097", "3032798", "12345", "88888888", "1234567", "96123", "0123456", "2", "", "123456789"):
        assert contact_numbers.normalize_landline(area, subscriber) == _plain_landline(area, subscriber)


@FAST
@given(st.sampled_from(_AREA_CODES), st.from_regex(r"[0-9]{0,10}", fullmatch=True))
def test_landline_generated(area: str, subscriber: str) -> None:
    assert contact_numbers.normalize_landline(area, subscriber) == _plain_landline(area, subscriber)


@FAST
@given(st.from_regex(r"0[0-9]{1,3}", fullmatch=True), st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True))
def test_landline_shapes_generated(area: str, subscriber: str) -> None:
    assert contact_numbers.normalize_landline(area, subscriber) == _plain_landline(area, subscriber)
