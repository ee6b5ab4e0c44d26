"""Backups: private copies made with the online backup API, thinned, listed, restored at once."""

import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest
from migration_helpers import dataset_file, fill_from

from relations_app import backups, bootstrap, cli, jsonio
from relations_app.db import backend, migrations
from relations_app.db.models import database
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import partners

pytestmark = pytest.mark.both_backends

NOW = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def dump(path):
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def content() -> str:
    """The open database's whole content, whatever its back end (the lossless export)."""
    return jsonio.dumps(jsonio.export_document())


def version_one_brest(path):
    """A database as the first release left it: schema 1, the Brest dataset (its rows, in
    the columns schema 1 has)."""
    source = dataset_file(path.parent)
    db = SQLITE.open(DatabaseLocation.file(path))
    migrations.migrate(db, target=1)
    fill_from(db, source)
    SQLITE.close()
    source.unlink()


# -- thinning (pure) -----------------------------------------------------------------------


def test_thinning_keeps_the_last_ten_one_a_day_then_one_a_week():
    hourly_today = [NOW - timedelta(hours=h) for h in range(12)]  # 12 copies today
    daily = [NOW - timedelta(days=d, hours=1) for d in range(1, 120)]  # one a day, 4 months
    extra_same_day = [NOW - timedelta(days=3, hours=5)]  # a second copy three days ago
    keep = backups.backups_to_keep(hourly_today + daily + extra_same_day, NOW, tz=UTC)
    assert set(hourly_today[:10]) <= keep  # the 10 newest, whatever their day
    assert not set(hourly_today[10:]) & keep  # today is already represented
    for d in range(1, 14):  # one a day for two weeks…
        assert NOW - timedelta(days=d, hours=1) in keep
    assert extra_same_day[0] not in keep  # …the newest of that day only
    older = sorted((s for s in keep if NOW - s > timedelta(days=14)), reverse=True)
    weeks = [s.isocalendar()[:2] for s in older]
    assert len(weeks) == len(set(weeks))  # then at most one a week
    assert all(NOW - s <= timedelta(days=91) for s in older)  # and nothing past three months
    assert 11 <= len(older) <= 12


def test_thinning_never_drops_the_newest_copies_even_if_old():
    old = [NOW - timedelta(days=400 + d) for d in range(15)]
    keep = backups.backups_to_keep(old, NOW, tz=UTC)
    assert keep == set(sorted(old, reverse=True)[:10])


def test_thin_backups_deletes_files_and_leaves_other_files_alone(tmp_path):
    db_path = tmp_path / "r.db"
    folder = backups.backup_dir(DatabaseLocation.file(db_path))
    folder.mkdir()
    stamps = [NOW - timedelta(days=d) for d in range(0, 200, 5)]
    for s in stamps:
        (folder / f"r-{s.strftime('%Y%m%dT%H%M%SZ')}-auto.db").write_bytes(b"")
    (folder / "notes-perso.txt").write_text("à garder")
    (folder / "autre-20200101T000000Z-auto.db").write_bytes(b"")  # another database's copy
    deleted = backups.thin_backups(DatabaseLocation.file(db_path), now=NOW)
    kept = {s for s in stamps if (folder / f"r-{s.strftime('%Y%m%dT%H%M%SZ')}-auto.db").exists()}
    assert kept == backups.backups_to_keep(stamps, NOW)
    assert len(deleted) == len(stamps) - len(kept) > 0
    assert (folder / "notes-perso.txt").exists() and (
        folder / "autre-20200101T000000Z-auto.db"
    ).exists()


# -- making and listing copies -------------------------------------------------------------


