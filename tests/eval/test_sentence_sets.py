"""Shape of the hand-written sentence sets in ``examples/gold/sentences/`` (one file per PLOVER type).

The sets train a small learned model and hold out a dev/gate split, so a wrong label or a span
that does not occur in its sentence would be learned or scored silently. These tests check every
line against the package's own tables (``communique.events.tables.load_tables``): the type and
mode exist, the CAMEO code exists and maps to the type (or the line explains in ``note`` why it
does not, as for announced withdrawals), and both actor spans occur exactly once in the text.
The format and labelling rules are in ``examples/gold/sentences/README.md``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from communique.events.tables import EventTables, load_tables
from communique.records import EVENT_TYPES

SENTENCES = Path(__file__).resolve().parents[2] / "examples" / "gold" / "sentences"
FILES = sorted(SENTENCES.glob("*.jsonl"))

KEYS = frozenset({"id", "text", "source", "target", "type", "mode", "cameo", "phenomena", "note"})
ID_PATTERN = re.compile(r"^([a-z]+(?:-[a-z])?)-(\d{3,})$")
"""ids are '<file stem>-NNN'; a file is '<type>.jsonl' or '<type>-<writer letter>.jsonl'."""
TAG_PATTERN = re.compile(r"^[a-z][a-z_]*$")
MIN_LINES = 70
"""Lines per type across its files (the writers were asked for at least 70 per type)."""
MAX_NULL_TARGET_SHARE = 0.10
"""Lines without a recipient are allowed only where the type needs none; keep them rare..."""
NULL_TARGET_SHARE_BY_TYPE = {"PROTEST": 0.25, "MOBILIZE": 0.25}
"""...except for protests and mobilisations, which often have no one on the other side."""


def _type_of(stem: str) -> str:
    return stem.split("-")[0]


def _span(text: str, span: Any, key: str) -> tuple[list[str], tuple[int, int] | None]:
    if not isinstance(span, str) or not span.strip():
        return [f"{key} must be a non-empty string"], None
    if span != span.strip():
        return [f"{key} {span!r} has surrounding whitespace"], None
    count = text.count(span)
    if count != 1:
        return [f"{key} {span!r} occurs {count} times in the text (must be exactly once)"], None
    start = text.index(span)
    return [], (start, start + len(span))


def problems(record: Any, *, stem: str, tables: EventTables) -> list[str]:
    """Everything wrong with one line of ``<stem>.jsonl``; an empty list means it is valid."""
    if not isinstance(record, dict):
        return ["line is not a JSON object"]
    out: list[str] = []
    if set(record) != KEYS:
        missing, extra = sorted(KEYS - set(record)), sorted(set(record) - KEYS)
        return [f"keys differ from the schema: missing {missing}, unexpected {extra}"]
    rid, text, type_ = record["id"], record["text"], record["type"]
    match = ID_PATTERN.match(rid) if isinstance(rid, str) else None
    if match is None or match.group(1) != stem:
        out.append(f"id {rid!r} is not '{stem}-NNN'")
    if not isinstance(text, str) or not text.strip():
        return out + ["text must be a non-empty string"]
    if type_ not in EVENT_TYPES:
        return out + [f"type {type_!r} is not a PLOVER type"]
    if type_.lower() != _type_of(stem):
        out.append(f"type {type_} does not belong in {stem}.jsonl")
    errs, source = _span(text, record["source"], "source")
    out += errs
    target = None
    if record["target"] is None:
        if tables.types[type_].recipient:
            out.append(f"{type_} requires a recipient, target is null")
    else:
        errs, target = _span(text, record["target"], "target")
        out += errs
    if source and target and source[0] < target[1] and target[0] < source[1]:
        out.append("source and target spans overlap")
    if not tables.has_mode(type_, record["mode"]):
        out.append(f"mode {record['mode']!r} is not a mode of {type_}")
    note = record["note"]
    if note is not None and (not isinstance(note, str) or not note.strip()):
        out.append("note must be null or a non-empty string")
    row = tables.cameo.get(record["cameo"]) if isinstance(record["cameo"], str) else None
    if row is None:
        out.append(f"cameo {record['cameo']!r} is not in cameo.tsv")
    elif row.plover != type_ and not note:
        out.append(f"cameo {row.code} maps to {row.plover}, not {type_}, and no note says why")
    tags = record["phenomena"]
    if not isinstance(tags, list) or not tags:
        out.append("phenomena must be a non-empty list")
    elif not all(isinstance(t, str) and TAG_PATTERN.match(t) for t in tags):
        out.append(f"phenomena tags must be lower_snake_case strings: {tags}")
    elif len(set(tags)) != len(tags):
        out.append(f"phenomena repeat a tag: {tags}")
    return out


def _records(path: Path) -> list[tuple[int, Any]]:
    return [(n, json.loads(line)) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)]


@pytest.fixture(scope="module")
def tables() -> EventTables:
    return load_tables()


def test_sentence_sets_one_file_per_plover_type() -> None:
    assert FILES, f"no sentence sets under {SENTENCES}"
    known = {t.lower() for t in EVENT_TYPES}
    assert [p.stem for p in FILES if _type_of(p.stem) not in known] == []
    assert {_type_of(p.stem) for p in FILES} == known, "every PLOVER type has a sentence set"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_sentence_sets_every_line_matches_schema_and_tables(path: Path, tables: EventTables) -> None:
    bad = [f"{path.name}:{n}: {msg}" for n, rec in _records(path)
           for msg in problems(rec, stem=path.stem, tables=tables)]
    assert bad == []


@pytest.mark.parametrize("type_", sorted(EVENT_TYPES))
def test_sentence_sets_have_enough_lines_and_few_without_recipient(type_: str) -> None:
    records = [rec for path in FILES if _type_of(path.stem) == type_.lower() for _, rec in _records(path)]
    assert len(records) >= MIN_LINES
    without = sum(1 for rec in records if rec.get("target") is None)
    assert without / len(records) < NULL_TARGET_SHARE_BY_TYPE.get(type_, MAX_NULL_TARGET_SHARE)


def test_sentence_sets_ids_are_unique_across_files() -> None:
    ids = Counter(rec.get("id") for path in FILES for _, rec in _records(path))
    assert [i for i, n in ids.items() if n > 1] == []


GOOD = {
    "id": "aid-001",
    "text": "Japan sent rescue teams to Turkey after the earthquake.",
    "source": "Japan", "target": "Turkey", "type": "AID", "mode": None, "cameo": "073",
    "phenomena": ["active"], "note": None,
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, None),
        ({"source": "Japanese"}, "occurs 0 times"),
        ({"text": "Japan sent Japan's rescue teams to Turkey."}, "occurs 2 times"),
        ({"target": None}, "requires a recipient"),
        ({"target": "Japan sent"}, "overlap"),
        ({"id": "agree-001"}, "is not 'aid-NNN'"),
        ({"type": "AGREE"}, "does not belong in aid.jsonl"),
        ({"type": "HELP"}, "not a PLOVER type"),
        ({"mode": "visit"}, "not a mode of AID"),
        ({"cameo": "0999"}, "not in cameo.tsv"),
        ({"cameo": "042"}, "maps to CONSULT"),
        ({"cameo": "042", "note": "visit paid to deliver the aid"}, None),
        ({"phenomena": []}, "non-empty list"),
        ({"phenomena": ["Passive"]}, "lower_snake_case"),
        ({"extra": 1}, "unexpected ['extra']"),
    ],
)
def test_sentence_sets_checker_flags_broken_lines(
    change: dict[str, Any], expected: str | None, tables: EventTables
) -> None:
    found = problems({**GOOD, **change}, stem="aid", tables=tables)
    if expected is None:
        assert found == []
    else:
        assert any(expected in msg for msg in found), found
