"""A benchmark corpus scaled from our own notices (and ../shared's when beside it), varied so caches cannot cheat.

``build_corpus(folder, scale, fmt)`` writes ``scale`` copies of every distinct notice written for the
project (the bundled samples ``raw/samples``, the check corpora ``tests/gold/extra`` and ``extra2``,
the two seeds) and, when the benchmark runs beside ``../shared``, of the published dev notices read
from ``../shared/corpus/dev`` (never copied into the repository). Copy 0 is the notice as it is;
every other copy is varied, reproducibly (seeded by notice and copy number):

* day numbers move by the same few days through the whole notice (so ranges keep their order);
* the notice's cities become other real cities from ``pipeline/rules/divisions.csv`` (full and short
  names, and the source city's province name when it is written out);
* phone numbers get new last digits (the same number stays the same number within one copy).

``fmt`` is ``txt`` (the text as is), ``html`` (the text wrapped in one of a few realistic page
templates, like ``tests/fixtures/pages``: TRS and Hanweb government sites, some GBK encoded, and a
hospital repost) or ``mixed`` (alternating).

Run as a script to write a corpus for a look: ``python bench/scaled_corpus.py DEST --scale 10``.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path

from benchlib import REPO

__all__ = ["SourceNotice", "source_notices", "vary", "to_html", "build_corpus", "corpus_size"]

# Our notices first, then the published ones beside the checkout (a folder that is not there is skipped).
SOURCE_DIRS = (REPO / "raw" / "samples", REPO / "tests" / "gold" / "extra", REPO / "tests" / "gold" / "extra2",
               REPO / "tests" / "gold" / "seeds", REPO.parent / "shared" / "corpus" / "dev")
FORMATS = ("txt", "html", "mixed")

# Day numbers before 日/号, and the day of 2021-10-21 / 2021.10.21 / 2021/10/21.
_DAY_CN = re.compile(
    r"""
    (?<!\d)(?P<day>\d{1,2})  # one or two digits, not the tail of a longer number
    (?=日|号)                # followed by the day character
    """,
    re.VERBOSE,
)
_DAY_ISO = re.compile(
    r"""
    (?P<head>(?<!\d)\d{4}[-./]\d{1,2}[-./])  # year and month with their separators
    (?P<day>\d{1,2})(?!\d)                  # the day, not followed by more digits
    """,
    re.VERBOSE,
)
# Phone-like digit runs: seven or more digits (landline local part, mobile), not inside a decimal.
_PHONE_DIGITS = re.compile(
    r"""
    (?<![\d.])(?P<head>\d{3,})  # all but the last four digits
    (?P<tail>\d{4})(?![\d.])    # the last four, which the copy changes
    """,
    re.VERBOSE,
)
# An eight-digit run that reads as a date (20211021) is left alone.
_DATE_LIKE = re.compile(r"^(19|20)\d\d[01]\d[0-3]\d$")


@dataclass(frozen=True)
class SourceNotice:
    """One distinct bundled notice: its file stem and text."""

    stem: str
    text: str


def source_notices() -> list[SourceNotice]:
    """Distinct notices of :data:`SOURCE_DIRS` (same text counted once)."""
    seen: set[str] = set()
    out: list[SourceNotice] = []
    for folder in SOURCE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            out.append(SourceNotice(path.stem, text))
    return out


@dataclass(frozen=True)
class _City:
    adcode: str
    name: str
    short: str
    province: str


@functools.cache
def _cities() -> tuple[list[_City], re.Pattern[str], dict[str, _City]]:
    """Prefecture-level cities, one regex of their full and short names, and name -> city."""
    from pipeline.ruledata import load_csv

    cities: list[_City] = []
    by_name: dict[str, _City] = {}
    for row in load_csv("divisions.csv"):
        if row["level"] != "city" or row["kind"] == "省直辖县级":
            continue
        shorts = [s for s in (row.get("short_names") or "").split("|") if len(s) >= 2]
        city = _City(row["adcode"], row["name"], shorts[0] if shorts else row["name"], row["province_name"])
        cities.append(city)
        for name in [row["name"], *shorts]:
            by_name.setdefault(name, city)
    # Longest names first, so 巴音郭楞蒙古自治州 wins over 巴音郭楞.
    names = sorted(by_name, key=len, reverse=True)
    return cities, re.compile("|".join(map(re.escape, names))), by_name


def _shift_days(text: str, delta: int) -> str:
    """Move every day number by ``delta`` days where the result stays in 1..28."""

    def move(day: str) -> str:
        d = int(day)
        return f"{d + delta:0{len(day)}d}" if 1 <= d <= 28 and 1 <= d + delta <= 28 else day

    text = _DAY_ISO.sub(lambda m: m.group("head") + move(m.group("day")), text)
    return _DAY_CN.sub(lambda m: move(m.group("day")), text)


def _swap_cities(text: str, rng: random.Random) -> str:
    """Replace each city the text names with another real city, consistently within the copy."""
    cities, pattern, by_name = _cities()
    targets: dict[str, _City] = {}
    provinces: dict[str, str] = {}

    def swap(m: re.Match[str]) -> str:
        source = by_name[m.group(0)]
        if source.adcode not in targets:
            target = rng.choice(cities)
            while target.adcode == source.adcode:
                target = rng.choice(cities)
            targets[source.adcode] = target
            if source.province != target.province:
                provinces.setdefault(source.province, target.province)
        target = targets[source.adcode]
        return target.name if m.group(0) == source.name else target.short

    text = pattern.sub(swap, text)
    for old, new in provinces.items():
        if old != new:  # municipalities are their own province: already swapped as a city
            text = text.replace(old, new)
    return text


def _vary_phones(text: str, rng: random.Random) -> str:
    """New last four digits for each phone-like number (one mapping per copy)."""
    mapping: dict[str, str] = {}

    def repl(m: re.Match[str]) -> str:
        whole = m.group(0)
        if len(whole) == 8 and _DATE_LIKE.match(whole):
            return whole
        if whole not in mapping:
            mapping[whole] = m.group("head") + f"{rng.randrange(10000):04d}"
        return mapping[whole]

    return _PHONE_DIGITS.sub(repl, text)


def vary(text: str, stem: str, copy: int) -> str:
    """Copy ``copy`` of a notice: itself for copy 0, else with other days, cities and phone digits."""
    if copy == 0:
        return text
    rng = random.Random(f"{stem}:{copy}")
    delta = rng.choice((-3, -2, -1, 1, 2, 3))
    text = _shift_days(text, delta)
    text = _swap_cities(text, rng)
    return _vary_phones(text, rng)


# --- HTML pages --------------------------------------------------------------------------------

_TITLE_CUES = ("通知", "通告", "公告", "告知", "说明", "提示")
_NAV = "".join(f'<li><a href="/col{k}/">{w}</a></li>' for k, w in enumerate(
    ("首页", "机构概况", "政务公开", "政策法规", "通知公告", "办事服务", "互动交流", "专题专栏", "数据发布", "联系我们")))
_LINKS = "".join(f'<li><a href="/xxgk/{k}.html">关于做好202{k % 4}年度医疗保障待遇相关工作的通知({k})</a><span>202{k % 4}-0{1 + k % 9}-1{k % 10}</span></li>'
                 for k in range(12))
_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || [];(function(){var hm=document.createElement("script");hm.src="/js/stat.js?v=1";
var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();
function changeSize(n){document.getElementById('zoom').style.fontSize=n+'px';}
</script>"""


