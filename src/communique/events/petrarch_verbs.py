"""PETRARCH / TABARI verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``) read as
event-lexicon frames, so an analyst who has such a dictionary codes with it
(``[events] petrarch_verb_files``, ``--verbs-petrarch FILE``).

The format as this reader takes it::

    &CURRENCY                     # a synonym set: "&NAME", then one "+" line per member;
    +DOLLAR                       #   "_" or a space joins consecutive words, a trailing "_"
    +SWISS_FRANCS                 #   is dropped, "+&OTHER" takes in another set's members
    --- GRANT  [070]  ---         # a verb block: a description and its default code ([---]
    GRANT                         #   when none), then its verbs one a line: the verb, its
    GIVE {GAVE GIVEN GIVING}      #   irregular forms (checked; matching uses the parser's
    +HAND_OVER  [071]             #   lemma), its own default code; "+" marks the verb word of
    WIRE_+TAP                     #   a multiword verb, "_" joins the words after/before it
    - * &CURRENCY  [071]          # patterns, for every verb of the block: words before "*"
    - $ * AID (TO +)  [073]       #   (the verb) and after it, in order, other words between;
    - * {PEACE PLAN}  [037:037]   #   "{..}" consecutive words; "(P ..)" a phrase headed by the
    - % * TALKS  [036]            #   preposition P ("BY/WITH": either); "$" the source, "+" the
    ~ a (b . ATTACK) SAY = a b 1  #   target, "^" any words, "%" a compound subject coded
                                  #   between its members; "~" transformations are skipped

Comments: a line starting with "#", " #" to the end of a line, ``<!-- ... -->``. A line with
``*`` in a verb block is a pattern even when its leading "-" is missing.

Codes: ``[A:B]`` codes A from the source to the target and B back from the target to the source
(``[:B]`` only the latter); ``[---]`` matches but codes no event. The code is kept as written
("075A", "1121"); the PLOVER type and mode come from our CAMEO table through the longest known
prefix of its digits (1121 -> 112 when 1121 is not listed). Codes whose root PLOVER drops (01
statements, 02 appeals) code no event, like ``[---]``; a code with no CAMEO root 01-20 (a WEIS
leftover such as 212, or "xxy") is skipped with a logged warning, as is a pattern naming a synonym
set the file does not define.

Matching, on the dependency parse (:class:`PatternSite`): the words after ``*`` are looked for in
the verb's own phrase (its subtree) after it, the words before ``*`` earlier in the sentence; a
word matches a token's lower-case form or its lemma ("SANCTION" also matches "sanctions"). A
matching pattern beats the verb's bare default; among patterns the one naming more words wins,
ties go to the earlier line. The bare default always matches, so a verb the dictionary lists is
coded by it (before our light-verb nouns, unless it is ``[---]``); verbs it lacks keep our
lexicon. Without "+", the target is the first party named after the verb in its phrase (the
passive subject in a passive), as PETRARCH takes the first actor of the verb phrase; without "$"
the source is the subject. A to-clause under a coded dictionary verb ("urged X to freeze ...") is
part of its pattern, not an event of its own.

Malformed lines raise ``KnowledgeError`` [C340] with the file and line; a missing file [C341].
"""

from __future__ import annotations

__all__ = ["PatternPart", "DictionaryPattern", "PatternSite", "read_verb_dictionary", "TARGET_SLOTS"]

import functools
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from communique.actors.petrarch import xml_uncommented
from communique.errors import KnowledgeError
from communique.events.lexicon import VerbFrame
from communique.events.tables import EventTables

log = logging.getLogger(__name__)

Token = Any  # spacy.tokens.Token
Run = tuple[str, ...]  # consecutive lower-case words ("peace", "plan")
Alternatives = frozenset[Run]

