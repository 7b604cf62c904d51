"""Finding quoted passages by their quotation marks, before any parsing.

News text mixes straight and curly marks, single and double ones, apostrophes that look like
closing single quotes, and quotes that run over several paragraphs (journalistic convention: a
paragraph that ends inside a quote has no closing mark, and the next paragraph reopens it). This
module only pairs marks; who said the words is decided in :mod:`communique.quotes.attribute`.

An unbalanced mark costs only the quote it belongs to: the pairing drops that one span, logs it,
and carries on with the rest of the text.
"""

from __future__ import annotations

__all__ = ["QuoteSpan", "find_quote_spans", "paragraph_bounds", "QUOTE_CHARS"]

import bisect
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
# Characters after which a straight mark opens a quote rather than closing one.
_OPENERS_BEFORE = " \t\n([{\u2014\u2013-/:" + DOUBLE_OPEN + SINGLE_OPEN
_PARA_RX = re.compile(r"[^\n]+")
# An opened double quote that its paragraph never closes (and the next paragraph does not
# reopen) still counts as a quote up to the paragraph end when it holds this many words: a
# forgotten closing mark, not a stray one. Shorter runs ('read "unfinished') are dropped. Set by
# reading the unbalanced-mark cases in tests/quotes; re-run them on change.
MIN_UNCLOSED_WORDS = 4


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted passage: ``open``/``close`` are the positions of the outer marks; ``pieces``
    the content ranges (several when the quote runs over paragraphs)."""

    open: int
    close: int
    pieces: tuple[tuple[int, int], ...]
    double: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[a:b].strip() for a, b in self.pieces).strip()


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the text: news paragraphs are one line each after cleaning."""
    return [(m.start(), m.end()) for m in _PARA_RX.finditer(text) if m.group().strip()]


def _kind(text: str, i: int, *, double: bool) -> str | None:
    """'open', 'close' or None (not a quote mark / an apostrophe / undecidable)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if double:
        if ch in DOUBLE_OPEN:
            return "open"
        if ch in DOUBLE_CLOSE:
            return "close"
        if ch != '"':
            return None
    else:
        if ch in SINGLE_OPEN:
            return "open" if not nxt.isspace() else None
        if ch == "\u2019" or ch == "'":
            if prev.isalnum() and nxt.isalnum():
                return None  # it's, Clinton's, don't
            if ch == "'" and (prev in _OPENERS_BEFORE) and (nxt.isalnum() or nxt in "\u201c\""):
                return "open"
            if not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)\u2014\u2013-\"\u201d" or i + 1 == len(text)):
                return "close"
            return None
        if ch in SINGLE_CLOSE:
            return "close"
        return None
    # straight double quote: decide by its neighbours
    if prev in _OPENERS_BEFORE and not nxt.isspace():
        return "open"
    if not prev.isspace():
        return "close"
    if not nxt.isspace():
        return "open"
    return None


def _marks(text: str, lo: int, hi: int, *, double: bool) -> list[tuple[int, str]]:
    chars = (DOUBLE_OPEN + DOUBLE_CLOSE + '"') if double else (SINGLE_OPEN + SINGLE_CLOSE + "'")
    out = []
    for i in range(lo, hi):
        if text[i] in chars:
            k = _kind(text, i, double=double)
            if k:
                out.append((i, k))
    return out


def _opens_paragraph(text: str, para: tuple[int, int], mark: tuple[int, str] | None) -> bool:
    if mark is None or mark[1] != "open":
        return False
    lead = text[para[0] : mark[0]]
    return not lead.strip()


def _pair(
    text: str, paras: list[tuple[int, int]], *, double: bool, skip: list[tuple[int, int]]
) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    skip_starts = [a for a, _ in skip]
    per_para = []
    for a, b in paras:
        marks = _marks(text, a, b, double=double)
        if skip:  # single marks inside double quotes are nested quotes, not top-level ones
            kept = []
            for pos, k in marks:
                j = bisect.bisect_right(skip_starts, pos) - 1
                if j >= 0 and skip[j][0] <= pos < skip[j][1]:
                    continue
                kept.append((pos, k))
            marks = kept
        per_para.append(marks)
    open_at: int | None = None
    start = 0
    pieces: list[tuple[int, int]] = []
    for pi, (para, marks) in enumerate(zip(paras, per_para, strict=True)):
        for mi, (pos, kind) in enumerate(marks):
            if open_at is not None and pieces and mi == 0 and pos == marks[0][0] and kind == "open":
                # continuation opening mark of a paragraph (already joined below)
                start = pos + 1
                continue
            if kind == "open":
                if open_at is not None:
                    log.debug("quote mark at %d never closed; dropping that quote only", open_at)
                open_at, start, pieces = pos, pos + 1, []
            elif open_at is None:
                log.debug("stray closing quote mark at %d ignored", pos)
            else:
                pieces.append((start, pos))
                spans.append(QuoteSpan(open_at, pos, tuple(pieces), double))
                open_at, pieces = None, []
        if open_at is not None:
            nxt = per_para[pi + 1][0] if pi + 1 < len(per_para) and per_para[pi + 1] else None
            if double and pi + 1 < len(paras) and _opens_paragraph(text, paras[pi + 1], nxt):
                pieces.append((start, para[1]))  # runs on into the next paragraph
            elif double and len(text[start : para[1]].split()) >= MIN_UNCLOSED_WORDS:
                # a statement whose closing mark was forgotten ends with its paragraph
                log.debug("quote opened at %d has no closing mark; closed at its paragraph end", open_at)
                pieces.append((start, para[1]))
                spans.append(QuoteSpan(open_at, para[1], tuple(pieces), double))
                open_at, pieces = None, []
            else:
                log.debug("quote opened at %d has no closing mark in its paragraph; dropped", open_at)
                open_at, pieces = None, []
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All top-level quoted passages, in text order: double-quoted ones, then single-quoted ones
    that are not nested inside a double-quoted passage."""
    paras = paragraph_bounds(text)
    doubles = _pair(text, paras, double=True, skip=[])
    outer = sorted((q.open, q.close + 1) for q in doubles)
    singles = _pair(text, paras, double=False, skip=outer)
    singles = [q for q in singles if len(q.text(text).split()) >= 2 or q.text(text).endswith(("!", "?"))]
    return sorted(doubles + singles, key=lambda q: q.open)
