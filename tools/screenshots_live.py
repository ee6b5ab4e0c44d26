"""Retake the live refresh's screenshots: two windows side by side on one database; the
left one saved Constanţa's notes while the right one was editing them (its band shows).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_live.py [OUT_DIR] [LANG]

A fresh Brest database in a temporary folder, throwaway settings; each window is half the
screen wide, or its minimum width when that is more (on 1366×768 the right one then
overlaps the left); writes ``live-refresh-LANG-WxH.png`` for 1366×768 and 1920×1080
(French by default; default folder: docs/screenshots).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from screenshot_setup import ROOT, isolate

SCREENS = ((1366, 768), (1920, 1080))


def main(out: Path, language: str) -> None:
    work = isolate()
    from PySide6.QtWidgets import QApplication

    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation
    from relations_app.services import partners
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = ui_app.create_application([])
    ui_app.install_translators(QApplication.instance(), language)
    location = DatabaseLocation.file(work / "brest.db")
    bootstrap.open_app_database(location)
    record_id = partners.list_partners("constanta").rows[0]["id"]
    for size in SCREENS:
        shoot(
            app,
            MainWindow,
            location,
            record_id,
            size,
            out / f"live-refresh-{language}-{size[0]}x{size[1]}.png",
        )
    bootstrap.close()


def shoot(app, window_class, location, record_id: str, screen_size, target: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from relations_app.services import partners

    partners.AREA.update(record_id, {"notes": ""})  # each shot saves a change
    windows = []
    for _ in range(2):
        window = window_class(location)
        window.show()
        width = max(screen_size[0] // 2, window.minimumSizeHint().width())
        window.resize(width, screen_size[1])
        window.open_record("partners", record_id)
        windows.append(window)
    app.processEvents()
    left, right = windows
    for window in windows:  # the page wide enough to read
        section = window.sections["partners"]
        section.splitter.setSizes([230, window.width() - 230])

    def edit(window, text: str) -> None:
        editor = window.sections["partners"].editor
        texts = next(s for s in editor.sections if s.name == "texts")
        editor.edit_section(texts)
        notes = next(f.inputs["notes"].widget for f in editor.forms if "notes" in f.inputs)
        notes.setPlainText(text)

    edit(right, "Rencontre avec la mairie de Constanţa prévue au printemps (à confirmer).")
    edit(left, "Appel du 2 décembre : le port de Constanţa propose un échange d’étudiants.")
    assert left.sections["partners"].save()
    deadline = time.monotonic() + 5
    band = None
    while time.monotonic() < deadline and (band is None or not band.isVisible()):
        app.processEvents()
        band = right.live.banners.get("partners")
        time.sleep(0.01)
    assert band is not None and band.isVisible(), "the band did not show"
    app.processEvents()
    screen = QPixmap(*screen_size)
    screen.fill(QColor("#3c3f41"))
    painter = QPainter(screen)
    painter.drawPixmap(QPoint(0, 0), left.grab())
    painter.drawPixmap(QPoint(screen_size[0] - right.width(), 0), right.grab())  # in front
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    screen.save(str(target))
    for window in windows:
        window.sections["partners"].editor.set_clean()
        window.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        Path(args[0]) if args else ROOT / "docs" / "screenshots", args[1] if len(args) > 1 else "fr"
    )
