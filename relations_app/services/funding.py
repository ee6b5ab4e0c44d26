"""Funding lines as a funder × year table with its totals: one computation for every screen.

The programme editor shows the table live while the lines are being typed, and the fact
sheet prints it; both used to parse the amounts and add up the totals on their own.
:func:`funding_table` does it once.  Lines still being edited may be incomplete (no funder
yet, "12 000,5" half typed): with ``drafts=True`` they are read as the validation would
read them (:func:`relations_app.validation.clean_money`) and skipped when they cannot be.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..validation import ValidationError, clean_money

ZERO = Decimal("0.00")
Cell = tuple[str, int | None]


@dataclass(frozen=True)
class FundingTable:
    """Funders in order of appearance, years sorted (no year last), summed cells."""

    funders: list[str]
    years: list[int | None]
    cells: dict[Cell, Decimal]

    def cell(self, funder: str, year: int | None) -> Decimal | None:
        return self.cells.get((funder, year))

    def funder_total(self, funder: str, years: Iterable[int | None] | None = None) -> Decimal:
        chosen = self.years if years is None else years
        return sum((self.cells.get((funder, y), ZERO) for y in chosen), ZERO)

    def year_total(self, year: int | None) -> Decimal:
        return sum((self.cells.get((f, year), ZERO) for f in self.funders), ZERO)

    @property
    def total(self) -> Decimal:
        return sum(self.cells.values(), ZERO)


def _year(value: Any) -> int | None:
    text = str(value if value is not None else "").strip()
    return int(text) if text else None


def _draft(line: Mapping[str, Any]) -> tuple[str, Decimal, int | None] | None:
    """A line being edited, read leniently; None when it is not complete yet."""
    funder = str(line.get("funder") or "").strip()
    if not funder:
        return None
    try:
        amount = clean_money(line.get("amount_eur") or "", "amount_eur")
        year = _year(line.get("year"))
    except (ValidationError, ValueError):
        return None
    return funder, amount, year


def funding_table(lines: Iterable[Mapping[str, Any]], *, drafts: bool = False) -> FundingTable:
    """The table of saved ``lines`` (``funder``, ``amount_eur``, ``year``), or of lines being
    edited (``drafts``: incomplete ones left out)."""
    read: list[tuple[str, Decimal, int | None]] = []
    for line in lines:
        if drafts:
            parsed = _draft(line)
            if parsed is not None:
                read.append(parsed)
        else:
            read.append((line["funder"], Decimal(line["amount_eur"]), line["year"]))
    funders = list(dict.fromkeys(funder for funder, _, _ in read))
    years = sorted({year for _, _, year in read}, key=lambda y: (y is None, y or 0))
    cells: dict[Cell, Decimal] = {}
    for funder, amount, year in read:
        cells[(funder, year)] = cells.get((funder, year), ZERO) + amount
    return FundingTable(funders, years, cells)


def funding_total(lines: Iterable[Mapping[str, Any]]) -> Decimal:
    """The sum of saved funding lines."""
    return funding_table(lines).total
