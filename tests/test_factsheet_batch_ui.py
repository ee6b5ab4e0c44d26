"""Rapports › Fiches de tous les partenaires… (issue 16 §3): a folder chosen, the sheets
made by worker processes off the GUI thread with a progress bar and Cancel, a French
summary at the end; a broken partner is named in it, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QPushButton
from window_helpers import opened_window

from relations_app.reports import batch


@pytest.fixture
def window(qtbot, qapp, brest_location):
    with opened_window(qtbot, qapp, brest_location.path) as w:
        yield w


def start(window, monkeypatch, folder: Path):
    folder.mkdir(exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    menu = window.menuBar().findChild(QMenu, "reportsMenu")
    action = next(a for a in menu.actions() if a.objectName() == "factsheetBatchAction")
    assert action.text() == "&Fiches de tous les partenaires…"
    action.trigger()


def summary(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "factsheetBatchSummary")


def progress(window) -> QProgressDialog | None:
    found = window.findChildren(QProgressDialog, "factsheetBatchProgress")
    return next((w for w in found if w.maximum() > 0), None)


def whole_pdfs(folder: Path) -> list[str]:
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        assert name.endswith(".pdf"), name  # no hidden temporary file
        assert PdfReader(io.BytesIO((folder / name).read_bytes())).pages
    return names


def test_every_sheet_is_written_with_progress_and_a_summary(qtbot, window, monkeypatch, tmp_path):
    folder = tmp_path / "fiches"
    start(window, monkeypatch, folder)
    qtbot.waitUntil(lambda: progress(window) is not None, timeout=30000)
    bar = progress(window)
    assert bar.maximum() == 16 and "Écriture des fiches…" in bar.labelText()
    assert bar.windowTitle() == "Fiches de tous les partenaires"
    qtbot.waitUntil(lambda: summary(window) is not None, timeout=60000)
    box = summary(window)
    assert box.text().startswith(f"16 fiches écrites dans {folder} en ")
    assert box.icon() == QMessageBox.Icon.Information
    assert window.statusBar().currentMessage() == box.text()
    names = whole_pdfs(folder)
    assert len(names) == 16 and {"kiel.pdf", "sapone.pdf", "bejaia.pdf"} <= set(names)
    box.close()


def test_cancel_stops_the_batch_and_leaves_only_whole_files(qtbot, window, monkeypatch, tmp_path):
    plan = batch.plan

    def ten_times(folder, partner_ids=None):  # 160 sheets: still under way when cancelled
        jobs = plan(folder, partner_ids)
        return [(i, n, p.with_name(f"{k}-{p.name}")) for k in range(10) for i, n, p in jobs]

    monkeypatch.setattr(batch, "plan", ten_times)
    folder = tmp_path / "fiches"
    start(window, monkeypatch, folder)
    qtbot.waitUntil(
        lambda: (
            progress(window) is not None
            and progress(window).isVisible()
            and progress(window).value() >= 1
        ),
        timeout=60000,
    )
    progress(window).findChild(QPushButton).click()  # Annuler
    qtbot.waitUntil(
        lambda: not window.findChildren(QProgressDialog, "factsheetBatchProgress"),
        timeout=60000,
    )
    written = len(whole_pdfs(folder))
    assert 1 <= written < 100
    qtbot.waitUntil(lambda: summary(window) is not None, timeout=30000)
    box = summary(window)  # what was written before Annuler is said, and that it stopped
    assert box.text().startswith(f"{written} fiche")
    assert f"(interrompu : {160 - written} sur 160 non écrites)" in box.text()
    box.close()


def test_sheets_already_in_the_folder_are_replaced_only_when_confirmed(
    qtbot, window, monkeypatch, tmp_path
):
    folder = tmp_path / "fiches"
    folder.mkdir()
    (folder / "kiel.pdf").write_bytes(b"ancienne fiche")
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    asked = []

    def answer(choice):
        def exec_(box):
            asked.append((box.text(), box.informativeText()))
            wanted = next(b for b in box.buttons() if b.text() == choice)
            wanted.click()
            return 0

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer("&Annuler"))  # Alt+A
    start(window, monkeypatch, folder)
    assert asked == [("1 fiche de ce dossier sera remplacée.", "kiel.pdf")]
    assert (folder / "kiel.pdf").read_bytes() == b"ancienne fiche"  # nothing started
    assert progress(window) is None

    monkeypatch.setattr(QMessageBox, "exec", answer("&Remplacer"))
    start(window, monkeypatch, folder)
    qtbot.waitUntil(lambda: summary(window) is not None, timeout=60000)
    assert (folder / "kiel.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "à garder"
    summary(window).close()


def test_a_broken_partner_is_named_in_the_summary(qtbot, window, monkeypatch, tmp_path):
    from relations_app.services import partners

    real = batch.render_factsheet
    kiel = next(row["id"] for row in partners.list_partners().rows if row["name"] == "Kiel")

    def failing(partner_id, **kwargs):
        if partner_id == kiel:
            raise ValueError("mise en page impossible")
        return real(partner_id, **kwargs)

    monkeypatch.setattr(batch, "worker_count", lambda *_a: 1)  # made in this process
    monkeypatch.setattr(batch, "render_factsheet", failing)
    folder = tmp_path / "fiches"
    start(window, monkeypatch, folder)
    qtbot.waitUntil(lambda: summary(window) is not None, timeout=60000)
    box = summary(window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "15 fiches écrites" in box.text() and "1 fiche n'a pas pu être faite" in box.text()
    assert "Kiel : la fiche n'a pas pu être faite (ValueError : mise en page impossible)." in (
        box.informativeText()
    )
    assert "Le détail est dans le journal : " in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert len(whole_pdfs(folder)) == 15
    box.close()
