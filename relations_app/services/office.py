"""The home authority: its name, place, time zone and the partner counts it publishes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..db.models import Office
from ..i18n import _
from ..validation import Field, ValidationError, clean, identifier_problem, printable

FIELDS = (
    Field("name", "Nom", required=True),
    Field("country", "Pays", "country", required=True),
    Field("latitude", "Latitude", "lat"),
    Field("longitude", "Longitude", "lon"),
    Field("timezone", "Fuseau horaire", "timezone"),
)
COUNT_FIELDS = (
    Field("count", "Nombre annoncé", "int", required=True, minimum=0),
    Field("source", "Source"),
)
COUNT_KEYS = ("stated_partner_counts", "stated_cooperation_counts")
KNOWN_KEYS = frozenset({"id", *(f.name for f in FIELDS), *COUNT_KEYS})

DEFAULT = {
    "name": "Brest",
    "country": "FR",
    "latitude": 48.3904,
    "longitude": -4.4861,
    "timezone": "Europe/Paris",
}


def validate_office(data: Any) -> dict:
    if not isinstance(data, Mapping):
        raise ValidationError("office", _("un objet est attendu"))
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ValidationError(printable(unknown[0]), _("clé inconnue"))
    cleaned = clean(FIELDS, data)
    for key in COUNT_KEYS:
        items = data.get(key) or []
        if not isinstance(items, list):
            raise ValidationError(key, _("une liste est attendue"))
        if not all(isinstance(item, Mapping) for item in items):
            raise ValidationError(key, _("une liste d'objets est attendue"))
        cleaned[key] = [clean(COUNT_FIELDS, item) for item in items]
    office_id = data.get("id")
    if office_id is not None and (problem := identifier_problem(office_id)):
        raise ValidationError("id", problem)
    cleaned["id"] = office_id
    return cleaned


def get_office() -> dict:
    """The office record; a Brest default when the database has none yet."""
    row = Office.select().first()
    if row is None:
        return {"id": None, **DEFAULT, **{k: [] for k in COUNT_KEYS}}
    counts = json.loads(row.stated_counts or "{}")
    return {
        "id": row.id,
        "name": row.name,
        "country": row.country,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "timezone": row.timezone,
        **{k: counts.get(k, []) for k in COUNT_KEYS},
    }


def write_office(cleaned: Mapping[str, Any]) -> None:
    """Replace the office row (call inside a transaction)."""
    values = {f.name: cleaned.get(f.name) for f in FIELDS}
    counts = json.dumps({k: cleaned.get(k, []) for k in COUNT_KEYS}, ensure_ascii=False)
    Office.delete().execute()
    kwargs = {"id": cleaned["id"]} if cleaned.get("id") else {}
    Office.insert(**kwargs, **values, stated_counts=counts).execute()
