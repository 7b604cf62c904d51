"""Compact TF-IDF vectors and batched cosine similarity, numpy only.

Why this shape: grouping 100,000 documents must stay near-linear and bounded in memory, so each
document keeps only its ``TOP_TERMS`` heaviest content words (ids + L2-normalised weights in two
fixed-width arrays) and similarity is computed for candidate pairs in vectorised batches, never for
all pairs.
"""

from __future__ import annotations

__all__ = ["TermVectors", "build_vectors", "cosine_pairs", "STOPWORDS", "tokens"]

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Only the opening of a text is read: the first paragraphs of a news report name who met where,
# and capping the length bounds the cost per document. 4000 characters is ~650 words, more than
# the lead of every article in examples/corpus (re-run benchmarks/stories_scale.py on change).
MAX_CHARS = 4000
# Terms kept per document. 24 keeps the names and places that identify an episode; more terms
# mostly add generic diplomatic vocabulary. Cost per compared pair grows with TOP_TERMS².
TOP_TERMS = 24
# Pairs compared per numpy batch: 20,000 × 24 × 24 booleans ≈ 11 MB of scratch memory.
PAIR_BATCH = 20_000

_WORD = re.compile(r"[a-z][a-z'\-]{2,}")

STOPWORDS: frozenset[str] = frozenset(
    """the and for that with was were are has had have been from this will would said says
    its their they them his her him she who which what when where while after before into
    about also than then there these those not but more most other over such only some any
    both each very can could should may might must our out all one two three first last new
    year years day days week weeks month months time today yesterday monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december told according added including including between against during
    under since because being just like made make many much well still even ever own per via
    government official officials minister ministry president secretary state states country
    countries foreign national international news report reported reports statement spokesman
    spokeswoman spokesperson meeting meetings talks visit people side sides two-day""".split()
)


def tokens(text: str) -> list[str]:
    """Lower-cased content words (3+ letters, no stopwords) of the opening of ``text``."""
    return [w.strip("'-") for w in _WORD.findall(text[:MAX_CHARS].lower()) if w not in STOPWORDS]


@dataclass(frozen=True, slots=True)
class TermVectors:
    """``ids[i]``/``weights[i]``: document i's top terms (id -1 = padding) and their weights."""

    ids: np.ndarray  # (n, TOP_TERMS) int32
    weights: np.ndarray  # (n, TOP_TERMS) float32, rows L2-normalised
    df: np.ndarray  # (vocabulary,) int32 document frequency
    vocabulary: dict[str, int]


def build_vectors(texts: Sequence[str], *, top_terms: int = TOP_TERMS) -> TermVectors:
    """Two passes: count terms per document (kept as small int arrays), then weight by IDF."""
    vocab: dict[str, int] = {}
    per_doc: list[tuple[np.ndarray, np.ndarray]] = []
    df_counter: Counter[int] = Counter()
    for text in texts:
        counts = Counter(tokens(text))
        ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in counts), dtype=np.int32, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        df_counter.update(ids.tolist())
        per_doc.append((ids, tf))
    n = len(texts)
    df = np.zeros(len(vocab), dtype=np.int32)
    if df_counter:
        keys = np.fromiter(df_counter.keys(), dtype=np.int64, count=len(df_counter))
        df[keys] = np.fromiter(df_counter.values(), dtype=np.int32, count=len(df_counter))
    # Smoothed IDF; a term in every document still weighs a little.
    idf = (np.log((n + 1) / (df.astype(np.float32) + 1)) + 1.0).astype(np.float32)
    out_ids = np.full((n, top_terms), -1, dtype=np.int32)
    out_w = np.zeros((n, top_terms), dtype=np.float32)
    for i, (ids, tf) in enumerate(per_doc):
        if ids.size == 0:
            continue
        w = (1.0 + np.log(tf)) * idf[ids]
        if ids.size > top_terms:
            keep = np.argpartition(-w, top_terms - 1)[:top_terms]
            ids, w = ids[keep], w[keep]
        norm = float(math.sqrt(float(np.dot(w, w)))) or 1.0
        out_ids[i, : ids.size] = ids
        out_w[i, : ids.size] = w / norm
    return TermVectors(out_ids, out_w, df, vocab)


def cosine_pairs(vectors: TermVectors, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of documents ``left[k]`` and ``right[k]`` for every k (batched)."""
    out = np.zeros(len(left), dtype=np.float32)
    for s in range(0, len(left), PAIR_BATCH):
        a, b = left[s : s + PAIR_BATCH], right[s : s + PAIR_BATCH]
        ia, ib = vectors.ids[a], vectors.ids[b]
        match = (ia[:, :, None] == ib[:, None, :]) & (ia[:, :, None] >= 0)
        prod = vectors.weights[a][:, :, None] * vectors.weights[b][:, None, :]
        out[s : s + PAIR_BATCH] = (prod * match).sum(axis=(1, 2))
    return out
