"""Retake the data-safety screenshots (the Corbeille page, the contacts import) offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_data_safety.py [--extra] [OUT_DIR]

Works on a fresh Brest database in a temporary folder, in French, with throwaway settings;
writes ``trash.png`` and ``import-contacts.png`` (default: docs/screenshots), and with
``--extra`` also ``restore.png`` and ``import-atlas.png``, for a look.  Retake them after the catalogue is
updated, so that the new texts appear in French.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from relations_app.location import DatabaseLocation

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (
    "Nom;Prénom;Courriel;Téléphone;Fonction;Organisation;Pays\r\n"
    "Beaulieu;Martin;MBEAULIEU@soper-rimouski.ca;;Directeur;SOPER;Canada\r\n"
    "Lefèvre;Anaïs;anais@example.fr;02 98 00 00 00;Chargée de mission;Université de Bretagne Occidentale;France\r\n"
    "Vaillan;Sarah;;;;;\r\n"
    "Durand;;pas-un-courriel;;;;Atlantide\r\n"
    "Nouveau;Léa;lea@example.org;;Chargée de mission;Office des Glaces;Canada\r\n"
)


def main(out: Path, extra: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="relations-shots-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "config"))
    from relations_app import backups, bootstrap
    from relations_app.services import contacts, partners, programmes
    from ui.exchange.import_atlas import AtlasImportDialog
    from ui.exchange.import_contacts import ContactsImportDialog
    from ui.kit import tasks
    from ui.safety.backup_dialogs import RestoreDialog
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    tasks.INLINE = True
    ui_app.create_application([])
    QMessageBox.exec = lambda box: QMessageBox.StandardButton.Yes  # confirm the deletions
    location = DatabaseLocation.file(work / "brest.db")
    bootstrap.open_app_database(location)
    window = MainWindow(location)
    window.resize(1280, 800)
    window.show()

    def snap(widget, name: str) -> None:
        QApplication.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    for key, page, query in (
        ("partners", partners.list_partners, "kiel"),
        ("contacts", contacts.list_contacts, "giguere"),
        ("programmes", programmes.list_programmes, "inn'o"),
    ):
        window.show_section(key)
        window.sections[key].select_record(page(query).rows[0]["id"])
        window.delete_record()
    window.show_section("trash")
    snap(window, "trash")
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.undo()

    csv_file = work / "contacts.csv"
    csv_file.write_bytes(SAMPLE.encode("cp1252"))
    dialog = ContactsImportDialog(csv_file, window, location)
    dialog.show()
    snap(dialog, "import-contacts")
    dialog.close()

    if not extra:
        window.close()
        bootstrap.close()
        return
    backups.create_backup(location)
    dialog = RestoreDialog(location, parent=window)
    dialog.show()
    snap(dialog, "restore")
    dialog.close()
    dialog = AtlasImportDialog(
        window, location, ROOT / "tests" / "data" / "atlas_crea_ocean_004.txt"
    )
    dialog.show()
    snap(dialog, "import-atlas")
    dialog.close()
    window.close()
    bootstrap.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--extra"]
    target = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    main(target, extra="--extra" in sys.argv[1:])
