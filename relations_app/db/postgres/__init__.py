"""The PostgreSQL back end: a shared office server, reached through Peewee and psycopg 3.

:class:`PostgresBackend` is assembled from one part per job (connections and schema,
error classification, trigram search, copies as SQLite files); :data:`POSTGRES` is the
instance the application uses.  psycopg is imported only when a server is reached.
"""

from __future__ import annotations

from ..backend import Backend
from .connection import PostgresConnections
from .copies import PostgresCopies
from .errors import PostgresErrors
from .notify import PostgresNotify
from .search import PostgresSearch


class PostgresBackend(
    PostgresConnections, PostgresErrors, PostgresSearch, PostgresCopies, PostgresNotify, Backend
):
    """PostgreSQL behind :class:`~relations_app.db.backend.Backend`."""


POSTGRES = PostgresBackend()
