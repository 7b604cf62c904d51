"""Finding event frames in a dependency parse: who did what to whom, from the lexicon.

A *frame* is one coded predication before actors are resolved: the trigger token, the PLOVER
type/mode/CAMEO code from the lexicon entry that fired, and the noun-phrase spans of the sources
and targets. The rules, in the order they apply to a verb:

1. an object-specific frame ("lift sanctions" -> CONCEDE, "expel diplomats" -> SANCTION);
2. a control verb whose complement is an event ("refused to meet" -> REJECT meet, "urged Y to
   withdraw" -> REQUEST yield, "threatened sanctions" -> THREATEN, "pledged aid" -> AGREE);
3. a light verb whose object is an event noun ("held talks", "imposed sanctions on Y");
4. the plain verb frame ("X condemned Y").

Then the clause decides whether it is a fact: negation drops it, a question or an if-clause drops
it, future cooperation becomes AGREE (PLOVER's auxiliary-mode rule), future material conflict
becomes THREATEN, and a clause under a speech verb keeps its event with ``reported_by``.
With ``[events] dictionary_codes = "literal"`` a frame from a verb-dictionary entry keeps the
entry's code instead (see ``_Finder._literal_status``).
Standalone event nouns ("a meeting between A and B", "Blinken's visit to Beijing", "US sanctions
on Iran") are coded when they name their own actor.
"""

from __future__ import annotations

__all__ = ["Frame", "FrameFinder", "SentenceFrames", "find_frames", "np_span", "noun_trigger", "COMMON_SOURCE_DEPS",
           "PROTEST_TOPIC_TYPES"]

import re
from dataclasses import dataclass, field, replace
from typing import Any

from communique.events.lexicon import Lexicon, NounTrigger, VerbFrame, normalize_lemma
from communique.events.petrarch_verbs import PatternSite
from communique.events.tables import COOPERATIVE, MATERIAL_CONFLICT, YIELDING

Token = Any  # spacy.tokens.Token
Span = tuple[int, int]

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
COMMON_SOURCE_DEPS = SUBJ_DEPS | PASS_SUBJ_DEPS
NP_SKIP = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep", "preconj", "parataxis"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself", "yourself"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
REPORTED_FUTURE_AUX = frozenset({"would", "'d"})
OBLIGATION_AUX = frozenset({"must", "should"})
HOST_CODE, VISIT_CODE = "043", "042"
ACTOR_OBJECT = frozenset({"@actor"})  # lexicon objects marker: a named person/organisation/country
MONEY_OBJECT = "@money"  # lexicon objects marker: an amount of money ("gave $50 million to Ukraine")
# lexicon subjects marker: a plural common noun that is not a state body ("shopkeepers", "nurses")
CROWD_SUBJECT = "@crowd"
# Nouns that name an event in the lexicon but, as the subject of a verb, a body that acts
# ("Kuwait's development fund gave ...", "the opposition called ..."). "mission" would belong here
# too, but the corpus gate's episode dates still lean on the visit it is coded as (see the report).
BODY_NOUNS = frozenset({"fund", "opposition", "alliance"})
STATE_BODY_NOUNS = frozenset({"government", "ministry", "official", "authority", "diplomat", "country", "nation",
                              "leader", "minister", "state", "embassy", "court", "administration", "police", "army",
                              "force", "troop", "soldier", "military", "regime", "lawmaker", "legislator", "envoy"})
# Particles that change a verb's meaning: a frame without the particle does not apply.
MEANING_PARTICLES = frozenset({"up", "off", "down", "out", "away", "over", "back", "in"})
HANDOVER_PARTICLES = frozenset({"back", "over"})  # "handed X back / over to Y": a transfer of X
# Adjectives that name what an object is ("chemical weapons", "nuclear devices"): they count as the
# object for object-specific frames.
# Particles that turn a light verb into undoing its event noun ("called off", "broke off").
UNDOING_PARTICLES = frozenset({"off", "down", "away"})
MARKED_ADJ = frozenset({"chemical", "biological", "nuclear", "radiological", "explosive", "toxic", "tear"})
# "is about / ready / set / poised to restore ties": announced or intended, i.e. future
INTENT_ADJ = frozenset({"about", "ready", "willing", "set", "due", "poised", "prepared", "eager",
                        "keen", "expected", "determined", "going"})
# "is likely to veto": a guess about what the actor will do, not an announcement (hypothetical)
LIKELIHOOD_ADJ = frozenset({"likely", "unlikely", "probable", "certain", "bound"})
# "analysts predict that Seoul will seek a summit": a forecast of someone else's act is no event;
# these verbs over a future or modal clause make it hypothetical (a past one stays a report)
SPECULATION_VERBS = frozenset({"predict", "forecast", "expect", "speculate", "believe", "think", "guess",
                               "reckon", "suspect", "anticipate", "project", "doubt", "wonder", "bet", "fear"})
# "Had Iraq withdrawn by the deadline, ...": an inverted condition
INVERTED_CONDITION_AUX = frozenset({"had", "should", "were"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
SCORE_RX = re.compile(r"(?<![\d.,/-])\d{1,3} ?[-\u2013] ?\d{1,3}(?![\d.,/-])")  # "2-1", "12 - 11", not "1990-95"
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# "failed to reach", "stopped short of": the complement did not happen
NEGATING_VERBS = frozenset({"fail", "refrain", "avoid", "neglect", "decline"})
PARTIES_RX = re.compile(
    r"^(the )?(two|both) (sides|countries|nations|leaders|governments|parties|men|presidents|"
    r"ministers|neighbours|neighbors|states|delegations|rivals|allies|sides')$|^both$|^each other$",
    re.I,
)
TARGET_PREPS_DEFAULT = ("with", "to", "on", "against")

# Confidence building blocks. Hand-set on our own test sentences (tests/events), not fitted on
# any benchmark: a frame whose object or particle matched is surer than a bare verb; "weak"
# lexicon entries (verbs that are often not events) and unresolved actors lower it.
BASE_CONFIDENCE = 0.7
SPECIFIC_BONUS = 0.15
WEAK_PENALTY = 0.2
REPORTED_PENALTY = 0.05
NOUN_PENALTY = 0.1


@dataclass(slots=True)
class Frame:
    trigger: Token
    type: str
    cameo: str
    mode: str | None
    pattern: str
    sources: list[Token] = field(default_factory=list)  # head tokens of the actor NPs
    targets: list[Token] = field(default_factory=list)
    reciprocal: bool = False
    negated: bool = False
    status: str = "fact"  # fact | question | hypothetical | negated
    reported_by: Token | None = None
    confidence: float = BASE_CONFIDENCE
    parties: bool = False  # the source is "the two sides": use parties_of
    steps: list[str] = field(default_factory=list)  # why, for --explain
    reverse: Frame | None = None  # a dictionary's paired code ([042:043]): the event back
    dictionary: bool = False  # from a verb-dictionary entry (its code as written in "literal" mode)
    announced: bool = False  # a future act in reported speech ("said its troops would leave")

    @property
    def trigger_span(self) -> Span:
        return (self.trigger.idx, self.trigger.idx + len(self.trigger.text))


def np_span(tok: Token) -> Span:
    """Character span of the noun phrase headed by ``tok`` without clauses, appositions and
    coordinated siblings ("the President of France" keeps its of-phrase)."""
    lo, hi = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_SKIP and not (c.dep_ == "prep" and c.lower_ == "of" and t.pos_ in ("NOUN", "PROPN")
                                          or _title_name(t, c)
                                          # "gunmen loyal to Gbagbo": an adjective after its noun keeps its phrase
                                          or (c.dep_ == "prep" and t.pos_ == "ADJ" and t.dep_ == "amod"
                                              and t.i > t.head.i)):
                continue
            if c.dep_ == "nmod" and c.i + 1 < t.i and c.doc[c.i + 1].text == ",":
                continue  # "IMF, Argentina reach deal": a second party listed before a comma
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.append(c)
    doc = tok.doc
    while lo < hi and doc[lo].dep_ in ("det", "punct", "cc") and doc[lo].lower_ in ("the", "a", "an", ",", "and"):
        lo += 1
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def _title_name(t: Token, c: Token) -> bool:
    """"the jailed journalist Roman Protasevich": a name right after its title noun, no comma
    between, is the same phrase (the parser makes it an apposition)."""
    return bool(c.dep_ == "appos" and t.pos_ == "NOUN" and c.pos_ == "PROPN" and c.left_edge.i == t.i + 1)


def _conj(tok: Token) -> list[Token]:
    """The token and its coordinated siblings ("the US and Japan" -> US, Japan)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"):
            out.extend(_conj(c))
        elif _title_name(tok, c):  # "journalists Mohamed Fahmy and Baher Mohamed": the second name
            out.extend(_conj(c)[1:])
        elif (c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN"
              and any(x.dep_ == "conj" for x in c.children)):
            out.extend(_conj(c))  # "Saudi Arabia, the UAE, Bahrain and Egypt": a list, not a title
    return out


def _kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


# Objects that are never a party to an event: "late on Saturday", "with both sides describing".
NOT_PARTY_ENTS = frozenset({"DATE", "TIME"})


def _prep_obj(tok: Token, word: str, *, parties: bool = True) -> list[Token]:
    """Objects of the preposition ``word`` under ``tok`` (also "out of", particles with objects).
    With ``parties`` (actors wanted) dates, times and verb phrases are left out."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ == word:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.extend(_conj(p))
                elif p.dep_ == "prep":  # "out of X"
                    out.extend(q for pp in _kids(p, "pobj") for q in _conj(pp))
    if parties:
        out = [t for t in out if t.ent_type_ not in NOT_PARTY_ENTS and t.pos_ not in ("VERB", "AUX")]
    return out


# Prepositions under an object that is no actor naming the party it concerns: "the resumption of
# ties with Iran", "shells at Seoul", "a boycott against Qatar", "memos from Washington".
INNER_PARTY_PREPS = ("with", "at", "against", "between", "on", "from")
INNER_PARTY_DEPTH = 2  # prep/pobj levels walked under the object ("resumption of talks with X")


DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
DATELINE_TOKENS = 16  # a dateline ("ST. PETERSBURG, Russia, June 3 (Wire) —") is shorter than this


def _dateline_end(sent: Any) -> int:
    """Index of the first token after a news dateline opening the sentence, else the sentence
    start: an upper-case place or a bracketed agency, then a dash, within the first tokens.
    Cached on the doc (it is asked for every subject)."""
    cache = sent.doc.user_data.setdefault("communique.datelines", {})
    end = cache.get(sent.start)
    if end is None:
        end = cache[sent.start] = _find_dateline_end(sent)
    return int(end)


def _find_dateline_end(sent: Any) -> int:
    toks = list(sent[:DATELINE_TOKENS])
    if not toks:
        return int(sent.start)
    caps = toks[0].text.isupper() and len(toks[0].text) > 2
    for k, t in enumerate(toks[1:], start=1):
        if not toks[k - 1].whitespace_ and not t.whitespace_:
            continue  # a hyphen inside a word ("Mar-a-Lago", "PORT-AU-PRINCE") ends no dateline
        if t.text in DASHES and (caps or any(x.text == ")" for x in toks[:k])):
            return int(t.i) + 1
    return int(sent.start)


def _inverted_condition(t: Token) -> bool:
    """"Had Iraq withdrawn by the deadline": the clause opens with had/should/were before its subject."""
    first = t.left_edge
    return (first.dep_ in ("aux", "auxpass") and first.head.i == t.i and first.lower_ in INVERTED_CONDITION_AUX
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in t.children))


def _headline_party(t: Token) -> bool:
    """A proper name of a country or organisation, as headlines list them before a comma (the
    parser often leaves an acronym like "IMF" without an entity type)."""
    return t.pos_ == "PROPN" and (t.ent_type_ in ("GPE", "NORP", "ORG") or (not t.ent_type_ and t.text.isupper()))


def _party_like(t: Token) -> bool:
    return t.pos_ == "PROPN" or t.ent_type_ in AGENT_ENTS or t.lemma_.lower() in STATE_BODY_NOUNS


def _party_owners(t: Token) -> list[Token]:
    """The parties named as possessors of ``t`` ("Serbia's position", "Ruto's bill"), not a
    possessive pronoun ("its offices")."""
    return [p for p in _kids(t, "poss") if p.lower_ not in POSS_PRONOUNS and _party_like(p)]


def _first_party(v: Token) -> list[Token]:
    """The first party named after the verb in its phrase, as PETRARCH takes a target: "warned
    France about ...", "arrived in Kenya", "welcomed the visit of the French president"."""
    for t in v.subtree:
        if t.i <= v.i or not _party_like(t) or t.ent_type_ in NOT_PARTY_ENTS:
            continue
        while t.dep_ in ("amod", "compound") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
            t = t.head  # "the French president": the phrase's head
        return _conj(t)
    return []


COMPLEMENT_PARTY_PREPS = frozenset({"to", "with", "from", "against", "on", "into", "for"})
"""Prepositions under a complement verb the lexicon does not know that name the party it
concerns ("committed to buying soybeans from the United States")."""


def _complement_party(comp: Token) -> list[Token]:
    """A named party (country, organisation, person, or a state body) that the complement verb
    acts on: its direct object, else the object of one of COMPLEMENT_PARTY_PREPS, in word order."""
    cands: list[Token] = []
    # "promised to open its market to Tajik goods and restore flights to Dushanbe": any of the
    # coordinated complement verbs may name the party
    for verb in [comp, *[c for c in comp.conjuncts if c.i > comp.i and c.pos_ in ("VERB", "AUX")]]:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON":
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in COMPLEMENT_PARTY_PREPS:
                cands.extend(_kids(c, "pobj"))
    for t in cands:
        if not _party_like(t) and t.pos_ == "NOUN":
            # "restore direct flights to Dushanbe", "flights between A and B"
            cands.extend(p for word in ("to", "between", "with") for p in _prep_obj(t, word))
    for t in sorted(cands, key=lambda t: t.i):
        if t.ent_type_ in AGENT_ENTS - {"FAC", "LOC"} or t.lemma_.lower() in STATE_BODY_NOUNS:
            return _conj(t)
    return []


def _inner_parties(o: Token) -> list[Token]:
    """Actors in a prepositional phrase under a common-noun object that is itself no actor."""
    if o.pos_ != "NOUN" or _party_like(o):
        return []
    if _party_owners(o):
        return []  # "Serbia's position on Kosovo": the possessor, in the object's own phrase
    level = [o]
    for _ in range(INNER_PARTY_DEPTH):
        for n in level:
            for word in INNER_PARTY_PREPS:
                found = [t for t in _prep_obj(n, word) if _party_like(t)]
                if found:
                    return found
        level = [p for n in level for c in _kids(n, "prep") for p in _kids(c, "pobj") if p.pos_ == "NOUN"]
    return []


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# "X is expected / believed / said to meet Y" guesses at an event; "is scheduled to" plans one
EPISTEMIC_VERBS = frozenset({"expect", "believe", "think", "say", "report", "rumour", "rumor", "suppose",
                             "presume", "understand", "know", "see", "consider", "allege", "suspect"})


def _stray_subject(v: Token, dateline_end: int) -> Token | None:
    """The noun phrase right before a finite main verb that has no subject: the parser hung it
    elsewhere ("Azerbaijan positioned troops" as an adverbial; "After talks in Vienna, Iran and
    the EU finalised a deal" as a conjunct of the opening phrase's place). The phrase must end
    right before the verb (its own adverbs aside) and start after the last comma."""
    if v.dep_ not in ("ROOT", "ccomp") or v.tag_ not in FINITE_TAGS or v.pos_ not in ("VERB", "AUX"):
        return None
    doc = v.doc
    j = v.i - 1
    own = {c.i for c in v.children if c.dep_ in ("advmod", "aux", "neg")}
    while j >= v.sent.start and j in own:
        j -= 1
    lo = max(v.sent.start, dateline_end)
    if j < lo:
        return None
    comma = max([k for k in range(lo, j + 1) if doc[k].text in (",", ";", ":")] or [lo - 1])
    t = doc[j]
    best = None
    while t.i > comma and t.i < v.i and t.pos_ in ("NOUN", "PROPN") and t.right_edge.i == j:
        if t.left_edge.i > comma:
            best = t
        if t.head.i == t.i or t.head.i >= v.i:
            break
        t = t.head
    if best is None or best.ent_type_ in NON_PARTY_SUBJECT_ENTS or best.dep_ in SUBJ_DEPS:
        return None
    return best


NON_PARTY_SUBJECT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _headline_subject(v: Token) -> Token | None:
    """"Scholz to visit China": the parser hangs the infinitive on the name (headline style)."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and v.dep_ in ("advcl", "acl", "relcl", "xcomp"):
        h = v.head
        if h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN") and h.i < v.i:
            return h
        headline = not v.sent.text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'"))
        if (headline and h.dep_ == "ROOT" and h.i < v.i and h.i == v.sent.start and h.text[:1].isupper()
                and not any(c.dep_ != "advcl" for c in h.children)):
            return h  # "Modi to visit Moscow": the name tagged as a verb ("modi") heads the line
    return None


# ---------------------------------------------------------------------- headline verbs
# A headline drops its articles and its final period, and the small tagger then often reads its
# present-tense verb as a noun ("Kyiv severs ties with Minsk": "severs" a plural noun, "ties" the
# root). Such a word is read again as the verb when the line has no verb of its own, a lexicon
# verb hides in it, and a name-like phrase stands before it and an object or a preposition after.
HEADLINE_END = (".", "!", "?", '"', "\u201d", "'")
HEADLINE_MAX_TOKENS = 20
# what may stand in a headline's subject phrase ("Sudan's RSF", "China, Laos", "Iraq's Shiite militias")
HEADLINE_SUBJECT_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "PUNCT", "PART", "CCONJ"})
# "Thousands march in Minsk": a crowd counted in words is a subject
HEADLINE_CROWDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions"})
# what may open the phrase after the verb: an object or a prepositional phrase
HEADLINE_OBJECT_POS = frozenset({"PROPN", "NOUN", "DET", "NUM", "ADJ", "ADP", "PRON", "SYM", "PART"})
# the real parse's labels that, on a phrase right after the verb, mean its object
HEADLINE_OBJECT_DEPS = frozenset({"ROOT", "dobj", "appos", "compound", "nmod", "amod", "npadvmod", "nsubj", "attr",
                                  "conj", "dep", "pobj"})


def _headline_line(sent: Any) -> Any:
    """The sentence's headline-like line, else None: the whole sentence, short and with no
    closing stop, or the part before a line break (a title the parser ran into the first line of
    the body: "Kyiv severs ties with Minsk\n\nUkraine's government said ...")."""
    line = sent
    for t in sent:
        if t.is_space and "\n" in t.text:
            line = sent.doc[sent.start: t.i]
            break
    if len(line) == 0 or len(line) > HEADLINE_MAX_TOKENS or line.text.rstrip().endswith(HEADLINE_END):
        return None
    # the line has no verb of its own at its top (one the parser did find is coded as usual)
    if any(t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or not line.start <= t.head.i < line.end) for t in line):
        return None
    return line


def _verb_forms(w: str, *, bare: bool) -> list[str]:
    """Lemma guesses for a third-person present form ("severs", "marches", "denies"); the bare
    form itself only after a plural subject ("Houthis fire")."""
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out = [w[:-1]]
        if w.endswith("es"):
            out.append(w[:-2])
        if w.endswith("ies"):
            out.append(w[:-3] + "y")
        return out
    return [w] if bare and len(w) > 2 else []


def _plural_subject(toks: list[Token]) -> bool:
    """"Houthis", "Thousands", "China, Laos", "Iran and Iraq": a subject a bare verb agrees with."""
    last = toks[-1]
    return (last.tag_ in ("NNS", "NNPS") or (last.lower_.endswith("s") and last.text[:1].isupper())
            or any(t.lower_ in ("and", ",") for t in toks[1:]))


def _headline_verb(lex: Lexicon, sent: Any, dateline_end: int) -> tuple[int, int, str] | None:
    """(verb index, subject start, lemma) of a headline verb the tagger took for a noun, or None.

    Conservative: the line has no verbal root; the word is not first in its phrase, has no
    determiner, possessive or preposition before it, and follows a name-like phrase of nouns
    and adjectives ("the fires in Athens", "Xi's hosts" stay nouns)."""
    line = _headline_line(sent)
    if line is None:
        return None
    doc = sent.doc
    start = max(int(sent.start), dateline_end)
    for t in line:
        if t.i < start:
            continue
        if t.text in (":", ";", "|", "\u2014", "\u2013", "--"):
            start = t.i + 1  # "Rwanda: Hutu militias ...": the line's own lead-in
            continue
        if t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "ADV", "SCONJ"):
            return None  # the subject phrase would hold a verb or a clause: not a simple headline
        if t.pos_ not in ("NOUN", "PROPN") or t.i - start < 1 or t.i + 1 >= line.end:
            continue
        before = [doc[j] for j in range(start, t.i)]
        prev, nxt = doc[t.i - 1], doc[t.i + 1]
        crowd = prev.lower_ in HEADLINE_CROWDS
        if (not all(x.pos_ in HEADLINE_SUBJECT_POS for x in before)
                or (prev.pos_ not in ("NOUN", "PROPN", "ADJ") and not crowd)
                or prev.lower_ in ("'s", "'") or (prev.ent_type_ in NON_PARTY_SUBJECT_ENTS and not crowd)
                or (prev.pos_ == "ADJ" and (not prev.text[:1].isupper() or prev.ent_type_ == "NORP"))
                or nxt.pos_ not in HEADLINE_OBJECT_POS or any(c.dep_ == "det" for c in t.children)):
            continue
        if not any(x.pos_ == "PROPN" or x.ent_type_ in AGENT_ENTS or x.text[:1].isupper() or x.tag_ == "NNS" or crowd
                   or x.lemma_.lower() in STATE_BODY_NOUNS for x in before):
            continue
        plural = _plural_subject(before)
        # "Gaza talks in Cairo": an event noun with no object after a singular name stays a noun
        if nxt.pos_ == "ADP" and not plural and lex.noun(t.lemma_) is not None:
            continue
        for form in _verb_forms(t.lower_, bare=plural):
            if lex.verb_frames(form):
                return int(t.i), start, form
    return None


class _HeadlineView:
    """The headline's parse with the verb restored: the phrase before it its subject, the first
    phrase after it its object, everything else as the parser hung it. Tokens are read through
    ``_Node`` so that the usual frame rules run on the repaired tree."""

    def __init__(self, lex: Lexicon, sent: Any, verb: int, start: int, lemma: str) -> None:
        self.sent, self.verb, self.lemma = sent, verb, lemma
        line = _headline_line(sent)
        lo, hi = int(sent.start), int(line.end if line is not None else sent.end)
        # the line alone: words after its break that the parser hung on it are cut loose
        heads = {t.i: int(t.head.i) if lo <= t.head.i < hi else t.i for t in sent[: hi - lo]}
        deps = {t.i: str(t.dep_) if lo <= t.head.i < hi else "ROOT" for t in sent[: hi - lo]}
        heads[verb], deps[verb] = verb, "ROOT"
        before = range(start, verb)
        roots = [i for i in before if heads[i] not in before or heads[i] == i]
        subj = max((i for i in roots if sent.doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")), default=None)
        for i in roots:
            if subj is None or i == subj:
                continue
            if i + 1 < verb and sent.doc[i + 1].text == ",":
                heads[i], deps[i] = verb, "npadvmod"  # "China, Laos launch ...": a listed party
            else:
                heads[i] = subj
                if deps[i] in ("ROOT", "nsubj", "dobj", "pobj"):
                    deps[i] = "compound"
        if subj is not None:
            heads[subj], deps[subj] = verb, "nsubj"
        after = range(verb + 1, hi)
        has_object = False
        for i in (i for i in after if heads[i] not in after or heads[i] == i):
            tok = sent.doc[i]
            if heads[i] == verb and deps[i] not in HEADLINE_OBJECT_DEPS:
                continue
            if (tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and i - 1 > verb and sent.doc[i - 1].pos_ == "ADP"
                    and not any(deps[j] == "pobj" and heads[j] == i - 1 for j in after)
                    and not self._under(heads, i - 1, i)):
                heads[i], deps[i] = i - 1, "pobj"  # "with Minsk" the parser split at the line break
                continue
            heads[i] = verb
            if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and not has_object and deps[i] in HEADLINE_OBJECT_DEPS:
                deps[i], has_object = "dobj", True
                event = lex.noun(tok.lemma_) is not None and tok.lemma_.lower() not in INSTRUMENT_NOUNS
                for c in tok.children:
                    # "orders Philippine ambassador out": the verb's particle; "fire missiles at a
                    # tanker": the verb's phrase, unless the object is an event that owns it
                    if c.dep_ == "prt" or (c.dep_ == "prep" and c.i > i and c.lower_ != "of" and not event):
                        heads[c.i] = verb
            elif tok.pos_ == "ADP":
                deps[i] = "prep"
            elif tok.pos_ == "PUNCT":
                deps[i] = "punct"
            elif deps[i] in ("ROOT", "nsubj"):
                deps[i] = "dep"
        for i in range(lo, start):
            if heads[i] == i and i != verb:
                heads[i] = verb  # the lead-in before a colon hangs on the verb, as the parser would
                deps[i] = "dep"
        self.heads, self.deps = heads, deps
        kids: dict[int, list[int]] = {i: [] for i in heads}
        for i, h in heads.items():
            if h != i:
                kids[h].append(i)
        self.kids = kids
        self.nodes: dict[int, _Node] = {}

    @staticmethod
    def _under(heads: dict[int, int], i: int, top: int) -> bool:
        """Whether token ``i`` hangs (at any depth) under ``top``."""
        for _ in range(len(heads)):
            if i == top:
                return True
            if heads[i] == i:
                return False
            i = heads[i]
        return False

    def node(self, i: int) -> Any:
        if i not in self.heads:
            return self.sent.doc[i]
        if i not in self.nodes:
            self.nodes[i] = _Node(self, self.sent.doc[i])
        return self.nodes[i]


class _Node:
    """A token of a ``_HeadlineView``: the repaired head, label and children; the rest (text,
    entity type, offsets) is the token's own. The restored verb is a finite VERB with its lemma."""

    __slots__ = ("_view", "_tok", "dep_", "pos_", "tag_", "lemma_")

    def __init__(self, view: _HeadlineView, tok: Token) -> None:
        self._view, self._tok = view, tok
        verb = tok.i == view.verb
        self.dep_ = view.deps[tok.i]
        self.pos_ = "VERB" if verb else tok.pos_
        self.tag_ = ("VBZ" if tok.lower_.endswith("s") else "VBP") if verb else tok.tag_
        self.lemma_ = view.lemma if verb else tok.lemma_

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tok, name)

    def __repr__(self) -> str:
        return repr(self._tok)

    def __len__(self) -> int:
        return len(self._tok)

    @property
    def head(self) -> Any:
        return self._view.node(self._view.heads[self._tok.i])

    @property
    def children(self) -> list[Any]:
        return [self._view.node(j) for j in self._view.kids[self._tok.i]]

    @property
    def lefts(self) -> list[Any]:
        return [c for c in self.children if c.i < self._tok.i]

    @property
    def rights(self) -> list[Any]:
        return [c for c in self.children if c.i > self._tok.i]

    @property
    def subtree(self) -> list[Any]:
        out: list[Any] = []
        stack: list[Any] = [self]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(t.children)
        return sorted(out, key=lambda t: int(t.i))

    @property
    def left_edge(self) -> Any:
        return self.subtree[0]

    @property
    def right_edge(self) -> Any:
        return self.subtree[-1]

    @property
    def ancestors(self) -> list[Any]:
        out: list[Any] = []
        t: Any = self
        while t.head.i != t.i and len(out) < len(self._view.heads):
            t = t.head
            out.append(t)
        return out

    @property
    def conjuncts(self) -> tuple[Any, ...]:
        first: Any = self
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        out: list[Any] = []
        stack: list[Any] = [first]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ == "conj")
        return tuple(t for t in sorted(out, key=lambda t: int(t.i)) if t.i != self._tok.i)

    def nbor(self, k: int = 1) -> Any:
        return self._view.node(self._tok.i + k)


