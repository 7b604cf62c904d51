"""``build_stories``: the corpus-wide stories step (episodes, consolidated events, issues, flags).

A pure function of records: the engine reads documents, events and quotes from the store, calls
it once after the per-document batches, and writes the result with ``Store.replace_stories``.
"""

from __future__ import annotations

__all__ = ["Stories", "build_stories", "episode_label", "date_range_text"]

import gc
import hashlib
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from communique.config import Options
from communique.errors import ConfigError
from communique.records import Document, Episode, Event, Quote
from communique.stories.consolidate import consolidate_episode
from communique.stories.episodes import NO_DAY, DocFeatures, anchor_ordinal, group_documents
from communique.stories.flags import respun_flags
from communique.stories.issues import IssueBook, find_issue_mentions, load_issues
from communique.stories.tone import TYPE_QUAD

log = logging.getLogger(__name__)

# A country is a participant when it takes part in at least this share of the events of the
# most involved country (drops "US allies" named once in a US–China report). Set on the
# Anchorage articles in examples/corpus; re-run `pytest tests/stories` on change.
PARTICIPANT_SHARE = 0.25
MAX_PARTICIPANTS = 6
# Places resolved to a city or a site outweigh a country-level mention of the same frequency.
PRECISE_PLACE_WEIGHT = 2.0
PRECISE_LEVELS = ("city", "site")
MEETING_TYPES = ("CONSULT",)
MATERIAL_CONFLICT = ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# An episode whose events are mostly material conflict is a crisis.
CRISIS_SHARE = 0.5
KIND_WORD = {"talks": "talks", "meeting": "meeting", "visit": "visit", "crisis": "crisis", "other": "events"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Stories:
    """What the stories step produces (see ``Store.replace_stories``).

    ``episodes[*].participants`` are country codes (ISO alpha-3 or PLOVER codes such as UNO),
    most involved first. ``consolidated`` records carry ``outcome`` (a short phrase) and
    ``evidence`` besides the keys the store indexes. ``doc_flags`` holds only the flags found
    here (``respun_copy``); ``issue_mentions`` every attributed issue mention.
    """

    episodes: list[Episode] = field(default_factory=list)
    consolidated: list[dict[str, Any]] = field(default_factory=list)
    doc_flags: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    issue_mentions: list[dict[str, Any]] = field(default_factory=list)


@lru_cache(maxsize=8)
def _issue_book(files: tuple[str, ...]) -> IssueBook:
    return load_issues(files)


def date_range_text(start: str | None, end: str | None) -> str:
    """ "18–19 Mar 2021", "30 Mar – 2 Apr 2021", "18 Mar 2021"; "" when undated."""
    if not start:
        return ""
    a = date.fromisoformat(start)
    b = date.fromisoformat(end) if end else a
    if a == b:
        return f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {a.year}"
    return f"{a.day} {_MONTHS[a.month - 1]} {a.year} – {b.day} {_MONTHS[b.month - 1]} {b.year}"


def episode_label(
    participants: Sequence[str], kind: str, place: str | None, start: str | None, end: str | None,
    *, fallback: str | None = None,
) -> str:
    """ "USA–CHN talks in Anchorage, 18–19 Mar 2021"."""
    when = date_range_text(start, end)
    if participants:
        head = "–".join(participants[:2]) + " " + KIND_WORD.get(kind, "events")
    else:
        head = fallback or "Unattributed report"
    if place:
        head += f" in {place}"
    return f"{head}, {when}" if when else head


def _episode_id(seed_doc: str) -> str:
    return "ep-" + hashlib.sha1(seed_doc.encode("utf-8")).hexdigest()[:12]


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _kind(evs: Sequence[Event], start: str | None, end: str | None) -> str:
    """meeting | talks | visit (a meeting dated in the text), crisis (mostly material conflict,
    or material conflict and no dated meeting), other."""
    if not evs:
        return "other"
    conflict = [e for e in evs if e.type in MATERIAL_CONFLICT and not e.negated]
    if len(conflict) / len(evs) >= CRISIS_SHARE:
        return "crisis"
    meetings = [
        e for e in evs
        if e.type in MEETING_TYPES and e.date_precision in (None, "day") and anchor_ordinal(e.date) != NO_DAY
    ]
    if not meetings:
        return "crisis" if conflict else "other"
    if any(e.mode == "visit" for e in meetings):
        return "visit"
    days = {e.date[:10] for e in meetings if e.date}
    return "talks" if len(days) >= 2 or (start and end and start != end) else "meeting"


def _participants(evs: Sequence[Event], quotes: Sequence[Quote]) -> list[str]:
    counts: Counter[str] = Counter()
    acting: Counter[str] = Counter()
    for e in evs:
        seen = {
            a.country for a in (e.source, e.target, *e.sources, *e.targets)
            if a is not None and a.country and a.country != "---"
        }
        counts.update(seen)
        if e.source is not None and e.source.country:
            acting[e.source.country] += 1
    speakers = Counter(
        q.speaker.country for q in quotes
        if q.speaker is not None and q.speaker.country and q.speaker.country != "---"
    )
    total = counts + speakers
    if not total:
        return []
    top = total.most_common(1)[0][1]
    # Most involved in events first; on a tie the side that acts more (the visitor, the one who
    # raises); quotes only decide whether a country takes part.
    ranked = sorted(total.items(), key=lambda kv: (-counts[kv[0]], -acting[kv[0]], kv[0]))
    return [c for c, n in ranked if n >= PARTICIPANT_SHARE * top][:MAX_PARTICIPANTS]


def _place(evs: Sequence[Event], feats: Sequence[DocFeatures]) -> tuple[str | None, str | None]:
    for pool in ([e for e in evs if e.type in MEETING_TYPES], list(evs)):
        scores: Counter[tuple[str, str | None]] = Counter()
        for e in pool:
            loc = e.location
            if loc is None or not loc.name:
                continue
            weight = PRECISE_PLACE_WEIGHT if loc.level in PRECISE_LEVELS else 1.0
            scores[(loc.name, loc.country)] += weight  # type: ignore[assignment]
        if scores:
            (name, country), _ = max(scores.items(), key=lambda kv: (kv[1], kv[0][0]))
            return name, country
    datelines = Counter(f.place for f in feats if f.place)
    if datelines:
        return datelines.most_common(1)[0][0], None
    return None, None


def _date_range(evs: Sequence[Event], feats: Sequence[DocFeatures]) -> tuple[str | None, str | None]:
    """First and last day of the episode: the days of its verbal-cooperation events (meetings,
    agreements, statements of support: what the participants did together), else of any event,
    else the documents' anchor days. Days after the last publication are announcements of future
    steps and do not stretch the episode."""
    published = [f.published_day for f in feats if f.published_day != NO_DAY]
    last = max(published) if published else None

    def days_of(pool: Sequence[Event]) -> list[int]:
        days = [anchor_ordinal(e.date) for e in pool if e.date_precision in (None, "day")]
        # A stated range ("March 18–19, 2021") is dated by its first day; its last is date_end.
        days += [anchor_ordinal(e.date_end) for e in pool if e.date_precision in (None, "day") and e.date_end]
        return [d for d in days if d != NO_DAY and (last is None or d <= last)]

    # Around a dated meeting, what the sides did together dates the episode; otherwise (a crisis,
    # or a meeting only dated by the report) all events do.
    meeting = bool(days_of([e for e in evs if e.type in MEETING_TYPES]))
    days = (days_of([e for e in evs if TYPE_QUAD.get(e.type) == 1]) if meeting else []) or days_of(evs)
    if not days:
        days = [f.day for f in feats if f.day != NO_DAY]
    if not days:
        return None, None
    return _iso(min(days)), _iso(max(days))


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. This step allocates millions of small acyclic
    objects while the whole corpus is alive; every full collection walks all of them, which made
    100,000 documents cost ~3x their share (benchmarks/stories_scale.py). Reference counting
    still frees everything; the previous state is restored on exit."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_stories(
    documents: Sequence[Document],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    *,
    options: Options,
) -> Stories:
    """Group documents into episodes, consolidate their events, attribute issues, flag copies."""
    with _no_cyclic_gc():
        return _build(documents, events, quotes, options=options)


