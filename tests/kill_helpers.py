"""A real process killed with SIGKILL once it has written a staged file, for the tests of
crash leftovers."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path


def killed_once_staged(script: str, target: Path, marker: Path) -> tuple[Path, int]:
    """Run ``script`` (argv: target, marker; it writes the staged file's path into marker
    and then hangs) and kill it; return the staged file and the dead process's pid."""
    proc = subprocess.Popen([sys.executable, "-c", script, str(target), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "nothing got staged"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    return Path(marker.read_text()), proc.pid
