"""Another program holding the database's write lock, for the tests of busy databases."""

from __future__ import annotations

import sqlite3
import threading
import time


def hold_lock(path, seconds, begin="BEGIN EXCLUSIVE"):
    """Another connection holding the write lock for ``seconds`` (in a thread)."""
    ready = threading.Event()

    def run():
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(begin)
        ready.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=run)
    thread.start()
    ready.wait()
    return thread
