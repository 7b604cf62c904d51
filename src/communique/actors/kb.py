"""The actor knowledge base: countries, organisations, people with dated offices, role words.

Everything is read from validated data files (``communique/actors/data/`` plus the user's
``--actors FILE`` files and PETRARCH dictionaries) through :mod:`communique.knowledge`. A malformed
entry stops the load with file, line and reason (``KnowledgeError`` C31x) before any document is
processed. Entries that disagree (one alias for two actors, two holders of the same unique office
at the same time, a user entry replacing a built-in one) are kept and *reported* in
:attr:`KnowledgeBase.conflicts` and the log, never silently overwritten.

Person sector rule (documented decision): on a given date a person takes the country and sector of
the office they hold then; with no office on that date but an earlier state office (GOV, MIL, LEG,
JUD, SPY, COP) they are ``ELI`` (former official); before their first office they take the optional
``sector`` field of their record (default: none) and their ``country``.
"""

from __future__ import annotations

__all__ = [
    "SECTORS",
    "SPECIAL_COUNTRIES",
    "OFFICE_ROLES",
    "UNIQUE_ROLES",
    "Office",
    "Period",
    "Entry",
    "Alias",
    "Role",
    "KnowledgeBase",
    "norm",
    "acronym_key",
    "alias_key",
    "build_kb",
    "builtin_files",
    "date_lo",
    "date_hi",
]

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import KnowledgeError
from communique.knowledge import LINE, Validator, data_path, read_jsonl, read_tsv
from communique.records import ActorRef

log = logging.getLogger(__name__)

SECTORS: frozenset[str] = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split()
)
"""PLOVER sector codes (plover.md section 4)."""

SPECIAL_COUNTRIES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
"""PLOVER codes for non-state international entities, allowed in the country field."""

OFFICE_ROLES: frozenset[str] = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "national_security_adviser",
        "un_ambassador",
        "top_diplomat",
        "deputy_foreign_minister",
        "spokesperson",
        "party_official",
        "military_chief",
        "igo_leader",
        "legislator",
        "other",
    }
)

UNIQUE_ROLES: frozenset[str] = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "national_security_adviser",
        "un_ambassador",
    }
)
"""Roles one person holds at a time per country: two overlapping holders are a reported conflict."""

STEM_BUCKET = 3  # letters a PETRARCH stem shares with a word before it is compared in full

STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
"""Sectors of state office; having held one makes a person ELI once out of office."""

COUNTRY_RE = re.compile(r"[A-Z]{3}")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# --------------------------------------------------------------------------------- normalising

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm(text: str) -> str:
    """Lookup key: lower case, no accents, no dots, hyphens as spaces, one space between words."""
    t = text
    if not t.isascii():
        t = t.translate(_QUOTES)
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = t.lower()
    t = t.replace(".", "").replace("-", " ").replace("_", " ")
    return " ".join(t.split())


def alias_key(text: str) -> str:
    """Index key of an alias: :func:`norm` without a leading "the", so "the European Union" and
    "European Union" are one alias (and a user file defining either replaces both)."""
    key = norm(text)
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


def acronym_key(text: str) -> str | None:
    """Case-sensitive key for short all-capital aliases ("US", "U.N.", "WHO"): these must not
    match the ordinary words "us", "who"; None for anything else."""
    t = text.replace(".", "").replace(" ", "")
    if 1 < len(t) <= 6 and t.isupper() and t.isalnum():
        return t
    return None


def date_lo(d: str) -> str:
    """Earliest full date a partial date can mean ("2021" -> "2021-01-01")."""
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def date_hi(d: str) -> str:
    """Latest full date a partial date can mean ("2021-07" -> "2021-07-31")."""
    return d + "-12-31" if len(d) == 4 else d + "-31" if len(d) == 7 else d


# ------------------------------------------------------------------------------------- records


def _within(date: str, start: str | None, end: str | None) -> bool:
    """``date`` (YYYY-MM-DD) falls in [start, end]; partial dates (YYYY, YYYY-MM) widen the range."""
    if start and date < date_lo(start):
        return False
    return not (end and date > date_hi(end))


@dataclass(frozen=True, slots=True)
class Office:
    """An office held from ``start`` to ``end`` (inclusive; None = open)."""

    title: str
    role: str
    country: str | None
    sector: str
    start: str | None = None
    end: str | None = None
    note: str | None = None

    def holds_on(self, date: str) -> bool:
        return _within(date, self.start, self.end)

    def ended_before(self, date: str) -> bool:
        return bool(self.end) and date > date_hi(self.end or "")

    def started_after(self, date: str) -> bool:
        return bool(self.start) and date < date_lo(self.start or "")


