"""Issues by side: which topics each country raised, found in event sentences and quotes.

Why attribution works this way: a topic named in a quote belongs to whoever is quoted, and a topic
named in an event sentence belongs to the side that acts in that sentence ("Blinken raised
concerns about Xinjiang" → USA; "Yang warned the US over Taiwan" → CHN). When the event was
reported by a third party ("X said Y refused ..."), the reporter is the side talking about it.
Inside a quote the speaker alone gets the topic; in a sentence with several statements the one
governing the cue does (the nearest trigger before it). A topic named in a sentence with no event
and no quote has no side and is not counted; neither is
one named only in a material event (SANCTION, ASSAULT, ...), where the cue is the act itself.

Topics are knowledge: ``stories/data/issues.toml`` plus the user files in
``stories.issue_files``, loaded and validated through :mod:`communique.knowledge`.
"""

from __future__ import annotations

__all__ = [
    "Issue",
    "IssueBook",
    "PLOVER_CONTEXTS",
    "load_issues",
    "find_issue_mentions",
]

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError
from communique.knowledge import Validator, check_pattern, data_path, read_toml
from communique.records import Event, Quote

log = logging.getLogger(__name__)

PLOVER_CONTEXTS: frozenset[str] = frozenset(
    """military intelligence executive legislative election political_institutions pro_democracy
    pro_autocracy economic legal reparations human_rights rights_freedoms repression
    human_security gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping
    health asylum migration disasters natural_resource environment technology terrorism cbrn
    cyber misinformation crime corruption illegal_drugs trafficking""".split()
)
"""The 37 PLOVER contexts (reference/plover.md §3)."""

BUILTIN_FILE = "issues.toml"
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_CODE = re.compile(r"[A-Z]{3}\Z")
# A cue shorter than this is refused unless written as a pattern: two letters as a phrase
# ("AI", "EU") would match inside ordinary words once case is ignored.
MIN_CUE_CHARS = 3


@dataclass(frozen=True, slots=True)
class Issue:
    name: str
    label: str
    contexts: tuple[str, ...]
    cues: tuple[str, ...]  # lower-case phrases, single-spaced; a trailing "*" allows any ending
    patterns: tuple[re.Pattern[str], ...] = ()
    self_country: str | None = None  # the country the issue is about as a whole (PRK, IRN)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _trie_regex(cues: Iterable[str]) -> str:
    """One regex for all cue phrases, shaped as a trie (shared prefixes written once), so a text
    is scanned once instead of once per cue; Python's ``re`` does not do this by itself."""
    trie: dict[str, Any] = {}
    for cue in cues:
        node = trie
        for ch in cue.rstrip("*"):
            node = node.setdefault(ch, {})
        node["*" if cue.endswith("*") else ""] = True

    def emit(node: dict[str, Any]) -> str:
        options = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch])
            for ch in sorted(k for k in node if k not in ("", "*"))
        ]
        if "*" in node:
            options.append(r"\w*")
        if "" in node:
            options.append("")
        if len(options) == 1:
            return options[0]
        return "(?:" + "|".join(options) + ")"

    return emit(trie)


