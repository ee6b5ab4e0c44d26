"""Copies of the database: made automatically, thinned like Anki's, listed, restored at once.

Copies live in a ``backups`` folder beside the database, readable by the owner only, one
self-contained SQLite file each, named ``<stem>-<UTC time>-<reason>.db``
(``relations-20250131T142501Z-demarrage.db``).  Automatic copies are made

- at start, before any migration (:func:`backup_at_start`, called by :mod:`.bootstrap`),
  when the file changed since the newest copy or a migration is about to run;
- while changes are made, at most every 30 minutes (:func:`maybe_backup`, which the window
  calls on a timer);
- at exit (:func:`backup_at_exit`).

After each copy the folder is thinned (:func:`backups_to_keep`): the 10 newest copies, one
a day for two weeks, one a week for three months; older ones are deleted.  A damaged
database is never copied into the folder, so a good copy is never thinned away in favour
of a bad one.

:func:`restore_backup` checks the copy first, keeps a copy of the current state, then
replaces the whole content in one transaction; a broken copy changes nothing.

The window's dialogs use :func:`list_backups` (date, reason, size, record counts),
:func:`create_backup` (Fichier › Sauvegarder une copie…) and :func:`restore_backup`
(Fichier › Restaurer…).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from . import jsonio
from .db import migrations, storage
from .db.models import database
from .errors import UserError
from .records import RECORD_TYPES
from .services import base

BACKUP_DIRNAME = "backups"
KEEP_LATEST = 10
DAILY_FOR = timedelta(days=14)
WEEKLY_FOR = timedelta(days=91)  # three months
AUTO_INTERVAL = timedelta(minutes=30)
STAGING_PREFIX = ".restauration-"

#: reason in the file name -> how the dialog shows it
REASONS = {
    "demarrage": "au démarrage",
    "auto": "pendant le travail",
    "fermeture": "à la fermeture",
    "manuelle": "copie demandée",
    "avant-restauration": "avant une restauration",
    "avant-import": "avant un import",
}

#: what a copy is described by: collection -> table, in the order summaries name them
COUNTED = {key: kind.area.model._meta.table_name for key, kind in RECORD_TYPES.items()}

_STAMP = "%Y%m%dT%H%M%SZ"


def short_problem(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class BackupError(UserError):
    """A copy cannot be made, read or restored; the message is in French."""


@dataclass(frozen=True)
class BackupInfo:
    """One copy, as the restore dialog lists it."""

    path: Path
    created: datetime  # aware, UTC; show it with .astimezone()
    reason: str  # a key of REASONS ("" for a file named otherwise)
    size: int  # bytes
    schema_version: int | None = None
    counts: Mapping[str, int] = field(default_factory=dict)  # collection -> records
    problems: tuple[str, ...] = ()  # filled when the copy was checked and is damaged

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, "copie")

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> str:
        """The first problem on one short line (quick_check can report pages of them)."""
        return short_problem(self.problems[0]) if self.problems else ""

    def summary(self) -> str:
        """ "16 partenaires, 14 programmes, …" (French)."""
        return (
            ", ".join(
                jsonio.counted(name, self.counts[name]) for name in COUNTED if name in self.counts
            )
            or "aucun enregistrement"
        )

    def describe(self) -> str:
        when = self.created.astimezone().strftime("%d/%m/%Y à %H:%M")
        return f"copie du {when} ({self.reason_label}) : {self.summary()}"


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None  # the state just before the restore
    migrated: list[int]  # schema migrations applied to the restored content

    def describe(self) -> str:
        text = f"Base restaurée depuis la {self.restored.describe()}."
        if self.safety_copy:
            text += f" L'état précédent est gardé dans {self.safety_copy}."
        return text


# -- where copies live --------------------------------------------------------------------


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIRNAME


def _pattern(db_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(db_path).stem)
    return re.compile(rf"^{stem}-(\d{{8}}T\d{{6}}Z)-([a-z][a-z-]*?)(?:-(\d+))?\.db$")


def _stamp_of(name: str, pattern: re.Pattern[str]) -> tuple[datetime, str] | None:
    match = pattern.match(name)
    if not match:
        return None
    created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    return created, match.group(2)


def _own_copies(db_path: Path) -> list[tuple[datetime, str, Path]]:
    """(time, reason, path) of this database's copies, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            created, reason = _stamp_of(entry.name, pattern)
            found.append((created, int(match.group(3) or 1), reason, entry))
    found.sort(key=lambda item: item[:2], reverse=True)  # same second: "-2" is the later one
    return [(created, reason, entry) for created, _n, reason, entry in found]


