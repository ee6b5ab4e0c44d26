"""Documents attached to records: the signed agreement of a twinning, photos of a visit, the
minutes of a steering committee.

A partner, programme, organisation, contact or delegation holds any number of attachments
(:class:`~relations_app.db.models.Attachment`: a title, a partial date, a category, the
file's name and media type).  The bytes live in the database, so backups, copies to a
server and restores carry them, each file once whatever the number of attachments holding
it (:class:`~relations_app.db.models.AttachmentBlob`, keyed by SHA-256).

:func:`add` reads the file in chunks while hashing it and refuses, with a French message
and nothing stored, a file that cannot be read, an empty one, one over :data:`MAX_BYTES`
and one that changes or disappears while it is read.  :func:`remove` sends an attachment
to the trash (restorable with the trash's own restore); blobs no attachment nor trash item
holds any more go when the trash is purged (:func:`drop_unreferenced`).  Every write is in
the history, under the collection ``attachments``.

The file read from the disk is :mod:`.attachment_files`'s job, reading attachments
:mod:`.attachment_read`'s, their copies on the disk :mod:`.attachment_copies`'s; this
module writes them and gives the whole interface (the others' names too).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from ..db.models import Attachment, AttachmentBlob, RecordChange, TrashItem, database, new_id
from ..db.retry import retry_if_busy
from ..i18n import N_, _
from ..validation import Field, ValidationError, clean
from . import AREAS, history
from .attachment_copies import export_one, export_to
from .attachment_files import (
    CHUNK,
    MAX_BYTES,
    AttachmentError,
    LoadedFile,
    Progress,
    media_type_of,
    read_file,
    safe_file_name,
    size_text,
    stored_file_name,
    too_big,
    type_text,
)
from .attachment_read import (
    COLLECTION,
    OWNERS,
    AttachmentInfo,
    FileFacts,
    agreements_of,
    all_present,
    check_owner,
    content,
    counts_for,
    file_facts,
    get,
    held_by,
    list_for,
    trash_pattern,
)
from .versions import NotFoundError, StaleRecordError

#: What a document is; "accord" ones are the agreements a partner's fact sheet lists.
CATEGORIES: dict[str, str] = {
    "accord": N_("Accord ou convention"),
    "compte_rendu": N_("Compte rendu"),
    "photo": N_("Photo"),
    "autre": N_("Autre document"),
}
FIELDS = (
    Field("title", N_("Titre"), "text", required=True),
    Field("date", N_("Date"), "date"),
    Field("category", N_("Catégorie"), "choice", choices=tuple(CATEGORIES), default="autre"),
)


def now() -> datetime:
    """UTC, naive, as the stamps are stored."""
    return datetime.now(UTC).replace(tzinfo=None)


# -- writing ------------------------------------------------------------------------------


def _owner_label(kind: str, record_id: str) -> str:
    area = AREAS[kind]
    labels = area.option_labels([record_id])
    if record_id not in labels:
        raise NotFoundError(
            _("{record} n'existe plus (supprimé entre-temps ?) : rien n'a été joint.").format(
                record=area.label.capitalize()
            )
        )
    return labels[record_id]


def _label(title: str, owner: str) -> str:
    return f"{title} ({owner})" if owner else title


def clean_fields(data: Mapping[str, Any], *, partial: bool = False) -> dict:
    """Title, date and category checked (``ValidationError`` naming each refused one)."""
    cleaned = clean(FIELDS, data, partial=partial)
    if not partial and not cleaned.get("category"):
        cleaned["category"] = "autre"
    return cleaned


def default_category(media_type: str) -> str:
    return "photo" if media_type.startswith("image/") else "autre"


def default_title(file_name: str) -> str:
    stem = file_name.rsplit(".", 1)[0] if "." in file_name.strip(".") else file_name
    return stem.replace("_", " ").strip()[:200] or file_name[:200]


def _store_blob(loaded_hash: str, data: bytes | bytearray) -> None:
    exists = AttachmentBlob.select(AttachmentBlob.hash).where(AttachmentBlob.hash == loaded_hash)
    if not exists.exists():
        AttachmentBlob.insert(hash=loaded_hash, size=len(data), content=data).execute()


def store(
    kind: str,
    record_id: str,
    loaded: LoadedFile,
    *,
    title: str | None = None,
    date: str | None = None,
    category: str | None = None,
) -> AttachmentInfo:
    """Attach a file already read (:func:`read_file`) to a record, in one transaction."""
    check_owner(kind)
    fields = clean_fields(
        {
            "title": title if title is not None else default_title(loaded.file_name),
            "date": date,
            "category": category or default_category(loaded.media_type),
        }
    )

    def run() -> str:
        with database.atomic():
            owner = _owner_label(kind, record_id)
            _store_blob(loaded.hash, loaded.content)
            stamp = now()
            attachment_id = new_id()
            Attachment.insert(
                id=attachment_id,
                kind=kind,
                record_id=record_id,
                file_name=loaded.file_name,
                media_type=loaded.media_type,
                blob=loaded.hash,
                created_at=stamp,
                changed_at=stamp,
                version=1,
                **fields,
            ).execute()
            history.record(
                COLLECTION,
                attachment_id,
                "created",
                version=1,
                label=_label(fields["title"], owner),
            )
        return attachment_id

    return get(retry_if_busy(run))


def add(
    kind: str,
    record_id: str,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    date: str | None = None,
    category: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AttachmentInfo:
    """Read the file at ``path`` and attach it (see :func:`read_file` for what is refused)."""
    check_owner(kind)
    if title is not None or date is not None or category is not None:
        clean_fields({"title": title or "x", "date": date, "category": category or "autre"})
    loaded = read_file(path, progress, cancelled)
    return store(kind, record_id, loaded, title=title, date=date, category=category)


def _stale(current: int, expected: int) -> StaleRecordError:
    return StaleRecordError(
        _(
            "Ce document a été modifié entre-temps (dans une autre fenêtre ou par une autre "
            "personne) : rouvrez-le avant de le modifier."
        ),
        expected_version=expected,
        current_version=current,
    )


def update(
    attachment_id: str, data: Mapping[str, Any], expected_version: int | None = None
) -> AttachmentInfo:
    """Change an attachment's title, date or category (the keys of ``data``); refused
    when ``expected_version`` is not the current one (someone changed it first)."""
    fields = clean_fields(data, partial=True)

    def run() -> None:
        with database.atomic():
            before = get(attachment_id)
            if expected_version is not None and before.version != expected_version:
                raise _stale(before.version, expected_version)
            old = {k: getattr(before, k) for k in fields}
            changes = history.field_changes(old, fields)
            if not changes:
                return
            version = before.version + 1
            Attachment.update(version=version, changed_at=now(), **fields).where(
                Attachment.id == attachment_id
            ).execute()
            owner = AREAS[before.kind].option_labels([before.record_id]).get(before.record_id, "")
            history.record(
                COLLECTION,
                attachment_id,
                "changed",
                version=version,
                label=_label(fields.get("title", before.title), owner),
                fields=changes,
            )

    retry_if_busy(run)
    return get(attachment_id)


def _row(attachment_id: str) -> dict:
    row = Attachment.select().where(Attachment.id == attachment_id).dicts().first()
    if row is None:
        raise NotFoundError(_("Ce document n'existe plus (supprimé entre-temps ?)."))
    return {k: v.isoformat(sep=" ") if isinstance(v, datetime) else v for k, v in row.items()}


def remove(attachment_id: str, expected_version: int | None = None) -> int:
    """Send an attachment to the trash (its file stays in the database until the trash is
    purged); returns the trash item's id."""

    def run() -> int:
        with database.atomic():
            row = _row(attachment_id)
            if expected_version is not None and row["version"] != expected_version:
                raise _stale(row["version"], expected_version)
            owner = AREAS[row["kind"]].option_labels([row["record_id"]]).get(row["record_id"], "")
            snap = {
                "table": Attachment._meta.table_name,
                "id": attachment_id,
                "deleted": [{"table": Attachment._meta.table_name, "row": row}],
                "cleared": [],
                "record": {"title": row["title"], "owner": owner},
            }
            Attachment.delete().where(Attachment.id == attachment_id).execute()
            item = TrashItem.create(
                collection=COLLECTION,
                record_id=attachment_id,
                label=_label(row["title"], owner)[:200],
                deleted_at=now(),
                snapshot=json.dumps(snap, ensure_ascii=False),
            )
            history.record(
                COLLECTION,
                attachment_id,
                "trashed",
                version=row["version"],
                label=_label(row["title"], owner),
            )
        return int(item.id)

    return retry_if_busy(run)


