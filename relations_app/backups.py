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
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from . import i18n, leftovers
from .dates import format_moment
from .db import migrations
from .errors import UserError
from .faults import DatabaseFault, fault_from, file_fault, file_message
from .files import ensure_private_dir, journaled
from .i18n import N_, _
from .location import BACKUP_DIRNAME, DatabaseLocation
from .records import RECORD_TYPES
from .services import AREAS, base, history

__all__ = ["BACKUP_DIRNAME"]
KEEP_LATEST = 10
DAILY_FOR = timedelta(days=14)
WEEKLY_FOR = timedelta(days=91)  # three months
AUTO_INTERVAL = timedelta(minutes=30)
COPY_SIDE = ("disk_full", "read_only")  # faults of writing a copy: the copy's file is named

#: reason in the file name -> how the dialog shows it
REASONS = {
    "demarrage": N_("au démarrage"),
    "auto": N_("pendant le travail"),
    "fermeture": N_("à la fermeture"),
    "manuelle": N_("copie demandée"),
    "avant-restauration": N_("avant une restauration"),
    "avant-import": N_("avant un import"),
}

#: what a copy is described by: collection -> table, in the order summaries name them
COUNTED = {key: area.model._meta.table_name for key, area in AREAS.items()}

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
        return _(REASONS.get(self.reason, N_("copie")))

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> str:
        """The first problem on one short line (quick_check can report pages of them)."""
        return short_problem(self.problems[0]) if self.problems else ""

    def summary(self) -> str:
        """ "16 partenaires, 14 programmes, …" (in the interface's language)."""
        language = i18n.language()
        return ", ".join(
            RECORD_TYPES[name].counted(self.counts[name], language)
            for name in COUNTED
            if name in self.counts
        ) or _("aucun enregistrement")

    def describe(self) -> str:
        return _("copie du {when} ({reason}) : {summary}").format(
            when=format_moment(self.created), reason=self.reason_label, summary=self.summary()
        )


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None  # the state just before the restore
    migrated: list[int]  # schema migrations applied to the restored content

    def describe(self) -> str:
        text = _("Base restaurée depuis la {copy}.").format(copy=self.restored.describe())
        if self.safety_copy:
            text += " " + _("L'état précédent est gardé dans {file}.").format(file=self.safety_copy)
        return text


# -- where copies live --------------------------------------------------------------------


def backup_dir(location: DatabaseLocation) -> Path:
    return location.backup_folder


def _pattern(location: DatabaseLocation) -> re.Pattern[str]:
    stem = re.escape(location.name)
    return re.compile(rf"^{stem}-(\d{{8}}T\d{{6}}Z)-([a-z][a-z-]*?)(?:-(\d+))?\.db$")


def _stamp_of(name: str, pattern: re.Pattern[str]) -> tuple[datetime, str] | None:
    """The copy's time and reason; None for a name not made by :func:`_new_path`, or one
    whose stamp is no time at all (``…T999999Z…``: such a file is not one of ours)."""
    match = pattern.match(name)
    if not match:
        return None
    try:
        created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return created, match.group(2)


def _own_copies(location: DatabaseLocation) -> list[tuple[datetime, str, Path]]:
    """(time, reason, path) of this database's copies, newest first."""
    folder = backup_dir(location)
    if not folder.is_dir():
        return []
    pattern = _pattern(location)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        stamp = _stamp_of(entry.name, pattern)
        if match and stamp and entry.is_file():
            created, reason = stamp
            found.append((created, int(match.group(3) or 1), reason, entry))
    found.sort(key=lambda item: item[:2], reverse=True)  # same second: "-2" is the later one
    return [(created, reason, entry) for created, _n, reason, entry in found]


def _new_path(location: DatabaseLocation, reason: str, now: datetime) -> Path:
    folder = backup_dir(location)
    base = f"{location.name}-{now.astimezone(UTC).strftime(_STAMP)}-{reason}"
    candidate, n = folder / f"{base}.db", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.db"
    return candidate


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


# -- listing -------------------------------------------------------------------------------