TARGET_SLOTS = ("actor",)
"""Where the target is when no "+" says: the first party named after the verb in its phrase (the
passive subject in a passive), as PETRARCH takes the first actor of the verb phrase."""
NO_EVENT = "---"
MAX_ALTERNATIVES = 20000  # word runs one "{..}" may expand to; a larger product is refused
TOKEN_RX = re.compile(r"[(){}]|[^\s(){}]+")
HEADER_RX = re.compile(r"^---\s*(?P<name>[^\[\]]*?)\s*(?:\[(?P<code>[^\[\]]*)\])?\s*---$")
VERB_RX = re.compile(r"^(?P<verb>[^\s{}\[\]]+)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?$")
PATTERN_RX = re.compile(r"^(?P<body>.*?)\s*\[(?P<code>[^\[\]]*)\]$")
CODE_RX = re.compile(r"^(?P<a>[^\s:]*)(?::(?P<b>[^\s:]*))?$")
WORD_RX = re.compile(r"^[\w'./\-]+$")
SYNSET_RX = re.compile(r"^&[\w\-]+$")
MARKERS = frozenset({"$", "+", "^", "%"})


@dataclass(frozen=True, slots=True)
class PatternPart:
    """One element of a pattern on one side of the verb: a word or phrase (``words`` holds one
    set of alternative runs), or a prepositional phrase headed by one of ``preps`` with the
    elements inside it, in order."""

    side: str  # "before" | "after"
    words: tuple[Alternatives, ...]
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DictionaryPattern:
    """What a verb-dictionary entry adds to a ``VerbFrame``: the words around the verb, where
    "$" puts the source, "%" and the reversed event of a paired code."""

    text: str  # the pattern as written, for --explain
    parts: tuple[PatternPart, ...] = ()  # () = the bare verb (its default code)
    source: tuple[str, ...] = ()  # target-style slots of the source; () = the subject
    joint: bool = False  # "%": needs a compound subject; the event is between its members
    pair: tuple[str, str | None, str] | None = None  # [A:B]: type, mode, code of B (target -> source)
    words: frozenset[str] = frozenset()  # every single word named (particles the pattern licenses)


# ------------------------------------------------------------------------------------ reading
@dataclass(slots=True)
class _Verb:
    word: str
    before: Run
    after: Run
    forms: tuple[str, ...]
    code: str | None
    line: int


@dataclass(slots=True)
class _Block:
    name: str
    code: str
    line: int
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str, str]] = field(default_factory=list)  # line, body, code


def _fail(path: Path, line: int, msg: str) -> KnowledgeError:
    return KnowledgeError(msg, code="C340", path=str(path), line=line)


XML_OPEN = re.compile(r"<!--")
"""Where a comment block opens in a verb dictionary (exactly ``<!--``)."""


