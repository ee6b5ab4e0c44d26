"""Retake the record pages' screenshots (each record type's profile, one edit) offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_pages.py [OUT_DIR]

Works on a fresh Brest database in a temporary folder, with throwaway settings, at
1366×768 (an office laptop), in French then English; writes ``profile-TYPE-LANG.png`` for
partners, programmes, organisations, contacts, posts, consulates and delegations,
``profile-edit-LANG.png`` (Kiel's identity being edited, a value refused), and the
README's ``partners-kiel.png``, ``programme-crea-ocean.png`` and ``delegation.png`` in
French (default folder: docs/screenshots).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from relations_app.location import DatabaseLocation

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)


def throwaway_brest() -> DatabaseLocation:
    """Offscreen, throwaway settings and data folders, and a fresh Brest database there
    (opened); the QApplication is made by the caller."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="relations-shots-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "config"))
    from relations_app import bootstrap

    location = DatabaseLocation.file(work / "brest.db")
    bootstrap.open_app_database(location)
    return location


def settle(app, window, seconds: float = 60.0) -> None:
    """Wait for what the window reads after its first paint (the sidebar's counts)."""
    import time

    from ui.shell.sidebar import COUNT_ROLE

    partners = window._keys().index("partners")
    deadline = time.monotonic() + seconds
    while window.sidebar.item(partners).data(COUNT_ROLE) is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def main(out: Path) -> None:
    location = throwaway_brest()
    from PySide6.QtWidgets import QApplication

    from relations_app.services import (
        consulates,
        contacts,
        delegations,
        organisations,
        partners,
        posts,
        programmes,
    )
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = ui_app.create_application([])
    out.mkdir(parents=True, exist_ok=True)
    records = {
        "partners": partners.list_partners("rimouski").rows[0]["id"],
        "programmes": programmes.list_programmes("crea ocean").rows[0]["id"],
        "organisations": organisations.list_organisations("technopole maritime").rows[0]["id"],
        "contacts": contacts.list_contacts("giguère").rows[0]["id"],
        "posts": posts.list_posts("ottawa").rows[0]["id"],
        "consulates": consulates.list_consulates().rows[0]["id"],
        "delegations": delegations.list_delegations().rows[0]["id"],
    }
    for language in ("fr", "en"):
        ui_app.install_translators(QApplication.instance(), language)
        window = MainWindow(location)
        window.resize(*SIZE)
        window.show()
        settle(app, window)

        def snap(name: str, window=window) -> None:
            app.processEvents()
            window.grab().save(str(out / name))

        for key, record_id in records.items():
            window.open_record(key, record_id)
            snap(f"profile-{key[:-1]}-{language}.png")
            if language == "fr" and key == "programmes":
                editor = window.sections[key].editor
                bar = editor.page_scroll.verticalScrollBar()
                funding = next(s for s in editor.sections if s.name == "funding")
                bar.setValue(funding.y())
                snap("programme-crea-ocean.png")
            if language == "fr" and key == "delegations":
                window.sections[key].editor.page_scroll.verticalScrollBar().setValue(520)
                snap("delegation.png")
        window.open_record("partners", partners.list_partners("kiel").rows[0]["id"])
        if language == "fr":
            snap("partners-kiel.png")
        editor = window.sections["partners"].editor
        editor.edit_section(next(s for s in editor.sections if s.name == "identity"))
        editor.forms[1].inputs["population"].widget.setText("246 601 habitants")
        window.save_action.trigger()  # refused: the page shows why, on the field
        snap(f"profile-edit-{language}.png")
        editor.set_clean()
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
