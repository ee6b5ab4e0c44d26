"""PostgreSQL: telling the other clients that something was written (LISTEN/NOTIFY).

Each change set written sends ``NOTIFY relations_changes`` with the set's id as payload
(``pg_notify`` inside the write's transaction: the server delivers it at commit, and not
at all on a rollback).  A window listens on a connection of its own, in autocommit, whose
socket the window watches: while nothing is written nothing is asked of the server, and a
commit reaches the listeners at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import peewee as pw

from ...location import DatabaseLocation, ServerAddress
from ..backend import CHANGE_SET_COLUMNS, RECORD_CHANGE_COLUMNS, ChangeWatch
from ..bulk import converters
from ..models import ChangeSet, RecordChange
from .connection import connect_to

CHANNEL = "relations_changes"


def announce(db: pw.Database, set_id: int) -> None:
    """NOTIFY the listeners, at commit, that change set ``set_id`` (0: the whole content,
    a restore) was written."""
    db.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, str(set_id)))


class ListenWatch(ChangeWatch):
    """``LISTEN relations_changes`` on its own connection; :attr:`fileno` is its socket."""

    def __init__(self, server: ServerAddress) -> None:
        self._db: pw.Database | None = connect_to(server)
        self._conn = self._db.connection()
        self._conn.execute(f"LISTEN {CHANNEL}")
        self.fileno = self._conn.fileno()

    def woken(self) -> bool:
        """The notifications already received, without waiting (no query is sent)."""
        return bool(list(self._conn.notifies(timeout=0)))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class PostgresNotify:
    """The change watch and announcements of :class:`~relations_app.db.backend.Backend`."""

    def watch_changes(self, location: DatabaseLocation) -> ChangeWatch:
        assert location.server is not None
        return ListenWatch(location.server)

    def announce_change(self, db: pw.Database, set_id: int) -> None:
        announce(db, set_id)

    def insert_change_set(
        self, db: pw.Database, values: Sequence[Any], first: Sequence[Any] | None = None
    ) -> int:
        """The set, its first record change and the NOTIFY in one statement (one round
        trip instead of three on every save)."""
        names, marks, convert = _columns(ChangeSet, CHANGE_SET_COLUMNS)
        sql = f'WITH s AS (INSERT INTO "change_set" ({names}) VALUES ({marks}) RETURNING id)'
        params = _converted(values, convert)
        if first is not None:
            names, marks, convert = _columns(RecordChange, RECORD_CHANGE_COLUMNS)
            marks = marks.split(", ", 1)[1]  # the set's id comes from the set inserted
            sql += f', c AS (INSERT INTO "record_change" ({names}) SELECT s.id, {marks} FROM s)'
            params += _converted(first, convert[1:])
        sql += " SELECT s.id, pg_notify(%s, s.id::text) FROM s"
        return int(db.execute_sql(sql, [*params, CHANNEL]).fetchone()[0])


def _columns(model: type[pw.Model], columns: Sequence[str]) -> tuple[str, str, list]:
    """The quoted column names, their marks and their values' converters."""
    fields = model._meta.fields
    names = ", ".join(f'"{fields[c].column_name}"' for c in columns)
    return names, ", ".join(["%s"] * len(columns)), converters(model, columns)


def _converted(values: Sequence[Any], convert: list) -> list:
    return [
        value if to_db is None or value is None else to_db(value)
        for value, to_db in zip(values, convert, strict=True)
    ]
