"""The one long-operation builder: inline for small jobs, one threshold, one cancel protocol."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from relations_app.errors import UserError
from ui.kit import busy, tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_small_job_runs_inline_without_a_dialog(parent):
    results = []
    handle = busy.Operation(parent, "Lecture…", lambda ctx: 6 * 7).success(results.append)
    handle = handle.inline().run()
    assert handle.done and results == [42]
    assert parent.findChild(QProgressDialog) is None


def test_a_failure_without_its_own_handler_shows_the_french_message(parent, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))

    def work(_ctx):
        raise UserError("Le fichier est vide.")

    busy.Operation(parent, "Lecture…", work).inline().run()
    assert shown == ["Le fichier est vide."]


def test_cancel_stops_the_work_at_its_next_check_and_drops_the_result(parent, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    results, steps = [], []

    def work(ctx):
        for step in range(5):
            if step == 2:
                ctx._cancel.set()  # the user presses Cancel here
            ctx.check()
            steps.append(step)
        return "fini"

    handle = busy.Operation(parent, "Import…", work).success(results.append).run()
    assert handle.done and steps == [0, 1] and results == []


def test_the_one_threshold(tmp_path, monkeypatch):
    small, large = tmp_path / "petit.csv", tmp_path / "grand.csv"
    small.write_bytes(b"x" * 10)
    large.write_bytes(b"x" * 2048)
    monkeypatch.setattr(busy, "SMALL_FILE", 1024)
    assert busy.is_small(small) and not busy.is_small(large)
    assert busy.is_small(tmp_path / "absent.csv")  # the reader says what is wrong at once
