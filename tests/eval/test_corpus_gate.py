"""The accuracy gate: `communique eval corpus` must stay above the floors pinned in
``corpus_baseline.json``, and the gold it was measured on must not change under it.

The slow test runs the whole pipeline over ``examples/corpus``. The fast tests pin how the scorer
matches (events by sentence + type + countries, reciprocal swaps, quotes by substring) and how
``update_baseline`` guards the floors.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport, run_suite
from communique.eval.corpus import (
    GATED_METRICS,
    check_baseline,
    default_data_dir,
    gold_digest,
    score,
    update_baseline,
)
from communique.records import ActorRef, DocResult, Document, Event, Quote

BASELINE = Path(__file__).with_name("corpus_baseline.json")


@pytest.fixture(scope="module")
def corpus_report() -> EvalReport:
    return run_suite("corpus", None, Options())


@pytest.mark.slow
def test_corpus_gate_every_metric_stays_above_its_floor(corpus_report: EvalReport) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    problems = check_baseline(corpus_report, baseline)
    misses = "\n".join(corpus_report.notes[:60])
    assert not problems, "\n".join(problems) + "\n--- first misses ---\n" + misses


@pytest.mark.slow
def test_corpus_gate_report_has_the_contract_keys(corpus_report: EvalReport) -> None:
    for key in ("precision", "recall", "f1", "accuracy", "n", *GATED_METRICS):
        assert key in corpus_report.metrics, key
    assert corpus_report.metrics["n"] == 21
    assert corpus_report.tables["events by type"][0] == ["type", "found", "missed", "extra"]


def test_corpus_gate_gold_digest_matches_the_baseline() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert baseline["gold_sha256"] == gold_digest(default_data_dir()), (
        "examples/gold changed: re-measure and update tests/eval/corpus_baseline.json"
    )
    assert set(baseline["floors"]) == set(GATED_METRICS)


# ------------------------------------------------------------------------- scorer behaviour

TEXT = (
    "Iran launched more than 300 drones and missiles at Israel late on Saturday. "
    "China and India held talks in Moscow on Thursday. "
    '"We will not back down," Foreign Minister Wang Yi said.'
)
GOLD_DOC: dict[str, Any] = {
    "id": "t1",
    "file": "t1.txt",
    "format": "txt",
    "episode": "ep-t1",
    "removed": [],
    "contributors": [],
    "duplicate_of": None,
    "flags": [],
    "actors": [],
    "events": [
        {
            "type": "ASSAULT",
            "mode": None,
            "source": "IRN",
            "target": "ISR",
            "trigger": "launched",
            "sentence": "Iran launched more than 300 drones",
            "date": "2024-04-13",
            "date_precision": "day",
        },
        {
            "type": "CONSULT",
            "mode": None,
            "source": "IND",
            "target": "CHN",
            "trigger": "talks",
            "sentence": "China and India held talks in Moscow",
            "reciprocal": True,
        },
    ],
    "events_exhaustive": True,
    "quotes": [
        {"text": "We will not back down", "speaker": "Wang Yi", "country": "CHN", "direct": True}
    ],
}
GOLD_EPISODES = [{"id": "ep-t1", "label": "t", "start": None, "end": None, "doc_ids": ["t1"]}]


def _event(
    i: int, type_: str, src: str, tgt: str | None, sentence: str, date: str | None = None
) -> Event:
    start = TEXT.index(sentence)
    return Event(
        id=f"e{i}",
        doc_id="t1",
        type=type_,
        source=ActorRef(text=src, country=src),
        target=ActorRef(text=tgt, country=tgt) if tgt else None,
        sentence=sentence,
        span=(start, start + len(sentence)),
        date=date,
    )


def _result(events: list[Event], quotes: tuple[Quote, ...] = ()) -> DocResult:
    return DocResult(document=Document(id="t1", text=TEXT), events=tuple(events), quotes=quotes)


S1 = "Iran launched more than 300 drones and missiles at Israel late on Saturday."
S2 = "China and India held talks in Moscow on Thursday."

EVENT_CASES = [
    # (system events, precision, recall, type_recall)
    (
        [
            _event(1, "ASSAULT", "IRN", "ISR", S1, "2024-04-13"),
            _event(2, "CONSULT", "IND", "CHN", S2),
        ],
        1.0,
        1.0,
        1.0,
    ),
    # reciprocal gold accepts the dyad either way round
    (
        [_event(1, "ASSAULT", "IRN", "ISR", S1), _event(2, "CONSULT", "CHN", "IND", S2)],
        1.0,
        1.0,
        1.0,
    ),
    # a directed event does not: type-only still credits it
    (
        [_event(1, "ASSAULT", "ISR", "IRN", S1), _event(2, "CONSULT", "IND", "CHN", S2)],
        0.5,
        0.5,
        1.0,
    ),
    # an extra event in an exhaustively annotated document costs precision
    (
        [_event(1, "ASSAULT", "IRN", "ISR", S1), _event(3, "ACCUSE", "IRN", "ISR", S1)],
        0.5,
        0.5,
        0.5,
    ),
    ([], None, 0.0, 0.0),
    # a joint event (both parties as actors, no recipient) is the reciprocal gold event
    (
        [
            _event(1, "ASSAULT", "IRN", "ISR", S1),
            replace(_event(2, "CONSULT", "CHN", None, S2),
                    sources=(ActorRef(text="China", country="CHN"), ActorRef(text="India", country="IND"))),
        ],
        1.0,
        1.0,
        1.0,
    ),
    # ... but a joint event does not stand for a directed gold event
    (
        [replace(_event(1, "ASSAULT", "IRN", None, S1),
                 sources=(ActorRef(text="Iran", country="IRN"), ActorRef(text="Israel", country="ISR"))),
         _event(2, "CONSULT", "IND", "CHN", S2)],
        0.5,
        0.5,
        1.0,
    ),
]


@pytest.mark.parametrize(("events", "precision", "recall", "type_recall"), EVENT_CASES)
def test_corpus_score_matches_events_on_sentence_type_and_countries(
    events: list[Event], precision: float | None, recall: float, type_recall: float
) -> None:
    report = score([_result(events)], [GOLD_DOC], GOLD_EPISODES, options=Options())
    assert report.metrics["precision"] == precision
    assert report.metrics["recall"] == recall
    assert report.metrics["type_recall"] == type_recall


@pytest.mark.parametrize(
    ("date", "accuracy"), [("2024-04-13", 1.0), ("2024-04-14", 0.0), (None, 0.0)]
)
def test_corpus_score_date_accuracy_compares_the_day(date: str | None, accuracy: float) -> None:
    report = score(
        [_result([_event(1, "ASSAULT", "IRN", "ISR", S1, date)])],
        [GOLD_DOC],
        GOLD_EPISODES,
        options=Options(),
    )
    assert report.metrics["date_accuracy"] == accuracy


@pytest.mark.parametrize(
    ("quote_text", "speaker", "recall", "speaker_accuracy"),
    [
        ("We will not back down,", "Wang Yi", 1.0, 1.0),
        ("We will not back down", "Qin Gang", 1.0, 0.0),
        ("Iran launched more than 300 drones", "Wang Yi", 0.0, None),
    ],
)
def test_corpus_score_quotes_by_substring_and_speaker(
    quote_text: str, speaker: str, recall: float, speaker_accuracy: float | None
) -> None:
    q = Quote(
        id="q1",
        doc_id="t1",
        text=quote_text,
        span=(0, 1),
        speaker=ActorRef(text=speaker, name=speaker, country="CHN"),
    )
    report = score([_result([], (q,))], [GOLD_DOC], GOLD_EPISODES, options=Options())
    assert report.metrics["quote_recall"] == recall
    assert report.metrics["quote_speaker_accuracy"] == speaker_accuracy


# ------------------------------------------------------------------------- baseline guard


def _report(**values: float | None) -> EvalReport:
    metrics: dict[str, Any] = {k: 0.5 for k in GATED_METRICS}
    metrics.update(values)
    metrics["gold_sha256"] = "abc"
    return EvalReport(suite="corpus", metrics=metrics)


def test_corpus_update_baseline_sets_floors_below_measured(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    written = update_baseline(_report(recall=0.8), path)
    assert written["floors"]["recall"] == pytest.approx(0.77)
    assert json.loads(path.read_text())["gold_sha256"] == "abc"


def test_corpus_update_baseline_refuses_to_lower_a_floor(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    update_baseline(_report(recall=0.8), path)
    with pytest.raises(EvalError) as err:
        update_baseline(_report(recall=0.6), path)
    assert err.value.code == "C722"
    assert json.loads(path.read_text())["floors"]["recall"] == pytest.approx(0.77)
    lowered = update_baseline(_report(recall=0.6), path, allow_lower=True)
    assert lowered["floors"]["recall"] == pytest.approx(0.57)


def test_corpus_update_baseline_gives_unmeasured_metrics_floor_zero(tmp_path: Path) -> None:
    written = update_baseline(_report(issue_precision=None), tmp_path / "b.json")
    assert written["floors"]["issue_precision"] == 0.0
    assert "issue_precision" in written["unmeasured"]


@pytest.mark.parametrize(
    ("metrics", "digest", "n_problems"),
    [
        ({"recall": 0.9}, "abc", 0),
        ({"recall": 0.7}, "abc", 1),
        ({"recall": None}, "abc", 1),
        ({"recall": 0.9}, "changed", 1),
    ],
)
def test_corpus_check_baseline_reports_drops_and_changed_gold(
    metrics: dict[str, float | None], digest: str, n_problems: int
) -> None:
    baseline = {"floors": {"recall": 0.8, "issue_precision": 0.0}, "gold_sha256": "abc"}
    report = EvalReport(suite="corpus", metrics={**metrics, "gold_sha256": digest})
    assert len(check_baseline(report, baseline)) == n_problems


@pytest.mark.parametrize(
    ("links", "pairs"),
    [
        # a copy of a copy: the same story, whichever the system calls the original
        ([("respun", "syndicated"), ("syndicated", "wire")], 3),
        ([("syndicated", "wire")], 1),
        ([("a", "b"), ("c", "d")], 2),
        ([], 0),
    ],
)
def test_corpus_duplicates_are_scored_as_copy_groups(
    links: list[tuple[str, str]], pairs: int
) -> None:
    from communique.eval.corpus import _copy_pairs

    found = _copy_pairs(links)
    assert len(found) == pairs
    if pairs == 3:
        assert frozenset(("respun", "wire")) in found
