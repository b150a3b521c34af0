"""End-to-end crawls against the loopback fixture web (tests/fixtureweb).

One full crawl of every site per module (a few seconds: Retry-After waits and timeouts are
real), checked against what the fixture says a correct crawl logs, and against the server's
own access log.
"""

from __future__ import annotations

import collections
import hashlib
from pathlib import Path
from typing import Any, Iterator

import pytest
from fixtureweb import FixtureWeb, expectation_ids

from pipeline.scrape.crawl import CrawlSummary, crawl
from pipeline.scrape.rawstore import is_raw_store, iter_documents, iter_failures, read_log
from pipeline.scrape.sources import parse_sources


class Crawled:
    """A finished crawl: the web it ran against, its raw dir, summary and log rows."""

    def __init__(self, web: FixtureWeb, raw: Path, summary: CrawlSummary) -> None:
        self.web, self.raw, self.summary = web, raw, summary
        self.rows: list[dict[str, Any]] = read_log(raw)

    def rows_for(self, url: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["url"] == url]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    with FixtureWeb() as web:
        raw = tmp_path_factory.mktemp("raw")
        summary = crawl(parse_sources(web.sources_config()), raw)
        yield Crawled(web, raw, summary)


# --- what the log says about every linked URL --------------------------------------------------
@pytest.mark.parametrize(("site", "target"), expectation_ids(), ids=lambda v: str(v))
def test_each_url_logged_as_expected(crawled: Crawled, site: str, target: str) -> None:
    expect = crawled.web.expectation_for(site, target)
    rows = crawled.rows_for(expect.url)
    if expect.outcome == "never":
        assert rows == [], "a decoy or unmatched link was considered"
        return
    assert [(r["outcome"], r["reason"]) for r in rows] == [(expect.outcome, expect.reason)]
    assert rows[0]["kind"] == expect.kind


def test_reachable_notices_stored_exactly_once(crawled: Crawled) -> None:
    stored = collections.Counter(r["url"] for r in crawled.rows if r["outcome"] == "stored"
                                 and r["kind"] in ("detail", "attachment"))
    assert set(stored) == crawled.web.notice_urls()
    assert set(stored.values()) == {1}
    assert crawled.summary.total.stored == len(stored)


def test_every_failure_has_a_reason(crawled: Crawled) -> None:
    failures = [r for r in crawled.rows if r["outcome"] not in ("stored", "unchanged", "fetched")]
    assert failures
    assert all(r["reason"] for r in failures)
    assert all(r["detail"] for r in failures)


def test_failure_counts_in_summary(crawled: Crawled) -> None:
    failures = crawled.summary.total.failures
    assert failures["too_large"] == 2  # huge page and gzip bomb
    assert failures["blocked"] == 2  # 412 script and 200 cookie challenge
    assert failures["timeout"] == 1 and failures["truncated"] == 1 and failures["redirect_loop"] == 1


# --- what the servers saw -----------------------------------------------------------------------
def test_nothing_outside_allow_is_requested(crawled: Crawled) -> None:
    prefixes = crawled.web.allowed_prefixes()
    requested = [crawled.web.url(a.site, a.target) for a in crawled.web.requests()]
    outside = [u for u in requested
               if not u.endswith("/robots.txt") and not any(u.startswith(p) for p in prefixes)]
    assert outside == []
    assert crawled.web.requests("outside") == []


def test_skipped_and_decoy_urls_never_requested(crawled: Crawled) -> None:
    requested = {crawled.web.url(a.site, a.path) for a in crawled.web.requests()}
    for exp in crawled.web.expectations().values():
        if exp.outcome in ("never", "skipped") and "offsite" not in exp.url:
            assert exp.url not in requested, exp.url


def test_robots_txt_fetched_once_per_host_first(crawled: Crawled) -> None:
    for site in ("rsj", "ybj", "gjj", "hospital", "hard", "secure"):
        paths = [a.path for a in crawled.web.requests(site)]
        assert paths.count("/robots.txt") == 1, site
        assert paths[0] == "/robots.txt", site


def test_requests_identify_the_crawler(crawled: Crawled) -> None:
    agents = {a.headers.get("user-agent", "") for a in crawled.web.requests()}
    assert len(agents) == 1
    assert agents.pop().startswith("notice-pipeline/")


def test_retry_after_is_honoured(crawled: Crawled) -> None:
    for page in ("/gg/busy503.html", "/gg/busy429.html", "/gg/busy403.html"):
        hits = [a for a in crawled.web.requests("hard") if a.path == page]
        assert [a.status for a in hits] == [int(page[-8:-5]), 200]
        assert hits[1].at - hits[0].at >= 0.95  # Retry-After: 1


def test_retries_only_where_allowed(crawled: Crawled) -> None:
    by_path = collections.Counter(a.path for a in crawled.web.requests("hard"))
    assert by_path["/gg/broken500.html"] == 3  # 1 + retries=2
    assert by_path["/gg/slow.html"] == 3  # timeouts are retried
    for once in ("/gg/missing.html", "/gg/antibot412.html", "/gg/truncated.html", "/gg/gone.html"):
        assert by_path[once] == 1, once


