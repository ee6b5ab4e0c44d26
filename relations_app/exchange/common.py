"""What the export and import modules share: the error type, atomic writes, cell escaping,
name matching.

Spreadsheets evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some also
one that starts with a tab or a carriage return) as a formula: a contact named
``=HYPERLINK(…)`` would run when the export is opened.  Every text cell written to CSV is
therefore prefixed with a single quote (:func:`escape_formula`); XLSX cells are typed as
strings instead.  On import, the quote we added is taken off again (:func:`unescape_formula`)
and the text is stored as it is, never evaluated.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

from ..countries import all_countries, is_country_code
from ..errors import UserError
from ..text import fold

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Two folded names at least this similar (difflib ratio) are "very close".
SIMILAR_NAME_RATIO = 0.9


class ExchangeError(UserError, ValueError):
    """An export or import that cannot be done; the message is French and names the place."""


def escape_formula(text: str) -> str:
    """``text`` made inert for a spreadsheet: a leading quote before a formula character."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula` (only the quote it adds; other quotes stay)."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def name_key(family: str | None, given: str | None) -> str:
    """The folded "family given" used to compare people."""
    return fold(f"{family or ''} {given or ''}")


def name_similarity(family_a: str, given_a: str, family_b: str, given_b: str) -> float:
    """How close two people's names are, 0…1 (1: equal once folded, in either order)."""
    a = name_key(family_a, given_a)
    if not a:
        return 0.0
    best = 0.0
    for b in (name_key(family_b, given_b), name_key(given_b, family_b)):
        if not b:
            continue
        if a == b:
            return 1.0
        best = max(best, difflib.SequenceMatcher(None, a, b).ratio())
    return best


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 contact", "3 contacts" (French: 0 and 1 take the singular)."""
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def country_code(text: str | None) -> str | None:
    """An ISO code from "CA", "Canada", "Allemagne" or "Germany"; None when unknown."""
    text = (text or "").strip()
    if not text:
        return None
    if is_country_code(text.upper()):
        return text.upper()
    key = fold(text)
    return _country_names().get(key) or _country_names().get(key.replace("-", " "))


#: Usual names that pycountry spells otherwise ("Viet Nam", "Tchéquie"…).
COUNTRY_ALIASES = {
    "vietnam": "VN",
    "coree du sud": "KR",
    "coree du nord": "KP",
    "russie": "RU",
    "etats unis": "US",
    "usa": "US",
    "royaume uni": "GB",
    "angleterre": "GB",
    "ecosse": "GB",
    "pays de galles": "GB",
    "republique tcheque": "CZ",
    "tchequie": "CZ",
    "palestine": "PS",
    "syrie": "SY",
    "iran": "IR",
    "bolivie": "BO",
    "venezuela": "VE",
    "tanzanie": "TZ",
    "moldavie": "MD",
    "laos": "LA",
    "cap vert": "CV",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("fr", "en"):
        for code, name in all_countries(language):
            names.setdefault(fold(name), code)
            names.setdefault(fold(name.split(" (")[0]), code)
    for alias, code in COUNTRY_ALIASES.items():
        names.setdefault(alias, code)
    return {key.replace("-", " "): code for key, code in names.items()} | names
