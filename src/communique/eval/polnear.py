"""Suite ``polnear``: who-said-what attribution against PolNeAR-shaped files.

Each line is one article (``text``, ``annotations`` = one set of attributions per annotator, each
attribution with ``source``/``cue``/``content`` character spans into ``text``). The article text
is run through nlp, actors (when that stage is installed) and the quotes extraction as is, without
cleaning, so offsets agree with the gold.

Scoring. A prediction (speaker span, content span) matches a gold attribution when the source
spans overlap and the content spans overlap (any piece of a discontinuous span). ``precision`` =
predictions that match some gold / predictions; ``recall`` = gold attributions matched by some
prediction / gold. Gold attributions without a source (``Attribution-no-source``) and predictions
without a speaker span cannot match by this rule and are left out of both sides (counted in the
notes). The ``direct_*`` scores restrict both sides to quotations: gold contents containing a
quotation mark, predictions whose content (with the character either side) contains one.

Annotators. Single-annotator articles use their annotator; multi-annotator articles use one fixed
annotator, the smallest annotator id present (for the PolNeAR dev split: ``4b22``).
"""

from __future__ import annotations

__all__ = ["run", "score_article", "load_articles", "has_quotation_mark", "Article", "Counts"]

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError
from communique.eval import EvalReport
from communique.pipeline import Analysis
from communique.records import Document, Quote, SourceDocument

log = logging.getLogger(__name__)

Spans = tuple[tuple[int, int], ...]
_DOUBLE_MARKS = "\"\u201c\u201d\u2018\u00ab\u00bb"


@dataclass(frozen=True, slots=True)
class Gold:
    source: Spans
    content: Spans
    direct: bool


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None
    publisher: str | None
    annotator: str
    gold: tuple[Gold, ...]
    no_source: int = 0


@dataclass(slots=True)
class Counts:
    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    gold_ok: int = 0
    d_pred: int = 0
    d_pred_ok: int = 0
    d_gold: int = 0
    d_gold_ok: int = 0
    skipped_pred: int = 0
    by_publisher: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        for name in ("pred", "pred_ok", "gold", "gold_ok", "d_pred", "d_pred_ok", "d_gold", "d_gold_ok", "skipped_pred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _spans(part: Any, where: str) -> Spans:
    if not isinstance(part, dict) or not isinstance(part.get("spans"), list):
        raise EvalError(f"{where}: expected {{'text', 'spans': [[start, end], ...]}}", code="C752")
    out = []
    for pair in part["spans"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) for x in pair) and pair[0] <= pair[1]):
            raise EvalError(f"{where}: bad span {pair!r}", code="C752")
        out.append((pair[0], pair[1]))
    return tuple(out)


def load_articles(path: Path) -> list[Article]:
    """Read a PolNeAR-shaped JSONL file; a malformed line is an ``EvalError`` [C752]."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read {path}: {exc}", code="C702", path=str(path)) from exc
    out = []
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec["text"]
            anns = rec["annotations"]
            if not isinstance(text, str) or not isinstance(anns, list) or not anns:
                raise KeyError("text/annotations")
            chosen = anns[0] if len(anns) == 1 else min(anns, key=lambda a: str(a["annotator"]))
            gold, no_source = [], 0
            for k, att in enumerate(chosen["attributions"]):
                where = f"attribution {k}"
                if att.get("type") == "Attribution-no-source" or not att.get("source") or not att.get("content"):
                    no_source += 1  # nothing to match a speaker against (or no content at all)
                    continue
                content = _spans(att.get("content"), where + " content")
                source = _spans(att["source"], where + " source")
                ctext = att["content"].get("text", "")
                gold.append(Gold(source, content, has_quotation_mark(ctext)))
        except EvalError as exc:
            raise exc.at(path=str(path), line=no) from None
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalError(
                f"not a PolNeAR-shaped article ({type(exc).__name__}: {exc}); each line needs text and "
                "annotations[{annotator, attributions[{type, source, cue, content}]}]",
                code="C752", path=str(path), line=no,
            ) from exc
        out.append(Article(
            id=str(rec.get("id") or f"line{no}"), text=text, published=rec.get("publication_date"),
            publisher=rec.get("publisher"), annotator=str(chosen["annotator"]), gold=tuple(gold),
            no_source=no_source,
        ))
    return out


def has_quotation_mark(text: str) -> bool:
    """Double marks and opening single marks always count; a closing single mark or a straight
    one only where it is not an apostrophe ("it's", "Clinton’s", "voters’ view")."""
    for i, ch in enumerate(text):
        if ch in _DOUBLE_MARKS:
            return True
        if ch in "'\u2019":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isalnum() and nxt.isalnum():
                continue
            if prev in "sS" and (nxt.isspace() or nxt in ",."):
                continue
            return True
    return False


def _overlap(a: Spans, b: Spans) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def _pred_direct(text: str, q: Quote) -> bool:
    a, b = max(0, q.span[0] - 1), min(len(text), q.span[1] + 1)
    return has_quotation_mark(text[a:b])


def score_article(article: Article, quotes: list[Quote]) -> Counts:
    """Overlap matching of one article's predictions against its gold attributions."""
    c = Counts()
    preds = []
    for q in quotes:
        if q.speaker_span is None:
            c.skipped_pred += 1
            continue
        preds.append(((q.speaker_span,), (q.span,), _pred_direct(article.text, q)))
    gold = article.gold
    c.pred, c.gold = len(preds), len(gold)
    c.pred_ok = sum(any(_overlap(ps, g.source) and _overlap(pc, g.content) for g in gold) for ps, pc, _ in preds)
    c.gold_ok = sum(any(_overlap(ps, g.source) and _overlap(pc, g.content) for ps, pc, _ in preds) for g in gold)
    dpred = [p for p in preds if p[2]]
    dgold = [g for g in gold if g.direct]
    c.d_pred, c.d_gold = len(dpred), len(dgold)
    c.d_pred_ok = sum(any(_overlap(ps, g.source) and _overlap(pc, g.content) for g in dgold) for ps, pc, _ in dpred)
    c.d_gold_ok = sum(any(_overlap(ps, g.source) and _overlap(pc, g.content) for ps, pc, _ in dpred) for g in dgold)
    return c


