"""Evaluation suites: ``communique eval SUITE [--data FILE] [--json]``.

A suite is a function ``run(data: Path | None, options: Options) -> EvalReport``. With ``--json``
the CLI prints the metrics as one JSON object on the last line. Benchmark files from outside the
repo are read only when a user passes ``--data``; the product never reads them on its own.
"""

from __future__ import annotations

__all__ = ["EvalReport", "SUITES", "run_suite", "gated_metrics"]

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.config import Options
from communique.errors import EvalError

# suite name -> "module:function"
SUITES: dict[str, str] = {
    "corpus": "communique.eval.corpus:run",
    "plv": "communique.eval.plv:run",
    "gsr": "communique.eval.gsr:run",
    "petrarch": "communique.eval.petrarch:run",
    "case2021": "communique.eval.case2021:run",
    "polnear": "communique.eval.polnear:run",
    "sentences": "communique.eval.sentences:run",
}


@dataclass(slots=True)
class EvalReport:
    """``metrics``: flat JSON-ready numbers (``precision``, ``recall``, ``f1``, ``accuracy``,
    ``n``...). ``tables``: titled rows for people (first row = header). ``notes``: caveats."""

    suite: str
    metrics: dict[str, Any]
    tables: dict[str, list[list[Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def run_suite(
    name: str, data: str | Path | None, options: Options | None = None, **extra: Any
) -> EvalReport:
    """Run one suite; ``extra`` keyword options go to suites that take them (petrarch: dicts)."""
    try:
        target = SUITES[name]
    except KeyError:
        raise EvalError(f"unknown suite '{name}'; available: {', '.join(SUITES)}", code="C701") from None
    if data is not None and not Path(data).exists():
        raise EvalError(f"data file not found: {data}", code="C702", path=str(data))
    module, _, attr = target.partition(":")
    fn = getattr(importlib.import_module(module), attr)
    report: EvalReport = fn(Path(data) if data is not None else None, options or Options(), **extra)
    return report


def gated_metrics(name: str) -> tuple[str, ...]:
    """The metrics a suite pins as floors in a baseline file (``--update-baseline``)."""
    module = SUITES[name].partition(":")[0]
    gated = getattr(importlib.import_module(module), "GATED_METRICS", None)
    if not gated:
        raise EvalError(f"suite '{name}' has no gate; --update-baseline applies to corpus and sentences",
                        code="C703")
    return tuple(gated)
