"""The sidebar's look: an icon per section and its count, right-aligned in grey.

The icons are symbols of the bundled DejaVu Sans font drawn into pixmaps (no icon theme
is needed, offscreen or on Windows); the counts come from
:func:`relations_app.services.counts.section_counts` after every change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from relations_app.services import counts

from ..kit import labels, tasks

#: How many times the counts were read on the GUI thread (a later background result is
#: then older than what is shown).
COUNTED = "relationsCounted"

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
SYMBOLS = {
    "dashboard": "⌂",
    "partners": "◉",
    "programmes": "▦",
    "organisations": "♜",
    "contacts": "☺",
    "posts": "⚑",
    "consulates": "✆",
    "delegations": "✈",
    "trash": "✕",
}
ICON_PX = 18


def icon(key: str, colour: QColor) -> QIcon:
    pixmap = QPixmap(ICON_PX * 2, ICON_PX * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(ICON_PX - 3)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(
        QRect(0, 0, ICON_PX, ICON_PX), Qt.AlignmentFlag.AlignCenter, SYMBOLS.get(key, "•")
    )
    painter.end()
    return QIcon(pixmap)


class CountDelegate(QStyledItemDelegate):
    """The item as usual, its count at the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        count = index.data(COUNT_ROLE)
        # the visible width, not the item's: a narrowed sidebar must still show the count,
        # the name giving way (elided) rather than the number
        visible = QStyleOptionViewItem(option)
        viewport = getattr(option.widget, "viewport", None)
        if viewport is not None:
            visible.rect.setRight(min(option.rect.right(), viewport().width() - 1))
        if count is None:
            super().paint(painter, visible, index)
            return
        room = option.fontMetrics.horizontalAdvance(f"  {count}") + 10
        label = QStyleOptionViewItem(visible)
        label.rect.setRight(visible.rect.right() - room)
        super().paint(painter, label, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:  # the selection's band under the count too
            painter.fillRect(
                visible.rect.adjusted(label.rect.width(), 0, 0, 0),
                option.palette.color(QPalette.ColorRole.Highlight),
            )
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(option.palette.color(role))
        rect = visible.rect.adjusted(0, 0, -10, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        count = index.data(COUNT_ROLE)
        extra = option.fontMetrics.horizontalAdvance(f"  {count}") + 10 if count else 0
        return QSize(size.width() + extra, size.height())


def decorate(sidebar: QListWidget) -> None:
    """Icons on every item, the count delegate (the counts are filled in once the window
    shows, off the GUI thread: :func:`count_in_background`)."""
    sidebar.setIconSize(QSize(ICON_PX, ICON_PX))
    sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    sidebar.setTextElideMode(Qt.TextElideMode.ElideRight)
    sidebar.setItemDelegate(CountDelegate(sidebar))
    colour = sidebar.palette().color(QPalette.ColorRole.Text)
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        item.setIcon(icon(item.data(Qt.ItemDataRole.UserRole), colour))


def count_in_background(sidebar: QListWidget, then: Callable[[], None]) -> None:
    """The counts read off the GUI thread (a whole table count each, a quarter of a second
    on a large database whose file is not yet in memory), then shown, then ``then``."""
    asked = sidebar.property(COUNTED) or 0

    def done(found: dict[str, int]) -> None:
        if (sidebar.property(COUNTED) or 0) == asked:  # not counted again on the GUI thread since
            show_counts(sidebar, found)
            then()

    tasks.run_in_background(lambda _ctx: counts.section_counts(), on_success=done)


def update_counts(sidebar: QListWidget) -> None:
    sidebar.setProperty(COUNTED, (sidebar.property(COUNTED) or 0) + 1)
    show_counts(sidebar, counts.section_counts())


def show_counts(sidebar: QListWidget, found: dict[str, int]) -> None:
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        n = found.get(item.data(Qt.ItemDataRole.UserRole))
        item.setData(COUNT_ROLE, labels.number(n) if n is not None else None)