def _clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines without comments, numbered from 1; '#' starts a comment at the start of a line or
    after a space (so "[###]" is a code, not a comment)."""
    for no, out in xml_uncommented(text, XML_OPEN):
        if out.lstrip().startswith("#"):
            continue
        out = re.split(r"\s#", out, maxsplit=1)[0].strip()
        if out:
            yield no, out


def _run(text: str) -> Run:
    """"CEASE-FIRE" -> ("cease", "-", "fire"); "SWISS_FRANCS" -> ("swiss", "francs"): words as the
    tokenizer splits them."""
    words: list[str] = []
    for piece in re.split(r"[_\s]+", text.strip().rstrip("_").lower()):
        if piece:
            parts = re.split(r"(?<=\w)(-)(?=[^\W\d_])", piece)  # as the tokenizer: "f-16" stays whole
            words.extend(p for p in parts if p)
    return tuple(words)


def _multiword(token: str, path: Path, line: int) -> tuple[str, Run, Run]:
    """"+CLEAR_UP" -> ("clear", (), ("up",)); "WIRE_+TAP" -> ("tap", ("wire",), ())."""
    segs = [s for s in token.split("_") if s]
    marked = [i for i, s in enumerate(segs) if s.startswith("+")]
    if len(segs) > 1 and len(marked) != 1:
        raise _fail(path, line, f"multiword verb {token!r}: mark the verb word with one '+'")
    at = marked[0] if marked else 0
    words = [s.lstrip("+") for s in segs]
    if not all(w and WORD_RX.match(w) for w in words):
        raise _fail(path, line, f"verb {token!r} is not a word")
    return words[at].lower(), _run(" ".join(words[:at])), _run(" ".join(words[at + 1:]))


def _split_code(text: str, path: Path, line: int) -> tuple[str | None, str | None]:
    m = CODE_RX.match(text.strip())
    if m is None or not (m.group("a") or m.group("b")):
        raise _fail(path, line, f"code [{text}] is not a code, a pair [A:B] or [---]")
    return m.group("a") or None, m.group("b") or None


def _read(path: Path) -> tuple[dict[str, list[tuple[int, str]]], list[_Block]]:
    """First pass: synonym-set members and verb blocks, patterns still as text."""
    synsets: dict[str, list[tuple[int, str]]] = {}
    blocks: list[_Block] = []
    mode: str | None = None  # "synset" | "block"
    current: str = ""
    transforms = 0
    for no, line in _clean_lines(path.read_text(encoding="utf-8", errors="replace")):
        if line.startswith("~"):
            transforms += 1
            continue
        if line.startswith("---"):
            m = HEADER_RX.match(line)
            if m is None:
                raise _fail(path, no, "a verb block header reads '--- NAME [CODE] ---'")
            code = (m.group("code") or NO_EVENT).strip()
            _split_code(code, path, no)
            blocks.append(_Block(m.group("name") or "", code, no))
            mode = "block"
            continue
        if line.startswith("&"):
            name = line.split()[0]
            if not SYNSET_RX.match(name) or len(line.split()) > 1:
                raise _fail(path, no, f"a synonym set header is one '&NAME', got {line!r}")
            current, mode = name.upper(), "synset"
            synsets.setdefault(current, [])
            continue
        if mode == "synset" and line.startswith("+"):
            member = line[1:].strip()
            if not member:
                raise _fail(path, no, "empty synonym-set member")
            synsets[current].append((no, member))
            continue
        if mode != "block":
            raise _fail(path, no, f"{line.split()[0]!r} outside any verb block ('--- NAME [CODE] ---') "
                                  "or synonym set ('&NAME')")
        block = blocks[-1]
        if line.startswith("-") or "*" in line:
            m = PATTERN_RX.match(line[1:].strip() if line.startswith("-") else line)
            if m is None:
                raise _fail(path, no, "a pattern ends with its code in [...]")
            _split_code(m.group("code"), path, no)
            block.patterns.append((no, m.group("body"), m.group("code").strip()))
            continue
        m = VERB_RX.match(line)
        if m is None:
            raise _fail(path, no, f"a verb line reads 'VERB {{FORMS}} [CODE]', got {line!r}")
        word, before, after = _multiword(m.group("verb"), path, no)
        forms = tuple(_multiword(f, path, no)[0] for f in (m.group("forms") or "").split())
        code = m.group("code")
        if code is not None:
            _split_code(code, path, no)
        block.verbs.append(_Verb(word, before, after, forms, code.strip() if code is not None else None, no))
    if transforms:
        log.info("%s: %d verb transformations ('~' lines) are not used", path.name, transforms)
    return synsets, blocks


class _Undefined(Exception):
    """A pattern names a synonym set the file does not define: PETRARCH ignores the pattern."""


class _Patterns:
    """Second pass: patterns parsed into parts, synonym sets expanded."""

    def __init__(self, path: Path, synsets: dict[str, list[tuple[int, str]]]) -> None:
        self.path = path
        self.raw = synsets
        self.expanded: dict[str, Alternatives] = {}

    def synset(self, name: str, seen: tuple[str, ...] = ()) -> Alternatives:
        key = name.upper()
        if key in self.expanded:
            return self.expanded[key]
        if key not in self.raw or key in seen:
            raise _Undefined(name)
        out: set[Run] = set()
        for no, member in self.raw[key]:
            text = member.strip()
            if text.startswith("&"):
                out |= self.synset(text.split()[0], (*seen, key))
                continue
            run = _run(text.strip("()"))
            if not run or not all(WORD_RX.match(w) for w in run):
                raise _fail(self.path, no, f"synonym-set member {member!r} is not a word or phrase")
            out.add(run)
        self.expanded[key] = frozenset(out)
        return self.expanded[key]

    def word(self, tok: str, line: int) -> Alternatives:
        if tok.startswith("&"):
            return self.synset(tok)
        if not WORD_RX.match(tok):
            raise _fail(self.path, line, f"{tok!r} is not a word, a synonym set or one of * $ + ^ %")
        return frozenset(_run(w) for w in tok.split("/") if w)

    def phrase(self, toks: list[str], line: int) -> Alternatives:
        """"{NEW &TIETYPES RELATIONS}": every combination, each a run of consecutive words."""
        if not toks or any(t in MARKERS or t in "(){}*" for t in toks):
            raise _fail(self.path, line, "'{...}' holds words and synonym sets only")
        options = [sorted(self.word(t, line)) for t in toks]
        size = 1
        for o in options:
            size *= len(o)
        if size > MAX_ALTERNATIVES:
            raise _fail(self.path, line, f"'{{{' '.join(toks)}}}' expands to {size} phrases; split the pattern")
        return frozenset(tuple(w for run in combo for w in run) for combo in itertools.product(*options))

    def elements(self, toks: list[str], line: int, *, in_prep: bool = False) -> list[Any]:
        """Tokens -> ("word", alts) | ("mark", ch) | ("verb",) | ("prep", preps, [alts], marks)."""
        out: list[Any] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if t in ("(", "{"):
                close = ")" if t == "(" else "}"
                try:
                    j = toks.index(close, i + 1)
                except ValueError:
                    raise _fail(self.path, line, f"'{t}' without '{close}'") from None
                inner = toks[i + 1:j]
                if t == "{":
                    out.append(("word", self.phrase(inner, line)))
                else:
                    if in_prep or "(" in inner:
                        raise _fail(self.path, line, "prepositional phrases do not nest")
                    if not inner or inner[0] in MARKERS or inner[0] in "{}*":
                        raise _fail(self.path, line, "'(' starts with its preposition: '(WITH ...)'")
                    preps = frozenset(r[0] for r in self.word(inner[0], line) if len(r) == 1)
                    rest = self.elements(inner[1:], line, in_prep=True)
                    out.append(("prep", preps, [e[1] for e in rest if e[0] == "word"],
                                [e[1] for e in rest if e[0] == "mark"]))
                i = j + 1
                continue
            if t in (")", "}"):
                raise _fail(self.path, line, f"'{t}' without its opening bracket")
            if t == "*":
                if in_prep:
                    raise _fail(self.path, line, "'*' (the verb) inside a prepositional phrase")
                out.append(("verb",))
            elif t in MARKERS:
                out.append(("mark", t))
            else:
                out.append(("word", self.word(t, line)))
            i += 1
        return out


def _slots_after(prev: Any) -> tuple[str, ...]:
    """Where a "$"/"+" written after the verb points: "(ON) +" and "ON +" the object of that
    preposition, else the first party after the verb ("* +", "* {A MESSAGE} $")."""
    if prev is not None and prev[0] == "prep":
        return tuple(f"prep:{p}" for p in sorted(prev[1]))
    singles = sorted(r[0] for r in prev[1] if len(r) == 1) if prev is not None else []
    return (*(f"prep:{w}" for w in singles), "actor")


@dataclass(frozen=True, slots=True)
class _Parsed:
    parts: tuple[PatternPart, ...]
    target: tuple[str, ...]
    source: tuple[str, ...]
    joint: bool
    words: frozenset[str]


def _parse_pattern(pp: _Patterns, body: str, line: int) -> _Parsed:
    toks = TOKEN_RX.findall(body)
    if toks.count("*") != 1:
        raise _fail(pp.path, line, "a pattern has exactly one '*' (the verb)")
    elems = pp.elements(toks, line)
    verb_at = next(i for i, e in enumerate(elems) if e[0] == "verb")
    parts: list[PatternPart] = []
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    prev: Any = None
    words: set[str] = set()
    for i, e in enumerate(elems):
        side = "before" if i < verb_at else "after"
        if e[0] == "verb":
            prev = None
            continue
        if e[0] == "mark":
            if e[1] in ("$", "+"):
                slots = ("subject",) if side == "before" else _slots_after(prev)
                if e[1] == "+":
                    target = slots
                else:
                    source = slots
            continue
        if e[0] == "prep":
            _, preps, inner, marks = e
            if not preps:
                raise _fail(pp.path, line, "a prepositional phrase starts with a one-word preposition")
            parts.append(PatternPart(side, tuple(inner), frozenset(preps)))
            words |= preps
            slots = tuple(f"prep:{p}" for p in sorted(preps))
            if "+" in marks:
                target = slots
            if "$" in marks:
                source = slots
        else:
            parts.append(PatternPart(side, (e[1],)))
            words |= {r[0] for r in e[1] if len(r) == 1}
        prev = e
    joint = any(e == ("mark", "%") for e in elems)
    return _Parsed(tuple(parts), target, source, joint, frozenset(words))


def _meaning(code: str, tables: EventTables) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a dictionary code; ("", None) for no event; None when the code has
    no CAMEO root we know."""
    if code == NO_EVENT:
        return "", None
    digits = re.match(r"\d*", code)
    d = digits.group() if digits else ""
    for n in (4, 3, 2):
        row = tables.cameo.get(d[:n]) if len(d) >= n else None
        if row is not None:
            return (row.plover, row.mode) if row.plover else ("", None)
    return None


