"""Walk the inputs (files, folders, globs, ``-``) and read each with the reader for its format.

Nothing here raises for a bad input: every problem becomes a :class:`Failure` naming the file
(and line) and the iteration goes on, so one broken file never sinks a batch.
"""

from __future__ import annotations

__all__ = ["iter_sources", "EXTENSIONS"]

import glob
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from lxml import etree

from communique.config import Options
from communique.errors import CommuniqueError, Failure, InputError
from communique.ingest.common import CODES, make_document
from communique.ingest.feeds import feed_kind, iter_feed, parse_feed
from communique.ingest.html import extract_page
from communique.ingest.records import iter_csv, iter_json, iter_jsonl
from communique.ingest.txt import SIDECAR, Sidecar, parse_txt, read_sidecar
from communique.records import SourceDocument

log = logging.getLogger(__name__)

Item = SourceDocument | Failure
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_GLOB_CHARS = frozenset("*?[")
# Bytes sniffed for NUL to tell a binary file from text before decoding.
SNIFF_BYTES = 8192


def _fail(key: str, message: str, *, path: str, line: int | None = None) -> Failure:
    return Failure.from_error(InputError(message, code=CODES[key]).at(path=path, line=line))


class _Reader:
    """One pass over the inputs; caches each folder's sidecar."""

    def __init__(self, options: Options) -> None:
        sec = options.section("ingest")
        self.max_bytes = int(sec["max_bytes"])
        self.encodings: list[str] = list(sec["encodings"])
        self.sidecars: dict[Path, Sidecar] = {}
        # Sidecar failures found while reading a file, reported right after it.
        self.pending: list[Failure] = []

    # ------------------------------------------------------------------ expanding the inputs

    def expand(self, arg: str) -> Iterator[Path | Failure]:
        p = Path(arg)
        if p.is_dir():
            yield from self._walk(p)
        elif p.exists() or p.is_symlink():
            yield p
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield _fail(
                    "glob_empty", "glob pattern matched no file; check the pattern", path=arg
                )
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    yield from self._walk(mp)
                elif mp.name != SIDECAR and not _hidden(mp.name):
                    yield mp
        else:
            yield _fail("not_found", "no such file or directory", path=arg)

    def _walk(self, root: Path) -> Iterator[Path]:
        """Files under ``root``, recursively, sorted by path; hidden entries and sidecars skipped."""
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not _hidden(d)]
            found.extend(
                Path(dirpath) / name for name in filenames if not _hidden(name) and name != SIDECAR
            )
        yield from sorted(found, key=lambda p: p.relative_to(root).parts)

    # --------------------------------------------------------------------------- reading

    def read_path(self, path: Path) -> Iterator[Item]:
        label = str(path)
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is None:
            yield _fail(
                "unknown_format",
                f"unknown format '{path.suffix or '(no extension)'}'; "
                f"use one of {', '.join(sorted(EXTENSIONS))}",
                path=label,
            )
            return
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                yield _fail(
                    "too_large",
                    f"file is {size} bytes, over ingest.max_bytes={self.max_bytes}; "
                    "split it or raise the limit",
                    path=label,
                )
                return
            data = path.read_bytes()
        except OSError as exc:
            yield _fail("not_found", f"cannot read: {exc.strerror or exc}", path=label)
            return
        if not data.strip():
            yield _fail("empty", "empty file", path=label)
            return
        if b"\x00" in data[:SNIFF_BYTES]:
            yield _fail("undecodable", "binary file (NUL bytes), not text", path=label)
            return
        if kind == "html":
            yield self._html(data, path=label)
        elif kind == "feed":
            yield from self._feed(data, path=label)
        else:
            try:
                text = self._decode(data)
            except InputError as exc:
                yield Failure.from_error(exc.at(path=label))
                return
            if kind == "txt":
                yield self._txt(text, path=path)
            elif kind == "jsonl":
                yield from iter_jsonl(text, path=label)
            elif kind == "json":
                yield from iter_json(text, path=label)
            else:
                yield from iter_csv(text.lstrip("\ufeff"), path=label)

    def _decode(self, data: bytes) -> str:
        for enc in self.encodings:
            try:
                return data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
        raise InputError(
            f"bytes are not valid in any of ingest.encodings ({', '.join(self.encodings)}); "
            "re-save the file as UTF-8 or add its encoding",
            code=CODES["undecodable"],
        )

    def _txt(self, text: str, *, path: Path) -> Item:
        label = str(path)
        fields, body = parse_txt(text)
        entry = self._sidecar(path.parent).entries.get(path.name)
        if entry:
            fields = {**fields, **entry}
        if not body.strip():
            return _fail("empty", "no article text (only front matter or a title)", path=label)
        try:
            return make_document(fields, text=body, origin=label, fmt="txt")
        except CommuniqueError as exc:
            return Failure.from_error(exc.at(path=label))

    def _sidecar(self, folder: Path) -> Sidecar:
        if folder not in self.sidecars:
            car = Sidecar()
            file = folder / SIDECAR
            if file.is_file():
                try:
                    car = read_sidecar(self._decode(file.read_bytes()), path=str(file))
                except (OSError, InputError) as exc:
                    err = InputError(f"cannot read sidecar: {exc}", code=CODES["bad_sidecar"])
                    car.failures.append(Failure.from_error(err.at(path=str(file))))
                for name in car.entries:
                    if not (folder / name).is_file():
                        log.warning("%s names %r, which is not in %s", file, name, folder)
            self.sidecars[folder] = car
            self.pending.extend(car.failures)
        return self.sidecars[folder]

    def _html(self, data: bytes, *, path: str) -> Item:
        page = extract_page(data)
        if page is None:
            return _fail(
                "no_article",
                "no article text found in the page (navigation or scripts only?)",
                path=path,
            )
        record = {
            "title": page.title,
            "author": page.author,
            "published": page.date,
            "source": page.sitename,
            "url": page.url,
        }
        try:
            return make_document(record, text=page.text, origin=path, fmt="html")
        except CommuniqueError as exc:
            return Failure.from_error(exc.at(path=path))

    def _feed(self, data: bytes, *, path: str) -> Iterator[Item]:
        try:
            root = parse_feed(data)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if isinstance(exc.lineno, int) else None
            yield _fail("bad_feed", f"not well-formed XML ({exc.msg})", path=path, line=line)
            return
        kind = feed_kind(root)
        if kind is None:
            yield _fail(
                "unknown_format",
                f"XML root <{etree.QName(root).localname}> is neither an RSS nor an Atom feed",
                path=path,
            )
            return
        yield from iter_feed(root, path=path, kind=kind)

    def drain(self) -> Iterator[Failure]:
        while self.pending:
            yield self.pending.pop(0)

    def read_stdin(self, stream: TextIO) -> Iterator[Item]:
        """stdin is JSONL when every non-blank line is a JSON object, else one .txt article."""
        text = stream.read()
        if len(text.encode("utf-8", "replace")) > self.max_bytes:
            yield _fail(
                "too_large", f"stdin is over ingest.max_bytes={self.max_bytes}", path=STDIN_ORIGIN
            )
            return
        if not text.strip():
            yield _fail("empty", "stdin is empty", path=STDIN_ORIGIN)
            return
        if _all_json_objects(text):
            yield from iter_jsonl(text, path=STDIN_ORIGIN)
            return
        fields, body = parse_txt(text)
        try:
            yield make_document(fields, text=body, origin=STDIN_ORIGIN, fmt="stdin")
        except CommuniqueError as exc:
            yield Failure.from_error(exc.at(path=STDIN_ORIGIN))


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _all_json_objects(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines:
        s = ln.strip()
        if not (s.startswith("{") and s.endswith("}")):
            return False
        try:
            if not isinstance(json.loads(s), dict):
                return False
        except json.JSONDecodeError:
            return False
    return bool(lines)


def iter_sources(
    paths: Sequence[str], *, options: Options, stdin: TextIO | None = None
) -> Iterator[SourceDocument | Failure]:
    """Every document in ``paths`` (files, folders, globs, ``-`` for stdin), in a stable order.

    Bad inputs come out as :class:`Failure` records (``InputError`` codes C101-C113) in the
    same stream; iteration always goes on to the next input.
    """
    reader = _Reader(options)
    for arg in paths:
        if arg == STDIN:
            yield from reader.read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        for target in reader.expand(arg):
            if isinstance(target, Failure):
                yield target
                continue
            for item in reader.read_path(target):
                yield item
                yield from reader.drain()
