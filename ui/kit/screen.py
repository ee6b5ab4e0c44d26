"""Windows and dialogs no larger than the screen they open on.

A dialog sized for a desktop monitor (the PDF preview asked for 960 pixels of height, the
Atlas import for 760) opens with its buttons below the bottom of an office laptop's
1366×768 screen, or 1280×720 at 125 % scaling (576 logical pixels): every size asked for
here is capped to the available area, the taskbar and the title bar left out.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Left for the window's title bar and frame, which the available area does not count.
FRAME_ALLOWANCE = 40


def available_size(widget: QWidget) -> QSize:
    """The area ``widget`` may cover on its screen (its parent's screen before it shows)."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(area.width(), max(200, area.height() - FRAME_ALLOWANCE))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, shrunk to what its screen can show."""
    room = available_size(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
