"""The first window: the partner list of the database, searchable, in French."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from shutil import which

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from relations_app.services import partners
from ui import app as ui_app
from ui import settings
from ui.main_window import MainWindow
from ui.partner_table import ID_ROLE, PAGE_SIZE, PartnerTableModel

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def french(qapp):
    translators = ui_app.install_translators(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot, brest_db, french, tmp_path):
    w = MainWindow(tmp_path / "brest.db")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def visible_names(table: QTableView):
    model = table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_window_lists_the_partners_in_french(window):
    table = window.findChild(QTableView, "partnersTable")
    assert table.model().rowCount() == 16
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert table.model().headerData(2, Qt.Orientation.Horizontal) == "Type de lien"
    assert "Béjaïa" in visible_names(table) and "Constanţa" in visible_names(table)
    assert window.statusBar().currentMessage() == "16 partenaires"
    kiel_row = visible_names(table).index("Kiel")
    assert table.model().index(kiel_row, 1).data() == "Allemagne"
    assert table.model().index(kiel_row, 2).data() == "Ville jumelle"


def test_typing_kie_finds_kiel_and_shows_its_page(window, qtbot):
    search = window.findChild(QLineEdit, "partnersSearch")
    qtbot.keyClicks(search, "kie")
    table = window.findChild(QTableView, "partnersTable")
    qtbot.waitUntil(lambda: visible_names(table) == ["Kiel"], timeout=2000)
    assert window.statusBar().currentMessage() == "1 partenaire"
    qtbot.waitUntil(lambda: "Schleswig-Holstein" in window.detail.toPlainText())
    assert "50 ans du jumelage" in window.detail.toPlainText()


def test_accent_insensitive_search_in_the_window(window, qtbot):
    search = window.findChild(QLineEdit, "partnersSearch")
    search.setText("bejaia")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert visible_names(window.table) == ["Béjaïa"]
    search.setText("zzz")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert visible_names(window.table) == [] and window.detail.toPlainText() == ""


def test_ctrl_f_focuses_search(window, qtbot):
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search


def test_hostile_text_shows_literally_in_the_page(window, qtbot):
    created = partners.create_partner({"name": "<b>Évil</b> & Co", "country": "FR", "kind": "friendship_city",
                                       "history": "<script>alert(1)</script> <img src='/etc/passwd'>"})
    window.search.setText("evil")
    window._apply_search()
    assert visible_names(window.table) == ["<b>Évil</b> & Co"]
    window.show_partner(created["id"])
    text = window.detail.toPlainText()
    assert "<b>Évil</b> & Co" in text and "<script>alert(1)</script>" in text


def test_sorting_by_a_header_runs_in_sql(window):
    window.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert visible_names(window.table)[:2] == ["État de Veracruz", "Haïphong"]


def test_geometry_is_remembered(window, qtbot, tmp_path):
    window.resize(640, 480)  # the offscreen screen is 800 x 600
    window.close()
    assert not settings.get(settings.MAIN_GEOMETRY).isEmpty()
    again = MainWindow(tmp_path / "brest.db")
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (640, 480)


def test_model_passes_qtmodeltester_and_pages_on_demand(qtmodeltester, db):
    for i in range(PAGE_SIZE + 50):
        partners.create_partner({"name": f"Ville {i:03d}", "country": "FR", "kind": "friendship_city"})
    model = PartnerTableModel()
    model.reload()
    assert model.rowCount() == PAGE_SIZE and model.total == PAGE_SIZE + 50
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == PAGE_SIZE + 50 and not model.canFetchMore(model.index(-1, -1))
    assert model.index(0, 0).data(ID_ROLE)
    model.set_search("ville 01")  # every word must match: 001, 010-019, 101, 201
    assert model.rowCount() == 13
    qtmodeltester.check(model)


def test_french_catalogue_is_complete_and_compiled(tmp_path):
    ts = ROOT / "resources" / "translations" / "relations_fr.ts"
    unfinished = [m.findtext("source") for m in ET.parse(ts).iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(tool) if tool.exists() else which("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (ROOT / "resources" / "translations" / "relations_fr.qm").read_bytes()


def test_english_interface(qapp, qtbot, brest_db, tmp_path):
    translators = ui_app.install_translators(qapp, "en")
    try:
        w = MainWindow(tmp_path / "brest.db")
        qtbot.addWidget(w)
        assert w.table.model().headerData(0, Qt.Orientation.Horizontal) == "Name"
        assert w.search.placeholderText().startswith("Search a partner")
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        ui_app.install_translators(qapp, "fr")