@dataclass(frozen=True, slots=True)
class Period:
    """A date-limited code: the entry is ``country``/``sector`` between start and end."""

    sector: str | None
    start: str | None = None
    end: str | None = None
    country: str | None = None

    def holds_on(self, date: str) -> bool:
        return _within(date, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the knowledge base. ``kind``: country | organization | person | petrarch."""

    id: str
    kind: str
    name: str
    country: str | None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    periods: tuple[Period, ...] = ()
    surname: str | None = None
    origin: str = ""
    code: str | None = None  # full PETRARCH/CAMEO code when the entry came from a dictionary

    def office_on(self, date: str | None) -> Office | None:
        """The office held on ``date`` (None = today: an open-ended office), most senior first."""
        if not self.offices:
            return None
        if date is None:
            held = [o for o in self.offices if o.end is None]
        else:
            held = [o for o in self.offices if o.holds_on(date)]
        if not held:
            return None
        order = list(OFFICE_ROLES_RANK)
        return min(held, key=lambda o: (order.index(o.role) if o.role in order else len(order), -(len(o.start or ""))))

    def senior_office(self) -> Office | None:
        """The most senior office ever held (latest first among equals): what an undated name
        most often refers to."""
        if not self.offices:
            return None
        order = list(OFFICE_ROLES_RANK)
        return min(self.offices, key=lambda o: (order.index(o.role) if o.role in order else len(order), tuple(-ord(c) for c in (o.start or ""))))

    def code_on(self, date: str | None, *, undated: str = "today") -> tuple[str | None, str | None, Office | None]:
        """Country, sector and office of this actor on ``date`` (see the module docstring).
        With no date, ``undated="today"`` reads today's offices and ``"senior"`` the most
        senior office ever held."""
        if self.kind == "person":
            office = self.senior_office() if date is None and undated == "senior" else self.office_on(date)
            if office is not None:
                return office.country or self.country, office.sector, office
            if date is None:
                past = [o for o in self.offices if o.end is not None]
            else:
                past = [o for o in self.offices if o.ended_before(date)]
            if any(o.sector in STATE_SECTORS for o in past):
                return self.country, "ELI", None
            return self.country, self.sector, None
        if self.periods and date is not None:
            for p in self.periods:
                if p.holds_on(date):
                    return p.country or self.country, p.sector, None
        return self.country, self.sector, None


OFFICE_ROLES_RANK: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "igo_leader",
    "national_security_adviser",
    "un_ambassador",
    "top_diplomat",
    "deputy_foreign_minister",
    "military_chief",
    "spokesperson",
    "party_official",
    "legislator",
    "other",
)


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entry. ``kind``: name | adjective | capital | seat | acronym.
    ``sector`` overrides the entry's sector (seats of power: "the Pentagon" -> MIL)."""

    entry_id: str
    kind: str
    text: str
    sector: str | None = None
    weak: bool = False
    prefix: bool = False  # PETRARCH stem: the last word matches any word starting with it


@dataclass(frozen=True, slots=True)
class Role:
    """A role word ("foreign minister") with its sector and the office role it names."""

    phrase: str
    sector: str
    role: str | None = None
    generic: bool = False
    origin: str = ""
    code: str | None = None  # PETRARCH agent code ("~GOVFRM") when it came from a dictionary
    prefix_code: bool = False  # PETRARCH "NGO~": the agent code goes before the country


# ------------------------------------------------------------------------------ knowledge base


@dataclass
class KnowledgeBase:
    """Indexes over the entries. Build it with :func:`build_kb` (or ``communique.actors.load_kb``)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, list[Alias]] = field(default_factory=dict)
    acronyms: dict[str, list[Alias]] = field(default_factory=dict)
    stems: dict[str, list[Alias]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    max_words: int = 1
    _layer_of: dict[str, int] = field(default_factory=dict)
    _buckets: dict[tuple[str, str], list[str]] | None = None
    _buckets_for: int = -1
    _fuzzy_choices: dict[frozenset[str] | None, list[str]] = field(default_factory=dict)

    # ---------------------------------------------------------------- building

    def warn(self, message: str) -> None:
        """Record a conflict; overrides (a user file replacing a built-in entry on purpose) are
        logged at INFO, real disagreements at WARNING."""
        self.conflicts.append(message)
        log.log(logging.INFO if message.startswith("override") else logging.WARNING, "actor knowledge: %s", message)

    def add(self, entry: Entry, aliases: Iterable[Alias], *, layer: int) -> None:
        """Add an entry; a later layer (user files) replaces an earlier one, and says so."""
        old = self.entries.get(entry.id)
        if old is not None:
            old_layer = self._layer_of.get(entry.id, 0)
            if layer > old_layer:
                self.warn(f"override: {entry.id} from {entry.origin} replaces {old.origin}")
                self._remove(entry.id)
            else:
                raise KnowledgeError(
                    f"duplicate id '{entry.id}' (already defined at {old.origin}); give each "
                    "entry its own id",
                    code="C314",
                    path=entry.origin.rsplit(":", 1)[0],
                    line=_line_of(entry.origin),
                )
        self.entries[entry.id] = entry
        self._layer_of[entry.id] = layer
        for alias in aliases:
            self._add_alias(alias, layer)
        if entry.surname:
            self.surnames.setdefault(norm(entry.surname), []).append(entry.id)

    def _remove(self, entry_id: str) -> None:
        for index in (self.aliases, self.acronyms, self.stems):
            for key in list(index):
                index[key] = [a for a in index[key] if a.entry_id != entry_id]
                if not index[key]:
                    del index[key]
        for key in list(self.surnames):
            self.surnames[key] = [i for i in self.surnames[key] if i != entry_id]
        del self.entries[entry_id]

    def _add_alias(self, alias: Alias, layer: int) -> None:
        if alias.prefix:  # a stem also matches exactly, competing with other aliases as usual
            self._add_alias(Alias(alias.entry_id, alias.kind, alias.text, alias.sector, alias.weak), layer)
            key = alias_key(alias.text)
            if key and not any(a.entry_id == alias.entry_id for a in self.stems.get(key, [])):
                self.stems.setdefault(key, []).append(alias)
            return
        ak = acronym_key(alias.text)
        index, key = (self.acronyms, ak) if ak else (self.aliases, alias_key(alias.text))
        if not key:
            return
        have = index.setdefault(key, [])
        if any(a.entry_id == alias.entry_id for a in have):
            return  # the same entry under two alias kinds ("US" name and adjective)
        rivals = [a for a in have if a.entry_id != alias.entry_id]
        if rivals:
            rival_layers = {self._layer_of.get(a.entry_id, 0) for a in rivals}
            if layer > max(rival_layers):
                names = ", ".join(a.entry_id for a in rivals)
                self.warn(
                    f"override: alias '{alias.text}' now means {alias.entry_id} "
                    f"({self.entries[alias.entry_id].origin}), no longer {names}"
                )
                have.clear()
            elif not (alias.weak or all(a.weak for a in rivals)):
                self.warn(
                    f"ambiguous alias '{alias.text}': {alias.entry_id} "
                    f"({self.entries[alias.entry_id].origin}) and "
                    + ", ".join(f"{a.entry_id} ({self.entries[a.entry_id].origin})" for a in rivals)
                    + "; the first is used, add a distinct alias or remove one"
                )
        have.append(alias)
        self._fuzzy_choices.clear()
        self.max_words = max(self.max_words, len(key.split()) if not ak else 1)

    def add_role(self, role: Role, *, layer: int, plural: str | None = None) -> None:
        keys = {norm(role.phrase)}
        if plural != "=":
            keys.add(norm(plural) if plural else _plural(norm(role.phrase)))
        for key in keys:
            old = self.roles.get(key)
            if old is not None and old.sector != role.sector:
                if layer > 0:
                    self.warn(f"override: role '{key}' from {role.origin} is {role.sector}, was {old.sector} ({old.origin})")
                else:
                    self.warn(f"role '{key}' defined twice: {old.origin} ({old.sector}) and {role.origin} ({role.sector})")
            self.roles[key] = role
            self.max_words = max(self.max_words, len(key.split()))

    def check_offices(self) -> None:
        """Report two people holding the same unique office in one country at the same time."""
        by_slot: dict[tuple[str, str, str], list[tuple[Entry, Office]]] = {}
        for e in self.entries.values():
            for o in e.offices:
                if o.role in UNIQUE_ROLES:
                    by_slot.setdefault((o.country or "", o.role, norm(o.title)), []).append((e, o))
        for (country, _role, _t), held in by_slot.items():
            held.sort(key=lambda eo: date_lo(eo[1].start or "0000"))
            for i, (e1, o1) in enumerate(held):
                for e2, o2 in held[i + 1 :]:
                    if e1.id == e2.id:
                        continue
                    if _overlaps(o1, o2):
                        self.warn(
                            f"overlapping offices: {e1.id} and {e2.id} both {o1.title} of {country} "
                            f"({o1.start}..{o1.end} and {o2.start}..{o2.end}; {e1.origin}, {e2.origin})"
                        )

    # ---------------------------------------------------------------- lookups

    def lookup(self, text: str, *, key: str | None = None) -> list[Alias]:
        """Aliases for exactly this text (acronyms case-sensitively), best first. ``key``: the
        text's :func:`norm` when the caller has it already."""
        ak = acronym_key(text)
        if ak is not None and ak in self.acronyms:
            return list(self.acronyms[ak])
        key = norm(text) if key is None else key
        if key.startswith("the ") and len(key) > 4:
            key = key[4:]
        if key in self.aliases:
            return list(self.aliases[key])
        if ak is None and self.stems:
            words = key.split()
            if words and len(words[-1]) >= STEM_BUCKET:
                head = " ".join(words[:-1])
                best: list[Alias] = []
                best_len = 0
                for stem_key in self._stem_buckets().get((head, words[-1][:STEM_BUCKET]), ()):
                    last = stem_key.split()[-1]
                    if words[-1].startswith(last) and len(last) > best_len:
                        best, best_len = self.stems[stem_key], len(last)
                return list(best)
        return []

    def _stem_buckets(self) -> dict[tuple[str, str], list[str]]:
        """Stems grouped by their leading words and first letters, so a lookup reads a handful."""
        if self._buckets is None or self._buckets_for != len(self.stems):
            buckets: dict[tuple[str, str], list[str]] = {}
            for stem_key in self.stems:
                sw = stem_key.split()
                if len(sw[-1]) >= STEM_BUCKET:
                    buckets.setdefault((" ".join(sw[:-1]), sw[-1][:STEM_BUCKET]), []).append(stem_key)
            self._buckets, self._buckets_for = buckets, len(self.stems)
        return self._buckets

    def fuzzy(self, text: str, threshold: float, *, kinds: frozenset[str] | None = None) -> tuple[Alias, float] | None:
        """The closest alias by rapidfuzz ratio when it reaches ``threshold`` (0-100)."""
        from rapidfuzz import fuzz, process

        key = norm(text)
        if not key:
            return None
        choices = self._fuzzy_choices.get(kinds)
        if choices is None:
            choices = [k for k, al in self.aliases.items() if kinds is None or any(self.entries[a.entry_id].kind in kinds for a in al)]
            self._fuzzy_choices[kinds] = choices
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=threshold)
        if best is None:
            return None
        return self.aliases[best[0]][0], float(best[1])

    def role(self, text: str, *, key: str | None = None) -> Role | None:
        return self.roles.get(norm(text) if key is None else key)

    def people_named(self, surname: str) -> list[Entry]:
        return [self.entries[i] for i in self.surnames.get(norm(surname), []) if i in self.entries]

    def holders(self, role: str, country: str | None, date: str | None) -> list[tuple[Entry, Office]]:
        """People holding an office of ``role`` (in ``country`` when given) on ``date``."""
        found = []
        for e in self.entries.values():
            for o in e.offices:
                if o.role != role or (country and (o.country or e.country) != country):
                    continue
                if (date is None and o.end is None) or (date is not None and o.holds_on(date)):
                    found.append((e, o))
        return found

    def country_entry(self, code: str) -> Entry | None:
        return self.entries.get(f"country:{code}")

    def actor(self, entry: Entry, *, text: str, date: str | None, sector: str | None = None, office: Office | None = None, undated: str = "today") -> ActorRef:
        """The ActorRef for ``entry`` on ``date`` (``sector`` overrides, e.g. a seat of power;
        ``office`` forces the office, e.g. the one an undated text's title names)."""
        sec: str | None
        if office is not None:
            country, sec = office.country or entry.country, office.sector
        else:
            country, sec, office = entry.code_on(date, undated=undated)
        return ActorRef(
            text=text,
            name=entry.name,
            country=country,
            sector=sector if sector is not None else sec,
            actor_id=entry.id,
            office=office.title if office else None,
        )


