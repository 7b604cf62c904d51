"""The knowledge base files: validated before any processing, conflicts reported, user files win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.actors import clear_cache, load_kb, resolve_text
from communique.actors.kb import SECTORS, build_kb, builtin_files
from communique.config import Options
from communique.errors import KnowledgeError


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


UN_MEMBERS_SAMPLE = ["AFG", "BRA", "CHN", "COD", "FJI", "IND", "KIR", "MHL", "NRU", "PRK", "KOR", "SSD", "TUV", "USA", "VNM", "ZWE"]


def test_actors_kb_has_every_un_member_and_observer() -> None:
    kb = load_kb()
    codes = {e.country for e in kb.entries.values() if e.kind == "country" and e.sector is None}
    assert len(codes) >= 193 + 2  # members + Holy See + Palestine (+ territories)
    assert set(UN_MEMBERS_SAMPLE) | {"VAT", "PSE", "TWN", "HKG", "MAC", "KOS"} <= codes


def test_actors_kb_builtin_countries_organisations_and_roles_do_not_conflict() -> None:
    kb = load_kb()
    own = [c for c in kb.conflicts if "people.jsonl" not in c]
    assert own == []


def test_actors_kb_roles_all_map_to_plover_sectors() -> None:
    kb = build_kb()
    assert len(kb.roles) > 200
    assert {r.sector for r in kb.roles.values()} <= SECTORS


@pytest.mark.parametrize(
    ("name", "lines", "code", "line"),
    [
        ("bad.jsonl", ['{"id": "org:x", "name": "X", "country": "IGO"}', '{"id": "org:y", "name": '], "C301", 2),
        ("noname.jsonl", ["# my organisations", '{"id": "org:x", "country": "IGO"}'], "C302", 2),
        ("sector.jsonl", ['{"id": "org:x", "name": "X", "country": "IGO", "sector": "ARMY"}'], "C310", 1),
        ("country.jsonl", ['{"id": "org:x", "name": "X", "country": "China"}'], "C310", 1),
        ("dates.jsonl", ['{"id": "p", "name": "P Q", "surname": "Q", "country": "FRA", "offices": [{"title": "President", "role": "head_of_state", "sector": "GOV", "start": "2020-05-01", "end": "2019-01-01"}]}'], "C311", 1),
        ("baddate.jsonl", ['{"id": "p", "name": "P Q", "surname": "Q", "country": "FRA", "offices": [{"title": "President", "role": "head_of_state", "sector": "GOV", "start": "May 2020"}]}'], "C302", 1),
        ("role.jsonl", ['{"id": "p", "name": "P Q", "surname": "Q", "country": "FRA", "offices": [{"title": "Boss", "role": "boss", "sector": "GOV"}]}'], "C302", 1),
        ("dup.jsonl", ['{"id": "org:x", "name": "X", "country": "IGO"}', '{"id": "org:x", "name": "Y", "country": "IGO"}'], "C314", 2),
        ("roles.tsv", ["phrase\tsector\trole\tplural\tgeneric", "harbour master\tPORT\t-\t-\tno"], "C310", 2),
        ("roles.tsv", ["phrase\tsector\trole\tplural\tgeneric", "harbour master\tGOV"], "C301", 2),
    ],
)
def test_actors_kb_malformed_user_file_is_refused_with_file_and_line(tmp_path: Path, name: str, lines: list[str], code: str, line: int) -> None:
    path = write(tmp_path, name, lines)
    with pytest.raises(KnowledgeError) as err:
        build_kb([path])
    assert err.value.code == code
    assert err.value.path == str(path) and err.value.line == line
    assert str(path) in str(err.value)


def test_actors_kb_unknown_file_type_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "actors.csv", ["name,country"])
    with pytest.raises(KnowledgeError) as err:
        build_kb([path])
    assert err.value.code == "C312"


def test_actors_kb_bad_file_stops_the_stage_before_processing(tmp_path: Path) -> None:
    from communique.actors.stage import make

    path = write(tmp_path, "broken.jsonl", ['{"id": "org:x", "name": "X", "country": "IGO", "sector": "NOPE"}'])
    clear_cache()
    with pytest.raises(KnowledgeError) as err:
        make(Options().with_overrides({"actors.files": [str(path)]}))
    assert (err.value.code, err.value.line) == ("C310", 1)


def test_actors_kb_user_entry_wins_and_the_override_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mine.jsonl",
        [json.dumps({"id": "org:quad", "name": "Quad", "aliases": ["the Quad"], "country": "IGO", "sector": "MIL"})],
    )
    kb = build_kb([path])
    assert any(c.startswith("override: org:quad") for c in kb.conflicts)
    res = resolve_text("the Quad", kb=kb)
    assert res.actor is not None and (res.actor.country, res.actor.sector) == ("IGO", "MIL")


def test_actors_kb_user_alias_taking_a_builtin_word_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.jsonl", [json.dumps({"id": "org:kremlin-museum", "name": "Kremlin Museums", "aliases": ["Kremlin"], "country": "RUS", "sector": "EDU"})])
    kb = build_kb([path])
    assert any("override: alias 'Kremlin'" in c for c in kb.conflicts)


def test_actors_kb_same_alias_for_two_actors_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mine.jsonl",
        [
            json.dumps({"id": "org:acme-a", "name": "Acme Holdings", "aliases": ["Acme"], "country": "MNC", "sector": "BUS"}),
            json.dumps({"id": "org:acme-b", "name": "Acme Rebels", "aliases": ["Acme"], "country": "COL", "sector": "REB"}),
        ],
    )
    kb = build_kb([path])
    assert any("ambiguous alias 'Acme'" in c for c in kb.conflicts)
    res = resolve_text("Acme", kb=kb)
    assert res.actor is not None and res.actor.actor_id == "org:acme-a"
    assert any(c.actor.actor_id == "org:acme-b" for c in res.candidates)


def test_actors_kb_overlapping_unique_offices_are_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "people.jsonl",
        [
            json.dumps({"id": "p-one", "name": "Alba Uno", "surname": "Uno", "country": "ATA", "offices": [{"title": "Minister of Foreign Affairs", "role": "foreign_minister", "country": "ATA", "sector": "GOV", "start": "2030-01-01", "end": "2031-06-30"}]}),
            json.dumps({"id": "p-two", "name": "Bruno Dos", "surname": "Dos", "country": "ATA", "offices": [{"title": "Minister of Foreign Affairs", "role": "foreign_minister", "country": "ATA", "sector": "GOV", "start": "2031-01-01", "end": None}]}),
            json.dumps({"id": "p-three", "name": "Carla Tres", "surname": "Tres", "country": "ATA", "offices": [{"title": "Minister of Foreign Affairs", "role": "foreign_minister", "country": "ATA", "sector": "GOV", "start": "2031-06", "end": None, "note": "hand-over month"}]}),
        ],
    )
    kb = build_kb([path])
    overlaps = [c for c in kb.conflicts if c.startswith("overlapping offices") and "p-one" in c]
    assert len(overlaps) == 1 and "p-two" in overlaps[0]


def test_actors_kb_is_cached_per_file_list(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.jsonl", [json.dumps({"id": "org:acme", "name": "Acme Holdings", "country": "MNC", "sector": "BUS"})])
    opts = Options().with_overrides({"actors.files": [str(path)]})
    assert load_kb(opts) is load_kb(opts)
    assert load_kb(opts) is not load_kb(Options())
    assert "org:acme" in load_kb(opts).entries and "org:acme" not in load_kb(Options()).entries


def test_actors_kb_user_role_file_adds_role_words(tmp_path: Path) -> None:
    path = write(tmp_path, "roles.tsv", ["phrase\tsector\trole\tplural\tgeneric", "harbour master\tGOV\t-\t-\tno"])
    res = resolve_text("Dutch harbour masters", kb=build_kb([path]))
    assert res.actor is not None and res.actor.code == "NLDGOV"


def test_actors_kb_builtin_files_are_shipped() -> None:
    files = builtin_files()
    assert all(files[k].exists() for k in ("country", "organization", "roles"))
