"""Faults made to happen: disk full, read-only file, locked database, damaged files.

Each one must give its own French message naming the real cause, never a traceback, and
leave the data intact.  Where the machine allows it the fault is real (a tiny tmpfs that
fills up, an immutable file even root cannot write); otherwise SQLite is made to produce
the same error (``max_page_count``, ``query_only``).
"""

import os
import shutil
import sqlite3
import subprocess

import peewee as pw
import pytest
from lock_helpers import hold_lock

from relations_app import backups, bootstrap, cli, jsonio
from relations_app.db import retry
from relations_app.db.models import database
from relations_app.db.sqlite import SQLITE
from relations_app.faults import fault_from
from relations_app.location import DatabaseLocation
from relations_app.services import partners


def dump(path):
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def brest_file(folder, name="r.db"):
    """A closed Brest database file (no -wal beside it)."""
    path = folder / name
    bootstrap.open_app_database(DatabaseLocation.file(path))
    bootstrap.close()
    return path


def big_partner(name="Nouvelle ville"):
    return {"name": name, "country": "DE", "kind": "twin_city", "notes": "x" * 150_000}


# -- the mapper -------------------------------------------------------------------------------


def sqlite_error(cls, message, code, name):
    exc = cls(message)
    exc.sqlite_errorcode, exc.sqlite_errorname = code, name
    return exc


def test_masked_disk_full_is_found_down_the_chain():
    """Peewee can raise "cannot rollback" with the disk-full error only in its context."""
    full = sqlite_error(sqlite3.OperationalError, "database or disk is full", 13, "SQLITE_FULL")
    try:
        try:
            raise pw.OperationalError(full, *full.args) from full
        except pw.OperationalError:
            raise pw.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except pw.OperationalError as masked:
        fault = fault_from(masked, "/data/r.db")
    assert fault.kind == "disk_full" and "disque est plein" in str(fault) and "/data" in str(fault)


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (
            sqlite_error(
                sqlite3.OperationalError,
                "attempt to write a readonly database",
                8,
                "SQLITE_READONLY",
            ),
            "read_only",
            "lecture seule",
        ),
        (
            sqlite_error(sqlite3.OperationalError, "database is locked", 5, "SQLITE_BUSY"),
            "locked",
            "occupée",
        ),
        (
            sqlite_error(
                sqlite3.DatabaseError, "database disk image is malformed", 11, "SQLITE_CORRUPT"
            ),
            "corrupt",
            "endommagé",
        ),
        (
            sqlite_error(sqlite3.DatabaseError, "file is not a database", 26, "SQLITE_NOTADB"),
            "not_a_database",
            "n'est pas une base",
        ),
        (pw.OperationalError("database or disk is full"), "disk_full", "plein"),  # no code: words
        (OSError(28, "No space left on device"), "disk_full", "plein"),
        (OSError(30, "Read-only file system"), "read_only", "lecture seule"),
    ],
)
def test_each_fault_has_its_own_french_message(error, kind, words):
    fault = fault_from(error)
    assert fault.kind == kind and words in str(fault)


def test_ordinary_errors_are_not_faults():
    assert fault_from(ValueError("x")) is None
    assert fault_from(sqlite3.IntegrityError("UNIQUE constraint failed")) is None


