"""The one way to run a long operation: :class:`Operation`, a builder in the manner of Anki's.

    Operation(window, tr("Importing…"), lambda ctx: apply(preview, ctx)).title(tr("Import"))
        .success(show_result).failure(refused).inline(is_small(path)).run()

The work runs off the GUI thread (:func:`ui.kit.tasks.run_in_background`) under a
window-modal busy dialog that appears after 300 ms (indeterminate, or with a bar once the
work reports ``ctx.progress(done, total, text)``), so the window repaints; the dialog
closes before ``success(result)`` or ``failure(exc)`` runs, both on the GUI thread.
Without ``failure`` the error is shown by :func:`ui.kit.faults.show_error`.

Small jobs (``inline(True)``, decided with the one threshold :func:`is_small`) run on the
GUI thread without a dialog: instant anyway, and simpler to follow.

The cancel protocol: Cancel sets the context's flag; the work polls ``ctx.check()`` at
each step, which raises :class:`ui.kit.tasks.Cancelled` — inside the domain's transaction,
so what it wrote is rolled back — and a result that arrives after Cancel is dropped.  Work
that cannot stop half-way and whose result must be taken (a restore) is built
``without_cancel()``: the dialog has no Cancel button and ignores Escape.  Work that stops
cleanly at Cancel and returns what it did (a batch of files) names ``after_cancel(show)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from relations_app.location import DatabaseLocation

from . import tasks
from .faults import show_error

#: Below this size a file is read, previewed and imported on the GUI thread.
SMALL_FILE = 256 * 1024
SHOW_AFTER_MS = 300


def is_small(path: Path | None) -> bool:
    """The one "run it inline" threshold: a file under :data:`SMALL_FILE` (or unreadable,
    so that the reader says what is wrong with it at once)."""
    if path is None:
        return True
    try:
        return path.stat().st_size < SMALL_FILE
    except OSError:
        return True


class Operation:
    """A long operation, built step by step, then :meth:`run`."""

    def __init__(
        self, parent: QWidget, text: str, work: Callable[[tasks.TaskContext], Any]
    ) -> None:
        self.parent, self.text, self.work = parent, text, work
        self._title = ""
        self._location: DatabaseLocation | None = None
        self._name = "busyDialog"
        self._success: Callable[[Any], None] = lambda _result: None
        self._failure: Callable[[Exception], None] | None = None
        self._cancellable = True
        self._inline = False
        self._after_cancel: Callable[[Any], None] | None = None

    def title(self, title: str) -> Operation:
        self._title = title
        return self

    def named(self, name: str) -> Operation:
        """The busy dialog's object name (tests and accessibility find it by it)."""
        self._name = name
        return self

    def database(self, location: DatabaseLocation | None) -> Operation:
        """The database named in the messages of storage faults."""
        self._location = location
        return self

    def success(self, on_success: Callable[[Any], None]) -> Operation:
        self._success = on_success
        return self

    def failure(self, on_failure: Callable[[Exception], None]) -> Operation:
        self._failure = on_failure
        return self

    def after_cancel(self, on_result: Callable[[Any], None]) -> Operation:
        """Work that stops cleanly at Cancel and returns what it did so far (a batch of
        files): that result is given to ``on_result`` instead of being dropped."""
        self._after_cancel = on_result
        return self

    def without_cancel(self) -> Operation:
        self._cancellable = False
        return self

    def inline(self, small: bool = True) -> Operation:
        """Run on the GUI thread without a dialog when ``small``."""
        self._inline = small
        return self

    def _failed(self, error: Exception) -> None:
        if self._failure is not None:
            self._failure(error)
        else:
            show_error(self.parent, self._title or self.text, error, self._location)

    def run(self) -> tasks.TaskHandle:
        """Start it; the task's handle (already done when it ran inline)."""
        if not self._inline:
            return self._in_background()
        context = tasks.TaskContext.inline()
        handle = tasks.TaskHandle(context, context._signals)
        handle.done = True
        try:
            result = self.work(context)
        except tasks.Cancelled:
            return handle
        except Exception as exc:
            self._failed(exc)
            return handle
        self._success(result)
        return handle

    def _dialog(self) -> QProgressDialog:
        cancel = QCoreApplication.translate("busy", "Cancel")
        progress = QProgressDialog(self.text, cancel, 0, 0, self.parent)
        if not self._cancellable:
            progress.setCancelButton(None)
        progress.setObjectName(self._name)
        progress.setWindowTitle(self._title or self.text)
        progress.setAccessibleName(self.text)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        # Qt 6 starts the timer that shows the dialog only when the value is set to the
        # minimum: without this, work that reports no progress (a restore, a copy) showed
        # nothing for seconds.
        progress.setValue(0)
        return progress

    def _in_background(self) -> tasks.TaskHandle:
        progress = self._dialog()
        state = {"cancelled": False, "finished": False}

        def finish() -> None:
            state["finished"] = True  # closing a progress dialog emits canceled(): not a cancel
            progress.reset()  # also stops its timer, which would show it later
            progress.close()
            progress.deleteLater()

        def cancelled() -> None:
            if not self._cancellable and not state["finished"]:
                progress.show()  # Escape closed it: the work goes on, and so does the dialog
                return
            if not state["finished"]:
                state["cancelled"] = True
                handle.cancel()

        def succeeded(result: Any) -> None:
            finish()
            if not state["cancelled"]:
                self._success(result)
            elif self._after_cancel is not None:
                self._after_cancel(result)

        def failed(error: Exception, _trace: str) -> None:
            finish()
            if not state["cancelled"]:
                self._failed(error)

        def progressed(done: int, total: int, message: str) -> None:
            progress.setMaximum(max(total, 0))
            progress.setValue(min(done, total) if total > 0 else done)
            progress.setLabelText(f"{self.text}\n{message}" if message else self.text)

        progress.canceled.connect(cancelled)
        handle = tasks.run_in_background(
            self.work,
            on_success=succeeded,
            on_failure=failed,
            on_progress=progressed,
            on_cancelled=finish,
        )
        return handle
