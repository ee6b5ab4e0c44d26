"""Everything SQLite-specific lives here: opening, pragmas, schema version, checks, copies.

The rest of the domain talks to Peewee through :data:`relations_app.models.database`, so a
later PostgreSQL back end only has to replace this module.

Sections: opening (write transactions start with ``BEGIN IMMEDIATE``), faults (SQLite errors
turned into French messages naming the real cause), schema and checks, whole-file copies
(the online backup API), and wiping erased values out of the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import peewee as pw

from .errors import UserError
from .models import database

T = TypeVar("T")

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed edit survives a power cut
    "busy_timeout": 5000,  # ms: a second instance waits instead of failing at once
    "cache_size": -16000,  # 16 MiB
}

DIR_MODE = 0o700
FILE_MODE = 0o600


class StorageError(UserError):
    """The database file cannot be opened or written; the message is in French."""


class RelationsSqliteDatabase(pw.SqliteDatabase):
    """Peewee's SQLite database with two safety changes.

    - Transactions start with ``BEGIN IMMEDIATE`` (``lock_type``): a writer takes the
      write lock first and waits for it (``busy_timeout``).  A deferred transaction that
      reads and then writes fails at once with "database is locked" when another instance
      committed in between, which no timeout can cure.
    - After a disk-full or I/O error SQLite has already rolled the transaction back;
      rolling back again would raise "cannot rollback - no transaction is active" and hide
      the real cause, so that second rollback is skipped.
    """

    def __init__(self, database_name: str | None, *args, **kwargs) -> None:
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database_name, *args, **kwargs)

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(folder, DIR_MODE)


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def open_database(path: str | os.PathLike[str]) -> pw.SqliteDatabase:
    """Open (creating if needed) the database at ``path`` and bind the models to it.

    New files are created with owner-only permissions; SQLite gives its ``-wal`` and
    ``-shm`` files the same mode as the database file.
    """
    path = Path(path)
    if str(path) != ":memory:":
        try:
            if not path.parent.exists():
                ensure_private_dir(path.parent)
            if not path.exists():
                _create_private_file(path)
        except OSError as exc:
            raise StorageError(
                f"Impossible de créer la base de données {path} : {exc.strerror}"
            ) from exc
    db = RelationsSqliteDatabase(None)
    db.init(str(path), pragmas=PRAGMAS)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except (pw.DatabaseError, sqlite3.Error) as exc:
        if not db.is_closed():
            db.close()
        fault = fault_from(exc, path)
        if fault is not None:
            raise fault from exc
        raise StorageError(f"Impossible d'ouvrir la base de données {path} : {exc}") from exc
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_empty_file(path: str | os.PathLike[str]) -> bool:
    path = Path(path)
    return not path.exists() or path.stat().st_size == 0


# -- faults --------------------------------------------------------------------------------


class DatabaseFault(StorageError):
    """A fault of the file or the disk, with its own French message.

    ``kind`` is one of :data:`FAULT_KINDS`; ``detail`` keeps SQLite's or the system's own
    words for the log.  The window shows ``str(fault)``; the CLI prints it on one line.
    """

    def __init__(self, kind: str, message: str, *, path: Path | None = None, detail: str = ""):
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.detail = detail


FAULT_KINDS = ("disk_full", "read_only", "locked", "corrupt", "not_a_database", "cannot_open", "io")

_SQLITE_KINDS = {  # primary result codes (extended code & 0xFF)
    13: "disk_full",  # SQLITE_FULL
    8: "read_only",  # SQLITE_READONLY
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    11: "corrupt",  # SQLITE_CORRUPT
    26: "not_a_database",  # SQLITE_NOTADB
    14: "cannot_open",  # SQLITE_CANTOPEN
    10: "io",  # SQLITE_IOERR
}
_MESSAGE_KINDS = (  # when no result code is attached (older Python, wrapped errors)
    ("database or disk is full", "disk_full"),
    ("readonly database", "read_only"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("malformed", "corrupt"),
    ("file is not a database", "not_a_database"),
    ("unable to open database", "cannot_open"),
    ("disk i/o error", "io"),
)
_ERRNO_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io",
}


_SHORT = {  # a fault in a few words, inside a longer sentence
    "disk_full": "disque plein",
    "read_only": "fichier en lecture seule",
    "locked": "base occupée par un autre programme",
    "corrupt": "fichier endommagé",
    "not_a_database": "ce n'est pas une base de données",
    "cannot_open": "fichier impossible à ouvrir",
    "io": "erreur de lecture sur le disque",
}


def _fault_message(kind: str, path: Path | None) -> str:
    where = f" {path}" if path else ""
    folder = f" ({path.parent})" if path else ""
    return {
        "disk_full": f"Le disque est plein{folder} : rien n'a été enregistré et la base est "
        "restée intacte. Libérez de la place puis recommencez.",
        "read_only": f"La base de données{where} est en lecture seule (fichier ou dossier "
        "protégé en écriture) : rien n'a été enregistré. Vérifiez les droits sur le fichier "
        "et sur son dossier.",
        "locked": f"La base de données{where} est occupée par une autre fenêtre ou un autre "
        "programme : rien n'a été enregistré. Réessayez dans un instant.",
        "corrupt": f"Le fichier{where} est endommagé (ses pages internes sont incohérentes) : "
        "restaurez une copie de sauvegarde.",
        "not_a_database": f"Le fichier{where} n'est pas une base de données lisible (fichier "
        "endommagé ou d'un autre type) : restaurez une copie de sauvegarde.",
        "cannot_open": f"Impossible d'ouvrir la base de données{where} : dossier absent, "
        "inaccessible ou protégé en écriture.",
        "io": f"Erreur de lecture ou d'écriture sur le disque{folder} : rien n'a été "
        "enregistré. Vérifiez le disque (clé retirée, partage réseau coupé ?).",
    }[kind]


def _chain(exc: BaseException) -> Iterable[BaseException]:
    """``exc``, its causes and contexts, and exceptions carried in their ``args`` (Peewee
    wraps the sqlite3 error as its first argument)."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def _kind_of(exc: BaseException) -> str | None:
    if isinstance(exc, DatabaseFault):
        return exc.kind
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _SQLITE_KINDS:
            return _SQLITE_KINDS[code & 0xFF]
    if isinstance(exc, (sqlite3.Error, pw.DatabaseError)):
        text = str(exc).lower()
        return next((kind for words, kind in _MESSAGE_KINDS if words in text), None)
    if isinstance(exc, OSError) and exc.errno in _ERRNO_KINDS:
        return _ERRNO_KINDS[exc.errno]
    return None


