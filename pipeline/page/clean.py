"""Page text to notice body (the entry point, :func:`clean_page`).

Works on normalized text, one line at a time, for plain-text notices and for the text the HTML
cleaner renders alike, so a page and its text copy give the same body; lines a page ran together
are split back first (:mod:`pipeline.page.runtogether`). The body that comes out is
``title`` + the lines after the title (or after the chrome when there is no title), cut at the
footer. Header stamps are read for publisher and date but are not part of the body; the signature
stays in the body and its date span is returned in ``skip_spans`` so that the time extractor does not
count the publication date as a stated time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize import compact, compact_normalized, is_text_run
from .agencies import agency_list, is_agency_name, without_channel
from .dateline import read_dateline
from .infolines import InfoLine
from .lines import PageLines, heading_candidate, is_breadcrumb, question_headline
from .model import CleanPage, PageHints
from .publisher import (
    apply_infos,
    locate_evidence,
    prefer_fuller_name,
    publisher_from_text,
    set_aside_host_credit,
    title_issuer,
)
from .rules import page_rules
from .runtogether import split_dated_headings, split_run_in_heading, split_run_in_signature
from .signature import read_signature
from .title import (
    choose_title,
    heading_at,
    late_heading,
    scan_head,
    title_of_released_document,
    unrelated_title,
)


@dataclass(slots=True)
class _Body:
    """The body lines kept from the title on, and what was read between them."""

    kept: list[str] = field(default_factory=list)
    infos: list[InfoLine] = field(default_factory=list)  # info lines between the title and the text
    tail_sources: list[str] = field(default_factory=list)  # 来源:X lines after the text
    issuer_below: str | None = None  # the issuer printed on its own line right under the title


def clean_page(text: str, hints: PageHints | None = None) -> CleanPage:
    """Split normalized page text into the notice body and its metadata (see module docstring).

    Steps: scan the head for info lines and heading candidates, choose the title, keep the body
    lines from the title on (chrome, info lines and footer out), then read the publisher and the
    publication date from what was found.
    """
    hints = hints or PageHints()
    page_lines = PageLines(split_dated_headings(split_run_in_signature(split_run_in_heading(text))))
    lines = page_lines.lines
    hint_title = compact(hints.title) if hints.title else ""
    head = scan_head(page_lines, hint_title)
    late = late_heading(page_lines, head.body_start, page_rules().title_words)
    title_idx = choose_title(lines, head.candidates, hint_title, page_rules().title_words, late)
    issuer = None
    if title_idx is None:
        title = None
        first = head.body_start
        opening = _lines_above_body(page_lines, first)
    else:
        heading = heading_at(page_lines, title_idx)
        title, issuer = heading.title, heading.issuer
        first = title_idx + 1
        opening = [title, ""]
    title_forms = {compact_normalized(lines[c.at]) for c in head.candidates} | ({compact_normalized(title)} if title else set())
    body = _scan_body(page_lines, first, title, title_forms, opening)
    page = CleanPage(body_text="\n".join(body.kept), title=title)
    if title is None:
        title_of_released_document(page)
    elif unrelated_title(page):
        page.title = None  # a sidebar link or another page's title over the text: the line stays in the body
    _read_metadata(page, head.infos + body.infos, hints, body.tail_sources, issuer or body.issuer_below)
    return page


def _lines_above_body(page_lines: PageLines, first: int) -> list[str]:
    """Without a title, the non-chrome lines above the body are kept (they may state times)."""
    kept = []
    for j in range(first):
        line = page_lines.lines[j].strip()
        if line and not page_lines.chrome(j) and page_lines.info(j) is None:
            kept.append(line)
    return kept


def _scan_body(
    page_lines: PageLines, first: int, title: str | None, title_forms: set[str], opening: list[str]
) -> _Body:
    """Keep the body lines from ``first`` on, after ``opening`` (the title, or lines above the body).

    Until the text begins, info lines are read, the title repeated under itself is dropped and a
    document number is kept; once it has begun, a footer marker ends it and a 来源 line credits the
    issuer. Chrome is dropped throughout, and a repost site's 【page title】 glued into a line.
    """
    r = page_rules()
    body = _Body(kept=list(opening))
    started = bool(opening) and title is None
    title_form = compact_normalized(title) if title else ""
    lines = page_lines.lines
    # A forum's first post stamp dates the post (楼主 … 发表于 …); only a later one stamps a reply.
    post_dated = any(r.post_stamp.search(line) for line in lines[:first])
    opened = len(body.kept)
    for j in range(first, len(lines)):
        line = lines[j].strip()
        if not line:
            if body.kept and body.kept[-1] != "":
                body.kept.append("")
            continue
        if started and not post_dated and r.post_stamp.search(line) and _thread_title_only(body.kept[opened:]):
            post_dated = True  # the post's own stamp, under the thread's title line that opened the body
            if (info := page_lines.info(j)) is not None:
                body.infos.append(info)
            continue
        if started and r.footer.search(line) and not is_text_run(line):
            break
        source = r.tail_source.match(line) if started else None
        if source:  # 来源:景德镇市医疗保障局 after a post's text credits its issuer (来源 | X: not chrome)
            body.tail_sources.append(without_channel(source["name"]))
            continue
        if page_lines.chrome(j) or (not started and is_breadcrumb(line)):
            continue  # a breadcrumb between the title and the text (a page that prints it there) is chrome
        if not started and _read_header_line(line, page_lines.info(j), title_form, body):
            continue
        line = _strip_bracketed_title(line, title_forms)
        if line:
            started = True
            body.kept.append(line)
    while body.kept and body.kept[-1] == "":
        body.kept.pop()
    return body


def _thread_title_only(kept: list[str]) -> bool:
    """True when the body so far (after the title) is one headline line: a forum thread's title, under
    which a stamp dates the post itself; after a sentence of text a stamp dates a reply."""
    lines = [line for line in kept if line]
    return len(lines) == 1 and (heading_candidate(lines[0]) or question_headline(lines[0]))


def _read_header_line(line: str, info: InfoLine | None, title_form: str, body: _Body) -> bool:
    """A line between the title and the text: True when it was an info line (``info``), the repeated
    title, a document number or the issuer's name on its own line (both kept: 宁税发〔2021〕12号,
    某市医疗保障局; an info line may come next)."""
    if info is not None:
        body.infos.append(info)
        return True
    if not title_form:
        return False
    if compact_normalized(line) == title_form:
        return True
    if page_rules().doc_number.match(line):
        body.kept.append(line)
        return True
    if body.issuer_below is None and (name := agency_list(line)) is not None:
        body.issuer_below = name
        body.kept.append(line)
        return True
    return False


def _read_metadata(
    page: CleanPage, infos: list[InfoLine], hints: PageHints, tail_sources: list[str], issuer: str | None
) -> None:
    """Publisher and publication date, best source first, and the evidence spans of all three."""
    apply_infos(page, infos, hints)
    host = set_aside_host_credit(page)
    credited = [i.author for i in infos] + [i.publisher for i in infos] + [hints.author, hints.publisher] + tail_sources
    page.sources = list(dict.fromkeys(n for n in credited if n and is_agency_name(n)))
    page.accounts = list(dict.fromkeys(i.account for i in infos if i.account))
    signer = read_signature(page)
    read_dateline(page)
    named_in_body = publisher_from_text(page, tail_sources, issuer, host)
    prefer_fuller_name(page, [issuer, title_issuer(page.title), signer, named_in_body])
    locate_evidence(page)


def _strip_bracketed_title(line: str, title_forms: set[str]) -> str:
    """Drop a repost site's 【page title】 glued into the text."""
    if "【" not in line:
        return line

    def repl(m: re.Match[str]) -> str:
        return "" if compact_normalized(m.group(1)) in title_forms else m.group(0)

    return re.sub(r"【([^】]{6,90})】", repl, line).strip()
