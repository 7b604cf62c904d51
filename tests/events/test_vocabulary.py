"""The lexicon's wire and newspaper vocabulary: verbs, particle and light-verb frames and event
nouns for each CAMEO root, on real-shaped sentences we wrote (headlines, passives, British
spellings), coded by the real spaCy pipeline and actors stage."""

from __future__ import annotations

from typing import Any

from test_coder import _find

from communique.events import code_text


# Regression tests for the frame finder (frames.py) found while writing vocabulary sentences
def test_vocabulary_particle_with_its_own_preposition_reads_the_object(nlp: Any) -> None:
    """"pulled out of the deal", "walked away from the talks": the object sits under a preposition
    under the particle, and the object-specific frame (SANCTION 164) must see it."""
    for text in ("The United States pulled out of the nuclear deal with Iran.",
                 "Washington walked away from the talks with Tehran."):
        ev = _find(code_text(text), "SANCTION")
        assert ev is not None and ev.cameo == "164", text
        assert _find(code_text(text), "RETREAT") is None


def test_vocabulary_particle_object_compound_picks_the_hunger_strike(nlp: Any) -> None:
    ev = _find(code_text("Palestinian prisoners went on hunger strike in Israeli jails."), "PROTEST")
    assert ev is not None and (ev.mode, ev.cameo) == ("hunger", "142")


def test_vocabulary_tear_gas_is_crowd_control_not_a_chemical_weapon(nlp: Any) -> None:
    ev = _find(code_text("Kenyan police fired tear gas at protesters in Nairobi."), "ASSAULT")
    assert ev is not None and (ev.mode, ev.cameo) == ("crowd-control", "175")
    ev = _find(code_text("Syrian government forces fired chlorine gas at the rebels."), "ASSAULT")
    assert ev is not None and ev.mode == "unconventional"

