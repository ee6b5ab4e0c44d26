"""A partner's page (identity, texts, themes, key figures, its programmes, contacts, post and
consulate) and the dialog that adds or edits one event of its timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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

from relations_app.services import (
    contacts,
    events,
    partners,
    programmes,
)
from relations_app.validation import Field, ValidationError

from ..kit import labels
from ..kit.form import FieldForm
from ..kit.labels import QT_TRANSLATE_NOOP
from .editor import RecordEditor
from .editor_texts import group, programme_items
from .list_editors import SubTableEditor


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
        timeline_layout = self.timeline.box.layout()
        assert isinstance(timeline_layout, QBoxLayout)
        timeline_layout.addLayout(buttons)
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
        self.programmes.set_items(programme_items(record.get("programmes", [])))
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
