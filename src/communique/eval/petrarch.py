"""PETRARCH validation suite (UD 2.02 revision): ``communique eval petrarch --data
petrarch_validation_ud_2_02.jsonl``; the fixture dictionaries are read from
``petrarch_validation_dicts/ud_2_02/`` beside the data file (``run(..., dicts=DIR)`` from Python).

Our coder codes the stylised sentences; the suite's fixture actor and agent dictionaries (which
define its fictional countries) are loaded through the actors PETRARCH reader (``[actors]
petrarch_files``). Scored: F1 over (source, target, CAMEO root) triples of the evaluated cases,
twice when the folder holds the fixture *verb* dictionary (a ``*verbs*.txt`` file):

* ``root_f1`` (with ``root_precision``, ``root_recall``, ``exact``): our own lexicon only;
* ``root_f1_suite_verbs`` (same suffix on the others): the fixture verb dictionary loaded as user
  lexicon knowledge (``[events] petrarch_verb_files``, :mod:`communique.events.petrarch_verbs`),
  which is how UD-PETRARCH is measured on this file; verbs it lacks keep our lexicon. Its codes
  are kept as written (``[events] dictionary_codes = "literal"``), as PETRARCH and UD-PETRARCH
  code them, whatever the tense or modal: the like-for-like comparison;
* ``root_f1_suite_verbs_plover``: the same with the default ``dictionary_codes = "plover"``, where
  PLOVER's auxiliary-mode rules rewrite the dictionary's codes too ("will visit" is AGREE 036).

``expected_triples_root_01_02`` counts the expected triples whose CAMEO root is 01 (statements)
or 02 (appeals): PLOVER has no type for them, so no setting of ours codes them.

Beside them: the stored outputs of UD-PETRARCH on the same cases
(``baseline_root_f1_udpetrarch``) and of PETRARCH2 on the main file they were made for
(``baseline_root_f1_petrarch2``, a different case set), all cut to the root the same way. The
codes in the file are relative to the fixture verb dictionary (README), so a perfect CAMEO coder
without it cannot score 1.

How one of our events becomes PETRARCH triples (:func:`event_triples`), following PETRARCH's
own output conventions, never the suite's sentences:

* one triple per source x target (compound actors are several triples);
* an actor no dictionary knows (bare text, no country, no agent) is not coded: PETRARCH only
  codes dictionary actors; ``---`` stays where the dictionaries give it (``---GOV``, ``[---]``);
* an entry with several codes (``[FRO/BIL/SAM]``) is written with all of them, as PETRARCH does;
* a joint event (the coder's reciprocal frame, "A and B agreed") is every ordered pair of its
  parties; several sources without a recipient are *not* a joint event;
* no recipient: nothing, unless the record's ``config.require_dyad`` is "False", when PETRARCH
  writes the target as ``---``;
* CAMEO's visit pair: a visit (042) A->B is also B hosting A (043), as PETRARCH's paired
  verb codes write it.
"""

from __future__ import annotations

__all__ = ["run", "EVALUATED_CATEGORIES", "find_dicts", "find_verbs", "actor_code", "event_triples", "failure_kind",
           "root_of"]

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import permutations, product
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport
from communique.records import ActorRef, Event

# The original UD-PETRARCH runner scores these categories only (not PARSING or ERROR).
EVALUATED_CATEGORIES = frozenset({"DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PATTERN", "DATE", "MODIFY", "SYNSET"})
DICTS_DIR = Path("petrarch_validation_dicts") / "ud_2_02"
BASELINES = {"udpetrarch": Path("baselines") / "udpetrarch_on_petrarch_validation_ud_2_02.jsonl"}
"""Stored outputs of peers on this file's cases, scored beside ours on the same cases."""
PETRARCH2_OUTPUTS = Path("baselines") / "petrarch2_on_petrarch_validation.jsonl"
"""PETRARCH2's outputs belong to the main file (same ids, not always the same text or codes):
scored on that file, never against this one's cases."""
MAIN_FILE = "petrarch_validation.jsonl"
"""The main (PETRARCH2) file, whose cases the stored PETRARCH2 outputs belong to."""
NO_TARGET = "---"
"""PETRARCH's target when a record allows events without one (``require_dyad`` False)."""
PAIRED_CODES = {"042": "043", "043": "042"}
"""CAMEO codes that come with a reversed counterpart: make a visit / host a visit."""
MISS_ROWS = 40  # rows of the misses table shown (the failure-kind table counts them all)
Triple = tuple[str, str, str]


