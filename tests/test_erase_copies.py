"""After erasing a person, the report lists every file that still holds them (copies, the
copy ``init --force`` kept, a copy being staged) and promises nothing it does not keep;
what a crash left is removed first."""

import os
import subprocess
import sys
from datetime import date

import pytest

from relations_app import backups
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, personal_data


@pytest.fixture
def giguere(brest_db):
    return contacts.list_contacts("giguere").rows[0]["id"]


def test_the_erase_report_lists_every_file_still_holding_the_person(giguere, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    copy = backups.create_backup(location)
    init_copy = backups.create_backup(location, backups.init_copy_path(location))
    assert init_copy.name.startswith("brest.avant-init-") and init_copy.suffix == ".db"
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    crashed = backups.create_backup(location, copy.with_name(f".{copy.name}.{proc.pid}.tmp"))
    staging = backups.create_backup(location, copy.with_name(f".{copy.name}.{os.getpid()}.tmp"))
    someone_else = tmp_path / "autre.avant-init-20250101-120000.db"
    backups.create_backup(location, someone_else)  # not this database's name: not looked at

    report = personal_data.erase_person(giguere, today=date(2025, 3, 14))

    assert not crashed.exists()  # a crash's leftover is removed, not only listed
    assert sorted(report.backups_holding) == sorted([copy, init_copy, staging])
    text = report.describe()
    assert "3 fichiers la contiennent encore" in text
    for path in (copy, init_copy, staging):
        assert str(path) in text
    assert "trois mois" not in text  # the 10 newest copies are kept whatever their age
    assert "supprimez" in text


def test_replace_database_names_its_copy_as_the_erase_report_finds_it(tmp_path):
    location = DatabaseLocation.file(tmp_path / "r.db")
    from relations_app import bootstrap

    bootstrap.open_app_database(location)
    bootstrap.close()
    kept = bootstrap.replace_database(location, seed=True)
    bootstrap.close()
    assert kept is not None and kept in backups.init_copies(location)
