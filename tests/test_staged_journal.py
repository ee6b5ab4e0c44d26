"""Staged files written outside the backups folder (an export, ``backup FILE`` into a folder
of the person's choice) are noted in a journal while they exist: a kill leaves the note, so
the next start removes the file and ``backups --check`` counts it, wherever it is."""

import os
import textwrap

from kill_helpers import KILLED_DURING_EXPORT, killed_once_staged

from relations_app import bootstrap, cli, leftovers
from relations_app.files import journal_dir, journaled
from relations_app.location import DatabaseLocation

KILLED_DURING_A_COPY_ELSEWHERE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from relations_app import backups
    from relations_app.location import DatabaseLocation

    def stuck(src, dst):  # the copy is written: the kill comes before the rename
        Path(sys.argv[2]).write_text(str(src))
        time.sleep(600)

    os.replace = stuck
    target = Path(sys.argv[1]).with_name("cle-usb") / "ma-copie.db"
    backups.create_backup(DatabaseLocation.file(sys.argv[1]), target)
    """
)


def test_a_killed_export_is_removed_at_the_next_start_and_counted_before(
    brest_db, tmp_path, capsys
):
    db = tmp_path / "brest.db"
    folder = tmp_path / "Documents"
    folder.mkdir()
    staged, _pid = killed_once_staged(
        KILLED_DURING_EXPORT, folder / "contacts.json", tmp_path / "s"
    )
    assert staged.parent == folder and "Giguère" in staged.read_text(encoding="utf-8")
    assert [note.read_text() for note in journal_dir().iterdir()] == [str(staged)]

    assert cli.main(["--db", str(db), "backups", "--check"]) == 0
    out = capsys.readouterr().out
    assert "Fichiers temporaires laissés par un arrêt brutal : 1 (" in out
    assert str(staged) in out

    report = bootstrap.start(DatabaseLocation.file(db))
    bootstrap.close()
    assert report.leftovers_removed == [staged]
    assert not staged.exists() and list(journal_dir().iterdir()) == []
    assert cli.main(["--db", str(db), "backups", "--check"]) == 0
    assert "Aucun fichier temporaire laissé par un arrêt brutal." in capsys.readouterr().out


def test_a_killed_copy_into_a_chosen_folder_is_found_and_removed(brest_db, tmp_path):
    db = tmp_path / "brest.db"
    (tmp_path / "cle-usb").mkdir()
    staged, _pid = killed_once_staged(KILLED_DURING_A_COPY_ELSEWHERE, db, tmp_path / "s")
    assert staged.parent == tmp_path / "cle-usb" and staged.stat().st_size > 100_000
    location = DatabaseLocation.file(db)
    assert leftovers.find(location) == [staged]
    assert staged in leftovers.staged(location)  # erasing a person looks into it too

    assert leftovers.remove(location) == [staged]
    assert not staged.exists() and list((tmp_path / "cle-usb").iterdir()) == []


def test_the_journal_never_removes_a_file_being_written_or_one_of_the_persons(tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    being_written = tmp_path / ".rapport.pdf.1-abcdefgh.tmp"
    being_written.write_bytes(b"x")
    persons = tmp_path / "rapport.pdf"
    persons.write_bytes(b"%PDF")
    journal_dir().mkdir(parents=True, exist_ok=True)
    # a note of a dead process naming a visible file (edited by hand, or damaged)
    (journal_dir() / "999999999-0123456789abcdef.staged").write_text(str(persons))
    with journaled(being_written):
        assert leftovers.find(location) == []
        assert leftovers.remove(location) == []
        assert being_written.exists() and persons.exists()
    assert os.listdir(journal_dir()) == ["999999999-0123456789abcdef.staged"]
