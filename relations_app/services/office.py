"""The home authority: its name, place, time zone, the partner counts it publishes, and
what every printed document says of it (its identity: organisation, service, address,
phone, e-mail, website, logo, default confidentiality mention).

Why in the database rather than in each PC's settings: every PC of the office prints the
same headers and footers.  The logo is kept as a PNG in a ``data:`` URI (the window turns
an SVG into a PNG before it gets here), at most ``MAX_LOGO_BYTES``.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from ..db.models import Office, database
from ..i18n import _
from ..validation import Field, ValidationError, clean, identifier_problem, printable

FIELDS = (
    Field("name", "Nom", required=True),
    Field("country", "Pays", "country", required=True),
    Field("latitude", "Latitude", "lat"),
    Field("longitude", "Longitude", "lon"),
    Field("timezone", "Fuseau horaire", "timezone"),
)
IDENTITY_FIELDS = (
    Field("organisation", "Organisme"),
    Field("service", "Service"),
    Field("address", "Adresse", "longtext"),
    Field("phone", "Téléphone", "phone"),
    Field("email", "Courriel", "email"),
    Field("website", "Site web", "url"),
    Field("confidentiality", "Mention de confidentialité par défaut"),
)
LOGO_PREFIX = "data:image/png;base64,"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 512 * 1024
COUNT_FIELDS = (
    Field("count", "Nombre annoncé", "int", required=True, minimum=0),
    Field("source", "Source"),
)
COUNT_KEYS = ("stated_partner_counts", "stated_cooperation_counts")
IDENTITY_KEYS = (*(f.name for f in IDENTITY_FIELDS), "logo")
KNOWN_KEYS = frozenset({"id", *(f.name for f in FIELDS), *COUNT_KEYS, *IDENTITY_KEYS})

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
    cleaned.update(clean_identity(data))
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


def logo_problem(logo: str) -> str | None:
    """Why ``logo`` (a ``data:`` URI, or "") cannot be stored, in French, or None."""
    if not logo:
        return None
    if not logo.startswith(LOGO_PREFIX):
        return _("le logo doit être une image PNG")
    try:
        data = base64.b64decode(logo[len(LOGO_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return _("le logo n'est pas une image PNG lisible")
    if not data.startswith(PNG_SIGNATURE):
        return _("le logo n'est pas une image PNG lisible")
    if len(data) > MAX_LOGO_BYTES:
        return _("le logo dépasse {size} Ko").format(size=MAX_LOGO_BYTES // 1024)
    return None


def unreadable_logo() -> ValidationError:
    """The refusal of a picture that cannot be read at all (the window's file chooser)."""
    return ValidationError("Logo", _("image illisible"))


def logo_uri(png: bytes) -> str:
    """A PNG's bytes as the ``data:`` URI the office record keeps (checked)."""
    uri = LOGO_PREFIX + base64.b64encode(png).decode("ascii")
    if problem := logo_problem(uri):
        raise ValidationError("Logo", problem)
    return uri


def logo_bytes(office: Mapping[str, Any]) -> bytes | None:
    """The office's logo as PNG bytes, or None."""
    logo = office.get("logo") or ""
    if not logo or logo_problem(logo):
        return None
    return base64.b64decode(logo[len(LOGO_PREFIX) :])


def clean_identity(data: Mapping[str, Any]) -> dict:
    """The identity fields of ``data`` checked and normalised ("" for what is missing)."""
    cleaned = {key: value or "" for key, value in clean(IDENTITY_FIELDS, data).items()}
    logo = data.get("logo") or ""
    if not isinstance(logo, str):
        raise ValidationError("Logo", _("une chaîne est attendue"))
    if problem := logo_problem(logo):
        raise ValidationError("Logo", problem)
    cleaned["logo"] = logo
    return cleaned


def update_identity(data: Mapping[str, Any]) -> dict:
    """Store what documents print of the office (Préférences › Documents); the office.

    Raises :class:`ValidationError` (French) and changes nothing on bad input.
    """
    unknown = sorted(set(data) - set(IDENTITY_KEYS))
    if unknown:
        raise ValidationError(printable(unknown[0]), _("clé inconnue"))
    cleaned = clean_identity({**{k: get_office().get(k, "") for k in IDENTITY_KEYS}, **data})
    with database.atomic():
        row = Office.select().first()
        if row is None:
            write_office({**get_office(), **cleaned})
        else:
            Office.update(**cleaned).where(Office.id == row.id).execute()
    return get_office()


def get_office() -> dict:
    """The office record; a Brest default when the database has none yet."""
    row = Office.select().first()
    if row is None:
        return {
            "id": None,
            **DEFAULT,
            **{k: [] for k in COUNT_KEYS},
            **dict.fromkeys(IDENTITY_KEYS, ""),
        }
    counts = json.loads(row.stated_counts or "{}")
    return {
        "id": row.id,
        "name": row.name,
        "country": row.country,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "timezone": row.timezone,
        **{k: counts.get(k, []) for k in COUNT_KEYS},
        **{k: getattr(row, k) or "" for k in IDENTITY_KEYS},
    }


def write_office(cleaned: Mapping[str, Any]) -> None:
    """Replace the office row (call inside a transaction)."""
    values = {f.name: cleaned.get(f.name) for f in FIELDS}
    values.update({k: cleaned.get(k) or "" for k in IDENTITY_KEYS})
    counts = json.dumps({k: cleaned.get(k, []) for k in COUNT_KEYS}, ensure_ascii=False)
    Office.delete().execute()
    kwargs = {"id": cleaned["id"]} if cleaned.get("id") else {}
    Office.insert(**kwargs, **values, stated_counts=counts).execute()
