"""PostgreSQL: reaching the server, the schema version kept on it, scripts in its dialect.

A location's :class:`~relations_app.location.ServerAddress` gives libpq its host, port,
database, user and TLS options; the password is libpq's business (``~/.pgpass``,
``PGPASSWORD``).  Every session runs in UTC so that timestamps read back as written, and
names itself ``Relations`` to the server (``pg_stat_activity``).  A database that does not
exist yet is created (owned by the login, with the byte-order collation ``C`` so that
lists sort exactly as on SQLite, the folded ``sort_key`` being plain ASCII).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import peewee as pw

from ...faults import StorageError, fault_from
from ...i18n import _
from ...location import DatabaseLocation, ServerAddress
from ..backend import Probe
from ..models import ALL_MODELS, database
from . import passwords

VERSION_TABLE = "relations_schema_version"
#: Any constant key shared by every client of the database (``pg_advisory_lock``).
MIGRATION_LOCK = 0x52454C41  # "RELA"
APPLICATION_NAME = "Relations"
#: Each open connection's login (``session_user`` cannot change on a connection), asked
#: once: the history names the writer of every save.
_LOGINS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()

#: The migrations' portable column types in PostgreSQL's spelling.
COLUMN_TYPES = {
    "auto_key": "SERIAL PRIMARY KEY",
    "timestamp": "TIMESTAMP",
    "float": "DOUBLE PRECISION",
    "boolean": "BOOLEAN",
    "blob": "BYTEA",
}

_REFERENCE = re.compile(
    r'(REFERENCES\s+"[^"]+"\s*\("[^"]+"\)(?:\s+ON\s+(?:DELETE|UPDATE)\s+'
    r"(?:CASCADE|SET\s+NULL|SET\s+DEFAULT|RESTRICT|NO\s+ACTION))*)",
    re.IGNORECASE,
)


def postgres_dialect(script: str) -> str:
    """A rendered migration as PostgreSQL runs it: every foreign key DEFERRABLE (still
    checked per statement unless a transaction defers it, as an import does, which SQLite
    does with ``PRAGMA defer_foreign_keys``)."""
    return _REFERENCE.sub(r"\1 DEFERRABLE INITIALLY IMMEDIATE", script)


def attach_psycopg() -> None:
    """Give Peewee the psycopg 3 driver, which it was imported without (``relations_app``
    hides it then, to keep it out of a start on a file): what Peewee's module and its
    adapter would have taken from it at import."""
    if pw.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    pw.TransactionStatus = TransactionStatus
    pw.Json_pg3, pw.Jsonb_pg3 = Json, Jsonb
    adapter = pw.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    pw.psycopg = psycopg


class RelationsPostgresDatabase(pw.PostgresqlDatabase):
    """Peewee's PostgreSQL database on psycopg 3, remembering the address it was given."""

    def __init__(self, server: ServerAddress, *, read_only: bool = False, **kwargs: Any) -> None:
        attach_psycopg()
        self.server = server
        params: dict[str, Any] = {
            "application_name": APPLICATION_NAME,
            "connect_timeout": 10,
            **server.connect_params(),
        }
        # psycopg prepares a statement sent five times, and PostgreSQL may then plan it once
        # for any parameters: a one-letter search, planned as if it matched a few rows, read
        # a quarter-million contacts and sorted them (250 ms a keystroke against 2 ms).
        # Planned for its own parameters every time instead (about a millisecond).
        settings = "-c TimeZone=UTC -c plan_cache_mode=force_custom_plan" + (
            " -c default_transaction_read_only=on" if read_only else ""
        )
        params["options"] = f"{params['options']} {settings}" if "options" in params else settings
        known = passwords.known(server)
        if known is not None:
            params["password"] = known
        super().__init__(server.database, prefer_psycopg3=True, **params, **kwargs)

    def _connect(self) -> Any:
        """libpq's own passwords first; when the server asks for one libpq did not find,
        the system keyring's (:mod:`.passwords`), then once more."""
        try:
            return super()._connect()
        except pw.psycopg.OperationalError as exc:
            if "password" in self.connect_params:
                self._forget_if_refused(exc)
                raise
            found = passwords.lookup(self.server) if passwords.asks_password(exc) else None
            if found is None:
                raise
            self.connect_params["password"] = found
        try:
            return super()._connect()
        except pw.psycopg.OperationalError as exc:
            self._forget_if_refused(exc)
            raise

    def _forget_if_refused(self, exc: BaseException) -> None:
        """A password the server refused is offered no more (the keyring's stays there)."""
        if passwords.refused(exc):
            passwords.discard(self.server)
            self.connect_params.pop("password", None)


