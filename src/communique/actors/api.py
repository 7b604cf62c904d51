"""What other stages and tools call: the knowledge base, span and text resolution, the parties."""

from __future__ import annotations

__all__ = [
    "load_kb",
    "clear_cache",
    "Candidate",
    "Resolution",
    "resolve_text",
    "actor_for_span",
    "parties_of",
    "STATE_KEY",
    "KB_KEY",
]

import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from communique.actors.document import DocActors, is_locative, resolve_range, sentence_country
from communique.actors.kb import SPECIAL_COUNTRIES, KnowledgeBase, build_kb, norm
from communique.actors.resolve import MIN_FUZZY_CHARS, PARTY_PHRASES, Composite, DocState
from communique.config import Options
from communique.pipeline import Analysis
from communique.records import ActorRef, Flag

log = logging.getLogger(__name__)

STATE_KEY = "actors.state"
"""``Analysis.scratch`` key holding the document's :class:`DocActors` (set by the stage)."""
KB_KEY = "actors.kb"
"""``Analysis.scratch`` key holding the :class:`KnowledgeBase` the stage used."""


@functools.lru_cache(maxsize=8)
def _cached_kb(files: tuple[str, ...], petrarch_files: tuple[str, ...]) -> KnowledgeBase:
    kb = build_kb(files)
    if petrarch_files:
        from communique.actors.petrarch import merge_petrarch

        merge_petrarch(kb, petrarch_files)
    return kb


def load_kb(options: Options | None = None) -> KnowledgeBase:
    """The knowledge base for these options (built-in files + ``actors.files`` +
    ``actors.petrarch_files``), validated and cached per file list."""
    opts = options or Options()
    return _cached_kb(tuple(str(f) for f in opts.get("actors.files")), tuple(str(f) for f in opts.get("actors.petrarch_files")))


def clear_cache() -> None:
    _cached_kb.cache_clear()


