"""The window with the keyboard only: menus, F1, Tab out of every list, search into the list.

Keys are sent with QTest to the real widgets of a real window, as a user presses them.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QTextBrowser
from window_helpers import opened_window

from relations_app.services import contacts
from ui.kit.keyboard import access_key, with_access_key
from ui.shell.help import HelpDialog, keys_of


@pytest.fixture(params=["fr", "en"])
def any_language_window(request, qtbot, qapp, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db", request.param) as w:
        yield w


@pytest.fixture
def window(qtbot, qapp, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as w:
        yield w


def go(window, key):
    assert window.show_section(key)
    return window.sections[key]


def menu_items(menu):
    """(menu, action) for every action of ``menu`` and its submenus."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield menu, action
        if action.menu() is not None:
            yield from menu_items(action.menu())


def test_access_keys_are_unique_in_every_menu_and_every_action_shows_a_shortcut(
    any_language_window,
):
    bar = any_language_window.menuBar()
    tops = [a for a in bar.actions() if a.menu() is not None]
    top_keys = [access_key(a.text()) for a in tops]
    assert "" not in top_keys and len(set(top_keys)) == len(top_keys), top_keys
    for top in tops:
        menus: dict = {}
        for menu, action in menu_items(top.menu()):
            key = access_key(action.text())
            assert key, f"{action.text()!r} has no access key"
            assert key not in menus.setdefault(menu, {}), (
                f"{action.text()!r} and {menus[menu][key]!r} share the access key {key!r}"
            )
            menus[menu][key] = action.text()
            if action.menu() is None:
                assert keys_of(action), f"{action.text()!r} has no shortcut"


def test_the_french_edit_menu_no_longer_has_r_twice(any_language_window):
    edit = any_language_window.findChild(type(any_language_window.file_menu), "editMenu")
    texts = [a.text() for a in edit.actions() if not a.isSeparator()]
    if QApplication.translate("MainWindow", "&Find") != "&Find":
        assert "Re&chercher" in texts and "&Rétablir" in texts


def test_f1_lists_every_shortcut_of_every_menu(any_language_window):
    window = any_language_window
    dialog = HelpDialog(window, window.menuBar())
    text = dialog.findChild(QTextBrowser, "helpText").toPlainText()
    for top in window.menuBar().actions():
        for _menu, action in menu_items(top.menu()):
            for key in action.shortcuts():
                assert key.toString(QKeySequence.SequenceFormat.NativeText) in text, action.text()
    assert "Ctrl+P" in text
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):  # the toolbar's own ones too (Ctrl+K)
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in text, action.text()
    assert len(dialog.rows) >= 25
    dialog.deleteLater()


def test_with_access_key_picks_a_free_first_letter():
    taken = {"p", "a"}
    assert with_access_key("Partenaires", taken) == "Pa&rtenaires"
    assert with_access_key("Postes diplomatiques", taken) == "Postes &diplomatiques"
    assert with_access_key("&Aide", taken) == "&Aide"
    assert taken == {"p", "a", "r", "d"}


def test_tab_leaves_the_list_and_reaches_everything_after_the_sub_tables(window, qtbot):
    section = go(window, "contacts")
    section.select_record(contacts.list_contacts("beaulieu").rows[0]["id"])
    section.table.setFocus()
    assert QApplication.focusWidget() is section.table
    visited = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        visited.append(widget)
        if widget is section.table:
            break
    assert visited[0] is not section.table, "Tab stayed in the list"
    tables = [w for w in visited if isinstance(w, QAbstractItemView) and w is not section.table]
    assert tables, "no sub-table of the page was reached"
    after = visited.index(tables[0]) + 1
    assert any(section.editor.isAncestorOf(w) for w in visited[after:]), (
        "nothing after the first sub-table was reachable"
    )
    assert section.editor.save_button in visited or not section.editor.save_button.isEnabled()
    assert visited[-1] is section.table, "Tab never came back round to the list"


def test_down_in_the_search_enters_the_list_enter_opens_escape_returns(window, qtbot):
    section = go(window, "contacts")
    section.search.setFocus()
    qtbot.keyClicks(section.search, "a")
    qtbot.keyClick(section.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is section.table
    assert section.table.currentIndex().row() == 0
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    second = section.model.row_id(1)
    assert section.current_id == second
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert section.editor.isAncestorOf(QApplication.focusWidget())
    assert section.editor.record["id"] == second
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is section.search
    assert section.search.selectedText() == "a"


def test_enter_in_the_search_runs_it_and_enters_the_list(window, qtbot):
    section = go(window, "contacts")
    section.search.setFocus()
    qtbot.keyClicks(section.search, "giguere")
    qtbot.keyClick(section.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is section.table
    assert section.model.rowCount() == 1
    assert section.editor.heading.text() == "Noémie Giguère"


def test_delete_from_the_sidebar_deletes_nothing(window, qtbot, monkeypatch):
    section = go(window, "contacts")
    before = contacts.list_contacts().total
    asked = []

    def say_yes(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", say_yes)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Delete)
    assert asked == [] and contacts.list_contacts().total == before
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert contacts.list_contacts().total == before - 1
