"""A section of the main window: search, filters and the list, beside the record's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relations_app.records import RECORD_TYPES
from relations_app.services import Page, StaleRecordError, connection
from relations_app.validation import ValidationError

from ..kit.faults import show_error
from ..kit.first_paint import after_next_paint
from ..kit.flow import FlowLayout
from ..kit.keyboard import SearchLeadsToList, focus_first, free_tab_in
from ..kit.pickers import filter_combo, source_of
from ..pages.editor import RecordEditor
from . import prompts
from .column_menu import ColumnMenu
from .no_results import NoResults
from .record_model import Column, RecordTableModel
from .widths import NameTakesSpareWidth

#: Search as you type: the list answers in a few tens of milliseconds even for a quarter-
#: million contacts, so no fixed delay; a zero timer still merges the keystrokes that
#: arrive while a search runs into one search.
SEARCH_DELAY_MS = 0
#: ... while the first row's page waits until typing pauses this long (a timer restarted
#: by each keystroke, as Thunderbird or Apple Mail update their reading pane): rapid
#: typing reads no page of the rows it passes over, and a keystroke costs the list's
#: statements only.  Down, Enter, a click or the focus into the page open it at once.
PAGE_DELAY_MS = 250


@dataclass(frozen=True)
class FilterSpec:
    name: str  # the list function's keyword
    label: Callable[[], str]
    options: Callable[[], list[tuple[object, str]]]


@dataclass(frozen=True)
class SectionSpec:
    key: str  # the record type's key (relations_app.records), also in objectNames
    title: Callable[[], str]
    count_text: Callable[[int], str]
    list_fn: Callable[..., Page]
    columns: list[Column]
    get_fn: Callable[[str], dict]
    editor: type[RecordEditor]
    filters: list[FilterSpec] = field(default_factory=list)
    search_hint: Callable[[], str] = lambda: QCoreApplication.translate("section", "Search…")


class Section(QWidget):
    """List + page of one kind of record.  Changes go through the window's command runner."""

    status_changed = Signal()
    dirty_changed = Signal(bool)
    open_record = Signal(str, str)
    search_elsewhere = Signal(str, str)  # collection, search text: another list finds it
    #: a save cut by the server connection's loss (a ``connection.PendingSave``): the edit
    #: stays open, the window settles it once the server answers again
    save_interrupted = Signal(object)

    def __init__(self, spec: SectionSpec, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.runner = runner
        self.setObjectName(f"{spec.key}Section")
        self.model = RecordTableModel(spec.list_fn, spec.columns, self)

        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        title = QLabel(spec.title(), left)
        title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(title)
        self.search = QLineEdit(left)
        self.search.setObjectName(f"{spec.key}Search")
        self.search.setPlaceholderText(spec.search_hint())
        self.search.setAccessibleName(
            QCoreApplication.translate("section", "Search in %1").replace("%1", spec.title())
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.filter_boxes: dict[str, QComboBox] = {}
        self._filter_options = {f.name: f.options for f in spec.filters}
        if spec.filters:
            row = FlowLayout()  # wraps onto a second line rather than widen the window
            for f in spec.filters:
                # Partners, organisations: a picker that searches as you type (no full list).
                combo = filter_combo(
                    f.options,
                    f.label() + " : " + QCoreApplication.translate("section", "all"),
                    left,
                )
                combo.setObjectName(f"{spec.key}Filter_{f.name}")
                combo.setAccessibleName(f.label())
                combo.setToolTip(f.label())
                combo.currentIndexChanged.connect(
                    lambda _i, name=f.name, c=combo: self._filter(name, c)
                )
                row.addWidget(combo)
                self.filter_boxes[f.name] = combo
            layout.addLayout(row)
        self.table = QTableView(left)
        self.table.setObjectName(f"{spec.key}Table")
        self.table.setAccessibleName(spec.title())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        self.widths = NameTakesSpareWidth(self.table)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.column_menu = ColumnMenu(self.table)
        layout.addWidget(self.table)

        self.editor = spec.editor(runner, self)
        self.editor.setObjectName(f"{spec.key}Editor")
        self.no_results = NoResults(self)
        self.no_results.search_elsewhere.connect(self.search_elsewhere)
        #: the other sections, whose lists an empty search counts (set by the window)
        self.other_sections: list[str] = []
        self.page = QStackedWidget(self)  # the record's page, or why the list is empty
        self.page.addWidget(self.editor)
        self.page.addWidget(self.no_results)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{spec.key}Splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([560, 520])
        self.splitter.setChildrenCollapsible(True)  # drag a pane to its edge to hide it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_typed)
        self._page_timer = QTimer(self)
        self._page_timer.setSingleShot(True)
        self._page_timer.setInterval(PAGE_DELAY_MS)
        self._page_timer.timeout.connect(self.show_pending_page)
        self._pending_page = False  # the selected row's page waits for typing to pause
        self._selected = 0  # rows selected so far (which selection a page belongs to)
        self.table.pressed.connect(lambda _index: self.show_pending_page())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self.keys = SearchLeadsToList(self.search, self.table, self.open_current, self._settle)
        free_tab_in(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self.status_changed)
        self.model.rowsInserted.connect(self.status_changed)
        self.editor.save_requested.connect(self.save)
        self.editor.revert_requested.connect(self.revert)
        self.editor.dirty_changed.connect(self.dirty_changed)
        self.editor.open_record.connect(self.open_record)
        self._current_id: str | None = None
        self._loaded = False
        self._saving = False  # a save reloads its own list once, after the write

    def restore_header(self, state) -> None:
        """Column order and widths as the user left them (a saved header may still say
        "stretch the last column": the name keeps the spare width)."""
        self.table.horizontalHeader().restoreState(state)
        self.widths.own_the_spare_width()

    # -- loading -----------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        """The list read, the first time the section is shown or asked for; its first row
        selected, whose page is read once the list has painted (the list first: a
        partner's page is the larger part of the first paint)."""
        if not self._loaded:
            self._loaded = True
            self.model.reload()
            self._resize_columns()
            if self.model.rowCount():
                self.select_row(0, later=True)
                first = self._selected

                def painted() -> None:  # unless a keystroke selected a row since (it waits)
                    if self._selected == first:
                        self.show_pending_page()

                after_next_paint(self.table.viewport(), painted)
            else:
                self._show_nothing()

    def _resize_columns(self) -> None:
        self.widths.fit_to_content()
        self._page_never_clipped()

    def _page_never_clipped(self) -> None:
        """The page side is never narrower than what its page shows: a scroll area that
        does not scroll sideways would cut its fields off on a narrow screen."""
        widest = self.editor.minimumSizeHint().width()
        for area in self.editor.findChildren(QScrollArea):
            inner = area.widget()
            if inner is not None and (
                area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            ):
                bar = area.verticalScrollBar().sizeHint().width()
                widest = max(widest, inner.minimumSizeHint().width() + bar + 2 * area.frameWidth())
        self.page.setMinimumWidth(widest)

    def status_text(self) -> str:
        text = self.spec.count_text(self.model.total)
        return text if self.model.total_exact else f"≥ {text}"  # a capped count: at least

    @property
    def current_id(self) -> str | None:
        """The selected record (its page may wait for typing to pause: :attr:`page_pending`,
        :meth:`show_pending_page`)."""
        return self._current_id

    def apply_search(self) -> None:
        """The search run now, the first row's page shown with the list."""
        self._timer.stop()
        self._reload_keeping(None)

    def _search_typed(self) -> None:
        """Search as you type: the list now, the first row's page once typing pauses."""
        self._timer.stop()
        self._reload_keeping(None, later=True)

    def _settle(self) -> None:
        """A search typed but not yet run runs now (Enter or Down leave the field), and
        the page of the row it selected is shown."""
        if self._timer.isActive():
            self.apply_search()
        self.show_pending_page()

    @property
    def page_pending(self) -> bool:
        """Whether the selected row's page waits for typing to pause."""
        return self._pending_page

    def show_pending_page(self) -> None:
        """The selected row's page, if it is waiting (typing paused, or the person moved
        on to the list or the page)."""
        self._page_timer.stop()
        if self._pending_page:
            self._pending_page = False
            self._show(self._current_id)

    def _focus_changed(self, _old, new) -> None:
        if self._pending_page and new is not None and self.page.isAncestorOf(new):
            self.show_pending_page()  # before anything is typed into the page

    def open_current(self) -> None:
        """Enter on a row: into the record's page, where Tab goes through its fields."""
        self.show_pending_page()
        if self._current_id is not None:
            focus_first(self.editor)

    def offer_filter(self, name: str, value: object) -> int:
        """The index of ``value`` in the filter ``name``, its choices read again first when
        they lack it (the funding chart's bar of a year funded since the list was made);
        -1 when it is not among them even then."""
        combo = self.filter_boxes[name]
        index = combo.findData(value)
        if index >= 0 or source_of(self._filter_options[name]) is not None:
            return index
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:  # "all" stays first
            combo.removeItem(1)
        for choice, text in self._filter_options[name]():
            combo.addItem(text, choice)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        return combo.findData(value)

    def _filter(self, name: str, combo: QComboBox) -> None:
        self.model.set_filter(name, combo.currentData())
        self._reload_keeping(None, reload=False)

    def _reload_keeping(
        self,
        record_id: str | None,
        reload: bool = True,
        *,
        saved: bool = False,
        record: dict | None = None,
        later: bool = False,
    ) -> None:
        """Show ``record_id``'s row (the first row when it is not in the list).  ``saved``:
        this list just saved it (its row is read again alone when it keeps its place);
        ``record``: the page's record as the save returned it (not read again);
        ``later``: its page once typing pauses (:data:`PAGE_DELAY_MS`)."""
        if not self.maybe_leave():
            return
        if saved and record_id and self.model.search == self.search.text():
            row = self.model.refresh_row(record_id)
        elif reload:  # with a record to keep, only the page that holds it is read
            row = self.model.set_search(self.search.text(), around=record_id)
        else:
            row = self.model.row_of(record_id) if record_id else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.select_row(row, record, saved=saved, later=later)
        else:
            self._show_nothing()

    def _show_nothing(self) -> None:
        """An empty list: say why and where else the search finds something, never a
        blank page that one Ctrl+S would save as a new record."""
        self._page_timer.stop()
        self._pending_page = False
        self._current_id = None
        self.editor.load(None)
        self.no_results.show_for(
            self.model.search, bool(self.model.filters), self.spec.key, self.other_sections
        )
        self.page.setCurrentWidget(self.no_results)

    @property
    def showing_nothing(self) -> bool:
        return self.page.currentWidget() is self.no_results

    def select_row(
        self, row: int, record: dict | None = None, *, saved: bool = False, later: bool = False
    ) -> None:
        """Select ``row`` and show its record (``record``: that record as just saved, when
        the page needs nothing more than it; ``saved``: this page just saved it;
        ``later``: once typing pauses, the page showing what it showed until then)."""
        index = self.model.index(row, 0)
        self._selected += 1
        self._current_id = self.model.row_id(
            row
        )  # so _row_changed leaves the page to the line below
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.updateGeometries()  # rows just added: the scroll range first
        self.table.scrollTo(index)
        if later and record is None:
            self._pending_page = True
            self._page_timer.start()  # restarted by each keystroke
            return
        self._show(self.model.row_id(row), record, saved=saved)  # loaded once, not twice

    def select_record(self, record_id: str) -> bool:
        self.ensure_loaded()
        row = self.model.row_of(record_id)
        if row < 0:  # hidden by the search or a filter: show everything
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for combo in self.filter_boxes.values():
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            row = self.model.show_everything(around=record_id)
        if row < 0:
            return False
        self.table.selectionModel().blockSignals(True)
        self.select_row(row)
        self.table.selectionModel().blockSignals(False)
        return True

    def _row_changed(self, current, previous) -> None:
        record_id = self.model.row_id(current.row()) if current.isValid() else None
        if record_id == self._current_id:
            return
        if not self.maybe_leave():
            self.table.selectionModel().blockSignals(True)
            row = self.model.row_of(self._current_id) if self._current_id else -1
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.table.selectionModel().blockSignals(False)
            return
        self._show(record_id)

    def _show(
        self, record_id: str | None, record: dict | None = None, *, saved: bool = False
    ) -> None:
        if record_id is None and not self.model.rowCount():
            self._show_nothing()
            return
        self._page_timer.stop()
        self._pending_page = False
        self._current_id = record_id
        self.page.setCurrentWidget(self.editor)
        if record is None or record.get("id") != record_id:
            record = self.spec.get_fn(record_id) if record_id else None
        self.editor.load(record, saved=saved)

    # -- unsaved changes --------------------------------------------------------------

    def maybe_leave(self) -> bool:
        """True when the page may be left: saved, discarded, or nothing to save."""
        if not self.editor.dirty:
            return True
        answer = prompts.ask_unsaved(self, self.editor.heading.text())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.set_clean()
            return True
        return False

    # -- actions ------------------------------------------------------------------------

    def new_record(self) -> None:
        self.ensure_loaded()
        if not self.maybe_leave():
            return
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self._page_timer.stop()  # a page waiting for typing to pause is not shown now
        self._pending_page = False
        self._current_id = None
        self.page.setCurrentWidget(self.editor)
        self.editor.load(None)
        first = self.editor.forms[0].inputs[next(iter(self.editor.forms[0].inputs))].widget
        first.setFocus()

    def save(self) -> bool:
        self.show_pending_page()  # the selected record's page, not the one it replaces
        if self.showing_nothing:
            return False  # an empty list's message: nothing to save
        values = self.editor.values()
        shown = self.editor.record  # what the page read (None: a new record)
        self.editor.clear_errors()
        sent = connection.pending(
            self.spec.key,
            None if self.editor.is_new else self.editor.record,
            label=self.editor.area.label_of(values) if self.editor.is_new else "",
        )
        try:
            record = self._write(values)
        except ValidationError as exc:
            self.editor.show_errors(exc.errors, exc.labels)
            return False
        except StaleRecordError as exc:
            self._changed_elsewhere(exc)
            return False
        except Exception as exc:
            if connection.lost(exc):  # kept as it is; settled when the server is back
                self.save_interrupted.emit(sent)
                return False
            show_error(
                self,
                QCoreApplication.translate("section", "Cannot save"),
                exc,
                getattr(self.runner, "location", None),
                name="saveError",
            )
            return False
        self.editor.set_clean()
        # its row found in SQL (only it read again when it keeps its place); the page
        # shows the saved record as returned when the page reads nothing more than that
        whole = shown is not None and set(shown) <= set(record)
        self._reload_keeping(record["id"], saved=True, record=record if whole else None)
        return True

    def _write(self, values: dict) -> dict:
        """Create or update through the undo stack; this list is reloaded by the caller
        once the write is done, not also on the change it announces."""
        self._saving = True
        try:
            if self.editor.is_new:
                return self.runner.create(self.spec.key, values)
            return self.runner.update(
                self.spec.key,
                self.editor.record["id"],
                values,
                self.editor.record.get("version"),
            )
        finally:
            self._saving = False

    def _changed_elsewhere(self, exc: StaleRecordError) -> None:
        """Another window saved this record first: never overwrite; reload or keep editing."""
        if prompts.ask_reload_stale(self, exc):
            self.editor.set_clean()
            self.refresh()

    def revert(self) -> None:
        self.editor.set_clean()
        self._show(self._current_id)

    def delete_current(self) -> None:
        self.show_pending_page()
        if self.showing_nothing:
            return
        if self.editor.is_new:
            self.editor.set_clean()
            self._reload_keeping(None, reload=False)
            return
        record = self.editor.record
        if not prompts.ask_delete(self, self.spec.key, record):
            return
        row = max(0, self.table.currentIndex().row())
        try:
            self.runner.delete(self.spec.key, record["id"], record.get("version"))
        except Exception as exc:
            show_error(
                self,
                QCoreApplication.translate("section", "Cannot delete"),
                exc,
                getattr(self.runner, "location", None),
                name="deleteError",
            )
            return
        self.editor.set_clean()
        self.model.reload()
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        else:
            self._show(None)

    def shows(self, collection: str) -> bool:
        """Whether this list shows records of ``collection`` or names from them (a
        programme's partners, a contact's organisation): a change there reloads it."""
        kind = RECORD_TYPES[self.spec.key]
        return collection == self.spec.key or collection in kind.references.values()

    def refresh(self, list_too: bool = True) -> None:
        """Data changed (an edit, an undo): reload the list, keep the page if still there.

        ``list_too`` False: the change does not touch this list (:meth:`shows`), only the
        page is read again (it may show the changed record among its related ones)."""
        if not self._loaded or self._saving:
            return  # a save of this section reloads its list itself, once
        if not list_too:
            if not self.editor.dirty and self._current_id and not self.showing_nothing:
                self._show(self._current_id)
            return
        keep = self._current_id
        row = self.model.reload_around(keep) if keep else -1
        if not keep:
            self.model.reload()
        self.table.selectionModel().blockSignals(True)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.selectionModel().blockSignals(False)
        if self.editor.dirty:
            return
        if row >= 0:
            self._show(keep)
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self._show(None)
