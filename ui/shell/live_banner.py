"""The band on a record's page when someone else changed the record being edited.

"Modifié par NAME à HH:MM" with the stale edit's two choices: reload their version (what
was typed goes), or keep mine and see what changed (the stale-edit refusal's message and
choices, :mod:`ui.kit.stale`, shown before anything is saved).  A record deleted or moved
to the trash elsewhere offers to close it instead.  Nothing typed is ever replaced without
one of these clicks; the band goes when the page loads a record again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relations_app.services.change_feed import FeedChange

STYLE = (
    "QFrame#liveBanner { background: #fff4ce; border: 1px solid #e0b252; border-radius: 3px; }"
    " QFrame#liveBanner QLabel { color: #4a3500; }"
)


def said(change: FeedChange) -> str:
    """ "Modifié par NAME à HH:MM" (the time on this computer's clock)."""
    when = change.at.astimezone().strftime("%H:%M")
    if change.kind == "trashed":
        text = QCoreApplication.translate("live", "Moved to the trash by %1 at %2")
    elif change.removed:
        text = QCoreApplication.translate("live", "Deleted by %1 at %2")
    else:
        text = QCoreApplication.translate("live", "Modified by %1 at %2")
    return text.replace("%1", change.user).replace("%2", when)


class ChangeBanner(QFrame):
    """One page's band; :attr:`change` is the other change it tells of."""

    reload_theirs = Signal()
    see_changes = Signal()
    close_record = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveBanner")
        self.setStyleSheet(STYLE)
        self.change: FeedChange | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 6, 4)
        outer.setSpacing(2)
        self.text = QLabel(self)
        self.text.setObjectName("liveBannerText")
        self.text.setWordWrap(True)  # never widens the page
        outer.addWidget(self.text)
        layout = QHBoxLayout()  # the choices under the sentence, at the right
        layout.addStretch(1)
        outer.addLayout(layout)
        self.reload_button = self._button(
            "liveReload",
            QCoreApplication.translate("live", "Reload their version"),
            self.reload_theirs,
            layout,
        )
        self.keep_button = self._button(
            "liveKeepMine",
            QCoreApplication.translate("live", "Keep mine, see what changed…"),
            self.see_changes,
            layout,
        )
        self.close_button = self._button(
            "liveClose",
            QCoreApplication.translate("live", "Discard my edits"),
            self.close_record,
            layout,
        )
        self.hide()

    def _button(self, name: str, text: str, signal, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(signal)
        layout.addWidget(button)
        return button

    def tell(self, change: FeedChange) -> None:
        self.change = change
        sentence = said(change)
        if change.removed:
            sentence += " " + QCoreApplication.translate(
                "live", "— your edits can no longer be saved to it."
            )
        else:
            sentence += " " + QCoreApplication.translate(
                "live", "— your edits are kept until you choose."
            )
        self.text.setText(sentence)
        self.reload_button.setVisible(not change.removed)
        self.keep_button.setVisible(not change.removed)
        self.close_button.setVisible(change.removed)
        self.show()

    def clear(self) -> None:
        self.change = None
        self.hide()
