"""The toolbar's search box: every record type at once, results grouped by type below it.

Like Thunderbird's global search or Zotero's one box: the user types without first
choosing a section.  The box keeps the keyboard focus while the results list shows under
it (a child of the window, not a popup window that would take the focus): Up and Down
move in the results, Enter opens the chosen one (the first when none is chosen), Escape
closes the list.  Each type shows its best few, then "tout voir (N)" that opens the
section's list filtered the same way.  The search itself is
:func:`relations_app.services.global_search.search_everything`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import global_search
from relations_app.text import match_spans

from ..kit import record_names

log = logging.getLogger(__name__)

PER_TYPE = 5
ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Target:
    """What an entry of the results opens: a record, or a section's filtered list."""

    section: str
    record_id: str = ""
    search: str = ""
    countries: tuple[str, ...] = ()


Segment = tuple[str, str]  # (text, style): "" plain, "b" matched, "dim" detail, "head", "i"
SEGMENTS = Qt.ItemDataRole.UserRole + 1


def highlighted(text: str, terms: list[str], style: str = "") -> list[Segment]:
    """``text`` cut into segments, the matched words in bold ("b")."""
    out: list[Segment] = []
    last = 0
    for start, end in match_spans(text, terms):
        out += [(text[last:start], style), (text[start:end], "b")]
        last = end
    out.append((text[last:], style))
    return [part for part in out if part[0]]


