"""Scrape throughput against the loopback fixture web, at given politeness delays.

Serves, with the fixture web's server (``tests/fixtureweb/server.py``: one real HTTP server per
site on 127.0.0.1, run in a subprocess so that its CPU does not count against the crawler),
``--sites`` well-behaved government sites holding the scaled corpus as HTML
detail pages behind paged lists ("下一页" links, 20 items a page). Each run crawls all of them
with ``pipeline.scrape.crawl`` into a fresh raw store at one per-host ``delay`` (seconds between
two requests to one host; the project default is 1 s) and reports detail pages stored per second
and requests per second. With ``s`` sites crawled in parallel the polite ceiling is ``s / delay``
requests per second; delay 0 shows the crawler's own cost.

A last run crawls the fixture web exactly as the scraper tests do (its fault pages included:
Retry-After waits, timeouts, a gzip bomb), for reference.

    .venv/bin/python bench/bench_scrape.py [--scale 1,10] [--delays 0,0.2,1] [--sites 4] [--quick]
"""

from __future__ import annotations

import html
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib import REPO, base_parser, print_table, scales_from, write_result
from scaled_corpus import _title_of, source_notices, to_html, vary

sys.path.insert(0, str(REPO / "tests"))  # the fixture web lives with the tests

PER_LIST_PAGE = 20  # items on one list page


def _list_page(site: str, items: list[tuple[str, str]], page: int, pages: int) -> bytes:
    """One list page: items as links, a 下一页 link unless it is the last page."""
    lis = "\n".join(f'<li><a href="{href}" title="{html.escape(t)}">{html.escape(t)}</a><span>2021-10-{1 + k % 28:02d}</span></li>'
                    for k, (href, t) in enumerate(items))
    nxt = f'<a href="list_{page + 1}.html">下一页</a>' if page + 1 < pages else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告-{site}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>
<ul class="list">
{lis}
</ul>
<div class="pager">第{page + 1}页 共{pages}页 {nxt}</div>
<div class="footer">版权所有 {site}</div>
</body></html>""".encode()


def build_sites(scale: int, n_sites: int) -> tuple[list[Any], int]:
    """``n_sites`` sites sharing ``scale`` copies of the corpus as detail pages; (sites, detail pages)."""
    from fixtureweb.server import Route, Site

    pages: list[tuple[str, bytes]] = []
    for source in source_notices():
        for copy in range(scale):
            text = vary(source.text, source.stem, copy)
            page, charset = to_html(text, copy + len(source.stem))
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            k = _title_of(lines)
            title = lines[k] if k is not None else "医保信息系统切换停机公告"
            if not any(w in title for w in ("停机", "切换", "升级", "暂停", "系统")):
                title += "(系统切换)"  # list titles carry a keyword, as the crawler's filter expects
            pages.append((title, page.encode(charset, errors="xmlcharrefreplace")))
    sites = []
    for s in range(n_sites):
        mine = pages[s::n_sites]
        routes: dict[str, Route] = {"/robots.txt": Route(body=b"User-agent: *\nDisallow:\n", content_type="text/plain")}
        items: list[tuple[str, str]] = []
        for k, (title, body) in enumerate(mine):
            path = f"/xxgk/tzgg/202110/t2021100{s}_{k:05d}.html"
            charset = "gbk" if b"charset=GBK" in body[:400] else "utf-8"
            routes[path] = Route(body=body, content_type=f"text/html; charset={charset}")
            items.append((path, title))
        n_lists = max(1, -(-len(items) // PER_LIST_PAGE))
        for p in range(n_lists):
            routes[f"/xxgk/tzgg/list_{p}.html"] = Route(
                body=_list_page(f"site{s}", items[p * PER_LIST_PAGE:(p + 1) * PER_LIST_PAGE], p, n_lists), kind="list")
        sites.append(Site(f"site{s}", routes, etags=True))
    return sites, len(pages)


class _Served:
    """The sites of one scale served by a child process; ``url(site, path)`` like ``WebServer``."""

    def __init__(self, scale: int, n_sites: int) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(scale), str(n_sites)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("the fixture web child did not start")
        info = json.loads(line)
        self.ports: dict[str, int] = info["ports"]
        self.pages: int = info["pages"]

    def url(self, site: str, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[site]}{path}"

    def requests(self) -> int:
        """Requests the servers answered since the last call (the child keeps the count)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()  # the child stops its servers at end of input
        self.proc.wait(timeout=30)


def serve(scale: int, n_sites: int) -> None:
    """Child process: serve the sites, print their ports, answer ``count`` lines, stop at EOF."""
    from fixtureweb.server import WebServer

    sites, pages = build_sites(scale, n_sites)
    web = WebServer(sites).start()
    print(json.dumps({"ports": {s.name: s.port for s in sites}, "pages": pages}), flush=True)
    for line in sys.stdin:
        if line.strip() == "count":
            print(len(web.requests()), flush=True)
            web.clear_log()
    web.stop()