def read_verb_dictionary(path: Path, tables: EventTables, rank: int) -> list[VerbFrame]:
    """Every verb x (bare default + patterns) of one dictionary file, as lexicon frames."""
    if not path.exists():
        raise KnowledgeError("PETRARCH verb dictionary not found; check [events] petrarch_verb_files",
                             code="C341", path=str(path))
    synsets, blocks = _read(path)
    pp = _Patterns(path, synsets)
    warned: set[int] = set()

    def meaning(code: str, line: int) -> tuple[str, str | None] | None:
        got = _meaning(code, tables)
        if got is None and line not in warned:
            warned.add(line)
            log.warning("%s:%d: code [%s] has no CAMEO root 01-20; entry skipped", path.name, line, code)
        return got

    bare = _Parsed((), (), (), False, frozenset())
    frames: list[VerbFrame] = []
    for block in blocks:
        patterns: list[_Entry] = []
        for no, body, code in block.patterns:
            try:
                entry = _entry(no, body, code, _parse_pattern(pp, body, no), meaning, path)
            except _Undefined as err:
                log.warning("%s:%d: synonym set %s is not defined; pattern skipped", path.name, no, err)
                continue
            if entry is not None:
                patterns.append(entry)
        defaults: dict[str, _Entry | None] = {}
        for verb in block.verbs:
            code = verb.code or block.code
            if verb.code is not None or code not in defaults:  # a verb's own code: its own line
                defaults[code] = _entry(verb.line if verb.code else block.line, "*", code, bare, meaning, path)
            default = defaults[code]
            for entry in ([default] if default is not None else []) + patterns:
                frames.append(_frame(verb, entry, path, rank))
    return frames


