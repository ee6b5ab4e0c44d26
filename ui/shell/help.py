"""F1: how the window works and its keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Help"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        text = QTextBrowser(self)
        text.setAccessibleName(self.tr("Help"))
        rows = [
            (self.tr("Ctrl+N"), self.tr("New record in the current section")),
            (self.tr("Ctrl+S"), self.tr("Save the record")),
            (
                self.tr("Delete"),
                self.tr("Delete the selected record (asks first; Ctrl+Z brings it back)"),
            ),
            (self.tr("Ctrl+Z / Ctrl+Shift+Z"), self.tr("Undo / redo, for the whole session")),
            (self.tr("Ctrl+F"), self.tr("Search in the current list")),
            (self.tr("Alt+Left"), self.tr("Back to the previous record")),
            (self.tr("Ctrl+1 … Ctrl+8"), self.tr("Go to a section")),
            (self.tr("Ctrl+9"), self.tr("The trash: restore or delete for good what was deleted")),
            (
                self.tr("Ctrl+I / Ctrl+Shift+I"),
                self.tr(
                    "Import a file (contacts, full export, Atlas record) / paste an Atlas record"
                ),
            ),
            (self.tr("Ctrl+E"), self.tr("Export the list on screen (CSV or Excel)")),
            (self.tr("Ctrl+Shift+S"), self.tr("Save a copy of the database")),
            (self.tr("F1"), self.tr("This help")),
        ]
        table = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        intro = self.tr(
            "Choose a section on the left. Type in the search field to filter the list: "
            "accents and case do not matter (“bejaia” finds Béjaïa). Select a line to read and "
            "edit the record on the right; fields in error are shown in red with the reason."
        )
        links = self.tr(
            "Double-click a programme, contact or partner on a page to open it; Back returns."
        )
        heading = self.tr("Keyboard shortcuts")
        text.setHtml(
            f"<h2>Relations</h2><p>{intro}</p><p>{links}</p>"
            f"<h3>{heading}</h3><table cellspacing='6'>{table}</table>"
        )
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
