"""The layout families of tests/layouts carry their chrome traps, and the parser leaves them out.

The parity test (test_html_parity.py) shows that a page scores like its text; these cases show
the traps are really on every page (so the parity is not for want of them) and that none of
them reaches the notice: not its body, not its times, not its phone numbers.
"""

from __future__ import annotations

import json
import re

import pytest

import layouts
from layouts.common import RELATED, TODAY, Family, lines
from layouts.pdf_attachment import pdf_pages

from pipeline.parse import parse_document
from pipeline.records import RawDocument
from pipeline.scrape.pdf import join_wrapped_lines

from conftest import GOLD

NOTICE = "dali-2022"  # an extra-corpus notice with title, publisher and date labeled
PAGE_FAMILIES = [name for name, f in layouts.FAMILIES.items() if isinstance(f, Family)]
# Numbers of the chrome (footers, forum replies, metadata) that no notice states.
TRAP_NUMBERS = re.compile(r"0773-2825612|0757-83381234|0351-5551234|0551-62601234|0791-86891234|"
                          r"0816-2345678|0816-2222333|ICP备|2026")


@pytest.fixture(scope="module")
def notice() -> tuple[str, dict]:  # type: ignore[type-arg]
    text = (GOLD / "extra" / f"{NOTICE}.txt").read_text(encoding="utf-8")
    gold = json.loads((GOLD / "extra" / f"{NOTICE}.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.mark.parametrize("family", PAGE_FAMILIES)
def test_page_carries_its_traps(family: str, notice: tuple[str, dict]) -> None:  # type: ignore[type-arg]
    page = layouts.FAMILIES[family].build(*notice)  # type: ignore[attr-defined]
    assert TODAY in page.markup
    assert any(date in page.markup for _, date in RELATED)
    assert TRAP_NUMBERS.search(page.markup)


@pytest.mark.parametrize("family", PAGE_FAMILIES)
def test_traps_stay_out_of_the_notice(family: str, notice: tuple[str, dict]) -> None:  # type: ignore[type-arg]
    page = layouts.FAMILIES[family].build(*notice)  # type: ignore[attr-defined]
    n = parse_document(RawDocument(source=f"{family}.html", data=page.data(), source_path=f"{family}.html"))
    assert n.is_outage_notice
    assert not TRAP_NUMBERS.search(n.body_text), TRAP_NUMBERS.search(n.body_text)
    assert not any(title[:12] in n.body_text for title, _ in RELATED)
    assert all(w.start is None or w.start.year in (2022,) for w in n.windows)
    assert all(not c.phone.startswith(("0757", "0351", "0551", "0791", "0816")) for c in n.contacts)
    assert n.title == notice[1]["title"]


def test_printed_pdf_lines_come_back_as_the_notice_lines(notice: tuple[str, dict]) -> None:  # type: ignore[type-arg]
    text, _ = notice
    printed = "\n\n".join("\n".join(page) for page in pdf_pages(text))
    assert [ln for ln in join_wrapped_lines(printed).split("\n") if ln] == lines(text)
