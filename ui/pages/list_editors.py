"""A record's lists on its page: sub-records (funding lines, positions…) and links (partners).

Both read as plain lists on the profile and grow their buttons when their section is
edited.  Sub-records are never typed into table cells: "Ajouter…" and "Modifier…" open
:class:`~.sub_record_dialog.SubRecordDialog`; the table shows every column in the width
it has (no horizontal scrolling), references by name, dates and amounts as read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
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

from relations_app.services import AREAS
from relations_app.services.shapes import ListField
from relations_app.validation import Field

from ..kit import labels
from ..kit.form import ERROR_STYLE, compact_combo
from ..kit.pickers import OptionSource, PageLabels, RecordPicker, source_of
from .page_section import display_value, fit_list, muted
from .sub_record_dialog import SubRecordDialog

Options = Callable[[], list[tuple[str, str]]]


def named(labels: PageLabels, source: OptionSource) -> dict[str, str]:
    """The names the page read of ``source``'s records (those that exist)."""
    return {i: name for i, name in labels.get(source, {}).items() if name is not None}


ERROR_BRUSH = QBrush(QColor("#f9d6db"))
MAX_ROWS_SHOWN = 14


MAX_COLUMNS = 6


def table_columns(fields: list[Field]) -> set[int]:
    """The columns a list shows (every one fits its width): fields one types, without
    coordinates and with one long text at most, six at most; the dialog shows them all."""
    shown: list[int] = []
    long_text = False
    for column, f in enumerate(fields):
        if f.extra.get("hidden") or f.kind in ("lat", "lon"):
            continue  # kept with the line, never typed / read on the map
        if f.kind == "longtext":
            if long_text:
                continue
            long_text = True
        shown.append(column)
    return set(shown[:MAX_COLUMNS])


def collection_of(source: Any) -> str | None:
    """The record type key of an area (where a reference column's links lead)."""
    return next((key for key, area in AREAS.items() if area is source), None)


class FitTable(QTableWidget):
    """A table as tall as its rows (up to ``MAX_ROWS_SHOWN``), re-measured when its width
    changes, so wrapped texts are never cut."""

    def fit(self) -> None:
        self.resizeRowsToContents()
        shown = min(self.rowCount(), MAX_ROWS_SHOWN)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(shown))
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


