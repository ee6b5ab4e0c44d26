"""Keyboard paths through the window: Tab leaves every list, a search field leads into its list.

Qt's item views keep Tab for moving from cell to cell (``tabKeyNavigation``), so a table
holds the keyboard forever and everything after the first table of a page is out of
reach without the mouse.  :func:`free_tab_in` turns that off for every list and table
under a widget (arrows still move between cells); call it on a page or a dialog once it is
built, and again after adding a table to it.  :class:`SearchLeadsToList` gives a search
field its way into the list (Down or Enter) and the list its way back (Échap).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QMenu, QWidget


def leave_on_tab(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move focus out of ``view`` instead of from cell to cell."""
    view.setTabKeyNavigation(False)


def free_tab_in(widget: QWidget) -> None:
    """:func:`leave_on_tab` for ``widget`` and every list and table inside it."""
    if isinstance(widget, QAbstractItemView):
        leave_on_tab(widget)
    for view in widget.findChildren(QAbstractItemView):
        leave_on_tab(view)


def focus_first(container: QWidget, reason=Qt.FocusReason.TabFocusReason) -> bool:
    """Give focus to the first widget of ``container`` that Tab would reach; False if none."""
    candidate = container.nextInFocusChain()
    for _ in range(10_000):  # the focus chain is a ring; never loop forever on a broken one
        if candidate is None or candidate is container:
            return False
        if (
            candidate.isVisibleTo(container.window())
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and container.isAncestorOf(candidate)
        ):
            candidate.setFocus(reason)
            return True
        candidate = candidate.nextInFocusChain()
    return False


class SearchLeadsToList(QObject):
    """Down or Enter in ``search`` moves into ``view`` (its current row, else the first);
    Échap in ``view`` returns to ``search``; Enter on a row calls ``open_row``.

    ``settle`` runs first when leaving the field: a search typed but not yet run (search as
    you type waits for the event loop) is run before the list is entered.
    """

    def __init__(
        self,
        search: QLineEdit,
        view: QAbstractItemView,
        open_row: Callable[[], None],
        settle: Callable[[], None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or search)
        self.search = search
        self.view = view
        self.open_row = open_row
        self.settle = settle
        search.installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search and plain and key in ENTER_KEYS | {Qt.Key.Key_Down}:
            self.settle()
            self.into_list()
            return True
        if watched is self.view and plain:
            if key == Qt.Key.Key_Escape:
                self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.search.selectAll()
                return True
            if key in ENTER_KEYS and self.view.currentIndex().isValid():
                self.open_row()
                return True
        return False

    def into_list(self) -> None:
        model = self.view.model()
        if model is None or model.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(model.index(0, 0))


ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def access_key(text: str) -> str:
    """The letter after the ``&`` of a menu text, lower-cased; "" when it has none."""
    plain = text.replace("&&", "")
    index = plain.find("&")
    return plain[index + 1].lower() if 0 <= index < len(plain) - 1 else ""


def with_access_key(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before its first letter not in ``taken`` (a word's first
    letter preferred), which is added to ``taken``; unchanged when every letter is taken."""
    if access_key(text):
        taken.add(access_key(text))
        return text
    starts = [
        i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    for i in starts + others:
        if text[i].lower() not in taken:
            taken.add(text[i].lower())
            return f"{text[:i]}&{text[i:]}"
    return text


def give_access_keys(menu: QMenu) -> None:
    """Every action of ``menu`` (and of its submenus) without an access key gets one that
    no other action of the same menu has (the section names, which come from the record
    types, are named in both languages without one)."""
    actions = [a for a in menu.actions() if not a.isSeparator()]
    taken = {access_key(a.text()) for a in actions} - {""}
    for action in actions:
        if not access_key(action.text()):
            action.setText(with_access_key(action.text(), taken))
        if isinstance(submenu := action.menu(), QMenu):
            give_access_keys(submenu)


def give_dialog_access_keys(dialog: QWidget) -> None:
    """Every button of ``dialog`` and every label naming a field (its buddy) gets an access
    key no other of them has: the first to hold a letter keeps it, a later one with the same
    letter, or one without, gets a free letter of its own text (Alt+letter then reaches one
    control, never the first of two)."""
    named: list[QAbstractButton | QLabel] = [
        w
        for w in dialog.findChildren(QWidget)
        if (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None))
        and w.text()
        and not w.isHidden()
    ]
    named.sort(key=lambda w: not isinstance(w, QAbstractButton))  # the buttons' letters first
    taken: set[str] = set()
    lacking = []
    for widget in named:
        key = access_key(widget.text())
        if key and key not in taken:
            taken.add(key)
        else:
            lacking.append(widget)
    for widget in lacking:
        plain = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&&")
        widget.setText(with_access_key(plain, taken))
