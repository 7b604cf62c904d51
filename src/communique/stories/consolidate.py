"""Consolidated events: one record per real event reported by several articles.

Events of one episode are the same event when they have the same type, the same pair of countries
(either direction: "Blinken accused China" and "Yang accused Washington" are the two halves of one
exchange of accusations, and a visit is often coded visitor→host in one article and host→visitor
in another), and dates at most ``DATE_TOLERANCE_DAYS`` apart (or no date). ``source_country`` and
``target_country`` give the most reported direction; ``directions`` counts each. The record counts the
mentions, the articles, and the *independent* sources: a near-duplicate counts with its original
once, and articles of the same outlet count once. Encyclopedia-style pages are background, not
reports: their events stay in the episode but are not consolidated.
"""

from __future__ import annotations

__all__ = ["consolidate_episode", "independent_sources", "outcome_phrase", "DATE_TOLERANCE_DAYS"]

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from communique.records import Document, Event
from communique.stories.episodes import NO_DAY, NON_NEWS_FLAG, anchor_ordinal

# "On Thursday" resolved against different publication dates can land a day apart.
DATE_TOLERANCE_DAYS = 1
OUTCOME_WORDS = 10
_CLAUSE_END = re.compile(r"[.;:,!?\"“”]|\s(?:and|but|while|after|before|as|which)\s")


def _root(doc_id: str, docs: Mapping[str, Document]) -> str:
    seen = {doc_id}
    cur = doc_id
    while True:
        d = docs.get(cur)
        nxt = d.duplicate_of if d is not None else None
        if not nxt or nxt in seen:
            return cur
        seen.add(nxt)
        cur = nxt


def _outlet(doc_id: str, docs: Mapping[str, Document]) -> str | None:
    d = docs.get(doc_id)
    src = (d.source or "").strip().lower() if d is not None else ""
    return re.sub(r"^the\s+", "", src) or None


def independent_sources(doc_ids: Sequence[str], docs: Mapping[str, Document]) -> int:
    """Number of independent sources among ``doc_ids``: documents joined when one is a
    near-duplicate of the other (through ``duplicate_of`` chains) or they share an outlet."""
    parent = {d: d for d in doc_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_key: dict[str, str] = {}
    for d in doc_ids:
        for key in ("root:" + _root(d, docs), "outlet:" + (_outlet(d, docs) or "doc:" + d)):
            if key in by_key:
                parent[find(d)] = find(by_key[key])
            else:
                by_key[key] = d
    return len({find(d) for d in doc_ids})


def _background(doc_id: str, docs: Mapping[str, Document]) -> bool:
    """An encyclopedia-style page (``non_news_page``) is background, not a report of the event:
    its events stay in the episode but do not count as articles."""
    d = docs.get(doc_id)
    return d is not None and any(f.code == NON_NEWS_FLAG for f in d.flags)


def outcome_phrase(e: Event) -> str:
    """A short phrase for what happened: the trigger and the words after it up to the clause end
    ("agreed to form a joint working group on climate change")."""
    if not e.trigger:
        return e.type.lower()
    if e.trigger_span is None or not e.sentence:
        return e.trigger
    rel = e.trigger_span[1] - e.span[0]
    tail = e.sentence[rel:] if 0 <= rel <= len(e.sentence) else ""
    m = _CLAUSE_END.search(tail)
    tail = tail[: m.start()] if m else tail
    words = tail.split()[:OUTCOME_WORDS]
    return " ".join([e.trigger, *words]).strip()


def _cid(episode_id: str | None, key: tuple[str, tuple[str, ...]], first_event: str) -> str:
    raw = f"{episode_id}|{key}|{first_event}"
    return "cev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def consolidate_episode(
    episode_id: str | None, events: Sequence[Event], docs: Mapping[str, Document]
) -> list[dict[str, Any]]:
    """Consolidated records for the events of one episode (negated events are left out)."""
    by_key: dict[tuple[str, tuple[str, ...]], list[Event]] = {}
    for e in events:
        if e.negated or _background(e.doc_id, docs):
            continue
        countries = {
            a.country for a in (e.source, e.target, *e.sources, *e.targets)
            if a is not None and a.country and a.country != "---"
        }
        by_key.setdefault((e.type, tuple(sorted(countries))), []).append(e)
    out: list[dict[str, Any]] = []
    for key, evs in by_key.items():
        dated = sorted((e for e in evs if anchor_ordinal(e.date) != NO_DAY), key=lambda e: (e.date, e.id))
        clusters: list[list[Event]] = []
        for e in dated:
            day = anchor_ordinal(e.date)
            if clusters and day - anchor_ordinal(clusters[-1][-1].date) <= DATE_TOLERANCE_DAYS:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        undated = [e for e in evs if anchor_ordinal(e.date) == NO_DAY]
        if undated:
            if clusters:
                max(clusters, key=len).extend(undated)
            else:
                clusters.append(undated)
        for cl in clusters:
            cl.sort(key=lambda e: (e.doc_id, e.span[0], e.id))
            days = Counter(e.date[:10] for e in cl if e.date and anchor_ordinal(e.date) != NO_DAY)
            modes = Counter(e.mode for e in cl if e.mode)
            doc_ids = sorted({e.doc_id for e in cl})
            phrases = Counter(outcome_phrase(e) for e in cl)
            directions = Counter(
                (e.source.country if e.source else None, e.target.country if e.target else None) for e in cl
            )
            (src, tgt), _ = max(directions.items(), key=lambda kv: (kv[1], str(kv[0])))
            out.append({
                "id": _cid(episode_id, key, cl[0].id),
                "episode_id": episode_id,
                "type": key[0],
                "mode": modes.most_common(1)[0][0] if modes else None,
                "source_country": src,
                "target_country": tgt,
                "countries": list(key[1]),
                "directions": {f"{a or '?'}→{b or '-'}": n for (a, b), n in sorted(directions.items(), key=str)},
                "date": min(d for d, c in days.items() if c == max(days.values())) if days else None,
                "n_mentions": len(cl),
                "n_articles": len(doc_ids),
                "n_independent": independent_sources(doc_ids, docs),
                "event_ids": [e.id for e in cl],
                "doc_ids": doc_ids,
                "outcome": phrases.most_common(1)[0][0],
                "evidence": [
                    {"doc_id": e.doc_id, "event_id": e.id, "sentence": e.sentence, "span": list(e.span)}
                    for e in cl
                ],
            })
    out.sort(key=lambda c: (c["date"] or "9999", -c["n_articles"], c["type"], c["id"]))
    return out
