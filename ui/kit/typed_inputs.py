"""Line edits for dates, times and amounts: they read what people type and show the result
the way the rest of the window does.

A date field accepts ``7/6/27``, ``juin 2027``, ``2027`` or ISO, shows "7 juin 2027" once
left, and has a calendar (its button, or Alt+Down) to pick a day; a time field shows
``08:30`` for ``8 h 30``; an amount shows "10 500 €" while it is edited too.  Reading is the
domain's (:mod:`relations_app.dates`, :func:`relations_app.validation.clean_money`): text it
cannot read is handed back as typed, and the service's refusal says why under the field.
Each edit is a ``QLineEdit``, so forms, tests and screen readers treat it as one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from relations_app.dates import DateInputError, parse_date, parse_time
from relations_app.validation import ValidationError, clean_money

from . import labels


class TypedEdit(QLineEdit):
    """A line edit whose text is read by ``_read`` and shown again by ``_show``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.tidy)

    def _read(self, text: str) -> Any:  # the stored value; raises ValueError if unreadable
        raise NotImplementedError

    def _show(self, value: Any) -> str:
        raise NotImplementedError

    def value(self) -> Any:
        """The stored form of what is typed (ISO date, "HH:MM", "10500.00"), or the text
        itself when it cannot be read (the service then says why)."""
        text = self.text()
        if not text.strip():
            return ""
        try:
            return self._read(text)
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        self.setText("" if value in (None, "") else self._show(value))

    def tidy(self) -> None:
        """Show a readable text the usual way, without counting as a change."""
        try:
            stored = self._read(self.text())
        except ValueError:
            return
        shown = self._show(stored)
        try:
            same = self._read(shown) == stored
        except ValueError:
            same = False
        if same and shown != self.text():
            blocked = self.blockSignals(True)
            self.setText(shown)
            self.blockSignals(blocked)


class DateEdit(TypedEdit):
    """A date as typed; the calendar button (or Alt+Down) picks a day."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(
            QCoreApplication.translate("typed_inputs", "e.g. 7/6/2027, June 2027 or 2027")
        )
        self.calendar_action = QAction(
            _calendar_icon(),
            QCoreApplication.translate("typed_inputs", "Pick from the calendar"),
            self,
        )
        self.calendar_action.setToolTip(
            QCoreApplication.translate("typed_inputs", "Pick from the calendar (Alt+Down)")
        )
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None

    def _read(self, text: str) -> str:
        try:
            return parse_date(text)
        except DateInputError as exc:
            raise ValueError(exc.reason) from None

    def _show(self, value: Any) -> str:
        return labels.date(str(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """A month calendar under the field, on the typed day (or today); Échap closes it."""
        if self.calendar is None:
            self.calendar = _CalendarPopup(self)
            self.calendar.setObjectName("date_calendar")
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._pick)
            self.calendar.activated.connect(self._pick)
        calendar = self.calendar
        calendar.setFirstDayOfWeek(
            Qt.DayOfWeek.Monday if labels.language() == "fr" else Qt.DayOfWeek.Sunday
        )
        calendar.setSelectedDate(self._day_shown())
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()

    def _day_shown(self) -> QDate:
        stored = self.value()
        parts = stored.split("-") if isinstance(stored, str) and stored[:4].isdigit() else []
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            numbers = []
        if not numbers:
            return QDate.currentDate()
        year, month, day = (*numbers, 1, 1)[:3]
        return QDate(year, month, day)

    def _pick(self, day: QDate) -> None:
        self.setText(labels.date(day.toString("yyyy-MM-dd")))  # textChanged: a change
        if self.calendar is not None:
            self.calendar.close()
        self.setFocus()
        self.picked.emit()


class _CalendarPopup(QCalendarWidget):
    """The calendar of a date field: a popup that Échap closes, giving the field back."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.field = field

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            self.field.setFocus()
            return
        super().keyPressEvent(event)


class TimeEdit(TypedEdit):
    """A time of day: ``8h``, ``8 h 30`` or ``08:30``, shown as ``08:30``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(
            QCoreApplication.translate("typed_inputs", "e.g. 8h, 8 h 30 or 08:30")
        )

    def _read(self, text: str) -> str:
        try:
            return parse_time(text)
        except DateInputError as exc:
            raise ValueError(exc.reason) from None

    def _show(self, value: Any) -> str:
        return str(value)


class MoneyEdit(TypedEdit):
    """An amount in euros, shown as "10 500 €" (cents only when there are some)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(
            QCoreApplication.translate("typed_inputs", "e.g. 10 500 or 10 500,50")
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _read(self, text: str) -> str:
        try:
            return str(clean_money(text, "amount"))
        except ValidationError as exc:
            raise ValueError(exc.reason) from None

    def _show(self, value: Any) -> str:
        return labels.money(Decimal(str(value)))


def shown_value(kind: str, value: Any) -> str:
    """How a stored value of a field of ``kind`` is shown in an edit or a table cell."""
    if value in (None, ""):
        return ""
    if kind == "date":
        return labels.date(str(value))
    if kind == "money":
        try:
            return labels.money(Decimal(str(value)))
        except ArithmeticError:
            return str(value)
    return str(value)


def _calendar_icon() -> QIcon:
    """A small calendar page, drawn (no image file to find in a bundle)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#555555"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRect(3, 6, 26, 23), 3, 3)
    painter.fillRect(QRect(4, 7, 25, 6), QColor("#b03a2e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#555555"))
    for row in range(3):
        for column in range(4):
            painter.drawRect(QRect(7 + column * 5, 16 + row * 4, 3, 2))
    painter.end()
    return QIcon(pixmap)
