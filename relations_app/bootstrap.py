"""Finding and opening the database the application works on.

Opening a database (:func:`start`) first removes the staged copies a crash left in its
backups folder (:mod:`.leftovers`).  Opening an existing database then checks it (``quick_check``,
``foreign_key_check``), then copies it to the backups folder, then migrates it.  A damaged
file is neither copied nor migrated nor written: the :class:`StartReport` says what is
wrong and names the latest good copy, for the window to offer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from . import backups, leftovers
from .db import migrations
from .db.gate import GATE
from .db.migrations import MigrationError
from .db.models import database
from .errors import UserError
from .faults import DatabaseFault, StorageError, fault
from .i18n import _, counted
from .location import ENV_VAR, DatabaseLocation

__all__ = ["ENV_VAR", "DatabaseFault", "DatabaseLocation", "MigrationError", "StorageError"]


@dataclass
class StartReport:
    """What opening the database found; the window shows :meth:`message` when not ``ok``."""

    location: DatabaseLocation
    created: bool = False
    fault: DatabaseFault | None = None  # the file could not be opened at all
    problems: list[str] = field(default_factory=list)  # quick_check / foreign_key_check
    safety_copy: Path | None = None  # the copy made at start, if one was needed
    copy_error: str | None = None  # why that copy failed (the start went on)
    migrated: list[int] = field(default_factory=list)
    migration_pending: bool = False  # not applied because the file is damaged
    latest_good_backup: backups.BackupInfo | None = None  # looked up when not ok
    leftovers_removed: list[Path] = field(default_factory=list)  # a crash's staged copies
    #: the whole-file check (and the start copy) still to run: :func:`finish_start_check`
    check_pending: bool = False

    @property
    def ok(self) -> bool:
        return self.fault is None and not self.problems

    def message(self) -> str:
        """The text for the dialog (or the CLI) when the file is damaged, in the
        interface's language."""
        if self.ok:
            return _("La base {location} est en bon état.").format(location=self.location)
        if self.fault is not None:
            text = str(self.fault)
        else:
            shown = " ; ".join(backups.short_problem(p) for p in self.problems[:3])
            if len(self.problems) > 3:
                others = len(self.problems) - 3
                shown += " " + counted("(et {count} autre)", "(et {count} autres)", others)
            text = _(
                "La base {location} est endommagée : {problems}. Elle n'a pas été modifiée ni "
                "copiée."
            ).format(location=self.location, problems=shown)
        good = self.latest_good_backup
        if good is not None:
            text += " " + _("Dernière copie en bon état : {copy} ({file}).").format(
                copy=good.describe(), file=good.path
            )
        else:
            text += " " + _(
                "Aucune copie en bon état n'est disponible dans le dossier des sauvegardes."
            )
        return text


def start(
    location: DatabaseLocation,
    *,
    seed: bool = True,
    safety_copy: bool = True,
    check_later: bool = False,
) -> StartReport:
    """Open ``location`` for work: create and fill it if new; otherwise check, copy, migrate.

    Never raises for a damaged file (the report says so, with the latest good copy);
    raises ``StorageError`` when the file cannot be reached and ``MigrationError`` when
    a migration fails (the database then stays at its previous version).

    With ``check_later`` (the window), a file at the current schema opens at once: its
    check and start copy are left to :func:`finish_start_check`, which the window runs
    in the background once it has shown, and every transaction waits for it
    (:mod:`.db.gate`).  A file to migrate is checked first, as always.
    """
    backend = location.backend()
    if location.is_default:
        backend.make_private(location)
    emptied_report = emptied(location)
    if emptied_report is not None:
        return emptied_report
    report = StartReport(location, created=not backend.exists(location))
    report.leftovers_removed = leftovers.remove(location)
    try:
        db = backend.open(location)
    except DatabaseFault as fault:
        if fault.kind not in ("corrupt", "not_a_database"):
            raise
        report.fault = fault
        report.latest_good_backup = backups.latest_good_backup(location)
        return report
    if report.created:  # one transaction: a failure leaves an empty file, never a half-filled one
        with db.atomic():
            report.migrated = migrations.migrate(db)
            if seed:
                from . import dataset  # YAML and the JSON reader: only for a new database

                dataset.load_bundled_dataset()
        return report
    report.migration_pending = backend.schema_version(db) < migrations.LATEST
    if check_later and not report.migration_pending:
        report.check_pending = True
        GATE.close()
        return report
    report.problems = backend.integrity_problems(db)
    if report.problems:
        report.latest_good_backup = backups.latest_good_backup(location)
        return report
    if safety_copy:
        try:
            report.safety_copy = backups.backup_at_start(
                location, migration_pending=report.migration_pending
            )
        except (UserError, OSError) as exc:
            if report.migration_pending:
                raise StorageError(
                    _(
                        "La copie de sécurité à faire avant la mise à jour du schéma a échoué "
                        "({reason}) : la base n'a pas été modifiée."
                    ).format(reason=exc)
                ) from exc
            report.copy_error = str(exc)
    report.migrated = migrations.migrate(db)
    report.migration_pending = False
    return report


