"""Faster forms in the times extractor give exactly what their plain definitions give.

The times stage was sped up without changing one output. Where a list of patterns became one
alternation used as a gate, a count became a bisection, or per-document work is shared, the plain
definition is kept here and both run on the corpora and on generated text: any difference is a
bug in the fast form.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.times import extract as times
from pipeline.times import grammar as time_grammar
from pipeline.times import windows as time_windows
from pipeline.normalize import normalize_text
from pipeline.ruledata import load_yaml
from pipeline.times.grammar import scan
from pipeline.times.extract import stamp_spans
from pipeline.times.resolve import resolve_all
from pipeline.times.windows import TimeClause, read_time_clauses

from corpora import labeled_text_paths

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXTS = [normalize_text(p.read_text(encoding="utf-8")) for p in labeled_text_paths() if p.suffix == ".txt"]

# Words the time cue patterns are made of, with separators, brackets and list marks between them.
_WORDS = ["所有", "业务", "服务", "系统", "停机", "停用", "停止使用", "暂停", "对外服务", "经办业务", "医保",
          "结算", "刷卡", "网点", "窗口", "各", "全部", "异地", "就医", "异地就医", "直接结算", "跨省", "省内",
          "省外", "联网结算", "直结", "住院", "门诊", "相关", "管理", "平台", "支付端", "中心端", "数字人社",
          "税务", "定点医疗机构", "养老保险", "网上服务", "网厅", "自助服务", "征缴", "核定", "缴费", "不受影响",
          "正常办理", "期间", "前", "后", "时间", "切换", "维护", "升级", "范围", "停机期间", ":", "为", "、", "等", ",", ",", ";", "。", "\n", "(", ")", " ", "和", "及",
          "10月8日", "18:00", "至"]
_cue_text = st.lists(st.sampled_from(_WORDS), max_size=25).map("".join)


def _rules() -> dict[str, Any]:
    return time_windows._rules()


def _segments() -> list[str]:
    """Every clause part the extractor reads on the corpora (before, after, heading), and each line."""
    out: list[str] = []
    for text in TEXTS:
        for c in read_time_clauses(text, resolve_all(text, scan(text), None)):
            out += [c.before, c.after, c.heading]
        out += text.split("\n")
    return out


SEGMENTS = _segments()


def test_corpus_texts_are_here() -> None:
    assert len(TEXTS) >= 60 and len(SEGMENTS) > 1000, "the checks below ran on the corpora"


# --- a list of patterns as one alternation: a gate that says "none of them matches" -----------------

_LISTS = [("any_strong", "strong"), ("any_weak", "weak"), ("any_province", "province"), ("any_section", "section"),
          ("any_period_label", "period_label")]


def _gates_agree(segment: str) -> None:
    r = _rules()
    for gate, patterns in _LISTS:
        assert bool(r[gate].search(segment)) == any(p.search(segment) for p in r[patterns]), (gate, segment)
    plain = any(p.search(segment) for p, _ in r["components"])
    assert bool(r["any_component"].search(segment)) == plain, segment


def test_gates_corpus() -> None:
    for segment in SEGMENTS:
        _gates_agree(segment)


@FAST
@given(_cue_text)
def test_gates_generated(segment: str) -> None:
    _gates_agree(segment)


def _plain_has_core(segment: str) -> bool:
    """The definition: every strong match scanned, then the partial scope, then any weak pattern."""
    r = _rules()
    for pattern in r["strong"]:
        for m in pattern.finditer(segment):
            if not r["partial_re"].search(m.group()) and not r["online_re"].search(m.group()):
                return True
    if r["partial_re"].search(segment):
        return False
    return any(p.search(segment) for p in r["weak"])


def _plain_component(c: TimeClause, skip_list_items: bool = False) -> str | None:
    """The definition: every component pattern scanned before and after the expression."""
    best_before: tuple[int, str] | None = None
    best_after: tuple[int, str] | None = None
    before, after = time_windows._drop_kept_open(c.before), time_windows._drop_kept_open(c.after)
    for pattern, name in _rules()["components"]:
        for m in pattern.finditer(before):
            if skip_list_items and time_windows._list_item(before, m.start(), m.end()):
                continue
            if best_before is None or m.start() > best_before[0]:
                best_before = (m.start(), name)
        for m2 in pattern.finditer(after):
            if skip_list_items and time_windows._list_item(after, m2.start(), m2.end()):
                continue
            if best_after is None or m2.start() < best_after[0]:
                best_after = (m2.start(), name)
            break
    if best_before:
        return best_before[1]
    return best_after[1] if best_after else None


def _plain_province(segment: str) -> bool:
    """The definition: province phrases not in a list item blanked, and no core stop left."""
    r = _rules()
    segment = time_windows._drop_kept_open(segment)
    spans = [m.span() for p in r["province"] for m in p.finditer(segment)
             if not time_windows._list_item(segment, m.start(), m.end())]
    if not spans:
        return False
    chars = list(segment)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return not _plain_has_core("".join(chars))


def _scope_agrees(before: str, after: str) -> None:
    segment = before + after
    assert time_windows._has_core(segment) == _plain_has_core(segment), segment
    assert time_windows._province(segment) == _plain_province(segment), segment
    res = resolve_all("10月8日", scan("10月8日"), None)[0]
    c = TimeClause(res=res, kind="other", before=before, after=after, heading="")
    for skip in (False, True):
        assert time_windows._component(c, skip) == _plain_component(c, skip), (before, after)


def test_scope_corpus() -> None:
    for text in TEXTS:
        for c in read_time_clauses(text, resolve_all(text, scan(text), None)):
            _scope_agrees(c.before, c.after)
            _scope_agrees(c.heading, "")


@FAST
@given(_cue_text, _cue_text)
def test_scope_generated(before: str, after: str) -> None:
    _scope_agrees(before, after)


# --- times before an expression on its line: a bisection over the expression starts ---------------

_time_text = st.lists(st.sampled_from(["10月8日", "2021年1月2日", "18:00", "至", "12日", "\n", " ", "|", "停机",
                                       "时间", "今天", "0时", "起", "次日", "8时", "。", "-", "2021-10-11"]),
                      max_size=30).map("".join)


def _starts_ascend(text: str) -> None:
    starts = [e.start for e in scan(text)]
    assert starts == sorted(set(starts)), text  # strictly ascending: what the bisection relies on


def test_scan_starts_ascend_corpus() -> None:
    for text in TEXTS:
        _starts_ascend(text)


@FAST
@given(_time_text)
def test_scan_starts_ascend_generated(text: str) -> None:
    _starts_ascend(text)


def _plain_headings(text: str) -> list[str]:
    """The definition: each expression's table label counted by a scan of the expressions before it."""
    resolved = resolve_all(text, scan(text), None)
    out = []
    for i, res in enumerate(resolved):
        start = res.expr.start
        line_start = text.rfind("\n", 0, start) + 1
        in_row = sum(1 for x in resolved[:i] if x.expr.start >= line_start)
        label = time_windows._table_label(text, start, in_row)
        out.append(label if label is not None else time_windows._heading(text, start))
    return out


