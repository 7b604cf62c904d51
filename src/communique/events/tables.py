"""PLOVER types (quad, scores, modes) and the CAMEO code table, loaded from ``events/data``.

Both are knowledge files (``plover.toml``, ``cameo.tsv``) read through :mod:`communique.knowledge`
so a broken row is refused with its line before any coding starts.
"""

from __future__ import annotations

__all__ = ["CameoCode", "EventTables", "load_tables", "COOPERATIVE", "MATERIAL_CONFLICT", "YIELDING"]

import functools
from dataclasses import dataclass
from pathlib import Path

from communique.errors import KnowledgeError
from communique.knowledge import LINE, Validator, data_path, read_toml, read_tsv
from communique.records import EVENT_TYPES

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
"""Cooperative types that become AGREE when only promised or announced for the future."""
YIELDING = frozenset({"CONCEDE", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    plover: str | None
    mode: str | None
    goldstein: float


@dataclass(frozen=True, slots=True)
class TypeInfo:
    quad: int
    score: float
    recipient: bool
    modes: frozenset[str]
    mode_scores: dict[str, float]


class EventTables:
    """Lookups the coder needs: quad and PLOVER score of a (type, mode), Goldstein of a code."""

    def __init__(self, types: dict[str, TypeInfo], cameo: dict[str, CameoCode]) -> None:
        self.types = types
        self.cameo = cameo

    def quad(self, type_: str) -> int:
        return self.types[type_].quad

    def score(self, type_: str, mode: str | None = None) -> float:
        info = self.types[type_]
        if mode is not None and mode in info.mode_scores:
            return info.mode_scores[mode]
        return info.score

    def has_mode(self, type_: str, mode: str | None) -> bool:
        return mode is None or mode in self.types[type_].modes

    def goldstein(self, code: str | None) -> float | None:
        """Goldstein weight of a CAMEO code; a 4-digit code not listed falls back to its parent."""
        while code:
            row = self.cameo.get(code)
            if row is not None:
                return row.goldstein
            code = code[:-1] if len(code) > 2 else None
        return None

    @staticmethod
    def broader(code: str) -> tuple[str, ...]:
        """``code`` and the codes it specialises, narrowest first: "1121" → ("1121", "112", "110");
        "036" → ("036", "030"); "030" → ("030",). A coder that stops at a broader code is not
        wrong, only less specific."""
        out = [code]
        if len(code) == 4:
            code = code[:3]
            out.append(code)
        if len(code) == 3 and code[2] != "0":
            out.append(code[:2] + "0")
        return tuple(out)

    def compatible(self, a: str | None, b: str | None) -> bool:
        """Whether two codes say the same thing at different depths (one is broader than the other)."""
        if not a or not b:
            return False
        return a in self.broader(b) or b in self.broader(a)

    def name(self, code: str | None) -> str | None:
        row = self.cameo.get(code or "")
        return row.name if row else None


def _load_types(path: Path) -> dict[str, TypeInfo]:
    data = read_toml(path)
    types = data.get("types")
    if not isinstance(types, dict):
        raise KnowledgeError("missing [types.*] tables", code="C330", path=str(path))
    out: dict[str, TypeInfo] = {}
    for name, rec in types.items():
        if name not in EVENT_TYPES:
            raise KnowledgeError(f"unknown PLOVER type '{name}'", code="C330", path=str(path))
        v = Validator(path, rec)
        quad = v.number("quad")
        if quad not in (1, 2, 3, 4):
            raise v.fail(f"type {name}: quad must be 1-4, got {quad}", code="C330")
        modes = frozenset(v.list("modes"))
        ms = rec.get("mode_scores") or {}
        unknown = set(ms) - modes
        if unknown:
            raise v.fail(f"type {name}: mode_scores for modes not listed: {sorted(unknown)}", code="C330")
        out[name] = TypeInfo(int(quad), float(v.number("score")), bool(rec.get("recipient")), modes,
                             {k: float(x) for k, x in ms.items()})
    missing = set(EVENT_TYPES) - set(out)
    if missing:
        raise KnowledgeError(f"types missing: {sorted(missing)}", code="C330", path=str(path))
    return out


def _load_cameo(path: Path, types: dict[str, TypeInfo]) -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    for row in read_tsv(path):
        line = row[LINE]
        code = row["code"]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise KnowledgeError(f"bad CAMEO code {code!r}", code="C331", path=str(path), line=line)
        plover = None if row["plover"] == "-" else row["plover"]
        mode = None if row["mode"] == "-" else row["mode"]
        if plover is not None and plover not in types:
            raise KnowledgeError(f"unknown PLOVER type {plover!r}", code="C331", path=str(path), line=line)
        if plover is not None and mode is not None and mode not in types[plover].modes:
            raise KnowledgeError(f"mode {mode!r} is not a mode of {plover}", code="C331", path=str(path), line=line)
        try:
            gold = float(row["goldstein"])
        except ValueError:
            raise KnowledgeError(f"goldstein must be a number, got {row['goldstein']!r}",
                                 code="C331", path=str(path), line=line) from None
        if code in out:
            raise KnowledgeError(f"CAMEO code {code} listed twice", code="C331", path=str(path), line=line)
        out[code] = CameoCode(code, row["name"], plover, mode, gold)
    return out


@functools.lru_cache(maxsize=2)
def load_tables(plover: str | None = None, cameo: str | None = None) -> EventTables:
    """The shipped tables (or other files of the same shape), loaded once per process."""
    types = _load_types(Path(plover) if plover else data_path("events", "plover.toml"))
    codes = _load_cameo(Path(cameo) if cameo else data_path("events", "cameo.tsv"), types)
    return EventTables(types, codes)
