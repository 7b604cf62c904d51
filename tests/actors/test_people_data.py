"""The people file is knowledge the actor resolver trusts blindly: a wrong date makes a wrong event.

These tests read ``actors/data/people.jsonl`` through the shared knowledge loader and check its
shape (fields, types, role and date formats), its consistency (unique ids and names, no alias shared
by two people, no two people holding a single-seat office at once) and a table of spot facts
("who was China's foreign minister on 2023-06-18?") answered from the file alone.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from typing import Any

import pytest

from communique.actors.kb import OFFICE_ROLES
from communique.knowledge import data_path, read_jsonl

PEOPLE_FILE = data_path("actors", "people.jsonl")

ROLES = OFFICE_ROLES  # the loader's own list: data and loader must agree
PERSON_FIELDS = {
    "id": str,
    "name": str,
    "surname": str,
    "aliases": list,
    "country": str,
    "offices": list,
}
OFFICE_FIELDS = {"title": str, "role": str, "country": str, "sector": str}
ID_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
COUNTRY_RE = re.compile(r"[A-Z]{3}")
SECTOR_RE = re.compile(r"[A-Z]{3}")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# The file covers offices held since 2000; earlier offices of the same people are kept, but nothing
# before this year or after it is plausible for a living officeholder.
EARLIEST_YEAR = 1940
LATEST_YEAR = 2026

# Offices that several people hold at the same time by design; every other (title, country) pair is
# a single seat and two people holding it on the same day is a data error.
SHARED_ROLES = frozenset({"spokesperson"})
SHARED_TITLES = frozenset(
    {
        "Senator",
        "Member of the House of Representatives",
        "Member of the State Duma",
        "State Councilor",
        "Vice Premier",
        "Member of the Politburo Standing Committee",
        "Deputy Foreign Minister",
        "Vice Foreign Minister",
        "Aide to the President",
        "Member of the Knesset",
        "Member of Parliament",
        "Deputy Prime Minister",
        "First Deputy Prime Minister",
        "Vice Chairman of the Central Military Commission",
        "Member of the Iraqi Governing Council",
        "Green Movement opposition leader",
    }
)


def _load() -> list[dict[str, Any]]:
    return list(read_jsonl(PEOPLE_FILE))


PEOPLE = _load()


def _earliest(value: str) -> date:
    """First day a partial date (YYYY or YYYY-MM) can mean."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return date(year, month, day)