def _title_of(lines: list[str]) -> int | None:
    """Index of the line that reads as the notice's title (a short line with a notice word)."""
    for i, line in enumerate(lines[:15]):
        if 6 <= len(line) <= 60 and any(c in line for c in _TITLE_CUES):
            return i
    return None


def _paragraphs(lines: list[str]) -> str:
    return "\n".join(f'<p style="text-indent:2em;line-height:2">{html.escape(ln)}</p>' for ln in lines)


def to_html(text: str, template: int) -> tuple[str, str]:
    """The notice as a page in template ``template % 3``; returns (page, charset)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    k = _title_of(lines)
    title = lines[k] if k is not None else (lines[0] if lines else "通知")
    body = _paragraphs(lines[:k] + lines[k + 1:] if k is not None else lines)
    t = html.escape(title)
    kind = template % 3
    if kind == 0:  # TRS government template, UTF-8
        return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="SiteName" content="医疗保障局">
<meta name="ArticleTitle" content="{t}"><meta name="ColumnName" content="通知公告">
<title>{t}_医疗保障局</title>{_SCRIPT}
<link rel="stylesheet" href="/css/style.css"></head><body>
<div class="header"><a href="http://www.gov.cn">中国政府网</a> <a href="/">本站首页</a> <a href="/wza/">无障碍</a></div>
<div class="nav"><ul>{_NAV}</ul></div>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a> &gt; 正文</div>
<div class="article"><h1 class="title">{t}</h1>
<div class="info"><span class="font">字号:大 中 小</span> 浏览次数:1024</div>
<div class=TRS_Editor><style>.TRS_Editor P{{line-height:2}}</style>
{body}
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭本页</a></div></div>
<div class="related"><h3>相关链接</h3><ul>{_LINKS}</ul></div>
<div class="footer">版权所有:医疗保障局 主办单位:医疗保障局 网站标识码:0000000001 ICP备00000000号</div>
</body></html>
""", "utf-8"
    if kind == 1:  # Hanweb government template, GBK
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">
<title>{t}</title>{_SCRIPT}</head><body>
<table width="1000" align="center"><tr><td class="top">欢迎访问 | <a href="#">设为首页</a> | <a href="#">加入收藏</a></td></tr></table>
<div class="menu"><ul>{_NAV}</ul></div>
<table width="1000" align="center"><tr><td class="crumb">您现在的位置:<a href="/">首页</a> &gt;&gt; 通知公告</td></tr>
<tr><td><div class="bt-title">{t}</div>
<div class="bt-content" id="con_con">
{body}
</div></td></tr></table>
<div class="left"><h3>最新公告</h3><ul>{_LINKS}</ul></div>
<div class="footer">主办:人力资源和社会保障局 技术支持:大汉网络 ICP备00000001号</div>
</body></html>
""", "gbk"
    # hospital / news repost, UTF-8, content in #zoom
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>【通告】{t}-人民医院</title>{_SCRIPT}</head><body>
<div class="top">人民医院 <a href="#">设为首页</a> | <a href="#">加入收藏</a></div>
<div class="menu">{_NAV}</div>
<div class="left"><h3>医保专栏</h3><ul>{_LINKS}</ul></div>
<div class="right"><div class="crumb">当前位置: <a href="/">网站首页</a>&gt;&gt;医保专栏&gt;&gt;正文</div>
<h2 class="title">【通告】{t}</h2>
<div id="zoom" class="zhengwen">
{body}
</div>
<div class="tools"><a href="javascript:window.close()">关闭窗口</a></div></div>
<div class="footer">版权所有:人民医院 地址:人民路1号 邮编:000000</div>
</body></html>
""", "utf-8"


