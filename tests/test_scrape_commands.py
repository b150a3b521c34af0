"""`notices sources` and `notices fetch URL` as a user types them, against the loopback fixture web."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixtureweb import FixtureWeb

NOTICES = str(Path(sys.executable).parent / "notices")
ENV = {**{k: v for k, v in os.environ.items() if "proxy" not in k.lower()}, "NO_PROXY": "127.0.0.1"}


@pytest.fixture(scope="module")
def web() -> FixtureWeb:
    with FixtureWeb() as running:
        yield running


@pytest.fixture(scope="module")
def sources(web: FixtureWeb, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture web's sources file, the Hanweb source without its style."""
    config = web.sources_config()
    del config["sources"][1]["style"]
    path = tmp_path_factory.mktemp("sources") / "sources.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def notices(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NOTICES, *args], capture_output=True, text=True, env=ENV, cwd=cwd, timeout=120)


def test_sources_lists_every_configured_source(web: FixtureWeb, sources: Path, tmp_path: Path) -> None:
    out = notices("sources", "--sources", str(sources))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "5 sources"
    assert "rsj  忻州市  style: trs" in out.stdout
    assert "ybj  桂林市  style: detected from the first page" in out.stdout
    assert f"  start  {web.url('gjj', '/xxgk/tzgg/list.html')}" in out.stdout
    assert f"  allow  {web.url('ybj', '/module/web/jpage/')}" in out.stdout
    # the sources file of notices.yaml, as `notices run` finds it
    (tmp_path / "notices.yaml").write_text(f"sources: {sources}\n", encoding="utf-8")
    assert notices("sources", cwd=tmp_path).stdout == out.stdout


def test_sources_without_a_sources_file_is_an_error(tmp_path: Path) -> None:
    out = notices("sources", cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.startswith("notices: error: no sources file configured")


def test_fetch_a_trs_list_page_says_what_is_followed_and_why_the_rest_is_dropped(web: FixtureWeb,
                                                                                sources: Path) -> None:
    out = notices("fetch", web.url("rsj", "/tzgg/index.html"), "--sources", str(sources))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "style    trs (named by source 'rsj')" in lines
    followed = [line.split()[2] if line.startswith("  list page") else line.split()[1]
                for line in lines if line.startswith(("  list page", "  detail"))]
    assert followed == [web.url("rsj", "/tzgg/index_1.html"), web.url("rsj", "/tzgg/index_2.html"),
                        web.url("rsj", "/tzgg/202110/t20211011_1001.html")]
    dropped = {line.split()[2]: line.split()[1] for line in lines if line.startswith("  dropped")}
    assert dropped[web.url("rsj", "/tzgg/private/t20210901_0001.html")] == "(robots_disallowed)"
    assert dropped[web.url("rsj", "/zwgk/t20210930_0002.html")] == "(not_allowed)"
    assert dropped[web.url("outside", "/news/t1.html")] == "(not_allowed)"
    assert dropped[web.url("rsj", "/tzgg/202110/t20211008_1000.html")] == "(no_keyword)"
    assert "\nparsed   " in out.stdout and "\nbody     (" in out.stdout  # what the parser makes of it


def test_fetch_detects_the_style_of_a_hanweb_shell_and_reads_its_data(web: FixtureWeb, sources: Path) -> None:
    out = notices("fetch", web.url("ybj", "/col/col1234/index.html?uid=5678&pageNum=1"), "--sources", str(sources))
    assert out.returncode == 0, out.stderr
    assert "style    hanweb (detected: Hanweb column shell" in out.stdout
    assert "data     POST " + web.url("ybj", "/module/web/jpage/dataproxy.jsp?startrecord=1") in out.stdout
    details = [line.split()[1] for line in out.stdout.splitlines() if line.startswith("  detail")]
    pages = {url for url, e in web.expectations(["ybj"]).items() if e.kind == "detail" and e.outcome == "stored"}
    # the notices among the first data request's 45 records (the fourth is only in the second one)
    assert len(details) == 3 and set(details) < pages


@pytest.mark.parametrize(("site", "path", "style"), [("gjj", "/xxgk/tzgg/list.html", "next_link"),
                                                     ("hospital", "/ybzl/index.htm", "links")])
def test_fetch_detects_the_other_styles(web: FixtureWeb, site: str, path: str, style: str) -> None:
    out = notices("fetch", web.url(site, path))  # no sources file: the whole host, default settings
    assert out.returncode == 0, out.stderr
    assert f"style    {style} (detected: " in out.stdout


def test_fetch_a_notice_shows_the_body_it_would_parse(web: FixtureWeb) -> None:
    import re

    out = notices("fetch", web.url("gjj", "/xxgk/tzgg/content_0001.htm"), "--lines", "0")
    assert out.returncode == 0, out.stderr
    parsed = re.search(r"^parsed   an outage notice; title '([^']+)'; publisher '([^']+)'", out.stdout, re.M)
    assert parsed, out.stdout
    body = [line[4:] for line in out.stdout.splitlines() if line.startswith("  | ")]
    # the GBK page under a header saying utf-8 decodes: the body starts with the title, in Chinese
    assert body[0] == parsed.group(1) and "公积金" in body[0] and len(body) > 10


@pytest.mark.parametrize(("path", "verdict"), [
    ("/tzgg/private/t20210901_0001.html", "verdict  skipped / robots_disallowed"),
    ("/zwgk/t20210930_0002.html", "verdict  skipped / not_allowed"),
])
def test_fetch_says_when_the_crawler_would_not_request_the_page(web: FixtureWeb, sources: Path, path: str,
                                                                verdict: str) -> None:
    before = len(web.requests("rsj"))
    out = notices("fetch", web.url("rsj", path), "--sources", str(sources), "--source", "rsj")
    assert out.returncode == 1 and verdict in out.stdout
    assert not [a for a in web.requests("rsj")[before:] if a.path == path]  # never requested


def test_fetch_of_a_failing_page_exits_1_with_the_reason(web: FixtureWeb) -> None:
    out = notices("fetch", web.url("gjj", "/xxgk/tzgg/list_3.html"))
    assert out.returncode == 1 and "verdict  not_found / http_404" in out.stdout
