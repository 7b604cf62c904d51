"""Publication dates to ISO: ``YYYY-MM-DD`` for a bare date, full ISO datetime when a time is given.

Feeds write RFC 822 (``Tue, 05 Mar 2024 10:00:00 GMT``), pages ISO 8601, spreadsheets anything.
A value we cannot read to a day is refused (``None``) rather than guessed: the caller keeps the
raw string in ``meta["published_raw"]`` so the clean stage can flag it.
"""

from __future__ import annotations

__all__ = ["normalise_date"]

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateparser

# Years outside this window are typos ("2204-03-05") or epoch garbage, never news dates.
MIN_YEAR = 1900
MAX_YEAR = 2100

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
# Two far-apart defaults: a field dateutil filled in from the default differs between them.
_DEFAULT_A = datetime(2001, 1, 1)
_DEFAULT_B = datetime(2002, 2, 2)


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _fmt(dt: datetime, *, has_time: bool) -> str:
    if not has_time:
        return dt.date().isoformat()
    return dt.replace(microsecond=0).isoformat()


def normalise_date(value: object) -> str | None:
    """ISO date/datetime string for ``value``, or ``None`` when it is not a readable day."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _fmt(value, has_time=True) if _in_range(value.year) else None
    if isinstance(value, date):
        return value.isoformat() if _in_range(value.year) else None
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):
        try:
            d = date.fromisoformat(text)
        except ValueError:
            return None
        return d.isoformat() if _in_range(d.year) else None
    try:  # ISO 8601 datetime ("2024-03-05T10:00:00Z", "2024-03-05 10:00")
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return _fmt(dt, has_time=True) if _in_range(dt.year) else None
    except ValueError:
        pass
    try:  # RFC 822, as in RSS pubDate
        dt = parsedate_to_datetime(text)
        if _in_range(dt.year):
            return _fmt(dt, has_time=True)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):  # "Tuesday", "12/03": no year, no date
        return None
    try:
        a = dateparser.parse(text, default=_DEFAULT_A)
        b = dateparser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if a is None or b is None or a.date() != b.date() or not _in_range(a.year):
        return None  # a field was filled in from the default: not a full day
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return _fmt(a, has_time=has_time)
