"""Dates and times as people type and read them: one parser, one formatter.

Dates are stored as partial ISO text ("2027", "2027-06", "2027-06-07"): a year alone or a
month and year stay as partial as they were typed.  :func:`parse_date` reads what a French
person types (``07/06/2027``, ``7/6/27``, ``juin 2027``, ``06/2027``, ``2027``,
``7 juin 2027``, ``1er juin 2027``), ISO, and English month names (the English window
shows "7 June 2027" and must read it back); :func:`format_date` is the one way dates are
shown, in lists, profiles, forms and documents ("7 juin 2027", "juin 2027", "2027").
:func:`parse_time` reads ``8h``, ``8 h 30``, ``08:30`` into the stored ``HH:MM``.
Refusals say what is wrong ("le 31 février 2027 n'existe pas"), in the interface's
language.
"""

from __future__ import annotations

import datetime as dt
import re

from . import i18n
from .i18n import _
from .text import MONTHS_FR, fold, format_partial_date_fr, parse_partial_date

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = {"fr": MONTHS_FR, "en": MONTHS_EN}
#: Folded month names of both languages: "fevr", "aout", "sept." are their beginnings.
_MONTH_NAMES: tuple[tuple[str, int], ...] = tuple(
    (fold(name), number) for names in MONTHS.values() for number, name in enumerate(names, start=1)
)

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})|(\d{1,2})[/.\-](\d{4})")
_WORDS = re.compile(r"[a-z]+|\d+(?:er)?")
_TIME = re.compile(r"([01]?\d|2[0-3])\s*(?:[:h.]\s*([0-5]\d)?)?")

#: The longest text read as a date or a time: beyond it, nothing is a date.
LONGEST_INPUT = 40


class DateInputError(ValueError):
    """A date or time that cannot be read; ``reason`` says why, in the current language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _unreadable(text: str) -> DateInputError:
    shown = text if len(text) <= LONGEST_INPUT else text[:LONGEST_INPUT] + "…"
    return DateInputError(
        _(
            "date invalide : « {text} » (par exemple 7/6/2027, 7 juin 2027, juin 2027 ou 2027)"
        ).format(text=shown)
    )


def _full_year(digits: str) -> int:
    """A year typed on two digits: 00–69 are 2000–2069, 70–99 are 1970–1999."""
    year = int(digits)
    if len(digits) == 2:
        return year + (2000 if year < 70 else 1900)
    return year


def _month_named(word: str) -> int | None:
    if len(word) < 3:
        return None
    found = {number for name, number in _MONTH_NAMES if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _checked(year: int, month: int | None, day: int | None) -> str:
    if month is not None and not 1 <= month <= 12:
        raise DateInputError(_("mois invalide : {month} (de 1 à 12)").format(month=month))
    if day is not None:
        assert month is not None
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateInputError(
                _("le {date} n'existe pas").format(
                    date=f"{day} {MONTHS[_shown_language()][month - 1]} {year}"
                )
            ) from None
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _shown_language() -> str:
    return i18n.language() if i18n.language() in MONTHS else "fr"


def parse_date(text: str) -> str:
    """The stored form (partial ISO) of a typed date; raise :class:`DateInputError`."""
    raw = text.strip()
    if len(raw) > LONGEST_INPUT:
        raise _unreadable(raw)
    iso = _ISO.fullmatch(raw)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
        assert year is not None
        return _checked(year, month, day)
    numeric = _NUMERIC.fullmatch(raw.replace(" ", ""))
    if numeric:
        day_text, month_text, year_text, month_only, year_of_month = numeric.groups()
        if month_only:
            return _checked(int(year_of_month), int(month_only), None)
        return _checked(_full_year(year_text), int(month_text), int(day_text))
    return _parse_words(raw)


def _parse_words(raw: str) -> str:
    """ "7 juin 2027", "1er juin 2027", "juin 2027", "June 7, 2027", "7 June 2027"."""
    words = _WORDS.findall(fold(raw))
    if "".join(words) != re.sub(r"[\s,.]", "", fold(raw)):  # something else than words
        raise _unreadable(raw)
    numbers = [w for w in words if w[0].isdigit()]
    names = [w for w in words if not w[0].isdigit()]
    if len(names) != 1 or not 1 <= len(numbers) <= 2:
        raise _unreadable(raw)
    month = _month_named(names[0])
    if month is None:
        raise DateInputError(
            _("mois inconnu : « {word} » dans « {text} »").format(word=names[0], text=raw)
        )
    years = [i for i, w in enumerate(numbers) if len(w) == 4 and w.isdigit()]
    if not years:
        raise DateInputError(
            _("année manquante dans « {text} » (par exemple 7 juin 2027)").format(text=raw)
        )
    year = int(numbers[years[-1]])
    days = [w for i, w in enumerate(numbers) if i != years[-1]]
    if not days:
        return _checked(year, month, None)
    day_text = days[0].removesuffix("er")
    if not day_text.isdigit() or len(day_text) > 2:
        raise _unreadable(raw)
    return _checked(year, month, int(day_text))


def format_date(value: str | None, language: str | None = None) -> str:
    """ "7 juin 2027", "1er juin 2027", "juin 2027", "2027"; in English "7 June 2027".

    ``language`` defaults to the interface's; a text that is no stored date is shown as is.
    """
    if not value:
        return ""
    language = language or _shown_language()
    if language == "fr":
        return format_partial_date_fr(value)
    try:
        year, month, day = parse_partial_date(value)
    except ValueError:
        return value
    if month and day:
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    if month:
        return f"{MONTHS_EN[month - 1]} {year}"
    return str(year)


def parse_time(text: str) -> str:
    """ "8h", "8 h 30", "8:30", "08:30", "8.30" → "08:30"; raise :class:`DateInputError`."""
    raw = text.strip().lower()
    match = _TIME.fullmatch(raw) if len(raw) <= LONGEST_INPUT else None
    if match is None or (":" not in raw and "h" not in raw and "." not in raw and len(raw) > 2):
        shown = raw if len(raw) <= LONGEST_INPUT else raw[:LONGEST_INPUT] + "…"
        raise DateInputError(
            _("heure invalide : « {text} » (par exemple 8h, 8 h 30 ou 08:30)").format(text=shown)
        )
    hours, minutes = match.groups()
    return f"{int(hours):02d}:{int(minutes or 0):02d}"


def format_moment(moment: dt.datetime, language: str | None = None) -> str:
    """ "02/12/2026 à 10:12" (local time), "02/12/2026 at 10:12" in English: when a copy
    was made or a file written, in messages and lists."""
    language = language or _shown_language()
    local = moment.astimezone() if moment.tzinfo else moment
    if language == "fr":
        return local.strftime("%d/%m/%Y à %H:%M")
    return local.strftime("%d/%m/%Y at %H:%M")
