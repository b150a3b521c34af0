"""The flows for real: a Prefect test server, the loopback fixture web, a Dask cluster on loopback.

One test server for the whole module (it takes 10-30 s to start), with its own PREFECT_HOME and
result storage, so these runs neither read nor fill the cache of normal runs. The pipeline runs
twice against the fixture web (the second time with one page changed); the other tests reuse those
runs and their raw store.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml
from fixtureweb import FixtureWeb, notice_text

from pipeline.config import Settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "tests" / "gold" / "extra"  # notices written for the project, their gold beside them
NOT_INPUT = shutil.ignore_patterns("*.json", "*.md", "html")  # what a copy of that folder leaves out
VENV_BIN = Path(sys.executable).parent
TABLES = ("notices", "windows", "services", "contacts", "rejects")
ARTIFACT_KEY_NAME = "notice-pipeline-run"
CHANGED_PAGE = ("rsj", "/tzgg/202109/t20210915_0915.html", "nantong-gjj-2021")


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Prefect test server on a fresh database, with a private home and result storage."""
    from prefect.settings import (PREFECT_API_URL, PREFECT_HOME, PREFECT_RESULTS_LOCAL_STORAGE_PATH,
                                  PREFECT_SERVER_ANALYTICS_ENABLED, temporary_settings)
    from prefect.testing.utilities import prefect_test_harness

    home = tmp_path_factory.mktemp("prefect-home")
    updates = {PREFECT_HOME: str(home), PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(home / "storage"),
               PREFECT_SERVER_ANALYTICS_ENABLED: False}
    with temporary_settings(updates=updates), prefect_test_harness(server_startup_timeout=120):
        yield str(PREFECT_API_URL.value())


