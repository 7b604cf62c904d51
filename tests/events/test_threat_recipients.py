"""Whom a threat is aimed at: the party its condition falls on ("... unless Seoul pays more", "if
the EU imposes sanctions"), else the party its to-clause acts on when the threat is a noun ("a
threat to annihilate X", "a threat to launch strikes against X"). Sentences we wrote, coded end
to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _find

from communique.events import code_text

# sentence, type, source country, target country
THREATS = [
    ("Ankara threatened to halt gas transit to Europe if Athens sent warships into the disputed waters.",
     "THREATEN", "TUR", "GRC"),
    ("Trump threatened to pull US troops out of Europe unless Germany raised its defence spending.",
     "THREATEN", "USA", "DEU"),
    ("Iran's threat to close the Strait of Hormuz if Washington imposed an oil embargo unsettled markets.",
     "THREATEN", "IRN", "USA"),
    ("North Korea's threat to launch missiles at Japan alarmed Washington.", "THREATEN", "PRK", "JPN"),
    ("Beijing's threat to punish Lithuania drew protests in Vilnius.", "THREATEN", "CHN", "LTU"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), THREATS)
def test_threat_recipient(nlp: Any, text: str, type_: str, src: str, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_condition_on_a_pronoun_names_no_recipient(nlp: Any) -> None:
    """"warned it would respond if it were attacked": the pronoun is the threatener itself."""
    ev = _find(code_text("Moscow warned it would respond if it were attacked."), "THREATEN")
    assert ev is not None and ev.target is None
