"""Préférences › Base de données: which database Relations opens.

A local file (its path, Parcourir…) or the office's shared server (host, port, database,
login, TLS mode).  The choice is kept in this PC's settings as a path or a
``postgresql://`` address, never with a password: libpq finds that in its usual places
(``~/.pgpass``, ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows, ``PGPASSWORD``), else the
system keyring.  A password typed here is used for this session (the connection test
included) and, when "Retenir dans le trousseau du système" is ticked, kept in that keyring.
"Tester la connexion" reaches the server off the GUI thread and says as whom and with
which role, or precisely why not (:func:`relations_app.services.access.probe`).  The
choice applies at the next start, or at once when the window reopens on it; ``--db`` and
``RELATIONS_DB`` still win, and the page says so when one of them is in force.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relations_app.errors import UserError
from relations_app.faults import DatabaseFault
from relations_app.location import DEFAULT_PORT, DatabaseLocation, ServerAddress

from ..kit import settings
from ..kit.faults import any_error_text
from ..kit.tasks import run_in_background

SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


def stored_choice() -> DatabaseLocation | None:
    """The database chosen here, or None (nothing chosen, or a value no longer valid)."""
    value = settings.get(settings.DATABASE)
    if not value:
        return None
    try:
        return DatabaseLocation.parse(value)
    except UserError:
        return None


class DatabasePage(QWidget):
    """The database to open; :meth:`chosen` reads it, :meth:`save` keeps it."""

    tested = Signal(bool, str)  # reached, the French outcome

    def __init__(
        self,
        current: DatabaseLocation | None = None,
        imposed_by: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databasePreferences")
        self.current = current
        shown = stored_choice() or current or DatabaseLocation.default()
        self.initial = shown
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The database Relations opens on this computer."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.imposed = QLabel(self)
        self.imposed.setObjectName("databaseImposed")
        self.imposed.setWordWrap(True)
        self.imposed.setStyleSheet("color: #8a5300; font-weight: bold;")
        if imposed_by and current is not None:
            self.imposed.setText(
                self.tr(
                    "This window was opened on %1 as %2 asks: %2 wins over the choice made "
                    "here, which applies when Relations starts without it."
                )
                .replace("%1", current.describe())
                .replace("%2", imposed_by)
            )
        self.imposed.setVisible(bool(self.imposed.text()))
        layout.addWidget(self.imposed)

        self.file_choice = QRadioButton(self.tr("&Local file"), self)
        self.file_choice.setObjectName("localFileChoice")
        self.server_choice = QRadioButton(self.tr("Shared &server"), self)
        self.server_choice.setObjectName("sharedServerChoice")
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)

        layout.addWidget(self.file_choice)
        self.file_box = QWidget(self)
        file_row = QHBoxLayout(self.file_box)
        file_row.setContentsMargins(24, 0, 0, 0)
        self.path = QLineEdit(self.file_box)
        self.path.setObjectName("databasePath")
        self.path.setAccessibleName(self.tr("Database file"))
        self.browse = QPushButton(self.tr("B&rowse…"), self.file_box)
        self.browse.setObjectName("browseDatabase")
        self.browse.clicked.connect(self.choose_file)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        layout.addWidget(self.file_box)

        layout.addWidget(self.server_choice)
        self.server_box = QGroupBox(self)
        self.server_box.setFlat(True)
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.host = QLineEdit(self.server_box)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText("db.mairie.fr")
        self.port = QSpinBox(self.server_box)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self.server_box)
        self.database.setObjectName("serverDatabase")
        self.database.setPlaceholderText("relations")
        self.user = QLineEdit(self.server_box)
        self.user.setObjectName("serverUser")
        self.user.setPlaceholderText(self.tr("your login"))
        self.password = QLineEdit(self.server_box)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from ~/.pgpass or the keyring"))
        self.remember = QCheckBox(self.tr("&Keep it in the system keyring"), self.server_box)
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(True)
        self.remember.setEnabled(False)
        self.password.textChanged.connect(self._password_typed)
        self.sslmode = QComboBox(self.server_box)
        self.sslmode.setObjectName("serverSslmode")
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setToolTip(
            self.tr(
                "libpq's sslmode: require encrypts, verify-full also checks the server's "
                "certificate (sslrootcert)."
            )
        )
        for label, widget in (
            (self.tr("&Host"), self.host),
            (self.tr("&Port"), self.port),
            (self.tr("D&atabase"), self.database),
            (self.tr("Lo&gin"), self.user),
            (self.tr("Pass&word"), self.password),
            ("", self.remember),
            (self.tr("&Encryption (sslmode)"), self.sslmode),
        ):
            widget.setAccessibleName(
                label.replace("&", "") or self.remember.text().replace("&", "")
            )
            form.addRow(label, widget)
        self._keyring: bool | None = None  # whether there is one: asked when first needed
        layout.addWidget(self.server_box)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test the connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.result = QLabel(self)
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        help_text = QLabel(
            self.tr(
                "Relations never keeps a password in its settings. The server's is read by "
                "PostgreSQL's client library from its usual places: the file ~/.pgpass "
                "(%APPDATA%\\postgresql\\pgpass.conf on Windows) or the PGPASSWORD "
                "variable; failing those, from the system keyring (Windows Credential "
                "Manager, macOS Keychain, GNOME or KDE wallet), where a password typed "
                "above is kept when the box is ticked. The choice applies at the next "
                "start, or at once if you reopen the window on it."
            ),
            self,
        )
        help_text.setObjectName("databaseHelp")
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(help_text)
        layout.addStretch(1)

        self._other_options: list[tuple[str, str]] = []
        self.show_location(shown)
        self.file_choice.toggled.connect(self._update_enabled)
        self._update_enabled()

    # -- the fields --------------------------------------------------------------------------

    def show_location(self, location: DatabaseLocation) -> None:
        server = location.server
        if server is None:
            self.file_choice.setChecked(True)
            self.path.setText(str(location.path))
            return
        self.server_choice.setChecked(True)
        self.host.setText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user or "")
        options = dict(server.options)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(options.get("sslmode"))))
        self._other_options = [(k, v) for k, v in server.options if k != "sslmode"]

    def _password_typed(self, text: str) -> None:
        if self._keyring is None and text:
            from relations_app.services import access

            self._keyring = access.keyring_available()
            if not self._keyring:
                self.remember.setChecked(False)
                self.remember.setToolTip(
                    self.tr(
                        "This computer has no system keyring: the password is used for this "
                        "session only. Put it in ~/.pgpass to keep it."
                    )
                )
        self.remember.setEnabled(bool(text) and bool(self._keyring))

    def _offer_password(self, location: DatabaseLocation) -> None:
        """A typed password is used for this session (the test, the next connections)."""
        if location.is_server and self.password.text():
            from relations_app.services import access

            access.use_password(location, self.password.text())

    def _update_enabled(self) -> None:
        local = self.file_choice.isChecked()
        self.file_box.setEnabled(local)
        self.server_box.setEnabled(not local)
        self.test_button.setEnabled(not local)

    def choose_file(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            start,
            self.tr("Relations databases (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    def chosen(self) -> DatabaseLocation:
        """The database the fields name; ``UserError`` (French) when they name none."""
        if self.file_choice.isChecked():
            text = self.path.text().strip()
            if not text:
                raise UserError(self.tr("Give the database file's path (Browse…)."))
            return DatabaseLocation.file(text)
        mode = self.sslmode.currentData()
        options = [("sslmode", mode)] if mode != "prefer" else []
        server = ServerAddress.from_parts(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            [*options, *self._other_options],
        )
        return DatabaseLocation.on_server(server)

    @property
    def changed(self) -> bool:
        """Whether the fields name another database than the one shown at first."""
        try:
            return self.chosen() != self.initial
        except UserError:
            return True

    def save(self) -> DatabaseLocation:
        """Keep the choice (a path or an address: no password); raises ``UserError``."""
        location = self.chosen()
        self._offer_password(location)
        if location.is_server and self.password.text() and self.remember.isChecked():
            from relations_app.services import access

            access.remember_password(location, self.password.text())
        settings.set(settings.DATABASE, location.describe())
        return location

    # -- testing -----------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Reach the server in the background; the outcome shows under the button."""
        try:
            location = self.chosen()
        except UserError as exc:
            self._tested(False, str(exc))
            return
        from relations_app.services import access

        self._offer_password(location)
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connecting to %1…").replace("%1", location.describe()))

        def failed(exc: Exception, _trace: str) -> None:
            precise = isinstance(exc, UserError) and not isinstance(exc, DatabaseFault)
            self._tested(False, str(exc) if precise else any_error_text(exc, location))

        run_in_background(
            lambda _ctx: access.probe(location),
            on_success=lambda text: self._tested(True, text),
            on_failure=failed,
        )

    def _tested(self, reached: bool, text: str) -> None:
        self._update_enabled()
        self.result.setStyleSheet("color: #1a6b1a;" if reached else "color: #b00020;")
        self.result.setText(text)
        self.tested.emit(reached, text)
