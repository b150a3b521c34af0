"""The duplicate index (``pipeline.dedup``): which notices are reposts of which, and what it keeps.

End-to-end reposts through the writer are in ``test_parse_robustness.py``; here the index alone,
with made-up notices whose sentences are long enough to count.
"""

from __future__ import annotations

import datetime as dt
import random
import tracemalloc

import pytest

from pipeline.dedup import MAX_KEYS, DuplicateIndex, sentence_keys

TZ = dt.timezone(dt.timedelta(hours=8))
DAY1, DAY2 = dt.datetime(2021, 10, 1, tzinfo=TZ), dt.datetime(2021, 10, 2, tzinfo=TZ)
S = [f"因系统升级改造第{i}项业务暂停办理请广大参保人员提前做好安排" for i in range(8)]


def _body(*idx: int, extra: str = "") -> str:
    return "。".join(S[i] for i in idx) + ("。" + extra if extra else "")


# (notices as (id, content_hash, body, site, published, facts), expected mapping)
CASES = [
    pytest.param([("a", "h1", _body(0, 1), None, None, "f"), ("b", "h1", _body(0, 1), None, None, "f")],
                 {"b": "a"}, id="same-compacted-body-first-seen-is-original"),
    pytest.param([("a", "h1", _body(0, 1, 2, 3), "x.com", None, "f"),
                  ("b", "h2", _body(0, 1, 2, 3, extra="来源:某某网转载自官方微信公众号的原文内容"), "y.gov.cn", None, "f")],
                 {"a": "b"}, id="shared-sentences-same-facts-gov-site-is-original"),
    pytest.param([("a", "h1", _body(0, 1, 2, 3), None, DAY2, "f"), ("b", "h2", _body(0, 1, 2, 4), None, DAY1, "f")],
                 {"a": "b"}, id="three-of-four-shared-earliest-published-is-original"),
    pytest.param([("a", "h1", _body(0, 1, 2, 3), None, None, "city A"), ("b", "h2", _body(0, 1, 2, 3), None, None, "city B")],
                 {}, id="template-sibling-other-facts-is-no-repost"),
    pytest.param([("a", "h1", _body(0, 1, 4, 5, 6), None, None, "f"), ("b", "h2", _body(0, 1, 2, 3, 7), None, None, "f")],
                 {}, id="two-shared-sentences-are-too-few"),
    pytest.param([("a", "h1", _body(0, 1), None, None, "f"), ("b", "h2", _body(0, 1), None, None, "f")],
                 {}, id="fewer-than-three-sentences-never-match-by-sentences"),
    pytest.param([("a", "h1", _body(0, 1, 2), None, None, "f"), ("b", "h2", _body(3, 4, 5), None, None, "f"),
                  ("c", "h1", _body(0, 1, 2), None, None, "g"), ("d", "h3", _body(3, 4, 5), None, None, "f")],
                 {"c": "a", "d": "b"}, id="two-groups"),
    pytest.param([("a", "0123456789abcdef", _body(0), None, None, ""),
                  ("b", "0123456789ABCDEF", _body(1), None, None, ""),
                  ("c", "0123456789abcdef", _body(2), None, None, "")],
                 {"c": "a"}, id="content-hashes-compared-exactly"),
]


@pytest.mark.parametrize(("notices", "expected"), CASES)
def test_resolve(notices: list[tuple], expected: dict[str, str]) -> None:
    index = DuplicateIndex()
    for notice in notices:
        index.add(*notice)
    assert index.resolve() == expected


def test_sentence_keys_keep_the_longest_sentences_ties_by_text() -> None:
    # 30 sentences of one length: which 24 are kept must not depend on the process's string hashing
    body = "。".join(f"第{i:02d}条通知内容保持相同长度的句子" for i in range(30))
    keys = sentence_keys(body)
    assert len(keys) == MAX_KEYS
    assert keys == sentence_keys("。".join(reversed(body.split("。"))))
    assert keys == sentence_keys(body.replace("第29条", "第99条"))  # only the 24 smallest texts count


def test_index_keeps_a_few_hundred_bytes_per_notice() -> None:
    rng = random.Random(7)
    bodies = ["。".join(f"句子{rng.randrange(10**6)}号通知内容比较长的一句话" for _ in range(30)) for _ in range(500)]
    ids = [f"{i:016x}" for i in range(500)]
    tracemalloc.start()
    index = DuplicateIndex()
    for i, body in enumerate(bodies):
        index.add(ids[i], f"{rng.randrange(16**16):016x}", body, "x.gov.cn", DAY1, "facts")
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / len(bodies) < 400  # sets and lists of Python ints took about 2 KB
    assert index.resolve() == {}
