"""Matching the rows of a contacts spreadsheet against the database, in memory.

:class:`ExistingIndex` reads the existing contacts (a few columns each, one statement),
organisations and diplomatic posts once; each row is then matched without a query: the
look-alike contacts by the rules of the "Doublons possibles" view
(:class:`relations_app.services.duplicates.LookAlikes`: the same folded name, e-mail or
phone) or by a very close name, and the organisation cell to an organisation or a post,
else to the organisation it looks like (the same folded name without "(ACRONYM)", the
same acronym).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db.models import Contact, Organisation
from ..i18n import _
from ..services import posts
from ..services.duplicates import (
    REASONS,
    LookAlike,
    LookAlikes,
    contact_keys,
    organisation_keys,
)
from ..text import fold
from .common import SIMILAR_NAME_RATIO, name_similarity


@dataclass(frozen=True)
class DuplicateCandidate:
    contact_id: str
    name: str
    email: str | None
    reason: str  # French: "même courriel", "même nom", "nom très proche à 92 %"
    exact_email: bool
    score: float

    def flag(self) -> str:
        """ "ressemble à Noémie Giguère (même courriel)"."""
        return _("ressemble à {name} ({reason})").format(name=self.name, reason=self.reason)


class ExistingIndex:
    """The existing contacts (a few columns each, one statement), organisations and posts,
    read once; a whole file is then matched in memory."""

    def __init__(self) -> None:
        rows = list(
            Contact.select(
                Contact.id, Contact.family_name, Contact.given_name, Contact.email, Contact.phone
            ).tuples()
        )
        self.emails = {record_id: email for record_id, _f, _g, email, _p in rows}
        self.look_alikes = LookAlikes(
            "contacts",
            (
                (i, f"{given} {family}".strip(), contact_keys(family, given, email, phone))
                for i, family, given, email, phone in rows
            ),
        )
        #: for a very close name: the contacts of the same folded given name and the same
        #: first letters of the family name (a typo further on: "Vaillan", "Vaillant")
        self.near: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for record_id, family, given, _email, _phone in rows:
            self.near.setdefault(_near_key(family, given), []).append(
                (record_id, family, given or "")
            )
        self.organisations: dict[str, str] = {}
        orgs = list(
            Organisation.select(
                Organisation.id, Organisation.name, Organisation.acronym, Organisation.website
            )
            .order_by(Organisation.sort_key, Organisation.id)  # the list's order: first wins
            .tuples()
        )
        for org_id, name, acronym, _website in orgs:
            self.organisations.setdefault(fold(name), org_id)
            if acronym:
                self.organisations.setdefault(fold(acronym), org_id)
        #: the organisations by the "Doublons possibles" keys (name without its acronym…)
        self.organisation_look_alikes = LookAlikes(
            "organisations",
            ((i, name, organisation_keys(name, acronym, site)) for i, name, acronym, site in orgs),
        )
        self.posts = {fold(p["name"]): p["id"] for p in posts.list_posts().rows}

    def place(self, name: str) -> tuple[str | None, str | None]:
        """(organisation id, post id) that ``name`` designates; an organisation wins."""
        if not name:
            return None, None
        key = fold(name)
        found = self.organisations.get(key)
        return (found, None) if found else (None, self.posts.get(key))

    def organisation_look_alike(self, name: str) -> LookAlike | None:
        """The existing organisation a name that names none looks like ("Technopole
        Maritime du Québec" for "Technopole maritime du Québec (TMQ)"), or None."""
        found = self.organisation_look_alikes.find_organisation(name) if name else []
        return found[0] if found else None

    def duplicates(
        self, family: str, given: str, email: str | None, phone: str | None = None
    ) -> list[DuplicateCandidate]:
        found: dict[str, DuplicateCandidate] = {}
        for match in self.look_alikes.find_contact(family, given, email, phone):
            found[match.record_id] = DuplicateCandidate(
                match.record_id,
                match.label,
                self.emails.get(match.record_id),
                _(REASONS[match.reason][0]),
                match.reason == "email",
                1.0 if match.reason == "email" else match.score,
            )
        for record_id, other_family, other_given in self.near.get(_near_key(family, given), ()):
            if record_id in found:
                continue
            score = name_similarity(family, given, other_family, other_given)
            if score >= SIMILAR_NAME_RATIO:
                name = f"{other_given} {other_family}".strip()
                reason = _("nom très proche à {percent} %").format(percent=round(score * 100))
                found[record_id] = DuplicateCandidate(
                    record_id, name, self.emails.get(record_id), reason, False, score * 0.85
                )
        return sorted(found.values(), key=lambda c: (not c.exact_email, -c.score))


def _near_key(family: str | None, given: str | None) -> tuple[str, str]:
    return fold(given or ""), fold(family or "")[:4]
