"""Dated events of a partner's timeline: visits, conferences, anniversaries, exhibitions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..db.models import Event
from ..records import declared as records
from ..text import search_blob
from ..validation import Field
from .base import Area
from .listing import Page, apply_search, apply_sort, fetch_page

KINDS = (
    "visit",
    "conference",
    "anniversary",
    "exhibition",
    "signature",
    "project",
    "election",
    "other",
)
KIND_LABELS = {
    "visit": "Visite, mission",
    "conference": "Conférence, forum",
    "anniversary": "Anniversaire",
    "exhibition": "Exposition, festival",
    "signature": "Signature",
    "project": "Projet",
    "election": "Élections",
    "other": "Autre",
}

FIELDS = (
    Field("date", "Date", "date", required=True),
    Field("title", "Titre", required=True),
    Field("description", "Description", "longtext"),
    Field("kind", "Type", "choice", choices=KINDS, default="other"),
)

SORT_KEYS = {"date": (Event.date, Event.sort_key), "title": (Event.sort_key,)}


class EventArea(Area):
    model = Event
    record_type = records.EVENTS
    fields = FIELDS

    def to_record(self, e: Event) -> dict:
        record = self.scalar_record(e)
        record["partner_id"] = e.partner_id
        record["programme_id"] = e.programme_id
        return record

    def row_values(self, cleaned: Mapping[str, Any]) -> dict:
        return {
            **super().row_values(cleaned),
            "partner": cleaned.get("partner_id"),
            "programme": cleaned.get("programme_id"),
        }

    def search_text(self, c: Mapping[str, Any]) -> str:
        return search_blob(c["title"], c.get("description"))

    def label_of(self, record: Mapping[str, Any]) -> str:
        return f"{record.get('date') or ''} {record.get('title') or ''}".strip()

    def sort_text(self, c: Mapping[str, Any]) -> str:
        return c["title"]


AREA = EventArea()


def _row(e: Event) -> dict:
    return {
        "id": e.id,
        "date": e.date,
        "title": e.title,
        "kind": e.kind,
        "kind_label": KIND_LABELS.get(e.kind, e.kind),
        "partner_id": e.partner_id,
        "programme_id": e.programme_id,
    }


def list_events(
    search: str = "",
    *,
    partner_id: str | None = None,
    programme_id: str | None = None,
    kind: str | None = None,
    sort: str = "date",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    locate: str | None = None,
) -> Page:
    query = apply_search(Event.select(), Event, search)
    if partner_id:
        query = query.where(Event.partner == partner_id)
    if programme_id:
        query = query.where(Event.programme == programme_id)
    if kind:
        query = query.where(Event.kind == kind)
    query = apply_sort(query, SORT_KEYS, sort, descending, Event.id)
    return fetch_page(query, offset, limit, _row, locate)


def get_event(event_id: str) -> dict:
    return AREA.get(event_id)


def create_event(data: Mapping[str, Any]) -> dict:
    return AREA.create(data)
