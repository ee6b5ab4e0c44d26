"""Countries: ISO 3166-1 alpha-2 codes, shown with their French names (pycountry)."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry


@lru_cache(maxsize=4)
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def is_country_code(code: str) -> bool:
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


def country_name(code: str | None, language: str = "fr") -> str:
    """The country's common name in ``language`` ("DE" → "Allemagne"); the code if unknown."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    translated = _translation(language).gettext(name)
    if translated == name and name != country.name:
        translated = _translation(language).gettext(country.name)
    return translated


@lru_cache(maxsize=4)
def all_countries(language: str = "fr") -> tuple[tuple[str, str], ...]:
    """(code, name) pairs sorted by name in ``language``."""
    from .text import fold

    pairs = [(c.alpha_2, country_name(c.alpha_2, language)) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda p: fold(p[1])))
