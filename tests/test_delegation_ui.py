"""A delegation's page: the briefing previewed off the GUI thread, the agenda saved as .ics,
a copy made through the undo stack."""

from datetime import date

import icalendar
import pytest

from relations_app.location import DatabaseLocation

pytest.importorskip("reportlab")

from briefing_helpers import pdf_of
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget
from window_helpers import settled

from relations_app import dataset
from relations_app.services import delegations
from ui.documents import pdf_preview
from ui.kit import tasks
from ui.pages import delegation_actions
from ui.shell.main_window import MainWindow

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


@pytest.fixture
def window(qtbot, brest_db, tmp_path):
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    assert w.show_section("delegations")
    assert w.sections["delegations"].select_record(EXAMPLE)
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()


def actions(window) -> delegation_actions.DelegationActions:
    return window.sections["delegations"].editor.documents


def test_briefing_previewed_with_a_progress_bar(qtbot, window):
    bar = actions(window)
    assert bar.briefing_button.isEnabled() and bar.briefing_button.accessibleName()
    steps = []
    original = QProgressDialog.setValue
    QProgressDialog.setValue = lambda self, value: (
        steps.append((value, self.maximum())),
        original(self, value),
    )[1]
    try:
        bar.briefing_button.click()
        qtbot.waitUntil(
            lambda: window.findChild(pdf_preview.PdfPreviewDialog) is not None, timeout=15000
        )
    finally:
        QProgressDialog.setValue = original
    dialog = window.findChild(pdf_preview.PdfPreviewDialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=5000)
    assert dialog.document.pageCount() >= 8
    assert dialog.suggested_name == "mission-a-rimouski-autour-de-crea-ocean-exemple.pdf"
    assert dialog.windowTitle().endswith("Mission à Rimouski autour de CREA OCEAN (exemple)")
    assert not [w for w in window.findChildren(QWidget, "briefingProgress") if w.isVisible()]
    assert (1, 3) in steps and (3, 3) in steps  # a step per partner section, then the layout
    dialog.close()


def test_cancel_closes_the_progress_and_opens_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    from relations_app.reports import briefing

    def cancelled_build(delegation_id, progress=None, cancelled=None, **kwargs):
        progress(1, 3, "Rimouski")
        raise briefing.BriefingCancelled

    monkeypatch.setattr(briefing, "render_briefing", cancelled_build)
    handle = delegation_actions.preview_briefing(window, EXAMPLE)
    assert handle.done
    assert window.findChild(pdf_preview.PdfPreviewDialog) is None
    assert not [w for w in window.findChildren(QWidget, "briefingProgress") if w.isVisible()]


def test_agenda_saved_as_a_calendar_file(window, tmp_path, monkeypatch):
    asked, told = {}, []

    def fake_save(widget, caption, proposed, filters):
        asked["proposed"] = proposed
        return str(tmp_path / "agenda"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    actions(window).agenda_button.click()
    assert asked["proposed"].endswith("mission-a-rimouski-autour-de-crea-ocean-exemple.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "agenda.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 11 and "11" in told[0]


def test_duplicate_then_undo(qtbot, window, monkeypatch):
    section = window.sections["delegations"]
    monkeypatch.setattr(
        delegation_actions.DuplicateDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    proposed = []
    monkeypatch.setattr(
        delegation_actions.DuplicateDialog,
        "chosen_start",
        lambda self: proposed.append(self.start.date()) or date(2028, 6, 5),
    )
    actions(window).duplicate_button.click()
    assert proposed[0].toPython() == date(2028, 6, 5)  # the same weekday, 52 weeks on
    copy_id = section.current_id
    assert copy_id != EXAMPLE
    copy = delegations.get_delegation(copy_id)
    assert copy["title"].startswith("Copie de ") and copy["start"] == "2028-06-05"
    assert section.editor.heading.text() == copy["title"]
    assert delegations.list_delegations().total == 2
    window.undo_action.trigger()
    assert delegations.list_delegations().total == 1


def test_unsaved_changes_are_saved_first(window, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    editor = window.sections["delegations"].editor
    editor.forms[0].inputs["title"].widget.setText("Autre titre")
    assert editor.dirty
    assert actions(window).duplicate() is None and actions(window).show_briefing() is None
    assert len(told) == 2 and delegations.list_delegations().total == 1


def test_a_new_delegation_has_no_document_yet(window):
    window.sections["delegations"].new_record()
    bar = actions(window)
    assert not bar.briefing_button.isEnabled() and not bar.duplicate_button.isEnabled()
    assert not bar.agenda_button.isEnabled()


def _attach(tmp_path, title, data):
    from relations_app.services import attachments

    path = tmp_path / f"{title}.pdf"
    path.write_bytes(data)
    return attachments.add("delegations", EXAMPLE, path, title=title).id


def test_the_briefing_asks_which_documents_to_append(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from ui.pages.annexes_dialog import AnnexesDialog

    convention = _attach(tmp_path, "Convention", pdf_of("Convention un", "Convention deux"))
    broken = _attach(tmp_path, "Abîmé", b"%PDF-1.4\n" + b"x" * 200)
    _attach(tmp_path, "Pas choisi", pdf_of("Jamais"))
    seen = []

    def tick(dialog):
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in (convention, broken):
                item.setCheckState(Qt.CheckState.Checked)
        assert dialog.chosen() == [broken, convention]  # the list's order: newest first
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AnnexesDialog, "exec", tick)
    actions(window).briefing_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(pdf_preview.PdfPreviewDialog) is not None, timeout=15000
    )
    assert len(seen[0]) == 3 and any(text.startswith("Convention — ") for text in seen[0])
    dialog = window.findChild(pdf_preview.PdfPreviewDialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=5000)
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(dialog.pdf))
    assert dialog.document.pageCount() == len(reader.pages)
    assert [reader.pages[i].extract_text().strip() for i in (-2, -1)] == [
        "Convention un",
        "Convention deux",
    ]
    notice = dialog.findChild(QWidget, "pdfNotice")
    assert "« Abîmé » n'est pas joint au dossier : le fichier PDF est illisible" in notice.text()
    dialog.close()


def test_cancelling_the_choice_makes_no_briefing(qtbot, window, tmp_path, monkeypatch):
    from ui.pages.annexes_dialog import AnnexesDialog

    _attach(tmp_path, "Convention", pdf_of("Convention un"))
    monkeypatch.setattr(AnnexesDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert actions(window).show_briefing() is None
    assert window.findChild(pdf_preview.PdfPreviewDialog) is None
