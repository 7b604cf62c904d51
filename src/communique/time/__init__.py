"""Time: resolving when each event happened (date, precision, and the reason for it)."""

from __future__ import annotations

__all__ = ["TimeExpr", "find_expressions", "parse_publication"]

from communique.time.resolver import TimeExpr, find_expressions, parse_publication
