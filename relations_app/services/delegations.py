"""Delegations: visits to or from the home city, with members and agenda."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from ..db.models import AgendaItem, Delegation, DelegationMember, DelegationPartner
from ..records import declared as records
from ..text import parse_partial_date, search_blob
from ..validation import Field
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page
from .shapes import ListField

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
#: What a briefing prints when the delegation's confidentiality mention is left empty.
DEFAULT_CONFIDENTIALITY = "Document de travail — diffusion restreinte"

FIELDS = (
    Field("title", "Titre", required=True),
    Field("direction", "Sens", "choice", choices=DIRECTIONS, default="outgoing"),
    Field("status", "Statut", "choice", choices=STATUSES, default="preparation"),
    Field("start", "Début", "date"),
    Field("end", "Fin", "date"),
    Field("destination", "Destination"),
    Field("objectives", "Objectifs", "longtext"),
    Field("logistics", "Logistique", "longtext"),
    Field("talking_points", "Éléments de langage", "longtext"),
    Field("confidentiality", "Mention de confidentialité"),
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
    record_type = records.DELEGATIONS
    fields = FIELDS
    lists = (MEMBERS, AGENDA)

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

    link_tables = (
        (DelegationPartner, "delegation"),
        (DelegationMember, "delegation"),
        (AgendaItem, "delegation"),
    )

    def link_rows(
        self, record_id: str, c: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type, dict]]:
        for position, partner_id in enumerate(c.get("partner_ids", ())):
            yield (
                DelegationPartner,
                {"delegation": record_id, "partner": partner_id, "position": position},
            )
        for position, m in enumerate(c.get("members", ())):
            yield (
                DelegationMember,
                {
                    "delegation": record_id,
                    "contact": m.get("contact_id") or None,
                    "name": m.get("name") or "",
                    "function": m.get("function") or "",
                    "organisation": m.get("organisation") or "",
                    "side": m.get("side") or "home",
                    "position": position,
                },
            )
        for position, a in enumerate(c.get("agenda", ())):
            yield (
                AgendaItem,
                {
                    "delegation": record_id,
                    "date": a["date"],
                    "start_time": a.get("start_time"),
                    "end_time": a.get("end_time"),
                    "timezone": a.get("timezone"),
                    "place": a.get("place") or "",
                    "subject": a["subject"],
                    "people": a.get("people") or "",
                    "position": position,
                },
            )


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
    locate: str | None = None,
) -> Page:
    query = apply_search(Delegation.select(), Delegation, search)
    if status:
        query = query.where(Delegation.status == status)
    if direction:
        query = query.where(Delegation.direction == direction)
    query = apply_sort(query, SORT_KEYS, sort, descending, Delegation.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_delegation(delegation_id: str) -> dict:
    return AREA.get(delegation_id)


def create_delegation(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)


def update_delegation(
    delegation_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dict:
    return AREA.update(delegation_id, changes, expected_version)


# -- a new delegation from a past one ----------------------------------------------------

COPY_PREFIX = "Copie de "
MAX_TITLE = 500  # the title's field limit (a short text)
DAYS_PER_YEAR = 365.2425
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


def full_date(value: str | None) -> date | None:
    """The day ``value`` names, or None for a partial or missing date."""
    try:
        year, month, day = parse_partial_date(value or "")
    except ValueError:
        return None
    return date(year, month, day) if month and day else None


def first_day(record: Mapping[str, Any]) -> date | None:
    """The delegation's first day: its start when a full date, else its earliest agenda day."""
    days = [full_date(item.get("date")) for item in record.get("agenda") or ()]
    return full_date(record.get("start")) or min((d for d in days if d), default=None)


def shift_date(value: str | None, days: int) -> str | None:
    """``value`` moved by ``days``; a partial date moves by the nearest whole number of
    months ("2026-09" + 364 days → "2027-09") or years, keeping its precision."""
    if not value:
        return value
    year, month, day = parse_partial_date(value)
    if month and day:
        return (date(year, month, day) + timedelta(days=days)).isoformat()
    if month:
        index = year * 12 + month - 1 + round(days / DAYS_PER_MONTH)
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{year + round(days / DAYS_PER_YEAR):04d}"


def duplicate_data(delegation_id: str, start: date | None = None) -> dict:
    """The data of a new delegation made from a past one, ready for ``create`` (not saved).

    The copy keeps the direction, destination, partners, objectives, logistics, talking
    points, confidentiality mention and members; its title becomes "Copie de …" and its
    status "En préparation"; it gets a new id when created.  Dates:

    - with ``start``, the new first day: every date (start, end, each agenda day) moves by
      the same number of days, counted from the original's first day (see
      :func:`first_day`), so the programme keeps its shape; partial dates ("2027-06") move
      by the nearest whole number of months or years (:func:`shift_date`).  The window
      proposes the same weekday 52 weeks later, which keeps each meeting on its weekday;
    - without ``start``, or when the original has no full date to count from: start and end
      are cleared (set to ``start`` and nothing in the second case) and the agenda is left
      out, since its days belong to the past visit.
    """
    record = get_delegation(delegation_id)
    title = record["title"]
    if not title.startswith(COPY_PREFIX):
        title = (COPY_PREFIX + title)[:MAX_TITLE]
    data = {
        key: record.get(key)
        for key in (
            "direction",
            "destination",
            "objectives",
            "logistics",
            "talking_points",
            "confidentiality",
            "partner_ids",
            "members",
        )
    }
    data.update(title=title, status="preparation", start=None, end=None, agenda=[])
    anchor = first_day(record)
    if start is None:
        return data
    if anchor is None:
        data["start"] = start.isoformat()
        return data
    days = (start - anchor).days
    data["start"] = shift_date(record.get("start"), days)
    data["end"] = shift_date(record.get("end"), days)
    data["agenda"] = [
        {**item, "date": shift_date(item["date"], days)} for item in record.get("agenda") or ()
    ]
    return data


def duplicate_delegation(delegation_id: str, start: date | None = None) -> dict:
    """Create the copy described by :func:`duplicate_data` and return it."""
    return create_delegation(duplicate_data(delegation_id, start))
