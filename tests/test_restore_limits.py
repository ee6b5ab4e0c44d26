"""Restoring while another program holds the write lock gives up after the busy timeout;
a sound copy with another page size restores into the WAL database."""

import sqlite3
import threading
import time

import pytest
from lock_helpers import hold_lock

from relations_app import backups, jsonio
from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite.connection import PRAGMAS
from relations_app.faults import DatabaseFault
from relations_app.location import DatabaseLocation
from relations_app.services import partners


def test_restore_gives_up_when_another_program_holds_the_write_lock(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    copy = backups.create_backup(location, tmp_path / "copie.db")
    partners.update_partner(partners.list_partners("kiel").rows[0]["id"], {"population": 1})
    holder = hold_lock(str(location.path), 20, begin="BEGIN IMMEDIATE")
    outcome: dict = {}

    def restore():
        started = time.monotonic()
        try:
            backups.restore_backup(location, copy)
        except Exception as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=restore, daemon=True)
    worker.start()
    worker.join(timeout=16)
    assert not worker.is_alive(), "restore still waiting for the write lock"
    holder.join()
    error = outcome["error"]
    assert isinstance(error, DatabaseFault) and error.kind == "locked"
    assert "occupée par une autre fenêtre" in str(error)
    assert outcome["seconds"] < PRAGMAS["busy_timeout"] / 1000 + 10
    assert partners.list_partners("kiel").rows[0]["population"] == 1  # nothing changed


def test_a_copy_with_another_page_size_restores_into_the_wal_database(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    before = jsonio.dumps(jsonio.export_document())
    copy = backups.create_backup(location, tmp_path / "copie.db")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] != 1024
        conn.execute("PRAGMA page_size = 1024")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 1024
    partners.update_partner(partners.list_partners("kiel").rows[0]["id"], {"population": 1})
    result = backups.restore_backup(location, copy)
    assert jsonio.dumps(jsonio.export_document()) == before
    assert result.safety_copy is not None
    assert brest_db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert SQLITE.integrity_problems(brest_db) == []
    with sqlite3.connect(copy) as conn:  # the chosen copy itself is left as it was
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 1024


@pytest.fixture(autouse=True)
def _no_stray_threads():
    yield
    assert threading.active_count() < 20
