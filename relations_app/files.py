"""Writing files so that a crash leaves either the old file or the new one, never half;
private folders.

Files are created owner-only (``mkstemp`` makes them 0600): exports and sheets hold people's
names, e-mails and phone numbers; so are the folders of the database and its copies.

A file is written as ``.NAME.<pid>-<random>.tmp`` beside it, then renamed.  A kill in
between leaves that file (a whole export, personal data included): the next write of the
same file removes it once its process is gone, and only files named exactly so.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(folder, DIR_MODE)


STALE_AFTER = 3600.0  # seconds untouched after which a staged file is a leftover anyway


def process_running(pid: int) -> bool:
    """Whether process ``pid`` still runs; True when it cannot be told (not POSIX)."""
    if os.name != "posix" or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True


def is_leftover(path: Path, pid: int | None) -> bool:
    """A staged file no running process writes: its writer ``pid`` is gone, or (unknown
    writer, or one that cannot be told) it was untouched for :data:`STALE_AFTER`."""
    try:
        stale = time.time() - path.stat().st_mtime > STALE_AFTER
    except FileNotFoundError:
        return False
    return stale or (pid is not None and not process_running(pid))


def remove_leftovers_of(path: Path) -> list[Path]:
    """Delete what killed writes of ``path`` left beside it: ``.NAME.<pid>-<random>.tmp``
    (and ``.NAME.<random>.tmp``, the earlier naming, once stale)."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp$")
    removed: list[Path] = []
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        if is_leftover(entry, int(match.group(1)) if match.group(1) else None):
            try:
                entry.unlink()
            except OSError:  # still open elsewhere (Windows), or not ours to delete
                continue
            removed.append(entry)
    return removed


@contextmanager
def atomic_file(
    path: str | os.PathLike[str], mode: str = "wb", **options: Any
) -> Iterator[IO[Any]]:
    """A private temporary file beside ``path``, renamed over it once the block is done
    (and synced); a failure removes it.  An error names ``path``, never the hidden
    temporary file (``.NAME.<pid>-<random>.tmp``), which the person has never heard of."""
    path = Path(path)
    remove_leftovers_of(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, mode, **options) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    with atomic_file(path) as handle:
        handle.write(data)
    return Path(path)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """UTF-8 text with Unix line ends."""
    return write_bytes_atomically(path, text.encode("utf-8"))
