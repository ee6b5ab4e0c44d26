"""The annual activity report from the command line: ``rapport YEAR [-o FILE.pdf|FILE.xlsx]``.

ReportLab and openpyxl are imported inside the handler only, so that registering the
command (at every start of the command line) costs nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError
from ..location import DatabaseLocation
from ..text import counted_fr
from .database import open_existing

FIRST_YEAR, LAST_YEAR = 1900, 2100
FORMATS = (".pdf", ".xlsx")


class ReportUsageError(UserError):
    """The year or the file of ``rapport`` cannot be used."""


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "rapport",
        help="rapport d'activité annuel (PDF), ou ses tableaux (XLSX)",
        description="Écrit le rapport d'activité d'une année (PDF, A4, en français : "
        "l'année en chiffres, les financements, l'année de chaque partenaire, l'annexe "
        "des programmes financés), ou les mêmes chiffres en tableaux XLSX.",
    )
    report.add_argument("year", metavar="ANNÉE", help="l'année civile du rapport, ex. 2026")
    report.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.pdf|FICHIER.xlsx",
        help="fichier à écrire, PDF ou XLSX selon l'extension "
        "(par défaut : rapport-activite-ANNÉE.pdf dans le dossier courant)",
    )
    report.set_defaults(handler=cmd_rapport)


def parse_year(text: str) -> int:
    """The report's year, or a French refusal naming what was typed."""
    value = text.strip()
    if not value.isdigit() or not FIRST_YEAR <= int(value) <= LAST_YEAR:
        raise ReportUsageError(
            f"« {text} » n'est pas une année : indiquez une année entre {FIRST_YEAR} et "
            f"{LAST_YEAR}, par exemple 2026."
        )
    return int(value)


def _target(value: str | None, year: int) -> Path:
    from ..reports.activity import file_name

    target = Path(value) if value else Path(file_name(year))
    if target.suffix.lower() not in FORMATS:
        raise ReportUsageError(
            f"le fichier de sortie doit finir par .pdf ou .xlsx : « {target.name} »."
        )
    if not target.parent.is_dir():
        raise ReportUsageError(f"le dossier {target.parent} n'existe pas.")
    return target


def cmd_rapport(location: DatabaseLocation, args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    target = _target(args.output, year)
    open_existing(location)
    if target.suffix.lower() == ".xlsx":
        from ..reports.activity_xlsx import build_activity_xlsx

        data = build_activity_xlsx(year, target)
        programmes = counted_fr(len(data.programmes), "programme")
        print(f"Tableaux du rapport d'activité {year} écrits dans {target} ({programmes})")
        return 0
    from ..reports.activity import build_activity_report

    result = build_activity_report(year, target)
    pages = f"{result.pages} page{'s' if result.pages > 1 else ''}"
    print(f"Rapport d'activité {year} écrit dans {target} ({pages})")
    if result.warning():
        print(f"Attention : {result.warning()}")
    return 0
