"""Episodes: which documents belong together, and what each episode says about itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from story_corpus import build_corpus

from communique.config import Options
from communique.records import Document
from communique.stories import build_stories
from communique.stories.episodes import dateline_place

EXPECTED_GROUPS = [
    {"in-cn-moscow", "in-cn-moscow-b"},
    {"anc-wire", "anc-syndicated", "anc-respun", "anc-wrap", "anc-encyclopedia"},
    {"bj23-qin", "bj23-xi"},
    {"us-entity-2023"},
    {"cn24-shanghai", "cn24-wangyi", "cn24-xi"},
]


def _groups(stories) -> list[set[str]]:
    return [set(ep.doc_ids) for ep in stories.episodes]


@pytest.mark.parametrize("date_encyclopedia", [True, False], ids=["encyclopedia-dated", "encyclopedia-undated"])
def test_stories_groups_reports_of_the_same_talks_and_keeps_other_episodes_apart(
    date_encyclopedia: bool, options: Options
) -> None:
    c = build_corpus(date_encyclopedia=date_encyclopedia)
    stories = build_stories(c.documents, c.events, c.quotes, options=options)
    assert sorted(map(sorted, _groups(stories))) == sorted(map(sorted, EXPECTED_GROUPS))


@pytest.mark.parametrize(
    ("doc_id", "label", "start", "end", "place", "country", "participants", "kind"),
    [
        ("anc-wire", "USA–CHN talks in Anchorage, 18–19 Mar 2021", "2021-03-18", "2021-03-19", "Anchorage",
         "USA", ("USA", "CHN"), "talks"),
        ("bj23-qin", "USA–CHN visit in Beijing, 18–19 Jun 2023", "2023-06-18", "2023-06-19", "Beijing",
         "CHN", ("USA", "CHN"), "visit"),
        ("cn24-xi", "USA–CHN visit in Beijing, 24–26 Apr 2024", "2024-04-24", "2024-04-26", "Beijing",
         "CHN", ("USA", "CHN"), "visit"),
        ("in-cn-moscow", "IND–CHN meeting in Moscow, 10 Sep 2020", "2020-09-10", "2020-09-10", "Moscow",
         "RUS", ("IND", "CHN"), "meeting"),
    ],
)
def test_stories_episode_label_dates_place_participants_and_kind(
    corpus, options, doc_id, label, start, end, place, country, participants, kind
) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    ep = next(e for e in stories.episodes if doc_id in e.doc_ids)
    assert (ep.label, ep.start, ep.end, ep.place, ep.country, ep.participants, ep.kind) == (
        label, start, end, place, country, participants, kind)


def test_stories_episode_links_its_events_and_quotes_and_tone_is_their_mean(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    ep = next(e for e in stories.episodes if "bj23-qin" in e.doc_ids)
    want = [e for e in corpus.events if e.doc_id in ("bj23-qin", "bj23-xi")]
    assert set(ep.event_ids) == {e.id for e in want}
    assert set(ep.quote_ids) == {"bj23-qin#q0"}
    assert ep.tone == pytest.approx(sum(e.score for e in want) / len(want), abs=1e-3)


def test_stories_every_document_and_event_is_in_at_most_one_episode(corpus, options) -> None:
    stories = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    docs = [d for ep in stories.episodes for d in ep.doc_ids]
    events = [e for ep in stories.episodes for e in ep.event_ids]
    assert sorted(docs) == sorted(d.id for d in corpus.documents)
    assert len(events) == len(set(events))


def test_stories_episode_ids_are_stable_across_runs_and_input_order(corpus, options) -> None:
    first = build_stories(corpus.documents, corpus.events, corpus.quotes, options=options)
    again = build_stories(corpus.documents[::-1], corpus.events[::-1], corpus.quotes, options=options)
    assert [(e.id, set(e.doc_ids)) for e in first.episodes] == [(e.id, set(e.doc_ids)) for e in again.episodes]


def test_stories_same_people_two_years_later_is_a_new_episode(options) -> None:
    """A copy of the 2023 Beijing report moved two years on does not join the 2023 episode."""
    c = build_corpus()
    later = next(d for d in c.documents if d.id == "bj23-xi")
    c.documents.append(replace(later, id="bj25-xi", published="2025-06-19", title="Xi meets Blinken again"))
    for e in [e for e in c.events if e.doc_id == "bj23-xi"]:
        c.events.append(replace(e, id=e.id.replace("bj23", "bj25"), doc_id="bj25-xi",
                                date=e.date.replace("2023", "2025")))
    stories = build_stories(c.documents, c.events, c.quotes, options=options)
    ep = next(e for e in stories.episodes if "bj25-xi" in e.doc_ids)
    assert ep.doc_ids == ("bj25-xi",) and ep.start == "2025-06-19"


def test_stories_reports_every_few_days_do_not_chain_into_one_long_episode(options) -> None:
    """Reports of the same pair every four days, each like the next, split once an episode would
    span more than two windows."""
    c = build_corpus()
    base = next(d for d in c.documents if d.id == "in-cn-moscow-b")
    evs = [e for e in c.events if e.doc_id == "in-cn-moscow-b"]
    for week in range(1, 9):
        day = (date(2020, 9, 10) + timedelta(days=4 * week)).isoformat()
        c.documents.append(replace(base, id=f"weekly-{week}", published=day, source=f"Outlet {week}"))
        c.events += [replace(e, id=f"weekly-{week}-{i}", doc_id=f"weekly-{week}", date=day) for i, e in enumerate(evs)]
    stories = build_stories(c.documents, c.events, c.quotes, options=options)
    for ep in stories.episodes:
        if ep.start and ep.end:
            span = (date.fromisoformat(ep.end) - date.fromisoformat(ep.start)).days
            assert span <= 2 * options.get("stories.window_days")
    assert sum(1 for ep in stories.episodes if set(ep.participants) == {"IND", "CHN"}) >= 2


def test_stories_document_without_events_joins_by_text_or_stands_alone(options) -> None:
    c = build_corpus()
    wire = next(d for d in c.documents if d.id == "anc-wire")
    c.documents.append(Document(id="anc-stub", text=wire.text[:600], title=wire.title, source="Stub Daily",
                                published="2021-03-19"))
    c.documents.append(Document(id="unrelated", text="Heavy rain flooded the valley roads on Sunday, "
                                "closing schools and cutting power to three villages.", source="Local",
                                published="2021-03-19"))
    stories = build_stories(c.documents, c.events, c.quotes, options=options)
    anc = next(e for e in stories.episodes if "anc-wire" in e.doc_ids)
    assert "anc-stub" in anc.doc_ids
    alone = next(e for e in stories.episodes if "unrelated" in e.doc_ids)
    assert alone.doc_ids == ("unrelated",) and alone.participants == ()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ANCHORAGE, Alaska (Meridian Wire) — The first face-to-face meeting", "Anchorage"),
        ("NEW DELHI — India said on October 21", "New Delhi"),
        ("BEIJING (Meridian Wire) — Secretary of State", "Beijing"),
        ("The 2021 Alaska summit was a two-day meeting", None),
    ],
)
def test_stories_dateline_place(text: str, place: str | None) -> None:
    assert dateline_place(text) == place


def test_stories_window_days_must_be_positive(corpus) -> None:
    from communique.errors import ConfigError

    bad = Options().with_overrides({"stories.window_days": 0})
    with pytest.raises(ConfigError) as err:
        build_stories(corpus.documents, corpus.events, corpus.quotes, options=bad)
    assert err.value.code == "C270"


def test_stories_empty_input_gives_empty_stories(options) -> None:
    stories = build_stories([], [], [], options=options)
    assert (stories.episodes, stories.consolidated, stories.doc_flags, stories.issue_mentions) == ([], [], {}, [])


def test_stories_same_person_same_pair_same_days_joins_despite_different_words(options) -> None:
    """Two stops of one trip told in different words and places join through the traveller."""
    from story_corpus import BLINKEN, CHINA, SHANGHAI, WANG, Corpus, Location

    c = Corpus()
    c.doc("stop-1", "SHANGHAI — Antony Blinken watched a basketball game with students on Wednesday.",
          source="A", published="2024-04-24", title="Basketball diplomacy")
    c.doc("stop-2", "GUANGZHOU — Blinken toured a port terminal and praised container throughput.",
          source="B", published="2024-04-25", title="Port tour")
    c.event("stop-1", "CONSULT", BLINKEN, CHINA, "watched", "watched", "2024-04-24", location=SHANGHAI)
    c.event("stop-2", "SUPPORT", BLINKEN, WANG, "praised", "praised", "2024-04-25",
            location=Location("Guangzhou", "CHN", "city"))
    stories = build_stories(c.documents, c.events, c.quotes, options=options)
    assert [set(e.doc_ids) for e in stories.episodes] == [{"stop-1", "stop-2"}]


def test_stories_stated_date_range_sets_the_episode_end(options) -> None:
    from story_corpus import BLINKEN, YANG, Corpus

    c = Corpus()
    c.doc("enc", "The summit was a two-day meeting held on March 18–19, 2021, in Anchorage.", source="Openpedia",
          published=None, title="Summit")
    ev = c.event("enc", "CONSULT", BLINKEN, YANG, "two-day", "meeting", "2021-03-18")
    c.events[0] = replace(ev, date_reason="date range 'March 18–19, 2021'", date_end="2021-03-19")
    [ep] = build_stories(c.documents, c.events, c.quotes, options=options).episodes
    assert (ep.start, ep.end, ep.label) == ("2021-03-18", "2021-03-19", "USA–CHN talks, 18–19 Mar 2021")  # two days: talks


def test_stories_announced_future_meeting_does_not_stretch_the_episode(options) -> None:
    from story_corpus import BLINKEN, QIN, Corpus

    c = Corpus()
    c.doc("d", "Blinken met Qin on Sunday. Qin agreed to visit Washington in October.", source="W",
          published="2023-06-19", title="t")
    c.event("d", "CONSULT", BLINKEN, QIN, "met Qin", "met", "2023-06-18")
    c.event("d", "AGREE", QIN, BLINKEN, "agreed to visit", "agreed", "2023-06-22")
    [ep] = build_stories(c.documents, c.events, c.quotes, options=options).episodes
    assert (ep.start, ep.end) == ("2023-06-18", "2023-06-18")


def test_stories_crisis_is_dated_by_all_its_events(options) -> None:
    """No meeting: the launch (18 Dec) and the condemnation (19 Dec) both date the episode."""
    from story_corpus import ActorRef, Corpus

    prk = ActorRef("North Korea", "North Korea", "PRK", "MIL")
    jpn = ActorRef("Tokyo", "Japan", "JPN", "GOV")
    c = Corpus()
    c.doc("nk", "SEOUL — North Korea fired a long-range missile into the sea on Monday. "
          "Tokyo condemned the launch on Tuesday.", source="W", published="2023-12-19", title="Launch")
    c.event("nk", "ASSAULT", prk, jpn, "fired", "fired", "2023-12-18")
    c.event("nk", "ACCUSE", jpn, prk, "condemned", "condemned", "2023-12-19")
    [ep] = build_stories(c.documents, c.events, c.quotes, options=options).episodes
    assert (ep.start, ep.end, ep.kind) == ("2023-12-18", "2023-12-19", "crisis")
