"""A that-clause in the bare (mandative) form after "insist" or "require" is a demand on its
subject ("insisted that Kyiv renounce ..."), while a plain statement is not; and an event word
inside an organisation's name ("the International Monetary Fund") is no event. Sentences we
wrote, coded end to end."""

from __future__ import annotations

from typing import Any

import pytest
from test_coder import _assert_recipient, _find

from communique.events import code_text

# sentence, type, source country, target country
DEMANDS = [
    ("Beijing insisted that Manila remove the grounded ship from the shoal.", "REQUEST", "CHN", "PHL"),
    ("The European Union insisted that Hungary restore the independence of its courts.", "REQUEST", None, "HUN"),
    ("Ankara insisted that Stockholm extradite the suspects before any vote on its membership.", "REQUEST", "TUR", "SWE"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), DEMANDS)
def test_mandative_that_clause_is_a_demand(nlp: Any, text: str, type_: str, src: str | None, tgt: str) -> None:
    _assert_recipient(text, type_, src, tgt)


def test_insisting_on_a_fact_is_no_demand(nlp: Any) -> None:
    assert _find(code_text("Moscow insisted that its troops were only on exercises."), "REQUEST") is None


def test_event_word_inside_a_name_is_no_event(nlp: Any) -> None:
    events = code_text("The International Monetary Fund said Egypt's reforms were on track.")
    assert not [e for e in events if e.type == "AID"], [(e.type, e.pattern) for e in events]
