"""SQLite: opening the file, its settings (pragmas), the schema version, SQL scripts.

Write transactions start with ``BEGIN IMMEDIATE``; new files are created readable by the
owner only (SQLite gives its ``-wal`` and ``-shm`` files the same mode).
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee as pw

from ...faults import StorageError, fault, fault_from
from ...files import FILE_MODE, ensure_private_dir
from ...i18n import _
from ...location import DatabaseLocation
from ..backend import Probe, dropped_while_inside
from ..gate import GATE
from ..models import database

PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed edit survives a power cut
    "busy_timeout": 5000,  # ms: a second instance waits instead of failing at once
    "cache_size": -64000,  # 64 MiB: a large office's list indexes stay in memory (used as needed)
}

#: The page cache of a connection opened off the main thread (the window's tasks, the
#: start check's readers): 16 MiB.  Such a connection reads once what it reads (the
#: dashboard's map and warnings, the sidebar's counts, the check); with 64 MiB each, the
#: caches of the tasks running beside the window's own added 100 MB to its peak on a
#: million contacts, for no time saved (SQLite's default 2 MiB thrashes).
WORKER_CACHE_SIZE = -16000


class RelationsSqliteDatabase(pw.SqliteDatabase):
    """Peewee's SQLite database with two safety changes.

    - Transactions start with ``BEGIN IMMEDIATE`` (``lock_type``): a writer takes the
      write lock first and waits for it (``busy_timeout``).  A deferred transaction that
      reads and then writes fails at once with "database is locked" when another instance
      committed in between, which no timeout can cure.
    - After a disk-full or I/O error SQLite has already rolled the transaction back;
      rolling back again would raise "cannot rollback - no transaction is active" and hide
      the real cause, so that second rollback is skipped.
    - A transaction waits, at its start, for the whole-file check that runs after the
      window has shown (:mod:`relations_app.db.gate`).
    - A connection opened off the main thread has a smaller page cache
      (:data:`WORKER_CACHE_SIZE`).
    """

    #: an UPDATE may return the row it wrote (``RETURNING``, SQLite 3.35): a save reads
    #: nothing back (Peewee's ``returning_clause`` stays off, its inserts unchanged)
    update_returning = sqlite3.sqlite_version_info >= (3, 35, 0)

    def __init__(self, database_name: str | None, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database_name, *args, **kwargs)

    def _set_pragmas(self, conn: sqlite3.Connection) -> None:
        super()._set_pragmas(conn)
        if threading.current_thread() is not threading.main_thread():
            conn.execute(f"PRAGMA cache_size = {WORKER_CACHE_SIZE}")

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()

    def begin(self, lock_type: str | None = None) -> None:
        GATE.wait()  # the start check has passed (or none runs); a damaged file refuses
        super().begin(lock_type)


def os_user_name() -> str:
    """The account name of this process (``getpass`` reads LOGNAME, USER, LNAME, USERNAME,
    then the password database); "inconnu" when none of them says."""
    try:
        return getpass.getuser() or "inconnu"
    except (OSError, KeyError, ImportError):  # no such variable nor passwd entry (a container)
        return "inconnu"


def create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def side_files(path: Path) -> list[Path]:
    """The ``-wal`` and ``-shm`` files SQLite keeps beside ``path``."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def is_empty_file(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def split_statements(script: str) -> Iterable[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError("incomplete SQL statement at the end of the script")


#: The migrations' portable column types as SQLite spells them: exactly the text of the
#: released migrations (a rowid alias for auto-numbered keys, REAL is 8 bytes, booleans
#: are integers), so a database migrated now equals one migrated before.
COLUMN_TYPES = {
    "auto_key": "INTEGER NOT NULL PRIMARY KEY",
    "timestamp": "DATETIME",
    "float": "REAL",
    "boolean": "INTEGER",
    "blob": "BLOB",
}


