"""Plain-text articles: optional front matter, a title line, and the folder's sidecar.

The convention (shared with every writer of .txt corpora for communique): an article may start
with ``Key: value`` lines (Title, Source, Published, URL, Author, Id; keys case-insensitive)
ended by the first blank line; the rest is the body. Without front matter, a short first line
followed by a blank line is the title. A folder may carry ``metadata.jsonl`` whose lines
(``file`` + any record field) override/extend the front matter of that file.
"""

from __future__ import annotations

__all__ = ["SIDECAR", "FRONT_MATTER_KEYS", "parse_txt", "read_sidecar", "Sidecar"]

import json
import re
from dataclasses import dataclass, field
from typing import Any

from communique.errors import Failure, InputError
from communique.ingest.common import CODES, RECORD_FIELDS

SIDECAR = "metadata.jsonl"
FRONT_MATTER_KEYS = frozenset(RECORD_FIELDS)
# A first line shorter than this, followed by a blank line, is a headline (the convention).
TITLE_MAX_CHARS = 200

_KEY_LINE = re.compile(r"^\s*(title|source|published|url|author|id)\s*:\s*(.*?)\s*$", re.I)


def parse_txt(text: str) -> tuple[dict[str, str], str]:
    """Split a .txt article into (fields from front matter or title line, body)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    fields: dict[str, str] = {}
    n = 0
    while n < len(lines) and (m := _KEY_LINE.match(lines[n])):
        if m.group(2):
            fields[m.group(1).lower()] = m.group(2)
        n += 1
    ends_block = n == len(lines) or not lines[n].strip()
    if n > 0 and ends_block:
        return fields, "\n".join(lines[n + 1 :]).strip()
    # No front matter (or a "Key:" line running straight into body text, which is prose).
    body = text.strip()
    first, sep, rest = body.partition("\n")
    followed_by_blank = bool(sep) and not rest.partition("\n")[0].strip()
    if followed_by_blank and len(first.strip()) < TITLE_MAX_CHARS and rest.strip():
        return {"title": first.strip()}, rest.strip()
    return {}, body


@dataclass(slots=True)
class Sidecar:
    """Entries of one folder's metadata.jsonl by file name, plus the failures reading it."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


def read_sidecar(text: str, *, path: str) -> Sidecar:
    """Parse a sidecar; a bad line becomes a Failure [C112] and the other lines still count."""
    car = Sidecar()
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("each line must be a JSON object")
            name = rec.get("file")
            if not isinstance(name, str) or not name.strip():
                raise ValueError("missing 'file' (the .txt file name this line describes)")
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            err = InputError(
                f"bad sidecar line ({exc}); fix or remove it", code=CODES["bad_sidecar"]
            )
            car.failures.append(Failure.from_error(err.at(path=path, line=no)))
            continue
        car.entries[name.strip()] = {k: rec[k] for k in RECORD_FIELDS if rec.get(k) is not None}
    return car
