"""PLOVER gold-standard records: ``communique eval gsr --data plover_gsr_cameo.jsonl``.

``accuracy``: the event type between the gold actor and recipient phrases (pair given, as in the
PLV suite; PLOVER v0.5 names already mapped to the 16 types in the file's ``event``);
``any_event_accuracy``: some event the full coder emits for the sentence has the gold type;
``actor_accuracy`` from the actors engineer's ``communique.actors.evaluate.actor_accuracy``.
"""

from __future__ import annotations

__all__ = ["run"]

from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport


def _span(text: str, phrase: str | None) -> tuple[int, int] | None:
    if not phrase:
        return None
    i = text.find(phrase)
    return (i, i + len(phrase)) if i >= 0 else None


def run(data: Path | None, options: Options) -> EvalReport:
    from communique.events.bench import analyse_many, confusion_rows, macro_f1, read_records
    from communique.events.coder import EventCoder
    from communique.events.pairmodel import load_pair_model
    from communique.events.pairs import classify_pair

    if data is None:
        raise EvalError("the gsr suite needs --data (plover_gsr_cameo.jsonl)", code="C763")
    recs = read_records(data, "gsr")
    texts = [r["text"] for r in recs]
    analyses = analyse_many(texts, options)
    coder = EventCoder(options)
    model = load_pair_model() if options.get("events.pair_model") else None
    gold: list[str] = []
    pred: list[str | None] = []
    any_hit = 0
    routes: dict[str, tuple[int, int]] = {}  # how the pair was decided -> (lines, right)
    for r, a in zip(recs, analyses, strict=True):
        ex = coder.explain(a)
        actors = r.get("actor") or []
        recips = r.get("recipient") or []
        src = _span(r["text"], actors[0]["text"] if actors else None)
        tgt = _span(r["text"], recips[0]["text"] if recips else None)
        if tgt is None and len(actors) > 1:
            tgt = _span(r["text"], actors[1]["text"])
        t, how = classify_pair(a, ex, src, tgt, coder.lexicon, model=model)
        gold.append(r["event"])
        pred.append(t)
        route = how.split()[0]
        routes[route] = (routes.get(route, (0, 0))[0] + 1, routes.get(route, (0, 0))[1] + (t == r["event"]))
        any_hit += any(x.event is not None and x.event.type == r["event"] for x in ex)
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / n if n else 0.0
    mf1, per = macro_f1(gold, pred)
    metrics: dict[str, Any] = {
        "n": n,
        "accuracy": round(acc, 4),
        "macro_f1": round(mf1, 4),
        "any_event_accuracy": round(any_hit / n, 4) if n else None,
        "actor_accuracy": None,
    }
    notes = ["type accuracy is pair given: the gold actor and recipient phrases mark the pair"]
    try:
        from communique.actors.evaluate import actor_accuracy
    except ImportError:
        notes.append("actor_accuracy: communique.actors.evaluate.actor_accuracy not importable")
    else:
        res = actor_accuracy(recs, options=options)
        metrics["actor_accuracy"] = res.get("accuracy")
        for key in ("country_accuracy", "sector_accuracy"):
            if key in res:
                metrics[f"actor_{key}"] = res[key]
    tables = {
        "per type": [["type", "precision", "recall", "f1", "n"]]
        + [[k, round(v[0], 3), round(v[1], 3), round(v[2], 3), v[3]] for k, v in per.items()],
        "most frequent confusions": confusion_rows(gold, pred),
        "decided by": [["how", "n", "accuracy"]]
        + [[k, v[0], round(v[1] / v[0], 3)] for k, v in sorted(routes.items(), key=lambda kv: -kv[1][0])],
    }
    return EvalReport(suite="gsr", metrics=metrics, tables=tables, notes=notes)
