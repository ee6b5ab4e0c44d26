"""A band across the top of the window for news that must stay in sight without blocking:
the server's connection lost and found again, and any other passing state (another
window's change, for instance).  One line of text, a colour by tone, optional buttons;
nothing modal, so the person keeps working on what is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

TONES = {
    "warning": ("#fff4d6", "#8a5300"),
    "error": ("#fde7e9", "#a4262c"),
    "info": ("#e6f2fb", "#0b5394"),
    "success": ("#e7f5e8", "#1a6b1a"),
}


class Banner(QFrame):
    """:meth:`say` shows a message (replacing the previous one), :meth:`clear` hides it."""

    def __init__(self, parent: QWidget | None = None, name: str = "banner") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(name)
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        self.text = QLabel(self)
        self.text.setObjectName(f"{name}Text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        self.tone = ""
        self.hide()

    def say(
        self,
        text: str,
        tone: str = "info",
        actions: tuple[tuple[str, Callable[[], None]], ...] = (),
    ) -> None:
        """Show ``text`` in ``tone`` (:data:`TONES`) with a button per (label, slot)."""
        background, colour = TONES[tone]
        if tone != self.tone:
            self.tone = tone
            self.setStyleSheet(
                f"QFrame#{self.objectName()} {{ background: {background};"
                f" border-bottom: 1px solid {colour}; }}"
                f" QLabel {{ color: {colour}; font-weight: bold; }}"
            )
        self.text.setText(text)
        labels = [label for label, _slot in actions]
        if labels != [b.text() for b in self._buttons]:
            for button in self._buttons:
                button.deleteLater()
            self._buttons = []
            for label, slot in actions:
                button = QPushButton(label, self)
                button.setAutoDefault(False)
                button.clicked.connect(slot)
                self.row.addWidget(button)
                self._buttons.append(button)
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def clear(self) -> None:
        self.hide()
        self.text.clear()
