"""Fusionner…: two records that are one, side by side, one row per field that differs.

Each row has two radio buttons, the kept record's value and the other's; the more
complete value is chosen to begin with (:func:`relations_app.services.merge.preview`).
Below, what moves to the kept record ("3 fonctions, 2 programmes").  Échanger swaps which
record is kept.  Fusionner asks for confirmation, then merges through the undo stack (one
step: Edit › Undo takes it back) and opens the kept record.  A record changed since the
dialog read it refuses the merge with the stale save's message, and the dialog reads both
again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from relations_app.errors import UserError
from relations_app.services import AREAS, merge

from ..kit import labels, record_names
from ..kit.faults import show_error
from ..kit.screen import fit_to_screen

LONGEST = 36  # characters of a value shown on its radio button (the tooltip has it all)


def value_text(key: str, kind: str, value: Any, empty: str, yes: str, no: str) -> str:
    """A field's value as the row shows it, on one line."""
    if value is None or value in ("", []):
        return empty
    if isinstance(value, bool):
        return yes if value else no
    if kind == "choice":
        return labels.choice(key, value)
    if kind == "country":
        return labels.country(value)
    if kind == "int" and isinstance(value, int):
        return labels.number(value)
    if key == "photo":
        return "🖼"
    text = " ".join(str(value).split())
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"


class MergeDialog(QDialog):
    """The two records of a pair, the kept one first; ``merged`` says once it is done."""

    merged = Signal(object)  # the MergeResult

    def __init__(self, window: QWidget, collection: str, kept_id: str, other_id: str) -> None:
        super().__init__(window)
        self.setObjectName("mergeDialog")
        self.window_ = window
        self.collection = collection
        self.kept_id, self.other_id = kept_id, other_id
        self.merge_result: merge.MergeResult | None = None
        self.setWindowTitle(self.tr("Merge two records"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("mergeIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.rows_area = QScrollArea(self)
        self.rows_area.setWidgetResizable(True)
        layout.addWidget(self.rows_area, 1)
        self.moving = QLabel(self)
        self.moving.setObjectName("mergeMoving")
        self.moving.setWordWrap(True)
        layout.addWidget(self.moving)
        buttons = QDialogButtonBox(self)
        self.swap_button = QPushButton(self.tr("&Swap: keep the other one"), self)
        self.swap_button.setObjectName("mergeSwap")
        self.swap_button.clicked.connect(self.swap)
        buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("mergeConfirmButton")
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.confirm)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.groups: dict[str, QButtonGroup] = {}
        self.preview: merge.MergePreview | None = None
        fit_to_screen(self, 980, 640)
        self.read()

    # -- the two records -------------------------------------------------------------------

    def read(self) -> bool:
        """Read both records and lay the rows out (again after a swap or a refusal)."""
        try:
            self.preview = merge.preview(self.collection, self.kept_id, self.other_id)
        except UserError as exc:
            show_error(self, self.tr("Merge two records"), exc)
            self.merge_button.setEnabled(False)
            return False
        area_label = record_names.kind(self.collection)
        kept_name, other_name = self._name(self.preview.kept), self._name(self.preview.other)
        self.intro.setText(
            self.tr(
                "%1: “%2” is kept, “%3” is merged into it and goes to the trash. "
                "For each field that differs, choose the value to keep."
            )
            .replace("%1", area_label)
            .replace("%2", kept_name)
            .replace("%3", other_name)
        )
        grid_host = QWidget(self.rows_area)
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for column, text in enumerate(
            [
                self.tr("Field"),
                self.tr("Kept: %1").replace("%1", kept_name),
                self.tr("Merged: %1").replace("%1", other_name),
            ]
        ):
            head = QLabel(f"<b>{_escaped(text)}</b>", grid_host)
            if column:
                head.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(head, 0, column)
        self.groups = {}
        kinds = {f.name: f.kind for f in AREAS[self.collection].fields}
        words = (self.tr("(empty)"), self.tr("yes"), self.tr("no"))
        for row, choice in enumerate(self.preview.fields, 1):
            label = QLabel(choice.label, grid_host)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(grid_host)
            group.setObjectName(f"mergeField_{choice.key}")
            for column, value in ((1, choice.kept), (2, choice.other)):
                button = QRadioButton(
                    value_text(choice.key, kinds.get(choice.key, "text"), value, *words),
                    grid_host,
                )
                button.setObjectName(f"merge_{choice.key}_{'kept' if column == 1 else 'other'}")
                # the two columns share the width whatever the values' lengths
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                if value not in (None, "", []) and choice.key != "photo":
                    button.setToolTip(str(value))
                button.setAccessibleName(f"{choice.label} : {button.text()}")
                group.addButton(button, column)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
            group.button(2 if choice.take_other else 1).setChecked(True)
            if row == 1:
                label.setBuddy(group.button(1))
            self.groups[choice.key] = group
        if not self.preview.fields:
            grid.addWidget(
                QLabel(self.tr("The two records hold the same values."), grid_host), 1, 0, 1, 3
            )
        grid.setRowStretch(len(self.preview.fields) + 1, 1)
        self.rows_area.setWidget(grid_host)
        moving = self.preview.moving_text()
        self.moving.setText(
            self.tr("Will be attached to the kept record: %1.").replace("%1", moving)
            if moving
            else self.tr("Nothing else is attached to the merged record.")
        )
        self.merge_button.setEnabled(True)
        first = next(iter(self.groups.values()), None)
        checked = first.checkedButton() if first else None
        (checked or self.merge_button).setFocus()
        return True

    def _name(self, record: dict) -> str:
        return AREAS[self.collection].label_of(record) or record["id"]

    def swap(self) -> None:
        self.kept_id, self.other_id = self.other_id, self.kept_id
        self.read()

    def take_other(self) -> list[str]:
        """The fields whose merged record's value is chosen."""
        return [key for key, group in self.groups.items() if group.checkedId() == 2]

    def choose(self, key: str, other: bool) -> None:
        """Pick a row's value (as a click on its radio button does)."""
        self.groups[key].button(2 if other else 1).click()

    # -- merging -------------------------------------------------------------------------

    def confirm(self) -> None:
        if self.preview is None:
            return
        kept, other = self._name(self.preview.kept), self._name(self.preview.other)
        box = QMessageBox(self)
        box.setObjectName("mergeConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merge two records"))
        box.setText(
            self.tr(
                "Merge “%1” into “%2”? “%1” goes to the trash and everything attached to it "
                "moves to “%2”. Edit › Undo takes the merge back."
            )
            .replace("%1", other)
            .replace("%2", kept)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Merge"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self.apply()

    def apply(self) -> None:
        preview = self.preview
        assert preview is not None
        try:
            self.merge_result = self.window_.runner.merge(  # type: ignore[attr-defined]
                self.collection,
                self.kept_id,
                self.other_id,
                preview.values(self.take_other()),
                (preview.kept["version"], preview.other["version"]),
            )
        except UserError as exc:
            show_error(self, self.tr("Merge two records"), exc)
            self.read()  # what the records hold now
            return
        self.merged.emit(self.merge_result)
        self.accept()
        self.window_.open_record(self.collection, self.kept_id)  # type: ignore[attr-defined]


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
