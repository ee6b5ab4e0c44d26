"""A programme's page: partners, status and dates, the Atlas theme taxonomy, texts,
organisations, contacts and the funding lines with their live funder × year matrix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from relations_app.services import (
    contacts,
    organisations,
    programmes,
)
from relations_app.services.funding import funding_table

from ..kit import labels
from ..kit.form import compact_combo
from ..kit.labels import QT_TRANSLATE_NOOP
from .editor import RecordEditor
from .editor_texts import group
from .list_editors import SubTableEditor


class ThemePicker(QWidget):
    """The Atlas taxonomy as three dependent choices (new values may be typed)."""

    def __init__(self, parent: QWidget, on_change) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.combos = []
        for name, label in (
            ("theme", QCoreApplication.translate("editors", "Theme")),
            ("sub_theme", QCoreApplication.translate("editors", "Sub-theme")),
            ("sub_sub_theme", QCoreApplication.translate("editors", "Sub-sub-theme")),
        ):
            combo = QComboBox(self)
            compact_combo(combo)
            combo.setEditable(True)
            combo.setObjectName(f"field_{name}")
            combo.setAccessibleName(label)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            form.addRow(label, combo)
            combo.currentTextChanged.connect(on_change)
            self.combos.append(combo)
        self.combos[0].currentTextChanged.connect(lambda _t: self._fill(1))
        self.combos[1].currentTextChanged.connect(lambda _t: self._fill(2))
        self.tree: dict = {}

    def _fill(self, level: int) -> None:
        combo = self.combos[level]
        current = combo.currentText()
        if level == 1:
            options = list(self.tree.get(self.combos[0].currentText(), {}))
        else:
            options = self.tree.get(self.combos[0].currentText(), {}).get(
                self.combos[1].currentText(), []
            )
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(["", *options])
        combo.setCurrentText(current if current in options or current else "")
        combo.blockSignals(False)
        if level == 1:
            self._fill(2)

    def load(self, values: tuple[str | None, str | None, str | None]) -> None:
        self.tree = programmes.theme_taxonomy()
        for combo in self.combos:
            combo.blockSignals(True)
        self.combos[0].clear()
        self.combos[0].addItems(["", *list(self.tree)])
        self.combos[0].setCurrentText(values[0] or "")
        self._fill(1)
        self.combos[1].setCurrentText(values[1] or "")
        self._fill(2)
        self.combos[2].setCurrentText(values[2] or "")
        for combo in self.combos:
            combo.blockSignals(False)

    def values(self) -> dict:
        return {
            name: combo.currentText().strip()
            for name, combo in zip(
                ("theme", "sub_theme", "sub_sub_theme"), self.combos, strict=False
            )
        }


class FundingMatrix(QTableWidget):
    """Funders × years, with row and column totals, from the funding lines being edited."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fundingMatrix")
        self.setAccessibleName(QCoreApplication.translate("editors", "Funding by funder and year"))
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setMinimumHeight(100)

    def show_lines(self, lines: list[dict]) -> None:
        table = funding_table(lines, drafts=True)  # the lines as typed so far
        funders, years = table.funders, table.years
        total_text = QCoreApplication.translate("editors", "Total")
        self.clear()
        self.setRowCount(len(funders) + 1)
        self.setColumnCount(len(years) + 1)
        self.setHorizontalHeaderLabels([str(y) if y else "—" for y in years] + [total_text])
        self.setVerticalHeaderLabels([*funders, total_text])
        for r, funder in enumerate(funders):
            for c, year in enumerate(years):
                amount = table.cell(funder, year)
                if amount is not None:
                    self._cell(r, c, labels.money(amount))
            self._cell(r, len(years), labels.money(table.funder_total(funder)), bold=True)
        for c, year in enumerate(years):
            self._cell(len(funders), c, labels.money(table.year_total(year)), bold=True)
        self._cell(len(funders), len(years), labels.money(table.total), bold=True)
        self.resizeColumnsToContents()

    def _cell(self, row: int, column: int, text: str, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)


class ProgrammeEditor(RecordEditor):
    collection = "programmes"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Programme")),
            ("title", "kind", "status", "start", "end", "convention_year", "form"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Follow-up")),
            ("triennial", "evaluation_done", "communication_france", "communication_partner"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Texts")),
            (
                "context",
                "history",
                "objectives",
                "description",
                "owners",
                "beneficiaries",
                "volunteers",
                "notes",
            ),
        ),
    )

    def build(self) -> None:
        self.themes = ThemePicker(self, lambda _t: self.mark_dirty())
        self.add_group(
            QCoreApplication.translate("editors", "Themes (Atlas taxonomy)"), self.themes
        )
        self.add_partner_links()
        self.add_list(
            QCoreApplication.translate("editors", "Organisations involved"),
            SubTableEditor(
                programmes.ORGANISATIONS, {"organisation_id": organisations.AREA.options}, self
            ),
        )
        self.add_list(
            QCoreApplication.translate("editors", "Contacts"),
            SubTableEditor(
                programmes.CONTACTS,
                {
                    "contact_id": contacts.AREA.options,
                    "organisation_id": organisations.AREA.options,
                },
                self,
            ),
        )
        self.funding = self.add_list(
            QCoreApplication.translate("editors", "Funding lines"),
            SubTableEditor(programmes.FUNDING, {}, self),
        )
        self.matrix = FundingMatrix(self)
        self.add_group(
            QCoreApplication.translate("editors", "Funding by funder and year"), self.matrix
        )
        self.funding.changed.connect(lambda: self.matrix.show_lines(self.funding.values()))

    def load_extra(self, record: dict | None) -> None:
        record = record or {}
        self.themes.load(
            (record.get("theme"), record.get("sub_theme"), record.get("sub_sub_theme"))
        )
        self.matrix.show_lines(record.get("funding", []))

    def extra_values(self) -> dict:
        return self.themes.values()
