"""The window opens before the whole-file check: the check runs after, every write waits
for it, and a damaged file found then refuses every write (nothing reaches an unchecked
file)."""

import sqlite3
import threading
import time

import pytest
from test_start_checks import broken_copy

from relations_app import bootstrap
from relations_app.db.gate import GATE
from relations_app.db.models import Partner
from relations_app.faults import StorageError
from relations_app.location import DatabaseLocation
from relations_app.services import AREAS


@pytest.fixture
def sound_file(brest_db, tmp_path):
    bootstrap.close()
    return DatabaseLocation.file(tmp_path / "brest.db")


def test_a_sound_file_opens_at_once_and_writes_wait_for_the_check(sound_file):
    report = bootstrap.start(sound_file, check_later=True)
    assert report.ok and report.check_pending and GATE.pending
    kiel = Partner.get(Partner.name == "Kiel")  # reading needs no check
    saved = threading.Event()

    def save():
        AREAS["partners"].update(kiel.id, {"population": 250_000})
        saved.set()

    writer = threading.Thread(target=save)
    writer.start()
    time.sleep(0.3)
    assert not saved.is_set()  # waiting at BEGIN for the check
    bootstrap.finish_start_check(report)
    writer.join(10)
    assert saved.is_set() and not GATE.pending and not report.check_pending
    assert Partner.get(Partner.id == kiel.id).population == 250_000
    # the start copy was made after the check and before the waiting write
    copy = sqlite3.connect(report.safety_copy)
    (population,) = copy.execute(
        "SELECT population FROM partner WHERE id = ?", (kiel.id,)
    ).fetchone()
    copy.close()
    assert population == kiel.population != 250_000
    bootstrap.close()


def test_a_damaged_file_found_after_the_window_showed_refuses_every_write(brest_db, tmp_path):
    broken = tmp_path / "abimee.db"
    broken_copy(brest_db.database, broken)
    bootstrap.close()
    location = DatabaseLocation.file(broken)
    report = bootstrap.start(location, check_later=True)
    assert report.check_pending
    report = bootstrap.finish_start_check(report)
    assert not report.ok and "clé étrangère rompue" in report.problems[0]
    kiel = Partner.get(Partner.name == "Kiel")
    with pytest.raises(StorageError, match="est endommagée"):
        AREAS["partners"].update(kiel.id, {"population": 1})
    bootstrap.close()
    assert not GATE.pending
    report = bootstrap.start(location)  # the next start checks again, before anything
    assert not report.ok and not report.check_pending
    bootstrap.close()


def test_a_file_to_migrate_is_checked_first_as_always(tmp_path):
    from relations_app.db import migrations
    from relations_app.db.sqlite import SQLITE

    location = DatabaseLocation.file(tmp_path / "ancienne.db")
    older = SQLITE.open_standalone(location)
    migrations.migrate(older, target=migrations.LATEST - 1)
    older.close()
    report = bootstrap.start(location, check_later=True)
    assert report.ok and not report.check_pending and not GATE.pending
    assert report.migrated == [migrations.LATEST]
    assert report.safety_copy is not None  # the copy holding the old schema, made first
    bootstrap.close()
