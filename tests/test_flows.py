"""Flow logic without a Prefect server: batching and cache keys, task bodies (``.fn``), the run
summary, the deployment object, ``prefect.yaml``, and Prefect staying out of the plain commands.

The real runs (test harness, fixture web, Dask cluster) are in ``test_flows_prefect.py``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from flows.batches import MAX_FACTOR, DocRef, plan_batches
from flows.summary import ChangeCounter, ParseStats, RunReport, ScrapeStats
from pipeline.config import Settings
from pipeline.records import RawDocument, Reject
from pipeline.store import RunSummary, TableWriter

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "tests" / "gold" / "extra"  # notices written for the project, their gold beside them
OUTAGE = [p for p in sorted(NOTICES.glob("*.txt"))  # those of them that announce an outage
          if json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["is_outage_notice"]]


def _docs(n: int, prefix: str = "p") -> list[RawDocument]:
    """``n`` small documents with distinct URLs."""
    return [RawDocument(source=f"https://x.gov.cn/{prefix}{i}.html", data=f"page {i}".encode(),
                        url=f"https://x.gov.cn/{prefix}{i}.html", source_path=f"/raw/{prefix}{i}.html")
            for i in range(n)]


def _keys(items: list[RawDocument | Reject], target: int = 8, version: str = "v1") -> list[str]:
    return [b.key for b in plan_batches(items, target, version).batches]


# --- batching: stable, content-defined batches --------------------------------------------------


def test_plan_keeps_input_order_and_rejects_in_place() -> None:
    docs = _docs(30)
    reject = Reject("/raw/missing.html", "fetch", "not_found", "no such file")
    items: list[RawDocument | Reject] = [*docs[:10], reject, *docs[10:]]
    plan = plan_batches(items, 4, "v1")
    assert plan.items[10] is reject
    flat = [plan.batches[b].docs[p].source for b, p in (i for i in plan.items if not isinstance(i, Reject))]
    assert flat == [d.source for d in docs]
    assert plan.documents == 30


def test_batches_are_planned_as_the_inputs_are_read() -> None:
    from flows.batches import iter_batches

    docs = _docs(300)
    read = 0

    def inputs() -> Iterator[RawDocument]:
        nonlocal read
        for doc in docs:
            read += 1
            yield doc

    planned = iter_batches(inputs(), 8, "v1")
    first = next(planned)
    assert first.batch is not None and read == len(first.batch.docs)  # nothing read past the batch's end
    lazy = [first.batch.key] + [p.batch.key for p in planned if p.batch is not None]
    assert lazy == _keys(docs)  # the same batches, and cache keys, as the whole plan at once


def test_read_failures_keep_their_place_before_between_and_after_the_documents() -> None:
    from flows.batches import iter_batches

    docs = _docs(40)
    first, middle, last = (Reject(f"/raw/missing{i}.html", "fetch", "not_found", "no such file") for i in range(3))
    items: list[RawDocument | Reject] = [first, *docs[:17], middle, *docs[17:], last]
    plan = plan_batches(items, 4, "v1")
    assert plan.items[0] is first and plan.items[18] is middle and plan.items[-1] is last
    assert [i.source for i in plan.items if isinstance(i, Reject)] == [first.source, middle.source, last.source]
    only = list(iter_batches([first, last], 4, "v1"))
    assert [(p.batch, [r for _, r in p.rejects]) for p in only] == [(None, [first, last])]


def test_unchanged_inputs_give_the_same_keys() -> None:
    assert _keys(_docs(100)) == _keys(_docs(100))


def test_changed_page_changes_only_its_batch() -> None:
    docs = _docs(100)
    before = _keys(docs)
    docs[57] = RawDocument(source=docs[57].source, data=b"page 57, corrected", url=docs[57].url,
                           source_path=docs[57].source_path)
    after = _keys(docs)
    assert len(after) == len(before)
    assert sum(a != b for a, b in zip(before, after)) == 1


@pytest.mark.parametrize("position", [0, 33, 99], ids=["first", "middle", "last"])
def test_new_page_changes_at_most_two_batches(position: int) -> None:
    docs = _docs(100)
    before = set(_keys(docs))
    docs.insert(position, _docs(1, prefix="new")[0])
    after = set(_keys(docs))
    # The batch it lands in (split in two when it is a boundary), and rarely the next one (when the
    # insertion moves a cut past the minimum size): never the rest.
    assert len(after - before) <= 3
    assert 1 <= len(before - after) <= 2


def test_new_parser_version_changes_every_key() -> None:
    docs = _docs(60)
    assert not set(_keys(docs, version="v1")) & set(_keys(docs, version="v2"))


def test_metadata_copied_into_tables_is_part_of_the_key() -> None:
    doc = _docs(1)[0]
    moved = RawDocument(source=doc.source, data=doc.data, url=doc.url, source_path="/elsewhere/p0.html")
    assert DocRef.of(doc).key != DocRef.of(moved).key


def test_batch_sizes_stay_near_the_target() -> None:
    target = 20
    plan = plan_batches(_docs(2000), target, "v1")
    sizes = [len(b.docs) for b in plan.batches]
    assert max(sizes) <= MAX_FACTOR * target
    assert 0.5 * target <= sum(sizes) / len(sizes) <= 1.5 * target


def test_batches_carry_references_not_bytes() -> None:
    big = RawDocument(source="/raw/big.html", data=b"x" * 1_000_000, source_path="/raw/big.html")
    plan = plan_batches([big], 10, "v1")
    assert len(pickle.dumps(plan.batches[0])) < 2_000


# --- the parse task body (.fn) -------------------------------------------------------------------


def _batch_of(paths: list[Path]) -> object:
    from pipeline.parse import iter_inputs

    return plan_batches(iter_inputs([str(p) for p in paths]), 100, "test").batches[0]


def _part_rows(result: object, table: str) -> list[dict[str, object]]:
    import pyarrow.parquet as pq

    from pipeline.parts import PartResult

    assert isinstance(result, PartResult)
    if table not in result.files:
        return []
    return pq.read_table(Path(result.location) / f"{table}.parquet").to_pylist()


def test_parse_batch_parses_every_document_in_order(tmp_path: Path) -> None:
    from flows.tasks import parse_batch

    files = OUTAGE[:3]
    result = parse_batch.fn(_batch_of(files), "run-1", None, str(tmp_path))
    assert result.computed_by == "run-1"
    assert [n.source_path for n in result.notices] == [str(f) for f in files]
    assert [n.position for n in result.notices] == [0, 1, 2] and all(n.is_outage for n in result.notices)
    assert [r["source_path"] for r in _part_rows(result, "notices")] == [str(f) for f in files]


def test_parse_batch_writes_the_rows_of_the_single_writer_and_returns_only_keys(tmp_path: Path) -> None:
    """The part files hold the rows TableWriter writes for the same documents; what travels back
    to the flow is a few hundred bytes per notice, not the rows."""
    import pyarrow.parquet as pq

    from flows.tasks import parse_refs
    from pipeline.parse import parse_many

    files = OUTAGE[:5]
    result = parse_refs(_batch_of(files), "run-1", None, str(tmp_path / "parts"))
    with TableWriter(tmp_path / "plain") as writer:
        for outcome in parse_many(RawDocument(source=str(f), data=f.read_bytes(), source_path=str(f)) for f in files):
            assert outcome.notice is not None
            writer.add_notice(outcome.notice)
    for table in ("notices", "windows", "services", "contacts"):
        plain = pq.read_table(tmp_path / "plain" / f"{table}.parquet").to_pylist()
        assert _part_rows(result, table) == plain, table
    assert sum(result.rows.values()) > 5
    assert len(pickle.dumps(result)) < 600 * len(files)  # keys, not rows (the part files hold ~10 KB a notice)
    assert pickle.loads(pickle.dumps(result)) == result  # as Prefect persists and reads it


def test_dask_clients_started_for_the_flow_keep_short_message_logs() -> None:
    """Each message that submits a batch holds the batch's references: Dask's client (and a
    scheduler started in the flow process) keep DASK_LOG_LENGTH of them, not Dask's 1000."""
    import dask
    from distributed.batched import BatchedSend

    from flows.notice_flow import DASK_LOG_LENGTH, short_dask_logs

    with dask.config.set({"distributed.admin.low-level-log-length": 1000}):  # Dask's default
        with short_dask_logs():
            assert BatchedSend(interval=0.01).recent_message_log.maxlen == DASK_LOG_LENGTH
        assert BatchedSend(interval=0.01).recent_message_log.maxlen == 1000  # only inside


