"""Staged copies a kill leaves in the backups folder: counted by ``backups --check``,
removed at the next start and before every copy, and only files named that way."""

import os
import shutil
import subprocess
import sys
import textwrap
import time

from kill_helpers import killed_once_staged

from relations_app import backups, bootstrap, cli, leftovers
from relations_app.files import STALE_AFTER
from relations_app.location import DatabaseLocation

KILLED_DURING_COPY = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from relations_app import backups
    from relations_app.location import DatabaseLocation

    def stuck(src, dst):  # the copy is written: the kill comes before the rename
        Path(sys.argv[2]).write_text(str(src))
        time.sleep(600)

    os.replace = stuck
    backups.create_backup(DatabaseLocation.file(sys.argv[1]))
    """
)


def killed_during_a_copy(db, tmp_path):
    """A real process making a copy of ``db``, killed with SIGKILL before the rename."""
    staged, _pid = killed_once_staged(KILLED_DURING_COPY, db, tmp_path / "staged.txt")
    return staged


def dead_pid():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_kill_during_a_copy_leaves_a_staged_copy_removed_at_the_next_start(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init"]) == 0
    staged = killed_during_a_copy(db, tmp_path)
    folder = tmp_path / "backups"
    assert staged.parent == folder and staged.exists() and staged.stat().st_size > 100_000
    assert list(folder.glob("r-*.db")) == []  # never listed, never thinned
    pid = dead_pid()
    restore_left = folder / f".restauration-{pid}-20250101T120000Z.db"
    shutil.copyfile(staged, restore_left)
    journal = folder / f".r-20250101T120000Z-auto.db.{pid}.tmp-journal"
    journal.write_bytes(b"\0" * 512)
    not_ours = [
        folder / ".notes.tmp",
        folder / f".autre-20250101T120000Z-auto.db.{pid}.tmp",  # another database's
        folder / f".r-20250101T120000Z-auto.db.{pid}.tmp.bak",
        folder / f".r-20250101T120000Z-auto.db.{os.getpid()}.tmp",  # being written now
        tmp_path / f".r-20250101T120000Z-auto.db.{pid}.tmp",  # not in the backups folder
    ]
    for path in not_ours:
        path.write_bytes(b"x")

    assert cli.main(["--db", str(db), "backups", "--check"]) == 0
    out = capsys.readouterr().out
    assert "Fichiers temporaires laissés par un arrêt brutal : 3 (" in out
    for path in (staged, restore_left, journal):
        assert str(path) in out
    assert leftovers.find(DatabaseLocation.file(db)) == sorted([staged, restore_left, journal])

    report = bootstrap.start(DatabaseLocation.file(db))
    bootstrap.close()
    assert sorted(report.leftovers_removed) == sorted([staged, restore_left, journal])
    assert not staged.exists() and not restore_left.exists() and not journal.exists()
    assert all(path.exists() for path in not_ours)
    assert cli.main(["--db", str(db), "backups", "--check"]) == 0
    assert "Aucun fichier temporaire laissé par un arrêt brutal." in capsys.readouterr().out


def test_every_copy_first_removes_what_an_earlier_kill_left(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    first = backups.create_backup(location)
    left = first.with_name(f".{first.name}.{dead_pid()}.tmp")
    shutil.copyfile(first, left)
    backups.create_backup(location, tmp_path / "ailleurs.db")  # a copy elsewhere: untouched
    assert left.exists()
    backups.create_backup(location)
    assert not left.exists()


def test_an_old_staged_file_of_a_running_process_is_a_leftover_too(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    folder = location.backup_folder
    folder.mkdir(exist_ok=True)
    fresh = folder / f".brest-20250101T120000Z-auto.db.{os.getpid()}.tmp"
    old = folder / f".brest-20250101T110000Z-auto.db.{os.getpid()}.tmp"
    fresh.write_bytes(b"x")
    old.write_bytes(b"x")
    an_hour_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert leftovers.remove(location) == [old]
    assert fresh.exists()
