"""``communique eval corpus``: every stage scored against the hand-made gold of ``examples/``.

The example corpus (``examples/corpus``) is read with the real ingest, run through the real
pipeline, then through the corpus-wide steps (near-duplicates, stories), and compared with
``examples/gold/annotations.jsonl`` (per document) and ``examples/gold/episodes.jsonl``. The
annotation format is described in ``examples/gold/README.md``.

The scores are pinned by ``tests/eval/corpus_baseline.json`` (floors + a digest of the gold files);
:func:`check_baseline` says what fell below its floor and :func:`update_baseline` rewrites the
floors, refusing to lower one unless told to.
"""

from __future__ import annotations

__all__ = [
    "run",
    "score",
    "load_gold",
    "gold_digest",
    "check_baseline",
    "update_baseline",
    "default_data_dir",
    "GATED_METRICS",
    "FLOOR_MARGIN",
]

import hashlib
import importlib
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport
from communique.records import DocResult, Document, Episode, Event, Mention, Quote

log = logging.getLogger(__name__)

IN_SAMPLE_NOTE = (
    "in-sample: the stages were developed while reading these articles, so these scores are a "
    "regression gate, not an accuracy estimate (use the benchmark suites for held-out numbers)"
)
# Error codes of this suite.
NO_EXAMPLES = "C720"  # the examples folder (corpus/ + gold/) is missing
BAD_GOLD = "C721"  # a gold line that is not a JSON object
WOULD_LOWER = "C722"  # update_baseline asked to lower a floor without allow_lower
BAD_BASELINE = "C723"  # a baseline file that does not parse

GOLD_FILES = ("gold/annotations.jsonl", "gold/episodes.jsonl")
# Floors sit this far below the measured score, so a harmless change (one more event found in
# a sentence the gold leaves out) does not fail the gate while a real regression does. The corpus
# has ~120 gold events and ~40 quotes, so one item is ~0.01-0.03 of a score. Re-run
# `communique eval corpus --update-baseline tests/eval/corpus_baseline.json` after changing it.
FLOOR_MARGIN = 0.03
# How many misses per stage go into the report notes.
MAX_MISSES = 12
# A system quote shorter than the gold quote still matches when it covers this share of it
# (quote finders trim leading/trailing words differently).
QUOTE_OVERLAP = 0.5
# Metrics with a floor in the baseline; every one is a share in [0, 1].
GATED_METRICS: tuple[str, ...] = (
    "clean_precision",
    "clean_recall",
    "clean_retention",
    "contributor_recall",
    "duplicate_precision",
    "duplicate_recall",
    "flag_precision",
    "flag_recall",
    "actor_accuracy",
    "actor_country_accuracy",
    "precision",
    "recall",
    "f1",
    "type_precision",
    "type_recall",
    "type_f1",
    "date_accuracy",
    "place_accuracy",
    "quote_recall",
    "quote_speaker_accuracy",
    "episode_pairwise_f1",
    "episode_date_accuracy",
    "episode_place_accuracy",
    "consolidated_recall",
    "consolidated_count_accuracy",
    "issue_precision",
    "issue_recall",
)
# The issue topics the gold uses (examples/gold/README.md); other topics a system finds are not
# judged, since nobody annotated them.
ISSUE_TOPICS = frozenset(
    "taiwan hong_kong xinjiang tibet human_rights trade technology cyber fentanyl "
    "military_communication south_china_sea north_korea iran russia_ukraine climate "
    "artificial_intelligence detained_citizens sanctions border grain nuclear".split()
)
_ORIGIN_LINE = re.compile(r":\d+$")
_QUOTE_CHARS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


# ------------------------------------------------------------------------------------ gold


def default_data_dir() -> Path:
    """The repository's ``examples/`` folder (this file is ``src/communique/eval/corpus.py``)."""
    return Path(__file__).resolve().parents[3] / "examples"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(
                    f"not JSON ({exc}); fix the gold line", code=BAD_GOLD, path=str(path), line=n
                ) from None
            if not isinstance(obj, dict):
                raise EvalError(
                    "a gold line must be a JSON object", code=BAD_GOLD, path=str(path), line=n
                )
            out.append(obj)
    return out


def _check_data_dir(data: Path) -> None:
    missing = [p for p in ("corpus", *GOLD_FILES) if not (data / p).exists()]
    if missing:
        raise EvalError(
            f"{data} is not an examples folder (missing {', '.join(missing)}); pass the folder "
            "that holds corpus/ and gold/",
            code=NO_EXAMPLES,
            path=str(data),
        )


