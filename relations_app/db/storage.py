"""Everything SQLite-specific lives here: opening, pragmas, schema version, checks, copies.

The rest of the domain talks to Peewee through :data:`relations_app.db.models.database`, so a
later PostgreSQL back end only has to replace this module.

Sections: opening (write transactions start with ``BEGIN IMMEDIATE``), faults (SQLite errors
turned into French messages naming the real cause), schema and checks, whole-file copies
(the online backup API), and wiping erased values out of the file.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import peewee as pw

from ..errors import UserError
from .models import database

log = logging.getLogger(__name__)

T = TypeVar("T")

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed edit survives a power cut
    "busy_timeout": 5000,  # ms: a second instance waits instead of failing at once
    "cache_size": -64000,  # 64 MiB: a large office's list indexes stay in memory (used as needed)
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
    words for the log, where it is written as the fault is made.  The window shows
    ``str(fault)``; the CLI prints it on one line.
    """

    def __init__(self, kind: str, message: str, *, path: Path | None = None, detail: str = ""):
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.detail = detail
        log.warning("Database fault %s on %s: %s", kind, path or "?", detail or message)


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


def ensure_writable(path: Path) -> None:
    """Refuse early when the database file itself cannot be written.

    In WAL mode a write-protected file (chmod, ``chattr +i``) in a writable folder would
    still take commits into its ``-wal`` file, which could never be checkpointed: a restore
    would then look done and vanish.  Opening the file for writing tells the truth.
    """
    path = Path(path)
    if not path.exists():
        return
    try:
        with open(path, "r+b"):
            pass
    except PermissionError as exc:
        raise DatabaseFault(
            "read_only", _fault_message("read_only", path), path=path, detail=str(exc)
        ) from exc


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


def fault_from(
    exc: BaseException, path: str | os.PathLike[str] | None = None
) -> DatabaseFault | None:
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
    On a file, the two checks run at the same time, each on a read-only connection of its
    own (SQLite works outside Python's lock): on a large database at start, the wait is
    that of the longer check instead of both.  A check started by
    :func:`check_in_background` on the same, unchanged file is used instead of a new one.
    """
    path = getattr(db, "database", None)
    if path and path != ":memory:" and Path(path).exists():
        early = _EARLY_CHECKS.pop((str(Path(path).resolve()), full), None)
        if early is not None and early[0] == _file_stamp(Path(path)):
            try:
                found = early[1].result()
            except Exception:
                found = None
            if found is not None:
                return found
        found = _file_problems(Path(path), full)
        if found is not None:
            return found
    return _problems(_fast_foreign_keys(lambda sql: db.execute_sql(sql).fetchall()), full)


#: Checks started early: (resolved path, full) -> (file stamp when started, future).
_EARLY_CHECKS: dict[tuple[str, bool], tuple[tuple, Any]] = {}


def check_in_background(path: str | os.PathLike[str]) -> None:
    """Start the integrity checks of the file ``path`` now, in the background.

    Called at launch, before the window's code is loaded: the start's own check
    (:func:`integrity_problems`) then waits for this one instead of starting from zero,
    provided the file has not changed meanwhile.  Read-only; nothing is decided here.
    """
    path = Path(path)
    key = (str(path.resolve()), False)
    if is_empty_file(path) or (key in _EARLY_CHECKS and _EARLY_CHECKS[key][0] == _file_stamp(path)):
        return
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1)
    _EARLY_CHECKS[key] = (_file_stamp(path), pool.submit(_file_problems, path, False))
    pool.shutdown(wait=False)


def _file_stamp(path: Path) -> tuple:
    stamps = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            stat = file.stat()
            stamps.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _file_problems(path: Path, full: bool) -> list[str] | None:
    """Both checks of the file at once (None if it cannot be opened read-only)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        connections = [_reader(path) for _ in range(2)]
    except sqlite3.Error:
        return None
    from concurrent.futures import ThreadPoolExecutor

    def run(conn: sqlite3.Connection, sql: str) -> list[tuple]:
        return _fast_foreign_keys(lambda statement: conn.execute(statement).fetchall())(sql)

    statements = (f"PRAGMA {pragma}", FOREIGN_KEY_CHECK)
    try:
        with ThreadPoolExecutor(2) as pool:
            futures = {
                sql: pool.submit(run, conn, sql)
                for conn, sql in zip(connections, statements, strict=False)
            }
            return _problems(lambda sql: futures[sql].result(), full)
    finally:
        for conn in connections:
            conn.close()


def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection usable from a worker thread."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")
    conn.execute(
        "PRAGMA cache_size = -16000"
    )  # SQLite's default 2 MiB thrashes; more does not help
    return conn


