"""French formatting of numbers, amounts, periods and distances for printed documents.

Plain Python (no ReportLab), so the window and the tests can use it too.  French
typography: digits grouped by three with a narrow no-break space (U+202F), "12 000 €",
a decimal comma, "–" between the two ends of a period.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..text import format_partial_date_fr

NNBSP = "\u202f"  # narrow no-break space: thousands separator, before "€"
NBSP = "\u00a0"


def format_int(value: int) -> str:
    """49400 → "49 400" (narrow no-break spaces)."""
    sign = "\u2212" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", NNBSP)


def format_amount(value: Decimal | int | str) -> str:
    """Decimal("12000.00") → "12 000 €"; cents only when there are some ("12 000,50 €")."""
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    units = int(amount)
    cents = abs(amount - units) * 100
    text = format_int(units)
    if cents:
        text += f",{int(cents):02d}"
    return f"{text}{NNBSP}€"


def format_population(
    population: int | None, year: int | None = None, note: str | None = None
) -> str:
    """ "49 400 habitants (2016)"; the source's own wording when it is approximate.

    "plus de 8 millions" stands for itself (the exact figure would claim a precision the
    source does not have), and says what it counts: "plus de 8 millions d'habitants".
    """
    if note:
        text = note.strip()
        if "habitant" not in text:
            last = text.rsplit(" ", 1)[-1]
            if last in ("millions", "million", "milliers", "milliards"):
                text += " d'habitants"
            elif last[-1:].isdigit():
                text += " habitants"
    elif population is not None:
        text = f"{format_int(population)} habitants"
    else:
        return ""
    return f"{text} ({year})" if year else text


def format_period(start: str | None, end: str | None) -> str:
    """ "2011–2012", "2017 – 31 décembre 2018", "depuis 2011", "jusqu'au 31 décembre 2018"."""
    first, last = format_partial_date_fr(start), format_partial_date_fr(end)
    if first and last:
        if first == last:
            return first
        if first.isdigit() and last.isdigit():  # two years: "2011–2012"
            return f"{first}–{last}"
        return f"{first}{NBSP}– {last}"
    if first:
        return ("depuis le " if first[0].isdigit() and not first.isdigit() else "depuis ") + first
    if last:
        return ("jusqu'au " if last[0].isdigit() and not last.isdigit() else "jusqu'en ") + last
    return ""


#: What a country calls the subdivision a partner's ``region`` names, for its label in
#: print ("Land : Schleswig-Holstein", "État : Colorado"); elsewhere "Région".
SUBDIVISIONS = {
    "DE": "Land",
    "AT": "Land",
    "US": "État",
    "MX": "État",
    "BR": "État",
    "AU": "État",
    "IN": "État",
    "CA": "Province",
    "CN": "Province",
    "VN": "Province",
    "KR": "Province",
    "NL": "Province",
    "JP": "Préfecture",
    "GB": "Comté",
    "IE": "Comté",
    "ES": "Communauté autonome",
    "CH": "Canton",
    "PL": "Voïvodie",
    "RO": "Județ",
    "DZ": "Wilaya",
}


def subdivision_label(country: str | None) -> str:
    """ "Land" for Germany, "État" for the United States…, "Région" where none is known."""
    return SUBDIVISIONS.get((country or "").upper(), "Région")


def format_distance(km: float) -> str:
    """Rounded as a reader quotes it: "480 km", "1 210 km" (to 10 km from 100 km up)."""
    if km < 100:
        return f"{round(km)}{NBSP}km"
    return f"{format_int(int(round(km, -1)))}{NBSP}km"