class _SegmentsDelegate(QStyledItemDelegate):
    """Draws an entry's segments (matched words in bold, the detail dimmed) with plain
    QPainter calls: a rich-text document per line cost more than the search itself."""

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = text_colour if selected else option.palette.color(QPalette.ColorRole.PlaceholderText)
        painter.save()
        rect = option.rect.adjusted(6, 0, -4, 0)
        x = rect.left()
        for text, kind in index.data(SEGMENTS) or ():
            font = QFont(option.font)
            font.setBold(kind in ("b", "head"))
            font.setItalic(kind == "i")
            painter.setFont(font)
            painter.setPen(dim if kind in ("dim", "head") else text_colour)
            metrics = QFontMetrics(font)
            room = rect.right() - x
            if room <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRect(x, rect.top(), room, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
            x += metrics.horizontalAdvance(shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, option.fontMetrics.height() + 6)


class ResultsList(QFrame):
    """The grouped results under the box (a child of the window, raised over its pages)."""

    activated = Signal(object)  # a Target

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearchResults")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.list = QListWidget(self)
        self.list.setObjectName("globalSearchList")
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setItemDelegate(_SegmentsDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)  # one line each: measured once, not 50 times
        self.list.itemClicked.connect(self._clicked)
        layout.addWidget(self.list)
        self.hide()

    def _add(self, segments: list[Segment], target: Target | None = None) -> None:
        item = QListWidgetItem("".join(text for text, _style in segments))
        item.setData(SEGMENTS, segments)
        if target is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            item.setData(ROLE, target)
        self.list.addItem(item)

    def show_results(self, results: global_search.Results) -> None:
        self.list.clear()
        terms = results.terms
        for group in results.groups:
            self._add([(record_names.plural_title(group.key), "head")])
            for hit in group.hits:
                detail = (
                    [(" — ", "dim"), *highlighted(hit.detail, terms, "dim")] if hit.detail else []
                )
                self._add(
                    [("   ", ""), *highlighted(hit.label, terms), *detail],
                    Target(hit.opens[0], hit.opens[1]),
                )
            if group.key != "events" and group.see_all:
                count = global_search_count(group)
                self._add(
                    [("   ", ""), (self.tr("see all (%1)").replace("%1", count), "i")],
                    Target(group.key, search=group.search, countries=group.country_codes),
                )
        if not results.groups:
            self._add([(self.tr("Nothing found"), "i")])
        self.list.setCurrentRow(-1)

    def bold_words(self, row: int) -> list[str]:
        """The highlighted words of a line (what a test or a screen reader checks)."""
        return [text for text, style in self.list.item(row).data(SEGMENTS) if style == "b"]

    def entries(self) -> list[int]:
        return [i for i in range(self.list.count()) if self.list.item(i).data(ROLE)]

    def move(self, step: int) -> None:  # type: ignore[override]
        rows = self.entries()
        if not rows:
            return
        current = self.list.currentRow()
        if current not in rows:
            row = rows[0] if step > 0 else rows[-1]
        else:
            row = rows[max(0, min(len(rows) - 1, rows.index(current) + step))]
        self.list.setCurrentRow(row)
        self.list.scrollToItem(self.list.item(row))

    def chosen(self) -> Target | None:
        """The entry Enter opens: the one moved to, else the first."""
        item = self.list.currentItem()
        if item is not None and item.data(ROLE):
            return item.data(ROLE)
        rows = self.entries()
        return self.list.item(rows[0]).data(ROLE) if rows else None

    def _clicked(self, item: QListWidgetItem) -> None:
        target = item.data(ROLE)
        if target:
            self.activated.emit(target)


def global_search_count(group: global_search.Group) -> str:
    """The N of "tout voir (N)": "12", "≥ 1 000" (a capped count), in French digit
    grouping."""
    from relations_app.text import number_fr

    at_least = not group.exact or not group.counted  # "b": names starting so, of more
    return ("≥ " if at_least else "") + number_fr(group.see_all)


class GlobalSearch(QObject):
    """The box and its results; tells the window what to open."""

    open_record = Signal(str, str)
    open_list = Signal(str, str, dict)  # section, search text, filters

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box = QLineEdit(window)
        self.box.setObjectName("globalSearch")
        self.box.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.box.setAccessibleName(self.tr("Search in all records"))
        self.box.setToolTip(
            self.tr("Names, titles, e-mails, phone numbers… Prefixes: contact:, programme:, pays:")
        )
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(160)
        self.box.setMaximumWidth(360)
        self.results = ResultsList(window)
        self.results.activated.connect(self._open)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # keystrokes already queued are taken together
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(self._timer.start)
        self.box.installEventFilter(self)
        self.last: global_search.Results | None = None

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        if self.box.text().strip():
            self._place()
            self.results.show()
            self.results.raise_()

    def run(self) -> None:
        self._timer.stop()
        text = self.box.text()
        if not text.strip():
            self.results.hide()
            self.last = None
            return
        try:
            self.last = global_search.search_everything(text, PER_TYPE)
        except Exception as exc:  # a database fault: said once, the box stays usable
            from ..kit.faults import show_error

            log.exception("global search failed")
            show_error(self.window, self.tr("Search"), exc, name="globalSearchFailed")
            return
        self.results.show_results(self.last)
        self._place()
        self.results.show()
        self.results.raise_()

    def _place(self) -> None:
        corner = self.box.mapTo(self.window, QPoint(0, self.box.height()))
        width = max(self.box.width(), 460)
        x = min(corner.x(), max(0, self.window.width() - width - 4))
        rows = self.results.list
        wanted = rows.sizeHintForRow(0) * rows.count() + 8 if rows.count() else 60
        height = max(60, min(wanted, self.window.height() - corner.y() - 30))
        self.results.setGeometry(x, corner.y() + 2, width, height)

    def _open(self, target: Target) -> None:
        self.results.hide()
        if target.record_id:
            self.open_record.emit(target.section, target.record_id)
        elif len(target.countries) == 1:  # "pays: canada": the list's country filter
            self.open_list.emit(target.section, "", {"country": target.countries[0]})
        else:  # several countries match: their names, as the list's search
            self.open_list.emit(target.section, target.search, {})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            if not isinstance(event, QKeyEvent):
                return False
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
                self.results.move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive() or self.last is None:
                    self.run()
                target = self.results.chosen() if self.results.isVisible() else None
                if target is not None:
                    self._open(target)
                return True
            if key == Qt.Key.Key_Escape and self.results.isVisible():
                self.results.hide()
                return True
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self._hide_unless_focused)
        return False

    def _hide_unless_focused(self) -> None:
        if not self.box.hasFocus():
            self.results.hide()


def install(window) -> GlobalSearch:
    """The box at the right of the window's toolbar, Ctrl+K to reach it (Ctrl+F too when
    no list has the focus: :meth:`MainWindow.focus_search`)."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QSizePolicy

    search = GlobalSearch(window)
    spacer = QWidget(window.toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    window.toolbar.addWidget(spacer)
    window.toolbar.addWidget(search.box)
    action = QAction(search.tr("Search everything"), window)
    action.setObjectName("globalSearchAction")
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.triggered.connect(search.focus)
    window.addAction(action)
    window.global_search_action = action
    search.open_record.connect(window.open_record)
    search.open_list.connect(window.show_filtered)
    return search
