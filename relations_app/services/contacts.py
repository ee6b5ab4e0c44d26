"""Contacts: people on either side, with the positions they held over time."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import Any

from ..db.models import Contact, DiplomaticPost, Organisation, PartnerContact, Position
from ..i18n import _
from ..photos import photo_problem
from ..records import declared as records
from ..text import dates_in_order, search_blob
from ..validation import Field, ValidationError
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page
from .shapes import ListField

FIELDS = (
    Field("family_name", "Nom", required=True),
    Field("given_name", "Prénom"),
    Field("email", "Courriel", "email"),
    Field("phone", "Téléphone", "phone"),
    Field("notes", "Notes", "longtext"),
    Field("biography", "Biographie", "longtext"),
    Field("previous_contacts", "Contacts antérieurs avec nous", "longtext"),
    Field("photo", "Photo", "longtext"),  # PNG or JPEG, base64 (see photos.check_photo)
)

POSITIONS = ListField(
    "positions",
    "Fonction",
    (
        Field("function", "Intitulé de la fonction"),
        Field("organisation_id", "Organisation"),
        Field("post_id", "Poste diplomatique"),
        Field("start", "Début", "date"),
        Field("end", "Fin", "date"),
    ),
)

SORT_KEYS = {
    "name": (Contact.sort_key,),
    "given_name": (Contact.given_name, Contact.sort_key),
    "email": (Contact.email, Contact.sort_key),
}


def current_position(positions: list[dict]) -> dict | None:
    """The first position without an end date (the latest-started wins)."""
    current = [p for p in positions if not p.get("end")]
    if not current:
        return None
    return max(current, key=lambda p: p.get("start") or "")


class ContactArea(Area):
    model = Contact
    plain_links = True
    record_type = records.CONTACTS
    fields = FIELDS
    lists = (POSITIONS,)

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        cleaned = super().validate_extra(data)
        if problem := photo_problem(data.get("photo")):
            raise ValidationError("photo", problem, {"photo": "Photo"})
        if data.get("positions") is None and (data.get("function") or data.get("organisation_id")):
            # A reader that only knows one line per person: make it the current position.
            line = {
                "function": data.get("function"),
                "organisation_id": data.get("organisation_id"),
            }
            cleaned["positions"] = [line]
        for index, position in enumerate(cleaned["positions"]):
            if not dates_in_order(position.get("start"), position.get("end")):
                raise ValidationError(
                    f"positions[{index}].end",
                    _("la fin précède le début"),
                    {
                        f"positions[{index}].end": _("Fonction n° {number}, fin").format(
                            number=index + 1
                        )
                    },
                )
        return cleaned

    def to_record(self, c: Contact) -> dict:
        return self._record(
            c,
            c.positions.order_by(Position.position),
            [link.partner_id for link in c.partner_links],
        )

    def records_for(self, instances) -> list[dict]:
        ids = [c.id for c in instances]
        positions: dict[str, list] = {i: [] for i in ids}
        partner_ids: dict[str, list] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for p in (
                Position.select()
                .where(Position.contact.in_(chunk))
                .order_by(Position.contact, Position.position)
            ):
                positions[p.contact_id].append(p)
            for link in PartnerContact.select().where(PartnerContact.contact.in_(chunk)):
                partner_ids[link.contact_id].append(link.partner_id)
        return [self._record(c, positions[c.id], partner_ids[c.id]) for c in instances]

    def _record(self, c: Contact, held, partner_ids) -> dict:
        record = self.scalar_record(c)
        positions = [
            {
                "function": p.function,
                "organisation_id": p.organisation_id,
                "post_id": p.post_id,
                "start": p.start,
                "end": p.end,
            }
            for p in held
        ]
        current = current_position(positions)
        record["function"] = current["function"] if current else None
        record["organisation_id"] = current["organisation_id"] if current else None
        record["partner_ids"] = sorted(partner_ids)
        record["positions"] = positions
        return record

    def search_text(self, c: Mapping[str, Any]) -> str:
        functions = [p.get("function") for p in c.get("positions", ())]
        return search_blob(c.get("given_name"), c["family_name"], c.get("email"), *functions)

    def label_of(self, record: Mapping[str, Any]) -> str:
        return f"{record.get('given_name') or ''} {record.get('family_name') or ''}".strip()

    def sort_text(self, c: Mapping[str, Any]) -> str:
        return f"{c['family_name']} {c.get('given_name') or ''}"

    link_tables = ((Position, "contact"), (PartnerContact, "contact"))

    def link_rows(
        self, record_id: str, c: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type, dict]]:
        for index, p in enumerate(c.get("positions", ())):
            yield (
                Position,
                {
                    "contact": record_id,
                    "function": p.get("function") or "",
                    "organisation": p.get("organisation_id") or None,
                    "post": p.get("post_id") or None,
                    "start": p.get("start"),
                    "end": p.get("end"),
                    "position": index,
                },
            )
        for partner_id in c.get("partner_ids", ()):
            yield PartnerContact, {"contact": record_id, "partner": partner_id}


AREA = ContactArea()


def _row(c: Contact) -> dict:
    return {
        "id": c.id,
        "family_name": c.family_name,
        "given_name": c.given_name,
        "email": c.email,
        "phone": c.phone,
        # The same functions and organisations come back row after row: one string each
        # (a list scrolled to its end holds a quarter-million rows).
        "function": sys.intern(c.current_function or ""),
        "organisation": sys.intern(c.current_organisation or ""),
    }


def list_contacts(
    search: str = "",
    *,
    organisation_id: str | None = None,
    partner_id: str | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    current = (Position.contact == Contact.id) & Position.end.is_null()
    function = (
        Position.select(Position.function).where(current).order_by(Position.start.desc()).limit(1)
    )
    where = (
        Position.select(Organisation.name)
        .join(Organisation)
        .where(current)
        .order_by(Position.start.desc())
        .limit(1)
    )
    post = (
        Position.select(DiplomaticPost.name)
        .join(DiplomaticPost)
        .where(current)
        .order_by(Position.start.desc())
        .limit(1)
    )
    from peewee import fn

    query = Contact.select(  # what a row shows (not the notes), and the current position
        Contact.id,
        Contact.family_name,
        Contact.given_name,
        Contact.email,
        Contact.phone,
        function.alias("current_function"),
        fn.coalesce(where, post).alias("current_organisation"),
    )
    query = apply_search(query, Contact, search)
    if organisation_id:
        query = query.where(
            Contact.id.in_(
                Position.select(Position.contact).where(Position.organisation == organisation_id)
            )
        )
    if partner_id:
        query = query.where(
            Contact.id.in_(
                PartnerContact.select(PartnerContact.contact).where(
                    PartnerContact.partner == partner_id
                )
            )
        )
    query = apply_sort(query, SORT_KEYS, sort, descending, Contact.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_contact(contact_id: str) -> dict:
    return AREA.get(contact_id)


def create_contact(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def update_contact(
    contact_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dict:
    return AREA.update(contact_id, changes, expected_version)


def delete_contact(contact_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(contact_id, expected_version)
