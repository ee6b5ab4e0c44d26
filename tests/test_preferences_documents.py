"""Préférences › Documents: the office's identity typed once, stored in the database, a
logo taken from PNG or SVG, bad input refused with a French message and nothing kept."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from relations_app.services import office


def open_dialog(qtbot):
    from ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.documents)
    return dialog


def test_typed_identity_is_stored_for_every_pc(qapp, qtbot, brest_db, tmp_path):
    dialog = open_dialog(qtbot)
    page = dialog.documents
    page.fields["organisation"].setText("Brest métropole")
    page.fields["service"].setText("Direction des relations internationales")
    page.address.setPlainText("24 rue Coat-ar-Guéven\n29200 Brest")
    page.fields["phone"].setText("02 98 00 80 80")
    page.fields["email"].setText("ri@brest-metropole.fr")
    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
        '<rect width="200" height="80" fill="#17365d"/></svg>',
        encoding="utf-8",
    )
    page.load_logo(str(svg))
    assert page.remove.isEnabled() and not page.preview.pixmap().isNull()
    dialog.accept()
    stored = office.get_office()
    assert stored["organisation"] == "Brest métropole"
    assert stored["address"] == "24 rue Coat-ar-Guéven\n29200 Brest"
    assert stored["phone"] == "+33 2 98 00 80 80"
    png = office.logo_bytes(stored)
    assert png is not None and png.startswith(office.PNG_SIGNATURE)
    again = open_dialog(qtbot)
    reopened = again.documents
    assert reopened.fields["service"].text() == "Direction des relations internationales"
    assert reopened.remove.isEnabled()


def test_bad_input_is_refused_in_french_and_nothing_is_stored(qapp, qtbot, brest_db, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    dialog = open_dialog(qtbot)
    dialog.documents.fields["service"].setText("Nouveau service")
    dialog.documents.fields["email"].setText("pas une adresse")
    dialog.accept()
    assert shown and "Courriel" in shown[0]
    assert dialog.isVisible() or dialog.result() == 0
    assert office.get_office()["service"] == ""


def test_an_unreadable_logo_is_refused(qapp, qtbot, brest_db, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    dialog = open_dialog(qtbot)
    page = dialog.documents
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not a picture")
    page.load_logo(str(broken))
    assert shown and "illisible" in shown[0]
    assert page.logo == "" and not page.remove.isEnabled()