class IssueBook:
    """The loaded issue topics; :meth:`find` returns (issue, start, end) matches in a text."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        self.by_name = {i.name: i for i in self.issues}
        self._exact: dict[str, list[Issue]] = {}
        self._stems: list[tuple[str, Issue]] = []
        for issue in self.issues:
            for cue in issue.cues:
                if cue.endswith("*"):
                    self._stems.append((cue[:-1], issue))
                else:
                    self._exact.setdefault(cue, []).append(issue)
        cues = {c for i in self.issues for c in i.cues}
        self._regex = re.compile(rf"(?<!\w)(?:{_trie_regex(sorted(cues))})(?!\w)", re.I) if cues else None

    def __len__(self) -> int:
        return len(self.issues)

    def _owners(self, matched: str) -> list[Issue]:
        norm = _norm(matched)
        owners = list(self._exact.get(norm, ()))
        for stem, issue in self._stems:
            if norm.startswith(stem) and issue not in owners and _WORDISH.fullmatch(norm[len(stem):]):
                owners.append(issue)
        return owners

    def find(self, text: str) -> list[tuple[Issue, int, int]]:
        found: set[tuple[str, int, int]] = set()
        out: list[tuple[Issue, int, int]] = []
        if self._regex is not None:
            for m in self._regex.finditer(text):
                for issue in self._owners(m.group()):
                    found.add((issue.name, m.start(), m.end()))
                    out.append((issue, m.start(), m.end()))
        for issue in self.issues:
            for rx in issue.patterns:
                for m in rx.finditer(text):
                    overlaps = any(
                        n == issue.name and s < m.end() and m.start() < e for n, s, e in found
                    )
                    if not overlaps and m.end() > m.start():
                        found.add((issue.name, m.start(), m.end()))
                        out.append((issue, m.start(), m.end()))
        out.sort(key=lambda t: (t[1], t[0].name))
        return out


_WORDISH = re.compile(r"\w*")


def _parse_file(path: Path, into: dict[str, dict[str, Any]]) -> None:
    data = read_toml(path)
    entries = data.get("issue")
    if not isinstance(entries, list) or not entries:
        raise KnowledgeError(
            "an issue file needs one or more [[issue]] tables (name, label, contexts, cues)",
            code="C370",
            path=str(path),
        )
    for n, rec in enumerate(entries, start=1):
        if not isinstance(rec, dict):
            raise KnowledgeError(f"[[issue]] #{n} is not a table", code="C370", path=str(path))
        v = Validator(f"{path} [[issue]] #{n}", rec)
        name = v.str("name")
        if not _NAME.match(name):
            raise v.fail(f"issue name {name!r} must be snake_case (a-z, 0-9, _)", code="C371")
        label = v.str("label", required=name not in into)
        contexts = v.list("contexts", item=lambda c: isinstance(c, str))
        bad = [c for c in contexts if c not in PLOVER_CONTEXTS]
        if bad:
            raise v.fail(
                f"unknown PLOVER context(s) {bad} in issue {name!r}; use one of {sorted(PLOVER_CONTEXTS)}",
                code="C372",
            )
        cues = v.list("cues", item=lambda c: isinstance(c, str))
        patterns = v.list("patterns", item=lambda c: isinstance(c, str))
        for cue in cues:
            if len(cue.strip().rstrip("*")) < MIN_CUE_CHARS:
                raise v.fail(
                    f"cue {cue!r} of issue {name!r} is shorter than {MIN_CUE_CHARS} characters; "
                    "write it as a case-sensitive pattern instead, e.g. '(?-i:\\\\bAI\\\\b)'",
                    code="C373",
                )
        compiled = [check_pattern(p, path=str(path), line=None) for p in patterns]
        own = v.str("self", required=False)
        if own is not None and not _CODE.match(own):
            raise v.fail(f"'self' of issue {name!r} must be a 3-letter country code, got {own!r}", code="C376")
        slot = into.setdefault(
            name, {"label": label or name, "contexts": [], "cues": [], "patterns": [], "self": None}
        )
        if label:
            slot["label"] = label
        if own:
            slot["self"] = own
        slot["contexts"] += [c for c in contexts if c not in slot["contexts"]]
        slot["cues"] += [n for n in (_norm(c) for c in cues) if n not in slot["cues"]]
        slot["patterns"] += compiled
        if not slot["cues"] and not slot["patterns"]:
            raise v.fail(f"issue {name!r} has no cues and no patterns", code="C374")


def load_issues(files: Iterable[str | Path] = (), *, builtin: bool = True) -> IssueBook:
    """The built-in topics plus user files (an existing name gets the extra cues)."""
    raw: dict[str, dict[str, Any]] = {}
    paths = ([data_path("stories", BUILTIN_FILE)] if builtin else []) + [Path(f) for f in files]
    for p in paths:
        if not p.exists():
            raise KnowledgeError(
                "issue file not found; check [stories] issue_files", code="C375", path=str(p)
            )
        _parse_file(p, raw)
    issues = []
    for name, slot in raw.items():
        issues.append(Issue(
            name, slot["label"], tuple(slot["contexts"]), tuple(slot["cues"]), tuple(slot["patterns"]),
            slot["self"],
        ))
    log.debug("loaded %d issue topics from %d file(s)", len(issues), len(paths))
    return IssueBook(issues)


# Event types in which the acting side *says* something (PLOVER verbal cooperation and verbal
# conflict). In a material event the cue is usually the act itself ("new US sanctions" is what
# China complained about, not an issue the US raised), so those sentences attribute nothing.
VERBAL_TYPES: frozenset[str] = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
)
MEETING_TYPES: frozenset[str] = frozenset({"CONSULT"})


def _sides_of_event(e: Event) -> list[str]:
    """The reporter if a third party reported the event, else every acting country (a joint
    statement "the two sides agreed ... on climate" gives the issue to both)."""
    if e.reported_by is not None and e.reported_by.country and e.reported_by.country != "---":
        return [e.reported_by.country]
    sides: list[str] = []
    for a in (e.source, *e.sources):
        if a is not None and a.country and a.country != "---" and a.country not in sides:
            sides.append(a.country)
    return sides


def _governing_event(sentence_events: Sequence[Event], cue_at: int) -> Event:
    """The statement a cue belongs to: the nearest statement whose trigger comes before the cue
    ("Blinken pressed Wang on Russia, and Wang accused Washington over export controls" gives
    export controls to Wang), preferring statements to meetings; with no trigger before the cue,
    the sentence's first statement."""
    statements = [e for e in sentence_events if e.type not in MEETING_TYPES] or list(sentence_events)

    def at(e: Event) -> int:
        return e.trigger_span[0] if e.trigger_span is not None else e.span[0]

    before = [e for e in statements if at(e) <= cue_at]
    if before:
        return max(before, key=lambda e: (at(e), e.id))
    return min(statements, key=lambda e: (at(e), e.id))


