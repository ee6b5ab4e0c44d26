"""Where the database lives, how it is opened, and who may read it."""

import sqlite3
import stat

import pytest

from relations_app import bootstrap
from relations_app.db import storage
from relations_app.db.models import Partner


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_default_database_is_private_and_seeded(isolated_home):
    path = bootstrap.resolve_db_path(None)
    assert path == isolated_home / "data" / "Relations" / "relations.db"
    _db, created = bootstrap.open_app_database(path)
    try:
        assert created
        assert Partner.select().count() == 16
        extras = bootstrap.wal_files(path)  # they exist while the database is open
        assert [mode(extra) for extra in extras] == [0o600] * len(extras) and extras, extras
    finally:
        bootstrap.close()
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_db_option_beats_environment_beats_default(monkeypatch, tmp_path):
    monkeypatch.setenv("RELATIONS_DB", str(tmp_path / "env.db"))
    assert bootstrap.resolve_db_path(None) == tmp_path / "env.db"
    assert bootstrap.resolve_db_path(str(tmp_path / "cli.db")) == tmp_path / "cli.db"


def test_pragmas_are_set(db):
    def pragma(name):
        return db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2
    assert pragma("busy_timeout") >= 1000


def test_second_open_does_not_reseed(tmp_path):
    path = tmp_path / "r.db"
    bootstrap.open_app_database(path)
    Partner.delete().where(Partner.name == "Kiel").execute()
    bootstrap.close()
    _db, created = bootstrap.open_app_database(path)
    try:
        assert not created
        assert Partner.select().count() == 15
    finally:
        bootstrap.close()


def test_unopenable_path_gives_a_french_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(storage.StorageError, match="Impossible"):
        storage.open_database(blocker / "sub" / "r.db")


def test_backup_copy_is_a_consistent_database(brest_db, tmp_path):
    copy = storage.backup_to(brest_db, tmp_path / "copy.db")
    assert mode(copy) == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from partner").fetchone()[0] == 16
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_integrity_problems_reports_broken_foreign_keys(brest_db):
    assert storage.integrity_problems(brest_db) == []
    brest_db.execute_sql("PRAGMA foreign_keys = OFF")
    brest_db.execute_sql(
        "INSERT INTO event (id, version, search, sort_key, date, title, description, kind, partner_id) "
        "VALUES ('x', 1, '', '', '2020', 't', '', 'other', 'no-such-partner')"
    )
    brest_db.execute_sql("PRAGMA foreign_keys = ON")
    problems = storage.integrity_problems(brest_db)
    assert len(problems) == 1 and "clé étrangère" in problems[0]
