"""The "Documents" section of the record pages (issue 14 §4), driven in the real window: add
by button or drop, title and date asked, thumbnails, open, export, remove to the trash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from window_helpers import opened_window, refuse_modal_dialogs

from relations_app.services import (
    attachments,
    contacts,
    delegations,
    organisations,
    partners,
    programmes,
    trash,
)
from ui.pages import attachments_panel


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    refuse_modal_dialogs(monkeypatch, pytest)


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown: (name, text); the removal prompt is answered Yes."""
    seen: list[tuple[str, str]] = []

    def fake_exec(box):
        seen.append((box.objectName(), box.text()))
        if box.objectName() == "attachmentRemovePrompt":
            return QMessageBox.StandardButton.Yes
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


@pytest.fixture
def answers(monkeypatch):
    """What the title-and-date dialog is given: a list of dicts, one per dialog shown."""
    given: list[dict] = []
    shown: list[dict] = []

    def fake_exec(dialog):
        shown.append(dialog.values())
        values = given.pop(0)
        if values is None:
            return QDialog.DialogCode.Rejected
        dialog.title_edit.setText(values.get("title", dialog.title_edit.text()))
        if "date" in values:
            dialog.date_edit.setText(values["date"])
        if "category" in values:
            dialog.category.setCurrentIndex(dialog.category.findData(values["category"]))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(attachments_panel.AttachmentDialog, "exec", fake_exec)
    return given, shown


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path, boxes):
    with opened_window(qtbot, qapp, tmp_path / "brest.db", size=(1366, 768)) as shown:
        yield shown


def page(window, collection, record_id):
    assert window.show_section(collection)
    section = window.sections[collection]
    section.select_record(record_id)
    return section.editor.attachments_panel


def kiel_panel(window):
    return page(window, "partners", partners.list_partners("kiel").rows[0]["id"])


def texts(panel):
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def pdf_file(path):
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path))
    sheet.drawString(72, 720, "Accord de jumelage Brest – Kiel")
    sheet.save()
    return path


def png_file(path):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(path), "PNG")
    return path


def test_every_record_page_with_documents_has_the_section_and_posts_do_not(window):
    owners = {
        "partners": partners.list_partners("kiel").rows[0]["id"],
        "programmes": programmes.list_programmes("crea ocean").rows[0]["id"],
        "organisations": organisations.list_organisations("").rows[0]["id"],
        "contacts": contacts.list_contacts("").rows[0]["id"],
        "delegations": delegations.list_delegations("").rows[0]["id"],
    }
    for collection, record_id in owners.items():
        panel = page(window, collection, record_id)
        assert panel.isVisible(), collection
        assert panel.hint.text() == "Aucun document : ajoutez-en un, ou déposez des fichiers ici."
        assert panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    assert getattr(window.sections["posts"].editor, "attachments_panel", None) is None


def test_a_file_added_by_the_button_asks_its_title_date_and_type(
    window, tmp_path, monkeypatch, answers
):
    given, shown = answers
    panel = kiel_panel(window)
    source = pdf_file(tmp_path / "accord_kiel_1964.pdf")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(source)], ""))
    )
    given.append({"title": "Accord de jumelage", "date": "17/6/1964", "category": "accord"})
    panel.add_button.click()
    assert shown == [{"title": "accord kiel 1964", "date": None, "category": "autre"}]
    assert texts(panel) == [
        "Accord de jumelage\nAccord ou convention · 17 juin 1964 · accord_kiel_1964.pdf "
        f"({attachments.size_text(source.stat().st_size)})"
    ]
    stored = attachments.list_for("partners", panel.record_id)[0]
    assert attachments.content(stored.id) == source.read_bytes()
    assert panel.thumbnails[stored.hash] is not None  # the first page, drawn by QtPdf


def test_dropped_files_are_attached_each_with_its_dialog_and_images_get_a_thumbnail(
    window, tmp_path, answers
):
    given, _shown = answers
    panel = kiel_panel(window)
    photo = png_file(tmp_path / "visite Kiel 2024.png")
    notes = tmp_path / "compte-rendu.docx"
    notes.write_bytes(b"PK\x03\x04" + b"minutes" * 100)
    given.extend([{"date": "2024-05"}, None])  # the second one is cancelled
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(notes))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(drop)
    assert drop.isAccepted()
    assert [t.split("\n")[0] for t in texts(panel)] == ["visite Kiel 2024"]
    info = panel.items[0]
    assert info.category == "photo" and info.date == "2024-05"
    assert not panel.thumbnails[info.hash].isNull()
    assert not panel.list.item(0).icon().isNull()


def test_a_bad_file_says_why_in_french_and_stores_nothing(window, tmp_path, boxes, answers):
    given, _shown = answers
    panel = kiel_panel(window)
    empty = tmp_path / "vide.pdf"
    empty.touch()
    given.append({})
    panel.add_file(empty)
    assert boxes[-1] == (
        "attachmentError",
        "Impossible de joindre « vide.pdf » : le fichier est vide (0 octet). "
        "Rien n'a été enregistré.",
    )
    assert texts(panel) == [] and attachments.list_for("partners", panel.record_id) == []


def test_a_refused_date_keeps_the_dialog_open_with_the_reason(window, tmp_path):
    dialog = attachments_panel.AttachmentDialog(window, "a.pdf", "Accord", None, "accord")
    dialog.date_edit.setText("31 février 2020")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Date" in dialog.problem.text() and not dialog.problem.isHidden()


def test_open_gives_the_viewer_a_copy_and_export_writes_one(window, tmp_path, monkeypatch):
    panel = kiel_panel(window)
    source = png_file(tmp_path / "Béjaïa: visite?.png")
    attachments.add("partners", panel.record_id, source)
    panel.reload()
    panel.list.setCurrentRow(0)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    panel.open_button.click()
    copy = opened[0].toLocalFile()
    assert copy.endswith("Béjaïa_ visite_.png")
    with open(copy, "rb") as handle:
        assert handle.read() == source.read_bytes()
    target = tmp_path / "exporté.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    panel.export_button.click()
    assert target.read_bytes() == source.read_bytes()


def test_retitling_and_removing_to_the_trash_then_undoing(window, tmp_path, boxes, answers):
    given, _shown = answers
    panel = kiel_panel(window)
    attachments.add("partners", panel.record_id, pdf_file(tmp_path / "pv.pdf"), title="PV")
    panel.reload()
    panel.list.setCurrentRow(0)
    given.append({"title": "Comité de pilotage 2025", "category": "compte_rendu"})
    panel.edit_button.click()
    assert texts(panel)[0].startswith("Comité de pilotage 2025\nCompte rendu · pv.pdf")
    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    assert boxes[-1] == (
        "attachmentRemovePrompt",
        "Mettre « Comité de pilotage 2025 » à la corbeille ?",
    )
    assert texts(panel) == []
    assert [e.label for e in trash.list_items()] == ["Comité de pilotage 2025 (Kiel)"]
    window.undo_stack.undo()
    assert [t.split("\n")[0] for t in texts(panel)] == ["Comité de pilotage 2025"]
    assert trash.list_items() == []
