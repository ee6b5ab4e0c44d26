"""Writing the history: every write says who, when, how, and what each field was before.

Every write path calls :func:`record` inside its own transaction (the services' create,
update and delete in :mod:`.base`, the trash, the JSON import's batches, the erasure), so
a write and its history line commit or roll back together.  *How* comes from the caller:
``with acting("undo"):`` (one change set per write, told as an undo), or
``with batch("import", "contacts.csv"):`` opened inside a transaction, under which every
record touched shares one change set (an import of a thousand contacts is one event).
``with writing_as(token):`` names the window writing, so that its live refresh
(:mod:`.change_feed`) can tell its own changes from the others'; each new set is announced
to the other clients by the back end (PostgreSQL's NOTIFY, sent at commit).

A change keeps, per field, ``[before, after]`` in the record's JSON shape (sub-records as
lists), only for the fields that changed; a creation keeps none.  So the record as it was
at any change is the current one with the later changes taken back
(:mod:`.history_read`).  One save costs two prepared inserts, whatever the number of
fields.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from ..db import backend, bulk
from ..db.backend import RECORD_CHANGE_COLUMNS
from ..db.models import ALL_MODELS, BaseModel, ChangeSet, Record, RecordChange, database

#: What a change did to its record.
KINDS = (
    "created",
    "changed",
    "trashed",
    "untrashed",
    "deleted",
    "erased",
    "merged",  # another record was merged into this one
    "merged_away",  # this record was merged into another (and went to the trash)
)
#: How it was made (the window's edits are "edit").
ORIGINS = ("edit", "undo", "redo", "revert", "import", "restore", "erase", "init", "merge")
LABEL_LENGTH = 200
#: Keys of a record that are not its content.
NOT_CONTENT = frozenset({"id", "version"})


@dataclass
class _Scope:
    origin: str
    summary: str = ""
    set_id: int | None = None  # a batch's change set, created inside its transaction


_SCOPE: ContextVar[_Scope | None] = ContextVar("history_scope", default=None)
_WRITER: ContextVar[str | None] = ContextVar("history_writer", default=None)
#: The change sets this process wrote under :func:`writing_as`: id -> (writer, at).  The
#: time tells a set rolled back and its number taken again by another client apart.
_WRITTEN: OrderedDict[int, tuple[str, datetime]] = OrderedDict()
WRITTEN_KEPT = 2000


@contextmanager
def acting(origin: str, summary: str = "") -> Iterator[None]:
    """Writes inside are told as ``origin`` ("undo", "redo", "revert"…), each its own set."""
    token = _SCOPE.set(_Scope(origin, summary))
    try:
        yield
    finally:
        _SCOPE.reset(token)


@contextmanager
def batch(origin: str, summary: str = "") -> Iterator[int]:
    """Inside a transaction: every change recorded inside shares one change set (its id
    is yielded).  Rolled back with the transaction, like the changes themselves."""
    scope = _Scope(origin, summary, _new_set(origin, summary))
    token = _SCOPE.set(scope)
    try:
        yield scope.set_id  # type: ignore[misc]
    finally:
        _SCOPE.reset(token)


@contextmanager
def writing_as(writer: str) -> Iterator[None]:
    """Change sets created inside are remembered as ``writer``'s (a window's token)."""
    token = _WRITER.set(writer)
    try:
        yield
    finally:
        _WRITER.reset(token)


def writer_of(set_id: int, at: datetime) -> str | None:
    """Who in this process wrote the change set ``set_id`` made at ``at`` (None: another
    process, or no :func:`writing_as` around it)."""
    found = _WRITTEN.get(set_id)
    return found[0] if found is not None and found[1] == at else None


def user_name() -> str:
    return backend.current().user_name(database)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _new_set(origin: str, summary: str, first: Sequence[Any] | None = None) -> int:
    """A new change set, announced; with ``first``, its first record change (its values
    after the set's id), written with it (one round trip on a server)."""
    at = _now()
    set_id = backend.current().insert_change_set(
        database, (at, user_name(), origin, summary), first
    )
    writer = _WRITER.get()
    if writer is not None:
        _WRITTEN[set_id] = (writer, at)
        while len(_WRITTEN) > WRITTEN_KEPT:
            _WRITTEN.popitem(last=False)
    return set_id


def _set_id() -> int:
    scope = _SCOPE.get()
    if scope is not None and scope.set_id is not None:
        return scope.set_id
    if scope is None:
        return _new_set("edit", "")
    return _new_set(scope.origin, scope.summary)


def current_origin() -> str:
    scope = _SCOPE.get()
    return scope.origin if scope is not None else "edit"


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list]:
    """``{key: [before, after]}`` for each content key whose value differs."""
    keys = [k for k in after if k not in NOT_CONTENT]
    keys += [k for k in before if k not in after and k not in NOT_CONTENT]
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _fields_text(fields: Mapping[str, Any] | None) -> str | None:
    return json.dumps(fields, ensure_ascii=False, default=str) if fields else None


