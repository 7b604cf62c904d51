"""Read queries behind the HTTP API: validated filters in, one page of contract JSON out.

Parameter parsing lives here (not in the route functions) so a bad value is always a 422 that
names the parameter, whichever endpoint it came through. Records come from the store's read API;
counting and id paging for tables the store has no counter for is a short SQL query over the
store's (read-only) connection.
"""

from __future__ import annotations

__all__ = [
    "MAX_LIMIT",
    "DEFAULT_LIMIT",
    "Page",
    "parse_dyad",
    "parse_date",
    "parse_type",
    "parse_freq",
    "parse_ids",
    "event_filter",
    "documents_page",
    "events_page",
    "quotes_page",
    "episodes_page",
    "actors_page",
    "find_actor",
    "quote_by_id",
    "tone_page",
    "pairs",
]

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from communique.api.errors import ApiError
from communique.records import EVENT_TYPES, Episode
from communique.store import DocumentFilter, EventFilter, QuoteFilter, Store
from communique.stories import pair_key, tone_series
from communique.stories.tone import FREQS

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_IDS = 500  # ids=a,b,c on /api/events: a tone point's events, at most one page

_DYAD = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


def _bad(param: str, message: str) -> ApiError:
    return ApiError(f"{param}: {message}", code="C802", status=422, param=param)


# ------------------------------------------------------------------------------------ parameters


def parse_dyad(value: str | None, *, param: str = "dyad") -> tuple[str, str] | None:
    """'USA-CHN' → ('USA', 'CHN'); two 3-letter codes (ISO alpha-3 or PLOVER IGO/UNO/...)."""
    if value is None or value == "":
        return None
    m = _DYAD.match(value.strip())
    if not m:
        raise _bad(param, f"'{value}' is not a pair of 3-letter country codes like USA-CHN")
    a, b = m.group(1).upper(), m.group(2).upper()
    if a == b:
        raise _bad(param, f"'{value}' names the same country twice")
    return a, b


def parse_date(value: str | None, *, param: str) -> str | None:
    """ISO date prefix: YYYY, YYYY-MM or YYYY-MM-DD, checked for being a real date."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise _bad(param, f"'{value}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if month is not None:
            if not 1 <= int(month) <= 12:
                raise ValueError("month")
            if day is not None:
                date(int(year), int(month), int(day))
    except ValueError:
        raise _bad(param, f"'{value}' is not a real date") from None
    return value.strip()


def _date_upper(value: str) -> str:
    """The last day a date prefix covers ('2021-02' → '2021-02-28'), for overlap tests."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{value}-{last:02d}"
    return value


def parse_type(value: str | None, *, param: str = "type") -> str | None:
    if value is None or value == "":
        return None
    t = value.strip().upper()
    if t not in EVENT_TYPES:
        raise _bad(param, f"unknown event type '{value}'; use one of {', '.join(EVENT_TYPES)}")
    return t


def parse_freq(value: str | None) -> str:
    f = (value or "week").strip().lower()
    if f not in FREQS:
        raise _bad("freq", f"'{value}' is not one of {', '.join(FREQS)}")
    return f


def parse_ids(value: str | None, *, param: str = "ids") -> tuple[str, ...] | None:
    if value is None or value == "":
        return None
    ids = tuple(x.strip() for x in value.split(",") if x.strip())
    if len(ids) > MAX_IDS:
        raise _bad(param, f"at most {MAX_IDS} ids")
    return ids


def event_filter(
    *,
    dyad: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    episode: str | None = None,
    q: str | None = None,
    doc: str | None = None,
    ids: str | None = None,
) -> EventFilter:
    """Validate the shared event filters (a 422 names the first bad parameter)."""
    return EventFilter(
        doc_id=doc or None,
        episode_id=episode or None,
        type=parse_type(type),
        actor=(actor or "").strip() or None,
        dyad=parse_dyad(dyad),
        date_from=parse_date(date_from, param="from"),
        date_to=parse_date(date_to, param="to"),
        q=(q or "").strip() or None,
        ids=parse_ids(ids),
    )


# ---------------------------------------------------------------------------------------- pages


