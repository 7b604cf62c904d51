"""A real analysed document (real spaCy parse, real actors stage) for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from communique.actors.stage import make as make_actors
from communique.config import Options
from communique.nlp import sentences_of
from communique.pipeline import Analysis
from communique.records import Document, SourceDocument


@pytest.fixture(scope="session")
def actors_stage(options: Options) -> Any:
    return make_actors(options)


@pytest.fixture()
def analyse(nlp: Any, actors_stage: Any) -> Any:
    def _make(text: str, published: str | None = "2021-03-19") -> Analysis:
        a = Analysis(source=SourceDocument(id="doc1", text=text, published=published))
        a.document = Document(id="doc1", text=text, published=published)
        a.doc = nlp(text)
        a.sentences = sentences_of("doc1", a.doc)
        actors_stage([a])
        return a

    return _make
