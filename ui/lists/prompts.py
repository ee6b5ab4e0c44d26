"""The questions a section asks before it leaves, reloads or deletes a record.

Kept apart from :mod:`.section` so that the section holds the list and page logic only;
the texts keep their "section" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from relations_app.services import AREAS, StaleRecordError, trash

from ..kit import stale
from ..kit.link_texts import describe_links


def ask_unsaved(parent: QWidget, heading: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, for the unsaved changes of the page headed ``heading``."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("section", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("section", "“%1” has unsaved changes.").replace("%1", heading)
    )
    box.setInformativeText(QCoreApplication.translate("section", "Save them before leaving?"))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def ask_reload_stale(parent: QWidget, exc: StaleRecordError) -> bool:
    """Another window saved the record first: True to reload it (the edits are lost).
    The one stale prompt (:mod:`ui.kit.stale`), which undo and the history panel show too."""
    return stale.ask_reload(parent, exc)


def ask_delete(parent: QWidget, collection: str, record: dict) -> bool:
    """True when the user confirms deleting ``record``, told what goes with it."""
    area = AREAS[collection]
    details = describe_links(collection, area.linked(record["id"]))
    linked_text = (
        QCoreApplication.translate("section", "Linked to it: %1.").replace("%1", details) + "\n"
        if details
        else ""
    )
    trashable = collection in trash.TRASHABLE
    box = QMessageBox(parent)
    box.setObjectName("deletePrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("section", "Delete"))
    if trashable:
        box.setText(
            QCoreApplication.translate("section", "Move “%1” to the trash?").replace(
                "%1", area.label_of(record)
            )
        )
        box.setInformativeText(
            linked_text
            + QCoreApplication.translate(
                "section",
                "It goes to the Trash with its links: restore it from there, or undo with Ctrl+Z.",
            )
        )
    else:
        box.setText(
            QCoreApplication.translate("section", "Delete “%1”?").replace(
                "%1", area.label_of(record)
            )
        )
        box.setInformativeText(
            linked_text + QCoreApplication.translate("section", "You can undo this with Ctrl+Z.")
        )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("section", "Move to the trash")
        if trashable
        else QCoreApplication.translate("section", "Delete")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
