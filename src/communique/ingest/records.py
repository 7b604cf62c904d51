"""Record files: JSON Lines, JSON (one record or a list), CSV.

A record has ``text`` or ``html`` (html goes through trafilatura) plus any of ``id, title, url,
source, published, author``; other fields are kept in ``meta``. A bad record is a Failure with
its line and the file's other records still come through.
"""

from __future__ import annotations

__all__ = ["record_document", "iter_jsonl", "iter_json", "iter_csv"]

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from communique.errors import CommuniqueError, Failure, InputError
from communique.ingest.common import CODES, RECORD_FIELDS, make_document
from communique.ingest.html import extract_page
from communique.records import SourceDocument

Item = SourceDocument | Failure
_KNOWN = frozenset(RECORD_FIELDS) | {"text", "html"}


def _plain_meta(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in _KNOWN and v not in (None, "")}


def record_document(record: Mapping[str, Any], *, origin: str, fmt: str) -> SourceDocument:
    """One record to a SourceDocument; ``html`` is reduced to its article text first."""
    text = record.get("text")
    html = record.get("html")
    if text is not None and not isinstance(text, str):
        raise InputError(
            f"field 'text' must be a string, got {type(text).__name__}", code=CODES["bad_record"]
        )
    if html is not None and not isinstance(html, str):
        raise InputError(
            f"field 'html' must be a string, got {type(html).__name__}", code=CODES["bad_record"]
        )
    meta = _plain_meta(record)
    if (text is None or not text.strip()) and html is not None and html.strip():
        url = record.get("url") if isinstance(record.get("url"), str) else None
        page = extract_page(html, url=url)
        if page is None:
            raise InputError(
                "the 'html' field holds no article text trafilatura can find",
                code=CODES["no_article"],
            )
        filled = dict(record)
        for key, value in (
            ("title", page.title),
            ("author", page.author),
            ("published", page.date),
            ("source", page.sitename),
            ("url", page.url),
        ):
            if not filled.get(key) and value:
                filled[key] = value
        return make_document(filled, text=page.text, origin=origin, fmt=fmt, extra_meta=meta)
    if text is None or not text.strip():
        raise InputError("record has no 'text' or 'html' (or it is empty)", code=CODES["no_text"])
    return make_document(record, text=text, origin=origin, fmt=fmt, extra_meta=meta)


def _one(record: Any, *, path: str, line: int, fmt: str) -> Item:
    try:
        if not isinstance(record, dict):
            raise InputError(
                f"a record must be a JSON object, got {type(record).__name__}",
                code=CODES["bad_record"],
            )
        return record_document(record, origin=f"{path}:{line}", fmt=fmt)
    except CommuniqueError as exc:
        return Failure.from_error(exc.at(path=path, line=line))


def iter_jsonl(text: str, *, path: str, fmt: str = "jsonl") -> Iterator[Item]:
    """One record per non-blank line; origin ``path:line``."""
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            err = InputError(
                f"not valid JSON ({exc.msg} at column {exc.colno})", code=CODES["bad_json"]
            )
            yield Failure.from_error(err.at(path=path, line=no))
            continue
        yield _one(record, path=path, line=no, fmt=fmt)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def iter_json(text: str, *, path: str) -> Iterator[Item]:
    """A JSON list of records (each with the line it starts on) or one record."""
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        pos = start + 1
        while True:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text):
                err = InputError("not valid JSON (unterminated list)", code=CODES["bad_json"])
                yield Failure.from_error(err.at(path=path, line=_line_of(text, pos)))
                return
            if text[pos] == "]":
                return
            try:
                record, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                err = InputError(f"not valid JSON ({exc.msg})", code=CODES["bad_json"])
                yield Failure.from_error(err.at(path=path, line=exc.lineno))
                return
            yield _one(record, path=path, line=_line_of(text, pos), fmt="json")
            pos = end
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        err = InputError(f"not valid JSON ({exc.msg})", code=CODES["bad_json"])
        yield Failure.from_error(err.at(path=path, line=exc.lineno))
        return
    yield _one(record, path=path, line=_line_of(text, start), fmt="json")


def iter_csv(text: str, *, path: str) -> Iterator[Item]:
    """Rows of a CSV with a header; origin ``path:line`` where the row starts."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        err = InputError(f"not valid CSV ({exc})", code=CODES["bad_csv"])
        yield Failure.from_error(err.at(path=path, line=1))
        return
    names = {h.strip().lower() for h in header or () if h}
    if not names & {"text", "html"}:
        err = InputError(
            f"CSV header has no 'text' or 'html' column (found: {', '.join(sorted(names)) or 'none'})",
            code=CODES["bad_csv"],
        )
        yield Failure.from_error(err.at(path=path, line=1))
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            err = InputError(f"not valid CSV ({exc})", code=CODES["bad_csv"])
            yield Failure.from_error(err.at(path=path, line=line))
            return
        record = {
            (k or "").strip().lower(): (v if isinstance(v, str) else None)
            for k, v in row.items()
            if k is not None
        }
        yield _one(record, path=path, line=line, fmt="csv")
        line = reader.line_num + 1
