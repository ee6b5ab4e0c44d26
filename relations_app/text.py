"""Text helpers: search folding, partial ISO dates, French counts and durations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from datetime import time as time_of_day
from functools import lru_cache

from anyascii import anyascii

_SPACES = re.compile(r"\s+")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lower-case ASCII form of ``text`` for accent-insensitive search.

    Transliteration (anyascii) folds what Unicode decomposition alone does not:
    "Łódź" → "lodz", "Øresund" → "oresund", "Straße" → "strasse", "Москва" → "moskva".
    Cached: the same names, countries and functions come back in record after record.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", anyascii(text).lower()).strip()


def search_blob(*parts: object) -> str:
    """The folded text stored in a record's ``search`` column."""
    return " | ".join(fold(str(p)) for p in parts if p not in (None, ""))


def search_terms(query: str) -> list[str]:
    """Folded words of a search query; every word must match."""
    return [w for w in fold(query).split(" ") if w]


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the folded ``terms`` occur in ``text`` (start, end in ``text``'s characters,
    merged and in order), to highlight them: "lodz" in "Łódź" is (0, 4)."""
    pieces: list[str] = []
    owner: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char) if not char.isspace() else " "
        pieces.append(folded)
        owner.extend([index] * len(folded))
    flat = "".join(pieces)
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = flat.find(term)
        while term and start >= 0:
            spans.append((owner[start], owner[start + len(term) - 1] + 1))
            start = flat.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def parse_partial_date(value: str) -> tuple[int, int | None, int | None]:
    """Split "2017", "2019-05" or "2018-12-31"; raise ``ValueError`` if not a real date."""
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None  # the pattern has a day only after a month
    date(year, month or 1, day or 1)  # raises ValueError for 2019-13 or 2019-02-30
    return year, month, day


def dates_in_order(start: str | None, end: str | None) -> bool:
    """False only when ``end`` certainly falls before ``start`` ("2017" … "2017-05" is fine)."""
    if not start or not end:
        return True
    try:
        year, month, day = parse_partial_date(start)
        return partial_date_end(end) >= date(year, month or 1, day or 1)
    except ValueError:
        return True


def partial_date_end(value: str) -> date:
    """The last day a partial date may denote ("2018" → 2018-12-31)."""
    year, month, day = parse_partial_date(value)
    if month and day:
        return date(year, month, day)
    if month:
        next_month = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)
    return date(year, 12, 31)


MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def format_partial_date_fr(value: str | None) -> str:
    """ "2018-12-31" → "31 décembre 2018"; "2019-05" → "mai 2019"; "2017" → "2017"."""
    if not value:
        return ""
    try:
        year, month, day = parse_partial_date(value)
    except ValueError:
        return value
    if month and day:
        return f"{'1er' if day == 1 else day} {MONTHS_FR[month - 1]} {year}"
    if month:
        return f"{MONTHS_FR[month - 1]} {year}"
    return str(year)


def clock_fr(moment: time_of_day) -> str:
    """A time of day the French way in print: "8 h", "10 h 30", "0 h" (no-break spaces)."""
    hour, minute = moment.hour, moment.minute
    return f"{hour}\u00a0h" + (f"\u00a0{minute:02d}" if minute else "")


def number_fr(count: int) -> str:
    """ "10 000" (French digit grouping, a narrow no-break space)."""
    return f"{count:,}".replace(",", "\u202f")


def counted_fr(count: int, singular: str, plural: str | None = None) -> str:
    """ "0 contact", "1 poste diplomatique", "3 contacts": French takes the singular below 2."""
    word = singular if abs(count) < 2 else (plural or singular + "s")
    return f"{number_fr(count)} {word}"


def agreed_fr(participle: str, count: int, *, feminine: bool = False) -> str:
    """A past participle agreed with a count: "créé", "créées" (2, feminine)."""
    return participle + ("e" if feminine else "") + ("s" if abs(count) >= 2 else "")


def seconds_fr(seconds: float) -> str:
    """ "0,7 s": a duration with one decimal, the comma as decimal mark."""
    return f"{seconds:.1f}".replace(".", ",") + " s"
