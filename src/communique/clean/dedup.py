"""Near-duplicate articles: MinHash signatures over word shingles, banded LSH to find pairs.

Shingles are word 2-grams plus 8-grams of the function-word skeleton (see
``clean/data/function_words.toml``), so a copy run through a synonym spinner still matches.

Wire copy is republished everywhere, often with a new headline, a paragraph cut or words
"respun" by a machine. Counting it once per outlet would inflate every event count, so the store
marks a later copy ``duplicate_of`` the earlier one.

Signatures are deterministic across runs, machines and numpy versions: shingles are hashed with
crc32 (never Python's salted ``hash()``) and the permutation parameters are derived from
blake2b of a fixed label, not from a random generator.
"""

from __future__ import annotations

__all__ = ["signature", "find_duplicates", "jaccard", "shingles", "function_words"]

import hashlib
import re
import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from communique.errors import ConfigError, KnowledgeError
from communique.knowledge import data_path, read_toml

_WORD = re.compile(r"\w+")
_FUNCTION_WORD = re.compile(r"[a-z]+")
FUNCTION_WORDS_FILE = "function_words.toml"
# Length of the function-word skeleton shingles. Tuned with the articles of
# tests/clean/clean_articles.py: 6, 8 and 10 all lift respun copies (0.57 -> 0.66-0.72 estimated
# Jaccard) while lowering independent reports; 8 gave the lowest score between unrelated
# articles (0.07) at nearly the same respun score. Re-run tests/clean/test_clean_dedup.py.
SKELETON_SHINGLE = 8
# Multiply-shift hashing: h(x) = ((a*x + b) mod 2**64) >> 32 with odd 64-bit a; numpy's uint64
# arithmetic wraps, which is exactly the mod 2**64.
_SHIFT = np.uint64(32)
_SEED_LABEL = b"communique-minhash-v1"
# ConfigError code for impossible dedup options (num_perm/shingle/bands) or mixed signatures.
BAD_DEDUP_OPTION = "C230"
_INITIAL_ROWS = 1024


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of ``clean/data/function_words.toml`` (validated once)."""
    path = data_path("clean", FUNCTION_WORDS_FILE)
    words = read_toml(path).get("words")
    if not isinstance(words, list) or not words:
        raise KnowledgeError("missing non-empty list 'words'", code="C302", path=str(path))
    bad = [w for w in words if not isinstance(w, str) or not _FUNCTION_WORD.fullmatch(w)]
    if bad:
        raise KnowledgeError(
            f"function words must be lower-case single words; bad: {bad[:5]}",
            code="C302",
            path=str(path),
        )
    return frozenset(words)


def shingles(text: str, *, shingle: int) -> set[str]:
    """Word ``shingle``-grams of the lower-cased text plus 8-grams of its function-word skeleton.

    Skeleton shingles (content words replaced by ``_``) survive synonym spinning; word shingles
    tell a verbatim copy (higher score) from a respun one (lower). A text shorter than a
    shingle contributes itself whole.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    out = _grams(words, shingle, prefix="w ")
    keep = function_words()
    skeleton = [w if w in keep else "_" for w in words]
    out |= _grams(skeleton, SKELETON_SHINGLE, prefix="s ")
    return out


def _grams(words: list[str], k: int, *, prefix: str) -> set[str]:
    if len(words) <= k:
        return {prefix + " ".join(words)}
    return {prefix + " ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


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
        digest = hashlib.blake2b(_SEED_LABEL + i.to_bytes(4, "big"), digest_size=16).digest()
        a[i] = int.from_bytes(digest[:8], "big") | 1  # odd multiplier
        b[i] = int.from_bytes(digest[8:], "big")
    return a, b


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
    # crc32 is deterministic and fast; it only has to keep distinct shingles apart, the
    # per-permutation randomness comes from the multiply-shift family.
    x = np.fromiter(
        (zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint64, count=len(items)
    )
    a, b = _permutations(num_perm)
    hashed = (np.outer(x, a) + b) >> _SHIFT  # shape (shingles, num_perm), values < 2**32
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
