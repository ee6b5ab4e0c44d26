"""What the data checks read (:mod:`relations_app.checks`), as plain values.

The checks decide what deserves a warning; the queries behind them live here, with the
other services, so that the checks stay rules over plain values and no module outside
the services builds its own queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db.models import Consulate, Contact, Partner, Programme
from ..i18n import _


@dataclass(frozen=True)
class Dated:
    title: str
    end: str  # a partial date: "2024", "2024-06" or "2024-06-30"
    id: str = ""  # the programme (a warning links to it)


@dataclass(frozen=True)
class ConsulatePhone:
    country: str
    phone: str
    address: str
    id: str = ""


def ongoing_programmes_with_end() -> list[Dated]:
    """Programmes marked "ongoing" that have an end date, earliest end first."""
    query = (
        Programme.select(Programme.id, Programme.title, Programme.end)
        .where((Programme.status == "ongoing") & Programme.end.is_null(False))
        .order_by(Programme.end)
    )
    return [Dated(p.title, p.end, p.id) for p in query]


def partner_count(kind: str | None = None) -> int:
    """How many partners there are (of ``kind``, if given)."""
    query = Partner.select()
    if kind is not None:
        query = query.where(Partner.kind == kind)
    return query.count()


def partner_names() -> list[str]:
    return [p.name for p in Partner.select(Partner.name)]


def partner_spellings() -> list[tuple[str, str, list[str]]]:
    """(name, country, aliases) of every partner."""
    query = Partner.select(Partner.name, Partner.country, Partner.aliases).order_by(Partner.name)
    return [(p.name, p.country, [a for a in p.aliases.splitlines() if a.strip()]) for p in query]


def email_owners() -> list[tuple[str, str, str, tuple[str, str]]]:
    """(who, address, the owner's own name, (collection, id)) for every consulate and
    contact that has an e-mail address (plain tuples: a quarter of a million contacts)."""
    consulates = (
        Consulate.select(Consulate.country, Consulate.email, Consulate.id)
        .where(Consulate.email.is_null(False) & (Consulate.email != ""))
        .tuples()
    )
    people = (
        Contact.select(Contact.given_name, Contact.family_name, Contact.email, Contact.id)
        .where(Contact.email.is_null(False) & (Contact.email != ""))
        .tuples()
    )
    consulate, contact = _("Consulat ({country})"), _("Contact {name}")
    return [
        (consulate.format(country=country), email, "", ("consulates", key))
        for country, email, key in consulates
    ] + [
        (
            contact.format(name=f"{given} {family}".strip()),
            email,
            f"{given} {family}",
            ("contacts", key),
        )
        for given, family, email, key in people
    ]


def consulate_phones() -> list[ConsulatePhone]:
    """Consulates that have a phone number, by country."""
    query = Consulate.select(
        Consulate.country, Consulate.phone, Consulate.address, Consulate.id
    ).order_by(Consulate.country)
    return [ConsulatePhone(c.country, c.phone, c.address, c.id) for c in query if c.phone]