def build_corpus(folder: str | Path, scale: int, fmt: str = "txt") -> dict[str, int]:
    """Write ``scale`` copies of every bundled notice into ``folder``; return counts and bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, got {fmt!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = total = 0
    for source in source_notices():
        for copy in range(scale):
            text = vary(source.text, source.stem, copy)
            as_html = fmt == "html" or (fmt == "mixed" and copy % 2 == 1)
            name = f"{source.stem}-{copy:04d}"
            if as_html:
                page, charset = to_html(text, copy + len(source.stem))
                data = page.encode(charset, errors="xmlcharrefreplace")
                path = folder / f"{name}.html"
            else:
                data = text.encode("utf-8")
                path = folder / f"{name}.txt"
            path.write_bytes(data)
            files += 1
            total += len(data)
    return {"files": files, "bytes": total}


def corpus_size(scale: int) -> int:
    """How many notices ``build_corpus`` writes at ``scale``."""
    return scale * len(source_notices())


def main() -> None:
    p = argparse.ArgumentParser(description="Write a scaled benchmark corpus into a folder.")
    p.add_argument("dest")
    p.add_argument("--scale", type=int, default=10)
    p.add_argument("--format", choices=FORMATS, default="txt")
    args = p.parse_args()
    stats = build_corpus(args.dest, args.scale, args.format)
    print(f"{stats['files']} files, {stats['bytes'] / 1e6:.2f} MB in {args.dest}")


if __name__ == "__main__":
    main()