# "will never accept / recognise / tolerate X" states a rejection, not a missing acceptance
REFUSING_WHEN_NEGATED = frozenset({"accept", "recognize", "recognise", "tolerate", "allow", "permit", "endorse"})
# Verbs whose subject, not object, does what the to-clause says ("promised Kyiv to deliver")
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "offer", "threaten", "swear", "agree"})
ABOARD_WORDS = frozenset({"aboard", "onboard", "inside"})
# Entity types whose names may hold an event word ("Monetary Fund", "Party Alliance")
NAME_ENTS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "GPE", "NORP"})
# Participles naming a third party who brings parties together ("talks hosted by Qatar")
MEDIATING_PARTICIPLES = frozenset({"host", "broker", "mediate", "facilitate", "arrange", "sponsor", "chair", "convene"})
# Verbs of a vehicle's load: "a bus carrying pilgrims" (the people aboard are hit)
CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "take"})
# Participles that tie property to its owner ("a yacht linked to X", "assets owned by Y")
OWNING_PARTICIPLES = frozenset({"link", "belong", "own", "tie", "connect", "register", "operate"})
# Prepositions under an eased restriction, a granted amnesty or a met demand that name whom it
# concerns ("imposed on", "for residents", "of Gaza", "against government forces", "to prisoners")
EASED_FOR_PREPS = ("on", "for", "against", "to", "of")
# Noun events whose recipient a to-clause may name ("a threat to annihilate Seoul")
COMPLEMENT_NOUN_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE"})
# Marks of a threat's condition: "... unless Seoul pays", "if the EU imposes sanctions"
CONDITION_MARKS = frozenset({"unless", "if", "until"})
# Nouns of armed or ruling groups that are parties though common nouns ("against the junta")
ARMED_GROUP_NOUNS = frozenset({"junta", "rebel", "militant", "insurgent", "militia", "separatist", "guerrilla",
                               "jihadist", "gang", "cartel", "fighter"})
# "in response / retaliation to X's act": the act answered is under the to-phrase
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reply", "answer", "reaction"})
# Prepositions of where forces go: a place so named is where, not whom, a deployment is aimed at
DESTINATION_PREPS = frozenset({"to", "on", "in", "into", "near", "along", "around", "toward", "towards", "at", "across"})
# "at the request / invitation of X": X asked for what was done, and receives it
REQUEST_OCCASION_NOUNS = frozenset({"request", "invitation", "behest", "invite", "urging"})
# Yielding nouns that a party declares by agreeing to or offering them ("agreed to a ceasefire",
# "offered an apology"), unlike a promise to withdraw (AGREE 035)
DECLARED_YIELD_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "apology"})
# Verbs that ask when their that-clause is in the bare form ("insisted that Kyiv renounce ...",
# "required that Athens cut pensions"), and only state otherwise ("insisted that it was innocent")
MANDATIVE_VERBS = frozenset({"insist", "require", "ask", "order", "demand", "urge", "request"})
# Verbs of letting whose object the parser may make the subject of the complement clause
PERMIT_VERBS = frozenset({"allow", "permit", "let", "enable", "authorize", "authorise"})
# Verbs whose object is the means of the to-clause's act, not its actor ("Azerbaijan used drones
# to destroy tanks": Azerbaijan destroyed them)
INSTRUMENT_VERBS = frozenset({"use", "employ"})
MEASURE_NOUNS = frozenset({"day", "hour", "week", "month", "round", "series", "package", "wave", "set", "spate",
                           "flurry", "volley", "string", "number", "couple", "lot", "raft", "batch", "slew",
                           "tranche", "new round", "minute", "year", "session", "state", "start", "list"})
# Share words: "90 percent of Zambia's debt", "half of its debt", "most of the loans" act on the debt
SHARE_NOUNS = frozenset({"percent", "per cent", "%", "half", "third", "two-thirds", "quarter", "fraction",
                         "portion", "part", "share", "bulk", "most", "much", "all", "some", "rest"})


def _through_measure(o: Token, lex: Lexicon) -> Token:
    """"two days of talks", "a new round of sanctions", "$100 million in aid": the event noun
    behind a measure or an amount."""
    amount = o.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY") or o.like_num
    if o.lemma_.lower() in MEASURE_NOUNS or amount:
        for p in _prep_obj(o, "of", parties=False) + (_prep_obj(o, "in", parties=False) if amount else []):
            if lex.noun(p.lemma_) is not None or p.lemma_.lower() in ("emergency", "siege", "war"):
                return p
    return o


def _quantity_like(o: Token) -> bool:
    return (o.like_num or o.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
            or o.lemma_.lower() in GROUP_NOUNS or o.lemma_.lower() in SHARE_NOUNS or o.lemma_.lower() in MEASURE_NOUNS
            or o.lemma_.lower() in UNIT_NOUNS)


def _counted(o: Token) -> list[Token]:
    """What a quantity counts, through stacked measures ("hundreds of thousands of tonnes of
    rice" -> tonnes, rice); nothing for an object that is no quantity."""
    out: list[Token] = []
    for _ in range(3):
        if not _quantity_like(o):
            break
        inner = _prep_obj(o, "of", parties=False)
        if not inner:
            break
        out.extend(inner)
        o = inner[0]
    return out


def _object_phrases(objs: list[Token]) -> list[Token]:
    """Objects with their conjuncts and, behind a quantity, the noun counted: a preposition that
    names the recipient hangs on any of them ("fired tear gas and birdshot at protesters",
    "surrendered dozens of suspects to Spain")."""
    out: list[Token] = []
    for o in objs:
        for c in _conj(o):
            out.append(c)
            if _quantity_like(c):
                out.extend(_prep_obj(c, "of", parties=False))
    return out


# "let the detainees go", "let X fly home": letting someone leave is releasing them (CAMEO 0841)
LET_VERBS = frozenset({"let", "allow"})
RELEASE_LEMMA = "release"
DEPARTURE_VERBS = frozenset({"go", "leave", "fly", "walk", "return", "depart", "travel", "sail"})


def _let_go(v: Token) -> Token | None:
    """The bare departure verb of "let X go / fly home", whose subject is the one let go."""
    if v.lemma_.lower() not in LET_VERBS:
        return None
    for c in v.children:
        if (c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB" and c.lemma_.lower() in DEPARTURE_VERBS
                and not _kids(c, "aux", "auxpass", "mark", "dobj") and _kids(c, "nsubj")):
            return c
    return None


def _resultative(v: Token) -> bool:
    """"left 40 people dead": an adjective says what became of the object."""
    return any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in v.children)


# Participles that name who stands behind a common-noun actor ("officials led by X", "a car bomb
# planted by Y", "a bomber sent by Z"); "backed by" names a supporter, not the actor, and is absent.
AGENT_PARTICIPLES = frozenset({"lead", "head", "command", "send", "dispatch", "plant", "set", "detonate", "hire",
                               "order", "direct"})


RELATIVE_TAGS = frozenset({"WDT", "WP"})
RELATIVE_CLIMB = 3  # prep/pobj/particle steps from a relative pronoun up to its clause's verb


def _antecedent(t: Token) -> Token:
    """The noun a relative pronoun stands for ("the decision, which Moscow lashed out at": the
    decision); through an apposition to the name it describes ("Tundu Lissu, the party leader
    who was detained": Tundu Lissu). Any other token is itself."""
    if t.lower_ not in RELATIVE or t.tag_ not in RELATIVE_TAGS:
        return t
    v = t.head
    for _ in range(RELATIVE_CLIMB):
        if v.dep_ == "relcl" or v.head is v:
            break
        v = v.head
    if v.dep_ != "relcl":
        return t
    noun = v.head
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
        noun = noun.head
    return noun


# Forces put on alert or moved with no one named are the actor's own
OWN_FORCE_NOUNS = frozenset({"force", "troop", "soldier", "army", "military", "unit", "reservist", "navy", "police"})


