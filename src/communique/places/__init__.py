"""Places: where each event happened, resolved offline to a site, city, region or country."""

from __future__ import annotations

__all__ = ["Gazetteer", "Place", "load_gazetteer", "places_in", "locate_events"]

from communique.places.gazetteer import Gazetteer, Place, load_gazetteer
from communique.places.stage import locate_events, places_in
