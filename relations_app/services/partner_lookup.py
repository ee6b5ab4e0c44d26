"""Finding a partner from a name a person typed: "kiel", "Constanta", "Cádiz", "Veracruz".

Why: the command line (``relations-app factsheet NAME``) names partners the way people
write them, without accents or with another spelling.  A name matches, accent- and
case-insensitively, the partner's name, its local name or one of its other spellings;
failing that, a unique partial match is accepted.  An unknown or ambiguous name is a
:class:`~relations_app.errors.UserError` whose French message lists the close matches.
"""

from __future__ import annotations

import difflib

from ..countries import country_name
from ..errors import UserError
from ..models import Partner
from ..text import fold

MAX_SUGGESTIONS = 5


class UnknownPartnerError(UserError, LookupError):
    """No partner has that name; the message suggests close names."""


class AmbiguousPartnerError(UserError, LookupError):
    """Several partners answer to that name; the message lists them."""


def _names(p: Partner) -> list[str]:
    return [n for n in (p.name, p.local_name, *p.aliases.split("\n")) if n]


def _label(p: Partner) -> str:
    return f"{p.name} ({country_name(p.country)})"


def find_partner(name: str) -> dict:
    """The one partner called ``name``: ``{"id", "name", "country"}``.

    Raises :class:`UnknownPartnerError` or :class:`AmbiguousPartnerError`.
    """
    wanted = fold(name)
    if not wanted:
        raise UnknownPartnerError("indiquez le nom d'un partenaire.")
    everyone = list(Partner.select(Partner.id, Partner.name, Partner.local_name, Partner.aliases,
                                   Partner.country).order_by(Partner.sort_key))
    folded = {p.id: [fold(n) for n in _names(p)] for p in everyone}
    exact = [p for p in everyone if wanted in folded[p.id]]
    partial = [p for p in everyone if any(wanted in n for n in folded[p.id])]
    for found in (exact, partial):
        if len(found) == 1:
            p = found[0]
            return {"id": p.id, "name": p.name, "country": p.country}
        if len(found) > 1:
            listed = ", ".join(_label(p) for p in found[:10])
            more = f" et {len(found) - 10} autres" if len(found) > 10 else ""
            raise AmbiguousPartnerError(
                f"« {name.strip()} » désigne plusieurs partenaires : {listed}{more} ; "
                "précisez le nom."
            )
    by_name = {n: p for p in everyone for n in folded[p.id]}
    close = difflib.get_close_matches(wanted, list(by_name), n=MAX_SUGGESTIONS * 2, cutoff=0.6)
    suggestions = list(dict.fromkeys(by_name[n].name for n in close))[:MAX_SUGGESTIONS]
    hint = f" Noms proches : {', '.join(suggestions)}." if suggestions else ""
    raise UnknownPartnerError(f"aucun partenaire ne s'appelle « {name.strip()} ».{hint}")
