"""Offline world geography: country outlines, distances, a map projection, time differences.

Why one module: the PDF fact sheets and the window's dashboard both draw locator maps
and state how far a partner is from the home city and what time it is there.  Keeping the
arithmetic and the data here, free of Qt and of ReportLab, lets both share it and lets the
tests check it without drawing anything.

The outlines are Natural Earth's public-domain admin-0 countries, shipped as compact
JSON files in ``resources/geo/`` (see its README): the 1:110m ones (about 140 kB) for the
window and world-wide maps, and the 1:10m ones simplified to 0.05° (about 640 kB, read only
when a printed map shows a region: ``load_countries(fine=True)``), each read once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from .text import MONTHS_FR as _MONTHS_FR

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
MAX_LATITUDE = 85.0  # a plate carrée view never goes closer to the poles than this

Point = tuple[float, float]  # (longitude, latitude) in degrees, like the GeoJSON order
Ring = tuple[Point, ...]


@dataclass(frozen=True)
class Country:
    """One country's outline: polygons, each an outer ring followed by its holes."""

    a2: str | None  # ISO 3166-1 alpha-2, None for a few disputed territories
    a3: str | None
    name: str  # Natural Earth's English name
    polygons: tuple[tuple[Ring, ...], ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north
    #: each polygon's own (west, south, east, north): a view draws only those it overlaps
    boxes: tuple[tuple[float, float, float, float], ...] = ()


def _ring(flat: Sequence[float]) -> Ring:
    return tuple(zip(flat[0::2], flat[1::2], strict=False))


OUTLINES = {False: "countries-110m.json", True: "countries-10m-simplified.json"}


def _box(rings: Iterable[Ring]) -> tuple[float, float, float, float]:
    lons = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    return (min(lons), min(lats), max(lons), max(lats))


def load_countries(fine: bool = False) -> tuple[Country, ...]:
    """Every country of the bundled outlines (read and parsed once per process): the
    1:110m ones, or with ``fine`` the 1:10m ones simplified to 0.05° for printed regions."""
    return _load_countries(bool(fine))


@cache  # one key per set: ``()``, ``(False,)`` and ``fine=`` are the same
def _load_countries(fine: bool) -> tuple[Country, ...]:
    path = resources.files("resources").joinpath("geo", OUTLINES[fine])
    document = json.loads(path.read_text(encoding="utf-8"))
    countries = []
    for item in document["countries"]:
        polygons = tuple(tuple(_ring(r) for r in polygon) for polygon in item["polygons"])
        boxes = tuple(_box(polygon[:1]) for polygon in polygons)
        countries.append(
            Country(
                a2=item["a2"],
                a3=item["a3"],
                name=item["name"],
                polygons=polygons,
                bbox=(
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                ),
                boxes=boxes,
            )
        )
    return tuple(countries)


def country_outline(a2: str | None) -> Country | None:
    """The outline of the country with ISO code ``a2``, if the data has it."""
    if not a2:
        return None
    code = a2.upper()
    return next((c for c in load_countries() if c.a2 == code), None)


# -- distances -------------------------------------------------------------------------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine formula, spherical Earth)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def great_circle(
    lat1: float, lon1: float, lat2: float, lon2: float, steps: int = 64
) -> list[Point]:
    """Points (lon, lat) along the shortest path; longitudes run on without a 360° jump."""
    a, b = _vector(lat1, lon1), _vector(lat2, lon2)
    omega = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(a, b, strict=False)))))
    if omega < 1e-9:
        return [(lon1, lat1), (lon2, lat2)]
    points: list[Point] = []
    previous_lon = lon1
    for i in range(steps + 1):
        t = i / steps
        s1 = math.sin((1 - t) * omega) / math.sin(omega)
        s2 = math.sin(t * omega) / math.sin(omega)
        x, y, z = (s1 * p + s2 * q for p, q in zip(a, b, strict=False))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        lon += 360 * round((previous_lon - lon) / 360)  # stay next to the previous point
        points.append((lon, lat))
        previous_lon = lon
    return points


# -- projection ------------------------------------------------------------------------


