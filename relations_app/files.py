"""Writing files so that a crash leaves either the old file or the new one, never half.

Files are created owner-only (``mkstemp`` makes them 0600): exports and sheets hold people's
names, e-mails and phone numbers.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """UTF-8 text with Unix line ends."""
    return write_bytes_atomically(path, text.encode("utf-8"))
