"""An unexpected error: written to the log, shown once in French, and the window goes on.

:func:`install` (called as the window starts) routes Qt's own messages to the log
(:mod:`relations_app.logs`) and has every uncaught exception — in a slot, in a thread —
shown by :func:`show_unexpected`: one dialog with a short French sentence, a "Copy the
details" button that puts the traceback on the clipboard, and where the log file is.  The
traceback never appears in the dialog itself.  Errors that follow while the dialog is open
are added to its details instead of opening more dialogs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from relations_app import logs


def short_message(exc: BaseException) -> str:
    """One sentence for a person: the exception's own words, never its traceback."""
    words = " ".join(str(exc).split()) or type(exc).__name__
    if len(words) > 300:
        words = words[:297] + "…"
    return QCoreApplication.translate("crash", "An unexpected error occurred: %1").replace(
        "%1", words
    )


class UnexpectedErrorDialog(QDialog):
    """The one dialog for a bug: short message, log location, details to the clipboard."""

    def __init__(self, parent: QWidget | None, exc: BaseException, trace: str) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedError")
        self.setWindowTitle(QCoreApplication.translate("crash", "Unexpected error"))
        self.trace = trace
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        self.message = QLabel(short_message(exc))
        self.message.setObjectName("unexpectedErrorMessage")
        self.message.setWordWrap(True)
        where = QCoreApplication.translate(
            "crash",
            "The application keeps running; you may need to redo your last action. "
            "The details are written to the log: %1",
        ).replace("%1", str(logs.log_path()))
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.addWidget(self.message)
        texts.addWidget(self.where)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addLayout(texts, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = QPushButton(QCoreApplication.translate("crash", "Copy the details"))
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def add(self, exc: BaseException, trace: str) -> None:
        """A further error while this dialog is open: into the details, no new dialog."""
        self.trace = f"{self.trace}\n{trace}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.message.text()}\n\n{self.trace}")
        self.copy_button.setText(QCoreApplication.translate("crash", "Details copied"))


_open: UnexpectedErrorDialog | None = None


def current_dialog() -> UnexpectedErrorDialog | None:
    """The unexpected-error dialog on screen, if any (tests, and the one-dialog rule)."""
    return _open


def close_dialog() -> None:
    """Close the unexpected-error dialog if one is open (tests)."""
    global _open
    if _open is not None:
        _open.done(QDialog.DialogCode.Accepted)
        _open = None


def show_unexpected(
    parent: QWidget | None, exc: BaseException, trace: str = "", *, block: bool = False
) -> None:
    """Show ``exc`` (already logged, with ``trace``) in the one dialog.

    ``block`` waits for the person to close it (as any error message does); the exception
    hook does not block, since it runs in the middle of whatever Qt was doing.
    """
    global _open
    from . import faults

    if faults.connection_handler is not None and faults.connection_handler(exc):
        return  # the server's connection lost: the window's banner says so
    trace = trace or logs.format_trace(exc)
    if _open is not None:
        _open.add(exc, trace)
        return
    if parent is None:
        parent = QApplication.activeWindow()
    dialog = UnexpectedErrorDialog(parent, exc, trace)

    def closed() -> None:
        global _open
        _open = None
        dialog.deleteLater()

    dialog.finished.connect(closed)
    _open = dialog
    if block:
        dialog.exec()
    else:
        dialog.open()


class _Bridge(QObject):
    """Brings an error reported on any thread to the GUI thread (queued signal)."""

    reported = Signal(object, str)


_bridge: _Bridge | None = None

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def install() -> None:
    """Log Qt's messages, and show every uncaught exception in the one dialog.

    Call once the ``QApplication`` exists; :func:`relations_app.logs.setup` must have run.
    """
    global _bridge
    qInstallMessageHandler(_qt_message)
    if _bridge is None:
        _bridge = _Bridge()  # created on the GUI thread: emits from workers are queued
        _bridge.reported.connect(lambda exc, trace: show_unexpected(None, exc, trace))
    logs.set_reporter(_bridge.reported.emit)


def uninstall() -> None:
    """Back to Qt's default message handler and a log-only report (tests)."""
    qInstallMessageHandler(None)
    logs.set_reporter(None)
