"""Two readings that change an event's type: agreeing to a ceasefire or offering an apology makes
it (CONCEDE, as the sentence sets label it; a promise to withdraw stays AGREE 035), and forces
sent to help or protect, or at a government's request, are protection (AID 074) rather than a
show of force; and whom a concession concerns (what was eased, granted or conceded names it).
Sentences we wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _countries, _find

from communique.events import code_text, explain_text
from communique.events.frames import np_span


def test_agreed_ceasefire_is_declared(nlp: Any) -> None:
    events = code_text("Armenia and Azerbaijan agreed to a ceasefire on Saturday after four days of clashes.")
    ev = _find(events, "CONCEDE")
    assert ev is not None and ev.cameo == "0871" and "ARM" in _countries(ev.sources)
    assert _find(events, "AGREE") is None


def test_offered_apology_is_an_apology_to_the_recipient(nlp: Any) -> None:
    ev = _find(code_text("Belgium's king offered an apology to Congo for the abuses of colonial rule."), "CONCEDE")
    assert ev is not None and "COD" in _countries(ev.targets)


def test_promise_to_withdraw_stays_agree(nlp: Any) -> None:
    """Only a declared yielding noun changes: a promise to pull out is still AGREE (035)."""
    ev = _find(code_text("Uganda undertook to withdraw its troops from South Sudan."), "AGREE")
    assert ev is not None and ev.cameo == "035"


def test_troops_sent_to_protect_are_protection(nlp: Any) -> None:
    events = code_text("Senegal sent troops to Gambia to protect the new president from the old guard.")
    ev = _find(events, "AID")
    assert ev is not None and ev.cameo == "074" and "GMB" in _countries(ev.targets)
    assert _find(events, "MOBILIZE") is None


def test_troops_sent_at_a_request_aid_the_requester(nlp: Any) -> None:
    ev = _find(code_text("Russia dispatched paratroopers to Kazakhstan at the request of President Tokayev."), "AID")
    assert ev is not None and ev.cameo == "074"
    assert any("Tokayev" in a.text for a in ev.targets)


def test_troops_massed_to_pressure_stay_mobilize(nlp: Any) -> None:
    ev = _find(code_text("Turkey massed troops on the Syrian border to pressure Damascus."), "MOBILIZE")
    assert ev is not None


def test_doctors_dispatched_are_aid(nlp: Any) -> None:
    ev = _find(code_text("Cuba dispatched 200 doctors and nurses to Peru after the floods."), "AID")
    assert ev is not None and "CUB" in _countries(ev.sources) and "PER" in _countries(ev.targets)


# sentence, source country, recipient phrase: whom an eased restriction, a granted amnesty or a
# met demand concerns
EASED = [
    ("Kazakh authorities lifted the curfew imposed on residents of Almaty after a week.", "KAZ", "residents"),
    ("Israel eased its blockade of Gaza in June 2010.", "ISR", "Gaza"),
    ("The ELN declared a unilateral ceasefire against Colombian government forces over Christmas.", None, "forces"),
    ("The Kenyan government conceded the main demand of striking doctors in March.", "KEN", "doctors"),
]


@pytest.mark.parametrize(("text", "src", "phrase"), EASED)
def test_concession_recipient_from_what_is_eased(nlp: Any, text: str, src: str | None, phrase: str) -> None:
    a, explained = explain_text(text)
    frames = [x for x in explained if x.frame.type == "CONCEDE" and x.event is not None]
    assert frames, [(x.frame.type, x.frame.pattern) for x in explained]
    f = frames[0]
    if src is not None:
        assert src in _countries(frames[0].event.sources)
    assert any(phrase in a.doc.text[slice(*np_span(t))] for t in f.frame.targets), [t.text for t in f.frame.targets]
