"""Actors of a whole parsed document: mentions with offsets, coreference, consistency flags.

Phrases are spaCy noun chunks and named entities (PERSON, NORP, GPE, ORG, FAC, LOC), merged where
a knowledge-base alias crosses a chunk boundary ("Secretary of State Antony Blinken"). Each
phrase's atoms (see :mod:`communique.actors.resolve`) are composed into actors; sentences are read
in order so that "Mr. Yang", "Blinken" or "the secretary" can refer back to someone named earlier.
"""

from __future__ import annotations

__all__ = ["DocActors", "resolve_doc", "phrases_of", "resolve_range", "is_locative", "sentence_country"]

from dataclasses import dataclass, field
from typing import Any

from communique.actors.kb import KnowledgeBase
from communique.actors.resolve import (
    ENTITY_LABELS,
    LOCATIVE_PREPS,
    MIN_FUZZY_CHARS,
    Atom,
    Composite,
    DocState,
    compose,
    doc_text,
    scan,
    sent_ents,
)
from communique.records import Flag, Mention


@dataclass(slots=True)
class DocActors:
    mentions: list[Mention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    state: DocState = field(default_factory=DocState)
    party_spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, sentence)


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "nummod", "det", "case", "punct", "cc", "prep", "pobj"})
"""Dependents that belong to the phrase of the noun they modify (``pobj``/``prep`` only inside a
left modifier: "U.S. Secretary of State Antony Blinken")."""


def phrases_of(sent: Any) -> list[tuple[int, int, int]]:
    """(first token, end token, head token) of each nominal group of a sentence: a noun and
    everything to its left that modifies it, plus named entities the parse left out."""
    doc = sent.doc
    spans: list[tuple[int, int, int]] = []
    if doc.has_annotation("DEP"):
        for tok in sent:
            if tok.pos_ not in NOMINAL or tok.dep_ in MODIFIER_DEPS - {"pobj"}:
                continue
            if tok.pos_ == "ADJ" and tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT"}:
                continue
            lefts = [c for c in tok.lefts if c.dep_ not in {"cc", "punct", "prep", "mark", "advmod", "aux", "neg", "nsubj", "nsubjpass", "dobj", "conj", "appos"}]
            first = min([c.left_edge.i for c in lefts] + [tok.i])
            last = tok.i + 1
            for prep in tok.rights:  # "the president of Russia", "King Hassan of Morocco"
                if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from"}:
                    objs = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in {"GPE", "NORP"}]
                    if objs:
                        last = objs[0].right_edge.i + 1
                break
            spans.append((max(first, sent.start), min(last, sent.end), tok.i))
    else:
        spans = [(c.start, c.end, c.root.i) for c in doc.noun_chunks if c.start >= sent.start and c.end <= sent.end]
    for ent in sent_ents(sent.doc, sent):
        if ent.label_ in ENTITY_LABELS and not any(a <= ent.start and ent.end <= b for a, b, _ in spans):
            spans.append((ent.start, ent.end, ent.root.i))
    # keep maximal groups: "State" inside "U.S. Secretary of State Antony Blinken" is no phrase
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int, int]] = []
    for a, b, h in spans:
        if out and a < out[-1][1]:
            pa, pb, ph = out[-1]
            if b > pb:  # partial overlap (entity across a group edge): merge, keep the later head
                out[-1] = (pa, b, h)
            continue
        out.append((a, b, h))
    return out


def is_locative(doc: Any, i: int, head: int) -> bool:
    """Is the phrase a place after a locative preposition ("talks in Beijing")?"""
    root = doc[head]
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return i > 0 and doc[i - 1].lower_ in LOCATIVE_PREPS


def _fuzzy_atoms(doc: Any, sent: Any, atoms: list[Atom], kb: KnowledgeBase, threshold: float) -> list[Atom]:
    """Entities no alias covered, matched to the closest KB name (rapidfuzz) above threshold."""
    extra = []
    for ent in sent_ents(sent.doc, sent):
        if ent.label_ not in {"ORG", "GPE", "NORP", "FAC", "LOC"} or len(ent.text) < MIN_FUZZY_CHARS:
            continue
        if any(a.i < ent.end and ent.start < a.j for a in atoms):
            continue
        hit = kb.fuzzy(ent.text, threshold, kinds=frozenset({"country", "organization", "petrarch"}))
        if hit is None:
            continue
        alias, score = hit
        entry = kb.entries[alias.entry_id]
        extra.append(Atom("entry", ent.start, ent.end, ent.start_char, ent.end_char, ent.text, aliases=[alias], method="fuzzy", score=score / 100, why=f"'{ent.text}' is close ({score:.0f}/100) to '{alias.text}' of {entry.name}"))
    return extra


def _join_titles(groups: list[tuple[int, int, int, list[Atom]]]) -> list[tuple[int, int, int, list[Atom]]]:
    """"the foreign minister Blinken" parsed as two groups: a title right before a person is
    one phrase."""
    out: list[tuple[int, int, int, list[Atom]]] = []
    for g in groups:
        if out and g[3] and out[-1][3]:
            prev = out[-1]
            last, first = max(prev[3], key=lambda x: x.j), min(g[3], key=lambda x: x.i)
            if last.kind == "role" and first.kind == "person" and first.i == last.j:
                out[-1] = (prev[0], g[1], g[2], prev[3] + g[3])
                continue
        out.append(g)
    return out


