"""Tone over time per country pair, for the API, the dashboard and the report.

The stories stage owns the definition (``communique.stories.tone_series``); this module only
picks it up. Until the stories stage ships it, :func:`_local_tone_series` computes the same
documented shape so the API and report keep working: points
``{"pair", "period", "mean", "count", "conflict_share", "event_ids"}``.
"""

from __future__ import annotations

__all__ = ["tone_series", "FREQS", "pair_key"]

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from communique.records import Event

log = logging.getLogger(__name__)

FREQS: tuple[str, ...] = ("day", "week", "month")
CONFLICT_QUADS = (3, 4)


def pair_key(a: str, b: str) -> str:
    """Undirected pair name: the two codes sorted, joined by '-' ("CHN-USA")."""
    x, y = sorted((a.upper(), b.upper()))
    return f"{x}-{y}"


def _period(day: str, freq: str) -> str | None:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if freq == "day":
        return d.isoformat()
    if freq == "month":
        return d.isoformat()[:7]
    monday = date.fromordinal(d.toordinal() - d.weekday())
    return monday.isoformat()


def _local_tone_series(
    events: Sequence[Event], *, dyad: tuple[str, str] | None = None, freq: str = "week"
) -> list[dict[str, Any]]:
    want = pair_key(*dyad) if dyad else None
    groups: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        a = e.source.country if e.source else None
        b = e.target.country if e.target else None
        if not a or not b or a == b or not e.date:
            continue
        pair = pair_key(a, b)
        if want and pair != want:
            continue
        period = _period(e.date, freq)
        if period is None:
            continue
        groups.setdefault((pair, period), []).append(e)
    points = []
    for (pair, period), evs in sorted(groups.items()):
        scores = [s for s in ((e.score if e.score is not None else e.goldstein) for e in evs) if s is not None]
        points.append({
            "pair": pair,
            "period": period,
            "mean": round(sum(scores) / len(scores), 3) if scores else None,
            "count": len(evs),
            "conflict_share": round(sum(1 for e in evs if e.quad in CONFLICT_QUADS) / len(evs), 3),
            "event_ids": [e.id for e in evs],
        })
    return points


def _resolve() -> Callable[..., list[dict[str, Any]]]:
    try:
        from communique.stories import tone_series as stories_tone_series
    except ImportError:
        log.debug("communique.stories.tone_series not available; using the local series")
        return _local_tone_series
    return stories_tone_series  # type: ignore[no-any-return]


def tone_series(
    events: Sequence[Event], *, dyad: tuple[str, str] | None = None, freq: str = "week"
) -> list[dict[str, Any]]:
    """Tone points per pair and period (see module docstring)."""
    return list(_resolve()(list(events), dyad=dyad, freq=freq))
