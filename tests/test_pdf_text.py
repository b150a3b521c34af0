"""Text of printed PDFs: lines cut at the page's width go back together, page numbers go."""

from __future__ import annotations

import pytest

from pipeline.scrape.pdf import join_wrapped_lines

FULL = "一二三四五六七八九十" * 2  # a line as wide as the page (20 characters)

CASES = [
    pytest.param(f"{FULL}\n2021年10\n{FULL}\n月21日18时起暂停。\n{FULL}\n结束。",
                 f"{FULL}2021年10\n{FULL}月21日18时起暂停。\n{FULL}结束。", id="cut-lines-joined"),
    pytest.param(f"\u3000\u3000{FULL[:18]}\n续行。\n\u3000\u3000{FULL[:18]}\n续行。\n\u3000\u3000{FULL[:18]}\n"
                 f"\u3000\u3000新段落。",
                 f"{FULL[:18]}续行。\n{FULL[:18]}续行。\n{FULL[:18]}\n新段落。", id="indented-line-opens-a-paragraph"),
    pytest.param(f"{FULL}\n{FULL}\n{FULL}\n- 1 -\n\n末行接着上一页。",
                 f"{FULL}{FULL}{FULL}末行接着上一页。", id="page-number-and-break-dropped"),
    pytest.param(f"{FULL}\n{FULL}\n{FULL[:19]}。\n一、下一项", f"{FULL}{FULL}{FULL[:19]}。\n一、下一项",
                 id="numbered-item-after-a-full-stop"),
    pytest.param("标题\n短行一。\n稍长一些的第二行。\n第三行。", "标题\n短行一。\n稍长一些的第二行。\n第三行。",
                 id="unwrapped-text-left-alone"),
    pytest.param(f"{FULL}\n第 2 页 共 5 页\n2/5\n— 3 —", FULL, id="page-number-forms"),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_join_wrapped_lines(text: str, want: str) -> None:
    assert join_wrapped_lines(text) == want
