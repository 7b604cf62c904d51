"""PETRARCH/TABARI dictionaries: the reader on small dictionaries written here, resolution with
their codes, date restrictions, agents, and merging through the options."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.actors import clear_cache, load_kb, resolve_text
from communique.actors.petrarch import is_agent_file, load_petrarch_kb, read_actors, read_agents
from communique.config import Options
from communique.errors import KnowledgeError

ACTORS = """\
<!-- TEST ACTOR DICTIONARY -->
<!--
# a comment block over
# several lines
-->
ATLANTIS  [ATL]   # an island
+ATLANTEAN
+POSEIDONIA_
OCEANIA_CITY [ATLGOV] # seat
BOREALIS_
    [BOR]
ARGENT  [ARG]

ZOG
+KING_ZOG
    [ALB < 19390407]
    [ALBELI 19390407-19610409]
    [ALBOPP >610410]

LUNAR_REPUBLIC [MOOGOV/MOOLEG]
LUNAR_MILITIA [MOOMIL]
"""

AGENTS = """\
<!-- TEST AGENT DICTIONARY -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINST! = MINISTER, MINISTERS, MINISTRY

CONGRESS!PERSON! [~LEG] # substitution glued to the word
!MINST!_OF_FISHERIES [~GOV]
TROOPS {} [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
POLICE {} [ ~COP]
HUMAN_RIGHTS_GROUP [NGO~]
"""


@pytest.fixture()
def dicts(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def test_actors_petrarch_reads_entries_synonyms_and_date_blocks(dicts: tuple[Path, Path]) -> None:
    actors = {a.phrase: a for a in read_actors(dicts[0])}
    assert set(actors) == {"ATLANTIS", "OCEANIA_CITY", "BOREALIS_", "ARGENT", "ZOG", "LUNAR_REPUBLIC", "LUNAR_MILITIA"}
    assert actors["ATLANTIS"].synonyms == ["ATLANTEAN", "POSEIDONIA_"]
    assert actors["BOREALIS_"].code == "BOR"
    zog = actors["ZOG"]
    assert zog.synonyms == ["KING_ZOG"] and zog.code is None
    assert [(p.country, p.sector, p.start, p.end) for p in zog.periods] == [
        ("ALB", None, None, "1939-04-06"),
        ("ALB", "ELI", "1939-04-07", "1961-04-09"),
        ("ALB", "OPP", "1961-04-10", None),
    ]
    assert actors["LUNAR_REPUBLIC"].codes == ["MOOGOV", "MOOLEG"]


def test_actors_petrarch_reads_agents_with_substitutions_and_plurals(dicts: tuple[Path, Path]) -> None:
    agents = {a.phrase: a for a in read_agents(dicts[1])}
    assert {"CONGRESSMAN", "CONGRESSWOMEN", "MINISTRY_OF_FISHERIES", "MINISTERS_OF_FISHERIES"} <= set(agents)
    assert agents["TROOPS"].plurals == [] and agents["ATTORNEY_GENERAL"].plurals == ["ATTORNEYS_GENERAL"]
    assert agents["POLICE"].code == "~COP" and agents["HUMAN_RIGHTS_GROUP"].code == "NGO~"
    assert is_agent_file(dicts[1]) and not is_agent_file(dicts[0])


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Atlantis", None, "ATL"),
        ("the Atlanteans", None, "ATL"),  # stem: ATLANTEAN matches Atlanteans
        ("Oceania City", None, "ATLGOV"),
        ("Borealis", None, "BOR"),
        ("Argentina", None, "ARG"),  # TABARI stem ARGENT
        ("King Zog", "1930-01-01", "ALB"),
        ("King Zog", "1950-01-01", "ALBELI"),
        ("Zog", "1970-01-01", "ALBOPP"),
        ("Lunar Republic", None, "MOOGOV"),
        ("Atlantean troops", None, "ATLMIL"),
        ("Atlantean congressmen", None, "ATLLEG"),
        ("the Atlantean minister of fisheries", None, "ATLGOV"),
        ("Atlantean attorneys general", None, "ATLJUD"),
        ("Atlantean human rights group", None, "NGOATL"),
        ("police", None, "---COP"),
    ],
)
def test_actors_petrarch_kb_gives_dictionary_codes(dicts: tuple[Path, Path], text: str, date: str | None, code: str) -> None:
    kb = load_petrarch_kb([dicts[0]], [dicts[1]])
    res = resolve_text(text, date=date, kb=kb)
    assert res.actor is not None, res.why
    assert res.actor.code == code, res.why


def test_actors_petrarch_exact_phrase_does_not_match_longer_words(dicts: tuple[Path, Path]) -> None:
    kb = load_petrarch_kb([dicts[0]], [dicts[1]])
    res = resolve_text("Borealisian", kb=kb)
    assert res.actor is None or res.actor.code != "BOR"


def test_actors_petrarch_entry_keeps_its_id(dicts: tuple[Path, Path]) -> None:
    kb = load_petrarch_kb([dicts[0]], [dicts[1]])
    res = resolve_text("King Zog", date="1950-01-01", kb=kb)
    assert res.actor is not None and res.actor.actor_id == "petrarch:ZOG"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("ATLANTIS [ATL]\n+ATLANTEAN\nZOG\n    [950601-990815]\n", 4),
        ("ATLANTIS [ATL\n", 1),
        ("+ORPHAN\n", 1),
        ("ATLANTIS\nBOREALIS [BOR]\n", 1),
        ("ZOG\n    [ALB < 991332]\n", 2),
    ],
)
def test_actors_petrarch_malformed_dictionary_names_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        read_actors(path)
    assert (err.value.code, err.value.path, err.value.line) == ("C313", str(path), line)


def test_actors_petrarch_unknown_substitution_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.agents.txt"
    path.write_text("!PERSON! = MAN, MEN\nCHAIR!PEOPLE! [~GOV]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        read_agents(path)
    assert (err.value.code, err.value.line) == ("C313", 2)


def test_actors_petrarch_files_from_options_merge_over_builtin_and_are_reported(dicts: tuple[Path, Path], tmp_path: Path) -> None:
    extra = tmp_path / "override.actors.txt"
    extra.write_text("EGYPT [UAR] # old code\n", encoding="utf-8")
    clear_cache()
    kb = load_kb(Options().with_overrides({"actors.petrarch_files": [str(dicts[0]), str(dicts[1]), str(extra)]}))
    assert resolve_text("Egypt", kb=kb).actor.code == "UAR"  # type: ignore[union-attr]
    assert resolve_text("Atlantis", kb=kb).actor.code == "ATL"  # type: ignore[union-attr]
    assert resolve_text("France", kb=kb).actor.code == "FRA"  # type: ignore[union-attr]  # built-in still there
    assert any("'Egypt'" in c or "EGYPT" in c for c in kb.conflicts if c.startswith("override"))


def test_actors_petrarch_six_digit_dates_are_tabari_years(tmp_path: Path) -> None:
    path = tmp_path / "yy.actors.txt"
    path.write_text("RHODESIA\n    [RHO <790606]\n    [ZWE]\n", encoding="utf-8")
    (entry,) = read_actors(path)
    assert entry.code == "ZWE" and entry.periods[0].end == "1979-06-05"


def test_actors_petrarch_open_ended_ranges(tmp_path: Path) -> None:
    path = tmp_path / "open.actors.txt"
    path.write_text("ABDULLAH_II_\n    [JORELI -19990206]\n    [JORGOV 19990207-]\n", encoding="utf-8")
    (entry,) = read_actors(path)
    assert [(p.sector, p.start, p.end) for p in entry.periods] == [("ELI", None, "1999-02-06"), ("GOV", "1999-02-07", None)]
    kb = load_petrarch_kb([path])
    assert resolve_text("Abdullah II", date="2005-01-01", kb=kb).actor.code == "JORGOV"  # type: ignore[union-attr]
    assert resolve_text("Abdullah II", date="1990-01-01", kb=kb).actor.code == "JORELI"  # type: ignore[union-attr]


def test_actors_petrarch_multi_code_entry_keeps_all_codes(dicts: tuple[Path, Path]) -> None:
    kb = load_petrarch_kb([dicts[0]], [dicts[1]])
    res = resolve_text("the Lunar Republic", kb=kb)
    assert res.actor is not None and res.actor.code == "MOOGOV"
    assert kb.entries["petrarch:LUNAR_REPUBLIC"].code == "MOOGOV/MOOLEG"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The AU", "IGOAFR"),  # "THE_AU" is the acronym AU, not "THEAU"
        ("AU", "IGOAFR"),
        ("the Hermit Kingdom", "PRK"),
        ("the K.U.", "USAEDU"),
    ],
)
def test_actors_petrarch_leading_the_is_not_part_of_the_name(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "the.actors.txt"
    path.write_text("THE_AU [IGOAFR]\nNORTH_KOREA [PRK]\n+THE_HERMIT_KINGDOM\nTHE_KU [USAEDU]\n+K.U.\n", encoding="utf-8")
    kb = load_petrarch_kb([path])
    res = resolve_text(text, kb=kb)
    assert res.actor is not None and res.actor.code == code, res.why


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("EU", "IGOEEU"),  # the built-in European Union's acronym follows the dictionary entry
        ("the European Union", "IGOEEU"),
        ("Washington", "USAGOV"),  # the dictionary's own WASHINGTON beats the name taken from the USA
        ("the United States", "USA"),
        ("the Pentagon", "USAMIL"),  # a seat keeps its sector with the built-in entry
    ],
)
def test_actors_petrarch_entry_named_like_builtin_takes_over_its_names(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "takeover.actors.txt"
    path.write_text("EUROPEAN_UNION [IGOEEU]\nUNITED_STATES [USA]\nWASHINGTON [USAGOV]\n", encoding="utf-8")
    clear_cache()
    kb = load_kb(Options().with_overrides({"actors.petrarch_files": [str(path)]}))
    res = resolve_text(text, kb=kb)
    assert res.actor is not None and res.actor.code == code, res.why


@pytest.mark.parametrize(("text", "code"), [("MSF Atlantis", "NGOATL"), ("Doctors Without Borders", "NGOMED")])
def test_actors_petrarch_agent_word_beats_builtin_acronym(tmp_path: Path, text: str, code: str) -> None:
    actors = tmp_path / "a.actors.txt"
    actors.write_text("ATLANTIS [ATL]\n", encoding="utf-8")
    agents = tmp_path / "a.agents.txt"
    agents.write_text("MSF {} [NGO~]\n", encoding="utf-8")
    clear_cache()
    kb = load_kb(Options().with_overrides({"actors.petrarch_files": [str(actors), str(agents)]}))
    res = resolve_text(text, kb=kb)
    assert res.actor is not None and res.actor.code == code, res.why
    assert any("'MSF' is an agent word" in c for c in kb.conflicts)