def documents_page(
    store: Store,
    *,
    q: str | None,
    date_from: str | None,
    date_to: str | None,
    episode: str | None,
    events: EventFilter,
    limit: int,
    offset: int,
) -> Page:
    """Documents in ingestion order. Event filters (dyad, actor, type) keep documents that have
    at least one matching event; from/to apply to the publication date."""
    ids: tuple[str, ...] | None = None
    if episode:
        eps = store.episodes(ids=[episode])
        ids = eps[0].doc_ids if eps else ()
    f = DocumentFilter(q=q, published_from=date_from, published_to=date_to, ids=ids, events=events)
    docs = store.documents(f, limit=limit, offset=offset)
    return Page([d.to_dict() for d in docs], store.count_documents(f), limit, offset)


def events_page(store: Store, f: EventFilter, *, limit: int, offset: int) -> Page:
    items = [e.to_dict() for e in store.events(f, limit=limit, offset=offset)]
    return Page(items, store.count_events(f), limit, offset)


def quotes_page(
    store: Store,
    *,
    speaker: str | None,
    dyad: tuple[str, str] | None,
    date_from: str | None,
    date_to: str | None,
    episode: str | None,
    doc: str | None,
    q: str | None,
    limit: int,
    offset: int,
) -> Page:
    """Quotes by date. ``speaker`` matches a name or a country code; ``dyad`` keeps quotes whose
    speaker belongs to either side."""
    f = QuoteFilter(doc_id=doc, episode_id=episode, speaker=speaker, dyad=dyad,
                    date_from=date_from, date_to=date_to, q=q)
    items = [x.to_dict() for x in store.quotes(f, limit=limit, offset=offset)]
    return Page(items, store.count_quotes(f), limit, offset)


def quote_by_id(store: Store, quote_id: str) -> dict[str, Any] | None:
    quote = store.quote(quote_id)
    return None if quote is None else quote.to_dict()


def _episode_matches(
    ep: Episode,
    *,
    q: str | None,
    actor: str | None,
    dyad: tuple[str, str] | None,
    date_from: str | None,
    date_to: str | None,
) -> bool:
    parts = {p.upper() for p in ep.participants}
    if dyad and not (dyad[0] in parts and dyad[1] in parts):
        return False
    if actor and actor.upper() not in parts:
        return False
    if q and q.lower() not in f"{ep.label} {ep.place or ''}".lower():
        return False
    start, end = ep.start or ep.end, ep.end or ep.start
    if date_from and (end is None or end < date_from):
        return False
    if date_to and (start is None or start > _date_upper(date_to)):
        return False
    return True


def episodes_page(
    store: Store,
    *,
    q: str | None,
    actor: str | None,
    dyad: tuple[str, str] | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> Page:
    """Episodes by start date. from/to keep episodes that overlap the range."""
    eps = [
        e for e in store.episodes()
        if _episode_matches(e, q=q, actor=actor, dyad=dyad, date_from=date_from, date_to=date_to)
    ]
    return Page([e.to_dict() for e in eps[offset : offset + limit]], len(eps), limit, offset)


def actors_page(
    store: Store, *, q: str | None, country: str | None, limit: int, offset: int
) -> Page:
    rows = store.actors()
    if q:
        rows = [r for r in rows if q.lower() in (r["name"] or "").lower()]
    if country:
        rows = [r for r in rows if (r["country"] or "").upper() == country.upper()]
    return Page(rows[offset : offset + limit], len(rows), limit, offset)


def find_actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """By knowledge-base id or name (case-insensitive); the most-mentioned match wins."""
    key = actor_id.lower()
    for r in store.actors():  # most mentions first
        if (r.get("actor_id") or "").lower() == key or (r["name"] or "").lower() == key:
            return r
    return None


def tone_page(
    store: Store, f: EventFilter, *, dyad: tuple[str, str] | None, freq: str, limit: int, offset: int
) -> Page:
    points = tone_series(store.events(f), dyad=dyad, freq=freq)
    return Page(points[offset : offset + limit], len(points), limit, offset)


def pairs(store: Store) -> list[dict[str, Any]]:
    """Country pairs that have events between them, most events first."""
    rows = store.con.execute(
        "SELECT source_country, target_country, count(*) FROM events "
        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country <> target_country GROUP BY 1, 2"
    ).fetchall()
    counts: dict[str, int] = {}
    for a, b, n in rows:
        key = pair_key(a, b)
        counts[key] = counts.get(key, 0) + int(n)
    return [{"pair": k, "count": v} for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
