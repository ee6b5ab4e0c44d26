"""Where I was (issue 12 §2): Back and Forward across sections, recents, pins, the sidebar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import contacts, partners
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow
from ui.shell.sidebar import COUNT_ROLE


def _window(qtbot, tmp_path):
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    return w


def _close(w):
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path):
    translators = ui_app.install_translators(qapp, "fr")
    w = _window(qtbot, tmp_path)
    yield w
    _close(w)
    for t in translators:
        qapp.removeTranslator(t)


def _id(rows, name):
    return next(r["id"] for r in rows if r.get("name") == name or r.get("family_name") == name)


def test_back_and_forward_across_sections(window, qtbot):
    kiel = _id(partners.list_partners("kiel").rows, "Kiel")
    giguere = _id(contacts.list_contacts("giguere").rows, "Giguère")
    window.show_section("dashboard")
    window.open_record("partners", kiel)
    window.open_record("contacts", giguere)
    assert not window.forward_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_section() is window.sections["partners"]
    assert window.sections["partners"].current_id == kiel
    assert window.forward_action.isEnabled()
    window.go_back()
    assert window.current_section() is None  # the dashboard
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.sections["partners"].current_id == kiel
    window.go_forward()
    assert window.current_section() is window.sections["contacts"]
    assert window.sections["contacts"].current_id == giguere
    assert not window.forward_action.isEnabled()
    window.go_back()
    window.show_section_from_menu("posts")  # a new step: Forward is gone
    assert not window.forward_action.isEnabled()


def test_recents_and_pins_kept_across_restarts(qtbot, brest_db, qapp, tmp_path):
    w = _window(qtbot, tmp_path)
    kiel = _id(partners.list_partners("kiel").rows, "Kiel")
    bejaia = _id(partners.list_partners("bejaia").rows, "Béjaïa")
    w.open_record("partners", kiel)
    w.open_record("partners", bejaia)
    w.pin_action.trigger()
    assert w.pin_action.isChecked()
    _close(w)
    again = _window(qtbot, tmp_path)
    try:
        again.recent_menu.aboutToShow.emit()
        texts = [a.text() for a in again.recent_menu.actions()]
        assert texts[:2] == ["Béjaïa — Partenaire", "Kiel — Partenaire"]
        again.pinned_menu.aboutToShow.emit()
        pinned = again.pinned_menu.actions()
        assert [a.text() for a in pinned] == ["Béjaïa — Partenaire"]
        again.show_section("dashboard")
        pinned[0].trigger()
        assert again.sections["partners"].current_id == bejaia
        assert again.pin_action.isChecked()
        again.pin_action.trigger()  # unpinned
        again.pinned_menu.aboutToShow.emit()
        assert [a.isEnabled() for a in again.pinned_menu.actions()] == [False]
    finally:
        _close(again)


def test_recents_hold_the_last_twenty(qtbot, window):
    ids = [r["id"] for r in partners.list_partners().rows]
    for record_id in ids:
        window.open_record("partners", record_id)
    assert len(window.places.recents) == 16
    for n in range(30):
        window.places.opened("partners", f"x{n}", f"X{n}")
    assert len(window.places.recents) == 20 and window.places.recents[0].label == "X29"


def test_sidebar_counts_and_icons(window, qtbot):
    sidebar = window.sidebar
    keys = [sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(sidebar.count())]
    counts = {k: sidebar.item(i).data(COUNT_ROLE) for i, k in enumerate(keys)}
    assert counts["partners"] == "16"
    assert counts["dashboard"] is None
    assert all(not sidebar.item(i).icon().isNull() for i in range(sidebar.count()))
    partners.create_partner({"name": "Gdańsk", "country": "PL", "kind": "twin_city"})
    window._data_changed("partners", "")
    assert sidebar.item(keys.index("partners")).data(COUNT_ROLE) == "17"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is window.sections["partners"]