class SqliteConnections:
    """Opening and closing, the schema version, settings and scripts."""

    dialect = "sqlite"
    column_types = COLUMN_TYPES

    def owns(self, db: pw.Database) -> bool:
        return isinstance(db, pw.SqliteDatabase)

    def open(self, location: DatabaseLocation) -> pw.Database:
        path = location.path
        if path.is_dir():  # SQLite would say "disk I/O error" or "unable to open"
            raise fault("is_directory", location)
        if str(path) != ":memory:":
            try:
                if not path.parent.exists():
                    ensure_private_dir(path.parent)
                if not path.exists():
                    create_private_file(path)
            except OSError as exc:
                raise StorageError(
                    _("Impossible de créer la base de données {location} : {reason}").format(
                        location=location.describe(), reason=exc.strerror
                    )
                ) from exc
        db = RelationsSqliteDatabase(None)
        db.init(str(path), pragmas=PRAGMAS)
        database.initialize(db)
        try:
            db.connect(reuse_if_open=True)
        except (pw.DatabaseError, sqlite3.Error) as exc:
            if not db.is_closed():
                db.close()
            found = fault_from(exc, location)
            if found is not None:
                raise found from exc
            raise StorageError(
                _("Impossible d'ouvrir la base de données {location} : {reason}").format(
                    location=location.describe(), reason=exc
                )
            ) from exc
        return db

    def open_read_only(self, location: DatabaseLocation, secret: str | None = None) -> pw.Database:
        db = RelationsSqliteDatabase(None)
        reading = {
            k: v for k, v in PRAGMAS.items() if k in ("foreign_keys", "busy_timeout", "cache_size")
        }
        db.init(f"{location.path.resolve().as_uri()}?mode=ro", uri=True, pragmas=reading)
        database.initialize(db)
        try:
            db.connect(reuse_if_open=True)
        except (pw.DatabaseError, sqlite3.Error) as exc:
            found = fault_from(exc, location)
            raise found or StorageError(
                _("Impossible d'ouvrir la base de données {location} : {reason}").format(
                    location=location.describe(), reason=exc
                )
            ) from exc
        return db

    def open_standalone(self, location: DatabaseLocation) -> pw.Database:
        if not location.path.exists() and location.path.parent.is_dir():
            create_private_file(location.path)  # a new file is the owner's only
        db = RelationsSqliteDatabase(
            str(location.path), pragmas={**PRAGMAS, "journal_mode": "delete"}
        )
        db.connect()
        return db

    def location_of(self, db: pw.Database) -> DatabaseLocation | None:
        name = getattr(db, "obj", db).database
        return None if not name or name == ":memory:" else DatabaseLocation.file(name)

    def reset_connection(self, db: pw.Database) -> None:
        """A file's connection is never lost; closed, it opens again at the next statement."""
        target = getattr(db, "obj", db)
        if not target.is_closed() and not target.in_transaction():
            target.close()

    def probe(self, location: DatabaseLocation) -> Probe:
        """A local file: its owner may do everything; ``ready`` when it exists already."""
        return Probe(os_user_name(), "administration", self.exists(location))

    def user_name(self, db: pw.Database) -> str:
        """The OS account running this process: a local file has no login of its own."""
        return os_user_name()

    def close(self) -> None:
        if database.obj is not None and not database.is_closed():
            database.close()

    def exists(self, location: DatabaseLocation) -> bool:
        return location.path.exists()

    def is_empty(self, location: DatabaseLocation) -> bool:
        return is_empty_file(location.path)

    def make_private(self, location: DatabaseLocation) -> None:
        ensure_private_dir(location.path.parent)

    def side_files(self, path: Path) -> list[Path]:
        """Its rollback journal (a copy is written in ``journal_mode=DELETE``), ``-wal``
        and ``-shm``."""
        return [path.with_name(path.name + "-journal"), *side_files(path)]

    def delete(self, location: DatabaseLocation) -> None:
        for file in (location.path, *side_files(location.path)):
            file.unlink(missing_ok=True)

    def schema_version(self, db: pw.Database) -> int:
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, db: pw.Database, version: int) -> None:
        """Transactional in SQLite (the header is a database page); the search indexes
        a migration made or dropped are read again."""
        from .search import forget_indexed_tables

        forget_indexed_tables()
        db.execute_sql(f"PRAGMA user_version = {int(version)}")

    @contextmanager
    def migration_lock(self, db: pw.Database) -> Iterator[None]:
        """Each migration's ``BEGIN IMMEDIATE`` already waits for the other writer."""
        yield

    def execute_script(self, db: pw.Database, script: str) -> None:
        """``sqlite3.Cursor.executescript`` would commit first, so statements are run one
        by one, split with ``sqlite3.complete_statement``."""
        for statement in split_statements(script):
            db.execute_sql(statement)

    def table_names(self, db: pw.Database) -> list[str]:
        return sorted(db.get_tables())

    def defer_foreign_keys(self, db: pw.Database) -> None:
        """Lets an import write records that refer to each other in any order."""
        db.execute_sql("PRAGMA defer_foreign_keys = ON")

    @contextmanager
    def bulk_load(self, db: pw.Database) -> Iterator[None]:
        """Settings only a file being generated from scratch can afford (a crash may leave
        it broken; the generator starts it again), each measured on a million contacts:

        - no sync, and the rollback journal in memory instead of the WAL: the one large
          transaction would first write the whole file into the ``-wal`` (2 GB) and then
          copy it into the database at the checkpoint; pages appended to a new file need
          no journal at all.  The file is put back in WAL mode at the end;
        - no foreign-key checks (an index lookup of the parent for each of 2.5 million
          links): the generator only refers to rows it wrote, and ``check`` verifies them;
        - a larger page cache, and two sorter threads for the indexes built at the end.
        """
        db.execute_sql("PRAGMA journal_mode = MEMORY")
        db.execute_sql("PRAGMA foreign_keys = OFF")
        db.execute_sql("PRAGMA synchronous = OFF")
        db.execute_sql("PRAGMA cache_size = -200000")
        db.execute_sql(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
        try:
            yield
        finally:
            db.execute_sql("PRAGMA threads = 0")
            db.execute_sql(f"PRAGMA cache_size = {PRAGMAS['cache_size']}")
            db.execute_sql(f"PRAGMA synchronous = {PRAGMAS['synchronous']}")
            db.execute_sql(f"PRAGMA foreign_keys = {PRAGMAS['foreign_keys']}")
            db.execute_sql(f"PRAGMA journal_mode = {PRAGMAS['journal_mode']}")

    @contextmanager
    def indexes_built_after(self, db: pw.Database) -> Iterator[None]:
        """The indexes the schema declares (a key's own index has no SQL and stays)."""
        found = db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        with dropped_while_inside(db, found):
            yield

    def analyze(self, db: pw.Database) -> None:
        db.execute_sql("ANALYZE")

    def numbers_given(self, db: pw.Database, model: type[pw.Model]) -> None:
        """Nothing to do: SQLite numbers a new row after the largest key in the table."""

    def joined_text(self, value: pw.Node, separator: str) -> pw.Node:
        return pw.fn.group_concat(value, separator)

    def holds_characters(self, value: pw.Node, characters: str) -> pw.Node:
        """SQLite has no regular expressions of its own; GLOB's classes take ranges of code
        points, which is all a class of control characters needs."""
        return pw.Expression(value, "GLOB", f"*[{characters}]*")

    @contextmanager
    def secure_delete(self, db: pw.Database) -> Iterator[None]:
        """With secure_delete, SQLite overwrites deleted content with zeros in the file."""
        db.execute_sql("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            db.execute_sql("PRAGMA secure_delete = OFF")
