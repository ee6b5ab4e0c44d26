"""Retake the merge dialog's screenshots (Doublons possibles › Fusionner…) offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_merge.py [OUT_DIR]

Works on a fresh Brest database in a temporary folder, with throwaway settings: "Noemie
Giguere" typed again by an import (another address, a phone, a position, a programme),
the pair opened side by side over the window at 1366×768, in French then English;
writes ``merge-contact-LANG.png`` (default folder: docs/screenshots).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots_pages import ROOT, SIZE, throwaway_brest


def main(out: Path) -> None:
    location = throwaway_brest()
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from relations_app.services import contacts, organisations, programmes
    from ui.pages.merge_dialog import MergeDialog
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = ui_app.create_application([])
    out.mkdir(parents=True, exist_ok=True)
    kept = contacts.list_contacts("giguère").rows[0]["id"]
    tmq = organisations.list_organisations("technopole maritime").rows[0]["id"]
    twin = contacts.create_contact(
        {
            "family_name": "Giguere",
            "given_name": "Noemie",
            "email": "noemie.giguere@tmq.ca",
            "phone": "+1 418 555 0199",
            "positions": [{"function": "Directrice", "organisation_id": tmq}],
        }
    )
    ocean2 = programmes.AREA.get(programmes.list_programmes("ocean 2").rows[0]["id"])
    link = {"contact_id": twin["id"], "function": "Directrice", "organisation_id": tmq}
    programmes.AREA.update(
        ocean2["id"], {"contacts": [*ocean2["contacts"], link]}, ocean2["version"]
    )
    for language in ("fr", "en"):
        ui_app.install_translators(QApplication.instance(), language)
        window = MainWindow(location)
        window.resize(*SIZE)
        window.show()
        window.open_record("contacts", kept)
        app.processEvents()
        dialog = MergeDialog(window, "contacts", kept, twin["id"])
        dialog.show()
        app.processEvents()
        shot = window.grab()
        painter = QPainter(shot)
        at = QPoint((SIZE[0] - dialog.width()) // 2, (SIZE[1] - dialog.height()) // 2)
        painter.drawPixmap(at, dialog.grab())
        painter.end()
        shot.save(str(out / f"merge-contact-{language}.png"))
        dialog.close()
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
