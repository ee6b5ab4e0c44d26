"""The "Documents" section of a record's page: the files attached to a partner, programme,
organisation, contact or delegation (the signed agreement, photos of a visit, minutes).

Self-contained like the history panel: give it the command runner and the collection, then
:meth:`AttachmentsPanel.show_record`.  Files come by **Add…** or by dropping them on the
section; a small dialog asks their title, date and category first.  Reading and storing a
file, and drawing the thumbnails (images through Qt, a PDF's first page through QtPdf),
run off the GUI thread.  **Open** hands a private temporary copy to the system's viewer;
**Export…** writes a copy; **Remove** asks, then sends the document to the trash (an
undoable step).  Every rule and message is the domain's
(:mod:`relations_app.services.attachments`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import StaleRecordError, attachments
from relations_app.validation import ValidationError

from ..kit import labels, stale, tasks
from ..kit.busy import Operation
from ..kit.faults import show_error
from ..kit.typed_inputs import DateEdit
from .page_section import fit_list, muted

THUMBNAIL = 56
# Files above this size get an icon, not a thumbnail (their bytes are not read for it).
THUMBNAIL_LIMIT = 20 * 1024 * 1024
ROLE = Qt.ItemDataRole.UserRole
SHOWN = 6  # documents listed before the list scrolls


def _pdf_document_class():
    """QtPdf's document (loaded with the first PDF thumbnail, not at the window's start);
    None in a PySide6 build without QtPdf, which then shows an icon for PDFs."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:  # pragma: no cover - depends on the PySide6 build
        return None
    return QPdfDocument


