"""Temporary files a crash leaves in the backups folder, found and removed.

A copy is written under a hidden staging name and renamed when complete; a restore stages
the copy it puts back.  A kill in between leaves the staged file (and the engine's
``-journal``/``-wal``/``-shm`` beside it): each a full copy of the database, personal data
included, that nothing lists or thins.  The names are made here, and only files bearing
exactly these names are ever removed:

- ``.<copy name>.<pid>.tmp`` — a copy being made (:func:`staged_copy`);
- ``.restauration-<pid>-<UTC time>.db`` — a copy being restored (:func:`staged_restore`).

A copy made to a file of the person's choice (``backup FILE``) and an export are staged
beside their target, in a folder nothing else looks at: the journal of staged files
(:func:`relations_app.files.journaled`) names them, so they are found there too.

A leftover is a staged file whose process is gone (or, where that cannot be told, one
untouched for an hour: a copy being written is modified all along).  :func:`remove` is
called at start and before every copy; ``backups --check`` counts them
(:func:`find`); erasing a person lists those that remain.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from .files import is_leftover, journal_leftovers, journal_staged, sweep_journal
from .location import DatabaseLocation

RESTORE_PREFIX = ".restauration-"
_STAMP = "%Y%m%dT%H%M%SZ"


def staged_copy(target: Path) -> Path:
    """Where a copy to ``target`` is written before it is renamed to ``target``."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def staged_restore(folder: Path, now: datetime) -> Path:
    """Where a copy being restored is staged (in the backups folder)."""
    return folder / f"{RESTORE_PREFIX}{os.getpid()}-{now.strftime(_STAMP)}.db"


def _side_suffixes(location: DatabaseLocation) -> list[str]:
    """What the back end keeps beside a file it writes (SQLite: ``-journal``, ``-wal``,
    ``-shm``)."""
    probe = Path("x")
    return [p.name[len(probe.name) :] for p in location.backend().side_files(probe)]


def _patterns(location: DatabaseLocation) -> list[re.Pattern[str]]:
    """The staged names, each followed by nothing or one of the back end's side files."""
    suffixes = _side_suffixes(location)
    side = "(?:" + "|".join(re.escape(s) for s in suffixes) + ")?" if suffixes else ""
    stem = re.escape(location.name)
    return [
        re.compile(
            rf"^\.{stem}-\d{{8}}T\d{{6}}Z-[a-z][a-z-]*?(?:-\d+)?\.db\.(?P<pid>\d+)\.tmp{side}$"
        ),
        re.compile(rf"^{re.escape(RESTORE_PREFIX)}(?P<pid>\d+)-\d{{8}}T\d{{6}}Z\.db{side}$"),
    ]


def _staged(location: DatabaseLocation) -> list[tuple[Path, int]]:
    """(file, pid of its writer) of every staged file in this database's backups folder."""
    try:
        entries = list(location.backup_folder.iterdir())
    except OSError:  # no folder yet, or one that cannot be read
        return []
    patterns = _patterns(location)
    found = []
    for entry in entries:
        match = next((m for p in patterns if (m := p.match(entry.name))), None)
        if match is not None and entry.is_file():
            found.append((entry, int(match.group("pid"))))
    return sorted(found)


def staged(location: DatabaseLocation) -> list[Path]:
    """Every staged file, being written or left by a crash (sorted): in the backups
    folder, and wherever the journal names one."""
    found = [path for path, _pid in _staged(location)]
    return sorted(set(found + journal_staged(_side_suffixes(location))))


def find(location: DatabaseLocation) -> list[Path]:
    """The staged files that no running process is writing (sorted)."""
    found = [entry for entry, pid in _staged(location) if is_leftover(entry, pid)]
    return sorted(set(found + journal_leftovers(_side_suffixes(location))))


def size_of(paths: list[Path]) -> int:
    return sum(path.stat().st_size for path in paths if path.exists())


def remove(location: DatabaseLocation) -> list[Path]:
    """Delete the leftovers :func:`find` finds; return those deleted."""
    removed = sweep_journal(_side_suffixes(location))
    for path in find(location):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:  # still open elsewhere (Windows), or not ours to delete
            continue
        removed.append(path)
    return removed