def _no_recipient(t: Token) -> bool:
    """A show of force's object or place that names no adversary: the actor's own forces ("its
    air force"), an unnamed thing, or a sea or region ("the Gulf") rather than a state."""
    if any(c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS for c in t.children):
        return True
    if t.ent_type_ in ("LOC", "FAC"):
        return True
    if (t.pos_ == "NOUN" and t.lemma_.lower() in OWN_FORCE_NOUNS and t.dep_ in ("dobj", "nsubjpass")
            and not _named(t) and not any(c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE") for c in t.children)):
        return True  # "placed forces on standby", "put troops on alert": the actor's own forces
    return t.pos_ == "NOUN" and not _party_like(t) and not _named(t)


def _unnamed_thing(t: Token) -> bool:
    """A common-noun object that names no party or people: "an oil refinery", not "the Ukrainian
    freighter Faina", "27 worshippers", "sites of the Houthis"."""
    if t.pos_ != "NOUN" or _party_like(t) or _victim_like(t) or t.lemma_.lower() in PERSON_NOUNS:
        return False
    if any(c.ent_type_ in AGENT_ENTS or (c.pos_ == "PROPN" and c.dep_ in ("compound", "appos", "nmod"))
           for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss", "appos")):
        return False
    return not any(_party_like(p) for p in _prep_obj(t, "of"))


def _where(v: Token) -> list[Token]:
    """The named place an act was done in, under the verb or its object: "struck nine sites in
    Pakistan", "imposed a curfew across the Kashmir valley" (a state, region or city)."""
    heads = [v, *(o for o in _kids(v, "dobj", *PASS_SUBJ_DEPS))]
    for h in heads:
        for word in PLACE_TARGET_PREPS:
            found = [t for t in _prep_obj(h, word) if t.ent_type_ in ("GPE", "LOC")
                     or any(c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "LOC") for c in t.children)]
            if found:
                return found
    return []


def _by_agents(n: Token, *, any_direct: bool, participle: bool, under_of: bool) -> list[Token]:
    """Who did an event or made a thing, from a by-phrase: the noun's own ("the attack by X"),
    one under its past participle that takes no object ("atrocities committed by X", "a map
    published by Beijing"), or one the parser hung on the noun's of-phrase ("the expulsion of
    four diplomats by Prague"). Each reader asks for the places it trusts, which is why the
    switches are explicit: the noun's own by-phrase counts whatever it names with
    ``any_direct`` (an event noun's by-phrase is its doer) and only parties without it (a
    thing's may name a means); a participle can name a host rather than an agent ("talks
    hosted by Qatar"), so a noun's own actors leave it out. The first place that names someone
    wins; of participles, the first that names a party."""
    direct = _prep_obj(n, "by")
    found = direct if any_direct else [p for p in direct if _party_like(p)]
    if found:
        return found
    if participle:
        for c in n.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and not _kids(c, "dobj"):
                found = [p for p in _prep_obj(c, "by") if _party_like(p)]
                if found:
                    return found
    if under_of:
        return [b for o in _prep_obj(n, "of") for b in _prep_obj(o, "by") if _party_like(b)]
    return []


def _made_by(t: Token) -> list[Token]:
    """The named party whose thing or deed a common-noun recipient is, from its by-phrase: "rejected
    a map published by Beijing", "blew up an office built by Seoul", "examined abuses by the
    army". A thing is no actor; what is done to it is done to whoever made or did it."""
    if t.pos_ != "NOUN" or _party_like(t) or _named(t):
        return []
    return _by_agents(t, any_direct=False, participle=True, under_of=False)


def _represented(t: Token) -> list[Token]:
    """The parties a common noun acts for, from its for/from phrase: "negotiators for the
    government and the rebels", "envoys from Sudan's army"; for forces and vessels only when
    several parties share them ("warships from China, Russia and Iran")."""
    lemma = t.lemma_.lower()
    if t.pos_ != "NOUN" or t.ent_type_ or lemma not in AGENT_OF_PARTY_NOUNS | SHARED_FORCE_NOUNS:
        return []
    parties = [p for w in ("for", "from") for p in _prep_obj(t, w) if _party_like(p)]
    if lemma in SHARED_FORCE_NOUNS and len(parties) < 2:
        return []
    return parties


def _behind(t: Token) -> list[Token]:
    """The named party behind a common-noun actor, from its participle's by-phrase."""
    if t.pos_ != "NOUN" or t.ent_type_ or any(
            c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ in AGENT_ENTS for c in t.children):
        return []  # "Chechen rebels led by X" are named by their own phrase
    for c in t.children:
        if (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AGENT_PARTICIPLES
                and t.doc[c.i - 1].text != ","):
            found = [b for b in _prep_obj(c, "by") if _party_like(b)]
            if found:
                return found
    return []


# Event nouns whose from-phrase names who gives or says them ("aid from Japan", "a warning from
# Beijing"); for a withdrawal, expulsion or purchase it names the place or seller instead.
FROM_SOURCE_TYPES = frozenset({"AID", "THREATEN", "REQUEST", "ACCUSE", "SUPPORT", "AGREE", "REJECT"})


# Verbs whose subject receives the event noun they take ("received a loan from the IMF")
RECEIVING_VERBS = frozenset({"receive", "get", "win", "secure", "obtain"})


PRONOUNS_NO_ACTOR = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"})


def _place(t: Token) -> bool:
    """A place named as where something happened ("flew to Sanaa"), not a person or a body."""
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "at") and t.pos_ == "PROPN" and t.ent_type_ != "ORG":
        return True  # "flew to Sanaa", "was in Damascus" (whatever entity type the tagger gave it)
    return t.ent_type_ in ("GPE", "LOC", "FAC") and t.lemma_.lower() not in STATE_BODY_NOUNS


def _named(t: Token) -> bool:
    """A thing or place with a name in its phrase ("Yeonpyeong island", "Iran's embassy")."""
    return any(c.dep_ in ("compound", "poss", "nmod") and c.ent_type_ in AGENT_ENTS for c in t.children)


def _named_target(t: Token) -> bool:
    """A place hit that is named in its own of-phrase, which the victims counted after the event
    do not replace: "the Kurdish town of Halabja", "the port city of Beira"."""
    if t.pos_ != "NOUN":
        return False
    return any(p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "LOC", "FAC") for p in _prep_obj(t, "of"))


def _victim_like(t: Token) -> bool:
    """A party, or people counted ("27 worshippers", "dozens of children"), not a thing hit."""
    if _party_like(t):
        return True
    counted = any(c.dep_ == "nummod" or c.ent_type_ == "CARDINAL" for c in t.children)
    return t.pos_ == "NOUN" and (counted or (_quantity_like(t) and bool(_prep_obj(t, "of", parties=False))))


SMALL_CLAUSE_DEPS = frozenset({"ccomp", "oprd", "advcl", "acomp", "xcomp"})


def _small_clauses(v: Token) -> list[Token]:
    """The adjective that says what the verb makes of its object ("found the minister guilty",
    "set the hostages free", "declared the vote void"): the parser hangs it on the verb as a
    clause or a predicate. It names the verb's meaning as a particle does."""
    return [c for c in v.children if c.dep_ in SMALL_CLAUSE_DEPS and c.pos_ == "ADJ" and c.i > v.i]


def _is_passive(v: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ_DEPS or c.dep_ == "auxpass" for c in v.children) or _reduced_passive(v)


def _destination(t: Token) -> bool:
    """A place forces were sent to or put in ("to the Syrian frontier", "on Okinawa"), not a party."""
    return (t.dep_ == "pobj" and t.head.lower_ in DESTINATION_PREPS and t.ent_type_ not in ("ORG", "NORP")
            and t.lemma_.lower() not in STATE_BODY_NOUNS)


def _in_name(n: Token) -> bool:
    """An event noun that is a word of an organisation's or a place's name ("the International
    Monetary Fund", "the Seven Party Alliance", "Islamic Relief"): a capitalised word inside a
    longer named entity, not its first word."""
    return (n.pos_ == "PROPN" and n.ent_type_ in NAME_ENTS and n.ent_iob_ == "I"
            and n.text[:1].isupper())


def _occupants(t: Token) -> list[Token]:
    """The people a vehicle hit was carrying: "an armoured vehicle carrying Canadian soldiers",
    "the train with 400 passengers aboard"."""
    out = [x for a in t.children if a.dep_ == "acl" and a.lemma_.lower() in CARRYING_VERBS
           for o in _kids(a, "dobj") for x in _conj(o) if _victim_like(x) or x.lemma_.lower() in PERSON_NOUNS]
    return out or [x for x in _prep_obj(t, "with") if _victim_like(x) and any(
        c.lower_ in ABOARD_WORDS for c in x.children)]


def _seized_thing(t: Token) -> bool:
    """Property seized rather than a person, a party or a place: "boxes of documents", "a tanker",
    "the superyacht Amadea" (a named vessel), not "hostages", "Crimea" or "the opposition"."""
    if t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG", "LOC") or t.lemma_.lower() in PERSON_NOUNS:
        return False
    return not _victim_like(t) or t.pos_ == "PROPN"


def _misread_participle(v: Token) -> bool:
    """A finite past-tense verb the parser read as a participle hung on its subject: "Gang
    members from the coalition killed 115 people" (the "participle" takes a direct object), "A
    senior official conferred with the junta leader" (the noun is the sentence's root, so
    there is no other verb). A reduced passive ("the aid approved by X") has neither."""
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD") or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if _prep_obj(v, "by") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    return bool(_kids(v, "dobj")) or (v.head.dep_ == "ROOT" and v.i == v.head.i + 1)


def _reduced_passive(v: Token) -> bool:
    """A past participle after its noun with a named agent: "Fabio Ochoa, extradited by Colombia
    to the United States", "a loan approved by the World Bank". The noun is the passive's
    subject, the by-phrase its actor."""
    if v.head.dep_ in COMMON_SOURCE_DEPS and v.lemma_.lower() in AGENT_PARTICIPLES:
        return False  # "a bomb planted by X killed ...": who is behind the subject (_behind), one event
    return (v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN")
            and any(_party_like(b) for b in _prep_obj(v, "by")))


