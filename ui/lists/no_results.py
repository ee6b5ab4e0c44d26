"""What the page side of a section shows when its list is empty: why, and where to look.

A search that finds nothing used to leave an empty page that looked like a new record
(typing "Vaillant" in Partenaires opened "Nouvelle fiche" with Enregistrer enabled: one
keystroke from saving a blank partner). Now the list says "Aucun résultat pour
« Vaillant »" and, when other lists find the text, "1 contact correspond" as links that
open those lists with the same search. Ctrl+N still starts a new record.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from relations_app.services.matches import Matches, matches_elsewhere

from ..kit import record_names


class NoResults(QWidget):
    """The empty list's message; ``search_elsewhere`` (collection, text) when a link is used."""

    search_elsewhere = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noResults")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 24, 16, 16)
        self.message = QLabel(self)
        self.message.setObjectName("noResultsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt;")
        self.elsewhere = QLabel(self)
        self.elsewhere.setObjectName("noResultsElsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.elsewhere.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.elsewhere.linkActivated.connect(self._link)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.message)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._search = ""

    def show_for(self, search: str, filtered: bool, here: str, others: list[str]) -> None:
        """Say why ``here`` (a collection) shows nothing, counting ``others`` for ``search``."""
        self._search = search.strip()
        if self._search:
            self.message.setText(self.tr("No results for “%1”").replace("%1", self._search))
        elif filtered:
            self.message.setText(self.tr("No record matches the filters."))
        else:
            self.message.setText(self.tr("This list is empty."))
        found = matches_elsewhere(self._search, [k for k in others if k != here])
        self.elsewhere.setText(self.links(found))
        self.elsewhere.setVisible(bool(found))
        self.hint.setText(self.tr("Ctrl+N creates a new record here."))

    def links(self, found: list[Matches]) -> str:
        """ "3 contacts, 1 programme correspondent", each count a link to its list."""
        if not found:
            return ""
        parts = [f"<a href='{m.collection}'>{escape(self._count(m))}</a>" for m in found]
        text = ", ".join(parts)
        one = len(found) == 1 and found[0].count == 1
        sentence = self.tr("%1 matches") if one else self.tr("%1 match", "several")
        return sentence.replace("%1", text)

    def _count(self, match: Matches) -> str:
        text = record_names.counted(match.collection, match.count)
        return text if match.exact else f"≥ {text}"

    def _link(self, collection: str) -> None:
        self.search_elsewhere.emit(collection, self._search)
