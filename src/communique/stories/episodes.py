"""Group documents into episodes: the same real-world meeting, visit, round of talks or crisis.

How documents are linked (union–find over candidate pairs, strongest links first):

1. a near-duplicate (``duplicate_of``) always joins its original;
2. documents sharing a country pair whose *anchor days* lie within ``window_days`` join when their
   texts are at least a little alike (TF-IDF cosine ≥ ``PAIR_MIN_SIM``), name the same place, or
   have a named person in common (Blinken in Shanghai on Wednesday and in Beijing on Friday);
3. documents whose texts are clearly alike (cosine ≥ ``TEXT_MIN_SIM``) join when their anchor days
   are within the window, whatever countries the extraction found (a respun copy with garbled
   actors still lands with its originals);
4. a document with no usable date (an encyclopedia page whose events were not dated) joins the
   single most similar document if that one is alike enough (``ORPHAN_MIN_SIM``).

A merge that would stretch an episode over more than ``MAX_SPAN_WINDOWS`` windows is refused,
so chains of weekly articles do not weld months of news into one episode, and a visit two years
later with the same people stays apart.

The anchor day of a document is the most frequent date of its events (from the time stage),
falling back to the publication date; an encyclopedia page (``non_news_page``) has no
publication date near the event, so only the dates its text states count.

Scale: candidates come from two sorted-neighbourhood passes (by country pair then day, and by
rare term then day), each comparing a document with a bounded number of neighbours, so the work
is O(n log n) and memory O(n); similarities are computed in numpy batches.
"""

from __future__ import annotations

__all__ = ["DocFeatures", "doc_features", "group_documents", "Grouping", "anchor_ordinal"]

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from communique.records import ActorRef, Document, Event, Quote
from communique.stories.text import TermVectors, build_vectors, cosine_pairs

log = logging.getLogger(__name__)

# Thresholds, tuned by hand on the Anchorage / Beijing 2023 / Beijing 2024 / India–China articles
# in examples/corpus (different reports of the same talks score 0.15–0.45, reports of different
# episodes of the same pair < 0.12, a respun copy ≥ 0.5) and checked on tests/stories. Re-run
# `pytest tests/stories` and `communique eval corpus` (episode pairwise F1) after changing them.
PAIR_MIN_SIM = 0.08
TEXT_MIN_SIM = 0.30
ORPHAN_MIN_SIM = 0.25
# An episode may cover at most this many windows (2 × 6 days = 12 days by default).
MAX_SPAN_WINDOWS = 2
# Sorted-neighbourhood widths: each document is compared with at most this many following
# documents of the same key. Bounds the work per document; a burst of more same-pair articles in
# one window still chains together through the neighbours.
PAIR_NEIGHBOURS = 12
TERM_NEIGHBOURS = 6
# Rare terms used for text blocking: each document's heaviest terms seen in at most
# MAX_TERM_DF_SHARE of the corpus (and at least RARE_TERM_MIN_DF documents, or it blocks nothing).
RARE_TERMS_PER_DOC = 6
MAX_TERM_DF_SHARE = 0.02
MAX_TERM_DF_FLOOR = 50
RARE_TERM_MIN_DF = 2
# Two documents must share this many rare terms to be compared on text alone.
MIN_SHARED_RARE = 2
# Undated documents query the rare-term postings directly; at most this many candidates each.
ORPHAN_CANDIDATES = 50
# Link strengths (only the order matters): duplicates first, then pair links, then text links.
DUP_STRENGTH = 3.0
PAIR_BONUS = 1.0

NO_DAY = -1
NON_NEWS_FLAG = "non_news_page"
NON_PERSON_IDS = ("country:", "org:")
# Words that mark an unlisted name as an organisation rather than a person.
ORG_WORDS = frozenset(
    "department ministry council office agency party union nations bank commission committee "
    "government army forces navy court parliament assembly house states republic".split()
)
_DATELINE = re.compile(r"\A\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,[^\n—–(]{0,40})?\s*(?:\([^)]{0,40}\)\s*)?[—–-]")


@lru_cache(maxsize=65536)
def anchor_ordinal(value: str | None) -> int:
    """Ordinal day of an ISO date or datetime string; ``NO_DAY`` when missing or unreadable."""
    if not value or len(value) < 10:
        return NO_DAY
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return NO_DAY


def dateline_place(text: str) -> str | None:
    """The city of a news dateline ("ANCHORAGE, Alaska (Wire) —" → "Anchorage")."""
    m = _DATELINE.match(text)
    if not m:
        return None
    name = m.group(1).strip(" .-'")
    return " ".join(w.capitalize() for w in name.split()) if name else None


def _countries(e: Event) -> tuple[set[str], set[str]]:
    src = {a.country for a in (e.source, *e.sources) if a is not None and a.country and a.country != "---"}
    tgt = {a.country for a in (e.target, *e.targets) if a is not None and a.country and a.country != "---"}
    return src, tgt


