"""The funding of programmes as funder × year tables with totals.

Why a module of its own: the fact sheet shows it, and so will other printed documents
(a delegation briefing, a programme record).  Years beyond ``MAX_YEARS_PER_TABLE`` go to
further tables below, so that the amounts never shrink below a readable width; the last
table carries each funder's total and the grand total.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer, Table

from ..services.funding import FundingTable, funding_table
from . import styles
from .flowables import Paragraph
from .formatting import format_amount

MAX_YEARS_PER_TABLE = 5
NUMBER_WIDTH = 78.0  # points: "1 481 481,36 €" in bold fits
MIN_FUNDER_WIDTH = 150.0


def funding_tables(
    lines: Sequence[dict], width: float, paragraph: Callable[[str, str], Paragraph]
) -> list[Flowable]:
    """Tables for funding ``lines`` (``funder``, ``amount_eur``, ``year``).

    ``paragraph(text, style)`` makes a Paragraph from database text (escaped); amounts
    and years are made here.
    """
    table = funding_table(lines)
    years = table.years
    chunks = [years[i : i + MAX_YEARS_PER_TABLE] for i in range(0, len(years), MAX_YEARS_PER_TABLE)]
    flowables: list[Flowable] = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        flowables += [_table(table, chunk, width, paragraph, with_total=last), Spacer(1, 4)]
    return flowables


def _table(
    table: FundingTable,
    years: list[int | None],
    width: float,
    paragraph: Callable[[str, str], Paragraph],
    *,
    with_total: bool,
) -> Table:
    sheet = styles.stylesheet()

    def amount(value: Decimal, style: str = "SmallRight") -> Paragraph:
        return Paragraph(format_amount(value), sheet[style])

    numeric = len(years) + (1 if with_total else 0)
    number_width = min(NUMBER_WIDTH, (width - MIN_FUNDER_WIDTH) / max(numeric, 1))
    header = [Paragraph("Financeur", sheet["TableHeader"])]
    header += [
        Paragraph(str(y) if y is not None else "Année n. p.", sheet["TableHeaderRight"])
        for y in years
    ]
    if with_total:
        header.append(Paragraph("Total", sheet["TableHeaderRight"]))
    rows = [header]
    for funder in table.funders:
        row = [paragraph(funder, "Small")]
        for y in years:
            cell = table.cell(funder, y)
            row.append(amount(cell) if cell is not None else Paragraph("—", sheet["SmallRight"]))
        if with_total:
            row.append(amount(table.funder_total(funder), "SmallBoldRight"))
        rows.append(row)
    totals = [Paragraph("Total", sheet["SmallBold"])]
    totals += [amount(table.year_total(y), "SmallBoldRight") for y in years]
    if with_total:
        totals.append(amount(table.total, "SmallBoldRight"))
    rows.append(totals)
    return Table(
        rows,
        colWidths=[width - number_width * numeric] + [number_width] * numeric,
        repeatRows=1,
        style=styles.data_table_style(total_row=True, numeric_from=1),
    )