# -- disk full ----------------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MiB tmpfs, or a skip when this machine cannot mount one."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(
            f"no tmpfs here ({result.stderr.strip() or 'mount failed'}): max_page_count test covers it"
        )
    try:
        yield mount_point
    finally:
        bootstrap.close()
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder):
    """Fill the file system holding ``folder``; return the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    os.close(fd)
    return filler


def test_disk_full_on_a_real_file_system(tiny_disk, tmp_path, capsys):
    db_path = shutil.copy(brest_file(tmp_path), tiny_disk / "r.db")
    bootstrap.open_app_database(DatabaseLocation.file(db_path))
    before = jsonio.dumps(jsonio.export_document())
    filler = fill(tiny_disk)
    with pytest.raises(Exception) as info:
        partners.create_partner(big_partner())
    fault = fault_from(info.value, db_path)
    assert fault is not None and fault.kind == "disk_full", repr(info.value)
    assert "disque est plein" in str(fault)
    # the rollback no longer hides the cause: the error itself says "full"
    assert "cannot rollback" not in str(info.value)
    with pytest.raises(Exception) as info:
        jsonio.import_document(
            {
                "format": "relations-app",
                "version": 1,
                "partners": [{"id": f"p{i}", **big_partner(f"V{i}")} for i in range(5)],
            }
        )
    assert fault_from(info.value).kind == "disk_full"
    bootstrap.close()
    # the command line says it on one line, and a copy that cannot be written is not left half-made
    assert cli.main(["--db", str(db_path), "backup"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disque est plein" in err, err
    assert not [p for p in (tiny_disk / "backups").iterdir() if "manuelle" in p.name]
    filler.unlink()
    bootstrap.open_app_database(DatabaseLocation.file(db_path))
    assert SQLITE.integrity_problems(database, full=True) == []
    assert jsonio.dumps(jsonio.export_document()) == before


def test_disk_full_forced_with_max_page_count(brest_db):
    before = jsonio.dumps(jsonio.export_document())
    pages = brest_db.execute_sql("PRAGMA page_count").fetchone()[0]
    brest_db.execute_sql(f"PRAGMA max_page_count = {pages}")
    try:
        with pytest.raises(Exception) as info:
            partners.create_partner(big_partner())
    finally:
        brest_db.execute_sql("PRAGMA max_page_count = 4294967294")
    assert fault_from(info.value).kind == "disk_full"
    assert jsonio.dumps(jsonio.export_document()) == before
    assert SQLITE.integrity_problems(brest_db, full=True) == []


# -- read-only -----------------------------------------------------------------------------------


def test_read_only_file(tmp_path, immutable, capsys):
    db_path = brest_file(tmp_path)
    before = dump(db_path)
    immutable(db_path)
    bootstrap.open_app_database(DatabaseLocation.file(db_path))  # reading still works
    assert partners.list_partners().total == 16
    kiel = partners.list_partners("kiel").rows[0]["id"]
    with pytest.raises(Exception) as info:
        partners.update_partner(kiel, {"population": 1})
    fault = fault_from(info.value, db_path)
    assert (
        fault.kind == "read_only" and "lecture seule" in str(fault) and str(db_path) in str(fault)
    )
    bootstrap.close()
    assert (
        cli.main(
            [
                "--db",
                str(db_path),
                "restore",
                str(backups.create_backup(DatabaseLocation.file(db_path), tmp_path / "c.db")),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lecture seule" in err, err
    assert dump(db_path) == before


def test_query_only_connection_reports_read_only(brest_db):
    brest_db.execute_sql("PRAGMA query_only = 1")
    try:
        with pytest.raises(Exception) as info:
            partners.create_partner({"name": "X", "country": "DE", "kind": "twin_city"})
    finally:
        brest_db.execute_sql("PRAGMA query_only = 0")
    assert fault_from(info.value).kind == "read_only"


# -- locked ----------------------------------------------------------------------------------


def test_locked_database_gives_its_own_message_and_changes_nothing(brest_db, tmp_path, monkeypatch):
    monkeypatch.setattr(retry, "ATTEMPTS", 1)  # no retry: see the fault
    brest_db.execute_sql("PRAGMA busy_timeout = 100")
    kiel = partners.list_partners("kiel").rows[0]["id"]
    before = partners.get_partner(kiel)
    locker = hold_lock(tmp_path / "brest.db", 1.0)
    try:
        with pytest.raises(Exception) as info:
            partners.update_partner(kiel, {"population": 1})
    finally:
        locker.join()
    fault = fault_from(info.value)
    assert fault.kind == "locked" and "occupée par une autre fenêtre" in str(fault)
    assert partners.get_partner(kiel) == {**before}


def test_a_short_lock_is_waited_for_and_retried(brest_db, tmp_path):
    brest_db.execute_sql("PRAGMA busy_timeout = 100")  # shorter than the lock: the retry helps
    kiel = partners.list_partners("kiel").rows[0]["id"]
    locker = hold_lock(tmp_path / "brest.db", 0.3)
    try:
        assert partners.update_partner(kiel, {"population": 2})["population"] == 2
    finally:
        locker.join()


# -- damaged files ---------------------------------------------------------------------------


def garble_middle(path):
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)


def test_garbage_in_the_middle_of_the_file(tmp_path, capsys):
    db_path = brest_file(tmp_path)
    good = backups.create_backup(DatabaseLocation.file(db_path))
    garble_middle(db_path)
    damaged = db_path.read_bytes()
    report = bootstrap.start(DatabaseLocation.file(db_path))
    bootstrap.close()
    assert not report.ok and report.problems and report.fault is None
    assert report.latest_good_backup.path == good and str(good) in report.message()
    assert report.safety_copy is None  # a damaged file is never copied over good copies
    assert db_path.read_bytes() == damaged  # nor written: never a silent overwrite
    capsys.readouterr()
    assert cli.main(["--db", str(db_path), "check"]) == 1
    out, err = capsys.readouterr()
    assert "ERREUR" in out and "restaurez une copie" in out and "Traceback" not in out + err
    assert f"restore {good}" in out  # the latest good copy, ready to use
    assert len(list(backups.backup_dir(DatabaseLocation.file(db_path)).iterdir())) == 1


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("Réunion du 12 mars : Kiel, Plymouth…\n" * 300, encoding="utf-8")
    for args, expected in ((["check"], 1), (["backup"], 1), (["backups"], 0)):
        code = cli.main(["--db", str(path), *args])
        out, err = capsys.readouterr()
        assert code == expected, args
        assert "Traceback" not in out + err
        if expected:
            assert err.count("\n") == 1 and ("n'est pas une base de données" in err), err
        else:
            assert err == "" and "Aucune copie" in out, out
    assert cli.main(["--db", str(path), "check"]) == 1
    report = bootstrap.start(DatabaseLocation.file(path))
    assert report.fault.kind == "not_a_database" and "Aucune copie en bon état" in report.message()
