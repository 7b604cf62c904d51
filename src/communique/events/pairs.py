"""Pair-given classification: the event type between a marked source and target phrase.

Used by the PLV suite (and usable by anyone who already knows the two actors): first a coded
frame whose source and target phrases overlap the given spans; else the first lexicon predicate
on the dependency path between the two phrase heads (read with the same frames the coder uses);
else the nearest frame in the sentence; else CONSULT, PLOVER's most frequent category in news
(the manual's remark, not a number from any benchmark).
"""

from __future__ import annotations

__all__ = ["classify_pair", "DEFAULT_TYPE"]

from typing import Any

from communique.events.coder import Explained
from communique.events.frames import Frame, _Finder, np_span, noun_trigger
from communique.events.lexicon import Lexicon

DEFAULT_TYPE = "CONSULT"


def _ov(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _head_in(doc: Any, span: tuple[int, int] | None) -> Any:
    if span is None:
        return None
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.root if s is not None and len(s) else None


def _spans(tokens: list[Any]) -> list[tuple[int, int]]:
    return [np_span(t) for t in tokens]


def classify_pair(
    analysis: Any,
    explained: list[Explained],
    src: tuple[int, int] | None,
    tgt: tuple[int, int] | None,
    lexicon: Lexicon,
) -> tuple[str, str]:
    """(type, how) for the relation from ``src`` to ``tgt`` (character spans; either may be None)."""
    doc = analysis.doc
    scored: list[tuple[int, float, Frame]] = []
    for x in explained:
        f = x.frame
        s_hit = any(_ov(sp, src) for sp in _spans(f.sources)) or (x.event is not None and f.parties)
        t_hit = any(_ov(sp, tgt) for sp in _spans(f.targets))
        rs = any(_ov(sp, tgt) for sp in _spans(f.sources))
        rt = any(_ov(sp, src) for sp in _spans(f.targets))
        rank = 4 if s_hit and t_hit else 3 if rs and rt else 2 if (s_hit or t_hit) else 0
        if rank:
            scored.append((rank, f.confidence + (0.05 if f.status == "fact" else 0.0), f))
    if scored:
        rank, _, f = max(scored, key=lambda r: (r[0], r[1]))
        if rank >= 3:
            return f.type, f"frame {f.pattern}"
    hs, ht = _head_in(doc, src), _head_in(doc, tgt)
    if hs is not None and ht is not None:
        path = _path(hs, ht)
        finder = _Finder(lexicon, hs.sent)
        for tok in path:
            if tok.i in (hs.i, ht.i) and tok.pos_ not in ("VERB",):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                fr = finder.verb_frame(tok, as_complement=True)
                if fr is not None:
                    fr = finder._finish(fr, False) if fr.status == "fact" else fr
                    return fr.type, f"path {fr.pattern}"
            nt = noun_trigger(lexicon, tok)
            if nt is not None:
                return nt.type, f"path noun {nt.name}"
    if scored:
        _, _, f = max(scored, key=lambda r: (r[0], r[1]))
        return f.type, f"partial frame {f.pattern}"
    anchor = ht or hs
    if explained and anchor is not None:
        f = min((x.frame for x in explained), key=lambda fr: abs(fr.trigger.i - anchor.i))
        return f.type, f"nearest frame {f.pattern}"
    if explained:
        return explained[0].frame.type, f"first frame {explained[0].frame.pattern}"
    return DEFAULT_TYPE, "default"


def _path(a: Any, b: Any) -> list[Any]:
    """Tokens from ``b`` up to the lowest common ancestor, then down to ``a`` (target side first:
    the predicate that governs the target is the one that says what was done to it)."""
    anc_a = [a, *a.ancestors]
    ids_a = {t.i for t in anc_a}
    up_b = []
    t = b
    while t.i not in ids_a:
        up_b.append(t)
        if t.head is t:
            break
        t = t.head
    lca = t
    down_a = []
    for x in anc_a:
        if x.i == lca.i:
            break
        down_a.append(x)
    return [*up_b, lca, *reversed(down_a)]