def crawl_once(web: _Served, raw: Path, delay: float, n_sites: int, pages: int) -> dict[str, Any]:
    """Crawl every site at ``delay``; figures of the run."""
    from pipeline.scrape.crawl import crawl
    from pipeline.scrape.sources import parse_sources

    per_site = -(-pages // n_sites)
    settings = {"delay": delay, "concurrency": n_sites, "trust_env": False, "retries": 0,
                "max_pages": per_site // PER_LIST_PAGE + 2, "max_details": per_site + 10, "attachments": False}
    sources = [{"name": f"site{s}", "city": "忻州市", "style": "next_link",
                "start_urls": [web.url(f"site{s}", "/xxgk/tzgg/list_0.html")],
                "allow": [web.url(f"site{s}", "/xxgk/tzgg/")]} for s in range(n_sites)]
    web.requests()  # reset the count
    start = time.perf_counter()
    summary = crawl(parse_sources({"settings": settings, "sources": sources}), raw)
    seconds = time.perf_counter() - start
    total = summary.total
    requests = web.requests()
    return {
        "delay_s": delay,
        "sites": n_sites,
        "detail_pages": pages,
        "stored": total.stored,
        "requests": requests,
        "failures": dict(total.failures),
        "seconds": round(seconds, 2),
        "pages_per_s": round(total.stored / seconds, 1),
        "requests_per_s": round(requests / seconds, 1),
        "polite_ceiling_requests_per_s": round(n_sites / delay, 1) if delay else None,
        "raw_mb": round(sum(p.stat().st_size for p in raw.rglob("*") if p.is_file()) / 1e6, 2),
    }


def fixture_web_as_tested(tmp: Path) -> dict[str, Any]:
    """The scraper tests' crawl of the fixture web (fault pages included), timed."""
    from fixtureweb import FixtureWeb

    from pipeline.scrape.crawl import crawl
    from pipeline.scrape.sources import parse_sources

    # Its fault pages are logged as warnings by design; the figures are what matters here.
    logging.getLogger("pipeline.scrape").setLevel(logging.ERROR)
    with FixtureWeb() as web:
        start = time.perf_counter()
        summary = crawl(parse_sources(web.sources_config()), tmp / "fixture-raw")
        seconds = time.perf_counter() - start
        requests = len(web.requests())
    total = summary.total
    return {"stored": total.stored, "requests": requests, "seconds": round(seconds, 2),
            "pages_per_s": round(total.stored / seconds, 1), "requests_per_s": round(requests / seconds, 1),
            "failures": dict(total.failures)}


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), int(sys.argv[3]))
        return
    p = base_parser(__doc__.splitlines()[0], default_scales="1,10")
    p.add_argument("--delays", default="0,0.2,1", help="per-host politeness delays in seconds (default 0,0.2,1)")
    p.add_argument("--sites", type=int, default=4, help="sites crawled in parallel (default 4)")
    args = p.parse_args()
    scales = scales_from(args)
    delays = [float(d) for d in args.delays.split(",") if d.strip()]
    if args.quick:
        delays = [d for d in delays if d <= 0.2] or delays[:1]
    try:
        import fixtureweb.server  # noqa: F401
        import pipeline.scrape.crawl  # noqa: F401  (the scraper must be there)
    except ImportError as exc:
        print(f"skipped: the scraper or the fixture web is not there yet ({exc})")
        write_result("scrape", args, {"skipped": str(exc)})
        return
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scrape-") as tmp_name:
        tmp = Path(tmp_name)
        for scale in scales:
            web = _Served(scale, args.sites)
            try:
                for delay in delays:
                    run = {"scale": scale, **crawl_once(web, tmp / f"raw-x{scale}-d{delay}", delay, args.sites, web.pages)}
                    runs.append(run)
                    print(f"  x{scale} delay {delay:g} s: {run['stored']} pages in {run['seconds']:.1f} s, "
                          f"{run['pages_per_s']:.1f} pages/s", flush=True)
            finally:
                web.stop()
        reference = None if args.quick else fixture_web_as_tested(tmp)
    rows = [(f"x{r['scale']}", f"{r['delay_s']:g}", r["sites"], r["stored"], r["requests"], r["seconds"], r["pages_per_s"],
             r["requests_per_s"], r["polite_ceiling_requests_per_s"] or "-", r["raw_mb"],
             sum(r["failures"].values())) for r in runs]
    print_table(["scale", "delay s", "sites", "pages stored", "requests", "s", "pages/s", "requests/s",
                 "polite ceiling req/s", "raw MB", "failures"], rows,
                title="crawl of loopback sites (fixture web server), fresh raw store per run")
    if reference:
        print(f"\nfixture web as the scraper tests crawl it (faults, Retry-After waits and timeouts included): "
              f"{reference['stored']} stored, {reference['requests']} requests in {reference['seconds']} s")
    results = {"runs": runs, "fixture_web_as_tested": reference, "per_list_page": PER_LIST_PAGE}
    print(f"figures written to {write_result('scrape', args, results)}")


if __name__ == "__main__":
    main()