def _new_path(db_path: Path, reason: str, now: datetime) -> Path:
    folder = backup_dir(db_path)
    base = f"{Path(db_path).stem}-{now.astimezone(UTC).strftime(_STAMP)}-{reason}"
    candidate, n = folder / f"{base}.db", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.db"
    return candidate


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


# -- listing -------------------------------------------------------------------------------


def describe_file(
    path: Path, *, check: bool = False, created: datetime | None = None, reason: str = ""
) -> BackupInfo:
    """A :class:`BackupInfo` for any database file (``check`` runs quick_check on it)."""
    path = Path(path)
    tables = dict(COUNTED)
    info = storage.inspect_file(path, tables, check=check)
    if created is None:
        created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupInfo(
        path=path,
        created=created,
        reason=reason,
        size=path.stat().st_size,
        schema_version=info.schema_version,
        counts=info.counts,
        problems=tuple(info.problems),
    )


def list_backups(db_path: Path, *, check: bool = False) -> list[BackupInfo]:
    """This database's copies, newest first, with date, reason, size and record counts.

    Each copy is opened read-only; ``check`` also runs ``quick_check`` on each (slower).
    """
    return [
        describe_file(path, check=check, created=created, reason=reason)
        for created, reason, path in _own_copies(db_path)
    ]


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest copy that passes ``quick_check`` and ``foreign_key_check``."""
    for created, reason, path in _own_copies(db_path):
        info = describe_file(path, check=True, created=created, reason=reason)
        if info.ok and info.schema_version:
            return info
    return None


# -- making copies -------------------------------------------------------------------------


def create_backup(
    db_path: Path,
    target: Path | None = None,
    *,
    reason: str = "manuelle",
    overwrite: bool = False,
    now: datetime | None = None,
) -> Path:
    """Copy the database with SQLite's online backup API; return the copy's path.

    Without ``target`` the copy goes to the backups folder (and joins the thinning);
    with it, to that file, which is replaced only with ``overwrite``.  Safe while the
    window or another instance works on the database.
    """
    db_path = Path(db_path)
    if storage.is_empty_file(db_path):
        raise BackupError(f"Aucune base de données à {db_path} : rien à copier.")
    if target is None:
        storage.ensure_private_dir(backup_dir(db_path))
        target = _new_path(db_path, reason, _now(now))
    target = Path(target)
    if target.resolve() == db_path.resolve():
        raise BackupError(
            "La copie ne peut pas remplacer la base elle-même : choisissez un autre fichier."
        )
    if target.exists() and not overwrite:
        raise BackupError(f"Le fichier {target} existe déjà : choisissez un autre nom.")
    if not target.parent.is_dir():
        raise BackupError(f"Le dossier {target.parent} n'existe pas.")
    staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    started = time.time()
    try:
        storage.copy_database(db_path, staged)
        os.utime(staged, (started, started))  # the copy holds the file as it was then
        os.replace(staged, target)
    except BaseException as exc:
        staged.unlink(missing_ok=True)
        fault = storage.fault_from(exc, db_path) if isinstance(exc, Exception) else None
        if fault is not None and fault.kind in ("disk_full", "read_only"):
            fault = storage.fault_from(exc, target)  # the copy's side failed
        if fault is not None and fault is not exc:
            raise fault from exc
        raise
    return target


def copy_before_import(db_path: Path, now: datetime | None = None) -> Path:
    """The copy made just before an import writes: an import replaces records by id, and
    this copy is its way back (Fichier › Restaurer…, ``relations-app restore``)."""
    copy = create_backup(db_path, reason="avant-import", now=now)
    thin_backups(db_path, now=now)
    return copy


def _changed_since_newest(db_path: Path) -> tuple[bool, datetime | None]:
    """Whether the database was written after the newest copy was taken (the copy's
    modification time is the moment it was taken), and that copy's time."""
    copies = _own_copies(db_path)
    if not copies:
        return True, None
    newest, _reason, path = copies[0]
    return storage.last_change_time(db_path) > path.stat().st_mtime, newest


