"""actor_accuracy on GSR-shaped records written here (not the benchmark file)."""

from __future__ import annotations

from communique.actors.evaluate import actor_accuracy, same_country

RECORDS = [
    {
        "id": "T-1",
        "text": "Senior Hungarian and Romanian officials agreed on Wednesday to reopen the border crossing.",
        "actor": [{"text": "Hungarian", "code": "HUN", "sector": "GOV"}, {"text": "Romanian", "code": "ROU", "sector": "GOV"}],
        "recipient": [],
    },
    {
        "id": "T-2",
        "text": "Kenyan police fired tear gas at protesters in Nairobi.",
        "actor": [{"text": "Kenyan police", "code": "KEN", "sector": "COP"}],
        "recipient": [{"text": "protesters", "code": "KEN", "sector": "CVL"}],
    },
    {
        "id": "T-3",
        "text": "The United Nations urged Myanmar to free political prisoners.",
        "actor": [{"text": "The United Nations", "code": "IGO", "sector": None}],
        "recipient": [{"text": "Myanmar", "code": "MMR", "sector": None}],
    },
]


def test_actors_evaluate_scores_country_and_sector_together() -> None:
    r = actor_accuracy(RECORDS)
    assert r["n"] == 6
    assert r["accuracy"] == 1.0 and r["country_accuracy"] == 1.0 and r["sector_accuracy"] == 1.0
    assert r["errors"] == []


def test_actors_evaluate_reports_misses_with_gold_and_answer() -> None:
    records = [
        {
            "id": "T-4",
            "text": "Gunmen attacked a convoy on the main road, officials said.",
            "actor": [{"text": "Gunmen", "code": "AFG", "sector": "UAF"}],
            "recipient": [{"text": "a convoy", "code": "AFG", "sector": "MIL"}],
        }
    ]
    r = actor_accuracy(records)
    assert r["n"] == 2 and r["accuracy"] == 0.0 and r["sector_accuracy"] == 0.5
    assert [(e["text"], e["gold"], e["got"]) for e in r["errors"]] == [("Gunmen", "AFGUAF", "---UAF"), ("a convoy", "AFGMIL", "---")]


def test_actors_evaluate_un_and_eu_count_as_igo() -> None:
    assert same_country("IGO", "UNO") and same_country("IGO", "EUR") and not same_country("IGO", "NGO")
