"""Exports: pure functions of the store, one record shape per kind, three formats.

The record shapes are the export contract (README "Export contract"); JSONL, CSV and Parquet share
the same fields (nested values become JSON strings in CSV). A kind with nothing stored yet exports
an empty file, not an error.
"""

from __future__ import annotations

__all__ = ["KINDS", "FORMATS", "records", "write_export", "CONTRACT"]

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from communique.errors import InputError
from communique.store import Store

KINDS = ("documents", "events", "quotes", "episodes", "actors")
FORMATS = ("jsonl", "csv", "parquet")

# Contract fields, in order; kinds may carry extra fields after these.
CONTRACT: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "source", "url", "published", "text", "removed", "duplicate_of", "flags"),
    "events": (
        "id", "doc_id", "episode_id", "type", "mode", "cameo", "quad", "score", "source", "target",
        "date", "location", "sentence", "span", "negated", "confidence",
    ),
    "quotes": ("doc_id", "speaker", "text", "span"),
    "episodes": ("id", "label", "start", "end", "place", "country", "participants", "doc_ids", "issues", "tone"),
    "actors": ("name", "country", "sector", "mentions"),
}
_ACTOR_KEYS = ("text", "name", "country", "sector")


def _actor(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {k: a.get(k) for k in _ACTOR_KEYS} | {k: v for k, v in a.items() if k not in _ACTOR_KEYS}


def _order(kind: str, rec: dict[str, Any]) -> dict[str, Any]:
    head = {k: rec.get(k) for k in CONTRACT[kind]}
    return head | {k: v for k, v in rec.items() if k not in head}


def records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Contract-shaped dicts for one kind, straight from the store."""
    if kind == "documents":
        for d in store.documents():
            rec = d.to_dict()
            rec["removed"] = [{"text": r["text"], "reason": r["reason"], "start": r["start"], "end": r["end"]} for r in rec["removed"]]
            yield _order(kind, rec)
    elif kind == "events":
        for e in store.events():
            rec = e.to_dict()
            for key in ("source", "target", "reported_by"):
                rec[key] = _actor(rec.get(key))
            rec["location"] = None if rec["location"] is None else (
                {"name": rec["location"]["name"], "country": rec["location"]["country"]} | rec["location"])
            yield _order(kind, rec)
    elif kind == "quotes":
        for q in store.quotes():
            rec = q.to_dict()
            rec["speaker"] = _actor(rec.get("speaker"))
            yield _order(kind, rec)
    elif kind == "episodes":
        for ep in store.episodes():
            yield _order(kind, ep.to_dict())
    elif kind == "actors":
        for a in store.actors():
            yield _order(kind, a)
    else:
        raise InputError(f"unknown export kind '{kind}'; choose one of {', '.join(KINDS)}", code="C150")


def _cell(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v


def write_export(store: Store, kind: str, fmt: str, out: Path | TextIO) -> int:
    """Write one kind in one format to a path or text stream; returns the number of records."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}", code="C151")
    rows = list(records(store, kind))
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not isinstance(out, Path):
            raise InputError("parquet needs --out FILE", code="C152")
        cols = list(CONTRACT[kind]) + sorted({k for r in rows for k in r} - set(CONTRACT[kind]))
        table = pa.table({c: [_cell(r.get(c)) if isinstance(r.get(c), dict | list) else r.get(c) for r in rows] for c in cols}) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
        pq.write_table(table, str(out))
        return len(rows)
    buf: TextIO = io.StringIO() if isinstance(out, Path) else out
    if fmt == "jsonl":
        for r in rows:
            buf.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        cols = list(CONTRACT[kind]) + sorted({k for r in rows for k in r} - set(CONTRACT[kind]))
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k)) for k in cols})
    if isinstance(out, Path):
        out.write_text(buf.getvalue(), encoding="utf-8")  # type: ignore[attr-defined]
    return len(rows)
