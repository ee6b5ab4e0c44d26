"""Rapports › Déclaration APD…: the year's declaration checked, then saved as a worksheet.

The dialog stays open beside the window (not modal): its warnings name records to fix,
each opened in the window by a double-click (or Enter, or "Open the record"); "Check
again" reads the year anew.  The worksheet is computed and written off the GUI thread
(:class:`ui.kit.busy.Operation`), as XLSX or CSV by the file's extension.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..kit import labels
from ..kit.busy import Operation

RECORD_ROLE = Qt.ItemDataRole.UserRole
FUNDER_ROLE = Qt.ItemDataRole.UserRole + 1


def _amount(value: Any) -> str:
    return labels.money(value)


class ApdDialog(QDialog):
    """The year, the warnings (each opening its record), the totals, the save button."""

    def __init__(self, window: Any, location: Any = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.location = location
        self.setObjectName("apdDialog")
        self.setWindowTitle(self.tr("APD declaration"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Official development assistance spent in a calendar year, declared each year "
                "from 15 April to 31 May (e-APD). Only the authority's own funds in the "
                "countries on the OECD DAC list are declared."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.year = QSpinBox(self)
        self.year.setObjectName("apdYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year - 1)
        self.year.setAccessibleName(self.tr("Year declared"))
        self.year.setMaximumWidth(self.year.fontMetrics().horizontalAdvance("0000") + 60)
        form.addRow(self.tr("Year declared"), self.year)
        layout.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setObjectName("apdSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.warnings_title = QLabel(self)
        self.warnings_title.setStyleSheet("font-weight: bold; padding-top: 6px;")
        layout.addWidget(self.warnings_title)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("apdWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.warnings.itemActivated.connect(self.open_item)
        self.warnings.currentItemChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.warnings, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the record"), self)
        self.open_button.setObjectName("apdOpenRecord")
        self.open_button.clicked.connect(lambda: self.open_item(self.warnings.currentItem()))
        self.check_button = QPushButton(self.tr("&Check again"), self)
        self.check_button.setObjectName("apdCheck")
        self.check_button.clicked.connect(self.check)
        self.own_button = QPushButton(self.tr("Count the funder as own &funds"), self)
        self.own_button.setObjectName("apdFunderOwn")
        self.own_button.clicked.connect(lambda: self.classify("own"))
        self.cofunder_button = QPushButton(self.tr("Count it as co-financing &received"), self)
        self.cofunder_button.setObjectName("apdFunderCofunder")
        self.cofunder_button.clicked.connect(lambda: self.classify("cofunder"))
        row.addWidget(self.open_button)
        row.addWidget(self.own_button)
        row.addWidget(self.cofunder_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("apdResult")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(
            self.tr("&Save the worksheet…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("apdSave")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.check)
        self.year.valueChanged.connect(lambda _v: self._timer.start())
        self.sheet: Any = None
        self.resize(760, 560)
        self._update_buttons()

    # -- checking ------------------------------------------------------------------------

    def check(self) -> None:
        """Read the chosen year's declaration off the GUI thread, then show its warnings."""
        from relations_app.services.apd import apd_worksheet

        self._timer.stop()  # a check asked for now replaces the one the year's change set off
        year = self.year.value()
        self.summary.setText(self.tr("Reading %1…").replace("%1", str(year)))
        Operation(self, self.tr("Reading the declaration…"), lambda ctx: apd_worksheet(year)).title(
            self.tr("APD declaration")
        ).database(self.location).named("apdBusy").success(self.show_sheet).run()

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        super().closeEvent(event)

    def show_sheet(self, sheet: Any) -> None:
        if sheet.year != self.year.value():
            return  # the year changed meanwhile: its own check follows
        self.sheet = sheet
        editions = ", ".join(sheet.editions) or self.tr("none")
        self.summary.setText(
            self.tr(
                "Year %1 (DAC list: %3). Lines declared: %2; own funds %4, of which 1 % %5; "
                "co-financing received, not declared: %6. Outside ODA: lines: %7, own funds %8."
            )
            .replace("%1", str(sheet.year))
            .replace("%2", str(len(sheet.lines)))
            .replace("%3", editions)
            .replace("%4", _amount(sheet.total("own")))
            .replace("%5", _amount(sheet.total("water")))
            .replace("%6", _amount(sheet.total("cofunding")))
            .replace("%7", str(len(sheet.outside)))
            .replace("%8", _amount(sheet.total("own", outside=True)))
        )
        self.warnings.clear()
        for warning in sheet.warnings:
            item = QListWidgetItem(warning.text, self.warnings)
            if warning.record_id:
                item.setData(RECORD_ROLE, (warning.collection, warning.record_id))
                item.setToolTip(self.tr("Double-click to open the record"))
            if warning.funder:
                item.setData(FUNDER_ROLE, warning.funder)
        extra = sum(sheet.more_warnings.values())
        if extra:
            QListWidgetItem(self.tr("… and %1 more").replace("%1", str(extra)), self.warnings)
        count = len(sheet.warnings) + extra
        self.warnings_title.setText(
            self.tr("Warnings (%1): fix them before declaring").replace("%1", str(count))
            if count
            else self.tr("No warning: the records are ready to declare.")
        )
        if sheet.warnings:
            self.warnings.setCurrentRow(0)
        self._update_buttons()

    def open_item(self, item: QListWidgetItem | None) -> None:
        target = item.data(RECORD_ROLE) if item is not None else None
        if target:
            self.window_.open_record(*target)

    def classify(self, role: str) -> None:
        """Classify the current warning's funder (every line naming it), then check again;
        the other button, or ``relations-app apd-listes``, changes it back."""
        from relations_app.services import apd_lists

        item = self.warnings.currentItem()
        funder = item.data(FUNDER_ROLE) if item is not None else None
        if funder:
            apd_lists.set_funder(funder, role)
            self.check()

    def _update_buttons(self) -> None:
        item = self.warnings.currentItem()
        self.open_button.setEnabled(bool(item is not None and item.data(RECORD_ROLE)))
        funder = bool(item is not None and item.data(FUNDER_ROLE))
        self.own_button.setVisible(funder)
        self.cofunder_button.setVisible(funder)

    # -- saving -----------------------------------------------------------------------

    def save(self) -> None:
        year = self.year.value()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the APD worksheet"),
            str(Path.home() / f"declaration-apd-{year}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if chosen:
            self.write(Path(chosen), year)

    def write(self, target: Path, year: int) -> None:
        """Compute and write the worksheet of ``year`` to ``target``, off the GUI thread."""
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")

        def work(ctx: Any) -> Any:
            from relations_app.exchange.apd_sheet import write_worksheet
            from relations_app.services.apd import apd_worksheet

            ctx.progress(0, 2, "")
            sheet = apd_worksheet(year)
            ctx.check()
            ctx.progress(1, 2, "")
            write_worksheet(sheet, target)
            return sheet

        def written(sheet: Any) -> None:
            self.show_sheet(sheet)
            self.outcome.setText(self.tr("Worksheet written to %1").replace("%1", str(target)))

        Operation(self, self.tr("Writing the worksheet…"), work).title(
            self.tr("APD declaration")
        ).database(self.location).named("apdBusy").success(written).run()


class ApdDeclaration:
    """The menu entry: Rapports › Déclaration APD… opens (or raises) the dialog."""

    def __init__(self, window: Any, menu: QMenu) -> None:
        self.window = window
        self.dialog: ApdDialog | None = None
        self.action = QAction(QCoreApplication.translate("ApdDialog", "APD &declaration…"), window)
        self.action.setObjectName("apdAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.action.setStatusTip(
            QCoreApplication.translate(
                "ApdDialog", "Check and save the yearly official development assistance declaration"
            )
        )
        self.action.triggered.connect(self.show)
        menu.addAction(self.action)

    def show(self) -> ApdDialog:
        if self.dialog is None:
            self.dialog = ApdDialog(self.window, getattr(self.window, "location", None))
            self.dialog.destroyed.connect(self._forget)
            self.dialog.check()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _forget(self, *_args: object) -> None:
        self.dialog = None


def reports_menu(window: QWidget, before: QAction) -> QMenu:
    """The window's Rapports menu (before ``before``, the Help menu), made once."""
    found = window.findChild(QMenu, "reportsMenu")
    if isinstance(found, QMenu):
        return found
    menu = QMenu(QCoreApplication.translate("MainWindow", "&Reports"), window)
    menu.setObjectName("reportsMenu")
    window.menuBar().insertMenu(before, menu)  # type: ignore[attr-defined]
    return menu
