"""The one loader for knowledge files (lexicons, actor lists, role words, topics, patterns).

Knowledge is data: every stage keeps its files under ``communique/<stage>/data/`` and loads them
through here, so every file is validated the same way and a bad entry is refused with the file,
the line and what is wrong (``KnowledgeError``, codes C3xx) before any processing starts.

Formats:
- ``.jsonl``: one JSON object per line; blank lines and lines starting with ``#`` or ``//`` are
  comments. Each record gets ``__line__`` (1-based) so later validation can point at it.
- ``.toml``: parsed with ``tomllib``; syntax errors carry the line.
- ``.tsv``: first non-comment line is the header; ``#`` lines are comments.
"""

from __future__ import annotations

__all__ = [
    "data_path",
    "read_jsonl",
    "read_toml",
    "read_tsv",
    "Validator",
    "check_pattern",
]

import builtins
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError

LINE = "__line__"


def data_path(stage: str, name: str) -> Path:
    """Path of a built-in data file: ``communique/<stage>/data/<name>``."""
    return Path(str(resources.files("communique").joinpath(stage).joinpath("data").joinpath(name)))


def _is_comment(line: str) -> bool:
    s = line.strip()
    return not s or s.startswith("#") or s.startswith("//")


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield records with ``__line__``; a malformed line raises ``KnowledgeError`` [C301]."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read knowledge file: {exc}", code="C300", path=str(p)) from exc
    for no, line in enumerate(text.splitlines(), start=1):
        if _is_comment(line):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeError(
                f"not valid JSON ({exc.msg} at column {exc.colno})", code="C301", path=str(p), line=no
            ) from exc
        if not isinstance(rec, dict):
            raise KnowledgeError("each line must be a JSON object", code="C301", path=str(p), line=no)
        rec[LINE] = no
        yield rec


def read_toml(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise KnowledgeError(f"cannot read knowledge file: {exc}", code="C300", path=str(p)) from exc
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise KnowledgeError(
            f"not valid TOML: {exc}", code="C301", path=str(p), line=int(m.group(1)) if m else None
        ) from exc


def read_tsv(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield rows as dicts keyed by the header, with ``__line__``; wrong column counts fail."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read knowledge file: {exc}", code="C300", path=str(p)) from exc
    header: list[str] | None = None
    for no, line in enumerate(lines, start=1):
        if _is_comment(line):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise KnowledgeError(
                f"expected {len(header)} tab-separated columns ({', '.join(header)}), got {len(cells)}",
                code="C301",
                path=str(p),
                line=no,
            )
        row: dict[str, Any] = dict(zip(header, cells, strict=True))
        row[LINE] = no
        yield row


class Validator:
    """Small helper for validating a record with file/line in every error.

    >>> v = Validator("people.jsonl", rec)
    >>> name = v.str("name")           # required non-empty string
    >>> aliases = v.list("aliases", required=False)
    """

    def __init__(self, path: str | Path, record: dict[str, Any]) -> None:
        self.path = str(path)
        self.record = record
        self.line = record.get(LINE)

    def fail(self, message: str, code: str = "C302") -> KnowledgeError:
        return KnowledgeError(message, code=code, path=self.path, line=self.line)

    def str(self, key: str, *, required: bool = True, choices: Any = None) -> Any:
        value = self.record.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"missing required field '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"field '{key}' must be a non-empty string, got {value!r}")
        if choices is not None and value not in choices:
            raise self.fail(f"field '{key}' is {value!r}; expected one of {sorted(choices)}")
        return value

    def list(self, key: builtins.str, *, required: bool = False, item: Callable[[Any], bool] | None = None) -> builtins.list[Any]:
        value = self.record.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing required field '{key}'")
            return []
        if not isinstance(value, list):
            raise self.fail(f"field '{key}' must be a list, got {type(value).__name__}")
        for v in value:
            if item is not None and not item(v):
                raise self.fail(f"field '{key}' has an invalid item {v!r}")
            if isinstance(v, str) and not v.strip():
                raise self.fail(f"field '{key}' has an empty string")
        return value

    def date(self, key: builtins.str, *, required: bool = False) -> Any:
        value = self.record.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"missing required date '{key}'")
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise self.fail(f"field '{key}' must be a date YYYY[-MM[-DD]], got {value!r}")
        return value

    def number(self, key: builtins.str, *, required: bool = True) -> Any:
        value = self.record.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing required number '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"field '{key}' must be a number, got {value!r}")
        return value


def check_pattern(pattern: str, *, path: str | Path, line: int | None, flags: int = re.I) -> re.Pattern[str]:
    """Compile a regex from a data file; refuse broken and degenerate ones (matching empty text)."""
    try:
        rx = re.compile(pattern, flags)
    except re.error as exc:
        raise KnowledgeError(f"bad regular expression {pattern!r}: {exc}", code="C303", path=str(path), line=line) from exc
    if rx.fullmatch("") is not None or rx.search("") is not None:
        raise KnowledgeError(
            f"pattern {pattern!r} matches empty text and would match everything",
            code="C304",
            path=str(path),
            line=line,
        )
    return rx
