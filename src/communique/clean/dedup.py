"""Near-duplicate articles: MinHash signatures over word shingles, banded LSH to find pairs.

Wire copy is republished everywhere, often with a new headline, a paragraph cut or words
"respun" by a machine. Counting it once per outlet would inflate every event count, so the store
marks a later copy ``duplicate_of`` the earlier one.

Signatures are deterministic across runs, machines and numpy versions: shingles are hashed with
blake2b (never Python's salted ``hash()``) and the permutation parameters are derived from
blake2b of a fixed label, not from a random generator.
"""

from __future__ import annotations

__all__ = ["signature", "find_duplicates", "jaccard", "shingles"]

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from communique.errors import ConfigError

_WORD = re.compile(r"\w+")
# Universal hashing modulo a Mersenne prime; a, b < 2**31 and x < 2**32 keep a*x + b < 2**63,
# so the uint64 arithmetic never overflows.
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)
_SEED_LABEL = b"communique-minhash-v1"
# ConfigError code for impossible dedup options (num_perm/shingle/bands) or mixed signatures.
BAD_DEDUP_OPTION = "C230"
_INITIAL_ROWS = 1024


def shingles(text: str, *, shingle: int) -> set[str]:
    """Word ``shingle``-grams of the lower-cased text (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) <= shingle:
        return {" ".join(words)}
    return {" ".join(words[i : i + shingle]) for i in range(len(words) - shingle + 1)}


def jaccard(a: str, b: str, *, shingle: int) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for tuning and tests)."""
    sa, sb = shingles(a, shingle=shingle), shingles(b, shingle=shingle)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    a = np.empty(num_perm, dtype=np.uint64)
    b = np.empty(num_perm, dtype=np.uint64)
    for i in range(num_perm):
        digest = hashlib.blake2b(_SEED_LABEL + i.to_bytes(4, "big"), digest_size=8).digest()
        a[i] = (int.from_bytes(digest[:4], "big") >> 1) | 1  # odd, in [1, 2**31)
        b[i] = int.from_bytes(digest[4:], "big") >> 1
    return a, b


def _hash32(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=4).digest(), "big")


def signature(text: str, *, num_perm: int, shingle: int) -> tuple[int, ...]:
    """MinHash signature (``num_perm`` 32-bit ints) of the text's word shingles; ``()`` if no words."""
    if num_perm <= 0 or shingle <= 0:
        raise ConfigError(
            f"clean.num_perm and clean.shingle must be positive (got {num_perm}, {shingle})",
            code=BAD_DEDUP_OPTION,
        )
    items = shingles(text, shingle=shingle)
    if not items:
        return ()
    x = np.fromiter((_hash32(s) for s in items), dtype=np.uint64, count=len(items))
    a, b = _permutations(num_perm)
    hashed = ((np.outer(x, a) + b) % _PRIME) & _MAX32  # shape (shingles, num_perm)
    return tuple(int(v) for v in hashed.min(axis=0))


def find_duplicates(
    items: Iterable[tuple[str, tuple[int, ...]]], *, bands: int, threshold: float
) -> dict[str, tuple[str, float]]:
    """Map each later document id to (earlier id it copies, estimated Jaccard similarity).

    ``items`` come in the order that decides "earlier" (the store passes publication date, then
    ingest order). Banded LSH: a document is compared only with earlier documents that share a
    band bucket with it; a candidate counts when the share of agreeing signature positions (the
    Jaccard estimate) reaches ``threshold``. Of several, the most similar wins, the earliest on a
    tie. Empty signatures (texts without words) are never duplicates.
    """
    if bands <= 0:
        raise ConfigError(f"clean.bands must be positive, got {bands}", code=BAD_DEDUP_OPTION)
    buckets: dict[tuple[int, bytes], list[int]] = {}
    ids: list[str] = []
    matrix = np.empty((0, 0), dtype=np.uint32)  # signatures by row, grown by doubling
    width: int | None = None
    found: dict[str, tuple[str, float]] = {}
    seen: set[str] = set()
    for doc_id, sig in items:
        if not sig or doc_id in seen:
            continue
        seen.add(doc_id)
        arr = np.asarray(sig, dtype=np.uint32)
        if width is None:
            width = len(arr)
            if bands > width:
                raise ConfigError(
                    f"clean.bands={bands} exceeds the signature length {width} (clean.num_perm)",
                    code=BAD_DEDUP_OPTION,
                )
            matrix = np.empty((_INITIAL_ROWS, width), dtype=np.uint32)
        elif len(arr) != width:
            raise ConfigError(
                f"signature of {doc_id} has {len(arr)} values, others {width}; "
                "signatures made with different clean.num_perm cannot be compared",
                code=BAD_DEDUP_OPTION,
            )
        rows = width // bands
        keys = [(band, arr[band * rows : (band + 1) * rows].tobytes()) for band in range(bands)]
        hits = [buckets[k] for k in keys if k in buckets]
        if hits:
            candidates = np.unique(np.concatenate([np.asarray(h) for h in hits]))
            sims = (matrix[candidates] == arr).mean(axis=1)
            best = int(np.argmax(sims))  # first maximum: the earliest on a tie
            if sims[best] >= threshold:
                found[doc_id] = (ids[int(candidates[best])], round(float(sims[best]), 4))
        index = len(ids)
        ids.append(doc_id)
        if index == len(matrix):
            matrix = np.concatenate([matrix, np.empty_like(matrix)])
        matrix[index] = arr
        for key in keys:
            buckets.setdefault(key, []).append(index)
    return found