def record(
    collection: str,
    record_id: str,
    kind: str,
    *,
    version: int | None,
    label: str = "",
    fields: Mapping[str, Any] | None = None,
) -> None:
    """One change of one record, in the current set (or a new one); call in a transaction.

    On every save: its two inserts are prepared once (:func:`.bulk.insert_one`), not
    built by Peewee each time (which cost more than the rest of the history's write)."""
    row = (collection, record_id, kind, version, (label or "")[:LABEL_LENGTH], _fields_text(fields))
    scope = _SCOPE.get()
    if scope is not None and scope.set_id is not None:  # a batch's set
        bulk.insert_one(RecordChange, RECORD_CHANGE_COLUMNS, (scope.set_id, *row), key=False)
    elif scope is None:
        _new_set("edit", "", row)
    else:
        _new_set(scope.origin, scope.summary, row)


def record_many(collection: str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Many changes of ``collection`` at once (an import's batch): each row has
    ``record_id``, ``kind``, ``version``, ``label`` and optionally ``fields``."""
    set_id = _set_id()
    prepared = [
        {
            "change_set": set_id,
            "collection": collection,
            "record_id": row["record_id"],
            "kind": row["kind"],
            "version": row.get("version"),
            "label": (row.get("label") or "")[:LABEL_LENGTH],
            "fields": _fields_text(row.get("fields")),
        }
        for row in rows
    ]
    return bulk.insert_rows(RecordChange, prepared)


def record_many_kinds(changes: Iterable[tuple[str, str, str, int | None, str]]) -> None:
    """Changes of any collections, each ``(collection, record_id, kind, version, label)``,
    in the current set (the trash emptied)."""
    set_id: int | None = None
    rows = []
    for collection, record_id, kind, version, label in changes:
        set_id = _set_id() if set_id is None else set_id
        rows.append(
            {
                "change_set": set_id,
                "collection": collection,
                "record_id": record_id,
                "kind": kind,
                "version": version,
                "label": (label or "")[:LABEL_LENGTH],
            }
        )
    bulk.insert_rows(RecordChange, rows)


def record_event(origin: str, summary: str) -> int:
    """A change of the whole database with no record line (a restore); its set's id."""
    return _new_set(origin, summary)


# -- versions that never go back ----------------------------------------------------------


def highest_versions(record_ids: Sequence[str]) -> dict[str, int]:
    """The highest version each record ever had, as far as the history knows."""
    found: dict[str, int] = {}
    wanted = list(dict.fromkeys(record_ids))
    for start in range(0, len(wanted), 500):
        query = (
            RecordChange.select(RecordChange.record_id, pw.fn.MAX(RecordChange.version))
            .where(RecordChange.record_id.in_(wanted[start : start + 500]))
            .group_by(RecordChange.record_id)
            .tuples()
        )
        found.update((record_id, int(v)) for record_id, v in query if v is not None)
    return found


def next_version(record_id: str, floor: int = 0) -> int:
    """The version a record coming back (a re-import, a restore from the trash) takes:
    above any it had, so a copy opened on an earlier life of it is refused."""
    return max(floor, highest_versions([record_id]).get(record_id, 0)) + 1


def _record_models() -> list[type[Record]]:
    return [m for m in ALL_MODELS if isinstance(m, type) and issubclass(m, Record)]


def highest_version_anywhere(db: pw.Database) -> int:
    """The highest version any record of ``db`` has or had (0 for an empty database or one
    older than the history)."""
    models: list[type[BaseModel]] = [*_record_models(), RecordChange]
    top = 0
    with db.bind_ctx(models):
        for model in models:
            try:
                with db.atomic():
                    version = model._meta.fields["version"]
                    value = model.select(pw.fn.MAX(version)).scalar()
            except pw.DatabaseError:  # no such table yet (a schema before the history)
                continue
            top = max(top, int(value or 0))
    return top


def after_restore(db: pw.Database, floor: int, summary: str) -> int:
    """In the copy ``db`` about to replace the content (inside its transaction): every
    record takes one version above ``floor`` (the highest the replaced content ever gave)
    and above its own, so no form opened before the restore saves over what it brings back;
    the history tells the restore.  Returns that version."""
    version = max(floor, highest_version_anywhere(db)) + 1
    with db.bind_ctx([*_record_models(), ChangeSet]):
        for model in _record_models():
            model.update(version=version).execute()
        ChangeSet.insert(
            at=_now(), user_name=user_name(), origin="restore", summary=summary
        ).execute()
    return version
