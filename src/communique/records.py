"""Typed records handed between stages.

Every record is a frozen, slotted dataclass with ``to_dict``/``from_dict``. ``to_dict`` gives the
export-contract shape (README "Export contract"); extra keys beyond the contract are allowed,
contract keys are never renamed. Offsets (``span``, ``start``/``end``) are character offsets into
the *cleaned* document text unless a field says otherwise.

Stages produce these; the store persists them; exports are pure functions of the store.
"""

from __future__ import annotations

__all__ = [
    "SourceDocument",
    "RemovedSpan",
    "Flag",
    "Document",
    "Sentence",
    "ActorRef",
    "Mention",
    "Location",
    "Event",
    "Quote",
    "Episode",
    "DocResult",
    "QUADS",
    "EVENT_TYPES",
]

from dataclasses import dataclass, field, fields
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER event types, in codebook order."""

QUADS: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _plain(value: Any) -> Any:
    """Recursively turn records/tuples into JSON-ready values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    """Mixin: generic to_dict/from_dict for flat records; nested ones override."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {}
        for k, v in data.items():
            if k in names:
                kwargs[k] = tuple(v) if isinstance(v, list) else v
        return cls(**kwargs)


# --------------------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class SourceDocument(_Record):
    """What ingest yields: one article's raw text and metadata, before cleaning.

    ``origin`` says where it came from ("corpus/a.jsonl:12"); ``id`` is the given id or a
    content hash (stable across runs). HTML has already been reduced to text by trafilatura;
    ``raw_html_chars`` keeps the size of the page for quality checks.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or datetime) when known
    author: str | None = None
    origin: str | None = None
    format: str | None = None  # txt | html | jsonl | json | csv | rss | atom | stdin
    meta: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class RemovedSpan(_Record):
    """A piece of the raw text that cleaning removed, and why (``reason`` is a rule name)."""

    text: str
    reason: str
    start: int = -1  # offsets into the raw SourceDocument.text
    end: int = -1


@dataclass(frozen=True, slots=True)
class Flag(_Record):
    """A document quality flag: ``code`` (e.g. ``title_contradiction``), message, evidence text."""

    code: str
    message: str
    evidence: str | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """A cleaned article. ``text`` is the cleaned text all later offsets point into."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    origin: str | None = None
    format: str | None = None
    removed: tuple[RemovedSpan, ...] = ()
    contributors: tuple[str, ...] = ()
    duplicate_of: str | None = None
    similarity: float | None = None
    flags: tuple[Flag, ...] = ()
    content_hash: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        d = dict(data)
        d["removed"] = tuple(RemovedSpan.from_dict(r) for r in d.get("removed") or ())
        d["flags"] = tuple(
            Flag.from_dict({**f, "span": tuple(f["span"]) if f.get("span") else None})
            for f in d.get("flags") or ()
        )
        d["contributors"] = tuple(d.get("contributors") or ())
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class Sentence(_Record):
    doc_id: str
    index: int
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class ActorRef(_Record):
    """A resolved actor as exported: contract fields ``text, name, country, sector``.

    ``country`` is ISO alpha-3 or a PLOVER special code (IGO, UNO, EUR, NGO, MNC, ...);
    ``sector`` a PLOVER sector code (GOV, MIL, ...) or None. ``actor_id`` points into the
    knowledge base; ``office`` is the office held on the event date, when known.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    office: str | None = None

    @property
    def code(self) -> str:
        """CAMEO-style actor code: country + sector ("CHNGOV"), "---" for an unknown country."""
        return (self.country or "---") + (self.sector or "")


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """One span in a document resolved to an actor. ``method`` says how (exact, alias, fuzzy,
    coref, title+nationality, metonym...), ``why`` a human-readable reason."""

    doc_id: str
    start: int
    end: int
    text: str
    actor: ActorRef
    method: str = "exact"
    sentence: int | None = None
    confidence: float = 1.0
    why: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        d = dict(data)
        d["actor"] = ActorRef.from_dict(d["actor"])
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


