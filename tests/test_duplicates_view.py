"""File › Possible duplicates… in the real window: the pairs listed, a record opened."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import contacts
from ui.kit import tasks
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    monkeypatch.setattr(QDialog, "exec", lambda d, *a: pytest.fail(f"modal {d.objectName()}"))
    translators = ui_app.install_translators(qapp, "fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()
    for t in translators:
        qapp.removeTranslator(t)


def test_the_pairs_are_listed_and_open_their_records(window):
    twin = contacts.create_contact({"family_name": "Giguere", "given_name": "Noemie"})
    assert window.duplicates.action in window.file_menu.actions()
    window.duplicates.action.trigger()
    dialog = window.duplicates.dialog
    table = dialog.table
    assert dialog.summary.text().startswith("1 paire")
    row = [table.item(0, c).text() for c in range(5)]
    assert row[0] == "Contact" and row[3:] == ["même nom", "0,90"]
    assert {row[1], row[2]} == {"Noémie Giguère", "Noemie Giguere"}
    column = 1 if row[1] == "Noemie Giguere" else 2
    table.cellDoubleClicked.emit(0, column)
    assert window.sections["contacts"].editor.record["id"] == twin["id"]
    dialog.close()
