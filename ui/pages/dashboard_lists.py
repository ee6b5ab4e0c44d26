"""The dashboard's cards (a count that opens its list) and work lists (a titled list of
the first rows, its whole count, "see all" and the lines the column's height gives it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..kit import labels

VISIBLE_ROWS = 5  # lines a list shows before it scrolls (the column's height permitting)
EXPANDED_ROWS = 16  # a list whose "see all" opened it in place
ROLE = Qt.ItemDataRole.UserRole


class Card(QPushButton):
    """A count that opens its list: "2 952" over "villes jumelles"."""

    def __init__(self, name: str, colour: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"QPushButton {{ border: none; border-left: 5px solid {colour};"
            " background: palette(base); padding: 6px 12px; text-align: left; }"
            "QPushButton:hover { background: palette(alternate-base); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.setSpacing(0)
        self.figure = QLabel(self)
        self.figure.setStyleSheet("font-size: 17pt; font-weight: bold; background: transparent;")
        self.words = QLabel(self)
        self.words.setStyleSheet("background: transparent;")
        for label in (self.figure, self.words):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_count(self, figure: str, words: str) -> None:
        self.figure.setText(figure)
        self.words.setText(words)
        self.setAccessibleName(f"{figure} {words}")

    def text(self) -> str:
        return f"{self.figure.text()} {self.words.text()}"


class WorkList(QWidget):
    """A titled list whose lines open a record, and "tout voir (N)" when it is cut."""

    see_all = Signal()
    activated = Signal(object)

    def __init__(self, name: str, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        # As tall as its title and list, never more: the column's spare height goes below
        # the last list, not between a title and its lines.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        head = self.head = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>", self)
        head.addWidget(self.title, 1)
        self.more = QPushButton(self)
        self.more.setObjectName(f"{name}All")
        self.more.setFlat(True)
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; }")
        self.more.clicked.connect(self.see_all)
        head.addWidget(self.more)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.list.setObjectName(name)
        self.list.setAccessibleName(title)
        self.rows_shown = VISIBLE_ROWS
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line: its tooltip
        self.list.setUniformItemSizes(True)
        #: opened in place by its "see all" (taller), not sized by the column
        self.expanded = False
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.list)

    def fill(self, lines: list[tuple[str, object]], total: int, empty: str) -> None:
        self.list.clear()
        for text, target in lines or [(empty, None)]:
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(ROLE, target)
            if target is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.more.setText(self.tr("see all (%1)").replace("%1", labels.number(total)))
        self.more.setVisible(total > 0)
        self.fit()

    def line_height(self) -> int:
        """The height of one line (they are all as tall)."""
        line = self.list.sizeHintForRow(0) if self.list.count() else -1
        return line if line > 0 else self.list.fontMetrics().height() + 1

    def rows(self) -> int:
        """The lines shown without scrolling."""
        return min(max(self.list.count(), 1), self.rows_shown)

    def fit(self) -> None:
        """As tall as its lines, up to :attr:`rows_shown` (then it scrolls), whole lines
        only (never half a sixth line under the frame): an empty list takes one line, not
        the room of five."""
        self.list.setFixedHeight(self.rows() * self.line_height() + 2 * self.list.frameWidth())

    def expand(self) -> None:
        self.expanded = True
        self.rows_shown = EXPANDED_ROWS

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(ROLE)
        if target is not None:
            self.activated.emit(target)
