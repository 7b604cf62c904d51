"""How much the event coder adds to the spaCy parse: parse N sentences, then code the parsed docs.

Run: .venv/bin/python benchmarks/coder_speed.py [N]   (N defaults to 400 sentences)
The sentences are built from our own templates (no benchmark text). Actors are resolved before
timing the coder, so "coder" is frames + events only; actor resolution is reported apart.
"""

from __future__ import annotations

import sys
import time

from communique.config import Options
from communique.events.bench import analyse_many
from communique.events.coder import EventCoder
from communique.nlp import load_model

TEMPLATES = [
    "{a} accused {b} of violating the ceasefire agreement signed last year.",
    "The foreign minister of {a} met his counterpart from {b} in Geneva on Tuesday.",
    "{a} imposed new sanctions on {b} after the talks collapsed, officials said.",
    "{a} refused to meet a delegation from {b} until the prisoners were released.",
    "{a} and {b} agreed to resume negotiations on trade and security next month.",
    "Thousands of people protested outside the embassy of {b} in the capital of {a}.",
    "{a} said it would not hesitate to respond if {b} deployed more troops to the border.",
    "The president of {a} urged {b} to withdraw its forces from the disputed region.",
]
COUNTRIES = ["France", "China", "Japan", "Russia", "Ukraine", "India", "Brazil", "Egypt", "Turkey", "Iran"]


def main(n: int = 400) -> None:
    texts = [TEMPLATES[i % len(TEMPLATES)].format(a=COUNTRIES[i % 10], b=COUNTRIES[(i * 3 + 1) % 10]) for i in range(n)]
    options = Options()
    nlp = load_model(options.get("nlp.model"))
    list(nlp.pipe(texts[:16]))  # warm up
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = analyse_many(texts, options)  # parse again + actors
    parse_actors = time.perf_counter() - t0
    coder = EventCoder(options)
    t0 = time.perf_counter()
    n_events = sum(len(coder.code(a)) for a in analyses)
    code = time.perf_counter() - t0
    print(f"{n} sentences: parse {parse:.2f}s, parse+actors {parse_actors:.2f}s, coder {code:.2f}s "
          f"({100 * code / parse:.1f}% of parse), {n_events} events")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
