"""The window on an office laptop: 1366×768 at 100 %, 1280×720 at 125 % (1024×576 logical).

Sizes are measured on the real window in each language and each section; the 125 % case
is also run in a process of its own with ``QT_SCALE_FACTOR=1.25``.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from window_helpers import opened_window

from ui.kit.screen import available_size

#: 1280×720 at 125 %, less a title bar and a taskbar (about 30 + 40 logical pixels).
LAPTOP_125 = (1280 / 1.25, 720 / 1.25 - 70)

MEASURE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from relations_app import bootstrap
from relations_app.location import DatabaseLocation
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow
location = DatabaseLocation.file(Path(sys.argv[1]))
bootstrap.open_app_database(location)
sizes = {}
for language in ("fr", "en"):
    translators = ui_app.install_translators(app, "fr") if language == "fr" else []
    window = MainWindow(location)
    window.show()
    app.processEvents()
    ratio = window.devicePixelRatioF()
    widest = (0, 0)
    for key in window._keys():
        window.show_section(key)
        app.processEvents()
        hint = window.minimumSizeHint()
        widest = (max(widest[0], hint.width()), max(widest[1], hint.height()))
    sizes[language] = [round(widest[0] * ratio), round(widest[1] * ratio), ratio]
    window.close()
    for t in translators:
        app.removeTranslator(t)
print(json.dumps(sizes))
"""


@pytest.fixture(params=["fr", "en"])
def any_language_window(request, qtbot, qapp, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db", request.param) as w:
        yield w


def minimum_sizes(window):
    """The window's minimum size in every section, as (key, width, height)."""
    for key in window._keys():
        window.show_section(key)
        hint = window.minimumSizeHint()
        yield key, hint.width(), hint.height()


def test_the_window_fits_a_laptop_in_every_section(any_language_window):
    for key, width, height in minimum_sizes(any_language_window):
        assert width <= LAPTOP_125[0], (key, width)
        assert height <= LAPTOP_125[1], (key, height)


def test_at_125_percent_the_window_fits_1280_by_720_device_pixels(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.25")
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path / "brest.db")],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    for language, (width, height, ratio) in sizes.items():
        assert ratio == pytest.approx(1.25)
        assert width <= 1280, (language, width)
        assert height <= 720 - 70 * 1.25, (language, height)


def test_filters_wrap_instead_of_widening_the_list(any_language_window, qtbot):
    window = any_language_window
    window.resize(1024, 560)
    window.show_section("partners")
    section = window.sections["partners"]
    section.splitter.setSizes([330, 700])
    qtbot.wait(20)
    boxes = list(section.filter_boxes.values())
    assert len(boxes) == 4
    assert all(b.isVisible() for b in boxes)
    left = section.splitter.widget(0)
    for box in boxes:
        right_edge = box.mapTo(left, box.rect().topRight()).x()
        assert right_edge <= left.width(), box.objectName()
    assert len({b.y() for b in boxes}) > 1, "the four filters stayed on one line"


def test_the_name_column_takes_the_spare_width(any_language_window, qtbot):
    window = any_language_window
    window.resize(1366, 740)
    section = window.sections["contacts"]
    window.show_section("contacts")
    qtbot.wait(20)
    table = section.table
    widths = [table.columnWidth(c) for c in range(section.model.columnCount())]
    last = len(widths) - 1
    assert widths[0] >= table.sizeHintForColumn(0), "names are cut short"
    assert sum(widths) <= table.viewport().width() + 1, "columns run off to the right"
    titles = [section.model.headerData(c, 1) for c in range(section.model.columnCount())]
    assert len(titles) == 5 and widths[last] < widths[0]
    window.resize(1920, 1040)
    section.splitter.setSizes([1300, 540])
    qtbot.wait(20)
    wide = [table.columnWidth(c) for c in range(len(widths))]
    assert wide[0] > widths[0], "a wider list did not widen the names"
    assert wide[last] == widths[last], wide


@pytest.mark.parametrize("dialog", ["help", "atlas", "restore", "pdf"])
def test_dialogs_never_open_taller_than_the_screen(any_language_window, dialog):
    window = any_language_window
    if dialog == "help":
        from ui.shell.help import HelpDialog

        shown = HelpDialog(window, window.menuBar())
    elif dialog == "atlas":
        from ui.exchange.import_atlas import AtlasImportDialog

        shown = AtlasImportDialog(window, window.location)
    elif dialog == "restore":
        from ui.safety.backup_dialogs import RestoreDialog

        shown = RestoreDialog(window.location, parent=window)
    else:
        from relations_app.reports.factsheet import render_factsheet
        from relations_app.services import partners
        from ui.documents.pdf_preview import PdfPreviewDialog

        kiel = partners.list_partners("kiel").rows[0]["id"]
        shown = PdfPreviewDialog(render_factsheet(kiel)[0], "kiel.pdf", parent=window)
    shown.show()
    room = available_size(window)
    assert shown.height() <= room.height() and shown.width() <= room.width()
    shown.deleteLater()
