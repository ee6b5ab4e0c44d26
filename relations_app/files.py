"""Writing files so that a crash leaves either the old file or the new one, never half;
private folders.

Files are created owner-only (``mkstemp`` makes them 0600): exports and sheets hold people's
names, e-mails and phone numbers; so are the folders of the database and its copies.

A file is written as ``.NAME.<pid>-<random>.tmp`` beside it, then renamed.  A kill in
between leaves that file (a whole export, personal data included): the next write of the
same file removes it once its process is gone, and only files named exactly so.

Exports and copies go to folders the person chooses, which nothing else looks at: while a
staged file exists, a small note in the user's data folder (:func:`journal_dir`) names it
(:func:`journaled`).  A note left by a killed process is how the next start and
``backups --check`` find that staged file wherever it is (:func:`journal_leftovers`).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "Relations"
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
    return _sweep(path.parent, re.escape(path.name))


def remove_leftovers_in(folder: Path) -> list[Path]:
    """:func:`remove_leftovers_of` for every file of ``folder`` at once: a batch that
    writes thousands of files there sweeps once, not once per file (each sweep lists the
    whole folder)."""
    return _sweep(folder, r".+")


def _sweep(folder: Path, name: str) -> list[Path]:
    pattern = re.compile(rf"^\.{name}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp$")
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
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
    path: str | os.PathLike[str], mode: str = "wb", *, sweep: bool = True, **options: Any
) -> Iterator[IO[Any]]:
    """A private temporary file beside ``path``, renamed over it once the block is done
    (and synced); a failure removes it.  An error names ``path``, never the hidden
    temporary file (``.NAME.<pid>-<random>.tmp``), which the person has never heard of.
    ``sweep=False``: the caller has already swept the folder (:func:`remove_leftovers_in`)."""
    path = Path(path)
    if sweep:
        remove_leftovers_of(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with journaled(Path(tmp)):
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


def write_bytes_atomically(
    path: str | os.PathLike[str], data: bytes, *, sweep: bool = True
) -> Path:
    with atomic_file(path, sweep=sweep) as handle:
        handle.write(data)
    return Path(path)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """UTF-8 text with Unix line ends."""
    return write_bytes_atomically(path, text.encode("utf-8"))


# -- the journal of staged files -------------------------------------------------------------

_NOTE = re.compile(r"^(\d+)-[0-9a-f]{16}\.staged$")


def journal_dir() -> Path:
    """The folder of notes naming the staged files being written (the user's data folder)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "staged"


@contextmanager
def journaled(staged: Path) -> Iterator[None]:
    """A note names ``staged`` while the block runs (a hidden file being written); the note
    goes with the block.  A note that cannot be written (a read-only data folder) is logged
    and the work goes on: the file's own folder is still swept when it is written again."""
    note = journal_dir() / f"{os.getpid()}-{secrets.token_hex(8)}.staged"
    try:
        ensure_private_dir(note.parent)
        note.write_text(str(staged.absolute()), encoding="utf-8")
    except OSError:
        log.warning("Could not note the staged file %s in the journal", staged, exc_info=True)
    try:
        yield
    finally:
        note.unlink(missing_ok=True)


def _notes() -> list[tuple[Path, Path, int]]:
    """(note, staged file it names, writer's pid) of every note in the journal."""
    try:
        entries = list(journal_dir().iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NOTE.match(entry.name)
        if match is None:
            continue
        try:
            staged = Path(entry.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            continue
        # only hidden staged names are ever taken from a note: never a file of the person's
        if staged.is_absolute() and staged.name.startswith("."):
            found.append((entry, staged, int(match.group(1))))
    return sorted(found, key=lambda found: str(found[1]))


def _with_sides(staged: Path, side_suffixes: Sequence[str]) -> list[Path]:
    paths = [staged] + [staged.with_name(staged.name + s) for s in side_suffixes]
    return [path for path in paths if path.is_file()]


def journal_staged(side_suffixes: Sequence[str] = ()) -> list[Path]:
    """Every staged file the journal names that exists, being written or left by a kill
    (with the files its engine keeps beside it, e.g. ``-journal``)."""
    return [p for _note, staged, _pid in _notes() for p in _with_sides(staged, side_suffixes)]


def journal_leftovers(side_suffixes: Sequence[str] = ()) -> list[Path]:
    """The staged files the journal names whose writer is gone (see :func:`is_leftover`)."""
    found = []
    for _note, staged, pid in _notes():
        if staged.is_file() and is_leftover(staged, pid):
            found.extend(_with_sides(staged, side_suffixes))
    return found


def sweep_journal(side_suffixes: Sequence[str] = ()) -> list[Path]:
    """Delete the staged files of killed writers and the notes nothing needs any more
    (their file is gone, or it was deleted now); return the files deleted."""
    removed: list[Path] = []
    for note, staged, pid in _notes():
        if staged.is_file() and not is_leftover(staged, pid):
            continue  # being written
        for path in _with_sides(staged, side_suffixes):
            try:
                path.unlink()
            except OSError:  # still open elsewhere (Windows), or not ours to delete
                continue
            removed.append(path)
        if not staged.exists():
            note.unlink(missing_ok=True)
    return removed
