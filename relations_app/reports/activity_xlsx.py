"""The activity report's figures as an XLSX workbook, for the office's own tables.

Why a workbook beside the PDF: the office reworks the year's figures in its own
spreadsheets (pivot tables, last year's comparison).  The sheets hold the very figures
the PDF prints, from the same :func:`relations_app.services.activity.activity_year`, one
table per sheet with French headers, a bold frozen header row, amounts as numbers in
euros and shares as percentages (formats, never text), full dates as dates and years as
numbers (:func:`relations_app.exchange.columns.date_cell`), texts typed as strings so
that none becomes a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..countries import country_name
from ..exchange.columns import date_cell
from ..exchange.tabular import _set_text
from ..services.activity import ActivityYear, activity_year, direction_label
from ..services.programmes import STATUS_LABELS

EUROS = '#,##0.00\\ "€"'
PERCENT = "0%"
MIN_WIDTH, MAX_WIDTH = 10, 60


def _yes(flag: bool) -> str:
    return "Oui" if flag else "Non"


def _date(value: str | None) -> Any:
    return date_cell(value) if value else ""


def _share(part: Decimal, whole: Decimal) -> float | str:
    return float(part / whole) if whole else ""


def _sheets(data: ActivityYear) -> list[tuple[str, list[str], list[list[Any]], dict[int, str]]]:
    """(title, headers, rows, number formats by column) of each sheet."""
    total = data.funding_total
    names = {p.id: p.name for p in data.partner_years}
    summary = [
        ["Partenaires en relation", data.partners_total],
        ["Programmes menés", len(data.programmes)],
        ["Programmes commencés", len(data.started)],
        ["Programmes achevés", len(data.ended)],
        ["Délégations accueillies", len(data.incoming)],
        ["Missions à l'étranger", len(data.outgoing)],
        ["Événements", len(data.events)],
        ["Financements (€)", total],
    ]
    kinds = [[label, count] for label, count in data.partners_by_kind]
    kinds.append(["Total", data.partners_total])
    programmes = [
        [
            p.title,
            p.kind_label,
            ", ".join(p.partner_names),
            p.country_label,
            _date(p.start),
            _date(p.end),
            STATUS_LABELS.get(p.status, p.status or ""),
            _yes(p.started),
            _yes(p.ended),
            p.funding_total,
        ]
        for p in data.programmes
    ]

    def amounts(items: Sequence[tuple[str, Decimal]]) -> list[list[Any]]:
        rows: list[list[Any]] = [[label, amount, _share(amount, total)] for label, amount in items]
        if rows:
            rows.append(["Total", total, 1.0])
        return rows

    lines = [
        [p.title, ", ".join(p.partner_names), p.country_label, funder, amount]
        for p in data.annex
        for funder, amount in p.funding
    ]
    visits = [
        [
            _date(v.start),
            _date(v.end),
            v.title,
            direction_label(v.direction),
            ", ".join(names[pid] for pid in v.partner_ids if pid in names),
            v.destination,
        ]
        for v in data.visits
    ]
    events = [
        [_date(e.date), e.title, e.kind_label, names.get(e.partner_id or "", "")]
        for e in data.events
    ]
    partners = [
        [
            p.name,
            country_name(p.country),
            p.kind_label,
            len(p.programmes),
            len(p.visits),
            len(p.events),
            sum((programme.funding_total for programme in p.programmes), Decimal(0)),
        ]
        for p in data.partner_years
    ]
    apd = data.apd or {}
    declaration = [
        [label, apd.get(key, Decimal(0))]
        for label, key in (
            ("Fonds propres dans les pays éligibles (déclarés)", "own_eur"),
            ("dont « 1 % eau, assainissement, déchets, énergie »", "water_eur"),
            ("Cofinancements reçus pour ces actions", "cofunding_eur"),
            ("Fonds propres hors APD (pays non éligibles)", "outside_own_eur"),
        )
    ]
    declaration += [
        [f"{country_name(c['code'])} : fonds propres déclarés", c["own_eur"]]
        for c in apd.get("countries", ())
    ]
    return [
        ("Synthèse", ["Indicateur", str(data.year)], summary, {}),
        ("APD", [f"Déclaration APD {data.year}", "Montant (€)"], declaration, {2: EUROS}),
        ("Partenaires par type", ["Type de lien", "Partenaires"], kinds, {}),
        (
            "Programmes",
            [
                "Programme",
                "Type",
                "Partenaires",
                "Pays",
                "Début",
                "Fin",
                "Statut",
                "Commencé dans l'année",
                "Achevé dans l'année",
                "Financement de l'année (€)",
            ],
            programmes,
            {10: EUROS},
        ),
        (
            "Financeurs",
            ["Financeur", "Montant (€)", "Part"],
            amounts(data.funding_by_funder),
            {2: EUROS, 3: PERCENT},
        ),
        (
            "Pays",
            ["Pays", "Montant (€)", "Part"],
            amounts(data.funding_by_country),
            {2: EUROS, 3: PERCENT},
        ),
        (
            "Lignes de financement",
            ["Programme", "Partenaires", "Pays", "Financeur", "Montant (€)"],
            lines,
            {5: EUROS},
        ),
        (
            "Délégations",
            ["Début", "Fin", "Délégation", "Sens", "Partenaires", "Destination"],
            visits,
            {},
        ),
        ("Événements", ["Date", "Événement", "Type", "Partenaire"], events, {}),
        (
            "Partenaires",
            [
                "Partenaire",
                "Pays",
                "Type de lien",
                "Programmes menés",
                "Délégations",
                "Événements",
                "Financement de l'année (€)",
            ],
            partners,
            {7: EUROS},
        ),
    ]


def activity_xlsx_bytes(data: ActivityYear) -> bytes:
    """The workbook of ``data``: one sheet per table, even an empty one (its headers)."""
    import datetime as dt

    from openpyxl import Workbook  # imported when a workbook is written, not at start-up
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for title, headers, rows, formats in _sheets(data):
        sheet = workbook.create_sheet(title[:31])
        widths = [len(h) for h in headers]
        for index, header in enumerate(headers, start=1):
            cell = sheet.cell(row=1, column=index)
            _set_text(cell, header)
            cell.font = bold
        for row_index, row in enumerate(rows, start=2):
            for index, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_index, column=index)
                if isinstance(value, str):
                    _set_text(cell, value)
                else:
                    cell.value = value
                    if isinstance(value, dt.date):
                        cell.number_format = "yyyy-mm-dd"
                if index in formats:
                    cell.number_format = formats[index]
                widths[index - 1] = max(widths[index - 1], len(str(value)) + 2)
        for index, width in enumerate(widths, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
        sheet.freeze_panes = "A2"
    workbook.properties.title = f"Rapport d'activité {data.year}"
    workbook.properties.creator = "Relations"
    workbook.properties.language = "fr-FR"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_activity_xlsx(year: int, target) -> ActivityYear:
    """Write the workbook of ``year`` to ``target`` (a path or a binary stream); returns
    the figures written."""
    from .output import write_output

    data = activity_year(year)
    write_output(target, activity_xlsx_bytes(data))
    return data