FOREIGN_KEY_CHECK = "PRAGMA foreign_key_check"


def _fast_foreign_keys(run: Callable[[str], list[tuple]]) -> Callable[[str], list[tuple]]:
    """``run`` with ``PRAGMA foreign_key_check`` answered by :func:`_foreign_key_rows`."""
    return lambda sql: _foreign_key_rows(run) if sql == FOREIGN_KEY_CHECK else run(sql)


def _foreign_key_rows(run: Callable[[str], list[tuple]]) -> list[tuple]:
    """The rows ``PRAGMA foreign_key_check`` gives (table, rowid, parent, fk id), found
    about twice as fast on a large database.

    The pragma reads each table in rowid order and looks each reference up in its parent:
    reads all over the parent's index.  Here each reference column is read in the order
    of its own index, so the lookups walk the parent's index in order as well.  Anything
    but one-column references to existing tables is left to the pragma itself.
    """
    tables = [
        r[0]
        for r in run(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    order = {table: index for index, table in enumerate(tables)}
    checks = []
    for table in tables:
        references = run(f"PRAGMA foreign_key_list({_q(table)})")
        ids = [r[0] for r in references]
        for fk_id, _seq, parent, column, target, *_rest in references:
            if ids.count(fk_id) != 1 or parent not in order:
                return run(FOREIGN_KEY_CHECK)
            if target is None:  # the parent's primary key
                keys = [c[1] for c in run(f"PRAGMA table_info({_q(parent)})") if c[5]]
                if len(keys) != 1:
                    return run(FOREIGN_KEY_CHECK)
                target = keys[0]
            checks.append(
                (
                    table,
                    fk_id,
                    parent,
                    (
                        f"SELECT rowid FROM {_q(table)} WHERE {_q(column)} IS NOT NULL AND NOT EXISTS "
                        f"(SELECT 1 FROM {_q(parent)} WHERE {_q(parent)}.{_q(target)} = {_q(table)}.{_q(column)})"
                    ),
                )
            )
    found = [
        (table, rowid, parent, fk_id)
        for table, fk_id, parent, sql in checks
        for (rowid,) in run(sql)
    ]
    return sorted(
        found, key=lambda r: (order[r[0]], r[1], r[3])
    )  # the pragma's order within a table


def _problems(execute: Callable[[str], list[tuple]], full: bool) -> list[str]:
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.extend(f"{pragma} : {r}" for r in rows)
        for table, rowid, parent, _fk in execute(FOREIGN_KEY_CHECK):
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
        present = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for key, table in tables.items():
            if table in present:
                info.counts[key] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if check:
            info.problems = _problems(
                _fast_foreign_keys(lambda sql: conn.execute(sql).fetchall()), False
            )
    except sqlite3.DatabaseError as exc:
        fault = fault_from(exc, path)
        info.problems.append(
            f"{_SHORT[fault.kind]} (SQLite : {fault.detail})" if fault else f"illisible : {exc}"
        )
    finally:
        conn.close()
    return info


def file_contains(path: str | os.PathLike[str], table: str, key: str) -> bool:
    """Whether the database file ``path`` has a row of ``table`` with primary key ``key``."""
    try:
        conn = _connect(Path(path), read_only=True)
        try:
            return (
                conn.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (key,)).fetchone() is not None
            )
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
        compact_search_indexes(db)  # the index's older segments still list the erased text
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


# -- full-text search -----------------------------------------------------------------------
#
# Lists search the folded ``search`` column (lower-case ASCII from text.fold: "lodz" finds
# "Łódź", which FTS5's own remove_diacritics would not do for ł, ø, ß, đ or œ).  Each large
# table has an FTS5 index over that column with the *trigram* tokenizer, so any substring
# of three characters or more is found through the index exactly as ``LIKE '%term%'``
# finds it: the index changes the speed of a search, never its result.
#
# The index is "external content": it keeps no copy of the text (the row's own ``search``
# column is the content, joined on ``rowid``), and triggers keep it in step with every
# INSERT, DELETE and UPDATE of that column whoever makes it: the services, the raw rows
# that removal.restore and the trash put back, imports, cascades, the demo generator.
# Terms of one or two letters cannot use a trigram index and stay with LIKE, as does every
# term when the table has no index (FTS5 missing from the SQLite build, or a later
# PostgreSQL back end): :func:`indexed_terms` returns nothing then.

SEARCH_INDEX_SUFFIX = "_fts"
INDEXED_TERM_LENGTH = 3  # the trigram tokenizer needs three characters


def fts5_available(db: pw.Database) -> bool:
    """Whether this SQLite build has FTS5 with the trigram tokenizer (SQLite 3.34+)."""
    try:
        db.execute_sql(
            "CREATE VIRTUAL TABLE temp.relations_fts_probe USING fts5(x, tokenize='trigram')"
        )
        db.execute_sql("DROP TABLE temp.relations_fts_probe")
    except (sqlite3.Error, pw.DatabaseError):
        return False
    return True


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def search_index_ddl(table: str, column: str = "search") -> list[str]:
    """The statements that create ``table``'s search index, its triggers, and fill it."""
    fts, t, c = _q(table + SEARCH_INDEX_SUFFIX), _q(table), _q(column)
    name = table + SEARCH_INDEX_SUFFIX
    delete = f"INSERT INTO {fts}({fts}, rowid, {c}) VALUES ('delete', old.rowid, old.{c});"
    insert = f"INSERT INTO {fts}(rowid, {c}) VALUES (new.rowid, new.{c});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({c}, content={t}, content_rowid='rowid', "
        "tokenize='trigram', detail='full', columnsize=0)",
        f"CREATE TRIGGER {_q(name + '_insert')} AFTER INSERT ON {t} BEGIN {insert} END",
        f"CREATE TRIGGER {_q(name + '_delete')} AFTER DELETE ON {t} BEGIN {delete} END",
        f"CREATE TRIGGER {_q(name + '_update')} AFTER UPDATE OF {c} ON {t} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create_search_index(db: pw.Database, table: str, column: str = "search") -> bool:
    """Create and fill ``table``'s search index (inside the caller's transaction).

    Returns False, creating nothing, when this SQLite has no FTS5: searches then use LIKE.
    """
    if not fts5_available(db):
        return False
    for statement in search_index_ddl(table, column):
        db.execute_sql(statement)
    return True


def search_indexed_tables(db: pw.Database) -> frozenset[str]:
    """The tables that have a search index (read from the schema each time: cheap, and
    never stale after a migration or a restore)."""
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    n = len(SEARCH_INDEX_SUFFIX)
    return frozenset(r[0][:-n] for r in rows if r[0].endswith(SEARCH_INDEX_SUFFIX))


def indexed_terms(model: type[pw.Model], terms: Sequence[str]) -> list[str]:
    """The folded ``terms`` that ``model``'s search index can answer (none without one)."""
    long_enough = [t for t in terms if len(t) >= INDEXED_TERM_LENGTH]
    if not long_enough or model._meta.table_name not in search_indexed_tables(database):
        return []
    return long_enough


MIN_MANY_MATCHES = 1000  # below, always fetch the matches by rowid
WALK_FACTOR = 0.4  # an index entry read in order costs about 0.4 of a row fetched by rowid


def full_text_match(
    model: type[pw.Model], terms: Sequence[str], rows_wanted: int = 1000
) -> pw.Node:
    """Condition "every term is a substring of the row's ``search``", through the index.

    Each term is an FTS5 phrase (a quoted string, where only ``"`` is special): with the
    trigram tokenizer a phrase matches exactly the rows that contain it as a substring,
    so ``%``, ``_`` and other punctuation are literal, as in the LIKE fallback.

    How SQLite should use it depends on how many rows match, which its planner cannot
    know.  A few thousand matches are best fetched by rowid and sorted (cost ~ matches);
    tens of thousands ("mar" in a quarter-million contacts) are best found by reading the
    list's sort index in order and keeping the matching rows, which stops once
    ``rows_wanted`` are found (cost ~ rows_wanted × table rows / matches).  The two costs
    cross near sqrt(0.4 × rows_wanted × table rows) matches (a row fetched by rowid costs
    about two and a half index entries read in order); the index counts the matches up to
    there (a millisecond at most), and above it a unary ``+`` keeps SQLite from driving
    the query from the match list.
    """
    table = _q(model._meta.table_name)
    fts = _q(model._meta.table_name + SEARCH_INDEX_SUFFIX)
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    rows = (
        database.execute_sql(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    )  # about the size
    many = max(MIN_MANY_MATCHES, int((WALK_FACTOR * rows_wanted * rows) ** 0.5))
    matches = database.execute_sql(
        f"SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT {many})", [match]
    ).fetchone()[0]
    rowid = pw.Column(model._meta.table, "rowid")
    left = pw.NodeList((pw.SQL("+"), rowid), glue="") if matches >= many else rowid
    return pw.NodeList((left, pw.SQL(f"IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [match])))


_TABLE_ROWS: dict[str, tuple[Any, tuple[int, int], int]] = {}  # table -> (connection, stamp, rows)


def table_rows(model: type[pw.Model]) -> int:
    """How many rows ``model``'s table has, exactly.

    Counting reads a whole index (milliseconds for a quarter-million contacts, more once
    other queries pushed it out of the cache), and a list asks again after every page it
    adds: the count is kept until the database changes, which SQLite tells by this
    connection's change counter and ``data_version`` (other connections' commits).  It is
    kept for one connection only (the very object: another one, even on the same file,
    counts afresh).
    """
    db = database.obj
    connection = db.connection()
    stamp = (connection.total_changes, db.execute_sql("PRAGMA data_version").fetchone()[0])
    table = model._meta.table_name
    cached = _TABLE_ROWS.get(table)
    if cached is not None and cached[0] is connection and cached[1] == stamp:
        return cached[2]
    rows = db.execute_sql(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]
    _TABLE_ROWS[table] = (connection, stamp, rows)
    return rows


def rebuild_search_indexes(db: pw.Database) -> None:
    """Re-read every search index from its table (after anything that bypassed triggers)."""
    for table in sorted(search_indexed_tables(db)):
        fts = _q(table + SEARCH_INDEX_SUFFIX)
        db.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def compact_search_indexes(db: pw.Database) -> None:
    """Merge each index into one segment, dropping what deleted rows left in older ones
    (called before wiping erased values out of the file)."""
    for table in sorted(search_indexed_tables(db)):
        fts = _q(table + SEARCH_INDEX_SUFFIX)
        db.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")


def search_index_problems(db: pw.Database) -> list[str]:
    """Search indexes out of step with their tables (empty when all agree).

    FTS5's integrity check with rank 1 also compares the index with the rows' text
    (external content); it writes nothing.
    """
    problems = []
    for table in sorted(search_indexed_tables(db)):
        fts = _q(table + SEARCH_INDEX_SUFFIX)
        try:
            db.execute_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except (sqlite3.Error, pw.DatabaseError) as exc:
            problems.append(
                f"l'index de recherche de la table {table} ne correspond plus aux "
                f"enregistrements (SQLite : {exc}) ; « relations-app check --reindex » "
                "le reconstruit"
            )
    return problems


# -- writing many rows ----------------------------------------------------------------------

#: Field classes whose Python value is stored as it is (no ``db_value`` call needed).
_PLAIN_FIELDS = (pw.CharField, pw.TextField, pw.IntegerField, pw.FloatField, pw.BooleanField)


def insert_tuples(
    model: type[pw.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (database values, in the order of the field names ``columns``) with
    one prepared statement run for every row (``executemany``); return how many.

    Tens of thousands of rows go in a fraction of the time of one Peewee INSERT each, which
    builds its SQL anew every time.  The statement uses the database's own quoting and
    parameter mark, so it is not SQLite-only.  Call inside a transaction.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return 0
    db = model._meta.database
    fields = model._meta.fields
    start, end = db.quote  # the database's quote characters ('""' for SQLite)
    table = f"{start}{model._meta.table_name}{end}"
    names = ", ".join(f"{start}{fields[c].column_name}{end}" for c in columns)
    marks = ", ".join([db.param] * len(columns))
    db.cursor().executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    return len(rows)


def _database_rows(
    model: type[pw.Model], columns: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> list[tuple]:
    """``rows`` as tuples of database values in the order of ``columns`` (defaults for the
    absent ones); only fields that change values on the way (amounts) convert them."""
    fields = model._meta.fields
    convert = []
    for name in columns:
        f = fields[name]
        target = f.rel_field if isinstance(f, pw.ForeignKeyField) else f
        plain = isinstance(target, _PLAIN_FIELDS) and type(target).db_value is pw.Field.db_value
        convert.append(None if plain else f.db_value)
    missing = object()
    defaults = {}
    for name in columns:
        default = fields[name].default
        defaults[name] = default() if callable(default) else default
    table = []
    for row in rows:
        values = []
        for name, to_db in zip(columns, convert, strict=False):
            value = row.get(name, missing)
            if value is missing:
                value = defaults[name]
            values.append(value if to_db is None or value is None else to_db(value))
        table.append(tuple(values))
    return table


def update_rows(
    model: type[pw.Model], rows: Sequence[Mapping[str, Any]], *, bump: str | None = None
) -> int:
    """Set the given fields of each row found by its primary key (every row has the same
    keys, the key among them), with one prepared statement; ``bump`` names an integer
    field to add one to (the version).  Call inside a transaction."""
    if not rows:
        return 0
    db = model._meta.database
    fields = model._meta.fields
    key = model._meta.primary_key.name
    columns = [name for name in rows[0] if name != key]
    if any(row.keys() != rows[0].keys() for row in rows):
        raise ValueError("update_rows: every row must set the same fields")
    start, end = db.quote

    def q(name: str) -> str:
        return f"{start}{fields[name].column_name}{end}"

    settings = [f"{q(name)} = {db.param}" for name in columns]
    if bump:
        settings.append(f"{q(bump)} = {q(bump)} + 1")
    sql = (
        f"UPDATE {start}{model._meta.table_name}{end} SET {', '.join(settings)} "
        f"WHERE {q(key)} = {db.param}"
    )
    db.cursor().executemany(sql, _database_rows(model, [*columns, key], rows))
    return len(rows)


def insert_rows(model: type[pw.Model], rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert ``rows`` (field name -> Python value, as ``Model.insert`` takes them) in one
    :func:`insert_tuples`: values go through the fields' ``db_value`` (amounts to cents),
    absent fields get their defaults."""
    if not rows:
        return 0
    columns = list(dict.fromkeys(name for row in rows for name in row))
    return insert_tuples(model, columns, _database_rows(model, columns, rows))


# -- writing large generated data sets ------------------------------------------------------


@contextmanager
def bulk_load(db: pw.Database) -> Iterator[None]:
    """Faster settings while a new file is filled with generated data, then the usual ones.

    Without sync a crash may leave a broken file, which is acceptable only for a file being
    generated from scratch (the generator starts it again).
    """
    db.execute_sql("PRAGMA synchronous = OFF")
    db.execute_sql("PRAGMA cache_size = -200000")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA synchronous = {PRAGMAS['synchronous']}")
        db.execute_sql(f"PRAGMA cache_size = {PRAGMAS['cache_size']}")


@contextmanager
def search_indexes_filled_after(db: pw.Database) -> Iterator[None]:
    """For inserting many rows at once (the demo generator, a large import): the search
    indexes are not updated row by row but rebuilt once at the end, which is faster.

    Inside the caller's transaction: DDL is transactional in SQLite, so if the block fails
    the rollback also puts the dropped triggers back.  Only INSERT triggers are suspended:
    rows that were there before the block may be updated or deleted in it (their triggers
    still run); rows inserted in the block must not be.
    """
    tables = sorted(search_indexed_tables(db))
    for table in tables:
        db.execute_sql(f"DROP TRIGGER {_q(table + SEARCH_INDEX_SUFFIX + '_insert')}")
    yield
    for table in tables:
        ddl = search_index_ddl(table)
        db.execute_sql(ddl[1])  # the insert trigger
        db.execute_sql(ddl[-1])  # rebuild


def analyze(db: pw.Database) -> None:
    """Gather the statistics the query planner uses to choose indexes."""
    db.execute_sql("ANALYZE")
