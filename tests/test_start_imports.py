"""The window's start loads only what its first screen needs: none of the command line's
command modules, neither the JSON reader nor the bundled dataset's YAML, no exchange
format, no PDF library, not the PostgreSQL driver on a file, neither the e-mail nor the
phone-number checks (each loads when first used)."""

import os
import subprocess
import sys

import pytest

NOT_AT_START = (
    "relations_app.commands",
    "relations_app.jsonio",
    "relations_app.dataset",
    "relations_app.exchange",
    "yaml",
    "icalendar",
    "openpyxl",
    "vobject",
    "reportlab",
    "pypdf",
    "psycopg",
    "email_validator",
    "phonenumbers",
    "ui.pages.person_data",
)

WINDOW_START = """
import sys
import ui.shell.app as app

def run(location, imposed_by=None):  # the window built, as it shows: what has been loaded by then?
    from PySide6.QtWidgets import QApplication
    from ui.safety.startup import open_database
    from ui.shell.main_window import MainWindow

    QApplication.instance() or QApplication([])
    open_database(location, check_later=True)
    window = MainWindow(location)
    loaded = sorted(m for m in sys.modules if m.startswith({not_at_start!r}))
    print("LOADED", loaded)
    return 0

app.run = run
from ui.shell import launcher
sys.exit(launcher.main(["--db", sys.argv[1]]))
"""


def test_the_window_start_loads_no_command_reader_or_document_module(brest_db, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            WINDOW_START.format(not_at_start=NOT_AT_START),
            str(tmp_path / "brest.db"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LOADED []" in result.stdout, result.stdout


def test_a_command_still_finds_its_module_and_a_wrong_one_is_refused(brest_db, tmp_path, capsys):
    from relations_app import cli

    db = str(tmp_path / "brest.db")
    assert cli.main(["--db", db, "check"]) == 0
    assert "Intégrité : OK." in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--db", db, "chek"])
    assert exit_.value.code == 2
    assert "choix invalide" in capsys.readouterr().err
