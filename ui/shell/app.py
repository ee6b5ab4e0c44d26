"""Application set-up: translators, the database, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow

from relations_app import bootstrap, i18n, logs
from relations_app.location import DatabaseLocation

from ..kit import crash, settings

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("fr", "en")

#: The translators installed last: a new language replaces them rather than stacking on
#: them (Qt asks the most recent translator first, then falls back to older ones).
_installed: list[QTranslator] = []


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """French is the default; the application's and Qt's own strings follow ``language``.

    The previous language's translators are removed first, so that a string the new
    catalogue leaves to the source language (English keeps only plural forms) never
    falls back to the old language."""
    if language not in SUPPORTED_LANGUAGES:
        language = "fr"
    remove_translators(app)
    i18n.set_language(language)  # the domain's messages (validation, refusals, reports)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        translators.append(qt)
    # English is the source language: relations_en only holds the plural forms ("1 partner").
    ours = QTranslator(app)
    qm = resources.files("resources").joinpath("translations", f"relations_{language}.qm")
    with resources.as_file(qm) as path:
        if ours.load(str(path)):
            app.installTranslator(ours)
            translators.append(ours)
    _installed.extend(translators)
    return translators


def remove_translators(app: QApplication) -> None:
    """Back to the source language (English): the translators installed here removed.

    The domain's messages go back to theirs (French)."""
    i18n.set_language(i18n.SOURCE_LANGUAGE)
    while _installed:
        app.removeTranslator(_installed.pop())


#: Bundled with the PDFs' fonts: Chinese, Japanese and Korean glyphs for a machine that has
#: none (横須賀, 青岛 were boxes in the window on a bare Debian).
FALLBACK_FONT = "DroidSansFallback.ttf"


def add_fallback_font() -> str | None:
    """Register the bundled CJK font with Qt, whose font fallback then draws the characters
    no system font has; its family name, or None when it cannot be read (logged)."""
    from PySide6.QtGui import QFontDatabase

    path = resources.files("resources").joinpath("fonts", FALLBACK_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("the bundled fallback font %s could not be registered", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    add_fallback_font()
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Relations")
    install_translators(app, settings.get(settings.LANGUAGE))
    return app


class WindowSession:
    """The window on one database.  When the check run after its first paint finds the file
    damaged, the start's dialog follows (restore a good copy, or quit) over the window,
    which then closes; a restored file opens in a new window."""

    def __init__(
        self,
        location: DatabaseLocation,
        quit_application: Callable[[], None],
        imposed_by: str | None = None,
    ) -> None:
        self.location = location
        self.quit_application = quit_application
        self.imposed_by = imposed_by  # "--db" or "RELATIONS_DB" when one chose the database
        self.window: QMainWindow | None = None

    def show(self, report: bootstrap.StartReport) -> None:
        from ..safety.startup import check_after_first_paint
        from .main_window import MainWindow

        window = MainWindow(self.location)
        window.imposed_by = self.imposed_by
        window.reopen_on = lambda location: self.switch(window, location)
        window.show()
        self.window = window
        if report.check_pending:
            check_after_first_paint(window, report, lambda: self.reopen(window))

    def switch(self, old: QMainWindow, location: DatabaseLocation) -> None:
        """Préférences › Base de données, "open it now": the window closes (its prompts for
        unsaved edits first) and a new one opens on ``location``; back on the previous
        database when that one cannot be opened."""
        from ..safety.startup import open_database

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)  # the old window goes before the new one shows
        try:
            if not old.close():
                return
            old.deleteLater()
            bootstrap.close()
            report = open_database(location, check_later=True)
            if report is not None:
                self.location, self.imposed_by = location, None
            else:
                report = open_database(self.location, check_later=True)
                if report is None:
                    self.quit_application()
                    return
            self.show(report)
        finally:
            app.setQuitOnLastWindowClosed(True)

    def reopen(self, damaged: QMainWindow) -> None:
        from ..safety.startup import open_database

        bootstrap.close()
        again = open_database(self.location)
        damaged.abandon()  # type: ignore[attr-defined]
        if again is None:
            self.quit_application()
        else:
            self.show(again)


def run(location: DatabaseLocation, imposed_by: str | None = None) -> int:
    app = create_application()
    logs.setup()  # already done by the CLI; here too for a caller that skipped it
    crash.install()  # Qt's messages and every uncaught exception: the log, then one dialog
    from ..safety.startup import open_database  # offers a good copy if the file is damaged

    report = open_database(location, check_later=True)  # the whole check: once it shows
    if report is None:
        return 1
    from . import signals

    WindowSession(location, app.quit, imposed_by).show(report)
    signals.install(app)  # a logout's SIGTERM closes the window as Ctrl+Q does
    return app.exec()