def test_a_copy_is_private_self_contained_and_listed_with_its_counts(brest_location, tmp_path):
    here = brest_location
    copy = backups.create_backup(here, now=NOW)
    assert (
        copy.parent == here.backup_folder
        and copy.name == f"{here.name}-20250630T120000Z-manuelle.db"
    )
    assert mode(copy.parent) == 0o700 and mode(copy) == 0o600
    assert not copy.with_name(copy.name + "-wal").exists()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    [info] = backups.list_backups(here, check=True)
    assert info.path == copy and info.created == NOW and info.reason_label == "copie demandée"
    assert info.counts["partners"] == 16 and info.counts["consulates"] == 7
    assert info.schema_version == migrations.LATEST and info.ok and info.size > 0
    assert info.summary().startswith("16 partenaires, 16 programmes")
    assert "30/06/2025" in info.describe()
    with pytest.raises(backups.BackupError, match="existe déjà"):
        backups.create_backup(here, copy)


def test_start_copies_an_old_database_before_migrating_it(tmp_path):
    db_path = tmp_path / "r.db"
    version_one_brest(db_path)
    report = bootstrap.start(DatabaseLocation.file(db_path))
    try:
        assert report.migrated == list(range(2, migrations.LATEST + 1))
        assert report.ok and report.safety_copy is not None
        info = backups.describe_file(report.safety_copy, check=True)
        assert info.schema_version == 1 and info.counts["partners"] == 16 and info.ok
        assert SQLITE.schema_version(database) == migrations.LATEST
    finally:
        bootstrap.close()


def test_start_copies_only_when_something_changed(tmp_path):
    db_path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(db_path))
    bootstrap.close()
    first = bootstrap.start(DatabaseLocation.file(db_path)).safety_copy  # never copied before
    bootstrap.close()
    assert first is not None
    assert (
        bootstrap.start(DatabaseLocation.file(db_path)).safety_copy is None
    )  # nothing changed since
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel, {"population": 250000})
    bootstrap.close()
    later = bootstrap.start(DatabaseLocation.file(db_path), safety_copy=True)
    bootstrap.close()
    assert later.safety_copy is not None and later.safety_copy != first


def test_timer_copies_at_most_every_thirty_minutes_and_exit_copies_changes(
    brest_location, tmp_path
):
    here = brest_location
    assert backups.maybe_backup(here, changed_since_last=False, now=NOW) is None
    first = backups.maybe_backup(here, changed_since_last=True, now=NOW)
    assert first is not None and first.name.endswith("-auto.db")
    assert backups.maybe_backup(here, True, now=NOW + timedelta(minutes=29)) is None
    assert backups.maybe_backup(here, True, now=NOW + timedelta(minutes=31)) is not None
    # at exit, a copy only if the file changed since the newest copy (its time decides);
    # the first one checkpoints the WAL into the file, which counts as a change
    if not here.is_server:  # a server has no WAL to checkpoint: nothing changed
        assert backups.backup_at_exit(here) is not None
    assert backups.backup_at_exit(here) is None
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel, {"population": 250000})
    at_exit = backups.backup_at_exit(here)
    assert at_exit is not None and "-fermeture" in at_exit.name
    assert backups.list_backups(here)[0].path == at_exit  # newest first, same second too
    assert backups.describe_file(at_exit).counts["partners"] == 16


# -- restoring -------------------------------------------------------------------------------


def test_restore_puts_back_the_copy_and_keeps_the_current_state(brest_db, brest_location):
    here = brest_location
    before = jsonio.dumps(jsonio.export_document())
    copy = backups.create_backup(here, now=NOW)
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel, {"population": 1})
    partners.create_partner({"name": "Gdańsk", "country": "PL", "kind": "friendship_city"})
    changed = jsonio.dumps(jsonio.export_document())
    result = backups.restore_backup(here, copy)
    # the window's own connection (still open) sees the restored content at once
    assert jsonio.dumps(jsonio.export_document()) == before
    assert result.safety_copy is not None and "avant-restauration" in result.safety_copy.name
    assert str(result.safety_copy) in result.describe() and "16 partenaires" in result.describe()
    assert backend.of(brest_db).integrity_problems(brest_db) == []
    if not here.is_server:
        assert brest_db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    # and the pre-restore copy holds the state that was replaced
    backups.restore_backup(here, result.safety_copy)
    assert jsonio.dumps(jsonio.export_document()) == changed


