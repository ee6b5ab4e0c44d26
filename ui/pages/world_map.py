"""A world map drawn offline from the bundled Natural Earth outlines, with the partners on it.

Plate carrée projection (longitude, latitude scaled linearly); clicking a partner's dot
emits its id.  No network, no tiles, no API key.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from relations_app.geo import load_countries

WEST, EAST, NORTH, SOUTH = -180.0, 180.0, 84.0, -58.0
KIND_COLOURS = {
    "twin_city": QColor("#1f6fb2"),
    "friendship_city": QColor("#2e9d5b"),
    "decentralised_cooperation": QColor("#d07a12"),
}
HIT_RADIUS = 9.0
LINES_UP_TO = 200  # more partners than this: no line from home to each (a blur, and slow)
NAMED_UP_TO = 50  # partners named in the accessible description


DOT_SIZE = 12


def _dot(colour: QColor) -> QPixmap:
    """A partner's dot (white ring, colour inside), as the few-partner drawing makes it."""
    pixmap = QPixmap(DOT_SIZE, DOT_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(DOT_SIZE / 2, DOT_SIZE / 2), 5, 5)
    painter.end()
    return pixmap


def _world_path() -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for country in load_countries():
        for polygon in country.polygons:
            for ring in polygon:
                path.addPolygon(QPolygonF([QPointF(lon, -lat) for lon, lat in ring]))
                path.closeSubpath()
    return path


class WorldMap(QWidget):
    partner_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worldMap")
        self.setAccessibleName(self.tr("Map of the partners"))
        self.setMouseTracking(True)
        self.setMinimumSize(360, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._path = _world_path()
        self._points: list[dict] = []
        self._home: dict | None = None

    def set_points(self, points: list[dict], home: dict | None) -> None:
        self._points = list(points)
        self._home = home
        names = [p["name"] for p in self._points[:NAMED_UP_TO]]
        more = len(self._points) - len(names)
        self.setAccessibleDescription(", ".join(names) + (f", … (+{more})" if more else ""))
        self.update()

    def _transform(self) -> QTransform:
        """Degrees (lon, -lat) → widget pixels, keeping the 1:1 degree aspect and centring."""
        width, height = EAST - WEST, NORTH - SOUTH
        scale = min(self.width() / width, self.height() / height)
        dx = (self.width() - width * scale) / 2
        dy = (self.height() - height * scale) / 2
        return QTransform(scale, 0, 0, scale, dx - WEST * scale, dy + NORTH * scale)

    def position_of(self, lat: float, lon: float) -> QPointF:
        return self._transform().map(QPointF(lon, -lat))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self._transform()
        painter.fillRect(self.rect(), QColor("#eef3f7"))
        painter.fillRect(
            transform.mapRect(QRectF(WEST, -NORTH, EAST - WEST, NORTH - SOUTH)), QColor("#d8e8f3")
        )
        painter.setPen(QPen(QColor("#9aa7b1"), 0.6))
        painter.setBrush(QBrush(QColor("#f6f3ea")))
        painter.drawPath(transform.map(self._path))
        positions = [transform.map(QPointF(p["lon"], -p["lat"])) for p in self._points]
        if self._home and self._home.get("lat") is not None and len(self._points) <= LINES_UP_TO:
            home = self.position_of(self._home["lat"], self._home["lon"])
            painter.setPen(QPen(QColor("#c0392b"), 1.0, Qt.PenStyle.DashLine))
            for pos in positions:
                painter.drawLine(home, pos)
        if len(self._points) <= LINES_UP_TO:
            for p, pos in zip(self._points, positions, strict=False):
                painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
                painter.setBrush(KIND_COLOURS.get(p["kind"], QColor("#555555")))
                painter.drawEllipse(pos, 5, 5)
        else:  # thousands of dots: one dot drawn once per colour, then copied (much faster)
            dots: dict[str, QPixmap] = {}
            for p, pos in zip(self._points, positions, strict=False):
                colour = KIND_COLOURS.get(p["kind"], QColor("#555555"))
                dot = dots.get(colour.name()) or dots.setdefault(colour.name(), _dot(colour))
                painter.drawPixmap(QPointF(pos.x() - DOT_SIZE / 2, pos.y() - DOT_SIZE / 2), dot)
        if self._home and self._home.get("lat") is not None:
            home = self.position_of(self._home["lat"], self._home["lon"])
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(QColor("#c0392b"))
            painter.drawRect(QRectF(home.x() - 5, home.y() - 5, 10, 10))
            painter.setPen(QColor("#5a1a12"))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(home + QPointF(8, -6), self._home["name"])
        painter.end()

    def point_at(self, pos: QPointF) -> dict | None:
        best, best_distance = None, HIT_RADIUS
        for p in self._points:
            offset = self.position_of(p["lat"], p["lon"]) - pos
            distance = (offset.x() ** 2 + offset.y() ** 2) ** 0.5
            if distance <= best_distance:
                best, best_distance = p, distance
        return best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if point else Qt.CursorShape.ArrowCursor)
        if point:
            QToolTip.showText(event.globalPosition().toPoint(), point["name"], self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point and event.button() == Qt.MouseButton.LeftButton:
            self.partner_clicked.emit(point["id"])