def tables(out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table as rows, without what differs between two runs on the same inputs (the time a
    reject was recorded) and with the input folder made relative (two copies of one corpus)."""
    result = {}
    for name in TABLES:
        rows = pq.read_table(out_dir / f"{name}.parquet").to_pylist()
        for row in rows:
            row.pop("at", None)
            for key in ("source_path", "source"):
                if isinstance(row.get(key), str):
                    row[key] = Path(row[key]).name
        result[name] = rows
    return result


@dataclass
class Runs:
    """The two pipeline runs against the fixture web."""

    web: FixtureWeb
    settings: Settings
    first: Any  # FlowResult
    first_tables: dict[str, list[dict[str, Any]]]
    second: Any


@pytest.fixture(scope="module")
def runs(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """Run the pipeline on the fixture web; change one notice page; run it again."""
    from flows.notice_flow import run_flow

    work = tmp_path_factory.mktemp("pipeline")
    with FixtureWeb() as web:
        sources = work / "sources.yaml"
        sources.write_text(yaml.safe_dump(web.sources_config(), allow_unicode=True), encoding="utf-8")
        settings = Settings(sources=str(sources), raw_dir=str(work / "raw"), parsed_dir=str(work / "parsed"),
                            parse_batch_size=4)
        first = run_flow(settings)
        first_tables = tables(work / "parsed")
        site, path, notice = CHANGED_PAGE
        line = next(line.strip() for line in notice_text(notice).splitlines() if len(line.strip()) > 20)
        body = web.sites[site].routes[path].body
        assert html.escape(line).encode() in body
        web.set_body(site, path, body.replace(html.escape(line).encode(),
                                              html.escape(line + "(本条已更正)").encode(), 1))
        second = run_flow(settings)
        yield Runs(web, settings, first, first_tables, second)


def test_pipeline_writes_the_tables_of_the_fixture_web(runs: Runs) -> None:
    parsed = Path(runs.settings.parsed_dir)
    from pipeline.scrape.rawstore import read_log

    notices = pq.read_table(parsed / "notices.parquet").to_pylist()
    rejects = pq.read_table(parsed / "rejects.parquet").to_pylist()
    stored_pages = {row["final_url"] for row in read_log(runs.settings.raw_dir)
                    if row["kind"] == "detail" and row["outcome"] in ("stored", "unchanged")}
    assert len(stored_pages) >= 15
    assert stored_pages <= {n["url"] for n in notices} | {r["source"] for r in rejects}, \
        "every stored page is a notices row or a reject"
    assert runs.first.parse.outages >= 15
    reasons = {r["reason"] for r in rejects}
    assert {"timeout", "http_500", "blocked", "redirect_loop", "robots_disallowed"} <= reasons
    assert all(r["stage"] == "fetch" for r in rejects if r["reason"] in ("timeout", "http_500"))
    assert json.loads((parsed / "_manifest.json").read_text())["counts"]["notices"] == len(notices)
    assert {"html", "markdown"} <= set(runs.first.report)


def test_run_summary_counts_pages_batches_notices_and_failures(runs: Runs) -> None:
    run = runs.first.run
    assert run.scrape.sources == 5 and not run.scrape.sources_failed
    assert run.scrape.pages_stored == len(runs.web.notice_urls())
    assert run.parse.batches > 1
    assert (run.parse.batches_computed, run.parse.batches_cached, run.parse.batches_failed) == (run.parse.batches, 0, 0)
    assert run.parse.new_notices == run.parse.summary.outages and run.parse.changed_notices == 0
    rejects = runs.first_tables["rejects"]
    expected = {}
    for r in rejects:
        if r["reason"] != "not_a_notice":
            expected[r["reason"]] = expected.get(r["reason"], 0) + 1
    assert run.failures == dict(sorted(expected.items()))
    text = run.to_text()
    assert f"{run.parse.batches} computed, 0 cached" in text and "timeout 1" in text


def test_run_summary_is_published_as_an_artifact(runs: Runs) -> None:
    from prefect.artifacts import Artifact

    from flows.notice_flow import ARTIFACT_KEY

    artifact = Artifact.get(ARTIFACT_KEY)
    assert artifact is not None and artifact.type == "markdown"
    assert artifact.data == runs.second.run.to_markdown()


def test_report_is_published_as_link_and_table_artifacts(runs: Runs) -> None:
    from prefect.artifacts import Artifact

    from flows.summary import DOWNTIME_TABLE_KEY, REPORT_LINK_KEY, downtime_by_city

    report = runs.second.run.report
    link = Artifact.get(REPORT_LINK_KEY)
    assert link is not None  # Prefect keeps a link artifact as the Markdown link it shows
    assert f"[report.html]({Path(report['html']).resolve().as_uri()})" == str(link.data)
    table = Artifact.get(DOWNTIME_TABLE_KEY)
    assert table is not None and table.type == "table"
    data = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert data == json.loads(json.dumps(downtime_by_city(report["comparison"])))
    assert sum(r["notices"] for r in data) == pq.read_metadata(report["comparison"]).num_rows > 0


def test_second_run_reparses_only_the_changed_page(runs: Runs) -> None:
    run = runs.second.run
    assert run.scrape.pages_stored == 1  # the changed page; the others answered 304 or hashed the same
    assert run.parse.changed_notices == 1 and run.parse.new_notices == 0
    assert 1 <= run.parse.batches_computed <= 2 and run.parse.batches_failed == 0
    assert run.parse.batches_cached == run.parse.batches - run.parse.batches_computed
    notices = pq.read_table(Path(runs.settings.parsed_dir) / "notices.parquet").to_pylist()
    site, path, _ = CHANGED_PAGE
    [changed] = [n for n in notices if n["url"] == runs.web.url(site, path)]
    assert "本条已更正" in changed["body_text"]


def test_rerun_on_unchanged_raw_pages_parses_nothing(runs: Runs, tmp_path: Path) -> None:
    from flows.notice_flow import parse

    stats = parse([runs.settings.raw_dir], str(tmp_path), batch_size=4)
    assert (stats.batches_computed, stats.batches_cached) == (0, stats.batches)
    assert tables(tmp_path) == tables(Path(runs.settings.parsed_dir))


def test_new_parser_version_reparses_everything(runs: Runs, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.parse

    from flows.notice_flow import parse

    monkeypatch.setattr(pipeline.parse, "PARSER_VERSION", pipeline.parse.PARSER_VERSION + ".test")
    stats = parse([runs.settings.raw_dir], str(tmp_path), batch_size=4)
    assert (stats.batches_computed, stats.batches_cached) == (stats.batches, 0)
    versions = set(pq.read_table(tmp_path / "notices.parquet").column("parser_version").to_pylist())
    assert versions == {pipeline.parse.PARSER_VERSION}


def test_a_failing_source_and_a_failing_batch_do_not_fail_the_run(prefect_api: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.notice_flow
    import pipeline.scrape.crawl
    from flows import tasks

    def broken_crawl(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(f"disk full while crawling {source.name}")

    def broken_parse(batch, run_token):  # type: ignore[no-untyped-def]
        raise RuntimeError("worker lost")

    monkeypatch.setattr(pipeline.scrape.crawl, "crawl_source", broken_crawl)
    monkeypatch.setattr(flows.notice_flow, "crawl_source_task", tasks.crawl_source_task.with_options(retries=0))
    monkeypatch.setattr(tasks, "parse_refs", broken_parse)
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{
        "name": "offline", "city": "忻州市", "start_urls": ["http://127.0.0.1:9/tzgg/index.html"],
        "allow": ["http://127.0.0.1:9/tzgg/"]}]}), encoding="utf-8")
    # The crawl fails before it writes a raw store, so the parse stage reads this folder of files.
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in sorted(NOTICES.glob("*.txt"))[:2]:
        shutil.copy(f, raw / f.name)
    settings = Settings(sources=str(sources), raw_dir=str(raw), parsed_dir=str(tmp_path / "parsed"))
    state = flows.notice_flow.notice_pipeline(settings=settings, return_state=True)
    assert state.is_completed()
    run = state.result()
    assert run.scrape.sources_failed.keys() == {"offline"}
    assert run.parse.batches_failed == run.parse.batches == 1
    assert run.failures == {"batch_failed": 2, "source_failed": 1}
    rejects = pq.read_table(tmp_path / "parsed" / "rejects.parquet").to_pylist()
    assert {(r["stage"], r["reason"]) for r in rejects} == {("fetch", "source_failed"), ("extract", "batch_failed")}
    assert any("disk full" in r["detail"] for r in rejects)


def test_deployment_is_created_with_its_cron_schedule(prefect_api: str) -> None:
    from prefect import get_client

    from flows.notice_flow import build_deployment

    deployment_id = build_deployment(Settings(schedule_cron="30 5 * * 1-5")).apply()
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment(deployment_id)
        flow = client.read_flow(deployment.flow_id)
    assert (flow.name, deployment.name) == ("notice-pipeline", "serve")
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == ("30 5 * * 1-5", "Asia/Shanghai", True)


def _cli_env(prefect_api: str, home: Path, **extra: str) -> dict[str, str]:
    """Environment of a command typed in a shell that talks to the test server."""
    return {**os.environ, "PREFECT_API_URL": prefect_api, "PREFECT_HOME": str(home / "prefect-home"),
            "PREFECT_CLI_PROMPT": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **extra}


def _working_folder(folder: Path) -> Path:
    """A working folder as a user sets one up: the samples and a notices.yaml naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "raw" / "samples", folder / "raw" / "samples")
    (folder / "notices.yaml").write_text("samples_dir: raw/samples\nparsed_dir: parsed\n", encoding="utf-8")
    return folder


