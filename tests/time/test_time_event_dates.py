"""When it happened: every event gets a date, a precision and a reason."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from communique.config import Options
from communique.records import ActorRef, Event, Quote
from communique.time import find_expressions, parse_publication
from communique.time.stage import date_events, make


def _event(a: Any, trigger: str, n: int = 0) -> Event:
    text = a.document.text
    start = text.index(trigger)
    sent = next(s for s in a.doc.sents if s.start_char <= start < s.end_char)
    sidx = list(a.doc.sents).index(sent)
    return Event(
        id=f"ev{n}",
        doc_id=a.doc_id,
        type="ACCUSE",
        source=ActorRef(text="China", name="China", country="CHN"),
        sentence=sent.text,
        span=(sent.start_char, sent.end_char),
        trigger=trigger,
        trigger_span=(start, start + len(trigger)),
        sentence_index=sidx,
    )


# (text, publication date, trigger, expected date, precision, words in the reason)
CASES = [
    ("The talks were held in Anchorage on March 18\u201319, 2021.", "2021-03-20", "held",
     "2021-03-18", "day", "ends 2021-03-19"),
    ("The talks were held in Anchorage on March 18-19.", "2021-03-20", "held",
     "2021-03-18", "day", "ends 2021-03-19"),
    ("Blinken met Yang Jiechi on Friday.", "2021-03-20", "met", "2021-03-19", "day", "weekday 'on Friday'"),
    ("Blinken met Yang Jiechi on Friday.", "2021-03-19", "met", "2021-03-19", "day", "relative to publication 2021-03-19"),
    ("Wang Yi will visit Moscow next Tuesday.", "2021-03-19", "visit", "2021-03-23", "day", "future of the publication"),
    ("The foreign ministry protested yesterday.", "2021-03-19", "protested", "2021-03-18", "day", "'yesterday'"),
    ("Last week, Beijing imposed sanctions on EU lawmakers.", "2021-03-26", "imposed", "2021-03-15", "week", "'Last week'"),
    ("Eight months ago, the two sides signed a trade deal.", "2021-03-19", "signed", "2020-07-19", "month", "'Eight months ago'"),
    ("Earlier this year, China warned Taiwan against provocations.", "2021-03-19", "warned", "2021-01-01", "year", "'Earlier this year'"),
    ("Officials from both sides met in mid-March.", "2021-04-02", "met", "2021-03-15", "month", "'mid-March'"),
    ("Last month, the European Union imposed sanctions on four officials.", "2021-04-02", "imposed",
     "2021-03-01", "month", "'Last month'"),
    ("The envoys met in December.", "2021-03-19", "met", "2020-12-01", "month", "nearest past"),
    ("The summit will take place on June 16, 2021.", "2021-03-19", "take place", "2021-06-16", "day",
     "future of the publication"),
    ("Russia expelled two diplomats on 18 March.", "2021-03-19", "expelled", "2021-03-18", "day", "explicit date '18 March'"),
    ("The two sides signed the accord in 2019.", "2021-03-19", "signed", "2019-01-01", "year", "explicit year 'in 2019'"),
    ("China condemned the sanctions.", "2021-03-19", "condemned", "2021-03-19", "reported", "publication date (no clue)"),
    ("The talks were held on March 18, 2021.", None, "held", "2021-03-18", "day", "explicit date"),
    ("Blinken met Yang Jiechi on Friday.", "19 March 2021", "met", "2021-03-19", "day", "weekday"),
    # the future belongs to the clause of the trigger, not to the sentence
    ("Blinken, who will travel to Brussels next week, met Yang Jiechi on Friday.", "2021-03-20", "met",
     "2021-03-19", "day", "(on or before)"),
    ("Blinken plans to visit Tokyo on Tuesday.", "2021-03-19", "visit", "2021-03-23", "day", "future tense"),
]


@pytest.mark.parametrize(("text", "pub", "trigger", "date", "precision", "why"), CASES)
def test_time_event_date_precision_and_reason(
    analyse: Any, text: str, pub: str | None, trigger: str, date: str, precision: str, why: str
) -> None:
    a = analyse(text, pub)
    a.events = [_event(a, trigger)]
    events, _ = date_events(a)
    ev = events[0]
    assert (ev.date, ev.date_precision) == (date, precision), ev.date_reason
    assert ev.date_reason is not None and why in ev.date_reason


def test_time_two_days_later_counts_from_previous_date_in_text(analyse: Any) -> None:
    text = "The envoys met in Anchorage on March 18, 2021. Two days later, Beijing announced sanctions."
    a = analyse(text, "2021-03-25")
    a.events = [_event(a, "met", 0), _event(a, "announced", 1)]
    events, _ = date_events(a)
    assert [e.date for e in events] == ["2021-03-18", "2021-03-20"]
    assert "date mentioned before 2021-03-18" in (events[1].date_reason or "")


def test_time_previous_sentence_clue_in_same_paragraph(analyse: Any) -> None:
    text = "On Thursday, the delegations arrived in Anchorage. Blinken criticized China's actions."
    a = analyse(text, "2021-03-19")
    a.events = [_event(a, "criticized")]
    ev = date_events(a)[0][0]
    assert ev.date == "2021-03-18" and "previous sentence" in (ev.date_reason or "")


# (text, publication, trigger, expected date, words in the reason): the story's running date.
STORY_DATE_CASES = [
    # a lede's day carries over later paragraphs that give no date of their own
    ("Kenya's president opened a regional summit in Nairobi on Tuesday.\n"
     "Delegates from Ethiopia accused Eritrea of sending troops across the border.",
     "2024-02-07", "accused", "2024-02-06", "story's date"),
    # a date inside a relative clause describes a noun: it does not move the story's date
    ("Japan's prime minister met his Australian counterpart on Monday.\n"
     "The leaders praised a defence pact that had been signed on 12 March.\n"
     "Australia urged China to respect freedom of navigation.",
     "2024-04-10", "urged", "2024-04-08", "'on Monday'"),
    # a date in a clause reported below the trigger dates that clause, not the complaint
    ("Pakistan summoned the Afghan envoy on Wednesday.\n"
     "Its foreign ministry complained that air strikes carried out two days earlier had killed civilians.",
     "2024-03-21", "complained", "2024-03-20", "'on Wednesday'"),
    ("Pakistan summoned the Afghan envoy on Wednesday.\n"
     "Its foreign ministry complained that air strikes carried out two days earlier had killed civilians.",
     "2024-03-21", "carried out", "2024-03-18", "'two days earlier' to the date mentioned before 2024-03-20"),
    # "the same day" counts from the last day written, even one in a relative clause
    ("The first round of measures, which was announced on Monday, targeted three banks. "
     "The same day, Canada recalled its ambassador from Moscow.",
     "2022-02-24", "recalled", "2022-02-21", "'The same day'"),
    # a chain from a flashback date stays in the flashback; a chain from the story's day moves it
    ("Japan announced sanctions against Russian banks on Thursday. They followed a first package, "
     "which was unveiled on Monday. The same day, Tokyo had frozen the assets of two businessmen.\n"
     "Moscow condemned the measures.",
     "2022-03-04", "condemned", "2022-03-03", "'on Thursday'"),
    ("Talks between the two navies opened on Monday. The next day, the sides signed a hotline deal.\n"
     "China welcomed the accord.",
     "2024-05-10", "welcomed", "2024-05-07", "'The next day'"),
    # a step back in a main clause dates its own sentence (and the next one in its paragraph),
    # but the story resumes at its day afterwards
    ("Leaders of the two Koreas met in Panmunjom on April 27, 2018.\n"
     "The day before the meeting, Seoul lifted a ban on leaflet balloons.\n"
     "Both leaders pledged to end the war.",
     "2018-04-30", "pledged", "2018-04-27", "'April 27, 2018' (the story's date"),
    ("Leaders of the two Koreas met in Panmunjom on April 27, 2018.\n"
     "The day before the meeting, Seoul lifted a ban on leaflet balloons.\n"
     "Both leaders pledged to end the war.",
     "2018-04-30", "lifted", "2018-04-26", "'The day before'"),
    # a planned event in a future clause is no running date for what follows
    ("Envoys from Serbia and Kosovo met in Brussels on Monday.\n"
     "They are scheduled to meet again on Thursday.\n"
     "Serbia accused Kosovo of blocking the deal.",
     "2023-03-15", "accused", "2023-03-13", "'on Monday'"),
    # an agreement to meet later is dated by the story, not by the planned meeting
    ("Seoul and Tokyo said on Friday that they agreed to hold security talks next month.",
     "2023-05-13", "agreed", "2023-05-12", "'on Friday'"),
    # a backward chain inside a reported clause is a flashback: the next sentence keeps the day
    ("Hungary's foreign minister met EU envoys in Budapest on Tuesday.\n"
     "He complained that new EU penalties announced a day earlier ignored Hungary's veto. "
     "He urged Brussels to reconsider the measures.",
     "2024-06-13", "urged", "2024-06-11", "'on Tuesday'"),
    # a dateline parsed as the sentence root does not make the lede a noun clause
    ("MANILA \u2014 What began as a routine resupply mission turned into a tense standoff on Saturday, "
     "as Chinese coast guard ships blocked two Philippine boats.\n"
     "The Philippines accused China of dangerous manoeuvres.",
     "2024-03-25", "accused", "2024-03-23", "'on Saturday'"),
    # "N days after the <event>" counts from the story's first date, not the end of a chain
    ("Brazil said on May 6 it had reached a trade deal with Argentina. "
     "Argentina confirmed the deal the following day. "
     "The two presidents met three days after the announcement in Brasilia.",
     "2024-05-12", "met", "2024-05-09", "story's first date"),
    ("Brazil said on May 6 it had reached a trade deal with Argentina. "
     "Argentina confirmed the deal the following day. "
     "The two presidents met three days later in Brasilia.",
     "2024-05-12", "met", "2024-05-10", "date mentioned before 2024-05-07"),
]


@pytest.mark.parametrize(("text", "pub", "trigger", "date", "why"), STORY_DATE_CASES)
def test_time_story_date_carries_over_undated_sentences(
    analyse: Any, text: str, pub: str, trigger: str, date: str, why: str
) -> None:
    a = analyse(text, pub)
    a.events = [_event(a, trigger)]
    ev = date_events(a)[0][0]
    assert ev.date == date, ev.date_reason
    assert why in (ev.date_reason or "")


def test_time_dateline_date_when_sentence_has_none(analyse: Any) -> None:
    text = "WASHINGTON, March 18 (Reuters) - The United States imposed sanctions on two officials."
    a = analyse(text, "2021-03-19")
    a.events = [_event(a, "imposed")]
    ev = date_events(a)[0][0]
    assert ev.date == "2021-03-18" and "dateline" in (ev.date_reason or "")


def test_time_prefers_expression_attached_to_trigger(analyse: Any) -> None:
    text = "On Monday, officials said the sanctions imposed on Friday were unjust."
    a = analyse(text, "2021-03-24")
    a.events = [_event(a, "imposed", 0), _event(a, "said", 1)]
    events, _ = date_events(a)
    assert events[0].date == "2021-03-19"
    assert events[1].date == "2021-03-22"


@pytest.mark.parametrize(
    ("pub", "reason"),
    [(None, "no date"), ("", "no date"), ("not-a-date", "unreadable")],
)
def test_time_missing_or_malformed_publication_date(analyse: Any, pub: str | None, reason: str) -> None:
    a = analyse("Blinken met Yang Jiechi on Friday.", pub)
    a.events = [_event(a, "met")]
    ev = date_events(a)[0][0]
    assert ev.date is None and ev.date_precision is None
    assert reason in (ev.date_reason or "")


def test_time_quote_gets_date_of_its_statement(analyse: Any) -> None:
    text = '"We will not back down," Blinken said on Thursday.'
    a = analyse(text, "2021-03-20")
    a.quotes = [Quote(id="q1", doc_id="doc1", text="We will not back down", span=(1, 22), speaker_span=(25, 32))]
    stage = make(Options())
    stage([a])
    assert a.quotes[0].date == "2021-03-18"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-03-19", "2021-03-19"), ("2021-03-19T08:30:00Z", "2021-03-19"), ("March 19, 2021", "2021-03-19"),
     ("soon", None), (None, None)],
)
def test_time_parse_publication(value: str | None, expected: str | None) -> None:
    got = parse_publication(value)
    assert (got.isoformat() if got else None) == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("from March 30 to April 2, 2021", [("2021-03-30", "day")]),
        ("in late 2020", [("2020-10-01", "year")]),
        ("on Sept. 11", [("2020-09-11", "day")]),
        ("the next day", [("2021-03-19", "day")]),
        ("a few days ago", [("2021-03-16", "week")]),
        ("May I ask", []),
    ],
)
def test_time_find_expressions_table(text: str, dates: list[tuple[str, str]]) -> None:
    got = find_expressions(text, pub=dt.date(2021, 3, 19), prev=dt.date(2021, 3, 18))
    assert [(t.date.isoformat(), t.precision) for t in got] == dates


def test_time_quote_ignores_dates_about_what_was_said(analyse: Any) -> None:
    text = "Josep Borrell said the law was incompatible with the status granted in December."
    a = analyse(text, "2024-05-15")
    a.quotes = [Quote(id="q1", doc_id="doc1", text="the law was incompatible", span=(19, 80), speaker_span=(0, 13))]
    make(Options())([a])
    assert a.quotes[0].date == "2024-05-15"


def test_time_chain_counts_only_from_a_dated_day(analyse: Any) -> None:
    text = "The bloc granted candidate status in December. An envoy visited Tbilisi the same day."
    a = analyse(text, "2024-05-15")
    a.events = [_event(a, "granted", 0), _event(a, "visited", 1)]
    events, _ = date_events(a)
    assert (events[0].date, events[0].date_precision) == ("2023-12-01", "month")
    # a month-level date is no base for "the same day": it counts from the publication instead
    assert (events[1].date, events[1].date_precision) == ("2024-05-15", "day")
    assert "publication 2024-05-15" in (events[1].date_reason or "")


def test_time_quote_date_not_taken_from_the_reported_clause(analyse: Any) -> None:
    text = "Wang Yi complained that new US sanctions announced a day earlier were no way to welcome guests."
    a = analyse(text, "2021-03-19")
    a.quotes = [Quote(id="q1", doc_id="doc1", text="that new US sanctions", span=(19, 96), speaker_span=(0, 7))]
    make(Options())([a])
    assert a.quotes[0].date == "2021-03-19"


# (text, publication, trigger, expected start, expected end): a range's last day has its own field
RANGE_CASES = [
    ("The foreign ministers met in Vientiane on July 25-27, 2024.", "2024-07-28", "met", "2024-07-25", "2024-07-27"),
    ("NATO leaders gathered in Vilnius from July 11 to July 12.", "2023-07-13", "gathered", "2023-07-11", "2023-07-12"),
    ("The envoys met in Doha on Monday.", "2024-02-07", "met", "2024-02-05", None),
    # a later sentence carrying a range's start as the story's date is one day, not the range
    ("The summit ran in Kazan on October 22-24.\nIndia accused China of stalling.", "2024-10-25", "accused",
     "2024-10-22", None),
]


@pytest.mark.parametrize(("text", "pub", "trigger", "start", "end"), RANGE_CASES)
def test_time_range_end_is_a_field_not_only_in_the_reason(
    analyse: Any, text: str, pub: str, trigger: str, start: str, end: str | None
) -> None:
    a = analyse(text, pub)
    a.events = [_event(a, trigger)]
    ev = date_events(a)[0][0]
    assert (ev.date, ev.date_end) == (start, end), ev.date_reason
