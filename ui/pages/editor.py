"""The detail pane of a section: a record's page, editable in place.

A :class:`RecordEditor` shows grouped forms built from the area's fields, list editors
for its sub-records and links, and read-only lists of related records (double-click opens
them).  It never writes: the section saves through the undo stack and hands back the
service's ``ValidationError`` for :meth:`show_errors`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import AREAS, partners

from ..kit.form import ERROR_STYLE, FieldForm
from .history_panel import HistoryPanel
from .list_editors import LinkListEditor, SubTableEditor


class RelatedList(QListWidget):
    """Read-only list of related records; double-click (or Enter) opens one."""

    open_record = Signal(str, str)  # collection, id

    #: The group box around the list (set by :meth:`RecordEditor.add_related`).
    box: QGroupBox

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"related_{name}")
        self.setAccessibleName(label)
        self.setMaximumHeight(140)
        self.itemActivated.connect(self._activated)

    def set_items(self, items: Sequence[tuple[str, str, str]]) -> None:
        """``(collection, id, text)`` triples; a ``None`` collection is not openable."""
        self.clear()
        for collection, record_id, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (collection, record_id))
            if not collection:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)
        self.setVisible(True)

    def _activated(self, item: QListWidgetItem) -> None:
        collection, record_id = item.data(Qt.ItemDataRole.UserRole)
        if collection and record_id:
            self.open_record.emit(collection, record_id)


class RecordEditor(QWidget):
    dirty_changed = Signal(bool)
    loaded = Signal(object)  # the record now shown (None: a new one)
    save_requested = Signal()
    revert_requested = Signal()
    open_record = Signal(str, str)

    collection = ""
    #: (group title, field names) — the area's fields shown as forms, in order.
    groups: Sequence[tuple[str, Sequence[str]]] = ()

    def __init__(self, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.area = AREAS[self.collection]
        self.record: dict | None = None
        self._dirty = False
        self._loading = False
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("editorHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 4px 6px 0 6px;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.summary = QLabel(self)
        self.summary.setObjectName("editorErrors")
        self.summary.setStyleSheet(ERROR_STYLE + " padding: 0 6px;")
        self.summary.setWordWrap(True)
        self.summary.hide()
        outer.addWidget(self.summary)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        self.content = QVBoxLayout(content)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        fields = {f.name: f for f in self.area.fields}
        self.forms: list[FieldForm] = []
        for title, names in self.groups:
            form = FieldForm([fields[n] for n in names], self)
            form.changed.connect(self.mark_dirty)
            self.forms.append(form)
            self.add_group(title(), form)
        self.list_editors: list[SubTableEditor] = []
        self.link_editors: dict[str, LinkListEditor] = {}
        self.related: list[RelatedList] = []
        self.build()
        self.history_panel = HistoryPanel(runner, self.collection, self)
        self.history_box = self.add_group(
            QCoreApplication.translate("editor", "History"), self.history_panel
        )
        self.content.addStretch(1)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 6)
        self.state = QLabel(self)
        self.save_button = QPushButton(QCoreApplication.translate("editor", "Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(QCoreApplication.translate("editor", "Save (Ctrl+S)"))
        self.revert_button = QPushButton(
            QCoreApplication.translate("editor", "Discard changes"), self
        )
        self.revert_button.setObjectName("revertButton")
        bar.addWidget(self.state, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        self._update_buttons()

    # -- building blocks for subclasses ----------------------------------------

    def build(self) -> None:
        """Add list editors, link editors and related lists (subclasses)."""

    def add_group(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        self.content.addWidget(box)
        return box

    def add_list(self, title: str, editor: SubTableEditor) -> SubTableEditor:
        editor.changed.connect(self.mark_dirty)
        self.list_editors.append(editor)
        self.add_group(title, editor)
        return editor

    def add_links(
        self, key: str, title: str, editor: LinkListEditor, target: str
    ) -> LinkListEditor:
        editor.changed.connect(self.mark_dirty)
        editor.activated.connect(lambda record_id: self.open_record.emit(target, record_id))
        self.link_editors[key] = editor
        self.add_group(title, editor)
        return editor

    def add_partner_links(self) -> LinkListEditor:
        """The record's partners, chosen among all partners (``partner_ids``)."""
        title = QCoreApplication.translate("editors", "Partners")
        editor = LinkListEditor(partners.AREA.options, "partners", title, self)
        return self.add_links("partner_ids", title, editor, "partners")

    def add_related(self, name: str, title: str) -> RelatedList:
        related = RelatedList(name, title, self)
        related.open_record.connect(self.open_record)
        self.related.append(related)
        box = self.add_group(title, related)
        related.box = box
        return related

    # -- state -----------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.record is None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        if self._loading or self._dirty:
            return
        self._dirty = True
        self._update_buttons()
        self.dirty_changed.emit(True)

    def set_clean(self) -> None:
        was = self._dirty
        self._dirty = False
        self._update_buttons()
        if was:
            self.dirty_changed.emit(False)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty or self.is_new)
        self.revert_button.setEnabled(self._dirty)
        if self.is_new:
            self.state.setText(QCoreApplication.translate("editor", "New record: not saved yet"))
        elif self._dirty:
            self.state.setText(QCoreApplication.translate("editor", "Unsaved changes"))
        else:
            self.state.setText("")

    def title_of(self, record: dict | None) -> str:
        return (
            self.area.label_of(record)
            if record
            else QCoreApplication.translate("editor", "New record")
        )

    # -- loading and values ----------------------------------------------------------

    def load(self, record: dict | None) -> None:
        self._loading = True
        try:
            self.record = record
            self.heading.setText(self.title_of(record))
            for form in self.forms:
                form.load(record)
            for editor in self.list_editors:
                editor.load((record or {}).get(editor.spec.name, []))
            for key, editor in self.link_editors.items():
                editor.load((record or {}).get(key, []))
            for related in self.related:
                related.clear()
                related.box.setVisible(record is not None)
            self.load_extra(record)
            self.history_panel.show_record(record)
            self.history_box.setVisible(record is not None)
            self.summary.hide()
        finally:
            self._loading = False
        self.set_clean()
        self._update_buttons()
        self.loaded.emit(record)

    def load_extra(self, record: dict | None) -> None:
        """Fill what ``build`` added beyond forms, lists and links (subclasses)."""

    def values(self) -> dict:
        values: dict = {}
        for form in self.forms:
            values.update(form.values())
        for editor in self.list_editors:
            values[editor.spec.name] = editor.values()
        for key, editor in self.link_editors.items():
            values[key] = editor.values()
        values.update(self.extra_values())
        return values

    def extra_values(self) -> dict:
        return {}

    def show_errors(self, errors: dict, labels: dict | None = None) -> None:
        rest = dict(errors)
        for form in self.forms:
            rest = {k: rest[k] for k in form.set_errors(rest)}
        for editor in self.list_editors:
            rest = {k: rest[k] for k in editor.set_errors(rest)}
        rest = self.show_extra_errors(rest)
        lines = [
            QCoreApplication.translate(
                "editor", "Please correct the fields marked in red before saving."
            )
        ]
        lines += [f"{(labels or {}).get(k, k)} : {v}" for k, v in rest.items()]
        self.summary.setText("\n".join(lines))
        self.summary.show()
        for form in self.forms:
            widget = form.first_invalid()
            if widget is not None:
                widget.setFocus()
                break

    def show_extra_errors(self, errors: dict) -> dict:
        return errors

    def clear_errors(self) -> None:
        self.summary.hide()
        for form in self.forms:
            form.clear_errors()
        for editor in self.list_editors:
            editor.clear_errors()
