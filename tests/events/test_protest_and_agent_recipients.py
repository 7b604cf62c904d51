"""Recipients and actors read through a thing or a go-between: a protest aimed at whoever is
behind what it protests (or the other side of a labour dispute), an investigation aimed at who
did the deed it looks into, and negotiators or shared forces standing for the parties they act
for. Real parses of sentences we wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _countries, _find

from communique.events import code_text, explain_text

# sentence, type, source country, target country
RECIPIENTS = [
    # the party behind a thing protested at, not the road blocked or the tyres burned
    ("Students blocked highways across the country against a plan by Bangladesh's government to restore "
     "job quotas.", "PROTEST", None, "BGD"),
    ("Farmers burned tyres outside parliament against President Milei's decision to cut subsidies.",
     "PROTEST", None, "ARG"),
    # a march on a building is aimed at it
    ("Teachers marched on the education ministry in Nairobi on Friday.", "PROTEST", None, "KEN"),
    # an investigation into a deed is aimed at its doer
    ("The UN launched an inquiry into air strikes by the Saudi-led coalition on markets in Yemen.",
     "ACCUSE", None, "SAU"),
    ("The tribunal opened an investigation into suspected atrocities by Serbian paramilitaries in Kosovo.",
     "ACCUSE", None, "SRB"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), RECIPIENTS)
def test_thing_recipient_read_through(nlp: Any, text: str, type_: str, src: str | None, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_strike_aimed_at_the_other_side_of_failed_talks(nlp: Any) -> None:
    ev = _find(code_text("Dock workers walked out on Monday after pay talks with the port operator DP World broke down."),
               "PROTEST")
    assert ev is not None and ev.target is not None and "DP World" in ev.target.text


def test_investigation_of_a_deed_with_no_doer_keeps_no_party(nlp: Any) -> None:
    """Only a named doer replaces the deed: an inquiry into a sinking has no party recipient."""
    ev = _find(code_text("The commission opened an investigation into the sinking of the ferry."), "ACCUSE")
    assert ev is not None and not any(a.country for a in ev.targets)


def test_negotiators_stand_for_the_parties_they_act_for(nlp: Any) -> None:
    ev = _find(code_text("Negotiators for Armenia and Azerbaijan resumed talks in Washington on Tuesday."), "CONSULT")
    assert ev is not None and {"ARM", "AZE"} <= _countries(ev.sources)


def test_forces_of_several_states_stand_for_the_states(nlp: Any) -> None:
    """The frame's actors are the states themselves (their phrases, not the warships')."""
    text = "Warships from Egypt, Greece and Cyprus held joint drills in the eastern Mediterranean."
    frames = [x.frame for x in explain_text(text)[1] if x.frame.type == "COOPERATE"]
    assert frames and [t.text for t in frames[0].sources] == ["Egypt", "Greece", "Cyprus"]
    one = [x.frame for x in explain_text("Warships from Egypt held drills with the French navy.")[1]
           if x.frame.type == "COOPERATE"]
    assert one and [t.text for t in one[0].sources] == ["Warships"]  # one state's ships stay its ships


def test_talks_hosted_by_a_third_party_are_mediation(nlp: Any) -> None:
    """"talks between A and B hosted by C": C mediates between them (CAMEO 045), besides the talks."""
    events = code_text("Talks between Armenian and Azerbaijani ministers, hosted in Washington by Secretary of State "
                       "Antony Blinken, ended without a deal.")
    mediation = [e for e in events if e.type == "CONSULT" and e.cameo == "045"]
    assert mediation and "USA" in _countries(mediation[0].sources)
    assert {"ARM", "AZE"} & _countries(mediation[0].targets)


def test_talks_with_no_host_have_no_mediator(nlp: Any) -> None:
    events = code_text("Talks between Armenian and Azerbaijani ministers ended without a deal.")
    assert not [e for e in events if e.cameo == "045"]
