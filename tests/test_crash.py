"""One way to show an error: French messages for expected ones, one dialog for bugs."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from relations_app import logs
from relations_app.errors import UserError
from ui.kit import crash
from ui.kit.faults import show_error


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.objectName(), box.text()))
    )
    return shown


@pytest.fixture
def blocking(monkeypatch):
    """The unexpected-error dialog, when shown blocking, is recorded instead of waiting."""
    seen: list[crash.UnexpectedErrorDialog] = []

    def fake_exec(dialog):
        seen.append(dialog)
        return 0

    monkeypatch.setattr(crash.UnexpectedErrorDialog, "exec", fake_exec)
    return seen


def a_bug() -> Exception:
    try:
        {}["missing"]
    except KeyError as exc:
        return exc
    raise AssertionError


def test_an_expected_error_shows_its_french_message(parent, boxes, blocking):
    show_error(parent, "Titre", UserError("Le partenaire n'existe pas."), name="saveError")
    assert boxes == [("saveError", "Le partenaire n'existe pas.")]
    assert blocking == []


def test_a_file_error_shows_the_systems_words_in_the_sentence(parent, boxes, blocking, tmp_path):
    try:
        (tmp_path / "absent" / "x.pdf").write_bytes(b"")
    except OSError as exc:
        show_error(parent, "Enregistrer", exc, template="Le fichier n'a pas pu être écrit : %1")
    assert len(boxes) == 1 and boxes[0][1].startswith("Le fichier n'a pas pu être écrit : ")
    assert "x.pdf" in boxes[0][1] and blocking == []


def test_a_bug_opens_one_dialog_logs_the_traceback_and_copies_it(parent, boxes, blocking):
    logs.setup()
    show_error(parent, "Enregistrer", a_bug())
    assert boxes == [] and len(blocking) == 1
    dialog = blocking[0]
    assert "'missing'" in dialog.message.text() and "Traceback" not in dialog.message.text()
    assert dialog.message.text().startswith("An unexpected error occurred")
    assert str(logs.log_path()) in dialog.where.text()
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "KeyError" in copied
    logging.getLogger().handlers[-1].flush()
    assert "KeyError: 'missing'" in logs.log_path().read_text(encoding="utf-8")


def test_errors_while_the_dialog_is_open_join_it(parent, qtbot):
    crash.show_unexpected(parent, a_bug())
    first = crash.current_dialog()
    assert first is not None and first.isVisible()
    crash.show_unexpected(parent, RuntimeError("deuxième"))
    assert crash.current_dialog() is first and "deuxième" in first.trace
    first.accept()
    assert crash.current_dialog() is None


def test_an_uncaught_exception_reaches_the_dialog_through_the_hook(parent, qtbot):
    logs.setup()
    crash.install()
    try:
        raise ValueError("dans un slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    dialog = crash.current_dialog()
    assert dialog is not None and "dans un slot" in dialog.message.text()
    assert "ValueError" in dialog.trace


def test_the_dialog_renders_in_french(parent, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from ui.shell.app import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "fr")
    try:
        dialog = crash.UnexpectedErrorDialog(parent, a_bug(), "trace")
        assert dialog.windowTitle() == "Erreur inattendue"
        assert dialog.copy_button.text() == "Copier les détails"
        assert dialog.message.text().startswith("Une erreur inattendue s'est produite")
        dialog.grab().save(str(tmp_path / "crash.png"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
