"""Editors for a record's lists: sub-records (funding lines, positions…) and links (partners)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relations_app.services.shapes import ListField
from relations_app.validation import Field

from ..kit import labels
from ..kit.form import ERROR_STYLE, compact_combo
from ..kit.pickers import RecordPicker, source_of
from ..kit.typed_inputs import shown_value

Options = Callable[[], list[tuple[str, str]]]
ERROR_BRUSH = QBrush(QColor("#f9d6db"))


class SubTableEditor(QWidget):
    """A table of sub-records, one column per field; reference columns pick from options."""

    changed = Signal()

    def __init__(
        self,
        spec: ListField,
        references: Mapping[str, Options] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.references = dict(references or {})
        # Areas' records (contacts, organisations…) are picked by searching, never listed.
        self.sources = {name: source_of(options) for name, options in self.references.items()}
        self._labels: dict[str, dict[str, str]] = {}  # reference column -> id -> label
        self.fields: list[Field] = list(spec.fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setObjectName(f"list_{spec.name}")
        self.table.setAccessibleName(spec.label)
        self.table.setHorizontalHeaderLabels([labels.field_label(f) for f in self.fields])
        for column, f in enumerate(self.fields):  # kept with the row, never edited by hand
            self.table.setColumnHidden(column, bool(f.extra.get("hidden")))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("lists", "Add"), self)
        self.add_button.setAccessibleName(
            QCoreApplication.translate("lists", "Add a line to %1").replace("%1", spec.label)
        )
        self.remove_button = QPushButton(QCoreApplication.translate("lists", "Remove"), self)
        self.up_button = QPushButton("↑", self)
        self.up_button.setAccessibleName(QCoreApplication.translate("lists", "Move up"))
        self.down_button = QPushButton("↓", self)
        self.down_button.setAccessibleName(QCoreApplication.translate("lists", "Move down"))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))

    # -- cells ---------------------------------------------------------------

    def _combo_for(self, f: Field) -> QComboBox | None:
        if self.sources.get(f.name) is not None:
            picker = RecordPicker(self.sources[f.name], "—", self.table)
            picker.setAccessibleName(labels.field_label(f))
            picker.currentIndexChanged.connect(lambda _i: self.changed.emit())
            return picker
        if f.name in self.references:
            options = [(None, "—"), *self.references[f.name]()]
        elif f.kind == "choice":
            options = ([] if f.required else [(None, "—")]) + [
                (c, labels.choice(f.name, c)) for c in f.choices
            ]
        elif f.kind == "bool":
            options = [
                (None, "—"),
                (True, QCoreApplication.translate("lists", "Yes")),
                (False, QCoreApplication.translate("lists", "No")),
            ]
        else:
            return None
        combo = QComboBox(self.table)
        compact_combo(combo)
        combo.setAccessibleName(labels.field_label(f))
        for value, text in options:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _set_row(self, row: int, item: Mapping) -> None:
        self.table.blockSignals(True)
        try:
            for column, f in enumerate(self.fields):
                value = item.get(f.name)
                combo = self._combo_for(f)
                if isinstance(combo, RecordPicker):
                    combo.set_value(
                        value, self._labels.get(f.name, {}).get(value) if value else None
                    )
                    self.table.setCellWidget(row, column, combo)
                elif combo is not None:
                    index = combo.findData(value)
                    if index < 0 and value is not None:
                        combo.addItem(str(value), value)
                        index = combo.count() - 1
                    combo.setCurrentIndex(max(index, 0) if value is not None or f.required else 0)
                    self.table.setCellWidget(row, column, combo)
                else:
                    self.table.setItem(row, column, QTableWidgetItem(shown_value(f.kind, value)))
        finally:
            self.table.blockSignals(False)

    def _row_values(self, row: int) -> dict:
        values = {}
        for column, f in enumerate(self.fields):
            widget = self.table.cellWidget(row, column)
            if isinstance(widget, QComboBox):
                values[f.name] = widget.currentData()
            else:
                item = self.table.item(row, column)
                values[f.name] = item.text() if item else ""
        return values

    # -- public --------------------------------------------------------------

    def load(self, items: list[Mapping] | None) -> None:
        self.table.setRowCount(0)
        self._labels = {
            name: source.option_labels([item.get(name) for item in items or []])
            for name, source in self.sources.items()
            if source is not None
        }
        for item in items or []:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._set_row(row, item)
        self.clear_errors()
        self.table.resizeColumnsToContents()

    def values(self) -> list[dict]:
        return [self._row_values(r) for r in range(self.table.rowCount())]

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set_row(row, {f.name: f.default for f in self.fields})
        self.table.setCurrentCell(row, 0)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted(
            {i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()},
            reverse=True,
        )
        for row in rows:
            if row >= 0:
                self.table.removeRow(row)
        self.changed.emit()

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        items = self.values()
        items[row], items[target] = items[target], items[row]
        self.load(items)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def set_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Mark cells named ``name[i].field``; return the keys that are not ours."""
        rest, shown = [], []
        pattern = re.compile(rf"^{re.escape(self.spec.name)}\[(\d+)\]\.(\w+)$")
        for key, reason in errors.items():
            match = pattern.match(key)
            if not match and key != self.spec.name:
                rest.append(key)
                continue
            if match:
                row, name = int(match.group(1)), match.group(2)
                column = next((i for i, f in enumerate(self.fields) if f.name == name), None)
                if column is not None and row < self.table.rowCount():
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setBackground(ERROR_BRUSH)
                        item.setToolTip(reason)
                    field = self.fields[column]
                    shown.append(
                        QCoreApplication.translate("lists", "line %1, %2: %3")
                        .replace("%1", str(row + 1))
                        .replace("%2", labels.field_label(field))
                        .replace("%3", reason)
                    )
                    continue
            shown.append(reason)
        if shown:
            self.error.setText("\n".join(shown))
            self.error.show()
        return rest

    def clear_errors(self) -> None:
        self.error.hide()
        self.table.blockSignals(True)  # colours, not values: no "changed" for each cell
        try:
            self._clear_cells()
        finally:
            self.table.blockSignals(False)

    def _clear_cells(self) -> None:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")