def fault_from(exc: BaseException, path: str | os.PathLike[str] | None = None) -> DatabaseFault | None:
    """The fault behind ``exc`` as a French :class:`DatabaseFault`, or ``None``.

    Walks the whole exception chain: Peewee reports a disk-full error raised inside a
    transaction as "cannot rollback - no transaction is active", the real cause being
    further down.  The window calls this on any exception from a service; the CLI does
    it for every command.
    """
    found = [(e, _kind_of(e)) for e in _chain(exc)]
    for e, kind in found:
        if kind is not None:
            if isinstance(e, DatabaseFault):
                return e
            where = Path(path) if path is not None else None
            return DatabaseFault(kind, _fault_message(kind, where), path=where, detail=str(e))
    return None


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` comes from another connection holding the lock."""
    return any(_kind_of(e) == "locked" for e in _chain(exc))


def retry_if_busy(fn: Callable[[], T], *, attempts: int = 3, pause: float = 0.2) -> T:
    """Run ``fn`` (a whole write transaction), again if another instance held the lock.

    ``busy_timeout`` already waits inside SQLite; this covers what it cannot (a lock held
    longer than the timeout, a stale read snapshot).  ``fn`` must be safe to repeat: a
    transaction that failed was rolled back entirely.
    """
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as exc:
            if attempt == attempts or not is_busy(exc) or _in_transaction():
                raise
        time.sleep(pause * attempt)
    raise AssertionError("unreachable")


def _in_transaction() -> bool:
    """Inside an enclosing transaction a retry would not restart it: let the caller fail."""
    return database.obj is not None and not database.is_closed() and database.in_transaction()


def schema_version(db: pw.Database) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def set_schema_version(db: pw.Database, version: int) -> None:
    """Set the schema version; transactional in SQLite (the header is a database page)."""
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def execute_script(db: pw.Database, script: str) -> None:
    """Run a multi-statement SQL script inside the current transaction.

    ``sqlite3.Cursor.executescript`` would commit first, so statements are run one by
    one, split with ``sqlite3.complete_statement``.
    """
    for statement in split_statements(script):
        db.execute_sql(statement)


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


def integrity_problems(db: pw.Database, *, full: bool = False) -> list[str]:
    """Problems found by SQLite's own checks (empty when the file is sound).

    A file too damaged for the checks to run gives one problem saying so, never an error.
    """
    return _problems(lambda sql: db.execute_sql(sql).fetchall(), full)


def _problems(execute: Callable[[str], list[tuple]], full: bool) -> list[str]:
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.extend(f"{pragma} : {r}" for r in rows)
        for table, rowid, parent, _fk in execute("PRAGMA foreign_key_check"):
            problems.append(
                f"clé étrangère rompue : table {table}, ligne {rowid} → {parent} absent"
            )
    except (sqlite3.DatabaseError, pw.DatabaseError) as exc:
        fault = fault_from(exc)
        if fault is None or fault.kind not in ("corrupt", "not_a_database", "io"):
            raise
        problems.append(f"vérification impossible : {_SHORT[fault.kind]} (SQLite : {fault.detail})")
    return problems


# -- copies of the whole file ---------------------------------------------------------------


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection for whole-file work, independent of Peewee's per-thread
    connections (so it can run from any thread, or on a file the models are not bound to)."""
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")
    return conn


def _copy(source: sqlite3.Connection, target: Path) -> Path:
    """Backup API from ``source`` into a new private file, left as one self-contained file
    (``journal_mode=DELETE``: a copy has no ``-wal`` beside it and opens read-only)."""
    if not target.parent.exists():
        ensure_private_dir(target.parent)
    _create_private_file(target)
    try:
        dest = sqlite3.connect(str(target), isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def backup_to(db: pw.SqliteDatabase, target: str | os.PathLike[str]) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API."""
    return _copy(db.connection(), Path(target))


def copy_database(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, read_only: bool = False
) -> Path:
    """Copy the database file ``source`` (committed content, ``-wal`` included) to ``target``.

    Uses its own connection: safe while the window, a worker or another instance works
    on ``source``.  A failure leaves no partial ``target``.  ``read_only`` opens ``source``
    so that nothing can write to it (a backup being restored, a file on a locked medium).
    """
    conn = _connect(Path(source), read_only=read_only)
    try:
        return _copy(conn, Path(target))
    finally:
        conn.close()


def restore_into(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Replace the whole content of the database ``target`` by that of ``source``.

    The backup API writes every page of ``target`` in one write transaction: other
    connections (the window, a second instance) see either the old or the new content,
    and a crash in the middle leaves the old one.  ``target`` keeps its WAL mode.
    """
    src = _connect(Path(source), read_only=True)
    try:
        dest = _connect(Path(target))
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


@dataclass
class FileInfo:
    """What a database file holds, read without changing it."""

    schema_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)  # key -> rows, for tables present
    problems: list[str] = field(default_factory=list)  # empty when the checks passed


def inspect_file(
    path: str | os.PathLike[str], tables: Mapping[str, str], *, check: bool = True
) -> FileInfo:
    """Schema version, row counts of ``tables`` (key -> table name) and, with ``check``,
    ``quick_check`` and ``foreign_key_check`` of a copy, opened read-only."""
    info = FileInfo()
    try:
        conn = _connect(Path(path), read_only=True)
    except sqlite3.Error as exc:
        info.problems.append(f"illisible : {exc}")
        return info
    try:
        info.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for key, table in tables.items():
            if table in present:
                info.counts[key] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if check:
            info.problems = _problems(lambda sql: conn.execute(sql).fetchall(), False)
    except sqlite3.DatabaseError as exc:
        fault = fault_from(exc, path)
        info.problems.append(f"{_SHORT[fault.kind]} (SQLite : {fault.detail})" if fault else f"illisible : {exc}")
    finally:
        conn.close()
    return info


def file_contains(path: str | os.PathLike[str], table: str, key: str) -> bool:
    """Whether the database file ``path`` has a row of ``table`` with primary key ``key``."""
    try:
        conn = _connect(Path(path), read_only=True)
        try:
            return conn.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (key,)).fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def open_standalone(path: str | os.PathLike[str]) -> pw.SqliteDatabase:
    """A database on ``path`` that the models are NOT bound to (to migrate a staged copy)."""
    db = RelationsSqliteDatabase(str(path), pragmas={**PRAGMAS, "journal_mode": "delete"})
    db.connect()
    return db


def last_change_time(path: str | os.PathLike[str]) -> float:
    """When the database file or its ``-wal`` was last written (seconds since the epoch).

    An empty ``-wal`` is ignored: SQLite creates one when a connection merely opens the file.
    """
    path = Path(path)
    times = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
        except FileNotFoundError:
            continue
        if stat.st_size:
            times.append(stat.st_mtime)
    return max(times, default=0.0)


def checkpoint_file(path: str | os.PathLike[str]) -> bool:
    """Checkpoint and empty the ``-wal`` of the database file ``path`` (own connection)."""
    conn = _connect(Path(path))
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0
    finally:
        conn.close()


# -- wiping deleted values ------------------------------------------------------------------


def set_secure_delete(db: pw.Database, on: bool) -> None:
    """With secure_delete, SQLite overwrites deleted content with zeros in the file."""
    db.execute_sql(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def checkpoint(db: pw.Database, *, truncate: bool = True) -> bool:
    """Copy the WAL into the database file (and empty it); False if a reader prevented it."""
    mode = "TRUNCATE" if truncate else "PASSIVE"
    busy, _log, _done = db.execute_sql(f"PRAGMA wal_checkpoint({mode})").fetchone()
    return busy == 0


def wipe_deleted_content(db: pw.Database) -> bool:
    """Make deleted values unreadable in the database FILE, not only hidden.

    Call after a transaction run with :func:`set_secure_delete` on.  Checkpoints the WAL
    (its old frames still hold the deleted pages), rebuilds the file (VACUUM) and
    checkpoints again.  Returns False when another connection kept a part of this from
    completing (the values then leave the file at its next checkpoint); never raises for
    that, the deletion itself being committed already.
    """
    try:
        done = checkpoint(db)
        db.execute_sql("VACUUM")
        return checkpoint(db) and done
    except (sqlite3.Error, pw.DatabaseError) as exc:
        if fault_from(exc) is None:
            raise
        return False


def table_names(db: pw.Database) -> list[str]:
    return sorted(db.get_tables())


def defer_foreign_keys(db: pw.Database) -> None:
    """Check foreign keys at commit rather than per statement (this transaction only).

    Lets an import write records that refer to each other in any order.
    """
    db.execute_sql("PRAGMA defer_foreign_keys = ON")