def test_hanweb_data_requests_are_posts_with_the_column(crawled: Crawled) -> None:
    posts = [a for a in crawled.web.requests("ybj") if a.method == "POST"]
    assert [a.query for a in posts] == ["startrecord=1&endrecord=45&perpage=15",
                                        "startrecord=46&endrecord=90&perpage=15"]
    assert all(b"columnid=1234" in a.body and b"unitid=5678" in a.body for a in posts)


# --- the raw store --------------------------------------------------------------------------------
def test_blobs_named_by_sha256_of_their_bytes(crawled: Crawled) -> None:
    blobs = [p for p in (crawled.raw / "blobs").rglob("*") if p.is_file()]
    assert blobs
    for blob in blobs:
        assert blob.stem == hashlib.sha256(blob.read_bytes()).hexdigest()
        assert blob.parent.name == blob.stem[:2]
    stored = {r["stored_path"] for r in crawled.rows if r["stored_path"]}
    assert {str(b.relative_to(crawled.raw)) for b in blobs} == stored


def test_redirected_page_logged_with_final_url(crawled: Crawled) -> None:
    [row] = crawled.rows_for(crawled.web.url("hard", "/gg/moved.html"))
    assert row["final_url"] == crawled.web.url("secure", "/gg/moved.html")


def test_fetch_log_columns(crawled: Crawled) -> None:
    row = crawled.rows_for(crawled.web.url("rsj", "/tzgg/202110/t20211011_1001.html"))[0]
    assert row["fetched_at"].tzinfo is not None
    assert row["etag"] and row["last_modified"] and row["content_type"].startswith("text/html")
    assert row["bytes"] == (crawled.raw / row["stored_path"]).stat().st_size
    assert row["source"] == "rsj" and row["kind"] == "detail" and row["status"] == 200
    assert row["title"] == "忻州市医疗保障局关于切换国家医疗保障信息平台系统停机公告"
    assert row["referer"] == crawled.web.url("rsj", "/tzgg/index.html")


def test_gbk_filename_from_content_disposition(crawled: Crawled) -> None:
    names = {r["filename"] for r in crawled.rows if r["kind"] == "attachment" and r["filename"]}
    assert names == {"医保信息系统升级停机安排.pdf", "停机业务清单.doc"}


def test_lying_content_type_does_not_name_the_blob(crawled: Crawled) -> None:
    [row] = [r for r in crawled.rows if r["filename"] == "停机业务清单.doc"]
    assert row["content_type"] == "text/html"
    assert row["stored_path"].endswith(".ole")


def test_iter_documents_yields_notices_and_pdf_text(crawled: Crawled) -> None:
    assert is_raw_store(crawled.raw)
    docs = {d.url: d for d in iter_documents(crawled.raw)}
    web = crawled.web
    pdf = web.url("ybj", "/picture/0/s21090100001.pdf")
    expected = {r["final_url"] for r in crawled.rows if r["outcome"] == "stored" and r["kind"] == "detail"}
    assert set(docs) == expected | {pdf}  # scanned PDF and .doc have no text
    assert "text/plain" in (docs[pdf].content_type or "")
    assert "赣州" in docs[pdf].data.decode("utf-8")  # the text PDF holds the 赣州 notice
    gbk = docs[web.url("gjj", "/xxgk/tzgg/content_0001.htm")]
    assert gbk.content_type == "text/html; charset=utf-8"  # the header as sent (it lies)
    assert "暂停办理".encode("gb18030") in gbk.data
    for doc in docs.values():
        assert doc.sha256 and doc.fetched_at and doc.source_path
        assert Path(doc.source_path).is_file()


def test_iter_failures_are_fetch_rejects(crawled: Crawled) -> None:
    rejects = list(iter_failures(crawled.raw))
    assert {r.stage for r in rejects} == {"fetch"}
    reasons = collections.Counter(r.reason for r in rejects)
    assert reasons["soft_404"] == 2 and reasons["http_404"] == 2 and reasons["robots_disallowed"] == 1
    stored = {d.url for d in iter_documents(crawled.raw)}
    assert not stored & {r.source for r in rejects}


# --- politeness: delay between requests to one host ----------------------------------------------
def test_per_host_delay(tmp_path: Path) -> None:
    with FixtureWeb() as web:
        crawl(parse_sources(web.sources_config(only=["rsj"], delay=0.1)), tmp_path)
        times = [a.at for a in web.requests("rsj")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) >= 8
    # delay 0.1 s, seen at the server: one request's arrival may lag on a loaded machine and shorten
    # the next gap, but no gap comes near an undelayed crawl's few milliseconds, and lags do not add up
    assert min(gaps) >= 0.05
    assert times[-1] - times[0] >= 0.1 * len(gaps) - 0.05


