"""Recipients the frame finder reads from beyond the verb's own slots: a protest's purpose clause,
the that-clause of a demand, the place a show of force is aimed at, a preposition under a
passive subject or a particle, and month names that are no marches. Real parses of sentences we
wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _countries, _find

from communique.events import code_text

# sentence, type, source country, target country
TARGETS = [
    # a protest's purpose clause names whom it is aimed at
    ("Thousands of Armenians poured into the streets of Yerevan to protest against Prime Minister Nikol Pashinyan.",
     "PROTEST", "ARM", "ARM"),
    ("Tunisian workers went on strike in May against President Kais Saied's bread subsidy plan.", "PROTEST", "TUN", "TUN"),
    # the subject of a demand's that-clause is the one asked (verb and noun)
    ("Kenya demanded that Uganda withdraw its troops from the island.", "REQUEST", "KEN", "UGA"),
    ("Egypt's demand that Ethiopia stop filling the dam went unanswered.", "REQUEST", "EGY", "ETH"),
    # a show of force is aimed at the place it surrounds or nears
    ("China's navy staged live-fire drills around the Philippines in May.", "MOBILIZE", "CHN", "PHL"),
    ("The Egyptian army held exercises near the Sudanese border.", "MOBILIZE", "EGY", "SDN"),
    # a passive's recipient under its subject; a place left through a particle
    ("Emergency aid to Haiti was cut by Canada after the coup.", "SANCTION", "CAN", "HTI"),
    ("Rwandan troops pulled out of Congo in 2002.", "RETREAT", "RWA", "COD"),
    # the one asked for a loan is the verb's object
    ("Nigeria asked the World Bank for an emergency loan.", "REQUEST", "NGA", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), TARGETS)
def test_frame_targets_recipient_found(nlp: Any, text: str, type_: str, src: str, tgt: str | None) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_frame_targets_asked_for_a_loan_names_the_lender(nlp: Any) -> None:
    ev = _find(code_text("Nigeria asked the World Bank for an emergency loan."), "REQUEST")
    assert ev is not None and ev.target is not None and "World Bank" in ev.target.text


def test_frame_targets_month_name_is_no_march(nlp: Any) -> None:
    """"in March 2008" is a date: no PROTEST for the month (the rally itself still is one)."""
    events = code_text("Kenyan farmers rallied in Nairobi in March.")
    assert [e.trigger for e in events if e.type == "PROTEST"] == ["rallied"]
    assert all(e.trigger != "March" for e in code_text("Chilean dockers went on strike in March 2019."))


def test_frame_targets_exercise_with_partner_stays_cooperation(nlp: Any) -> None:
    """The show-of-force recipient applies only to an exercise with no partner."""
    ev = _find(code_text("India held naval exercises with France off Goa."), "COOPERATE")
    assert ev is not None and "FRA" in _countries(ev.targets)
