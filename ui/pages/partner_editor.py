"""A partner's profile (the fact sheet's content in the window: identity and map, texts, key
figures, programmes, funding, contacts, the French post, the consulate, the timeline) and
the dialog that adds or edits one event of its timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import events, partners, programmes
from relations_app.services.factsheet_data import factsheet_data
from relations_app.validation import Field, ValidationError

from ..kit import labels
from ..kit.form import FieldForm
from ..kit.labels import QT_TRANSLATE_NOOP
from . import partner_profile as profile
from .editor import RecordEditor
from .editor_texts import group, programme_items
from .funding_view import FundingMatrix
from .list_editors import SubTableEditor
from .locator_view import LocatorMap
from .page_section import FieldsView, rich_label

POST_PEOPLE_SHOWN = partners.PAGE_POST_PEOPLE  # the rest on the post's own page ("voir tout")


class SpellingsAndThemes(QWidget):
    """Other spellings (one per line) and themes (separated by commas), edited as text."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setObjectName("field_aliases")
        self.aliases.setAccessibleName(
            QCoreApplication.translate("editors", "Other spellings, one per line")
        )
        self.aliases.setMaximumHeight(60)
        self.aliases.setTabChangesFocus(True)
        self.themes = QLineEdit(self)
        self.themes.setObjectName("field_themes")
        self.themes.setAccessibleName(
            QCoreApplication.translate("editors", "Themes, separated by commas")
        )
        self.themes.setPlaceholderText(
            QCoreApplication.translate("editors", "e.g. mer, culture, éducation")
        )
        form.addRow(QCoreApplication.translate("editors", "Other spellings"), self.aliases)
        form.addRow(QCoreApplication.translate("editors", "Themes"), self.themes)
        self.aliases.textChanged.connect(self.changed)
        self.themes.textChanged.connect(self.changed)