def describe_file(
    where: Path | DatabaseLocation,
    *,
    check: bool = False,
    created: datetime | None = None,
    reason: str = "",
) -> BackupInfo:
    """A :class:`BackupInfo` for a copy's file or the database (``check`` runs the
    integrity checks on it)."""
    location = where if isinstance(where, DatabaseLocation) else DatabaseLocation.file(where)
    path = location.path
    info = location.backend().inspect(location, dict(COUNTED), check=check)
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


def list_backups(location: DatabaseLocation, *, check: bool = False) -> list[BackupInfo]:
    """This database's copies, newest first, with date, reason, size and record counts.

    Each copy is opened read-only; ``check`` also runs ``quick_check`` on each (slower).
    """
    return [
        describe_file(path, check=check, created=created, reason=reason)
        for created, reason, path in _own_copies(location)
    ]


def latest_good_backup(location: DatabaseLocation) -> BackupInfo | None:
    """The newest copy that passes ``quick_check`` and ``foreign_key_check``."""
    for created, reason, path in _own_copies(location):
        info = describe_file(path, check=True, created=created, reason=reason)
        if info.ok and info.schema_version:
            return info
    return None


def init_copy_path(location: DatabaseLocation, now: datetime | None = None) -> Path:
    """Where ``init --force`` keeps the database it replaces: beside it, local time."""
    path = location.path
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.avant-init-{stamp}{path.suffix}")


def init_copies(location: DatabaseLocation) -> list[Path]:
    """The files named by :func:`init_copy_path` for this database (sorted)."""
    path = location.path
    pattern = re.compile(
        rf"^{re.escape(path.stem)}\.avant-init-\d{{8}}-\d{{6}}{re.escape(path.suffix)}$"
    )
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return []
    return sorted(entry for entry in entries if pattern.match(entry.name) and entry.is_file())


def copies_holding(location: DatabaseLocation, table: str, key: str) -> list[Path]:
    """Every file the application made that still holds the row ``key`` of ``table``:
    this database's copies, those ``init --force`` kept, and copies being staged (what a
    crash left is removed first)."""
    leftovers.remove(location)
    candidates = [path for _created, _reason, path in _own_copies(location)]
    candidates += init_copies(location) + leftovers.staged(location)
    found = []
    for path in candidates:
        copy = DatabaseLocation.file(path)
        if copy.backend().contains(copy, table, key):
            found.append(path)
    return found


# -- making copies -------------------------------------------------------------------------


def create_backup(
    location: DatabaseLocation,
    target: Path | None = None,
    *,
    reason: str = "manuelle",
    overwrite: bool = False,
    now: datetime | None = None,
) -> Path:
    """Copy the database (SQLite: its online backup API); return the copy's path.

    Without ``target`` the copy goes to the backups folder (and joins the thinning);
    with it, to that file, which is replaced only with ``overwrite``.  Safe while the
    window or another instance works on the database.
    """
    engine = location.backend()
    if engine.is_empty(location):
        raise BackupError(
            _("Aucune base de données à {location} : rien à copier.").format(location=location)
        )
    if target is None:
        ensure_private_dir(backup_dir(location))
        leftovers.remove(location)  # what a crash during an earlier copy left
        target = _new_path(location, reason, _now(now))
    target = Path(target)
    if target.resolve() == location.path.resolve():
        raise BackupError(
            _("La copie ne peut pas remplacer la base elle-même : choisissez un autre fichier.")
        )
    if target.is_dir():
        raise BackupError(file_message("is_directory", target))
    if target.exists() and not overwrite:
        raise BackupError(
            _("Le fichier {file} existe déjà : choisissez un autre nom.").format(file=target)
        )
    if not target.parent.is_dir():
        raise BackupError(_("Le dossier {folder} n'existe pas.").format(folder=target.parent))
    staged = leftovers.staged_copy(target)
    started = time.time()
    try:
        with journaled(staged):
            engine.copy(location, staged)
            os.utime(staged, (started, started))  # the copy holds the file as it was then
            os.replace(staged, target)
    except BaseException as exc:
        staged.unlink(missing_ok=True)
        fault = fault_from(exc, location) if isinstance(exc, Exception) else None
        if fault is not None and (fault.location is None or fault.kind in COPY_SIDE):
            # the copy's side failed: named by the copy, never by the hidden staged file
            fault = file_fault(fault.kind, target, detail=fault.detail)
        if fault is not None and fault is not exc:
            raise fault from exc
        raise
    return target


