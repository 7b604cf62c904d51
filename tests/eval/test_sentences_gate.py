"""The coder's second gate: `communique eval sentences` on the held-out split of our own sentence
sets must stay above the floors in ``sentences_baseline.json``, measured on the same files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.config import Options
from communique.errors import EvalError
from communique.eval import gated_metrics, run_suite
from communique.eval.corpus import check_baseline
from communique.eval.sentences import GATED_METRICS, gold_digest, load_sentence_sets

BASELINE = Path(__file__).with_name("sentences_baseline.json")


@pytest.mark.slow
def test_sentences_gate_dev_split_stays_above_its_floors() -> None:
    report = run_suite("sentences", None, Options())
    assert report.metrics["split"] == "dev" and report.metrics["model"] is True
    problems = check_baseline(report, json.loads(BASELINE.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_sentences_gate_baseline_is_for_the_current_sets() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert baseline["gold_sha256"] == gold_digest(), (
        "examples/gold/sentences changed: re-train the pair model, re-measure and run "
        "`communique eval sentences --update-baseline tests/eval/sentences_baseline.json`")
    assert set(baseline["floors"]) == set(GATED_METRICS) == set(gated_metrics("sentences"))


def test_sentences_suite_refuses_a_span_that_is_not_in_the_text(tmp_path: Path) -> None:
    line = {"id": "x-1", "text": "Chile recalled its envoy from Caracas.", "source": "Chile", "target": "Venezuela",
            "type": "SANCTION"}
    (tmp_path / "x.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(EvalError) as err:
        load_sentence_sets(tmp_path)
    assert err.value.code == "C771" and err.value.line == 1


def test_sentences_suite_without_files_says_so(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as err:
        load_sentence_sets(tmp_path)
    assert err.value.code == "C770"


def test_gate_is_refused_for_a_suite_without_floors() -> None:
    with pytest.raises(EvalError) as err:
        gated_metrics("plv")
    assert err.value.code == "C703"


def test_sentences_suite_counts_false_events_on_the_negative_set(tmp_path: Path) -> None:
    (tmp_path / "sentences").mkdir()
    (tmp_path / "negatives").mkdir()
    pos = {"id": "p-1", "text": "Japan sent rice to the Philippines after the typhoon.", "source": "Japan",
           "target": "the Philippines", "type": "AID"}
    (tmp_path / "sentences" / "aid.jsonl").write_text(json.dumps(pos) + "\n", encoding="utf-8")
    negs = [
        {"id": "n-1", "text": "Will China impose sanctions on Lithuania?", "source": "China", "target": "Lithuania",
         "not": ["*"], "kind": "question"},
        # listed as a negative on purpose: a real attack must be counted as a false event
        {"id": "n-2", "text": "Russia shelled Kharkiv on Monday.", "source": "Russia", "target": "Kharkiv",
         "not": ["ASSAULT"], "kind": "other"},
    ]
    (tmp_path / "negatives" / "n.jsonl").write_text("".join(json.dumps(n) + "\n" for n in negs), encoding="utf-8")
    report = run_suite("sentences", tmp_path / "sentences", Options(), split="all")
    assert report.metrics["negatives"] == 2
    assert report.metrics["negative_precision"] == 0.5
    rows = {r[0]: r[2] for r in report.tables["negative set: lines with a false event, by kind"][1:]}
    assert rows == {"question": 0, "other": 1}


@pytest.mark.slow
def test_sentences_suite_scores_each_writer_apart(tmp_path: Path) -> None:
    lines = [
        {"id": "aid-001", "text": "Japan sent rice to the Philippines after the typhoon.", "source": "Japan",
         "target": "the Philippines", "type": "AID"},
        {"id": "aid-c-001", "text": "Norway shipped tents and blankets to Turkey after the earthquake, officials said.",
         "source": "Norway", "target": "Turkey", "type": "AID"},
        {"id": "aid-c-002", "text": "Canada airlifted medicine to Haiti after the storm.", "source": "Canada",
         "target": "Haiti", "type": "AID"},
    ]
    (tmp_path / "aid.jsonl").write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
    (tmp_path / "aid-c.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines[1:]), encoding="utf-8")
    report = run_suite("sentences", tmp_path, Options(), split="all")
    table = next(v for k, v in report.tables.items() if k.startswith("by writer"))
    assert [(r[0], r[1]) for r in table[1:]] == [("a", 1), ("c", 2)]


@pytest.mark.slow
def test_sentences_suite_scores_cameo_depth_and_mode_of_the_hits(tmp_path: Path) -> None:
    lines = [  # the coder says 112 (accuse) here: broader than the line's 1121, same root
        {"id": "accuse-x-001", "text": "Lithuania accused Belarus of lying to its neighbours on Friday.",
         "source": "Lithuania", "target": "Belarus", "type": "ACCUSE", "mode": "allege", "cameo": "1121"},
        {"id": "assault-x-001", "text": "Turkish jets bombed Kurdish militant positions in northern Iraq on Sunday.",
         "source": "Turkish jets", "target": "Kurdish militant positions", "type": "ASSAULT", "mode": None,
         "cameo": "195"},
    ]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = run_suite("sentences", tmp_path, Options(), split="all")
    m = report.metrics
    assert m["e2e_recall"] == 1.0 and m["cameo_n"] == 2 and m["mode_n"] == 1
    assert m["cameo_root_accuracy"] == 1.0 and m["cameo_compatible"] == 1.0
    assert m["cameo_exact"] == 0.5  # the bombing is 195 exactly; the accusation only 112
    assert m["mode_accuracy"] == 1.0


@pytest.mark.slow
def test_a_line_without_a_recipient_is_hit_by_its_actor_alone(tmp_path: Path) -> None:
    line = {"id": "mobilize-x-001", "text": "Pakistan put its air force on high alert on Wednesday.",
            "source": "Pakistan", "target": None, "type": "MOBILIZE"}
    (tmp_path / "x.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = run_suite("sentences", tmp_path, Options(), split="all")
    assert report.metrics["e2e_recall"] == 1.0
