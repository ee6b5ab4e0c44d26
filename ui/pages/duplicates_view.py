"""The "Doublons possibles" dialog: records that look like one entered twice.

File › Possible duplicates… reads the pairs in the background
(:func:`relations_app.services.duplicates.find_duplicates`: a quarter-million contacts take
seconds) and lists the surest first, with the reason and the score; double-clicking a
record opens its page.  Fusionner… (Ctrl+M) puts the selected pair side by side
(:class:`.merge_dialog.MergeDialog`); once merged, the pairs naming the merged record
leave the list.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import duplicates

from ..kit import record_names
from ..kit.busy import Operation
from .merge_dialog import MergeDialog

SHOWN = 1000  # pairs listed (the command line lists them all)


class DuplicatesDialog(QDialog):
    """The pairs, one a row; double-click opens the record of the column clicked."""

    def __init__(self, pairs: list[duplicates.Pair], window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.window_ = window
        self.pairs = pairs[:SHOWN]
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicatesSummary")
        if not pairs:
            self.summary.setText(self.tr("No possible duplicate found."))
        elif len(pairs) > SHOWN:
            self.summary.setText(
                self.tr("The %1 surest pairs of %2; double-click a record to open it.")
                .replace("%1", str(SHOWN))
                .replace("%2", str(len(pairs)))
            )
        else:
            self.summary.setText(
                self.tr("%n pair(s); double-click a record to open it.", "", len(pairs))
            )
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.pairs), 5, self)
        self.table.setObjectName("duplicatesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Record"), self.tr("Looks like"), self.tr("Why"), "Score"]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, pair in enumerate(self.pairs):
            cells = [
                record_names.kind(pair.collection),
                pair.first_label,
                pair.second_label,
                pair.reason_fr,
                f"{pair.score:.2f}".replace(".", ","),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("duplicatesMerge")
        self.merge_button.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_button.setToolTip(
            self.tr("Put the selected pair side by side and merge them into one (Ctrl+M)")
        )
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.table.itemSelectionChanged.connect(
            lambda: self.merge_button.setEnabled(self.table.currentRow() >= 0)
        )
        self.merge_dialog: MergeDialog | None = None
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def merge_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        self.merge_dialog = MergeDialog(
            self.window_, pair.collection, pair.first_id, pair.second_id
        )
        self.merge_dialog.merged.connect(self._merged)
        self.merge_dialog.open()

    def _merged(self, result) -> None:
        """The pairs naming the merged record are gone with it."""
        for row in reversed(range(len(self.pairs))):
            pair = self.pairs[row]
            if result.other_id in (pair.first_id, pair.second_id):
                del self.pairs[row]
                self.table.removeRow(row)

    def _open(self, row: int, column: int) -> None:
        pair = self.pairs[row]
        record_id = pair.second_id if column == 2 else pair.first_id
        self.window_.open_record(pair.collection, record_id)  # type: ignore[attr-defined]


class DuplicatesFinder(QObject):
    """The menu action and the background search behind it."""

    def __init__(self, window: QWidget, menu, before: QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Possible &duplicates…"), window)
        self.action.setObjectName("duplicatesAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action.setStatusTip(
            self.tr("Contacts, organisations and partners that look like one entered twice")
        )
        self.action.triggered.connect(self.find)
        menu.insertAction(before, self.action)
        self.dialog: DuplicatesDialog | None = None

    def find(self) -> None:
        (
            Operation(
                self.window,
                self.tr("Looking for duplicates…"),
                lambda _ctx: duplicates.find_duplicates(),
            )
            .title(self.tr("Possible duplicates"))
            .database(getattr(self.window, "location", None))
            .success(self._found)
            .run()
        )

    def _found(self, pairs: list[duplicates.Pair]) -> None:
        self.dialog = DuplicatesDialog(pairs, self.window)
        self.dialog.show()
