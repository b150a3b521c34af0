"""Properties of the contacts extractor on generated text (hypothesis, bounded).

Whatever the text: it never raises, every span is valid and its evidence is the text there, every
``phone_e164`` is valid per ``phonenumbers``, kinds are allowed values and phones are distinct.
A landline written with its area code in a "咨询电话:" sentence is always found.
"""

from __future__ import annotations

import phonenumbers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.contacts import extract_contacts
from pipeline.records import CONTACT_KINDS

# Pieces that make number-like text: digits (ASCII and full-width), separators, brackets,
# cue and unit words, names, URL and date debris.
PIECES = st.sampled_from([
    "0", "1", "2", "3", "5", "7", "8", "9", "０", "３", "８", "12345", "12393", "0350", "0773",
    "3032798", "2886097", "18906112333", "400", "95518", "-", "—", "－", "/", "、", ",", ";", ":",
    "(", ")", "(", ")", " ", "  ", "\n", "\n\n", ".", "转", "分机", "电话", "咨询电话:", "热线",
    "拨打", "邮编", "账号", "元", "人", "号", "年", "月", "日", "时", "%", "忻州市医保中心", "综合科",
    "渠 县", "市本级", "(居民)", "24小时", "http://", "www.", ".cn", ".jpg", "@", "+86", "〔2020〕",
    "。", "的", "如有疑问,请", "x", "X",
])

TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)
AREA_CODES = st.one_of(st.none(), st.sampled_from(["0350", "773", "010", "021", "", "abc", "1", "0",
                                                   "00000", "0773-"]))
BOUNDED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(text=TEXTS, area_code=AREA_CODES)
def test_never_raises_and_spans_are_valid(text: str, area_code: str | None) -> None:
    found = extract_contacts(text, area_code)
    phones = [c.phone for c in found]
    assert len(phones) == len(set(phones))
    for c in found:
        assert 0 <= c.span_start < c.span_end <= len(text)
        assert c.evidence == text[c.span_start:c.span_end]
        assert c.kind in CONTACT_KINDS
        assert c.phone
        if c.phone_e164 is not None:
            assert phonenumbers.is_valid_number(phonenumbers.parse(c.phone_e164))
        if c.kind == "hotline" and len(c.phone.replace("-", "")) <= 9:
            assert c.phone_e164 is None


AREAS = st.sampled_from(["010", "021", "0350", "0773", "0818", "0531", "0791", "0755"])
SUBSCRIBERS = st.from_regex(r"[2-8][0-9]{6,7}", fullmatch=True)
SEPARATORS = st.sampled_from(["-", " ", "—", ""])
FILLER = st.sampled_from(["", "如有疑问,请拨打", "市医保中心", "联系人:王先生,", "2021年10月21日,"])


@BOUNDED
@given(area=AREAS, subscriber=SUBSCRIBERS, sep=SEPARATORS, before=FILLER,
       after=st.sampled_from(["", "。", "(居民)", "综合科", "\n下一行"]))
def test_written_landline_is_found(area: str, subscriber: str, sep: str, before: str,
                                   after: str) -> None:
    number = phonenumbers.parse(area + subscriber, "CN")
    assume(phonenumbers.is_valid_number(number))
    text = f"{before}咨询电话:{area}{sep}{subscriber}{after}"
    phones = [c.phone for c in extract_contacts(text, None)]
    assert f"{area}-{subscriber}" in phones
