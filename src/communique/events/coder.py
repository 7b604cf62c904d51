"""From frames to ``Event`` records: actors resolved, codes and scores filled, ids stable.

The actors stage owns who-is-who; this module only asks it for the actor of a noun-phrase span
(``actor_for_span``) or for "the two sides" (``parties_of``). A frame whose source resolves to
nothing explicit (a bare pronoun, no phrase) is not coded, since PLOVER codes only events with an
explicit actor.
"""

from __future__ import annotations

__all__ = ["EventCoder", "Explained", "event_id"]

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

from communique.config import Options
from communique.errors import ConfigError
from communique.events.cameo_detail import load_cameo_detail
from communique.events.frames import Frame, find_frames, np_span
from communique.events.lexicon import Lexicon, load_contexts, load_lexicon
from communique.events.tables import EventTables, load_tables
from communique.records import ActorRef, Event

log = logging.getLogger(__name__)

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "who",
                      "which", "that", "this", "these", "those", "its", "their"})
CONTEXT_WINDOW = 1  # sentences either side read for contexts (a stand-in for the paragraph)
# Numbers that stand for a crowd of people when they are the subject ("Thousands marched")
CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})
# "Lawmakers in A and B", "the leaders of A and B": the places that split one noun into actors
PLACE_PREPS = frozenset({"in", "of", "from"})
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# An actor we could not resolve to a country/organisation is kept (the text is evidence) but the
# event is less certain. Hand-set, see frames.BASE_CONFIDENCE.
UNRESOLVED_PENALTY = 0.1
DICTIONARY_CODES = ("plover", "literal")
"""``[events] dictionary_codes``: what a verb-dictionary entry's code becomes under a tense or
modal. "plover": PLOVER's auxiliary-mode rules, as for our own lexicon ("will visit" is AGREE
036); "literal": the code as written, as PETRARCH codes it (see frames, ``_literal_status``)."""


def event_id(doc_id: str, trigger_start: int, type_: str, source: str, target: str) -> str:
    """Stable across runs: same document, trigger offset, type and actor codes, same id."""
    key = f"{doc_id}:{trigger_start}:{type_}:{source}:{target}"
    return "e" + hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass(slots=True)
class Explained:
    """One frame with what became of it (for ``communique code --explain``)."""

    sentence_index: int
    frame: Frame
    event: Event | None
    why: list[str] = field(default_factory=list)


def _resolve(analysis: Any, tok: Any) -> ActorRef | None:
    from communique.actors import actor_for_span

    start, end = np_span(tok)
    actor = actor_for_span(analysis, start, end) if analysis.doc is not None else None
    if actor is not None:
        return actor
    text = analysis.doc.text[start:end]
    if tok.lower_ in PRONOUNS or not text.strip():
        return None
    return ActorRef(text=text)


def _resolve_all(analysis: Any, tok: Any, *, target: bool = False) -> list[ActorRef]:
    """Actors of one argument: "Ethiopian and Eritrean troops" is two actors (country from each
    adjective, sector from the whole phrase). An unresolved common-noun target ("clashed on the
    border") is a place or a thing, not a recipient, and is dropped."""
    from communique.actors import actor_for_span

    crowd = tok.lower_ in CROWD_NUMBERS and tok.dep_ in ("nsubj", "nsubjpass")  # "Thousands rallied"
    if tok.ent_type_ in NON_ACTOR_ENTS and not crowd and not any(c.lower_ == "of" for c in tok.children):
        return []  # "on Monday", "by 20 percent" (but "thousands of Armenians" is an actor)
    whole = _resolve(analysis, tok)
    adjs = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and any(x.dep_ == "conj" for x in c.children)]
    if adjs and whole is not None:
        out = []
        # "the French, German and Italian ministers": the parser hangs the first adjective
        # beside the coordination, a comma after it
        listed = [c for c in tok.children if c.dep_ == adjs[0].dep_ and c.i < adjs[0].i and c.nbor().text == ","]
        for adj in [*listed, adjs[0], *[x for x in adjs[0].conjuncts]]:
            own = [m for m in analysis.mentions if m.start <= adj.idx < m.end]
            a = (min(own, key=lambda m: m.end - m.start).actor if own
                 else actor_for_span(analysis, adj.idx, adj.idx + len(adj.text)))
            if a is not None and a.country:
                out.append(ActorRef(text=adj.text + " " + tok.text, name=a.name, country=a.country,
                                    sector=whole.sector or a.sector, actor_id=a.actor_id))
        if len(out) > 1:
            return out
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
              for p in c.children if p.dep_ == "pobj" and any(x.dep_ == "conj" for x in p.children)]
    if places and tok.pos_ == "NOUN" and whole is not None:
        # "Lawmakers in Poland and Hungary": one actor per place, the sector from the head noun
        out = []
        for place in [places[0], *places[0].conjuncts]:
            own = [m for m in analysis.mentions if m.start <= place.idx < m.end]
            a = (min(own, key=lambda m: m.end - m.start).actor if own
                 else actor_for_span(analysis, place.idx, place.idx + len(place.text)))
            if a is not None and a.country:
                out.append(ActorRef(text=f"{tok.text} {place.head.text} {place.text}",
                                    name=a.name, country=a.country, sector=whole.sector or a.sector,
                                    actor_id=a.actor_id))
        if len(out) > 1:
            return out
    if (whole is None or not whole.country) and tok.pos_ in ("NOUN", "PROPN"):
        # "its ally, Germany,", "the two neighbours, Ukraine and Moldova,", "John Smith, a French
        # diplomat,": the apposition names the actor the head leaves unknown (PETRARCH too reads
        # a phrase's inner noun phrases when its own words code nothing)
        named = [a for ap in tok.children if ap.dep_ == "appos"
                 for t in [ap, *ap.conjuncts] for a in _resolve_all(analysis, t, target=target) if a.country]
        if named:
            return named
    if whole is None:
        return []
    if target and not whole.country and not whole.sector and tok.pos_ == "NOUN":
        return []
    return [whole, *_listed(analysis, tok, whole, target=target)]


