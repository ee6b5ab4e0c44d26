"""A programme's "APD declaration" section: the DAC purpose code chosen by search, and the
view that names it ("14030 – Approvisionnement en eau potable…").

The purpose codes are the administrator's list in the database (about a hundred and
twenty), read once when the section is first edited or shown with a code; typing in the
combo filters them by code or by any part of the label, accents ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRegularExpression, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QVBoxLayout, QWidget

from relations_app.services import apd_lists
from relations_app.text import fold
from relations_app.validation import Field

from ..kit.form import compact_combo
from .page_section import FieldsView

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


def sector_text(code: str, label: str) -> str:
    return f"{code} – {label}" if label else code


class _Folded(QSortFilterProxyModel):
    """Rows whose folded text holds every typed word (code or label, accents ignored)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFilterRole(FOLDED_ROLE)

    def set_typed(self, text: str) -> None:
        words = "".join(f"(?=.*{re.escape(word)})" for word in fold(text).split())
        self.setFilterRegularExpression(QRegularExpression(f"^{words}"))


class _LazyCombo(QComboBox):
    """A combo that asks for its items when first focused or opened."""

    def __init__(self, parent: QWidget, fill) -> None:
        super().__init__(parent)
        self._fill = fill

    def focusInEvent(self, event) -> None:
        self._fill()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()


class SectorPicker(QWidget):
    """An editable combo over the purpose codes; ``values()`` gives ``apd_sector``."""

    changed = Signal()

    def __init__(self, parent: QWidget, labels=None) -> None:
        super().__init__(parent)
        self._labels = labels  # code -> label, for the code shown before the list is read
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QCoreApplication.translate("editors", "DAC sector (purpose code)")
        label = self.label
        self.combo = _LazyCombo(self, self._fill)
        compact_combo(self.combo)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setObjectName("field_apd_sector")
        self.combo.setAccessibleName(label)
        edit = self.combo.lineEdit()
        assert edit is not None  # an editable combo has its line edit
        edit.setPlaceholderText(
            QCoreApplication.translate("editors", "Type a code or words of the sector…")
        )
        layout.addWidget(self.combo)
        self.items = QStandardItemModel(self)
        self.filtered = _Folded(self)
        self.filtered.setSourceModel(self.items)
        completer = QCompleter(self.filtered, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.combo.setCompleter(completer)
        completer.activated.connect(self._chosen_text)
        edit.textEdited.connect(lambda _t: self._fill())
        edit.textEdited.connect(self.filtered.set_typed)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._code: str | None = None
        self._filled = False

    def _fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("—", None)
        for sector in apd_lists.sectors():
            text = sector_text(sector["code"], sector["label"])
            self.combo.addItem(text, sector["code"])
            item = QStandardItem(text)
            item.setData(fold(text), FOLDED_ROLE)
            item.setData(sector["code"], Qt.ItemDataRole.UserRole)
            self.items.appendRow(item)
        self.combo.blockSignals(False)
        self._show(self._code)

    def _show(self, code: str | None) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(code) if code else 0
        if index < 0:  # a code the list no longer holds: kept as it is
            self.combo.addItem(code or "", code)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._start_shown()

    def _chosen_text(self, text: str) -> None:
        index = self.combo.findText(text)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def load(self, code: str | None) -> None:
        self._code = code or None
        if self._filled:
            self._show(self._code)
        else:
            self.combo.blockSignals(True)
            self.combo.clear()
            label = self._labels().get(code, "") if code and self._labels else ""
            self.combo.addItem(sector_text(code, label) if code else "—", code or None)
            self.combo.blockSignals(False)
            self._start_shown()

    def _start_shown(self) -> None:
        """A long label shows its start (the code), whole in the tooltip."""
        edit = self.combo.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)
        self.combo.setToolTip(self.combo.currentText())

    def set_editing(self, editing: bool) -> None:
        if editing:
            self._fill()

    def values(self) -> dict:
        typed = self.combo.currentText().strip()
        data = self.combo.currentData()
        if data is None and typed not in ("", "—"):
            index = self.combo.findText(typed)
            data = self.combo.itemData(index) if index >= 0 else typed.split(" ")[0]
        return {"apd_sector": data or ""}


class ApdView(FieldsView):
    """The section read as text: the purpose code with its label, channel, markers."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(fields, parent)
        self._labels: dict[str, str] | None = None

    def sector_labels(self) -> dict[str, str]:
        """Code -> label, read once for this page (about 120 rows)."""
        if self._labels is None:
            self._labels = {s["code"]: s["label"] for s in apd_lists.sectors()}
        return self._labels

    def rows(self, record: dict) -> list[tuple[str, str, bool]]:
        found = super().rows(record)
        code = record.get("apd_sector")
        if code:
            from html import escape

            text = escape(sector_text(code, self.sector_labels().get(code, "")))
            found = [
                (label, text if i == 0 else html, wide)
                for i, (label, html, wide) in enumerate(found)
            ]
        return found
