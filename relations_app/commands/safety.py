"""Commands that keep the data safe: backup, backups (list), restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import backups
from ..db import storage
from ..errors import UserError

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


def _require_existing(path: Path) -> None:
    if storage.is_empty_file(path):
        raise CommandError(f"aucune base de données à {path} : rien à copier.")


def cmd_backup(path: Path, args: argparse.Namespace) -> int:
    _require_existing(path)
    state = backups.describe_file(path, check=True)
    if state.problems and not args.file:
        raise CommandError(
            f"la base {path} est endommagée ({state.first_problem}) : aucune copie n'est ajoutée au "
            "dossier des sauvegardes, pour ne pas y remplacer une bonne copie. Pour garder ce "
            f"fichier tel quel, indiquez où le copier : « {PROG} backup FICHIER »."
        )
    target = backups.create_backup(path, Path(args.file) if args.file else None)
    if not args.file:
        backups.thin_backups(path)
    if state.problems:
        print(f"Attention : la base copiée est endommagée ({state.first_problem}).")
    print(f"Copie enregistrée : {target} ({state.summary()})")
    return 0


def cmd_backups(path: Path, args: argparse.Namespace) -> int:
    found = backups.list_backups(path, check=args.check)
    if not found:
        print(f"Aucune copie dans {backups.backup_dir(path)}.")
        return 0
    for info in found:
        state = "" if info.ok else f" — ENDOMMAGÉE : {info.first_problem}"
        print(f"{info.path}  {info.describe()}{state}")
    return 0


def cmd_restore(path: Path, args: argparse.Namespace) -> int:
    result = backups.restore_backup(path, Path(args.file))
    print(result.describe())
    return 0
