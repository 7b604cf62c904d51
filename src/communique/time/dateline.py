"""News datelines ("BEIJING (Reuters) -", "ANCHORAGE, Alaska -", "WASHINGTON, March 19 -").

The time stage reads a date from them; the places stage (which runs later) reads the place.
"""

from __future__ import annotations

__all__ = ["Dateline", "find_dateline"]

import re
from dataclasses import dataclass

_SEP = r"\s*(?:\u2014|\u2013|--|-|:)\s"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z .&'-]{1,30})\))?"
_TAIL = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
# Upper-case place ("BEIJING", "NEW YORK", "ST. PETERSBURG") with optional region/date/agency.
_CAPS_RX = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})" + _TAIL + _AGENCY + _SEP)
# Title-case place only when an agency in brackets marks it as a dateline ("Beijing (AP) -").
_TITLE_RX = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})" + _TAIL + r"\s*\((?P<agency>[A-Za-z .&'-]{1,30})\)" + _SEP
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the dateline is (``start``/``end`` in the text) and its parts."""

    start: int
    end: int
    place: str
    place_span: tuple[int, int]
    region: str | None = None
    agency: str | None = None


# A headline (and a byline) may come before the dateline paragraph.
MAX_DATELINE_PARAGRAPH = 3
_PARA_RX = re.compile(r"[^\n]+")


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first paragraphs, or None."""
    seen = 0
    for para in _PARA_RX.finditer(text):
        if not para.group().strip():
            continue
        seen += 1
        if seen > MAX_DATELINE_PARAGRAPH:
            break
        for rx in (_CAPS_RX, _TITLE_RX):
            m = rx.match(para.group())
            if m:
                base = para.start()
                return Dateline(
                    start=base + m.start(),
                    end=base + m.end(),
                    place=m.group("place"),
                    place_span=(base + m.start("place"), base + m.end("place")),
                    region=m.group("region"),
                    agency=m.group("agency"),
                )
    return None
