"""The real main window on the Brest dataset, in French or English, for the UI tests."""

from collections.abc import Iterator
from contextlib import contextmanager

from relations_app.location import DatabaseLocation
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


@contextmanager
def opened_window(
    qtbot, qapp, path, language: str = "fr", size: tuple[int, int] | None = None
) -> Iterator[MainWindow]:
    """A shown window on ``path`` (a database already made: a file, or a location on either
    back end), closed without prompts after."""
    translators = ui_app.install_translators(qapp, "fr") if language == "fr" else []
    location = path if isinstance(path, DatabaseLocation) else DatabaseLocation.file(path)
    window = MainWindow(location)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        for section in window.sections.values():
            section.editor.set_clean()
        window.close()
        window.deleteLater()
        for t in translators:
            qapp.removeTranslator(t)