def sentence_country(doc: Any, sent: Any, comp: Composite, kb: KnowledgeBase, state: DocState | None, *, atoms: list[Atom] | None = None) -> Composite:
    """Fill a missing country from the sentence.

    A named person with a title but no nationality ("President Yoweri Museveni") takes the
    country when the sentence names exactly one. A role alone ("police", "rebels") takes it only
    from a place phrase ("in Nairobi", "across Sudan") and when that is the sentence's only
    country: "US officials met rebels" must not make the rebels American.
    """
    ref = comp.actor
    if ref.country is not None or ref.sector is None or ref.actor_id is not None:
        return comp
    named = comp.method == "title+nationality" and bool(ref.name)
    if not named and comp.method != "role":
        return comp
    codes: set[str] = set()
    places: set[str] = set()
    for a in atoms if atoms is not None else scan(doc, sent.start, sent.end, kb, None):
        if a.kind == "entry":
            e = kb.entries[a.aliases[0].entry_id]
            if e.kind == "country" and e.country:
                codes.add(e.country)
                if a.i > 0 and doc[a.i - 1].lower_ in LOCATIVE_PREPS:
                    places.add(e.country)
    if len(codes) != 1 or (not named and not places):
        return comp
    code = codes.pop()
    from dataclasses import replace

    how = "title+context" if named else "role+place"
    return replace(comp, actor=replace(ref, country=code), method=how, why=comp.why + f"; the sentence names only {code}", score=comp.score * 0.8)


def resolve_range(doc: Any, i: int, j: int, head: int, kb: KnowledgeBase, state: DocState | None, *, date: str | None, sentence_text: str | None = None, tagged: bool = True, strict_case: bool | None = None) -> tuple[list[Composite], list[Atom]]:
    """Compose the actors of tokens [i, j) with ``head`` as the phrase head."""
    atoms = scan(doc, i, j, kb, state, tagged=tagged, strict_case=strict_case)
    return compose(doc, atoms, kb, head=head, date=date, state=state, locative=is_locative(doc, i, head), sentence_text=sentence_text), atoms


def resolve_doc(doc: Any, kb: KnowledgeBase, *, doc_id: str, date: str | None, fuzzy_threshold: float) -> DocActors:
    out = DocActors(state=DocState(date=date, fuzzy_threshold=fuzzy_threshold))
    state = out.state
    seen_flags: set[tuple[str, str | None]] = set()
    for s_index, sent in enumerate(doc.sents):
        atoms = scan(doc, sent.start, sent.end, kb, state)
        atoms += _fuzzy_atoms(doc, sent, atoms, kb, fuzzy_threshold)
        atoms.sort(key=lambda a: a.i)
        groups: list[tuple[int, int, int, list[Atom]]] = [(a, b, h, []) for a, b, h in phrases_of(sent)]
        for atom in atoms:
            hit = [g for g in groups if g[0] < atom.j and atom.i < g[1]]
            if not hit:
                groups.append((atom.i, atom.j, atom.j - 1, [atom]))
                continue
            if len(hit) > 1:  # an alias crossing chunks: merge them into one phrase
                a, b = min(g[0] for g in hit), max(g[1] for g in hit)
                h = hit[-1][2]
                members = [x for g in hit for x in g[3]]
                for g in hit:
                    groups.remove(g)
                groups.append((a, b, h, members + [atom]))
            else:
                hit[0][3].append(atom)
        groups.sort()
        groups = _join_titles(groups)
        for a, _b, h, members in groups:
            if not members:
                continue
            if any(m.kind == "parties" for m in members) and not any(m.kind == "person" for m in members):
                m = next(m for m in members if m.kind == "parties")
                out.party_spans.append((m.start, m.end, s_index))
                continue
            members.sort(key=lambda x: x.i)
            comps = compose(doc, members, kb, head=h, date=date, state=state, locative=is_locative(doc, a, h), sentence_text=sent.text)
            comps = [sentence_country(doc, sent, c, kb, state, atoms=atoms) for c in comps]
            for c in comps:
                ref = c.actor
                if ref.text != doc_text(doc)[c.start : c.end]:
                    from dataclasses import replace

                    ref = replace(ref, text=doc_text(doc)[c.start : c.end])
                out.mentions.append(
                    Mention(
                        doc_id=doc_id,
                        start=c.start,
                        end=c.end,
                        text=doc_text(doc)[c.start : c.end],
                        actor=ref,
                        method=c.method,
                        sentence=s_index,
                        confidence=round(c.score, 3),
                        why=c.why,
                    )
                )
                if ref.country and len(ref.country) == 3:
                    state.country_counts[ref.country] = state.country_counts.get(ref.country, 0) + 1
                for f in c.flags:
                    key = (f.code, f.message)
                    if key not in seen_flags:
                        seen_flags.add(key)
                        out.flags.append(f)
    return out
