"""CASE 2021 task 2 test set: ``communique eval case2021 --data case2021_task2_test.jsonl``.

A recall check, not an F1 benchmark: for each snippet whose ``plover_approx`` is not null, did the
coder emit an event of one of those PLOVER types (``recall``)? ``n`` counts those snippets.
"""

from __future__ import annotations

__all__ = ["run"]

from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport


def run(data: Path | None, options: Options) -> EvalReport:
    from communique.events.bench import analyse_many, read_records
    from communique.events.coder import EventCoder

    if data is None:
        raise EvalError("the case2021 suite needs --data (case2021_task2_test.jsonl)", code="C767")
    recs = [r for r in read_records(data, "case2021") if r.get("plover_approx")]
    analyses = analyse_many([r["text"] for r in recs], options)
    coder = EventCoder(options)
    hits = 0
    by_label: dict[str, list[int]] = {}
    none_coded = 0
    for r, a in zip(recs, analyses, strict=True):
        types = {e.type for e in coder.code(a)}
        ok = bool(types & set(r["plover_approx"]))
        hits += ok
        none_coded += not types
        by_label.setdefault(r["label"], [0, 0])
        by_label[r["label"]][0] += ok
        by_label[r["label"]][1] += 1
    n = len(recs)
    metrics: dict[str, Any] = {"n": n, "recall": round(hits / n, 4) if n else None,
                               "no_event_rate": round(none_coded / n, 4) if n else None}
    rows: list[list[Any]] = [["label", "recall", "n"]]
    for lab, (h, m) in sorted(by_label.items(), key=lambda kv: -kv[1][1]):
        rows.append([lab, round(h / m, 3), m])
    notes = ["plover_approx is a coarse hand mapping of ACLED-style labels, not gold PLOVER",
             "an event whose actor is unresolved still counts (the snippets often use invented names)"]
    return EvalReport(suite="case2021", metrics=metrics, tables={"recall by label": rows}, notes=notes)
