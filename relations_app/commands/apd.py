"""The APD declaration from the command line: ``apd YEAR [-o FILE.xlsx|.csv]``.

Prints the warnings and the totals, and writes the worksheet (XLSX by default, or CSV by
the file's extension).  openpyxl is imported when the file is written.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..errors import UserError
from ..location import DatabaseLocation
from ..text import counted_fr, seconds_fr
from .database import open_existing


class ApdUsageError(UserError):
    """The file ``apd`` is asked to write cannot be written."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "apd",
        help="tableau de la déclaration APD d'une année (XLSX ou CSV)",
        description="Prépare la déclaration annuelle de l'aide publique au développement "
        "(e-APD, article L.1115-6 du CGCT) : une ligne par pays éligible × canal × secteur, "
        "fonds propres et montants « 1 % » à part, les pays hors APD listés à part, et les "
        "avertissements à corriger avant de déclarer.",
    )
    parser.add_argument("year", metavar="ANNÉE", help="année civile déclarée (ex. 2024)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.xlsx|.csv",
        help="fichier à écrire (par défaut : declaration-apd-ANNÉE.xlsx dans le dossier courant)",
    )
    parser.set_defaults(handler=cmd_apd)

    lists = sub.add_parser(
        "apd-listes",
        help="listes de la déclaration APD : pays éligibles, codes-objet, financeurs",
        description="Sans option, affiche les éditions de la liste du CAD des pays éligibles à "
        "l'APD, le nombre de codes-objet et le classement des financeurs. Avec une option, "
        "ajoute ou remplace des lignes (tout ou rien, le fichier est vérifié d'abord) : "
        "quand l'OCDE publie une nouvelle édition, ou pour classer un financeur.",
    )
    lists.add_argument(
        "--pays",
        metavar="FICHIER.csv",
        help="pays éligibles : colonnes code;first_year;last_year;edition;category "
        "(une ligne par pays et édition, remplacée si le pays et la première année existent)",
    )
    lists.add_argument(
        "--secteurs",
        metavar="FICHIER.csv",
        help="codes-objet : colonnes code;label_fr;label_en (remplacés par code)",
    )
    lists.add_argument("--financeur", metavar="NOM", help="financeur à classer (avec --role)")
    lists.add_argument(
        "--role",
        choices=("own", "cofunder", "aucun"),
        help="own : fonds propres de la collectivité ; cofunder : cofinancement reçu ; "
        "aucun : retirer le classement",
    )
    lists.set_defaults(handler=cmd_apd_lists)


def _target(value: str | None, year: int) -> Path:
    target = Path(value) if value else Path(f"declaration-apd-{year}.xlsx")
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise ApdUsageError(
            f"le fichier de sortie doit finir par .xlsx ou .csv : « {target.name} »."
        )
    if not target.parent.is_dir():
        raise ApdUsageError(f"le dossier {target.parent} n'existe pas.")
    return target


def _euros(value) -> str:
    from ..services.apd import _amount

    return f"{_amount(value)} €"


def cmd_apd(location: DatabaseLocation, args: argparse.Namespace) -> int:
    from ..services.apd import check_year

    year = check_year(args.year)
    target = _target(args.output, year)
    open_existing(location)
    from ..exchange.apd_sheet import write_worksheet
    from ..services.apd import apd_worksheet

    started = time.perf_counter()
    sheet = apd_worksheet(year)
    computed = time.perf_counter() - started
    for warning in sheet.warnings:
        print(f"Attention : {warning.text}")
    extra = sum(sheet.more_warnings.values())
    if extra:
        print(
            f"Attention : … et {extra} autres avertissements (voir la feuille « Avertissements »)"
        )
    write_worksheet(sheet, target)
    elapsed = time.perf_counter() - started
    editions = ", ".join(sheet.editions) or "aucune"
    print(
        f"Déclaration APD {year} (liste du CAD : {editions}) : "
        f"{counted_fr(len(sheet.lines), 'ligne déclarée', 'lignes déclarées')}, fonds propres "
        f"{_euros(sheet.total('own'))} dont 1 % {_euros(sheet.total('water'))} ; hors APD : "
        f"{counted_fr(len(sheet.outside), 'ligne', 'lignes')}, "
        f"{_euros(sheet.total('own', outside=True))} non déclarés."
    )
    print(
        f"Écrit dans {target} en {seconds_fr(elapsed)} (calcul {seconds_fr(computed)}, "
        f"{sheet.queries} requêtes)"
    )
    return 0


def _csv_rows(path: str) -> list[dict[str, str]]:
    import csv

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ApdUsageError(f"impossible de lire {path} : {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ApdUsageError(f"{path} n'est pas un texte UTF-8.") from None
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return [
        {k.strip(): (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(text.splitlines(), delimiter=delimiter)
    ]


def cmd_apd_lists(location: DatabaseLocation, args: argparse.Namespace) -> int:
    if bool(args.financeur) != bool(args.role):
        raise ApdUsageError("--financeur et --role vont ensemble.")
    section: dict[str, list] = {}
    if args.pays:
        section["countries"] = _csv_rows(args.pays)
    if args.secteurs:
        section["sectors"] = _csv_rows(args.secteurs)
    open_existing(location)
    from ..services import apd_lists

    if section:
        checked = apd_lists.validate_section(section)
        apd_lists.import_lists(checked)
        for key, what in (("countries", "ligne(s) de pays"), ("sectors", "code(s)-objet")):
            if key in checked:
                print(f"{len(checked[key])} {what} ajoutée(s) ou remplacée(s)")
    if args.financeur:
        apd_lists.set_funder(args.financeur, None if args.role == "aucun" else args.role)
        print(f"Financeur « {args.financeur} » : {args.role}")
    for edition in apd_lists.editions():
        print(
            f"Liste du CAD {edition['edition']} : {edition['first_year']}–{edition['last_year']}, "
            f"{edition['countries']} pays"
        )
    print(f"Codes-objet : {len(apd_lists.sectors())}")
    for funder in apd_lists.funders():
        role = "fonds propres" if funder["role"] == "own" else "cofinancement"
        print(f"Financeur : {funder['name']} ({role})")
    return 0
