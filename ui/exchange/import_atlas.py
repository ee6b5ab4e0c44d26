"""Importing a project page of the *Atlas de la coopération décentralisée*.

The page is pasted, or a .txt file saved from the browser is opened.  As the text changes
the dialog parses it (:func:`parse_atlas`) and matches it against the records
(:func:`plan_atlas`), and shows the domain's French preview lines: the programme created
or updated, the partners linked, the organisations, people and post created or linked, the
funding lines, the warnings.  Importer writes the plan in one transaction
(:func:`apply_atlas`).  Nothing is written before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relations_app.exchange import AtlasPlan, apply_atlas, parse_atlas, plan_atlas, read_text_file
from relations_app.exchange.safe_import import import_with_copy
from relations_app.location import DatabaseLocation

from ..kit.faults import error_text, show_error
from ..kit.form import ERROR_STYLE
from ..kit.screen import fit_to_screen

PREVIEW_DELAY_MS = 350
WARNING_BRUSH = QBrush(QColor("#8a5300"))
ERROR_BRUSH = QBrush(QColor("#b00020"))


class AtlasImportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        location: DatabaseLocation | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.location = location
        self.plan: AtlasPlan | None = None
        self.import_result = None  # the AtlasImportResult once imported
        self.setObjectName("atlasImportDialog")
        self.setWindowTitle(self.tr("Import an Atlas record"))
        fit_to_screen(self, 1180, 760)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paste a project page of the Atlas of decentralised cooperation (select all on the page, "
                "copy, paste here), or open the page saved as text. Nothing is written before Import."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        text_label = QLabel(self.tr("&Text of the record"), left)
        row.addWidget(text_label, 1)
        self.open_button = QPushButton(self.tr("&Open a .txt file…"), left)
        self.open_button.setObjectName("atlasOpenButton")
        row.addWidget(self.open_button)
        left_layout.addLayout(row)
        self.text = QPlainTextEdit(left)
        self.text.setObjectName("atlasText")
        self.text.setAccessibleName(self.tr("Text of the Atlas record"))
        self.text.setPlaceholderText(self.tr("Paste the Atlas project page here…"))
        self.text.setTabChangesFocus(True)
        text_label.setBuddy(self.text)
        left_layout.addWidget(self.text, 1)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("&What the import will do"), right)
        right_layout.addWidget(preview_label)
        self.preview_list = QListWidget(right)
        self.preview_list.setObjectName("atlasPreview")
        self.preview_list.setAccessibleName(self.tr("What the import will do"))
        self.preview_list.setWordWrap(True)
        self.preview_list.setSpacing(1)
        preview_label.setBuddy(self.preview_list)
        right_layout.addWidget(self.preview_list, 1)
        self.problem = QLabel(right)
        self.problem.setObjectName("atlasProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        right_layout.addWidget(self.problem)
        action_row = QHBoxLayout()
        self.action_label = QLabel(self.tr("The programme already exists:"), right)
        self.programme_action = QComboBox(right)
        self.programme_action.setObjectName("atlasProgrammeAction")
        self.programme_action.setAccessibleName(self.tr("What to do with the existing programme"))
        self.programme_action.addItem(self.tr("Update it with the record"), "update")
        self.programme_action.addItem(self.tr("Create a new programme anyway"), "create")
        self.action_label.setBuddy(self.programme_action)
        action_row.addWidget(self.action_label)
        action_row.addWidget(self.programme_action, 1)
        right_layout.addLayout(action_row)
        # one choice per new organisation that looks like an existing one
        self.look_alike_box = QWidget(right)
        self.look_alike_box.setObjectName("atlasLookAlikes")
        self.look_alike_layout = QFormLayout(self.look_alike_box)
        self.look_alike_layout.setContentsMargins(0, 0, 0, 0)
        self.look_alike_combos: dict[str, QComboBox] = {}
        self.look_alike_box.hide()
        right_layout.addWidget(self.look_alike_box)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 640])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.preview)
        self.text.textChanged.connect(self.timer.start)
        self.open_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.import_record)
        self.preview()
        if path is not None:
            self.load_file(path)

    # -- text ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an Atlas record"),
            str(Path.home()),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        try:
            text = read_text_file(path)
        except Exception as exc:
            self._problem(exc)
            return
        self.text.setPlainText(text)
        self.preview()

    def _problem(self, exc: Exception) -> None:
        text = error_text(exc, self.location)
        if text is None:
            show_error(self, self.tr("Import from the Atlas"), exc, self.location)
            return
        self.plan = None
        self.preview_list.clear()
        self.problem.setText(text)
        self.problem.show()
        self._update_buttons()

    # -- preview ---------------------------------------------------------------------------

    def preview(self) -> None:
        self.timer.stop()
        text = self.text.toPlainText()
        self.problem.hide()
        if not text.strip():
            self.plan = None
            self.preview_list.clear()
            self._update_buttons()
            return
        try:
            self.plan = plan_atlas(parse_atlas(text))
        except Exception as exc:
            self._problem(exc)
            return
        self._fill_look_alikes()
        self._fill_preview()

    def _fill_preview(self) -> None:
        if self.plan is None:
            return
        self.preview_list.clear()
        for n, line in enumerate(self.plan.describe(self.look_alike_decisions())):
            item = QListWidgetItem(line)
            if line.startswith("ERREUR"):
                item.setForeground(ERROR_BRUSH)
            elif line.startswith("Attention"):
                item.setForeground(WARNING_BRUSH)
            if n == 0:  # the programme, created or updated
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.preview_list.addItem(item)
        if self.plan.errors:
            self.problem.setText(
                self.tr("This record cannot be imported as it is: see the errors in red.")
            )
            self.problem.show()
        self._update_buttons()

    def _fill_look_alikes(self) -> None:
        """A choice for each organisation to create that looks like an existing one:
        use the existing one (proposed) or create it anyway."""
        while self.look_alike_layout.rowCount():
            self.look_alike_layout.removeRow(0)
        self.look_alike_combos = {}
        alikes = self.plan.look_alikes() if self.plan is not None else {}
        for key, item in alikes.items():
            assert item.look_alike is not None
            combo = QComboBox(self.look_alike_box)
            combo.setObjectName("atlasLookAlike")
            combo.setAccessibleName(
                self.tr("What to do with the organisation %1").replace("%1", item.name)
            )
            combo.addItem(
                self.tr("Use the existing “%1”").replace("%1", item.look_alike.label), "merge"
            )
            combo.addItem(self.tr("Create “%1”").replace("%1", item.name), "create")
            combo.currentIndexChanged.connect(self._fill_preview)
            label = QLabel(
                self.tr("“%1” looks like an existing organisation:").replace("%1", item.name)
            )
            label.setWordWrap(True)
            label.setBuddy(combo)
            self.look_alike_layout.addRow(label, combo)
            self.look_alike_combos[key] = combo
        self.look_alike_box.setVisible(bool(alikes))

    def look_alike_decisions(self) -> dict:
        return {key: combo.currentData() for key, combo in self.look_alike_combos.items()}

    def _update_buttons(self) -> None:
        if self.plan is None:
            self.look_alike_box.hide()
        updating = self.plan is not None and self.plan.programme_action == "update"
        self.action_label.setVisible(updating)
        self.programme_action.setVisible(updating)
        self.import_button.setEnabled(self.plan is not None and not self.plan.errors)

    # -- import ----------------------------------------------------------------------------

    def import_record(self) -> None:
        if self.timer.isActive():
            self.preview()
        if self.plan is None or self.plan.errors:
            return
        action = (
            self.programme_action.currentData()
            if self.plan.programme_action == "update"
            else "create"
        )
        plan = self.plan
        try:
            decisions = self.look_alike_decisions()
            self.import_result = import_with_copy(
                lambda: apply_atlas(plan, action, decisions)
            ).result
        except Exception as exc:
            show_error(self, self.tr("Import refused"), exc, self.location, name="importRefused")
            return
        self.accept()
