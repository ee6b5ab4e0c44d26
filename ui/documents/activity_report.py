"""Reports › Activity report…: choose a year, then preview the PDF or save its tables.

Why a dialog of its own: the annual report is the office's one document about a whole
year rather than a record; the year asked first (last calendar year by default: the
report is written once the year is over) decides everything in it.  The PDF is made off
the GUI thread with a progress bar and Cancel
(:func:`ui.documents.pdf_preview.preview_in_background`) and opens in the usual preview;
the tables (XLSX) go to a file chosen first, written the same way.  The menu is made
here and found by its object name, so that other reports can join it.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..kit import tasks
from ..kit.busy import Operation

FIRST_YEAR, LAST_YEAR = 1900, 2100
REPORTS_MENU = "reportsMenu"


def default_year(today: date | None = None) -> int:
    """The previous calendar year: the one a report is written about."""
    return (today or date.today()).year - 1


def preview_activity_report(parent: QWidget, year: int) -> tasks.TaskHandle:
    """Build the report of ``year`` in the background, then open it in the preview."""
    from .pdf_preview import preview_in_background, run_cancellable  # QtPdf: at first use

    translate = QCoreApplication.translate

    def work(ctx: tasks.TaskContext):
        from relations_app.reports.activity import ActivityCancelled, render_activity_report

        return run_cancellable(ctx, partial(render_activity_report, year), ActivityCancelled)

    return preview_in_background(
        parent,
        work,
        name="activityReportProgress",
        window_title=translate("ActivityReport", "Activity report"),
        busy_text=translate("ActivityReport", "Generating the activity report…"),
        dialog_title=lambda _result: translate("ActivityReport", "Activity report %1").replace(
            "%1", str(year)
        ),
    )


def save_activity_tables(parent: QWidget, year: int, path: Path) -> tasks.TaskHandle:
    """Write the report's tables of ``year`` to ``path`` in the background."""
    translate = QCoreApplication.translate

    def work(ctx: tasks.TaskContext) -> Path:
        from relations_app.reports.activity_xlsx import build_activity_xlsx

        ctx.check()
        build_activity_xlsx(year, path)
        return path

    def written(done: Path) -> None:
        if isinstance(parent, QMainWindow):
            text = translate("ActivityReport", "Tables of %1 written to %2")
            parent.statusBar().showMessage(text.replace("%1", str(year)).replace("%2", str(done)))

    return (
        Operation(parent, translate("ActivityReport", "Writing the tables…"), work)
        .named("activityTablesProgress")
        .title(translate("ActivityReport", "Activity report"))
        .success(written)
        .run()
    )


class ActivityReportDialog(QDialog):
    """The year to report on; Create the report (PDF preview) or Save the tables (XLSX)."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityReportDialog")
        self.setWindowTitle(self.tr("Activity report"))
        self.handle: tasks.TaskHandle | None = None
        self.year = QSpinBox(self)
        self.year.setObjectName("activityReportYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(default_year(today))
        self.year.setAccessibleName(self.tr("Year of the report"))
        explanation = QLabel(
            self.tr(
                "The year in figures, funding by funder and by country, each partner's "
                "year and the programmes funded, from 1 January to 31 December."
            ),
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("activityReportButtons")
        self.create_button = QPushButton(self.tr("&Create the report"), self)
        self.create_button.setObjectName("createActivityReport")
        self.create_button.setDefault(True)
        self.tables_button = QPushButton(self.tr("Save the &tables (XLSX)…"), self)
        self.tables_button.setObjectName("saveActivityTables")
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tables_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.clicked.connect(self.create_report)
        self.tables_button.clicked.connect(self.save_tables)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def create_report(self) -> None:
        owner = self.parentWidget() or self
        self.accept()
        self.handle = preview_activity_report(owner, self.year.value())

    def save_tables(self) -> None:
        year = self.year.value()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the tables"),
            str(Path.home() / f"rapport-activite-{year}.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        owner = self.parentWidget() or self
        self.accept()
        self.handle = save_activity_tables(owner, year, path)


def _open_dialog(window: QWidget) -> None:
    dialog = ActivityReportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def add_to_reports_menu(window: QMainWindow, before: QAction | None = None) -> QAction:
    """Reports › Activity report… in ``window``'s menu bar (the menu made if missing)."""
    menu = window.menuBar().findChild(QMenu, REPORTS_MENU)
    if menu is None:
        menu = QMenu(QCoreApplication.translate("ActivityReport", "&Reports"), window.menuBar())
        menu.setObjectName(REPORTS_MENU)
        if before is not None:
            window.menuBar().insertMenu(before, menu)
        else:
            window.menuBar().addMenu(menu)
    action = QAction(QCoreApplication.translate("ActivityReport", "&Activity report…"), window)
    action.setObjectName("activityReportAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    action.setStatusTip(
        QCoreApplication.translate(
            "ActivityReport", "The year's report for the council (PDF or XLSX)"
        )
    )
    action.triggered.connect(lambda: _open_dialog(window))
    menu.addAction(action)
    return action
