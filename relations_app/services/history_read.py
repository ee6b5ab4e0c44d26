"""Reading the history: a record's changes, the changes of a period, the latest ones, who
created a record and who last changed it, and the record as it was at a change.

Each list is one query joining the change sets (who, when, how) to the record changes,
read through the ``record_id`` or the ``at`` index.  A record's list also holds the restores
made since it first appeared: a restore replaces the content with the copy's, history
included, and the records' pages say when that happened.

:func:`values_at` rebuilds the record as it was just before a change: the record as it is
now, with the ``before`` value of that change and of every later one put back, newest
first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from ..db import prepared
from ..db.models import ChangeSet, RecordChange
from . import AREAS, attachments
from .history import NOT_CONTENT
from .versions import NotFoundError


@dataclass(frozen=True)
class Change:
    """One line of the history (a restore has no record: empty ``collection``)."""

    id: int  # the record change's id (0 for a restore)
    at: datetime  # aware, UTC
    user: str
    origin: str
    summary: str
    collection: str
    record_id: str
    kind: str
    version: int | None
    label: str
    fields: dict[str, list] = field(default_factory=dict)  # key -> [before, after]


@dataclass(frozen=True)
class Stamp:
    """Who created a record and who changed it last, and when (None when not known)."""

    created_by: str | None
    created_at: datetime | None
    changed_by: str | None
    changed_at: datetime | None


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


#: what a line of the history reads, of the change and of its change set
_COLUMNS = (
    RecordChange.id,
    RecordChange.collection,
    RecordChange.record_id,
    RecordChange.kind,
    RecordChange.version,
    RecordChange.label,
    RecordChange.fields,
    ChangeSet.at,
    ChangeSet.user_name,
    ChangeSet.origin,
    ChangeSet.summary,
)


def _query() -> pw.ModelSelect:
    return RecordChange.select(*_COLUMNS).join(ChangeSet)


def _change(row: dict) -> Change:
    return Change(
        id=row["id"],
        at=_aware(row["at"]),
        user=row["user_name"],
        origin=row["origin"],
        summary=row["summary"],
        collection=row["collection"],
        record_id=row["record_id"],
        kind=row["kind"],
        version=row["version"],
        label=row["label"],
        fields=json.loads(row["fields"]) if row["fields"] else {},
    )


def _restore(at: datetime, user: str, summary: str) -> Change:
    return Change(0, _aware(at), user, "restore", summary, "", "", "restored", None, "")


def _restores_since(since: datetime) -> list[Change]:
    query = (
        ChangeSet.select()
        .where((ChangeSet.origin == "restore") & (ChangeSet.at >= since))
        .order_by(ChangeSet.at.desc(), ChangeSet.id.desc())
    )
    return [_restore(s.at, s.user_name, s.summary) for s in query]


def _own(collection: str, record_id: str) -> pw.Expression:
    return (RecordChange.record_id == record_id) & (RecordChange.collection == collection)


def _listed(collection: str, record_id: str, pattern: str | None = None) -> pw.Expression:
    """The record's own changes and, for a record that holds documents, those of its
    documents (each term read from the ``record_id`` index; ``pattern``: see
    :func:`attachments.held_by`)."""
    where = _own(collection, record_id)
    if collection in attachments.OWNERS:
        for held in attachments.held_by(collection, record_id, pattern):
            where |= (RecordChange.collection == attachments.COLLECTION) & (
                RecordChange.record_id.in_(held)
            )
    return where


def _with_restores(changes: list[Change], restores: list[Change]) -> list[Change]:
    return sorted(changes + restores, key=lambda c: (c.at, c.id), reverse=True)


def record_history(collection: str, record_id: str, limit: int = 1000) -> list[Change]:
    """The record's changes, newest first, with the restores made since its first one and,
    for a record that holds documents, the changes of its documents (added, renamed,
    redated, put in the trash and back: collection ``attachments``)."""
    where = _listed(collection, record_id)
    query = _query().where(where).order_by(RecordChange.id.desc()).limit(limit).dicts()
    changes = [_change(row) for row in query]
    if not changes:
        return []
    return _with_restores(changes, _restores_since(changes[-1].at.replace(tzinfo=None)))


#: the columns of :func:`page_history`'s three parts, in the order of its rows
_PAGE_COLUMNS = (*(column.name for column in _COLUMNS), "set_id")
_ENDS, _SHOWN, _RESTORES = 1, 2, 3


def page_history(collection: str, record_id: str, limit: int) -> tuple[list[Change], Stamp]:
    """:func:`record_history` (its newest ``limit`` changes) and :func:`stamp` together,
    in one statement: what a record's page shows of its history (three round trips to a
    server before: the changes, the restores since the oldest shown, the stamp).

    Three parts, UNION ALL: the record's first and last changes (the stamp), the changes
    listed (newest first, ``limit`` of them) and the restores made since the oldest of
    those (none when there is no change).  Its SQL is built once (:mod:`..db.prepared`)."""
    owner = collection in attachments.OWNERS  # its documents' changes too
    rows = prepared.run(
        ("page history", collection),
        lambda record, shown, *pattern: _page_query(collection, record, shown, *pattern),
        record_id,
        limit,
        *([attachments.trash_pattern(record_id)] if owner else []),
    )
    parts: dict[int, list[dict]] = {_ENDS: [], _SHOWN: [], _RESTORES: []}
    at = ChangeSet.at
    for part, *values in rows:
        row = dict(zip(_PAGE_COLUMNS, values, strict=True))
        row["at"] = at.python_value(row["at"])  # a compound's rows are not all converted
        parts[int(part)].append(row)
    changes = [_change(row) for row in sorted(parts[_SHOWN], key=lambda r: -r["id"])]
    restores = [
        _restore(row["at"], row["user_name"], row["summary"])
        for row in sorted(parts[_RESTORES], key=lambda r: (r["at"], r["set_id"]), reverse=True)
    ]
    history = _with_restores(changes, restores) if changes else []
    return history, _stamp_of(sorted(parts[_ENDS], key=lambda r: r["id"]))


def _page_query(
    collection: str, record_id: str, limit: int, pattern: str | None = None
) -> pw.Query:
    """:func:`page_history`'s statement."""
    where = _listed(collection, record_id, pattern)
    columns = (*_COLUMNS, ChangeSet.id.alias("set_id"))
    own = _own(collection, record_id)
    ends = [RecordChange.select(fn(RecordChange.id)).where(own) for fn in (pw.fn.min, pw.fn.max)]
    first_part = (
        RecordChange.select(pw.SQL(str(_ENDS)).alias("part"), *columns)
        .join(ChangeSet)
        .where(RecordChange.id.in_(ends[0]) | RecordChange.id.in_(ends[1]))
    )
    newest = (
        RecordChange.select(*columns)
        .join(ChangeSet)
        .where(where)
        .order_by(RecordChange.id.desc())
        .limit(limit)
    )
    shown = newest.alias("shown")
    shown_part = ChangeSet.select(
        pw.SQL(str(_SHOWN)), *(getattr(shown.c, name) for name in _PAGE_COLUMNS)
    ).from_(shown)
    listed = newest.alias("listed")
    oldest_at = (
        ChangeSet.select(listed.c.at).from_(listed).order_by(listed.c.id).limit(1)
    )  # NULL when nothing is listed: no restore then
    restores_part = ChangeSet.select(
        pw.SQL(str(_RESTORES)),
        *(pw.SQL("NULL") for _ in range(7)),
        ChangeSet.at,
        ChangeSet.user_name,
        ChangeSet.origin,
        ChangeSet.summary,
        ChangeSet.id,
    ).where((ChangeSet.origin == "restore") & (ChangeSet.at >= oldest_at))
    return (first_part + shown_part + restores_part).tuples()


