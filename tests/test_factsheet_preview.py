"""The fact-sheet preview: generated off the GUI thread, shown in QtPdf, saved, printed."""

import pytest

pytest.importorskip("reportlab")

from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from relations_app.services.partner_lookup import find_partner
from ui.documents import pdf_preview
from ui.kit import tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def open_preview(qtbot, parent, name):
    handle = pdf_preview.preview_factsheet(parent, find_partner(name)["id"])
    qtbot.waitUntil(lambda: handle.done, timeout=10000)
    dialog = parent.findChild(pdf_preview.PdfPreviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=5000)
    return dialog


def test_preview_built_in_the_background_then_shown(qtbot, brest_db, parent):
    dialog = open_preview(qtbot, parent, "Rimouski")
    assert dialog.document.pageCount() == 2
    assert dialog.windowTitle().endswith("Rimouski") and dialog.suggested_name == "rimouski.pdf"
    assert dialog.pdf.startswith(b"%PDF")
    assert not [w for w in parent.findChildren(QWidget, "factsheetProgress") if w.isVisible()]
    for name in ("pdfView", "saveAsButton", "printButton", "openExternallyButton"):
        widget = dialog.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name
    dialog.close()


def test_save_as_print_and_open_externally(qtbot, brest_db, parent, tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    dialog = open_preview(qtbot, parent, "Kiel")
    asked = {}

    def fake_save(widget, caption, proposed, filters):
        asked["proposed"] = proposed
        return str(tmp_path / "fiche-kiel"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog.save_button.click()
    assert asked["proposed"].endswith("kiel.pdf")
    assert (tmp_path / "fiche-kiel.pdf").read_bytes() == dialog.pdf

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.render_to(printer) == dialog.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000

    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    path = dialog.open_externally()
    assert opened and opened[0].toLocalFile() == str(path) and path.read_bytes() == dialog.pdf
    path.unlink()
    dialog.close()


def test_failure_is_shown_in_a_message_box(qtbot, brest_db, parent, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.icon(), box.text())))
    handle = pdf_preview.preview_factsheet(parent, "no-such-partner")
    assert handle.done
    assert shown and shown[0][0] == QMessageBox.Icon.Critical and "n'existe pas" in shown[0][1]
    assert parent.findChild(pdf_preview.PdfPreviewDialog) is None


def test_print_dialog_accepted_prints_every_page(qtbot, brest_db, parent, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(tasks, "INLINE", True)
    dialog = open_preview(qtbot, parent, "Rimouski")  # a sheet of two pages
    target = tmp_path / "printed.pdf"

    def accept(print_dialog):
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert dialog.print_document()
    from pypdf import PdfReader

    assert len(PdfReader(str(target)).pages) == dialog.document.pageCount() == 2
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not dialog.print_document()
    dialog.close()
