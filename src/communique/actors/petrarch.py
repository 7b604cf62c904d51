"""PETRARCH/TABARI dictionaries (placeholder until the reader lands)."""

from __future__ import annotations

__all__ = ["merge_petrarch"]

from collections.abc import Iterable
from pathlib import Path

from communique.actors.kb import KnowledgeBase


def merge_petrarch(kb: KnowledgeBase, files: Iterable[str | Path]) -> KnowledgeBase:
    raise NotImplementedError
