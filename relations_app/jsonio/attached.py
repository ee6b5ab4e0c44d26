"""The documents attached to records, in the JSON dump: the ``attachments`` section.

Each attached document is one element, its file in base64 (``content``) with its SHA-256
(``sha256``), so an export imports back byte for byte from the one file (see
``docs/json-format.md``).  The section comes after the records and is written only when
there are documents (documents of records waiting in the trash stay out, as those records
do).  Importing checks every element (the owner in the file or the database, the base64,
the hash, the size limit) before anything is written, merges by id like the records, and
stores each file once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from ..db.models import Attachment, AttachmentBlob
from ..i18n import _
from ..records import RECORD_TYPES
from ..services import AREAS, attachments, history
from ..validation import ValidationError, identifier_problem, printable

SECTION = "attachments"
KEYS = (
    "id",
    "kind",
    "record_id",
    "title",
    "date",
    "category",
    "file_name",
    "media_type",
    "sha256",
    "size",
    "created_at",
    "changed_at",
    "content",
)


def _stamp(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _exported(info: attachments.AttachmentInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "kind": info.kind,
        "record_id": info.record_id,
        "title": info.title,
        "date": info.date,
        "category": info.category,
        "file_name": info.file_name,
        "media_type": info.media_type,
        "sha256": info.hash,
        "size": info.size,
        "created_at": _stamp(info.created_at),
        "changed_at": _stamp(info.changed_at),
        "content": base64.b64encode(attachments.content(info.id)).decode("ascii"),
    }


def iter_exported() -> Iterator[dict[str, Any]]:
    """Every document of a record present (not in the trash), by id, a file at a time."""
    for info in attachments.all_present():
        yield _exported(info)


# -- import -------------------------------------------------------------------------------


def _text(raw: Mapping[str, Any], key: str, errors: dict[str, str]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        errors[key] = _("texte attendu")
        return ""
    return value


def _when(raw: Mapping[str, Any], key: str, errors: dict[str, str]) -> datetime | None:
    value = raw.get(key)
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        errors[key] = _("date et heure ISO attendues (2026-12-02T10:30:00)")
        return None


def check(raw: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """One element of the section, checked: (cleaned, {key: French reason})."""
    if not isinstance(raw, Mapping):
        return {}, {"": _("un objet est attendu")}
    errors: dict[str, str] = {}
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        return {}, {printable(str(unknown[0])): _("clé inconnue")}
    for key in ("id", "record_id"):
        if problem := identifier_problem(raw.get(key)):
            errors[key] = problem
    kind = raw.get("kind")
    if kind not in attachments.OWNERS:
        errors["kind"] = _("type d'enregistrement attendu : {kinds}").format(
            kinds=", ".join(attachments.OWNERS)
        )
    try:
        fields = attachments.clean_fields({k: raw.get(k) for k in ("title", "date", "category")})
    except ValidationError as exc:
        errors.update(exc.errors)
        fields = {}
    file_name = attachments.stored_file_name(_text(raw, "file_name", errors))
    media_type = _text(raw, "media_type", errors)[:255]
    data = _content(raw, errors)
    created, changed = _when(raw, "created_at", errors), _when(raw, "changed_at", errors)
    if errors:
        return {}, errors
    return {
        "kind": kind,
        "record_id": raw["record_id"],
        **fields,
        "file_name": file_name,
        "media_type": media_type,
        "hash": hashlib.sha256(data).hexdigest(),
        "content": data,
        "created_at": created,
        "changed_at": changed,
    }, {}


def _content(raw: Mapping[str, Any], errors: dict[str, str]) -> bytes:
    text = raw.get("content")
    if not isinstance(text, str):
        errors["content"] = _("le fichier est attendu en base64")
        return b""
    if len(text) > attachments.MAX_BYTES * 4 // 3 + 4:
        errors["content"] = attachments.too_big(len(text) * 3 // 4)
        return b""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        errors["content"] = _("base64 illisible")
        return b""
    if not data:
        errors["content"] = _("le fichier est vide (0 octet).")
        return data
    expected = raw.get("sha256")
    if expected is not None and expected != hashlib.sha256(data).hexdigest():
        errors["sha256"] = _("ne correspond pas au contenu (fichier abîmé ?)")
    size = raw.get("size")
    if size is not None and size != len(data):
        errors["size"] = _("ne correspond pas au contenu ({size} octets)").format(size=len(data))
    return data


def owner_missing(kind: str, record_id: str) -> str:
    return f"{RECORD_TYPES[kind].fr.singular} {record_id} introuvable"


def write(attachment_id: str, cleaned: Mapping[str, Any]) -> bool:
    """Store one checked document (inside the import's transaction); True when new."""
    data = cleaned["content"]
    if not AttachmentBlob.select().where(AttachmentBlob.hash == cleaned["hash"]).exists():
        AttachmentBlob.insert(hash=cleaned["hash"], size=len(data), content=data).execute()
    now = attachments.now()
    row = {
        "kind": cleaned["kind"],
        "record_id": cleaned["record_id"],
        "title": cleaned["title"],
        "date": cleaned.get("date"),
        "category": cleaned["category"],
        "file_name": cleaned["file_name"],
        "media_type": cleaned["media_type"],
        "blob": cleaned["hash"],
        "changed_at": cleaned["changed_at"] or now,
    }
    before = Attachment.get_or_none(Attachment.id == attachment_id)
    owner = (
        AREAS[cleaned["kind"]].option_labels([cleaned["record_id"]]).get(cleaned["record_id"], "")
    )
    label = f"{cleaned['title']} ({owner})" if owner else cleaned["title"]
    if before is None:
        version = history.next_version(attachment_id)
        Attachment.insert(
            id=attachment_id, version=version, created_at=cleaned["created_at"] or now, **row
        ).execute()
        history.record(
            attachments.COLLECTION, attachment_id, "created", version=version, label=label
        )
        return True
    old = {k: getattr(before, k) for k in ("title", "date", "category", "file_name")}
    old["sha256"] = before.__data__["blob"]
    new = {k: row[k] for k in ("title", "date", "category", "file_name")}
    new["sha256"] = cleaned["hash"]
    changes = history.field_changes(old, new)
    if changes or (before.kind, before.record_id) != (row["kind"], row["record_id"]):
        version = before.version + 1
        Attachment.update(version=version, **row).where(Attachment.id == attachment_id).execute()
        history.record(
            attachments.COLLECTION,
            attachment_id,
            "changed",
            version=version,
            label=label,
            fields=changes,
        )
    return False
