"""Finding a delegation from what a person typed: its id, or its title ("mission rimouski").

Why: ``relations-app briefing DELEGATION`` names a delegation by id (as the JSON export
and the window show it) or by a title typed without accents or case.  The matching rules
are :mod:`.lookup`'s; the messages say which delegations were meant or come close.
"""

from __future__ import annotations

from ..db.models import Delegation
from ..errors import UserError
from ..text import fold, format_partial_date_fr
from .lookup import Candidate, NoMatch, SeveralMatches, match_one


class UnknownDelegationError(UserError, LookupError):
    """No delegation has that id or title; the message suggests close titles."""


class AmbiguousDelegationError(UserError, LookupError):
    """Several delegations answer to that title; the message lists them."""


def _candidate(d: Delegation) -> Candidate:
    when = format_partial_date_fr(d.start) if d.start else "sans date"
    return Candidate(d.id, (d.title,), f"{d.title} ({when})")


def find_delegation(text: str) -> dict:
    """The one delegation ``text`` designates: ``{"id", "title"}``.

    An exact id wins; then the title, as :func:`.lookup.match_one` matches names.
    Raises :class:`UnknownDelegationError` or :class:`AmbiguousDelegationError`.
    """
    wanted = (text or "").strip()
    by_id = Delegation.get_or_none(Delegation.id == wanted) if wanted else None
    if by_id is not None:
        return {"id": by_id.id, "title": by_id.title}
    everyone = list(
        Delegation.select(Delegation.id, Delegation.title, Delegation.start).order_by(
            Delegation.sort_key, Delegation.start
        )
    )
    try:
        found = match_one(text or "", [_candidate(d) for d in everyone])
    except SeveralMatches as many:
        raise AmbiguousDelegationError(
            f"« {wanted} » désigne plusieurs délégations : {many.listed()} ; "
            "précisez le titre ou donnez l'identifiant."
        ) from None
    except NoMatch as none:
        if not fold(text):
            raise UnknownDelegationError(
                "indiquez l'identifiant ou le titre d'une délégation."
            ) from None
        hint = f" Titres proches : {', '.join(none.suggestions)}." if none.suggestions else ""
        raise UnknownDelegationError(
            f"aucune délégation n'a pour identifiant ou pour titre « {wanted} ».{hint}"
        ) from None
    return {"id": found.id, "title": found.name}
