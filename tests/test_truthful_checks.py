"""Checks and messages that tell the truth (issue 18, part 2).

A check reads only: on a read-only file, or while another program holds the write lock,
a sound database is reported sound.  An index out of step is rebuilt, never "restore a
copy".  Every command the application suggests names the database it was run on and,
run as printed, works.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from relations_app import bootstrap, cli
from relations_app.location import DatabaseLocation


def brest_file(folder, name="r.db"):
    path = folder / name
    bootstrap.open_app_database(DatabaseLocation.file(path))
    bootstrap.close()
    return path


def suggested(out: str) -> list[str]:
    """The commands quoted « relations-app … » in ``out``."""
    found = []
    for line in out.splitlines():
        while "« relations-app " in line:
            line = line[line.index("« relations-app ") + 2 :]
            found.append(line[: line.index(" »")])
    return found


def run_as_printed(line: str, capsys) -> int:
    words = shlex.split(line)
    assert words[0] == "relations-app"
    return cli.main(words[1:])


def test_check_of_a_read_only_file_reads_only(tmp_path, immutable, capsys):
    path = brest_file(tmp_path)
    immutable(path)
    assert cli.main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Intégrité : OK" in out and "index de recherche" not in out and "restaurez" not in out


def test_check_while_another_program_holds_the_write_lock(tmp_path, capsys):
    path = brest_file(tmp_path)
    ready, done = threading.Event(), threading.Event()

    def hold():
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE partner SET notes = notes")
        ready.set()
        done.wait(60)
        conn.execute("ROLLBACK")
        conn.close()

    locker = threading.Thread(target=hold)
    locker.start()
    ready.wait()
    try:
        started = time.monotonic()
        code = cli.main(["--db", str(path), "check"])
        took = time.monotonic() - started
    finally:
        done.set()
        locker.join()
    out = capsys.readouterr().out
    assert code == 0 and "Intégrité : OK" in out and "index de recherche" not in out, out
    assert took < 4  # no wait on the lock (5 s busy timeout per index before)


def test_an_index_out_of_step_is_rebuilt_not_restored(tmp_path, capsys):
    path = brest_file(tmp_path, "avec espace.db")
    with sqlite3.connect(path) as conn:
        conn.execute('DROP TRIGGER "partner_fts_update"')
        conn.execute("UPDATE partner SET search = 'nulle part' WHERE name = 'Kiel'")
    capsys.readouterr()
    assert cli.main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "restaurez" not in out and "rien à restaurer" in out
    (line,) = suggested(out)
    assert "--db" in line and "--reindex" in line
    assert run_as_printed(line, capsys) == 0
    assert cli.main(["--db", str(path), "check"]) == 0


def test_the_suggested_restore_names_the_database(tmp_path, monkeypatch, capsys):
    path = brest_file(tmp_path, "l'office.db")
    good = DatabaseLocation.file(path)
    from relations_app import backups

    copy = backups.create_backup(good)
    with open(path, "r+b") as handle:  # damage a page in the middle
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert cli.main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    (line,) = suggested(out)
    assert shlex.split(line)[1:3] == ["--db", str(path)] and str(copy) in shlex.split(line)
    assert run_as_printed(line, capsys) == 0
    assert cli.main(["--db", str(path), "check"]) == 0


# -- an emptied file, a folder, a lock --------------------------------------------------------


def test_an_emptied_file_is_refused_by_every_command_with_the_way_back(tmp_path, capsys):
    from relations_app import backups

    path = brest_file(tmp_path)
    good = backups.create_backup(DatabaseLocation.file(path))
    path.write_bytes(b"")
    report = bootstrap.start(DatabaseLocation.file(path))
    bootstrap.close()
    assert not report.ok and report.fault.kind == "empty" and not report.created
    assert report.latest_good_backup.path == good and path.stat().st_size == 0
    for args in (["check"], ["backup"], ["export", str(tmp_path / "x.json")], ["init"]):
        capsys.readouterr()
        assert cli.main(["--db", str(path), *args]) == 1, args
        err = capsys.readouterr().err
        assert "vide" in err and "en bon état" not in err.split("Dernière")[0], (args, err)
        assert path.stat().st_size == 0, args
    assert cli.main(["--db", str(path), "check"]) == 1
    (line,) = suggested(capsys.readouterr().err)
    assert run_as_printed(line, capsys) == 0
    assert cli.main(["--db", str(path), "check"]) == 0


def test_a_new_file_is_still_created_and_filled(tmp_path):
    report = bootstrap.start(DatabaseLocation.file(tmp_path / "neuve.db"))
    bootstrap.close()
    assert report.ok and report.created


def test_a_folder_given_as_the_database(tmp_path, capsys):
    folder = tmp_path / "dossier.db"
    folder.mkdir()
    for args in (["check"], ["backup"], ["export", str(tmp_path / "x.json")], ["backups"]):
        code = cli.main(["--db", str(folder), *args])
        err = capsys.readouterr().err
        if args == ["backups"]:
            assert code == 0
            continue
        assert code == 1 and "désigne un dossier" in err and "endommag" not in err, (args, err)


def test_a_database_another_program_holds_exclusively_is_busy_not_damaged(tmp_path, capsys):
    path = brest_file(tmp_path)
    ready, done = threading.Event(), threading.Event()

    def hold():
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE partner SET notes = notes")
        ready.set()
        done.wait(60)
        conn.execute("ROLLBACK")
        conn.close()

    locker = threading.Thread(target=hold)
    locker.start()
    ready.wait()
    try:
        code = cli.main(["--db", str(path), "backup"])
    finally:
        done.set()
        locker.join()
    err = capsys.readouterr().err
    assert code == 1 and "occupée" in err and "endommag" not in err, err


# -- each fault its own French message, naming the right file -----------------------------------


def test_a_read_only_output_folder_names_the_copy_or_the_export(tmp_path, immutable, capsys):
    path = brest_file(tmp_path)
    out = tmp_path / "protégé"
    out.mkdir()
    immutable(out)
    for args, target in (
        (["backup", str(out / "copie.db")], out / "copie.db"),
        (["export", str(out / "tout.json")], out / "tout.json"),
        (["export", str(out / "partenaires.csv"), "--what", "partners"], out / "partenaires.csv"),
    ):
        assert cli.main(["--db", str(path), *args]) == 1, args
        err = capsys.readouterr().err
        assert f"Accès refusé à {target}" in err and "protégé en écriture" in err, err
        assert "La base de données" not in err and "/." not in err, err  # no hidden temp file
        assert not list(out.iterdir())


def test_os_errors_are_french_and_name_the_real_file(tmp_path, capsys):
    path = brest_file(tmp_path)
    (tmp_path / "dossier.json").mkdir()
    (tmp_path / "dossier.db").mkdir()
    cases = [
        (["export", str(tmp_path / "dossier.json")], f"{tmp_path / 'dossier.json'} est un dossier"),
        (["backup", str(tmp_path / "dossier.db")], f"{tmp_path / 'dossier.db'} est un dossier"),
        (["export", str(tmp_path / "absent" / "x.json")], "n'existe pas"),
    ]
    for args, words in cases:
        assert cli.main(["--db", str(path), *args]) == 1, args
        err = capsys.readouterr().err
        assert words in err and "/." not in err, (args, err)
        for english in ("Is a directory", "No such file", "File exists", "Permission"):
            assert english not in err, err


def test_a_file_where_the_backups_folder_should_be(tmp_path, capsys):
    path = brest_file(tmp_path)
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    (tmp_path / "backups").write_text("pas un dossier")
    assert cli.main(["--db", str(path), "backup"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'backups'} existe déjà" in err and "File exists" not in err, err


def garble(path):
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)


@pytest.mark.parametrize("damage", ["garbled pages", "not a database"])
def test_the_suggested_backup_of_a_damaged_file_works(tmp_path, monkeypatch, capsys, damage):
    path = brest_file(tmp_path, "base abîmée.db")
    if damage == "garbled pages":
        garble(path)
    else:
        path.write_text("Réunion du 12 mars : Kiel, Plymouth…\n" * 300, encoding="utf-8")
    before = path.read_bytes()
    (tmp_path / "ailleurs").mkdir()
    monkeypatch.chdir(tmp_path / "ailleurs")  # pasted elsewhere: the line still names the file
    capsys.readouterr()
    assert cli.main(["--db", str(path), "backup"]) == 1
    (line,) = suggested(capsys.readouterr().err)
    assert "FICHIER" not in line and shlex.split(line)[1:3] == ["--db", str(path)]
    assert run_as_printed(line, capsys) == 0, capsys.readouterr()
    kept = Path(shlex.split(line)[-1])
    assert kept.exists() and path.read_bytes() == before
    if damage == "not a database":
        assert kept.read_bytes() == before


def test_a_full_disk_during_the_wipe_is_not_another_window(brest_db, monkeypatch):
    """The erasure is committed; the VACUUM after it meets a full disk (SQLite's own
    SQLITE_FULL, raised where the VACUUM runs: a tmpfs sized between the two is fragile)."""
    from relations_app.services import contacts, personal_data

    real = brest_db.execute_sql

    def full_at_vacuum(sql, *args, **kwargs):
        if sql == "VACUUM":
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode, exc.sqlite_errorname = 13, "SQLITE_FULL"
            raise exc
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(brest_db, "execute_sql", full_at_vacuum)
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    report = personal_data.erase_person(giguere)
    text = report.describe()
    assert contacts.list_contacts("giguere").total == 0  # the erasure itself is done
    assert report.wipe_fault == "disk_full" and "disque plein" in text
    assert "autre fenêtre" not in text


def test_the_suggested_init_creates_the_database_asked_for(tmp_path, capsys):
    path = tmp_path / "nouvelle base.db"
    assert cli.main(["--db", str(path), "check"]) == 1
    (line,) = suggested(capsys.readouterr().err)
    assert shlex.split(line)[1:] == ["--db", str(path), "init"]
    assert run_as_printed(line, capsys) == 0 and path.stat().st_size > 0
    assert cli.main(["--db", str(path), "check"]) == 0
