"""Doublons possibles › Fusionner… in the real window (issue 14 §3): side by side, the more
complete value chosen, keyboard-usable, confirmed, undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from window_helpers import opened_window

from relations_app.services import contacts, programmes, trash
from ui.kit import tasks


@pytest.fixture
def answers(monkeypatch):
    """Every message box shown: (name, text); the confirmation is answered Merge."""
    seen: list[tuple[str, str]] = []

    def fake_exec(box):
        seen.append((box.objectName(), box.text()))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path, monkeypatch, answers):
    monkeypatch.setattr(tasks, "INLINE", True)
    monkeypatch.setattr(QDialog, "exec", lambda d, *a: pytest.fail(f"modal {d.objectName()}"))
    with opened_window(qtbot, qapp, tmp_path / "brest.db", size=(1366, 768)) as w:
        yield w


def twin() -> dict:
    """ "Noemie Giguere" again, with a phone, in OCEAN 2."""
    record = contacts.create_contact(
        {"family_name": "Giguere", "given_name": "Noemie", "phone": "+1 418 555 0199"}
    )
    ocean2 = programmes.AREA.get(programmes.list_programmes("ocean 2").rows[0]["id"])
    link = {"contact_id": record["id"], "function": "", "organisation_id": None}
    programmes.AREA.update(
        ocean2["id"], {"contacts": [*ocean2["contacts"], link]}, ocean2["version"]
    )
    return contacts.get_contact(record["id"])


def merge_dialog(window, qtbot):
    window.duplicates.action.trigger()
    found = window.duplicates.dialog
    found.activateWindow()
    qtbot.waitActive(found)
    found.table.setFocus()
    found.table.selectRow(0)
    found.merge_button.setFocus()  # (offscreen, shortcuts reach the main window only)
    QTest.keyClick(found.merge_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: found.merge_dialog is not None)
    dialog = found.merge_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return found, dialog


def test_a_pair_merged_from_the_keyboard(window, qtbot, answers):
    other = twin()
    kept_id = next(
        r["id"] for r in contacts.list_contacts("giguere").rows if r["id"] != other["id"]
    )
    found, dialog = merge_dialog(window, qtbot)
    if dialog.kept_id != kept_id:  # keep the record of the dataset
        dialog.swap_button.setFocus()
        QTest.keyClick(dialog.swap_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.kept_id == kept_id)
    assert "« Noémie Giguère » est conservé" in dialog.intro.text()
    assert dialog.moving.text() == ("Seront rattachés à la fiche conservée : 1 programme.")
    # the more complete value: the phone only the other has; the names stay the kept ones
    assert dialog.groups["phone"].checkedId() == 2
    assert dialog.groups["family_name"].checkedId() == 1
    kept_name = dialog.groups["family_name"].button(1)
    assert (
        kept_name.text() == "Giguère" and dialog.groups["family_name"].button(2).text() == "Giguere"
    )
    # the arrow keys move within a row, Space chooses, Enter merges (after a confirmation)
    dialog.raise_()
    dialog.activateWindow()
    kept_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kept_name)
    QTest.keyClick(kept_name, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is dialog.groups["family_name"].button(2)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.groups["family_name"].checkedId() == 2
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.groups["family_name"].checkedId() == 1
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers[-1][0] == "mergeConfirm"
    assert "« Noemie Giguere » va à la corbeille" in answers[-1][1]
    assert not dialog.isVisible()
    # the kept record is open, holding the phone and the programme; the pair left the list
    assert window.sections["contacts"].editor.record["id"] == kept_id
    now = contacts.get_contact(kept_id)
    assert now["phone"] == other["phone"] and now["family_name"] == "Giguère"
    assert [e.record_id for e in trash.list_items()] == [other["id"]]
    assert found.table.rowCount() == 0
    # one step: undo takes it all back
    window.undo_action.trigger()
    assert contacts.get_contact(other["id"])["phone"] == other["phone"]
    assert contacts.get_contact(kept_id)["phone"] is None and trash.count() == 0


def test_a_record_changed_meanwhile_refuses_the_merge(window, qtbot, answers):
    other = twin()
    _found, dialog = merge_dialog(window, qtbot)
    contacts.update_contact(
        other["id"], {"notes": "Saisie par une autre fenêtre"}, other["version"]
    )
    dialog.merge_button.click()
    names = [name for name, _text in answers]
    assert names == ["mergeConfirm", "errorMessage"]
    assert "entre-temps" in answers[-1][1] or "modifié" in answers[-1][1]
    assert dialog.isVisible() and trash.count() == 0
    # the dialog read both again: a second try merges
    dialog.merge_button.click()
    assert trash.count() == 1
