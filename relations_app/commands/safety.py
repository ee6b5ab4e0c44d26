"""Commands that keep the data safe: backup, backups (list), restore."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from .. import backups, leftovers
from ..errors import UserError
from ..faults import DatabaseFault
from ..location import DatabaseLocation
from .database import require_existing
from .suggest import command

PROG = "relations-app"


class CommandError(UserError):
    """A user-facing failure: printed on one line, exit status 1."""


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser(
        "backup",
        help="copier la base (par défaut dans le dossier des sauvegardes, à côté de la base)",
    )
    backup.add_argument(
        "file", metavar="FICHIER", nargs="?", help="où écrire la copie (ne doit pas exister)"
    )
    backup.set_defaults(handler=cmd_backup)
    listing = sub.add_parser("backups", help="lister les copies de sauvegarde (date, contenu)")
    listing.add_argument(
        "--check", action="store_true", help="vérifier aussi l'intégrité de chaque copie"
    )
    listing.set_defaults(handler=cmd_backups)
    restore = sub.add_parser(
        "restore",
        help="remplacer le contenu de la base par une copie (l'état actuel est d'abord copié)",
    )
    restore.add_argument("file", metavar="FICHIER")
    restore.set_defaults(handler=cmd_restore)


def _require_existing(location: DatabaseLocation) -> None:
    if not location.backend().exists(location):
        raise CommandError(f"aucune base de données à {location} : rien à copier.")
    require_existing(location)  # a file found empty: its message, and the way back


def cmd_backup(location: DatabaseLocation, args: argparse.Namespace) -> int:
    _require_existing(location)
    state = backups.describe_file(location, check=True)
    if state.problems and not args.file:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        keep = location.path.with_name(f"{location.name}-endommagee-{stamp}.db")
        raise CommandError(
            f"la base {location} est endommagée ({state.first_problem}) : aucune copie n'est ajoutée au "
            "dossier des sauvegardes, pour ne pas y remplacer une bonne copie. Pour garder ce "
            f"fichier tel quel, indiquez où le copier : « {command(location, 'backup', keep)} »."
        )
    target = Path(args.file) if args.file else None
    try:
        target = backups.create_backup(location, target)
    except DatabaseFault as fault:
        if target is None or not state.problems or fault.kind not in ("corrupt", "not_a_database"):
            raise
        # pages the copy cannot read: the file is kept byte for byte instead
        target = location.backend().keep_damaged(location, target)
    if not args.file:
        backups.thin_backups(location)
    if state.problems:
        print(f"Attention : la base copiée est endommagée ({state.first_problem}).")
    print(f"Copie enregistrée : {target} ({state.summary()})")
    return 0


def cmd_backups(location: DatabaseLocation, args: argparse.Namespace) -> int:
    found = backups.list_backups(location, check=args.check)
    if not found:
        print(f"Aucune copie dans {backups.backup_dir(location)}.")
    for info in found:
        state = "" if info.ok else f" — ENDOMMAGÉE : {info.first_problem}"
        print(f"{info.path}  {info.describe()}{state}")
    if args.check:
        _report_leftovers(location)
    return 0


def _report_leftovers(location: DatabaseLocation) -> None:
    left = leftovers.find(location)
    if not left:
        print("Aucun fichier temporaire laissé par un arrêt brutal.")
        return
    megabytes = f"{leftovers.size_of(left) / 1e6:.1f}".replace(".", ",")
    print(
        f"Fichiers temporaires laissés par un arrêt brutal : {len(left)} "
        f"({megabytes} Mo, des copies complètes de la base) ; ils seront "
        "supprimés à la prochaine ouverture ou à la prochaine copie :"
    )
    for path in left:
        print(f"  {path}")


def cmd_restore(location: DatabaseLocation, args: argparse.Namespace) -> int:
    result = backups.restore_backup(location, Path(args.file))
    print(result.describe())
    return 0
