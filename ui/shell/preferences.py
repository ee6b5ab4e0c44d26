"""Preferences: the interface language (applies at the next start) and, on the Documents
tab, what printed documents say of the office (:mod:`.preferences_documents`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..kit import settings


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        general = QWidget(self.tabs)
        general_layout = QVBoxLayout(general)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.get(settings.LANGUAGE)))
        )
        form.addRow(self.tr("&Language"), self.language)
        general_layout.addLayout(form)
        note = QLabel(self.tr("A new language applies when Relations is started again."), self)
        note.setWordWrap(True)
        general_layout.addWidget(note)
        general_layout.addStretch(1)
        from .preferences_documents import DocumentsPage

        self.documents = DocumentsPage(self.tabs)
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Store both tabs; bad input on the Documents tab is shown and keeps it open."""
        from relations_app.validation import ValidationError

        from ..kit import faults

        try:
            self.documents.save()
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.documents)
            faults.show_error(self, self.tr("Preferences"), exc)
            return
        settings.set(settings.LANGUAGE, self.language.currentData())
        super().accept()
