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

from pipeline import contact_numbers, normalize

from conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

RAW_TEXTS = [p.read_text(encoding="utf-8") for folder in ("dev", "extra", "seeds") for p in sorted((CORPUS / folder).glob("*.txt"))]
RAW_TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw" / "samples").glob("*.txt"))]
TEXTS = [normalize.normalize_text(t) for t in RAW_TEXTS]

# Characters that exercise the rewritten regexes: blanks, digits, date units, brackets, full-width
# forms, pinyin, URLs and phone shapes.
_ALPHABET = list("關于醫(yī)療 年月日时点号0123456789:：，。,;\n\t\r\x0b\x0c（）()ABCwh.@/-_+āéー\u3000\u00a0\u200b０１")
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
_PLAIN_DATE_SPACES = re.compile(
    r"""(?<=\d)[ \t]+(?=[年月日时時点點分号號])
      | (?<=[年月])[ \t]+(?=\d)
      | (?<=\d)[ \t]+(?=[:：]\d)
      | (?<=\d[:：])[ \t]+(?=\d)
    """,
    re.VERBOSE,
)


def _plain_normalize(text: str) -> str:
    """normalize_text as first written: one translate and plainly written regexes."""
    if not text:
        return ""
    text = text.translate(normalize._FULLWIDTH)
    text = unicodedata.normalize("NFC", text)
    text = _PLAIN_PINYIN.sub(normalize._drop_pinyin, text)
    text = normalize.to_simplified(text)
    text = _PLAIN_DATE_SPACES.sub("", text)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[ \t]{2,}|\t", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


@pytest.mark.parametrize("i", range(len(RAW_TEXTS)))
def test_normalize_corpus(i: int) -> None:
    assert normalize.normalize_text(RAW_TEXTS[i]) == _plain_normalize(RAW_TEXTS[i])


@FAST
@given(_text)
def test_normalize_generated(text: str) -> None:
    assert normalize.normalize_text(text) == _plain_normalize(text)


# --- phone candidates ------------------------------------------------------------------------------


def _plain_number_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(contact_numbers.contact_rules().extension_words, key=len, reverse=True))
    return re.compile(contact_numbers._NUMBER_PATTERN.replace("EXTWORDS", words), re.VERBOSE)


_PLAIN_MASK = re.compile(contact_numbers._MASK_PATTERN, re.VERBOSE | re.IGNORECASE)


def _plain_candidates(text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(*m.span(), m.groupdict()) for m in _plain_number_regex().finditer(text)]


def _fast_candidates(text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(*m.span(1), m.groupdict()) for m in contact_numbers.iter_matches(contact_numbers._number_regex(), text)]


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_number_shapes_corpus(i: int) -> None:
    assert _fast_candidates(TEXTS[i]) == _plain_candidates(TEXTS[i])
    assert contact_numbers.masked_spans(TEXTS[i]) == [m.span() for m in _PLAIN_MASK.finditer(TEXTS[i])]


@FAST
@given(st.one_of(_text, _phoneish))
def test_number_shapes_generated(text: str) -> None:
    assert _fast_candidates(text) == _plain_candidates(text)
    assert contact_numbers.masked_spans(text) == [m.span() for m in _PLAIN_MASK.finditer(text)]
