"""Choosing a record among thousands: a combo box that searches as you type.

Why: a picker filled with every partner or contact (a quarter-million for a national
network) takes seconds to build and is useless to scroll.  :class:`RecordPicker` holds
only the current choice; typing asks the area for the first matches (the lists' own
accent-insensitive search, ``Area.options(search=…)``) and shows them in a completer.
Its ``currentData()`` is the chosen id, as with the plain combo boxes it replaces.

Options given as an area's ``options`` method are searched this way; any other callable
(fixed choices) still fills an ordinary combo box.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from .form import compact_combo

MATCHES_SHOWN = 50
TYPING_DELAY_MS = 80

Options = Callable[[], list[tuple[Any, str]]]


class OptionSource(Protocol):
    """What a picker asks an area (see ``relations_app.services.base.Area``)."""

    def options(self, limit: int = ..., search: str = ...) -> list[tuple[str, str]]: ...

    def option_labels(self, ids: list[str]) -> dict[str, str]: ...


#: the names a page read of the records it refers to: area -> id -> name (None: none such)
PageLabels = Mapping[OptionSource, Mapping[str, str | None]]


def source_of(options: Options) -> OptionSource | None:
    """The area behind ``options`` when it is an area's ``options`` method, else None."""
    owner = getattr(options, "__self__", None)
    return owner if hasattr(owner, "option_labels") and hasattr(owner, "options") else None


class RecordPicker(QComboBox):
    """An editable combo: item 0 is "none" (``empty``), then the current choice only."""

    def __init__(
        self, source: OptionSource, empty: str = "—", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.source = source
        compact_combo(self)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(QCoreApplication.translate("pickers", "Type to search…"))
        self.addItem(empty, None)
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.lineEdit().textEdited.connect(lambda _text: self._timer.start())
        self.lineEdit().editingFinished.connect(self._settle)

    def set_value(self, record_id: str | None, label: str | None = None) -> None:
        """Show ``record_id`` (named ``label``, else looked up); None selects "none"."""
        if record_id is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(record_id)
        if index < 0:
            if label is None:
                label = self.source.option_labels([record_id]).get(record_id, record_id)
            self.addItem(label, record_id)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def search_now(self) -> None:
        """Fill the completer with the first records matching the typed text."""
        self._timer.stop()
        text = self.lineEdit().text()
        if text == self.itemText(self.currentIndex()):
            return
        self.matches.clear()
        for record_id, label in self.source.options(limit=MATCHES_SHOWN, search=text):
            item = QStandardItem(label)
            item.setData(record_id, Qt.ItemDataRole.UserRole)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer().complete()

    def _chosen(self, index: QModelIndex) -> None:
        record_id = index.data(Qt.ItemDataRole.UserRole)
        if record_id is not None:
            self.set_value(record_id, index.data(Qt.ItemDataRole.DisplayRole))

    def _settle(self) -> None:
        """Leaving the field: an emptied text means "none"; any other text that is not a
        choice goes back to the current choice's name."""
        text = self.lineEdit().text().strip()
        if not text:
            self.setCurrentIndex(0)
        self.lineEdit().setText(self.itemText(self.currentIndex()))


def filter_combo(options: Options, all_text: str, parent: QWidget) -> QComboBox:
    """A list filter: "all" first, then a searchable record picker or the fixed choices."""
    source = source_of(options)
    if source is not None:
        return RecordPicker(source, all_text, parent)
    combo = QComboBox(parent)
    compact_combo(combo)
    combo.addItem(all_text, None)
    for value, text in options():
        combo.addItem(text, value)
    return combo
