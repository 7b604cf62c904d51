"""The event coder: PLOVER types with modes, CAMEO codes, scores, from dependency frames.

``code_text("Russia refused to meet Ukraine.")`` parses one text (no cleaning), resolves its
actors and returns ``Event`` records; ``explain_text`` also returns the frames and why each was
or was not coded. The pipeline stage is ``communique.events.stage.make``.
"""

from __future__ import annotations

__all__ = ["code_text", "explain_text", "analyse_text", "EventCoder", "Explained", "event_id"]

import hashlib
from typing import Any

from communique.config import Options
from communique.events.coder import EventCoder, Explained, event_id
from communique.records import Document, Event, SourceDocument


def analyse_text(text: str, *, date: str | None = None, options: Options | None = None) -> Any:
    """An ``Analysis`` of ``text`` after nlp and actors (clean is skipped: the text is used as is)."""
    from communique.actors.stage import make as make_actors
    from communique.nlp import load_model, sentences_of
    from communique.pipeline import Analysis

    opts = options or Options()
    doc_id = "t" + hashlib.sha1(text.encode()).hexdigest()[:12]
    src = SourceDocument(id=doc_id, text=text, published=date)
    a = Analysis(source=src, document=Document(id=doc_id, text=text, published=date))
    a.doc = load_model(opts.get("nlp.model"))(text)
    a.sentences = sentences_of(doc_id, a.doc)
    make_actors(opts)([a])
    return a


_CODERS: dict[int, EventCoder] = {}


def _coder(options: Options | None) -> EventCoder:
    if options is None:
        if 0 not in _CODERS:
            _CODERS[0] = EventCoder(Options())
        return _CODERS[0]
    return EventCoder(options)


def code_text(text: str, *, date: str | None = None, options: Options | None = None) -> list[Event]:
    """Events of one sentence or short text (parsed and actor-resolved here)."""
    return _coder(options).code(analyse_text(text, date=date, options=options))


def explain_text(
    text: str, *, date: str | None = None, options: Options | None = None
) -> tuple[Any, list[Explained]]:
    """The analysis (tokens, mentions) and every frame found, with what became of it and why."""
    a = analyse_text(text, date=date, options=options)
    return a, _coder(options).explain(a)
