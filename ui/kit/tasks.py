"""Background work under :class:`ui.kit.busy.Operation`: run a function off the GUI thread, hear back.

    handle = run_in_background(
        lambda ctx: build_pdfs(partner_ids, progress=ctx.progress, cancelled=ctx.is_cancelled),
        on_success=show_result, on_failure=show_error, on_progress=progress_bar.update,
    )
    cancel_button.clicked.connect(handle.cancel)

Every callback is delivered on the GUI thread (queued signals), so callbacks may touch
widgets.  The worker opens its own database connection (Peewee connections are per
thread) and closes it at the end.  A failure without ``on_failure`` is written to the log
(:mod:`relations_app.logs`).  Tests set ``INLINE = True`` to run tasks synchronously.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from relations_app import bootstrap, logs

INLINE = False


class Cancelled(Exception):
    """Raised inside a task (by ``ctx.check()``) when the user cancelled it."""


class TaskContext:
    """What the work function gets: progress reporting and the cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @classmethod
    def inline(cls) -> TaskContext:
        """For work run on the GUI thread: progress goes nowhere, nothing cancels it."""
        return cls(_Signals())

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    finished = Signal()


class TaskHandle:
    def __init__(self, context: TaskContext, signals: _Signals) -> None:
        self._context = context
        self.signals = signals
        self.done = False
        signals.finished.connect(self._mark_done)

    def _mark_done(self) -> None:
        self.done = True

    def cancel(self) -> None:
        self._context._cancel.set()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], context: TaskContext, signals: _Signals):
        super().__init__()
        self.fn, self.context, self.signals = fn, context, signals

    def run(self) -> None:
        try:
            with nullcontext() if INLINE else bootstrap.worker_connection():
                result = self.fn(self.context)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_live: set[TaskHandle] = set()


def _log_failure(_exc: Exception, trace: str) -> None:
    logs.logger.error("Background task failed:\n%s", trace.rstrip())


def run_in_background(
    fn: Callable[[TaskContext], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception, str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    on_finished: Callable[[], None] | None = None,
) -> TaskHandle:
    signals = _Signals()  # lives in the GUI thread: emits from the worker are queued
    context = TaskContext(signals)
    if on_failure is None:  # errors never disappear: nobody listens, the log does
        on_failure = _log_failure
    handle = TaskHandle(context, signals)
    for signal, callback in (
        (signals.succeeded, on_success),
        (signals.failed, on_failure),
        (signals.progress, on_progress),
        (signals.cancelled, on_cancelled),
        (signals.finished, on_finished),
    ):
        if callback is not None:
            signal.connect(callback)
    _live.add(handle)
    signals.finished.connect(lambda: _live.discard(handle))
    runnable = _Runnable(fn, context, signals)
    if INLINE:
        runnable.run()
    else:
        QThreadPool.globalInstance().start(runnable)
    return handle
