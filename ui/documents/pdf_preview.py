"""Previewing a generated PDF: QtPdf's view with Save as…, Print… and Open in PDF reader.

Why a dialog of its own: the fact sheet and the delegation briefing are checked on screen
before they are handed out.  The PDF is made off the GUI thread by
:func:`preview_in_background` through :class:`ui.kit.busy.Operation`, so the window
stays responsive; ReportLab is imported by that worker only, never at start-up.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit import tasks
from ..kit.busy import Operation
from ..kit.faults import show_error
from ..kit.screen import fit_to_screen

MAX_PRINT_DPI = 300  # pages are rendered as images: enough for text, bounded memory


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; saves, prints or hands them to the system's PDF reader."""

    def __init__(
        self,
        pdf: bytes,
        suggested_name: str,
        title: str = "",
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title or self.tr("PDF preview"))
        fit_to_screen(self, 820, 960)
        self.pdf = bytes(pdf)
        self.suggested_name = suggested_name
        self.saved_path: Path | None = None
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.setObjectName("pdfDocument")
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Document preview"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pdfPageCount")
        self.document.pageCountChanged.connect(self._show_page_count)
        self._show_page_count(self.document.pageCount())

        self.save_button = self._button(
            "saveAsButton",
            self.tr("Save as…"),
            self.tr("Save the PDF to a file"),
            QKeySequence.StandardKey.Save,
        )
        self.print_button = self._button(
            "printButton",
            self.tr("Print…"),
            self.tr("Print the document"),
            QKeySequence.StandardKey.Print,
        )
        self.open_button = self._button(
            "openExternallyButton",
            self.tr("Open in PDF reader"),
            self.tr("Open the document in the system's PDF reader"),
        )
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.open_button.clicked.connect(self.open_externally)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("pdfPreviewButtons")
        for button in (self.save_button, self.print_button, self.open_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if notice:
            warning = QLabel(notice, self)
            warning.setObjectName("pdfNotice")
            warning.setWordWrap(True)
            warning.setAccessibleName(self.tr("Warning"))
            layout.addWidget(warning)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)

    def _button(self, name: str, text: str, accessible: str, shortcut=None) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        if shortcut is not None:
            button.setShortcut(QKeySequence(shortcut))
        return button

    def _show_page_count(self, count: int) -> None:
        self.pages_label.setText(self.tr("%n page(s)", "", count))

    # -- actions ------------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Ask where, then write the bytes; returns the file written (None if cancelled)."""
        folder = self.saved_path.parent if self.saved_path else Path.home()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the PDF"),
            str(folder / self.suggested_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            show_error(
                self, self.tr("Save as"), exc, template=self.tr("The file could not be written: %1")
            )
            return None
        self.saved_path = path
        return path

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.suggested_name).stem)
        printer.setFromTo(1, max(1, self.document.pageCount()))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.render_to(printer)
        return True

    def render_to(self, printer: QPrinter) -> int:
        """Draw the chosen pages onto ``printer``, each scaled to fit; returns the page count."""
        count = self.document.pageCount()
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        painter = QPainter()
        if count == 0 or not painter.begin(printer):
            return 0
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(index, size)
                scale = min(area.width() / image.width(), area.height() / image.height())
                target = QRect(0, 0, round(image.width() * scale), round(image.height() * scale))
                target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    def open_externally(self) -> Path | None:
        """Write a temporary copy and ask the desktop to open it (it stays for the reader)."""
        stem = Path(self.suggested_name).stem or "document"
        try:
            fd, name = tempfile.mkstemp(prefix=f"{stem}-", suffix=".pdf")
            with os.fdopen(fd, "wb") as out:
                out.write(self.pdf)
        except OSError as exc:
            show_error(
                self,
                self.tr("Open in PDF reader"),
                exc,
                template=self.tr("The file could not be written: %1"),
            )
            return None
        path = Path(name)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            message = self.tr("No PDF reader could be started. The file is here: %1")
            QMessageBox.information(
                self, self.tr("Open in PDF reader"), message.replace("%1", str(path))
            )
        return path


def run_cancellable(
    ctx: tasks.TaskContext,
    render: Callable[..., tuple[bytes, object]],
    cancelled_error: type[Exception],
) -> tuple[bytes, object]:
    """Run a ``render_…(progress=…, cancelled=…)`` function under ``ctx``: its progress
    moves the bar, Cancel stops it (its ``cancelled_error`` becomes :class:`tasks.Cancelled`)."""
    try:
        payload, result = render(progress=ctx.progress, cancelled=ctx.is_cancelled)
    except cancelled_error:
        raise tasks.Cancelled from None
    ctx.check()
    return payload, result


def preview_in_background(
    parent: QWidget,
    work: Callable[[tasks.TaskContext], tuple[bytes, object]],
    *,
    name: str,
    window_title: str,
    busy_text: str,
    dialog_title: Callable[[object], str],
) -> tasks.TaskHandle:
    """Make a PDF with ``work`` off the GUI thread, then show it in a :class:`PdfPreviewDialog`.

    ``work(ctx)`` returns the PDF bytes and the build's result (which has ``file_name`` and
    ``warning()``); it may report ``ctx.progress(done, total, text)``, which moves the
    progress bar (busy until then), and should call ``ctx.check()`` to honour Cancel.
    A failure shows its French message (:func:`ui.kit.faults.show_error`);
    ``dialog_title(result)`` names the preview.
    Returns the task handle; the dialog, once open, is a child of ``parent``.
    """

    def succeeded(value) -> None:
        payload, result = value
        dialog = PdfPreviewDialog(
            payload, result.file_name, dialog_title(result), notice=result.warning(), parent=parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def failed(error: Exception) -> None:
        show_error(parent, window_title, error, name=f"{name}Error", critical=True)

    return (
        Operation(parent, busy_text, work)
        .named(name)
        .title(window_title)
        .success(succeeded)
        .failure(failed)
        .run()
    )


def preview_factsheet(parent: QWidget, partner_id: str) -> tasks.TaskHandle:
    """Build the partner's fact sheet in the background, then open it in a preview dialog.

    A busy dialog shows meanwhile (its Cancel drops the result); failures open a message
    box.  Returns the task handle; the dialog, once open, is a child of ``parent``.
    """
    translate = QCoreApplication.translate

    def work(ctx: tasks.TaskContext):
        from relations_app.reports.factsheet import render_factsheet

        payload, result = render_factsheet(partner_id)
        ctx.check()
        return payload, result

    return preview_in_background(
        parent,
        work,
        name="factsheetProgress",
        window_title=translate("PdfPreview", "Fact sheet"),
        busy_text=translate("PdfPreview", "Generating the fact sheet…"),
        dialog_title=lambda result: translate("PdfPreview", "Fact sheet: %1").replace(
            "%1", result.name
        ),
    )