def record_changes_after(collection: str, record_id: str, after_id: int) -> list[Change]:
    """The record's own changes newer than the change ``after_id``, newest first: what a
    page showing its history up to that change lacks after the record was saved (one
    statement, read from the ``record_id`` index)."""
    where = (
        (RecordChange.record_id == record_id)
        & (RecordChange.collection == collection)
        & (RecordChange.id > after_id)
    )
    query = _query().where(where).order_by(RecordChange.id.desc()).dicts()
    return [_change(row) for row in query]


def changes_since(since: datetime, until: datetime | None = None) -> Iterator[Change]:
    """Every record change from ``since`` (naive UTC or aware) on, oldest first."""
    start = since.astimezone(UTC).replace(tzinfo=None) if since.tzinfo else since
    where = ChangeSet.at >= start
    if until is not None:
        end = until.astimezone(UTC).replace(tzinfo=None) if until.tzinfo else until
        where &= ChangeSet.at < end
    query = _query().where(where).order_by(ChangeSet.at, RecordChange.id).dicts()
    for row in query.iterator():
        yield _change(row)


def latest_changes(limit: int = 20) -> list[Change]:
    """The newest record changes, newest first (the dashboard's "Dernières modifications")."""
    query = _query().order_by(RecordChange.id.desc()).limit(limit).dicts()
    return [_change(row) for row in query]


