"""PostgreSQL: copies are SQLite files, restores read one, and what a server database holds.

A backup of a server database is a portable, self-contained SQLite file (the same schema,
migrated by the SQLite back end, then filled by :mod:`..transfer`): usable offline,
listed and checked like any other copy, and restorable onto either back end.  Restoring
replaces every table's rows in one transaction: other clients see the old content or
the new one.  Two clients never copy at once: each takes a transaction-level advisory
lock, and the second waits for the first.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee as pw

from ...faults import StorageError
from ...files import ensure_private_dir
from ...location import DatabaseLocation
from .. import backend, migrations, transfer
from ..backend import FileInfo
from .connection import VERSION_TABLE, connect_to
from .notify import announce

BACKUP_LOCK = 0x52454C42  # "RELB": one copy at a time across clients


def write_sqlite_copy(db: pw.Database, target: Path) -> Path:
    """The content of the open server database ``db`` as the new private SQLite file."""
    from ..sqlite import SQLITE
    from ..sqlite.connection import create_private_file

    target = Path(target)
    if not target.parent.exists():
        ensure_private_dir(target.parent)
    create_private_file(target)
    copy = DatabaseLocation.file(target)
    try:
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (BACKUP_LOCK,))
            version = db.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()[0]
            out = SQLITE.open_standalone(copy)
            try:
                migrations.migrate(out, target=int(version or 0))
                with out.atomic():
                    transfer.copy_rows(db, out)
            finally:
                out.close()
    except BaseException:
        for file in (target, *SQLITE.side_files(target)):
            file.unlink(missing_ok=True)
        raise
    return target


class PostgresCopies:
    """Copies and whole-database work for :class:`~relations_app.db.backend.Backend`."""

    def write_copied_rows(
        self, db: pw.Database, model: type[pw.Model], rows: Iterable[Sequence[Any]]
    ) -> int:
        """``COPY … FROM STDIN``: the rows stream to the server in the copy protocol (no
        statement, no parameter list to build, per batch)."""
        columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
        sql = f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN'
        count = 0
        with db.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    @contextmanager
    def tables_filled_whole(self, db: pw.Database) -> Iterator[None]:
        """The indexes (trigram ones included) built at the end, and the foreign keys
        dropped and added again at the end: each is then checked by one join, where
        a deferred key queued a check (and a lock on the row referred to) for each row.
        Only a login owning every table may do so; another one fills them as they are."""
        if not self._owns_every_table(db):
            yield
            return
        db.execute_sql("SET CONSTRAINTS ALL IMMEDIATE")  # what a clearing deferred: now
        keys = db.execute_sql(
            "SELECT c.conrelid::regclass::text, quote_ident(c.conname), "
            "pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace "
            "ORDER BY 1, 2"
        ).fetchall()
        for table, name, _definition in keys:
            db.execute_sql(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        with self.indexes_built_after(db):  # type: ignore[attr-defined]
            yield
        for table, name, definition in keys:
            db.execute_sql(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")

    @staticmethod
    def _owns_every_table(db: pw.Database) -> bool:
        row = db.execute_sql(
            "SELECT coalesce(bool_and(pg_has_role(relowner, 'USAGE')), true) FROM pg_class "
            "WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'"
        ).fetchone()
        return bool(row[0])

    def backup_to(self, db: pw.Database, target: Path) -> Path:
        """On a connection of its own: a snapshot of its own (whatever transaction ``db``
        is in), and the window's connection never waits for another client's copy."""
        server = getattr(getattr(db, "obj", db), "server", None)
        assert server is not None
        own = connect_to(server)
        try:
            return write_sqlite_copy(own, target)
        finally:
            own.close()

    def copy(self, location: DatabaseLocation, target: Path, *, read_only: bool = False) -> Path:
        assert location.server is not None
        db = connect_to(location.server)
        try:
            return write_sqlite_copy(db, target)
        finally:
            db.close()

    def restore_into(self, source: Path, location: DatabaseLocation) -> None:
        """``source`` is a staged SQLite copy at the current schema."""
        from ..sqlite import SQLITE

        assert location.server is not None
        src = SQLITE.open_standalone(DatabaseLocation.file(source))
        db = connect_to(location.server)
        try:
            with db.atomic():
                transfer.clear(db)
                transfer.copy_rows(src, db)
                announce(db, 0)  # the open windows reload (their live refresh)
            backend.of(db).analyze(db)  # the planner's statistics, of the new rows
        finally:
            db.close()
            src.close()

    def keep_damaged(self, location: DatabaseLocation, target: Path) -> Path:
        raise StorageError(
            f"La base {location.describe()} est sur un serveur : sa copie brute se fait par "
            "l'administrateur du serveur (pg_dump), pas par l'application."
        )

    def replace_damaged(self, location: DatabaseLocation, source: Path) -> None:
        self.restore_into(source, location)

    def inspect(
        self, location: DatabaseLocation, tables: Mapping[str, str], *, check: bool = True
    ) -> FileInfo:
        assert location.server is not None
        info = FileInfo()
        db = connect_to(location.server)
        try:
            present = set(db.get_tables())
            if VERSION_TABLE in present:
                row = db.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
                info.schema_version = int(row[0] or 0)
            for key, table in tables.items():
                if table in present:
                    sql = f'SELECT count(*) FROM "{table}"'
                    info.counts[key] = int(db.execute_sql(sql).fetchone()[0])
        finally:
            db.close()
        return info

    def contains(self, location: DatabaseLocation, table: str, key: str) -> bool:
        assert location.server is not None
        db = connect_to(location.server)
        try:
            sql = f'SELECT 1 FROM "{table}" WHERE id = %s'
            return db.execute_sql(sql, (key,)).fetchone() is not None
        except pw.DatabaseError:
            return False
        finally:
            db.close()

    def last_change_time(self, location: DatabaseLocation) -> float:
        """When the server last committed a write (``pg_last_committed_xact``, any of its
        databases: never later than the truth for this one).  Without commit timestamps
        (``track_commit_timestamp = on``, see the README) it is taken as now, so the
        automatic copies follow their schedule (at most every 30 minutes) whatever was done."""
        assert location.server is not None
        db = connect_to(location.server)
        try:
            row = db.execute_sql(
                "SELECT extract(epoch FROM timestamp) FROM pg_last_committed_xact()"
            ).fetchone()
        except pw.DatabaseError:  # commit timestamps are off
            return time.time()
        finally:
            db.close()
        return float(row[0]) if row and row[0] is not None else 0.0

    def flush(self, location: DatabaseLocation) -> bool:
        """Every commit is on the server's disk already."""
        return True
