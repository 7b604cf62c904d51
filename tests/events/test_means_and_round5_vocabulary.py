"""Fifth-round vocabulary and the mechanics it leans on: the user of a means acts ("used drones to
destroy ..."), any of several coordinated objects names the kind of thing acted on, a particle's
counted object ("with thousands of rockets"), carried-out easing of economic sanctions as
RETREAT (CAMEO 085), and detentions, cut-offs, revoked permits, demolitions and hijackings.
Real-shaped sentences we wrote, coded by the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _countries, _find

from communique.events import code_text, explain_text
from communique.events.frames import np_span

# sentence, type, CAMEO (None = don't care), source country, target country (None = don't care)
VOCABULARY = [
    # the user of a means is the actor of its to-clause, not the means
    ("Moscow used glide bombs to pound Ukrainian positions near Bakhmut.", "ASSAULT", None, "RUS", "UKR"),
    ("Turkey used armed drones to destroy dozens of Kurdish militia vehicles in Syria.", "ASSAULT", None, "TUR", None),
    # a named object coordinated with a counted kind ("TikTok and dozens of other apps")
    ("Pakistan banned X and several other foreign apps during the election.", "COERCE", "1721", "PAK", None),
    # "supplied X with thousands of rockets": the counted thing after "with" names the aid
    ("Tehran furnished the Houthis with thousands of rockets.", "AID", None, "IRN", "YEM"),
    # carried-out easing of economic sanctions is RETREAT; announced, CONCEDE
    ("The European Union lifted its sanctions on Uzbekistan in 2009.", "RETREAT", "085", "EUR", "UZB"),
    ("Canada said it would ease sanctions on Syria next month.", "CONCEDE", None, "CAN", "SYR"),
    # detention of people other than the usual suspects, confinement
    ("Egyptian police held the poet Ahmed Douma for two years without trial.", "COERCE", "173", "EGY", None),
    ("Rights groups said Iranian authorities had confined dozens of students in a military barracks.",
     "COERCE", "173", "IRN", None),
    # cutting a region off from power or services; revoking permits; demolitions; hijacks
    ("Serbian hackers knocked out power to parts of Kosovo in 2023.", "COERCE", "191", None, "KOS"),
    ("Myanmar's junta revoked the licences of five independent newspapers.", "COERCE", "172", "MMR", None),
    ("Indian authorities tore down hundreds of homes in the Nuh district of Haryana.", "ASSAULT", "1712", "IND", None),
    ("Chechen gunmen took over a Turkish ferry in the Black Sea port of Trabzon.", "ASSAULT", "181", None, "TUR"),
    # a named person taken in is given refuge; goods coordinated with people flown in are aid
    ("The ousted Afghan president was taken in by Tajikistan after the fall of Kabul.", "AID", "075", "TJK", "AFG"),
    ("Turkey flew a team of rescuers and 40 tonnes of supplies to Morocco after the earthquake.", "AID", None, "TUR", "MAR"),
    # reopening talks is holding them again (a light verb like "resume")
    ("Belgrade reopened negotiations with Pristina in Brussels on Monday.", "CONSULT", "040", "SRB", None),
]


@pytest.mark.parametrize(("text", "type_", "cameo", "src", "tgt"), VOCABULARY)
def test_round5_vocabulary(nlp: Any, text: str, type_: str, cameo: str | None, src: str | None, tgt: str | None) -> None:
    events = code_text(text)
    ev = _find(events, type_)
    assert ev is not None, [(e.type, e.cameo, e.pattern) for e in events]
    if cameo is not None:
        assert ev.cameo == cameo, ev.cameo
    if src is not None:
        assert src in _countries(ev.sources), [a.code for a in ev.sources]
    if tgt is not None:
        assert tgt in _countries(ev.targets), [a.code for a in ev.targets]


def test_means_is_no_actor(nlp: Any) -> None:
    """"used drones to strike X": the drones are not the source of the strike."""
    ev = _find(code_text("Russia used Iranian-made drones to strike Kyiv's power stations."), "ASSAULT")
    assert ev is not None and "RUS" in _countries(ev.sources) and "drone" not in ev.source.text.lower()


def test_lifted_sanctions_on_a_country_is_not_concede(nlp: Any) -> None:
    types = {e.type for e in code_text("Washington lifted most of its sanctions on Sudan in 2017.")}
    assert "RETREAT" in types and "CONCEDE" not in types


# sentence, source country, recipient phrase: letting inspectors, convoys or peacekeepers in is
# access (RETREAT 086) whatever tag the parser gives the complement; the ones let in receive it
ACCESS = [
    ("Syria allowed OPCW inspectors to visit the Douma site in April 2018.", "SYR", "inspectors"),
    ("Sudanese authorities let a UN convoy of 30 trucks reach El Fasher.", "SDN", "convoy"),
    ("Jakarta allowed the first units of the Australian-led force into East Timor.", "IDN", "units"),
]


@pytest.mark.parametrize(("text", "src", "phrase"), ACCESS)
def test_access_granted_to_those_let_in(nlp: Any, text: str, src: str, phrase: str) -> None:
    a, explained = explain_text(text)
    coded = [x for x in explained if x.event is not None and x.event.type == "RETREAT"]
    assert coded and coded[0].event.cameo == "086" and src in _countries(coded[0].event.sources)
    found = [a.doc.text[slice(*np_span(t))] for t in coded[0].frame.targets]
    assert any(phrase in t for t in found), found


def test_letting_a_company_sell_is_no_access(nlp: Any) -> None:
    assert _find(code_text("The court allowed the company to sell its assets."), "RETREAT") is None
