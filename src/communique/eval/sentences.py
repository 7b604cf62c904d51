"""Our own annotated sentence sets: ``communique eval sentences [--data DIR] [--split dev|train|all]``.

``examples/gold/sentences/*.jsonl`` holds sentences we wrote, one actor pair and its PLOVER type
per line (format in that folder's README). One line in five (``pairmodel.split_of``) is held out:
the learned pair model is trained on the rest, and this suite scores the held-out lines by
default, so the score is not the model reading its own answers back. The negative set beside
them (``examples/gold/negatives/``: two actors between which nothing may be coded) is split the
same way and scored as ``negative_precision`` (the share of its lines left without a false event). Scored like the PLV suite:
(a) pair given, the type between the two phrases (``accuracy``, ``macro_f1``; also
``lexicon_accuracy``, the lexicon alone without the model), (b) end to end, an event of the right
type whose actor and recipient phrases overlap the two spans (``e2e_recall``); of those hits, how
many carry the line's CAMEO root, its exact code, a code compatible with it (one broader than the
other), and its PLOVER mode (``cameo_root_accuracy``, ``cameo_exact``, ``cameo_compatible``,
``mode_accuracy``). The dev split
scores are pinned in ``tests/eval/sentences_baseline.json`` (the coder's second gate).
"""

from __future__ import annotations

__all__ = ["run", "load_sentence_sets", "load_negatives", "gold_digest", "default_sentences_dir", "writer_of", "GATED_METRICS",
           "SentenceCase", "NegativeCase"]

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport

GATED_METRICS: tuple[str, ...] = ("accuracy", "macro_f1", "e2e_recall", "negative_precision")


@dataclass(frozen=True, slots=True)
class SentenceCase:
    id: str
    text: str
    type: str
    source: tuple[int, int]
    target: tuple[int, int] | None
    phenomena: tuple[str, ...]
    split: str
    cameo: str | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class NegativeCase:
    """A sentence naming two actors between which the coder must code none of ``not_types``
    ("*" = no event at all): questions, negations, hypotheticals, co-mentions, name traps."""

    id: str
    text: str
    source: tuple[int, int]
    target: tuple[int, int] | None
    not_types: frozenset[str]
    kind: str


def _read_set(files: list[Path], what: str, digest: Any) -> Iterator[tuple[dict[str, Any], tuple[int, int],
                                                                    tuple[int, int] | None]]:
    """(record, source span, target span) of every line of ``files``; the digest is fed the
    file names and bytes. A line without text, or a span that is not in it once, is refused."""
    import json

    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        for no, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvalError(f"not a {what} line ({exc!r})", code="C771", path=str(path), line=no) from exc
            if not isinstance(rec, dict) or not isinstance(text, str):
                raise EvalError(f"not a {what} line (no text)", code="C771", path=str(path), line=no)
            src = _span(text, rec.get("source"), "source", path, no)
            tgt = _span(text, rec["target"], "target", path, no) if rec.get("target") else None
            yield rec, src, tgt


def load_negatives(folder: Path) -> tuple[list[NegativeCase], str]:
    """Every case of ``folder/*.jsonl`` (no files: none) and a sha256 over the files."""
    h = hashlib.sha256()
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    cases = [NegativeCase(id=str(rec.get("id")), text=rec["text"], source=src, target=tgt,
                          not_types=frozenset(rec.get("not") or ("*",)), kind=str(rec.get("kind") or "other"))
             for rec, src, tgt in _read_set(files, "negative-set", h)]
    return cases, h.hexdigest()


def writer_of(line_id: str) -> str:
    """The writer's letter of a sentence-set line: 'b' for 'assault-b-012', 'a' for the first
    writer's 'assault-012'. Lets a score be split by writer (their habits differ)."""
    parts = line_id.split("-")
    return parts[1] if len(parts) == 3 else "a"


def default_sentences_dir() -> Path:
    """The repository's ``examples/gold/sentences`` (this file is ``src/communique/eval/sentences.py``)."""
    return Path(__file__).resolve().parents[3] / "examples" / "gold" / "sentences"


