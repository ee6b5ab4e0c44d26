"""SQLite: noticing that another connection wrote the file (two windows, two PCs' worth of
instances on one machine).

SQLite has no notifications; ``PRAGMA data_version`` on a connection changes whenever
another connection has committed to the file since that connection last asked, and never
for its own writes.  A connection of its own that only ever asks that (no transaction
held, no lock kept between calls) is therefore a cheap watch: one pragma per poll, read
from the shared-memory index without touching the file's pages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

from ...location import DatabaseLocation
from ..backend import ChangeWatch
from .files import connect

POLL_MS = 400  # a change shows in the other window within about half a second


class DataVersionWatch(ChangeWatch):
    """Polls ``PRAGMA data_version`` on a connection that never writes."""

    poll_ms = POLL_MS

    def __init__(self, path: Path) -> None:
        self._conn: sqlite3.Connection | None = connect(path)
        self._version = self._read()

    def _read(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def woken(self) -> bool:
        version = self._read()
        changed, self._version = version != self._version, version
        return changed

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class SqliteNotify:
    """The change watch of :class:`~relations_app.db.backend.Backend`."""

    def watch_changes(self, location: DatabaseLocation) -> ChangeWatch:
        return DataVersionWatch(location.path)

    def announce_change(self, db: pw.Database, set_id: int) -> None:
        """Nothing to send: the other connections see the file's version move."""
