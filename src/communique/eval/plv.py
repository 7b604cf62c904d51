"""PLV suite (Zero-Shot-PLOVER's PLV train split): ``communique eval plv --data zsp_plv.jsonl``.

(a) pair given: the type between the marked source and target (``accuracy``, ``macro_f1``);
(b) end to end: the full coder on the sentence, a hit when an event's source and target phrases
overlap the gold spans with the right type (``e2e_recall``, ``e2e_precision``). CONCEDE and
RETREAT are collapsed to YIELD before scoring. If ``baselines/zsp_on_zsp_plv.jsonl`` sits next to
the data file, the ZSP predictions (``root_level2``) are scored on the same lines.
"""

from __future__ import annotations

__all__ = ["run", "spans_from_markup", "pair_hit"]

import re
from collections import Counter
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport

TAG_RX = re.compile(r"</?[st]>")
BASELINE = Path("baselines") / "zsp_on_zsp_plv.jsonl"


def spans_from_markup(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """Plain text and the <s>/<t> character spans of a ``marked_text``."""
    out: list[str] = []
    pos = 0
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in TAG_RX.finditer(marked):
        out.append(marked[pos : m.start()])
        at = sum(len(x) for x in out)
        tag = m.group(0)
        key = tag.strip("</>")
        if tag.startswith("</"):
            if key in opened:
                spans[key] = (opened.pop(key), at)
        else:
            opened[key] = at
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    return text, spans.get("s"), spans.get("t")


def pair_hit(x: Any, src: tuple[int, int] | None, tgt: tuple[int, int] | None) -> bool:
    """An event links the gold pair: source and target phrases overlap the spans, or both spans are
    among the actors of one compound/joint event (PLOVER lists co-actors, CAMEO pairs them). With
    no gold target span (a line that names no recipient) the source alone decides."""
    from communique.events.bench import overlaps
    from communique.events.frames import np_span

    ss = [np_span(s) for s in x.frame.sources]
    if tgt is None:  # the line names no recipient: the actor decides
        return any(overlaps(s, src) for s in ss)
    ts = [np_span(t) for t in x.frame.targets]
    if any(overlaps(s, src) for s in ss) and any(overlaps(t, tgt) for t in ts):
        return True
    joint = len(x.event.sources) > 1  # co-actors of one event ("A and B agreed")
    return joint and any(overlaps(s, src) for s in ss) and any(overlaps(s, tgt) for s in ss)


def run(data: Path | None, options: Options) -> EvalReport:
    from communique.events.bench import (
        analyse_many,
        collapse_yield,
        confusion_rows,
        macro_f1,
        read_records,
    )
    from communique.events.coder import EventCoder
    from communique.events.pairmodel import load_pair_model
    from communique.events.pairs import classify_pair

    if data is None:
        raise EvalError("the plv suite needs --data (zsp_plv.jsonl)", code="C760")
    recs = read_records(data, "plv")
    parsed = [spans_from_markup(r.get("marked_text") or r["text"]) for r in recs]
    texts = sorted({p[0] for p in parsed})
    analyses = dict(zip(texts, analyse_many(texts, options), strict=True))
    coder = EventCoder(options)
    explained = {t: coder.explain(a) for t, a in analyses.items()}
    model = load_pair_model() if options.get("events.pair_model") else None

    gold: list[str] = []
    pred: list[str | None] = []
    hows: Counter[str] = Counter()
    how_right: Counter[str] = Counter()
    e2e_hits = e2e_n = 0
    for r, (text, src, tgt) in zip(recs, parsed, strict=True):
        a, ex = analyses[text], explained[text]
        g = collapse_yield(r["root"]) or ""
        t, how = classify_pair(a, ex, src, tgt, coder.lexicon, model=model)
        gold.append(g)
        pred.append(collapse_yield(t))
        hows[how.split()[0]] += 1
        how_right[how.split()[0]] += collapse_yield(t) == g
        if src is not None and tgt is not None:
            e2e_n += 1
            for x in ex:
                if x.event is None or collapse_yield(x.event.type) != g:
                    continue
                if pair_hit(x, src, tgt):
                    e2e_hits += 1
                    break
    # precision: events coded in these sentences that match some gold pair of their sentence
    pairs_of: dict[str, list[tuple[str, Any, Any]]] = {}
    for r, (text, src, tgt) in zip(recs, parsed, strict=True):
        pairs_of.setdefault(text, []).append((collapse_yield(r["root"]) or "", src, tgt))
    n_events = n_good = 0
    for text, ex in explained.items():
        for x in ex:
            if x.event is None:
                continue
            n_events += 1
            if any(collapse_yield(x.event.type) == g and pair_hit(x, src, tgt) for g, src, tgt in pairs_of[text]):
                n_good += 1
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    mf1, per = macro_f1(gold, pred)
    metrics: dict[str, Any] = {
        "n": len(gold),
        "accuracy": round(acc, 4),
        "macro_f1": round(mf1, 4),
        "e2e_n": e2e_n,
        "e2e_recall": round(e2e_hits / e2e_n, 4) if e2e_n else None,
        "e2e_precision": round(n_good / n_events, 4) if n_events else None,
        "e2e_events": n_events,
    }
    notes = [
        "pair-given: the coder's frame linking the two spans, else the first lexicon predicate on the "
        "dependency path, else the nearest frame or predicate, else a lexicon verb's first plain entry "
        "('loose'), else CONSULT (how often each: see 'decided by')",
        "e2e precision counts an event as right only if it matches an annotated pair of its sentence; "
        "PLV does not annotate every pair, so precision is a lower bound",
    ]
    base = data.parent / BASELINE
    if base.exists():
        by_id = {b["id"]: b for b in read_records(base, "plv baseline")}
        bg, bp = [], []
        for r, g in zip(recs, gold, strict=True):
            b = by_id.get(r["id"])
            if b is not None:
                bg.append(g)
                bp.append(collapse_yield(b.get("root_level2")))
        if bg:
            metrics["baseline_accuracy"] = round(sum(1 for g, p in zip(bg, bp, strict=True) if g == p) / len(bg), 4)
            metrics["baseline_macro_f1"] = round(macro_f1(bg, bp)[0], 4)
            notes.append(f"baseline: ZSP predictions (root_level2) from {base.name}, {len(bg)} lines")
    else:
        notes.append(f"no baseline file at {base}")
    tables = {
        "per type (pair given)": [["type", "precision", "recall", "f1", "n"]]
        + [[k, round(v[0], 3), round(v[1], 3), round(v[2], 3), v[3]] for k, v in per.items()],
        "most frequent confusions": confusion_rows(gold, pred),
        "decided by": [["how", "n", "accuracy"]]
        + [[k, v, round(how_right[k] / v, 3)] for k, v in hows.most_common()],
    }
    return EvalReport(suite="plv", metrics=metrics, tables=tables, notes=notes)
