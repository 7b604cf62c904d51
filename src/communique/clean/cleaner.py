"""Turn a SourceDocument into a clean Document: boilerplate out (recorded), whitespace tidy.

Every removed piece is kept as a :class:`RemovedSpan` with its offsets into the raw text and the
rule's reason, so nothing disappears silently and a reviewer can see what cleaning did.
Quote marks are never changed (the quote stage depends on them); only a curly apostrophe
inside a word becomes a straight one.
"""

from __future__ import annotations

__all__ = ["clean_document", "clean_text", "Cleaned", "normalise_paragraph", "FLAG_CODES"]

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field

from communique.clean.rules import NAME_GROUPS, Rule, Rules
from communique.records import Document, Flag, RemovedSpan, SourceDocument

# A paywall prompt followed by fewer words than this is a stub, not an article. Tuned by hand:
# news briefs run 150+ words, paywall teasers 40-100 (tests/clean/test_flags.py has both sides).
PAYWALL_STUB_WORDS = 120
# Reasons that show an encyclopedia page; the tagline alone is enough, else this many kinds.
ENCYCLOPEDIA_REASONS = frozenset(
    {
        "encyclopedia_tagline",
        "encyclopedia_hatnote",
        "reference_heading",
        "reference_entry",
        "edit_marker",
        "citation_marker",
    }
)
ENCYCLOPEDIA_MIN_KINDS = 2
FLAG_CODES = ("empty_after_cleaning", "paywall_stub", "bad_published_date", "non_news_page")

_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=\w)")
_WORD = re.compile(r"\w+")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_NAME_PLACE = re.compile(r"\s+(?:in|at|from|for)\s+.*$")
_PUNCT_AFTER = re.compile(r"^[.,;:!?)\]]")


def normalise_paragraph(text: str) -> str:
    """Entities unescaped, invisible characters dropped, spaces collapsed, apostrophes straight."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text.replace("\n", " "))
    text = _APOSTROPHE.sub("'", text)
    return text.strip()


@dataclass(slots=True)
class Cleaned:
    """What cleaning found: the text, the removals and the contributors' names."""

    text: str
    removed: list[RemovedSpan] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)


def _names(match: re.Match[str]) -> list[str]:
    out: list[str] = []
    for group in NAME_GROUPS:
        if group not in match.re.groupindex or not match.group(group):
            continue
        for part in _NAME_SPLIT.split(match.group(group)):
            name = _NAME_PLACE.sub("", part).strip(" .;,")
            if name and any(ch.isupper() for ch in name[:1]):
                out.append(name)
    return out


def _line_rule(line: str, rules: Rules) -> tuple[Rule, re.Match[str]] | None:
    probe = normalise_paragraph(line)
    for rule in rules.line:
        m = rule.pattern.fullmatch(probe)
        if m:
            return rule, m
    return None


def _inline_cuts(line: str, rules: Rules) -> list[tuple[int, int, Rule, re.Match[str]]]:
    found: list[tuple[int, int, Rule, re.Match[str]]] = []
    for rule in rules.inline:
        for m in rule.pattern.finditer(line):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda t: (t[0], -t[1]))
    cuts: list[tuple[int, int, Rule, re.Match[str]]] = []
    for cut in found:
        if cuts and cut[0] < cuts[-1][1]:
            continue  # overlaps an earlier cut
        cuts.append(cut)
    return cuts


def _splice(line: str, cuts: list[tuple[int, int, Rule, re.Match[str]]]) -> str:
    """``line`` without the cut pieces, joined with one space (none before punctuation)."""
    pieces: list[str] = []
    pos = 0
    for start, end, _, _ in cuts:
        pieces.append(line[pos:start])
        pos = end
    pieces.append(line[pos:])
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if out and not _PUNCT_AFTER.match(piece):
            out += " "
        out += piece
    return out


