"""The pages of the directory's records: organisations, contacts (with their positions over
time), diplomatic posts and honorary consulates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from relations_app.services import (
    contacts,
    organisations,
    posts,
    programmes,
)

from ..kit import labels
from ..kit.labels import QT_TRANSLATE_NOOP
from .editor import RecordEditor
from .editor_texts import group, programme_items
from .list_editors import SubTableEditor
from .photo_field import PhotoField


class OrganisationEditor(RecordEditor):
    collection = "organisations"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Organisation")),
            ("name", "acronym", "kind", "country", "city", "website", "description"),
        ),
    )

    def build(self) -> None:
        self.add_field_groups([0])
        self.add_partner_links()
        self.people = self.add_related("contacts", QCoreApplication.translate("editors", "People"))
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )

    def subtitle_of(self, record: dict) -> str:
        place = ", ".join(
            x for x in (record.get("city"), labels.country(record.get("country"))) if x
        )
        kind = labels.choice("kind", record.get("kind")) if record.get("kind") else ""
        return " · ".join(x for x in (record.get("acronym"), kind, place) if x)

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
            programme_items(programmes.list_programmes(organisation_id=record["id"]).rows)
        )


class ContactEditor(RecordEditor):
    collection = "contacts"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Person")),
            ("family_name", "given_name", "email", "phone", "notes"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "For briefings")),
            ("biography", "previous_contacts"),
        ),
    )

    def build(self) -> None:
        self.add_field_groups([0])
        self.photo = PhotoField(self)
        self.photo.changed.connect(self.mark_dirty)
        self.add_group(QCoreApplication.translate("editors", "Photo (for briefings)"), self.photo)
        self.add_list(
            QCoreApplication.translate("editors", "Functions over time (current ones have no end)"),
            SubTableEditor(
                contacts.POSITIONS,
                {"organisation_id": organisations.AREA.options, "post_id": posts.AREA.options},
                self,
            ),
        )
        self.add_field_groups([1])
        self.add_partner_links()
        self.programmes = self.add_related(
            "programmes", QCoreApplication.translate("editors", "Programmes")
        )

    def subtitle_of(self, record: dict) -> str:
        """The current function and where it is held."""
        current = contacts.current_position(record.get("positions") or []) or {}
        place = ""
        if current.get("organisation_id"):  # named with the page's other names
            place = self.label(organisations.AREA, current["organisation_id"])
        elif current.get("post_id"):
            place = self.label(posts.AREA, current["post_id"])
        return " — ".join(x for x in (current.get("function"), place) if x)

    def load_extra(self, record: dict | None) -> None:
        self.photo.set_value((record or {}).get("photo"))
        if record:
            self.programmes.set_items(
                programme_items(programmes.list_programmes(contact_id=record["id"]).rows)
            )

    def extra_values(self) -> dict:
        return {"photo": self.photo.value}


class PostEditor(RecordEditor):
    collection = "posts"
    groups = (
        (
            group(QT_TRANSLATE_NOOP("editors", "Diplomatic post")),
            ("name", "country", "city", "address", "website", "phone"),
        ),
    )

    def build(self) -> None:
        self.add_field_groups([0])
        self.people = self.add_related(
            "contacts", QCoreApplication.translate("editors", "Cooperation contacts")
        )
        self.partners = self.add_related(
            "partners", QCoreApplication.translate("editors", "Partners of this country")
        )

    def subtitle_of(self, record: dict) -> str:
        return ", ".join(
            x for x in (record.get("city"), labels.country(record.get("country"))) if x
        )

    def load_extra(self, record: dict | None) -> None:
        if not record:
            return
        # the page's record is get_post's (GET_FUNCTIONS): its people and partners are read
        detail = record if "contacts" in record else posts.get_post(record["id"])
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

    def subtitle_of(self, record: dict) -> str:
        return record.get("consul_name") or ""
