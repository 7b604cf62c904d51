"""Building a real analysed document (real spaCy parse) for the quotes/time/places tests."""

from __future__ import annotations

from typing import Any

import pytest

from communique.nlp import sentences_of
from communique.pipeline import Analysis
from communique.records import Document, SourceDocument


def build(nlp: Any, text: str, published: str | None = "2021-03-19", doc_id: str = "doc1") -> Analysis:
    a = Analysis(source=SourceDocument(id=doc_id, text=text, published=published))
    a.document = Document(id=doc_id, text=text, published=published)
    a.doc = nlp(text)
    a.sentences = sentences_of(doc_id, a.doc)
    return a


@pytest.fixture()
def analyse(nlp: Any) -> Any:
    def _make(text: str, published: str | None = "2021-03-19") -> Analysis:
        return build(nlp, text, published)

    return _make
