"""Finding a partner from a name a person typed: "kiel", "Constanta", "Cádiz", "Veracruz".

Why: the command line (``relations-app factsheet NAME``) names partners the way people
write them, without accents or with another spelling.  A name matches, accent- and
case-insensitively, the partner's name, its local name or one of its other spellings;
failing that, a unique partial match is accepted (the rules of :mod:`.lookup`).  An unknown
or ambiguous name is a :class:`~relations_app.errors.UserError` whose French message lists
the close matches.
"""

from __future__ import annotations

from ..countries import country_name
from ..db.models import Partner
from ..errors import UserError
from ..text import fold
from .lookup import Candidate, NoMatch, SeveralMatches, match_one


class UnknownPartnerError(UserError, LookupError):
    """No partner has that name; the message suggests close names."""


class AmbiguousPartnerError(UserError, LookupError):
    """Several partners answer to that name; the message lists them."""


def _candidate(p: Partner) -> Candidate:
    names = tuple(n for n in (p.name, p.local_name, *p.aliases.split("\n")) if n)
    return Candidate(p.id, names, f"{p.name} ({country_name(p.country)})")


def find_partner(name: str) -> dict:
    """The one partner called ``name``: ``{"id", "name", "country"}``.

    Raises :class:`UnknownPartnerError` or :class:`AmbiguousPartnerError`.
    """
    everyone = list(
        Partner.select(
            Partner.id, Partner.name, Partner.local_name, Partner.aliases, Partner.country
        ).order_by(Partner.sort_key)
    )
    try:
        found = match_one(name, [_candidate(p) for p in everyone])
    except SeveralMatches as many:
        raise AmbiguousPartnerError(
            f"« {name.strip()} » désigne plusieurs partenaires : {many.listed()} ; précisez le nom."
        ) from None
    except NoMatch as none:
        if not fold(name):
            raise UnknownPartnerError("indiquez le nom d'un partenaire.") from None
        hint = f" Noms proches : {', '.join(none.suggestions)}." if none.suggestions else ""
        raise UnknownPartnerError(
            f"aucun partenaire ne s'appelle « {name.strip()} ».{hint}"
        ) from None
    partner = next(p for p in everyone if p.id == found.id)
    return {"id": partner.id, "name": partner.name, "country": partner.country}
