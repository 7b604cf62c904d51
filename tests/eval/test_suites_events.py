"""The event suites (plv, gsr, case2021, petrarch) on small files we write in the same formats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.errors import EvalError
from communique.eval import run_suite
from communique.eval.plv import spans_from_markup

PLV = [
    {"id": "p1", "marked_text": "<s>Germany</s> imposed sanctions on <t>Iran</t> on Monday.", "root": "SANCTION", "quad": 4},
    {"id": "p2", "marked_text": "<s>Russia</s> refused to meet <t>Ukrainian officials</t> in Istanbul.", "root": "REJECT", "quad": 3},
    {"id": "p3", "marked_text": "<s>Iran</s> released the <t>French</t> prisoners on Friday.", "root": "YIELD", "quad": 2},
    {"id": "p4", "marked_text": "<s>Japan</s> praised <t>India</t> for its support.", "root": "SUPPORT", "quad": 1},
]
ZSP = [
    {"id": "p1", "root_level2": "SANCTION"},
    {"id": "p2", "root_level2": "REJECT"},
    {"id": "p3", "root_level2": "ACCUSE"},
    {"id": "p4", "root_level2": "ACCUSE"},
]


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_suites_plv_markup_gives_plain_text_and_spans() -> None:
    text, s, t = spans_from_markup("<s>The UN</s> urged <t>Israel</t> to stop.")
    assert text == "The UN urged Israel to stop."
    assert s is not None and t is not None and text[s[0]:s[1]] == "The UN" and text[t[0]:t[1]] == "Israel"


def test_suites_plv_scores_pairs_end_to_end_and_baseline(tmp_path: Path, nlp: Any) -> None:
    rows = [{**r, "text": spans_from_markup(r["marked_text"])[0]} for r in PLV]
    data = _write(tmp_path / "plv.jsonl", rows)
    _write(tmp_path / "baselines" / "zsp_on_zsp_plv.jsonl", ZSP)
    rep = run_suite("plv", data)
    assert rep.metrics["n"] == 4
    assert rep.metrics["accuracy"] == 1.0
    assert rep.metrics["e2e_recall"] >= 0.75
    assert rep.metrics["baseline_accuracy"] == 0.5


def test_suites_gsr_type_accuracy_on_gold_pairs(tmp_path: Path, nlp: Any) -> None:
    rows = [
        {"id": "g1", "text": "Thousands of students demonstrated against the government in Nairobi.", "event": "PROTEST",
         "actor": [{"text": "students", "code": "KEN", "sector": "CVL"}], "recipient": []},
        {"id": "g2", "text": "The European Union imposed sanctions on Russia.", "event": "SANCTION",
         "actor": [{"text": "European Union", "code": "EUR", "sector": None}],
         "recipient": [{"text": "Russia", "code": "RUS", "sector": None}]},
    ]
    rep = run_suite("gsr", _write(tmp_path / "gsr.jsonl", rows))
    assert rep.metrics["n"] == 2 and rep.metrics["accuracy"] == 1.0


def test_suites_case2021_recall_counts_only_mapped_lines(tmp_path: Path, nlp: Any) -> None:
    rows = [
        {"id": "c1", "text": "Israeli warplanes struck targets in Gaza on Monday.", "label": "AIR_STRIKE", "plover_approx": ["ASSAULT"]},
        {"id": "c2", "text": "Police arrested the opposition leader in Minsk.", "label": "ARREST", "plover_approx": ["COERCE"]},
        {"id": "c3", "text": "Floods hit the north of the country.", "label": "NATURAL_DISASTER", "plover_approx": None},
    ]
    rep = run_suite("case2021", _write(tmp_path / "case.jsonl", rows))
    assert rep.metrics["n"] == 2
    assert rep.metrics["recall"] == 1.0


@pytest.mark.parametrize("suite", ["plv", "gsr", "petrarch", "case2021"])
def test_suites_events_need_data(suite: str) -> None:
    with pytest.raises(EvalError) as err:
        run_suite(suite, None)
    assert err.value.code in {"C760", "C763", "C764", "C767"}