def _overlaps(o1: Office, o2: Office) -> bool:
    """Does ``o2`` (starting no earlier) begin before ``o1`` ends? Compared at the coarser of the
    two precisions, so a hand-over written "2025-09" / "2025-09" is not an overlap."""
    if o1.end is None:
        return True
    start2 = o2.start or "0000"
    n = min(len(start2), len(o1.end))
    return start2[:n] < o1.end[:n]


def _line_of(origin: str) -> int | None:
    tail = origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children"}


def _plural(phrase: str) -> str:
    words = phrase.split()
    last = words[-1]
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*words[:-1], last])


# ------------------------------------------------------------------------------------ reading


def _code(v: Validator, key: str, *, special: bool = True, required: bool = True) -> str | None:
    value = v.str(key, required=required)
    if value is None:
        return None
    if not COUNTRY_RE.fullmatch(value):
        raise v.fail(f"field '{key}' must be a three-letter upper-case code, got {value!r}", code="C310")
    return str(value)


def _sector(v: Validator, key: str = "sector", *, required: bool = False) -> str | None:
    value = v.record.get(key)
    if value is None and not required:
        return None
    if value not in SECTORS:
        raise v.fail(f"field '{key}' is {value!r}; expected a PLOVER sector: {' '.join(sorted(SECTORS))}", code="C310")
    return str(value)