def test_parse_window_on_threads_keeps_no_batch_in_flight_beside_the_writer() -> None:
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.notice_flow import parse_window

    assert parse_window(ThreadPoolTaskRunner(max_workers=4)) == 0


def test_parse_batch_turns_a_parser_crash_into_one_reject(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pipeline.parse
    from flows.tasks import parse_batch

    files = OUTAGE[:3]
    real = pipeline.parse.parse_document

    def flaky(doc: RawDocument, time_budget: float | None = None):  # type: ignore[no-untyped-def]
        if doc.source == str(files[1]):
            raise IndexError("boom")
        return real(doc, time_budget)

    monkeypatch.setattr(pipeline.parse, "parse_document", flaky)
    result = parse_batch.fn(_batch_of(files), "run-1", None, str(tmp_path))
    assert [n.position for n in result.notices] == [0, 2]
    [(position, reject)] = result.rejects
    assert (position, reject.reason, reject.stage) == (1, "parser_error", "extract")
    assert "IndexError: boom" in reject.detail


def test_parse_batch_rejects_missing_and_changed_files(tmp_path: Path) -> None:
    from flows.tasks import parse_batch

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((ROOT / "tests" / "gold" / "seeds" / "guilin-2020.txt").read_bytes())
    b.write_bytes(a.read_bytes())
    batch = _batch_of([a, b])
    a.unlink()
    b.write_bytes(b.read_bytes() + "补充说明。".encode())
    result = parse_batch.fn(batch, "run-1", None, str(tmp_path / "parts"))
    assert not result.notices and not result.files
    assert [(p, r.stage, r.reason) for p, r in result.rejects] == [(0, "fetch", "unreadable"),
                                                                   (1, "fetch", "changed_during_run")]


def test_batch_cache_key_ignores_the_run_token() -> None:
    from flows.tasks import _batch_cache_key

    batch = plan_batches(_docs(3), 10, "v1").batches[0]
    assert _batch_cache_key(None, {"batch": batch, "run_token": "a"}) == _batch_cache_key(
        None, {"batch": batch, "run_token": "b"})


# --- the run summary -----------------------------------------------------------------------------


def _report() -> RunReport:
    import datetime as dt

    summary = RunSummary(out_dir=Path("/out"), counts={"notices": 5, "rejects": 4}, outages=4, duplicates=1,
                         rejects_by_reason={"timeout": 2, "not_a_notice": 1, "batch_failed": 1})
    scrape = ScrapeStats(sources=3, sources_failed={"gjj": "Failed: boom"}, requests=40, pages_stored=6,
                         pages_unchanged=2)
    parse = ParseStats(summary=summary, documents=9, batches=3, batches_computed=1, batches_cached=1,
                       batches_failed=1, new_notices=2, changed_notices=1)
    return RunReport(started_at=dt.datetime(2024, 1, 1, 6, 0), scrape=scrape, parse=parse,
                     report_error="ImportError: no report").finish()


def test_summary_counts_failures_by_reason_but_not_verdicts() -> None:
    assert _report().failures == {"batch_failed": 1, "report_failed": 1, "timeout": 2}


@pytest.mark.parametrize("render", ["to_text", "to_markdown"])
def test_summary_text_names_every_figure(render: str) -> None:
    text = getattr(_report(), render)()
    for expected in ("8 (6 new or changed, 2 unchanged)", "1 failed: gjj", "1 computed, 1 cached, 1 failed",
                     "2 new, 1 changed", "timeout 2", "ImportError: no report"):
        assert expected in text


def test_change_counter_compares_with_the_previous_tables(tmp_path: Path) -> None:
    from pipeline.parse import parse_document

    files = OUTAGE[:2]
    old = [parse_document(RawDocument(source=str(f), data=f.read_bytes(), source_path=str(f))) for f in files]
    with TableWriter(tmp_path) as writer:
        writer.add_notice(old[0])
        writer.add_notice(old[1])
    changed_file = RawDocument(source=str(files[0]), data=files[0].read_bytes() + "另行通知。".encode(),
                               source_path=str(files[0]))
    new_file = files[0].with_name("elsewhere.txt")
    counter = ChangeCounter(tmp_path)
    counter.add(old[1])  # unchanged
    counter.add(parse_document(changed_file))
    counter.add(parse_document(RawDocument(source=str(new_file), data=files[1].read_bytes(),
                                           source_path=str(new_file))))
    assert (counter.new, counter.changed) == (1, 1)


def test_change_counter_without_previous_tables_counts_all_new(tmp_path: Path) -> None:
    from pipeline.parse import parse_document

    f = OUTAGE[0]
    counter = ChangeCounter(tmp_path / "nothing-yet")
    counter.add(parse_document(RawDocument(source=str(f), data=f.read_bytes(), source_path=str(f))))
    assert (counter.new, counter.changed) == (1, 0)


# --- deployment, prefect.yaml, runners ------------------------------------------------------------


def test_deployment_has_the_configured_cron_in_its_time_zone() -> None:
    from flows.notice_flow import build_deployment

    deployment = build_deployment(Settings())
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 6 * * *", "Asia/Shanghai")
    assert deployment.entrypoint == "flows.notice_flow.notice_pipeline"
    assert deployment.name == "serve"  # prefect.yaml deploys "work-pool"
    # Paths as given: a served run works in the serving folder, like `notices run` there.
    assert deployment.parameters["settings"]["parsed_dir"] == "parsed"


def test_deployment_rejects_a_bad_cron() -> None:
    from flows.notice_flow import build_deployment
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="schedule_cron"):
        build_deployment(Settings(schedule_cron="every morning"))


