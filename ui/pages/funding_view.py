"""Funding as a funder × year table with row and column totals, on programme and partner
profiles.  The totals come from :func:`relations_app.services.funding.funding_table`, as
on the fact sheet; the table is as tall as its rows, so the totals row is always in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from relations_app.services.funding import funding_table

from ..kit import labels


class FundingMatrix(QTableWidget):
    """Funders × years, with row and column totals, from funding lines (saved or typed)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fundingMatrix")
        self.setAccessibleName(QCoreApplication.translate("editors", "Funding by funder and year"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Sized once per fill (ResizeToContents would measure again at every cell set).
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMaximumWidth(190)  # long funder names elided, whole in tips

    def show_lines(self, lines: list[dict]) -> None:
        table = funding_table(lines, drafts=True)  # the lines as typed so far
        funders, years = table.funders, table.years
        self.setUpdatesEnabled(False)
        try:
            self._fill(table, funders, years)
        finally:
            self.setUpdatesEnabled(True)

    def _fill(self, table, funders: list[str], years: list) -> None:
        total_text = QCoreApplication.translate("editors", "Total")
        self.clear()
        self.setRowCount(len(funders) + 1)
        self.setColumnCount(len(years) + 1)
        self.setHorizontalHeaderLabels([str(y) if y else "—" for y in years] + [total_text])
        self.setVerticalHeaderLabels([*funders, total_text])
        for r, funder in enumerate(funders):
            self.verticalHeaderItem(r).setToolTip(funder)
            for c, year in enumerate(years):
                amount = table.cell(funder, year)
                if amount is not None:
                    self._cell(r, c, labels.money(amount))
            self._cell(r, len(years), labels.money(table.funder_total(funder)), bold=True)
        for c, year in enumerate(years):
            self._cell(len(funders), c, labels.money(table.year_total(year)), bold=True)
        self._cell(len(funders), len(years), labels.money(table.total), bold=True)
        self.resizeColumnsToContents()
        row_height = self.fontMetrics().height() + 8
        self.verticalHeader().setDefaultSectionSize(row_height)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += row_height * self.rowCount()
        if self.horizontalScrollBar().isVisible() or self._wider_than_view():
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)

    def _wider_than_view(self) -> bool:
        width = self.verticalHeader().width() + sum(
            self.columnWidth(c) for c in range(self.columnCount())
        )
        return width > self.viewport().width() + self.verticalHeader().width()

    def _cell(self, row: int, column: int, text: str, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)