# --------------------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Location(_Record):
    """Contract: ``name, country``; plus resolution level (city|region|country|site) and coords."""

    name: str
    country: str | None = None
    level: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None  # the words in the document


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One coded event, traceable to its sentence.

    Contract fields: ``id, doc_id, episode_id, type, mode, cameo, quad, score, source, target,
    date, location, sentence, span, negated, confidence``. ``span`` is the evidence sentence's
    [start, end] in the cleaned text; ``trigger_span`` the trigger word(s). ``sources``/
    ``targets`` hold every actor of a compound or reciprocal event (``source``/``target`` are the
    first of each).
    """

    id: str
    doc_id: str
    type: str
    source: ActorRef
    sentence: str
    span: tuple[int, int]
    target: ActorRef | None = None
    mode: str | None = None
    cameo: str | None = None
    quad: int | None = None
    score: float | None = None
    goldstein: float | None = None
    date: str | None = None
    date_precision: str | None = None  # day | week | month | year | reported
    date_reason: str | None = None
    location: Location | None = None
    negated: bool = False
    confidence: float = 0.5
    episode_id: str | None = None
    trigger: str | None = None
    trigger_span: tuple[int, int] | None = None
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    contexts: tuple[str, ...] = ()
    pattern: str | None = None
    sentence_index: int | None = None
    reported_by: ActorRef | None = None  # "X said Y refused": X
    date_end: str | None = None  # last day of a range the text gives ("March 18-19": the 19th)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        d = dict(data)
        for key in ("source", "target", "reported_by"):
            if d.get(key) is not None:
                d[key] = ActorRef.from_dict(d[key])
        if d.get("location") is not None:
            d["location"] = Location.from_dict(d["location"])
        for key in ("span", "trigger_span"):
            if d.get(key) is not None:
                d[key] = tuple(d[key])
        for key in ("sources", "targets"):
            d[key] = tuple(ActorRef.from_dict(a) for a in d.get(key) or ())
        d["contexts"] = tuple(d.get("contexts") or ())
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """Who said what. Contract: ``doc_id, speaker, text, span``; plus ``direct``, ``cue``,
    the linked ``event_id``, and the date of the statement."""

    id: str
    doc_id: str
    text: str
    span: tuple[int, int]
    speaker: ActorRef | None = None
    direct: bool = True
    cue: str | None = None
    event_id: str | None = None
    sentence_index: int | None = None
    speaker_span: tuple[int, int] | None = None
    date: str | None = None
    episode_id: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        d = dict(data)
        if d.get("speaker") is not None:
            d["speaker"] = ActorRef.from_dict(d["speaker"])
        for key in ("span", "speaker_span"):
            if d.get(key) is not None:
                d[key] = tuple(d[key])
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


# -------------------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Episode(_Record):
    """A real-world episode (meeting, visit, round of talks, crisis) gathered across articles.

    Contract: ``id, label, start, end, place, country, participants, doc_ids, issues, tone``;
    ``issues`` maps a side (country code) to the issues it raised.
    """

    id: str
    label: str
    start: str | None
    end: str | None
    place: str | None = None
    country: str | None = None
    participants: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    issues: dict[str, list[str]] = field(default_factory=dict)
    tone: float | None = None
    event_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    kind: str | None = None  # meeting | visit | talks | crisis | other
    # Every issue mention behind ``issues``: side, issue, doc_id, event_id/quote_id, evidence, span.
    issue_evidence: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Episode:
        d = dict(data)
        for key in ("participants", "doc_ids", "event_ids", "quote_ids"):
            d[key] = tuple(d.get(key) or ())
        d["issues"] = dict(d.get("issues") or {})
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


# ----------------------------------------------------------------------------------- per batch


@dataclass(frozen=True, slots=True)
class DocResult(_Record):
    """Everything the per-document stages produced for one document: the unit a batch returns,
    the store writes in one transaction, and a distributed engine ships between workers."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    signature: tuple[int, ...] = ()  # MinHash signature of the cleaned text (near-duplicates)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocResult:
        return cls(
            document=Document.from_dict(data["document"]),
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences") or ()),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            signature=tuple(data.get("signature") or ()),
        )
