"""Who said the quoted words, and indirect speech ("X said that ...").

Direct quotes come from :func:`communique.quotes.marks.find_quote_spans`; each one looks for its
attribution in the clause after the closing mark (``"...," he said`` / ``said X, title at Org`` /
``according to X`` / ``X told reporters``) and, failing that, in the words before the opening
mark (``X said: "..."``, headline ``Blinken: 'We will ...'``). A split quote (``"A," he said,
"B."``) becomes one quote with one speaker; a paragraph that is only a quote, right after a quote
by a known speaker, continues that speaker (journalistic convention).

Indirect speech is read from the dependency parse: a reporting verb with a clausal complement
(``said that China would ...``), a trailing attribution (``China will respond, the ministry
said``) or ``according to X, ...``.
"""

from __future__ import annotations

__all__ = ["Attribution", "extract_attributions"]

import bisect
import logging
import re
from dataclasses import dataclass
from typing import Any

from communique.quotes.lexicon import CueLexicon
from communique.quotes.marks import QuoteSpan, find_quote_spans, paragraph_bounds
from communique.quotes.speakers import SpeakerResolver
from communique.records import ActorRef
from communique.time.dateline import find_dateline

log = logging.getLogger(__name__)

# A quote of fewer words and with no attribution is a scare quote or a term ("so-called
# 'red lines'"), not a statement. Chosen by reading wire copy; re-run tests/quotes on change.
MIN_UNATTRIBUTED_WORDS = 4
# Longest subject phrase between a closing mark and its reporting verb ("China's top diplomat
# Yang Jiechi said"); longer runs are narrative, not attribution.
MAX_SUBJECT_TOKENS = 12
# Words allowed between a reporting verb and an opening mark ("said in a statement: '...'").
MAX_HEAD_GAP_TOKENS = 6
# An indirect content that is mostly inside quote marks is carried by the direct quote.
QUOTED_SHARE_LIMIT = 0.5
# A direct quote shorter than this share of a reported clause around it is a fragment of it.
FRAGMENT_SHARE = 0.8
# Dependency steps from a quoted fragment up to the reporting verb that governs it ('said the
# talks had been "frank"': fragment -> been -> said is 2-3). Set by reading the parses of the
# fragment cases in tests/quotes; re-run them on change.
MAX_GOVERNING_STEPS = 5
_TITLE_PREPS = frozenset({"of", "for"})
_END_PUNCT = frozenset({".", "!", "?", ";"})
_SPEAKER_POS = frozenset({"PROPN", "PRON", "NOUN"})
# A headline speaker before a colon is a name or title of a few capitalised words.
MAX_HEADLINE_NAME_TOKENS = 6
_NAME_JOINERS = frozenset({"of", "the", "'s", "\u2019s", "de", "al", "bin", "van", "von", "."})
_HEADLINE_RX = re.compile(r"^\s*([^:\n]{2,60}?)\s*:\s*$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution before it becomes a :class:`~communique.records.Quote`."""

    span: tuple[int, int]
    text: str
    speaker: ActorRef | None
    speaker_span: tuple[int, int] | None
    direct: bool
    cue: str | None
    cue_span: tuple[int, int] | None = None


class _Doc:
    """Token lookup by character offset over a spaCy Doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def first_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def tokens(self, a: int, b: int) -> list[Any]:
        i = self.first_at(a)
        out = []
        while i < len(self.doc) and self.doc[i].idx < b:
            out.append(self.doc[i])
            i += 1
        return out


def _phrase_bounds(tok: Any, *, stop_at_comma: bool = True) -> tuple[int, int]:
    """Character span of the noun phrase headed by (or containing) ``tok``."""
    doc = tok.doc
    if tok.ent_iob_ != "O":
        for e in doc.ents:
            if e.start <= tok.i < e.end:
                return e.start_char, e.end_char
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok)
    left = tok.left_edge.i
    # keep pre-modifiers only ("the Chinese foreign minister"), never a clause
    for j in range(tok.i - 1, left - 1, -1):
        if doc[j].pos_ in ("VERB", "AUX") or (stop_at_comma and doc[j].text == ","):
            left = j + 1
            break
    right = tok.i
    for ch in tok.rights:
        if ch.dep_ in ("compound", "flat", "nmod") and ch.i == right + 1:
            right = ch.i
        elif ch.dep_ == "prep" and ch.lower_ in _TITLE_PREPS and ch.i == right + 1 and tok.pos_ == "NOUN":
            # "the secretary of state", "a spokesman for the ministry"
            right = max(u.i for u in ch.subtree)
    return doc[left].idx, doc[right].idx + len(doc[right])


def _is_cue(tok: Any, lex: CueLexicon) -> bool:
    return tok.lemma_.lower() in lex.verbs and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() != "be"


class _Extractor:
    def __init__(self, analysis: Any, lex: CueLexicon) -> None:
        self.a = analysis
        self.text: str = analysis.document.text if analysis.document else analysis.doc.text
        self.doc = analysis.doc
        self.tok = _Doc(self.doc)
        self.lex = lex
        self.paras = paragraph_bounds(self.text)
        dl = find_dateline(self.text)
        self.dateline = (dl.start, dl.end) if dl else (-1, -1)
        self._para_starts = [p[0] for p in self.paras]
        self.spans = find_quote_spans(self.text)
        self.speakers = SpeakerResolver(
            analysis, lex, quoted=[(q.open, q.close + 1) for q in self.spans]
        )
        self.cue_owner: dict[int, int] = {}  # cue token index -> index in self.out
        self.out: list[Attribution] = []

    def para_of(self, pos: int) -> tuple[int, int]:
        j = bisect.bisect_right(self._para_starts, pos) - 1
        return self.paras[j] if j >= 0 else (0, len(self.text))

    def sent_start(self, pos: int) -> int:
        i = min(self.tok.first_at(pos), len(self.doc) - 1)
        return self.doc[i].sent.start_char if len(self.doc) else 0

    # ------------------------------------------------------------- direct quotes
    def direct(self) -> None:
        spans = self.spans
        i = 0
        prev: Attribution | None = None
        prev_para: tuple[int, int] | None = None
        while i < len(spans):
            q = spans[i]
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            try:
                att, joined = self._direct_one(q, nxt, spans[i - 1] if i else None, prev, prev_para)
            except Exception:  # one odd quote must not cost the document
                log.exception("quote at %d in %s skipped", q.open, self.a.doc_id)
                att, joined = None, False
            if att is not None:
                self.out.append(att)
                prev, prev_para = att, self.para_of(q.open)
            i += 2 if joined else 1

    def _direct_one(
        self,
        q: QuoteSpan,
        nxt: QuoteSpan | None,
        before: QuoteSpan | None,
        prev: Attribution | None,
        prev_para: tuple[int, int] | None,
    ) -> tuple[Attribution | None, bool]:
        para = self.para_of(q.close)
        limit = para[1]
        if nxt is not None and nxt.open < limit:
            limit = nxt.open
        content = q.text(self.text)
        found = self._tail(q.close + 1, limit)
        head = None
        if found is None or not content.rstrip().endswith((",", "\u2014", "-")):
            para_lo = self.para_of(q.open)[0]
            lo = max(para_lo, before.close + 1 if before else 0)
            head = self._head(lo, q.open)
            if head is None and not self.text[para_lo : q.open].strip() and para_lo > 0:
                # 'Blinken said:' closing the previous paragraph introduces this one
                prev_lo, prev_hi = self.para_of(para_lo - 1)
                if self.text[prev_lo:prev_hi].rstrip().endswith(":") and (before is None or before.close < prev_lo):
                    head = self._head(prev_lo, prev_hi)
            if head is not None:
                found = head
        joined = False
        span = (q.start, q.end)
        if found is not None and head is None and nxt is not None and found[3]:
            # "A," he said, "B."  -> one quote
            gap = self.text[found[4] : nxt.open]
            if not gap.strip(" ,\u2014\u2013-") and self.para_of(nxt.open) == para:
                content = content.rstrip(", ") + " " + nxt.text(self.text)
                span = (q.start, nxt.end)
                joined = True
        content = content.rstrip(", ").strip()
        if found is None:
            found = self._governing_cue(q)
        if found is None:
            starts_para = not self.text[self.para_of(q.open)[0] : q.open].strip()
            # right after the previous attributed quote, in its paragraph, with no new subject
            same_para = (
                prev is not None
                and prev_para == self.para_of(q.open)
                and before is not None
                and before.end <= prev.span[1]
                and not self._new_subject(prev, q.open)
            )
            if (
                prev is not None
                and prev.direct
                and prev_para is not None
                and ((starts_para and self._adjacent(prev_para, self.para_of(q.open))) or same_para)
            ):
                return (
                    Attribution(span, content, prev.speaker, prev.speaker_span, True, None),
                    False,
                )
            if len(content.split()) < MIN_UNATTRIBUTED_WORDS:
                return None, False
            return Attribution(span, content, None, None, True, None), False
        (sp_start, sp_end), cue, cue_tok, _comma, _end = found
        speaker = self.speakers.resolve(sp_start, sp_end, q.open)
        att = Attribution(
            span, content, speaker, (sp_start, sp_end), True, cue,
            (cue_tok.idx, cue_tok.idx + len(cue_tok)) if cue_tok is not None else None,
        )
        if cue_tok is not None:
            self.cue_owner.setdefault(cue_tok.i, len(self.out))
        return att, joined

    def _subject(self, verb: Any) -> Any:
        """The verb's subject nearest to it, never a dateline word ("MOSCOW — X and Y agreed":
        the parse may give both MOSCOW and X as subjects)."""
        subs = [
            c for c in verb.children
            if c.dep_ == "nsubj" and not self.dateline[0] <= c.idx < self.dateline[1]
        ]
        before = [c for c in subs if c.i < verb.i]
        return before[-1] if before else (subs[0] if subs else None)

    def _quoted_at(self, pos: int) -> bool:
        return any(q.open <= pos <= q.close for q in self.spans)

    def _outer_cue(self, cue: Any) -> Any:
        """The reporting verb whose complement holds ``cue`` ('Sullivan said the side had
        expected talks, "..."': 'expected' is part of what Sullivan said, so 'said' speaks)."""
        tok = cue
        while tok.dep_ == "ccomp" and tok.head.i != tok.i and _is_cue(tok.head, self.lex) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children
        ):
            tok = tok.head
        return tok

    def _new_subject(self, prev: Attribution, pos: int) -> bool:
        """Does someone other than the previous speaker become a subject between that quote
        and ``pos`` ('"A," Xi said. Blinken disagreed. "B."')?"""
        sp = prev.speaker_span or (-1, -1)
        for t in self.tok.tokens(prev.span[1], pos):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "PRON", "NOUN") and not sp[0] <= t.idx < sp[1]:
                return True
        return False

    def _governing_cue(self, q: QuoteSpan) -> tuple[tuple[int, int], str, Any, bool, int] | None:
        """A quoted fragment inside a reporting clause belongs to that clause's subject
        ('X told state media that the talks had been "frank and useful", but ...'): walk up
        from the quoted words to the reporting verbs with a subject before the quote; the
        outermost one is the speaker's (in 'X said the side had expected talks, "and ..."' the
        inner 'expected' is part of what X said)."""
        toks = [t for t in self.tok.tokens(q.start, q.end) if not t.is_space]
        if not toks:
            return None
        inside = {t.i for t in toks}
        tops = [t for t in toks if t.head.i not in inside and t.head.i != t.i]
        if not tops:
            return None  # the quote is a whole sentence: nothing above it
        tok, steps = tops[0].head, 0
        best = None
        while steps < MAX_GOVERNING_STEPS:
            if _is_cue(tok, self.lex) and tok.idx < q.open:
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.i not in inside and subj.lower_ not in ("it", "that", "this", "which", "who"):
                    best = (_phrase_bounds(subj), tok.lemma_.lower(), tok, False, q.close + 1)
            if tok.head.i == tok.i:
                break
            tok, steps = tok.head, steps + 1
        return best

    def _adjacent(self, p1: tuple[int, int], p2: tuple[int, int]) -> bool:
        if p1 == p2:
            return True
        i = bisect.bisect_left(self._para_starts, p1[0])
        return i + 1 < len(self.paras) and self.paras[i + 1] == p2

    def _according(self, toks: list[Any]) -> tuple[tuple[int, int], Any] | None:
        for j, t in enumerate(toks[:-1]):
            if t.lower_ == "according" and toks[j + 1].lower_ == "to":
                for u in toks[j + 2 :]:
                    if u.pos_ in _SPEAKER_POS:
                        return _phrase_bounds(u), t
                return None
        return None

    def _tail(self, lo: int, hi: int) -> tuple[tuple[int, int], str, Any, bool, int] | None:
        """Attribution clause right after a closing mark: (speaker span, cue, cue token,
        ends-with-comma, end offset)."""
        clause = []
        for t in self.tok.tokens(lo, hi):
            if t.text in _END_PUNCT or t.text == ":":
                break
            clause.append(t)
        while clause and (clause[0].is_punct or clause[0].is_space):
            clause.pop(0)
        if not clause:
            return None
        end = clause[-1].idx + len(clause[-1])
        comma = clause[-1].text == ","
        acc = self._according(clause)
        if acc is not None and acc[1].i - clause[0].i <= 1:
            return acc[0], "according to", acc[1], comma, end
        cue_i = next((k for k, t in enumerate(clause) if _is_cue(t, self.lex)), None)
        if cue_i is None or cue_i > MAX_SUBJECT_TOKENS:
            return None
        cue = clause[cue_i]
        if any(c.dep_ == "ccomp" and c.i > cue.i and not self._quoted_at(c.idx) for c in cue.children):
            # '"... the other." A US official said Blinken raised ...': the verb reports words
            # of its own that follow it, so it does not attribute the quote before it
            return None
        pre = [t for t in clause[:cue_i] if not t.is_space]
        if pre:
            subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c in pre), None)
            if subj is None:
                seg = []
                for t in pre:
                    if t.text == ",":
                        break
                    seg.append(t)
                cands = [t for t in seg if t.pos_ in _SPEAKER_POS]
                if not cands:
                    return None
                subj = cands[-1] if all(t.pos_ != "PROPN" for t in cands) else next(
                    t for t in reversed(cands) if t.pos_ == "PROPN"
                )
            if any(t.pos_ == "VERB" and t is not cue for t in pre[: max(0, pre.index(subj))]):
                return None
            return _phrase_bounds(subj), cue.lemma_.lower(), cue, comma, end
        for t in clause[cue_i + 1 :]:
            if t.text == ",":
                break
            if t.pos_ in _SPEAKER_POS and t.lower_ not in ("reporters", "journalists"):
                return _phrase_bounds(t), cue.lemma_.lower(), cue, comma, end
        return None

    def _head(self, lo: int, hi: int) -> tuple[tuple[int, int], str, Any, bool, int] | None:
        """Attribution before an opening mark: ``X said:``, ``X told reporters,``,
        ``according to X,``, headline ``X:``."""
        m = _HEADLINE_RX.match(self.text[lo:hi])
        if m:  # 'Blinken: "We will ..."' (a headline or a transcript line)
            name_toks = [t for t in self.tok.tokens(lo + m.start(1), lo + m.end(1)) if not t.is_space]
            named = all(t.text[:1].isupper() or t.lower_ in _NAME_JOINERS for t in name_toks)
            if 0 < len(name_toks) <= MAX_HEADLINE_NAME_TOKENS and named:
                return (lo + m.start(1), lo + m.end(1)), ":", None, False, hi
        lo = max(lo, self.sent_start(hi - 1) if hi > 0 else 0)
        toks = [t for t in self.tok.tokens(lo, hi) if not t.is_space]
        if not toks:
            return None
        acc = self._according(toks)
        if acc is not None:
            return acc[0], "according to", acc[1], False, hi
        # a colon right before the quote announces it, however long the clause before it
        # ("Blinken said in an interview with CNN on Sunday: '...'")
        announced = toks[-1].text == ":"
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            if len(toks) - 1 - k > MAX_HEAD_GAP_TOKENS and not announced:
                break
            if _is_cue(t, self.lex):
                t = self._outer_cue(t)
                subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    cands = [u for u in toks[:k] if u.pos_ in _SPEAKER_POS]
                    if not cands:
                        after = [u for u in toks[k + 1 :] if u.pos_ in ("PROPN",)]
                        if not after:
                            return None
                        subj = after[0]
                    else:
                        subj = cands[-1]
                if subj.pos_ == "PRON" and subj.lower_ in ("it", "that", "this", "which", "who"):
                    return None
                return _phrase_bounds(subj), t.lemma_.lower(), t, False, hi
        return None

    # ------------------------------------------------------------- indirect speech
    def indirect(self) -> None:
        quoted = [(q.start, q.end) for q in self.spans]
        for sent in self.doc.sents:
            for t in sent:
                try:
                    self._indirect_one(t, sent, quoted)
                except Exception:
                    log.exception("indirect attribution at token %d in %s skipped", t.i, self.a.doc_id)

    def _quoted_share(self, a: int, b: int, quoted: list[tuple[int, int]]) -> float:
        inside = sum(max(0, min(b, qe) - max(a, qs)) for qs, qe in quoted)
        return inside / max(1, b - a)

    def _indirect_one(self, t: Any, sent: Any, quoted: list[tuple[int, int]]) -> None:
        lex = self.lex
        if t.lower_ == "according" and t.i + 1 < sent.end and self.doc[t.i + 1].lower_ == "to":
            obj = next((u for u in self.doc[t.i + 1].children if u.dep_ == "pobj"), None)
            if obj is None:
                return
            phrase_end = max(u.i for u in t.subtree)
            before = [u for u in sent if u.i < t.i and not u.is_punct]
            after = [u for u in sent if u.i > phrase_end and not (u.is_punct and u.text != '"')]
            body = after if len(after) >= len(before) else before
            if len(body) < 3:
                return
            self._emit_indirect(body[0].idx, body[-1].idx + len(body[-1]), obj, t, "according to", quoted)
            return
        lemma = t.lemma_.lower()
        if lemma not in lex.indirect_verbs or t.pos_ != "VERB":
            return
        subj = self._subject(t)
        if subj is None and t.dep_ == "conj":
            subj = self._subject(t.head)
        if subj is None or subj.lower_ in ("it", "which", "that", "this"):
            return
        if lemma in lex.accusation_verbs:
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > t.i), None)
            if obj is not None and prep is not None:
                toks = sorted(list(obj.subtree) + list(prep.subtree), key=lambda u: u.i)
                self._emit_indirect(toks[0].idx, toks[-1].idx + len(toks[-1]), subj, t, lemma, quoted)
                return
        comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
        if comp is not None:
            toks = sorted(comp.subtree, key=lambda u: u.i)
            while toks and toks[-1].is_punct and toks[-1].text not in ('"', "\u201d"):
                toks.pop()
            if len(toks) < 3:
                return
            self._emit_indirect(toks[0].idx, toks[-1].idx + len(toks[-1]), subj, t, lemma, quoted)
            return
        if t.dep_ in ("parataxis", "ROOT") and subj.i > sent.start and t.i > subj.i:
            # "China will respond firmly, the ministry said."
            left = min(u.i for u in subj.subtree)
            body = [u for u in sent if u.i < left]
            while body and body[-1].is_punct:
                body.pop()
            if len(body) < 3 or not any(u.pos_ in ("VERB", "AUX") for u in body):
                return
            if t.dep_ == "ROOT" and not any(c.dep_ in ("ccomp", "parataxis") and c.i < t.i for c in t.children):
                return
            self._emit_indirect(body[0].idx, body[-1].idx + len(body[-1]), subj, t, lemma, quoted)

    def _emit_indirect(self, a: int, b: int, subj: Any, cue_tok: Any, cue: str, quoted: list[tuple[int, int]]) -> None:
        if self._quoted_share(a, b, quoted) > QUOTED_SHARE_LIMIT:
            return
        if any(not d.direct and d.span[0] <= cue_tok.idx < d.span[1] for d in self.out):
            return  # reported speech nested in an earlier clause is part of that clause's content
        owner = self.cue_owner.get(cue_tok.i)
        if owner is not None:
            d = self.out[owner]
            # a direct quote owns this cue; keep the reported clause too only when the quote is
            # a fragment of it ('X said the talks were "open, constructive"')
            if not (a <= d.span[0] and d.span[1] <= b and (d.span[1] - d.span[0]) < FRAGMENT_SHARE * (b - a)):
                return
        sp = _phrase_bounds(subj)
        speaker = self.speakers.resolve(sp[0], sp[1], a)
        att = Attribution(
            (a, b), self.text[a:b], speaker, sp, False, cue, (cue_tok.idx, cue_tok.idx + len(cue_tok))
        )
        self.out.append(att)
        # unattributed quoted fragments inside the clause are the same speaker's words
        for k, d in enumerate(self.out):
            if d.speaker is None and d.direct and a <= d.span[0] and d.span[1] <= b:
                self.out[k] = Attribution(d.span, d.text, speaker, sp, True, cue, att.cue_span)


def extract_attributions(analysis: Any, lexicon: CueLexicon) -> list[Attribution]:
    """Direct and indirect attributions of one analysed document, in text order."""
    if analysis.doc is None or not len(analysis.doc):
        return []
    ex = _Extractor(analysis, lexicon)
    ex.direct()
    ex.indirect()
    seen: set[tuple[int, int]] = set()
    out = []
    for att in sorted(ex.out, key=lambda x: x.span):
        if att.span in seen:
            continue
        seen.add(att.span)
        out.append(att)
    return out
