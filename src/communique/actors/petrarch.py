"""PETRARCH / TABARI actor and agent dictionaries, read into the knowledge base.

Actor dictionaries::

    FRANCE  [FRA]                  # a phrase and its code; words joined by "_" or spaces
    +FRENCH                        # a synonym of the entry above
    GOLLUM                         # codes may follow on their own lines,
        [HOB < 950601]             #   limited to dates before ...
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]          #   ... or after a date (YYMMDD or YYYYMMDD);
        [HOBELI 20130119-]         #   open ranges "DATE-" and "-DATE" too
    <!-- a comment block, possibly over several lines -->

A phrase ending in "_" matches only that word; otherwise its last word also matches longer words
starting with it (TABARI stems: ARGENTIN matches Argentina, Argentine).

Agent dictionaries::

    !PERSON! = MAN, MEN, WOMAN, WOMEN          # a substitution set
    CONGRESS!PERSON! [~LEG]                    # -> congressman, congressmen, ...
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]  # explicit plural; {} = no plural
    HUMAN_RIGHTS_BODY [NGO~]                   # "~" after: the code goes before the country

Codes are CAMEO-style (country + agent codes, "HOBGOV"): an entry's ``ActorRef`` has country =
the first three letters and sector = the rest, so ``ActorRef.code`` is the dictionary code, and
``actor_id`` is ``petrarch:<PHRASE>``. Malformed lines raise ``KnowledgeError`` [C313] with the
file and line.
"""

from __future__ import annotations

__all__ = [
    "PetrarchActor",
    "PetrarchAgent",
    "read_actors",
    "read_agents",
    "load_petrarch_kb",
    "merge_petrarch",
    "petrarch_entries",
    "is_agent_file",
]

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from communique.actors.kb import (
    Alias,
    Entry,
    KnowledgeBase,
    Period,
    Role,
    acronym_key,
    alias_key,
    build_kb,
)
from communique.errors import KnowledgeError

