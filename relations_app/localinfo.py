"""What a traveller needs to know about a place, in French: time zone names, currency, days.

Why babel: pycountry knows no currency by country, and a hand-made table would have to
follow every change of currency; the Unicode CLDR data that babel ships gives each
territory's legal tender on a given date ("CA" → CAD, "dollar canadien") and the French
names of time zones ("heure d'été de l'Est nord-américain").  babel is imported on first
use only: nothing at start-up pays for its data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from .text import MONTHS_FR

LOCALE = "fr_FR"
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MINUS = "\u2212"


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217
    name: str  # French, singular: "dollar canadien"
    symbol: str  # as French writes it: "$CA", "£GB", "€"

    def describe(self) -> str:
        """ "dollar canadien (CAD, $CA)"; the symbol left out when it is only the code."""
        extra = f", {self.symbol}" if self.symbol and self.symbol != self.code else ""
        return f"{self.name} ({self.code}{extra})"


@lru_cache(maxsize=64)
def currency_of(country: str | None, on: date) -> Currency | None:
    """The currency in use in ``country`` (ISO alpha-2) on ``on``, or None if unknown."""
    if not country:
        return None
    from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

    try:
        codes = get_territory_currencies(country.upper(), on, tender=True)
    except Exception:
        return None
    if not codes:
        return None
    code = codes[0]
    # The French way of writing it ("$CA", "£GB"): unambiguous, in a script DejaVu prints.
    symbol = get_currency_symbol(code, locale=LOCALE)
    return Currency(code, get_currency_name(code, locale=LOCALE), symbol)


def format_utc_offset(offset: timedelta) -> str:
    """ "UTC−4", "UTC+5:30", "UTC"."""
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else MINUS
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_name(zone: str, at: datetime) -> str:
    """The French name of ``zone`` at the instant ``at``, with its UTC offset.

    "heure d'été de l'Est nord-américain (UTC−4)"; only the offset when CLDR has no name
    of its own for the zone ("UTC+7").
    """
    from babel.dates import get_timezone_name

    local = at.astimezone(ZoneInfo(zone))
    offset = format_utc_offset(local.utcoffset() or timedelta(0))
    try:
        name = get_timezone_name(local, locale=LOCALE).replace("\u2019", "'")
    except (LookupError, ValueError):
        return offset
    if not name or name.startswith(("UTC", "GMT")):
        return offset
    return f"{name} ({offset})"


def format_day_fr(day: date, *, weekday: bool = True) -> str:
    """ "mardi 8 juin 2027" ("1er" for the first of the month)."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {MONTHS_FR[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_FR[day.weekday()]} {text}" if weekday else text


def format_days_fr(first: date, last: date, *, weekday: bool = True) -> str:
    """A stay from ``first`` to ``last``: "du lundi 7 au vendredi 11 juin 2027"."""
    if first == last:
        return f"le {format_day_fr(first, weekday=weekday)}"
    if (first.year, first.month) == (last.year, last.month):
        number = "1er" if first.day == 1 else str(first.day)
        start = f"{WEEKDAYS_FR[first.weekday()]} {number}" if weekday else number
    elif first.year == last.year:
        start = format_day_fr(first, weekday=weekday).rsplit(" ", 1)[0]
    else:
        start = format_day_fr(first, weekday=weekday)
    return f"du {start} au {format_day_fr(last, weekday=weekday)}"