def _headings_agree(text: str) -> None:
    clauses = read_time_clauses(text, resolve_all(text, scan(text), None))
    assert [c.heading for c in clauses] == _plain_headings(text), text


def test_headings_corpus() -> None:
    for text in TEXTS:
        _headings_agree(text)


@FAST
@given(_time_text)
def test_headings_generated(text: str) -> None:
    _headings_agree(text)


@pytest.mark.parametrize("text", ["起止时间 | 停机时间 | 恢复时间\n医保 | 10月8日18:00 | 10月9日8:00 10月10日"],
                         ids=["table row"])
def test_headings_table(text: str) -> None:
    _headings_agree(text)
    assert [c.heading for c in read_time_clauses(text, resolve_all(text, scan(text), None))][:2] == ["停机时间", "恢复时间"]


def test_open_tail_is_the_old_pattern() -> None:
    assert time_windows._OPEN_TAIL.pattern == r"[ ]?(?:起|开始)?[ ]?,?[ ]?"
    m = time_windows._OPEN_TAIL.match("起,至")
    assert m is not None and m.end() == 2


def test_except_gate_needs_its_first_character() -> None:
    # _cues looks for 除...外 only in a segment holding 除: the pattern opens with that character.
    assert time_windows._EXCEPT.pattern.startswith("除")