def came_back(snap: Mapping[str, Any]) -> int:
    """After the trash put an attachment back: its version goes up, the history says so."""
    attachment_id = snap["id"]
    row = snap["deleted"][0]["row"]
    version = history.next_version(attachment_id, int(row.get("version") or 0))
    Attachment.update(version=version).where(Attachment.id == attachment_id).execute()
    record = snap.get("record") or {}
    history.record(
        COLLECTION,
        attachment_id,
        "untrashed",
        version=version,
        label=_label(record.get("title", ""), record.get("owner", "")),
    )
    return version


def forget_owners(owners: Iterable[tuple[str, str]]) -> int:
    """Delete the attachments of records deleted for good (collection, id); returns how
    many.  Their files go with :func:`drop_unreferenced`."""
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in owners:
        if kind in OWNERS:
            by_kind.setdefault(kind, []).append(record_id)
    gone = 0
    for kind, ids in by_kind.items():
        for start in range(0, len(ids), 500):
            gone += (
                Attachment.delete()
                .where(
                    (Attachment.kind == kind) & Attachment.record_id.in_(ids[start : start + 500])
                )
                .execute()
            )
    return gone


def erase_owner(kind: str, record_id: str) -> int:
    """A person erased (the right to erasure): their documents, those waiting in the trash
    and their history lines (which name them) go for good, and the files nothing else
    holds; returns how many documents went.  Call in the erasure's transaction."""
    ids = [
        a_id
        for (a_id,) in Attachment.select(Attachment.id)
        .where((Attachment.kind == kind) & (Attachment.record_id == record_id))
        .tuples()
    ]
    trashed = []
    for item in TrashItem.select().where(TrashItem.collection == COLLECTION):
        row = json.loads(item.snapshot)["deleted"][0]["row"]
        if (row["kind"], row["record_id"]) == (kind, record_id):
            trashed.append(item)
            ids.append(item.record_id)
    for item in trashed:
        item.delete_instance()
    for start in range(0, len(ids), 500):
        RecordChange.delete().where(
            (RecordChange.collection == COLLECTION)
            & RecordChange.record_id.in_(ids[start : start + 500])
        ).execute()
    forget_owners([(kind, record_id)])
    drop_unreferenced()
    return len(ids)


