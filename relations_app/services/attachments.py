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
"""

from __future__ import annotations

import functools
import hashlib
import json
import mimetypes
import operator
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import peewee as pw

from ..db.models import Attachment, AttachmentBlob, RecordChange, TrashItem, database, new_id
from ..db.retry import retry_if_busy
from ..errors import UserError
from ..files import atomic_file
from ..i18n import N_, _, ngettext
from ..text import number_fr
from ..validation import Field, ValidationError, clean
from . import AREAS, history
from .versions import NotFoundError, StaleRecordError

COLLECTION = "attachments"
#: The record types that hold attachments.
OWNERS = ("partners", "programmes", "organisations", "contacts", "delegations")
MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024
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
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
#: Progress of a long read: (bytes read, bytes in all).
Progress = Callable[[int, int], None]


class AttachmentError(UserError):
    """A file that cannot be attached (the message is French); nothing was stored."""


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as the window and the command line show it (no bytes)."""

    id: str
    kind: str
    record_id: str
    title: str
    date: str | None
    category: str
    file_name: str
    media_type: str
    hash: str
    size: int
    version: int
    created_at: datetime  # UTC, naive
    changed_at: datetime

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"

    @property
    def export_name(self) -> str:
        return safe_file_name(self.file_name)


@dataclass(frozen=True)
class LoadedFile:
    """A file read and hashed, ready to be stored."""

    file_name: str
    content: bytes | bytearray
    hash: str
    media_type: str

    @property
    def size(self) -> int:
        return len(self.content)


def now() -> datetime:
    """UTC, naive, as the stamps are stored."""
    return datetime.now(UTC).replace(tzinfo=None)


def size_text(size: int) -> str:
    """ "15 octets", "12 Ko", "3,4 Mo": a file's size as the messages say it."""
    if size < 1024:
        return ngettext("{n} octet", "{n} octets", size).format(n=size)
    if size < 1024 * 1024:
        return _("{size} Ko").format(size=number_fr(max(1, round(size / 1024))))
    units, _point, tenths = f"{size / (1024 * 1024):.1f}".partition(".")
    return _("{units},{tenths} Mo").format(units=units, tenths=tenths)


def media_type_of(file_name: str, head: bytes | bytearray) -> str:
    """The file's media type: from its first bytes when they say it, else its extension."""
    for signature, media in _SIGNATURES:
        if head.startswith(signature):
            return media
    guessed, _encoding = mimetypes.guess_type(file_name, strict=False)
    return guessed or "application/octet-stream"


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