def _span(text: str, phrase: Any, what: str, path: Path, no: int) -> tuple[int, int]:
    if not isinstance(phrase, str) or not phrase or text.count(phrase) != 1:
        raise EvalError(f"{what} {phrase!r} must occur exactly once in the text", code="C771", path=str(path), line=no)
    start = text.index(phrase)
    return start, start + len(phrase)


def load_sentence_sets(folder: Path) -> tuple[list[SentenceCase], str]:
    """Every case of ``folder/*.jsonl`` and a sha256 over the files (name + bytes)."""
    from communique.events.pairmodel import split_of

    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise EvalError("no sentence set files (*.jsonl) in the folder", code="C770", path=str(folder))
    h = hashlib.sha256()
    cases = []
    for rec, src, tgt in _read_set(files, "sentence-set", h):
        if not isinstance(rec.get("type"), str) or not rec.get("id"):
            raise EvalError(f"sentence-set line {rec.get('id')!r} needs an id and a type", code="C771")
        cases.append(SentenceCase(id=str(rec["id"]), text=rec["text"], type=rec["type"], source=src, target=tgt,
                                  phenomena=tuple(rec.get("phenomena") or ()), split=split_of(rec["text"]),
                                  cameo=rec.get("cameo") or None, mode=rec.get("mode") or None))
    return cases, h.hexdigest()


def run(data: Path | None, options: Options, *, split: str = "dev") -> EvalReport:
    from communique.eval.plv import pair_hit
    from communique.events.bench import analyse_many, confusion_rows, macro_f1
    from communique.events.coder import EventCoder
    from communique.events.pairmodel import load_pair_model, split_of
    from communique.events.pairs import decide, lexicon_pair

    if split not in ("dev", "train", "all"):
        raise EvalError(f"unknown split {split!r}: dev, train or all", code="C772")
    cases, digest = load_sentence_sets(data or default_sentences_dir())
    cases = [c for c in cases if split == "all" or c.split == split]
    negatives, neg_digest = load_negatives((data or default_sentences_dir()).parent / "negatives")
    negatives = [c for c in negatives if split == "all" or split_of(c.text) == split]
    texts = sorted({c.text for c in cases} | {c.text for c in negatives})
    analyses = dict(zip(texts, analyse_many(texts, options), strict=True))
    coder = EventCoder(options)
    explained = {t: coder.explain(a) for t, a in analyses.items()}
    model = load_pair_model() if options.get("events.pair_model") else None

    gold: list[str] = []
    pred: list[str] = []
    lex_pred: list[str] = []
    hows: Counter[str] = Counter()
    how_right: Counter[str] = Counter()
    by_phenomenon: dict[str, list[int]] = {}
    by_writer: dict[str, list[int]] = {}
    e2e_hits = 0
    depth: Counter[str] = Counter()  # CAMEO code and mode of the e2e hits against the line's
    for c in cases:
        a, ex = analyses[c.text], explained[c.text]
        answer = lexicon_pair(a, ex, c.source, c.target, coder.lexicon)
        t, how = decide(a, c.source, c.target, answer, model)
        lt = answer[0]
        gold.append(c.type)
        pred.append(t)
        lex_pred.append(lt)
        route = how.split()[0]
        hows[route] += 1
        how_right[route] += t == c.type
        for ph in c.phenomena or ("(none)",):
            by_phenomenon.setdefault(ph, [0, 0])
            by_phenomenon[ph][0] += 1
            by_phenomenon[ph][1] += t == c.type
        w = by_writer.setdefault(writer_of(c.id), [0, 0, 0])
        w[0] += 1
        w[1] += t == c.type
        w[2] += lt == c.type
        hit = next((x.event for x in ex if x.event is not None and x.event.type == c.type
                    and pair_hit(x, c.source, c.target)), None)
        if hit is not None:
            e2e_hits += 1
            _count_depth(depth, hit, c, coder.tables)
    false_events: Counter[str] = Counter()
    neg_kinds: Counter[str] = Counter()
    for neg in negatives:
        neg_kinds[neg.kind] += 1
        bad = [x for x in explained[neg.text] if x.event is not None
               and ("*" in neg.not_types or x.event.type in neg.not_types)
               and pair_hit(x, neg.source, neg.target)]
        if bad:
            false_events[neg.kind] += 1
    n = len(cases)
    mf1, per = macro_f1(gold, pred)
    metrics: dict[str, Any] = {
        "n": n,
        "split": split,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4) if n else None,
        "macro_f1": round(mf1, 4),
        "lexicon_accuracy": round(sum(g == p for g, p in zip(gold, lex_pred, strict=True)) / n, 4) if n else None,
        "e2e_recall": round(e2e_hits / n, 4) if n else None,
        "negatives": len(negatives),
        "negative_precision": round(1 - sum(false_events.values()) / len(negatives), 4) if negatives else None,
        **_depth_metrics(depth),
        "model": bool(model),
        "gold_sha256": _combined(digest, neg_digest, bool(negatives)),
    }
    tables = {
        "per type (pair given)": [["type", "precision", "recall", "f1", "n"]]
        + [[k, round(v[0], 3), round(v[1], 3), round(v[2], 3), v[3]] for k, v in per.items()],
        "by phenomenon": [["phenomenon", "n", "accuracy"]]
        + [[k, v[0], round(v[1] / v[0], 3)] for k, v in sorted(by_phenomenon.items())],
        "by writer (ids '<type>-<letter>-NNN'; the first writer has no letter)": [["writer", "n", "accuracy",
                                                                                 "lexicon"]]
        + [[k, v[0], round(v[1] / v[0], 3), round(v[2] / v[0], 3)] for k, v in sorted(by_writer.items())],
        "most frequent confusions": confusion_rows(gold, pred),
        "negative set: lines with a false event, by kind": [["kind", "n", "false events"]]
        + [[k, v, false_events[k]] for k, v in sorted(neg_kinds.items())],
        "decided by": [["how", "n", "accuracy"]]
        + [[k, v, round(how_right[k] / v, 3)] for k, v in hows.most_common()],
    }
    notes = [f"split {split}: {n} lines of {len({c.text for c in cases})} sentences; the pair model is "
             "trained on the train split only (scripts/train_pair_model.py)"]
    if negatives:
        notes.append(f"negative set: {len(negatives)} lines naming two actors between which no event (or not "
                     "the listed types) may be coded; negative_precision = share of them left clean")
    return EvalReport(suite="sentences", metrics=metrics, tables=tables, notes=notes)


