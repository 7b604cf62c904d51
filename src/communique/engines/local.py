"""The local engine: ingest → per-document stages in batches → store → corpus-wide steps.

Resumable by construction: ids already in the store are skipped before any NLP runs, each batch is
written in one transaction, and the corpus-wide steps (near-duplicates, stories) are recomputed
from the store at the end of every run. Killing a run loses at most the batch in flight.
"""

from __future__ import annotations

__all__ = ["RunSummary", "run_paths", "process_batch", "finalize", "Progress"]

import json
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TextIO

from communique.config import Options
from communique.errors import Failure
from communique.pipeline import BatchOutcome, Pipeline
from communique.records import SourceDocument
from communique.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (documents done in this step, total known so far)


@dataclass(slots=True)
class RunSummary:
    run_id: str
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    events: int = 0
    quotes: int = 0
    duplicates: int = 0
    episodes: int = 0
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return "partial" if self.failures else "ok"

    @property
    def docs_per_s(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "seen": self.seen,
            "stored": self.stored,
            "skipped": self.skipped,
            "failed": len(self.failures),
            "events": self.events,
            "quotes": self.quotes,
            "duplicates": self.duplicates,
            "episodes": self.episodes,
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs_per_s, 2),
            "failures": [f.to_dict() for f in self.failures],
        }


_PIPELINES: dict[str, Pipeline] = {}


def _pipeline(options: Options) -> Pipeline:
    """One pipeline per distinct options per process (models and knowledge load once)."""
    key = json.dumps(options.to_dict(), sort_keys=True, default=str)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(options)
    return _PIPELINES[key]


def process_batch(sources: Sequence[SourceDocument], options: Options) -> BatchOutcome:
    """The map step: pure function of (batch, options); the pipeline is built once per process."""
    return _pipeline(options).process(sources)


def _pool(workers: int) -> ProcessPoolExecutor:
    # "spawn": children must not inherit the parent's open DuckDB connection or spaCy threads
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def finalize(store: Store, options: Options) -> tuple[int, int]:
    """Corpus-wide steps over the whole store: near-duplicates, then stories.
    Returns (number of duplicates, number of episodes)."""
    from communique.clean.dedup import find_duplicates
    from communique.stories import build_stories

    sec = options.section("clean")
    dups = find_duplicates(store.signatures(), bands=int(sec["bands"]), threshold=float(sec["threshold"]))
    store.set_duplicates(dups)
    stories = build_stories(store.documents(), store.events(), store.quotes(), options=options)
    store.replace_stories(stories.episodes, stories.consolidated, doc_flags=stories.doc_flags)
    return len(dups), len(stories.episodes)


def run_paths(
    paths: Sequence[str],
    *,
    options: Options,
    store: Store,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
) -> RunSummary:
    """Ingest ``paths``, process new documents in batches, store each batch, then finalize.

    With ``engine.workers`` > 1 the batches are processed in worker processes (the map step is a
    pure function), and stored here in submission order as they come back.
    """
    from communique.ingest import iter_sources

    t0 = time.perf_counter()
    size = batch_size or int(options.get("store.batch_size"))
    workers = int(options.get("engine.workers"))
    pool = _pool(workers) if workers > 1 else None
    in_flight: deque[tuple[Future[BatchOutcome], int]] = deque()
    run_id = store.start_run()
    summary = RunSummary(run_id=run_id)
    known = store.known_ids()
    pending: list[SourceDocument] = []
    done = 0

    def store_outcome(outcome: BatchOutcome, n: int) -> None:
        nonlocal done
        written = store.write_results(outcome.results, run_id=run_id)
        summary.stored += written
        summary.skipped += len(outcome.results) - written
        summary.failures.extend(outcome.failures)
        for r in outcome.results:
            summary.events += len(r.events)
            summary.quotes += len(r.quotes)
        done += n
        if progress:
            progress(done, summary.seen)

    def flush(*, wait: bool = False) -> None:
        if pending:
            batch = tuple(pending)
            pending.clear()
            if pool is None:
                store_outcome(process_batch(batch, options), len(batch))
            else:
                in_flight.append((pool.submit(process_batch, batch, options), len(batch)))
        # keep at most two batches per worker in flight; drain everything at the end
        while in_flight and (wait or len(in_flight) > 2 * workers or in_flight[0][0].done()):
            fut, n = in_flight.popleft()
            store_outcome(fut.result(), n)

    status = "interrupted"
    try:
        for item in iter_sources(list(paths), options=options, stdin=stdin):
            if isinstance(item, Failure):
                summary.failures.append(item)
                log.info("%s", item)  # the caller reports failures (the CLI prints them)
                continue
            summary.seen += 1
            if item.id in known:
                summary.skipped += 1
                continue
            known.add(item.id)
            pending.append(item)
            if len(pending) >= size:
                flush()
        flush(wait=True)
        summary.duplicates, summary.episodes = finalize(store, options)
        status = summary.status
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        summary.seconds = time.perf_counter() - t0
        store.finish_run(
            run_id, status=status, stored=summary.stored, skipped=summary.skipped,
            failures=summary.failures,
        )
    return summary
