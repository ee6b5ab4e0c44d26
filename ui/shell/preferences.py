"""Preferences: the interface language (applies at the next start), on the Documents tab
what printed documents say of the office (:mod:`.preferences_documents`), on the Database
tab the database this computer opens (:mod:`.preferences_database`)."""

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

from relations_app.location import DatabaseLocation

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
        from .preferences_database import DatabasePage
        from .preferences_documents import DocumentsPage

        self.documents = DocumentsPage(self.tabs)
        access = getattr(parent, "access", None)
        self.documents.setEnabled(access is None or access.can_edit)
        self.database = DatabasePage(
            getattr(parent, "location", None), getattr(parent, "imposed_by", None), self.tabs
        )
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        self.tabs.addTab(self.database, self.tr("Data&base"))
        #: the database chosen on that tab when it changed (the window may reopen on it)
        self.new_database: DatabaseLocation | None = None
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Store both tabs; bad input on the Documents tab is shown and keeps it open."""
        from relations_app.errors import UserError
        from relations_app.validation import ValidationError

        from ..kit import faults

        try:
            if self.documents.isEnabled():  # a read-only login sees it, changes nothing
                self.documents.save()
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.documents)
            faults.show_error(self, self.tr("Preferences"), exc)
            return
        if self.database.changed:
            try:
                self.new_database = self.database.save()
            except UserError as exc:
                self.tabs.setCurrentWidget(self.database)
                faults.show_error(self, self.tr("Preferences"), exc)
                return
        settings.set(settings.LANGUAGE, self.language.currentData())
        super().accept()
