"""Records that look like the same one entered twice ("Noémie Giguère" and "Noemie Giguere").

Imports create near-duplicates: a contact with and without accents, or with two e-mail
addresses but one phone; "Technopole Maritime du Québec" and "Technopole maritime du
Québec (TMQ)"; a partner under its local name.  Each kind is read once, a few columns per
row (a quarter-million contacts in a second or two), grouped in memory by a folded key:

- contacts: the folded full name, the e-mail address, the telephone number (its digits);
- organisations: the folded name without a trailing "(ACRONYM)", the acronym, the website's
  domain;
- partners: any of their names (name, local name, other spellings), in the same country.

A group of records sharing a key gives one pair per neighbour (sorted by id), so a common
name shared by many people does not give thousands of pairs.  A pair found by several keys
keeps the strongest reason; the score says how sure the match is (an e-mail shared: 0.95).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from ..db.models import Contact, Organisation, Partner
from ..i18n import N_
from ..text import fold

#: Why two records look alike, its French words and how sure it makes the match.
#: (The words are French; ``_()`` gives them in the interface's language.)
REASONS = {
    "email": (N_("même courriel"), 0.95),
    "name": (N_("même nom"), 0.9),
    "acronym": (N_("même sigle"), 0.7),
    "website": (N_("même site web"), 0.85),
    "phone": (N_("même téléphone"), 0.8),
    "other_name": (N_("même nom (autre graphie)"), 0.85),
}
KINDS = ("contacts", "organisations", "partners")
_ACRONYM = re.compile(r"\s*\(([^)]{1,15})\)\s*$")


@dataclass(frozen=True)
class Pair:
    """Two records that may be one."""

    collection: str
    first_id: str
    first_label: str
    second_id: str
    second_label: str
    reason: str  # a key of REASONS
    score: float

    @property
    def reason_fr(self) -> str:
        return REASONS[self.reason][0]


def _pairs(
    collection: str,
    rows: Iterable[tuple[str, str, Iterable[tuple[str, str]]]],
) -> list[Pair]:
    """``rows``: (id, label, [(reason, key)…]); neighbours in each group become pairs."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for record_id, label, keys in rows:
        for reason, key in keys:
            if key:
                groups.setdefault((reason, key), []).append((record_id, label))
    found: dict[tuple[str, str], Pair] = {}
    for (reason, _key), members in groups.items():
        if len(members) < 2:
            continue
        members.sort()
        score = REASONS[reason][1]
        for (a, a_label), (b, b_label) in pairwise(members):
            if a == b:
                continue
            known = found.get((a, b))
            if known is None or known.score < score:
                found[(a, b)] = Pair(collection, a, a_label, b, b_label, reason, score)
    return sorted(found.values(), key=lambda p: (-p.score, fold(p.first_label), p.first_id))


def phone_key(phone: str | None) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-9:] if len(digits) >= 8 else ""


def contact_keys(
    family: str | None, given: str | None, email: str | None, phone: str | None
) -> list[tuple[str, str]]:
    """The keys two contacts that look alike share: (reason, key), empty keys included."""
    return [
        ("email", (email or "").strip().casefold()),
        ("name", fold(f"{given or ''} {family or ''}".strip())),
        ("phone", phone_key(phone)),
    ]


def _contacts() -> list[Pair]:
    query = Contact.select(
        Contact.id, Contact.family_name, Contact.given_name, Contact.email, Contact.phone
    ).tuples()

    def rows() -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
        for record_id, family, given, email, phone in query.iterator():
            label = f"{given} {family}".strip()
            yield record_id, label, contact_keys(family, given, email, phone)

    return _pairs("contacts", rows())


def _domain(website: str | None) -> str:
    if not website:
        return ""
    host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
    return host.removeprefix("www.")


def organisation_keys(
    name: str | None, acronym: str | None, website: str | None
) -> list[tuple[str, str]]:
    """The keys two organisations that look alike share: (reason, key)."""
    bare = _ACRONYM.sub("", name or "")
    inside = _ACRONYM.search(name or "")
    sigle = fold(acronym or (inside.group(1) if inside else ""))
    return [("name", fold(bare)), ("acronym", sigle), ("website", _domain(website))]


def _organisations() -> list[Pair]:
    query = Organisation.select(
        Organisation.id, Organisation.name, Organisation.acronym, Organisation.website
    ).tuples()

    def rows() -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
        for record_id, name, acronym, website in query.iterator():
            yield record_id, name, organisation_keys(name, acronym, website)

    return _pairs("organisations", rows())