# --- publication stamps: lines split without a regex, the signature matched only where it may sit ---


def _plain_stamp_spans(text: str) -> list[tuple[int, int]]:
    """The definition: every non-blank line matched, then kept by where it sits."""
    spans: list[tuple[int, int]] = []
    m = times._LEADING_STAMP.match(text)
    if m:
        spans.append((m.start("date"), m.end("date")))
    lines = [(lm.start(), lm.group()) for lm in re.finditer(r"[^\n]+", text) if lm.group().strip()]
    tail_from = lines[-times._SIGNATURE_TAIL_LINES][0] if len(lines) >= times._SIGNATURE_TAIL_LINES else 0
    previous = ""
    for start, line in lines:
        sm = times._SIGNATURE.match(line)
        if sm and (start >= tail_from or previous.strip().endswith(times._ORG_END)):
            spans.append((start + sm.start("date"), start + sm.end("date")))
        previous = line
    return spans


_stamp_text = st.lists(st.sampled_from(["2023年12月25日", "二〇二三年十二月二十五日", "2023-12-25", "\n", "\n\n", " ",
                                        "\t", "\r", "医疗保障局", "中心", "【通知】", "12月30日:", "正文", "。"]),
                       max_size=30).map("".join)


def test_stamp_spans_corpus() -> None:
    for text in TEXTS:
        assert stamp_spans(text) == _plain_stamp_spans(text)


@FAST
@given(_stamp_text)
def test_stamp_spans_generated(text: str) -> None:
    assert stamp_spans(text) == _plain_stamp_spans(text)


# --- the clause reader's gated steps against their plain forms ---------------------------------------


def _plain_kind(c: TimeClause, text: str) -> str:
    """The definition: all cues listed, the first after the expression by priority at its place."""
    r = _rules()
    expr = c.res.expr
    if any(p.search(c.before) for p in r["period_label"]):
        return "suspension"
    if r["deadline_suffix"].match(text, expr.end) and not text.startswith("前后", expr.end):
        return "deadline"
    if r["deadline_prefix"].search(text[max(0, expr.start - 6):expr.start]):
        return "deadline"
    priority = {k: i for i, k in enumerate(load_yaml("time_cues.yaml")["kind_priority"])}
    after = list(time_windows._cues(c.after, text, expr.end))
    if after:
        pos = after[0][0]
        kind = min((k for p, k in after if p == pos), key=lambda k: priority[k])
        return "other" if kind == "announce" else kind
    before = list(time_windows._cues(c.before, text, expr.start - len(c.before)))
    if before:
        kind = before[-1][1]
        return "other" if kind == "announce" else kind
    head = [k for _, k in time_windows._cues(c.heading, c.heading, 0) if k != "announce"]
    return head[0] if head else "other"


def _clauses_agree(text: str) -> None:
    r = _rules()
    for c in read_time_clauses(text, resolve_all(text, scan(text), None)):
        plain = _plain_province(time_windows._PARENS.sub("", c.before + time_windows._stop_part(c.after)))
        assert c.province == plain, (c.before, c.after)
        label = c.before + "\n" + c.heading
        section = (any(p.search(label) for p in r["section"]) and "范围" not in label) \
            or any(p.search(c.before) for p in r["period_label"])
        assert c.section == section, label
        if c.open_end is None:  # the clause's open end, when found, is tested in test_times_cases
            assert c.res.expr.right is not None or not r["open_end"][1].search(c.after), c.after
        if c.open_end is None or c.res.expr.right is not None:  # the kind is read on the unmasked clause
            assert c.kind == _plain_kind(c, text), (c.before, c.after)