def _build(
    documents: Sequence[Document],
    events: Sequence[Event],
    quotes: Sequence[Quote],
    *,
    options: Options,
) -> Stories:
    window = options.get("stories.window_days")
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ConfigError(f"[stories] window_days must be a whole number ≥ 1, got {window!r}", code="C270")
    book = _issue_book(tuple(str(f) for f in options.get("stories.issue_files") or ()))

    doc_ids = {d.id for d in documents}
    events_by_doc: dict[str, list[Event]] = {}
    for e in events:
        if e.doc_id in doc_ids:
            events_by_doc.setdefault(e.doc_id, []).append(e)
    quotes_by_doc: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.doc_id in doc_ids:
            quotes_by_doc.setdefault(q.doc_id, []).append(q)
    # Within a document, reading order: episodes come out the same whatever order the store
    # or the caller handed the records in.
    for evs_ in events_by_doc.values():
        evs_.sort(key=lambda e: (e.span[0], e.id))
    for qs_ in quotes_by_doc.values():
        qs_.sort(key=lambda q: (q.span[0], q.id))
    dropped = len(events) - sum(map(len, events_by_doc.values()))
    if dropped:
        log.warning("%d event(s) point at documents not given to build_stories; ignored", dropped)

    grouping = group_documents(documents, events_by_doc, quotes_by_doc, window_days=window)
    mentions = find_issue_mentions(
        [e for evs in events_by_doc.values() for e in evs],
        [q for qs in quotes_by_doc.values() for q in qs],
        book,
    )
    by_event: dict[str, list[dict[str, Any]]] = {}
    by_quote: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        if m["quote_id"]:
            by_quote.setdefault(m["quote_id"], []).append(m)
        else:
            by_event.setdefault(m["event_id"], []).append(m)

    docs_by_id = {d.id: d for d in documents}
    episodes: list[Episode] = []
    consolidated: list[dict[str, Any]] = []
    for group in grouping.groups:
        feats = [grouping.features[i] for i in group]
        members = sorted(
            zip(group, feats, strict=True),
            key=lambda t: (t[1].day == NO_DAY, t[1].day, t[1].doc_id),
        )
        feats = [f for _, f in members]
        ids = [f.doc_id for f in feats]
        dated = [f.day for f in feats if f.day != NO_DAY]
        lo, hi = (min(dated) - window, max(dated) + window) if dated else (None, None)
        evs = [
            e for i in ids for e in events_by_doc.get(i, [])
            if lo is None or (d := anchor_ordinal(e.date)) == NO_DAY or lo <= d <= hi  # type: ignore[operator]
        ]
        qts = [q for i in ids for q in quotes_by_doc.get(i, [])]
        ep_id = _episode_id(ids[0])
        start, end = _date_range(evs, feats)
        place, country = _place(evs, feats)
        participants = _participants(evs, qts)
        kind = _kind(evs, start, end)
        scores = [e.score for e in evs if e.score is not None and not e.negated]
        evidence = [m for e in evs for m in by_event.get(e.id, [])] + [
            m for q in qts for m in by_quote.get(q.id, [])
        ]
        issue_counts: dict[str, Counter[str]] = {}
        for m in evidence:
            issue_counts.setdefault(m["side"], Counter())[m["issue"]] += 1
        issues = {
            side: [name for name, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
            for side, c in sorted(issue_counts.items())
        }
        first = docs_by_id[ids[0]]
        episodes.append(Episode(
            id=ep_id,
            label=episode_label(participants, kind, place, start, end, fallback=first.title),
            start=start,
            end=end,
            place=place,
            country=country,
            participants=tuple(participants),
            doc_ids=tuple(ids),
            issues=issues,
            tone=round(sum(scores) / len(scores), 3) if scores else None,
            event_ids=tuple(e.id for e in evs),
            quote_ids=tuple(q.id for q in qts),
            kind=kind,
            issue_evidence=[
                {k: m[k] for k in ("side", "issue", "doc_id", "event_id", "quote_id", "evidence", "span")}
                for m in evidence
            ],
        ))
        consolidated += consolidate_episode(ep_id, evs, docs_by_id)
    episodes.sort(key=lambda e: (e.start or "9999", e.id))
    return Stories(
        episodes=episodes,
        consolidated=consolidated,
        doc_flags=respun_flags(documents),
        issue_mentions=mentions,
    )