class LinkListEditor(QWidget):
    """The records a record links to (a programme's partners): a list plus add/remove."""

    changed = Signal()
    activated = Signal(str)  # the id of a double-clicked entry

    def __init__(
        self, options: Options, name: str, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.source = source_of(options)  # an area: pick by searching, name only the linked ones
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName(f"links_{name}")
        self.list.setAccessibleName(label)
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(
            lambda item: self.activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.picker = (
            RecordPicker(self.source, "", self) if self.source is not None else QComboBox(self)
        )
        compact_combo(self.picker)
        self.picker.setAccessibleName(
            QCoreApplication.translate("lists", "Choose an entry to add to %1").replace("%1", label)
        )
        self.add_button = QPushButton(QCoreApplication.translate("lists", "Add"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("lists", "Remove"), self)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self._names: dict[str, str] = {}

    def refresh_options(self) -> None:
        if self.source is not None:
            return  # searched as the user types; the linked records' names come with load()
        self._names = dict(self.options())
        self.picker.clear()
        for value, text in self._names.items():
            self.picker.addItem(text, value)

    def load(self, ids: list[str] | None) -> None:
        self.refresh_options()
        if self.source is not None:
            self._names = self.source.option_labels(list(ids or []))
            self.picker.set_value(None)
        self.list.clear()
        for record_id in ids or []:
            self._append(record_id)

    def _append(self, record_id: str) -> None:
        item = QListWidgetItem(self._names.get(record_id, record_id))
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        self.list.addItem(item)

    def values(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _add(self) -> None:
        record_id = self.picker.currentData()
        if record_id and record_id not in self.values():
            self._names.setdefault(record_id, self.picker.currentText())
            self._append(record_id)
            self.changed.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()