def test_robots_unreachable_blocks_the_host(tmp_path: Path) -> None:
    from fixtureweb.server import Route

    with FixtureWeb() as web:
        web.sites["hospital"].routes["/robots.txt"] = Route(status=503, body=b"down", kind="robots")
        summary = crawl(parse_sources(web.sources_config(only=["hospital"])), tmp_path)
        paths = [a.path for a in web.requests("hospital")]
    assert set(paths) == {"/robots.txt"}
    assert summary.total.failures == {"http_503": 1, "robots_unreachable": 1}  # robots, list


# --- incremental runs ------------------------------------------------------------------------
QUICK = ["rsj", "ybj", "gjj", "hospital"]


def test_second_run_sends_conditional_requests_and_stores_nothing(tmp_path: Path) -> None:
    with FixtureWeb() as web:
        sources = parse_sources(web.sources_config(only=QUICK))
        first = crawl(sources, tmp_path)
        blobs = sorted((tmp_path / "blobs").rglob("*.*"))
        web.clear_log()
        second = crawl(sources, tmp_path)
        gets = [a for a in web.requests() if a.method == "GET" and a.path != "/robots.txt"
                and a.status != 404 and not a.path.endswith(".xls")]  # never stored: no validators
    assert first.total.stored > 10
    assert second.total.stored == 0
    assert second.total.unchanged == first.total.stored
    assert sorted((tmp_path / "blobs").rglob("*.*")) == blobs
    assert all("if-modified-since" in a.headers for a in gets)
    assert all(a.status == 304 for a in gets)
    assert any("if-none-match" in a.headers for a in gets)
    assert not any("if-none-match" in a.headers for a in gets if a.site == "gjj")  # no ETags there
    rows = read_log(tmp_path)
    assert len({r["run_id"] for r in rows}) == 2
    assert len(rows) == len({r["request_id"] for r in rows})


def test_changed_page_is_stored_as_new_version(tmp_path: Path) -> None:
    path = "/tzgg/202111/t20211119_1119.html"
    with FixtureWeb() as web:
        sources = parse_sources(web.sources_config(only=["rsj"]))
        crawl(sources, tmp_path)
        old = web.sites["rsj"].routes[path].body
        web.set_body("rsj", path, old.replace(b"</body>", "<p>更正:恢复时间提前。</p></body>".encode()))
        second = crawl(sources, tmp_path)
        url = web.url("rsj", path)
    assert second.total.stored_urls == [url]
    rows = [r for r in read_log(tmp_path) if r["url"] == url]
    assert [r["outcome"] for r in rows] == ["stored", "stored"]
    assert rows[0]["sha256"] != rows[1]["sha256"]
    assert all((tmp_path / r["stored_path"]).is_file() for r in rows)
    [doc] = [d for d in iter_documents(tmp_path) if d.url == url]
    assert "更正" in doc.data.decode("utf-8")


def test_same_bytes_without_validators_are_unchanged(tmp_path: Path) -> None:
    """A server that ignores conditional headers: the sha256 still avoids a second copy."""
    with FixtureWeb() as web:
        web.sites["hospital"].conditional = False
        sources = parse_sources(web.sources_config(only=["hospital"]))
        crawl(sources, tmp_path)
        second = crawl(sources, tmp_path)
    assert second.total.stored == 0 and second.total.unchanged == 1
    detail = [r for r in read_log(tmp_path) if r["kind"] == "detail"]
    assert [r["status"] for r in detail] == [200, 200]
    assert [r["outcome"] for r in detail] == ["stored", "unchanged"]


def test_crawl_source_tasks_in_parallel_share_one_store(tmp_path: Path) -> None:
    """One task per source (as the Prefect flow runs them), all writing the same raw dir."""
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.scrape.crawl import crawl_source
    from pipeline.scrape.rawstore import compact

    with FixtureWeb() as web:
        parsed = parse_sources(web.sources_config(only=QUICK))
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda s: crawl_source(s, tmp_path, parsed.settings), parsed.sources))
        compact(tmp_path)
        expected = web.notice_urls(QUICK)
    assert [r.name for r in results] == QUICK
    rows = read_log(tmp_path)
    assert len(rows) == len({r["request_id"] for r in rows})
    assert {r["url"] for r in rows if r["outcome"] == "stored" and r["kind"] != "list"} == expected
    assert sum(r.stored for r in results) == len(expected)


def test_crawl_accepts_a_sources_path_and_project_settings(tmp_path: Path) -> None:
    """How ``notices run`` calls it: ``crawl(settings.sources, settings.raw_dir, settings=settings)``."""
    from types import SimpleNamespace

    import yaml

    with FixtureWeb() as web:
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(web.sources_config(only=["rsj"]), allow_unicode=True), encoding="utf-8")
        project = SimpleNamespace(sources=str(path), raw_dir=str(tmp_path / "raw"), delay=0.0,
                                  max_pages=1, request_timeout=2.0)
        summary = crawl(project.sources, project.raw_dir, settings=project)
    assert summary.total.list_pages == 1  # the project's max_pages (the file does not set it)
    assert summary.total.stored == 1  # the one notice on the first list page