def load_gold(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(document annotations, gold episodes) from ``data/gold``."""
    _check_data_dir(data)
    return _read_jsonl(data / GOLD_FILES[0]), _read_jsonl(data / GOLD_FILES[1])


def gold_digest(data: Path) -> str:
    """sha256 over the gold files (name + bytes), so the gate notices edited gold."""
    h = hashlib.sha256()
    for name in GOLD_FILES:
        h.update(name.encode("utf-8") + b"\0")
        h.update((data / name).read_bytes())
    return h.hexdigest()


# ------------------------------------------------------------------------- small helpers


def _norm(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTE_CHARS).split())


def _fold(text: str | None) -> str:
    """Compare form: quotes and spaces normalised, case and accents dropped (Erdoğan = Erdogan)."""
    decomposed = unicodedata.normalize("NFKD", _norm(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _as_set(value: Any) -> set[str | None]:
    if isinstance(value, list):
        return set(value)
    return {value}


def _countries(actor: Any, many: Sequence[Any]) -> set[str]:
    out = {a.country for a in many if a is not None and a.country}
    if actor is not None and actor.country:
        out.add(actor.country)
    return out


def _name_matches(system: str | None, gold: Iterable[str | None]) -> bool:
    """Same person: equal names, or one name's last word equals the other's (Zelenskiy/y aside)."""
    if not system:
        return False
    s = _fold(system)
    for g in gold:
        if not g:
            continue
        f = _fold(g)
        if s == f or s in f or f in s or s.split()[-1] == f.split()[-1]:
            return True
    return False


@dataclass(slots=True)
class _Doc:
    """One gold document with the system's result for it (None when ingest/pipeline lost it)."""

    gold: dict[str, Any]
    result: DocResult | None = None

    @property
    def text(self) -> str:
        return _norm(self.result.document.text) if self.result else ""

    def sentence_events(self, sentence: str) -> list[Event]:
        if self.result is None:
            return []
        want = _norm(sentence)
        return [
            e
            for e in self.result.events
            if want in _norm(e.sentence)
            or (len(_norm(e.sentence)) > 20 and _norm(e.sentence) in want)
        ]


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def miss(self, text: str) -> None:
        self.misses.append(text)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)


# --------------------------------------------------------------------------------- matching


def _origin_key(origin: str | None) -> str:
    return Path(_ORIGIN_LINE.sub("", origin or "")).name


def _attach(gold: list[dict[str, Any]], results: Sequence[DocResult]) -> dict[str, _Doc]:
    """Gold id -> _Doc. Ids from front matter / records / sidecar match directly; HTML pages
    and feed items (content-hash ids) match on origin file name (+ title)."""
    docs = {g["id"]: _Doc(gold=g) for g in gold}
    by_origin: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        if g.get("match"):
            by_origin.setdefault(g["match"]["origin"], []).append(g)
    for r in results:
        d = r.document
        if d.id in docs:
            docs[d.id].result = r
            continue
        for g in by_origin.get(_origin_key(d.origin), []):
            title = g["match"].get("title")
            if title is None or _fold(title) == _fold(d.title):
                docs[g["id"]].result = r
                break
    return docs


def _event_matches(e: Event, g: dict[str, Any], *, typed: bool = True, dyad: bool = True) -> bool:
    if typed and e.type != g["type"]:
        return False
    if not dyad:
        return True
    src = _countries(e.source, e.sources)
    tgt = _countries(e.target, e.targets)
    gsrc, gtgt = _as_set(g["source"]), _as_set(g["target"])

    def fits(s: set[str], t: set[str]) -> bool:
        return bool(s & gsrc) and (None in gtgt or bool(t & gtgt))

    if g.get("reciprocal") and not tgt:
        # PLOVER codes a joint event ("A and B agreed") with every party as actor and no
        # recipient: that is the same event as a reciprocal gold A<->B.
        return bool(src & gsrc) and (None in gtgt or bool(src & gtgt))
    return fits(src, tgt) or (bool(g.get("reciprocal")) and fits(tgt, src))


# ---------------------------------------------------------------------------------- stages


