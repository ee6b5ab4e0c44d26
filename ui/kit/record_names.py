"""How the window names record types: from their declarations, in the interface's language.

A record type declares its nouns in French and English (:mod:`relations_app.records`);
the window picks the language it shows, so a new record type needs no catalogue entry.
"""

from __future__ import annotations

from relations_app.records import RECORD_TYPES, Noun

from . import labels


def in_language(fr: str, en: str) -> str:
    """``fr`` in the French interface, ``en`` in the English one."""
    return fr if labels.language() == "fr" else en


def noun(key: str) -> Noun:
    return RECORD_TYPES[key].noun(labels.language())


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def kind(key: str) -> str:
    """ "Partenaire" / "Partner": one record of the type, as a list's Kind column shows it."""
    return _capitalised(noun(key).singular)


def plural_title(key: str) -> str:
    """ "Partenaires" / "Partners": a column or heading over records of the type."""
    return _capitalised(noun(key).plural)


def counted(key: str, count: int) -> str:
    """ "1 partenaire", "0 partenaire", "2 partners": French counts 0 and 1 as singular."""
    words = noun(key)
    one = count < 2 if labels.language() == "fr" else count == 1
    return f"{count} {words.singular if one else words.plural}"
