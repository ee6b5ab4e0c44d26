"""Faults of the database or the disk, each with its own French message.

A fault on another file (a copy, an export, the backups folder: an ``OSError`` naming
it) gets a message naming that file (:func:`file_message`), in French too.

Which error is which fault is the back end's business (:meth:`Backend.fault_kind`: SQLite's
result codes today); what the person reads is decided here, once, for every back end.  The
window calls :func:`fault_from` on any exception from a service, the CLI for every command.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterable
from pathlib import Path

from .errors import UserError
from .i18n import N_, _
from .location import DatabaseLocation

log = logging.getLogger(__name__)

FAULT_KINDS = (
    "disk_full",
    "read_only",
    "locked",
    "corrupt",
    "not_a_database",
    "empty",
    "is_directory",
    "cannot_open",
    "io",
)

_ERRNO_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io",
    errno.EISDIR: "is_directory",
    errno.EEXIST: "exists",
    errno.ENOENT: "missing",
    errno.ENOTDIR: "not_a_directory",
}
#: Kinds only a file (not the database itself) can have.
FILE_ONLY_KINDS = ("exists", "missing", "not_a_directory")

SHORT = {  # a fault in a few words, inside a longer sentence
    "disk_full": N_("disque plein"),
    "read_only": N_("fichier en lecture seule"),
    "locked": N_("base occupée par un autre programme"),
    "corrupt": N_("fichier endommagé"),
    "not_a_database": N_("ce n'est pas une base de données"),
    "empty": N_("fichier vide"),
    "is_directory": N_("c'est un dossier"),
    "cannot_open": N_("fichier impossible à ouvrir"),
    "io": N_("erreur de lecture sur le disque"),
}


class StorageError(UserError):
    """The database cannot be opened or written; the message is in French."""


class DatabaseFault(StorageError):
    """A fault of the database or the disk, with its own French message.

    ``kind`` is one of :data:`FAULT_KINDS`; ``detail`` keeps the database's or the system's
    own words for the log, where it is written as the fault is made.  The window shows
    ``str(fault)``; the CLI prints it on one line.
    """

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        location: DatabaseLocation | None = None,
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.location = location
        self.detail = detail
        log.warning("Database fault %s on %s: %s", kind, location or "?", detail or message)


Where = DatabaseLocation | str | Path | None


def as_location(where: Where) -> DatabaseLocation | None:
    """``where`` as a location (a copy's file is named by its path)."""
    if where is None or isinstance(where, DatabaseLocation):
        return where
    return DatabaseLocation.file(where)


#: What each fault means and what to do, with ``{where}`` (" la base …", or nothing) and
#: ``{folder}`` (" (its folder)", or nothing) to fill in.
FAULT_MESSAGES = {
    "disk_full": N_(
        "Le disque est plein{folder} : rien n'a été enregistré et la base est restée intacte. "
        "Libérez de la place puis recommencez."
    ),
    "read_only": N_(
        "La base de données{where} est en lecture seule (fichier ou dossier protégé en "
        "écriture) : rien n'a été enregistré. Vérifiez les droits sur le fichier et sur son "
        "dossier."
    ),
    "locked": N_(
        "La base de données{where} est occupée par une autre fenêtre ou un autre programme : "
        "rien n'a été enregistré. Réessayez dans un instant."
    ),
    "corrupt": N_(
        "Le fichier{where} est endommagé (ses pages internes sont incohérentes) : restaurez une "
        "copie de sauvegarde."
    ),
    "not_a_database": N_(
        "Le fichier{where} n'est pas une base de données lisible (fichier endommagé ou d'un "
        "autre type) : restaurez une copie de sauvegarde."
    ),
    "empty": N_(
        "Le fichier{where} est vide (0 octet) alors que la base y existait : son contenu a "
        "disparu (fichier tronqué, copie ou synchronisation interrompue ?). Il n'a pas été "
        "modifié : restaurez une copie de sauvegarde."
    ),
    "is_directory": N_(
        "Le chemin{where} désigne un dossier, pas un fichier de base de données : indiquez le "
        "chemin d'un fichier (par exemple dans ce dossier)."
    ),
    "cannot_open": N_(
        "Impossible d'ouvrir la base de données{where} : dossier absent, inaccessible ou "
        "protégé en écriture."
    ),
    "io": N_(
        "Erreur de lecture ou d'écriture sur le disque{folder} : rien n'a été enregistré. "
        "Vérifiez le disque (clé retirée, partage réseau coupé ?)."
    ),
}

#: The same for a file other than the database, with ``{path}`` and ``{folder}``.
FILE_MESSAGES = {
    "disk_full": N_(
        "Le disque est plein ({folder}) : {path} n'a pas pu être écrit. Libérez de la place "
        "puis recommencez."
    ),
    "read_only": N_(
        "Accès refusé à {path} : le fichier ou son dossier ({folder}) est protégé en écriture "
        "ou inaccessible. Vérifiez les droits, ou choisissez un autre dossier."
    ),
    "is_directory": N_("{path} est un dossier : indiquez un nom de fichier."),
    "exists": N_(
        "{path} existe déjà et n'est pas ce qui est attendu (un fichier à la place d'un "
        "dossier, ou l'inverse) : renommez-le ou déplacez-le."
    ),
    "missing": N_("{path} n'existe pas : vérifiez le chemin (le dossier doit exister)."),
    "not_a_directory": N_(
        "Le chemin {path} passe par un fichier comme si c'était un dossier : vérifiez le chemin."
    ),
}
FILE_FAULT = N_(
    "Erreur de lecture ou d'écriture sur le disque pour {path} : vérifiez le disque (clé "
    "retirée, partage réseau coupé ?)."
)


#: What a fault means on a shared server, where there is no file to speak of, with
#: ``{where}`` (the server's address) and ``{place}`` (the server) to fill in.
SERVER_MESSAGES = {
    "read_only": N_(
        "Votre compte n'a pas le droit de modifier la base {where} (accès en lecture seule) : "
        "rien n'a été enregistré. Demandez à l'administrateur de Relations le rôle « edition »."
    ),
    "locked": N_(
        "La base {where} est occupée par une autre personne qui enregistre au même moment : "
        "rien n'a été enregistré. Réessayez dans un instant."
    ),
    "cannot_open": N_(
        "Impossible de joindre la base {where} : serveur arrêté ou injoignable, base absente, "
        "ou compte et mot de passe refusés (~/.pgpass). Rien n'a été enregistré."
    ),
    "disk_full": N_(
        "Le serveur {place} n'a plus de place : rien n'a été enregistré. Prévenez son "
        "administrateur."
    ),
}


def fault_message(kind: str, location: DatabaseLocation | None) -> str:
    """What a fault of ``kind`` on the database means, in the interface's language."""
    if location is not None and location.is_server and kind in SERVER_MESSAGES:
        return _(SERVER_MESSAGES[kind]).format(
            where=location.describe(), place=location.describe_place()
        )
    where = f" {location.describe()}" if location else ""
    folder = f" ({location.describe_place()})" if location else ""
    return _(FAULT_MESSAGES[kind]).format(where=where, folder=folder)


def file_message(kind: str, path: Path) -> str:
    """The message of a fault on a file other than the database (a copy, an export, the
    backups folder), naming that file, in the interface's language."""
    template = FILE_MESSAGES.get(kind, FILE_FAULT)
    return _(template).format(path=path, folder=path.parent)


def file_fault(kind: str, path: str | Path, detail: str = "") -> DatabaseFault:
    """A fault of ``kind`` on the file ``path`` (not the database)."""
    return DatabaseFault(kind, file_message(kind, Path(path)), detail=detail)


def fault(kind: str, where: Where = None, detail: str = "") -> DatabaseFault:
    """A :class:`DatabaseFault` of ``kind`` with its French message."""
    location = as_location(where)
    return DatabaseFault(kind, fault_message(kind, location), location=location, detail=detail)


def chain(exc: BaseException) -> Iterable[BaseException]:
    """``exc``, its causes and contexts, and exceptions carried in their ``args`` (Peewee
    wraps the driver's error as its first argument)."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)


def kind_of(exc: BaseException) -> str | None:
    """The fault kind of this one exception (not its chain), or None."""
    if isinstance(exc, DatabaseFault):
        return exc.kind
    if isinstance(exc, OSError) and exc.errno in _ERRNO_KINDS:
        return _ERRNO_KINDS[exc.errno]
    from .db.backend import known_backends

    for backend in known_backends():
        kind = backend.fault_kind(exc)
        if kind is not None:
            return kind
    return None


def fault_from(exc: BaseException, where: Where = None) -> DatabaseFault | None:
    """The fault behind ``exc`` as a French :class:`DatabaseFault`, or ``None``.

    Walks the whole exception chain: Peewee reports a disk-full error raised inside a
    transaction as "cannot rollback - no transaction is active", the real cause being
    further down.  ``where`` names the database (or the copy's file) in the message.
    """
    for e in chain(exc):
        kind = kind_of(e)
        if kind is not None:
            if isinstance(e, DatabaseFault):
                return e
            location = as_location(where)
            if isinstance(e, OSError) and e.filename is None and kind in FILE_ONLY_KINDS:
                continue  # names no file: nothing to say beyond the system's words
            if isinstance(e, OSError) and e.filename is not None:
                named = Path(e.filename)
                if location is None or named != location.path or kind in FILE_ONLY_KINDS:
                    return file_fault(kind, named, detail=str(e))  # the file the system names
            return fault(kind, location, detail=str(e))
    return None


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` comes from another connection holding the lock."""
    return any(kind_of(e) == "locked" for e in chain(exc))
