"""PostgreSQL: telling the other clients that something was written (LISTEN/NOTIFY).

Each change set written sends ``NOTIFY relations_changes`` with the set's id as payload
(``pg_notify`` inside the write's transaction: the server delivers it at commit, and not
at all on a rollback).  A window listens on a connection of its own, in autocommit, whose
socket the window watches: while nothing is written nothing is asked of the server, and a
commit reaches the listeners at once.
"""

from __future__ import annotations

import peewee as pw

from ...location import DatabaseLocation, ServerAddress
from ..backend import ChangeWatch
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
