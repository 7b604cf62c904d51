"""Who said what: direct, split, multi-paragraph and indirect quotes on real-shaped news text."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from communique.config import Options
from communique.quotes import find_quote_spans, quotes_for
from communique.quotes.stage import make
from communique.records import ActorRef, Event

# (passage, speaker words in the resolved name, direct, cue, words in the quote text)
SINGLE_QUOTE_CASES = [
    (
        "\u201cWe will also discuss our deep concerns with actions by China,\u201d Secretary of State "
        "Antony Blinken said in his opening remarks.",
        "Blinken", True, "say", "deep concerns with actions by China",
    ),
    (
        'Yang Jiechi, China\'s top diplomat, said: "The United States does not have the qualification '
        'to speak to China from a position of strength."',
        "Yang Jiechi", True, "say", "from a position of strength",
    ),
    (
        '"The talks were tough but useful," according to Jake Sullivan.',
        "Jake Sullivan", True, "according to", "tough but useful",
    ),
    (
        '"This is not the way to treat guests," Yang Jiechi told reporters after the session.',
        "Yang Jiechi", True, "tell", "the way to treat guests",
    ),
    (
        '"We will not back down," said Ned Price, spokesman at the State Department.',
        "Ned Price", True, "say", "We will not back down",
    ),
    ("Blinken: 'We will not back down'", "Blinken", True, ":", "We will not back down"),
    (
        'Wang Yi said in an interview with state television on Sunday evening after the talks: '
        '"Dialogue is the only way forward."',
        "Wang Yi", True, "say", "Dialogue is the only way forward",
    ),
    (
        "In a statement issued after the meeting, Jake Sullivan said:\n"
        '"We were clear about our concerns and about our readiness to work together."',
        "Jake Sullivan", True, "say", "readiness to work together",
    ),
    (
        '"Diplomacy is back at the center of our foreign policy," Joe Biden wrote on Twitter.',
        "Joe Biden", True, "write", "Diplomacy is back",
    ),
    (
        '"We are open to dialogue on an equal footing," Wang Yi added.',
        "Wang Yi", True, "add", "open to dialogue",
    ),
    (
        '"Any attempt to split China is doomed to fail," Wang Yi stressed.',
        "Wang Yi", True, "stress", "doomed to fail",
    ),
    ('"The door to dialogue remains open," Wang Yi noted.', "Wang Yi", True, "note", "door to dialogue"),
    ('"Taiwan is an inalienable part of China," Yang Jiechi insisted.', "Yang Jiechi", True, "insist", "inalienable part"),
    ('"Coercion will not work," Blinken warned.', "Blinken", True, "warn", "Coercion will not work"),
    ('"Competition need not become conflict," Jake Sullivan argued.', "Jake Sullivan", True, "argue",
     "need not become conflict"),
    ('"Why impose sanctions on the eve of the talks?" Wang Yi asked.', "Wang Yi", True, "ask", "Why impose sanctions"),
    (
        "Wang Yi said China would never accept interference in its internal affairs.",
        "Wang Yi", False, "say", "China would never accept interference",
    ),
    (
        "Blinken warned that Beijing's actions threatened the rules-based order.",
        "Blinken", False, "warn", "Beijing's actions threatened the rules-based order",
    ),
    (
        "China will respond firmly to any provocation, Foreign Minister Wang Yi said.",
        "Wang Yi", False, "say", "China will respond firmly",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "direct", "cue", "words"), SINGLE_QUOTE_CASES)
def test_quotes_speaker_cue_and_text(analyse: Any, text: str, speaker: str, direct: bool, cue: str, words: str) -> None:
    quotes = quotes_for(analyse(text))
    match = [q for q in quotes if words in q.text]
    assert match, f"no quote with {words!r} in {[q.text for q in quotes]}"
    q = match[0]
    assert q.speaker is not None and speaker in (q.speaker.name or ""), q.speaker
    assert q.direct is direct
    assert q.cue == cue
    assert q.span[0] < q.span[1] and text[q.span[0] : q.span[1]].strip(" ,.\"'") in text
    assert q.speaker_span is not None and speaker.split()[-1] in text[q.speaker_span[0] : q.speaker_span[1]]


# (passage, speaker name, ISO country, sector) as the actors knowledge resolves them on the date
COUNTRY_CASES = [
    ('"We will not back down," Blinken said.', "Antony Blinken", "USA", "GOV"),
    ('"We are open to dialogue," Wang Yi said.', "Wang Yi", "CHN", "GOV"),
    ("Yang Jiechi said China would defend its sovereignty.", "Yang Jiechi", "CHN", "GOV"),
    ("Secretary of State Antony Blinken arrived on Thursday.\n\"We came to talk,\" he said.", "Antony Blinken", "USA", "GOV"),
]


# (passage, publication date, speaker words, who held the office on that date)
OFFICE_CASES = [
    ('"China will never accept such accusations," the Chinese foreign minister said.', "2021-03-19",
     "the Chinese foreign minister", "Wang Yi"),
    ('"China will never accept such accusations," the Chinese foreign minister said.', "2012-03-19",
     "the Chinese foreign minister", "Yang Jiechi"),
    ('"We will act," the U.S. secretary of state told reporters.', "2021-03-19",
     "the U.S. secretary of state", "Antony Blinken"),
]


@pytest.mark.parametrize(("text", "pub", "words", "name"), OFFICE_CASES)
def test_quotes_title_speaker_is_office_holder_on_the_date(analyse: Any, text: str, pub: str, words: str, name: str) -> None:
    q = quotes_for(analyse(text, pub))[0]
    assert q.speaker is not None and (q.speaker.text, q.speaker.name) == (words, name)


@pytest.mark.parametrize(("text", "name", "country", "sector"), COUNTRY_CASES)
def test_quotes_speaker_resolves_through_actors_knowledge(analyse: Any, text: str, name: str, country: str, sector: str) -> None:
    q = quotes_for(analyse(text))[0]
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.country, q.speaker.sector) == (name, country, sector)


def test_quotes_split_quote_keeps_speaker(analyse: Any) -> None:
    text = '"We are firm," Yang Jiechi said, "and we will defend our sovereignty and security."'
    quotes = [q for q in quotes_for(analyse(text)) if q.direct]
    assert len(quotes) == 1
    q = quotes[0]
    assert "We are firm" in q.text and "defend our sovereignty" in q.text
    assert q.speaker is not None and q.speaker.name == "Yang Jiechi"
    assert q.span == (1, text.rindex('"'))


# (passage, speaker phrase in the text, name it stands for, words in the quote)
ANTECEDENT_CASES = [
    (
        "Antony Blinken opened the session in Anchorage.\n"
        '"We seek no conflict, but we welcome stiff competition," he said.',
        "he", "Antony Blinken", "We seek no conflict",
    ),
    (
        "Zhao Lijian, a foreign ministry spokesman, spoke to reporters on Monday.\n"
        '"The U.S. side should stop interfering in China\'s internal affairs," the spokesman said.',
        "the spokesman", "Zhao Lijian", "stop interfering",
    ),
    (
        "Ambassador Qin Gang arrived in Washington on Sunday.\n"
        "'We want a stable and predictable relationship,' the ambassador said.",
        "the ambassador", "Qin Gang", "stable and predictable",
    ),
    (
        "Secretary of State Antony Blinken met Yang Jiechi on Thursday.\n"
        '"Our concerns are shared by our allies," the secretary said.',
        "the secretary", "Antony Blinken", "shared by our allies",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "name", "words"), ANTECEDENT_CASES)
def test_quotes_pronoun_and_title_speakers_resolve_to_person(analyse: Any, text: str, phrase: str, name: str, words: str) -> None:
    q = next(q for q in quotes_for(analyse(text)) if words in q.text)
    assert q.speaker is not None
    assert q.speaker.text.lower() == phrase
    assert q.speaker.name is not None and name.split()[-1] in q.speaker.name


# (passage, speaker phrase, country of the body it stands for)
BODY_CASES = [
    ("The Japanese Foreign Ministry summoned China's ambassador on Tuesday.\n"
     '"Such incursions into our waters are unacceptable," the ministry said.', "the ministry", "JPN"),
    ("The State Department described the talks as candid and substantive.\n"
     '"Both sides agreed to keep the channels open," the department said in a statement.', "the department", "USA"),
]


@pytest.mark.parametrize(("text", "phrase", "country"), BODY_CASES)
def test_quotes_the_body_speaker_is_the_last_body_named_with_that_noun(
    analyse: Any, text: str, phrase: str, country: str
) -> None:
    q = next(q for q in quotes_for(analyse(text)) if q.direct)
    assert q.speaker is not None and q.speaker.text.lower() == phrase
    assert q.speaker.country == country, q.speaker


# (passage, words of the reported clause, words in the speaker's name, country or None)
GROUP_SPEAKER_CASES = [
    # 'they' stands for the latest plural subject, not the last nationality named
    ("Chinese and Indian diplomats met in Moscow on Thursday.\n"
     "They agreed that troops should pull back from the valley.", "troops should pull back",
     "Chinese and Indian diplomats", None),
    ("The two governments issued a joint statement after Russian envoys left.\n"
     "They said the ceasefire would hold through the winter.", "ceasefire would hold",
     "two governments", None),
    # "the officials" are the last officials named with a side
    ("Indian army officials briefed reporters in Leh on Monday.\n"
     '"The disengagement is complete at both points," the officials said.', "disengagement is complete",
     "India", "IND"),
    # a dateline parsed as a second subject is never the speaker
    ("KYIV \u2014 Ukrainian Foreign Minister Dmytro Kuleba and his Polish counterpart agreed on Monday "
     "that grain transit would resume.", "grain transit would resume", "Kuleba", "UKR"),
]


@pytest.mark.parametrize(("text", "words", "name", "country"), GROUP_SPEAKER_CASES)
def test_quotes_group_and_dateline_speakers(analyse: Any, text: str, words: str, name: str, country: str | None) -> None:
    q = next(q for q in quotes_for(analyse(text)) if words in q.text)
    assert q.speaker is not None and name in (q.speaker.name or q.speaker.text or ""), q.speaker
    assert q.speaker.country == country, q.speaker


def test_quotes_pronoun_skips_names_inside_quotes(analyse: Any) -> None:
    text = (
        "Antony Blinken spoke first.\n"
        '"President Xi Jinping knows our position well," he said.'
    )
    q = next(q for q in quotes_for(analyse(text)) if q.direct)
    assert q.speaker is not None and q.speaker.name == "Antony Blinken"


def test_quotes_multi_paragraph_quote_is_one_quote(analyse: Any) -> None:
    text = (
        "\u201cThe first thing we will raise is Xinjiang and Hong Kong.\n"
        "\u201cThe second is our concern about economic coercion of our allies,\u201d Blinken said."
    )
    quotes = [q for q in quotes_for(analyse(text)) if q.direct]
    assert len(quotes) == 1
    assert "Xinjiang" in quotes[0].text and "economic coercion" in quotes[0].text
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Antony Blinken"


def test_quotes_unattributed_paragraph_continues_previous_speaker(analyse: Any) -> None:
    text = (
        '"We came to Anchorage to speak frankly," Blinken said.\n'
        '"That is what allies expect from us and what we owe them."'
    )
    quotes = [q for q in quotes_for(analyse(text)) if q.direct]
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.name == "Antony Blinken" for q in quotes)


# (passage, words of the direct quote, words of the speaker phrase it must be attributed to)
FOLLOW_ON_CASES = [
    # an unattributed quote right after an attributed one in the same paragraph continues it
    ('"We have made real progress on the grain corridor," Hakan Fidan told reporters in Ankara. '
     '"Both sides now need to show restraint at sea."',
     "show restraint at sea", "Hakan Fidan"),
    ('“The border will stay open for aid convoys,” the Egyptian foreign minister said on Sunday. '
     '“We cannot allow a famine next door.”',
     "allow a famine next door", "foreign minister"),
    # a quoted fragment inside a reporting clause is the words of that clause's subject
    ("Sameh Shoukry told state television that the ceasefire talks had been \"serious and constructive\", "
     "but warned that gaps remained.",
     "serious and constructive", "Shoukry"),
    # a cue verb inside what someone said ('had expected') is not the speaker's verb
    ('Kenyan President William Ruto said the envoys had expected a long night, "but nobody in the room '
     'wanted to walk away."',
     "nobody in the room", "William Ruto"),
    # a reporting verb with its own reported clause after the quote does not attribute it
    ('Lammy told Wang that he wanted both sides to be clear, "so that nobody misjudges the risks." '
     'A British official said Lammy also raised the case of Jimmy Lai.',
     "nobody misjudges the risks", "Lammy"),
    # a quote whose closing mark was forgotten ends with its paragraph
    ('The mayor of Kherson said the city had expected heavy shelling, "and the last week proved us right '
     'once again.\nRescue teams worked through the night.',
     "proved us right", "mayor"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), FOLLOW_ON_CASES)
def test_quotes_follow_on_and_fragment_quotes_keep_speaker(analyse: Any, text: str, words: str, speaker: str) -> None:
    quotes = [q for q in quotes_for(analyse(text)) if q.direct and words in q.text]
    assert len(quotes) == 1, [q.text for q in quotes_for(analyse(text))]
    q = quotes[0]
    assert q.speaker_span is not None and speaker in text[q.speaker_span[0] : q.speaker_span[1]], q.speaker
    assert "Rescue teams" not in q.text


def test_quotes_follow_on_quote_not_given_to_speaker_before_a_new_subject(analyse: Any) -> None:
    text = (
        '"We will not accept this ultimatum," Kaja Kallas said. Sergei Lavrov dismissed the remarks. '
        '"Europe has lost its way entirely."'
    )
    quotes = [q for q in quotes_for(analyse(text)) if q.direct and "lost its way" in q.text]
    assert len(quotes) == 1
    assert quotes[0].speaker is None or "Kallas" not in (quotes[0].speaker.name or quotes[0].speaker.text or "")


def test_quotes_fragment_in_reported_speech_keeps_speaker(analyse: Any) -> None:
    text = 'Wang Yi said the talks were "open, constructive and beneficial" but differences remained.'
    quotes = quotes_for(analyse(text))
    direct = [q for q in quotes if q.direct]
    indirect = [q for q in quotes if not q.direct]
    assert [q.text for q in direct] == ["open, constructive and beneficial"]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Wang Yi"
    assert indirect and "the talks were" in indirect[0].text


def test_quotes_scare_quotes_without_speaker_are_not_statements(analyse: Any) -> None:
    text = 'The so-called "red lines" were discussed at length in the second session.'
    assert quotes_for(analyse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        'He said \u201cthis never closes.\nThe session ended. "We will continue talks," Blinken said.',
        'The memo read "unfinished\nand then: "We will continue talks," Blinken said.',
        '"We will continue talks," Blinken said. \u201d stray close and \u2018 stray open',
    ],
)
def test_quotes_unbalanced_mark_costs_only_that_quote(analyse: Any, caplog: pytest.LogCaptureFixture, text: str) -> None:
    with caplog.at_level(logging.DEBUG, logger="communique.quotes"):
        quotes = quotes_for(analyse(text))
    kept = [q for q in quotes if q.direct and q.text == "We will continue talks"]
    assert len(kept) == 1 and kept[0].speaker is not None and kept[0].speaker.name == "Antony Blinken"
    assert not any(q.direct and ("never closes" in q.text or "unfinished" in q.text) for q in quotes)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("\u201cA \u2018nested\u2019 quote here,\u201d he said.", ["A \u2018nested\u2019 quote here,"]),
        ("It's Clinton\u2019s plan and the voters\u2019 choice.", []),
        ("'Single quoted words here,' she said.", ["Single quoted words here,"]),
        ('"Straight double," then "another one."', ["Straight double,", "another one."]),
    ],
)
def test_quotes_marks_pair_straight_curly_single_double(text: str, quoted: list[str]) -> None:
    assert [q.text(text) for q in find_quote_spans(text)] == quoted


def test_quotes_stage_survives_garbage_and_keeps_other_documents(analyse: Any) -> None:
    stage = make(Options())
    bad = analyse('"""\u201c\u201d\u2018\'\' " \u201c \u2019\n\u201c')
    good = analyse('"We will defend our interests," Wang Yi said.')
    stage([bad, good])
    assert isinstance(bad.quotes, list)
    assert [q.speaker.name for q in good.quotes if q.speaker] == ["Wang Yi"]


