"""Finer CAMEO codes from the words of the event's own clause (``events/data/cameo_detail.toml``):
what an accusation, investigation or demand is about, on sentences we wrote, through the real
spaCy pipeline and actors stage; and the loader's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import KnowledgeError
from communique.events import code_text
from communique.events.cameo_detail import load_cameo_detail

# sentence, PLOVER type, CAMEO code, mode (None = don't care), source country
DETAIL = [
    ("Lithuania accused Belarus of war crimes against migrants on Friday.", "ACCUSE", "1124", "allege", "LTU"),
    ("Ukraine accused Russia of torturing civilians in occupied Kherson.", "ACCUSE", "1122", None, "UKR"),
    ("Estonia accused Russia of espionage after arresting a university professor.", "ACCUSE", "1125", None, "EST"),
    ("Pakistan accused India of aggression along the Line of Control.", "ACCUSE", "1123", None, "PAK"),
    ("Turkey accused Greece of violating its airspace over the Aegean.", "ACCUSE", "1123", None, "TUR"),
    ("Kyiv accused Hungary of corruption in the handling of EU funds.", "ACCUSE", "1121", None, "UKR"),
    # the thing investigated is no actor, so its words are read
    ("The ICC launched an investigation into alleged war crimes in Ukraine.", "ACCUSE", "094", "investigate", None),
    ("Polish prosecutors opened a corruption probe into the former defence minister.", "ACCUSE", "091", None, "POL"),
    ("The United States demanded that Iran release the detained American sailors.", "REQUEST", "1053", "yield", "USA"),
    ("The United Nations demanded that Israel and Hamas agree to a ceasefire in Gaza.", "REQUEST", "1056", "yield",
     None),
    # a demanded resignation is a demand for change in leadership (mode change), not to yield
    ("Britain demanded the resignation of Zimbabwe's President Robert Mugabe.", "REQUEST", "1041", "change", "GBR"),
    ("Norway offered to mediate between Colombia and the ELN.", "AGREE", "039", None, "NOR"),
    # the lexicon's own codes: a planned killing of a leader, killing on a mass scale, wounding
    ("Israel assassinated Hamas political chief Ismail Haniyeh in Tehran in July 2024.", "ASSAULT", "186",
     "targeted", "ISR"),
    ("Bosnian Serb forces massacred some 8,000 Muslim men at Srebrenica.", "ASSAULT", "202", "targeted", "BIH"),
    ("Russian soldiers wounded two Ukrainian medics near Bakhmut on Tuesday.", "ASSAULT", "182", None, "RUS"),
]


@pytest.mark.parametrize(("sentence", "type_", "cameo", "mode", "country"), DETAIL)
def test_cameo_code_is_refined_by_what_the_act_is_about(sentence: str, type_: str, cameo: str, mode: str | None,
                                                        country: str | None) -> None:
    events = [e for e in code_text(sentence) if e.type == type_]
    assert events, f"no {type_} event in {sentence!r}"
    ev = events[0]
    assert ev.cameo == cameo, (sentence, ev.cameo)
    if mode is not None:
        assert ev.mode == mode
    if country is not None:
        assert ev.source.country == country


def test_the_words_of_an_actor_phrase_do_not_refine_the_code() -> None:
    # "war crimes" names the accuser here, not what Serbia is accused of
    ev = next(e for e in code_text("The war crimes tribunal accused Serbia of obstruction.") if e.type == "ACCUSE")
    assert ev.cameo == "112" and ev.target is not None and ev.target.country == "SRB"


def test_an_accusation_without_a_topic_keeps_the_lexicon_code() -> None:
    ev = next(e for e in code_text("Beijing accused Washington of hypocrisy on Monday.") if e.type == "ACCUSE")
    assert ev.cameo == "112"


def test_explain_says_which_word_refined_the_code() -> None:
    from communique.config import Options
    from communique.events.bench import analyse_many
    from communique.events.coder import EventCoder

    options = Options()
    analysis = analyse_many(["Pakistan accused India of aggression along the Line of Control."], options)[0]
    why = [w for x in EventCoder(options).explain(analysis) if x.event is not None for w in x.why]
    assert any(w.startswith("CAMEO 112 -> 1123 (aggression: 'aggression')") for w in why), why


def _write(tmp_path: Path, body: str) -> str:
    p = tmp_path / "detail.toml"
    p.write_text(body, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize(("body", "message"), [
    ('[[topic]]\nname = "x"\nwords = ["spy"]\ncodes = { "112" = "9999" }\n', "not both in cameo.tsv"),
    ('[[topic]]\nname = "x"\nwords = ["spy"]\ncodes = { "112" = "116" }\n', "different PLOVER types"),
    ('[[topic]]\nname = "x"\nwords = []\ncodes = { "112" = "1125" }\n', "non-empty list of words"),
    ('[[topic]]\nname = "x"\nwords = ["spy"]\ncodes = { "112" = "1125" }\nmode = "withdraw"\n', "not a mode"),
])
def test_a_broken_detail_file_is_refused_with_the_reason(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        load_cameo_detail(_write(tmp_path, body))
    assert err.value.code == "C338" and message in str(err.value)
    assert str(tmp_path / "detail.toml") in str(err.value)
