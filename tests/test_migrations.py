"""Numbered migrations: each in one transaction; a failure leaves the previous version."""

import peewee as pw
import pytest

from relations_app import jsonio
from relations_app.db import migrations
from relations_app.db.models import ALL_MODELS, Partner
from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite.search import index_name, search_indexes
from relations_app.location import DatabaseLocation


def columns(db, table):
    return [
        (r[1], r[2].upper(), r[3], r[5]) for r in db.execute_sql(f'PRAGMA table_info("{table}")')
    ]


def test_migrations_are_numbered_from_one_without_gaps():
    assert [m.version for m in migrations.MIGRATIONS] == list(
        range(1, len(migrations.MIGRATIONS) + 1)
    )


def test_new_database_reaches_latest_version(tmp_path):
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "m.db"))
    try:
        assert SQLITE.schema_version(db) == 0
        assert migrations.migrate(db) == list(range(1, migrations.LATEST + 1))
        assert SQLITE.schema_version(db) == migrations.LATEST
        assert migrations.migrate(db) == []  # idempotent
    finally:
        SQLITE.close()


def test_migrated_schema_matches_the_models(tmp_path):
    """The frozen migrations and the Peewee models describe the same tables and columns."""
    migrated = SQLITE.open(DatabaseLocation.file(tmp_path / "migrated.db"))
    migrations.migrate(migrated)
    # FTS5 tables: search indexes (of the names and of the long texts), not models
    indexes = [index_name(table, column) for table, column in search_indexes(migrated)]
    got = {
        t: columns(migrated, t)
        for t in migrated.get_tables()
        if not any(t.startswith(i) for i in indexes)
    }
    SQLITE.close()
    reference = pw.SqliteDatabase(str(tmp_path / "models.db"))
    with reference.bind_ctx(ALL_MODELS):
        reference.create_tables(ALL_MODELS)
        expected = {t: columns(reference, t) for t in reference.get_tables()}
    reference.close()
    assert got == expected


def test_failing_migration_leaves_previous_version_and_data(brest_db):
    before = jsonio.export_document()

    def broken(db):
        db.execute_sql("ALTER TABLE partner ADD COLUMN motto TEXT")
        db.execute_sql("UPDATE partner SET name = 'changed'")
        raise RuntimeError("boom")

    steps = (*migrations.MIGRATIONS, migrations.Migration(migrations.LATEST + 1, "broken", broken))
    with pytest.raises(migrations.MigrationError, match="reste en version"):
        migrations.migrate(brest_db, steps)
    assert SQLITE.schema_version(brest_db) == migrations.LATEST
    assert "motto" not in [c[0] for c in columns(brest_db, "partner")]
    assert jsonio.export_document() == before


def test_next_migration_runs_with_data_in_place(brest_db):
    """A later migration applies on a database full of records, keeping them."""

    def add_column(db):
        db.execute_sql("ALTER TABLE partner ADD COLUMN motto TEXT NOT NULL DEFAULT ''")

    steps = (
        *migrations.MIGRATIONS,
        migrations.Migration(migrations.LATEST + 1, "motto", add_column),
    )
    assert migrations.migrate(brest_db, steps) == [migrations.LATEST + 1]
    assert SQLITE.schema_version(brest_db) == migrations.LATEST + 1
    assert Partner.select().count() == 16


def test_database_from_newer_application_is_refused(db):
    SQLITE.set_schema_version(db, migrations.LATEST + 5)
    with pytest.raises(migrations.MigrationError, match="plus récente"):
        migrations.migrate(db)
