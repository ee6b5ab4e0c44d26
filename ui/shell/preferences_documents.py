"""Préférences › Documents: what every printed document says of the office.

Why a page of its own: the office's name, service, address, contact, logo and default
confidentiality mention are kept in the database (``services.office.update_identity``),
so every PC of the office prints the same headers and footers; this page only edits them.
A logo chosen as SVG is drawn into a PNG here (ReportLab prints PNG, Qt renders SVG);
a large picture is scaled down to ``LOGO_MAX_HEIGHT`` pixels high before it is stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relations_app.services import office
from relations_app.validation import ValidationError

LOGO_MAX_HEIGHT = 300  # pixels: sharp at the 15 mm it is printed
TEXT_FIELDS = ("organisation", "service", "phone", "email", "website", "confidentiality")


def png_from_file(path: str) -> bytes:
    """The picture at ``path`` (PNG, SVG, JPEG…) as PNG bytes; ValueError if unreadable."""
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(path)
        if not renderer.isValid():
            raise ValueError(path)
        size = renderer.defaultSize()
        scale = LOGO_MAX_HEIGHT / max(1, size.height())
        image = QImage(
            max(1, round(size.width() * scale)), LOGO_MAX_HEIGHT, QImage.Format.Format_ARGB32
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    else:
        image = QImage(path)
        if image.isNull():
            raise ValueError(path)
        if image.height() > LOGO_MAX_HEIGHT:
            image = image.scaledToHeight(
                LOGO_MAX_HEIGHT, Qt.TransformationMode.SmoothTransformation
            )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub wants bytes
        raise ValueError(path)
    return bytes(data.data())


class DocumentsPage(QWidget):
    """The office's identity as documents print it; :meth:`save` stores it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPreferences")
        current = office.get_office()
        self.logo = current.get("logo") or ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Printed on every fact sheet and briefing, the same on every computer of "
                "the office."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        labels = {
            "organisation": self.tr("&Organisation"),
            "service": self.tr("&Service"),
            "phone": self.tr("&Telephone"),
            "email": self.tr("&E-mail"),
            "website": self.tr("&Website"),
            "confidentiality": self.tr("Default &confidentiality mention"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS[:2]:
            self.fields[name] = self._line(name, labels[name], current, form)
        self.address = QPlainTextEdit(current.get("address") or "", self)
        self.address.setObjectName("field_address")
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        form.addRow(self.tr("&Address"), self.address)
        for name in TEXT_FIELDS[2:]:
            self.fields[name] = self._line(name, labels[name], current, form)
        self.fields["confidentiality"].setPlaceholderText(
            self.tr("Working document — restricted distribution")
        )
        logo_row = QHBoxLayout()
        self.preview = QLabel(self)
        self.preview.setObjectName("logoPreview")
        self.preview.setMinimumSize(120, 48)
        self.choose = QPushButton(self.tr("C&hoose…"), self)
        self.choose.setObjectName("chooseLogo")
        self.choose.clicked.connect(self.choose_logo)
        self.remove = QPushButton(self.tr("&Remove"), self)
        self.remove.setObjectName("removeLogo")
        self.remove.clicked.connect(lambda: self.set_logo(""))
        logo_row.addWidget(self.preview)
        logo_row.addWidget(self.choose)
        logo_row.addWidget(self.remove)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo (PNG or SVG)"), logo_row)
        layout.addLayout(form)
        layout.addStretch(1)
        self.set_logo(self.logo)

    def _line(self, name: str, label: str, current: dict, form: QFormLayout) -> QLineEdit:
        edit = QLineEdit(current.get(name) or "", self)
        edit.setObjectName(f"field_{name}")
        edit.setAccessibleName(label.replace("&", ""))
        form.addRow(label, edit)
        return edit

    def set_logo(self, uri: str) -> None:
        self.logo = uri
        png = office.logo_bytes({"logo": uri})
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            self.preview.setPixmap(
                pixmap.scaled(
                    120,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
        self.remove.setEnabled(bool(uri))

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), str(Path.home()), self.tr("Pictures (*.png *.svg *.jpg)")
        )
        if path:
            self.load_logo(path)

    def load_logo(self, path: str) -> None:
        """Take the picture at ``path`` as the logo; a French error when it cannot."""
        from ..kit import faults

        try:
            self.set_logo(office.logo_uri(png_from_file(path)))
        except ValidationError as exc:
            faults.show_error(self, self.tr("Logo"), exc)
        except ValueError:
            faults.show_error(self, self.tr("Logo"), office.unreadable_logo())

    def values(self) -> dict:
        values = {name: edit.text().strip() for name, edit in self.fields.items()}
        return {**values, "address": self.address.toPlainText().strip(), "logo": self.logo}

    def save(self) -> None:
        """Store the identity; raises ``ValidationError`` (French) and changes nothing."""
        office.update_identity(self.values())