def test_clauses_corpus() -> None:
    for text in TEXTS:
        _clauses_agree(text)


_clause_words = st.lists(st.sampled_from(_WORDS + ["恢复", "上线", "截止", "发布", "停止运行", "暂时停止", "期间",
                                                    "以上", "除", "外", "另行通知", "起", "10月9日8时", "“", "”"]),
                         max_size=30).map("".join)


@FAST
@given(_clause_words)
def test_clauses_generated(text: str) -> None:
    _clauses_agree(text)


# --- cue reading: the words after a cue searched as one alternation ----------------------------------


def _plain_cues(segment: str, text: str, offset: int) -> list[tuple[int, str]]:
    """The definition: each multi-character ignore word tested in turn."""
    r = _rules()
    data = load_yaml("time_cues.yaml")
    multi = [w for w in data["ignore_after"] if len(w) > 1] + ["准备"]
    out = []
    excepted = [(x.start(), x.end()) for x in time_windows._EXCEPT.finditer(segment)]
    for m in r["cue_re"].finditer(segment):
        if any(a <= m.start() < b for a, b in excepted):
            continue
        start, end = offset + m.start(), offset + m.end()
        follow = text[end:end + time_windows._CUE_WINDOW]
        if follow.startswith(r["ignore_after_single"]) or any(w in follow for w in multi):
            continue
        if text[max(0, start - 2):start].endswith(r["ignore_before"]):
            continue
        out.append((m.start(), r["cue_kind"][m.group()]))
    return out


def _cues_agree(text: str) -> None:
    for a in range(0, len(text), 7):
        segment = text[a:a + 40]
        assert list(time_windows._cues(segment, text, a)) == _plain_cues(segment, text, a), segment


def test_cues_corpus() -> None:
    for text in TEXTS:
        _cues_agree(text)


@FAST
@given(_clause_words)
def test_cues_generated(text: str) -> None:
    _cues_agree(text)


# --- URLs and file names: the URL pattern run only on text that may hold one ---------------------------


def _plain_not_text_spans(text: str) -> list[tuple[int, int]]:
    """The definition: the case-blind URL pattern run on every text."""
    spans = [(m.start(), m.end()) for m in times._URL.finditer(text)]
    for m in times._FILE_EXT.finditer(text):
        start = m.start()
        while start > max(0, m.start() - times._MAX_FILE_NAME) and times._FILE_NAME_CHAR.match(text[start - 1]):
            start -= 1
        spans.append((start, m.end()))
    return spans


_url_text = st.lists(st.sampled_from(["http://", "HTTPS://", "hTTp:/", "://", "www.", "WWW.", "wWw", "W", ".", "ww",
                                      "a.gov.cn", "/2021/10/11/", "图片_20210315.png", ".PDF", " ", "通知", "\n",
                                      "\u017f", "K"]),
                      max_size=20).map("".join)


def test_not_text_spans_corpus() -> None:
    for text in TEXTS:
        assert times._not_text_spans(text) == _plain_not_text_spans(text)


@FAST
@given(_url_text)
def test_not_text_spans_generated(text: str) -> None:
    assert times._not_text_spans(text) == _plain_not_text_spans(text)


# --- a relative day's follower matched in place instead of on a copy of the rest of the text ----------


@FAST
@given(_time_text, st.integers(min_value=0, max_value=40))
def test_rel_follow_in_place(text: str, at: int) -> None:
    at = min(at, len(text))
    plain = re.match(r"[ ]?(?:0时|零时|起|开始|至|到)", text[at:])
    fast = time_grammar._REL_FOLLOW.match(text, at)
    assert (plain is None) == (fast is None)
    assert plain is None or fast is None or plain.end() + at == fast.end()
