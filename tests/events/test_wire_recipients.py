"""Recipients that long wire sentences name away from the verb: the maker of a thing ("a map
published by Beijing"), the noun a relative pronoun stands for, the party a show of force or a
crackdown answers ("after North Korea fired ..."), and the purpose clause of a deployment. Real
parses of sentences we wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _countries, _find

from communique.events import code_text, explain_text
from communique.events.frames import np_span


def _frame_target(text: str, type_: str) -> list[str]:
    """The recipient phrases of the first frame of ``type_`` (the event drops a common noun it
    cannot resolve to an actor, the frame keeps it)."""
    _, explained = explain_text(text)
    frame = next(x.frame for x in explained if x.frame.type == type_)
    return [text[slice(*np_span(t))] for t in frame.targets]

# sentence, type, source country, target country
RECIPIENTS = [
    # a thing is no recipient: whoever made it or did it is
    ("Manila rejected a new fishing map published by Beijing last week.", "REJECT", "PHL", "CHN"),
    ("UN investigators examined abuses by Ugandan soldiers near the border.", "ACCUSE", None, "UGA"),
    # a relative pronoun stands for the noun its clause hangs on (through an apposition to the name)
    # a show of force answers the party named in its after/as clause, not the actor's own forces
    ("Japan put its air force on high alert after North Korea fired two missiles over Hokkaido.",
     "MOBILIZE", "JPN", "PRK"),
    ("Taiwan put its forces on alert as Chinese warships entered the strait.", "MOBILIZE", "TWN", "CHN"),
    # so does a protest note
    ("Tokyo lodged a protest hours after North Korea fired a missile over Hokkaido.", "ACCUSE", "JPN", "PRK"),
    # a deployment's purpose clause names whom it is meant to deter
    ("Washington sent a carrier group to the Gulf to deter Tehran.", "MOBILIZE", "USA", "IRN"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), RECIPIENTS)
def test_wire_recipients_found(nlp: Any, text: str, type_: str, src: str | None, tgt: str | None) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_wire_recipients_relative_pronoun_is_replaced_by_its_noun(nlp: Any) -> None:
    text = "The new tariff law, which Brussels lashed out at on Monday, takes effect in June."
    assert _frame_target(text, "ACCUSE") == ["new tariff law"]


def test_wire_recipients_relative_pronoun_through_an_apposition(nlp: Any) -> None:
    """"Navalny, the opposition leader who was detained": the name, not "the opposition leader"."""
    ev = _find(code_text("Alexei Navalny, the opposition leader who was detained by Russian police at a Moscow "
                         "airport, went on trial."), "COERCE")
    assert ev is not None and ev.target is not None and "Navalny" in ev.target.text


def test_wire_recipients_curfew_answers_the_crowd_in_the_after_clause(nlp: Any) -> None:
    text = "Bolivia's government imposed a curfew after opposition supporters set fire to the city hall."
    assert _frame_target(text, "COERCE") == ["opposition supporters"]
    assert _frame_target("Bolivia's government imposed a curfew after miners set fire to the city hall.",
                         "COERCE") == ["miners"]


def test_wire_recipients_event_in_the_as_clause_is_no_provoker(nlp: Any) -> None:
    """"as the strike spread": a strike is an event, not a party; the arrest keeps its object."""
    ev = _find(code_text("Police in Lagos detained dozens of students as the strike spread."), "COERCE")
    assert ev is not None and ev.target is not None and "students" in ev.target.text


def test_wire_recipients_deployment_to_a_country_keeps_the_country(nlp: Any) -> None:
    """A state the troops are sent to is a recipient; no clause is searched for another."""
    ev = _find(code_text("Rwanda deployed troops to Mozambique in July, after insurgents seized a port."), "MOBILIZE")
    assert ev is not None and "MOZ" in _countries(ev.targets)


def test_wire_recipients_participle_after_its_noun_is_a_passive(nlp: Any) -> None:
    """"Ochoa, extradited by Colombia to the United States, ...": the by-phrase acts."""
    ev = _find(code_text("The financier Fabio Ochoa, extradited by Colombia to the United States on Friday, "
                         "appeared in a Miami court."), "COOPERATE")
    assert ev is not None and "COL" in _countries(ev.sources) and "USA" in _countries(ev.targets)


def test_wire_recipients_talks_hosted_by_a_third_party_stay_talks(nlp: Any) -> None:
    """"Talks between A and B, hosted by X": the host's participle does not swallow the talks."""
    events = code_text("Talks between Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham "
                       "Aliyev, hosted in Washington by the US secretary of state, ended without a deal.")
    ev = _find(events, "CONSULT")
    assert ev is not None and {"ARM", "AZE"} <= _countries(ev.sources) | _countries(ev.targets)


def test_wire_recipients_decision_to_act_is_its_owners_act(nlp: Any) -> None:
    """"Tokyo's decision to curb chip exports to Beijing": Tokyo curbs (a nominal control)."""
    ev = _find(code_text("Tokyo's decision to curb chip exports to Beijing angered Chinese officials."), "SANCTION")
    assert ev is not None and "JPN" in _countries(ev.sources) and "CHN" in _countries(ev.targets)