def thumbnail(info: attachments.AttachmentInfo, data: bytes) -> QImage | None:
    """A small picture of the file: the image itself, or a PDF's first page (None when it
    cannot be drawn).  Safe off the GUI thread (QImage, and a QPdfDocument of its own)."""
    image = QImage()
    if info.is_image:
        if not image.loadFromData(data):
            return None
    elif info.is_pdf and (QPdfDocument := _pdf_document_class()) is not None:
        document = QPdfDocument()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            document.close()
            return None
        page = document.pagePointSize(0)
        scale = 2 * THUMBNAIL / max(page.width(), page.height(), 1)
        size = QSize(max(1, int(page.width() * scale)), max(1, int(page.height() * scale)))
        image = document.render(0, size)
        document.close()
        if image.isNull():
            return None
    else:
        return None
    scaled = image.scaled(
        THUMBNAIL,
        THUMBNAIL,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    square = QImage(THUMBNAIL, THUMBNAIL, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)  # centred: every title starts at the same place
    painter = QPainter(square)
    painter.drawImage((THUMBNAIL - scaled.width()) // 2, (THUMBNAIL - scaled.height()) // 2, scaled)
    painter.end()
    return square


class AttachmentDialog(QDialog):
    """Title, date and category of a document (adding one, or changing them)."""

    def __init__(
        self,
        parent: QWidget | None,
        file_name: str,
        title: str,
        date: str | None,
        category: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentDialog")
        self.setWindowTitle(self.tr("Document"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file_label = QLabel(file_name, self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File"), self.file_label)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("attachmentTitle")
        form.addRow(self.tr("Title"), self.title_edit)
        self.date_edit = DateEdit(self)
        self.date_edit.setObjectName("attachmentDate")
        self.date_edit.set_value(date or "")
        form.addRow(self.tr("Date"), self.date_edit)
        self.category = QComboBox(self)
        self.category.setObjectName("attachmentCategory")
        for key in attachments.CATEGORIES:
            self.category.addItem(attachments.category_label(key), key)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        form.addRow(self.tr("Category"), self.category)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("attachmentProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict:
        return {
            "title": self.title_edit.text(),
            "date": self.date_edit.value() or None,
            "category": self.category.currentData(),
        }

    def accept(self) -> None:
        """Checked by the domain's rules first: a refused value keeps the dialog open."""
        try:
            attachments.clean_fields(self.values())
        except ValidationError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()


class AttachmentsPanel(QWidget):
    """A record's documents, for its page."""

    def __init__(self, runner, collection: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.runner = runner
        self.collection = collection
        self.record_id: str | None = None
        self.items: list[attachments.AttachmentInfo] = []
        self.thumbnails: dict[str, QImage | None] = {}  # by hash, kept between loads
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self)
        self.hint.setObjectName("attachmentsHint")
        self.hint.setWordWrap(True)
        muted(self.hint)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentsList")
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # the panel takes the drop
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        layout.addWidget(self.list)
        bar = QHBoxLayout()
        self.add_button = self._button("attachmentAdd", self.tr("Add…"), self.pick)
        self.open_button = self._button("attachmentOpen", self.tr("Open"), self.open_selected)
        self.edit_button = self._button("attachmentEdit", self.tr("Title and date…"), self.edit)
        self.export_button = self._button("attachmentExport", self.tr("Export…"), self.export)
        self.remove_button = self._button("attachmentRemove", self.tr("Remove"), self.remove)
        for button in (
            self.add_button,
            self.open_button,
            self.edit_button,
            self.export_button,
            self.remove_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self._temp: tempfile.TemporaryDirectory | None = None
        self._update_buttons()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- showing ---------------------------------------------------------------------------

    def show_record(self, record: dict | None) -> None:
        """The documents of ``record`` (None: a new record, which holds none yet)."""
        self.record_id = record["id"] if record else None
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.items = attachments.list_for(self.collection, self.record_id) if self.record_id else []
        for info in self.items:
            item = QListWidgetItem(self._icon(info), self._text(info))
            item.setData(ROLE, info.id)
            item.setToolTip(info.file_name)
            self.list.addItem(item)
        self.list.setVisible(bool(self.items))
        fit_list(self.list, SHOWN)
        self.hint.setText(
            self.tr("Drop files here to attach them.")
            if self.items
            else self.tr("No document yet: add one, or drop files here.")
        )
        self._update_buttons()
        self._draw_thumbnails()

    def _text(self, info: attachments.AttachmentInfo) -> str:
        parts = [attachments.category_label(info.category)]
        if info.date:
            parts.append(labels.date(info.date))
        parts.append(f"{info.file_name} ({attachments.size_text(info.size)})")
        return f"{info.title}\n{' · '.join(parts)}"

    def _icon(self, info: attachments.AttachmentInfo) -> QIcon:
        image = self.thumbnails.get(info.hash)
        if image is not None:
            return QIcon(QPixmap.fromImage(image))
        kind = (
            QStyle.StandardPixmap.SP_FileIcon
            if info.is_image or info.is_pdf
            else QStyle.StandardPixmap.SP_FileDialogDetailedView
        )
        return self.style().standardIcon(kind)

    def _draw_thumbnails(self) -> None:
        wanted = [
            info
            for info in self.items
            if (info.is_image or info.is_pdf)
            and info.size <= THUMBNAIL_LIMIT
            and info.hash not in self.thumbnails
        ]
        if not wanted:
            return
        for info in wanted:
            self.thumbnails[info.hash] = None  # asked once

        def work(ctx: tasks.TaskContext) -> dict[str, QImage | None]:
            drawn: dict[str, QImage | None] = {}
            for info in wanted:
                ctx.check()
                try:
                    drawn[info.hash] = thumbnail(info, attachments.content(info.id))
                except attachments.NotFoundError:
                    drawn[info.hash] = None
            return drawn

        tasks.run_in_background(work, on_success=self._thumbnails_drawn)

    def _thumbnails_drawn(self, drawn: dict[str, QImage | None]) -> None:
        self.thumbnails.update(drawn)
        for row in range(self.list.count()):
            item = self.list.item(row)
            info = self._info(item.data(ROLE))
            if info is not None and drawn.get(info.hash) is not None:
                item.setIcon(self._icon(info))

    def _info(self, attachment_id: str | None) -> attachments.AttachmentInfo | None:
        return next((i for i in self.items if i.id == attachment_id), None)

    def selected(self) -> attachments.AttachmentInfo | None:
        item = self.list.currentItem()
        return self._info(item.data(ROLE)) if item is not None else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.record_id is not None)
        for button in (self.open_button, self.edit_button, self.export_button, self.remove_button):
            button.setEnabled(chosen)

    def _error(self, title: str, exc: Exception) -> None:
        show_error(self, title, exc, getattr(self.runner, "location", None), name="attachmentError")

    def _changed(self) -> None:
        """The page (its history too) and every other view read the record again."""
        if self.record_id is not None:
            self.runner.changed.emit(self.collection, self.record_id)
        self.reload()

    # -- adding ----------------------------------------------------------------------------

    def pick(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach documents"),
            "",
            self.tr(
                "Documents (*.pdf *.png *.jpg *.jpeg *.gif *.doc *.docx *.odt *.xls *.xlsx "
                "*.ods *.ppt *.pptx *.odp *.txt);;All files (*)"
            ),
        )
        for name in chosen:
            self.add_file(Path(name))

    def ask(self, file_name: str, title: str, date: str | None, category: str) -> dict | None:
        dialog = AttachmentDialog(self, file_name, title, date, category)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def add_file(self, path: Path) -> None:
        """Ask the title, date and category, then read and store the file in the background."""
        if self.record_id is None:
            return
        name = attachments.stored_file_name(path.name)
        guessed = attachments.media_type_of(name, b"")
        values = self.ask(
            name, attachments.default_title(name), None, attachments.default_category(guessed)
        )
        if values is None:
            return
        kind, record_id = self.collection, self.record_id

        def work(ctx: tasks.TaskContext) -> attachments.AttachmentInfo:
            return attachments.add(
                kind,
                record_id,
                path,
                **values,
                progress=ctx.progress,
                cancelled=ctx.is_cancelled,
            )

        (
            Operation(self, self.tr("Attaching “%1”…").replace("%1", name), work)
            .title(self.tr("Documents"))
            .named("attachmentBusy")
            .success(lambda _info: self._changed())
            .failure(lambda exc: self._error(self.tr("Cannot attach the file"), exc))
            .run()
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.record_id is not None and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not files or self.record_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in files:
            self.add_file(path)

    # -- one document ----------------------------------------------------------------------

    def _read(self, info: attachments.AttachmentInfo, then) -> None:
        """The document's bytes, read off the GUI thread, handed to ``then``."""
        (
            Operation(
                self,
                self.tr("Reading “%1”…").replace("%1", info.title),
                lambda _c: attachments.content(info.id),
            )
            .title(self.tr("Documents"))
            .named("attachmentBusy")
            .inline(info.size < 256 * 1024)
            .success(then)
            .failure(lambda exc: self._error(self.tr("Cannot open the document"), exc))
            .run()
        )

    def open_selected(self) -> None:
        info = self.selected()
        if info is None:
            return

        def opened(data: bytes) -> None:
            if self._temp is None:
                self._temp = tempfile.TemporaryDirectory(prefix="relations-documents-")
            folder = Path(self._temp.name) / info.id
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / info.export_name
            try:
                path.write_bytes(data)
            except OSError as exc:
                self._error(self.tr("Cannot open the document"), exc)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self._read(info, opened)

    def export(self) -> None:
        info = self.selected()
        if info is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the document"), info.export_name
        )
        if not target:
            return

        def work(_ctx: tasks.TaskContext) -> Path:
            return attachments.export_one(info.id, target)

        (
            Operation(self, self.tr("Exporting “%1”…").replace("%1", info.title), work)
            .title(self.tr("Documents"))
            .named("attachmentBusy")
            .inline(info.size < 256 * 1024)
            .failure(lambda exc: self._error(self.tr("Cannot export the document"), exc))
            .run()
        )

    def edit(self) -> None:
        info = self.selected()
        if info is None:
            return
        values = self.ask(info.file_name, info.title, info.date, info.category)
        if values is None:
            return
        try:
            attachments.update(info.id, values, info.version)
        except StaleRecordError as exc:
            stale.ask_reload(self, exc)
            self.reload()
            return
        except Exception as exc:
            self._error(self.tr("Cannot change the document"), exc)
            return
        self._changed()

    def confirm_removal(self, info: attachments.AttachmentInfo) -> bool:
        box = QMessageBox(self)
        box.setObjectName("attachmentRemovePrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Documents"))
        box.setText(self.tr("Move “%1” to the trash?").replace("%1", info.title))
        box.setInformativeText(self.tr("It can be restored from the trash, or undone with Ctrl+Z."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Move to the trash"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        info = self.selected()
        if info is None or not self.confirm_removal(info):
            return
        try:
            self.runner.delete(attachments.COLLECTION, info.id, info.version)
        except Exception as exc:
            self._error(self.tr("Cannot remove the document"), exc)
            return
        self._changed()
