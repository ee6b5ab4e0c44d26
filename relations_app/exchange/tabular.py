"""Lists to CSV and XLSX, safe to open in a spreadsheet.

CSV: UTF-8 with a byte-order mark (so that Excel reads accents right), ``;`` as separator
(what a French Excel expects: the comma is its decimal mark), CRLF line ends, every field
quoted only when needed, decimals written with a comma.  XLSX (openpyxl): a bold, frozen
header row, column widths, text cells typed as strings (never formulas), full dates as date
cells, years as numbers (see :func:`.columns.date_cell`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from ..i18n import _
from .columns import Table
from .common import FORMULA_PREFIXES, ExchangeError, escape_formula

#: What an XLSX sheet cannot hold (openpyxl refuses it): C0 controls but tab and line breaks.
_NOT_IN_SHEET = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
CSV_DELIMITER = ";"
BOM = "\ufeff"
#: How an XLSX date cell shows: ISO, as the CSV writes it (the value is a real date).
DATE_FORMAT = "yyyy-mm-dd"


def csv_cell(value: Any) -> str:
    """A typed value as CSV text; only text is escaped (numbers cannot be formulas)."""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, dt.date):
        return value.isoformat()  # 2018-12-31: LibreOffice, Gnumeric and Excel read a date
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", ",")
    return escape_formula(str(value))


def csv_text(table: Table, delimiter: str = CSV_DELIMITER) -> str:
    """The whole CSV file, byte-order mark included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([csv_cell(v) for v in row])
    return BOM + buffer.getvalue()


def csv_bytes(table: Table, delimiter: str = CSV_DELIMITER) -> bytes:
    return csv_text(table, delimiter).encode("utf-8")


def xlsx_bytes(table: Table, sheet_title: str | None = None) -> bytes:
    """The XLSX workbook, one sheet named after the list."""
    from openpyxl import Workbook  # imported when a workbook is written, not at start-up
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (sheet_title or table.spec.label.capitalize())[:31]
    bold = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _set_text(cell, column.header)
        cell.font = bold
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_index, row in enumerate(table.rows, start=2):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=index)
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                cell.value = value
            elif isinstance(value, dt.date):
                cell.value = value
                cell.number_format = DATE_FORMAT
            else:
                text = "" if value is None else str(value)
                if bad := _NOT_IN_SHEET.search(text):
                    raise _control_character(table, row, index, bad.group())
                _set_text(cell, text)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _control_character(table: Table, row: Any, index: int, char: str) -> ExchangeError:
    """The refusal of a text an XLSX sheet cannot hold, naming the record and the column
    (a database written before such texts were refused may still hold one)."""
    record = next((str(v) for v in row if isinstance(v, str) and v), "")
    name = _NOT_IN_SHEET.sub("", record)
    return ExchangeError(
        _(
            "« {name} », colonne « {column} » : ce texte contient un caractère de contrôle "
            "invisible (U+{code}) qu'un classeur XLSX ne peut pas contenir ; rien n'a été "
            "écrit.  Exportez en CSV, ou retirez ces caractères : la vérification de la base "
            "(commande check) liste les fiches et les corrige (check --repair-text)."
        ).format(name=name, column=table.columns[index - 1].header, code=f"{ord(char):04X}")
    )


def _set_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell: openpyxl would turn a leading "=" into a formula."""
    if text == "":
        return
    cell.value = text
    cell.data_type = "s"
    if "\n" in text:  # an address: every line shows in the cell
        from openpyxl.styles import Alignment

        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True  # Excel keeps it as text when the cell is edited
