"""One section of a record's profile: a readable view, turned into a form on request.

Why a widget of its own: every record page is a column of these (identity, texts, key
figures, programmes…).  A section shows its content as text and links; "Modifier", F2 or
a double-click on it asks the page to edit it, and the page then shows the section's form
(the same :class:`ui.kit.form.FieldForm` as before) until Enregistrer or Annuler.  A
section without a form (related records) is only read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from relations_app.validation import Field

from ..kit import labels
from ..kit.typed_inputs import shown_value

MUTED_COLOUR = "#5f6b7a"  # labels beside values: readable, quieter than the values


def fit_list(widget: QListWidget, most: int) -> None:
    """As tall as its first ``most`` rows: a short list shows whole, a long one scrolls."""
    shown = range(min(widget.count(), most))
    line = widget.fontMetrics().height() + 4
    rows = sum(max(widget.sizeHintForRow(r), line) for r in shown)
    widget.setFixedHeight(max(rows, line) + 2 * widget.frameWidth() + 4)


def muted(label: QLabel) -> QLabel:
    """Grey text from the palette (no style sheet: a page shows many such labels)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def link(collection: str, record_id: str, text: str) -> str:
    """An HTML link that the page opens as the record ``collection:record_id``."""
    return f'<a href="{collection}:{escape(record_id, quote=True)}">{escape(text)}</a>'


def display_value(f: Field, value: Any, names: dict[str, str] | None = None) -> str:
    """A field's value as a reader sees it (plain text, "" when there is nothing)."""
    if value is None or value == "":
        return ""
    if names is not None and f.name.endswith("_id"):
        return names.get(value, "")
    if f.kind in ("choice",):
        return labels.choice(f.name, value)
    if f.kind == "country":
        return labels.country(value)
    if f.kind == "bool":
        if value is True:
            return QCoreApplication.translate("profile", "Yes")
        if value is False:
            return QCoreApplication.translate("profile", "No")
        return ""
    if f.kind in ("date", "time", "money"):
        return shown_value(f.kind, value)  # as the form's own inputs show it
    if f.kind == "int" and isinstance(value, int):
        return labels.number(value)
    return str(value)


def value_html(f: Field, value: Any) -> str:
    """Rich text for one value: links for web addresses and e-mails, paragraphs kept."""
    text = display_value(f, value)
    if not text:
        return ""
    if f.kind == "url":
        return f'<a href="{escape(text, quote=True)}">{escape(text)}</a>'
    if f.kind == "email" or f.name == "email":
        return f'<a href="mailto:{escape(text, quote=True)}">{escape(text)}</a>'
    return escape(text).replace("\n", "<br>")


