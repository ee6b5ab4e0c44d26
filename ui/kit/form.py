"""Form widgets built from the domain's field specs, with the French reason beside a field.

Inputs hand back raw text (a population typed as "abc" stays "abc"); dates, times and
amounts hand back their stored form when it can be read (``typed_inputs``, which also
shows them as the rest of the window does: "7 juin 2027", "10 500 €").  Validation belongs
to the services, whose ``ValidationError`` names the fields; :meth:`FieldForm.set_errors`
shows each reason under its field.  A field that refers to another record (an event's
programme) gets a :class:`ui.kit.pickers.RecordPicker` when the form is given its source.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relations_app.countries import all_countries
from relations_app.validation import Field

from . import labels
from .typed_inputs import DateEdit, MoneyEdit, TimeEdit, TypedEdit

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


def compact_combo(combo: QComboBox, chars: int = 14) -> QComboBox:
    """Keep long entries (country names) from widening the whole form."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


@lru_cache(maxsize=1)
def _timezones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


class _TimezonesOnFocus(QObject):
    """A time-zone field's completer, made when the field first takes the focus: the
    zones' names are read by walking the system's zoneinfo folder (about 20 ms, at the
    first paint of the partners' list when the page was built)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            watched.removeEventFilter(self)
            completer = QCompleter(list(_timezones()), watched)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            watched.setCompleter(completer)
        return False


class FieldInput(QWidget):
    """One input for one field: ``value()`` / ``set_value()`` / ``changed``."""

    changed = Signal()

    def __init__(
        self, field: Field, parent: QWidget | None = None, source: Any | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.source = source  # an OptionSource: the field holds the id of one of its records
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.widget = self._make_widget()
        self.widget.setObjectName(f"field_{field.name}")
        self.widget.setAccessibleName(labels.field_label(field))
        layout.addWidget(self.widget)
        self.error = QLabel(self)
        self.error.setObjectName(f"error_{field.name}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    # -- building ------------------------------------------------------------

    def _make_widget(self) -> QWidget:
        f = self.field
        if self.source is not None:
            from .pickers import RecordPicker  # pickers use this module's compact_combo

            picker = RecordPicker(self.source, "—", self)  # searched as you type
            picker.currentIndexChanged.connect(self.changed)
            return picker
        if f.kind == "longtext":
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setMinimumHeight(70)
            w.setMaximumHeight(160)
            w.textChanged.connect(self.changed)
            return w
        if f.kind == "bool" and f.default is not None:
            w = QCheckBox(self)
            w.toggled.connect(self.changed)
            return w
        if f.kind in ("choice", "country", "bool"):
            w = QComboBox(self)
            compact_combo(w)
            if f.kind == "bool":
                options = [
                    (None, QCoreApplication.translate("form", "Not stated")),
                    (True, QCoreApplication.translate("form", "Yes")),
                    (False, QCoreApplication.translate("form", "No")),
                ]
            elif f.kind == "country":
                options = [(None, "—"), *list(all_countries(labels.language()))]
            else:
                options = ([] if f.required else [(None, "—")]) + [
                    (code, labels.choice(f.name, code)) for code in f.choices
                ]
            for code, text in options:
                w.addItem(text, code)
            w.currentIndexChanged.connect(self.changed)
            return w
        typed = {"date": DateEdit, "time": TimeEdit, "money": MoneyEdit}.get(f.kind)
        if typed is not None:
            edit = typed(self)
            edit.textChanged.connect(self.changed)
            return edit
        w = QLineEdit(self)
        if f.kind == "timezone":
            w.installEventFilter(_TimezonesOnFocus(w))
            w.setPlaceholderText("Europe/Paris")
        elif f.kind == "url":
            w.setPlaceholderText("https://")
        w.textChanged.connect(self.changed)
        return w

    # -- value ---------------------------------------------------------------

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, TypedEdit):
            return w.value()
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(self.field.default if value is None else value))
            elif self.source is not None:
                w.set_value(value)  # type: ignore[attr-defined]
            elif isinstance(w, TypedEdit):
                w.set_value(value)
            elif isinstance(w, QComboBox):
                index = w.findData(value)
                if index < 0 and value is not None:  # a code this build does not know: keep it
                    w.addItem(str(value), value)
                    index = w.count() - 1
                w.setCurrentIndex(max(index, 0))
            else:
                w.setText("" if value is None else str(value))
        finally:
            w.blockSignals(False)

    def set_error(self, reason: str | None) -> None:
        if reason:
            self.error.setText(reason)
            self.error.show()
            self.widget.setStyleSheet(INVALID_STYLE)
            self.widget.setToolTip(reason)
        elif not self.error.isHidden() or self.widget.styleSheet():
            # Only when a reason is shown: a page clears every field at each record shown,
            # and setting a style sheet, even an empty one, re-polishes the widget.
            self.error.clear()
            self.error.hide()
            self.widget.setStyleSheet("")
            self.widget.setToolTip("")


class FieldForm(QWidget):
    """A form of labelled inputs for a sequence of fields."""

    changed = Signal()

    def __init__(
        self,
        fields: Sequence[Field],
        parent: QWidget | None = None,
        sources: Mapping[str, Any] | None = None,
    ) -> None:
        """``sources``: field name -> the area whose records that field refers to."""
        super().__init__(parent)
        self.fields = list(fields)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.inputs: dict[str, FieldInput] = {}
        for f in self.fields:
            field_input = FieldInput(f, self, (sources or {}).get(f.name))
            text = labels.field_label(f) + (" *" if f.required else "")
            label = QLabel(text, self)
            label.setBuddy(field_input.widget)
            self.layout_.addRow(label, field_input)
            field_input.changed.connect(self.changed)
            self.inputs[f.name] = field_input

    def values(self) -> dict:
        return {name: field_input.value() for name, field_input in self.inputs.items()}

    def load(self, record: Mapping[str, Any] | None) -> None:
        for name, field_input in self.inputs.items():
            value = None if record is None else record.get(name)
            if record is None and field_input.field.default is not None:
                value = field_input.field.default
            field_input.set_value(value)
        self.clear_errors()

    def set_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Show the reasons of the fields of this form; return the keys it did not show."""
        rest = []
        for key, reason in errors.items():
            if key in self.inputs:
                self.inputs[key].set_error(reason)
            else:
                rest.append(key)
        return rest

    def clear_errors(self) -> None:
        for field_input in self.inputs.values():
            field_input.set_error(None)

    def first_invalid(self) -> QWidget | None:
        return next((i.widget for i in self.inputs.values() if i.error.isVisible()), None)
