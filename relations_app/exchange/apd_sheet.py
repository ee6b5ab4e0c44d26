"""The APD declaration worksheet as an XLSX workbook or a CSV file, in French.

The workbook has three sheets: the declaration (one line per eligible country × channel ×
sector, a totals row, then the "hors APD" lines apart with their own totals, and the
sources of the OECD lists), the detail per programme, and the warnings.  Amounts are
number cells in euros (``# ##0,00`` in a French Excel); texts go through the list
exports' string cells (never formulas).  The CSV holds the declaration sheet's lines and
totals, with a column telling APD from "hors APD" lines.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..services import apd_lists
from ..services.apd import ProgrammeShare, Worksheet, WorksheetLine
from .tabular import BOM, CSV_DELIMITER, csv_cell

MONEY_FORMAT = "#,##0.00"
TOTALS = {False: "Total déclaré", True: "Total hors APD (non déclaré)"}
AMOUNTS = (
    ("own", "Fonds propres déclarés (€)"),
    ("water", "dont 1 % eau, déchets, énergie (€)"),
    ("own_excluding_water", "Fonds propres hors 1 % (€)"),
    ("cofunding", "Cofinancements reçus, non déclarés (€)"),
)
LINE_HEADERS = (
    "Pays",
    "Code pays",
    "Catégorie CAD",
    "Canal d'acheminement",
    "Code canal SNPC",
    "Code-objet CAD",
    "Secteur",
    *(header for _name, header in AMOUNTS),
    "Nombre de programmes",
    "Programmes",
)
DETAIL_HEADERS = (
    "Programme",
    "Pays",
    "Éligible à l'APD",
    "Canal d'acheminement",
    "Code-objet CAD",
    "Secteur",
    *(header for _name, header in AMOUNTS),
    "Financeurs non classés (€)",
    "dont montants prévus (€)",
    "Financeurs",
)


def _marker_headers() -> list[str]:
    return [f"Marqueur : {apd_lists.MARKER_LABELS[m]}" for m in apd_lists.MARKERS]


def _line_row(sheet: Worksheet, line: WorksheetLine, categories: dict[str, str]) -> list[Any]:
    return [
        sheet.country_names.get(line.country, line.country) or "(sans pays)",
        line.country,
        categories.get(line.country, ""),
        sheet.channel_labels.get(line.channel or "", "") if line.channel else "(non renseigné)",
        apd_lists.CHANNEL_CODES.get(line.channel or "", ""),
        line.sector or "",
        sheet.sector_labels.get(line.sector or "", "") if line.sector else "(non renseigné)",
        *(line.total(name) for name, _header in AMOUNTS),
        len(line.programmes),
        " ; ".join(p.title for p in line.programmes),
        *(line.marker(m) for m in apd_lists.MARKERS),
    ]


def _totals_row(sheet: Worksheet, label: str, *, outside: bool) -> list[Any]:
    lines = sheet.outside if outside else sheet.lines
    return [
        label,
        "",
        "",
        "",
        "",
        "",
        "",
        *(sheet.total(name, outside=outside) for name, _header in AMOUNTS),
        sum(len(line.programmes) for line in lines),
        "",
        *("" for _m in apd_lists.MARKERS),
    ]


def _detail_row(sheet: Worksheet, share: ProgrammeShare) -> list[Any]:
    return [
        share.title,
        sheet.country_names.get(share.country or "", share.country or "") or "(sans pays)",
        "Oui" if share.eligible else "Non",
        sheet.channel_labels.get(share.channel or "", "") if share.channel else "",
        share.sector or "",
        sheet.sector_labels.get(share.sector or "", "") if share.sector else "",
        *(getattr(share, name) for name, _header in AMOUNTS),
        share.unknown,
        share.planned,
        " ; ".join(share.funders),
        *(share.markers.get(m, "") for m in apd_lists.MARKERS),
    ]


def xlsx_bytes(
    sheet: Worksheet, *, authority: str = "", categories: dict[str, str] | None = None
) -> bytes:
    """The workbook of ``sheet``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    categories = categories or {}
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    workbook = Workbook()
    main = workbook.active
    main.title = f"Déclaration APD {sheet.year}"
    headers = [*LINE_HEADERS, *_marker_headers()]
    money_columns = range(8, 8 + len(AMOUNTS))

    def put(target: Any, row: int, values: list[Any], *, strong: bool = False) -> None:
        for column, value in enumerate(values, start=1):
            cell = target.cell(row=row, column=column)
            if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                cell.value = value
                if isinstance(value, Decimal):
                    cell.number_format = MONEY_FORMAT
            elif value not in (None, ""):
                cell.value = str(value)
                cell.data_type = "s"
                if str(value).startswith(("=", "+", "-", "@")):
                    cell.quotePrefix = True
            if strong:
                cell.font = bold

    def header(target: Any, row: int, names: list[str]) -> None:
        put(target, row, names, strong=True)
        for column in range(1, len(names) + 1):
            cell = target.cell(row=row, column=column)
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    title = f"Déclaration de l'aide publique au développement {sheet.year}"
    put(main, 1, [f"{title} — {authority}" if authority else title], strong=True)
    editions = ", ".join(sheet.editions) or "aucune"
    put(
        main,
        2,
        [
            f"Liste du CAD des pays éligibles : édition {editions}. Seuls les fonds propres "
            "de la collectivité sont déclarés ; les cofinancements reçus sont indiqués pour "
            "information. Montants en euros."
        ],
    )

    def block(row: int, outside: bool) -> int:
        """The header, the lines and the totals of the declared or "hors APD" lines;
        the row after them."""
        header(main, row, headers)
        for line in sheet.outside if outside else sheet.lines:
            row += 1
            put(main, row, _line_row(sheet, line, categories))
        put(main, row + 1, _totals_row(sheet, TOTALS[outside], outside=outside), strong=True)
        return row + 3

    row = block(4, outside=False)
    put(main, row, ["Hors APD (pays absents de la liste du CAD pour l'année)"], strong=True)
    row = block(row + 1, outside=True)
    put(main, row, ["Sources des listes"], strong=True)
    for source in apd_lists.sources():
        row += 1
        put(
            main,
            row,
            [f"{source['title']} ({source['edition']}, {source['date']}) : {source['url']}"],
        )
    for column in range(1, len(headers) + 1):
        width = 14 if column in money_columns else 18
        width = {1: 22, 4: 28, 7: 34, 10 + len(AMOUNTS) - 1: 40}.get(column, width)
        main.column_dimensions[get_column_letter(column)].width = width
    main.row_dimensions[4].height = 45
    main.freeze_panes = "B5"

    detail = workbook.create_sheet("Détail par programme")
    detail_headers = [*DETAIL_HEADERS, *_marker_headers()]
    header(detail, 1, detail_headers)
    for index, share in enumerate(
        sorted(sheet.programmes, key=lambda p: (not p.eligible, p.country or "", p.title)), start=2
    ):
        put(detail, index, _detail_row(sheet, share))
    for column in range(1, len(detail_headers) + 1):
        detail.column_dimensions[get_column_letter(column)].width = 36 if column == 1 else 16
    detail.freeze_panes = "B2"

    warnings = workbook.create_sheet("Avertissements")
    header(warnings, 1, ["Avertissement", "Fiche"])
    for index, warning in enumerate(sheet.warnings, start=2):
        put(warnings, index, [warning.text, warning.label])
    extra = sum(sheet.more_warnings.values())
    if extra:
        put(warnings, len(sheet.warnings) + 2, [f"… et {extra} autres avertissements"])
    warnings.column_dimensions["A"].width = 100
    warnings.column_dimensions["B"].width = 40

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(sheet: Worksheet, *, categories: dict[str, str] | None = None) -> bytes:
    """The declaration's lines (APD, then hors APD) and their totals, as the list exports'
    CSV: UTF-8 with BOM, ``;``, decimal comma."""
    categories = categories or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["Statut", *LINE_HEADERS, *_marker_headers()])
    for status, lines, total in (
        ("APD", sheet.lines, TOTALS[False]),
        ("Hors APD", sheet.outside, TOTALS[True]),
    ):
        for line in lines:
            writer.writerow([status, *(csv_cell(v) for v in _line_row(sheet, line, categories))])
        writer.writerow(
            [status, *(csv_cell(v) for v in _totals_row(sheet, total, outside=status != "APD"))]
        )
    return (BOM + buffer.getvalue()).encode("utf-8")


def write_worksheet(sheet: Worksheet, target: Path) -> None:
    """Write ``sheet`` to ``target`` (``.xlsx`` or ``.csv``), atomically; the workbook's
    title names the authority (the office's organisation, else its name)."""
    from ..files import write_bytes_atomically
    from ..services import office

    found = office.get_office()
    authority = found.get("organisation") or found.get("name") or ""

    categories = {
        code: entry["category"]
        for code, entry in apd_lists.eligible_countries(sheet.year).items()
        if entry["category"]
    }
    if target.suffix.lower() == ".csv":
        payload = csv_bytes(sheet, categories=categories)
    else:
        payload = xlsx_bytes(sheet, authority=authority, categories=categories)
    write_bytes_atomically(target, payload)
