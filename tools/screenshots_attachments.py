"""Retake the screenshots of a profile with its documents (the "Documents" section) offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_attachments.py [OUT_DIR]

Works on a fresh Brest database in a temporary folder, with throwaway settings: Kiel gets
its twinning charter (a PDF made here), a photo of a visit, the minutes of a steering
committee and a photo with accented (and Japanese) names; the page is scrolled to the section and grabbed at
1366×768 in French and English as ``profile-documents-LANG.png``, and the fact sheet's
first page is written as ``factsheet-agreements.pdf`` beside them (for ``pdftoppm``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)


def _files(folder: Path) -> list[tuple[Path, dict]]:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    charter = folder / "Charte de jumelage Brest-Kiel.pdf"
    sheet = canvas.Canvas(str(charter), pagesize=A4)
    sheet.setFont("Helvetica-Bold", 26)
    sheet.drawCentredString(A4[0] / 2, A4[1] - 120, "Charte de jumelage")
    sheet.setFont("Helvetica", 16)
    sheet.drawCentredString(A4[0] / 2, A4[1] - 160, "Brest - Kiel")
    for n in range(18):
        sheet.line(80, A4[1] - 230 - n * 22, A4[0] - 80, A4[1] - 230 - n * 22)
    sheet.drawString(90, 120, "Brest, le 17 juin 1964")
    sheet.save()

    def photo(path: Path, top: str, bottom: str, text: str) -> Path:
        image = QImage(640, 420, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 420))
        gradient.setColorAt(0, QColor(top))
        gradient.setColorAt(1, QColor(bottom))
        painter.fillRect(image.rect(), gradient)
        painter.setPen(QColor("white"))
        painter.setFont(QFont("DejaVu Sans", 36, QFont.Weight.Bold))
        painter.drawText(QRectF(0, 0, 640, 420), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        image.save(str(path))
        return path

    visit = photo(folder / "visite_kiel_2024.jpg", "#5b8fc7", "#1d3c5e", "Kieler Woche")
    yokosuka = photo(folder / "Łódź, visite d'étude 2023.png", "#f2a65a", "#8c3b1e", "Łódź")
    minutes = folder / "Compte rendu comité de pilotage 2025.docx"
    minutes.write_bytes(b"PK\x03\x04" + b"minutes of the steering committee " * 400)
    return [
        (charter, {"title": "Charte de jumelage", "date": "1964-06-17", "category": "accord"}),
        (visit, {"title": "Visite pendant la Kieler Woche", "date": "2024-06"}),
        (
            minutes,
            {"title": "Comité de pilotage", "date": "2025-03-14", "category": "compte_rendu"},
        ),
        (yokosuka, {"title": "Visite d'étude à Łódź (横須賀 ensuite)", "date": "2023"}),
    ]


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="relations-shots-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "config"))
    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation
    from relations_app.reports.factsheet import render_factsheet
    from relations_app.services import attachments, partners
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = ui_app.create_application([])
    location = DatabaseLocation.file(work / "brest.db")
    bootstrap.open_app_database(location)
    out.mkdir(parents=True, exist_ok=True)
    kiel = partners.list_partners("kiel").rows[0]["id"]
    for path, fields in _files(work):
        attachments.add("partners", kiel, path, **fields)
    (out / "factsheet-agreements.pdf").write_bytes(render_factsheet(kiel)[0])
    for language in ("fr", "en"):
        ui_app.install_translators(QApplication.instance(), language)
        window = MainWindow(location)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.open_record("partners", kiel)
        editor = window.sections["partners"].editor
        for _ in range(20):  # the thumbnails are drawn in the background
            app.processEvents()
            QApplication.instance().thread().msleep(50)
        editor.page_scroll.ensureWidgetVisible(editor.attachments_box, 0, 0)
        bar = editor.page_scroll.verticalScrollBar()
        bar.setValue(editor.attachments_box.y() - 8)
        editor.attachments_panel.list.setCurrentRow(0)
        app.processEvents()
        window.grab().save(str(out / f"profile-documents-{language}.png"))
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
