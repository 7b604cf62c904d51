"""Helpers the event evaluation suites share: batch analysis of many sentences, metrics.

Used by ``communique.eval.{plv,gsr,petrarch,case2021}``; nothing here reads benchmark files on
its own.
"""

from __future__ import annotations

__all__ = ["analyse_many", "macro_f1", "overlaps", "read_records", "confusion_rows", "collapse_yield"]

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.records import Document, SourceDocument

YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})


def collapse_yield(type_: str | None) -> str | None:
    """ZSP/PLV's YIELD covers PLOVER's CONCEDE and RETREAT (CAMEO 08 style)."""
    return "YIELD" if type_ in YIELD_TYPES else type_


def read_records(path: Path, suite: str) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read {suite} data: {exc}", code="C761", path=str(path)) from exc
    out = []
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise EvalError(f"not valid JSON ({exc.msg})", code="C762", path=str(path), line=no) from exc
    return out


def analyse_many(texts: Sequence[str], options: Options, *, dates: Sequence[str | None] | None = None) -> list[Any]:
    """Parse (nlp.pipe) and resolve actors for many short texts; one Analysis each."""
    from communique.actors.stage import make as make_actors
    from communique.nlp import load_model, sentences_of
    from communique.pipeline import Analysis

    nlp = load_model(options.get("nlp.model"))
    actors = make_actors(options)
    out = []
    dates = dates or [None] * len(texts)
    for text, date, doc in zip(texts, dates, nlp.pipe(texts, batch_size=int(options.get("nlp.batch_size"))), strict=True):
        doc_id = "b" + hashlib.sha1(text.encode()).hexdigest()[:12]
        a = Analysis(source=SourceDocument(id=doc_id, text=text, published=date),
                     document=Document(id=doc_id, text=text, published=date))
        a.doc = doc
        a.sentences = sentences_of(doc_id, doc)
        out.append(a)
    for i in range(0, len(out), 64):
        actors(out[i : i + 64])
    return out


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def macro_f1(gold: Sequence[str | None], pred: Sequence[str | None]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    """Macro F1 over the gold labels (a prediction of a label never in gold still costs precision
    of nothing; it costs recall of the gold label)."""
    labels = sorted({g for g in gold if g is not None})
    per: dict[str, tuple[float, float, float, int]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = (prec, rec, f1, tp + fn)
    return (sum(v[2] for v in per.values()) / len(per) if per else 0.0), per


def confusion_rows(gold: Iterable[str | None], pred: Iterable[str | None], *, top: int = 25) -> list[list[Any]]:
    """The most frequent (gold, predicted) disagreements, for finding missing verb classes."""
    c = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    rows: list[list[Any]] = [["gold", "predicted", "n"]]
    rows.extend([g, p or "(none)", n] for (g, p), n in c.most_common(top))
    return rows
