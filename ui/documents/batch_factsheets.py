"""Reports › Fact sheets of every partner…: one PDF per partner in a folder chosen first.

Why here, not in the preview: printing every sheet is a batch (a folder of files, no
preview), made by :func:`relations_app.reports.batch.build_sheets` with a process per
core, under :class:`ui.kit.busy.Operation` (off the GUI thread, a progress bar naming each
partner, Cancel).  Cancel hands out no more sheets: those under way are finished, so the
folder only ever holds whole files.  At the end (after Cancel too) a message says what was
written where, and names the partners whose sheet could not be made (their tracebacks are
in the log).  A folder that already holds sheets of the same names is replaced only once
the person has said so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from relations_app import logs

from ..kit import tasks
from ..kit.busy import Operation
from ..kit.keyboard import give_dialog_access_keys

REPORTS_MENU = "reportsMenu"
MAX_FAILURES_SHOWN = 10
MAX_NAMES_SHOWN = 5
translate = QCoreApplication.translate


def write_factsheets(
    parent: QWidget, folder: Path, partner_ids: list[str] | None = None
) -> tasks.TaskHandle:
    """Write the sheets of ``partner_ids`` (every partner by default) into ``folder`` in
    the background; a summary when done."""

    def work(ctx: tasks.TaskContext):
        from relations_app.reports.batch import build_sheets

        return build_sheets(folder, partner_ids, progress=ctx.progress, cancelled=ctx.is_cancelled)

    def done(report) -> None:
        show_summary(parent, report)

    return (
        Operation(parent, translate("FactsheetBatch", "Writing the fact sheets…"), work)
        .named("factsheetBatchProgress")
        .title(translate("FactsheetBatch", "Fact sheets of every partner"))
        .success(done)
        .after_cancel(done)  # what was written before Annuler is said too
        .run()
    )


def show_summary(parent: QWidget, report) -> QMessageBox:
    """What the batch wrote (in the status bar too), and what failed, in a message box."""
    box = QMessageBox(parent)
    box.setObjectName("factsheetBatchSummary")
    box.setWindowTitle(translate("FactsheetBatch", "Fact sheets of every partner"))
    box.setText(report.summary())
    if report.failures:
        box.setIcon(QMessageBox.Icon.Warning)
        lines = [message for _name, message in report.failures[:MAX_FAILURES_SHOWN]]
        if len(report.failures) > MAX_FAILURES_SHOWN:
            lines.append("…")
        details = translate("FactsheetBatch", "The details are in the log: %1").replace(
            "%1", str(logs.log_path())
        )
        box.setInformativeText("\n".join([*lines, "", details]))
    else:
        box.setIcon(QMessageBox.Icon.Information)
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(report.summary())
    box.open()
    return box


def choose_folder_and_write(window: QWidget) -> tasks.TaskHandle | None:
    folder = QFileDialog.getExistingDirectory(
        window, translate("FactsheetBatch", "Folder of the fact sheets"), str(Path.home())
    )
    if not folder:
        return None
    if not replace_confirmed(window, Path(folder)):
        return None
    return write_factsheets(window, Path(folder))


def replace_confirmed(parent: QWidget, folder: Path) -> bool:
    """True when no sheet of ``folder`` would be written over, or the person agreed."""
    from relations_app.reports.batch import files_replaced, replace_question

    replaced = files_replaced(folder)
    if not replaced:
        return True
    names = ", ".join(path.name for path in replaced[:MAX_NAMES_SHOWN])
    if len(replaced) > MAX_NAMES_SHOWN:
        names += ", …"
    box = QMessageBox(parent)
    box.setObjectName("factsheetBatchReplace")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("FactsheetBatch", "Fact sheets of every partner"))
    box.setText(replace_question(len(replaced)))
    box.setInformativeText(names)
    replace = box.addButton(
        translate("FactsheetBatch", "&Replace"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    give_dialog_access_keys(box)  # "Annuler" too, beside "Remplacer"
    box.exec()
    return box.clickedButton() is replace


def add_to_reports_menu(window: QMainWindow) -> QAction:
    """Reports › Fact sheets of every partner… in ``window``'s menu (the menu made by the
    activity report, found by its object name)."""
    menu = window.menuBar().findChild(QMenu, REPORTS_MENU)
    if menu is None:
        menu = window.menuBar().addMenu(translate("FactsheetBatch", "&Reports"))
        menu.setObjectName(REPORTS_MENU)
    action = QAction(translate("FactsheetBatch", "&Fact sheets of every partner…"), window)
    action.setObjectName("factsheetBatchAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+P"))  # Ctrl+P: the partner's own sheet
    action.setStatusTip(
        translate("FactsheetBatch", "One PDF per partner in a folder, made on every core")
    )
    action.triggered.connect(lambda: choose_folder_and_write(window))
    menu.addAction(action)
    return action
