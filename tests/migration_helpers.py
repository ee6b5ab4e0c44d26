"""Helpers for migration tests: an older schema filled with the bundled dataset's rows.

Why: a migration is tested from the version before it, full of data.  The bundled dataset
is loaded through today's models, which may name columns an older schema lacks; so it is
loaded into a database at the latest schema, and its rows are copied, column by column,
into the older one (the columns both have).
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from relations_app import dataset
from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation


def dataset_file(folder: Path) -> Path:
    """A database file at the latest schema holding the bundled dataset."""
    path = folder / "latest-with-dataset.db"
    db = SQLITE.open(DatabaseLocation.file(path))
    try:
        migrations.migrate(db)
        dataset.load_bundled_dataset()
    finally:
        SQLITE.close()
    return path


def columns(db: pw.Database, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in db.execute_sql(f'PRAGMA {schema}.table_info("{table}")')]


def fill_from(db: pw.Database, source: Path) -> None:
    """Copy every row of ``source`` into ``db`` (an older schema): the columns ``db`` has."""
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql("ATTACH DATABASE ? AS src", (str(source),))
    try:
        for table in user_tables(db):
            wanted = set(columns(db, table, "src"))
            common = [c for c in columns(db, table) if c in wanted]
            if common:
                names = ", ".join(f'"{c}"' for c in common)
                db.execute_sql(
                    f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"'
                )
    finally:
        db.execute_sql("DETACH DATABASE src")
        db.execute_sql("PRAGMA foreign_keys = ON")


def user_tables(db: pw.Database) -> list[str]:
    return [t for t in db.get_tables() if not t.startswith("sqlite_")]


def table_rows(db: pw.Database, tables=None) -> dict[str, list[tuple]]:
    """Every row of ``tables`` (all by default), in a stable order, for comparisons."""
    return {
        table: sorted(db.execute_sql(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        for table in (tables or user_tables(db))
    }