def safe_file_name(name: str, limit: int = 120) -> str:
    """``name`` as a file name any system accepts: path separators, control and reserved
    characters become "_", no leading dot or trailing dot or space, no device name
    (``CON``…), at most ``limit`` characters keeping the extension; "document" if nothing
    is left.  Accents and other scripts stay (NFC)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text).strip().lstrip(".").rstrip(". ")
    if _RESERVED.match(text):
        text = "_" + text
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = stem[: limit - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            text = text[:limit].rstrip(". ")
    return text or "document"


def stored_file_name(name: str) -> str:
    """The name kept with the attachment: the last part of the path, control characters
    out, at most 255 characters (odd characters stay; :func:`safe_file_name` cleans them
    for a copy on disk)."""
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if c.isprintable())
    return base.strip()[:255] or "document"


# -- reading a file -----------------------------------------------------------------------


def _refused(path: Path, reason: str) -> AttachmentError:
    return AttachmentError(
        _("Impossible de joindre « {name} » : {reason} Rien n'a été enregistré.").format(
            name=stored_file_name(path.name), reason=reason
        )
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return _("le fichier n'existe pas (ou plus).")
    if isinstance(exc, IsADirectoryError):
        return _("c'est un dossier, pas un fichier.")
    if isinstance(exc, PermissionError):
        return _("la lecture du fichier est refusée (droits d'accès).")
    return _("le fichier est illisible ({error}).").format(error=exc.strerror or exc)


def too_big(size: int) -> str:
    return _("le fichier pèse {size}, au-delà de la limite de {limit} par document.").format(
        size=size_text(size), limit=size_text(MAX_BYTES)
    )


def read_file(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LoadedFile:
    """The file at ``path`` read in chunks and hashed (SHA-256); :class:`AttachmentError`
    when it cannot be read, is empty, is over :data:`MAX_BYTES`, or changed or vanished
    while it was read.  ``cancelled()`` stops the read (:class:`AttachmentError` too)."""
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _refused(path, _os_reason(exc)) from exc
    with handle:
        try:
            before = os.fstat(handle.fileno())
        except OSError as exc:
            raise _refused(path, _os_reason(exc)) from exc
        if not path.is_file():
            raise _refused(path, _("ce n'est pas un fichier ordinaire."))
        if before.st_size == 0:
            raise _refused(path, _("le fichier est vide (0 octet)."))
        if before.st_size > MAX_BYTES:
            raise _refused(path, too_big(before.st_size))
        digest = hashlib.sha256()
        buffer = bytearray(before.st_size + 1)  # one byte more: a file that grew shows it
        view = memoryview(buffer)
        done = 0
        while True:
            if cancelled is not None and cancelled():
                raise _refused(path, _("la copie a été annulée."))
            try:
                read = handle.readinto(view[done : done + CHUNK])
            except OSError as exc:
                raise _refused(path, _os_reason(exc)) from exc
            if not read:
                break
            digest.update(view[done : done + read])
            done += read
            if done > before.st_size:  # it grows while read
                raise _refused(path, _("le fichier a changé ou disparu pendant sa lecture."))
            if progress is not None:
                progress(done, before.st_size)
        view.release()
    try:
        after = os.stat(path)
    except OSError:
        after = None
    if (
        after is None
        or done != before.st_size
        or (after.st_size, after.st_mtime_ns, after.st_ino)
        != (before.st_size, before.st_mtime_ns, before.st_ino)
    ):
        raise _refused(path, _("le fichier a changé ou disparu pendant sa lecture."))
    del buffer[done:]
    content = buffer  # a bytearray: no second copy of a large file
    name = stored_file_name(path.name)
    return LoadedFile(name, content, digest.hexdigest(), media_type_of(name, content[:16]))


# -- reading attachments ------------------------------------------------------------------


def _columns() -> list[pw.Field]:
    return [
        *(f for f in Attachment._meta.sorted_fields),
        AttachmentBlob.size,
    ]


_AS_READ = ("id", "kind", "record_id", "title", "date", "category", "file_name", "media_type")


def _info(row: Mapping[str, Any]) -> AttachmentInfo:
    return AttachmentInfo(
        **{key: row[key] for key in _AS_READ},
        hash=row["blob"],
        size=int(row["size"]),
        version=int(row["version"]),
        created_at=_naive(row["created_at"]),
        changed_at=_naive(row["changed_at"]),
    )


def _naive(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=None) if value.tzinfo else value


def _select() -> pw.ModelSelect:
    return Attachment.select(*_columns()).join(AttachmentBlob)


def _check_owner(kind: str) -> None:
    if kind not in OWNERS:
        raise ValueError(f"{kind!r} records hold no attachments")


def list_for(kind: str, record_id: str) -> list[AttachmentInfo]:
    """A record's attachments, newest date first (undated last), in one query."""
    _check_owner(kind)
    query = (
        _select()
        .where((Attachment.kind == kind) & (Attachment.record_id == record_id))
        .order_by(Attachment.date.is_null(), Attachment.date.desc(), Attachment.created_at.desc())
        .dicts()
    )
    return [_info(row) for row in query]


def counts_for(kind: str, record_ids: Sequence[str]) -> dict[str, int]:
    """How many attachments each of ``record_ids`` holds (absent: none), 500 ids a query."""
    found: dict[str, int] = {}
    for start in range(0, len(record_ids), 500):
        query = (
            Attachment.select(Attachment.record_id, pw.fn.COUNT(Attachment.id))
            .where(
                (Attachment.kind == kind)
                & Attachment.record_id.in_(list(record_ids[start : start + 500]))
            )
            .group_by(Attachment.record_id)
            .tuples()
        )
        found.update((record_id, int(n)) for record_id, n in query)
    return found


def get(attachment_id: str) -> AttachmentInfo:
    row = _select().where(Attachment.id == attachment_id).dicts().first()
    if row is None:
        raise NotFoundError(_("Ce document n'existe plus (supprimé entre-temps ?)."))
    return _info(row)


def content(attachment_id: str) -> bytes:
    """The attachment's file, byte for byte."""
    value = (
        AttachmentBlob.select(AttachmentBlob.content)
        .join(Attachment, on=(Attachment.blob == AttachmentBlob.hash))
        .where(Attachment.id == attachment_id)
        .scalar()
    )
    if value is None:
        raise NotFoundError(_("Ce document n'existe plus (supprimé entre-temps ?)."))
    return bytes(value)


def all_present() -> Iterator[AttachmentInfo]:
    """Every attachment whose record is in the database (not in the trash), by id."""
    held = [
        (Attachment.kind == kind)
        & Attachment.record_id.in_(AREAS[kind].model.select(AREAS[kind].model.id))
        for kind in OWNERS
    ]
    query = _select().where(functools.reduce(operator.or_, held)).order_by(Attachment.id)
    for row in query.dicts():
        yield _info(row)


def agreements_of(partner_id: str) -> list[AttachmentInfo]:
    """A partner's documents of category "accord" (its fact sheet lists them)."""
    return [a for a in list_for("partners", partner_id) if a.category == "accord"]


