"""The detail pane of a section: a record's profile, edited one section at a time.

A :class:`RecordEditor` is a column of :class:`~.page_section.PageSection`: each shows its
part of the record as text and links; "Modifier", F2 or a double-click turns it into the
form that edits it (the area's fields as a :class:`~ui.kit.form.FieldForm`, sub-records
through their dialogs), and Enregistrer (Ctrl+S) or Annuler (Échap) end the edit.  The
page never writes: the list section saves through the undo stack and hands back the
service's ``ValidationError`` for :meth:`show_errors`.  Every form holds the whole
record's values, so a save sends the record as before and the stale-edit check is
unchanged.  A new record shows every form at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import AREAS, attachments, history_text, partners
from relations_app.services.base import option_labels_together

from ..kit import labels
from ..kit.form import ERROR_STYLE, FieldForm
from .attachments_panel import AttachmentsPanel
from .history_panel import HistoryPanel
from .list_editors import LinkListEditor, SubTableEditor
from .page_section import FieldsView, PageSection, fit_list, rich_label

MAX_RELATED_ROWS = 12  # a longer list scrolls inside its section


def invalid_widget(form: QWidget) -> QWidget | None:
    """The first input of ``form`` showing a reason (whether or not its section is open)."""
    if isinstance(form, FieldForm):
        return next((i.widget for i in form.inputs.values() if not i.error.isHidden()), None)
    first_invalid = getattr(form, "first_invalid", None)
    return first_invalid() if callable(first_invalid) else None


class RelatedList(QListWidget):
    """Read-only list of related records; double-click (or Enter) opens one."""

    open_record = Signal(str, str)  # collection, id

    #: The section around the list (set by :meth:`RecordEditor.add_related`).
    box: PageSection

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"related_{name}")
        self.setAccessibleName(label)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._activated)

    def set_items(self, items: Sequence[tuple[str, str, str]]) -> None:
        """``(collection, id, text)`` triples; a ``None`` collection is not openable."""
        self.setUpdatesEnabled(False)  # filled at once: laid out and painted once
        self.clear()
        hint = QCoreApplication.translate("editor", "Double-click to open")
        for collection, record_id, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (collection, record_id))
            if not collection:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            else:
                item.setToolTip(hint)
            self.addItem(item)
        self.setUpdatesEnabled(True)
        fit_list(self, MAX_RELATED_ROWS)
        if self.isHidden():
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
    groups: Sequence[tuple[object, Sequence[str]]] = ()

    def __init__(self, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.area = AREAS[self.collection]
        self.record: dict | None = None
        #: the names of the records the page refers to (:meth:`_read_labels`)
        self.page_labels: dict = {}
        self._dirty = False
        self._loading = False
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QWidget(self)
        header.setObjectName("editorHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(6, 4, 6, 0)
        header_layout.setSpacing(2)
        self.heading = QLabel(header)
        self.heading.setObjectName("editorHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.subtitle = QLabel(header)
        self.subtitle.setObjectName("editorSubtitle")
        self.subtitle.setWordWrap(True)
        self.badges = rich_label(header, name="editorBadges")
        for label in (self.heading, self.subtitle, self.badges):
            header_layout.addWidget(label)
        outer.addWidget(header)
        self.summary = QLabel(self)
        self.summary.setObjectName("editorErrors")
        self.summary.setStyleSheet(ERROR_STYLE + " padding: 0 6px;")
        self.summary.setWordWrap(True)
        self.summary.hide()
        outer.addWidget(self.summary)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content_widget = QWidget(self.page_scroll)
        self.content_widget.setObjectName("pageContent")
        self.content = QVBoxLayout(self.content_widget)
        self.content.setSpacing(0)

        self.page_scroll.setWidget(self.content_widget)
        outer.addWidget(self.page_scroll, 1)
        fields = {f.name: f for f in self.area.fields}
        self.forms: list[FieldForm] = []
        self.views: list[FieldsView] = []
        for _title, names in self.groups:
            form = FieldForm([fields[n] for n in names], self)
            self.forms.append(form)
        self.sections: list[PageSection] = []
        self.list_editors: list[SubTableEditor] = []
        self.link_editors: dict[str, LinkListEditor] = {}
        self.related: list[RelatedList] = []
        #: buttons that write outside the sections' forms (events, history, duplicate…):
        #: hidden for a login that may only read (:meth:`set_read_only`)
        self.write_controls: list[QWidget] = []
        self.read_only = False
        self.build()
        self.attachments_panel: AttachmentsPanel | None = None
        if self.collection in attachments.OWNERS:
            self.attachments_panel = AttachmentsPanel(runner, self.collection, self)
            self.attachments_box = self.add_group(
                QCoreApplication.translate("editor", "Documents"), self.attachments_panel
            )
        self.history_panel = HistoryPanel(runner, self.collection, self)
        self.history_box = self.add_group(
            QCoreApplication.translate("editor", "History"), self.history_panel
        )
        self.write_controls += [self.history_panel.field_button, self.history_panel.record_button]
        self.content.addStretch(1)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 6)
        self.state = QLabel(self)
        self.save_button = QPushButton(QCoreApplication.translate("editor", "Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(QCoreApplication.translate("editor", "Save (Ctrl+S)"))
        self.revert_button = QPushButton(QCoreApplication.translate("editor", "Cancel"), self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setToolTip(QCoreApplication.translate("editor", "Cancel the edit (Esc)"))
        bar.addWidget(self.state, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.cancel_edit)
        self.edit_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self.edit_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.edit_shortcut.activated.connect(self.edit_focused)
        self.cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.cancel_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_shortcut.activated.connect(self.cancel_edit)
        self._update_buttons()

    # -- building blocks for subclasses ----------------------------------------

    def build(self) -> None:
        """Lay out the sections (subclasses add lists, links and related records).

        By default each group of fields is a section of its own."""
        self.add_field_groups(range(len(self.groups)))

    def group_title(self, index: int) -> str:
        title = self.groups[index][0]
        return title() if callable(title) else str(title)

    def add_field_groups(self, indexes, view: QWidget | None = None) -> PageSection:
        """One section editing the groups ``indexes``; read as their fields unless ``view``."""
        indexes = list(indexes)
        if len(indexes) > 1 and view is None:
            for index in indexes:
                self.add_field_groups([index])
            return self.sections[-1]
        forms = [self.forms[i] for i in indexes]
        if view is None:
            view = FieldsView(forms[0].fields, self)
            self.views.append(view)
        return self.add_section(
            f"group{indexes[0]}", self.group_title(indexes[0]), view, forms, swap=True
        )

    def add_section(
        self,
        name: str,
        title: str,
        view: QWidget | None,
        forms: Sequence[QWidget] = (),
        *,
        swap: bool | None = None,
    ) -> PageSection:
        section = PageSection(name, title, view, forms, self, swap=swap)
        section.edit_requested.connect(self.edit_section)
        for form in forms:
            changed = getattr(form, "changed", None)
            if changed is not None:
                changed.connect(lambda s=section: self._changed_in(s))
        link_activated = getattr(view, "link_activated", None)
        if link_activated is not None:
            link_activated.connect(self.follow_link)
        self.sections.append(section)
        self.content.addWidget(section)
        return section

    def add_group(self, title: str, widget: QWidget) -> PageSection:
        """A section that only shows ``widget`` (read-only content)."""
        return self.add_section(f"part{len(self.sections)}", title, widget)

    def add_list(
        self, title: str, editor: SubTableEditor, view: QWidget | None = None
    ) -> SubTableEditor:
        """A list of sub-records, read as its table, or as ``view`` until edited."""
        self.list_editors.append(editor)
        editor.title = title
        editor.open_record.connect(self.open_record)
        self.add_section(editor.spec.name, title, view or editor, [editor], swap=view is not None)
        return editor

    def add_links(
        self, key: str, title: str, editor: LinkListEditor, target: str
    ) -> LinkListEditor:
        editor.activated.connect(lambda record_id: self.open_record.emit(target, record_id))
        self.link_editors[key] = editor
        self.add_section(key, title, editor, [editor], swap=False)
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
        related.box = self.add_section(name, title, related)
        return related

    # -- links -------------------------------------------------------------------------

    def follow_link(self, href: str) -> None:
        """``collection:id`` opens a record in the window; web and mail links leave it."""
        if ":" in href and not href.startswith(("http:", "https:", "mailto:")):
            collection, record_id = href.split(":", 1)
            if collection in AREAS:
                self.open_record.emit(collection, record_id)
                return
        QDesktopServices.openUrl(QUrl(href))

    # -- editing sections ------------------------------------------------------------

    @property
    def editing(self) -> list[PageSection]:
        return [s for s in self.sections if s.editing]

    def edit_section(self, section: PageSection) -> None:
        """Turn ``section`` into its form and put the cursor in its first input."""
        if not section.editable:
            return
        if not section.editing:
            section.set_editing(True)
            self._update_buttons()
        self.content.activate()
        self.page_scroll.ensureWidgetVisible(section, 0, 0)
        for form in section.forms:
            if isinstance(form, FieldForm) and form.inputs:
                next(iter(form.inputs.values())).widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            target = getattr(form, "focus_target", None)
            if callable(target):
                target().setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def edit_focused(self) -> None:
        """F2: edit the section holding the keyboard focus, or the first one."""
        if not self.isVisible() or not self.isEnabled():
            return
        focus = QApplication.focusWidget()
        chosen = next(
            (s for s in self.sections if s.editable and focus and s.isAncestorOf(focus)), None
        )
        chosen = chosen or next((s for s in self.sections if s.editable), None)
        if chosen is not None:
            self.edit_section(chosen)

    def cancel_edit(self) -> None:
        """Annuler / Échap: the changes go, the sections read again."""
        if self._dirty or self.is_new:
            self.revert_requested.emit()
            return
        self.summary.hide()
        for section in self.sections:
            section.set_editing(False)
        self._update_buttons()

    def _changed_in(self, section: PageSection) -> None:
        if self._loading:
            return
        if not section.editing:  # typed into programmatically, or by a sub-dialog
            section.set_editing(True)
        self.mark_dirty()

    # -- state -----------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.record is None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_read_only(self, read_only: bool) -> None:
        """A login that may only read: no section turns into its form (button, F2,
        double-click), no write button shows, nothing is ever marked unsaved."""
        self.read_only = read_only
        for section in self.sections:
            section.read_only = read_only
            section.set_editing(False)
        for control in self.write_controls:
            control.setVisible(not read_only)
        self.edit_shortcut.setEnabled(not read_only)
        self._update_buttons()

    def mark_dirty(self) -> None:
        if self._loading or self._dirty or self.read_only:
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
        editing = bool(self.editing) or self._dirty or self.is_new
        self.save_button.setVisible(editing)
        self.revert_button.setVisible(editing)
        self.save_button.setEnabled(self._dirty or self.is_new)
        self.revert_button.setEnabled(editing)
        if self.is_new:
            self.state.setText(QCoreApplication.translate("editor", "New record: not saved yet"))
        elif self._dirty:
            self.state.setText(QCoreApplication.translate("editor", "Unsaved changes"))
        elif editing:
            self.state.setText(
                QCoreApplication.translate("editor", "Editing: Ctrl+S saves, Esc cancels")
            )
        elif self.read_only:
            self.state.setText(
                QCoreApplication.translate("editor", "Read only: your login cannot change records")
            )
        else:
            self.state.setText(
                QCoreApplication.translate(
                    "editor", "Edit a section with its button, F2 or a double-click"
                )
            )

    def title_of(self, record: dict | None) -> str:
        return (
            self.area.label_of(record)
            if record
            else QCoreApplication.translate("editor", "New record")
        )

    # -- loading and values ----------------------------------------------------------

    def load(self, record: dict | None, *, saved: bool = False) -> None:
        """Show ``record`` (None: a new one).  ``saved``: the record this page just saved,
        as the save returned it: its documents are not read again (a save never changes
        them) and the history only gains the save's own change."""
        shown_id = self.record.get("id") if self.record is not None else None
        saved = saved and record is not None and shown_id is not None
        saved = saved and record is not None and record.get("id") == shown_id
        self._loading = True
        try:
            self.record = record
            history = self.history_panel.read(record) if record is not None and not saved else None
            self.page_labels = self._read_labels(record, history)
            self.heading.setText(self.title_of(record))
            self.subtitle.setText(self.subtitle_of(record) if record else "")
            if self.subtitle.isHidden() == bool(self.subtitle.text()):
                self.subtitle.setVisible(bool(self.subtitle.text()))
            for form in self.forms:
                form.load(record)
            for view in self.views:
                view.show_record(record)
            for editor in self.list_editors:
                editor.load((record or {}).get(editor.spec.name, []), self.page_labels)
            for key, links in self.link_editors.items():
                links.load((record or {}).get(key, []), self.page_labels)
            for related in self.related:
                related.clear()
                if related.box.isHidden() == (record is not None):
                    related.box.setVisible(record is not None)
            self.load_extra(record)
            badges = self.badges_of(record) if record else ""  # after what load_extra read
            if badges != self.badges.text():
                self.badges.setText(badges)
            if self.badges.isHidden() == bool(badges):
                self.badges.setVisible(bool(badges))
            if self.attachments_panel is not None and not saved:
                self.attachments_panel.show_record(record)
                self.attachments_box.setVisible(record is not None)
            if saved and record is not None:
                self.history_panel.show_saved(record)
            else:
                self.history_panel.show_record(record, history, self._history_names(history))
            self.history_box.setVisible(record is not None)
            self.summary.hide()
            for section in self.sections:
                section.set_editing(record is None)
        finally:
            self._loading = False
        self.set_clean()
        self._update_buttons()
        self.lay_out_now()
        self.loaded.emit(record)

    def _read_labels(self, record: dict | None, history) -> dict:
        """The names of every record the page refers to (its lists' references, its links,
        its history's values), read in one statement: area -> id -> name, None for an id
        that names no record (issue 13: one round trip, not one per table)."""
        record = record or {}
        wanted: dict = {}  # area -> ids, in the order asked
        requests = [
            *(
                request
                for editor in self.list_editors
                for request in editor.label_requests(record.get(editor.spec.name, []))
            ),
            *(
                request
                for key, links in self.link_editors.items()
                for request in links.label_requests(record.get(key, []))
            ),
        ]
        if history is not None:
            for collection, referred in history_text.Names.wanted_in(history[0]).items():
                requests.append((AREAS[collection], sorted(referred)))
        for area, ids in requests:
            wanted.setdefault(area, {}).update(dict.fromkeys(i for i in ids if i))
        areas = [area for area, ids in wanted.items() if ids]
        found = option_labels_together([(area, list(wanted[area])) for area in areas])
        return {
            area: {i: labels.get(i) for i in wanted[area]}
            for area, labels in zip(areas, found, strict=True)
        }

    def _history_names(self, history) -> dict | None:
        """The page's names (:meth:`_read_labels`) by collection, for the history panel."""
        if history is None:
            return None
        return {
            collection: self.page_labels.get(area, {})
            for collection, area in AREAS.items()
            if area in self.page_labels
        }

    def label(self, area, record_id: str) -> str:
        """How the page names ``record_id`` of ``area``: from what it read with its
        other names, else read now ("" when there is no such record)."""
        names = self.page_labels.get(area, {})
        if record_id in names:
            return names[record_id] or ""
        return area.option_labels([record_id]).get(record_id, "")

    def lay_out_now(self) -> None:
        """Lay the page out before it is painted, the innermost parts first.

        Why: each part that changed asks for its layout in an event of its own, and a
        part laid out after its parent changes the parent's size again; left to the event
        loop, a partner's page took four rounds of layout and painted three times before
        it settled.  Laid out here, deepest first, the page is painted once."""
        if not self.isVisible():
            return
        for widget in reversed(self.content_widget.findChildren(QWidget)):
            layout = widget.layout()  # a child is listed after its parent: deepest first
            if layout is not None and widget.isVisibleTo(self.content_widget):
                layout.activate()
        self.content.activate()
        self.outer.activate()

    def subtitle_of(self, record: dict) -> str:
        """The line under the name (subclasses): kind, place, period…"""
        return ""

    def badges_of(self, record: dict) -> str:
        """Status badges as rich text (subclasses; asked after :meth:`load_extra`)."""
        return ""

    def load_extra(self, record: dict | None) -> None:
        """Fill what ``build`` added beyond forms, lists and links (subclasses)."""

    def values(self) -> dict:
        values: dict = {}
        for form in self.forms:
            values.update(form.values())
        for editor in self.list_editors:
            values[editor.spec.name] = editor.values()
        for key, links in self.link_editors.items():
            values[key] = links.values()
        values.update(self.extra_values())
        return values

    def extra_values(self) -> dict:
        return {}

    # -- refused saves ---------------------------------------------------------------

    def show_errors(self, errors: dict, labels_: dict | None = None) -> None:
        """Reasons under their fields; the banner names the fields; the first one in sight."""
        rest = dict(errors)
        named: list[str] = []
        for form in self.forms:
            named += [labels.field_label(f) for f in form.fields if f.name in rest]
            rest = {k: rest[k] for k in form.set_errors(rest)}
        for editor in self.list_editors:
            before = set(rest)
            rest = {k: rest[k] for k in editor.set_errors(rest)}
            if set(rest) != before:
                named.append(editor.spec_label())
        rest = self.show_extra_errors(rest)
        named += [str((labels_ or {}).get(k, k)) for k in rest]
        lines = [
            QCoreApplication.translate(
                "editor", "Please correct the fields marked in red before saving."
            )
        ]
        if named:
            lines.append(
                QCoreApplication.translate("editor", "To correct: %1.").replace(
                    "%1", ", ".join(named)
                )
            )
        lines += [f"{(labels_ or {}).get(k, k)} : {v}" for k, v in rest.items()]
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self.focus_first_invalid()

    def focus_first_invalid(self) -> None:
        """Open every section holding a refused value; scroll to the first one, focus it."""
        first: QWidget | None = None
        for section in self.sections:
            widgets = [w for form in section.forms if (w := invalid_widget(form)) is not None]
            if widgets:
                section.set_editing(True)
                first = first or widgets[0]
        self._update_buttons()
        if first is not None:
            self.content.activate()
            self.page_scroll.ensureWidgetVisible(first, 20, 40)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_extra_errors(self, errors: dict) -> dict:
        return errors

    def clear_errors(self) -> None:
        self.summary.hide()
        for form in self.forms:
            form.clear_errors()
        for editor in self.list_editors:
            editor.clear_errors()