def clean_text(raw: str, *, rules: Rules) -> Cleaned:
    """Remove boilerplate lines and inline pieces; paragraphs come back joined by ``\\n\\n``."""
    result = Cleaned(text="")
    # A text with blank lines uses them between paragraphs (single newlines are hard wraps);
    # one without any has a paragraph per line.
    blank_separated = re.search(r"\n[ \t\u00a0]*\r?\n", raw) is not None
    paragraphs: list[list[str]] = [[]]
    pos = 0
    for line in raw.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            paragraphs.append([])
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = s + len(stripped)
        hit = _line_rule(stripped, rules)
        if hit is not None:
            rule, m = hit
            result.removed.append(RemovedSpan(stripped, rule.reason, s, e))
            if rule.reason == "contributor_line":
                result.contributors.extend(_names(m))
            continue
        cuts = _inline_cuts(stripped, rules)
        for cs, ce, rule, m in cuts:
            result.removed.append(RemovedSpan(stripped[cs:ce], rule.reason, s + cs, s + ce))
            if rule.reason == "contributor_line":
                result.contributors.extend(_names(m))
        kept = _splice(stripped, cuts) if cuts else stripped
        if not kept:
            continue
        if blank_separated:
            paragraphs[-1].append(kept)
        else:
            paragraphs.append([kept])
    paras = [normalise_paragraph(" ".join(p)) for p in paragraphs if p]
    result.text = "\n\n".join(p for p in paras if p)
    result.removed.sort(key=lambda r: (r.start, r.end))
    result.contributors = list(dict.fromkeys(result.contributors))  # unique, first order
    return result


def _flags(src: SourceDocument, cleaned: Cleaned) -> list[Flag]:
    flags: list[Flag] = []
    words = len(_WORD.findall(cleaned.text))
    if words == 0:
        flags.append(
            Flag(
                "empty_after_cleaning",
                f"nothing left after removing {len(cleaned.removed)} boilerplate piece(s)",
                evidence=cleaned.removed[0].text if cleaned.removed else None,
            )
        )
    paywall = next((r for r in cleaned.removed if r.reason == "paywall"), None)
    if paywall is not None and words < PAYWALL_STUB_WORDS:
        flags.append(
            Flag(
                "paywall_stub",
                f"paywall prompt removed and only {words} words remain (< {PAYWALL_STUB_WORDS})",
                evidence=paywall.text,
            )
        )
    raw_date = src.meta.get("published_raw")
    if raw_date and not src.published:
        flags.append(
            Flag(
                "bad_published_date",
                "publication date could not be read; the document has no date",
                evidence=str(raw_date),
            )
        )
    kinds = {r.reason for r in cleaned.removed if r.reason in ENCYCLOPEDIA_REASONS}
    if "encyclopedia_tagline" in kinds or len(kinds) >= ENCYCLOPEDIA_MIN_KINDS:
        first = next(r for r in cleaned.removed if r.reason in ENCYCLOPEDIA_REASONS)
        flags.append(
            Flag(
                "non_news_page",
                f"encyclopedia-style page ({', '.join(sorted(kinds))})",
                evidence=first.text,
            )
        )
    return flags


def _meta_text(value: str | None) -> str | None:
    if value is None:
        return None
    s = normalise_paragraph(value)
    return s or None


def clean_document(src: SourceDocument, *, rules: Rules) -> Document:
    """The cleaned Document of ``src``: text, removals, contributors, flags, content hash."""
    cleaned = clean_text(src.text, rules=rules)
    return Document(
        id=src.id,
        text=cleaned.text,
        title=_meta_text(src.title),
        source=_meta_text(src.source),
        url=src.url,
        published=src.published,
        author=_meta_text(src.author),
        origin=src.origin,
        format=src.format,
        removed=tuple(cleaned.removed),
        contributors=tuple(cleaned.contributors),
        flags=tuple(_flags(src, cleaned)),
        content_hash=hashlib.sha1(cleaned.text.encode("utf-8")).hexdigest(),
        meta=dict(src.meta),
    )
