"""Actors: who is who, in which role, on which date.

``load_kb(options)`` gives the validated knowledge base (countries, organisations, people with
dated offices, role words, user and PETRARCH files). The pipeline stage (``stage.make``) turns a
parsed document into ``Mention`` records and ``title_contradiction`` flags; the event and quote
stages ask ``actor_for_span`` for a phrase's actor and ``parties_of`` for "the two sides";
``resolve_text`` answers for one piece of text (CLI ``communique actors resolve``, evaluation).
"""

from __future__ import annotations

__all__ = [
    "load_kb",
    "clear_cache",
    "KnowledgeBase",
    "Resolution",
    "Candidate",
    "resolve_text",
    "actor_for_span",
    "parties_of",
]

from communique.actors.api import (
    Candidate,
    Resolution,
    actor_for_span,
    clear_cache,
    load_kb,
    parties_of,
    resolve_text,
)
from communique.actors.kb import KnowledgeBase
