"""The pipeline object: per-document stages registered with what they read and write.

A stage is built from the options by a factory ``make(options) -> Stage`` that lives in its stage
package (``communique.clean.stage.make`` ...). It is called with a *batch* of
:class:`Analysis` objects (so spaCy can use ``nlp.pipe``) and fills the fields it declares in
``writes``. The order is checked when the pipeline is built: a stage that reads something no
earlier stage writes is a ``PipelineError`` [C601]; an unknown stage name lists what is available
[C602].

``Pipeline.process(sources)`` maps over one batch of ``SourceDocument`` and returns
``DocResult`` records plus ``Failure`` records. It holds no corpus-wide state, so a distributed
engine can map the same call over partitions; corpus-wide steps (near-duplicates, episodes) run
afterwards over the store.
"""

from __future__ import annotations

__all__ = ["Analysis", "Stage", "Pipeline", "STAGES", "DEFAULT_STAGES", "BatchOutcome"]

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from communique.config import Options
from communique.errors import CommuniqueError, Failure, PipelineError
from communique.records import (
    DocResult,
    Document,
    Event,
    Flag,
    Mention,
    Quote,
    Sentence,
    SourceDocument,
)

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Analysis:
    """Mutable working state of one document while the per-document stages run.

    Stages fill it; :meth:`result` freezes it into a :class:`DocResult`. ``doc`` is the spaCy
    ``Doc`` of ``document.text`` (offsets agree with the cleaned text).
    """

    source: SourceDocument
    document: Document | None = None
    doc: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    signature: tuple[int, ...] = ()
    scratch: dict[str, Any] = field(default_factory=dict)  # stage-to-stage hints (coref maps...)

    @property
    def doc_id(self) -> str:
        return self.source.id

    @property
    def date(self) -> str | None:
        """Publication date (YYYY-MM-DD) or None."""
        pub = (self.document.published if self.document else None) or self.source.published
        return pub[:10] if pub else None

    def result(self) -> DocResult:
        if self.document is None:
            raise PipelineError("document was never cleaned", code="C603", doc_id=self.doc_id)
        doc = self.document
        if self.flags:
            seen = {(f.code, f.evidence) for f in doc.flags}
            extra = tuple(f for f in self.flags if (f.code, f.evidence) not in seen)
            if extra:
                from dataclasses import replace

                doc = replace(doc, flags=doc.flags + extra)
        return DocResult(
            document=doc,
            sentences=tuple(self.sentences),
            mentions=tuple(self.mentions),
            events=tuple(self.events),
            quotes=tuple(self.quotes),
            signature=self.signature,
        )


class Stage(Protocol):
    name: str
    reads: frozenset[str]
    writes: frozenset[str]

    def __call__(self, batch: list[Analysis]) -> None: ...


# name -> "module:factory"; the factory takes Options and returns a Stage.
STAGES: dict[str, str] = {
    "clean": "communique.clean.stage:make",
    "nlp": "communique.nlp.stage:make",
    "actors": "communique.actors.stage:make",
    "events": "communique.events.stage:make",
    "quotes": "communique.quotes.stage:make",
    "time": "communique.time.stage:make",
    "places": "communique.places.stage:make",
}
DEFAULT_STAGES: tuple[str, ...] = ("clean", "nlp", "actors", "events", "quotes", "time", "places")
INITIAL: frozenset[str] = frozenset({"source"})


def _factory(name: str) -> Callable[[Options], Stage]:
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage '{name}'; available: {', '.join(STAGES)}", code="C602"
        ) from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


@dataclass(slots=True)
class BatchOutcome:
    results: list[DocResult]
    failures: list[Failure]


class Pipeline:
    """Builds the stages once (models and knowledge load here), then processes batches."""

    def __init__(
        self,
        options: Options | None = None,
        *,
        stages: Sequence[str] = DEFAULT_STAGES,
        built: Sequence[Stage] | None = None,
    ) -> None:
        self.options = options or Options()
        unknown = [n for n in stages if n not in STAGES] if built is None else []
        if unknown:
            raise PipelineError(
                f"unknown stage(s) {', '.join(unknown)}; available: {', '.join(STAGES)}", code="C602"
            )
        self.stages: list[Stage] = list(built) if built is not None else [
            _factory(n)(self.options) for n in stages
        ]
        self._check_order()

    def _check_order(self) -> None:
        have = set(INITIAL)
        for st in self.stages:
            missing = st.reads - have
            if missing:
                raise PipelineError(
                    f"stage '{st.name}' reads {sorted(missing)} which no earlier stage writes "
                    f"(order: {', '.join(s.name for s in self.stages)})",
                    code="C601",
                )
            have |= st.writes

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def stage(self, name: str) -> Stage:
        for st in self.stages:
            if st.name == name:
                return st
        raise PipelineError(f"no stage '{name}' in this pipeline ({', '.join(self.names)})", code="C602")

    def process(self, sources: Sequence[SourceDocument]) -> BatchOutcome:
        """Run every stage over one batch. A document that makes a stage fail is dropped with a
        ``Failure``; the rest of the batch goes on."""
        batch = [Analysis(source=s) for s in sources]
        failures: list[Failure] = []
        for st in self.stages:
            batch = self._run_stage(st, batch, failures)
        results: list[DocResult] = []
        for a in batch:
            try:
                results.append(a.result())
            except CommuniqueError as exc:
                failures.append(Failure.from_error(exc.at(doc_id=a.doc_id, path=a.source.origin)))
        return BatchOutcome(results, failures)

    def _run_stage(self, st: Stage, batch: list[Analysis], failures: list[Failure]) -> list[Analysis]:
        if not batch:
            return batch
        try:
            st(batch)
            return batch
        except Exception:  # isolate the document(s) that broke the stage
            if len(batch) == 1:
                a = batch[0]
                failures.append(self._failure(st, a))
                return []
            log.warning("stage %s failed on a batch of %d; retrying one by one", st.name, len(batch))
        kept: list[Analysis] = []
        for a in batch:
            try:
                st([a])
                kept.append(a)
            except Exception:
                failures.append(self._failure(st, a))
        return kept

    @staticmethod
    def _failure(st: Stage, a: Analysis) -> Failure:
        import sys

        exc = sys.exc_info()[1]
        log.exception("stage %s failed on %s", st.name, a.doc_id)
        if isinstance(exc, CommuniqueError):
            return Failure.from_error(exc.at(doc_id=a.doc_id, path=a.source.origin))
        return Failure(
            code="C604",
            path=a.source.origin,
            line=None,
            doc_id=a.doc_id,
            message=f"stage '{st.name}' failed: {type(exc).__name__}: {exc}",
        )
