"""The small dialog that adds or edits one sub-record: a funding line, an agenda item, a
position, a key figure, an organisation's role in a programme, a delegation member.

Why a dialog and not table cells: a cell hides its reason when refused, is hard to reach
with the keyboard and cuts long texts; here every field of the line is a labelled input
with its reason under it.  The line is checked with the domain's own rules
(:func:`relations_app.validation.clean`) before it goes back to the list; what spans
lines or the whole record (a position ending before it starts) is checked on saving.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from relations_app.services.shapes import ListField
from relations_app.validation import ValidationError, clean

from ..kit.form import ERROR_STYLE, FieldForm


class SubRecordDialog(QDialog):
    """One line of ``spec``: ``values()`` once accepted (as typed, already checked)."""

    def __init__(
        self,
        spec: ListField,
        item: Mapping[str, Any] | None,
        sources: Mapping[str, Any],
        title: str,
        parent: QWidget | None = None,
        errors: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"subRecordDialog_{spec.name}")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        shown = [f for f in spec.fields if not f.extra.get("hidden")]  # kept, never typed
        self.form = FieldForm(shown, self, sources=sources)
        self.form.load(item)
        layout.addWidget(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("subRecordError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if errors:
            self.form.set_errors(errors)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def values(self) -> dict:
        return self.form.values()

    def check_and_accept(self) -> None:
        """Accept only a line the domain takes; otherwise say why under the field."""
        self.form.clear_errors()
        try:
            clean(self.form.fields, self.values())
        except ValidationError as exc:
            self.form.set_errors(exc.errors)
            self.error.setText(
                QCoreApplication.translate("lists", "This line cannot be kept: %1").replace(
                    "%1", str(exc)
                )
            )
            self.error.show()
            for field_input in self.form.inputs.values():
                if not field_input.error.isHidden():
                    field_input.widget.setFocus()
                    break
            return
        self.accept()
