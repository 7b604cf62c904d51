"""Tone series: mean PLOVER score per country pair and period, linked to its events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from story_corpus import BLINKEN, CHINA, Corpus

from communique.errors import ConfigError
from communique.stories import tone_series


def test_stories_tone_weekly_points_for_us_china(corpus) -> None:
    points = tone_series(corpus.events, dyad=("USA", "CHN"), freq="week")
    assert [p["period"] for p in points] == ["2021-03-15", "2023-06-12", "2023-06-19", "2024-04-22"]
    assert {p["pair"] for p in points} == {"CHN-USA"}
    week = points[0]
    evs = [e for e in corpus.events if e.id in week["event_ids"]]
    assert week["count"] == len(evs) == 18  # wire 5, syndicated 5, respun 3, wrap 3, encyclopedia 2
    assert week["mean"] == pytest.approx(sum(e.score for e in evs) / len(evs), abs=1e-3)
    assert week["conflict_share"] == pytest.approx(sum(e.quad in (3, 4) for e in evs) / len(evs), abs=1e-3)


@pytest.mark.parametrize(
    ("freq", "periods"),
    [
        ("day", ["2020-09-10"]),
        ("week", ["2020-09-07"]),
        ("month", ["2020-09"]),
    ],
)
def test_stories_tone_frequencies(corpus, freq: str, periods: list[str]) -> None:
    points = tone_series(corpus.events, dyad=("CHN", "IND"), freq=freq)
    assert [p["period"] for p in points] == periods
    assert points[0]["pair"] == "CHN-IND" and points[0]["count"] == 7


def test_stories_tone_without_dyad_lists_every_pair(corpus) -> None:
    pairs = {p["pair"] for p in tone_series(corpus.events, freq="month")}
    assert pairs == {"CHN-USA", "CHN-IND"}


def test_stories_tone_skips_undated_targetless_negated_and_domestic_events() -> None:
    c = Corpus()
    c.doc("d", "Blinken criticised China. Blinken spoke. Blinken praised Washington.", source="W",
          published="2021-03-19", title="t")
    kept = c.event("d", "ACCUSE", BLINKEN, CHINA, "criticised", "criticised", "2021-03-18")
    events = [
        kept,
        replace(kept, id="undated", date=None),
        replace(kept, id="no-target", target=None),
        replace(kept, id="negated", negated=True),
        replace(kept, id="domestic", target=BLINKEN),
    ]
    points = tone_series(events, freq="day")
    assert [(p["period"], p["event_ids"], p["mean"], p["conflict_share"]) for p in points] == [
        ("2021-03-18", [kept.id], -2.5, 1.0)]


def test_stories_tone_rejects_unknown_frequency(corpus) -> None:
    with pytest.raises(ConfigError) as err:
        tone_series(corpus.events, freq="year")
    assert err.value.code == "C271"
