"""How ``build_stories`` scales: seconds and peak memory for 1k / 10k / 100k synthetic documents.

Each size runs in a fresh Python process so its peak RSS is its own. The synthetic corpus has
episodes of 1–8 reports (3 on average) spread over ten years among 40 countries; each report mixes
the episode's own names with common diplomatic vocabulary, carries 3 events dated around the
episode, and a few are near-duplicates or undated pages. Grouping is scored against the known
episodes (pairwise precision/recall/F1) so a faster change that groups worse shows up.

    .venv/bin/python benchmarks/stories_scale.py            # table
    .venv/bin/python benchmarks/stories_scale.py --json     # table, then one JSON line
    .venv/bin/python benchmarks/stories_scale.py --sizes 1000 10000

Near-linear means: 10x the documents costs about 10x the time (not 100x), and memory grows
linearly. Keep the whole run under ~2 minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from typing import Any

DEFAULT_SIZES = (1_000, 10_000, 100_000)
SEED = 7
COUNTRIES = [
    "USA", "CHN", "RUS", "UKR", "IND", "PAK", "JPN", "KOR", "PRK", "IRN", "ISR", "TUR", "GBR", "FRA",
    "DEU", "ITA", "ESP", "POL", "BRA", "ARG", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MYS",
    "SGP", "EGY", "SAU", "ARE", "QAT", "NGA", "ZAF", "ETH", "KEN", "GEO", "ARM", "AZE",
]
TYPES = [("CONSULT", 2.5, 1), ("AGREE", 2.5, 1), ("ACCUSE", -2.5, 3), ("REQUEST", -1.0, 3),
         ("THREATEN", -3.5, 3), ("SANCTION", -6.0, 4), ("SUPPORT", 5.0, 1)]
COMMON = (
    "talks minister foreign officials delegation relations security economic cooperation agreement "
    "pressure border troops sanctions summit leaders capital statement dialogue ceasefire trade "
    "ministry ambassador visit negotiations concerns partners region crisis meeting progress warned "
    "urged agreed discussed bilateral framework exchange diplomats reporters briefing"
).split()
SYLLABLES = "ka lo mi ra ne tu so vi da pe zo ri ha mu ke lu ba no ti ge fa yo".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))


def synthetic(n_docs: int, *, seed: int = SEED) -> tuple[list[Any], list[Any], list[Any], list[int]]:
    """Documents, events, quotes (none) and the true episode of each document."""
    from communique.records import ActorRef, Document, Event, Flag

    rng = random.Random(seed)
    docs: list[Document] = []
    events: list[Event] = []
    truth: list[int] = []
    day0 = date(2015, 1, 1).toordinal()
    ep = 0
    while len(docs) < n_docs:
        a, b = rng.sample(COUNTRIES[:12] if rng.random() < 0.6 else COUNTRIES, 2)
        start = day0 + rng.randrange(3650)
        names = [_name(rng) for _ in range(6)]
        size = min(rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 8)), n_docs - len(docs))
        first_text = None
        for k in range(size):
            day = start + rng.randint(0, 2)
            words = rng.sample(names, 4) * 2 + rng.choices(COMMON, k=100)
            rng.shuffle(words)
            text = " ".join(words)
            doc_id = f"d{len(docs)}"
            dup = None
            undated = rng.random() < 0.01
            if first_text is not None and rng.random() < 0.1:
                text, dup = first_text, f"d{len(docs) - k}"
            first_text = first_text or text
            docs.append(Document(
                id=doc_id, text=text, title=" ".join(names[:2]), source=f"outlet{rng.randrange(300)}",
                published=None if undated else date.fromordinal(day + 1).isoformat(), duplicate_of=dup,
                flags=(Flag("non_news_page", "synthetic"),) if undated else (),
            ))
            truth.append(ep)
            for j in range(3):
                t, score, quad = rng.choice(TYPES)
                src, tgt = (a, b) if rng.random() < 0.6 else (b, a)
                events.append(Event(
                    id=f"{doc_id}e{j}", doc_id=doc_id, type=t,
                    source=ActorRef(names[0], names[0], src, "GOV"),
                    target=ActorRef(names[1], names[1], tgt, "GOV"),
                    sentence=text[:80], span=(0, 80), score=score, quad=quad,
                    date=None if undated else date.fromordinal(day).isoformat(), date_precision="day",
                ))
        ep += 1
    return docs, events, [], truth


def pairwise_scores(truth: list[int], groups: list[list[int]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a grouping, from contingency counts (no all-pairs loop)."""
    def pairs(counts: Counter[Any]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    pred = {i: g for g, members in enumerate(groups) for i in members}
    both = pairs(Counter((truth[i], pred[i]) for i in range(len(truth))))
    p_pairs = pairs(Counter(pred.values()))
    t_pairs = pairs(Counter(truth))
    precision = both / p_pairs if p_pairs else 1.0
    recall = both / t_pairs if t_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def run_one(n_docs: int) -> dict[str, Any]:
    from communique.config import Options
    from communique.stories import build_stories

    docs, events, quotes, truth = synthetic(n_docs)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    stories = build_stories(docs, events, quotes, options=Options())
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index = {d.id: i for i, d in enumerate(docs)}
    groups = [[index[d] for d in ep.doc_ids] for ep in stories.episodes]
    return {
        "docs": n_docs,
        "events": len(events),
        "episodes_true": len(set(truth)),
        "episodes": len(stories.episodes),
        "consolidated": len(stories.consolidated),
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "docs_per_s": round(n_docs / seconds) if seconds else None,
        "rss_input_mb": round(rss_before),
        "rss_peak_mb": round(rss_peak),
        **pairwise_scores(truth, groups),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    rows = []
    header = f"{'docs':>8} {'events':>8} {'episodes':>9} {'true':>7} {'seconds':>8} {'cpu s':>7} {'docs/s':>8} " \
             f"{'input MB':>9} {'peak MB':>8} {'P':>6} {'R':>6} {'F1':>6}"
    print(header)
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['docs']:>8} {r['events']:>8} {r['episodes']:>9} {r['episodes_true']:>7} {r['seconds']:>8} {r['cpu_s']:>7} "
              f"{r['docs_per_s']:>8} {r['rss_input_mb']:>9} {r['rss_peak_mb']:>8} {r['precision']:>6} "
              f"{r['recall']:>6} {r['f1']:>6}", flush=True)
    if args.json:
        print(json.dumps({"benchmark": "stories_scale", "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
