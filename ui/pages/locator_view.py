"""The partner's locator map on its profile: the same view as the fact sheet's map.

Why not the PDF's drawing: that one paints on a ReportLab canvas.  This widget paints the
same content with QPainter from the same domain pieces (:mod:`relations_app.geo`: the
Natural Earth outlines, :func:`~relations_app.geo.bbox_around`, the projection and the
great-circle route), so the window and the sheet frame the partner and Brest alike.  The
projection is affine, so the world's outlines are built into one path once and drawn
through a transform: a profile opens without walking every country's points.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from relations_app import geo

SEA, LAND, LAND_PARTNER, LAND_HOME = "#e6eff7", "#d9d4c7", "#e7b8a6", "#b9c9dc"
NAVY, ACCENT, FRAME = "#17365d", "#c0392b", "#b8c4d2"


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple[geo.Country, QPainterPath], ...]:
    """Each country with its outline in degrees (x = longitude, y = latitude), built once."""
    result = []
    for country in geo.load_countries():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for polygon in country.polygons:
            for ring in polygon:
                path.addPolygon(QPolygonF([QPointF(lon, lat) for lon, lat in ring]))
                path.closeSubpath()
        result.append((country, path))
    return tuple(result)


class LocatorMap(QWidget):
    """The partner (red), the home city (navy) and the route between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locatorMap")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(180, 130)
        self._places: tuple[dict, dict | None] | None = None
        self._pixmap: QPixmap | None = None

    def sizeHint(self) -> QSize:
        return QSize(240, 170)

    def set_places(self, partner: dict | None, home: dict | None) -> None:
        """``{"name", "latitude", "longitude", "country"}`` dicts; no partner: no map."""
        located = bool(partner) and all(
            (partner or {}).get(k) is not None for k in ("latitude", "longitude")
        )
        self._places = (partner, home) if located and partner else None
        self._pixmap = None
        self.setVisible(self._places is not None)
        if partner and self._places:
            self.setAccessibleName(
                self.tr("Map: %1 and %2")
                .replace("%1", partner["name"])
                .replace("%2", (home or {}).get("name", ""))
            )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._places is None:
            return
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.size() != self.size() * ratio:
            self._pixmap = self._draw(self.width(), self.height(), ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.end()

    def _draw(self, width: int, height: int, ratio: float) -> QPixmap:
        assert self._places is not None
        partner, home = self._places
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(SEA))
        points: list[geo.Point] = [(partner["longitude"], partner["latitude"])]
        route: list[geo.Point] = []
        located_home = bool(home) and all(
            (home or {}).get(k) is not None for k in ("latitude", "longitude")
        )
        if home and located_home:
            route = geo.great_circle(
                home["latitude"], home["longitude"], partner["latitude"], partner["longitude"]
            )
            points += route
        bbox = geo.bbox_around(points, aspect=width / height, min_span=14.0 if route else 30.0)
        projection = geo.Projection(bbox, width, height, y_down=True)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        home_country = (home or {}).get("country")
        pen = QPen(QColor("white"), 0.6)
        pen.setCosmetic(True)  # in the pixmap's pixels: stroked without the transform's cost
        for country, path in outlines():
            for shift in projection.shifts(country):  # only what the view shows
                painter.setTransform(
                    QTransform(
                        projection.sx,
                        0,
                        0,
                        -projection.sy,
                        projection.sx * (shift - bbox.west),
                        height + projection.sy * bbox.south,
                    )
                )
                colour = LAND
                if country.a2 and country.a2 == partner.get("country"):
                    colour = LAND_PARTNER
                elif country.a2 and country.a2 == home_country:
                    colour = LAND_HOME
                painter.setPen(pen)
                painter.setBrush(QColor(colour))
                painter.drawPath(path)
        painter.resetTransform()
        if route:
            shift = projection.wrap(route[0][0]) - route[0][0]
            line = QPainterPath()
            for index, (lon, lat) in enumerate(route):
                x, y = projection.project(lon + shift, lat, wrap=False)
                if index == 0:
                    line.moveTo(x, y)
                else:
                    line.lineTo(x, y)
            painter.setPen(QPen(QColor(NAVY), 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(line)
        markers = [(partner, ACCENT)] + ([(home, NAVY)] if home and located_home else [])
        for place, colour in markers:
            x, y = projection.project(place["longitude"], place["latitude"])
            painter.setPen(QPen(QColor("white"), 1.2))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
            painter.setPen(QColor(colour))
            right = x > width * 0.6  # the label goes on the side with room
            rect = (
                QRectF(x - 7 - width, y - 9, width, 18)
                if right
                else QRectF(x + 7, y - 9, width, 18)
            )
            side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | side, place["name"])
        painter.setPen(QPen(QColor(FRAME), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
        painter.end()
        return pixmap
