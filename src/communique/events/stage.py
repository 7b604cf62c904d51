"""The events stage: PLOVER/CAMEO events from each parsed, actor-resolved document."""

from __future__ import annotations

__all__ = ["EventsStage", "make"]

from communique.config import Options
from communique.events.coder import EventCoder
from communique.pipeline import Analysis


class EventsStage:
    name = "events"
    reads = frozenset({"doc", "mentions"})
    writes = frozenset({"events"})

    def __init__(self, options: Options) -> None:
        self.coder = EventCoder(options)  # lexicon and tables load (and validate) here

    def __call__(self, batch: list[Analysis]) -> None:
        for a in batch:
            a.events = self.coder.code(a) if a.doc is not None else []


def make(options: Options) -> EventsStage:
    return EventsStage(options)