def copy_before_import(location: DatabaseLocation, now: datetime | None = None) -> Path:
    """The copy made just before an import writes: an import replaces records by id, and
    this copy is its way back (Fichier › Restaurer…, ``relations-app restore``)."""
    copy = create_backup(location, reason="avant-import", now=now)
    thin_backups(location, now=now)
    return copy


#: how far ahead of the clock a copy may be stamped and still count as the newest one
CLOCK_SLACK = timedelta(minutes=5)


def _changed_since_newest(
    location: DatabaseLocation, now: datetime | None = None
) -> tuple[bool, datetime | None]:
    """Whether the database was written after the newest copy was taken (the copy's
    modification time is the moment it was taken), and that copy's time.

    A copy stamped (or modified) in the future, made once while the clock was set wrong,
    does not count: it would otherwise stand as "newest" for years and stop every
    automatic copy.
    """
    clock = datetime.now(UTC)
    limit = max(_now(now), clock) + CLOCK_SLACK
    for newest, _reason, path in _own_copies(location):
        taken = path.stat().st_mtime
        if newest <= limit and taken <= (clock + CLOCK_SLACK).timestamp():
            return location.backend().last_change_time(location) > taken, newest
    return True, None


def backup_at_start(
    location: DatabaseLocation, *, migration_pending: bool = False, now: datetime | None = None
) -> Path | None:
    """The copy made when the application opens an existing, sound database.

    Made when the file changed since the newest copy, or when a migration is about to
    run (the copy then holds the old schema).  Returns the copy, or None if not needed.
    """
    changed, _newest = _changed_since_newest(location, now)
    if not (changed or migration_pending):
        return None
    copy = create_backup(location, reason="demarrage", now=now)
    thin_backups(location, now=now)
    return copy


def maybe_backup(
    location: DatabaseLocation, changed_since_last: bool | None = None, now: datetime | None = None
) -> Path | None:
    """Call on a timer while the window is open: a copy at most every 30 minutes.

    ``changed_since_last`` is the window's own "modified" flag; None lets the file's
    modification time decide (which also sees another instance's changes).
    """
    changed, newest = _changed_since_newest(location, now)
    if changed_since_last is not None:
        changed = changed_since_last
    if not changed:
        return None
    if newest is not None and _now(now) - newest < AUTO_INTERVAL:
        return None
    copy = create_backup(location, reason="auto", now=now)
    thin_backups(location, now=now)
    return copy


def backup_at_exit(location: DatabaseLocation, now: datetime | None = None) -> Path | None:
    """Call when the window closes: a copy if anything changed since the newest one.

    The WAL is checkpointed first (which may itself count as a change, once), so that
    closing does not touch the file again and the next start sees nothing new to copy.
    """
    engine = location.backend()
    if engine.is_empty(location):
        return None
    engine.flush(location)
    changed, _newest = _changed_since_newest(location, now)
    if not changed:
        return None
    copy = create_backup(location, reason="fermeture", now=now)
    thin_backups(location, now=now)
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


def thin_backups(location: DatabaseLocation, now: datetime | None = None) -> list[Path]:
    """Delete the copies :func:`backups_to_keep` does not keep; return what was deleted."""
    copies = _own_copies(location)
    keep = backups_to_keep((created for created, _r, _p in copies), _now(now))
    deleted = []
    for created, _reason, path in copies:
        if created not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    leftovers.remove(location)
    return deleted


# -- restoring -----------------------------------------------------------------------------


