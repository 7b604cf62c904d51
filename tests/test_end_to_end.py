"""The whole road through the real CLI: example corpus in, sourced event data out.

Real spaCy, real DuckDB, the real example corpus. Marked slow (they still run in CI).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from communique.cli import main
from communique.export import CONTRACT
from communique.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
BAD = ROOT / "examples" / "bad"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "corpus.duckdb"
    assert main(["run", str(CORPUS), "--db", str(db), "--json"]) == 0
    return db


def test_run_stores_documents_events_and_quotes(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        counts = store.counts()
        n_files = sum(1 for p in CORPUS.rglob("*") if p.is_file() and p.name != "metadata.jsonl")
        assert counts["documents"] >= n_files  # jsonl/csv/rss files hold several articles
        assert counts["events"] >= counts["documents"]
        assert counts["quotes"] > 0
        assert counts["episodes"] > 0
        # every event is traceable to its sentence in the cleaned text
        docs = {d.id: d for d in store.documents()}
        for ev in store.events():
            text = docs[ev.doc_id].text
            assert text[ev.span[0]:ev.span[1]] == ev.sentence


def test_second_run_adds_nothing(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(corpus_db, read_only=True) as store:
        before = store.counts()
    assert main(["run", str(CORPUS), "--db", str(corpus_db), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["stored"] == 0 and summary["skipped"] == summary["seen"] > 0
    with Store(corpus_db, read_only=True) as store:
        assert store.counts() == before


@pytest.mark.parametrize("kind", sorted(CONTRACT))
def test_exports_follow_the_contract(corpus_db: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.jsonl"
    assert main(["export", kind, "--db", str(corpus_db), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows, f"no {kind} exported"
    for row in rows:
        assert list(row)[: len(CONTRACT[kind])] == list(CONTRACT[kind])
    if kind == "events":
        for row in rows:
            assert set(row["source"]) >= {"text", "name", "country", "sector"}
            assert row["target"] is None or set(row["target"]) >= {"text", "name", "country", "sector"}
            assert len(row["span"]) == 2
    for fmt in ("csv", "parquet"):
        assert main(["export", kind, "--db", str(corpus_db), "--format", fmt, "--out", str(tmp_path / f"{kind}.{fmt}")]) == 0


def test_export_of_an_empty_kind_is_an_empty_file(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    out = tmp_path / "episodes.jsonl"
    assert main(["export", "episodes", "--db", str(db), "--out", str(out)]) == 0
    assert out.read_text() == ""


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed"
    shutil.copytree(BAD, mixed / "bad")
    good = next(p for p in sorted(CORPUS.glob("*.txt")))
    shutil.copy(good, mixed / good.name)
    db = tmp_path / "mixed.duckdb"
    code = main(["run", str(mixed), "--db", str(db), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 3  # partial failure
    assert summary["stored"] >= 1
    assert summary["failed"] >= 4
    for failure in summary["failures"]:
        assert failure["path"] and failure["code"].startswith("C1") and failure["message"]
    with Store(db, read_only=True) as store:
        stored = store.counts()["documents"]
    # a re-run reports the same failures and stores nothing twice
    assert main(["run", str(mixed), "--db", str(db), "--json"]) == 3
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == stored


def test_interrupted_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    from communique.config import Options
    from communique.engines.local import run_paths

    db = tmp_path / "resume.duckdb"
    options = Options().with_overrides({"store.path": str(db)})
    calls = {"n": 0}

    def crash_after_first_batch(done: int, seen: int) -> None:
        calls["n"] += 1
        raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        run_paths([str(CORPUS)], options=options, store=store, progress=crash_after_first_batch, batch_size=4)
    with Store(db) as store:
        first = store.counts()["documents"]
        assert first == 4
        assert store.runs()[-1]["status"] == "interrupted"
        summary = run_paths([str(CORPUS)], options=options, store=store, batch_size=4)
        assert summary.skipped == 4
        assert store.counts()["documents"] == first + summary.stored
        ids = [d.id for d in store.documents()]
        assert len(ids) == len(set(ids))


def test_show_prints_text_events_and_removed_spans(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(corpus_db, read_only=True) as store:
        doc = next(d for d in store.documents() if d.removed)
    assert main(["show", doc.id, "--db", str(corpus_db)]) == 0
    out = capsys.readouterr().out
    assert doc.removed[0].text.strip()[:30] in out
    assert "removed by cleaning" in out


def test_python_api_extract_codes_a_meeting() -> None:
    import communique

    res = communique.extract(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.",
        published="2023-06-19",
    )
    consult = [e for e in res.events if e.type == "CONSULT"]
    assert consult, [e.type for e in res.events]
    countries = {consult[0].source.country, consult[0].target.country if consult[0].target else None}
    assert countries == {"USA", "CHN"}
    assert consult[0].date == "2023-06-18"


def test_two_worker_processes_store_the_same_records(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "workers.duckdb"
    assert main(["run", str(CORPUS), "--db", str(db), "--workers", "2", "--batch-size", "4", "--json"]) == 0
    with Store(corpus_db, read_only=True) as one, Store(db, read_only=True) as two:
        assert {d.id for d in one.documents()} == {d.id for d in two.documents()}
        assert sorted(e.id for e in one.events()) == sorted(e.id for e in two.events())


def test_run_where_every_input_fails_is_an_error_not_a_partial_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["run", str(empty), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.duckdb")])
    err = capsys.readouterr().err
    assert code == 1
    assert "[C105]" in err and "[C101]" in err and "nothing was stored" in err
    assert err.count("[C101]") == 1  # reported once, by the CLI
