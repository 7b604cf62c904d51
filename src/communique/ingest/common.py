"""What every reader shares: stable ids, the record fields, and building a SourceDocument."""

from __future__ import annotations

__all__ = [
    "RECORD_FIELDS",
    "content_id",
    "make_document",
    "CODES",
]

import hashlib
from collections.abc import Mapping
from typing import Any

from communique.errors import InputError
from communique.ingest.dates import normalise_date
from communique.records import SourceDocument

# Fields a record (jsonl/json/csv row, sidecar line, front matter) may set on a SourceDocument.
RECORD_FIELDS = ("id", "title", "url", "source", "published", "author")
# Length of the hex digest in a content-hash id: 64 bits, collision-free for any realistic corpus.
ID_HEX_CHARS = 16

# Stable InputError codes raised by ingest (tests assert these, not the prose).
CODES = {
    "not_found": "C101",  # a path that does not exist or cannot be read
    "glob_empty": "C102",  # a glob pattern that matched no file
    "unknown_format": "C103",  # an extension / root element we cannot read
    "undecodable": "C104",  # binary file or bytes in no configured encoding
    "empty": "C105",  # empty file, or a file/stdin with no text at all
    "too_large": "C106",  # file over ingest.max_bytes
    "bad_json": "C107",  # a JSON line / JSON file that does not parse
    "no_text": "C108",  # a record (row, line, item) without text or html
    "no_article": "C109",  # HTML where trafilatura finds no article text
    "bad_feed": "C110",  # XML that does not parse, or a feed without items
    "bad_csv": "C111",  # CSV without a text/html column, or broken quoting
    "bad_sidecar": "C112",  # a metadata.jsonl line that is not a usable object
    "bad_record": "C113",  # a record that is not an object, or a field of the wrong type
}


def content_id(text: str) -> str:
    """``d`` + 16 hex chars of sha1 over the whitespace-normalised text: same text, same id."""
    norm = " ".join(text.split())
    return "d" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def _field(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(
            f"field '{key}' must be a string, got {type(value).__name__}; fix the record",
            code=CODES["bad_record"],
        )
    s = str(value).strip()
    return s or None


def make_document(
    record: Mapping[str, Any],
    *,
    text: str,
    origin: str,
    fmt: str,
    extra_meta: Mapping[str, Any] | None = None,
) -> SourceDocument:
    """Build a SourceDocument from record fields; a bad date is kept in ``meta["published_raw"]``.

    Raises ``InputError`` [C108] when the text is empty, [C113] for a field of the wrong type
    (the caller attaches path and line).
    """
    body = text.strip()
    if not body:
        raise InputError("no article text (empty 'text'/'html')", code=CODES["no_text"])
    fields = {k: _field(record, k) for k in RECORD_FIELDS}
    meta: dict[str, Any] = dict(extra_meta or {})
    published = None
    if fields["published"] is not None:
        published = normalise_date(fields["published"])
        if published is None:
            meta["published_raw"] = fields["published"]
    return SourceDocument(
        id=fields["id"] or content_id(body),
        text=body,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        published=published,
        author=fields["author"],
        origin=origin,
        format=fmt,
        meta=meta,
    )
