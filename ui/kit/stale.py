"""The one answer to a change refused because the record moved on (``StaleRecordError``).

A save made on a stale copy, an undo or redo of a step on a record someone changed since,
putting back an earlier value of a record that changed since the history was read: all
say what changed (the domain's French message) and offer the same two choices, reload
the record or keep what is on screen.  Nothing was written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from relations_app.services import StaleRecordError


def ask_reload(parent: QWidget | None, exc: StaleRecordError) -> bool:
    """Show the refusal; True when the person chose to reload the record."""
    box = QMessageBox(parent)
    box.setObjectName("stalePrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("section", "Changed elsewhere"))
    box.setText(str(exc))
    box.setInformativeText(
        QCoreApplication.translate(
            "section",
            "Reload the record to see the other change (your edits are then lost), or keep "
            "editing to copy what you typed before reloading.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Reset).setText(
        QCoreApplication.translate("section", "Reload the record")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("section", "Keep editing")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Reset
