"""``communique actors resolve`` and ``communique actors check`` as a person runs them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from communique.actors import clear_cache
from communique.cli import actors as actors_cli
from communique.cli.common import EXIT_OK, EXIT_USAGE


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="communique")
    parser.add_argument("--config")
    actors_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.mark.parametrize(
    ("argv", "code", "office"),
    [
        (["actors", "resolve", "the Chinese foreign minister", "--date", "2023-03-01", "--json"], "CHNGOV", "Foreign Minister"),
        (["actors", "resolve", "Blinken", "--date", "2016-05-01", "--json"], "USAGOV", "Deputy Secretary of State"),
        (["actors", "resolve", "the Kremlin", "--json"], "RUSGOV", None),
    ],
)
def test_actors_cli_resolve_json_gives_code_office_and_why(capsys: pytest.CaptureFixture[str], argv: list[str], code: str, office: str | None) -> None:
    assert run(argv) == EXIT_OK
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["code"] == code and out["office"] == office
    assert out["why"] and out["candidates"]


def test_actors_cli_resolve_prints_candidates_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["actors", "resolve", "Qin Gang", "--date", "2023-03-01"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "CHNGOV" in out and "office:    Foreign Minister" in out and "why:" in out and "candidates:" in out


def test_actors_cli_resolve_shows_contradiction_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["actors", "resolve", "Russian President Xi Jinping", "--date", "2023-03-20"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "title_contradiction" in out and "CHNGOV" in out


def test_actors_cli_resolve_rejects_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["actors", "resolve", "Blinken", "--date", "May 2016"]) == EXIT_USAGE


def test_actors_cli_resolve_with_user_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"id": "org:acme", "name": "Acme Holdings", "aliases": ["Acme"], "country": "MNC", "sector": "BUS"}) + "\n", encoding="utf-8")
    clear_cache()
    assert run(["actors", "resolve", "Acme", "--actors", str(path), "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["code"] == "MNCBUS" and out["actor"]["actor_id"] == "org:acme"


def test_actors_cli_check_lists_files_and_conflicts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"id": "org:quad", "name": "Quad", "aliases": ["the Quad"], "country": "IGO", "sector": "MIL"}) + "\n", encoding="utf-8")
    clear_cache()
    assert run(["actors", "check", "--actors", str(path), "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert str(path) in out["files"] and out["entries"]["country"] >= 195
    assert any(c.startswith("override: org:quad") for c in out["conflicts"])
