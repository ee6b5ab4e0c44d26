"""Where the database lives, how it is opened, and who may read it."""

import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from relations_app import bootstrap
from relations_app.db.models import Partner
from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite.connection import side_files
from relations_app.faults import StorageError
from relations_app.location import DatabaseLocation


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_default_database_is_private_and_seeded(isolated_home):
    location = DatabaseLocation.resolve(None)
    path = location.path
    assert path == isolated_home / "data" / "Relations" / "relations.db" and location.is_default
    _db, created = bootstrap.open_app_database(location)
    try:
        assert created
        assert Partner.select().count() == 16
        extras = side_files(path)  # they exist while the database is open
        assert [mode(extra) for extra in extras] == [0o600] * len(extras) and extras, extras
    finally:
        bootstrap.close()
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_db_option_beats_environment_beats_default(monkeypatch, tmp_path):
    monkeypatch.setenv("RELATIONS_DB", str(tmp_path / "env.db"))
    assert DatabaseLocation.resolve(None) == DatabaseLocation.file(tmp_path / "env.db")
    assert DatabaseLocation.resolve(str(tmp_path / "cli.db")).path == tmp_path / "cli.db"
    assert DatabaseLocation.resolve("~/r.db").path == Path.home() / "r.db"


def test_pragmas_are_set(db):
    def pragma(name):
        return db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2
    assert pragma("busy_timeout") >= 1000
    assert pragma("cache_size") == -64000  # 64 MiB for the window's lists


def test_a_task_off_the_main_thread_has_a_smaller_page_cache(db):
    """Each of the window's tasks (the dashboard's reads, the sidebar's counts, the data
    warnings) had the window's 64 MiB cache: running beside it, they added 100 MB to its
    memory on a million contacts."""
    from relations_app.db.models import database
    from relations_app.db.sqlite.connection import WORKER_CACHE_SIZE

    found = []

    def task():
        with bootstrap.worker_connection():
            found.append(database.execute_sql("PRAGMA cache_size").fetchone()[0])

    worker = threading.Thread(target=task)
    worker.start()
    worker.join()
    assert found == [WORKER_CACHE_SIZE] and -64000 < WORKER_CACHE_SIZE < 0
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == -64000  # the window's own


def test_second_open_does_not_reseed(tmp_path):
    path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(path))
    Partner.delete().where(Partner.name == "Kiel").execute()
    bootstrap.close()
    _db, created = bootstrap.open_app_database(DatabaseLocation.file(path))
    try:
        assert not created
        assert Partner.select().count() == 15
    finally:
        bootstrap.close()


def test_unopenable_path_gives_a_french_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Impossible"):
        SQLITE.open(DatabaseLocation.file(blocker / "sub" / "r.db"))


def test_backup_copy_is_a_consistent_database(brest_db, tmp_path):
    copy = SQLITE.backup_to(brest_db, tmp_path / "copy.db")
    assert mode(copy) == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from partner").fetchone()[0] == 16
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_integrity_problems_reports_broken_foreign_keys(brest_db):
    assert SQLITE.integrity_problems(brest_db) == []
    brest_db.execute_sql("PRAGMA foreign_keys = OFF")
    brest_db.execute_sql(
        "INSERT INTO event (id, version, search, sort_key, date, title, description, kind, partner_id) "
        "VALUES ('x', 1, '', '', '2020', 't', '', 'other', 'no-such-partner')"
    )
    brest_db.execute_sql("PRAGMA foreign_keys = ON")
    problems = SQLITE.integrity_problems(brest_db)
    assert len(problems) == 1 and "clé étrangère" in problems[0]