@dataclass(frozen=True)
class BBox:
    """A map view in degrees.  ``east`` may exceed 180 when the view crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @property
    def centre_lon(self) -> float:
        return (self.west + self.east) / 2

    @property
    def centre_lat(self) -> float:
        return (self.south + self.north) / 2


def _longitude_extent(lons: Iterable[float]) -> tuple[float, float]:
    """The shortest longitude interval holding every value: the complement of the widest gap."""
    values = sorted({((lon + 180) % 360) - 180 for lon in lons})
    if len(values) == 1:
        return values[0], values[0]
    gaps = [(values[(i + 1) % len(values)] - values[i]) % 360 for i in range(len(values))]
    widest = max(range(len(values)), key=lambda i: gaps[i])
    west = values[(widest + 1) % len(values)]
    east = values[widest]
    return west, east if east >= west else east + 360


def bbox_around(
    points: Iterable[Point],
    *,
    aspect: float,
    margin: float = 0.18,
    min_span: float = 14.0,
) -> BBox:
    """A view holding ``points`` with a margin, shaped to ``aspect`` (width / height).

    The view is as small as the points allow but never narrower than ``min_span`` degrees
    of latitude, so that two close cities are still placed on a recognisable map.
    """
    points = list(points)
    west, east = _longitude_extent(p[0] for p in points)
    south = min(p[1] for p in points)
    north = max(p[1] for p in points)
    lat_pad = max(north - south, min_span) * margin
    lon_pad = max(east - west, min_span) * margin
    west, east, south, north = west - lon_pad, east + lon_pad, south - lat_pad, north + lat_pad
    # Grow the short side to the wanted shape (widths shrink by cos(latitude) on the map).
    for _ in range(2):  # the second pass settles the latitude used for the cosine
        mid = max(-MAX_LATITUDE, min(MAX_LATITUDE, (south + north) / 2))
        k = math.cos(math.radians(mid))
        height = max(north - south, min_span)
        width = max((east - west) * k, min_span * k)
        if width / height < aspect:
            width = height * aspect
        else:
            height = width / aspect
        lon_mid, lat_mid = (west + east) / 2, (south + north) / 2
        half_lon = min(180.0, width / k / 2)
        west, east = lon_mid - half_lon, lon_mid + half_lon
        south, north = lat_mid - height / 2, lat_mid + height / 2
    if north > MAX_LATITUDE:
        south, north = south - (north - MAX_LATITUDE), MAX_LATITUDE
    if south < -MAX_LATITUDE:
        south, north = -MAX_LATITUDE, min(MAX_LATITUDE, north + (-MAX_LATITUDE - south))
    if west < -180:
        west, east = west + 360, east + 360
    return BBox(west, south, east, north)


class Projection:
    """Equirectangular (plate carrée with a standard parallel) from a view onto a rectangle.

    ``project`` gives coordinates in the rectangle's units with the origin at its lower-left
    corner (PDF convention), or at its upper-left corner with ``y_down=True`` (Qt).  The
    view fills the rectangle; a view from :func:`bbox_around` with the rectangle's aspect
    makes a degree of longitude cos(middle latitude) times a degree of latitude, so shapes
    near that latitude look right.
    """

    def __init__(self, bbox: BBox, width: float, height: float, *, y_down: bool = False) -> None:
        self.bbox, self.width, self.height, self.y_down = bbox, width, height, y_down
        self.sx = width / (bbox.east - bbox.west)  # units per degree of longitude
        self.sy = height / (bbox.north - bbox.south)  # units per degree of latitude

    def wrap(self, lon: float) -> float:
        """``lon`` moved by whole turns to lie nearest the view's middle."""
        centre = self.bbox.centre_lon
        return centre + ((lon - centre + 180) % 360) - 180

    def project(self, lon: float, lat: float, *, wrap: bool = True) -> tuple[float, float]:
        if wrap:
            lon = self.wrap(lon)
        x = (lon - self.bbox.west) * self.sx
        y = (lat - self.bbox.south) * self.sy
        return (x, self.height - y) if self.y_down else (x, y)

    def shifts(self, country: Country) -> list[float]:
        """Longitude shifts (0, ±360) at which ``country`` overlaps the view."""
        return self.box_shifts(country.bbox)

    def box_shifts(self, box: tuple[float, float, float, float]) -> list[float]:
        """Longitude shifts (0, ±360) at which the (west, south, east, north) ``box``
        overlaps the view."""
        west, south, east, north = box
        if north < self.bbox.south or south > self.bbox.north:
            return []
        return [
            shift
            for shift in (0.0, -360.0, 360.0)
            if west + shift <= self.bbox.east and east + shift >= self.bbox.west
        ]


