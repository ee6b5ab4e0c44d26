"""Writing files so that a crash leaves either the old file or the new one, never half;
private folders.

Files are created owner-only (``mkstemp`` makes them 0600): exports and sheets hold people's
names, e-mails and phone numbers; so are the folders of the database and its copies.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(folder, DIR_MODE)


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
