"""The places stage: where each event happened.

The location comes from the event's sentence, then its paragraph, then the dateline. Only places
marked as places count: after a preposition of place ("in Anchorage", "at the Great Hall of the
People in Beijing"), a known site or venue, or the dateline. A capital used as an actor ("Beijing
said") is not a location, and a name spaCy reads as a person ("Jordan said") never is.

In a sentence, a place attached to the trigger in the parse ("met ... in Bali") beats one that
belongs to another clause; a place inside what the event is about ("concerns about China's
actions in Xinjiang") is a topic, not where it happened; an attack's place can be its object
("shelling the besieged port of Mariupol").
"""

from __future__ import annotations

__all__ = ["PlacesStage", "make", "places_in", "locate_events", "PlaceHit"]

import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import Any

from communique.config import Options
from communique.places.gazetteer import Gazetteer, Place, load_gazetteer
from communique.records import Event, Location
from communique.time.dateline import find_dateline

log = logging.getLogger(__name__)

# Prepositions that put an event at a place; "to"/"for" only after travel words ("a visit to Kyiv").
_PREP = r"(?P<prep>in|at|near|outside|inside|within|into|on the outskirts of|off the coast of)"
_TRAVEL_TO = r"(?:visit|visits|visited|visiting|trip|travel|travels|traveled|travelled|flew|arrived|arrives|came|went|returned|journey|headed|heads)\s+(?:to|in)"
_NAME = r"(?P<name>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|du\s+)?[A-Z][\w.'\u2019-]*)*(?:,\s*D\.C\.)?(?:\s+state\b)?)"
PLACE_RX = re.compile(r"\b(?:" + _PREP + r"|(?P<travel>" + _TRAVEL_TO + r"))\s+" + _NAME)
_LEVEL_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
# Entity labels that can be read as a place; PERSON/ORG/NORP never are ("Jordan said").
_NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})
# Prepositions that introduce what an event is about, not where it is ("concerns about ...").
_TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning", "against", "toward", "towards"})
# Dependency steps from a place name up to the trigger that still count as "attached" (met -> in
# -> Bali: 2; received -> at -> Hall -> of -> People: 2-4). Set by reading the parses of the
# cases in tests/places; re-run them on change.
MAX_PLACE_STEPS = 4
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
# Event types whose object can be the place itself ("shelled Kharkiv", "bombed the port of Odesa").
_PLACE_OBJECT_TYPES = frozenset({"ASSAULT"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "pobj"})
# Clauses that describe a noun ("a meeting that had been planned in Geneva").
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp"})
# Adverbial clauses that tell what happened before or after the event, somewhere else.
_FLASHBACK_MARKS = frozenset({"after", "before", "since", "until", "once"})


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    text: str
    place: Place


def _ent_label_at(doc: Any, start: int, end: int) -> str | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.ent_type_:
            return str(t.ent_type_)
    return None


def places_in(
    text: str, gaz: Gazetteer, *, offset: int = 0, doc: Any = None, context: frozenset[str] = frozenset()
) -> list[PlaceHit]:
    """Places explicitly marked as such in ``text`` (a sentence or paragraph)."""
    hits: list[PlaceHit] = []
    for a, b, site in gaz.find_sites(text):
        hits.append(PlaceHit(a + offset, b + offset, text[a:b], site))
    for m in PLACE_RX.finditer(text):
        name = m.group("name")
        start = m.start("name")
        words = name.split()
        # the whole capitalised name, or without a trailing weekday/month ("in Beijing Monday");
        # never a shorter prefix ("China" out of "China University of Political Science")
        ks = [len(words)]
        if len(words) > 1 and words[-1].lower() in gaz.not_places:
            ks.append(len(words) - 1)
        for k in ks:
            cand = " ".join(words[:k]).rstrip(",.")
            cand = re.sub(r"[\u2019']s$", "", cand) if k < len(words) else cand
            if cand.lower() in ("the",):
                break
            end = start + len(" ".join(words[:k]).rstrip(",."))
            if text[end : end + 2] in ("'s", "\u2019s"):  # "in China's view": not a place phrase
                break
            if any(h.start - offset < end and start < h.end - offset for h in hits):
                break
            label = _ent_label_at(doc, start + offset, end + offset)
            if label in _NOT_PLACE_LABELS:
                continue
            region = None
            tail = text[end : end + 30]
            rm = re.match(r",\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)", tail)
            if rm and rm.group(1).lower() in gaz.states:
                region = rm.group(1)
            place = gaz.resolve(cand, context=context, region=region)
            if place is not None:
                hits.append(PlaceHit(start + offset, end + offset, text[start:end], place))
                break
    return sorted(hits, key=lambda h: h.start)


