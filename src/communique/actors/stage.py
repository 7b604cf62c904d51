"""The actors stage: fills ``Analysis.mentions`` and appends consistency flags.

Reads the spaCy ``doc``; the publication date stands in for the event date when picking the
office a person held. The knowledge base is loaded (and validated) when the stage is built, so a
malformed ``--actors`` file stops the run before any document is processed.
"""

from __future__ import annotations

__all__ = ["ActorsStage", "make"]

from communique.actors.api import KB_KEY, STATE_KEY, load_kb
from communique.actors.document import resolve_doc
from communique.config import Options
from communique.pipeline import Analysis


class ActorsStage:
    name = "actors"
    reads = frozenset({"doc"})
    writes = frozenset({"mentions", "flags"})

    def __init__(self, options: Options) -> None:
        self.kb = load_kb(options)
        self.fuzzy_threshold = float(options.get("actors.fuzzy_threshold"))

    def __call__(self, batch: list[Analysis]) -> None:
        for a in batch:
            if a.doc is None:
                continue
            found = resolve_doc(a.doc, self.kb, doc_id=a.doc_id, date=a.date, fuzzy_threshold=self.fuzzy_threshold)
            a.mentions = found.mentions
            a.flags.extend(found.flags)
            a.scratch[STATE_KEY] = found
            a.scratch[KB_KEY] = self.kb


def make(options: Options) -> ActorsStage:
    return ActorsStage(options)
