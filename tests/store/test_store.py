"""The DuckDB store: round trips, idempotent writes, atomic batches, derived tables, filters."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from communique.errors import StoreError
from communique.records import (
    ActorRef,
    DocResult,
    Document,
    Episode,
    Event,
    Location,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
)
from communique.store import SCHEMA_VERSION, EventFilter, Store

USA = ActorRef("Blinken", "Antony Blinken", "USA", "GOV", "antony-blinken", "Secretary of State")
CHN = ActorRef("Yang Jiechi", "Yang Jiechi", "CHN", "GOV", "yang-jiechi")
IND = ActorRef("India", "India", "IND", None)


def _result(doc_id: str, text: str, published: str, events: list[tuple[str, ActorRef, ActorRef | None, str]]) -> DocResult:
    doc = Document(
        id=doc_id, text=text, title=f"title {doc_id}", published=published, source="Wire",
        removed=(RemovedSpan("Subscribe to continue reading", "paywall", 10, 39),),
    )
    evs = tuple(
        Event(id=f"{doc_id}-e{i}", doc_id=doc_id, type=t, source=s, target=tg, sentence=text,
              span=(0, len(text)), date=date, date_precision="day", quad=1, score=2.5,
              location=Location("Anchorage", "USA", "city"))
        for i, (t, s, tg, date) in enumerate(events)
    )
    return DocResult(
        document=doc,
        sentences=(Sentence(doc_id, 0, 0, len(text), text),),
        mentions=(Mention(doc_id, 0, 7, "Blinken", USA, sentence=0),),
        events=evs,
        quotes=(Quote(id=f"{doc_id}-q", doc_id=doc_id, text="candid", span=(3, 9), speaker=CHN),),
        signature=(5, 6, 7),
    )


ANCHORAGE = "Blinken and Yang Jiechi met in Anchorage, Alaska on Thursday for two days of talks."


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.duckdb")
    yield s
    s.close()


def test_store_round_trips_every_record(store: Store) -> None:
    r = _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")])
    assert store.write_results([r]) == 1
    assert store.documents() == [r.document]
    assert store.events() == list(r.events)
    assert store.quotes() == list(r.quotes)
    assert store.mentions("a1") == list(r.mentions)
    assert store.sentences("a1") == list(r.sentences)
    assert store.signatures() == [("a1", (5, 6, 7))]


def test_store_rewrite_of_same_documents_adds_nothing(store: Store) -> None:
    r = _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")])
    store.write_results([r])
    assert store.write_results([r, r]) == 0
    assert store.counts()["documents"] == 1
    assert store.counts()["events"] == 1


def test_store_failed_batch_leaves_nothing_behind(store: Store) -> None:
    good = _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")])
    # two different documents whose events share an id violate the primary key mid-batch
    clash = _result("a2", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")])
    clash = DocResult(document=clash.document, events=(good.events[0],))
    with pytest.raises(duckdb.ConstraintException):
        store.write_results([good, clash])
    assert store.counts() == {k: 0 for k in store.counts()}


def test_store_filters_events_by_dyad_either_direction_and_dates(store: Store) -> None:
    store.write_results([
        _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18"), ("ACCUSE", CHN, USA, "2021-03-18")]),
        _result("b1", "India and China held talks.", "2020-09-11", [("CONSULT", IND, CHN, "2020-09-10")]),
    ])
    assert {e.type for e in store.events(EventFilter(dyad=("CHN", "USA")))} == {"CONSULT", "ACCUSE"}
    assert [e.doc_id for e in store.events(EventFilter(date_to="2020-12-31"))] == ["b1"]
    assert [e.doc_id for e in store.events(EventFilter(actor="IND"))] == ["b1"]
    assert store.count_events(EventFilter(type="accuse")) == 1
    assert [e.doc_id for e in store.events(EventFilter(q="India"))] == ["b1"]


def test_store_replace_stories_links_events_and_is_replaced_whole(store: Store) -> None:
    r = _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")])
    store.write_results([r])
    ep = Episode(id="ep1", label="USA–CHN talks in Anchorage", start="2021-03-18", end="2021-03-19",
                 doc_ids=("a1",), event_ids=("a1-e0",), quote_ids=("a1-q",), issues={"USA": ["xinjiang"]})
    store.replace_stories([ep], [{"id": "c1", "episode_id": "ep1", "type": "CONSULT", "n_articles": 1}],
                          doc_flags={"a1": [{"code": "respun_copy", "message": "m", "evidence": None, "span": None}]})
    assert store.events()[0].episode_id == "ep1"
    assert store.quotes()[0].episode_id == "ep1"
    assert store.episodes() == [ep]
    assert [f.code for f in store.documents()[0].flags] == ["respun_copy"]
    store.replace_stories([], [])
    assert store.episodes() == [] and store.events()[0].episode_id is None
    assert store.documents()[0].flags == ()


def test_store_duplicates_are_replaced_whole(store: Store) -> None:
    store.write_results([_result("a1", ANCHORAGE, "2021-03-19", []), _result("a2", ANCHORAGE, "2021-03-20", [])])
    store.set_duplicates({"a2": ("a1", 0.93)})
    docs = {d.id: d for d in store.documents()}
    assert (docs["a2"].duplicate_of, docs["a2"].similarity) == ("a1", 0.93)
    store.set_duplicates({})
    assert store.document("a2").duplicate_of is None  # type: ignore[union-attr]


def test_store_refuses_other_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "C504"


def test_store_read_only_missing_file_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "C501" and "communique run" in str(err.value)


def test_store_actors_counts_mentions(store: Store) -> None:
    store.write_results([_result("a1", ANCHORAGE, "2021-03-19", []), _result("a2", ANCHORAGE + " ", "2021-03-19", [])])
    assert store.actors()[0] | {"actor_id": None} == {
        "name": "Antony Blinken", "country": "USA", "sector": "GOV", "mentions": 2, "documents": 2, "actor_id": None}


def test_store_filters_quotes_and_documents_with_counts(store: Store) -> None:
    from communique.store import DocumentFilter, QuoteFilter

    store.write_results([
        _result("a1", ANCHORAGE, "2021-03-19", [("CONSULT", USA, CHN, "2021-03-18")]),
        _result("b1", "India and China held talks in Moscow.", "2020-09-11", [("CONSULT", IND, CHN, "2020-09-10")]),
    ])
    assert store.count_quotes(QuoteFilter(speaker="chn")) == 2
    assert [q.doc_id for q in store.quotes(QuoteFilter(doc_id="b1"))] == ["b1"]
    assert store.quote("a1-q") == store.quotes(QuoteFilter(doc_id="a1"))[0]
    assert store.quote("nope") is None
    by_event = DocumentFilter(events=EventFilter(actor="IND"))
    assert [d.id for d in store.documents(by_event)] == ["b1"] and store.count_documents(by_event) == 1
    assert [d.id for d in store.documents(DocumentFilter(published_to="2020-12-31"))] == ["b1"]
    assert [d.id for d in store.documents(DocumentFilter(q="Moscow"))] == ["b1"]
    assert [d.id for d in store.documents(limit=1, offset=1)] == ["b1"]
