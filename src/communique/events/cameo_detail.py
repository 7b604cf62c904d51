"""Finer CAMEO codes from the words of an event's own clause (``events/data/cameo_detail.toml``).

The lexicon gives each pattern one code; the codebook splits many of them by what the act is
about (112 accuse → 1121 crime, 1122 human rights, 1123 aggression, 1124 war crimes, 1125
espionage; 105 demand to yield → 1053 release, 1056 de-escalation). This step reads the trigger's
object, complement and prepositional phrases (not the actor phrases, not other clauses) and
moves the code down where a topic word says so. The PLOVER type never changes; the step is
logged for ``--explain``.
"""

from __future__ import annotations

__all__ = ["CameoDetail", "Topic", "load_cameo_detail"]

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError
from communique.events.tables import load_tables
from communique.knowledge import data_path, read_toml

# dependents of the trigger that belong to its own clause (what the act is about); subjects,
# adverbial and coordinated clauses, relative clauses and asides are another event's words
_SCOPE_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "pcomp", "pobj", "acomp", "oprd",
                         "compound", "amod", "dative", "nmod", "agent", "prt"})


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    words: tuple[tuple[str, ...], ...]  # lemma sequences
    codes: dict[str, str]  # broad code -> finer code
    mode: str | None


class CameoDetail:
    """Refines (cameo, mode) of a frame of a known PLOVER type; see the module docstring."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.topics = topics
        self.refinable = frozenset(code for t in topics for code in t.codes)

    def refine(self, cameo: str, mode: str | None, trigger: Any,
               actors: list[Any]) -> tuple[str, str | None, str | None]:
        """``(cameo, mode, why)``; ``why`` is None when nothing changed. ``actors`` are the head
        tokens of the frame's source and target phrases, whose words are never read."""
        if cameo not in self.refinable:  # most events: no topic refines their code
            return cameo, mode, None
        skip: set[int] = set()
        for a in actors:
            skip.update(t.i for t in a.subtree)
        lemmas = [t.lemma_.lower() for t in _scope(trigger) if t.i not in skip]
        for topic in self.topics:
            finer = topic.codes.get(cameo)
            if finer is None:
                continue
            word = next((" ".join(w) for w in topic.words if _contains(lemmas, w)), None)
            if word is not None:
                return finer, topic.mode or mode, f"CAMEO {cameo} -> {finer} ({topic.name}: '{word}')"
        return cameo, mode, None


def _scope(trigger: Any) -> list[Any]:
    """The trigger and the subtrees of its same-clause dependents, in sentence order."""
    toks = [trigger]
    for c in trigger.children:
        if c.dep_ in _SCOPE_DEPS:
            toks.extend(c.subtree)
    return sorted(toks, key=lambda t: t.i)


def _contains(lemmas: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in lemmas
    return any(tuple(lemmas[i:i + n]) == phrase for i in range(len(lemmas) - n + 1))


@functools.lru_cache(maxsize=2)
def load_cameo_detail(path: str | None = None) -> CameoDetail:
    """The shipped rules (or a file of the same shape), checked against cameo.tsv."""
    p = Path(path) if path else data_path("events", "cameo_detail.toml")
    data = read_toml(p)
    tables = load_tables()
    topics: list[Topic] = []
    for i, rec in enumerate(data.get("topic") or [], start=1):
        where = f"topic {i} ({rec.get('name', '?')})" if isinstance(rec, dict) else f"topic {i}"
        if not isinstance(rec, dict) or not isinstance(rec.get("name"), str):
            raise KnowledgeError(f"{where}: needs a name", code="C338", path=str(p))
        words = rec.get("words")
        codes = rec.get("codes")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KnowledgeError(f"{where}: needs a non-empty list of words", code="C338", path=str(p))
        if not isinstance(codes, dict) or not codes:
            raise KnowledgeError(f"{where}: needs a codes table (broad = finer)", code="C338", path=str(p))
        for broad, finer in codes.items():
            b, f = tables.cameo.get(broad), tables.cameo.get(str(finer))
            if b is None or f is None:
                raise KnowledgeError(f"{where}: {broad} = {finer}: not both in cameo.tsv", code="C338", path=str(p))
            if b.plover != f.plover:
                raise KnowledgeError(f"{where}: {broad} ({b.plover}) and {finer} ({f.plover}) are different "
                                     "PLOVER types; a finer code must keep the type", code="C338", path=str(p))
        mode = rec.get("mode")
        if mode is not None:
            types = {tables.cameo[str(f)].plover for f in codes.values()}
            if not all(t is not None and tables.has_mode(t, mode) for t in types):
                raise KnowledgeError(f"{where}: mode {mode!r} is not a mode of {sorted(map(str, types))}",
                                     code="C338", path=str(p))
        topics.append(Topic(rec["name"], tuple(tuple(w.lower().split()) for w in words),
                            {str(k): str(v) for k, v in codes.items()}, mode))
    return CameoDetail(tuple(topics))
