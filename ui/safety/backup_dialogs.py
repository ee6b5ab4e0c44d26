"""Fichier › Restaurer… : the copies of the database, to pick one and restore it.

The dialog lists :func:`relations_app.backups.list_backups` (date, when it was made, size,
records per table), or another copy chosen on disk, and asks for confirmation.  It only
chooses: the window (or the start-up, for a damaged database) restores with
:func:`relations_app.backups.restore_backup`, which checks the copy and keeps the current
state as a copy first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relations_app import backups
from relations_app.location import DatabaseLocation

from ..kit import labels, record_names
from ..kit.faults import show_error
from ..kit.screen import fit_to_screen

#: Record counts shown as columns, in this order (collection keys of backups.COUNTED).
COUNT_COLUMNS = ("partners", "programmes", "organisations", "contacts", "delegations", "events")
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    def __init__(
        self,
        location: DatabaseLocation,
        *,
        for_startup: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.chosen_path: Path | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a copy"))
        fit_to_screen(self, 900, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the copy to put back. The whole content of the database is replaced by it, at once; "
                "the current state is first kept as a copy, so a restore can itself be undone by restoring "
                "that copy."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3 + len(COUNT_COLUMNS), self)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName(self.tr("Copies of the database"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Made"), self.tr("Size")]
            + [self._count_title(c) for c in COUNT_COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.details = QLabel(self)
        self.details.setObjectName("backupDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.empty = QLabel(
            self.tr("No copy yet in %1.").replace("%1", str(backups.backup_dir(self.location))),
            self,
        )
        self.empty.setObjectName("noBackups")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(self)
        self.other_button = QPushButton(self.tr("&Other file…"), self)
        self.other_button.setObjectName("otherCopyButton")
        self.other_button.setToolTip(
            self.tr("Restore a copy saved elsewhere (File › Save a copy…)")
        )
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.choose_other)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.restore_selected())
        self.for_startup = for_startup
        self.infos: list[backups.BackupInfo] = []
        self.reload()

    def _count_title(self, collection: str) -> str:
        return record_names.plural_title(collection)

    def reason_text(self, reason: str) -> str:
        return {
            "demarrage": self.tr("at start"),
            "auto": self.tr("while working"),
            "fermeture": self.tr("at exit"),
            "manuelle": self.tr("on request"),
            "avant-restauration": self.tr("before a restore"),
        }.get(reason, self.tr("copy"))

    def reload(self) -> None:
        self.infos = backups.list_backups(self.location)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            cells = [
                labels.date_time(info.created),
                self.reason_text(info.reason),
                labels.data_size(info.size),
            ]
            cells += [
                labels.number(info.counts[c]) if c in info.counts else "—" for c in COUNT_COLUMNS
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(info.path))
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.infos))
        self.empty.setVisible(not self.infos)
        if self.infos:
            self.table.selectRow(0)
        self._selection_changed()

    def selected_info(self) -> backups.BackupInfo | None:
        row = self.table.currentRow()
        return (
            self.infos[row] if 0 <= row < len(self.infos) and self.table.selectedItems() else None
        )

    def _selection_changed(self) -> None:
        info = self.selected_info()
        self.restore_button.setEnabled(info is not None)
        self.details.setText(f"{info.summary()}\n{info.path}" if info else "")

    # -- choosing ----------------------------------------------------------------------------

    def confirm(self, info: backups.BackupInfo) -> bool:
        box = QMessageBox(self)
        box.setObjectName("restorePrompt")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore a copy"))
        box.setText(
            self.tr("Replace the whole database by the copy of %1?").replace(
                "%1", labels.date_time(info.created)
            )
        )
        if self.for_startup:
            box.setInformativeText(
                self.tr(
                    "It holds: %1.\nThe damaged file is first kept in the backups folder."
                ).replace("%1", info.summary())
            )
        else:
            box.setInformativeText(
                self.tr(
                    "It holds: %1.\nEverything changed since is replaced. The current state is first kept as a "
                    "copy; the undo history is cleared."
                ).replace("%1", info.summary())
            )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected_info()
        if info is not None and self.confirm(info):
            self.chosen_path = info.path
            self.accept()

    def choose_other(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore a copy"),
            self.location.describe_place(),
            self.tr("Relations databases (*.db);;All files (*)"),
        )
        if not chosen:
            return
        try:
            info = backups.check_backup(Path(chosen))
        except Exception as exc:
            show_error(self, self.tr("Restore a copy"), exc, self.location, name="badCopyMessage")
            return
        if self.confirm(info):
            self.chosen_path = info.path
            self.accept()
