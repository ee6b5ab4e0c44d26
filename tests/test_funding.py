"""Funding tables: one computation for the programme editor and the fact sheet."""

from decimal import Decimal

from relations_app.services.funding import funding_table, funding_total

SAVED = [
    {"funder": "MEAE", "amount_eur": "1000.00", "year": 2021},
    {"funder": "Région", "amount_eur": "250.50", "year": 2020},
    {"funder": "MEAE", "amount_eur": "500.00", "year": 2021},
    {"funder": "MEAE", "amount_eur": "10.00", "year": None},
]


def test_cells_totals_and_order():
    table = funding_table(SAVED)
    assert table.funders == ["MEAE", "Région"] and table.years == [2020, 2021, None]
    assert table.cell("MEAE", 2021) == Decimal("1500.00") and table.cell("Région", 2021) is None
    assert table.funder_total("MEAE") == Decimal("1510.00")
    assert table.funder_total("MEAE", [2021]) == Decimal("1500.00")
    assert table.year_total(2020) == Decimal("250.50")
    assert table.total == Decimal("1760.50") == funding_total(SAVED)


def test_lines_being_typed_are_read_as_the_validation_reads_them():
    drafts = [
        {"funder": "MEAE", "amount_eur": "12 000,5", "year": "2021"},
        {"funder": "MEAE", "amount_eur": "1\u202f000 €", "year": ""},
        {"funder": "", "amount_eur": "99", "year": "2021"},  # no funder yet
        {"funder": "Région", "amount_eur": "12,", "year": "20x"},  # year half typed
        {"funder": "Région", "amount_eur": "-5", "year": "2021"},  # refused on save
    ]
    table = funding_table(drafts, drafts=True)
    assert table.funders == ["MEAE"] and table.years == [2021, None]
    assert table.cell("MEAE", 2021) == Decimal("12000.50") and table.total == Decimal("13000.50")
