"""A sketch of where the meetings are: numbered venues in their true relative positions,
with a scale bar, for the briefing's logistics.

Why not the locator map: at the scale of a town the bundled Natural Earth coastlines say
nothing, and the locator map frames whole regions.  This sketch draws only what is known
for certain (the venues' recorded positions, to scale) and says that it is a sketch; the
numbers refer to the list of venues printed with it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.platypus import Flowable

from .. import geo
from . import styles
from .fonts import BOLD, REGULAR

NICE_STEPS_M = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000)
MIN_SPAN_KM = 0.6
MARKER_RADIUS = 6.5


def scale_step(metres_across: float) -> int:
    """A round length for the scale bar: about a quarter of the width shown."""
    target = metres_across / 4
    return min(NICE_STEPS_M, key=lambda step: abs(math.log(step / target)))


def scale_label(metres: int) -> str:
    return f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"


class VenueMap(Flowable):
    """Venues (latitude, longitude) as numbered dots, north up, to scale."""

    def __init__(self, width: float, height: float, points: Sequence[tuple[float, float]]) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.points = list(points)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _geometry(self) -> tuple[float, float, float]:
        """Centre (lat, lon) and metres per point of the drawing."""
        lats = [p[0] for p in self.points]
        lons = [p[1] for p in self.points]
        lat0, lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        km_per_lon = geo.distance_km(lat0, lon0 - 0.5, lat0, lon0 + 0.5)
        km_per_lat = geo.distance_km(lat0 - 0.5, lon0, lat0 + 0.5, lon0)
        span_x = max((max(lons) - min(lons)) * km_per_lon, MIN_SPAN_KM)
        span_y = max((max(lats) - min(lats)) * km_per_lat, MIN_SPAN_KM)
        inner_w, inner_h = self.width - 40, self.height - 40
        metres_per_pt = max(span_x * 1000 / inner_w, span_y * 1000 / inner_h)
        self._km = (km_per_lat, km_per_lon)
        return lat0, lon0, metres_per_pt

    def position(self, lat: float, lon: float) -> tuple[float, float]:
        lat0, lon0, per_pt = self._geometry()
        km_lat, km_lon = self._km
        x = self.width / 2 + (lon - lon0) * km_lon * 1000 / per_pt
        y = self.height / 2 + (lat - lat0) * km_lat * 1000 / per_pt
        return x, y

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(styles.RULE)
        canvas.setFillColor(styles.ZEBRA)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        _lat0, _lon0, per_pt = self._geometry()
        for number, (lat, lon) in enumerate(self.points, start=1):
            x, y = self.position(lat, lon)
            canvas.setFillColor(styles.ACCENT)
            canvas.setStrokeColor(styles.WHITE)
            canvas.circle(x, y, MARKER_RADIUS, stroke=1, fill=1)
            canvas.setFillColor(styles.WHITE)
            canvas.setFont(BOLD, 7.5)
            canvas.drawCentredString(x, y - 2.6, str(number))
        step = scale_step(self.width * per_pt)
        length = step / per_pt
        canvas.setStrokeColor(styles.NAVY)
        canvas.setLineWidth(1.2)
        canvas.line(10, 10, 10 + length, 10)
        for end in (10, 10 + length):
            canvas.line(end, 7, end, 13)
        canvas.setFillColor(styles.NAVY)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(14 + length, 8, scale_label(step))
        top, x = self.height - 8, self.width - 12  # north arrow
        path = canvas.beginPath()
        path.moveTo(x, top)
        path.lineTo(x - 4, top - 10)
        path.lineTo(x + 4, top - 10)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.drawCentredString(x, top - 19, "N")
        canvas.restoreState()
