"""The time stage: a date, a precision and a reason for every event (and a date for quotes).

The clue is looked for in the event's sentence first (a time expression attached to the trigger
in the dependency parse wins, else the one nearest the trigger; one inside a clause embedded
below the trigger dates that clause, not the event). Then comes the story's running date: a
main-clause date in the previous sentence of the same paragraph, else the last day-level
main-clause date of any earlier sentence (news tells one day's events after a lede "on
Thursday"; dates in relative clauses and flashbacks do not move it). Then the dateline. With no
clue the publication date stands, with precision "reported"; with no publication date either,
the date is None ("no date").
"""

from __future__ import annotations

__all__ = ["TimeStage", "make", "date_events", "EventDate"]

import bisect
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from communique.config import Options
from communique.records import Event, Quote
from communique.time.dateline import find_dateline
from communique.time.resolver import TimeExpr, find_expressions, parse_publication

log = logging.getLogger(__name__)

# How many dependency steps from a time expression up to the trigger still count as "attached"
# (on Friday -> met: 1-2 steps; a clause deeper belongs to another verb). Set by reading parses
# of the test sentences in tests/time; re-run them on change.
MAX_HEAD_STEPS = 3
# A statement's own date modifies its reporting verb directly ("said on Thursday": 1-2 steps);
# deeper ones date what was said ("complained that sanctions announced a day earlier ...").
QUOTE_MAX_STEPS = 2
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
# Clauses below a trigger whose dates are their own: reported content ("complained that sanctions
# announced a day earlier ..."), purposes/plans ("agreed to meet next week"), noun modifiers
# ("a meeting that had been planned for Thursday"). Coordinated verbs (conj) share a date.
_EMBED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj"})
# Clauses that describe a noun: their dates never set the story's running date.
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos"})
# Adverbial clauses with these markers tell what came before or after, not the story's day.
_FLASHBACK_MARKS = frozenset({"after", "before", "since", "until", "because", "although", "though", "once"})
# Participles and infinitives in a noun clause ("sanctions announced on Monday", "a meeting
# planned for Thursday"); a finite verb tagged acl is usually a misparse of the main clause.
_NONFINITE_TAGS = frozenset({"VBN", "VBG", "VB"})
# A chained date counting backward ("a day earlier") inside an embedded clause is a flashback.
_BACKWARD_RX = re.compile(r"\b(?:earlier|before|previous|ago)\b", re.I)
_QUOTED_RX = re.compile(r"[\"\u201c][^\"\u201c\u201d\n]*[\"\u201d]")
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
_FUTURE_VERBS = frozenset({"plan", "schedule", "expect", "intend", "prepare", "aim"})
_FUTURE_WORDS = frozenset({"next", "upcoming", "tomorrow"})


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None
    precision: str | None
    reason: str
    end: str | None = None  # last day of a range written at the event ("March 18-19")