def check_backup(backup_file: Path) -> BackupInfo:
    """The copy's description if it can be restored; otherwise a French ``BackupError``."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise BackupError(_("La copie {file} n'existe pas.").format(file=backup_file))
    parsed = _stamp_of(
        backup_file.name, re.compile(r"^.*?-(\d{8}T\d{6}Z)-([a-z][a-z-]*?)(?:-\d+)?\.db$")
    )
    created, reason = parsed if parsed else (None, "")
    info = describe_file(backup_file, check=True, created=created, reason=reason)
    if info.problems:
        raise BackupError(
            _(
                "La copie {file} ne peut pas être restaurée ({problem}) : rien n'a été changé."
            ).format(file=backup_file, problem=info.first_problem)
        )
    if not info.schema_version or "partners" not in info.counts:
        raise BackupError(
            _("Le fichier {file} n'est pas une copie de Relations : rien n'a été changé.").format(
                file=backup_file
            )
        )
    if info.schema_version > migrations.LATEST:
        raise BackupError(
            _(
                "La copie {file} vient d'une version plus récente de l'application (schéma "
                "{schema}, {latest} au plus) : mettez l'application à jour."
            ).format(file=backup_file, schema=info.schema_version, latest=migrations.LATEST)
        )
    return info


def restore_backup(
    location: DatabaseLocation, backup_file: Path, *, now: datetime | None = None
) -> RestoreResult:
    """Replace the database's content by the copy ``backup_file``, all or nothing.

    The copy is checked (``quick_check``, foreign keys, schema not newer than this
    application), staged and migrated to the current schema beside the database; the
    current state is then copied to the backups folder, and the staged content replaces
    the live one in one transaction (SQLite's backup API), which a window or another
    instance open on the same file simply sees change.  A broken copy changes nothing.
    """
    info = check_backup(backup_file)
    location.backend().ensure_writable(location)
    ensure_private_dir(backup_dir(location))
    staged = leftovers.staged_restore(backup_dir(location), _now(now))
    try:
        copy = DatabaseLocation.file(backup_file)
        copy.backend().copy(copy, staged, read_only=True)
        migrated = _migrate_staged(staged)
        safety = _safety_copy(location, now)
        _versions_go_on(staged, safety, backup_file)
        _replace_content(location, staged)
    except UserError:
        raise
    except Exception as exc:
        fault = fault_from(exc, location)
        if fault is None:
            raise
        raise fault from exc
    finally:
        staged.unlink(missing_ok=True)
    base.forget_read_copies()  # remembered record versions no longer mean the same
    return RestoreResult(info, safety, migrated)


def _migrate_staged(staged: Path) -> list[int]:
    copy = DatabaseLocation.file(staged)
    engine = copy.backend()
    db = engine.open_standalone(copy)
    try:
        applied = migrations.migrate(db)
        problems = engine.integrity_problems(db)
    finally:
        db.close()
    if problems:
        raise BackupError(
            _(
                "La copie ne passe pas les vérifications après mise à jour ({problem}) : "
                "rien n'a été changé."
            ).format(problem=short_problem(problems[0]))
        )
    return applied


def _versions_go_on(staged: Path, current: Path | None, backup_file: Path) -> None:
    """Versions never go back: the staged content's records take a version above any the
    current content ever gave (read from ``current``, its copy just made), so a form
    opened before the restore, in any window or instance, is refused rather than saving
    over what the copy brings back; its history tells the restore."""
    floor = 0
    if current is not None:
        kept = DatabaseLocation.file(current)
        try:
            db = kept.backend().open_standalone(kept)
            try:
                floor = history.highest_version_anywhere(db)
            finally:
                db.close()
        except Exception as exc:  # the current file was damaged: the copy's versions go on
            fault = fault_from(exc, kept)
            if fault is None or fault.kind not in ("corrupt", "not_a_database"):
                raise
    copy = DatabaseLocation.file(staged)
    db = copy.backend().open_standalone(copy)
    try:
        with db.atomic():
            history.after_restore(db, floor, f"Restauration de la copie {backup_file.name}")
    finally:
        db.close()


def _safety_copy(location: DatabaseLocation, now: datetime | None) -> Path | None:
    """The current state, kept before it is replaced, even when it is damaged."""
    engine = location.backend()
    if engine.is_empty(location):
        return None
    try:
        return create_backup(location, reason="avant-restauration", now=now)
    except DatabaseFault as fault:
        if fault.kind not in ("corrupt", "not_a_database"):
            raise
    return engine.keep_damaged(location, _new_path(location, "avant-restauration", _now(now)))


def _replace_content(location: DatabaseLocation, staged: Path) -> None:
    engine = location.backend()
    try:
        engine.restore_into(staged, location)
    except Exception as exc:
        fault = fault_from(exc, location)
        if fault is None or fault.kind not in ("corrupt", "not_a_database"):
            raise
        engine.replace_damaged(location, staged)
