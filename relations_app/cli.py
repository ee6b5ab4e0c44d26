"""Command line: ``relations-app [--db PATH] [init|export|import|check]``.

Every command exits non-zero with a one-line French message on bad input, and then has
changed nothing.  With no command the window opens; the Qt layer passes in the function
that does that, so this module stays free of Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, bootstrap, checks, jsonio, storage
from .migrations import MigrationError
from .services import NotFoundError, StaleRecordError
from .validation import ValidationError

PROG = "relations-app"


class CommandError(Exception):
    """A user-facing failure: printed on one line, exit status 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Relations internationales : partenaires, programmes, contacts, délégations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"base de données à utiliser (sinon ${bootstrap.ENV_VAR}, sinon {bootstrap.default_db_path()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    init = sub.add_parser("init", help="créer la base (avec les données de Brest, sauf --empty)")
    init.add_argument("--empty", action="store_true", help="base vide, sans le jeu de données")
    init.add_argument(
        "--force", action="store_true", help="remplacer une base existante (une copie en est gardée)"
    )
    export = sub.add_parser("export", help="exporter toute la base en JSON")
    export.add_argument("file", metavar="FICHIER.json")
    imp = sub.add_parser("import", help="importer un export JSON (fusion par identifiant)")
    imp.add_argument("file", metavar="FICHIER.json")
    check = sub.add_parser("check", help="vérifier l'intégrité de la base et signaler les incohérences")
    check.add_argument("--full", action="store_true", help="integrity_check complet (plus lent)")
    return parser


def _require_existing(path: Path) -> None:
    if storage.is_empty_file(path):
        raise CommandError(
            f"aucune base de données à {path} : créez-la avec « {PROG} init » ou ouvrez l'application."
        )


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
        raise CommandError(f"format d'export non pris en charge : « {target.suffix or target.name} » (attendu : .json).")
    if not target.parent.exists():
        raise CommandError(f"le dossier {target.parent} n'existe pas.")
    _require_existing(path)
    bootstrap.open_app_database(path)
    document = jsonio.export_to_file(target)
    counts = ", ".join(f"{len(document[n])} {n}" for n in jsonio.EXPORT_ORDER if document[n])
    print(f"Exporté dans {target} : {counts}")
    return 0


def cmd_import(path: Path, args: argparse.Namespace) -> int:
    _require_existing(path)
    document = jsonio.read_document(args.file)
    bootstrap.open_app_database(path)
    summary = jsonio.import_document(document)
    print(f"Importé depuis {args.file} : {summary.describe()}")
    return 0


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    _require_existing(path)
    bootstrap.open_app_database(path)
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


COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "init": cmd_init,
    "export": cmd_export,
    "import": cmd_import,
    "check": cmd_check,
}


def main(
    argv: Sequence[str] | None = None, open_window: Callable[[Path], int] | None = None
) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    path = bootstrap.resolve_db_path(args.db)
    try:
        if args.command is None:
            if open_window is None:
                raise CommandError("l'interface graphique n'est pas disponible ici.")
            return open_window(path)
        return COMMANDS[args.command](path, args)
    except (
        CommandError,
        ValidationError,
        jsonio.ImportFileError,
        storage.StorageError,
        MigrationError,
        NotFoundError,
        StaleRecordError,
    ) as exc:
        message = " ".join(str(exc).split())
        print(f"{PROG}: erreur : {message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG}: erreur : {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    finally:
        bootstrap.close()
