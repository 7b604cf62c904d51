"""The quotes stage: who said what in each document, linked to the events the words state."""

from __future__ import annotations

__all__ = ["QuotesStage", "make", "quotes_for", "link_event"]

import bisect
import hashlib
import logging
from typing import Any

from communique.config import Options
from communique.quotes.attribute import Attribution, extract_attributions
from communique.quotes.lexicon import CueLexicon, load_cues
from communique.records import Event, Quote

log = logging.getLogger(__name__)


def _quote_id(doc_id: str, span: tuple[int, int]) -> str:
    """Stable across runs: the same document and span give the same id."""
    return "q_" + hashlib.sha1(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


def link_event(att: Attribution, events: list[Event]) -> str | None:
    """The event the quoted words state: one whose trigger lies inside the quote (an ACCUSE by
    the speaker first), else one triggered by the cue verb itself ("X accused Y, saying ...")."""
    inside = [
        e for e in events
        if e.trigger_span is not None and att.span[0] <= e.trigger_span[0] and e.trigger_span[1] <= att.span[1]
    ]
    if inside:
        def rank(e: Event) -> tuple[int, int]:
            by_speaker = att.speaker is not None and e.source is not None and (
                (e.source.actor_id and e.source.actor_id == att.speaker.actor_id)
                or (e.source.name and e.source.name == att.speaker.name)
            )
            return (0 if e.type == "ACCUSE" else 1, 0 if by_speaker else 1)
        return min(inside, key=rank).id
    if att.cue_span is not None:
        for e in events:
            if e.trigger_span is not None and e.trigger_span[0] <= att.cue_span[0] < e.trigger_span[1]:
                return e.id
    return None


def quotes_for(analysis: Any, lexicon: CueLexicon | None = None) -> list[Quote]:
    """All quotes of one analysed document (needs ``doc``; uses ``mentions`` and ``events``)."""
    lex = lexicon or load_cues()
    atts = extract_attributions(analysis, lex)
    sent_starts = [s.start_char for s in analysis.doc.sents]
    out = []
    for att in atts:
        out.append(
            Quote(
                id=_quote_id(analysis.doc_id, att.span),
                doc_id=analysis.doc_id,
                text=att.text,
                span=att.span,
                speaker=att.speaker,
                direct=att.direct,
                cue=att.cue,
                event_id=link_event(att, analysis.events or []),
                sentence_index=max(0, bisect.bisect_right(sent_starts, att.span[0]) - 1),
                speaker_span=att.speaker_span,
            )
        )
    return out


class QuotesStage:
    name = "quotes"
    reads = frozenset({"doc", "mentions", "events"})
    writes = frozenset({"quotes"})

    def __init__(self, options: Options, *, lexicon: CueLexicon | None = None) -> None:
        self.options = options
        cue_file = options.sections.get("quotes", {}).get("cue_file") or ""
        self.lexicon = lexicon or (load_cues(cue_file) if cue_file else load_cues())

    def __call__(self, batch: list[Any]) -> None:
        for a in batch:
            try:
                a.quotes = quotes_for(a, self.lexicon)
            except Exception:  # quotes are an extra: a bad document keeps its events
                log.exception("quotes failed on %s; document kept without quotes", a.doc_id)
                a.quotes = []


def make(options: Options) -> QuotesStage:
    return QuotesStage(options)