def find_issue_mentions(
    events: Sequence[Event], quotes: Sequence[Quote], book: IssueBook
) -> list[dict[str, Any]]:
    """Every attributed issue mention: side, issue, context, doc_id, event_id/quote_id,
    evidence sentence and the character span of the cue in the cleaned document text.

    A cue inside a quote belongs to the speaker alone; a cue elsewhere in an event sentence
    belongs to the sides of the statement that governs it (:func:`_governing_event`)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str, int]] = set()
    quoted: set[tuple[str, int]] = set()  # (doc_id, cue start) already attributed by a quote
    for q in quotes:
        side = q.speaker.country if q.speaker is not None else None
        if not side or side == "---":
            continue
        for issue, s, e in book.find(q.text):
            quoted.add((q.doc_id, q.span[0] + s))
            key = (side, issue.name, q.doc_id, q.span[0] + s)
            if key in seen or side == issue.self_country:
                continue
            seen.add(key)
            out.append({
                "side": side, "issue": issue.name, "context": list(issue.contexts),
                "doc_id": q.doc_id, "event_id": q.event_id, "quote_id": q.id,
                "evidence": q.text, "cue": q.text[s:e], "span": [q.span[0] + s, q.span[0] + e],
            })
    by_sentence: dict[tuple[str, tuple[int, int]], list[Event]] = {}
    for ev in events:
        if not ev.negated and ev.type in VERBAL_TYPES:
            by_sentence.setdefault((ev.doc_id, ev.span), []).append(ev)
    for (doc_id, span), sentence_events in by_sentence.items():
        sentence = sentence_events[0].sentence
        for issue, s, e in book.find(sentence):
            at = span[0] + s
            if (doc_id, at) in quoted:
                continue
            ev = _governing_event(sentence_events, at)
            for side in _sides_of_event(ev):
                key = (side, issue.name, doc_id, at)
                if key in seen or side == issue.self_country:
                    continue
                seen.add(key)
                out.append({
                    "side": side, "issue": issue.name, "context": list(issue.contexts),
                    "doc_id": doc_id, "event_id": ev.id, "quote_id": None,
                    "evidence": sentence, "cue": sentence[s:e], "span": [at, span[0] + e],
                })
    return out
