"""A small learned model for the event type between two known actors of a sentence.

The lexicon decides when one of its frames links the two actors. When none does (no lexicon
predicate on the dependency path, only the nearest frame of the sentence to go by), this model
gives the type from what lies between and around the pair: the lemmas on the dependency path, the
word that governs the recipient, the sentence's content words, negation and future markers, and
what the lexicon would have guessed. It is a multinomial logistic regression over sparse binary
features, trained only on sentences we wrote (``examples/gold/sentences/``, the train split) by
``scripts/train_pair_model.py``; the weights ship as JSON (``events/data/pair_model.json``) with
the digest of the data they were trained on. numpy is needed to train, not to predict.
"""

from __future__ import annotations

__all__ = ["PairModel", "pair_features", "path_between", "load_pair_model", "train", "split_of", "TRAIN_SEED"]

import functools
import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError
from communique.knowledge import data_path

MODEL_FILE = ("events", "pair_model.json")
TRAIN_SEED = "communique-pairs-1"
"""Salt of the train/dev split: a sentence set line is dev when its salted sentence hash falls in
the last fifth (``split_of``). Changing it reshuffles the split: re-train and re-measure."""
DEV_SHARE = 5  # one line in five is held out for measuring
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
PATH_MAX = 8  # longer dependency paths say little about the pair; only their first tokens count


def split_of(text: str) -> str:
    """'train' or 'dev' for a sentence-set line, by its sentence: stable, independent of file
    order, and the same for every pair of one sentence (no sentence is on both sides)."""
    h = int(hashlib.sha1(f"{TRAIN_SEED}:{' '.join(text.split())}".encode()).hexdigest()[:8], 16)
    return "dev" if h % DEV_SHARE == 0 else "train"


def _lemma(t: Any) -> str:
    return str(t.lemma_).lower()


def path_between(a: Any, b: Any) -> tuple[list[Any], Any, list[Any]]:
    """(tokens from ``b`` up to the lowest common ancestor, the ancestor, tokens from it down to
    ``a``); both ends included in their lists."""
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
    return up_b, lca, list(reversed(down_a))


def pair_features(source: Any, target: Any, *, lexicon_type: str | None = None, route: str | None = None) -> list[str]:
    """Binary features of the relation from the ``source`` head token to the ``target`` head
    token (spaCy tokens of one sentence; ``target`` may be None when there is no recipient)."""
    feats = ["bias"]
    sent = source.sent
    if lexicon_type:
        feats.append(f"lex:{lexicon_type}")
        if route:
            feats.append(f"lex:{route}:{lexicon_type}")
    if target is None or target.sent.start != sent.start:
        feats.append("no-target")
        gov = source.head
        feats.append(f"sgov:{_lemma(gov)}")
    else:
        up_b, lca, down_a = path_between(source, target)
        inner = [t for t in (*up_b[1:], lca, *down_a[:-1]) if t.i not in (source.i, target.i)]
        feats.append(f"lca:{_lemma(lca)}")
        feats.append(f"lcapos:{lca.pos_}")
        if len(inner) > PATH_MAX:
            feats.append("long-path")
        for t in inner[:PATH_MAX]:
            if t.pos_ in CONTENT_POS or t.dep_ in ("prep", "agent", "prt"):
                feats.append(f"p:{_lemma(t)}")
        # the word that governs the recipient and how ("sanctions on X", "talks with X")
        gov = target.head
        if gov.dep_ in ("prep", "agent") and gov.head is not gov:
            feats.append(f"tprep:{_lemma(gov)}")
            feats.append(f"tgov:{_lemma(gov.head)}:{_lemma(gov)}")
            feats.append(f"tgovw:{_lemma(gov.head)}")
        else:
            feats.append(f"tgov:{_lemma(gov)}:{target.dep_}")
            feats.append(f"tgovw:{_lemma(gov)}")
        feats.append(f"sdep:{source.dep_}")
        feats.append(f"order:{'st' if source.i < target.i else 'ts'}")
        for t in (lca, *inner):
            for c in t.children:
                if c.dep_ == "neg":
                    feats.append("neg")
                elif c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                    feats.append("future")
    for t in sent:
        if t.pos_ in CONTENT_POS and not t.is_stop and t.ent_type_ == "" and t.is_alpha:
            feats.append(f"w:{_lemma(t)}")
    return list(dict.fromkeys(feats))


