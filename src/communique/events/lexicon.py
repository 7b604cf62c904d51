"""The event lexicon: verb frames, noun triggers and light verbs, loaded from TOML data files.

The built-in ``events/data/lexicon.toml`` is always loaded; files named in
``[events] lexicon_files`` are loaded first so their frames win over built-in ones for the same
lemma, then PETRARCH/TABARI verb dictionaries (``[events] petrarch_verb_files``, read by
:mod:`communique.events.petrarch_verbs`), then the built-in file. Every entry is validated (known
PLOVER type, a mode of that type, a CAMEO code in the table, a known control role) and refused
with file and line [C332-C336, C340-C341].
"""

from __future__ import annotations

__all__ = ["VerbFrame", "NounTrigger", "Lexicon", "load_lexicon", "load_contexts", "ROLES", "normalize_lemma"]

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import KnowledgeError
from communique.events.tables import EventTables, load_tables
from communique.knowledge import LINE, Validator, data_path, read_toml

if TYPE_CHECKING:
    from communique.events.petrarch_verbs import DictionaryPattern

ROLES = frozenset({"agree", "intend", "refuse", "request", "threaten", "deny", "report", "allow"})
"""Control roles: the verb's complement (to-clause, gerund, event noun) is itself an event."""
TARGET_SLOTS = frozenset({"dobj", "dative", "agent", "poss", "amod", "compound", "acl"})
REQUIRES = frozenset({"complement", "object"})

# British -ise spellings the parser lemmatises as written ("criticised" -> "criticise").
_SPELLING = (("ise", "ize"), ("isation", "ization"), ("our", "or"))


def normalize_lemma(lemma: str) -> str:
    """Lower-case lemma with British -ise/-our spellings folded to the lexicon's US ones."""
    low = lemma.lower()
    for brit, us in _SPELLING:
        if low.endswith(brit) and len(low) > len(brit) + 2:
            return low[: -len(brit)] + us
    return low


@dataclass(frozen=True, slots=True)
class VerbFrame:
    lemma: str  # head verb lemma
    particle: str | None  # "on" in "call on"; must be a prt/prep child
    type: str  # PLOVER type; "" for a verb-dictionary entry that codes no event ([---], CAMEO 01/02)
    cameo: str
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # frame applies only with these subject lemmas
    role: str | None = None
    target: tuple[str, ...] = ("dobj",)
    reciprocal: bool = False
    weak: bool = False
    requires: str | None = None
    source: str = "lexicon.toml:0"  # file:line, shown by --explain
    rank: int = 0  # user files first (lower is preferred)
    # a PETRARCH verb-dictionary entry: words around the verb, "$" source, "%", paired code
    dictionary: DictionaryPattern | None = None

    @property
    def name(self) -> str:
        words = self.lemma + (f" {self.particle}" if self.particle else "")
        obj = f" [{'|'.join(sorted(self.objects)[:3])}{'...' if len(self.objects) > 3 else ''}]" if self.objects else ""
        if self.dictionary is not None:
            obj = f" <{self.dictionary.text}>"
        return f"verb:{words}{obj}->{self.type or self.cameo}"


@dataclass(frozen=True, slots=True)
class NounTrigger:
    lemma: str
    type: str
    cameo: str
    mode: str | None = None
    target_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    weak: bool = False
    source: str = "lexicon.toml:0"
    # a variant entry: applies instead of the plain one only when the recipient's head lemma is
    # one of these ("restrictions on journalists" is COERCE, "restrictions on Russia" SANCTION)
    targets: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return f"noun:{self.lemma}->{self.type}"