CODE_RE = re.compile(r"[A-Za-z0-9+#\-]+(?:/[A-Za-z0-9+#\-]+)*")
RESTRICTION_RE = re.compile(
    r"^\s*(?P<code>[^\s<>\]\[]+)\s*(?:(?P<op>[<>])\s*(?P<date>\d{6}|\d{8})|(?P<a>\d{6}|\d{8})?\s*-\s*(?P<b>\d{6}|\d{8})?)?\s*$"
)
CODE_PART_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*|[-+#]{3}")
"""One code: letters and digits starting with a letter ("HOBGOV"), or a null code ("---")."""
MACRO_RE = re.compile(r"^\s*(![A-Za-z]+!)\s*=\s*(.+)$")
TWO_DIGIT_PIVOT = 50  # TABARI six-digit dates: YY >= 50 is 19YY, below is 20YY


@dataclass(slots=True)
class PetrarchActor:
    phrase: str
    line: int
    path: str
    synonyms: list[str] = field(default_factory=list)
    code: str | None = None
    periods: list[Period] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # every code of "[ELR/GAL]"


@dataclass(slots=True)
class PetrarchAgent:
    phrase: str
    code: str  # as written: "~GOV" or "NGO~"
    line: int
    path: str
    plurals: list[str] | None = None  # None: regular plural; []: none ("{}")


XML_OPEN = re.compile(r"<!\s*--")
"""Where a ``<!-- -->`` comment block opens in an actor/agent dictionary (spaces allowed)."""


def xml_uncommented(text: str, opener: re.Pattern[str] = XML_OPEN) -> Iterator[tuple[int, str]]:
    """Each line of a PETRARCH/TABARI dictionary with ``<!-- -->`` blocks (which may span lines)
    cut out, with its 1-based number. Shared by the actor/agent and the verb dictionary readers;
    each applies its own ``#`` comment rule to what is left."""
    in_block = False
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw
        out = ""
        while line:
            if in_block:
                k = line.find("-->")
                if k < 0:
                    line = ""
                    break
                line = line[k + 3 :]
                in_block = False
            else:
                m = opener.search(line)
                if m is None:
                    out += line
                    break
                out += line[: m.start()]
                line = line[m.end() :]
                in_block = True
        yield no, out


def _strip_comments(path: Path) -> Iterator[tuple[int, str]]:
    """Lines without ``<!-- -->`` blocks and ``#`` comments, with their 1-based numbers."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"cannot read PETRARCH dictionary: {exc}", code="C300", path=str(path)) from exc
    for no, out in xml_uncommented(text):
        if "#" in out:
            out = out[: out.index("#")]
        yield no, out.rstrip()


def _date(s: str, *, path: Path, line: int) -> str:
    if len(s) == 6:
        yy = int(s[:2])
        s = ("19" if yy >= TWO_DIGIT_PIVOT else "20") + s
    try:
        return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat()
    except ValueError:
        raise KnowledgeError(f"not a date: {s!r}", code="C313", path=str(path), line=line) from None


def _day_before(iso: str) -> str:
    return (_dt.date.fromisoformat(iso) - _dt.timedelta(days=1)).isoformat()


def _parse_code(body: str, *, path: Path, line: int) -> tuple[str, Period | None, list[str]]:
    m = RESTRICTION_RE.match(body)
    if m is None or not all(CODE_PART_RE.fullmatch(part) for part in m.group("code").split("/")):
        raise KnowledgeError(
            f"bad code block [{body}]; expected [CODE], [CODE <YYMMDD], [CODE >YYMMDD] or [CODE DATE-DATE]",
            code="C313",
            path=str(path),
            line=line,
        )
    codes = [c.upper() for c in m.group("code").split("/")]
    code = codes[0]
    period = None
    if m.group("op") == "<":
        period = Period(sector=code[3:] or None, country=code[:3], end=_day_before(_date(m.group("date"), path=path, line=line)))
    elif m.group("op") == ">":
        period = Period(sector=code[3:] or None, country=code[:3], start=_date(m.group("date"), path=path, line=line))
    elif m.group("a") or m.group("b"):  # "19950601-19990815", open-ended "990207-" or "-990206"
        period = Period(
            sector=code[3:] or None,
            country=code[:3],
            start=_date(m.group("a"), path=path, line=line) if m.group("a") else None,
            end=_date(m.group("b"), path=path, line=line) if m.group("b") else None,
        )
    return code, period, codes


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " _").split()).replace(" _", "_").strip()


def read_actors(path: str | Path) -> list[PetrarchActor]:
    """Entries of a PETRARCH/TABARI actor dictionary (see the module docstring)."""
    p = Path(path)
    out: list[PetrarchActor] = []
    cur: PetrarchActor | None = None
    for no, line in _strip_comments(p):
        s = line.strip()
        if not s:
            continue
        if s.startswith("+"):
            if cur is None:
                raise KnowledgeError("synonym '+...' before any actor entry", code="C313", path=str(p), line=no)
            syn = _phrase(s[1:].split("[")[0])
            if syn:
                cur.synonyms.append(syn)
            s = s[1:]
            if "[" not in s:
                continue
            s = s[s.index("[") :]
        if s.startswith("["):
            if cur is None:
                raise KnowledgeError("code block before any actor entry", code="C313", path=str(p), line=no)
            _add_codes(cur, s, path=p, line=no)
            continue
        cur = PetrarchActor(phrase=_phrase(s.split("[")[0]), line=no, path=str(p))
        if not cur.phrase.strip("_ "):
            raise KnowledgeError("an actor entry needs a phrase before its [CODE]", code="C313", path=str(p), line=no)
        out.append(cur)
        if "[" in s:
            _add_codes(cur, s[s.index("[") :], path=p, line=no)
    for a in out:
        if a.code is None and not a.periods:
            raise KnowledgeError(f"actor '{a.phrase}' has no [CODE]", code="C313", path=a.path, line=a.line)
    return out


def _add_codes(cur: PetrarchActor, s: str, *, path: Path, line: int) -> None:
    blocks = re.findall(r"\[([^\]]*)\]", s)
    if not blocks or s.count("[") != s.count("]"):
        raise KnowledgeError(f"unbalanced brackets in {s!r}", code="C313", path=str(path), line=line)
    for body in blocks:
        code, period, codes = _parse_code(body, path=path, line=line)
        if period is None:
            cur.code = code
            cur.codes = codes
        else:
            cur.periods.append(period)


def read_agents(path: str | Path) -> list[PetrarchAgent]:
    """Entries of a PETRARCH agent dictionary, with ``!MACRO!`` substitutions expanded."""
    p = Path(path)
    macros: dict[str, list[str]] = {}
    out: list[PetrarchAgent] = []
    for no, line in _strip_comments(p):
        s = line.strip()
        if not s:
            continue
        m = MACRO_RE.match(s)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[([^\]]*)\]", s)
        if cm is None:
            raise KnowledgeError(f"agent entry without [~CODE]: {s!r}", code="C313", path=str(p), line=no)
        code = cm.group(1).replace(" ", "")
        if "~" not in code or not CODE_RE.fullmatch(code.replace("~", "")):
            raise KnowledgeError(f"agent code [{cm.group(1)}] must be [~CODE] or [CODE~]", code="C313", path=str(p), line=no)
        head = s[: cm.start()]
        plurals: list[str] | None = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plurals = [_phrase(x) for x in pm.group(1).split(",") if x.strip()]
            head = head[: pm.start()] + head[pm.end() :]
        phrase = _phrase(head)
        if not phrase:
            raise KnowledgeError("an agent entry needs a phrase before its code", code="C313", path=str(p), line=no)
        for variant in _expand(phrase, macros, path=p, line=no):
            out.append(PetrarchAgent(variant, code, no, str(p), plurals))
    return out


def _expand(phrase: str, macros: dict[str, list[str]], *, path: Path, line: int) -> list[str]:
    m = re.search(r"![A-Za-z]+!", phrase)
    if m is None:
        return [phrase]
    words = macros.get(m.group(0).upper())
    if words is None:
        raise KnowledgeError(f"unknown substitution {m.group(0)}; define it as {m.group(0)} = WORD, WORD", code="C313", path=str(path), line=line)
    out = []
    for w in words:
        out += _expand(phrase[: m.start()] + w + phrase[m.end() :], macros, path=path, line=line)
    return out


ENGLISH_SHORT_WORDS = frozenset(
    "WHO ALL CAN ONE TWO ARE WAS HAS HAD MAY NEW NOW OUT OUR HIS HER ITS THE AND FOR NOT BUT YOU WAR MAN MEN DAY END".split()
)
"""Three-letter dictionary words that are also English words: kept case-sensitive (WHO)."""


def _alias_text(phrase: str) -> tuple[str, bool]:
    """(alias text, prefix?) for a dictionary phrase: upper-case words become lower case, so
    "ISRAEL" matches "Israel"; words with dots, two-letter words and three-letter English words
    stay upper case and match only as written (U.S., UN, WHO)."""
    exact = phrase.endswith("_")
    words = phrase.strip("_").replace("_", " ").split()
    if len(words) > 1 and words[0].upper() == "THE":
        # the KB ignores a leading "the" anyway; kept, "THE_AU" would become the acronym "THEAU"
        words = words[1:]
    shown = [w if ("." in w or len(w.strip(".")) <= 2 or w in ENGLISH_SHORT_WORDS) else w.lower() for w in words]
    return " ".join(shown), not exact and len(words[-1]) >= 4 and not any("." in w for w in words)


def petrarch_entries(actors: Iterable[PetrarchActor]) -> Iterator[tuple[Entry, list[Alias]]]:
    for a in actors:
        eid = "petrarch:" + a.phrase.strip("_").replace(" ", "_").upper()
        first = a.code or (a.periods[-1].country or "") + (a.periods[-1].sector or "")
        # "[FRO/BIL/SAM]": the entry is coded with the first code; Entry.code keeps them all, as
        # PETRARCH writes them in its output
        code = "/".join(a.codes) if len(a.codes) > 1 else first
        entry = Entry(
            id=eid,
            kind="petrarch",
            name=a.phrase.strip("_").replace("_", " ").title(),
            country=first[:3] or None,
            sector=first[3:] or None,
            periods=tuple(a.periods),
            origin=f"{a.path}:{a.line}",
            code=code,
        )
        aliases = []
        for phrase in [a.phrase, *a.synonyms]:
            text, prefix = _alias_text(phrase)
            if text:
                aliases.append(Alias(eid, "name", text, prefix=prefix))
        yield entry, aliases


def is_agent_file(path: str | Path) -> bool:
    """Agent dictionaries use "~" in their codes or define "!MACRO! = ..." sets."""
    for _no, line in _strip_comments(Path(path)):
        s = line.strip()
        if MACRO_RE.match(s) or re.search(r"\[[^\]]*~[^\]]*\]", s):
            return True
    return False


def _yield_name_to_agent(kb: KnowledgeBase, phrase: str, origin: str, *, layer: int) -> None:
    """A dictionary agent word that is also a built-in actor's name ("MSF [NGO~]" and the
    built-in Doctors Without Borders) is read as the agent: the name would otherwise be found
    first and the agent never applied ("MSF Arnor" -> NGOARN). ``phrase`` as the dictionary
    writes it (upper case: acronyms are looked up case-sensitively)."""
    words = phrase.strip("_").replace("_", " ")
    ak = acronym_key(words)
    for index, key in ((kb.acronyms, ak), (kb.aliases, alias_key(words))):
        have = index.get(key) if key else None
        if not have or key is None:
            continue
        lower = [a for a in have if kb._layer_of.get(a.entry_id, 0) < layer and kb.entries[a.entry_id].kind != "petrarch"]
        if not lower:
            continue
        kb.warn(f"override: '{words}' is an agent word ({origin}), no longer a name of "
                + ", ".join(sorted({a.entry_id for a in lower})))
        rest = [a for a in have if a not in lower]
        if rest:
            index[key] = rest
        else:
            del index[key]
        kb._fuzzy_choices.clear()  # fuzzy candidates are cached alias keys


def _add_agents(kb: KnowledgeBase, agents: Iterable[PetrarchAgent], *, layer: int) -> None:
    for ag in agents:
        phrase, _ = _alias_text(ag.phrase)
        _yield_name_to_agent(kb, ag.phrase, f"{ag.path}:{ag.line}", layer=layer)
        role = Role(
            phrase=phrase,
            sector=ag.code.replace("~", ""),
            role=None,
            origin=f"{ag.path}:{ag.line}",
            code=ag.code,
            prefix_code=ag.code.endswith("~"),
        )
        plural = None
        if ag.plurals is not None:
            plural = "=" if not ag.plurals else None
        kb.add_role(role, layer=layer, plural=plural)
        for pl in ag.plurals or []:
            text, _ = _alias_text(pl)
            kb.add_role(Role(phrase=text, sector=role.sector, origin=role.origin, code=ag.code, prefix_code=role.prefix_code), layer=layer, plural="=")


def merge_petrarch(kb: KnowledgeBase, files: Iterable[str | Path], *, layer: int = 2) -> KnowledgeBase:
    """Read PETRARCH dictionaries (actor or agent files, told apart by their content) into
    ``kb``; their entries win over built-in ones and each such override is reported."""
    for f in files:
        p = Path(f)
        if not p.exists():
            raise KnowledgeError("PETRARCH dictionary not found; check the --actors-petrarch path", code="C312", path=str(p))
        kb.files.append(str(p))
        if is_agent_file(p):
            _add_agents(kb, read_agents(p), layer=layer)
        else:
            _add_actors(kb, read_actors(p), layer=layer)
    return kb


def _aliases_by_entry(kb: KnowledgeBase) -> dict[str, list[Alias]]:
    out: dict[str, list[Alias]] = {}
    for index in (kb.aliases, kb.acronyms):
        for have in index.values():
            for al in have:
                out.setdefault(al.entry_id, []).append(al)
    return out


def _key(text: str) -> str:
    """What the KB indexes a name under: its acronym key ("U.N." -> "UN") or its alias key."""
    return acronym_key(text) or alias_key(text)


def _add_actors(kb: KnowledgeBase, actors: Iterable[PetrarchActor], *, layer: int) -> None:
    """Add dictionary entries over ``kb``. An entry whose phrase is the name of a built-in
    actor ("EUROPEAN_UNION" and the built-in European Union) takes over that actor's other
    names too ("EU", "the bloc"), so one actor is not coded two ways in one text; names that
    carry a sector of their own (seats: "the Pentagon") stay with the built-in entry."""
    by_name: dict[str, list[str]] = {}
    for e in kb.entries.values():
        if e.kind != "petrarch" and kb._layer_of.get(e.id, 0) < layer:
            by_name.setdefault(alias_key(e.name), []).append(e.id)
    owned: dict[str, list[Alias]] | None = None
    pending = list(petrarch_entries(actors))
    # the dictionary's own phrases (this file and those read before) beat names taken over
    own = {_key(a.text) for _e, aliases in pending for a in aliases}
    own |= {_key(a.text) for index in (kb.aliases, kb.acronyms) for have in index.values() for a in have
            if kb.entries[a.entry_id].kind == "petrarch"}
    for entry, aliases in pending:
        if entry.id in kb.entries and kb._layer_of.get(entry.id, 0) >= layer:
            kb.warn(f"duplicate PETRARCH entry {entry.id} at {entry.origin}; the first ({kb.entries[entry.id].origin}) is kept")
            continue
        taken: list[Alias] = []
        for builtin_id in by_name.get(alias_key(aliases[0].text), []) if aliases else []:
            if owned is None:
                owned = _aliases_by_entry(kb)
            taken += [Alias(entry.id, al.kind, al.text, weak=al.weak) for al in owned.get(builtin_id, [])
                      if al.sector is None and _key(al.text) not in own]
        if taken:
            kb.warn(f"override: {entry.id} ({entry.origin}) takes over the names of "
                    + ", ".join(by_name[alias_key(aliases[0].text)]))
        kb.add(entry, aliases + taken, layer=layer)


def load_petrarch_kb(
    actor_files: Iterable[str | Path],
    agent_files: Iterable[str | Path] = (),
    *,
    builtin: bool = False,
) -> KnowledgeBase:
    """A knowledge base made of PETRARCH dictionaries only (``builtin=True``: on top of
    communique's own knowledge). Resolution then gives the dictionary codes: ``ActorRef.code``."""
    kb = build_kb((), builtin=builtin)
    for f in actor_files:
        p = Path(f)
        if not p.exists():
            raise KnowledgeError("PETRARCH actor dictionary not found", code="C312", path=str(p))
        kb.files.append(str(p))
        _add_actors(kb, read_actors(p), layer=2)
    for f in agent_files:
        p = Path(f)
        if not p.exists():
            raise KnowledgeError("PETRARCH agent dictionary not found", code="C312", path=str(p))
        kb.files.append(str(p))
        _add_agents(kb, read_agents(p), layer=2)
    return kb
