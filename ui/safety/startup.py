"""Opening the database at start: checked first, and never a silent overwrite.

:func:`open_database` calls :func:`relations_app.bootstrap.start`.  A sound file opens
(after its start copy and any migration).  A damaged one is neither copied nor written:
:class:`DamagedDatabaseDialog` explains, in the domain's French words, and offers to
restore the latest good copy, to pick another copy (:class:`ui.safety.backup_dialogs.RestoreDialog`)
or to quit.  It does not offer to open the damaged file anyway: pages SQLite cannot read
would fail at random moments, and every save would risk the rest; the command line
(``relations-app check`` / ``export``) remains for salvaging what can be read.
Migration and storage failures (disk full, read-only or locked file) end the start with
their own message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from relations_app import backups, bootstrap
from relations_app.location import DatabaseLocation

from ..kit.faults import show_error, show_message
from ..kit.first_paint import after_first_paint
from ..kit.tasks import run_in_background


def _warn_if_no_copy(parent: QWidget | None, report: bootstrap.StartReport) -> None:
    if report.copy_error:
        show_message(
            parent,
            QCoreApplication.translate("startup", "No start copy"),
            QCoreApplication.translate(
                "startup",
                "The safety copy made at start failed: %1\nYou can work, but "
                "make a copy (File › Save a copy…) as soon as possible.",
            ).replace("%1", report.copy_error),
            "startCopyWarning",
        )


#: The whole-file check starts at the latest this long after the first paint.
CHECK_LATEST_MS = 3000


def check_after_first_paint(
    window: QMainWindow, report: bootstrap.StartReport, on_damaged: Callable[[], None]
) -> None:
    """Finish the start's whole-file check and start copy off the GUI thread, once the
    window shows and its dashboard's first reads are done (read beside the check, the
    file's pages would be read twice over on a cold start; at the latest
    :data:`CHECK_LATEST_MS` after the paint: never skipped); its status bar says so
    meanwhile, and every save waits for the end (:mod:`relations_app.db.gate`).  A damaged
    file calls ``on_damaged``, which offers the latest good copy as a start would."""
    bar = window.statusBar()
    bar.showMessage(QCoreApplication.translate("startup", "Checking the database…"))

    def done(result: bootstrap.StartReport) -> None:
        bar.clearMessage()
        if result.ok:
            _warn_if_no_copy(window, result)
        else:
            on_damaged()

    def failed(exc: Exception, _trace: str) -> None:
        bar.clearMessage()
        show_error(
            window,
            QCoreApplication.translate("startup", "Cannot check the database"),
            exc,
            report.location,
            name="startCheckError",
        )

    started = False

    def check() -> None:
        nonlocal started
        if started:  # the dashboard's reads, or the latest time, whichever comes first
            return
        started = True
        run_in_background(
            lambda _ctx: bootstrap.finish_start_check(report), on_success=done, on_failure=failed
        )

    def painted() -> None:
        dashboard = getattr(window, "dashboard", None)
        if dashboard is None or dashboard.filled:
            check()
            return
        dashboard.filled_now.connect(check)
        QTimer.singleShot(CHECK_LATEST_MS, window, check)

    after_first_paint(window, painted)


class DamagedDatabaseDialog(QDialog):
    """What to do with a damaged database: restore a copy, choose one, or quit."""

    RESTORE_LATEST = 10
    CHOOSE = 11
    QUIT = 0

    def __init__(self, report: bootstrap.StartReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("damagedDatabaseDialog")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        texts = QVBoxLayout()
        heading = QLabel(self.tr("Relations cannot open this database safely."), self)
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        heading.setWordWrap(True)
        texts.addWidget(heading)
        self.message = QLabel(report.message(), self)
        self.message.setObjectName("damagedMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.message)
        advice = QLabel(
            self.tr(
                "The file has not been changed. Restoring a copy first keeps the damaged file in the "
                "backups folder, so nothing is lost."
            ),
            self,
        )
        advice.setWordWrap(True)
        texts.addWidget(advice)
        top.addLayout(texts, 1)
        layout.addLayout(top)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.quit_button.setObjectName("quitButton")
        self.choose_button = QPushButton(self.tr("&Choose a copy…"), self)
        self.choose_button.setObjectName("chooseCopyButton")
        self.restore_button = QPushButton(self.tr("&Restore the latest good copy"), self)
        self.restore_button.setObjectName("restoreLatestButton")
        for button in (self.quit_button, self.choose_button, self.restore_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        latest = report.latest_good_backup
        self.restore_button.setEnabled(latest is not None)
        if latest is not None:
            self.restore_button.setToolTip(latest.describe())
            self.restore_button.setDefault(True)
        else:
            self.choose_button.setDefault(True)
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        self.choose_button.clicked.connect(lambda: self.done(self.CHOOSE))
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE_LATEST))


def warn_if_on_share(location: DatabaseLocation, parent: QWidget | None = None) -> bool:
    """A local file on a network share (NFS, SMB/CIFS, sshfs…): say, in French, that the
    shared server is the way to work together, unless told not to again for this file.
    True when the warning was shown."""
    from relations_app import shares

    from ..kit import settings

    if location.is_server:
        return False
    share = shares.network_share(location.path)
    key = str(location.path)
    silenced = [p for p in settings.get(settings.SHARE_WARNINGS_OFF).split("\n") if p]
    if share is None or key in silenced:
        return False
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("startup", "Database on a network share"),
        shares.warning(location.path, share),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("networkShareWarning")
    again = QCheckBox(
        QCoreApplication.translate("startup", "Do not show this again for this file"), box
    )
    again.setObjectName("shareWarningOff")
    box.setCheckBox(again)
    box.exec()
    if again.isChecked():
        settings.set(settings.SHARE_WARNINGS_OFF, "\n".join([*silenced, key]))
    return True


def open_database(
    location: DatabaseLocation, *, check_later: bool = False
) -> bootstrap.StartReport | None:
    """Open ``location`` for the window; None when the user quits or it cannot be opened.

    With ``check_later``, a sound-looking file at the current schema opens at once and
    :func:`check_after_first_paint` finishes its check once the window shows.  A file on
    a network share is opened after a warning (:func:`warn_if_on_share`)."""
    warn_if_on_share(location)
    while True:
        try:
            report = bootstrap.start(location, check_later=check_later)
        except Exception as exc:
            show_error(
                None,
                QCoreApplication.translate("startup", "Cannot open the database"),
                exc,
                location,
                name="startError",
                critical=True,
            )
            return None
        if report.ok:
            _warn_if_no_copy(None, report)
            return report
        choice = DamagedDatabaseDialog(report).exec()
        chosen: Path | None = None
        if choice == DamagedDatabaseDialog.RESTORE_LATEST and report.latest_good_backup is not None:
            chosen = report.latest_good_backup.path
        elif choice == DamagedDatabaseDialog.CHOOSE:
            from .backup_dialogs import RestoreDialog

            dialog = RestoreDialog(location, for_startup=True)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                chosen = dialog.chosen_path
        if chosen is None:
            if choice in (DamagedDatabaseDialog.RESTORE_LATEST, DamagedDatabaseDialog.CHOOSE):
                bootstrap.close()
                continue  # back to the explanation
            bootstrap.close()
            return None
        bootstrap.close()
        try:
            result = backups.restore_backup(location, chosen)
        except Exception as exc:
            show_error(
                None,
                QCoreApplication.translate("startup", "Restore failed"),
                exc,
                location,
                name="startError",
                critical=True,
            )
            continue
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("startup", "Database restored"),
            result.describe(),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("restoredMessage")
        box.exec()