def connect_to(server: ServerAddress, *, create: bool = False) -> RelationsPostgresDatabase:
    """An open connection to ``server``'s database (created first with ``create``)."""
    db = RelationsPostgresDatabase(server)
    try:
        db.connect()
    except pw.OperationalError:
        if not create or database_exists(server) is not False:
            raise
        create_database(server)
        db.connect()
    return db


def _maintenance(server: ServerAddress) -> RelationsPostgresDatabase:
    return RelationsPostgresDatabase(
        ServerAddress(server.host, server.port, "postgres", server.user, server.options)
    )


def database_exists(server: ServerAddress) -> bool | None:
    """Whether the server has ``server.database``, asked through its maintenance database
    (libpq gives no error code for a refused connection); None when that cannot be asked."""
    admin = _maintenance(server)
    try:
        admin.connect()
    except pw.OperationalError:
        return None
    try:
        sql = "SELECT 1 FROM pg_database WHERE datname = %s"
        return admin.execute_sql(sql, (server.database,)).fetchone() is not None
    finally:
        admin.close()


def create_database(server: ServerAddress) -> None:
    """``CREATE DATABASE`` through the server's maintenance database (needs CREATEDB)."""
    from psycopg import sql

    admin = _maintenance(server)
    admin.connect()
    try:
        statement = sql.SQL(
            "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        ).format(sql.Identifier(server.database))
        admin.connection().execute(statement)
    finally:
        admin.close()


def open_failure(exc: BaseException, location: DatabaseLocation) -> StorageError:
    found = fault_from(exc, location)
    if found is not None:
        return found
    return StorageError(f"Impossible de joindre la base {location.describe()} : {exc}")


class PostgresConnections:
    """Opening and closing, the schema version, settings and scripts."""

    dialect = "postgresql"
    column_types = COLUMN_TYPES

    def owns(self, db: pw.Database) -> bool:
        return isinstance(db, pw.PostgresqlDatabase)

    def open(self, location: DatabaseLocation) -> pw.Database:
        assert location.server is not None
        try:
            db = connect_to(location.server, create=True)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            raise open_failure(exc, location) from exc
        database.initialize(db)
        return db

    def open_read_only(self, location: DatabaseLocation, secret: str | None = None) -> pw.Database:
        assert location.server is not None
        if secret:
            passwords.offer(location.server, secret)
        db = RelationsPostgresDatabase(location.server, read_only=True)
        try:
            db.connect()
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            raise open_failure(exc, location) from exc
        database.initialize(db)
        return db

    def secret_for_worker(self, location: DatabaseLocation) -> str | None:
        """The session's password (typed, or read from the keyring once), if any: passed to
        the worker through its pipe, never in a file or its command line."""
        assert location.server is not None
        return passwords.known(location.server)

    def open_standalone(self, location: DatabaseLocation) -> pw.Database:
        assert location.server is not None
        try:
            return connect_to(location.server, create=True)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            raise open_failure(exc, location) from exc

    def location_of(self, db: pw.Database) -> DatabaseLocation | None:
        server = getattr(getattr(db, "obj", db), "server", None)
        return DatabaseLocation.on_server(server) if server is not None else None

    def close(self) -> None:
        if database.obj is not None and not database.is_closed():
            database.close()

    @contextmanager
    def _reading(self, location: DatabaseLocation) -> Iterator[pw.Database | None]:
        """A connection of its own, or None when the database is not there at all."""
        assert location.server is not None
        try:
            db = connect_to(location.server)
        except pw.OperationalError as exc:
            if database_exists(location.server) is False:
                yield None
                return
            raise open_failure(exc, location) from exc
        try:
            yield db
        finally:
            db.close()

    def exists(self, location: DatabaseLocation) -> bool:
        """Whether the application's schema is there (a bare database is still to create)."""
        with self._reading(location) as db:
            return db is not None and VERSION_TABLE in db.get_tables()

    def is_empty(self, location: DatabaseLocation) -> bool:
        return not self.exists(location)

    def make_private(self, location: DatabaseLocation) -> None:
        """Who may read a server database is decided by its grants, not here."""

    def ensure_writable(self, location: DatabaseLocation) -> None:
        """A refused write says so when it happens (the server's own check)."""

    def side_files(self, path: Any) -> list[Any]:
        return []

    def delete(self, location: DatabaseLocation) -> None:
        """Drop the application's tables (the database itself, and anything else in it,
        stay)."""
        with self._reading(location) as db:
            if db is None:
                return
            with db.atomic():
                tables = [m._meta.table_name for m in ALL_MODELS] + [VERSION_TABLE]
                present = set(db.get_tables())
                for table in tables:
                    if table in present:
                        db.execute_sql(f'DROP TABLE "{table}" CASCADE')

    def schema_version(self, db: pw.Database) -> int:
        if not db.table_exists(VERSION_TABLE):
            return 0
        row = db.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
        return int(row[0] or 0)

    def set_schema_version(self, db: pw.Database, version: int) -> None:
        """A one-row table, written in the migration's own transaction."""
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        db.execute_sql(f"DELETE FROM {VERSION_TABLE}")
        db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (int(version),))

    @contextmanager
    def migration_lock(self, db: pw.Database) -> Iterator[None]:
        """An advisory lock: a second client starting at the same time waits here, then
        finds the schema already migrated.  Inside a transaction (a new database migrated
        and filled at once) it is held until that commits."""
        if db.in_transaction():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            yield
            return
        db.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    def execute_script(self, db: pw.Database, script: str) -> None:
        """Without parameters psycopg sends the whole script as one simple query, run in
        the current transaction."""
        db.connection().execute(postgres_dialect(script).encode())

    def table_names(self, db: pw.Database) -> list[str]:
        return sorted(t for t in db.get_tables() if t != VERSION_TABLE)

    def defer_foreign_keys(self, db: pw.Database) -> None:
        db.execute_sql("SET CONSTRAINTS ALL DEFERRED")

    @contextmanager
    def bulk_load(self, db: pw.Database) -> Iterator[None]:
        """Commits then wait for no disk flush (a crash may lose the last ones, never
        corrupt the database)."""
        db.execute_sql("SET synchronous_commit = off")
        try:
            yield
        finally:
            db.execute_sql("RESET synchronous_commit")

    def numbers_given(self, db: pw.Database, model: type[pw.Model]) -> None:
        """Move the key's sequence past the largest key now in the table."""
        key = model._meta.primary_key
        if not isinstance(key, pw.AutoField):
            return
        table, column = model._meta.table_name, key.column_name
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f'coalesce(max("{column}"), 0) + 1, false) FROM "{table}"'
        )

    def joined_text(self, value: pw.Node, separator: str) -> pw.Node:
        return pw.fn.string_agg(pw.Cast(value, "text"), separator)

    def access_role(self, db: pw.Database) -> str:
        """The login's role, read from the server's grants (:func:`.roles.session_role`)."""
        from .roles import session_role

        return session_role(db)

    def probe(self, location: DatabaseLocation) -> Probe:
        """Connect once (nothing created), say who we are and with which role."""
        from .errors import connection_failure

        assert location.server is not None
        try:
            db = connect_to(location.server)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            reason = connection_failure(exc.__cause__ or exc, location.server)
            raise StorageError(
                _("Connexion impossible à {where} : {reason}").format(
                    where=location.describe(), reason=reason
                )
            ) from exc
        try:
            ready = VERSION_TABLE in db.get_tables()
            return Probe(self.user_name(db), self.access_role(db), ready)
        finally:
            db.close()

    def user_name(self, db: pw.Database) -> str:
        """The server login the session was opened with (asked once per connection)."""
        connection = db.connection()
        login = _LOGINS.get(connection)
        if login is None:
            login = _LOGINS[connection] = str(db.execute_sql("SELECT session_user").fetchone()[0])
        return login

    @contextmanager
    def secure_delete(self, db: pw.Database) -> Iterator[None]:
        """Deleted rows stay in the table's pages until VACUUM (:meth:`wipe_deleted_content`)."""
        yield

    def wipe_deleted_content(self, db: pw.Database) -> bool:
        """VACUUM the tables (outside any transaction): the space of deleted rows is freed
        for reuse.  Never fails for a busy server: False then."""
        if db.in_transaction():
            return False
        try:
            for table in self.table_names(db):
                db.execute_sql(f'VACUUM "{table}"')
        except pw.DatabaseError:
            return False
        return True
