"""`communique run` on the example corpus repeated to ~1 MB, with 1 and with 2 worker processes.

    python benchmarks/workers.py [--mb 1] [--json]

Writes the repeated corpus as one JSONL file, then times the real CLI (ingest → stages → store →
near-duplicates → stories) into a fresh DuckDB file for each worker count.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _sources  # noqa: E402  (the same repeated corpus as benchmarks/run.py)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sources = _sources(int(args.mb * 1_000_000))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w") as fh:
            for s in sources:
                fh.write(json.dumps({"id": s.id, "text": s.text, "title": s.title,
                                     "published": s.published, "source": s.source}) + "\n")
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.duckdb"
            t0 = time.perf_counter()
            subprocess.run([str(Path(sys.executable).parent / "communique"), "run", str(corpus), "--db", str(db),
                            "--workers", str(workers), "--json"], check=True, capture_output=True)
            secs = time.perf_counter() - t0
            rows.append({"workers": workers, "docs": len(sources), "seconds": round(secs, 1),
                         "docs_per_s": round(len(sources) / secs, 2)})
    for r in rows:
        print(f"workers {r['workers']}: {r['docs']} docs in {r['seconds']} s = {r['docs_per_s']} docs/s")
    if args.json:
        print(json.dumps({"benchmark": "workers", "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
