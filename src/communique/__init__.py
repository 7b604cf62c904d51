"""communique: sourced, structured event data from international news.

Python API (mirrors the CLI)::

    import communique
    result = communique.extract("Blinken met Wang Yi in Beijing on Sunday.", published="2023-06-19")
    for ev in result.events:
        print(ev.type, ev.source.code, ev.target.code if ev.target else None, ev.date)

    summary = communique.run(["articles/"], db="news.duckdb")   # ingest → process → store

``Pipeline`` is the reusable object (models load once); ``load_options`` builds the one options
object the CLI and HTTP API use too.
"""

from __future__ import annotations

__all__ = [
    "__version__",
    "extract",
    "run",
    "Pipeline",
    "Options",
    "load_options",
    "CommuniqueError",
    "SourceDocument",
    "Document",
    "DocResult",
    "Event",
    "Quote",
    "Episode",
    "ActorRef",
]

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from communique.config import Options, load_options
from communique.errors import CommuniqueError, InputError
from communique.pipeline import Pipeline
from communique.records import ActorRef, DocResult, Document, Episode, Event, Quote, SourceDocument

if TYPE_CHECKING:
    from communique.engines.local import RunSummary

__version__ = "0.1.0"


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
    options: Options | None = None,
) -> DocResult:
    """Run the per-document stages on one text and return everything they found."""
    import hashlib

    from communique.engines.local import process_batch

    ident = doc_id or "d" + hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:16]
    src = SourceDocument(id=ident, text=text, title=title, source=source, published=published,
                         origin="<extract>", format="txt")
    outcome = process_batch((src,), options or Options())
    if outcome.failures:
        f = outcome.failures[0]
        raise InputError(f.message, code=f.code, doc_id=ident)
    return outcome.results[0]


def run(
    paths: Sequence[str | Path], *, db: str | Path = "communique.duckdb", options: Options | None = None
) -> RunSummary:
    """Ingest, process and store ``paths`` into the DuckDB file ``db``; returns the summary."""
    from communique.engines.local import run_paths
    from communique.store import Store

    opts = (options or Options()).with_overrides({"store.path": str(db)})
    with Store(opts.get("store.path")) as store:
        return run_paths([str(p) for p in paths], options=opts, store=store)