def _latest(value: str) -> date:
    """Last day a partial date (YYYY or YYYY-MM) can mean."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


FAR_FUTURE = date(9999, 12, 31)


def _offices() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(p, o) for p in PEOPLE for o in p["offices"]]


def holders(
    *, country: str, role: str | None = None, title: str | None = None, on: str
) -> set[str]:
    """Ids of the people holding an office matching ``role``/``title`` in ``country`` on ``on``.

    An office counts from its start day up to, not including, its end day, so a hand-over day names
    only the successor.
    """
    day = date.fromisoformat(on)
    found = set()
    for person, office in _offices():
        if office["country"] != country:
            continue
        if role is not None and office["role"] != role:
            continue
        if title is not None and office["title"] != title:
            continue
        start = _earliest(office["start"])
        end = _earliest(office["end"]) if office["end"] else FAR_FUTURE
        if start <= day < end:
            found.add(person["id"])
    return found


def test_people_file_has_enough_people_to_be_useful() -> None:
    # A floor, not a target: it catches a truncated or half-merged file.
    assert len(PEOPLE) >= 2000
    assert sum(len(p["offices"]) for p in PEOPLE) >= 3000


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: str(p.get("id")))
def test_people_record_has_fields_of_the_right_type(person: dict[str, Any]) -> None:
    for key, kind in PERSON_FIELDS.items():
        assert isinstance(person.get(key), kind), f"line {person['__line__']}: {key}"
    assert "note" in person and (person["note"] is None or isinstance(person["note"], str))
    assert ID_RE.fullmatch(person["id"]), person["id"]
    assert COUNTRY_RE.fullmatch(person["country"])
    assert person["name"].strip() == person["name"] and person["name"]
    assert person["surname"] in person["name"] or any(
        person["surname"] in a for a in person["aliases"]
    )
    assert person["offices"], "a person without an office does not belong in this file"
    for alias in person["aliases"]:
        assert isinstance(alias, str) and alias.strip() == alias and alias
        assert alias != person["surname"], "the bare surname belongs in 'surname', not in aliases"
        assert alias != person["name"]
    for office in person["offices"]:
        for key, kind in OFFICE_FIELDS.items():
            assert isinstance(office.get(key), kind), f"line {person['__line__']}: office {key}"
        assert office["role"] in ROLES, office["role"]
        assert COUNTRY_RE.fullmatch(office["country"])
        assert SECTOR_RE.fullmatch(office["sector"])
        assert "note" in office and (office["note"] is None or isinstance(office["note"], str))
        assert isinstance(office["start"], str) and DATE_RE.fullmatch(office["start"]), office
        assert office["end"] is None or (
            isinstance(office["end"], str) and DATE_RE.fullmatch(office["end"])
        )


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: str(p.get("id")))
def test_people_office_dates_are_real_and_ordered(person: dict[str, Any]) -> None:
    for office in person["offices"]:
        start = _earliest(office["start"])  # raises on 2021-02-30 or month 13
        assert EARLIEST_YEAR <= start.year <= LATEST_YEAR, office
        if office["end"] is not None:
            end = _latest(office["end"])
            assert start <= end, f"{person['id']}: {office['title']} ends before it starts"
            assert end.year <= LATEST_YEAR, office


def test_people_partial_dates_say_why_in_a_note() -> None:
    vague = [
        (p["id"], o["title"])
        for p, o in _offices()
        if (len(o["start"]) < 10 or (o["end"] is not None and len(o["end"]) < 10)) and not o["note"]
    ]
    assert vague == []


def test_people_ids_and_names_are_unique() -> None:
    ids = [p["id"] for p in PEOPLE]
    assert len(ids) == len(set(ids))
    names = [p["name"].casefold() for p in PEOPLE]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_people_no_alias_or_name_is_shared_by_two_people() -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for person in PEOPLE:
        for form in [person["name"], *person["aliases"]]:
            owner[form.casefold()].add(person["id"])
    shared = {form: ids for form, ids in owner.items() if len(ids) > 1}
    assert not shared, "\n".join(f"{form}: {sorted(ids)}" for form, ids in shared.items())


def test_people_single_seat_offices_never_have_two_holders_at_once() -> None:
    seats: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for person, office in _offices():
        if office["role"] in SHARED_ROLES or office["title"] in SHARED_TITLES:
            continue
        # Lenient bounds: a partial date is read so that it overlaps as little as possible.
        start = _latest(office["start"])
        end = _earliest(office["end"]) if office["end"] else FAR_FUTURE
        seats[(office["title"], office["country"])].append((start, end, person["id"]))
    clashes = []
    for seat, terms in seats.items():
        for i, (s1, e1, a) in enumerate(terms):
            for s2, e2, b in terms[i + 1 :]:
                if a != b and s1 < e2 and s2 < e1:
                    clashes.append((seat, a, b))
    assert not clashes, "\n".join(map(str, clashes))


# (country, role, date, expected id): spot facts checked against the file.
SPOT_FACTS = [
    ("CHN", "foreign_minister", "2023-06-18", "qin-gang"),
    ("CHN", "foreign_minister", "2024-02-01", "wang-yi"),
    ("CHN", "foreign_minister", "2010-05-01", "yang-jiechi"),
    ("CHN", "foreign_minister", "2005-01-01", "li-zhaoxing"),
    ("CHN", "top_diplomat", "2021-03-18", "yang-jiechi"),
    ("CHN", "top_diplomat", "2024-06-01", "wang-yi"),
    ("CHN", "head_of_state", "2015-09-25", "xi-jinping"),
    ("CHN", "head_of_state", "2005-01-01", "hu-jintao"),
    ("CHN", "head_of_government", "2019-01-01", "li-keqiang"),
    ("CHN", "head_of_government", "2024-01-01", "li-qiang"),
    ("CHN", "head_of_government", "2010-01-01", "wen-jiabao"),
    ("CHN", "defence_minister", "2023-05-01", "li-shangfu"),
    ("USA", "foreign_minister", "2021-03-18", "antony-blinken"),
    ("USA", "foreign_minister", "2025-06-01", "marco-rubio"),
    ("USA", "foreign_minister", "2012-01-01", "hillary-clinton"),
    ("USA", "foreign_minister", "2018-01-01", "rex-tillerson"),
    ("USA", "national_security_adviser", "2021-03-18", "jake-sullivan"),
    ("USA", "national_security_adviser", "2019-01-01", "john-bolton"),
    ("USA", "national_security_adviser", "2025-03-01", "mike-waltz"),
    ("USA", "head_of_state", "2018-06-12", "donald-trump"),
    ("USA", "head_of_state", "2023-01-01", "joe-biden"),
    ("USA", "defence_minister", "2019-03-01", "patrick-shanahan"),
    ("USA", "un_ambassador", "2018-01-01", "nikki-haley"),
    ("GBR", "head_of_government", "2022-10-01", "liz-truss"),
    ("GBR", "head_of_government", "2008-01-01", "gordon-brown"),
    ("GBR", "head_of_government", "2025-01-01", "keir-starmer"),
    ("GBR", "foreign_minister", "2017-01-01", "boris-johnson"),
    ("GBR", "head_of_state", "2023-06-01", "charles-iii"),
    ("RUS", "head_of_state", "2010-01-01", "dmitry-medvedev"),
    ("RUS", "head_of_state", "2015-01-01", "vladimir-putin"),
    ("RUS", "head_of_government", "2010-01-01", "vladimir-putin"),
    ("RUS", "foreign_minister", "2003-01-01", "igor-ivanov"),
    ("RUS", "foreign_minister", "2022-03-01", "sergey-lavrov"),
    ("RUS", "defence_minister", "2023-01-01", "sergei-shoigu"),
    ("RUS", "defence_minister", "2025-01-01", "andrei-belousov"),
    ("FRA", "head_of_state", "2014-01-01", "francois-hollande"),
    ("FRA", "head_of_state", "2009-01-01", "nicolas-sarkozy"),
    ("FRA", "foreign_minister", "2003-02-14", "dominique-de-villepin"),
    ("UKR", "head_of_state", "2022-03-01", "volodymyr-zelensky"),
    ("UKR", "foreign_minister", "2023-01-01", "dmytro-kuleba"),
    ("UNO", "igo_leader", "2010-01-01", "ban-ki-moon"),
    ("UNO", "igo_leader", "2020-01-01", "antonio-guterres"),
    ("IGO", "igo_leader", "2016-01-01", "jens-stoltenberg"),
    ("EUR", "igo_leader", "2021-01-01", "ursula-von-der-leyen"),
    ("DEU", "head_of_government", "2010-01-01", "angela-merkel"),
    ("JPN", "head_of_government", "2016-01-01", "shinzo-abe"),
    ("IND", "head_of_government", "2020-01-01", "narendra-modi"),
    ("PRK", "head_of_state", "2015-01-01", "kim-jong-un"),
    ("TWN", "head_of_state", "2018-01-01", "tsai-ing-wen"),
    ("ISR", "head_of_government", "2022-01-01", "naftali-bennett"),
    ("ISR", "head_of_government", "2015-01-01", "benjamin-netanyahu"),
    ("IRN", "foreign_minister", "2015-07-14", "mohammad-javad-zarif"),
    ("IRN", "head_of_state", "2020-01-01", "ali-khamenei"),
    ("PSE", "head_of_state", "2010-01-01", "mahmoud-abbas"),
    ("SAU", "head_of_government", "2023-01-01", "mohammed-bin-salman"),
    ("TUR", "head_of_state", "2016-01-01", "recep-tayyip-erdogan"),
    ("KOR", "head_of_state", "2020-01-01", "moon-jae-in"),
    ("IND", "foreign_minister", "2021-01-01", "s-jaishankar"),
    ("IND", "national_security_adviser", "2021-01-01", "ajit-doval"),
    ("PAK", "head_of_government", "2019-06-01", "imran-khan"),
    ("JPN", "foreign_minister", "2015-01-01", "fumio-kishida"),
    ("DEU", "foreign_minister", "2019-01-01", "heiko-maas"),
    ("BRA", "head_of_state", "2017-01-01", "michel-temer"),
    ("CAN", "head_of_government", "2020-01-01", "justin-trudeau"),
    ("AUS", "head_of_government", "2020-01-01", "scott-morrison"),
    ("ITA", "head_of_government", "2023-01-01", "giorgia-meloni"),
    ("MEX", "head_of_state", "2020-01-01", "andres-manuel-lopez-obrador"),
    ("ZAF", "head_of_state", "2016-01-01", "jacob-zuma"),
    ("IDN", "head_of_state", "2019-01-01", "joko-widodo"),
    ("ARG", "head_of_state", "2024-06-01", "javier-milei"),
    ("EUR", "top_diplomat", "2022-01-01", "josep-borrell"),
    ("RUS", "national_security_adviser", "2015-01-01", "nikolai-patrushev"),
    ("HKG", "head_of_government", "2019-06-12", "carrie-lam"),
    # 1990-2005: the decade before most of the file, for archives that reach back to 1990
    ("USA", "head_of_state", "1991-01-17", "george-h-w-bush"),
    ("USA", "foreign_minister", "1995-11-21", "warren-christopher"),
    ("USA", "national_security_adviser", "1994-01-01", "anthony-lake"),
    ("USA", "defence_minister", "1994-06-01", "william-perry"),
    ("USA", "un_ambassador", "1991-01-01", "thomas-pickering"),
    ("RUS", "head_of_state", "1995-01-01", "boris-yeltsin"),
    ("RUS", "head_of_state", "1991-01-01", "mikhail-gorbachev"),
    ("RUS", "head_of_government", "1995-01-01", "viktor-chernomyrdin"),
    ("RUS", "head_of_government", "1999-01-01", "yevgeny-primakov"),
    ("RUS", "foreign_minister", "1993-01-01", "andrei-kozyrev"),
    ("RUS", "foreign_minister", "1997-01-01", "yevgeny-primakov"),
    ("RUS", "defence_minister", "1994-12-11", "pavel-grachev"),
    ("GBR", "head_of_government", "1995-01-01", "john-major"),
    ("GBR", "foreign_minister", "1992-01-01", "douglas-hurd"),
    ("FRA", "head_of_state", "1992-01-01", "francois-mitterrand"),
    ("FRA", "head_of_government", "1994-01-01", "edouard-balladur"),
    ("DEU", "head_of_government", "1995-01-01", "helmut-kohl"),
    ("DEU", "foreign_minister", "1995-01-01", "klaus-kinkel"),
    ("CHN", "head_of_state", "1992-01-01", "yang-shangkun"),
    ("CHN", "head_of_government", "1995-01-01", "li-peng"),
    ("CHN", "foreign_minister", "1995-01-01", "qian-qichen"),
    ("ISR", "head_of_government", "1994-01-01", "yitzhak-rabin"),
    ("ISR", "foreign_minister", "1997-01-01", "david-levy"),
    ("SRB", "head_of_state", "1999-04-01", "slobodan-milosevic"),
    ("HRV", "head_of_state", "1995-08-04", "franjo-tudjman"),
    ("BIH", "head_of_state", "1994-01-01", "alija-izetbegovic"),
    ("IRN", "head_of_government", "1995-01-01", "akbar-hashemi-rafsanjani"),
    ("IRQ", "foreign_minister", "1991-01-09", "tariq-aziz"),
    ("SYR", "head_of_state", "1995-01-01", "hafez-al-assad"),
    ("JOR", "head_of_state", "1994-10-26", "king-hussein"),
    ("LBY", "head_of_state", "1999-01-01", "muammar-gaddafi"),
    ("AFG", "head_of_state", "1990-01-01", "mohammad-najibullah"),
    ("PAK", "head_of_government", "1994-01-01", "benazir-bhutto"),
    ("IND", "head_of_government", "1993-01-01", "p-v-narasimha-rao"),
    ("ZAF", "head_of_state", "1996-01-01", "nelson-mandela"),
    ("NGA", "head_of_state", "1995-01-01", "sani-abacha"),
    ("RWA", "head_of_state", "1993-01-01", "juvenal-habyarimana"),
    ("COD", "head_of_state", "1995-01-01", "mobutu-sese-seko"),
    ("IDN", "head_of_state", "1995-01-01", "suharto"),
    ("KOR", "head_of_state", "1995-01-01", "kim-young-sam"),
    ("PRK", "head_of_state", "1993-01-01", "kim-il-sung"),
    ("TWN", "head_of_state", "1996-03-23", "lee-teng-hui"),
    ("JPN", "head_of_government", "1997-01-01", "ryutaro-hashimoto"),
    ("UNO", "igo_leader", "1994-04-07", "boutros-boutros-ghali"),
    ("IGO", "igo_leader", "1992-01-01", "manfred-worner"),
    ("EUR", "igo_leader", "1993-01-01", "jacques-delors"),
]


@pytest.mark.parametrize(("country", "role", "on", "expected"), SPOT_FACTS)
def test_people_spot_fact_names_the_officeholder(
    country: str, role: str, on: str, expected: str
) -> None:
    found = holders(country=country, role=role, on=on)
    # Several people can share a role in a country (e.g. IGO leaders of different bodies); the
    # expected one must be among them and nobody may hold the same title at the same time.
    assert expected in found, (found, expected)
    titles = {
        o["title"]
        for p, o in _offices()
        if p["id"] == expected and o["country"] == country and o["role"] == role
    }
    for title in titles:
        same_seat = holders(country=country, title=title, on=on)
        if expected in same_seat:
            assert same_seat == {expected}


@pytest.mark.parametrize(
    ("person_id", "surname"),
    [
        ("xi-jinping", "Xi"),
        ("wang-yi", "Wang"),
        ("yang-jiechi", "Yang"),
        ("kim-jong-un", "Kim"),
        ("antony-blinken", "Blinken"),
        ("ursula-von-der-leyen", "von der Leyen"),
        ("mohammed-bin-salman", "bin Salman"),
        ("lai-ching-te", "Lai"),
        ("choe-son-hui", "Choe"),
        ("luiz-inacio-lula-da-silva", "Lula"),
    ],
)
def test_people_surname_follows_naming_order(person_id: str, surname: str) -> None:
    by_id = {p["id"]: p for p in PEOPLE}
    assert by_id[person_id]["surname"] == surname