def test_wire_recipients_ready_to_meet_in_reported_speech(nlp: Any) -> None:
    """"said he was willing to meet X": the speaker's promise (AGREE); "not willing" is none."""
    text = "Rwandan President Paul Kagame said he was willing to meet Congolese President Felix Tshisekedi in Doha."
    ev = _find(code_text(text), "AGREE")
    assert ev is not None and "RWA" in _countries(ev.sources) and "COD" in _countries(ev.targets)
    assert ev.source.text == "Rwandan President Paul Kagame"
    assert _find(code_text(text.replace("was willing", "was not willing")), "AGREE") is None


def test_wire_recipients_climb_down_answers_the_crowd(nlp: Any) -> None:
    text = "Ecuador's government scrapped the fuel tax after indigenous groups blocked highways for a week."
    assert _frame_target(text, "CONCEDE") == ["indigenous groups"]


RESULTS = [
    # a result clause answers whoever prompted it
    ("North Korea fired a missile over Japan, prompting Tokyo to lodge a formal protest.", "ACCUSE", "JPN", "PRK"),
    ("Lithuania opened a Taiwanese representative office in Vilnius, prompting Beijing to recall its ambassador.",
     "SANCTION", "CHN", "LTU"),
    # a by-phrase the parser hung on the of-phrase still names the actor of the event noun; a
    # rebuke it drew is aimed at that actor
    ("The expulsion of four Russian diplomats by Prague drew a sharp rebuke from Moscow.", "SANCTION", "CZE", "RUS"),
    ("The expulsion of four Russian diplomats by Prague drew a sharp rebuke from Moscow.", "ACCUSE", "RUS", "CZE"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), RESULTS)
def test_wire_recipients_results_and_reactions(nlp: Any, text: str, type_: str, src: str, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_wire_recipients_rebuke_without_a_named_critic_is_no_event(nlp: Any) -> None:
    """"drew a sharp rebuke" with no from-phrase names no actor: nothing is coded for it."""
    events = code_text("The expulsion of four Russian diplomats by Prague drew a sharp rebuke.")
    assert not [e for e in events if e.type == "ACCUSE"]


AIMED = [
    # "in a bid to ..." is a purpose clause; a crowd it is meant to silence is the recipient
    ("Yeltsin ordered 5,000 troops into the North Caucasus in a bid to seal off Chechnya.", "MOBILIZE", "RUS", "RUS"),
    # a listener told of the act is whom it is aimed at
    ("Israeli Prime Minister Ehud Olmert told Palestinian President Mahmoud Abbas that Israel would remove "
     "dozens of West Bank roadblocks.", "CONCEDE", "ISR", "PSE"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), AIMED)
def test_wire_recipients_aimed_at(nlp: Any, text: str, type_: str, src: str, tgt: str | None) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_wire_recipients_purpose_crowd(nlp: Any) -> None:
    text = "Iran cut off internet access across the country to silence protesters."
    assert _frame_target(text, "COERCE") == ["protesters"]


def test_wire_recipients_crackdown_aimed_at_the_accused(nlp: Any) -> None:
    """"declared martial law, accusing the opposition of ...": the accused is the recipient."""
    text = "Thailand's army chief declared martial law, accusing the opposition of inciting unrest."
    assert _frame_target(text, "COERCE") == ["opposition of inciting unrest"]


PLACES = [
    # an unnamed thing hit, closed or freed gives way to the named place it is in
    ("Ukrainian drones hit an oil refinery in Russia's Ryazan region overnight.", "ASSAULT", "UKR", "RUS"),
    ("Philippine President Rodrigo Duterte lifted martial law in Mindanao in 2019.", "CONCEDE", "PHL", "PHL"),
    # a named or counted recipient stays
    ("Iran's Revolutionary Guards seized the British-flagged tanker Stena Impero in the Strait of Hormuz.",
     "COERCE", "IRN", "GBR"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), PLACES)
def test_wire_recipients_place_of_an_unnamed_thing(nlp: Any, text: str, type_: str, src: str, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_wire_recipients_people_are_not_replaced_by_their_place(nlp: Any) -> None:
    text = "RSF fighters raped women and girls in West Darfur in 2023."
    assert _frame_target(text, "ASSAULT")[0].startswith("women")


def test_wire_recipients_party_under_the_thing_of_an_event_noun(nlp: Any) -> None:
    """"Beijing's promise of a railway with Laos": Laos, not the railway, is the recipient."""
    ev = _find(code_text("Beijing's promise of a jointly built railway with Laos was hailed in Vientiane."), "AGREE")
    assert ev is not None and "CHN" in _countries(ev.sources) and "LAO" in _countries(ev.targets)


def test_wire_recipients_rejected_demand_names_who_made_it(nlp: Any) -> None:
    """"rejected demands from the opposition Al-Wefaq movement": the movement, a named common noun."""
    text = "Manama rejected demands from the opposition Al-Wefaq movement for a new constitution."
    assert _frame_target(text, "REJECT") == ["opposition Al-Wefaq movement"]