class SubTableEditor(QWidget):
    """The sub-records of one list, one column per field; edited through a dialog."""

    changed = Signal()
    open_record = Signal(str, str)  # a referenced record, double-clicked on the profile

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
        self.title = spec.label  # the section's title once on a page
        self.fields: list[Field] = list(spec.fields)
        self._items: list[dict] = []
        self._errors: dict[int, dict[str, str]] = {}
        self.editing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = FitTable(0, len(self.fields), self)
        self.table.setObjectName(f"list_{spec.name}")
        self.table.setAccessibleName(spec.label)
        self.table.setHorizontalHeaderLabels([labels.field_label(f) for f in self.fields])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        self._modes = [  # every column in sight; texts share what short ones leave
            QHeaderView.ResizeMode.ResizeToContents
            if f.kind in ("choice", "date", "time", "money", "year", "int", "bool")
            else QHeaderView.ResizeMode.Stretch
            for f in self.fields
        ]
        self._set_modes(self._modes)
        shown = table_columns(self.fields)
        for column in range(len(self.fields)):  # the rest in the line's dialog
            self.table.setColumnHidden(column, column not in shown)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.activated.connect(
            lambda index: self._double_clicked(index.row(), index.column())
        )
        layout.addWidget(self.table)
        self.empty = QLabel(QCoreApplication.translate("lists", "None recorded"), self)
        muted(self.empty)
        layout.addWidget(self.empty)
        self.buttons = QWidget(self)
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(QCoreApplication.translate("lists", "Add…"), self.buttons)
        self.add_button.setObjectName(f"add_{spec.name}")
        self.add_button.setAccessibleName(
            QCoreApplication.translate("lists", "Add a line to %1").replace("%1", self.spec_label())
        )
        self.edit_button = QPushButton(QCoreApplication.translate("lists", "Edit…"), self.buttons)
        self.edit_button.setObjectName(f"editLine_{spec.name}")
        self.remove_button = QPushButton(
            QCoreApplication.translate("lists", "Remove"), self.buttons
        )
        self.up_button = QPushButton("↑", self.buttons)
        self.up_button.setAccessibleName(QCoreApplication.translate("lists", "Move up"))
        self.down_button = QPushButton("↓", self.buttons)
        self.down_button.setAccessibleName(QCoreApplication.translate("lists", "Move down"))
        for b in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addWidget(self.buttons)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.set_editing(False)

    def spec_label(self) -> str:
        return self.title

    # -- showing -------------------------------------------------------------

    def cell_text(self, f: Field, value: Any) -> str:
        if f.name in self.references:
            return self._labels.get(f.name, {}).get(value, "") if value else ""
        return display_value(f, value)

    def _set_modes(self, modes) -> None:
        header = self.table.horizontalHeader()
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)

    def _fill(self) -> None:
        # Measured once, after the cells are set (a column sized to its contents would be
        # measured again at every cell).
        self._set_modes([QHeaderView.ResizeMode.Fixed] * len(self.fields))
        self.table.setUpdatesEnabled(False)
        try:
            self._fill_cells()
        finally:
            self._set_modes(self._modes)
            self.table.setUpdatesEnabled(True)
        self.table.fit()
        shown = bool(self._items)  # the table, or "None recorded": each changed only when
        if self.table.isHidden() == shown:  # it must (a visibility change relays the page)
            self.table.setVisible(shown)
        if self.empty.isHidden() != shown:
            self.empty.setVisible(not shown)

    def _fill_cells(self) -> None:
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            for column, f in enumerate(self.fields):
                cell = QTableWidgetItem(self.cell_text(f, item.get(f.name)))
                if f.kind in ("money", "int", "year"):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                reason = self._errors.get(row, {}).get(f.name)
                if reason:
                    cell.setBackground(ERROR_BRUSH)
                    cell.setToolTip(reason)
                self.table.setItem(row, column, cell)

    def set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.buttons.setVisible(editing)

    def focus_target(self) -> QWidget:
        return self.table if self._items else self.add_button

    # -- public --------------------------------------------------------------

    def label_requests(self, items: list[Mapping] | None) -> list[tuple[OptionSource, list]]:
        """The records ``items`` refer to, to be named: (area, ids) for :meth:`load`."""
        return [
            (source, [item.get(name) for item in items or []])
            for name, source in self.sources.items()
            if source is not None
        ]

    def load(self, items: list[Mapping] | None, labels: PageLabels | None = None) -> None:
        """Show ``items``; ``labels``: the names of what they refer to, read by the page
        with its other names (else read here)."""
        self._items = [dict(item) for item in items or []]
        self._labels = {
            name: (
                named(labels, source)
                if labels is not None
                else source.option_labels([item.get(name) for item in self._items])
            )
            for name, source in self.sources.items()
            if source is not None
        }
        self._errors = {}
        self.error.hide()
        self._fill()

    def values(self) -> list[dict]:
        return [dict(item) for item in self._items]

    def _dialog(self, item: Mapping | None, row: int | None) -> dict | None:
        title = (
            QCoreApplication.translate("lists", "Edit: %1")
            if item is not None
            else QCoreApplication.translate("lists", "Add: %1")
        ).replace("%1", self.spec_label())
        dialog = SubRecordDialog(
            self.spec,
            item,
            {k: v for k, v in self.sources.items() if v is not None},
            title,
            self,
            errors=self._errors.get(row, {}) if row is not None else None,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        for name in self.sources:  # name the references chosen
            picker = dialog.form.inputs[name].widget if name in dialog.form.inputs else None
            if isinstance(picker, QComboBox) and values.get(name):
                self._labels.setdefault(name, {})[values[name]] = picker.currentText()
        return values

    def add_row(self) -> None:
        values = self._dialog(None, None)
        if values is None:
            return
        self._items.append(values)
        self._fill()
        self.table.selectRow(len(self._items) - 1)
        self.changed.emit()

    def edit_row(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        values = self._dialog(self._items[row], row)
        if values is None:
            return
        self._items[row] = {**self._items[row], **values}
        self._errors.pop(row, None)
        self._fill()
        self.table.selectRow(row)
        self.changed.emit()

    def edit_selected(self) -> None:
        self.edit_row(self.table.currentRow())

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._errors = {}
            self._fill()
            self.changed.emit()

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < len(self._items):
            return
        self._items[row], self._items[target] = self._items[target], self._items[row]
        self._errors = {}
        self._fill()
        self.table.selectRow(target)
        self.changed.emit()

    def _double_clicked(self, row: int, column: int) -> None:
        """Editing: the line's dialog.  Reading: open the record the line refers to."""
        if self.editing:
            self.edit_row(row)
            return
        if not 0 <= row < len(self._items):
            return
        names = [f.name for f in self.fields]
        ordered = [names[column], *names] if 0 <= column < len(names) else names
        for name in ordered:
            target = collection_of(self.sources.get(name))
            if target and self._items[row].get(name):
                self.open_record.emit(target, self._items[row][name])
                return

    # -- refused saves -----------------------------------------------------------

    def set_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Mark lines named ``name[i].field``; return the keys that are not ours."""
        rest, shown = [], []
        pattern = re.compile(rf"^{re.escape(self.spec.name)}\[(\d+)\]\.(\w+)$")
        for key, reason in errors.items():
            match = pattern.match(key)
            if not match and key != self.spec.name:
                rest.append(key)
                continue
            if match:
                row, name = int(match.group(1)), match.group(2)
                field = next((f for f in self.fields if f.name == name), None)
                if field is not None and row < len(self._items):
                    self._errors.setdefault(row, {})[name] = reason
                    shown.append(
                        QCoreApplication.translate("lists", "line %1, %2: %3")
                        .replace("%1", str(row + 1))
                        .replace("%2", labels.field_label(field))
                        .replace("%3", reason)
                    )
                    continue
            shown.append(reason)
        if shown:
            self._fill()
            self.error.setText("\n".join(shown))
            self.error.show()
        return rest

    def first_invalid(self) -> QWidget | None:
        if self._errors:
            self.table.selectRow(min(self._errors))
            return self.table
        return self.table if not self.error.isHidden() else None

    def clear_errors(self) -> None:
        self.error.hide()
        if self._errors:
            self._errors = {}
            self._fill()


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
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(
            lambda item: self.activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        self.empty = QLabel(QCoreApplication.translate("lists", "None recorded"), self)
        muted(self.empty)
        layout.addWidget(self.empty)
        self.controls = QWidget(self)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.picker = (
            RecordPicker(self.source, "", self.controls)
            if self.source is not None
            else QComboBox(self.controls)
        )
        compact_combo(self.picker)
        self.picker.setAccessibleName(
            QCoreApplication.translate("lists", "Choose an entry to add to %1").replace("%1", label)
        )
        self.add_button = QPushButton(QCoreApplication.translate("lists", "Add"), self.controls)
        self.remove_button = QPushButton(
            QCoreApplication.translate("lists", "Remove"), self.controls
        )
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addWidget(self.controls)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self._names: dict[str, str] = {}
        self.set_editing(False)

    def set_editing(self, editing: bool) -> None:
        self.controls.setVisible(editing)

    def focus_target(self) -> QWidget:
        return self.picker

    def refresh_options(self) -> None:
        if self.source is not None:
            return  # searched as the user types; the linked records' names come with load()
        self._names = dict(self.options())
        self.picker.clear()
        for value, text in self._names.items():
            self.picker.addItem(text, value)

    def label_requests(self, ids: list[str] | None) -> list[tuple[OptionSource, list]]:
        """The linked records to be named: (area, ids) for :meth:`load`."""
        return [(self.source, list(ids or []))] if self.source is not None else []

    def load(self, ids: list[str] | None, labels: PageLabels | None = None) -> None:
        """Show the links ``ids``; ``labels``: their names, read by the page with its
        other names (else read here)."""
        self.refresh_options()
        if self.source is not None:
            self._names = (
                named(labels, self.source)
                if labels is not None
                else self.source.option_labels(list(ids or []))
            )
            self.picker.set_value(None)
        self.list.clear()
        for record_id in ids or []:
            self._append(record_id)
        self._fit()

    def _fit(self) -> None:
        fit_list(self.list, MAX_ROWS_SHOWN)
        if self.list.isHidden() == (self.list.count() > 0):
            self.list.setVisible(self.list.count() > 0)
            self.empty.setVisible(self.list.count() == 0)

    def _append(self, record_id: str) -> None:
        item = QListWidgetItem(self._names.get(record_id, record_id))
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setToolTip(QCoreApplication.translate("lists", "Double-click to open"))
        self.list.addItem(item)

    def values(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _add(self) -> None:
        record_id = self.picker.currentData()
        if record_id and record_id not in self.values():
            self._names.setdefault(record_id, self.picker.currentText())
            self._append(record_id)
            self._fit()
            self.changed.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._fit()
        self.changed.emit()
