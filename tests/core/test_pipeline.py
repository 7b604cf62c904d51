"""The pipeline checks stage order when built and isolates a document that breaks a stage."""

from __future__ import annotations

import pytest

from communique.errors import PipelineError
from communique.pipeline import Analysis, Pipeline
from communique.records import Document, SourceDocument


class _Stage:
    def __init__(self, name: str, reads: set[str], writes: set[str], fail_on: str | None = None) -> None:
        self.name, self.reads, self.writes, self.fail_on = name, frozenset(reads), frozenset(writes), fail_on

    def __call__(self, batch: list[Analysis]) -> None:
        for a in batch:
            if a.source.text == self.fail_on:
                raise ValueError("cannot handle this text")
            if "document" in self.writes:
                a.document = Document(id=a.source.id, text=a.source.text)


def test_pipeline_refuses_a_stage_reading_what_nobody_wrote() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline(built=[_Stage("events", {"doc"}, {"events"})])
    assert err.value.code == "C601" and "events" in str(err.value)


def test_pipeline_unknown_stage_lists_available() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline(stages=["clean", "sentiment"])
    assert err.value.code == "C602" and "available" in str(err.value)


def test_pipeline_one_bad_document_does_not_sink_the_batch() -> None:
    p = Pipeline(built=[_Stage("clean", {"source"}, {"document"}, fail_on="boom")])
    out = p.process([SourceDocument(id="a", text="fine"), SourceDocument(id="b", text="boom", origin="x.txt"),
                     SourceDocument(id="c", text="also fine")])
    assert [r.document.id for r in out.results] == ["a", "c"]
    assert [(f.doc_id, f.code, f.path) for f in out.failures] == [("b", "C604", "x.txt")]
    assert "cannot handle this text" in out.failures[0].message