class FrameFinder:
    """Codes frames in one parsed sentence (``spacy.tokens.Span``) with one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        # per-sentence memo of the argument look-ups every rule repeats (token index -> result)
        self._subjects: dict[int, tuple[list[Token], bool]] = {}
        self._objects: dict[int, list[Token]] = {}
        self._datelines: dict[int, int] = {}

    def _dateline(self, v: Token) -> int:
        start = int(v.sent.start)
        if start not in self._datelines:
            self._datelines[start] = _dateline_end(v.sent)
        return self._datelines[start]

    # ------------------------------------------------------------------------------ arguments
    def subjects(self, v: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Source heads of verb ``v`` and whether they came from a passive by-phrase."""
        if depth > 6:
            return [], False
        if v.i not in self._subjects:
            self._subjects[v.i] = self._find_subjects(v, depth)
        found, by = self._subjects[v.i]
        return list(found), by

    def _find_subjects(self, v: Token, depth: int) -> tuple[list[Token], bool]:
        if _is_passive(v):
            agents = _prep_obj(v, "by") or self._low_agent(v)
            return agents, True
        subj = _kids(v, *SUBJ_DEPS)
        dl = self._dateline(v)
        if subj and dl > v.sent.start:
            # "KABUL, Aug 26 (Wire) — A suicide bomber ... blew himself up": the parser makes the
            # dateline's city the subject and the real one its apposition, or a second subject
            subj = [t for t in subj if t.i >= dl] or [
                a for t in subj for a in t.children if a.dep_ == "appos" and a.i >= dl]
        if len(subj) > 1:
            # "The evil awful Gondor attacked": stacked adjectives the parser made a second subject
            doc = v.doc
            subj = [t for t in subj if not (t.pos_ == "ADJ" and any(
                n.pos_ in ("PROPN", "NOUN") and n.i > t.i
                and all(doc[j].pos_ == "ADJ" for j in range(t.i + 1, n.i)) for n in subj))] or subj
        if subj:
            s = subj[0]
            if s.lower_ in RELATIVE and v.dep_ == "relcl":
                return _conj(v.head), False
            # headline coordination with a comma: "Japan, Philippines sign defence pact", "Iran,
            # Saudi Arabia agree ..." (two subjects), "IMF, Argentina reach deal" (under the subject)
            doc = v.doc
            extra = [c for c in v.children if c.dep_ in ("npadvmod", "nmod", "dep") and dl <= c.i < s.i and (
                (c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "NORP", "ORG"))
                # "Abe, Putin discuss ...", "Philippines, Japan to sign ...": a name (of any entity
                # type, whatever the tagger made of it) listed before the subject with a comma
                or (c.ent_type_ in ("GPE", "ORG", "PERSON") and c.pos_ in ("PROPN", "NOUN")
                    and c.i + 1 < len(doc) and doc[c.i + 1].text == ","))]
            if (len(subj) == 2 and subj[0].i < subj[1].i and all(_headline_party(t) for t in subj)
                    and any(doc[j].text == "," for j in range(subj[0].i + 1, subj[1].left_edge.i))):
                return [*extra, subj[0], *_conj(subj[1])], False
            extra += [c for c in s.children if c.dep_ in ("nmod", "npadvmod") and c.i < s.i and _headline_party(c)
                      and c.i + 1 < len(doc) and doc[c.i + 1].text == ","]
            return [*extra, *_conj(s)], False
        head_subj = _headline_subject(v)
        if head_subj is not None:
            return _conj(head_subj), False
        if v.dep_ == "relcl":
            return _conj(v.head), False
        if v.dep_ == "acomp" and v.head is not v:  # "is about / ready / set to restore ties"
            return self.subjects(v.head, depth + 1)
        if v.dep_ in ("conj", "advcl", "xcomp", "ccomp") and v.head is not v:
            head = v.head
            if v.dep_ == "xcomp":
                objs = _kids(head, "dobj")
                if objs and head.lemma_.lower() not in SUBJECT_CONTROL | INSTRUMENT_VERBS:
                    return _conj(objs[0]), False  # "urged Iran to ...", "prompted Blinken to ...": the object acts
                raised = _kids(head, *PASS_SUBJ_DEPS)
                if (raised and _is_passive(head) and not _prep_obj(head, "by") and _has_to(v)
                        and head.lemma_.lower() not in EPISTEMIC_VERBS):
                    return _conj(raised[0]), False  # "Erdogan is scheduled to travel": Erdogan travels
            if v.dep_ in ("advcl", "ccomp") and v.tag_ not in ("VBG", "VBN", "VB"):
                return [], False
            return self.subjects(head, depth + 1)
        if v.dep_ in ("pcomp", "pobj") and v.head.head is not v.head:
            return self.subjects(v.head.head, depth + 1)
        if v.dep_ == "acl" and v.tag_ == "VBG":
            return _conj(v.head), False
        if _misread_participle(v):  # "A senior official conferred with ...": the noun acts
            return _conj(v.head), False
        if v.dep_ == "acl" and _has_to(v) and v.head.lemma_.lower() in DECISION_NOUNS:
            # "Tokyo's decision to curb exports to Beijing": the one who decided acts
            owner = [p for p in _kids(v.head, "poss") if p.lower_ not in POSS_PRONOUNS]
            if owner:
                return _conj(owner[0]), False
        stray = _stray_subject(v, self._dateline(v))
        if stray is not None:
            return _conj(stray), False
        return [], False

    def objects(self, v: Token) -> list[Token]:
        if v.i not in self._objects:
            self._objects[v.i] = self._find_objects(v)
        return list(self._objects[v.i])

    def _find_objects(self, v: Token) -> list[Token]:
        objs = _kids(v, "dobj")
        if not objs and _is_passive(v):
            objs = [v.head] if _reduced_passive(v) else _kids(v, *PASS_SUBJ_DEPS)
        if not objs:  # "pulled out its troops": object under the particle's pobj
            for c in _kids(v, "prt"):
                objs.extend(_kids(c, "pobj"))
        if not objs:  # "help Pakistan rebuild", "let Ukraine export": the parser makes the
            # object the subject of a bare infinitive clause
            objs = [s for c in v.children if c.dep_ == "ccomp" and c.tag_ == "VB"
                    and not _kids(c, "aux", "auxpass", "mark") for s in _kids(c, "nsubj")
                    if s.lower_ not in RELATIVE]
        if not objs and v.lemma_.lower() in PERMIT_VERBS:  # "allowed IAEA inspectors to install
            # cameras", "let a convoy reach Mekele": the one let in is the object, whatever the tag
            objs = [s for c in v.children if c.dep_ == "ccomp" and c.tag_ in ("VB", "VBP")
                    and not _kids(c, "mark") and all(a.lower_ == "to" for a in _kids(c, "aux"))
                    for s in _kids(c, "nsubj") if s.lower_ not in RELATIVE]
        if not objs:  # "found the minister guilty": the subject of the adjective's small clause,
            # where the lexicon has the verb with that adjective ("make X transparent" has none)
            named = {f.particle for f in self.lex.verb_frames(v.lemma_) if f.particle}
            objs = [s for c in _small_clauses(v) if c.lower_ in named
                    for s in _kids(c, "nsubj") if s.lower_ not in RELATIVE]
        if not objs:  # "armed and trained the army": an object shared with the next verb
            objs = [o for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == v.i + 2
                    and v.doc[v.i + 1].dep_ == "cc" for o in _kids(c, "dobj")]
        return objs

    def targets(self, v: Token, slots: tuple[str, ...], *, passive: bool) -> tuple[list[Token], str | None]:
        for slot in slots:
            found: list[Token] = []
            if slot == "dobj":
                found = self._first_object(v)
                if not found:
                    found = [t for o in self.objects(v) for t in _conj(o)] if passive or _kids(v, "dobj") else []
                if not found and not passive:
                    found = [t for o in self.objects(v) for t in _conj(o)]
            elif slot == "dative":
                found = [t for d in _kids(v, "dative") for t in (_conj(d) if d.pos_ != "ADP" else _prep_obj(v, d.lower_))]
                found = found or self._first_object(v)
            elif slot == "subject":  # a verb dictionary's "+ *": the subject is the target
                found = self.subjects(v)[0]
            elif slot == "actor":  # a verb dictionary's default: the first party in the verb's phrase
                found = [t for o in self.objects(v) for t in _conj(o)] if passive else _first_party(v)
            elif slot.startswith("prep:"):
                found = _prep_obj(v, slot[5:]) or ([] if passive else [
                    p for c in _kids(v, "advmod", "prt") for p in _prep_obj(c, slot[5:])])
                if not found:  # ("handed Hong Kong back to China": the phrase under the particle;
                    # "aid to Uganda was cut": under the passive's subject)
                    for o in _object_phrases(_kids(v, "dobj") or (_kids(v, *PASS_SUBJ_DEPS) if passive else [])):
                        found = _prep_obj(o, slot[5:])
                        if found:
                            break
            elif slot == "acl":  # "accepted an invitation to visit Washington": who is visited
                for o in self.objects(v):
                    for c in o.children:
                        if c.dep_ == "acl" and _has_to(c):
                            found.extend(t for d in _kids(c, "dobj") for t in _conj(d))
                            found.extend(_prep_obj(c, "to"))
            elif slot in ("poss", "amod", "compound"):
                objs = self.objects(v)
                if slot == "poss":  # "came to Moscow's defence": the owner of the particle's object;
                    # "forgave 90 percent of Zambia's debt": the owner of what a share counts
                    objs = objs or [p for c in _kids(v, "prt", "prep") for p in _kids(c, "pobj")]
                    objs = [*objs, *(p for o in objs for p in _counted(o))]
                for o in objs:
                    found.extend(c for c in o.children if c.dep_ == slot)
                    if slot == "poss" and not found:
                        found.extend(_prep_obj(o, "of"))
            if found:
                return [x for t in found for x in self._inner_or_agent(t)], slot
        first = self._first_object(v) if slots else []
        if first:  # a double object names the recipient first, whichever slots the entry lists
            return first, "first object"
        if slots:  # "called for the resumption of talks with Greece": the party in the phrase
            pobjs = [p for c in _kids(v, "prep") for p in _kids(c, "pobj")]
            pobjs += [p for c in _kids(v, "prt") for q in _kids(c, "prep") for p in _kids(q, "pobj")]
            inner = [t for o in [*self.objects(v), *pobjs] for t in _inner_parties(o)]
            if inner:
                return inner, "inner"
        return [], None

    def _low_agent(self, v: Token) -> list[Token]:
        """A passive's by-phrase the parser hung on the last noun before it ("was recognised as
        interim president by the United States", "supplied with drone parts by Iran"); not the
        by-phrase of an event noun ("a loan approved after talks by ..."), nor one in a clause."""
        stack = [c for c in v.children if c.dep_ in ("prep", "dobj", "oprd", "attr", "advmod")]
        while stack:
            t = stack.pop()
            if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.head.i != v.i:
                h = t.head
                if h.pos_ in ("NOUN", "PROPN") and noun_trigger(self.lex, h) is None:
                    found = [p for p in _prep_obj(h, "by") if _party_like(p)]
                    if found:
                        return found
            stack.extend(c for c in t.children if c.dep_ in ("prep", "pobj", "conj", "appos", "compound", "agent"))
        return []

    @staticmethod
    def _first_object(v: Token) -> list[Token]:
        """The recipient of a verb with two objects: the first of two the parser tags both as
        direct objects ("handed Italy the fugitive", "fed Ukraine intelligence"), or the subject
        of a passive that keeps its object ("Egypt was promised a loan by the IMF")."""
        dobjs = _kids(v, "dobj")
        if not dobjs:
            return []
        if _is_passive(v):
            return [t for s in _kids(v, *PASS_SUBJ_DEPS) for t in _conj(s) if s.lower_ not in RELATIVE]
        if len(dobjs) > 1 and dobjs[0].i < dobjs[1].i and _party_like(dobjs[0]):
            return _conj(dobjs[0])
        return []

    def _inner_or_agent(self, t: Token) -> list[Token]:
        """The acting party of an event object, else the party in a phrase under a non-actor object."""
        agent = self._agent_of_event(t)
        if agent is not t:
            return [agent]
        nt = self.lex.noun(t.lemma_)
        if nt is not None and nt.type in MATERIAL_CONFLICT:
            return [t]  # "condemned the attack on Kyiv": Kyiv is the victim, not the one condemned
        return _inner_parties(t) or _made_by(t) or [t]

    def _crowd(self, t: Token) -> bool:
        """People counted as a group ("protesters", "gangs", "residents"), not an event or a place."""
        return t.tag_ == "NNS" and noun_trigger(self.lex, t) is None and not _place(t)

    def _agent_of_event(self, t: Token) -> Token:
        """"condemned the attack by X" / "X's decision": the target is the one who acted."""
        if t.pos_ == "NOUN" and (self.lex.noun(t.lemma_) is not None or t.lemma_ in ("decision", "policy", "move", "action", "plan", "behavior", "behaviour", "conduct", "stance", "remark", "comment", "statement")):
            by = _by_agents(t, any_direct=True, participle=True, under_of=True)
            if by:  # "the attack by X", "atrocities committed by X"
                return by[0]
            poss = _kids(t, "poss")
            if poss and poss[0].lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
                return poss[0]
            nt = self.lex.noun(t.lemma_)
            # "demands from the opposition Wefaq society", "offers from Myanmar's generals"
            source = [p for p in _prep_obj(t, "from") if _party_like(p) or _named(p) or self._crowd(p)
                      or p.lemma_.lower() in BODY_NOUNS]
            if nt is not None and nt.type in FROM_SOURCE_TYPES and source:
                return source[0]  # "a deposit from Saudi Arabia shored up ...": Saudi Arabia did
            named = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG")]
            if named:
                return named[0]  # "US sanctions", "Israeli strikes"
        return t

    # ------------------------------------------------------------------------------- choosing
    def choose_verb_frame(self, v: Token) -> tuple[VerbFrame | None, int]:
        frames = self.lex.verb_frames(v.lemma_)
        if _let_go(v) is not None:
            frames = self.lex.verb_frames(RELEASE_LEMMA) or frames
        if not frames:
            frames = next((fs for w in _surface_lemmas(v) if (fs := self.lex.verb_frames(w))), [])
        if not frames:
            return None, 0
        particles = {c.lower_ for c in v.children if c.dep_ in ("prt", "prep", "agent", "dative", "advmod")
                     and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)}  # "called Xi on Tuesday"
        particles |= {c.lower_ for c in _small_clauses(v)}  # "found X guilty", "set X free"
        if _for_clause(v) is not None:
            particles.add("for")  # "called for Maduro to leave": the clause's marker is the particle
        # "banned TikTok and dozens of other apps": any of the coordinated objects names the kind
        coordinated = [c for o in self.objects(v) for c in _conj(o)[1:]]
        obj_lemmas = {o.lemma_.lower() for o in self.objects(v)} | {o.lower_ for o in self.objects(v)}
        obj_lemmas |= {w for c in coordinated for x in [c, *_counted(c)] if not c.ent_type_ or _counted(c)
                       for w in (x.lemma_.lower(), x.lower_)}
        obj_lemmas |= {_through_measure(o, self.lex).lemma_.lower() for o in self.objects(v)}  # "a state of emergency"
        obj_lemmas |= {p.lemma_.lower() for o in self.objects(v)  # "seized dozens of hostages",
                       for p in _counted(o)}  # "shipped 400,000 tonnes of rice"
        named_obj = any(o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for o in self.objects(v))
        money_obj = any(o.ent_type_ == "MONEY" for o in self.objects(v))
        obj_lemmas |= {c.lemma_.lower() for o in self.objects(v) for c in o.children
                       if c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in MARKED_ADJ)}
        # a plural proper name is a kind of thing ("the Benin Bronzes": bronzes)
        obj_lemmas |= {o.lower_[:-1] for o in self.objects(v) for o in [o, *_counted(o)]
                       if o.tag_ == "NNPS" and o.lower_.endswith("s")}
        prts = {c.lower_ for c in v.children if c.dep_ == "prt"}
        # "handed Hong Kong back to China": the tagger's adverb "back" before a to-phrase is the
        # particle, where a frame of the particle fits (else the plain verb's frames are tried)
        adv_prts = {c.lower_ for c in v.children if c.dep_ == "advmod" and c.lower_ in HANDOVER_PARTICLES
                    and c.i > v.i and _kids(c, "prep")}
        if (prts | adv_prts) & HANDOVER_PARTICLES and any(o.ent_type_ in ("GPE", "LOC") for o in self.objects(v)):
            obj_lemmas.add("territory")  # a place handed back or over is territory
        obj_lemmas |= {normalize_lemma(x) for x in obj_lemmas}
        prep_objs: dict[str, set[str]] = {}  # "went on strike": the particle's object
        for c in v.children:
            if c.dep_ in ("prep", "prt", "advmod"):
                # also the object of a preposition under the particle ("pulled out of the deal",
                # "walked away from the talks") and the object's compound ("went on hunger strike")
                heads = [p for p in c.children if p.dep_ == "pobj"]
                heads += [q for p in c.children if p.dep_ == "prep" for q in p.children if q.dep_ == "pobj"]
                found = prep_objs.setdefault(c.lower_, set())
                found.update(p.lemma_.lower() for p in heads)
                found.update(m.lemma_.lower() for p in heads for m in p.children if m.dep_ == "compound")
                found.update(q.lemma_.lower() for p in heads for q in _counted(p))  # "with thousands of rockets"
        subj_lemmas = {t.lemma_.lower() for t in self.subjects(v)[0]}
        crowd = any(t.tag_ == "NNS" and not t.ent_type_ and t.lemma_.lower() not in STATE_BODY_NOUNS
                    for t in self.subjects(v)[0])
        subj_lemmas |= {c.lemma_.lower() for t in self.subjects(v)[0] for c in t.children if c.dep_ in ("compound", "amod")}
        # "told X to leave" asks; "told reporters that ..." only speaks
        has_verbal_comp = any(
            c.pos_ in ("VERB", "AUX") and (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))
            for c in v.children) or _adverbial_to_clause(v) is not None or _for_clause(v) is not None
        # "insisted that Russia pull its troops out": a that-clause in the bare (mandative) form asks
        has_verbal_comp = has_verbal_comp or (v.lemma_.lower() in MANDATIVE_VERBS and any(
            c.dep_ == "ccomp" and _kids(c, "nsubj") and not _kids(c, "aux", "auxpass")
            and (c.tag_ == "VB" or (c.tag_ in ("VBD", "VBP") and c.lower_ == c.lemma_.lower()))  # "that Greece cut"
            for c in v.children))
        best: VerbFrame | None = None
        best_score = -10**6
        for tried in ([prts | adv_prts, prts] if adv_prts - prts else [prts]):
            site: PatternSite | None = None
            for f in frames:
                score = -100 * f.rank
                if f.dictionary is not None:  # a verb-dictionary entry: its words around the verb
                    site = site or PatternSite(v, self.subjects(v)[0])
                    extra = site.score(f.dictionary)
                    if extra is None:
                        continue
                    score += extra
                if f.particle:
                    if f.particle.split()[0] not in particles:
                        continue
                    score += 2
                elif f.type == "CONSULT" and any(c.dep_ == "oprd" for c in v.children):
                    continue  # "what he called its habit": naming, not a phone call
                elif tried & MEANING_PARTICLES and not (f.dictionary is not None and tried & f.dictionary.words):
                    continue  # "giving up a bid" is not giving; "took over the town" needs its own frame
                if f.objects:
                    pobjs = prep_objs.get(f.particle.split()[-1], set()) if f.particle else set()
                    markers = (ACTOR_OBJECT if named_obj else set()) | ({MONEY_OBJECT} if money_obj else set())
                    if not (obj_lemmas | pobjs | markers) & f.objects:
                        continue
                    score += 4
                if f.subjects:
                    if not subj_lemmas & f.subjects and not (CROWD_SUBJECT in f.subjects and crowd):
                        continue
                    score += 4
                if f.requires == "complement":
                    if not has_verbal_comp:
                        continue
                    score += 1
                if score > best_score:
                    best, best_score = f, score
            if best is not None:
                break
        return best, best_score

    def complement(self, v: Token) -> Token | None:
        """The event a control verb governs: to-clause, that-clause, gerund or event noun."""
        for c in v.children:
            if c.dep_ == "xcomp" and (c.pos_ in ("VERB", "AUX") or (_has_to(c) and c.pos_ == "NOUN")):
                return c  # "offered to host talks": a to-infinitive the tagger took for a noun
        for c in v.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
                return c
        for o in _kids(v, "dobj"):
            o = _through_measure(o, self.lex)
            if self.lex.noun(o.lemma_) is not None:
                return o
        for c in v.children:
            if c.dep_ in ("prep",) and c.lower_ in ("for", "to", "of", "with", "on", "against", "from", "into"):
                for p in c.children:
                    if p.dep_ == "pcomp" and p.pos_ in ("VERB", "AUX"):
                        return p
                    if p.dep_ == "pobj":
                        p = _through_measure(p, self.lex)
                        if self.lex.noun(p.lemma_) is not None:
                            return p
        return _adverbial_to_clause(v) or _for_clause(v)

    # ---------------------------------------------------------------------------------- modes
    def _clause_status(self, v: Token) -> tuple[str, Token | None, bool, bool]:
        """(status, reported_by verb, future, obligation) of the clause headed by ``v``.

        Under a speech verb "would" is the reported form of "will" ("said it would withdraw"),
        unless an if-clause makes it conditional; "must"/"should" there is a demand on the
        clause's subject ("said Iran must release the sailors")."""
        future = False
        status = "fact"
        seen_aux: set[str] = set()
        conditional = False
        t = v
        speech: Token | None = None
        for _ in range(8):
            auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            seen_aux |= auxes
            conditional = conditional or any(
                c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in _kids(c, "mark")) for c in t.children)
            if auxes & FUTURE_AUX or ("to" in auxes and (t.dep_ == "ROOT" or _headline_subject(t) is not None)):
                future = True
            if t.dep_ == "xcomp" and t.head.lower_ in INTENT_ADJ:
                future = True
            if t.dep_ == "xcomp" and t.head.lower_ in LIKELIHOOD_ADJ:
                status = "hypothetical"
            if (t.dep_ == "xcomp" and t.head.lower_ in INTENT_ADJ | LIKELIHOOD_ADJ and t.head.dep_ == "acomp"
                    and t.head.head is not t.head):
                # "said he was ready to meet X": the clause is the copula's, which may be reported
                t = t.head.head
                continue
            if auxes & HYPOTHETICAL_AUX:
                status = "hypothetical"
            if (t.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in _kids(t, "mark"))) or _inverted_condition(t):
                return "hypothetical", None, future, False
            if t.dep_ in ("ccomp", "parataxis") or (t.dep_ == "conj" and t.head.dep_ == "ccomp"):
                head = t.head if t.dep_ != "conj" else t.head.head
                if t.dep_ != "parataxis" and normalize_lemma(head.lemma_) in SPECULATION_VERBS and (
                        future or status == "hypothetical" or seen_aux & (FUTURE_AUX | HYPOTHETICAL_AUX)):
                    return "hypothetical", None, future, False
                if self.lex.is_speech(head.lemma_):
                    speech = head
                    break
            if t.dep_ == "conj" and t.head is not t:
                t = t.head
                continue
            break
        obligation = bool(seen_aux & OBLIGATION_AUX)
        if conditional and future and status == "fact":
            status = "hypothetical"  # "if X attacks, the alliance will meet": on a condition
        if speech is not None and status == "hypothetical" and not conditional:
            if seen_aux & REPORTED_FUTURE_AUX and not seen_aux & (HYPOTHETICAL_AUX - REPORTED_FUTURE_AUX - OBLIGATION_AUX):
                status, future = "fact", True
            if obligation:
                status = "fact"
        return status, speech, future, obligation and speech is not None

    def _sports_result(self, v: Token) -> bool:
        """"Brazil beat Argentina 2-1", "Japan edged Germany in the World Cup": a contest verb in a
        sentence with a score or a sports word (the lexicon's [contest] table)."""
        if normalize_lemma(v.lemma_) not in self.lex.contest_verbs:
            return False
        text = v.sent.text.lower()
        if SCORE_RX.search(text):
            return True
        words = {t.lemma_.lower() for t in v.sent} | {t.lower_ for t in v.sent}
        return bool(words & self.lex.contest_markers) or any(" " in m and m in text for m in self.lex.contest_markers)

    def _unwilling(self, v: Token) -> bool:
        """"is not ready to meet", "was never willing to talk": the intent adjective over the
        clause, or its copula, is negated."""
        if v.dep_ != "xcomp" or v.head.lower_ not in INTENT_ADJ | LIKELIHOOD_ADJ:
            return False
        return self._negated(v.head) or (v.head.dep_ == "acomp" and self._negated(v.head.head))

    @staticmethod
    def _negated(v: Token) -> bool:
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod", "neg")) for c in v.children):
            return True
        return False

    # ------------------------------------------------------------------------------ composing
    @staticmethod
    def compose(role: str, parent: VerbFrame, child: Frame | None) -> tuple[str, str | None, str] | None:
        """Type, mode and CAMEO code of a control verb with its complement event."""
        ct = child.type if child else None
        if role == "agree":
            if ct == "SUPPORT" and child is not None and child.trigger.pos_ == "NOUN":
                if child.cameo != "057":
                    # "pledged / offered its support to Kyiv": the pledge is itself the verbal backing
                    return "SUPPORT", None, child.cameo

            if ct in YIELDING:
                # an explicit promise to yield is CAMEO 035, whose root 03 maps to AGREE; only a
                # bare future ("will withdraw") stays CONCEDE (see _future)
                return "AGREE", None, "035"
            if ct in MATERIAL_CONFLICT or ct == "THREATEN":
                return _threat(child)
            sub = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032"}.get(ct or "", "030")
            return "AGREE", None, sub
        if role == "intend":
            if child is None:
                return None
            return _future(child)  # "decided to cut back operations" stays CONCEDE (plover.md)
        if role == "refuse":
            if ct in ("CONSULT",) or (child and child.cameo.startswith("036")):
                return "REJECT", "meet", "125"
            if ct in ("AID", "COOPERATE"):
                return "REJECT", "assist", "121"
            if ct in YIELDING:
                return "REJECT", "yield", "124"
            if ct == "REQUEST":
                return "REJECT", "change", "123"
            return "REJECT", parent.mode, parent.cameo
        if role == "request":
            if ct in ("CONSULT", "AGREE") and child and (ct == "CONSULT" or child.cameo == "036"):
                return "REQUEST", "meet", "106"
            if ct in ("AID", "COOPERATE"):
                return "REQUEST", "assist", "103" if ct == "AID" else "101"
            if ct in YIELDING:
                return "REQUEST", "yield", "105"
            if ct == "SUPPORT":
                return "REQUEST", None, "102"
            if child is not None:
                return "REQUEST", "change", "104"
            return "REQUEST", parent.mode, parent.cameo
        if role == "allow":
            if child is None:
                return None
            return "RETREAT", "access", "086"
        if role == "threaten":
            if child is None:
                return "THREATEN", parent.mode, parent.cameo
            return _threat(child)
        return None


