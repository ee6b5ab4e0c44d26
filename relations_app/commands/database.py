"""Commands on the database as a whole: init, check (export and import: :mod:`.exchange`)."""

from __future__ import annotations

import argparse

from .. import backups, bootstrap, checks
from ..db import backend, transfer
from ..db.models import database
from ..errors import UserError
from ..location import DatabaseLocation
from ..services import text_repair
from ..text import counted_fr
from .suggest import command

PROG = "relations-app"


class CommandError(UserError):
    """A user-facing failure: printed on one line, exit status 1."""


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="créer la base (avec les données de Brest, sauf --empty)")
    init.add_argument("--empty", action="store_true", help="base vide, sans le jeu de données")
    init.add_argument(
        "--force",
        action="store_true",
        help="remplacer une base existante (une copie en est gardée)",
    )
    init.set_defaults(handler=cmd_init)
    check = sub.add_parser(
        "check", help="vérifier l'intégrité de la base et signaler les incohérences"
    )
    check.add_argument("--full", action="store_true", help="integrity_check complet (plus lent)")
    check.add_argument(
        "--reindex",
        action="store_true",
        help="reconstruire d'abord les index de recherche à partir des enregistrements",
    )
    check.add_argument(
        "--repair-text",
        action="store_true",
        help="retirer d'abord les caractères de contrôle invisibles des textes",
    )
    check.set_defaults(handler=cmd_check)
    copy = sub.add_parser(
        "copy",
        help="copier toute une base entre un fichier et un serveur (dans un sens ou l'autre)",
    )
    copy.add_argument("source", metavar="SOURCE", help="fichier ou postgresql://…")
    copy.add_argument("target", metavar="DESTINATION", help="fichier ou postgresql://…")
    copy.add_argument(
        "--force", action="store_true", help="remplacer le contenu d'une destination non vide"
    )
    copy.set_defaults(handler=cmd_copy)


def require_existing(location: DatabaseLocation) -> None:
    """Refuse a database that is not there, or whose file was found empty (0 bytes)."""
    if not location.backend().exists(location):
        raise CommandError(
            f"aucune base de données à {location} : créez-la avec « {command(location, 'init')} » "
            "ou ouvrez l'application."
        )
    report = bootstrap.emptied(location)
    if report is not None:
        raise damaged(report)


def damaged(report: bootstrap.StartReport) -> CommandError:
    """The report's message, with the command that restores the latest good copy."""
    text = report.message()
    if report.latest_good_backup is not None:
        restore = command(report.location, "restore", report.latest_good_backup.path)
        text += f" Pour la restaurer : « {restore} »."
    return CommandError(text)


def open_existing(location: DatabaseLocation) -> None:
    require_existing(location)
    bootstrap.open_app_database(location)


def cmd_init(location: DatabaseLocation, args: argparse.Namespace) -> int:
    backend = location.backend()
    if backend.exists(location) and not args.force:
        what = "le fichier (vide)" if backend.is_empty(location) else "la base"
        raise CommandError(
            f"{what} {location} existe déjà ; ajoutez --force pour le remplacer (une copie en "
            "sera gardée)."
        )
    copy = bootstrap.replace_database(location, seed=not args.empty)
    if copy:
        print(f"Ancienne base copiée dans {copy}")
    print(f"Base {'vide ' if args.empty else ''}créée : {location}")
    return 0


def cmd_check(location: DatabaseLocation, args: argparse.Namespace) -> int:
    open_existing(location)
    if getattr(args, "reindex", False):
        db = database.obj
        with db.atomic():
            backend.of(db).rebuild_search_indexes(db)
        print("Index de recherche reconstruits.")
    if getattr(args, "repair_text", False):
        _repair_text()
    report = checks.run_checks(full=args.full)
    for problem in report.problems:
        print(f"ERREUR : {problem}")
    for problem in report.index_problems:
        print(f"ERREUR : {problem}")
    for warning in report.warnings:
        print(f"Attention : {warning}")
    if report.ok:
        points = counted_fr(len(report.warnings), "point")
        print(f"Intégrité : OK. {points} à vérifier dans les données.")
        if report.control_characters:
            print(
                "Les caractères de contrôle invisibles se retirent avec "
                f"« {command(location, 'check', '--repair-text')} »."
            )
        return 0
    if not report.problems:  # sound records: the indexes are rebuilt from them
        print(
            f"Intégrité des enregistrements : OK ; {len(report.index_problems)} index de "
            "recherche à reconstruire à partir d'eux (rien à restaurer) : "
            f"« {command(location, 'check', '--reindex')} »."
        )
        return 1
    problems = counted_fr(len(report.problems), "problème")
    print(f"Intégrité : {problems} : restaurez une copie de sauvegarde.")
    good = backups.latest_good_backup(location)
    if good is not None:
        restore = command(location, "restore", good.path)
        print(f"Dernière copie en bon état : {good.describe()} — « {restore} »")
    return 1


def _repair_text() -> None:
    """Remove the invisible control characters (one ordinary update per record)."""
    report = text_repair.repair()
    for found in report.repaired:
        print(f"Corrigé : {found.describe(repaired=True)}")
    for found, reason in report.refused:
        print(f"Non corrigé : {found.describe()} — {reason}")
    if not report.repaired and not report.refused:
        print("Aucun caractère de contrôle invisible dans les textes.")


def cmd_copy(_location: DatabaseLocation, args: argparse.Namespace) -> int:
    """``copy SOURCE DESTINATION``: --db is not used, both are named."""
    source, target = DatabaseLocation.parse(args.source), DatabaseLocation.parse(args.target)
    copied = transfer.copy_database(source, target, force=args.force)
    records = counted_fr(copied.get("partner", 0), "partenaire")
    print(f"Base copiée de {source} vers {target} : {records}, {sum(copied.values())} lignes.")
    return 0
