"""F1: how the window works and every keyboard shortcut.

The shortcuts are read from the window's menus (each action's text and keys, as shown in
its menu), so the help lists every one and cannot drift from what the keys do; the ways
of moving with the keyboard that are not actions (Tab, Enter, Échap) follow.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..kit.screen import fit_to_screen


def plain(text: str) -> str:
    """A menu text as read: no access-key ampersand, no ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def keys_of(action: QAction) -> str:
    return " / ".join(
        k.toString(QKeySequence.SequenceFormat.NativeText)
        for k in action.shortcuts()
        if not k.isEmpty()
    )


def menu_shortcuts(menu: QMenu, prefix: str = "") -> list[tuple[str, str]]:
    """``(keys, what)`` for every action of ``menu`` and its submenus, in menu order."""
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if isinstance(submenu := action.menu(), QMenu):
            rows += menu_shortcuts(submenu, f"{prefix}{plain(action.text())} › ")
        elif keys := keys_of(action):
            what = plain(action.text())
            tip = action.statusTip()
            rows.append((keys, f"{prefix}{what}" + (f" — {tip}" if tip else "")))
    return rows


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, menus: QMenuBar | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Help"))
        fit_to_screen(self, 680, 640)
        layout = QVBoxLayout(self)
        text = QTextBrowser(self)
        text.setObjectName("helpText")
        text.setAccessibleName(self.tr("Help"))
        self.rows: list[tuple[str, str]] = []
        sections = []
        for top in menus.actions() if menus is not None else []:
            if not isinstance(menu := top.menu(), QMenu):
                continue
            rows = menu_shortcuts(menu)
            self.rows += rows
            sections.append(f"<h4>{escape(plain(top.text()))}</h4>{_table(rows)}")
        listed = {id(a) for top in (menus.actions() if menus else []) for a in _all(top)}
        others = [
            (keys_of(action), plain(action.text()))
            for action in (parent.findChildren(QAction) if parent is not None else [])
            if id(action) not in listed and keys_of(action) and action.text()
        ]
        if others:  # shortcuts of the window that no menu shows (the toolbar's search box)
            self.rows += others
            window_title = self.tr("Window")
            sections.append(f"<h4>{escape(window_title)}</h4>{_table(others)}")
        moving = [
            (
                self.tr("Tab / Shift+Tab"),
                self.tr("Next / previous field; leaves every list and table"),
            ),
            (self.tr("Down or Enter"), self.tr("In a search field: into the list")),
            (self.tr("Enter"), self.tr("On a line of the list: into the record's page")),
            (self.tr("Esc"), self.tr("In a list: back to its search field")),
            (
                self.tr("Delete"),
                self.tr("Only when a list or a page has focus, never from the sidebar"),
            ),
        ]
        intro = self.tr(
            "Choose a section on the left. Type in the search field to filter the list: "
            "accents and case do not matter (“bejaia” finds Béjaïa). Select a line to read and "
            "edit the record on the right; fields in error are shown in red with the reason."
        )
        links = self.tr(
            "Double-click a programme, contact or partner on a page to open it; Back returns."
        )
        heading = self.tr("Keyboard shortcuts")
        keyboard = self.tr("Moving with the keyboard")
        text.setHtml(
            f"<h2>Relations</h2><p>{escape(intro)}</p><p>{escape(links)}</p>"
            f"<h3>{escape(heading)}</h3>{''.join(sections)}"
            f"<h3>{escape(keyboard)}</h3>{_table(moving)}"
        )
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _all(action: QAction) -> list[QAction]:
    """``action`` and, when it opens a menu, every action inside, submenus included."""
    menu = action.menu()
    if not isinstance(menu, QMenu):
        return [action]
    return [action, *(a for child in menu.actions() for a in _all(child))]


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='4'>{cells}</table>"