def find_dicts(data: Path, dicts: Path | None) -> list[Path]:
    folder = dicts or data.parent / DICTS_DIR
    files = sorted(p for p in folder.glob("*.txt") if "actors" in p.name.lower() or "agents" in p.name.lower())
    if not files:
        raise EvalError(f"no PETRARCH actor/agent dictionaries in {folder}; put the suite's fixture "
                        f"dictionaries there (beside the data file) or call run(..., dicts=DIR)", code="C765",
                        path=str(folder))
    return files


def find_verbs(data: Path, dicts: Path | None) -> Path | None:
    """The fixture verb dictionary in the dictionaries folder, if there is one."""
    folder = dicts or data.parent / DICTS_DIR
    files = sorted(p for p in folder.glob("*.txt") if "verbs" in p.name.lower())
    return files[0] if files else None


def root_of(code: str | None) -> str | None:
    """CAMEO root (first two digits) of a code as either side writes it ("[050]", "1121")."""
    code = (code or "").strip("[] ")
    return code[:2] if len(code) >= 2 else None


def actor_code(actor: ActorRef | None, kb: Any = None) -> str | None:
    """The PETRARCH code of one of our actors, or None when PETRARCH would not code it."""
    if actor is None or (actor.actor_id is None and not actor.country and not actor.sector):
        return None
    code = actor.code
    entry = kb.entries.get(actor.actor_id) if kb is not None and actor.actor_id else None
    full = getattr(entry, "code", None)
    if full and "/" in full and code == full.split("/")[0]:
        return str(full)
    return code


def event_triples(ev: Event, *, joint: bool = False, require_dyad: bool = True, kb: Any = None) -> set[Triple]:
    """(source, target, CAMEO root) triples PETRARCH would write for one of our events (see the
    module docstring); ``joint``: the coder read it as a reciprocal event."""
    root = root_of(ev.cameo)
    if root is None:
        return set()
    sources = [c for c in (actor_code(a, kb) for a in (ev.sources or (ev.source,))) if c]
    targets = [c for c in (actor_code(a, kb) for a in (ev.targets or ((ev.target,) if ev.target else ()))) if c]
    pairs: Iterable[tuple[str, str]]
    if targets:
        pairs = [(s, t) for s, t in product(sources, targets) if s != t]
    elif joint and len(set(sources)) > 1:
        pairs = permutations(dict.fromkeys(sources), 2)
    elif not require_dyad:
        pairs = [(s, NO_TARGET) for s in sources]
    else:
        return set()
    out: set[Triple] = set()
    for s, t in pairs:
        out.add((s, t, root))
        pair = PAIRED_CODES.get((ev.cameo or "")[:3])
        if pair is not None and t != NO_TARGET:
            out.add((t, s, pair[:2]))
    return out


def failure_kind(expected: Triple, predicted: set[Triple], events: Sequence[Event], kb: Any = None,
                 *, frames: int = 0) -> str:
    """Why an expected triple was not produced: the first of a fixed list of checks.
    ``frames``: how many frames the coder found in the case (coded or not)."""
    s, t, root = expected
    if not events:
        return "no event: frames found, none coded" if frames else "no event: no frame (lexicon)"
    pairs = {(ps, pt) for ps, pt, _ in predicted}
    if (s, t) in pairs:
        return "actors right, CAMEO root differs"
    if (t, s) in pairs:
        return "source and target swapped"
    coded_sources = {c for ev in events for a in (ev.sources or (ev.source,)) if (c := actor_code(a, kb))}
    if s in coded_sources:
        has_target = any(ev.targets or ev.target for ev in events if s in {actor_code(a, kb) for a in (ev.sources or (ev.source,))})
        return "source right, target wrong" if has_target else "source right, no target coded"
    if (s[:3], t[:3]) in {(ps[:3], pt[:3]) for ps, pt in pairs}:
        return "country right, agent/sector code differs"
    if any(pt == t for _, pt in pairs):
        return "target right, source wrong"
    return "events coded, neither actor right"


