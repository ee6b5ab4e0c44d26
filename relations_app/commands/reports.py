"""Printed documents from the command line: ``factsheet NAME [-o FILE.pdf]``, ``factsheet --all``,
``briefing DELEGATION [-o FILE.pdf] [--ics FILE.ics] [--joindre [TITLE_OR_ID]]…``.

ReportLab is imported inside the handlers only, so that registering these commands (at
every start of the command line) costs nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from ..location import DatabaseLocation
from .database import open_existing

#: ``--joindre`` alone: every PDF of the delegation and its partners.
ALL_PDFS = ""


class FactsheetUsageError(UserError):
    """The options of ``factsheet`` do not fit together."""


class BriefingUsageError(UserError):
    """The options of ``briefing`` name files that cannot be written."""


def register(sub: argparse._SubParsersAction) -> None:
    sheet = sub.add_parser(
        "factsheet",
        help="fiche ville PDF d'un partenaire (ou de tous avec --all)",
        description="Écrit la fiche ville (PDF, A4, en français) d'un partenaire, "
        "ou de chacun des partenaires avec --all.",
    )
    sheet.add_argument(
        "name",
        nargs="?",
        metavar="NOM",
        help="nom du partenaire (accents et majuscules indifférents, autre graphie acceptée)",
    )
    sheet.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.pdf",
        help="fichier à écrire (par défaut : <nom>.pdf dans le dossier courant)",
    )
    sheet.add_argument("--all", action="store_true", help="une fiche par partenaire")
    sheet.add_argument(
        "--out-dir",
        metavar="DOSSIER",
        help="dossier des fiches avec --all (par défaut : le dossier courant)",
    )
    sheet.set_defaults(handler=cmd_factsheet)

    briefing = sub.add_parser(
        "briefing",
        help="dossier de délégation PDF (et son agenda .ics)",
        description="Écrit le dossier de délégation (PDF, A4, en français) d'une délégation, "
        "et avec --ics son programme au format iCalendar (Outlook, Thunderbird…).",
    )
    briefing.add_argument(
        "delegation",
        metavar="DÉLÉGATION",
        help="identifiant ou titre de la délégation (accents et majuscules "
        "indifférents, une partie du titre suffit si elle est unique)",
    )
    briefing.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.pdf",
        help="fichier à écrire (par défaut : <titre>.pdf dans le dossier courant)",
    )
    briefing.add_argument(
        "--ics",
        metavar="FICHIER.ics",
        help="écrit aussi le programme de la visite au format iCalendar",
    )
    briefing.add_argument(
        "--joindre",
        metavar="TITRE_OU_ID",
        action="append",
        nargs="?",
        const=ALL_PDFS,
        help="ajoute en annexe un document PDF ou une image de la délégation ou de ses "
        "partenaires (titre approché ou identifiant ; répétable) ; seul : tous leurs PDF",
    )
    briefing.set_defaults(handler=cmd_briefing)


def _check_target(value: str, suffix: str, error: type[UserError]) -> Path:
    """The file to write: right extension, in a folder that exists."""
    target = Path(value)
    if target.suffix.lower() != suffix:
        raise error(f"le fichier de sortie doit finir par {suffix} : « {target.name} ».")
    if not target.parent.is_dir():
        raise error(f"le dossier {target.parent} n'existe pas.")
    return target


def _check_options(args: argparse.Namespace) -> None:
    if args.all and args.name:
        raise FactsheetUsageError("indiquez soit un nom de partenaire, soit --all, pas les deux.")
    if not args.all and not args.name:
        raise FactsheetUsageError("indiquez le nom d'un partenaire, ou --all pour tous.")
    if args.all and args.output:
        raise FactsheetUsageError("-o ne vaut que pour une fiche ; avec --all, utilisez --out-dir.")
    if not args.all and args.out_dir:
        raise FactsheetUsageError("--out-dir ne vaut qu'avec --all ; pour une fiche, utilisez -o.")


def cmd_factsheet(location: DatabaseLocation, args: argparse.Namespace) -> int:
    _check_options(args)
    if args.output:
        _check_target(args.output, ".pdf", FactsheetUsageError)
    open_existing(location)
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
    """Every partner's sheet, a process per core; Ctrl+C stops after the sheets under way
    (whole files only) and exits 130."""
    from ..reports.batch import build_sheets

    if folder.exists() and not folder.is_dir():
        raise FactsheetUsageError(f"{folder} n'est pas un dossier.")

    def progress(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", flush=True)

    report = build_sheets(folder, progress=progress)
    for result in report.results:
        if result.warning():
            print(f"Attention : {result.warning()}")
    for _name, message in report.failures:
        print(f"Erreur : {message}", file=sys.stderr)
    print(report.summary())
    if report.cancelled:
        return 130
    return 1 if report.failures else 0


def cmd_briefing(location: DatabaseLocation, args: argparse.Namespace) -> int:
    pdf = _check_target(args.output, ".pdf", BriefingUsageError) if args.output else None
    ics = _check_target(args.ics, ".ics", BriefingUsageError) if args.ics else None
    open_existing(location)
    from ..exchange.ics import delegation_calendar_bytes
    from ..reports import briefing
    from ..reports.naming import safe_file_name
    from ..reports.output import write_output
    from ..services.delegation_lookup import find_delegation

    found = find_delegation(args.delegation)
    annexes = []
    if args.joindre:
        from ..services.briefing_documents import choose

        wanted = [None if name == ALL_PDFS else name for name in args.joindre]
        annexes = [c.id for c in choose(found["id"], wanted)]
    target = pdf or Path(safe_file_name(found["title"]))
    result = briefing.build_briefing(found["id"], target, annexes=annexes)
    pages = f"{result.pages} page{'s' if result.pages > 1 else ''}"
    if result.annexes:
        count = len(result.annexes)
        pages += f" dont {result.pages - result.briefing_pages} d'annexes, "
        pages += f"{count} document{'s' if count > 1 else ''} joint{'s' if count > 1 else ''}"
    print(f"Dossier « {result.title} » écrit dans {target} ({pages})")
    for line in result.warning().splitlines():
        print(f"Attention : {line}")
    if ics is not None:
        payload, count = delegation_calendar_bytes(found["id"])
        write_output(ics, payload)
        print(f"Programme écrit dans {ics} ({count} rendez-vous)")
    return 0
