"""End-to-end throughput and memory on the example corpus repeated to >= 2 MB of text.

    python benchmarks/run.py [--mb 2] [--json]

Measures (1) the whole job — per-document stages in batches, store writes, near-duplicates and
stories — as documents/s and words/s, (2) the spaCy stage alone (``nlp.pipe`` over the same
cleaned texts), (3) peak RSS of the process. With ``--json`` the last line is one JSON object
with ``docs_per_s``, ``spacy_docs_per_s``, ``words_per_s``, ``spacy_words_per_s``, ``peak_rss_mb``.
Copies get distinct ids and a numbered suffix so nothing is skipped as already stored (they are
still near-duplicates of each other, which the corpus-wide step has to handle at scale).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(target_bytes: int) -> list:
    from communique.config import Options
    from communique.ingest import iter_sources
    from communique.records import SourceDocument

    base = [s for s in iter_sources([str(ROOT / "examples" / "corpus")], options=Options())
            if isinstance(s, SourceDocument)]
    out, size, n = [], 0, 0
    while size < target_bytes:
        for s in base:
            n += 1
            text = s.text + f"\n\n(Copy {n} for the benchmark.)"
            out.append(replace(s, id=f"{s.id}-b{n}", text=text))
            size += len(text.encode())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of text to process")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from communique.config import Options
    from communique.engines.local import finalize, process_batch
    from communique.nlp import load_model
    from communique.store import Store

    options = Options()
    sources = _sources(int(args.mb * 1_000_000))
    n_words = sum(len(s.text.split()) for s in sources)
    batch = int(options.get("store.batch_size"))
    process_batch(sources[:1], options)  # load models and knowledge outside the timing

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            cleaned = []
            for i in range(0, len(sources), batch):
                outcome = process_batch(sources[i:i + batch], options)
                store.write_results(outcome.results)
                cleaned.extend(r.document.text for r in outcome.results)
            t_docs = time.perf_counter() - t0
            finalize(store, options)
        total = time.perf_counter() - t0

    nlp = load_model(options.get("nlp.model"))
    t1 = time.perf_counter()
    for _ in nlp.pipe(cleaned, batch_size=int(options.get("nlp.batch_size"))):
        pass
    t_spacy = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    clean_words = sum(len(t.split()) for t in cleaned)
    res = {
        "docs": len(sources),
        "mb": round(sum(len(s.text.encode()) for s in sources) / 1e6, 2),
        "words": n_words,
        "seconds": round(total, 2),
        "docs_per_s": round(len(sources) / total, 2),
        "words_per_s": round(n_words / total, 1),
        "per_doc_stages_s": round(t_docs, 2),
        "spacy_seconds": round(t_spacy, 2),
        "spacy_docs_per_s": round(len(cleaned) / t_spacy, 2),
        "spacy_words_per_s": round(clean_words / t_spacy, 1),
        "non_spacy_share": round(max(0.0, t_docs - t_spacy) / t_docs, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    if not args.json:
        width = max(map(len, res))
        for k, v in res.items():
            print(f"{k:<{width}}  {v}")
    else:
        print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
