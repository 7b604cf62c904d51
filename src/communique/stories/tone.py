"""Tone over time per pair of countries: the mean PLOVER conflict–cooperation score per period.

Why per undirected pair: "how are US–China relations going" is asked of the pair, whichever side
acted. Events without a target country, with the same country on both sides, undated or negated
count for no pair.
"""

from __future__ import annotations

__all__ = ["tone_series", "pair_key", "period_of", "FREQS", "TYPE_QUAD"]

from collections.abc import Sequence
from datetime import date
from typing import Any

from communique.errors import ConfigError
from communique.records import Event

FREQS: tuple[str, ...] = ("day", "week", "month")
CONFLICT_QUADS = (3, 4)
TYPE_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""PLOVER quad of each type (SANCTION as material conflict, as in the PLV data), used when an
event carries no quad."""
ROUND = 3


def pair_key(a: str, b: str) -> str:
    """Undirected pair name: the two codes sorted, joined by '-' ("CHN-USA")."""
    x, y = sorted((a.upper(), b.upper()))
    return f"{x}-{y}"


def period_of(day: str, freq: str) -> str | None:
    """Period label of an ISO date: the day, the Monday of its week, or "YYYY-MM"."""
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if freq == "day":
        return d.isoformat()
    if freq == "month":
        return d.isoformat()[:7]
    return date.fromordinal(d.toordinal() - d.weekday()).isoformat()


def _quad(e: Event) -> int | None:
    return e.quad if e.quad is not None else TYPE_QUAD.get(e.type)


def tone_series(
    events: Sequence[Event], *, dyad: tuple[str, str] | None = None, freq: str = "week"
) -> list[dict[str, Any]]:
    """Points ``{pair, period, mean, count, conflict_share, event_ids}`` sorted by pair, period.

    ``mean`` is over events that carry a PLOVER score (None if none does); ``count`` and
    ``conflict_share`` (share of verbal + material conflict) are over all events of the point.
    """
    if freq not in FREQS:
        raise ConfigError(f"unknown tone frequency {freq!r}; use one of {', '.join(FREQS)}", code="C271")
    want = pair_key(*dyad) if dyad else None
    groups: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        a = e.source.country if e.source is not None else None
        b = e.target.country if e.target is not None else None
        if e.negated or not e.date or not a or not b or "---" in (a, b) or a.upper() == b.upper():
            continue
        pair = pair_key(a, b)
        if want is not None and pair != want:
            continue
        period = period_of(e.date, freq)
        if period is not None:
            groups.setdefault((pair, period), []).append(e)
    points = []
    for (pair, period), evs in sorted(groups.items()):
        scores = [e.score for e in evs if e.score is not None]
        points.append({
            "pair": pair,
            "period": period,
            "mean": round(sum(scores) / len(scores), ROUND) if scores else None,
            "count": len(evs),
            "conflict_share": round(sum(1 for e in evs if _quad(e) in CONFLICT_QUADS) / len(evs), ROUND),
            "event_ids": [e.id for e in evs],
        })
    return points
