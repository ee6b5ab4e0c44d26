"""A contact's photo on its page: a thumbnail, "Choose…" and "Remove", for the briefing's
biographies.  The file is checked and encoded by :mod:`relations_app.photos` (PNG or
JPEG, 2 MB at most); a refused file is said in French and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from relations_app.photos import decode_photo, encode_photo_file

from ..kit.faults import show_error

THUMBNAIL = 72


class PhotoField(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setObjectName("photoPreview")
        self.preview.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)  # "Pas de photo" on two lines in the square
        self.preview.setStyleSheet("border: 1px solid #b8c4d2;")
        self.choose = QPushButton(self.tr("Choose a photo…"), self)
        self.choose.setObjectName("choosePhoto")
        self.remove = QPushButton(self.tr("Remove the photo"), self)
        self.remove.setObjectName("removePhoto")
        layout.addWidget(self.preview)
        layout.addWidget(self.choose)
        layout.addWidget(self.remove)
        layout.addStretch(1)
        self.choose.clicked.connect(self.pick)
        self.remove.clicked.connect(lambda: self.set_value("", changed=True))
        self.set_value("")

    def set_value(self, text: str | None, *, changed: bool = False) -> None:
        self.value = text or ""
        image = decode_photo(self.value)
        pixmap = QPixmap()
        if image is not None and pixmap.loadFromData(image):
            self.preview.setPixmap(
                pixmap.scaled(
                    THUMBNAIL,
                    THUMBNAIL,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No photo"))
        self.remove.setEnabled(bool(self.value))
        if changed:
            self.changed.emit()

    def load_file(self, path: Path) -> None:
        try:
            text = encode_photo_file(path)
        except Exception as exc:
            show_error(self, self.tr("Photo"), exc, name="photoRefused")
            return
        self.set_value(text, changed=True)

    def pick(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.load_file(Path(chosen))