def _prf(gold: Iterable[set[Triple]], pred: Iterable[set[Triple]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _gold(record: dict[str, Any]) -> set[Triple]:
    return {(e["source"], e["target"], root) for e in record.get("expected") or [] if (root := root_of(e["code"]))}


def _petrarch2_on_own_file(folder: Path, read_records: Any) -> float | None:
    """PETRARCH2's stored outputs scored on the file they were made for (the main suite), so
    the figure beside ours is a fair one; None when either file is missing."""
    main, outputs = folder / MAIN_FILE, folder / PETRARCH2_OUTPUTS
    if not (main.exists() and outputs.exists()):
        return None
    by_id = {b["id"]: b for b in read_records(outputs, "petrarch2 baseline")}
    recs = [r for r in read_records(main, "petrarch main") if r.get("active")]
    gold = [_gold(r) for r in recs]
    pred = [{(e["source"], e["target"], root) for e in (by_id.get(r["id"]) or {}).get("events") or []
             if (root := root_of(e["code"]))} for r in recs]
    return round(_prf(gold, pred)[2], 4)


def run(data: Path | None, options: Options, *, dicts: Path | None = None) -> EvalReport:
    from communique.events.bench import analyse_many, read_records
    from communique.events.coder import EventCoder

    if data is None:
        raise EvalError("the petrarch suite needs --data (petrarch_validation_ud_2_02.jsonl)", code="C764")
    files = find_dicts(data, dicts)
    opts = options.with_overrides({"actors.petrarch_files": [str(f) for f in files]})
    try:
        from communique.actors import load_kb

        kb = load_kb(opts)
    except NotImplementedError:
        raise EvalError("the actors PETRARCH dictionary reader (communique.actors.petrarch) is not "
                        "implemented yet; this suite needs it for the fictional actor codes", code="C766") from None
    recs = [r for r in read_records(data, "petrarch") if r.get("active") and r.get("category") in EVALUATED_CATEGORIES]
    dates = [f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}" if r.get("date") else None for r in recs]
    analyses = analyse_many([r["text"] for r in recs], opts, dates=dates)
    own = _score(recs, analyses, EventCoder(opts), kb)
    metrics: dict[str, Any] = {"n": len(recs), **own.metrics()}
    verbs = find_verbs(data, dicts)
    suite: _Scored | None = None
    if verbs is not None:
        vopts = opts.with_overrides({"events.petrarch_verb_files": [str(verbs)], "events.dictionary_codes": "literal"})
        suite = _score(recs, analyses, EventCoder(vopts), kb)
        metrics.update({f"{k}_suite_verbs": v for k, v in suite.metrics().items() if k != "expected_triples"})
        plover = _score(recs, analyses, EventCoder(vopts.with_overrides({"events.dictionary_codes": "plover"})), kb)
        metrics.update({f"{k}_suite_verbs_plover": v for k, v in plover.metrics().items() if k != "expected_triples"})
    metrics["expected_triples_root_01_02"] = sum(t[2] in ("01", "02") for g in own.gold for t in g)
    gold = own.gold
    notes = [f"actor/agent dictionaries: {', '.join(f.name for f in files)}",
             "root_f1 (and root_precision, root_recall, exact, coded_triples): our own lexicon codes the events",
             (f"*_suite_verbs: the same with the fixture verb dictionary {verbs.name} loaded before our lexicon "
              "([events] petrarch_verb_files), as UD-PETRARCH is measured; verbs it lacks keep our lexicon; its codes "
              "kept as written whatever the tense or modal ([events] dictionary_codes = \"literal\"), as PETRARCH "
              "codes them"
              if verbs is not None else "no fixture verb dictionary (*verbs*.txt) in the folder: no *_suite_verbs scores"),
             *(["*_suite_verbs_plover: the same dictionary under the default dictionary_codes = \"plover\": PLOVER's "
                "auxiliary-mode rules rewrite its codes (future/intended cooperation -> AGREE 03x, future or "
                "conditional force -> THREATEN 13x, modal clauses dropped)"] if verbs is not None else []),
             "expected_triples_root_01_02: expected triples with CAMEO root 01/02 (statements, appeals), which "
             "PLOVER has no type for: none of our settings codes them",
             "both sides compared at the CAMEO root (first two digits); codes in the file follow the fixture verb "
             "dictionary, not always the CAMEO codebook"]
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
            bp.append({(e["source"], e["target"], root) for e in b.get("events") or [] if (root := root_of(e["code"]))})
        if bg:
            metrics[f"baseline_root_f1_{name}"] = round(_prf(bg, bp)[2], 4)
            notes.append(f"{name} baseline on {len(bg)} of the same cases, scored against this file's codes "
                         "(a case it did not evaluate counts as coding nothing)")
    p2 = _petrarch2_on_own_file(data.parent, read_records)
    if p2 is not None:
        metrics["baseline_root_f1_petrarch2"] = p2
        notes.append(f"petrarch2 baseline scored on its own file ({MAIN_FILE}: active cases, that file's codes), "
                     "not on these cases: its outputs belong to that file (README); a different case set from ours")
    cats: list[list[Any]] = [["category", "cases", "root F1", *(["root F1 (suite verbs)"] if suite else [])]]
    for c, (cat_gold, cat_pred) in sorted(own.by_cat.items()):
        row: list[Any] = [c, len(cat_gold), round(_prf(cat_gold, cat_pred)[2], 3)]
        if suite is not None:
            row.append(round(_prf(*suite.by_cat[c])[2], 3))
        cats.append(row)
    tables = {"failure kinds (missed)": own.missed(), "failure kinds (extra)": own.wrong(), "by category": cats,
              f"misses (first {MISS_ROWS})": own.misses}
    if suite is not None:
        tables["failure kinds (missed, suite verbs)"] = suite.missed()
    return EvalReport(suite="petrarch", metrics=metrics, tables=tables, notes=notes)


@dataclass(slots=True)
class _Scored:
    """One coder's triples on the suite's cases, with the tallies the report shows."""

    gold: list[set[Triple]] = field(default_factory=list)
    pred: list[set[Triple]] = field(default_factory=list)
    exact: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)
    by_cat: dict[str, tuple[list[set[Triple]], list[set[Triple]]]] = field(default_factory=dict)
    misses: list[list[Any]] = field(default_factory=lambda: [["id", "expected", "coded"]])

    def metrics(self) -> dict[str, Any]:
        prec, rec, f1 = _prf(self.gold, self.pred)
        return {"root_precision": round(prec, 4), "root_recall": round(rec, 4), "root_f1": round(f1, 4),
                "exact": self.exact, "expected_triples": sum(len(g) for g in self.gold),
                "coded_triples": sum(len(p) for p in self.pred)}

    def missed(self) -> list[list[Any]]:
        return [["expected triple not coded because", "n"], *[[k, n] for k, n in self.kinds.most_common()]]

    def wrong(self) -> list[list[Any]]:
        return [["coded triple not expected", "n"], *[[k, n] for k, n in self.extra.most_common()]]


def _score(recs: list[dict[str, Any]], analyses: list[Any], coder: Any, kb: Any) -> _Scored:
    out = _Scored()
    for r, a in zip(recs, analyses, strict=True):
        require_dyad = str((r.get("config") or {}).get("require_dyad", "True")) != "False"
        g = _gold(r)
        events: list[Event] = []
        p: set[Triple] = set()
        explained = coder.explain(a)
        for x in explained:
            if x.event is None:
                continue
            events.append(x.event)
            p |= event_triples(x.event, joint=bool(x.frame.reciprocal or x.frame.parties), require_dyad=require_dyad, kb=kb)
        out.gold.append(g)
        out.pred.append(p)
        cat = out.by_cat.setdefault(r["category"], ([], []))
        cat[0].append(g)
        cat[1].append(p)
        out.exact += g == p
        for t in sorted(g - p):
            out.kinds[failure_kind(t, p, events, kb, frames=len(explained))] += 1
        if p - g:
            out.extra["in a no-event case" if not g else "beside expected ones" if g & p else "instead of expected ones"] += len(p - g)
        if g != p and len(out.misses) <= MISS_ROWS:
            out.misses.append([r["id"], " ".join("/".join(t) for t in sorted(g)), " ".join("/".join(t) for t in sorted(p))])
    return out
