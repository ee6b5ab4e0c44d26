"""Turning an exception from the domain into the French sentence a dialog shows.

The domain's messages are French already: a ``UserError`` is shown as it is, and an SQLite
or disk error becomes its :class:`relations_app.db.storage.DatabaseFault` (disk full, read-only
file, database locked, damaged file…) through :func:`storage.fault_from`.  Anything else is
a bug: :func:`error_text` returns None and the caller lets it propagate (or, for a
background task, shows the generic text with the exception's own words).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from relations_app.db import storage
from relations_app.errors import UserError


def error_text(exc: BaseException, db_path: Path | None = None) -> str | None:
    """The French message for ``exc``: a storage fault's own, or a ``UserError``'s."""
    fault = storage.fault_from(exc, db_path)
    if fault is not None:
        return str(fault)
    if isinstance(exc, UserError):
        return str(exc)
    return None


def any_error_text(exc: BaseException, db_path: Path | None = None) -> str:
    """As :func:`error_text`, with a last resort for unexpected errors (background tasks)."""
    text = error_text(exc, db_path)
    if text is not None:
        return text
    return QCoreApplication.translate("faults", "Unexpected error: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def show_error(
    parent: QWidget | None, title: str, exc: BaseException, db_path: Path | None = None
) -> None:
    box = QMessageBox(parent)
    box.setObjectName("errorMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(any_error_text(exc, db_path))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