def test_restoring_an_old_schema_copy_migrates_it(tmp_path):
    old = tmp_path / "old" / "r.db"
    old.parent.mkdir()
    version_one_brest(old)
    db_path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(db_path), seed=False)
    result = backups.restore_backup(DatabaseLocation.file(db_path), old)
    assert result.migrated == list(range(2, migrations.LATEST + 1))
    assert SQLITE.schema_version(database) == migrations.LATEST
    assert partners.list_partners().total == 16
    bootstrap.close()


def _broken_files(tmp_path, good):
    data = good.read_bytes()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(data[: len(data) // 3])
    garbled = tmp_path / "garbled.db"
    garbled.write_bytes(data[:8192] + b"\xa5" * 16384 + data[8192 + 16384 :])
    text = tmp_path / "text.db"
    text.write_text("ceci n'est pas une copie\n" * 200, encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA user_version = 3")
    newer = tmp_path / "newer.db"
    newer.write_bytes(data)
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    return {
        truncated: "ne peut pas être restaurée",
        garbled: "ne peut pas être restaurée",
        text: "ne peut pas être restaurée",
        foreign: "n'est pas une copie de Relations",
        newer: "plus récente",
        tmp_path / "missing.db": "n'existe pas",
    }


def test_a_broken_copy_changes_nothing(brest_location, tmp_path):
    here = brest_location
    good = backups.create_backup(here, tmp_path / "good.db")
    before = content()
    for broken, message in _broken_files(tmp_path, good).items():
        with pytest.raises(backups.BackupError, match=message):
            backups.restore_backup(here, broken)
        assert content() == before, broken
    assert not backups.backup_dir(here).exists()


def test_restore_over_a_file_that_is_not_a_database_any_more(tmp_path):
    db_path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(db_path))
    copy = backups.create_backup(DatabaseLocation.file(db_path))
    bootstrap.close()
    db_path.write_bytes(b"garbage " * 4096)  # overwritten by another program
    report = bootstrap.start(DatabaseLocation.file(db_path))
    assert not report.ok and report.fault.kind == "not_a_database"
    assert report.latest_good_backup.path == copy and str(copy) in report.message()
    result = backups.restore_backup(DatabaseLocation.file(db_path), report.latest_good_backup.path)
    assert result.safety_copy.read_bytes() == b"garbage " * 4096  # kept byte for byte
    bootstrap.open_app_database(DatabaseLocation.file(db_path))
    assert partners.list_partners().total == 16
    bootstrap.close()


# -- command line ------------------------------------------------------------------------------


def test_backup_backups_and_restore_commands(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init"]) == 0
    assert cli.main(["--db", str(db), "backup"]) == 0
    out = capsys.readouterr().out
    [copy] = list((tmp_path / "backups").glob("r-*-manuelle.db"))
    assert f"Copie enregistrée : {copy}" in out and "16 partenaires" in out
    assert cli.main(["--db", str(db), "backup", str(tmp_path / "mine.db")]) == 0
    assert (tmp_path / "mine.db").exists()
    assert cli.main(["--db", str(db), "backup", str(tmp_path / "mine.db")]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert cli.main(["--db", str(db), "backups", "--check"]) == 0
    assert "copie demandée" in capsys.readouterr().out
    bootstrap.open_app_database(DatabaseLocation.file(db))
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.delete_partner(kiel)
    bootstrap.close()
    assert cli.main(["--db", str(db), "restore", str(tmp_path / "mine.db")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Base restaurée depuis la copie") and "avant-restauration" in out
    bootstrap.open_app_database(DatabaseLocation.file(db))
    assert partners.list_partners("kiel").total == 1
    bootstrap.close()
    (tmp_path / "bad.db").write_text("pas une base")
    assert cli.main(["--db", str(db), "restore", str(tmp_path / "bad.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rien n'a été changé" in err
