"""A world map drawn offline from the bundled Natural Earth outlines, with the partners on it.

Plate carrée projection (longitude, latitude scaled linearly); no network, no tiles, no
API key.  Ten thousand partners would be a carpet of dots: partners closer than
:data:`CLUSTER_PX` on screen are drawn as one disc with their count (clicking it zooms in
there), the wheel zooms around the pointer, dragging pans, a double click shows the
whole world again; every partner and cluster has its tooltip.  The outlines are drawn
once per view into a pixmap, so that a repaint (a tooltip, a window over the map) is a
copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from relations_app.geo import load_countries
from relations_app.text import number_fr

WEST, EAST, NORTH, SOUTH = -180.0, 180.0, 84.0, -58.0
KIND_COLOURS = {
    "twin_city": QColor("#1f6fb2"),
    "friendship_city": QColor("#2e9d5b"),
    "decentralised_cooperation": QColor("#d07a12"),
}
CLUSTER_COLOUR = QColor("#4a5a6a")
HIT_RADIUS = 9.0
CLUSTER_PX = 16.0  # partners closer than this on screen are one disc
LINES_UP_TO = 60  # more partners than this: no line from home to each (a blur)
NAMED_UP_TO = 50  # partners named in the accessible description and a cluster's tooltip
MAX_ZOOM = 64.0


def _world_path() -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for country in load_countries():
        for polygon in country.polygons:
            for ring in polygon:
                path.addPolygon(QPolygonF([QPointF(lon, -lat) for lon, lat in ring]))
                path.closeSubpath()
    return path


@dataclass
class Cluster:
    """Partners drawn as one mark: their centre on screen and who they are."""

    x: float
    y: float
    points: list[dict]

    @property
    def position(self) -> QPointF:
        return QPointF(self.x, self.y)


def disc_radius(cluster: Cluster) -> float:
    """A partner's dot, or a cluster's disc (larger for a longer count)."""
    count = len(cluster.points)
    return 5.0 if count == 1 else 7 + min(7, len(str(count)) * 2.0)


def _merge_overlapping(found: list[Cluster]) -> list[Cluster]:
    """Discs grow with their count, so two marks a cell apart can still overlap (a "1k"
    half under a "586"): such marks become one, at their partners' weighted centre, until
    none overlaps.  Neighbours are found through a grid of the largest disc's size, so a
    round costs a look-up per mark, not a comparison per pair."""
    cell = 2 * disc_radius(Cluster(0.0, 0.0, [{}] * 10_000))
    for _round in range(8):
        grid: dict[tuple[int, int], list[Cluster]] = {}
        for cluster in found:
            grid.setdefault((int(cluster.x // cell), int(cluster.y // cell)), []).append(cluster)
        gone: set[int] = set()
        kept: list[Cluster] = []
        for cluster in sorted(found, key=lambda c: -len(c.points)):
            if id(cluster) in gone:
                continue
            cx, cy = int(cluster.x // cell), int(cluster.y // cell)
            for key in [(cx + i, cy + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]:
                for other in grid.get(key, ()):
                    if other is cluster or id(other) in gone:
                        continue
                    reach = disc_radius(cluster) + disc_radius(other)
                    if (other.x - cluster.x) ** 2 + (other.y - cluster.y) ** 2 < reach * reach:
                        mine, theirs = len(cluster.points), len(other.points)
                        cluster.x = (cluster.x * mine + other.x * theirs) / (mine + theirs)
                        cluster.y = (cluster.y * mine + other.y * theirs) / (mine + theirs)
                        cluster.points.extend(other.points)
                        gone.add(id(other))
            kept.append(cluster)
        if not gone:
            return kept
        found = kept
    return found


def _area(rect: QRectF) -> float:
    return 0.0 if rect.isEmpty() else rect.width() * rect.height()


class WorldMap(QWidget):
    partner_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worldMap")
        self.setAccessibleName(self.tr("Map of the partners"))
        self.setMouseTracking(True)
        self.setMinimumSize(300, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(self.tr("Wheel: zoom; drag: move; double click: the whole world"))
        self._path = _world_path()
        self._points: list[dict] = []
        self._home: dict | None = None
        self.zoom = 1.0
        self._centre = QPointF(0.0, -(NORTH + SOUTH) / 2)  # degrees (lon, -lat)
        self._background: QPixmap | None = None
        self._clusters: list[Cluster] | None = None
        self._drag: QPointF | None = None
        self._dragged = False

    # -- data and view ----------------------------------------------------------------

    def set_points(self, points: list[dict], home: dict | None) -> None:
        self._points = list(points)
        self._home = home
        names = [p["name"] for p in self._points[:NAMED_UP_TO]]
        more = len(self._points) - len(names)
        self.setAccessibleDescription(", ".join(names) + (f", … (+{more})" if more else ""))
        self._changed(background=False)

    def _changed(self, background: bool = True) -> None:
        if background:
            self._background = None
        self._clusters = None
        self.update()

    def _transform(self) -> QTransform:
        """Degrees (lon, -lat) → widget pixels: the whole world fits at zoom 1 (1:1 degree
        aspect), ``zoom`` times larger around the view's centre."""
        base = min(self.width() / (EAST - WEST), self.height() / (NORTH - SOUTH))
        scale = base * self.zoom
        cx, cy = self._centre.x(), self._centre.y()
        return QTransform(
            scale, 0, 0, scale, self.width() / 2 - cx * scale, self.height() / 2 - cy * scale
        )

    def position_of(self, lat: float, lon: float) -> QPointF:
        return self._transform().map(QPointF(lon, -lat))

    def zoom_at(self, pos: QPointF, factor: float) -> None:
        """Zoom by ``factor`` keeping the place under ``pos`` where it is."""
        inverse, _ok = self._transform().inverted()
        before = inverse.map(pos)
        self.zoom = max(1.0, min(MAX_ZOOM, self.zoom * factor))
        if self.zoom == 1.0:
            self._centre = QPointF(0.0, -(NORTH + SOUTH) / 2)
        else:
            after, _ok = self._transform().inverted()
            moved = after.map(pos)
            self._centre += before - moved
        self._changed()

    def reset_view(self) -> None:
        self.zoom = 1.0
        self._centre = QPointF(0.0, -(NORTH + SOUTH) / 2)
        self._changed()

    def clusters(self) -> list[Cluster]:
        """The marks of the current view: each partner joins the first mark within
        :data:`CLUSTER_PX` of it on screen (found through a grid of that size), or starts
        its own; so dots that would overlap become one disc with their count."""
        if self._clusters is None:
            transform = self._transform()
            scale, dx, dy = transform.m11(), transform.dx(), transform.dy()
            cell = CLUSTER_PX
            bins: dict[tuple[int, int], list] = {}
            for p in self._points:  # plain arithmetic and one look-up per partner
                x, y = p["lon"] * scale + dx, -p["lat"] * scale + dy
                entry = bins.get((int(x // cell), int(y // cell)))
                if entry is None:
                    bins[(int(x // cell), int(y // cell))] = [x, y, [p]]
                else:
                    entry[2].append(p)
            # Neighbouring cells whose first partners are closer than a cell: one mark.
            found: list[Cluster] = []
            grid: dict[tuple[int, int], Cluster] = {}
            for (cx, cy), (x, y, members) in sorted(bins.items(), key=lambda b: b[0]):
                near = None
                for key in ((cx - 1, cy - 1), (cx - 1, cy), (cx - 1, cy + 1), (cx, cy - 1)):
                    other = grid.get(key)
                    if other is not None and (other.x - x) ** 2 + (other.y - y) ** 2 < cell * cell:
                        near = other
                        break
                if near is None:
                    near = Cluster(x, y, [])
                    found.append(near)
                near.points.extend(members)
                grid[(cx, cy)] = near
            self._clusters = _merge_overlapping(found)
        return self._clusters

    # -- drawing ----------------------------------------------------------------------

    def _draw_background(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#eef3f7"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self._transform()
        painter.fillRect(
            transform.mapRect(QRectF(WEST, -NORTH, EAST - WEST, NORTH - SOUTH)), QColor("#d8e8f3")
        )
        pen = QPen(QColor("#9aa7b1"), 0.6)
        pen.setCosmetic(True)  # drawn through the transform, not a copy of the path
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor("#f6f3ea")))
        painter.setTransform(transform)
        painter.drawPath(self._path)
        painter.end()
        return pixmap

    def paintEvent(self, _event) -> None:
        if (
            self._background is None
            or self._background.deviceIndependentSize().toSize() != self.size()
        ):
            self._background = self._draw_background()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        home = None
        if self._home and self._home.get("lat") is not None:
            home = self.position_of(self._home["lat"], self._home["lon"])
        clusters = self.clusters()
        if home is not None and len(clusters) <= LINES_UP_TO:
            painter.setPen(QPen(QColor("#c0392b"), 1.0, Qt.PenStyle.DashLine))
            for cluster in clusters:
                painter.drawLine(home, cluster.position)
        font = painter.font()
        small = painter.font()
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        small.setBold(True)
        for cluster in clusters:
            radius = disc_radius(cluster)
            if len(cluster.points) == 1:
                painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
                painter.setBrush(KIND_COLOURS.get(cluster.points[0]["kind"], QColor("#555555")))
                painter.drawEllipse(cluster.position, radius, radius)
                continue
            count = len(cluster.points)
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(CLUSTER_COLOUR)
            painter.drawEllipse(cluster.position, radius, radius)
            painter.setFont(small)
            painter.drawText(
                QRectF(cluster.x - radius, cluster.y - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(count) if count < 1000 else f"{count // 1000}k",
            )
        painter.setFont(font)
        if home is not None:
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(QColor("#c0392b"))
            painter.drawRect(QRectF(home.x() - 5, home.y() - 5, 10, 10))
            placed = self.home_label()
            if placed is not None:
                rect, name = placed
                # on a light plate of its own, over any disc it could not avoid
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 225))
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(QColor("#5a1a12"))
                painter.setFont(self._label_font())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()

    def _label_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def home_label(self) -> tuple[QRectF, str] | None:
        """Where the office's name ("Brest") is written: beside its square, on the side
        that covers the fewest discs (the partners of Europe crowd around it), inside the
        map; drawn last on its own plate, so it stays readable wherever it lands."""
        if not self._home or self._home.get("lat") is None:
            return None
        name = self._home.get("name") or ""
        home = self.position_of(self._home["lat"], self._home["lon"])
        metrics = QFontMetricsF(self._label_font())
        w, h = metrics.horizontalAdvance(name) + 6, metrics.height() + 2
        x, y = home.x(), home.y()
        candidates = []  # beside the square, then further out: (rect, how far)
        for d in (0.0, 6.0, 12.0, 18.0, 26.0):
            for rx, ry in (
                (x + 8 + d, y - h - 2 - d),  # above right (the usual place)
                (x + 8 + d, y + 2 + d),  # below right
                (x - 8 - w - d, y - h - 2 - d),  # above left
                (x - 8 - w - d, y + 2 + d),  # below left
                (x - w / 2, y - 8 - h - d),  # above
                (x - w / 2, y + 8 + d),  # below
                (x + 8 + d, y - h / 2),  # right
                (x - 8 - w - d, y - h / 2),  # left
            ):
                candidates.append((QRectF(rx, ry, w, h), d))
        discs = [
            QRectF(c.x - r, c.y - r, 2 * r, 2 * r)
            for c in self.clusters()
            for r in (disc_radius(c),)
        ]
        bounds = QRectF(self.rect())

        def covered(candidate: tuple[QRectF, float]) -> float:
            rect, far = candidate
            outside = rect.width() * rect.height() - _area(rect.intersected(bounds))
            return 10 * (sum(_area(rect.intersected(d)) for d in discs) + 10 * outside) + far

        return min(candidates, key=covered)[0], name

    # -- pointer ----------------------------------------------------------------------

    def cluster_at(self, pos: QPointF) -> Cluster | None:
        best, best_distance = None, HIT_RADIUS + 8
        for cluster in self.clusters():
            reach = HIT_RADIUS if len(cluster.points) == 1 else HIT_RADIUS + 8
            offset = cluster.position - pos
            distance = (offset.x() ** 2 + offset.y() ** 2) ** 0.5
            if distance <= reach and distance <= best_distance:
                best, best_distance = cluster, distance
        return best

    def point_at(self, pos: QPointF) -> dict | None:
        cluster = self.cluster_at(pos)
        return cluster.points[0] if cluster and len(cluster.points) == 1 else None

    def tooltip_for(self, cluster: Cluster) -> str:
        if len(cluster.points) == 1:
            return cluster.points[0]["name"]
        names = sorted(p["name"] for p in cluster.points[:NAMED_UP_TO])
        more = len(cluster.points) - len(names)
        text = self.tr("%1 partners: ").replace("%1", number_fr(len(cluster.points)))
        return text + ", ".join(names[:12]) + (" …" if more or len(names) > 12 else "")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            delta = event.position() - self._drag
            if abs(delta.x()) + abs(delta.y()) > 2:
                self._dragged = True
                scale = self._transform().m11()
                self._centre -= QPointF(delta.x() / scale, delta.y() / scale)
                self._drag = event.position()
                self._changed()
            return
        cluster = self.cluster_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if cluster else Qt.CursorShape.ArrowCursor)
        if cluster:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(cluster), self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag, self._dragged = event.position(), False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged, self._drag = self._dragged, None
        if dragged or event.button() != Qt.MouseButton.LeftButton:
            return
        cluster = self.cluster_at(event.position())
        if cluster is None:
            return
        if len(cluster.points) == 1:
            self.partner_clicked.emit(cluster.points[0]["id"])
        else:
            self.zoom_at(cluster.position, 3.0)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.cluster_at(event.position()) is None:
            self.reset_view()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_at(event.position(), 1.25**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._changed()
        super().resizeEvent(event)