def _origin(path: Path | str, rec: dict[str, Any]) -> str:
    """"file:line" of a record; built-in files are named short ("actors/data/roles.tsv:42")."""
    p = Path(path)
    shown = f"actors/data/{p.name}" if p.parent == data_path("actors", p.name).parent else str(p)
    return f"{shown}:{rec.get(LINE)}"


def read_country(path: Path | str, rec: dict[str, Any]) -> tuple[Entry, list[Alias]]:
    v = Validator(path, rec)
    code = _code(v, "code")
    name = v.str("name")
    sector = _sector(v)
    eid = v.str("id", required=False) or f"country:{code}"
    weak = {norm(w) for w in v.list("weak")}
    seats = rec.get("seats") or {}
    if not isinstance(seats, dict):
        raise v.fail("field 'seats' must be an object {\"the Kremlin\": \"GOV\"}")
    for seat, seat_sector in seats.items():
        if seat_sector not in SECTORS or not str(seat).strip():
            raise v.fail(f"seat {seat!r} has sector {seat_sector!r}; expected a PLOVER sector", code="C310")
    entry = Entry(
        id=eid,
        kind="country",
        name=name,
        country=code,
        sector=sector,
        aliases=tuple(v.list("aliases")),
        origin=_origin(path, rec),
    )
    aliases = [Alias(eid, "name", t, weak=norm(t) in weak) for t in [name, *entry.aliases]]
    aliases += [Alias(eid, "adjective", t, weak=norm(t) in weak) for t in v.list("adjectives")]
    aliases += [Alias(eid, "capital", t, weak=norm(t) in weak) for t in v.list("capitals")]
    aliases += [Alias(eid, "seat", t, sector=s) for t, s in seats.items()]
    return entry, aliases


