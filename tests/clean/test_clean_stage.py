"""The clean stage plugs into the pipeline: reads the source, writes document and signature."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean.stage import CleanStage, make
from communique.config import Options
from communique.errors import KnowledgeError
from communique.pipeline import Analysis, Pipeline
from communique.records import SourceDocument

SRC = SourceDocument(
    id="wong-wang",
    text=(
        "Skip to content\n\nChinese Foreign Minister Wang Yi met Australian Foreign Minister "
        "Penny Wong in Canberra on Wednesday.\n\nRead more: Five years of frozen ties\n\n"
        "Jane Doe contributed reporting from Beijing."
    ),
    published="2022-12-21",
)


def test_stage_declares_what_it_reads_and_writes() -> None:
    stage = make(Options())
    assert isinstance(stage, CleanStage)
    assert (stage.name, stage.reads, stage.writes) == (
        "clean",
        frozenset({"source"}),
        frozenset({"document", "signature"}),
    )


def test_stage_fills_document_and_signature() -> None:
    options = Options()
    batch = [Analysis(source=SRC)]
    make(options)(batch)
    (a,) = batch
    assert a.document is not None
    assert a.document.text == (
        "Chinese Foreign Minister Wang Yi met Australian Foreign Minister Penny Wong in Canberra "
        "on Wednesday."
    )
    assert a.document.contributors == ("Jane Doe",)
    assert [r.reason for r in a.document.removed] == [
        "navigation",
        "teaser_link",
        "contributor_line",
    ]
    assert len(a.signature) == options.get("clean.num_perm")


def test_pipeline_with_clean_stage_returns_doc_results() -> None:
    outcome = Pipeline(Options(), stages=["clean"]).process([SRC])
    assert outcome.failures == []
    (result,) = outcome.results
    assert result.document.id == "wong-wang"
    assert len(result.signature) == Options().get("clean.num_perm")


def test_stage_uses_pattern_files_from_options_and_refuses_bad_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(
        '[[rule]]\nname = "frozen_ties_teaser"\nscope = "line"\nreason = "house_teaser"\n'
        "regex = '''Five years of frozen ties'''\ncomment = \"promo\"\n",
        encoding="utf-8",
    )
    stage = make(Options().with_overrides({"clean.pattern_files": [str(good)]}))
    batch = [
        Analysis(
            source=SourceDocument(id="x", text="Talks went well.\n\nFive years of frozen ties")
        )
    ]
    stage(batch)
    assert batch[0].document is not None
    assert [r.reason for r in batch[0].document.removed] == ["house_teaser"]

    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[rule]]\nname = "x"\nscope = "line"\nreason = "x"\nregex = "a*"\ncomment = "c"\n'
    )
    with pytest.raises(KnowledgeError) as err:
        make(Options().with_overrides({"clean.pattern_files": [str(bad)]}))
    assert err.value.code == "C304"
