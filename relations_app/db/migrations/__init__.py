"""Numbered schema migrations.

A database's ``user_version`` is the number of the last migration applied.  Each migration
runs in its own transaction together with the version bump, so a migration that fails
leaves the database exactly at the previous version.  Migrations are frozen once
released: a schema change is always a new, numbered migration with its own test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import peewee as pw

from ...errors import UserError
from .. import backend


class MigrationError(UserError):
    """A migration failed or the database is newer than this application."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[pw.Database], None]


def sql_file(name: str) -> Callable[[pw.Database], None]:
    """A migration step that runs one of the ``.sql`` files beside this module."""

    def apply(db: pw.Database) -> None:
        script = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        backend.of(db).execute_script(db, script)

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
)

LATEST = MIGRATIONS[-1].version


def migrate(
    db: pw.Database, migrations: Sequence[Migration] = MIGRATIONS, target: int | None = None
) -> list[int]:
    """Bring ``db`` up to ``target`` (default: the latest); return the versions applied."""
    latest = migrations[-1].version if migrations else 0
    target = latest if target is None else target
    engine = backend.of(db)
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
