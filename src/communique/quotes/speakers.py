"""Turning a speaker phrase ("Blinken", "he", "the spokesman") into the actor meant.

Names go through the actors stage (``actor_for_span`` / ``resolve_text``: name, country, sector,
office on the date). Pronouns stand for the most recent compatible person (or group) named
*outside* quoted words before the quote; title phrases ("the secretary") for the most recent
person introduced with that title. When the actors stage knows nothing, the phrase itself is
kept as the speaker's text so the attribution is not lost.
"""

from __future__ import annotations

__all__ = ["SpeakerResolver"]

import bisect
import logging
from collections.abc import Callable
from typing import Any

from communique.quotes.lexicon import CueLexicon
from communique.records import ActorRef, Mention

log = logging.getLogger(__name__)

_actors: Any
try:  # the actors stage is another package; quotes still work (less well) without it
    from communique import actors as _actors
except Exception:  # pragma: no cover - depends on what is installed
    log.warning("communique.actors unavailable; quote speakers are read from the text only")
    _actors = None

PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# How many tokens before a person's name may hold the title that introduced them
# ("Chinese Foreign Ministry spokesman Zhao Lijian"): chosen by reading typical bylines.
TITLE_WINDOW = 8
_COUNTRY_PREFIX = "country:"
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})


class SpeakerResolver:
    """Per-document resolver: knows the mentions, the entities and the quoted regions."""

    def __init__(
        self,
        analysis: Any,
        lexicon: CueLexicon,
        *,
        quoted: list[tuple[int, int]],
        actor_for_span: Callable[..., ActorRef | None] | None = None,
    ) -> None:
        self.a = analysis
        self.doc = analysis.doc
        self.text: str = analysis.document.text if analysis.document else analysis.doc.text
        self.lex = lexicon
        self.quoted = sorted(quoted)
        self._q_starts = [q[0] for q in self.quoted]
        self.mentions: list[Mention] = sorted(analysis.mentions or [], key=lambda m: m.start)
        self._actor_for_span = actor_for_span
        if self._actor_for_span is None and _actors is not None:
            self._actor_for_span = getattr(_actors, "actor_for_span", None)
        self._tok_starts = [t.idx for t in self.doc]
        self.people = self._people()
        self.groups = [e for e in self.doc.ents if e.label_ in GROUP_LABELS and not self.in_quote(e.start_char)]

    # ------------------------------------------------------------------ helpers
    def _people(self) -> list[Any]:
        """Persons named outside quoted words: spaCy's PERSON entities and the actors stage's
        person mentions (it knows "Yang Jiechi" even where spaCy calls him an ORG), minus
        entities the actors stage reads as a country ("Tbilisi" mis-tagged as a person)."""
        spans = [e for e in self.doc.ents if e.label_ in PERSON_LABELS]
        taken = [(e.start_char, e.end_char) for e in spans]
        for m in self.mentions:
            if not _is_person(m.actor) or any(m.start < b and a < m.end for a, b in taken):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                taken.append((m.start, m.end))
        out = []
        for e in sorted(spans, key=lambda x: x.start_char):
            if self.in_quote(e.start_char):
                continue
            found = self._mention_at(e.start_char, e.end_char)
            if found is not None and (found.actor.actor_id or "").startswith(_COUNTRY_PREFIX):
                continue
            out.append(e)
        return out

    def in_quote(self, pos: int) -> bool:
        j = bisect.bisect_right(self._q_starts, pos) - 1
        return j >= 0 and self.quoted[j][0] <= pos < self.quoted[j][1]

    def _mention_at(self, start: int, end: int) -> Mention | None:
        best, overlap = None, 0
        for m in self.mentions:
            if m.start >= end:
                break
            ov = min(end, m.end) - max(start, m.start)
            if ov > overlap:
                best, overlap = m, ov
        return best

    def actor_at(self, start: int, end: int) -> ActorRef | None:
        """The actors stage's reading of a span, or the overlapping mention."""
        if self._actor_for_span is not None:
            try:
                ref = self._actor_for_span(self.a, start, end)
                if ref is not None:
                    return ref
            except Exception:  # a bug there must not cost the quote
                log.exception("actor_for_span failed on %s [%d:%d]", self.a.doc_id, start, end)
        m = self._mention_at(start, end)
        return m.actor if m else None

    def _resolve_text(self, text: str, start: int) -> ActorRef | None:
        if _actors is None or not hasattr(_actors, "resolve_text"):
            return None
        try:
            res = _actors.resolve_text(text, date=self.a.date, context=self.text[max(0, start - 300) : start])
        except Exception:
            log.exception("resolve_text failed on %r", text)
            return None
        return getattr(res, "actor", None) if res is not None else None

    def _named(self, start: int, end: int) -> ActorRef:
        """A named speaker: the actors stage's answer, else the full name introduced earlier
        ("Yang" after "Yang Jiechi"), else the words themselves."""
        text = self.text[start:end]
        ref = self.actor_at(start, end)
        if ref is not None:
            return ref if ref.text == text else _with_text(ref, text)
        last = text.split()[-1] if text.split() else text
        for e in reversed(self.people):
            if e.start_char >= start:
                continue
            if e.text != text and e.text.split()[-1] == last:
                ref = self.actor_at(e.start_char, e.end_char)
                return _with_text(ref, text) if ref else ActorRef(text=text, name=e.text)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        words = text.split()
        toks = list(span) if span is not None else []
        proper = any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks) or (
            bool(words)
            and all(w[:1].isupper() for w in words)
            and words[0].lower() not in _DETERMINERS
            # a capitalised common noun opening a sentence ("Critics said") is no name
            and not (len(toks) == 1 and toks[0].pos_ in ("NOUN", "ADJ", "PRON", "DET"))
        )
        return ActorRef(text=text, name=text if proper else None)

    # ------------------------------------------------------------------ public
    def resolve(self, start: int, end: int, before: int) -> ActorRef:
        """The actor for the speaker phrase at ``[start, end)``; ``before`` is where the quote
        begins (antecedents must come before it and outside quoted words)."""
        text = self.text[start:end].strip()
        low = text.lower()
        words = low.split()
        if low in self.lex.person_pronouns:
            return self._last_person(min(start, before), text)
        if low in self.lex.group_pronouns:
            return self._last_group(min(start, before), text)
        if (
            words and len(words) <= 2 and words[0] in ("the", words[-1])
            and words[-1].endswith("s") and words[-1][:-1] in self.lex.titles
        ):
            group = self._last_plural_title(words[-1], min(start, before), text)
            if group is not None:
                return group
        if len(words) == 2 and words[0] == "the" and words[1] in self.lex.body_nouns:
            body = self._last_body(words[1], min(start, before), text)
            if body is not None:
                return body
        is_title = bool(words) and words[-1] in self.lex.titles and not any(
            t.ent_type_ == "PERSON" for t in self.doc.char_span(start, end, alignment_mode="expand") or []
        )
        if is_title:
            ref = self.actor_at(start, end)
            if ref is not None and ref.name:
                return _with_text(ref, text)
            holder = self._title_holder(words[-1], min(start, before), text)
            if holder is not None:
                return holder
            ref = self._resolve_text(text, start)
            return _with_text(ref, text) if ref is not None else ActorRef(text=text)
        return self._named(start, end)

    def _last_person(self, pos: int, text: str) -> ActorRef:
        """The person a pronoun stands for: the latest one in subject position within the
        current and previous sentence (salience), else the latest person named before."""
        before = [e for e in self.people if e.end_char <= pos]
        if before:
            i = max(0, bisect.bisect_left(self._tok_starts, pos) - 1)
            tok = self.doc[i]
            window_start = tok.sent.start
            prev_sent = self.doc[window_start - 1].sent if window_start > 0 else None
            if prev_sent is not None:
                window_start = prev_sent.start
            for e in reversed(before):
                if e.start >= window_start and e.root.dep_ in ("nsubj", "nsubjpass"):
                    return _with_text(self._named(e.start_char, e.end_char), text)
            e = before[-1]
            return _with_text(self._named(e.start_char, e.end_char), text)
        for m in reversed(self.mentions):
            if m.end <= pos and not self.in_quote(m.start) and m.actor.office:
                return _with_text(m.actor, text)
        return ActorRef(text=text)

    def _last_plural_title(self, noun: str, pos: int, text: str) -> ActorRef | None:
        """"The officials said" stands for the last officials named with a side before
        ``pos`` ("Indian army officials briefed reporters ... the officials said")."""
        i = bisect.bisect_left(self._tok_starts, pos) - 1
        for tok in reversed(self.doc[: max(0, i) + 1]):
            if tok.lower_ != noun or tok.idx >= pos or self.in_quote(tok.idx):
                continue
            left = tok.left_edge
            if left.i == tok.i or all(t.dep_ == "det" for t in self.doc[left.i : tok.i]):
                continue  # "the officials" again: no side named
            ref = self._named(left.idx, tok.idx + len(tok))
            if ref.country:
                return _with_text(ref, text)
        return None

    def _last_body(self, noun: str, pos: int, text: str) -> ActorRef | None:
        """The last organisation named before ``pos`` (outside quotes) whose name ends in
        ``noun``: "the department" after "the State Department"."""
        spans = [(e.start_char, e.end_char) for e in self.doc.ents if e.label_ in ("ORG", "GPE", "NORP")]
        spans += [(m.start, m.end) for m in self.mentions]
        best: tuple[int, int] | None = None
        for a, b in spans:
            if b > pos or self.in_quote(a):
                continue
            name = self.text[a:b].strip().lower().split()
            if len(name) > 1 and name[-1] == noun and (best is None or a > best[0]):
                best = (a, b)
        if best is None:
            return None
        return _with_text(self._named(*best), text)

    def _plural_subject(self, pos: int) -> tuple[int, int, bool] | None:
        """The latest plural or coordinated subject in the current and previous sentence before
        ``pos``, outside quotes ("the two countries said ... They agreed"): 'they' stands for
        it, not for the last nationality adjective named. Returns (start, end, coordinated)."""
        i = max(0, bisect.bisect_left(self._tok_starts, pos) - 1)
        if not len(self.doc):
            return None
        start = self.doc[i].sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for tok in reversed(self.doc[start : i + 1]):
            if tok.idx >= pos or self.in_quote(tok.idx) or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if tok.pos_ == "PRON" or not (tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")):
                continue  # main clauses only: not "after Russian envoys left"
            coordinated = any(c.dep_ == "conj" for c in tok.children) or any(
                c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in tok.children
            )
            if tok.tag_ in ("NNS", "NNPS") or coordinated:
                left = min(t.i for t in tok.subtree)
                right = max(t.i for t in tok.subtree)
                return self.doc[left].idx, self.doc[right].idx + len(self.doc[right]), coordinated
        return None

    def _last_group(self, pos: int, text: str) -> ActorRef:
        subj = self._plural_subject(pos)
        if subj is not None:
            a, b, coordinated = subj
            # "Chinese and Indian diplomats": two sides, so no one country speaks
            ref = None if coordinated else self.actor_at(a, b)
            if ref is not None and (ref.name or ref.country):
                return _with_text(ref, text)
            return ActorRef(text=text, name=self.text[a:b])
        for e in reversed(self.groups):
            if e.end_char <= pos:
                ref = self.actor_at(e.start_char, e.end_char)
                return _with_text(ref, text) if ref else ActorRef(text=text, name=e.text)
        return ActorRef(text=text)

    def _title_holder(self, title: str, pos: int, text: str) -> ActorRef | None:
        """The last person before ``pos`` introduced with ``title`` (in the words before the
        name, in an appositive after it, or in the office the actors stage knows)."""
        for e in reversed(self.people):
            if e.end_char > pos:
                continue
            left = []
            for t in reversed(self.doc[max(0, e.start - TITLE_WINDOW) : e.start]):
                if t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" or t.is_sent_end:
                    break  # the title belongs to someone else ("Secretary Blinken met Yang")
                left.append(t)
            right = self.doc[e.end : min(len(self.doc), e.end + TITLE_WINDOW)]
            right_words = []
            for t in right:
                if t.text in ".;":
                    break
                right_words.append(t.lower_)
            near = {t.lower_ for t in left} | set(right_words)
            ref = self.actor_at(e.start_char, e.end_char)
            office = (ref.office or "").lower() if ref else ""
            if title in near or title in office.split():
                return _with_text(ref, text) if ref else ActorRef(text=text, name=e.text)
        for m in reversed(self.mentions):
            if m.end <= pos and m.actor.office and title in m.actor.office.lower().split():
                return _with_text(m.actor, text)
        return None


def _is_person(ref: ActorRef) -> bool:
    """A person in the actors knowledge: holds an office, or has a plain id (organisations and
    countries carry a kind prefix such as ``org:`` / ``country:``)."""
    return ref.office is not None or (ref.actor_id is not None and ":" not in ref.actor_id)


def _with_text(ref: ActorRef, text: str) -> ActorRef:
    """The same actor, carrying the words used for it here."""
    return ActorRef(
        text=text, name=ref.name, country=ref.country, sector=ref.sector, actor_id=ref.actor_id, office=ref.office
    )
