"""A deployment or alert aimed at the party whose act it meets ("ahead of a launch by X", "in
response to X's buildup", "for an intervention against the junta"), not the place the forces
went to or the forces themselves; a named town hit keeps its place against the victims counted
after it; a finite verb the parser read as a participle on its subject still has that subject.
Sentences we wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _countries, _find

from communique.events import code_text, explain_text
from communique.events.frames import np_span

# sentence, type, source country, target country
FOES = [
    ("Seoul deployed extra air defence batteries on Jeju ahead of a satellite launch by North Korea.",
     "MOBILIZE", "KOR", "PRK"),
    ("Poland put its troops on alert in response to Belarus's military buildup near the border.", "MOBILIZE", "POL", "BLR"),
    ("Armoured columns were moved to the northern frontier by Israel ahead of an offensive against Hezbollah.",
     "MOBILIZE", "ISR", "LBN"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), FOES)
def test_deployment_aimed_at_the_act_it_meets(nlp: Any, text: str, type_: str, src: str, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_deployment_with_no_foe_named_keeps_its_place(nlp: Any) -> None:
    ev = _find(code_text("Egypt deployed troops along its border with Libya in July."), "MOBILIZE")
    assert ev is not None and "LBY" in _countries(ev.targets)


def _target_phrases(text: str, type_: str) -> list[str]:
    """The recipient phrases of the first ``type_`` frame (an unresolved phrase is no actor, so
    the frame, not the event, shows which one was chosen)."""
    a, explained = explain_text(text)
    frames = [x.frame for x in explained if x.frame.type == type_]
    assert frames, [x.frame.pattern for x in explained]
    return [a.doc.text[slice(*np_span(t))] for t in frames[0].targets]


# sentence, type, a word of the target phrase the frame must have
TARGET_WORDS = [
    # "bombed the town of X, killing 30 people": the town named in its of-phrase is the recipient
    ("Syrian jets bombed the rebel-held town of Saraqib, killing 30 civilians.", "ASSAULT", "Saraqib"),
    # an unnamed building hit gives way to the victims counted after it
    ("A suicide bomber struck a mosque in Peshawar, killing 60 worshippers.", "ASSAULT", "worshippers"),
    # only property gives way to its owner: hostages seized from a village are the recipients
    ("Rebels seized two hostages from a village in Kivu.", "ASSAULT", "hostages"),
    # the people aboard a vehicle hit are the recipients
    ("Al-Shabaab fighters blew up a minibus carrying Kenyan police officers near Mandera.", "ASSAULT", "officers"),
    ("Separatists hijacked a passenger train with 200 commuters aboard in Balochistan.", "ASSAULT", "commuters"),
]


@pytest.mark.parametrize(("text", "type_", "word"), TARGET_WORDS)
def test_target_phrase_names_what_was_hit(nlp: Any, text: str, type_: str, word: str) -> None:
    found = _target_phrases(text, type_)
    assert any(word in t for t in found), found


def test_past_verb_misread_as_participle_keeps_its_subject(nlp: Any) -> None:
    ev = _find(code_text("A senior Japanese diplomat conferred with Chinese Foreign Minister Wang Yi in Beijing this week."),
               "CONSULT")
    assert ev is not None and "JPN" in _countries(ev.sources) and "CHN" in _countries(ev.targets)


def test_reduced_passive_is_no_misread(nlp: Any) -> None:
    """"the weapons seized last week": a real participle, no actor for the seizure."""
    assert _find(code_text("The weapons seized last week included rifles and grenades."), "COERCE") is None


# sentence, type, source country, target country: property seized is taken from its owner;
# weapons surrendered go to whoever receives them
OWNERS = [
    ("Venezuelan troops confiscated farmland from Colombian settlers near the border.", "COERCE", "VEN", "COL"),
    ("A tanker owned by Greece's Avin International was seized by Iran in the Gulf of Oman.", "COERCE", "IRN", "GRC"),
    ("Maoist rebels in Nepal surrendered their rifles to UN monitors in 2007.", "RETREAT", "NPL", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), OWNERS)
def test_owner_or_receiver_is_the_recipient(nlp: Any, text: str, type_: str, src: str, tgt: str | None) -> None:
    _assert_recipient(text, type_, src, tgt)




def test_visa_denied_to_a_person_names_the_person(nlp: Any) -> None:
    _assert_recipient("Washington denied a visa to Iranian President Ebrahim Raisi in 2022.", "REJECT", "USA", "IRN")