@dataclass(frozen=True, slots=True)
class PairModel:
    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    info: dict[str, Any]

    def scores(self, feats: Sequence[str]) -> list[float]:
        z = [0.0] * len(self.classes)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, x in enumerate(w):
                    z[k] += x
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def predict(self, feats: Sequence[str]) -> tuple[str, float]:
        """The most likely type and its probability."""
        p = self.scores(feats)
        k = max(range(len(p)), key=p.__getitem__)
        return self.classes[k], p[k]

    def to_json(self) -> dict[str, Any]:
        return {"info": self.info, "classes": list(self.classes),
                "weights": {f: list(w) for f, w in sorted(self.weights.items())}}


def _from_json(data: Any, path: Path) -> PairModel:
    try:
        classes = tuple(str(c) for c in data["classes"])
        weights = {str(f): tuple(float(x) for x in w) for f, w in data["weights"].items()}
        info = dict(data.get("info") or {})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(f"pair model is malformed ({exc!r}); re-train it with scripts/train_pair_model.py",
                             code="C345", path=str(path)) from exc
    bad = [f for f, w in weights.items() if len(w) != len(classes)]
    if not classes or bad:
        raise KnowledgeError(f"pair model has {len(bad)} weight rows of the wrong width", code="C345", path=str(path))
    return PairModel(classes, weights, info)


@functools.lru_cache(maxsize=4)
def load_pair_model(path: str | None = None) -> PairModel | None:
    """The shipped model (or the one at ``path``); None when the shipped file is absent."""
    p = Path(path) if path else data_path(*MODEL_FILE)
    if not p.exists():
        if path:
            raise KnowledgeError("pair model file not found", code="C345", path=str(p))
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KnowledgeError(f"cannot read the pair model ({exc})", code="C345", path=str(p)) from exc
    return _from_json(data, p)


L2 = 1e-3  # hand-set: the dev split is too small to tune it; re-measure the dev score if changed
EPOCHS = 300
LEARNING_RATE = 0.5
MIN_COUNT = 2  # features seen once are noise with a few thousand sentences
KEEP = 1e-3  # weights smaller than this in every class are dropped from the shipped file


def train(examples: Sequence[tuple[list[str], str]], *, info: dict[str, Any] | None = None) -> PairModel:
    """Fit the model on (features, type) pairs: full-batch gradient descent with AdaGrad steps,
    deterministic (zero start, fixed epochs), so the same data gives the same weights."""
    import numpy as np

    if not examples:
        raise KnowledgeError("no training examples", code="C345")
    classes = tuple(sorted({y for _, y in examples}))
    counts = Counter(f for fs, _ in examples for f in set(fs))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias")
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)), dtype=np.float64)
    y = np.zeros((len(examples), len(classes)), dtype=np.float64)
    for r, (fs, lab) in enumerate(examples):
        for f in fs:
            j = index.get(f)
            if j is not None:
                x[r, j] = 1.0
        y[r, classes.index(lab)] = 1.0
    w = np.zeros((len(vocab), len(classes)))
    g2 = np.full_like(w, 1e-8)
    n = len(examples)
    for _ in range(EPOCHS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / n + L2 * w
        g2 += grad * grad
        w -= LEARNING_RATE * grad / np.sqrt(g2)
    weights = {f: tuple(round(float(v), 4) for v in w[i]) for f, i in index.items() if float(np.abs(w[i]).max()) >= KEEP}
    meta = {"examples": n, "features": len(weights), "classes": len(classes), "l2": L2, "epochs": EPOCHS}
    meta.update(info or {})
    return PairModel(classes, weights, meta)
