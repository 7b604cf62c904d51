"""The spaCy stage: real model, sentence offsets into the cleaned text, a helpful missing-model error."""

from __future__ import annotations

from typing import Any

import pytest

from communique.errors import ModelError
from communique.nlp import load_model, sentences_of


def test_missing_model_error_says_how_to_install() -> None:
    with pytest.raises(ModelError) as err:
        load_model("en_core_web_nonexistent")
    assert err.value.code == "C401"
    assert "pip install --require-hashes --no-deps -r requirements/model.txt" in str(err.value)


def test_sentence_offsets_point_into_the_parsed_text(nlp: Any) -> None:
    text = (
        "ANCHORAGE, Alaska — Top U.S. and Chinese officials traded sharp words on Thursday.\n\n"
        "Mr. Blinken said the United States would raise Xinjiang, Hong Kong and Taiwan. "
        "Yang Jiechi answered that Washington had no standing to lecture China."
    )
    sents = sentences_of("d1", nlp(text))
    assert len(sents) == 3
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert sents[1].text.startswith("Mr. Blinken said")


def test_model_is_the_pinned_english_pipeline(nlp: Any) -> None:
    assert nlp.meta["version"] == "3.8.0"
    assert set(nlp.pipe_names) >= {"tagger", "parser", "lemmatizer", "ner"}
