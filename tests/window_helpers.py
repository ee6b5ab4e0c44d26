"""The real main window on the Brest dataset, in French or English, for the UI tests."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from relations_app.location import DatabaseLocation
from ui.kit import tasks
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow
from ui.shell.sidebar import COUNT_ROLE


def settled(qtbot, window: MainWindow) -> None:
    """What the window reads once it has shown: the sidebar's counts and, when it opened
    on the dashboard, the dashboard's lists (both off the GUI thread)."""
    partners = window._keys().index("partners")
    qtbot.waitUntil(lambda: window.sidebar.item(partners).data(COUNT_ROLE) is not None)
    if window.current_section() is None and window._current_key == "dashboard":
        qtbot.waitUntil(lambda: window.dashboard.filled, timeout=10_000)


def refuse_dialogs(monkeypatch) -> None:
    """A modal dialog nobody answers fails the test instead of hanging the run; background
    tasks run inline."""

    def unexpected(dialog, *args):
        pytest.fail(f"unexpected modal dialog {type(dialog).__name__} {dialog.objectName()!r}")

    monkeypatch.setattr(QDialog, "exec", unexpected)
    monkeypatch.setattr(tasks, "INLINE", True)


def answered_boxes(monkeypatch):
    """Message boxes answered from a queue (then Ok): ``answer(*buttons)`` queues answers
    and returns what was asked, as (objectName, texts)."""
    asked: list[tuple[str, str]] = []
    queue: list = []

    def fake_exec(box):
        asked.append((box.objectName(), f"{box.text()} {box.informativeText()}"))
        return queue.pop(0) if queue else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)

    def answer(*buttons):
        queue.extend(buttons)
        return asked

    answer.asked = asked  # type: ignore[attr-defined]
    return answer


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
    settled(qtbot, window)
    try:
        yield window
    finally:
        for section in window.sections.values():
            section.editor.set_clean()
        window.close()
        window.deleteLater()
        for t in translators:
            qapp.removeTranslator(t)


def refuse_modal_dialogs(monkeypatch, pytest) -> None:
    """A modal dialog nobody expected fails the test (and background tasks run inline)."""
    from PySide6.QtWidgets import QDialog

    from ui.kit import tasks

    def unexpected(dialog, *args):
        pytest.fail(f"unexpected modal dialog {type(dialog).__name__} {dialog.objectName()!r}")

    monkeypatch.setattr(QDialog, "exec", unexpected)
    monkeypatch.setattr(tasks, "INLINE", True)