class PartnerEditor(RecordEditor):
    """The partner's profile: the fact sheet's content, each part editable on its own."""

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
                "agreement_year_note",
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
                "website_note",
                "counterpart",
                "latitude",
                "longitude",
                "timezone",
            ),
        ),
        (group(QT_TRANSLATE_NOOP("editors", "Texts")), ("summary", "history", "sources", "notes")),
    )

    def build(self) -> None:
        self.data: dict = {}
        identity = QWidget(self)
        row = QHBoxLayout(identity)
        row.setContentsMargins(0, 0, 0, 0)
        self.identity = FieldsView([], identity)
        self.identity.setObjectName("partnerIdentity")
        self.map = LocatorMap(identity)
        row.addWidget(self.identity, 3)
        row.addWidget(self.map, 2, Qt.AlignmentFlag.AlignTop)
        self.add_section("identity", self.group_title(0), identity, [self.forms[0], self.forms[1]])
        self.identity.link_activated.connect(self.follow_link)
        self.spellings = SpellingsAndThemes(self)
        self.aliases, self.themes = self.spellings.aliases, self.spellings.themes
        fields = {f.name: f for f in self.area.fields}
        self.presentation = FieldsView([fields[n] for n in ("summary", "history", "notes")], self)
        self.add_section(
            "texts",
            QCoreApplication.translate("editors", "Presentation and history"),
            self.presentation,
            [self.forms[2], self.spellings],
        )
        self.add_list(
            QCoreApplication.translate("editors", "Key figures"),
            SubTableEditor(partners.KEY_FIGURES, {"programme_id": programmes.AREA.options}, self),
        )
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )
        funding = QWidget(self)
        funding_layout = QVBoxLayout(funding)
        funding_layout.setContentsMargins(0, 0, 0, 0)
        self.funding = FundingMatrix(funding)
        self.funding_notes = rich_label(funding, name="fundingNotes")
        self.funding_notes.linkActivated.connect(self.follow_link)
        funding_layout.addWidget(self.funding)
        funding_layout.addWidget(self.funding_notes)
        self.funding_box = self.add_group(
            QCoreApplication.translate("editors", "Funding by funder and year"), funding
        )
        self.contacts = self.add_related(
            "contacts", QCoreApplication.translate("editors", "Contacts")
        )
        self.post = self.add_related(
            "posts", QCoreApplication.translate("editors", "French diplomatic post")
        )
        self.consulate = self.add_related(
            "consulate", QCoreApplication.translate("editors", "Honorary consulate in Brest")
        )
        self.timeline = self.add_related(
            "events", QCoreApplication.translate("editors", "Timeline (newest first)")
        )
        buttons = QHBoxLayout()
        self.add_event = QPushButton(QCoreApplication.translate("editors", "Add an event…"), self)
        self.add_event.setObjectName("addEventButton")
        self.edit_event = QPushButton(QCoreApplication.translate("editors", "Edit…"), self)
        self.remove_event = QPushButton(QCoreApplication.translate("editors", "Remove"), self)
        for b in (self.add_event, self.edit_event, self.remove_event):
            buttons.addWidget(b)
        self.write_controls += [self.add_event, self.edit_event, self.remove_event]
        buttons.addStretch(1)
        timeline_layout = self.timeline.box.layout()
        assert isinstance(timeline_layout, QBoxLayout)
        timeline_layout.addLayout(buttons)
        self.add_event.clicked.connect(self._add_event)
        self.edit_event.clicked.connect(self._edit_event)
        self.remove_event.clicked.connect(self._remove_event)
        self.timeline.open_record.disconnect()
        self.timeline.open_record.connect(lambda _c, _i: self._edit_event())

    def subtitle_of(self, record: dict) -> str:
        kind = labels.partner_kind(record.get("kind"))
        place = ", ".join(
            x for x in (labels.country(record.get("country")), record.get("region")) if x
        )
        return " · ".join(x for x in (record.get("local_name"), kind, place) if x)

    def badges_of(self, record: dict) -> str:
        return profile.badges(self.data) if self.data else ""

    def load_extra(self, record: dict | None) -> None:
        record = record or {}
        self.aliases.setPlainText("\n".join(record.get("aliases", [])))
        self.themes.setText(", ".join(record.get("themes", [])))
        if not record.get("id"):
            self.data = {}
            self.identity.show_record(None)
            self.presentation.show_record(None)
            self.map.set_places(None, None)
            self.funding_box.hide()
            return
        data = self.data = factsheet_data(  # the fact sheet's own source
            record["id"],
            max_events=0,
            partner=record,
            max_post_people=POST_PEOPLE_SHOWN,
            agreements=False,  # shown in the page's Documents
        )
        self.identity.show_record(None, profile.identity_rows(data))
        office = data["office"]
        self.map.set_places(data, office)
        self.presentation.show_record(record, profile.presentation_rows(data))
        self.programmes.set_items(programme_items(data["programmes"]))
        self.funding_box.setVisible(bool(data["funding"]))
        if data["funding"]:
            self.funding.show_lines(data["funding"])
        notes = profile.funding_notes(data)
        self.funding_notes.setText(notes)
        self.funding_notes.setVisible(bool(notes))
        self.contacts.set_items(
            profile.contact_items(data)
            or [("", "", QCoreApplication.translate("editors", "None recorded"))]
        )
        self.post.set_items(
            profile.post_items(data)
            or [("", "", QCoreApplication.translate("editors", "None recorded for this country"))]
        )
        self.consulate.box.title.setText(
            QCoreApplication.translate("editors", "Honorary consulate in %1").replace(
                "%1", office.get("name", "")
            )
        )
        self.consulate.set_items(
            profile.consulate_items(data)
            or [("", "", QCoreApplication.translate("editors", "None in Brest for this country"))]
        )
        self.timeline.set_items(profile.event_items(data))

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
        if event_id and not self.read_only:
            EventDialog.edit(self, self.runner, event_id=event_id)

    def _remove_event(self) -> None:
        event_id = self._selected_event()
        if event_id:
            self.runner.delete("events", event_id)


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
