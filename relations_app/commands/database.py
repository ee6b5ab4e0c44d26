"""Commands on the database as a whole: init, export, import, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import bootstrap, checks, jsonio, storage
from ..errors import UserError

PROG = "relations-app"


class CommandError(UserError):
    """A user-facing failure: printed on one line, exit status 1."""


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="créer la base (avec les données de Brest, sauf --empty)")
    init.add_argument("--empty", action="store_true", help="base vide, sans le jeu de données")
    init.add_argument(
        "--force", action="store_true", help="remplacer une base existante (une copie en est gardée)"
    )
    init.set_defaults(handler=cmd_init)
    export = sub.add_parser("export", help="exporter toute la base en JSON")
    export.add_argument("file", metavar="FICHIER.json")
    export.set_defaults(handler=cmd_export)
    imp = sub.add_parser("import", help="importer un export JSON (fusion par identifiant)")
    imp.add_argument("file", metavar="FICHIER.json")
    imp.set_defaults(handler=cmd_import)
    check = sub.add_parser("check", help="vérifier l'intégrité de la base et signaler les incohérences")
    check.add_argument("--full", action="store_true", help="integrity_check complet (plus lent)")
    check.set_defaults(handler=cmd_check)


def require_existing(path: Path) -> None:
    if storage.is_empty_file(path):
        raise CommandError(
            f"aucune base de données à {path} : créez-la avec « {PROG} init » ou ouvrez l'application."
        )


def open_existing(path: Path) -> None:
    require_existing(path)
    bootstrap.open_app_database(path)


def cmd_init(path: Path, args: argparse.Namespace) -> int:
    if not storage.is_empty_file(path) and not args.force:
        raise CommandError(
            f"la base {path} existe déjà ; ajoutez --force pour la remplacer (une copie en sera gardée)."
        )
    copy = bootstrap.replace_database(path, seed=not args.empty)
    if copy:
        print(f"Ancienne base copiée dans {copy}")
    print(f"Base {'vide ' if args.empty else ''}créée : {path}")
    return 0


def cmd_export(path: Path, args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.suffix.lower() != ".json":
        raise CommandError(
            f"format d'export non pris en charge : « {target.suffix or target.name} » (attendu : .json)."
        )
    if not target.parent.exists():
        raise CommandError(f"le dossier {target.parent} n'existe pas.")
    open_existing(path)
    document = jsonio.export_to_file(target)
    counts = ", ".join(f"{len(document[n])} {n}" for n in jsonio.EXPORT_ORDER if document[n])
    print(f"Exporté dans {target} : {counts}")
    return 0


def cmd_import(path: Path, args: argparse.Namespace) -> int:
    require_existing(path)
    document = jsonio.read_document(args.file)
    bootstrap.open_app_database(path)
    summary = jsonio.import_document(document)
    print(f"Importé depuis {args.file} : {summary.describe()}")
    return 0


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    open_existing(path)
    report = checks.run_checks(full=args.full)
    for problem in report.problems:
        print(f"ERREUR : {problem}")
    for warning in report.warnings:
        print(f"Attention : {warning}")
    if report.ok:
        print(f"Intégrité : OK. {len(report.warnings)} point(s) à vérifier dans les données.")
        return 0
    print(f"Intégrité : {len(report.problems)} problème(s) : restaurez une copie de sauvegarde.")
    return 1
