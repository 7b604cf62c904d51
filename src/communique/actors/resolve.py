"""Resolving words in a parsed sentence to actors.

Two steps. :func:`scan` finds *atoms* in a token range: knowledge-base aliases (countries,
capitals, seats of power, organisations, people), role words, honorific + surname, "the two
sides". :func:`compose` turns the atoms of one noun phrase into actors: a person (with the office
held on the date), an organisation (+ a role: "NATO troops"), a country + role ("Chinese foreign
minister" -> CHN GOV, and the person holding that office on the date when the KB knows them), or a
role alone (country unknown). Titles and nationalities that contradict the KB for the date become
``title_contradiction`` flags; resolution keeps the KB's answer.

The same code serves the pipeline stage (a whole document, with coreference state) and
:func:`communique.actors.resolve_text` (one span, for the CLI and evaluation).
"""

from __future__ import annotations

__all__ = [
    "Atom",
    "Composite",
    "DocState",
    "PersonSeen",
    "scan",
    "compose",
    "title_fits",
    "load_name_words",
    "LOCATIVE_PREPS",
    "PARTY_PHRASES",
]

import functools
from dataclasses import dataclass, field
from typing import Any

from communique.actors.kb import Alias, Entry, KnowledgeBase, Office, Role, norm
from communique.knowledge import data_path, read_tsv
from communique.records import ActorRef, Flag

LOCATIVE_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "across", "throughout", "outside", "inside", "via", "toward", "towards"})
"""A capital after one of these is a place ("talks in Beijing"), not the government."""

PARTY_PHRASES = frozenset({"the two sides", "both sides", "the two countries", "both countries", "the two governments", "both governments", "the two nations", "both nations", "the two parties", "both parties"})
"""Phrases naming both parties of the exchange: resolved through ``parties_of``."""

RANK_QUALIFIERS = frozenset({"vice", "deputy", "assistant", "under"})
TITLE_HEADS = frozenset({"minister", "secretary", "president", "premier", "chancellor", "king", "queen", "emir", "general", "admiral", "senator", "ambassador", "spokesperson", "spokesman", "spokeswoman", "governor", "mayor"})
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "ousted", "deposed", "toppled", "exiled", "late"})
NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})
ENTITY_LABELS = frozenset({"PERSON", "NORP", "GPE", "ORG", "FAC", "LOC"})
MIN_FUZZY_CHARS = 5  # shorter names are too easy to confuse with anything


