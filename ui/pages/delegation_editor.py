"""A delegation's page: dates, members on each side, the agenda day by day, its documents."""

from __future__ import annotations

from html import escape
from itertools import groupby

from PySide6.QtCore import QCoreApplication

from relations_app.services import (
    contacts,
    delegations,
)

from ..kit import labels
from ..kit.labels import QT_TRANSLATE_NOOP
from .delegation_actions import DelegationActions
from .editor import RecordEditor
from .editor_texts import badge, group, period
from .list_editors import SubTableEditor
from .page_section import rich_label


def agenda_html(items: list[dict]) -> str:
    """The agenda grouped by day, in time order, as rich text ("" when empty)."""
    if not items:
        return ""
    ordered = sorted(items, key=lambda i: (i.get("date") or "", i.get("start_time") or ""))
    parts = []
    for day, entries in groupby(ordered, key=lambda i: i.get("date") or ""):
        parts.append(f"<p style='margin-top:6px'><b>{escape(labels.date(day) or '—')}</b></p>")
        rows = []
        for item in entries:
            hours = "–".join(t for t in (item.get("start_time"), item.get("end_time")) if t)
            where = f" — {escape(item['place'])}" if item.get("place") else ""
            people = (
                f"<br><span style='color:gray'>{escape(item['people'])}</span>"
                if item.get("people")
                else ""
            )
            rows.append(
                f"<tr><td style='padding-right:10px' valign='top'>{escape(hours)}</td>"
                f"<td>{escape(item.get('subject') or '')}{where}{people}</td></tr>"
            )
        parts.append("<table>" + "".join(rows) + "</table>")
    return "".join(parts)


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
        self.write_controls.append(self.documents.duplicate_button)
        self.outer.insertWidget(1, self.documents)
        self.add_field_groups([0])
        self.add_partner_links()
        self.add_list(
            QCoreApplication.translate("editors", "Members"),
            SubTableEditor(delegations.MEMBERS, {"contact_id": contacts.AREA.options}, self),
        )
        self.agenda_view = rich_label(self, name="agendaDays")
        self.agenda = self.add_list(
            QCoreApplication.translate("editors", "Agenda"),
            SubTableEditor(delegations.AGENDA, {}, self),
            view=self.agenda_view,
        )
        self.agenda.changed.connect(lambda: self._show_agenda(self.agenda.values()))
        self.add_field_groups([1])

    def _show_agenda(self, items: list[dict]) -> None:
        self.agenda_view.setText(
            agenda_html(items) or QCoreApplication.translate("editors", "No agenda item yet")
        )

    def subtitle_of(self, record: dict) -> str:
        return " · ".join(
            x
            for x in (period(record.get("start"), record.get("end")), record.get("destination"))
            if x
        )

    def badges_of(self, record: dict) -> str:
        found = []
        if record.get("status"):
            found.append(badge(labels.choice("status", record["status"]), record["status"]))
        if record.get("direction"):
            found.append(badge(labels.choice("direction", record["direction"])))
        return " ".join(found)

    def load_extra(self, record: dict | None) -> None:
        self.documents.set_record(record)
        self._show_agenda((record or {}).get("agenda", []))