class _DocTime:
    """Per-document state: sentences, paragraphs, publication date, dateline, last dated event."""

    def __init__(self, analysis: Any) -> None:
        self.a = analysis
        self.doc = analysis.doc
        self.text: str = analysis.document.text if analysis.document else (self.doc.text if self.doc else "")
        raw_pub = (analysis.document.published if analysis.document else None) or analysis.source.published
        self.pub = parse_publication(raw_pub)
        self.raw_pub = raw_pub
        self.sents = list(self.doc.sents) if self.doc is not None else []
        self._sent_starts = [s.start_char for s in self.sents]
        self._tok_starts = [t.idx for t in self.doc] if self.doc is not None else []
        dl = find_dateline(self.text)
        self.dateline = (dl.start, dl.end) if dl else None
        self._quoted = [(m.start(), m.end()) for m in _QUOTED_RX.finditer(self.text)]
        # per sentence, what was written before it: the last day-level date (chains count from
        # it), the story's first day-level date (the peg), the running main-clause date
        self.prev_at: list[dt.date | None] = []
        self.peg_at: list[dt.date | None] = []
        self.narrative_at: list[tuple[TimeExpr, int] | None] = []
        self.main_at: list[TimeExpr | None] = []  # the sentence's own last main-clause date
        self._scan()

    def _scan(self) -> None:
        last_day: dt.date | None = None
        peg: dt.date | None = None
        narrative: tuple[TimeExpr, int] | None = None
        for i in range(len(self.sents)):
            self.prev_at.append(last_day)
            self.peg_at.append(peg)
            self.narrative_at.append(narrative)
            own: TimeExpr | None = None
            for te in self._exprs(i):
                base, last_day = last_day, (te.date if te.precision == "day" else last_day)
                if not self._sets_story_date(te):
                    continue
                if te.anchor == "previous" and narrative is not None and base != narrative[0].date:
                    continue  # "the same day" after a flashback date stays in the flashback
                own = te
                if te.anchor == "previous" and _BACKWARD_RX.search(te.text):
                    continue  # "The day before the meeting, ...": a step back, the story stays put
                if te.precision == "day":
                    narrative = (te, i)
                    if peg is None:
                        peg = te.date
            self.main_at.append(own)

    def _sets_story_date(self, te: TimeExpr) -> bool:
        """A past date of a main clause outside quotation marks: it moves the story's running
        date (not "a meeting planned for Thursday", "after troops crossed on Wednesday", "talks
        were scheduled to continue on Friday", "'we will meet on Monday'")."""
        if self.pub is not None and te.date > self.pub:
            return False
        if any(a <= te.start < b for a, b in self._quoted):
            return False
        tok = self._span_root(te)
        if tok is None:
            return False
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and self.future_of(verb):
            return False
        backward = bool(_BACKWARD_RX.search(te.text))
        while tok.head.i != tok.i and not self._in_dateline(tok.head):
            if tok.pos_ in ("VERB", "AUX"):
                if tok.dep_ == "relcl" or (tok.dep_ in _NOUN_CLAUSE_DEPS and tok.tag_ in _NONFINITE_TAGS):
                    return False
                if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FLASHBACK_MARKS for c in tok.children):
                    return False
                if backward and tok.dep_ in _EMBED_DEPS:
                    return False  # "complained that sanctions announced a day earlier ..."
            tok = tok.head
        return True

    def _in_dateline(self, tok: Any) -> bool:
        """A dateline ("ANCHORAGE —") parsed as the sentence root is no clause of the story."""
        return self.dateline is not None and self.dateline[0] <= tok.idx < self.dateline[1]

    def _span_root(self, te: TimeExpr) -> Any:
        """The token of the expression whose head lies outside it."""
        i = bisect.bisect_left(self._tok_starts, te.start)
        toks = []
        while i < len(self.doc) and self.doc[i].idx < te.end:
            toks.append(self.doc[i])
            i += 1
        for t in toks:
            if not (te.start <= t.head.idx < te.end) or t.head.i == t.i:
                return t
        return toks[0] if toks else None

    def _embedded_below(self, te: TimeExpr, trigger: Any) -> bool:
        """Does the expression sit in a clause embedded below the trigger ("complained that
        sanctions announced a day earlier ...")? Then it dates that clause, not the event. A
        clause describing a noun trigger itself ("talks held on Monday") still dates it."""
        tok = self._span_root(te)
        crossed = False
        steps = 0
        while tok is not None and steps < len(self.doc):
            if tok.i == trigger.i:
                return crossed
            if tok.dep_ in _EMBED_DEPS and tok.pos_ in ("VERB", "AUX"):
                if tok.head.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("acl", "relcl"):
                    return False
                crossed = True
            if tok.head.i == tok.i:
                return False
            tok, steps = tok.head, steps + 1
        return False

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def _exprs(self, sent_idx: int, future: bool | None = None) -> list[TimeExpr]:
        """The sentence's time expressions (the dateline's left out: it is its own clue)."""
        sent = self.sents[sent_idx]
        prev = self.prev_at[sent_idx] if sent_idx < len(self.prev_at) else None
        peg = self.peg_at[sent_idx] if sent_idx < len(self.peg_at) else None
        exprs = find_expressions(
            self.text[sent.start_char : sent.end_char], pub=self.pub, prev=prev, peg=peg,
            offset=sent.start_char, future=future,
        )
        if self.dateline:
            exprs = [e for e in exprs if not (self.dateline[0] <= e.start < self.dateline[1])]
        return exprs

    def token_at(self, pos: int) -> Any:
        j = bisect.bisect_right(self._tok_starts, pos) - 1
        return self.doc[j] if j >= 0 else None

    @staticmethod
    def future_of(trigger: Any) -> bool:
        """Does the trigger's clause speak of the future ("will meet", "is scheduled to visit",
        "plans to travel")? Read from the trigger and the verbs it hangs from."""
        tok, steps = trigger, 0
        while steps <= 2:
            for c in tok.children:
                if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
                    return True
            if tok.lemma_.lower() in _FUTURE_VERBS and tok.i != trigger.i:
                return True
            if any(c.lower_ in _FUTURE_WORDS for c in tok.children):
                return True
            if tok.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "pobj", "prep", "dobj") or tok.head.i == tok.i:
                break
            tok, steps = tok.head, steps + 1
        return False

    def _attached(self, te: TimeExpr, trigger: Any) -> int | None:
        """Dependency steps from the expression up to the trigger token, or None. The walk
        stops at a clause boundary: a date inside a reported or relative clause belongs to that
        clause's verb, not to the verb above it."""
        i = bisect.bisect_left(self._tok_starts, te.start)
        best = None
        while i < len(self.doc) and self.doc[i].idx < te.end:
            tok, steps = self.doc[i], 0
            while steps <= MAX_HEAD_STEPS:
                if tok.i == trigger.i:
                    best = steps if best is None else min(best, steps)
                    break
                if tok.head.i == tok.i or (tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX")):
                    break
                tok, steps = tok.head, steps + 1
            i += 1
        return best

    def pick(
        self, sent_idx: int, anchor: int | None, *, attached_only: bool = False, verb: Any = None
    ) -> tuple[TimeExpr | None, str]:
        if not self.sents:
            return None, ""
        sent_idx = min(max(sent_idx, 0), len(self.sents) - 1)
        sent = self.sents[sent_idx]
        trigger = verb
        if trigger is None and anchor is not None:
            trigger = self.token_at(anchor)
        future = self.future_of(trigger) if trigger is not None else None
        exprs = self._exprs(sent_idx, future)
        if trigger is not None:
            exprs = [e for e in exprs if not self._embedded_below(e, trigger)]
        if exprs:
            ref = anchor if anchor is not None else sent.start_char

            def key(te: TimeExpr) -> tuple[int, int]:
                steps = self._attached(te, trigger) if trigger is not None else None
                return (steps if steps is not None else MAX_HEAD_STEPS + 1, abs(te.start - ref))

            best = min(exprs, key=key)
            if not attached_only:
                return best, ""
            steps = self._attached(best, trigger) if trigger is not None else None
            if steps is not None and steps <= QUOTE_MAX_STEPS:
                return best, ""
            if any(self._attached(e, trigger) is not None for e in exprs if trigger is not None):
                return None, ""  # the statement carries a date of its own, just not a close one
        if sent_idx > 0:
            prev = self.sents[sent_idx - 1]
            between = self.text[prev.start_char : sent.start_char]
            if "\n" not in between[len(between.rstrip()) :] and self.main_at[sent_idx - 1] is not None:
                return self.main_at[sent_idx - 1], " (in the previous sentence)"  # same paragraph
        story = self.narrative_at[sent_idx]
        if story is not None:
            return story[0], " (the story's date, from an earlier sentence)"
        if self.dateline:
            dexprs = find_expressions(self.text[self.dateline[0] : self.dateline[1]], pub=self.pub, offset=self.dateline[0])
            if dexprs:
                return dexprs[0], " (in the dateline)"
        return None, ""

    def fallback(self) -> EventDate:
        if self.pub is not None:
            return EventDate(self.pub.isoformat(), "reported", "publication date (no clue)")
        if self.raw_pub:
            return EventDate(None, None, f"no date (publication date {self.raw_pub!r} unreadable, no clue in the text)")
        return EventDate(None, None, "no date")

    def date_for(self, sent_idx: int, anchor: int | None, *, attached_only: bool = False, verb: Any = None) -> EventDate:
        te, where = self.pick(sent_idx, anchor, attached_only=attached_only, verb=verb)
        if te is None:
            return self.fallback()
        # a range dates its own sentence; a later sentence carrying the story's date is one day
        end = te.end_date.isoformat() if te.end_date is not None and not where else None
        return EventDate(te.date.isoformat(), te.precision, te.reason + where, end)


def date_events(analysis: Any) -> tuple[list[Event], list[Quote]]:
    """Events and quotes of one document with their dates filled in."""
    ctx = _DocTime(analysis)
    order = sorted(range(len(analysis.events)), key=lambda k: analysis.events[k].span[0])
    events = list(analysis.events)
    for k in order:
        ev = events[k]
        try:
            sidx = ev.sentence_index if ev.sentence_index is not None else ctx.sentence_index(ev.span[0])
            anchor = ev.trigger_span[0] if ev.trigger_span else None
            d = ctx.date_for(sidx, anchor)
        except Exception:  # one odd event keeps the publication date, never costs the document
            log.exception("dating event %s in %s failed", ev.id, analysis.doc_id)
            d = ctx.fallback()
        events[k] = dataclasses.replace(
            ev, date=d.date, date_precision=d.precision, date_reason=d.reason, date_end=d.end
        )
    quotes = []
    for q in analysis.quotes:
        try:
            # a statement's date hangs from its reporting verb ("he said on Thursday"); any
            # other date in the sentence is about what was said, so it does not date the quote
            pos = q.speaker_span[0] if q.speaker_span else q.span[0]
            tok = ctx.token_at(pos)
            steps = 0
            while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 3:
                tok, steps = tok.head, steps + 1
            d = ctx.date_for(ctx.sentence_index(pos), pos, attached_only=True, verb=tok)
        except Exception:
            log.exception("dating quote %s in %s failed", q.id, analysis.doc_id)
            d = ctx.fallback()
        quotes.append(dataclasses.replace(q, date=d.date))
    return events, quotes


class TimeStage:
    name = "time"
    reads = frozenset({"doc", "events", "quotes"})
    writes = frozenset({"event_dates"})

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, batch: list[Any]) -> None:
        for a in batch:
            if a.doc is None:
                continue
            a.events, a.quotes = date_events(a)


def make(options: Options) -> TimeStage:
    return TimeStage(options)
