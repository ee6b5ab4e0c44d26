"""The migrations' SQL is written with portable column types; SQLite runs exactly what was
released.

The released ``.sql`` files spelled SQLite's types (``INTEGER NOT NULL PRIMARY KEY``,
``DATETIME``, ``REAL``, integers for booleans).  They now say ``{auto_key}``,
``{timestamp}``, ``{float}`` and ``{boolean}``, which each back end spells its own way.
For SQLite the rendering must be the released text byte for byte — then every statement,
and so every database migrated by the new files, is the one the old files made.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation

#: SHA-256 of each file as released (before the placeholders).
RELEASED = {
    "0001_initial.sql": "4012b03a5204ae38f7f79bd27c864bdff3c53840043a2ce762b6e140342699d2",
    "0002_trash.sql": "90a988e3ca90edd58ca3d49b621137562b1ca1e14f2c2f21fd6411b50db32080",
    "0003_delegation_briefing.sql": "5612b072af68f7e9e0a6385a95fed7ce46bf8fcd04cb2fbeb1b61f3ba2938ff6",
    "0004_search_index.sql": "4c5a9fd81971900e4baa41b9f1a813c2c4ec45f1093357879638da56700d2faa",
    "0005_contact_phone.sql": "487cecc8877b246f4b5ea27116b2dbc1bee8c792f9fc2483139c9f2b7f71b0f8",
    "0006_briefing_dossier.sql": "75cedfff031d69f08e52ef9d5c99dbb8f57e0cb541902ceb83eab6e9b2b32659",
    "0007_history.sql": "4c634e9ea3fd6ba837527deff58754aa1179732a3946a006afd586595b7a5488",
    "0008_office_identity.sql": "831107820417f762c90634252756f18e7182d0c74299a8c924443117d452e993",
    "0009_record_alias.sql": "f7a8fc46dad2f77d4a1b611e32d767e06617a8181e24c6e41d6728e64c929785",
    "0010_apd.sql": "52909db08c2e34e57d402d74a86b68c9d4ce7c3f9e3ee838920ff223bb428e55",
    "0011_attachments.sql": "b67a319d05f32b8c15ac5aa9c2b0955a05ef75b156ac9e58b5b063bd6edb2fff",
    "0012_texts.sql": "fde2b7670fd2a11822f5d75876c691d7610394a0f1381b3eb743752934d409d6",
}

#: How a second engine might spell them (PostgreSQL's words): only to show that nothing
#: SQLite-only is left in the files once rendered.
OTHER = {
    "auto_key": "SERIAL PRIMARY KEY",
    "timestamp": "TIMESTAMP",
    "float": "DOUBLE PRECISION",
    "boolean": "BOOLEAN",
    "blob": "BYTEA",
}


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_sqlite_runs_the_released_text(name):
    rendered = migrations.render(migrations.read_sql(name), SQLITE.column_types)
    assert hashlib.sha256(rendered.encode("utf-8")).hexdigest() == RELEASED[name]


def test_every_sql_file_is_checked():
    folder = Path(migrations.__file__).parent
    assert {p.name for p in folder.glob("*.sql")} == set(RELEASED)


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_no_sqlite_only_type_is_left_for_another_engine(name):
    rendered = migrations.render(migrations.read_sql(name), OTHER)
    for sqlite_only in ("INTEGER NOT NULL PRIMARY KEY", "DATETIME", " REAL", "AUTOINCREMENT"):
        assert sqlite_only not in rendered, (name, sqlite_only)


def test_a_placeholder_without_a_spelling_is_refused():
    with pytest.raises(ValueError, match=r"\{timestamp\}"):
        migrations.render('CREATE TABLE "t" ("at" {timestamp})', {"float": "REAL"})


def schema(path):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()


def test_a_database_migrated_step_by_step_equals_one_migrated_at_once(tmp_path):
    """Old databases stop at any version and migrate later: the end result is the same."""
    once = DatabaseLocation.file(tmp_path / "once.db")
    db = SQLITE.open_standalone(once)
    migrations.migrate(db)
    db.close()
    for stop in range(1, migrations.LATEST):
        steps = DatabaseLocation.file(tmp_path / f"from-{stop}.db")
        db = SQLITE.open_standalone(steps)
        assert migrations.migrate(db, target=stop) == list(range(1, stop + 1))
        db.close()
        db = SQLITE.open_standalone(steps)
        assert migrations.migrate(db) == list(range(stop + 1, migrations.LATEST + 1))
        db.close()
        assert schema(steps.path) == schema(once.path), stop
