"""The clean stage: boilerplate out, a Document in, plus the MinHash signature for dedup."""

from __future__ import annotations

__all__ = ["CleanStage", "make"]

from communique.clean.cleaner import clean_document
from communique.clean.dedup import signature
from communique.clean.rules import Rules, default_rules, load_rules
from communique.config import Options
from communique.pipeline import Analysis


class CleanStage:
    name = "clean"
    reads = frozenset({"source"})
    writes = frozenset({"document", "signature"})

    def __init__(self, options: Options) -> None:
        extra = [str(p) for p in options.get("clean.pattern_files")]
        # Rules are validated here, once, so a bad pattern file fails before any document.
        self.rules: Rules = load_rules(extra) if extra else default_rules()
        self.num_perm = int(options.get("clean.num_perm"))
        self.shingle = int(options.get("clean.shingle"))

    def __call__(self, batch: list[Analysis]) -> None:
        for a in batch:
            a.document = clean_document(a.source, rules=self.rules)
            a.signature = signature(a.document.text, num_perm=self.num_perm, shingle=self.shingle)


def make(options: Options) -> CleanStage:
    return CleanStage(options)
