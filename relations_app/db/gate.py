"""Writes wait while the whole-file check that runs after the window has shown is under way.

The window shows first and the check (SQLite's ``quick_check`` and the foreign keys, about
half a second on a quarter-million contacts) runs in the background
(:func:`relations_app.bootstrap.finish_start_check`).  Until it has passed, every
transaction waits at its start (:meth:`WriteGate.wait`, called by the back end when a
transaction begins); a damaged file found then refuses every later write with the
check's own French message, and the window offers the latest good copy.  No write ever
reaches a file that was not checked.
"""

from __future__ import annotations

import threading


class WriteGate:
    """Open unless a start check is under way (:meth:`close`) or has failed (:meth:`refuse`)."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._refusal: Exception | None = None

    @property
    def pending(self) -> bool:
        """A check is under way: a transaction begun now waits for it."""
        return not self._open.is_set()

    def close(self) -> None:
        self._refusal = None
        self._open.clear()

    def open(self) -> None:
        self._refusal = None
        self._open.set()

    def refuse(self, error: Exception) -> None:
        """The check failed: every transaction begun from now on raises ``error``."""
        self._refusal = error
        self._open.set()

    def wait(self) -> None:
        self._open.wait()
        if self._refusal is not None:
            raise self._refusal


GATE = WriteGate()
