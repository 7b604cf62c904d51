"""Quality flags, the store round trip through Store.replace_stories, and `communique story`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from story_corpus import RESPUN_TEXT, WIRE_TEXT

from communique.cli import main
from communique.records import DocResult, Document, Flag
from communique.store import Store
from communique.stories import build_stories
from communique.stories.flags import respun_flags


def test_stories_respun_copy_is_flagged_with_its_swaps_and_the_title_contradiction(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    assert set(stories.doc_flags) == {"anc-respun"}
    [flag] = stories.doc_flags["anc-respun"]
    assert flag["code"] == "respun_copy"
    assert "near-duplicate of anc-wire" in flag["message"] and "title/role contradiction" in flag["message"]
    assert "US Foreign Minister Blinken" in flag["evidence"]
    assert "officials → authorities" in flag["evidence"]


@pytest.mark.parametrize(
    ("copy_text", "similarity", "flags", "expected"),
    [
        (WIRE_TEXT, 0.96, (), False),  # syndicated verbatim copy
        (RESPUN_TEXT, 0.58, (), True),  # synonym swaps alone
        (WIRE_TEXT.replace("Thursday", "Friday"), 0.7, (), False),  # one edit is not a respin
        # one contradiction alone is weak ("adviser" vs "Advisor" trips it) ...
        (WIRE_TEXT, None, (Flag("title_contradiction", "'adviser' vs 'Advisor'", "adviser Jake Sullivan"),), False),
        # ... two are enough
        (WIRE_TEXT, None, (Flag("title_contradiction", "Chinese President Biden", "Chinese President Biden"),
                           Flag("title_contradiction", "US Foreign Minister Blinken", "Foreign Minister Blinken")),
         True),
        # ... one on a verbatim near-duplicate of unknown similarity is not
        (WIRE_TEXT, -1.0, (Flag("title_contradiction", "'adviser' vs 'Advisor'", "adviser Jake Sullivan"),), False),
        # ... and one on a rewritten (not verbatim) near-duplicate is
        (WIRE_TEXT.replace("Thursday", "Friday"), 0.7,
         (Flag("title_contradiction", "Chinese President Biden", "Chinese President Biden"),), True),
    ],
)
def test_stories_respun_flag_needs_swaps_or_a_contradiction(copy_text, similarity, flags, expected) -> None:
    original = Document(id="orig", text=WIRE_TEXT, source="Wire")
    copy = Document(id="copy", text=copy_text, source="Hub", flags=flags,
                    duplicate_of="orig" if similarity is not None else None,
                    similarity=None if similarity is None or similarity < 0 else similarity)
    assert ("copy" in respun_flags([original, copy])) is expected


def test_stories_clean_flags_are_kept_on_the_document_not_repeated(corpus, options) -> None:
    docs = [replace(d, flags=(Flag("paywall_stub", "paywall prompt removed", "Subscribe"),))
            if d.id == "bj23-qin" else d for d in corpus.documents]
    stories = build_stories(docs, corpus.events, corpus.quotes, options=options)
    assert "bj23-qin" not in stories.doc_flags
    assert all(f["code"] == "respun_copy" for fl in stories.doc_flags.values() for f in fl)


def _store(tmp_path: Path, corpus, options) -> Path:
    db = tmp_path / "stories.duckdb"
    with Store(db) as store:
        results = [
            DocResult(document=d,
                      events=tuple(e for e in corpus.events if e.doc_id == d.id),
                      quotes=tuple(q for q in corpus.quotes if q.doc_id == d.id))
            for d in corpus.documents
        ]
        store.write_results(results)
        stories = build_stories(store.documents(), store.events(), store.quotes(), options=options)
        store.replace_stories(stories.episodes, stories.consolidated, doc_flags=stories.doc_flags)
    return db


def test_stories_store_round_trip(tmp_path: Path, corpus, options) -> None:
    expected = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    db = _store(tmp_path, corpus, options)
    with Store(db, read_only=True) as store:
        assert store.episodes() == sorted(expected.episodes, key=lambda e: (e.start or "", e.id))
        stored = {c["id"]: c for c in store.consolidated()}
        assert stored == {c["id"]: c for c in expected.consolidated}
        ep = next(e for e in store.episodes() if "anc-wire" in e.doc_ids)
        assert {e.id for e in store.events() if e.episode_id == ep.id} == set(ep.event_ids)
        respun = store.document("anc-respun")
        assert [f.code for f in respun.flags] == ["title_contradiction", "respun_copy"]
        # running the step again over the store gives the same episodes
        again = build_stories(store.documents(), store.events(), store.quotes(), options=options)
        assert [e.id for e in again.episodes] == [e.id for e in store.episodes()]
        assert again.doc_flags == expected.doc_flags  # a re-run keeps the story flags


def test_stories_cli_prints_timeline_with_outcomes_and_issues(tmp_path: Path, corpus, options, capsys) -> None:
    db = _store(tmp_path, corpus, options)
    assert main(["story", "--db", str(db), "--dyad", "USA-CHN", "--from", "2021-01-01", "--to", "2021-12-31"]) == 0
    out = capsys.readouterr().out
    assert "USA–CHN talks in Anchorage, 18–19 Mar 2021" in out
    assert "Beijing" not in out and "Moscow" not in out
    assert "AGREE: agreed to form a joint working group on climate change (1 article, 1 independent)" in out
    assert "CONSULT: met Yang Jiechi (4 articles, 2 independent)" in out
    assert "USA raised: hong_kong, xinjiang, taiwan, climate, cyber" in out
    assert "USA (Antony Blinken" in out


def test_stories_cli_json_lists_filtered_episodes(tmp_path: Path, corpus, options, capsys) -> None:
    db = _store(tmp_path, corpus, options)
    assert main(["story", "--db", str(db), "--dyad", "chn-ind", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["episode"]["label"] for r in rows] == ["IND–CHN meeting in Moscow, 10 Sep 2020"]
    assert {c["type"] for c in rows[0]["consolidated"]} == {"CONSULT", "AGREE", "ACCUSE", "REQUEST"}


@pytest.mark.parametrize("argv", [["--from", "2021/03/01"], ["--dyad", "USA"]])
def test_stories_cli_bad_filters_are_usage_errors(tmp_path: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["story", "--db", str(tmp_path / "x.duckdb"), *argv])
    assert exc.value.code == 2


def test_stories_cli_missing_store_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["story", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "C501" in capsys.readouterr().err
