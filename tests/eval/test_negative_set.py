"""Shape of the negative sentence set in ``examples/gold/negatives/negatives.jsonl``.

Each line names two actors between which the event coder must code nothing (``not: ["*"]``) or
not the listed PLOVER types. The set is scored as a false-event rate, so a span that does not
occur exactly once, an unknown type or a mislabelled kind would silently distort that rate.
The format is described in ``examples/gold/negatives/README.md``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_sentence_sets import _span

from communique.records import EVENT_TYPES

NEGATIVES = Path(__file__).resolve().parents[2] / "examples" / "gold" / "negatives" / "negatives.jsonl"

KEYS = frozenset({"id", "text", "source", "target", "not", "kind", "note"})
KINDS = (
    "question", "hypothetical", "conditional", "negated", "denial", "rumour", "speculation",
    "opinion", "co_mention", "name_trap", "sports_business", "no_actor", "other",
)
ID_PATTERN = re.compile(r"^neg-\d{3,}$")
ANY_TYPE = "*"
MIN_LINES = 200
"""The writer was asked for about 250 lines, at least 200."""
MIN_PER_KIND = 12
"""Enough lines per kind that a per-kind false-event rate means something."""


def problems(record: Any) -> list[str]:
    """Everything wrong with one line of ``negatives.jsonl``; an empty list means it is valid."""
    if not isinstance(record, dict):
        return ["line is not a JSON object"]
    if set(record) != KEYS:
        missing, extra = sorted(KEYS - set(record)), sorted(set(record) - KEYS)
        return [f"keys differ from the schema: missing {missing}, unexpected {extra}"]
    out: list[str] = []
    rid, text = record["id"], record["text"]
    if not isinstance(rid, str) or not ID_PATTERN.match(rid):
        out.append(f"id {rid!r} is not 'neg-NNN'")
    if not isinstance(text, str) or not text.strip():
        return out + ["text must be a non-empty string"]
    errs, source = _span(text, record["source"], "source")
    out += errs
    target = None
    if record["target"] is not None:
        errs, target = _span(text, record["target"], "target")
        out += errs
    if source and target and source[0] < target[1] and target[0] < source[1]:
        out.append("source and target spans overlap")
    banned = record["not"]
    if not isinstance(banned, list) or not banned:
        out.append("not must be a non-empty list")
    elif banned != [ANY_TYPE]:
        unknown = [t for t in banned if t not in EVENT_TYPES]
        if unknown:
            out.append(f"not lists {unknown}: neither PLOVER types nor a lone '*'")
        if len(set(map(str, banned))) != len(banned):
            out.append(f"not repeats a type: {banned}")
    if record["kind"] not in KINDS:
        out.append(f"kind {record['kind']!r} is not one of {KINDS}")
    note = record["note"]
    if not isinstance(note, str) or not note.strip():
        out.append("note must be a non-empty string saying why nothing is coded")
    return out


@pytest.fixture(scope="module")
def records() -> list[Any]:
    return [json.loads(line) for line in NEGATIVES.read_text("utf-8").splitlines()]


def test_negative_set_every_line_matches_schema(records: list[Any]) -> None:
    bad = [f"line {n}: {msg}" for n, rec in enumerate(records, 1) for msg in problems(rec)]
    assert bad == []


def test_negative_set_has_enough_lines_in_every_kind(records: list[Any]) -> None:
    assert len(records) >= MIN_LINES
    per_kind = Counter(rec.get("kind") for rec in records)
    assert {kind: per_kind[kind] for kind in KINDS if per_kind[kind] < MIN_PER_KIND} == {}


def test_negative_set_ids_and_pairs_are_unique(records: list[Any]) -> None:
    ids = Counter(rec.get("id") for rec in records)
    assert [i for i, n in ids.items() if n > 1] == []
    pairs = Counter((rec.get("text"), rec.get("source"), rec.get("target")) for rec in records)
    assert [p for p, n in pairs.items() if n > 1] == []


def test_negative_set_mostly_bans_every_type(records: list[Any]) -> None:
    """Lines with a specific list are the exception (talks without a deal, one-way denials)."""
    specific = [rec["id"] for rec in records if rec.get("not") != [ANY_TYPE]]
    assert len(specific) < len(records) / 4


GOOD = {
    "id": "neg-001",
    "text": "Analysts expect Beijing to retaliate if Tokyo tightens its chip export controls.",
    "source": "Beijing", "target": "Tokyo", "not": ["*"], "kind": "speculation",
    "note": "A third party's forecast, not an act by Beijing.",
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, None),
        ({"target": None}, None),
        ({"not": ["SANCTION", "COERCE"]}, None),
        ({"source": "Chinese"}, "occurs 0 times"),
        ({"text": "Will Beijing punish Tokyo over the chip rules?"}, None),
        ({"text": "Beijing may punish Tokyo, Beijing hints."}, "occurs 2 times"),
        ({"target": "Beijing to"}, "overlap"),
        ({"id": "negative-1"}, "is not 'neg-NNN'"),
        ({"not": []}, "non-empty list"),
        ({"not": ["*", "ASSAULT"]}, "lone '*'"),
        ({"not": ["RETALIATE"]}, "neither PLOVER types"),
        ({"not": ["ASSAULT", "ASSAULT"]}, "repeats a type"),
        ({"kind": "threat"}, "is not one of"),
        ({"note": " "}, "non-empty string"),
        ({"extra": 1}, "unexpected ['extra']"),
    ],
)
def test_negative_set_checker_flags_broken_lines(change: dict[str, Any], expected: str | None) -> None:
    found = problems({**GOOD, **change})
    if expected is None:
        assert found == []
    else:
        assert any(expected in msg for msg in found), found
