"""Column widths of a record list: the name first, the other columns sharing the rest.

Qt gives the spare width of a list to its last column (a contact's phone number stretched
over half the pane, the names cut short, the e-mail off to the right). Here the first
column, the record's name, keeps the width of its content; the other columns share what
is left, each at most as wide as its content (a long function is shortened, its tooltip
says it in full); whatever is still left goes to the name. Recomputed as the pane grows
or shrinks, so the columns that tell records apart stay in view on a laptop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_WIDTH = 60
MAX_WIDTH = 320


class NameTakesSpareWidth(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._natural: list[int] = []
        self.own_the_spare_width()
        table.viewport().installEventFilter(self)

    def own_the_spare_width(self) -> None:
        """Qt's stretching off (a header state saved by an earlier version may turn it on)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def fit_to_content(self) -> None:
        """Each column as wide as what it shows now (within bounds), then the spare width.
        Only the rows in view are measured (Qt's default, a thousand more, read every row
        of the first page twice: 36 ms of the partners list's first paint)."""
        self.table.verticalHeader().setResizeContentsPrecision(0)
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        for column in range(self.table.model().columnCount()):
            self.table.resizeColumnToContents(column)
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(max(width, MIN_WIDTH), MAX_WIDTH))
        self._natural = [self.table.columnWidth(c) for c in range(self.table.model().columnCount())]
        self.spread()

    def spread(self) -> None:
        header = self.table.horizontalHeader()
        natural = self._natural
        if not natural or len(natural) != header.count() or header.logicalIndex(0) != 0:
            return  # not measured yet, or the user moved the name away: leave it be
        rest = self.table.viewport().width() - natural[0]
        others = sorted(range(1, len(natural)), key=lambda c: natural[c])
        for done, column in enumerate(others):  # narrow ones first: what they leave goes on
            share = rest // (len(others) - done)
            width = max(MIN_WIDTH, min(natural[column], share))
            self.table.setColumnWidth(column, width)
            rest -= width
        self.table.setColumnWidth(0, natural[0] + max(0, rest))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.spread()
        return False
