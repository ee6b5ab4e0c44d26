"""Reading attachments from the database: a record's list, counts, one attachment, its
bytes, the facts the history tells (:func:`file_facts`), those the trash holds."""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from ..db.models import Attachment, AttachmentBlob, TrashItem
from ..i18n import _
from . import AREAS
from .attachment_files import safe_file_name
from .versions import NotFoundError

COLLECTION = "attachments"
#: The record types that hold attachments.
OWNERS = ("partners", "programmes", "organisations", "contacts", "delegations")


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


def check_owner(kind: str) -> None:
    if kind not in OWNERS:
        raise ValueError(f"{kind!r} records hold no attachments")


def list_for(kind: str, record_id: str) -> list[AttachmentInfo]:
    """A record's attachments, newest date first (undated last), in one query."""
    check_owner(kind)
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


def trash_pattern(record_id: str) -> str:
    """The LIKE pattern (escaped with a backslash) of a trashed attachment's snapshot
    that names ``record_id`` as its owner, as :func:`remove` wrote it."""
    needle = json.dumps({"record_id": record_id})[1:-1]
    return "%" + needle.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"


def held_by(
    kind: str, record_id: str, pattern: str | None = None
) -> tuple[pw.ModelSelect, pw.ModelSelect]:
    """The ids of the record's attachments present, and of those waiting in the trash:
    subqueries, so that its history reads its documents' changes in the same statement.
    (The trash's snapshot names the owner as :func:`remove` wrote it.)  ``pattern``:
    :func:`trash_pattern` of the record (given apart when the query is prepared)."""
    check_owner(kind)
    present = Attachment.select(Attachment.id).where(
        (Attachment.kind == kind) & (Attachment.record_id == record_id)
    )
    like = pw.NodeList(  # as peewee's contains() writes it, the pattern a value of its own
        (
            pw.Value(trash_pattern(record_id) if pattern is None else pattern, converter=False),
            pw.SQL("ESCAPE"),
            pw.Value("\\", converter=False),
        )
    )
    trashed = TrashItem.select(TrashItem.record_id).where(
        (TrashItem.collection == COLLECTION) & pw.Expression(TrashItem.snapshot, pw.OP.ILIKE, like)
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