def backup_at_start(
    db_path: Path, *, migration_pending: bool = False, now: datetime | None = None
) -> Path | None:
    """The copy made when the application opens an existing, sound database.

    Made when the file changed since the newest copy, or when a migration is about to
    run (the copy then holds the old schema).  Returns the copy, or None if not needed.
    """
    changed, _newest = _changed_since_newest(db_path)
    if not (changed or migration_pending):
        return None
    copy = create_backup(db_path, reason="demarrage", now=now)
    thin_backups(db_path, now=now)
    return copy


def maybe_backup(
    db_path: Path, changed_since_last: bool | None = None, now: datetime | None = None
) -> Path | None:
    """Call on a timer while the window is open: a copy at most every 30 minutes.

    ``changed_since_last`` is the window's own "modified" flag; None lets the file's
    modification time decide (which also sees another instance's changes).
    """
    changed, newest = _changed_since_newest(db_path)
    if changed_since_last is not None:
        changed = changed_since_last
    if not changed:
        return None
    if newest is not None and _now(now) - newest < AUTO_INTERVAL:
        return None
    copy = create_backup(db_path, reason="auto", now=now)
    thin_backups(db_path, now=now)
    return copy


def backup_at_exit(db_path: Path, now: datetime | None = None) -> Path | None:
    """Call when the window closes: a copy if anything changed since the newest one.

    The WAL is checkpointed first (which may itself count as a change, once), so that
    closing does not touch the file again and the next start sees nothing new to copy.
    """
    if storage.is_empty_file(db_path):
        return None
    storage.checkpoint_file(db_path)
    changed, _newest = _changed_since_newest(db_path)
    if not changed:
        return None
    copy = create_backup(db_path, reason="fermeture", now=now)
    thin_backups(db_path, now=now)
    return copy


# -- thinning ------------------------------------------------------------------------------


def backups_to_keep(
    stamps: Iterable[datetime], now: datetime, tz: tzinfo | None = None
) -> set[datetime]:
    """Which copies to keep: the 10 newest, the newest of each day for two weeks, the
    newest of each week for three months.  Days and weeks are those of ``tz`` (local
    time by default).  Pure: tested with made-up dates."""
    ordered = sorted(set(stamps), reverse=True)
    keep = set(ordered[:KEEP_LATEST])
    days: set[object] = set()
    weeks: set[object] = set()
    for stamp in ordered:
        age = now - stamp
        local = stamp.astimezone(tz)
        if age <= DAILY_FOR and local.date() not in days:
            days.add(local.date())
            keep.add(stamp)
        week = local.isocalendar()[:2]
        if age <= WEEKLY_FOR and week not in weeks:
            weeks.add(week)
            keep.add(stamp)
    return keep