def _run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, f"{args}: {out.stdout[-3000:]}{out.stderr[-3000:]}"
    return out


def test_prefect_yaml_deployment_runs_on_a_process_worker(prefect_api: str, tmp_path: Path) -> None:
    """The documented work-pool path for real: `prefect deploy` from prefect.yaml, a process
    worker, a deployment run that completes and writes the tables `notices run --no-prefect` writes."""
    from prefect import get_client

    home = _working_folder(tmp_path / "home")
    env = _cli_env(prefect_api, tmp_path, NOTICES_HOME=str(home))
    prefect = str(VENV_BIN / "prefect")
    _run([prefect, "work-pool", "create", "notices", "--type", "process"], env, ROOT, timeout=120)
    _run([prefect, "--no-prompt", "deploy", "--all"], env, ROOT, timeout=180)
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("notice-pipeline/work-pool")
    assert deployment.work_pool_name == "notices"
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 6 * * *", "Asia/Shanghai")

    started = _run([prefect, "deployment", "run", "notice-pipeline/work-pool"], env, ROOT, timeout=120)
    run_id = re.search(r"UUID: ([0-9a-f-]{36})", started.stdout)
    assert run_id, started.stdout
    _run([prefect, "worker", "start", "--pool", "notices", "--run-once"], env, tmp_path, timeout=400)
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(run_id.group(1))
    assert run.state is not None and run.state.is_completed(), run.state

    plain = _working_folder(tmp_path / "plain")
    _run([str(VENV_BIN / "notices"), "run", "--no-prefect"], env, plain, timeout=300)
    assert tables(home / "parsed") == tables(plain / "parsed")
    assert (home / "parsed" / "report.html").is_file()