class RichLabel(QLabel):
    """A QLabel that remembers its height for each width until its text or font changes.

    Why: a page's layout asks a wrapped rich-text label its height several times per width
    (the scroll area, the section, the page), and QLabel lays its whole document out again
    at every question; a profile's long texts made that most of opening a page."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


def rich_label(parent: QWidget, html: str = "", name: str = "") -> QLabel:
    """A read-only label of rich text whose links can be followed with the mouse or keyboard."""
    label = RichLabel(html, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(  # links only: a double-click reaches the section
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setOpenExternalLinks(False)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if name:
        label.setObjectName(name)
    return label


class FieldsView(QWidget):
    """The non-empty fields of a record as label / value rows (long texts as paragraphs).

    One rich-text label for the whole view: it wraps at any width (a grid of labels does
    not measure wrapped text reliably inside a scroll area) and costs one widget a record."""

    link_activated = Signal(str)

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = rich_label(self)
        self.label.linkActivated.connect(self.link_activated)
        layout.addWidget(self.label)
        self._rows: list[tuple[str, str, bool]] = []  # what is shown, for :meth:`texts`

    def rows(self, record: dict) -> list[tuple[str, str, bool]]:
        """(label, rich text, wide) of the fields that have a value; long texts are wide."""
        result = []
        for f in self.fields:
            html = value_html(f, record.get(f.name))
            if html:
                result.append((labels.field_label(f), html, f.kind == "longtext"))
        return result

    def texts(self) -> list[str]:
        """What the view shows, label then value, as plain text (for tests and checks;
        worked out when asked, not at every record shown)."""
        return [
            text
            for label, html, _wide in self._rows
            for text in (label, QTextDocumentFragment.fromHtml(html).toPlainText())
        ]

    def show_record(self, record: dict | None, extra: Sequence[tuple[str, str]] = ()) -> None:
        """Show ``record``'s rows; ``extra``: more (label, rich text) rows after."""
        rows = [*self.rows(record or {}), *((label, html, False) for label, html in extra)]
        grey = MUTED_COLOUR
        parts: list[str] = []
        table: list[str] = []
        for label, html, wide in rows:
            name = escape(label)
            if wide:  # a paragraph under its title, across the section
                if table:
                    parts.append(f"<table cellspacing='0' cellpadding='1'>{''.join(table)}</table>")
                    table = []
                parts.append(
                    f"<p style='margin-top:4px; margin-bottom:0'>"
                    f"<span style='color:{grey}'>{name}</span><br>{html}</p>"
                )
            else:
                table.append(
                    f"<tr><td style='color:{grey}; padding-right:10px' width='130'>{name}</td>"
                    f"<td>{html}</td></tr>"
                )
        if table:
            parts.append(f"<table cellspacing='0' cellpadding='1'>{''.join(table)}</table>")
        if not rows:
            nothing = escape(QCoreApplication.translate("profile", "Nothing recorded"))
            parts.append(f"<span style='color:{grey}'>{nothing}</span>")
        self.label.setText("".join(parts))
        self._rows = rows


class PageSection(QFrame):
    """A titled part of a record page, read by default, edited on request."""

    edit_requested = Signal(object)  # this section

    def __init__(
        self,
        name: str,
        title: str,
        view: QWidget | None,
        forms: Sequence[QWidget] = (),
        parent: QWidget | None = None,
        *,
        swap: bool | None = None,
    ) -> None:
        """``swap``: the view gives way to the forms while editing (the default when the view
        is a widget of its own); otherwise the forms live inside the view and only grow their
        buttons (``set_editing``)."""
        super().__init__(parent)
        self.setObjectName("pageSection")
        self.setProperty("section", name)
        self.name, self.view, self.forms = name, view, list(forms)
        self.swap = (view is not None and view not in self.forms) if swap is None else swap
        self.editing = False
        self.read_only = False  # a login that may only read: never turns into its forms
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 8)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)
        top = QHBoxLayout()
        self.title = QLabel(title, self)
        self.title.setObjectName("sectionTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long title never widens the page
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.title, 1)
        self.edit_button = QPushButton(QCoreApplication.translate("profile", "Edit"), self)
        self.edit_button.setObjectName(f"edit_{name}")
        self.edit_button.setAccessibleName(
            QCoreApplication.translate("profile", "Edit %1").replace("%1", title)
        )
        self.edit_button.setToolTip(QCoreApplication.translate("profile", "Edit this section (F2)"))
        self.edit_button.setFlat(True)
        self.edit_button.setVisible(self.editable)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self))
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        if view is not None:
            layout.addWidget(view)
        for form in self.forms:
            if form is not view:
                layout.addWidget(form)
        self.set_editing(False)

    @property
    def editable(self) -> bool:
        return bool(self.forms) and not self.read_only

    def set_editing(self, editing: bool) -> None:
        """Show the forms (``True``) or the readable view."""
        self.editing = editing and self.editable
        for form in self.forms:
            switch: Callable[[bool], None] | None = getattr(form, "set_editing", None)
            if switch is not None:
                switch(self.editing)
            if self.swap and form.isHidden() == self.editing:
                form.setVisible(self.editing)
        if self.view is not None and self.swap and self.view.isHidden() != self.editing:
            self.view.setVisible(not self.editing)
        button = self.editable and not self.editing
        if self.edit_button.isHidden() == button:
            self.edit_button.setVisible(button)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.editable and not self.editing:
            self.edit_requested.emit(self)
            return
        super().mouseDoubleClickEvent(event)