@dataclass(frozen=True)
class FileFacts:
    """What the history says of a document's file: they never change in its life."""

    title: str  # the title now
    file_name: str
    media_type: str
    size: int
    kind: str  # the owner's collection
    record_id: str  # the owner's id


def _trashed_rows(where: pw.Expression) -> list[tuple[str, dict]]:
    """(attachment id, its row) of the attachments in the trash matching ``where``."""
    query = TrashItem.select(TrashItem.record_id, TrashItem.snapshot).where(
        (TrashItem.collection == COLLECTION) & where
    )
    return [(a_id, json.loads(text)["deleted"][0]["row"]) for a_id, text in query.tuples()]


def held_by(kind: str, record_id: str) -> tuple[pw.ModelSelect, pw.ModelSelect]:
    """The ids of the record's attachments present, and of those waiting in the trash:
    subqueries, so that its history reads its documents' changes in the same statement.
    (The trash's snapshot names the owner as :func:`remove` wrote it.)"""
    _check_owner(kind)
    present = Attachment.select(Attachment.id).where(
        (Attachment.kind == kind) & (Attachment.record_id == record_id)
    )
    trashed = TrashItem.select(TrashItem.record_id).where(
        (TrashItem.collection == COLLECTION)
        & TrashItem.snapshot.contains(json.dumps({"record_id": record_id})[1:-1])
    )
    return present, trashed


def file_facts(attachment_ids: Sequence[str]) -> dict[str, FileFacts]:
    """Title, file name, media type and size of each attachment still present or in the
    trash (absent: purged), 500 ids a query."""
    found: dict[str, FileFacts] = {}
    ids = list(dict.fromkeys(attachment_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = _select().where(Attachment.id.in_(chunk)).dicts()
        for row in query:
            found[row["id"]] = FileFacts(
                row["title"],
                row["file_name"],
                row["media_type"],
                int(row["size"]),
                row["kind"],
                row["record_id"],
            )
        missing = [a_id for a_id in chunk if a_id not in found]
        if not missing:
            continue
        rows = _trashed_rows(TrashItem.record_id.in_(missing))
        sizes = dict(
            AttachmentBlob.select(AttachmentBlob.hash, AttachmentBlob.size)
            .where(AttachmentBlob.hash.in_([row["blob"] for _id, row in rows]))
            .tuples()
        )
        for a_id, row in rows:
            found[a_id] = FileFacts(
                row["title"],
                row["file_name"],
                row["media_type"],
                int(sizes.get(row["blob"], 0)),
                row["kind"],
                row["record_id"],
            )
    return found


def type_text(file_name: str, media_type: str) -> str:
    """ "PDF", "JPEG", "DOCX": what kind of file a document is, in a word."""
    known = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF"}
    if media_type in known:
        return known[media_type]
    stem, dot, ext = file_name.rpartition(".")
    if dot and stem and 0 < len(ext) <= 5 and ext.isalnum():
        return ext.upper()
    return _("fichier")


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
    _check_owner(kind)
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
    _check_owner(kind)
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


# -- copies on disk -----------------------------------------------------------------------


def _free_name(folder: Path, name: str, taken: set[str]) -> Path:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem} ({n}){'.' + ext if ext else ''}"
    taken.add(candidate.casefold())
    return folder / candidate


def export_to(attachment_ids: Sequence[str], folder: str | os.PathLike[str]) -> list[Path]:
    """Copy attachments into ``folder`` under their cleaned names (never over an existing
    file: "nom (2).pdf"); each file written whole or not at all.  Returns the paths."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(
            _("Le dossier « {folder} » n'existe pas : rien n'a été exporté.").format(folder=folder)
        )
    written: list[Path] = []
    taken: set[str] = set()
    for attachment_id in attachment_ids:
        info = get(attachment_id)
        written.append(export_one(attachment_id, _free_name(folder, info.export_name, taken)))
    return written


def export_one(attachment_id: str, target: str | os.PathLike[str]) -> Path:
    """Copy one attachment to the file ``target`` (replaced whole if it exists)."""
    target = Path(target)
    data = content(attachment_id)
    try:
        with atomic_file(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UserError(
            _("Impossible d'écrire « {path} » : {error}.").format(
                path=target, error=exc.strerror or exc
            )
        ) from exc
    return target


def as_dict(info: AttachmentInfo) -> dict:
    values = asdict(info)
    values["created_at"] = info.created_at.isoformat(sep=" ", timespec="seconds")
    values["changed_at"] = info.changed_at.isoformat(sep=" ", timespec="seconds")
    return values


def category_label(category: str) -> str:
    return _(CATEGORIES.get(category, CATEGORIES["autre"]))


__all__ = [
    "CATEGORIES",
    "MAX_BYTES",
    "OWNERS",
    "AttachmentError",
    "AttachmentInfo",
    "LoadedFile",
    "ValidationError",
]
