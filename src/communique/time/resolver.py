"""Finding time expressions in text and resolving them to calendar dates.

Written for news: explicit dates and ranges ("March 18-19, 2021"), weekdays relative to the
publication date ("on Friday", "next Tuesday"), relative expressions ("yesterday", "last week",
"eight months ago", "earlier this year", "mid-March"), months without a year, and chains
("two days later", relative to the previous dated event). Every answer carries a precision
(day, week, month, year) and a reason a person can check.

A date in the future of the publication is kept (talks "next Tuesday") and the reason says so.
Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

__all__ = ["TimeExpr", "find_expressions", "parse_publication", "speaks_of_future", "FUTURE_RX"]

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

log = logging.getLogger(__name__)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a few": 3, "several": 3, "a couple of": 2, "couple of": 2,
}
# Where in a month "early/mid/late March" points (precision stays "month").
PART_DAY = {"early": 1, "beginning of": 1, "the beginning of": 1, "mid": 15, "mid-": 15,
            "middle of": 15, "late": 25, "end of": 28, "the end of": 28}

_MONTH = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|Sept)"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|\u2013|\u2014|to|through|and)\s*"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d+|a few|several|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_PART = r"(?P<part>early|mid-?|late|middle of|(?:the )?end of|(?:the )?beginning of)\s*"

# Future markers in a clause: the event has not happened yet, so an open date points forward.
FUTURE_RX = re.compile(
    r"\b(will|shall|'ll|to be held|plans? to|planned|scheduled|expected to|is due|are due|due to"
    r"|set to|next|upcoming|coming|would (?:meet|visit|travel|hold|attend))\b",
    re.I,
)


_QUOTED_RX = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def speaks_of_future(text: str) -> bool:
    """A future marker outside quoted words ('"We will ...," he said on Thursday' is past)."""
    return bool(FUTURE_RX.search(_QUOTED_RX.sub(" ", text)))


# (name, compiled) in priority order: longer, more specific patterns first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("range_cross", re.compile(
        _MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + _DASH + _MONTH.format(g="m2") + r"\s+"
        + _DAY.format(g="d2") + r"(?:,?\s*" + _YEAR.format(g="y") + r")?\b")),
    ("range", re.compile(
        _MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + _DASH + _DAY.format(g="d2")
        + r"(?:,?\s*" + _YEAR.format(g="y") + r")?\b")),
    ("range_dm", re.compile(
        r"\b" + _DAY.format(g="d1") + _DASH + _DAY.format(g="d2") + r"\s+" + _MONTH.format(g="m1")
        + r"(?:,?\s*" + _YEAR.format(g="y") + r")?\b")),
    ("mdy", re.compile(
        r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
        + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d") + r"\b(?:,?\s*" + _YEAR.format(g="y") + r")?")),
    ("dmy", re.compile(
        r"\b" + _DAY.format(g="d") + r"\s+" + _MONTH.format(g="m") + r"(?:,?\s*" + _YEAR.format(g="y") + r")?")),
    ("part_month", re.compile(r"\b" + _PART + _MONTH.format(g="m") + r"(?:,?\s*" + _YEAR.format(g="y") + r")?", re.I)),
    ("part_year", re.compile(r"\b" + _PART + _YEAR.format(g="y") + r"\b", re.I)),
    # a bare month needs a preposition or a year ("in December", "March 2021"): "May I ask"
    ("month", re.compile(
        r"\b(?P<rel>last|this|next|in|since|until|by|during|early in|late in|from|before|after)\s+"
        + _MONTH.format(g="m") + r"(?:,?\s*" + _YEAR.format(g="y") + r")?(?!\s*\d)")),
    ("month_year", re.compile(_MONTH.format(g="m") + r",?\s*" + _YEAR.format(g="y") + r"\b")),
    ("year", re.compile(r"\b(?:in|since|until|by|during|of|throughout|before|after)\s+" + _YEAR.format(g="y") + r"\b")),
    ("weekday", re.compile(
        r"(?:\b(?P<rel>last|next|this|on|coming|this coming|past)\s+)?" + _WEEKDAY
        + r"(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("deictic", re.compile(
        r"\b(?P<w>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night"
        r"|earlier today|the day before yesterday)\b", re.I)),
    ("earlier_this", re.compile(
        r"\b(?P<rel>earlier|later|late|early)\s+(?:this|in the)\s+(?P<unit>week|month|year)\b", re.I)),
    ("this_unit", re.compile(r"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    # "two days after the announcement": a named earlier event (the ref) is the story's peg
    ("ago", re.compile(
        r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|later|before|after)\b"
        r"(?:(?<=before|.after)\s+the\s+(?P<ref>(?!same\b|next\b|following\b|previous\b)[a-z]+)\b)?", re.I)),
    ("next_day", re.compile(
        r"\b(?P<w>the (?:next|following|previous) (?:day|morning|evening|week)|the day (?:before|after)"
        r"|a day (?:later|earlier)|the same day)\b", re.I)),
]


# Kinds that count from an earlier date in the text ("two days later", "the same day").
_CHAINED = frozenset({"ago", "next_day"})
PREVIOUS_DATE = "the date mentioned before"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A resolved time expression: offsets into the text given to :func:`find_expressions`."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str  # day | week | month | year
    reason: str
    end_date: dt.date | None = None
    anchor: str = "text"  # text | publication | previous


def parse_publication(value: str | None) -> dt.date | None:
    """The publication date from a document field; a malformed value gives None (logged)."""
    if not value or not str(value).strip():
        return None
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        parsed: dt.datetime = du_parser.parse(s, fuzzy=False)
        return parsed.date()
    except (ValueError, OverflowError, TypeError):
        log.warning("publication date %r is not a date; using text dates only", value)
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: dt.date, future: bool) -> tuple[dt.date | None, str]:
    """Nearest past occurrence of month/day relative to publication (forward when the clause
    speaks of the future)."""
    this = _safe(pub.year, month, day)
    if this is None:
        this = _safe(pub.year, month, min(day, 28))
    if this is None:
        return None, ""
    if future:
        if this < pub:
            this = _safe(pub.year + 1, month, day) or this
        return this, f"year inferred forward from publication {pub.isoformat()}"
    if this > pub:
        this = _safe(pub.year - 1, month, day) or this
    return this, f"year inferred as nearest past to publication {pub.isoformat()}"


def _weekday(target: int, pub: dt.date, rel: str, future: bool) -> tuple[dt.date, str]:
    delta_back = (pub.weekday() - target) % 7
    delta_fwd = (target - pub.weekday()) % 7
    if rel == "next" or rel in ("coming", "this coming"):
        days = delta_fwd or 7
        return pub + dt.timedelta(days=days), "forward"
    if rel in ("last", "past"):
        days = delta_back or 7
        return pub - dt.timedelta(days=days), "back"
    if future:
        return pub + dt.timedelta(days=delta_fwd), "forward (future tense)"
    return pub - dt.timedelta(days=delta_back), "on or before"


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS.get(w, 1)


def _resolve(
    kind: str,
    m: re.Match[str],
    *,
    pub: dt.date | None,
    prev: dt.date | None,
    future: bool,
    peg: dt.date | None = None,
) -> TimeExpr | None:
    g = m.groupdict()
    text = m.group(0).strip()
    s, e = m.start(), m.end()
    q = f"'{text}'"
    pub_s = pub.isoformat() if pub else ""

    def year_or_infer(month: int, day: int, label: str) -> tuple[dt.date | None, str, str]:
        if g.get("y"):
            return _safe(int(g["y"]), month, day), f"{label} {q}", "text"
        if pub is None:
            return None, "", "text"
        d, why = _infer_year(month, day, pub, future)
        return d, f"{label} {q}, {why}", "publication"

    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return TimeExpr(s, e, text, d, "day", f"explicit date {q}") if d else None
    if kind in ("range", "range_cross", "range_dm"):
        m1 = _month(g["m1"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        d1, d2 = int(g["d1"]), int(g["d2"])
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        start, why, anchor = year_or_infer(m1, d1, "date range")
        if start is None:
            return None
        end = _safe(start.year + (1 if m2 < m1 else 0), m2, d2)
        if end is None or end < start:
            return None
        return TimeExpr(s, e, text, start, "day", f"{why} (start; ends {end.isoformat()})", end, anchor)
    if kind in ("mdy", "dmy"):
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        d, why, anchor = year_or_infer(_month(g["m"]), day, "explicit date")
        return TimeExpr(s, e, text, d, "day", why, None, anchor) if d else None
    if kind == "part_month":
        part = g["part"].lower().strip()
        day = PART_DAY.get(part, PART_DAY.get(part.rstrip("-"), 15))
        d, why, anchor = year_or_infer(_month(g["m"]), day, "part of month")
        return TimeExpr(s, e, text, d, "month", why, None, anchor) if d else None
    if kind == "part_year":
        part = g["part"].lower().strip().rstrip("-")
        month = {"early": 1, "beginning of": 1, "the beginning of": 1, "mid": 6, "middle of": 6}.get(part, 10)
        return TimeExpr(s, e, text, dt.date(int(g["y"]), month, 1), "year", f"part of year {q}")
    if kind in ("month", "month_year"):
        month = _month(g["m"])
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            return TimeExpr(s, e, text, dt.date(int(g["y"]), month, 1), "month", f"explicit month {q}")
        if pub is None:
            return None
        year = pub.year
        if rel == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif rel == "next" or (future and rel not in ("since", "last")):
            year = pub.year if month > pub.month else pub.year + 1
            if future and rel != "next" and month == pub.month:
                year = pub.year
        elif month > pub.month:
            year = pub.year - 1
        d = dt.date(year, month, 1)
        way = "forward" if d > pub else "nearest past"
        return TimeExpr(s, e, text, d, "month", f"month {q} ({way}) relative to publication {pub_s}", None, "publication")
    if kind == "year":
        return TimeExpr(s, e, text, dt.date(int(g["y"]), 1, 1), "year", f"explicit year {q}")
    if pub is None and kind in ("weekday", "deictic", "earlier_this", "this_unit"):
        return None
    if kind == "weekday":
        assert pub is not None
        d, way = _weekday(WEEKDAYS[g["wd"].lower()], pub, (g.get("rel") or "").lower(), future)
        return TimeExpr(s, e, text, d, "day", f"weekday {q} ({way}) relative to publication {pub_s}", None, "publication")
    if kind == "deictic":
        assert pub is not None
        w = g["w"].lower()
        off = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(w, 0)
        d = pub + dt.timedelta(days=off)
        return TimeExpr(s, e, text, d, "day", f"relative {q} to publication {pub_s}", None, "publication")
    if kind == "earlier_this":
        assert pub is not None
        unit = g["unit"].lower()
        d = {"week": pub - dt.timedelta(days=pub.weekday()), "month": pub.replace(day=1),
             "year": pub.replace(month=1, day=1)}[unit]
        if g["rel"].lower() in ("later", "late"):
            d = pub
        return TimeExpr(s, e, text, d, unit, f"relative {q} to publication {pub_s}", None, "publication")
    if kind == "this_unit":
        assert pub is not None
        unit, rel = g["unit"].lower(), g["rel"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
        if unit == "week":
            d = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        elif unit == "month":
            d = pub.replace(day=1) + relativedelta(months=step)
        else:
            d = dt.date(pub.year + step, 1, 1)
        return TimeExpr(s, e, text, d, unit, f"relative {q} to publication {pub_s}", None, "publication")
    if kind == "ago":
        n, unit, way = _number(g["n"]), g["unit"].lower(), g["dir"].lower()
        delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
                 "month": relativedelta(months=n), "year": relativedelta(years=n)}[unit]
        fuzzy = g["n"].lower() in ("a few", "several", "a couple of", "couple of")
        precision = "week" if (unit == "day" and fuzzy) else unit
        if way == "ago":
            if pub is None:
                return None
            d = pub - delta
            return TimeExpr(s, e, text, d, precision, f"relative {q} to publication {pub_s}", None, "publication")
        origin: dt.date | None
        if g.get("ref") and peg is not None:
            # "after the announcement" names an earlier event, not the last date mentioned:
            # in news that is the story's peg (its first date), not the end of a chain
            origin, origin_name = peg, f"the story's first date (the {g['ref'].lower()})"
        else:
            origin, origin_name = (prev, PREVIOUS_DATE) if prev else (pub, "publication")
        if origin is None:
            return None
        d = origin + delta if way in ("later", "after") else origin - delta
        return TimeExpr(s, e, text, d, precision, f"relative {q} to {origin_name} {origin.isoformat()}", None, "previous")
    if kind == "next_day":
        w = g["w"].lower()
        base, base_name = (prev, PREVIOUS_DATE) if prev else (pub, "publication")
        if base is None:
            return None
        if "same" in w:
            off = 0
        elif "previous" in w or "before" in w or "earlier" in w:
            off = -1
        else:
            off = 1
        unit = "week" if w.endswith("week") else "day"
        d = base + (dt.timedelta(weeks=off) if unit == "week" else dt.timedelta(days=off))
        return TimeExpr(s, e, text, d, unit, f"relative {q} to {base_name} {base.isoformat()}", None, "previous")
    return None


def find_expressions(
    text: str,
    *,
    pub: dt.date | None,
    prev: dt.date | None = None,
    future: bool | None = None,
    offset: int = 0,
    peg: dt.date | None = None,
) -> list[TimeExpr]:
    """Resolved, non-overlapping time expressions of ``text`` in text order (offsets shifted by
    ``offset``). ``future`` None means: decide from the text (a future marker anywhere in it).

    A chained expression ("the same day", "two days later") counts from the last day-level date
    written before it in ``text``, else from ``prev`` (the last one before the text); one that
    names its reference ("two days after the announcement") counts from ``peg``, the story's
    first date."""
    if future is None:
        future = speaks_of_future(text)
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if any(a < tb and ta < b for ta, tb in taken):
                continue
            base = prev
            if kind in _CHAINED:  # relative kinds come last in _PATTERNS: the dates they count from are in
                before = [t for t in out if t.precision == "day" and t.start < a + offset]
                if before:
                    base = max(before, key=lambda t: t.start).date
            try:
                te = _resolve(kind, m, pub=pub, prev=base, future=future, peg=peg)
            except (ValueError, KeyError, OverflowError):
                log.debug("time expression %r not resolvable", m.group(0))
                te = None
            if te is None:
                continue
            taken.append((a, b))
            reason = te.reason
            if pub is not None and te.date > pub:
                reason += f"; in the future of the publication {pub.isoformat()}"
            out.append(
                TimeExpr(te.start + offset, te.end + offset, te.text, te.date, te.precision, reason, te.end_date, te.anchor)
            )
    return sorted(out, key=lambda t: t.start)
