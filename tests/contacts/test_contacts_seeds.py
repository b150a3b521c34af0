"""The two seed notices' contacts, exactly: number, owner, department and note.

The expected tables were written by reading the notices (not by running the extractor):
忻州 lists 27 numbers whose organization column is broken in the source (a county's second
number sits alone on the next line; 五台山风景区社保中心 is glued to its number); 桂林 gives three
bare local numbers in one sentence that need the city's area code 0773.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.contacts import extract_contacts
from pipeline.normalize import normalize_text

XINZHOU_CENTER = "忻州市医保中心"

# (phone, organization, department, note), in text order.
XINZHOU = [
    ("0350-3032798", XINZHOU_CENTER, "综合科", None),
    ("0350-3033232", XINZHOU_CENTER, "征缴科", None),
    ("0350-3032386", XINZHOU_CENTER, "服务科", None),
    ("0350-3031029", XINZHOU_CENTER, "审核科", None),
    ("0350-2021805", "忻府区医保中心", None, None),
    ("0350-8233786", "原平市医保中心", None, None),
    ("0350-5228558", "代县医保中心", None, None),
    ("0350-6100995", "代县医保中心", None, None),
    ("0350-8911366", "繁峙县医保中心", None, None),
    ("0350-5526266", "繁峙县医保中心", None, None),
    ("0350-7829133", "静乐县医保中心", None, None),
    ("0350-6027169", "定襄县医保中心", None, None),
    ("0350-8722588", "定襄县医保中心", None, None),
    ("0350-8759051", "五台县医保中心", None, None),
    ("0350-6520151", "五台县医保中心", None, None),
    ("0350-4722786", "宁武县医保中心", None, None),
    ("0350-4729148", "宁武县医保中心", None, None),
    ("0350-4243090", "神池县医保中心", None, None),
    ("0350-4331909", "五寨县医保中心", None, None),
    ("0350-8956009", "偏关县医保中心", None, None),
    ("0350-7659887", "偏关县医保中心", None, None),
    ("0350-4533119", "岢岚县医保中心", None, None),
    ("0350-8133883", "岢岚县医保中心", None, None),
    ("0350-7227910", "河曲县医保中心", None, "居民"),
    ("0350-7228686", "河曲县医保中心", None, "职工"),
    ("0350-7322326", "保德县医保中心", None, None),
    ("0350-8759100", "五台山风景区社保中心", None, None),
]

GUILIN = [
    ("0773-2886097", "市本级", None, "职工医疗(生育)保险待遇业务"),
    ("0773-2883019", "市本级", None, "城乡居民医疗保险待遇业务"),
    ("0773-2886087", "市本级", None, "定点机构管理业务"),
]

SEEDS = [
    pytest.param("xinzhou-2021", "0350", XINZHOU, id="xinzhou-2021"),
    pytest.param("guilin-2020", "0773", GUILIN, id="guilin-2020"),
]


def _load(seeds_dir: Path, name: str) -> tuple[str, dict]:
    """Normalized text and gold labels of one seed."""
    raw = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((seeds_dir / f"{name}.json").read_text(encoding="utf-8"))
    return normalize_text(raw), gold


@pytest.mark.parametrize("name, area_code, expected", SEEDS)
def test_seed_contacts_exactly(seeds_dir: Path, name: str, area_code: str,
                               expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    text, _ = _load(seeds_dir, name)
    found = extract_contacts(text, area_code)
    got = [(c.phone, c.organization, c.department, c.note) for c in found]
    assert got == expected


@pytest.mark.parametrize("name, area_code, expected", SEEDS)
def test_seed_phones_match_gold(seeds_dir: Path, name: str, area_code: str,
                                expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    text, gold = _load(seeds_dir, name)
    phones = [c.phone for c in extract_contacts(text, area_code)]
    assert phones == gold["phones"]
    assert [row[0] for row in expected] == gold["phones"]


@pytest.mark.parametrize("name, area_code, expected", SEEDS)
def test_seed_evidence_and_e164(seeds_dir: Path, name: str, area_code: str,
                                expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    text, _ = _load(seeds_dir, name)
    for c in extract_contacts(text, area_code):
        assert c.evidence == text[c.span_start:c.span_end]
        assert c.kind == "landline"
        assert c.phone_e164 == "+86" + c.phone[1:].replace("-", "")


def test_guilin_without_area_code_keeps_bare_digits(seeds_dir: Path) -> None:
    text, _ = _load(seeds_dir, "guilin-2020")
    found = extract_contacts(text, None)
    assert [(c.phone, c.phone_e164) for c in found] == [
        ("2886097", None), ("2883019", None), ("2886087", None)]
