"""A contact's personal data: export everything held about them, or erase them for good.

Two buttons on the contact's page (:class:`PersonalDataPanel`).  "Export their data…"
writes :func:`personal_data.export_person_to_file` to the JSON file chosen.  "Erase the
person…" shows what will go (:class:`EraseDialog`, which asks to type the family name),
then calls :func:`personal_data.erase_person`: not undoable, so the undo history is
cleared afterwards (its commands hold copies of the person's data in memory).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import personal_data

from ..kit.faults import show_error
from ..kit.form import ERROR_STYLE


def _file_name(record: dict) -> str:
    name = (
        "-".join(p for p in (record.get("given_name"), record.get("family_name")) if p)
        or "personne"
    )
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
    return f"donnees-{safe.lower()}.json"


class EraseDialog(QDialog):
    """The strong confirmation: what goes, that it cannot be undone, the name typed."""

    def __init__(self, record: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase a person"))
        self.setMinimumWidth(560)
        name = f"{record.get('given_name') or ''} {record.get('family_name') or ''}".strip()
        held = personal_data.export_person(record["id"])
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        texts = QVBoxLayout()
        heading = QLabel(self.tr("Erase %1 for good?").replace("%1", name), self)
        heading.setObjectName("eraseHeading")
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        heading.setWordWrap(True)
        texts.addWidget(heading)
        lines = [self.tr("The person's record: name, e-mail, phone, notes.")]
        if held["positions"]:
            lines.append(self.tr("%n function(s) held", "", len(held["positions"])))
        if held["partners"]:
            lines.append(self.tr("%n link(s) to partners", "", len(held["partners"])))
        if held["programmes"]:
            lines.append(
                self.tr(
                    "their place in %n programme(s): each keeps a dated line naming only the "
                    "organisation",
                    "",
                    len(held["programmes"]),
                )
            )
        if held["delegations"]:
            lines.append(
                self.tr(
                    "their name in %n delegation(s): the member line stays, as “Personne effacée”",
                    "",
                    len(held["delegations"]),
                )
            )
        if held["trash"]:
            lines.append(
                self.tr("what the trash holds about them (%n item(s))", "", len(held["trash"]))
            )
        self.what = QLabel("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>", self)
        self.what.setObjectName("eraseWhat")
        self.what.setWordWrap(True)
        texts.addWidget(QLabel(self.tr("What goes:"), self))
        texts.addWidget(self.what)
        warning = QLabel(
            self.tr(
                "This cannot be undone, not even with Ctrl+Z: the values are also wiped from the database file. "
                "If the person asked for their data, export it first."
            ),
            self,
        )
        warning.setObjectName("eraseWarning")
        warning.setStyleSheet(ERROR_STYLE)
        warning.setWordWrap(True)
        texts.addWidget(warning)
        top.addLayout(texts, 1)
        layout.addLayout(top)
        self.expected = (record.get("family_name") or "").strip()
        prompt = QLabel(
            self.tr("To confirm, type the family name “%1”:").replace("%1", self.expected), self
        )
        layout.addSpacing(8)
        layout.addWidget(prompt)
        self.confirm_name = QLineEdit(self)
        self.confirm_name.setObjectName("eraseConfirmName")
        self.confirm_name.setAccessibleName(self.tr("Family name of the person, to confirm"))
        prompt.setBuddy(self.confirm_name)
        layout.addWidget(self.confirm_name)
        buttons = QDialogButtonBox(self)
        self.erase_button = QPushButton(self.tr("&Erase for good"), self)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self.accept)
        self.confirm_name.textChanged.connect(self._check)
        layout.addWidget(buttons)
        self.resize(
            600, self.heightForWidth(600) if self.hasHeightForWidth() else self.sizeHint().height()
        )

    def _check(self, text: str) -> None:
        self.erase_button.setEnabled(
            text.strip().casefold() == self.expected.casefold() and bool(self.expected)
        )

    def accept(self) -> None:
        if self.erase_button.isEnabled():
            super().accept()


class PersonalDataPanel(QWidget):
    """The contact page's "Personal data" row, under the name; works on the record shown."""

    erased = Signal(str)  # the contact id

    def __init__(self, editor, window) -> None:
        super().__init__(editor)
        self.editor = editor
        self.window_ = window
        self.setObjectName("personalDataBox")
        self.setAccessibleName(self.tr("Personal data"))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        note = QLabel(self.tr("Personal data:"), self)
        note.setToolTip(
            self.tr("At the person's request: everything held about them, or erase them.")
        )
        row.addWidget(note)
        self.export_button = QPushButton(self.tr("E&xport their data…"), self)
        self.export_button.setObjectName("exportPersonButton")
        self.export_button.setToolTip(self.tr("Everything held about the person, as a JSON file"))
        self.erase_button = QPushButton(self.tr("Erase the &person…"), self)
        self.erase_button.setObjectName("erasePersonButton")
        self.erase_button.setToolTip(
            self.tr("Erase the person and their links for good (not undoable)")
        )
        row.addWidget(self.export_button)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        self.export_button.clicked.connect(self.export_data)
        self.erase_button.clicked.connect(self.erase)
        editor.loaded.connect(self._loaded)
        editor.layout().insertWidget(1, self)  # under the person's name, always in sight
        self._loaded(editor.record)

    def _loaded(self, record) -> None:
        self.setVisible(record is not None)

    def _warn(self, title: str, exc: Exception) -> None:
        show_error(self, title, exc, self.window_.location, name="personalDataError")

    def export_data(self) -> Path | None:
        record = self.editor.record
        if record is None:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the person's data"),
            str(Path.home() / _file_name(record)),
            self.tr("JSON files (*.json)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            personal_data.export_person_to_file(record["id"], path)
        except Exception as exc:
            self._warn(self.tr("Export the person's data"), exc)
            return None
        self.window_.statusBar().showMessage(
            self.tr("Data exported to %1").replace("%1", str(path)), 15000
        )
        return path

    def erase(self) -> bool:
        record = self.editor.record
        if record is None:
            return False
        if not self.window_.settle_edits():
            return False
        if EraseDialog(record, self).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            report = personal_data.erase_person(record["id"])
        except Exception as exc:
            self._warn(self.tr("Erase the person"), exc)
            return False
        self.window_.undo_stack.clear()
        self.window_.reload_all()
        self.erased.emit(record["id"])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Person erased"),
            report.describe(),
            QMessageBox.StandardButton.Ok,
            self.window_,
        )
        box.setObjectName("erasedMessage")
        box.setInformativeText(
            self.tr("The undo history was cleared: it held copies of the person's data.")
        )
        box.exec()
        return True
