"""One retry for every service write: again when another connection held the lock.

The engine's own lock wait (SQLite's ``busy_timeout``) already waits inside a statement;
:func:`retry_if_busy` covers what it cannot (a lock held longer than the timeout, a stale
read snapshot).  Services wrap each whole write transaction in it, or decorate the
function with :func:`retrying`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from ..faults import is_busy
from .models import database

T = TypeVar("T")
P = ParamSpec("P")

ATTEMPTS = 3
PAUSE = 0.2  # seconds, times the attempt's number


def in_transaction() -> bool:
    """Inside an enclosing transaction a retry would not restart it: let the caller fail."""
    return database.obj is not None and not database.is_closed() and database.in_transaction()


def retry_if_busy(
    fn: Callable[[], T], *, attempts: int | None = None, pause: float | None = None
) -> T:
    """Run ``fn`` (a whole write transaction), again if another connection held the lock.

    ``fn`` must be safe to repeat: a transaction that failed was rolled back entirely.
    ``attempts`` and ``pause`` default to :data:`ATTEMPTS` and :data:`PAUSE`, read at the call.
    """
    attempts = ATTEMPTS if attempts is None else attempts
    pause = PAUSE if pause is None else pause
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as exc:
            if attempt == attempts or not is_busy(exc) or in_transaction():
                raise
        time.sleep(pause * attempt)
    raise AssertionError("unreachable")


def retrying(fn: Callable[P, T]) -> Callable[P, T]:
    """``fn`` run through :func:`retry_if_busy` (it must open its own transaction)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return retry_if_busy(lambda: fn(*args, **kwargs))

    return wrapper