def _periods(v: Validator) -> tuple[Period, ...]:
    out = []
    for i, p in enumerate(v.list("periods")):
        if not isinstance(p, dict):
            raise v.fail(f"periods[{i}] must be an object with sector/start/end")
        pv = Validator(v.path, {**p, LINE: v.line})
        out.append(Period(sector=_sector(pv, required=True), start=pv.date("start"), end=pv.date("end")))
    return tuple(out)


def read_organization(path: Path | str, rec: dict[str, Any]) -> tuple[Entry, list[Alias]]:
    v = Validator(path, rec)
    eid = v.str("id")
    name = v.str("name")
    country = _code(v, "country", required=False)
    entry = Entry(
        id=eid,
        kind="organization",
        name=name,
        country=country,
        sector=_sector(v),
        aliases=tuple(v.list("aliases")),
        periods=_periods(v),
        origin=_origin(path, rec),
    )
    weak = {norm(w) for w in v.list("weak")}
    return entry, [Alias(eid, "name", t, weak=norm(t) in weak) for t in [name, *entry.aliases]]


def read_person(path: Path | str, rec: dict[str, Any]) -> tuple[Entry, list[Alias]]:
    v = Validator(path, rec)
    eid = v.str("id")
    name = v.str("name")
    country = _code(v, "country", required=False)
    offices = []
    for i, o in enumerate(v.list("offices")):
        if not isinstance(o, dict):
            raise v.fail(f"offices[{i}] must be an object with title/role/country/sector/start/end")
        ov = Validator(path, {**o, LINE: rec.get(LINE)})
        start, end = ov.date("start"), ov.date("end")
        if start and end and date_lo(start) > date_hi(end):
            raise v.fail(f"offices[{i}] ends ({end}) before it starts ({start})", code="C311")
        offices.append(
            Office(
                title=ov.str("title"),
                role=ov.str("role", choices=OFFICE_ROLES),
                country=_code(ov, "country", required=False) or country,
                sector=_sector(ov, required=True) or "GOV",
                start=start,
                end=end,
                note=o.get("note"),
            )
        )
    entry = Entry(
        id=eid,
        kind="person",
        name=name,
        country=country,
        sector=_sector(v),
        aliases=tuple(v.list("aliases")),
        offices=tuple(offices),
        surname=v.str("surname", required=False),
        origin=_origin(path, rec),
    )
    return entry, [Alias(eid, "name", t) for t in [name, *entry.aliases]]