@dataclass(frozen=True, slots=True)
class Candidate:
    actor: ActorRef
    score: float
    method: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor.to_dict(), "score": round(self.score, 3), "method": self.method, "why": self.why}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer for one piece of text: the chosen actor (or None), the candidates considered,
    the office held on the date, why, and any consistency flags."""

    text: str
    actor: ActorRef | None
    candidates: list[Candidate] = field(default_factory=list)
    why: str = ""
    office: str | None = None
    method: str | None = None
    date: str | None = None
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "actor": self.actor.to_dict() if self.actor else None,
            "code": self.actor.code if self.actor else None,
            "office": self.office,
            "method": self.method,
            "why": self.why,
            "candidates": [c.to_dict() for c in self.candidates],
            "flags": [f.to_dict() for f in self.flags],
        }


def _nlp(options: Options) -> Any:
    from communique.nlp import load_model

    return load_model(options.get("nlp.model"))


NOMINAL_DEPS = frozenset({"amod", "compound", "nmod", "poss", "conj", "nummod", "det", "case", "appos", "npadvmod"})


def _phrase_head(doc: Any, i: int, j: int) -> tuple[int, list[tuple[int, int]]]:
    """The noun a span modifies ("Hungarian" in "Hungarian and Romanian officials" -> officials)
    and extra token ranges to read with it (the head and its compounds)."""
    span = doc[i:j]
    root = span.root
    extra: list[tuple[int, int]] = []
    tok = root
    steps = 0
    while tok.dep_ in {"amod", "compound", "conj", "poss", "nmod"} and tok.head.i != tok.i and steps < 4:
        if tok.dep_ == "poss" and tok.head.pos_ not in {"NOUN", "PROPN"}:
            break
        if tok.dep_ == "conj" and tok.head.pos_ not in {"ADJ", "PROPN", "NOUN"}:
            break
        tok = tok.head
        steps += 1
        if not (i <= tok.i < j):
            lo = min([c.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
            extra.append((lo, tok.i + 1))
    if tok.i >= j or tok.i < i:
        return tok.i, extra
    return root.i, extra


def resolve_text(
    text: str,
    *,
    date: str | None = None,
    context: str | None = None,
    options: Options | None = None,
    kb: KnowledgeBase | None = None,
) -> Resolution:
    """Resolve one piece of text ("the Chinese foreign minister", "Blinken", "Kremlin").

    With ``context`` (the sentence it comes from) the span is read in its sentence, so
    "Hungarian" in "Hungarian and Romanian officials" becomes HUN GOV and "Beijing" in "talks in
    Beijing" a place (CHN) rather than the government. ``date`` (YYYY-MM-DD) picks offices.
    """
    opts = options or Options()
    kb = kb or load_kb(opts)
    nlp = _nlp(opts)
    text = text.strip()
    if norm(text) in PARTY_PHRASES:
        return Resolution(text, None, why="names both parties of an exchange; use parties_of() in a document", method="parties", date=date)
    pos = context.find(text) if context else -1
    if context and pos >= 0:
        doc = nlp(context)
        span = doc.char_span(pos, pos + len(text), alignment_mode="expand")
    else:
        doc = nlp(text)
        span = doc[:]
    if span is None or len(span) == 0:
        return Resolution(text, None, why="no tokens", date=date)
    i, j = span.start, span.end
    head, extra = _phrase_head(doc, i, j) if context else (span.root.i, [])
    state = DocState(date=date, fuzzy_threshold=float(opts.get("actors.fuzzy_threshold")))
    # POS tags of a bare phrase are unreliable ("Blinken" alone is tagged VERB): read it untagged
    # and an all-lower-case query ("the chinese foreign minister") is matched without case
    comps, atoms = resolve_range(doc, i, j, head, kb, state, date=date, tagged=bool(context), strict_case=bool(context) or not text.islower())
    if not comps and extra:
        from communique.actors.resolve import compose, scan

        more = []
        for lo, hi in extra:
            more += scan(doc, lo, hi, kb, state)
        comps = compose(doc, atoms + more, kb, head=head, date=date, state=state, locative=is_locative(doc, i, head))
    elif comps and extra and comps[0].actor.sector is None and comps[0].method in {"alias", "nationality", "exact"}:
        from communique.actors.resolve import compose, scan

        more = []
        for lo, hi in extra:
            more += [x for x in scan(doc, lo, hi, kb, state) if x.kind == "role"]
        if more:
            comps = compose(doc, [atoms[0], *more], kb, head=head, date=date, state=state, locative=is_locative(doc, i, head)) or comps
    if not comps:
        comps = _fuzzy_text(doc, i, j, kb, opts, date)
    if comps and context and span.sent is not None:
        comps = [sentence_country(doc, span.sent, c, kb, state) for c in comps]
    candidates = [Candidate(c.actor, c.score, c.method, c.why) for c in comps]
    for a in atoms:
        for alias in a.aliases[1:]:
            e = kb.entries[alias.entry_id]
            candidates.append(Candidate(kb.actor(e, text=a.text, date=date), 0.5 * a.score, "alias", f"'{a.text}' is also an alias of {e.name} ({e.origin})"))
    if not comps:
        return Resolution(text, None, candidates, why="nothing in the knowledge base matches", date=date)
    best = comps[0]
    return Resolution(
        text,
        best.actor,
        candidates,
        why=best.why,
        office=best.actor.office or (best.office.title if best.office else None),
        method=best.method,
        date=date,
        flags=[f for c in comps for f in c.flags],
    )


def _fuzzy_text(doc: Any, i: int, j: int, kb: KnowledgeBase, opts: Options, date: str | None) -> list[Composite]:
    text = doc[i:j].text
    if len(text) < MIN_FUZZY_CHARS or any(t.ent_type_ == "PERSON" for t in doc[i:j]):
        return []  # a person's name is never fuzzily a country or organisation
    hit = kb.fuzzy(text, float(opts.get("actors.fuzzy_threshold")))
    if hit is None:
        return []
    alias, score = hit
    e = kb.entries[alias.entry_id]
    ref = kb.actor(e, text=text, date=date)
    return [Composite(ref, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "fuzzy", f"'{text}' is close ({score:.0f}/100) to '{alias.text}' of {e.name}", score / 100)]


# ------------------------------------------------------------------------------ in a document


def _kb_of(analysis: Analysis) -> KnowledgeBase:
    kb = analysis.scratch.get(KB_KEY)
    return kb if isinstance(kb, KnowledgeBase) else load_kb()


def actor_for_span(analysis: Analysis, start: int, end: int) -> ActorRef | None:
    """The actor for a character span of the cleaned text (a subject or object phrase).

    The best mention inside/overlapping the span (the one holding the phrase head first), else
    the span read on its own (title + nationality, role word). "the two sides" gives None: use
    :func:`parties_of`.
    """
    doc = analysis.doc
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if norm(span.text) in PARTY_PHRASES or any(norm(doc[k : k + 3].text) in PARTY_PHRASES or norm(doc[k : k + 2].text) in PARTY_PHRASES for k in range(span.start, span.end)):
        return None
    head = span.root
    if len(span) == 1 and head.lower_ in PERSON_PRONOUNS:
        return _last_person_before(analysis, span.start_char)
    overlapping = [m for m in analysis.mentions if m.start < span.end_char and span.start_char < m.end]
    if overlapping:
        holding = [m for m in overlapping if m.start <= head.idx < m.end]
        pick = holding or sorted(overlapping, key=lambda m: -(min(m.end, span.end_char) - max(m.start, span.start_char)))
        return pick[0].actor
    kb = _kb_of(analysis)
    actors: DocActors | None = analysis.scratch.get(STATE_KEY)
    state = actors.state if actors else DocState(date=analysis.date)
    comps, _ = resolve_range(doc, span.start, span.end, head.i, kb, state, date=analysis.date)
    return comps[0].actor if comps else None


PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
"""Pronouns read as the last person named before them ("Wang said he would ...")."""
PRONOUN_REACH = 2  # sentences back a pronoun may reach; farther is too uncertain


def _last_person_before(analysis: Analysis, offset: int) -> ActorRef | None:
    """The most recent person mention before ``offset`` (same or previous sentences)."""
    here = next((i for i, s in enumerate(analysis.doc.sents) if s.start_char <= offset < s.end_char), None)
    for m in sorted(analysis.mentions, key=lambda m: m.start, reverse=True):
        if m.end > offset:
            continue
        if here is not None and m.sentence is not None and here - m.sentence > PRONOUN_REACH:
            return None
        a = m.actor
        is_person = (a.actor_id is not None and not a.actor_id.startswith(("country:", "org:", "group:", "petrarch"))) or (a.actor_id is None and a.name is not None and m.method in {"unknown-person", "title+nationality", "title+context"})
        if is_person:
            return a
    return None


PERSON_WEIGHT = 2  # hand-set: a named official outweighs one bare mention of a place or country
PLACE_LIKE_METHODS = frozenset({"alias", "exact", "nationality", "metonym"})


def parties_of(analysis: Analysis, sentence_index: int | None = None) -> list[ActorRef]:
    """The two main parties of the exchange reported ("the two sides", "both countries"): the two
    countries mentioned most up to that sentence (whole document as fallback), as governments."""
    kb = _kb_of(analysis)
    upto: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    for m in analysis.mentions:
        c = m.actor.country
        if not c or c in SPECIAL_COUNTRIES or len(c) != 3:
            continue
        # the people who act for a state say more about who "the two sides" are than places do
        # ("MOSCOW —", "in the Russian capital"): a named official counts twice
        w = PERSON_WEIGHT if m.actor.sector == "GOV" and m.method not in PLACE_LIKE_METHODS else 1
        whole[c] += w
        if sentence_index is None or (m.sentence is not None and m.sentence <= sentence_index):
            upto[c] += w
    ranked: Sequence[tuple[str, int]] = upto.most_common()
    if len(ranked) < 2:
        ranked = whole.most_common()
    out = []
    for code, _n in ranked[:2]:
        entry = kb.country_entry(code)
        out.append(ActorRef(text="the two sides", name=entry.name if entry else code, country=code, sector="GOV", actor_id=entry.id if entry else None))
    return out