_REQUEST_FRAME = VerbFrame(lemma="must", particle=None, type="REQUEST", cameo="100", role="request")


def _threat(child: Frame | None) -> tuple[str, str | None, str]:
    ct = child.type if child else None
    mode = child.mode if child else None
    if child is not None and child.cameo == "192":
        return "THREATEN", "territory", "1384"
    if ct == "SANCTION":
        if mode == "expel":
            return "THREATEN", "expel", "136"
        if mode == "discontinue":
            return "THREATEN", "relations", "1313"
        return "THREATEN", "restrict", "1312"
    if ct == "COERCE":
        if mode in ("arrest", "deport"):
            return "THREATEN", "arrest", "1323"
        return "THREATEN", "restrict", "132"
    if ct in ("ASSAULT", "MOBILIZE"):
        return "THREATEN", "violence", "138"
    if ct == "PROTEST":
        return "THREATEN", None, "133"
    if ct == "REJECT" and mode == "meet":
        return "THREATEN", "relations", "134"
    return "THREATEN", None, "130"


def _future(child: Frame) -> tuple[str, str | None, str]:
    """PLOVER's rule for announced or intended events (auxiliary mode ``future``)."""
    ct = child.type
    if ct in COOPERATIVE:
        sub = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032"}.get(ct, "030")
        return "AGREE", None, sub
    if ct in YIELDING:
        return "CONCEDE", child.mode if child.mode in ("ceasefire", "withdraw") else None, "035"
    if ct in MATERIAL_CONFLICT:
        return _threat(child)
    return ct, child.mode, child.cameo


def future_of(frame: Frame) -> Frame:
    type_, mode, cameo = _future(frame)
    if type_ == frame.type and cameo == frame.cameo:
        return frame
    return replace(frame, type=type_, mode=mode, cameo=cameo,
                   steps=[*frame.steps, f"future/intended {frame.type} -> {type_} (PLOVER auxiliary-mode rule)"])


def _surface_lemmas(v: Token) -> list[str]:
    """Lemma guesses from the inflected form when the parser's lemma is wrong ("raped" -> "rap",
    "staged" -> "stag"): strip -d/-ed/-ing, undo a doubled consonant."""
    w = v.lower_
    out: list[str] = []
    if v.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "shelled" is "shell", "stopped" is "stop"
    elif v.tag_ == "VBG" and w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
    elif v.tag_ == "VBZ" and w.endswith("s"):
        out += [w[:-1], w[:-2]]
    return [x for x in out if len(x) > 2 and x != v.lemma_.lower()]


def noun_trigger(lex: Lexicon, tok: Token) -> NounTrigger | None:
    """The noun entry for ``tok``; a two-word entry ("hunger strike") wins over the head alone,
    a hyphenated word the tokenizer split ("sit-in", "cease-fire") over its last part."""
    if tok.pos_ not in ("NOUN", "PROPN", "VERB") and tok.tag_ not in ("NN", "NNS"):
        return None
    if tok.pos_ == "PROPN" and tok.ent_type_ in NOT_PARTY_ENTS:
        return None  # "in March 2008": a month, not a march
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        for last in (tok.lower_, tok.lemma_.lower()):
            hyph = lex.noun(f"{doc[tok.i - 2].lower_}-{last}")
            if hyph is not None:
                return hyph
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            two = lex.noun(f"{c.lemma_.lower()} {tok.lemma_.lower()}")
            if two is not None:
                return two
    return lex.noun(tok.lemma_)


def _adverbial_to_clause(v: Token) -> Token | None:
    """"threatened in December to cut ties", "called on Israel in July to halt": an adjunct in
    between makes the parser attach the to-clause as an adverbial clause; with no subject or
    marker of its own it is still the control verb's complement."""
    for c in v.children:
        if (c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") and c.i > v.i and _has_to(c)
                and not _kids(c, "nsubj", "nsubjpass", "mark")):
            return c
    return None


def _for_clause(v: Token) -> Token | None:
    """"called for Maduro to leave", "pressed for Iran to release": a to-clause with its own
    subject, marked by "for", after the verb."""
    for c in v.children:
        if (c.dep_ in ("advcl", "ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and c.i > v.i and _has_to(c)
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)):
            return c
    return None


def _has_to(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _depths(sent: Any) -> dict[int, int]:
    """Every token's distance from the sentence root, in one walk down the tree."""
    out: dict[int, int] = {}
    stack = [(sent.root, 0)]
    while stack:
        t, d = stack.pop()
        out[t.i] = d
        stack.extend((c, d + 1) for c in t.children)
    return out


def _clause_verb(t: Token) -> Token:
    """The verb whose clause a noun sits in (for a noun trigger's tense and negation)."""
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


# Verbs of aspect whose own complement is the event ("keep backing", "start withdrawing"); "stop"
# and "cease" negate it and are not here
ASPECTUAL_VERBS = frozenset({"keep", "continue", "start", "begin", "resume", "go"})
# Units and loads whose of-phrase names the goods ("400,000 tonnes of rice", "planeloads of food")
UNIT_NOUNS = frozenset({"tonne", "ton", "kilogram", "kilo", "litre", "liter", "barrel", "gallon", "planeload",
                        "shipload", "truckload", "boatload", "cargo", "consignment", "load", "volume", "amount",
                        "quantity", "dose", "crate", "container", "convoy"})
# Quantity heads whose of-phrase names what the verb acts on ("dozens of hostages")
GROUP_NOUNS = frozenset({"dozen", "hundred", "thousand", "score", "group", "number", "couple", "handful", "million"})
# What a protest says or wants is its topic, not a second event (PLOVER)
PROTEST_TOPIC_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Nouns whose to-infinitive is their owner's act ("Ecuador's decision to grant asylum to ...")
DECISION_NOUNS = frozenset({"decision", "move", "choice", "order"})
# Types whose recipient may be named only by a purpose clause ("sent troops to deter Iran",
# "cut the internet to silence protesters", "marched to protest against the junta")
PURPOSE_TARGET_TYPES = frozenset({"PROTEST", "MOBILIZE", "COERCE"})
# Types that answer another party's act, named in an after/as clause when nothing else names
# the recipient ("put its forces on alert as China staged drills", "imposed a curfew after
# protesters torched the parliament", "rallied after Washington recognised Kosovo", "lodged a
# protest after North Korea fired a missile", "scrapped the tax after protesters stormed ...")
REACTION_TYPES = frozenset({"MOBILIZE", "COERCE", "PROTEST", "ACCUSE", "CONCEDE"})
REACTION_MARKS = frozenset({"after", "as", "when"})
# Verbs whose object does the to-clause because of the subject ("prompting Seoul to recall its
# envoy"): the subject is whom that act answers
RESULT_VERBS = frozenset({"prompt", "spur", "lead", "push", "cause", "provoke", "drive", "force"})
# Types whose recipient, when they name no party, is the place they were done in ("hit a
# refinery in Russia", "lifted martial law in Mindanao")
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE"})
PLACE_TARGET_PREPS = ("in", "across", "inside", "throughout")
# People hit by an act are its recipients, never replaced by the place ("raped women in Darfur")
PERSON_NOUNS = frozenset({"woman", "girl", "man", "boy", "child", "civilian", "villager", "people", "person",
                          "resident", "worshipper", "family", "student", "protester", "demonstrator", "prisoner",
                          "detainee", "migrant", "refugee", "journalist", "activist", "worker", "farmer",
                          "pilgrim", "passenger", "commuter", "tourist", "shopper", "patient", "mourner", "officer",
                          "policeman", "peacekeeper"})
# Nouns of an aim: "in a bid to seal off Chechnya" is a purpose clause
PURPOSE_NOUNS = frozenset({"bid", "attempt", "effort", "campaign", "drive", "push"})
# Nouns of a dispute or bargaining: a strike or protest "after pay talks with X broke down", "in
# a dispute with X over wages" is aimed at X
DISPUTE_NOUNS = frozenset({"dispute", "talk", "negotiation", "row", "wrangle", "standoff", "stand-off", "quarrel"})
DISPUTE_DEPTH = 3  # clause/prep steps from the protest's verb down to the dispute noun
# Nouns of people who act for a party ("negotiators for A and B", "envoys from X"): the act is
# the party's, so the parties in the for/from phrase are the actors
AGENT_OF_PARTY_NOUNS = frozenset({"negotiator", "envoy", "delegate", "delegation", "representative", "emissary"})
# Nouns of forces or vessels that act for their state; they stand for it only when several
# states share them ("warships from China, Russia and Iran", "border guards from A and B")
SHARED_FORCE_NOUNS = frozenset({"warship", "ship", "vessel", "guard", "troop", "soldier", "force", "navy", "jet",
                                "aircraft", "plane", "unit", "contingent"})
# Speech verbs whose object is the listener a reported act is aimed at
TELLING_VERBS = frozenset({"tell", "inform", "assure", "notify", "warn", "promise"})
# Participles that name whom an act is aimed at ("..., accusing the opposition of ...")
ACCUSING_VERBS = frozenset({"accuse", "charge", "blame"})
# Verbs whose object is a reaction to the subject ("drew a rebuke from Moscow")
DRAW_VERBS = frozenset({"draw", "spark", "provoke", "trigger", "prompt", "earn", "attract", "elicit"})
# Nouns naming a weapon: an attack only with a target ("rockets on Sderot"); as the subject of a
# verb of hitting they are the instrument, and the verb's frame stands ("Ukrainian drones hit ...")
INSTRUMENT_NOUNS = frozenset({"rocket", "missile", "drone", "shell", "bomb", "mortar", "grenade"})
# Exercises are COOPERATE only when joint (PLOVER: single-country exercises are MOBILIZE)
EXERCISE_NOUNS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame"})
# "drills around Taiwan", "exercises near the border": where a show of force is aimed
SHOW_OF_FORCE_PREPS = ("around", "near", "off", "along", "encircling", "surrounding")
JOINT_MARKERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"})
POSS_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
AGENT_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "FAC", "LOC"})


