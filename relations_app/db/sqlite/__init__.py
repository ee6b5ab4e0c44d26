"""The SQLite back end: one file per database, WAL mode, FTS5 search indexes.

:class:`SqliteBackend` is assembled from one part per job (opening and settings, error
classification, search indexes, checks, whole-file work); :data:`SQLITE` is the instance
the application uses.
"""

from __future__ import annotations

from ..backend import Backend
from .checks import SqliteChecks
from .connection import SqliteConnections
from .errors import SqliteErrors
from .files import SqliteFiles
from .notify import SqliteNotify
from .search import SqliteSearch


class SqliteBackend(
    SqliteConnections, SqliteErrors, SqliteSearch, SqliteChecks, SqliteFiles, SqliteNotify, Backend
):
    """SQLite behind :class:`~relations_app.db.backend.Backend`."""


SQLITE = SqliteBackend()