@functools.lru_cache(maxsize=1)
def load_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(honorifics, surname-first family names) from ``actors/data/names.tsv`` (validated)."""
    path = data_path("actors", "names.tsv")
    hon: set[str] = set()
    first: set[str] = set()
    from communique.errors import KnowledgeError

    for row in read_tsv(path):
        kind = row.get("kind")
        if kind == "honorific":
            hon.add(norm(row["word"]))
        elif kind == "surname_first":
            first.add(norm(row["word"]))
        else:
            raise KnowledgeError(f"kind must be honorific or surname_first, got {kind!r}", code="C310", path=str(path), line=row.get("__line__"))
    return frozenset(hon), frozenset(first)


TEXT_KEY = "communique.actors.text"


def doc_text(doc: Any) -> str:
    """``doc.text`` once per document (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return str(text)


def sent_ents(doc: Any, sent: Any) -> list[Any]:
    """The entities of one sentence, from one pass over ``doc.ents`` per document."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = [(e.start, e.end, e.label_) for e in doc.ents]
        doc.user_data[ENTS_KEY] = ents
    return [doc[a:b] for a, b, _label in ents if a >= sent.start and b <= sent.end]


ENTS_KEY = "communique.actors.ents"


# ---------------------------------------------------------------------------------- data types


@dataclass(slots=True)
class Atom:
    """A recognised piece of a phrase: token range [i, j) of the doc, and what it is."""

    kind: str  # entry | role | person | parties
    i: int
    j: int
    start: int
    end: int
    text: str
    aliases: list[Alias] = field(default_factory=list)
    role: Role | None = None
    entry: Entry | None = None  # for kind person: the KB person (None = unknown person)
    method: str = "exact"
    score: float = 1.0
    why: str = ""
    ref: ActorRef | None = None  # for an unknown person seen earlier (coreference)


@dataclass(slots=True)
class Composite:
    """One actor composed from atoms: the span it covers and how it was found."""

    actor: ActorRef
    start: int
    end: int
    method: str
    why: str
    score: float = 1.0
    flags: list[Flag] = field(default_factory=list)
    office: Office | None = None


@dataclass(slots=True)
class PersonSeen:
    keys: frozenset[str]
    ref: ActorRef
    entry_id: str | None


@dataclass(slots=True)
class DocState:
    """What earlier sentences of the same document established (for coreference)."""

    date: str | None = None
    fuzzy_threshold: float | None = None  # rapidfuzz score for unknown PERSON names; None = off
    people: list[PersonSeen] = field(default_factory=list)
    country_counts: dict[str, int] = field(default_factory=dict)

    def remember(self, ref: ActorRef, name_text: str, entry: Entry | None) -> None:
        keys = set(name_keys(name_text))
        if entry is not None:
            if entry.surname:
                keys.add(norm(entry.surname))
            keys.add(norm(entry.name))
        self.people.insert(0, PersonSeen(frozenset(keys), ref, entry.id if entry else None))

    def find_person(self, key: str) -> PersonSeen | None:
        k = norm(key)
        for p in self.people:  # most recent first
            if k in p.keys:
                return p
        return None


def name_keys(name: str) -> list[str]:
    """Keys a later short mention may use: the full name, the surname (first word for East Asian
    family-name-first names, else the last word)."""
    words = [w for w in norm(name).split() if w]
    if not words:
        return []
    _hon, first = load_name_words()
    keys = [" ".join(words), words[-1]]
    if words[0] in first:
        keys.append(words[0])
    return keys


# ---------------------------------------------------------------------------------------- scan


def _is_punct(tok: Any) -> bool:
    return bool(tok.is_punct) or bool(tok.is_space) or tok.text in {"'s", "’s", "'"}


def _weak_ok(doc: Any, i: int, j: int, state: DocState | None, kb: KnowledgeBase) -> bool:
    """A weak alias ("Jordan", "Chad", "Georgia") counts unless it reads as a person's name: part
    of a longer PERSON name ("Michael Jordan"), after an honorific or title ("Mr. Jordan"), or a
    person of that name already met in the document."""
    for k in range(i, j):
        tok = doc[k]
        if tok.ent_type_ == "PERSON":
            ent_start = k
            while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
                ent_start -= 1
            ent_end = k + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if ent_start < i or ent_end > j:
                return False
    if j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ in {"PERSON", ""}:
        return False
    if i > 0:
        prev = doc[i - 1]
        hon, _ = load_name_words()
        if norm(prev.text) in hon or (kb.role(prev.text) is not None and prev.text[:1].isupper()):
            return False
    return not (state is not None and state.find_person(doc[i:j].text) is not None)


def scan(doc: Any, i0: int, j0: int, kb: KnowledgeBase, state: DocState | None = None, *, tagged: bool = True, strict_case: bool | None = None) -> list[Atom]:
    """Atoms in tokens [i0, j0): longest match first, no overlaps. ``strict_case`` (default: as
    ``tagged``): proper-name aliases need a capital letter."""
    if strict_case is None:
        strict_case = tagged
    atoms: list[Atom] = []
    hon, _first = load_name_words()
    text = doc_text(doc)
    i = i0
    while i < j0:
        tok = doc[i]
        if _is_punct(tok):
            i += 1
            continue
        found: Atom | None = None
        for n in range(min(kb.max_words + 1, j0 - i), 0, -1):
            j = i + n
            last = doc[j - 1]
            if _is_punct(last):
                continue
            start, end = tok.idx, last.idx + len(last.text)
            phrase = text[start:end]
            key = norm(phrase)
            if key in PARTY_PHRASES:
                found = Atom("parties", i, j, start, end, phrase, why="names both parties of the exchange")
                break
            aliases = kb.lookup(phrase, key=key)
            if aliases and strict_case and not _capitalised(doc, i, j):
                aliases = []  # "turkey", "china", "chad" in lower case are not the countries
            if aliases:
                usable = [a for a in aliases if not a.weak or _weak_ok(doc, i, j, state, kb)]
                if usable:
                    entry = kb.entries[usable[0].entry_id]
                    kind = "person" if entry.kind == "person" else "entry"
                    found = Atom(kind, i, j, start, end, phrase, aliases=usable, entry=entry if kind == "person" else None, why=f"'{phrase}' is an alias of {entry.name} ({entry.origin})")
                    break
            role = kb.role(phrase, key=key)
            if role is not None and (not tagged or last.pos_ in NOUNISH or last.tag_ in {"NNS", "NN", "NNP", "NNPS"}):
                found = Atom("role", i, j, start, end, phrase, role=role, why=f"role word '{phrase}' -> {role.sector} ({role.origin})")
                break
        if found is None and norm(tok.text) in hon and i + 1 < j0 and doc[i + 1].text[:1].isupper():
            found = _surname_atom(doc, i, i + 1, kb, state)
        if found is None and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            k = i + 1
            while k < j0 and doc[k].ent_iob_ == "I" and doc[k].ent_type_ == "PERSON" and not doc[k].is_space and "\n" not in doc[k - 1].whitespace_:
                k += 1
            found = _surname_atom(doc, i, i, kb, state, end_tok=k)
            if found is None and state is not None and state.fuzzy_threshold is not None:
                found = _fuzzy_person(doc, i, k, kb, state.fuzzy_threshold)
            if found is None:
                found = Atom("person", i, k, tok.idx, doc[k - 1].idx + len(doc[k - 1].text), text[tok.idx : doc[k - 1].idx + len(doc[k - 1].text)], method="unknown-person", score=0.5, why="a person not in the knowledge base")
        if found is None and tok.text[:1].isupper() and (tok.pos_ == "PROPN" or not tagged) and norm(tok.text) in kb.surnames:
            found = _surname_atom(doc, i, i, kb, state, end_tok=i + 1)
        if found is None:
            i += 1
            continue
        atoms.append(found)
        i = found.j
    return atoms


LOWER_FUNCTION_WORDS = frozenset({"the", "of", "and", "de", "al", "el", "du", "la", "von", "van", "bin"})


def _capitalised(doc: Any, i: int, j: int) -> bool:
    """Proper names are written with capitals: the first word after "the" must start with one."""
    for k in range(i, j):
        word = doc[k].text
        if word.lower() in LOWER_FUNCTION_WORDS or not word[:1].isalpha():
            continue
        return bool(word[:1].isupper())
    return False


def _surname_atom(doc: Any, i: int, name_i: int, kb: KnowledgeBase, state: DocState | None, *, end_tok: int | None = None) -> Atom | None:
    """"Mr. Yang", "Blinken", "Wang Yi": a person seen earlier in the document, else a KB person
    with that surname (the one holding office on the date when several share it). Tokens
    [i, name_i) are an honorific; the name runs to ``end_tok`` (default: the PERSON entity)."""
    j = end_tok if end_tok is not None else name_i + 1
    if end_tok is None:
        while j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            j += 1
    start = doc[i].idx
    last = doc[j - 1]
    end = last.idx + len(last.text)
    name_text = doc_text(doc)[doc[name_i].idx : end]
    keys = name_keys(name_text)
    if state is not None:
        for key in keys:
            seen = state.find_person(key)
            if seen is not None:
                entry = kb.entries.get(seen.entry_id) if seen.entry_id else None
                return Atom("person", i, j, start, end, doc_text(doc)[start:end], entry=entry, ref=seen.ref, method="coref", score=0.9, why=f"'{doc_text(doc)[start:end]}' refers back to {seen.ref.name or seen.ref.text}")
    if len(name_text.split()) > 1:
        return None  # a full name the KB does not know is someone else, whatever the surname
    for key in keys:
        people = kb.people_named(key)
        if not people:
            continue
        if len(people) > 1 and state is not None:
            held = [p for p in people if p.office_on(state.date) is not None]
            people = held or people
        if len(people) == 1:
            return Atom("person", i, j, start, end, doc_text(doc)[start:end], entry=people[0], method="surname", score=0.8, why=f"surname '{key}' of {people[0].name} ({people[0].origin})")
    return None


def _fuzzy_person(doc: Any, i: int, j: int, kb: KnowledgeBase, threshold: float) -> Atom | None:
    """A full name spelt differently from the KB ("Francois Mitterand"): rapidfuzz over names."""
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = doc_text(doc)[start:end]
    if j - i < 2 or len(text) < MIN_FUZZY_CHARS:
        return None
    hit = kb.fuzzy(text, threshold, kinds=frozenset({"person"}))
    if hit is None:
        return None
    alias, score = hit
    entry = kb.entries[alias.entry_id]
    return Atom("person", i, j, start, end, text, entry=entry, method="fuzzy", score=score / 100, why=f"'{text}' is close ({score:.0f}/100) to '{alias.text}' ({entry.origin})")


# ------------------------------------------------------------------------------------- compose


SPELLINGS = {"advisor": "adviser", "defense": "defence", "counselor": "counsellor", "labor": "labour"}
"""US and British spellings of title words: "national security advisor" is the same office."""


def _spelling(text: str) -> str:
    return " ".join(SPELLINGS.get(w, w) for w in text.split())


def title_fits(role: Role, office: Office) -> bool:
    """Does a title in the text ("foreign minister") fit an office held ("Secretary of State")?"""
    if role.generic:
        return True
    p, t = _spelling(norm(role.phrase)), _spelling(norm(office.title))
    pw, tw = p.split(), t.split()
    if role.role == "other" and role.role != office.role and not set(pw) & set(tw):
        return False
    if set(pw) & RANK_QUALIFIERS != set(tw) & RANK_QUALIFIERS:
        return False  # "Vice President" is not "President", "Deputy Secretary" not "Secretary"
    if p in t or t in p:
        return True
    if role.role is not None and role.role == office.role and pw[-1] in tw:
        return True
    if role.role is None and pw[-1] not in TITLE_HEADS:
        return True  # a description ("envoy", "official"), not a title
    return {"premier", "prime"} <= set(pw) | set(tw) and office.role == role.role


def _between_only(doc: Any, a: int, b: int, allowed: set[int]) -> bool:
    return all(k in allowed or _is_punct(doc[k]) or doc[k].lower_ in {"'s", "and", "the", "of"} for k in range(a, b))


def _country_of_atom(kb: KnowledgeBase, atom: Atom, date: str | None) -> tuple[Entry, Alias]:
    alias = atom.aliases[0]
    return kb.entries[alias.entry_id], alias


def _former(doc: Any, i: int) -> bool:
    return any(doc[k].lower_ in FORMER_WORDS for k in range(max(0, i - 3), i))


def compose(
    doc: Any,
    atoms: list[Atom],
    kb: KnowledgeBase,
    *,
    head: int | None,
    date: str | None,
    state: DocState | None = None,
    locative: bool = False,
    sentence_text: str | None = None,
) -> list[Composite]:
    """Actors of one noun phrase's atoms. ``head``: the phrase's head token index."""
    if not atoms:
        return []
    people = [a for a in atoms if a.kind == "person"]
    roles = [a for a in atoms if a.kind == "role"]
    entries = [a for a in atoms if a.kind == "entry"]
    orgs = [a for a in entries if kb.entries[a.aliases[0].entry_id].kind not in {"country"}]
    countries = [a for a in entries if kb.entries[a.aliases[0].entry_id].kind == "country"]
    head_role = next((r for r in roles if head is not None and r.i <= head < r.j), None)
    if head_role is None and roles and (head is None or all(not (a.i <= head < a.j) for a in atoms)):
        head_role = roles[-1]  # no usable head (a bare phrase, a misparse): the last role word

    # 1. a person is the actor unless they only own the head ("Blinken's spokesman")
    if people:
        p = people[-1]
        owner_only = head_role is not None and head_role.i >= p.j and (head is None or head_role.i <= head < head_role.j)
        if not owner_only:
            comp = _person(doc, p, atoms, kb, date, state, sentence_text)
            if comp is not None:
                # "Blinken in Beijing": a place after the person is a mention of its own
                rest = [a for a in atoms if a.i >= p.j and a.kind == "entry" and a.start >= comp.end]
                more = compose(doc, rest, kb, head=None, date=date, state=state, locative=True, sentence_text=sentence_text) if rest else []
                return [comp, *more]
        else:
            # "Blinken's spokesman", "the Bush administration": the person's country + the role
            owner = _person(doc, p, [p], kb, date, None, sentence_text)
            r = head_role
            assert r is not None  # owner_only implies a role head
            if owner is not None and owner.actor.country and r.role is not None:
                ref = ActorRef(text=doc_text(doc)[p.start : r.end], name=None, country=owner.actor.country, sector=r.role.sector)
                return [Composite(ref, p.start, r.end, "title+nationality", f"{r.why}; of {owner.actor.name} ({owner.actor.country})", 0.7)]
    if any(a.kind == "parties" for a in atoms):
        return []

    # 2. an organisation (+ role head: "NATO troops", "UN peacekeepers")
    if orgs:
        o = orgs[-1] if head is None else next((a for a in orgs if a.i <= head < a.j), orgs[-1])
        entry = kb.entries[o.aliases[0].entry_id]
        ref = kb.actor(entry, text=o.text, date=date)
        start, end, why = o.start, o.end, o.why
        if head_role is not None and head_role.i >= o.j and head_role.role is not None:
            ref = _with(ref, sector=head_role.role.sector if head_role.role else ref.sector)
            start, end, why = o.start, head_role.end, f"{why}; {head_role.why}"
        if entry.code:
            # dictionary entries combine with dictionary agents only, before or after the name
            # ("Bree Prime Minister Romendacil" -> BRE + GOV)
            agents = [r for r in roles if r.role is not None and r.role.code]
            agent = next((r for r in agents if r is head_role), agents[-1] if agents else None)
            ref = _petrarch_ref(ref, entry, agent, date)
            if agent is not None:
                start, end = min(start, agent.start), max(end, agent.end)
        return [Composite(ref, start, end, o.method if o.method != "exact" else "alias" if norm(o.text) != norm(entry.name) else "exact", why, o.score)]

    # 3. countries (+ role): "Chinese foreign minister", "Beijing", "the Kremlin", "Sudan's government"
    if countries:
        # several countries in one phrase are separate actors ("Chinese and Russian officials"),
        # but a place after the head only names the actor's country when no other does:
        # "Russia's embassy in Washington" is Russian, "officials in Seoul" Korean
        places = [c for c in countries if head_role is not None and c.i >= head_role.j and _after_place_prep(doc, c)]
        owners = [c for c in countries if c not in places]
        if owners and places:
            countries = owners
            extra = [Composite(kb.actor(kb.entries[c.aliases[0].entry_id], text=c.text, date=date), c.start, c.end, "alias", c.why + "; a place", c.score) for c in places]
        else:
            extra = []
        groups = countries if head_role is None or len(countries) > 1 else [countries[0]]
        out = []
        for c in groups:
            entry, alias = _country_of_atom(kb, c, date)
            ref = kb.actor(entry, text=c.text, date=date)
            method, why = ("alias" if alias.kind != "adjective" else "nationality"), c.why
            start, end = c.start, c.end
            sector = ref.sector
            if alias.kind == "seat":
                sector, method = alias.sector, "metonym"
                why += f"; seat of power -> {alias.sector}"
            elif head_role is not None and head_role.role is not None and head_role.role.prefix_code:
                code = head_role.role.sector + (ref.country or "")  # PETRARCH "NGO~": before the country
                ref = _with(ref, country=code[:3], actor_id=f"petrarch-agent:{head_role.role.code}")
                sector, method = code[3:] or None, "title+nationality"
                start, end = min(start, head_role.start), max(end, head_role.end)
                why += f"; {head_role.why}"
            elif head_role is not None:
                sector = head_role.role.sector if head_role.role else sector
                if entry.sector == "PRE":
                    sector = entry.sector if sector is None else sector
                method = "title+nationality"
                start, end = min(start, head_role.start), max(end, head_role.end)
                why += f"; {head_role.why}"
                if _former(doc, head_role.i) and sector in {"GOV", "MIL", "LEG", "JUD"}:
                    sector, why = "ELI", why + "; 'former' -> ELI"
                holder = _holder(kb, head_role.role, entry.country, date, doc, head_role)
                if holder is None and head_role.role is not None and norm(head_role.role.phrase) == "counterpart":
                    holder = _counterpart(kb, state, entry.country, date)
                    if holder is not None:
                        why += f"; counterpart of {state.people[0].ref.name if state and state.people else '?'}"
                if holder is not None:
                    pe, office = holder
                    pref = kb.actor(pe, text=doc_text(doc)[start:end], date=date)
                    held = Composite(pref, start, end, "title", f"{why}; {pe.name} held {office.title} on {date or 'today'} ({pe.origin})", 0.9, office=office)
                    if len(groups) == 1:
                        return [held]
                    out.append(held)  # "the presidents of France and Germany": one holder each
                    continue
            elif alias.kind == "adjective" and head is not None and c.i <= head < c.j and _people_noun(doc, head):
                sector, method = "CVL", "nationality"
                why += "; a nationality used for people -> CVL"
            elif alias.kind == "capital" and not locative and not _place_use(doc, c):
                sector, method = "GOV", "metonym"
                why += "; capital used for its government"
            text = doc_text(doc)[start:end]
            out.append(Composite(_with(ref, text=text, sector=sector), start, end, method, why, c.score))
        return out + extra

    # 4. a role alone: "the foreign minister", "rebels", "police"
    if head_role is not None and head_role.role is not None:
        r = head_role
        sector = r.role.sector if r.role else None
        if r.role and r.role.phrase == "side":
            return []
        if _former(doc, r.i) and sector in {"GOV", "MIL", "LEG", "JUD"}:
            sector = "ELI"
        if state is not None and r.role is not None:
            seen = _title_coref(kb, state, r.role, date)
            if seen is not None:
                return [Composite(_with(seen.ref, text=r.text), r.start, r.end, "coref", f"'{r.text}' refers back to {seen.ref.name} (title)", 0.7)]
        ref = ActorRef(text=r.text, name=None, country=None, sector=sector, actor_id=None, office=None)
        agent_code = r.role.code if r.role else None
        if agent_code:
            ref = ActorRef(text=r.text, country=None, sector=agent_code.strip("~"), actor_id="petrarch-agent:" + agent_code)
        return [Composite(ref, r.start, r.end, "role", r.why, 0.5)]
    return []


def _after_place_prep(doc: Any, atom: Atom) -> bool:
    """Does the atom follow "of" or a locative preposition, itself or as a later member of a
    coordination ("the presidents of France and Germany": Germany too)?"""
    t = next((doc[k] for k in range(atom.i, atom.j) if not atom.i <= doc[k].head.i < atom.j), doc[atom.i])
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    first = min(t.left_edge.i, atom.i)
    return first > 0 and doc[first - 1].lower_ in LOCATIVE_PREPS | {"of"}


PLACE_VERBS = frozenset({"visit", "leave", "reach", "tour", "enter", "depart", "fly", "return", "travel", "arrive", "bomb", "shell", "seize", "capture", "besiege", "storm", "overrun", "occupy", "liberate", "evacuate", "surround"})
"""Verbs whose object is a place: "Blinken visited Beijing" is the city, not the government."""


def _place_use(doc: Any, atom: Atom) -> bool:
    """Is this capital used as a place: after a locative preposition, as the object of a verb of
    movement, or as an all-capitals dateline ("TBILISI (Reuters) -")?"""
    if atom.i > 0 and doc[atom.i - 1].lower_ in LOCATIVE_PREPS:
        return True
    if atom.text.isupper() and len(atom.text) > 3:
        return True
    root = doc[atom.j - 1]
    return root.dep_ in {"dobj", "pobj"} and root.head.lemma_ in PLACE_VERBS


def _people_noun(doc: Any, head: int) -> bool:
    """"Palestinians", "a Nigerian": a nationality word used as a noun for people."""
    tok = doc[head]
    if tok.tag_ in {"NNS", "NNPS"} and tok.text.endswith("s"):
        return True
    return tok.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "det" and c.lower_ in {"a", "an", "two", "three", "several", "some", "many"} for c in tok.lefts)


def _with(ref: ActorRef, **changes: Any) -> ActorRef:
    data = ref.to_dict()
    data.update(changes)
    return ActorRef(**data)


def _petrarch_ref(ref: ActorRef, entry: Entry, role_atom: Atom | None, date: str | None) -> ActorRef:
    """A PETRARCH entry keeps its full code: country = first three letters, sector = the rest
    (so ``ActorRef.code`` is the dictionary code), agents append (or prepend with ``NGO~``)."""
    country, sector, _ = entry.code_on(date)
    code = (country or "") + (sector or "")
    if role_atom is not None and role_atom.role is not None and role_atom.role.code:
        agent = role_atom.role.code.replace("~", "")
        if role_atom.role.prefix_code:
            code = agent + code
        elif agent not in {code[k : k + len(agent)] for k in range(3, len(code), 3)}:
            code = code + agent  # "White House officials": USAGOV, not USAGOVGOV
    return _with(ref, country=code[:3] or None, sector=code[3:] or None, actor_id=f"petrarch:{entry.id.split(':', 1)[-1]}")


def _holder(kb: KnowledgeBase, role: Role | None, country: str | None, date: str | None, doc: Any, atom: Atom) -> tuple[Entry, Office] | None:
    """The person holding ``role`` in ``country`` on ``date``, when exactly one does."""
    if role is None or role.role is None or role.role in {"other", "legislator", "spokesperson", "party_official"} or country is None:
        return None
    if _former(doc, atom.i):
        return None
    held = kb.holders(role.role, country, date)
    fitting = [(e, o) for e, o in held if title_fits(role, o)]
    people = {e.id for e, _ in fitting}
    return fitting[0] if len(people) == 1 else None


def _counterpart(kb: KnowledgeBase, state: DocState | None, country: str | None, date: str | None) -> tuple[Entry, Office] | None:
    """"his Indian counterpart": the holder, in that country, of the office held by the person
    named last (a foreign minister's counterpart is a foreign minister)."""
    if state is None or not state.people or country is None:
        return None
    last = state.people[0]
    entry = kb.entries.get(last.entry_id) if last.entry_id else None
    office = entry.office_on(date) if entry else None
    if office is None or office.role in {"other", "legislator", "party_official"}:
        return None
    held = kb.holders(office.role, country, date)
    return held[0] if len({e.id for e, _ in held}) == 1 else None


def _title_coref(kb: KnowledgeBase, state: DocState, role: Role, date: str | None) -> PersonSeen | None:
    """"the secretary", "the top diplomat": the one person seen in this document who holds an
    office this title fits on the date."""
    if role.generic and role.role is None:
        return None
    fits = []
    for p in state.people:
        e = kb.entries.get(p.entry_id) if p.entry_id else None
        if e is None:
            continue
        office = e.office_on(date)
        if office is None:
            continue
        if (role.role is not None and role.role == office.role) or (role.role is None and norm(role.phrase).split()[-1] in norm(office.title).split()) or (role.role == "top_diplomat" and office.role == "foreign_minister"):
            fits.append(p)
    ids = {p.entry_id for p in fits}
    return fits[0] if len(ids) == 1 else None


def _nationality_conflicts(kb: KnowledgeBase, before: list[Atom], countries_ok: set[str]) -> list[Atom]:
    out = []
    for a in before:
        if a.kind != "entry" or not countries_ok:
            continue
        ce = kb.entries[a.aliases[0].entry_id]
        if ce.kind == "country" and ce.country not in countries_ok and a.aliases[0].kind in {"adjective", "name"}:
            out.append(a)
    return out


def _person(doc: Any, p: Atom, atoms: list[Atom], kb: KnowledgeBase, date: str | None, state: DocState | None, sentence_text: str | None) -> Composite | None:
    """A person phrase. A KB person found by full name keeps the KB's country and office and
    contradicting titles/nationalities become flags; one found only by surname is dropped when the
    phrase contradicts it (another person of that name)."""
    flags: list[Flag] = []
    start, end = p.start, p.end
    why = p.why
    method = p.method
    office: Office | None = None
    before = [a for a in atoms if a.j <= p.i and a.kind in {"entry", "role"}]
    titles = [a for a in before if a.kind == "role" and a.role is not None and not _former(doc, a.i)]
    entry = p.entry
    if entry is not None:
        if date is None:
            held = list(entry.offices)
        else:
            held = [o for o in entry.offices if o.holds_on(date)]
        countries_ok = {c for c in [entry.country, *(o.country for o in (held if date else entry.offices))] if c}
        bad_nat = _nationality_conflicts(kb, before, countries_ok)
        bad_titles = [a for a in titles if held and a.role and not any(title_fits(a.role, o) for o in held)]
        if p.method == "surname" and bad_nat:
            stated = {c for a in bad_nat if (c := kb.entries[a.aliases[0].entry_id].country)}
            namesakes = [
                e for e in kb.people_named(entry.surname or "")
                if e.id != entry.id and stated & {e.country, *(o.country for o in e.offices)}
            ]
            if namesakes:
                # "Jordan's King Abdullah": the Jordanian namesake, not the Saudi king
                on_date = [e for e in namesakes if date is None or e.office_on(date) is not None]
                entry = (on_date or namesakes)[0]
                why = f"'{p.text}' with {'/'.join(sorted(stated))}: the namesake {entry.name} ({entry.origin})"
                held = list(entry.offices) if date is None else [o for o in entry.offices if o.holds_on(date)]
                countries_ok = {c for c in [entry.country, *(o.country for o in held)] if c}
                bad_nat = _nationality_conflicts(kb, before, countries_ok)
                bad_titles = [a for a in titles if held and a.role and not any(title_fits(a.role, o) for o in held)]
            elif not (held and any(a.role and title_fits(a.role, o) for a in titles for o in held)):
                entry = None  # "Chinese engineer Biden": someone else who shares the surname
                why = f"'{p.text}' is a surname in the knowledge base, but the phrase describes someone else"
            # else: the title fits the office this person holds on the date and only the
            # nationality is wrong ("Chinese President Biden"): a garbled copy; trust the KB, flag it
    if entry is not None:
        if date is None:
            fitting = [o for o in entry.offices for a in titles if a.role and title_fits(a.role, o)]
            office = fitting[0] if fitting else entry.senior_office()
            ref = kb.actor(entry, text=p.text, date=None, office=office)
            if office is not None:
                why += f"; no date: {'the title names' if fitting else 'most senior office'} {office.title} ({office.country})"
        else:
            ref = kb.actor(entry, text=p.text, date=date)
            office = entry.office_on(date)
            if office is not None:
                why += f"; holds {office.title} ({office.country}) on {date}"
            elif ref.sector == "ELI":
                why += f"; no office on {date}, held one earlier -> ELI"
            for a in bad_nat:
                ce = kb.entries[a.aliases[0].entry_id]
                flags.append(_contradiction(doc, a.start, p.end, f"'{doc_text(doc)[a.start:p.end]}' makes {entry.name} {ce.name}, but the knowledge base has {entry.name} as {'/'.join(sorted(countries_ok))} on {date}", sentence_text))
            for a in bad_titles:
                names = "; ".join(o.title for o in held)
                flags.append(_contradiction(doc, a.start, p.end, f"'{doc_text(doc)[a.start:p.end]}' calls {entry.name} '{a.text}', but on {date} the knowledge base has {entry.name} as {names}", sentence_text))
        if method == "exact" and norm(p.text) != norm(entry.name):
            method = "alias"
        if before:
            start = min(a.start for a in before)
            if titles and method in {"exact", "alias"}:
                method = "title+name"
    elif p.ref is not None and p.entry is None:
        ref = _with(p.ref, text=p.text)
    else:
        # a person the KB does not know: nationality + title from the same phrase
        country_atoms = [a for a in atoms if a.kind == "entry" and kb.entries[a.aliases[0].entry_id].kind in {"country", "organization"} and (a.j <= p.i or (a.i > p.j and doc[a.i - 1].lower_ == "of"))]
        role_atoms = [a for a in atoms if a.kind == "role" and a.j <= p.i]
        country = kb.entries[country_atoms[0].aliases[0].entry_id].country if country_atoms else None
        sector = role_atoms[-1].role.sector if role_atoms and role_atoms[-1].role else None
        if sector and _former(doc, role_atoms[-1].i) and sector in {"GOV", "MIL", "LEG", "JUD"}:
            sector = "ELI"
        ref = ActorRef(text=p.text, name=p.text, country=country, sector=sector)
        method = "unknown-person"
        if country_atoms or role_atoms:
            start = min([a.start for a in country_atoms + role_atoms] + [p.start])
            end = max([a.end for a in country_atoms] + [p.end])
            method = "title+nationality"
            why = "unknown person described by " + ", ".join(a.text for a in country_atoms + role_atoms)
        p = Atom(p.kind, p.i, p.j, p.start, p.end, p.text, entry=None, method=method, score=0.5)
    if state is not None and p.ref is None:
        state.remember(ref, p.text, entry)
    text = doc_text(doc)[start:end]
    return Composite(_with(ref, text=text), start, end, method, why, p.score, flags, office)


def _contradiction(doc: Any, start: int, end: int, message: str, sentence_text: str | None) -> Flag:
    evidence = sentence_text
    if evidence is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        evidence = span.sent.text if span is not None else doc_text(doc)[start:end]
    return Flag(code="title_contradiction", message=message, evidence=evidence, span=(start, end))

