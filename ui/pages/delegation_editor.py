"""A delegation's page: dates, members on each side, the agenda, and its documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from relations_app.services import (
    contacts,
    delegations,
)

from ..kit.labels import QT_TRANSLATE_NOOP
from .delegation_actions import DelegationActions
from .editor import RecordEditor
from .editor_texts import group
from .list_editors import SubTableEditor


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
        (
            group(QT_TRANSLATE_NOOP("editors", "Briefing")),
            ("stakes", "sensitive_points", "protocol", "entry_formalities"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Travel and stay")),
            ("travel", "hotel", "hotel_phone", "transfers", "duty_phone"),
        ),
        (
            group(QT_TRANSLATE_NOOP("editors", "Document control")),
            ("document_version", "author", "distribution"),
        ),
    )

    def build(self) -> None:
        self.documents = DelegationActions(self)  # briefing, agenda file, duplicate
        self.outer.insertWidget(1, self.documents)
        self.add_partner_links()
        self.add_list(
            QCoreApplication.translate("editors", "Members"),
            SubTableEditor(delegations.MEMBERS, {"contact_id": contacts.AREA.options}, self),
        )
        self.add_list(
            QCoreApplication.translate("editors", "Agenda"),
            SubTableEditor(delegations.AGENDA, {}, self),
        )

    def load_extra(self, record: dict | None) -> None:
        self.documents.set_record(record)
