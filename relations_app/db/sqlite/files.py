"""SQLite: whole-file work — copies through the online backup API, restoring into a live
file, reading a copy, the ``-wal`` file, and wiping erased values out of the file.

Each operation on a location opens a plain sqlite3 connection of its own, independent of
Peewee's per-thread connections: it can run from any thread, or on a file the models are
not bound to, while the window or another instance works on it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path

import peewee as pw

from ...faults import SHORT, fault, fault_from
from ...files import FILE_MODE, ensure_private_dir
from ...i18n import _
from ...location import DatabaseLocation
from ..backend import FileInfo
from ..models import database
from .checks import fast_foreign_keys, problems_of
from .connection import PRAGMAS, create_private_file, side_files
from .search import compact_search_indexes

#: The faults that say a file is damaged (any other says nothing of its content).
DAMAGE = ("corrupt", "not_a_database", "io")


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")
    return conn


def copy_from(source: sqlite3.Connection, target: Path) -> Path:
    """Backup API from ``source`` into a new private file, left as one self-contained file
    (``journal_mode=DELETE``: a copy has no ``-wal`` beside it and opens read-only)."""
    if not target.parent.exists():
        ensure_private_dir(target.parent)
    create_private_file(target)
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


def checkpoint(db: pw.Database, *, truncate: bool = True) -> bool:
    """Copy the WAL into the database file (and empty it); False if a reader prevented it."""
    mode = "TRUNCATE" if truncate else "PASSIVE"
    busy, _log, _done = db.execute_sql(f"PRAGMA wal_checkpoint({mode})").fetchone()
    return bool(busy == 0)


def _give_up_when_busy(status: int, _remaining: int, _total: int) -> None:
    """Each backup step already waited ``busy_timeout`` for the lock (the destination's
    busy handler): a busy step is the end of the wait."""
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise sqlite3.OperationalError("database is locked")


def _match_page_size(staged: Path, page_size: int) -> None:
    conn = connect(staged)
    try:
        if conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
            conn.execute(f"PRAGMA page_size = {int(page_size)}")
            conn.execute("VACUUM")
    finally:
        conn.close()


class SqliteFiles:
    """Copies and whole-file work for :class:`~relations_app.db.backend.Backend`."""

    def ensure_writable(self, location: DatabaseLocation) -> None:
        """In WAL mode a write-protected file (chmod, ``chattr +i``) in a writable folder
        would still take commits into its ``-wal`` file, which could never be checkpointed:
        a restore would then look done and vanish.  Opening the file for writing tells the
        truth."""
        path = location.path
        if not path.exists():
            return
        try:
            with open(path, "r+b"):
                pass
        except PermissionError as exc:
            raise fault("read_only", location, detail=str(exc)) from exc

    def backup_to(self, db: pw.Database, target: Path) -> Path:
        return copy_from(db.connection(), Path(target))

    def copy(self, location: DatabaseLocation, target: Path, *, read_only: bool = False) -> Path:
        """``read_only`` opens the source so that nothing can write to it (a backup being
        restored, a file on a locked medium)."""
        conn = connect(location.path, read_only=read_only)
        try:
            return copy_from(conn, Path(target))
        finally:
            conn.close()

    def restore_into(self, source: Path, location: DatabaseLocation) -> None:
        """The backup API writes every page of the target in one write transaction: other
        connections (the window, a second instance) see either the old or the new content,
        and a crash in the middle leaves the old one.  The target keeps its WAL mode.

        ``source`` is a staged copy (``journal_mode=DELETE``), rebuilt at the target's page
        size when they differ: a WAL database cannot change its page size, and the backup
        API then fails with "attempt to write a readonly database".  While another
        connection holds the write lock, Python's ``Connection.backup`` would retry without
        end; it gives up after one busy timeout ("database is locked").
        """
        if not location.path.exists():
            location.path.touch(mode=FILE_MODE)
        dest = connect(location.path)
        try:
            _match_page_size(Path(source), dest.execute("PRAGMA page_size").fetchone()[0])
            src = connect(Path(source), read_only=True)
            try:
                src.backup(dest, progress=_give_up_when_busy)
            finally:
                src.close()
        finally:
            dest.close()

    def keep_damaged(self, location: DatabaseLocation, target: Path) -> Path:
        for suffix in ("", "-wal"):
            source = location.path.with_name(location.path.name + suffix)
            if source.exists():
                copy = target.with_name(target.name + suffix)
                shutil.copyfile(source, copy)
                os.chmod(copy, FILE_MODE)
        return target

    def replace_damaged(self, location: DatabaseLocation, source: Path) -> None:
        """Swap the files (nobody can be using a file SQLite cannot open)."""
        path = location.path
        bound = database.obj is not None and Path(database.obj.database) == path
        if bound:
            database.close()
        replacement = path.with_name(f".{path.name}.restauration")
        shutil.copyfile(source, replacement)
        os.chmod(replacement, FILE_MODE)
        for extra in side_files(path):
            extra.unlink(missing_ok=True)
        os.replace(replacement, path)
        if bound:
            database.connect()

    def inspect(
        self, location: DatabaseLocation, tables: Mapping[str, str], *, check: bool = True
    ) -> FileInfo:
        """A fault that says nothing of the file's content (a folder, a lock held, a read
        refused) raises; damage is listed in ``problems``."""
        info = FileInfo()
        if location.path.is_dir():
            raise fault("is_directory", location)
        try:
            conn = connect(location.path, read_only=True)
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
                info.problems = problems_of(
                    fast_foreign_keys(lambda sql: conn.execute(sql).fetchall()), False
                )
        except sqlite3.DatabaseError as exc:
            found = fault_from(exc, location)
            if found is not None and found.kind not in DAMAGE:
                raise found from exc
            info.problems.append(
                _("{fault} (SQLite : {detail})").format(
                    fault=_(SHORT[found.kind]), detail=found.detail
                )
                if found
                else _("illisible : {reason}").format(reason=exc)
            )
        finally:
            conn.close()
        return info

    def contains(self, location: DatabaseLocation, table: str, key: str) -> bool:
        try:
            conn = connect(location.path, read_only=True)
            try:
                sql = f'SELECT 1 FROM "{table}" WHERE id = ?'
                return conn.execute(sql, (key,)).fetchone() is not None
            finally:
                conn.close()
        except sqlite3.Error:
            return False

    def last_change_time(self, location: DatabaseLocation) -> float:
        """The file's or its ``-wal``'s; an empty ``-wal`` is ignored (SQLite creates one
        when a connection merely opens the file)."""
        path = location.path
        times = []
        for file in (path, path.with_name(path.name + "-wal")):
            try:
                stat = file.stat()
            except FileNotFoundError:
                continue
            if stat.st_size:
                times.append(stat.st_mtime)
        return max(times, default=0.0)

    def flush(self, location: DatabaseLocation) -> bool:
        """Checkpoint and empty the ``-wal`` (own connection)."""
        conn = connect(location.path)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return bool(busy == 0)
        finally:
            conn.close()

    def wipe_deleted_content(self, db: pw.Database) -> bool:
        """Checkpoints the WAL (its old frames still hold the deleted pages), rebuilds the
        file (VACUUM) and checkpoints again.  Never raises for a busy database (other
        faults, a full disk, raise theirs), the
        deletion itself being committed already (the values then leave the file at its
        next checkpoint)."""
        try:
            compact_search_indexes(db)  # the index's older segments still list the text
            done = checkpoint(db)
            db.execute_sql("VACUUM")
            return checkpoint(db) and done
        except (sqlite3.Error, pw.DatabaseError) as exc:
            found = fault_from(exc)
            if found is None:
                raise
            if found.kind == "locked":
                return False
            raise found from exc  # a full disk is not "another window"
