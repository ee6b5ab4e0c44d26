"""The Corbeille page: deleted partners, programmes, organisations, contacts and delegations.

Each line is a :class:`relations_app.services.trash.TrashEntry`.  Restore puts the record
back with its links in one transaction (or shows the domain's French reason when something
now stands in its place), as a step of the undo stack like any other change.  Delete
permanently and Empty the trash ask first and cannot be undone; the undo steps on those
records are then stopped (:class:`ui.kit.undo.CommandRunner`).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relations_app.location import DatabaseLocation
from relations_app.records import RECORD_TYPES
from relations_app.services import trash

from ..kit import labels, record_names
from ..kit.faults import show_error
from ..kit.link_texts import describe_links
from ..kit.undo import CommandRunner

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashModel(QAbstractTableModel):
    """The trash's entries, most recently deleted first (a small list: read whole)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[trash.TrashEntry] = []

    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Name"), self.tr("Deleted on"), self.tr("Kept with it")]

    def linked_text(self, entry: trash.TrashEntry) -> str:
        """What the snapshot keeps, seen from the deleted record: "1 partner, 6 funding lines"."""
        return describe_links(entry.collection, entry.linked)

    def kind_text(self, collection: str) -> str:
        if collection == trash.attachments.COLLECTION:
            return self.tr("Attached document")
        return record_names.kind(collection) if collection in RECORD_TYPES else collection

    def reload(self) -> None:
        self.beginResetModel()
        self.entries = trash.list_items()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return self.kind_text(entry.collection)
            if column == 1:
                return entry.label
            if column == 2:
                return labels.date_time(entry.deleted_at)
            return self.linked_text(entry)
        if role == ENTRY_ROLE:
            return entry
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TrashPage(QWidget):
    """The list of the trash with Restore, Delete permanently and Empty the trash."""

    status_changed = Signal()
    changed = Signal()  # the database changed (for the automatic copies)

    def __init__(self, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("trashPage")
        self.model = TrashModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel(self.tr("Trash"), self)
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        note = QLabel(
            self.tr(
                "Deleted partners, programmes, organisations, contacts and delegations wait "
                "here with their links until you restore them or delete them for good."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableView(self)
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName(self.tr("Trash"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("The trash is empty."), self)
        self.empty_label.setObjectName("trashEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt; padding: 24px;")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("trashRestoreButton")
        self.restore_button.setToolTip(self.tr("Put the record back with its links (Enter)"))
        self.purge_button = QPushButton(self.tr("&Delete permanently…"), self)
        self.purge_button.setObjectName("trashPurgeButton")
        self.purge_button.setToolTip(self.tr("Delete the selected item for good (Del)"))
        self.empty_button = QPushButton(self.tr("&Empty the trash…"), self)
        self.empty_button.setObjectName("trashEmptyButton")
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        for key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):  # not "activated": a single click on some desktops
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.restore_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.location: DatabaseLocation | None = None  # set by the window: named in faults
        self.may_restore = self.may_purge = True  # the login's rights (:meth:`set_rights`)
        self._update_buttons()

    # -- state -----------------------------------------------------------------------------

    def refresh(self) -> None:
        row = max(self.table.currentIndex().row(), 0)
        self.model.reload()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.table.resizeColumnsToContents()
        for column in range(3):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 80), 320))
        self._update_buttons()
        self.status_changed.emit()

    def status_text(self) -> str:
        return self.tr("%n item(s) in the trash", "", self.model.rowCount())

    def current_entry(self) -> trash.TrashEntry | None:
        index = self.table.currentIndex()
        return (
            self.model.data(self.model.index(index.row(), 0), ENTRY_ROLE)
            if index.isValid()
            else None
        )

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        selected = self.current_entry() is not None
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(has_rows)
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)

    def _warn(self, title: str, exc: Exception) -> None:
        show_error(self, title, exc, self.location, name="trashError")

    def _confirm(self, name: str, text: str, informative: str, action: str) -> bool:
        box = QMessageBox(self)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Trash"))
        box.setText(text)
        box.setInformativeText(informative)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(action)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- actions ---------------------------------------------------------------------------

    def set_rights(self, *, restore: bool, purge: bool) -> None:
        """What the login may do here: put records back (``edition``), delete them for good
        or empty the trash (``administration``); the other buttons are hidden."""
        self.may_restore, self.may_purge = restore, purge
        self.restore_button.setVisible(restore)
        self.purge_button.setVisible(purge)
        self.empty_button.setVisible(purge)

    def restore_selected(self) -> bool:
        entry = self.current_entry()
        if entry is None or not self.may_restore:
            return False
        try:
            self.runner.restore_from_trash(entry.id)
        except Exception as exc:
            self._warn(self.tr("Cannot restore"), exc)
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        return True

    def purge_selected(self) -> bool:
        entry = self.current_entry()
        if entry is None or not self.may_purge:
            return False
        if not self._confirm(
            "purgePrompt",
            self.tr("Delete “%1” for good?").replace("%1", entry.label),
            self.tr("It cannot be restored afterwards."),
            self.tr("Delete permanently"),
        ):
            return False
        try:
            self.runner.purge(entry.id, entry.collection, entry.record_id)
        except Exception as exc:
            self._warn(self.tr("Cannot delete"), exc)
        self.refresh()
        self.changed.emit()
        return True

    def empty_trash(self) -> int:
        count = self.model.rowCount()
        if not count or not self.may_purge:
            return 0
        if not self._confirm(
            "emptyPrompt",
            self.tr("Delete the %n item(s) in the trash for good?", "", count),
            self.tr("They cannot be restored afterwards."),
            self.tr("Empty the trash"),
        ):
            return 0
        try:
            removed = self.runner.empty_trash()
        except Exception as exc:
            self._warn(self.tr("Cannot empty the trash"), exc)
            removed = 0
        self.refresh()
        self.changed.emit()
        return removed
