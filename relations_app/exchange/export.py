"""One entry point for every export: the format follows the file's extension.

| extension | what is written | ``what`` |
|---|---|---|
| ``.json`` | the full, lossless dump (:mod:`relations_app.jsonio`) | not used |
| ``.csv`` ``.xlsx`` | one list, its columns, search, filters, sort | required: a key of :data:`.columns.LISTS` |
| ``.vcf`` | contacts as vCard 4.0 | ``contacts`` or nothing |
| ``.ics`` | events, agenda items, anniversaries | ``events``, ``delegations``, ``partners`` or nothing (all) |

Everything is checked and built in memory first, then written atomically: a refused export
writes nothing and a crash leaves the old file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import i18n, jsonio
from ..files import write_bytes_atomically
from ..i18n import _, counted
from ..records import RECORD_TYPES
from . import ics, tabular, vcard
from .columns import LISTS, build_table, list_spec
from .common import ExchangeError

FORMATS = {
    ".json": "JSON (base complète)",
    ".csv": "CSV (séparateur ;, UTF-8)",
    ".xlsx": "Excel (XLSX)",
    ".vcf": "vCard 4.0",
    ".ics": "iCalendar",
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str  # the extension: ".csv"…
    count: int  # rows, cards, calendar entries, or records in all for JSON
    detail: str  # one line, in the interface's language: "16 partenaires"


def export_format(path: str | os.PathLike[str]) -> str:
    """The extension of ``path`` if it is an export format, else a French error."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExchangeError(
            f"format d'export non pris en charge : « {suffix or Path(path).name} »"
            f" (attendu : {', '.join(FORMATS)})."
        )
    return suffix


def check_request(path: str | os.PathLike[str], what: str | None, search: str = "") -> str:
    """Refuse a bad request before the database is even opened; return the format.

    An option that the format cannot honour is refused, never ignored: the JSON dump is
    the whole database, so neither ``what`` nor ``search`` applies to it.
    """
    suffix = export_format(path)
    if suffix in (".csv", ".xlsx") and not what:
        raise ExchangeError(
            f"format d'export non pris en charge : « {suffix} » sans --what"
            f" (précisez la liste : {'|'.join(LISTS)})."
        )
    if what and suffix in (".csv", ".xlsx"):
        list_spec(what)
    elif what and suffix == ".vcf" and what != "contacts":
        raise ExchangeError(
            f"un fichier .vcf ne contient que des contacts (--what contacts), pas « {what} »."
        )
    elif what and suffix == ".ics" and what not in ics.PARTS:
        raise ExchangeError(
            f"un fichier .ics contient des événements, des programmes de délégation ou des "
            f"anniversaires (--what {'|'.join(ics.PARTS)}), pas « {what} »."
        )
    elif what and suffix == ".json":
        raise ExchangeError("l'export JSON contient toute la base : --what ne s'y applique pas.")
    if search and suffix == ".json":
        raise ExchangeError(
            "l'export JSON contient toute la base : --search ne s'y applique pas "
            "(pour une partie seulement, exportez une liste en .csv ou .xlsx)."
        )
    folder = Path(path).parent
    if not folder.exists():
        raise ExchangeError(_("le dossier {folder} n'existe pas.").format(folder=folder))
    return suffix


def export_file(
    path: str | os.PathLike[str],
    *,
    what: str | None = None,
    columns: Sequence[str] | None = None,
    search: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str | None = None,
    descending: bool | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    """Export to ``path`` in the format its extension names (see the module's table)."""
    suffix = check_request(path, what, search)
    path = Path(path)
    if suffix == ".json":
        written = jsonio.write_document(path)  # streamed: a large database never sits in memory
        total = sum(written.values())
        return ExportResult(path, suffix, total, jsonio.counted_list(written))
    if suffix in (".csv", ".xlsx"):
        assert what, "check_request refuses a list export without --what"
        table = build_table(
            what, columns, search=search, filters=filters, sort=sort, descending=descending
        )
        data = tabular.csv_bytes(table) if suffix == ".csv" else tabular.xlsx_bytes(table)
        write_bytes_atomically(path, data)
        detail = RECORD_TYPES[table.spec.what].counted(len(table.rows), i18n.language())
        return ExportResult(path, suffix, len(table.rows), detail)
    if suffix == ".vcf":
        if filters:
            build_table("contacts", filters=filters, search=search)  # checks the filter names
        text, count = vcard.vcards_text(search, filters)
        write_bytes_atomically(path, text.encode("utf-8"))
        return ExportResult(
            path, suffix, count, RECORD_TYPES["contacts"].counted(count, i18n.language())
        )
    data, count = calendar_export(what, search, today)
    write_bytes_atomically(path, data)
    return ExportResult(
        path, suffix, count, counted("{count} entrée d'agenda", "{count} entrées d'agenda", count)
    )


def calendar_export(what: str | None, search: str, today: dt.date | None) -> tuple[bytes, int]:
    return ics.calendar_bytes([what] if what else None, search=search, today=today)
