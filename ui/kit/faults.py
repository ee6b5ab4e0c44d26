"""The one way to show an error: :func:`show_error`.

The domain's messages are French already: a ``UserError`` is shown as it is, and an SQLite
or disk error becomes its :class:`relations_app.faults.DatabaseFault` (disk full, read-only
file, database locked, damaged file…) through :func:`relations_app.faults.fault_from`; both open a
warning with that sentence.  Anything else is a bug: it is written to the log with its
traceback and shown in the one unexpected-error dialog (:mod:`ui.kit.crash`), and the
window goes on.  :func:`error_text` tells the two apart for the rare caller that must.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from relations_app import logs
from relations_app.errors import UserError
from relations_app.faults import fault_from
from relations_app.location import DatabaseLocation

from . import crash

#: The window's watch on a server connection (:class:`ui.safety.connection_watch.ConnectionWatch`):
#: given an error, True when it is the connection lost, which the watch's banner then
#: shows instead of a dialog.  None on a local file.
connection_handler: Callable[[BaseException], bool] | None = None


def error_text(exc: BaseException, location: DatabaseLocation | None = None) -> str | None:
    """The French message for ``exc``: a storage fault's own, a ``UserError``'s, or the
    system's words for a file that could not be read or written (``OSError``).

    None for anything else: a bug.
    """
    fault = fault_from(exc, location)
    if fault is not None:
        return str(fault)
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return None


def any_error_text(exc: BaseException, location: DatabaseLocation | None = None) -> str:
    """As :func:`error_text`, with a last resort for unexpected errors, which are logged.

    For the places that must not open a dialog (the status bar after a timed copy).
    """
    text = error_text(exc, location)
    if text is not None:
        return text
    logs.log_unexpected(exc)
    return QCoreApplication.translate("faults", "Unexpected error: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def show_error(
    parent: QWidget | None,
    title: str,
    exc: BaseException,
    location: DatabaseLocation | None = None,
    *,
    name: str = "errorMessage",
    template: str = "",
    critical: bool = False,
) -> None:
    """Show ``exc`` to the person: its French message, or the unexpected-error dialog.

    ``template`` (with ``%1``) puts the French message in a sentence ("The copy made at
    exit failed: %1"); ``name`` is the box's object name.  An exception caught on another
    thread (a background task) keeps its traceback, which goes to the log.
    """
    if connection_handler is not None and connection_handler(exc):
        logs.logger.warning("%s: the server's connection was lost (%s)", title, exc)
        return
    text = error_text(exc, location)
    if text is None:
        crash.show_unexpected(parent, exc, logs.log_unexpected(exc, title), block=True)
        return
    show_message(parent, title, template.replace("%1", text) if template else text, name, critical)


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    name: str = "errorMessage",
    critical: bool = False,
) -> None:
    """A warning that is not an exception (nothing to show, a refused choice)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
