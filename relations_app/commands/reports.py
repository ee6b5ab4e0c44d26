"""Printed documents from the command line: ``factsheet NAME [-o FILE.pdf]``, ``factsheet --all``.

ReportLab is imported inside the handlers only, so that registering these commands (at
every start of the command line) costs nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..errors import UserError
from .database import open_existing


class FactsheetUsageError(UserError):
    """The options of ``factsheet`` do not fit together."""


def register(sub: argparse._SubParsersAction) -> None:
    sheet = sub.add_parser(
        "factsheet",
        help="fiche ville PDF d'un partenaire (ou de tous avec --all)",
        description="Écrit la fiche ville (PDF, A4, en français) d'un partenaire, "
        "ou de chacun des partenaires avec --all.",
    )
    sheet.add_argument("name", nargs="?", metavar="NOM",
                       help="nom du partenaire (accents et majuscules indifférents, "
                       "autre graphie acceptée)")
    sheet.add_argument("-o", "--output", metavar="FICHIER.pdf",
                       help="fichier à écrire (par défaut : <nom>.pdf dans le dossier courant)")
    sheet.add_argument("--all", action="store_true", help="une fiche par partenaire")
    sheet.add_argument("--out-dir", metavar="DOSSIER",
                       help="dossier des fiches avec --all (par défaut : le dossier courant)")
    sheet.set_defaults(handler=cmd_factsheet)


def _check_options(args: argparse.Namespace) -> None:
    if args.all and args.name:
        raise FactsheetUsageError("indiquez soit un nom de partenaire, soit --all, pas les deux.")
    if not args.all and not args.name:
        raise FactsheetUsageError("indiquez le nom d'un partenaire, ou --all pour tous.")
    if args.all and args.output:
        raise FactsheetUsageError("-o ne vaut que pour une fiche ; avec --all, utilisez --out-dir.")
    if not args.all and args.out_dir:
        raise FactsheetUsageError("--out-dir ne vaut qu'avec --all ; pour une fiche, utilisez -o.")


def cmd_factsheet(path: Path, args: argparse.Namespace) -> int:
    _check_options(args)
    if args.output:
        target = Path(args.output)
        if target.suffix.lower() != ".pdf":
            raise FactsheetUsageError(
                f"le fichier de sortie doit finir par .pdf : « {target.name} »."
            )
        if not target.parent.is_dir():
            raise FactsheetUsageError(f"le dossier {target.parent} n'existe pas.")
    open_existing(path)
    if args.all:
        return _all(Path(args.out_dir or "."))
    return _one(args.name, args.output)


def _one(name: str, output: str | None) -> int:
    from ..reports import factsheet
    from ..reports.naming import safe_file_name
    from ..services.partner_lookup import find_partner

    partner = find_partner(name)
    target = Path(output) if output else Path(safe_file_name(partner["name"]))
    result = factsheet.build_factsheet(partner["id"], target)
    pages = f"{result.pages} page{'s' if result.pages > 1 else ''}"
    print(f"Fiche de {result.name} écrite dans {target} ({pages})")
    if result.warning():
        print(f"Attention : {result.warning()}")
    return 0


def _all(folder: Path) -> int:
    from ..reports import factsheet

    if folder.exists() and not folder.is_dir():
        raise FactsheetUsageError(f"{folder} n'est pas un dossier.")
    started = time.perf_counter()
    results: list = []

    def progress(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", flush=True)

    written = factsheet.build_all(folder, progress=progress, results=results)
    for result in results:
        if result.warning():
            print(f"Attention : {result.warning()}")
    elapsed = time.perf_counter() - started
    print(f"{len(written)} fiche(s) écrite(s) dans {folder} en {elapsed:.1f} s")
    return 0
