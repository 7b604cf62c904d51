"""Pair-given classification: the type between two marked phrases of a sentence (our own
sentences about real kinds of events, real spaCy parse, real actors stage)."""

from __future__ import annotations

from typing import Any

import pytest

from communique.eval.plv import spans_from_markup
from communique.events import explain_text
from communique.events.lexicon import load_lexicon
from communique.events.pairs import classify_pair

# marked sentence (<s> source, <t> target), expected type
PAIRS = [
    ("<s>China</s> threatened to impose sanctions on <t>Lithuania</t>.", "THREATEN"),
    ("<s>Russia</s> refused to meet <t>Ukrainian officials</t> in Istanbul.", "REJECT"),
    ("<t>Two French journalists</t> were arrested by <s>Iranian police</s> in Tehran.", "COERCE"),
    ("<s>Kenya</s> sent peacekeepers to <t>Haiti</t> last year.", "AID"),
    ("<s>Washington</s> announced a new military aid package for <t>Ukraine</t>.", "AID"),
    ("<s>Myanmar's junta</s> granted amnesty to <t>thousands of prisoners</t>.", "CONCEDE"),
    # a relation that did not happen between the two is a refusal (CAMEO 12)
    ("<s>Serbia</s> and <t>Kosovo</t> failed to reach an agreement in Brussels.", "REJECT"),
    # the pledge of backing is itself the backing
    ("<s>Germany</s> pledged its full support to <t>Moldova</t> on Friday.", "SUPPORT"),
    # the verb governing the target wins over another event in the sentence
    ("After the border clashes, <s>India</s> summoned <t>the Chinese ambassador</t>.", "ACCUSE"),
    ("<s>The unions</s> called off the strike after talks with <t>the government</t>.", "RETREAT"),
]


@pytest.mark.parametrize(("marked", "expected"), PAIRS)
def test_pairs_type_between_marked_phrases(nlp: Any, marked: str, expected: str) -> None:
    text, src, tgt = spans_from_markup(marked)
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon())
    assert type_ == expected, how


def test_pairs_protest_with_a_demand_is_protest(nlp: Any) -> None:
    text, src, tgt = spans_from_markup(
        "<s>Thousands of Armenians</s> marched in Yerevan, demanding the resignation of <t>the prime minister</t>.")
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon())
    assert type_ == "PROTEST", how


def test_pairs_lexicon_verb_without_its_object_still_decides(nlp: Any) -> None:
    """"disbanded the assembly": 'disband' is listed only with parties and groups as objects, but
    its entry is a better guess than the default."""
    text, src, tgt = spans_from_markup("<s>The junta</s> disbanded <t>the national assembly</t> in Niamey.")
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon())
    assert (type_, how.split()[0]) == ("COERCE", "loose"), how


def test_pairs_co_actors_of_a_joint_event_are_linked_by_it(nlp: Any) -> None:
    """"A and B signed ...": both marked phrases are actors of one joint frame, which decides."""
    text, src, tgt = spans_from_markup(
        "<s>Egypt</s> and <t>Sudan</t> signed a water-sharing agreement after Ethiopia threatened to fill the dam.")
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon())
    assert (type_, how.split()[0]) == ("SUPPORT", "frame"), how
