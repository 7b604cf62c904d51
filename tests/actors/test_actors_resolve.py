"""resolve_text: one piece of text (optionally in its sentence, on a date) -> country + sector.

The tables below are written as a news reader would code them with PLOVER (plover.md section 4):
countries by name, adjective, demonym, capital and seat of power; organisations; role words; the
ambiguous country words that are also names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.actors import load_kb, resolve_text
from communique.actors.kb import build_kb

COUNTRY_CASES = [
    # (text, context sentence or None, expected code)
    ("China", None, "CHN"),
    ("the People's Republic of China", None, "CHN"),
    ("Chinese", None, "CHN"),
    ("Beijing", None, "CHNGOV"),
    ("Beijing", "Beijing rejected the proposal on Monday.", "CHNGOV"),
    ("Beijing", "The two delegations held talks in Beijing on Monday.", "CHN"),
    ("the Kremlin", None, "RUSGOV"),
    ("The Kremlin", "The Kremlin said the claims were baseless.", "RUSGOV"),
    ("the White House", None, "USAGOV"),
    ("the Pentagon", None, "USAMIL"),
    ("Downing Street", None, "GBRGOV"),
    ("Number 10", None, "GBRGOV"),
    ("Zhongnanhai", None, "CHNGOV"),
    ("Foggy Bottom", None, "USAGOV"),
    ("the State Department", None, "USAGOV"),
    ("the Elysee", None, "FRAGOV"),
    ("Kyiv", None, "UKRGOV"),
    ("Kiev", None, "UKRGOV"),
    ("Tehran", "Tehran warned Washington against new sanctions.", "IRNGOV"),
    ("Pyongyang", None, "PRKGOV"),
    ("U.S.", None, "USA"),
    ("the United States of America", None, "USA"),
    ("Britain", None, "GBR"),
    ("Korean", None, "KOR"),
    ("North Korean", None, "PRK"),
    ("South Korean", None, "KOR"),
    ("Taiwan", None, "TWN"),
    ("Hong Kong", None, "HKG"),
    ("Macau", None, "MAC"),
    ("Kosovo", None, "KOS"),
    ("Abkhazia", None, "GEOPRE"),
    ("Western Sahara", None, "MARPRE"),
    ("Transnistria", None, "MDAPRE"),
    ("the Holy See", None, "VAT"),
    ("Palestine", None, "PSE"),
    ("Puerto Rico", None, "USA"),
    ("the Falklands", None, "GBR"),
    ("Ivory Coast", None, "CIV"),
    ("Côte d'Ivoire", None, "CIV"),
    ("Myanmar", None, "MMR"),
    ("Burma", None, "MMR"),
    ("Türkiye", None, "TUR"),
    ("Turkey", "Turkey summoned the Swedish ambassador.", "TUR"),
    ("Georgian", "The Georgian government protested.", "GEOGOV"),
    ("Georgia", "Georgia and Armenia signed a deal.", "GEO"),
    ("Jordan", "Jordan closed its border with Syria.", "JOR"),
    ("Chad", "Chad sent troops to the border.", "TCD"),
    ("Palestinians", "Palestinians marched through the city.", "PSECVL"),
]


@pytest.mark.parametrize(("text", "context", "code"), COUNTRY_CASES)
def test_actors_resolve_country_names_adjectives_capitals_and_seats(text: str, context: str | None, code: str) -> None:
    res = resolve_text(text, context=context)
    assert res.actor is not None, res.why
    assert res.actor.code == code, res.why


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Jordan", "Michael Jordan scored 30 points in the final."),
        ("Chad", "Chad Smith said he was tired after the match."),
        ("Jordan", "Mr. Jordan said the bill would pass."),
        ("who", "Officials who spoke to reporters declined to comment."),
        ("us", "The minister told us that talks would resume."),
    ],
)
def test_actors_resolve_country_words_used_as_names_or_pronouns_are_not_countries(text: str, context: str) -> None:
    res = resolve_text(text, context=context)
    assert res.actor is None or res.actor.country is None


ORG_CASES = [
    ("the United Nations", "UNO", None),
    ("UN", "UNO", None),
    ("the U.N. Security Council", "UNO", "GOV"),
    ("the World Health Organization", "UNO", "MED"),
    ("IAEA", "UNO", None),
    ("the European Union", "EUR", None),
    ("the European Commission", "EUR", "GOV"),
    ("NATO", "IGO", "MIL"),
    ("ASEAN", "IGO", None),
    ("the African Union", "IGO", None),
    ("the WTO", "IGO", None),
    ("the IMF", "IGO", None),
    ("the World Bank", "IGO", None),
    ("the G20", "IGO", None),
    ("BRICS", "IGO", None),
    ("the Shanghai Cooperation Organisation", "IGO", None),
    ("the Quad", "IGO", None),
    ("AUKUS", "IGO", "MIL"),
    ("OPEC", "IGO", None),
    ("the OSCE", "IGO", None),
    ("the Arab League", "IGO", None),
    ("the Gulf Cooperation Council", "IGO", None),
    ("the International Criminal Court", "IGO", "JUD"),
    ("the International Court of Justice", "UNO", "JUD"),
    ("the Red Cross", "NGO", None),
    ("Amnesty International", "NGO", None),
    ("Human Rights Watch", "NGO", None),
    ("Hamas", "PSE", "REB"),
    ("the People's Liberation Army", "CHN", "MIL"),
    ("Xinhua", "CHN", "GOV"),
]


@pytest.mark.parametrize(("text", "country", "sector"), ORG_CASES)
def test_actors_resolve_organisations_get_their_plover_code(text: str, country: str, sector: str | None) -> None:
    res = resolve_text(text)
    assert res.actor is not None, res.why
    assert (res.actor.country, res.actor.sector) == (country, sector), res.why


def test_actors_resolve_who_in_capitals_is_the_who_not_the_pronoun() -> None:
    res = resolve_text("WHO", context="The WHO warned of a new outbreak in the region.")
    assert res.actor is not None and res.actor.country == "UNO"


ROLE_CASES = [
    ("Indian troops", "IND", "MIL"),
    ("a Russian general", "RUS", "MIL"),
    ("the Chinese coast guard", "CHN", "MIL"),
    ("Israeli police", "ISR", "COP"),
    ("Egyptian judges", "EGY", "JUD"),
    ("French lawmakers", "FRA", "LEG"),
    ("the Japanese parliament", "JPN", "LEG"),
    ("Syrian rebels", "SYR", "REB"),
    ("Malian militants", "MLI", "REB"),
    ("Iranian protesters", "IRN", "CVL"),
    ("Kenyan activists", "KEN", "CVL"),
    ("Japanese companies", "JPN", "BUS"),
    ("Chinese scholars", "CHN", "EDU"),
    ("British journalists", "GBR", "JRN"),
    ("Russian intelligence", "RUS", "SPY"),
    ("Afghan refugees", "AFG", "REF"),
    ("the Venezuelan opposition", "VEN", "OPP"),
    ("Iraqi doctors", "IRQ", "MED"),
    ("the Chinese side", "CHN", "GOV"),
    ("the Sudanese government", "SDN", "GOV"),
    ("Sudan's government", "SDN", "GOV"),
    ("China's foreign ministry", "CHN", "GOV"),
    ("the Indian embassy", "IND", "GOV"),
    ("a former Thai prime minister", "THA", "ELI"),
    ("NATO troops", "IGO", "MIL"),
]


@pytest.mark.parametrize(("text", "country", "sector"), ROLE_CASES)
def test_actors_resolve_nationality_plus_role_word(text: str, country: str, sector: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None, res.why
    assert (res.actor.country, res.actor.sector) == (country, sector), res.why


@pytest.mark.parametrize(
    ("text", "sector"),
    [("the foreign minister", "GOV"), ("police", "COP"), ("rebels", "REB"), ("the judge", "JUD"), ("senators", "LEG")],
)
def test_actors_resolve_role_word_alone_has_sector_but_unknown_country(text: str, sector: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None
    assert res.actor.country is None and res.actor.sector == sector


@pytest.mark.parametrize(
    ("text", "context", "code"),
    [
        ("Hungarian", "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.", "HUNGOV"),
        ("Romanian", "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.", "ROUGOV"),
        ("Israeli", "Israeli troops opened fire near the border.", "ISRMIL"),
        ("President Ali Bongo", "Gabon's opposition rejected the result as President Ali Bongo was sworn in.", "GABGOV"),
    ],
)
def test_actors_resolve_span_read_in_its_sentence(text: str, context: str, code: str) -> None:
    res = resolve_text(text, context=context)
    assert res.actor is not None and res.actor.code == code, res.why


def test_actors_resolve_both_sides_is_not_one_actor() -> None:
    res = resolve_text("the two sides")
    assert res.actor is None and res.method == "parties"


# --------------------------------------------------------------------- people and dates

PEOPLE = """\
{"id": "antony-blinken", "name": "Antony Blinken", "surname": "Blinken", "aliases": ["Tony Blinken"], "country": "USA", "offices": [{"title": "Deputy Secretary of State", "role": "deputy_foreign_minister", "country": "USA", "sector": "GOV", "start": "2015-01-09", "end": "2017-01-20"}, {"title": "Secretary of State", "role": "foreign_minister", "country": "USA", "sector": "GOV", "start": "2021-01-26", "end": "2025-01-20"}]}
{"id": "qin-gang", "name": "Qin Gang", "surname": "Qin", "aliases": [], "country": "CHN", "offices": [{"title": "Ambassador to the United States", "role": "other", "country": "CHN", "sector": "GOV", "start": "2021-07-28", "end": "2022-12-30"}, {"title": "Foreign Minister", "role": "foreign_minister", "country": "CHN", "sector": "GOV", "start": "2022-12-30", "end": "2023-07-25"}]}
{"id": "wang-yi", "name": "Wang Yi", "surname": "Wang", "aliases": [], "country": "CHN", "offices": [{"title": "Foreign Minister", "role": "foreign_minister", "country": "CHN", "sector": "GOV", "start": "2013-03-16", "end": "2022-12-30"}, {"title": "Foreign Minister", "role": "foreign_minister", "country": "CHN", "sector": "GOV", "start": "2023-07-25", "end": null}]}
{"id": "xi-jinping", "name": "Xi Jinping", "surname": "Xi", "aliases": [], "country": "CHN", "offices": [{"title": "President", "role": "head_of_state", "country": "CHN", "sector": "GOV", "start": "2013-03-14", "end": null}]}
{"id": "joe-biden", "name": "Joe Biden", "surname": "Biden", "aliases": ["Joseph R. Biden"], "country": "USA", "offices": [{"title": "Vice President", "role": "other", "country": "USA", "sector": "GOV", "start": "2009-01-20", "end": "2017-01-20"}, {"title": "President", "role": "head_of_state", "country": "USA", "sector": "GOV", "start": "2021-01-20", "end": "2025-01-20"}]}
{"id": "t-newcomer", "name": "Ana Example", "surname": "Example", "aliases": [], "country": "CHL", "sector": "EDU", "offices": [{"title": "Foreign Minister", "role": "foreign_minister", "country": "CHL", "sector": "GOV", "start": "2030-01-01", "end": null}]}
"""


@pytest.fixture(scope="module")
def people_kb(tmp_path_factory: pytest.TempPathFactory):
    path = Path(tmp_path_factory.mktemp("people")) / "people.jsonl"
    path.write_text(PEOPLE, encoding="utf-8")
    return build_kb([path])


@pytest.mark.parametrize(
    ("text", "date", "actor_id", "code", "office"),
    [
        ("Antony Blinken", "2016-05-01", "antony-blinken", "USAGOV", "Deputy Secretary of State"),
        ("Antony Blinken", "2022-05-01", "antony-blinken", "USAGOV", "Secretary of State"),
        ("Antony Blinken", "2019-05-01", "antony-blinken", "USAELI", None),
        ("Tony Blinken", "2022-05-01", "antony-blinken", "USAGOV", "Secretary of State"),
        ("Blinken", "2022-05-01", "antony-blinken", "USAGOV", "Secretary of State"),
        ("Mr. Blinken", "2022-05-01", "antony-blinken", "USAGOV", "Secretary of State"),
        ("Qin Gang", "2022-06-01", "qin-gang", "CHNGOV", "Ambassador to the United States"),
        ("Qin Gang", "2023-03-01", "qin-gang", "CHNGOV", "Foreign Minister"),
        ("Qin Gang", "2023-09-01", "qin-gang", "CHNELI", None),
        ("Ana Example", "2025-01-01", "t-newcomer", "CHLEDU", None),
        ("the Chinese foreign minister", "2023-03-01", "qin-gang", "CHNGOV", "Foreign Minister"),
        ("the Chinese foreign minister", "2020-03-01", "wang-yi", "CHNGOV", "Foreign Minister"),
        ("the Chinese foreign minister", "2024-03-01", "wang-yi", "CHNGOV", "Foreign Minister"),
        ("the US secretary of state", "2022-03-01", "antony-blinken", "USAGOV", "Secretary of State"),
        ("China's president", "2020-03-01", "xi-jinping", "CHNGOV", "President"),
    ],
)
def test_actors_resolve_office_held_on_the_date(people_kb, text: str, date: str, actor_id: str, code: str, office: str | None) -> None:
    res = resolve_text(text, date=date, kb=people_kb)
    assert res.actor is not None, res.why
    assert (res.actor.actor_id, res.actor.code, res.office) == (actor_id, code, office), res.why


def test_actors_resolve_title_without_a_known_holder_stays_a_country_role(people_kb) -> None:
    res = resolve_text("the Malawian foreign minister", date="2020-03-01", kb=people_kb)
    assert res.actor is not None
    assert (res.actor.actor_id, res.actor.code) == ("country:MWI", "MWIGOV")


def test_actors_resolve_undated_name_uses_the_office_its_title_names(people_kb) -> None:
    vp = resolve_text("Vice President Joe Biden", kb=people_kb)
    pres = resolve_text("President Joe Biden", kb=people_kb)
    assert vp.office == "Vice President" and pres.office == "President"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chinese President Joe Biden", "2022-05-01"),
        ("Russian President Xi Jinping", "2022-05-01"),
        ("Foreign Minister Antony Blinken", "2022-05-01"),
        ("Vice President Joe Biden", "2022-05-01"),
    ],
)
def test_actors_resolve_title_contradicting_the_kb_is_flagged_and_kb_wins(people_kb, text: str, date: str) -> None:
    res = resolve_text(text, date=date, kb=people_kb)
    assert [f.code for f in res.flags] == ["title_contradiction"]
    person = text.split()[-2] + " " + text.split()[-1]
    truth = {"Joe Biden": "USAGOV", "Xi Jinping": "CHNGOV", "Antony Blinken": "USAGOV"}[person]
    assert res.actor is not None and res.actor.code == truth


@pytest.mark.parametrize(
    "text",
    ["President Joe Biden", "Secretary of State Antony Blinken", "Secretary Blinken", "Chinese President Xi Jinping", "US top diplomat Antony Blinken"],
)
def test_actors_resolve_fitting_titles_raise_no_flag(people_kb, text: str) -> None:
    res = resolve_text(text, date="2022-05-01", kb=people_kb)
    assert res.flags == []
    assert res.actor is not None and res.actor.sector == "GOV"


def test_actors_resolve_surname_match_contradicted_by_the_phrase_is_someone_else(people_kb) -> None:
    res = resolve_text("Burmese poet Wang", date="2022-05-01", kb=people_kb)
    assert res.actor is not None and res.actor.actor_id != "wang-yi" and res.actor.country == "MMR"
    assert res.flags == []


def test_actors_resolve_explains_itself_with_candidates() -> None:
    res = resolve_text("Congolese", kb=load_kb())
    assert res.actor is not None and res.actor.country == "COD"
    assert "countries.jsonl" in res.why
    assert res.candidates and res.candidates[0].actor.country == "COD"


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("the Taliban", "2015-06-01", "AFGREB"),
        ("the Taliban", "2022-06-01", "AFGGOV"),
        ("the Taliban", "1998-06-01", "AFGGOV"),
    ],
)
def test_actors_resolve_organisation_sector_changes_with_the_date(text: str, date: str, code: str) -> None:
    res = resolve_text(text, date=date)
    assert res.actor is not None and res.actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tamil refugees", "LKAREF"),
        ("Uighur activists", "CHNCVL"),
        ("Chechen rebels", "RUSREB"),
        ("Tigrayan forces", "ETHMIL"),
        ("Kurdish fighters", "---REB"),  # spread over four states: no country guessed
    ],
)
def test_actors_resolve_peoples_of_one_state_take_its_code(text: str, code: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None and res.actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UN envoy Jane Roe", "UNOGOV"),
        ("NATO spokesman Piet Jansen", "IGOGOV"),
        ("Kenyan diplomat Amos Otieno", "KENGOV"),
        ("King Alaric of Sweden", "SWEGOV"),
    ],
)
def test_actors_resolve_unknown_person_takes_country_from_nationality_organisation_or_of(text: str, code: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None and res.actor.code == code, res.why
    assert res.actor.actor_id is None or res.actor.actor_id.startswith("country:")  # never a KB person


def test_actors_resolve_misspelt_full_name_matches_fuzzily(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(
        '{"id": "francois-mitterrand", "name": "François Mitterrand", "surname": "Mitterrand", "country": "FRA", "offices": [{"title": "President", "role": "head_of_state", "country": "FRA", "sector": "GOV", "start": "1981-05-21", "end": "1995-05-17"}]}\n',
        encoding="utf-8",
    )
    res = resolve_text("Francois Mitterand", context="Francois Mitterand met Helmut Kohl in Verdun.", date="1984-09-22", kb=build_kb([path]))
    assert res.actor is not None and res.actor.actor_id == "francois-mitterrand" and res.method == "fuzzy"
    assert res.actor.code == "FRAGOV"


@pytest.mark.parametrize(
    ("text", "context", "code"),
    [
        ("protesters", "Kenyan police fired tear gas at protesters in Nairobi.", "KENCVL"),
        ("rebels", "Government troops fought rebels across Sudan on Monday.", "SDNREB"),
        ("rebels", "US officials met rebels on Monday.", "---REB"),
        ("rebels", "Rebels seized two towns near the border with Chad and Niger.", "---REB"),
    ],
)
def test_actors_resolve_role_alone_takes_the_country_of_the_only_place_named(text: str, context: str, code: str) -> None:
    res = resolve_text(text, context=context)
    assert res.actor is not None and res.actor.code == code, res.why


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia's embassy in Washington", "RUSGOV"),
        ("the Chinese ambassador to Australia", "CHNGOV"),
        ("officials in Seoul", "KORGOV"),
        ("the president of Kenya", "KENGOV"),
    ],
)
def test_actors_resolve_place_after_the_role_names_the_country_only_when_no_other_does(text: str, code: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None and res.actor.code == code, res.why


@pytest.mark.parametrize(
    ("text", "code"),
    [("the chinese foreign minister", "CHNGOV"), ("beijing", "CHNGOV"), ("turkey", "TUR")],
)
def test_actors_resolve_all_lower_case_query_ignores_case(text: str, code: str) -> None:
    res = resolve_text(text)
    assert res.actor is not None and res.actor.code == code


@pytest.mark.parametrize("text", ["Roast turkey", "Fine china plates"])
def test_actors_resolve_mixed_case_query_keeps_proper_names_capitalised(text: str) -> None:
    res = resolve_text(text)
    assert res.actor is None or res.actor.country is None
