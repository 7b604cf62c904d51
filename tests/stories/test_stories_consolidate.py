"""Consolidated events: one record per real event, with articles and independent sources."""

from __future__ import annotations

import pytest

from communique.records import Document
from communique.stories import build_stories
from communique.stories.consolidate import independent_sources


def _find(stories, doc_id: str, type_: str) -> list[dict]:
    return [c for c in stories.consolidated if c["type"] == type_ and doc_id in c["doc_ids"]]


@pytest.mark.parametrize(
    ("doc_id", "type_", "date", "n_mentions", "n_articles", "n_independent", "outcome"),
    [
        # wire + syndicated copy + respun copy of the wire = 1 source, the wrap-up another; the
        # encyclopedia page is background and does not count
        ("anc-wire", "CONSULT", "2021-03-18", 4, 4, 2, "met Yang Jiechi"),
        # Blinken's and Yang's accusations are one exchange; all three articles are the wire's text
        ("anc-wire", "ACCUSE", "2021-03-18", 8, 3, 1, None),
        ("anc-wrap", "AGREE", "2021-03-19", 1, 1, 1, "agreed to form a joint working group on climate change"),
        ("anc-wrap", "SANCTION", "2021-03-17", 3, 3, 2, None),
        ("bj23-qin", "CONSULT", "2023-06-18", 2, 2, 2, None),
        # two Harbour Post articles count as one independent source
        ("cn24-wangyi", "CONSULT", "2024-04-26", 2, 2, 2, None),
        ("in-cn-moscow", "AGREE", "2020-09-10", 2, 2, 2, None),
    ],
)
def test_stories_consolidated_counts_articles_and_independent_sources(
    corpus, options, doc_id, type_, date, n_mentions, n_articles, n_independent, outcome
) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    [rec] = [c for c in _find(stories, doc_id, type_) if c["date"] == date]
    assert (rec["n_mentions"], rec["n_articles"], rec["n_independent"]) == (n_mentions, n_articles, n_independent)
    if outcome:
        assert rec["outcome"] == outcome
    ep = next(e for e in stories.episodes if doc_id in e.doc_ids)
    assert rec["episode_id"] == ep.id
    assert set(rec["event_ids"]) <= set(ep.event_ids)


def test_stories_consolidated_keeps_every_evidence_sentence_with_its_document(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    by_id = {e.id: e for e in corpus.events}
    for rec in stories.consolidated:
        assert len(rec["evidence"]) == rec["n_mentions"] == len(rec["event_ids"])
        for ev in rec["evidence"]:
            e = by_id[ev["event_id"]]
            assert (ev["doc_id"], ev["sentence"], tuple(ev["span"])) == (e.doc_id, e.sentence, e.span)
        assert rec["doc_ids"] == sorted({ev["doc_id"] for ev in rec["evidence"]})


def test_stories_consolidated_shows_both_directions_of_an_exchange(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    [rec] = _find(stories, "anc-wire", "ACCUSE")
    assert rec["countries"] == ["CHN", "USA"]
    assert rec["directions"] == {"CHN→USA": 5, "USA→CHN": 3}
    assert (rec["source_country"], rec["target_country"]) == ("CHN", "USA")


def test_stories_the_three_day_2024_trip_consolidates_per_day(corpus, options) -> None:
    """The Shanghai stop (24 Apr) and the Beijing talks (26 Apr) are two CONSULT records."""
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    ep = next(e for e in stories.episodes if "cn24-xi" in e.doc_ids)
    consults = sorted(c["date"] for c in stories.consolidated if c["episode_id"] == ep.id and c["type"] == "CONSULT")
    assert consults == ["2024-04-24", "2024-04-26"]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ([("a", "Wire", None), ("b", "Post", "a"), ("c", "Hub", "b")], 1),  # a chain of copies
        ([("a", "Wire", None), ("b", "Wire", None)], 1),  # the same outlet twice
        ([("a", "The Harbour Post", None), ("b", "Harbour Post", None)], 1),  # "The" is not a new outlet
        ([("a", "Wire", None), ("b", "Post", None), ("c", None, None)], 3),  # unknown outlet counts alone
        ([("a", "Wire", None), ("b", "Post", "a"), ("c", "Post", None)], 1),  # copy + same outlet joins all
    ],
)
def test_stories_independent_sources(docs, expected) -> None:
    by_id = {i: Document(id=i, text="x", source=s, duplicate_of=dup) for i, s, dup in docs}
    assert independent_sources(list(by_id), by_id) == expected


def test_stories_negated_events_are_not_consolidated(corpus, options) -> None:
    from dataclasses import replace

    events = [replace(e, negated=True) if e.type == "SANCTION" else e for e in corpus.events]
    stories = build_stories(corpus.documents, events, corpus.quotes, options=options)
    assert not [c for c in stories.consolidated if c["type"] == "SANCTION"]


def test_stories_encyclopedia_events_stay_in_the_episode_but_are_not_consolidated(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    ep = next(e for e in stories.episodes if "anc-encyclopedia" in e.doc_ids)
    enc = {e.id for e in corpus.events if e.doc_id == "anc-encyclopedia"}
    assert enc <= set(ep.event_ids)
    assert not [c for c in stories.consolidated if "anc-encyclopedia" in c["doc_ids"]]