def _listed(analysis: Any, tok: Any, whole: ActorRef, *, target: bool) -> list[ActorRef]:
    """"The French government, Germany and Italy criticized ...": a comma list the parser read
    as an apposition of its first member. An apposition proper restates its head and is closed by
    a comma ("Russia's allies, Belarus and Iran, said"); this one holds a coordination and runs
    into the verb."""
    out: list[ActorRef] = []
    doc = tok.doc
    for ap in tok.children:
        if ap.dep_ != "appos" or ap.i < tok.i or not ap.conjuncts:
            continue
        end = ap.right_edge.i + 1
        if end < len(doc) and doc[end].text == ",":
            continue
        out += [a for t in [ap, *ap.conjuncts] for a in _resolve_all(analysis, t, target=target)
                if a.country and not _same(a, whole)]
    return out


def _each_other(tok: Any) -> bool:
    """"each other", "one another" (the token is either word of the pair)."""
    pairs = {frozenset({"each", "other"}), frozenset({"one", "another"})}
    return any(frozenset({tok.lower_, x.lower_}) in pairs for x in [tok.head, *tok.children] if x is not tok)


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return (a.name or a.text).lower() == (b.name or b.text).lower() and a.code == b.code


def _dedupe(actors: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for a in actors:
        if not any(_same(a, b) for b in out):
            out.append(a)
    return out


class EventCoder:
    """Codes the events of analysed documents (``doc`` parsed, ``mentions`` resolved)."""

    def __init__(self, options: Options | None = None, *, lexicon: Lexicon | None = None,
                 tables: EventTables | None = None) -> None:
        self.options = options or Options()
        self.lexicon = lexicon or load_lexicon(self.options)
        self.tables = tables or load_tables()
        self.detail = load_cameo_detail()
        self.min_confidence = float(self.options.get("events.min_confidence"))
        codes = self.options.get("events.dictionary_codes")
        if codes not in DICTIONARY_CODES:
            raise ConfigError(f"[events] dictionary_codes must be one of {', '.join(DICTIONARY_CODES)}, got {codes!r}",
                              code="C240")
        self.literal = codes == "literal"

    def frames(self, analysis: Any) -> list[tuple[int, Frame]]:
        out: list[tuple[int, Frame]] = []
        for i, sent in enumerate(analysis.doc.sents):
            out.extend((i, f) for f in find_frames(self.lexicon, sent, literal=self.literal))
        return out

    def code(self, analysis: Any) -> list[Event]:
        return [x.event for x in self.explain(analysis) if x.event is not None]

    def explain(self, analysis: Any) -> list[Explained]:
        if analysis.doc is None:
            return []
        out: list[Explained] = []
        seen: set[str] = set()
        sents = list(analysis.doc.sents)
        for i, frame in self.frames(analysis):
            x = Explained(i, frame, None)
            out.append(x)
            if frame.status != "fact":
                x.why.append(f"not coded: {frame.status}")
                continue
            ev = self._event(analysis, i, sents[i], frame, x.why)
            if ev is None:
                continue
            if ev.confidence < self.min_confidence:
                x.why.append(f"confidence {ev.confidence:.2f} below events.min_confidence")
                continue
            if ev.id in seen:
                x.why.append("duplicate of an event already coded")
                continue
            seen.add(ev.id)
            x.event = ev
        return out

    def _contexts(self, analysis: Any, idx: int) -> tuple[str, ...]:
        """PLOVER contexts of the sentence and its neighbours (the manual codes them per paragraph)."""
        cache = analysis.scratch.setdefault("events.contexts", {})
        if idx in cache:
            return cache[idx]  # type: ignore[no-any-return]
        sents = list(analysis.doc.sents)
        window = sents[max(0, idx - CONTEXT_WINDOW): idx + CONTEXT_WINDOW + 1]
        lemmas = {t.lemma_.lower() for s in window for t in s} | {t.lower_ for s in window for t in s}
        text = " ".join(s.text.lower() for s in window)
        found = tuple(name for name, (words, phrases) in load_contexts().items()
                      if lemmas & words or any(p in text for p in phrases))
        cache[idx] = found
        return found

    def _event(self, analysis: Any, idx: int, sent: Any, f: Frame, why: list[str]) -> Event | None:
        from communique.actors import parties_of

        conf = f.confidence
        if f.parties:
            sources = parties_of(analysis, idx)
            if len(sources) < 2:
                why.append("'the two sides' but fewer than two parties known in the document")
                return None
        else:
            found = [(t, _resolve_all(analysis, t)) for t in f.sources]
            # "the two allies, France and Germany": an apposition the parser made a conjunct; the
            # common noun only describes the named parties after it
            found = [(t, acts) for t, acts in found if not (
                t.pos_ == "NOUN" and t.i + 1 < len(t.doc) and t.nbor().text == "," and not any(a.country or a.sector or a.actor_id for a in acts)
                and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children))]
            sources = [a for _, acts in found for a in acts]
        sources = _dedupe(sources)
        if not sources:
            why.append("no explicit actor (PLOVER codes only events with one)")
            return None
        mutual = [t for t in f.targets if _each_other(t)]
        if mutual and len(sources) > 1:
            # "France and Germany criticised each other": a joint event of the parties (PETRARCH
            # codes it both ways), not one with an unknown recipient
            f.targets = [t for t in f.targets if t not in mutual]
            f.reciprocal = True
            why.append(f"'{mutual[0].text} {mutual[0].head.text}': the parties act on one another")
        reported = _resolve(analysis, f.reported_by) if f.reported_by is not None else None
        if (f.announced and reported is not None and reported.country and not f.parties
                and len(sources) == 1 and sources[0].country == reported.country
                and not any(t.ent_type_ == "PERSON" for t in f.sources)):
            # "Biden announced that U.S. troops would leave": PLOVER codes the announcement, so
            # the announcer of his own side's future act is the actor
            why.append(f"announced by '{reported.text}' for its own side: the announcer is the actor")
            sources = [reported]
            f.sources = [f.reported_by]
        resolved = [(t, _resolve_all(analysis, t, target=True)) for t in f.targets]
        targets = _dedupe([a for _, acts in resolved for a in acts])
        targets = [t for t in targets if not any(_same(t, s) for s in sources)]
        reciprocal = (f.reciprocal or f.parties) and not targets and len(sources) > 1
        if reciprocal:
            why.append("joint event: every party is an actor, no recipient")
        if not sources[0].country:
            conf -= UNRESOLVED_PENALTY
        source, target = sources[0], (targets[0] if targets else None)
        if not f.dictionary:  # a user's verb dictionary chose its own codes: they stay as written
            # the words of an actor phrase are not what the act is about; a "target" that is no
            # actor ("an investigation into war crimes") is
            cameo, mode, detail = self.detail.refine(f.cameo, f.mode, f.trigger,
                                                     [*f.sources, *(t for t, acts in resolved if acts)])
            if detail is not None:
                f.cameo, f.mode = cameo, mode
                why.append(detail)
        ev = Event(
            id=event_id(analysis.doc_id, f.trigger.idx, f.type, source.code, target.code if target else ""),
            doc_id=analysis.doc_id,
            type=f.type,
            source=source,
            target=target,
            sentence=sent.text,
            span=(sent.start_char, sent.end_char),
            mode=f.mode,
            cameo=f.cameo,
            quad=self.tables.quad(f.type),  # SANCTION is 4 (material conflict), see plover.toml
            score=self.tables.score(f.type, f.mode),
            goldstein=self.tables.goldstein(f.cameo),
            negated=False,
            confidence=round(max(0.05, min(1.0, conf)), 3),
            trigger=f.trigger.text,
            trigger_span=f.trigger_span,
            sources=tuple(sources),
            targets=tuple(targets),
            pattern=f.pattern,
            sentence_index=idx,
            reported_by=reported,
            contexts=self._contexts(analysis, idx),
        )
        why.append(f"coded {f.type}{'/' + f.mode if f.mode else ''} (CAMEO {f.cameo}) {source.code} -> "
                   f"{target.code if target else '-'}")
        return ev
