"""Scraping the way Scrapy users expect: the list style detected when a source omits it, and
robots.txt read by Protego (RFC 9309 wildcards and longest match). Against the loopback fixture web."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fixtureweb import FixtureWeb, Route

from pipeline.scrape.crawl import crawl
from pipeline.scrape.listing import decode_page, detect_style
from pipeline.scrape.rawstore import read_log
from pipeline.scrape.robots import parse_robots
from pipeline.scrape.sources import parse_sources

STYLES = {"rsj": "trs", "ybj": "hanweb", "gjj": "next_link", "hospital": "links"}


def _log(raw: Path) -> set[tuple[str, str, str | None, str | None]]:
    return {(r["kind"], r["url"], r["outcome"], r["reason"]) for r in read_log(raw)}


@pytest.mark.parametrize(("site", "style"), STYLES.items())
def test_omitted_style_is_detected_and_crawls_like_the_named_one(site: str, style: str, tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    with FixtureWeb() as web:
        named = web.sources_config(only=[site])
        assert named["sources"][0]["style"] == style
        omitted = web.sources_config(only=[site])
        del omitted["sources"][0]["style"]
        with caplog.at_level(logging.INFO, logger="pipeline.scrape.crawl"):
            crawl(parse_sources(omitted), tmp_path / "detected")
        web.reset_hits()
        crawl(parse_sources(named), tmp_path / "named")
        notices = web.notice_urls(only=[site])
    assert f"{site}: style {style} detected" in caplog.text
    detected = _log(tmp_path / "detected")
    assert detected == _log(tmp_path / "named")
    stored = {url for kind, url, outcome, _ in detected if kind in ("detail", "attachment") and outcome == "stored"}
    assert stored == notices  # every list page walked: all notices, not only the first page's


@pytest.mark.parametrize(("site", "path", "style"), [
    ("rsj", "/tzgg/index.html", "trs"), ("rsj", "/tzgg/index_2.html", "trs"),
    ("ybj", "/col/col1234/index.html", "hanweb"), ("gjj", "/xxgk/tzgg/list.html", "next_link"),
    ("hospital", "/ybzl/index.htm", "links"), ("hard", "/gg/index.html", "links"),
])
def test_detect_style_reads_the_page_source(site: str, path: str, style: str) -> None:
    import httpx

    with FixtureWeb() as web:
        resp = httpx.get(web.url(site, path), trust_env=False)
    guess = detect_style(decode_page(resp.content, resp.headers.get("content-type")), str(resp.url))
    assert guess.style == style and guess.evidence


ROBOTS = b"User-agent: *\nDisallow: /*.pdf$\nDisallow: /col/\nAllow: /col/col1234/\n"


def test_robots_wildcards_and_longest_match() -> None:
    rules = parse_robots(ROBOTS.decode())
    assert not rules.allows("http://h.example/picture/0/a.pdf")  # Disallow: /*.pdf$
    assert rules.allows("http://h.example/picture/0/a.pdf?download=1")  # $ ends the path
    assert rules.allows("http://h.example/col/col1234/index.html?uid=5678")  # the longer Allow wins
    assert not rules.allows("http://h.example/col/col999/index.html")
    assert rules.allows("http://h.example/art/2021/9/1/art_1234_70004.html")


def test_crawl_obeys_protego_rules_on_the_fixture_web(tmp_path: Path) -> None:
    with FixtureWeb() as web:
        web.sites["ybj"].routes["/robots.txt"] = Route(body=ROBOTS, content_type="text/plain", kind="robots")
        summary = crawl(parse_sources(web.sources_config(only=["ybj"])), tmp_path)
        requested = {a.path for a in web.requests("ybj")}
    log = _log(tmp_path)
    pdfs = {url for kind, url, outcome, reason in log if url.endswith(".pdf")}
    assert len(pdfs) == 2
    assert {(outcome, reason) for kind, url, outcome, reason in log if url in pdfs} == {("skipped", "robots_disallowed")}
    assert not any(path.endswith(".pdf") for path in requested)  # never requested
    assert "/col/col1234/index.html" in requested  # the column shell: Allow /col/col1234/ beats Disallow /col/
    assert summary.total.stored >= 4 and summary.total.failures["robots_disallowed"] == 2
