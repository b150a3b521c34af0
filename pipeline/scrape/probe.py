"""What the crawler makes of one page (``notices fetch URL``), for adding a city.

:func:`probe` fetches the page the way a crawl would (robots.txt first, the source's ``allow``
prefixes, the polite fetcher, the same verdicts), then says which style it reads the page as and
why, what it does with every link (follows it as a detail page, a further list page or an
attachment, or drops it, with the reason), and what the parser makes of the page: the notice it
would store, with its body text, or the reject. Nothing is written to any raw store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .verdict import classify
from .http import Fetcher
from .listing import (Link, attachment_links, decode_page, detect_style, hanweb_requests, parse_hanweb_data,
                      parse_hanweb_shell, parse_links, parse_next_link, parse_trs, title_matches)
from .robots import RobotsCache
from .settings import CrawlSettings
from .sources import Source

__all__ = ["LinkVerdict", "Probe", "probe"]

# What the crawler does with a link, and why it drops one.
FOLLOW_DETAIL, FOLLOW_LIST, FOLLOW_ATTACHMENT, DROPPED = "detail", "list page", "attachment", "dropped"


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    """One link of the page and what the crawler does with it."""

    url: str
    title: str
    action: str  # detail / list page / attachment / dropped
    reason: str | None = None  # why it is dropped: no_keyword, not_allowed, robots_disallowed


@dataclass
class Probe:
    """Everything :func:`probe` found out about one page."""

    url: str
    source: str
    allowed: bool = True  # the URL is under the source's allow prefixes
    robots: str | None = None  # None: robots.txt lets the crawler in, else the reason code
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    size: int = 0
    elapsed_ms: int | None = None
    outcome: str | None = None  # the fetch log's outcome (stored = a page worth parsing)
    reason: str | None = None
    detail: str = ""
    style: str | None = None
    style_evidence: str = ""  # why this style ("named in the sources file" when it is)
    hanweb_request: str | None = None  # the first data request of a Hanweb shell
    links: list[LinkVerdict] = field(default_factory=list)
    notice: Any = None  # pipeline.records.Notice the parser makes of the page, if any
    reject: Any = None  # pipeline.records.Reject when the parser drops it

    @property
    def fetched(self) -> bool:
        """True when the page was fetched and is worth parsing."""
        return self.outcome == "stored"


def _verdict(link: Link, action: str, source: Source, cfg: CrawlSettings, robots: RobotsCache) -> LinkVerdict:
    """What the crawler does with ``link`` found as a candidate for ``action``, in the crawler's order:
    detail links are chosen by their title first, then requested only inside allow and robots.txt."""
    if action == FOLLOW_DETAIL and not title_matches(link.title, cfg.keywords):
        return LinkVerdict(link.url, link.title, DROPPED, "no_keyword")
    if not source.allows(link.url):
        return LinkVerdict(link.url, link.title, DROPPED, "not_allowed")
    refused = robots.check(link.url)
    if refused:
        return LinkVerdict(link.url, link.title, DROPPED, refused)
    return LinkVerdict(link.url, link.title, action)


def probe(url: str, source: Source, settings: CrawlSettings) -> Probe:
    """Fetch ``url`` as ``source`` would, and say what the crawler and the parser make of it."""
    cfg = source.settings(settings)
    result = Probe(url=url, source=source.name, allowed=source.allows(url))
    if not result.allowed:
        result.outcome, result.reason = "skipped", "not_allowed"
        return result
    with Fetcher(cfg) as fetcher:
        robots = RobotsCache(fetcher, cfg)
        result.robots = robots.check(url)
        if result.robots:
            result.outcome, result.reason = "skipped", result.robots
            return result

        def hop_check(target: str) -> str | None:
            return "not_allowed" if not source.allows(target) else robots.check(target)

        resp = fetcher.fetch(url, settings=cfg, hop_check=hop_check)
        verdict = classify(resp, "detail", hint=source.encoding)
        result.status, result.final_url, result.content_type = resp.status, resp.final_url, resp.content_type
        result.size, result.elapsed_ms = len(resp.body or b""), resp.elapsed_ms
        result.outcome, result.reason, result.detail = verdict.outcome, verdict.reason, verdict.detail
        if not verdict.ok:
            return result
        body = resp.body or b""
        page_url = resp.final_url or url
        text = decode_page(body, resp.content_type, source.encoding)
        if source.style is not None:
            result.style, result.style_evidence = source.style, f"named by source {source.name!r}"
        else:
            guess = detect_style(text, page_url)
            result.style, result.style_evidence = guess.style, f"detected: {guess.evidence}"
        result.links = _links(text, page_url, result, source, cfg, fetcher, robots)
    result.notice, result.reject = _parse(url, page_url, body, resp.content_type)
    return result


def _links(text: str, page_url: str, result: Probe, source: Source, cfg: CrawlSettings, fetcher: Fetcher,
           robots: RobotsCache) -> list[LinkVerdict]:
    """Every link of the page (and of a Hanweb shell's first data request) with its verdict."""
    items = parse_links(text, page_url)
    pages: list[str] = []
    if result.style == "trs":
        pages = parse_trs(text, page_url, True).pages
    elif result.style == "next_link":
        pages = parse_next_link(text, page_url).pages
    elif result.style == "hanweb":
        query = parse_hanweb_shell(text, page_url)
        if query is not None:
            result.hanweb_request = hanweb_requests(query, 1)
            data = fetcher.fetch(result.hanweb_request, settings=cfg, method="POST", form=query.form)
            if data.body and data.reason is None and data.status == 200:
                found, _ = parse_hanweb_data(decode_page(data.body, data.content_type, source.encoding),
                                             data.final_url or result.hanweb_request)
                known = {link.url for link in items}
                items += [link for link in found if link.url not in known]
    attachments = {link.url for link in attachment_links(text, page_url)}
    out = [_verdict(Link(p, ""), FOLLOW_LIST, source, cfg, robots) for p in pages]
    listed = set(pages)
    for link in items:
        if link.url in listed:
            continue
        action = FOLLOW_ATTACHMENT if link.url in attachments else FOLLOW_DETAIL
        out.append(_verdict(link, action, source, cfg, robots))
    return out


def _parse(url: str, page_url: str, body: bytes, content_type: str | None) -> tuple[Any, Any]:
    """(notice, reject) the parser makes of the page."""
    from ..parse import parse_many
    from ..records import TZ, RawDocument

    doc = RawDocument(source=url, data=body, url=page_url, content_type=content_type, fetched_at=dt.datetime.now(TZ))
    outcome = next(parse_many([doc]))
    return outcome.notice, outcome.reject
