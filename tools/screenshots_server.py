"""Two windows on two logins, side by side, on the same shared server database (offscreen).

    .venv/bin/python tools/screenshots_server.py [OUT_DIR]

Starts a throwaway PostgreSQL server (tools/pg_cluster.py), creates the ``relations``
database with the Brest dataset (``relations-app init``), adds the logins ``marc``
(edition) and ``lea`` (lecture) with ``relations-app users add``, then opens one window
per login, each in its own process as on two PCs, at 1366×768 in French: marc is editing
Kiel's identity, lea reads the same page (read only).  Writes
``serveur-partage-edition.png``, ``serveur-partage-lecture.png`` and the two side by side,
``serveur-partage.png`` (default folder: docs/screenshots).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)


def window(url: str, login: str, png: Path) -> None:
    """In this process: the window of ``login`` on ``url``, grabbed to ``png``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix=f"relations-{login}-"))
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "config"))
    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation
    from relations_app.services import partners
    from ui.shell import app as ui_app
    from ui.shell.main_window import MainWindow

    app = ui_app.create_application([])
    location = DatabaseLocation.parse(url.replace("//postgres@", f"//{login}@"))
    bootstrap.start(location, safety_copy=False)
    win = MainWindow(location)
    win.resize(*SIZE)
    win.show()
    app.processEvents()
    win.open_record("partners", partners.list_partners("kiel").rows[0]["id"])
    app.processEvents()
    editor = win.sections["partners"].editor
    if win.access.can_edit:
        editor.edit_section(editor.sections[0])
        from PySide6.QtWidgets import QLineEdit

        form = next(f for f in editor.forms if "population" in f.inputs)
        population = form.inputs["population"].widget
        if isinstance(population, QLineEdit):
            population.setFocus()
            population.setText("246 601")  # an edit under way, not saved yet
        app.processEvents()
    app.processEvents()
    win.grab().save(str(png))
    for section in win.sections.values():
        section.editor.set_clean()
    win.close()
    bootstrap.close()


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "tools"))
    import pg_cluster

    out.mkdir(parents=True, exist_ok=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with pg_cluster.Cluster(pg_cluster.bin_dir()) as cluster:
        url = cluster.url.rsplit("/", 1)[0] + "/relations"

        def cli(*args: str) -> None:
            command = [str(ROOT / ".venv" / "bin" / "relations-app"), "--db", url, *args]
            subprocess.run(command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)

        cli("init")
        cli("users", "add", "marc", "--role", "edition")
        cli("users", "add", "lea", "--role", "lecture")
        shots = {
            "marc": out / "serveur-partage-edition.png",
            "lea": out / "serveur-partage-lecture.png",
        }
        for login, png in shots.items():
            subprocess.run(
                [python, __file__, "--window", url, login, str(png)], check=True, cwd=ROOT, env=env
            )
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    QGuiApplication.instance() or QGuiApplication([])
    left, right = (QImage(str(p)) for p in shots.values())
    both = QImage(
        left.width() + right.width() + 8, max(left.height(), right.height()), left.format()
    )
    both.fill(0x404040)
    painter = QPainter(both)
    painter.drawImage(0, 0, left)
    painter.drawImage(left.width() + 8, 0, right)
    painter.end()
    both.save(str(out / "serveur-partage.png"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--window"]:
        window(sys.argv[2], sys.argv[3], Path(sys.argv[4]))
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
