"""Delegations: visits to or from the home city, with members and agenda."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import AgendaItem, Delegation, DelegationMember, DelegationPartner
from ..text import search_blob
from ..validation import Field
from .base import Area, ListField, Page, apply_search, apply_sort, fetch_page

DIRECTIONS = ("incoming", "outgoing")
DIRECTION_LABELS = {"incoming": "Accueil à Brest", "outgoing": "Mission à l'étranger"}
STATUSES = ("preparation", "confirmed", "done", "cancelled")
STATUS_LABELS = {
    "preparation": "En préparation",
    "confirmed": "Confirmée",
    "done": "Réalisée",
    "cancelled": "Annulée",
}
SIDES = ("home", "partner")

FIELDS = (
    Field("title", "Titre", required=True),
    Field("direction", "Sens", "choice", choices=DIRECTIONS, default="outgoing"),
    Field("status", "Statut", "choice", choices=STATUSES, default="preparation"),
    Field("start", "Début", "date"),
    Field("end", "Fin", "date"),
    Field("objectives", "Objectifs", "longtext"),
    Field("logistics", "Logistique", "longtext"),
    Field("talking_points", "Éléments de langage", "longtext"),
)

MEMBERS = ListField(
    "members",
    "Membre",
    (
        Field("contact_id", "Contact"),
        Field("name", "Nom"),
        Field("function", "Fonction"),
        Field("organisation", "Organisation"),
        Field("side", "Côté", "choice", choices=SIDES, default="home"),
    ),
)
AGENDA = ListField(
    "agenda",
    "Point du programme",
    (
        Field("date", "Date", "date", required=True),
        Field("start_time", "Heure de début", "time"),
        Field("end_time", "Heure de fin", "time"),
        Field("timezone", "Fuseau horaire", "timezone"),
        Field("place", "Lieu"),
        Field("subject", "Objet", required=True),
        Field("people", "Personnes", "longtext"),
    ),
)

SORT_KEYS = {
    "start": (Delegation.start, Delegation.sort_key),
    "title": (Delegation.sort_key,),
    "status": (Delegation.status, Delegation.start),
}


class DelegationArea(Area):
    model = Delegation
    label = "la délégation"
    fields = FIELDS
    lists = (MEMBERS, AGENDA)
    references = {"partner_ids": ("partners", True)}

    def to_record(self, d: Delegation) -> dict:
        record = self.scalar_record(d)
        record["partner_ids"] = [
            link.partner_id for link in d.partner_links.order_by(DelegationPartner.position)
        ]
        record["members"] = [
            {
                "contact_id": m.contact_id,
                "name": m.name,
                "function": m.function,
                "organisation": m.organisation,
                "side": m.side,
            }
            for m in d.members.order_by(DelegationMember.position)
        ]
        record["agenda"] = [
            {
                "date": a.date,
                "start_time": a.start_time,
                "end_time": a.end_time,
                "timezone": a.timezone,
                "place": a.place,
                "subject": a.subject,
                "people": a.people,
            }
            for a in d.agenda.order_by(AgendaItem.position)
        ]
        return record

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(c["title"], *(m.get("name") for m in c.get("members", ())))

    def write_links(self, record_id: str, c: Mapping[str, Any]) -> None:
        for link_model in (DelegationPartner, DelegationMember, AgendaItem):
            link_model.delete().where(link_model.delegation == record_id).execute()
        for position, partner_id in enumerate(c.get("partner_ids", ())):
            DelegationPartner.insert(delegation=record_id, partner=partner_id, position=position).execute()
        for position, m in enumerate(c.get("members", ())):
            DelegationMember.insert(
                delegation=record_id,
                contact=m.get("contact_id") or None,
                name=m.get("name") or "",
                function=m.get("function") or "",
                organisation=m.get("organisation") or "",
                side=m.get("side") or "home",
                position=position,
            ).execute()
        for position, a in enumerate(c.get("agenda", ())):
            AgendaItem.insert(
                delegation=record_id,
                date=a["date"],
                start_time=a.get("start_time"),
                end_time=a.get("end_time"),
                timezone=a.get("timezone"),
                place=a.get("place") or "",
                subject=a["subject"],
                people=a.get("people") or "",
                position=position,
            ).execute()


AREA = DelegationArea()


def _row(d: Delegation) -> dict:
    return {
        "id": d.id,
        "title": d.title,
        "direction": d.direction,
        "direction_label": DIRECTION_LABELS.get(d.direction, d.direction),
        "status": d.status,
        "status_label": STATUS_LABELS.get(d.status, d.status),
        "start": d.start,
        "end": d.end,
    }


def list_delegations(
    search: str = "",
    *,
    status: str | None = None,
    direction: str | None = None,
    sort: str = "start",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> Page:
    query = apply_search(Delegation.select(), Delegation, search)
    if status:
        query = query.where(Delegation.status == status)
    if direction:
        query = query.where(Delegation.direction == direction)
    query = apply_sort(query, SORT_KEYS, sort, descending, Delegation.id)
    return fetch_page(query, offset, limit, _row)


def get_delegation(delegation_id: str) -> dict:
    return AREA.get(delegation_id)


def create_delegation(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def update_delegation(
    delegation_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dict:
    return AREA.update(delegation_id, changes, expected_version)


def delete_delegation(delegation_id: str, expected_version: int | None = None) -> dict:
    return AREA.delete(delegation_id, expected_version)
