"""The learned pair model: features from a real parse, deterministic training, the shipped file
matches the sentence sets it claims to be trained on, and classify_pair hands it only the pairs
the lexicon cannot link."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.errors import KnowledgeError
from communique.eval.plv import spans_from_markup
from communique.eval.sentences import default_sentences_dir, load_sentence_sets
from communique.events import explain_text
from communique.events.lexicon import load_lexicon
from communique.events.pairmodel import PairModel, load_pair_model, pair_features, split_of, train
from communique.events.pairs import classify_pair, pair_heads


def _features(nlp: Any, marked: str) -> list[str]:
    text, src, tgt = spans_from_markup(marked)
    analysis, _ = explain_text(text)
    hs, ht = pair_heads(analysis, src, tgt)
    return pair_features(hs, ht, lexicon_type="SANCTION", route="frame")


def test_pairmodel_features_name_the_recipient_governor_and_path(nlp: Any) -> None:
    feats = _features(nlp, "<s>Washington</s> imposed new sanctions on <t>Moscow</t> on Friday.")
    assert "tgov:sanction:on" in feats
    assert "lca:impose" in feats
    assert "p:sanction" in feats
    assert "lex:frame:SANCTION" in feats
    assert "order:st" in feats


def test_pairmodel_features_mark_negation_and_future(nlp: Any) -> None:
    neg = _features(nlp, "<s>Seoul</s> did not invite <t>Pyongyang</t> to the games.")
    fut = _features(nlp, "<s>Paris</s> will send troops to <t>Estonia</t> next year.")
    assert "neg" in neg and "future" not in neg
    assert "future" in fut and "neg" not in fut


EXAMPLES = [
    (["bias", "w:rice", "w:ship"], "AID"),
    (["bias", "w:grain", "w:ship"], "AID"),
    (["bias", "w:rice", "w:donate"], "AID"),
    (["bias", "w:shell", "w:village"], "ASSAULT"),
    (["bias", "w:shell", "w:town"], "ASSAULT"),
    (["bias", "w:village", "w:raid"], "ASSAULT"),
]


def test_pairmodel_training_is_deterministic_and_learns_the_words() -> None:
    a = train(EXAMPLES)
    b = train(EXAMPLES)
    assert a.weights == b.weights
    assert a.predict(["bias", "w:rice"])[0] == "AID"
    assert a.predict(["bias", "w:shell"])[0] == "ASSAULT"
    # features seen once are dropped (MIN_COUNT)
    assert "w:donate" not in a.weights and "w:raid" not in a.weights


def test_pairmodel_round_trips_through_json(tmp_path: Path) -> None:
    m = train(EXAMPLES, info={"data_sha256": "x"})
    p = tmp_path / "m.json"
    p.write_text(json.dumps(m.to_json()), encoding="utf-8")
    back = load_pair_model(str(p))
    assert back is not None and back.classes == m.classes and back.info["data_sha256"] == "x"
    assert back.predict(["bias", "w:grain"]) == m.predict(["bias", "w:grain"])


def test_pairmodel_malformed_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text(json.dumps({"classes": ["AID", "ASSAULT"], "weights": {"bias": [0.1]}}), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_pair_model(str(p))
    assert err.value.code == "C345"


def test_pairmodel_split_is_by_sentence_and_holds_out_about_a_fifth() -> None:
    texts = [f"Country {i} recalled its ambassador from country {i + 1}." for i in range(400)]
    dev = [t for t in texts if split_of(t) == "dev"]
    assert split_of(texts[0]) == split_of("  " + texts[0].replace(" ", "  "))  # spacing does not move it
    assert 0.12 < len(dev) / len(texts) < 0.28


def test_pairmodel_decides_only_where_the_lexicon_guesses(nlp: Any) -> None:
    # a hand-made model that always says AID when rice is in the sentence
    model = PairModel(("AID", "CONSULT"), {"bias": (0.0, 0.0), "w:rice": (4.0, -4.0)}, {})
    # no lexicon predicate links the pair here: the model decides
    text, src, tgt = spans_from_markup("<s>Japanese</s> rice for <t>the Philippines</t>, in tonnes.")
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon(), model=model)
    assert (type_, how.split()[0]) == ("AID", "model")
    # a lexicon frame linking the pair is kept whatever the model says
    text, src, tgt = spans_from_markup("<s>Japan</s> shelled <t>the Philippines</t> and sent rice.")
    analysis, explained = explain_text(text)
    type_, how = classify_pair(analysis, explained, src, tgt, load_lexicon(), model=model)
    assert type_ == "ASSAULT" and not how.startswith("model")


def test_pairmodel_shipped_model_is_trained_on_the_current_sentence_sets() -> None:
    model = load_pair_model()
    assert model is not None, "src/communique/events/data/pair_model.json is missing"
    _, digest = load_sentence_sets(default_sentences_dir())
    assert model.info.get("data_sha256") == digest, (
        "examples/gold/sentences changed: re-train with `python scripts/train_pair_model.py`")