class _Finder(FrameFinder):
    """Per-sentence state: which tokens were consumed as complements of other frames."""

    def __init__(self, lexicon: Lexicon, sent: Any, *, literal: bool = False) -> None:
        super().__init__(lexicon)
        self.sent = sent
        self.literal = literal  # [events] dictionary_codes = "literal"
        self.consumed: set[int] = set()
        # token index of an event (verb or noun) -> the victims a participle or result names
        self.victims: dict[int, list[Token]] = {}

    def _purpose_party(self, v: Token) -> list[Token]:
        """Whom a trip is for: "for talks with X", "to meet X", "to confer with X"."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                for n in _kids(c, "pobj"):
                    nt = noun_trigger(self.lex, n)
                    if nt is not None and nt.type == "CONSULT":
                        found = [t for t in _prep_obj(n, "with") if _party_like(t)]
                        if found:
                            self.consumed.add(n.i)
                            return found
            elif c.dep_ in ("advcl", "xcomp") and _has_to(c):
                found = [t for o in _kids(c, "dobj") for t in _conj(o)] or _prep_obj(c, "with")
                found = [t for t in found if _party_like(t) and not _place(t)]
                if found:
                    return found
        return []

    # ---------------------------------------------------------------------------- verb frames
    def verb_frame(self, v: Token, *, as_complement: bool = False) -> Frame | None:
        if _reduced_passive(v) and (nt := noun_trigger(self.lex, v.head)) is not None and nt.type == "CONSULT":
            return None  # "talks between A and B, hosted by X": the talks are the event, X their host
        received = self._received(v)
        if received is not None:
            return received
        vf, score = self.choose_verb_frame(v)
        gone = _let_go(v)
        if gone is not None and vf is not None and vf.lemma == RELEASE_LEMMA:
            self.consumed.add(gone.i)  # the leaving is the release, no event of its own
        passive = _is_passive(v)
        objs = self.objects(v)
        light_noun = None
        if self.lex.is_light(v.lemma_) and not {c.lower_ for c in v.children if c.dep_ == "prt"} & UNDOING_PARTICLES:
            for o in objs:  # "called off the strike" undoes the event, it does not stage it
                o = _through_measure(o, self.lex)
                nt = noun_trigger(self.lex, o)
                if nt is not None:
                    light_noun = (o, nt)
                    break
        frame: Frame | None = None
        worded = vf is not None and vf.dictionary is not None and bool(vf.dictionary.parts)
        if vf is not None and not vf.type:  # a dictionary entry that codes no event ([---], CAMEO 01/02)
            if worded or light_noun is None:
                return None
            vf = None
        if vf is not None and (vf.objects or vf.dictionary is not None):  # a coded dictionary verb before a light noun
            frame = self._plain(v, vf, passive, specific=bool(vf.objects) or worded)
        elif vf is not None and vf.role is not None:
            frame = self._control(v, vf, passive)
        elif light_noun is not None:
            o, nt = light_noun
            frame = self._noun_as_object(v, o, nt, passive)
        elif vf is not None:
            frame = self._plain(v, vf, passive, specific=vf.particle is not None)
        if frame is None:
            return None
        srcs, _ = self.subjects(v)
        if frame.type == "RETREAT" and _resultative(v):
            # "..., leaving dozens of children dead", "the bombing left 202 people dead": not a
            # withdrawal but the toll of the event it follows; its object is that event's victim
            key = v.head.i if v.dep_ in ("advcl", "conj") else (srcs[0].i if srcs else None)
            victims = [t for o in _kids(v, "dobj") for t in _conj(o)]
            if key is not None and victims:
                self.victims.setdefault(key, victims)
            return None
        agents = [a for a in (self._agent_of_event(t) for t in srcs) if a.lemma_.lower() not in INSTRUMENT_NOUNS]
        if srcs and agents and all(t.lemma_.lower() in INSTRUMENT_NOUNS for t in srcs):
            srcs = agents  # "Ukrainian drones hit ...": Ukraine did
        elif srcs and not as_complement and all(t.pos_ == "NOUN" and self.lex.noun(t.lemma_) is not None
                                                and t.lemma_.lower() not in BODY_NOUNS for t in srcs):
            nt = self.lex.noun(srcs[0].lemma_)
            if nt is not None and nt.type == frame.type and frame.targets and frame.type in MATERIAL_CONFLICT:
                # "Al-Qaeda's bombings killed 220 people": the victims of the event noun
                self.victims.setdefault(srcs[0].i, frame.targets)
            return None  # "the sanctions hit exports": the subject is an event, not an actor
        frame.sources = frame.sources or srcs
        if len(frame.sources) > 1 and frame.targets:
            # "A and B postponed a meeting of their ministers": the parties' own people are no
            # recipient; the event stays joint (PLOVER)
            frame.targets = [t for t in frame.targets
                             if not any(c.dep_ == "poss" and c.lower_ == "their" for c in t.children)]
        dictionary = vf.dictionary if vf is not None and frame.pattern == vf.name else None
        if dictionary is not None:  # its to-clause is the pattern's business ("urged X to freeze ..."), no event
            self.consumed.update(c.i for c in v.children if c.dep_ == "xcomp" and _has_to(c))
        frame.dictionary = dictionary is not None
        pair = dictionary.pair if dictionary is not None else None
        if pair is not None and not as_complement and frame.sources and frame.targets:
            frame.reverse = Frame(trigger=v, type=pair[0], mode=pair[1], cameo=pair[2], pattern=f"{frame.pattern}:back",
                                  sources=list(frame.targets), targets=list(frame.sources), confidence=frame.confidence,
                                  steps=[*frame.steps, f"paired code: {pair[2]} from the target back to the source"])
        if frame.type == "CONSULT" and frame.cameo != HOST_CODE and all(_place(t) for t in frame.targets):
            met = self._purpose_party(v)
            if met:  # "flew to Sanaa for talks with Houthi leaders": the leaders are met, not the city
                frame.steps.append(f"recipient: '{met[0].text}', whom the visit is for"
                                   + (f" (not the place '{frame.targets[0].text}')" if frame.targets else ""))
                frame.targets = met
        if frame.cameo == HOST_CODE and frame.targets and frame.sources:
            # PLOVER: for a hosted visit the visitor is the actor and the host the recipient
            frame.sources, frame.targets = frame.targets, frame.sources
            frame.cameo = VISIT_CODE
            frame.steps.append("hosted visit: the visitor is the actor, the host the recipient (PLOVER)")
        return frame

    def _helped(self, v: Token) -> list[Token]:
        """Who did ``v`` (with someone's help): its subject or agent, else, for an agentless passive
        in reported speech, the speaker ("Israel's military said the drones were intercepted")."""
        if v.pos_ not in ("VERB", "AUX"):
            return []
        who = self.subjects(v)[0]
        if not who and _is_passive(v) and v.dep_ == "ccomp" and self.lex.is_speech(v.head.lemma_):
            who = self.subjects(v.head)[0]
        return [t for t in who if t.lower_ not in PRONOUNS_NO_ACTOR]

    def _received(self, v: Token) -> Frame | None:
        """"Argentina received a loan from the IMF", "won an endorsement from Moscow": the
        event noun's giver (from-phrase) is the actor and the verb's subject its recipient."""
        if v.lemma_.lower() not in RECEIVING_VERBS or _is_passive(v):
            return None
        for o in _kids(v, "dobj"):
            o = _through_measure(o, self.lex)
            nt = noun_trigger(self.lex, o)
            if nt is None or nt.type not in FROM_SOURCE_TYPES:
                continue
            givers = [p for p in _prep_obj(v, "from") + _prep_obj(o, "from") if _party_like(p)]
            takers = self.subjects(v)[0]
            if not givers or not takers:
                continue
            f = self._noun_frame(o, nt, standalone=False)
            assert f is not None
            f.sources, f.targets, f.reciprocal = givers, takers, False
            f.pattern = f"receive:{v.lemma_}+{nt.lemma}->{nt.type}"
            f.confidence = BASE_CONFIDENCE
            f.steps.insert(0, f"'{v.text}' ... from '{givers[0].text}': the giver acts, the subject receives")
            self.consumed.add(o.i)
            return f
        return None

    def _plain(self, v: Token, vf: VerbFrame, passive: bool, *, specific: bool) -> Frame:
        slots = vf.target
        if passive:
            slots = tuple(s for s in slots if s != "agent")
        targets, slot = self.targets(v, slots, passive=passive)
        conf = BASE_CONFIDENCE + (SPECIFIC_BONUS if specific else 0.0) - (WEAK_PENALTY if vf.weak else 0.0)
        f = Frame(trigger=v, type=vf.type, cameo=vf.cameo, mode=vf.mode, pattern=vf.name, targets=targets,
                  reciprocal=vf.reciprocal, confidence=conf)
        f.steps.append(f"lexicon {vf.source}: {vf.name}" + (f"; target from {slot}" if slot else "; no target"))
        if vf.dictionary is not None and vf.dictionary.source:  # "$": the source is not the subject
            f.sources = self.targets(v, vf.dictionary.source, passive=passive)[0]
        if passive:
            f.steps.append("passive: subject is the target, by-phrase the source")
        return f

    def _control(self, v: Token, vf: VerbFrame, passive: bool) -> Frame | None:
        comp = self.complement(v)
        child: Frame | None = None
        if comp is not None:
            self.consumed.add(comp.i)
            if vf.role == "deny" or (vf.role == "report" and comp.dep_ != "ccomp"):
                self.consumed.update(t.i for t in comp.subtree)  # "accused X of attacking": alleged
            elif vf.role == "report":
                # "complained that new US sanctions were unfair": the verbs of the complaint are its
                # content, but an event noun with its own actor there is a presupposed fact
                self.consumed.update(t.i for t in comp.subtree if t.pos_ in ("VERB", "AUX"))
            elif comp.pos_ in ("VERB", "AUX") or comp.dep_ == "xcomp":
                child = self.verb_frame(comp, as_complement=True)
                inner = [c for c in comp.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
                if child is None and inner and comp.lemma_.lower() in ASPECTUAL_VERBS:
                    # "pledged to keep backing Serbia", "agreed to start withdrawing": the event is
                    # the aspect verb's complement
                    self.consumed.add(inner[0].i)
                    child = self.verb_frame(inner[0], as_complement=True)
                # "demanded that X stop A, lift B and end C": one demand, its coordinated acts
                # are its content, not events of their own
                for c in comp.conjuncts:
                    if c.pos_ in ("VERB", "AUX") and c.i > comp.i and c.i not in self.consumed:
                        self.consumed.add(c.i)
                        if child is None:
                            child = self.verb_frame(c, as_complement=True)
            else:
                nt = noun_trigger(self.lex, comp)
                if nt is not None:
                    child = self._noun_frame(comp, nt, standalone=False)
        if vf.role == "deny":
            if comp is not None:
                return None  # "denied attacking": CAMEO 016, no PLOVER event
            return self._plain(v, vf, passive, specific=False)
        if vf.role == "report":
            f = self._plain(v, vf, passive, specific=False)
            if not f.targets and comp is not None and comp.dep_ == "ccomp":
                subj, _ = self.subjects(comp)
                f.targets = [self._agent_of_event(t) for t in subj]  # "complained that US sanctions ..."
                if f.targets:
                    f.steps.append("target: who the complaint is about (subject of its clause)")
            return f
        if child is not None and self._negated(child.trigger) and vf.role != "refuse":
            if vf.role == "agree" and child.type in MATERIAL_CONFLICT | {"THREATEN", "ACCUSE", "REJECT"}:
                child = None  # "agreed not to attack the ports": a promise of restraint, AGREE
            elif vf.role == "threaten":
                child = None  # "warned Seoul not to hold the drills": the warning is the threat
            else:
                return None  # "agreed not to meet" is not an AGREE to meet
        if (vf.role == "agree" and child is not None and comp is not None and comp.pos_ == "NOUN"
                and child.type in MATERIAL_CONFLICT):
            child.steps.append(f"'{v.lemma_}' on {child.type.lower()} decides it: coded as {child.type}")
            child.trigger, child.pattern = comp, f"{vf.name}+decide({child.pattern})"
            child.sources = []
            return child  # "EU leaders agreed on a package of sanctions": the sanctions
        if (vf.role == "agree" and child is not None and comp is not None and comp.pos_ == "NOUN"
                and child.type == "CONCEDE" and comp.lemma_.lower() in DECLARED_YIELD_NOUNS):
            # "Israel and Hamas agreed to a ceasefire", "offered an apology to Indonesia": agreeing
            # to it declares it, offering it makes it (the sentence sets' CONCEDE convention)
            child.steps.append(f"'{v.lemma_}' + '{comp.lemma_}' declares it: coded as {child.type}")
            child.trigger, child.pattern = comp, f"{vf.name}+declare({child.pattern})"
            child.sources = []
            if not child.targets:  # "offered an apology to Indonesia": the verb's recipient
                child.targets = [t for t in self.targets(v, vf.target, passive=passive)[0] if t.i != comp.i]
            return child
        composed = self.compose(vf.role or "", vf, child)
        if composed is None:
            return None
        type_, mode, cameo = composed
        targets, slot = self.targets(v, vf.target, passive=passive)
        if child is not None and passive:  # "Erdogan is scheduled to travel": Erdogan acts, not receives
            targets = [t for t in targets if not any(t.i == s.i for s in child.sources)]
        if not targets and comp is not None and vf.role == "request" and (
                comp.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ == "for" for m in comp.children)):
            targets = self.subjects(comp)[0]  # "demanded that Washington lift ...": Washington is asked
        if child is not None and (not targets or (targets and comp is not None and any(t.i == comp.i for t in targets))):
            targets = child.targets
            if not targets and child.reciprocal and child.trigger.pos_ == "NOUN" and _prep_obj(child.trigger, "between"):
                targets = child.sources  # "offered to host talks between A and B": A and B
        if child is not None and targets and child.trigger.i in {t.i for t in targets}:
            targets = child.targets
        if not targets and comp is not None and comp.dep_ == "ccomp" and child is not None:
            targets = child.sources  # "demanded that Iran release ...": Iran is asked
        if not targets and comp is not None and comp.pos_ in ("NOUN", "PROPN") and vf.role in ("refuse", "report"):
            targets = [self._agent_of_event(comp)]  # "rejected the proposal": what was rejected
        f_note = ""
        joint = vf.reciprocal and len(self.subjects(v)[0]) > 1  # "A and B agreed to reopen embassies"
        if not targets and child is None and comp is not None and comp.pos_ in ("VERB", "AUX") and not joint:
            targets = _complement_party(comp)  # "promised to ship vaccine doses to Sri Lanka"
            if targets:
                f_note = f"target: '{targets[0].text}', the party of the complement '{comp.text}'"
        conf = BASE_CONFIDENCE + (SPECIFIC_BONUS if child is not None else 0.0) - (WEAK_PENALTY if vf.weak else 0.0)
        f = Frame(trigger=v, type=type_, cameo=cameo, mode=mode,
                  pattern=f"{vf.name}+{vf.role}({child.pattern if child else '-'})", targets=targets,
                  reciprocal=vf.reciprocal or bool(child and child.reciprocal), confidence=conf)
        f.steps.append(f"lexicon {vf.source}: control verb '{v.lemma_}' ({vf.role})")
        if f_note:
            f.steps.append(f_note)
        if child is not None:
            f.steps.append(f"complement '{child.trigger.text}' is {child.type}: {vf.role} -> {type_}")
        if child is not None and not _kids(v, *SUBJ_DEPS) and child.sources:
            f.sources = child.sources
        return f

    def _noun_as_object(self, v: Token, o: Token, nt: NounTrigger, passive: bool) -> Frame:
        f = self._noun_frame(o, nt, standalone=False)
        assert f is not None
        if not f.targets:
            for word in nt.target_preps or TARGET_PREPS_DEFAULT:
                # "in retaliation", "in response to": an event noun is not the party hit; "an
                # inquiry into strikes by Israel": an investigation is aimed at who did the deed
                found = [t for t in _prep_obj(v, word) if not (t.pos_ == "NOUN" and self.lex.noun(t.lemma_) is not None)]
                hosts = [o] if passive else [o, v]
                found = self._accused_doers(found, hosts) if nt.type == "ACCUSE" else found
                found = found or (self._accused_doers(_prep_obj(v, word), hosts, deeds_only=True)
                                  if nt.type == "ACCUSE" else [])
                if found:
                    f.targets = found
                    f.steps.append(f"target from the verb's '{word}' phrase")
                    break
        if not f.targets:
            dat = [t for d in _kids(v, "dative") for t in _conj(d)]
            if dat:
                f.targets = dat
        f.trigger = o
        f.pattern = f"light:{v.lemma_}+{nt.lemma}->{nt.type}"
        f.confidence = BASE_CONFIDENCE + SPECIFIC_BONUS - (WEAK_PENALTY / 2 if nt.weak else 0.0)
        f.steps.insert(0, f"light verb '{v.lemma_}' carries the event noun '{o.text}' ({nt.source})")
        own, between = f.sources, f.reciprocal
        f.sources = []  # the verb's subject is the source
        f.reciprocal = nt.reciprocal
        if (passive and not _prep_obj(v, "by") and own and o.dep_ in PASS_SUBJ_DEPS
                and all(t.dep_ == "poss" for t in own)):
            f.sources = own  # "Syria's handover of its arsenal was completed": Syria handed over
            f.steps.append(f"passive with no agent: the noun's own actor '{own[0].text}'")
        elif between and own and not f.targets and not passive:
            # "Norway brokered talks between Manila and the rebels": the broker acts, the
            # parties between whom the talks are held are the recipients
            f.targets, f.reciprocal = own, False
            f.steps.append("the parties 'between' whom it is held are the recipients of the verb's subject")
        self._refine_noun(f, nt)
        self.consumed.add(o.i)
        f.negated = self._negated(o)
        return f

    # ---------------------------------------------------------------------------- noun frames
    def _noun_frame(self, n: Token, nt: NounTrigger, *, standalone: bool) -> Frame | None:
        sources: list[Token] = []
        reciprocal = False
        steps_note = ""
        targets_hint: list[Token] = []
        between = _prep_obj(n, "between") or _prep_obj(n, "among")
        if len(between) == 1:  # "between officials of the US and (their) Chinese counterparts"
            inner = _prep_obj(between[0], "of")
            if len(inner) > 1:
                between = inner
        if between and nt.reciprocal:
            sources, reciprocal = between, True
        if not sources:
            # "the expulsion of four diplomats by Prague": the parser often hangs the by-phrase on
            # the of-phrase's noun; "talks hosted by Qatar" name a host, not who holds them
            sources = _by_agents(n, any_direct=True, participle=False, under_of=True)
        if not sources:
            sources = [p for p in _kids(n, "poss") if p.lower_ not in POSS_PRONOUNS or not standalone]
        drawn = n.dep_ == "dobj" and n.head.lemma_.lower() in DRAW_VERBS and nt.type in FROM_SOURCE_TYPES
        if not sources and drawn:
            sources = [p for p in _prep_obj(n.head, "from") if _party_like(p)]  # "drew a rebuke from Moscow"
        if drawn and sources:  # ... aimed at whoever did what drew it
            targets_hint = targets_hint or [a for a in (self._agent_of_event(t) for t in self.subjects(n.head)[0])
                                            if a.lower_ not in PRONOUNS_NO_ACTOR]
        if not sources and nt.type in FROM_SOURCE_TYPES:
            # "warnings from Beijing", "a $3 billion deposit from Saudi Arabia": who gives or says it
            sources = [p for p in _prep_obj(n, "from") if _party_like(p)]
            if sources and standalone and n.dep_ == "pobj" and n.head.lower_ == "with":
                helped = self._helped(n.head.head)  # "intercepted with help from the US": who was helped
                if helped:
                    steps_note = f"recipient: '{helped[0].text}', who acted with the {n.text}"
                    targets_hint = helped
        by_origin = False
        if not sources:
            sources = [c for c in n.children
                       if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in AGENT_ENTS and c.i < n.i]
            by_origin = bool(sources)
        targets: list[Token] = list(targets_hint)
        for word in () if targets else nt.target_preps:
            targets = _prep_obj(n, word) or [t for a in _kids(n, "acl") for t in _prep_obj(a, word)]
            if nt.type == "ACCUSE":  # "an investigation into crimes committed by X": X
                hosts = [n, n.head] if n.dep_ == "dobj" and not _is_passive(n.head) else [n]
                targets = self._accused_doers(targets, hosts)
            if targets:  # "sanctions on X", "sanctions announced against X"
                break
        if between and not reciprocal and not targets:
            targets = between
        if not targets and sources and not reciprocal and n.lemma_.lower() not in INSTRUMENT_NOUNS:
            # "Russia's invasion of Ukraine", "the shelling of Kharkiv by Russian forces": with
            # the actor named elsewhere, the of-phrase is the one the event is done to
            targets = [t for t in _prep_obj(n, "of") if not any(t.i == s.i for s in sources)]
            # "Beijing's promise of a railway with Laos": the party named under the thing
            targets = [x for t in targets for x in (_inner_parties(t) or [t])]
        if standalone and not sources and nt.type == "CONSULT" and n.dep_ == "pobj" and n.head.lower_ == "for":
            verb = n.head.head
            been = [p for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("to", "in", "at")
                    for p in _kids(c, "pobj") if _place(p)]
            if verb.pos_ in ("VERB", "AUX") and verb.i not in self.consumed and been:
                sources = self.subjects(verb)[0]  # "was in Damascus for talks with Assad": the subject
                if sources:
                    steps_note = f"source: '{sources[0].text}', who came for the {n.text}"
        if standalone and not sources and nt.type == "PROTEST" and n.dep_ == "pobj" and n.head.lower_ == "in":
            verb = n.head.head
            if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "stopped work in protest": on the object
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and verb.i not in self.consumed:
                # "stopped work in protest at the pay freeze": whoever did it protests, and the
                # party behind what they protest at is the recipient
                sources = [t for t in self.subjects(verb)[0] if t.lower_ not in PRONOUNS_NO_ACTOR]
                if sources:
                    steps_note = f"source: '{sources[0].text}', who '{verb.text}' in {n.text}"
                    for word in () if targets else nt.target_preps:  # "at" hung on the verb
                        targets = [t for t in _prep_obj(verb, word) if t.i > n.i]
                        if targets:
                            break
                    targets = [x for t in targets for x in self._inner_or_agent(t)]
        if standalone and not sources:
            return None
        if standalone and by_origin and n.lemma_.lower() in INSTRUMENT_NOUNS and not targets:
            return None  # "Turkey's purchase of Russian missiles": a weapon of that origin, no attack
        f = Frame(trigger=n, type=nt.type, cameo=nt.cameo, mode=nt.mode, pattern=nt.name, sources=sources,
                  targets=targets, reciprocal=reciprocal or (nt.reciprocal and len(sources) > 1),
                  confidence=BASE_CONFIDENCE - NOUN_PENALTY - (WEAK_PENALTY if nt.weak else 0.0))
        f.steps.append(f"event noun '{n.text}' ({nt.source})" + (": between A and B, all actors" if reciprocal else ""))
        if steps_note:
            f.steps.append(steps_note)
        if any(c.lower_ in ("no",) for c in _kids(n, "det")):
            f.negated = True
        self._refine_noun(f, nt)
        return f

    def _refine_noun(self, f: Frame, nt: NounTrigger) -> None:
        """A noun whose meaning depends on whom it hits: "restrictions on journalists" is a
        government restricting its own people (CAMEO 172, COERCE), "restrictions on Russia" a
        sanction between states (163). The variants live in the lexicon (``targets``)."""
        if not f.targets:
            return
        heads = {normalize_lemma(t.lemma_) for t in f.targets}
        mods = {normalize_lemma(c.lemma_) for t in f.targets for c in t.children if c.dep_ == "compound"}
        var = self.lex.noun_for_target(nt, heads)  # the head decides ("opposition rallies" are rallies)
        if var is nt:
            var = self.lex.noun_for_target(nt, mods)
        if var is nt:
            return
        f.type, f.mode, f.cameo = var.type, var.mode, var.cameo
        f.pattern = f.pattern.replace(f"->{nt.type}", f"->{var.type}")
        f.steps.append(f"recipient '{f.targets[0].text}' makes it {var.type} ({var.source})")

    # ---------------------------------------------------------------------------------- driver
    def find(self) -> list[Frame]:
        sent = self.sent
        question = sent.text.rstrip().rstrip("\"'”’ ").endswith("?")
        frames: list[Frame] = []
        depths = _depths(sent)
        verbs = sorted((t for t in sent if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")),
                       key=lambda t: depths.get(t.i, 0))
        frames.extend(self._headline_frames())
        for v in verbs:
            if v.i in self.consumed:
                continue
            f = self.verb_frame(v)
            if f is None:
                continue
            frames.append(f)
        frames.extend(self._bare_demands(frames))
        # "struck the port, destroying grain stores", "rallied to protest the tax": a participle or
        # purpose clause that elaborates an event of the same type is that event, not a second one
        by_trigger = {f.trigger.i: f for f in frames}
        # "marched to demand his resignation", "rallied, accusing the government of fraud": the
        # protest's topic is no event of its own (PLOVER)
        topics = [f for f in frames if (
            f.type in PROTEST_TOPIC_TYPES and f.trigger.dep_ in ("advcl", "xcomp", "conj")
            and f.trigger.head.i in by_trigger and by_trigger[f.trigger.head.i].type == "PROTEST")]
        frames = [f for f in frames if not any(f is t for t in topics)]
        elaborations = [f for f in frames if (
            (f.trigger.dep_ == "advcl" and (f.trigger.tag_ == "VBG" or _has_to(f.trigger)))
            and f.trigger.head.i in by_trigger and by_trigger[f.trigger.head.i].type == f.type)]
        for f in elaborations:  # "struck a mosque, killing 27 worshippers": the victims
            if f.trigger.tag_ == "VBG" and f.targets:
                self.victims.setdefault(f.trigger.head.i, f.targets)
        frames = [f for f in frames if not any(f is e for e in elaborations)]
        arg_tokens: set[int] = set()
        for f in frames:
            if not f.sources and not (f.trigger.dep_ == "ccomp" and self.lex.is_speech(f.trigger.head.lemma_)):
                continue  # "Iran's offer of talks was rejected": no actor, no event to hide the noun's
            for t in [*f.sources, *f.targets]:
                arg_tokens.update(x.i for x in t.subtree)
            if f.trigger.pos_ in ("VERB", "AUX"):  # "condemned the attack by X": one ACCUSE
                for o in self.objects(f.trigger):
                    arg_tokens.update(x.i for x in o.subtree)
        for i in self.consumed:  # "pledged to keep backing Azerbaijan's claim": the complement's object
            if self.sent.doc[i].pos_ in ("VERB", "AUX"):
                for o in self.objects(self.sent.doc[i]):
                    arg_tokens.update(x.i for x in o.subtree)
        for n in sent:
            if n.i in self.consumed or n.i in arg_tokens or n.pos_ not in ("NOUN", "PROPN"):
                continue
            nt = noun_trigger(self.lex, n)
            if nt is None:
                continue
            if n.dep_ in ("dobj",) and self.lex.is_light(n.head.lemma_):
                continue  # the light verb had no subject; no explicit actor
            if _in_name(n):
                continue  # "the International Monetary Fund", "Islamic Relief": a name, no event
            f = self._noun_frame(n, nt, standalone=True)
            if f is not None:
                frames.append(f)
        for f in frames:
            if f.type == "MOBILIZE" and f.sources and f.targets and all(_no_recipient(t) for t in f.targets):
                verbal = f.trigger.pos_ in ("VERB", "AUX")
                aimed = ((self._purpose_target(f.trigger) if verbal else [])
                         or self._provoker(f.trigger if verbal else _clause_verb(f.trigger), f.sources))
                if aimed:  # "put its air force on alert after X fired ...": X, not its own force
                    f.steps.append(f"recipient: '{aimed[0].text}', whom the show of force answers"
                                   f" (not '{f.targets[0].text}')")
                    f.targets = aimed
            if (f.type == "COERCE" and f.mode == "seize" and f.sources and f.targets
                    and f.trigger.pos_ in ("VERB", "AUX") and all(_seized_thing(t) for t in f.targets)):
                owner = self._owner_of_seized(f.trigger, f.targets)
                if owner:  # "seized gold from Barrick's mine", "a yacht linked to X was seized"
                    f.steps.append(f"recipient: '{owner[0].text}', whose '{f.targets[0].text}' was seized")
                    f.targets = owner
            if f.type == "CONCEDE" and f.sources and not f.targets:
                eased = self._eased_for(f)
                if eased:  # "lifted the curfew imposed on residents", "conceded the demand of protesters"
                    f.steps.append(f"recipient: '{eased[0].text}', whom what was eased or granted concerns")
                    f.targets = eased
            if not f.targets and f.sources:
                verbal = f.trigger.pos_ in ("VERB", "AUX")
                late = (self._purpose_target(f.trigger) if f.type in PURPOSE_TARGET_TYPES and verbal
                        else self._demanded_of(f.trigger) if f.type == "REQUEST" else [])
                if not late and verbal:
                    # "fired a missile over Japan, prompting Tokyo to lodge a protest": aimed at the prompter
                    late = self._prompter(f.trigger) or self._told(f.trigger)
                if not late and f.type in REACTION_TYPES | {"SANCTION"}:
                    late = self._accused_by(f.trigger if verbal else _clause_verb(f.trigger))
                if not late and f.type in REACTION_TYPES:
                    # "raised its alert level after North Korea shelled the island": aimed at the provoker
                    late = self._provoker(f.trigger if verbal else _clause_verb(f.trigger), f.sources)
                # "marched to demand the minister's resignation": the topic's own recipient
                late = late or [x for t in topics if f.type == "PROTEST" and t.trigger.head.i == f.trigger.i
                                for x in t.targets if _party_like(x)]
                if late:
                    f.targets = late
                    f.steps.append(f"recipient '{late[0].text}' from the clause under '{f.trigger.text}'")
        for f in frames:
            f.targets = [t for t in f.targets if t.lower_ not in REFLEXIVES]  # "blew himself up"
            ante = [_antecedent(t) for t in f.targets]
            if any(a is not t for a, t in zip(ante, f.targets, strict=True)):
                # "the plan, which Kyiv brushed aside", "the leader who was detained by police"
                f.steps.append(f"recipient: '{next(a for a in ante if a.lower_ not in RELATIVE).text}',"
                               " the noun the relative clause hangs on")
                f.targets = ante
            for role in ("sources", "targets"):
                heads: list[Token] = getattr(f, role)
                behind = [_behind(t) for t in heads]
                if len(heads) == 1 and behind[0]:
                    f.steps.append(f"{role[:-1]}: '{behind[0][0].text}', behind '{heads[0].text}'")
                    setattr(f, role, behind[0])
            if f.type == "PROTEST" and f.sources:
                self._protest_recipient(f)
            if (f.type in COMPLEMENT_NOUN_TYPES and f.sources and not f.targets
                    and f.trigger.pos_ in ("NOUN", "PROPN")):
                acted_on = self._complement_of_noun(f.trigger, f.sources)
                if acted_on:  # "Pyongyang's threat to launch strikes against the United States"
                    f.steps.append(f"recipient: '{acted_on[0].text}', the party of its to-clause")
                    f.targets = acted_on
            if f.type == "THREATEN" and f.sources:
                told = self._conditioned(f.trigger, f.sources)
                if told:  # "threatened to pull its troops out unless Seoul paid more": Seoul
                    f.steps.append(f"recipient: '{told[0].text}', on whom the threat's condition falls")
                    f.targets = told
            if f.type == "MOBILIZE" and f.trigger.pos_ in ("VERB", "AUX"):
                self._deployed_to_help(f)
            if (f.type == "MOBILIZE" and f.sources and f.trigger.pos_ in ("VERB", "AUX")
                    and all(_no_recipient(t) or _destination(t) or any(t.i == s.i for s in f.sources)
                            for t in f.targets)):  # (a source read again as the target is none)
                foe = self._anticipated(f.trigger, f.sources)
                if foe:  # "deployed interceptors on Okinawa ahead of a launch by North Korea"
                    f.steps.append(f"recipient: '{foe[0].text}', whose act the deployment meets"
                                   + (f" (not the place '{f.targets[0].text}')" if f.targets else ""))
                    f.targets = foe
            if len(f.sources) == 1:
                parties = _represented(f.sources[0])
                if parties:  # "negotiators for A and B resumed talks": A and B
                    f.steps.append(f"source: '{', '.join(t.text for t in parties)}', for whom "
                                   f"'{f.sources[0].text}' act")
                    f.sources = parties
            victims = [t for t in self.victims.get(f.trigger.i, []) if _victim_like(t)]
            if victims and not any(_party_like(t) or _named(t) or _named_target(t) for t in f.targets):
                f.steps.append(f"recipient: '{victims[0].text}', the victims named after the event"
                               + (f" (not the place or thing '{f.targets[0].text}')" if f.targets else ""))
                f.targets = victims
            if (f.type == "ASSAULT" and f.targets and f.trigger.pos_ in ("VERB", "AUX")
                    and all(_unnamed_thing(t) or t.pos_ == "ADJ" for t in f.targets)):
                aboard = [x for t in self.objects(f.trigger) for x in _occupants(t)] or [
                    x for x in _prep_obj(f.trigger, "with") if _victim_like(x) and _kids(x, "advmod")
                    and any(c.lower_ in ABOARD_WORDS for c in x.children)]
                if aboard:  # "blew up a vehicle carrying Canadian soldiers": the soldiers
                    f.steps.append(f"recipient: '{aboard[0].text}', aboard the '{f.targets[0].text}'")
                    f.targets = aboard
            if (f.type in PLACE_TARGET_TYPES and f.sources and f.trigger.pos_ in ("VERB", "AUX")
                    and all(_unnamed_thing(t) for t in f.targets)):
                where = _where(f.trigger)
                if where:  # "hit an oil refinery in Russia's Ryazan region", "lifted martial law in Mindanao"
                    f.steps.append(f"recipient: '{where[0].text}', where it was done"
                                   + (f" (not the thing '{f.targets[0].text}')" if f.targets else ""))
                    f.targets = where
        frames.extend(m for f in list(frames) if (m := self._mediator_frame(f)) is not None)
        out = []
        for f in frames:
            out.append(self._finish(f, question))
            if f.reported_by is not None and f.status == "fact" and not f.pattern.startswith("noun:"):
                f.announced = self._clause_status(_clause_verb(f.trigger))[2]
            if f.reverse is not None:
                out.append(self._finish(f.reverse, question))
        return out

    def _mediator_frame(self, f: Frame) -> Frame | None:
        """Talks "hosted / brokered / facilitated by X" between parties: X mediates (CAMEO 045)
        between them, a second event beside the talks themselves ("talks between Belgrade and
        Pristina, hosted in Brussels by the EU's foreign policy chief")."""
        if f.type != "CONSULT" or f.trigger.pos_ != "NOUN" or not f.sources:
            return None
        own = {x.i for s in f.sources for x in s.subtree}
        for a in f.trigger.children:
            if a.dep_ != "acl" or a.tag_ != "VBN" or a.lemma_.lower() not in MEDIATING_PARTICIPLES:
                continue
            mediators = [p for p in _prep_obj(a, "by") if _party_like(p) and p.i not in own]
            if mediators:
                m = Frame(trigger=a, type="CONSULT", cameo="045", mode="third-party",
                          pattern=f"mediate:{f.trigger.lemma_}+{a.lemma_}", sources=mediators,
                          targets=list(f.sources), confidence=f.confidence)
                m.steps.append(f"'{f.trigger.text}' {a.text} by '{mediators[0].text}': the host mediates"
                               " between the parties (CAMEO 045)")
                m.negated = f.negated
                return m
        return None

    def _accused_doers(self, found: list[Token], hosts: list[Token], *, deeds_only: bool = False) -> list[Token]:
        """An investigation or complaint into a deed is aimed at who did it: "an inquiry into
        strikes by Israel", "a probe into abuses committed by the army", "an investigation into
        crimes by X" (by-phrase on the deed, under its participle or under its of-phrase, or one
        the parser hung after it on the investigation noun or its active verb, ``hosts``). With
        ``deeds_only`` only event nouns are read, and those naming no doer are dropped."""
        out: list[Token] = []
        for t in found:
            event = t.pos_ == "NOUN" and self.lex.noun(t.lemma_) is not None
            if deeds_only and not event:
                continue
            doers = _by_agents(t, any_direct=True, participle=True, under_of=True) if t.pos_ == "NOUN" else []
            doers = doers or [b for h in hosts for b in _prep_obj(h, "by") if b.i > t.i] if t.pos_ == "NOUN" else doers
            if doers:
                out.extend(doers)
            elif not deeds_only:
                out.append(t)
        return out

    @staticmethod
    def _owner_of_seized(v: Token, things: list[Token]) -> list[Token]:
        """Whose property was seized: the party it was taken from ("seized gold from Barrick
        Gold's mine", "confiscated land from white farmers"), the party it is linked to or owned
        by ("a superyacht linked to Suleiman Kerimov"), or its owner ("the group's offices")."""
        # the from-phrase under the verb or under the thing ("boxes of documents from X's estate")
        sources = [*_prep_obj(v, "from"), *(q for t in things for x in t.subtree
                                           if x.dep_ == "prep" and x.lower_ == "from" for q in _kids(x, "pobj"))]
        for y in sources:
            if _party_like(y) or y.lemma_.lower() in PERSON_NOUNS or (y.tag_ == "NNS" and not y.ent_type_):
                return _conj(y)
            owner = [p for p in y.children if p.dep_ in ("poss", "compound") and _party_like(p)
                     and p.lower_ not in POSS_PRONOUNS]
            if owner:
                return owner
        for t in things:
            for a in t.children:
                if a.dep_ == "acl" and a.lemma_.lower() in OWNING_PARTICIPLES:
                    found = [p for w in ("to", "by") for p in _prep_obj(a, w) if _party_like(p)]
                    if found:
                        return found
            owner = _party_owners(t)
            if owner:
                return owner
        return []

    def _eased_for(self, f: Frame) -> list[Token]:
        """Whom a concession concerns, from what is eased, granted or conceded: the party or
        people a curfew, blockade or ban was imposed on or for ("the curfew imposed on residents
        of Manama", "the blockade of Gaza", "an amnesty for hundreds of people"), the side a
        ceasefire is declared against, or whose demand is met ("the central demand of
        protesters", "one of the five demands of the protest movement")."""
        own = {x.i for s in f.sources for x in s.subtree}
        things = self.objects(f.trigger) if f.trigger.pos_ in ("VERB", "AUX") else [f.trigger]
        things = [x for t in things for x in [t, *_counted(t)]]
        for t in things:
            hosts = [t, *(a for a in t.children if a.dep_ == "acl" and a.tag_ == "VBN")]
            for h in hosts:
                for w in EASED_FOR_PREPS:
                    found = [x for x in _prep_obj(h, w) if x.i not in own and (
                        _party_like(x) or self._crowd(x) or _victim_like(x) or x.lemma_.lower() in ARMED_GROUP_NOUNS
                        or x.lemma_.lower() in PERSON_NOUNS)]
                    if found:
                        return found
        return []

    @staticmethod
    def _complement_of_noun(n: Token, sources: list[Token]) -> list[Token]:
        """The party a threat, offer or demand is about, from the noun's to-clause: its object or
        a party under a preposition there ("a threat to annihilate Seoul", "a threat to launch
        strikes against the United States", "the army's threat to take over the government")."""
        own = {x.i for s in sources for x in s.subtree}
        for c in n.children:
            if c.dep_ != "acl" or not _has_to(c) or c.pos_ not in ("VERB", "AUX"):
                continue
            found = [x for x in _complement_party(c) if x.i not in own]
            found = found or [x for h in [c, *_kids(c, "dobj")] for w in ("against", "on", "at") for x in _prep_obj(h, w)
                              if x.i not in own and _party_like(x)]  # "to fire missiles at Tokyo"
            found = found or [x for o in _kids(c, "dobj") if o.i not in own and o.pos_ == "NOUN"
                              for x in _party_owners(o)]
            if found:
                return found
        return []

    def _conditioned(self, t: Token, sources: list[Token]) -> list[Token]:
        """Whom a threat is aimed at, from its condition: the subject of an unless/if/until
        clause under the threat or its complement ("threatened to cut off gas if the European
        Union imposed sanctions", "Iran's threat to close the strait if Western powers imposed an
        embargo"); a pronoun or one of the threateners is no recipient."""
        own = {x.i for s in sources for x in s.subtree}
        heads = [t, *(c for c in t.children if c.dep_ in ("xcomp", "advcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX"))]
        if t.pos_ not in ("VERB", "AUX") and t.dep_ in ("nsubj", "dobj", "pobj"):
            heads.append(_clause_verb(t))
        for h in heads:
            for c in h.children:
                if c.dep_ != "advcl" or not any(m.lower_ in CONDITION_MARKS for m in _kids(c, "mark")):
                    continue
                subj = [x for s in _kids(c, "nsubj", "nsubjpass") for x in _conj(s)
                        if x.i not in own and x.lower_ not in PRONOUNS_NO_ACTOR and x.ent_type_ not in NOT_PARTY_ENTS
                        and (_party_like(x) or self._crowd(x) or x.lemma_.lower() in ARMED_GROUP_NOUNS)]
                if subj:
                    return subj
        return []

    def _anticipated(self, v: Token, sources: list[Token]) -> list[Token]:
        """The party a deployment or alert is aimed at, named by the act it meets: "ahead of a
        rocket launch by North Korea", "in response to Russia's buildup", "ahead of an offensive
        against Kurdish militias" (the act's own target when the source does it), "for a possible
        intervention against the junta", "in a mutiny against the military leadership"."""
        own = {x.i for s in sources for x in s.subtree}
        acts: list[Token] = []
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ == "ahead":
                acts.extend(_prep_obj(c, "of"))
            elif c.dep_ == "prep" and c.lower_ in ("before", "for", "against", "in"):
                for n in _kids(c, "pobj"):
                    if n.lemma_.lower() in RESPONSE_NOUNS:
                        acts.extend(_prep_obj(n, "to"))
                    else:
                        acts.append(n)
        for n in acts:
            if n.pos_ != "NOUN":
                continue
            doers = ([self._agent_of_event(n)] if self.lex.noun(n.lemma_) is not None else
                     _by_agents(n, any_direct=False, participle=True, under_of=False))  # "a launch by X"
            doers = [d for d in doers if d is not n and d.i not in own and d.lower_ not in PRONOUNS_NO_ACTOR
                     and _party_like(d)]
            if doers:
                return doers[:1]
            hit = [x for w in ("against", "on") for t in _prep_obj(n, w) for x in self._inner_or_agent(t)
                   if x.i not in own and (_party_like(x) or self._crowd(x) or _named(x)
                                          or x.lemma_.lower() in ARMED_GROUP_NOUNS)]
            if hit:
                return hit
        return []

    def _deployed_to_help(self, f: Frame) -> None:
        """Forces sent to help or protect, or at a government's request, are protection (CAMEO
        074, AID), not a show of force: "sent troops to protect the capital", "deployed soldiers
        at Maputo's request, helping government forces ..." (the requester is a recipient too)."""
        v = f.trigger
        helping = [c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.pos_ in ("VERB", "AUX")
                   and (_has_to(c) or c.tag_ == "VBG")
                   and any(vf.type == "AID" for vf in self.lex.verb_frames(c.lemma_))]
        asked = [x for p in _kids(v, "prep") if p.lower_ == "at" for n in _kids(p, "pobj")
                 if n.lemma_.lower() in REQUEST_OCCASION_NOUNS
                 for x in ([q for q in _kids(n, "poss") if q.lower_ not in POSS_PRONOUNS] or _prep_obj(n, "of"))
                 if _party_like(x)]
        if not helping and not asked:
            return
        f.type, f.mode, f.cameo = "AID", None, "074"
        if asked:  # the requester, beside the place the forces went to
            f.targets = [*f.targets, *(x for x in asked if all(x.i != t.i for t in f.targets))]
        f.steps.append("forces sent " + (f"at the request of '{asked[0].text}'" if asked
                                         else f"to '{helping[0].lemma_}'") + ": protection (AID 074)")

    def _protested(self, t: Token) -> list[Token]:
        """The party behind a thing protested at: the maker or owner of a bill, plan, tax or
        decision ("against Ruto's finance bill", "over a tax proposed by the government",
        "against plans by Rio Tinto"); nothing for a party or for a thing no one is named behind."""
        if t.pos_ != "NOUN" or _party_like(t):
            return []
        agent = self._agent_of_event(t)
        if agent is not t and agent.lower_ not in PRONOUNS_NO_ACTOR:
            return [agent]
        owner = _party_owners(t)
        return owner or _made_by(t) or _by_agents(t, any_direct=False, participle=False, under_of=True)

    def _protest_recipient(self, f: Frame) -> None:
        """Whom a protest is aimed at when its recipient is a thing: the party behind what is
        protested ("blocked roads against a plan by X": X), else, for a thing blocked or burned
        that names no one ("blocked highways", "torched cars"), the party of the against/over
        phrase, the purpose clause or the labour dispute the protest is part of ("walked out
        after wage talks with BHP broke down")."""
        behind = [self._protested(t) for t in f.targets]
        if f.targets and any(behind):
            f.targets = [x for t, b in zip(f.targets, behind, strict=True) for x in (b or [t])]
            f.steps.append(f"recipient: '{f.targets[0].text}', behind what is protested")
            return
        if f.targets and not all(_unnamed_thing(t) for t in f.targets):
            return
        v = f.trigger if f.trigger.pos_ in ("VERB", "AUX") else _clause_verb(f.trigger)
        if v.pos_ not in ("VERB", "AUX"):
            return
        found = [x for w in ("against", "over") for t in _prep_obj(v, w) for x in (self._protested(t) or
                 ([t] if _party_like(t) else []))]
        found = found or self._purpose_target(v) or self._disputed_with(v, f.sources)
        if found:
            f.steps.append(f"recipient: '{found[0].text}', whom the protest is aimed at"
                           + (f" (not the thing '{f.targets[0].text}')" if f.targets else ""))
            f.targets = found

    @staticmethod
    def _disputed_with(v: Token, sources: list[Token]) -> list[Token]:
        """The other side of the dispute or talks a strike is part of: "walked out after pay
        talks with BHP broke down", "occupied the square in a pay dispute with KazMunayGas"."""
        own = {x.i for s in sources for x in s.subtree}
        frontier, seen = [v], 0
        while frontier and seen < DISPUTE_DEPTH:
            seen += 1
            nxt = []
            for h in frontier:
                for c in h.children:
                    if c.i in own or c.dep_ in ("nsubj", "nsubjpass") and h is v:
                        continue
                    if c.pos_ == "NOUN" and c.lemma_.lower() in DISPUTE_NOUNS:
                        # "talks with the port operator DP World": the name in apposition
                        found = [next((a for a in p.children if a.dep_ == "appos" and a.pos_ == "PROPN"), p)
                                 for p in _prep_obj(c, "with")]
                        found = [p for p in found if _party_like(p) or _named(p)]
                        if found:
                            return found
                    if c.dep_ in ("advcl", "prep", "pobj", "nsubj", "dobj"):
                        nxt.append(c)
            frontier = nxt
        return []

    @staticmethod
    def _shown_to(n: Token) -> list[Token]:
        """Whom a show of force is aimed at: the place drills are held around or near ("drills
        around Taiwan", "held exercises near the Libyan border"), or what they encircle."""
        heads = [n, n.head] if n.dep_ in ("dobj", "nsubjpass") and n.head.pos_ in ("VERB", "AUX") else [n]
        for h in heads:
            found = [t for w in SHOW_OF_FORCE_PREPS for t in _prep_obj(h, w)]
            found = found or [t for a in _kids(h, "acl") if a.tag_ == "VBG" for o in _kids(a, "dobj") for t in _conj(o)]
            if found:
                return found
        return []

    def _prompter(self, v: Token) -> list[Token]:
        """Who made ``v`` happen, when ``v`` is the result a prompt names: "X opened an office in
        Vilnius, prompting Beijing to recall its envoy", "the tests led Seoul to summon ..."."""
        h = v.head
        if v.dep_ != "xcomp" or h.lemma_.lower() not in RESULT_VERBS or h.pos_ not in ("VERB", "AUX"):
            return []
        subj = self.subjects(h)[0]
        return [a for a in (self._agent_of_event(t) for t in subj)
                if a.lower_ not in PRONOUNS_NO_ACTOR and a.ent_type_ not in NOT_PARTY_ENTS]

    def _provoker(self, v: Token, sources: list[Token]) -> list[Token]:
        """The party whose act ``v`` answers: the subject of an after/as/when clause under it, a
        name or a group of people ("protesters"), not a pronoun, an event ("the strike") or one
        of the sources again."""
        if v.pos_ not in ("VERB", "AUX"):
            return []
        own = {t.lower_ for s in sources for t in s.subtree}
        for c in v.children:
            if c.dep_ != "advcl" or not any(m.lower_ in REACTION_MARKS for m in _kids(c, "mark")):
                continue
            subj = [t for s in _kids(c, "nsubj") for t in _conj(s)
                    if t.lower_ not in own and t.ent_type_ not in NOT_PARTY_ENTS
                    and (_party_like(t) or (t.tag_ == "NNS" and noun_trigger(self.lex, t) is None))]
            if subj:
                return subj
        return []

    def _purpose_target(self, v: Token) -> list[Token]:
        """Whom a protest is aimed at, from its purpose clause: "poured into the streets to protest
        against Maduro", "downed tools to demand higher wages from Lonmin", "marched to
        denounce the army's seizure of power" (the party behind the thing protested at)."""
        clauses = [c for c in v.children if c.dep_ in ("advcl", "xcomp") and _has_to(c) and c.pos_ in ("VERB", "AUX")]
        # "in a bid to seal off Chechnya", "in an attempt to stop lawmakers certifying ..."
        clauses += [a for p in _kids(v, "prep") if p.lower_ == "in" for n in _kids(p, "pobj")
                    if n.lemma_.lower() in PURPOSE_NOUNS for a in _kids(n, "acl") if _has_to(a)]
        for c in clauses:
            found = [x for t in _prep_obj(c, "against") for x in self._inner_or_agent(t)]
            found = found or [x for o in _kids(c, "dobj") for x in self._inner_or_agent(o)
                              if _party_like(x) or any(_party_like(k) for k in _kids(x, "poss"))
                              or self._crowd(x)]
            found = found or _complement_party(c)
            if found:
                return found
        return []

    def _told(self, v: Token) -> list[Token]:
        """Whom a reported act is aimed at when the speech verb names a listener: "Moscow told
        Ukrainian negotiators that it would scale back", "told Abbas that Israel would remove ..."."""
        c = v
        for _ in range(3):
            if c.dep_ == "ccomp" and c.head.lemma_.lower() in TELLING_VERBS:
                return [t for o in _kids(c.head, "dobj") for t in _conj(o) if _party_like(t)]
            if c.dep_ not in ("conj", "xcomp") or c.head is c:
                return []
            c = c.head
        return []

    def _accused_by(self, v: Token) -> list[Token]:
        """Whom an act is aimed at when its participle clause accuses them: "declared martial law,
        accusing the opposition of anti-state activities"."""
        for c in v.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ACCUSING_VERBS:
                found = [t for o in _kids(c, "dobj") for t in _conj(o)
                         if _party_like(t) or self._crowd(t) or t.lemma_.lower() in BODY_NOUNS]
                if found:
                    return found
        return []

    @staticmethod
    def _demanded_of(v: Token) -> list[Token]:
        """Who is asked, from the that-clause of a demand: "requested that the African Union
        mediate", "Egypt's demand that Ethiopia stop ..." (the clause's subject)."""
        for c in v.children:
            if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and (
                    v.pos_ in ("VERB", "AUX") or any(m.lower_ == "that" for m in _kids(c, "mark"))):
                subj = [t for s in _kids(c, "nsubj") for t in _conj(s)
                        if t.lower_ not in PRONOUNS_NO_ACTOR and t.lower_ not in RELATIVE]
                if subj:
                    return subj
        return []

    def _headline_frames(self) -> list[Frame]:
        """The frame of a headline verb the tagger took for a noun, read on the repaired parse
        (``_HeadlineView``); its complements are consumed as usual."""
        found = _headline_verb(self.lex, self.sent, _dateline_end(self.sent))
        if found is None:
            return []
        view = _HeadlineView(self.lex, self.sent, *found)
        v = view.node(found[0])
        self._subjects.clear()
        self._objects.clear()  # the memo is per token index: keep the two parses apart
        f = self.verb_frame(v)
        self._subjects.clear()
        self._objects.clear()
        if f is None:
            return []
        self.consumed.add(v.i)
        f.steps.insert(0, f"headline: '{v.text}' read as the verb '{v.lemma_}' (tagged {v._tok.tag_})")
        return [f]

    def _bare_demands(self, frames: list[Frame]) -> list[Frame]:
        """"The minister said Iran must stop enrichment": a demand by the speaker on the clause's
        subject even when the demanded act is not in the lexicon (CAMEO 10)."""
        out = []
        triggers = {f.trigger.i for f in frames}
        for v in self.sent:
            if v.dep_ != "ccomp" or v.i in triggers or v.i in self.consumed or not self.lex.is_speech(v.head.lemma_):
                continue
            if not {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")} & OBLIGATION_AUX:
                continue
            subj, _ = self.subjects(v)
            speaker, _ = self.subjects(v.head)
            if not subj or not speaker or subj[0].lower_ in ("we", "i", "it", "they", "he", "she", "there"):
                continue
            f = Frame(trigger=v, type="REQUEST", cameo="100", mode="change", pattern="obligation(speech+must)",
                      sources=speaker, targets=subj, confidence=BASE_CONFIDENCE - WEAK_PENALTY)
            f.steps.append(f"'{v.head.text}' + must/should '{v.text}': a demand on {subj[0].text}")
            out.append(f)
        return out

    def _finish(self, f: Frame, question: bool) -> Frame:
        # the dictionary's code as written (a paired code's event back too): _literal_status
        literal = self.literal and (f.dictionary or f.pattern.endswith(":back"))
        if (not literal and f.type == "COOPERATE" and f.trigger.lemma_.lower() in EXERCISE_NOUNS and len(f.sources) < 2
                and not f.targets and not any(c.lower_ in JOINT_MARKERS for c in f.trigger.children)):
            f.type, f.mode, f.cameo = "MOBILIZE", "troops", "150"
            f.steps.append("an exercise with no partner is a show of force (PLOVER: single-country -> MOBILIZE)")
            f.targets = self._shown_to(f.trigger)
        clause = _clause_verb(f.trigger)
        status, speech, future, obligation = self._clause_status(clause)
        if literal:
            status, future, obligation = self._literal_status(f, clause, status, future or obligation), False, False
        if (self._negated(clause) or (f.trigger is not clause and self._negated(f.trigger)) or f.negated
                or self._unwilling(clause)):
            if literal and f.type in LITERAL_REFUSABLE:
                f.type, f.mode, f.cameo = self._literal_refusal(f)
            elif f.trigger.lemma_.lower() in REFUSING_WHEN_NEGATED and f.type in ("AGREE", "SUPPORT", "RETREAT", "CONCEDE"):
                f.steps.append(f"'not/never {f.trigger.lemma_}' is a rejection (CAMEO 12)")
                f.type, f.mode, f.cameo = "REJECT", None, "120"
            else:
                f.negated = True
                f.status = "negated"
                f.steps.append("negated: dropped (PLOVER codes no negated events)")
        if clause.dep_ == "xcomp" and normalize_lemma(clause.head.lemma_) in NEGATING_VERBS and not f.negated:
            f.negated, f.status = True, "negated"  # "failed to reach an agreement"
            f.steps.append(f"'{clause.head.text}' negates its complement")
        if question:
            f.status = "question"
            f.steps.append("question: not coded as a fact")
        if f.status == "fact" and self._sports_result(f.trigger):
            f.status = "sports"
            f.steps.append(f"'{f.trigger.text}' reports a sports result (a score or a sports word): not an event")
        if (f.status == "fact" and status == "fact" and f.pattern.startswith("noun:")
                and f.trigger.dep_ in ("nsubj", "nsubjpass")
                and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX - REPORTED_FUTURE_AUX | {"would"}
                        for c in f.trigger.head.children)):
            status = "hypothetical"  # "a US recognition of Somaliland would anger Mogadishu"
        if f.status == "fact" and status == "hypothetical":
            if (speech is not None or future) and (f.type in MATERIAL_CONFLICT or f.type == "THREATEN"):
                t, m, c = _threat(f) if f.type != "THREATEN" else (f.type, f.mode, f.cameo)
                f.type, f.mode, f.cameo = t, m, c
                f.steps.append("conditional material conflict in reported speech or the future -> THREATEN")
            else:
                f.status = "hypothetical"
                f.steps.append("hypothetical (if/would/could): not coded as a fact")
        standalone_noun = f.pattern.startswith("noun:")  # "Beijing's support for Russia" exists now
        if f.status == "fact" and future and not standalone_noun:
            g = future_of(f)
            f.type, f.mode, f.cameo, f.steps = g.type, g.mode, g.cameo, g.steps
        if speech is not None and obligation and f.status == "fact" and f.type != "REQUEST" and not f.pattern.startswith("noun:"):
            rep, _ = self.subjects(speech)
            if rep:
                composed = self.compose("request", _REQUEST_FRAME, f)
                assert composed is not None
                f.steps.append(f"'{speech.text}' + must/should: a demand on {f.sources[0].text if f.sources else 'them'}")
                f.type, f.mode, f.cameo = composed
                f.targets, f.sources = f.sources, rep
                f.pattern = f"obligation({f.pattern})"
                f.reciprocal = False
                return f
        if speech is not None and not f.pattern.startswith("obligation"):
            rep, _ = self.subjects(speech)
            f.reported_by = rep[0] if rep else None
            f.confidence -= REPORTED_PENALTY
            f.steps.append(f"reported speech under '{speech.text}'")
            if f.sources and f.sources[0].lower_ in ("it", "they", "he", "she", "we", "i") and rep:
                f.steps.append(f"pronoun source '{f.sources[0].text}' is the speaker")
                f.sources = rep
            elif not f.sources and f.type == "THREATEN" and rep:  # "police said X would be arrested if ..."
                f.steps.append("no agent: the speaker is the one who threatens")
                f.sources = rep
        if f.sources and len(f.sources) == 1:
            text = self.sent.doc[f.sources[0].left_edge.i: f.sources[0].i + 1].text
            if PARTIES_RX.match(text.strip()) or PARTIES_RX.match(f.sources[0].lower_):
                f.parties = True
                f.steps.append("'the two sides': actors from the parties of the exchange")
        if f.reciprocal and f.targets:
            f.reciprocal = False  # the coder lists all actors only if two or more resolve
        return f

    # ----------------------------------------------- [events] dictionary_codes = "literal"
    # A frame from a verb-dictionary entry keeps the entry's CAMEO code, as PETRARCH codes it:
    # PETRARCH2 reads a modal or auxiliary ("will", "would", "could", "must") as a verb phrase
    # above the coded one that passes its event up unchanged (Petrarch2.tex, get_lower), so tense
    # and modality change no code. Its one exception is "not", which turns the event into its
    # refusal ("will not help" = "refuse to help", CAMEO 12). It has no rule for if-clauses; a
    # condition is still no fact here. Frames from our own lexicon keep the PLOVER rules.
    def _literal_status(self, f: Frame, clause: Token, status: str, modal: bool) -> str:
        """Status of a dictionary frame in "literal" mode: "hypothetical" only inside an
        if/unless clause; no future, intent or must/should rewrite (the caller drops those;
        ``modal``: one of them would have applied)."""
        t = clause
        for _ in range(8):
            if t.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in _kids(t, "mark")):
                return "hypothetical"
            if t.dep_ != "conj" or t.head is t:
                break
            t = t.head
        if modal or status == "hypothetical":
            f.steps.append(f"dictionary code {f.cameo} kept as written, whatever the tense or modal "
                           "([events] dictionary_codes = literal)")
        return "fact" if status == "hypothetical" else status

    def _literal_refusal(self, f: Frame) -> tuple[str, str | None, str]:
        """A negated cooperative or yielding dictionary code in "literal" mode: its refusal."""
        composed = self.compose("refuse", _REFUSE_FRAME, f)
        assert composed is not None
        f.steps.append(f"negated {f.cameo}: the refusal {composed[2]} (PETRARCH: 'not X' is 'refuse to X')")
        return composed


_REFUSE_FRAME = VerbFrame(lemma="not", particle=None, type="REJECT", cameo="120", role="refuse")
LITERAL_REFUSABLE = COOPERATIVE | YIELDING
"""Types whose negation PETRARCH codes as a refusal (CAMEO 12); other negated codes are dropped."""


SentenceFrames = _Finder
"""The per-sentence finder (``find()`` all frames; ``verb_frame(tok)`` reads one predicate)."""


def find_frames(lexicon: Lexicon, sent: Any, *, literal: bool = False) -> list[Frame]:
    """All frames in one spaCy sentence span, facts and non-facts (see ``Frame.status``);
    ``literal``: verb-dictionary frames keep their code (``[events] dictionary_codes``)."""
    return _Finder(lexicon, sent, literal=literal).find()

