"""Ingest: files, folders, globs and stdin in; :class:`SourceDocument` (or :class:`Failure`) out.

Formats: ``.txt`` (front matter + folder sidecar ``metadata.jsonl``), ``.html``/``.htm``
(trafilatura), ``.jsonl``/``.json``/``.csv`` records, RSS 2.0 / Atom feeds (``.xml``, ``.rss``,
``.atom``; detected by root element). Bad inputs are reported as ``Failure`` records with
``InputError`` codes C101-C113 (see :data:`communique.ingest.common.CODES`).
"""

from __future__ import annotations

__all__ = ["iter_sources", "content_id", "normalise_date", "parse_txt", "CODES", "EXTENSIONS"]

from communique.ingest.common import CODES, content_id
from communique.ingest.dates import normalise_date
from communique.ingest.sources import EXTENSIONS, iter_sources
from communique.ingest.txt import parse_txt
