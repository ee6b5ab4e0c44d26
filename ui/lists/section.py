"""A section of the main window: search, filters and the list, beside the record's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import AREAS, Page, StaleRecordError, trash
from relations_app.validation import ValidationError

from ..kit.faults import show_error
from ..kit.flow import FlowLayout
from ..kit.keyboard import SearchLeadsToList, focus_first, free_tab_in
from ..kit.pickers import filter_combo
from ..pages.editor import RecordEditor
from .column_menu import ColumnMenu
from .record_model import Column, RecordTableModel
from .widths import NameTakesSpareWidth

#: Search as you type: the list answers in a few tens of milliseconds even for a quarter-
#: million contacts, so no fixed delay; a zero timer still merges the keystrokes that
#: arrive while a search runs into one search.
SEARCH_DELAY_MS = 0


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
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{spec.key}Splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
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
        self._timer.timeout.connect(self.apply_search)
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

    def restore_header(self, state) -> None:
        """Column order and widths as the user left them (a saved header may still say
        "stretch the last column": the name keeps the spare width)."""
        self.table.horizontalHeader().restoreState(state)
        self.widths.own_the_spare_width()

    # -- loading -----------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.reload()
            self._resize_columns()
            if self.model.rowCount():
                self.select_row(0)
            else:
                self.editor.load(None)

    def _resize_columns(self) -> None:
        self.widths.fit_to_content()

    def status_text(self) -> str:
        text = self.spec.count_text(self.model.total)
        return text if self.model.total_exact else f"≥ {text}"  # a capped count: at least

    @property
    def current_id(self) -> str | None:
        return self._current_id

    def apply_search(self) -> None:
        self._timer.stop()
        self._reload_keeping(None)

    def _settle(self) -> None:
        """A search typed but not yet run runs now (Enter or Down leave the field)."""
        if self._timer.isActive():
            self.apply_search()

    def open_current(self) -> None:
        """Enter on a row: into the record's page, where Tab goes through its fields."""
        if self._current_id is not None:
            focus_first(self.editor)

    def _filter(self, name: str, combo: QComboBox) -> None:
        self.model.set_filter(name, combo.currentData())
        self._reload_keeping(None, reload=False)

    def _reload_keeping(self, record_id: str | None, reload: bool = True) -> None:
        if not self.maybe_leave():
            return
        if reload:
            self.model.set_search(self.search.text())
        row = self.model.row_of(record_id) if record_id else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self._current_id = None
            self.editor.load(None)
            self.editor.setEnabled(True)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self._current_id = self.model.row_id(
            row
        )  # so _row_changed leaves the page to the line below
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show(self.model.row_id(row))  # loaded once, not twice

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
            self.model.show_everything()
            row = self.model.row_of(record_id)
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

    def _show(self, record_id: str | None) -> None:
        self._current_id = record_id
        self.editor.load(self.spec.get_fn(record_id) if record_id else None)

    # -- unsaved changes --------------------------------------------------------------

    def maybe_leave(self) -> bool:
        """True when the page may be left: saved, discarded, or nothing to save."""
        if not self.editor.dirty:
            return True
        box = QMessageBox(self)
        box.setObjectName("unsavedPrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("section", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate("section", "“%1” has unsaved changes.").replace(
                "%1", self.editor.heading.text()
            )
        )
        box.setInformativeText(QCoreApplication.translate("section", "Save them before leaving?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
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
        self._current_id = None
        self.editor.load(None)
        first = self.editor.forms[0].inputs[next(iter(self.editor.forms[0].inputs))].widget
        first.setFocus()

    def save(self) -> bool:
        values = self.editor.values()
        self.editor.clear_errors()
        try:
            if self.editor.is_new:
                record = self.runner.create(self.spec.key, values)
            else:
                record = self.runner.update(
                    self.spec.key,
                    self.editor.record["id"],
                    values,
                    self.editor.record.get("version"),
                )
        except ValidationError as exc:
            self.editor.show_errors(exc.errors, exc.labels)
            return False
        except StaleRecordError as exc:
            self._changed_elsewhere(exc)
            return False
        except Exception as exc:
            show_error(
                self,
                QCoreApplication.translate("section", "Cannot save"),
                exc,
                getattr(self.runner, "location", None),
                name="saveError",
            )
            return False
        self.editor.set_clean()
        self._reload_keeping(record["id"])
        return True

    def _changed_elsewhere(self, exc: StaleRecordError) -> None:
        """Another window saved this record first: never overwrite; reload or keep editing."""
        box = QMessageBox(self)
        box.setObjectName("stalePrompt")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("section", "Changed elsewhere"))
        box.setText(str(exc))
        box.setInformativeText(
            QCoreApplication.translate(
                "section",
                "Reload the record to see the other change (your edits are then lost), or keep "
                "editing to copy what you typed before reloading.",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Reset).setText(
            QCoreApplication.translate("section", "Reload the record")
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("section", "Keep editing")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Reset:
            self.editor.set_clean()
            self.refresh()

    def revert(self) -> None:
        self.editor.set_clean()
        self._show(self._current_id)

    def delete_current(self) -> None:
        if self.editor.is_new:
            self.editor.set_clean()
            self._reload_keeping(None, reload=False)
            return
        record = self.editor.record
        area = AREAS[self.spec.key]
        linked = area.linked(record["id"])
        box = QMessageBox(self)
        box.setObjectName("deletePrompt")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("section", "Delete"))
        details = describe_links(linked)
        linked_text = (
            QCoreApplication.translate("section", "Linked to it: %1.").replace("%1", details) + "\n"
            if details
            else ""
        )
        if self.spec.key in trash.TRASHABLE:
            box.setText(
                QCoreApplication.translate("section", "Move “%1” to the trash?").replace(
                    "%1", area.label_of(record)
                )
            )
            box.setInformativeText(
                linked_text
                + QCoreApplication.translate(
                    "section",
                    "It goes to the Trash with its links: restore it from there, or undo with Ctrl+Z.",
                )
            )
        else:
            box.setText(
                QCoreApplication.translate("section", "Delete “%1”?").replace(
                    "%1", area.label_of(record)
                )
            )
            box.setInformativeText(
                linked_text
                + QCoreApplication.translate("section", "You can undo this with Ctrl+Z.")
            )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("section", "Move to the trash")
            if self.spec.key in trash.TRASHABLE
            else QCoreApplication.translate("section", "Delete")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
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

    def refresh(self) -> None:
        """Data changed (an edit, an undo): reload the list, keep the page if still there."""
        if not self._loaded:
            return
        keep = self._current_id
        self.model.reload()
        row = self.model.row_of(keep) if keep else -1
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


class LinkTexts(QObject):
    """Phrases for what a deletion takes or unlinks, with plurals from the catalogue."""

    def describe(self, linked: dict[str, int]) -> str:
        texts = {
            "event": lambda n: self.tr("%n event(s)", "", n),
            "key_figure": lambda n: self.tr("%n key figure(s)", "", n),
            "programme_partner": lambda n: self.tr("%n programme(s)", "", n),
            "partner_organisation": lambda n: self.tr("%n partner link(s)", "", n),
            "partner_contact": lambda n: self.tr("%n contact link(s)", "", n),
            "delegation_partner": lambda n: self.tr("%n delegation(s)", "", n),
            "programme_organisation": lambda n: self.tr("%n programme link(s)", "", n),
            "programme_contact": lambda n: self.tr("%n programme link(s)", "", n),
            "position": lambda n: self.tr("%n function(s) held by people", "", n),
            "funding": lambda n: self.tr("%n funding line(s)", "", n),
            "delegation_member": lambda n: self.tr("%n delegation membership(s)", "", n),
            "agenda_item": lambda n: self.tr("%n agenda item(s)", "", n),
        }
        return ", ".join(texts[table](count) for table, count in linked.items() if table in texts)


def describe_links(linked: dict[str, int]) -> str:
    return LinkTexts().describe(linked)
