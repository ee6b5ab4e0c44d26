"""Long work (exports, imports, previews of big files) off the GUI thread, with a busy dialog.

:func:`run_busy` wraps :func:`ui.kit.tasks.run_in_background`: a window-modal progress dialog
(indeterminate, or with a bar when the work reports progress) shows meanwhile, so the
window repaints and the user sees something happens; it closes before the success or
failure callback runs.  Cancel drops the result (the work itself is not interrupted unless
it checks ``ctx``).  Failures get their French message (:mod:`ui.kit.faults`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from relations_app.location import DatabaseLocation

from . import tasks
from .faults import show_error

#: Below this many rows an import preview or apply runs on the GUI thread (instant anyway).
LARGE = 500


def run_busy(
    parent: QWidget,
    text: str,
    work: Callable[[tasks.TaskContext], Any],
    on_success: Callable[[Any], None],
    *,
    title: str = "",
    location: DatabaseLocation | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    cancellable: bool = True,
) -> tasks.TaskHandle:
    """Run ``work(ctx)`` in the background; ``on_success(result)`` on the GUI thread.

    Without ``on_failure`` a failure opens a warning with its French message.  Work that
    cannot stop half-way and whose result must be taken (a restore) is not ``cancellable``:
    the dialog has no Cancel button and ignores Escape.
    """
    progress = QProgressDialog(text, QCoreApplication.translate("busy", "Cancel"), 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)
    progress.setObjectName("busyDialog")
    progress.setWindowTitle(title or text)
    progress.setAccessibleName(text)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    # Qt 6 starts the 300 ms timer that shows the dialog only when the value is set to the
    # minimum: without this, work that reports no progress (a restore, a copy) showed
    # nothing for seconds.
    progress.setValue(0)
    state = {"cancelled": False, "finished": False}

    def finish() -> None:
        state["finished"] = True  # closing a progress dialog emits canceled(): not a cancel
        progress.reset()  # also stops its timer, which would show it later
        progress.close()
        progress.deleteLater()

    def cancelled() -> None:
        if not cancellable and not state["finished"]:
            progress.show()  # Escape closed it: the work goes on, and so does the dialog
            return
        if not state["finished"]:
            state["cancelled"] = True
            handle.cancel()

    def succeeded(result: Any) -> None:
        finish()
        if not state["cancelled"]:
            on_success(result)

    def failed(error: Exception, _trace: str) -> None:
        finish()
        if state["cancelled"]:
            return
        if on_failure is not None:
            on_failure(error)
            return
        show_error(parent, title or text, error, location)

    def progressed(done: int, total: int, message: str) -> None:
        progress.setMaximum(max(total, 0))
        progress.setValue(done)
        if message:
            progress.setLabelText(message)

    progress.canceled.connect(cancelled)
    handle = tasks.run_in_background(
        work, on_success=succeeded, on_failure=failed, on_progress=progressed, on_cancelled=finish
    )
    return handle
