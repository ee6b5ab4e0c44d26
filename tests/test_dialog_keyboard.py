"""The new dialogs with the keyboard only (issue 12's review): Tab goes round every
control and out of every list, Échap closes, Enter presses the default button, and no two
controls of a dialog share an access key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QMessageBox, QWidget

from relations_app.location import DatabaseLocation
from relations_app.services.briefing_documents import Candidate
from ui.kit.keyboard import access_key
from ui.shell import app as ui_app


@pytest.fixture(params=["fr", "en"])
def language(request, qapp):
    translators = ui_app.install_translators(qapp, request.param)
    yield request.param
    for t in translators:
        qapp.removeTranslator(t)


def reachable(dialog: QWidget) -> list[QWidget]:
    return [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not isinstance(w.parentWidget(), QAbstractButton)
        and w.window() is dialog
    ]


def tab_round(dialog: QWidget, qtbot) -> list[QWidget]:
    """The controls Tab reaches from the focused one, in order, until it comes back."""
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    start = reachable(dialog)[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(3 * len(reachable(dialog)) + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        assert now is not seen[-1], f"Tab stays in {type(now).__name__} {now.objectName()!r}"
        seen.append(now)
    pytest.fail(f"Tab never comes back to {start.objectName()!r}: {[w.objectName() for w in seen]}")


def access_keys(dialog: QWidget) -> list[str]:
    return [
        access_key(w.text())
        for w in dialog.findChildren(QWidget)
        if (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None))
        and w.text()
        and w.isVisible()
    ]


def assert_keyboard_ready(dialog: QWidget, qtbot, default: QAbstractButton) -> None:
    keys = [k for k in access_keys(dialog) if k]
    assert len(set(keys)) == len(keys), texts(dialog)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert all(access_key(b.text()) for b in buttons), [b.text() for b in buttons]
    ring = tab_round(dialog, qtbot)
    missing = [w for w in reachable(dialog) if w not in ring]
    assert not missing, [(type(w).__name__, w.objectName()) for w in missing]
    assert default.isDefault()


def candidate(n: int) -> Candidate:
    return Candidate(
        f"d{n}", f"Convention {n}", "2024-05-02", "application/pdf", 2048, "Kiel", "partners"
    )


def test_the_annexes_dialog(qtbot, language):
    from ui.pages.annexes_dialog import AnnexesDialog

    dialog = AnnexesDialog([candidate(1), candidate(2)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_keyboard_ready(dialog, qtbot, dialog.ok_button)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # ticks the current document
    assert dialog.chosen() == ["d1"]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # the default button: make it
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.show()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_batch_replace_question(qtbot, language, brest_db, tmp_path):
    from relations_app.reports.batch import plan
    from ui.documents.batch_factsheets import replace_confirmed

    for _id, _name, path in plan(tmp_path)[:2]:
        path.write_bytes(b"%PDF-1.4")
    asked = []

    def answer(*keys) -> None:
        """Once the question shows: note what it offers, then press ``keys``."""

        def check() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, check)
                return
            try:
                asked.append(
                    (
                        box.objectName(),
                        access_keys(box),
                        box.escapeButton() is box.defaultButton(),
                    )
                )
                if keys:
                    qtbot.keyClick(box, *keys)
                else:  # the button that Alt+R presses
                    next(b for b in box.buttons() if access_key(b.text()) == "r").click()
            finally:
                if box.isVisible():
                    box.reject()

        QTimer.singleShot(0, check)

    answer(Qt.Key.Key_Escape)
    assert replace_confirmed(None, tmp_path) is False  # Échap: nothing replaced
    answer(Qt.Key.Key_Return)
    assert replace_confirmed(None, tmp_path) is False  # Enter: the safe default, Cancel
    replace = "r"  # "&Remplacer", "&Replace"
    answer()  # Alt+R
    assert replace_confirmed(None, tmp_path) is True
    name, keys, _escape = asked[0]
    assert name == "factsheetBatchReplace"
    assert "" not in keys and len(set(keys)) == len(keys) and replace in keys, keys
    assert all(escape_is_default for *_x, escape_is_default in asked)


CSV = (
    "Nom;Prénom;Courriel;Téléphone\n"
    "Giguere;Noemie;NGIGUERE@tmq.ca;+1 418 555 0100\n"
    "Beaulieu;Martin;martin.beaulieu@example.org;\n"
)


def test_the_contacts_import_look_alikes(qtbot, language, brest_db, tmp_path):
    from ui.exchange.import_contacts import ContactsImportDialog

    path = tmp_path / "contacts.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = ContactsImportDialog(path, None, DatabaseLocation.file(tmp_path / "brest.db"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.merge_all_button.isVisible()
    assert_keyboard_ready(dialog, qtbot, dialog.import_button)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def texts(dialog: QWidget) -> list[str]:
    return [
        w.text()
        for w in dialog.findChildren(QWidget)
        if (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None))
        and w.text()
        and w.isVisible()
    ]
