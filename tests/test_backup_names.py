"""Copies named by a wrong clock: a copy stamped in the future, or with a stamp that is no
time at all, neither stops the automatic copies nor makes listing crash."""

import os
import shutil
from datetime import UTC, datetime, timedelta

from relations_app import backups, bootstrap, cli
from relations_app.location import DatabaseLocation
from relations_app.services import partners


def _planted(folder, source, name, when=None):
    """A copy of ``source`` under ``name`` in the backups folder, modified at ``when``."""
    target = folder / name
    shutil.copyfile(source, target)
    if when is not None:
        os.utime(target, (when.timestamp(), when.timestamp()))
    return target


def test_a_copy_stamped_in_the_future_does_not_stop_automatic_copies(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    first = backups.create_backup(location, reason="auto")
    future = datetime(2035, 3, 1, 9, 0, tzinfo=UTC)
    _planted(first.parent, first, "brest-20350301T090000Z-auto.db", future)
    first.unlink()
    partners.update_partner(partners.list_partners("kiel").rows[0]["id"], {"population": 1})
    made = backups.maybe_backup(location)
    assert made is not None and not made.name.startswith("brest-2035")
    partners.update_partner(partners.list_partners("kiel").rows[0]["id"], {"population": 2})
    assert backups.backup_at_exit(location) is not None
    bootstrap.close()
    partners_changed_at_start = backups.backup_at_start(location, migration_pending=True)
    assert partners_changed_at_start is not None


def test_a_copy_with_an_impossible_stamp_is_ignored_everywhere(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init"]) == 0
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    odd = _planted(folder, db, "r-20250101T999999Z-manuelle.db")
    location = DatabaseLocation.file(db)
    assert backups.list_backups(location) == []
    assert cli.main(["--db", str(db), "backups"]) == 0
    assert cli.main(["--db", str(db), "backup"]) == 0
    assert cli.main(["--db", str(db), "check", "--reindex"]) == 0
    report = bootstrap.start(location)
    bootstrap.close()
    assert report.ok
    assert backups.latest_good_backup(location) is not None
    assert odd.exists()  # not ours to delete: never thinned either
    assert backups.maybe_backup(
        location, changed_since_last=True, now=datetime.now(UTC) + timedelta(hours=1)
    )
