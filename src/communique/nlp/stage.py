"""The nlp stage: ``nlp.pipe`` over the cleaned texts of a batch."""

from __future__ import annotations

__all__ = ["NlpStage", "make"]

from communique.config import Options
from communique.nlp.model import load_model, sentences_of
from communique.pipeline import Analysis


class NlpStage:
    name = "nlp"
    reads = frozenset({"document"})
    writes = frozenset({"doc", "sentences"})

    def __init__(self, options: Options) -> None:
        sec = options.section("nlp")
        self.nlp = load_model(sec["model"])
        self.batch_size = int(sec["batch_size"])

    def __call__(self, batch: list[Analysis]) -> None:
        texts = [a.document.text if a.document else "" for a in batch]
        for a, doc in zip(batch, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True):
            a.doc = doc
            a.sentences = sentences_of(a.doc_id, doc)


def make(options: Options) -> NlpStage:
    return NlpStage(options)
