"""The actors stage on whole (short, real-shaped) articles: mentions with offsets, coreference,
flags, the parties of "the two sides", and actor_for_span for phrases the event coder finds."""

from __future__ import annotations

from typing import Any

import pytest

from communique.actors import actor_for_span, parties_of
from communique.actors.stage import make
from communique.config import Options
from communique.pipeline import Analysis
from communique.records import Document, SourceDocument

ARTICLE = (
    "Chinese Foreign Minister Qin Gang met U.S. Secretary of State Antony Blinken in Beijing on Sunday. "
    "Mr. Qin told Blinken that Washington must stop interfering in China's internal affairs. "
    "The secretary said the two sides agreed to keep channels of communication open. "
    "Indian troops were not involved, the Kremlin said."
)


def analyse(nlp: Any, text: str, date: str | None, options: Options | None = None) -> Analysis:
    src = SourceDocument(id="doc-1", text=text, published=date)
    a = Analysis(source=src, document=Document(id="doc-1", text=text, published=date))
    a.doc = nlp(text)
    make(options or Options())([a])
    return a


@pytest.fixture(scope="module")
def article(nlp: Any) -> Analysis:
    return analyse(nlp, ARTICLE, "2023-06-18")


def test_actors_stage_declares_what_it_reads_and_writes() -> None:
    st = make(Options())
    assert (st.name, st.reads, st.writes) == ("actors", frozenset({"doc"}), frozenset({"mentions", "flags"}))


def test_actors_stage_mention_offsets_point_into_the_text(article: Analysis) -> None:
    assert article.mentions
    for m in article.mentions:
        assert ARTICLE[m.start : m.end] == m.text
        assert m.actor.text == m.text
        assert m.sentence is not None and article.doc.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("words", "actor_id", "code", "method"),
    [
        ("Chinese Foreign Minister Qin Gang", "qin-gang", "CHNGOV", "title+name"),
        ("U.S. Secretary of State Antony Blinken", "antony-blinken", "USAGOV", "title+name"),
        ("Mr. Qin", "qin-gang", "CHNGOV", "coref"),
        ("Blinken", "antony-blinken", "USAGOV", "coref"),
        ("Washington", "country:USA", "USAGOV", "metonym"),
        ("secretary", "antony-blinken", "USAGOV", "coref"),
        ("Indian troops", "country:IND", "INDMIL", "title+nationality"),
        ("the Kremlin", "country:RUS", "RUSGOV", "metonym"),
    ],
)
def test_actors_stage_finds_people_countries_and_coreference(article: Analysis, words: str, actor_id: str, code: str, method: str) -> None:
    found = [m for m in article.mentions if m.text == words or (words == "Blinken" and m.text == "Blinken" and m.sentence == 1)]
    assert found, [m.text for m in article.mentions]
    m = found[0]
    assert (m.actor.actor_id, m.actor.code, m.method) == (actor_id, code, method), m.why


def test_actors_stage_capital_after_in_is_a_place_not_the_government(article: Analysis) -> None:
    beijing = next(m for m in article.mentions if m.text == "Beijing")
    assert (beijing.actor.country, beijing.actor.sector) == ("CHN", None)


def test_actors_stage_the_two_sides_are_the_two_main_countries(article: Analysis) -> None:
    start = ARTICLE.index("the two sides")
    assert actor_for_span(article, start, start + len("the two sides")) is None
    parties = parties_of(article, 2)
    assert {p.country for p in parties} == {"CHN", "USA"}
    assert all(p.sector == "GOV" for p in parties)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Chinese Foreign Minister Qin Gang", "CHNGOV"),
        ("Foreign Minister Qin Gang", "CHNGOV"),
        ("Qin Gang", "CHNGOV"),
        ("Washington", "USAGOV"),
        ("The secretary", "USAGOV"),
        ("Indian troops", "INDMIL"),
    ],
)
def test_actors_for_span_returns_the_mention_holding_the_phrase_head(article: Analysis, phrase: str, code: str) -> None:
    start = ARTICLE.index(phrase)
    ref = actor_for_span(article, start, start + len(phrase))
    assert ref is not None and ref.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Chinese side said it was ready to work with all parties.", "The Chinese side", "CHNGOV"),
        ("A Russian general said the drills would continue.", "A Russian general", "RUSMIL"),
        ("Officials in Seoul said the talks had been useful.", "Officials in Seoul", "KORGOV"),
        ("The Japanese prime minister will visit Manila next week.", "The Japanese prime minister", "JPNGOV"),
    ],
)
def test_actors_for_span_resolves_phrases_without_named_people(nlp: Any, text: str, phrase: str, code: str) -> None:
    a = analyse(nlp, text, "2024-02-01")
    start = text.index(phrase)
    ref = actor_for_span(a, start, start + len(phrase))
    assert ref is not None and ref.code == code