def partner_keys(
    name: str | None, local: str | None, aliases: Iterable[str], country: str | None
) -> list[tuple[str, str]]:
    """The keys two partners that look alike share: any of their names, in one country."""
    keys = [("name", f"{country}|{fold(name or '')}")]
    for other in (local, *aliases):
        if other and fold(other) != fold(name or ""):
            keys.append(("other_name", f"{country}|{fold(other)}"))
    # a partner's other spelling may be another partner's name
    keys += [("other_name", f"{country}|{fold(name or '')}")]
    return keys


def _partner_rows() -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    query = Partner.select(
        Partner.id, Partner.name, Partner.local_name, Partner.aliases, Partner.country
    ).tuples()
    for record_id, name, local, aliases, country in query.iterator():
        yield record_id, name, partner_keys(name, local, (aliases or "").split("\n"), country)


def _partners() -> list[Pair]:
    return _pairs("partners", _partner_rows())


FINDERS: dict[str, Callable[[], list[Pair]]] = {
    "contacts": _contacts,
    "organisations": _organisations,
    "partners": _partners,
}


def find_duplicates(what: str | None = None) -> list[Pair]:
    """The possible duplicates of one kind (``what``) or of all three, surest first."""
    kinds = [what] if what else list(KINDS)
    found: list[Pair] = []
    for kind in kinds:
        found.extend(FINDERS[kind]())
    return found


# -- look-alikes of records about to be created (the imports' previews) -------------------


@dataclass(frozen=True)
class LookAlike:
    """An existing record that a record about to be created looks like."""

    record_id: str
    label: str
    reason: str  # a key of REASONS (its words: REASONS[reason][0])
    score: float


class LookAlikes:
    """The existing records of one kind by the keys of :data:`FINDERS`' rules, read once
    (one statement, a few columns a row) so that a whole file is matched in memory."""

    def __init__(self, collection: str, rows: Iterable[tuple[str, str, Iterable]]) -> None:
        self.collection = collection
        self.labels: dict[str, str] = {}
        self.by_key: dict[tuple[str, str], list[str]] = {}
        for record_id, label, keys in rows:
            self.labels[record_id] = label
            for reason, key in keys:
                if key:
                    self.by_key.setdefault((reason, key), []).append(record_id)

    @classmethod
    def contacts(cls) -> LookAlikes:
        query = Contact.select(
            Contact.id, Contact.family_name, Contact.given_name, Contact.email, Contact.phone
        ).tuples()
        return cls(
            "contacts",
            (
                (i, f"{given} {family}".strip(), contact_keys(family, given, email, phone))
                for i, family, given, email, phone in query.iterator()
            ),
        )

    @classmethod
    def organisations(cls) -> LookAlikes:
        query = Organisation.select(
            Organisation.id, Organisation.name, Organisation.acronym, Organisation.website
        ).tuples()
        return cls(
            "organisations",
            (
                (i, name, organisation_keys(name, acronym, website))
                for i, name, acronym, website in query.iterator()
            ),
        )

    @classmethod
    def partners(cls) -> LookAlikes:
        return cls("partners", _partner_rows())

    @classmethod
    def of(cls, collection: str) -> LookAlikes:
        """The index of ``collection``: "contacts", "organisations" or "partners"."""
        return {"contacts": cls.contacts, "organisations": cls.organisations}.get(
            collection, cls.partners
        )()

    def find(self, keys: Iterable[tuple[str, str]]) -> list[LookAlike]:
        """The records sharing one of ``keys``, each with its strongest reason, surest
        first."""
        found: dict[str, LookAlike] = {}
        for reason, key in keys:
            if not key:
                continue
            score = REASONS[reason][1]
            for record_id in self.by_key.get((reason, key), ()):
                known = found.get(record_id)
                if known is None or known.score < score:
                    found[record_id] = LookAlike(record_id, self.labels[record_id], reason, score)
        return sorted(found.values(), key=lambda m: (-m.score, fold(m.label), m.record_id))

    def find_contact(
        self, family: str | None, given: str | None, email: str | None, phone: str | None
    ) -> list[LookAlike]:
        return self.find(contact_keys(family, given, email, phone))

    def find_organisation(
        self, name: str | None, acronym: str | None = None, website: str | None = None
    ) -> list[LookAlike]:
        return self.find(organisation_keys(name, acronym, website))

    def find_record(self, record: dict) -> list[LookAlike]:
        """The look-alikes of a record of this index's collection (its cleaned fields)."""
        if self.collection == "contacts":
            return self.find_contact(
                record.get("family_name"),
                record.get("given_name"),
                record.get("email"),
                record.get("phone"),
            )
        if self.collection == "organisations":
            return self.find_organisation(
                record.get("name"), record.get("acronym"), record.get("website")
            )
        return self.find(
            partner_keys(
                record.get("name"),
                record.get("local_name"),
                record.get("aliases") or (),
                record.get("country"),
            )
        )