@dataclass(frozen=True, slots=True)
class _Entry:
    """One pattern (or a bare default) with its code read, shared by the verbs of its block."""

    line: int
    type: str
    mode: str | None
    cameo: str
    target: tuple[str, ...]
    parsed: _Parsed
    pattern: DictionaryPattern  # as it is for a one-word verb


def _entry(line: int, body: str, code: str, parsed: _Parsed, meaning: Any, path: Path) -> _Entry | None:
    first, second = _split_code(code, path, line)
    main = meaning(first, line) if first else ("", None)
    back = meaning(second, line) if second else None
    if main is None:
        return None
    pair = (back[0], back[1], second) if back and back[0] and second else None
    target, source = parsed.target or TARGET_SLOTS, parsed.source
    type_, mode, cameo = main[0], main[1], first or NO_EVENT
    if first is None and pair is not None:  # "[:B]": only the reversed event, target -> source
        type_, mode, cameo = pair
        target, source, pair = parsed.source or ("subject",), parsed.target or TARGET_SLOTS, None
    pattern = DictionaryPattern(text=body, parts=parsed.parts, source=source, joint=parsed.joint, pair=pair,
                                words=parsed.words)
    return _Entry(line, type_, mode, cameo, target, parsed, pattern)


def _frame(verb: _Verb, entry: _Entry, path: Path, rank: int) -> VerbFrame:
    pattern = entry.pattern
    if verb.before or verb.after:
        # a multiword verb's own words: right after the verb, last before it
        own_before = (PatternPart("before", (frozenset({verb.before}),)),) if verb.before else ()
        own_after = (PatternPart("after", (frozenset({verb.after}),)),) if verb.after else ()
        parts = (*(p for p in pattern.parts if p.side == "before"), *own_before, *own_after,
                 *(p for p in pattern.parts if p.side == "after"))
        pattern = replace(pattern, parts=parts, words=pattern.words | set(verb.after) | set(verb.before))
    return VerbFrame(lemma=verb.word, particle=None, type=entry.type, cameo=entry.cameo, mode=entry.mode,
                     target=entry.target, reciprocal=pattern.joint, source=f"{path.name}:{entry.line}", rank=rank,
                     dictionary=pattern)