CONTRADICTIONS = [
    ("Chinese President Joe Biden said on Tuesday that tariffs would stay.", "2022-05-10", "Chinese President Joe Biden"),
    ("Russian President Xi Jinping arrived in Moscow for a state visit.", "2023-03-20", "Russian President Xi Jinping"),
    ("The foreign minister Blinken left Beijing on Monday.", "2023-06-19", "foreign minister Blinken"),
]


@pytest.mark.parametrize(("text", "date", "evidence_words"), CONTRADICTIONS)
def test_actors_stage_flags_titles_that_contradict_the_kb(nlp: Any, text: str, date: str, evidence_words: str) -> None:
    a = analyse(nlp, text, date)
    flags = [f for f in a.flags if f.code == "title_contradiction"]
    assert len(flags) == 1
    f = flags[0]
    assert f.evidence == text
    assert f.span is not None and evidence_words in text[f.span[0] : f.span[1]]
    person = next(m for m in a.mentions if m.actor.actor_id in {"joe-biden", "xi-jinping", "antony-blinken"})
    assert person.actor.country == {"joe-biden": "USA", "xi-jinping": "CHN", "antony-blinken": "USA"}[person.actor.actor_id]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("President Joe Biden said on Tuesday that tariffs would stay.", "2022-05-10"),
        ("Chinese President Xi Jinping arrived in Moscow for a state visit.", "2023-03-20"),
        ("Secretary of State Antony Blinken left Beijing on Monday.", "2023-06-19"),
        ("Former President Barack Obama spoke at the ceremony.", "2023-06-19"),
    ],
)
def test_actors_stage_fitting_titles_raise_no_flag(nlp: Any, text: str, date: str) -> None:
    a = analyse(nlp, text, date)
    assert [f for f in a.flags if f.code == "title_contradiction"] == []


def test_actors_stage_office_depends_on_the_publication_date(nlp: Any) -> None:
    text = "Antony Blinken met Wang Yi in Munich."
    early = analyse(nlp, text, "2016-02-13")
    late = analyse(nlp, text, "2022-02-19")
    office = {m.actor.actor_id: m.actor.office for m in early.mentions}
    assert office["antony-blinken"] == "Deputy Secretary of State"
    assert {m.actor.actor_id: m.actor.office for m in late.mentions}["antony-blinken"] == "Secretary of State"


def test_actors_stage_chinese_names_surname_first(nlp: Any) -> None:
    text = (
        "Chinese diplomat Zhang Wei arrived in Nairobi on Monday. "
        "Mr. Zhang said the loans would be repaid on time."
    )
    a = analyse(nlp, text, "2024-02-01")
    zhang = [m for m in a.mentions if "Zhang" in m.text]
    assert len(zhang) == 2
    assert all(m.actor.code == "CHNGOV" for m in zhang)
    assert zhang[1].method == "coref"


def test_actors_stage_top_diplomat_and_honorific_surname_refer_back(nlp: Any) -> None:
    text = (
        "Wang Yi arrived in Jakarta on Tuesday for talks with ASEAN ministers. "
        "China's top diplomat said Beijing wanted calm in the South China Sea. "
        "Mr. Wang also met Indonesian President Joko Widodo."
    )
    a = analyse(nlp, text, "2024-04-23")
    by_text = {m.text: m for m in a.mentions}
    assert by_text["Wang Yi"].actor.actor_id == "wang-yi"
    diplomat = next(m for m in a.mentions if "top diplomat" in m.text)
    assert diplomat.actor.actor_id == "wang-yi"
    assert by_text["Mr. Wang"].actor.actor_id == "wang-yi" and by_text["Mr. Wang"].method == "coref"
    assert by_text["Beijing"].actor.code == "CHNGOV"


def test_actors_stage_conjoined_nationalities_are_separate_actors(nlp: Any) -> None:
    text = "Chinese and Russian warships held joint drills near Japan."
    a = analyse(nlp, text, "2024-07-15")
    codes = sorted(m.actor.code for m in a.mentions if m.actor.sector == "MIL")
    assert codes == ["CHNMIL", "RUSMIL"]


@pytest.mark.parametrize(
    ("text", "capital", "code"),
    [
        ("TBILISI, May 15 - Thousands marched against the bill.", "TBILISI", "GEO"),
        ("Blinken visited Beijing in June.", "Beijing", "CHN"),
        ("Beijing warned Manila against further provocations.", "Beijing", "CHNGOV"),
    ],
)
def test_actors_stage_capital_as_place_or_government(nlp: Any, text: str, capital: str, code: str) -> None:
    a = analyse(nlp, text, "2024-05-15")
    m = next(m for m in a.mentions if m.text == capital)
    assert m.actor.code == code


