"""Retake the dashboard's and the global search's screenshots (issue 12) offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_home.py [OUT_DIR] [BIG_DB]

At 1366×768 and 1920×1080 on a fresh Brest database (French and English), then, when
``BIG_DB`` names the generated big database (``bench/.data/…``; copied first, never
written), on it in French and English: ``dashboard-brest-WIDTH-LANG.png``,
``global-search-brest-1366.png``, ``dashboard-big-WIDTH-LANG.png``,
``global-search-big-contact-1366.png`` and
``global-search-big-country-1366.png`` (default folder: docs/screenshots).  Each shot
waits for what the window reads after its first paint (the sidebar's counts, the
dashboard's lists).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from screenshots_pages import ROOT, SIZE, throwaway_brest

from relations_app.location import DatabaseLocation

LARGE = (1920, 1080)


def main(out: Path, big: Path | None) -> None:
    brest = throwaway_brest()
    from PySide6.QtWidgets import QApplication

    from relations_app import bootstrap
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow
    from ui.shell.sidebar import COUNT_ROLE

    app = ui_app.create_application([])
    out.mkdir(parents=True, exist_ok=True)

    def wait(condition, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()

    def opened(location: DatabaseLocation, size: tuple[int, int] = SIZE) -> MainWindow:
        window = MainWindow(location)
        window.resize(*size)
        window.show()
        partners = window._keys().index("partners")
        wait(lambda: window.sidebar.item(partners).data(COUNT_ROLE) is not None)
        wait(lambda: window.dashboard.filled and not window.dashboard._checking)
        for _ in range(5):  # the lists' new heights laid out
            app.processEvents()
            time.sleep(0.02)
        return window

    def search(window: MainWindow, text: str, name: str) -> None:
        window.global_search.focus()
        window.global_search.box.setText(text)
        window.global_search.run()
        app.processEvents()
        window.grab().save(str(out / name))
        window.global_search.results.hide()

    def closed(window: MainWindow) -> None:
        window.close()
        window.deleteLater()
        app.processEvents()

    for language in ("fr", "en"):
        ui_app.install_translators(QApplication.instance(), language)
        window = opened(brest)
        window.grab().save(str(out / f"dashboard-brest-1366-{language}.png"))
        if language == "fr":
            search(window, "kiel", "global-search-brest-1366.png")
        closed(window)
        window = opened(brest, LARGE)
        window.grab().save(str(out / f"dashboard-brest-1920-{language}.png"))
        closed(window)
    if big is None:
        return
    copy = Path(tempfile.mkdtemp(prefix="relations-shots-big-")) / big.name
    shutil.copy2(big, copy)
    location = DatabaseLocation.file(copy)
    bootstrap.open_app_database(location)
    for language in ("en", "fr"):
        ui_app.install_translators(QApplication.instance(), language)
        window = opened(location)
        window.grab().save(str(out / f"dashboard-big-1366-{language}.png"))
        if language == "fr":
            search(window, "contact: martin", "global-search-big-contact-1366.png")
            search(window, "pays: canada", "global-search-big-country-1366.png")
        closed(window)
        window = opened(location, LARGE)
        window.grab().save(str(out / f"dashboard-big-1920-{language}.png"))
        closed(window)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tools"))
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots",
        Path(sys.argv[2]) if len(sys.argv) > 2 else None,
    )
