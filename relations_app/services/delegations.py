"""Delegations: visits to or from the home city, with members and agenda."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..db.models import AgendaItem, Delegation, DelegationMember, DelegationPartner, Record
from ..records import declared as records
from ..text import parse_partial_date, search_blob
from ..validation import Field, ValidationError
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
    # The briefing a delegation travels with (migration 0006).
    Field("stakes", "Enjeux", "longtext"),
    Field("sensitive_points", "Points sensibles", "longtext"),
    Field("protocol", "Notes protocolaires", "longtext"),
    Field("travel", "Trajets (vols, trains)", "longtext"),
    Field("hotel", "Hôtel (nom et adresse)", "longtext"),
    Field("hotel_phone", "Téléphone de l'hôtel", "phone", default=""),
    Field("transfers", "Transferts sur place", "longtext"),
    Field("duty_phone", "Permanence du service", "phone", default=""),
    Field("entry_formalities", "Formalités d'entrée", "longtext"),
    Field("document_version", "Version du dossier"),
    Field("author", "Rédaction du dossier"),
    Field("distribution", "Liste de diffusion", "longtext"),
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
        Field("address", "Adresse", "longtext"),
        Field("latitude", "Latitude", "lat"),
        Field("longitude", "Longitude", "lon"),
        Field("aim", "But de la rencontre", "longtext"),
        Field("home_people", "Participants de notre côté", "longtext"),
        Field("background", "Contexte", "longtext"),
        Field("outcome", "Résultat attendu", "longtext"),
        # The calendar's identity of the item (see agenda_stamps): kept out of sight.
        Field("uid", "Identifiant de calendrier", extra={"hidden": True}),
        Field("sequence", "Révision", "int", minimum=0, default=0, extra={"hidden": True}),
        Field("modified", "Dernière modification", extra={"hidden": True}),
    ),
)
#: What a calendar client sees of an item: a change to one of these is a new revision.
CALENDAR_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "timezone",
    "place",
    "subject",
    "people",
    "address",
    "aim",
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
            {f.name: getattr(a, f.name) for f in AGENDA.fields}
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
            row = {f.name: a.get(f.name) for f in AGENDA.fields}
            row.update({name: "" for name in NOT_NULL_TEXTS if not a.get(name)})
            yield AgendaItem, {**row, "delegation": record_id, "position": position}

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        cleaned = super().validate_extra(data)
        for index, item in enumerate(cleaned["agenda"]):
            if item.get("modified") and not STAMP.fullmatch(item["modified"]):
                key = f"agenda[{index}].modified"
                raise ValidationError(
                    key,
                    "date de modification attendue sous la forme 2027-01-04T09:30:00Z",
                    {key: f"{AGENDA.label} n° {index + 1}, dernière modification"},
                )
        return cleaned

    def write(
        self, record_id: str, cleaned: Mapping[str, Any], *, is_new: bool, links: bool = True
    ) -> Record | None:
        stored = {} if is_new else stored_agenda(record_id)
        agenda = agenda_stamps(stored, cleaned.get("agenda") or [], utc_stamp())
        return super().write(record_id, {**cleaned, "agenda": agenda}, is_new=is_new, links=links)


#: The agenda's texts stored as "" when empty (the others, such as ``modified``, as NULL).
NOT_NULL_TEXTS = tuple(
    f.name
    for f in AGENDA.fields
    if f.kind in ("text", "longtext") and not AgendaItem._meta.fields[f.name].null
)
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def utc_stamp(moment: datetime | None = None) -> str:
    """``moment`` (default: now) as the agenda's LAST-MODIFIED stamps are stored."""
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stored_agenda(delegation_id: str) -> dict[str, dict]:
    """The delegation's agenda items as stored, by calendar UID."""
    query = AgendaItem.select().where(AgendaItem.delegation == delegation_id)
    return {a.uid: {f.name: getattr(a, f.name) for f in AGENDA.fields} for a in query if a.uid}


def agenda_stamps(stored: Mapping[str, Mapping], items: list[dict], now: str) -> list[dict]:
    """``items`` with their calendar identity: each keeps its UID wherever it moves in the
    list (a new item gets a new one, a repeated UID is a new item), and its SEQUENCE goes
    up, with LAST-MODIFIED set to ``now``, when something a calendar shows has changed.
    Calendar clients replace an event by UID when the sequence is higher, so a re-import
    updates the right events and only those."""
    seen: set[str] = set()
    result = []
    for item in items:
        uid = item.get("uid") or ""
        if not uid or uid in seen:
            uid = f"{uuid.uuid4()}"
        seen.add(uid)
        given = item.get("sequence") or 0
        before = stored.get(uid)
        if before is None:  # new here: as given (an import's), no stamp of our own
            stamp = {"sequence": given, "modified": item.get("modified") or None}
        elif all((before.get(k) or None) == (item.get(k) or None) for k in CALENDAR_FIELDS):
            stamp = {"sequence": max(given, before["sequence"]), "modified": before["modified"]}
        else:
            stamp = {"sequence": max(given, before["sequence"] + 1), "modified": now}
        result.append({**item, "uid": uid, **stamp})
    return result


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
    points, confidentiality mention, members, protocol notes, entry formalities, duty line,
    author and distribution list; its title becomes "Copie de …" and its
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
            # what stays true from one visit to the next; the visit's own facts do not
            "protocol",
            "entry_formalities",
            "duty_phone",
            "author",
            "distribution",
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
    data["agenda"] = [  # new events for the calendar: no UID, revision or stamp carried over
        {**item, "date": shift_date(item["date"], days), "uid": "", "sequence": 0, "modified": None}
        for item in record.get("agenda") or ()
    ]
    return data


def duplicate_delegation(delegation_id: str, start: date | None = None) -> dict:
    """Create the copy described by :func:`duplicate_data` and return it."""
    return create_delegation(duplicate_data(delegation_id, start))