def test_actors_stage_us_and_british_spellings_of_a_title_agree(nlp: Any, tmp_path: Any) -> None:
    from communique.actors import clear_cache

    people = tmp_path / "people.jsonl"
    people.write_text(
        '{"id": "t-adviser", "name": "Dana Quill", "surname": "Quill", "country": "USA", "offices": [{"title": "National Security Advisor", "role": "national_security_adviser", "country": "USA", "sector": "GOV", "start": "2030-01-20", "end": null}]}\n',
        encoding="utf-8",
    )
    clear_cache()
    a = analyse(nlp, "National security adviser Dana Quill spoke to reporters.", "2031-02-01", Options().with_overrides({"actors.files": [str(people)]}))
    assert a.flags == []
    assert any(m.actor.actor_id == "t-adviser" for m in a.mentions)


def test_actors_stage_mentions_do_not_run_across_paragraphs(nlp: Any) -> None:
    text = "By Thomas Reed\n\nANCHORAGE, Alaska - US and Chinese officials met on Thursday."
    a = analyse(nlp, text, "2021-03-19")
    assert all("\n" not in m.text for m in a.mentions)


def test_actors_stage_actor_text_is_the_mention_text(nlp: Any) -> None:
    text = "NATO troops and UN peacekeepers patrolled the border while Hamas gunmen fired rockets."
    a = analyse(nlp, text, "2024-02-01")
    assert a.mentions
    assert all(m.actor.text == m.text == text[m.start : m.end] for m in a.mentions)
    assert {m.actor.code for m in a.mentions} >= {"IGOMIL", "UNOMIL"}


@pytest.mark.parametrize(
    ("text", "pronoun_at", "actor_id"),
    [
        ("Wang Yi met reporters in Beijing. He said the talks had been candid.", "He said", "wang-yi"),
        ("Antony Blinken spoke after Wang Yi left. He said the talks had been candid.", "He said", "wang-yi"),
    ],
)
def test_actors_for_span_pronoun_is_the_last_person_named(nlp: Any, text: str, pronoun_at: str, actor_id: str) -> None:
    a = analyse(nlp, text, "2024-02-01")
    start = text.index(pronoun_at)
    ref = actor_for_span(a, start, start + 2)
    assert ref is not None and ref.actor_id == actor_id


def test_actors_for_span_pronoun_without_a_person_is_none(nlp: Any) -> None:
    text = "China and Japan held talks in Tokyo. She said nothing."
    a = analyse(nlp, text, "2024-02-01")
    start = text.index("She")
    assert actor_for_span(a, start, start + 3) is None


@pytest.mark.parametrize(
    "text",
    [
        "The family ate turkey and served it on fine china.",
        "He sat on a chad of paper while a male nurse waited.",
    ],
)
def test_actors_stage_lower_case_words_are_not_countries(nlp: Any, text: str) -> None:
    a = analyse(nlp, text, "2024-02-01")
    assert [m.actor.country for m in a.mentions if m.actor.country] == []


def test_actors_stage_counterpart_is_the_same_office_in_the_other_country(nlp: Any) -> None:
    text = "Russian Foreign Minister Sergei Lavrov met his Indian counterpart in New Delhi."
    a = analyse(nlp, text, "2023-03-02")
    start = text.index("his Indian counterpart")
    ref = actor_for_span(a, start, start + len("his Indian counterpart"))
    assert ref is not None and ref.code == "INDGOV"
    assert ref.name is not None and "Jaishankar" in ref.name


def test_actors_stage_captured_capital_is_a_place(nlp: Any) -> None:
    text = "Taliban fighters seized Kabul on Sunday."
    a = analyse(nlp, text, "2021-08-15")
    kabul = next(m for m in a.mentions if m.text == "Kabul")
    assert kabul.actor.code == "AFG"


@pytest.mark.parametrize(
    ("text", "date", "phrase", "code", "name", "flagged"),
    [
        # a respun copy's garbled title: the title fits Biden's office on the date, only the
        # nationality is wrong -> trust the knowledge base and flag the document
        ("Chinese President Biden spoke with Xi Jinping by phone on Friday.", "2021-09-11",
         "Chinese President Biden", "USAGOV", "Joe Biden", True),
        # a namesake of the stated nationality wins over the office holder elsewhere
        ("Jordan's King Abdullah met Blinken in Amman on Monday.", "2023-10-16",
         "Jordan's King Abdullah", "JORGOV", "Abdullah II of Jordan", False),
        # a title that fits none of the person's offices: someone else with that surname
        ("Chinese engineer Biden joined the firm in Shenzhen.", "2021-09-11",
         "Chinese engineer Biden", "CHN", "Biden", False),
    ],
)
def test_actors_surname_with_contradicting_nationality(
    analyse: Any, text: str, date: str, phrase: str, code: str, name: str, flagged: bool
) -> None:
    a = analyse(text, published=date)
    m = next(m for m in a.mentions if m.text == phrase)
    assert (m.actor.code, m.actor.name) == (code, name)
    assert any(f.code == "title_contradiction" for f in a.flags) is flagged