READERS = {"country": read_country, "organization": read_organization, "person": read_person}


def kind_of(rec: dict[str, Any]) -> str:
    """A user record's kind: its ``kind`` field, else guessed from its fields."""
    kind = rec.get("kind")
    if isinstance(kind, str):
        return kind
    if "offices" in rec or "surname" in rec:
        return "person"
    if "code" in rec:
        return "country"
    return "organization"


def read_roles(path: Path | str) -> Iterator[tuple[Role, str | None]]:
    for row in read_tsv(path):
        v = Validator(path, row)
        phrase = v.str("phrase")
        role = row.get("role") or "-"
        if role != "-" and role not in OFFICE_ROLES:
            raise v.fail(f"role {role!r} is not one of {sorted(OFFICE_ROLES)} (or '-')", code="C310")
        generic = (row.get("generic") or "no").lower()
        if generic not in {"yes", "no"}:
            raise v.fail(f"column 'generic' must be yes or no, got {generic!r}", code="C310")
        plural = row.get("plural") or "-"
        yield (
            Role(
                phrase=phrase,
                sector=_sector(v, required=True) or "",
                role=None if role == "-" else role,
                generic=generic == "yes",
                origin=_origin(path, row),
            ),
            None if plural == "-" else plural,
        )


def read_entries(path: Path | str, *, kind: str | None = None) -> Iterator[tuple[Entry, list[Alias]]]:
    for rec in read_jsonl(path):
        k = kind or kind_of(rec)
        reader = READERS.get(k)
        if reader is None:
            raise KnowledgeError(
                f"unknown kind {k!r}; expected one of {sorted(READERS)}",
                code="C310",
                path=str(path),
                line=rec.get(LINE),
            )
        yield reader(path, rec)


def builtin_files() -> dict[str, Path]:
    """The shipped data files (people.jsonl may be missing in a partial checkout)."""
    names = {
        "country": "countries.jsonl",
        "organization": "organizations.jsonl",
        "person": "people.jsonl",
        "roles": "roles.tsv",
    }
    return {k: data_path("actors", n) for k, n in names.items()}


def build_kb(
    user_files: Iterable[str | Path] = (),
    *,
    builtin: bool = True,
    extra: Iterable[tuple[Entry, list[Alias]]] = (),
) -> KnowledgeBase:
    """Read and validate the built-in files, then the user files (a later layer: user entries win
    and the override is reported). Raises ``KnowledgeError`` on the first malformed entry."""
    kb = KnowledgeBase()
    if builtin:
        for kind, path in builtin_files().items():
            if not path.exists():
                log.info("built-in actor file %s is missing; skipped", path.name)
                continue
            kb.files.append(str(path))
            if kind == "roles":
                for role, plural in read_roles(path):
                    kb.add_role(role, layer=0, plural=plural)
            else:
                for entry, aliases in read_entries(path, kind=kind):
                    kb.add(entry, aliases, layer=0)
    for f in user_files:
        p = Path(f)
        if not p.exists():
            raise KnowledgeError("actor file not found; check the --actors path", code="C312", path=str(p))
        kb.files.append(str(p))
        if p.suffix == ".tsv":
            for role, plural in read_roles(p):
                kb.add_role(role, layer=1, plural=plural)
        elif p.suffix in {".jsonl", ".json"}:
            for entry, aliases in read_entries(p):
                kb.add(entry, aliases, layer=1)
        else:
            raise KnowledgeError(
                f"unsupported actor file type '{p.suffix}'; use .jsonl (entries) or .tsv (role words)",
                code="C312",
                path=str(p),
            )
    for entry, aliases in extra:
        kb.add(entry, aliases, layer=2)
    kb.check_offices()
    return kb
