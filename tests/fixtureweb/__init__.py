"""The loopback fixture web, importable by any test (scraper, parser, Prefect flows).

Use the pytest fixture::

    from fixtureweb import fixture_web  # noqa: F401  (registers the fixture)

    def test_something(fixture_web, tmp_path):
        config = fixture_web.sources_config()          # a sources-file mapping
        ...
        fixture_web.requests("rsj")                    # the server's access log

or start one by hand: ``with FixtureWeb() as web: ...``. ``FixtureWeb.expectations()`` says what
a correct crawl logs for every linked URL; ``FixtureWeb.notice_urls()`` lists the reachable
notices (detail pages that must end up stored exactly once).

See ``sites.py`` for what each site serves and ``server.py`` for the fault injection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import pytest

from .server import Access, Route, Site, WebServer
from .sites import NEVER, build_sites, notice_text

__all__ = ["FixtureWeb", "Expect", "fixture_web", "expectation_ids", "FAST_SETTINGS", "NEVER", "notice_text",
           "Access", "Route", "Site"]

# Crawl settings that keep the fixture crawl to a few seconds: no politeness delay on loopback,
# tiny backoff, short timeouts (the slow pages sleep 1.5 s), a 1 MB body cap (huge page, bomb).
FAST_SETTINGS: dict[str, Any] = {
    "delay": 0.0,
    "retries": 2,
    "backoff": 0.01,
    "max_backoff": 0.05,
    "max_retry_after": 2.0,
    "connect_timeout": 2.0,
    "read_timeout": 0.5,
    "total_timeout": 5.0,
    "max_bytes": 1_000_000,
    "trust_env": False,
    "log_batch_rows": 5,
    "log_batch_seconds": 1.0,
    "concurrency": 4,
}

# Source entries: site -> (style, city, start path, allow paths on the site, allow on other sites).
_SOURCES: dict[str, tuple[str, str, str, list[str], dict[str, list[str]]]] = {
    "rsj": ("trs", "忻州市", "/tzgg/index.html", ["/tzgg/"], {}),
    "ybj": ("hanweb", "桂林市", "/col/col1234/index.html?uid=5678&pageNum=1",
            ["/col/", "/art/", "/module/web/jpage/", "/picture/", "/attach/"], {}),
    "gjj": ("next_link", "南昌市", "/xxgk/tzgg/list.html", ["/xxgk/tzgg/"], {}),
    "hospital": ("links", "桂林市", "/ybzl/index.htm", ["/ybzl/"], {}),
    "hard": ("links", "北京市", "/gg/index.html", ["/gg/"], {"secure": ["/gg/"]}),
}


@dataclass(frozen=True, slots=True)
class Expect:
    """What a correct crawl logs for one URL."""

    url: str
    site: str
    kind: str
    outcome: str  # stored / skipped / blocked / not_found / error / fetched / never
    reason: str | None


def expectation_ids(only: list[str] | None = None) -> list[tuple[str, str]]:
    """``(site, path?query)`` of every URL with an expectation, known before any port is bound
    (for ``pytest.mark.parametrize``); ``FixtureWeb.expectation_for`` resolves them."""
    ids = []
    sites = [s for s in _SOURCES if not only or s in only]
    by_name = {site.name: site for site in build_sites()}
    for name in sites + (["outside"] if "rsj" in sites else []):
        site = by_name[name]
        for path, route in site.routes.items():
            if route.expect is not None:
                ids += [(name, path + (f"?{q}" if q else "")) for q in route.queries or ("",)]
        if name in sites and "/robots.txt" not in site.routes:
            ids.append((name, "/robots.txt"))
    if "hard" in sites:
        ids.append(("secure", "/robots.txt"))
    return ids


class FixtureWeb(WebServer):
    """The fixture web with crawl-oriented helpers."""

    def __init__(self) -> None:
        super().__init__(build_sites())

    def __enter__(self) -> "FixtureWeb":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def sources_config(self, only: list[str] | None = None, **settings: Any) -> dict[str, Any]:
        """A sources-file mapping for the crawler, FAST_SETTINGS plus ``settings``."""
        entries = []
        for name, (style, city, start, allow, other) in _SOURCES.items():
            if only and name not in only:
                continue
            prefixes = [self.url(name, p) for p in allow]
            prefixes += [self.url(site, p) for site, paths in other.items() for p in paths]
            entries.append({"name": name, "city": city, "style": style,
                            "start_urls": [self.url(name, start)], "allow": prefixes})
        return {"settings": {**FAST_SETTINGS, **settings}, "sources": entries}

    def expectations(self, only: list[str] | None = None) -> dict[str, Expect]:
        """Every URL with an expected log outcome (robots.txt 404s included as 'fetched')."""
        out: dict[str, Expect] = {}
        sites = [s for s in _SOURCES if not only or s in only]
        linked = sites + (["outside"] if "rsj" in sites else [])
        for name in linked:
            site = self.sites[name]
            for path, route in site.routes.items():
                if route.expect is None:
                    continue
                for query in route.queries or ("",):
                    url = self.url(name, path) + (f"?{query}" if query else "")
                    out[url] = Expect(url, name, route.kind, route.expect[0], route.expect[1])
            if name in sites and "/robots.txt" not in site.routes:
                url = self.url(name, "/robots.txt")
                out[url] = Expect(url, name, "robots", "fetched", None)
        if "hard" in sites:  # the redirect target's host needs its robots.txt too
            url = self.url("secure", "/robots.txt")
            out[url] = Expect(url, "secure", "robots", "fetched", None)
        return out

    def expectation_for(self, site: str, target: str) -> Expect:
        """The expectation of ``target`` (path?query) on ``site``."""
        return self.expectations()[self.url(site, target)]

    def allowed_prefixes(self, only: list[str] | None = None) -> list[str]:
        """Every ``allow`` prefix of the sources config (for access-log checks)."""
        return [p for entry in self.sources_config(only)["sources"] for p in entry["allow"]]

    def notice_urls(self, only: list[str] | None = None) -> set[str]:
        """Detail pages (and attachments) a correct crawl stores."""
        return {e.url for e in self.expectations(only).values()
                if e.outcome == "stored" and e.kind in ("detail", "attachment")}

    def set_body(self, site: str, path: str, body: bytes) -> None:
        """Change what ``path`` serves (new ETag, Last-Modified one day later)."""
        with self._lock:
            route = self.sites[site].routes[path]
            route.body = body
            route.last_modified += 86400

    def reset_hits(self) -> None:
        """Forget how often routes were hit (faults like status_then_ok start over)."""
        with self._lock:
            for site in self.sites.values():
                for route in site.routes.values():
                    route.hits = 0


@pytest.fixture
def fixture_web() -> Iterator[FixtureWeb]:
    """A running fixture web, stopped after the test."""
    web = FixtureWeb()
    web.start()
    try:
        yield web
    finally:
        web.stop()