def test_serve_hits_the_cache_that_notices_run_filled(prefect_api: str, tmp_path: Path) -> None:
    """`notices run --prefect` fills the parse cache; a run of the `notices serve` deployment in the
    same folder finds every batch there (same paths, same keys), and both deployments coexist."""
    from prefect import get_client
    from prefect.artifacts import Artifact

    work = _working_folder(tmp_path / "work")
    env = _cli_env(prefect_api, tmp_path)
    notices = str(VENV_BIN / "notices")
    _run([notices, "run", "--prefect"], env, work)
    before = tables(work / "parsed")
    serve = subprocess.Popen([notices, "serve"], env=env, cwd=work, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        deployment = None
        while deployment is None and time.monotonic() < deadline and serve.poll() is None:
            with get_client(sync_client=True) as client:
                try:
                    deployment = client.read_deployment_by_name("notice-pipeline/serve")
                except Exception:  # noqa: BLE001 - not registered yet
                    time.sleep(0.5)
        assert deployment is not None, serve.stdout.read() if serve.stdout and serve.poll() is not None else "no deployment"
        assert deployment.parameters["settings"]["samples_dir"] == "raw/samples"
        _run([str(VENV_BIN / "prefect"), "deployment", "run", "notice-pipeline/serve", "--watch",
              "--watch-timeout", "300"], env, tmp_path, timeout=330)
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
    summary = Artifact.get(ARTIFACT_KEY_NAME)
    assert summary is not None and "0 computed" in str(summary.data), summary.data if summary else None
    assert tables(work / "parsed") == before


# --- Dask -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_server() -> Iterator[str]:
    """An S3-compatible server on loopback (moto's server mode); while the module runs, the AWS
    variables point boto (s3fs) at it, in this process and in the Dask workers started after it."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_ENDPOINT_URL": endpoint,
           "AWS_DEFAULT_REGION": "us-east-1"}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(endpoint, timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        yield endpoint
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def dask_cluster(prefect_api: str, s3_server: str,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Path]]]:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1 (which reach the S3
    server too); yields the address and the workers' log files."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "PREFECT_HOME": str(folder / "home")}
    dask = str(VENV_BIN / "dask")
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(scheduler_file)], env=env, cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    logs = [folder / f"worker-{i}.log" for i in range(2)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for i, log in enumerate(logs):
            procs.append(subprocess.Popen(
                [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                 "--no-dashboard", "--name", f"worker-{i}"],
                env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=log.open("wb")))
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
        yield address, logs
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_dask_workers_write_parts_that_publish_the_single_process_tables(dask_cluster: tuple[str, list[Path]],
                                                                         tmp_path: Path) -> None:
    """Two worker processes of a real ``dask scheduler`` write the part files; the flow resolves
    reposts across parts (reposts land in other batches than their originals) and repeated inputs,
    and publishes the tables ``notices parse`` writes in one process, with a manifest readers check."""
    from flows.notice_flow import parse
    from pipeline.publish import verify
    from pipeline.store import parse_paths

    address, logs = dask_cluster
    corpus = tmp_path / "in"
    shutil.copytree(NOTICES, corpus, ignore=NOT_INPUT)
    originals = sorted(corpus.glob("*.txt"))
    for i, original in enumerate(originals[:4]):  # reposts: the same text on another page, sorted far away
        (corpus / f"zz-repost-{i}.txt").write_bytes(original.read_bytes() + "\n（转载）\n".encode())
    inputs = [str(corpus), str(originals[0]), str(tmp_path / "missing.txt")]  # a repeated input, a missing one
    on_dask = parse(inputs, str(tmp_path / "out-dask"), batch_size=3, runner="dask", dask_address=address,
                    parts_dir=str(tmp_path / "parts"))
    plain = parse_paths(inputs, tmp_path / "out-plain")
    assert on_dask.batches > 2 and on_dask.batches_computed == on_dask.batches
    assert on_dask.summary.duplicates == plain.duplicates >= 4
    assert on_dask.summary.rejects_by_reason.get("repeated_input") == 1
    assert tables(tmp_path / "out-dask") == tables(tmp_path / "out-plain")
    manifest = verify(tmp_path / "out-dask")
    assert manifest is not None and manifest["counts"] == plain.counts
    parts = {p.parent.name for p in (tmp_path / "parts").glob("*/notices.parquet")}
    # Every batch wrote its own part files, but one whose documents were all rejected has none (batch
    # boundaries hang on the paths, which change with tmp_path from run to run).
    rejected = sum(on_dask.summary.rejects_by_reason.values())
    assert on_dask.batches - rejected <= len(parts) <= on_dask.batches, "every batch wrote its own part files"
    worker_logs = [log.read_text(errors="replace") for log in logs]
    ran = {f"parse-batch-{i}" for i in range(on_dask.batches) if any(f"'parse-batch-{i}'" in w for w in worker_logs)}
    assert len(ran) == on_dask.batches, "every batch ran on a worker process"
    assert all("parse-batch-" in w for w in worker_logs), "both workers took batches"


def test_workers_crawl_into_s3_and_parse_out_of_it_into_tables_on_it(dask_cluster: tuple[str, list[Path]],
                                                                       tmp_path: Path) -> None:
    """Nothing on a shared local disk: the Dask workers crawl the loopback sites into a raw store on
    the S3 server, parse out of it into part files there, and the flow publishes the tables there;
    they are the tables one process writes from the same raw store."""
    import fsspec

    from flows.notice_flow import parse, scrape
    from pipeline.publish import verify_remote
    from pipeline.store import parse_paths

    address, _ = dask_cluster
    fs = fsspec.filesystem("s3")
    bucket = f"notices-{uuid.uuid4().hex[:8]}"
    fs.mkdir(bucket)
    raw, out, parts = f"s3://{bucket}/raw", f"s3://{bucket}/parsed", f"s3://{bucket}/parts"
    with FixtureWeb() as web:
        sources = tmp_path / "sources.yaml"
        sources.write_text(yaml.safe_dump(web.sources_config(), allow_unicode=True), encoding="utf-8")
        crawled = scrape(Settings(sources=str(sources), raw_dir=raw), runner="dask", dask_address=address)
        notice_pages = len(web.notice_urls())
    assert crawled.pages_stored == notice_pages and not crawled.sources_failed
    assert fs.isfile(f"{bucket}/raw/RAWSTORE") and len(fs.glob(f"{bucket}/raw/blobs/*/*")) >= notice_pages
    assert fs.isfile(f"{bucket}/raw/fetch_log.parquet") and not fs.glob(f"{bucket}/raw/log/part-*")  # compacted

    # Batch boundaries hang on the pages' URLs, whose loopback port changes from run to run: with two
    # documents a batch, fewer than three batches over the fixture web's pages is about 1 in 25,000.
    stats = parse([raw], out, batch_size=2, runner="dask", dask_address=address, parts_dir=parts)
    assert stats.batches > 2 and stats.batches_computed == stats.batches
    assert len(fs.glob(f"{bucket}/parts/*/notices.parquet")) >= stats.batches - 1  # a batch of rejects has none
    manifest = verify_remote(fs, f"{bucket}/parsed")
    plain = parse_paths([raw], tmp_path / "plain")
    assert manifest is not None
    if manifest["counts"] != plain.counts:  # say which input went another way, not only the counts
        with fs.open(f"{bucket}/parsed/rejects.parquet", "rb") as f:
            on_s3 = {(r["source"], r["reason"], r["detail"]) for r in pq.read_table(f).to_pylist()}
        local = {(r["source"], r["reason"], r["detail"]) for r in pq.read_table(tmp_path / "plain" / "rejects.parquet").to_pylist()}
        raise AssertionError(f"rejects only on S3: {sorted(on_s3 - local)}; only local: {sorted(local - on_s3)}")
    assert plain.counts["notices"] >= 15
    assert not fs.glob(f"{bucket}/parsed/.publish-*") and not fs.glob(f"{bucket}/parsed/.tmp-*")
    fs.get(f"{bucket}/parsed/", str(tmp_path / "from-s3") + "/", recursive=True)
    assert tables(tmp_path / "from-s3") == tables(tmp_path / "plain")
    assert all(n["source_path"].startswith(f"s3://{bucket}/raw/")  # blobs, or texts of PDFs
               for n in pq.read_table(tmp_path / "from-s3" / "notices.parquet").to_pylist())


def test_parse_flow_matches_notices_parse(prefect_api: str, tmp_path: Path) -> None:
    from flows.notice_flow import parse
    from pipeline.store import parse_paths

    shutil.copytree(NOTICES, tmp_path / "in", ignore=NOT_INPUT)
    (tmp_path / "in" / "empty.txt").write_text(" ", encoding="utf-8")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "broken.html").write_bytes(b"<html><body></body></html>")
    stats = parse([str(tmp_path / "in"), str(tmp_path / "missing.txt")], str(tmp_path / "flow"), batch_size=5)
    plain = parse_paths([str(tmp_path / "in"), str(tmp_path / "missing.txt")], tmp_path / "plain")
    assert stats.summary.counts == plain.counts
    assert tables(tmp_path / "flow") == tables(tmp_path / "plain")


def test_queued_events_and_logs_are_sent_before_the_server_stops(prefect_api: str) -> None:
    """What Prefect still queues in this process (events, run logs) goes to the server while it is
    up; left to Prefect's exit hook after a temporary server had stopped, a 10,010-notice run wrote
    its tables and then never exited."""
    from prefect.client.orchestration import get_client
    from prefect.events import emit_event
    from prefect.events.filters import EventFilter, EventNameFilter
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    from flows.notice_flow import _send_queued_events_and_logs

    name = f"notice-pipeline.test.{uuid.uuid4().hex[:8]}"
    for i in range(50):
        emit_event(event=name, resource={"prefect.resource.id": f"notice-pipeline.test.{i}"})
    assert EventsWorker._instances, "the events are queued in this process"
    _send_queued_events_and_logs(timeout=60)
    assert not EventsWorker._instances and not APILogWorker._instances

    async def stored() -> int:
        async with get_client() as client:
            page = await client.read_events(filter=EventFilter(event=EventNameFilter(name=[name])), limit=1)
            return page.total

    import asyncio

    deadline = time.monotonic() + 30
    while (count := asyncio.run(stored())) < 50 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert count == 50
