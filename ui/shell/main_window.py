"""The main window: a sidebar of sections, each a list beside the record's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relations_app import __version__
from relations_app.location import DatabaseLocation
from relations_app.services import StaleRecordError
from relations_app.services.access import EVERY_RIGHT

from ..kit import settings, stale
from ..kit.faults import show_error
from ..kit.first_paint import after_first_paint
from ..kit.keyboard import give_access_keys
from ..kit.screen import fit_to_screen
from ..kit.undo import CommandRunner
from ..lists.section import Section, SectionSpec
from ..lists.section_specs import build_specs
from ..pages.dashboard import Dashboard
from ..safety.trash_page import TrashPage
from . import sidebar as sidebar_look
from .navigation import History, fill_menu
from .sections import Sections

SETTLED_MS = 700  # a record shown this long in a list counts as opened (Récents)


class MainWindow(QMainWindow):
    #: "--db" or "RELATIONS_DB" when one of them chose the database (not the preferences)
    imposed_by: str | None = None
    #: opens the window again on another database (set by the application's session)
    reopen_on: Callable[[DatabaseLocation], None] | None = None

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.setObjectName("mainWindow")
        fit_to_screen(self, 1280, 800)
        self.undo_stack = QUndoStack(self)
        self.runner = CommandRunner(self.undo_stack, self)
        self.runner.location = location
        self.places = History(self)

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setIconSize(QSize(0, 0))
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { font-size: 11pt; padding-top: 6px; }"
            "QListWidget#sidebar::item { padding: 6px 10px; }"
        )
        self.stack = QStackedWidget(self)
        self.dashboard = Dashboard(self)
        self.dashboard.open_record.connect(self.open_record)
        self.dashboard.open_list.connect(self.show_filtered)
        self._add_page("dashboard", self.tr("Dashboard"), self.dashboard)
        self.sections = Sections(build_specs(), self._build_section)
        for key, spec in self.sections.specs.items():
            self._add_page(key, spec.title(), QWidget(self))  # until it is first shown
        self.trash_page = TrashPage(self.runner, self)
        self.trash_page.location = location
        self.trash_page.status_changed.connect(self._update_status)
        self._add_page("trash", self.tr("Trash"), self.trash_page)
        sidebar_look.decorate(self.sidebar)
        after_first_paint(
            self, lambda: sidebar_look.count_in_background(self.sidebar, self._fit_sidebar)
        )
        # Resizable and collapsible (drag its edge): a laptop screen needs the width.
        self.sidebar.setMinimumWidth(80)
        central = QSplitter(Qt.Orientation.Horizontal, self)
        central.setObjectName("mainSplitter")
        central.addWidget(self.sidebar)
        central.addWidget(self.stack)
        central.setStretchFactor(1, 1)
        central.setCollapsible(1, False)
        self.main_splitter = central
        self._fit_sidebar()
        from ..kit.banner import Banner

        self.banner = Banner(self, "windowBanner")  # the connection's state, other news
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.banner)
        body_layout.addWidget(central, 1)
        self.setCentralWidget(body)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()
        self._add_data_safety()
        from relations_app.services import access

        self.access = access.current()  # the login's role, from the back end
        self.access_label = QLabel(self)
        self.access_label.setObjectName("accessMark")
        self.statusBar().addPermanentWidget(self.access_label)
        self._apply_access()
        self._watch_connection()
        for top in self.menuBar().actions():
            if isinstance(menu := top.menu(), QMenu):
                give_access_keys(menu)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        self.runner.changed.connect(self._data_changed)
        self.runner.failed.connect(self._command_failed)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self._current_key = ""
        self.trash_page.changed.connect(lambda *_a: sidebar_look.update_counts(self.sidebar))
        self._restore_state()
        self._update_title()
        from .live import LiveRefresh

        self.live = LiveRefresh(self)  # what other windows and PCs save shows here

    def _fit_sidebar(self) -> None:
        """The sidebar as wide as its names and counts, unless the person set its width."""
        if settings.get(settings.MAIN_SPLITTER).isEmpty():
            self.main_splitter.setSizes([self.sidebar.sizeHintForColumn(0) + 36, 1000])

    # -- pages ---------------------------------------------------------------------------

    def _add_page(self, key: str, title: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.sidebar.addItem(item)
        self.stack.addWidget(widget)

    def _build_section(self, spec: SectionSpec) -> Section:
        """A section, the first time it is shown or asked for, in its place in the stack."""
        section = Section(spec, self.runner, self)
        section.status_changed.connect(self._update_status)
        section.dirty_changed.connect(self._update_title)
        section.open_record.connect(self.open_record)
        section.search_elsewhere.connect(self.search_in)
        section.table.selectionModel().currentRowChanged.connect(lambda *_a: self._settled.start())
        section.other_sections = list(self.sections)
        section.save_interrupted.connect(  # a save the connection's loss cut (on a server)
            lambda save: self.connection.interrupted(replace(save, user=self.access.user))
        )
        state = settings.get(settings.section_splitter(spec.key))
        if not state.isEmpty():
            section.splitter.restoreState(state)
        header = settings.get(settings.section_header(spec.key))
        if not header.isEmpty():
            section.restore_header(header)
        index = self._keys().index(spec.key)
        placeholder = self.stack.widget(index)
        assert placeholder is not None
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, section)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        if spec.key == "contacts":
            from ..pages.person_data import PersonalDataPanel

            self.personal_data = PersonalDataPanel(section.editor, self)
        access = getattr(self, "access", None)  # the login's rights, once they are read
        if access is not None:
            section.editor.set_read_only(not access.can_edit)
            if spec.key == "contacts":
                self.personal_data.erase_button.setVisible(access.can_edit)
        return section

    def _keys(self) -> list[str]:
        return [
            self.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sidebar.count())
        ]

    def current_section(self) -> Section | None:
        return self.sections.get(self._current_key)

    def show_section(self, key: str) -> bool:
        keys = self._keys()
        if key not in keys:
            return False
        if key == self._current_key and self.stack.currentIndex() == keys.index(key):
            return True
        current = self.current_section()
        if current is not None and not current.maybe_leave():
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(keys.index(self._current_key))
            self.sidebar.blockSignals(False)
            return False
        self._current_key = key
        self.sections.get(key)  # built before it takes its place in the stack
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(keys.index(key))
        self.sidebar.blockSignals(False)
        self.stack.setCurrentIndex(keys.index(key))
        section = self.current_section()
        if section is not None:
            section.ensure_loaded()
        elif key == "trash":
            self.trash_page.refresh()
        else:
            self.dashboard.refresh()
        self._update_actions()
        self._update_status()
        self._update_title()
        self._update_navigation()
        return True

    def _sidebar_changed(self, row: int) -> None:
        key = self._keys()[row]
        previous = (self._current_key, self._current_record())
        if self.show_section(key):
            self._remember(previous)

    def _current_record(self) -> str | None:
        section = self.current_section()
        return section.current_id if section else None

    def _remember(self, place: tuple[str, str | None]) -> None:
        """A move away from ``place``: Back returns there (and Forward is cleared)."""
        self.places.step(place)
        self._update_navigation()

    def open_record(self, collection: str, record_id: str) -> None:
        """Show a record in its section (from a link, the map, a search)."""
        if collection not in self.sections:
            return
        previous = (self._current_key, self._current_record())
        if not self.show_section(collection):
            return
        if not self.sections[collection].maybe_leave():
            return
        if self.sections[collection].select_record(record_id):
            self._remember(previous)
            self._record_opened(collection)
        else:  # gone (deleted since it was pinned or opened)
            self.places.forget(collection, record_id)

    def search_in(self, collection: str, text: str) -> None:
        """Another section's list with ``text`` searched (from an empty list's links)."""
        self.show_filtered(collection, text)
        if self.current_section() is self.sections.get(collection):
            self.sections[collection].search.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Alt+Left: the place before, across sections."""
        self._go(self.places.back, self.places.forward)

    def go_forward(self) -> None:
        """Alt+Right: the place Back left."""
        self._go(self.places.forward, self.places.back)

    def _go(self, stack: list, other: list) -> None:
        place = self.places.take(stack, other, (self._current_key, self._current_record()))
        if place is not None:
            key, record_id = place
            if self.show_section(key) and record_id and key in self.sections:
                self.sections[key].select_record(record_id)
        self._update_navigation()

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(bool(self.places.back))
        self.forward_action.setEnabled(bool(self.places.forward))
        section = self.current_section()
        record_id = section.current_id if section else None
        self.pin_action.setEnabled(bool(record_id))
        self.pin_action.setChecked(self.places.is_pinned(self._current_key, record_id))

    def _record_opened(self, collection: str | None = None) -> None:
        """The record on screen goes first in "Récents" (a list row kept a moment, so that
        running down a list with the arrow keys does not push out everything else)."""
        key = collection or self._current_key
        section = self.sections.get(key)
        if section is not None and section.current_id:
            section.show_pending_page()  # its heading is the name remembered
            self.places.opened(key, section.current_id, section.editor.heading.text())
        self._update_navigation()

    def toggle_pin(self) -> None:
        section = self.current_section()
        if section is None or not section.current_id:
            return
        section.show_pending_page()
        self.places.toggle_pin(self._current_key, section.current_id, section.editor.heading.text())
        self._update_navigation()

    # -- actions and menus --------------------------------------------------------------

    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New"), QKeySequence.StandardKey.New, self.new_record, "newAction"
        )
        self.save_action = self._action(
            self.tr("&Save"), QKeySequence.StandardKey.Save, self.save_record, "saveAction"
        )
        self.delete_action = self._action(
            self.tr("&Delete"), QKeySequence(Qt.Key.Key_Delete), self.delete_record, "deleteAction"
        )
        # Suppr deletes only when a list or a page has focus (the sections and the trash
        # are in the stack), never from the sidebar; the menu and the toolbar still do.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.delete_action)
        self.stack.addAction(self.delete_action)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.redo_action.setObjectName("redoAction")
        self.addActions([self.undo_action, self.redo_action])
        self.factsheet_action = self._action(
            self.tr("&Fact sheet (PDF)…"),
            QKeySequence.StandardKey.Print,
            self.show_factsheet,
            "factsheetAction",
        )
        self.factsheet_action.setStatusTip(self.tr("Open the partner's fact sheet"))
        self.find_action = self._action(
            self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search, "findAction"
        )
        self.back_action = self._action(
            self.tr("&Back"), QKeySequence("Alt+Left"), self.go_back, "backAction"
        )
        self.back_action.setEnabled(False)
        self.forward_action = self._action(
            self.tr("&Forward"), QKeySequence("Alt+Right"), self.go_forward, "forwardAction"
        )
        self.forward_action.setEnabled(False)
        self.pin_action = self._action(
            self.tr("&Pin this record"), QKeySequence("Ctrl+D"), self.toggle_pin, "pinAction"
        )
        self.pin_action.setCheckable(True)
        self.pin_action.setEnabled(False)
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(SETTLED_MS)
        self._settled.timeout.connect(self._record_opened)
        self.quit_action = self._action(
            self.tr("&Quit"), QKeySequence("Ctrl+Q"), self.close, "quitAction"
        )
        self.help_action = self._action(
            self.tr("&Help"), QKeySequence.StandardKey.HelpContents, self.show_help, "helpAction"
        )
        self.about_action = self._action(
            self.tr("&About Relations"), QKeySequence("Ctrl+F1"), self._about, "aboutAction"
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"),
            QKeySequence("Ctrl+,"),
            self.show_preferences,
            "preferencesAction",
        )
        self.section_actions = []
        for index, key in enumerate(self._keys()):
            action = self._action(
                self.sidebar.item(index).text(),
                QKeySequence(f"Ctrl+{index + 1}"),
                lambda _c=False, k=key: self.show_section_from_menu(k),
                f"show_{key}",
            )
            self.section_actions.append(action)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addActions([self.new_action, self.save_action])
        file_menu.addSeparator()
        file_menu.addAction(self.factsheet_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_action])
        go_menu = menu.addMenu(self.tr("&Go"))
        go_menu.setObjectName("goMenu")
        go_menu.addActions([self.back_action, self.forward_action])
        go_menu.addSeparator()
        self.recent_menu = go_menu.addMenu(self.tr("&Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(
            lambda: fill_menu(
                self.recent_menu,
                self.places.recents,
                self.tr("No record opened yet"),
                self.open_record,
            )
        )
        self.pinned_menu = go_menu.addMenu(self.tr("P&inned"))
        self.pinned_menu.setObjectName("pinnedMenu")
        self.pinned_menu.aboutToShow.connect(
            lambda: fill_menu(
                self.pinned_menu, self.places.pins, self.tr("No pinned record"), self.open_record
            )
        )
        go_menu.addAction(self.pin_action)
        go_menu.addSeparator()
        go_menu.addActions(self.section_actions)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.help_menu = help_menu
        help_menu.addActions([self.help_action, self.about_action])
        from ..documents.activity_report import add_to_reports_menu

        self.activity_report_action = add_to_reports_menu(self, before=help_menu.menuAction())
        from ..documents import batch_factsheets

        self.factsheet_batch_action = batch_factsheets.add_to_reports_menu(self)

        toolbar = self.addToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions(
            [
                self.back_action,
                self.forward_action,
                self.new_action,
                self.save_action,
                self.delete_action,
            ]
        )
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(self.factsheet_action)
        self.toolbar = toolbar
        from .global_search import install

        self.global_search = install(self)
        for action in (
            self.new_action,
            self.save_action,
            self.delete_action,
            self.undo_action,
            self.redo_action,
            self.find_action,
            self.back_action,
            self.forward_action,
            self.pin_action,
            self.help_action,
            self.factsheet_action,
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                action.setToolTip(f"{action.text().replace('&', '')} ({keys})")

    def _apply_access(self) -> None:
        """Show only what the login may do: a ``lecture`` login no creation, edit, deletion,
        import or restore (menus, buttons, shortcuts, F2, Suppr) and a "Lecture seule"
        mark; an ``edition`` login no administration (restoring a copy, the trash's purge).
        The server refuses them anyway; this spares the person the refusal."""
        can_edit, can_administer = self.access.can_edit, self.access.can_administer
        actions = self.file_actions
        for action in (
            self.new_action,
            self.save_action,
            self.delete_action,
            actions.import_action,
            actions.import_atlas_action,
        ):
            action.setVisible(can_edit)
        actions.restore_action.setVisible(can_administer)
        for section in self.sections.values():
            section.editor.set_read_only(not can_edit)
        self.trash_page.set_rights(restore=can_edit, purge=can_administer)
        if self.sections.is_built("contacts"):  # else given when the section is built
            self.personal_data.erase_button.setVisible(can_edit)
        label = self.access_label
        if not can_edit:
            label.setText(self.tr("Read only"))
            label.setStyleSheet(
                "QLabel { background: #8a5300; color: white; font-weight: bold;"
                " border-radius: 3px; padding: 1px 8px; }"
            )
        elif self.access.on_server:
            label.setText(
                self.tr("Login: %1 (%2)")
                .replace("%1", self.access.user)
                .replace("%2", self.access.role)
            )
        label.setToolTip(self.access.describe() if self.access.on_server else "")
        label.setVisible(bool(label.text()))

    def _watch_connection(self) -> None:
        """On a server: a lost connection shows in the banner, not as error dialogs; open
        edits stay; once the server answers the window reloads and settles an
        interrupted save (:mod:`ui.safety.connection_watch`)."""
        from ..kit import faults
        from ..safety.connection_watch import ConnectionWatch

        self.connection = ConnectionWatch(self.location, self.banner, self)
        self.connection.restored.connect(self._connection_restored)
        if self.location.is_server:
            faults.connection_handler = self.connection.notice

    def _connection_restored(self) -> None:
        """The server answers again: an interrupted save is settled, every view rereads."""
        save = self.connection.take_pending()
        for section in self.sections.values():
            if not section.editor.dirty:
                section.refresh()
        if save is not None:
            self.resume_save(save)
        sidebar_look.update_counts(self.sidebar)
        self._update_status()

    def resume_save(self, save) -> None:
        """A save cut by the connection's loss: if the server committed it (its history
        says so) the edit is done and shows as saved; otherwise it is sent again, once."""
        from relations_app.services import connection

        section = self.sections.get(save.collection)
        if section is None or not section.editor.dirty:
            return
        try:
            applied, record_id = connection.save_outcome(save)
        except Exception as exc:  # lost again: the watch takes it back
            if not self.connection.notice(exc):
                show_error(self, self.tr("Save"), exc, self.location, name="saveError")
            else:
                self.connection.pending = save
            return
        if applied:
            section.editor.set_clean()
            if not (record_id and section.select_record(record_id)):
                section.refresh()
            self.statusBar().showMessage(self.tr("Your last save had reached the server."), 8000)
            return
        if section.save():
            self.statusBar().showMessage(self.tr("Saved once the server answered again."), 8000)

    def show_section_from_menu(self, key: str) -> None:
        previous = (self._current_key, self._current_record())
        if self.show_section(key):
            self._remember(previous)

    def _update_actions(self) -> None:
        in_section = self.current_section() is not None
        for action in (self.new_action, self.save_action, self.delete_action):
            action.setEnabled(in_section)
        self.delete_action.setEnabled(in_section or self._current_key == "trash")
        if not getattr(self, "access", EVERY_RIGHT).can_edit:  # hidden, and inert too
            for action in (self.new_action, self.save_action, self.delete_action):
                action.setEnabled(False)
        self.factsheet_action.setEnabled(self._current_key == "partners")

    def new_record(self) -> None:
        if (section := self.current_section()) is not None:
            section.new_record()

    def save_record(self) -> None:
        if (section := self.current_section()) is not None:
            section.save()

    def delete_record(self) -> None:
        section = self.current_section()
        if section is None:
            if self._current_key == "trash":
                self.trash_page.purge_selected()
            return
        focus = QApplication.focusWidget()
        if focus is not None and focus is not section.table and section.editor.isAncestorOf(focus):
            return  # the Delete key edits text in the page: not a record deletion
        section.delete_current()

    def show_factsheet(self) -> None:
        """Ctrl+P: the fact sheet of the partner on screen, generated off the GUI thread."""
        section = self.sections["partners"]
        if self.current_section() is not section or not section.current_id:
            QMessageBox.information(self, self.tr("Fact sheet"), self.tr("Select a partner first."))
            return
        from ..documents.pdf_preview import preview_factsheet

        preview_factsheet(self, section.current_id)

    def focus_search(self) -> None:
        """Ctrl+F: the list's own search when the focus is in a list's section, else the
        search over every record type."""
        section = self.current_section()
        focus = QApplication.focusWidget()
        if section is None or focus is None or not section.isAncestorOf(focus):
            self.global_search.focus()
            return
        section.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        section.search.selectAll()

    def show_filtered(self, key: str, search: str = "", filters: dict | None = None) -> None:
        """A section's whole list, searched and filtered (the global search's "tout voir",
        the dashboard's cards, lists and chart bars); filters it has no box for are left."""
        if key not in self.sections:
            return
        previous = (self._current_key, self._current_record())
        if not self.show_section(key):
            return
        self._remember(previous)
        section = self.sections[key]
        wanted = filters or {}
        kept = {}
        for name, combo in section.filter_boxes.items():
            index = section.offer_filter(name, wanted[name]) if name in wanted else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
            if index > 0:
                kept[name] = wanted[name]
        section.model.set_filters(kept)
        section.search.blockSignals(True)
        section.search.setText(search)
        section.search.blockSignals(False)
        section.apply_search()

    def _data_changed(self, collection: str, _record_id: str) -> None:
        """A record changed (an edit, an undo): the lists it touches reload, the others only
        read their page again (it may show the record among its related ones)."""
        for section in self.sections.values():
            section.refresh(list_too=section.shows(collection))
        if self._current_key == "trash":
            self.trash_page.refresh()
        elif self.current_section() is None:
            self.dashboard.refresh()
        if self.runner.rows_changed:  # an edit leaves every count as it was
            sidebar_look.update_counts(self.sidebar)
        self._update_status()

    # -- window state ----------------------------------------------------------------------

    def _update_status(self) -> None:
        section = self.current_section()
        if section is not None:
            self.count_label.setText(section.status_text())
        elif self._current_key == "trash":
            self.count_label.setText(self.trash_page.status_text())
        else:
            self.count_label.setText(self.dashboard.status_text())

    def has_unsaved_edits(self) -> bool:
        return any(s.editor.dirty for s in self.sections.values())

    def _update_title(self, *_args) -> None:
        mark = ""
        if not getattr(self, "access", EVERY_RIGHT).can_edit:
            mark = " — " + self.tr("read only")
        self.setWindowTitle(f"Relations — {self.location.title}{mark}[*]")
        self.setWindowModified(self.has_unsaved_edits())

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Relations"),
            self.tr("Relations %1\nThe international relations office's records.\nDatabase: %2")
            .replace("%1", __version__)
            .replace("%2", self.location.describe()),
        )

    def show_help(self) -> None:
        from .help import HelpDialog

        HelpDialog(self, self.menuBar()).exec()

    def show_preferences(self) -> None:
        from PySide6.QtWidgets import QDialog

        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.new_database is not None:
            self.offer_reopen(dialog.new_database)

    def offer_reopen(self, location: DatabaseLocation) -> None:
        """A new database was chosen in the preferences: open it now, or at the next start
        (always the next start when ``--db`` or ``RELATIONS_DB`` chose this one)."""
        where = location.describe()
        if self.imposed_by or self.reopen_on is None:
            text = self.tr("Relations will open %1 at its next start.").replace("%1", where)
            if self.imposed_by:
                text += " " + self.tr("(When started without %1, which chose this one.)").replace(
                    "%1", self.imposed_by
                )
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Database"), text)
            box.setObjectName("reopenLater")
            box.setParent(self, box.windowFlags())
            box.exec()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Database"),
            self.tr("Open %1 now? Otherwise Relations opens it at its next start.").replace(
                "%1", where
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        box.setObjectName("reopenNow")
        box.setParent(self, box.windowFlags())
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Open &now"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("At the &next start"))
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.reopen_on(location)

    def _restore_state(self) -> None:
        geometry = settings.get(settings.MAIN_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = settings.get(settings.MAIN_SPLITTER)
        if not splitter.isEmpty():
            self.main_splitter.restoreState(splitter)
        last = settings.get(settings.LAST_SECTION)
        self.show_section(last if last in self._keys() else "dashboard")

    def save_state(self) -> None:
        settings.set(settings.MAIN_GEOMETRY, self.saveGeometry())
        settings.set(settings.MAIN_SPLITTER, self.main_splitter.saveState())
        settings.set(settings.LAST_SECTION, self._current_key)
        for key, section in self.sections.items():
            settings.set(settings.section_splitter(key), section.splitter.saveState())
            settings.set(settings.section_header(key), section.table.horizontalHeader().saveState())

    def _stop_watching(self) -> None:
        from ..kit import faults

        if faults.connection_handler == self.connection.notice:
            faults.connection_handler = None
        self.connection.timer.stop()

    def abandon(self) -> None:
        """Close at once, without the unsaved-edit prompts or the exit copy: the check that
        ran after the window showed found the file damaged (nothing can be saved to it, and
        a copy of it must not join the good ones)."""
        self._abandoned = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "_abandoned", False):
            self._stop_watching()
            self.live.stop()
            super().closeEvent(event)
            return
        for key, section in self.sections.items():
            if section.editor.dirty:
                self.show_section(key)
                if not section.maybe_leave():
                    event.ignore()
                    return
        self.save_state()
        self.live.stop()
        self.auto_backup.at_exit()
        self._stop_watching()
        super().closeEvent(event)

    # -- data safety (issue 6) -------------------------------------------------------------

    def _add_data_safety(self) -> None:
        """File menu's import, export, copies; automatic copies (the contact's personal data
        comes with the contacts' section)."""
        from ..exchange.file_actions import FileActions
        from ..safety.autobackup import AutoBackup

        self.file_actions = FileActions(self)
        self.auto_backup = AutoBackup(self, self.location)
        self.undo_stack.indexChanged.connect(self.auto_backup.mark_changed)
        self.runner.changed.connect(self.auto_backup.mark_changed)
        self.trash_page.changed.connect(self.auto_backup.mark_changed)
        from ..pages.duplicates_view import DuplicatesFinder

        self.duplicates = DuplicatesFinder(self, self.file_menu, self.preferences_action)
        from ..documents.apd_dialog import ApdDeclaration, reports_menu

        self.apd = ApdDeclaration(self, reports_menu(self, self.help_menu.menuAction()))

    def _command_failed(self, exc: Exception) -> None:
        if isinstance(exc, StaleRecordError):  # the record moved on: as a stale save says
            if stale.ask_reload(self, exc):
                self.reload_all()
            return
        show_error(self, self.tr("Undo"), exc, self.location, name="undoFailed")

    def settle_edits(self) -> bool:
        """Before replacing data (restore, import, erasure): save or discard open edits."""
        for key, section in self.sections.items():
            if section.editor.dirty:
                self.show_section(key)
                if not section.maybe_leave():
                    return False
        return True

    def content_replaced(self) -> None:
        """After an import or a restore: the undo stack is cleared (the way back is the copy
        taken before), every view reloads."""
        self.undo_stack.clear()
        self.reload_all()

    def reload_all(self) -> None:
        """After a restore or an import: every list, page, the dashboard and the trash."""
        self.auto_backup.mark_changed()
        for section in self.sections.values():
            section.refresh()
        self.trash_page.refresh()
        if self._current_key == "dashboard":
            self.dashboard.refresh()
        sidebar_look.update_counts(self.sidebar)
        self._update_status()


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)