def _score_clean(docs: dict[str, _Doc]) -> tuple[dict[str, Any], list[str]]:
    removed, kept, contrib = _Tally(), _Tally(), _Tally()
    sys_removed_ok = sys_removed = 0
    for gid, d in docs.items():
        if d.result is None:
            continue
        text = d.text
        gold_removed = [_norm(r["text"]) for r in d.gold["removed"]]
        for r in gold_removed:
            if r in text:
                removed.fn += 1
                removed.miss(f"{gid}: kept {r[:70]!r}")
            else:
                removed.tp += 1
        dateline = _norm(d.gold.get("dateline"))
        for span in d.result.document.removed:
            s = _norm(span.text)
            if not s:
                continue
            sys_removed += 1
            if any(s in r or r in s for r in gold_removed) or (dateline and s in dateline):
                sys_removed_ok += 1
            else:
                removed.fp += 1
                removed.miss(f"{gid}: removed non-debris {s[:70]!r} ({span.reason})")
        must_keep = [e["sentence"] for e in d.gold["events"]] + [
            q["text"] for q in d.gold["quotes"]
        ]
        for s in must_keep:
            if _norm(s) in text:
                kept.tp += 1
            else:
                kept.fn += 1
                kept.miss(f"{gid}: lost article text {s[:70]!r}")
        got = [_fold(c) for c in d.result.document.contributors]
        for name in d.gold["contributors"]:
            if any(_fold(name) in c for c in got):
                contrib.tp += 1
            else:
                contrib.fn += 1
                contrib.miss(f"{gid}: contributor {name!r} not found")
    metrics = {
        "clean_precision": _ratio(sys_removed_ok, sys_removed),
        "clean_recall": removed.recall,
        "clean_retention": kept.recall,
        "contributor_recall": contrib.recall,
    }
    return metrics, removed.misses + kept.misses + contrib.misses