def finish_start_check(report: StartReport, *, safety_copy: bool = True) -> StartReport:
    """The check :func:`start` left for later, then the start copy; off the GUI thread.

    Opens the write gate when the file is sound; when it is damaged, the report names the
    problems and the latest good copy, and every write is refused from then on.
    """
    location = report.location
    try:
        report.problems = location.backend().integrity_problems(database.obj)
    except Exception as exc:
        GATE.refuse(
            StorageError(
                _("La vérification de la base {location} a échoué : {reason}").format(
                    location=location, reason=exc
                )
            )
        )
        raise
    if report.problems:
        report.latest_good_backup = backups.latest_good_backup(location)
        GATE.refuse(StorageError(report.message()))
        report.check_pending = False
        return report
    if safety_copy:
        try:
            report.safety_copy = backups.backup_at_start(location)
        except (UserError, OSError) as exc:
            report.copy_error = str(exc)
    GATE.open()
    report.check_pending = False
    return report


def emptied(location: DatabaseLocation) -> StartReport | None:
    """The report on a database found empty although it is not new, or None.

    Only a database the application itself has just created is filled (with the Brest
    data): an empty file that was already there lost its content (truncated, an
    interrupted copy or synchronisation), and gets the damaged file's treatment instead.
    """
    backend = location.backend()
    if not backend.exists(location) or not backend.is_empty(location):
        return None
    report = StartReport(location, fault=fault("empty", location))
    report.latest_good_backup = backups.latest_good_backup(location)
    return report


def open_app_database(location: DatabaseLocation, *, seed: bool = True) -> tuple[pw.Database, bool]:
    """Open ``location`` as :func:`start` does; returns the database and whether it was created.

    A file that cannot be opened, or a damaged one whose schema would need migrating,
    raises ``StorageError`` naming the latest good copy.  A damaged file at the current
    schema stays open, so that ``check`` can report it and data can still be exported.
    """
    report = start(location, seed=seed)
    if report.fault is not None:
        raise DatabaseFault(
            report.fault.kind, report.message(), location=location
        ) from report.fault
    if report.migration_pending:
        raise StorageError(
            report.message() + " " + _("Sa mise à jour de schéma n'a pas été tentée.")
        )
    return database.obj, report.created


def replace_database(location: DatabaseLocation, *, seed: bool) -> Path | None:
    """Start ``location`` afresh; the old database, if any, is first copied beside it.

    Returns the path of that safety copy.
    """
    backend = location.backend()
    copy = None
    if not backend.is_empty(location):
        old = backend.open(location)
        copy = backend.backup_to(old, backups.init_copy_path(location))
        backend.close()
    backend.delete(location)
    open_app_database(location, seed=seed)
    return copy


@contextmanager
def worker_connection() -> Iterator[None]:
    """A connection of this thread's own to the open database, for the length of a task
    run off the GUI thread (Peewee connections are per thread)."""
    if database.obj is None:
        yield
        return
    database.connect(reuse_if_open=True)
    try:
        yield
    finally:
        if not database.is_closed():
            database.close()


def close() -> None:
    GATE.open()  # a check left running, or a refusal, ends with the database it was about
    if database.obj is not None:
        database.obj.close()  # nothing happens when already closed
