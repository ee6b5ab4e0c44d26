"""Work that waits for a window's first paint: on two cores, anything begun before it
shares them with the window's own start (Qt's first layout and paint).

:func:`after_first_paint` runs a function on the event loop's turn after the window (or
a widget in it) first painted, e.g. the start's whole-file check or the dashboard's
reads, which then run off the GUI thread; :func:`after_next_paint` after a widget's next
paint, e.g. the dashboard's data checks once its lists, map and chart are on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: The window property set once it has painted.
PAINTED = "relationsPainted"
#: A window that is never painted (started minimised) still gets its check this soon.
PAINT_WAIT_MS = 3000


class _FirstPaint(QObject):
    """Calls back, on the event loop's turn after ``window`` (or a widget in it) has first
    painted, or after :data:`PAINT_WAIT_MS` if it never does (one per window)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.callbacks: list[Callable[[], None]] = []
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QTimer.singleShot(0, self, self._fire)  # once this paint is over
        return False

    def _fire(self) -> None:
        QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        self.window.setProperty(PAINTED, True)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``window`` has painted (at once if it already has)."""
    if window.property(PAINTED):
        callback()
        return
    waiter = window.findChild(_FirstPaint)
    if waiter is None:
        waiter = _FirstPaint(window)
    waiter.callbacks.append(callback)


class _NextPaint(QObject):
    """Calls back once, on the event loop's turn after ``widget`` next paints (or after
    :data:`PAINT_WAIT_MS` if it does not: hidden, minimised)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.widget:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # once this paint is over
        return False

    def _fire(self) -> None:
        callback, self.callback = self.callback, None
        if callback is None:
            return
        self.widget.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``widget`` has painted again (after an ``update()``): work
    that would share the cores with showing what was just filled in waits for it."""
    _NextPaint(widget, callback)
