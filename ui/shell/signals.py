"""SIGTERM and SIGHUP (a logout, a shutdown, ``kill``) close the window as Ctrl+Q does.

Without this, Python's default action ends the process at once: no copy at exit, the WAL
left un-checkpointed.  A Python signal handler alone is not enough either: it only runs
when the interpreter gets control, and while Qt's event loop waits in C++ that can be never.
So the handler is a no-op and :func:`signal.set_wakeup_fd` writes the signal's number to
one end of a socket pair; a :class:`QSocketNotifier` on the other end wakes the event loop,
and the slot closes the open dialogs and then the main windows, whose ``closeEvent`` makes
the exit copy (:meth:`ui.safety.autobackup.AutoBackup.at_exit`, which checkpoints the WAL).
Unsaved edits are prompted for exactly as with Ctrl+Q.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QMainWindow

logger = logging.getLogger(__name__)


def closing_signals() -> list[signal.Signals]:
    """The signals that mean "the session is ending" on this system (Windows has no SIGHUP)."""
    return [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def close_everything() -> None:
    """What Ctrl+Q does, for every window: modal dialogs first, so that close can proceed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    seen: set[int] = set()
    while (modal := app.activeModalWidget()) is not None and id(modal) not in seen:
        seen.add(id(modal))
        modal.close()
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            widget.close()


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the work is done by the notifier, in the event loop."""


class SignalBridge(QObject):
    """Owns the socket pair and the notifier; :meth:`uninstall` restores the previous state."""

    def __init__(
        self, on_signal: Callable[[], None] = close_everything, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.on_signal = on_signal
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handlers = {
            signum: signal.signal(signum, _ignore) for signum in closing_signals()
        }
        self.notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._wake)

    def _wake(self, *_args: object) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        closing = [signum for signum in data if signum in closing_signals()]
        self.received.extend(closing)
        if closing:
            names = ", ".join(signal.Signals(signum).name for signum in closing)
            logger.info("%s received: closing the windows as Ctrl+Q does", names)
            self.on_signal()

    def uninstall(self) -> None:
        self.notifier.setEnabled(False)
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def install(app: QApplication) -> SignalBridge:
    """From now on a closing signal closes the windows; call once, from the main thread."""
    bridge = SignalBridge(parent=app)
    app.aboutToQuit.connect(bridge.uninstall)
    names = ", ".join(signum.name for signum in closing_signals())
    logger.info("Window open; %s will close it as Ctrl+Q does", names)
    return bridge