@pytest.mark.parametrize(("runner", "address", "message"), [
    ("ray", None, "unknown runner"),
    ("default", "tcp://127.0.0.1:8786", "needs the dask runner"),
], ids=["unknown-runner", "address-without-dask"])
def test_runner_mistakes_are_config_errors_before_any_server(runner: str, address: str | None, message: str) -> None:
    from flows.notice_flow import run_flow
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match=message):
        run_flow(Settings(), runner=runner, dask_address=address)


def test_missing_samples_is_a_config_error_before_any_server(tmp_path: Path) -> None:
    from flows.notice_flow import run_flow
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="no sample folder"):
        run_flow(Settings(samples_dir=str(tmp_path / "none")))


def test_prefect_yaml_deploys_the_flow_on_the_default_schedule() -> None:
    import importlib

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    [deployment] = config["deployments"]
    module, _, name = deployment["entrypoint"].partition(":")
    assert getattr(importlib.import_module(module), name).name == "notice-pipeline"
    assert deployment["name"] != "serve", "prefect deploy and notices serve must not overwrite each other"
    [schedule] = deployment["schedules"]
    assert (schedule["cron"], schedule["timezone"]) == (Settings.schedule_cron, Settings.timezone)
    assert deployment["work_pool"]["name"]


# --- Prefect stays out of the plain commands ------------------------------------------------------


