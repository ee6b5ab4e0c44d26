"""What the data checks read (:mod:`relations_app.checks`), as plain values.

The checks decide what deserves a warning; the queries behind them live here, with the
other services, so that the checks stay rules over plain values and no module outside
the services builds its own queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import peewee as pw

from ..db.models import Consulate, Contact, Partner, Programme
from ..i18n import _

#: Rows taken from a cursor at a time where a check reads a whole table.
ROWS_AT_ONCE = 2000


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


@dataclass(frozen=True)
class EmailOwner:
    """An e-mail address and whose it is: a consulate (its country) or a contact."""

    email: str
    collection: str  # "consulates" or "contacts"
    id: str
    given: str = ""
    family: str = ""
    country: str = ""

    @property
    def own_name(self) -> str:
        """The owner's own name ("" for a consulate): words an address may well contain."""
        return f"{self.given} {self.family}" if self.collection == "contacts" else ""

    def describe(self) -> str:
        """ "Consulat (DE)", "Contact Maria Dupont": who the warning is about."""
        if self.collection == "consulates":
            return _("Consulat ({country})").format(country=self.country)
        return _("Contact {name}").format(name=self.own_name.strip())


def email_owners() -> Iterator[tuple]:
    """(address, collection, id, given name, family name, country) for every consulate and
    contact that has an e-mail address: plain rows straight from the cursor, read as they
    are used (a million contacts held at once took 300 MB; see :class:`EmailOwner` for one
    of them in words)."""
    consulates = Consulate.select(
        Consulate.email,
        pw.Value("consulates"),
        Consulate.id,
        pw.Value(""),
        pw.Value(""),
        Consulate.country,
    ).where(Consulate.email.is_null(False) & (Consulate.email != ""))
    people = Contact.select(
        Contact.email,
        pw.Value("contacts"),
        Contact.id,
        Contact.given_name,
        Contact.family_name,
        pw.Value(""),
    ).where(Contact.email.is_null(False) & (Contact.email != ""))
    database = Contact._meta.database
    for query in (consulates, people):
        cursor = database.execute(query)
        while rows := cursor.fetchmany(ROWS_AT_ONCE):
            yield from rows


def consulate_phones() -> list[ConsulatePhone]:
    """Consulates that have a phone number, by country."""
    query = Consulate.select(
        Consulate.country, Consulate.phone, Consulate.address, Consulate.id
    ).order_by(Consulate.country)
    return [ConsulatePhone(c.country, c.phone, c.address, c.id) for c in query if c.phone]
