"""Document quality flags found at corpus level: suspected machine-respun or translated copies.

A *respun* copy is another outlet's report run through a synonym spinner or a poor translation:
"meeting" becomes "assembly", "officials" "authorities", and titles contradict the facts
("Chinese President Biden"). Two signals, either is enough:

- the actors stage flagged title/role contradictions on the document (``title_contradiction``):
  two or more, or one on a near-duplicate that is not a verbatim copy;
- the document is a near-duplicate of another (``duplicate_of``) but not a verbatim syndicated
  copy, and many single words of the original were swapped one-for-one for others.

``paywall_stub`` and ``non_news_page`` are set by the clean stage on the document itself and are
kept there, not repeated here.
"""

from __future__ import annotations

__all__ = ["respun_flags", "word_substitutions", "RESPUN", "TITLE_CONTRADICTION"]

import difflib
import re
from collections.abc import Sequence

from communique.records import Document, Flag

RESPUN = "respun_copy"
TITLE_CONTRADICTION = "title_contradiction"
# A syndicated copy scores ~0.9 on the clean stage's MinHash similarity, a respun copy 0.5–0.7
# (clean stage comment in data/default.toml); above this the copy is treated as verbatim.
VERBATIM_SIMILARITY = 0.8
# One-for-one word swaps needed to call a near-duplicate respun: at least this many, and at
# least this share of the compared words. Set on examples/corpus (the respun Anchorage copy swaps
# ~15% of words, the syndicated copy < 1%); re-run `pytest tests/stories` on change.
MIN_SUBSTITUTIONS = 5
MIN_SUBSTITUTION_SHARE = 0.04
# Words compared (difflib is quadratic in the worst case; the opening carries the evidence).
MAX_WORDS = 1500
EVIDENCE_PAIRS = 6
MIN_CONTRADICTIONS = 2
_WORD = re.compile(r"\w[\w'\-]*")


def word_substitutions(original: str, copy: str) -> tuple[list[tuple[str, str]], int]:
    """One-for-one word swaps from ``original`` to ``copy`` and the number of words compared."""
    a = _WORD.findall(original.lower())[:MAX_WORDS]
    b = _WORD.findall(copy.lower())[:MAX_WORDS]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    swaps: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1 and i2 - i1 <= 2:
            swaps += [(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True) if x != y]
    return swaps, max(len(a), 1)


def respun_flags(documents: Sequence[Document]) -> dict[str, list[dict[str, object]]]:
    """``{doc_id: [Flag.to_dict(), ...]}`` for documents that look machine-respun."""
    by_id = {d.id: d for d in documents}
    out: dict[str, list[dict[str, object]]] = {}
    for d in documents:
        # A respun_copy flag already on the document came from the previous run (the store merges
        # story flags into documents); it is recomputed here, never carried over, so a re-run
        # keeps it and a changed corpus can drop it.
        reasons: list[str] = []
        evidence: list[str] = []
        contradictions = [f for f in d.flags if f.code == TITLE_CONTRADICTION]
        original = by_id.get(d.duplicate_of) if d.duplicate_of else None
        # A known similarity below verbatim says "rewritten"; an unknown one says nothing.
        rewritten = original is not None and d.similarity is not None and d.similarity < VERBATIM_SIMILARITY
        swapped = False
        if original is not None and (d.similarity is None or d.similarity < VERBATIM_SIMILARITY):
            swaps, n_words = word_substitutions(original.text, d.text)
            if len(swaps) >= MIN_SUBSTITUTIONS and len(swaps) / n_words >= MIN_SUBSTITUTION_SHARE:
                swapped = True
                shown = "; ".join(f"{x} → {y}" for x, y in swaps[:EVIDENCE_PAIRS])
                reasons.append(
                    f"near-duplicate of {original.id} with {len(swaps)} one-for-one word swaps "
                    f"({len(swaps) / n_words:.0%} of words)"
                )
                evidence.append(shown)
        # One title contradiction alone is weak (a style variant such as "adviser"/"Advisor"
        # trips it); it counts with a second one, or on a rewritten near-duplicate.
        if contradictions and (swapped or rewritten or len(contradictions) >= MIN_CONTRADICTIONS):
            reasons.insert(0, "title/role contradiction: " + "; ".join(f.message for f in contradictions))
            evidence[:0] = list(dict.fromkeys(f.evidence.strip() for f in contradictions if f.evidence))
        if reasons:
            flag = Flag(RESPUN, "suspected machine-respun or translated copy: " + "; ".join(reasons),
                        evidence=" | ".join(evidence) or None)
            out[d.id] = [flag.to_dict()]
    return out