# ----------------------------------------------------------------------------------- matching
@functools.lru_cache(maxsize=4096)
def _by_first(alts: Alternatives) -> dict[str, list[Run]]:
    """Runs by their first word, longest first (the more specific phrase wins)."""
    out: dict[str, list[Run]] = {}
    for run in sorted(alts, key=lambda r: (-len(r), r)):
        out.setdefault(run[0], []).append(run)
    return out


def _keys(t: Token) -> tuple[str, str]:
    return t.lower_, t.lemma_.lower()


def _run_at(run: Run, toks: Sequence[Token], k: int) -> bool:
    if k + len(run) > len(toks):
        return False
    for n, w in enumerate(run):
        t = toks[k + n]
        if (n and t.i != toks[k + n - 1].i + 1) or w not in _keys(t):
            return False
    return True


def _find_run(alts: Alternatives, toks: Sequence[Token], start: int) -> tuple[int, int] | None:
    """(index after the first run found from ``start``, its length) or None."""
    index = _by_first(alts)
    for j in range(start, len(toks)):
        for key in dict.fromkeys(_keys(toks[j])):
            for run in index.get(key, ()):
                if _run_at(run, toks, j):
                    return j + len(run), len(run)
    return None


def _match_part(part: PatternPart, toks: Sequence[Token], start: int) -> tuple[int, int] | None:
    if not part.preps:
        return _find_run(part.words[0], toks, start)
    for j in range(start, len(toks)):
        p = toks[j]
        if part.preps.isdisjoint(_keys(p)):
            continue
        # the phrase: the preposition's subtree ("to" before an infinitive: its verb's subtree)
        anchor = p if any(True for _ in p.children) else p.head
        inside = {t.i for t in anchor.subtree}
        where = [k for k in range(j + 1, len(toks)) if toks[k].i in inside]
        region = [toks[k] for k in where]
        at, weight = 0, 1
        for alts in part.words:
            got = _find_run(alts, region, at)
            if got is None:
                break
            at, n = got
            weight += n
        else:
            return (where[at - 1] + 1 if at else j + 1), weight
    return None


class PatternSite:
    """The words around one verb token, read once for all the dictionary patterns of its lemma."""

    def __init__(self, v: Token, subjects: Sequence[Token]) -> None:
        self.compound = len(subjects) > 1
        self.sides = {"before": [t for t in v.sent if t.i < v.i], "after": [t for t in v.subtree if t.i > v.i]}

    def score(self, pattern: DictionaryPattern) -> int | None:
        """How specific ``pattern`` is here (0 for the bare verb), or None when it does not hold."""
        if pattern.joint and not self.compound:
            return None
        pos = {"before": 0, "after": 0}
        score = int(bool(pattern.parts) or pattern.joint)
        for part in pattern.parts:
            got = _match_part(part, self.sides[part.side], pos[part.side])
            if got is None:
                return None
            pos[part.side], weight = got
            score += weight
        return score