@dataclass(slots=True)
class DocFeatures:
    """What grouping needs to know about one document."""

    doc_id: str
    day: int  # anchor day (ordinal) or NO_DAY
    pairs: tuple[tuple[str, str], ...]  # up to two country pairs, sorted codes
    place: str | None
    duplicate_of: str | None
    people: frozenset[str] = frozenset()  # named people acting in its events or quoted
    published_day: int = NO_DAY  # publication day of a news page (NO_DAY for encyclopedia pages)


def doc_features(doc: Document, events: Sequence[Event], quotes: Sequence[Quote]) -> DocFeatures:
    """Anchor day, main country pairs and place of one document."""
    non_news = any(f.code == NON_NEWS_FLAG for f in doc.flags)
    pub = NO_DAY if non_news else anchor_ordinal(doc.published)
    days = Counter(
        d for d in (anchor_ordinal(e.date) for e in events if e.date_precision in (None, "day", "week"))
        if d != NO_DAY
    )
    if days:
        top = max(days.values())
        best = [d for d, c in days.items() if c == top]
        # Ties: the date nearest the publication date (reports are about the last few days).
        day = min(best, key=lambda d: (abs(d - pub) if pub != NO_DAY else 0, d))
    else:
        day = pub
    pair_counts: Counter[tuple[str, str]] = Counter()
    for e in events:
        src, tgt = _countries(e)
        for a in src:
            for b in tgt or {a}:
                x, y = sorted((a, b))
                pair_counts[(x, y)] += 1
    for q in quotes:
        if q.speaker is not None and q.speaker.country and q.speaker.country != "---":
            c = q.speaker.country
            # a document with quotes and no events is still keyed by its speakers' country
            pair_counts[(c, c)] += 0
    cross = [p for p, _ in pair_counts.most_common() if p[0] != p[1]]
    pairs = tuple(cross[:2]) if cross else tuple(p for p, _ in pair_counts.most_common(1))
    places = Counter(e.location.name for e in events if e.location is not None and e.location.name)
    place = places.most_common(1)[0][0] if places else dateline_place(doc.text)
    people = frozenset(
        k for k in (
            _person_key(a) for e in events for a in (e.source, e.target, *e.sources, *e.targets)
        ) if k
    ) | frozenset(k for k in (_person_key(q.speaker) for q in quotes) if k)
    return DocFeatures(doc.id, day, pairs, place, doc.duplicate_of, people, pub)


def _person_key(a: ActorRef | None) -> str | None:
    """A named person (knowledge-base id, or the resolved name when unlisted); None for
    countries and organisations, which many unrelated reports share."""
    if a is None:
        return None
    if a.actor_id:
        return None if a.actor_id.startswith(NON_PERSON_IDS) else a.actor_id
    words = (a.name or "").lower().split()
    if len(words) < 2 or ORG_WORDS.intersection(words):
        return None
    return " ".join(words)


@dataclass(slots=True)
class Grouping:
    """Result of grouping: ``groups`` lists document indices per episode."""

    groups: list[list[int]]
    features: list[DocFeatures]
    vectors: TermVectors
    n_candidates: int


class _UnionFind:
    def __init__(self, days: np.ndarray, max_span: int) -> None:
        n = len(days)
        self.parent = list(range(n))
        self.lo = [int(d) if d != NO_DAY else None for d in days]
        self.hi = list(self.lo)
        self.max_span = max_span

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        lo = [v for v in (self.lo[ra], self.lo[rb]) if v is not None]
        hi = [v for v in (self.hi[ra], self.hi[rb]) if v is not None]
        if lo and max(hi) - min(lo) > self.max_span:
            return False
        self.parent[rb] = ra
        self.lo[ra] = min(lo) if lo else None
        self.hi[ra] = max(hi) if hi else None
        return True