def _held_by_trash() -> set[str]:
    """The hashes of the attachments waiting in the trash."""
    held: set[str] = set()
    for (text,) in (
        TrashItem.select(TrashItem.snapshot).where(TrashItem.collection == COLLECTION).tuples()
    ):
        for item in json.loads(text)["deleted"]:
            held.add(item["row"]["blob"])
    return held


def drop_unreferenced() -> int:
    """Delete the attachments whose record is neither in the database nor in the trash,
    then the files no attachment (in the database or the trash) holds; returns how many
    files went.  Call in a transaction (the trash's purge)."""
    in_trash = TrashItem.select(TrashItem.record_id)
    for kind in OWNERS:
        model = AREAS[kind].model
        Attachment.delete().where(
            (Attachment.kind == kind)
            & Attachment.record_id.not_in(model.select(model.id))
            & Attachment.record_id.not_in(in_trash)
        ).execute()
    held = _held_by_trash()
    orphans = [
        h
        for (h,) in AttachmentBlob.select(AttachmentBlob.hash)
        .where(AttachmentBlob.hash.not_in(Attachment.select(Attachment.blob)))
        .tuples()
        if h not in held
    ]
    for start in range(0, len(orphans), 500):
        AttachmentBlob.delete().where(
            AttachmentBlob.hash.in_(orphans[start : start + 500])
        ).execute()
    return len(orphans)


def as_dict(info: AttachmentInfo) -> dict:
    values = asdict(info)
    values["created_at"] = info.created_at.isoformat(sep=" ", timespec="seconds")
    values["changed_at"] = info.changed_at.isoformat(sep=" ", timespec="seconds")
    return values


def category_label(category: str) -> str:
    return _(CATEGORIES.get(category, CATEGORIES["autre"]))


__all__ = [
    "CATEGORIES",
    "CHUNK",
    "COLLECTION",
    "FIELDS",
    "MAX_BYTES",
    "OWNERS",
    "AttachmentError",
    "AttachmentInfo",
    "FileFacts",
    "LoadedFile",
    "Progress",
    "ValidationError",
    "agreements_of",
    "all_present",
    "check_owner",
    "content",
    "counts_for",
    "export_one",
    "export_to",
    "file_facts",
    "get",
    "held_by",
    "list_for",
    "media_type_of",
    "read_file",
    "safe_file_name",
    "size_text",
    "stored_file_name",
    "too_big",
    "trash_pattern",
    "type_text",
]
