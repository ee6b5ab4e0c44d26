"""A programme's page: partners, status and dates, the Atlas theme taxonomy, texts,
organisations, contacts and the funding lines with their live funder × year matrix."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from relations_app.services import (
    apd_lists,
    contacts,
    organisations,
    programmes,
)

from ..kit import labels
from ..kit.form import compact_combo
from ..kit.labels import QT_TRANSLATE_NOOP
from .apd_section import ApdView, SectorPicker
from .editor import RecordEditor
from .editor_texts import badge, group, past_end
from .funding_view import FundingMatrix
from .list_editors import SubTableEditor
from .page_section import FieldsView


class ThemePicker(QWidget):
    """The Atlas taxonomy as three dependent choices (new values may be typed)."""

    changed = Signal()

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
            combo.currentTextChanged.connect(lambda _t: self.changed.emit())
            self.combos.append(combo)
        self.combos[0].currentTextChanged.connect(lambda _t: self._fill(1))
        self.combos[1].currentTextChanged.connect(lambda _t: self._fill(2))
        self.tree: dict = {}
        self._values: tuple[str | None, str | None, str | None] = (None, None, None)
        self._filled = False

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
        """Show ``values``; the taxonomy (a read of every programme's themes) is read only
        when the section is edited."""
        self._values, self._filled = values, False
        for combo, value in zip(self.combos, values, strict=False):
            combo.blockSignals(True)
            combo.clear()
            combo.setEditText(value or "")
            combo.blockSignals(False)

    def set_editing(self, editing: bool) -> None:
        if editing and not self._filled:
            self._fill_tree(self._values)

    def _fill_tree(self, values: tuple[str | None, str | None, str | None]) -> None:
        self._filled = True
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
        (
            group(QT_TRANSLATE_NOOP("editors", "APD declaration")),
            ("apd_channel", *apd_lists.MARKERS),
        ),
    )

    def build(self) -> None:
        fields = {f.name: f for f in self.area.fields}
        self.add_field_groups([0])
        self.themes = ThemePicker(self, lambda _t: None)
        themes_view = FieldsView([fields[n] for n in ("theme", "sub_theme", "sub_sub_theme")], self)
        self.views.append(themes_view)
        self.add_section(
            "themes",
            QCoreApplication.translate("editors", "Themes (Atlas taxonomy)"),
            themes_view,
            [self.themes],
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
        matrix_title = QLabel(
            QCoreApplication.translate("editors", "Funding by funder and year"), self
        )
        matrix_title.setStyleSheet("font-weight: bold; padding-top: 6px;")
        funding_section = self.sections[-1].layout()
        assert funding_section is not None
        funding_section.addWidget(matrix_title)
        funding_section.addWidget(self.matrix)
        self.funding.changed.connect(lambda: self.matrix.show_lines(self.funding.values()))
        self.add_field_groups([1])
        apd_view = ApdView([fields["apd_sector"], *self.forms[3].fields], self)
        self.sector = SectorPicker(self, apd_view.sector_labels)
        sector_label = QLabel(self.sector.label, self)
        sector_label.setBuddy(self.sector.combo)
        self.forms[3].layout_.insertRow(0, sector_label, self.sector)
        self.sector.changed.connect(self.forms[3].changed)
        self.views.append(apd_view)
        self.add_section(
            "apd",
            QCoreApplication.translate("editors", "APD declaration"),
            apd_view,
            [self.forms[3]],
            swap=True,
        )
        self.add_field_groups([2])

    def subtitle_of(self, record: dict) -> str:
        period = " – ".join(labels.date(d) for d in (record.get("start"), record.get("end")) if d)
        parts = (labels.choice("kind", record.get("kind")) if record.get("kind") else "", period)
        return " · ".join(p for p in parts if p)

    def badges_of(self, record: dict) -> str:
        found = [badge(labels.programme_status(record.get("status")), record.get("status"))]
        if past_end(record):
            found.append(badge(QCoreApplication.translate("editors", "end date passed"), "warning"))
        return " ".join(found) if record.get("status") or len(found) > 1 else ""

    def load_extra(self, record: dict | None) -> None:
        record = record or {}
        self.themes.load(
            (record.get("theme"), record.get("sub_theme"), record.get("sub_sub_theme"))
        )
        self.matrix.show_lines(record.get("funding", []))
        self.sector.load(record.get("apd_sector"))

    def extra_values(self) -> dict:
        return {**self.themes.values(), **self.sector.values()}
