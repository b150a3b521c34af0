"""What the layout families share: the page record, the notice's lines, markup helpers and chrome.

Chrome is written so that it must add nothing to a notice: every date in it (a 'today is' line,
related links, a forum's stamps) is a date no gold label holds, every number (footer phones, ICP
and site codes, hit counters) is one no notice states. Facts of the notice (title, publisher,
publication date) appear in the chrome only where the gold label states them, as the shared
wrap_html.py does: a page adds no fact its notice lacks.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluate import parse_to_gold

Gold = dict[str, Any]
Predictor = Callable[[Path], dict[str, Any]]

NAV = ["网站首页", "机构概况", "政务公开", "通知公告", "政策法规", "办事服务", "互动交流"]
TODAY = "今天是:2026年11月22日 星期日"  # a 'today is' date in the top bar
# Related-link titles carrying dates of other notices (none of them in any gold label).
RELATED = [
    ("关于2026年度城乡居民基本医疗保险集中参保缴费的通知", "2026-09-01"),
    ("2026年10月12日起医保经办大厅调整对外办理时间的公告", "2026-10-09"),
    ("关于11月30日18时至12月1日8时网上服务大厅维护的提示", "2026-11-20"),
    ("医保电子凭证激活使用指南(2026年版)", "2026-03-15"),
]


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its markup and the encoding it is served in."""

    encoding: str
    markup: str

    def data(self) -> bytes:
        return self.markup.encode(self.encoding, errors="xmlcharrefreplace")


Builder = Callable[[str, Gold], Page]


@dataclass(frozen=True, slots=True)
class Family:
    """A layout family: how a notice text becomes a page of it."""

    name: str
    build: Builder

    def wrap(self, src: Path, out: Path) -> Predictor:
        """Write ``out/NAME.html`` for every notice of ``src``; predict from those pages."""
        out.mkdir(parents=True, exist_ok=True)
        for txt in sorted(src.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            page = self.build(txt.read_text(encoding="utf-8"), gold)
            (out / f"{txt.stem}.html").write_bytes(page.data())

        def predict(txt: Path) -> dict[str, Any]:
            return parse_to_gold(out / f"{txt.stem}.html")
        return predict


def lines(text: str) -> list[str]:
    """The notice's non-empty lines, stripped."""
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def heading(gold: Gold, fallback: str = "通知公告") -> str:
    """The page's heading: the notice title, or the column name when the label has none."""
    return str(gold.get("title") or fallback)


_CELL_SPLIT = re.compile(r"\t+|[ \u3000]{2,}")


def cells(line: str) -> list[str]:
    """A flattened table row's cells (two or more blanks or a tab between them)."""
    return [c for c in _CELL_SPLIT.split(line) if c.strip()]


_RUNS = re.compile(r"\d+|[^\d]+")


def runs(line: str) -> list[str]:
    """A line cut where digits meet other characters: ``2021年10月`` -> ``2021``, ``年``, ``10``, ``月``."""
    return _RUNS.findall(line)


_SENTENCE = re.compile(r"[^。；;!！?？]*[。；;!！?？]+|[^。；;!！?？]+")


def sentences(line: str) -> list[str]:
    """A line cut after each full stop, semicolon, exclamation or question mark."""
    return [s for s in _SENTENCE.findall(line) if s]


def meta_block(gold: Gold, site: str, column: str = "通知公告", *, reverse: bool = False) -> str:
    """The government-site ``<meta>`` block, with the notice's facts only where gold states them."""
    pairs = [("SiteName", site), ("SiteDomain", "www.example.gov.cn"), ("SiteIDCode", "4400000099"),
             ("ColumnName", column), ("ColumnType", "通知公告")]
    if gold.get("title"):
        pairs.append(("ArticleTitle", gold["title"]))
    if gold.get("published"):
        pairs.append(("PubDate", f"{gold['published']} 10:26"))
    if gold.get("publisher"):
        pairs.append(("ContentSource", gold["publisher"]))
    if reverse:
        return "\n".join(f'<meta content="{esc(v)}" name="{k}">' for k, v in pairs)
    return "\n".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in pairs)


def info_line(gold: Gold, *, date_label: str = "发布时间", source_label: str = "来源") -> str:
    """The info line under a title: date and source where gold states them, and the hit counter."""
    parts = []
    if gold.get("published"):
        parts.append(f"{date_label}:{gold['published']}")
    if gold.get("publisher"):
        parts.append(f"{source_label}:{gold['publisher']}")
    parts.append("浏览次数:1874")
    return "  ".join(parts)


def related_list(tag: str = "ul", cls: str = "related") -> str:
    """A related-links list whose titles and stamps carry other notices' dates."""
    items = "\n".join(f'<li><a href="/art/{d[:4]}/{int(d[5:7])}/{int(d[8:])}/art_1{i}_{i}8.html" '
                      f'title="{esc(t)}">{esc(t)}</a><span class="date">{d}</span></li>'
                      for i, (t, d) in enumerate(RELATED))
    return f'<div class="{cls}"><h3>相关链接</h3><{tag}>\n{items}\n</{tag}></div>'


def nav_bar() -> str:
    return '<div class="nav"><ul>' + "".join(f'<li><a href="/c{i}/">{w}</a></li>' for i, w in enumerate(NAV)) + "</ul></div>"
