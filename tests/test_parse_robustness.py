"""Bad input gets a clear, recorded reason; the rest of the run is written; outputs are atomic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import store
from pipeline.records import TimeWindow
from pipeline.store import TableWriter, parse_paths

from conftest import GOLD, PAGES, SEEDS

NOT_A_NOTICE = (
    "<html><head><meta charset='utf-8'><title>医保小知识</title></head><body><div id='zoom'>"
    "<p>医疗保险是社会保障体系的重要组成部分。参保人员在定点医疗机构就医时,可以按规定享受医保待遇。</p>"
    "<p>门诊慢特病患者可以申请认定,认定后在门诊享受更高的报销比例。</p></div></body></html>"
)
CHALLENGE = "<html><head><script>document.cookie='x=1';location.reload()</script></head><body></body></html>"


@pytest.fixture()
def messy_folder(tmp_path: Path) -> Path:
    """A folder with good notices beside every kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "xinzhou-2021.txt", folder / "xinzhou-2021.txt")
    shutil.copy(PAGES / "guilin-2020.gbk.html", folder / "guilin-2020.gbk.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj<<>>stream\x00\x01\x02")
    (folder / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 30)
    (folder / "challenge.html").write_text(CHALLENGE, encoding="utf-8")
    (folder / "knowledge.html").write_text(NOT_A_NOTICE, encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not an input type: ignored in folders
    return folder


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def test_bad_inputs_are_recorded_and_the_run_goes_on(messy_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = parse_paths([messy_folder, tmp_path / "missing.txt", messy_folder / "notes.json"], out)
    rejects = _table(out, "rejects")
    reasons = {Path(s).name: r for s, r in zip(rejects["source"], rejects["reason"])}
    assert reasons["empty.txt"] == "empty"
    assert reasons["binary.html"] == "binary"
    assert reasons["garbage.txt"] == "undecodable"
    assert reasons["challenge.html"] == "empty_body"
    assert reasons["knowledge.html"] == "not_a_notice"
    assert reasons["missing.txt"] == "not_found"
    assert reasons["notes.json"] == "unsupported_type"
    assert all(rejects["detail"].str.len() > 0)
    assert set(rejects["stage"]) <= {"fetch", "decode", "clean", "classify", "extract", "write"}

    notices = _table(out, "notices")
    assert sorted(Path(p).name for p in notices["source_path"]) == ["guilin-2020.gbk.html", "knowledge.html", "xinzhou-2021.txt"]
    assert notices.set_index(notices["source_path"].map(lambda p: Path(p).name))["is_outage_notice"].to_dict() == {
        "guilin-2020.gbk.html": True,
        "knowledge.html": False,
        "xinzhou-2021.txt": True,
    }
    assert summary.counts["notices"] == 3
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["rejects"] == len(rejects)


def test_tables_follow_the_schema(messy_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    parse_paths([messy_folder], out)
    import pyarrow.parquet as pq

    from pipeline.schema import SCHEMAS

    for name, schema in SCHEMAS.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
    notices = _table(out, "notices")
    assert str(notices["published_at"].dtype) == "datetime64[us, Asia/Shanghai]"
    assert notices["notice_id"].is_unique


def test_a_crash_leaves_the_previous_output_intact(messy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    parse_paths([messy_folder], out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    calls = {"n": 0}
    real_add = TableWriter.add_notice

    def exploding_add(self: TableWriter, notice):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash in the middle of a run")
        return real_add(self, notice)

    monkeypatch.setattr(TableWriter, "add_notice", exploding_add)
    with pytest.raises(RuntimeError):
        parse_paths([messy_folder], out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp-")]


def test_a_notice_that_breaks_the_schema_is_rejected_alone(messy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import parse as parse_module

    real = parse_module.parse_document

    def corrupt(doc, time_budget=None):  # type: ignore[no-untyped-def]
        notice = real(doc, time_budget)
        if "xinzhou" in (doc.source_path or ""):
            notice.windows.append(TimeWindow("other", None, None, None, None, 0, 5, "not the span text"))
        return notice

    monkeypatch.setattr(parse_module, "parse_document", corrupt)
    out = tmp_path / "out"
    parse_paths([messy_folder], out)
    rejects = _table(out, "rejects")
    schema_rows = rejects[rejects["reason"] == "schema"]
    assert len(schema_rows) == 1 and "evidence" in schema_rows.iloc[0]["detail"]
    names = {Path(p).name for p in _table(out, "notices")["source_path"]}
    assert "xinzhou-2021.txt" not in names and "guilin-2020.gbk.html" in names
    assert (_table(out, "windows")["notice_id"].isin(_table(out, "notices")["notice_id"])).all()


def test_reposts_are_one_notice_and_a_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PAGES / "guilin-2020.utf8.html", folder / "hospital-repost.html")
    shutil.copy(PAGES / "guilin-2020.gbk.html", folder / "bureau-original.html")
    out = tmp_path / "out"
    summary = parse_paths([folder], out)
    notices = _table(out, "notices").set_index(_table(out, "notices")["source_path"].map(lambda p: Path(p).name))
    assert summary.duplicates == 1
    assert notices.loc["hospital-repost.html", "notice_id"] != notices.loc["bureau-original.html", "notice_id"]
    dup = notices["duplicate_of"].dropna()
    assert len(dup) == 1
    assert dup.iloc[0] in set(notices["notice_id"])


def test_ids_are_stable_across_runs(messy_folder: Path, tmp_path: Path) -> None:
    parse_paths([messy_folder], tmp_path / "a")
    parse_paths([messy_folder], tmp_path / "b")
    a = _table(tmp_path / "a", "notices")["notice_id"].tolist()
    b = _table(tmp_path / "b", "notices")["notice_id"].tolist()
    assert a == b


def test_batches_stream_to_disk(messy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "BATCH_ROWS", 1)
    out = tmp_path / "out"
    with TableWriter(out, batch_rows=1) as writer:
        pass
    assert writer.summary.counts == {t: 0 for t in store.TABLES}
    assert all((out / f"{t}.parquet").exists() for t in store.TABLES)


def test_an_extractor_bug_costs_one_page_not_the_run(messy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import parse as parse_module

    real = parse_module.extract_contacts

    def broken(text: str, area_code: str | None = None):  # type: ignore[no-untyped-def]
        if "忻州" in text:
            raise IndexError("simulated extractor bug")
        return real(text, area_code)

    monkeypatch.setattr(parse_module, "extract_contacts", broken)
    out = tmp_path / "out"
    parse_paths([messy_folder], out)
    rejects = _table(out, "rejects")
    bug = rejects[rejects["reason"] == "parser_error"]
    assert len(bug) == 1 and "IndexError" in bug.iloc[0]["detail"] and bug.iloc[0]["stage"] == "extract"
    assert "guilin-2020.gbk.html" in {Path(p).name for p in _table(out, "notices")["source_path"]}


def test_template_siblings_of_other_cities_are_not_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (GOLD / "extra" / "xiantao-2021.txt").read_text(encoding="utf-8")
    (folder / "xiantao.txt").write_text(text, encoding="utf-8")
    sibling = text.replace("仙桃", "潜江").replace("12月10日", "12月9日").replace("2021年12月6日", "2021年12月5日")
    (folder / "qianjiang.txt").write_text(sibling, encoding="utf-8")
    repost = "转载自某新闻网\n" + text
    (folder / "xiantao-repost.txt").write_text(repost, encoding="utf-8")
    out = tmp_path / "out"
    summary = parse_paths([folder], out)
    notices = _table(out, "notices").set_index(_table(out, "notices")["source_path"].map(lambda p: Path(p).name))
    assert summary.duplicates == 1
    assert notices.loc["qianjiang.txt", "city"] == "潜江市"
    assert notices.loc["qianjiang.txt", "duplicate_of"] is None
    assert notices["duplicate_of"].dropna().tolist() in (
        [notices.loc["xiantao.txt", "notice_id"]], [notices.loc["xiantao-repost.txt", "notice_id"]])