def _prf(ok_p: int, n_p: int, ok_g: int, n_g: int) -> tuple[float, float, float]:
    p = ok_p / n_p if n_p else 0.0
    r = ok_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _stages(options: Options) -> tuple[list[Any], list[str]]:
    """nlp, actors (when installed) and quotes, built once."""
    from communique.nlp.stage import make as make_nlp
    from communique.quotes.stage import make as make_quotes

    notes = []
    stages: list[Any] = [make_nlp(options)]
    try:
        from communique.actors.stage import make as make_actors

        stages.append(make_actors(options))
    except Exception as exc:  # the suite still measures quote extraction without actors
        notes.append(f"actors stage unavailable ({type(exc).__name__}); speakers resolved from text only")
        log.warning("polnear: actors stage unavailable: %s", exc)
    stages.append(make_quotes(options))
    return stages, notes


def run(data: Path | None, options: Options) -> EvalReport:
    if data is None:
        raise EvalError(
            "the polnear suite needs a PolNeAR-shaped file: communique eval polnear --data FILE.jsonl",
            code="C751",
        )
    articles = load_articles(data)
    stages, notes = _stages(options)
    total = Counts()
    rows: dict[str, Counts] = {}
    for art in articles:
        a = Analysis(source=SourceDocument(id=art.id, text=art.text, published=art.published))
        a.document = Document(id=art.id, text=art.text, published=art.published)
        for st in stages:
            st([a])
        c = score_article(art, a.quotes)
        total.add(c)
        rows.setdefault(art.publisher or "?", Counts()).add(c)
    p, r, f = _prf(total.pred_ok, total.pred, total.gold_ok, total.gold)
    dp, dr, df = _prf(total.d_pred_ok, total.d_pred, total.d_gold_ok, total.d_gold)
    metrics = {
        "precision": p, "recall": r, "f1": f,
        "direct_precision": dp, "direct_recall": dr, "direct_f1": df,
        "n": len(articles), "gold": total.gold, "predicted": total.pred,
        "direct_gold": total.d_gold, "direct_predicted": total.d_pred,
    }
    table: list[list[Any]] = [["publisher", "articles", "gold", "predicted", "precision", "recall", "f1"]]
    counts_by_pub: dict[str, int] = {}
    for art in articles:
        counts_by_pub[art.publisher or "?"] = counts_by_pub.get(art.publisher or "?", 0) + 1
    for pub, c in sorted(rows.items()):
        table.append([pub, counts_by_pub[pub], c.gold, c.pred, *_prf(c.pred_ok, c.pred, c.gold_ok, c.gold)])
    notes += [
        "match = source spans overlap and content spans overlap; precision counts predictions matching any gold",
        f"gold without a source (or without content) left out: {sum(a.no_source for a in articles)}; "
        f"predictions without a speaker span left out: {total.skipped_pred}",
        "multi-annotator articles scored against the smallest annotator id present",
    ]
    return EvalReport(suite="polnear", metrics=metrics, tables={"by publisher": table}, notes=notes)