class Lexicon:
    def __init__(
        self,
        verbs: list[VerbFrame],
        nouns: dict[str, NounTrigger],
        light: frozenset[str],
        speech: frozenset[str] = frozenset(),
        variants: dict[str, list[NounTrigger]] | None = None,
        contest: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    ) -> None:
        self.verbs: dict[str, list[VerbFrame]] = {}
        for f in dict.fromkeys(verbs):  # "criticize"/"criticise" fold to one frame
            self.verbs.setdefault(f.lemma, []).append(f)
        self.nouns = nouns
        self.variants = variants or {}
        self.light = light
        self.speech = speech
        self.contest_verbs, self.contest_markers = contest

    def verb_frames(self, lemma: str) -> list[VerbFrame]:
        low = lemma.lower()
        return self.verbs.get(low) or self.verbs.get(normalize_lemma(low), [])

    def noun(self, lemma: str) -> NounTrigger | None:
        low = lemma.lower()
        return self.nouns.get(low) or self.nouns.get(normalize_lemma(low))

    def noun_for_target(self, nt: NounTrigger, target_lemmas: set[str]) -> NounTrigger:
        """The variant of ``nt`` whose ``targets`` name the recipient, else ``nt`` itself."""
        for var in self.variants.get(nt.lemma, ()):
            if var.targets & target_lemmas:
                return var
        return nt

    def is_light(self, lemma: str) -> bool:
        low = lemma.lower()
        return low in self.light or normalize_lemma(low) in self.light

    def is_speech(self, lemma: str) -> bool:
        low = lemma.lower()
        return low in self.speech or normalize_lemma(low) in self.speech

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + len(self.nouns)


def _entry_common(v: Validator, tables: EventTables, what: str) -> tuple[str, str | None, str]:
    type_ = v.str("type", choices=set(tables.types))
    mode = v.str("mode", required=False)
    if mode is not None and not tables.has_mode(type_, mode):
        raise v.fail(f"{what}: mode {mode!r} is not a mode of {type_}", code="C333")
    cameo = v.str("cameo")
    if cameo not in tables.cameo:
        raise v.fail(f"{what}: CAMEO code {cameo!r} is not in cameo.tsv", code="C334")
    return type_, mode, cameo


def _lemmas(v: Validator) -> list[str]:
    lemmas = v.list("lemmas", required=True, item=lambda x: isinstance(x, str))
    if not lemmas:
        raise v.fail("'lemmas' is empty: the entry would never fire", code="C332")
    return [x.strip().lower() for x in lemmas]


def _read_contest(path: Path, table: Any) -> tuple[set[str], set[str]]:
    """The [contest] table: verbs of sports results and the words that mark a sports sentence."""
    data = table.get("contest")
    if data is None:
        return set(), set()
    v = Validator(path, dict(data))
    verbs = {x.lower() for x in v.list("verbs", item=lambda x: isinstance(x, str) and bool(x.strip()))}
    markers = {x.lower() for x in v.list("markers", item=lambda x: isinstance(x, str) and bool(x.strip()))}
    return verbs, markers


def _read_file(
    path: Path, tables: EventTables, rank: int
) -> tuple[list[VerbFrame], list[NounTrigger], set[str], set[str], tuple[set[str], set[str]]]:
    data = read_toml(path)
    unknown = set(data) - {"verb", "noun", "light", "speech", "contest"}
    if unknown:
        raise KnowledgeError(f"unknown top-level tables {sorted(unknown)}; expected verb, noun, light, speech, contest",
                             code="C332", path=str(path))
    verbs: list[VerbFrame] = []
    nouns: list[NounTrigger] = []
    for no, rec in enumerate(data.get("verb", []), start=1):
        rec = dict(rec)
        rec.setdefault(LINE, None)
        v = Validator(path, rec)
        what = f"[[verb]] #{no}"
        type_, mode, cameo = _entry_common(v, tables, what)
        role = v.str("role", required=False, choices=ROLES)
        requires = v.str("requires", required=False, choices=REQUIRES)
        objects = frozenset(o.lower() for o in v.list("objects", item=lambda x: isinstance(x, str)))
        subjects = frozenset(o.lower() for o in v.list("subjects", item=lambda x: isinstance(x, str)))
        target = tuple(v.list("target", item=lambda x: isinstance(x, str)))
        for slot in target:
            if slot not in TARGET_SLOTS and not (slot.startswith("prep:") and len(slot) > 5):
                raise v.fail(f"{what}: unknown target slot {slot!r} (dobj, dative, agent, poss, amod, "
                             "compound, acl or prep:<word>)", code="C335")
        for lemma in _lemmas(v):
            head, _, particle = lemma.partition(" ")
            verbs.append(VerbFrame(
                lemma=head, particle=particle or None, type=type_, cameo=cameo, mode=mode,
                objects=objects, subjects=subjects, role=role, target=target or ("dobj",), reciprocal=bool(rec.get("reciprocal")),
                weak=bool(rec.get("weak")), requires=requires, source=f"{path.name}:[[verb]]#{no}", rank=rank,
            ))
    for no, rec in enumerate(data.get("noun", []), start=1):
        v = Validator(path, dict(rec))
        what = f"[[noun]] #{no}"
        type_, mode, cameo = _entry_common(v, tables, what)
        preps = tuple(v.list("target_preps", item=lambda x: isinstance(x, str)))
        targets = frozenset(o.lower() for o in v.list("targets", item=lambda x: isinstance(x, str)))
        for lemma in _lemmas(v):
            nouns.append(NounTrigger(lemma=lemma, type=type_, cameo=cameo, mode=mode, target_preps=preps,
                                     reciprocal=bool(rec.get("reciprocal")), weak=bool(rec.get("weak")),
                                     source=f"{path.name}:[[noun]]#{no}", targets=targets))
    words: dict[str, set[str]] = {"light": set(), "speech": set()}
    for key, found in words.items():
        if key in data:
            v = Validator(path, dict(data[key]))
            found |= {x.lower() for x in v.list("lemmas", item=lambda x: isinstance(x, str))}
    return verbs, nouns, words["light"], words["speech"], _read_contest(path, data)


