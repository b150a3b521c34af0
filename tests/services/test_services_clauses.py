"""How the services extractor cuts a body into clauses, phrases, asides and numbered item blocks."""

from __future__ import annotations

import pytest

from pipeline.services.clauses import Block, bracket_zones, phrase_index, split_clauses


def _texts(text: str) -> list[str]:
    return [text[c.start:c.end] for c in split_clauses(text)]


@pytest.mark.parametrize("text, clauses", [
    pytest.param("甲。乙;丙\n丁!戊?己", ["甲", "乙", "丙", "丁", "戊", "己"], id="every-clause-end"),
    pytest.param("  甲 。\n\n\u3000乙\t", ["甲", "乙"], id="blanks-trimmed-blank-lines-dropped"),
    pytest.param("医?!保暂停。", ["医?!保暂停"], id="a-run-of-?!-is-decoding-debris-not-an-end"),
    # a page that ran its paragraphs into one line keeps a blank before each item
    pytest.param("二、暂停办理的业务 (一)养老保险参保登记。 (二)工伤保险待遇申领。 三、其他 1.待遇照常发放",
                 ["二、暂停办理的业务", "(一)养老保险参保登记", "(二)工伤保险待遇申领", "三、其他", "1.待遇照常发放"],
                 id="a-blank-before-an-item-marker-ends-a-clause"),
    pytest.param("详见附件 1.5版说明;共 12.5元", ["详见附件 1.5版说明", "共 12.5元"], id="near-miss-a-blank-before-a-decimal"),
])
def test_clause_ends(text: str, clauses: list[str]) -> None:
    assert _texts(text) == clauses


@pytest.mark.parametrize("line, level", [
    ("三、暂停的业务", 1),
    ("(二)恢复时间", 2),
    ("4.门诊结算", 3),
    ("7、住院结算", 3),
    ("2如需办理", 3),
    ("⑤药店购药", 4),
    ("(3)异地就医", 4),
    ("5月6日起暂停", None),  # a date, no marker
    ("暂停门诊结算", None),
])
def test_item_marker_levels(line: str, level: int | None) -> None:
    assert split_clauses(line)[0].marker_level == level


@pytest.mark.parametrize("text, levels", [
    # an office numbering its levels in an order of its own: a list restarting at 1 right under a
    # heading of the same or a deeper kind is inside that heading, until its count breaks off
    pytest.param("一、暂停范围\n(2)暂停办理的业务:\n1.登记类;\n2.发票类。\n二、恢复时间",
                 [1, 4, 5, 5, 1], id="1.-items-under-a-(2)-heading-with-a-colon"),
    pytest.param("1.暂停时间\n2.暂停的业务\n1.门诊结算;\n2.药店购药;\n3.异地结算;\n3.就医提示\n(1)先垫付",
                 [3, 3, 4, 4, 4, 3, 4], id="1.-items-under-a-2.-heading-end-at-a-3.-out-of-count"),
    pytest.param("1.暂停时间\n2.暂停的业务\n1.门诊结算;\n2.药店购药;\n3.就医提示",
                 [3, 3, 4, 4, 3], id="the-headings-next-number-short-and-bare-is-the-outer-list"),
    pytest.param("1.暂停时间\n2.恢复时间\n3.咨询电话", [3, 3, 3], id="near-miss-a-plain-list-stays-flat"),
])
def test_item_levels_in_an_offices_own_order(text: str, levels: list[int]) -> None:
    assert [c.marker_level for c in split_clauses(text)] == levels


def test_item_blocks_nest_and_close() -> None:
    text = "一、停机安排\n(一)时间\n内容甲\n(二)范围\n二、其他"
    clauses = split_clauses(text)
    first, sub1, body, sub2, second = clauses
    outer = Block(first.start, second.start, sub1.start)  # its head ends where its first sub-item starts
    assert first.blocks == (outer,)
    assert body.blocks == (Block(sub1.start, sub2.start, sub2.start), outer)  # innermost first
    assert sub2.blocks[0] == Block(sub2.start, second.start, second.start)
    assert second.blocks == (Block(second.start, len(text), len(text)),)


def test_phrases_split_at_commas_and_label_colons_only() -> None:
    text = "暂停时间:当晚18:00至20:00,暂停(门诊,住院)结算"
    (clause,) = split_clauses(text)
    assert [text[p.start:p.end] for p in clause.phrases] == ["暂停时间", "当晚18:00至20:00", "暂停(门诊,住院)结算"]
    assert len(split_clauses("停机时间:18:00")[0].phrases) == 1  # a colon before a digit is no label's
    assert phrase_index(clause, text.index("住院")) == 2
    assert phrase_index(clause, text.index(",")) == 1  # a separator counts with the phrase before it


def test_bracket_zones_innermost_on_one_line() -> None:
    text = "甲(乙(丙)丁)戊(己\n庚)"
    assert [text[s:e] for s, e in bracket_zones(text)] == ["丙"]
