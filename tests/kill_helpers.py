"""A real process killed with SIGKILL once it has written a staged file, for the tests of
crash leftovers."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
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


#: A process writing an export of contacts, killed after the staged file is written.
KILLED_DURING_EXPORT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from relations_app.files import write_text_atomically

    def stuck(src, dst):  # the export is written: the kill comes before the rename
        Path(sys.argv[2]).write_text(str(src))
        time.sleep(600)

    os.replace = stuck
    write_text_atomically(sys.argv[1], "Noémie Giguère, ngiguere@tmq.ca\\n" * 1000)
    """
)
