"""PETRARCH validation suite (UD 2.02 revision): ``communique eval petrarch --data
petrarch_validation_ud_2_02.jsonl [--dicts DIR]``.

Our coder with our lexicon codes the stylised sentences; the suite's fixture actor and agent
dictionaries (which define its fictional countries) are loaded through the actors PETRARCH
reader (``[actors] petrarch_files``). The fixture *verb* dictionary is not used. Scored: F1 over
(source, target, CAMEO root) triples of the evaluated cases (``root_f1``), next to the stored
outputs of UD-PETRARCH and PETRARCH2 on the same cases (``baseline_root_f1_*``). The codes in the
file are relative to a fixture verb dictionary (README), so a perfect CAMEO coder cannot score 1.
"""

from __future__ import annotations

__all__ = ["run", "EVALUATED_CATEGORIES", "find_dicts"]

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport

# The original UD-PETRARCH runner scores these categories only (not PARSING or ERROR).
EVALUATED_CATEGORIES = frozenset({"DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PATTERN", "DATE", "MODIFY", "SYNSET"})
DICTS_DIR = Path("petrarch_validation_dicts") / "ud_2_02"
BASELINES = {
    "udpetrarch": Path("baselines") / "udpetrarch_on_petrarch_validation_ud_2_02.jsonl",
    "petrarch2": Path("baselines") / "petrarch2_on_petrarch_validation.jsonl",
}
Triple = tuple[str, str, str]


def find_dicts(data: Path, dicts: Path | None) -> list[Path]:
    folder = dicts or data.parent / DICTS_DIR
    files = sorted(p for p in folder.glob("*.txt") if "actors" in p.name.lower() or "agents" in p.name.lower())
    if not files:
        raise EvalError(f"no PETRARCH actor/agent dictionaries in {folder}; pass --dicts DIR", code="C765",
                        path=str(folder))
    return files


def _root(code: str | None) -> str:
    code = (code or "").strip("[]")
    return code[:2]


def _prf(gold: Iterable[set[Triple]], pred: Iterable[set[Triple]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def run(data: Path | None, options: Options, *, dicts: Path | None = None) -> EvalReport:
    from communique.events.bench import analyse_many, read_records
    from communique.events.coder import EventCoder

    if data is None:
        raise EvalError("the petrarch suite needs --data (petrarch_validation_ud_2_02.jsonl)", code="C764")
    files = find_dicts(data, dicts)
    opts = options.with_overrides({"actors.petrarch_files": [str(f) for f in files]})
    try:
        from communique.actors import load_kb

        load_kb(opts)
    except NotImplementedError:
        raise EvalError("the actors PETRARCH dictionary reader (communique.actors.petrarch) is not "
                        "implemented yet; this suite needs it for the fictional actor codes", code="C766") from None
    recs = [r for r in read_records(data, "petrarch") if r.get("active") and r.get("category") in EVALUATED_CATEGORIES]
    dates = [f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}" if r.get("date") else None for r in recs]
    analyses = analyse_many([r["text"] for r in recs], opts, dates=dates)
    coder = EventCoder(opts)
    gold: list[set[Triple]] = []
    pred: list[set[Triple]] = []
    exact = 0
    for r, a in zip(recs, analyses, strict=True):
        g = {(e["source"], e["target"], _root(e["code"])) for e in r.get("expected") or []}
        p: set[Triple] = set()
        for ev in coder.code(a):
            if not ev.cameo:
                continue
            root = _root(ev.cameo)
            if ev.targets:
                p.update((s.code, t.code, root) for s in ev.sources for t in ev.targets)
            elif len(ev.sources) > 1:  # a PLOVER joint event is CAMEO's pair of directed events
                p.update((s.code, t.code, root) for s in ev.sources for t in ev.sources if s.code != t.code)
        gold.append(g)
        pred.append(p)
        exact += g == p
    prec, rec, f1 = _prf(gold, pred)
    metrics: dict[str, Any] = {"n": len(recs), "root_precision": round(prec, 4), "root_recall": round(rec, 4),
                               "root_f1": round(f1, 4), "exact": exact}
    notes = [f"dictionaries: {', '.join(f.name for f in files)} (verbs file not used: our lexicon codes)"]
    for name, rel in BASELINES.items():
        path = data.parent / rel
        if not path.exists():
            notes.append(f"no {name} baseline at {path}")
            continue
        by_id = {b["id"]: b for b in read_records(path, f"{name} baseline")}
        bg, bp = [], []
        for r, g in zip(recs, gold, strict=True):
            b = by_id.get(r["id"])
            if b is None:
                continue
            bg.append(g)
            bp.append({(e["source"], e["target"], _root(e["code"])) for e in b.get("events") or []})
        if bg:
            metrics[f"baseline_root_f1_{name}"] = round(_prf(bg, bp)[2], 4)
            notes.append(f"{name} baseline on {len(bg)} of the same cases (scored against this file's codes"
                         + ("; its outputs are for the main PETRARCH2 file, whose cases share ids but not always "
                            "text, so it is not comparable)" if name == "petrarch2" else ")"))
    rows: list[list[Any]] = [["id", "expected", "coded"]]
    for r, g, p in zip(recs, gold, pred, strict=True):
        if g != p and len(rows) < 40:
            rows.append([r["id"], " ".join("/".join(t) for t in sorted(g)), " ".join("/".join(t) for t in sorted(p))])
    return EvalReport(suite="petrarch", metrics=metrics, tables={"misses (first 40)": rows}, notes=notes)