@functools.lru_cache(maxsize=8)
def _load(files: tuple[str, ...], petrarch: tuple[str, ...] = ()) -> Lexicon:
    tables = load_tables()
    verbs: list[VerbFrame] = []
    nouns: dict[str, NounTrigger] = {}
    variants: dict[str, list[NounTrigger]] = {}
    light: set[str] = set()
    speech: set[str] = set()
    contest_verbs: set[str] = set()
    contest_markers: set[str] = set()
    paths = [Path(f) for f in files] + [Path(f) for f in petrarch] + [data_path("events", "lexicon.toml")]
    for rank, p in enumerate(paths):
        if len(files) <= rank < len(files) + len(petrarch):
            from communique.events.petrarch_verbs import read_verb_dictionary

            verbs.extend(read_verb_dictionary(p, tables, rank))
            continue
        if not p.exists():
            raise KnowledgeError("lexicon file not found; check [events] lexicon_files", code="C336", path=str(p))
        vs, ns, li, sp, (cv, cm) = _read_file(p, tables, rank)
        contest_verbs |= cv
        contest_markers |= cm
        speech |= sp
        verbs.extend(vs)
        for n in ns:
            if n.targets:
                variants.setdefault(n.lemma, []).append(n)
                continue
            nouns.setdefault(n.lemma, n)  # first file (user) wins; within a file the first entry
        light |= li
    for lemma in variants:
        if lemma not in nouns:
            raise KnowledgeError(f"noun variant {lemma!r} (with 'targets') has no plain [[noun]] entry",
                                 code="C332", path=str(paths[-1]))
    return Lexicon(verbs, nouns, frozenset(light), frozenset(speech), variants,
                   contest=(frozenset(contest_verbs), frozenset(contest_markers)))


def load_lexicon(options: Any = None, *, files: tuple[str, ...] | list[str] | None = None,
                 petrarch_files: tuple[str, ...] | list[str] | None = None) -> Lexicon:
    """The built-in lexicon plus ``[events] lexicon_files`` (or ``files``) and ``[events]
    petrarch_verb_files`` (or ``petrarch_files``), cached per file list."""
    if files is None and options is not None:
        files = options.get("events.lexicon_files")
    if petrarch_files is None and options is not None:
        petrarch_files = options.get("events.petrarch_verb_files")
    return _load(tuple(str(f) for f in files or ()), tuple(str(f) for f in petrarch_files or ()))


@functools.lru_cache(maxsize=1)
def load_contexts() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """PLOVER context -> (single-word lemmas, multi-word phrases) from ``contexts.toml``."""
    path = data_path("events", "contexts.toml")
    data = read_toml(path).get("contexts")
    if not isinstance(data, dict):
        raise KnowledgeError("missing [contexts] table", code="C337", path=str(path))
    out: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for name, words in data.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KnowledgeError(f"context {name!r} needs a non-empty list of words", code="C337", path=str(path))
        low = [w.strip().lower() for w in words]
        out[name] = (frozenset(w for w in low if " " not in w), tuple(w for w in low if " " in w))
    return out
