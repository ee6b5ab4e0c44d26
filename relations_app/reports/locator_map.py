"""A small offline locator map: the partner and the home city on a world outline.

Why drawn here rather than as a picture: vector paths stay sharp when printed, cost a few
kilobytes and need no map service.  The outlines, the projection and the great-circle
route come from :mod:`relations_app.geo`, shared with the window's dashboard.  A scale
bar of a round distance sits in the bottom corner farthest from the markers; when the
partner's country is small in the frame (Burkina Faso, Vietnam seen from Brest), an inset
in a top corner shows it closer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_EVEN_ODD
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, Paragraph

from .. import geo
from . import styles
from .fonts import REGULAR, markup
from .formatting import format_int

LABEL_GAP = 5.0
#: A view no wider (nor taller) than this, in degrees, draws the fine outlines (1:10m
#: simplified): at a region's scale the 1:110m coasts show their angles on paper.
FINE_SPAN = 60.0
LABEL_PADDING = 1.6
KM_PER_DEGREE = 111.2  # of latitude
SCALE_STEPS = (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
SCALE_SHARE = 0.3  # the bar's longest length, as a share of the map's width
SCALE_MARGIN = 4.0
SCALE_TEXT_SIZE = 5.8
INSET_BELOW = 0.03  # an inset when the partner's country covers less of the frame than this
INSET_SIZE = 0.34  # the inset's width and height, as shares of the map's
INSET_MIN_SPAN = 6.0  # degrees of latitude the inset shows at least
VIEW_MARGIN = 3.0  # points around a view beyond which an outline's detours are cut

Box = tuple[float, float, float, float]  # x, y, width, height
Spot = tuple[float, float]


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str | None = None


def _graticule_step(span: float) -> int:
    for step in (5, 10, 15, 30):
        if span / step <= 8:
            return step
    return 45


class LocatorMap(Flowable):
    """The partner (red) and the home city (navy) with the great-circle route between them.

    ``others`` adds more partner places (a briefing's cover shows every place visited),
    each with its route from home.
    """

    def __init__(
        self,
        width: float,
        height: float,
        partner: Place,
        home: Place | None,
        others: Sequence[Place] = (),
    ) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.partner, self.home = partner, home
        self.partners = [partner, *others]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    # -- drawing ----------------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        h = self.home
        points: list[geo.Point] = [(p.longitude, p.latitude) for p in self.partners]
        routes: list[list[geo.Point]] = []
        if h is not None:
            routes = [
                geo.great_circle(h.latitude, h.longitude, p.latitude, p.longitude)
                for p in self.partners
            ]
            points += [point for route in routes for point in route]
        bbox = geo.bbox_around(
            points, aspect=self.width / self.height, min_span=14.0 if h is not None else 30.0
        )
        projection = geo.Projection(bbox, self.width, self.height)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(styles.SEA)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        self._draw_graticule(projection)
        self._draw_countries(projection)
        for route in routes:
            self._draw_route(projection, route)
        markers = [(p, styles.ACCENT) for p in self.partners]
        markers += [(h, styles.NAVY)] if h is not None else []
        spots = [projection.project(place.longitude, place.latitude) for place, _ in markers]
        for (_place, colour), (x, y) in zip(markers, spots, strict=False):
            canvas.setFillColor(colour)
            canvas.setStrokeColor(styles.WHITE)
            canvas.setLineWidth(1)
            canvas.circle(x, y, 3.2, stroke=1, fill=1)
        self._draw_labels(markers, spots)
        self._draw_scale_bar(projection, spots)
        self._draw_inset(projection, spots)
        canvas.restoreState()
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _draw_graticule(self, projection: geo.Projection) -> None:
        canvas, bbox = self.canv, projection.bbox
        canvas.setStrokeColor(styles.WHITE)
        canvas.setLineWidth(0.4)
        step = _graticule_step(max(bbox.east - bbox.west, bbox.north - bbox.south))
        lon = (bbox.west // step) * step
        while lon <= bbox.east:
            x, _ = projection.project(lon, 0, wrap=False)
            canvas.line(x, 0, x, self.height)
            lon += step
        lat = (bbox.south // step) * step
        while lat <= bbox.north:
            _, y = projection.project(bbox.west, lat, wrap=False)
            canvas.line(0, y, self.width, y)
            lat += step

    def _draw_countries(self, projection: geo.Projection) -> None:
        canvas = self.canv
        canvas.setStrokeColor(styles.LAND_EDGE)
        canvas.setLineWidth(0.35)
        canvas.setLineJoin(1)
        home_country = self.home.country if self.home else None
        partner_countries = {p.country for p in self.partners}
        bbox = projection.bbox
        fine = max(bbox.east - bbox.west, bbox.north - bbox.south) <= FINE_SPAN
        for country, parts in _outlines(geo.load_countries(fine)):
            shifts = projection.shifts(country)
            if not shifts:
                continue
            if country.a2 and country.a2 in partner_countries:
                canvas.setFillColor(styles.LAND_PARTNER)
            elif country.a2 and country.a2 == home_country:
                canvas.setFillColor(styles.LAND_HOME)
            else:
                canvas.setFillColor(styles.LAND)
            code = [
                _ring_code(ring, projection, shift)
                for shift in shifts
                for box, rings in parts
                if shift in projection.box_shifts(box)  # not an island outside the view
                for ring in rings
            ]
            canvas.drawPath(PDFPathObject(code), stroke=1, fill=1, fillMode=FILL_EVEN_ODD)

    def _draw_route(self, projection: geo.Projection, route: list[geo.Point]) -> None:
        canvas = self.canv
        start_lon = projection.wrap(route[0][0])
        shift = start_lon - route[0][0]
        path = canvas.beginPath()
        for index, (lon, lat) in enumerate(route):
            x, y = projection.project(lon + shift, lat, wrap=False)
            path.moveTo(x, y) if index == 0 else path.lineTo(x, y)
        canvas.setStrokeColor(styles.NAVY)
        canvas.setLineWidth(0.9)
        canvas.setDash(2.5, 2)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()

    def _draw_labels(self, markers: list[tuple[Place, Color]], spots: list[Spot]) -> None:
        canvas = self.canv
        style = styles.stylesheet()["MapLabel"]
        placed: list[Box] = []
        for index, ((place, colour), (x, y)) in enumerate(zip(markers, spots, strict=False)):
            text = markup(place.name, style.fontName)
            label = Paragraph(f'<font color="{colour.hexval()}">{text}</font>', style)
            label.wrap(self.width * 0.45, self.height)
            width = max(label.getActualLineWidths0() or [1.0]) + 0.5  # shrink to the text
            width, height = label.wrap(width, self.height)
            others = [spot for i, spot in enumerate(spots) if i != index]
            other = min(others, key=lambda s: (s[0] - x) ** 2 + (s[1] - y) ** 2, default=None)
            box = self._label_box(x, y, width, height, other, placed)
            placed.append(box)
            bx, by, bw, bh = box
            canvas.setFillColor(styles.WHITE)
            canvas.setFillAlpha(0.82)
            canvas.roundRect(
                bx - LABEL_PADDING,
                by - LABEL_PADDING,
                bw + 2 * LABEL_PADDING,
                bh + 2 * LABEL_PADDING,
                1.5,
                stroke=0,
                fill=1,
            )
            canvas.setFillAlpha(1)
            label.drawOn(canvas, bx, by)

    def _small_country(self, projection: geo.Projection) -> geo.Country | None:
        """The partner's country when it covers less than ``INSET_BELOW`` of the frame."""
        country = next(
            (c for c in geo.load_countries() if c.a2 and c.a2 == self.partner.country), None
        )
        if country is None or len(self.partners) > 1:
            return None
        west, south, east, north = country.bbox
        share = (east - west) * projection.sx * (north - south) * projection.sy
        return country if share < INSET_BELOW * self.width * self.height else None

    def _draw_inset(self, projection: geo.Projection, spots: list[Spot]) -> None:
        """The partner's country closer, in the top corner farthest from the markers."""
        country = self._small_country(projection)
        if country is None:
            return
        width, height = self.width * INSET_SIZE, self.height * INSET_SIZE
        corners = [
            (1.0, self.height - height - 1),
            (self.width - width - 1, self.height - height - 1),
        ]

        def clearance(corner: Spot) -> float:
            cx, cy = corner[0] + width / 2, corner[1] + height / 2
            return min((abs(sx - cx) + abs(sy - cy) for sx, sy in spots), default=0.0)

        x, y = max(corners, key=clearance)
        west, south, east, north = country.bbox
        place = self.partner
        corners_of_country = [(west, south), (east, north), (place.longitude, place.latitude)]
        bbox = geo.bbox_around(
            corners_of_country, aspect=width / height, margin=0.12, min_span=INSET_MIN_SPAN
        )
        inset = geo.Projection(bbox, width, height)
        canvas = self.canv
        canvas.saveState()
        canvas.translate(x, y)
        clip = canvas.beginPath()
        clip.rect(0, 0, width, height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(styles.SEA)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        self._draw_countries(inset)
        px, py = inset.project(place.longitude, place.latitude)
        canvas.setFillColor(styles.ACCENT)
        canvas.setStrokeColor(styles.WHITE)
        canvas.setLineWidth(0.8)
        canvas.circle(px, py, 2.4, stroke=1, fill=1)
        canvas.restoreState()
        canvas.setStrokeColor(styles.MUTED)
        canvas.setLineWidth(0.6)
        canvas.rect(x, y, width, height, stroke=1, fill=0)

    def _draw_scale_bar(self, projection: geo.Projection, spots: list[Spot]) -> None:
        """A bar of a round distance, in the bottom corner farthest from the markers.

        The view makes a degree of longitude at its middle latitude as long as a degree
        of latitude, so the bar holds along the map's middle parallel.
        """
        per_km = projection.sy / KM_PER_DEGREE
        fitting = [d for d in SCALE_STEPS if d * per_km <= self.width * SCALE_SHARE]
        km = fitting[-1] if fitting else SCALE_STEPS[0]
        length = km * per_km
        label = f"{format_int(km)}\u202fkm"
        box_width = max(length, stringWidth(label, REGULAR, SCALE_TEXT_SIZE)) + 2 * SCALE_MARGIN
        box_height = SCALE_TEXT_SIZE + 8
        corners = [
            (SCALE_MARGIN, SCALE_MARGIN),
            (self.width - box_width - SCALE_MARGIN, SCALE_MARGIN),
        ]

        def clearance(corner: Spot) -> float:
            cx, cy = corner[0] + box_width / 2, corner[1] + box_height / 2
            return min(((sx - cx) ** 2 + (sy - cy) ** 2 for sx, sy in spots), default=0.0)

        x, y = max(corners, key=clearance)
        canvas = self.canv
        canvas.setFillColor(styles.WHITE)
        canvas.setFillAlpha(0.82)
        canvas.rect(x, y, box_width, box_height, stroke=0, fill=1)
        canvas.setFillAlpha(1)
        left, base = x + SCALE_MARGIN, y + 3
        canvas.setStrokeColor(styles.TEXT)
        canvas.setLineWidth(0.7)
        canvas.line(left, base, left + length, base)
        for tick in (left, left + length):
            canvas.line(tick, base, tick, base + 2.5)
        canvas.setFillColor(styles.TEXT)
        canvas.setFont(REGULAR, SCALE_TEXT_SIZE)
        canvas.drawString(left, base + 3.4, label)

    def _label_box(
        self, x: float, y: float, width: float, height: float, other: Spot | None, placed: list[Box]
    ) -> Box:
        """Where a label goes: beside its marker, away from the other one, inside the map."""
        right = (x + LABEL_GAP, y - height / 2)
        left = (x - LABEL_GAP - width, y - height / 2)
        above = (x - width / 2, y + LABEL_GAP)
        below = (x - width / 2, y - LABEL_GAP - height)
        order = [right, left, above, below]
        if other is not None and other[0] > x:
            order = [left, right, below, above] if other[1] > y else [left, right, above, below]
        candidates = []
        for bx, by in order:
            bx = min(max(bx, LABEL_PADDING + 1), self.width - width - LABEL_PADDING - 1)
            by = min(max(by, LABEL_PADDING + 1), self.height - height - LABEL_PADDING - 1)
            box = (bx, by, width, height)
            clash = (
                any(_overlap(box, p) for p in placed)
                or (other is not None and _contains(box, other, 4))
                or _contains(box, (x, y), 3)
            )
            if not clash:
                return box
            candidates.append(box)
        return candidates[0]


def _overlap(a: Box, b: Box) -> bool:
    return not (
        a[0] + a[2] < b[0] or b[0] + b[2] < a[0] or a[1] + a[3] < b[1] or b[1] + b[3] < a[1]
    )


def _contains(box: Box, point: Spot, radius: float) -> bool:
    bx, by, bw, bh = box
    px, py = point
    return bx - radius <= px <= bx + bw + radius and by - radius <= py <= by + bh + radius


# -- outlines as PDF path operators ----------------------------------------------------------

#: A ring: its longitudes and latitudes apart, so that a view projects each with one
#: multiplication (no call per point).
Outline = tuple[tuple[float, ...], tuple[float, ...]]
_prepared: dict[int, tuple[tuple[geo.Country, ...], list]] = {}


def _outlines(
    countries: tuple[geo.Country, ...],
) -> list[tuple[geo.Country, list[tuple[tuple[float, float, float, float], list[Outline]]]]]:
    """Each country with its polygons' boxes and rings split into longitudes and latitudes,
    prepared once per process for each set of outlines (the coarse and the fine one)."""
    key = id(countries)
    held = _prepared.get(key)
    if held is None or held[0] is not countries:
        parts = [
            (
                country,
                [
                    (box, [(tuple(p[0] for p in r), tuple(p[1] for p in r)) for r in polygon if r])
                    for polygon, box in zip(country.polygons, country.boxes, strict=True)
                ],
            )
            for country in countries
        ]
        held = _prepared[key] = (countries, parts)
    return held[1]


@cache
def _ring_format(points: int) -> str:
    """The operators of a closed ring of ``points`` points: move, lines, close (1/100 pt)."""
    return "%.2f %.2f m " + "%.2f %.2f l " * (points - 1) + "h"


def _ring_code(ring: Outline, projection: geo.Projection, shift: float) -> str:
    """A ring's path operators in ``projection`` at a longitude ``shift`` of 0 or ±360°
    (what ``Projection.project(lon + shift, lat, wrap=False)`` gives, in bulk), without
    the detours it makes outside the view (:func:`_outside_runs_cut`)."""
    lons, lats = ring
    west, south = projection.bbox.west - shift, projection.bbox.south
    sx, sy = projection.sx, projection.sy
    xs = [(lon - west) * sx for lon in lons]
    ys = [(lat - south) * sy for lat in lats]
    kept = _outside_runs_cut(xs, ys, projection.width, projection.height)
    if kept is not None:
        xs, ys = [xs[i] for i in kept], [ys[i] for i in kept]
    flat: list[float] = [0.0] * (2 * len(xs))
    flat[0::2], flat[1::2] = xs, ys
    return _ring_format(len(xs)) % tuple(flat)


def _outside_runs_cut(
    xs: list[float], ys: list[float], width: float, height: float
) -> list[int] | None:
    """The indices of the points to keep, or None to keep them all.

    A run of consecutive points that all lie beyond the same edge of the view (with a
    margin wider than the outline's stroke) is drawn from its first point to its last:
    the cut part and its chord lie beyond that edge, so nothing inside the view changes,
    filled or stroked.  A continent seen from close by thus costs a few points per edge
    instead of its whole coast (smaller pages, less to compress).
    """
    low_x, high_x, low_y, high_y = (
        -VIEW_MARGIN,
        width + VIEW_MARGIN,
        -VIEW_MARGIN,
        height + VIEW_MARGIN,
    )
    codes = [
        (x < low_x) | (x > high_x) << 1 | (y < low_y) << 2 | (y > high_y) << 3
        for x, y in zip(xs, ys, strict=True)
    ]
    if not any(codes):
        return None
    kept: list[int] = []
    start, n = 0, len(codes)
    while start < n:
        common, end = codes[start], start
        while end + 1 < n and common & codes[end + 1]:
            end += 1
            common &= codes[end]
        kept.append(start)
        if end > start:
            kept.append(end)
        start = end + 1
    return kept if len(kept) < n else None