def test_quotes_ids_are_stable_and_point_into_the_text(analyse: Any) -> None:
    text = '"We will defend our interests," Wang Yi said.'
    first = quotes_for(analyse(text))
    second = quotes_for(analyse(text))
    assert [q.id for q in first] == [q.id for q in second]
    assert text[first[0].span[0] : first[0].span[1]].startswith("We will defend")
    assert first[0].sentence_index == 0 and first[0].doc_id == "doc1"


def _event(text: str, trigger: str, type_: str, source: str) -> Event:
    start = text.index(trigger)
    return Event(
        id=f"ev-{type_}",
        doc_id="doc1",
        type=type_,
        source=ActorRef(text=source, name=source),
        sentence=text,
        span=(0, len(text)),
        trigger=trigger,
        trigger_span=(start, start + len(trigger)),
        sentence_index=0,
    )


def test_quotes_link_to_event_stated_inside_quote(analyse: Any) -> None:
    text = '"The United States is interfering in our internal affairs and smearing China," Yang Jiechi said.'
    a = analyse(text)
    a.events = [_event(text, "smearing", "ACCUSE", "Yang Jiechi"), _event(text, "said", "CONSULT", "Yang Jiechi")]
    q = next(q for q in quotes_for(a) if q.direct)
    assert q.event_id == "ev-ACCUSE"


def test_quotes_link_to_event_triggered_by_cue(analyse: Any) -> None:
    text = "Blinken accused China of economic coercion against Australia."
    a = analyse(text)
    a.events = [_event(text, "accused", "ACCUSE", "Blinken")]
    quotes = quotes_for(a)
    assert [q.event_id for q in quotes] == ["ev-ACCUSE"]
    assert quotes[0].direct is False


def test_quotes_bad_cue_file_is_refused(tmp_path: Any) -> None:
    from communique.errors import KnowledgeError
    from communique.quotes import load_cues

    bad = tmp_path / "cues.toml"
    bad.write_text('[[verbs]]\nlemmas = ["say", ""]\n', encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_cues(bad)
    assert err.value.code == "C351"