def stamp(collection: str, record_id: str) -> Stamp:
    """Who created the record and who changed it last: its first and last changes, in one
    statement (each end read from the index; a round trip less on a server)."""
    where = _own(collection, record_id)
    ends = [RecordChange.select(fn(RecordChange.id)).where(where) for fn in (pw.fn.min, pw.fn.max)]
    rows = list(
        _query()
        .where(RecordChange.id.in_(ends[0]) | RecordChange.id.in_(ends[1]))
        .order_by(RecordChange.id)
        .dicts()
    )
    return _stamp_of(rows)


def _stamp_of(rows: list[dict]) -> Stamp:
    """The stamp from the record's first and last changes (``rows``, oldest first)."""
    first, last = (rows[0], rows[-1]) if rows else (None, None)
    created = first if first is not None and first["kind"] == "created" else None
    changed = (
        last if last is not None and (created is None or last["id"] != created["id"]) else None
    )
    return Stamp(
        created["user_name"] if created else None,
        _aware(created["at"]) if created else None,
        changed["user_name"] if changed else None,
        _aware(changed["at"]) if changed else None,
    )


def _rebuilt(collection: str, record_id: str, change_id: int) -> tuple[dict, dict]:
    """(the content just before the change, the record as it is now)."""
    current = AREAS[collection].get(record_id)
    if (
        not RecordChange.select()
        .where((RecordChange.id == change_id) & (RecordChange.record_id == record_id))
        .exists()
    ):
        raise NotFoundError("Cette modification n'est plus dans l'historique.")
    state: dict[str, Any] = {k: v for k, v in current.items() if k not in NOT_CONTENT}
    later = (
        RecordChange.select(RecordChange.fields)
        .where(
            (RecordChange.record_id == record_id)
            & (RecordChange.collection == collection)
            & (RecordChange.id >= change_id)
        )
        .order_by(RecordChange.id.desc())
    )
    for change in later:
        for key, (before, _after) in (json.loads(change.fields) if change.fields else {}).items():
            state[key] = before
    return state, current


def values_at(collection: str, record_id: str, change_id: int) -> tuple[dict, int]:
    """The record's content just before the change ``change_id`` (what putting it back
    writes), and its current version.  Raises ``NotFoundError``."""
    state, current = _rebuilt(collection, record_id, change_id)
    return state, current["version"]


def put_back_values(
    collection: str, record_id: str, change_id: int, key: str | None = None
) -> tuple[dict, int]:
    """What to write to put the record (or only its ``key``) back as it was just before the
    change, and the version that write expects: only what differs from now."""
    state, current = _rebuilt(collection, record_id, change_id)
    keys = [key] if key is not None else list(state)
    return {k: state.get(k) for k in keys if state.get(k) != current.get(k)}, current["version"]
