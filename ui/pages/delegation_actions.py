"""What a delegation's page offers beyond editing: the briefing, the agenda file, a copy.

Why apart from :mod:`ui.pages.editors`: these are documents and a new record made from the one
on screen, not fields; keeping them here leaves the editor a list of fields and lists.
The briefing asks first which documents to append (:mod:`.annexes_dialog`), then is made
off the GUI thread with a progress bar per partner section and Cancel (:func:`ui.documents.pdf_preview.preview_in_background`); the copy goes through the window's
command runner, so Undo removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relations_app.reports.naming import safe_file_name
from relations_app.services import briefing_documents, delegations

from ..documents.pdf_preview import preview_in_background, run_cancellable
from ..kit import tasks
from ..kit.faults import show_error
from .annexes_dialog import AnnexesDialog

WEEKS_LATER = 52  # a copy's proposed first day: the same weekday, a year on


def preview_briefing(
    parent: QWidget, delegation_id: str, annexes: Sequence[str] = ()
) -> tasks.TaskHandle:
    """Build the delegation's briefing in the background, with the documents ``annexes``
    names appended, then open it in a preview."""
    translate = QCoreApplication.translate
    chosen = tuple(annexes)

    def work(ctx: tasks.TaskContext):
        from relations_app.reports.briefing import BriefingCancelled, render_briefing

        return run_cancellable(
            ctx, partial(render_briefing, delegation_id, annexes=chosen), BriefingCancelled
        )

    return preview_in_background(
        parent,
        work,
        name="briefingProgress",
        window_title=translate("DelegationActions", "Delegation briefing"),
        busy_text=translate("DelegationActions", "Generating the delegation briefing…"),
        dialog_title=lambda result: translate(
            "DelegationActions", "Delegation briefing: %1"
        ).replace("%1", result.title),
    )


class DuplicateDialog(QDialog):
    """Asks the first day of the copy, or none yet."""

    def __init__(self, record: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDelegationDialog")
        self.setWindowTitle(
            QCoreApplication.translate("DelegationActions", "Duplicate the delegation")
        )
        first = delegations.first_day(record)
        proposed = first + timedelta(weeks=WEEKS_LATER) if first else date.today()
        while proposed < date.today():
            proposed += timedelta(weeks=WEEKS_LATER)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            QCoreApplication.translate(
                "DelegationActions",
                "The copy keeps the partners, members, texts and agenda, titled “Copie de …” and in preparation. Every date moves by the same number of days, so that the programme keeps its shape.",
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.start = QDateEdit(QDate(proposed.year, proposed.month, proposed.day), self)
        self.start.setObjectName("duplicateStart")
        self.start.setCalendarPopup(True)
        self.start.setAccessibleName(
            QCoreApplication.translate("DelegationActions", "First day of the new delegation")
        )
        form.addRow(
            QCoreApplication.translate("DelegationActions", "First day of the new delegation"),
            self.start,
        )
        layout.addLayout(form)
        self.no_dates = QCheckBox(
            QCoreApplication.translate(
                "DelegationActions", "No dates yet (the agenda is not copied)"
            ),
            self,
        )
        self.no_dates.setObjectName("duplicateWithoutDates")
        self.no_dates.toggled.connect(lambda checked: self.start.setEnabled(not checked))
        layout.addWidget(self.no_dates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("DelegationActions", "Duplicate")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_start(self) -> date | None:
        if self.no_dates.isChecked():
            return None
        value = self.start.date()
        return date(value.year(), value.month(), value.day())


class DelegationActions(QWidget):
    """The buttons above a delegation's page: briefing, agenda file, duplicate."""

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setObjectName("delegationActions")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 2)
        self.briefing_button = self._button(
            "briefingButton",
            QCoreApplication.translate("DelegationActions", "Delegation briefing…"),
            QCoreApplication.translate(
                "DelegationActions", "Preview, print or save the briefing pack (PDF)"
            ),
        )
        self.agenda_button = self._button(
            "exportAgendaButton",
            QCoreApplication.translate("DelegationActions", "Export the agenda (.ics)…"),
            QCoreApplication.translate(
                "DelegationActions", "Save the agenda as a calendar file for Outlook or Thunderbird"
            ),
        )
        self.duplicate_button = self._button(
            "duplicateButton",
            QCoreApplication.translate("DelegationActions", "Duplicate…"),
            QCoreApplication.translate("DelegationActions", "Start a new delegation from this one"),
        )
        for button in (self.briefing_button, self.agenda_button, self.duplicate_button):
            row.addWidget(button)
        row.addStretch(1)
        self.briefing_button.clicked.connect(self.show_briefing)
        self.agenda_button.clicked.connect(self.export_agenda)
        self.duplicate_button.clicked.connect(self.duplicate)
        for form in editor.forms:  # what prints when the field is left empty
            if "confidentiality" in form.inputs:
                form.inputs["confidentiality"].widget.setPlaceholderText(
                    delegations.DEFAULT_CONFIDENTIALITY
                )
        self.set_record(None)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoDefault(False)
        return button

    def set_record(self, record: dict | None) -> None:
        saved = bool(record and record.get("id"))
        for button in (self.briefing_button, self.agenda_button, self.duplicate_button):
            button.setEnabled(saved)
        self.agenda_button.setEnabled(saved and bool((record or {}).get("agenda")))

    def _saved_record(self) -> dict | None:
        """The record on screen, once its changes are saved (documents show saved data)."""
        record = self.editor.record
        if not record:
            return None
        if self.editor.dirty:
            QMessageBox.information(
                self,
                QCoreApplication.translate("DelegationActions", "Unsaved changes"),
                QCoreApplication.translate(
                    "DelegationActions", "Save or discard the changes to this delegation first."
                ),
            )
            return None
        return record

    # -- actions -----------------------------------------------------------------------------

    def show_briefing(self) -> tasks.TaskHandle | None:
        """The briefing, after asking which documents to append when there are some."""
        record = self._saved_record()
        if record is None:
            return None
        offered = briefing_documents.candidates(record["id"])
        chosen: list[str] = []
        if offered:
            dialog = AnnexesDialog(offered, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = dialog.chosen()
        return preview_briefing(self.window(), record["id"], chosen)

    def export_agenda(self) -> Path | None:
        record = self._saved_record()
        if record is None:
            return None
        from relations_app.exchange.ics import delegation_calendar_bytes
        from relations_app.reports.output import write_output

        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("DelegationActions", "Export the agenda"),
            str(Path.home() / safe_file_name(record["title"], ".ics")),
            QCoreApplication.translate("DelegationActions", "Calendar files (*.ics)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            payload, count = delegation_calendar_bytes(record["id"])
            write_output(path, payload)
        except Exception as exc:
            show_error(
                self,
                QCoreApplication.translate("DelegationActions", "Export the agenda"),
                exc,
                template=QCoreApplication.translate(
                    "DelegationActions", "The file could not be written: %1"
                ),
            )
            return None
        QMessageBox.information(
            self,
            QCoreApplication.translate("DelegationActions", "Export the agenda"),
            QCoreApplication.translate(
                "DelegationActions", "%n appointment(s) saved in %1.", "", count
            ).replace("%1", str(path)),
        )
        return path

    def duplicate(self) -> dict | None:
        record = self._saved_record()
        if record is None:
            return None
        dialog = DuplicateDialog(record, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            data = delegations.duplicate_data(record["id"], dialog.chosen_start())
            created = self.editor.runner.create("delegations", data)
        except Exception as exc:
            show_error(
                self,
                QCoreApplication.translate("DelegationActions", "Duplicate the delegation"),
                exc,
            )
            return None
        self.editor.open_record.emit("delegations", created["id"])
        return created