def _imports_prefect(code: str) -> bool:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('prefect' in sys.modules)"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return out.stdout.strip().splitlines()[-1] == "True"


def test_cli_parser_with_serve_registered_does_not_import_prefect() -> None:
    assert not _imports_prefect("from pipeline.cli import build_parser; build_parser().parse_args(['serve'])")


def test_notices_parse_does_not_import_prefect(tmp_path: Path) -> None:
    f = OUTAGE[0]
    assert not _imports_prefect(f"from pipeline.cli import main; main(['parse', {str(f)!r}, '--out', {str(tmp_path)!r}])")
    assert json.loads((tmp_path / "_manifest.json").read_text())["counts"]["notices"] == 1


def test_serve_without_a_server_says_what_to_do(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipeline.cli import main

    with temporary_settings(updates={PREFECT_API_URL: None}):
        assert main(["serve"]) == 2
    assert "PREFECT_API_URL" in capsys.readouterr().err


def test_document_hash_is_of_the_bytes_parsed() -> None:
    doc = _docs(1)[0]
    assert DocRef.of(doc).digest == hashlib.sha256(doc.data).hexdigest()


# --- the report's artifacts: downtime per city -----------------------------------------------------


def test_downtime_by_city_from_the_comparison(tmp_path: Path) -> None:
    import synthetic

    from flows.summary import downtime_by_city
    from pipeline.report import build_report

    paths = build_report(synthetic.write_parsed(synthetic.two_cities(), tmp_path))
    rows = {r["city"]: r for r in downtime_by_city(paths["comparison"])}
    assert list(rows) == ["忻州市", "桂林市"]  # the report's order (province, then city)
    guilin = rows["桂林市"]
    assert guilin["notices"] == 2 and guilin["hours_total"] == 62.0 + 470.0 and guilin["hours_longest"] == 470.0
    assert (guilin["first_start"], guilin["last_end"]) == ("2020-05-22 18:00", "2021-12-20 08:00")
    assert rows["忻州市"]["hours_total"] == 244.0 and rows["忻州市"]["domains"] == "medical_insurance"
    json.dumps(list(rows.values()), ensure_ascii=False)  # plain values: a Prefect table artifact takes them


def test_doubtful_durations_are_counted_apart(tmp_path: Path) -> None:
    import synthetic

    from flows.summary import downtime_by_city
    from pipeline.report import build_report

    paths = build_report(synthetic.write_parsed(synthetic.many_cities(300), tmp_path))
    rows = downtime_by_city(paths["comparison"])
    assert sum(r["notices"] for r in rows) == 300
    doubtful = [r for r in rows if r["doubtful"]]
    assert doubtful and all(r["flagged"] >= r["doubtful"] for r in doubtful)
    assert all((r["hours_longest"] or 0) < 9312 for r in rows)  # the implausible year-long downtimes


def test_no_flow_module_shadows_a_package_when_loaded_as_a_script() -> None:
    """Prefect loads a ``path/file.py:flow`` entrypoint with the file's folder first on sys.path;
    a module of flows/ named like a package (flows/pipeline.py did) then hides that package."""
    import importlib.util

    for module in sorted((ROOT / "flows").glob("*.py")):
        if module.stem != "__init__":
            assert importlib.util.find_spec(module.stem) is None, f"flows/{module.name} shadows {module.stem!r}"


def test_the_flow_file_loads_as_a_script_entrypoint() -> None:
    """The file form of the entrypoint (``flows/notice_flow.py:notice_pipeline``) loads the way
    ``prefect deploy`` and a worker load it, in a fresh interpreter."""
    code = ("from prefect.flows import load_flow_from_entrypoint\n"
            "flow = load_flow_from_entrypoint('flows/notice_flow.py:notice_pipeline', use_placeholder_flow=False)\n"
            "import flows.tasks, sys\n"
            "print(flow.name, sys.modules['flows.tasks'] is flows.tasks)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["notice-pipeline", "True"]
