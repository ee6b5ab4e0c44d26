"""Rapports › Rapport d'activité… (issue 15 §3): the year asked (last year by default), the
report made off the GUI thread with progress and Cancel, then the PDF preview; the tables
saved as XLSX."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest

pytest.importorskip("reportlab")
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog, QPushButton, QWidget
from window_helpers import opened_window

from relations_app.reports import activity
from ui.documents import pdf_preview
from ui.documents.activity_report import ActivityReportDialog


@pytest.fixture
def window(qtbot, qapp, brest_location):
    with opened_window(qtbot, qapp, brest_location.path) as w:
        yield w


def open_dialog(qtbot, window) -> ActivityReportDialog:
    menu = window.menuBar().findChild(QMenu, "reportsMenu")
    assert menu is not None and menu.title() == "&Rapports"
    action = next(a for a in menu.actions() if a.objectName() == "activityReportAction")
    assert action.text() == "Rapport d’&activité…"
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(ActivityReportDialog) is not None, timeout=5000)
    dialog = window.findChild(ActivityReportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_report_of_the_chosen_year_opens_in_the_preview(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.year.value() == date.today().year - 1  # last calendar year
    assert dialog.year.accessibleName()
    dialog.year.setValue(2019)
    dialog.create_button.click()
    qtbot.waitUntil(
        lambda: window.findChild(pdf_preview.PdfPreviewDialog) is not None, timeout=20000
    )
    preview = window.findChild(pdf_preview.PdfPreviewDialog)
    qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=5000)
    assert preview.document.pageCount() == 2
    assert preview.suggested_name == "rapport-activite-2019.pdf"
    assert preview.windowTitle().endswith("2019")
    assert not [w for w in window.findChildren(QWidget, "activityReportProgress") if w.isVisible()]
    preview.close()


def test_cancel_on_the_progress_stops_the_build_and_opens_nothing(qtbot, window, monkeypatch):
    real = activity.render_activity_report
    stopped = threading.Event()

    def slow(year, progress=None, cancelled=None, **kwargs):
        progress(1, 10, "partenaires")
        deadline = time.monotonic() + 15
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.02)
        stopped.set()
        return real(year, progress=progress, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(activity, "render_activity_report", slow)
    dialog = open_dialog(qtbot, window)
    dialog.create_button.click()

    def progress_shown():
        found = list(window.findChildren(QProgressDialog, "activityReportProgress"))
        return next((w for w in found if w.isVisible()), None)

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=5000)
    busy = progress_shown()
    cancel = busy.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(stopped.is_set, timeout=5000)
    qtbot.waitUntil(lambda: progress_shown() is None, timeout=5000)
    qtbot.wait(200)
    assert window.findChild(pdf_preview.PdfPreviewDialog) is None


def test_the_tables_are_saved_as_a_workbook(qtbot, window, tmp_path, monkeypatch):
    asked = {}

    def fake_save(widget, caption, proposed, filters):
        asked["proposed"] = proposed
        return str(tmp_path / "tableaux"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog = open_dialog(qtbot, window)
    dialog.year.setValue(2018)
    dialog.tables_button.click()
    assert asked["proposed"].endswith("rapport-activite-2018.xlsx")
    target = tmp_path / "tableaux.xlsx"
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=20000)
    book = load_workbook(target)
    summary = {r[0]: r[1] for r in book["Synthèse"].iter_rows(min_row=2, values_only=True)}
    assert summary["Programmes achevés"] == 3 and summary["Financements (€)"] == 48000