# -- time differences ------------------------------------------------------------------


def utc_offset(timezone: str, at: datetime) -> timedelta:
    """The offset from UTC of ``timezone`` at the instant ``at`` (aware or taken as UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=ZoneInfo("UTC"))
    return at.astimezone(ZoneInfo(timezone)).utcoffset() or timedelta(0)


def time_difference(timezone: str, home_timezone: str, at: datetime) -> timedelta:
    """How far ahead of the home city's clocks ``timezone``'s clocks are at ``at``."""
    return utc_offset(timezone, at) - utc_offset(home_timezone, at)


def format_hours(delta: timedelta) -> str:
    """ "−6 h", "+5 h 30", "même heure" (French typography: true minus, no-break spaces)."""
    minutes = round(delta.total_seconds() / 60)
    if minutes == 0:
        return "même heure"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}\u00a0h" + (f"\u00a0{rest:02d}" if rest else "")


def describe_time_difference(timezone: str, home_timezone: str, today: date) -> str:
    """The time difference on ``today`` in French, with its seasonal variation if any.

    "−6 h" when it never varies; "−1 h (−2 h en été)" when the two places change their
    clocks on different dates, or only one of them does.  Seasons are the home city's
    (mid-January and mid-July).
    """
    noon = datetime.combine(today, time(12), ZoneInfo("UTC"))
    now = time_difference(timezone, home_timezone, noon)
    winter = time_difference(timezone, home_timezone, noon.replace(month=1, day=15))
    summer = time_difference(timezone, home_timezone, noon.replace(month=7, day=15))
    text = format_hours(now)
    if winter != summer:
        seasons = ((winter, "hiver"), (summer, "été"))
        others = [f"{format_hours(d)} en {season}" for d, season in seasons if d != now]
        return f"{text} ({', '.join(others)})"
    if now != winter:
        return f"{text} ({format_hours(winter)} le reste de l'année)"
    return text


MAX_STAY_DAYS = 366


def time_difference_spans(
    timezone: str, home_timezone: str, first: date, last: date
) -> list[tuple[date, date, timedelta]]:
    """The time difference day by day over a stay, as runs of days (first, last, difference).

    One run when no clock changes during the stay; two when one place changes its clocks
    in between.  Measured at noon UTC, like :func:`describe_time_difference`.
    """
    last = min(max(first, last), first + timedelta(days=MAX_STAY_DAYS))
    spans: list[tuple[date, date, timedelta]] = []
    day = first
    while day <= last:
        noon = datetime.combine(day, time(12), ZoneInfo("UTC"))
        delta = time_difference(timezone, home_timezone, noon)
        if spans and spans[-1][2] == delta:
            spans[-1] = (spans[-1][0], day, delta)
        else:
            spans.append((day, day, delta))
        day += timedelta(days=1)
    return spans


def describe_time_difference_during(
    timezone: str, home_timezone: str, first: date, last: date
) -> str:
    """ "−6 h" for the whole stay, or "−6 h jusqu'au 2 novembre, puis −5 h" when it changes."""
    spans = time_difference_spans(timezone, home_timezone, first, last)
    parts = []
    for index, (_start, end, delta) in enumerate(spans):
        if index < len(spans) - 1:
            until = f"{'1er' if end.day == 1 else end.day} {_MONTHS_FR[end.month - 1]}"
            parts.append(f"{format_hours(delta)} jusqu'au {until}")
        else:
            parts.append(format_hours(delta))
    return ", puis ".join(parts)
