"""The File menu's data actions: import, export, save a copy, restore a copy.

Built once per window and inserted in its File menu before the fact sheet.  Saving a copy
uses SQLite's online backup API (:func:`backups.create_backup`); restoring replaces the
whole content (:func:`backups.restore_backup`, which keeps the current state as a copy
first), after which every view reloads and the undo history is cleared: the records'
versions no longer match what its commands remember.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from relations_app import backups
from relations_app.location import DatabaseLocation

from ..kit.busy import Operation
from ..safety.backup_dialogs import RestoreDialog
from .exporting import Exporter
from .importing import Importer


class FileActions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.exporter = Exporter(window)
        self.importer = Importer(window)
        self.last_copy: Path | None = None
        self.last_restore = None  # the RestoreResult of the last restore

        def action(text: str, name: str, slot, shortcut=None, tip: str = "") -> QAction:
            item = QAction(text, window)
            item.setObjectName(name)
            if shortcut is not None:
                item.setShortcut(QKeySequence(shortcut))
            if tip:
                item.setStatusTip(tip)
            item.triggered.connect(slot)
            window.addAction(item)
            return item

        self.import_action = action(
            self.tr("&Import…"),
            "importAction",
            self.importer.import_file,
            "Ctrl+I",
            self.tr("Import contacts (CSV, Excel), a full export (JSON) or an Atlas record"),
        )
        self.import_atlas_action = action(
            self.tr("Import an &Atlas record…"),
            "importAtlasAction",
            self.importer.import_atlas,
            "Ctrl+Shift+I",
            self.tr("Paste or open a project page of the Atlas"),
        )
        self.export_list_action = action(
            self.tr("Export the &list…"),
            "exportListAction",
            self.exporter.export_list,
            "Ctrl+E",
            self.tr("The list on screen, with its columns, search and filters, to CSV or Excel"),
        )
        self.export_contacts_action = action(
            self.tr("Export the &contacts (vCard)…"),
            "exportContactsAction",
            self.exporter.export_contacts,
            "Ctrl+Shift+E",
        )
        self.export_calendar_action = action(
            self.tr("Export the c&alendar (iCalendar)…"),
            "exportCalendarAction",
            self.exporter.export_calendar,
            "Ctrl+Shift+L",
        )
        self.export_all_action = action(
            self.tr("Export &everything (JSON)…"),
            "exportAllAction",
            self.exporter.export_everything,
            "Ctrl+Shift+J",
        )
        self.save_copy_action = action(
            self.tr("Save a &copy…"),
            "saveCopyAction",
            self.save_copy,
            "Ctrl+Shift+S",
            self.tr("A copy of the whole database, in a file you choose"),
        )
        self.restore_action = action(
            self.tr("&Restore a copy…"),
            "restoreAction",
            self.restore,
            "Ctrl+Shift+R",
            tip=self.tr("Replace the database by one of its copies"),
        )

        menu: QMenu = window.file_menu
        before = window.factsheet_action
        self.export_menu = QMenu(self.tr("E&xport"), menu)
        self.export_menu.setObjectName("exportMenu")
        self.export_menu.addActions(
            [self.export_list_action, self.export_contacts_action, self.export_calendar_action]
        )
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.export_all_action)
        menu.insertActions(before, [self.import_action, self.import_atlas_action])
        menu.insertMenu(before, self.export_menu)
        menu.insertSeparator(before)
        menu.insertActions(before, [self.save_copy_action, self.restore_action])
        menu.insertSeparator(before)

    @property
    def location(self) -> DatabaseLocation:
        return self.window.location

    # -- copies ------------------------------------------------------------------------------

    def save_copy(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = Path.home() / f"{self.location.name}-copie-{stamp}.db"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save a copy of the database"),
            str(suggested),
            self.tr("Relations databases (*.db)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".db":
            target = target.with_name(target.name + ".db")
        location = self.location

        def saved(path: Path) -> None:
            self.last_copy = path
            self.window.statusBar().showMessage(
                self.tr("Copy saved: %1").replace("%1", str(path)), 15000
            )

        # The file dialog asked before replacing an existing file.
        (
            Operation(
                self.window,
                self.tr("Saving a copy…"),
                lambda _ctx: backups.create_backup(location, target, overwrite=True),
            )
            .title(self.tr("Save a copy"))
            .database(location)
            .success(saved)
            .run()
        )

    def restore(self) -> bool:
        """Pick a copy, confirm, restore it off the GUI thread (a large file takes seconds,
        and cannot stop half-way: no Cancel); then every view reloads.  False when the
        user gave up before anything started."""
        if not self.window.settle_edits():
            return False
        dialog = RestoreDialog(self.location, parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen_path is None:
            return False
        location, chosen = self.location, dialog.chosen_path

        def restored(result) -> None:
            self.last_restore = result
            self.window.undo_stack.clear()
            self.window.reload_all()
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Copy restored"),
                result.describe(),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("restoredMessage")
            box.setInformativeText(
                self.tr(
                    "Every list has been reloaded. The undo history was cleared: the "
                    "records it referred to have changed."
                )
            )
            box.exec()

        (  # a refusal shows the domain's French reason; nothing was changed
            Operation(
                self.window,
                self.tr("Restoring the copy…"),
                lambda _ctx: backups.restore_backup(location, chosen),
            )
            .title(self.tr("Restore a copy"))
            .database(location)
            .success(restored)
            .without_cancel()
            .run()
        )
        return True