def _count_depth(depth: Counter[str], event: Any, case: SentenceCase, tables: Any) -> None:
    """Tally how far an event that got the type right also got the line's CAMEO code and mode."""
    if case.cameo:
        depth["cameo_n"] += 1
        depth["cameo_root"] += (event.cameo or "")[:2] == case.cameo[:2]
        depth["cameo_exact"] += event.cameo == case.cameo
        depth["cameo_compatible"] += tables.compatible(event.cameo, case.cameo)
    if case.mode:
        depth["mode_n"] += 1
        depth["mode"] += event.mode == case.mode


def _depth_metrics(depth: Counter[str]) -> dict[str, Any]:
    """CAMEO agreement of the end-to-end hits: same root, same code, or one code broader than the
    other (``EventTables.compatible``: "112" for a line coded "1121"); mode accuracy where the line
    names a mode."""
    n, m = depth["cameo_n"], depth["mode_n"]
    return {
        "cameo_n": n,
        "cameo_root_accuracy": round(depth["cameo_root"] / n, 4) if n else None,
        "cameo_exact": round(depth["cameo_exact"] / n, 4) if n else None,
        "cameo_compatible": round(depth["cameo_compatible"] / n, 4) if n else None,
        "mode_n": m,
        "mode_accuracy": round(depth["mode"] / m, 4) if m else None,
    }


def _combined(digest: str, neg_digest: str, has_negatives: bool) -> str:
    return hashlib.sha256((digest + neg_digest).encode()).hexdigest() if has_negatives else digest


def gold_digest(folder: Path | None = None) -> str:
    """The digest the suite reports for the sentence sets in ``folder`` and the negative set
    beside them (what the gate's baseline pins)."""
    folder = folder or default_sentences_dir()
    cases, digest = load_sentence_sets(folder)
    negatives, neg_digest = load_negatives(folder.parent / "negatives")
    return _combined(digest, neg_digest, bool(negatives))
