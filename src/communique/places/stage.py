"""The places stage: where each event happened.

The location comes from the event's sentence, then its paragraph, then the dateline. Only places
marked as places count: after a preposition of place ("in Anchorage", "at the Great Hall of the
People in Beijing"), a known site or venue, or the dateline. A capital used as an actor ("Beijing
said") is not a location, and a name spaCy reads as a person ("Jordan said") never is.
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
_PREP = r"(?P<prep>in|at|near|outside|inside|within|on the outskirts of|off the coast of)"
_TRAVEL_TO = r"(?:visit|visits|visited|visiting|trip|travel|travels|traveled|travelled|flew|arrived|arrives|came|went|returned|journey|headed|heads)\s+(?:to|in)"
_NAME = r"(?P<name>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|du\s+)?[A-Z][\w.'\u2019-]*)*(?:,\s*D\.C\.)?(?:\s+state\b)?)"
PLACE_RX = re.compile(r"\b(?:" + _PREP + r"|(?P<travel>" + _TRAVEL_TO + r"))\s+" + _NAME)
_LEVEL_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
# Entity labels that can be read as a place; PERSON/ORG/NORP never are ("Jordan said").
_NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})


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

    def locate(self, ev: Event) -> tuple[PlaceHit | None, str]:
        anchor = ev.trigger_span[0] if ev.trigger_span else ev.span[0]
        found = self.hits(ev.span[0], ev.span[1])
        if found:
            return _best(found, anchor), "sentence"
        pa, pb = self.paragraph(ev.span[0])
        found = self.hits(pa, pb)
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

