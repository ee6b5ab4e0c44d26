"""The automatic copies made while the window is open, and the one made at exit.

Every :data:`CHECK_EVERY_MS` the timer asks :func:`relations_app.backups.maybe_backup` for a
copy, only if something changed since the last one (an undo-stack step, a command, an
import, a trash operation: :meth:`AutoBackup.mark_changed`); the domain itself keeps at
most one copy every 30 minutes.  The copy is made off the GUI thread; a failure shows in
the status bar (a timer must not pop up dialogs).  :meth:`AutoBackup.at_exit` runs when
the window closes, after the unsaved-changes prompts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from relations_app import backups
from relations_app.location import DatabaseLocation

from ..kit import tasks
from ..kit.faults import any_error_text, show_error

CHECK_EVERY_MS = 5 * 60 * 1000


class AutoBackup(QObject):
    def __init__(self, window: QMainWindow, location: DatabaseLocation) -> None:
        super().__init__(window)
        self.window = window
        self.location = location
        self.changed = False
        self.running = False
        self.last_copy: Path | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def mark_changed(self, *_args) -> None:
        self.changed = True

    def tick(self) -> tasks.TaskHandle | None:
        """A copy if something changed (and the last one is 30 minutes old)."""
        if not self.changed or self.running:
            return None
        self.running = True
        path = self.location
        return tasks.run_in_background(
            lambda _ctx: backups.maybe_backup(path, changed_since_last=True),
            on_success=self._done,
            on_failure=self._failed,
            on_finished=self._finished,
        )

    def _done(self, copy: Path | None) -> None:
        if copy is not None:
            self.changed = False
            self.last_copy = copy
            self.window.statusBar().showMessage(
                self.tr("Automatic copy saved: %1").replace("%1", copy.name), 8000
            )

    def _failed(self, error: Exception, _trace: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The automatic copy failed: %1").replace(
                "%1", any_error_text(error, self.location)
            ),
            30000,
        )

    def _finished(self) -> None:
        self.running = False

    def at_exit(self) -> Path | None:
        """The copy made on closing; a failure is said but does not keep the window open."""
        self.timer.stop()
        try:
            return backups.backup_at_exit(self.location)
        except Exception as exc:
            show_error(
                self.window,
                self.tr("Copy at exit"),
                exc,
                self.location,
                name="exitCopyError",
                template=self.tr("The copy made at exit failed: %1"),
            )
            return None
