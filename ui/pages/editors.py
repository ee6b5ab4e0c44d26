"""One editor per area: which fields go in which group, lists, links and related records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import (
    contacts,
    delegations,
    events,
    organisations,
    partners,
    posts,
    programmes,
)
from relations_app.services.funding import funding_table
from relations_app.validation import Field, ValidationError

from ..kit import labels
from ..kit.form import FieldForm, compact_combo
from ..kit.labels import QT_TRANSLATE_NOOP
from .delegation_actions import DelegationActions
from .editor import RecordEditor
from .list_editors import LinkListEditor, SubTableEditor


def _tr(text: str) -> str:
    return QCoreApplication.translate("editors", text)


def group(text: str):
    """A group title, translated when the editor is built."""
    return lambda: _tr(text)


def _programme_line(p: dict) -> str:
    dates = " – ".join(labels.date(d) for d in (p.get("start"), p.get("end")) if d)
    status = labels.programme_status(p.get("status"))
    return f"{p['title']}  ({', '.join(x for x in (dates, status) if x)})"


class PartnerEditor(RecordEditor):
    collection = "partners"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Identity")),
            (
                "name",
                "local_name",
                "country",
                "region",
                "kind",
                "signing_side",
                "agreement_kind",
                "agreement_year",
                "relations_since",
                "active",
            ),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Figures and place")),
            (
                "population",
                "population_year",
                "population_note",
                "website",
                "latitude",
                "longitude",
                "timezone",
            ),
        ),
        (group(QT_TRANSLATE_NOOP("editors", "Texts")), ("summary", "history", "notes")),
    )

    def build(self) -> None:
        box = QWidget(self)
        form = QFormLayout(box)
        self.aliases = QPlainTextEdit(box)
        self.aliases.setObjectName("field_aliases")
        self.aliases.setAccessibleName(
            QCoreApplication.translate("editors", "Other spellings, one per line")
        )
        self.aliases.setMaximumHeight(60)
        self.aliases.setTabChangesFocus(True)
        self.themes = QLineEdit(box)
        self.themes.setObjectName("field_themes")
        self.themes.setAccessibleName(
            QCoreApplication.translate("editors", "Themes, separated by commas")
        )
        self.themes.setPlaceholderText(
            QCoreApplication.translate("editors", "e.g. mer, culture, éducation")
        )
        form.addRow(QCoreApplication.translate("editors", "Other spellings"), self.aliases)
        form.addRow(QCoreApplication.translate("editors", "Themes"), self.themes)
        self.aliases.textChanged.connect(self.mark_dirty)
        self.themes.textChanged.connect(self.mark_dirty)
        self.add_group(QCoreApplication.translate("editors", "Spellings and themes"), box)
        self.add_list(
            QCoreApplication.translate("editors", "Key figures"),
            SubTableEditor(partners.KEY_FIGURES, {"programme_id": programmes.AREA.options}, self),
        )
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )
        self.timeline = self.add_related(
            "events", QCoreApplication.translate("editors", "Timeline")
        )
        buttons = QHBoxLayout()
        self.add_event = QPushButton(QCoreApplication.translate("editors", "Add an event…"), self)
        self.add_event.setObjectName("addEventButton")
        self.edit_event = QPushButton(QCoreApplication.translate("editors", "Edit…"), self)
        self.remove_event = QPushButton(QCoreApplication.translate("editors", "Remove"), self)
        for b in (self.add_event, self.edit_event, self.remove_event):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.timeline.box.layout().addLayout(buttons)
        self.add_event.clicked.connect(self._add_event)
        self.edit_event.clicked.connect(self._edit_event)
        self.remove_event.clicked.connect(self._remove_event)
        self.timeline.open_record.disconnect()
        self.timeline.open_record.connect(lambda _c, _i: self._edit_event())
        self.contacts = self.add_related(
            "contacts", QCoreApplication.translate("editors", "Contacts")
        )
        self.post = self.add_related(
            "posts", QCoreApplication.translate("editors", "French diplomatic post")
        )
        self.consulate = self.add_related(
            "consulate", QCoreApplication.translate("editors", "Honorary consulate in Brest")
        )

    def load_extra(self, record: dict | None) -> None:
        record = record or {}
        self.aliases.setPlainText("\n".join(record.get("aliases", [])))
        self.themes.setText(", ".join(record.get("themes", [])))
        if not record.get("id"):
            return
        self.programmes.set_items(
            [("programmes", p["id"], _programme_line(p)) for p in record.get("programmes", [])]
        )
        self.timeline.set_items(
            [
                ("events", e["id"], f"{labels.date(e['date'])} — {e['title']}")
                for e in record.get("events", [])
            ]
        )
        self.contacts.set_items(
            [
                ("contacts", c["id"], f"{c['given_name']} {c['family_name']}".strip())
                for c in record.get("contacts", [])
            ]
        )
        post_items = []
        names = contacts.AREA.option_labels(
            [c["contact_id"] for post in record.get("posts", []) for c in post["contacts"]]
        )  # one query for all
        for post in record.get("posts", []):
            post_items.append(("posts", post["id"], post["name"]))
            for person in post["contacts"]:
                name = names.get(person["contact_id"], "")
                post_items.append(
                    ("contacts", person["contact_id"], f"    {name} — {person['function']}")
                )
        self.post.set_items(
            post_items
            or [("", "", QCoreApplication.translate("editors", "None recorded for this country"))]
        )
        consulate = record.get("consulate_id")
        self.consulate.set_items(
            [("consulates", consulate, labels.country(record["country"]))]
            if consulate
            else [("", "", QCoreApplication.translate("editors", "None in Brest for this country"))]
        )

    def extra_values(self) -> dict:
        return {
            "aliases": self.aliases.toPlainText().splitlines(),
            "themes": [t.strip() for t in self.themes.text().split(",") if t.strip()],
        }

    # -- timeline ----------------------------------------------------------------------

    def _selected_event(self) -> str | None:
        item = self.timeline.currentItem()
        return item.data(Qt.ItemDataRole.UserRole)[1] if item else None

    def _add_event(self) -> None:
        if self.record:
            EventDialog.edit(self, self.runner, partner_id=self.record["id"])

    def _edit_event(self) -> None:
        event_id = self._selected_event()
        if event_id:
            EventDialog.edit(self, self.runner, event_id=event_id)

    def _remove_event(self) -> None:
        event_id = self._selected_event()
        if event_id:
            self.runner.delete("events", event_id)


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

    def load(self, values: tuple[str, str, str]) -> None:
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
        self.add_links(
            "partner_ids",
            QCoreApplication.translate("editors", "Partners"),
            LinkListEditor(
                partners.AREA.options,
                "partners",
                QCoreApplication.translate("editors", "Partners"),
                self,
            ),
            "partners",
        )
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


class OrganisationEditor(RecordEditor):
    collection = "organisations"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Organisation")),
            ("name", "acronym", "kind", "country", "city", "website", "description"),
        ),
    )

    def build(self) -> None:
        self.add_links(
            "partner_ids",
            QCoreApplication.translate("editors", "Partners"),
            LinkListEditor(
                partners.AREA.options,
                "partners",
                QCoreApplication.translate("editors", "Partners"),
                self,
            ),
            "partners",
        )
        self.people = self.add_related("contacts", QCoreApplication.translate("editors", "People"))
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )

    def load_extra(self, record: dict | None) -> None:
        if not record:
            return
        self.people.set_items(
            [
                ("contacts", c["id"], f"{c['given_name']} {c['family_name']} — {c['function']}")
                for c in contacts.list_contacts(organisation_id=record["id"]).rows
            ]
        )
        self.programmes.set_items(
            [
                ("programmes", p["id"], _programme_line(p))
                for p in programmes.list_programmes(organisation_id=record["id"]).rows
            ]
        )


class ContactEditor(RecordEditor):
    collection = "contacts"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Person")),
            ("family_name", "given_name", "email", "phone", "notes"),
        ),
    )

    def build(self) -> None:
        self.add_list(
            QCoreApplication.translate("editors", "Functions over time (current ones have no end)"),
            SubTableEditor(
                contacts.POSITIONS,
                {"organisation_id": organisations.AREA.options, "post_id": posts.AREA.options},
                self,
            ),
        )
        self.add_links(
            "partner_ids",
            QCoreApplication.translate("editors", "Partners"),
            LinkListEditor(
                partners.AREA.options,
                "partners",
                QCoreApplication.translate("editors", "Partners"),
                self,
            ),
            "partners",
        )
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )

    def load_extra(self, record: dict | None) -> None:
        if record:
            self.programmes.set_items(
                [
                    ("programmes", p["id"], _programme_line(p))
                    for p in programmes.list_programmes(contact_id=record["id"]).rows
                ]
            )


class PostEditor(RecordEditor):
    collection = "posts"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Diplomatic post")),
            ("name", "country", "city", "address", "website"),
        ),
    )

    def build(self) -> None:
        self.people = self.add_related(
            "contacts", QCoreApplication.translate("editors", "Cooperation contacts")
        )
        self.partners = self.add_related(
            "partners", QCoreApplication.translate("editors", "Partners of this country")
        )

    def load_extra(self, record: dict | None) -> None:
        if not record:
            return
        detail = posts.get_post(record["id"])
        past = QCoreApplication.translate("editors", "until %1")
        self.people.set_items(
            [
                (
                    "contacts",
                    c["contact_id"],
                    f"{c['name']} — {c['function']}"
                    + (f" ({past.replace('%1', labels.date(c['end']))})" if c["end"] else ""),
                )
                for c in detail["contacts"]
            ]
        )
        self.partners.set_items([("partners", p["id"], p["name"]) for p in detail["partners"]])


class ConsulateEditor(RecordEditor):
    collection = "consulates"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Honorary consulate")),
            ("country", "address", "phone", "email", "consul_name", "notes"),
        ),
    )


class DelegationEditor(RecordEditor):
    collection = "delegations"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Delegation")),
            ("title", "direction", "status", "start", "end", "destination"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Texts")),
            ("objectives", "logistics", "talking_points", "confidentiality"),
        ),
    )

    def build(self) -> None:
        self.actions = DelegationActions(self)  # briefing, agenda file, duplicate
        self.layout().insertWidget(1, self.actions)
        self.add_links(
            "partner_ids",
            QCoreApplication.translate("editors", "Partners"),
            LinkListEditor(
                partners.AREA.options,
                "partners",
                QCoreApplication.translate("editors", "Partners"),
                self,
            ),
            "partners",
        )
        self.add_list(
            QCoreApplication.translate("editors", "Members"),
            SubTableEditor(delegations.MEMBERS, {"contact_id": contacts.AREA.options}, self),
        )
        self.add_list(
            QCoreApplication.translate("editors", "Agenda"),
            SubTableEditor(delegations.AGENDA, {}, self),
        )

    def load_extra(self, record: dict | None) -> None:
        self.actions.set_record(record)


#: record type key -> the page that edits it (each editor names its own ``collection``).
EDITORS: dict[str, type[RecordEditor]] = {
    editor.collection: editor
    for editor in (
        PartnerEditor,
        ProgrammeEditor,
        OrganisationEditor,
        ContactEditor,
        PostEditor,
        ConsulateEditor,
        DelegationEditor,
    )
}


#: An event's programme, chosen among the programmes (the service keeps the link).
EVENT_PROGRAMME = Field("programme_id", "Programme")


class EventDialog:
    """Add or edit one timeline event (through the undo stack), with a :class:`FieldForm`."""

    @staticmethod
    def edit(
        parent: QWidget, runner, *, partner_id: str | None = None, event_id: str | None = None
    ) -> bool:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox

        record = events.get_event(event_id) if event_id else None
        dialog = QDialog(parent)
        dialog.setObjectName("eventDialog")
        dialog.setWindowTitle(
            QCoreApplication.translate("editors", "Edit the event")
            if record
            else QCoreApplication.translate("editors", "New event")
        )
        layout = QVBoxLayout(dialog)
        form = FieldForm(
            [*events.FIELDS, EVENT_PROGRAMME], dialog, sources={"programme_id": programmes.AREA}
        )
        form.load(record)
        layout.addWidget(form)
        error = QLabel(dialog)
        error.setStyleSheet("color: #b00020;")
        error.hide()
        layout.addWidget(error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        layout.addWidget(buttons)
        buttons.rejected.connect(dialog.reject)

        def save() -> None:
            values = {
                **form.values(),
                "partner_id": (record or {}).get("partner_id") or partner_id,
            }
            try:
                if record:
                    runner.update("events", record["id"], values, record["version"])
                else:
                    runner.create("events", values)
            except ValidationError as exc:
                form.set_errors(exc.errors)
                error.setText(str(exc))
                error.show()
                return
            dialog.accept()

        buttons.accepted.connect(save)
        dialog.resize(520, dialog.sizeHint().height())
        return dialog.exec() == QDialog.DialogCode.Accepted
