"""Everything SQLite-specific lives here: opening, pragmas, schema version, checks, copies.

The rest of the domain talks to Peewee through :data:`relations_app.models.database`, so a
later PostgreSQL back end only has to replace this module.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import peewee as pw

from .errors import UserError
from .models import database

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
    db = pw.SqliteDatabase(None)
    db.init(str(path), pragmas=PRAGMAS)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except pw.OperationalError as exc:
        raise StorageError(f"Impossible d'ouvrir la base de données {path} : {exc}") from exc
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_empty_file(path: str | os.PathLike[str]) -> bool:
    path = Path(path)
    return not path.exists() or path.stat().st_size == 0


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
    """Problems found by SQLite's own checks (empty when the file is sound)."""
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        problems.extend(f"{pragma} : {r}" for r in rows)
    for table, rowid, parent, _fk in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(
            f"clé étrangère rompue : table {table}, ligne {rowid} → {parent} absent"
        )
    return problems


def backup_to(db: pw.SqliteDatabase, target: str | os.PathLike[str]) -> Path:
    """Copy the live database to ``target`` with SQLite's online backup API."""
    target = Path(target)
    if not target.parent.exists():
        ensure_private_dir(target.parent)
    _create_private_file(target)
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def table_names(db: pw.Database) -> list[str]:
    return sorted(db.get_tables())


def defer_foreign_keys(db: pw.Database) -> None:
    """Check foreign keys at commit rather than per statement (this transaction only).

    Lets an import write records that refer to each other in any order.
    """
    db.execute_sql("PRAGMA defer_foreign_keys = ON")