def _neighbour_pairs(keys: np.ndarray, days: np.ndarray, docs: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of documents with the same key among ``width`` neighbours in (key, day) order."""
    if len(keys) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    order = np.lexsort((docs, days, keys))
    k, d = keys[order], docs[order]
    lefts, rights = [], []
    for s in range(1, min(width, len(k) - 1) + 1):
        same = (k[:-s] == k[s:]) & (d[:-s] != d[s:])
        lefts.append(d[:-s][same])
        rights.append(d[s:][same])
    a, b = np.concatenate(lefts), np.concatenate(rights)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return lo.astype(np.int64), hi.astype(np.int64)


def _unique_pairs(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (a, b) pairs and how often each occurred."""
    if len(a) == 0:
        return a, b, np.empty(0, np.int64)
    code = a * n + b
    uniq, counts = np.unique(code, return_counts=True)
    return uniq // n, uniq % n, counts


def group_documents(
    documents: Sequence[Document],
    events_by_doc: dict[str, list[Event]],
    quotes_by_doc: dict[str, list[Quote]],
    *,
    window_days: int,
) -> Grouping:
    """Partition ``documents`` into episodes (lists of indices into ``documents``)."""
    n = len(documents)
    feats = [doc_features(d, events_by_doc.get(d.id, []), quotes_by_doc.get(d.id, [])) for d in documents]
    vectors = build_vectors([f"{d.title or ''}\n{d.text}" for d in documents])
    if n == 0:
        return Grouping([], feats, vectors, 0)
    days = np.array([f.day for f in feats], dtype=np.int64)
    index = {d.id: i for i, d in enumerate(documents)}

    links: list[tuple[float, int, int]] = []
    # 1. near-duplicates
    for i, f in enumerate(feats):
        j = index.get(f.duplicate_of) if f.duplicate_of else None
        if j is not None and j != i:
            links.append((DUP_STRENGTH, j, i))

    # 2. same country pair, anchor days within the window
    pair_ids: dict[tuple[str, str], int] = {}
    pk, pd_, pdoc = [], [], []
    for i, f in enumerate(feats):
        if f.day == NO_DAY:
            continue
        for p in f.pairs:
            pk.append(pair_ids.setdefault(p, len(pair_ids)))
            pd_.append(f.day)
            pdoc.append(i)
    a, b = _neighbour_pairs(np.array(pk, np.int64), np.array(pd_, np.int64), np.array(pdoc, np.int64), PAIR_NEIGHBOURS)
    a, b, _ = _unique_pairs(a, b, n)
    close = np.abs(days[a] - days[b]) <= window_days
    a, b = a[close], b[close]
    n_candidates = len(a)
    if len(a):
        sims = cosine_pairs(vectors, a, b)
        shared = np.array(
            [
                (feats[x].place is not None and feats[x].place == feats[y].place)
                or bool(feats[x].people & feats[y].people)
                for x, y in zip(a.tolist(), b.tolist(), strict=True)
            ],
            dtype=bool,
        )
        ok = (sims >= PAIR_MIN_SIM) | shared
        links += [(PAIR_BONUS + float(s), int(x), int(y)) for s, x, y in zip(sims[ok], a[ok], b[ok], strict=True)]

    # 3. shared rare terms, anchor days within the window
    max_df = max(MAX_TERM_DF_FLOOR, int(MAX_TERM_DF_SHARE * n))
    df_of = vectors.df[np.clip(vectors.ids, 0, None)]
    rare = (vectors.ids >= 0) & (df_of >= RARE_TERM_MIN_DF) & (df_of <= max_df)
    w = np.where(rare, vectors.weights, -1.0)
    top = np.argsort(-w, axis=1)[:, :RARE_TERMS_PER_DOC]
    rows = np.repeat(np.arange(n), RARE_TERMS_PER_DOC)
    cols = top.reshape(-1)
    keep = rare[rows, cols]
    t_doc, t_term = rows[keep], vectors.ids[rows[keep], cols[keep]].astype(np.int64)
    dated = days[t_doc] != NO_DAY
    a, b = _neighbour_pairs(t_term[dated], days[t_doc[dated]], t_doc[dated], TERM_NEIGHBOURS)
    a, b, shared = _unique_pairs(a, b, n)
    sel = (shared >= MIN_SHARED_RARE) & (np.abs(days[a] - days[b]) <= window_days)
    a, b = a[sel], b[sel]
    n_candidates += len(a)
    if len(a):
        sims = cosine_pairs(vectors, a, b)
        ok = sims >= TEXT_MIN_SIM
        links += [(float(s), int(x), int(y)) for s, x, y in zip(sims[ok], a[ok], b[ok], strict=True)]

    # 4. undated documents: best rare-term match
    undated = np.flatnonzero(days == NO_DAY)
    if len(undated) and len(t_term):
        order = np.argsort(t_term, kind="stable")
        st, sd = t_term[order], t_doc[order]
        for i in undated.tolist():
            terms = vectors.ids[i, top[i]][rare[i, top[i]]]
            cand: Counter[int] = Counter()
            for term in terms.tolist():
                lo_, hi_ = np.searchsorted(st, term, side="left"), np.searchsorted(st, term, side="right")
                cand.update(x for x in sd[lo_:hi_].tolist() if x != i)
            picks = [x for x, _ in cand.most_common(ORPHAN_CANDIDATES)]
            if not picks:
                continue
            sims = cosine_pairs(vectors, np.full(len(picks), i, np.int64), np.array(picks, np.int64))
            best = int(np.argmax(sims))
            n_candidates += len(picks)
            if sims[best] >= ORPHAN_MIN_SIM:
                links.append((float(sims[best]), i, picks[best]))

    uf = _UnionFind(days, MAX_SPAN_WINDOWS * window_days)
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    refused = 0
    for _, x, y in links:
        if not uf.union(x, y):
            refused += 1
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    log.info(
        "grouped %d documents into %d episodes (%d candidate pairs, %d links, %d refused by span)",
        n, len(groups), n_candidates, len(links), refused,
    )
    def first_day(g: list[int]) -> int:
        dated_days = [int(days[i]) for i in g if days[i] != NO_DAY]
        return min(dated_days) if dated_days else NO_DAY

    ordered = sorted(groups.values(), key=lambda g: (first_day(g), g[0]))
    return Grouping(ordered, feats, vectors, n_candidates)
