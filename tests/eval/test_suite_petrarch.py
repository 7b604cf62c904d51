"""The petrarch suite on small files we write: fixture-style dictionaries, records in the
UD 2.02 JSONL shape, a stored baseline; how our events become PETRARCH triples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.actors import load_kb
from communique.config import Options
from communique.eval import run_suite
from communique.eval.petrarch import event_triples, failure_kind, find_dicts, root_of
from communique.events.bench import analyse_many
from communique.events.coder import EventCoder
from communique.records import ActorRef, Event

ACTORS = """\
<!-- TEST ACTOR DICTIONARY -->
ATLANTIS [ATL]
+ATLANTEAN
BOREALIS [BOR]
THE_ISLES [ISL/ARC]
THE_AU [IGOAFR]
EUROPEAN_UNION [IGOEEU]
KING_ZOG
    [ZOG < 19990101]
    [ZOGGOV >19990101]
"""
AGENTS = """\
<!-- TEST AGENT DICTIONARY -->
GOVERNMENT [~GOV]
TROOPS {} [~MIL]
"""


def _dicts(root: Path) -> Path:
    folder = root / "petrarch_validation_dicts" / "ud_2_02"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "T_actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "T_agents.txt").write_text(AGENTS, encoding="utf-8")
    return folder


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _record(rid: str, text: str, expected: list[tuple[str, str, str]], *, date: str = "19950101",
            category: str = "DEMO", active: bool = True, require_dyad: bool = True) -> dict[str, Any]:
    return {"id": rid, "date": date, "category": category, "active": active, "text": text,
            "expected": [{"source": s, "target": t, "code": c, "code_is_cameo": True} for s, t, c in expected],
            "config": {"require_dyad": str(require_dyad)}}


# (sentence, date, require_dyad, triples PETRARCH would write for our events)
TRIPLES = [
    ("Atlantis condemned Borealis on Monday.", "1995-01-01", True, {("ATL", "BOR", "11")}),
    ("The Atlantean government accused Borealis of spying.", "1995-01-01", True, {("ATLGOV", "BOR", "11")}),
    # an entry with several codes is written with all of them
    ("The Isles condemned Borealis on Monday.", "1995-01-01", True, {("ISL/ARC", "BOR", "11")}),
    # "THE_AU" is the acronym AU, and EUROPEAN_UNION takes over the built-in EU's names
    ("The AU condemned Atlantis.", "1995-01-01", True, {("IGOAFR", "ATL", "11")}),
    ("The EU imposed sanctions on Borealis.", "1995-01-01", True, {("IGOEEU", "BOR", "16")}),
    # date-limited codes follow the record's date
    ("King Zog criticized Borealis.", "1995-01-01", True, {("ZOG", "BOR", "11")}),
    ("King Zog criticized Borealis.", "2001-01-01", True, {("ZOGGOV", "BOR", "11")}),
    # a joint event is both directions; two sources with no recipient are not one
    ("Atlantis and Borealis signed a peace agreement.", "1995-01-01", True, {("ATL", "BOR", "05"), ("BOR", "ATL", "05")}),
    ("Atlantis and Borealis welcomed the report.", "1995-01-01", True, set()),
    # no recipient: nothing, unless the record does not require a dyad
    ("Atlantis praised the report.", "1995-01-01", True, set()),
    ("Atlantis praised the report.", "1995-01-01", False, {("ATL", "---", "05")}),
    # a visit is also the host's (CAMEO 042/043)
    ("The Atlantean president visited Borealis.", "1995-01-01", True, {("ATL", "BOR", "04"), ("BOR", "ATL", "04")}),
]


@pytest.mark.parametrize(("text", "date", "require_dyad", "expected"), TRIPLES)
def test_suite_petrarch_event_triples_follow_petrarch_conventions(
    tmp_path: Path, nlp: Any, text: str, date: str, require_dyad: bool, expected: set[tuple[str, str, str]]
) -> None:
    files = find_dicts(tmp_path / "x.jsonl", _dicts(tmp_path))
    opts = Options().with_overrides({"actors.petrarch_files": [str(f) for f in files]})
    kb = load_kb(opts)
    analysis = analyse_many([text], opts, dates=[date])[0]
    got: set[tuple[str, str, str]] = set()
    for x in EventCoder(opts).explain(analysis):
        if x.event is not None:
            got |= event_triples(x.event, joint=x.frame.reciprocal, require_dyad=require_dyad, kb=kb)
    assert got == expected


def test_suite_petrarch_unknown_actor_is_not_coded() -> None:
    ev = Event(id="e1", doc_id="d", type="ACCUSE", cameo="111", sentence="That group condemned Atlantis.", span=(0, 30),
               source=ActorRef(text="That group"), target=ActorRef(text="Atlantis", country="ATL", actor_id="petrarch:ATLANTIS"),
               sources=(ActorRef(text="That group"),), targets=(ActorRef(text="Atlantis", country="ATL", actor_id="petrarch:ATLANTIS"),))
    assert event_triples(ev) == set()
    agent_only = ActorRef(text="officials", sector="GOV")
    ev2 = Event(id="e2", doc_id="d", type="ACCUSE", cameo="111", sentence="Officials condemned Atlantis.", span=(0, 28),
                source=agent_only, target=ev.target, sources=(agent_only,), targets=ev.targets)
    assert event_triples(ev2) == {("---GOV", "ATL", "11")}


@pytest.mark.parametrize(("code", "root"), [("050", "05"), ("[1121]", "11"), ("174K", "17"), ("", None), (None, None)])
def test_suite_petrarch_root_of_cuts_both_sides_alike(code: str | None, root: str | None) -> None:
    assert root_of(code) == root


def test_suite_petrarch_scores_root_f1_beside_baseline(tmp_path: Path, nlp: Any) -> None:
    _dicts(tmp_path)
    rows = [
        _record("T-01", "Atlantis condemned Borealis on Monday.", [("ATL", "BOR", "111")]),
        # root differs from what our lexicon codes (a fixture-verb-style code): a miss and an extra
        _record("T-02", "The Atlantean government accused Borealis of spying.", [("ATLGOV", "BOR", "130")]),
        _record("T-03", "King Zog criticized Borealis.", [("ZOGGOV", "BOR", "111")], date="20010101"),
        _record("T-04", "Atlantis and Borealis signed a peace agreement.", [("ATL", "BOR", "057"), ("BOR", "ATL", "057")]),
        # not scored: an inactive case and a category the original runner skips
        _record("T-05", "Atlantis condemned Borealis.", [("ATL", "BOR", "111")], active=False),
        _record("T-06", "Atlantis condemned Borealis.", [], category="ERROR"),
    ]
    data = _write(tmp_path / "petrarch_validation_ud_2_02.jsonl", rows)
    _write(tmp_path / "baselines" / "udpetrarch_on_petrarch_validation_ud_2_02.jsonl", [
        {"id": "T-01", "events": [{"source": "ATL", "target": "BOR", "code": "111"}]},
        {"id": "T-02", "events": [{"source": "ATLGOV", "target": "BOR", "code": "130"}]},
        {"id": "T-03", "events": []},
        {"id": "T-04", "events": [{"source": "ATL", "target": "BOR", "code": "057"}]},
    ])
    rep = run_suite("petrarch", data)
    assert rep.metrics["n"] == 4
    # expected 5 triples; coded 5 (T-02 with root 11 instead of 13): tp 4, fp 1, fn 1
    assert rep.metrics["root_precision"] == 0.8 and rep.metrics["root_recall"] == 0.8
    assert rep.metrics["root_f1"] == 0.8
    assert rep.metrics["exact"] == 3
    # baseline: tp 3 (T-01, T-02, T-04 one way), fp 0, fn 2 -> P 1, R .6
    assert rep.metrics["baseline_root_f1_udpetrarch"] == 0.75
    assert "root_f1_suite_verbs" not in rep.metrics  # no verbs file in the folder
    missed = dict((k, n) for k, n in rep.tables["failure kinds (missed)"][1:])
    assert missed == {"actors right, CAMEO root differs": 1}


def test_suite_petrarch_scores_again_with_the_fixture_verb_dictionary(tmp_path: Path, nlp: Any) -> None:
    folder = _dicts(tmp_path)
    # a fixture-style verb dictionary: "accuse" is a threat (13) here, as the case's code says
    (folder / "T_verbs.txt").write_text("--- ACCUSE [130] ---\nACCUSE\n- * (OF SPYING) [1311]\n", encoding="utf-8")
    rows = [
        _record("T-01", "Atlantis condemned Borealis on Monday.", [("ATL", "BOR", "111")]),
        _record("T-02", "The Atlantean government accused Borealis of spying.", [("ATLGOV", "BOR", "130")]),
    ]
    data = _write(tmp_path / "petrarch_validation_ud_2_02.jsonl", rows)
    rep = run_suite("petrarch", data)
    # our own lexicon: T-02 coded 11 (a miss and an extra); the dictionary's pattern codes 13
    assert rep.metrics["root_f1"] == 0.5 and rep.metrics["exact"] == 1
    assert rep.metrics["root_f1_suite_verbs"] == 1.0 and rep.metrics["exact_suite_verbs"] == 2
    assert rep.metrics["coded_triples_suite_verbs"] == 2
    assert any("T_verbs.txt" in n for n in rep.notes)
    assert rep.tables["by category"][0][-1] == "root F1 (suite verbs)"


def test_suite_petrarch_suite_verbs_code_literally_and_plover_beside(tmp_path: Path, nlp: Any) -> None:
    folder = _dicts(tmp_path)
    (folder / "T_verbs.txt").write_text("--- ACCUSE [130] ---\nACCUSE\n--- VISIT [042] ---\nVISIT\n", encoding="utf-8")
    rows = [
        _record("T-01", "Atlantis condemned Borealis on Monday.", [("ATL", "BOR", "111")]),
        _record("T-02", "The Atlantean government accused Borealis of spying.", [("ATLGOV", "BOR", "130")]),
        # a future visit: PETRARCH codes the dictionary's 042 (and the hosted visit back)
        _record("T-03", "Atlantis will visit Borealis next week.", [("ATL", "BOR", "042"), ("BOR", "ATL", "043")]),
        # a statement (root 01): no PLOVER type, coded by neither setting
        _record("T-04", "Atlantis made a statement about Borealis.", [("ATL", "BOR", "010")]),
    ]
    data = _write(tmp_path / "petrarch_validation_ud_2_02.jsonl", rows)
    rep = run_suite("petrarch", data)
    # literal: tp 4, fn 1 (T-04) -> P 1, R .8
    assert rep.metrics["root_f1_suite_verbs"] == round(2 * 0.8 / 1.8, 4) and rep.metrics["exact_suite_verbs"] == 3
    # plover: T-03 is AGREE 036 (root 03): tp 2, fp 1, fn 3 -> P 2/3, R .4
    assert rep.metrics["root_f1_suite_verbs_plover"] == 0.5 and rep.metrics["exact_suite_verbs_plover"] == 2
    assert rep.metrics["expected_triples_root_01_02"] == 1
    assert any(n.startswith("*_suite_verbs_plover") for n in rep.notes)


def test_suite_petrarch_petrarch2_outputs_are_scored_on_their_own_file(tmp_path: Path, nlp: Any) -> None:
    _dicts(tmp_path)
    data = _write(tmp_path / "petrarch_validation_ud_2_02.jsonl",
                  [_record("T-01", "Atlantis condemned Borealis on Monday.", [("ATL", "BOR", "111")])])
    # the main file's T-01 is another sentence with other codes: PETRARCH2 is right there, wrong here
    _write(tmp_path / "petrarch_validation.jsonl", [
        _record("T-01", "Borealis attacked Atlantis.", [("BOR", "ATL", "190")]),
        _record("T-02", "Borealis praised Atlantis.", [("BOR", "ATL", "051")]),
    ])
    _write(tmp_path / "baselines" / "petrarch2_on_petrarch_validation.jsonl", [
        {"id": "T-01", "events": [{"source": "BOR", "target": "ATL", "code": "190"}]},
        {"id": "T-02", "events": []},
    ])
    rep = run_suite("petrarch", data)
    assert rep.metrics["baseline_root_f1_petrarch2"] == round(2 * 1.0 * 0.5 / 1.5, 4)
    assert rep.metrics["root_f1"] == 1.0
    assert "baseline_root_f1_udpetrarch" not in rep.metrics


ATL = ActorRef(text="Atlantis", country="ATL", actor_id="petrarch:ATLANTIS")
BOR = ActorRef(text="Borealis", country="BOR", actor_id="petrarch:BOREALIS")


def _event(sources: tuple[ActorRef, ...], targets: tuple[ActorRef, ...], cameo: str = "111") -> Event:
    return Event(id="e", doc_id="d", type="ACCUSE", cameo=cameo, sentence="s", span=(0, 1), source=sources[0],
                 target=targets[0] if targets else None, sources=sources, targets=targets)


@pytest.mark.parametrize(
    ("events", "frames", "kind"),
    [
        ([], 0, "no event: no frame (lexicon)"),
        ([], 2, "no event: frames found, none coded"),
        ([_event((ATL,), ())], 1, "source right, no target coded"),
        ([_event((ATL,), (BOR,), cameo="051")], 1, "actors right, CAMEO root differs"),
        ([_event((BOR,), (ATL,))], 1, "source and target swapped"),
    ],
)
def test_suite_petrarch_failure_kind_says_why_a_triple_was_missed(events: list[Event], frames: int, kind: str) -> None:
    predicted = set().union(*(event_triples(e) for e in events)) if events else set()
    assert failure_kind(("ATL", "BOR", "11"), predicted, events, frames=frames) == kind


def test_suite_petrarch_without_fixture_dictionaries_says_where_to_put_them(tmp_path: Path) -> None:
    from communique.errors import EvalError

    data = _write(tmp_path / "petrarch_validation_ud_2_02.jsonl", [_record("T-01", "Atlantis condemned Borealis.", [])])
    with pytest.raises(EvalError) as err:
        run_suite("petrarch", data)
    assert err.value.code == "C765" and "petrarch_validation_dicts" in str(err.value)
