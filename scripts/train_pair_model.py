"""Train the learned pair model on the train split of our own sentence sets.

    .venv/bin/python scripts/train_pair_model.py            # train, report dev scores, write the model
    .venv/bin/python scripts/train_pair_model.py --dry-run  # report only

Reads only ``examples/gold/sentences/*.jsonl`` (sentences we wrote). Prints, on the held-out dev
split, the accuracy of the lexicon alone and of the model per lexicon route, which is how
``events.pairs.MODEL_ROUTES`` was chosen, and writes ``src/communique/events/data/pair_model.json``
with the digest of the data it was trained on (a test fails when the sets change and the model
was not re-trained).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from communique.config import Options
from communique.eval.sentences import default_sentences_dir, load_sentence_sets, writer_of
from communique.events.bench import analyse_many
from communique.events.coder import EventCoder
from communique.events.pairmodel import MODEL_FILE, train
from communique.events.pairs import MODEL_ROUTES, lexicon_pair, model_features
from communique.knowledge import data_path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_sentences_dir())
    ap.add_argument("--dry-run", action="store_true", help="report dev scores, write nothing")
    ap.add_argument("--cross-writer", action="store_true",
                    help="report only: train on writer a's files, score writer b's (ids '<type>-b-NNN')")
    ap.add_argument("--hold-writers", metavar="LETTERS",
                    help="report only: train on the other writers' lines, score these writers' (e.g. 'cde')")
    args = ap.parse_args(argv)

    options = Options()
    cases, digest = load_sentence_sets(args.data)
    texts = sorted({c.text for c in cases})
    analyses = dict(zip(texts, analyse_many(texts, options), strict=True))
    coder = EventCoder(options)
    explained = {t: coder.explain(a) for t, a in analyses.items()}
    rows = []
    for c in cases:
        a, ex = analyses[c.text], explained[c.text]
        lt, how = lexicon_pair(a, ex, c.source, c.target, coder.lexicon)
        feats = model_features(a, c.source, c.target, (lt, how))
        rows.append((c, lt, how.split()[0], feats or ["bias"]))
    held_writers = set(args.hold_writers or "") or ({"b"} if args.cross_writer else set())
    if held_writers:
        # train on some writers' files, score on the others': a harder, shifted dev set
        if args.cross_writer:
            rows = [r for r in rows if writer_of(r[0].id) in "ab"]
        train_rows = [(feats, c.type) for c, _, _, feats in rows if writer_of(c.id) not in held_writers]
        dev_ids = {c.id for c, _, _, _ in rows if writer_of(c.id) in held_writers}
    else:
        train_rows = [(feats, c.type) for c, _, _, feats in rows if c.split == "train"]
        dev_ids = {c.id for c, _, _, _ in rows if c.split == "dev"}
    model = train(train_rows, info={"data_sha256": digest, "trained_on": "examples/gold/sentences (train split)"})

    per_route: dict[str, Counter[str]] = {}
    for c, lt, route, feats in rows:
        if c.id not in dev_ids:
            continue
        guess, _ = model.predict(feats)
        r = per_route.setdefault(route, Counter())
        r["n"] += 1
        r["lexicon"] += lt == c.type
        r["model"] += guess == c.type
    n = sum(r["n"] for r in per_route.values())
    print(f"{len(train_rows)} train lines, {n} dev lines, {len(model.weights)} features kept")
    print(f"{'route':10} {'n':>5} {'lexicon':>8} {'model':>8}")
    hybrid = 0
    for route, r in sorted(per_route.items(), key=lambda kv: -kv[1]["n"]):
        print(f"{route:10} {r['n']:5d} {r['lexicon'] / r['n']:8.3f} {r['model'] / r['n']:8.3f}")
        hybrid += r["model"] if route in MODEL_ROUTES else r["lexicon"]
    lex = sum(r["lexicon"] for r in per_route.values())
    mod = sum(r["model"] for r in per_route.values())
    print(f"dev accuracy: lexicon {lex / n:.3f}, model everywhere {mod / n:.3f}, "
          f"model on {sorted(MODEL_ROUTES)} {hybrid / n:.3f}")
    if not args.dry_run and not held_writers:
        out = data_path(*MODEL_FILE)
        out.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