class _DocPlaces:
    def __init__(self, analysis: Any, gaz: Gazetteer) -> None:
        self.a = analysis
        self.gaz = gaz
        self.doc = analysis.doc
        self.text: str = analysis.document.text if analysis.document else (self.doc.text if self.doc else "")
        self.context = self._context()
        self._cache: dict[tuple[int, int], list[PlaceHit]] = {}
        self.dateline = self._dateline()

    def _context(self) -> frozenset[str]:
        """Countries the document is about: its actors' countries and countries it names."""
        ctx = {m.actor.country for m in self.a.mentions or [] if m.actor.country and len(m.actor.country) == 3}
        if self.doc is not None:
            for e in self.doc.ents:
                if e.label_ == "GPE":
                    c = self.gaz.country(e.text)
                    if c is not None and c.country:
                        ctx.add(c.country)
        return frozenset(ctx)

    def _dateline(self) -> PlaceHit | None:
        dl = find_dateline(self.text)
        if dl is None:
            return None
        name = dl.place.title() if dl.place.isupper() else dl.place
        place = self.gaz.resolve(name, context=self.context, region=dl.region)
        if place is None:
            return None
        return PlaceHit(dl.place_span[0], dl.place_span[1], self.text[dl.place_span[0] : dl.place_span[1]], place)

    def hits(self, start: int, end: int) -> list[PlaceHit]:
        key = (start, end)
        if key not in self._cache:
            found = places_in(self.text[start:end], self.gaz, offset=start, doc=self.doc, context=self.context)
            if self.dateline is not None:
                found = [h for h in found if not (h.start < self.dateline.end and self.dateline.start < h.end)]
            self._cache[key] = found
        return self._cache[key]

    def paragraph(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, (len(self.text) if b < 0 else b)

    def _root(self, start: int, end: int) -> Any:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _is_topic(self, hit: PlaceHit) -> bool:
        """Is the place inside what something is about ("concerns about actions in Xinjiang",
        "sanctions over the crackdown in Hong Kong")?"""
        tok = self._root(hit.start, hit.end)
        steps = 0
        while tok is not None and tok.head.i != tok.i and steps < len(self.doc):
            if tok.dep_ == "prep" and tok.lower_ in _TOPIC_PREPS:
                return True
            tok, steps = tok.head, steps + 1
        return False

    def _steps_to(self, hit: PlaceHit, trigger: Any) -> int | None:
        """Dependency steps from the place up to the trigger, or None across a clause boundary."""
        tok = self._root(hit.start, hit.end)
        steps = 0
        while tok is not None and steps <= MAX_PLACE_STEPS:
            if tok.i == trigger.i:
                return steps
            if tok.head.i == tok.i or (tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX")):
                return None
            tok, steps = tok.head, steps + 1
        return None

    def _in_other_clause(self, hit: PlaceHit, trigger: Any) -> bool:
        """Is the place inside a clause describing some noun other than the trigger ("called
        off a meeting that had been planned in Geneva": Geneva is where the meeting would have
        been, not where it was called off), or inside what someone said that the trigger is no
        part of ("Biden said US forces would not fight in Ukraine, but the Pentagon ordered")?
        A clause on the subject places the actors ("EU leaders, meeting in Brussels, agreed
        ..."), so it still counts."""
        tok = self._root(hit.start, hit.end)
        steps = 0
        while tok is not None and tok.head.i != tok.i and steps < len(self.doc):
            if tok.i == trigger.i:
                return False
            if tok.dep_ in _NOUN_CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and tok.head.i != trigger.i:
                if tok.head.dep_ in ("nsubj", "nsubjpass"):
                    return False
                return not any(t.i == trigger.i for t in tok.subtree)
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FLASHBACK_MARKS for c in tok.children):
                # "announced sanctions hours after troops crossed into Ukraine"
                return not any(t.i == trigger.i for t in tok.subtree)
            tok, steps = tok.head, steps + 1
        return False

    def _object_place(self, ev: Event, trigger: Any) -> PlaceHit | None:
        """The place an attack is aimed at, named as its object ("shelling the port of Mariupol")."""
        if ev.type not in _PLACE_OBJECT_TYPES or trigger is None:
            return None
        for child in trigger.children:
            if child.dep_ not in _OBJECT_DEPS:
                continue
            for t in child.subtree:
                # a proper-name run, whatever spaCy's small model labels it ("Mariupol" as ORG)
                if t.pos_ != "PROPN" or (t.i > 0 and self.doc[t.i - 1].pos_ == "PROPN"):
                    continue
                if t.ent_type_ in ("PERSON", "NORP"):
                    continue
                end = t.i
                while end + 1 < len(self.doc) and self.doc[end + 1].pos_ == "PROPN":
                    end += 1
                name = self.doc[t.i : end + 1]
                place = self.gaz.resolve(name.text, context=self.context)
                if place is not None:
                    return PlaceHit(name.start_char, name.end_char, name.text, place)
        return None

    def _pick(self, found: list[PlaceHit], anchor: int, trigger: Any) -> PlaceHit:
        if trigger is not None:
            steps = {id(h): self._steps_to(h, trigger) for h in found}
            attached = [h for h in found if steps[id(h)] is not None]
            if attached:
                best = _best(attached, anchor)
                # "a visit to China, landing in Shanghai": a more specific place inside the
                # attached one is the same answer, only sharper
                inside = [
                    h for h in found
                    if h.place.country == best.place.country
                    and _LEVEL_RANK.get(h.place.level, 9) < _LEVEL_RANK.get(best.place.level, 9)
                ]
                return _best(inside, anchor) if inside else best
        return _best(found, anchor)

    def locate(self, ev: Event) -> tuple[PlaceHit | None, str]:
        anchor = ev.trigger_span[0] if ev.trigger_span else ev.span[0]
        trigger = self._root(*ev.trigger_span) if ev.trigger_span else None
        aimed = self._object_place(ev, trigger)
        if aimed is not None:
            return aimed, "object"
        found = [h for h in self.hits(ev.span[0], ev.span[1]) if not self._is_topic(h)]
        if trigger is not None:
            found = [h for h in found if not self._in_other_clause(h, trigger)]
        if found:
            return self._pick(found, anchor, trigger), "sentence"
        pa, pb = self.paragraph(ev.span[0])
        found = [h for h in self.hits(pa, pb) if not self._is_topic(h)]
        if trigger is not None:
            found = [h for h in found if not self._in_other_clause(h, trigger)]
        if found:
            return _best(found, anchor), "paragraph"
        if self.dateline is not None:
            return self.dateline, "dateline"
        return None, ""


def _best(hits: list[PlaceHit], anchor: int) -> PlaceHit:
    """The most specific place, nearest the trigger among equals."""
    return min(hits, key=lambda h: (_LEVEL_RANK.get(h.place.level, 9), abs(h.start - anchor)))


def locate_events(analysis: Any, gaz: Gazetteer | None = None) -> list[Event]:
    """The document's events with ``location`` filled where the text says where."""
    g = gaz or load_gazetteer()
    ctx = _DocPlaces(analysis, g)
    out = []
    for ev in analysis.events:
        try:
            hit, _where = ctx.locate(ev)
        except Exception:  # one odd sentence costs that event's place only
            log.exception("locating event %s in %s failed", ev.id, analysis.doc_id)
            hit = None
        loc: Location | None = hit.place.location(hit.text) if hit else ev.location
        out.append(dataclasses.replace(ev, location=loc))
    return out


class PlacesStage:
    name = "places"
    reads = frozenset({"doc", "events"})
    writes = frozenset({"event_places"})

    def __init__(self, options: Options, *, gazetteer: Gazetteer | None = None) -> None:
        self.options = options
        sec = options.sections.get("places", {})
        self.gaz = gazetteer or load_gazetteer(sec.get("sites_file") or None, sec.get("aliases_file") or None)

    def __call__(self, batch: list[Any]) -> None:
        for a in batch:
            if a.events:
                a.events = locate_events(a, self.gaz)


def make(options: Options) -> PlacesStage:
    return PlacesStage(options)

