"""Numbered schema migrations.

A database's schema version is the number of the last migration applied.  Each migration
runs in its own transaction together with the version bump, so a migration that fails
leaves the database exactly at the previous version.  Migrations are frozen once
released: a schema change is always a new, numbered migration with its own test.

The ``.sql`` files are written for any back end: column types that engines spell
differently are placeholders (``{auto_key}``, ``{timestamp}``, ``{float}``, ``{boolean}``,
``{blob}``) that :func:`render` replaces by the back end's :attr:`Backend.column_types`; anything
else engine-specific (SQLite's FTS5 search index) is a back-end method.  For SQLite the
rendering is byte for byte the text of the released files (tests/test_migration_text.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import peewee as pw

from ...errors import UserError
from .. import apd_seed, backend
from ..texts import TEXT_FIELDS, TEXTS_TABLES, folded_texts


class MigrationError(UserError):
    """A migration failed or the database is newer than this application."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[pw.Database], None]


def read_sql(name: str) -> str:
    """One of the ``.sql`` files beside this module, placeholders and all."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render(script: str, column_types: Mapping[str, str]) -> str:
    """``script`` with its portable column types spelled as one back end spells them."""
    for name, spelling in column_types.items():
        script = script.replace("{" + name + "}", spelling)
    left = re.search(r"\{[a-z_]+\}", script)
    if left:
        raise ValueError(f"no column type for {left.group(0)} in this back end")
    return script


def sql_file(name: str) -> Callable[[pw.Database], None]:
    """A migration step that runs one of the ``.sql`` files beside this module."""

    def apply(db: pw.Database) -> None:
        engine = backend.of(db)
        engine.execute_script(db, render(read_sql(name), engine.column_types))

    return apply


#: The large lists' tables, searched through a full-text index (migration 4).
SEARCH_INDEXED = ("partner", "programme", "organisation", "contact")


def search_indexes(*tables: str) -> Callable[[pw.Database], None]:
    """A step creating the full-text search indexes of ``tables`` (SQLite FTS5, built by
    :meth:`Backend.create_search_index`; without FTS5 nothing is created and search uses
    LIKE)."""

    def apply(db: pw.Database) -> None:
        for table in tables:
            backend.of(db).create_search_index(db, table)

    return apply


def search_indexes_of(column: str, *tables: str) -> Callable[[pw.Database], None]:
    """A step creating the search indexes of ``column`` in ``tables``."""

    def apply(db: pw.Database) -> None:
        for table in tables:
            backend.of(db).create_search_index(db, table, column)

    return apply


#: Rows of a table whose ``texts`` the migration writes with one prepared statement.
FILL_BATCH = 2000


def fill_texts(db: pw.Database) -> None:
    """Migration 12: each row's ``texts`` column folded from its long texts (the rows
    without any are left with the empty default), before its index is built."""
    start, end = db.quote
    for table, fields in TEXT_FIELDS.items():
        names = ", ".join(f"{start}{f}{end}" for f in fields)
        written = " OR ".join(f"{start}{f}{end} <> ''" for f in fields)
        rows = db.execute_sql(
            f"SELECT {start}id{end}, {names} FROM {start}{table}{end} WHERE {written}"
        ).fetchall()
        update = (
            f"UPDATE {start}{table}{end} SET {start}texts{end} = {db.param} "
            f"WHERE {start}id{end} = {db.param}"
        )
        for first in range(0, len(rows), FILL_BATCH):
            batch = [
                (folded_texts(table, dict(zip(fields, row[1:], strict=True))), row[0])
                for row in rows[first : first + FILL_BATCH]
            ]
            db.cursor().executemany(update, batch)


def steps(*parts: Callable[[pw.Database], None]) -> Callable[[pw.Database], None]:
    """Several steps as one migration (one transaction)."""

    def apply(db: pw.Database) -> None:
        for part in parts:
            part(db)

    return apply


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", sql_file("0001_initial.sql")),
    Migration(2, "trash", sql_file("0002_trash.sql")),
    Migration(
        3, "delegation destination and confidentiality", sql_file("0003_delegation_briefing.sql")
    ),
    Migration(
        4,
        "search index and list indexes",
        steps(sql_file("0004_search_index.sql"), search_indexes(*SEARCH_INDEXED)),
    ),
    Migration(
        5,
        "contact phone index, event search index",
        steps(sql_file("0005_contact_phone.sql"), search_indexes("event")),
    ),
    Migration(6, "briefing dossier and calendar identity", sql_file("0006_briefing_dossier.sql")),
    Migration(7, "history of every record", sql_file("0007_history.sql")),
    Migration(8, "office identity and partner sources", sql_file("0008_office_identity.sql")),
    Migration(9, "ids of merged records", sql_file("0009_record_alias.sql")),
    Migration(10, "APD declaration", steps(sql_file("0010_apd.sql"), apd_seed.seed_lists)),
    Migration(11, "attachments", sql_file("0011_attachments.sql")),
    Migration(
        12,
        "long texts searched",
        steps(sql_file("0012_texts.sql"), fill_texts, search_indexes_of("texts", *TEXTS_TABLES)),
    ),
)

LATEST = MIGRATIONS[-1].version


def migrate(
    db: pw.Database, migrations: Sequence[Migration] = MIGRATIONS, target: int | None = None
) -> list[int]:
    """Bring ``db`` up to ``target`` (default: the latest); return the versions applied."""
    latest = migrations[-1].version if migrations else 0
    target = latest if target is None else target
    engine = backend.of(db)
    with engine.migration_lock(db):
        return _migrate_locked(db, engine, migrations, latest, target)


def _migrate_locked(
    db: pw.Database,
    engine: backend.Backend,
    migrations: Sequence[Migration],
    latest: int,
    target: int,
) -> list[int]:
    current = engine.schema_version(db)
    if current > latest:
        raise MigrationError(
            f"Cette base de données (schéma {current}) a été créée par une version plus "
            f"récente de l'application (schéma {latest} au plus) : mettez l'application à jour."
        )
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= current or migration.version > target:
            continue
        try:
            with db.atomic():
                migration.apply(db)
                engine.set_schema_version(db, migration.version)
        except Exception as exc:
            raise MigrationError(
                f"La mise à jour du schéma vers la version {migration.version} "
                f"({migration.description}) a échoué ; la base reste en version "
                f"{engine.schema_version(db)}. Cause : {exc}"
            ) from exc
        applied.append(migration.version)
    return applied
