"""Where it happened: event locations from the sentence, the paragraph or the dateline."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from communique.config import Options
from communique.places import load_gazetteer, places_in
from communique.places.stage import locate_events, make
from communique.records import ActorRef, Event


def _event(a: Any, trigger: str) -> Event:
    text = a.document.text
    start = text.index(trigger)
    sent = next(s for s in a.doc.sents if s.start_char <= start < s.end_char)
    return Event(
        id="ev0",
        doc_id=a.doc_id,
        type="CONSULT",
        source=ActorRef(text="Blinken", name="Antony Blinken", country="USA"),
        sentence=sent.text,
        span=(sent.start_char, sent.end_char),
        trigger=trigger,
        trigger_span=(start, start + len(trigger)),
        sentence_index=list(a.doc.sents).index(sent),
    )


# (text, trigger, expected name, country, level, words in the document) ; name None = no location
CASES = [
    ("Senior U.S. and Chinese officials met in Anchorage on Thursday.", "met", "Anchorage", "USA", "city", "Anchorage"),
    ("Xi Jinping received the delegation at the Great Hall of the People in Beijing.", "received",
     "Great Hall of the People", "CHN", "site", "Great Hall of the People"),
    ("Wang Yi hosted his counterpart at the Diaoyutai State Guesthouse.", "hosted",
     "Diaoyutai State Guesthouse", "CHN", "site", "Diaoyutai State Guesthouse"),
    ("The two leaders met at Camp David over the weekend.", "met", "Camp David", "USA", "site", "Camp David"),
    ("The envoys held talks in Washington on Monday.", "held", "Washington", "USA", "city", "Washington"),
    ("Protesters rallied in Washington state against the trade deal.", "rallied", "Washington", "USA", "region",
     "Washington state"),
    ("The summit took place in China last year.", "took place", "China", "CHN", "country", "China"),
    ("Blinken arrived in Geneva on Monday for talks.", "arrived", "Geneva", "CHE", "city", "Geneva"),
    ("Lavrov met his French counterpart in Paris.", "met", "Paris", "FRA", "city", "Paris"),
    ("Blinken made his first visit to Kyiv since the war began.", "visit", "Kyiv", "UKR", "city", "Kyiv"),
    ("Diplomats gathered at UN headquarters in New York.", "gathered", "United Nations Headquarters", "USA", "site",
     "UN headquarters"),
    ("Ministers met in Amman, Jordan, to discuss refugees.", "met", "Amman", "JOR", "city", "Amman"),
    ("Georgia and Russia held talks in Tbilisi.", "held", "Tbilisi", "GEO", "city", "Tbilisi"),
    ("Diplomats were barred from travelling in Xinjiang last year.", "barred", "Xinjiang", "CHN", "region", "Xinjiang"),
    ("Russia annexed Crimea after troops landed in Crimea.", "landed", "Crimea", "UKR", "region", "Crimea"),
    # the place attached to the trigger beats one of another clause in the sentence
    ("The foreign ministers held talks in Jakarta on Friday, eight months after they last met in Tokyo.",
     "met", "Tokyo", "JPN", "city", "Tokyo"),
    ("The foreign ministers held talks in Jakarta on Friday, eight months after they last met in Tokyo.",
     "held", "Jakarta", "IDN", "city", "Jakarta"),
    ("Xi Jinping met the Kenyan president in Nairobi on Monday, a year after hosting him at the "
     "Great Hall of the People.", "met", "Nairobi", "KEN", "city", "Nairobi"),
    # ... unless the other place is a sharper answer inside the attached country
    ("Blinken began a visit to Vietnam on Monday, landing in Hanoi after an overnight flight.",
     "visit", "Hanoi", "VNM", "city", "Hanoi"),
    # an island news means by the name, not a small namesake town elsewhere
    ("The two leaders met on the sidelines of the summit in Bali.", "met", "Bali", "IDN", "region", "Bali"),
    # traps
    # a place inside what the event is about is a topic, not where it happened
    ("Canada voiced concern about the treatment of protesters in Tehran.", "concern", None, None, None, None),
    ("The European Union imposed sanctions over the crackdown in Minsk.", "imposed", None, None, None, None),
    ("Xinjiang cotton was banned by the new law.", "banned", None, None, None, None),
    ("Biden said US forces would not fight in Ukraine, but the Pentagon ordered more troops to Germany.",
     "ordered", None, None, None, None),
    ("The Treasury also sanctioned businessmen close to the Kremlin.", "sanctioned", None, None, None, None),
    ("Blinken said in Tokyo that Washington would never fight in Ukraine.", "said", "Tokyo", "JPN", "city", "Tokyo"),
    ("Macron returned to the Elysee Palace after the talks.", "returned", "Elysee Palace", "FRA", "site",
     "Elysee Palace"),
    # a place in a flashback clause ("hours after ...") is where that happened, not the event
    ("Japan froze the assets of three banks on Friday, a day after Russian forces shelled Kharkiv.",
     "froze", None, None, None, None),
    # movement into a place happens there
    ("Russian troops crossed into Ukraine from the north before dawn.", "crossed", "Ukraine", "UKR", "country",
     "Ukraine"),
    # a clause on the subject places the actors
    ("African Union leaders, meeting in Addis Ababa on Sunday, agreed on a new mediation plan.", "agreed",
     "Addis Ababa", "ETH", "city", "Addis Ababa"),
    # a place in a clause describing another noun is that noun's place
    ("Washington called off a meeting with Lavrov that had been planned for Thursday in Geneva.", "called",
     None, None, None, None),
    ("Seoul scrapped a drill that was scheduled to take place in Busan next week.", "scrapped",
     None, None, None, None),
    ("Beijing said the sanctions were unjustified.", "said", None, None, None, None),
    ("Jordan said he would not meet the delegation.", "said", None, None, None, None),
    ("He announced the plan at China University of Political Science and Law.", "announced", None, None, None, None),
    ("In China's view, the sanctions violated international law.", "violated", None, None, None, None),
    ("The talks ended without agreement in March.", "ended", None, None, None, None),
    ("The White House said it would respond to the sanctions.", "said", None, None, None, None),
    ("The Kremlin rejected the proposal outright.", "rejected", None, None, None, None),
    ("Biden hosted the Japanese prime minister at the White House.", "hosted", "White House", "USA", "site",
     "White House"),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country", "level", "words"), CASES)
def test_places_event_location_and_traps(
    analyse: Any, text: str, trigger: str, name: str | None, country: str | None, level: str | None, words: str | None
) -> None:
    a = analyse(text)
    a.events = [_event(a, trigger)]
    ev = locate_events(a)[0]
    if name is None:
        assert ev.location is None, ev.location
        return
    loc = ev.location
    assert loc is not None
    assert (loc.name, loc.country, loc.level, loc.text) == (name, country, level, words)


@pytest.mark.parametrize(
    ("text", "name", "country", "level"),
    [
        ("BEIJING (Reuters) \u2014 China summoned the British ambassador.", "Beijing", "CHN", "city"),
        ("ANCHORAGE, Alaska \u2014 The first talks of the new administration opened tensely.", "Anchorage", "USA", "city"),
        ("WASHINGTON, March 18 (AP) - The State Department criticized the move.", "Washington", "USA", "city"),
        ("MOSCOW - Russia expelled two diplomats.", "Moscow", "RUS", "city"),
        ("Russia expels diplomats\n\nMOSCOW (AP) \u2014 Russia expelled two diplomats.", "Moscow", "RUS", "city"),
    ],
)
def test_places_dateline_when_sentence_has_no_place(analyse: Any, text: str, name: str, country: str, level: str) -> None:
    a = analyse(text)
    trigger = next(w for w in ("summoned", "opened", "criticized", "expelled") if w in text)
    a.events = [_event(a, trigger)]
    loc = locate_events(a)[0].location
    assert loc is not None and (loc.name, loc.country, loc.level) == (name, country, level)


def test_places_sentence_beats_dateline(analyse: Any) -> None:
    text = "BEIJING (Reuters) \u2014 Chinese and U.S. officials met in Anchorage on Thursday."
    a = analyse(text)
    a.events = [_event(a, "met")]
    loc = locate_events(a)[0].location
    assert loc is not None and loc.name == "Anchorage"


def test_places_paragraph_when_sentence_has_none(analyse: Any) -> None:
    text = "The delegations arrived in Anchorage on Wednesday. Blinken criticized Beijing's policies.\nNext paragraph."
    a = analyse(text)
    a.events = [_event(a, "criticized")]
    loc = locate_events(a)[0].location
    assert loc is not None and loc.name == "Anchorage"


def test_places_document_country_context_picks_namesake() -> None:
    gaz = load_gazetteer()
    assert gaz.resolve("Paris").country == "FRA"  # type: ignore[union-attr]
    assert gaz.resolve("Moscow").country == "RUS"  # type: ignore[union-attr]
    assert gaz.resolve("Geneva").country == "CHE"  # type: ignore[union-attr]
    assert gaz.resolve("Geneva", context=frozenset({"USA"})).country == "CHE"  # type: ignore[union-attr]
    assert gaz.resolve("Athens").country == "GRC"  # type: ignore[union-attr]
    assert gaz.resolve("Athens", context=frozenset({"USA"})).country == "GRC"  # type: ignore[union-attr]
    assert gaz.resolve("Hyderabad", context=frozenset({"PAK"})).country == "PAK"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "level", "country"),
    [("China", "country", "CHN"), ("the United States", "country", "USA"), ("Alaska", "region", "USA"),
     ("New York", "city", "USA"), ("Washington", "city", "USA"), ("Georgia", "country", "GEO"),
     ("U.K.", "country", "GBR"), ("Monday", None, None), ("Blue House", "site", "KOR")],
)
def test_places_gazetteer_resolution(name: str, level: str | None, country: str | None) -> None:
    place = load_gazetteer().resolve(name)
    got = (place.level, place.country) if place else (None, None)
    assert got == (level, country)


def test_places_stage_fills_event_places(analyse: Any) -> None:
    a = analyse("Officials met in Anchorage on Thursday.")
    a.events = [_event(a, "met")]
    make(Options())([a])
    assert a.events[0].location is not None and a.events[0].location.geonameid is not None
    assert places_in("no places here", load_gazetteer()) == []


def test_places_user_sites_file_adds_a_venue(tmp_path: Any, analyse: Any) -> None:
    from communique.knowledge import data_path

    sites = tmp_path / "sites.jsonl"
    sites.write_text(
        data_path("places", "sites.jsonl").read_text(encoding="utf-8")
        + '{"name": "Villa Madama", "aliases": ["Villa Madama"], "city": "Rome", "country": "ITA", '
        '"lat": 41.9286, "lon": 12.4553}\n',
        encoding="utf-8",
    )
    stage = make(Options().with_overrides({"places.sites_file": str(sites)}))
    a = analyse("The ministers met at Villa Madama on Monday.")
    a.events = [_event(a, "met")]
    stage([a])
    loc = a.events[0].location
    assert loc is not None and (loc.name, loc.country, loc.level) == ("Villa Madama", "ITA", "site")


def test_places_bad_sites_file_is_refused_with_its_line(tmp_path: Any) -> None:
    from communique.errors import KnowledgeError

    sites = tmp_path / "sites.jsonl"
    sites.write_text('{"name": "Nowhere", "city": "X", "country": "ZZZ", "lat": 0, "lon": 0}\n', encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_gazetteer(str(sites), None)
    assert err.value.code == "C352" and err.value.line == 1


# (text, trigger, expected place name, country): an attack is where its object is
ATTACK_CASES = [
    ("Russian drones struck the port city of Odesa overnight, officials in Kyiv said.", "struck", "Odesa", "UKR"),
    ("Artillery units kept shelling the frontline town of Bakhmut, the regional governor said in Kramatorsk.",
     "shelling", "Bakhmut", "UKR"),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), ATTACK_CASES)
def test_places_attack_located_at_its_object(analyse: Any, text: str, trigger: str, name: str, country: str) -> None:
    a = analyse(text)
    a.events = [dataclasses.replace(_event(a, trigger), type="ASSAULT")]
    loc = locate_events(a)[0].location
    assert loc is not None and (loc.name, loc.country) == (name, country), loc
