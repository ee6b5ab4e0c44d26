"""Which documents the delegation briefing appends: a check box per PDF or image of the
delegation and of its partners.

Asked by :meth:`ui.pages.delegation_actions.DelegationActions.show_briefing` before the
briefing is made (only when there is a document to offer); the list comes from
:func:`relations_app.services.briefing_documents.candidates`, the appending itself is the
report's (:mod:`relations_app.reports.briefing_annexes`), off the GUI thread with the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import attachments
from relations_app.services.briefing_documents import Candidate

from ..kit import labels
from ..kit.keyboard import free_tab_in, give_dialog_access_keys

ROLE = Qt.ItemDataRole.UserRole


class AnnexesDialog(QDialog):
    """The delegation's and its partners' documents, each with a check box (none ticked)."""

    def __init__(self, candidates: list[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingAnnexesDialog")
        self.setWindowTitle(self.tr("Documents to append"))
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "The documents ticked are appended after the briefing, in this order, each "
                "listed under “Annexes” in its contents with a bookmark. A protected or "
                "unreadable PDF is left out and named."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.list = QListWidget(self)
        self.list.setObjectName("briefingAnnexesList")
        self.list.setAccessibleName(self.tr("Documents to append"))
        for candidate in candidates:
            item = QListWidgetItem(self._text(candidate), self.list)
            item.setData(ROLE, candidate.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.setMinimumWidth(520)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Tick all"), self)
        self.all_button.setObjectName("briefingAnnexesAll")
        self.none_button = QPushButton(self.tr("Tick none"), self)
        self.none_button.setObjectName("briefingAnnexesNone")
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.all_button.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Make the briefing"))
        self.ok_button.setDefault(True)  # Enter makes the briefing, Échap cancels
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        free_tab_in(self)
        give_dialog_access_keys(self)

    def _text(self, candidate: Candidate) -> str:
        owner = (
            self.tr("the delegation")
            if candidate.owner_kind == "delegations"
            else candidate.owner or self.tr("a partner")
        )
        kind = self.tr("PDF") if candidate.is_pdf else self.tr("image")
        parts = [kind, attachments.size_text(candidate.size)]
        if candidate.date:
            parts.insert(0, labels.date(candidate.date))
        return (
            self.tr("%1 — %2 (%3)")
            .replace("%1", candidate.title)
            .replace("%2", owner)
            .replace("%3", ", ".join(parts))
        )

    def _tick(self, state: Qt.CheckState) -> None:
        for index in range(self.list.count()):
            self.list.item(index).setCheckState(state)

    def chosen(self) -> list[str]:
        """The ids of the documents ticked, in the list's order."""
        return [
            self.list.item(i).data(ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