def _copy_pairs(links: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """Every pair inside the groups that copy links form (a copy of a copy is the same story,
    whichever of them a system calls the original)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return {
        frozenset((a, b))
        for members in groups.values()
        for i, a in enumerate(sorted(members))
        for b in sorted(members)[i + 1 :]
    }


def _score_duplicates(
    docs: dict[str, _Doc], dup_map: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """Pairs of documents in the same copy group, unordered: which one is 'first' depends on
    dates and ingest order."""
    gold = _copy_pairs(
        (gid, d.gold["duplicate_of"]) for gid, d in docs.items() if d.gold["duplicate_of"]
    )
    found = _copy_pairs(dup_map.items())
    t = _Tally(tp=len(gold & found), fp=len(found - gold), fn=len(gold - found))
    for p in sorted(gold - found, key=sorted):
        t.miss(f"duplicate pair missed: {sorted(p)}")
    for p in sorted(found - gold, key=sorted):
        t.miss(f"false duplicate pair: {sorted(p)}")
    return {"duplicate_precision": t.precision, "duplicate_recall": t.recall}, t.misses


def _score_flags(
    docs: dict[str, _Doc], extra: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, Any], list[str]]:
    """(document, flag code) pairs, restricted to the codes the gold annotates."""
    gold = {(gid, f["code"]) for gid, d in docs.items() for f in d.gold["flags"]}
    codes = {c for _, c in gold}
    found: set[tuple[str, str]] = set()
    sys_to_gold = {d.result.document.id: gid for gid, d in docs.items() if d.result}
    for gid, d in docs.items():
        if d.result is not None:
            found |= {(gid, f.code) for f in d.result.document.flags if f.code in codes}
    for sys_id, flags in extra.items():
        owner = sys_to_gold.get(sys_id)
        if owner:
            found |= {(owner, str(f.get("code"))) for f in flags if f.get("code") in codes}
    t = _Tally(tp=len(gold & found), fp=len(found - gold), fn=len(gold - found))
    t.misses += [f"flag missed: {p}" for p in sorted(gold - found)]
    t.misses += [f"false flag: {p}" for p in sorted(found - gold)]
    return {"flag_precision": t.precision, "flag_recall": t.recall}, t.misses


def _locate(text: str, gold: dict[str, Any]) -> tuple[int, int] | None:
    """Character span of a gold actor in the cleaned text (inside its context when given)."""
    want = gold["text"]
    ctx = gold.get("context")
    if ctx:
        at = text.find(ctx)
        if at < 0:
            return None
        inner = ctx.find(want)
        return at + inner, at + inner + len(want)
    at = text.find(want)
    return (at, at + len(want)) if at >= 0 else None


def _score_actors(docs: dict[str, _Doc]) -> tuple[dict[str, Any], list[str]]:
    n = full = country = named = named_ok = 0
    misses: list[str] = []
    for gid, d in docs.items():
        for g in d.gold["actors"]:
            n += 1
            if d.result is None:
                misses.append(f"{gid}: {g['text']!r} (document lost)")
                continue
            span = _locate(d.result.document.text, g)
            hits: list[Mention] = []
            if span is not None:
                hits = [m for m in d.result.mentions if m.start < span[1] and m.end > span[0]]
            if not hits:
                misses.append(f"{gid}: no actor at {g['text']!r}")
                continue
            m = max(hits, key=lambda m: (m.actor.country == g["country"], m.end - m.start))
            sectors = _as_set(g.get("sector")) if "sector" in g else None
            c_ok = m.actor.country == g["country"]
            s_ok = sectors is None or m.actor.sector in sectors
            country += c_ok
            full += c_ok and s_ok
            if g.get("name"):
                named += 1
                named_ok += _name_matches(m.actor.name, [g["name"]])
            if not (c_ok and s_ok):
                misses.append(
                    f"{gid}: {g['text']!r} -> {m.actor.country}/{m.actor.sector} "
                    f"({m.actor.name}), gold {g['country']}/{g.get('sector')}"
                )
    metrics = {
        "actor_accuracy": _ratio(full, n),
        "actor_country_accuracy": _ratio(country, n),
        "actor_name_accuracy": _ratio(named_ok, named),
        "actor_n": n,
    }
    return metrics, misses


def _score_events(
    docs: dict[str, _Doc],
) -> tuple[dict[str, Any], list[str], dict[str, list[int]], list[list[Any]]]:
    """Gold events vs system events of the same sentence. Precision counts only documents whose
    gold is exhaustive; a system event may satisfy one gold event only. Also returns counts per
    type and rows per document (gold, found, extra)."""
    full, typed = _Tally(), _Tally()
    per_type: dict[str, list[int]] = {}
    per_doc: list[list[Any]] = []
    for gid, d in docs.items():
        doc_row: list[Any] = [gid, len(d.gold["events"]), 0, 0, 0]
        evs = list(d.result.events) if d.result else []
        evs = [e for e in evs if not e.negated]
        for tally, dyad in ((full, True), (typed, False)):
            used: set[str] = set()
            for g in d.gold["events"]:
                cands = _by_trigger(
                    [
                        e
                        for e in d.sentence_events(g["sentence"])
                        if e.id not in used and not e.negated
                    ],
                    g,
                )
                hit = next((e for e in cands if _event_matches(e, g, dyad=dyad)), None)
                row = per_type.setdefault(g["type"], [0, 0, 0])
                if hit is not None:
                    used.add(hit.id)
                    tally.tp += 1
                    if dyad:
                        row[0] += 1
                        doc_row[2] += 1
                    else:
                        doc_row[3] += 1
                else:
                    tally.fn += 1
                    if dyad:
                        row[1] += 1
                        got = (
                            ", ".join(
                                f"{e.type} {e.source.code}->{e.target.code if e.target else '-'}"
                                for e in cands
                            )
                            or "nothing"
                        )
                        tally.miss(
                            f"{gid}: {g['type']} {g['source']}->{g['target']} in "
                            f"{g['sentence'][:60]!r}: got {got}"
                        )
            if d.gold.get("events_exhaustive", True):
                for e in evs:
                    if e.id not in used:
                        tally.fp += 1
                        if dyad:
                            per_type.setdefault(e.type, [0, 0, 0])[2] += 1
                            doc_row[4] += 1
                            tally.miss(
                                f"{gid}: extra {e.type} {e.source.code}->"
                                f"{e.target.code if e.target else '-'} in {e.sentence[:60]!r}"
                            )
        per_doc.append(doc_row)
    metrics = {
        "precision": full.precision,
        "recall": full.recall,
        "f1": _f1(full.precision, full.recall),
        "type_precision": typed.precision,
        "type_recall": typed.recall,
        "type_f1": _f1(typed.precision, typed.recall),
        "event_n": full.tp + full.fn,
        "event_system_n": full.tp + full.fp,
    }
    return metrics, full.misses, per_type, per_doc


def _by_trigger(events: list[Event], g: dict[str, Any]) -> list[Event]:
    """Events whose trigger agrees with the gold trigger first (two events of one type in one
    sentence: "received Blinken on Monday ... since Xi met Biden last November")."""
    want = _fold(g.get("trigger"))

    def agrees(e: Event) -> bool:
        got = _fold(e.trigger)
        return bool(got) and (got in want or want in got)

    return sorted(events, key=lambda e: not agrees(e))


def _assign(d: _Doc) -> dict[int, Event]:
    """Gold event index -> the system event standing for it, one-to-one: a full match first,
    then the same type in the sentence, then (when the sentence holds a single gold event) any
    event of that sentence."""
    gold = d.gold["events"]
    out: dict[int, Event] = {}
    used: set[str] = set()
    per_sentence: dict[str, int] = {}
    for g in gold:
        per_sentence[_norm(g["sentence"])] = per_sentence.get(_norm(g["sentence"]), 0) + 1
    passes = (
        lambda e, g: _event_matches(e, g),
        lambda e, g: e.type == g["type"],
        lambda e, g: per_sentence[_norm(g["sentence"])] == 1,
    )
    for accept in passes:
        for i, g in enumerate(gold):
            if i in out:
                continue
            for e in _by_trigger(d.sentence_events(g["sentence"]), g):
                if e.id not in used and not e.negated and accept(e, g):
                    out[i] = e
                    used.add(e.id)
                    break
    return out


def _score_dates_places(docs: dict[str, _Doc]) -> tuple[dict[str, Any], list[str]]:
    """Date and place of the system event standing for each gold event (see :func:`_assign`):
    separates time and place from typing."""
    date_t, place_t = _Tally(), _Tally()
    for gid, d in docs.items():
        assigned = _assign(d)
        for i, g in enumerate(d.gold["events"]):
            e = assigned.get(i)
            if "date" in g:
                width = 10 if g["date_precision"] == "day" else 7
                if e is None:
                    date_t.miss(f"{gid}: no event to date in {g['sentence'][:50]!r}")
                elif (e.date or "")[:width] == g["date"]:
                    date_t.tp += 1
                else:
                    date_t.fn += 1
                    date_t.miss(
                        f"{gid}: date {e.date} ({e.date_reason}), gold {g['date']} in {g['sentence'][:50]!r}"
                    )
            if "location" in g:
                loc = g["location"]
                names = {_fold(loc["name"]), *(_fold(a) for a in loc.get("alt", []))}
                if e is None:
                    place_t.miss(f"{gid}: no event to place in {g['sentence'][:50]!r}")
                elif (
                    e.location is not None
                    and (_fold(e.location.name) in names or _fold(e.location.text) in names)
                    and (loc["country"] is None or e.location.country in (None, loc["country"]))
                ):
                    place_t.tp += 1
                else:
                    place_t.fn += 1
                    got = f"{e.location.name}/{e.location.country}" if e.location else "none"
                    place_t.miss(f"{gid}: place {got}, gold {loc['name']}/{loc['country']}")
    metrics = {
        "date_accuracy": date_t.recall,
        "date_n": date_t.tp + date_t.fn,
        "place_accuracy": place_t.recall,
        "place_n": place_t.tp + place_t.fn,
    }
    return metrics, date_t.misses + place_t.misses


def _quote_matches(q: Quote, gold_text: str) -> bool:
    s, g = _norm(q.text), _norm(gold_text)
    return g in s or (len(s) >= QUOTE_OVERLAP * len(g) and s in g)


def _score_quotes(docs: dict[str, _Doc]) -> tuple[dict[str, Any], list[str]]:
    found = _Tally()
    speakers = _Tally()
    for gid, d in docs.items():
        quotes = list(d.result.quotes) if d.result else []
        for g in d.gold["quotes"]:
            hit = next((q for q in quotes if _quote_matches(q, g["text"])), None)
            if hit is None:
                found.fn += 1
                found.miss(f"{gid}: quote not found {g['text'][:60]!r}")
                continue
            found.tp += 1
            if not g["direct"]:
                continue
            sp = hit.speaker
            if g["speaker"]:
                ok = sp is not None and _name_matches(
                    sp.name or sp.text, [g["speaker"], *g.get("speaker_alt", [])]
                )
            else:
                ok = sp is not None and (
                    sp.country == g["country"]
                    or _name_matches(sp.name or sp.text, g.get("speaker_alt", []))
                )
            if ok:
                speakers.tp += 1
            else:
                speakers.fn += 1
                got = f"{sp.name or sp.text}/{sp.country}" if sp else "no speaker"
                speakers.miss(
                    f"{gid}: speaker {got}, gold {g['speaker'] or g['country']} for {g['text'][:40]!r}"
                )
    metrics = {
        "quote_recall": found.recall,
        "quote_speaker_accuracy": speakers.recall,
        "quote_n": found.tp + found.fn,
    }
    return metrics, found.misses + speakers.misses


# ------------------------------------------------------------------------ corpus-wide steps


def _duplicates(results: Sequence[DocResult], options: Options) -> dict[str, str] | None:
    try:
        from communique.clean.dedup import find_duplicates
    except ImportError:
        return None
    sec = options.section("clean")
    ordered = sorted(
        enumerate(results),
        key=lambda t: (t[1].document.published is None, t[1].document.published or "", t[0]),
    )
    items = [(r.document.id, r.signature) for _, r in ordered]
    found = find_duplicates(items, bands=int(sec["bands"]), threshold=float(sec["threshold"]))
    return {copy: orig for copy, (orig, _sim) in found.items()}


def _with_duplicates(results: Sequence[DocResult], dup_map: dict[str, str]) -> list[Document]:
    """Documents as the store holds them after the corpus-wide duplicate step."""
    return [replace(r.document, duplicate_of=dup_map.get(r.document.id)) for r in results]


def _stories(results: Sequence[DocResult], dup_map: dict[str, str], options: Options) -> Any:
    try:
        from communique.stories import build_stories
    except ImportError:
        return None
    documents = _with_duplicates(results, dup_map)
    events = [e for r in results for e in r.events]
    quotes = [q for r in results for q in r.quotes]
    return build_stories(documents, events, quotes, options=options)


def _within(pair: set[str | None], want: set[str]) -> bool:
    """A consolidated record belongs to a gold dyad when its known countries are in the dyad
    (a reciprocal meeting is often coded with one side only)."""
    known = {c for c in pair if c}
    return bool(known) and known <= want


def _score_episodes(
    docs: dict[str, _Doc],
    gold_eps: list[dict[str, Any]],
    episodes: Sequence[Episode],
    consolidated: Sequence[dict[str, Any]],
    documents: Sequence[Document],
) -> tuple[dict[str, Any], list[str]]:
    sys_to_gold = {d.result.document.id: gid for gid, d in docs.items() if d.result}
    grouped = {gid for gid, d in docs.items() if d.gold.get("episode_required", True)}
    sys_ep: dict[str, str] = {}
    for episode in episodes:
        for sid in episode.doc_ids:
            if sid in sys_to_gold:
                sys_ep[sys_to_gold[sid]] = episode.id
    ids = sorted(grouped)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_gold = docs[a].gold["episode"] == docs[b].gold["episode"]
            same_sys = a in sys_ep and sys_ep.get(a) == sys_ep.get(b)
            tp += same_gold and same_sys
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    misses: list[str] = []
    by_id = {ep.id: ep for ep in episodes}
    dates = place = 0
    placed = 0
    cons = _Tally()
    counts_ok = 0
    issues = _Tally()
    independent: Callable[[Sequence[str], Mapping[str, Document]], int] | None
    try:
        from communique.stories.consolidate import independent_sources as independent
    except ImportError:
        independent = None
    docs_by_id = {doc.id: doc for doc in documents}
    for g in gold_eps:
        members = [m for m in g["doc_ids"] if m in sys_ep]
        votes: dict[str, int] = {}
        for m in members:
            votes[sys_ep[m]] = votes.get(sys_ep[m], 0) + 1
        ep = by_id[max(votes, key=lambda k: (votes[k], k))] if votes else None
        if ep is None:
            misses.append(f"episode {g['id']}: no system episode holds its documents")
        if ep is not None and ep.start == g["start"] and ep.end == g["end"]:
            dates += 1
        elif ep is not None:
            misses.append(
                f"episode {g['id']}: dates {ep.start}..{ep.end}, gold {g['start']}..{g['end']}"
            )
        if g.get("place"):
            placed += 1
            names = {_fold(g["place"]), *(_fold(a) for a in g.get("place_alt", []))}
            if ep is not None and _fold(ep.place) in names:
                place += 1
            elif ep is not None:
                misses.append(f"episode {g['id']}: place {ep.place!r}, gold {g['place']!r}")
        # consolidated events: merge both directions of a dyad, compare article/source counts
        for c in g.get("consolidated", []):
            want = set(c["countries"])
            recs = [
                x
                for x in consolidated
                if ep is not None
                and x.get("episode_id") == ep.id
                and x.get("type") == c["type"]
                and _within({x.get("source_country"), x.get("target_country")}, want)
            ]
            if not recs:
                cons.fn += 1
                cons.miss(f"episode {g['id']}: no consolidated {c['type']} {sorted(want)}")
                continue
            cons.tp += 1
            sys_docs = sorted({sys_to_gold.get(i, i) for x in recs for i in x.get("doc_ids", [])})
            raw_docs = sorted({i for x in recs for i in x.get("doc_ids", [])})
            n_ind = (
                independent(raw_docs, docs_by_id)
                if independent is not None and len(recs) > 1
                else recs[0].get("n_independent")
            )
            if len(sys_docs) == c["n_articles"] and n_ind == c["n_independent"]:
                counts_ok += 1
            else:
                cons.miss(
                    f"episode {g['id']}: {c['type']} {sorted(want)} in {len(sys_docs)} articles / "
                    f"{n_ind} sources, gold {c['n_articles']} / {c['n_independent']}"
                )
        # issues by side: union over the gold documents that carry an `issues` annotation
        annotated = [docs[m].gold for m in g["doc_ids"] if "issues" in docs[m].gold]
        if annotated:
            gold_pairs = {
                (side, t) for a in annotated for side, ts in a["issues"].items() for t in ts
            }
            sys_pairs = {
                (side, t)
                for side, ts in (ep.issues if ep else {}).items()
                for t in ts
                if t in ISSUE_TOPICS
            }
            issues.tp += len(gold_pairs & sys_pairs)
            issues.fp += len(sys_pairs - gold_pairs)
            issues.fn += len(gold_pairs - sys_pairs)
            if gold_pairs - sys_pairs:
                issues.miss(f"episode {g['id']}: issues missed {sorted(gold_pairs - sys_pairs)}")
            if sys_pairs - gold_pairs:
                issues.miss(f"episode {g['id']}: extra issues {sorted(sys_pairs - gold_pairs)}")
    metrics = {
        "episode_pairwise_precision": p,
        "episode_pairwise_recall": r,
        "episode_pairwise_f1": _f1(p, r),
        "episode_date_accuracy": _ratio(dates, len(gold_eps)),
        "episode_place_accuracy": _ratio(place, placed),
        "consolidated_recall": cons.recall,
        "consolidated_count_accuracy": _ratio(counts_ok, cons.tp + cons.fn),
        "issue_precision": issues.precision,
        "issue_recall": issues.recall,
        "episode_n": len(gold_eps),
        "system_episode_n": len(episodes),
    }
    return metrics, misses + cons.misses + issues.misses


# ------------------------------------------------------------------------------------- run


def _ingest_and_process(corpus: Path, options: Options) -> tuple[list[DocResult], list[str]]:
    from communique.ingest import iter_sources
    from communique.pipeline import Pipeline
    from communique.records import SourceDocument

    sources: list[SourceDocument] = []
    failures: list[str] = []
    for item in iter_sources([str(corpus)], options=options):
        if isinstance(item, SourceDocument):
            sources.append(item)
        else:
            failures.append(f"ingest [{item.code}] {item.path}: {item.message}")
    stages, skipped = _available_stages(options)
    failures += skipped
    outcome = Pipeline(options, built=stages).process(sources)
    failures += [f"pipeline [{f.code}] {f.doc_id}: {f.message}" for f in outcome.failures]
    return outcome.results, failures


def _available_stages(options: Options) -> tuple[list[Any], list[str]]:
    """The default stages that exist and whose inputs an earlier stage writes; the rest are
    skipped with a note, so a stage still being written scores 0 instead of hiding the others."""
    from communique.pipeline import DEFAULT_STAGES, INITIAL, STAGES

    built: list[Any] = []
    notes: list[str] = []
    have = set(INITIAL)
    for name in DEFAULT_STAGES:
        module, _, attr = STAGES[name].partition(":")
        try:
            stage = getattr(importlib.import_module(module), attr)(options)
        except ImportError as exc:
            notes.append(f"stage {name} not available ({exc}); its metrics score as missing")
            continue
        if not stage.reads <= have:
            notes.append(f"stage {name} skipped: needs {sorted(stage.reads - have)}")
            continue
        built.append(stage)
        have |= stage.writes
    return built, notes


def score(
    results: Sequence[DocResult],
    gold: list[dict[str, Any]],
    gold_episodes: list[dict[str, Any]],
    *,
    options: Options,
    failures: Sequence[str] = (),
) -> EvalReport:
    """Score already-processed documents (the suite's core; tests can call it on any results)."""
    docs = _attach(gold, results)
    metrics: dict[str, Any] = {
        "n": len(gold),
        "n_matched_docs": sum(d.result is not None for d in docs.values()),
    }
    notes: list[str] = [IN_SAMPLE_NOTE, *failures]
    tables: dict[str, list[list[Any]]] = {}
    misses: dict[str, list[str]] = {}
    for gid, d in docs.items():
        if d.result is None:
            notes.append(f"gold document {gid} ({d.gold['file']}) not produced by ingest/pipeline")

    m, misses["clean"] = _score_clean(docs)
    metrics.update(m)
    m, misses["actors"] = _score_actors(docs)
    metrics.update(m)
    metrics["accuracy"] = metrics["actor_accuracy"]
    m, misses["events"], per_type, per_doc = _score_events(docs)
    metrics.update(m)
    m, misses["time/places"] = _score_dates_places(docs)
    metrics.update(m)
    m, misses["quotes"] = _score_quotes(docs)
    metrics.update(m)

    dup_map = _duplicates(results, options)
    if dup_map is None:
        notes.append("communique.clean.dedup not importable: duplicate metrics are null")
        metrics.update({"duplicate_precision": None, "duplicate_recall": None})
        dup_map = {}
    else:
        sys_to_gold = {d.result.document.id: gid for gid, d in docs.items() if d.result}
        gold_map = {sys_to_gold.get(a, a): sys_to_gold.get(b, b) for a, b in dup_map.items()}
        m, misses["duplicates"] = _score_duplicates(docs, gold_map)
        metrics.update(m)

    stories = _stories(results, dup_map, options)
    doc_flags: dict[str, list[dict[str, Any]]] = dict(getattr(stories, "doc_flags", {}) or {})
    m, misses["flags"] = _score_flags(docs, doc_flags)
    metrics.update(m)
    episode_keys = (
        "episode_pairwise_precision",
        "episode_pairwise_recall",
        "episode_pairwise_f1",
        "episode_date_accuracy",
        "episode_place_accuracy",
        "consolidated_recall",
        "consolidated_count_accuracy",
        "issue_precision",
        "issue_recall",
    )
    if stories is None:
        notes.append(
            "communique.stories not importable: episode, consolidation and issue metrics are null"
        )
        metrics.update({k: None for k in episode_keys})
    else:
        m, misses["episodes"] = _score_episodes(
            docs,
            gold_episodes,
            list(stories.episodes),
            list(stories.consolidated),
            _with_duplicates(results, dup_map),
        )
        metrics.update(m)

    tables["events by type"] = [["type", "found", "missed", "extra"]] + [
        [t, *row] for t, row in sorted(per_type.items())
    ]
    tables["events by document"] = [
        ["document", "gold", "found", "type match", "extra"],
        *per_doc,
    ]
    tables["scores by stage"] = [["metric", "value"]] + [[k, metrics.get(k)] for k in GATED_METRICS]
    tables["misses per stage"] = [["stage", "misses"]] + [[k, len(v)] for k, v in misses.items()]
    for stage, items in misses.items():
        for text in items[:MAX_MISSES]:
            notes.append(f"[{stage}] {text}")
        if len(items) > MAX_MISSES:
            notes.append(f"[{stage}] ... and {len(items) - MAX_MISSES} more")
    return EvalReport(suite="corpus", metrics=metrics, tables=tables, notes=notes)


def run(data: Path | None, options: Options) -> EvalReport:
    """Ingest + pipeline + near-duplicates + stories over ``data/corpus``, scored on ``data/gold``.

    ``data`` is an examples folder (``corpus/`` and ``gold/``); by default the repository's."""
    root = Path(data) if data is not None else default_data_dir()
    if root.is_file():  # --data examples/gold/annotations.jsonl
        root = root.parent.parent
    gold, gold_eps = load_gold(root)
    results, failures = _ingest_and_process(root / "corpus", options)
    report = score(results, gold, gold_eps, options=options, failures=failures)
    report.metrics["gold_sha256"] = gold_digest(root)
    return report


# ------------------------------------------------------------------------------------ gate


def _read_baseline(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(
            f"cannot read baseline ({exc})", code=BAD_BASELINE, path=str(path)
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise EvalError(
            "baseline must be an object with 'floors'", code=BAD_BASELINE, path=str(path)
        )
    return data


def check_baseline(
    report: EvalReport, baseline: dict[str, Any], *, digest: str | None = None
) -> list[str]:
    """What fails the gate: a metric below its floor (or missing), or gold changed under it."""
    problems: list[str] = []
    for name, floor in sorted(baseline["floors"].items()):
        value = report.metrics.get(name)
        if floor and (value is None or value < floor):
            problems.append(f"{name} = {value} is below its floor {floor}")
    want = baseline.get("gold_sha256")
    have = digest or report.metrics.get("gold_sha256")
    if want and have and want != have:
        problems.append(
            "gold files changed since the baseline was set; re-measure and run "
            f"`communique eval {report.suite} --update-baseline tests/eval/{report.suite}_baseline.json`"
        )
    return problems


def update_baseline(
    report: EvalReport, path: str | Path, *, allow_lower: bool = False, gated: Sequence[str] = GATED_METRICS
) -> dict[str, Any]:
    """Write floors = measured − FLOOR_MARGIN (never below 0) and the gold digest to ``path``.

    A floor only moves down with ``allow_lower``; otherwise :class:`EvalError` [C722] names the
    metrics that would drop and nothing is written. A metric the run could not measure (None)
    gets floor 0 and is listed under ``unmeasured``."""
    path = Path(path)
    old = _read_baseline(path) if path.exists() else {"floors": {}}
    floors: dict[str, float] = {}
    lowered: list[str] = []
    unmeasured: list[str] = []
    for name in gated:
        value = report.metrics.get(name)
        if value is None:
            unmeasured.append(name)
            new = 0.0
        else:
            new = max(0.0, round(float(value) - FLOOR_MARGIN, 3))
        before = float(old["floors"].get(name, 0.0))
        if new < before:
            lowered.append(f"{name} {before} -> {new}")
        floors[name] = new
    if lowered and not allow_lower:
        raise EvalError(
            "these floors would drop: " + "; ".join(lowered) + ". Fix the regression, or pass "
            "--allow-lower if the drop is intended (say why in the commit)",
            code=WOULD_LOWER,
            path=str(path),
        )
    baseline = {
        "suite": report.suite,
        "comment": (
            f"floors = measured score - {FLOOR_MARGIN} (communique.eval.corpus.FLOOR_MARGIN), "
            "written by update_baseline; lowering a floor needs --allow-lower"
        ),
        "updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "gold_sha256": report.metrics.get("gold_sha256"),
        "floors": floors,
        "measured": {k: report.metrics.get(k) for k in gated},
        "unmeasured": unmeasured,
    }
    path.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return baseline