def thin_backups(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the copies :func:`backups_to_keep` does not keep; return what was deleted."""
    copies = _own_copies(db_path)
    keep = backups_to_keep((created for created, _r, _p in copies), _now(now))
    deleted = []
    for created, _reason, path in copies:
        if created not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    _remove_stale_staging(db_path)
    return deleted


def _remove_stale_staging(db_path: Path) -> None:
    """Staged restores left by a crash (a restore in progress is never this old)."""
    folder = backup_dir(db_path)
    limit = datetime.now().timestamp() - 3600
    for entry in folder.glob(f"{STAGING_PREFIX}*"):
        if entry.stat().st_mtime < limit:
            entry.unlink(missing_ok=True)


# -- restoring -----------------------------------------------------------------------------


def check_backup(backup_file: Path) -> BackupInfo:
    """The copy's description if it can be restored; otherwise a French ``BackupError``."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise BackupError(f"La copie {backup_file} n'existe pas.")
    parsed = _stamp_of(
        backup_file.name, re.compile(r"^.*?-(\d{8}T\d{6}Z)-([a-z][a-z-]*?)(?:-\d+)?\.db$")
    )
    created, reason = parsed if parsed else (None, "")
    info = describe_file(backup_file, check=True, created=created, reason=reason)
    if info.problems:
        raise BackupError(
            f"La copie {backup_file} ne peut pas être restaurée ({info.first_problem}) : "
            "rien n'a été changé."
        )
    if not info.schema_version or "partners" not in info.counts:
        raise BackupError(
            f"Le fichier {backup_file} n'est pas une copie de Relations : rien n'a été changé."
        )
    if info.schema_version > migrations.LATEST:
        raise BackupError(
            f"La copie {backup_file} vient d'une version plus récente de l'application (schéma "
            f"{info.schema_version}, {migrations.LATEST} au plus) : mettez l'application à jour."
        )
    return info


def restore_backup(
    db_path: Path, backup_file: Path, *, now: datetime | None = None
) -> RestoreResult:
    """Replace the database's content by the copy ``backup_file``, all or nothing.

    The copy is checked (``quick_check``, foreign keys, schema not newer than this
    application), staged and migrated to the current schema beside the database; the
    current state is then copied to the backups folder, and the staged content replaces
    the live one in one transaction (SQLite's backup API), which a window or another
    instance open on the same file simply sees change.  A broken copy changes nothing.
    """
    db_path = Path(db_path)
    info = check_backup(backup_file)
    storage.ensure_writable(db_path)
    storage.ensure_private_dir(backup_dir(db_path))
    staged = backup_dir(db_path) / f"{STAGING_PREFIX}{os.getpid()}-{_now(now).strftime(_STAMP)}.db"
    try:
        storage.copy_database(backup_file, staged, read_only=True)
        migrated = _migrate_staged(staged)
        safety = _safety_copy(db_path, now)
        _replace_content(db_path, staged)
    except UserError:
        raise
    except Exception as exc:
        fault = storage.fault_from(exc, db_path)
        if fault is None:
            raise
        raise fault from exc
    finally:
        staged.unlink(missing_ok=True)
    base.forget_read_copies()  # remembered record versions no longer mean the same
    return RestoreResult(info, safety, migrated)


def _migrate_staged(staged: Path) -> list[int]:
    db = storage.open_standalone(staged)
    try:
        applied = migrations.migrate(db)
        problems = storage.integrity_problems(db)
    finally:
        db.close()
    if problems:
        raise BackupError(
            f"La copie ne passe pas les vérifications après mise à jour ({short_problem(problems[0])}) : "
            "rien n'a été changé."
        )
    return applied


def _safety_copy(db_path: Path, now: datetime | None) -> Path | None:
    """The current state, kept before it is replaced, even when it is damaged."""
    if storage.is_empty_file(db_path):
        return None
    try:
        return create_backup(db_path, reason="avant-restauration", now=now)
    except storage.DatabaseFault as fault:
        if fault.kind not in ("corrupt", "not_a_database"):
            raise
    target = _new_path(db_path, "avant-restauration", _now(now))
    for suffix in ("", "-wal"):  # a damaged file is kept byte for byte
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            shutil.copyfile(source, target.with_name(target.name + suffix))
            os.chmod(target.with_name(target.name + suffix), storage.FILE_MODE)
    return target


def _replace_content(db_path: Path, staged: Path) -> None:
    if not db_path.exists():
        db_path.touch(mode=storage.FILE_MODE)
    try:
        storage.restore_into(staged, db_path)
    except Exception as exc:
        fault = storage.fault_from(exc, db_path)
        if fault is None or fault.kind not in ("corrupt", "not_a_database"):
            raise
        _replace_file(db_path, staged)


def _replace_file(db_path: Path, staged: Path) -> None:
    """For a file SQLite cannot even open: swap the files (nobody can be using it)."""
    bound = database.obj is not None and Path(database.obj.database) == db_path
    if bound:
        storage.close_database()
    replacement = db_path.with_name(f".{db_path.name}.restauration")
    shutil.copyfile(staged, replacement)
    os.chmod(replacement, storage.FILE_MODE)
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    os.replace(replacement, db_path)
    if bound:
        storage.open_database(db_path)
